"""Which language an article is written in: enough to keep non-English text out of an
English pipeline, with no model to download.

Latin-script languages are told apart by the share of each language's most common
function words; other scripts by the script itself. Short texts give no verdict (None)
rather than a guess, so a one-line English headline is never skipped.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

SUPPORTED_LANGUAGES = frozenset({"en"})

# The most frequent function words of each language (no word shared with English).
_STOPWORDS = {
    "en": "the of and to in is that for it was on with as at by from this be are were has have "
          "had not but which they their said will would been its who an or he she his her",
    "fr": "le la les des du une est et en que qui dans pour pas sur au aux avec ce cette il elle "
          "sont ont été par plus mais ses leur nous vous été à où selon",
    "de": "der die das und ist nicht ein eine mit sich auf für den dem des von zu im auch es "
          "sie wir ich wird werden wurde hat haben sind bei nach aus oder",
    "es": "el la los las de que y en un una es por con para del al se su sus no como más pero "
          "fue ha son está este esta lo le",
    "it": "il la lo gli le di che e è un una per non con del della dei delle al alla sono "
          "come ma anche più nel nella ha si",
    "pt": "o a os as de que e do da dos das em um uma para com não por se na no mais como mas "
          "foi ao ele ela são está",
    "nl": "de het een en van is dat op te in voor niet met zijn er aan ook als bij door naar "
          "maar wordt om heeft hij zij",
}
# Non-Latin scripts: the first word of a character's Unicode name → a language or script tag.
_SCRIPTS = {"CYRILLIC": "ru", "ARABIC": "ar", "HEBREW": "he", "GREEK": "el", "HANGUL": "ko",
            "HIRAGANA": "ja", "KATAKANA": "ja", "CJK": "zh", "DEVANAGARI": "hi", "THAI": "th"}

MIN_WORDS = 12  # fewer words than this: no verdict
MIN_STOPWORD_SHARE = 0.08  # below this share no Latin-script language is recognised
MIN_SCRIPT_SHARE = 0.3  # share of letters in one non-Latin script that decides the language
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_WORD_CHAR = re.compile(r"[^\W\d_]", re.UNICODE)
_NON_ASCII_LETTER = re.compile(r"[^\W\d_\x00-\x7f]", re.UNICODE)


@lru_cache(maxsize=1)
def _stopword_sets() -> dict[str, frozenset[str]]:
    return {lang: frozenset(words.split()) for lang, words in _STOPWORDS.items()}


def detect_language(text: str, sample_chars: int = 2000) -> str | None:
    """An ISO 639-1 code ("en", "fr", "ru", ...) or None when the text is too short to tell."""
    sample = text[:sample_chars]
    script = _dominant_script(sample)
    if script is not None:
        return script
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return None
    scores = {lang: sum(w in stop for w in words) for lang, stop in _stopword_sets().items()}
    best = max(scores, key=lambda lang: (scores[lang], lang == "en"))
    if scores[best] / len(words) < MIN_STOPWORD_SHARE:
        return None
    return best


def _dominant_script(text: str) -> str | None:
    letters = sum(1 for _ in _WORD_CHAR.finditer(text))
    counts: dict[str, int] = {}
    for char in _NON_ASCII_LETTER.findall(text):
        script = unicodedata.name(char, "").split(" ", 1)[0]
        if script in _SCRIPTS:
            counts[_SCRIPTS[script]] = counts.get(_SCRIPTS[script], 0) + 1
    if not counts or letters == 0:
        return None
    language, count = max(counts.items(), key=lambda item: item[1])
    return language if count / letters >= MIN_SCRIPT_SHARE else None


def is_supported_language(language: str | None) -> bool:
    """True for languages the pipeline handles (and for 'unknown', which is not skipped)."""
    return language is None or language in SUPPORTED_LANGUAGES
