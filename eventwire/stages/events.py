"""PLOVER events from predicate-argument frames over the dependency parse.

A trigger (verb or noun in the lexicon) becomes a frame when its actor resolves to a
coded entity. Arguments come from where they sit in the parse: subjects and passive
agents for actors; objects and "to / with / against / on" phrases for recipients;
possessives, "by / from" phrases and demonyms for nouns. Matrix verbs of control
("agreed to", "is expected to") set the type or the aux mode; reporting verbs make
their speaker ``claimed_by`` of what they report, denial verbs make theirs ``denied_by``.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, replace
from functools import cached_property

from ..actor_dictionary import load_actor_dictionary
from ..calibration import load_calibration
from ..gazetteer import COMPASS_DIRECTIONS, load_gazetteer
from ..lexicon import TriggerEntry, UsesLexicon
from ..model import Entity
from ..ontology import DEFAULT_CAMEO
from ..pipeline import Doc, Frame
from .actors import GOVERNMENT_NOUNS
from .coref import COUNTRY_NOUNS
from .places import CROWD_WORDS, DOMESTIC_TYPES, SEA_WORDS, WALKING_OUT_VERBS, home_recipient, targets_its_place
from .nlp import CLAIM_NOUNS, DRAWING_VERBS, POPULATION_NOUNS, REBUTTING_VERBS, SUMMING_NOUNS, WORKING_PEOPLE, named_things
from .arguments import (
    ACCUSING_VERBS,
    AREA_NOUNS,
    ATTACK_NOUNS,
    CASUALTY_VERBS,
    CLAUSAL_DEPS,
    HELP_NOUNS,
    HOLDING_NOUNS,
    INSURGENT_SECTORS,
    MISSION_NOUNS,
    LOCATIVE_PREPS,
    PLACE_HEADS,
    RECIPIENT_PREPS,
    STATEMENT_NOUNS,
    SUMMONING_VERBS,
    accused_noun,
    answered_parties,
    coded,
    conjuncts,
    dedupe_entities,
    dates_predicate,
    entities_at,
    inherited_subject,
    is_infinitive,
    leaders_of,
    passive_conjunct,
    prep_objects,
    raised_partners,
    noun_complement_owner,
    past_the_agent,
    speaker_entities,
    verb_arguments,
    with_conjuncts,
)

NOUN_RECIPIENT_PREPS = RECIPIENT_PREPS | {"of", "between", "over", "for"}
ACTOR_PREPS = frozenset({"by", "from"})
PLACE_PREPS = frozenset({"in", "at", "to", "into", "on", "near", "outside", "inside", "across", "around", "from"})
CONSUMING_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN"})
FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})
THREAT_TYPES = FORCE_TYPES | {"SANCTION"}
CONFLICT_INTENTS = THREAT_TYPES | {"PROTEST", "MOBILIZE"}
SITE_HEADS = frozenset("airport square palace hall stadium base port embassy hotel neighbourhood neighborhood suburb "
                       "market camp".split())
STATE_VERBS = frozenset({"be", "remain", "stay"})
# Going somewhere "on a visit" or "for talks": the traveller is the one who visits or talks.
TRAVEL_VERBS = frozenset({"arrive", "travel", "fly", "come", "go", "head", "return", "land", "leave", "set",
                          "jet", "rush", "hurry"})
ARRIVAL_VERBS = frozenset({"arrive", "land"})  # whose "in X" is where they went
INCURSION_VERBS = frozenset({"push", "sweep", "roll", "advance", "thrust", "drive", "storm", "surge", "smash", "punch"})
CONVOY_NOUNS = frozenset({"convoy", "column"})  # what arrives may be aid as well as forces
# Armour and ground forces: moving on their own, these are forces; as an object ("sent tanks to Kyiv") they may be aid
ARMOUR_NOUNS = frozenset({"tank", "infantry", "infantryman", "army", "armour", "armor"})
REACHING_VERBS = frozenset({"reach", "enter"})  # whose object is where they went
PUNISHING_TYPES = frozenset({"COERCE", "SANCTION", "ACCUSE"})
FORCE_WORDS = frozenset("force military attack strike invasion war retaliation intervention action".split())
OWNING_UP_VERBS = frozenset({"claim", "accept", "admit", "take", "bear", "acknowledge"})
APOLOGY_CAMEO = "055"
REDRESS_KEYS = frozenset({"pay compensation"})
SEPARATION_NOUNS = frozenset({"independence", "secession", "autonomy", "separation"})
SEEKING_WORDS = frozenset("demand call seek want push campaign referendum vote fight struggle".split())
SENT_FORCE_TYPES = frozenset({"MOBILIZE", "AID"})  # "the deployment of troops / of peacekeepers": they go
SITE_PREPS = frozenset({"outside", "at", "near", "before", "to"})
DE_ESCALATIONS = frozenset({"halt", "stop", "end", "terminate", "reduce", "suspend", "cut", "ease", "lift"})
ENDING_VERBS = DE_ESCALATIONS | {"cancel", "scrap", "abandon", "postpone", "withdraw", "relax", "pause", "drop"}
# Stopping others' protest is coercion ("police dispersed the rally", "prevented the march").
SUPPRESSING_VERBS = frozenset({"prevent", "disperse", "break", "ban", "block", "thwart", "foil", "crush", "suppress",
                               "quell", "forbid", "outlaw"})
# what puts a restriction in place: "a curfew imposed after the coup", "martial law, declared on Tuesday"
IMPOSING_VERBS = frozenset({"impose", "declare", "introduce", "enforce", "reimpose"})


def _marked_as_opposed(thing) -> bool:
    """'anti-government slogans', 'slogans against the war'."""
    return any(t.lower_.startswith("anti") for t in thing.subtree if t.i < thing.i) or any(
        c.dep_ == "prep" and c.lower_ == "against" for c in thing.children)


def _judged(verb) -> bool:
    """'a curfew that a court had declared illegal': declared to be something, not put in place."""
    return any(c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") for c in verb.children)


def _long_ago(verb) -> bool:
    """'the ban on Georgian wine imposed in 2006': an imposing dated to a year is background, not news."""
    return any(t.ent_type_ == "DATE" and t.like_num and len(t.text) == 4 for c in verb.children if c.dep_ == "prep"
               for t in c.subtree)


# what undoes the thing its "of" phrase names: "the final defeat of terrorism", "the end of the occupation"
ENDING_NOUNS = frozenset({"defeat", "end", "victory", "liberation", "collapse", "fall", "demise", "withdrawal"})
# what a noun names that has not happened: "a possible invasion", "a potential attack"
UNREALISED_WORDS = frozenset({"possible", "potential", "feared", "eventual", "hypothetical", "threatened"})
# what one does with a telephone call: "held a call on climate change", "took a call from Netanyahu"
PHONING_VERBS = frozenset({"hold", "take", "receive", "have", "make", "end", "place", "return"})
# what undoes a measure: "approved the lifting of sanctions", "sanctions relief"
UNDOING_NOUNS = frozenset({"lifting", "easing", "suspension", "waiver", "relief", "end", "removal", "lift", "repeal"})
# teams that relief words make relief workers: "a medical team", "rescue workers", not "its health minister"
RELIEF_TEAMS = frozenset({"team", "brigade", "unit", "staff", "contingent", "corps", "worker", "personnel", "squad", "crew"})
RELIEF_WORDS = frozenset({"rescue", "relief", "medical", "health", "humanitarian", "search"})
# ties a sanction breaks off: "suspended peace talks", "suspended its cooperation with NATO"
BREAKABLE_TIES = frozenset({"CONSULT", "COOPERATE"})
# what a share of a thing is told by: "lifted most of its sanctions"
SHARE_WORDS = frozenset({"most", "some", "all", "many", "much", "part", "half", "rest", "remainder", "bulk", "several"})


def _relative_of_thing(clause) -> bool:
    """'a resolution that demanded ...': a relative clause whose subject is the thing itself."""
    return clause.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in clause.children)


def _rejected_proposal_described(participle, matrix: dict):
    """The rejected thing a participle describes: "vetoed a resolution calling for ...", also hung
    on the verb past a date ("vetoed a resolution on Thursday calling for ..."), not after a comma
    ("vetoed the resolution, calling it biased" is the vetoer's own act)."""
    if participle.dep_ in ("acl", "relcl") and participle.head.dep_ == "dobj":
        proposal = participle.head  # also "vetoed a resolution that demanded an end to air strikes"
    elif participle.dep_ == "advcl" and participle.i > 0 and not participle.doc[participle.i - 1].is_punct:
        proposal = next((c for c in participle.head.children if c.dep_ == "dobj" and c.i < participle.i), None)
    else:
        return None
    if proposal is None or proposal.head.i not in matrix or matrix[proposal.head.i].entry.event_type != "REJECT":
        return None
    return proposal


def _object_of(noun):
    """The verb a noun is the object of, also as a share of it: 'lifted most of its trade sanctions'."""
    if noun.dep_ == "dobj":
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "dobj" and (
            noun.head.head.lemma_.lower() in SHARE_WORDS):
        return noun.head.head.head
    return None


# Ending a protest that was under way: the protest took place ("police broke up the rally").
DISPERSING_VERBS = frozenset({"disperse", "break", "crush", "suppress", "quell", "drive"})
# What ending each kind of action is (type, mode, CAMEO): PLOVER CONCEDE covers "removing curfews,
# suspending protests"; RETREAT material de-escalation (CAMEO 085 ease sanctions, 087 de-escalate).
ENDINGS = {"PROTEST": ("CONCEDE", None, "080"), "COERCE": ("CONCEDE", None, "081"),
           "ASSAULT": ("RETREAT", "ceasefire", "087"), "MOBILIZE": ("RETREAT", None, "0873"),
           "SANCTION": ("RETREAT", "ease", "085"), "REJECT": ("CONCEDE", None, "080")}  # "lifted its veto"
DECLARING_VERBS = frozenset({"declare", "announce", "propose", "offer", "call", "order"})
# "will not accept any more refugees", "would not meet their demands": a cooperative act the actor
# says it will not do is a refusal (PLOVER REJECT), unlike one that simply did not happen.
RECOGNISING_VERBS = frozenset({"recognise", "recognize", "accept"})
REFUSABLE_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})
WILL_MODALS = frozenset({"will", "would", "wo", "'ll", "'d"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
LOCATIVE_ADVERBS = frozenset({"outside", "inside", "near", "around", "opposite", "beside"})
STATE_KINDS = frozenset({"country", "capital", "seat"})
ONWARD_PARTICLES = frozenset({"ahead", "forward", "onward", "onwards"})
UNHEEDED_TYPES = frozenset({"REQUEST", "THREATEN", "ACCUSE", "PROTEST"})
AGREEING_VERBS = frozenset({"reach", "agree", "accept", "conclude", "finalize", "finalise", "seal", "broker", "strike"})
FINALIZING_VERBS = frozenset({"conclude", "finalize", "finalise", "seal"})  # PLOVER: finalizing a treaty is SUPPORT
OBJECT_PREPS = frozenset({"on", "into", "at", "for", "of", "to", "with", "against", "from", "in"})
CIVILIAN_SECTORS = frozenset({"CVL", "OPP", "LAB", "EDU", "PTY", "AGR"})
# nouns whose "of" names what they are about, not what they measure out: "the prospect of tariffs", "the names of passengers"
TOPIC_HEADS = frozenset({"prospect", "possibility", "question", "issue", "spectre", "specter", "idea", "risk", "threat",
                         "name", "detail", "identity", "photo", "picture"})
# words that measure out a cargo, through which its "of" phrases are followed further
QUANTITY_WORDS = frozenset({"first", "rest", "batch", "tonne", "ton", "part", "portion", "load", "lot", "half", "bulk",
                            "hundred", "thousand", "million", "dozen", "shipment", "consignment", "tranche", "dose"})
BURDENING_VERBS = frozenset({"hit", "slap", "punish", "saddle", "target"})  # "was hit with sanctions"
COUNTING_WORDS = frozenset({"dozen", "score", "hundred", "thousand", "handful", "number"})  # "carried out dozens of air strikes"
PERSON_CLASSES = frozenset({"people", "envoy", "guest", "hosted", "crowd"})
TEMPORAL_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
BORDER_WORDS = frozenset({"border", "frontier", "boundary"})
WHERE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout", "of"})
# What only a state does to people: arrests, charges, sentences, deportations.
STATE_ACTS = frozenset("arrest detain jail imprison deport sentence convict indict charge execute".split())
STATE_ACT_NOUNS = frozenset("arrest investigation detention custody trial surveillance".split())
# what condemns or protests a state's act: "condemned the detention of six reporters"
DEPLORING_VERBS = frozenset("condemn denounce criticise criticize decry deplore protest slam".split())
GROUND_WEAPON_MODES = ("explosives", "firearms")
STANDOFF_MODES = frozenset({"aerial", "drone", "heavy-weapons"})
# Nouns that measure out an event: "ten days of war games", "a new round of talks".
SPAN_NOUNS = frozenset({"day", "week", "month", "hour", "round", "series", "wave", "spate", "string",
                        "letter", "example", "case"})  # "signed a letter of resignation", "a textbook example of ethnic cleansing"
# What a protest shows towards its target: "in defiance of", "their disapproval for".
STANCE_NOUNS = frozenset({"defiance", "disapproval", "opposition", "anger", "outrage", "protest", "rejection",
                          "demonstration", "rally"})  # "threw stones during demonstrations against the army"
STANCE_PREPS = frozenset({"of", "for", "at", "against", "over", "to"})
TARGET_PREPS = frozenset({"at", "on", "against", "into", "toward", "towards"})
READYING_VERBS = frozenset({"prepare", "poise", "gear"})
BORDER_TYPES = frozenset({"MOBILIZE", "ASSAULT", "THREATEN"})
BODIES_AND_AGREEMENTS = frozenset("""treaty agreement accord pact deal convention protocol organisation organization
    alliance bloc union court council body mission talks negotiation initiative coalition framework""".split())
THIRD_PARTY_CONSULTS = frozenset({"mediate"})
PHONE_WORDS = frozenset({"phone", "telephone", "video", "videoconference", "call"})
AUX_PRIORITY = ("negated", "hypothetical", "future")
EVIDENCE_DEPS = frozenset({"dobj", "dative", "attr", "oprd", "prt", "prep", "agent", "acomp", "neg"})


@dataclass
class _Trigger:
    token: object
    entry: TriggerEntry
    nominal: bool
    light_verb: object | None = None
    learned: tuple[str, float] | None = None  # the phrase the learned typer read, and its probability


class EventsStage(UsesLexicon):
    name = "events"
    requires = ("mentions", "coref")
    assigns = ("frames",)

    def __init__(self, lexicon=None, learned_triggers: bool = False, learned_threshold: float | None = None):
        super().__init__(lexicon)
        # Verbs outside the lexicon typed by the typer: off by default, since on our labelled
        # sentences it added no correct event at any threshold and costs a phrase per verb.
        self.learned_triggers = learned_triggers
        self.learned_threshold = learned_threshold  # None: the threshold training chose

    def __call__(self, doc: Doc) -> Doc:
        triggers = [t for t in (self._trigger_at(tok) for tok in doc.spacy) if t is not None]
        triggers = _without_strike_sendings(triggers)
        if self.learned_triggers:
            triggers += self._learned_triggers(doc, triggers)
        consumed = self._consumed(doc, triggers)
        frames: list[Frame] = []
        for trigger in triggers:
            if trigger.token.i in consumed or _not_told_as_happening(trigger):
                continue
            frame = self._frame(doc, trigger, triggers)
            if frame is None:
                continue
            self._refine_type(doc, frame, trigger)
            if frame.event_type == "ASSAULT" and frame.lemma == "crush" and not any(coded(e) for e in frame.recipient) and (
                    len(own := _countries(frame.actor)) == 1):
                frame.recipient = [home_recipient(trigger.token, next(iter(own)), "ASSAULT")]  # "crushed the northern uprising"
            if frame.event_type == "ASSAULT" and (housed := _forces_housed_at_target(doc, trigger.token, frame)):
                frame.recipient = dedupe_entities(frame.recipient + housed)  # "air bases housing U.S. troops"
            if (rescued := _rescued(doc, frame)) is not None:
                # PLOVER: a hostage rescue is AID ("French special forces freed two tourists held by jihadists")
                frame.event_type, frame.mode, frame.cameo_code, frame.recipient = "AID", None, "073", rescued
            if frame.event_type == "MOBILIZE" and not trigger.nominal and _sent_for_relief(trigger.token):
                # "ordered an aircraft carrier and 2,000 Marines to Haiti to help survivors of the earthquake": aid
                frame.event_type, frame.mode, frame.cameo_code = "AID", "humanitarian", "073"
            if frame.event_type == "PROTEST":  # after the civilian reading of "blocked"; what it defies comes first
                frame.recipient = _protesters_addressee(doc, trigger.token) or self._stance_target(
                    doc, trigger.token, frame.actor) or _broken_away_from(
                    doc, trigger.token, frame.actor) or _protested_owners(doc, trigger.token, frame.actor) or frame.recipient
            embedded = [t for t in triggers if consumed.get(t.token.i) is trigger]
            if frame.mode is None:
                frame.mode = self._embedded_mode(trigger, embedded or self._object_entries(trigger.token))
            for inner in embedded:
                frame.context = frame.context or list(inner.entry.context)
            if frame.event_type == "REQUEST" and not _addressee_named(doc, trigger.token) and (
                    asked := self._asked_to_act(doc, frame, embedded, triggers) or (
                        [] if frame.recipient else _sides_asked(doc, trigger.token, frame))):
                frame.recipient = asked  # "appealed to the Security Council for a truce": the council stays
            parties, home = [], []
            if not frame.recipient and frame.event_type in CONSUMING_TYPES:
                content = embedded or self._object_entries(trigger.token)  # "threatened to institute a curfew"
                parties, home = [], []
                for inner in content:  # "to send material to help defend Saudi Arabia": the purpose names them
                    parties, found_home = self._embedded_recipient(doc, frame, inner, triggers)
                    home = home or found_home
                    if parties:
                        break
                frame.recipient = parties if embedded else []
            if not frame.recipient and frame.event_type == "MOBILIZE" and not trigger.nominal:
                deterred = entities_at(doc, _deterred(trigger.token))
                frame.recipient = [e for e in deterred if e.country not in _countries(frame.actor)]
            if not frame.recipient and frame.event_type in CONSUMING_TYPES and not trigger.nominal:
                frame.recipient = _permitted(doc, trigger.token, frame.actor)
            if not frame.recipient and frame.event_type == "AGREE" and not trigger.nominal:
                # "offered to enrich uranium for Iran": whom the promised act is for or with
                acts = [c for c in trigger.token.children if _is_infinitive_complement(c)]
                promised_acts = acts + [o for a in acts for o in a.children if o.dep_ == "dobj"]
                frame.recipient = _other_parties(doc, prep_objects(  # "to build a power plant for Egypt", "to mediate between"
                    promised_acts, ("for", "with", "between")), frame.actor) or _other_parties(doc, [  # "to lead a police force in Haiti"
                        p for p in prep_objects(promised_acts, ("to", "in", "into")) if p.ent_type_ == "GPE"], frame.actor)
                if not frame.recipient:  # "pledged that allies would deliver more air defence systems to Ukraine"
                    promised = [c for c in trigger.token.children if c.dep_ == "ccomp"]
                    frame.recipient = _other_parties(doc, [r for c in promised for r in verb_arguments(c)[1]], frame.actor) or (
                        _subjects_of_content(doc, trigger.token, frame.actor) if any(  # "promised that both countries would join"
                            _told_as_unrealised(c) for c in promised) else [])
            if not frame.recipient and frame.event_type == "THREATEN":
                frame.recipient = self._condition_parties(doc, frame, trigger.token) or _threatened_against(
                    doc, trigger.token, frame.actor) or _aimed_at_by_purpose(doc, trigger, frame.actor)
            if not frame.recipient and trigger.nominal and frame.event_type == "THREATEN":
                frame.recipient = _drawn_from(doc, trigger.token, frame, frames)  # "drawing a warning of sanctions from X"
            if trigger.entry is REPRISAL_PROMISE:  # "said Israel would pay a price for the raid": whoever is to pay
                frame.recipient = _subjects_of_content(doc, trigger.token, frame.actor) or frame.recipient
                home = [] if frame.recipient else home
            frame.recipient = frame.recipient or parties or home  # a condition's parties come before home
            if not frame.recipient and frame.event_type in ("ACCUSE", "THREATEN") and not trigger.nominal:
                # "complained that Egyptian police had beaten ...", "warned that any ship linked to Israel would be a target"
                frame.recipient = _subjects_of_content(doc, trigger.token, frame.actor)
            if not frame.recipient and not trigger.nominal and frame.event_type in ("ACCUSE", "REQUEST"):
                frame.recipient = self._deed_placed(doc, trigger.token, frame)  # "condemned the arrests in Belarus"
            if not frame.recipient and not trigger.nominal and (frame.event_type in TOLD_EVENT_STANCES or (
                    frame.event_type == "THREATEN" and (_retaliation(trigger.token) or _warned_of_reprisal(trigger.token)))
                    or trigger.entry.key == "return fire"
                    or trigger.token.lemma_.lower() in RETALIATION_VERBS):  # "Moscow said it would retaliate"
                frame.recipient = _doers_of_told_event(doc, trigger.token, frame, frames)
            elif not frame.recipient and trigger.light_verb is not None and frame.event_type in TOLD_EVENT_STANCES and (
                    trigger.light_verb.dep_ != "acl") and trigger.light_verb.head.i != trigger.token.i:  # not "the deal Iran signed"
                # "hailed the peace accord signed by Bogota and the FARC": theirs
                frame.recipient = _doers_of_told_event(doc, trigger.light_verb, frame, frames) or (  # "lodged a protest"
                    _drawn_from(doc, trigger.token, frame, frames))  # "a ruling that drew condemnation"
            elif not frame.recipient and trigger.nominal and frame.event_type in TOLD_EVENT_STANCES | {"THREATEN", "SANCTION"}:
                frame.recipient = _drawn_from(doc, trigger.token, frame, frames)  # "..., drawing sharp criticism from X"
            if not frame.recipient and not trigger.nominal and frame.event_type in TOLD_EVENT_STANCES | {"THREATEN"}:
                frame.recipient = _prompted_by(doc, trigger.token, frame, frames)  # "..., prompting North Korea to warn"
            if not frame.recipient and trigger.entry is CHARACTERIZATION:
                frame.recipient = _cited_against(doc, trigger.token, frame, frames)
            if not frame.recipient and not trigger.nominal and trigger.token.lemma_.lower() in INTERCEPTING_VERBS:
                frame.recipient = _prompted_by(doc, trigger.token, frame, frames) or _intruders(doc, trigger.token, frame)
            if not frame.recipient and not trigger.nominal:
                frame.recipient = self._host_of_mission(doc, trigger.token, frame.actor)  # "reopened its embassy in Damascus"
            if not frame.recipient and frame.event_type == "MOBILIZE":
                frame.recipient = _shown_to(doc, trigger.token, frame)  # "..., in a show of force aimed at Iran"
            if not frame.recipient and frame.event_type == "AID" and not trigger.nominal:
                frame.recipient = _where_beneficiaries_are(doc, trigger.token, frame.actor) or (  # "to flood victims in Bangladesh"
                    _other_parties(doc, prep_objects(_objects(trigger.token), ("for", "to")) + [  # "$1.5 billion in financing for Egypt"
                        g for c in trigger.token.children if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                        for g in c.children if g.dep_ == "nsubj"], frame.actor)) or (  # "... for Egypt to support reforms"
                    _places_aided(doc, trigger.token, frame.actor))
            if not frame.recipient and frame.event_type in ("RETREAT", "CONCEDE") and not trigger.nominal:
                frame.recipient = _imposed_on(doc, trigger.token, frame.actor)
            if not frame.recipient and frame.mode == "release" and not trigger.nominal and len(_countries(frame.actor)) == 1 and any(
                    o.dep_ == "dobj" and any(t.lemma_.lower() in SEIZED_AT_HOME for t in o.subtree)
                    for o in _objects(trigger.token)):
                # "gunmen in Kaduna state released 137 pupils": people seized at home are of the country it happens
                # in; hostages and prisoners may be anyone's
                frame.recipient = [home_recipient(trigger.token, next(iter(_countries(frame.actor))), frame.event_type)]
            if trigger.entry.mode == "ceasefire" and not frame.recipient:
                frame.recipient = _other_side(doc, trigger.token, frame.actor)
            if trigger.nominal and frame.event_type in UNHEEDED_TYPES and (defiant := _unheeding(doc, trigger.token, frame.actor)):
                frame.recipient = defiant
            if trigger.nominal and trigger.light_verb is None and self._merge_into_antecedent(doc, frame, frames):
                continue
            if not frame.actor and frame.event_type == "PROTEST" and trigger.nominal:
                frame.actor = self._protesters_of(doc, trigger.token)  # "street protests in several cities"
            if not frame.actor and trigger.nominal and trigger.entry.key in COMBAT_NOUNS and trigger.token.dep_ == "nsubj":
                # "fighting continued in Khartoum": unnamed combatants of where it goes on
                frame.actor = _unnamed_party(doc, trigger.token, "combatants", None, any_country=False, where=prep_objects(
                    [trigger.token, trigger.token.head], LOCATIVE_PREPS))
            if frame.event_type == "ACCUSE" and not trigger.nominal and _held_to_blame(trigger.token) and (
                    speakers := [e for e in frame.claimed_by if coded(e)]):
                # "May said Russia was highly likely to blame for the poisoning": the speaker blames the subject
                frame.actor, frame.recipient, frame.claimed_by = speakers, [e for e in frame.actor if coded(e)], []
            if _forces_massing(frame, trigger):  # "three U.S. warships gathered off the coast of Monrovia"
                frame.event_type, frame.mode, frame.cameo_code = "MOBILIZE", "troops", "154"
            if frame.actor and not self._protest_topic(trigger, triggers) and not _moved_without_visiting(frame, trigger) and (
                    not _march_not_protest(doc, frame, trigger)) and (
                    not _left_home(frame, trigger)):
                frames.append(frame)
        frames = _without_restatements(doc, frames)
        frames = [f for f in frames if not _site_visit(doc, f) and not _fighting_summed_up(doc, f, frames)
                  and not _attack_named_again(doc, f, frames) and not _cooperation_summed_up(doc, f, frames)]
        frames = [f for f in frames if not _meeting_told_twice(doc, f, frames) and not _exile_arrival(doc, f, frames)
                  and not _guest_visit_told_otherwise(f, frames)]
        frames = [f for f in frames if not _in_condition_of_coded_event(doc, f, frames) and not self._blames_itself(doc, f)]
        self._link_denials(doc, frames)
        frames += [_accusation_behind(f, charge) for f in frames if f.event_type == "COERCE" and f.mode == "arrest"
                   and (charge := self._charge_of(doc.spacy[f.trigger])) is not None]
        frames += [_arrest_threatened(f) for f in frames if _warrant_issued(doc, f)]
        frames += [_accusation_told(f, charge) for f in frames
                   if (charge := _charge_naming(doc, f, self.lexicon.denial_verbs)) is not None]
        frames += [_release_in_exchange(doc, f, swapped) for f in frames if f.event_type == "RETREAT" and f.mode == "release"
                   and (swapped := _exchanged_for(doc, f))]
        frames += [_owned_up(f, admitter) for f in frames if f.event_type in FORCE_TYPES and not f.aux_mode
                   and (admitter := _admitter_of(doc, f)) is not None]
        frames += [_imprisonment_behind(f, term) for f in frames if f.event_type == "SANCTION" and f.mode == "convict"
                   and (term := _prison_term(doc.spacy[f.trigger])) is not None]
        frames += [_protest_dispersed(doc, f) for f in frames if _disperses_protesters(doc, f, frames)]
        frames += [_conviction_behind(f, term) for f in frames if f.event_type == "COERCE" and f.mode == "arrest"
                   and (term := _jail_term(doc.spacy[f.trigger])) is not None]
        frames += [_cooperation_behind(f) for f in frames if f.event_type in FORCE_TYPES and len(_countries(f.actor)) > 1
                   and _done_jointly(doc.spacy[f.trigger])]
        frames += _guest_visits(doc, frames)
        frames += _brokered_talks(doc, frames)
        frames += _told_in_person(doc, frames)
        for frame in frames:
            if frame.event_type == "AGREE" and len({e.key for e in frame.actor if coded(e)}) > 1:
                # "Russia and Turkey agreed a ceasefire in Idlib": both sides agree, no one is its target; but
                # "agreed to return their ambassadors to Qatar" is pointed at Qatar
                frame.recipient = [e for e in frame.recipient if _pointed_at(doc, e)]
            elif frame.event_type == "AGREE" and not any(coded(e) for e in frame.recipient) and (
                    partner := _conjoined_acts_recipient(doc, frame, frames)):
                frame.recipient = partner  # "apologised to South Korea and agreed to put 1 billion yen into a fund"
        for frame in frames:
            if _sent_at_own_request(doc, frame):  # "deployed troops at the request of U.S. Central Command"
                frame.event_type, frame.mode, frame.cameo_code = "MOBILIZE", "troops", "154"
        frames += [asked for f in frames if (asked := _request_behind(doc, f, frames)) is not None]
        frames += _suit_followed(doc, frames)
        for frame in frames:
            if frame.event_type == "REQUEST" and (captors := _captors_of_those_asked_freed(doc, frame, frames)):
                frame.recipient = captors  # "demanded the release of its reporter, who was detained by Russia's FSB"
        for frame in frames:
            if frame.event_type in FORCE_TYPES and not any(coded(e) for e in frame.recipient) and (
                    apology := _apology_for(doc, frame, frames)) is not None:
                # "asked for forgiveness in Tanzania for the killing of tens of thousands of people by colonial
                # troops": those the wrong harmed are those the apology is made to
                frame.recipient = [e for e in apology.recipient if coded(e) and e.country not in _countries(frame.actor)] or (
                    frame.recipient)
            elif frame.cameo_code == APOLOGY_CAMEO and not any(coded(e) for e in frame.recipient):
                # "apologised for the downing of a Russian jet by Turkish forces": made to those the wrong harmed
                frame.recipient = next((harmed for f in frames if f.event_type in FORCE_TYPES and _apology_for(doc, f, frames) is frame
                                        and (harmed := [e for e in f.recipient if coded(e) and e.country not in _countries(frame.actor)])),
                                       None) or _wronged(doc, frame) or frame.recipient
        for frame in frames:
            if frame.event_type == "REJECT" and frame.mode == "meet" and not any(coded(e) for e in frame.recipient):
                # "would not attend a South Asian summit in Islamabad", "boycotted the Arab summit in Damascus": its host
                frame.recipient = _meeting_hosts(doc, frame) or frame.recipient
            if frame.event_type in JOINT_ACTS and len(_countries(frame.actor)) > 1:
                # "Thailand and Cambodia agreed to a ceasefire in Kuala Lumpur": a third country's capital
                # where two sides act together is where they met, not a party
                frame.recipient = [e for e in frame.recipient if e.country in _countries(frame.actor) or not _host_capital(doc, e)]
        frames += [imposed for f in frames if f.event_type == "CONCEDE" and (imposed := self._imposition_behind(doc, f))]
        frames += [tip for f in frames if f.event_type == "COERCE" and f.mode == "arrest" and (tip := _tip_off_behind(doc, f))]
        for frame in frames:
            if frame.event_type == "MOBILIZE" and not frame.recipient and not frame.place_tokens:
                # "called up 300,000 reservists and is massing forces along the Gaza border": one build-up;
                # "put its troops on a war footing and gave Seoul 48 hours to halt ...": forces readied at whom it threatens
                twin = next((f for f in frames if f is not frame and f.sentence == frame.sentence and f.recipient and (
                    f.event_type == "MOBILIZE" or (f.event_type == "THREATEN" and frame.mode != "weapons" and any(
                        coded(e) and e.country not in _countries(f.actor) for e in f.recipient)))
                             and _countries(f.actor) == _countries(frame.actor)), None)
                if twin is not None:
                    frame.recipient = list(twin.recipient)
            if frame.lemma == CHARACTERIZATION.key and not any(coded(e) for e in frame.recipient):
                # "called the Israeli air raid on Beirut an act of war": the doers of the deed it labels
                labelled = {o.i for o in doc.spacy[frame.trigger].children if o.dep_ in ("dobj", "oprd")}
                frame.recipient = next(([e for e in f.actor if coded(e) and e.country not in _countries(frame.actor)]
                                        for f in frames if f is not frame and f.trigger in labelled), []) or frame.recipient
            if frame.event_type in PARTNERED_TYPES and not frame.recipient:
                # "responded by breaking off diplomatic relations and giving U.S. diplomats 72 hours to leave",
                # "demanded that Washington scrap the sale and said it had lodged stern representations"
                frame.recipient = _partner_of_coordinated_act(doc, frame, frames) or frame.recipient
            if frame.event_type == "ASSAULT" and not any(coded(e) for e in frame.recipient):
                # "has massed 100,000 troops near Ukraine's borders and could launch an attack": at whom they mass
                frame.recipient = _build_up_target(doc, frame, frames) or frame.recipient
            claimants = _countries(frame.claimed_by)
            if frame.event_type == "ASSAULT" and not any(coded(e) for e in frame.recipient) and len(claimants) == 1 and (
                    not claimants & _countries(frame.actor)) and not frame.reciprocal and not frame.place_tokens and all(
                    e.sector in (None, "GOV") for e in frame.claimed_by):
                # "Zelenskiy said Russian missile attacks had killed 11 civilians", "Mali accused France of
                # killing civilians": the people an accuser says another state harmed are the accuser's own,
                # unless the attack's own words name whose ("attacks that knocked out Saudi Arabia's oil output")
                frame.recipient = _harmed_country_told(doc, frame) or [
                    home_recipient(doc.spacy[frame.trigger], next(iter(claimants)), frame.event_type)]
            if frame.event_type == "MOBILIZE" and not any(coded(e) for e in frame.recipient) and len(claimants) == 1 and (
                    not claimants & _countries(frame.actor)) and _at_a_border(doc.spacy[frame.trigger]) and (
                    _told_as_accused(doc.spacy[frame.trigger])):
                # "Guyana accused Venezuela of massing troops near the border": a build-up against the accuser
                frame.recipient = [home_recipient(doc.spacy[frame.trigger], next(iter(claimants)), frame.event_type)]
            if frame.event_type == "THREATEN" and (not any(e.country not in _countries(frame.actor) for e in frame.recipient)
                                                   or _named_only_in_answered_act(doc, frame, frames)):
                # "threatened to close the strait in response to U.S. strikes": a threat answering an act is aimed at its
                # doers, not at the place that act happened ("the killing of its general by Israel in Syria")
                frame.recipient = _doers_answered(doc, frame, frames) or frame.recipient
            if frame.event_type == "SANCTION" and doc.spacy[frame.trigger].lemma_.lower() == "recall" and not any(
                    coded(e) and e.country not in _countries(frame.actor) for e in frame.recipient):
                # "Georgian police arrested four Russian officers, and Moscow recalled its ambassador": from the other side
                frame.recipient = _sole_other_country(doc, frame) or frame.recipient
            if frame.event_type == "AID" and frame.cameo_code == "074" and doc.spacy[frame.trigger].lemma_.lower() in (
                    ARRIVAL_VERBS) and not any(coded(e) for e in frame.recipient):
                # "Kazakh forces opened fire on rioters in Almaty, as the first CSTO troops landed to help restore order"
                frame.recipient = _sole_other_country(doc, frame, PLACE_KINDS) or frame.recipient
            if frame.event_type == "SANCTION" and doc.spacy[frame.trigger].lemma_.lower() == "recall" and any(
                    coded(e) and e.country not in _countries(frame.actor) for e in frame.recipient):
                # "Bamako recalled its ambassador over Algeria's downing of a Malian drone": from the other side only
                frame.recipient = [e for e in frame.recipient if e.country not in _countries(frame.actor)]
            if frame.event_type == "REQUEST" and frame.nominal and not any(coded(e) for e in frame.recipient):
                # "deployed troops to the Solomon Islands, following a request from its prime minister": asked of whoever answered
                frame.recipient = _answerers_of_plea(doc, frame, frames) or frame.recipient
            if frame.event_type == "REJECT" and not frame.nominal and (drafters := _drafters(doc, doc.spacy[frame.trigger])):
                # "vetoed a French-drafted resolution": the side rejected is whoever drafted it, not the council
                frame.recipient = [e for e in drafters if e.country not in _countries(frame.actor)] or frame.recipient
            if frame.event_type == "REJECT" and not frame.nominal and not any(coded(e) for e in frame.recipient):
                # "rejected as absurd British accusations that ...": a rejected charge answers its accusers
                frame.recipient = _accusers_answered(doc, frame, frames) or frame.recipient
            if len(_countries(frame.actor)) > 1 and frame.event_type in JOINT_ACTS:
                # "the two leaders signed 27 agreements": neither signatory is the other's target
                frame.recipient = [e for e in frame.recipient if e.country not in _countries(frame.actor)]
            if frame.event_type == "CONSULT" and any(e.country and e.country not in _countries(frame.actor)
                                                     for e in frame.recipient):
                # "met Blinken ..., and the two discussed": the side met is the other one, not one's own
                # ("..., the first visit by the alliance's chief": nor the visitor's own body)
                actor_names, by_body = {e.name for e in frame.actor}, any(e.sector == "IGO" for e in frame.actor)
                frame.recipient = [e for e in frame.recipient if e.country not in _countries(frame.actor) and not (
                    e.country is None and (e.name in actor_names or (by_body and e.sector == "IGO")))]
            if frame.event_type == "REJECT" and (not any(coded(e) for e in frame.recipient) and (
                    doc.spacy[frame.trigger].lemma_.lower() in self.lexicon.characterizing_verbs) or not any(
                    coded(e) and e.country not in _countries(frame.actor) for e in frame.recipient) and any(
                    o.lemma_.lower() in CLAIM_NOUNS | {"protest"} for o in named_things(doc.spacy[frame.trigger]))):
                # "..., accusing Doha of supporting terrorism, a charge the Qatari Foreign Ministry called
                # baseless": a claim called false answers whoever made it
                frame.recipient = self._claimants(doc, frame, frames) or frame.recipient
            if frame.event_type == "THREATEN" and not any(coded(e) for e in frame.recipient):
                # "the EU imposed an embargo ..., and Iranian lawmakers responded by threatening to halt
                # shipments": a threat with no one named answers whoever acted against the threatener
                frame.recipient = _acted_against(frame, frames) or frame.recipient
            if frame.event_type == "SANCTION" and frame.mode != "convict" and not frame.recipient and not any(
                    t.lower_ in ABROAD_WORDS for t in doc.spacy[frame.trigger].subtree):  # not "expelling foreign aid agencies"
                # "fired a missile over Japan, prompting Tokyo to suspend food aid"; "ECOWAS imposed sanctions
                # on Mali, and the junta responded by recalling its ambassadors": at whoever acted first
                frame.recipient = _prompted_by(doc, doc.spacy[frame.trigger], frame, frames) or _acted_against(
                    frame, frames) or frame.recipient
            if frame.event_type == "MOBILIZE" and frame.mode != "weapons" and not any(coded(e) for e in frame.recipient):
                # "..., prompting Athens to put its navy on alert"; "North Korea's army responded by putting its
                # troops on alert": forces readied in answer to an act are readied against whoever did it
                verb = _clause_verb(doc.spacy[frame.trigger])
                if not _told_as_earlier(verb):  # not "bombed Gori, hours after Tbilisi sent troops into South Ossetia"
                    # an act against the mobiliser told after it counts too: "sent a carrier toward the Taiwan
                    # Strait, and Beijing warned Washington", "accused Rwanda of sending its troops" (as the tuned
                    # sets' writers code it)
                    frame.recipient = _prompted_by(doc, verb, frame, frames) or _acted_against(frame, frames) or (
                        _answering_doers(doc, verb, frame, frames)) or frame.recipient
            if frame.event_type == "PROTEST" and frame.mode == "boycott" and (hosts := _state_boycott_hosts(doc, frame)):
                # "announced a diplomatic boycott of the Beijing Winter Olympics": a state's boycott of another's
                # games or ceremonies is aimed at the host (PLOVER PROTEST boycott), not at home, unless the
                # sentence names what it protests ("boycotted the Montreal Olympics over New Zealand's rugby tour")
                frame.recipient = [e for e in frame.recipient if coded(e) and e.country not in _countries(frame.actor)] or hosts
            if _barred_to_another_state(doc, frame):
                # "banned all imports from North Korea", "imposed an economic blockade on Burundi": a state's
                # restriction aimed at another state is a sanction (CAMEO 163)
                frame.event_type, frame.mode, frame.cameo_code = "SANCTION", None, "163"
            if _border_shut_on_another(doc, frame, frames):
                # "closed its border with Rwanda", "closed its members' borders with Mali": a cut in ties (CAMEO 16)
                frame.event_type, frame.mode, frame.cameo_code = "SANCTION", "discontinue", "163"
        for frame in frames:
            if frame.event_type == "ASSAULT" and not frame.nominal:
                # "attacked crowds outside Kabul airport, killing dozens of Afghans and 13 U.S. troops": each side killed
                _add_people_hit(frame, _victims_named(doc, doc.spacy[frame.trigger]))
            if frame.event_type in INCLUDING_TYPES and not frame.nominal:
                # "freed 6,000 prisoners, among them a former British ambassador", "killed 12 tourists, including
                # two Belgians": those singled out are aimed at too
                _add_people_hit(frame, _people_included(doc, doc.spacy[frame.trigger]))
            if frame.event_type in OWN_MEASURE_TYPES:
                # "lifted most U.S. sanctions against South Africa", "paused all U.S. military aid to Ukraine":
                # the measure's own flag names its owner, not a second target
                frame.recipient = _without_own_flag(doc, frame)
            if frame.mode == "resign":  # a resignation is aimed at no one abroad ("resigned and flew to India")
                frame.recipient = [e for e in frame.recipient if e.country in _countries(frame.actor)]
            if frame.event_type in ANSWERING_TYPES and not any(coded(e) for e in frame.recipient):
                frame.recipient = _counterpart(doc, frame, frames) or frame.recipient
            if frame.event_type == "ACCUSE" and not any(coded(e) for e in frame.recipient):
                # "expelled the U.S. ambassador, accusing him of ...": the one the act it explains was aimed at
                frame.recipient = _pronoun_accused(doc, frame, frames) or frame.recipient
            if frame.lemma == DISMAY.key and not any(coded(e) for e in frame.recipient):
                # "Russia granted Snowden asylum, and the White House said it was extremely disappointed"
                frame.recipient = _first_other_doer(frame, frames) or frame.recipient
            if frame.event_type in HOME_BOUND_TYPES and not any(coded(e) for e in frame.recipient) and (
                    frame.cameo_code != "075" and frame.lemma != DISMAY.key):
                # refuge is given to foreigners ("granted Edward Snowden asylum"); "Germany said it was disappointed" names no one
                # "refused to step down", "warned that violators faced prison", "rescued 137 pupils", "troops
                # retreated to the airport": in a sentence that names no other country, an act aimed at no
                # one named is aimed at home, unless the place it targets turns out to be abroad
                frame.home_if_unplaced = self._sole_country_told(doc, frame)
        frames += [mirror for f in frames if (mirror := _mutual_act(doc, f)) is not None]
        # What a speaker denies and no one in the text asserts is no event: the denial (REJECT) is.
        doc.frames = [f for f in frames if f.claimed_by or not f.denied_by]
        return doc

    def _sole_country_told(self, doc: Doc, frame: Frame) -> str | None:
        """The one country of a single actor whose sentence names no other country, international body,
        stateless group or country-less place; None for joint acts, resignations, truces, denials,
        conditional threats, threats of war, acts on foreigners or at sea, and force from afar."""
        own = _countries(frame.actor)
        trigger = doc.spacy[frame.trigger]
        if len(own) != 1 or len([e for e in frame.actor if coded(e)]) != 1 or frame.reciprocal or (
                frame.mode in ("resign", "ceasefire")) or (
                frame.event_type == "REJECT" and trigger.lemma_.lower() in self.lexicon.denial_verbs) or (
                frame.event_type == "THREATEN" and any(t.dep_ in ("mark", "prep") and t.lower_ in ("if", "unless", "until")
                                                         for t in trigger.subtree)) or (
                frame.event_type == "ASSAULT" and not _force_at_home(doc, frame, trigger)) or (
                frame.event_type == "MOBILIZE" and not self._sent_out_at_home(frame, trigger)):
            return None  # "attacks have killed eight al-Qaeda leaders": at a party of no country; "fighting continued"
        if any(t.lower_ in SEA_WORDS | ABROAD_WORDS for t in trigger.subtree):
            return None  # "threatened to close the Strait of Hormuz", "released the crew", "Western agencies"
        if frame.event_type == "THREATEN" and (any(t.lemma_.lower() in WAR_WORDS for t in trigger.subtree) or (
                trigger.lemma_.lower() in self.lexicon.reporting_verbs and any(
                    s.dep_ in ("nsubj", "nsubjpass") and self._tells_an_attack(s)
                    for c in trigger.children if c.dep_ == "ccomp" for s in c.children))):
            # "warned it would use nuclear weapons", "said the attack would not go unpunished": at foes,
            # not "said the protesters would be punished"
            return None
        # the sentence and the one before it, where a pronoun's country may have been named
        told = [m for m in doc.mentions if frame.sentence - 1 <= m.sentence <= frame.sentence]
        if any(e.sector in ("IGO", "NGO") or (e.country and e.country not in own) or (
                not e.country and (m.kind == "place" or e.sector in INSURGENT_SECTORS)) for m in told for e in m.entities):
            return None  # another party, a group of no country ("al-Qaeda leaders"), or a place of no country
        return next(iter(own))

    def _sent_out_at_home(self, frame: Frame, trigger) -> bool:
        """'deployed soldiers on the streets', 'ordered the army to take on the gangs': forces sent out,
        not drills, call-ups, alerts, missile tests, troops massed near a border or sent to a sea or
        'the region' (those are readied against foes, or against no one)."""
        destinations = [g for c in trigger.children if c.dep_ in ("prep", "dative") and c.lower_ in DESTINATION_PREPS
                        for g in c.children]
        return not frame.nominal and trigger.lemma_.lower() in DEPLOYING_VERBS and not any(
            t.lemma_.lower() in BORDER_WORDS for t in trigger.sent) and not any(
            self._object_lemma_in(o, "reserves") for o in _objects(trigger)) and not any(
            g.ent_type_ == "LOC" or g.lemma_.lower() in OPEN_DESTINATIONS for g in destinations)

    def _tells_an_attack(self, phrase) -> bool:
        """'the sinking of the warship', 'those behind the Uri attack', 'the deaths of 20 soldiers':
        a phrase that tells of an attack or its dead, whose doers may be anyone."""
        return any(t.lemma_.lower() in DEATH_WORDS or (
            (entry := self._noun_entry(t)) is not None and entry.event_type == "ASSAULT") for t in phrase.subtree)

    # -- finding triggers -------------------------------------------------------------------------
    def _gone_home(self, verb) -> bool:
        """Forces that fly, sail or go home from a place leave it."""
        return verb.lemma_.lower() in HOMEWARD_VERBS and any(c.lower_ == "home" and c.dep_ in ("advmod", "npadvmod", "dobj")
                                                          for c in verb.children) and any(
            c.dep_ == "nsubj" and self._object_lemma_in(c, "forces") for c in verb.children) and any(
            g.pos_ == "PROPN" for h in [verb, *verb.children] if h.i == verb.i or h.lower_ == "home"
            for c in h.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children)  # "flew home from Almaty", not on leave

    def _trigger_at(self, token) -> _Trigger | None:
        if token.lower_ == "visiting" and token.dep_ in ("amod", "compound", "nmod") and _guest_called_visiting(token) is not None:
            return _Trigger(token, GUEST_VISIT, nominal=False)  # "told visiting Japanese Prime Minister Shinzo Abe"
        if token.lemma_.lower() == "walk" and any(c.lower_ == "free" and c.dep_ in ("acomp", "advmod", "oprd") for c in token.children):
            return _Trigger(token, WALKED_FREE, nominal=False)  # "Nelson Mandela walked free from a prison near Cape Town"
        if (dismay := self._dismay_told(token)) is not None:
            return _Trigger(token, dismay, nominal=False)  # "the White House said it was extremely disappointed"
        gerund_noun = token.tag_ == "VBG" and token.dep_ in ("nsubj", "nsubjpass") and token.lower_ in self.lexicon.nouns
        if (token.pos_ in ("VERB",) or (token.pos_ == "AUX" and token.dep_ != "aux")) and not gerund_noun:
            if token.tag_ == "VBN" and (token.dep_ == "amod" and token.i < token.head.i and token.head.dep_ != "ROOT" or (
                    token.i > 0 and token.doc[token.i - 1].tag_ in ("CD", "DT", "PRP$") and not any(
                        c.dep_ in ("aux", "auxpass") for c in token.children))):
                # "four occupied Ukrainian regions", "the banned party": a state, not an act told (a sentence
                # whose only verb the parser made a modifier of its root noun is misparsed, not described)
                return None
            if self._claim_dismissed(token):
                return _Trigger(token, CLAIM_REJECTION, nominal=False)
            if self._characterization(token):
                return _Trigger(token, CHARACTERIZATION, nominal=False)
            if self._demands_by_saying(token):
                return _Trigger(token, OBLIGATION, nominal=False)
            if self._sent_for_trial(token) and (handover := self.lexicon.variants.get("hand over", {}).get("suspects")):
                return _Trigger(token, handover, nominal=False)  # "flew a mafia boss to Rome to serve a prison term"
            if _taken_off_air(token) and (censoring := self.lexicon.variants.get("close", {}).get("media")):
                return _Trigger(token, censoring, nominal=False)  # "took the Echo of Moscow radio station off the air"
            if (undertaking := _joined_undertaking(token)) is not None:  # "Turkish troops joined Russian police for patrols"
                return _Trigger(token, JOINED_INQUIRY if undertaking.lemma_.lower() in INQUIRY_WORDS else JOINED_FORCES,
                                nominal=False)
            if _body_joined(token) is not None:  # "Finland formally joined NATO", "became members of NATO"
                return _Trigger(token, MEMBERSHIP_TAKEN, nominal=False)
            if _body_admitting(token) is not None:  # "Eritrea was admitted to the United Nations"
                return _Trigger(token, MEMBERSHIP_GRANTED, nominal=False)
            if self._dismissed_by_saying(token) is not None:
                return _Trigger(token, DISMISSAL, nominal=False)
            if self._reprisal_by_saying(token):
                return _Trigger(token, REPRISAL_PROMISE, nominal=False)
            if self._cabinet_changed(token) or self._forces_ordered_back(token):
                # "sacked his finance minister in a reshuffle", "dissolved the government and named a new one";
                # "ordered its troops to pull out of Kherson": the withdrawal is the event, coded by its own verb
                return None
            if self._forces_called_home(token) and (withdrawal := self.lexicon.verbs.get("withdraw")) is not None:
                return _Trigger(token, withdrawal, nominal=False)  # "ordered Spanish troops home from Iraq"
            if self._forces_sent_on_request(token):
                # "flew 100 police officers and soldiers to Honiara at the request of the prime minister"
                return _Trigger(token, self.lexicon.variants["deploy"]["peacekeepers"], nominal=False)
            if token.lemma_.lower() in GOODS_ARRIVING_VERBS and self._goods_arriving(token) and (aid := self.lexicon.nouns.get("aid")):
                return _Trigger(token, aid, nominal=False)  # "the first French-made Mirage jets have arrived in Ukraine"
            if token.dep_ == "acl" and getattr(_done_to_noun_by(token.head, BARGAINING_VERBS), "i", None) == token.i and (
                    self._noun_entry(token.head) is not None):
                return None  # "an accord struck by Putin and Erdogan": the accord is the event
            variant = self._variant(token)
            if variant is not None:
                return _Trigger(token, variant, nominal=False)
            entry = self._verb_entry(token)
            gone_home = self._gone_home(token)
            if entry and self._verb_licensed(token, entry) and not gone_home:
                return _Trigger(token, entry, nominal=False)
            if gone_home and (withdrawal := self.lexicon.verbs.get("withdraw")) is not None:
                return _Trigger(token, withdrawal, nominal=False)  # "the last Russian troops flew home from Almaty"
            ending = self._ending(token)
            return _Trigger(token, ending, nominal=False) if ending is not None else None
        if token.pos_ == "ADJ" and _on_strike(token) and (entry := self.lexicon.nouns.get("strike")) is not None:
            return _Trigger(token, entry, nominal=False)  # "detained several striking nurses", tagged an adjective
        if token.lemma_.lower() == "sorry" and token.dep_ == "acomp" and any(c.dep_ == "prep" and c.lower_ == "for" for c in token.children):
            return _Trigger(token, self.lexicon.verbs["apologise"], nominal=False)  # "said it was very sorry for the death of the pilot"
        if token.pos_ == "ADJ" and any(c.dep_ == "xcomp" for c in token.children):
            entry = self.lexicon.adjectives.get(token.lemma_.lower())  # "is willing to send"
            return _Trigger(token, entry, nominal=False) if entry else None
        if token.dep_ == "pobj" and token.head.lower_ == "in" and token.head.head.lemma_.lower() in ROLE_NOUNS:
            return None  # "investigated for her role in rioting": a charge, not a reported event
        if token.dep_ == "pobj" and any((undertaking := _joined_undertaking(v)) is not None and undertaking.i == token.i
                                        for v in (token.head.head, token.head.head.head)) and (
                (own := self._noun_entry(token)) is not None and own.event_type == "COOPERATE"):
            return None  # "joined Russia's navy for joint exercises": the joining is the event
        named_accord = token.ent_type_ in ("ORG", "LAW") and token.lemma_.lower() in NAMED_ACCORDS and (
            token.dep_ == "dobj" and token.head.lemma_.lower() in SIGNING_VERBS)  # "signed the Strategic Arms Reduction Treaty"
        if (token.pos_ in ("NOUN", "PROPN") or gerund_noun) and (named_accord or token.ent_type_ not in (
                "PERSON", "GPE", "ORG", "NORP", "DATE", "TIME")) and (
                token.dep_ != "compound"):  # "protest organisers" names people, not a protest; "Fighting ... continued"
            entry = self._noun_entry(token)
            listed_with = [token.head] if token.dep_ == "conj" and token.head.pos_ == "NOUN" else []
            if any(c.dep_ == "amod" and c.lower_ in UNREALISED_WORDS for t in [token, *listed_with] for c in t.children) and (
                    token.dep_ not in ("nsubj", "nsubjpass")) and not any(c.tag_ == "JJS" for c in token.children) and not (
                    token.dep_ == "dobj" and token.head.lemma_.lower() in self.lexicon.light_verbs):  # "mounted its long-threatened invasion"
                return None  # "to defend itself against a possible Russian invasion": nothing has happened
            if entry is not None and entry.event_type == "CONSULT" and token.dep_ == "dobj" and (
                    token.head.lemma_.lower() in PROPOSING_VERBS):
                return None  # "Seoul proposed military talks": talks offered, none held
            if entry is None or _market_demand(token) or (entry.event_type == "PROTEST" and (_market_move(token) or _campaign_event(token) or (
                    _in_protest(token) and self._light_verb_of(token) is None))):  # not "took part in a protest"
                return None  # "extending a record-breaking rally driven by technology shares"
            entry = self._noun_variant(token) or entry
            entry = _eased_as_noun(token, entry) or entry
            light = self._light_verb_of(token)
            if "light" in entry.flags and light is None and not (entry.mode == "phone" and _caller_of_setting(token)) and not (
                    _strikers_strike(token)) and not (entry.mode == "release" and _done_by_named(token)) and not (
                    entry.event_type == "AID" and (_arrival_of(token) is not None or (
                        token.dep_ == "dobj" and token.head.lemma_.lower() in RECEIVING_VERBS))):
                return None  # but "agreed in a telephone call", "apologised during a call with Erdogan", "aid from China arrived"
            if token.lemma_.lower() in CARGO_NOUNS and light is None and not any(
                    self._object_lemma_in(g, "aid") for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children) and not any(self._object_lemma_in(c, "aid") for c in token.children if c.dep_ == "compound"):
                return None  # "led by higher shipments from Nigeria": trade, unless it carries aid ("a shipment of relief")
            if "subject" in entry.flags and light is None and token.dep_ not in ("nsubj", "nsubjpass", "ROOT"):
                return None  # "discussed a truce", "to monitor the ceasefire": a reference, not a report
            if light is not None:  # "carried out strikes" is an attack, "went on strike" a protest
                entry = self.lexicon.noun_light_variants.get(entry.key, {}).get(light.lemma_.lower(), entry)
            if "destination" in entry.flags and not self._destination(token):
                return None
            if entry.object_class and not self._noun_object_in(token, entry.object_class):  # "food deliveries"
                return None  # "the dissolution of the opposition party", not "the dissolution of parliament"
            if light is not None and (self._is_visit(light) or self._trip_made(light, token)) and not (
                    entry.event_type in ("COOPERATE", "MOBILIZE") and self._forces_moving(light)):
                return None  # "flew to Moscow for talks": the visit is the event; troops come for the drills
            return _Trigger(token, entry, nominal=True, light_verb=light)
        return None

    def _dismay_told(self, token) -> TriggerEntry | None:
        """'said it was extremely disappointed', 'said it was dismayed by the decision': a stated dismay
        is disapproval (ACCUSE), of whatever the speaker answers."""
        if token.lower_ not in DISMAYED_WORDS:
            return None
        said = _dismay_clause(token)
        if said is None or said.dep_ != "ccomp" or said.head.lemma_.lower() not in self.lexicon.speech_verbs:
            return None
        return DISMAY

    def _noun_fires(self, noun) -> bool:
        """A noun the lexicon knows, with the kind of object it needs: "began deliveries" names no delivery of aid."""
        entry = self._noun_entry(noun)
        return entry is not None and (entry.object_class is None or self._noun_variant(noun) is not None or (
            self._noun_object_in(noun, entry.object_class)))

    def _noun_object_in(self, noun, object_class: str) -> bool:
        """What the noun is of ("the delivery of rice") or to ("a halt to purchases"), or for aid, what it is made of
        ("food deliveries")."""
        return any(self._object_lemma_in(g, object_class) for g in _of_objects(noun) + prep_objects([noun], ("to",)) + [
            c for c in noun.children if c.dep_ == "compound" and object_class == "aid"])

    def _goods_arriving(self, verb) -> bool:
        """Weapons, money or relief as what arrives, not people or forces: "the first tanks arrived in Kyiv"."""
        subjects = [t for s in verb.children if s.dep_ == "nsubj" for t in [s, *conjuncts(s)]]
        if verb.lemma_.lower() not in ARRIVING_VERBS:
            # "relief flights landed in Port-au-Prince", "the first U.N. aid convoy crossed into Syria", "a C-17
            # landed in Tbilisi with blankets": only carriers of relief; tanks that cross a border invade
            return bool(subjects) and all(self._relief_carrier(s, verb) for s in subjects)
        # "a team of Chinese rescue workers", "a brigade of 52 doctors and nurses" arrive as aid too
        return bool(subjects) and all(_relief_team(s) or self._relief_workers(s) or self._goods(s) for s in subjects)

    def _relief_carrier(self, noun, verb) -> bool:
        """'relief flights', 'an aid convoy', 'a cargo plane carrying food', 'a C-17 ... with blankets'."""
        if _carrying(noun) or _carrying(verb):
            return False  # "a Kuwaiti aircraft carrying 40 tonnes of food landed in Beirut": the carrying tells the aid
        carrier = noun.lemma_.lower() in CARRIER_NOUNS or self._object_lemma_in(noun, "aircraft")
        if carrier and any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in RELIEF_WORDS | {"aid"} for c in noun.children):
            return True
        loads = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
        loads += [g for t in loads for g in conjuncts(t)]
        return (carrier or noun.ent_type_ not in ("PERSON", "GPE", "NORP")) and bool(loads) and all(
            self._goods(g) and not (self._object_lemma_in(g, "arms") or self._object_lemma_in(g, "missile")) for g in loads)

    def _goods(self, noun) -> bool:
        """Weapons, money or supplies, not people or forces, and not a noun that is an event of its own
        ("aid from China arrived" is the aid's event)."""
        return self._object_lemma_in(noun, "aid") and not self._object_lemma_in(noun, "personnel") and not (
            self.lexicon.object_matches("people", noun.lemma_.lower())) and self._noun_entry(noun) is None and not any(
            self._noun_entry(g) is not None for g in prep_objects([noun], ("of",)))

    def _learned_triggers(self, doc: Doc, triggers: list[_Trigger]) -> list[_Trigger]:
        """Verbs the lexicon lacks, typed by the learned typer when a coded actor does them."""
        from ..learned.typer import load_typer, predicate_phrase

        taken = {t.token.i for t in triggers} | {t.light_verb.i for t in triggers if t.light_verb is not None}
        found = []
        for token in doc.spacy:
            if token.pos_ != "VERB" or token.i in taken or not self._open_verb(token, taken):
                continue
            actor_tokens, _ = verb_arguments(token)
            if not any(coded(e) for e in entities_at(doc, actor_tokens)):
                continue
            phrase = predicate_phrase(token)
            guess = load_typer().guess(phrase, self.learned_threshold)
            if guess is None:
                continue
            entry = TriggerEntry(key=token.lemma_.lower(), event_type=guess.event_type, mode=None,
                                 cameo=DEFAULT_CAMEO[guess.event_type], context=(),
                                 flags=frozenset({"learned"}))
            found.append(_Trigger(token, entry, nominal=False, learned=(phrase, guess.probability)))
        return found

    def _open_verb(self, verb, taken: set[int]) -> bool:
        """A verb whose meaning the rules have not already read: not a reporting, light or control verb."""
        lemma = verb.lemma_.lower()
        lexicon = self.lexicon
        if lemma in STATE_VERBS or lemma in lexicon.reporting_verbs or lemma in lexicon.speech_verbs or (
                lemma in lexicon.light_verbs or lemma in lexicon.denial_verbs or lemma in lexicon.characterizing_verbs
                or lexicon.control_class(lemma) is not None):
            return False
        return not any(c.i in taken for c in verb.children)

    def _demands_by_saying(self, verb) -> bool:
        """'Russia said Sudan must return the helicopter': saying what another must do is a demand."""
        if verb.lemma_.lower() not in self.lexicon.reporting_verbs:
            return False
        return any(c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ == "must" for a in c.children)
                   and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children) for c in verb.children)

    def _dismissed_by_saying(self, verb):
        """'US officials said removing the sanctions is out of the question': saying a course of
        action is ruled out refuses it. Returns the clause that rules it out, or None."""
        if verb.lemma_.lower() not in self.lexicon.reporting_verbs:
            return None
        return next((c for c in verb.children if c.dep_ == "ccomp" and _rules_out(c)
                     and any(s.dep_ in ("nsubj", "csubj") for s in c.children)), None)

    def _reprisal_by_saying(self, verb) -> bool:
        """'a Houthi spokesman said the strikes would not go unpunished', 'said those responsible would
        be punished': saying an act will be answered threatens whoever did it."""
        if verb.lemma_.lower() not in self.lexicon.reporting_verbs:
            return False
        return any(c.dep_ == "ccomp" and (_goes_unanswered(c) or _punishment_promised(c) or (_price_paid(c) and _will_be(c)))
                   for c in verb.children)

    def _imposition_behind(self, doc: Doc, lifting: Frame) -> Frame | None:
        """'lifted a curfew that had been imposed after the coup', 'lifted martial law, six hours
        after declaring it': a restriction lifted whose imposing the sentence tells was imposed
        too (COERCE), by whoever the telling names, else by the side lifting it."""
        verb = doc.spacy[lifting.trigger]
        for lifted in (c for c in verb.children if c.dep_ == "dobj"):
            entry = self._noun_entry(lifted)
            if entry is None or entry.event_type != "COERCE":
                continue
            # hung on the restriction or on a noun inside it ("a state of emergency imposed in November",
            # "a ban on the party that had been imposed by ...": nothing else there can be imposed)
            told = [c for t in lifted.subtree for c in t.children if c.dep_ in ("acl", "relcl") and c.i > lifted.i
                    and c.lemma_.lower() in IMPOSING_VERBS and not _judged(c)]
            told += [c for c in [*verb.children, *(g for p in verb.children if p.dep_ == "prep" for g in p.children)]
                     if c.dep_ in ("advcl", "pcomp") and c.lemma_.lower() in IMPOSING_VERBS and any(
                         o.dep_ == "dobj" and (o.lower_ in ("it", "them") or o.lemma_ == lifted.lemma_) for o in c.children)]
            if told and not _long_ago(told[0]):
                imposer = told[0]
                named = prep_objects([imposer], ("by",)) + [g for c in imposer.children if c.dep_ == "agent"
                                                            for g in c.children] + [
                    c for c in imposer.children if c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP")]  # "that the army had imposed"
                actor = entities_at(doc, named) or list(lifting.actor)
                return _companion(lifting, f"'{imposer.text}' ({lifted.text} lifted was imposed) -> COERCE",
                                  trigger=imposer.i, event_type="COERCE", mode=entry.mode, cameo_code=entry.cameo,
                                  actor=actor, aux_mode=None)
        return None

    def _ending(self, verb) -> TriggerEntry | None:
        """'halted its offensive', 'suspended the strike', 'lifted the curfew': ending a conflictual
        action de-escalates. PLOVER: giving up protests or restrictions is a concession; stopping
        fighting, a deployment or sanctions is a retreat."""
        lemma = verb.lemma_.lower()
        if lemma not in ENDING_VERBS and lemma not in SUPPRESSING_VERBS:
            return None
        # "a protest ... was broken up by Taliban fighters": the passive's subject is what ended
        for obj in (c for c in verb.children if c.dep_ == "dobj" or (c.dep_ == "nsubjpass" and lemma in SUPPRESSING_VERBS)):
            if obj.lemma_.lower() in SPAN_NOUNS | {"year", "decade"} and any(  # "suspended seven years of sanctions"
                    (e := self._noun_entry(g)) is not None and e.event_type == "SANCTION" for g in prep_objects([obj], ("of",))):
                obj = prep_objects([obj], ("of",))[0]  # (not "ended weeks of protests", told as what stopped)
            ended = self._noun_entry(obj)
            if ended is None:
                continue
            if lemma in SUPPRESSING_VERBS and ended.event_type == "PROTEST":  # "police broke up the rally"
                return TriggerEntry(key=f"{lemma} {obj.lemma_.lower()}", event_type="COERCE", mode="restrict",
                                    cameo="172", context=(), flags=frozenset({"ends"}))
            if lemma in ENDING_VERBS and ended.event_type in ENDINGS:
                event_type, mode, cameo = ENDINGS[ended.event_type]
                return TriggerEntry(key=f"{lemma} {obj.lemma_.lower()}", event_type=event_type, mode=mode,
                                    cameo=cameo, context=ended.context, flags=frozenset({"ends"}))
        return None

    def _claimants(self, doc: Doc, rejection: Frame, frames: list[Frame]) -> list[Entity]:
        """Who made the claim a rejection calls false: the claim's owner ("the U.S. accusations"),
        else the accusers of the rejecter the sentence tells of."""
        claims = named_things(doc.spacy[rejection.trigger])
        owners = entities_at(doc, [m for c in claims for m in c.children if m.dep_ in ("poss", "compound", "amod")])
        own = _countries(rejection.actor)
        if any(coded(e) and e.country not in own for e in owners):
            return [e for e in owners if coded(e) and e.country not in own]
        return next(([e for e in f.actor if coded(e) and e.country not in own] for f in frames
                     if f is not rejection and f.sentence == rejection.sentence and f.event_type == "ACCUSE"
                     and own & _countries(f.recipient)), [])

    def _claim_dismissed(self, verb) -> bool:
        """'a charge the Qatari Foreign Ministry called baseless', 'described the accusations as
        fabricated': calling a claim false rejects it."""
        if verb.lemma_.lower() not in self.lexicon.characterizing_verbs:
            return False
        claims = named_things(verb)
        labels = _names_given(verb)
        return any(c.lemma_.lower() in CLAIM_NOUNS for c in claims) and any(
            n.lower_ in FALSEHOOD_WORDS or n.lemma_.lower() in FALSEHOOD_WORDS for head in labels for n in [head, *conjuncts(head)])

    def _names_a_deed(self, noun) -> bool:
        """'a move', 'a ruling', 'the deployment', 'the raid': a noun that sums up or names an act."""
        return noun.lemma_.lower() in SUMMED_ACTS or (noun.pos_ == "NOUN" and self._noun_entry(noun) is not None)

    def _characterization(self, verb) -> list:
        """'what he described as "US pressure"': the accusatory nouns a verb of naming applies."""
        if verb.lemma_.lower() not in self.lexicon.characterizing_verbs:
            return []
        nouns = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
                 if g.dep_ in ("pobj", "pcomp", "amod", "acomp")]  # "as a provocation", "as deeply concerning", "as illegal"
        nouns += [c for c in verb.children if c.dep_ == "oprd"]
        # "branded him a dictator": the one named is read as the dative (or a first object), the label as the object
        objects = [o for o in verb.children if o.dep_ == "dobj"]
        nouns += objects[-1:] if any(c.dep_ == "dative" for c in verb.children) or len(objects) == 2 else []
        # "branded Maduro a dictator", misparsed as one object with the name a modifier of the label
        nouns += [o for o in verb.children if o.dep_ == "dobj" and any(
            c.dep_ in ("nmod", "compound") and c.i < o.i and c.ent_type_ in ("PERSON", "ORG", "GPE") and any(
                d.dep_ == "det" and c.i < d.i < o.i for d in o.children) for c in o.children)]
        nouns += [a for o in verb.children if o.dep_ == "dobj" for a in o.subtree if a.dep_ == "amod"
                  and a.i == o.right_edge.i and a.i > a.head.i]  # "calling the presence of French forces unacceptable", misparsed
        if verb.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ == "what" for c in verb.children):
            nouns.append(verb.head)  # "citing what he called hostile acts by the kingdom"
        if verb.dep_ == "relcl" and self._names_a_deed(verb.head):
            # "in a move Israel called a provocation", "the deployment of a carrier group that Tehran called a provocation"
            nouns += [c for c in verb.children if c.dep_ == "dobj"]
        # "a long series of hostile acts": what the series is of
        nouns += [g for n in nouns if n.lemma_.lower() in SPAN_NOUNS for g in prep_objects([n], ("of",))]
        accusatory = self.lexicon.accusatory_nouns | self.lexicon.accusatory_adjectives
        return [n for head in nouns for n in [head, *conjuncts(head)]
                if n.lemma_.lower() in accusatory or n.lower_ in accusatory or any(
                    c.dep_ == "amod" and c.lemma_.lower() in self.lexicon.accusatory_adjectives for c in n.children) or any(
                    c.dep_ == "compound" and c.lemma_.lower() in BRANDING_MODIFIERS for c in n.children) or any(
                    g.lemma_.lower() in accusatory for g in prep_objects([n], ("for",))) or (  # "a terror state", "a haven for terrorists"
                    n.lemma_.lower() not in ENDING_NOUNS and any(  # "acts of aggression", not "the end of the occupation"
                        g.lemma_.lower() in accusatory for g in prep_objects([n], ("of",))))]

    def _labelled_in_clause(self, verb):
        """'said the move amounted to a full-scale trade war', 'said it was a provocation', 'said Washington
        was a bully': the deed or party a statement's clause gives an accusatory label, or None."""
        accusatory = self.lexicon.accusatory_nouns | self.lexicon.accusatory_adjectives
        for clause in (c for c in verb.children if c.dep_ == "ccomp" and not any(
                g.dep_ == "neg" or (g.dep_ == "aux" and g.tag_ == "MD") for g in c.children)):  # "would be illegal" warns
            subject = next((g for g in clause.children if g.dep_ == "nsubj"), None)
            if clause.lemma_.lower() == "be":
                labels = [g for g in clause.children if g.dep_ in ("attr", "acomp")]
            elif clause.lemma_.lower() in LABELLING_VERBS:
                labels = [g for g in clause.children if g.dep_ == "dobj"] + prep_objects([clause], ("to",))
            else:
                continue
            if subject is None or not (self._names_a_deed(subject) or subject.lower_ in TOLD_EVENT_PRONOUNS or (
                    subject.pos_ == "PROPN" and subject.ent_type_ in ("GPE", "ORG", "NORP"))):
                continue
            if any(n.lemma_.lower() in accusatory or any(c.dep_ == "amod" and c.lemma_.lower() in accusatory for c in n.children)
                   or (n.lemma_.lower() in LABEL_HEADS and any(g.lemma_.lower() in accusatory for g in prep_objects([n], ("of",))))
                   for n in labels):  # "an act of piracy", not "the victim of Russian aggression"
                return subject
        return None

    def _verb_entry(self, token) -> TriggerEntry | None:
        lemma = token.lemma_.lower()
        if lemma in self.lexicon.speech_verbs | FINDING_VERBS and lemma not in self.lexicon.denial_verbs and self._blamed_in_clause(token):
            return self.lexicon.verbs.get("hold responsible")  # "May said Moscow was culpable for the attack"
        if lemma in self.lexicon.speech_verbs and lemma not in self.lexicon.denial_verbs and self._labelled_in_clause(token) is not None:
            return CHARACTERIZATION  # "the Kremlin said the move amounted to a full-scale trade war"
        if lemma in {"cross", "enter"} and self._forces_moving(token) and _requests_of(token):
            return self.lexicon.variants["deploy"]["peacekeepers"]  # "Saudi troops crossed into Bahrain at the request of the king"
        ashore = any(c.dep_ in ("advmod", "prt") and c.lower_ == "ashore" for c in token.children)  # "waded ashore in Mogadishu"
        if (lemma in ARRIVAL_VERBS | {"mass", "sail", "pour"} or ashore) and (forces := self._forces_moving(token)) and not any(
                self._noun_entry(g) is not None for g in prep_objects([token], ("for",))) and not any(
                c.dep_ == "prep" and c.lower_ == "from" for c in token.children):  # "arrived for joint drills", "arrived in Kuwait from Iraq"
            if (lemma in ARRIVAL_VERBS or ashore) and (any(self._object_lemma_in(f, "peacekeepers") for f in forces) or _sent_to_help(token)):
                return self.lexicon.variants["deploy"]["peacekeepers"]  # "troops landed in Dili at the request of ... to restore order"
            # "Thousands of U.S. soldiers arrived in Poland", "troops massing", "warships sailed toward Syria": forces sent there
            return replace(self.lexicon.verbs["deploy"], key=lemma, flags=frozenset())
        if lemma in INCURSION_VERBS and self._forces_moving(token) and prep_objects([token], ("into",)) and not any(
                c.dep_ == "dobj" for c in token.children):  # not "drove thousands of people into Macedonia"
            return replace(self.lexicon.verbs["invade"], key=f"{lemma} into")  # "troops and tanks swept into Kuwait"
        if lemma in LEAVING_MOTION_VERBS and _out_of(token) and self._forces_moving(token) and all(
                o.lemma_.lower() in BORDER_WORDS for o in token.children if o.dep_ == "dobj"):
            return self.lexicon.verbs.get("withdraw")  # "the last Syrian soldiers crossed the border out of Lebanon"
        if _on_strike(token):
            return self.lexicon.nouns.get("strike")  # "striking miners" are on strike, not hitting anyone
        if lemma == "declare" and {"persona", "grata"} <= {t.lower_ for t in token.subtree}:
            return self.lexicon.verbs.get("expel")  # "declared the ambassador persona non grata"
        if lemma == "give" and (clause := _ultimatum_demand(token)) is not None:
            if not _faces_penalty(clause) and (clause.lemma_.lower() == "leave" or (
                    clause.lemma_.lower() == "close" and any(o.dep_ == "dobj" and o.lemma_.lower() in MISSION_NOUNS
                                                             for o in clause.children))):
                # "gave Argentine diplomats 72 hours to leave", "gave Beijing 72 hours to close its consulate";
                # "gave Qatari citizens two weeks to leave" deports people, as "ordered out" does
                if any(c.dep_ in ("dative", "iobj") and self._object_lemma_in(c, "individuals") for c in token.children):
                    return self.lexicon.variants["give to leave"]["individuals"]
                return self.lexicon.verbs.get("give to leave")
            return self.lexicon.nouns.get("ultimatum")  # "gave Seoul 48 hours to halt the broadcasts or face ..."
        if lemma in DESIGNATING_VERBS and _designated_terrorist(token):
            return self.lexicon.verbs.get("outlaw")  # "declared the Muslim Brotherhood a terrorist organisation"
        if any(c.dep_ in ("prt", "advmod") and c.lower_ in ONWARD_PARTICLES for c in token.children) and (
                entry := self.lexicon.verbs.get(lemma)) is not None and entry.event_type == "REQUEST":
            return None  # "pressed ahead with the vote" goes on, it presses no one
        if lemma == "seek" and any(c.dep_ == "dobj" and c.lemma_.lower() in SOUGHT_OUTCOMES for c in token.children):
            return None  # "accused NATO of seeking Russia's strategic defeat": an aim, asked of no one
        for child in token.children:
            if child.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in child.children):
                continue  # "fired ... on Sunday" is not "fire on"
            if _in_a_place(child):
                continue  # "sent food to refugees in Syria" is not "send in"
            if child.i > 0 and child.doc[child.i - 1].text == "-":
                continue  # "calling it the largest build-up": the particle of a hyphenated noun, not "call up"
            if child.dep_ in ("prt", "prep", "acomp", "oprd") or (child.dep_ == "dobj" and child.pos_ == "NOUN") or (
                    child.dep_ == "advmod" and child.lower_ in ADVERB_PARTICLES and (child.i == token.i + 1 or any(
                        o.dep_ == "dobj" and o.right_edge.i == child.i - 1 for o in token.children))) or (  # "handed the pilot back"
                    child.dep_ == "advmod" and child.lower_ == "together") or (
                    child.dep_ in ("ccomp", "advcl") and child.pos_ == "ADJ"):  # "found Sarkozy guilty", "held India fully responsible"
                entry = self.lexicon.verbs.get(f"{lemma} {child.lower_}")  # "open fire": the object is the idiom
                if entry:
                    return entry
                if child.dep_ == "prep" and (entry := next((
                        e for g in child.children if g.dep_ == "pobj" and (
                            e := self.lexicon.verbs.get(f"{lemma} {child.lower_} {g.lower_}"))), None)):
                    return entry  # "hacked 40 villagers to death", "put its weapons beyond use"
                if child.dep_ == "prep" and child.lower_ == "for" and (entry := next((
                        e for g in child.children if g.dep_ == "pobj" and (e := self.lexicon.verbs.get(f"{lemma} {g.lower_}"))),
                        None)):
                    return entry  # "asked for forgiveness" is "asked forgiveness"
        ordered = [c for c in token.children if c.dep_ in ("dobj", "dative")]
        if ordered and not any(g.dep_ == "poss" and g.pos_ == "PRON" for c in ordered for g in c.children):
            # "ordered French troops to leave"; not "ordered his troops to leave", "asked to leave ECOWAS";
            # "gave the ambassador 72 hours to leave"
            for clause in (c for c in token.children if c.dep_ == "xcomp" or (c.dep_ == "advcl" and is_infinitive(c))):
                entry = self.lexicon.verbs.get(f"{lemma} to {clause.lemma_.lower()}")
                if entry:
                    return entry
        if not ordered and lemma not in self.lexicon.verbs:  # "applied to join NATO": no verb of its own, the pair is one
            for clause in (c for c in token.children if c.dep_ == "xcomp" and is_infinitive(c)):
                if entry := self.lexicon.verbs.get(f"{lemma} to {clause.lemma_.lower()}"):
                    return entry
        for obj in (c for c in token.children if c.dep_ == "dobj" and c.ent_type_ != "MONEY"):  # "stripped 94 critics of their citizenship"
            entry = next((self.lexicon.verbs.get(f"{lemma} {c.lower_}") for c in obj.children
                          if (c.dep_ == "prep" and not _in_a_place(c) or c.dep_ in ("amod", "acomp") and c.i > obj.i)
                          and self.lexicon.verbs.get(f"{lemma} {c.lower_}")),
                         None)  # "aid flights to land in Kabul" are not sent in; "held Iran responsible"
            if entry:
                return entry
        return self.lexicon.verbs.get(lemma)

    def _noun_entry(self, token) -> TriggerEntry | None:
        lemma = token.lemma_.lower()
        for child in token.children:
            if child.dep_ in ("compound", "amod") and (child.i == token.i - 1 or child.lower_ in JOINT_WORDS):
                entry = self.lexicon.nouns.get(f"{child.lower_} {lemma}")  # "martial law", "joint police patrols"
                if entry:
                    return entry
            if child.dep_ == "prep" and child.lower_ == "of" and child.i == token.i + 1:  # "state of emergency"
                entry = next((self.lexicon.nouns.get(f"{lemma} of {g.lemma_.lower()}") for g in child.children
                              if g.dep_ == "pobj"), None)
                if entry:
                    return entry
        return self.lexicon.nouns.get(lemma) or self.lexicon.nouns.get(token.lower_)  # a gerund: "fighting"

    def _cabinet_changed(self, verb) -> bool:
        """A leader who dismisses or dissolves their own government or minister, or does so while naming a new
        one or stepping down, reshuffles; only a government removed by another is coerced."""
        if verb.lemma_.lower() not in CABINET_REMOVING_VERBS:
            return False
        removed = [o for o in verb.children if o.dep_ == "dobj" and self._object_lemma_in(o, "ruler")]
        return bool(removed) and (any(c.dep_ == "poss" and c.tag_ == "PRP$" for o in removed for c in o.children) or any(
            t.lemma_.lower() in RESHUFFLE_WORDS for t in verb.sent if t.i != verb.i))

    def _forces_ordered_back(self, verb) -> bool:
        """'ordered its troops to pull out of Kherson' ("ordered French troops to leave" is an expulsion)."""
        return verb.lemma_.lower() == "order" and any(
            c.dep_ == "xcomp" and c.lemma_.lower() != "leave" and "RETREAT" in self._acts_named_by(c) for c in verb.children
        ) and any(o.dep_ == "dobj" and self._object_lemma_in(o, "personnel") for o in verb.children)

    def _acts_named_by(self, verb) -> set[str]:
        """The event types a verb names, by itself or with its object ("hold fire")."""
        entries = [self._verb_entry(verb)] + [self.lexicon.noun_light_variants.get(e.key, {}).get(verb.lemma_.lower(), e)
                                              for o in verb.children if o.dep_ == "dobj" and (e := self._noun_entry(o))]
        return {e.event_type for e in entries if e is not None}

    def _arrived_at(self, arrival, doc: Doc) -> list:
        """Where something got to: what it reached or entered, or the place it arrived in."""
        if arrival.lemma_.lower() in REACHING_VERBS:
            return [o for o in arrival.children if o.dep_ == "dobj"]
        return [t for t in [self._destination(arrival, doc)] if t is not None]

    def _deed_placed(self, doc: Doc, verb, frame: Frame) -> list[Entity]:
        """'condemned the arrests in Belarus', 'demanded an end to the violence in Myanmar': a deed no
        one is named for, placed in another country, is that country's."""
        deeds = [o for o in [c for c in verb.children if c.dep_ == "dobj"] + prep_objects(
            [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() == "end"], ("to",))
                 if (e := self._noun_entry(o)) is not None and e.event_type in FORCE_TYPES
                 and not _named_owners([o]) and not prep_objects([o], ("by",))]
        places = [e for g in prep_objects(deeds + [verb] if deeds else [], ("in",)) for e in _place_entities(doc, g)
                  if coded(e) and e.country not in _countries(frame.actor)]  # the parser may hang "in Belarus" on the verb
        return places if len(_countries(places)) == 1 else []

    def _forces_moving(self, verb) -> list:
        """The subject of a verb of motion when it names armed forces by its own head word ("troops",
        "warships", not "an air force plane", a relief convoy or a brigade of doctors)."""
        subjects = [c for c in verb.children if c.dep_ == "nsubj"] or inherited_subject(verb)  # "troops began arriving"
        subjects += [g for s in subjects if s.ent_type_ == "CARDINAL" or s.lemma_.lower() in QUANTITY_WORDS | RELIEF_TEAMS
                     for g in prep_objects([s], ("of",))]  # "thousands of U.S. soldiers", "a contingent of police officers"
        return [s for s in subjects if (s.lemma_.lower() in ARMOUR_NOUNS or self.lexicon.object_matches(
            "personnel", s.lemma_.lower())) and s.lemma_.lower() not in (
            CONVOY_NOUNS | RELIEF_TEAMS) and not self._relief_workers(s)]

    def _blames_itself(self, doc: Doc, frame: Frame) -> bool:
        """'Macron said France bore overwhelming responsibility for the genocide': a state that says it
        is to blame owns up; it accuses no one."""
        trigger = doc.spacy[frame.trigger]
        labels = self._characterization(trigger) if frame.event_type == "ACCUSE" and frame.recipient else []
        if labels and _countries(frame.recipient) <= _countries(frame.actor) and all(n.lemma_.lower() in ERROR_NOUNS for n in labels):
            return True  # "Rouhani called it an unforgivable mistake": of his own side's deed, an admission
        if frame.event_type != "ACCUSE" or trigger.lemma_.lower() not in self.lexicon.speech_verbs | FINDING_VERBS:
            return False
        blamed = entities_at(doc, self._blamed_in_clause(trigger))
        return bool(blamed) and all(_state_like(e) for e in blamed) and _countries(blamed) <= _countries(frame.actor)

    def _forces_called_home(self, verb) -> bool:
        """'ordered Spanish troops home from Iraq', 'brought its soldiers back from Mali': a withdrawal."""
        forces = [o for o in verb.children if o.dep_ == "dobj" and self._object_lemma_in(o, "personnel")]
        return verb.lemma_.lower() in RECALLING_VERBS and bool(forces) and any(  # "home" hung on the verb or the troops
            c.lower_ in ("home", "back") and c.dep_ in ("advmod", "prt", "npadvmod") for c in [*verb.children, *forces[0].children])

    def _forces_sent_on_request(self, verb) -> bool:
        """Armed forces sent, deployed or flown in at the request of the place's own rulers, or to help
        a state ("to help the government fight an insurgency"): military assistance given (PLOVER AID)."""
        sent = [o for o in _objects(verb) if o.dep_ == "dobj"] + prep_objects([verb], ("in",))  # "flying in paratroopers"
        return verb.lemma_.lower() in DEPLOYING_VERBS | AIRLIFTING_VERBS and (_requests_of(verb) or _helps_a_state(verb)) and any(
            self._object_lemma_in(o, "personnel") for o in sent)

    def _blamed_in_clause(self, verb) -> list:
        """'said Moscow was culpable for the nerve agent attack': the subject a statement's clause
        declares to blame for a harmful deed, else nothing ("responsible for security" is a duty)."""
        def harmful(deed) -> bool:
            entry = self._noun_entry(deed)
            return self._object_lemma_in(deed, "misdeed") or deed.lemma_.lower() in DEATH_WORDS or (
                entry is not None and entry.event_type in FORCE_TYPES)
        def blamed(clause) -> bool:  # "was culpable for the attack", "bore responsibility for his death"
            if clause.lemma_.lower() == "be":
                return any(a.dep_ == "acomp" and a.lemma_.lower() in BLAME_ADJECTIVES and any(
                    harmful(d) for d in prep_objects([a], ("for",))) for a in clause.children)
            return clause.lemma_.lower() in BEARING_VERBS and any(
                o.dep_ == "dobj" and o.lemma_.lower() == "responsibility" and any(harmful(d) for d in prep_objects(
                    [o, clause], ("for",))) for o in clause.children)
        def marked_by(clause) -> list:  # "the attack bore the hallmarks of Pakistan's spy agency"
            if clause.lemma_.lower() not in BEARING_VERBS or not any(
                    s.dep_ == "nsubj" and harmful(s) for s in clause.children):
                return []
            return prep_objects([o for o in clause.children if o.dep_ == "dobj" and o.lemma_.lower() in MARK_NOUNS], ("of",))
        asserted = [c for c in verb.children if c.dep_ == "ccomp" and not any(g.dep_ == "neg" for g in c.children)]
        return [s for c in asserted if blamed(c) for s in c.children if s.dep_ == "nsubj"] + [
            s for c in asserted for s in marked_by(c)]

    def _variant(self, verb) -> TriggerEntry | None:
        """'withdrew the bill' is a concession, 'withdrew its troops' a retreat."""
        entry = self._verb_entry(verb)
        phrasal = entry is not None and " " in entry.key
        # a phrasal entry ("fire at") says more than the object does, unless it has variants of its own
        by_class = self.lexicon.variants.get(entry.key if phrasal else verb.lemma_.lower())
        if not by_class:
            return None
        if not phrasal and any(c.dep_ in ("prt", "advmod") and c.lower_ == "off" and c.i == verb.i + 1 for c in verb.children):
            return None  # "the last aircraft took off from Kabul's airport": a departure, whatever follows
        if verb.lemma_.lower() in self.lexicon.light_verbs and any(
                o.dep_ == "dobj" and self._noun_entry(o) is not None for o in _objects(verb)):
            return None  # "held talks with leaders": the talks are the event
        if verb.lemma_.lower() in ("drop", "abandon") and any(o.dep_ == "dobj" and o.lemma_.lower() in ("bid", "plan") and any(
                g.lemma_.lower() in TENURE_WORDS for g in prep_objects([o, verb, *(t for t in o.subtree if t.pos_ == "VERB")], ("for",)))
                for o in verb.children):  # "abandoned plans to run for a fifth term"
            # "dropped his bid for a fifth term": a concession, unlike a bid to host the Olympics
            return self.lexicon.variants["drop"]["measure"]
        if verb.lemma_.lower() in self.lexicon.denial_verbs and any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
            return None  # "dismissed the government as a puppet": a verdict on it, not its removal
        objects = _objects(verb) + [s for c in verb.children if c.dep_ == "ccomp" for s in c.children
                                    if s.dep_ == "nsubj"]  # "allowed a U.N. convoy to cross"
        objects += [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ == "NOUN"]  # "made Georgia an official candidate"
        if verb.lemma_.lower() in SENDING_VERBS and (any(
                self._object_lemma_in(g, "aid") for o in objects for g in _cargo(o)) or any(
                self._relief_workers(o) for o in objects if o.dep_ == "dobj")):
            # "sent two navy ships carrying food to Cuba", "dispatched a team of rescue workers": aid
            return self.lexicon.verbs.get("send")
        if any(o.dep_ == "dobj" for o in objects) or verb.lemma_.lower() in TRAVEL_VERBS:
            # "hosted Kadhimi for talks", "flew to London for medical treatment": what for is no object
            objects = [o for o in objects if not (o.dep_ == "pobj" and o.head.lower_ == "for")]
        # "promised reforms in response to weeks of protests": what answers what is no object
        objects = [o for o in objects if not (o.dep_ == "pobj" and o.head.lower_ == "in" and o.lemma_.lower() == "response")]
        if any(o.dep_ == "dobj" and o.lemma_.lower() in UNDOING_NOUNS for o in objects):
            by_class = {k: v for k, v in by_class.items() if k != "economic_sanction"}  # "approved the lifting of sanctions"
        if "talks" in by_class and by_class["talks"].event_type == "CONSULT" and not any(
                o.dep_ == "dobj" and o.lemma_.lower() in SPAN_OF_TALKS for o in objects):
            # "ended three days of talks", "ended a round of talks" were held; "ended talks with protest leaders
            # and scrapped all agreements", "ended talks abruptly" broke them off
            by_class = {k: v for k, v in by_class.items() if k != "talks"}
        if "access" in by_class and _let_in_pronoun(verb) is not None:
            return by_class["access"]  # "after the Syrian government allowed them in": people let in are given access
        if "custodians" in by_class and self._handed_to_custodians(verb, objects, by_class):
            return by_class["custodians"]  # "handing him over to Iraqi police": whoever he is, he is extradited
        if "talks" in by_class and verb.lemma_.lower() in WALKING_OUT_VERBS and not objects and _diplomats_leaving(verb):
            return by_class["talks"]  # "prompting the South Korean delegation to walk out", "after Russia walked out"
        if "territory" in by_class and verb.lemma_.lower() in CONQUERING_VERBS and any(
                o.dep_ == "dobj" and (o.ent_type_ in ("GPE", "LOC") or (o.lower_ == "control" and any(
                    g.ent_type_ in ("GPE", "LOC") for g in prep_objects([o], ("of",))))) for o in objects):
            return by_class["territory"]  # "rebels seized Damascus", "seized control of the Gaza Strip"
        ground = by_class.get("territory") or by_class.get("land")
        if ground is not None and verb.lemma_.lower() == "hand" and any(o.dep_ == "dobj" and any(
                t.ent_type_ in ("GPE", "LOC") or self.lexicon.object_matches("land", t.lemma_.lower()) for t in _with_parts(o))
                for o in objects):
            return ground  # "handed Hong Kong over to China", "handed the rest of the Sinai back to Egypt"
        held_as_described = verb.dep_ == "acl" and verb.lemma_.lower() == "hold"  # "four hikers held captive by rebels"
        if "captives" in by_class and not held_as_described and any(self._object_lemma_in(g, "captives") for g in prep_objects([verb], ("as",)) + [
                c for c in verb.children if c.dep_ == "oprd"]):
            return by_class["captives"]  # "seized about 60 Americans as hostages", "were taken hostage": hostage-taking
        chosen = self._entry_for_objects(by_class, objects)
        if chosen is not None and chosen is by_class.get("vessel") and chosen.event_type == "RETREAT" and any(
                t.lemma_.lower() in CAPTOR_NOUNS for o in objects for t in o.subtree):
            return None  # "freed a Greek-owned tanker seized by pirates": a rescue, not a release of what one held
        return chosen

    def _sent_for_trial(self, verb) -> bool:
        """'sent 29 jailed cartel figures to the United States', 'flew Mladic to The Hague to face the
        tribunal': a state that sends a suspect or prisoner to another state's justice extradites them."""
        if verb.lemma_.lower() not in TRANSFERRING_VERBS or not prep_objects([verb], ("to",)):
            return False
        sent = [o for o in verb.children if o.dep_ == "dobj"]
        if not sent or any(t.lemma_.lower() in CAPTIVE_WORDS - {"prisoner", "detainee"} for o in sent for t in o.subtree):
            return False  # "flew the freed hostages to Paris": captives come home
        to_justice = any(c.dep_ in ("advcl", "xcomp") and is_infinitive(c) and c.lemma_.lower() in JUSTICE_VERBS
                         for c in verb.children)  # "to face charges", "to serve a 30-year term", "to stand trial"
        held = any(c.dep_ in ("amod", "compound") and c.lower_ in HELD_WORDS for o in sent for c in o.children)
        return any(self._object_lemma_in(o, "suspects") or o.ent_type_ == "PERSON" or held for o in sent) and (to_justice or held)

    def _relief_workers(self, thing) -> bool:
        """'doctors', 'a medical team', 'a brigade of 300 doctors', 'a team of rescue workers' (not
        'its health minister', nor 'doctors and soldiers')."""
        members = [g for c in thing.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                   if g.dep_ == "pobj"] or [thing]
        return all(self.lexicon.object_matches("relief_workers", m.lemma_.lower()) or _relief_team(m, RELIEF_TEAMS)
                   for m in [*members, *conjuncts(members[0])])

    def _handed_to_custodians(self, verb, objects: list, by_class: dict) -> bool:
        """A person (not the flight recorders) handed to police or detectives, the "to" phrase hung on
        the verb, on it as a dative, or on the object's own modifier ("a man wanted for murder to ...")."""
        handed = [o for o in objects if o.dep_ == "dobj"]
        doers = [c for v in (verb, verb.head if verb.dep_ == "conj" else verb) for c in v.children if c.dep_ == "nsubj"]
        if any(d.lemma_.lower() in CAPTOR_NOUNS for d in doers[:1]):
            return False  # "kidnappers freed the engineer and handed him over to police": a release
        if not (any(o.lower_ in ("him", "her", "them") or o.ent_type_ == "PERSON" for o in handed) or any(
                self._object_lemma_in(o, "people") for o in handed)):
            return False
        if self._entry_for_objects(by_class, handed) not in (None, by_class.get("people")):
            return False  # "handed over the town to Palestinian police": the territory decides
        if any(t.lemma_.lower() in CAPTIVE_WORDS for o in handed for t in o.subtree):
            return False  # "handed the freed hostages over to French custody": captives returned, whoever takes them
        receivers = objects + [g for o in handed for t in o.subtree if t.dep_ == "prep" and t.lower_ == "to"
                               and t.i > o.i for g in t.children] + [
            g for c in verb.children if c.dep_ == "dative" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
        # "handed him over to Kenya": a person given to a state is extradited; bodies or prisoners of war are returned
        to_a_state = any(o.lower_ in ("him", "her") or o.ent_type_ == "PERSON" or self._object_lemma_in(o, "suspects")
                         for o in handed)
        return any(o.dep_ == "pobj" and o.head.lower_ == "to" and (
            self._object_lemma_in(o, "custodians") or (o.ent_type_ == "GPE" and to_a_state)) for o in receivers)

    def _noun_variant(self, noun) -> TriggerEntry | None:
        """'the withdrawal of its observers' ends a mission, 'the withdrawal of troops' is a retreat,
        'their withdrawal from the bloc ECOWAS' leaves an organisation."""
        objects = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "on") for g in c.children
                   if g.dep_ == "pobj"]  # "the withdrawal of troops", "a ban on imports"
        if not objects and noun.dep_ == "dobj":  # "imposed their own bans on grain imports", "on" hung on the verb
            objects = [g for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "on" and c.i > noun.i
                       for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]
        appeal = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("on", "for") and any(
            g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") and g.lemma_.lower() != "time" for g in c.children)), None)
        phoned = noun.dep_ == "dobj" and noun.head.lemma_.lower() in PHONING_VERBS
        if noun.lemma_.lower() == "call" and appeal is not None and not phoned:
            # "his call on Britain to return", "a call for calm", not "a call on Tuesday" or "held a call for the first time"
            return self.lexicon.verbs.get(f"call {appeal.lower_}")
        left = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children if g.dep_ == "pobj"]
        if noun.lemma_.lower() == "withdrawal" and not objects and any(
                g.lemma_.lower() in LEFT_BODIES or g.ent_type_ == "ORG" or _names_intergovernmental_body(g) or any(
                    c.dep_ == "compound" and c.lemma_.lower() in LEFT_BODIES for c in g.children) for g in left):
            return self.lexicon.variants.get("withdrawal", {}).get("presence")
        by_class = self.lexicon.variants.get(noun.lemma_.lower()) or {}
        strikers = any(c.dep_ in ("poss", "compound") and self.lexicon.object_matches("people", c.lemma_.lower())
                       for c in noun.children)  # "dockworkers' strikes on the East Coast ports" are walkouts
        if "struck" in by_class and not strikers and any(self._object_lemma_in(g, "struck") for c in noun.children
                                        if c.dep_ == "prep" and c.lower_ in ("on", "against") for g in c.children):
            return by_class["struck"]  # "strikes on militant camps", not "a strike on Monday"
        if "struck" in by_class and not strikers and any(c.dep_ in ("amod", "compound") and c.lower_ in MILITARY_STRIKE_WORDS
                                                         for c in noun.children):
            return by_class["struck"]  # "would respond with merciless strikes", "retaliatory strikes"
        return self._entry_for_objects({k: v for k, v in by_class.items() if k != "struck"}, objects)

    def _entry_for_objects(self, by_class: dict, objects: list) -> TriggerEntry | None:
        """The first variant whose object class one of the objects belongs to, the direct object's
        before the others' ("handed over three bases to Somali forces": the bases decide)."""
        # a state or body as a passive's subject decides too ("Russia was suspended from the council in
        # a General Assembly vote"), not a person ("was handed over to the tribunal")
        first = [o for o in objects if o.dep_ == "dobj" or (o.dep_ == "nsubjpass" and o.ent_type_ in ("GPE", "ORG", "NORP"))]
        for candidates in (first, objects):
            entry = next((entry for object_class, entry in by_class.items()
                          if any(self._object_lemma_in(o, object_class) for o in candidates)), None)
            if entry is not None:
                return entry
        return None

    def _stance_objects(self, doc: Doc, token, actor: list[Entity]) -> list:
        """What a stance is aimed at in place of its object: the holders of another party's thing."""
        if token.dep_ != "dobj":
            return [token]
        holders = self._holders(token)
        return holders if _owned_by_others(doc, token, holders, actor) else [token]

    def _holders(self, thing) -> list:
        """Whose a thing is; an application is its applicant's ("the accession of Finland to
        NATO" is Finland's), not the body it is made to."""
        applicants = [g for c in thing.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                      if g.dep_ == "pobj"] if self._object_lemma_in(thing, "application") else []
        return _direct_owners(thing) + applicants

    def _verb_licensed(self, token, entry: TriggerEntry) -> bool:
        """Object-dependent verbs need the right object; light verbs give way to their noun."""
        if token.lemma_.lower() in CURTAILING_VERBS and any(c.dep_ == "dobj" and _own_trip(c) for c in token.children):
            return False  # "cut short a visit to Brazil" ends no ties: the visit is the event
        if "asserted" in entry.flags and (token.dep_ in ("relcl", "acl", "xcomp") or is_infinitive(token)):
            return False  # "officials it held responsible", "to hold accountable those responsible": a description, a wish
        objects = _objects(token)
        if token.lemma_.lower() in self.lexicon.light_verbs:
            for obj in objects:
                spanned = [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                           if g.dep_ == "pobj"] if obj.lemma_.lower() in SPAN_NOUNS else []  # "a new round of sanctions"
                if obj.dep_ == "dobj" and (self._noun_fires(obj) or any(self._noun_entry(g) is not None for g in spanned)):
                    return False
        if self.lexicon.control_class(token.lemma_.lower()) == "neutral" and any(
                c.dep_ == "xcomp" and self._verb_entry(c) is not None for c in token.children):
            return False  # "voted to ratify the accession": the ratifying is the event
        if entry.event_type == "REQUEST" and self.lexicon.control_class(token.lemma_.lower()) == "hypothetical" and any(
                _is_infinitive_complement(c) for c in token.children):
            return False  # "sought to ease tensions" tries, it asks no one
        if entry.event_type == "SUPPORT" and token.lemma_.lower() in ("recognise", "recognize") and not any(
                c.dep_ == "dobj" for c in token.children) and any(c.dep_ == "ccomp" for c in token.children):
            return False  # "recognised that its troops committed genocide": a fact admitted, no state recognised
        if token.lemma_.lower() == "meet" and any(c.dep_ == "dobj" and self._object_lemma_in(c, "deadline")
                                                  for c in token.children):
            return False  # "meeting a deadline set by Yeltsin" is no meeting
        if token.lemma_.lower() == "concede" and any(c.dep_ == "ccomp" and any(
                a.dep_ == "aux" and a.lower_ in MODAL_WORDS for a in c.children) for c in token.children):
            return False  # "officials conceded New Delhi could refuse": a point granted, no concession made
        if token.lemma_.lower() in COUP_VERBS and not _coup_done(token):
            return False  # "ousted President Bazoum", "seeking to overthrow the government", "a coup toppled"
        if token.lemma_.lower() == "pay" and any(g.lemma_.lower() in DUES for p in [token, *_objects(token)] for c in p.children
                                                 if c.dep_ == "prep" and c.lower_ == "in" for g in c.children):
            return False  # "ordering it to pay $13 million in damages": dues owed, no aid given
        if token.lemma_.lower() == "vote" and _voted_in_election(token):
            return False  # "Moroccans voted in parliamentary elections": a ballot, no stance on anyone
        if entry.event_type == "RETREAT" and any(c.dep_ == "oprd" for c in token.children):
            return False  # "leaving 20 soldiers dead": the toll of a fight, no withdrawal
        if entry.event_type == "THREATEN" and _warned_of_danger(token):
            return False  # "warning that the country risked sliding into civil war": a danger foreseen, no threat
        barred = entry.barred_object_class
        described = [token.head] if token.dep_ == "acl" and token.tag_ == "VBN" else []  # "crimes committed by"
        if barred and any(self._object_lemma_in(o, barred) for o in objects + described):
            return False
        if "complement" in entry.flags and not any(
                c.dep_ in ("xcomp", "ccomp") and is_infinitive(c) for c in token.children):
            return False  # "ordered Menem to appear", not "ordered Abrams tanks"
        if "opposed" in entry.flags and not any(_marked_as_opposed(o) for o in objects):
            return False  # "chanted anti-government slogans", not "chanted slogans in support of the team"
        object_class = entry.object_class
        if entry.event_type == "AGREE" and any(_is_infinitive_complement(c) for c in token.children):
            return True  # "offered to hand over the suspects": an offer to act needs no object
        if object_class is None:
            if "destination" in entry.flags:
                # "was extradited and flown to New Delhi": one carried there pays no visit
                return self._destination(token) is not None and not passive_conjunct(token)
            return True
        if object_class == "actor":  # "supported Ukraine", "will support Turkey's bid", "a U.N. resolution"
            return any(o.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or _owners(o) or (
                o.dep_ == "dobj" and o.lemma_.lower() in TOLD_ACTION_NOUNS) for o in objects)  # "supported the action"
        if object_class == "none":  # "gathered outside parliament", parsed with "parliament" as object, is a place
            return not any(o.dep_ == "dobj" and not any(c.lower_ in LOCATIVE_ADVERBS for c in o.children) for o in objects)
        if any(o.dep_ == "dobj" and o.ent_type_ not in PARTY_LABELS for o in objects):
            # "restoring the blackmail in the negotiations": a thing as object decides; "supplied Moscow
            # with artillery" names a party as object, and the thing after it
            objects = [o for o in objects if o.dep_ != "pobj"]
        if object_class == "suspects" and "custodians" in (by_class := self.lexicon.variants.get(token.lemma_.lower(), {})) and (
                self._handed_to_custodians(token, objects + prep_objects([token], ("to",)), by_class)):
            return True  # "handed him to Italian police": whoever he is, he is extradited
        done_to = [token.head] if described and entry.mode == "release" and any(
            c.dep_ == "agent" for c in token.children) else []  # "prisoners freed by Belarus"
        return any(self._object_lemma_in(o, object_class) for o in objects + done_to)

    def _host_of_mission(self, doc: Doc, verb, actor: list[Entity]) -> list[Entity]:
        """The state an embassy or consulate named by where it is stands in: 'its embassy in Damascus'."""
        missions = [o for o in verb.children if o.dep_ == "dobj" and self._object_lemma_in(o, "mission")]
        return _countries_where(doc, missions, actor)

    def _object_lemma_in(self, token, object_class: str) -> bool:
        """The object or what it measures out: 'weapons', 'trucks of aid', 'tons of food'."""
        candidates = [token, *conjuncts(token)]
        counted = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                   if g.dep_ == "pobj" and g.lower_ == "them"]  # "released a dozen of them"
        if object_class in PERSON_CLASSES and any(
                c.ent_type_ == "PERSON" or (c.pos_ == "PROPN" and c.ent_type_ in ("", "NORP")) or c.lower_ in ("him", "her")
                for c in candidates) or (object_class == "people" and counted):
            return True  # a named person, even one the tagger missed ("freed Vadim Krasikov"), or one told before ("hosted him")
        if object_class == "struck" and token.dep_ == "pobj" and token.ent_type_ in ("GPE", "LOC"):
            return True  # "Israeli strikes on Gaza"
        if object_class == "actor":  # "suspended Mali from the bloc", not "suspended operations in Gaza"
            if token.dep_ in ("dobj", "nsubjpass") and self._object_lemma_in(token, "guest") and any(
                    c.dep_ in ("poss", "amod", "compound") and c.ent_type_ in ("GPE", "NORP") for c in token.children):
                return True  # "excluded Myanmar's junta chief", "Myanmar's foreign minister was excluded"
            return token.dep_ in ("dobj", "nsubjpass") and any(c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON", "FAC", "LOC") or (
                c.lemma_.lower() in COUNTRY_NOUNS and any(d.lower_ == "the" for d in c.children)) for c in candidates)  # "the country"
        measured = [token, *conjuncts(token)] if object_class == "aid" else [token]  # "a team of experts and doses of vaccine"
        for hop in range(3 if object_class == "aid" else 1):  # "the first of 300,000 tonnes of fertiliser"
            measured = [g for k in measured if k.lemma_.lower() not in TOPIC_HEADS and (
                hop == 0 or k.lemma_.lower() in QUANTITY_WORDS) for c in k.children
                        if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj" and g.pos_ != "PROPN"]
            candidates += measured
        # "peacekeeping force"; an adjective names no people ("Somalia's national army" is not nationals)
        modifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "appos")
                     and not (c.pos_ == "ADJ" and object_class in PERSON_CLASSES)]
        candidates += modifiers + [k for c in token.children if c.dep_ in ("compound", "nmod")
                                   for k in conjuncts(c)]  # "a search and rescue team"
        candidates += [g for c in token.children if c.dep_ == "appos" for g in c.children if g.dep_ == "amod"]  # "X, the suspected mastermind"
        if object_class == "aid" and any(_relief_team(c) for c in candidates):
            return True  # "sent 200 health workers to Mexico"
        if object_class == "aid" and any(self._object_lemma_in(g, "aid") for g in _cargo(token)):
            return True  # "a plane carrying 20 tonnes of medicine"
        if token.lemma_.lower() in PRICE_NOUNS:
            candidates = [token]  # "cut diesel prices" cuts prices, not diesel
        # "released convicted Russian assassin Vadim Krasikov": a suspect or convict is a person too
        return any(self.lexicon.object_matches(object_class, c.lemma_.lower()) or (
            object_class == "people" and self.lexicon.object_matches("suspects", c.lemma_.lower())) for c in candidates)

    def _light_verb_of(self, noun):
        while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head  # "launched artillery, mortar and rocket fire": the first conjunct is the object
        head, event_noun = noun.head, noun
        if noun.dep_ == "pobj" and head.lower_ == "of" and (head.head.lemma_.lower() in SPAN_NOUNS | COUNTING_WORDS or (
                head.head.ent_type_ == "CARDINAL" and head.head.pos_ == "NOUN")):
            # "launched ten days of war games", "a new round of talks", "carried out dozens of air strikes"
            noun, head = head.head, head.head.head
        elif noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in EASING_NOUNS | RAISING_NOUNS:
            noun, head = head.head, head.head.head  # "announced the lifting of sanctions": the lifting was announced
        elif noun.dep_ == "pobj" and head.lower_ in ("in", "of") and head.head.ent_type_ == "MONEY" and head.head.dep_ == "dobj":
            noun, head = head.head, head.head.head  # "extended Mexico $20 billion in loans": the loans were extended
        if noun.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in self.lexicon.light_verbs:
            return head
        if (done := next((c for c in _done_in_relative_clause(event_noun, self.lexicon.light_verbs)
                          if not any(g.dep_ == "aux" and g.lower_ == "had" for g in c.children)), None)):  # "the sanctions it had imposed"
            return done  # "condemned the attack Hamas carried out", "the nuclear test Pyongyang conducted"
        if (done := _done_to_noun_by(noun, BARGAINING_VERBS)) is not None:
            return done  # "an accord struck last month by Putin and Erdogan": its parties made it
        if noun.dep_ == "dobj" and head.lemma_.lower() in ENACTING_VERBS and self._object_lemma_in(event_noun, "pardon"):
            return head  # "Colombia's Congress approved an amnesty": the lawmakers grant it
        if noun.dep_ == "dobj" and head.lemma_.lower() in ENACTING_VERBS and event_noun.lemma_.lower() == "warrant":
            return head  # "a Seoul court approved a warrant to detain the president": the court issues it
        if noun.dep_ == "dobj" and head.lemma_.lower() in CURTAILING_VERBS and _own_trip(noun):
            return head  # "ended a visit to Bangladesh", "cut short a visit to Brazil": the visit was made
        if noun.dep_ == "pobj" and head.lower_ in ("on", "into") and (
                head.head.lemma_.lower() in self.lexicon.light_verbs | STATE_VERBS):
            return head.head  # "go on strike", "put on alert", "has been on hunger strike"
        if noun.dep_ == "pobj" and head.head.lemma_.lower() in PREP_LIGHT_VERBS.get(head.lower_, ()):
            return head.head  # "placed under arrest", "engaged in ethnic cleansing"
        if noun.dep_ == "pobj" and head.lower_ == "in" and _takes_part(head.head):
            return head.head if head.head.pos_ == "VERB" else head.head.head  # "took part in the talks"
        # "flew to Nairobi for two days of talks": the talks, not the days, are the purpose
        purpose = self._noun_entry(event_noun) if noun.dep_ == "pobj" and head.lower_ in ("on", "for") else None
        if purpose is not None and purpose.event_type in ("CONSULT", "COOPERATE", "MOBILIZE") and head.head.lemma_.lower() in TRAVEL_VERBS | {"visit"}:
            return head.head  # "arrived in Amman on a visit", "flew to Moscow for talks", "arrived in Egypt for joint drills"
        if purpose is not None and purpose.event_type == "CONSULT" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in TRIP_NOUNS for c in head.head.children) and (
                head.head.lemma_.lower() in self.lexicon.light_verbs):
            return head.head  # "made a surprise trip to Sarajevo for talks with Izetbegovic": the trip is the event
        return None

    def _trip_made(self, verb, besides=None) -> bool:
        """'made a trip to Sarajevo', 'paid a visit to Ankara': the verb's object is a journey somewhere
        (other than ``besides``)."""
        return any(c.dep_ == "dobj" and c.lemma_.lower() in TRIP_NOUNS and (besides is None or c.i != besides.i)
                   and self._destination(c) is not None for c in verb.children)

    def _is_visit(self, verb) -> bool:
        entry = self._verb_entry(verb)
        return entry is not None and entry.mode == "visit" and self._verb_licensed(verb, entry)

    def _destination(self, token, doc: Doc | None = None):
        """Where a trip goes; with the document, also a place the tagger took for a name of
        something else ("arrived in Ulaanbaatar for talks", tagged an organisation). Without it
        (deciding whether a verb names a trip at all) only what the tagger calls a place counts."""
        preps = ("to", "into", "in", "at") if token.lemma_.lower() in ARRIVAL_VERBS else ("to", "into")
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                named = [g for o in child.children if o.dep_ == "pobj" and o.lemma_.lower() in PLACE_HEADS
                         for g in prep_objects([o], ("of",))]  # "arrived at the northeastern port of Sonbong"
                for obj in [*child.children, *named]:
                    if obj.dep_ == "pobj" and (obj.ent_type_ in ("GPE", "LOC", "FAC") or (
                            doc is not None and (m := doc.mention_at(obj.i)) is not None and m.kind in PLACE_KINDS)):
                        return obj
        return None

    def _consumed(self, doc: Doc, triggers: list[_Trigger]) -> dict[int, _Trigger]:
        """Actions that a matrix AGREE/REQUEST/REJECT/THREATEN verb already codes,
        mapped to the matrix trigger that codes them."""
        consumed = self._obligations(triggers)
        matrix = {t.token.i: t for t in triggers if not t.nominal and (
            t.entry.event_type in CONSUMING_TYPES or t.token.lemma_.lower() in PERMITTING_VERBS)}
        verbs = {t.token.i for t in triggers if not t.nominal}
        # a deal, plan or demand named by a noun: what it would do is its content
        covenants = {t.token.i: t for t in triggers if t.nominal and (
            t.entry.event_type in CONSUMING_TYPES or t.entry.cameo in ("057", "030"))}
        ending = {t.token.i: t for t in triggers if not t.nominal and (
            t.entry.event_type in ("CONCEDE", "RETREAT") or "ends" in t.entry.flags
            or t.entry.event_type == "COERCE" and t.token.lemma_.lower() in SUPPRESSING_VERBS)}
        for trigger in triggers:
            if trigger.nominal and ((trigger.entry.mode == "visit" and _visitor_of_setting(trigger.token)) or (
                    trigger.entry.mode == "phone" and _caller_of_setting(trigger.token))):
                continue  # "on a visit to Seoul, urged ...": where the urging was done, not what was urged
            if trigger.nominal and trigger.entry.event_type == "CONSULT" and _in_time_phrase(trigger.token) is not None:
                continue  # "pledged ..., after four days of talks between senior diplomats": when, not what
            node = trigger.light_verb if trigger.light_verb is not None else trigger.token
            if "ends" in trigger.entry.flags and trigger.nominal and node.dep_ == "pobj" and node.head.lower_ == "of" and (
                    node.head.head.lower_ in EASING_NOUNS):
                node = node.head.head  # "the lifting of the embargo was urged": the lifting is what was urged
            head = node.head
            if node.dep_ in ("pobj", "pcomp"):  # "warned Israel against launching an offensive"
                head = head.head
            if node.dep_ == "conj" and (head.dep_ in ("xcomp", "dobj", "pobj") or _is_object_infinitive(head) or (
                    head.dep_ == "ccomp" and head.i not in verbs and not any(  # "demanded that they halt attacks and pull back"
                        c.dep_ in ("nsubj", "nsubjpass", "mark") for c in node.children))):
                node, head = head, head.head  # "agreed not to threaten or use force"
                if node.dep_ == "pobj":
                    head = head.head
            if node.dep_ == "dobj" and head.i not in verbs and head.head.i in matrix and (
                    _is_infinitive_complement(head) or _is_object_infinitive(head)):
                node, head = head, head.head  # "allowed the opposition leader to bring out a rally"
            if (_is_infinitive_complement(node) or _is_object_infinitive(node)) and head.i not in verbs and (
                    head.head.i in matrix and _is_infinitive_complement(head)):
                node, head = head, head.head  # "asked the court to order Israel to suspend its operations"
            if node.dep_ == "dobj" and head.i not in verbs and head.dep_ == "acl" and head.head.dep_ == "dobj" and (
                    head.head.head.i in matrix):
                node, head = head, head.head
            if node.dep_ == "xcomp" and node.tag_ == "VBG" and head.lemma_.lower() in CONTINUING_VERBS and (
                    head.i not in verbs and _is_infinitive_complement(head) and head.head.i in matrix):
                node, head = head, head.head  # "vowed to keep fighting": what is kept up is the content
            planned = node.dep_ == "acl" and (is_infinitive(node) or (  # "vetoed a statement criticizing China"
                node.tag_ == "VBG" and head.lemma_.lower() in STATED_THINGS)) and (
                head.dep_ == "dobj" and head.i not in verbs and head.head.i in matrix)
            if planned:  # "rejected a plan to hold talks with Armenia": what a plan would do is its content
                node, head = head, head.head
            # "the lifting of the embargo was urged by the assembly": a passive's subject is its object
            complement = node.dep_ in ("dobj", "pobj", "pcomp", "ccomp", "nsubjpass") or _is_infinitive_complement(node)
            if head.i in matrix and head.i != node.i and complement and (
                    planned or not self._is_reported(matrix[head.i])) and not self._speech_about_others(doc, head, node):
                consumed[trigger.token.i] = matrix[head.i]
            elif trigger.nominal and trigger.light_verb is None and (governor := _governing_verb(node)) is not None and (
                    not _answered_act(node)) and (
                    governor.i in matrix and governor.i != head.i and (not self._is_reported(matrix[governor.i]) or any(
                        self._object_lemma_in(a, "proposal") for a in node.ancestors if a.i != governor.i and (
                            a.i in {d.i for d in governor.subtree})))):
                # "opposed to French mediation in negotiations with Syria"; "rejected a proposal for a round of talks"
                consumed[trigger.token.i] = matrix[governor.i]
            elif trigger.nominal and trigger.light_verb is None and node.dep_ == "dobj" and head.i not in verbs and (
                    head.dep_ == "ccomp" and head.head.i in matrix and not _in_past(head)
                    and not self._is_reported(matrix[head.head.i])):
                consumed[trigger.token.i] = matrix[head.head.i]  # "warned that police will not tolerate rallies"
            elif (node.tag_ == "VBG" or _relative_of_thing(node)) and (
                    proposal := _rejected_proposal_described(node, matrix)) is not None and (
                    self._object_lemma_in(proposal, "proposal")):
                consumed[trigger.token.i] = matrix[proposal.head.i]  # "vetoed a resolution calling for new elections"
            elif node.dep_ == "acl" and (is_infinitive(node) or node.tag_ == "VBG") and head.i in covenants and (
                    head.i != trigger.token.i):
                # "reached a deal to curb Iran's nuclear programme", "signed an agreement allowing troops to train"
                consumed[trigger.token.i] = covenants[head.i]
            elif node.dep_ == "advcl" and node.tag_ == "VBG" and (signed := next(
                    (t for t in triggers if (t.entry.cameo == "057" and t.token.i == head.i) or (
                        t.token.i in covenants and t.light_verb is not None and t.light_verb.i == head.i)), None)) is not None:
                consumed[trigger.token.i] = signed  # "signed an agreement on Monday allowing ...", hung on the verb
            elif node.dep_ in ("acl", "ccomp") and head.i in covenants and head.i != trigger.token.i and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in node.children) and not _in_past(node):
                consumed[trigger.token.i] = covenants[head.i]  # "a European Union demand that it join sanctions"
            elif trigger.nominal and trigger.light_verb is None and (governor := _governing_verb(node)) is not None and (
                    not _told_as_background(node) and not _answered_act(node)) and (_is_infinitive_complement(governor) and governor.head.i in matrix
                    and not self._is_reported(matrix[governor.head.i])):
                consumed[trigger.token.i] = matrix[governor.head.i]  # "urged North Korea to return to talks with Washington"
            elif trigger.nominal and node.dep_ == "nsubj" and _goes_unanswered(head) and head.head.i in matrix:
                consumed[trigger.token.i] = matrix[head.head.i]  # "vowed that the attack would not go unpunished"
            elif trigger.nominal and node is trigger.token and (ender := _object_of(node)) is not None and (
                    ender.i in ending) and (
                    trigger.entry.event_type in CONFLICT_INTENTS | {"REJECT"}) and not (
                    trigger.entry.event_type == "PROTEST" and head.lemma_.lower() in DISPERSING_VERBS):
                consumed[trigger.token.i] = ending[ender.i]  # "called off the march": the march will not happen
            elif trigger.nominal and trigger.entry.event_type in BREAKABLE_TIES and node.dep_ == "dobj" and (
                    halted := next((t for t in triggers if t.token.i == head.i and not t.nominal
                                    and t.entry.event_type == "SANCTION"), None)) is not None:
                consumed[trigger.token.i] = halted  # "suspended peace talks with the ELN", "suspended its cooperation with NATO"
        consumed.update(_purposes_of_contents(triggers, consumed))
        consumed.update(_force_used_to_disperse(triggers, consumed))
        consumed.update(_hosted_or_charged(triggers, consumed))
        consumed.update(_answered(triggers, consumed))
        consumed.update(_nominal_contents(triggers, consumed))
        consumed.update(_provided_for(triggers, consumed))
        consumed.update(_investigated(triggers, consumed))
        consumed.update(_apologized_for(triggers, consumed))
        consumed.update(_talks_on_the_visit(triggers, consumed))
        consumed.update(_coordinated_contents(triggers, consumed))
        consumed.update(_contents_told_in_statements(triggers, consumed))
        # a claim called false was made all the same ("described the U.S. accusations as fabricated")
        return {i: by for i, by in consumed.items() if by.entry is not CLAIM_REJECTION}

    def _obligations(self, triggers: list[_Trigger]) -> dict[int, _Trigger]:
        """Everything in what another 'must' do is the demand's content, not an event, as is what
        is said to be out of the question (relative clauses aside: 'the helicopter that was
        captured' did happen)."""
        consumed: dict[int, _Trigger] = {}
        for matrix in (t for t in triggers if t.entry is OBLIGATION or t.entry is DISMISSAL):
            content = {tok.i for c in matrix.token.children if c.dep_ == "ccomp" for tok in _content_tokens(c)}
            for trigger in triggers:
                if trigger is not matrix and trigger.token.i in content:
                    consumed[trigger.token.i] = matrix
        return consumed

    def _civilian_reading(self, doc: Doc, frame: Frame, trigger: _Trigger) -> None:
        """'Protesters stormed parliament' is a riot, 'troops stormed the town' an assault; rebels'
        or soldiers' raid on a village is an attack, a police raid a search."""
        if trigger.token.lemma_.lower() in ("seize", "take", "capture") and frame.event_type == "ASSAULT" and frame.actor and all(
                e.sector == "COP" for e in frame.actor):
            frame.event_type, frame.mode, frame.cameo_code = "COERCE", "seize", "171"  # police seizing a building: a raid
            return
        if trigger.token.lemma_.lower() in ("raid", "storm") and frame.actor and _raided_to_arrest(trigger.token) and all(
                e.sector == "COP" or (e.sector == "MIL" and trigger.token.lemma_.lower() == "raid") for e in frame.actor):
            # "police stormed the embassy and arrested ...", "soldiers raided the union's offices and detained ...": a raid
            frame.event_type, frame.mode, frame.cameo_code = "COERCE", "seize", "171"
            return
        if trigger.token.lemma_.lower() == "raid" and frame.actor and all(
                e.sector in INSURGENT_SECTORS | {"MIL"} for e in frame.actor):
            frame.event_type, frame.mode, frame.cameo_code = "ASSAULT", None, "190"
            return
        if frame.reciprocal and frame.event_type == "ASSAULT" and trigger.token.lemma_.lower() == "clash":
            civilians = [e for e in frame.actor if e.sector in CIVILIAN_SECTORS]
            forces = [e for e in frame.actor if e.sector in ("COP", "MIL")]
            if civilians and forces and len(civilians) + len(forces) == len(frame.actor) and (
                    _countries(civilians) <= _countries(forces)):
                # "youths clashed with police": a riot against the state's forces, not a battle
                frame.event_type, frame.mode, frame.cameo_code = "PROTEST", "riot", "145"
                frame.actor, frame.recipient, frame.reciprocal = civilians, forces, False
                return
        protesting = not trigger.nominal and any(  # "truck drivers blocked highways to protest against fuel prices"
            c.dep_ in ("advcl", "xcomp") and is_infinitive(c) and c.lemma_.lower() in OPPOSING_VERBS | {"demand"}
            for c in trigger.token.children)
        if frame.event_type == "CONSULT" and trigger.token.lemma_.lower() in GATHERING_VERBS and protesting:
            frame.event_type, frame.mode, frame.cameo_code = "PROTEST", "demo", "141"  # "gathered to protest"
            return
        if _crowd_defying_a_ban(trigger.token) and frame.actor and all(e.sector in CIVILIAN_SECTORS for e in frame.actor):
            frame.event_type, frame.mode, frame.cameo_code = "PROTEST", "demo", "141"
            return  # "demonstrators defied a curfew", "students defied a curfew to demand ...": a protest
        entry = self.lexicon.civilian_actions.get(trigger.entry.key if not trigger.nominal else "")
        if entry is None and not trigger.nominal:
            entry = self.lexicon.civilian_actions.get(trigger.token.lemma_.lower())
        # rebels blocking roads obstruct too (CAMEO 144, whoever does it); their attacks are assaults
        sectors = CIVILIAN_SECTORS | (INSURGENT_SECTORS if entry and entry.mode == "obstruct" else frozenset())
        if entry and frame.actor and ((protesting and not any(_state_like(e) for e in frame.actor)) or all(
                e.sector in sectors for e in frame.actor)) and not (
                entry.mode == "riot" and (_raided_community(trigger.token) or _acting_abroad(doc, frame)
                                          or _communal_attackers(frame.actor))):
            frame.event_type, frame.mode, frame.cameo_code = entry.event_type, entry.mode, entry.cameo
            return
        lodged_by_state = not trigger.nominal or any(  # "despite protests from Taiwan", not "Iranian protests"
            c.dep_ == "prep" and c.lower_ in ("from", "by") and g.dep_ == "pobj" and g.ent_type_ == "GPE"
            for c in trigger.token.children for g in c.children)
        entry = self.lexicon.state_actions.get(trigger.token.lemma_.lower()) if lodged_by_state else None
        if entry and frame.actor and all(e.sector in (None, "GOV") for e in frame.actor):
            # PLOVER: a government's diplomatic protest is ACCUSE, not a street protest
            frame.event_type, frame.mode, frame.cameo_code = entry.event_type, entry.mode, entry.cameo

    def _instrument_mode(self, doc: Doc, frame: Frame, trigger: _Trigger, actor_tokens) -> None:
        """'Azerbaijani artillery hit ...' is heavy-weapons; 'warplanes bombed' aerial. What is done to
        people ("gunmen kidnapped", "police beat protesters") keeps its own mode whatever is carried."""
        if frame.event_type != "ASSAULT" or frame.mode in DONE_WHATEVER_THE_WEAPON:
            return
        words = set()
        for token in actor_tokens:  # not what a relative clause says they did before ("who had seized a gas plant")
            told = {t.i for c in token.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
            words |= {t.lemma_.lower() for t in token.subtree if t.sent.start == token.sent.start and t.i not in told}
        words |= {t.lemma_.lower() for t in trigger.token.children if t.dep_ in ("compound", "amod")}
        objects = [c for c in trigger.token.children if c.dep_ == "dobj"] + prep_objects(  # "fired water cannon"
            [trigger.token], ("in", "with"))  # "killed in a car bomb explosion"
        if trigger.token.dep_ == "relcl":  # "rockets that Hamas fired at towns in southern Israel"
            objects = [trigger.token.head if o.lower_ in ("that", "which") else o for o in objects] or [trigger.token.head]
        for obj in objects:
            words |= {t.lemma_.lower() for t in obj.subtree if t.i <= obj.i}
        carried = [self.lexicon.carried_instruments[w] for w in words if w in self.lexicon.carried_instruments]
        if carried:
            frame.mode = carried[0]
            return
        for mode, instruments in self.lexicon.instrument_modes.items():
            if words & instruments:
                frame.mode = mode
                return

    def _protesters_of(self, doc: Doc, token) -> list[Entity]:
        """Protests named without protesters are civilians' protests where they happen."""
        return _unnamed_party(doc, token, "protesters", "CVL")

    def _unnamed_attackers(self, doc: Doc, trigger: _Trigger) -> list[Entity]:
        """'A roadside bombing near Samarra killed a U.S. soldier', 'were killed by an improvised
        explosive device': an attack whose only named agent is the weapon or the blast was made by
        unidentified attackers where it happened (as the PLOVER GSR codes such attacks)."""
        token = trigger.token
        if trigger.entry.event_type != "ASSAULT":
            return []
        if (trigger.nominal and token.dep_ in ("nsubj", "nsubjpass")) or _attempt_without_agent(token):
            # "an attack on a police station in Kano left five dead", "an attempt to assassinate the
            # governor was foiled"
            if trigger.entry.mode in STANDOFF_MODES or self._launched_from_afar(token):
                return []
            return _unnamed_party(doc, token, "unidentified attackers", None, any_country=False)
        if trigger.nominal:
            return []  # one named in passing ("after the killing of two soldiers") is background
        if self._ran_into_weapon(token) or _murdered_by_no_one_named(token):
            # "their convoy struck a roadside bomb", "the candidate was shot dead as he left a rally"
            return _unnamed_party(doc, token, "unidentified attackers", "UAF", any_country=False)
        agents = [c for c in token.children if c.dep_ == "nsubj"] or [
            g for c in token.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "in")
            for g in c.children if g.dep_ == "pobj"]  # "killed in a car bomb explosion"
        if not agents and token.dep_ == "advcl" and _is_result(token):
            agents = [c for c in token.head.children if c.dep_ == "nsubj"]  # "a bomb exploded in Kabul, killing 12"
        if not agents and any(c.dep_ == "auxpass" for c in token.children):
            # "35 people were killed when a car bomb exploded near a market": the blast's, unnamed
            agents = [s for c in token.children if c.dep_ == "advcl" and any(m.lower_ in ("when", "as") for m in c.children)
                      for s in c.children if s.dep_ == "nsubj"]
        if not any(self._is_weapon_or_attack(agent) or _unnamed_assailant(doc, agent) for agent in agents):
            return []  # "they blew themselves up" names them
        # where it happened, not whom it hit: "killed a U.S. soldier near Samarra" names no attacker
        return _unnamed_party(doc, token, "unidentified attackers", "UAF", any_country=False)

    @cached_property
    def _standoff_instruments(self) -> frozenset[str]:
        return frozenset().union(*(self.lexicon.instrument_modes.get(mode, ()) for mode in STANDOFF_MODES))

    def _launched_from_afar(self, token) -> bool:
        """'an air strike', 'a rocket attack': where it lands says nothing of who launched it."""
        return any(c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in self._standoff_instruments
                   for c in token.children)

    def _unnamed_authorities(self, doc: Doc, trigger: _Trigger) -> list[Entity]:
        """'Sonko was sentenced to two years in prison', 'a missionary was arrested in Lebanon':
        an arrest, a charge or a sentence in the passive with no agent is the state's doing,
        the state where it happened."""
        token = trigger.light_verb if trigger.nominal else trigger.token  # "was placed under investigation"
        acts = STATE_ACT_NOUNS if trigger.nominal else STATE_ACTS
        if trigger.nominal and token is None and trigger.token.lemma_.lower() in acts and (
                trigger.token.dep_ in ("nsubj", "nsubjpass") and any(c.lower_ == "of" for c in trigger.token.children)):
            return _unnamed_party(doc, trigger.token, "authorities", None)  # "The arrest of X was confirmed on Wednesday"
        if trigger.nominal and token is None and trigger.token.lemma_.lower() in acts and trigger.entry.mode in DONE_TO_PEOPLE \
                and any(c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME") for c in trigger.token.children):
            return _unnamed_party(doc, trigger.token, "authorities", None)  # "after his arrest", "Navalny's detention"
        if trigger.nominal and token is None and trigger.token.lemma_.lower() in acts and (
                trigger.token.dep_ == "dobj" and trigger.token.head.lemma_.lower() in DEPLORING_VERBS) and any(
                c.lower_ == "of" for c in trigger.token.children):
            return _unnamed_party(doc, trigger.token, "authorities", None)  # "condemned the detention of six reporters"
        if trigger.nominal and token is None and trigger.token.lemma_.lower() in acts and (
                trigger.token.dep_ == "pobj" and trigger.token.head.lower_ in CAUSING_ACT_PREPS) and any(
                c.lower_ == "of" for c in trigger.token.children):
            # "lodged a protest over the detention in Beijing of a Japanese executive": the state where it happened
            return _unnamed_party(doc, trigger.token, "authorities", None, any_country=False,
                                  where=prep_objects([trigger.token], ("in",)) or None)
        if trigger.entry.mode == "release" and (places := _held_at_of(trigger.token) if trigger.nominal else _held_at(token)):
            return _unnamed_party(doc, trigger.token, "authorities", None, any_country=False, where=places)
        if token is None or (trigger.token.lemma_.lower() not in acts and not (
                trigger.token.lemma_.lower() == "seize" and people_seized(self.lexicon, token))):
            return []
        subjects = [c for c in token.children if c.dep_ == "nsubj"] or (inherited_subject(token) if token.dep_ == "conj" else [])
        subjects = [_body_of_members(s) for s in subjects]  # "members of the presidential guard detained Bazoum"
        if subjects and all((s.lemma_.lower() in STATE_AGENT_NOUNS | ARRESTING_FORCES or (  # "Paramilitary Rangers", a name
                s.tag_ == "NNPS" and s.lower_[:-1] in ARRESTING_FORCES)) and not [
                    o for o in _named_owners([s]) if o.lower_ not in ARRESTING_FORCES] for s in subjects):
            # "masked security agents ... arrested the Yukos oil chief", "presidential guards detained Bazoum": a
            # state's men the text gives no country act for the state where it happens
            return _unnamed_party(doc, token, "authorities", None)
        children = {c.dep_ for c in token.children}
        agents = [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        shared_subject = token.dep_ == "conj" and ("auxpass" in children or passive_conjunct(token)) and any(
            c.dep_ == "nsubjpass" for c in token.head.children)  # "was arrested and (will be) charged"
        if ("nsubjpass" not in children and not shared_subject) or not all(g.lemma_.lower() in STATE_AGENT_NOUNS for g in agents):
            return []  # but "was arrested by anti-graft officers": officers of no country named are the state's
        return _unnamed_party(doc, token, "authorities", None, own_place_first=True)

    def _ran_into_weapon(self, verb) -> bool:
        """'Their convoy struck a roadside bomb', 'a bus hit a landmine': the subject is the one hit."""
        return verb.lemma_.lower() in ("strike", "hit") and any(
            c.dep_ == "dobj" and self._is_weapon_or_attack(c) for c in verb.children)

    def _is_weapon_or_attack(self, token) -> bool:
        """A bomb, a blast, a shooting: what people on the ground attack with. Air strikes and
        shelling come from afar, so where they land says nothing of who launched them."""
        lemma = token.lemma_.lower()
        if any(lemma in self.lexicon.instrument_modes.get(mode, ()) for mode in GROUND_WEAPON_MODES):
            return True
        entry = self.lexicon.nouns.get(lemma)
        return entry is not None and entry.event_type == "ASSAULT" and entry.mode not in STANDOFF_MODES

    def _protest_topic(self, trigger: _Trigger, triggers: list[_Trigger]) -> bool:
        """PLOVER: the topic of a protest ('... demonstrated, demanding independence') is not
        coded as a separate REQUEST."""
        if trigger.entry.event_type != "REQUEST" or trigger.nominal:
            return False
        protest_at = {i for other in triggers if other.entry.event_type == "PROTEST"
                      for i in [other.token.i] + ([other.light_verb.i] if other.light_verb is not None else [])}
        governor = trigger.token.head
        if trigger.token.dep_ in ("advcl", "xcomp", "conj", "acl") and governor.i in protest_at:
            return True  # "marched, demanding ...", "staged rallies to demand ..."
        if trigger.token.dep_ == "pcomp" and governor.dep_ == "prep" and governor.head.dep_ in ("advcl", "acl"):
            return governor.head.head.i in protest_at  # "rioted, joining demonstrators in demanding ..."
        if trigger.token.dep_ == "acl" and governor.dep_ == "pobj" and governor.head.lower_ in ("by", "of"):
            owner = governor.head.head  # "broke up a rally by ...", the by-phrase hung on the verb
            return owner.i in protest_at or any(c.dep_ == "dobj" and c.i in protest_at for c in owner.children)
        return False

    def _refine_type(self, doc: Doc, frame: Frame, trigger: _Trigger) -> None:
        """Readings PLOVER codes as another category.

        A conflictual action announced for the future by its own side is a threat
        ("Israel would resume its offensive"); an agreement "reached" is agreed, not yet
        carried out (signing one is cooperation).
        """
        self._civilian_reading(doc, frame, trigger)
        if _captives_taken(frame, trigger):
            # "Revolutionary Guards seized 15 British sailors", "U.S. soldiers captured by Yugoslav forces":
            # people taken by armed men, not arrested by police, are abducted (CAMEO 181)
            frame.event_type, frame.mode, frame.cameo_code = "ASSAULT", "abduct", "181"
        if frame.event_type == "REQUEST" and not trigger.nominal and frame.actor and all(
                _named_as_protesters(e) for e in frame.actor):
            # "as protesters demanded an end to his rule": what a crowd of protesters demands is its
            # protest (PLOVER codes a protest's demands as the protest)
            frame.event_type, frame.mode, frame.cameo_code = "PROTEST", "demo", "141"
        if trigger.token.lemma_.lower() == "disqualify" and frame.actor and all(e.sector == "JUD" for e in frame.actor):
            # "the Supreme Court disqualified Nawaz Sharif from office": a judgment, not an official's bar
            frame.event_type, frame.mode, frame.cameo_code = "SANCTION", "convict", "116"
        if _handed_to_justice(frame, trigger):
            # "handed Milosevic over to the U.N. war crimes tribunal", "to Indian border guards": a
            # fugitive given up to another state's justice is judicial cooperation (CAMEO 063)
            frame.event_type, frame.mode, frame.cameo_code = "COOPERATE", None, "063"
            frame.recipient = [e for e in frame.recipient if e.sector == "IGO" or (
                e.sector in JUSTICE_SECTORS and e.country not in _countries(frame.actor))]
        if _ultimatum(trigger.token):  # "told Iraq to disarm or face war", "gave him 48 hours to leave or face action"
            frame.event_type, frame.mode, frame.cameo_code, frame.aux_mode = "THREATEN", None, "139", None
            return
        if frame.aux_mode == "negated" and frame.event_type in REFUSABLE_TYPES and (_will_not(
                trigger.token if trigger.light_verb is None else trigger.light_verb) or (
                trigger.light_verb is None and trigger.token.lemma_.lower() in RECOGNISING_VERBS and not any(
                    o.ent_type_ or o.pos_ == "PROPN" for o in _objects(trigger.token) if o.dep_ == "dobj"))):
            # "will not meet", and "did not recognise the results": withholding recognition of an outcome is a
            # stance taken ("has not recognised Kosovo" stays a recognition not given)
            frame.mode = self.lexicon.embedded_modes.get("REJECT", {}).get(frame.event_type)
            frame.event_type, frame.cameo_code, frame.aux_mode = "REJECT", "120", None
            partners = {e.key for e in entities_at(doc, prep_objects([trigger.token], ("with",)) + [
                c for c in trigger.token.children if c.dep_ == "dobj"])}  # "will not meet Zelensky"
            if partners and not frame.recipient and any(e.key not in partners for e in frame.actor):
                # "said his country would not negotiate with Washington": refused to the partner, not with it
                frame.recipient = [e for e in frame.actor if e.key in partners]
                frame.actor = [e for e in frame.actor if e.key not in partners]
                frame.reciprocal = False
        if frame.event_type == "REJECT" and not trigger.nominal and _no_longer(trigger.token):
            # "Athens would no longer block Macedonia's bid": an objection dropped is a concession
            frame.event_type, frame.mode, frame.cameo_code, frame.aux_mode = "CONCEDE", None, DEFAULT_CAMEO["CONCEDE"], None
        if trigger.entry.key.endswith(" to leave") and frame.recipient and _countries(frame.recipient) <= _countries(frame.actor):
            # "Putin ordered Russian troops to leave Kherson": a withdrawal ordered, no one expelled
            frame.event_type, frame.mode, frame.cameo_code = "RETREAT", "withdraw", "0874"
        if frame.event_type == "REJECT" and frame.aux_mode == "negated" and trigger.entry.key == "rule out" and any(
                t.lemma_.lower() in FORCE_WORDS for o in _objects(trigger.token) for t in o.subtree):
            # "has not ruled out the use of force against Taiwan": a threat, kept open
            frame.event_type, frame.mode, frame.cameo_code, frame.aux_mode = "THREATEN", "violence", "138", None
        if frame.event_type == "PROTEST" == trigger.entry.event_type and not trigger.nominal and (
                trigger.token.lemma_.lower() == "protest" and _content_clause(trigger.token) is not None):
            # "protested that the police had beaten detainees": a complaint in words, not a demonstration
            frame.event_type, frame.mode, frame.cameo_code = "ACCUSE", "disapprove", "111"
        if frame.event_type == "ASSAULT" and any(
                v.lemma_.lower() in READYING_VERBS and v.pos_ == "VERB" for v in self._verb_chain(trigger.token, trigger.light_verb)):
            # "the army prepared to resume shelling", "troops are poised to enter": readying forces is the event
            frame.event_type, frame.mode, frame.cameo_code, frame.aux_mode = "MOBILIZE", None, "150", None
        elif self._is_threat(frame):
            own = {e.country for e in frame.actor if e.country}
            if not any(e.country not in own for e in frame.recipient if coded(e)):
                # "would ban goods from Serbia ... unless Belgrade stopped blocking ...": whoever the condition asks to act
                frame.recipient = self._condition_parties(doc, frame, trigger.token) or frame.recipient
            if not frame.recipient and frame.event_type in DOMESTIC_TYPES and len(own) == 1:
                # "will boycott Algeria's elections unless ...": a threat to act at home is aimed at home
                frame.recipient = [home_recipient(trigger.token, own.pop(), frame.event_type)]
            frame.mode = self.lexicon.embedded_modes.get("THREATEN", {}).get(frame.event_type)
            frame.event_type, frame.cameo_code, frame.aux_mode = "THREATEN", "130", None
        elif frame.event_type == "AGREE" and frame.aux_mode != "negated" and _retaliation(trigger.token):
            frame.event_type, frame.mode, frame.cameo_code = "THREATEN", "violence", "130"  # "vowed to respond"
        elif frame.event_type == "AGREE" and trigger.token.lemma_.lower() not in AGREEING_VERBS:
            conflictual = [t for t in self._object_entries(trigger.token) if t.entry.event_type in CONFLICT_INTENTS
                           and t.entry.key not in DE_ESCALATIONS  # "pledged not to use force" promises restraint
                           and not any(c.dep_ == "neg" for c in t.token.children)]
            if conflictual and frame.aux_mode != "negated":  # "vowed to fight", "is prepared to impose martial law"
                frame.mode = self.lexicon.embedded_modes.get("THREATEN", {}).get(conflictual[0].entry.event_type)
                frame.event_type, frame.cameo_code = "THREATEN", "130"
        light = trigger.light_verb
        light_lemma = light.lemma_.lower() if light is not None else None
        signing = frame.cameo_code == "057"
        if signing and (light_lemma in AGREEING_VERBS - FINALIZING_VERBS or frame.aux_mode in ("future", "hypothetical")):
            # "reached an agreement", "may sign a pact": a promise to cooperate
            frame.event_type, frame.cameo_code = "AGREE", "030"
            frame.aux_mode = None if light_lemma in AGREEING_VERBS and frame.aux_mode == "future" else frame.aux_mode
        elif signing:
            frame.event_type = "SUPPORT"  # PLOVER: signing or ratifying an agreement is SUPPORT
        elif trigger.entry is JOINED_FORCES:
            pass  # "Chinese warships joined Russia's navy for joint exercises": one side joins the other
        elif frame.event_type == "COOPERATE" and frame.cameo_code == "062" and len(_countries(frame.actor)) == 1 and (
                partners := [e for e in frame.recipient if coded(e) and e.country not in _countries(frame.actor)]) and (
                light_lemma in JOINING_VERBS or any(c.dep_ == "prep" and c.lower_ == "with" for n in (trigger.token, light)
                                                              if n is not None for c in n.children)):
            # "staged drills with U.S. forces", "took part in exercises with the Indian navy": done together
            frame.actor, frame.recipient, frame.reciprocal = frame.actor + partners, [], True
        elif frame.event_type == "COOPERATE" and frame.cameo_code == "062" and len(_countries(frame.actor)) == 1 \
                and not any(c.lower_ in ("joint", "combined", "coordinated") for c in trigger.token.children):
            frame.event_type, frame.cameo_code, frame.mode = "MOBILIZE", "150", None  # drills alone: a show of force
            if not any(e.country not in _countries(frame.actor) for e in frame.recipient):
                frame.recipient = _ringed_by_force(doc, trigger.token, _countries(frame.actor)) or frame.recipient
            if not any(coded(e) for e in frame.recipient):  # "staged drills near the Moroccan border"
                frame.recipient = entities_at(doc, _across_border(trigger.token) + (
                    _across_border(light) if light is not None else []), exclude_countries=_countries(frame.actor)) or frame.recipient
        elif frame.event_type == "RETREAT" and frame.mode == "withdraw" and not trigger.nominal and (
                left := self._organisation_left(doc, trigger.token)) is not None:
            # PLOVER: withdrawing oneself from an organisation, a treaty or talks reduces relations
            frame.event_type, frame.cameo_code = "SANCTION", "166"
            own = _countries(frame.actor)  # "pulled the United States out of the nuclear deal with Iran": not itself
            frame.recipient = [e for e in frame.recipient if not e.country or e.country not in own] or [
                e for e in left if e.country not in own] or left
        elif frame.event_type == "MOBILIZE" and frame.mode == "weapons" and not trigger.nominal and (
                self._fired_at(doc, trigger.token, frame)):
            frame.event_type, frame.mode, frame.cameo_code = "ASSAULT", "heavy-weapons", "194"
        elif frame.event_type == "RETREAT" and frame.aux_mode == "future":
            frame.event_type = "CONCEDE"  # PLOVER: an announced future retreat is a concession
        elif frame.event_type == "RETREAT" and frame.mode == "ceasefire" and light_lemma in DECLARING_VERBS:
            frame.event_type, frame.mode = "CONCEDE", None  # declaring a truce, not yet observing it

    def _stance_target(self, doc: Doc, token, actor) -> list[Entity]:
        """'blocked streets in defiance of Chinese authorities', 'blocked a road to show their
        disapproval for the United States' policies': a protest is aimed at what it defies."""
        for node in _phrase_tokens(token) if token.pos_ == "NOUN" else _content_tokens(token):
            if node.lemma_.lower() not in STANCE_NOUNS or node.dep_ not in ("pobj", "dobj"):
                continue
            found = _other_parties(doc, prep_objects([node], STANCE_PREPS), actor)
            if found:
                return found
        return []

    def _accused_before_a_body(self, doc: Doc, token, light_verb, actor) -> list[Entity]:
        """'complained to the United Nations over Israeli air raids': a complaint lodged with an
        international body is aimed at whom it is about (PLOVER's ACCUSE recipient is the accused)."""
        heads = [n for n in (token, light_verb) if n is not None]
        heads += prep_objects(heads, ("to", "with"))  # "with the Security Council against Israel"
        # "filed a case at the International Court of Justice accusing Israel of genocide"
        accused = [g for h in heads for c in h.children if c.dep_ in ("advcl", "acl", "xcomp")
                   and c.lemma_.lower() in ACCUSING_VERBS for g in c.children if g.dep_ == "dobj"]
        return _other_parties(doc, prep_objects(heads, ("over", "about", "against")) + accused, actor)

    def _fired_at(self, doc: Doc, verb, frame: Frame) -> bool:
        """'fired rockets at Israel', 'launched missiles on Kharkiv': a launch at a party or a place
        of another country is an attack, not a weapons test ('into the sea', 'over Japan')."""
        targets = prep_objects([verb] + [c for c in verb.children if c.dep_ == "dobj"], TARGET_PREPS)  # "missiles against U.S. bases"
        targets = [t for t in targets if t.lemma_.lower() not in SEA_WORDS]  # "into waters off Taiwan's ports": a show of force
        own = _countries(frame.actor)
        return any(e.country and e.country not in own for t in targets for e in _place_entities(doc, t))

    def _organisation_left(self, doc: Doc, verb) -> list[Entity] | None:
        """'withdrew from the G5 Sahel force', 'quit the treaty': what is left, when it is a body or
        an agreement and no troops are named (those make a military withdrawal)."""
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if any(self._object_lemma_in(o, "personnel") for o in objects):
            return None
        preps = [c for c in verb.children if c.dep_ == "prep"]
        preps += [g for c in verb.children if c.lower_ == "out" for g in c.children if g.dep_ == "prep"]  # "pulled out of"
        targets = objects + [g for c in preps if c.lower_ in ("from", "of") for g in c.children if g.dep_ == "pobj"]
        for target in targets:
            entities = entities_at(doc, [target])
            if target.lemma_.lower() in BODIES_AND_AGREEMENTS or any(e.sector == "IGO" for e in entities):
                # not "Paris" of "the Paris accord"; the other party of "the nuclear deal with Iran"
                return [e for e in entities if e.sector == "IGO"] or entities_at(doc, prep_objects([target], ("with",)))
        return None

    def _is_threat(self, frame: Frame) -> bool:
        """PLOVER codes a conflictual action that its own side announces — for the future,
        or on a condition ("unless Baghdad accepts") — as THREATEN, not as the action."""
        claimants = _countries(frame.claimed_by)
        by_self = claimants and claimants <= _countries(frame.actor)
        conditional = frame.conditional
        if frame.event_type in FORCE_TYPES and frame.aux_mode == "future" and (by_self or not claimants):
            return True
        return frame.event_type in CONFLICT_INTENTS and frame.aux_mode in ("future", "hypothetical") and \
            conditional and (by_self or not claimants)

    def _object_entries(self, verb) -> list[_Trigger]:
        """What a demand or refusal is about: 'demanded the release', 'rejected talks'."""
        found = []
        complements = [c for c in verb.children if _is_infinitive_complement(c)] + [
            c for c in verb.children if c.dep_ == "ccomp" and any(  # "vowed that the group would fight"
                a.dep_ == "aux" and a.lower_ in WILL_MODALS for a in c.children)]
        # what an ending ends is not what is asked or promised: "prepared to lift the ban"
        contents = [o for c in complements if self._ending(c) is None for o in _objects(c)]
        contents += [g for c in complements if c.lemma_.lower() in CONTINUING_VERBS for g in c.children
                     if g.dep_ == "xcomp" and g.tag_ == "VBG"]  # "vowed to keep fighting"
        for obj in _objects(verb) + complements + contents:
            if obj.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in obj.children) and obj.lemma_.lower() not in self.lexicon.nouns:
                continue  # "pledged 100 million pounds": an amount, not the verb "pound"
            entry = self.lexicon.nouns.get(obj.lemma_.lower()) or self.lexicon.verbs.get(obj.lemma_.lower()) or (
                self._verb_entry(obj) if obj.pos_ == "VERB" else None)  # "vowed to wage war", "to open fire"
            if entry:
                found.append(_Trigger(obj, entry, nominal=obj.pos_ == "NOUN"))
        return found

    def _embedded_recipient(self, doc: Doc, frame: Frame, inner: _Trigger, triggers) -> tuple[list, list]:
        """'vowed to slap tariffs on goods from Mexico': a threat or a promise is aimed at whom its
        content is. Returns those parties (or the place abroad it concerns) and, apart, the actor's
        home when the content is a domestic act with no one named."""
        inner_frame = self._frame(doc, inner, triggers)
        if inner_frame is None:
            return [], self._home_of_content(doc, frame, inner)
        own = _countries(frame.actor)
        # partners of what is promised are its recipients too: "offered to negotiate with Armenia"
        own_keys = {e.key for e in frame.actor}
        parties = [e for e in inner_frame.recipient + inner_frame.actor
                   if coded(e) and e.key not in own_keys and e.country not in own]
        if not parties and frame.event_type == "REQUEST":
            # "Iraq's parliament demanded that the government expel foreign troops": another body at home is asked
            own_sectors = {e.sector for e in frame.actor}
            parties = [e for e in inner_frame.actor if coded(e) and e.sector and e.sector not in own_sectors
                       and None not in own_sectors and e.key not in own_keys]
        if parties or not targets_its_place(inner_frame):
            # "will no longer tolerate rallies by the Kifaya group": no one coded, so home
            return parties, [] if parties else self._home_of_content(doc, frame, inner)
        # "agreed to withdraw from Lebanon": a promised withdrawal concerns where it happens
        places = [e for i in inner_frame.place_tokens for e in _place_entities(doc, doc.spacy[i])]
        abroad = [e for e in places if e.country and e.country not in own][:1]
        return abroad, [] if abroad else self._home_of_content(doc, frame, inner)  # "ready to lift the curfew in Niamey"

    def _asked_to_act(self, doc: Doc, frame: Frame, embedded: list[_Trigger], triggers) -> list[Entity]:
        """'demanded the withdrawal of Serbian forces from Bosnia': a demand for another party's
        act is aimed at who would act, not at the place the act concerns."""
        own = _countries(frame.actor) | {e.key for e in frame.actor}
        for inner in (t for t in embedded if t.nominal and t.light_verb is None):
            inner_frame = self._frame(doc, inner, triggers)
            actors = [e for e in (inner_frame.actor if inner_frame else []) if coded(e)]
            if actors and not any(e.country in own or e.key in own for e in actors):
                return actors
        return []

    def _home_of_content(self, doc: Doc, frame: Frame, inner: _Trigger) -> list[Entity]:
        """'threatened to institute a curfew in Algiers', 'ready to lift the curfew in Niamey': a
        restriction, a concession or a protest promised or threatened at home, with no one named,
        is aimed at home."""
        own = _countries(frame.actor)
        if len(own) != 1 or inner.entry.event_type not in DOMESTIC_TYPES or inner.entry.cameo == APOLOGY_CAMEO:
            return []  # an apology demanded is owed by whoever did the wrong, not by home
        clause = inner.token.head if inner.token.dep_ in ("dobj", "pobj") else inner.token
        places = [m for m in doc.mentions if clause.left_edge.i <= m.start <= clause.right_edge.i and _names_where(doc, m)]
        countries = {e.country for m in places for e in m.entities if e.country}
        # a curfew or martial law is imposed at home unless a place abroad is named; an action
        # ("close the Strait of Hormuz") only where the places it names are at home
        if not countries <= own or not (countries or inner.nominal):
            return []
        return [home_recipient(inner.token, next(iter(own)), inner.entry.event_type)]

    def _condition_parties(self, doc: Doc, frame: Frame, verb) -> list[Entity]:
        """'threatened to halt the talks unless Washington drops the plan': a threat is aimed at
        whoever its condition asks to act."""
        verbs, clauses = [verb], []
        while verbs:
            current = verbs.pop()
            # "threatened to close the strait if ...", the infinitive read as a purpose clause too
            verbs += [c for c in current.children if c.dep_ in ("xcomp", "ccomp") or (
                c.dep_ == "advcl" and is_infinitive(c) and not _is_condition(c)) or (
                c.dep_ == "conj" and current is not verb)]  # "threatened to open the gates and send refugees ... if"
            clauses += [c for c in current.children if c.dep_ == "advcl" and _is_condition(c)]
        # a party named as the subject, not one inside it ("if cooperation by all parties founders")
        subjects = [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass") and doc.mention_at(s.i)] + [
            g for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass") for g in leaders_of(s)]  # "the Kenyan-led force"
        own = _countries(frame.actor)
        own_sectors = {e.sector for e in frame.actor}
        # a party at home counts when it is another side ("boycott the elections unless the president agrees")
        # (its own civilians are no other side: "warned of serious consequences if Americans were harmed")
        return [e for e in entities_at(doc, subjects) if coded(e) and (e.country not in own or (
            e.sector and e.sector != "CVL" and None not in own_sectors and e.sector not in own_sectors))]

    def _embedded_mode(self, matrix: _Trigger, embedded: list[_Trigger]) -> str | None:
        modes = self.lexicon.embedded_modes.get(matrix.entry.event_type, {})
        for trigger in embedded:
            mode = modes.get(trigger.entry.event_type)
            if mode:
                return mode
        return None

    def _speech_about_others(self, doc: Doc, verb, clause) -> bool:
        """'Iran could threaten to shut the strait, analysts warned': what a speaker says another
        side will do is reported, not the speaker's own threat or promise ("warned that Washington
        could sanction banks", said by a U.S. minister, is a U.S. threat)."""
        if clause.dep_ != "ccomp" or verb.lemma_.lower() not in self.lexicon.speech_verbs:
            return False
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("PROPN", "NOUN")]
        sides = _countries([e for e in entities_at(doc, subjects) if coded(e)])
        speaker = _countries(entities_at(doc, [c for c in verb.children if c.dep_ == "nsubj"]))
        return bool(sides) and not sides & speaker

    def _charge_of(self, verb):
        """What an arrest is for: 'arrested for collaborating with Israel', 'jailed on allegations
        of treason'. Returns the charge's head, or None."""
        for prep in (c for c in verb.children if c.dep_ == "prep"):
            objects = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
            if prep.lower_ == "for" and any((g.dep_ == "pcomp" or g.tag_ == "VBG" or self._object_lemma_in(g, "misdeed"))
                                            and g.lemma_.lower() not in QUESTIONING for g in objects):
                return objects[0]
            if prep.lower_ in ("on", "over") and any(g.lemma_.lower() in CHARGE_NOUNS for g in objects):
                return objects[0]
            inquiries = [g for o in objects if o.lemma_.lower() == "part" for g in prep_objects([o], ("of",))
                         if g.lemma_.lower() in INQUIRY_NOUNS]
            if prep.lower_ == "as" and inquiries:  # "detained as part of a corruption investigation"
                return inquiries[0]
        # "arrested a former police officer charged with the murder of a businessman"
        return next((a for o in verb.children if o.dep_ == "dobj" for a in o.children if a.dep_ == "acl"
                     and a.tag_ == "VBN" and a.lemma_.lower() in ("charge", "accuse")), None)

    def _is_reported(self, trigger: _Trigger) -> bool:
        """'deny that X happened' reports X: the embedded event is kept (and denied)."""
        return trigger.token.lemma_.lower() in self.lexicon.denial_verbs

    # -- building a frame -----------------------------------------------------------------------
    def _frame(self, doc: Doc, trigger: _Trigger, all_triggers) -> Frame | None:
        token, entry = trigger.token, trigger.entry
        borrowed = clashed = False
        if trigger.nominal:
            actor_tokens, recipient_tokens = self._noun_arguments(token, trigger.light_verb, entry, doc)
            if token.dep_ == "pobj" and token.head.lower_ == "with" and token.head.head.lemma_.lower() in BURDENING_VERBS and any(
                    c.dep_ == "auxpass" for c in token.head.head.children):
                # "North Korea was hit with United Nations sanctions": the one hit
                recipient_tokens = [c for c in token.head.head.children if c.dep_ == "nsubjpass"] or recipient_tokens
            if not actor_tokens and token.dep_ == "nsubjpass" and self._object_lemma_in(token, "agreement") and (
                    sides := prep_objects([token], ("between",))):
                # "An agreement between Serbia and Kosovo was reached late on Saturday": the parties made it
                actor_tokens, recipient_tokens = sides, [t for t in recipient_tokens if t.i not in {s.i for s in sides}]
            spanned = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" and (
                token.head.head.lemma_.lower() in SPAN_NOUNS) else token  # "a wave of missile strikes"
            if entry.event_type == "ASSAULT" and token.dep_ == "pobj" and token.head.lower_ in ("in", "by") and (
                    token.head.head.lemma_.lower() in CASUALTY_VERBS):
                # "Soleimani was killed in a U.S. drone strike in Baghdad": whom the strike killed
                recipient_tokens = [c for c in token.head.head.children if c.dep_ == "nsubjpass"] or recipient_tokens
            elif entry.event_type == "ASSAULT" and (victims := [o for c in token.children if c.dep_ == "relcl" and (
                    c.lemma_.lower() in CASUALTY_VERBS) and any(s.dep_ == "nsubj" and s.lower_ in RELATIVE_OBJECTS for s in c.children)
                    for o in c.children if o.dep_ == "dobj"]) and any(coded(e) for e in entities_at(doc, victims)) and any(
                    t.ent_type_ in ("NORP", "GPE", "PERSON") for v in victims for t in v.subtree):  # whose nationality is told
                # "the U.S. drone strike in Baghdad that killed Qassem Soleimani": whom it killed, not where
                recipient_tokens = victims
            elif entry.event_type == "ASSAULT" and not recipient_tokens and spanned.dep_ == "nsubj" and trigger.light_verb is None and (
                    spanned.head.lemma_.lower() in CASUALTY_VERBS | STRIKING_VERBS):
                # "Russian missile strikes knocked out power plants across the country": what the strikes hit
                recipient_tokens = [c for c in spanned.head.children if c.dep_ == "dobj"] + prep_objects(
                    [spanned.head, *(c for c in spanned.head.children if c.dep_ == "dobj")], ("across", "in"))
        elif entry is GUEST_VISIT:  # the guest visits whoever receives or addresses them, or where that happens
            guest = _guest_called_visiting(token)
            actor_tokens = [guest]
            governing = next((a for a in guest.ancestors if a.pos_ in ("VERB", "AUX")), None)
            recipient_tokens = [c for c in governing.children if c.dep_ == "nsubj" and c.i != guest.i] if governing is not None else []
            recipient_tokens = recipient_tokens or prep_objects([guest, guest.head, *([governing] if governing is not None else [])], ("in",))
        elif entry is WALKED_FREE:
            # the one who walks free is released, by whoever held the prison: "a British prison", "a prison near Cape Town"
            recipient_tokens = [c for c in token.children if c.dep_ == "nsubj"]
            prisons = prep_objects([token, *(c for c in token.children if c.lower_ == "free")], ("from",))
            actor_tokens = [t for p in prisons for t in p.subtree if t.ent_type_ in ("NORP", "GPE")]
        elif entry is DISMAY:
            # "Israel's foreign ministry said it was disappointed by the decision": the one dismayed disapproves
            said = _dismay_clause(token)
            actor_tokens = [c for c in said.children if c.dep_ in ("nsubj", "nsubjpass")]
            causes = [g for c in [*token.children, *said.children] if c.dep_ in ("prep", "agent") and c.lower_ in (
                "by", "with", "at", "over") for g in c.children if g.dep_ == "pobj"]
            recipient_tokens = [o for t in causes for o in (_owners(t) or [t])]
        elif entry is CHARACTERIZATION:
            actor_tokens, _ = verb_arguments(token)
            # "condemned the launch as a violation of a U.N. resolution": the one characterized, not what it violates
            characterized = [c for c in token.children if c.dep_ == "dative"] or [  # "branded him a dictator"
                c for c in token.children if c.dep_ == "dobj" and c.tag_ not in ("WP", "WDT")][:1]  # not "what"
            # "condemned it as a violation": the told event's doers, found below
            # "..., a move condemned by the EU as a violation of Georgia's integrity": the move's doers, found below
            if token.dep_ == "relcl" and self._names_a_deed(token.head):
                characterized = [c for c in characterized if c.dep_ != "dobj"]  # "a move Israel called a provocation": the label
            told_move = not characterized and token.dep_ in ("relcl", "acl") and self._names_a_deed(token.head)
            recipient_tokens = [] if told_move or any(c.lower_ in TOLD_EVENT_PRONOUNS for c in characterized) else (
                characterized or self._characterization(token))
            if not characterized and (labelled := self._labelled_in_clause(token)) is not None:
                # "said Washington was a bully": the party labelled; "amounted to an unlawful use of force by the
                # Russian state": the one the label names; "said the move amounted to war": the deed's doers, below
                by_agents = [g for n in labelled.head.subtree if n.dep_ in ("agent", "prep") and n.lower_ == "by"
                             for g in n.children if g.dep_ == "pobj"]
                recipient_tokens = [labelled] if labelled.pos_ == "PROPN" else by_agents
        elif entry is DISMISSAL:  # whom what is ruled out would concern: "removing the sanctions on Burma"
            actor_tokens, _ = verb_arguments(token)
            recipient_tokens = [t for s in self._dismissed_by_saying(token).children if s.dep_ in ("nsubj", "csubj")
                                for t in s.subtree if t.pos_ == "PROPN" or doc.mention_at(t.i) is not None]
        elif entry is OBLIGATION:  # "Russia told reporters Sudan must return the helicopter": Sudan, not the reporters
            actor_tokens, _ = verb_arguments(token)
            recipient_tokens = [s for c in token.children if c.dep_ == "ccomp" for s in c.children
                                if s.dep_ in ("nsubj", "nsubjpass")]
        else:
            actor_tokens, recipient_tokens = verb_arguments(token)
            if not recipient_tokens and token.lemma_.lower() in DESIGNATING_VERBS and _designated_terrorist(token):
                # "declared Hamas a terrorist organisation", read as a small clause: its subject is the one banned
                recipient_tokens = [s for c in token.children if c.dep_ in ("ccomp", "xcomp", "oprd")
                                    for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
            if entry.event_type == "ASSAULT" and not actor_tokens and (rivals := _clash_rivals(token)):
                # "Twenty Indian soldiers were killed in a clash with Chinese troops": two sides fought
                actor_tokens, recipient_tokens, clashed = recipient_tokens + rivals, [], True
            if token.dep_ == "acl" and token.tag_ == "VBG" and token.head.dep_ == "dobj" and (
                    token.head.lemma_.lower() in DECREE_NOUNS) and all(t.i == token.head.i for t in actor_tokens) and (
                    "ends" in entry.flags or entry.event_type in ("SANCTION", "COERCE")):
                # "signed an executive order ending most U.S. sanctions on Syria": the signer ends them
                actor_tokens = [c for c in token.head.head.children if c.dep_ == "nsubj"]
            if entry.mode == "withdraw" and token.lemma_.lower() == "hand" and (
                    given_to := prep_objects([token, *(c for c in token.children if c.dep_ == "advmod")], ("to",))):
                recipient_tokens = given_to  # "handed Hong Kong back to China": ground ceded to whom it goes
            if entry.key.endswith(" into") and entry.event_type == "ASSAULT" and (into := prep_objects([token], ("into",))):
                recipient_tokens = into  # "tanks rolled into Kuwait City": where they went, nothing the clause hangs on
            if entry in (JOINED_FORCES, JOINED_INQUIRY):  # the side joined, not "..., a sign of cooperation between X and Y"
                recipient_tokens = [c for c in token.children if c.dep_ == "dobj"][:1]
            if entry is MEMBERSHIP_TAKEN:
                recipient_tokens = [_body_joined(token)]
            if entry is MEMBERSHIP_GRANTED and not actor_tokens:
                actor_tokens = [_body_admitting(token)]
            if entry.event_type == "AGREE" and not actor_tokens and any(c.dep_ == "auxpass" for c in token.children):
                # "a truce between Israel and Hamas was agreed": the parties agreed it
                actor_tokens = prep_objects([token, *(c for c in token.children if c.dep_ == "nsubjpass")], ("between",))
            if entry.key == "hold responsible" and token.lemma_.lower() in self.lexicon.speech_verbs:
                recipient_tokens = self._blamed_in_clause(token)  # "said Moscow was responsible": whom the saying blames
            if not recipient_tokens and (entry.event_type in ("REQUEST", "RETREAT", "CONCEDE", "SANCTION") or (
                    entry.event_type == "SUPPORT" and any(c.dep_ == "ccomp" and c.pos_ == "NOUN" for c in token.children))):
                # "demanded that the government raise ...", "allowed a U.N. convoy to cross", "found X guilty"
                recipient_tokens = [s for c in token.children if c.dep_ == "ccomp" for s in c.children
                                    if s.dep_ in ("nsubj", "nsubjpass")]
            if not recipient_tokens:  # "vowed to support Pyongyang's efforts"
                recipient_tokens = [r for c in token.children if c.dep_ == "xcomp" for r in verb_arguments(c)[1]]
                borrowed = any(c.dep_ == "xcomp" and c.lemma_.lower() in SENDING_VERBS for c in token.children)
        if not trigger.nominal and entry.mode == "release" and token.dep_ == "acl" and not recipient_tokens and any(
                c.dep_ == "agent" for c in token.children):
            recipient_tokens = [token.head]  # "14 prisoners freed by Belarus": those freed
        if not trigger.nominal and entry.event_type == "AID" and (token.lemma_.lower() in ARRIVING_VERBS or (
                token.lemma_.lower() in GOODS_ARRIVING_VERBS and self._goods_arriving(token))):
            goods = [c for c in token.children if c.dep_ == "nsubj"]  # "tanks from Britain arrived in the country"
            goods += [g for t in goods for g in conjuncts(t)]
            actor_tokens = prep_objects(goods, ACTOR_PREPS) + _named_owners(goods) or actor_tokens
            own = _countries(entities_at(doc, actor_tokens))  # "in the country" read as the sender is no destination
            recipient_tokens = [t for t in self._arrived_at(token, doc) if not set(_countries(entities_at(doc, [t]))) & set(own)]
        if not trigger.nominal and self._ran_into_weapon(token):
            actor_tokens, recipient_tokens = [], actor_tokens  # the convoy that struck the bomb was hit
        if entry.event_type == "CONSULT":  # "met at the G20 summit": where they met, not whom
            recipient_tokens = [t for t in recipient_tokens if _meeting_setting(t) != token.i
                                and t.lemma_.lower() not in SETTING_HEADS]
            if token.lemma_.lower() in TOPIC_VERBS:  # what is discussed is no party; whom "with" still is
                topics = [t for t in recipient_tokens if t.dep_ == "dobj"]
                recipient_tokens = [t for t in recipient_tokens if t not in topics] + prep_objects(topics, ("with",))
        if entry.mode in EXPULSION_MODES and not trigger.nominal and any(
                t.dep_ == "dobj" and (self._object_lemma_in(t, "people") or t.lower_ == "them") for t in recipient_tokens):
            # "deported 200 migrants from Guinea to the border with Libya": whom and where from, not where to;
            # "released 222 prisoners and deported them to the United States": its own citizens
            deporters, departures = entities_at(doc, actor_tokens), prep_objects([token], ("from",))
            deported = [e for e in entities_at(doc, [t for t in recipient_tokens if t.dep_ == "dobj"]) if coded(e)]
            if deported or _other_parties(doc, departures, deporters):  # "deported four Palestinian activists to Lebanon"
                recipient_tokens = [t for t in recipient_tokens if not (t.dep_ == "pobj" and t.head.lower_ == "to")] + departures
        if entry.cameo == "064":  # "shared intelligence with Turkey": what is shared is no party
            own = _countries(entities_at(doc, actor_tokens))  # not "handed Iraq intelligence on a planned attack"
            shared = [t for t in recipient_tokens if t.dep_ == "dobj" and self._object_lemma_in(t, "intelligence") and not any(
                coded(e) and e.country not in own for e in entities_at(doc, [t]))]
            sources = prep_objects([token], ("from",))  # "intelligence from surveillance drones with Turkey"
            topics = [t for t in recipient_tokens if t.dep_ == "pobj" and t.head.lower_ in ("on", "about")]  # "data on North Korean launches"
            recipient_tokens = [t for t in recipient_tokens if t not in shared and t not in topics] + [  # "... with Ukraine"
                g for t in (shared + sources + topics if shared else []) for p in t.subtree
                if p.dep_ == "prep" and p.lower_ in ("with", "to") for g in p.children if g.dep_ == "pobj"]
        if entry.mode == "disarm":  # "gave up the Soviet nuclear arsenal": the arms are no party
            arms = [t for t in recipient_tokens if self._object_lemma_in(t, "arms")]
            # but "handed over their rifles to U.N. peacekeepers": whom the arms go to, hung on them
            recipient_tokens = [t for t in recipient_tokens if t not in arms] + prep_objects(arms, ("to",))
        if entry.event_type in ("MOBILIZE", "AGREE", "AID") or entry.mode == "withdraw" or borrowed:
            # "refused to send troops to Yemen" borrows whom the sending is for, not the troops
            # what is sent, offered or withdrawn ("its soldiers", "4,000 troops") is not whom it is for
            # "put its army on alert", "moved tanks and troops to the border" (a missile fired over Japan is aimed)
            personnel = [t for t in recipient_tokens if (self._object_lemma_in(t, "personnel") or (
                trigger.nominal and self._object_lemma_in(t, "armed_forces")) or (
                entry.event_type == "MOBILIZE" and t.dep_ == "dobj" and self._object_lemma_in(t, "forces")
                and not self._object_lemma_in(t, "missile"))) and (
                t.dep_ == "dobj" or (entry.event_type not in ("AGREE", "AID") and not borrowed)) and not (
                t.dep_ == "pobj" and t.head.lower_ == "to" and token.lemma_.lower() in HANDING_VERBS)]  # aid "to government forces" is theirs
            # ... and ground "handed over to Congolese forces" too
            preps = RECIPIENT_PREPS | ({"from"} if entry.mode == "withdraw" else set())
            recipient_tokens = [t for t in recipient_tokens if t not in personnel] + [
                g for t in personnel for c in t.children if c.dep_ == "prep" and c.lower_ in preps
                for g in c.children if g.dep_ == "pobj"]  # "4,000 troops to a force in Liberia", "soldiers from Niger"
        if (entry.event_type == "MOBILIZE" or entry.mode in SELF_ACTED_MODES) and not actor_tokens and not trigger.nominal:
            # "police were deployed", "a third of the guerrillas have been demobilized": they act, no one else is named
            actor_tokens = [c for c in token.children if c.dep_ == "nsubjpass"]
            recipient_tokens = [t for t in recipient_tokens if t.dep_ != "nsubjpass"]
        if not actor_tokens and entry.mode == "expel" and not trigger.nominal and any(c.dep_ == "nsubjpass" for c in token.children):
            # "Russia was suspended from the U.N. Human Rights Council": the body one is put out of does it
            # ("expelled from Norway", "excluded from the ASEAN summit")
            actor_tokens = [h for g in prep_objects([token], ("from",)) for h in [
                g, *(c for c in g.children if c.dep_ in ("compound", "nmod")), *prep_objects([g], ("of",))]  # "the councils of the Commonwealth"
                            if h.ent_type_ in ("ORG", "GPE") or _names_intergovernmental_body(h)]
        actor = entities_at(doc, actor_tokens)
        if not actor and not trigger.nominal and (sides := _sides_each_acting(token)):
            actor = entities_at(doc, sides)  # "clashed, with each side accusing the other": both sides
        if not actor and trigger.light_verb is not None and not (
                entry.event_type == "AID" and trigger.light_verb.lemma_.lower() in RECEIVING_VERBS):  # the taker gives nothing
            # "its offensive" unresolved: who resumes it
            actor_tokens = verb_arguments(trigger.light_verb)[0]
            actor = entities_at(doc, actor_tokens)
        if not any(coded(e) for e in actor) and entry.event_type in FORCE_TYPES and not trigger.nominal:
            # "drone attacks claimed by Yemen's Houthi movement set fire to two plants": the attack's claimant
            actor = entities_at(doc, [d for t in actor_tokens for d in _doers_named_by_participle(t)]) or actor
        if not any(coded(e) for e in actor):
            actor = self._unnamed_attackers(doc, trigger) or self._unnamed_authorities(doc, trigger) or actor
        if entry.event_type in JOINT_TYPES:
            actor = dedupe_entities(actor + entities_at(doc, _side_by_side(token, trigger.light_verb, actor_tokens)))
        if entry.object_class and not trigger.nominal:
            # people beaten, freed or received are parties themselves ("beat members of the minority")
            things = [t for t in recipient_tokens if t.dep_ == "dobj" and (not _is_named(doc, t) or (
                entry.event_type == "AID" and self._object_lemma_in(t, "aid")))  # "sent 200 doctors to Nicaragua"
                      and not (entry.object_class in PERSON_CLASSES and entities_at(doc, [t]))]
            recipient_tokens = [t for t in recipient_tokens if t not in things]
            recipient_tokens += [g for t in things for part in _with_parts(t) if not leaders_of(part) for c in part.children
                                 if c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS | {"for", "between", "among"}
                                 for g in c.children if g.dep_ == "pobj"]  # "part of an aid programme for Bosnia"
            recipient_tokens += [owner for t in things for owner in _owners(t)]  # "accepted Egypt's proposal"
            vehicles = [t for t in _objects(token) if t.dep_ == "dobj" and _carrying(t)]
            recipient_tokens = [t for t in recipient_tokens if t not in vehicles] + [  # "navy ships carrying food to Cuba"
                g for t in vehicles for p in _carrying(t) for c in p.children
                if c.dep_ == "prep" and c.lower_ in ("to", "for") for g in c.children if g.dep_ == "pobj"]
            if things or any(t.dep_ == "dobj" for t in recipient_tokens):
                # "suspended its mediation among the factions", the parser hanging "among" on the verb
                recipient_tokens += prep_objects([token], ("between", "among"))
        if entry.cameo == "064" and not trigger.nominal and token.lemma_.lower() in ("pass", "hand") and (
                passed_to := prep_objects([token, *(t for c in token.children if c.dep_ == "dobj" for t in c.subtree)], ("to",))):
            recipient_tokens = passed_to  # "passed information on Russian hacking to the FBI": not the topic's country
        if entry.cameo == "166" and not trigger.nominal and token.lemma_.lower() in WALKING_OUT_VERBS:
            # "walked out of a U.N. racism conference in Geneva": the meeting's body or other side, not its venue
            recipient_tokens = [p for m in _objects(token) if m.dep_ == "pobj" and m.lemma_.lower() in MEETING_NOUNS | {"conference", "dialogue", "summit"}
                                for p in _meeting_parties(m)]
        if _taken_off_air(token) and not trigger.nominal:
            recipient_tokens = [c for c in token.children if c.dep_ == "dobj"]  # the broadcasters, not their coverage
        if entry.cameo == "063" and not trigger.nominal and (sent_to := prep_objects(
                [token, *(c for c in token.children if c.dep_ == "dobj")], ("to",)) or [
                g for c in token.children if c.dep_ == "dative" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]):
            recipient_tokens = sent_to  # "extradited Do Kwon to the United States": cooperation with whom receives him
            courts = [o for c in token.children if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in JUSTICE_VERBS
                      for o in c.children if o.dep_ == "dobj"]
            if any(e.sector == "IGO" for e in entities_at(doc, courts)):
                recipient_tokens = courts  # "flew Mladic to The Hague to face the U.N. tribunal": the court receives him
        if entry.mode == "seize" and not trigger.nominal and (taken_from := [g for g in prep_objects(
                [token, *(c for c in token.children if c.dep_ == "dobj")], ("from",))
                if _is_named(doc, g) and any(coded(e) and e.country not in _countries(actor) for e in entities_at(doc, [g]))]):
            recipient_tokens = taken_from  # "to seize control of YPF from Spain's Repsol": from whom it is taken
        if token.lemma_.lower() == "invite" and not trigger.nominal and any(c.dep_ == "dobj" for c in token.children):
            # "invited him to Moscow for talks": the guest is asked, the place is where to come
            recipient_tokens = [t for t in recipient_tokens if not (t.dep_ == "pobj" and t.head.lower_ == "to")]
        if entry.event_type in ("AID", "AGREE", "MOBILIZE") and not trigger.nominal and not any(
                _is_named(doc, t) for t in recipient_tokens):
            recipient_tokens += _helped(token)  # "sent firefighters to help Bolivia battle the fires"
        if entry.event_type == "REJECT" and not trigger.nominal and not entities_at(doc, recipient_tokens):
            # "defied warnings from Britain and France": whose warnings they were
            claims = [t for t in recipient_tokens if t.dep_ == "dobj"]
            recipient_tokens = recipient_tokens + [o for t in claims for o in _owners(t)] + [
                g for t in claims for c in token.children if c.dep_ == "prep" and c.lower_ == "from"
                and c.i == t.right_edge.i + 1 for g in c.children if g.dep_ == "pobj"]  # "from" hung on the verb
        if entry.event_type in STANCE_TYPES and not recipient_tokens and not trigger.nominal and (
                token.dep_ == "ccomp" and token.head.pos_ == "NOUN" and not any(c.dep_ == "dobj" for c in token.children)):
            recipient_tokens = [token.head]  # "the plan that Israel rejected", parsed as a content clause
        if entry.event_type == "REQUEST" and not trigger.nominal and not any(_is_named(doc, t) for t in recipient_tokens):
            # "sought military aid from the United States": asked is whom it is sought from
            recipient_tokens = recipient_tokens + prep_objects([token, *_objects(token)], ("from",))
        if entry.event_type == "REQUEST" and not trigger.nominal and any(
                t.dep_ == "dobj" and _is_named(doc, t) for t in recipient_tokens):
            # "asked the Security Council to authorise action against Iraq": asked is the Council
            recipient_tokens = [t for t in recipient_tokens if t.dep_ == "dobj" or _is_named(doc, t)]
        if entry.event_type == "ACCUSE" and not trigger.nominal and any(
                (t.dep_ == "dobj" or (token.dep_ == "relcl" and t.i == token.head.i)) and _is_named(doc, t)
                for t in recipient_tokens):
            # "deported Venezuelans it accused of gang membership to a prison in El Salvador": the accused
            # are named; where the parser hangs "to" is no addressee
            recipient_tokens = [t for t in recipient_tokens if not (t.dep_ == "pobj" and t.head.lower_ == "to")]
        perpetrators = _perpetrators(recipient_tokens, None if trigger.nominal else token) if entry.event_type == "ACCUSE" else []
        if any(coded(e) for e in entities_at(doc, perpetrators)):
            recipient_tokens = perpetrators
        elif entry.mode == "investigate":  # "into alleged war crimes in Ukraine": where, not who did them
            recipient_tokens = [t for t in recipient_tokens if not _deed_only_placed(doc, t)]
        if entry.event_type in STANCE_TYPES and not trigger.nominal:  # "blocked the EU's aid package for Ukraine"
            if any(t.dep_ == "dobj" and self._object_lemma_in(t, "application") for t in recipient_tokens):
                # "ratified the accession of Finland to NATO": NATO is where the applicant goes
                recipient_tokens = [t for t in recipient_tokens if not (t.dep_ == "pobj" and t.head.lower_ == "to")]
            recipient_tokens = [o for t in recipient_tokens for o in self._stance_objects(doc, t, actor)]
        if entry.cameo == "063" and any(t.dep_ == "pobj" and t.head.lower_ == "to" for t in recipient_tokens):
            # "handed over Ramzi Yousef to the United States": extradited to them, not to himself
            recipient_tokens = [t for t in recipient_tokens if t.dep_ == "pobj" and t.head.lower_ == "to"]
        if entry.event_type in ("COERCE", "ASSAULT") and any(t.dep_ == "dobj" and entities_at(doc, [t]) for t in recipient_tokens):
            # "arrested Pinochet at a London clinic on a Spanish warrant", "beheaded a Canadian hostage on the
            # Philippine island of Jolo": the one arrested or killed, not the where or the why
            recipient_tokens = [t for t in recipient_tokens if not (t.dep_ == "pobj" and t.head.lower_ in ("at", "on"))]
        # a protest is aimed at its own side's rulers as often as not ("against Sweden's decision")
        # "killing its own citizens", "against its Rohingya minority": a state's own people can be its victims
        own_people = entry.event_type in FORCE_TYPES and _own_people_harmed(doc, recipient_tokens, _countries(actor))
        own_side = _countries(actor) if entry.event_type != "PROTEST" and not own_people else frozenset()
        recipient = entities_at(doc, recipient_tokens, exclude_countries=own_side)
        if entry is GUEST_VISIT and not recipient:  # "standing beside a visiting Hillary Clinton in Cairo"
            recipient = [e for t in recipient_tokens for e in _place_entities(doc, t) if e.country not in own_side]
        if entry.mode == "withdraw" and not trigger.nominal and not any(coded(e) for e in recipient):
            # "recalled its ambassadors from Washington and London", "its troops from Iraq and Afghanistan": the places left
            recipient = _places_of(doc, [m for g in prep_objects([token, *_objects(token)], ("from",)) for m in with_conjuncts(g)])
        if any(a.sector == "IGO" for a in actor):  # "the U.N. sent personnel to study a peacekeeping force": its own
            recipient = [e for e in recipient if not _unnamed_international(e)]
        if entry.event_type == "MOBILIZE" and not any(coded(e) for e in recipient):
            # "for a war against Iraq", "trained hackers capable of launching cyber warfare against the US"
            purposes = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children] + [
                c for c in token.children if c.dep_ == "dobj"]
            recipient = entities_at(doc, [t for p in purposes for c in p.subtree if c.dep_ == "prep"
                                          and c.lower_ == "against" for t in c.children if t.dep_ == "pobj"],
                                    exclude_countries=_countries(actor)) or recipient
        recipient = _answered_parties(doc, token, entry.event_type, actor, recipient, recipient_tokens)
        recipient = _without_venues(doc, recipient, recipient_tokens)
        if entry.event_type == "ACCUSE" and recipient and all(e.sector == "IGO" for e in recipient):
            recipient = self._accused_before_a_body(doc, token, trigger.light_verb, actor) or recipient
        if entry.event_type in BORDER_TYPES and not any(coded(e) for e in recipient):  # "massed troops near its border with Ukraine"
            recipient = entities_at(doc, _across_border(token), exclude_countries=_countries(actor))
        destination = self._destination(token, doc) or (
            trigger.light_verb is not None and self._destination(trigger.light_verb, doc))
        # "arrived in Noumea for talks", tagged an organisation; two sides who travel for talks meet on neutral ground
        travelled_for = entry.event_type == "CONSULT" and trigger.light_verb is not None and (
            trigger.light_verb.lemma_.lower() in TRAVEL_VERBS) and len(_countries(actor)) == 1
        if (entry.mode == "visit" or travelled_for) and not any(coded(e) for e in recipient) and destination:
            recipient = [e for e in _place_entities(doc, destination)
                         if not travelled_for or e.country not in _countries(actor)]  # "returned to Kyiv for talks" is home
        if entry.event_type == "COOPERATE" and trigger.light_verb is not None and trigger.light_verb.lemma_.lower() in (
                TRAVEL_VERBS) and destination and len(_countries(actor)) == 1 and not any(coded(e) for e in recipient):
            # "Russian troops arrived in Belarus for joint exercises": with the host, when no partner is named
            recipient = [e for e in _place_entities(doc, destination) if e.country not in _countries(actor)] or recipient
        if entry.event_type == "MOBILIZE" and not trigger.nominal and token.lemma_.lower() in ARRIVAL_VERBS and not any(
                coded(e) for e in recipient) and destination:  # "soldiers arrived in Poland": where they went
            recipient = [e for e in _place_entities(doc, destination) if e.country not in _countries(actor)] or recipient
        # "planeloads of aid landed in Islamabad", "a relief convoy carrying flour reached Srebrenica"
        arrival = _arrival_of(token if trigger.nominal else token.head) if entry.event_type in SENT_FORCE_TYPES and (
            trigger.nominal or token.dep_ == "acl") else None
        if arrival is not None and not any(coded(e) for e in recipient):  # "arrived at North Korea's port of Nampho"
            recipient = [e for t in self._arrived_at(arrival, doc) or prep_objects([arrival], ("in", "at", "to"))
                         for e in _place_entities(doc, t)] or recipient
        sender = token.head if not trigger.nominal and token.dep_ in ("advcl", "xcomp") else None
        if sender is not None and not any(coded(e) for e in recipient) and (
                sender.lemma_.lower() in SENDING_VERBS | TRAVEL_VERBS) and (sent_to := self._destination(sender, doc)) is not None:
            # "sent 21 personnel to Bosnia to investigate": the purpose is carried out where they went
            recipient = _place_entities(doc, sent_to) or recipient
        if entry.event_type == "PROTEST" and not recipient:  # "demonstrated outside the Swedish embassy"
            recipient = entities_at(doc, [g for c in token.children if c.dep_ == "prep" and c.lower_ in SITE_PREPS
                                          for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in MISSION_NOUNS])
        if "recipient" in entry.flags and not any(coded(e) for e in recipient):
            return None
        required = [f.split(":", 1)[1] for f in entry.flags if f.startswith("actor:")]
        if required and not any(e.sector in required or (
                "MIL" in required and e.sector == "IGO" and e.name.split(" (")[0] in BLOC_FORCES) for e in actor):
            return None  # "troops from ECOWAS began leaving Gambia": a bloc's forces are armed forces too
        reciprocal = "reciprocal" in entry.flags and (self._between(token) or (  # "clashed with the army": both fight
            not trigger.nominal and any(c.dep_ == "prep" and c.lower_ == "with" for n in [token] + [
                o for o in token.children if o.dep_ == "dobj"] for c in n.children))) or (  # "exchanged fire with"
            trigger.nominal and entry.event_type == "COOPERATE" and bool(actor) and _done_jointly(token) and any(
                c.dep_ == "prep" and c.lower_ == "with" for n in (token, trigger.light_verb) if n is not None
                for c in n.children)) or (  # "staged joint patrols with U.S. warships"
            trigger.nominal and not actor and token.lemma_.lower() in MEETING_NOUNS and len(_countries(entities_at(
                doc, prep_objects([token], ("of",))))) > 1)  # "a meeting of the two countries' defence ministers"
        # "Qatari mediators held talks with both sides": the go-between consults the sides, a third party
        mediating = entry.event_type == "CONSULT" and any(t.lemma_.lower() in MEDIATOR_NOUNS for t in actor_tokens)
        if reciprocal and not mediating:
            actor = actor + recipient  # "talks between Armenia and Azerbaijan": both take part
            recipient = []
        actor = [e for e in actor if coded(e)] or actor
        recipient = [e for e in recipient if coded(e)]
        if not own_people:
            recipient = [e for e in recipient if e.key not in {a.key for a in actor}]
        if len(_countries(actor)) > 1:  # "Palestinians and Israelis failed to agree on the Palestinian offices"
            recipient = [e for e in recipient if e.country not in _countries(actor)]
        if entry is OBLIGATION and not recipient:
            return None  # "Syria said it must defend its borders": a duty of one's own, not a demand
        if entry.event_type == "CONSULT" and entry.mode is None and not trigger.nominal and not recipient and (
                len(actor) == 1 and actor[0].country and actor[0].sector != "IGO") and not _partners(token, None, None):
            return None  # "Israel's cabinet met Sunday": a body of one side meeting on its own consults no one
        if not any(coded(e) for e in actor) and not trigger.nominal and _counted_crowd(token, actor_tokens, entry) and (
                entry.event_type == "PROTEST" or self.lexicon.civilian_actions.get(entry.key) is not None):
            # "as tens of thousands marched through the capital": a crowd counted, not named, protests where it is
            actor = self._protesters_of(doc, token)
            if entry.event_type != "PROTEST":
                entry = self.lexicon.civilian_actions[entry.key]
        if entry.mode == "access" and not trigger.nominal and not any(coded(e) for e in recipient) and token.dep_ in (
                "advcl", "relcl", "pcomp") and _let_in_pronoun(token) is not None:
            # "inspectors reached the suburb after the government allowed them in": those the clause is about
            let_in = [e for e in entities_at(doc, [c for c in token.head.children if c.dep_ == "nsubj"]) if coded(e)]
            recipient = let_in or recipient
        if "ends" in entry.flags and (others := [e for e in recipient if coded(e) and e.country not in _countries(actor)]):
            recipient = others  # "ending most U.S. sanctions on Syria": the sanctions are the actor's own, Syria is eased
        if entry.cameo == "063" and not trigger.nominal and not any(coded(e) for e in recipient) and token.dep_ == "pcomp" and (
                (carried := token.head.head).lemma_.lower() in TRAVEL_VERBS | SENDING_VERBS) and (
                sent_to := self._destination(carried, doc)) is not None:
            recipient = _place_entities(doc, sent_to) or recipient  # "was flown to New York after being extradited by Thailand"
        if entry.cameo == "075" and trigger.nominal and not any(coded(e) for e in actor) and (
                sheltering := _mission_states(doc, token, trigger.light_verb)):
            # "took refuge in the Dutch embassy", "was given refuge in the Vatican's diplomatic mission": its state shelters
            actor = sheltering
            sheltered = [c for v in (trigger.light_verb, token.head) if v is not None for c in v.children
                         if c.dep_ in ("nsubj", "nsubjpass")]
            recipient = [e for e in entities_at(doc, sheltered) if coded(e) and e.country not in _countries(actor)] or recipient
        if not any(coded(e) for e in actor) and not trigger.nominal and entry.key == "carry" and entry.event_type == "AID":
            # "six trucks carrying United Nations relief supplies": whose the supplies are
            owners = [e for e in entities_at(doc, _named_owners([o for o in token.children if o.dep_ == "dobj"])) if coded(e)]
            actor = owners or actor
            recipient = [e for e in recipient if e.key not in {a.key for a in owners}]
        if not any(coded(e) for e in actor) and not trigger.nominal and entry.mode == "deport" and any(
                c.dep_ == "nsubjpass" for c in token.children):
            # "More than 10,000 Haitians were deported from the Dominican Republic": the state they were sent from
            actor = [e for e in _places_of(doc, [m for g in prep_objects([token], ("from",)) for m in with_conjuncts(g)])
                     if e.country not in _countries(recipient)] or actor
        if not any(coded(e) for e in actor) and not trigger.nominal and entry.cameo == "063":
            actor = _extraditing_state(doc, token, recipient)  # "Alfonso Portillo was extradited to the United States"
        if entry is WALKED_FREE and not any(coded(e) for e in actor) and (jailer := _jailing_country(doc, token, recipient)):
            actor = [home_recipient(token, jailer, "RETREAT")]  # "walked free from a prison near Cape Town"
        if not any(coded(e) for e in actor) and not trigger.nominal:
            return None
        if entry in (JOINED_FORCES, JOINED_INQUIRY) and _countries(actor) == _countries(recipient):
            return None  # "Scotland Yard detectives joined British counterterrorism police": one state's agencies
        if entry.key == "order" and entry.event_type == "REQUEST" and _commands_own_agencies(actor, recipient):
            return None  # "ordered the State Department to prepare to move the embassy": the act ordered is the news
        if _ceremonial_gathering(token, actor_tokens):
            return None
        verb_chain = self._verb_chain(token, trigger.light_verb)
        aux_mode = self._aux_mode(token, verb_chain, trigger.nominal,
                                  conditional_is_content=entry.event_type in CONSUMING_TYPES)
        claimed_by, denied_by = self._attribution(doc, token, verb_chain)
        conditional = any(c.dep_ == "advcl" and _is_condition(c) for v in [token, *verb_chain] for c in v.children)
        mode = entry.mode
        if entry.event_type == "CONSULT" and _by_phone(token, trigger.light_verb):
            mode = "phone"
        elif entry.event_type == "CONSULT" and trigger.nominal and trigger.light_verb is not None and (
                trigger.light_verb.lemma_.lower() in TRAVEL_VERBS):
            mode = "visit"  # "arrived in Damascus for talks with President Assad": the visitor meets the host
        if entry.event_type == "CONSULT" and mode in (None, "phone") and entry.key not in THIRD_PARTY_CONSULTS:
            partner_tokens = _partners(token, trigger.light_verb, mode)
            partners = [e for e in entities_at(doc, partner_tokens, _countries(actor)) if coded(e)]
            if partners and mediating:
                recipient, mode = dedupe_entities(recipient + partners), "third-party"
            elif partners and mode is None and any(_visiting(t) for t in partner_tokens) and (host := actor or entities_at(
                    doc, [c for t in partner_tokens for c in t.children if c.dep_ == "poss"])) and (
                    visitors := [e for e in partners if e.key not in {h.key for h in host}]):
                # "talks with his visiting Bangladeshi counterpart": the visitor came to the host
                actor, recipient, mode = visitors, host, "visit"
            elif partners:  # "spoke by phone with Putin", "held talks with Mao": both sides consult, neither is the target
                actor, recipient = dedupe_entities(actor + partners), []
        if mediating and recipient:
            mode = "third-party"
        if entry.cameo == "057":  # "signed a treaty at the Vatican", "at the White House": where, not with whom
            venues = {e.key for n in (token, trigger.light_verb) if n is not None for p in prep_objects([n], ("at", "in"))
                      for e in entities_at(doc, [p])}
            recipient = [e for e in recipient if e.key not in venues]
        if entry.cameo == "057" and recipient and any(c.dep_ == "prep" and c.lower_ == "with" for n in (
                token, trigger.light_verb) if n is not None for c in n.children):
            actor, recipient = dedupe_entities(actor + recipient), []  # "signed agreements with Turkey": all sign
        if entry.event_type == "CONSULT":  # "held talks on the sidelines of the BRICS summit": a setting, no party
            actor = _outside_settings(doc, token, actor) or actor
            recipient = _outside_settings(doc, token, recipient)
        if entry.event_type == "CONSULT" and aux_mode == "negated" and mode is None and recipient and (
                token.lemma_.lower() == "meet"):
            actor, recipient = dedupe_entities(actor + recipient), []  # "did not meet": no one hosted anyone
        frame = Frame(
            trigger=token.i,
            event_type=entry.event_type,
            mode=mode,
            cameo_code=entry.cameo,
            context=list(entry.context),
            actor=dedupe_entities(actor),
            recipient=dedupe_entities(recipient),
            claimed_by=claimed_by,
            denied_by=denied_by,
            aux_mode=aux_mode,
            tense=self._tense(verb_chain, aux_mode),
            place_tokens=self._place_tokens(doc, token, trigger.light_verb, destination),
            date_tokens=self._date_tokens(doc, token, verb_chain),
            sentence=doc.sentence_index(token.i),
            lemma=entry.key,
            nominal=trigger.nominal,
        )
        frame.evidence_start, frame.evidence_end = self._evidence(doc, token, verb_chain, actor, recipient)
        raw = self._confidence(frame, actor_tokens, doc)
        if trigger.learned is not None:
            frame.explain["typer_phrase"] = trigger.learned[0]
        frame.explain["raw_confidence"] = raw
        frame.confidence = load_calibration().apply(raw)
        self._instrument_mode(doc, frame, trigger, actor_tokens)
        frame.conditional = conditional
        # "Armenia and Azerbaijan clashed": two sides of a two-sided action, neither its target
        # "opposition fighters and government troops exchanged gunfire in Mogadishu": two sides of one country too
        frame.reciprocal = reciprocal or ("reciprocal" in entry.flags and not recipient and (
            len(_countries(actor)) > 1 or len({e.key for e in actor if coded(e)}) > 1)) or (
            _fought_each_other(token, actor, actor_tokens) and not trigger.nominal and not recipient) or clashed
        frame.explain["trigger"] = f"'{token.text}' ({'noun' if trigger.nominal else 'verb'}) -> {entry.event_type}"
        return frame

    def _content_mode(self, frame: Frame, trigger: _Trigger) -> None:
        """A mode told by what is given or threatened ("$1 billion in military aid", "vowed harsh
        revenge"), else by the entry's field ("extradited" is legal cooperation). Asylum is asylum
        whoever is sheltered ("granted asylum to a former army commander")."""
        told = self.lexicon.content_modes.get(frame.event_type, {})
        if frame.event_type == "MOBILIZE" and frame.mode in (None, "troops"):
            # "deployed riot police", "massed tanks and artillery": what moves, not the verb, says which
            frame.mode = next((mode for head in _moved(trigger.token, trigger.light_verb)
                               for word in [c for c in head.children if c.dep_ == "compound"] + [head]  # "special police units"
                               for mode, cues in told.items() if word.lemma_.lower() in cues), frame.mode)
            return
        if frame.mode is not None:
            return
        fields = [c for c in trigger.entry.context if c in CONTEXT_MODES.get(frame.event_type, ())]
        words = _told_content(trigger.token, trigger.light_verb, frame.event_type == "THREATEN") if told else set()
        frame.mode = ("asylum" if "asylum" in fields else None) or next(
            (mode for mode, cues in told.items() if words & cues), None) or (fields[0] if fields else None)
        if frame.event_type == "AID" and frame.cameo_code == "070" and frame.mode in AID_MODE_CAMEO:
            frame.cameo_code = AID_MODE_CAMEO[frame.mode]  # military aid is CAMEO 072, humanitarian 073

    def _noun_arguments(self, noun, light_verb, entry: TriggerEntry, doc: Doc) -> tuple[list, list]:
        actor: list = []
        recipient: list = []
        forces: list = []
        for child in noun.children:
            if child.dep_ == "poss" and entry.mode in DONE_TO_PEOPLE and (child.pos_ == "PRON" or child.ent_type_ == "PERSON" or (
                    (m := doc.mention_at(child.i)) is not None and m.kind == "person")):
                recipient.append(child)  # "Navalny's arrest", "his detention": the one arrested
            elif child.dep_ == "poss":
                actor.append(child)
            elif child.dep_ in ("compound", "amod", "nmod") and child.i < noun.i and (
                    child.ent_type_ in ("GPE", "NORP", "ORG") or child.pos_ == "PROPN"):
                actor.append(child)
            elif child.dep_ == "prep" and child.lower_ == "from" and entry.mode == "withdraw":
                recipient += [g for g in child.children if g.dep_ == "pobj"]  # "its withdrawal from Somalia"
            elif child.dep_ == "prep" and child.lower_ == "of" and (entry.mode == "withdraw" or entry.event_type in SENT_FORCE_TYPES) \
                    and any(self._object_lemma_in(g, "personnel") for g in child.children if g.dep_ == "pobj"):
                forces += [g for g in child.children if g.dep_ == "pobj"]  # "the withdrawal of Russian troops"
                recipient += prep_objects(forces, ("from", "to", "towards", "toward"))  # "... of its last soldiers from Niger"
            elif child.dep_ in ("prep", "agent") and child.lower_ in ACTOR_PREPS:  # "agent": the noun read as a participle
                actor += [g for g in child.children if g.dep_ == "pobj"]
            elif child.dep_ == "prep" and child.lower_ == "of" and entry.event_type == "AID" and (cargo := [
                    g for g in child.children if g.dep_ == "pobj" and self._object_lemma_in(g, "aid")]):
                # "a shipment of U.S. weapons": whose the goods are, not whom they go to
                actor += _named_owners(cargo)
            elif child.dep_ == "prep" and child.lower_ == "of" and noun.lemma_.lower() in PROTEST_GATHERINGS and any(
                    self.lexicon.object_matches("people", g.lemma_.lower()) for g in child.children if g.dep_ == "pobj"):
                actor += [g for g in child.children if g.dep_ == "pobj"]  # "a rally of elderly pensioners": they rally
            elif child.dep_ == "prep" and child.lower_ in NOUN_RECIPIENT_PREPS and not (
                    child.lower_ == "on" and entry.event_type in TOPICAL_TYPES):  # "talks on Iran's nuclear programme"
                recipient += [g for g in child.children if g.dep_ == "pobj"
                              and not (child.lower_ == "with" and g.lemma_.lower() in HELP_NOUNS)]
        if not actor and (entry.mode == "release" or entry.cameo == "063"):
            actor = _doers_hung_on_object(noun)  # "the handover of two suspects by Thailand", "by" read as the suspects'
        if not actor:  # "drone attacks claimed by Yemen's Houthi movement", "the blockade imposed on Gaza by Israel"
            actor = _doers_named_by_participle(noun)
            if actor and not recipient:  # "the blockade imposed on Gaza by Israel"
                recipient = [g for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" for g in prep_objects([c], ("on", "against"))]
        if not actor and entry.mode == "visit" and (visitor := _visitor_of_setting(noun)):
            actor = visitor  # "praised the reforms during a visit to Yangon": the one praising visits
        if not actor and noun.lemma_.lower() in MEETING_NOUNS and (sides := _meeting_before(noun, recipient)):
            actor = sides  # "China and the Philippines pledged ..., after talks between senior diplomats in Manila"
        if not actor and entry.mode == "phone" and (callers := _caller_of_setting(noun)):
            actor = callers  # "apologised to Turkey during a telephone call with Erdogan": the one apologising calls
        if not actor and noun.lemma_.lower() in WARNING_NOUNS:
            # "a warning of sanctions from Washington": the parser hangs the source on what is warned of
            actor = [g for t in prep_objects([noun], ("of",)) for c in t.children if c.dep_ == "prep" and c.lower_ == "from"
                     for g in c.children if g.dep_ == "pobj"]
        if not actor and noun.dep_ == "dobj" and noun.head.lemma_.lower() in DRAWING_VERBS:
            actor = prep_objects([noun.head], ("from",))  # "drew condemnation on Tuesday from Berlin", hung on the verb
        if light_verb is not None:
            verb_actor, verb_recipient = verb_arguments(light_verb)
            if light_verb.lemma_.lower() in PARTICIPATING_VERBS and verb_actor:
                # "the Iraqi minister attended the Arab League summit": who attends acts, the host is met
                actor, recipient = [], recipient + actor
            if actor and verb_actor and all(t.tag_ == "PRP$" for t in actor) and noun.dep_ == "dobj" and any(
                    c.dep_ == "conj" for v in verb_actor for c in v.children):
                actor = verb_actor  # "the EU and the United States imposed their toughest sanctions": the sides named
            actor = actor or verb_actor  # "the U.S. speeded up the withdrawal of its forces": the U.S.
            if light_verb.lemma_.lower() not in TRAVEL_VERBS:  # "returned to Geneva for talks": a place, not a party
                recipient += [t for t in verb_recipient if t.i != noun.i]
            if entry.event_type == "AID" and not recipient and any(c.dep_ == "auxpass" for c in light_verb.children) and not any(
                    c.dep_ == "nsubjpass" for c in light_verb.children):
                recipient = inherited_subject(light_verb)  # "left the airport after being granted asylum by Russia"
            if entry.event_type in ("SUPPORT", "ACCUSE") and not recipient:
                backed = prep_objects([light_verb], ("for", "of"))  # "voiced support on Tuesday for Morocco's plan"
                recipient += [o for t in backed for o in (_owners(t) or [t])]
        actor = actor or forces
        if entry.event_type == "ASSAULT" and not recipient and noun.dep_ == "pobj" and noun.head.lower_ == "by":
            # "a maternity hospital in Mariupol was reduced to rubble by a Russian air strike": what the strike hit
            recipient = next(([c for c in v.children if c.dep_ == "nsubjpass"] for v in list(noun.head.ancestors)[:3]
                              if any(c.dep_ == "nsubjpass" for c in v.children)), [])
        if entry.event_type == "ACCUSE" and not recipient:
            # "Canada's allegation that its agents were linked to the killing": whom the charge names as the doer
            recipient = [g for c in noun.children if c.dep_ == "acl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                         for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
        if entry.event_type == "SANCTION" and not recipient and light_verb is not None:
            recipient = _target_of_listed_measures(noun)  # "imposed an oil embargo, ... and a ban on sporting contacts on Belgrade"
        arrival = _arrival_of(noun) if entry.event_type in SENT_FORCE_TYPES else None
        if arrival is not None:  # "the first deployment of NATO peacekeepers arrived in Bosnia", "the convoy reached Madaya"
            recipient += self._arrived_at(arrival, doc)
        if arrival is not None and not actor and noun.dep_ == "pobj":  # "planeloads of aid from China"
            actor = prep_objects([noun.head.head], ACTOR_PREPS) + _named_owners([noun.head.head])
        if entry.event_type == "AID" and noun.dep_ == "dobj" and noun.head.lemma_.lower() in RECEIVING_VERBS:
            # "Venezuela secured a $5 billion loan from China": the taker is the subject, the giver named by "from"
            goods = [noun] + [g for g in _of_objects(noun) if self._object_lemma_in(g, "aid")]  # "a shipment of helicopters"
            givers = prep_objects([noun, noun.head, *goods[1:]], ("from",)) + _named_owners(goods)
            return givers, [c for c in noun.head.children if c.dep_ == "nsubj"] or inherited_subject(noun.head)
        if noun.lemma_.lower() == "warrant" and not recipient:
            # "issued a warrant to detain the Lebanese banker": whom it is to arrest (the infinitive hangs on either)
            holders = [noun] + ([light_verb] if light_verb is not None else [])
            recipient += [o for h in holders for c in h.children if c.dep_ in ("acl", "xcomp", "advcl") and is_infinitive(c)
                          for o in c.children if o.dep_ == "dobj"]
        accusation = _accused_of(noun) if not actor else None
        if accusation is not None:  # "blamed Israel for the killing": the accused did it
            actor = [c for c in accusation.children if c.dep_ in ("dobj", "nsubjpass")]
        if not actor:  # "said Moscow was culpable for the attack", "held Russia responsible for the attack"
            actor = _blamed_doers(noun)
        claim = _responsibility_claimed(noun) if not actor else None
        if claim is not None:  # "the rebels claimed responsibility for the attack": they did it
            actor = [c for c in claim.children if c.dep_ == "nsubj"]
        if entry.event_type in ("ACCUSE", "REQUEST") and not recipient:
            # "accusations ... that Pyongyang supplied", "its demands that Burundi's government grant"
            clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp")] + _complement_clauses_of(noun)
            for clause in clauses:
                recipient += [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        return actor, recipient

    def _between(self, token) -> bool:
        return any(c.dep_ == "prep" and c.lower_ == "between" for c in token.children)

    # -- entities --------------------------------------------------------------------------------
    # -- aux modes, tense, attribution ------------------------------------------------------------
    def _verb_chain(self, token, light_verb) -> list:
        """The trigger and the verbs that govern it through control: 'is expected to travel'."""
        chain = []
        node = light_verb if light_verb is not None else token
        if token.dep_ == "pobj" and light_verb is None:
            governor = token.head.head  # "prepares for his visit"
            if self.lexicon.control_class(governor.lemma_.lower()) not in (None, "neutral"):
                chain.append(governor)
                node = governor
        elif light_verb is not None or not (token.pos_ in ("NOUN", "PROPN")):
            chain.append(node)
        elif token.dep_ in ("nsubj", "nsubjpass"):
            chain.append(token.head)  # "The visit is expected to ..."
            node = token.head
        while node.dep_ in ("xcomp", "conj", "advcl") and node.head.i != node.i:
            if node.dep_ == "advcl" and not any(c.lower_ == "to" and c.dep_ == "aux" for c in node.children):
                break
            if node.dep_ == "conj" and any(c.dep_ == "aux" and c.lower_ != "to" for c in node.children):
                break  # "did not recognise the results and would impose sanctions": a conjunct with its own auxiliary
            if node.dep_ == "conj" and node.tag_ in FINITE_TAGS and node.head.tag_ == "VB":
                break  # "did not recognise the government and suspended Egypt": a tensed conjunct shares no auxiliary
            node = node.head
            chain.append(node)
        return chain

    def _aux_mode(self, token, chain: list, nominal: bool, conditional_is_content: bool = False) -> str | None:
        found: set[str] = set()
        for verb in chain:
            found |= self._verb_markers(verb, conditional_is_content and verb.i == token.i, governs=verb.i != token.i)
        if nominal:
            for child in token.children:
                for mode, words in self.lexicon.noun_modifiers.items():
                    if child.lower_ in words and child.dep_ in ("amod", "det", "compound", "advmod"):
                        found.add(mode)
                if child.dep_ == "acl" and self.lexicon.control_class(child.lemma_.lower()) == "future":
                    found.add("future")  # "The visit, set for Tuesday"
        for mode in AUX_PRIORITY:
            if mode in found:
                return mode
        return None

    def _verb_markers(self, verb, conditional_is_content: bool = False, governs: bool = True) -> set[str]:
        found = set()
        lemma = verb.lemma_.lower()
        control = self.lexicon.control_class(lemma)
        if governs and control and control != "neutral" and any(c.dep_ in ("xcomp",) for c in verb.children):
            found.add(control)
        if control in ("future",) and any(c.dep_ == "prep" and c.lower_ == "for" and not _for_how_long(c)
                                          for c in verb.children):
            found.add("future")  # "prepares for his visit", "set for Tuesday"
        for child in verb.children:
            word = child.lower_
            if _negates(child) or (child.dep_ == "advmod" and word == "never"):
                found.add("negated")
            elif child.dep_ == "aux":
                if word == "would" and _reported_past(verb, self.lexicon.reporting_verbs):
                    found.add("future")  # "said it would allow": the backshifted future
                    continue
                for mode, words in self.lexicon.modals.items():
                    if word in words or child.lemma_.lower() in words:
                        found.add(mode)
                if word == "going":
                    found.add("future")
            elif child.dep_ == "mark" and word in ("if", "unless"):
                found.add("hypothetical")
        if conditional_is_content:
            return found
        if any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "if" for g in c.children)
               for c in verb.children):
            found.add("hypothetical")  # the consequence of a conditional
        return found

    def _tense(self, chain: list, aux_mode: str | None) -> str:
        if aux_mode == "future":
            return "future"
        if not chain:
            return "past"
        verb = chain[-1]
        if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in verb.children):
            return "future"
        if verb.tag_ in ("VBZ", "VBP"):
            has_perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
            return "past" if has_perfect else "present"
        return "past"

    def _attribution(self, doc: Doc, token, chain: list) -> tuple[list[Entity], list[Entity]]:
        """Who carries the event: the nearest reporting verb or noun above it."""
        claimed: list[Entity] = []
        denied: list[Entity] = []
        if token.dep_ == "conj" and token.lemma_.lower() in self.lexicon.quote_cues and any(
                c.dep_ == "nsubj" for c in token.children):
            return self._according_to(doc, token), []  # "said it had conducted a test, and Japan condemned it"
        node = chain[-1] if chain else token
        owner = noun_complement_owner(_clause_head(node))
        if owner is not None and owner.i != token.i and self._reports(owner):
            denial = owner.head
            if owner.dep_ == "dobj" and denial.pos_ == "VERB" and denial.lemma_.lower() in self.lexicon.denial_verbs and not any(
                    c.dep_ in ("poss", "compound", "amod", "prep") and (c.ent_type_ in ("GPE", "NORP", "ORG") or c.lower_ in (
                        "by", "from", "western", "foreign")) for c in owner.children):
                # "denied reports that it had freed ...", but not "denied U.S. charges that ...": those claim it
                return [], dedupe_entities(self._speaker_of(doc, denial))
            return dedupe_entities(self._speaker_of(doc, owner)), []
        for _ in range(6):
            head = node.head
            if head.i == node.i or node.dep_ == "relcl" or noun_complement_owner(node) is not None:
                break
            accusation = _accused_of(node)
            if accusation is None and node.dep_ == "pcomp" and (accused := accused_noun(head)) is not None:
                accusation = accused.head  # "accused Israeli settlers of torching", "of" hung on the accused
            if accusation is not None:
                claimed = self._speaker_of(doc, accusation)
                break
            if node.dep_ in ("ccomp", "acl", "pcomp", "xcomp", "advcl", "conj") or (
                    node.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "of"):
                governor = past_the_agent(head.head) if node.dep_ == "pcomp" else head
                speakers = self._speaker_of(doc, governor)
                lemma = governor.lemma_.lower()
                if lemma in self.lexicon.denial_verbs and governor.pos_ in ("VERB",) and node.dep_ == "ccomp":
                    denied = speakers
                    break
                if self._reports(governor) and node.dep_ == "advcl" and any(
                        c.dep_ in ("mark", "nsubj", "nsubjpass") for c in node.children):
                    break  # "declared a state of emergency as rioting spread": the rioting is no part of what is declared
                if self._reports(governor) and node.dep_ != "conj" and speakers:
                    # "did not confirm that it had carried out the strike": the speaker asserts nothing
                    claimed = [] if any(c.dep_ == "neg" for c in governor.children) else speakers
                    break
            node = head
        claimed = claimed or self._according_to(doc, token)
        return dedupe_entities(claimed), dedupe_entities(denied)

    def _reports(self, token) -> bool:
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX"):
            return lemma in self.lexicon.reporting_verbs
        return token.pos_ == "NOUN" and lemma in self.lexicon.reporting_nouns

    def _speaker_of(self, doc: Doc, governor) -> list[Entity]:
        if governor.pos_ == "NOUN":
            actor_tokens, _ = self._noun_arguments(governor, self._light_verb_of(governor),
                                                   self.lexicon.nouns.get(governor.lemma_.lower()) or _NO_ENTRY, doc)
        else:
            actor_tokens, _ = verb_arguments(governor)
        return speaker_entities(doc, actor_tokens)

    def _according_to(self, doc: Doc, token) -> list[Entity]:
        sent = token.sent
        for t in sent:
            if t.lower_ == "according" and t.dep_ == "prep":
                for to in t.children:
                    objs = [g for g in to.children if g.dep_ == "pobj"] or (
                        [g for c in t.children for g in c.children if g.dep_ == "pobj"])
                    found = entities_at(doc, objs)
                    if found:
                        return found
        return []

    # -- places, dates, evidence ----------------------------------------------------------------
    def _place_tokens(self, doc: Doc, token, light_verb, destination) -> list[int]:
        places = [destination.i] if destination is not None and destination is not False else []
        # "a car bomb exploded in a Lima suburb, killing 18 people": the killing is where the blast was
        told_by = token.head if token.dep_ == "advcl" and _is_result(token) else None
        for node in (token, light_verb, told_by):
            if node is None:
                continue
            for child in node.children:
                if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
                    for obj in child.children:
                        if obj.dep_ != "pobj":
                            continue
                        if obj.lower_ in PLACE_HEADS or obj.lower_ in SITE_HEADS:  # "in the town of Yevlakh", "in a Lima suburb"
                            obj = next((g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                                        for g in c.children if g.dep_ == "pobj"), None) or next(
                                (c for c in obj.children if c.dep_ in ("compound", "appos") and c.pos_ == "PROPN"),
                                obj)  # "in the capital Kabul"
                        if (obj.ent_type_ or obj.pos_ == "PROPN") and obj.ent_type_ not in TEMPORAL_ENTITIES and (
                                obj.i not in places):  # "in mid-August" is a time
                            places.append(obj.i)
        for node in (token, light_verb, told_by):  # "struck the port of Odesa", "signed deals with X in Istanbul"
            if node is None:
                continue
            for inner in _phrase_tokens(node, participles=True):
                if inner.dep_ == "dobj" and inner.head.i == node.i and inner.lower_ in PLACE_HEADS and not prep_objects(
                        [inner], ("of",)):  # "pounded Idlib province"; "the Black Sea port of Sukhumi" is Sukhumi
                    places += [c.i for c in inner.children if c.dep_ == "compound" and c.i not in places and (
                        c.ent_type_ in ("GPE", "LOC") or getattr(doc.mention_at(c.i), "kind", None) == "place")][:1]
                if inner.dep_ != "pobj" or inner.i in places or inner.head.lower_ not in PLACE_PREPS | {"of"}:
                    continue
                if any(a.dep_ == "acl" and a.head.lemma_.lower() in DOCUMENT_NOUNS for a in inner.ancestors if a.i > node.i):
                    continue  # "in a report released in New York": where the report came out
                of_a_place = inner.head.lower_ == "of" and inner.head.head.lower_ in PLACE_HEADS
                named_site = inner.lower_ in SITE_HEADS and any(  # "at Ankara airport", not "Rohingya refugee camps"
                    c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ != "NORP" for c in inner.children)
                read_as_place = getattr(doc.mention_at(inner.i), "kind", None) == "place"  # "a studio in Guayaquil" (ORG)
                if inner.ent_type_ in ("GPE", "LOC", "FAC") or (of_a_place and inner.pos_ == "PROPN") or named_site or read_as_place:
                    places.append(inner.i)  # the gazetteer decides whether a mislabelled name is a place
                elif inner.lower_ in PLACE_HEADS | COMPASS_DIRECTIONS and (inner.head.lower_ in PLACE_PREPS or (  # "bases in the Tigray region"
                        inner.head.lower_ == "of" and inner.head.head.lower_ in AREA_NOUNS)):  # "areas of Idlib province"
                    places += [c.i for c in inner.children if c.dep_ == "compound" and (
                        c.pos_ == "PROPN" or c.ent_type_ in ("GPE", "LOC"))][:1] + [  # "in Pakistan's Bajaur district":
                        c.i for c in inner.children if c.dep_ == "poss" and (c.ent_type_ == "GPE" or getattr(
                            doc.mention_at(c.i), "kind", None) == "nominal")]  # Pakistan, if Bajaur is unknown; "the country's"
        return places

    def _date_tokens(self, doc: Doc, token, chain: list) -> list[int]:
        found = []
        roots = [token] + [v for v in chain if v.i != token.i]
        for root in roots:
            for node in _phrase_tokens(root):
                if node.ent_type_ in ("DATE", "TIME") and node.i not in found and dates_predicate(node, root):
                    found.append(node.i)
        top = roots[-1]
        if not found and top.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in ("after", "before", "when", "as", "while") for c in top.children):
            found += [n.i for n in _phrase_tokens(top.head) if n.ent_type_ in ("DATE", "TIME")
                      and dates_predicate(n, top.head)]  # "suspended in January 2019 after the group bombed"
        for child in token.children:  # "The visit, set for Tuesday"
            if child.dep_ == "acl":
                found += [n.i for n in child.subtree if n.ent_type_ in ("DATE", "TIME") and n.i not in found]
        return found

    def _evidence(self, doc: Doc, token, chain, actor, recipient) -> tuple[int, int]:
        sent = token.sent
        governing = [v for v in chain if v.i == token.i or v.i in _control_ancestors(token)]
        indices = {token.i} | {v.i for v in governing}
        for node in [token] + governing:
            for child in node.children:
                if child.dep_ == "prep" and child.i < node.i:
                    continue  # a fronted phrase ("Despite ...", "In a letter ...") frames the clause
                if child.dep_ in ("aux", "auxpass", "neg") and child.i < node.i:
                    indices.add(child.i)  # "would resume", "did not agree"
                if child.dep_ in EVIDENCE_DEPS or (child.dep_ == "xcomp" and node.i != token.i) or (
                        child.dep_ == "xcomp" and token.pos_ == "VERB" and child.i in {v.i for v in governing}):
                    indices |= {t.i for t in _phrase_tokens(child)}
                if child.dep_ == "ccomp" and token.lemma_.lower() in self.lexicon.denial_verbs:
                    indices |= self._denied_clause_tokens(child)
                if child.dep_ == "xcomp" and node.i == token.i:
                    indices |= {t.i for t in child.subtree}
        chars = [(doc.spacy[i].idx, doc.spacy[i].idx + len(doc.spacy[i])) for i in indices
                 if sent.start <= i < sent.end]
        for entity in actor + recipient:
            if sent.start_char <= entity.start and entity.end <= sent.end_char:
                chars.append((entity.start, entity.end))
        start = min(c[0] for c in chars)
        end = max(c[1] for c in chars)
        return start, end

    def _denied_clause_tokens(self, clause) -> set[int]:
        """'deny any arms deal exists': the clause, unless the parser hung a long one here."""
        if noun_complement_owner(clause) is not None:
            return set()  # the parser hung another noun's clause here
        subtree = [t.i for t in clause.subtree]
        if len(subtree) <= 12:
            return set(subtree)
        keep = {clause.i}
        for child in clause.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                keep |= {t.i for t in child.subtree}
        return keep

    def _confidence(self, frame: Frame, actor_tokens, doc: Doc) -> float:
        score = 0.45
        if frame.actor and all(coded(e) for e in frame.actor):
            score += 0.2
        if frame.recipient:
            score += 0.1
        if not frame.nominal:
            score += 0.1
        if any(doc.mention_at(t.i) is not None and doc.mention_at(t.i).kind in ("pronoun", "nominal")
               for t in actor_tokens):
            score -= 0.1
        return max(0.05, min(0.95, score))

    # -- nominal event coreference ("The visit, set for Tuesday") ---------------------------------
    def _merge_into_antecedent(self, doc: Doc, frame: Frame, frames: list[Frame]) -> bool:
        antecedent = None
        for earlier in reversed(frames):
            if earlier.event_type != frame.event_type or earlier.mode != frame.mode:
                continue
            if not frame.actor and frame.sentence - earlier.sentence <= 3:
                antecedent = earlier
                break
            if frame.actor and _countries(frame.actor) <= _countries(earlier.actor) and (
                    _countries(frame.recipient) <= _countries(earlier.recipient)):
                antecedent = earlier
                break
        if antecedent is None:
            return False
        antecedent.date_tokens += [i for i in frame.date_tokens if i not in antecedent.date_tokens]
        antecedent.place_tokens += [i for i in frame.place_tokens if i not in antecedent.place_tokens]
        if antecedent.aux_mode is None and frame.aux_mode in ("future", "hypothetical"):
            antecedent.aux_mode = frame.aux_mode
        if frame.aux_mode == "future":
            antecedent.tense = "future"
        antecedent.explain.setdefault("merged", []).append(doc.spacy[frame.trigger].sent.text)
        return True

    # -- denials ------------------------------------------------------------------------------------
    def _link_denials(self, doc: Doc, frames: list[Frame]) -> None:
        """'both nations deny any arms deal': the deniers deny the nearby alleged event."""
        for frame in frames:
            if frame.event_type != "REJECT" or frame.lemma not in self.lexicon.denial_verbs:
                continue
            deniers = {e.country for e in frame.actor if e.country}
            if not frame.recipient:  # "..., a charge Israel denied": Hamas's charge; "..., a claim denied by Kyiv"
                frame.recipient = [e for e in _summed_claimants(doc, frame, frames) if coded(e)]
            for other in frames:
                if other is frame or not other.claimed_by or not (0 <= frame.sentence - other.sentence <= 2):
                    continue
                if any(e.country in deniers and e.sector not in DISSENTING_SECTORS for e in other.claimed_by):
                    continue  # one's own side's claim is not what one denies (the opposition's is)
                involved = _countries(other.actor) | _countries(other.recipient)
                if deniers & involved:
                    other.denied_by = dedupe_entities(other.denied_by + frame.actor)
                    if not frame.recipient:
                        frame.recipient = [e for e in other.claimed_by if coded(e)]


def _summed_claimants(doc: Doc, denial: Frame, frames: list[Frame]) -> list[Entity]:
    """Who made the claim a denial's summing noun stands for: the accuser whose accusation the noun
    is set beside ('Hamas accused Israel of ..., a charge Israel denied'); else, for a trailing
    ', a claim denied by Kyiv' hung elsewhere by the parser, the accuser of the sentence's last
    accusation before it, or whoever the last claimed event before it is claimed by."""
    verb = doc.spacy[denial.trigger]
    summary = verb.head
    if verb.dep_ not in ("relcl", "acl") or summary.lemma_.lower() not in SUMMING_NOUNS:
        return []
    accusation = next((f for f in frames if f.trigger == summary.head.i and f.event_type == "ACCUSE"), None) if (
        verb.dep_ == "relcl" and summary.dep_ in ("appos", "npadvmod")) else None
    if accusation is not None and any(coded(e) for e in accusation.actor):
        return accusation.actor
    if summary.left_edge.i < 1 or doc.spacy[summary.left_edge.i - 1].text != ",":
        return []
    earlier = [f for f in frames if f is not denial and f.sentence == denial.sentence and f.trigger < summary.i]
    accusation = next((f for f in reversed(earlier) if f.event_type == "ACCUSE"), None)
    if accusation is not None:
        return accusation.actor
    claimed = next((f for f in reversed(earlier) if f.claimed_by), None)
    return claimed.claimed_by if claimed is not None else []


# sectors whose claims a government at home may deny: they speak against it, not for it
DISSENTING_SECTORS = frozenset({"OPP", "REB", "CVL", "RAD", "LAB", "MED", "NGO"})
_NO_ENTRY = TriggerEntry("", "ACCUSE", None, "000", ())
CHARACTERIZATION = TriggerEntry("describe as", "ACCUSE", "disapprove", "111", ())
DISMAY = TriggerEntry("be disappointed", "ACCUSE", "disapprove", "111", ())


def _dismay_clause(word):
    """The clause a word of dismay is said in: 'it was disappointed' (an adjective after "be", or a
    passive participle, "was dismayed by"), or None."""
    if word.dep_ == "acomp" and word.head.lemma_.lower() == "be":
        return word.head
    return word if any(c.dep_ == "auxpass" for c in word.children) else None
WALKED_FREE = TriggerEntry("walk free", "RETREAT", "release", "0841", ("legal",))
GUEST_VISIT = TriggerEntry("visiting", "CONSULT", "visit", "042", ("diplomatic",))


def _guest_called_visiting(word):
    """The person 'visiting' describes: 'visiting Japanese Prime Minister Shinzo Abe', 'a visiting
    Hillary Clinton', or None."""
    head = word.head
    while head.ent_type_ != "PERSON" and head.dep_ in ("compound", "amod", "nmod") and head.head.i != head.i:
        head = head.head
    return head if head.ent_type_ == "PERSON" else None


def _guest_visit_told_otherwise(frame: Frame, frames: list[Frame]) -> bool:
    """'Putin met visiting Chinese President Xi': the meeting is the event; 'visiting' only says where."""
    if frame.lemma != "visiting":
        return False
    guests = {e.key for e in frame.actor}
    return any(f is not frame and f.event_type == "CONSULT" and f.sentence == frame.sentence
               and guests & {e.key for e in f.actor + f.recipient} for f in frames)


def _jailing_country(doc: Doc, verb, released: list[Entity]) -> str | None:
    """Where one walked free: the country of a place in the from-phrase ("a prison near Cape Town"), else
    the freed person's own ("Aung San Suu Kyi walked free after seven years of house arrest")."""
    prisons = prep_objects([verb, *(c for c in verb.children if c.lower_ == "free")], ("from",))
    placed = [e.country for p in prisons for t in p.subtree if (m := doc.mention_at(t.i)) is not None
              for e in m.entities if e.country]
    own = [e.country for e in released if e.country]
    return (placed or own or [None])[0]


def _first_other_doer(frame: Frame, frames: list[Frame]) -> list[Entity]:
    """The side that did the sentence's first act by another country: what a stated dismay answers."""
    own = _countries(frame.actor)
    for other in frames:
        if other is not frame and other.sentence == frame.sentence and other.trigger < frame.trigger and (
                doers := [e for e in other.actor if coded(e) and e.country not in own]):
            return [e for e in doers if e.country == doers[0].country]
    return []
OBLIGATION = TriggerEntry("say must", "REQUEST", None, "100", (), frozenset({"recipient"}))
def _names_given(verb) -> list:
    """The words a verb of naming applies: 'called it baseless', 'described them as fabricated', 'called the
    allegations fabricated', and the adjective the parser hangs on the object ('called U.S. claims ridiculous')."""
    labels = [c for c in verb.children if c.dep_ in ("oprd", "acomp", "ccomp") or (
        c.dep_ == "advcl" and any(m.lower_ == "as" for m in c.children))] + [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]
    return labels + [a for o in verb.children if o.dep_ == "dobj" for a in o.children
                     if a.dep_ == "amod" and a.i == o.right_edge.i and a.i > o.i]


FALSEHOOD_WORDS = frozenset("baseless unfounded groundless false fabricated absurd unjustified lie lies nonsense "
                            "ridiculous biased untrue fabrication slander".split())
CLAIM_REJECTION = TriggerEntry("call false", "REJECT", None, "120", ())
DECREE_NOUNS = frozenset({"order", "decree", "law", "bill", "directive", "edict", "ordinance", "proclamation"})
ENACTING_VERBS = frozenset({"approve", "pass", "adopt", "enact", "endorse", "decree", "proclaim"})
TRANSFERRING_VERBS = frozenset({"send", "fly", "transfer", "airlift", "deliver"})
JUSTICE_VERBS = frozenset({"face", "serve", "stand"})
HELD_WORDS = frozenset({"jailed", "imprisoned", "detained", "wanted", "convicted", "accused", "alleged", "suspected"})
# joining an alliance or a bloc backs it (PLOVER SUPPORT), the member to the body
MEMBERSHIP_TAKEN = TriggerEntry("join a body", "SUPPORT", None, "050", ("diplomatic",))
CAUSING_ACT_PREPS = frozenset({"over", "against", "after", "following", "since"})  # "a protest over the detention of"
MEMBER_NOUNS = frozenset({"member", "members", "state", "states"})
GENERIC_BODIES = frozenset({"alliance", "bloc", "union", "organisation", "organization", "commonwealth"})


def _body_joined(verb):
    """The body a verb tells its subject joining: 'joined NATO', 'joined the alliance', 'became members
    of NATO', 'became the alliance's 31st member' (not "joined NATO allies in condemning", "joined the
    bloc's call")."""
    lemma = verb.lemma_.lower()
    if any(c.dep_ == "aux" and (c.lower_ == "to" or c.tag_ == "MD") for c in verb.children):
        return None  # "its bid to join NATO", "would eventually join the alliance": not joined yet
    if lemma in ("join", "rejoin"):
        if any((c.dep_ == "prep" and c.lower_ in ("in", "for")) or c.dep_ == "xcomp" for c in verb.children):
            return None  # "joined Britain in condemning", "joined the EU for talks"
        bodies = [c for c in verb.children if c.dep_ == "dobj"]
    elif lemma == "become":
        members = [c for c in verb.children if c.dep_ == "attr" and c.lemma_.lower() in MEMBER_NOUNS]
        bodies = [g for m in members for g in [*prep_objects([m], ("of",)), *(c for c in m.children if c.dep_ == "poss")]]
    else:
        return None
    return next((b for b in bodies if _names_a_body(b)), None)


def _names_a_body(token) -> bool:
    """'NATO', 'the alliance': an international organisation by name or as the one just told."""
    return _names_intergovernmental_body(token) or (
        token.lemma_.lower() in GENERIC_BODIES and any(c.lower_ == "the" for c in token.children))


MEMBERSHIP_GRANTED = TriggerEntry("admit to a body", "SUPPORT", None, "050", ("diplomatic",))


def _body_admitting(verb):
    """The body one is admitted to: 'was admitted to the United Nations', 'readmitted Syria to the league'."""
    if verb.lemma_.lower() not in ("admit", "readmit"):
        return None
    return next((b for b in prep_objects([verb], ("to", "into")) if _names_a_body(b)), None)


DIPLOMAT_NOUNS = frozenset({"delegation", "delegate", "diplomat", "minister", "envoy", "negotiator", "ambassador"})


def _diplomats_leaving(verb) -> bool:
    """A state or its delegation walking out, not workers: 'the South Korean delegation walked out'."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] or inherited_subject(verb)
    return any(s.ent_type_ == "GPE" or s.lemma_.lower() in DIPLOMAT_NOUNS for s in subjects)


def _meeting_parties(meeting) -> list:
    """Who a meeting is of or with: 'an OPEC meeting', 'a U.N. conference', 'a dialogue with Ortega's government'."""
    return [c for c in meeting.children if c.dep_ in ("compound", "nmod", "poss") and c.ent_type_ in ("ORG", "GPE", "NORP")] + (
        prep_objects([meeting], ("with", "of")))


JOINED_FORCES = TriggerEntry("join in drills", "COOPERATE", None, "062", ("military",))
JOINED_INQUIRY = TriggerEntry("join in an inquiry", "COOPERATE", "legal", "063", ("legal",))
# what one side joins another in: "joined Russia's navy for joint exercises", "joined Indonesian police in the investigation"
JOINT_UNDERTAKINGS = frozenset({"exercise", "drill", "patrol", "operation", "manoeuvre", "maneuver", "game", "wargame",
                                "offensive", "investigation", "probe", "inquiry", "search", "hunt", "manhunt"})
INQUIRY_WORDS = frozenset({"investigation", "probe", "inquiry", "search", "hunt", "manhunt"})


def _taken_off_air(verb) -> bool:
    """'took two channels off the air', 'ordered ten satellite channels off the air': broadcasters silenced."""
    silenced = [c for c in verb.children if c.dep_ == "dobj"]
    return verb.lemma_.lower() in ("take", "knock", "force", "pull", "order") and bool(silenced) and any(
        g.lower_ == "air" for g in prep_objects([verb, *silenced, *(k for o in silenced for k in conjuncts(o))], ("off",)))


def _refuge_missions(noun, light) -> list:
    """The embassies or missions a refuge is found in: 'took refuge in the Dutch embassy'."""
    return [g for g in prep_objects([noun, *([light] if light is not None else [noun.head])], ("in", "at", "inside"))
            if g.lemma_.lower() in EMBASSY_WORDS]


def _mission_states(doc: Doc, noun, light) -> list[Entity]:
    """The states whose embassies a refuge is found in: 'the Dutch embassy', not "its London embassy"."""
    owners = [o for m in _refuge_missions(noun, light) for o in _direct_owners(m) if o.tag_ != "PRP$" and not _names_city(doc, o)]
    return [e for e in entities_at(doc, owners) if coded(e)]


def _names_city(doc: Doc, token) -> bool:
    """'London' in "its London embassy" says where the embassy is, not whose."""
    mention = doc.mention_at(token.i)
    return mention is not None and mention.kind in ("place", "capital")


EMBASSY_WORDS = frozenset({"embassy", "consulate", "mission", "legation", "nunciature"})


def _let_in_pronoun(verb):
    """'allowed them in', 'let them back into the country': the pronoun for those let in, whichever
    way the parser hangs it on the particle; else None."""
    entry_words = [c for c in verb.children if (c.dep_ in ("prt", "advmod") and c.lower_ in ("in", "back")) or (
        c.dep_ == "prep" and c.lower_ == "into")]
    if not entry_words:
        return None
    return next((t for t in [*verb.children, *(g for w in entry_words for g in w.children)]
                 if t.lower_ in ("them", "him", "her") and t.dep_ in ("dobj", "nsubj") and t.i > verb.i), None)


def _joined_undertaking(verb):
    """'joined the Russian Pacific Fleet for joint exercises', 'joined Philippine forces in live-fire
    drills': what one side joined another in; None when the verb joins no party in an undertaking."""
    if verb.lemma_.lower() != "join" or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    partner = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if partner is None or partner.lemma_.lower() in JOINT_UNDERTAKINGS:
        return None  # "joined the search": nobody joined
    own = {c.lower_ for s in verb.children if s.dep_ == "nsubj" for c in s.subtree if c.ent_type_ in ("NORP", "GPE")}
    if own & {c.lower_ for c in partner.subtree if c.ent_type_ in ("NORP", "GPE")}:
        return None  # "Scotland Yard detectives joined British police": one state's agencies at work
    return next((g for g in prep_objects([verb, partner], ("for", "in")) if g.lemma_.lower() in JOINT_UNDERTAKINGS), None)


DISMISSAL = TriggerEntry("say out of the question", "REJECT", None, "120", ())
REPRISAL_PROMISE = TriggerEntry("say will not go unpunished", "THREATEN", None, "130", ())
# "is out of the question", "is off the table": the predicates that rule a course of action out
RULED_OUT = (("out", "question"), ("off", "table"))


def _rules_out(clause) -> bool:
    """'... is out of the question', '... is off the table' (not negated: 'is not off the table')."""
    if clause.lemma_.lower() != "be" or any(c.dep_ == "neg" for c in clause.children):
        return False
    for prep in (c for c in clause.children if c.dep_ == "prep"):
        objects = [g for c in [prep, *prep.children] for g in c.subtree if g.dep_ == "pobj"]
        if any(prep.lower_ == word and any(o.lemma_.lower() == noun for o in objects) for word, noun in RULED_OUT):
            return True
    return False


# "jailed on charges of treason", "held on suspicion of spying": the words that bring a charge
CHARGE_NOUNS = frozenset({"charge", "allegation", "accusation", "suspicion"})
INQUIRY_NOUNS = frozenset({"investigation", "probe", "inquiry", "crackdown", "case"})
QUESTIONING = frozenset({"question", "questioning", "interrogation", "investigation", "inquiry", "protection"})


ARRESTING_VERBS = frozenset({"arrest", "detain", "seize", "confiscate", "round"})
TAKING_VERBS = frozenset({"seize", "capture", "grab", "snatch"})
INTRUDING_VERBS = frozenset({"stray", "cross", "enter", "intrude", "trespass", "infiltrate"})
VESSEL_WORDS = frozenset({"boat", "ship", "vessel", "trawler", "tanker", "dhow", "craft"})
ABDUCTABLE_PEOPLE = frozenset({"observer", "monitor", "soldier", "sailor", "marine", "peacekeeper", "troop",
                               "serviceman", "civilian", "hostage", "tourist", "worker", "journalist", "engineer",
                               "missionary", "pilot", "crew", "schoolgirl", "pupil", "student", "villager", "passenger",
                               "diplomat", "aid", "volunteer", "national"})


def _captives_taken(frame: Frame, trigger: _Trigger) -> bool:
    """People seized or captured by irregulars, or by one state's forces from another's."""
    verb = trigger.token
    if frame.event_type != "COERCE" or trigger.nominal or verb.lemma_.lower() not in TAKING_VERBS or not frame.actor:
        return False
    taken = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")] + ([verb.head] if verb.dep_ == "acl" else [])
    taken += [g for t in taken for c in t.children if c.dep_ == "prep" and c.lower_ == "of"  # "dozens of foreign workers"
              for g in c.children if g.dep_ == "pobj"]
    taken += [c for t in taken for c in conjuncts(t)]
    if not any(t.lemma_.lower() in ABDUCTABLE_PEOPLE for t in taken):
        return False
    if any(e.sector in ("COP", "GOV") for e in frame.actor):
        return False
    if all(e.sector != "MIL" for e in frame.actor):
        return True
    # one state's forces taking another's people: not those who strayed or crossed in, nor a seized boat's crew
    own = _countries(frame.actor)
    captors_moves = {verb.head.i} if verb.dep_ == "conj" else set()  # "troops crossed into the valley and seized"
    captors_moves |= {c.i for c in verb.children if c.dep_ == "conj"}
    intruders = any(t.lemma_.lower() in INTRUDING_VERBS and t.i not in captors_moves for t in verb.sent) or any(
        t.lemma_.lower() in VESSEL_WORDS for t in taken)
    return not intruders and any(e.country and e.country not in own or e.sector == "IGO" for e in frame.recipient)


def _raided_to_arrest(verb) -> bool:
    """A raid told with the arrests or seizures it was for: 'stormed the embassy and arrested',
    'raided the offices, seizing equipment', 'stormed its embassy to arrest'."""
    if verb.pos_ != "VERB":
        return False
    near = [c for c in verb.children if c.dep_ in ("conj", "advcl", "xcomp") and c.pos_ == "VERB"]
    if verb.dep_ == "conj":
        near.append(verb.head)
    return any(v.lemma_.lower() in ARRESTING_VERBS for v in near)


def _accusation_behind(arrest: Frame, charge) -> Frame:
    """An arrest on a charge also accuses (CAMEO 112): the same parties, anchored on the charge."""
    own = _countries(arrest.actor)
    # an arrest with no one named is made at home (the places stage says so of the arrest itself)
    recipient = arrest.recipient or [home_recipient(charge, c, "ACCUSE") for c in own if len(own) == 1]
    return _companion(arrest, f"'{charge.text}' (charge of an arrest) -> ACCUSE", trigger=charge.i,
                      event_type="ACCUSE", mode="allege", cameo_code="112", context=["legal"], recipient=recipient)


WARRANT_ISSUING_VERBS = frozenset({"approve", "issue", "make", "sign", "unseal", "publish"})


def _warrant_issued(doc: Doc, frame: Frame) -> bool:
    """'The ICC issued an arrest warrant for Putin': a court that issues a warrant charges (ACCUSE) and
    also threatens arrest (PLOVER THREATEN arrest); one that seeks a warrant only asks for it."""
    token = doc.spacy[frame.trigger]
    return frame.event_type == "ACCUSE" and token.lemma_.lower() == "warrant" and token.dep_ in ("dobj", "nsubjpass") and (
        token.head.lemma_.lower() in WARRANT_ISSUING_VERBS) and frame.aux_mode is None


def _arrest_threatened(charge: Frame) -> Frame:
    return _companion(charge, f"{charge.explain.get('trigger', '')}; a warrant issued -> THREATEN arrest",
                      event_type="THREATEN", mode="arrest", cameo_code="137", context=["legal"])


CHARGE_LABELS = CHARGE_NOUNS - {"suspicion"}  # "..., a charge Moscow denied"


def _charge_naming(doc: Doc, frame: Frame, denial_verbs: frozenset[str]):
    """'..., the U.N. office said in a report, an accusation the junta dismissed as biased': a hostile
    act its sentence calls a charge that the accused denied is also its teller's accusation. The
    charge noun, or None."""
    if frame.event_type not in HOSTILE_ACTS - {"ACCUSE"} or frame.aux_mode or not frame.claimed_by:
        return None
    doers = _countries(frame.actor)
    if not doers or not any(e.sector == "IGO" or (e.country and e.country not in doers) for e in frame.claimed_by):
        return None
    sentence = doc.spacy[frame.trigger].sent
    return next((t for t in sentence if t.lemma_.lower() in CHARGE_LABELS and t.i > frame.trigger and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children) and any(
        c.dep_ == "relcl" and c.lemma_.lower() in denial_verbs for c in t.children)), None)


def _accusation_told(frame: Frame, charge) -> Frame:
    """The teller of a hostile act called a charge accuses its doers (CAMEO 112)."""
    accusers = [e for e in frame.claimed_by if coded(e)]
    own = _countries(accusers)
    return _companion(frame, f"'{charge.text}' (the act told is called a charge) -> ACCUSE", trigger=charge.i,
                      event_type="ACCUSE", mode="allege", cameo_code="112", context=[], actor=accusers,
                      recipient=[e for e in frame.actor if coded(e) and e.country not in own], claimed_by=[],
                      denied_by=[], nominal=True)


CROWD_NOUNS = frozenset("demonstrator protester protestor marcher crowd".split())
PROTEST_PURPOSES = frozenset("demand protest march rally demonstrate".split())


def _crowd_defying_a_ban(verb) -> bool:
    """A crowd defying a ban, or anyone defying one to march or make demands; pilgrims defying a ban
    to gather at a mosque and workers defying a court order reject a rule, they do not protest."""
    if verb.lemma_.lower() != "defy" or verb.pos_ != "VERB":
        return False
    subjects = [g for c in verb.children if c.dep_ == "nsubj" for g in [c, *prep_objects([c], ("of",))]]
    purposes = [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in PROTEST_PURPOSES]
    # "defied a ban on protests to lay flowers": gathering where protest is banned is protest
    banned = [g for c in verb.children if c.dep_ == "dobj" for p in c.children if p.dep_ == "prep" and p.lower_ == "on"
              for g in p.children if g.dep_ == "pobj" and g.lemma_.lower() in PROTEST_GATHERINGS | {"demonstration"}]
    return any(s.lemma_.lower() in CROWD_NOUNS for s in subjects) or bool(purposes) or bool(banned)


def _parties_told_again(detail: Frame, act: Frame) -> bool:
    """Whether a participle's recipients are the act's own; a rejection's own country is no one it
    answers ("denied that its forces had shelled civilians, calling the reports baseless")."""
    own = _countries(detail.actor) if detail.event_type == "REJECT" else frozenset()
    return {e.country or e.sector for e in detail.recipient if coded(e) and e.country not in own} <= {
        e.country or e.sector for e in act.recipient}


def _fought_each_other(verb, actor: list[Entity], actor_tokens) -> bool:
    """'Government troops and opposition forces fought gun battles', 'rival gangs fought': two sides
    of one fight, no one fought against named."""
    partners = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("against", "with") for g in c.children
                if g.dep_ == "pobj" and g.lemma_.lower() not in HAND_WEAPONS]  # "fought with guns and knives": how
    if verb.lemma_.lower() not in ("fight", "battle", "clash") or partners or any(
            c.dep_ == "dobj" and c.lemma_.lower() not in FIGHT_NOUNS for c in verb.children):
        return False
    return len({e.key for e in actor if coded(e)}) > 1 or any(
        c.lower_ == "rival" for t in actor_tokens for c in t.children if c.dep_ == "amod")


BLOC_FORCES = frozenset({"troop", "soldier", "force", "peacekeeper", "unit", "contingent"})
FIGHT_NOUNS = frozenset({"battle", "gunbattle", "gun", "war", "skirmish", "duel"})
HAND_WEAPONS = frozenset("gun rifle knife machete stone rock club stick explosive grenade weapon sword spear rocket "
                         "mortar artillery bomb".split())


def _suit_followed(doc: Doc, frames: list[Frame]) -> list[Frame]:
    """'Trump recognised Guaido as interim president, and Canada, Brazil and Colombia followed suit':
    those who follow suit do the act told just before, to the same recipient."""
    followed = []
    for verb in doc.spacy:
        if verb.lemma_.lower() != "follow" or not any(c.dep_ == "dobj" and c.lower_ == "suit" for c in verb.children):
            continue
        followers = entities_at(doc, [c for c in verb.children if c.dep_ == "nsubj"])
        sentence = doc.sentence_index(verb.i)
        before = [f for f in frames if f.trigger < verb.i and sentence - 1 <= f.sentence <= sentence and not f.aux_mode]
        if not followers or not before:
            continue
        main = [f for f in before if not any(t.dep_ in ("advcl", "acl", "relcl", "pcomp")
                                             for t in [doc.spacy[f.trigger], *doc.spacy[f.trigger].ancestors])]
        act = max(main or before, key=lambda f: f.trigger)  # not "minutes after Guaido addressed supporters rallying"
        # "Britain expelled 23 Russian diplomats, and Russia followed suit": in kind, back at the first actor
        recipient = list(act.actor) if _countries(act.recipient) & _countries(followers) else list(act.recipient)
        dates = [t.i for t in verb.subtree if t.ent_type_ in ("DATE", "TIME")]  # "followed suit on Thursday"
        followed.append(_companion(
            act, f"{verb.text} suit -> {act.event_type}", actor=followers, recipient=recipient, trigger=verb.i,
            sentence=sentence, claimed_by=[], denied_by=[], place_tokens=[], date_tokens=dates or list(act.date_tokens),
            evidence_start=min(act.evidence_start, verb.left_edge.idx),
            evidence_end=max(act.evidence_end, verb.right_edge.idx + len(verb.right_edge))))
    return followed


SHOWCASE_EVENTS = frozenset("olympics olympic games cup championship championships ceremony celebration celebrations "
                            "festival expo jubilee parade anniversary inauguration".split())


def _state_boycott_hosts(doc: Doc, frame: Frame) -> list[Entity] | None:
    """The hosts of what a state boycotts, when the boycott is a state's of another's showcase or is
    called diplomatic; None when it is a protest ("lawyers boycotted the courts", "the opposition
    boycotted the run-off")."""
    if not frame.actor or not all(_state_like(e) for e in frame.actor):
        return None
    trigger = doc.spacy[frame.trigger]
    boycotted = prep_objects([trigger], ("of",)) if frame.nominal else [c for c in trigger.children if c.dep_ == "dobj"]
    diplomatic = any(c.dep_ == "amod" and c.lower_ == "diplomatic" for c in trigger.children)
    if not (diplomatic or any(t.lemma_.lower() in SHOWCASE_EVENTS or t.lower_ in SHOWCASE_EVENTS
                              for b in boycotted for t in b.subtree)):
        return None
    own = _countries(frame.actor)
    # "the Moscow Olympics", "the Beijing Winter Olympics": the city in the event's name is the host's
    places = [e for b in boycotted for t in b.subtree if (m := doc.mention_at(t.i)) is not None for e in m.entities]
    places += [Entity(text=t.text, name=place.name, country=place.country, start=t.idx, end=t.idx + len(t.text))
               for b in boycotted for t in b.children if t.dep_ == "compound" and t.pos_ == "PROPN"
               and doc.mention_at(t.i) is None and (place := _host_city(t.text)) is not None]
    hosts = [e for e in dedupe_entities(entities_at(doc, boycotted) + places) if coded(e) and e.country not in own]
    return hosts if hosts or diplomatic else None  # a ceremony at home boycotted is a protest


def _host_city(name: str):
    """A big city or capital a name means ("Moscow", "Los Angeles"), or None."""
    place = load_gazetteer().resolve(name)
    return place if place is not None and place.kind == "city" and (
        place.population >= 1_000_000 or load_gazetteer().is_capital(place)) else None


OWN_MEASURE_TYPES = frozenset({"SANCTION", "RETREAT", "CONCEDE", "AID"})
OWNED_MEASURES = frozenset("sanction embargo aid assistance ban restriction curb tariff measure funding support loan "
                           "blockade sale export import purchase investment shipment delivery flight".split())  # "U.S. military sales to Beijing"


def _without_own_flag(doc: Doc, frame: Frame) -> list[Entity]:
    """The recipients less the actor's own country where it only modifies a noun ("U.S. sanctions"),
    when another country is the target."""
    own = _countries(frame.actor)
    if not own or not any(coded(e) and e.country not in own for e in frame.recipient):
        return frame.recipient

    def flag_only(entity: Entity) -> bool:
        span = doc.spacy.char_span(entity.start, entity.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in ("compound", "amod", "nmod", "poss") and (
            span.root.head.lemma_.lower() in OWNED_MEASURES)  # not "rescued two French tourists"

    return [e for e in frame.recipient if not (e.country in own and flag_only(e))]


# Acts two sides aim at each other one way each ("accused each other of violating the truce"); joint acts
# ("recognised each other", "agreed ... each other's capitals") stay one event of both.
MUTUAL_TYPES = frozenset({"ACCUSE", "THREATEN", "SANCTION", "REJECT", "REQUEST", "COERCE"})


def _mutual_act(doc: Doc, frame: Frame) -> Frame | None:
    """'Armenia and Azerbaijan accused each other of shelling': each accuses the other. Turns the frame
    into the first side's act and returns the second side's."""
    if frame.event_type not in MUTUAL_TYPES or frame.nominal or any(coded(e) for e in frame.recipient):
        return None
    verb = doc.spacy[frame.trigger]
    objects = [c for c in [*verb.children, *prep_objects([verb], ("with", "to"))] if c.dep_ in ("dobj", "pobj")]
    traded = verb.lemma_.lower() in ("trade", "exchange") and frame.event_type == "ACCUSE"  # "traded accusations"
    if not traded and not any((o.lower_ in ("other", "another") and any(d.lower_ in ("each", "one") for d in o.children)) or (
            o.lower_ == "one" and any(d.lower_ == "another" for d in o.children))  # "accused one another", parsed so
               for o in [*objects, *(c for o in objects for c in o.children if c.dep_ == "poss")]):
        return None  # "accused each other", "expelled each other's diplomats"
    sides = {}
    one_country = len(_countries(frame.actor)) == 1  # "Ukraine's government and pro-Russian separatists blamed each other"
    for e in frame.actor:
        if coded(e):
            sides.setdefault(e.name if one_country else e.country or e.name, []).append(e)
    if len(sides) != 2:
        return None
    first, second = sides.values()
    frame.actor, frame.recipient, frame.reciprocal = first, second, False
    return _companion(frame, f"'{verb.text}' each other -> {frame.event_type} both ways", actor=second, recipient=first)


def _companion(frame: Frame, why: str, **changes) -> Frame:
    """A second event one act also is (an arrest's accusation, a jail term's coercion), told by the same words."""
    companion = replace(frame, explain=dict(frame.explain), **changes)
    companion.explain["trigger"] = why
    return companion


ADVERB_PARTICLES = frozenset({"back", "out", "away", "off", "aside", "down"})  # "pulled back", "stepped down", read as adverbs


OWN_POSTS = frozenset({"base", "barracks", "camp", "home", "house", "post"})


def _left_home(frame: Frame, trigger: _Trigger) -> bool:
    """'villagers abandoned their villages': people who leave a place do not withdraw forces from it;
    nor does anyone leaving one of their own posts ("a soldier left his base before dawn")."""
    if frame.event_type != "RETREAT" or trigger.nominal:
        return False
    if trigger.token.lemma_.lower() == "leave" and any(  # "left his base", not "left Afghanistan"
            o.dep_ == "dobj" and o.lemma_.lower() in OWN_POSTS and any(p.dep_ == "poss" and p.pos_ == "PRON" for p in o.children)
            for o in trigger.token.children):
        return True
    return trigger.token.lemma_.lower() == "abandon" and not any(
        e.sector in INSURGENT_SECTORS | {"MIL"} for e in frame.actor)


def _state_like(entity: Entity) -> bool:
    """A government, its forces or a country named bare ("Russia blocked the resolution to protest ...")."""
    return entity.sector in ("GOV", "MIL", "COP") or (entity.sector is None and (
        entity.text == entity.name or (entity.code is not None and entity.code == entity.country)))  # "Britain"


POINTING_PREPS = frozenset({"to", "with", "toward", "towards", "for", "against"})


def _pointed_at(doc: Doc, entity: Entity) -> bool:
    """A party named as whom an act goes to or is done with ("to Qatar", "with Moscow"), not where."""
    token = next(iter(_entity_heads(doc, [entity])), None)
    while token is not None and token.dep_ in ("conj", "appos"):
        token = token.head
    return token is not None and token.dep_ == "pobj" and token.head.lower_ in POINTING_PREPS


def _conjoined_acts_recipient(doc: Doc, frame: Frame, frames: list[Frame]) -> list[Entity]:
    """The other side of an act the same actor's conjoined verb is aimed at: 'Japan apologised to
    South Korea and agreed to ...'."""
    verb = doc.spacy[frame.trigger]
    own = _countries(frame.actor)
    if not own:
        return []
    linked = {verb.head.i} if verb.dep_ == "conj" else set()
    linked |= {c.i for c in verb.children if c.dep_ == "conj"}
    for other in frames:
        if other is not frame and other.trigger in linked and _countries(other.actor) == own and not other.nominal:
            found = [e for e in other.recipient if coded(e) and e.country not in own]
            if found:
                return found
    return []


TELLING_VERBS = frozenset({"tell", "assure", "inform", "brief"})
OFFICIAL_SECTORS = frozenset({"GOV", "IGO"})


def _told_in_person(doc: Doc, frames: list[Frame]) -> list[Frame]:
    """'Milosevic told U.S. envoy Richard Holbrooke in Belgrade that ...': an official telling a foreign
    official something in one of their two countries met them there (CONSULT visit, visitor to host)."""
    visits: list[Frame] = []
    for frame in frames:
        verb = doc.spacy[frame.trigger]
        verb = verb if verb.lemma_.lower() in TELLING_VERBS else next(
            (a for a in verb.ancestors if a.pos_ == "VERB" and a.lemma_.lower() in TELLING_VERBS), None)
        if verb is None or any(v.trigger == verb.i for v in visits):
            continue
        heard = [c for c in verb.children if c.dep_ == "dobj"]
        tellers = [e for e in entities_at(doc, [c for c in verb.children if c.dep_ == "nsubj"]) if coded(e) and e.sector in OFFICIAL_SECTORS]
        hearers = [e for e in entities_at(doc, heard) if coded(e) and e.sector in OFFICIAL_SECTORS]
        # "told U.S. envoy Richard Holbrooke in Belgrade": the place may hang on the one told
        places = {e.country for p in prep_objects([verb, *heard], ("in",)) for e in _place_entities(doc, p) if e.country}
        sides = (_countries(tellers), _countries(hearers))
        if len(sides[0]) != 1 or len(sides[1]) != 1 or sides[0] == sides[1] or len(places) != 1 or not places < sides[0] | sides[1]:
            continue
        visitors, hosts = (hearers, tellers) if places == sides[0] else (tellers, hearers)
        if any(f.event_type == "CONSULT" and f.sentence == frame.sentence for f in frames + visits):
            continue
        visits.append(_companion(frame, f"'{verb.text}' in person -> CONSULT visit", trigger=verb.i, event_type="CONSULT",
                                 mode="visit", cameo_code="042", context=["diplomatic"], actor=visitors, recipient=hosts,
                                 lemma="visit", aux_mode=None, conditional=False, reciprocal=False, claimed_by=[],
                                 denied_by=[], nominal=False))
    return visits


def _guest_visits(doc: Doc, frames: list[Frame]) -> list[Frame]:
    """'apologised to visiting Japanese Prime Minister Koizumi': a guest called visiting is on a
    visit to the state that the act's other side is, told in passing (CONSULT visit)."""
    visits: list[Frame] = []
    for frame in frames:
        if frame.event_type in FORCE_TYPES:
            continue  # "arrested a visiting French researcher": no state visit
        for guests, hosts in ((frame.actor, frame.recipient), (frame.recipient, frame.actor)):
            states = [e for e in hosts if coded(e) and e.sector in (None, "GOV")]
            for guest in guests:
                mention = doc.spacy.char_span(guest.start, guest.end, alignment_mode="expand")
                if frame.event_type == "REJECT" or frame.aux_mode is not None or mention is None or (
                        not _called_visiting(mention.root)) or not states or guest.sector not in ("GOV", None) or guest.country in _countries(states) or any(
                        f.event_type == "CONSULT" and f.sentence == frame.sentence and guest.key in {
                            e.key for e in f.actor + f.recipient} for f in frames + visits):
                    continue
                visits.append(_companion(frame, f"'visiting {guest.text}' -> CONSULT visit", event_type="CONSULT",
                                         mode="visit", cameo_code="042", context=["diplomatic"], actor=[guest],
                                         recipient=states, lemma="visit", aux_mode=None, conditional=False,
                                         reciprocal=False, denied_by=[]))
    return visits


BROKERING_VERBS = frozenset({"host", "broker", "mediate", "sponsor", "convene"})
BROKERED_TYPES = frozenset({"AGREE", "SUPPORT", "CONSULT"})
BROKERING_PARTICIPLES = ("hosted", "brokered", "mediated", "sponsored")


def _brokers(doc: Doc, noun) -> list[Entity]:
    """Who hosted, brokered or mediated talks or a deal: 'talks hosted by China', 'a deal brokered by
    Trump', 'an Egyptian-mediated ceasefire', 'U.S.-brokered negotiations', 'talks he had hosted',
    'talks between delegations hosted by Belarus'."""
    tokens = []
    for c in [*noun.children, *(g for t in prep_objects([noun], ("between",)) for g in t.children)]:
        if c.lemma_.lower() in BROKERING_VERBS and c.tag_ == "VBN" and c.dep_ in ("acl", "relcl"):
            tokens += [g for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
            if c.dep_ == "relcl" and not any(g.dep_ in ("dobj", "nsubjpass") for g in c.children):
                tokens += [g for g in c.children if g.dep_ == "nsubj"]  # "15 days of talks he had hosted"
    return entities_at(doc, tokens) + _makers_named_before(doc, noun, BROKERING_PARTICIPLES)


def _brokered_talks(doc: Doc, frames: list[Frame]) -> list[Frame]:
    """'agreed ... after talks hosted by China', 'after U.S.-brokered negotiations', 'at a ceremony hosted by
    Cardoso': the sides met through a third party, CONSULT third-party from the sides to the host."""
    added: list[Frame] = []
    for frame in frames:
        if frame.event_type not in BROKERED_TYPES or frame.aux_mode == "negated" or not any(coded(e) for e in frame.actor):
            continue
        trigger = doc.spacy[frame.trigger]
        clause = trigger.head if trigger.pos_ != "VERB" and trigger.head.pos_ in ("VERB", "ADP") else trigger
        # the meeting held through the third party (a deal or ceasefire "brokered by" one added only wrong triples)
        told = [t for t in clause.subtree if t.lemma_.lower() in MEETING_NOUNS | {"ceremony", "round"} and not (
            t.dep_ == "dobj" and is_infinitive(t.head))]  # not "agreed to hold U.S.-mediated talks": none held yet
        hosts = [e for t in told for e in _brokers(doc, t) if coded(e)]
        hosts = [e for e in hosts if e.country not in _countries(frame.actor)]
        if not hosts:
            continue
        if frame.event_type == "CONSULT" and not frame.recipient:
            # "talks between A and B hosted by Belarus": the sides meet through the host, who is the other
            # party to their meeting (the brief's reading), not a bystander
            frame.recipient, frame.mode = dedupe_entities(hosts), "third-party"
            continue
        if any(f.event_type == "CONSULT" and f.sentence == frame.sentence and {e.key for e in hosts} & {
                e.key for e in f.actor + f.recipient} for f in frames + added):
            continue
        added.append(_companion(frame, "talks through a third party -> CONSULT third-party", event_type="CONSULT",
                                mode="third-party", cameo_code="044", context=["diplomatic"], actor=list(frame.actor),
                                recipient=dedupe_entities(hosts), lemma="broker", aux_mode=None, conditional=False,
                                reciprocal=False, denied_by=[]))
    return added


INTELLIGENCE_NOUNS = frozenset({"information", "intelligence", "tip", "data", "evidence"})
SUPPLYING_VERBS = frozenset({"supply", "pass", "provide", "share", "give", "furnish", "send"})


def _tip_off_behind(doc: Doc, arrest: Frame) -> Frame | None:
    """'French police, acting on information supplied by their Spanish counterparts, arrested': the
    state that supplied it cooperated with the arresting one (CAMEO 064, intelligence sharing)."""
    arresting = doc.spacy[arrest.trigger]
    suppliers = [g for noun in arresting.sent if noun.lemma_.lower() in INTELLIGENCE_NOUNS and _acted_on(noun, arresting)
                 for supplied in noun.children if supplied.dep_ == "acl" and supplied.lemma_.lower() in SUPPLYING_VERBS
                 for agent in supplied.children if agent.dep_ == "agent" for g in agent.children if g.dep_ == "pobj"]
    states = [e for e in entities_at(doc, suppliers) if e.country and e.country not in _countries(arrest.actor)]
    if not states or not arrest.actor:
        return None
    return _companion(arrest, "intelligence supplied for the arrest -> COOPERATE", event_type="COOPERATE",
                      mode=None, cameo_code="064", context=["intelligence"], actor=states,
                      recipient=list(arrest.actor), lemma="share", reciprocal=False)


def _acted_on(noun, verb) -> bool:
    """'police, acting on information supplied by ..., arrested': the noun hangs under the verb or
    its subject, not in a clause of its own ('journalists who had published information')."""
    for node in noun.ancestors:
        if node.i == verb.i:
            return True
        if node.dep_ in ("relcl", "ccomp", "conj"):
            return False
    return False


def _called_visiting(person) -> bool:
    """'visiting Japanese Prime Minister Junichiro Koizumi', 'Visiting U.S. Secretary of State Blinken'."""
    return _visiting(person) or any(t.lower_ == "visiting" and t.dep_ in ("amod", "compound", "nmod")
                                    for t in person.doc[person.left_edge.i:person.i])


def _done_jointly(token) -> bool:
    """'launched joint air and artillery strikes', 'jointly seized': an act two states do together."""
    heads = [token] + ([token.head] if token.dep_ == "conj" else [])  # "joint air and artillery strikes"
    if token.dep_ == "advcl" and token.tag_ == "VBG":
        heads.append(token.head)  # "dismantled a cell in a joint operation, arresting nine suspects"
    # "arrested four suspects in a joint operation", "recaptured the town after a joint offensive"
    heads += [g for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in ("in", "during", "after", "following")
              for g in p.children if g.dep_ == "pobj"]
    return any(c.dep_ in ("amod", "advmod") and c.lower_ in JOINT_WORDS | {"jointly"} for h in heads for c in h.children)


def _cooperation_behind(action: Frame) -> Frame:
    """Forces of two states acting together also cooperate militarily (CAMEO 062), with no target."""
    return _companion(action, f"{action.explain.get('trigger', '')}; done jointly -> COOPERATE",
                      event_type="COOPERATE", mode=None, cameo_code="062", recipient=[], reciprocal=True)


CONTINUING_VERBS = frozenset({"keep", "continue", "carry"})
NAMED_ACCORDS = frozenset({"treaty", "accord", "accords", "agreement", "pact", "convention", "protocol"})
SIGNING_VERBS = frozenset({"sign", "ratify", "initial"})
JOINT_ACTS = frozenset({"SUPPORT", "AGREE", "CONSULT", "COOPERATE", "RETREAT"})


CUSTODIAL_WORDS = frozenset({"prison", "jail", "gaol", "imprisonment", "detention", "custody", "camp", "colony"})


BLAME_ADJECTIVES = frozenset({"responsible", "culpable", "accountable"})


def _blamed_doers(noun) -> list:
    """Those a clause says are to blame for the deed the noun names: 'Moscow was culpable for the attack'."""
    blame = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "for" else None
    if blame is None or blame.lemma_.lower() not in BLAME_ADJECTIVES:
        return []
    if blame.dep_ != "acomp" or blame.head.lemma_.lower() != "be" or any(g.dep_ == "neg" for g in blame.head.children):
        return []  # "held Moscow responsible for the attack" stays a charge
    return [s for s in blame.head.children if s.dep_ == "nsubj"]


TENURE_WORDS = frozenset({"term", "re-election", "reelection", "presidency", "mandate"})
CABINET_REMOVING_VERBS = frozenset({"dismiss", "sack", "dissolve", "fire"})
RESHUFFLE_WORDS = frozenset({"appoint", "name", "form", "reshuffle", "resign", "replace", "nominate"})
RECEIVING_VERBS = frozenset({"receive", "secure", "obtain", "get", "win", "accept", "take"})
HELPING_PURPOSES = frozenset({"help", "assist", "restore", "support", "protect", "secure", "aid", "lead"})


DISASTER_WORDS = frozenset({"earthquake", "quake", "flood", "flooding", "tsunami", "hurricane", "cyclone", "typhoon", "famine",
                            "disaster", "survivor", "evacuee", "relief", "epidemic", "drought", "wildfire"})


def _sent_for_relief(verb) -> bool:
    """'sent 2,000 Marines to Haiti to help survivors of the earthquake': forces sent to bring relief."""
    return any(c.dep_ in ("advcl", "xcomp") and is_infinitive(c) and c.lemma_.lower() in HELPING_PURPOSES | {"rescue", "evacuate"}
               and any(t.lemma_.lower() in DISASTER_WORDS for t in c.subtree) for c in verb.children)


def _sent_to_help(verb) -> bool:
    """'landed in Dili at the request of East Timor's government to restore order': forces come to help."""
    return bool(_requests_of(verb)) or any(c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in HELPING_PURPOSES and is_infinitive(c)
                                    for c in verb.children)


def _extraditing_state(doc: Doc, verb, receivers: list[Entity]) -> list[Entity]:
    """'was extradited from Chile to Peru': the place it was done from; 'a British magistrate ruled that
    Pinochet can be extradited': the side that says so; 'Former Guatemalan President Alfonso Portillo
    was extradited to the United States': told with neither, the state of the one sent, whom a state
    hands over from its own soil far more often than from a third country's."""
    if not any(c.dep_ == "nsubjpass" for c in verb.children):
        return []
    sent_to = _countries(receivers)
    origins = [e for e in _places_of(doc, [m for g in prep_objects([verb], ("from",)) for m in with_conjuncts(g)])
               if e.country not in sent_to]
    if origins:
        return origins
    if verb.dep_ == "ccomp":  # "a British magistrate ruled that Pinochet can be extradited to Spain": the ruling side
        rulers = [e for e in entities_at(doc, [c for c in verb.head.children if c.dep_ == "nsubj"])
                  if coded(e) and e.country not in sent_to]
        if rulers:
            return rulers
    countries = sorted(_countries(entities_at(doc, [c for c in verb.children if c.dep_ == "nsubjpass"])) - sent_to)
    return [_country_at(verb, c) for c in countries[:1]]


def _country_at(token, code: str) -> Entity:
    """A country a sentence implies rather than names, pointing at the words that imply it."""
    return Entity(text=token.text, name=load_actor_dictionary().country_name(code), country=code, sector=None, code=code,
                  start=token.idx, end=token.idx + len(token))


HELPED_STATE_NOUNS = GOVERNMENT_NOUNS | {"army", "military", "country", "state", "ally", "neighbour", "neighbor", "nation"}
ORDER_NOUNS = frozenset({"order", "stability", "calm", "security", "peace"})


def _helps_a_state(verb) -> bool:
    """'to help the government fight', 'to help Bamako retake the north', 'to help restore order': a purpose
    of helping a state or its order, not 'to support rebels' or 'to help evacuate citizens'."""
    helps = [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and _is_purpose(c) and c.lemma_.lower() in ("help", "assist")]
    helped = [h for c in helps for h in [*c.children, *(g for k in c.children if k.dep_ == "ccomp" for g in k.children)]
              if h.dep_ in ("dobj", "nsubj") and h.head.i != verb.i]
    restoring = [o for c in helps for k in c.children if k.dep_ in ("xcomp", "ccomp") and not any(
        g.dep_ == "nsubj" for g in k.children) for o in k.children if o.dep_ == "dobj"]
    return any(h.ent_type_ in ("GPE", "PERSON") or h.lemma_.lower() in HELPED_STATE_NOUNS for h in helped) or any(
        o.lemma_.lower() in ORDER_NOUNS for o in restoring)


def _target_of_listed_measures(noun) -> list:
    """'imposed an arms embargo and a travel ban on Gadhafi's family': measures listed together
    share the target the list ends with, hung on its last measure or on that measure's own object."""
    listed = [n for n in noun.subtree if n.dep_ in ("conj", "appos") and n.i > noun.i and n.pos_ == "NOUN"]
    targets = prep_objects(listed, ("on", "against"))
    return targets + prep_objects(targets, ("on", "against"))


def _requests_of(verb) -> list:
    """'at the request of the Spanish judge', 'at its request', hung on the act's verb or on the verb
    it is the complement of ("began deploying troops at ..."); not "following a request for help"."""
    verbs = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    return [g for v in verbs for c in v.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "upon")
            for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() == "request"]


def _requesters(doc: Doc, verb) -> list[Entity]:
    """Who asked for an act done at their request."""
    requests = _requests_of(verb)
    return [e for e in entities_at(doc, [o for r in requests for o in prep_objects([r], ("of",))]
                                    + [c for r in requests for c in r.children if c.dep_ == "poss"]) if coded(e)]


def _sent_at_own_request(doc: Doc, frame: Frame) -> bool:
    """Forces sent at the request of their own side's command are deployed, not given as aid."""
    token = doc.spacy[frame.trigger]
    if frame.event_type != "AID" or frame.cameo_code != "074" or token.lemma_.lower() not in DEPLOYING_VERBS | AIRLIFTING_VERBS:
        return False
    askers = _requesters(doc, token)
    return bool(askers) and _countries(askers) <= _countries(frame.actor)


def _request_behind(doc: Doc, frame: Frame, frames: list[Frame]) -> Frame | None:
    """PLOVER REQUEST: an act done at someone's request was asked of its doer by them."""
    token = doc.spacy[frame.trigger]
    if frame.aux_mode == "hypothetical" or token.pos_ != "VERB" or not frame.actor:
        return None
    own = _countries(frame.actor)  # one's own side asking is most often a misread name ("the Tirana government")
    askers = [e for e in _requesters(doc, token) if e.country not in own]
    if not askers or any(f.event_type == "REQUEST" and _countries(f.actor) == _countries(askers)
                         and _countries(f.recipient) == _countries(frame.actor) for f in frames):
        return None
    return _companion(frame, f"'{token.text} at the request of' -> REQUEST", event_type="REQUEST", mode="assist",
                      cameo_code="020", actor=askers, recipient=list(frame.actor), claimed_by=[],
                      aux_mode=None)


def _named_owners(things: list) -> list:
    """The names that say whose things are: 'U.S. weapons', 'Russian helicopters'."""
    measured = [g for t in things for c in t.children if c.dep_ == "prep" and c.lower_ == "of" and t.lemma_.lower() in MEASURE_WORDS
                for g in c.children if g.dep_ == "pobj"]  # "150,000 tonnes of South Korean rice"
    return [c for t in things + measured for c in t.children if c.dep_ in ("compound", "amod", "nmod", "poss")
            and c.ent_type_ in ("GPE", "NORP", "ORG")]


MEASURE_WORDS = frozenset({"tonne", "ton", "pound", "kilogram", "kilo", "barrel", "litre", "liter", "gallon", "sack", "bag",
                           "crate", "box", "truckload", "planeload", "shipload", "consignment", "shipment", "batch", "load"})


def _arrival_of(noun):
    """The verb telling that what the noun names got there: 'aid from China arrived in Islamabad',
    'the first planeloads of aid landed', 'a U.N. relief convoy reached Srebrenica'; else None."""
    carrier = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else (
        noun.head if noun.dep_ == "compound" else noun)  # "a U.N. aid convoy arrived"
    if carrier.dep_ != "nsubj" or carrier.head.lemma_.lower() not in ARRIVAL_VERBS | REACHING_VERBS:
        return None
    return carrier.head


def _prison_term(verb):
    """'sentenced Zia to five years in prison', 'to long prison terms', 'to three years in a prison
    colony': the term a conviction imposes, or None ('sentenced to death', 'fined')."""
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "in")]
    if not any(p.lower_ == "to" for p in preps):
        return None
    return next((t for p in preps for t in p.subtree if t.lemma_.lower() in CUSTODIAL_WORDS), None)


def _exchanged_for(doc: Doc, release: Frame) -> list:
    """Whom the other side handed back in return: 'freed Brittney Griner in exchange for arms dealer Viktor Bout'."""
    trigger = doc.spacy[release.trigger]
    return [g for p in trigger.children if p.dep_ == "prep" and p.lower_ == "in" for x in p.children
            if x.dep_ == "pobj" and x.lower_ == "exchange" for g in prep_objects([x], ("for",))
            if any(coded(e) for e in entities_at(doc, [g]))]


def _release_in_exchange(doc: Doc, release: Frame, swapped: list) -> Frame:
    """A swap is two releases: whoever held the one given in return ('a diplomat held in Belgium'),
    else the side that got the first captive back, freed them."""
    token = doc.spacy[release.trigger]
    holders = [e for s in swapped for c in s.children if c.dep_ == "acl" and c.lemma_.lower() in ("hold", "jail", "imprison", "detain")
               for g in prep_objects([c], ("in", "by")) for e in _place_entities(doc, g) if coded(e)]
    countries = _countries(holders) or _countries(release.recipient)
    receivers = [_country_at(token, c) for c in sorted(countries)]
    return _companion(release, "released in exchange -> RETREAT release", actor=receivers,
                      recipient=[e for e in entities_at(doc, swapped) if coded(e)])


ADMITTING_VERBS = frozenset({"admit", "acknowledge", "confess", "recognise", "recognize"})


def _admitter_of(doc: Doc, frame: Frame):
    """The verb by which a side owns up to a harm its own side did: 'Iran admitted that its
    military had shot down a Ukrainian airliner'; None when someone else tells it."""
    trigger = doc.spacy[frame.trigger]
    verb = next((a for a in trigger.ancestors if a.pos_ == "VERB" and a.lemma_.lower() in ADMITTING_VERBS), None)
    if verb is None or any(c.dep_ == "neg" for c in verb.children):
        return None
    admitters = entities_at(doc, [c for c in verb.children if c.dep_ == "nsubj"])
    return verb if _countries(admitters) and _countries(admitters) <= _countries(frame.actor) else None


def _owned_up(harm: Frame, admission) -> Frame:
    """PLOVER CONCEDE: admitting one's own side's wrong to those it harmed."""
    return _companion(harm, f"'{admission.text}' (its own side's harm admitted) -> CONCEDE", trigger=admission.i,
                      event_type="CONCEDE", mode=None, cameo_code=DEFAULT_CAMEO["CONCEDE"], claimed_by=[], aux_mode=None)


def _imprisonment_behind(conviction: Frame, term) -> Frame:
    """PLOVER: a conviction that imprisons is also COERCE 'arrest', between the same parties."""
    return _companion(conviction, f"'{term.text}' (prison term of a conviction) -> COERCE", trigger=term.i,
                      event_type="COERCE", mode="arrest", cameo_code="173")


def _disperses_protesters(doc: Doc, frame: Frame, frames: list[Frame]) -> bool:
    """'riot police dispersed thousands of protesters': a crowd of protesters dispersed was
    protesting, told as a protest of its own unless the sentence tells one already."""
    trigger = doc.spacy[frame.trigger]
    if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() == "open":
        trigger = trigger.head  # "opened fire on crowds of protesters"
    # "dispersed thousands of protesters", "fired tear gas at demonstrators", "detained dozens of demonstrators"
    aimed_at = [t for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("on", "at") for t in c.subtree]
    crowd = [t for c in trigger.children if c.dep_ == "dobj" for t in c.subtree] + aimed_at
    # held, driven off or fired on, not killed: a crowd shot dead is told as victims ("shot dead 12
    # protesters"), a crowd fired on as protesting ("opened fire on thousands of protesters")
    # "opened fire on a campus rally", "fired on a march by opposition supporters"
    gathering_hit = frame.event_type == "ASSAULT" and any(
        t.lemma_.lower() in FIRED_ON_GATHERINGS and t.dep_ in ("pobj", "dobj") and t.head.i in (trigger.i, *(
            c.i for c in trigger.children if c.dep_ == "prep")) for t in crowd) or (frame.event_type == "ASSAULT" and any(
        g.lemma_.lower() in PROTEST_GATHERINGS for c in trigger.children if c.dep_ in ("advcl", "xcomp")
        and c.lemma_.lower() in ("break", "disperse") for g in c.subtree if g.dep_ == "dobj"))  # "as they broke up a sit-in"
    fired_on = frame.event_type == "ASSAULT" and (gathering_hit or any(
        t.lemma_.lower() in PROTESTER_NOUNS or t.lower_ in PROTESTING_PARTICIPLES for t in aimed_at))
    # students, workers or opposition supporters fired on while "demanding" or "rallying" protest as well
    crowd_sectors = {"CVL", "EDU", "LAB", "OPP"} if fired_on else {"CVL"}
    if gathering_hit and not frame.recipient and _home_crowd(doc, frame) is None:
        return False
    if not (frame.mode in ("arrest", "crowd-control") or fired_on or (frame.event_type == "COERCE" and (
            trigger.lemma_.lower() in DISPERSING_VERBS))) or not (frame.recipient or gathering_hit or (
            fired_on and _home_crowd(doc, frame) is not None)) or any(  # "opened fire on schoolchildren marching ..."
            (e.sector not in crowd_sectors and not (gathering_hit and e.name.endswith("(implied)"))) or e.country is None
            for e in frame.recipient):
        return False
    if any(e.country not in _countries(frame.actor) and e.name != e.text for e in frame.recipient):
        return False  # a crowd whose country was only guessed, unlike its repressor's: no protest to place
    # "supporters marching on the state television building", "crowds demanding his resignation",
    # "fired tear gas ... to break up a rally": a crowd told as protesting
    protesting = gathering_hit or any(t.lemma_.lower() in PROTESTER_NOUNS or t.lower_ in PROTESTING_PARTICIPLES for t in crowd) or any(
        g.lemma_.lower() in PROTEST_GATHERINGS for c in trigger.children if c.dep_ in ("advcl", "xcomp")
        and c.lemma_.lower() in ("break", "disperse") for g in c.subtree if g.dep_ == "dobj")
    return protesting and not any(f.event_type == "PROTEST" and f.sentence == frame.sentence for f in frames)


PROTESTING_PARTICIPLES = frozenset({"marching", "protesting", "demonstrating", "rallying", "chanting", "demanding"})
PROTEST_GATHERINGS = frozenset({"rally", "protest", "demonstration", "march", "sit-in", "gathering", "vigil"})
FIRED_ON_GATHERINGS = PROTEST_GATHERINGS - {"gathering", "vigil"}  # "bombed a village gathering" hit no protest


def _meeting_told_twice(doc: Doc, frame: Frame, frames: list[Frame]) -> bool:
    """'arrived in Moscow for his first visit and held talks with Putin', 'met Blinken ..., and the
    two discussed cooperation': talks told in a clause joined to a meeting of the same sides are
    that meeting."""
    if frame.event_type != "CONSULT" or frame.mode == "visit":
        return False
    trigger = doc.spacy[frame.trigger]
    clause = trigger.head if trigger.dep_ in ("dobj", "pobj") else trigger  # "held talks": the light verb's clause
    heads = []
    for _ in range(3):  # "and the two discussed cooperation", parsed as a modifier of the meeting's object
        if clause.dep_ not in ("conj", "amod", "dobj") or clause.head.i == clause.i:
            break
        clause = clause.head
        heads.append(clause.i)
    sides = _countries(frame.actor) | _countries(frame.recipient)
    return any(f is not frame and f.event_type == "CONSULT" and f.trigger in heads + [
        c.i for h in heads for c in doc.spacy[h].children if c.dep_ in ("dobj", "prep")] and sides and (
        sides <= _countries(f.actor) | _countries(f.recipient)) for f in frames)


def _fighting_summed_up(doc: Doc, frame: Frame, frames: list[Frame]) -> bool:
    """'shelled the Armenian town of Jermuk, ... in the worst fighting between the two neighbours':
    the fighting named in passing is the attack told, between its own sides."""
    noun = doc.spacy[frame.trigger]
    if not (frame.nominal and frame.reciprocal and frame.event_type == "ASSAULT" and noun.dep_ == "pobj"
            and noun.head.lower_ == "in"):
        return False
    sides = _countries(frame.actor)
    return any(f is not frame and f.event_type == "ASSAULT" and not f.nominal and f.sentence == frame.sentence
               and _countries(f.actor) & sides and _countries(f.recipient) <= sides for f in frames)


def _site_visit(doc: Doc, frame: Frame) -> bool:
    """'Abe visited the Yasukuni war shrine': a visit to a place, not to a party, is no meeting."""
    return frame.event_type == "CONSULT" and not any(coded(e) for e in frame.recipient) and any(
        c.dep_ == "dobj" and c.lemma_.lower() in VISITED_SITES for c in doc.spacy[frame.trigger].children)


def _named_as_protesters(entity: Entity) -> bool:
    words = entity.text.lower().split()
    return entity.sector == "CVL" and bool(words) and words[-1].rstrip("s") in PROTESTER_NOUNS | {"crowd", "mob"}


VISITED_SITES = frozenset({"shrine", "memorial", "temple", "cemetery", "museum", "mosque", "church", "monument",
                           "grave", "tomb", "site", "ruins", "plant", "factory", "camp", "school", "hospital", "mausoleum"})
PROTESTER_NOUNS = frozenset({"protester", "protestor", "demonstrator", "marcher", "rioter"})


def _home_crowd(doc: Doc, frame: Frame) -> str | None:
    """The country of a rally a state's forces hit, when the sentence names no other: "security forces
    opened fire on a campus rally"."""
    own = _countries(frame.actor)
    if len(own) != 1 or not all(e.sector in (None, "GOV", "MIL", "COP") for e in frame.actor):
        return None
    named = {e.country for m in doc.mentions if m.sentence == frame.sentence for e in m.entities if e.country}
    return next(iter(own)) if named <= own else None


def _protest_dispersed(doc: Doc, dispersal: Frame) -> Frame:
    trigger = doc.spacy[dispersal.trigger]
    country = dispersal.recipient[0].country if dispersal.recipient else _home_crowd(doc, dispersal)
    crowd = list(dispersal.recipient) or [home_recipient(trigger, country, "PROTEST")]
    return _companion(dispersal, f"'{trigger.text}' (protesters dispersed) -> PROTEST", event_type="PROTEST",
                      mode="demo", cameo_code="141", actor=crowd,
                      recipient=[home_recipient(trigger, country, "PROTEST")], claimed_by=dispersal.claimed_by)


def _at_a_border(verb) -> bool:
    """'massing troops near the disputed border', 'along the frontier'."""
    return any(g.lemma_.lower() in ("border", "frontier") for c in verb.children if c.dep_ == "prep"
               and c.lower_ in ("near", "along", "on", "at", "to", "toward", "towards", "across") for g in c.children if g.dep_ == "pobj")


PLACE_KINDS = frozenset({"place", "capital", "country"})
DONE_TO_PEOPLE = frozenset({"arrest", "deport", "release"})  # modes whose possessor is the patient
JAILING_VERBS = frozenset({"jail", "imprison"})


def _jail_term(verb):
    """'jailed the activist for 11 years': the term a jailing is for, which only a sentence sets."""
    if verb.lemma_.lower() not in JAILING_VERBS:
        return None
    return next((span for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"
                 and (span := _time_span(c)) is not None), None)


def _conviction_behind(jailing: Frame, term) -> Frame:
    """PLOVER: jailing someone for a term is a conviction too (SANCTION 'convict'), between the same parties."""
    return _companion(jailing, f"'{term.text}' (term of a jailing) -> SANCTION", trigger=term.i,
                      event_type="SANCTION", mode="convict", cameo_code="116")


def _is_cause(noun) -> bool:
    """'closed its borders because of fighting between Azerbaijanis and Armenians': the cause
    an event is told with is background to it, not news of its own; so is what it follows
    ("following the shooting deaths of two Israelis", "in the wake of the execution"), unless it
    names who did it ("following the killing of 40 people by security forces")."""
    if _doer_told(noun):
        return False
    while noun.dep_ == "conj":
        noun = noun.head  # "bowing to weeks of protests and riots"
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    if prep.lower_ == "of" and prep.head.lemma_.lower() in SPAN_NOUNS and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "bowing to weeks of mass protests"
    yielded_to = prep.lower_ == "to" and (prep.head.lemma_.lower() in YIELDING_HEADS or any(
        c.dep_ == "prt" and c.lower_ == "in" for c in prep.head.children))  # "gave in to", "caved in to"
    # "following talks in Islamabad", "following a request from Prime Minister Sogavare", "following months of
    # street protests" are news (the protesters are the street's)
    followed = prep.lower_ == "following" and noun.lemma_.lower() not in MEETING_NOUNS | PROTEST_GATHERINGS | {
        "strike", "riot", "unrest"} and not (
        noun.lemma_.lower() in PRESSURE_NOUNS and any(c.dep_ == "prep" and c.lower_ == "from" for c in noun.children))
    # but protests one bows to happened, and their writers code them ("bowing to three weeks of mass street protests")
    yielded_to = yielded_to and noun.lemma_.lower() not in PROTEST_GATHERINGS | {"strike", "riot", "unrest"}
    return prep.lower_ in CAUSE_PREPS or followed or prep.lower_ == "over" or yielded_to or (
        prep.lower_ == "of" and prep.head.lower_ == "wake")  # "imposed sanctions on India over its nuclear tests"


def _wronged(doc: Doc, apology: Frame) -> list[Entity]:
    """'sorry for the death of the Chinese pilot': whose people the wrong an apology is for befell."""
    wrongs = prep_objects([doc.spacy[apology.trigger]], ("for",))
    victims = prep_objects(wrongs, ("of", "to")) + [c for w in wrongs for c in w.children
                                                    if c.dep_ == "poss" and c.ent_type_]  # "the pilot's death"
    harmed = entities_at(doc, [v for v in victims if v.ent_type_ != "ORG"])  # not "the Church's role"
    return [e for e in harmed if coded(e) and e.country not in _countries(apology.actor)]


def _apology_for(doc: Doc, wrong: Frame, frames: list[Frame]) -> Frame | None:
    """The apology or regret whose for-phrase tells this wrong, if any."""
    token = doc.spacy[wrong.trigger]
    return next((f for f in frames if f.cameo_code == APOLOGY_CAMEO and f is not wrong and any(
        c.dep_ == "prep" and c.lower_ == "for" and token.i in {t.i for t in c.subtree}
        for c in doc.spacy[f.trigger].children)), None)


def _in_cause_phrase(token) -> bool:
    """'over the government's crackdown', 'because of the fighting': a noun told as what another act answers."""
    return token.dep_ == "pobj" and (token.head.lower_ == "over" or (
        token.head.lower_ in ("of", "to") and token.head.head.lower_ in CAUSE_PREPS))


def _doer_told(noun) -> bool:
    """'the killing of 25 people by an army death squad': a background act whose doer is told. A
    possessive or an adjective counts with whom the act hit ("over its invasion of Ukraine", "over
    Assad's crackdown on protesters", as the third brief codes background); alone ("over Moscow's
    refusal", "Israeli air raids") the act is only named as the cause."""
    return any(c.dep_ in ("prep", "agent") and c.lower_ == "by" and any(g.dep_ == "pobj" for g in c.children)
               for c in noun.children) or (_doer_named_on(noun) and bool(prep_objects([noun], TARGET_OF_PREPS)))


TARGET_OF_PREPS = ("of", "on", "against", "into")


def _doer_named_on(noun) -> bool:
    """'Turkey's downing', 'an Israeli raid': the doer named on the noun itself ("its invasion" names
    no one, the pronoun being as often the other side's, unless the act answered is the party acted
    on's: "expelled Russia over its invasion of Ukraine")."""
    return any((c.dep_ == "poss" and (c.tag_ != "PRP$" or answered_parties(c))) or (
        c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")) for c in noun.children)


GATHERING_VERBS = frozenset({"gather", "assemble", "converge", "meet"})
OPPOSING_VERBS = frozenset({"protest", "denounce", "condemn", "oppose", "decry", "reject", "demonstrate", "rally"})
# things whose "of" names who holds them: "the presence of British troops", "the occupation of X by Y"
PRESENCE_NOUNS = frozenset({"presence", "deployment", "occupation", "policy", "policies", "rule"})


def _threatened_against(doc: Doc, token, actor: list[Entity]) -> list[Entity]:
    """'warned of stronger countermeasures against joint U.S.-South Korean drills': a threat of
    measures against something is aimed at whose it is."""
    measures = [token] + [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                          if g.dep_ == "pobj"]
    against = _other_parties(doc, prep_objects(measures, ("against",)), actor)
    # "warned that Tehran would respond to any Israeli attack": at whoever would attack
    contents = [c for c in token.children if c.dep_ in ("ccomp", "xcomp")] + [
        c for c in [_content_clause(token)] if c is not None and c.dep_ != "ccomp"]
    attacks = [t for c in contents for t in c.subtree if t.lemma_.lower() in ATTACK_NOUNS | AGGRESSION_NOUNS and _any_such(t)]
    # "warned that he would ask parliament to authorise a declaration of war against Rwanda", "that
    # Serbian troops would enter northern Kosovo": what the promised act is against, or goes into
    promised = [t for c in token.children if c.dep_ == "ccomp" and _own_side_acts(doc, c, actor) for t in _outside_conditions(c)]
    aimed = [g for t in promised if t.dep_ == "prep" and t.lower_ == "against" for g in t.children if g.dep_ == "pobj"]
    entered = [o for t in promised if t.lemma_.lower() in ENTERING_VERBS and t.pos_ == "VERB" for o in t.children if o.dep_ == "dobj"]
    # "would treat any military intervention in Niger by ECOWAS as ...": the by-phrase hung on the verb
    doers = [o for a in attacks for o in _owners(a) or [
        g for t in _clause_of(a).subtree if t.dep_ == "prep" and t.lower_ == "by" and t.i > a.i
        for g in t.children if g.dep_ == "pobj"][:1]]
    return against or _other_parties(doc, doers, actor) or _other_parties(doc, aimed + entered, actor)


ENTERING_VERBS = frozenset({"enter", "invade", "cross", "occupy"})


def _clause_of(noun):
    """The verb a noun is the object of, directly or through a preposition ('respond to any aggression')."""
    return noun.head.head if noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "AUX") else noun.head


def _own_side_acts(doc: Doc, clause, actor: list[Entity]) -> bool:
    """'warned that he would ask parliament ...', 'that Serbian troops would enter ...': the warner's
    own side is to act (not "warned that Russia could launch an offensive")."""
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    sides = _countries([e for e in entities_at(doc, subjects) if coded(e)])
    return bool(subjects) and (sides <= _countries(actor) if sides else all(s.tag_ == "PRP" for s in subjects))


def _outside_conditions(clause) -> list:
    """A clause's words, less those of its if- and unless-clauses."""
    conditions = {t.i for c in clause.subtree if c.dep_ == "advcl" and _is_condition(c) for t in c.subtree}
    return [t for t in clause.subtree if t.i not in conditions]


# what an attack did to those it harmed: "was killed in a U.S. drone strike"
CASUALTY_VERBS = frozenset("kill wound injure destroy damage flatten raze".split())
# what strikes do to what they hit: "Russian missile strikes knocked out power plants"
STRIKING_VERBS = frozenset("knock hit target pound cripple devastate".split())
SEIZING_VERBS = frozenset("seize capture take retake recapture occupy storm overrun encircle crush attack".split())


def _aimed_at_by_purpose(doc: Doc, trigger, actor: list[Entity]) -> list[Entity]:
    """'would launch a ground offensive to seize Gaza City': a threatened attack is aimed at what
    it sets out to take."""
    heads = [trigger.token] + ([trigger.light_verb] if trigger.light_verb is not None else [])
    purposes = [c for h in heads for c in h.children if c.dep_ in ("advcl", "xcomp", "acl") and is_infinitive(c)
                and c.lemma_.lower() in SEIZING_VERBS]
    return _other_parties(doc, [o for p in purposes for o in p.children if o.dep_ == "dobj"], actor)


AGGRESSION_NOUNS = frozenset({"aggression", "provocation", "incursion", "invasion", "intervention", "attempt", "move"})


def _protested_owners(doc: Doc, token, actor: list[Entity]) -> list[Entity]:
    """'staged a strike to protest against the Israeli occupation', 'marched to denounce Trump's
    recognition of Jerusalem': a protest against a thing is aimed at whose it is."""
    heads = [token] + [c for c in token.children if c.dep_ in ("advcl", "xcomp") and is_infinitive(c)
                       and c.lemma_.lower() in OPPOSING_VERBS]
    light = token.head if token.dep_ == "dobj" else None  # "staged a general strike to protest against ..."
    if light is not None:
        heads += [c for c in light.children if c.dep_ in ("advcl", "xcomp") and is_infinitive(c)
                  and c.lemma_.lower() in OPPOSING_VERBS]
    things = prep_objects(heads, ("against",)) + [o for h in heads[1:] for o in h.children if o.dep_ == "dobj"]
    holders = [o for t in things if doc.mention_at(t.i) is None for o in _owners(t)]
    holders += [g for t in things if t.lemma_.lower() in PRESENCE_NOUNS for c in t.children
                if c.dep_ == "prep" and c.lower_ in ("of", "by") for g in c.children if g.dep_ == "pobj"]
    return _other_parties(doc, holders, actor)


def _broken_away_from(doc: Doc, token, actor: list[Entity]) -> list[Entity]:
    """'rioted ..., demanding a referendum on independence from Indonesia': a protest for breaking
    away is aimed at the state it would break from."""
    content = _phrase_tokens(token) if token.pos_ == "NOUN" else _content_tokens(token)
    separations = [n for n in content if n.lemma_.lower() in SEPARATION_NOUNS and any(
        a.lemma_.lower() in SEEKING_WORDS for a in n.ancestors)]  # not "marking the anniversary of independence"
    holders = separations + [n.head for n in separations if n.dep_ == "dobj"]  # "demanding independence from X"
    sources = prep_objects(holders, ("from",))
    return _other_parties(doc, sources, actor)


def _takes_part(token) -> bool:
    """'take part' (the preposition on the verb or on 'part')."""
    if token.lemma_.lower() == "part" and token.dep_ == "dobj":
        token = token.head
    return token.lemma_.lower() == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in token.children)


def _no_longer(verb) -> bool:
    """'would no longer block', 'will not oppose it any longer': a stance given up."""
    return any(c.dep_ == "advmod" and (c.lower_ in ("longer", "anymore") and (
        any(g.lower_ == "no" for g in c.children) or any(_negates(n) for n in verb.children))) for c in verb.children)


def _will_not(verb) -> bool:
    """'will not accept', 'won't meet', 'said it would not meet', 'would neither accept nor
    recognise': a refusal announced."""
    verbs = [verb] + ([verb.head] if verb.dep_ == "conj" else [])  # "nor recognise" shares the first verb's "would neither"
    children = [c for v in verbs for c in v.children]
    return any(c.dep_ == "aux" and c.lower_ in WILL_MODALS for c in children) and any(_negates(c) for c in children)


def _negates(child) -> bool:
    """'not', and the 'neither' of 'would neither accept nor recognise'."""
    return child.dep_ == "neg" or (child.dep_ == "preconj" and child.lower_ == "neither")


def _phrase_tokens(token, participles: bool = False):
    """A token's phrase without descending into clauses (but, with ``participles``, into
    "positions held by X near Y") or into its source ("according to a monitor based in Britain")."""
    stack = [token]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(c for c in node.children if c.lower_ != "according" and (
            c.dep_ not in CLAUSAL_DEPS or c.dep_ == "conj" and node.i != token.i
            or participles and c.dep_ == "acl" and c.tag_ == "VBN"))


def _content_tokens(clause):
    """What a clause says must happen, purposes included ('must ensure security to allow supplies
    in'), but not what its relative clauses report ('the helicopter that was captured')."""
    stack = [clause]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(c for c in node.children if c.dep_ not in ("relcl", "acl"))


def _across_border(verb) -> list:
    """The neighbour a border phrase names: 'near its border with Ukraine', 'to the Kosovo border'."""
    found = []
    # "massed troops near ..." attaches to the troops; "move troops closer to the Kosovo border" to "closer"
    heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "advmod"))]
    for prep in (c for head in heads for c in head.children if c.dep_ == "prep"):
        for border in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in BORDER_WORDS):
            found += [c for c in border.children if c.dep_ in ("compound", "amod") and c.ent_type_ in ("GPE", "NORP")]
            found += [g for c in border.children if c.dep_ == "prep" and c.lower_ == "with"
                      for g in c.children if g.dep_ == "pobj"]
    return found


def _partners(token, light_verb, mode) -> list:
    """Who one talks or meets with, or calls: 'with' phrases, and the object of a call."""
    heads = [token] + ([light_verb] if light_verb is not None else [])
    heads += [g for head in heads for c in head.children if c.dep_ == "prep" and c.lower_ in ("by", "over", "via")
              for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in PHONE_WORDS]  # "spoken by phone with Trump"
    found = [g for head in heads for c in head.children if c.dep_ == "prep" and c.lower_ == "with"
             for g in c.children if g.dep_ == "pobj"]
    if mode == "phone" and token.lemma_.lower() not in TOPIC_VERBS:
        # "telephoned Kozyrev"; but "met his counterpart" keeps a visitor and a host, and what is
        # "discussed" is the topic ("discussed the situation in Syria's Idlib province")
        found += [c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() not in PHONE_WORDS]
    return found


def _responsibility_claimed(node):
    """The verb whose 'responsibility for' a nominal event is ('claimed responsibility for the
    attack'), or that claims it outright ('claimed the bombing'), if any."""
    if node.dep_ == "dobj" and node.head.lemma_.lower() == "claim":
        verb = node.head  # "ETA claimed a car bombing in Madrid"
    elif node.dep_ != "pobj" or node.head.lower_ != "for" or node.head.head.lemma_.lower() != "responsibility":
        return None
    else:
        verb = node.head.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in OWNING_UP_VERBS or any(c.dep_ == "neg" for c in verb.children) or any(
            d.lower_ == "no" for c in verb.children if c.dep_ == "nsubj" for d in c.children if d.dep_ == "det"):
        return None  # "did not claim responsibility", "no group has claimed responsibility"
    return verb


def _accusers_answered(doc: Doc, rejection: Frame, frames: list[Frame]) -> list[Entity]:
    """Whoever made the accusation a rejection takes as its object."""
    inside = {t.i for t in doc.spacy[rejection.trigger].subtree}
    own = _countries(rejection.actor)
    charges = [f for f in frames if f.event_type == "ACCUSE" and f.trigger in inside and f is not rejection]
    # "rejected any mediation, a day after Trump offered to help": the offer or demand it answers
    offers = [f for f in frames if f.event_type in ("REQUEST", "AGREE") and f.trigger in inside and f is not rejection
              and any(a.lower_ in ("after", "following") for t in [doc.spacy[f.trigger], *doc.spacy[f.trigger].ancestors]
                      if t.i in inside for a in t.children if a.dep_ in ("mark", "prep"))]
    return [e for f in (charges or offers)[:1] for e in f.actor if coded(e) and e.country not in own]


def _told_as_accused(token) -> bool:
    """'accused Venezuela of massing troops', 'blamed Israel for the killing'."""
    if token.dep_ == "pcomp" and token.head.lower_ in ("of", "for"):
        return token.head.head.lemma_.lower() in ACCUSING_VERBS or accused_noun(token.head) is not None
    return _accused_of(token) is not None


# people named by their part in a deed, which an "of" phrase names, not accuses them of: "the organisers of the protests"
ROLE_HOLDERS = frozenset({"organiser", "organizer", "leader", "mastermind", "member", "head", "chief", "founder", "participant"})
WORDY_ATTACK_WORDS = frozenset({"verbal", "baseless", "personal", "unfounded", "vitriolic", "scathing", "rhetorical"})
PERPETRATING_VERBS = frozenset({"commit", "perpetrate", "carry", "orchestrate", "order", "stage", "conduct"})


def _own_people_harmed(doc: Doc, recipient_tokens: list, own: frozenset) -> bool:
    """'against its Rohingya minority', 'killing their own citizens': people the actor's own pronoun owns."""
    return bool(own) and any(
        (t.lemma_.lower() in POPULATION_NOUNS or any(a.lower_ == "own" for a in t.children)) and c.dep_ == "poss"
        and c.pos_ == "PRON" and (m := doc.mention_at(c.i)) is not None and _countries(m.entities)
        and _countries(m.entities) <= own for t in recipient_tokens for c in t.children)


def _accused_of(node):
    """The verb of accusing whose 'for'/'of' phrase a nominal event is ('blamed X for the killing',
    'accused Serbian forces of a massacre', 'accusing Israel of committing genocide'), if any."""
    if node.dep_ == "dobj" and node.head.dep_ == "pcomp" and node.head.lemma_.lower() in PERPETRATING_VERBS:
        node = node.head  # "of committing genocide": the deed done
    if node.dep_ not in ("pobj", "pcomp") or node.head.dep_ != "prep" or node.head.lower_ not in ("for", "of"):
        return None
    verb = node.head.head
    if any(c.lower_ in WORDY_ATTACK_WORDS for c in node.children):
        return None  # "accusing Di Maio of repeated, baseless attacks": attacks in words
    if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ == "dobj" and verb.lemma_.lower() not in ROLE_HOLDERS and (
            verb.head.lemma_.lower() in ("accuse", "blame")):
        verb = verb.head  # "accused Serbian forces of a massacre", the phrase hung on the accused
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in ACCUSING_VERBS else None


# Things whose "of" names what they are a part or a flow of, and so whose it is ("imports of
# Japanese seafood"); other nouns' "of" names a topic ("details of a Chinese hacking campaign").
# what a party holds or strives for, so that backing it backs the party
HELD_THINGS = frozenset({"right", "cause", "claim", "independence", "sovereignty", "integrity", "unity", "bid", "candidacy",
                         "struggle", "aspiration", "self-determination", "membership", "statehood"}) | (
    HOLDING_NOUNS)  # "froze the assets of six officials"
PARTITIVE_THINGS = frozenset({"part", "portion", "share", "half", "third", "remainder", "rest", "bulk", "some", "all", "most", "import",
                              "export", "shipment", "sale", "supply", "delivery", "purchase", "transfer",
                              # amounts: "300 billion yen of debt owed by Myanmar"
                              "yen", "dollar", "euro", "pound", "billion", "million", "tonne", "ton", "amount", "sum"})


DETERRING_VERBS = frozenset({"deter", "counter", "confront", "intimidate", "pressure", "contain", "dissuade", "repel", "repulse"})


def _deterred(verb) -> list:
    """'sent a carrier group to deter Iran and Hezbollah', 'to counter a Turkish attempt': whom forces
    are moved against, named by the purpose they are moved for."""
    purposes = [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in DETERRING_VERBS
                and is_infinitive(c)]
    objects = [o for p in purposes for o in p.children if o.dep_ == "dobj"]
    return [x for o in objects for x in (_owners(o) or [o, *conjuncts(o)])]


def _owners(thing) -> list:
    """Whose proposal, demand or plan it is: 'Egypt's plan', 'the U.S. proposal', 'an offer from Kabul',
    'a plan put forward by Qatar'; and whose the thing a part or a kind of is: 'imports of Japanese
    seafood', 'part of Zambia's debt'."""
    return [o for part in _with_parts(thing) for o in _direct_owners(part)]


def _with_parts(thing) -> list:
    """A thing and, when it is a part or a flow of something, that something ('imports of seafood')."""
    if thing.lemma_.lower() not in PARTITIVE_THINGS:
        return [thing]
    return [thing] + [g for c in thing.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                      if g.dep_ == "pobj"]


RELATIVE_OBJECTS = frozenset({"that", "which"})


def _done_in_relative_clause(noun, verbs) -> list:
    """'the attack Hamas carried out': relative clauses of the given verbs whose own subject names
    the doer and whose object is the noun itself."""
    return [c for c in noun.children if c.dep_ == "relcl" and c.lemma_.lower() in verbs
            and any(g.dep_ == "nsubj" and g.lower_ not in RELATIVE_OBJECTS | {"who"} for g in c.children)
            and not any(g.dep_ == "dobj" and g.lower_ not in RELATIVE_OBJECTS for g in c.children)]
# what one does or puts forward, not a stance taken on it: "the test Pyongyang carried out", not "a proposal Israel rejected"
DOING_VERBS = frozenset({"carry", "conduct", "launch", "stage", "mount", "make", "take", "sign", "propose", "announce",
                         "declare", "adopt", "impose", "put", "unveil", "present", "issue", "order", "commit", "fire"})


def _direct_owners(thing) -> list:
    owners = [c for c in thing.children if c.dep_ == "poss" or (c.dep_ == "compound" and c.ent_type_ in ("GPE", "ORG", "NORP"))]
    owners += [c for c in thing.children if c.dep_ == "amod" and c.ent_type_ == "NORP"] + leaders_of(thing)
    owners += [g for c in thing.children if c.dep_ == "prep" and c.lower_ in ("from", "by")  # "an offer from Kabul"
               for g in c.children if g.dep_ == "pobj"]
    if thing.lemma_.lower() in HELD_THINGS and (holders := [g for c in thing.children if c.dep_ == "prep" and c.lower_ == "of"
                                                         for g in c.children if g.dep_ == "pobj"]):
        # "the rights of Palestinians", "the independence of Kosovo"; "the U.S. assets of seven Russian
        # officials" are theirs, held in the United States
        owners = [o for o in owners if o.dep_ not in ("compound", "amod")] + holders
    for participle in (c for c in thing.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        owners += [g for a in participle.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    # "the attack Hamas carried out", "the test Pyongyang conducted": the thing is what they did
    owners += [g for c in _done_in_relative_clause(thing, DOING_VERBS) for g in c.children if g.dep_ == "nsubj"]
    # "a draft accord on the territory's future put forward by Manuel Valls": the proposer, hung on the topic
    for participle in (p for c in thing.children if c.dep_ == "prep" and c.lower_ in ("on", "for") for g in c.children
                       for p in g.children if p.dep_ == "acl" and p.tag_ == "VBN" and p.lemma_.lower() in PROPOSING_VERBS | {"put"}):
        owners += [g for a in participle.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    if not owners and thing.dep_ == "dobj" and thing.lemma_.lower() in OFFER_NOUNS:
        # "rejected a proposal by Britain, France and Germany", the by-phrase hung on the active verb
        owners = [g for c in thing.head.children if c.dep_ == "prep" and c.lower_ == "by" and c.i == thing.i + 1
                  and not any(a.dep_ in ("auxpass", "nsubjpass") for a in thing.head.children)
                  for g in c.children if g.dep_ == "pobj"]
    if not owners and thing.dep_ == "dobj" and thing.head.lemma_.lower() in PROPOSING_VERBS:
        # "Moscow declared a truce, which Kyiv dismissed": who declared it owns it
        owners = [c for c in thing.head.children if c.dep_ == "nsubj"]
    return owners


def _owned_by_others(doc: Doc, thing, holders: list, actor: list[Entity]) -> bool:
    """A thing that is not itself a party, held by others than the actor ("the EU's aid
    package", not "its commitment to defend the Philippines")."""
    if doc.mention_at(thing.i) is not None:
        return False
    own = _countries(actor) | {e.key for e in actor}
    return any(coded(e) and e.country not in own and e.key not in own for e in entities_at(doc, holders))


BRANDING_MODIFIERS = frozenset({"terror", "terrorist", "nazi", "fascist", "puppet", "rogue", "pariah"})  # "a terror state"
DISMAYED_WORDS = frozenset({"disappointed", "dismayed", "outraged", "appalled", "angered", "incensed"})
HELPING_VERBS = frozenset({"help", "assist", "aid", "support", "rebuild", "reconstruct"})  # "to rebuild Haiti"


def _helped(verb) -> list:
    """Whom a purpose clause says the act helps: "to help Bolivia battle forest fires"."""
    clauses = [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and is_infinitive(c)
               and c.lemma_.lower() in HELPING_VERBS]
    clauses += [v for c in clauses for v in c.children if v.dep_ in ("xcomp", "ccomp") and v.lemma_.lower() in HELPING_VERBS]
    return [o for c in clauses for o in c.children if o.dep_ == "dobj"] + [
        s for c in clauses for v in c.children if v.dep_ == "ccomp" for s in v.children
        if s.dep_ == "nsubj" or (s.dep_ == "compound" and s.i < v.i)]  # "help Turkey search", Turkey read as compound


def _is_named(doc: Doc, token) -> bool:
    """Does an object name a party ("Moscow", "an Indian pilot", "Sweden's bid") rather
    than only a thing moved ("weapons", "trucks of food")?"""
    if token.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"):
        return True
    for node in [token] + [c for c in token.children if c.dep_ in ("amod", "compound", "poss", "nmod", "appos")]:
        mention = doc.mention_at(node.i)
        if mention is not None and mention.kind != "place":
            return True
    return False


def _by_phone(token, light_verb) -> bool:
    """'spoke by phone', 'a telephone call', 'held a video call'."""
    nodes = [token] + ([light_verb] if light_verb is not None else [])
    for node in nodes:
        for child in node.children:
            if child.dep_ in ("compound", "amod") and child.lower_ in PHONE_WORDS:
                return True
            if child.dep_ == "prep" and child.lower_ in ("by", "over", "via", "in", "during"):
                for g in child.children:  # "by phone", "in a phone call"
                    if g.lower_ in PHONE_WORDS and (child.lower_ != "in" or g.lemma_ == "call") and (
                            g.lemma_ != "call" or any(c.lower_ in PHONE_WORDS for c in g.children)):
                        return True
    return False


def _reported_past(verb, reporting_verbs) -> bool:
    """Is this clause what a past-tense reporting verb reports, with no condition on it?"""
    if any(c.dep_ == "advcl" and any(g.lower_ in ("if", "unless") for g in c.children) for c in verb.children):
        return False
    node = verb
    for _ in range(3):
        if node.dep_ != "ccomp":
            node = node.head if node.dep_ in ("conj", "xcomp") else node
            if node.dep_ != "ccomp":
                return False
        head = node.head
        return head.lemma_.lower() in reporting_verbs and (head.tag_ in ("VBD", "VBN") or (
            head.tag_ == "VBG" and head.dep_ == "advcl" and head.head.tag_ in ("VBD", "VBN")))  # "rejected it, saying"
    return False


# what a state's own institutions pass or block: rejecting one is aimed at home
DOMESTIC_INSTRUMENTS = frozenset("bill law legislation decree budget amendment ordinance constitution".split())
# What one lets another do is the permission's content, not an event of its own ("allowed the
# opposition to bring out a rally").
PERMITTING_VERBS = frozenset({"allow", "permit", "let", "authorize", "authorise"})
CAUSE_PREPS = frozenset({"because", "due", "owing"})  # "because of", "due to", "owing to"
MEETING_NOUNS = frozenset({"talk", "talks", "meeting", "summit", "negotiation", "negotiations", "consultation", "consultations"})
# what one yields to is why one yields: "resigned, bowing to pressure" ("in response to the attack"
# tells the attack, as "in retaliation for" does; protests bowed to are told as well)
YIELDING_HEADS = frozenset({"bow", "yield", "succumb", "capitulate"})
PARTY_LABELS = frozenset({"GPE", "ORG", "NORP", "PERSON"})
COMBAT_NOUNS = frozenset({"fighting", "clash"})
PARTICIPATING_VERBS = frozenset({"attend", "participate", "take"})
JOINING_VERBS = frozenset({"join", "participate"})  # "joined Saudi Arabia in a military exercise": done together
PREP_LIGHT_VERBS = {"under": frozenset({"put", "place", "keep", "hold"}),
                    "in": frozenset({"engage", "involve", "participate", "join", "partake", "remand", "place"}),
                    "into": frozenset({"take"}),  # "took him into custody"
                    "with": frozenset({"respond", "retaliate", "react", "answer"})}  # "responded with air strikes"
SELF_ACTED_MODES = frozenset({"disarm", "withdraw"})
HOMEWARD_VERBS = frozenset({"fly", "sail", "go", "head", "return", "leave"})
HANDING_VERBS = frozenset({"hand", "turn", "cede", "transfer"})
ARRIVING_VERBS = frozenset({"arrive"})
GOODS_ARRIVING_VERBS = ARRIVING_VERBS | {"land", "reach", "cross", "enter"}  # the last four for relief carriers only
CARRIER_NOUNS = frozenset({"flight", "convoy", "airlift", "truck", "lorry", "ship", "vessel", "column"})
# what is owed rather than given; "taxis" is the small model's lemma of "taxes"
DUES = frozenset({"damage", "damages", "fine", "tax", "taxis", "bribe", "fee", "ransom", "penalty", "royalty", "debt", "arrears",
                  "repayment", "interest", "dividend"})


RELIEF_HEADS = frozenset({"team", "worker", "personnel", "staff", "volunteer", "expert", "specialist", "crew", "unit"})


def _relief_team(noun, heads=RELIEF_HEADS) -> bool:
    """'rescue teams', 'medical teams', 'health workers': people sent to help are aid, where they go and arrive."""
    return noun.lemma_.lower() in heads and any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in RELIEF_WORDS for c in noun.children)


def _of_objects(noun) -> list:
    """What a noun is of, also when the parser hangs it on the receiving verb: "took delivery on Monday of 38 tanks"."""
    received = noun.dep_ == "dobj" and noun.head.lemma_.lower() in RECEIVING_VERBS
    return prep_objects([noun], ("of",)) + ([g for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "of"
                                             and c.i > noun.i for g in c.children if g.dep_ == "pobj"] if received else [])


# "the lifting of U.N. sanctions on Iran", "the easing of the curfew": ending the restriction, told as a noun
EASING_NOUNS = frozenset({"lifting", "easing", "relaxation", "removal"})
RAISING_NOUNS = frozenset({"doubling", "tripling", "increase", "hike", "raising", "tightening"})  # "authorised a doubling of tariffs"


def _eased_as_noun(token, entry: TriggerEntry) -> TriggerEntry | None:
    """The act a restriction's lifting is, when the noun's lifting or easing is what the sentence tells."""
    head = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    if head is None or head.lower_ not in EASING_NOUNS or entry.event_type not in ENDINGS:
        return None
    event_type, mode, cameo = ENDINGS[entry.event_type]
    return TriggerEntry(key=f"{head.lower_} {token.lemma_.lower()}", event_type=event_type, mode=mode, cameo=cameo,
                        context=entry.context, flags=frozenset({"ends"}))


def _done_by_named(noun) -> bool:
    """'the release of Nelson Mandela by South Africa's government': a noun whose doer is named needs no light verb."""
    return (any(c.dep_ == "prep" and c.lower_ == "by" and any(
        g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") for g in c.children) for c in noun.children) and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)) or bool(_held_at_of(noun) or _doers_hung_on_object(noun))


def _doers_hung_on_object(noun) -> list:
    """A named doer in a by-phrase the parser hangs on what the noun is of: 'the release of X by Y'."""
    return [g for o in prep_objects([noun], ("of",)) for c in o.children if c.dep_ == "prep" and c.lower_ == "by"
            for g in c.children if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")]


def _held_at_of(noun) -> list:
    """'the release of four Americans held in Tehran': where those the noun frees were held."""
    return _places_held(prep_objects([noun], ("of",)))


CARGO_NOUNS = frozenset({"shipment", "consignment", "convoy", "planeload", "shipload", "truckload"})
SENDING_VERBS = frozenset({"send", "dispatch", "deploy", "despatch"})
REFUGE_NOUNS = frozenset("refuge asylum sanctuary shelter protection".split())
PRESSURE_NOUNS = frozenset("pressure call demand appeal request plea urging ultimatum".split())
STANCE_TYPES = frozenset({"REJECT", "AGREE", "SUPPORT", "ACCUSE"})
ABROAD_WORDS = frozenset({"western", "foreign", "overseas", "abroad", "crew", "crews"})
# threats of war between states; "military action", "measures" or "an operation" are threatened at home too
WAR_WORDS = frozenset({"nuclear", "thermonuclear", "war", "missile", "retaliate", "retaliation", "aggression",
                       "invasion"})
DEATH_WORDS = frozenset({"death", "sinking", "killing", "murder", "assassination", "massacre", "downing", "poisoning"})
DESTINATION_PREPS = ("to", "into", "toward", "towards")
OPEN_DESTINATIONS = frozenset({"region", "sea", "ocean", "gulf", "waters", "strait", "coast"})  # "sent a carrier to the region"
DEPLOYING_VERBS = frozenset({"deploy", "send", "order", "dispatch", "rush", "station", "pour", "activate"})
AIRLIFTING_VERBS = frozenset({"fly", "airlift"})
RECALLING_VERBS = frozenset({"order", "bring", "call", "send", "fly"})  # "... troops home"
BEARING_VERBS = frozenset({"bear", "carry", "have"})  # "said Moscow bore responsibility for his death"
MARK_NOUNS = frozenset({"hallmark", "fingerprint", "signature", "trademark"})  # "bore the hallmarks of al-Qaeda"
FINDING_VERBS = frozenset({"conclude", "rule", "find", "determine"})  # "the CIA concluded that the crown prince was responsible for"
HOME_BOUND_TYPES = frozenset({"REJECT", "THREATEN", "ACCUSE", "AID", "RETREAT", "ASSAULT", "MOBILIZE"})
WARNING_NOUNS = frozenset({"warning", "threat"})  # "a warning of sanctions": what is warned of is its content
OFFER_NOUNS = PRESSURE_NOUNS | frozenset("offer proposal plan invitation initiative bid idea suggestion".split())
STATED_THINGS = STATEMENT_NOUNS | OFFER_NOUNS | frozenset("report draft text motion bill document".split())
PROPOSING_VERBS = frozenset("declare propose offer announce unveil present submit table float".split())
JOINT_TYPES = frozenset({"COOPERATE", "ASSAULT"})  # fighting or patrolling alongside someone is doing it with them


def _answered_parties(doc: Doc, token, event_type: str, actor: list[Entity], recipient: list[Entity],
                      recipient_tokens: list) -> list[Entity]:
    """Whom a stance, a refusal or a plea answers when its object names no one: the owner of the
    thing ("a truce, which Kyiv dismissed"), whoever pressed ("despite pressure from the EU"), the
    country asked for refuge, home for a domestic bill vetoed."""
    own, objects = _countries(actor), _objects(token)
    if event_type in STANCE_TYPES and not any(coded(e) for e in recipient):
        recipient = entities_at(doc, [o for t in recipient_tokens for o in _owners(t)], exclude_countries=own) or recipient
    if event_type in STANCE_TYPES and not any(coded(e) for e in recipient):
        # "rejected a proposal to extend the mandate of the U.N. mission": whom the proposal concerns
        contents = [c for t in recipient_tokens if t.dep_ == "dobj" for c in t.children if c.dep_ == "acl" and is_infinitive(c)]
        recipient = _other_parties(doc, [g for c in contents for g in c.children if g.dep_ in ("dobj", "dative")]
                                   + prep_objects(contents, RECIPIENT_PREPS), actor) or recipient
    pressing = entities_at(doc, _pressing_parties(token)) if event_type == "REJECT" else []
    if pressing:  # they, not the refused thing's home, are whom the refusal answers
        recipient = [e for e in recipient if e.country not in own] + pressing
    if event_type == "MOBILIZE" and not any(coded(e) and e.country not in own for e in recipient) and not any(
            t.lemma_.lower() in TEST_WORDS for t in [token, *objects]):
        # "put its air force on alert after Indian warplanes struck", "as tensions rose with Kosovo",
        # "massing forces along the Gaza border": whom the readiness answers (a weapons test answers no one)
        recipient = _adversary_of_readiness(doc, token, own) or recipient
    elif event_type == "MOBILIZE" and not any(coded(e) and e.country not in own for e in recipient):
        recipient = _ringed_by_force(doc, token, own) or recipient  # "a missile test" answers no one; drills around Taiwan do
    if event_type == "SUPPORT" and not any(coded(e) for e in recipient):
        # "recognised the state of Palestine", "backed the independence of Kosovo"
        recipient = _places_of(doc, [g for o in objects for g in prep_objects([o], ("of",))]) or recipient
    if event_type == "SANCTION" and not any(coded(e) and e.country not in own for e in recipient):
        # "halted all exports to and imports from Israel": the trading partner the halted flow names;
        # "a halt to American purchases of Iranian crude oil": whose goods they were
        flows = [o for o in objects + [c for c in token.children if c.dep_ == "conj"] if o.lemma_.lower() in TRADE_FLOWS]
        flows += [c for f in flows for c in conjuncts(f)]
        recipient = [e for e in entities_at(doc, prep_objects(flows, ("to", "from", "with")) + _named_owners(
            prep_objects(flows, ("of",))), exclude_countries=own) + _places_of(doc, prep_objects(flows, ("to", "from", "with")))
                     if coded(e) and e.country not in own] or recipient
    if event_type == "AID" and not any(coded(e) for e in recipient):
        # "deposited $3 billion in Pakistan's central bank": whose the account is
        recipient = entities_at(doc, [o for p in prep_objects([token, *objects], ("in", "into")) for o in _direct_owners(p)],
                                exclude_countries=own) or recipient
    if event_type == "AID" and (not any(coded(e) for e in recipient) or token.dep_ == "acl"):
        # "a ship carrying 1,000 tonnes of aid for Gaza", "trucks carrying flour crossed into Afghanistan"
        bound = prep_objects([token] + objects + [g for o in objects for g in prep_objects([o], ("of",))], ("for",))
        vehicle = token.head if token.dep_ == "acl" else None
        while vehicle is not None and vehicle.dep_ == "pobj" and vehicle.head.lower_ == "of":
            vehicle = vehicle.head.head  # "a convoy of 40 trucks carrying flour"
        vehicle_verb = vehicle.head if vehicle is not None and vehicle.dep_ in ("nsubj", "nsubjpass") else (
            token.head if token.dep_ == "advcl" else None)
        gone_to = prep_objects([vehicle_verb], ("to", "into", "in")) + [
            c for c in vehicle_verb.children if c.dep_ == "dobj" and vehicle_verb.lemma_.lower() in REACHING_VERBS
        ] if vehicle_verb is not None else []  # "trucks carrying food reached Mekelle"
        recipient = [e for e in entities_at(doc, bound, exclude_countries=own) + _places_of(doc, bound + gone_to)
                     if coded(e) and e.country not in own][:1] or recipient
    if event_type == "REQUEST" and not any(coded(e) for e in recipient) and any(
            o.lemma_.lower() in REFUGE_NOUNS for o in objects):  # "sought refuge in Germany"
        recipient = entities_at(doc, prep_objects([token, *objects], ("in",))) or recipient
    if event_type == "REJECT" and not any(coded(e) for e in recipient) and len(own) == 1 and any(
            o.lemma_.lower() in DOMESTIC_INSTRUMENTS and not _owners(o) for o in objects):
        recipient = [home_recipient(token, next(iter(own)), event_type)]  # "vetoed a broadcasting bill"
    return recipient


VENUE_PREPS = frozenset({"at", "before", "in", "with"})


def _without_venues(doc: Doc, recipient: list[Entity], recipient_tokens: list) -> list[Entity]:
    """'filed a lawsuit against Rwanda at the East African Court of Justice': the court a case is
    brought before is where, not against whom, once someone else is named."""
    venues = {e.key for t in recipient_tokens for n in t.subtree if n.dep_ == "pobj" and n.head.lower_ in VENUE_PREPS
              and (m := doc.mention_at(n.i)) is not None for e in m.entities
              if e.sector == "JUD" or any(w in e.name.lower() for w in ("court", "tribunal"))}
    kept = [e for e in recipient if e.key not in venues]
    return kept if any(coded(e) for e in kept) else recipient


def _commands_own_agencies(actor: list[Entity], recipient: list[Entity]) -> bool:
    """A government ordering its own ministries or forces, not a court or a foreign party."""
    ordered = [e for e in recipient if coded(e)]
    return bool(ordered) and all(e.sector == "GOV" for e in actor if coded(e)) and all(
        e.country in _countries(actor) and e.sector in ("GOV", "MIL", "COP") for e in ordered)


def _meeting_hosts(doc: Doc, frame: Frame) -> list[Entity]:
    """The state whose capital a refused meeting is held in, when it is not the refuser's."""
    token = doc.spacy[frame.trigger]
    meetings = [t for t in [token, *(c for c in token.subtree if c.dep_ in ("dobj", "pobj"))]
                if t.lemma_.lower() in MEETING_NOUNS | {"conference", "summit"}]
    places = [e for t in prep_objects(meetings, ("in",)) for e in _place_entities(doc, t)]
    return dedupe_entities([e for e in places if coded(e) and e.country not in _countries(frame.actor) and _host_capital(doc, e)])


def _host_capital(doc: Doc, entity: Entity) -> bool:
    """A capital named as where something was done ('agreed to a ceasefire in Kuala Lumpur')."""
    span = doc.spacy.char_span(entity.start, entity.end, alignment_mode="expand") if (
        entity.start is not None and entity.end is not None) else None
    mention = doc.mention_at(span.root.i) if span is not None else None
    capital = mention is not None and (mention.kind == "capital" or (  # a capital read as its state: "Malaysia" for Kuala Lumpur
        mention.kind == "place" and entity.sector == "GOV" and entity.name != entity.text))
    return capital and span.root.dep_ == "pobj" and (
        span.root.head.lower_ in ("in", "at"))


def _outside_settings(doc: Doc, token, parties: list[Entity]) -> list[Entity]:
    """The parties not named inside 'on the sidelines of ...' or 'on the margins of ...' in the sentence."""
    spans = [(n.left_edge.idx, n.right_edge.idx + len(n.right_edge)) for n in token.sent
             if n.lemma_.lower() in SETTING_HEADS and n.dep_ == "pobj"]
    return [e for e in parties if not any(a <= e.start < b for a, b in spans)]


def _visiting(person) -> bool:
    """'his visiting counterpart', 'the visiting minister'."""
    return any(c.dep_ in ("amod", "compound") and c.lower_ == "visiting" for c in person.children) or (
        person.i > 0 and person.doc[person.i - 1].lower_ == "visiting")


TRADE_FLOWS = frozenset({"export", "import", "purchase", "trade", "shipment", "flight", "transfer", "supply", "link"})


READINESS_LINKS = frozenset({"after", "as", "amid", "following", "response", "over"})
TEST_WORDS = frozenset({"test", "launch", "test-fire"})


def _adversary_of_readiness(doc: Doc, verb, own: frozenset) -> list[Entity]:
    """The other country named in the border a force masses on or in the clause or phrase that
    says why it was readied."""
    heads = [verb] + list(verb.ancestors)[:2]  # "put its air force on high alert after ...": the light verb's clause
    borders = [t for t in verb.subtree if t.lemma_.lower() in BORDER_WORDS] or [
        t for h in heads[1:] for c in h.children if c.dep_ == "prep" for t in c.subtree if t.lemma_.lower() in BORDER_WORDS]
    named = [c for b in borders for c in b.children if c.dep_ in ("compound", "amod", "poss")] + prep_objects(
        borders, ("with",))  # "along its border with Niger"
    found = [e for e in entities_at(doc, named) + _places_of(doc, named) if coded(e) and e.country not in own]
    if found:
        return found[:1]
    if found := _ringed_by_force(doc, verb, own):
        return found
    links = [c for h in heads for c in h.children if (c.dep_ == "advcl" and any(m.lower_ in READINESS_LINKS for m in c.children
                                                                      if m.dep_ in ("mark", "advmod")))
             or (c.dep_ == "prep" and c.lower_ in READINESS_LINKS | {"in"} and any(
                 t.lower_ in READINESS_LINKS for t in c.subtree))]
    for link in links:
        # the doer of the clause, the owner of what prompted it, or whom tensions are with
        named = [t for t in link.subtree if t.dep_ in ("nsubj", "poss") or (
            t.dep_ == "pobj" and t.head.lower_ in ("with", "from", "by"))]
        parties = [e for t in named if (m := doc.mention_at(t.i)) is not None and m.kind != "place"
                   for e in m.entities if coded(e) and e.country and e.country not in own]
        if parties:
            return parties[:1]
    return []


ENCIRCLING_VERBS = frozenset({"encircle", "surround", "ring", "blockade"})


def _ringed_by_force(doc: Doc, verb, own: frozenset) -> list[Entity]:
    """'drills encircling Taiwan', 'warships around the island': whom a show of force rings."""
    scope = [verb] + [a for a in list(verb.ancestors)[:2] if a.pos_ == "VERB"]
    # the clause's own words, not an adverbial clause's ("held drills after NATO jets patrolled around Poland")
    words = [t for h in scope for c in [h, *(c for c in h.children if (
        c.dep_ in ("dobj", "acl", "prep", "xcomp", "conj") and not (c.dep_ == "prep" and c.lower_ in BACKGROUND_PREPS)) or (
        c.dep_ == "advcl" and (c.tag_ == "VBG" or is_infinitive(c)) and not any(
            m.dep_ in ("mark", "nsubj") for m in c.children)))]  # "..., encircling Taiwan", "to encircle Taiwan"
             for t in (c.subtree if c is not h else [h])]
    named = [o for t in words if t.lemma_.lower() in ENCIRCLING_VERBS for o in t.children if o.dep_ == "dobj"]
    named += [o for t in words if t.dep_ == "prep" and t.lower_ == "around" for o in t.children if o.dep_ == "pobj"]
    return [e for e in entities_at(doc, named) + _places_of(doc, named) if coded(e) and e.country not in own][:1]


def _places_of(doc: Doc, tokens) -> list[Entity]:
    """The countries of the places named at tokens, as recipients."""
    return [e for t in tokens if (m := doc.mention_at(t.i)) is not None and m.kind in ("place", "country", "capital")
            for e in m.entities]


JUSTICE_SECTORS = frozenset({"JUD", "COP", "GOV", "MIL"})
# people kidnapped where they live ("freed 279 schoolgirls"), unlike hostages who may be anyone's
SEIZED_AT_HOME = frozenset("pupil schoolgirl schoolboy schoolchild schoolchildren student villager passenger worshipper "
                           "farmer resident".split())
CAPTIVE_WORDS = frozenset("prisoner hostage captive pilot soldier detainee sailor crew body remains pow".split())


def _handed_to_justice(frame: Frame, trigger: _Trigger) -> bool:
    """A person handed over to the police, guards, court or tribunal of another state or of an
    international body, who is no captive being returned."""
    if frame.event_type != "RETREAT" or frame.mode != "release" or not trigger.entry.key.startswith("hand"):
        return False
    own = _countries(frame.actor)
    receivers = [e for e in frame.recipient if (e.sector in JUSTICE_SECTORS and e.country not in own) or (
        e.sector == "IGO" and any(w in e.name.lower() for w in ("tribunal", "court")))
        or (e.sector == "IGO" and any(t.lemma_.lower() in ("tribunal", "court") for t in trigger.token.subtree))]
    handed = [o for o in _objects(trigger.token) if o.dep_ == "dobj"]
    # "released a captured pilot, handing him over": a pronoun hands over whoever was just released
    return bool(receivers) and bool(handed) and not any(
        o.pos_ == "PRON" or any(t.lemma_.lower() in CAPTIVE_WORDS for t in o.subtree) for o in handed)


def _side_by_side(token, light_verb, actor_tokens) -> list:
    """Who acts alongside the actor: "fought alongside government troops", "Kenyan police,
    working alongside the Haitian police, carried out joint patrols"."""
    verbs = [v for v in (token, light_verb) if v is not None]
    verbs += [c for a in actor_tokens for c in a.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
    return prep_objects(verbs, ("alongside",))


def _pressing_parties(verb) -> list:
    """A refusal is aimed at whoever pressed for the thing refused: "declined to resign despite
    pressure from the anti-corruption commission", "despite calls by the EU"."""
    clauses = [verb] + [c for c in verb.children if c.dep_ == "xcomp"]  # "refused to resign despite ..."
    pressures = [n for n in prep_objects(clauses, ("despite",)) if n.lemma_.lower() in PRESSURE_NOUNS]
    return [owner for n in pressures for owner in
            [c for c in n.children if c.dep_ == "poss"] + prep_objects([n], ("by", "from", "of"))]


def _in_a_place(prep) -> bool:
    """'in Syria', 'in Aleppo': a place phrase, not the particle of a phrasal verb ("send in")."""
    return prep.dep_ == "prep" and prep.lower_ == "in" and any(
        g.ent_type_ in ("GPE", "LOC", "FAC") or g.pos_ == "PROPN" for g in prep.children)


FREEING_WORDS = frozenset({"release", "freedom", "free", "liberation"})


def _captors_of_those_asked_freed(doc: Doc, demand: Frame, frames: list[Frame]) -> list[Entity]:
    """'demanded the release of its reporter, who was detained by Russia's FSB': a demand to free
    someone is made of whoever the sentence says holds them, not of the captive's own side."""
    token = doc.spacy[demand.trigger]
    freeing = [o for o in [*_objects(token), *(c for c in token.children if _is_infinitive_complement(c))]
               if o.lemma_.lower() in FREEING_WORDS]
    captives = [t for f in freeing for t in [*prep_objects([f], ("of",)), *(c for c in f.children if c.dep_ in ("poss", "dobj"))]]
    captive_keys = {e.key for e in entities_at(doc, captives)}
    if not captive_keys or any(e.key not in captive_keys and e.country not in _countries(demand.actor) for e in demand.recipient):
        return []
    captors = [e for f in frames if f.sentence == demand.sentence and (
        (f.event_type == "COERCE" and f.mode in ("arrest", "seize")) or (f.event_type == "ASSAULT" and f.mode == "abduct"))
        and captive_keys & {e.key for e in f.recipient} for e in f.actor if coded(e)]
    return dedupe_entities([e for e in captors if e.country not in _countries(demand.actor)])


def _objects(verb) -> list:
    """Direct objects, passive subjects and the objects of object-like prepositions."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objects and passive_conjunct(verb):  # "was pardoned ... and freed from a prison camp"
        objects = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
    objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in OBJECT_PREPS
                for g in c.children if g.dep_ == "pobj"]
    if not objects:
        objects = [o for partner in raised_partners(verb) for o in _objects(partner)]
    return objects


def _control_ancestors(token) -> set[int]:
    """Verbs that govern a token through control or light-verb links, not coordination."""
    found = set()
    node = token
    for _ in range(4):
        if node.dep_ in ("xcomp", "dobj", "pobj", "prep", "nsubjpass", "nsubj") or (
                node.dep_ == "advcl" and is_infinitive(node)):
            node = node.head
            found.add(node.i)
        else:
            break
    return found


def _clause_head(token):
    """The verb heading the clause a token sits in."""
    node = token
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT":
            return node
        node = node.head
    return node


def _complement_clauses_of(noun) -> list:
    sent = noun.sent
    nxt = noun.right_edge.i + 1
    if nxt >= sent.end or noun.doc[nxt].lower_ != "that" or noun.doc[nxt].dep_ != "mark":
        return []
    return [noun.doc[nxt].head]


# Answers (refusing, yielding, accepting) and what they answer (demands, offers, threats).
ANSWER_TYPES = frozenset({"REJECT", "CONCEDE", "AGREE"})
ANSWERED_TYPES = frozenset({"REQUEST", "AGREE", "THREATEN"})


VOTING_OCCASIONS = frozenset({"election", "elections", "poll", "polls", "referendum", "ballot", "runoff", "primary", "vote"})


def _voted_in_election(verb) -> bool:
    """Voters casting ballots ('voted in local elections', 'voted on Sunday'), not a body voting
    for or against something."""
    stance = any(c.dep_ in ("xcomp", "ccomp", "dobj") or (c.dep_ == "prep" and (
        c.lower_ in ("for", "against", "to") or (c.lower_ == "on" and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children))
        or (c.lower_ == "in" and any(g.lemma_.lower() in ("favour", "favor", "support") for g in c.children))))
        for c in verb.children)
    in_election = any(c.dep_ == "prep" and c.lower_ == "in" and any(g.lower_ in VOTING_OCCASIONS for g in c.subtree)
                      for c in verb.children)
    return in_election or not stance


def _names_intergovernmental_body(token) -> bool:
    """'ECOWAS', untagged: a name the actor dictionary lists as an international organisation."""
    start = next(t.i for t in token.subtree if t.dep_ != "det")  # "the G5 Sahel": the whole name
    return token.pos_ == "PROPN" and any(e.kind == "organisation" and e.sector == "IGO"
                                         for e in load_actor_dictionary().lookup(token.doc[start:token.i + 1].text))


LEFT_BODIES = frozenset({"bloc", "alliance", "union", "organisation", "organization", "treaty", "pact", "accord",
                         "agreement", "court", "community", "league", "federation", "commonwealth"})
JOINT_WORDS = frozenset({"joint", "coordinated", "combined"})
DOCUMENT_NOUNS = frozenset({"report", "statement", "letter", "communique", "communiqué", "video", "book", "document"})
PRICE_NOUNS = frozenset({"price", "tax", "tariff", "subsidy", "cost", "rate", "fee", "toll"})
CARRYING_VERBS = frozenset({"carry", "load", "lade", "transport", "bring"})


def _carrying(thing) -> list:
    """The participles that say what a vehicle carries: "a ship carrying diesel", "loaded with food"."""
    # a verb's own participle too: "relief flights landed in Port-au-Prince carrying water"
    deps = ("acl", "advcl") if thing.pos_ in ("VERB", "AUX") else ("acl",)
    return [c for c in thing.children if c.dep_ in deps and c.lemma_.lower() in CARRYING_VERBS]


def _cargo(thing) -> list:
    """What a vehicle carries: "two navy ships carrying food", "a plane loaded with medicine"."""
    return [g for p in _carrying(thing) for g in p.children if g.dep_ == "dobj"] + [
        g for p in _carrying(thing) for c in p.children if c.dep_ == "prep" and c.lower_ == "with"
        for g in c.children if g.dep_ == "pobj"]


MOVING_VERBS = frozenset({"arrive", "travel", "fly"})
# who arrives somewhere without visiting anyone: troops, refugees, migrants, crowds
NON_VISITOR_SECTORS = frozenset({"MIL", "REF", "CVL", "COP", "REB", "BUS", "MED"})


def _march_not_protest(doc: Doc, frame: Frame, trigger: _Trigger) -> bool:
    """'the two Koreas marched together under a unified flag': countries march in a ceremony, not a
    protest; 'their march on Moscow' by mercenaries is an armed advance."""
    if frame.event_type != "PROTEST" or trigger.token.lemma_.lower() not in ("march", "parade"):
        return False
    if frame.actor and all(e.sector in ("MIL", "REB") for e in frame.actor) and not any(
            c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in PROTEST_PURPOSES | {"demand"} for c in trigger.token.children):
        return True  # but "former soldiers marched on parliament to demand unpaid pensions" protest
    subjects = [c for c in trigger.token.children if c.dep_ == "nsubj"]
    return not trigger.nominal and bool(subjects) and all(
        (m := doc.mention_at(c.i)) is not None and m.kind == "country" for c in subjects)


CONFERRING_VERBS = frozenset({"discuss", "talk", "negotiate", "meet", "confer", "consult", "review", "plan"})
MASSED_FORCES = frozenset("troop soldier warship ship tank force vessel jet warplane aircraft unit battalion marine "
                          "paratrooper submarine destroyer carrier column convoy".split())


def _forces_massing(frame: Frame, trigger: _Trigger) -> bool:
    """Troops or warships that gather or assemble mass, they do not meet."""
    verb = trigger.token
    return frame.event_type == "CONSULT" and not trigger.nominal and verb.lemma_.lower() in (
        GATHERING_VERBS - {"meet"}) and bool(frame.actor) and all(e.sector == "MIL" for e in frame.actor) and all(
        c.lemma_.lower() in MASSED_FORCES for c in verb.children if c.dep_ == "nsubj") and not any(
        (c.dep_ in ("advcl", "xcomp") and is_infinitive(c) and c.lemma_.lower() in CONFERRING_VERBS) or (
            c.dep_ == "prep" and c.lower_ == "for" and any(g.lemma_.lower() in MEETING_NOUNS for g in c.children))
        for c in verb.children)  # "gathered for talks", "gathered to discuss Idlib", not "for exercises"


DRAFTING_PARTICIPLES = ("drafted", "sponsored", "proposed", "authored", "tabled")


def _drafters(doc: Doc, verb) -> list[Entity]:
    """'a French-drafted resolution', 'a U.S.-sponsored draft': the country that drafted the thing rejected."""
    return dedupe_entities([e for obj in verb.children if obj.dep_ == "dobj" for e in _makers_named_before(doc, obj, DRAFTING_PARTICIPLES)])


def _makers_named_before(doc: Doc, thing, participles) -> list[Entity]:
    """The country a participle modifier names as the thing's maker: 'a French-drafted resolution',
    'an Egyptian-mediated ceasefire' (three tokens) or 'U.S.-brokered talks' (one)."""
    found = []
    for mod in (c for c in thing.children if c.dep_ in ("amod", "compound") and c.i < thing.i):
        text = mod.text.lower()
        if mod.lower_ in participles:
            found += [e for m in (doc.mention_at(c.i) for c in mod.children if c.dep_ in ("npadvmod", "compound", "nmod"))
                      if m is not None for e in m.entities if e.country]
        elif "-" in text and text.rsplit("-", 1)[1] in participles:
            prefix = mod.text.rsplit("-", 1)[0]
            found += [Entity(text=mod.text, name=e.name, country=e.country, start=mod.idx, end=mod.idx + len(prefix))
                      for e in load_actor_dictionary().lookup(prefix)[:1] if e.country and e.kind in ("country", "demonym")]
    return found


DOING_PARTICIPLES = frozenset({"claim", "carry", "impose", "launch", "declare", "stage", "mount", "conduct"})


def _doers_named_by_participle(noun) -> list:
    """'an attack claimed by Islamic State', 'a bombing carried out by ETA', 'the blockade imposed by
    Israel': the one a participle on the act names as having done it."""
    found = []
    for c in noun.children:
        if c.dep_ != "acl" or c.tag_ != "VBN":
            continue
        if c.lemma_.lower() in DOING_PARTICIPLES:
            found += [g for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    return found


HARMING_PARTICIPLES = frozenset({"kill", "wound", "injure"})


def _in_uniform(entity: Entity) -> bool:
    """A victim of the attacker's own side told as its forces, or only by a demonym ("an Israeli commando")."""
    return entity.sector in (None, "MIL", "COP")


def _add_people_hit(frame: Frame, people: list[Entity]) -> None:
    """Add the countries of people an act is told to have hit, not the attacker's own fallen soldier."""
    told, own = _countries(frame.recipient), _countries(frame.actor)
    frame.recipient = frame.recipient + dedupe_entities([e for e in people if e.country not in told and not (
        e.country in own and _in_uniform(e))])


def _victims_named(doc: Doc, verb) -> list[Entity]:
    """The countries of those an attack's participle says it killed or wounded, when it names two or
    more sides ('killing dozens of Afghans and 13 U.S. troops')."""
    harmed = [o for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in HARMING_PARTICIPLES
              for o in c.children if o.dep_ == "dobj"]
    harmed += [g for t in harmed for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    found = [e for e in entities_at(doc, harmed) if e.country]
    return found if len({e.country for e in found}) > 1 else []


INCLUDING_TYPES = frozenset({"RETREAT", "COERCE", "ASSAULT", "AID", "CONCEDE"})  # "pardoned 23,000 prisoners, among them ..."


def _people_included(doc: Doc, verb) -> list[Entity]:
    """The coded people an act's object singles out: 'prisoners, among them a British ambassador',
    'tourists, including two Belgians'."""
    named = []
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        named += [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "including" for g in with_conjuncts(
            next((p for p in c.children if p.dep_ == "pobj"), c)) if g.dep_ in ("pobj", "conj")]
        named += [g for a in obj.children if a.dep_ == "appos" and _among_them(a) for g in with_conjuncts(a)]
    named += [g for a in verb.children if a.dep_ in ("advcl", "npadvmod", "dep") and a.pos_ == "NOUN" and _among_them(a)
              for g in with_conjuncts(a)]  # the list hung on the verb
    named += [g for s in verb.children if s.dep_ == "nsubj" for a in s.children if a.dep_ == "appos" and a.i > verb.i
              and _among_them(a) for g in with_conjuncts(a)]  # or on its subject
    return [e for e in entities_at(doc, named) if e.country]


def _among_them(noun) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "among" and any(g.lower_ == "them" for g in c.children) for c in noun.children)


def _harmed_country_told(doc: Doc, frame: Frame) -> list[Entity]:
    """The countries a nominal attack's own phrase names, other than the attacker's."""
    trigger = doc.spacy[frame.trigger]
    if not frame.nominal:
        return []
    inside = {t.i for t in trigger.subtree} - {trigger.i}
    own = _countries(frame.actor)
    return dedupe_entities([e for m in doc.mentions if m.start in inside and m.kind in ("country", "capital")
                            for e in m.entities if e.country and e.country not in own])


CURTAILING_VERBS = frozenset({"end", "cut", "curtail", "shorten"})
TRIP_NOUNS = frozenset({"visit", "trip", "tour"})




def _own_trip(noun) -> bool:
    """'a visit to Brazil', 'his trip to Asia': one trip somewhere, not 'visits by Taiwanese officials'."""
    return noun.lemma_.lower() in TRIP_NOUNS and noun.tag_ == "NN" and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in noun.children)


def _trip_with_purpose(verb) -> bool:
    """'flew to Brussels for talks', 'arrived in Moscow to meet Putin'."""
    return any((c.dep_ == "prep" and c.lower_ == "for") or (c.dep_ in ("advcl", "xcomp") and is_infinitive(c))
               for c in verb.children)


def _exile_arrival(doc: Doc, frame: Frame, frames: list[Frame]) -> bool:
    """'Hasina resigned and flew to India', 'Gonzalez arrived in Madrid after Spain granted him asylum':
    a leader leaving office or taking refuge travels, he does not visit."""
    if frame.event_type != "CONSULT" or frame.mode != "visit" or _trip_with_purpose(doc.spacy[frame.trigger]):
        return False  # "resigned and flew to Brussels for talks with EU leaders" visits
    names = {e.name for e in frame.actor}
    hosts = _countries(frame.recipient)
    return any(f.sentence == frame.sentence and (
        (f.event_type == "RETREAT" and f.mode == "resign" and names & {e.name for e in f.actor})
        or (f.event_type == "AID" and names & {e.name for e in f.recipient} and hosts & _countries(f.actor)))
        for f in frames if f is not frame)


def _moved_without_visiting(frame: Frame, trigger: _Trigger) -> bool:
    """'Refugees arrived in Greece', 'Chinese troops arrived in Tibet': a movement, no visit."""
    if frame.event_type != "CONSULT" or trigger.token.lemma_.lower() not in MOVING_VERBS or trigger.nominal:
        return False
    movers = [c for c in trigger.token.children if c.dep_ == "nsubj"]
    if any(g.lemma_.lower() in PRIVATE_ERRANDS for g in prep_objects([trigger.token], ("for",))):
        return True  # "flew to London for medical treatment": a private errand, no visit
    if any(c.dep_ == "dobj" and c.doc[c.left_edge.i - 1].text != "," for c in trigger.token.children):
        return True  # "flew them to Riyadh": others were carried there (not "..., the first visit by ...")
    if any(c.lower_ == "home" and c.dep_ in ("advmod", "npadvmod", "dobj", "pobj") for c in trigger.token.children):
        return True  # "the freed sailors arrived home in London": a homecoming, no visit
    return all(e.sector in NON_VISITOR_SECTORS for e in frame.actor) or any(
        m.lemma_.lower() in MOVED_THINGS for m in movers)  # "the first deployment of NATO peacekeepers arrived"


PRIVATE_ERRANDS = frozenset({"treatment", "check", "checkup", "check-up", "surgery", "operation", "holiday", "vacation"})
MOVED_THINGS = frozenset("deployment contingent convoy shipment consignment troop soldier peacekeeper force unit "
                         "batch plane aircraft ship vessel flight cargo aid tanker tourist pilgrim migrant athlete "
                         "player footballer fan".split())  # people who travel on their own errands pay no visit


def _coordinated_contents(triggers: list[_Trigger], consumed: dict) -> dict[int, _Trigger]:
    """'called on Israel and Hamas to release all hostages and allow aid into Gaza': an act joined
    to a demanded, promised or refused one, with no subject of its own, is part of the same content."""
    found: dict[int, _Trigger] = {}
    for trigger in (t for t in triggers if t.token.i not in consumed and not t.nominal):
        node = trigger.token
        # "demanded that they stop the raids and pull back": a present or base form under a demand
        subjunctive = node.head.dep_ == "ccomp" and node.head.tag_ in ("VB", "VBP") and node.tag_ in ("VB", "VBP")
        if node.dep_ == "conj" and node.head.i in consumed and (is_infinitive(node.head) or subjunctive) and not any(
                c.dep_ in ("nsubj", "nsubjpass", "mark") for c in node.children):
            found[node.i] = consumed[node.head.i]
    return found


def _purposes_of_contents(triggers: list[_Trigger], consumed: dict) -> dict[int, _Trigger]:
    """'willing to send material to help defend Saudi Arabia': what a promised or demanded act
    is for belongs to the same promise or demand."""
    found: dict[int, _Trigger] = {}
    for trigger in (t for t in triggers if t.token.i not in consumed and not t.nominal):
        node = trigger.token
        if node.dep_ == "xcomp" and node.head.lemma_.lower() == "help":
            node = node.head
        if node.dep_ == "advcl" and _is_purpose(node) and node.head.i in consumed:
            found[trigger.token.i] = consumed[node.head.i]
    return found


def _done_by_crowd(verb) -> bool:
    """'after tens of thousands of protesters blocked surrounding roads': the crowd's act, not a restraint."""
    return any(t.lemma_.lower() in PROTESTER_NOUNS or t.lower_ in CROWD_WORDS
               for s in verb.children if s.dep_ == "nsubj" for t in s.subtree)


def _force_used_to_disperse(triggers: list[_Trigger], consumed: dict) -> dict[int, _Trigger]:
    """'used water cannon to disperse the protesters', 'fired tear gas to break up the rally': one
    act, the dispersal (COERCE), as news coders tell it; force used with nothing else done stays
    PLOVER's ASSAULT crowd-control."""
    dispersals = {t.token.i: t for t in triggers if not t.nominal and t.entry.event_type == "COERCE"
                  and t.token.lemma_.lower() in SUPPRESSING_VERBS and t.token.i not in consumed}
    found: dict[int, _Trigger] = {}
    for trigger in triggers:
        if trigger.nominal or trigger.entry.event_type != "ASSAULT" or trigger.token.i in consumed:
            continue
        if trigger.token.lemma_.lower() == "fire" and trigger.entry.key == "fire":
            # "police fired tear gas to disperse them", "fired tear gas and broke up the rally": the
            # dispersal is the act told; "fired tear gas and detained dozens" are two acts, force and arrest
            restraint = next((t for t in triggers if not t.nominal and t.entry.event_type == "COERCE" and t is not trigger
                              and t.token.sent.start == trigger.token.sent.start and t.token.i not in consumed
                              and not _done_by_crowd(t.token) and t.token.lemma_.lower() in SUPPRESSING_VERBS), None)
            if restraint is not None:
                found[trigger.token.i] = restraint
            continue
        purpose = next((dispersals[c.i] for c in trigger.token.children if c.i in dispersals
                        and c.dep_ in ("xcomp", "advcl") and is_infinitive(c)), None)
        if purpose is not None:
            found[trigger.token.i] = purpose
    return found


# Events whose "on" phrase is what they are about, not at whom ("talks on the nuclear programme").
TOPICAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def _hosted_or_charged(triggers: list[_Trigger], consumed: dict) -> dict[int, _Trigger]:
    """'host a (new round of) talks between A and B': one meeting, the host's; 'arrested for
    collaborating with Israel': the charge is no event of its own; 'hurled stones during
    demonstrations against the army', 'a roadside bombing killed a soldier': one event, told in
    detail."""
    verbs = {t.token.i: t for t in triggers if not t.nominal}
    found: dict[int, _Trigger] = {}
    for trigger in triggers:
        token = node = trigger.token
        if token.i in consumed:
            continue
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in SPAN_NOUNS:
            node = node.head.head
        host = verbs.get(node.head.i)
        if trigger.nominal and node.dep_ == "dobj" and host is not None and host.entry.event_type == trigger.entry.event_type:
            found[token.i] = host
            continue
        told = verbs.get(node.head.head.i) if node.dep_ == "pobj" and node.head.lower_ == "during" else (
            verbs.get(node.head.i) if node.dep_ == "nsubj" else None)  # "a roadside bombing killed a soldier"
        if trigger.nominal and told is not None and told.entry.event_type == trigger.entry.event_type:
            found[token.i] = told
            continue
        if not trigger.nominal and trigger.entry.event_type == "ASSAULT" and (
                earlier := _the_attack_told_before(token, triggers)) is not None:
            found[token.i] = earlier  # "stormed a hotel ..., and 15 people were killed in the assault"
            continue
        charge = token
        while charge.dep_ == "conj" and charge.head.i != charge.i:  # "for incitement and breaching COVID-19 rules"
            charge = charge.head
        punisher = verbs.get(charge.head.head.i) if (charge.dep_ == "pcomp" or (charge.dep_ == "pobj" and charge is not token)) \
            and charge.head.lower_ == "for" else None
        if token.dep_ == "conj" and token.tag_ == "VBG" and token.head.tag_ != "VBG" and any(
                c.dep_ == "prep" and c.lower_ == "for" and c.i < token.i for c in token.head.children):
            punisher = verbs.get(token.head.i)  # "sentenced her for incitement and breaching rules", read as two verbs
        if punisher is not None and punisher.entry.event_type in PUNISHING_TYPES:
            found[token.i] = punisher
    return found


def _the_attack_told_before(token, triggers: list[_Trigger]) -> _Trigger | None:
    """The attack a killing 'in the assault' or 'in the attack' refers back to: the earlier
    attack of its sentence, if there is one."""
    if token.lemma_.lower() not in CASUALTY_VERBS or not any(c.dep_ == "auxpass" for c in token.children):
        return None
    named = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children
             if g.dep_ == "pobj" and g.lemma_.lower() in ATTACK_NOUNS and any(d.lower_ == "the" for d in g.children)]
    if not named:
        return None
    return next((t for t in triggers if t.entry.event_type == "ASSAULT" and t.token.i < token.i
                 and t.token.sent.start == token.sent.start), None)


def _answered(triggers: list[_Trigger], consumed: dict) -> dict[int, _Trigger]:
    """'rejected an Australian ultimatum', 'conceded to demands from UNITA', 'refused to respond to
    a demand from Washington': a demand, offer or threat that is answered is what the answer is
    about (PLOVER codes the answer), not a second event."""
    answers = {t.token.i: t for t in triggers if not t.nominal and t.entry.event_type in ANSWER_TYPES}
    found: dict[int, _Trigger] = {}
    for trigger in triggers:
        node = trigger.token
        if not trigger.nominal or trigger.entry.event_type not in ANSWERED_TYPES or node.i in consumed:
            continue
        head = node.head.head if node.dep_ == "pobj" else node.head if node.dep_ == "dobj" else None
        while head is not None and head.i not in answers and head.dep_ == "xcomp":
            head = head.head  # "refused to respond to a demand"
        if head is not None and head.i in answers and head.i != node.i:
            found[node.i] = answers[head.i]
    return found


def _nominal_contents(triggers: list[_Trigger], consumed: dict) -> dict[int, _Trigger]:
    """'its demand that Israel ease restrictions', 'an offer to withdraw', 'an offer of talks':
    what a demand, offer or threat named as a noun asks or promises is its content, not an event."""
    found: dict[int, _Trigger] = {}
    holders = {t.token.i: t for t in triggers if t.nominal and t.entry.event_type in ANSWERED_TYPES}
    for trigger in triggers:
        node = trigger.token
        if node.i in consumed:
            continue
        if trigger.nominal and node.dep_ == "pobj" and node.head.lower_ in ("for", "of") and (
                node.head.head.lemma_.lower() in OFFER_NOUNS or (
                    node.head.lower_ == "of" and node.head.head.lemma_.lower() in WARNING_NOUNS and node.head.head.i in holders)):
            found[node.i] = trigger  # "an offer for direct talks", "calls for sanctions": not held
            continue
        if node.dep_ not in ("acl", "ccomp", "relcl"):
            continue
        if node.dep_ == "relcl" and trigger.entry.event_type in ANSWER_TYPES:
            continue  # "the offer that Moscow accepted" is answered, not offered
        if node.dep_ == "relcl" and not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("that", "which")
                                            for c in node.children):
            continue  # "a demand that angered Israel": the demand did it
        holder = holders.get(node.head.i)
        if holder is None and node.dep_ == "ccomp":  # "reiterated its demand that Israel ease ...",
            holder = next((holders[c.i] for c in node.head.children if c.dep_ == "dobj" and c.i in holders), None)
        if holder is not None:
            found[node.i] = holder
    return found


def _provided_for(triggers: list[_Trigger], consumed: dict) -> dict[int, _Trigger]:
    """'signed accords providing for the withdrawal of Soviet troops', 'reached agreement on a timetable
    for the withdrawal of Cuban troops': what a deal provides for is its content, not an event."""
    deals = [t for t in triggers if t.entry.event_type == "AGREE" or t.entry.cameo in ("057", "030")]
    covenants = {t.token.i: t for t in deals} | {t.light_verb.i: t for t in deals if t.light_verb is not None}
    found: dict[int, _Trigger] = {}
    for trigger in triggers:
        node = trigger.token
        if not trigger.nominal or node.i in consumed or node.i in covenants or node.dep_ != "pobj" or node.head.lower_ != "for":
            continue
        step = node.head.head
        for _ in range(4):  # through "a timetable", "on", "providing": the deal's own phrase
            if step.i in covenants:
                found[node.i] = covenants[step.i]
                break
            if step.dep_ not in ("pobj", "prep", "acl", "advcl", "dobj") or step.pos_ not in ("NOUN", "ADP", "VERB"):
                break
            step = step.head
    return found


def _talks_on_the_visit(triggers: list[_Trigger], consumed: dict) -> dict[int, _Trigger]:
    """'made a landmark trip to Beijing, where he held talks with Mao': talks held where a visit
    went are that visit, one meeting."""
    visits = [t for t in triggers if t.entry.event_type == "CONSULT" and t.token.i not in consumed]
    found: dict[int, _Trigger] = {}
    for talks in visits:
        clause = talks.light_verb if talks.light_verb is not None else talks.token
        while clause.dep_ == "xcomp" and clause.head.i != clause.i:  # "during which he is expected to hold talks"
            clause = clause.head
        if clause.dep_ != "relcl" or not any((c.dep_ == "advmod" and c.lower_ == "where") or (
                c.dep_ == "prep" and c.lower_ in ("during", "in", "at") and any(g.lower_ == "which" for g in c.children))
                for c in clause.children):
            continue
        host = next((v for v in visits if v is not talks and clause.head in v.token.subtree), None)
        if host is not None:
            found[talks.token.i] = host
    return found


def _apologized_for(triggers: list[_Trigger], consumed: dict) -> dict[int, _Trigger]:
    """'apologized to Brazil for one of its gunboats intercepting a Brazilian ship', 'paid
    compensation for assets they lost when Idi Amin expelled them': what an apology or redress is
    for is what it is about, not news of its own."""
    found: dict[int, _Trigger] = {}
    for apology in (t for t in triggers if (t.entry.cameo == APOLOGY_CAMEO or t.entry.key in REDRESS_KEYS)
                    and t.token.i not in consumed):
        reason = {tok.i for c in apology.token.children if c.dep_ == "prep" and c.lower_ == "for" for tok in c.subtree}
        # but a wrong whose doer is named is coded too ("for the 1995 massacre ... by Bosnian Serb forces",
        # "for Turkey's downing of a Russian warplane"), as the third brief codes background acts
        found.update({t.token.i: apology for t in triggers if t.token.i in reason and t.token.i not in consumed
                      and not (t.nominal and _doer_told(t.token))})
    return found


def _investigated(triggers: list[_Trigger], consumed: dict) -> dict[int, _Trigger]:
    """'an investigation into alleged war crimes', 'a probe into his role in the riots': what is
    investigated is the investigation's subject, not an event the text reports."""
    found: dict[int, _Trigger] = {}
    for probe in (t for t in triggers if t.entry.event_type == "ACCUSE" and t.entry.mode == "investigate"):
        heads = [probe.token] + ([probe.light_verb] if probe.light_verb is not None else [])
        subject = {tok.i for head in heads for c in head.children if c.dep_ == "prep" and c.lower_ in ("into", "over")
                   for tok in c.subtree}  # "opened an investigation into the killing"
        for trigger in triggers:  # "a probe into claims that police beat protesters": not established
            if trigger.token.i in subject and trigger.token.i not in consumed and (
                    trigger.entry.event_type != "ACCUSE"):  # "into an allegation by X": X did allege
                found[trigger.token.i] = probe
    return found


# An event whose purpose clause restates it: protesters "demanding reforms" protest, ministers who
# "gathered to discuss" the war consult once.
RESTATING_PURPOSES = {"PROTEST": ("REQUEST", "PROTEST"), "CONSULT": ("CONSULT",), "ASSAULT": ("ASSAULT",),
                      "RETREAT": ("RETREAT",)}  # "freed 14 soldiers, handing them over to the Red Cross"
# Where a meeting is said to happen: "at the G20 summit", "on the sidelines of the BRICS summit".
SETTING_PREPS = frozenset({"at", "during", "on"})
SETTING_HEADS = frozenset({"sideline", "margin", "side"})


BEHIND_VERBS = frozenset("orchestrate mastermind organise organize plan order direct sponsor instigate engineer".split())


SUMMING_UP_NOUNS = frozenset({"show", "sign", "example", "step", "display", "demonstration", "symbol", "case"})


def _cooperation_summed_up(doc: Doc, frame: Frame, frames: list[Frame]) -> bool:
    """'joined the Russian Pacific Fleet for joint exercises, the latest show of military cooperation
    between Moscow and Beijing': the cooperation summed up is the one just told, between the same sides."""
    token = doc.spacy[frame.trigger]
    if frame.event_type != "COOPERATE" or not frame.nominal or not (
            token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in SUMMING_UP_NOUNS):
        return False
    sides = _countries(frame.actor) | _countries(frame.recipient)
    return any(f is not frame and f.event_type == "COOPERATE" and f.sentence == frame.sentence and sides <= (
        _countries(f.actor) | _countries(f.recipient)) for f in frames)


def _attack_named_again(doc: Doc, frame: Frame, frames: list[Frame]) -> bool:
    """'gunmen stormed the village ..., and Kurti accused Belgrade of orchestrating the attack':
    the attack one is said to be behind is the one just told, not another."""
    token = doc.spacy[frame.trigger]
    return frame.event_type == "ASSAULT" and frame.nominal and token.dep_ == "dobj" and (
        token.head.lemma_.lower() in BEHIND_VERBS) and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                                           for c in token.children) and any(
        f is not frame and f.event_type == "ASSAULT" and f.sentence == frame.sentence and f.trigger < frame.trigger for f in frames)


def _without_restatements(doc: Doc, frames: list[Frame]) -> list[Frame]:
    """Drop what only restates another event of the sentence: 'staged rallies to demand reforms'
    is one PROTEST (PLOVER codes the protest), 'gathered to discuss' one CONSULT, and a summit
    that two leaders 'met at' is where they met, not a second meeting."""
    anchors: dict[int, Frame] = {}
    for frame in frames:
        trigger = doc.spacy[frame.trigger]
        light = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.head.pos_ == "VERB" and (
            frame.event_type == "PROTEST") else trigger
        for token in (trigger, trigger.head if trigger.dep_ in ("dobj", "pobj") else trigger, light):
            anchors.setdefault(token.i, frame)  # "went on strike, shutting universities": the light verb too
    kept = []
    yielded = _promises_told_as_yielding(doc, frames, anchors) + _summons_told_by_demand(doc, frames, anchors)
    for frame in frames:
        if frame in yielded:
            continue
        token = doc.spacy[frame.trigger]
        if frame.nominal and token.dep_ == "dobj" and token.head.pos_ == "VERB":
            token = token.head  # "blocked roads to press their demands": the clause is the light verb's
        restated = _restated(token, frame, anchors)
        if restated is not None and restated in yielded:
            restated = None
        if restated is None:
            kept.append(frame)
        elif frame.recipient and restated.event_type == "PROTEST" and frame.event_type in ("PROTEST", "ACCUSE"):
            # "blocked roads to protest against EU rules": at the EU; "began a hunger strike to protest against ..."
            restated.recipient = frame.recipient
        elif frame.recipient and not restated.recipient and doc.spacy[frame.trigger].lemma_.lower() in PERMITTING_VERBS and (
                _is_result(doc.spacy[frame.trigger])):
            restated.recipient = frame.recipient  # "eased the blockade, allowing goods into the Palestinian territory"
        elif restated.event_type == frame.event_type == "ASSAULT":
            if frame.recipient and not restated.recipient:
                restated.recipient = frame.recipient  # "opened fire on the crowd, killing two Iraqis": at Iraqis
            if not restated.place_tokens:  # "killed 23 people when they blew themselves up in Tel Aviv"
                restated.place_tokens = frame.place_tokens
        elif restated.event_type == frame.event_type == "CONSULT" and restated.mode == "visit" and not any(
                coded(e) for e in restated.recipient) and any(
                coded(e) for e in frame.recipient):
            restated.recipient = frame.recipient  # "denouncing Bush's visit ... as the U.S. president arrived in Brazil"
        elif restated.event_type == frame.event_type and not restated.place_tokens:
            restated.place_tokens = frame.place_tokens  # "released the pilot, handing him over at the Wagah crossing"
    return kept


def _summons_told_by_demand(doc: Doc, frames: list[Frame], anchors: dict[int, Frame]) -> list[Frame]:
    """'summoned Japan's ambassador to demand his release': the demand says what the summons was
    for; one REQUEST, made to the summoned envoy's country."""
    summons = []
    for frame in frames:
        token = doc.spacy[frame.trigger]
        outer = anchors.get(token.head.i) if token.dep_ in ("xcomp", "advcl") and _is_purpose(token) else None
        if frame.event_type != "REQUEST" or outer is None or outer is frame or (
                doc.spacy[outer.trigger].lemma_.lower() not in SUMMONING_VERBS):
            continue
        frame.recipient = outer.recipient or frame.recipient
        summons.append(outer)
    return summons


def _promises_told_as_yielding(doc: Doc, frames: list[Frame], anchors: dict[int, Frame]) -> list[Frame]:
    """'agreed to cut fuel prices, giving in to a central demand of the protesters': the promise
    is the concession the participle names; one CONCEDE, not an AGREE beside it."""
    promises = []
    for frame in frames:
        token = doc.spacy[frame.trigger]
        head = token.head
        while head.i not in anchors and head.dep_ == "xcomp":
            head = head.head  # "agreed to cut fuel prices, giving in ...", the participle on "cut"
        outer = anchors.get(head.i) if token.dep_ == "advcl" and _is_result(token) else None
        if frame.event_type == "CONCEDE" and outer is not None and outer.event_type == "AGREE" and (
                _countries(outer.actor) == _countries(frame.actor)):
            promises.append(outer)
    return promises


# nouns that take up a happening just told: "... and Musharraf said he supported the action"
TOLD_ACTION_NOUNS = frozenset({"action", "move", "decision", "step", "strike", "attack", "operation", "offensive"})
SUMMED_ACTS = TOLD_ACTION_NOUNS | {"verdict", "ruling", "measure"}  # "..., a ruling that drew condemnation"
TOLD_EVENT_STANCES = frozenset({"ACCUSE", "SUPPORT", "REQUEST", "REJECT"})


TOLD_EVENT_PRONOUNS = frozenset({"it", "this"})  # "and Pakistan condemned it as a violation of its sovereignty"
LABELLING_VERBS = frozenset({"amount", "constitute", "represent"})  # "said the move amounted to a declaration of war"
LABEL_HEADS = frozenset({"act", "campaign", "case", "example", "form", "declaration"})  # "an act of piracy"
RETALIATION_VERBS = frozenset({"respond", "retaliate", "avenge", "reciprocate", "punish"})


RETALIATION_NOUNS = frozenset({"response", "revenge", "retaliation", "reprisal", "vengeance", "retribution"})


def _retaliation(verb) -> bool:
    """'vowed to respond', 'vowed to retaliate', 'vowed revenge', 'vowed a firm response': a
    promise to answer force in kind."""
    return any((c.dep_ == "xcomp" and c.lemma_.lower() in RETALIATION_VERBS) or (
        c.dep_ == "dobj" and c.lemma_.lower() in RETALIATION_NOUNS) or _taking_measures(c) or _would_respond(c)
        or _stern_action(c) or _right_to_retaliate(c) for c in verb.children)


def _right_to_retaliate(noun) -> list:
    """'reserved the right to retaliate': the retaliation a right is claimed to."""
    return [g for g in noun.children if g.dep_ == "acl" and g.lemma_.lower() in RETALIATION_VERBS] if (
        noun.dep_ == "dobj" and noun.lemma_.lower() == "right") else []


STERN_WORDS = frozenset({"stern", "tough", "harsh", "strict", "strong", "decisive", "severe", "firm", "swift", "punitive"})


def _stern_action(noun) -> bool:
    """'vowed stern action against those behind the attack': a promise to strike back, not an offer."""
    return noun.dep_ == "dobj" and noun.lemma_.lower() in ("action", "measure", "step") and (
        any(c.dep_ == "amod" and c.lower_ in STERN_WORDS for c in noun.children)
        or bool(prep_objects([noun], ("against",))))


def _cited_against(doc: Doc, verb, frame: Frame, frames: list[Frame]) -> list[Entity]:
    """'expelled two British diplomats, citing what it called interference': what an act cites
    as its reason is held against whom the act is aimed at."""
    citing = next((a for a in verb.ancestors if a.lemma_.lower() == "cite" and a.dep_ in ("advcl", "conj")), None)
    if citing is None and verb.dep_ in ("advcl", "conj") and any(
            o.dep_ == "dobj" and o.lower_ in ("it", "this", "them") for o in verb.children):
        citing = verb  # "rejected a U.S. call to free him, describing it as interference": the call's owner
    if citing is None:
        return []
    cited_for = next((f for f in frames if f.trigger == citing.head.i and f is not frame), None)
    own = _countries(frame.actor)
    return [e for e in cited_for.recipient if coded(e) and e.country not in own] if cited_for is not None else []


def _would_respond(clause) -> bool:
    """'warned it would respond with overwhelming force': the backshifted promise to answer;
    'vowed that the killing would not go unanswered' promises it too."""
    return clause.dep_ == "ccomp" and ((clause.lemma_.lower() in RETALIATION_VERBS or _price_paid(clause)) and _will_be(
        clause) or _goes_unanswered(clause) or _punishment_promised(clause))


def _will_be(clause) -> bool:
    """A clause told with "would" or "will": what is to come."""
    return any(c.dep_ == "aux" and c.lower_ in ("would", "will") for c in clause.children)


PUNISHMENT_NOUNS = frozenset({"punishment", "retribution", "revenge", "vengeance"})


def _punishment_promised(clause) -> bool:
    """'vowed that those responsible would be punished', 'vowed Israel would receive its just
    punishment': a punishment promised is a threat to whoever is to get it."""
    if not _will_be(clause):
        return False
    passive_punishing = clause.lemma_.lower() == "punish" and any(c.dep_ == "auxpass" for c in clause.children)
    receiving = clause.lemma_.lower() in ("receive", "face", "get", "suffer") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in PUNISHMENT_NOUNS for c in clause.children)
    return passive_punishing or receiving


def _price_paid(clause) -> bool:
    """'vowed that the plotters would pay a heavy price': the price is the answer promised."""
    return clause.lemma_.lower() == "pay" and any(c.dep_ == "dobj" and c.lemma_.lower() == "price" for c in clause.children)


UNANSWERED_WORDS = frozenset({"unanswered", "unpunished", "unavenged"})


def _goes_unanswered(clause) -> bool:
    """'... would not go unpunished'."""
    return clause.lemma_.lower() == "go" and any(c.dep_ == "neg" for c in clause.children) and any(
        c.dep_ in ("acomp", "oprd", "xcomp") and c.lower_ in UNANSWERED_WORDS for c in clause.children)


def _taking_measures(clause) -> bool:
    """'vowed to take all necessary measures', 'pledged to take countermeasures'."""
    return clause.dep_ == "xcomp" and clause.lemma_.lower() == "take" and any(
        o.dep_ == "dobj" and o.lemma_.lower() in ("measure", "countermeasure", "step", "action") for o in clause.children)


def _doers_of_told_event(doc: Doc, verb, frame: Frame, frames: list[Frame]) -> list[Entity]:
    """'North Korea conducted a nuclear test, and Japan condemned the test', 'Saudi Arabia
    launched air strikes, and Iran demanded a halt to the attacks': a stance on a happening the
    sentence has just told, naming no one, is aimed at whoever did it."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.tag_ not in ("WDT", "WP")] + prep_objects([verb], ("for",))
    if not objects and frame.lemma == "describe as":  # "said the move amounted to a full-scale trade war": the move's doers
        objects = [s for c in verb.children if c.dep_ == "ccomp" and c.lemma_.lower() in LABELLING_VERBS | {"be"}
                   for s in c.children if s.dep_ == "nsubj" and (s.pos_ == "NOUN" or s.lower_ in TOLD_EVENT_PRONOUNS)]
    if _warned_of_reprisal(verb):
        objects = [verb]  # "..., and Britain warned of serious consequences": a warning to whoever acted
    anchored = [f for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for f in frames
                if f.trigger == c.i and f is not frame and f.event_type != frame.event_type]
    if anchored:  # "Pyongyang's refusal ... was condemned by Washington": the refuser
        own_keys = {e.key for e in frame.actor}
        return [e for e in anchored[0].actor if coded(e) and e.key not in own_keys]
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.dep_ == "acl":
        verb = verb.head  # "a move hailed by Abbas and denounced by Israel": what the first participle hangs on
    if not objects and (verb.dep_ == "relcl" or (verb.dep_ == "acl" and (verb.tag_ == "VBN" or any(
            c.dep_ == "nsubj" for c in verb.children)))) and (
            verb.head.lemma_.lower() not in SUMMING_NOUNS):  # "..., a move hailed by Abbas and denounced by Israel"
        objects = [verb.head]  # "..., a call the ruling party flatly rejected" (a denied charge is the denial's)
    if _retaliation(verb):
        objects = [c for c in verb.children if (c.dep_ == "xcomp" and c.lemma_.lower() in RETALIATION_VERBS) or (
            c.dep_ == "dobj" and c.lemma_.lower() in RETALIATION_NOUNS) or _would_respond(c)] + [
            g for c in verb.children for g in _right_to_retaliate(c)] + [
            o for c in verb.children if _taking_measures(c) for o in c.children if o.dep_ == "dobj"]
    elif verb.lemma_.lower() in RETALIATION_VERBS:
        objects = [verb]
    own = _countries(frame.actor)
    inside = {t.i for t in verb.subtree}  # "a decision the United Nations condemned": the stance's own words
    if not objects or any((o.pos_ not in ("NOUN", "VERB") and o.lower_ not in TOLD_EVENT_PRONOUNS) or any(  # places, civilians harmed and one's own side
            (m := doc.mention_at(t.i)) is not None and m.kind != "place" and m.entities[0].sector != "CVL"
            and not (_countries(m.entities) and _countries(m.entities) <= own)  # name no one to blame
            for t in o.subtree if t.i not in inside) for o in objects):
        return []
    own_keys = {e.key for e in frame.actor}
    # another party's deed: of another country, or of another body at home ("Bush ordered more troops
    # to Iraq, and Democratic leaders criticised the plan")
    earlier = [f for f in frames if f.sentence == frame.sentence and f.trigger < verb.i]
    # "suspended Syria over the government's crackdown, a move Damascus denounced": the act, not its cause
    earlier = [f for f in earlier if not _in_cause_phrase(doc.spacy[f.trigger])] or earlier
    abroad = [f for f in earlier if _countries(f.actor) - own]
    # another body at home ("Democratic leaders criticised the plan"); a state denies another's charge first
    at_home = [f for f in earlier if {e.key for e in f.actor if coded(e)} - own_keys and (
        frame.event_type != "REJECT" or any(e.sector not in (None, "GOV") for e in f.actor))]
    # a refusal or a warning answers another state first ("seized a British tanker, two weeks after
    # British marines impounded an Iranian one, and London warned of serious consequences")
    told = abroad if frame.event_type in ("REJECT", "THREATEN", "ACCUSE") and abroad else abroad + at_home
    # "captured two soldiers in a cross-border raid ..., calling the raid an act of war": the deed named again
    named_again = [f for f in told if any(t.lemma_.lower() == o.lemma_.lower() and t.pos_ == "NOUN" for o in objects
                                          for t in doc.spacy[f.trigger].subtree if t.i < o.i)]
    told = named_again or told
    blamed = [e for f in at_home if f.event_type == "ACCUSE" for e in f.recipient if coded(e) and e.country not in own]
    if frame.event_type == "THREATEN" and not abroad and blamed:
        return blamed  # "the FBI blamed Pyongyang for the cyberattack, and Obama vowed to respond": at the blamed
    if not told:
        return _doers_of_summed_clause(doc, objects, frame)
    latest = max(told, key=lambda f: f.trigger)
    return [e for e in latest.actor if coded(e) and e.key not in own_keys]




def _drawn_from(doc: Doc, noun, frame: Frame, frames: list[Frame]) -> list[Entity]:
    """'vetoed a draft resolution, drawing sharp criticism from Washington': a stance an act drew
    is aimed at whoever did the act."""
    if noun.dep_ == "conj" and noun.head.dep_ == "dobj":
        noun = noun.head  # "drawing condemnation from France and a warning of sanctions from Washington"
    elif noun.dep_ == "conj" and noun.head.lemma_.lower() in DRAWING_VERBS:
        noun = next((c for c in noun.head.children if c.dep_ == "dobj"), noun)  # the same, the warning hung on "drawing"
    participle = noun.head
    summary = participle.head
    if noun.dep_ == "dobj" and participle.lemma_.lower() in DRAWING_VERBS and participle.dep_ == "relcl" and (
            summary.lemma_.lower() in SUMMED_ACTS and summary.left_edge.i > 0 and doc.spacy[summary.left_edge.i - 1].is_punct):
        # "was jailed for three years, a ruling that drew condemnation from Berlin": the summed clause's doers
        told = {f.trigger for f in frames if f is not frame}
        clause = summary.head  # the nearest told event above ("jailed ... for violating the terms of a sentence, a ruling")
        while clause.i not in told and clause.head.i != clause.i:
            clause = clause.head
        return _doers_of_clause(doc, clause, frame, frames)  # else the main clause's subject
    if noun.dep_ == "dobj" and participle.lemma_.lower() in DRAWING_VERBS and participle.dep_ == "relcl" and any(
            c.dep_ == "nsubj" and c.tag_ == "WDT" for c in participle.children):
        # "Russia's invasion of Ukraine, which has drawn sanctions from the West": whoever invaded drew them
        act = participle.head
        if act.dep_ == "pobj" and act.head.head.i in {f.trigger for f in frames}:
            act = act.head.head  # "Iraq's invasion of Kuwait, which drew sanctions", hung on Kuwait
        own = _countries(frame.actor)
        return [e for f in frames if f.trigger == act.i and f is not frame for e in f.actor
                if coded(e) and e.country not in own]
    if noun.dep_ == "dobj" and participle.lemma_.lower() in DRAWING_VERBS and participle.tag_ == "VBD":
        # "Moscow's refusal to extend the deal drew sharp criticism from Turkey": whoever did what drew it
        subjects = [c for c in participle.children if c.dep_ == "nsubj"]
        deeds = [f for c in subjects for f in frames if f.trigger == c.i and f is not frame]
        own = _countries(frame.actor)
        doers = [e for f in deeds[:1] for e in f.actor] or entities_at(  # "Israel's decision to withhold ..."
            doc, [o for c in subjects if c.lemma_.lower() in SUMMED_ACTS for o in _owners(c)])
        return [e for e in doers if coded(e) and e.country not in own]
    if noun.dep_ != "dobj" or participle.lemma_.lower() not in DRAWING_VERBS or participle.tag_ != "VBG" or (
            participle.dep_ not in ("advcl", "conj", "xcomp") and not (
            participle.dep_ == "acl" and participle.head.pos_ == "VERB")):  # the participle read as a verb's acl
        return []
    verb = participle.head
    if verb.dep_ == "pcomp" and participle.dep_ == "conj":
        verb = verb.head.head  # "sentenced X for spreading propaganda, drawing condemnation", hung on the charge
    if verb.dep_ == "relcl" and verb.head.dep_ in ("dobj", "nsubj", "nsubjpass") and any(
            c.dep_ == "aux" and c.lower_ in MODAL_WORDS for c in verb.children):
        verb = verb.head.head  # "vetoed a draft that would have threatened Damascus, drawing criticism"
    if verb.dep_ == "ccomp" and _told_as_unrealised(verb):
        verb = verb.head  # "promised that Ukraine would join the alliance, drawing criticism": the promise drew it
    reported = [c for c in verb.children if c.dep_ == "ccomp"]
    if verb.lemma_.lower() in ("say", "report", "tell") and reported:
        verb = reported[0]  # "an air strike killed 51 people, health workers said, drawing condemnation"
    elif verb.lemma_.lower() in ("say", "report", "tell") and verb.dep_ in ("parataxis", "relcl") and verb.sent.root.i != verb.i:
        verb = verb.sent.root  # "the junta executed four activists, state media reported, drawing condemnation"
    return _doers_of_clause(doc, verb, frame, frames, own_side=True)


def _told_as_unrealised(clause) -> bool:
    """'that Ukraine would join', 'that it will respond': a clause told as what would or will be."""
    return any(c.dep_ == "aux" and c.lower_ in MODAL_WORDS | WILL_MODALS for c in clause.children)


def _doers_of_clause(doc: Doc, verb, frame: Frame, frames: list[Frame], own_side: bool = False) -> list[Entity]:
    """Who did what a clause tells: its frame's actors, else its subject; not the stance-taker's side
    unless the stance is one an act drew from its own side ("drawing criticism from Republican lawmakers")."""
    told = next((f for f in frames if f.trigger == verb.i), None) or next((  # "declared a state of emergency"
        f for f in frames if f is not frame and f.actor and doc.spacy[f.trigger].dep_ == "dobj"
        and doc.spacy[f.trigger].head.i == verb.i), None)
    doers = told.actor if told is not None else entities_at(doc, [c for c in verb.children if c.dep_ == "nsubj"] or (
        inherited_subject(verb) if verb.dep_ == "conj" else []))  # "recognised Jerusalem ... and ordered ..., drawing condemnation"
    if own_side:
        takers = {e.name for e in frame.actor}
        return [e for e in doers if coded(e) and e.name not in takers]
    own = _countries(frame.actor)
    return [e for e in doers if coded(e) and e.country not in own]


REPRISAL_NOUNS = frozenset({"consequence", "response", "retaliation", "reprisal", "countermeasure", "measure",
                            "action", "punishment", "revenge", "vengeance"})


VOWING_VERBS = frozenset({"vow", "promise", "pledge"})


def _warned_of_reprisal(verb) -> bool:
    """'warned of serious consequences', 'warned of overwhelming countermeasures', 'vowed firm countermeasures'."""
    vowed = [c for c in verb.children if c.dep_ == "dobj"] if verb.lemma_.lower() in VOWING_VERBS else []
    return any(o.lemma_.lower() in REPRISAL_NOUNS for o in prep_objects([verb], ("of",)) + vowed)


def _clause_verb(token):
    """The verb whose clause a (possibly nominal) trigger is in: "put" for "put its army on alert"."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _told_as_earlier(verb) -> bool:
    """A clause told as what came before another act: 'hours after Tbilisi sent troops'."""
    return any(c.dep_ in ("mark", "prep") and c.lower_ in ("after", "following") for c in verb.children) or (
        verb.dep_ in ("pcomp", "pobj") and verb.head.lower_ in ("after", "following"))


def _answering_doers(doc: Doc, verb, frame: Frame, frames: list[Frame]) -> list[Entity]:
    """'..., and North Korea put its armed forces on a war footing in response', '... responded by
    putting its troops on alert': the doers of the act told before, of other countries."""
    answering = any(g.lemma_.lower() in ("response", "retaliation") for c in verb.children
                    if c.dep_ == "prep" and c.lower_ == "in" for g in c.children) or any(
        a.lemma_.lower() == "respond" for a in verb.ancestors)
    if not answering:
        return []
    own = _countries(frame.actor)
    before = [f for f in frames if f is not frame and f.sentence == frame.sentence and f.trigger < frame.trigger
              and any(coded(e) and e.country not in own for e in f.actor)]
    last = max(before, key=lambda f: f.trigger, default=None)
    return [e for e in last.actor if coded(e) and e.country not in own] if last is not None else []


def _prompted_by(doc: Doc, verb, frame: Frame, frames: list[Frame]) -> list[Entity]:
    """'began joint exercises, prompting North Korea to warn of countermeasures': a stance an act
    prompted is aimed at whoever did the act."""
    participle = verb.head
    if verb.dep_ not in ("xcomp", "ccomp") or participle.lemma_.lower() not in DRAWING_VERBS | {"lead", "force"} or (
            participle.tag_ != "VBG"):
        return []
    return _doers_of_clause(doc, participle.head, frame, frames)


def _where_beneficiaries_are(doc: Doc, verb, actor: list[Entity]) -> list[Entity]:
    """'distributing rice to 400,000 flood victims in northern Bangladesh': aid to people no country
    is given for goes to the country they are in."""
    people = prep_objects([verb] + [c for c in verb.children if c.dep_ in ("dobj", "conj")], ("to",))
    return _countries_where(doc, people, actor)


def _countries_where(doc: Doc, things: list, actor: list[Entity]) -> list[Entity]:
    """The countries an 'in' phrase on the things puts them in, other than the actor's own."""
    own = _countries(actor)
    mentions = [m for t in prep_objects(things, ("in",)) if (m := doc.mention_at(t.i)) is not None
                and m.kind in ("place", "country", "capital")]
    return dedupe_entities([e for m in mentions for e in m.entities if e.country and e.country not in own])


SHOW_NOUNS = frozenset({"show", "message", "warning", "signal", "demonstration"})


def _shown_to(doc: Doc, verb, frame: Frame) -> list[Entity]:
    """'ordered a second carrier into the Gulf, ..., in a show of force aimed at Iran', 'war games
    that commanders said were a message to the United States': whom a build-up is meant to impress."""
    sentence = verb.sent
    shows = [t for t in sentence if t.lemma_.lower() in SHOW_NOUNS and t.pos_ == "NOUN"]
    addressed = [g for show in shows for c in show.subtree if c.dep_ == "prep" and (
        (c.lower_ == "at" and c.head.lemma_.lower() in ("aim", "direct", "target")) or (c.lower_ == "to" and c.head is show))
        for g in c.children if g.dep_ == "pobj"]
    addressed += [g for t in sentence if t.lemma_.lower() in SHOW_NOUNS and t.dep_ == "attr"
                  for c in t.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    return _other_parties(doc, addressed, frame.actor)


INTERCEPTING_VERBS = frozenset({"scramble"})


def _intruders(doc: Doc, verb, frame: Frame) -> list[Entity]:
    """'scrambled fighter jets to intercept a Chinese drone', '... after two Russian bombers flew
    close to its airspace': jets scrambled are aimed at the foreign aircraft they meet."""
    clauses = [c for c in verb.children if c.dep_ in ("advcl", "xcomp") or (c.dep_ == "prep" and c.lower_ == "after")]
    return _other_parties(doc, [t for c in clauses for t in c.subtree], frame.actor)


def _doers_of_summed_clause(doc: Doc, objects, frame: Frame) -> list[Entity]:
    """'Tokyo tightened controls on exports to South Korea, a move Seoul condemned': a stance on
    "a move" that sums up its clause is aimed at that clause's subject, coded as an event or not."""
    summed = [o for o in objects if o.lemma_.lower() in SUMMED_ACTS
              and o.head.pos_ == "VERB" and (o.dep_ in ("npadvmod", "appos") or (
                  o.dep_ == "dobj" and doc.spacy[o.left_edge.i - 1].is_punct))]  # "..., a decision that X condemned"
    # "approved 3,000 homes in the West Bank, a move the EU condemned": the model hangs the move on the last noun
    clauses = [o.head for o in summed] + [verb for o in objects if o.lemma_.lower() in SUMMED_ACTS and o.dep_ == "appos"
                                          and (verb := _governing_verb(o.head)) is not None]
    subjects = [c for v in clauses for c in v.children if c.dep_ == "nsubj"]
    own = {e.key for e in frame.actor}
    return [e for e in entities_at(doc, subjects) if coded(e) and e.key not in own and not (
        _countries([e]) and _countries([e]) <= _countries(frame.actor))]


EXPULSION_MODES = frozenset({"expel", "deport"})


def _acted_beside(token, frame: Frame, outer: Frame) -> bool:
    """An adverbial clause telling another side's act of its own: other attackers, or (but for a meeting,
    which the other side attends) a subject named of another country."""
    if outer.event_type == frame.event_type == "ASSAULT":
        return {e.key for e in frame.actor} != {e.key for e in outer.actor}
    named_subject = any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in token.children)
    return frame.event_type != "CONSULT" and named_subject and _countries(frame.actor) != _countries(outer.actor)


def _restated(token, frame: Frame, anchors: dict[int, Frame]) -> Frame | None:
    """The other frame of the sentence this one only restates, if any."""
    if token.lemma_.lower() in SCOPING_VERBS and token.dep_ == "advcl" and _is_result(token):
        head = token.head
        while head.i not in anchors and head.dep_ == "xcomp":
            head = head.head
        outer = anchors.get(head.i)
        if outer is not None and outer is not frame:
            return outer  # "agreed to tighten sanctions on Russia, targeting its diamond trade": whom they hit
    described = anchors.get(token.head.i) if token.dep_ == "relcl" else None
    if described is not None and described is not frame and described.nominal and (
            described.event_type == frame.event_type == "ASSAULT"):
        return described  # "a Turkish drone strike that killed two border guards": one attack, told with its toll
    helped = token.head if token.dep_ in ("ccomp", "xcomp") and token.head.lemma_.lower() in HELPING_VERBS and (
        token.head.dep_ in ("advcl", "xcomp") and _is_purpose(token.head)) else None
    if helped is not None and (outer := anchors.get(helped.head.i)) is not None and outer is not frame and not (
            frame.nominal and _countries(frame.actor) - _countries(outer.actor)):  # "to help it fend off Russian air attacks"
        return outer  # "signed an aid package to help Colombia fight traffickers": what the aid is for
    summoned = token.dep_ == "xcomp" and token.head.lemma_.lower() in SUMMONING_VERBS
    # "began bombing Baghdad to force Iraqi troops out of Kuwait": an attack takes no complement, so its infinitive is its aim
    aimed = token.dep_ == "xcomp" and is_infinitive(token) and getattr(anchors.get(token.head.i), "event_type", None) in FORCE_TYPES and (
        frame.event_type not in FORCE_TYPES | {"PROTEST"})  # "fired tear gas to scatter a rally": the rally is told
    outer = anchors.get(token.head.i) if token.dep_ == "advcl" or summoned or aimed else None
    if outer is not None and not _is_result(token) and _acted_beside(token, frame, outer):
        # "struck Gaza while Hamas fired rockets": two attacks, as "freed X while Germany released Y" are two
        # releases; "shelled Kharkiv, killing five" and "killed 23 people when they blew themselves up": one
        outer = None
    if outer is not None and outer is not frame and frame.event_type in RESTATING_PURPOSES.get(outer.event_type, ()):
        return outer
    marchers = anchors.get(token.head.head.i) if token.dep_ == "acl" and token.tag_ == "VBG" and token.head.dep_ == "nsubj" else None
    if marchers is not None and marchers is not frame and marchers.event_type == "PROTEST" and (
            frame.event_type in RESTATING_PURPOSES["PROTEST"]):
        return marchers  # "thousands of demonstrators demanding his resignation marched on ...": one protest
    protest = anchors.get(token.head.i) if frame.event_type == "ACCUSE" and token.dep_ in ("xcomp", "advcl") and (
        is_infinitive(token)) else None
    if protest is not None and protest is not frame and protest.event_type == "PROTEST":
        return protest  # "began a hunger strike to protest against the detention of ...": one protest
    if outer is not None and outer is not frame and token.tag_ == "VBG" and frame.event_type == outer.event_type != "ASSAULT" and (
            _countries(frame.actor) == _countries(outer.actor)) and _parties_told_again(frame, outer) and (
            None in (frame.mode, outer.mode) or frame.mode == outer.mode):  # not "declared martial law, ordering channels off the air"
        return outer  # "extradited a trafficker to Rome, handing him to Italian police": one extradition, in detail
    if outer is not None and outer is not frame and _is_result(token) and token.lemma_.lower() in CLOSING_VERBS:
        return outer  # "reached a deal, ending more than a decade of negotiations": what the deal did
    if outer is not None and outer is not frame and _is_result(token) and token.lemma_.lower() in PERMITTING_VERBS and (
            outer.event_type in ("RETREAT", "CONCEDE", "COERCE") and _countries(outer.actor) == _countries(frame.actor)):
        return outer  # "eased its blockade of Gaza, allowing consumer goods in": what the easing lets happen
    if outer is not None and outer is not frame and outer.event_type == "PROTEST" and _is_result(token) and (
            frame.event_type in ("PROTEST", "COERCE") or frame.mode == "destroy"):  # "went on strike, shutting ports"
        return outer  # "rioted, setting fire to their mattresses": the riot, told in detail
    if outer is not None and outer is not frame and _is_purpose(token) and not (
            outer.event_type == "CONSULT" and outer.mode == "visit" and frame.event_type in ("SUPPORT", "AID")):
        # "resigned to allow elections", "sent troops to help defend": what it is for; but "travelled to
        # Zgorzelec to sign an agreement" tells the visit and the signing
        return outer
    if outer is not None and outer is not frame and frame.event_type == "ASSAULT" != outer.event_type and _is_result(token):
        # "accused Pakistani troops of shelling villages ..., killing 12 civilians": the shelling killed them
        told = sorted((f for f in {id(f): f for f in anchors.values()}.values() if f is not frame and f.event_type == "ASSAULT"
                       and token.head.left_edge.i <= f.trigger < token.i), key=lambda f: f.trigger)
        if told:
            return told[-1]
    if outer is not None and outer is not frame and _is_result(token) and outer.event_type == "ASSAULT" and (
            frame.event_type == "RETREAT" and frame.mode == "release"):
        return outer  # "attacked two prisons, freeing thousands of inmates": a jailbreak, no captor's release
    if outer is not None and outer is not frame and _is_result(token) and _spells_out_sanctions(outer, frame):
        return outer  # "imposed sanctions, suspending Aeroflot flights and freezing their assets": the sanctions' terms
    if outer is not None and outer is not frame and _is_result(token) and {frame.mode, outer.mode} <= EXPULSION_MODES:
        return outer  # "expelled a reporter, giving her two days to leave the country": one expulsion
    called = anchors.get(token.head.head.i) if token.dep_ == "acl" and token.head.dep_ == "dobj" else (
        anchors.get(token.head.i) if token.dep_ == "xcomp" else None)
    if called is not None and called is not frame and _is_purpose(token) and (
            frame.event_type in RESTATING_PURPOSES.get(called.event_type, ())):
        return called  # "telephoned his Turkish counterpart to discuss the crisis": one call
    clause = token
    while clause.dep_ == "xcomp" and clause.head.i not in anchors:
        clause = clause.head  # "deployed police to Haiti to help fight gangs": still what it is for
    outer = anchors.get(clause.head.i) if clause is not token and clause.dep_ == "advcl" else None
    if outer is not None and outer is not frame and _is_purpose(clause):
        return outer
    setting = anchors.get(_meeting_setting(token))
    if frame.event_type == "CONSULT" and frame.nominal and setting is not None and setting.event_type == "CONSULT":
        return setting
    listed = anchors.get(token.head.head.i) if token.dep_ == "conj" and token.tag_ == "VBG" and (
        token.head.dep_ == "advcl" and _is_result(token.head)) else None
    if listed is not None and listed is not frame and listed.event_type == "PROTEST" and frame.event_type in ("PROTEST", "COERCE"):
        return listed  # "staged a strike, grounding flights and shutting ports": what the strike shut
    joined = anchors.get(token.head.head.i) if token.dep_ == "conj" and _is_purpose(token) and (
        token.head.dep_ == "advcl" and _is_result(token.head)) else None
    if joined is not None and joined is not frame and joined.event_type == "PROTEST":
        return joined  # "staged a strike, shutting ports, to press the government for higher wages", read as one list
    if listed is not None and listed is not frame and _spells_out_sanctions(listed, frame):
        return listed  # "..., freezing their assets and banning them from travelling": more of the sanctions' terms
    return None


WARPLANE_WORDS = frozenset("jet warplane bomber aircraft plane helicopter drone gunship".split())


def _without_strike_sendings(triggers: list[_Trigger]) -> list[_Trigger]:
    """'sent F-16 fighter jets to strike Cambodian military targets': warplanes sent to attack
    are the attack, not aircraft handed over."""
    attacks = {t.token.i for t in triggers if t.entry.event_type == "ASSAULT" and not t.nominal}
    return [t for t in triggers if t.nominal or t.token.lemma_.lower() not in SENDING_VERBS or not any(
        o.dep_ == "dobj" and o.lemma_.lower() in WARPLANE_WORDS for o in t.token.children) or not any(
        c.i in attacks and c.dep_ in ("advcl", "xcomp") and _is_purpose(c) for c in t.token.children)]


def _spells_out_sanctions(sanctions: Frame, frame: Frame) -> bool:
    """A restriction by the same side, told in a participle after its sanctions, is one of their terms."""
    return sanctions.event_type == "SANCTION" and frame.event_type in ("SANCTION", "COERCE") and (
        _countries(sanctions.actor) == _countries(frame.actor))


CLOSING_VERBS = frozenset({"end", "conclude", "close", "cap"})
ROLE_NOUNS = frozenset({"role", "part", "involvement", "complicity", "participation"})
TOPIC_VERBS = frozenset({"discuss", "review", "address", "debate", "examine"})
MEDIATOR_NOUNS = frozenset({"mediator", "go-between", "facilitator", "broker", "intermediary"})
# participles that say what an action is aimed at, not a second action: ", targeting its diamond trade"
SCOPING_VERBS = frozenset({"target", "aim"})


ASPIRATION_NOUNS = frozenset({"wish", "hope", "desire", "aspiration", "longing", "dream", "effort", "bid", "obstacle",
                              "hurdle", "prelude"})  # "the last obstacle to peace talks": talks still to come
# what is only feared is not reported: "citing the risk of a Russian offensive" (its direct "of" object only)
RISK_NOUNS = frozenset({"risk", "danger", "prospect", "possibility", "fear", "spectre", "specter"})


def _aspired(noun) -> bool:
    """'proof of Washington's earnest wish for a settlement to be reached in U.S.-Soviet talks':
    what a wish or a hope is for, or a for-to clause requires, is not a reported happening."""
    return any((a.lemma_.lower() in ASPIRATION_NOUNS and a.pos_ == "NOUN") or _required_by_for(a) or _wanted(a)
               for a in noun.ancestors)


PREVENTING_VERBS = frozenset({"prevent", "stop", "bar", "keep", "block", "deter", "discourage", "ban"})


MARKET_WORDS = frozenset("share shares stock stocks equities index indices bond bonds investor investors nikkei dow "
                         "nasdaq s&p ftse dax hang seng".split())


CAMPAIGN_WORDS = frozenset({"campaign", "election", "electoral", "pre-election", "political", "party", "victory"})


PROHIBITION_NOUNS = frozenset({"ban", "prohibition", "moratorium", "embargo"})


def _sidelined(noun) -> bool:
    """'talks on the sidelines of the BRICS summit': the summit is where the talks were held."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in SETTING_HEADS


def _banned(noun) -> bool:
    """'lifted a ban on political demonstrations': what a ban is on is no reported happening."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "on" and noun.head.head.lemma_.lower() in PROHIBITION_NOUNS


CEREMONY_CROWDS = frozenset({"mourner", "pilgrim", "worshipper", "worshiper", "fan", "tourist", "shopper",
                             "spectator", "faithful", "reveller", "believer", "athlete", "competitor", "delegation"})
CROWD_MOVES = GATHERING_VERBS | {"march", "walk", "flock"}
DISSENT_WORDS = OPPOSING_VERBS | {"slogan", "chant", "against", "demand"}


CROWD_COUNTS = frozenset({"thousand", "thousands", "hundred", "hundreds", "ten", "tens", "dozen", "dozens",
                          "million", "millions"})


def _strikers_strike(token) -> bool:
    """'Dockworkers' strikes entered a third day', 'a strike by Nigerian doctors paralysed hospitals':
    a strike its workers own, told as under way, is a walkout without a light verb."""
    return token.lemma_.lower() == "strike" and token.dep_ == "nsubj" and token.head.lemma_.lower() in ONGOING_VERBS and any(
        (c.dep_ == "poss" and c.lemma_.lower() in WORKING_PEOPLE) or (c.dep_ == "prep" and c.lower_ == "by" and any(
            g.lemma_.lower() in WORKING_PEOPLE for g in [*c.children, *prep_objects(list(c.children), ("of",))]))
        for c in token.children)  # "a strike by thousands of workers"


# what a strike under way does: "entered a third day", "paralysed ports" (not "last year's strike cost ...")
ONGOING_VERBS = frozenset("enter continue drag paralyse paralyze cripple shut disrupt spread ground halt close hit "
                          "affect leave stretch bring keep".split())


def _on_strike(token) -> bool:
    """'opened fire on striking platinum miners': workers described as striking."""
    return token.lower_ == "striking" and token.dep_ == "amod" and token.head.lemma_.lower() in WORKING_PEOPLE


def _counted_crowd(verb, actor_tokens, entry: TriggerEntry) -> bool:
    """'tens of thousands marched', 'thousands rallied': a subject that only counts people; people
    unnamed who protest by the verb's own word ("dozens of women protesting", "people marched")."""
    subjects = actor_tokens or [c for c in verb.children if c.dep_ == "nsubj"]
    crowd = CROWD_COUNTS | (UNNAMED_PEOPLE if entry.event_type == "PROTEST" else frozenset())
    return bool(subjects) and all(t.lower_ in crowd and not any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ not in crowd for g in c.children) for c in t.children)
        for t in subjects)


UNNAMED_PEOPLE = frozenset({"people", "women", "men", "residents", "citizens", "locals", "villagers", "youths",
                            "inhabitants", "demonstrators", "protesters", "protestors"})


def _ceremonial_gathering(verb, actor_tokens) -> bool:
    """'Mourners gathered at the cathedral', 'pilgrims converged on Mecca': a crowd at a rite, no
    protest, unless it voices dissent ('mourners chanting slogans against military rule marched')."""
    crowds = [next((g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                    if g.dep_ == "pobj"), t) for t in actor_tokens]  # "thousands of mourners"
    walked_out = any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)  # "the delegation walked out of the talks"
    return verb.lemma_.lower() in CROWD_MOVES and not walked_out and bool(crowds) and all(
        t.lemma_.lower() in CEREMONY_CROWDS for t in crowds) and not any(
        t.lemma_.lower() in DISSENT_WORDS for a in actor_tokens for t in [*verb.subtree, *a.subtree])


COMMUNITY_TARGETS = frozenset("village villager town community settlement farm farmer home house camp herder "
                              "herdsman".split())


def _raided_community(verb) -> bool:
    """'Herdsmen attacked a farming village': communal violence on people where they live is an
    assault, not a riot."""
    return any(o.lemma_.lower() in COMMUNITY_TARGETS for o in _objects(verb))


COMMUNAL_ATTACKERS = frozenset("settler settlers mob mobs herdsman herdsmen herder herders tribesman tribesmen "
                               "vigilante vigilantes nationalist nationalists".split())


def _communal_attackers(actor: list[Entity]) -> bool:
    """'Hindu mobs set fire to houses', 'settlers torched cars': communal violence, not a riot
    against the state."""
    return all(any(w.strip(",.()").lower() in COMMUNAL_ATTACKERS for w in e.name.split()) for e in actor)


def _acting_abroad(doc: Doc, frame: Frame) -> bool:
    """'Israeli settlers set fire to a Palestinian school near Nablus': civilians who attack the
    people of another country on that country's ground assault them; a riot is at home."""
    actors, recipients = _countries(frame.actor), _countries(frame.recipient)
    places = {m.entities[0].country for i in frame.place_tokens if (m := doc.mention_at(i)) is not None
              and m.kind == "place" and m.entities}
    return bool(actors and recipients and places) and not (actors & recipients) and places <= recipients


def _campaign_event(noun) -> bool:
    """'a campaign rally', 'a political rally': a gathering of supporters, no protest."""
    return noun.lemma_.lower() == "rally" and any(
        c.dep_ in ("amod", "compound") and c.lower_ in CAMPAIGN_WORDS for c in noun.children)


def _in_protest(noun) -> bool:
    """'recalled its ambassador from Tel Aviv in protest': the manner of another act, not a protest."""
    return noun.lemma_.lower() == "protest" and noun.dep_ == "pobj" and noun.head.lower_ == "in" and (
        noun.head.head.pos_ in ("VERB", "AUX") or (noun.lower_ == "protest" and not any(
            c.dep_ in ("det", "amod", "compound") or (c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS) for c in noun.children)))
    # "summon the ambassador in protest", hung on the ambassador: bare, it is still the manner


MILITARY_STRIKE_WORDS = frozenset("merciless retaliatory preemptive pre-emptive punitive precision surgical "
                                  "devastating nuclear missile military aerial".split())
DEMAND_MOVES = frozenset("slowing slow slower weak weaker weakening rising falling soaring robust "
                          "sluggish global domestic consumer seasonal".split())
DEMANDED_GOODS = frozenset("oil energy fuel gas crude import export consumer power electricity steel metal food".split())


SOUGHT_OUTCOMES = frozenset({"defeat", "destruction", "downfall", "collapse", "domination", "dominance", "hegemony",
                             "isolation", "weakening", "dismemberment", "annihilation", "revenge", "re-election",
                             "reelection", "election", "office", "nomination", "seat", "power"})
SPAN_OF_TALKS = frozenset({"day", "week", "month", "hour", "round", "session", "year"})
RELATION_NOUNS = frozenset({"relation", "tie", "contact", "link"})
# what the other side said of the doer: "rejected the accusations as baseless and called on Kinshasa to ..."
CLAIM_NOUNS = frozenset({"accusation", "allegation", "charge", "claim", "criticism", "assertion"})
PARTNERED_TYPES = frozenset({"SANCTION", "ACCUSE", "REJECT", "THREATEN", "REQUEST"})


def _partner_of_coordinated_act(doc: Doc, frame: Frame, frames: list[Frame]) -> list[Entity]:
    """The foreign party of another act its doer did in the same breath: two verbs joined by "and"
    (a reported one counting as its report), with the same doer."""
    own = _countries(frame.actor)
    verb = doc.spacy[frame.trigger]
    anchor = _report_of(verb)
    # "suspended Pakistan ... and demanded a swift timetable for a return to democracy": what is demanded, of them
    asked = [c for c in verb.children if c.dep_ in ("dobj", "dative", "prep") and not (c.dep_ == "prep" and (
        c.lower_ in ("for", "in") or any(g.ent_type_ in ("DATE", "TIME") for g in c.children)))]
    demanded_thing = frame.event_type == "REQUEST" and not frame.nominal and [c.dep_ for c in asked] == ["dobj"] and all(
        doc.mention_at(t.i) is None for t in asked[0].subtree)
    if any(c.dep_ == "ccomp" for c in verb.children) or (frame.event_type == "REQUEST" and not demanded_thing and any(
            c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ == "on") for c in verb.children)):
        return []  # "warned that it would punish countries that ...", "called on the international community"
    if not frame.nominal and not demanded_thing and any(
            c.dep_ == "dobj" and c.lemma_.lower() not in RELATION_NOUNS | CLAIM_NOUNS for c in verb.children):
        return []  # "rejected the ultimatum and accused France": the ultimatum was not France's
    for other in frames:
        if other is frame or other.sentence != frame.sentence or _countries(other.actor) != own or other.aux_mode:
            continue
        foreign = [e for e in other.recipient if coded(e) and e.country not in own]
        twin = _report_of(doc.spacy[other.trigger])
        if foreign and other.event_type in PARTNERED_TYPES and (
                (anchor.dep_ == "conj" and anchor.head.i == twin.i) or (twin.dep_ == "conj" and twin.head.i == anchor.i)):
            return foreign
    return []


def _report_of(token):
    """The saying verb a reported clause hangs on ("said it had lodged ..."), else the act's own verb."""
    verb = token.head if token.dep_ == "dobj" and token.head.pos_ == "VERB" else token  # "lodged a protest"
    return verb.head if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in ("say", "announce", "add") else verb


def _market_demand(noun) -> bool:
    """'slowing Chinese demand weighed on markets', 'oil demand': demand as buyers' appetite, not a demand made."""
    before = noun.doc[max(noun.left_edge.i - 1, noun.i - 2, 0):noun.i]  # "slowing" is often parsed as a verb
    if any(c.dep_ in ("det", "poss") for c in noun.children):
        return False  # "the demand", "their demand": one made by someone
    return noun.lemma_.lower() == "demand" and (any(
        (c.dep_ == "amod" and c.lower_ in DEMAND_MOVES) or (c.dep_ == "compound" and c.lower_ in DEMANDED_GOODS)
        for c in noun.children) or any(t.lower_ in DEMAND_MOVES for t in before))


def _market_move(noun) -> bool:
    """'the Nikkei share average closed higher, extending a rally driven by technology shares': a
    rally in a sentence about stock markets."""
    return noun.lemma_.lower() == "rally" and any(t.lower_ in MARKET_WORDS for t in noun.sent)


DANGER_NOUNS = frozenset({"war", "collapse", "famine", "crisis", "catastrophe", "disaster", "shortage", "starvation",
                          "default", "chaos", "bankruptcy"})


def _warned_of_danger(verb) -> bool:
    """'warned that the country risked sliding into civil war': what a warning says someone else
    risks is a danger foreseen, not a threat by the one who warns."""
    contents = [c for c in verb.children if c.dep_ == "ccomp"]
    if verb.lemma_.lower() != "warn" or not contents or any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False  # "warned the United States that it would face a catastrophe": the warned are threatened
    return all(c.lemma_.lower() in ("risk", "face") and any(t.lemma_.lower() in DANGER_NOUNS for t in c.subtree) and not any(
        a.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in a.children) for a in c.subtree)
        for c in contents)  # "risked sliding into civil war"; not "would face a response if it attacked"


ATTACKING_LEMMAS = frozenset({"attack", "ambush", "target", "hit", "strike", "bomb", "raid", "fire", "shell"})


LEAVING_MOTION_VERBS = frozenset({"cross", "move", "march", "roll", "head", "go", "fly", "sail"})  # not "drove X out of"


def _out_of(verb) -> list:
    """The place 'out of' which a verb moves: 'crossed the border out of Lebanon'."""
    if any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):  # "out" read as the verb's particle
        return prep_objects([verb], ("of",))
    return [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "out" for g in prep_objects([c], ("of",))]


# who strikes, reaches or seals a deal is a party to it (not who imposes a ban or brokers a deal)
def _forces_housed_at_target(doc: Doc, verb, frame: Frame) -> list[Entity]:
    """'fired missiles at two Iraqi air bases housing U.S. troops': the forces a struck place houses are
    struck too."""
    targets = [o for o in verb.children if o.dep_ == "dobj"] + prep_objects([verb], ("at", "on"))
    housed = [o for t in targets for c in t.children if c.dep_ == "acl" and c.lemma_.lower() in ("house", "host")
              for o in c.children if o.dep_ == "dobj"]
    own = _countries(frame.actor)
    return [e for e in entities_at(doc, housed) if coded(e) and e.country not in own]


CAPTIVITY_PARTICIPLES = frozenset({"hold", "kidnap", "abduct", "seize", "capture", "take"})


def _rescued(doc: Doc, frame: Frame) -> list[Entity] | None:
    """Those a release frees from others' hands, if it is a rescue: the freed are held by captors who are
    not the actor's state ("freed two French tourists held by jihadists", "freed 300 women held by Boko
    Haram"), or are hostages freed in the actor's assault ("stormed the residence, freeing 71 hostages").
    Their own countries, else the actor's."""
    verb = doc.spacy[frame.trigger]
    if frame.event_type != "RETREAT" or frame.mode != "release" or verb.pos_ != "VERB":
        return None
    freed = [o for o in verb.children if o.dep_ == "dobj"]
    freed += [t for o in freed for t in o.subtree if t.dep_ in ("appos", "conj") and t.head.i in {f.i for f in freed} | {
        a.i for a in t.ancestors if a.dep_ in ("appos", "conj")}]  # "two French tourists, a South Korean and an American"
    held = [c for o in freed for c in o.children if c.dep_ == "acl" and c.lemma_.lower() in CAPTIVITY_PARTICIPLES]
    captor_words = [g for c in held for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    captors = entities_at(doc, captor_words)
    own = _countries(frame.actor)
    taken_from_captors = bool(captor_words) and all(e.country not in own or e.sector in INSURGENT_SECTORS for e in captors)
    stormed = verb.dep_ == "advcl" and _is_result(verb) and any(o.lemma_.lower() in ("hostage", "captive") for o in freed)
    if not (taken_from_captors or stormed) or not own:
        return None
    # the freed named by their own words ("two French tourists, a South Korean"), not by their captors'
    victims = [e for o in freed for m in doc.mentions if o.left_edge.i <= m.start <= o.i for e in m.entities if coded(e)]
    return dedupe_entities(victims) or [home_recipient(verb, next(iter(own)), "AID")]


ERROR_NOUNS = frozenset({"mistake", "blunder", "error"})
CONQUERING_VERBS = frozenset({"seize", "capture", "take", "retake", "recapture", "overrun"})
BARGAINING_VERBS = frozenset({"strike", "reach", "seal", "sign", "conclude", "ink"})


def _done_to_noun_by(noun, verbs):
    """The participle a noun is told with and who did it: 'an accord struck last month by Putin'."""
    return next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in verbs
                 and any(a.dep_ == "agent" for a in c.children)), None)


STRUCK_BARGAINS = frozenset({"deal", "agreement", "accord", "bargain", "compromise", "pact", "truce"})


def _attacked(noun) -> bool:
    """'ambushed a police patrol', 'opening fire on their patrol': the patrol attacked is a target,
    not a deployment of the attackers."""
    if noun.dep_ == "dobj":  # "struck a deal" is struck with no one
        return noun.head.lemma_.lower() in ATTACKING_LEMMAS and noun.lemma_.lower() not in STRUCK_BARGAINS
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ in ("on", "at") and (
        prep.head.lemma_.lower() in ATTACKING_LEMMAS or any(c.lemma_.lower() == "fire" for c in prep.head.children))


def _years_before(token) -> bool:
    """'seven years after cutting ties with Assad', 'freed the pilot after holding him for 19 months':
    what happened long before the news, or went on for long before it, is background."""
    prep = token.head
    return token.dep_ == "pcomp" and prep.lower_ in ("after", "since") and (any(
        c.dep_ == "npadvmod" and c.lemma_.lower() in ("year", "decade") for c in prep.children) or any(
        c.dep_ == "prep" and c.lower_ == "for" and _for_how_long(c) for c in token.children))  # "after holding him for 19 months"


TALKING_WORDS = frozenset("speak talk phone call telephone meet discuss talks meeting conversation consult negotiate".split())
PREPARED_GROUND = frozenset({"way", "path", "stage", "ground", "groundwork"})


def _topic_of_talk(token) -> bool:
    """'spoke by phone ... about sending Jamaican soldiers': what a talk is about is not done."""
    return (token.dep_ == "pcomp" and token.head.lower_ in ("about", "on", "over") and (
        token.head.head.lemma_.lower() in TALKING_WORDS)) or (  # "met Modi to discuss sending troops"
        token.tag_ == "VBG" and token.dep_ in ("dobj", "xcomp") and token.head.lemma_.lower() in ("discuss", "debate", "consider"))


def _ground_prepared_for(token) -> bool:
    """'clearing the way for the long-delayed start of EU membership talks': yet to come."""
    return any(a.dep_ == "prep" and a.lower_ == "for" and a.head.lemma_.lower() in PREPARED_GROUND
               for a in [token.head, *token.ancestors][:4])


def _held_as_described(token) -> bool:
    """'fishermen held hostage by Abu Sayyaf', 'prisoners kept by the rebels': a captive's state, not an act."""
    return token.dep_ == "acl" and token.tag_ == "VBN" and token.lemma_.lower() in ("hold", "keep")


def _aimed_at(token) -> bool:
    """'a peace agreement aimed at ending fighting': what something is aimed at is yet to come."""
    return token.dep_ in ("pcomp", "pobj") and token.head.lower_ == "at" and token.head.head.lemma_.lower() == "aim"


COUP_VERBS = frozenset({"oust", "depose", "overthrow", "topple"})
# who stages a coup; not an upheaval ("a coup toppled the government"), a vote or a crowd
COUP_MAKERS = frozenset({"army", "military", "soldier", "troop", "officer", "general", "colonel", "junta", "mutineer",
                         "putschist", "rebel", "guard", "force", "insurgent", "commander", "militia", "fighter", "plotter"})


def _coup_done(verb) -> bool:
    """'the army ousted President Mursi': a coup told as done by soldiers or a named party; not a
    title ("ousted President Bazoum"), a wish ("seeking to overthrow"), or what an upheaval did."""
    if verb.dep_ == "amod" or verb.tag_ == "VBG" or is_infinitive(verb):
        return False
    if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return verb.tag_ == "VBD" and verb.head.tag_ == "VBD"  # "ousted and arrested", not a participle hung on "threatened"
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(c.lemma_.lower() in COUP_MAKERS or c.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or (
        c.lower_ in ("he", "they", "we")) for c in subjects)  # "a general announced he had deposed the president"


RETAKING_VERBS = frozenset({"retake", "recapture", "regain", "reclaim"})
AIRBORNE_WORDS = frozenset({"retaliatory", "drone", "predator", "reaper", "warplane", "jet", "aircraft", "bomber",
                            "airstrike", "air"})  # "U.S. Predator attacks have killed eight al-Qaeda leaders"


def _force_at_home(doc: Doc, frame: Frame, trigger) -> bool:
    """Force used at home, in a sentence that names no other country: not clashes or counterattacks,
    and not air strikes, invasions or reprisals unless by police or insurgents, on a crowd, to retake
    one's own ground, or where the sentence names a place of the actor's own ("bombed a village in
    the Sagaing region")."""
    if frame.recipient or trigger.lemma_.lower() in CLASH_NOUNS | {"counterattack"} or any(
            c.dep_ == "nsubj" and c.lemma_.lower() in CLASH_NOUNS for c in trigger.children):
        return False  # "attacks killed eight al-Qaeda leaders": at a party of no country; "fighting continued"
    policing = any(e.sector == "COP" for e in frame.actor)
    on_a_crowd = frame.mode == "crowd-control" or any(t.lower_ in CROWD_WORDS for t in trigger.subtree)
    scope = trigger.head if trigger.dep_ == "dobj" else trigger  # "launched an offensive to retake ..."
    retaking = any(t.lemma_.lower() in RETAKING_VERBS for t in scope.subtree)
    insurgent = any(e.sector in INSURGENT_SECTORS for e in frame.actor)
    own = _countries(frame.actor)
    placed_at_home = any(m.kind in ("place", "capital") and m.sentence == frame.sentence and any(
        e.country in own for e in m.entities) for m in doc.mentions)
    # bombing from the air, an invasion or a reprisal is seldom at home unless a home place is named
    from_afar = frame.mode == "aerial" or any(t.lemma_.lower() in WAR_WORDS | AIRBORNE_WORDS for t in scope.subtree)
    return policing or on_a_crowd or retaking or insurgent or placed_at_home or not from_afar


def _build_up_target(doc: Doc, frame: Frame, frames: list[Frame]) -> list[Entity]:
    """The recipients of a build-up coordinated with an attack by the same side."""
    verb = doc.spacy[frame.trigger]
    verb = verb.head if verb.dep_ == "dobj" else verb  # "could launch an attack"
    joined = {c.i for c in verb.conjuncts}
    build_up = next((f for f in frames if f.event_type == "MOBILIZE" and f.trigger in joined
                     and _countries(f.actor) == _countries(frame.actor) and any(coded(e) for e in f.recipient)), None)
    return list(build_up.recipient) if build_up is not None else []


def _not_told_as_happening(trigger: _Trigger) -> bool:
    """A trigger that names no happening of its own: a cause or a wish, what a for-to clause
    requires, what is prevented, a retaliation its by-clause tells."""
    token = trigger.token
    return (trigger.nominal and (_is_cause(token) or _aspired(token) or _judged_hypothetically(token)
                                 or _banned(token) or _sidelined(token) or _any_such(token) or _attacked(token))) or (
        _required_by_for(token) or _prevented(token) or _retaliation_told_by(token)
        or _sports_result(token) or _described_in_background(token) or _done_by_nature_or_numbers(token)
        or _wanted(token) or _carried_under_permission(token) or _awaited(token) or _years_before(token)
        or _accused_of_failing_or_plotting(token) or _feared(token) or _aimed_at(token) or _topic_of_talk(token)
        or _held_as_described(token) or _plotted(token) or _forecast(token) or (
            trigger.entry.event_type != "AGREE" and _terms_of_deal(token))  # "a deal under which Havana agreed to free 553 prisoners"
        or _ground_prepared_for(token) or _rejected_complaint(trigger) or _called_off(token) or (
            trigger.light_verb is not None and _feared(trigger.light_verb)))


# what these nouns are of will not happen, or no longer does: "the suspension of joint exercises"
CALLING_OFF_NOUNS = frozenset({"suspension", "cancellation", "cancelation", "postponement", "scrapping", "calling-off", "boycott"})


# what one is kept from or leaves is not held by them: "excluded the junta chief from a regional summit",
# "walked out of a national dialogue"
LEAVING_VERBS = frozenset({"exclude", "bar", "ban", "disinvite", "uninvite", "walk", "storm"})


def _called_off(token) -> bool:
    return token.dep_ == "pobj" and ((token.head.lower_ == "of" and token.head.head.lemma_.lower() in CALLING_OFF_NOUNS) or (
        token.head.lower_ in ("from", "of") and token.head.head.lemma_.lower() in LEAVING_VERBS))


def _rejected_complaint(trigger: _Trigger) -> bool:
    """'Beijing rejected the protest': a complaint just told that the other side rejects, not a street protest."""
    token = trigger.token
    # a state's complaint ("the protest", "a British protest"), not one told with its crowd or cause
    # ("the protests by 100,000 people", "the protests over her death")
    if not (trigger.nominal and trigger.entry.event_type == "PROTEST" and token.dep_ == "dobj" and (
            token.head.lemma_.lower() in REBUTTING_VERBS) and token.tag_ == "NN"):
        return False
    lodged_by_state = any(c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ("NORP", "GPE") for c in token.children)
    told_bare = all(c.dep_ == "det" for c in token.children) and not any(
        c.dep_ in ("prep", "agent") and c.lower_ == "by" for c in token.head.children)
    return lodged_by_state or told_bare


def _feared(token) -> bool:
    """'citing the risk of a Russian offensive', 'the prospect of Washington imposing sanctions': only feared."""
    return token.dep_ in ("pobj", "pcomp") and token.head.lower_ == "of" and token.head.head.lemma_.lower() in RISK_NOUNS


# what one is accused of failing or plotting to do did not happen: "accused the bloc of failing to defend Armenia"
UNDONE_INTENTS = frozenset({"fail", "neglect", "plot", "conspire", "plan"})


def _accused_of_failing_or_plotting(verb) -> bool:
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in UNDONE_INTENTS and _told_as_accused(verb.head)


PLOT_NOUNS = frozenset({"plot", "conspiracy", "scheme", "plan"})
# what one failed or refused to do did not happen: "over Belgrade's failure to arrest Ratko Mladic"
UNDONE_NOUNS = frozenset({"failure", "refusal", "reluctance", "inability", "unwillingness"})


# what markets, money and weather do: a warning that they will is a forecast, not a threat
TREND_NOUNS = frozenset("yen dollar euro currency cost price fund funding earning earnings profit inflation growth "
                        "economy shortage drought weather storm rain flood famine output demand supply rate market "
                        "deficit debt stock reserve harvest".split())


def _forecast(verb) -> bool:
    """'warned that a stronger yen would cut earnings', 'warning that funds could run out'."""
    return verb.lemma_.lower() == "warn" and not any(c.dep_ in ("dobj", "dative") for c in verb.children) and any(
        c.dep_ == "ccomp" and any(s.dep_ == "nsubj" and s.lemma_.lower() in TREND_NOUNS for s in c.children)
        and not any(a.dep_ == "advcl" and _is_condition(a) for a in c.children)  # "... would soar if the U.S. attacked"
        for c in verb.children)


def _terms_of_deal(verb) -> bool:
    """'signed an agreement under which Washington will provide $100 million': the deal's terms."""
    return verb.dep_ == "relcl" and verb.head.lemma_.lower() in NAMED_ACCORDS | {"deal"} and any(
        c.dep_ == "prep" and c.lower_ == "under" and any(g.lower_ == "which" for g in c.children) for c in verb.children)


def _plotted(verb) -> bool:
    """'a plot to overthrow the government and assassinate the prime minister': what a plot is for,
    or what one failed to do."""
    while verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        verb = verb.head
    return is_infinitive(verb) and ((verb.dep_ == "acl" and verb.head.lemma_.lower() in PLOT_NOUNS | UNDONE_NOUNS) or (
        verb.dep_ == "advcl" and any(o.dep_ == "dobj" and o.lemma_.lower() in PLOT_NOUNS for o in verb.head.children)))


TIME_SPANS = frozenset({"day", "night", "week", "month", "year", "hour", "minute", "decade"})


def _for_how_long(prep) -> bool:
    """'set fire to buildings for a second day', 'for three hours': how long, not what is planned."""
    return _time_span(prep) is not None


def _time_span(prep):
    """The counted span a 'for' phrase gives ('for 11 years', 'for a second day'), or None."""
    return next((g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in TIME_SPANS and any(
        m.dep_ == "nummod" or m.tag_ == "JJ" and m.lower_ in ORDINAL_WORDS for m in g.children)), None)


ORDINAL_WORDS = frozenset("second third fourth fifth sixth seventh eighth ninth tenth several consecutive straight".split())


SPORTS_VERBS = frozenset({"beat", "defeat", "thrash", "edge", "rout", "overcome"})
SPORTS_TEAMS = frozenset({"team", "squad", "eleven"})
SPORTS_FIXTURES = frozenset({"qualifier", "final", "semi-final", "semifinal", "match", "friendly", "derby", "tournament"})


NATURE_AND_NUMBERS = frozenset({"temperature", "price", "inflation", "storm", "cyclone", "typhoon", "hurricane",
                                "earthquake", "quake", "flood", "flooding", "rain", "snow", "heatwave", "drought",
                                "index", "unemployment", "wildfire", "landslide", "tsunami",
                                "virus", "outbreak", "epidemic", "pandemic", "currency"})


def _done_by_nature_or_numbers(verb) -> bool:
    """'Temperatures in Kuwait hit 54 degrees', 'a cyclone struck Mozambique': weather, disasters
    and figures hit nothing as a party does."""
    return any(c.dep_ == "nsubj" and (c.lemma_.lower() in NATURE_AND_NUMBERS or (c.lemma_.lower() == "fire" and any(
        m.dep_ == "compound" and m.lemma_.lower() in BURNING_PLACES for m in c.children))) for c in verb.children)


# What an accidental fire burns ("a train fire killed 58"), unlike "artillery fire" or "Israeli fire".
BURNING_PLACES = frozenset({"train", "house", "building", "forest", "bush", "factory", "market", "hospital", "hotel",
                            "club", "ship", "ferry", "mine", "prison"})


def _described_in_background(participle) -> bool:
    """'following clashes between police and striking oil workers': people described in what an
    event follows are background, and so is what describes them."""
    return participle.dep_ == "amod" and any(a.dep_ == "prep" and a.lower_ in BACKGROUND_PREPS for a in participle.ancestors)


def _sports_result(verb) -> bool:
    """'Ukraine's football team beat Iceland 2-1': a match won, not an attack."""
    if verb.lemma_.lower() not in SPORTS_VERBS:
        return False
    scored = _score_after(verb)
    teams = any(t.lemma_.lower() in SPORTS_TEAMS for c in verb.children if c.dep_ == "nsubj" for t in c.subtree)
    fixture = any(g.lemma_.lower() in SPORTS_FIXTURES for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
                  for g in c.children)  # "in a World Cup qualifier", "in the final"
    margin = any(g.lemma_.lower() in SPORTS_MARGINS for c in verb.children if c.dep_ == "prep" and c.lower_ == "by"
                 for g in c.children)  # "beating Sri Lanka by six wickets"
    return scored or teams or fixture or margin


SPORTS_MARGINS = frozenset({"wicket", "run", "goal", "point", "stroke", "length", "set", "try"})


SCORE = re.compile(r"\d{1,2} ?- ?\d{1,2}")


def _score_after(verb) -> bool:
    """A match score within a few words after the verb, not a count before a noun: "beat Iceland
    2-1", "beating Palmeiras 1-0", not "beat 10-15 protesters"."""
    doc = verb.doc
    for start in range(verb.i + 1, min(verb.i + 6, len(doc))):
        for end in (start + 1, start + 3):
            if end <= len(doc) and SCORE.fullmatch(doc[start:end].text.replace(" ", "")):
                return not (end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN"))
    return False


def _any_such(noun) -> bool:
    """'would respond decisively to any Israeli attack': an event named with "any" is one that may
    come, not one that came."""
    if not any(c.dep_ == "det" and c.lower_ == "any" for c in noun.children):
        return False
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head
    return not any(c.dep_ == "neg" for c in governor.children)  # "did not carry out any strikes" is denied


def _awaited(verb) -> bool:
    """'vowed to keep fighting until the coalition withdrew', 'would monitor the situation before
    resuming payments': what a promise or a plan waits for, or comes before, has not happened."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "before":
        head = verb.head.head  # "would monitor the situation before resuming any payments"
    elif verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "until" for c in verb.children):
        head = verb.head
    elif verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "before" for c in verb.children):
        head = verb.head  # "preparing to resume exports before Russia bombed the port": the bombing happened
        if verb.tag_ == "VBD":
            return any((c.dep_ == "aux" and c.lower_ in WILL_MODALS | MODAL_WORDS) or c.dep_ == "neg" for c in head.children)
    else:
        return False
    return _is_infinitive_complement(head) or is_infinitive(head) or any(
        c.dep_ == "aux" and c.lower_ in WILL_MODALS for c in head.children)


def _carried_under_permission(participle) -> bool:
    """'allowed a U.N. convoy carrying food to cross into Darfur': what a permitted convoy carries
    is the permission's content, not a delivery told as done."""
    vehicle = participle.head if participle.dep_ == "acl" else None
    clause = vehicle.head if vehicle is not None and vehicle.dep_ in ("nsubj", "dobj") else None
    return clause is not None and (clause.lemma_.lower() in PERMITTING_VERBS or (
        clause.dep_ in ("ccomp", "xcomp") and clause.head.lemma_.lower() in PERMITTING_VERBS))


NEEDING_VERBS = frozenset({"need", "want", "wish", "hope", "long", "yearn"})
MODAL_WORDS = frozenset({"would", "could", "might", "may", "should"})


def _wanted(verb) -> bool:
    """'Kyiv needed them to strike Russian supply lines': what is needed or wanted is no happening."""
    return verb.pos_ == "VERB" and verb.dep_ in ("xcomp", "ccomp", "advcl") and is_infinitive(verb) and (
        verb.head.lemma_.lower() in NEEDING_VERBS)


def _judged_hypothetically(noun) -> bool:
    """'talks with Washington would not solve any problems': what a judgement is about, told as
    its subject under a modal, is no meeting."""
    return noun.dep_ == "nsubj" and noun.head.lemma_.lower() in JUDGING_PREDICATES and any(
        c.dep_ == "aux" and c.lower_ in MODAL_WORDS for c in noun.head.children)


# what talks or a truce "would" do when a speaker judges them, not when they would take effect
JUDGING_PREDICATES = frozenset("solve resolve help achieve bring lead work succeed fail produce change benefit serve "
                               "yield accomplish deliver".split())


def _retaliation_told_by(verb) -> bool:
    """'Pakistan retaliated by ordering an Indian diplomat to leave': the by-clause is the act; 'was
    expelling 23 diplomats and shutting the British Council, retaliating for ...': the act it hangs on."""
    if verb.lemma_.lower() not in RETALIATION_VERBS:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "by" and any(g.dep_ == "pcomp" for g in c.children) for c in verb.children) or (
        verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ == "VERB" and any(
            c.dep_ == "dobj" for c in verb.head.children))


def _prevented(token) -> bool:
    """'placed Bhutto under house arrest to prevent her from leading a protest march': what one is
    kept from doing does not happen."""
    node = token
    for _ in range(5):
        if node.dep_ == "pcomp" and node.head.lower_ == "from" and node.head.head.lemma_.lower() in PREVENTING_VERBS:
            return True
        if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.dep_ == "dobj" and (
                node.head.head.lemma_.lower() in PREVENTING_VERBS):
            return True  # "to stop lawmakers voting on a bill"
        if node.head.i == node.i or node.dep_ in ("ccomp", "relcl", "conj", "advcl"):
            return False
        node = node.head
    return False


def _required_by_for(verb) -> bool:
    """'a deadline for Iraq to disarm', 'it is time for Israel to withdraw': what a for-to clause
    says someone is to do is required of them, not done."""
    if verb.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children):
        return True
    # "chanting for Moscow to pull its troops out": the for-phrase hung on the verb before
    before = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
    return verb.dep_ in ("advcl", "xcomp") and before is not None and before.dep_ == "pobj" and before.head.lower_ == "for"


def _ultimatum(verb) -> bool:
    """'to leave Iraq or face military action': an act demanded with a penalty as its alternative."""
    return any(_faces_penalty(c) for c in verb.children if _is_infinitive_complement(c) or _is_object_infinitive(c))


def _faces_penalty(act) -> bool:
    """'leave Iraq or face war': the act has a penalty as its alternative."""
    return any(k.dep_ == "conj" and k.lemma_.lower() == "face" for k in act.children) and any(
        c.dep_ == "cc" and c.lower_ == "or" for c in act.children)


def _is_result(clause) -> bool:
    """A participle clause with no subject of its own: ', killing five civilians'."""
    return clause.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in clause.children)


def _is_infinitive_complement(clause) -> bool:
    """'agreed to withdraw', and 'have sworn to fight' that the parser reads as a purpose."""
    return clause.dep_ == "xcomp" or (clause.dep_ == "advcl" and _is_purpose(clause))


def _is_object_infinitive(clause) -> bool:
    """'allowed the opposition leader to bring out a rally', read as a content clause."""
    return clause.dep_ == "ccomp" and is_infinitive(clause)


def _is_purpose(clause) -> bool:
    """An infinitive clause of purpose with no subject of its own: 'to allow elections'."""
    return is_infinitive(clause) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


BACKGROUND_PREPS = frozenset({"after", "before", "since", "following", "during", "amid"})
RESPONSE_NOUNS = frozenset({"response", "retaliation", "reprisal", "revenge", "answer", "reaction"})
TEMPORAL_PREPS = BACKGROUND_PREPS - {"since", "amid"}  # when something was done, not why or for how long
MEETING_TIME_PREPS = TEMPORAL_PREPS - {"before"}  # talks before an act may not have happened yet


def _caller_of_setting(noun) -> list:
    """'agreed in a telephone call on Friday', 'during a phone conversation with Erdogan': a call
    named as the setting of what the subject did is the subject's."""
    if not any(c.dep_ in ("compound", "amod") and c.lower_ in PHONE_WORDS for c in noun.children):
        return []
    return _doers_of_setting(noun, ("in", "during", "over", "after"), named_beside=False)


def _visitor_of_setting(noun) -> list:
    """'urged Seoul ... during a visit to Seoul', 'Stoltenberg, on a visit to Seoul, urged': a
    visit named as the setting of what someone did is that someone's."""
    if not any(c.dep_ == "prep" and c.lower_ == "to" for c in noun.children):
        return []
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in TRIP_PARTS:
        noun = noun.head.head  # "Sadat, on the second day of a trip to Jerusalem, told ..."
    return _doers_of_setting(noun, ("during", "on"), named_beside=True)


TRIP_PARTS = frozenset({"day", "leg", "stage", "part", "end", "start", "eve", "sidelines"})


def _doers_of_setting(noun, preps: tuple, named_beside: bool, controlled: bool = False) -> list:
    """Whoever did what a noun in a setting phrase ("during a ...") is the setting of: the subject
    of the verb above it, through nouns it hangs on ("thanked Seoul for its help during a call"), or
    (``named_beside``) the name the phrase is set off beside ("Stoltenberg, on a visit to Seoul, ...");
    ``controlled``: past a subjectless infinitive or conjunct to who controls it ("pledged to restore ties")."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in preps:
        return []
    holder = noun.head.head
    if named_beside and holder.pos_ in ("PROPN", "NOUN"):
        return [holder]
    for _ in range(3):
        if holder.pos_ in ("VERB", "AUX") or holder.head.i == holder.i:
            break
        holder = holder.head
    while controlled and holder.dep_ in ("xcomp", "conj") and not any(c.dep_ == "nsubj" for c in holder.children):
        holder = holder.head  # "pledged to restore ties, following talks": who pledged
    if controlled and holder.dep_ == "acl" and (attributed := _attributed_to(holder.head)) is not None:
        holder = attributed  # "agreed ..., according to a statement issued after talks": who agreed
    return [c for c in holder.children if c.dep_ == "nsubj"] if holder.pos_ in ("VERB", "AUX") else []


EACH_SIDE_NOUNS = frozenset({"side", "party", "country", "camp", "army", "government"})


def _sides_each_acting(verb) -> list:
    """'Armenian and Azerbaijani troops clashed, with each side accusing the other of starting the
    fighting': "each side" of a "with" phrase is the sides the clause it hangs on names."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not (subject.lower_ == "each" or (subject.lemma_.lower() in EACH_SIDE_NOUNS and any(
            c.dep_ == "det" and c.lower_ == "each" for c in subject.children))):
        return []
    if verb.dep_ != "pcomp" or verb.head.lower_ != "with" or verb.head.head.pos_ not in ("VERB", "AUX"):
        return []
    return [c for c in verb.head.head.children if c.dep_ == "nsubj"]


def _attributed_to(source):
    """The verb an 'according to' phrase naming a source hangs on, or None."""
    if source.dep_ == "pobj" and source.head.lower_ == "to" and source.head.head.lower_ == "according":
        verb = source.head.head.head
        return verb if verb.pos_ in ("VERB", "AUX") else None
    return None


def _in_time_phrase(noun):
    """The object of the 'after'/'during' phrase a noun is told in, through a span ("after four
    days of talks": "days"), or None."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in SPAN_NOUNS:
        noun = noun.head.head
    return noun if noun.dep_ == "pobj" and noun.head.lower_ in TEMPORAL_PREPS else None


def _meeting_before(noun, met: list) -> list:
    """'Armenia and Azerbaijan agreed ... after 10 hours of talks between their foreign ministers':
    talks told as the time of what two sides did together are those sides' talks; one side alone
    names no one it talked with, unless the talks name them ("after talks with Seoul")."""
    phrase = _in_time_phrase(noun)
    if phrase is None:
        return []
    doers = _doers_of_setting(phrase, tuple(MEETING_TIME_PREPS), named_beside=False, controlled=True)
    partner_named = bool(met) and any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children)
    return doers if partner_named or any(len(with_conjuncts(d)) > 1 or _owned_by_both(d) or _several_sides(d)
                                         for d in doers) else []


SIDES_WORDS = frozenset({"rival", "warring", "feuding", "opposing", "two", "both"})


def _several_sides(noun) -> bool:
    """'Libya's rival military factions', 'the two sides': one phrase that names two sides or more."""
    return noun.tag_ == "NNS" and any(c.lower_ in SIDES_WORDS for c in noun.children)


def _owned_by_both(noun) -> bool:
    """'their national security advisers would meet ... after talks', 'their' standing for two."""
    return any(c.dep_ == "poss" and c.lower_ == "their" for c in noun.children)


def _told_as_background(noun) -> bool:
    """'to declare a state of emergency after a week of riots': a time phrase, not the content."""
    return any(a.dep_ == "prep" and a.lower_ in BACKGROUND_PREPS for a in [noun.head, *noun.ancestors][:4])


BORDER_NOUNS = frozenset({"border", "crossing", "frontier", "route", "airspace"})
SHUTTING_VERBS = frozenset({"close", "shut", "seal"})


BARRING_WORDS = frozenset({"ban", "bar", "embargo"})
PRIVATE_PEOPLE = frozenset({"journalist", "editor", "reporter", "correspondent", "activist", "dissident", "tourist",
                            "migrant", "refugee", "student", "athlete", "academic", "scholar", "critic", "blogger",
                            "writer", "artist"})
DISEASE_WORDS = frozenset({"coronavirus", "virus", "covid", "covid-19", "outbreak", "ebola", "pandemic", "epidemic",
                           "infection", "flu", "variant", "cholera", "disease"})
TRADE_WORDS = frozenset({"economic", "trade", "commercial", "fuel", "oil"})


DESIGNATING_VERBS = frozenset({"declare", "designate", "list", "classify", "proscribe"})
TERROR_WORDS = frozenset({"terrorist", "terror", "extremist"})
DESIGNATED_KINDS = frozenset({"organisation", "organization", "group", "entity", "movement"})


DEADLINE_NOUNS = frozenset({"hour", "day", "week", "month", "deadline"})
ULTIMATUM_PARTIES = frozenset({"leader", "junta", "government", "rebel", "militant", "fighter", "force", "troop", "army",
                               "regime", "authority", "official", "minister", "president", "commander", "chief", "navy",
                               "ambassador", "diplomat", "envoy"})


def _ultimatum_demand(verb):
    """'gave Tigray's leaders 72 hours to surrender', 'gave Niger's junta one week to reinstate Bazoum':
    the act a deadline given to a party demands, or None."""
    spans = [c for c in verb.children if c.dep_ in ("dobj", "npadvmod") and c.lemma_.lower() in DEADLINE_NOUNS] + (
        prep_objects([verb], ("until",)))  # "gave Jammeh until noon on Friday to step down"
    given = [c for c in verb.children if c.dep_ in ("dative", "iobj") or (c.dep_ == "dobj" and c not in spans)]
    demand = next((c for h in [verb, *spans] for c in h.children if c.dep_ in ("xcomp", "advcl", "relcl", "acl")
                   and is_infinitive(c)), None) if spans else None
    threatened = demand is not None and any(c.dep_ == "cc" and c.lower_ == "or" for c in demand.children)  # "... or leave"
    ordered_out = demand is not None and demand.lemma_.lower() == "leave"  # "gave Qatari citizens two weeks to leave"
    return demand if threatened or ordered_out or any(_political_party(g) for g in given) else None


def _political_party(noun) -> bool:
    """A state, a body, a leader, an official or an armed side, not farmers, firms or 'Binance'."""
    if noun.lemma_.lower() in ULTIMATUM_PARTIES:  # "Syrian authorities", "Kosovo's prime minister"
        return True
    if noun.ent_type_ in ("GPE", "NORP", "PERSON"):
        return True
    if noun.pos_ != "PROPN" and not noun.is_upper:  # "the ELN", tagged a common noun
        return False
    entries = load_actor_dictionary().lookup(" ".join(t.text for t in noun.subtree if t.pos_ == "PROPN" or t.i == noun.i))
    return any(e.country or e.sector == "IGO" for e in entries)


CLASH_NOUNS = COMBAT_NOUNS | {"battle", "skirmish", "gunbattle", "firefight", "gunfight", "confrontation"}
FIGHTING_PEOPLE = frozenset({"soldier", "troop", "officer", "policeman", "police", "guard", "fighter", "militant", "rebel",
                             "guerrilla", "militiaman", "sailor", "marine", "commando", "insurgent", "jihadist"})


def _clash_rivals(verb) -> list:
    """'were killed in a clash with Chinese troops': the other side of the fight the victims died in."""
    if not any(c.dep_ == "nsubjpass" and c.lemma_.lower() in FIGHTING_PEOPLE for c in verb.children):
        return []  # "two protesters were killed in a clash with police": killed by them, not fighting them
    fights = [g for g in prep_objects([verb], ("in", "during")) if g.lemma_.lower() in CLASH_NOUNS]
    return [r for f in fights for g in prep_objects([f], ("with",)) for r in with_conjuncts(g)]


UNIT_NOUNS = frozenset({"member", "unit", "squad", "detachment"})


def _body_of_members(noun):
    """'members of the presidential guard': the body the members are of; else the noun itself."""
    if noun.lemma_.lower() not in UNIT_NOUNS:
        return noun
    return next(iter(prep_objects([noun], ("of",))), noun)


STATE_AGENT_NOUNS = frozenset({"officer", "agent", "investigator", "prosecutor", "official", "detective", "inspector"})
ARRESTING_FORCES = frozenset({"guard", "guardsman", "policeman", "commando", "gendarme", "trooper", "ranger", "paramilitary"})


def _designated_terrorist(verb) -> bool:
    """'declared the Brotherhood a terrorist organisation', 'designated the group as a terrorist entity':
    a legal ban, not a name called."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    labels = [c for c in verb.children if c.dep_ in ("oprd", "attr", "xcomp", "ccomp")] + objects[1:] + [
        a for o in objects[:1] for a in o.children if a.dep_ == "appos" and any(d.lower_ in ("a", "an") for d in a.children)] + [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]
    if any(label.lemma_.lower() in DESIGNATED_KINDS and any(
            c.dep_ in ("amod", "compound") and c.lemma_.lower() in TERROR_WORDS for c in label.children) for label in labels):
        return True
    # the parser sometimes hangs the label on a later clause: read the words after the object
    after = [t.lower_ for t in verb.doc[objects[0].right_edge.i + 1:objects[0].right_edge.i + 5]] if objects else []
    return len(after) >= 3 and after[0] in ("a", "an") and any(
        word in TERROR_WORDS and nxt in DESIGNATED_KINDS for word, nxt in zip(after[1:], after[2:]))


def _barred_to_another_state(doc: Doc, frame: Frame) -> bool:
    """A state's ban, bar or economic blockade whose every target is another country (a blockade by
    sea and air, or a border closed because of fighting or disease, only restricts)."""
    own = _countries(frame.actor)
    targets = [e for e in frame.recipient if coded(e)]
    trigger = doc.spacy[frame.trigger]
    designating = trigger.lemma_.lower() in DESIGNATING_VERBS and _designated_terrorist(trigger)
    barring = trigger.lemma_.lower() in BARRING_WORDS or (
        trigger.lemma_.lower() == "blockade" and any(c.lower_ in TRADE_WORDS for c in trigger.children)) or (
        designating)  # "designated the Houthis a terrorist group"
    by_body = bool(frame.actor) and all(e.sector == "IGO" for e in frame.actor)  # "the EU banned Belarusian airlines"
    if not (frame.event_type == "COERCE" and barring and (own or by_body) and targets and all(
            _state_like(e) or e.sector == "IGO" or (e.sector == "LEG" and designating) for e in frame.actor) and all(
            e.country and e.country not in own for e in targets)):  # "Iran's parliament designated the U.S. military ..."
        return False
    barred = [t for c in trigger.children if c.dep_ == "dobj" for t in [c, *conjuncts(c)]]
    # not "barred the Financial Times editor from entering", nor "banned flights from Iran as coronavirus cases rose"
    return not (barred and all(any(w.lemma_.lower() in PRIVATE_PEOPLE for w in [t, *t.children] if w.i <= t.i)
                               for t in barred)) and not any(t.lemma_.lower() in DISEASE_WORDS for t in trigger.sent)


HOSTILE_ACTS = frozenset({"SANCTION", "ASSAULT", "COERCE", "ACCUSE", "THREATEN"})


def _acted_against(frame: Frame, frames: list[Frame],
                   counts=lambda f: f.event_type in HOSTILE_ACTS and f.lemma != DISMAY.key) -> list[Entity]:
    """The doers of another act of the sentence (one ``counts`` admits) aimed at the frame's own side."""
    own = _countries(frame.actor)
    if not own:
        return []
    return next(([e for e in f.actor if coded(e) and e.country not in own] for f in frames
                 if f is not frame and f.sentence == frame.sentence and own & _countries(f.recipient) and counts(f)
                 and any(coded(e) and e.country not in own for e in f.actor)), [])


PUNITIVE_COMPANIONS = frozenset({"ACCUSE", "REQUEST", "SANCTION", "THREATEN"})


def _border_shut_on_another(doc: Doc, frame: Frame, frames: list[Frame]) -> bool:
    """A bloc closing its members' borders with a country, or a state closing its border with
    another while accusing or pressing it ("closed its border with Rwanda, accusing Kigali of
    ..."): a punishment. A border shut because of fighting next door only restricts movement."""
    trigger = doc.spacy[frame.trigger]
    if frame.event_type != "COERCE" or trigger.lemma_.lower() not in SHUTTING_VERBS or not any(
            o.dep_ == "dobj" and o.lemma_.lower() in BORDER_NOUNS for o in trigger.children):
        return False
    shut_out = _countries(frame.recipient) - _countries(frame.actor)
    if not shut_out:
        return False
    names = {e.name for e in frame.actor}
    return any(e.sector == "IGO" for e in frame.actor) or any(
        f is not frame and f.sentence == frame.sentence and f.event_type in PUNITIVE_COMPANIONS
        and names & {e.name for e in f.actor} and (shut_out & _countries(f.recipient) or (  # pressed on the neighbour,
            f.event_type != "REQUEST" and not any(coded(e) for e in f.recipient))) for f in frames)  # not appeals for help


def _doers_answered(doc: Doc, frame: Frame, frames: list[Frame]) -> list[Entity]:
    """Whoever did the act a frame is told as answering ('in response to U.S. strikes'), other than its own side."""
    inside = {t.i for t in doc.spacy[frame.trigger].subtree}
    own = _countries(frame.actor)
    answered = next(([e for e in f.actor if coded(e) and e.country not in own] for f in frames
                     if f is not frame and f.trigger in inside and _answered_act(doc.spacy[f.trigger])), [])
    if answered or not _retaliation(doc.spacy[frame.trigger]):
        return answered
    # "vowed to avenge the downing of an Iran Air airliner, a day after the U.S. cruiser Vincennes shot it
    # down": the one foreign attacker the sentence tells
    attackers = {e.key: e for f in frames if f is not frame and f.sentence == frame.sentence and f.event_type in FORCE_TYPES
                 for e in f.actor if coded(e) and e.country not in own}
    return list(attackers.values()) if len(_countries(list(attackers.values()))) == 1 else []


def _named_only_in_answered_act(doc: Doc, frame: Frame, frames: list[Frame]) -> bool:
    """Every party a frame aims at is named within the act it answers."""
    inside = {t.i for t in doc.spacy[frame.trigger].subtree}
    spans = [(sub[0].idx, sub[-1].idx + len(sub[-1])) for f in frames if f is not frame and f.trigger in inside
             and _answered_act(noun := doc.spacy[f.trigger]) for sub in [list(noun.subtree)]]
    return bool(frame.recipient) and bool(spans) and all(
        any(start <= e.start and e.end <= end for start, end in spans) for e in frame.recipient)


ANSWERING_TYPES = frozenset({"AGREE", "REJECT", "CONCEDE"})
DENYING_VERBS = frozenset({"deny", "refute", "rebut"})
UNPROMPTING_TYPES = frozenset({"REJECT", "SUPPORT", "AID"})  # answers and gifts ask no reply


def _counterpart(doc: Doc, frame: Frame, frames: list[Frame]) -> list[Entity]:
    """Whom an undirected answer answers: 'Gazprom cut off supplies to Ukraine after Kiev refused to
    accept a price increase', 'Wang Yi met Taliban leaders, and the Taliban pledged ...': the doers of
    another act of the sentence aimed at the frame's side. Not for what a place already says (easing
    measures in a province), a denial (it answers accusers) or a nominal refusal told as what others
    condemned."""
    own = _countries(frame.actor)
    if not own or frame.place_tokens or frame.nominal or doc.spacy[frame.trigger].lemma_.lower() in DENYING_VERBS:
        return []
    others = [f for f in frames if f is not frame and f.sentence == frame.sentence and not _told_within(doc, frame, f)]
    return _acted_against(frame, others, lambda f: f.event_type not in UNPROMPTING_TYPES) or next((
        # "Trump and Kim held a summit, with Kim pledging to work towards denuclearisation": to the one met
        [e for e in f.actor if coded(e) and e.country not in own] for f in others
        if f.event_type == "CONSULT" and own & _countries(f.actor) and len(_countries(f.actor) - own) == 1), [])


REFERRING_PRONOUNS = frozenset({"him", "her", "them", "it", "its", "his", "their"})


def _pronoun_accused(doc: Doc, frame: Frame, frames: list[Frame]) -> list[Entity]:
    """'expelled a U.S. embassy official, accusing him of interfering', 'ordered ports closed to a German
    charity's ship, accusing its captain of ...': a participle's pronoun is whom the act it explains hit."""
    token = doc.spacy[frame.trigger]
    accused = [c for c in token.children if c.dep_ == "dobj"]
    if token.tag_ != "VBG" or token.dep_ != "advcl" or not any(
            a.lower_ in REFERRING_PRONOUNS or any(c.dep_ == "poss" and c.lower_ in REFERRING_PRONOUNS for c in a.children)
            for a in accused):
        return []
    own, head = _countries(frame.actor), token.head
    explained = [f for f in frames if f is not frame and own == _countries(f.actor) and (f.trigger == head.i or (
        doc.spacy[f.trigger].head.i == head.i and doc.spacy[f.trigger].dep_ in ("dobj", "ccomp", "xcomp")))]  # "imposed sanctions"
    return next(([e for e in f.recipient if coded(e) and e.country not in own] for f in explained), [])


def _told_within(doc: Doc, frame: Frame, other: Frame) -> bool:
    """The frame's trigger hangs below the other's, other than as its cause or circumstance ('after
    Kiev refused') or as an act of its own joined to it ('..., but France refused')."""
    token, path = doc.spacy[frame.trigger], []
    while token.i != other.trigger and token.head.i != token.i:
        path.append(token)
        token = token.head
    return token.i == other.trigger and not any(t.dep_ in ("advcl", "conj") for t in path)


def _sole_other_country(doc: Doc, frame: Frame, kinds=frozenset({"country", "capital", "demonym", "group"})) -> list[Entity]:
    """The one country its sentence names besides the frame's actor's, as a party (or, with place
    kinds, as where things are)."""
    own = _countries(frame.actor)
    others = [e for m in doc.mentions if m.sentence == frame.sentence and m.kind in kinds
              for e in m.entities if coded(e) and e.country not in own and e.sector != "IGO"]
    return others[:1] if len({e.country for e in others}) == 1 else []


def _answerers_of_plea(doc: Doc, frame: Frame, frames: list[Frame]) -> list[Entity]:
    noun = doc.spacy[frame.trigger]
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("following", "after") or noun.head.head.pos_ != "VERB":
        return []
    own = _countries(frame.actor)
    return next(([e for e in f.actor if coded(e) and e.country not in own] for f in frames
                 if f is not frame and f.trigger == noun.head.head.i), [])


def _answered_act(noun) -> bool:
    """'threatened to close the strait in response to U.S. strikes', 'vowed to retaliate for the
    strikes': what is answered, not the content."""
    return any(a.lemma_.lower() in RESPONSE_NOUNS and a.dep_ == "pobj" and a.head.lower_ == "in"
               for a in noun.ancestors) or (noun.dep_ == "pobj" and noun.head.lower_ in ("for", "to") and (
                   noun.head.head.lemma_.lower() in RETALIATION_VERBS))  # "vowed to retaliate for Israeli strikes"


def _sides_asked(doc: Doc, verb, frame: Frame) -> list[Entity]:
    """'appealed for an immediate ceasefire between Israel and Hamas': a call for something between
    two sides is made to both."""
    asked_for = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"]
    asked_for += [c for c in verb.children if c.dep_ == "dobj"]
    sides = [g for t in asked_for for c in t.children if c.dep_ == "prep" and c.lower_ == "between"
             for g in c.children if g.dep_ == "pobj"]
    own = {e.key for e in frame.actor}
    return [e for e in entities_at(doc, sides) if coded(e) and e.key not in own]


def _addressee_named(doc: Doc, verb) -> bool:
    """'urged North Korea to return to talks': the demand names whom it asks."""
    return any(c.dep_ in ("dobj", "dative") and _is_named(doc, c) for c in verb.children) or any(
        g.dep_ == "pobj" and _is_named(doc, g) for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"
        for g in c.children)  # "called on Israel to ..."


def _governing_verb(noun):
    """The verb a noun hangs from through other nouns and prepositions ("opposed to French
    mediation in peace negotiations" -> opposed), or None."""
    current = noun
    for _ in range(6):
        if current.dep_ not in NOUN_PHRASE_DEPS:
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX", "ADJ"):
            return current
    return None


NOUN_PHRASE_DEPS = frozenset({"pobj", "prep", "dobj", "compound", "conj", "appos"})


def _meeting_setting(token) -> int:
    """The verb a meeting noun is the setting of ('met at the summit'), or -1."""
    if token.dep_ != "pobj":
        return -1
    prep = token.head
    if prep.lower_ == "of" and prep.head.lemma_.lower() in SETTING_HEADS and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "on the sidelines of the summit"
    return prep.head.i if prep.lower_ in SETTING_PREPS and prep.head.pos_ in ("VERB", "AUX") else -1


DONE_WHATEVER_THE_WEAPON = frozenset({"abduct", "beat", "torture", "sexual", "targeted"})
# the brief's AID and COOPERATE modes are the PLOVER contexts of the act
CONTEXT_MODES = {"AID": ("asylum", "military", "humanitarian", "economic"), "COOPERATE": ("legal", "military", "intelligence")}
AID_MODE_CAMEO = {"economic": "071", "military": "072", "humanitarian": "073"}
THREAT_CONTENT = frozenset({"ccomp", "xcomp"})  # "warned it would respond with force", "threatened to strike"


def _moved(token, light_verb) -> list:
    """What a deployment moves, in the order named: its objects ("massed tanks and artillery"), a
    passive's subject ("riot police were deployed"), a noun's "of" ("the deployment of police"), else
    who moves ("troops fanned out")."""
    heads = [c for v in (token, light_verb) if v is not None for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
    heads += prep_objects([token], ("of",)) if not heads else []
    heads = heads or [c for c in token.children if c.dep_ == "nsubj"]
    heads = [t for head in heads for t in (head, *head.conjuncts)]
    heads = [g for t in heads for g in (prep_objects([t], ("of",)) if t.lemma_.lower() in QUANTITY_WORDS else [t])]
    return [t for t in heads if t.pos_ in ("NOUN", "PROPN")]  # "thousands of riot police": the police


def _told_content(token, light_verb, threat: bool) -> set[str]:
    """Lemmas of what an act gives or threatens: its objects with what they are made of ("500 tonnes
    of flour", "$1 billion in military aid"), its own modifiers, for a noun itself, and for a threat
    what it says will happen. Not its subject, nor the causes and times around it."""
    heads = [token] + ([light_verb] if light_verb is not None else [])
    parts = [token]
    for head in heads:
        for child in head.children:
            if child.dep_ in ("dobj", "dative", "compound", "amod", "nmod", "oprd") or (threat and child.dep_ in THREAT_CONTENT):
                parts.append(child)
            elif child.dep_ == "prep" and child.lower_ in ("of", "in", "with", "worth", "for"):  # "asked India for vaccines"
                parts.extend(g for g in child.children if g.dep_ == "pobj")
    words = {token.lemma_.lower()}
    for part in parts[1:]:
        told = {t.i for c in part.children if c.dep_ in ("relcl", "acl", "advcl") for t in c.subtree}
        words |= {t.lemma_.lower() for t in part.subtree if t.i not in told}
    return words


def _entity_heads(doc: Doc, entities: list[Entity]) -> list:
    spans = [doc.spacy.char_span(e.start, e.end, alignment_mode="expand") for e in entities if e.end > e.start]
    return [span.root for span in spans if span is not None]


CAPTURING_VERBS = frozenset({"capture", "seize", "snatch", "grab"})
KILLING_VERBS = frozenset({"kill", "murder", "slay", "assassinate", "eliminate"})
TARGETED_RANKS = frozenset({"chief", "commander", "leader", "general", "official", "minister", "governor", "mayor",
                            "president", "prime", "colonel", "judge", "prosecutor", "deputy", "head", "founder", "mastermind"})
# a leader's resignation, a policy undone, a law passed: PLOVER's 'change' (yield is for releases, truces, lifted measures)
CHANGED_BY_RESIGNING = frozenset({"step", "resign", "quit", "abdicate", "stand"})


def _demanded_change(token, mode: str | None) -> str | None:
    """'called on Vucic to step down', 'demanded that the government raise the minimum wage', 'urged
    China to remove the rig': a demand for a change the embedded act does not otherwise name."""
    content = [c for c in token.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")]
    if mode == "yield":
        return "change" if any(c.lemma_.lower() in CHANGED_BY_RESIGNING for c in content) else mode
    return "change" if content else None


SEIZED_PEOPLE = ("people", "individuals", "suspects", "ruler", "envoy", "guest", "refugees", "crowd")


def people_seized(lexicon, token) -> bool:
    """'seized President Zelaya', 'seized 40 suspects': people, so an arrest."""
    seized = [o for o in _objects(token) if o.dep_ in ("dobj", "nsubjpass")]
    seized += [c for o in seized for c in o.conjuncts]  # "a fishing boat and its seven crew"
    # the seized noun itself, not its owner ("seizing the emir's palace" takes a building)
    return any(o.ent_type_ == "PERSON" or any(lexicon.object_matches(cls, o.lemma_.lower()) for cls in SEIZED_PEOPLE)
               for o in seized)


RIOTING_WORDS = frozenset({"violent", "riot", "rioting", "loot", "ransack", "hurl", "torch", "burn", "clash", "storm",
                           "smash", "firebomb", "stone", "arson", "vandalise", "vandalize"})


def _violent_protest(token) -> bool:
    """'violent protests', 'protesters defied the curfew and stormed her residence'."""
    told = [token] + [c for c in token.children if c.dep_ in ("amod", "compound", "conj")] + (
        [token.head] if token.dep_ == "conj" else [])
    return any(t.lemma_.lower() in RIOTING_WORDS for t in told)


def _met_at_home_of_one(doc: Doc, frame: Frame) -> bool:
    """'Kono held talks with his South Korean counterpart in Seoul': sides told together, met in one
    side's country, one of them travelled."""
    sides = _countries(frame.actor)
    if frame.recipient or len(sides) < 2:
        return False
    places = _meeting_places(doc, frame)
    return len(places) == 1 and places < sides


def _met_at_hosts(doc: Doc, frame: Frame) -> bool:
    """A meeting of one side with another in the other's country."""
    guests, hosts = _countries(frame.actor), _countries(frame.recipient)
    if not guests or not hosts or guests & hosts:
        return False
    places = _meeting_places(doc, frame)
    return bool(places) and places <= hosts


def _meeting_places(doc: Doc, frame: Frame) -> set[str]:
    return _countries([e for i in frame.place_tokens for e in _place_entities(doc, doc.spacy[i])])


def _place_entities(doc: Doc, token) -> list[Entity]:
    """The country a destination names ("arrived in Amman"), whatever preposition leads to it."""
    mention = doc.mention_at(token.i)
    return list(mention.entities) if mention is not None else entities_at(doc, [token])


ATTEMPT_NOUNS = frozenset("attempt bid plot effort conspiracy".split())


def _attempt_without_agent(verb) -> bool:
    """'an attempt to assassinate the governor': an infinitive on a noun no one owns."""
    return verb.dep_ == "acl" and is_infinitive(verb) and verb.head.lemma_.lower() in ATTEMPT_NOUNS and not any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("by", "of")) for c in verb.head.children)


MURDER_VERBS = frozenset({"shoot", "assassinate", "gun", "stab", "murder", "behead", "kidnap", "abduct"})


def _murdered_by_no_one_named(verb) -> bool:
    """A person shot, stabbed or kidnapped in the passive with no agent: someone unnamed did it."""
    return verb.lemma_.lower() in MURDER_VERBS and any(c.dep_ == "nsubjpass" for c in verb.children) and not any(
        c.dep_ == "agent" for c in verb.children)


ASSAILANT_NOUNS = frozenset({"gunman", "gunmen", "assailant", "attacker", "kidnapper", "bandit", "militant"})
CAPTOR_NOUNS = ASSAILANT_NOUNS | {"captor", "abductor", "rebel", "guerrilla", "insurgent", "pirate", "hijacker"}
ARMED_WORDS = frozenset({"armed", "masked", "unidentified", "unknown"})


def _unnamed_assailant(doc: Doc, token) -> bool:
    """'Unidentified gunmen', 'armed men': attackers the text gives no side (no country) at all."""
    mention = doc.mention_at(token.i)
    if mention is not None and any(e.country for e in mention.entities):
        return False
    lemma = token.lemma_.lower()
    return lemma in ASSAILANT_NOUNS or (lemma in ("man", "men") and any(
        c.dep_ == "amod" and c.lower_ in ARMED_WORDS for c in token.children))


HOLDING_PARTICIPLES = frozenset({"hold", "detain", "jail", "imprison", "arrest"})


def _held_at(verb) -> list:
    """'Six Americans held in Venezuela were freed', 'Cecilia Sala, detained in Tehran, was released': where
    those freed with no releaser named were held, whose authorities free them."""
    if any(c.dep_ == "agent" or (c.dep_ == "aux" and c.lower_ in WILL_MODALS | MODAL_WORDS) for c in verb.children):
        return []  # "hostages held in Gaza would be exchanged": a term of a deal, no release yet
    return _places_held([c for c in verb.children if c.dep_ == "nsubjpass"])


def _places_held(freed: list) -> list:
    """The places a participle says the freed were held in: "held in Venezuela", "detained in Tehran"."""
    return [g for f in freed for h in f.children if h.dep_ == "acl" and h.lemma_.lower() in HOLDING_PARTICIPLES
            for p in h.children if p.dep_ == "prep" and p.lower_ == "in" for g in p.children if g.dep_ == "pobj"]


def _unnamed_party(doc: Doc, token, name: str, sector: str | None, any_country: bool = True,
                   where: list | None = None, own_place_first: bool = False) -> list[Entity]:
    """A party the text does not name, placed where its event happens: the country of the places
    ``where`` it happens or else named in its sentence, else (``any_country``) the one country
    the sentence names at all."""
    if where is not None:
        countries = {e.country for place in where for e in _place_entities(doc, place) if e.country}
    else:
        places = [m for m in doc.mentions if token.sent.start <= m.start < token.sent.end and _names_where(doc, m)]
        countries = {e.country for m in places for e in m.entities if e.country}
        # "Navalny, who spent months in Germany, was detained at a Moscow airport": where the act itself is set
        own = {t.i for p in prep_objects([token], WHERE_PREPS) for t in p.subtree if t.i <= p.i}
        own_countries = {e.country for m in places if m.start in own for e in m.entities if e.country}
        countries = own_countries if own_place_first and len(countries) > 1 and len(own_countries) == 1 else countries
    if len(countries) != 1 and any_country:
        sentence = doc.sentence_index(token.i)
        countries = {e.country for m in doc.mentions if m.sentence == sentence for e in m.entities if e.country}
    if len(countries) != 1:
        return []
    country = countries.pop()
    return [Entity(text=token.text, name=f"{name} ({country})", country=country, sector=sector,
                   code=f"{country}{sector or ''}", start=token.idx, end=token.idx + len(token))]


PROTESTERS_DEMANDS = frozenset("demand urge call press".split())
REPORTING_LEMMAS = frozenset("say tell report add".split())


def _protesters_addressee(doc: Doc, verb) -> list[Entity]:
    """'blocked border crossings with Ukraine, demanding that Warsaw halt imports': a protest is
    aimed at whom its demand names as the one to act."""
    demands = [c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in PROTESTERS_DEMANDS]
    addressed = [s for d in demands for c in d.children if c.dep_ == "ccomp" and c.lemma_.lower() not in REPORTING_LEMMAS
                 for s in c.children if s.dep_ == "nsubj"]  # not ", police said" read as what is demanded
    addressed += [o for d in demands for o in d.children if o.dep_ == "dobj" and _is_infinitive_complement(
        next((c for c in d.children if c.dep_ == "xcomp"), o))]  # "urging the government to resign"
    return [e for e in entities_at(doc, addressed) if coded(e) and e.sector != "CVL"]


def _imposed_on(doc: Doc, verb, actor: list[Entity]) -> list[Entity]:
    """'lifted most of the sanctions it had imposed on Niger': whom the lifted thing was put on."""
    lifted = [o for o in verb.children if o.dep_ == "dobj"]
    lifted += prep_objects(lifted, ("of",))  # "most of the sanctions"
    clauses = [c for o in lifted for c in o.children if c.dep_ in ("relcl", "acl")]
    return _other_parties(doc, prep_objects(clauses, ("on", "against")), actor)


def _places_aided(doc: Doc, verb, actor: list[Entity]) -> list[Entity]:
    """'approved 30 million euros in reconstruction aid for Aceh', 'granted $300 million to help
    rebuild Afghanistan's roads': the one country that the aid given, or what it is for, names."""
    words = [t for o in _objects(verb) if o.dep_ == "dobj" for t in o.subtree] + [
        t for c in verb.children if c.dep_ in ("xcomp", "advcl") and is_infinitive(c) for t in c.subtree]
    mentions = {id(m): m for t in words if (m := doc.mention_at(t.i)) is not None and m.kind in ("place", "country", "capital")}
    own = _countries(actor)
    named = dedupe_entities([e for m in mentions.values() for e in m.entities if e.country and e.country not in own])
    return named if len({e.country for e in named}) == 1 else []


def _other_parties(doc: Doc, tokens: list, actor: list[Entity]) -> list[Entity]:
    """Coded parties behind these tokens that are not the actor's own country."""
    own, keys = _countries(actor), {e.key for e in actor}
    return [e for e in entities_at(doc, tokens, exclude_countries=own) if coded(e) and e.country not in own and (
        e.key not in keys)]


def _permitted(doc: Doc, verb, actor: list[Entity]) -> list[Entity]:
    """'refused to let the ousted president leave the country': a refusal or a promise to let
    someone act is aimed at them, a party at home too."""
    own = {e.key for e in actor}
    parties = [g for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in PERMITTING_VERBS
               for g in [*(o for o in c.children if o.dep_ == "dobj"),
                         *(s for k in c.children if k.dep_ in ("ccomp", "xcomp") for s in k.children if s.dep_ == "nsubj")]]
    return [e for e in entities_at(doc, parties) if coded(e) and e.key not in own]


def _other_side(doc: Doc, token, actor: list[Entity]) -> list[Entity]:
    """'Moscow declared a truce ..., which Kyiv dismissed': a truce is held towards the other
    side, when the sentence names just one other state."""
    own = _countries(actor)
    sentence = doc.sentence_index(token.i)
    others = [e for m in doc.mentions if m.sentence == sentence and m.kind in STATE_KINDS
              for e in m.entities if e.country and e.country not in own]
    return others[:1] if len({e.country for e in others}) == 1 else []


def _unheeding(doc: Doc, noun, actor: list[Entity]) -> list[Entity]:
    """'did not release the reporter despite U.S. demands for his freedom', 'held the drills
    despite protests from Taiwan': a demand, warning or protest that goes unheeded was aimed at
    whoever went ahead."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "despite":
        return []
    verb = noun.head.head if noun.head.head.pos_ in ("VERB", "AUX") else _governing_verb(noun.head.head)
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return []
    return _other_parties(doc, [c for c in verb.children if c.dep_ == "nsubj"] or inherited_subject(verb), actor)


def _names_where(doc: Doc, mention) -> bool:
    """A place named as where something happens ('near Samarra', 'in Lebanon', 'the city of
    Basra'), not where someone comes from ('a missionary from Calgary')."""
    if mention.kind not in ("place", "capital", "country"):
        return False
    prep = doc.spacy[mention.end - 1].head if doc.spacy[mention.end - 1].dep_ == "pobj" else None
    while prep is not None and prep.lower_ == "of" and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "outside of the Iraqi city of Basra"
    if mention.kind == "country":
        return prep is not None and prep.lower_ in WHERE_PREPS
    return prep is None or prep.lower_ != "from"


def _in_condition_of_coded_event(doc: Doc, frame: Frame, frames: list[Frame]) -> bool:
    """'threatened to halt the talks unless Washington drops the plan', 'may march if the president
    signs the bill': the condition is what the coded event hangs on, not an event of its own."""
    token = doc.spacy[frame.trigger]
    triggers = {f.trigger for f in frames if f is not frame}
    node = token
    for _ in range(6):
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "before", "since") for c in node.children):
            return False  # "until a civilian authority takes over, three days after forces stormed a camp": told, not awaited
        if node.dep_ == "advcl" and _is_condition(node):
            held = [node.head, *node.head.ancestors]
            held += [c for c in node.head.children if c.dep_ == "dobj"]  # "would launch a strike unless ..."
            return any(t.i in triggers for t in held)
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _is_condition(clause) -> bool:
    """'if', 'unless', and an 'until' that waits for what has not happened ('until their demands
    are met'; not 'fought until the army withdrew')."""
    marks = {g.lower_ for g in clause.children if g.dep_ == "mark"}
    return bool(marks & {"if", "unless"}) or ("until" in marks and not _in_past(clause))


def _in_past(verb) -> bool:
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in verb.children if a.dep_ in ("aux", "auxpass"))


def _perpetrators(tokens: list, verb=None) -> list:
    """'investigating alleged war crimes by Croatian extremists against Serb civilians': who
    is accused is who committed the deed, not whom it was done to. The parser may hang the
    "by" on an active verb ("is investigating killings by soldiers")."""
    bys = [node for t in tokens if t.pos_ == "NOUN" for node in t.subtree
           if node.dep_ in ("prep", "agent") and node.lower_ == "by" and node.head.pos_ in ("NOUN", "VERB")]
    if verb is not None and not any(c.dep_ == "nsubjpass" for c in verb.children):
        bys += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "by"]
    return [g for node in bys for g in node.children if g.dep_ == "pobj"]


def _deed_only_placed(doc: Doc, noun) -> bool:
    """A deed named with nothing but where it happened ('alleged war crimes in Ukraine')."""
    if doc.mention_at(noun.i) is not None:
        return False
    placed = {t.i for c in noun.children if c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS for t in c.subtree}
    named = [t for t in noun.subtree if t.i != noun.i and doc.mention_at(t.i) is not None]
    return bool(named) and all(t.i in placed for t in named)


SPOKEN_IN = STATEMENT_NOUNS | {"speech", "address", "interview"}  # "warned in a televised speech that ..."


def _contents_told_in_statements(triggers: list[_Trigger], consumed: dict) -> dict[int, _Trigger]:
    """'warned in a televised speech that the group's rockets could hit Haifa': what a warning says,
    hung on the speech it was made in, is the warning's content, as its own 'that' clause is."""
    found = {}
    for matrix in (t for t in triggers if not t.nominal and t.entry.event_type in CONSUMING_TYPES):
        clause = _content_clause(matrix.token)
        if clause is not None and clause.head.i != matrix.token.i:
            found.update({t.token.i: matrix for t in triggers if t.token.i == clause.i and t.token.i not in consumed})
    return found


def _content_clause(verb):
    """The clause a verb of saying reports ("complained that the police had beaten ..."), also when
    the parser hangs it on the statement it was made in ("warned in a televised statement that ...")."""
    return next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None) or next((
        a for g in prep_objects([verb], ("in",)) if g.lemma_.lower() in SPOKEN_IN for a in g.children
        if a.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in a.children)), None)


def _subjects_of_content(doc: Doc, verb, actor: list[Entity]) -> list[Entity]:
    """'complained that Egyptian police had beaten detainees', 'warned that any ship linked to
    Israel would be a target': a complaint or a warning is aimed at whom its content is about."""
    clause = _content_clause(verb)
    if clause is None:
        return []
    own = {e.key for e in actor} | _countries(actor)
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "agent")]
    return [e for e in entities_at(doc, subjects) if coded(e) and e.key not in own and e.country not in own]


def _unnamed_international(entity: Entity) -> bool:
    """An international body the text does not name ("a regional peacekeeping force")."""
    return entity.sector == "IGO" and entity.country is None and entity.name == entity.name.lower()


def _held_to_blame(verb) -> bool:
    """'Russia was to blame', 'was highly likely to blame': the subject is the one blamed."""
    if verb.lemma_.lower() != "blame" or not is_infinitive(verb) or any(c.dep_ == "dobj" for c in verb.children):
        return False
    head = verb.head
    if head.pos_ == "ADJ" and head.dep_ == "acomp":
        head = head.head
    return head.lemma_.lower() == "be" and verb.dep_ == "xcomp"


def _countries(entities: list[Entity]) -> set:
    return {e.country for e in entities if e.country}


class ModesStage(EventsStage):
    """Modes read last, from what each act gives, moves or threatens and where a meeting is held,
    so that no rule of the events or places stages reads a mode these readings set."""

    name = "modes"
    requires = ("frames",)
    assigns = ()

    def __call__(self, doc: Doc) -> Doc:
        for frame in doc.frames:
            if (trigger := self._trigger_at(doc.spacy[frame.trigger])) is not None:
                self._content_mode(frame, trigger)
                if frame.event_type == "ASSAULT" and frame.mode is None:  # typed an attack after its frame was read
                    self._instrument_mode(doc, frame, trigger, _entity_heads(doc, frame.actor))
            if frame.event_type == "CONSULT" and frame.mode is None and (_met_at_hosts(doc, frame) or _met_at_home_of_one(doc, frame)):
                frame.mode = "visit"  # "met his Turkish counterpart in Ankara": the guest came to the host
            token = doc.spacy[frame.trigger]
            if frame.event_type == "COERCE" and frame.mode == "seize" and people_seized(self.lexicon, token):
                frame.mode = "arrest"  # "soldiers seized President Zelaya", "the sailors were seized"
            elif frame.event_type == "PROTEST" and frame.mode == "demo" and _violent_protest(token):
                frame.mode = "riot"  # "violent protests", "protesters stormed her residence"
            elif frame.event_type == "SANCTION" and frame.mode == "discontinue" and any(
                    o.lemma_.lower() == "membership" for o in _objects(token)):
                frame.mode = "expel"  # "suspended Syria's membership": PLOVER's expulsion from a group
            elif frame.event_type == "ASSAULT" and frame.mode is None:
                frame.mode = self._assault_mode_by_victim(token)
            elif frame.event_type in ("REQUEST", "REJECT") and frame.mode in (None, "yield"):
                frame.mode = _demanded_change(token, frame.mode)
        return doc

    def _assault_mode_by_victim(self, token) -> str | None:
        """'captured two Israeli soldiers' is an abduction; 'killed the deputy chief of the militia',
        'killed eight top al-Qaeda leaders' targeted killings (PLOVER: assassinations)."""
        victims = [o for o in _objects(token) if o.dep_ in ("dobj", "nsubjpass")]
        victims += prep_objects(victims, ("of",)) if any(v.lemma_.lower() in QUANTITY_WORDS for v in victims) else []
        lemma = token.lemma_.lower()
        if lemma in CAPTURING_VERBS and any(self._object_lemma_in(v, "personnel") or self._object_lemma_in(v, "people")
                                            or v.ent_type_ == "PERSON" for v in victims):
            return "abduct"
        if lemma in KILLING_VERBS and any(v.ent_type_ == "PERSON" or v.lemma_.lower() in TARGETED_RANKS for v in victims):
            return "targeted"
        return None

