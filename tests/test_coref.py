"""Coreference for attribution: pronouns, titles, short names, organisations, plural nominals."""

from __future__ import annotations

import pytest

from eventwire.model import Article


def _entities_at(pipeline, text: str, words: str):
    doc = pipeline(Article.create(text, published="2024-06-17"))
    start = text.index(words)
    for mention in doc.mentions:
        span = doc.spacy[mention.start:mention.end]
        if span.start_char <= start < span.end_char:
            return [(e.name, e.country) for e in mention.entities]
    raise AssertionError(f"no mention at {words!r}")


@pytest.mark.parametrize("text,words,expected", [
    ("Emmanuel Macron met Olaf Scholz in Berlin. The French leader said Europe must act.", "The French leader",
     [("Emmanuel Macron", "FRA")]),
    ("Sergei Lavrov met his Chinese counterpart Wang Yi. The Russian minister spoke first.", "The Russian minister",
     [("Sergei Lavrov", "RUS")]),
    ("White House spokesman John Kirby met Sergei Lavrov. The spokesman said little.", "The spokesman",
     [("John Kirby", "USA")]),
    ("Sergei Lavrov met Kirby, the White House spokesman, in Geneva. The spokesman said little.", "The spokesman",
     [("John Kirby", "USA")]),
])
def test_titles(pipeline, text, words, expected):
    assert _entities_at(pipeline, text, words) == expected


@pytest.mark.parametrize("text,words,expected", [
    ("The International Atomic Energy Agency met on Monday. The agency said it had no access.", "it had",
     [("International Atomic Energy Agency", None)]),
    ("Narendra Modi met Xi Jinping. Xi said he wanted peace.", "he wanted", [("Xi Jinping", "CHN")]),
    ("Saudi Arabia called for calm. The kingdom said it was worried.", "The kingdom", [("Saudi Arabia", "SAU")]),
    ("The European Union announced new sanctions. The bloc said they targeted officials.", "The bloc",
     [("European Union", None)]),
    # "it" is never a plural group: not the reporting "officials", but the clause's own subject
    ("Britain could suspend its aid to Rwanda, officials said.", "its aid", [("United Kingdom", "GBR")]),
    # who says in a "saying ..." clause is the subject of the clause it hangs on
    ("Emmanuel Macron refused to receive Viktor Orban in Paris, saying he would only meet him in Brussels.",
     "he would", [("Emmanuel Macron", "FRA")]),
    # an object pronoun is not its clause's subject
    ("Emmanuel Macron refused to receive Viktor Orban in Paris, saying he would only meet him in Brussels.",
     "him in", [("Viktor Orbán", "HUN")]),
    # the subject in focus, not the nearer object, owns "his office"
    ("Emmanuel Macron refused to receive Viktor Orban in Paris, his office said.", "his office",
     [("Emmanuel Macron", "FRA")]),
    # a group a possessive pronoun owns is that country's
    ("Kenya withdrew its ambassador from Somalia and urged its citizens to leave.", "citizens",
     [("citizen (Kenya)", "KEN")]),
])
def test_pronouns_and_organisations(pipeline, text, words, expected):
    assert _entities_at(pipeline, text, words) == expected


@pytest.mark.parametrize("text,words,expected", [
    ("India and Pakistan exchanged fire on Sunday. Both countries blamed the other.", "Both countries",
     {"IND", "PAK"}),
    ("Sergei Lavrov met his Chinese counterpart Wang Yi. He said the two countries would deepen ties.",
     "the two countries", {"RUS", "CHN"}),
    ("The US is concerned about ties between Russia and North Korea. Kirby spoke of these two countries.",
     "these two countries", {"RUS", "PRK"}),
])
def test_plural_nominals_name_two_countries(pipeline, text, words, expected):
    assert {country for _, country in _entities_at(pipeline, text, words)} == expected


def test_short_name_takes_the_full_name(pipeline):
    text = "Maria Zakharova, the foreign ministry spokeswoman, spoke. Zakharova said Moscow would respond."
    assert _entities_at(pipeline, text, "Zakharova said") == [("Maria Zakharova", "RUS")]
