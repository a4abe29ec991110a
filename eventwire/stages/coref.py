"""Coreference good enough for attribution and actor coding.

Pronouns, definite titles ("the Russian leader", "the spokesman"), short names ("Kirby"
after "John Kirby"), organisations by their head noun ("the agency", "the bloc") and plural
nominals ("both nations", "the two countries") become mentions that carry the entities of
what they stand for, with their own offsets; the entity keeps its canonical name, so one
actor reads the same everywhere in the article.

Rules look back a bounded number of sentences and prefer the most recent compatible
mention, which is what news prose mostly relies on, with one syntactic preference first:
a pronoun that is the subject of reported speech is its reporter ("The agency said it ...").
"""

from __future__ import annotations

from collections import Counter

import bisect
from dataclasses import replace

from ..actor_dictionary import load_actor_dictionary
from ..gazetteer import COMPASS_DIRECTIONS, continent_of
from ..model import Entity
from ..pipeline import Doc, Mention
from .arguments import ATTACK_NOUNS, LOCATIVE_PREPS, answered_parties, inherited_subject, is_infinitive
from .dates import NUMBER_WORDS
from .nlp import POPULATION_NOUNS, REBUTTING_VERBS, SUMMING_NOUNS

PERSON_PRONOUNS = frozenset("he him his himself she her hers herself".split())
THING_PRONOUNS = frozenset("it its itself".split())
PLURAL_PRONOUNS = frozenset("they them their themselves".split())
REFLEXIVES = frozenset("himself herself itself themselves".split())
FAMILY_NAME_FIRST = frozenset({"KOR", "PRK"})  # three-part names said by their first part: "Kim", "Moon"
PRONOUN_GENDERS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
TITLE_GENDERS = {"mr": "m", "king": "m", "prince": "m", "sheikh": "m", "ms": "f", "mrs": "f", "madam": "f",
                 "queen": "f", "princess": "f"}
PLURAL_NOUNS = frozenset("nations countries sides governments states allies neighbours neighbors capitals "
                         "leaders presidents ministers delegations parties rivals armies forces factions".split())
PERSON_TITLES = frozenset(
    "president leader minister spokesman spokeswoman spokesperson chancellor premier king queen "
    "envoy ambassador official diplomat secretary general commander emir prince ruler "
    "counterpart chief".split()
)
# "the station" after "Radio France Internationale" (not after a reporting agency): a medium named by its kind
MEDIA_HEADS = frozenset("station broadcaster channel network newspaper outlet".split())
ORG_HEADS = frozenset("ministry agency council government administration army military organisation "
                      "organization alliance bloc committee commission court parliament group movement "
                      "militia faction union body fund bank tribunal watchdog".split()) | MEDIA_HEADS
GENERIC_ORG_HEADS = frozenset("group movement militia faction organisation organization alliance bloc "
                              "union body agency watchdog".split())
LOOKBACK_SENTENCES = 3
# acts done to others, whose "its" object is the victim's: "after London expelled its diplomats"
DONE_TO_OTHERS = frozenset("expel deport seize detain arrest kill attack capture shoot bomb strike hit jail sentence "
                           "reject freeze sanction ban block abduct kidnap shell raid down intercept board".split())
DEMANDING_VERBS = frozenset("demand urge ask request order call appeal press".split())
ACTOR_KINDS = frozenset({"country", "capital", "seat", "org", "group", "organisation", "demonym"})
COUNTRY_KINDS = frozenset({"country", "capital", "seat", "demonym"})
COLLECTIVE_NOUNS = frozenset({"group", "delegation", "team", "number", "band", "coalition", "crowd"})
# What "they" can stand for when it is the reporting subject: "the rebels", "Palestinian leaders".
COLLECTIVE_PLURALS = frozenset("police people militia personnel staff".split())
PLURAL_PARTY_KINDS = frozenset({"group", "organisation", "org", "demonym"})
TITLE_WINDOW = 4
EMBEDDED_CLAUSES = frozenset({"ccomp", "advcl", "xcomp", "relcl", "pcomp"})
NEIGHBOUR_NOUNS = frozenset({"neighbour", "neighbor"})
COUNTRY_NOUNS = frozenset("country nation kingdom republic emirate sultanate state".split())  # tokens before a name that may hold its title ("Foreign Ministry spokesman")


