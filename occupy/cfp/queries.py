"""Named reads of the call for contributions and its review, each declaring what it loads, so pages keep a fixed
number of queries."""

from django.contrib.auth import get_user_model
from django.db.models import (
    Avg,
    Count,
    Exists,
    F,
    FloatField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Cast, Coalesce
from django.http import Http404
from django.utils.translation import gettext as _

from occupy.cfp.models import (
    Call,
    CallQuestion,
    Review,
    ReviewAssignment,
    ReviewCriterion,
    Score,
    Submission,
    SubmissionAnswer,
    SubmissionSpeaker,
    SubmissionState,
)
from occupy.editions.models import Edition, EditionRole, Role, SessionFormat, Theme


def get_call_or_404(edition: Edition) -> Call:
    """The edition's call with its themes, formats and questions (four queries); 404 when it has none."""
    call = (
        Call.objects.filter(edition=edition)
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by("order", "title")),
            Prefetch("formats", queryset=SessionFormat.objects.order_by("order", "name")),
            Prefetch("questions", queryset=CallQuestion.objects.order_by("order", "pk")),
        )
        .first()
    )
    if call is None:
        raise Http404(_("This edition has no call for contributions."))
    return call


def call_themes(call: Call) -> list[Theme]:
    """The themes a submitter may choose: the call's, or every theme of the edition when it names none."""
    themes = list(call.themes.all())
    return themes or list(Theme.objects.filter(edition_id=call.edition_id).order_by("order", "title"))


def call_formats(call: Call) -> list[SessionFormat]:
    formats = list(call.formats.all())
    return formats or list(SessionFormat.objects.filter(edition_id=call.edition_id).order_by("order", "name"))


def submissions_of(user) -> list[Submission]:
    """An account's contributions, newest first, with edition, format, theme and speakers (two queries)."""
    return list(
        Submission.objects.filter(submitter=user)
        .select_related("edition", "format", "theme")
        .prefetch_related(Prefetch("speakers", queryset=SubmissionSpeaker.objects.order_by("order", "pk")))
        .order_by("-created_at", "-pk")
    )


def get_own_submission_or_404(code: str, user) -> Submission:
    """The contribution `code` of this account, with its edition, call, speakers and answers; 404 for a code
    that is unknown or another account's (never 403: that would tell the code exists)."""
    submission = (
        Submission.objects.filter(code=code[:20], submitter=user)
        .select_related("edition__call", "format", "theme")
        .prefetch_related("speakers", "answers")
        .first()
    )
    if submission is None:
        raise Http404(_("There is no such contribution in your account."))
    return submission


def get_invitation_or_404(invitation: str) -> SubmissionSpeaker:
    speaker = (
        SubmissionSpeaker.objects.filter(invitation=invitation[:20], is_submitter=False)
        .select_related("submission__edition", "submission__submitter", "submission__format")
        .first()
    )
    if speaker is None:
        raise Http404(_("This invitation does not exist or was withdrawn."))
    return speaker


# Where a decision can be taken: the contribution was submitted and is not confirmed or withdrawn since.
DECIDABLE = (SubmissionState.SUBMITTED, SubmissionState.ACCEPTED, SubmissionState.WAITLISTED, SubmissionState.REJECTED)
RANKING_ORDERS = {"average": "ascending", "-average": "descending"}


def same_organisation(name: str) -> str:
    """An organisation's name as compared: without case and spaces ("Biblioteca  X" is "biblioteca x")."""
    return "".join((name or "").split()).casefold()


def reviewers_of(edition) -> list:
    """The accounts that review for `edition` (reviewer or organiser role), with their speaker profile (for the
    organisation), by username (one query)."""
    return list(
        get_user_model()
        .objects.filter(
            is_active=True,
            pk__in=EditionRole.objects.filter(edition=edition, role__in=[Role.REVIEWER, Role.ORGANISER]).values(
                "user_id"
            ),
        )
        .select_related("person")
        .order_by("username")
    )


def speaker_organisations(submissions) -> dict[int, set[str]]:
    """Each submission's speakers' organisations, compared without case or spaces: a speaker's own profile, and
    for the submitter's entry without one, the submitter's profile (one query)."""
    organisations = {submission.pk: set() for submission in submissions}
    rows = SubmissionSpeaker.objects.filter(submission__in=list(organisations)).values_list(
        "submission_id", "person__organisation", "is_submitter", "submission__submitter__person__organisation"
    )
    for submission_id, own, is_submitter, submitters in rows:
        for name in (own, submitters if is_submitter else ""):
            if same_organisation(name):
                organisations[submission_id].add(same_organisation(name))
    return organisations


def criteria_of(edition) -> list[ReviewCriterion]:
    return list(ReviewCriterion.objects.filter(edition=edition))


def submissions_for_assignment(edition):
    """Submitted contributions with their reviewers, oldest first (two queries)."""
    return (
        Submission.objects.filter(edition=edition, state=SubmissionState.SUBMITTED)
        .select_related("format")
        .prefetch_related(
            Prefetch(
                "assignments",
                queryset=ReviewAssignment.objects.select_related("reviewer").order_by("reviewer__username"),
            )
        )
        .order_by("submitted_at", "pk")
    )


