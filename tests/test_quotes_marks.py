"""Finding quoted words from the marks alone: straight and typographic, apostrophes, paragraphs."""

from __future__ import annotations

import pytest

from eventwire.stages.quote_marks import quoted_spans


def _texts(text: str) -> list[str]:
    return [text[s.start:s.end] for s in quoted_spans(text)]


@pytest.mark.parametrize("text,expected", [
    ('"We will go," he said.', ["We will go,"]),
    ("“We will go,” he said.", ["We will go,"]),
    ("«Nous irons», a-t-il dit.", ["Nous irons"]),
    ("He called it ‘a historic mistake’ on Korea’s radio.", ["a historic mistake"]),
    ("He called it 'a historic mistake' on the generals' orders. It's done.", ["a historic mistake"]),
    ("Korea’s leader didn’t comment on the ’90s or the allies’ plans.", []),
    ("‘We will not,’ she said, ‘accept the “so-called” deal.’", ["We will not,", "accept the “so-called” deal."]),
])
def test_marks_and_apostrophes(text, expected):
    assert _texts(text) == expected


def test_a_new_paragraph_that_reopens_continues_the_quotation():
    text = '"The West must listen.\n"Nobody listens to us," he added.'
    spans = quoted_spans(text)
    assert [text[s.start:s.end] for s in spans] == ["The West must listen.", "Nobody listens to us,"]
    assert spans[0].unit == spans[1].unit and not spans[0].closed


def test_a_line_break_inside_a_closed_quote_runs_on():
    assert _texts('"We will go\nto the end," he said.') == ["We will go\nto the end,"]


def test_an_unclosed_double_quote_ends_with_its_paragraph():
    assert _texts('Kirby stated: "We are concerned\nThe visit ended.') == ["We are concerned"]
