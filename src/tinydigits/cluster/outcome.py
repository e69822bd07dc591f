"""What became of one seed of a check: the one record every way of training seeds hands back."""

from __future__ import annotations

from dataclasses import dataclass, field

from tinydigits.errors import describe


@dataclass
class SeedOutcome:
    """Three outcomes. Landed: `folder` and its `curve`. Failed by the model: `error` (its training raised; a FAIL,
    as the budget counts). Not run: `not_run` says why (cancelled, its worker killed too often, the scheduler lost,
    refused by every worker): no verdict on that seed, and a check with one is INCOMPLETE, never a FAIL."""

    seed: int
    folder: str | None = None
    curve: list[float] = field(default_factory=list)
    params: int = 0
    warning: str | None = None  # what failed to publish (TensorBoard, MLflow); the seed itself landed
    error: str | None = None
    not_run: str | None = None


def failed(seed: int, err: BaseException) -> SeedOutcome:
    """A seed whose training raised: its error in one line for its row and check.json."""
    return SeedOutcome(seed, error=describe(err)[:200])


def not_run(seeds, reason: str) -> list[SeedOutcome]:
    return [SeedOutcome(seed, not_run=reason) for seed in seeds]
