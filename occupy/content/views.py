"""The organiser, news, about, privacy, contact and accessibility pages: thin views over content.queries.

These are pages about the site, not about an edition. They speak of the latest real edition (a demo's sample
edition is never said to be organised by anyone), and pass it as `current_edition`, so the sample-data notice
(which follows `edition`) stays off them."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from occupy.content import queries
from occupy.editions.models import Edition
from occupy.web.pagecache import cached_page


@require_safe
@cached_page
def organiser(request):
    edition = Edition.objects.latest_real()
    organisation = queries.organiser_of(edition)
    projects = queries.organiser_projects(organisation) if organisation else []
    context = {"current_edition": edition, "organisation": organisation, "projects": projects}
    return render(request, "content/organiser.html", context)


@require_safe
@cached_page
def news_list(request):
    return render(request, "content/news_list.html", {"posts": queries.published_news()})


@require_safe
@cached_page
def news_detail(request, slug):
    post = queries.get_published_post(slug)
    return render(request, "content/news_detail.html", {"post": post, "links": queries.post_links(post)})


@require_safe
@cached_page
def about(request):
    return render(request, "content/about.html", {"current_edition": Edition.objects.latest_real()})


@require_safe
@cached_page
def privacy(request):
    return _organiser_page(request, "content/privacy.html")


@require_safe
@cached_page
def contact(request):
    return _organiser_page(request, "content/contact.html")


def _organiser_page(request, template):
    """A page that names the organiser (of the latest real edition) and the site's contact."""
    organisation = queries.organiser_of(Edition.objects.latest_real())
    return render(request, template, {"organisation": organisation, "contact": queries.site_contact()})


@require_safe
@cached_page
def accessibility(request):
    return render(request, "content/accessibility.html", {"contact": queries.site_contact()})