class CorefStage:
    name = "coref"
    requires = ("mentions",)
    assigns = ("coref",)

    def __call__(self, doc: Doc) -> Doc:
        self._link_short_names(doc)
        self._link_titled_groups(doc)
        self._link_named_bodies(doc)
        resolved: list[Mention] = []
        covered = {i for m in doc.mentions for i in range(m.start, m.end)}
        pool = _MentionPool(doc)
        for token in doc.spacy:
            if token.i in covered:
                continue
            mention = self._resolve_token(doc, token, pool)
            if mention is not None:
                resolved.append(mention)
                pool.add(mention)
                covered.update(range(mention.start, mention.end))
        doc.mentions = sorted(doc.mentions + resolved, key=lambda m: m.start)
        _groups_of_possessors(doc, resolved)
        return doc

    def _resolve_token(self, doc: Doc, token, pool: "_MentionPool") -> Mention | None:
        lower = token.lower_
        if token.pos_ == "PRON" or token.tag_ in ("PRP", "PRP$"):
            return self._pronoun(doc, token, pool)
        if lower == "two" and token.dep_ in ("nsubj", "nsubjpass") and any(c.lower_ == "the" for c in token.children):
            return self._plural(doc, token.i - 1, token.i + 1, token, pool)  # "..., and the two agreed to restore ties"
        if token.pos_ != "NOUN":
            return None
        determiners = {c.lower_ for c in token.children if c.dep_ in ("det", "nummod", "predet")}
        if lower in PLURAL_NOUNS and determiners & {"both", "two"}:
            start = min([c.i for c in token.children if c.dep_ in ("det", "nummod", "predet")] + [token.i])
            return self._plural(doc, start, token.i + 1, token, pool)
        counted = [NUMBER_WORDS.get(d) for d in determiners if 2 < NUMBER_WORDS.get(d, 0) < 10]
        if lower in PLURAL_NOUNS and counted and "the" in determiners and (listed := _listed_parties(doc, token, pool, counted[0])):
            # "accusations by Saudi Arabia, the UAE, Bahrain and Egypt ..., after the four Arab states severed links"
            start = token.left_edge.i
            entities = [_retarget(_as_country(m, e), doc, start, token.i + 1) for m in listed for e in m.entities]
            return Mention(start, token.i + 1, entities, "nominal", _sent(doc, start), antecedent=listed[0])
        if lower == "counterpart" and (other := _other_leader(doc, token, pool)) is not None:
            return _link(doc, token.left_edge.i, token.i + 1, other, "nominal")  # "Xi warned his counterpart"
        if lower in PERSON_TITLES and "the" in determiners and not _has_name(token):
            start = token.left_edge.i
            return _link(doc, start, token.i + 1, self._titled_person(doc, token, pool), "nominal")
        named_of = any(c.dep_ == "prep" and c.lower_ == "of" and any(g.ent_type_ in ("GPE", "NORP", "ORG") for g in c.children)
                       for c in token.children)  # "the state of Palestine" names its country
        if lower in COUNTRY_NOUNS | {"island"} and "the" in determiners and not named_of and _described_country(token):
            # "Pope Francis will visit Iraq, the Vatican announced, the first papal trip to the country":
            # the country talked about, not the one announcing
            speakers = {m.entities[0].name for m in pool.before(token) if _is_announcer(doc, m)}
            attackers = [m for m in pool.before(token) if _strikes_at(doc, m, token)]
            start = token.left_edge.i
            if attackers:
                return _link(doc, start, token.i + 1, self._struck_country(token, pool, attackers), "nominal")
            acting = _acting_subject_names(token, pool)
            acting_countries = {e.country for m in pool.before(token) for e in m.entities if e.name in acting}
            # "the Central American country": none outside the region its words name
            outside = _countries_outside_region(token, pool) | _countries_not_so_titled(token, pool)
            elsewhere = frozenset(e.name for m in pool.before(token) for e in m.entities if e.country in outside)
            # "Ecuadorean police raided ..., and Mexico broke off relations with the Andean nation": the
            # country of a group, when no other country is named
            return _link(doc, start, token.i + 1, self._recent(token, pool, COUNTRY_KINDS, speakers | acting | elsewhere)
                         or (self._country_other_than(token, pool, acting_countries | outside) if acting_countries else None)
                         or self._recent(token, pool, COUNTRY_KINDS, elsewhere)
                         # "accused Cameroonian soldiers of an attack in the country's Northwest region"
                         or self._country_other_than(token, pool, outside), "nominal")
        if lower in COUNTRY_NOUNS and (owner := _owner_pronoun_mention(doc, token)) is not None:
            # "the prime minister said his country would hand back ...": the country of the one it is his
            country = next((e.country for e in owner.entities if e.country), None)
            if country is not None:
                entity = Entity(token.text, load_actor_dictionary().country_name(country), country, None, country,
                                None, token.idx, token.idx + len(token.text))
                return Mention(token.left_edge.i, token.i + 1, [entity], "country", doc.sentence_index(token.i))
        if lower in NEIGHBOUR_NOUNS and (owner := self._possessor_mention(token, pool)) is not None:
            # "Somalia severed ties with Kenya, accusing its neighbour of meddling": the other country
            owners = {e.country for e in owner.entities if e.country}
            return _link(doc, token.left_edge.i, token.i + 1, self._country_other_than(token, pool, owners), "nominal") \
                if owners else None
        if lower in ORG_HEADS and "the" in determiners and (token.left_edge.i == token.i - 1 or _based_in(token)):
            return _link(doc, token.left_edge.i, token.i + 1, self._named_org(token, pool), "nominal")
        return None

    # -- pronouns -------------------------------------------------------------------------------
    def _pronoun(self, doc: Doc, token, pool: "_MentionPool") -> Mention | None:
        lower = token.lower_
        if lower in PLURAL_PRONOUNS:
            if (held := _held_for_protesting(doc, token)) is not None:
                return _link(doc, token.i, token.i + 1, held, "pronoun")
            if (sides := _coordinated_subject(doc, token)) is not None:
                return sides  # "U.S. and Philippine troops began their exercises, the Philippine army said"
            reporter = _reporter_mention(doc, token)
            if reporter is not None and _kind(reporter) in PLURAL_PARTY_KINDS:
                return _link(doc, token.i, token.i + 1, reporter, "pronoun")  # "the rebels said they would"
            subject = _clause_subject_mention(doc, token) if token.dep_ == "poss" else None
            if subject is None and token.dep_ == "poss" and (clause := _clause_of(token)) is not None:
                # "ordered his fighters to turn back from their march": the controlled subject
                subject = next((m for t in inherited_subject(clause) if (m := doc.mention_at(t.i) or next((
                    r for r in pool.mentions if r.start <= t.i < r.end), None)) is not None), None)  # "the two leaders", just resolved
            if subject is not None and (_kind(subject) in PLURAL_PARTY_KINDS or (
                    subject.kind == "nominal" and len(subject.entities) > 1)):  # "the two leaders ... their positions"
                return _link(doc, token.i, token.i + 1, subject, "pronoun")  # "the rebels repeated their demand"
            if (group := _plural_object_antecedent(doc, token, pool) or _parallel_object(doc, token, pool)) is not None:
                return _link(doc, token.i, token.i + 1, group, "pronoun")  # "froze the assets of six officials, accusing them"
            return self._plural(doc, token.i, token.i + 1, token, pool) or _link(
                doc, token.i, token.i + 1, self._demanded_of(doc, token, pool), "pronoun")
        if lower not in PERSON_PRONOUNS and lower not in THING_PRONOUNS and lower not in REFLEXIVES:
            return None
        if lower in REFLEXIVES:
            antecedent = _clause_subject_mention(doc, token)
        elif _governed_by_unknown_name(doc, token):
            antecedent = None  # a name the dictionary cannot code is the likelier referent
        else:
            own_subject = _clause_subject_mention(doc, token) if token.dep_ == "poss" else None
            # "Pyongyang conducted its sixth nuclear test": what a subject does to its own thing
            main_verb = token.head.head
            own_object = own_subject if token.head.dep_ == "dobj" and main_verb.pos_ == "VERB" and any(
                c.dep_ == "nsubj" for c in main_verb.children) and main_verb.dep_ != "ccomp" and (
                main_verb.lemma_.lower() not in DONE_TO_OTHERS) else None  # not "X said Y seized its ships"
            # "North Korea fired a missile off its east coast, South Korea's military said": a sayer named
            # after the pronoun is not what the clause's own subject's "its" stands for
            trailing_sayer = (reporter := _reporter_mention(doc, token)) is not None and reporter.start > token.i
            own_first = own_subject if trailing_sayer and own_subject is not None and own_subject.end <= token.i else None
            candidates = [own_object if own_object is not None and own_object.end <= token.i else None, own_first,
                          self._demanded_of(doc, token, pool, frozenset({"person"})) if lower in ("he", "she") else None,
                          _denier_of_claim(doc, token), _accuser_of_harm(doc, token), _sued_party(doc, token),
                          _answered_party(doc, token),
                          reporter,
                          _main_subject_of_relative(doc, token, lower),
                          _subject_of_adjunct(doc, token, lower),
                          _subject_of_first_conjunct(doc, token, lower),
                          _subject_of_governing_clause(doc, token, lower),
                          own_subject if own_subject is not None and own_subject.end <= token.i else None]
            antecedent = next((c for c in candidates if c is not None and _agrees(c, lower)
                               and not pool.gender_clash(c, lower)), None)
            if antecedent is not None:
                pool.note_gender(antecedent, lower)  # only what the syntax tells, not the nearest-person guess
            antecedent = antecedent or self._recent(token, pool, _kinds_for(lower),
                                                    _clause_subject_names(token, pool) | _harmer_names(token, pool))
        if antecedent is not None and (not _agrees(antecedent, lower) or pool.gender_clash(antecedent, lower)):
            antecedent = None
        return _link(doc, token.i, token.i + 1, antecedent, "pronoun")

    def _demanded_of(self, doc: Doc, token, pool: "_MentionPool", kinds=None) -> Mention | None:
        """'Bosnian Serb forces overran Srebrenica, and the Security Council demanded that they
        withdraw': those a demand's "they" must act are the party named before, not the demander
        (and "Bouteflika resigned, hours after the army chief demanded that he step down")."""
        clause = token.head
        if token.dep_ != "nsubj" or clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in DEMANDING_VERBS:
            return None
        demanders = {t.i for c in clause.head.children if c.dep_ == "nsubj" for t in c.subtree}
        if kinds and "person" in kinds:  # "Lukashenko met Putin, and Tikhanovskaya demanded that he step down"
            names = frozenset(e.name for m in pool.before(token) if demanders & set(range(m.start, m.end)) for e in m.entities)
            if (subject := self._sentence_subject(token, pool, names)) is not None:
                return subject
        return next((m for m in pool.before(token) if _kind(m) in (kinds or PLURAL_PARTY_KINDS) and m.entities[0].country
                     and not demanders & set(range(m.start, m.end))), None)

    def _possessor_mention(self, token, pool: "_MentionPool") -> Mention | None:
        """What 'its' or 'their' before a noun was resolved to."""
        possessor = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        return next((m for m in pool.before(token) if possessor is not None and m.start == possessor.i), None)

    def _struck_country(self, token, pool: "_MentionPool", attackers: list[Mention]) -> Mention | None:
        """The last country named before an attack on 'the country's sites' other than the
        attacker's, a group's country standing for it ('Iranian lawmakers')."""
        return self._country_other_than(token, pool, {e.country for m in attackers for e in m.entities})

    def _country_other_than(self, token, pool: "_MentionPool", theirs: set) -> Mention | None:
        mention = next((m for m in pool.before(token) if m.entities and m.entities[0].country
                        and m.entities[0].country not in theirs and _kind(m) in COUNTRY_KINDS | {"group"}), None)
        if mention is None or _kind(mention) in COUNTRY_KINDS:
            return mention
        country = mention.entities[0].country
        entity = replace(mention.entities[0], name=load_actor_dictionary().country_name(country), sector=None, code=country)
        return Mention(mention.start, mention.end, [entity], mention.kind, mention.sentence, antecedent=mention.antecedent)

    def _recent(self, token, pool: "_MentionPool", kinds, not_names=frozenset()) -> Mention | None:
        if "person" in kinds and (subject := self._sentence_subject(token, pool, not_names)) is not None:
            return subject  # "Katsav refused to meet the king ..., his office said": the subject stays in focus
        for mention in pool.before(token):
            if mention.entities and mention.entities[0].name in not_names or pool.gender_clash(mention, token.lower_):
                continue
            if _kind(mention) in kinds and mention.entities and (
                    mention.entities[0].country or "person" in kinds or mention.entities[0].sector == "IGO"):
                return mention
        if "person" in kinds:  # "expelled the German ambassador, accusing him": no person named, an office holder
            sentence = pool.doc.sentence_index(token.i)
            return next((m for m in pool.before(token) if m.sentence == sentence and _kind(m) == "group"
                         and _office_holder(m) and m.entities[0].name not in not_names), None)
        return None

    def _sentence_subject(self, token, pool: "_MentionPool", not_names) -> Mention | None:
        """The nearest person before the pronoun in its sentence that is a clause's subject."""
        sentence = pool.doc.sentence_index(token.i)
        for mention in pool.before(token):
            if mention.sentence != sentence:
                return None
            head = token.doc[mention.end - 1]
            if head.dep_ == "appos":  # "Chad's transitional leader Mahamat Idriss Deby met ..."
                head = head.head
            if _kind(mention) == "person" and head.dep_ in ("nsubj", "nsubjpass") and not pool.gender_clash(
                    mention, token.lower_) and (
                    mention.entities and mention.entities[0].name not in not_names):
                return mention
        return None

    # -- nominals -------------------------------------------------------------------------------
    def _titled_person(self, doc: Doc, token, pool: "_MentionPool") -> Mention | None:
        return _pick_person(doc, token, [m for m in pool.before(token) if _kind(m) == "person"])

    def _named_org(self, token, pool: "_MentionPool") -> Mention | None:
        """'the ministry' after 'the Foreign Ministry'; 'the group' after a named armed group."""
        generic = token.lower_ in GENERIC_ORG_HEADS
        for mention in pool.before(token):
            if mention.kind not in ("org", "organisation", "seat", "group"):
                continue
            entity = mention.entities[0]
            if token.lower_ in MEDIA_HEADS:
                if entity.sector == "MED" and not _is_announcer(pool.doc, mention):
                    return mention  # not "..., Ukrinform reported; drones hit the station"
                continue
            if token.lower_ in entity.name.lower() or (
                    generic and entity.sector in ("REB", "NGO", "IGO", "PTY", "OPP")) or (
                    token.lower_ == "agency" and entity.sector == "MED"):  # "the Wafa news agency ... The agency said"
                return mention
        return None

    def _plural(self, doc: Doc, start: int, end: int, token, pool: "_MentionPool") -> Mention | None:
        """'both nations', 'they': the two most recent distinct countries acting in the text;
        named countries first, then the countries of people and organisations."""
        if token.lower_ in SIDE_NOUNS and (pair := _last_coordinated_subjects(doc, token, pool)):
            entities = [_retarget(entity, doc, start, end) for _, entity in pair]
            return Mention(start, end, entities, "nominal", _sent(doc, start), antecedent=pair[0][0])
        # the side that acts on "both sides" is not one of them: "Qatari mediators held talks with both sides"
        clause = _clause_of(token)
        subjects = [c for c in (clause.children if clause is not None else ()) if c.dep_ in ("nsubj", "nsubjpass")]
        if clause is not None and not subjects and clause.tag_ == "VBG" and token.dep_ == "dobj":
            subjects = inherited_subject(clause)  # "froze the assets of six officials, accusing them of ...": not the accuser
        acting = {t.i for c in subjects for t in c.subtree}
        candidates = [m for m in pool.before(token) if doc.spacy[m.start:m.end].root.i not in acting]
        picked = (_principal_parties(doc, candidates) if token.lower_ in SIDE_NOUNS else []) or \
            _acting_on_each_other(doc, candidates, token) or \
            (_two_countries(doc, [m for m in candidates if _kind(m) == "person"], countries_only=False)
             if token.lower_ in OFFICE_PLURALS else []) or \
            _two_countries(doc, candidates, countries_only=True) or \
            _two_countries(doc, candidates, countries_only=False) or \
            (_one_country_at_war(doc, candidates) if token.lower_ in SIDE_NOUNS else [])
        if not picked:
            return None
        entities = [_retarget(_as_country(mention, entity), doc, start, end) for mention, entity in reversed(picked)]
        return Mention(start, end, entities, "nominal", _sent(doc, start), antecedent=picked[0][0])

    # -- "the Russian leader": the actors stage reads it as a group; it is a person named before --
    def _link_titled_groups(self, doc: Doc) -> None:
        people = [m for m in doc.mentions if m.kind == "person" and m.entities[0].country]
        for mention in doc.mentions:
            if mention.kind != "group":
                continue
            head = doc.spacy[mention.end - 1]
            if head.lower_ not in PERSON_TITLES or _has_name(head) or not _definite(head):
                continue
            earlier = [p for p in reversed(people) if p.start < mention.start
                       and mention.sentence - p.sentence <= LOOKBACK_SENTENCES]
            own = {mention.entities[0].country} if mention.end - mention.start > 1 else set()
            person = _pick_person(doc, head, earlier, own)
            if person is not None:
                start = head.left_edge.i
                mention.entities = [_retarget(person.entities[0], doc, start, mention.end)]
                mention.start, mention.kind, mention.antecedent = start, "nominal", person

    # -- "the court" after "the International Criminal Court": the body named before, not a court at home --
    def _link_named_bodies(self, doc: Doc) -> None:
        bodies = [m for m in doc.mentions if m.kind in ("org", "organisation")]
        for mention in doc.mentions:
            head = doc.spacy[mention.end - 1]
            if mention.kind != "group" or head.lower_ not in ORG_HEADS or not _definite(head) or (
                    mention.end - mention.start > 1):
                continue
            named = next((b for b in reversed(bodies) if b.start < mention.start
                          and head.lower_ in b.entities[0].name.lower().split()), None)
            if named is not None:
                mention.entities = [_retarget(e, doc, mention.start, mention.end) for e in named.entities]
                mention.kind, mention.antecedent = "nominal", named

    # -- "Kirby" after "John Kirby" -------------------------------------------------------------
    def _link_short_names(self, doc: Doc) -> None:
        people = [m for m in doc.mentions if m.kind == "person"]
        for n, mention in enumerate(people):
            entity = mention.entities[0]
            short = entity.name.split()
            if len(short) != 1 or entity.qid:
                continue
            for earlier in reversed(people[:n]):
                full = earlier.entities[0]
                parts = full.name.split()
                # the family name comes last ("Putin"), or first in Korean names ("Kim" for Kim Il Sung); not a
                # given name that many share ("Mohammed" is not Mohammed bin Salman)
                family_first = len(parts) == 2 or full.country in FAMILY_NAME_FIRST
                if len(parts) > 1 and (short[0] == parts[-1] or (family_first and short[0] == parts[0])):
                    mention.entities = [replace(full, text=entity.text, start=entity.start, end=entity.end)]
                    mention.antecedent = earlier
                    break


