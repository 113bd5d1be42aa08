"""Small GOV.UK components used across the portal."""

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


@register.filter
def rich_text(value) -> str:
    """Officer-written rich text, cleaned again on output (belt and braces), then marked safe.

    Plain text without tags keeps its paragraphs and line breaks.
    """
    from django.utils.html import linebreaks
    from django.utils.safestring import mark_safe

    from send_portal.core.richtext import clean_rich_text

    text = value or ""
    if not _HTML_TAG.search(text):
        return mark_safe(linebreaks(text, autoescape=True))
    return mark_safe(clean_rich_text(text))  # cleaned by nh3 just above


@register.filter
def pupil_count(value) -> str:
    """A count about children or pupils, with small numbers suppressed ("fewer than 5")."""
    from send_portal.core.suppression import suppress_count

    return suppress_count(value)


@register.tag("pagecache")
def do_pagecache(parser, token):
    """``{% pagecache "name" vary_on... %}...{% endpagecache %}``: the enclosed HTML is kept in the
    page cache for this viewer's scope, today and the data generation (see core/pagecache.py).

    Forms inside are fine: the fragment is stored with a placeholder where the CSRF token goes,
    and each response gets the viewer's own token. A form shown again with its errors (any
    request but GET) is never cached."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("pagecache needs a fragment name")
    nodelist = parser.parse(("endpagecache",))
    parser.delete_first_token()
    return PageCacheNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )


class PageCacheNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context) -> str:
        from django.utils.safestring import mark_safe

        from send_portal.core import pagecache

        request = context.get("request")
        if request is None or request.method != "GET" or not pagecache.enabled():
            return self.nodelist.render(context)
        key = pagecache.key_for(
            request,
            str(self.name.resolve(context)),
            tuple(str(v.resolve(context)) for v in self.vary_on),
        )
        html = pagecache.get(key)
        if html is None:
            with context.push(csrf_token=pagecache.CSRF_PLACEHOLDER):
                html = self.nodelist.render(context)
            pagecache.set(key, html)
        if pagecache.CSRF_PLACEHOLDER in html:
            html = html.replace(pagecache.CSRF_PLACEHOLDER, str(context.get("csrf_token", "")))
        return mark_safe(html)  # rendered by this template, escaped as it was rendered


@register.filter
def summary_links(form) -> list[tuple[str, str]]:
    """(id, message) for each error of a form, each id that of an element on the page."""
    from send_portal.core.formfields import summary_target

    visible = form.visible_fields()
    links = []
    if visible:
        first = summary_target(visible[0])
        links += [(first, error) for error in form.non_field_errors()]
    for bound in visible:
        target = summary_target(bound)
        links += [(target, error) for error in bound.errors]
    return links
