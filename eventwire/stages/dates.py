"""Stage 'dates': give each event frame a date, normalised against the publication date.

A frame's time expression is a spaCy DATE/TIME entity the parse ties to it (the events
stage's ``date_tokens``, else the nearest one in the trigger's subtree or attached to
its head chain). ``normalise`` turns the words into ``YYYY[-MM[-DD]]`` with a precision,
reading weekdays and relative words by the frame's tense ("Tuesday" in a future frame is
the next Tuesday). Durations ("for three weeks", "24 years") are not dates. A frame with
no usable expression is dated by the publication date, marked ``source="published"``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from ..model import DateRef
from .arguments import dates_predicate
from ..pipeline import Doc, Frame

DATE_LABELS = ("DATE", "TIME")
HISTORICAL_AFTER_DAYS = 365  # an explicit date this long before publication is history

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})
WEEKDAYS.update({"tues": 1, "thur": 3, "thurs": 3})
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
    "several": 3, "few": 3, "a few": 3, "couple": 2, "a couple of": 2, "couple of": 2,
}
UNITS = r"(?:seconds|minutes|hours|days|nights|weeks|fortnights|months|years|decades|centuries)"
UNIT = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|centuries|century)"
NUMBER = r"(?:\d+(?:\.\d+)?|" + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True)) + r")"
WEEKDAY = r"(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night|noon))?"


@dataclass(frozen=True)
class Resolved:
    """What a rule made of an expression: a value and precision, or a firm 'not a date'."""

    value: str | None
    precision: str | None = None


NOT_A_DATE = Resolved(None)


# ---------------------------------------------------------------- text helpers


def _clean(expression: str) -> str:
    text = expression.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"\s+", " ", text).strip(" ,.;:()\"'")
    text = re.sub(r"^(?:on|in|at|by|from|of|during|until|till|before|after|since|as of|as early as)\s+", "", text)
    return re.sub(r"^this coming\s+", "next ", text)


def _drop_article(text: str) -> str:
    return re.sub(r"^the\s+", "", text)


def _number(word: str) -> float | None:
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    return NUMBER_WORDS.get(word)


def parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _day(value: date) -> Resolved:
    return Resolved(value.isoformat(), "day")


def _month(year: int, month: int) -> Resolved:
    return Resolved(f"{year:04d}-{month:02d}", "month")


def _year(year: int) -> Resolved:
    return Resolved(f"{year:04d}", "year")


def _add_months(value: date, months: int) -> tuple[int, int]:
    index = value.year * 12 + value.month - 1 + months
    return index // 12, index % 12 + 1


# ---------------------------------------------------------------- rules
# Each rule takes (cleaned text, publication date or None, tense) and returns a
# Resolved, NOT_A_DATE when it recognises the words but they name no date, or None.

_DURATION = re.compile(
    r"(?:(?:for|over|within|about|around|nearly|almost|roughly|some|more than|less than|at least|up to|"
    r"the past|the last|past|last|the next|next|the first|first|the coming|coming|another|recent|the recent|"
    r"the better part of|a period of|the same)\s+)*"
    rf"(?:{NUMBER}[\s-]+(?:(?:and a half|or so|or more|plus)\s+)?{UNIT}|{UNITS})"
    r"(?:\s+(?:old|long|later|earlier|before|after|from now|running|straight|in a row|or so|or more))?"
)
_ANCHORED = re.compile(
    r"(?:the (?:next|previous|same|prior)|(?:the )?(?:following|preceding)) (?:day|night|morning|week|month|year|weekend)"
    r"|(?:the )?day (?:before|after)(?! yesterday| tomorrow)|(?:the )?(?:time|moment|period|era|future|past|present)"
    r"|recent (?:days|weeks|months|years|decades)|(?:the )?coming (?:days|weeks|months|years)|decades?|years?"
    r"|(?:every|each|per|a) (?:day|week|month|year|decade)|annual(?:ly)?|daily|weekly|monthly|yearly|once|twice"
    r"|now|currently|recently|soon|later|earlier|(?:the )?(?:19|20|21)(?:st|th) century"
)


def _rule_not_a_date(text: str, base: date | None, tense: str) -> Resolved | None:
    if _DURATION.fullmatch(text) or _ANCHORED.fullmatch(text):
        return NOT_A_DATE
    if re.search(rf"\b{UNIT}\s+(?:later|earlier|before|after|on|from now)$", text):
        return NOT_A_DATE  # counted from another event, not from the publication date
    return None


_DEICTIC = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "earlier today": 0, "later today": 0, "yesterday": -1, "last night": -1, "tomorrow": 1,
    "day before yesterday": -2, "day after tomorrow": 2,
}


def _rule_deictic(text: str, base: date | None, tense: str) -> Resolved | None:
    match = re.fullmatch(r"(?:the )?(day before yesterday|day after tomorrow|(?:earlier |later )?today|tonight|yesterday|"
                         r"tomorrow|this (?:morning|afternoon|evening)|last night)" + PART_OF_DAY, text)
    if match is None:
        return None
    if base is None:
        return NOT_A_DATE
    return _day(base + timedelta(days=_DEICTIC[match.group(1)]))


def _rule_ago(text: str, base: date | None, tense: str) -> Resolved | None:
    match = re.fullmatch(rf"(?:about |nearly |almost |some |more than |just |only )?({NUMBER})\s+({UNIT}) ago", text)
    if match is None:
        return None
    count, unit = _number(match.group(1)), match.group(2).rstrip("s")
    if base is None or count is None:
        return NOT_A_DATE
    count = int(count)
    if unit in ("day", "night"):
        return _day(base - timedelta(days=count))
    if unit in ("week", "fortnight"):
        return _day(base - timedelta(days=count * (14 if unit == "fortnight" else 7)))
    if unit == "month":
        return _month(*_add_months(base, -count))
    if unit == "year":
        return _year(base.year - count)
    if unit == "decade":
        return _year(base.year - 10 * count)
    return _day(base)  # hours, minutes ago


_SEASON_MONTHS = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}


def _rule_relative_period(text: str, base: date | None, tense: str) -> Resolved | None:
    match = re.fullmatch(
        r"(?:(?:earlier|later|early|late|the end of|end of|the beginning of|beginning of|the start of|start of|"
        r"mid|the middle of|middle of)[\s-]+)?"
        r"(this|last|next|past|coming)\s+(week|month|year|quarter|spring|summer|autumn|fall|winter)",
        text,
    )
    if match is None:
        return None
    which, unit = match.groups()
    if which == "past":
        return NOT_A_DATE  # "the past week" spans up to now
    if base is None:
        return NOT_A_DATE
    step = {"this": 0, "last": -1, "past": -1, "next": 1, "coming": 1}[which]
    if unit == "year" or unit == "quarter":
        return _year(base.year + (step if unit == "year" else 0))
    if unit == "month":
        return _month(*_add_months(base, step))
    if unit in _SEASON_MONTHS:
        return _year(base.year + step)
    # a week: the month its Thursday falls in (a week is finer than a month, coarser than a day)
    thursday = base + timedelta(days=3 - base.weekday() + 7 * step)
    return _month(thursday.year, thursday.month)


_PART_OF_YEAR = re.compile(
    r"(?:(?:early|late|mid|the beginning of|beginning of|the start of|start of|the end of|end of|the middle of|"
    r"middle of|the rest of|rest of)[\s-]+)?"
    r"(?:(?:the )?(?:first|second|third|fourth|last|final)[\s-]quarter|(?:the )?(?:first|second) half|"
    r"spring|summer|autumn|fall|winter|the year)"
    rf"(?:\s+(?:of\s+)?(?:(this|last|next) year|({YEAR})))?"
)


def _rule_part_of_year(text: str, base: date | None, tense: str) -> Resolved | None:
    """Quarters, halves and seasons: the year they fall in ("the third quarter of this year")."""
    match = _PART_OF_YEAR.fullmatch(text)
    if match is None:
        return None
    which, year = match.groups()
    if year:
        return _year(int(year))
    if base is None:
        return NOT_A_DATE
    return _year(base.year + {"last": -1, "next": 1}.get(which or "this", 0))


def weekday_offset(base_weekday: int, target: int, tense: str, which: str | None) -> int:
    """Days from the publication date to the named weekday, read by tense and 'last'/'next'."""
    back = -((base_weekday - target) % 7)
    ahead = (target - base_weekday) % 7
    if which == "last":
        return back or -7
    if which == "next":
        return ahead or 7
    if tense == "future":
        return ahead
    if tense == "past":
        return back
    return ahead if ahead <= 3 else back  # present tense: the nearest one


def _rule_weekday(text: str, base: date | None, tense: str) -> Resolved | None:
    match = re.fullmatch(rf"(?:(last|next|this|past|coming)\s+)?({WEEKDAY}|weekend)(?:,)?{PART_OF_DAY}", text)
    if match is None:
        return None
    if base is None:
        return NOT_A_DATE
    which = {"past": "last", "coming": "next", "this": None}.get(match.group(1), match.group(1))
    target = 5 if match.group(2) == "weekend" else WEEKDAYS[match.group(2).rstrip(".")]
    return _day(base + timedelta(days=weekday_offset(base.weekday(), target, tense, which)))


def _year_for(month: int, day: int | None, base: date, tense: str) -> int:
    """The year of a month (and day) given without one, read by tense."""
    year = base.year
    if day is not None:
        try:
            candidate = date(year, month, day)
        except ValueError:
            candidate = date(year, month, 28)
        later, earlier = candidate > base, candidate < base
    else:
        later, earlier = month > base.month, month < base.month
    if tense == "future" and earlier:
        return year + 1
    if tense == "past" and later:
        return year - 1
    return year  # present tense: the current year


_MONTH_DAY = re.compile(
    rf"(?<!\w)(?:{WEEKDAY},?\s+)?(?:(?P<d1>{DAY})(?:\s+of)?\s+)?(?P<month>{MONTH})(?:\s+(?P<d2>{DAY})(?!\d))?(?:\s*(?:-|to|and|or)\s*{DAY}(?!\d))?"
    rf"(?:(?:,|\s)\s*(?P<year>{YEAR}))?(?!\w)"
)


def _rule_month(text: str, base: date | None, tense: str) -> Resolved | None:
    match = _MONTH_DAY.search(text)  # the first date of a range: "March 3-5", "June to August"
    if match is None:
        return None
    month = MONTHS[match.group("month").rstrip(".")]
    day_text = match.group("d1") or match.group("d2")
    day = int(re.match(r"\d+", day_text).group()) if day_text else None
    later_year = re.search(rf"(?<!\d){YEAR}(?!\d)", text[match.end():])
    if match.group("year") or later_year:
        year = int(match.group("year") or later_year.group())
    elif base is not None:
        year = _year_for(month, day, base, tense)
    else:
        return NOT_A_DATE
    if day is None:
        return _month(year, month)
    try:
        return _day(date(year, month, day))
    except ValueError:
        return _month(year, month)


def _rule_year(text: str, base: date | None, tense: str) -> Resolved | None:
    decade = re.search(r"(?<!\d)(1[0-9]{2}|20[0-9])0'?s\b", text)
    if decade:  # a decade stands for its first year
        return _year(int(decade.group(1)) * 10)
    short_decade = re.search(r"'([0-9])0s\b", text)
    if short_decade:  # "the '90s"
        return _year(1900 + int(short_decade.group(1)) * 10)
    match = re.search(rf"(?<![\d/.-]){YEAR}(?![\d/])", text)
    return _year(int(match.group())) if match else None


_CLOCK = re.compile(r"(?:about |around |at )?(?:\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|gmt|utc|h)|noon|midnight|"
                    r"\d{1,2}:\d{2})(?:\s+(?:local time|[a-z]{2,4}))?")


def _rule_clock(text: str, base: date | None, tense: str) -> Resolved | None:
    if not _CLOCK.fullmatch(text):
        return None
    return _day(base) if base is not None else NOT_A_DATE


def _rule_numeric(text: str, base: date | None, tense: str) -> Resolved | None:
    """Numeric dates ("2024-06-18", "18/06/2024") through dateparser, on these words alone."""
    if not re.search(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}", text):
        return None
    return _dateparser(text, base, tense)


# Rules that read the words as cleaned; the rest see them without a leading "the".
FIRST_RULES = (_rule_deictic, _rule_ago, _rule_not_a_date)
RULES = (
    _rule_relative_period,
    _rule_part_of_year,
    _rule_weekday,
    _rule_numeric,
    _rule_month,
    _rule_clock,
    _rule_year,
)


# ---------------------------------------------------------------- dateparser fallback

_PERIOD_PRECISION = {"day": "day", "time": "day", "week": "day", "month": "month", "year": "year"}
_PREFER = {"future": "future", "past": "past"}


@lru_cache(maxsize=64)
def _date_parser(prefer: str, base: date | None):
    from datetime import datetime

    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": prefer}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime.combine(base, datetime.min.time())
    return DateDataParser(languages=["en"], settings=settings)


def _dateparser(text: str, base: date | None, tense: str) -> Resolved | None:
    if base is None and not re.search(YEAR, text):
        return NOT_A_DATE
    data = _date_parser(_PREFER.get(tense, "current_period"), base).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    found = data.date_obj.date()
    precision = _PERIOD_PRECISION.get(data.period or "day", "day")
    if precision == "year":
        return _year(found.year)
    if precision == "month":
        return _month(found.year, found.month)
    return _day(found)


def _looks_like_a_date(text: str) -> bool:
    return bool(re.search(rf"\d|\b{MONTH}\b|\b{WEEKDAY}\b", text))


# ---------------------------------------------------------------- public


def _first_match(rules, text: str, base: date | None, tense: str) -> Resolved | None:
    for rule in rules:
        resolved = rule(text, base, tense)
        if resolved is not None:
            return resolved
    return None


def normalise(expression: str, published: str | None, tense: str = "past") -> DateRef | None:
    """The date a time expression names, read against ``published`` and the verb's tense.

    Returns None for durations, frequencies, dates counted from another event and words
    that need a publication date when none is known.
    """
    text = _clean(expression)
    if not text:
        return None
    base = parse_published(published)
    resolved = _first_match(FIRST_RULES, text, base, tense)
    if resolved is None:
        text = _drop_article(text)
        resolved = _first_match(RULES, text, base, tense)
    if resolved is None and _looks_like_a_date(text):
        resolved = _dateparser(text, base, tense)
    if resolved is None or resolved.value is None:
        return None
    return DateRef(value=resolved.value, precision=resolved.precision, text=expression.strip(), source="text")


def period_bounds(ref: DateRef) -> tuple[date, date]:
    """First and last day a date value covers."""
    parts = [int(p) for p in ref.value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
    day = date(*parts)
    return day, day


def aux_mode_from_date(ref: DateRef, published: str | None) -> str | None:
    """'historical' for an explicit date well before publication, 'future' for one after it."""
    base = parse_published(published)
    if base is None or ref.source != "text":
        return None
    first, last = period_bounds(ref)
    if last < base - timedelta(days=HISTORICAL_AFTER_DAYS):
        return "historical"
    if first > base:
        return "future"
    return None


# ---------------------------------------------------------------- tense of a verb

_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_FUTURE_GOVERNORS = {"expect", "plan", "schedule", "set", "due", "intend", "aim", "hope", "prepare"}


def governing_verb(token):
    """The nearest verb at or above a token (the token itself when it has no verb above)."""
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node


def verb_tense(verb) -> str:
    """'past', 'present' or 'future' for a verb, from its tag and auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in auxes):
        return "future"
    if any(a.lower_ == "to" for a in auxes) or (verb.dep_ == "xcomp" and verb.head.lemma_ in _FUTURE_GOVERNORS):
        return "future"  # "to be held on October 12", "is expected to travel"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and not any(a.lemma_ == "be" and a.tag_ != "VBD" for a in auxes):
        return "past"  # "has announced", "plans announced in January"
    return "present"


