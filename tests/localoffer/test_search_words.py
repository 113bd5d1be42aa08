"""Searching the demo Local Offer in the words families use (synonyms, stemming, misspellings).

The same searches run on SQLite (development: icontains over the synonyms) and on PostgreSQL
(full-text search with ranking and trigram similarity), where the best match comes first.
"""

import pytest
from django.db import transaction
from django.urls import reverse

from localoffer.models import SynonymGroup
from localoffer.search import expand
from send_portal.demo import localoffer as demo
from send_portal.demo.core import load_reference_data

URL = reverse("localoffer:search")

# word typed → the service that meets that need
EVERYDAY_WORDS = {
    "speech": "Children's speech and language therapy",
    "SALT": "Children's speech and language therapy",
    "autism": "Autism outreach and advice for families",
    "autisim": "Autism outreach and advice for families",
    "ASD": "Autism outreach and advice for families",
    "ADHD": "ADHD parent and carer support group",
    "dyslexia": "Dyslexia outreach service",
    "specific learning difficulties": "Dyslexia outreach service",
    "short breaks": "Short breaks for disabled children",
    "respite": "Short breaks for disabled children",
    "transport": "Home to school transport",
    "travel": "Home to school transport",
    "wheelchair": "Children's wheelchair service",
    "mobility": "Children's wheelchair service",
}


@pytest.fixture(scope="module")
def _demo_offer_once(django_db_setup, django_db_blocker):
    """The demo Local Offer, loaded once for this module in a transaction rolled back after
    its last test; each test runs in a savepoint inside it (what it writes is undone)."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_reference_data()
        demo.load(stdout=_Silent())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo_offer(_demo_offer_once, db):
    pass


class _Silent:
    def write(self, text):
        pass


def results(client, query) -> list[str]:
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    return [s.name for s in response.context["page_obj"].object_list]


def _finds_the_service(client, word, expected):
    found = results(client, word)
    assert expected in found, f"{word!r} found {found}"
    return found


@pytest.mark.parametrize(("word", "expected"), EVERYDAY_WORDS.items())
def test_everyday_words_find_the_service_on_sqlite_or_the_default_database(
    client, demo_offer, word, expected
):
    _finds_the_service(client, word, expected)


@pytest.mark.postgres
@pytest.mark.parametrize(("word", "expected"), EVERYDAY_WORDS.items())
def test_everyday_words_find_the_service_first_on_postgresql(client, demo_offer, word, expected):
    found = _finds_the_service(client, word, expected)
    assert found[0] == expected, f"{word!r} ranked {found}"


@pytest.mark.postgres
def test_postgresql_stems_and_ranks_name_above_description(client, demo_offer):
    # "breaks" and "break" are one stem; the service named for it comes before one that only
    # mentions it in its description ("giving their parents and carers a break").
    assert results(client, "break")[0] == "Short breaks for disabled children"
    # A misspelling matched by trigram similarity alone (no synonym for it).
    assert "Portage" in results(client, "portag")


def test_a_word_that_means_nothing_finds_nothing(client, demo_offer):
    assert results(client, "xylophone") == []


def test_officers_synonyms_change_what_is_found(client, demo_offer):
    assert "Short breaks for disabled children" not in results(client, "summer scheme")
    SynonymGroup.objects.create(words="summer scheme, holiday play schemes")
    assert "Short breaks for disabled children" in results(client, "summer scheme")


def test_expand_finds_phrases_and_close_misspellings():
    groups = [["autism", "ASD"], ["speech and language", "SALT"]]
    assert expand("autisim help", groups).parts == (("autisim", "autism", "ASD"), ("help",))
    assert expand("Speech and Language", groups).parts == (("Speech and Language", "SALT"),)
    assert expand("swimming", groups).parts == (("swimming",),)
