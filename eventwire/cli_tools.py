"""Analyst tools on the command line: evaluate on gold data, explain an event, check tables.

Thin commands: the work is in ``eventwire.evaluate``, ``eventwire.explain`` and
``eventwire.actor_dictionary``; typed errors become messages in ``cli.main``.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

GOLD_FORMATS = click.Choice(["plover-gsr", "jsonl"])


@click.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=GOLD_FORMATS, required=True,
              help="plover-gsr (the PLOVER gold-standard JSON array) or jsonl (docs/evaluation.md).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--learned-triggers", "learned_triggers", type=click.FloatRange(0.0, 1.0), default=None, metavar="P",
              help="Also let the learned typer add events for verbs the lexicon lacks, at probability >= P.")
def evaluate(gold: Path, fmt: str, as_json: bool, learned_triggers: float | None) -> None:
    """Score eventwire on annotated GOLD data: triples, types, actors, aux modes."""
    from .evaluate.gold import read_jsonl_gold, read_plover_gsr
    from .evaluate.scoring import evaluate as score_pipeline, format_report
    from .factory import build_pipeline

    sentences = read_plover_gsr(gold) if fmt == "plover-gsr" else read_jsonl_gold(gold)
    scores = score_pipeline(build_pipeline(learned_triggers=learned_triggers), sentences,
                            plover_coding=fmt == "plover-gsr")
    click.echo(json.dumps(scores, indent=2) if as_json else format_report(scores))


@click.command()
@click.argument("article", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--event", "number", type=click.IntRange(min=1), help="Explain only event N (1-based).")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date when the file carries none.")
def explain(article: Path, number: int | None, published: str | None) -> None:
    """Show which words gave each event its type, actors, date and place, and why."""
    from .explain import explain_article

    for line in explain_article(article, number, published):
        click.echo(line)


@click.command("check-dictionary")
@click.argument("tables", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def check_dictionary(tables: tuple[Path, ...]) -> None:
    """Check user actor tables (TSV, docs/actor-dictionary.md) and list every problem."""
    from .actor_dictionary import check_tables

    problems = check_tables(list(tables))
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) in {len(tables)} table(s)")
    click.echo(f"{len(tables)} table(s) OK")


COMMANDS = (evaluate, explain, check_dictionary)
