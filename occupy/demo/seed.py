"""The facts of the organiser's two published texts as data, and `load_seed()` that writes them idempotently.

Source 000: the press release of Occupy Library 2020 (21 September 2020). Source 001: the conference site's
About page (2022). Names, dates, links, organisations, roles and theme titles are the texts' facts; the
descriptions around them are our own words, except where a text is quoted (the 2022 themes, two format
descriptions, the projects and Claudia Șerbănuță's quote). Nothing here is sample data, and nothing is here that
the texts do not say: no session, no time of day, no venue, no places at the venue, no registration window, no
keynote assignment. The sample edition and its invented programme live in `sample.py`.

This module is the list of facts: demo/tests/test_load_demo.py holds the database to it after `load_demo`.
"""

import datetime
from zoneinfo import ZoneInfo

from occupy.content.models import EditionPartner, NewsPost, Organisation, PartnerRole, Project, SiteContact
from occupy.demo.seed_texts import (
    EDITION_2020_DESCRIPTION,
    EDITION_2022_DESCRIPTION,
    FORMATS,
    PRESS_RELEASE_BODY,
    PROGRESS_FOUNDATION_DESCRIPTION,
    PROJECTS,
    THEMES_2020,
    THEMES_2022,
)
from occupy.demo.upsert import upsert
from occupy.editions.models import Edition, EditionMode, Room, SessionFormat, Theme
from occupy.people.models import Person
from occupy.programme.models import Guest, Session
from occupy.registration.models import Registration

BUCHAREST = ZoneInfo("Europe/Bucharest")
WEBSITE = "https://occupylibrary.net/"
SCHEDULE_2020 = "https://cutt.ly/XfGNsUf"
REGISTRATION_2020 = "https://occupylibrary.net/registration-is-open-join-us-at-occupy-library-2020/"


def _at(y, mo, d, h=0, mi=0):
    return datetime.datetime(y, mo, d, h, mi, tzinfo=BUCHAREST)


EDITIONS = {
    "2020": {
        "year": 2020,
        "title": "Occupy Library 2020",
        "tagline": "The place where innovators everywhere share good working practices in public libraries",
        "summary": (
            "The first Occupy Library: an international training, funky and fab conference held online, where "
            "innovators and decision makers from public libraries share what works in their communities."
        ),
        "description": EDITION_2020_DESCRIPTION,
        "start_date": datetime.date(2020, 9, 22),
        "end_date": datetime.date(2020, 9, 25),
        "time_zone": "Europe/Bucharest",
        "mode": EditionMode.ONLINE,
        "live_capacity": None,
        # The press release (21 September) says registration is open, not when it opened or closed.
        "registration_opens_at": None,
        "registration_closes_at": None,
        "contact_name": "Andreea Dumitrescu",
        "contact_role": "Progress Foundation Communication Coordinator",
        "contact_email": "andreea.dumitrescu@progressfoundation.ro",
        "website": WEBSITE,
        "schedule_url": SCHEDULE_2020,
        "is_published": True,
        "is_sample": False,
        # The organiser published the programme elsewhere (schedule_url): figures only as the press release
        # states them ("Four keynote speakers and over 90 speakers from twenty-five countries", "More than 800
        # participants").
        "programme_is_complete": False,
        "stated_keynote_speakers": "4",
        "stated_speakers": "90+",
        "stated_countries": "25",
        "stated_participants": "800+",
    },
    "2022": {
        "year": 2022,
        "title": "Occupy Library 2022",
        "tagline": "The E+Libraries On The Rise!",
        "summary": (
            "The second edition, in Bucharest and online: libraries on the path to sustainability, where less is "
            "consumed and more is shared."
        ),
        "description": EDITION_2022_DESCRIPTION,
        "start_date": datetime.date(2022, 6, 2),
        "end_date": datetime.date(2022, 6, 3),
        "time_zone": "Europe/Bucharest",
        "mode": EditionMode.HYBRID,
        "city": "Bucharest",
        "country": "RO",
        # The About page names no venue, no number of places and no registration dates.
        "live_capacity": None,
        "registration_opens_at": None,
        "registration_closes_at": None,
        "website": WEBSITE,
        "is_published": True,
        "is_sample": False,
        # No programme and no figures published on the About page.
        "programme_is_complete": False,
    },
}

