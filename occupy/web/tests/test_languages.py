"""The interface in Romanian and Ukrainian: pages come out translated, and the catalogues are complete.

The catalogue tests are what keeps the promise as others add strings: a `{% translate %}` or `gettext_lazy`
string that is missing from a catalogue, left untranslated or fuzzy, or a .po edited without recompiling the
.mo, fails here (fix: `makemessages`, translate, `compilemessages`).
"""

import ast
import datetime
import io
import re
import tokenize
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation.template import templatize

from occupy.editions.models import EditionMode
from occupy.editions.tests.factories import EditionFactory
from occupy.people.tests.factories import PersonFactory
from occupy.programme.tests.factories import SessionFactory, SessionSpeakerFactory

PACKAGE = Path(settings.BASE_DIR) / "occupy"
LOCALES = ("ro", "uk")
PLURAL_FORMS = {"ro": 3, "uk": 4}
# Where makemessages looks (it is run with --ignore 'browser_tests/*'); tests and migrations hold no UI text.
SKIPPED_DIRS = {"browser_tests", "tests", "migrations", "locale", "static"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")

# A few strings each page must show per language, and the English they replace.
PAGES = {
    "ro": {
        "home": ["Date esențiale", "Toate edițiile", "Salt la conținut", "3 iunie 2022"],
        "edition": ["Ediția 2022", "Cifre-cheie", "Participanți", "Luați programul cu dumneavoastră", "3 iunie 2022"],
        "schedule": ["Afișați sesiunile după", "Toate temele", "Toate formatele"],
        "session": ["Despre această sesiune", "Adăugați în calendar", "Vorbitori"],
        "register": [
            "Participarea este gratuită.",
            'Sunt de acord cu <a href="/privacy/">politica de confidențialitate</a>',
        ],
    },
    "uk": {
        "home": ["Основні відомості", "Усі конференції", "Перейти до змісту", "3 червня 2022"],
        "edition": [
            "Конференція 2022 року",
            "Ключові цифри",
            "Учасники",
            "Візьміть програму з собою",
            "3 червня 2022",
        ],
        "schedule": ["Показати сесії за", "Усі теми", "Усі формати"],
        "session": ["Про цю сесію", "Додати до календаря", "Доповідачі"],
        "register": ["Участь безкоштовна.", 'Я погоджуюся з <a href="/privacy/">політикою конфіденційності</a>'],
    },
}
ENGLISH = {
    "home": "Skip to content",
    "edition": "Key figures",
    "schedule": "Show sessions by",
    "session": "Add to calendar",
    "register": "Participation is free of charge.",
}


@pytest.fixture
def urls(db):
    """The 2022 edition with one session and two speakers, and an edition ahead whose registration is open."""
    edition = EditionFactory(
        year=2022, start_date=datetime.date(2022, 6, 2), end_date=datetime.date(2022, 6, 3), mode=EditionMode.HYBRID
    )
    session = SessionFactory(edition=edition, slug="books-on-wheels", title="Books on wheels")
    for name in ("Ana Popescu", "Olena Kovalenko"):
        SessionSpeakerFactory(session=session, person=PersonFactory(name=name))
    ahead = EditionFactory(year=datetime.date.today().year + 1)
    return {
        "home": "/",
        "edition": "/2022/",
        "schedule": "/2022/schedule/",
        "session": "/2022/sessions/books-on-wheels/",
        "register": f"/{ahead.slug}/register/",
    }


@pytest.mark.parametrize("lang", LOCALES)
@pytest.mark.parametrize("page", list(ENGLISH))
def test_page_in_the_chosen_language_by_cookie(client, urls, lang, page):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang

    response = client.get(urls[page])

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html
    for text in PAGES[lang][page]:
        assert text in html, f"{text!r} not on {urls[page]} in {lang}"
    assert ENGLISH[page] not in html


@pytest.mark.parametrize("lang", LOCALES)
def test_language_link_switches_the_next_pages(client, urls, lang):
    response = client.get("/language/", {"lang": lang, "next": urls["schedule"]})

    assert response.status_code == 302 and response["Location"] == urls["schedule"]
    for page in ("schedule", "session", "register"):
        html = client.get(urls[page]).content.decode()
        assert f'<html lang="{lang}"' in html
        assert PAGES[lang][page][0] in html


def test_english_stays_the_default(client, urls):
    html = client.get(urls["edition"]).content.decode()

    assert '<html lang="en"' in html and "Key figures" in html and "3 June 2022" in html


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("ro", "Vă rugăm să fiți de acord cu politica de confidențialitate"),
        ("uk", "Будь ласка, погодьтеся з політикою конфіденційності"),
    ],
)
def test_bad_input_is_explained_in_the_pages_language(client, urls, lang, message):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang

    response = client.post(urls["register"], {"name": "Ana", "email": "ana@example.org"})

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "Please agree to the privacy policy" not in html


# The catalogues


def catalogue(lang: str) -> polib.POFile:
    return polib.pofile(str(PACKAGE / "locale" / lang / "LC_MESSAGES" / "django.po"))


def key(context, msgid) -> tuple[str, str]:
    return (context or "", msgid)


