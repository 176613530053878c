from django.urls import path

from occupy.cfp import confirmation_views

app_name = "cfp-confirm"
urlpatterns = [
    path("cfp/confirm/<str:invitation>/", confirmation_views.confirm, name="confirm"),
]
