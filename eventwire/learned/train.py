"""Train the event typer from our own labelled sentences: ``python -m eventwire.learned.train``.

Input: ``training/typer.jsonl`` (one sentence per line with the trigger word and its PLOVER type or
NONE; see ``training/README.md``), plus the lexicon's own entries as one-word examples. Output:
``eventwire/resources/typer.npz``. Deterministic: the same data gives the same model.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from importlib import resources
from pathlib import Path

import numpy as np

from eventwire.errors import InputError
from eventwire.ontology import EVENT_TYPES

from .typer import MODEL_RESOURCE, NONE, EventTyper, trigger_phrase

TRAINING_FILE = Path(__file__).resolve().parents[2] / "training" / "typer.jsonl"
TARGET_PRECISION = 0.9  # the threshold is the lowest whose cross-validated precision reaches this
FOLDS = 5


def read_examples(path: Path) -> list[dict]:
    if not path.is_file():
        raise InputError(str(path), "no training file here (it lives in the repository's training/ folder)")
    examples = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"not JSON ({exc.msg})", line=number) from exc
        if item.get("event_type") not in (*EVENT_TYPES, NONE):
            raise InputError(str(path), f"event_type must be a PLOVER type or NONE, got {item.get('event_type')!r}",
                             line=number)
        if not item.get("trigger") or item["trigger"] not in item.get("text", ""):
            raise InputError(str(path), f"trigger {item.get('trigger')!r} is not in the text", line=number)
        examples.append(item)
    return examples


def trigger_token(doc, trigger: str):
    for token in doc:
        if token.text == trigger:
            return token
    return None


def sentence_phrases(examples: list[dict]) -> tuple[list[str], list[str]]:
    from eventwire.stages.nlp import load_model

    phrases, labels = [], []
    for item, doc in zip(examples, load_model().pipe(e["text"] for e in examples)):
        token = trigger_token(doc, item["trigger"])
        if token is None:  # the tokenizer split the trigger word differently
            continue
        phrases.append(trigger_phrase(token))
        labels.append(item["event_type"])
    return phrases, labels


def lexicon_digest() -> str:
    """The lexicon's entries are training examples too: the model records which lexicon it saw."""
    return hashlib.sha256(resources.files("eventwire.resources").joinpath("lexicon.yaml").read_bytes()).hexdigest()


def lexicon_phrases() -> tuple[list[str], list[str]]:
    from eventwire.lexicon import load_lexicon

    lexicon = load_lexicon()
    phrases, labels = [], []
    for table in (lexicon.verbs, lexicon.nouns):
        for key, entry in sorted(table.items()):
            phrases.append(key)
            labels.append(entry.event_type)
    for verb in sorted(lexicon.reporting_verbs | lexicon.speech_verbs):
        if verb not in lexicon.verbs:
            phrases.append(verb)
            labels.append(NONE)
    return phrases, labels


def fit(x: np.ndarray, y: np.ndarray, classes: int, l2: float = 1e-4, steps: int = 600) -> tuple[np.ndarray, np.ndarray]:
    """Softmax regression by full-batch Adam from zero: deterministic, and seconds on a laptop."""
    counts = np.bincount(y, minlength=classes).astype(np.float64)
    sample_weight = (len(y) / (classes * np.maximum(counts, 1)))[y]  # rare types count as much as common ones
    sample_weight /= sample_weight.sum()
    weights = np.zeros((x.shape[1], classes))
    bias = np.zeros(classes)
    onehot = np.eye(classes)[y]
    moments = [np.zeros_like(weights), np.zeros_like(bias)]
    squares = [np.zeros_like(weights), np.zeros_like(bias)]
    rate, beta1, beta2 = 0.05, 0.9, 0.999
    for step in range(1, steps + 1):
        logits = x @ weights + bias
        logits -= logits.max(1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(1, keepdims=True)
        error = (p - onehot) * sample_weight[:, None]
        grads = [x.T @ error + l2 * weights, error.sum(0)]
        for i, (param, grad) in enumerate(zip((weights, bias), grads)):
            moments[i] = beta1 * moments[i] + (1 - beta1) * grad
            squares[i] = beta2 * squares[i] + (1 - beta2) * grad * grad
            update = rate * (moments[i] / (1 - beta1 ** step)) / (np.sqrt(squares[i] / (1 - beta2 ** step)) + 1e-8)
            param -= update
    return weights.astype(np.float32), bias.astype(np.float32)


def precision_recall(probabilities: np.ndarray, y: np.ndarray, classes: list[str], threshold: float) -> tuple[float, float, int]:
    none = classes.index(NONE)
    best = probabilities.argmax(1)
    taken = (best != none) & (probabilities.max(1) >= threshold)
    events = y != none
    correct = taken & (best == y)
    precision = correct.sum() / max(taken.sum(), 1)
    recall = correct.sum() / max(events.sum(), 1)
    return float(precision), float(recall), int(taken.sum())


def choose_threshold(probabilities: np.ndarray, y: np.ndarray, classes: list[str]) -> tuple[float, list[dict]]:
    curve = []
    for threshold in np.round(np.arange(0.3, 0.96, 0.05), 2):
        precision, recall, taken = precision_recall(probabilities, y, classes, float(threshold))
        curve.append({"threshold": float(threshold), "precision": round(precision, 3), "recall": round(recall, 3),
                      "taken": taken})
    good = [c["threshold"] for c in curve if c["precision"] >= TARGET_PRECISION]
    return (min(good) if good else curve[-1]["threshold"]), curve


def train(path: Path = TRAINING_FILE, output: Path | None = None) -> dict:
    from .encoder import load_encoder

    examples = read_examples(path)
    sentence_x, sentence_y = sentence_phrases(examples)
    lexicon_x, lexicon_y = lexicon_phrases()
    classes = [*EVENT_TYPES, NONE]
    encoder = load_encoder()
    x_sent = encoder.encode(sentence_x).astype(np.float64)
    y_sent = np.array([classes.index(label) for label in sentence_y])
    x_lex = encoder.encode(lexicon_x).astype(np.float64)
    y_lex = np.array([classes.index(label) for label in lexicon_y])
    # Held-out estimate on the sentences; the lexicon's words are always in training.
    held_out = np.zeros((len(y_sent), len(classes)))
    folds = np.arange(len(y_sent)) % FOLDS
    for fold in range(FOLDS):
        train_rows = folds != fold
        weights, bias = fit(np.vstack([x_sent[train_rows], x_lex]), np.concatenate([y_sent[train_rows], y_lex]),
                            len(classes))
        held_out[~train_rows] = EventTyper(classes, weights, bias, 0.0).probabilities(x_sent[~train_rows])
    threshold, curve = choose_threshold(held_out, y_sent, classes)
    weights, bias = fit(np.vstack([x_sent, x_lex]), np.concatenate([y_sent, y_lex]), len(classes))
    output = output or Path(str(resources.files("eventwire.resources").joinpath(MODEL_RESOURCE)))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    np.savez(output, classes=np.array(classes), weights=weights, bias=bias, threshold=np.float32(threshold),
             training_sha256=np.array(digest), lexicon_sha256=np.array(lexicon_digest()))
    precision, recall, taken = precision_recall(held_out, y_sent, classes, threshold)
    return {"examples": len(y_sent), "lexicon_examples": len(y_lex), "threshold": threshold,
            "held_out_precision": round(precision, 3), "held_out_recall": round(recall, 3), "curve": curve,
            "model": str(output), "training_sha256": digest}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=TRAINING_FILE)
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args(argv)
    report = train(args.data, args.output)
    json.dump(report, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