@pytest.mark.parametrize("lang", LOCALES)
def test_catalogue_is_fully_translated(lang):
    po = catalogue(lang)

    assert [e.msgid for e in po if e.fuzzy] == []
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.obsolete_entries()] == []
    assert po.metadata["Language"] == lang and not po.metadata_is_fuzzy
    for entry in po:
        if entry.msgid_plural:
            forms = [entry.msgstr_plural.get(n, "") for n in range(PLURAL_FORMS[lang])]
            assert all(form.strip() for form in forms), entry.msgid
            assert len(entry.msgstr_plural) == PLURAL_FORMS[lang], entry.msgid


@pytest.mark.parametrize("lang", LOCALES)
def test_translations_keep_every_placeholder(lang):
    for entry in catalogue(lang):
        if entry.msgid_plural:
            wanted = set(PLACEHOLDER.findall(entry.msgid_plural))
            for form in entry.msgstr_plural.values():
                # The count may be left out of a form ("its only seat"), nothing else may be added or lost.
                assert set(PLACEHOLDER.findall(form)) <= wanted | set(PLACEHOLDER.findall(entry.msgid)), form
        else:
            assert sorted(PLACEHOLDER.findall(entry.msgstr)) == sorted(PLACEHOLDER.findall(entry.msgid)), entry.msgstr


@pytest.mark.parametrize("lang", LOCALES)
def test_compiled_catalogue_matches_the_po_file(lang):
    """The committed .mo is what Django reads (no gettext needed to run the site): it must be compiled from
    the current .po, entry for entry."""
    po = catalogue(lang)
    mo = polib.mofile(str(PACKAGE / "locale" / lang / "LC_MESSAGES" / "django.mo"))

    def entries(file):
        return {
            key(e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
            for e in file
            if e.msgid and not e.obsolete and "fuzzy" not in e.flags
        }

    assert entries(mo) == entries(po)


def source_files(*suffixes):
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in suffixes and not SKIPPED_DIRS & set(path.relative_to(PACKAGE).parts[:-1]):
            yield path


GETTEXT_CALLS = {"gettext": 1, "pgettext": 2, "ngettext": 2, "npgettext": 3}


def template_messages(path: Path) -> set[tuple[str, str]]:
    """What makemessages would extract from a template: Django turns it into calls that we read back."""
    code = templatize(path.read_text(encoding="utf-8"), origin=str(path))
    tokens = [
        t
        for t in tokenize.generate_tokens(io.StringIO(code).readline)
        if t.type in (tokenize.NAME, tokenize.STRING, tokenize.OP)
    ]
    found = set()
    for i, token in enumerate(tokens):
        if token.type == tokenize.NAME and token.string in GETTEXT_CALLS and tokens[i + 1].string == "(":
            strings = [ast.literal_eval(t.string) for t in tokens[i + 2 : i + 2 + GETTEXT_CALLS[token.string] * 2 : 2]]
            context = strings[0] if token.string.startswith(("pgettext", "npgettext")) else ""
            found.add(key(context, strings[1] if context else strings[0]))
    return found


PYTHON_CALLS = {
    "_": 0, "gettext": 0, "gettext_lazy": 0, "ngettext": 0, "ngettext_lazy": 0,
    "pgettext": 1, "pgettext_lazy": 1, "npgettext": 1, "npgettext_lazy": 1,
}  # fmt: skip


def python_messages(path: Path) -> set[tuple[str, str]]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in PYTHON_CALLS:
            at = PYTHON_CALLS[node.func.id]
            args = node.args
            if len(args) > at and all(
                isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args[: at + 1]
            ):
                context = args[0].value if at else ""
                found.add(key(context, args[at].value))
    return found


def test_every_marked_string_is_in_both_catalogues():
    marked = set()
    for path in source_files(".html", ".txt"):
        marked |= template_messages(path)
    for path in source_files(".py"):
        marked |= python_messages(path)
    assert len(marked) > 500  # the scan itself works

    for lang in LOCALES:
        known = {key(e.msgctxt, e.msgid) for e in catalogue(lang) if e.translated()}
        missing = sorted(m for m in marked if m not in known)
        assert missing == [], f"not translated in {lang}: run makemessages, translate and compilemessages"


def test_countries_are_in_ukrainian_alphabetical_order(client, urls):
    """Django-countries sorts Cyrillic names only with pyuca installed; without it they come in English order."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "uk"

    html = client.get(urls["register"]).content.decode()

    order = [
        html.index(f">{name}</option>") for name in ("Австрія", "Зімбабве", "Італія", "Йорданія", "Україна", "Японія")
    ]
    assert order == sorted(order)


def test_cached_pages_keep_each_language_apart_on_repeated_visits(client, urls):
    """Cached pages are served before the language middleware runs: a hit must still be in the asker's language,
    whether chosen by cookie or by the browser's Accept-Language."""
    seen = []
    for lang in ("ro", "uk", "ro", "uk"):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
        html = client.get(urls["schedule"]).content.decode()
        seen.append((f'<html lang="{lang}"' in html, PAGES[lang]["schedule"][0] in html))
    del client.cookies[settings.LANGUAGE_COOKIE_NAME]
    browser = client.get(urls["schedule"], headers={"accept-language": "uk-UA,uk;q=0.9,en;q=0.5"}).content.decode()

    assert seen == [(True, True)] * 4
    assert '<html lang="uk"' in browser and PAGES["uk"]["schedule"][0] in browser