# Which formats each edition offers: the 2020 press release names keynotes, case studies, interactive debates
# and workshops; the 2022 About page names case studies and Ignite talks.
EDITION_FORMATS = {
    "2020": ["keynote", "case-study", "interactive-debate", "workshop"],
    "2022": ["case-study", "ignite-talk"],
}

# The only length a text gives ("Short 5 minutes talks"); 0 leaves the others unsaid on the edition page.
STATED_MINUTES = {"ignite-talk": 5}

# The only descriptions of formats the texts give: the 2022 About page's, of its two formats. The press release
# names the 2020 formats without describing them, so their descriptions stay empty (the sample edition's formats
# carry the longer, invented ones of seed_texts.FORMATS).
STATED_FORMAT_DESCRIPTIONS = {
    "2022": {slug: FORMATS[slug]["description"] for slug in ("case-study", "ignite-talk")},
}

PEOPLE = [
    # (slug, name, position, organisation, country, bio): only what the press release says.
    (
        "hannelore-vogt",
        "Hannelore Vogt",
        "Director",
        "Cologne City Library",
        "DE",
        "Dr. Hannelore Vogt is the Director of the Cologne City Library in Germany.",
    ),
    ("dan-perjovschi", "Dan Perjovschi", "Artist", "", "RO", "Dan Perjovschi is a Romanian artist."),
    (
        "asaf-bartov",
        "Asaf Bartov",
        "Lead program developer",
        "Wikimedia Foundation",
        "",
        "Asaf Bartov is a lead program developer at the Wikimedia Foundation.",
    ),
    (
        "loida-garcia-febo",
        "Loida Garcia-Febo",
        "International consultant",
        "",
        "US",
        "Loida Garcia-Febo is an international consultant from the United States.",
    ),
    (
        "christine-mackenzie",
        "Christine Mackenzie",
        "President",
        "IFLA",
        "",
        "Christine Mackenzie is the President of IFLA, the Federation of Library Associations.",
    ),
    (
        "gerald-leitner",
        "Gerald Leitner",
        "Secretary General",
        "IFLA",
        "",
        "Gerald Leitner is the Secretary General of IFLA.",
    ),
    (
        "deborah-jacobs",
        "Deborah Jacobs",
        "Former Director of the Global Libraries Initiative",
        "Bill and Melinda Gates Foundation",
        "",
        "Deborah Jacobs is the former Director of the Global Libraries Initiative at the Bill and Melinda Gates "
        "Foundation.",
    ),
    (
        "claudia-serbanuta",
        "Claudia Șerbănuță",
        "Project Manager",
        "Progress Foundation",
        "",
        "Dr. Claudia Șerbănuță is a Project Manager at the Progress Foundation, the organiser of Occupy Library.",
    ),
    (
        "andreea-dumitrescu",
        "Andreea Dumitrescu",
        "Communication Coordinator",
        "Progress Foundation",
        "",
        "Andreea Dumitrescu is the Communication Coordinator of the Progress Foundation.",
    ),
]

# The guests of 2020, in the order the press release names them ("just a few names on the fabulous guest
# list"). It counts four keynote speakers but does not say which guests gave the keynotes.
GUESTS = {
    "2020": [
        "hannelore-vogt",
        "dan-perjovschi",
        "asaf-bartov",
        "loida-garcia-febo",
        "christine-mackenzie",
        "gerald-leitner",
        "deborah-jacobs",
    ],
}

