from django.urls import path

from occupy.organise.views import home

app_name = "organise"
urlpatterns = [
    path("organise/", home.home, name="home"),
]

# Review and decisions (cfp): reviewers, criteria, reviewing, the ranking, the decision e-mails.
from occupy.organise.views import decisions as review_decisions  # noqa: E402
from occupy.organise.views import review  # noqa: E402

urlpatterns += [
    path("organise/<slug:edition>/review/", review.assigned, name="review-list"),
    path("organise/<slug:edition>/review/assign/", review.assign, name="review-assign"),
    path("organise/<slug:edition>/review/criteria/", review.criteria, name="review-criteria"),
    path("organise/<slug:edition>/review/ranking/", review_decisions.ranking_page, name="review-ranking"),
    path("organise/<slug:edition>/review/templates/", review_decisions.templates, name="review-templates"),
    path("organise/<slug:edition>/review/<str:code>/", review.review, name="review-submission"),
]
