"""Tags for the PDF: RAG as a word in a coloured box (never colour alone)."""

from django import template
from django.utils.html import format_html

from send_portal.core.rag import RAG

register = template.Library()


@register.simple_tag
def rag(value) -> str:
    if not value:
        return format_html('<span class="rag rag--none">{}</span>', "Not rated")
    return format_html('<span class="rag rag--{}">{}</span>', value, RAG(value).label)


@register.simple_tag
def rag_cell(value) -> str:
    """A table cell that is the RAG: the word on the cell's own colour. One box, where a box
    inside the cell was three (the cell's line, the inline box and its text): per row, the
    report's largest cost is boxes."""
    if not value:
        return format_html('<td class="rag-cell rag--none">{}</td>', "Not rated")
    return format_html('<td class="rag-cell rag--{}">{}</td>', value, RAG(value).label)


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "")
