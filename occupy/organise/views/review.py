"""Review pages: assigning reviewers and the criteria (cfp.manage_call), and reviewing (cfp.review_submission).

A reviewer opens only the contributions assigned to them: any other reference answers 404, the same as one that
does not exist, so the page tells an unassigned reviewer nothing about a contribution. Until a reviewer has
saved their own review they do not see the others' scores.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from occupy.cfp.models import ReviewCriterion, Submission, SubmissionState
from occupy.cfp.queries import (
    assignments_for_reviewer,
    criteria_of,
    other_reviews,
    own_review,
    reviewers_of,
    submission_for_review,
    submissions_for_assignment,
)
from occupy.cfp.services.review import (
    assign_reviewer,
    assign_reviews,
    delete_criterion,
    save_criterion,
    save_review,
    unassign_reviewer,
)
from occupy.editions.queries import get_edition_or_404
from occupy.editions.roles import MANAGE_CALL, REVIEW
from occupy.organise.permissions import require_permission
from occupy.organise.review_forms import AssignForm, AutoAssignForm, CriterionForm, ReviewForm
from occupy.registration.views.headers import private_page


def _page(request, template, context, status=200):
    return render(request, template, {"show_workspace_link": True, **context}, status=status)


@private_page
@require_permission(MANAGE_CALL)
@require_http_methods(["GET", "POST"])
def assign(request, edition):
    edition = get_edition_or_404(edition, published_only=False)
    reviewers = reviewers_of(edition)
    form = AssignForm(reviewers=reviewers)
    auto = AutoAssignForm()
    status = 200
    if request.method == "POST" and "per_submission" in request.POST:
        auto = AutoAssignForm(request.POST)
        if auto.is_valid():
            made = assign_reviews(edition=edition, per_submission=auto.cleaned_data["per_submission"])
            messages.success(request, _("%(count)d assignments made.") % {"count": made})
            return redirect(request.path)
        status = 400
    elif request.method == "POST":
        form = AssignForm(request.POST, reviewers=reviewers)
        if form.is_valid():
            submission = get_object_or_404(
                Submission, edition=edition, code=form.cleaned_data["submission"], state=SubmissionState.SUBMITTED
            )
            reviewer = next(r for r in reviewers if r.pk == form.cleaned_data["reviewer"])
            try:
                if form.cleaned_data["action"] == "add":
                    assign_reviewer(submission=submission, reviewer=reviewer)
                else:
                    unassign_reviewer(submission=submission, reviewer=reviewer)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect(request.path)
        status = 400
    context = {
        "edition": edition,
        "reviewers": reviewers,
        "submissions": submissions_for_assignment(edition),
        "form": form,
        "auto": auto,
    }
    return _page(request, "organise/review/assign.html", context, status)


@private_page
@require_permission(MANAGE_CALL)
@require_http_methods(["GET", "POST"])
def criteria(request, edition):
    edition = get_edition_or_404(edition, published_only=False)
    criterion = None
    chosen = request.POST.get("criterion") or request.GET.get("criterion")  # the one to change or delete
    if chosen:
        criterion = get_object_or_404(ReviewCriterion, edition=edition, pk=_number(chosen))
    if criterion is not None and "delete" in request.POST:
        delete_criterion(criterion=criterion)
        return redirect(request.path)
    form = CriterionForm(request.POST if request.method == "POST" else None, instance=criterion)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            save_criterion(edition=edition, criterion=criterion, **form.cleaned_data)
            return redirect(request.path)
        status = 400
    context = {"edition": edition, "criteria": criteria_of(edition), "form": form, "editing": criterion}
    return _page(request, "organise/review/criteria.html", context, status)


def _number(value: str) -> int:
    return int(value) if value.isdigit() and len(value) < 10 else 0


@private_page
@require_permission(REVIEW)
def assigned(request, edition):
    edition = get_edition_or_404(edition, published_only=False)
    context = {"edition": edition, "submissions": assignments_for_reviewer(edition, request.user)}
    return _page(request, "organise/review/assigned.html", context)


@private_page
@require_permission(REVIEW)
@require_http_methods(["GET", "POST"])
def review(request, edition, code):
    edition = get_edition_or_404(edition, published_only=False)
    submission = submission_for_review(edition, code, request.user)
    mine = own_review(submission, request.user)
    form = ReviewForm(request.POST if request.method == "POST" else None, criteria=criteria_of(edition), review=mine)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                save_review(
                    submission=submission,
                    reviewer=request.user,
                    scores=form.scores(),
                    comment=form.cleaned_data["comment"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Your review is saved."))
                return redirect(request.path)
        status = 400
    context = {
        "edition": edition,
        "submission": submission,
        "form": form,
        "reviewed": mine is not None,
        "others": other_reviews(submission, request.user) if mine is not None else [],
    }
    return _page(request, "organise/review/review.html", context, status)
