"""Coreference good enough for attribution and actor coding.

Pronouns, definite titles ("the Russian leader", "the spokesman"), short names ("Kirby"
after "John Kirby") and plural nominals ("both nations", "the two countries") become
mentions that carry the entities of what they stand for, with their own offsets.
Rules look back a bounded number of sentences and prefer the most recent compatible
mention, which is what news prose mostly relies on.
"""

from __future__ import annotations

from dataclasses import replace

from ..pipeline import Doc, Mention

PERSON_PRONOUNS = frozenset("he him his himself she her hers herself".split())
THING_PRONOUNS = frozenset("it its itself".split())
PLURAL_PRONOUNS = frozenset("they them their themselves".split())
PLURAL_NOUNS = frozenset("nations countries sides governments states allies neighbours neighbors capitals "
                         "leaders presidents ministers delegations parties rivals".split())
PERSON_TITLES = frozenset(
    "president leader minister spokesman spokeswoman spokesperson chancellor premier king queen "
    "envoy ambassador official diplomat secretary general commander emir prince ruler".split()
)
ORG_HEADS = frozenset("ministry agency council government administration army military organisation "
                      "organization alliance bloc committee commission court parliament group movement "
                      "militia faction".split())
GENERIC_ORG_HEADS = frozenset("group movement militia faction organisation organization alliance bloc".split())
LOOKBACK_SENTENCES = 3
ACTOR_KINDS = frozenset({"country", "capital", "seat", "org", "group", "organisation", "demonym"})


