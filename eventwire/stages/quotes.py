"""Quotes and who said them.

Direct quotes are the text between quotation marks (straight or typographic), whole or
partial, over one or several sentences. The speaker is the subject of the cue verb that
governs the quoted words, or of the speech verb in the same sentence ("..., said Lavrov"),
or of the sentence before when that one ends by announcing it ("Kirby stated:").
Indirect speech ("Kirby said that ...", "according to the ministry, ...") is a quote with
``direct: false``. Speakers resolve through the coref stage's mentions.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, load_lexicon
from ..model import Entity, Quote, content_hash
from ..pipeline import Doc
from .arguments import noun_complement_owner, speaker_entities, verb_arguments

QUOTE_PAIRS = re.compile(r'"([^"\n]{2,}?)"|“([^”]{2,}?)”|«([^»]{2,}?)»')
MIN_QUOTE_CHARS = 3


class QuotesStage:
    name = "quotes"
    requires = ("mentions", "coref")
    assigns = ("quotes",)

    def __init__(self, lexicon: Lexicon | None = None):
        self._lexicon = lexicon

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = load_lexicon()
        return self._lexicon

    def __call__(self, doc: Doc) -> Doc:
        quotes = self._direct_quotes(doc)
        quotes += self._indirect_quotes(doc, quotes)
        doc.quotes = sorted(quotes, key=lambda q: q.start)
        return doc

    # -- direct ---------------------------------------------------------------------------------
    def _direct_quotes(self, doc: Doc) -> list[Quote]:
        quotes = []
        for match in QUOTE_PAIRS.finditer(doc.text):
            group = next(g for g in range(1, 4) if match.group(g) is not None)
            start, end = match.start(group), match.end(group)
            start, end = _strip(doc.text, start, end)
            if end - start < MIN_QUOTE_CHARS:
                continue
            cue, speaker = self._speaker_of_span(doc, match.start(), match.end())
            quotes.append(self._quote(doc, speaker, cue, start, end, direct=True))
        return quotes

    def _speaker_of_span(self, doc: Doc, start: int, end: int) -> tuple[str | None, Entity | None]:
        span = doc.spacy.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None, None
        inside = {t.i for t in span}
        for verb in self._governing_cues(span, inside):
            speaker = self._subject_entity(doc, verb)
            if speaker is not None:
                return verb.lemma_.lower(), speaker
        sentences = _sentences_around(doc, span)
        for verb in self._speech_verbs_outside(sentences, inside):
            speaker = self._subject_entity(doc, verb)
            if speaker is not None:
                return verb.lemma_.lower(), speaker
        return None, None

    def _governing_cues(self, span, inside: set[int]):
        """Verbs outside the quote that the quoted words hang from ('described as "..."')."""
        seen = set()
        for token in span:
            node = token
            for _ in range(6):
                head = node.head
                if head.i == node.i:
                    break
                if head.i not in inside and head.pos_ in ("VERB", "AUX") and head.i not in seen:
                    seen.add(head.i)
                    if self._is_cue(head):
                        yield head
                node = head

    def _speech_verbs_outside(self, sentences, inside: set[int]):
        for sent in sentences:
            for token in sent:
                if token.i not in inside and token.pos_ == "VERB" and self._is_cue(token):
                    yield token

    def _is_cue(self, token) -> bool:
        lemma = token.lemma_.lower()
        return lemma in self.lexicon.speech_verbs or lemma in self.lexicon.quote_cues

    def _subject_entity(self, doc: Doc, verb) -> Entity | None:
        actor_tokens, _ = verb_arguments(verb)
        entities = speaker_entities(doc, actor_tokens)
        return _combine(entities)

    # -- indirect ------------------------------------------------------------------------------
    def _indirect_quotes(self, doc: Doc, direct: list[Quote]) -> list[Quote]:
        quotes = []
        covered = [(q.start, q.end) for q in direct]
        for token in doc.spacy:
            span = None
            if token.pos_ == "VERB" and token.lemma_.lower() in self.lexicon.speech_verbs:
                span = self._complement_clause(token)
                speaker = self._subject_entity(doc, token) if span else None
                cue = token.lemma_.lower()
            elif token.lower_ == "according" and token.dep_ == "prep":
                span, speaker = self._according_to(doc, token)
                cue = "according to"
            if not span or speaker is None:
                continue
            start, end = _strip(doc.text, span[0], span[1])
            if end - start < MIN_QUOTE_CHARS or any(s < end and start < e for s, e in covered):
                continue
            quotes.append(self._quote(doc, speaker, cue, start, end, direct=False))
            covered.append((start, end))
        return quotes

    def _complement_clause(self, verb) -> tuple[int, int] | None:
        for child in verb.children:
            if child.dep_ == "ccomp" and noun_complement_owner(child) is None:
                tokens = [t for t in child.subtree if not (t.dep_ == "mark" and t.lower_ == "that" and t.head.i == child.i)]
                if len(tokens) < 3:
                    return None
                return tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        return None

    def _according_to(self, doc: Doc, token):
        objects = [g for c in token.children for g in c.children if g.dep_ == "pobj"]
        if not objects:
            return None, None
        speaker = _combine(speaker_entities(doc, objects))
        sent = token.sent
        clause = [t for t in sent if t.i not in {n.i for n in token.subtree} and not t.is_punct]
        if not clause:
            return None, None
        return (clause[0].idx, clause[-1].idx + len(clause[-1])), speaker

    def _quote(self, doc: Doc, speaker: Entity | None, cue, start: int, end: int, direct: bool) -> Quote:
        article_id = doc.article.article_id
        return Quote(
            quote_id=content_hash("quote", article_id, start, end),
            article_id=article_id,
            speaker=speaker,
            cue=cue,
            text=doc.text[start:end],
            start=start,
            end=end,
            direct=direct,
        )


def _combine(entities: list[Entity]) -> Entity | None:
    """A quote has one speaker: the first (a joint statement keeps its first signatory)."""
    return entities[0] if entities else None


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n,":
        start += 1
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    return start, end


def _sentences_around(doc: Doc, span) -> list:
    """The quote's own sentences, then the one before (which may announce it with a colon)."""
    first = span[0].sent
    last = span[-1].sent
    result = [first] if first.start == last.start else [first, last]
    if first.start > 0:
        previous = doc.spacy[first.start - 1].sent
        if previous.text.rstrip().endswith(":"):
            result.append(previous)
    if last.end < len(doc.spacy):
        result.append(doc.spacy[last.end].sent)
    return result
