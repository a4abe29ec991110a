"""The actor dictionary: packaged tables, lookups, dated roles, user tables, the checker."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.actor_dictionary import (
    COLUMNS,
    KINDS,
    SECTOR_CODES,
    check_tables,
    load_actor_dictionary,
    packaged_table_paths,
)
from eventwire.errors import ResourceError


@pytest.fixture(scope="module")
def dictionary():
    return load_actor_dictionary()


def _one(dictionary, phrase):
    entries = dictionary.lookup(phrase)
    assert entries, f"{phrase!r} not in the dictionary"
    return entries[0]


def _write(tmp_path: Path, name: str, kind: str, rows: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("\t".join(COLUMNS[kind]) + "\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


# -- packaged tables -------------------------------------------------------------------------


def test_packaged_tables_pass_the_checker():
    assert check_tables(packaged_table_paths()) == []


def test_loading_is_cached(dictionary):
    assert load_actor_dictionary() is dictionary


def test_every_un_member_and_the_extra_entities_are_listed(dictionary):
    countries = {e.country for p in dictionary.phrases() for e in dictionary.lookup(p) if e.kind == "country"}
    assert len(countries) >= 198
    assert {"TWN", "PSE", "XKX", "VAT", "HKG"} <= countries


def test_entries_use_known_kinds_and_sectors(dictionary):
    for phrase in dictionary.phrases():
        for entry in dictionary.lookup(phrase):
            assert entry.kind in KINDS
            assert entry.sector is None or entry.sector in SECTOR_CODES


@pytest.mark.parametrize(
    "phrase, country, kind",
    [
        ("United States", "USA", "country"),
        ("the United States", "USA", "country"),
        ("U.S.", "USA", "country"),
        ("US", "USA", "country"),
        ("America", "USA", "country"),
        ("North Korea", "PRK", "country"),
        ("DPRK", "PRK", "country"),
        ("Democratic People's Republic of Korea", "PRK", "country"),
        ("Democratic People’s Republic of Korea", "PRK", "country"),
        ("South Korea", "KOR", "country"),
        ("ROK", "KOR", "country"),
        ("Britain", "GBR", "country"),
        ("U.K.", "GBR", "country"),
        ("Russian Federation", "RUS", "country"),
        ("Türkiye", "TUR", "country"),
        ("Ivory Coast", "CIV", "country"),
        ("Burma", "MMR", "country"),
        ("American", "USA", "demonym"),
        ("North Korean", "PRK", "demonym"),
        ("South Korean", "KOR", "demonym"),
        ("British", "GBR", "demonym"),
        ("Chinese", "CHN", "demonym"),
        ("Afghan", "AFG", "demonym"),
        ("Sudanese", "SDN", "demonym"),
        ("South Sudanese", "SSD", "demonym"),
        ("Russians", "RUS", "demonym"),
        ("Israelis", "ISR", "demonym"),
        ("Pyongyang", "PRK", "capital"),
        ("Washington", "USA", "capital"),
        ("Kyiv", "UKR", "capital"),
        ("Kiev", "UKR", "capital"),
        ("New Delhi", "IND", "capital"),
        ("Jerusalem", "ISR", "capital"),
        ("Ramallah", "PSE", "capital"),
        ("The Hague", "NLD", "capital"),
    ],
)
def test_country_phrases(dictionary, phrase, country, kind):
    entry = _one(dictionary, phrase)
    assert (entry.country, entry.kind) == (country, kind)


def test_capitals_stand_for_the_government(dictionary):
    assert _one(dictionary, "Moscow").sector == "GOV"
    assert _one(dictionary, "Russia").sector is None


@pytest.mark.parametrize(
    "phrase, country, sector",
    [
        ("White House", "USA", "GOV"),
        ("the White House", "USA", "GOV"),
        ("Pentagon", "USA", "MIL"),
        ("Capitol Hill", "USA", "LEG"),
        ("the Kremlin", "RUS", "GOV"),
        ("Downing Street", "GBR", "GOV"),
        ("Westminster", "GBR", "LEG"),
        ("Élysée", "FRA", "GOV"),
        ("Zhongnanhai", "CHN", "GOV"),
        ("Knesset", "ISR", "LEG"),
    ],
)
def test_seats_of_power(dictionary, phrase, country, sector):
    entry = _one(dictionary, phrase)
    assert (entry.country, entry.sector, entry.kind) == (country, sector, "seat")


def test_a_seat_is_named_by_itself(dictionary):
    assert _one(dictionary, "the Kremlin").name == "Kremlin"


@pytest.mark.parametrize(
    "phrase, name, country, sector",
    [
        ("UN", "United Nations", None, "IGO"),
        ("U.N.", "United Nations", None, "IGO"),
        ("NATO", "NATO", None, "IGO"),
        ("EU", "European Union", None, "IGO"),
        ("IAEA", "International Atomic Energy Agency", None, "IGO"),
        ("National Security Council", "National Security Council", "USA", "GOV"),
        ("Hamas", "Hamas", "PSE", "REB"),
        ("Houthis", "Houthis", "YEM", "REB"),
        ("ISIS", "Islamic State", None, "REB"),
        ("RSF", "Rapid Support Forces", "SDN", "REB"),
        ("Human Rights Watch", "Human Rights Watch", None, "NGO"),
        ("KCNA", "Korean Central News Agency", "PRK", "MED"),
        ("TASS", "TASS", "RUS", "MED"),
        ("ILKHA", "ILKHA", "TUR", "MED"),
        ("PLA", "People's Liberation Army", "CHN", "MIL"),
        ("IDF", "Israel Defense Forces", "ISR", "MIL"),
    ],
)
def test_organisations(dictionary, phrase, name, country, sector):
    entry = _one(dictionary, phrase)
    assert (entry.name, entry.country, entry.sector, entry.kind) == (name, country, sector, "organisation")


@pytest.mark.parametrize(
    "phrase, name",
    [
        ("Vladimir Putin", "Vladimir Putin"),
        ("Putin", "Vladimir Putin"),
        ("Kim Jong-un", "Kim Jong Un"),
        ("Lavrov", "Sergei Lavrov"),
        ("John Kirby", "John Kirby"),
        ("Zelenskyy", "Volodymyr Zelensky"),
        ("Erdogan", "Recep Tayyip Erdoğan"),
        ("Guterres", "António Guterres"),
    ],
)
def test_people(dictionary, phrase, name):
    entry = _one(dictionary, phrase)
    assert (entry.name, entry.kind) == (name, "person")


def test_person_entry_carries_qid_and_latest_role(dictionary):
    entry = _one(dictionary, "Putin")
    assert (entry.country, entry.sector, entry.qid) == ("RUS", "GOV", "Q7747")


# -- lookup rules ---------------------------------------------------------------------------


def test_all_caps_headlines_match_but_common_nouns_do_not(dictionary):
    assert _one(dictionary, "NORTH KOREA").country == "PRK"
    assert _one(dictionary, "Turkey").country == "TUR"
    assert dictionary.lookup("turkey") == []
    assert dictionary.lookup("congress") == []
    assert dictionary.lookup("nato") == []


def test_acronyms_match_only_as_cased(dictionary):
    assert dictionary.lookup("Us") == []
    assert dictionary.lookup("us") == []


def test_max_phrase_tokens_and_phrases(dictionary):
    assert dictionary.max_phrase_tokens() >= 5
    assert "North Korea" in set(dictionary.phrases())


def test_country_name(dictionary):
    assert dictionary.country_name("PRK") == "North Korea"
    assert dictionary.country_name("ZZZ") == "ZZZ"


# -- dated roles ------------------------------------------------------------------------------


def test_roles_follow_the_date(dictionary):
    assert dictionary.role_on("Sergei Shoigu", "2023-03-01").role == "defence minister"
    assert dictionary.role_on("Shoigu", "2024-06-18").role == "secretary of the Security Council"
    assert dictionary.role_on("Andrei Belousov", "2024-06-17").role == "defence minister"
    kirby = dictionary.role_on("John Kirby", "2024-06-17")
    assert (kirby.country, kirby.sector) == ("USA", "GOV")
    assert "National Security Council" in kirby.role
    assert dictionary.role_on("Kirby", "2021-06-01").role == "Pentagon press secretary"


def test_a_former_office_holder_is_not_government(dictionary):
    assert dictionary.role_on("Antony Blinken", "2025-06-01") is None
    assert dictionary.role_on("Antony Blinken", "2024-06-01").sector == "GOV"


def test_two_terms_with_a_gap(dictionary):
    assert dictionary.role_on("Donald Trump", "2019-01-01").role == "president"
    assert dictionary.role_on("Donald Trump", "2023-01-01") is None
    assert dictionary.role_on("Donald Trump", "2025-06-01").role == "president"


def test_role_without_date_is_the_most_recent(dictionary):
    assert dictionary.role_on("Vladimir Putin", None).start == "2012-05-07"
    assert dictionary.role_on("Nobody Atall", None) is None


def test_partial_dates_and_bad_dates(dictionary):
    assert dictionary.role_on("Putin", "2010").role == "prime minister"
    with pytest.raises(ValueError):
        dictionary.role_on("Putin", "June 2010")


def test_person_roles_by_alias(dictionary):
    roles = dictionary.person_roles("Shoigu")
    assert [r.role for r in roles] == ["defence minister", "secretary of the Security Council"]
    assert dictionary.person_roles("Nobody Atall") == []


# -- sectors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase, sector",
    [
        ("president", "GOV"),
        ("foreign minister", "GOV"),
        ("defence minister", "GOV"),
        ("Foreign Ministry spokesman", "GOV"),
        ("state media", "MED"),
        ("north korean state media", "MED"),
        ("troops", "MIL"),
        ("army spokesman", "MIL"),
        ("rebel leader", "REB"),
        ("riot police", "COP"),
        ("lawmakers", "LEG"),
        ("opposition", "OPP"),
        ("protesters", "CVL"),
        ("students", "EDU"),
        ("rights group", "NGO"),
        ("banana", None),
    ],
)
def test_sector_of(dictionary, phrase, sector):
    assert dictionary.sector_of(phrase) == sector


# -- user tables --------------------------------------------------------------------------------


def test_user_tables_extend_the_packaged_ones(tmp_path):
    people = _write(tmp_path, "mine.tsv", "people",
                    ["Jane Example\tExample\tNOR\tGOV\tforeign minister\t2030-01-01\t\t"])
    orgs = _write(tmp_path, "orgs.tsv", "organisations", ["Fjord Watch\tFW\tNOR\tNGO\t"])
    sectors = _write(tmp_path, "sectors.tsv", "sectors", ["harbour master\tGOV\t"])
    extended = load_actor_dictionary([people, orgs, sectors])
    assert _one(extended, "Example").name == "Jane Example"
    assert extended.role_on("Jane Example", "2031-01-01").role == "foreign minister"
    assert _one(extended, "FW").sector == "NGO"
    assert extended.sector_of("harbour master") == "GOV"
    assert _one(extended, "North Korea").country == "PRK"
    assert load_actor_dictionary().lookup("Fjord Watch") == []


def test_user_entries_come_first(tmp_path):
    orgs = _write(tmp_path, "orgs.tsv", "organisations", ["Pyongyang Watchers\tPyongyang\t\tNGO\t"])
    entries = load_actor_dictionary([orgs]).lookup("Pyongyang")
    assert [e.kind for e in entries] == ["organisation", "capital"]


def test_malformed_user_table_raises_naming_file_and_line(tmp_path):
    bad = _write(tmp_path, "bad.tsv", "organisations", ["Good Org\t\t\tNGO\t", "Bad Org\t\tNOR\tXYZ\t"])
    with pytest.raises(ResourceError) as info:
        load_actor_dictionary([bad])
    assert f"{bad}:3" in str(info.value) and "XYZ" in str(info.value)


def test_unknown_header_raises(tmp_path):
    bad = tmp_path / "odd.tsv"
    bad.write_text("a\tb\n1\t2\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="unknown header"):
        load_actor_dictionary([bad])


# -- the checker -----------------------------------------------------------------------------------


def _only_problem(path: Path, line: int, words: str) -> None:
    problems = check_tables([path])
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{path}:{line}: ") and words in problems[0], problems


def test_check_unknown_iso3(tmp_path):
    path = _write(tmp_path, "c.tsv", "countries", ["XYZ\tNowhere\t\t\t\t", "XKX\tKosovo\t\t\t\t"])
    _only_problem(path, 2, "'XYZ'")


def test_check_unknown_iso3_in_people(tmp_path):
    path = _write(tmp_path, "p.tsv", "people", ["A Person\t\tQQQ\tGOV\tminister\t2020\t\t"])
    _only_problem(path, 2, "'QQQ'")


def test_check_bad_date(tmp_path):
    path = _write(tmp_path, "p.tsv", "people", ["A Person\t\tNOR\tGOV\tminister\t2020-13-01\t\t"])
    _only_problem(path, 2, "bad start date")


def test_check_end_before_start(tmp_path):
    path = _write(tmp_path, "p.tsv", "people", ["A Person\t\tNOR\tGOV\tminister\t2020-05\t2019\t"])
    _only_problem(path, 2, "before start")


def test_check_unknown_sector(tmp_path):
    path = _write(tmp_path, "s.tsv", "sectors", ["pirates\tPIR\t"])
    _only_problem(path, 2, "'PIR'")


def test_check_unknown_seat_sector(tmp_path):
    path = _write(tmp_path, "c.tsv", "countries", ["NOR\tNorway\t\t\tOslo\tStorting:XXX"])
    _only_problem(path, 2, "'XXX'")


def test_check_duplicate_rows(tmp_path):
    path = _write(tmp_path, "o.tsv", "organisations", ["Fjord Watch\t\tNOR\tNGO\t", "Fjord Watch\t\tNOR\tNGO\t"])
    _only_problem(path, 3, "duplicate of line 2")


def test_check_wrong_column_count(tmp_path):
    path = _write(tmp_path, "o.tsv", "organisations", ["Fjord Watch\tNOR\tNGO"])
    _only_problem(path, 2, "expected 5 tab-separated columns, found 3")


def test_check_phrase_shared_by_two_countries(tmp_path):
    path = _write(tmp_path, "c.tsv", "countries", ["NOR\tNorway\t\tNordic\t\t", "SWE\tSweden\t\tNordic\t\t"])
    _only_problem(path, 3, "'Nordic' also names NOR")


def test_check_unknown_header_and_comments(tmp_path):
    odd = tmp_path / "odd.tsv"
    odd.write_text("a\tb\n", encoding="utf-8")
    commented = _write(tmp_path, "ok.tsv", "sectors", ["# a comment", "", "pirates\tREB\t"])
    problems = check_tables([odd, commented])
    assert len(problems) == 1 and problems[0].startswith(f"{odd}:1: unknown header")


def test_user_sector_phrase_overrides_the_packaged_one(tmp_path):
    sectors = _write(tmp_path, "sectors.tsv", "sectors", ["analyst\tBUS\tour analysts work for banks"])
    assert load_actor_dictionary([sectors]).sector_of("analyst") == "BUS"
    assert load_actor_dictionary().sector_of("analyst") == "EDU"


@pytest.mark.parametrize("text", [
    "Chinese President Xi Jinping met Putin in Moscow.",
    "Modi and Chinese President Xi Jinping met in Kazan.",
])
def test_a_short_alias_inside_a_full_name_yields_one_person(pipeline, text):
    """'President Xi' is an alias, but inside 'President Xi Jinping' the full name is the match:
    one actor, not a title and a truncated name."""
    from eventwire.model import Article

    doc = pipeline(Article.create(text, published="2024-10-23"))
    chinese = [e for f in doc.frames for e in f.actor if e.country == "CHN"]
    assert [e.name for e in chinese] == ["Xi Jinping"]


@pytest.mark.parametrize("text, name, country, sector", [
    # the table's role ended in 2006; the title in the text still says whom he acts for
    ("U.N. Secretary-General Kofi Annan said he would visit Baghdad.", "Kofi Annan", None, "IGO"),
    # a title with "former", "ousted", "ex-" makes an elite, not the government
    ("Former Zambian Finance Minister Mulenga Banda said he would visit Lusaka.", "Mulenga Banda", "ZMB", "ELI"),
    ("Ousted president Jean-Bertrand Aristide said he would visit Haiti.", "Jean-Bertrand Aristide", "HTI", "ELI"),
])
def test_the_title_in_the_text_speaks_when_the_table_has_no_current_role(pipeline, text, name, country, sector):
    from eventwire.model import Article

    doc = pipeline(Article.create(text, published="2024-03-05"))
    actors = [e for f in doc.frames for e in f.actor if e.name == name]
    assert actors and all((e.country, e.sector) == (country, sector) for e in actors)


# -- typing slips ------------------------------------------------------------------------------


@pytest.mark.parametrize("word, country", [
    ("Afganistan", "AFG"), ("Quatar", "QAT"), ("Ethopia", "ETH"), ("Phillippines", "PHL"),
    ("Ukranian", "UKR"), ("Venezeula", "VEN"),  # a swap of neighbours
])
def test_a_country_or_demonym_one_slip_away_is_found(dictionary, word, country):
    assert {e.country for e in dictionary.misspelt_country(word)} == {country}


@pytest.mark.parametrize("word", [
    "Prussia",  # other first letter than Russia
    "Iraqq", "Mali",  # too short to trust
    "Ruritania",  # nothing near
])
def test_no_guess_for_other_first_letters_short_or_distant_words(dictionary, word):
    assert dictionary.misspelt_country(word) == []


def test_a_full_name_one_slip_away_is_a_known_person_but_a_lone_surname_is_not(dictionary):
    assert {e.name for e in dictionary.misspelt_person("Boris Yeltzin")} == {"Boris Yeltsin"}
    assert dictionary.misspelt_person("Yeltzin") == []


@pytest.mark.parametrize("text, country", [
    ("Quatar's emir launched a mediation effort between the Emirates and Saudi Arabia.", "QAT"),
    ("Ukranian officials rejected the ceasefire terms offered by Moscow.", "UKR"),
])
def test_a_misspelt_country_acts(pipeline, text, country):
    from eventwire.model import Article

    doc = pipeline(Article.create(text, published="2024-03-05"))
    assert country in {e.country for f in doc.frames for e in f.actor}


@pytest.mark.parametrize("text", [
    "Indira Naidoo met Cameron in London.",  # part of a person's name, or tagged as a person
    "David Cameron criticised the Columbia professors.",  # Columbia is a place of its own
])
def test_names_of_people_and_places_are_not_read_as_misspelt_countries(pipeline, text):
    from eventwire.model import Article

    doc = pipeline(Article.create(text, published="2012-03-05"))
    countries = {e.country for m in doc.mentions for e in m.entities}
    assert not countries & {"IND", "CMR", "COL"}