# ---------------------------------------------------------------- choosing the expression


def _date_entities(sentence) -> list:
    return [ent for ent in sentence.ents if ent.label_ in DATE_LABELS]


def _tree_distance(a, b) -> int:
    ancestors_a = {a.i: 0}
    step, node = 0, a
    while node.head.i != node.i:
        node, step = node.head, step + 1
        ancestors_a[node.i] = step
    step, node = 0, b
    while node.i not in ancestors_a:
        if node.head.i == node.i:
            return 10_000
        node, step = node.head, step + 1
    return step + ancestors_a[node.i]


# Climbing from an embedded event past these links would borrow the date of the report.
_STOP_CLIMB = {"ccomp", "parataxis", "conj", "advcl", "relcl", "acl", "appos"}


def _head_chain(trigger) -> list:
    chain = [trigger]
    node = trigger
    while node.head.i != node.i and node.dep_ not in _STOP_CLIMB:
        node = node.head
        chain.append(node)
    return chain


# Clauses below a trigger that describe other events: their dates are not the trigger's.
_OTHER_CLAUSES = {"relcl", "ccomp", "advcl", "conj", "parataxis", "appos", "csubj"}


def own_subtree(trigger) -> set[int]:
    """Token indices under the trigger, leaving out embedded clauses of other events."""
    found, stack = set(), [trigger]
    while stack:
        token = stack.pop()
        found.add(token.i)
        stack.extend(child for child in token.children if child.dep_ not in _OTHER_CLAUSES)
    return found


