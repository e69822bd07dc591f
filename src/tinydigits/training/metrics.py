"""A run's metrics (metrics.json: one row per epoch) read as curves. Torch-free: the ledger and the tables read it."""

from __future__ import annotations

from typing import Any


def curve(metrics: dict[str, Any], key: str = "test_acc") -> list[float]:
    """One figure per epoch (`key`: test_acc, train_acc, test_loss ...) from a run's metrics or its list of rows."""
    rows = metrics["epochs"] if isinstance(metrics, dict) else metrics
    return [row[key] for row in rows]
