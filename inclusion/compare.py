"""Side-by-side comparison of two statement versions: pure functions over plain values.

Changes are marked with <del class="portal-del"> and <ins class="portal-ins">, each carrying
visually hidden words ("removed", "added") so they never depend on colour alone.
"""

import difflib
import html
import re
from dataclasses import dataclass, field

from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

_WORDS = re.compile(r"\s*\S+\s*$|\s*\S+")


def plain(text: str) -> str:
    """The words of a rich-text statement, without markup."""
    return " ".join(html.unescape(strip_tags(text or "")).split())


def _mark(tag: str, words: str) -> str:
    css = "portal-ins" if tag == "ins" else "portal-del"
    hidden = "added" if tag == "ins" else "removed"
    core = words.strip()
    lead = words[: len(words) - len(words.lstrip())]
    trail = words[len(words.rstrip()) :]
    return (
        f'{lead}<{tag} class="{css}"><span class="govuk-visually-hidden">[{hidden}: </span>'
        f'{html.escape(core)}<span class="govuk-visually-hidden">]</span></{tag}>{trail}'
    )


def diff_words(old: str, new: str) -> tuple[SafeString, SafeString]:
    """(old with deletions marked, new with insertions marked), both HTML-escaped."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    left: list[str] = []
    right: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        old_part, new_part = "".join(a[i1:i2]), "".join(b[j1:j2])
        if op == "equal":
            left.append(html.escape(old_part))
            right.append(html.escape(new_part))
            continue
        if old_part.strip():
            left.append(_mark("del", old_part))
        if new_part.strip():
            right.append(_mark("ins", new_part))
    return mark_safe("".join(left)), mark_safe("".join(right))  # every part escaped above


@dataclass
class Row:
    old: SafeString
    new: SafeString
    changed: bool


@dataclass
class SectionComparison:
    heading: str
    old_heading: str | None
    new_heading: str | None
    rows: list[Row] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.old_heading != self.new_heading or any(r.changed for r in self.rows)


def compare_paragraphs(old: list[str], new: list[str]) -> list[Row]:
    """Pair up paragraphs (statements) of two sections and mark the changes within each pair."""
    rows: list[Row] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            rows.extend(
                Row(mark_safe(html.escape(p)), mark_safe(html.escape(p)), False) for p in old[i1:i2]
            )
            continue
        olds, news = old[i1:i2], new[j1:j2]
        for k in range(max(len(olds), len(news))):
            o = olds[k] if k < len(olds) else ""
            n = news[k] if k < len(news) else ""
            left, right = diff_words(o, n)
            rows.append(Row(left, right, True))
    return rows


def compare_versions(
    old_sections: list[tuple[str, list[str]]], new_sections: list[tuple[str, list[str]]]
) -> list[SectionComparison]:
    """Compare two versions given as [(heading, [statement text, ...]), ...] in order.

    Sections are matched by heading; a section only in one version shows as wholly removed
    or wholly added.
    """
    old_map = {h: [plain(t) for t in ts] for h, ts in old_sections}
    new_map = {h: [plain(t) for t in ts] for h, ts in new_sections}
    headings = [h for h, _ in old_sections]
    headings += [h for h, _ in new_sections if h not in old_map]
    result = []
    for heading in headings:
        comparison = SectionComparison(
            heading=heading,
            old_heading=heading if heading in old_map else None,
            new_heading=heading if heading in new_map else None,
        )
        comparison.rows = compare_paragraphs(old_map.get(heading, []), new_map.get(heading, []))
        result.append(comparison)
    return result
