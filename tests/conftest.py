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


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright, one for the whole session (a second sync
    Playwright cannot start while one runs); never a browser Playwright downloads."""
    import os

    from playwright.sync_api import sync_playwright

    executable = os.environ.get("EVENTWIRE_CHROMIUM", "/usr/bin/chromium")
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=args)
        yield launched
        launched.close()


def records_of(doc) -> list[dict]:
    return [r.to_dict() for r in doc.records()]


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
