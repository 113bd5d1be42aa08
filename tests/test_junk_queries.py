"""Bad input never gives a 500: every page a GET reaches, with junk in each of its query-string
parameters, answers 200 or 400 (with the form's own message).

Pages come from the access matrix (every URL pattern, so a new page is covered by default) as
the administrator sees them. Each page's parameters are derived, not listed: the fields of the
GET forms the page itself renders, the ``request.GET`` names its view reads (with the
functions of its module it calls), the fields of the FilterSets they use, and ``page``.
"""

import inspect
import re
from html.parser import HTMLParser

import django_filters
import pytest
from django.urls import resolve, reverse

from tests.test_access_matrix import MATRIX

pytestmark = pytest.mark.django_db

JUNK = [
    "99999999999999999999",  # too big for any integer column
    "10000",  # a year past what dates hold
    "-1",
    "abc",
    "ünïcødé ☃ 𝔘",
    "x" * 3000,
    "1\x00",  # PostgreSQL refuses NUL in text
]

BAD_ADDRESS = "There is a problem with the web address"  # templates/400.html
PAGES = sorted(name for name, entry in MATRIX.items() if entry.get["admin"] == 200)


class _GetFormFields(HTMLParser):
    def __init__(self):
        super().__init__()
        self.names: set[str] = set()
        self._in_get_form = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._in_get_form = (attrs.get("method") or "get").lower() == "get"
        elif (
            self._in_get_form
            and tag in {"input", "select", "textarea"}
            and attrs.get("name")
            and attrs.get("type") not in {"submit", "button"}
        ):
            self.names.add(attrs["name"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_get_form = False


_READS_GET = re.compile(r"request\.GET\.get\(\s*[\"'](\w+)[\"']")
_WORD = re.compile(r"\b[A-Za-z_]\w*\b")


def _view_parameters(url: str) -> set[str]:
    """The ``request.GET`` names the page's view reads, in its own code and in the functions
    of its module it calls (and they call), and the fields of the FilterSets they use."""
    func = resolve(url).func
    view = inspect.unwrap(getattr(func, "view_class", func))
    module = inspect.getmodule(view)
    names: set[str] = set()
    seen: set[object] = set()
    todo: list[object] = [view]
    while todo:
        code = todo.pop()
        if code in seen:
            continue
        seen.add(code)
        source = inspect.getsource(code)
        names |= set(_READS_GET.findall(source))
        for word in set(_WORD.findall(source)):
            value = vars(module).get(word)
            if isinstance(value, type) and issubclass(value, django_filters.FilterSet):
                names |= set(value.base_filters)
            elif inspect.isfunction(value) and value.__module__ == module.__name__:
                todo.append(value)
    return names


def parameters(client, url: str) -> set[str]:
    parser = _GetFormFields()
    response = client.get(url)
    if "html" in response.get("Content-Type", ""):
        parser.feed(response.content.decode())
    return parser.names | _view_parameters(url) | {"page"}


@pytest.fixture
def world(role_users, area_ne, area_south):
    return {"area_x": area_ne, "area_y": area_south}


@pytest.mark.parametrize("name", PAGES)
def test_junk_in_every_query_parameter_gives_200_or_400(client, administrator, world, name):
    url = reverse(name, kwargs=MATRIX[name].kwargs(world))
    client.force_login(administrator)
    names = parameters(client, url)
    for parameter in sorted(names):
        for junk in JUNK:
            response = client.get(url, {parameter: junk})
            where = f"GET {url}?{parameter}={junk[:20]!r}"
            assert response.status_code in {200, 400}, f"{where}: {response.status_code}"
            if response.status_code == 400 and "html" in response["Content-Type"]:
                body = response.content.decode()
                assert (
                    "govuk-error-message" in body
                    or "govuk-error-summary" in body
                    or BAD_ADDRESS in body
                ), f"{where}: 400 without the form's own message"


def test_the_parameters_are_found_from_the_page_and_its_view(client, administrator):
    client.force_login(administrator)
    assert {"year", "scope", "page"} <= parameters(client, reverse("reporting:list"))
    assert "q" in parameters(client, reverse("localoffer:search"))
    # read in a function the view calls, on a page with no form (JSON)
    assert {"per_page", "search", "taxonomy_term_id", "page"} <= parameters(
        client, reverse("localoffer:api_services")
    )
    # another page's filter in the same module is not this page's parameter
    assert "per_page" not in parameters(client, reverse("localoffer:search"))
