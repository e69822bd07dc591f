"""What became of one seed of a check: the one record every way of training seeds hands back."""

from __future__ import annotations

from dataclasses import dataclass, field

from tinydigits.errors import NotTheModels, describe


@dataclass
class SeedOutcome:
    """Three outcomes. Landed: `folder` and its `curve`. Failed by the model: `error` (its training raised; a FAIL,
    as the budget counts). Not run: `not_run` says why (cancelled, its worker killed too often, the scheduler lost,
    refused by every worker, its data missing or corrupt, its arithmetic unavailable: `failed`): no verdict on that
    seed, and a check with one is INCOMPLETE, never a FAIL."""

    seed: int
    folder: str | None = None
    curve: list[float] = field(default_factory=list)
    params: int = 0
    warning: str | None = None  # what failed to publish (TensorBoard, MLflow); the seed itself landed
    error: str | None = None
    not_run: str | None = None


# What a seed can meet that is the machine's or the data's doing, not the model's: by exception type, never by
# message text. OSError covers a vanished or unreadable file and a full disk; Dask's lost-worker and closed-comm
# errors are named by type because `distributed` is an optional requirement.
NOT_THE_MODELS = (NotTheModels, OSError, EOFError, MemoryError)
LOST_WORKER = ("KilledWorker", "CommClosedError", "FutureCancelledError", "CancelledError")


def failed(seed: int, err: BaseException) -> SeedOutcome:
    """A seed whose training raised, in one line for its row and check.json: NOT RUN where the machine or the data
    was the cause (`NOT_THE_MODELS`, a lost worker), else a FAIL of the model (its code raised, e.g. a shape
    mismatch, or its loss broke)."""
    if isinstance(err, NOT_THE_MODELS) or type(err).__name__ in LOST_WORKER:
        return SeedOutcome(seed, not_run=describe(err)[:200])
    return SeedOutcome(seed, error=describe(err)[:200])


def not_run(seeds, reason: str) -> list[SeedOutcome]:
    return [SeedOutcome(seed, not_run=reason) for seed in seeds]
