"""Score a pipeline's events against gold sentences.

``evaluate(pipeline, sentences)`` runs the pipeline and returns a plain, JSON-ready
dict; ``score(sentences, predicted)`` does the comparison alone (so it can be tested
without a pipeline) and ``format_report`` renders the dict as a table. What each
number means is in ``docs/evaluation.md``.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from .. import ontology
from ..model import Article, Entity, Event
from ..pipeline import Failure, Pipeline
from .gold import GoldEvent, GoldSentence

NONE = "NONE"  # the confusion-matrix column for "no predicted event"

Triple = tuple[str, "str | None", str]


# --- running the pipeline ------------------------------------------------------------


def evaluate(pipeline: Pipeline, sentences: list[GoldSentence], plover_coding: bool = False) -> dict:
    """Run ``pipeline`` over the gold sentences and score what it finds.

    ``plover_coding``: compare as PLOVER-coded gold does, where a future cooperative
    action is AGREE (``ontology.plover_strict_type``) and a transnational NGO (Amnesty, the
    Red Cross) is coded "IGO" like other international organisations; our own gold keeps
    the action and leaves an NGO without a country.
    """
    failures: list[Failure] = []
    predicted = predict(pipeline, sentences, failures, plover_coding)
    scores = score(sentences, predicted)
    scores["counts"]["failures"] = len(failures)
    return scores


def predict(
    pipeline: Pipeline, sentences: list[GoldSentence], failures: list[Failure] | None = None,
    plover_coding: bool = False,
) -> list[list[GoldEvent]]:
    """The pipeline's events for each sentence, in the comparable ``GoldEvent`` shape.

    A sentence whose document fails predicts nothing; the failure goes to ``failures``.
    """
    articles = [Article.create(s.text, published=s.published) for s in sentences]
    sink = failures.append if failures is not None else (lambda failure: None)
    events_by_article = {
        doc.article.article_id: [comparable(e, plover_coding) for e in doc.events()]
        for doc in pipeline.pipe(articles, on_failure=sink)
    }
    return [events_by_article.get(a.article_id, []) for a in articles]


def comparable(event: Event, plover_coding: bool = False) -> GoldEvent:
    """An extracted event reduced to what gold data states (with ``plover_coding``, in
    PLOVER's own coding: a future cooperative action is AGREE, an NGO is "IGO")."""
    event_type = ontology.plover_strict_type(event.event_type, event.aux_mode) if plover_coding else event.event_type
    international = INTERNATIONAL_SECTORS | ({"NGO"} if plover_coding else set())
    return GoldEvent(
        event_type=event_type,
        actor_countries=_countries(event.actor, international),
        recipient_countries=_countries(event.recipient, international),
        aux_mode=event.aux_mode,
        mode=event.mode,
        cameo_root=event.cameo_code[:2] if event.cameo_code else None,
    )


INTERNATIONAL_SECTORS = frozenset({"IGO"})


def _countries(entities: Iterable[Entity], international=INTERNATIONAL_SECTORS) -> set[str]:
    """Country codes; an international organisation counts as "IGO", as gold data codes it."""
    return {e.country or "IGO" for e in entities if e.country or e.sector in international}


# --- scoring -------------------------------------------------------------------------


def score(sentences: list[GoldSentence], predicted: list[list[GoldEvent]]) -> dict:
    """Compare gold and predicted events sentence by sentence (lists aligned by index)."""
    if len(sentences) != len(predicted):
        raise ValueError(f"{len(sentences)} gold sentences but {len(predicted)} predictions")
    pairs = [(s.events, p) for s, p in zip(sentences, predicted)]
    per_type = per_type_scores(pairs)
    triples = triple_scores(pairs)
    cameo_coded = any(g for g, _ in pairs) and all(e.cameo_root for g, _ in pairs for e in g)
    actor = actor_country_scores(pairs)
    aux = aux_mode_scores(pairs)
    modes = mode_scores(pairs)
    return {
        "counts": {
            "sentences": len(sentences),
            "gold_events": sum(len(g) for g, _ in pairs),
            "predicted_events": sum(len(p) for _, p in pairs),
            "uncoded_gold_events": sum(s.uncoded_events for s in sentences),
            "failures": 0,
        },
        "type_accuracy": type_accuracy(pairs),
        "actor_country_accuracy": actor["same_type"],
        "actor_country_accuracy_any_type": actor["any_type"],
        "actor_country_events": actor["events"],
        "triples": triples,
        "triple_f1": triples["f1"],
        # PETRARCH-style (actor country, recipient country, CAMEO root), when the gold is CAMEO-coded
        "cameo_triples": triple_scores(pairs, by=by_cameo_root) if cameo_coded else None,
        "per_type": per_type,
        "macro_f1": _mean([t["f1"] for t in per_type.values()]),
        "aux_mode_accuracy": aux["accuracy"],
        "aux_mode_events": aux["events"],
        "mode_accuracy": modes["accuracy"],
        "mode_events": modes["events"],
        "confusion": confusion_matrix(pairs),
    }


Pairs = list[tuple[list[GoldEvent], list[GoldEvent]]]


def type_accuracy(pairs: Pairs) -> float | None:
    """Share of gold events with a predicted event of the same type in their sentence."""
    hits = [_typed(g, predicted) for gold, predicted in pairs for g in gold]
    return _share(hits)


def actor_country_scores(pairs: Pairs) -> dict:
    """Among gold events with an actor country: was a gold actor country predicted as actor?

    ``same_type`` asks it of predicted events of the gold type, ``any_type`` of any.
    """
    same_type, any_type = [], []
    for gold, predicted in pairs:
        for g in gold:
            if not g.actor_countries:
                continue
            hits = [p for p in predicted if p.actor_countries & g.actor_countries]
            any_type.append(bool(hits))
            same_type.append(any(p.event_type == g.event_type for p in hits))
    return {"same_type": _share(same_type), "any_type": _share(any_type), "events": len(same_type)}


def by_type(event: GoldEvent) -> str | None:
    return event.event_type


def by_cameo_root(event: GoldEvent) -> str | None:
    return event.cameo_root


def triples(events: Iterable[GoldEvent], by=by_type) -> set[Triple]:
    """(actor country, recipient country or None, type), one per actor x recipient pair;
    ``by=by_cameo_root`` puts the CAMEO root where the type goes."""
    found: set[Triple] = set()
    for event in events:
        recipients = sorted(event.recipient_countries) or [None]
        for actor in event.actor_countries:
            found.update((actor, recipient, by(event)) for recipient in recipients)
    return found


def triple_scores(pairs: Pairs, by=by_type) -> dict:
    """Micro precision/recall/F1 of triples, matched within each sentence."""
    tp = n_gold = n_predicted = 0
    for gold, predicted in pairs:
        gold_triples, predicted_triples = triples(gold, by), triples(predicted, by)
        tp += len(gold_triples & predicted_triples)
        n_gold += len(gold_triples)
        n_predicted += len(predicted_triples)
    return {"gold": n_gold, "predicted": n_predicted, "tp": tp, **_prf(tp, n_predicted, n_gold)}


def per_type_scores(pairs: Pairs) -> dict:
    """Per event type: counts, precision/recall/F1 and type accuracy.

    Within a sentence, events of one type match as multisets: 2 gold and 1 predicted
    REJECT give one true positive. Types appear if they occur in gold or predictions.
    """
    gold_n, predicted_n, tp, typed = Counter(), Counter(), Counter(), Counter()
    roles: dict[str, dict[str, list[bool]]] = {}
    for gold, predicted in pairs:
        gold_types = Counter(g.event_type for g in gold)
        predicted_types = Counter(p.event_type for p in predicted)
        gold_n.update(gold_types)
        predicted_n.update(predicted_types)
        tp.update({t: min(n, predicted_types[t]) for t, n in gold_types.items()})
        typed.update(g.event_type for g in gold if _typed(g, predicted))
        for g in gold:
            _score_roles(roles.setdefault(g.event_type, {"actor": [], "recipient": [], "aux": [], "mode": []}), g, predicted)
    return {
        t: {
            "gold": gold_n[t],
            "predicted": predicted_n[t],
            "tp": tp[t],
            **_prf(tp[t], predicted_n[t], gold_n[t]),
            "type_accuracy": typed[t] / gold_n[t] if gold_n[t] else None,
            "actor_accuracy": _share(roles.get(t, {}).get("actor", [])),
            "recipient_accuracy": _share(roles.get(t, {}).get("recipient", [])),
            "aux_mode_accuracy": _share(roles.get(t, {}).get("aux", [])),
            "mode_accuracy": _share(roles.get(t, {}).get("mode", [])),
        }
        for t in _ordered_types(set(gold_n) | set(predicted_n))
    }


def _score_roles(tallies: dict[str, list[bool]], gold: GoldEvent, predicted: list[GoldEvent]) -> None:
    """Actor and recipient country and aux-mode agreement with the same-type prediction that
    overlaps the gold event most (no such prediction counts as a miss). The mode is scored
    only where a same-type prediction exists: a missed event is a type error, not a mode error."""
    same_type = [p for p in predicted if p.event_type == gold.event_type]
    match = max(same_type, key=lambda p: _overlap(gold, p)) if same_type else None
    if gold.actor_countries:
        tallies["actor"].append(match is not None and bool(match.actor_countries & gold.actor_countries))
    if gold.recipient_countries:
        tallies["recipient"].append(match is not None and bool(match.recipient_countries & gold.recipient_countries))
    if gold.aux_mode is not None:
        tallies["aux"].append(match is not None and match.aux_mode == gold.aux_mode)
    if gold.mode is not None and match is not None:
        tallies["mode"].append(match.mode == gold.mode)


def best_match(gold: GoldEvent, predicted: list[GoldEvent]) -> GoldEvent | None:
    """The predicted event that overlaps ``gold`` most: same type first, then shared
    actor and recipient countries; ties go to the earliest prediction."""
    if not predicted:
        return None
    return max(predicted, key=lambda p: (p.event_type == gold.event_type, _overlap(gold, p)))


def confusion_matrix(pairs: Pairs) -> dict:
    """gold type -> {type of the best-matching predicted event (or NONE) -> count}."""
    matrix: dict[str, Counter] = {}
    for gold, predicted in pairs:
        for g in gold:
            match = best_match(g, predicted)
            matrix.setdefault(g.event_type, Counter())[match.event_type if match else NONE] += 1
    return {t: dict(matrix[t]) for t in _ordered_types(set(matrix))}


def aux_mode_scores(pairs: Pairs) -> dict:
    """Among gold events with an aux mode: does the best-matching prediction carry it?"""
    hits = []
    for gold, predicted in pairs:
        for g in gold:
            if g.aux_mode is None:
                continue
            match = best_match(g, predicted)
            hits.append(match is not None and match.aux_mode == g.aux_mode)
    return {"accuracy": _share(hits), "events": len(hits)}


def mode_scores(pairs: Pairs) -> dict:
    """Among gold events with a mode and a same-type prediction: does the best-overlapping one carry it?"""
    tallies: dict[str, list[bool]] = {"actor": [], "recipient": [], "aux": [], "mode": []}
    for gold, predicted in pairs:
        for g in gold:
            _score_roles(tallies, g, predicted)
    return {"accuracy": _share(tallies["mode"]), "events": len(tallies["mode"])}


def _typed(gold: GoldEvent, predicted: list[GoldEvent]) -> bool:
    return any(p.event_type == gold.event_type for p in predicted)


def _overlap(a: GoldEvent, b: GoldEvent) -> int:
    return len(a.actor_countries & b.actor_countries) + len(
        a.recipient_countries & b.recipient_countries
    )


def _prf(tp: int, n_predicted: int, n_gold: int) -> dict:
    precision = tp / n_predicted if n_predicted else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _share(hits: list[bool]) -> float | None:
    return sum(hits) / len(hits) if hits else None


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _ordered_types(types: set[str]) -> list[str]:
    """PLOVER order first, then anything unexpected alphabetically."""
    known = [t for t in ontology.EVENT_TYPES if t in types]
    return known + sorted(types - set(known))


# --- report --------------------------------------------------------------------------


def format_report(scores: dict) -> str:
    """A readable plain-text report: headline numbers, per-type table, confusion matrix."""
    return "\n\n".join(
        [_headline(scores), _per_type_table(scores["per_type"]), _confusion_table(scores)]
    )


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def _headline(scores: dict) -> str:
    counts, t = scores["counts"], scores["triples"]
    rows = [
        ("sentences / gold events / predicted events / failures",
         f"{counts['sentences']} / {counts['gold_events']} / "
         f"{counts['predicted_events']} / {counts['failures']}"),
        ("type accuracy", _fmt(scores["type_accuracy"])),
        (f"actor-country accuracy, same type (n={scores['actor_country_events']})",
         _fmt(scores["actor_country_accuracy"])),
        ("actor-country accuracy, any type", _fmt(scores["actor_country_accuracy_any_type"])),
        (f"triples P / R / F1 (gold {t['gold']}, predicted {t['predicted']}, tp {t['tp']})",
         f"{_fmt(t['precision'])} / {_fmt(t['recall'])} / {_fmt(t['f1'])}"),
        ("macro-F1 over types", _fmt(scores["macro_f1"])),
        (f"aux-mode accuracy (n={scores['aux_mode_events']})", _fmt(scores["aux_mode_accuracy"])),
        (f"mode accuracy, same type (n={scores['mode_events']})", _fmt(scores["mode_accuracy"])),
    ]
    cameo = scores.get("cameo_triples")
    if cameo:
        rows.insert(5, (f"CAMEO-root triples P / R / F1 (gold {cameo['gold']}, predicted {cameo['predicted']}, "
                        f"tp {cameo['tp']})", f"{_fmt(cameo['precision'])} / {_fmt(cameo['recall'])} / {_fmt(cameo['f1'])}"))
    if counts.get("uncoded_gold_events"):
        rows.insert(1, ("gold events left out (CAMEO 01 statements, no PLOVER type)", str(counts["uncoded_gold_events"])))
    width = max(len(label) for label, _ in rows)
    return "\n".join(f"{label:<{width}}  {value}" for label, value in rows)


def _per_type_table(per_type: dict) -> str:
    header = (f"{'type':<10} {'gold':>5} {'pred':>5} {'tp':>4} {'P':>6} {'R':>6} {'F1':>6} {'typeacc':>7} "
              f"{'actor':>6} {'recip':>6} {'aux':>6} {'mode':>6}")
    lines = [header, "-" * len(header)]
    for name, t in per_type.items():
        lines.append(
            f"{name:<10} {t['gold']:>5} {t['predicted']:>5} {t['tp']:>4} "
            f"{_fmt(t['precision']):>6} {_fmt(t['recall']):>6} {_fmt(t['f1']):>6} "
            f"{_fmt(t['type_accuracy']):>7} {_fmt(t.get('actor_accuracy')):>6} "
            f"{_fmt(t.get('recipient_accuracy')):>6} {_fmt(t.get('aux_mode_accuracy')):>6} "
            f"{_fmt(t.get('mode_accuracy')):>6}"
        )
    return "\n".join(lines)


_LABEL = 18  # width of the confusion matrix's row labels


def _confusion_table(scores: dict) -> str:
    matrix = scores["confusion"]
    columns = _ordered_types({c for row in matrix.values() for c in row} - {NONE}) + [NONE]
    header = "gold \\ predicted".ljust(_LABEL) + "".join(f"{c[:4]:>6}" for c in columns)
    lines = ["confusion (gold type -> best-matching predicted type)", header]
    for gold_type, row in matrix.items():
        cells = "".join(f"{row.get(c, 0) or '.':>6}" for c in columns)
        lines.append(f"{gold_type:<{_LABEL}}{cells}")
    return "\n".join(lines)
