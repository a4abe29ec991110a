"""Gold event data in one common shape, read from the formats we evaluate against.

Two formats are read (both documented in ``docs/evaluation.md``):

- the PLOVER gold standard records (``PLOVER_GSR_CAMEO.txt``: a JSON array, one
  sentence and one event per record, PLOVER 0.5 labels, CAMEO-style actor codes);
- our own JSONL gold: one sentence or article a line, any number of events.

Both become ``GoldSentence`` objects holding ``GoldEvent`` objects, so the scorers
never see a format.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from .. import ontology
from ..errors import GoldFormatError
from ..model import AUX_MODES

# CAMEO country codes that differ from ISO 3166 alpha-3 (seen in the PLOVER gold
# records and in the CAMEO/PETRARCH actor dictionaries).
CAMEO_TO_ISO3 = {
    "JAP": "JPN",  # Japan
    "ITL": "ITA",  # Italy
    "VTN": "VNM",  # Vietnam
    "ROM": "ROU",  # Romania (pre-2002 ISO code, kept by CAMEO)
    "ZAR": "COD",  # Zaire -> DR Congo
    "TMP": "TLS",  # East Timor
    "BUR": "MMR",  # Burma
    "GMY": "DEU",  # Germany (older CAMEO spelling)
    "KOS": "XKX",  # Kosovo (no ISO code; XKX is the common user-assigned one)
    "YUG": "SRB",  # Yugoslavia (withdrawn ISO code); eventwire codes it as its successor, Serbia
    "SCG": "SRB",  # Serbia and Montenegro (withdrawn ISO code), likewise
}

# Country-like codes that are not in ISO 3166 but name a country all the same.
EXTRA_COUNTRY_CODES = frozenset({"XKX"})

# PLOVER 0.5 folded INVESTIGATE into ACCUSE; keep the distinction as the mode.
LEGACY_MODES = {"INVESTIGATE": "investigate"}
# the GSR records' older sub-modes, read as the manual's modes (the manual's tables of modes)
GSR_MODES = {"demo-org": "demo", "demo-spon": "demo", "riot-org": "riot", "riot-spon": "riot", "strike-gen": "strike",
             "strike-sec": "strike", "strike-hun": "hunger", "assassinate": "targeted",
             "detain": "arrest", "confiscate": "seize", "ban": "restrict"}


@dataclass
class GoldEvent:
    """One event as the scorers compare it: type, countries on each side, modes."""

    event_type: str
    actor_countries: set[str] = field(default_factory=set)
    recipient_countries: set[str] = field(default_factory=set)
    aux_mode: str | None = None
    mode: str | None = None
    cameo_root: str | None = None  # "04" for CAMEO 042: PETRARCH-style triples compare roots


@dataclass
class GoldSentence:
    """One unit of gold text (a sentence or a whole article) and its events."""

    id: str
    text: str
    published: str | None = None
    events: list[GoldEvent] = field(default_factory=list)
    uncoded_events: int = 0  # gold events with no PLOVER type (CAMEO 01 statements), left out


def read_gold(path: str | Path) -> list[GoldSentence]:
    """Read either gold format: ``.jsonl`` files as JSONL gold, anything else as PLOVER GSR."""
    path = Path(path)
    if path.suffix.lower() == ".jsonl":
        return read_jsonl_gold(path)
    return read_plover_gsr(path)


# --- PLOVER gold standard records ----------------------------------------------------


def read_plover_gsr(path: str | Path) -> list[GoldSentence]:
    """Read ``PLOVER_GSR_CAMEO.txt``: a JSON array of one-event sentence records.

    A sentence coded twice (one record per event) becomes one ``GoldSentence`` with
    both events, so a prediction is scored once against everything the sentence holds.
    """
    path = Path(path)
    by_text: dict[str, GoldSentence] = {}
    for index, record in enumerate(_load_json_array(path)):
        if not isinstance(record, dict):
            raise GoldFormatError(f"{path}: record {index} is not an object")
        if record.get("event") == "DOCUMENT":
            continue  # the file's own documentation, not an event
        sentence = _gsr_sentence(path, index, record)
        if sentence.text in by_text:
            by_text[sentence.text].events.extend(sentence.events)
        else:
            by_text[sentence.text] = sentence
    return list(by_text.values())


def _load_json_array(path: Path) -> list:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"{path}: not JSON: {exc}") from exc
    if not isinstance(data, list):
        raise GoldFormatError(f"{path}: expected a JSON array of records")
    return data


def _gsr_sentence(path: Path, index: int, record: dict) -> GoldSentence:
    where = f"{path}: record {index} ({record.get('id', 'no id')})"
    text, label = record.get("text"), record.get("event")
    if not isinstance(text, str) or not text.strip():
        raise GoldFormatError(f"{where}: missing 'text'")
    if not isinstance(label, str):
        raise GoldFormatError(f"{where}: missing 'event'")
    event = GoldEvent(
        event_type=_checked_type(where, ontology.current_type(label)),
        actor_countries=_gsr_countries(record.get("source")),
        recipient_countries=_gsr_countries(record.get("target")),
        mode=GSR_MODES.get(record.get("mode"), record.get("mode")) or LEGACY_MODES.get(label.upper()),
    )
    return GoldSentence(
        id=str(record.get("id") or index),
        text=text,
        published=record.get("date") or None,
        events=[event],
    )


def _gsr_countries(actors: Any) -> set[str]:
    """ISO3 countries (or "IGO") of a GSR ``source``/``target``: a list of {actorText, code, sector}.

    The file also holds "" (no actor) and, once, a bare word ("diplomatic") where a
    list belongs; neither names a country.
    """
    if not isinstance(actors, list):
        return set()
    codes = [a.get("code") for a in actors if isinstance(a, dict)]
    countries = {country for country in map(cameo_country, codes) if country}
    # International organisations count as "IGO", as eventwire's own records and JSONL gold code
    # them; the GSR codes most NGOs (Amnesty, the Red Cross) "IGO" too, and the few it codes "NGO" join them.
    international = any(str(code or "").upper().startswith(("IGO", "NGO")) for code in codes)
    return countries | ({"IGO"} if international else set())


def cameo_country(code: str | None) -> str | None:
    """The ISO3 country of a CAMEO actor code, or None for IGO/NGO/IMG/... and unknowns."""
    if not code:
        return None
    code = CAMEO_TO_ISO3.get(code.upper()[:3], code.upper()[:3])
    return code if code in _country_codes() else None


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | EXTRA_COUNTRY_CODES


# --- JSONL gold ----------------------------------------------------------------------


def read_jsonl_gold(path: str | Path) -> list[GoldSentence]:
    """Read our JSONL gold: one ``{id, text, published?, events: [...]}`` object a line."""
    path = Path(path)
    return [_jsonl_sentence(f"{path}:{n}", data) for n, data in _jsonl_objects(path)]


def _jsonl_objects(path: Path) -> Iterator[tuple[int, dict]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read: {exc}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(f"{path}:{number}: not JSON: {exc}") from exc
        if not isinstance(data, dict):
            raise GoldFormatError(f"{path}:{number}: expected a JSON object")
        yield number, data


def _jsonl_sentence(where: str, data: dict) -> GoldSentence:
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise GoldFormatError(f"{where}: missing 'text'")
    events = data.get("events", [])
    if not isinstance(events, list):
        raise GoldFormatError(f"{where}: 'events' must be a list")
    published = data.get("published")
    if published is not None and not isinstance(published, str):
        raise GoldFormatError(f"{where}: 'published' must be a 'YYYY-MM-DD' string")
    parsed = [_jsonl_event(f"{where}: event {i}", e) for i, e in enumerate(events)]
    return GoldSentence(
        id=str(data.get("id") or where),
        text=text,
        published=published,
        events=[e for e in parsed if e is not None],
        uncoded_events=sum(e is None for e in parsed),
    )


def _jsonl_event(where: str, data: Any) -> GoldEvent | None:
    """One gold event; None for a CAMEO-coded one PLOVER has no type for (01 statements)."""
    if not isinstance(data, dict):
        raise GoldFormatError(f"{where}: expected an object")
    label, cameo = data.get("event_type"), _cameo_code(where, data)
    if label is None and cameo is not None:
        label = ontology.plover_type_of_cameo(cameo)
        if label is None:
            return None
    if not isinstance(label, str):
        raise GoldFormatError(f"{where}: missing 'event_type' (a PLOVER type) or 'cameo' (a CAMEO code)")
    aux_mode = data.get("aux_mode")
    if aux_mode is not None and aux_mode not in AUX_MODES:
        raise GoldFormatError(f"{where}: aux_mode {aux_mode!r} is not one of {AUX_MODES}")
    return GoldEvent(
        event_type=_checked_type(where, ontology.current_type(label)),
        actor_countries=_country_list(where, data, "actor_countries"),
        recipient_countries=_country_list(where, data, "recipient_countries"),
        aux_mode=aux_mode,
        mode=data.get("mode") or None,
        cameo_root=cameo[:2] if cameo else None,
    )


def _cameo_code(where: str, data: dict) -> str | None:
    value = data.get("cameo")
    if value is None:
        return None
    if not isinstance(value, str) or not ontology.CAMEO_CODE.match(value):
        raise GoldFormatError(f"{where}: cameo {value!r} is not a CAMEO event code such as \"042\" or \"1823\"")
    return value


def _country_list(where: str, data: dict, key: str) -> set[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(c, str) for c in value):
        raise GoldFormatError(f"{where}: '{key}' must be a list of ISO3 codes")
    return {CAMEO_TO_ISO3.get(c.upper(), c.upper()) for c in value}  # "YUG", "KOS": as the PLOVER reader maps them


def _checked_type(where: str, event_type: str) -> str:
    if event_type not in ontology.EVENT_TYPES:
        raise GoldFormatError(f"{where}: unknown event type {event_type!r}")
    return event_type
