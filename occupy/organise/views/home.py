from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render

from occupy.editions.queries import editions_for_organisers
from occupy.editions.roles import MODERATE_PRACTICES, remember_every_role
from occupy.organise.links import has_a_role, pages_for
from occupy.organise.permissions import may
from occupy.organise.views.editions import ADD_EDITION
from occupy.registration.views.headers import private_page


@private_page
def home(request):
    """The organisers' workspace: the editions this account may work on, each with the pages it may open.

    A landing page without personal data, so an account without any organiser permission gets it too (with a
    message saying whom to ask), not a 403. Never cached: what it lists depends on who is signed in."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    remember_every_role(request.user)  # one query for every edition's roles, not one per edition
    rows = [{"edition": edition, "pages": pages_for(request.user, edition)} for edition in editions_for_organisers()]
    editions = [row for row in rows if row["pages"]]  # a role in one edition shows that edition only
    context = {
        "editions": editions,
        "has_role": has_a_role(request.user),
        "any_edition": bool(rows),
        "show_workspace_link": True,
        "may_add_edition": may(request.user, ADD_EDITION),
        "may_moderate_practices": may(request.user, MODERATE_PRACTICES),
    }
    return render(request, "organise/home.html", context)