class _MentionPool:
    """Mentions sorted by position, searched backwards within the lookback window."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.mentions = sorted((m for m in doc.mentions if m.kind != "place"), key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.genders: dict[str, str] = {}

    def note_gender(self, antecedent: Mention, pronoun: str) -> None:
        """A person once called "she" is not later "he", and the other way round."""
        gender = PRONOUN_GENDERS.get(pronoun)
        named = _named(antecedent)
        if gender and named.kind == "person" and named.entities:
            self.genders.setdefault(named.entities[0].name, gender)

    def gender_clash(self, mention: Mention, pronoun: str) -> bool:
        named = _named(mention)
        if pronoun not in PRONOUN_GENDERS or named.kind != "person" or not named.entities:
            return False
        titled = TITLE_GENDERS.get(self.doc.spacy[named.start - 1].lower_.rstrip(".")) if named.start > 0 else None
        known = self.genders.get(named.entities[0].name) or titled
        return known is not None and known != PRONOUN_GENDERS[pronoun]

    def add(self, mention: Mention) -> None:
        at = bisect.bisect_left(self.starts, mention.start)
        self.starts.insert(at, mention.start)
        self.mentions.insert(at, mention)

    def before(self, token):
        """Mentions before the token, nearest first, at most LOOKBACK_SENTENCES sentences back."""
        first_sentence = self.doc.sentence_index(token.i) - LOOKBACK_SENTENCES
        for n in range(bisect.bisect_left(self.starts, token.i) - 1, -1, -1):
            mention = self.mentions[n]
            if mention.sentence < first_sentence:
                return
            yield mention


def _listed_parties(doc: Doc, token, pool: "_MentionPool", count: int) -> list[Mention]:
    """The latest list of exactly ``count`` parties of distinct countries named together ("Saudi Arabia,
    the United Arab Emirates, Bahrain and Egypt"), for "the four Arab states"."""
    mention_at = {m.start: m for m in pool.before(token)}
    by_root = {doc.spacy[m.start:m.end].root.i: m for m in mention_at.values()}
    for mention in pool.before(token):
        root = doc.spacy[mention.start:mention.end].root
        if root.dep_ == "conj":
            continue  # the list is found from its first member
        members = [by_root.get(t.i) for t in [root, *root.conjuncts] if t.i < token.i]
        countries = {e.country for m in members if m is not None for e in m.entities if e.country}
        if len(members) == count and None not in members and len(countries) == count:
            return members
    return []


def _kind(mention: Mention) -> str:
    """What a mention stands for: a pronoun or nominal takes its antecedent's kind."""
    return _named(mention).kind


def _named(mention: Mention) -> Mention:
    """The mention a pronoun or nominal finally stands for."""
    while mention.kind in ("pronoun", "nominal") and mention.antecedent is not None:
        mention = mention.antecedent
    return mention


def _kinds_for(pronoun: str) -> frozenset[str]:
    return frozenset({"person"}) if pronoun in PERSON_PRONOUNS else ACTOR_KINDS


def _agrees(mention: Mention, pronoun: str) -> bool:
    """'he' stands for a person, 'it' for a single institution or country."""
    kind = _kind(mention)
    if pronoun in PERSON_PRONOUNS:  # "expelled the German ambassador, accusing him": one office holder
        return kind == "person" or (kind == "group" and _office_holder(mention))
    if pronoun in THING_PRONOUNS:
        return kind != "person" and len(mention.entities) == 1 and not _plural_group(mention) and not (
            kind == "group" and _office_holder(mention))  # "summoned the British ambassador ..., what it called": not him
    return True


# one person named by what they do: "a British reporter ..., accusing him of crossing the border"
SINGLE_PERSON_NOUNS = frozenset("consul reporter journalist correspondent photographer cameraman blogger activist "
                                "businessman tourist priest pilot engineer student soldier officer lawyer academic "
                                "dissident suspect fugitive man woman citizen national worker".split())


def _office_holder(mention: Mention) -> bool:
    words = mention.entities[0].text.lower().split() if mention.entities else []
    return bool(words) and words[-1] in PERSON_TITLES | SINGLE_PERSON_NOUNS


def _plural_object_antecedent(doc: Doc, token, pool: "_MentionPool") -> Mention | None:
    """An object "them" in a participle clause: a party of its sentence that is not the
    participle's own doer."""
    clause = token.head
    if token.dep_ != "dobj" or clause.tag_ != "VBG" or any(c.dep_ == "nsubj" for c in clause.children):
        return None
    doers = {t.i for c in inherited_subject(clause) for t in c.subtree}
    others = sorted((m for m in pool.before(token) if m.sentence == _sent(doc, token.i) and m.kind != "place"
                     and not any(m.start <= i < m.end for i in doers)), key=lambda m: m.start)
    groups = [m for m in others if _plural_group(m)]
    # else the first party named after the act the participle follows: "expelled six American
    # members of the U.N. team, accusing them", "detained a Japanese boat and its crew, accusing them"
    done_to = [m for m in others if m.start > clause.head.i] if clause.head.i < clause.i else []
    if done_to and doc.spacy[done_to[0].end - 1].conjuncts:
        return None  # "urged Vanuatu and the Solomon Islands ..., accusing them": both, as plural pronouns go
    return (done_to or groups[-1:] or others[-1:] or [None])[0]


def _parallel_object(doc: Doc, token, pool: "_MentionPool") -> Mention | None:
    """'released 222 prisoners and deported them', '... and a court stripped them of their
    citizenship': an object "them" is the group an earlier verb of its sentence acted on."""
    if token.dep_ != "dobj":
        return None
    sentence = _sent(doc, token.i)
    return next((m for m in pool.before(token) if m.sentence == sentence and _plural_group(m) and (
        doc.spacy[m.end - 1].dep_ == "dobj") and doc.spacy[m.end - 1].head.i != token.head.i), None)


def _owner_pronoun_mention(doc: Doc, noun) -> Mention | None:
    """What 'his', 'her' or 'their' before a noun was resolved to."""
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in ("his", "her", "their")), None)
    if owner is None or (mention := doc.mention_at(owner.i)) is not None:
        return mention if owner is not None else None
    # "Armenia's prime minister said his country would ...": an office holder the text names by country
    speaker = next((c for a in noun.ancestors if a.pos_ in ("VERB", "AUX") for c in a.children
                    if c.dep_ == "nsubj" and c.i < noun.i and c.pos_ == "NOUN"), None)
    return next((m for m in doc.mentions if speaker is not None and m.kind in ("country", "demonym")
                 and speaker.left_edge.i <= m.start <= speaker.i), None)