ORGANISATIONS = [
    # (slug, name, short name, country, founded, description)
    ("progress-foundation", "Progress Foundation", "", "RO", 1996, PROGRESS_FOUNDATION_DESCRIPTION),
    ("next-library", "Next Library®", "", "", None, ""),
    ("national-library-of-romania", "National Library of Romania", "", "RO", None, ""),
    ("goethe-institut", "Goethe-Institut", "", "", None, ""),
    ("center-for-cultural-management", "Center for Cultural Management", "", "UA", None, ""),
    ("association-of-libraries-of-ukraine", "Association of Libraries of Ukraine", "", "UA", None, ""),
    ("eduact", "EduAct", "", "GR", None, ""),
    ("association-of-libraries-of-moldova", "Association of Libraries of Moldova", "", "MD", None, ""),
    ("national-library-of-moldova", "National Library of Moldova", "", "MD", None, ""),
    ("ashoka-romania", "Ashoka Romania", "", "RO", None, ""),
    ("romanian-platform-ngdo-fund", "Romanian Platform NGDO – FUND", "FUND", "RO", None, ""),
    ("european-union", "European Union", "EU", "", None, ""),
]

HUB = "Occupy Library Innovators Hub"  # the project these partners run with the organiser
GRANT_SCHEME = (
    "Black Sea NGO Forum Sub-granting Scheme For Activities That Support The Development Of CSO Regional Networks"
)
GRANT_PROJECT = "Development of CSO capacity for regional cooperation in the Black Sea area"

PARTNERS = {
    # edition: [(organisation slug, role, note)], in the order the texts name them
    "2020": [
        ("progress-foundation", PartnerRole.ORGANISER, ""),
        ("next-library", PartnerRole.SUPPORTER, ""),
        ("national-library-of-romania", PartnerRole.PARTNER, ""),
        ("goethe-institut", PartnerRole.PARTNER, ""),
        ("center-for-cultural-management", PartnerRole.PROJECT_PARTNER, HUB),
        ("association-of-libraries-of-ukraine", PartnerRole.PROJECT_PARTNER, HUB),
        ("eduact", PartnerRole.PROJECT_PARTNER, HUB),
        ("association-of-libraries-of-moldova", PartnerRole.PROJECT_PARTNER, HUB),
        ("national-library-of-moldova", PartnerRole.PROJECT_PARTNER, HUB),
        ("ashoka-romania", PartnerRole.PROJECT_PARTNER, HUB),
        ("national-library-of-romania", PartnerRole.PROJECT_PARTNER, HUB),
        ("romanian-platform-ngdo-fund", PartnerRole.IMPLEMENTER, f"Implements the project “{GRANT_PROJECT}”"),
        ("european-union", PartnerRole.FUNDER, f"Within the “{GRANT_SCHEME}”, project “{GRANT_PROJECT}”"),
    ],
    "2022": [
        ("progress-foundation", PartnerRole.ORGANISER, ""),
    ],
}

# The press release is the only dated text: the 2022 About page is not dated, so it is not made into a news post
# (its facts are on the 2022 edition's page). An older demo's post of it is deleted (RETIRED_NEWS).
NEWS = [
    {
        "slug": "occupy-library-2020-innovators-share-good-practices",
        "title": "Occupy Library 2020 – the place where innovators everywhere share good working practices in "
        "public libraries",
        "summary": (
            "Bucharest, 21 September 2020: hundreds of innovators and decision makers from public libraries meet "
            "online at Occupy Library 2020, from 22 to 25 September."
        ),
        "body": PRESS_RELEASE_BODY,
        "published_at": _at(2020, 9, 21, 9),
        "edition": "2020",
        "links": [
            {"title": "The full schedule", "url": SCHEDULE_2020},
            {"title": "Registration (free of charge)", "url": REGISTRATION_2020},
            {"title": "Website", "url": WEBSITE},
        ],
    },
]


# The site's contact (the contact and accessibility pages): the press release's contact person.
SITE_CONTACT = {
    "name": "Andreea Dumitrescu",
    "role": "Communication Coordinator, Progress Foundation",
    "email": "andreea.dumitrescu@progressfoundation.ro",
}


