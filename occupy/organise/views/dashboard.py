"""An edition's dashboard: registrations over time, by country, attendance and status; check-ins; sessions by
theme and format; submissions and review progress; session feedback. Charts drawn on the server (SVG), each with
its table."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from occupy.editions.queries import get_edition_or_404
from occupy.editions.roles import VIEW_DASHBOARD
from occupy.live.queries import feedback_summary
from occupy.organise.permissions import require_permission
from occupy.outreach import queries
from occupy.registration.views.headers import private_page
from occupy.web.charts import bars, columns_over_time


@require_permission(VIEW_DASHBOARD)
@private_page
def dashboard(request, edition):
    """A fixed number of queries whatever the size of the edition (one per figure)."""
    edition = get_edition_or_404(edition, published_only=False)
    by_attendance_and_status = queries.registrations_by_attendance_and_status(edition)
    review = queries.review_progress(edition)
    charts = [
        {
            "id": "country",
            "title": _("Confirmed registrations by country"),
            "label": _("Country"),
            "chart": bars(queries.confirmed_by_country(edition)),
        },
        {
            "id": "attendance",
            "title": _("Confirmed registrations by attendance"),
            "label": _("Attendance"),
            "chart": bars(by_attendance_and_status["attendance"]),
        },
        {
            "id": "status",
            "title": _("Registrations by status"),
            "label": _("Status"),
            "chart": bars(by_attendance_and_status["status"]),
        },
        {
            "id": "theme",
            "title": _("Sessions by theme"),
            "label": _("Theme"),
            "chart": bars(queries.sessions_by(edition, "theme__title")),
        },
        {
            "id": "format",
            "title": _("Sessions by format"),
            "label": _("Format"),
            "chart": bars(queries.sessions_by(edition, "format__name")),
        },
        {
            "id": "submissions",
            "title": _("Contributions by state"),
            "label": _("State"),
            "chart": bars(queries.submissions_by_state(edition)),
        },
    ]
    context = {
        "edition": edition,
        "over_time": columns_over_time(queries.registrations_per_day(edition)),
        "charts": charts,
        "attendance_days": queries.attendance_per_day(edition),
        "review": review,
        "review_percent": round(100 * review["done"] / review["assigned"]) if review["assigned"] else 0,
        "feedback": feedback_summary(edition),
        "show_workspace_link": True,
    }
    return render(request, "organise/dashboard/dashboard.html", context)
