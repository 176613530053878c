"""The library's public pages: the search, a practice, a country's and a goal's practices, the proposal form,
the open data (CSV, JSON) and the feed. Thin views over queries and services."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe
from django_countries import countries

from occupy.practices import exports, queries, services
from occupy.practices.enums import SDG_NAMES, sdg_label
from occupy.practices.forms import PracticeForm, SearchForm
from occupy.practices.models import Practice
from occupy.registration.views.headers import private_page
from occupy.web import ratelimit
from occupy.web.pagecache import cached_page

SEARCH_PARAMS = ("q", "country", "sdg", "theme", "audience", "type", "edition", "sort", "page")


def _search_page(request, *, fixed: dict | None = None, heading: str = "", lead: str = "", status_ok: int = 200):
    """Render the search page for the request's parameters, with some facets fixed by the URL (a country's page)."""
    data = request.GET.copy()
    for name, value in (fixed or {}).items():
        data[name] = value
    form = SearchForm(data)
    context = {"form": form, "heading": heading or _("Good-practice library"), "lead": lead, "fixed": fixed or {}}
    if not form.is_valid():
        return render(request, "practices/search.html", {**context, "invalid": True}, status=400)
    result = queries.search_practices(
        filters=form.filters(),
        query=form.cleaned_data["q"],
        sort=form.cleaned_data["sort"] or "relevance",
        page=request.GET.get("page"),
    )
    context.update(result=result, query=form.cleaned_data["q"], sort=form.cleaned_data["sort"] or "relevance")
    return render(request, "practices/search.html", context, status=status_ok)


@require_safe
@cached_page(params=SEARCH_PARAMS)
def search(request):
    return _search_page(request)


@require_safe
@cached_page(params=tuple(p for p in SEARCH_PARAMS if p != "country"))
def country(request, country):
    code = country.upper()
    if code not in dict(countries):
        raise Http404
    name = countries.name(code)
    return _search_page(
        request,
        fixed={"country": code},
        heading=_("Good practices from %(country)s") % {"country": name},
    )


@require_safe
@cached_page(params=tuple(p for p in SEARCH_PARAMS if p != "sdg"))
def goal(request, number):
    if number not in SDG_NAMES:
        raise Http404
    return _search_page(
        request,
        fixed={"sdg": str(number)},
        heading=_("Good practices for goal %(goal)s") % {"goal": sdg_label(number)},
    )


@require_safe
@cached_page
def detail(request, slug):
    practice = queries.get_public_practice_or_404(slug)
    context = {
        "practice": practice,
        "similar": queries.similar_practices(practice),
        # The sample notice follows `edition`: a sample practice belongs to the sample edition.
        "edition": practice.edition if practice.is_sample else None,
        "sample_practice": practice.is_sample,
    }
    return render(request, "practices/detail.html", context)


@private_page
@require_http_methods(["GET", "POST"])
def propose(request):
    form = PracticeForm(request.POST or None, instance=Practice(), proposing=True)
    if request.method == "POST":
        if ratelimit.ip_over_limit(request, "practice"):
            context = {"form": form, "refusal": _("Too many attempts from here; please wait a while and try again.")}
            return render(request, "practices/propose.html", context, status=429)
        if form.is_valid():
            services.propose_practice(practice=form.save(commit=False), **form.tags())
            return redirect("practices:proposed")
        return render(request, "practices/propose.html", {"form": form}, status=400)
    return render(request, "practices/propose.html", {"form": form})


@require_safe
@cached_page
def proposed(request):
    return render(request, "practices/proposed.html")


@require_safe
@cached_page
def export_csv(request):
    return exports.csv_response(queries.open_data())


@require_safe
@cached_page
def export_json(request):
    return exports.json_response(queries.open_data())
