"""Quotes and who said them.

Direct quotes are the words between quotation marks (``quote_marks``): whole sentences,
partial quotes inside a sentence, several sentences, several paragraphs. Their speaker is
looked for in this order, the first that names someone wins:

1. the cue verb the quoted words hang from ('described as "..."', '"...", said Lavrov');
2. the speech verb nearest the quote in the sentences it spans ('Lavrov said, "..."');
3. the sentence before, when it announces the quote ('Kirby stated:', 'Kirby told reporters.');
4. the sentence just after, when it is only the tag the parser split off ('... he added.');
5. the quotation before it, when it sits right before ('"A," he said. "B."').

Indirect speech ("Kirby said that ...", "..., the ministry said", "according to the ministry,
...") is a quote with ``direct: false``. Speakers resolve through the coref stage's mentions,
so a pronoun or "the spokesman" yields the person it stands for.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import UsesLexicon
from ..model import Entity, Quote, content_hash
from ..pipeline import Doc
from .arguments import noun_complement_owner, speaker_entities, verb_arguments
from .quote_marks import QuotedSpan, quoted_spans

MIN_QUOTE_CHARS = 3
MIN_UNATTRIBUTED_WORDS = 4  # shorter quoted words without a speaker are scare quotes or titles
CONTINUATION_SENTENCES = 2  # a quote inherits the speaker of a quotation this close before it
EDGE_CHARS = " \t\n,;:—–-"


@dataclass
class _Attribution:
    cue: str | None
    speaker: Entity | None


NO_ATTRIBUTION = _Attribution(None, None)


class QuotesStage(UsesLexicon):
    name = "quotes"
    requires = ("mentions", "coref")
    assigns = ("quotes",)

    def __call__(self, doc: Doc) -> Doc:
        spans = quoted_spans(doc.text)
        quotes = self._direct_quotes(doc, spans)
        quotes += self._indirect_quotes(doc, spans)
        doc.quotes = sorted(quotes, key=lambda q: q.start)
        return doc

    # -- direct ---------------------------------------------------------------------------------
    def _direct_quotes(self, doc: Doc, spans: list[QuotedSpan]) -> list[Quote]:
        quoted = _quoted_token_ids(doc, spans)
        quotes: list[Quote] = []
        previous: tuple[int, _Attribution] | None = None  # (last sentence, attribution)
        for unit in _units(spans):
            tokens = _unit_tokens(doc, unit)
            if not tokens:
                continue
            attribution = self._attribute(doc, tokens, quoted)
            if attribution.speaker is None and previous is not None and _starts_sentence(tokens[0]) and \
                    doc.sentence_index(tokens[0].i) - previous[0] <= CONTINUATION_SENTENCES:
                attribution = previous[1]
            if attribution.speaker is not None:
                previous = (doc.sentence_index(tokens[-1].i), attribution)
            for span in unit:
                start, end = _strip(doc.text, span.start, span.end)
                if end - start < MIN_QUOTE_CHARS:
                    continue
                if attribution.speaker is None and _looks_like_scare_quote(doc.text[start:end]):
                    continue
                quotes.append(self._quote(doc, attribution, start, end, direct=True))
        return quotes

    def _attribute(self, doc: Doc, tokens: list, quoted: set[int]) -> _Attribution:
        inside = {t.i for t in tokens}
        finders = (
            lambda: self._governing_cues(tokens, inside),
            lambda: self._nearest_speech_verbs(doc, tokens, quoted),
            lambda: self._announcing_verbs(doc, tokens, quoted),
            lambda: self._trailing_tag_verbs(doc, tokens, quoted),
            lambda: self._previous_person_subject(doc, tokens),
        )
        for candidates in finders:
            for verb in candidates():
                speaker = self._subject_entity(doc, verb)
                if speaker is not None:
                    return _Attribution(verb.lemma_.lower(), speaker)
        return NO_ATTRIBUTION

    def _governing_cues(self, tokens: list, inside: set[int]):
        """Verbs outside the quote that the quoted words hang from ('described as "..."')."""
        seen: set[int] = set()
        for token in tokens:
            node = token
            for _ in range(6):
                head = node.head
                if head.i == node.i or head.sent.start != token.sent.start:
                    break
                if head.i not in inside and head.pos_ in ("VERB", "AUX") and head.i not in seen:
                    seen.add(head.i)
                    if self._is_cue(head):
                        yield head
                node = head

    def _nearest_speech_verbs(self, doc: Doc, tokens: list, quoted: set[int]):
        first, last = tokens[0].i, tokens[-1].i
        sentences = _distinct_sentences(doc, tokens)
        candidates = [t for sent in sentences for t in sent
                      if t.i not in quoted and self._is_cue(t)]
        return sorted(candidates, key=lambda t: min(abs(t.i - first), abs(t.i - last)))

    def _announcing_verbs(self, doc: Doc, tokens: list, quoted: set[int]):
        """'Kirby stated:' or 'Kirby told reporters on Monday.' right before the quote."""
        first_sentence = tokens[0].sent
        if first_sentence.start == 0 or not _starts_sentence(tokens[0]):
            return []
        previous = doc.spacy[first_sentence.start - 1].sent
        announces = previous.text.rstrip().endswith(":")
        return [t for t in previous if t.i not in quoted and self._is_cue(t)
                and (announces or not _has_clausal_content(t, quoted))]

    def _trailing_tag_verbs(self, doc: Doc, tokens: list, quoted: set[int]):
        """'... ," he added.' where the parser split the tag into a sentence of its own."""
        last_sentence = tokens[-1].sent
        if last_sentence.end >= len(doc.spacy):
            return []
        following = doc.spacy[last_sentence.end].sent
        if len([t for t in following if not t.is_punct]) > 6:
            return []
        return [t for t in following if t.i not in quoted and self._is_cue(t)
                and not _has_clausal_content(t, quoted)]

    def _previous_person_subject(self, doc: Doc, tokens: list):
        """'Peskov was blunt. "Nobody ..."': a quote standing alone after a sentence about a
        person is that person's."""
        first_sentence = tokens[0].sent
        if first_sentence.start == 0 or not _starts_sentence(tokens[0]):
            return []
        root = doc.spacy[first_sentence.start - 1].sent.root
        subjects = [c for c in root.children if c.dep_ == "nsubj"]
        mention = doc.mention_at(subjects[0].i) if subjects else None
        person = mention is not None and (mention.kind == "person" or (
            mention.antecedent is not None and mention.antecedent.kind == "person"))
        return [root] if person else []

    def _is_cue(self, token) -> bool:
        if token.pos_ not in ("VERB", "AUX"):
            return False
        lemma = token.lemma_.lower()
        return lemma in self.lexicon.speech_verbs or lemma in self.lexicon.quote_cues

    def _subject_entity(self, doc: Doc, verb) -> Entity | None:
        actor_tokens, _ = verb_arguments(verb)
        actor_tokens = [_reporter_of_unresolved(doc, t, verb) for t in actor_tokens]
        return _first(_named_person(doc, actor_tokens) or speaker_entities(doc, actor_tokens))

    # -- indirect ------------------------------------------------------------------------------
    def _indirect_quotes(self, doc: Doc, spans: list[QuotedSpan]) -> list[Quote]:
        quotes = []
        covered = [(s.start, s.end) for s in spans]
        for token in doc.spacy:
            for (start, end), attribution in self._indirect_at(doc, token):
                start, end = _strip(doc.text, start, end)
                if end - start < MIN_QUOTE_CHARS or any(s < end and start < e for s, e in covered):
                    continue
                quotes.append(self._quote(doc, attribution, start, end, direct=False))
                covered.append((start, end))
        return quotes

    def _indirect_at(self, doc: Doc, token) -> list:
        if token.pos_ == "VERB" and token.lemma_.lower() in self.lexicon.speech_verbs:
            clauses = self._complement_clauses(token) or _parenthetical_host(token)
            speaker = self._subject_entity(doc, token) if clauses else None
            attribution = _Attribution(token.lemma_.lower(), speaker)
            return [(clause, attribution) for clause in clauses] if speaker else []
        if token.lower_ == "according" and token.dep_ == "prep":
            span, speaker = _according_to(doc, token)
            return [(span, _Attribution("according to", speaker))] if span and speaker else []
        return []

    def _complement_clauses(self, verb) -> list[tuple[int, int]]:
        """'said (that) X and that Y': X and Y, each a clause with a verb of its own."""
        for child in verb.children:
            if child.dep_ != "ccomp" or child.pos_ not in ("VERB", "AUX"):
                continue
            owner = noun_complement_owner(child)
            if owner is not None and owner.lemma_.lower() in self.lexicon.reporting_nouns:
                return []  # 'denied the claim that X': the claim's, not the verb's
            parts = [child] + [c for c in child.children if c.dep_ == "conj" and _that_mark(c) is not None]
            return [span for span in (_clause_span(part, parts) for part in parts) if span]
        return []

    def _quote(self, doc: Doc, attribution: _Attribution, start: int, end: int, direct: bool) -> Quote:
        article_id = doc.article.article_id
        return Quote(
            quote_id=content_hash("quote", article_id, start, end),
            article_id=article_id,
            speaker=attribution.speaker,
            cue=attribution.cue,
            text=doc.text[start:end],
            start=start,
            end=end,
            direct=direct,
        )


