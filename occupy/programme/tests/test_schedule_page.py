import re

import pytest

from occupy.programme.tests.programme_pages import make_hybrid_edition, make_online_edition

pytestmark = pytest.mark.django_db


def session_titles(response):
    """The titles of the sessions the schedule lists, in order."""
    html = response.content.decode()
    return re.findall(r'<h4 class="slot-session__title"><a href="[^"]*">([^<]*)</a></h4>', html)


def test_schedule_online_edition_lists_every_day_room_and_session(client):
    make_online_edition()
    response = client.get("/2020/schedule/")
    assert response.status_code == 200
    html = response.content.decode()
    assert session_titles(response) == ["Opening keynote", "Five minutes of makerspace", "Closing debate"]
    assert '<h2 id="day-2020-09-22">Tuesday, 22 September 2020</h2>' in html
    assert '<h2 id="day-2020-09-25">Friday, 25 September 2020</h2>' in html
    assert '<a href="#day-2020-09-22">' in html
    assert '<span class="col-1">Main stage</span><span class="col-2">Side stage</span></div>' in html
    assert "Ana Popescu" in html
    assert 'name="attendance"' not in html  # everyone attends online: nothing to choose
    assert html.count("Online</li>") == 3
    assert '<a href="/2020/sessions/opening/">Opening keynote</a>' in html


def test_schedule_hybrid_edition_shows_format_theme_and_attendance(client):
    make_hybrid_edition()
    response = client.get("/2022/schedule/")
    assert response.status_code == 200
    html = response.content.decode()
    assert session_titles(response) == [
        "Solar panels on the library roof",
        "Coding clubs for children",
        "Webinars that work",
        "A seed library",
    ]
    assert '<h2 id="day-2022-06-02">Thursday, 2 June 2022</h2>' in html
    assert '<h2 id="day-2022-06-03">Friday, 3 June 2022</h2>' in html
    assert "At the venue and online</li>" in html
    assert "Workshop</li>" in html
    assert "Digital skills</li>" in html
    assert '<select id="filter-attendance" name="attendance">' in html
    # On the second day only the Great Hall is used: one column.
    assert 'class="schedule-day rooms-1"' in html


def test_schedule_unknown_edition_is_a_404_in_the_layout(client):
    response = client.get("/1999/schedule/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_schedule_unpublished_edition_is_a_404(client):
    edition, _ = make_hybrid_edition()
    edition.is_published = False
    edition.save()
    assert client.get("/2022/schedule/").status_code == 404


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("?theme=green", ["Solar panels on the library roof", "A seed library"]),
        ("?format=workshop", ["Coding clubs for children", "A seed library"]),
        ("?attendance=live", ["Solar panels on the library roof", "Coding clubs for children", "A seed library"]),
        ("?attendance=online", ["Solar panels on the library roof", "Webinars that work"]),
        ("?theme=digital&format=case-study", ["Webinars that work"]),
        ("?theme=green&attendance=online", ["Solar panels on the library roof"]),
        ("?theme=&format=&attendance=&tz=", [
            "Solar panels on the library roof", "Coding clubs for children", "Webinars that work", "A seed library",
        ]),
    ],
)  # fmt: skip
def test_schedule_filters_narrow_the_list(client, query, shown):
    make_hybrid_edition()
    response = client.get("/2022/schedule/" + query)
    assert response.status_code == 200
    assert session_titles(response) == shown


def test_schedule_filters_combine_with_time_zone_in_links(client):
    make_hybrid_edition()
    response = client.get("/2022/schedule/?theme=green&tz=Asia/Tbilisi")
    html = response.content.decode()
    assert session_titles(response) == ["Solar panels on the library roof", "A seed library"]
    assert '<option value="green" selected>Green libraries</option>' in html
    assert "<option selected>Asia/Tbilisi</option>" in html
    assert 'href="/2022/schedule/?theme=digital&amp;tz=Asia%2FTbilisi"' in html
    assert 'href="/2022/sessions/solar/?tz=Asia%2FTbilisi"' in html
    assert "1 session matches these filters." not in html
    assert "2 sessions match these filters." in html


def test_schedule_with_no_match_says_so(client):
    make_hybrid_edition()
    response = client.get("/2022/schedule/?theme=digital&format=workshop&attendance=online")
    assert response.status_code == 200
    assert session_titles(response) == []
    assert "No session matches these filters." in response.content.decode()


def test_schedule_times_are_in_the_edition_zone_by_default(client):
    make_hybrid_edition()
    html = client.get("/2022/schedule/").content.decode()
    assert "Times are in Europe/Bucharest (EEST, UTC+03:00)." in html
    assert '<time datetime="2022-06-02T10:00:00+03:00">10:00</time>' in html


