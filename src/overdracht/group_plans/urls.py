from django.urls import path

from overdracht.group_plans import views

app_name = "group_plans"

urlpatterns = [
    path("classes/<int:class_group_id>/group-plans/", views.class_plans, name="class"),
    path("group-plans/<int:plan_id>/", views.plan, name="plan"),
]