def load_seed() -> dict[str, Edition]:
    """Write every fact above (idempotent: rows are keyed by their slugs). Returns the editions by slug.

    Side effects: each written row sends post_save (page-cache bump); rows an earlier demo invented inside these
    editions are deleted (forget_invented_rows).
    """
    editions = {}
    for slug, values in EDITIONS.items():
        editions[slug], _ = upsert(Edition, lookup={"slug": slug}, values=values)
    forget_invented_rows(editions.values())
    for slug, themes in (("2020", THEMES_2020), ("2022", THEMES_2022)):
        for order, (theme_slug, title, description) in enumerate(themes):
            upsert(
                Theme,
                lookup={"edition": editions[slug], "slug": theme_slug},
                values={"title": title, "description": description, "order": order},
            )
    for slug, format_slugs in EDITION_FORMATS.items():
        for order, format_slug in enumerate(format_slugs):
            upsert(
                SessionFormat,
                lookup={"edition": editions[slug], "slug": format_slug},
                values={
                    **FORMATS[format_slug],
                    "default_minutes": STATED_MINUTES.get(format_slug, 0),
                    "description": STATED_FORMAT_DESCRIPTIONS.get(slug, {}).get(format_slug, ""),
                    "order": order,
                },
            )
    for slug, name, position, organisation, country, bio in PEOPLE:
        upsert(
            Person,
            lookup={"slug": slug},
            values={
                "name": name,
                "position": position,
                "organisation": organisation,
                "country": country,
                "bio": bio,
                "is_sample": False,
            },
        )
    organisations = {}
    for slug, name, short_name, country, founded, description in ORGANISATIONS:
        organisations[slug], _ = upsert(
            Organisation,
            lookup={"slug": slug},
            values={
                "name": name,
                "short_name": short_name,
                "country": country,
                "founded": founded,
                "description": description,
            },
        )
    for edition_slug, partners in PARTNERS.items():
        for order, (organisation_slug, role, note) in enumerate(partners):
            upsert(
                EditionPartner,
                lookup={
                    "edition": editions[edition_slug],
                    "organisation": organisations[organisation_slug],
                    "role": role,
                },
                values={"note": note, "order": order},
            )
    for order, (slug, title, summary) in enumerate(PROJECTS):
        upsert(
            Project,
            lookup={"slug": slug},
            values={
                "organisation": organisations["progress-foundation"],
                "title": title,
                "summary": summary,
                "order": order,
            },
        )
    people = dict(Person.objects.filter(slug__in=[slug for slug, *_ in PEOPLE]).values_list("slug", "pk"))
    for edition_slug, guests in GUESTS.items():
        for order, person_slug in enumerate(guests):
            upsert(
                Guest,
                lookup={"edition": editions[edition_slug], "person_id": people[person_slug]},
                values={"order": order},
            )
    for post in NEWS:
        values = {key: value for key, value in post.items() if key != "slug"}
        values["edition"] = editions[post["edition"]]
        upsert(NewsPost, lookup={"slug": post["slug"]}, values=values)
    upsert(SiteContact, lookup={"pk": 1}, values=SITE_CONTACT)  # written only when it differs, as every row here
    return editions


# News posts an older demo wrote with a date the texts do not give.
RETIRED_NEWS = ["occupy-library-2022-the-e-libraries-on-the-rise"]


def forget_invented_rows(editions) -> None:
    """Delete what demos before this one invented inside the real editions, so that loading the true content
    into an older database leaves only the facts: sample sessions and registrations, then the rooms and formats
    the texts do not name (those that no session uses), and sample people who no longer speak anywhere."""
    editions = list(editions)
    Session.objects.filter(edition__in=editions, is_sample=True).delete()
    Registration.objects.filter(edition__in=editions, is_sample=True).delete()
    Room.objects.filter(edition__in=editions, sessions__isnull=True).delete()
    for edition in editions:
        edition.formats.exclude(slug__in=EDITION_FORMATS[edition.slug]).filter(sessions__isnull=True).delete()
    Person.objects.filter(is_sample=True, session_speakers__isnull=True).delete()
    NewsPost.objects.filter(slug__in=RETIRED_NEWS).delete()
