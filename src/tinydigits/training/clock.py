"""Where a run's seconds outside its epochs go (`Timing`, metrics.json's "timing"): the command line marks when torch
and its own modules are loaded, the run takes the marks once and laps its start-up's parts (`Stopwatch`). Torch-free,
so the command line can time torch's own import, and the record loads without torch.

A mark is the process's age (`process_age`), not a stopwatch's: the interpreter's start and everything it loaded
before the command are in it too."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_MARKS: dict[str, float] = {}


def process_age() -> float | None:
    """Seconds since this process started (Linux's /proc; None elsewhere)."""
    try:
        stat = Path("/proc/self/stat").read_text()
        ticks = int(stat.rpartition(")")[2].split()[19])  # field 22: the start, in clock ticks since boot
        uptime = float(Path("/proc/uptime").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return max(0.0, uptime - ticks / os.sysconf("SC_CLK_TCK"))


def load_torch() -> None:
    """torch imported here, its seconds kept as `torch_s` (nothing kept where it is loaded already)."""
    if "torch" in sys.modules:
        return
    began = time.perf_counter()
    import torch  # noqa: F401

    _MARKS["torch_s"] = time.perf_counter() - began


def imported() -> None:
    """The command's modules are loaded: the process's age now is `imports_s` (torch's own import within it)."""
    age = process_age()
    if age is not None:
        _MARKS["imports_s"] = age


def take() -> dict[str, float]:
    """The marks, handed to one run only (a second run in the same process loaded nothing for itself)."""
    marks = dict(_MARKS)
    _MARKS.clear()
    return marks


class Stopwatch:
    """Seconds of named parts, laps of one clock: `lap(name)` adds the seconds since the last lap (or the start) to
    `name`."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.last = time.perf_counter()

    def lap(self, name: str) -> Stopwatch:
        now = time.perf_counter()
        self.seconds[name] = self.seconds.get(name, 0.0) + now - self.last
        self.last = now
        return self


def lap(watch: Stopwatch | None, name: str) -> None:
    """`watch.lap(name)`, where there is a watch."""
    if watch is not None:
        watch.lap(name)


@contextlib.contextmanager
def first_step(setup: Any) -> Iterator[None]:
    """Times the step inside as the run's first (`setup.first_step_s`, a `train.Setup`'s) where none was timed yet:
    host seconds, from the batch in hand to the step's return."""
    began = time.perf_counter() if setup.first_step_s is None else None
    yield
    if began is not None:
        setup.first_step_s = time.perf_counter() - began


@dataclass
class Timing:
    """Where a run's seconds outside its epochs went, and the way its step ran: `startup_s` from the call of `train` to
    its first step (data, model, optimiser), `capture_s` of epoch 1's seconds spent capturing the step as a CUDA graph,
    `finish_s` from the end of the last epoch to its results written (confusions, layer statistics, pictures,
    report.md), `process_s` the process's age when `train` was called (a command's imports and plan; a worker's is its
    whole life). `step`: "cuda graph" (captured and replayed), "eager" (launched kernel by kernel on a GPU) or "cpu".

    Their parts, each where it was measured (absent where it was not, or does not apply):
    - before `train`, a command line's only: `imports_s`, the process's age once its modules were loaded (the
      interpreter, torch, the training code), of which `torch_s` is torch's own import;
    - of `startup_s`: `data_s` (the device picked, the arithmetic pinned, the splits read onto the device),
      `cuda_s` (the CUDA context made; absent on a CPU), `model_s` (the model, optimiser, schedule and EMA made),
      `records_s` (the run folder, config.json, TensorBoard's file and the model's graph);
    - of epoch 1's seconds: `warmup_s` (a captured step's eager warm-up steps, host seconds), `first_step_s` (the
      run's first step, from its batch in hand to its return: host seconds, so on a GPU the launch, not the work; it
      is the first warm-up step where there is a warm-up);
    - of the epochs' seconds: `eager_s`, a captured run's steps on batches of a shape not captured (an epoch's short
      last batch), host seconds: on a GPU their launches and the kernels' plans made on first use (cuDNN's, timed);
    - `checkpoint_s`: every epoch's model.pt written (in a thread beside the next epoch on a GPU);
    - of `finish_s`: `pictures_s` (drawn, or waited for where they are drawn beside the run) and `report_s` (the
      predictions, per_class.csv, report.md and what they need); the rest is the last figures in metrics.json."""

    step: str
    startup_s: float | None = None
    capture_s: float | None = None
    finish_s: float | None = None
    process_s: float | None = None
    imports_s: float | None = None
    torch_s: float | None = None
    data_s: float | None = None
    cuda_s: float | None = None
    model_s: float | None = None
    records_s: float | None = None
    warmup_s: float | None = None
    first_step_s: float | None = None
    eager_s: float | None = None
    checkpoint_s: float | None = None
    pictures_s: float | None = None
    report_s: float | None = None

    def row(self) -> dict[str, Any]:
        return {k: (round(v, 3) if isinstance(v, float) else v) for k, v in dataclasses.asdict(self).items()
                if v is not None}

    @classmethod
    def of(cls, row: dict[str, Any] | None) -> Timing | None:
        if not row:
            return None
        return cls(**{f.name: row.get(f.name) for f in dataclasses.fields(cls) if f.name in row})


def run_timing(setup: Any, data: Any, startup: float | None, process_s: float | None, checkpoint_s: float | None,
               parts: dict[str, float] | None) -> Timing:
    """A trained run's `Timing` (its finish's seconds are added as it finishes) from its `train.Setup` and
    `feed.Data`: the process's marks and the start-up's `parts` (`take`, `Stopwatch.seconds`), and what the step
    measured."""
    graphed = setup.graphed
    return Timing(step_way(setup, data), startup, getattr(graphed, "capture_s", None), None, process_s,
                  warmup_s=getattr(graphed, "warmup_s", None), first_step_s=setup.first_step_s,
                  eager_s=getattr(graphed, "eager_s", None),
                  checkpoint_s=checkpoint_s, **(parts or {}))


def step_way(setup: Any, data: Any) -> str:
    """How the run's steps ran (its record's `Timing.step`): a captured CUDA graph, kernel by kernel on a GPU, or a
    CPU's own way."""
    if not data.device_path:
        return "cpu"
    return "cuda graph" if setup.graphed is not None and setup.graphed.graph is not None else "eager"