def candidate_expressions(doc: Doc, frame: Frame) -> list:
    """Time-expression spans for a frame, best first."""
    spacy_doc = doc.spacy
    trigger = spacy_doc[frame.trigger]
    sentence = trigger.sent
    entities = _date_entities(sentence)
    tied = [e for e in entities if any(e.start <= i < e.end for i in frame.date_tokens)]
    tied += [_token_expression(spacy_doc[i]) for i in frame.date_tokens
             if not any(e.start <= i < e.end for e in tied)]
    chain = {t.i for t in _head_chain(trigger)}
    subtree = own_subtree(trigger)
    near = [e for e in entities if e not in tied and (
        (e.root.i in subtree and dates_predicate(e.root, trigger) and not _in_participle(e.root, trigger))
        or _attachment(e.root).i in chain)]
    near.sort(key=lambda e: (_tree_distance(trigger, e.root), abs(e.start - trigger.i)))
    return tied + near


def _in_participle(token, trigger) -> bool:
    """'agreed to resume security talks suspended since 2018': what a participle on the verb's
    object has lasted since dates that, not the verb's event ("hostages held in Gaza on Friday"
    is the parser hanging the event's day on the participle)."""
    if trigger.pos_ not in ("VERB", "AUX") or not (token.head.dep_ == "prep" and token.head.lower_ == "since"):
        return False
    node = token
    while node.i != trigger.i and node.head.i != node.i:
        if node.dep_ == "acl" and node.tag_ in ("VBN", "VBD"):
            return True
        node = node.head
    return False