class CorefStage:
    name = "coref"
    requires = ("mentions",)
    assigns = ("coref",)

    def __call__(self, doc: Doc) -> Doc:
        sdoc = doc.spacy
        resolved: list[Mention] = []
        covered = {i for m in doc.mentions for i in range(m.start, m.end)}
        self._link_short_names(doc)
        for token in sdoc:
            if token.i in covered:
                continue
            mention = self._resolve_token(doc, token, resolved)
            if mention is not None:
                resolved.append(mention)
                covered.update(range(mention.start, mention.end))
        doc.mentions = sorted(doc.mentions + resolved, key=lambda m: m.start)
        return doc

    def _resolve_token(self, doc: Doc, token, resolved: list[Mention]) -> Mention | None:
        lower = token.lower_
        if token.pos_ == "PRON" or token.tag_ in ("PRP", "PRP$"):
            if lower in PERSON_PRONOUNS:
                return self._link(doc, token.i, token.i + 1, self._recent(doc, token, resolved, {"person"}), "pronoun")
            if lower in THING_PRONOUNS:
                return self._link(doc, token.i, token.i + 1, self._recent(doc, token, resolved, ACTOR_KINDS), "pronoun")
            if lower in PLURAL_PRONOUNS:
                return self._plural(doc, token.i, token.i + 1, token, resolved)
            return None
        if token.pos_ != "NOUN":
            return None
        determiners = {c.lower_ for c in token.children if c.dep_ in ("det", "nummod", "predet")}
        if lower in PLURAL_NOUNS and determiners & {"both", "two", "the"} and (
                determiners & {"both", "two"}):
            start = min([c.i for c in token.children if c.dep_ in ("det", "nummod", "predet")] + [token.i])
            return self._plural(doc, start, token.i + 1, token, resolved)
        if lower in PERSON_TITLES and "the" in determiners and not self._has_name(doc, token):
            start = token.left_edge.i
            return self._link(doc, start, token.i + 1, self._titled_person(doc, token, resolved), "nominal")
        if lower in ORG_HEADS and "the" in determiners and token.left_edge.i == token.i - 1:
            return self._link(doc, token.i - 1, token.i + 1, self._named_org(doc, token, resolved), "nominal")
        return None

    # -- search backwards -------------------------------------------------------------------
    def _candidates(self, doc: Doc, token, resolved: list[Mention]):
        sent_start = doc.spacy[token.i].sent.start
        window_start = sent_start
        sents = list(doc.spacy.sents)
        for n, sent in enumerate(sents):
            if sent.start == sent_start:
                window_start = sents[max(0, n - LOOKBACK_SENTENCES)].start
                break
        pool = [m for m in doc.mentions + resolved if window_start <= m.start < token.i and m.kind != "place"]
        return sorted(pool, key=lambda m: m.start, reverse=True)

    def _recent(self, doc: Doc, token, resolved, kinds) -> Mention | None:
        for mention in self._candidates(doc, token, resolved):
            if mention.kind in kinds or (mention.antecedent and mention.antecedent.kind in kinds):
                if mention.entities and (mention.entities[0].country or "person" in kinds):
                    return mention
        return None

    def _titled_person(self, doc: Doc, token, resolved) -> Mention | None:
        countries = {e.country for m in doc.mentions if m.kind == "demonym" and m.start < token.i
                     and token.left_edge.i <= m.start for e in m.entities}
        for mention in self._candidates(doc, token, resolved):
            kinds = {mention.kind, mention.antecedent.kind if mention.antecedent else None}
            if "person" in kinds and (not countries or mention.entities[0].country in countries):
                return mention
        return None

    def _named_org(self, doc: Doc, token, resolved) -> Mention | None:
        """'the ministry' after 'the Foreign Ministry'; 'the group' after a named armed group."""
        generic = token.lower_ in GENERIC_ORG_HEADS
        for mention in self._candidates(doc, token, resolved):
            if mention.kind not in ("org", "organisation", "seat", "group"):
                continue
            if token.lower_ in mention.entities[0].name.lower() or (
                    generic and mention.entities[0].sector in ("REB", "NGO", "IGO", "PTY", "OPP")):
                return mention
        return None

    def _plural(self, doc: Doc, start: int, end: int, token, resolved) -> Mention | None:
        """'both nations': the two most recent distinct countries acting in the text."""
        picked: list[Mention] = []
        countries: list[str] = []
        for mention in self._candidates(doc, token, resolved):
            for entity in mention.entities:
                if entity.country and entity.country not in countries and mention.kind != "person":
                    countries.append(entity.country)
                    picked.append(mention)
            if len(countries) >= 2:
                break
        if len(countries) < 2:
            return None
        entities = []
        for mention in reversed(picked):
            entities.extend(_retarget(e, doc, start, end) for e in mention.entities if e.country in countries)
        return Mention(start, end, entities, "nominal", _sent(doc, start), antecedent=picked[0])

    def _has_name(self, doc: Doc, token) -> bool:
        return any(c.ent_type_ == "PERSON" for c in token.subtree)

    def _link(self, doc: Doc, start: int, end: int, antecedent: Mention | None, kind: str) -> Mention | None:
        if antecedent is None:
            return None
        entities = [_retarget(e, doc, start, end) for e in antecedent.entities]
        return Mention(start, end, entities, kind, _sent(doc, start), antecedent=antecedent)

    # -- "Kirby" after "John Kirby" -------------------------------------------------------------
    def _link_short_names(self, doc: Doc) -> None:
        people = [m for m in doc.mentions if m.kind == "person"]
        for n, mention in enumerate(people):
            entity = mention.entities[0]
            if entity.country:
                continue
            for earlier in reversed(people[:n]):
                full = earlier.entities[0]
                parts = full.name.split()
                short = entity.name.split()
                if full.country and len(short) == 1 and short[0] != full.name and (
                        short[0] == parts[-1] or (len(parts) == 2 and short[0] == parts[0])):
                    mention.entities = [replace(full, text=entity.text, start=entity.start, end=entity.end)]
                    mention.antecedent = earlier
                    break


def _retarget(entity, doc: Doc, start: int, end: int):
    sdoc = doc.spacy
    char_start, char_end = sdoc[start].idx, sdoc[end - 1].idx + len(sdoc[end - 1])
    return replace(entity, text=doc.text[char_start:char_end], start=char_start, end=char_end)


def _sent(doc: Doc, token_index: int) -> int:
    return doc.sentence_index(token_index)
