"""Attribution constructions, each with several examples of our own: who said which words.

Each case: text, the words expected in one quote, the speaker's name (part of it), the
speaker's country, and whether the quote is direct.
"""

from __future__ import annotations

import pytest

from eventwire.model import Article

SPEAKER_AFTER = [
    ('"We will not back down," said Sergei Lavrov.', "We will not back down", "Lavrov", "RUS", True),
    ('“The door to talks remains open,” Antony Blinken said on Tuesday.', "The door to talks remains open",
     "Blinken", "USA", True),
    ('"Our patience has limits," Iran\'s Foreign Minister Abbas Araghchi told reporters in Tehran.',
     "Our patience has limits", "Araghchi", "IRN", True),
]

SPEAKER_BEFORE = [
    ('Emmanuel Macron told reporters in Paris: "Europe must be able to defend itself."',
     "Europe must be able to defend itself", "Macron", "FRA", True),
    ('Keir Starmer said, “This government will not be distracted.”', "This government will not be distracted",
     "Starmer", "GBR", True),
    ('National Security Council spokesman John Kirby stated: "We are watching this very closely."',
     "We are watching this very closely", "Kirby", "USA", True),
]

SPEAKER_IN_PREVIOUS_SENTENCE = [
    ('Dmitry Peskov spoke to journalists in Moscow on Monday.\n"Nobody is going to negotiate under threats."',
     "Nobody is going to negotiate under threats", "Peskov", "RUS", True),
    ('Olaf Scholz stated: "Germany will support Ukraine for as long as it takes."',
     "Germany will support Ukraine", "Scholz", "DEU", True),
    ('"We are ready," Benjamin Netanyahu said. "Whoever attacks us will pay a heavy price."',
     "Whoever attacks us will pay a heavy price", "Netanyahu", "ISR", True),
    ('Maria Zakharova was blunt on Thursday. "The West has chosen escalation."', "The West has chosen escalation",
     "Zakharova", "RUS", True),
]

SPEAKER_INSIDE = [
    ('"We will not back down," Lavrov said, "whatever the cost to us."', "whatever the cost to us",
     "Lavrov", "RUS", True),
    ('“The sanctions,” Peskov told reporters, “will only hurt Europe itself.”', "will only hurt Europe itself",
     "Peskov", "RUS", True),
]

MULTI_SENTENCE = [
    ('"Russia will not prevail. Ukraine will prevail," Joe Biden said.', "Russia will not prevail. Ukraine will prevail",
     "Biden", "USA", True),
    ('Jens Stoltenberg said: “Allies stand united. We will defend every inch of NATO territory.”',
     "Allies stand united. We will defend every inch", "Stoltenberg", None, True),
]

PARAGRAPH_CONVENTION = [
    ('Ali Khamenei spoke at Friday prayers in Tehran.\n"The operation was legal and legitimate.\n'
     '"We will neither procrastinate nor act in haste," Khamenei said.', "The operation was legal and legitimate",
     "Khamenei", "IRN", True),
    ('Xi Jinping addressed the party congress.\n“We will never promise to renounce the use of force.\n'
     '“Reunification must be realised,” Xi said.', "We will never promise to renounce the use of force",
     "Xi", "CHN", True),
]

PARTIAL_QUOTES = [
    ('Vladimir Putin vowed to resist what he described as "US pressure, blackmail, and military threats."',
     "US pressure, blackmail, and military threats", "Putin", "RUS", True),
    ("Benjamin Netanyahu called the deal ‘a historic mistake’ in a speech on Tuesday.", "a historic mistake",
     "Netanyahu", "ISR", True),
    ("Narendra Modi called the agreement 'a new chapter in our friendship' on Monday.",
     "a new chapter in our friendship", "Modi", "IND", True),
    ('The Kremlin has framed the visit as a "friendly state visit".', "friendly state visit", "Kremlin", "RUS", True),
]

INDIRECT = [
    ("Olaf Scholz said that Berlin would send more air defence systems to Kyiv.",
     "Berlin would send more air defence systems", "Scholz", "DEU", False),
    ("Ukraine would receive more artillery ammunition, Lloyd Austin told reporters on Friday.",
     "Ukraine would receive more artillery ammunition", "Austin", "USA", False),
    ("According to the Iranian foreign ministry, the talks will resume next week.",
     "the talks will resume next week", "ministry", "IRN", False),
    ("The talks will resume in Doha next week, according to Hamas.", "The talks will resume in Doha", "Hamas", "PSE", False),
    ("Beijing, Wang Yi said, posed no threat to anyone.", "posed no threat to anyone", "Wang Yi", "CHN", False),
    ("Viktor Orban said he was on a peace mission and that Europe needed a ceasefire.",
     "Europe needed a ceasefire", "Orb", "HUN", False),
]

COREF_SPEAKERS = [
    ("Emmanuel Macron met Olaf Scholz in Berlin. The French leader said that Europe must defend itself.",
     "Europe must defend itself", "Macron", "FRA", False),
    ("John Kirby met reporters on Monday. The spokesman said the United States was deeply concerned.",
     "the United States was deeply concerned", "Kirby", "USA", False),
    ("The International Atomic Energy Agency said on Monday that Iran had expanded enrichment. "
     "The agency said it had been denied access to two sites.", "it had been denied access", "Atomic Energy", None, False),
    ('Sergei Lavrov arrived in Beijing on Monday. "We are friends," he told reporters.', "We are friends",
     "Lavrov", "RUS", True),
    ("Saudi Arabia called for restraint. The kingdom said it was following the situation closely.",
     "it was following the situation closely", "Saudi Arabia", "SAU", False),
    ('A Russian foreign ministry spokeswoman, Maria Zakharova, said the West "has chosen escalation".',
     "has chosen escalation", "Zakharova", "RUS", True),
]

ALL_CASES = (SPEAKER_AFTER + SPEAKER_BEFORE + SPEAKER_IN_PREVIOUS_SENTENCE + SPEAKER_INSIDE + MULTI_SENTENCE
             + PARAGRAPH_CONVENTION + PARTIAL_QUOTES + INDIRECT + COREF_SPEAKERS)


def _quote_with(pipeline, text: str, words: str):
    doc = pipeline(Article.create(text, published="2024-06-17"))
    found = [q for q in doc.quotes if words in q.text]
    assert found, f"no quote holds {words!r}: {[q.text for q in doc.quotes]}"
    return found[0]


@pytest.mark.parametrize("text,words,speaker,country,direct", ALL_CASES, ids=[c[1][:30] for c in ALL_CASES])
def test_construction(pipeline, text, words, speaker, country, direct):
    quote = _quote_with(pipeline, text, words)
    assert quote.speaker is not None, "no speaker"
    assert speaker in quote.speaker.name, quote.speaker
    assert quote.speaker.country == country
    assert quote.direct is direct
    assert text[quote.start:quote.end] == quote.text


@pytest.mark.parametrize("text", [
    'The film "Game of Thrones" was shown in Moscow.',
    "The so-called 'deal' collapsed on Tuesday.",
    "Analysts were surprised by the outcome of the vote.",
])
def test_no_attribution_without_a_speaker_or_quotation(pipeline, text):
    doc = pipeline(Article.create(text))
    assert doc.quotes == []


def test_speaker_keeps_one_canonical_name_across_the_article(pipeline):
    text = ('National Security Council spokesman John Kirby spoke on Monday. "We are concerned," Kirby said. '
            'The spokesman added that Washington would respond. "We will not be silent," he said.')
    doc = pipeline(Article.create(text))
    assert len(doc.quotes) == 3
    assert {q.speaker.name for q in doc.quotes} == {"John Kirby"}