def _plural_group(mention: Mention) -> bool:
    """'officials', 'rebels', 'police' are "they", never "it"."""
    mention = _named(mention)
    if mention.kind != "group" or not mention.entities:
        return False
    word = mention.entities[0].text.lower().split()[-1] if mention.entities[0].text.strip() else ""
    return word in COLLECTIVE_PLURALS or (word.endswith("s") and not word.endswith(("ss", "us", "is")))


def _pick_person(doc: Doc, title, people: list[Mention], countries: set | None = None) -> Mention | None:
    """'the spokesman': the person last titled so, else the last person of the phrase's country."""
    countries = countries or _phrase_countries(doc, title)
    people = [m for m in people if not countries or m.entities[0].country in countries]
    # "the United Nations human rights chief": an official of the body the phrase names
    bodies = [m for m in doc.mentions if m.kind == "organisation" and title.left_edge.i <= m.start < title.i]
    if bodies:
        people = [m for m in people if any(e.sector == b.entities[0].sector and e.country == b.entities[0].country
                                           for e in m.entities for b in bodies)]
    titled = [m for m in people if _titled(doc, m, title.lower_)]
    return (titled or people or [None])[0]


def _clause_subject_names(token, pool: "_MentionPool") -> frozenset:
    """'he would welcome him': an object pronoun is not its own clause's subject."""
    if token.dep_ not in ("dobj", "dative"):
        return frozenset()
    return _subject_names(token.head, pool, through_infinitives=token.lower_ in ("him", "her"))


