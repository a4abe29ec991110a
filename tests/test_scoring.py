"""The scorers on a tiny hand-made gold/prediction pair with known numbers."""

import json

import pytest

from eventwire.evaluate.gate import floors, regressions
from eventwire.evaluate.gold import GoldEvent, GoldSentence
from eventwire.evaluate.scoring import NONE, best_match, format_report, score, triples


def ev(event_type, actors=(), recipients=(), aux_mode=None):
    return GoldEvent(event_type, set(actors), set(recipients), aux_mode)


GOLD = [
    GoldSentence("s1", "one", events=[ev("AGREE", ["USA"], ["RUS"]),
                                      ev("ACCUSE", ["PRK"], ["KOR", "USA"])]),
    GoldSentence("s2", "two", events=[ev("ASSAULT", ["ISR"], ["PSE"], "historical")]),
    GoldSentence("s3", "three", events=[ev("REQUEST", [], ["IRN"])]),
]
PREDICTED = [
    [ev("AGREE", ["USA"], ["RUS"]), ev("ACCUSE", ["PRK"], ["KOR"]), ev("THREATEN", ["CHN"])],
    [ev("ACCUSE", ["ISR"], ["PSE"], "historical")],
    [],
]


@pytest.fixture(scope="module")
def scores():
    return score(GOLD, PREDICTED)


def test_counts(scores):
    assert scores["counts"] == {"sentences": 3, "gold_events": 4, "predicted_events": 4,
                                "uncoded_gold_events": 0, "failures": 0}


def test_type_accuracy(scores):
    assert scores["type_accuracy"] == pytest.approx(2 / 4)


def test_actor_country_accuracy(scores):
    assert scores["actor_country_events"] == 3  # the REQUEST has no actor country
    assert scores["actor_country_accuracy"] == pytest.approx(2 / 3)
    assert scores["actor_country_accuracy_any_type"] == pytest.approx(1.0)


def test_triples_expand_over_actor_and_recipient_lists():
    assert triples([ev("ACCUSE", ["PRK"], ["KOR", "USA"])]) == {
        ("PRK", "KOR", "ACCUSE"), ("PRK", "USA", "ACCUSE")}
    assert triples([ev("THREATEN", ["CHN"])]) == {("CHN", None, "THREATEN")}
    assert triples([ev("REQUEST", [], ["IRN"])]) == set()


def test_triple_prf(scores):
    t = scores["triples"]
    assert (t["gold"], t["predicted"], t["tp"]) == (4, 4, 2)
    assert (t["precision"], t["recall"], t["f1"]) == pytest.approx((0.5, 0.5, 0.5))
    assert scores["triple_f1"] == pytest.approx(0.5)


def test_per_type_and_macro_f1(scores):
    per_type = scores["per_type"]
    assert list(per_type) == ["AGREE", "REQUEST", "ACCUSE", "THREATEN", "ASSAULT"]
    assert per_type["AGREE"]["f1"] == pytest.approx(1.0)
    accuse = per_type["ACCUSE"]
    assert (accuse["precision"], accuse["recall"], accuse["f1"]) == pytest.approx((0.5, 1, 2 / 3))
    assert per_type["THREATEN"]["type_accuracy"] is None  # never in gold
    assert per_type["ASSAULT"]["type_accuracy"] == 0.0
    assert scores["macro_f1"] == pytest.approx((1 + 2 / 3) / 5)


def test_confusion_matrix(scores):
    assert scores["confusion"] == {
        "AGREE": {"AGREE": 1}, "REQUEST": {NONE: 1},
        "ACCUSE": {"ACCUSE": 1}, "ASSAULT": {"ACCUSE": 1},
    }


def test_best_match_prefers_same_type_then_country_overlap():
    gold = ev("ASSAULT", ["ISR"], ["PSE"])
    same_type = ev("ASSAULT", ["USA"])
    overlapping = ev("ACCUSE", ["ISR"], ["PSE"])
    assert best_match(gold, [overlapping, same_type]) is same_type
    assert best_match(gold, [ev("AGREE"), overlapping]) is overlapping
    assert best_match(gold, []) is None


def test_aux_mode_accuracy(scores):
    assert scores["aux_mode_events"] == 1
    assert scores["aux_mode_accuracy"] == 1.0


