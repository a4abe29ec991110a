"""The analyst tool commands: evaluate, explain, check-dictionary."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from eventwire.cli import main

GOLD = Path(__file__).parent / "gold" / "eventwire-dev.jsonl"


def test_evaluate_prints_scores_for_jsonl_gold(tmp_path):
    lines = GOLD.read_text("utf-8").splitlines()[:6]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(lines) + "\n", "utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(gold), "--format", "jsonl", "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["counts"]["gold_events"] == 5  # one of the six sentences has no event
    assert 0.0 <= scores["triple_f1"] <= 1.0


def test_evaluate_rejects_malformed_gold(tmp_path):
    gold = tmp_path / "bad.jsonl"
    gold.write_text('{"id": 1}\n', "utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(gold), "--format", "jsonl"])
    assert result.exit_code == 1
    assert "E006" in result.output and "bad.jsonl" in result.output


def test_explain_names_the_words_behind_an_event(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The Japanese prime minister will visit Seoul on Tuesday.", "utf-8")
    result = CliRunner().invoke(main, ["explain", str(article), "--published", "2023-05-01", "--event", "1"])
    assert result.exit_code == 0, result.output
    assert "CONSULT" in result.output and "2023-05-02" in result.output and "'Tuesday'" in result.output
    assert "Seoul" in result.output


def test_explain_reports_a_missing_event(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The Japanese prime minister will visit Seoul on Tuesday.", "utf-8")
    result = CliRunner().invoke(main, ["explain", str(article), "--event", "9"])
    assert result.exit_code == 1 and "no event 9" in result.output


def test_check_dictionary_lists_problems(tmp_path):
    table = tmp_path / "people.tsv"
    table.write_text("name\taliases\tcountry\tsector\trole\tstart\tend\tqid\n"
                     "Jane Doe\t\tXXX\tGOV\tminister\t2020\t2019\t\n", "utf-8")
    result = CliRunner().invoke(main, ["check-dictionary", str(table)])
    assert result.exit_code == 1
    assert "people.tsv:2" in result.output and "XXX" in result.output


def test_check_dictionary_accepts_a_good_table(tmp_path):
    table = tmp_path / "people.tsv"
    table.write_text("name\taliases\tcountry\tsector\trole\tstart\tend\tqid\n"
                     "Jane Doe\tDoe\tKEN\tGOV\tforeign minister\t2020\t\t\n", "utf-8")
    result = CliRunner().invoke(main, ["check-dictionary", str(table)])
    assert result.exit_code == 0, result.output