def _subject_names(verb, pool: "_MentionPool", through_infinitives: bool = False) -> frozenset:
    while (verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG") or (
            through_infinitives and verb.dep_ in ("xcomp", "advcl") and is_infinitive(verb))) and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        # "Putin met Erdogan and urged him", "greeted him, hailing him", "telephoned Trump to thank him": the
        # governing verb's subject
        verb = verb.head
    subjects = [c.i for c in verb.children if c.dep_ == "nsubj"]
    return frozenset(e.name for m in pool.mentions if any(m.start <= s < m.end for s in subjects) for e in m.entities)


def _acting_subject_names(token, pool: "_MentionPool") -> frozenset:
    """'Australia suspended defence ties with the island nation': a country in what an act is done
    to is not the one doing it."""
    node = token
    while node.dep_ in ("pobj", "prep") or (node.dep_ == "dobj" and node.head.pos_ != "VERB"):
        node = node.head
    verb = node.head if node.dep_ in ("dobj", "dative") else node if node.pos_ == "VERB" and node.i != token.i else None
    return _subject_names(verb, pool) if verb is not None else frozenset()


WOUNDING_VERBS = frozenset("kill wound injure capture abduct kidnap".split())


def _harmer_names(token, pool: "_MentionPool") -> frozenset:
    """'an Israeli drone strike that killed two of its fighters': whose people are harmed is not
    who harms them."""
    if token.dep_ != "poss" or token.lower_ not in ("its", "their"):
        return frozenset()
    node = token.head
    while node.dep_ in ("pobj", "prep") or (node.dep_ == "dobj" and node.head.pos_ != "VERB"):
        node = node.head
    verb = node.head if node.dep_ == "dobj" else None
    if verb is None or verb.lemma_.lower() not in HARMING_VERBS | WOUNDING_VERBS:
        return frozenset()
    harmers = [t.i for c in verb.children if c.dep_ == "nsubj" for t in c.subtree]
    if verb.dep_ == "relcl":  # the deed the clause describes: "an Israeli drone strike that killed"
        inside = {t.i for t in verb.subtree}
        harmers += [t.i for t in verb.head.subtree if t.i not in inside]
    return frozenset(e.name for m in pool.mentions if any(m.start <= i < m.end for i in harmers) for e in m.entities)


def _reporter_mention(doc: Doc, token) -> Mention | None:
    """'The agency said it ...', 'Hajiyev welcomed what he called ...': the subject of an
    embedded clause is, first, the subject of the clause it is embedded in."""
    if token.dep_ not in ("nsubj", "nsubjpass", "poss"):
        return None
    clause = _clause_of(token) if token.dep_ == "poss" else token.head
    while clause is not None and clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause is None or clause.dep_ not in EMBEDDED_CLAUSES or clause.head.lemma_.lower() in DEMANDING_VERBS:
        return None  # "the Security Council demanded that they withdraw": a demand is made of others
    return _subject_mention(doc, clause.head)


def _subject_of_adjunct(doc: Doc, token, pronoun: str) -> Mention | None:
    """'Ukraine gave up the arsenal on its soil': a possessive in a phrase on the verb itself
    belongs to the verb's subject."""
    noun = token.head
    if token.dep_ != "poss" or noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.head.pos_ != "VERB":
        return None
    subject = _subject_mention(doc, noun.head.head)
    return subject if subject is not None and subject.start < token.i and _agrees(subject, pronoun) else None


def _main_subject_of_relative(doc: Doc, token, pronoun: str) -> Mention | None:
    """'Turkey urged Sweden to extradite people it accuses ...': the subject of a relative clause
    on an object is, first, the sentence's main subject, not the nearest name."""
    if token.dep_ != "nsubj" or token.head.dep_ != "relcl":
        return None
    noun = token.head.head
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "NUM"):
        noun = noun.head.head  # "dozens of people it accuses"
    if noun.dep_ not in ("dobj", "pobj"):
        return None
    verb = _verb_with_subject(noun.head.head if noun.dep_ == "pobj" else noun.head, ("xcomp", "advcl", "acl"))
    subject = _subject_mention(doc, verb)
    return subject if subject is not None and _agrees(subject, pronoun) else None


def _verb_with_subject(verb, through: tuple):
    """Up through clauses of the kinds ``through`` (control, purpose, conjunct ...) to a verb with its
    own subject; past an infinitive on an object to the verb of that object ("asked for military help
    to repel what it called aggression": who asked)."""
    for _ in range(4):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or verb.dep_ not in through:
            break
        if verb.dep_ == "acl":
            held = verb.head
            if held.dep_ not in ("dobj", "pobj"):
                break
            verb = held.head.head if held.dep_ == "pobj" else held.head
            continue
        verb = verb.head
    return verb


def _governed_by_unknown_name(doc: Doc, token) -> bool:
    clause = token.head
    if token.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ not in EMBEDDED_CLAUSES:
        return False
    subjects = [c for c in clause.head.children if c.dep_ == "nsubj"]
    return bool(subjects) and subjects[0].pos_ == "PROPN" and subjects[0].ent_type_ != "PERSON" and (
        doc.mention_at(subjects[0].i) is None) and not any(  # "Kenya's President William Ruto said he": a title, named
        c.dep_ == "appos" and doc.mention_at(c.i) is not None for c in subjects[0].children)


# verbs by which a second clause may answer the first one's act
ANSWERING_VERBS = frozenset("condemn denounce criticise criticize decry reject deny protest".split())
ANSWERED_ACTS = frozenset("move decision step action measure it sanction strike attack".split())


def _subject_of_first_conjunct(doc: Doc, token, lower: str) -> Mention | None:
    """'China lodged a protest with Japan, and its customs authority suspended imports': "its"
    in the subject of a second clause is the first clause's subject."""
    subject = token.head
    clause = subject.head
    if lower not in ("its", "their") or token.dep_ != "poss" or subject.dep_ != "nsubj" or clause.dep_ != "conj" or (
            clause.lemma_.lower() in ANSWERING_VERBS and any(
                c.dep_ == "dobj" and c.lemma_.lower() in ANSWERED_ACTS for c in clause.children)):
        return None  # "..., and its foreign ministry condemned the move": the other side answers
    found = _subject_mention(doc, clause.head)
    return found if found is not None and found.entities and found.entities[0].country else None


