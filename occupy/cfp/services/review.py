"""Reviewing an edition's call: who reviews what (by hand or balanced automatically), the criteria, the scores.

Rules kept here, for the organisers' pages and any later caller alike:
- a reviewer is an account with the reviewer or organiser role in the edition;
- only submitted contributions are reviewed (not drafts, not withdrawn ones);
- nobody reviews their own contribution, nor one with a speaker of their own organisation (compared without case
  or spaces).
"""

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from occupy.cfp.models import (
    SCORE_MAX,
    SCORE_MIN,
    Review,
    ReviewAssignment,
    ReviewCriterion,
    Score,
    Submission,
    SubmissionState,
)
from occupy.cfp.queries import reviewers_of, same_organisation, speaker_organisations
from occupy.editions.models import Edition


def conflict_of(reviewer, submission: Submission, organisations: set[str]) -> str:
    """Why `reviewer` may not review `submission` ("" when they may). `organisations`: the speakers' organisations
    (as same_organisation gives them), read once by the caller."""
    if reviewer.pk == submission.submitter_id:
        return _("%(reviewer)s submitted this contribution.") % {"reviewer": reviewer.get_username()}
    person = getattr(reviewer, "person", None)
    own = same_organisation(person.organisation) if person is not None else ""
    if own and own in organisations:
        return _("%(reviewer)s belongs to the organisation of a speaker of this contribution.") % {
            "reviewer": reviewer.get_username()
        }
    return ""


def assign_reviewer(*, submission: Submission, reviewer) -> ReviewAssignment:
    """Give `submission` to `reviewer` (kept if already given). Raises ValidationError when the reviewer has no
    reviewing role in the edition, the contribution is not submitted, or the reviewer has a conflict.

    Side effects: one ReviewAssignment row."""
    if submission.state != SubmissionState.SUBMITTED:
        raise ValidationError(_("Only submitted contributions are reviewed."))
    if not any(candidate.pk == reviewer.pk for candidate in reviewers_of(submission.edition)):
        raise ValidationError(_("This account does not review for this edition."))
    conflict = conflict_of(reviewer, submission, speaker_organisations([submission])[submission.pk])
    if conflict:
        raise ValidationError(conflict)
    with transaction.atomic():
        assignment, _created = ReviewAssignment.objects.get_or_create(submission=submission, reviewer=reviewer)
    return assignment


def unassign_reviewer(*, submission: Submission, reviewer) -> bool:
    """Take `submission` back from `reviewer`; their review, if any, stays (and still counts in the ranking).

    Side effects: deletes at most one ReviewAssignment row. True when there was one."""
    with transaction.atomic():
        deleted, _rows = ReviewAssignment.objects.filter(submission=submission, reviewer=reviewer).delete()
    return deleted > 0


def assign_reviews(*, edition: Edition, per_submission: int) -> int:
    """Give every submitted contribution of `edition` up to `per_submission` reviewers, keeping the assignments
    made already, so that reviewers' loads are as equal as possible.

    Deterministic: contributions in order of submission (then pk); for each, the eligible reviewers with the
    fewest assignments in the edition first (ties: the oldest account first). Never the submitter, never a
    reviewer of a speaker's organisation; a contribution with too few eligible reviewers gets as many as there
    are. Side effects: creates ReviewAssignment rows (one bulk insert). Returns how many."""
    if per_submission < 1:
        raise ValidationError(_("Give each contribution at least one reviewer."))
    reviewers = sorted(reviewers_of(edition), key=lambda reviewer: reviewer.pk)
    with transaction.atomic():
        submissions = list(
            Submission.objects.select_for_update()
            .filter(edition=edition, state=SubmissionState.SUBMITTED)
            .order_by("submitted_at", "pk")
        )
        organisations = speaker_organisations(submissions)
        existing = list(
            ReviewAssignment.objects.filter(submission__edition=edition).values_list("submission_id", "reviewer_id")
        )
        load = Counter(reviewer_id for _submission, reviewer_id in existing)
        assigned = {pair for pair in existing}
        new = []
        for submission in submissions:
            given = sum(1 for reviewer in reviewers if (submission.pk, reviewer.pk) in assigned)
            candidates = [
                reviewer
                for reviewer in reviewers
                if (submission.pk, reviewer.pk) not in assigned
                and not conflict_of(reviewer, submission, organisations[submission.pk])
            ]
            candidates.sort(key=lambda reviewer: (load[reviewer.pk], reviewer.pk))
            for reviewer in candidates[: max(0, per_submission - given)]:
                new.append(ReviewAssignment(submission=submission, reviewer=reviewer))
                assigned.add((submission.pk, reviewer.pk))
                load[reviewer.pk] += 1
        ReviewAssignment.objects.bulk_create(new)
    return len(new)


def save_criterion(
    *, edition: Edition, name: str, description: str = "", weight: int = 1, order: int = 0, criterion=None
):
    """Add a criterion to `edition`, or change `criterion`. Side effects: one ReviewCriterion row."""
    criterion = criterion or ReviewCriterion(edition=edition)
    criterion.name, criterion.description, criterion.weight, criterion.order = name, description, weight, order
    criterion.full_clean()
    with transaction.atomic():
        criterion.save()
    return criterion


def delete_criterion(*, criterion: ReviewCriterion) -> None:
    """Remove a criterion and the scores given on it. Side effects: deletes the criterion and its Score rows."""
    with transaction.atomic():
        criterion.delete()


def save_review(*, submission: Submission, reviewer, scores: dict[int, int], comment: str) -> Review:
    """Record `reviewer`'s review of `submission`: `scores` maps each criterion's pk to a value on the scale.

    Raises ValidationError when the reviewer is not assigned, a criterion of the edition has no score, or a value
    is off the scale. Side effects: creates or updates one Review and its Score rows (one per criterion)."""
    if not ReviewAssignment.objects.filter(submission=submission, reviewer=reviewer).exists():
        raise ValidationError(_("This contribution is not assigned to you."))
    criteria = list(ReviewCriterion.objects.filter(edition_id=submission.edition_id))
    if {criterion.pk for criterion in criteria} != set(scores):
        raise ValidationError(_("Give a score on every criterion."))
    if any(not SCORE_MIN <= value <= SCORE_MAX for value in scores.values()):
        raise ValidationError(_("Scores go from %(min)d to %(max)d.") % {"min": SCORE_MIN, "max": SCORE_MAX})
    with transaction.atomic():
        review, _created = Review.objects.update_or_create(
            submission=submission, reviewer=reviewer, defaults={"comment": comment}
        )
        Score.objects.filter(review=review).delete()
        Score.objects.bulk_create(
            Score(review=review, criterion_id=criterion.pk, value=scores[criterion.pk]) for criterion in criteria
        )
    return review
