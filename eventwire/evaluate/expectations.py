"""Check an article's records against an analyst's expectations file.

The format is the one of the reference fixture (``*.expected.json``): ``events``,
``quotes`` and ``actors`` items at level ``must`` or ``should``, and ``must_not`` items.
An item is met when ONE record satisfies every key it states; a ``must_not`` item is
violated by any record that satisfies all of its keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

ENTITY_LISTS = {
    "actor_country": "actor",
    "recipient_country": "recipient",
    "claimed_by_country": "claimed_by",
    "denied_by_country": "denied_by",
}


@dataclass
class ItemResult:
    section: str
    item_id: str
    level: str
    met: bool


@dataclass
class ExpectationReport:
    items: list[ItemResult] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)

    def unmet(self, level: str = "must") -> list[str]:
        return [f"{i.section}:{i.item_id}" for i in self.items if i.level == level and not i.met]

    def met(self, level: str) -> list[str]:
        return [f"{i.section}:{i.item_id}" for i in self.items if i.level == level and i.met]

    @property
    def passed(self) -> bool:
        return not self.unmet("must") and not self.violations


def _entity_list_matches(entities: list[dict], allowed: list) -> bool:
    """Some entity has an allowed country; "IGO" stands for an international organisation
    (which has no country); null in the list also accepts an empty list."""
    if None in allowed and not entities:
        return True
    return any(e.get("country") in allowed or (e.get("sector") == "IGO" and "IGO" in allowed)
               for e in entities)


def event_matches(event: dict, item: dict) -> bool:
    """Does this event record satisfy every key the expectation states?"""
    for key, wanted in item.items():
        if key in ("id", "level", "why"):
            continue
        if key in ("event_type", "mode", "aux_mode"):
            if event.get(key) not in wanted:
                return False
        elif key in ENTITY_LISTS:
            if not _entity_list_matches(event.get(ENTITY_LISTS[key]) or [], wanted):
                return False
        elif key == "date":
            if (event.get("date") or {}).get("value") != wanted:
                return False
        elif key == "location_country":
            if (event.get("location") or {}).get("country") != wanted:
                return False
        elif key == "location_name":
            if wanted not in ((event.get("location") or {}).get("name") or ""):
                return False
        elif key == "evidence_contains":
            if wanted not in (event.get("evidence") or {}).get("text", ""):
                return False
        elif key == "actor_name_contains":
            if not any(_entity_named(e, wanted) for e in record_entities(event)):
                return False
        else:
            raise KeyError(f"unknown expectation key '{key}'")
    return True


def quote_matches(quote: dict, item: dict) -> bool:
    speaker = quote.get("speaker") or {}
    checks = {
        "speaker_name_contains": lambda v: v in (speaker.get("name") or ""),
        "speaker_country": lambda v: speaker.get("country") == v,
        "text_contains": lambda v: v in quote.get("text", ""),
        "direct": lambda v: bool(quote.get("direct")) == v,
    }
    return all(checks[k](v) for k, v in item.items() if k not in ("id", "level", "why"))


def record_entities(record: dict) -> Iterable[dict]:
    if record.get("kind") == "quote":
        if record.get("speaker"):
            yield record["speaker"]
        return
    for name in ("actor", "recipient", "claimed_by", "denied_by"):
        yield from record.get(name) or []


def _entity_named(entity: dict, fragment: str) -> bool:
    return fragment in (entity.get("name") or "") or fragment in (entity.get("text") or "")


def actor_matches(records: list[dict], item: dict) -> bool:
    for record in records:
        for entity in record_entities(record):
            if item["name_contains"] in (entity.get("name") or "") and entity.get("country") == item["country"] \
                    and entity.get("sector") in item["sector"]:
                return True
    return False


def check_expectations(records: list[dict], expected: dict) -> ExpectationReport:
    events = [r for r in records if r.get("kind") == "event"]
    quotes = [r for r in records if r.get("kind") == "quote"]
    report = ExpectationReport()
    for item in expected.get("events", []):
        met = any(event_matches(e, item) for e in events)
        report.items.append(ItemResult("events", item["id"], item["level"], met))
    for item in expected.get("quotes", []):
        met = any(quote_matches(q, item) for q in quotes)
        report.items.append(ItemResult("quotes", item["id"], item["level"], met))
    for n, item in enumerate(expected.get("actors", [])):
        report.items.append(ItemResult("actors", item.get("id", item["name_contains"]), item["level"],
                                       actor_matches(records, item)))
    for item in expected.get("must_not", []):
        for record in events + quotes:
            if _violates(record, item):
                report.violations.append(f"{item.get('why', item)} <- {_describe(record)}")
                break
    return report


def _violates(record: dict, item: dict) -> bool:
    keys = {k: v for k, v in item.items() if k != "why"}
    if record.get("kind") == "quote":
        if set(keys) != {"actor_name_contains"}:
            return False
    return event_matches(record, keys)


def _describe(record: dict) -> str:
    if record.get("kind") == "quote":
        return f"quote {record.get('text', '')[:60]!r}"
    return f"{record.get('event_type')} {(record.get('evidence') or {}).get('text', '')[:80]!r}"
