"""PLOVER categories, quad classes, conflict-cooperation scores and CAMEO roots.

Scores come from the PLOVER manual's score table with the errata DESIGN.md settles:
plain ACCUSE is -3 (the table prints 3), SANCTION is quad class 4.
"""

from __future__ import annotations

import re

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

VERBAL_COOPERATION, MATERIAL_COOPERATION, VERBAL_CONFLICT, MATERIAL_CONFLICT = 1, 2, 3, 4

QUAD_CLASS = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation",
              3: "verbal conflict", 4: "material conflict"}

BASE_SCORE = {
    "AGREE": 2.5, "CONSULT": 2.5, "SUPPORT": 5.0, "CONCEDE": 4.5, "COOPERATE": 9.5,
    "AID": 10.0, "RETREAT": 6.5, "REQUEST": 0.0, "ACCUSE": -3.0, "REJECT": -2.0,
    "THREATEN": -3.5, "PROTEST": -5.0, "SANCTION": -6.0, "MOBILIZE": -5.5,
    "COERCE": -7.0, "ASSAULT": -9.0,
}

MODE_SCORE = {
    ("CONSULT", "visit"): 4.0, ("CONSULT", "third-party"): 1.0,
    ("CONSULT", "multilateral"): 4.0, ("CONSULT", "phone"): 1.5,
    ("RETREAT", "withdraw"): 8.0, ("RETREAT", "release"): 6.5, ("RETREAT", "disarm"): 10.0,
    ("RETREAT", "ceasefire"): 7.5, ("RETREAT", "access"): 6.5, ("RETREAT", "resign"): 4.5,
    ("REQUEST", "assist"): 0.5, ("REQUEST", "change"): -1.0, ("REQUEST", "yield"): -1.0,
    ("REQUEST", "meet"): 0.0,
    ("ACCUSE", "disapprove"): -2.0, ("ACCUSE", "investigate"): -3.5, ("ACCUSE", "allege"): -3.5,
    ("REJECT", "assist"): -1.5, ("REJECT", "change"): -2.0, ("REJECT", "yield"): -2.0,
    ("REJECT", "meet"): -2.0,
    ("THREATEN", "restrict"): -3.0, ("THREATEN", "arrest"): -3.5,
    ("THREATEN", "relations"): -3.5, ("THREATEN", "expel"): -3.5,
    ("THREATEN", "territory"): -4.0, ("THREATEN", "violence"): -3.5,
    ("PROTEST", "demo"): -5.0, ("PROTEST", "riot"): -7.0, ("PROTEST", "strike"): -5.0,
    ("PROTEST", "hunger"): -4.5, ("PROTEST", "boycott"): -4.5, ("PROTEST", "obstruct"): -4.5,
    ("SANCTION", "convict"): -6.0, ("SANCTION", "expel"): -5.5,
    ("SANCTION", "withdraw"): -6.0, ("SANCTION", "discontinue"): -6.0,
    ("MOBILIZE", "troops"): -6.5, ("MOBILIZE", "weapons"): -6.5,
    ("MOBILIZE", "police"): -5.5, ("MOBILIZE", "militia"): -6.0,
    ("COERCE", "seize"): -7.0, ("COERCE", "restrict"): -7.0, ("COERCE", "censor"): -6.5,
    ("COERCE", "curfew"): -6.5, ("COERCE", "martial-law"): -7.5, ("COERCE", "arrest"): -7.0,
    ("COERCE", "deport"): -7.0, ("COERCE", "withhold"): -7.0,
    ("COERCE", "misinformation"): -6.5, ("COERCE", "cyber"): -7.0,
    ("ASSAULT", "abduct"): -8.5, ("ASSAULT", "beat"): -7.5, ("ASSAULT", "torture"): -8.5,
    ("ASSAULT", "sexual"): -8.5, ("ASSAULT", "targeted"): -9.5, ("ASSAULT", "destroy"): -8.5,
    ("ASSAULT", "primitive"): -8.0, ("ASSAULT", "firearms"): -9.0,
    ("ASSAULT", "explosives"): -9.0, ("ASSAULT", "suicide-attack"): -9.5,
    ("ASSAULT", "aerial"): -9.5, ("ASSAULT", "drone"): -9.5,
    ("ASSAULT", "heavy-weapons"): -9.5, ("ASSAULT", "crowd-control"): -7.5,
    ("ASSAULT", "unconventional"): -10.0,
}

