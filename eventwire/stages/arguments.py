"""Where an event's or a quote's participants sit in the parse, and which entities they are.

Shared by the events and quotes stages: subjects (with control, coordination and relative
clauses), objects and prepositional recipients, and the coded entities behind a token.
"""

from __future__ import annotations

from ..model import Entity
from ..pipeline import Doc
from .nlp import WORKING_PEOPLE

# nouns for another party as seen from the possessor: "Israel's ally" names someone else
RELATIONAL_NOUNS = frozenset({"ally", "proxy", "rival", "enemy", "foe", "adversary", "opponent", "neighbour",
                              "neighbor", "client", "surrogate"})
CLAUSAL_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "conj", "appos"})
TEMPORAL_PREPS = frozenset({"during", "in", "on", "at", "since", "before", "after", "until", "by", "amid", "throughout"})
STATEMENT_NOUNS = frozenset({"statement", "declaration", "communique", "communiqué", "letter", "message", "resolution",
                             "note", "appeal", "decree", "ultimatum"})
# Where something happens, not who acts: "the war in Ukraine", "fighting near Goma".
LOCATIVE_PREPS = frozenset("in at near inside across throughout".split())
MISSION_NOUNS = frozenset({"embassy", "consulate", "mission", "legation"})  # a state's post abroad
# what one is charged with "for" a country is its mandate, not a side: "the U.N. tribunal for Rwanda", "the envoy for Somalia"
MANDATE_NOUNS = frozenset("tribunal court envoy rapporteur representative coordinator commissioner mission "
                          "commission committee".split())
# what someone holds, whose "of" names the holder and whose country modifier where it is held:
# "the U.S. assets of seven Russian officials"
HOLDING_NOUNS = frozenset({"asset", "property", "account", "holding", "fortune", "wealth"})
# Nouns that name a place by its kind: "the town of Yevlakh", "the Odesa region".
PLACE_HEADS = frozenset("town city village port region province district capital area enclave state island".split())
# parts of a place that an act on them is an act on the place: "pounded rebel-held areas of Idlib"
AREA_NOUNS = frozenset("area areas part parts outskirts district districts suburb suburbs neighbourhoods "
                       "neighborhoods village villages town towns".split())
ORIGIN_PARTICIPLES = frozenset({"come", "originate", "arrive", "head", "belong"})  # "goods coming from Mexico"
# "rebels backed by Rwanda" are not Rwanda: a backer is another party
BACKING_PARTICIPLES = frozenset({"back", "support", "fund", "arm", "sponsor", "finance", "equip"})
# "an Egyptian-brokered ceasefire": the go-between is a third party, not whom the truce is with
MEDIATING_PARTICIPLES = frozenset({"broker", "mediate", "facilitate", "host"})
# "the Serb-held town of Knin", "the UN-declared safe area", "Russian-occupied Kherson": who holds or
# declared a place is not the place's side
HOLDING_PARTICIPLES = frozenset({"hold", "control", "declare", "occupy", "administer", "run", "claim", "annex"})
# Passive forms that state the subject's own stance: "is opposed to", "is committed to".
STATIVE_PASSIVES = frozenset({"oppose", "commit", "determine", "dedicate", "devote", "resolve", "engage", "involve"})
HELP_NOUNS = frozenset({"help", "support", "assistance", "backing", "consent", "approval", "permission", "blessing"})
RECIPIENT_PREPS = frozenset({"to", "with", "against", "on", "toward", "towards", "into", "at", "upon"})


