"""Safe rich text for prose officers write (minutes, positions, statements).

Paragraphs, line breaks, lists, bold, italic, links, headings (h2 to h4) and simple tables
(caption, head, body, rows, header and data cells, with scope, colspan and rowspan) are kept;
everything else is removed on save. Links may only be http(s) or mailto and always get rel="noopener noreferrer". Output is
marked safe only after this cleaning: templates use ``{{ value|rich_text }}``.
"""

import re

import nh3

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "a", "h2", "h3", "h4"}
ALLOWED_TAGS |= {"table", "caption", "thead", "tbody", "tr", "th", "td"}
ALLOWED_ATTRIBUTES = {
    "a": {"href"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
# Values the table attributes may take (anything else is dropped).
_SPAN = re.compile(r"^[1-9][0-9]?$")
_SCOPES = {"col", "row", "colgroup", "rowgroup"}

# GOV.UK Frontend's classes for the kept elements, added on output for the web page (the cleaned
# text never holds a class attribute, so these are the only ones).
GOVUK_CLASSES = {
    "h2": "govuk-heading-m",
    "h3": "govuk-heading-s",
    "h4": "govuk-heading-s",
    "table": "govuk-table",
    "caption": "govuk-table__caption govuk-table__caption--s",
    "thead": "govuk-table__head",
    "tbody": "govuk-table__body",
    "tr": "govuk-table__row",
    "th": "govuk-table__header",
    "td": "govuk-table__cell",
}
_OPENING_TAG = re.compile(r"<(" + "|".join(GOVUK_CLASSES) + r")(?=[\s>])")


def _attribute_filter(element: str, attribute: str, value: str) -> str | None:
    if attribute == "scope":
        return value if value in _SCOPES else None
    if attribute in {"colspan", "rowspan"}:
        return value if _SPAN.match(value) else None
    return value


def with_govuk_classes(cleaned: str) -> str:
    """Cleaned rich text with GOV.UK classes on its headings and tables (for web pages)."""
    return _OPENING_TAG.sub(lambda m: f'<{m[1]} class="{GOVUK_CLASSES[m[1]]}"', cleaned)


ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def clean_rich_text(html: str) -> str:
    """The HTML with only the allowed tags and attributes left."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        attribute_filter=_attribute_filter,
        link_rel="noopener noreferrer",
        strip_comments=True,
        clean_content_tags={"script", "style"},
    ).strip()


class RichTextMixin:
    """For models: cleans the named rich-text fields on every save, so nothing unsafe is stored."""

    rich_text_fields: tuple[str, ...] = ()

    def save(self, *args, **kwargs):
        for name in self.rich_text_fields:
            setattr(self, name, clean_rich_text(getattr(self, name)))
        super().save(*args, **kwargs)  # type: ignore[misc]  # the model it mixes into
