"""Safe rich text for prose officers write (minutes, positions, statements).

Paragraphs, line breaks, lists, bold, italic and links are kept; everything else is removed on
save. Links may only be http(s) or mailto and always get rel="noopener noreferrer". Output is
marked safe only after this cleaning: templates use ``{{ value|rich_text }}``.
"""

import nh3

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def clean_rich_text(html: str) -> str:
    """The HTML with only the allowed tags and attributes left."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
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
        super().save(*args, **kwargs)