def verb_arguments(verb) -> tuple[list, list]:
    actor: list = []
    recipient: list = []
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if passive and verb.lemma_.lower() in STATIVE_PASSIVES and not any(c.dep_ == "agent" for c in verb.children):
        passive = False  # "Israel is opposed to French mediation", "is committed to opening up": a stance held
    for child in verb.children:
        if child.dep_ == "agent":
            actor += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ == "nsubjpass" and passive:
            recipient.append(child)
        elif child.dep_ == "nsubjpass":
            actor.append(child)
        elif child.dep_ == "nsubj" and not passive:
            actor.append(child)
        elif child.dep_ in ("dobj", "dative") and not passive:
            recipient.append(child)
        elif child.dep_ == "ccomp" and child.pos_ == "ADJ" and not passive:
            recipient += [g for g in child.children if g.dep_ == "nsubj"]  # "holds Russia responsible": a small clause
        elif child.dep_ == "prt" and child.lower_ == "up" and not passive:  # "kidnapped up to 16 advisers"
            recipient += [g for c in child.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children
                          if g.dep_ == "pobj" and any(n.dep_ == "nummod" for n in g.children)]
        elif child.dep_ == "prep" and child.lower_ == "of" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
            # "pulled its troops out of Niger"; "forced the ambassador out of the country" names no other side
            recipient += [g for g in child.children if g.dep_ == "pobj" and g.lemma_.lower() not in ("country", "nation")]
        elif child.dep_ == "prep" and (child.lower_ in RECIPIENT_PREPS or _trade_source(child) or _dropped_over(child)):
            # "on Tuesday" is when, not whom; "with Albania's help" is how, not at whom
            recipient += [g for g in child.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")
                          and not (child.lower_ == "with" and g.lemma_.lower() in HELP_NOUNS)]
    recipient += _raised_objects(verb)
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not passive and any(c.dep_ == "agent" for c in verb.children) and not any(
            c.dep_ == "dobj" for c in verb.children):
        recipient.append(verb.head)  # "three U.S. soldiers captured by Yugoslav forces": the soldiers
    if passive and verb.dep_ == "conj" and not any(c.dep_ == "nsubjpass" for c in verb.children):
        recipient += [c for c in verb.head.children if c.dep_ == "nsubjpass"]  # "was arrested and will be charged"
    if verb.dep_ == "relcl" and _told_as_it_happens(verb):  # "protesters who gathered": the noun it hangs on
        actor = [relative_antecedent(verb) if a.lower_ in RELATIVE_PRONOUNS else a for a in actor]
        recipient = [verb.head if r.lower_ in RELATIVE_PRONOUNS and r.dep_ == "nsubjpass" else r for r in recipient]
    if not actor and passive_conjunct(verb):
        # "were declared persona non grata by Burkina Faso and given 48 hours to leave": the first verb's parties
        first_actor, first_recipient = verb_arguments(verb.head)
        return first_actor, first_recipient or recipient
    if not actor and not passive:  # "Hungary is opposed to ...": the parser may hang the subject on "is"
        actor = [g for c in verb.children if c.dep_ in ("aux", "auxpass") for g in c.children if g.dep_ == "nsubj"]
    if not actor and not passive:
        actor = inherited_subject(verb) or _subject_lost_in_fronted_phrase(verb)
    if verb.dep_ == "relcl" and actor and not passive and not any(  # "who arrived in Moscow": the noun is its subject
            c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in verb.children):
        recipient = _relativized_object(verb, recipient)
    if not recipient and not passive:
        for partner in raised_partners(verb):  # "donated and delivered goods to the college"
            recipient += verb_arguments(partner)[1]
    return actor, recipient


def passive_conjunct(verb) -> bool:
    """A participle joined to a passive verb, with no subject or auxiliary of its own: 'were
    expelled and given two days to leave'."""
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.pos_ == "VERB" and any(
        c.dep_ == "auxpass" for c in verb.head.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)


def _raised_objects(verb) -> list:
    """A preposition left without its object shares the one that ends the next conjunct:
    "established ties with and opened an embassy in Tehran"."""
    stranded = [p for c in verb.children if c.dep_ in ("dobj", "prep") for p in [c, *c.children]
                if p.dep_ == "prep" and p.lower_ in RECIPIENT_PREPS and not list(p.children)]
    later = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and stranded and c.i > stranded[0].i]
    shared = [t for c in later[:1] for t in c.subtree if t.dep_ == "pobj"][-1:]
    # the parser's "granted asylum to | five officers holed up in ...": the object read as the
    # subject of the participle clause that follows
    misread = [s for p in stranded for c in verb.children if c.dep_ == "advcl" for s in c.children
               if s.dep_ == "nsubj" and s.left_edge.i == p.i + 1]
    return shared + misread


EARLIER_WORDS = frozenset({"ago", "earlier", "previously", "once", "formerly"})


ASSEMBLING_VERBS = frozenset({"gather", "assemble", "converge", "protest", "demonstrate", "march", "rally",
                              "storm", "block", "occupy", "barricade", "camp"})