def _subject_of_governing_clause(doc: Doc, token, lower: str) -> Mention | None:
    """'Saudi Arabia ordered its students in Canada to leave, a day after it expelled the Canadian
    ambassador': the subject of a time clause is, first, the subject of the clause it is told in."""
    clause = token.head
    if token.dep_ != "nsubj" or clause.dep_ != "advcl" or not any(
            c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in clause.children):
        return None
    verb = _verb_with_subject(clause.head, ("xcomp", "advcl", "conj", "ccomp"))
    found = _subject_mention(doc, verb) if verb.pos_ in ("VERB", "AUX") else None
    return found if found is not None and found.start < token.i and found.entities and _agrees(found, lower) else None


TIME_MARKS = frozenset({"after", "before", "since", "until", "when", "as", "while"})


def _based_in(token) -> bool:
    """'the Washington-based bloc': a body described only by where it sits."""
    between = token.doc[token.left_edge.i + 1:token.i]
    return token.left_edge.lower_ == "the" and all(
        t.lemma_.lower() == "base" or t.text == "-" or t.ent_type_ == "GPE" for t in between) and any(
        t.lemma_.lower() == "base" for t in between)


def _clause_subject_mention(doc: Doc, token) -> Mention | None:
    clause = _clause_of(token)
    return _subject_mention(doc, clause) if clause is not None else None


def _other_leader(doc: Doc, token, pool: "_MentionPool") -> Mention | None:
    """'Biden and Xi spoke by phone, and Xi warned his counterpart': the other person of another
    country just named, when the noun has no nationality of its own."""
    if not any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in token.children) or any(
            c.dep_ in ("amod", "compound") for c in token.children):
        return None
    subject = _clause_subject_mention(doc, token)
    if subject is None or _kind(subject) != "person" or not subject.entities[0].country:
        return None
    sentence = doc.sentence_index(token.i)
    others = [m for m in pool.before(token) if m.sentence == sentence and _kind(m) == "person" and m.entities
              and m.entities[0].country and m.entities[0].country != subject.entities[0].country]
    return others[0] if len({m.entities[0].name for m in others}) == 1 else None


def _clause_of(token):
    node = token
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") and node.i != token.i:
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


PROTESTING_VERBS = frozenset({"gather", "march", "protest", "rally", "demonstrate", "riot", "assemble", "strike"})


def _held_for_protesting(doc: Doc, token) -> Mention | None:
    """'Police detained dozens of people after they gathered to protest': "they" who protest are
    those detained, not the police."""
    clause = token.head
    if token.dep_ != "nsubj" or clause.dep_ != "advcl" or clause.lemma_.lower() not in PROTESTING_VERBS:
        return None
    objects = [c for c in clause.head.children if c.dep_ == "dobj"]
    objects += [g for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return next((m for o in objects if (m := doc.mention_at(o.i)) is not None and m.kind == "group"
                 and m.entities[0].country), None)


def _denier_of_claim(doc: Doc, token) -> Mention | None:
    """'Pakistan denied Indian charges that it was arming Sikh militants': the "it" of a denied
    claim is the one who denies it."""
    node = token
    for level in range(6):
        if node.head.i == node.i:
            return None
        node = node.head
        claim = node.head
        # also "dismissed as baseless Moroccan accusations that it ...", for the claim's own subject only
        dismissed_as = claim.dep_ == "pobj" and claim.head.lower_ == "as" and (
            (level == 0 and token.dep_ in ("nsubj", "nsubjpass")) or (  # "... that its agents were linked"
                level == 1 and token.dep_ == "poss" and token.head.dep_ in ("nsubj", "nsubjpass")))
        rebuttal = claim.head.head if dismissed_as else claim.head
        if node.dep_ in ("acl", "ccomp") and claim.lemma_.lower() in SUMMING_NOUNS and (claim.dep_ == "dobj" or dismissed_as) and (
                rebuttal.lemma_.lower() in REBUTTING_VERBS):
            return _subject_mention(doc, rebuttal)
    return None


ACCUSING_VERBS = frozenset({"accuse", "blame", "charge"})
# what two sides do together, so that "their" is both of theirs: "began their joint exercise"
JOINT_ACTION_VERBS = frozenset("begin start open hold stage conduct launch resume end complete conclude wrap "
                               "sign agree pledge restore reopen finish announce".split())
HARMING_VERBS = frozenset("shell fire attack strike bomb shoot raid invade violate cross enter target hit seize".split())


def _accuser_of_harm(doc: Doc, token) -> Mention | None:
    """'Baku accused Armenian forces of shelling its positions': the "its" of what the accused
    did is the accuser's, not the accused's own."""
    if token.dep_ != "poss" or token.lower_ not in ("its", "their"):
        return None
    if token.head.lemma_.lower() in POPULATION_NOUNS or any(c.lower_ == "own" for c in token.head.children):
        return None  # "accused the junta of killing its own citizens": the accused's people
    node = token.head
    for _ in range(5):
        if node.dep_ == "pcomp" and node.head.lower_ in ("of", "for") and node.head.head.lemma_.lower() in ACCUSING_VERBS and (
                node.lemma_.lower() in HARMING_VERBS | WOUNDING_VERBS):
            return _subject_mention(doc, node.head.head)
        if node.head.i == node.i or node.dep_ in ("relcl", "ccomp"):
            return None
        node = node.head
    return None


def _answered_party(doc: Doc, token) -> Mention | None:
    """'expelled Russia over its invasion of Ukraine': the party the act is done to."""
    return next((m for p in answered_parties(token) if (m := doc.mention_at(p.i)) is not None), None)


def _sued_party(doc: Doc, token) -> Mention | None:
    """'filed a case against Israel at the ICJ, accusing it of ...': the "it" accused is the party
    the case is against, not the court."""
    accusing = token.head
    if token.dep_ != "dobj" or token.lower_ not in ("it", "them") or accusing.lemma_.lower() not in ACCUSING_VERBS or (
            accusing.dep_ not in ("advcl", "xcomp", "conj")):
        return None
    against = [g for t in accusing.head.subtree if t.dep_ == "prep" and t.lower_ == "against" and t.i < accusing.i
               for g in t.children if g.dep_ == "pobj"]
    return next((m for g in against if (m := doc.mention_at(g.i)) is not None), None)


def _subject_mention(doc: Doc, verb) -> Mention | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return doc.mention_at(child.i) or _people_of_demonym(doc, child)
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject_mention(doc, verb.head)  # "the rebels rejected the plan and said they ..."
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject_mention(doc, verb.head)  # "Katsav refused to meet the king, saying he would ..."
    return None


def _coordinated_subject(doc: Doc, token) -> Mention | None:
    """'Chinese and Cambodian troops opened their annual exercise': a plural possessive on what a
    clause whose subject names two or more parties does together is theirs, not the reporter's
    (never on what is done to others: 'said U.S. and British jets had struck their positions');
    "they" who do what two or more sayers said are the sayers."""
    clause = _clause_of(token) if token.dep_ == "poss" else None
    if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ccomp":
        clause = token.head.head  # "the United States, Germany and France said they backed ...": the sayers
        subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.conjuncts), None)
    elif clause is None or clause.lemma_.lower() not in JOINT_ACTION_VERBS:
        return None
    else:
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i), None)
    if subject is None:
        return None
    # the words before each coordinated head: "U.S. and British ambassadors", not "... to Russia"
    words = [t for head in [subject, *subject.conjuncts] for t in head.subtree if t.i <= head.i]
    mentions = list({id(m): m for t in words if (m := doc.mention_at(t.i)) is not None}.values())
    entities = list({e.country: e for m in mentions for e in m.entities if e.country}.values())
    if len(entities) < 2:
        return None
    return Mention(token.i, token.i + 1, [_retarget(e, doc, token.i, token.i + 1) for e in entities], "pronoun",
                   _sent(doc, token.i), antecedent=mentions[0])


