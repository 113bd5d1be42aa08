"""Small GOV.UK components used across the portal."""

import functools
import re

from django import template
from django.utils.html import format_html

from send_portal.core.rag import MEANING, RAG

register = template.Library()

_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")

_TAG_CLASS = {
    RAG.RED: "govuk-tag--red",
    RAG.AMBER: "govuk-tag--orange",
    RAG.GREEN: "govuk-tag--green",
    RAG.BLUE: "govuk-tag--blue",
    RAG.GREY: "govuk-tag--grey",
}


@register.simple_tag
def rag_tag(value, label: str = "") -> str:
    """A RAG rating as a GOV.UK tag: always the word, never colour alone."""
    return _rag_tag(str(value or ""), str(label))


@functools.lru_cache(maxsize=64)
def _rag_tag(value: str, label: str) -> str:
    """Made once per process for each rating and label: tables show one on every row."""
    if not value:
        return format_html('<strong class="govuk-tag govuk-tag--grey">{}</strong>', "Not rated")
    word = RAG(value).label
    return format_html(
        '<strong class="govuk-tag {}" title="{}">{}{}</strong>',
        _TAG_CLASS[RAG(value)],
        MEANING[value],
        f"{label} " if label else "",
        word,
    )


@register.filter
def rag_label(value) -> str:
    return RAG(value).label if value else "Not rated"


@register.filter
def rich_text(value) -> str:
    """Officer-written rich text, cleaned again on output (belt and braces), then marked safe.

    Plain text without tags keeps its paragraphs and line breaks.
    """
    from django.utils.html import linebreaks
    from django.utils.safestring import mark_safe

    from send_portal.core.richtext import clean_rich_text, with_govuk_classes

    text = value or ""
    if not _HTML_TAG.search(text):
        return mark_safe(linebreaks(text, autoescape=True))
    # Cleaned by nh3 just above; the only classes are GOV.UK's, added to headings and tables.
    return mark_safe(with_govuk_classes(clean_rich_text(text)))


@register.filter
def plain_number(value) -> str:
    """A decimal as people write it: no trailing zeros, never an exponent (100, not 1E+2)."""
    if value is None or value == "":
        return ""
    from decimal import Decimal

    return format(Decimal(str(value)).normalize(), "f")


@register.filter
def pupil_count(value) -> str:
    """A count about children or pupils, with small numbers suppressed ("fewer than 5")."""
    from send_portal.core.suppression import suppress_count

    return suppress_count(value)


@register.filter
def summary_links(form) -> list[tuple[str, str]]:
    """(id, message) for each error of a form, each id that of an element on the page."""
    from send_portal.core.formfields import summary_target

    visible = form.visible_fields()
    # A form of hidden fields only (a confirmation's button) links its errors to the page.
    first = summary_target(visible[0]) if visible else "main-content"
    links = [(first, error) for error in form.non_field_errors()]
    for bound in visible:
        target = summary_target(bound)
        links += [(target, error) for error in bound.errors]
    return links
