"""A generated corpus of near-duplicate news reports, to measure the grouping.

Each *original* is a report of several paragraphs; its *variants* are what wire services
and updates make of it: the same text under another headline, a few words edited and a
sentence added, the paragraphs reordered, a trimmed version. Distinct originals share a
vocabulary and a style, so they are not trivially apart. ``pairwise_scores`` gives the
precision and recall of a predicted grouping against the true one.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

_SUBJECTS = ("The foreign ministry", "Government officials", "The defence minister", "Opposition leaders",
             "The central bank", "Regional governors", "Trade negotiators", "The prime minister",
             "Military commanders", "The election commission", "Aid agencies", "Police officials")
_VERBS = ("announced", "rejected", "welcomed", "criticised", "postponed", "approved", "discussed",
          "questioned", "signed", "suspended", "proposed", "investigated")
_OBJECTS = ("a new border agreement", "the grain export deal", "plans for a pipeline",
            "the disputed election results", "sanctions on fuel imports", "a ceasefire proposal",
            "the port expansion", "emergency aid for flood victims", "a loan from abroad",
            "the arrest of two journalists", "talks with rebel groups", "a tariff on steel")
_PLACES = ("in the capital", "near the northern border", "at the port city", "in the southern province",
           "during a late-night session", "at a press conference", "in a written statement",
           "after a week of protests", "before the summit", "in parliament")
_TAILS = ("officials said", "according to local media", "the agency reported", "witnesses said",
          "a spokesperson confirmed", "sources told reporters", "the statement said")


@dataclass
class GeneratedArticle:
    text: str
    title: str
    group: int  # the original it derives from (its own index for an original)
    variant: str  # original | headline | edited | reordered | trimmed


def _sentence(rng: random.Random) -> str:
    number = rng.randint(2, 900)
    return (f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} "
            f"{rng.choice(_PLACES)} on day {number}, {rng.choice(_TAILS)}.")


def _paragraphs(rng: random.Random) -> list[str]:
    return [" ".join(_sentence(rng) for _ in range(rng.randint(3, 4))) for _ in range(rng.randint(4, 5))]


def _edited(paragraphs: list[str], rng: random.Random) -> list[str]:
    """About one word in twenty replaced, and an update line added."""
    edited = []
    for paragraph in paragraphs:
        words = paragraph.split(" ")
        for _ in range(max(1, len(words) // 20)):
            words[rng.randrange(len(words))] = rng.choice(_VERBS)
        edited.append(" ".join(words))
    return edited + ["This story has been updated with comment from officials."]


def generate(originals: int = 40, seed: int = 7) -> list[GeneratedArticle]:
    rng = random.Random(seed)
    articles: list[GeneratedArticle] = []
    for group in range(originals):
        paragraphs = _paragraphs(rng)
        title = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}"
        articles.append(GeneratedArticle("\n\n".join(paragraphs), title, group, "original"))
        if group % 4 == 3:
            continue  # some originals have no copies at all
        reordered = paragraphs[1:] + paragraphs[:1]
        rng.shuffle(reordered)
        variants = {
            "headline": ("\n\n".join(paragraphs), f"BREAKING: {title.lower()}"),
            "edited": ("\n\n".join(_edited(paragraphs, rng)), title),
            "reordered": ("\n\n".join(reordered), title + " (update)"),
            "trimmed": ("\n\n".join(paragraphs[:-1]), title),
        }
        for name, (text, headline) in variants.items():
            if name == "headline" and group % 2:
                text = text + " Reporting by staff."
            articles.append(GeneratedArticle(text, headline, group, name))
    rng.shuffle(articles)
    return articles


def pairwise_scores(truth: list[int], predicted: list[str]) -> tuple[float, float]:
    """Precision and recall over pairs: a pair is positive when both are in one group."""
    true_pairs = predicted_pairs = both = 0
    for (t1, p1), (t2, p2) in itertools.combinations(zip(truth, predicted), 2):
        same_truth, same_predicted = t1 == t2, p1 == p2
        true_pairs += same_truth
        predicted_pairs += same_predicted
        both += same_truth and same_predicted
    precision = both / predicted_pairs if predicted_pairs else 1.0
    recall = both / true_pairs if true_pairs else 1.0
    return precision, recall
