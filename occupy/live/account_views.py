"""A speaker's own page of feedback: the ratings and comments on the sessions they speak in or moderate."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from occupy.live import queries


@never_cache
@login_required
def my_feedback(request):
    sessions = queries.sessions_spoken_by(request.user)
    ids = {session.pk for session in sessions}
    summaries = {}
    for edition in {session.edition for session in sessions}:
        summaries.update(
            {row["session_id"]: row for row in queries.feedback_summary(edition) if row["session_id"] in ids}
        )
    comments = queries.feedback_comments(sessions)
    rows = [
        {"session": session, "summary": summaries.get(session.pk), "comments": comments.get(session.pk, [])}
        for session in sessions
    ]
    return render(request, "live/my_feedback.html", {"rows": rows})
