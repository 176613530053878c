from django.urls import path

from occupy.registration.views import manage, public

app_name = "registration"
urlpatterns = [
    path("<slug:edition>/register/", public.register, name="register"),
    path("<slug:edition>/register/sent/", public.sent, name="sent"),
    path("<slug:edition>/register/resend/", public.resend, name="resend"),
    path("<slug:edition>/register/confirm/<str:key>/", public.confirm, name="confirm"),
    path("registration/<str:token>/", manage.manage, name="manage"),
    path("registration/<str:token>/attendance/", manage.switch_attendance, name="switch-attendance"),
    path("registration/<str:token>/cancel/", manage.cancel, name="cancel"),
    path("registration/<str:token>/reinstate/", manage.reinstate, name="reinstate"),
    path("registration/<str:token>/my-data.json", manage.download_data, name="download-data"),
    path("registration/<str:token>/erase/", manage.erase, name="erase"),
]

# The participant's journey after registering: agenda, ticket, joining online, check-in, certificates, badges.
from occupy.registration.views import agenda, agenda_marks, certificates, tickets  # noqa: E402

urlpatterns += [
    path("<slug:edition>/agenda/add/<slug:session>/", agenda.agenda_add, name="agenda-add"),
    path("<slug:edition>/agenda/remove/<slug:session>/", agenda_marks.remove, name="agenda-remove-remembered"),
    path("<slug:edition>/agenda/mine.json", agenda_marks.mine, name="agenda-mine"),
    path("registration/<str:token>/agenda/", agenda.agenda, name="agenda"),
    path("registration/<str:token>/agenda/remove/<slug:session>/", agenda.agenda_remove, name="agenda-remove"),
    path("registration/<str:token>/agenda.ics", agenda.agenda_ics, name="agenda-ics"),
    path("registration/<str:token>/ticket.pdf", tickets.ticket_pdf, name="ticket"),
    path("registration/<str:token>/join/", tickets.join_online, name="join"),
    path("registration/<str:token>/certificate.pdf", certificates.certificate_pdf, name="certificate"),
    path("verify/", certificates.verify_form, name="verify-form"),
    path("verify/<str:code>/", certificates.verify, name="verify"),
]
