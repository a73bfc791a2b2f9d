"""Running the product: the health and readiness endpoints a load balancer or monitor asks,
and `manage.py serve`, which starts the application server and the task worker together."""
