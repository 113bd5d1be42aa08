"""Read a page's form as a browser would submit it, and the ids the page holds (stdlib only)."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[list[tuple[str, str]]] = []
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self._form = None
        self._select = None
        self._textarea = None
        self._text = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
        if tag == "form" and (a.get("method") or "get").lower() == "post":
            self._form = []
            self.forms.append(self._form)
        if self._form is None:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"radio", "checkbox"} and "checked" not in a:
                return
            self._form.append((name, a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self._select = [name, None, None, "multiple" in a]
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            if self._select[2] is None:
                self._select[2] = value
            if "selected" in a:
                if self._select[3]:
                    self._form.append((self._select[0], value))
                else:
                    self._select[1] = value
        elif tag == "textarea" and name:
            self._textarea = name
            self._text = []

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select is not None and self._form is not None:
            name, chosen, first, multiple = self._select
            if not multiple:
                self._form.append((name, chosen if chosen is not None else (first or "")))
            self._select = None
        elif tag == "textarea" and self._textarea is not None and self._form is not None:
            text = "".join(self._text)
            self._form.append((self._textarea, text[1:] if text.startswith("\n") else text))
            self._textarea = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._text.append(data)


def read_page(html: str) -> _FormReader:
    reader = _FormReader()
    reader.feed(html)
    return reader


def form_data(html: str, index: int = -1) -> dict[str, list[str]]:
    """The fields of the page's POST form number ``index`` (default: the last), as submitted."""
    fields = read_page(html).forms[index]
    data: dict[str, list[str]] = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    return data


def error_summary_targets(html: str) -> list[str]:
    """The ids the error summary's links point at (``#id``)."""
    start = html.find('class="govuk-error-summary"')
    if start < 0:
        return []
    end = html.find("</ul>", start)
    return [h[1:] for h in read_page(html[start:end]).hrefs if h.startswith("#")]