# material acts a party is said to have just done, told in a relative clause as the news of the day
RECENT_ACTS = frozenset("ambush attack seize kidnap abduct storm shell bomb kill occupy raid capture hijack".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
SAME_DAY_WORDS = WEEKDAYS | frozenset({"night", "morning", "evening", "afternoon", "overnight", "today", "earlier", "hours",
                                       "on", "late", "early"})


def _told_as_it_happens(clause) -> bool:
    """A relative clause in the simple past with no time of its own tells what the party did then
    ("protesters who gathered outside parliament"); "who seized Goma last year", "who had
    criticised the army", "which keeps troops here" describe the party."""
    # a time of its own: "last year", "in 2019", "before the inauguration on January 1"; how long
    # it went on ("for a fourth night") or by how much ("extended its rule by two years") is no other time
    timed = [c for c in clause.children if (c.dep_ in ("npadvmod", "advmod", "prep") and c.lower_ not in ("for", "during", "by")
                                            and any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree))
             or c.lower_ in EARLIER_WORDS or (c.dep_ == "prep" and c.lower_ in ("before", "after", "since"))]
    auxiliaries = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    simple_past = (clause.tag_ == "VBD" and not auxiliaries) or (  # "who were kidnapped by gunmen"
        clause.tag_ in ("VBN", "VBG") and [a.lower_ for a in auxiliaries] in (["was"], ["were"]))  # "who were protesting"
    if [a.lower_ for a in auxiliaries] == ["had"] and clause.tag_ == "VBN" and clause.lemma_.lower() in RECENT_ACTS and (
            not _dated(timed) or _this_week(timed)):
        return True  # "militants who had ambushed an army jeep hours earlier", "gunmen who had seized 700 hostages"
    if clause.lemma_.lower() in ASSEMBLING_VERBS and [a.lower_ for a in auxiliaries] == ["had"]:
        # "detained supporters who had gathered in central Minsk on Sunday night to protest": the
        # crowd the police met, the same day
        return not _dated(timed) or _this_week(timed)
    if clause.tag_ in ("VBZ", "VBP") and not auxiliaries and clause.lemma_.lower() in STANDING_CHARGES:
        return True  # "a Spanish judge who accuses him of murdering Spanish citizens": the charge stands now
    # "supporters who marched through Caracas on Saturday": a weekday is this week's news, not the party's past
    return simple_past and (not timed or _this_week(timed))


STANDING_CHARGES = frozenset({"accuse", "blame", "charge"})


def _this_week(timed) -> bool:
    """Times that are all a weekday or the same day ('on Saturday', 'on Sunday night'); an undated
    'previously' or 'after the election' is not."""
    dated = _dated(timed)
    return bool(dated) and all(t.lower_ in SAME_DAY_WORDS or t.ent_type_ == "DATE" and t.lower_ in WEEKDAYS for t in dated)


def _dated(timed) -> list:
    return [t for c in timed for t in c.subtree if t.ent_type_ in ("DATE", "TIME")]


def raised_partners(verb) -> list:
    """Coordinated verbs that share this verb's subject and lend it their objects: in "donated and
    personally delivered goods to the college" the goods and the college belong to both."""
    if any(c.dep_ in ("dobj", "auxpass", "agent", "xcomp", "ccomp") for c in verb.children):
        return []  # "refused to deploy troops and urged its citizens to ...": each has its own
    return [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i
            and not any(g.dep_ in ("nsubj", "nsubjpass", "auxpass") for g in c.children)]


RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})
INSURGENT_SECTORS = frozenset({"REB", "RAD"})  # irregular fighters, armed or radical, of no state
ATTACK_NOUNS = frozenset({"strike", "airstrike", "attack", "raid", "bombing", "shelling", "assault", "bombardment",
                          "ambush", "blast", "explosion"})
CASUALTY_VERBS = frozenset({"kill", "wound", "injure", "maim"})


def relative_antecedent(clause):
    """The noun a relative clause tells about: its head, except that in "an air strike on a
    hospital that killed 12 people" the killing was done by the strike, not the hospital."""
    head = clause.head
    if (clause.lemma_.lower() in CASUALTY_VERBS and head.dep_ == "pobj" and head.head.lower_ in ("on", "at", "against")
            and head.head.head.lemma_.lower() in ATTACK_NOUNS):
        return head.head.head
    return head


def _relativized_object(verb, recipient: list) -> list:
    """'the men it had convicted', 'the ship that the Houthis attacked': the noun the relative
    clause hangs on is its object when the clause has a subject of its own and no other object."""
    pronouns = [t for t in recipient if t.dep_ == "dobj" and t.lower_ in RELATIVE_PRONOUNS]
    if pronouns or not any(t.dep_ in ("dobj", "dative") for t in recipient):
        if any(c.dep_ == "advmod" and c.lower_ in ("where", "when", "why") for c in verb.children):
            return recipient
        return [t for t in recipient if t not in pronouns] + [_relativized_noun(verb)]
    return recipient


def _relativized_noun(verb):
    """The noun a relative clause is about; one the parser hung on a date inside the noun's phrase
    goes back to the noun ("a truce for Orthodox Christmas, which Kyiv dismissed")."""
    noun = verb.head
    while noun.ent_type_ in ("DATE", "TIME", "EVENT") and noun.dep_ == "pobj" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head
    return noun


