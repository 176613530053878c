"""Every organiser page, under organise/. Each view checks a named permission for the edition in its URL
(`occupy/organise/permissions.py`); the role matrix test walks this list."""

from django.urls import path

from occupy.organise.views import (
    announcements,
    badges,
    call,
    checkin,
    dashboard,
    decisions,
    desk,
    editions,
    home,
    live,
    practices,
    registrations,
    review,
    roles,
    schedule,
    survey,
)

app_name = "organise"
urlpatterns = [
    path("organise/", home.home, name="home"),
    # Editions: a new one (a draft), its settings, publishing it.
    path("organise/new/", editions.new_edition, name="edition-new"),
    # The good-practice library (every edition's): proposals, edits, an edition's sessions taken in.
    path("organise/practices/", practices.practices, name="practices"),
    path("organise/practices/from-edition/", practices.practices_from_edition, name="practices-from-edition"),
    path("organise/practices/<int:practice>/", practices.practice_edit, name="practice-edit"),
    path("organise/practices/<int:practice>/decide/", practices.practice_decide, name="practice-decide"),
    path("organise/<slug:edition>/settings/", editions.edition_settings, name="edition-settings"),
    path("organise/<slug:edition>/publish/", editions.publish, name="edition-publish"),
    # Who may do what for an edition.
    path("organise/<slug:edition>/people/", roles.roles, name="roles"),
    path("organise/<slug:edition>/people/take/", roles.take_role, name="roles-take"),
    # Registrations, check-in and badges.
    path("organise/<slug:edition>/registrations/", registrations.registrations, name="registrations"),
    path("organise/<slug:edition>/registrations.csv", registrations.registrations_csv, name="registrations-csv"),
    path("organise/<slug:edition>/check-in/", checkin.check_in_page, name="check-in"),
    path("organise/<slug:edition>/check-in/count.json", checkin.check_in_count, name="check-in-count"),
    # At the check-in desk: walk-ins and online registrants who came to the venue.
    path("organise/<slug:edition>/check-in/walk-in/", desk.walk_in, name="walk-in"),
    path("organise/<slug:edition>/check-in/to-live/", desk.move_to_live, name="move-to-live"),
    path("organise/<slug:edition>/badges/", badges.badges_page, name="badges-page"),
    path("organise/<slug:edition>/badges.pdf", badges.badges_pdf, name="badges"),
    path("organise/<slug:edition>/badges/<int:batch>.pdf", badges.badge_batch_pdf, name="badges-batch"),
    # The call for contributions.
    path("organise/<slug:edition>/call/", call.call_settings, name="call"),
    # Review and decisions: reviewers, criteria, reviewing, the ranking, the decision e-mails.
    path("organise/<slug:edition>/review/", review.assigned, name="review-list"),
    path("organise/<slug:edition>/review/assign/", review.assign, name="review-assign"),
    path("organise/<slug:edition>/review/criteria/", review.criteria, name="review-criteria"),
    path("organise/<slug:edition>/review/ranking/", decisions.ranking_page, name="review-ranking"),
    path("organise/<slug:edition>/review/templates/", decisions.templates, name="review-templates"),
    path("organise/<slug:edition>/review/<str:code>/", review.review, name="review-submission"),
    # The schedule editor and its publication.
    path("organise/<slug:edition>/schedule/", schedule.editor, name="schedule"),
    path("organise/<slug:edition>/schedule/place/", schedule.place, name="schedule-place"),
    path("organise/<slug:edition>/schedule/unschedule/", schedule.unschedule, name="schedule-unschedule"),
    path("organise/<slug:edition>/schedule/publish/", schedule.publish, name="schedule-publish"),
    # The event as it happens: streams and recordings, feedback and the way to each session's questions.
    path("organise/<slug:edition>/live/streams/", live.streams, name="live-streams"),
    path("organise/<slug:edition>/live/feedback/", live.feedback, name="live-feedback"),
    # Announcements, the post-event survey, the dashboard.
    path("organise/<slug:edition>/announcements/", announcements.announcement_list, name="announcements"),
    path(
        "organise/<slug:edition>/announcements/<int:announcement>/",
        announcements.announcement,
        name="announcement",
    ),
    path(
        "organise/<slug:edition>/announcements/<int:announcement>/send/",
        announcements.send,
        name="announcement-send",
    ),
    path(
        "organise/<slug:edition>/announcements/<int:announcement>/progress.json",
        announcements.progress,
        name="announcement-progress",
    ),
    path("organise/<slug:edition>/survey/", survey.survey_settings, name="survey"),
    path("organise/<slug:edition>/survey/results/", survey.results, name="survey-results"),
    path("organise/<slug:edition>/survey/results.csv", survey.results_csv, name="survey-csv"),
    path("organise/<slug:edition>/dashboard/", dashboard.dashboard, name="dashboard"),
]