def _units(spans: list[QuotedSpan]) -> list[list[QuotedSpan]]:
    """Spans grouped into quotations: paragraphs of one quotation share a unit."""
    units: dict[int, list[QuotedSpan]] = {}
    for span in spans:
        units.setdefault(span.unit, []).append(span)
    return list(units.values())


def _unit_tokens(doc: Doc, unit: list[QuotedSpan]) -> list:
    tokens = []
    for span in unit:
        chars = doc.spacy.char_span(span.start, span.end, alignment_mode="expand")
        if chars is not None:
            tokens.extend(t for t in chars if not t.is_space)
    return tokens


def _quoted_token_ids(doc: Doc, spans: list[QuotedSpan]) -> set[int]:
    """Tokens inside any quote, with the marks themselves: no cue is looked for there."""
    ids: set[int] = set()
    for span in spans:
        chars = doc.spacy.char_span(max(0, span.start - 1), min(len(doc.text), span.end + 1),
                                    alignment_mode="expand")
        if chars is not None:
            ids.update(t.i for t in chars)
    return ids


def _distinct_sentences(doc: Doc, tokens: list) -> list:
    sentences, seen = [], set()
    for token in tokens:
        sent = token.sent
        if sent.start not in seen:
            seen.add(sent.start)
            sentences.append(sent)
    return sentences


