"""Small GOV.UK components used across the portal."""

from django import template
from django.utils.html import format_html

from send_portal.core.rag import MEANING, RAG

register = template.Library()

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
    if not value:
        return format_html('<strong class="govuk-tag govuk-tag--grey">{}</strong>', "Not rated")
    word = RAG(value).label
    return format_html(
        '<strong class="govuk-tag {}" title="{}">{}{}</strong>',
        _TAG_CLASS[value],
        MEANING[value],
        f"{label} " if label else "",
        word,
    )


@register.filter
def rag_label(value) -> str:
    return RAG(value).label if value else "Not rated"