ACCUSING_VERBS = frozenset({"accuse", "blame", "charge", "fault", "indict", "convict"})


def accused_noun(of):
    """The object of an accusing verb that an 'of' phrase hangs on, however deep in it: the model
    hangs "of torching" on "settlers" and "of attacking" on the last noun of "forces loyal to
    the TPLF"."""
    node = of.head
    for _ in range(5):
        if node.pos_ not in ("NOUN", "PROPN", "ADJ", "ADP"):
            return None
        if node.dep_ == "dobj" and node.head.lemma_.lower() in ACCUSING_VERBS | {"suspect"}:
            return node
        if node.dep_ == "oprd" and node.head.lemma_.lower() in ACCUSING_VERBS | {"suspect"}:  # "gunmen loyal to X", "loyal" split off
            return next((c for c in node.head.children if c.dep_ == "dobj"), None)
        if node.head.i == node.i:
            return None
        node = node.head
    return None


# prepositions whose gerund is something the main clause's subject did: "after threatening", "without meeting"
SUBORDINATING_PREPOSITIONS = frozenset({"after", "before", "since", "upon", "while", "despite", "without", "following"})


RANKING_WORDS = frozenset({"first", "second", "third", "last", "only", "latest"})


def inherited_subject(verb) -> list:
    """Subjects shared through control, coordination, purpose clauses and relative clauses."""
    token = verb
    for _ in range(4):
        if token.dep_ == "relcl" and is_infinitive(token) and token.head.dep_ == "attr" and any(
                c.lower_ in RANKING_WORDS for c in token.head.children):
            # "Russia became the first country to recognise the Taliban": who became it did it
            return [c for c in token.head.head.children if c.dep_ == "nsubj"] or [relative_antecedent(token)]
        if token.dep_ == "relcl":
            return [relative_antecedent(token)]
        if token.dep_ == "amod" and ((token.tag_ == "VBG" and token.lemma_.lower() in PROTESTING_PARTICIPLES) or (
                token.lower_ == "striking" and token.head.lemma_.lower() in WORKING_PEOPLE)):  # VBG or JJ
            return [token.head]  # "striking miners", "protesting students": the people so described
        misread_subject = _misread_main_verb(token) if token.dep_ == "acl" else None
        if misread_subject is not None:
            return [misread_subject]  # "Palestinian youths resorted to throwing stones", parsed as a noun phrase
        if token.dep_ == "acl" and token.tag_ in ("VBN", "VBG"):
            head = token.head
            if token.tag_ == "VBG" and head.lemma_.lower() in STATEMENT_NOUNS and head.dep_ == "dobj":
                # "issued a statement condemning the attack": the issuer condemns
                return [c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")] or [head]
            return [head] if token.tag_ == "VBG" else []
        if token.dep_ == "acl" and is_infinitive(token):
            # "Germany's decision to send tanks": the decider acts
            return [c for c in token.head.children if c.dep_ == "poss"]
        if token.dep_ == "acomp":  # "X is willing to ...": the copula's subject
            return [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if token.dep_ == "advcl" and token.tag_ == "VBG" and token.lemma_.lower() in ASSEMBLING_VERBS and token.i > 0 and (
                (crowd := token.doc[token.i - 1]).pos_ == "NOUN" and crowd.dep_ in ("pobj", "dobj") and crowd.tag_ == "NNS"):
            return [crowd]  # "fired tear gas at opposition supporters marching in Caracas", hung on the verb
        if token.dep_ in ("conj", "advcl", "dep") and (affiliated := _affiliation_read_as_verb(token.head)):
            return affiliated  # "Hackers linked to Beijing broke into ...", parsed with "linked" as the verb
        if token.dep_ not in ("xcomp", "conj", "advcl", "ccomp", "pcomp"):
            return []
        if token.dep_ == "advcl" and _subordinated(token):
            # "after Azerbaijan launched": a subordinate clause has its own subject, which
            # the parser sometimes hangs on the conjunction
            return [g for c in token.children if c.dep_ in ("mark", "prep") for g in c.children
                    if g.dep_ == "pobj" and g.i < token.i]
        head = token.head
        if token.dep_ == "pcomp":  # "accused X of supplying": the accused is the subject
            governor = head
            while governor.pos_ == "ADP" and governor.dep_ == "conj":  # "of violating ... and of supplying"
                governor = governor.head
            if (accused := accused_noun(governor)) is not None:
                return [accused]  # "accused Israeli settlers of torching", "forces loyal to the TPLF of attacking"
            if governor.lower_ in SUBORDINATING_PREPOSITIONS:  # "blew up the office, days after threatening to cut the lines"
                subjects = [c for c in governor.head.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subjects:
                    return subjects
                token = governor.head  # "were ordered to withdraw after attacking": the subject further up
                continue
            governor = past_the_agent(governor.head)
            objs = [c for c in governor.children if c.dep_ == "dobj"]
            if objs and governor.lemma_.lower() == "join":  # "France joined Britain in condemning": both condemn
                return [c for c in governor.children if c.dep_ == "nsubj"] + objs
            if objs:
                return objs
            head = governor
        if token.dep_ == "xcomp" and head.lemma_.lower() not in SUMMONING_VERBS | USING_VERBS | CONTACTING_VERBS:
            objs = [c for c in head.children if c.dep_ == "dobj"]
            if objs:  # object control: "urged Iran to return"
                return objs
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if token.dep_ == "advcl" and token.tag_ == "VBG" and any(c.dep_ == "nsubjpass" for c in head.children):
            # "the camp was attacked by militiamen, killing 156": the attackers kill, not the camp
            return [g for c in head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if subjects and token.dep_ != "ccomp":
            return subjects
        if token.dep_ == "ccomp":
            return []
        token = head
    return []


AFFILIATION_PARTICIPLES = frozenset({"link", "tie", "connect", "affiliate", "ally"})


def _affiliation_read_as_verb(verb) -> list:
    """'Hackers linked to Beijing broke into ...': the parser made "linked" the verb; the state
    the subject is linked to is who acts. Empty unless it is such a participle."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i == verb.i - 1]
    if verb.lemma_.lower() not in AFFILIATION_PARTICIPLES or not subjects or any(c.dep_ == "dobj" for c in verb.children):
        return []
    return [g for g in prep_objects([verb], ("to", "with")) if g.ent_type_ in ("GPE", "NORP")]


def past_the_agent(node):
    """'was accused by a panel of U.N. experts of providing weapons': an "of" clause the parser hung
    inside the agent phrase belongs to the passive verb."""
    current = node
    for _ in range(4):
        if current.dep_ == "agent":
            return current.head
        if current.dep_ not in ("pobj", "prep"):
            return node
        current = current.head
    return node


def _subject_lost_in_fronted_phrase(verb) -> list:
    """'With the signing of a memorandum, the Sudanese government and the SPLM have agreed': the
    parser made the subject a conjunct inside the fronted phrase; it is the noun after the comma."""
    if verb.dep_ not in ("ROOT", "ccomp") or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return []
    fronted = [c for c in verb.children if c.dep_ == "prep" and c.i < verb.i]
    return [t for p in fronted[:1] for t in p.subtree if t.dep_ in ("conj", "appos") and t.pos_ in ("NOUN", "PROPN")
            and t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text == "," and t.head.dep_ != "conj"][:1]


def _misread_main_verb(participle):
    """A clause the parser read as one noun phrase ("Doctors from two aid groups donated and
    delivered goods"; "Palestinian youths resorted to throwing stones, officials said", with the
    youths as a second subject of "said"): its first verb, a participle that acts on an object or
    goes on to act, is the main verb, and the noun it hangs on is its subject. None otherwise."""
    subject = _noun_phrase_read_for_clause(participle)
    if subject is None or participle.tag_ not in ("VBN", "VBD"):
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in participle.sent if subject.left_edge.i <= t.i < participle.i):
        return None
    acting = [participle] + [c for c in participle.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if any(c.dep_ == "agent" for c in participle.children) or not any(
            c.dep_ == "dobj" or (c.dep_ == "prep" and any(g.dep_ == "pcomp" for g in c.children))
            for verb in acting for c in verb.children):
        return None
    return subject


def _noun_phrase_read_for_clause(participle):
    """The sentence's root noun, or a subject of a verb that has another subject after it."""
    root = participle.sent.root
    if root.pos_ in ("NOUN", "PROPN"):
        return root
    noun = participle.head
    if noun.dep_ == "nsubj" and noun.i < participle.i and any(
            c.dep_ == "nsubj" and c.i > participle.i for c in noun.head.children):
        return noun
    return None


# "summoned the ambassador to complain": the one who summons complains (a purpose, not control)
SUMMONING_VERBS = frozenset({"summon"})
PROTESTING_PARTICIPLES = frozenset({"protest", "demonstrate", "riot"})
USING_VERBS = frozenset({"use", "employ", "fire", "spray", "lob"})  # "used water cannon to disperse them": the user disperses
# "telephoned Trump to thank him", "visited Kyiv to show support": the caller or visitor acts
CONTACTING_VERBS = frozenset({"telephone", "phone", "ring", "visit", "meet"})
DIRECTED_PREPS = frozenset({"to", "with", "against", "toward", "towards", "into"})  # a place as a party


def is_infinitive(clause) -> bool:
    """A 'to' infinitive: 'to allow', 'X to bring out', 'the decision to send'."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _directed_place(token) -> bool:
    """A place a party goes to or acts on ('to Kyiv', 'into the streets of Guayaquil', 'shelled
    Kharkiv'), not one where something happens ('in Kyiv')."""
    if token.dep_ == "compound" and token.head.lower_ in PLACE_HEADS:
        return _directed_place(token.head)  # "shelled Idlib province"
    if token.dep_ == "conj" and token.head.dep_ in ("dobj", "pobj"):
        return _directed_place(token.head)  # "recalled its ambassadors from Washington and London"
    if token.dep_ == "dobj":
        return True
    if token.dep_ != "pobj":
        return False
    prep = token.head
    if prep.lower_ == "of" and prep.head.dep_ == "dobj" and prep.head.lower_ in AREA_NOUNS:
        return True  # "pounded rebel-held areas of Idlib"
    if prep.lower_ == "of" and prep.head.dep_ == "pobj":
        prep = prep.head.head
    return prep.lower_ in DIRECTED_PREPS or _trade_source(prep) or _dropped_over(prep) or _raised_to_stranded_preposition(token)


AIRDROPPING_VERBS = frozenset({"drop", "airdrop", "parachute"})


def _dropped_over(prep) -> bool:
    """'dropped 38,000 meals over Gaza': where an airdrop falls is whom it is for."""
    return prep.lower_ == "over" and prep.head.lemma_.lower() in AIRDROPPING_VERBS


TRADED_NOUNS = frozenset({"import", "export", "shipment", "purchase", "good", "product", "delivery", "supply"})


def _trade_source(prep) -> bool:
    """'suspended beef imports from Australia': where traded goods come from is the trading partner."""
    return prep.lower_ == "from" and prep.head.pos_ == "VERB" and any(
        o.dep_ == "dobj" and o.lemma_.lower() in TRADED_NOUNS for o in prep.head.children)


def _raised_to_stranded_preposition(token) -> bool:
    """'established ties with and opened an embassy in Tehran': the place ends both conjuncts,
    and to the first it is a party."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "conj" and token in _raised_objects(verb.head)


def answered_parties(pronoun) -> list:
    """The parties an act is done to that the act answers 'its' or 'their' thing: 'expelled Russia over
    its invasion of Ukraine', 'imposed sanctions on Belarus over its crackdown', 'thanked Egypt for its
    mediation' (the pronoun is theirs, not the actor's)."""
    noun = pronoun.head
    if pronoun.dep_ != "poss" or pronoun.lower_ not in ("its", "their") or noun.dep_ != "pobj" or (
            noun.head.lower_ not in ("over", "for")) or noun.head.head.pos_ not in ("VERB", "AUX"):
        return []
    verb = noun.head.head
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    targets = prep_objects([verb, *objects], ("on", "against"))  # "imposed sanctions on Belarus"
    return [t for t in objects + targets if t.i < pronoun.i and t.ent_type_ in ("GPE", "ORG", "NORP")]


def prep_objects(nodes, preps) -> list:
    """The objects of these prepositions on these nodes: 'at Israel', 'against U.S. bases'."""
    return [g for node in nodes for c in node.children if c.dep_ == "prep" and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj"]


def entities_at(doc: Doc, tokens: list, exclude_countries=frozenset()) -> list[Entity]:
    """The entities behind argument tokens; ``exclude_countries`` skips possessors inside a
    phrase that are the actor's own side ("reaffirmed Washington's support for Guyana")."""
    entities: list[Entity] = []
    for token in tokens:
        for member in with_conjuncts(token):
            entities += _entities_of(doc, member, exclude_countries)
    return dedupe_entities(entities)


SIDE_NOUNS = frozenset({"country", "nation", "side", "neighbour", "neighbor"})


def _entities_of(doc: Doc, token, exclude_countries=frozenset()) -> list[Entity]:
    mention = doc.mention_at(token.i)
    if mention is not None and mention.kind != "place":
        return list(mention.entities) + _elided_partners(doc, token, mention)
    if mention is not None and mention.kind == "place":
        if _directed_place(token):
            return list(mention.entities)
        # a name the gazetteer also knows, described by its apposition: "Kenzo Oshima, the U.N. relief chief"
        return [e for c in token.children if c.dep_ == "appos" and doc.mention_at(c.i) is not None
                and doc.mention_at(c.i).kind != "place" for e in doc.mention_at(c.i).entities]
    frontier = [token]
    for _ in range(3):  # a few levels into the phrase: "Pyongyang's efforts", "relations between A and B"
        found: list[Entity] = []
        next_frontier = []
        for node in frontier:
            if leaders := [e for leader in leaders_of(node) for e in _mention_entities(doc, leader)]:
                found += leaders  # "the US-led war against Iraq" is the United States' war
                continue
            for child in node.children:
                if child.dep_ in CLAUSAL_DEPS - {"conj", "appos", "acl"} or (child.dep_ == "npadvmod" and child.i > node.i) or (
                        child.dep_ == "acl" and child.tag_ not in ("VBN", "VB", "VBD")  # "hackers tied to Russia", tagged VBD
                        and child.lemma_.lower() not in ORIGIN_PARTICIPLES) or (
                        child.dep_ == "acl" and child.lemma_.lower() in BACKING_PARTICIPLES) or (
                        child.dep_ == "amod" and child.lemma_.lower() in MEDIATING_PARTICIPLES | HOLDING_PARTICIPLES):
                    # participles and appositions stay: "positions held by X", "Grace 1, an Iranian tanker";
                    # an adverbial noun after it is no part of the thing ("with strings attached, Cuba"),
                    # one before it is ("a Greek-owned tanker")
                    continue
                if child.dep_ == "conj" and child not in _joined(node):
                    continue  # "killed civilians rather than militants"
                m = doc.mention_at(child.i)
                if m is not None and child.dep_ == "poss" and {e.country for e in m.entities} & exclude_countries:
                    continue
                if child.dep_ == "poss" and node.lemma_.lower() in RELATIONAL_NOUNS:
                    continue  # "Israel's militia ally" is not Israel
                if child.dep_ in ("compound", "amod") and node.lemma_.lower() in HOLDING_NOUNS and prep_objects([node], ("of",)):
                    continue  # "the U.S. assets of Russian officials", "the Canadian assets of ...": where they are held
                if child.dep_ == "prep" and child.lower_ == "for" and node.lemma_.lower() in MANDATE_NOUNS:
                    continue
                if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS and node.lemma_.lower() in SIDE_NOUNS:
                    continue  # "a summit between the two countries in Singapore": where they met, not a side
                if m is not None and (m.kind != "place" or _directed_place(child)):
                    found += _mention_entities(doc, child)  # "into the streets of Guayaquil" too
                elif m is None and child.dep_ == "prep" and child.lower_ not in LOCATIVE_PREPS:
                    # a preposition and its object are one step ("access to the websites of X"); where
                    # something is ("the coup in Niger") stays the usual two
                    next_frontier += [g for g in child.children if g.dep_ == "pobj" and doc.mention_at(g.i) is None]
                    found += [e for g in child.children if g.dep_ == "pobj" for e in _mention_entities(doc, g)]
                    for g in (g for g in child.children if g.dep_ == "pobj"):
                        members = with_conjuncts(g)
                        if len(members) > 1 and any(doc.mention_at(m.i) is not None for m in members):
                            # "between an Israeli peace movement and the PLO": each side, named or described
                            found += [e for m in members if doc.mention_at(m.i) is None for e in _modifier_entities(doc, m)]
                else:
                    next_frontier.append(child)
        if found:
            return found
        frontier = next_frontier
    return []


def leaders_of(noun) -> list:
    """Who leads a coalition, force or war named 'US-led', 'Saudi-led'."""
    return [g for c in noun.children if c.dep_ in ("amod", "compound") and c.lemma_.lower() == "lead"
            for g in c.children if g.dep_ in ("npadvmod", "compound", "nmod", "amod") and g.ent_type_ in ("GPE", "NORP", "ORG")]


def _modifier_entities(doc: Doc, token) -> list[Entity]:
    """The parties a noun's own modifiers name: 'an Israeli peace movement'."""
    return [e for c in token.children if c.dep_ in ("amod", "compound", "poss", "nmod")
            and (m := doc.mention_at(c.i)) is not None and m.kind != "place" for e in m.entities]


def _elided_partners(doc: Doc, token, mention) -> list[Entity]:
    """'North and South Korea': the coordinated modifier names a party of its own."""
    found: list[Entity] = []
    for child in token.children:
        other = doc.mention_at(child.i) if child.dep_ in ("nmod", "compound", "amod") else None
        if other is not None and other is not mention and other.kind != "place" and any(
                g.dep_ == "conj" for g in child.children):
            found += other.entities
    return found


def _mention_entities(doc: Doc, token) -> list[Entity]:
    """The entities of a party named right there (and of its conjuncts), or of a place it goes to."""
    found: list[Entity] = []
    for member in with_conjuncts(token):
        mention = doc.mention_at(member.i)
        if mention is not None and (mention.kind != "place" or _directed_place(member)):
            found += mention.entities + _elided_partners(doc, member, mention)
    return found


def conjuncts(token) -> list:
    result = []
    stack = _joined(token)
    while stack:
        node = stack.pop()
        result.append(node)
        stack.extend(_joined(node))
    return result


def _joined(token) -> list:
    """The conjuncts hung on ``token``, less one set against it ("killed civilians rather than militants")."""
    return [c for c in token.children if c.dep_ == "conj" and not any(
        cc.dep_ == "cc" and cc.lower_ == "than" and token.i < cc.i < c.i for cc in token.children)]


def with_conjuncts(token) -> list:
    return [token] + conjuncts(token)


def coded(entity: Entity) -> bool:
    """An entity the dataset can use: it has a country, is an IGO/NGO, or is a named
    transnational armed group (al-Qaeda, Islamic State)."""
    if entity.country or entity.sector in ("IGO", "NGO"):
        return True
    return entity.sector in ("REB", "IMG") and entity.name[:1].isupper()


def dedupe_entities(entities: list[Entity]) -> list[Entity]:
    seen = set()
    result = []
    for entity in entities:
        if entity.key in seen:
            continue
        seen.add(entity.key)
        result.append(entity)
    return result


def uncoded_entity(doc: Doc, token) -> Entity:
    """A speaker the dictionary cannot code ("experts") is still recorded, without a country."""
    start, end = token.left_edge.idx, token.idx + len(token)
    return Entity(text=doc.text[start:end], name=token.lemma_.lower(), start=start, end=end)


def speaker_entities(doc: Doc, tokens: list) -> list[Entity]:
    """The coded entities of a speaker, or an uncoded one so that the attribution is kept."""
    found = entities_at(doc, tokens)
    if not found and tokens:
        found = [uncoded_entity(doc, t) for t in tokens if t.pos_ in ("NOUN", "PROPN", "PRON")]
    return found

def _that_mark(clause):
    for child in clause.children:
        if child.dep_ == "mark" and child.lower_ == "that":
            return child
    return None


def noun_complement_owner(clause):
    """The noun a "that"-clause completes: 'accusations from X that Y supplied Z'.

    The parser often hangs such a clause on the main verb; reading it by position
    (the clause starts right where the noun's phrase ends) recovers the noun.
    """
    mark = _that_mark(clause)
    if mark is None or mark.i == 0:
        return None
    if clause.dep_ == "acl" and clause.head.pos_ == "NOUN":
        return clause.head
    before = clause.doc[mark.i - 1]
    for candidate in [before, *before.ancestors]:
        if candidate.pos_ == "NOUN" and candidate.right_edge.i == mark.i - 1 and candidate.i < mark.i:
            return candidate
    return None


def _subordinated(verb) -> bool:
    return any(c.dep_ == "mark" and c.lower_ != "to" for c in verb.children) or any(
        c.dep_ == "prep" and c.i < verb.i and any(g.dep_ == "pobj" for g in c.children) for c in verb.children)

def dates_predicate(node, predicate) -> bool:
    """A time expression dates the predicate when it hangs on it as an adverbial ("on
    Tuesday", "in 2019") or modifies the event noun itself ("his 2019 visit") — not when it
    dates another thing named along the way ("under a 1951 treaty")."""
    if node.i < predicate.i and node.sent.start == predicate.sent.start:
        return True  # a fronted phrase frames the whole clause: "Under the 2015 accord, Tehran agreed"
    hops = 0
    while node.i != predicate.i and hops < 6:
        head = node.head
        if head.dep_ == "prep" and head.lower_ in TEMPORAL_PREPS:
            return True  # "during his 2016 state visit" dates what happened during it
        if head.pos_ in ("NOUN", "PROPN") and head.i != predicate.i and head.ent_type_ not in ("DATE", "TIME") \
                and node.dep_ in ("compound", "nummod", "amod", "nmod", "poss", "npadvmod"):
            return head.dep_ == "pobj" and head.head.lower_ in TEMPORAL_PREPS
        node = head
        hops += 1
    return node.i == predicate.i
