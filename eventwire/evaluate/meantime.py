"""MEANTIME (NewsReader Wikinews corpus) documents: text, creation time and gold TIMEX3.

Each MEANTIME XML file lists tokens (``<token t_id sentence number>``) and, under
``<Markables>``, TIMEX3 elements that anchor token ids and carry a normalised ``value``.
``load_meantime`` rebuilds each article's text from its tokens (one sentence a line)
with character offsets, so benchmarks can use the texts and ``score_dates`` can check
``stages.dates.normalise`` against the gold values.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import GoldFormatError

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "'"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "US$", "#"}


@dataclass
class Timex:
    """One gold TIMEX3: its words, their character span and the normalised value."""

    tid: str
    type: str  # DATE | TIME | DURATION | SET
    value: str
    text: str
    start: int
    end: int
    sentence: int
    creation_time: bool = False


@dataclass
class MeantimeDoc:
    doc_id: str
    name: str
    url: str | None
    text: str
    dct: str | None  # document creation time, "YYYY-MM-DD"
    sentences: list[tuple[int, int]] = field(default_factory=list)  # character spans
    timexes: list[Timex] = field(default_factory=list)

    def sentence_text(self, index: int) -> str:
        start, end = self.sentences[index]
        return self.text[start:end]


# ---------------------------------------------------------------- reading


def _join_tokens(tokens: list[ET.Element]) -> tuple[str, dict[str, tuple[int, int]], list[tuple[int, int]]]:
    """Text from tokens, the character span of every token id, and sentence spans."""
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    sentences: list[tuple[int, int]] = []
    length, current, previous, sentence_start = 0, None, None, 0
    for token in tokens:
        word = token.text or ""
        sentence = int(token.get("sentence", "0"))
        if sentence != current:
            if current is not None:
                sentences.append((sentence_start, length))
                parts.append("\n")
                length += 1
            current, sentence_start, previous = sentence, length, None
        elif previous is not None and word not in NO_SPACE_BEFORE and previous not in NO_SPACE_AFTER:
            parts.append(" ")
            length += 1
        spans[token.get("t_id")] = (length, length + len(word))
        parts.append(word)
        length += len(word)
        previous = word
    if current is not None:
        sentences.append((sentence_start, length))
    return "".join(parts), spans, sentences


def _sentence_of(offset: int, sentences: list[tuple[int, int]]) -> int:
    for index, (start, end) in enumerate(sentences):
        if start <= offset <= end:
            return index
    return 0


def _timexes(root: ET.Element, text: str, spans: dict, sentences: list) -> list[Timex]:
    found = []
    for element in root.iter("TIMEX3"):
        anchors = [a.get("t_id") for a in element.findall("token_anchor")]
        anchored = [spans[a] for a in anchors if a in spans]
        if not anchored:
            continue  # an implicit timex (no words in the text)
        start, end = min(s for s, _ in anchored), max(e for _, e in anchored)
        found.append(Timex(
            tid=element.get("m_id", ""), type=element.get("type", ""), value=element.get("value", ""),
            text=text[start:end], start=start, end=end, sentence=_sentence_of(start, sentences),
            creation_time=element.get("functionInDocument") == "CREATION_TIME",
        ))
    found.sort(key=lambda t: t.start)
    return found


def _dateline(timexes: list[Timex]) -> Timex | None:
    """A few files do not flag the creation time: take the date on the dateline (sentence 1)."""
    for timex in timexes:
        if timex.sentence == 1 and timex.type == "DATE":
            timex.creation_time = True
            return timex
    return None


def _creation_date(timex: Timex | None) -> str | None:
    """The creation time as YYYY-MM-DD; a malformed value ("03-02-2009") is read from its words."""
    if timex is None:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", timex.value):
        return timex.value[:10]
    from ..stages.dates import normalise

    ref = normalise(timex.text, None, "past")
    return ref.value if ref is not None and ref.precision == "day" else None


def read_meantime_file(path: Path) -> MeantimeDoc:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise GoldFormatError(f"{path}: not a MEANTIME XML file: {exc}") from exc
    tokens = sorted(root.iter("token"), key=lambda t: int(t.get("t_id", "0")))
    text, spans, sentences = _join_tokens(tokens)
    timexes = _timexes(root, text, spans, sentences)
    creation = next((t for t in timexes if t.creation_time), None) or _dateline(timexes)
    dct = _creation_date(creation)
    return MeantimeDoc(
        doc_id=root.get("doc_id", path.stem), name=root.get("doc_name", path.stem), url=root.get("url"),
        text=text, dct=dct, sentences=sentences, timexes=timexes,
    )


def load_meantime(root: Path) -> list[MeantimeDoc]:
    """Every MEANTIME document under ``root`` (e.g. ``.../intra-doc_annotation``), sorted by path."""
    root = Path(root)
    paths = sorted(root.rglob("*.xml"))
    if not paths:
        raise GoldFormatError(f"{root}: no MEANTIME .xml files found")
    return [read_meantime_file(p) for p in paths]


# ---------------------------------------------------------------- scoring dates


def gold_date(value: str) -> tuple[str, str] | None:
    """A gold TIMEX3 value as (value, precision) we can compare, or None (vague, week-in-year)."""
    if match := re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:T.*)?", value):
        return match.group(1), "day"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return value, "month"
    if re.fullmatch(r"\d{4}", value):
        return value, "year"
    if match := re.fullmatch(r"(\d{4})-(?:Q\d|SP|SU|FA|AU|WI|H\d)", value):
        return match.group(1), "year"
    if match := re.fullmatch(r"(\d{4})-W(\d{2})(?:-WE)?", value):
        thursday = date.fromisocalendar(int(match.group(1)), int(match.group(2)), 4)
        return f"{thursday.year:04d}-{thursday.month:02d}", "month"
    return None


_PRECISION_LENGTH = {"year": 4, "month": 7, "day": 10}


def date_matches(predicted_value: str, gold_value: str, gold_precision: str) -> bool:
    """Right when the prediction, cut to the gold precision, equals it (and is not coarser)."""
    length = _PRECISION_LENGTH[gold_precision]
    return len(predicted_value) >= length and predicted_value[:length] == gold_value


def timex_tenses(doc: MeantimeDoc, timexes: list[Timex]) -> list[str]:
    """The tense of the verb governing each timex, from a spaCy parse of its sentence."""
    from ..stages.dates import governing_verb, verb_tense
    from ..stages.nlp import load_model

    nlp = load_model()
    parsed: dict[int, object] = {}
    tenses = []
    for timex in timexes:
        if timex.sentence not in parsed:
            parsed[timex.sentence] = nlp(doc.sentence_text(timex.sentence))
        sentence = parsed[timex.sentence]
        offset = doc.sentences[timex.sentence][0]
        span = sentence.char_span(timex.start - offset, timex.end - offset, alignment_mode="expand")
        tenses.append(verb_tense(governing_verb(span.root)) if span is not None else "present")
    return tenses


def score_dates(docs: list[MeantimeDoc]) -> dict:
    """Accuracy of ``normalise`` on gold DATE timexes, at each gold value's precision.

    The tense passed to ``normalise`` is that of the verb governing the timex (as the
    events stage gives a frame's tense). The creation-time timex (the dateline) is left out; values we cannot compare
    (PRESENT_REF, XXXX-..., decades) are counted as ``skipped``.
    """
    from ..stages.dates import normalise

    counts = {"gold": 0, "scored": 0, "correct": 0, "answered": 0, "skipped": 0}
    by_precision: dict[str, list[int]] = {}
    errors = []
    for doc in docs:
        dated = [t for t in doc.timexes if t.type == "DATE" and not t.creation_time]
        counts["gold"] += len(dated)
        scorable = [t for t in dated if gold_date(t.value) is not None and doc.dct is not None]
        counts["skipped"] += len(dated) - len(scorable)
        for timex, tense in zip(scorable, timex_tenses(doc, scorable)):
            gold = gold_date(timex.value)
            ref = normalise(timex.text, doc.dct, tense)
            right = ref is not None and date_matches(ref.value, *gold)
            counts["scored"] += 1
            counts["answered"] += ref is not None
            counts["correct"] += right
            tally = by_precision.setdefault(gold[1], [0, 0])
            tally[0] += 1
            tally[1] += right
            if not right:
                errors.append((doc.doc_id, timex.text, timex.value, ref.value if ref else None, tense))
    scored = counts["scored"] or 1
    return {
        **counts,
        "accuracy": round(counts["correct"] / scored, 4),
        "by_precision": {p: {"n": n, "accuracy": round(c / n, 4)} for p, (n, c) in sorted(by_precision.items())},
        "errors": errors,
    }
