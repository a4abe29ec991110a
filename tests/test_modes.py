"""Modes are read last: the modes stage sets PLOVER modes (and the CAMEO code that follows an aid
mode) from what each act gives, moves, asks or threatens, and changes nothing else."""

from __future__ import annotations

import pytest

from eventwire.model import Article
from eventwire.pipeline import Pipeline

SENTENCES = [
    ("Japan sent 40 tonnes of rice and medicine to flood victims in Pakistan on Monday.", "AID", "humanitarian"),
    ("China extended a $2 billion loan to Sri Lanka on Friday.", "AID", "economic"),
    ("Poland sent 14 tanks and artillery shells to Ukraine in February.", "AID", "military"),
    ("Mexico extradited a cartel leader to the United States on Thursday.", "COOPERATE", "legal"),
    ("Iran vowed harsh revenge against the United States on Friday.", "THREATEN", "violence"),
    ("Kenya deployed thousands of riot police across Nairobi on Tuesday.", "MOBILIZE", "police"),
    ("Israel massed tanks and artillery along the Gaza border on Thursday.", "MOBILIZE", "weapons"),
    ("Zelensky asked Western allies on Monday for more air defence systems.", "REQUEST", "assist"),
    ("The Security Council demanded the release of the hostages on Friday.", "REQUEST", "yield"),
    ("Blinken met Israeli Prime Minister Benjamin Netanyahu in Tel Aviv on Monday.", "CONSULT", "visit"),
    ("Honduran soldiers seized President Manuel Zelaya at his home on Sunday.", "COERCE", "arrest"),
    ("The Arab League suspended Syria's membership on Saturday.", "SANCTION", "expel"),
    ("Hezbollah guerrillas captured two Israeli soldiers in a cross-border raid on Wednesday.", "ASSAULT", "abduct"),
    ("Israeli forces killed a senior Hamas commander in Gaza on Tuesday.", "ASSAULT", "targeted"),
    ("Opposition leaders called on Serbian President Aleksandar Vucic to step down.", "REQUEST", "change"),
    ("Belarus deployed special police units to the centre of Minsk on Sunday.", "MOBILIZE", "police"),
    ("Putin and Erdogan met in Ankara on Tuesday to discuss the war in Syria.", "CONSULT", "visit"),
]


@pytest.fixture(scope="module")
def docs_with_and_without_modes(pipeline):
    assert pipeline.names[-1] == "modes", "modes are read after every other stage"
    articles = [Article.create(text, published="2020-06-01") for text, _, _ in SENTENCES]
    without = Pipeline(pipeline.stages[:-1])
    return list(pipeline.pipe(articles)), list(without.pipe(articles))


@pytest.mark.parametrize("index", range(len(SENTENCES)), ids=[f"{t}-{m}" for _, t, m in SENTENCES])
def test_mode_read_from_what_the_act_names(docs_with_and_without_modes, index):
    text, event_type, mode = SENTENCES[index]
    events = docs_with_and_without_modes[0][index].events()
    assert any(e.event_type == event_type and e.mode == mode for e in events), (
        text, [(e.event_type, e.mode) for e in events])


def test_modes_stage_changes_only_modes(docs_with_and_without_modes):
    def sides(doc):
        return [(e.event_type, sorted(a.key for a in e.actor), sorted(r.key for r in e.recipient), e.aux_mode)
                for e in doc.events()]

    with_modes, without_modes = docs_with_and_without_modes
    assert [sides(d) for d in with_modes] == [sides(d) for d in without_modes]
    changed = sum(a.mode != b.mode for x, y in zip(with_modes, without_modes) for a, b in zip(x.events(), y.events()))
    assert changed >= 8  # most of these modes are the last stage's reading
