"""The event model: multinomial logistic regression over sparse feature strings and a dense vector.

    model = EventModel.load(path)
    probs = model.probabilities(feature_strings, vector)    # one per class, "NONE" first

Small, fast on a CPU and readable: one weight row per feature seen in training (features seen
fewer than ``min_count`` times are left out), one per dense dimension. Trained with full-batch Adam
and L2 regularisation (:func:`fit`). Saved as one compressed ``.npz`` file with its version and
what it was trained on.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ...errors import LexiconError

__all__ = ["NONE", "EventModel", "Example", "fit"]

NONE = "NONE"


@dataclass(frozen=True)
class Example:
    """One candidate of the training data: its features, vector and the type it is (or NONE)."""

    features: tuple[str, ...]
    vector: np.ndarray | None
    label: str
    group: str  # the article it comes from: folds never split an article
    weight: float = 1.0


@dataclass(frozen=True)
class EventModel:
    version: str
    classes: tuple[str, ...]
    index: dict[str, int]
    weights: np.ndarray  # (features, classes)
    bias: np.ndarray  # (classes,)
    dense: np.ndarray | None = None  # (dims, classes)
    mean: np.ndarray | None = None
    scale: np.ndarray | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def logits(self, features: Sequence[str], vector: np.ndarray | None = None) -> np.ndarray:
        rows = [self.index[f] for f in features if f in self.index]
        out = self.bias + self.weights[rows].sum(axis=0) if rows else self.bias.copy()
        if self.dense is not None and vector is not None and self.mean is not None and self.scale is not None:
            out = out + ((vector - self.mean) / self.scale) @ self.dense
        return np.asarray(out, dtype=np.float64)

    def probabilities(self, features: Sequence[str], vector: np.ndarray | None = None) -> dict[str, float]:
        z = self.logits(features, vector)
        e = np.exp(z - z.max())
        p = e / e.sum()
        return {c: float(v) for c, v in zip(self.classes, p, strict=True)}

    # -- files ------------------------------------------------------------------------------------
    def save(self, path: str | Path) -> None:
        arrays: dict[str, Any] = {
            "features": np.array(sorted(self.index, key=self.index.__getitem__)),
            "weights": self.weights.astype(np.float16),
            "bias": self.bias.astype(np.float32),
            "classes": np.array(self.classes),
            "meta": np.array(json.dumps({"version": self.version, **self.meta})),
        }
        if self.dense is not None and self.mean is not None and self.scale is not None:
            arrays.update(dense=self.dense.astype(np.float32), mean=self.mean, scale=self.scale)
        with Path(path).open("wb") as fh:
            np.savez_compressed(fh, **arrays)

    @classmethod
    def load(cls, path: str | Path) -> EventModel:
        try:
            with np.load(Path(path), allow_pickle=False) as data:
                meta = json.loads(str(data["meta"]))
                features = [str(f) for f in data["features"]]
                dense = data.get("dense")
                return cls(
                    version=str(meta.pop("version", "?")),
                    classes=tuple(str(c) for c in data["classes"]),
                    index={f: i for i, f in enumerate(features)},
                    weights=data["weights"].astype(np.float32),
                    bias=data["bias"].astype(np.float32),
                    dense=None if dense is None else dense.astype(np.float32),
                    mean=data["mean"] if dense is not None else None,
                    scale=data["scale"] if dense is not None else None,
                    meta=meta,
                )
        except (OSError, KeyError, ValueError) as exc:
            raise LexiconError(
                f"the event model {path} cannot be read ({exc}); make one with `eventwire train` "
                "or set event_model to the packaged one"
            ) from exc


def fit(
    examples: Sequence[Example],
    classes: Sequence[str],
    *,
    version: str,
    epochs: int = 300,
    l2: float = 1e-4,
    rate: float = 0.05,
    min_count: int = 2,
    use_vectors: bool = True,
    meta: dict[str, Any] | None = None,
) -> EventModel:
    """Train a model on ``examples`` (full-batch Adam on the weighted cross-entropy)."""
    counts = Counter(f for ex in examples for f in set(ex.features))
    kept = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(kept)}
    cls = {c: i for i, c in enumerate(classes)}
    n, k, nf = len(examples), len(classes), len(kept)
    rows: list[int] = []
    cols: list[int] = []
    for i, ex in enumerate(examples):
        for f in set(ex.features):
            j = index.get(f)
            if j is not None:
                rows.append(i)
                cols.append(j)
    r, c = np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)
    y = np.array([cls[ex.label] for ex in examples])
    w = np.array([ex.weight for ex in examples], dtype=np.float64)
    w = w / w.sum()
    vectors = [ex.vector for ex in examples]
    dense_on = use_vectors and all(v is not None for v in vectors) and n > 0
    x = np.stack([np.asarray(v, dtype=np.float64) for v in vectors]) if dense_on else None
    mean = x.mean(axis=0) if x is not None else None
    scale = x.std(axis=0) + 1e-6 if x is not None else None
    xs = (x - mean) / scale if x is not None and mean is not None and scale is not None else None
    params = {"W": np.zeros((nf, k)), "b": np.zeros(k)}
    if xs is not None:
        params["D"] = np.zeros((xs.shape[1], k))
    moments = {name: (np.zeros_like(v), np.zeros_like(v)) for name, v in params.items()}
    onehot = np.zeros((n, k))
    onehot[np.arange(n), y] = 1.0
    for step in range(1, epochs + 1):
        z = np.tile(params["b"], (n, 1))
        np.add.at(z, r, params["W"][c])
        if xs is not None:
            z += xs @ params["D"]
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        dz = (p - onehot) * w[:, None]
        grads = {"W": np.zeros((nf, k)), "b": dz.sum(axis=0)}
        np.add.at(grads["W"], c, dz[r])
        grads["W"] += l2 * params["W"]
        if xs is not None:
            grads["D"] = xs.T @ dz + l2 * params["D"]
        for name in params:
            m, v = moments[name]
            m[:] = 0.9 * m + 0.1 * grads[name]
            v[:] = 0.999 * v + 0.001 * grads[name] ** 2
            params[name] -= rate * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return EventModel(
        version=version,
        classes=tuple(classes),
        index=index,
        weights=params["W"].astype(np.float32),
        bias=params["b"].astype(np.float32),
        dense=params["D"].astype(np.float32) if xs is not None else None,
        mean=mean,
        scale=scale,
        meta=dict(meta or {}),
    )
