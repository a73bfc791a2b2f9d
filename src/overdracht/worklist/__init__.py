"""*Mijn taken* and the personal calendar feed: what a user has to do, gathered from the apps
below."""