def _people_of_demonym(doc: Doc, noun) -> Mention | None:
    """'Palestinian leaders', 'Iraqi officials', 'a group of Yoruba leaders': plural people named by
    their country's adjective."""
    if noun.lemma_.lower() in COLLECTIVE_NOUNS:
        members = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                   if g.dep_ == "pobj"]
        return doc.mention_at(members[0].i) or _people_of_demonym(doc, members[0]) if members else None
    if noun.tag_ not in ("NNS", "NNPS"):
        return None
    for child in noun.children:
        mention = doc.mention_at(child.i) if child.dep_ in ("amod", "compound") else None
        if mention is not None and mention.kind == "demonym":
            return mention
    return None


ANNOUNCING_VERBS = frozenset({"say", "announce", "report", "tell", "add", "state", "confirm"})


def _strikes_at(doc: Doc, mention: Mention, country_noun) -> bool:
    """'U.S. strikes on the country's nuclear sites': the attacker named on the attack is not
    the country whose sites it hits."""
    owned = country_noun.head if country_noun.dep_ == "poss" else country_noun
    if owned.dep_ == "pobj" and owned.head.lower_ in ("on", "against", "at"):
        attack = owned.head.head
    elif owned.dep_ == "dobj":
        attack = owned.head  # "its jets had struck the country's air defences"
    else:
        return False
    root = doc.spacy[mention.start:mention.end].root
    return attack.lemma_.lower() in ATTACK_NOUNS | HARMING_VERBS and root.head.i == attack.i and root.dep_ in ("compound", "amod", "poss", "nsubj")


def _is_announcer(doc: Doc, mention: Mention) -> bool:
    """The subject of a verb of saying ("the Vatican announced")."""
    root = doc.spacy[mention.start:mention.end].root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in ANNOUNCING_VERBS


def _definite(head) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)


def _has_name(token) -> bool:
    return any(c.ent_type_ == "PERSON" for c in token.subtree)


def _titled(doc: Doc, mention: Mention, title: str) -> bool:
    """The person was introduced with this title: 'spokesman John Kirby', 'Kirby, the spokesman'."""
    sdoc = doc.spacy
    root = sdoc[mention.start:mention.end].root
    before = sdoc[max(root.left_edge.i, mention.start - TITLE_WINDOW):mention.start]
    if any(t.lower_ == title for t in before):
        return True
    return any(t.lower_ == title for c in root.children if c.dep_ == "appos" for t in c.subtree)


def _phrase_countries(doc: Doc, token) -> set[str]:
    """Countries named inside a title's own phrase: 'the Russian leader', 'the president of Armenia'."""
    after = {g.i for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
             if g.dep_ == "pobj"}
    return {e.country for m in doc.mentions if (m.kind == "demonym" and token.left_edge.i <= m.start < token.i) or (
        m.kind in ("country", "capital") and m.start in after) for e in m.entities if e.country}


# plural nouns for the parties to a conflict or a negotiation, who may be of one country
SIDE_NOUNS = frozenset({"sides", "parties", "armies", "forces", "factions"})


def _last_coordinated_subjects(doc: Doc, token, pool: "_MentionPool") -> list[tuple[Mention, Entity]]:
    """'Sudan's army and the paramilitary RSF signed a declaration ... The two sides did not
    agree': the parties of the last subject that names two of them, or of two coordinated
    clauses' subjects, whatever their countries."""
    own_clause = _clause_of(token)
    for mention in pool.before(token):
        root = doc.spacy[mention.start:mention.end].root
        if root.dep_ != "nsubj" or not mention.entities[0].country or (own_clause is not None and root.head.i == own_clause.i):
            continue  # not the subject of the very clause that names the sides
        if len(mention.entities) > 1:  # one mention naming both: "Rwandan and Ugandan troops clashed"
            return [(mention, entity) for entity in mention.entities]
        verb = root.head
        # "Sudan's army and the RSF signed", or "Hamas released hostages, and Israel freed prisoners"
        partner_heads = {root.i} | {s.i for w in verb.children if w.dep_ == "conj" and w.pos_ in ("VERB", "AUX")
                                    for s in w.children if s.dep_ == "nsubj"}
        partners = [m for m in pool.before(token) if m is not mention and m.entities[0].country and (
            (r := doc.spacy[m.start:m.end].root).dep_ == "conj" and r.head.i == root.i
            or r.i in partner_heads - {root.i})]
        if partners:
            return [(mention, mention.entities[0]), (partners[0], partners[0].entities[0])]
    return []


# where a clause names whom its subject acts on: "promised to consult Seoul", "met with Seoul"
PARTNER_PREPS = frozenset({"with", "to", "on"})
# verbs that direct others: whom they urge or warn acts with someone else
DIRECTING_VERBS = frozenset({"urge", "warn", "ask", "call", "press", "tell", "order", "demand", "advise", "encourage"})


def _acting_on_each_other(doc: Doc, mentions, token) -> list[tuple[Mention, Entity]]:
    """'The United States promised to consult Seoul before acting against North Korea, officials
    said after a meeting of the two countries' ministers': in its own sentence, the two countries
    are a subject and the party its verb (or the infinitive it controls) acts on, not the last
    two named."""
    in_sentence = [m for m in mentions if m.sentence == _sent(doc, token.i) and m.entities and m.entities[0].country]
    for subject in in_sentence:
        root = doc.spacy[subject.start:subject.end].root
        if root.dep_ != "nsubj" or _kind(subject) not in COUNTRY_KINDS or root.head.lemma_.lower() in DIRECTING_VERBS:
            continue  # "Germany urged Russia and Ukraine to talk": the urged are the pair, not the urger
        verbs = [root.head] + [c for c in root.head.children if c.dep_ == "xcomp"]
        objects = {c.i for v in verbs for c in v.children if c.dep_ in ("dobj", "dative")} | {
            g.i for v in verbs for c in v.children if c.dep_ == "prep" and c.lower_ in PARTNER_PREPS
            for g in c.children if g.dep_ == "pobj"}
        partner = next((m for m in in_sentence if (r := doc.spacy[m.start:m.end].root).i in objects
                        and not any(c.dep_ == "conj" for c in r.children)  # one party of several is no pair
                        and _kind(m) in COUNTRY_KINDS and m.entities[0].country != subject.entities[0].country), None)
        if partner is not None:
            return [(partner, partner.entities[0]), (subject, subject.entities[0])]
    return []


def _one_country_at_war(doc: Doc, mentions) -> list[tuple[Mention, Entity]]:
    """'Rwandan rebels shelled government army positions ... appealed to both sides': when every
    party named is of one country, its two sides are that country's."""
    parties = [m for m in mentions if m.entities[0].country and not _is_location(doc, m)]
    countries = {m.entities[0].country for m in parties}
    return [(parties[0], parties[0].entities[0])] if len(countries) == 1 else []


