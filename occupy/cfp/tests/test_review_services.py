"""Assigning reviewers (by hand and balanced), criteria and reviews, and the ranking's weighted averages."""

from collections import Counter

import pytest
from django.core.exceptions import ValidationError

from occupy.cfp.models import ReviewAssignment, Score, SubmissionState
from occupy.cfp.queries import ranking
from occupy.cfp.services.review import assign_reviewer, assign_reviews, save_review, unassign_reviewer
from occupy.cfp.tests.factories import ReviewCriterionFactory, SubmissionFactory, SubmissionSpeakerFactory, UserFactory
from occupy.cfp.tests.roles import give_organisation, with_role
from occupy.editions.models import Role
from occupy.editions.tests.factories import EditionFactory
from occupy.people.models import Person

pytestmark = pytest.mark.django_db


def loads(edition):
    assignments = ReviewAssignment.objects.filter(submission__edition=edition)
    return Counter(assignments.values_list("reviewer__username", flat=True))


def test_assign_reviews_balances_the_load_and_keeps_existing_assignments():
    edition = EditionFactory()
    reviewers = [with_role(edition, username=f"rev{n}") for n in range(3)]
    submissions = SubmissionFactory.create_batch(5, edition=edition)
    ReviewAssignment.objects.create(submission=submissions[0], reviewer=reviewers[0])

    made = assign_reviews(edition=edition, per_submission=2)

    assert made == 9  # 5 × 2, less the one already there
    assert loads(edition) == {"rev0": 4, "rev1": 3, "rev2": 3}
    assert all(submission.assignments.count() == 2 for submission in submissions)
    assert assign_reviews(edition=edition, per_submission=2) == 0


def test_assign_reviews_is_deterministic():
    edition = EditionFactory()
    for n in range(4):
        with_role(edition, username=f"rev{n}")
    SubmissionFactory.create_batch(6, edition=edition)
    assign_reviews(edition=edition, per_submission=2)
    first = set(ReviewAssignment.objects.values_list("submission__code", "reviewer__username"))
    ReviewAssignment.objects.all().delete()
    assign_reviews(edition=edition, per_submission=2)
    assert set(ReviewAssignment.objects.values_list("submission__code", "reviewer__username")) == first


def test_assign_reviews_never_gives_a_reviewer_a_contribution_of_their_organisation_or_their_own():
    edition = EditionFactory()
    colleague = with_role(edition, username="colleague", organisation="  Biblioteca  Județeană Cluj ")
    with_role(edition, username="other", organisation="National Library")
    organiser = with_role(edition, Role.ORGANISER, username="organiser")
    submitter = UserFactory(username="submitter")
    give_organisation(submitter, "biblioteca județeană cluj")  # the submitter's own profile, not on the speaker row
    of_cluj = SubmissionFactory(edition=edition, submitter=submitter)
    cospeaker = SubmissionFactory(edition=edition)
    SubmissionSpeakerFactory(
        submission=cospeaker, person=Person.objects.create(slug="np", name="N", organisation="NATIONAL library")
    )
    by_the_organiser = SubmissionFactory(edition=edition, submitter=organiser)

    assign_reviews(edition=edition, per_submission=3)

    assigned = set(ReviewAssignment.objects.values_list("submission_id", "reviewer__username"))
    assert assigned == {
        (of_cluj.pk, "other"),
        (of_cluj.pk, "organiser"),
        (cospeaker.pk, "colleague"),
        (cospeaker.pk, "organiser"),
        (by_the_organiser.pk, "colleague"),
        (by_the_organiser.pk, "other"),
    }
    with pytest.raises(ValidationError, match="organisation"):
        assign_reviewer(submission=of_cluj, reviewer=colleague)
    with pytest.raises(ValidationError, match="submitted this contribution"):
        assign_reviewer(submission=by_the_organiser, reviewer=organiser)


def test_assign_reviews_leaves_drafts_and_withdrawn_contributions_alone():
    edition = EditionFactory()
    with_role(edition)
    SubmissionFactory(edition=edition, state=SubmissionState.DRAFT)
    SubmissionFactory(edition=edition, state=SubmissionState.WITHDRAWN)
    assert assign_reviews(edition=edition, per_submission=1) == 0