# The CAMEO root a PLOVER type falls back to when the lexicon gives no finer code.
DEFAULT_CAMEO = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "051", "CONCEDE": "080", "COOPERATE": "060",
    "AID": "070", "RETREAT": "084", "REQUEST": "100", "ACCUSE": "112", "REJECT": "120",
    "THREATEN": "130", "PROTEST": "140", "SANCTION": "160", "MOBILIZE": "150",
    "COERCE": "170", "ASSAULT": "180",
}

# The PLOVER type of a CAMEO code, by root, for gold data coded in CAMEO (GDELT, ICEWS,
# PETRARCH). Root 08 splits: returning, releasing, easing economic sanctions, letting observers
# in and de-escalating (084-087, and easing a curfew or emergency, 0813-0814) are RETREAT; the
# rest of "yield" is CONCEDE. Root 01 (public statements) has no PLOVER type.
CAMEO_ROOT_TYPES = {
    "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE",
    "07": "AID", "08": "CONCEDE", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT",
    "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE",
    "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}
CAMEO_RETREAT_PREFIXES = ("084", "085", "086", "087", "0813", "0814")
CAMEO_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")


def plover_type_of_cameo(code: str) -> str | None:
    """'0841' -> RETREAT, '112' -> ACCUSE; None for root 01 or a string that is no CAMEO code."""
    if not CAMEO_CODE.match(code):
        return None
    if code.startswith(CAMEO_RETREAT_PREFIXES):
        return "RETREAT"
    return CAMEO_ROOT_TYPES.get(code[:2])


# Labels of PLOVER 0.5 (the gold records in shared/data/plover) in current PLOVER terms.
LEGACY_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT",
                "INVESTIGATE": "ACCUSE"}


def quad_class(event_type: str) -> int:
    return QUAD_CLASS[event_type]


def score(event_type: str, mode: str | None) -> float:
    return MODE_SCORE.get((event_type, mode), BASE_SCORE[event_type])


def current_type(label: str) -> str:
    """Map an older PLOVER label to the current category (DEMAND -> REQUEST, ...)."""
    label = label.upper()
    return LEGACY_TYPES.get(label, label)


# PLOVER: "Cooperative actions of types CONSULT, SUPPORT, COOPERATE, and AID reported in
# future tense are also taken to imply intentions and should be coded as AGREE." The PLOVER GSR
# codes promised concessions the same way ("will allow the refugees to return", "will release the
# hostages"), though the manual's CONCEDE section would keep them CONCEDE; we follow the coded data.
INTENT_TYPES = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})
# And the mirror image: "THREATEN could be ASSAULT + hypothetical ... the coder should always
# return the single event category" -- an announced boycott, sanction or attack is a threat.
MENACE_TYPES = frozenset({"PROTEST", "SANCTION", "COERCE", "ASSAULT"})
# The PLOVER GSR codes a failure to agree or to yield ("failed to reach agreement", "would not meet
# their demands") as REJECT; eventwire keeps AGREE/CONCEDE + negated, the manual's auxiliary mode.
YIELD_TYPES = frozenset({"AGREE", "CONCEDE"})


def plover_strict_type(event_type: str, aux_mode: str | None) -> str:
    """The type a PLOVER coder that folds auxiliary modes into categories would give.

    eventwire keeps the action and marks it ``future`` (a planned visit stays CONSULT,
    which analysts query for); PLOVER-coded gold data calls the same statement AGREE, and
    a conditional offer ("would meet him if ...") too; an announced boycott THREATEN; a
    failure to agree REJECT.
    """
    if aux_mode in ("future", "hypothetical") and event_type in INTENT_TYPES:
        return "AGREE"
    if aux_mode == "future" and event_type in MENACE_TYPES:  # not a failed attempt (hypothetical)
        return "THREATEN"
    if aux_mode == "negated" and event_type in YIELD_TYPES:
        return "REJECT"
    return event_type
