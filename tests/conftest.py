"""Shared fixtures: one pipeline per test session (the spaCy model loads once)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def pipeline():
    from eventwire.factory import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.exists():
        pytest.skip(f"{SHARED} is not present (shared data sits beside the repository)")
    return SHARED


def records_of(doc) -> list[dict]:
    return [r.to_dict() for r in doc.records()]


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
