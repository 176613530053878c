"""The ranking and a reviewer's list keep a fixed number of SQL queries at 50 and 500 submissions."""

import pytest
from django.utils import timezone

from bench.review import seed_ranking
from occupy.cfp.models import Review, ReviewAssignment, Score, Submission, SubmissionState
from occupy.cfp.tests.factories import ReviewCriterionFactory, UserFactory
from occupy.cfp.tests.roles import with_role
from occupy.editions.models import Role
from occupy.editions.tests.factories import EditionFactory, SessionFormatFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def reviewed_submissions(edition, count, reviewer):
    """`count` submitted contributions, each assigned to `reviewer`, half of them reviewed (bulk inserts)."""
    submitter = UserFactory()
    session_format, theme = SessionFormatFactory(edition=edition), ThemeFactory(edition=edition)
    criteria = ReviewCriterionFactory.create_batch(2, edition=edition)
    now = timezone.now()
    submissions = Submission.objects.bulk_create(
        Submission(
            edition=edition,
            title=f"Contribution {n}",
            abstract="What we did.",
            format=session_format,
            theme=theme,
            submitter=submitter,
            state=SubmissionState.SUBMITTED,
            submitted_at=now,
        )
        for n in range(count)
    )
    ReviewAssignment.objects.bulk_create(ReviewAssignment(submission=s, reviewer=reviewer) for s in submissions)
    reviews = Review.objects.bulk_create(Review(submission=s, reviewer=reviewer) for s in submissions[::2])
    Score.objects.bulk_create(
        Score(review=review, criterion=criterion, value=n % 6)
        for n, review in enumerate(reviews)
        for criterion in criteria
    )
    return submissions


@pytest.mark.parametrize("count", [50, 500])
def test_the_ranking_page_keeps_a_fixed_number_of_queries(client, count, django_assert_num_queries):
    """With the benchmark's own set-up (bench/review.py), so what `make bench` measures is what is tested."""
    edition = EditionFactory(year=2031, slug="2031")
    organiser = seed_ranking(edition, count)
    client.force_login(organiser)
    # session, user, the account's and its groups' permissions, roles, edition, the header's editions, themes and
    # formats of the filters, the ranking
    with django_assert_num_queries(10):
        response = client.get("/organise/2031/review/ranking/?order=-average")
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('name="submissions"') == count
    assert page.count("<td>2</td><td>Submitted</td>") == count  # each with its two reviews


@pytest.mark.parametrize("count", [50, 500])
def test_a_reviewers_list_keeps_a_fixed_number_of_queries(client, count, django_assert_num_queries):
    edition = EditionFactory(year=2031, slug="2031")
    reviewer = with_role(edition, Role.REVIEWER)
    reviewed_submissions(edition, count, reviewer)
    client.force_login(reviewer)
    # session, user, the account's and its groups' permissions, roles, edition, the header's editions, the list
    with django_assert_num_queries(8):
        response = client.get("/organise/2031/review/")
    page = response.content.decode()
    assert page.count("Not done yet") == count // 2
    assert page.count(">Done<") == count // 2
