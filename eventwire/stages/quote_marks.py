"""Where quoted words are: spans between quotation marks, found from the characters alone.

Straight marks (``"``, ``'``) do not say whether they open or close, and the single ones
double as apostrophes, so each mark is read by its neighbours. A quote normally closes in
its own paragraph; two conventions let it go on:

- the paragraph convention: a paragraph that ends inside a quote, followed by one that
  starts with an opening mark, continues the same quotation (one segment per paragraph);
- a line break inside a quote (one sentence a line, as in some corpora): when the next
  line's first mark of the same kind closes, the quote simply runs on.

Marks of the other kind inside a quote are nested quotes and stay part of its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARKS = re.compile("[\"“”„«»‘’'\n]")
DOUBLE = frozenset('"“”„«»')
OPENERS = {"“": "double", "„": "double", "«": "double", "‘": "single"}
OPEN_CONTEXT = frozenset(" \t\n([{—–-/")  # what may stand before an opening mark


@dataclass
class QuotedSpan:
    """The words between two marks (``start``/``end`` exclude the marks themselves)."""

    start: int
    end: int
    unit: int  # spans of one quotation (the paragraph convention) share a unit number
    closed: bool = True


@dataclass
class _Open:
    kind: str  # "double" | "single"
    start: int  # first character after the opening mark
    straight: bool


def quoted_spans(text: str) -> list[QuotedSpan]:
    spans: list[QuotedSpan] = []
    current: _Open | None = None
    unit = 0
    skip_until = -1
    for match in MARKS.finditer(text):
        at = match.start()
        if at < skip_until:
            continue
        char = match.group()
        if char == "\n":
            if current is None:
                continue
            current, unit, skip_until = _at_line_break(text, at, current, unit, spans)
            continue
        if current is None:
            kind = _opening_kind(text, at)
            if kind is not None:
                current = _Open(kind, at + 1, straight=char in "\"'")
            continue
        if _closes(text, at, current.kind):
            spans.append(QuotedSpan(current.start, at, unit))
            unit += 1
            current = None
    if current is not None and current.kind == "double":
        spans.append(QuotedSpan(current.start, len(text), unit, closed=False))
    return spans


def _at_line_break(text: str, at: int, current: _Open, unit: int, spans: list[QuotedSpan]):
    """A paragraph ends inside a quote: continue it, carry it on, or end it here."""
    next_start = _next_paragraph_start(text, at)
    if next_start < len(text) and _opening_kind(text, next_start) == current.kind:
        spans.append(QuotedSpan(current.start, at, unit, closed=False))
        return _Open(current.kind, next_start + 1, current.straight), unit, next_start + 1
    if _next_mark_closes(text, next_start, current.kind):
        return current, unit, at + 1
    if current.kind == "double":  # an unclosed double quote ends with its paragraph
        spans.append(QuotedSpan(current.start, at, unit, closed=False))
    return None, unit + 1, at + 1


def _next_paragraph_start(text: str, at: int) -> int:
    position = at
    while position < len(text) and text[position] in " \t\n":
        position += 1
    return position


def _next_mark_closes(text: str, start: int, kind: str) -> bool:
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    for match in MARKS.finditer(text, start, end):
        at = match.start()
        if _kind_of(match.group()) != kind or _is_apostrophe(text, at):
            continue
        return _closes(text, at, kind) and _opening_kind(text, at) is None
    return False


def _kind_of(char: str) -> str:
    return "double" if char in DOUBLE else "single"


def _opening_kind(text: str, at: int) -> str | None:
    char = text[at]
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if after.isspace():
        return None
    if char in OPENERS:
        if char == "‘" and before.isalnum():
            return None
        return OPENERS[char]
    if char == '"' and (before in OPEN_CONTEXT or not before.isalnum() and before not in ".,;:!?"):
        return "double"
    if char == "'" and before in OPEN_CONTEXT and after.isalpha():
        return "single"
    return None


def _closes(text: str, at: int, kind: str) -> bool:
    char = text[at]
    if _kind_of(char) != kind or char in OPENERS:
        return False
    before = text[at - 1] if at > 0 else " "
    if before.isspace() and kind == "single":
        return False
    if kind == "single" and _is_apostrophe(text, at):
        return False
    return True


def _is_apostrophe(text: str, at: int) -> bool:
    """'don't', 'Korea's', 'the '90s': a single mark with a letter or digit right after it."""
    char = text[at]
    if char not in "'’":
        return False
    after = text[at + 1] if at + 1 < len(text) else " "
    before = text[at - 1] if at > 0 else " "
    return after.isalnum() and (before.isalnum() or after.isdigit())