def test_schedule_times_in_the_visitors_zone_on_request(client):
    make_hybrid_edition()
    response = client.get("/2022/schedule/?tz=Asia/Tbilisi")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Times are in your chosen time zone, Asia/Tbilisi (UTC+04:00)." in html
    assert '<time datetime="2022-06-02T11:00:00+04:00">11:00</time>' in html
    assert (
        '<a href="/2022/schedule/">Show the times in the edition\'s time zone, Europe/Bucharest (EEST, UTC+03:00)</a>'
        in html
    )


def test_schedule_in_a_far_zone_moves_sessions_to_their_local_day(client):
    make_online_edition()
    html = client.get("/2020/schedule/?tz=Pacific/Auckland").content.decode()
    # 12:00 UTC on 25 September is past midnight in Auckland (UTC+12).
    assert '<h2 id="day-2020-09-26">Saturday, 26 September 2020</h2>' in html
    assert '<time datetime="2020-09-26T00:00:00+12:00">00:00</time>' in html


def test_schedule_names_kyiv_with_its_offset(client):
    make_hybrid_edition()
    html = client.get("/2022/schedule/?tz=Europe/Kyiv").content.decode()
    assert "Asia/Tbilisi" in html  # offered in the select
    assert "Times are in your chosen time zone, Europe/Kyiv (EEST, UTC+03:00)." in html


def test_schedule_unknown_time_zone_gets_the_edition_zone_and_a_message(client):
    make_hybrid_edition()
    response = client.get("/2022/schedule/?tz=Mars/Olympus_Mons")
    html = response.content.decode()
    assert response.status_code == 400
    assert "We do not know the time zone “Mars/Olympus_Mons”" in html
    assert "Times are in Europe/Bucharest (EEST, UTC+03:00)." in html
    assert len(session_titles(response)) == 4


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?theme=nope", "There is no theme “nope” in this edition"),
        ("?format=%22%3E%3Cscript%3E", "There is no session format “&quot;&gt;&lt;script&gt;” in this edition"),
        ("?attendance=99999999999999999999999", "“99999999999999999999999” is not a way to attend"),
    ],
)
def test_schedule_unknown_filter_values_get_the_page_and_a_message(client, query, message):
    make_hybrid_edition()
    response = client.get("/2022/schedule/" + query)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert len(session_titles(response)) == 4


@pytest.mark.parametrize(
    "path",
    [
        "/2022/schedule/?theme=" + "x" * 10_000,
        "/2022/schedule/?tz=" + "Europe/" * 2_000,
        "/2022/schedule/?format=%00",
        "/2022/schedule/?tz=%00",
        "/2022/schedule/?tz=../../../../etc/passwd",
        "/2022/schedule/?theme=%C8%99coal%C4%83&format=%F0%9F%93%9A",
        "/2022/schedule/?theme='%20OR%201=1--",
        "/2022/schedule/?attendance=-1&theme[]=a&tz=UTC&tz=Nowhere",
        "/2022/schedule/?%ff=%fe",
        "/99999999999999999999999999/schedule/",
        "/" + "2" * 10_000 + "/schedule/",
        "/2022%00/schedule/",
        "/%C8%99/schedule/",
        "/2022/schedule/%27%22/",
    ],
)
def test_schedule_garbage_never_breaks_the_page(client, path):
    make_hybrid_edition()
    response = client.get(path)
    assert response.status_code in (200, 400, 404)
    if response.status_code == 400:
        assert "Some of what you asked for could not be used" in response.content.decode()


def test_schedule_shows_a_changed_title_at_once(client):
    _, sessions = make_hybrid_edition()
    assert "Solar panels on the library roof" in client.get("/2022/schedule/").content.decode()
    sessions["solar"].title = "Solar panels, one year on"
    sessions["solar"].save()
    html = client.get("/2022/schedule/").content.decode()
    assert "Solar panels, one year on" in html
    assert "Solar panels on the library roof" not in html


def test_schedule_offers_the_agenda_for_the_current_edition_only(client):
    make_online_edition()
    make_hybrid_edition()
    assert '/2022/agenda/add/solar/"' in client.get("/2022/schedule/").content.decode()
    assert "/agenda/add/" not in client.get("/2020/schedule/").content.decode()


def test_schedule_loads_the_local_time_script_without_inline_code(client):
    make_hybrid_edition()
    response = client.get("/2022/schedule/")
    html = response.content.decode()
    assert re.search(r'<script src="/static/js/local-time\.[0-9a-f]+\.js" defer></script>', html)
    assert "<script>" not in html
    assert " style=" not in html
    assert "data-local-time-offer" in html
    assert "csrfmiddlewaretoken" not in html
