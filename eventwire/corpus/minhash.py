"""Near-duplicate articles (wire copies, updated versions) by MinHash LSH over word shingles.

An article is shingled into overlapping runs of ``SHINGLE_WORDS`` lower-cased words; its
MinHash signature estimates the Jaccard similarity of two shingle sets, and LSH finds the
candidates above ``THRESHOLD`` without comparing every pair. Only originals enter the
index, so a copy of a copy still points at the first report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

NUM_PERM = 128
SHINGLE_WORDS = 3
THRESHOLD = 0.4  # estimated Jaccard of shingle sets at or above which two texts are copies
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Match:
    original_id: str
    similarity: float


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str):
    """The MinHash of a text's shingles (``datasketch.MinHash``)."""
    minhash = _empty_minhash().copy()  # copying skips recomputing the permutations
    minhash.update_batch(list(shingles(text)))
    return minhash


@lru_cache(maxsize=1)
def _empty_minhash():
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM)


def signature_bytes(minhash) -> bytes:
    """Compact storage: datasketch keeps each hash value below 2**32."""
    return minhash.hashvalues.astype("<u4").tobytes()


def signature_from_bytes(data: bytes):
    import numpy as np
    from datasketch import MinHash

    values = np.frombuffer(data, dtype="<u4").astype(np.uint64)
    return MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=_scheme())


@lru_cache(maxsize=1)
def _scheme() -> str:
    """The hashing scheme of this datasketch's MinHash (stored values must match it)."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM).scheme


class NearDuplicateIndex:
    """The originals seen so far; ``match`` finds the one a new text copies, if any."""

    def __init__(self, threshold: float = THRESHOLD):
        from datasketch import MinHashLSH

        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, object] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._signatures

    def add(self, article_id: str, minhash) -> None:
        if article_id in self._signatures:
            return
        self._lsh.insert(article_id, minhash)
        self._signatures[article_id] = minhash

    def match(self, minhash) -> Match | None:
        """The most similar original at or above the threshold (the smallest id on a tie,
        so the answer does not depend on the order the index was filled in)."""
        scored = [(float(minhash.jaccard(self._signatures[c])), c) for c in self._lsh.query(minhash)]
        scored = [(s, c) for s, c in scored if s >= self.threshold]
        if not scored:
            return None
        similarity, original = min(scored, key=lambda item: (-item[0], item[1]))
        return Match(original, round(similarity, 4))
