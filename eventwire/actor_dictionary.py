"""The actor dictionary: ways of naming countries, organisations and people, with dated roles.

Four tab-separated tables, each told apart by its header row (see docs/actor-dictionary.md):

- countries      ``iso3 name aliases demonyms capital seats``
- organisations  ``name aliases country sector qid``
- people         ``name aliases country sector role start end qid`` (one row per dated role)
- sectors        ``phrase sector note`` (title and group words -> CAMEO sector)

``load_actor_dictionary()`` reads the packaged tables (and any user tables) once;
``check_tables()`` lists every problem in a set of tables without raising.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from .errors import ResourceError

RESOURCES = Path(__file__).parent / "resources"
PACKAGED_TABLES = ("countries.tsv", "organisations.tsv", "people.tsv", "sectors.tsv")

# CAMEO actor sector codes (plus POL, which DESIGN.md lists for politicians).
SECTOR_CODES = frozenset(
    "GOV MIL COP JUD LEG OPP REB PTY MED EDU BUS CVL REF LAB HLH NGO IGO SPY ELI "
    "REL AGR DEV ENV HRI UAF INS SEP RAD CRM MNC NGM IMG POL".split()
)
# Codes in common use that ISO 3166 has not assigned (Kosovo).
EXTRA_COUNTRY_CODES = frozenset({"XKX"})

COLUMNS = {
    "countries": ("iso3", "name", "aliases", "demonyms", "capital", "seats"),
    "organisations": ("name", "aliases", "country", "sector", "qid"),
    "people": ("name", "aliases", "country", "sector", "role", "start", "end", "qid"),
    "sectors": ("phrase", "sector", "note"),
}
KINDS = ("country", "demonym", "capital", "seat", "organisation", "person")

# Titles that say "an official" without saying of what: in "rebel leader" or
# "army spokesman" the modifier, not the title, tells the sector.
GENERIC_TITLES = frozenset(
    "leader spokesman spokeswoman spokesperson official officials chief head member members".split()
)

# A misspelt country name is trusted from this length on ("Quatar", "Ethopia").
MISSPELT_MIN_LENGTH = 6
MISSPELT_PERSON_MIN_LENGTH = 10  # a full name: "Francois Mitterand"

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_QID = re.compile(r"^Q[1-9]\d*$")
_SEAT_SECTOR = re.compile(r"^(.*):([A-Z]{3})$")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_EDGE_PUNCT = ".,;:!?\"'()[]{}“”‘’"


@dataclass(frozen=True)
class DictEntry:
    """One way of naming an entity."""

    phrase: str  # the surface form, as cased in the table
    name: str  # canonical name
    country: str | None  # ISO3, or None for IGOs and transnational groups
    sector: str | None  # CAMEO sector, or None for a bare country
    kind: str  # one of KINDS
    qid: str | None = None


@dataclass(frozen=True)
class Role:
    """A dated role of a person; ``start``/``end`` are YYYY[-MM[-DD]], ``end`` None = still held."""

    country: str | None
    sector: str | None
    role: str
    start: str | None
    end: str | None


# -- the dictionary --------------------------------------------------------------------------


class ActorDictionary:
    """Phrase lookup, dated roles of people and the title-word -> sector table."""

    def __init__(self) -> None:
        self._exact: dict[str, list[DictEntry]] = {}
        self._folded: dict[str, list[DictEntry]] = {}
        self._roles: dict[str, list[Role]] = {}
        self._person_names: dict[str, list[str]] = {}  # phrase -> canonical names
        self._sectors: dict[str, str] = {}
        self._sector_tokens = 1
        self._country_names: dict[str, str] = {}
        self._max_tokens = 1
        self._one_edit: dict[str, list[DictEntry]] | None = None
        self._by_surname: dict[str, list[str]] | None = None
        self._word_prefixes: frozenset[str] | None = None

    # -- public API -----------------------------------------------------------------------
    def lookup(self, phrase: str) -> list[DictEntry]:
        """Entries named exactly by ``phrase``; a leading "the" is ignored.

        Case-sensitive first. Then, only for a query with a capital letter in it (so a
        common noun such as "turkey" or "congress" never matches), a case-insensitive
        match against table phrases of 4+ characters that are not all-caps acronyms.
        """
        key = normalise_phrase(phrase)
        if not key:
            return []
        hits = self._exact.get(key)
        if hits:
            return list(hits)
        if key.islower():
            return []
        return list(self._folded.get(key.casefold(), ()))

    def misspelt_country(self, word: str) -> list[DictEntry]:
        """Country and demonym entries one typing slip away from ``word`` ("Afganistan",
        "Quatar", "Phillippines"), when all of them name one country; else nothing.

        Only for words of MISSPELT_MIN_LENGTH+ letters that keep the name's first letter:
        shorter names and other first letters collide with real words and surnames.
        """
        if len(word) < MISSPELT_MIN_LENGTH or not word.isalpha():
            return []
        found = self._one_edit_from(word, ("country", "demonym"))
        return found if len({e.country for e in found}) == 1 else []

    def misspelt_person(self, name: str) -> list[DictEntry]:
        """The one person whose full name (two words or more) is one typing slip away from
        ``name`` ("Francois Mitterand"); a lone surname is never guessed."""
        words = name.split()
        if len(words) < 2 or len(name) < MISSPELT_PERSON_MIN_LENGTH:
            return []
        found = [e for e in self._one_edit_from(name, ("person",)) if len(e.phrase.split()) == len(words)]
        return found if len({e.name for e in found}) == 1 else []

    def _one_edit_from(self, phrase: str, kinds: tuple[str, ...]) -> list[DictEntry]:
        key = phrase.casefold()
        found: list[DictEntry] = []
        for variant in {key, *_deletions(key)}:
            for entry in self._one_edit_index().get(variant, ()):
                if entry.kind in kinds and entry.phrase[0].casefold() == key[0] and entry not in found and \
                        _one_edit_apart(entry.phrase.casefold(), key):
                    found.append(entry)
        return found

    def _one_edit_index(self) -> dict[str, list[DictEntry]]:
        """Country names, demonyms and full names of people under themselves and their
        one-letter deletions."""
        if self._one_edit is None:
            index: dict[str, list[DictEntry]] = {}
            for key, entries in self._exact.items():
                for entry in entries:
                    if _guessable(key, entry):
                        for variant in {key.casefold(), *_deletions(key.casefold())}:
                            index.setdefault(variant, []).append(entry)
            self._one_edit = index
        return self._one_edit

    def could_begin(self, phrase: str) -> bool:
        """Whether some table phrase, case aside, starts with the whole words of ``phrase``: a longer
        span that starts with words no phrase starts with can name nothing."""
        key = normalise_phrase(phrase).casefold()
        return key == "the" or key in self._prefixes()

    def _prefixes(self) -> frozenset[str]:
        if self._word_prefixes is None:
            prefixes = set()
            for key in [*self._exact, *self._folded]:
                words = key.casefold().split(" ")
                prefixes.update(" ".join(words[:n]) for n in range(1, len(words) + 1))
            self._word_prefixes = frozenset(prefixes)
        return self._word_prefixes

    def max_phrase_tokens(self) -> int:
        """The longest lookup phrase, in whitespace tokens."""
        return self._max_tokens

    def phrases(self) -> Iterable[str]:
        return iter(self._exact)

    def person_by_surname(self, surname: str, on_date: str | None) -> DictEntry | None:
        """The one person of that surname (the last word of their table name) who held a role on
        ``on_date``: "Clinton" in 1996 is Bill Clinton, in 2011 Hillary Clinton; none when several did
        or none did."""
        if on_date is None or not surname[:1].isupper():
            return None
        holders = [name for name in self._surnames().get(surname, ()) if self.role_on(name, on_date)]
        if len(holders) != 1:
            return None
        return next((e for e in self._exact.get(normalise_phrase(holders[0]), ()) if e.kind == "person"), None)

    def _surnames(self) -> dict[str, list[str]]:
        """Canonical names by their last word; not names whose last word is a father's or clan's
        ("Yusuf bin Alawi bin Abdullah")."""
        if self._by_surname is None:
            index: dict[str, list[str]] = {}
            for name in self._roles:
                words = name.split()
                if not any(w.lower() in PATRONYMIC_PARTICLES for w in words):
                    index.setdefault(words[-1], []).append(name)
            self._by_surname = index
        return self._by_surname

    def person_roles(self, name: str) -> list[Role]:
        """Roles of a person named by canonical name or alias (first match in table order)."""
        canonical = self._canonical_person(name)
        return list(self._roles.get(canonical, ())) if canonical else []

    def role_on(self, name: str, on_date: str | None) -> Role | None:
        """The role held on ``on_date`` (YYYY[-MM[-DD]]); with None, the most recent role.

        A person who held no role on that date gets None, so a former minister is not
        coded as government. Of overlapping roles, the one begun last wins.
        """
        roles = self.person_roles(name)
        if not roles:
            return None
        if on_date is None:
            return _latest_start(roles)
        day = date_bound(on_date, upper=False)
        if day is None:
            raise ValueError(f"not a YYYY[-MM[-DD]] date: {on_date!r}")
        held = [r for r in roles if _holds_on(r, day)]
        return _latest_start(held) if held else None

    def exact_sector(self, phrase: str) -> str | None:
        """The sector of a table phrase named in full ("suicide bombers"), none for a phrase merely containing one."""
        return self._sectors.get(" ".join(phrase.lower().split()))

    def sector_of(self, phrase: str) -> str | None:
        """The sector a title or group phrase implies ("foreign ministry spokesman" -> GOV).

        The longest table phrase found inside wins; of equally long ones the rightmost
        (the head noun) wins, unless it is a generic title such as "leader" or "spokesman",
        whose sector comes from its modifier ("rebel leader" -> REB).
        """
        tokens = [t.strip(_EDGE_PUNCT) for t in phrase.lower().translate(_APOSTROPHES).split()]
        tokens = [t for t in tokens if t]
        for size in range(min(self._sector_tokens, len(tokens)), 0, -1):
            found = [
                " ".join(tokens[i:i + size])
                for i in range(len(tokens) - size + 1)
                if " ".join(tokens[i:i + size]) in self._sectors
            ]
            if found:
                specific = [p for p in found if p not in GENERIC_TITLES]
                return self._sectors[(specific or found)[-1]]
        return None

    def country_name(self, iso3: str) -> str:
        """The table's name of a country; the code itself when the tables lack it."""
        return self._country_names.get(iso3, iso3)

    # -- building -------------------------------------------------------------------------
    def add_entry(self, entry: DictEntry) -> None:
        key = normalise_phrase(entry.phrase)
        if not key:
            return
        entry = DictEntry(key, entry.name, entry.country, entry.sector, entry.kind, entry.qid)
        bucket = self._exact.setdefault(key, [])
        if entry in bucket:
            return
        bucket.append(entry)
        self._one_edit = None
        self._max_tokens = max(self._max_tokens, len(key.split()))
        if len(key) >= 4 and not _is_acronym(key):
            folded = self._folded.setdefault(key.casefold(), [])
            if entry not in folded:
                folded.append(entry)
        if entry.kind == "person":
            names = self._person_names.setdefault(key, [])
            if entry.name not in names:
                names.append(entry.name)

    def add_role(self, name: str, role: Role) -> None:
        self._by_surname = None
        roles = self._roles.setdefault(name, [])
        if role not in roles:
            roles.append(role)

    def add_sector_phrase(self, phrase: str, sector: str) -> None:
        key = " ".join(phrase.lower().translate(_APOSTROPHES).split())
        self._sectors.setdefault(key, sector)  # the first table to name a phrase wins
        self._sector_tokens = max(self._sector_tokens, len(key.split()))

    def add_country_name(self, iso3: str, name: str) -> None:
        self._country_names.setdefault(iso3, name)

    def has_phrase(self, phrase: str) -> bool:
        return normalise_phrase(phrase) in self._exact

    def _canonical_person(self, name: str) -> str | None:
        if name in self._roles:
            return name
        names = self._person_names.get(normalise_phrase(name))
        return names[0] if names else None