def _principal_parties(doc: Doc, mentions) -> list[tuple[Mention, Entity]]:
    """'both sides' after a story of Hamas and Israel: the two countries the text has named
    most as actors so far, each more than once, nearest mention first."""
    mentions = [m for m in mentions if not _is_location(doc, m)]
    counts = Counter(e.country for m in mentions for e in m.entities[:1] if e.country)
    ranked = counts.most_common(3)
    if len(ranked) < 2 or ranked[1][1] < 2 or (len(ranked) > 2 and ranked[2][1] == ranked[1][1]):
        return []
    chosen = {ranked[0][0], ranked[1][0]}
    picked = []
    for mention in mentions:
        entity = mention.entities[0]
        if entity.country in chosen:
            chosen.discard(entity.country)
            picked.append((mention, entity))
    return picked


# "Chirac told Putin ... that France would vote against a U.S.-British resolution, and that the two
# leaders had agreed": the two people last named, not the countries
OFFICE_PLURALS = frozenset("leaders presidents ministers premiers heads".split())


def _two_countries(doc: Doc, mentions, countries_only: bool) -> list[tuple[Mention, Entity]]:
    picked: list[tuple[Mention, Entity]] = []
    countries: list[str] = []
    for mention in mentions:
        if countries_only and (_kind(mention) not in COUNTRY_KINDS or _is_location(doc, mention)):
            continue
        for entity in mention.entities:
            if entity.country and entity.country not in countries:
                countries.append(entity.country)
                picked.append((mention, entity))
        if len(countries) >= 2:
            return picked
    return []


def _is_location(doc: Doc, mention: Mention) -> bool:
    """'the war in Ukraine': a country named as where something happens does not act."""
    root = doc.spacy[mention.start:mention.end].root
    while root.dep_ in ("amod", "compound") and root.head.i != root.i:
        root = root.head  # "in the northeastern Congolese city of Kisangani"
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS


def _groups_of_possessors(doc: Doc, pronouns: list[Mention]) -> None:
    """'Pakistan ... urged its citizens': a group a possessive pronoun owns belongs to the
    country the pronoun stands for, whatever country was guessed for it before."""
    by_start = {m.start: m for m in pronouns if m.end - m.start == 1}
    for mention in (m for m in doc.mentions if m.kind == "group"):
        head = doc.spacy[mention.end - 1]
        owners = [by_start[c.i] for c in head.children if c.dep_ == "poss" and c.i in by_start]
        countries = list(dict.fromkeys(e.country for o in owners for e in o.entities if e.country))
        entity = mention.entities[0]
        if not countries or [entity.country] == countries:
            continue
        # "Saudi Arabia and Iran ... talks between their security officials": officials of each
        mention.entities = [_of_country(entity, country) for country in countries]


def _of_country(entity: Entity, country: str) -> Entity:
    name = f"{entity.name.split(' (')[0]} ({load_actor_dictionary().country_name(country)})"
    return replace(entity, country=country, code=country + (entity.sector or ""), name=name)


def _as_country(mention: Mention, entity: Entity) -> Entity:
    """In 'both nations' a person stands for the country they lead."""
    if _kind(mention) not in ("person", "org", "organisation") or not entity.country:
        return entity
    name = load_actor_dictionary().country_name(entity.country)
    sector = "GOV" if entity.sector == "GOV" else None
    return Entity(text=entity.text, name=name, country=entity.country, sector=sector,
                  code=entity.country + (sector or ""), start=entity.start, end=entity.end)


def _link(doc: Doc, start: int, end: int, antecedent: Mention | None, kind: str) -> Mention | None:
    if antecedent is None:
        return None
    entities = [_retarget(e, doc, start, end) for e in antecedent.entities]
    return Mention(start, end, entities, kind, _sent(doc, start), antecedent=antecedent)


def _retarget(entity, doc: Doc, start: int, end: int):
    sdoc = doc.spacy
    char_start, char_end = sdoc[start].idx, sdoc[end - 1].idx + len(sdoc[end - 1])
    return replace(entity, text=doc.text[char_start:char_end], start=char_start, end=char_end)


def _sent(doc: Doc, token_index: int) -> int:
    return doc.sentence_index(token_index)


OTHER_COUNTRY_WORDS = frozenset("neighbouring neighboring other another host foreign same".split())
# what a region's name allows a country described by it to be: continent codes
REGION_CONTINENTS = {
    "asian": {"AS"}, "himalayan": {"AS"}, "gulf": {"AS"}, "persian": {"AS"}, "arab": {"AS", "AF"},
    "african": {"AF"}, "sahel": {"AF"}, "sahelian": {"AF"}, "horn": {"AF"},
    "european": {"EU"}, "balkan": {"EU"}, "baltic": {"EU"}, "nordic": {"EU"}, "scandinavian": {"EU"},
    "alpine": {"EU"}, "caucasian": {"EU", "AS"}, "mediterranean": {"EU", "AF", "AS"},
    "american": {"NA", "SA"}, "latin": {"NA", "SA"}, "caribbean": {"NA", "SA"}, "andean": {"SA"},
    "pacific": {"OC", "AS", "NA", "SA"},
}
# "the Himalayan kingdom", "the Southeast Asian country", "the West African nation": names of regions,
# not of the country, so they describe it as plain words do
REGION_WORDS = frozenset(REGION_CONTINENTS) | COMPASS_DIRECTIONS | frozenset(
    "central middle eastern western southern northern atlantic indian ocean".split())


def _countries_outside_region(token, pool: "_MentionPool") -> set:
    """The countries named before 'the Central American country' that its region's name rules out."""
    allowed = None
    for word in token.doc[token.left_edge.i + 1:token.i]:
        continents = REGION_CONTINENTS.get(word.lower_)
        if continents is not None:
            allowed = continents if allowed is None else allowed & continents
    if allowed is None:
        return set()
    named = {e.country for m in pool.before(token) for e in m.entities if e.country}
    return {c for c in named if continent_of(c) is not None and continent_of(c) not in allowed}


# "the kingdom", "the emirate", "the sultanate": only a state of that form
TITLED_STATES = {
    "kingdom": frozenset("SAU MAR JOR BHR THA KHM GBR ESP NLD BEL DNK NOR SWE LSO SWZ BTN NPL TON".split()),
    "emirate": frozenset("ARE QAT KWT BHR AFG".split()),  # Bahrain until 2002; the Taliban's Islamic Emirate
    "sultanate": frozenset("OMN BRN".split()),
    # "rejected Havana's claim ..., and Clinton suspended charter flights to the island": Cuba, not Washington
    "island": frozenset("CUB TWN CYP LKA JPN IRL ISL MDG PHL IDN NZL JAM HTI DOM MLT BHR SGP TLS FJI MDV MUS SYC "
                        "CPV COM STP BRB TTO BHS GBR PNG SLB VUT WSM TON KIR NRU TUV PLW FSM MHL GRD LCA VCT DMA "
                        "ATG KNA HKG PRI".split()),
}


def _countries_not_so_titled(token, pool: "_MentionPool") -> set:
    """The countries named before 'the kingdom' that are no kingdom ('recognised Morocco's claim to
    Western Sahara ..., and the kingdom agreed': Morocco)."""
    titled = TITLED_STATES.get(token.lower_)
    if titled is None:
        return set()
    return {e.country for m in pool.before(token) for e in m.entities if e.country and e.country not in titled}


def _described_country(token) -> bool:
    """'the country', 'the island nation', 'the oil-rich kingdom': only plain words of description
    between the article and the noun; 'the neighbouring country' is another one."""
    words = list(token.doc[token.left_edge.i + 1:token.i])
    return token.left_edge.lower_ == "the" and all(
        t.dep_ in ("amod", "compound", "punct", "npadvmod") and (t.is_lower or t.lower_ in REGION_WORDS)
        and t.lower_ not in OTHER_COUNTRY_WORDS for t in words) and all(t.head.i == token.i or t.head.i in {w.i for w in words} for t in words)
