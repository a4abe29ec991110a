"""Gold readers: the PLOVER gold records and our JSONL gold format."""

import json

import pytest

from eventwire.errors import GoldFormatError
from eventwire.evaluate.gold import cameo_country, read_gold, read_jsonl_gold, read_plover_gsr


def write_json(tmp_path, data, name="gsr.txt"):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


GSR = [
    {"id": "DOC", "event": "DOCUMENT", "eventText": "docs"},
    {"id": "A1", "date": "2000-01-01", "event": "DEMAND", "text": "Tokyo demanded ...",
     "source": [{"actorText": "Tokyo", "code": "JAP"}, {"actorText": "UN", "code": "IGO"}],
     "target": ""},
    {"id": "A2", "date": "2000-01-01", "event": "INVESTIGATE", "mode": "", "text": "Italy probed ...",
     "source": [{"actorText": "Italy", "code": "ITL", "sector": "GOV"}],
     "target": [{"actorText": "Iran", "code": "IRN"}]},
    {"id": "A3", "event": "FIGHT", "text": "Italy probed ...", "target": "diplomatic"},
    {"id": "A4", "event": "PROTEST", "mode": "strike-hun", "text": "Prisoners refused food ..."},
]


def test_plover_gsr(tmp_path):
    sentences = read_plover_gsr(write_json(tmp_path, GSR))
    assert [s.id for s in sentences] == ["A1", "A2", "A4"]  # DOCUMENT skipped, A3 merged into A2
    first = sentences[0]
    assert first.published == "2000-01-01"
    (demand,) = first.events
    assert demand.event_type == "REQUEST"
    assert demand.actor_countries == {"JPN", "IGO"}  # an IGO counts as "IGO", as eventwire codes it
    assert demand.recipient_countries == set()
    investigate, fight = sentences[1].events
    assert (investigate.event_type, investigate.mode) == ("ACCUSE", "investigate")
    assert investigate.actor_countries == {"ITA"} and investigate.recipient_countries == {"IRN"}
    assert fight.event_type == "ASSAULT" and fight.recipient_countries == set()
    (hunger_strike,) = sentences[2].events
    assert hunger_strike.mode == "hunger"  # the records' older sub-mode, read as the manual's


@pytest.mark.parametrize("code, country", [
    ("USA", "USA"), ("JAP", "JPN"), ("VTN", "VNM"), ("PSE", "PSE"),
    ("IGO", None), ("NGO", None), ("IMG", None), ("", None), (None, None),
])
def test_cameo_country(code, country):
    assert cameo_country(code) == country


@pytest.mark.parametrize("data", [
    {"not": "an array"},
    [{"id": "x", "event": "AGREE"}],  # no text
    [{"id": "x", "event": "PARTY", "text": "t"}],  # unknown type
])
def test_plover_gsr_rejects_bad_records(tmp_path, data):
    with pytest.raises(GoldFormatError):
        read_plover_gsr(write_json(tmp_path, data))


def test_jsonl_gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    lines = [
        {"id": "s1", "text": "Russia praised North Korea.", "published": "2024-06-17",
         "events": [{"event_type": "support", "actor_countries": ["rus"],
                     "recipient_countries": ["PRK"], "aux_mode": None, "mode": None}]},
        {"id": "s2", "text": "Nothing happened."},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    sentences = read_gold(path)
    assert sentences == read_jsonl_gold(path)
    (event,) = sentences[0].events
    assert (event.event_type, event.actor_countries, event.recipient_countries) == (
        "SUPPORT", {"RUS"}, {"PRK"})
    assert sentences[1].events == [] and sentences[1].published is None


@pytest.mark.parametrize("line", [
    "not json",
    json.dumps({"id": "x"}),
    json.dumps({"text": "t", "events": [{"event_type": "AGREE", "aux_mode": "maybe"}]}),
    json.dumps({"text": "t", "events": [{"event_type": "AGREE", "actor_countries": "USA"}]}),
    json.dumps({"text": "t", "events": [{"actor_countries": []}]}),
    json.dumps({"text": "t", "events": [{"cameo": "42"}]}),    # a code is a string of 2-4 digits
    json.dumps({"text": "t", "events": [{"cameo": "215"}]}),   # roots run 01-20
    json.dumps({"text": "t", "events": [{"cameo": 42}]}),
])
def test_jsonl_gold_errors_name_the_line(tmp_path, line):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"text": "fine"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"gold\.jsonl:2"):
        read_jsonl_gold(path)


def test_jsonl_gold_coded_in_cameo(tmp_path):
    """PETRARCH/GDELT-style gold: a CAMEO code gives the PLOVER type and the root to compare;
    a public statement (01) has no PLOVER type and is left out, counted."""
    path = tmp_path / "gold.jsonl"
    events = [{"cameo": "042", "actor_countries": ["RUS"], "recipient_countries": ["PRK"]},
              {"cameo": "0841", "actor_countries": ["PSE"]},
              {"cameo": "0811", "actor_countries": ["BLR"]},
              {"cameo": "193", "actor_countries": ["SDN"]},
              {"cameo": "010", "actor_countries": ["CHN"]},
              {"event_type": "ACCUSE", "cameo": "093", "actor_countries": ["UKR"]}]
    path.write_text(json.dumps({"text": "t", "events": events}) + "\n", encoding="utf-8")
    (sentence,) = read_jsonl_gold(path)
    assert [(e.event_type, e.cameo_root) for e in sentence.events] == [
        ("CONSULT", "04"), ("RETREAT", "08"), ("CONCEDE", "08"), ("ASSAULT", "19"), ("ACCUSE", "09")]
    assert sentence.uncoded_events == 1