def _attachment(token):
    """What a time expression modifies, looking through its preposition ("in 2019")."""
    head = token.head
    return head.head if head.dep_ == "prep" and head.i != head.head.i else head


def _token_expression(token):
    """A date token outside any entity stands with its own modifiers ("last week")."""
    left = min(t.i for t in token.subtree)
    right = max(t.i for t in token.subtree) + 1
    return token.doc[left:right]


def choose_date(doc: Doc, frame: Frame) -> tuple[DateRef | None, str]:
    """The frame's date and a sentence that says why."""
    published = doc.article.published
    skipped = []
    for span in candidate_expressions(doc, frame):
        ref = normalise(span.text, published, frame.tense)
        if ref is None:
            skipped.append(span.text)
            continue
        ref.start, ref.end = span.start_char, span.end_char
        why = f"'{span.text}' read as {ref.value} ({ref.precision}) with {frame.tense} tense"
        return ref, why + (f"; skipped {skipped} (not a date)" if skipped else "")
    tail = f"; skipped {skipped} (not a date)" if skipped else ""
    if published:
        fallback = DateRef(value=published, precision="day", text=None, start=None, end=None, source="published")
        return fallback, "no time expression tied to the event: publication date" + tail
    return None, "no time expression and no publication date" + tail


class DatesStage:
    name = "dates"
    requires: tuple[str, ...] = ("frames",)
    assigns: tuple[str, ...] = ("dates",)

    def __call__(self, doc: Doc) -> Doc:
        for frame in doc.frames:
            frame.date, frame.explain["date"] = choose_date(doc, frame)
            if frame.aux_mode is None and frame.date is not None:
                frame.aux_mode = aux_mode_from_date(frame.date, doc.article.published)
        return doc
