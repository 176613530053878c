"""The organiser, news, about, privacy and contact pages: thin views over content.queries. They speak of the
latest real edition: a demo's sample edition is never said to be organised by anyone."""

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
    return render(
        request, "content/organiser.html", {"edition": edition, "organisation": organisation, "projects": projects}
    )


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
    return render(request, "content/about.html", {"edition": Edition.objects.latest_real()})


@require_safe
@cached_page
def privacy(request):
    edition = Edition.objects.latest_real()
    return render(request, "content/privacy.html", {"edition": edition, "organisation": queries.organiser_of(edition)})


@require_safe
@cached_page
def contact(request):
    edition = Edition.objects.latest_real()
    return render(request, "content/contact.html", {"edition": edition, "organisation": queries.organiser_of(edition)})