def _starts_sentence(token) -> bool:
    """The quote opens its sentence (only its opening mark and spaces come before)."""
    return all(t.is_punct or t.is_space for t in token.sent if t.i < token.i)


def _has_clausal_content(verb, quoted: set[int]) -> bool:
    """The verb reports something of its own outside quotes ('Kirby said the talks failed')."""
    return any(c.dep_ in ("ccomp", "xcomp") and c.i not in quoted for c in verb.children)


def _clause_span(clause, parts: list) -> tuple[int, int] | None:
    """A clause's words without its 'that', and without the sibling clauses split off."""
    excluded = {t.i for other in parts if other.i != clause.i and other.head.i == clause.i for t in other.subtree}
    tokens = [t for t in clause.subtree if t.i not in excluded and not (
        t.dep_ == "mark" and t.lower_ == "that" and t.head.i == clause.i)]
    while tokens and (tokens[-1].dep_ == "cc" or tokens[-1].is_punct):
        tokens.pop()
    if len(tokens) < 3:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _that_mark(clause):
    return next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"), None)


def _parenthetical_host(verb) -> list[tuple[int, int]]:
    """'Beijing, it said, posed no threat': the clause the speech verb interrupts."""
    if verb.dep_ != "parataxis" or any(c.dep_ in ("ccomp", "dobj") for c in verb.children):
        return []
    host = verb.head
    if host.pos_ not in ("VERB", "AUX") or host.i < verb.i:
        return []
    tokens = [t for t in host.subtree if t.i not in {n.i for n in verb.subtree} and not t.is_space]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    return [(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))] if len(tokens) >= 3 else []


def _named_person(doc: Doc, tokens: list) -> list[Entity]:
    """'A government spokesman, Zoltan Kovacs,' / "the group's leader Hassan Nasrallah": the
    named person in the subject's phrase speaks, not the group the title mentions."""
    for token in tokens:
        for child in token.children:
            if child.dep_ in ("appos", "compound"):
                mention = doc.mention_at(child.i)
                if mention is not None and mention.kind == "person":
                    return list(mention.entities)
    return []


def _reporter_of_unresolved(doc: Doc, token, verb):
    """'Hajiyev welcomed what he called ...': a pronoun coref left open is the subject of the
    clause it is embedded in."""
    if token.pos_ != "PRON" or doc.mention_at(token.i) is not None:
        return token
    for ancestor in verb.ancestors:
        subjects = [c for c in ancestor.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
        if subjects:
            return subjects[0]
    return token


def _according_to(doc: Doc, token):
    """'according to the ministry, X': X is what the ministry says."""
    objects = [g for c in token.children for g in c.children if g.dep_ == "pobj"]
    if not objects:
        return None, None
    speaker = _first(speaker_entities(doc, objects))
    attributed = {n.i for n in token.subtree}
    clause = [t for t in token.sent if t.i not in attributed and not t.is_punct and not t.is_space]
    if not clause:
        return None, None
    return (clause[0].idx, clause[-1].idx + len(clause[-1])), speaker


def _first(entities: list[Entity]) -> Entity | None:
    """A quote has one speaker: the first (a joint statement keeps its first signatory)."""
    return entities[0] if entities else None


def _looks_like_scare_quote(text: str) -> bool:
    """Short quoted phrases and titles ('the so-called "deal"', "Game of Thrones")."""
    words = text.split()
    if len(words) < MIN_UNATTRIBUTED_WORDS:
        return True
    content = [w for w in words if w[:1].isalpha() and len(w) > 3]
    return bool(content) and all(w[0].isupper() for w in content)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in EDGE_CHARS:
        start += 1
    while end > start and text[end - 1] in EDGE_CHARS:
        end -= 1
    return start, end
