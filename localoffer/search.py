"""The Local Offer's keyword search, in the words families use.

A search is widened by the officers' synonym groups (``SynonymGroup``): "SALT" also looks for
"speech and language"; a word close to a synonym ("autisim") counts as that synonym.

On PostgreSQL: full-text search in English (stemming: "breaks" finds "break"), ranked with the
name above the organisation above the description, and trigram word similarity (``pg_trgm``)
for misspellings of words in a service's name or description; both served by GIN indexes over
what the database stores (``Service.search_vector``, kept by triggers; the name and the
description), never worked out row by row. On SQLite (development): each
phrase is matched with ``icontains``, which is simpler and needs no extension.
"""

from dataclasses import dataclass
from difflib import get_close_matches

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.db import connection
from django.db.models import Case, F, FloatField, Q, QuerySet, Value, When
from django.db.models.functions import Greatest

from .models import Service, SynonymGroup

MAX_WORDS = 10
FUZZY_CUTOFF = 0.8  # how close a word must be to a synonym to count as it (difflib ratio)
TRIGRAM_THRESHOLD = 0.5  # word similarity of a misspelt word to a word of the service
MIN_FUZZY_LENGTH = 4  # shorter words are only matched exactly (or through a synonym)


@dataclass(frozen=True)
class Terms:
    """What a search looks for: each part of the query (a word, or a synonym phrase found in
    it) with its alternatives. A service matches when it matches every part."""

    query: str
    parts: tuple[tuple[str, ...], ...]  # each part: the words as typed, then its synonyms


def _normalise(text: str) -> str:
    return " ".join(text.lower().split())


def expand(query: str, groups: list[list[str]] | None = None) -> Terms:
    """Split the query into parts and give each part the synonyms of its group.

    A synonym phrase ("speech and language") is one part; longer phrases are found first.
    A word within ``FUZZY_CUTOFF`` of a one-word synonym counts as that synonym, so "autisim"
    is widened as "autism" is.
    """
    query = " ".join(query.split()[:MAX_WORDS])
    if groups is None:
        groups = [group.word_list for group in SynonymGroup.objects.all()]
    group_of: dict[str, list[str]] = {}
    for group in groups:
        for word in group:
            group_of.setdefault(_normalise(word), group)
    phrases = sorted(group_of, key=lambda p: -len(p.split()))
    single_words = [p for p in phrases if " " not in p]
    words = query.split()
    lowered = [w.lower() for w in words]
    parts: list[tuple[str, ...]] = []
    i = 0
    while i < len(words):
        for phrase in phrases:
            length = len(phrase.split())
            if " ".join(lowered[i : i + length]) == phrase:
                typed = " ".join(words[i : i + length])
                group = group_of[phrase]
                break
        else:
            length, typed = 1, words[i]
            close = get_close_matches(lowered[i], single_words, n=1, cutoff=FUZZY_CUTOFF)
            group = group_of[close[0]] if close else []
        alternatives = {_normalise(typed): typed}
        for word in group:
            alternatives.setdefault(_normalise(word), word)
        parts.append(tuple(alternatives.values()))
        i += length
    return Terms(query=query, parts=tuple(parts))


def _sqlite_search(queryset: QuerySet[Service], terms: Terms) -> QuerySet[Service]:
    def contains(phrase: str) -> Q:
        return (
            Q(name__icontains=phrase)
            | Q(description__icontains=phrase)
            | Q(organisation__name__icontains=phrase)
        )

    match = Q()
    for part in terms.parts:
        any_of = Q()
        for phrase in part:
            any_of |= contains(phrase)
        match &= any_of
    return queryset.filter(match)


def _any_of(part: tuple[str, ...]) -> SearchQuery:
    search = None
    for phrase in part:
        query = SearchQuery(phrase, search_type="phrase", config="english")
        search = query if search is None else search | query
    return search


def _use_word_similarity_threshold() -> None:
    """``%>`` matches when the word similarity reaches pg_trgm's threshold (a setting of the
    connection, 0.6 by default): ours is ``TRIGRAM_THRESHOLD``."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)",
            [str(TRIGRAM_THRESHOLD)],
        )


def _postgres_search(queryset: QuerySet[Service], terms: Terms) -> QuerySet[Service]:
    """Every part matches by full-text search, or (a misspelt word) by trigram similarity.

    Both read what the database stores and indexes: the service's ``search_vector`` (GIN) for
    the full text, and trigram GIN indexes on the name and the description for the
    word-similarity operator ``%>``. Only the matching services are ranked: by the full text's
    rank, then by how well each word is found (a word the full text finds counts as found
    fully, so a word's similarity is worked out only where the full text missed it), then name.
    """
    searches = [_any_of(part) for part in terms.parts]
    whole = searches[0]
    for search in searches[1:]:
        whole &= search
    match = Q()
    similarities = []
    for part, search in zip(terms.parts, searches, strict=True):
        typed = part[0]
        part_match = Q(search_vector=search)
        if " " not in typed and len(typed) >= MIN_FUZZY_LENGTH:
            part_match |= Q(name__trigram_word_similar=typed) | Q(
                description__trigram_word_similar=typed
            )
            # How well the word is found: fully when the full text finds it (its stem), else
            # its trigram word similarity, worked out only for those services.
            similarities.append(
                Case(
                    When(Q(search_vector=search), then=Value(1.0)),
                    default=Greatest(
                        TrigramWordSimilarity(typed, "name"),
                        TrigramWordSimilarity(typed, "description"),
                    ),
                    output_field=FloatField(),
                )
            )
        match &= part_match
    annotations = {"search_rank": SearchRank(F("search_vector"), whole)}
    order = [F("search_rank").desc()]
    if similarities:
        _use_word_similarity_threshold()
        annotations["similarity"] = (
            Greatest(*similarities) if len(similarities) > 1 else similarities[0]
        )
        order.append(F("similarity").desc())
    return queryset.filter(match).annotate(**annotations).order_by(*order, "name")


def search_services(queryset: QuerySet[Service], query: str) -> QuerySet[Service]:
    """Services of ``queryset`` matching ``query`` (best first on PostgreSQL)."""
    terms = expand(query)
    if not terms.query:
        return queryset
    if connection.vendor == "postgresql":
        return _postgres_search(queryset, terms)
    return _sqlite_search(queryset, terms)
