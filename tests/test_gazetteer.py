"""The gazetteer: whole-name lookup only, sensible disambiguation, a fast cached load."""

from __future__ import annotations

import time

import pytest

from eventwire.gazetteer import Place, exact_key, folded_key, load_gazetteer, read_extra_table


@pytest.fixture(scope="module")
def gazetteer():
    started = time.perf_counter()
    loaded = load_gazetteer()
    print(f"\ngazetteer: {len(loaded)} places, loaded in {time.perf_counter() - started:.2f}s")
    return loaded


def test_it_loads_and_reloads_fast(gazetteer):
    load_gazetteer.cache_clear()
    started = time.perf_counter()
    again = load_gazetteer()
    print(f"\ngazetteer reopened from cache in {time.perf_counter() - started:.3f}s")
    assert len(again) > 100_000


def test_whole_names_only(gazetteer):
    assert all(p.country == "USA" for p in gazetteer.candidates("US"))
    assert "Busan" not in {p.name for p in gazetteer.candidates("US")}
    assert gazetteer.candidates("usan") == []
    assert gazetteer.resolve("Bus") is None or gazetteer.resolve("Bus").name != "Busan"
    assert gazetteer.resolve("Busan").country == "KOR"


def test_case_sensitive_first(gazetteer):
    assert gazetteer.resolve("US").kind == "country"
    assert gazetteer.resolve("moscow").country == "RUS"  # falls back to case-insensitive


@pytest.mark.parametrize("name, country, kind", [
    ("Moscow", "RUS", "city"),
    ("Pyongyang", "PRK", "city"),
    ("North Korea", "PRK", "country"),
    ("DPRK", "PRK", "country"),
    ("Burma", "MMR", "country"),
    ("Myanmar", "MMR", "country"),
    ("Kiev", "UKR", "city"),
    ("Kyiv", "UKR", "city"),
    ("Britain", "GBR", "country"),
    ("U.S.", "USA", "country"),
    ("United States", "USA", "country"),
    ("Vietnam", "VNM", "country"),
    ("Georgia", "GEO", "country"),
    ("The Hague", "NLD", "city"),
    ("Gaza Strip", "PSE", "landmark"),
    ("Donbass", "UKR", "landmark"),
    ("Crimea", "UKR", "admin1"),
    ("Golan Heights", "SYR", "landmark"),
])
def test_resolves_well_known_names(gazetteer, name, country, kind):
    place = gazetteer.resolve(name)
    assert (place.country, place.kind) == (country, kind)


def test_washington_is_the_capital(gazetteer):
    place = gazetteer.resolve("Washington")
    assert place.country == "USA" and place.kind == "city" and place.admin1 == "District of Columbia"
    assert abs(place.lat - 38.9) < 0.2 and gazetteer.is_capital(place)


def test_context_countries_decide_close_calls(gazetteer):
    assert gazetteer.resolve("Cambridge").country == "GBR"
    assert gazetteer.resolve("Cambridge", ["USA"]).country == "USA"
    assert gazetteer.resolve("Georgia", ["USA"]).kind == "admin1"
    assert gazetteer.resolve("Georgia", ["USA", "GEO"]).kind == "country"
    # context does not drag a great city to a small namesake
    assert gazetteer.resolve("Moscow", ["USA"]).country == "RUS"
    assert gazetteer.resolve("Paris", ["USA"]).country == "FRA"


def test_candidates_are_ranked(gazetteer):
    candidates = gazetteer.candidates("Paris")
    assert len(candidates) > 1 and candidates[0].country == "FRA"
    assert all(isinstance(p, Place) for p in candidates)


def test_country_centroids(gazetteer):
    korea = gazetteer.country("PRK")
    assert korea.kind == "country" and korea.lat is not None
    assert gazetteer.country("GBR").lat is not None
    assert gazetteer.country("XYZ") is None


def test_keys():
    assert exact_key("  the  Gaza Strip ") == "Gaza Strip"
    assert folded_key("Côte d’Ivoire") == folded_key("cote d'ivoire")
    assert folded_key("Washington, D.C.") == folded_key("washington, dc")


def test_our_table_is_well_formed():
    rows = read_extra_table()
    assert {"Gaza Strip", "West Bank", "Donbas", "Crimea", "Kashmir", "Darfur", "Golan Heights",
            "Kurdistan"} <= {r["name"] for r in rows}
