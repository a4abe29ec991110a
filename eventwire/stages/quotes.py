"""Stage 'quotes' (being written)."""

from __future__ import annotations

from ..pipeline import Doc


class QuotesStage:
    name = "quotes"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __call__(self, doc: Doc) -> Doc:
        return doc
