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


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "")