def test_assign_reviewer_by_hand_refuses_an_account_without_a_role_in_the_edition():
    edition = EditionFactory()
    submission = SubmissionFactory(edition=edition)
    reviewer_elsewhere = with_role(EditionFactory())
    with pytest.raises(ValidationError, match="does not review for this edition"):
        assign_reviewer(submission=submission, reviewer=reviewer_elsewhere)
    reviewer = with_role(edition)
    assign_reviewer(submission=submission, reviewer=reviewer)
    assign_reviewer(submission=submission, reviewer=reviewer)
    assert submission.assignments.count() == 1
    assert unassign_reviewer(submission=submission, reviewer=reviewer) is True
    assert unassign_reviewer(submission=submission, reviewer=reviewer) is False


def review_with(submission, reviewer, scores, comment=""):
    ReviewAssignment.objects.get_or_create(submission=submission, reviewer=reviewer)
    return save_review(submission=submission, reviewer=reviewer, scores=scores, comment=comment)


def test_ranking_averages_the_weighted_scores_of_the_reviews_exactly():
    edition = EditionFactory()
    relevance = ReviewCriterionFactory(edition=edition, weight=3)
    clarity = ReviewCriterionFactory(edition=edition, weight=1)
    first, second = with_role(edition), with_role(edition)
    strong = SubmissionFactory(edition=edition, title="Strong")
    weak = SubmissionFactory(edition=edition, title="Weak")
    SubmissionFactory(edition=edition, title="Unreviewed")
    review_with(strong, first, {relevance.pk: 5, clarity.pk: 1})  # (15 + 1) / 4 = 4.0
    review_with(strong, second, {relevance.pk: 3, clarity.pk: 3})  # (9 + 3) / 4 = 3.0
    review_with(weak, first, {relevance.pk: 1, clarity.pk: 2})  # (3 + 2) / 4 = 1.25

    rows = list(ranking(edition))

    assert [(row.title, row.average, row.spread, row.review_count) for row in rows] == [
        ("Strong", 3.5, 1.0, 2),
        ("Weak", 1.25, 0.0, 1),
        ("Unreviewed", None, None, 0),
    ]
    assert [row.title for row in ranking(edition, order="average")] == ["Weak", "Strong", "Unreviewed"]


def test_ranking_filters_by_theme_and_format():
    from occupy.editions.tests.factories import SessionFormatFactory, ThemeFactory

    edition = EditionFactory()
    theme, other_theme = ThemeFactory(edition=edition), ThemeFactory(edition=edition)
    workshop = SessionFormatFactory(edition=edition)
    SubmissionFactory(edition=edition, title="A", theme=theme, format=workshop)
    SubmissionFactory(edition=edition, title="B", theme=theme)
    SubmissionFactory(edition=edition, title="C", theme=other_theme, format=workshop)
    SubmissionFactory(edition=edition, title="Draft", theme=theme, state=SubmissionState.DRAFT)
    SubmissionFactory(edition=edition, title="Withdrawn", theme=theme, state=SubmissionState.WITHDRAWN)
    SubmissionFactory(edition=edition, title="Confirmed", theme=other_theme, state=SubmissionState.CONFIRMED)
    assert sorted(row.title for row in ranking(edition, theme=theme)) == ["A", "B"]
    assert sorted(row.title for row in ranking(edition, theme=other_theme)) == ["C", "Confirmed"]
    assert sorted(row.title for row in ranking(edition, session_format=workshop)) == ["A", "C"]
    assert [row.title for row in ranking(edition, theme=theme, session_format=workshop)] == ["A"]


def test_save_review_needs_an_assignment_and_a_score_on_every_criterion_within_the_scale():
    edition = EditionFactory()
    criterion = ReviewCriterionFactory(edition=edition)
    other = ReviewCriterionFactory(edition=edition)
    reviewer = with_role(edition)
    submission = SubmissionFactory(edition=edition)
    with pytest.raises(ValidationError, match="not assigned"):
        save_review(submission=submission, reviewer=reviewer, scores={criterion.pk: 3, other.pk: 3}, comment="")
    ReviewAssignment.objects.create(submission=submission, reviewer=reviewer)
    with pytest.raises(ValidationError, match="every criterion"):
        save_review(submission=submission, reviewer=reviewer, scores={criterion.pk: 3}, comment="")
    with pytest.raises(ValidationError, match="from 0 to 5"):
        save_review(submission=submission, reviewer=reviewer, scores={criterion.pk: 6, other.pk: 3}, comment="")
    review = save_review(submission=submission, reviewer=reviewer, scores={criterion.pk: 4, other.pk: 2}, comment="Ok")
    save_review(submission=submission, reviewer=reviewer, scores={criterion.pk: 1, other.pk: 2}, comment="Changed")
    review.refresh_from_db()
    assert review.comment == "Changed"
    assert sorted(Score.objects.filter(review=review).values_list("value", flat=True)) == [1, 2]