def assignments_for_reviewer(edition, reviewer):
    """The contributions given to `reviewer` in `edition`, each with `reviewed` (their own review is saved), the
    ones still to review first (one query)."""
    own_review = Review.objects.filter(submission=OuterRef("pk"), reviewer=reviewer)
    return (
        Submission.objects.filter(edition=edition, assignments__reviewer=reviewer)
        .select_related("format", "theme")
        .annotate(reviewed=Exists(own_review))
        .order_by("reviewed", "submitted_at", "pk")
    )


def submission_for_review(edition, code: str, reviewer) -> Submission:
    """The contribution `code` of `edition` as its reviewer reads it: format, theme, answers, speakers with their
    profile (for the organisation). 404 unless it is assigned to `reviewer`: an unassigned account learns
    nothing, not even that the reference exists."""
    submission = (
        Submission.objects.filter(edition=edition, code=code[:20], assignments__reviewer=reviewer)
        .select_related("format", "theme", "submitter__person")
        .prefetch_related(
            Prefetch("answers", queryset=SubmissionAnswer.objects.select_related("question").order_by("question")),
            Prefetch("speakers", queryset=SubmissionSpeaker.objects.select_related("person")),
        )
        .first()
    )
    if submission is None:
        raise Http404
    return submission


def own_review(submission, reviewer) -> Review | None:
    return Review.objects.filter(submission=submission, reviewer=reviewer).prefetch_related("scores").first()


def other_reviews(submission, reviewer) -> list[Review]:
    """The other reviewers' reviews of `submission`, with their scores and weighted score (two queries)."""
    return list(
        Review.objects.filter(submission=submission)
        .exclude(reviewer=reviewer)
        .annotate(weighted=weighted_score(OuterRef("pk")))
        .prefetch_related(Prefetch("scores", queryset=Score.objects.select_related("criterion")))
        .order_by("created_at", "pk")
    )


def weighted_score(review_ref):
    """One review's weighted score, sum(weight × value) / sum(weight), as a subquery on the review `review_ref`."""
    per_review = (
        Score.objects.filter(review=review_ref)
        .values("review")
        .annotate(
            weighted=Cast(Sum(F("value") * F("criterion__weight")), FloatField())
            / Cast(Sum("criterion__weight"), FloatField())
        )
        .values("weighted")
    )
    return Subquery(per_review, output_field=FloatField())


def _over_reviews(aggregate):
    """An aggregate of the weighted scores of a submission's reviews, as a subquery on the outer submission."""
    reviews = (
        Review.objects.filter(submission=OuterRef("pk"))
        .annotate(weighted=weighted_score(OuterRef("pk")))
        .filter(weighted__isnull=False)
        .values("submission")
        .annotate(result=aggregate("weighted"))
        .values("result")
    )
    return Subquery(reviews)


def ranking(edition, *, theme=None, session_format=None, order: str = "-average"):
    """The edition's contributions past the draft (withdrawn ones left out) with `average` (the mean over reviews
    of each review's weighted score), `spread` (the highest minus the lowest review), `review_count`, computed in
    the database (one query whatever the number of submissions), best first unless `order` is "average"."""
    submissions = (
        Submission.objects.filter(edition=edition)
        .exclude(state__in=[SubmissionState.DRAFT, SubmissionState.WITHDRAWN])
        .select_related("format", "theme")
        .annotate(
            average=_over_reviews(Avg),
            highest=_over_reviews(Max),
            lowest=_over_reviews(Min),
            review_count=Coalesce(_over_reviews(lambda field: Count("pk")), Value(0)),
        )
        .annotate(spread=F("highest") - F("lowest"))
    )
    if theme is not None:
        submissions = submissions.filter(theme=theme)
    if session_format is not None:
        submissions = submissions.filter(format=session_format)
    average = F("average").asc(nulls_last=True) if order == "average" else F("average").desc(nulls_last=True)
    return submissions.order_by(average, "title", "pk")


def decidable_submissions(edition, codes) -> list[Submission]:
    """The contributions of `edition` among the references `codes` that a decision may apply to."""
    return list(
        Submission.objects.filter(edition=edition, code__in=[code[:20] for code in codes], state__in=DECIDABLE)
    )


def speakers_to_remind(*, accepted_before, reminded_before):
    """Speakers of accepted contributions who have not confirmed, accepted before `accepted_before` and not
    reminded since `reminded_before` (one query)."""
    return (
        SubmissionSpeaker.objects.filter(
            submission__state=SubmissionState.ACCEPTED,
            submission__decided_at__lt=accepted_before,
            confirmed_at__isnull=True,
        )
        .filter(Q(reminded_at__isnull=True) | Q(reminded_at__lt=reminded_before))
        .select_related("submission__edition", "submission__submitter")
        .order_by("pk")
    )