def _guessable(key: str, entry: DictEntry) -> bool:
    if entry.kind in ("country", "demonym"):
        return entry.country is not None and key.isalpha() and len(key) >= MISSPELT_MIN_LENGTH - 1
    return entry.kind == "person" and " " in key and len(key) >= MISSPELT_PERSON_MIN_LENGTH - 1


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _one_edit_apart(a: str, b: str) -> bool:
    """One insertion, deletion, substitution or swap of neighbours turns ``a`` into ``b``."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        differ = [i for i in range(len(a)) if a[i] != b[i]]
        return len(differ) == 1 or (len(differ) == 2 and differ[1] == differ[0] + 1
                                    and a[differ[0]] == b[differ[1]] and a[differ[1]] == b[differ[0]])
    shorter, longer = sorted((a, b), key=len)
    return shorter in _deletions(longer)


# "al-Thani" and "Al Thani" are one name: the article of an Arabic name, hyphenated or not
_ARABIC_ARTICLE = re.compile(r"\b([Aa]l|[Ee]l)-(?=[A-Z])")


# In "bin Abdullah", "ibn Saud", "Ould Abdel Aziz" the last word is a father's or clan's name, no surname.
PATRONYMIC_PARTICLES = frozenset({"bin", "bint", "ibn", "binti", "ben", "ould", "al", "el", "abu", "bou", "wa"})


def normalise_phrase(phrase: str) -> str:
    """Collapse whitespace, straighten apostrophes, unhyphen an Arabic article and drop a
    leading "the"."""
    text = " ".join(_ARABIC_ARTICLE.sub(r"\1 ", phrase.translate(_APOSTROPHES)).split())
    if text[:4].lower() == "the " and len(text) > 4:
        text = text[4:]
    return text.replace("Organisation", "Organization")  # British and American spellings name one body


def _is_acronym(phrase: str) -> bool:
    letters = [c for c in phrase if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and " " not in phrase


def _latest_start(roles: list[Role]) -> Role:
    """The role begun last; the first listed among equals."""
    best = roles[0]
    for role in roles[1:]:
        if (date_bound(role.start, upper=False) or "") > (date_bound(best.start, upper=False) or ""):
            best = role
    return best


def _holds_on(role: Role, day: str) -> bool:
    start = date_bound(role.start, upper=False) if role.start else None
    end = date_bound(role.end, upper=True) if role.end else None
    return (start is None or start <= day) and (end is None or day <= end)


def date_bound(value: str | None, upper: bool) -> str | None:
    """A YYYY[-MM[-DD]] value as the first (or, with ``upper``, last) day it can mean.

    None when the value is not a real date in that form.
    """
    match = _DATE.match(value or "")
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    if month is None:
        month, day = (12, 31) if upper else (1, 1)
    elif day is None:
        day = calendar.monthrange(year, month)[1] if upper and 1 <= month <= 12 else 1
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


# -- reading tables ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    path: Path
    line: int
    cells: dict[str, str]

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def table_kind(header: Sequence[str]) -> str | None:
    """Which of the four tables a header row belongs to."""
    cells = tuple(c.strip().lower() for c in header)
    for kind, columns in COLUMNS.items():
        if cells == columns:
            return kind
    return None


def _read_lines(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Numbered rows of a TSV file; blank lines and '#' comments are skipped."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ResourceError(f"{path}: cannot read actor table ({exc})") from exc
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield number, line.split("\t")


def _read_table(path: Path) -> tuple[str, list[_Row], list[str]]:
    """(kind, rows, problems): rows with the wrong number of columns become problems."""
    lines = iter(_read_lines(path))
    first = next(lines, None)
    if first is None:
        raise ResourceError(f"{path}: empty actor table (no header row)")
    header_line, header = first
    kind = table_kind(header)
    if kind is None:
        expected = " | ".join("\t".join(c) for c in COLUMNS.values())
        raise ResourceError(f"{path}:{header_line}: unknown header; expected one of: {expected}")
    columns = COLUMNS[kind]
    rows, problems = [], []
    for number, cells in lines:
        if len(cells) != len(columns):
            problems.append(
                f"{path}:{number}: expected {len(columns)} tab-separated columns, found {len(cells)}"
            )
            continue
        rows.append(_Row(path, number, {c: v.strip() for c, v in zip(columns, cells)}))
    return kind, rows, problems


# -- row checks (shared by the loader, which raises, and check_tables, which lists) ------------

CountryCheck = Callable[[str], bool]


def _looks_like_iso3(code: str) -> bool:
    return bool(_ISO3.match(code))


def _is_assigned_iso3(code: str) -> bool:
    import pycountry  # only the checker needs it

    return code in EXTRA_COUNTRY_CODES or pycountry.countries.get(alpha_3=code) is not None


def _sector_problems(value: str, required: bool) -> list[str]:
    if not value:
        return ["missing sector"] if required else []
    return [] if value in SECTOR_CODES else [f"unknown sector code {value!r}"]


def _country_problems(value: str, is_country: CountryCheck, required: bool) -> list[str]:
    if not value:
        return ["missing ISO3 code"] if required else []
    if not _looks_like_iso3(value) or not is_country(value):
        return [f"unknown ISO 3166 alpha-3 code {value!r}"]
    return []


def _qid_problems(value: str) -> list[str]:
    return [f"malformed Wikidata QID {value!r}"] if value and not _QID.match(value) else []


def _date_problems(start: str, end: str) -> list[str]:
    problems = []
    for label, value in (("start", start), ("end", end)):
        if value and date_bound(value, upper=False) is None:
            problems.append(f"bad {label} date {value!r} (want YYYY, YYYY-MM or YYYY-MM-DD)")
    if problems or not (start and end):
        return problems
    if date_bound(end, upper=True) < date_bound(start, upper=False):
        problems.append(f"end {end} is before start {start}")
    return problems


def _seat_parts(value: str) -> tuple[str, str]:
    match = _SEAT_SECTOR.match(value)
    return (match.group(1).strip(), match.group(2)) if match else (value, "GOV")


def _row_problems(kind: str, cells: dict[str, str], is_country: CountryCheck) -> list[str]:
    if kind == "countries":
        problems = _country_problems(cells["iso3"], is_country, required=True)
        problems += [] if cells["name"] else ["missing name"]
        for seat in _split(cells["seats"]):
            problems += _sector_problems(_seat_parts(seat)[1], required=True)
        return problems
    if kind == "organisations":
        return ([] if cells["name"] else ["missing name"]) + _country_problems(
            cells["country"], is_country, required=False
        ) + _sector_problems(cells["sector"], required=True) + _qid_problems(cells["qid"])
    if kind == "people":
        return ([] if cells["name"] else ["missing name"]) + ([] if cells["role"] else [
            "missing role"
        ]) + _country_problems(cells["country"], is_country, required=False) + _sector_problems(
            cells["sector"], required=True
        ) + _date_problems(cells["start"], cells["end"]) + _qid_problems(cells["qid"])
    return ([] if cells["phrase"] else ["missing phrase"]) + _sector_problems(
        cells["sector"], required=True
    )


def _row_key(kind: str, cells: dict[str, str]) -> tuple:
    """What makes two rows duplicates of each other."""
    if kind == "countries":
        return (cells["iso3"],)
    if kind == "organisations":
        return (cells["name"], cells["country"])
    if kind == "people":
        return (cells["name"], cells["role"], cells["start"])
    return (cells["phrase"].lower(),)


# -- loading -------------------------------------------------------------------------------


def _add_country(dictionary: ActorDictionary, cells: dict[str, str]) -> None:
    iso3, name = cells["iso3"], cells["name"]
    dictionary.add_country_name(iso3, name)
    for phrase in [name, *_split(cells["aliases"])]:
        dictionary.add_entry(DictEntry(phrase, name, iso3, None, "country"))
    for phrase in _split(cells["demonyms"]):
        dictionary.add_entry(DictEntry(phrase, name, iso3, None, "demonym"))
    for phrase in _split(cells["capital"]):
        # A capital acting ("Moscow said") stands for its government.
        dictionary.add_entry(DictEntry(phrase, name, iso3, "GOV", "capital"))
    for seat in _split(cells["seats"]):
        phrase, sector = _seat_parts(seat)
        # A seat is named by itself ("Kremlin", "Pentagon"); its country says whose it is.
        dictionary.add_entry(DictEntry(phrase, normalise_phrase(phrase), iso3, sector, "seat"))


def _add_demonym_plurals(dictionary: ActorDictionary, rows: list[_Row]) -> None:
    """'Russians', 'Israelis': plural demonyms, where English forms them with -s."""
    for row in rows:
        for demonym in _split(row.cells["demonyms"]):
            if demonym.endswith(("ese", "sh", "ch", "s", "x", "z", "ic", "y")):
                continue
            plural = demonym + "s"
            if not dictionary.has_phrase(plural):
                dictionary.add_entry(DictEntry(plural, row.cells["name"], row.cells["iso3"], None, "demonym"))


def _add_organisation(dictionary: ActorDictionary, cells: dict[str, str]) -> None:
    name = cells["name"]
    for phrase in [name, *_split(cells["aliases"])]:
        dictionary.add_entry(
            DictEntry(phrase, name, cells["country"] or None, cells["sector"], "organisation",
                      cells["qid"] or None)
        )


def _add_people(dictionary: ActorDictionary, rows: list[_Row]) -> None:
    by_name: dict[str, list[_Row]] = {}
    for row in rows:
        by_name.setdefault(row.cells["name"], []).append(row)
    for name, person_rows in by_name.items():
        for row in person_rows:
            c = row.cells
            dictionary.add_role(name, Role(c["country"] or None, c["sector"], c["role"],
                                           c["start"] or None, c["end"] or None))
        current = _latest_start(dictionary.person_roles(name))  # the entry's undated code
        qid = next((r.cells["qid"] for r in person_rows if r.cells["qid"]), None)
        aliases = [a for r in person_rows for a in _split(r.cells["aliases"])]
        for phrase in [name, *aliases]:
            dictionary.add_entry(DictEntry(phrase, name, current.country, current.sector, "person", qid))


def _load_tables(dictionary: ActorDictionary, paths: Sequence[Path]) -> None:
    """Validate every table, then add them in order (earlier tables' entries come first)."""
    tables = []
    for path in paths:
        kind, rows, problems = _read_table(path)
        if problems:
            raise ResourceError(problems[0])
        for row in rows:
            reasons = _row_problems(kind, row.cells, _looks_like_iso3)
            if reasons:
                raise ResourceError(f"{row.where}: {reasons[0]}")
        tables.append((kind, rows))
    for kind, rows in tables:
        _add_rows(dictionary, kind, rows)
    for kind, rows in tables:
        if kind == "countries":
            _add_demonym_plurals(dictionary, rows)


def _add_rows(dictionary: ActorDictionary, kind: str, rows: list[_Row]) -> None:
    if kind == "people":
        _add_people(dictionary, rows)
        return
    for row in rows:
        if kind == "countries":
            _add_country(dictionary, row.cells)
        elif kind == "organisations":
            _add_organisation(dictionary, row.cells)
        else:
            dictionary.add_sector_phrase(row.cells["phrase"], row.cells["sector"])


def packaged_table_paths() -> list[Path]:
    return [RESOURCES / name for name in PACKAGED_TABLES]


def load_actor_dictionary(extra_paths: Sequence[Path] = ()) -> ActorDictionary:
    """The packaged tables plus user tables in the same formats (any of the four kinds).

    User tables are read first, so where a phrase names several entities the user's come
    first in ``lookup``. The result is cached per set of paths.
    """
    return _load_cached(tuple(Path(p) for p in extra_paths))


@lru_cache(maxsize=8)
def _load_cached(extra_paths: tuple[Path, ...]) -> ActorDictionary:
    dictionary = ActorDictionary()
    _load_tables(dictionary, [*extra_paths, *packaged_table_paths()])
    return dictionary


# -- checking -------------------------------------------------------------------------------


def check_tables(paths: Sequence[Path]) -> list[str]:
    """Every problem found in the tables, each as 'file:line: reason'; [] when all is well.

    Checks: header, column count, ISO 3166 alpha-3 codes (via pycountry), sector codes,
    dates and their order, QIDs, duplicate rows, and phrases a countries table gives to two
    different countries.
    """
    problems: list[str] = []
    for path in paths:
        try:
            kind, rows, table_problems = _read_table(Path(path))
        except ResourceError as exc:
            problems.append(exc.reason)
            continue
        problems += table_problems
        problems += _rows_problems(kind, rows)
        if kind == "countries":
            problems += _ambiguous_country_phrases(rows)
    return problems


def _rows_problems(kind: str, rows: list[_Row]) -> list[str]:
    problems, seen = [], {}
    for row in rows:
        problems += [f"{row.where}: {reason}" for reason in _row_problems(kind, row.cells, _is_assigned_iso3)]
        key = _row_key(kind, row.cells)
        if key in seen:
            problems.append(f"{row.where}: duplicate of line {seen[key]} ({' / '.join(k for k in key if k)})")
        else:
            seen[key] = row.line
    return problems


def _ambiguous_country_phrases(rows: list[_Row]) -> list[str]:
    owners: dict[str, tuple[str, int]] = {}
    problems = []
    for row in rows:
        c = row.cells
        phrases = [c["name"], *_split(c["aliases"]), *_split(c["demonyms"]), *_split(c["capital"])]
        phrases += [_seat_parts(s)[0] for s in _split(c["seats"])]
        for phrase in {normalise_phrase(p) for p in phrases}:
            owner = owners.setdefault(phrase, (c["iso3"], row.line))
            if owner[0] != c["iso3"]:
                problems.append(
                    f"{row.where}: phrase {phrase!r} also names {owner[0]} (line {owner[1]})"
                )
    return problems