def test_mode_accuracy_counts_only_events_predicted_with_their_type():
    gold = [GoldSentence("m1", "one", events=[GoldEvent("AID", {"USA"}, {"UKR"}, mode="military"),
                                              GoldEvent("ASSAULT", {"RUS"}, {"UKR"}, mode="aerial")]),
            GoldSentence("m2", "two", events=[GoldEvent("COOPERATE", {"MEX"}, {"USA"}, mode="legal")])]
    predicted = [[GoldEvent("AID", {"USA"}, {"UKR"}, mode="military"), GoldEvent("ASSAULT", {"RUS"}, {"UKR"})],
                 [GoldEvent("AGREE", {"MEX"}, {"USA"})]]  # no COOPERATE: a type miss, not a mode miss
    scored = score(gold, predicted)
    assert scored["mode_events"] == 2 and scored["mode_accuracy"] == pytest.approx(0.5)
    assert scored["per_type"]["AID"]["mode_accuracy"] == 1.0
    assert scored["per_type"]["ASSAULT"]["mode_accuracy"] == 0.0
    assert scored["per_type"]["COOPERATE"]["mode_accuracy"] is None
    assert "mode accuracy, same type (n=2)" in format_report(scored)


def test_no_predictions_scores_zero_not_error():
    empty = score(GOLD, [[], [], []])
    assert empty["type_accuracy"] == 0.0
    assert empty["triple_f1"] == 0.0 and empty["macro_f1"] == 0.0


def test_misaligned_predictions_rejected():
    with pytest.raises(ValueError):
        score(GOLD, [[]])


def test_scores_are_json_and_report_renders(scores):
    json.dumps(scores)
    report = format_report(scores)
    assert "type accuracy" in report and "ASSAULT" in report and NONE in report


def test_gate_floors_round_down_and_flag_regressions(scores):
    pinned = floors(scores)
    assert pinned["metrics"]["actor_country_accuracy"] == 0.666
    assert pinned["metrics"]["triple_f1"] == 0.5
    assert regressions(scores, pinned) == []
    raised = {"metrics": {"type_accuracy": 0.6}, "per_type_type_accuracy": {"AGREE": 1.0}}
    assert regressions(scores, raised) == ["metrics.type_accuracy: 0.5000 < floor 0.600"]


@pytest.mark.parametrize("event_type, aux_mode, plover_type", [
    ("CONSULT", "future", "AGREE"),        # "will visit": an intention to cooperate
    ("CONSULT", "hypothetical", "AGREE"),  # "would meet him if ..."
    ("SANCTION", "future", "THREATEN"),    # "will withdraw its inspectors": a threat
    ("PROTEST", "future", "THREATEN"),     # "would boycott all contact"
    ("ASSAULT", "hypothetical", "ASSAULT"),  # "tried to assassinate": a failed attempt is still an attack
    ("SANCTION", None, "SANCTION"),
    ("REJECT", "future", "REJECT"),
    ("AGREE", "negated", "REJECT"),        # "failed to reach agreement"
    ("CONCEDE", "negated", "REJECT"),      # "would not meet their demands"
    ("CONSULT", "negated", "CONSULT"),
])
def test_plover_coding_folds_aux_modes_into_categories(event_type, aux_mode, plover_type):
    from eventwire.ontology import plover_strict_type

    assert plover_strict_type(event_type, aux_mode) == plover_type


def test_cameo_root_triples_only_when_the_gold_is_cameo_coded():
    gold = [GoldSentence("s", "t", events=[
        GoldEvent("CONSULT", {"RUS"}, {"PRK"}, cameo_root="04"),
        GoldEvent("REQUEST", {"USA"}, {"IRN"}, cameo_root="02")])]
    predicted = [[GoldEvent("CONSULT", {"RUS"}, {"PRK"}, cameo_root="04"),
                  GoldEvent("REQUEST", {"USA"}, {"IRN"}, cameo_root="10")]]  # same PLOVER type, other root
    scores = score(gold, predicted)
    assert scores["triples"]["f1"] == 1.0
    assert (scores["cameo_triples"]["tp"], scores["cameo_triples"]["f1"]) == (1, 0.5)
    assert "CAMEO-root triples" in format_report(scores)
    plain = score([GoldSentence("s", "t", events=[GoldEvent("CONSULT", {"RUS"}, {"PRK"})])], [[]])
    assert plain["cameo_triples"] is None and "CAMEO-root" not in format_report(plain)
