"""The trigger lexicon: words that signal PLOVER events, and the words around them.

Loaded once from ``resources/lexicon.yaml`` (the team's own table); see that file's
header for the entry format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from .errors import ResourceError
from .ontology import EVENT_TYPES


@dataclass(frozen=True)
class TriggerEntry:
    key: str
    event_type: str
    mode: str | None
    cameo: str
    context: tuple[str, ...]
    flags: frozenset[str] = field(default_factory=frozenset)

    @property
    def object_class(self) -> str | None:
        return self._flag_value("object:")

    @property
    def barred_object_class(self) -> str | None:
        """The class of objects with which the verb is no event ("committed crimes")."""
        return self._flag_value("not_object:")

    def _flag_value(self, prefix: str) -> str | None:
        for flag in self.flags:
            if flag.startswith(prefix):
                return flag[len(prefix):]
        return None


@dataclass
class Lexicon:
    verbs: dict[str, TriggerEntry]
    nouns: dict[str, TriggerEntry]
    adjectives: dict[str, TriggerEntry]
    object_classes: dict[str, frozenset[str]]
    light_verbs: frozenset[str]
    control: dict[str, frozenset[str]]
    modals: dict[str, frozenset[str]]
    noun_modifiers: dict[str, frozenset[str]]
    reporting_verbs: frozenset[str]
    reporting_nouns: frozenset[str]
    denial_verbs: frozenset[str]
    quote_cues: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    characterizing_verbs: frozenset[str] = frozenset()
    accusatory_nouns: frozenset[str] = frozenset()
    accusatory_adjectives: frozenset[str] = frozenset()
    variants: dict[str, dict[str, TriggerEntry]] = field(default_factory=dict)
    embedded_modes: dict[str, dict[str, str]] = field(default_factory=dict)
    civilian_actions: dict[str, TriggerEntry] = field(default_factory=dict)
    state_actions: dict[str, TriggerEntry] = field(default_factory=dict)
    noun_light_variants: dict[str, dict[str, TriggerEntry]] = field(default_factory=dict)
    instrument_modes: dict[str, frozenset[str]] = field(default_factory=dict)
    content_modes: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)
    carried_instruments: dict[str, str] = field(default_factory=dict)

    def control_class(self, lemma: str) -> str | None:
        for name, words in self.control.items():
            if lemma in words:
                return name
        return None

    def object_matches(self, object_class: str, lemma: str) -> bool:
        return lemma in self.object_classes.get(object_class, frozenset())


def _parse_entry(key: str, value: str, flags: list[str], source: str) -> TriggerEntry:
    parts = (str(value).split("/") + ["", "", "", ""])[:4]
    event_type, mode, cameo, context = (p.strip() for p in parts)
    if event_type not in EVENT_TYPES:
        raise ResourceError(f"{source}: entry '{key}': unknown event type '{event_type}'")
    if not cameo.isdigit():
        raise ResourceError(f"{source}: entry '{key}': CAMEO code '{cameo}' is not a digit string")
    contexts = tuple(c for c in context.split(";") if c)
    return TriggerEntry(key, event_type, mode or None, cameo, contexts, frozenset(flags))


def _words(data: dict, name: str) -> frozenset[str]:
    return frozenset(str(w) for w in data.get(name) or [])


def parse_lexicon(data: dict, source: str = "lexicon") -> Lexicon:
    verb_flags = data.get("verb_flags") or {}
    noun_flags = data.get("noun_flags") or {}
    verbs = {k: _parse_entry(k, v, verb_flags.get(k, []), source) for k, v in data["verbs"].items()}
    nouns = {k: _parse_entry(k, v, noun_flags.get(k, []), source) for k, v in data["nouns"].items()}
    return Lexicon(
        verbs=verbs,
        nouns=nouns,
        adjectives={k: _parse_entry(k, v, [], source) for k, v in (data.get("adjectives") or {}).items()},
        object_classes={k: frozenset(v or []) for k, v in (data.get("object_classes") or {}).items()},
        light_verbs=_words(data, "light_verbs"),
        control={k: frozenset(v) for k, v in (data.get("control") or {}).items()},
        modals={k: frozenset(v) for k, v in (data.get("modals") or {}).items()},
        noun_modifiers={k: frozenset(v) for k, v in (data.get("noun_modifiers") or {}).items()},
        reporting_verbs=_words(data, "reporting_verbs"),
        reporting_nouns=_words(data, "reporting_nouns"),
        denial_verbs=_words(data, "denial_verbs"),
        quote_cues=_words(data, "quote_cues"),
        speech_verbs=_words(data, "speech_verbs"),
        characterizing_verbs=_words(data, "characterizing_verbs"),
        accusatory_nouns=_words(data, "accusatory_nouns"),
        accusatory_adjectives=_words(data, "accusatory_adjectives"),
        variants={
            lemma: {cls: _parse_entry(lemma, value, [], source) for cls, value in by_class.items()}
            for lemma, by_class in (data.get("variants") or {}).items()
        },
        embedded_modes={k: dict(v) for k, v in (data.get("embedded_modes") or {}).items()},
        instrument_modes={k: frozenset(v) for k, v in (data.get("instrument_modes") or {}).items()},
        content_modes={event_type: {mode: frozenset(words) for mode, words in by_mode.items()}
                       for event_type, by_mode in (data.get("content_modes") or {}).items()},
        carried_instruments=dict(data.get("carried_instruments") or {}),
        civilian_actions={k: _parse_entry(k, v, [], source) for k, v in (data.get("civilian_actions") or {}).items()},
        noun_light_variants={
            noun: {verb: _parse_entry(noun, value, [], source) for verb, value in by_verb.items()}
            for noun, by_verb in (data.get("noun_light_variants") or {}).items()
        },
        state_actions={k: _parse_entry(k, v, [], source) for k, v in (data.get("state_actions") or {}).items()},
    )


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    if path is None:
        text = resources.files("eventwire.resources").joinpath("lexicon.yaml").read_text("utf-8")
        source = "lexicon.yaml"
    else:
        text = Path(path).read_text("utf-8")
        source = path
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ResourceError(f"{source}: not valid YAML: {exc}") from exc
    return parse_lexicon(data, source)


class UsesLexicon:
    """A stage that reads the trigger lexicon: given one, or the packaged one on first use."""

    def __init__(self, lexicon: Lexicon | None = None):
        self._lexicon = lexicon

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = load_lexicon()
        return self._lexicon
