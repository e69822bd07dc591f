"""A finished run's results: its pictures and report.md (`results.report`), then its writers closed once with them
(`training.bookkeeping`: TensorBoard and MLflow), all from what the run holds in memory. Here, above both: the results
layer writes files only, so a tracking server that fails cannot abort a finished check from there
(tests/test_layout.py). `Painters`: processes that draw a run's pictures beside it, started with the run."""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from tinydigits.results.report import Artifacts, Job, drawn_here, write_artifacts
from tinydigits.training.bookkeeping import RunResult
from tinydigits.training.probe import layer_stats


def finish(result: RunResult, painters: Painters | None = None) -> str | None:
    """A finished run's pictures and report.md written, then its TensorBoard file and MLflow run given them and
    closed: what `train`, `tinydigits.train` and every seed of a check leave. Nothing is read back from the folder.
    `painters`: processes that draw the pictures while this one writes the rest (None: drawn here). Returns what
    failed to publish (one line), or None. A picture that cannot be drawn still closes the writers."""
    draw = drawn_here if painters is None else painters.draw
    return _closed(result, lambda: write_artifacts(result.run, result.model, result.test, result.test_logits,
                                                   result.digits, draw=draw))


def _closed(result: RunResult, draw: Callable[[], Artifacts]) -> str | None:
    """The run's writers closed with what `draw` made, or closed all the same when it raises (then re-raised). Its
    layers' statistics and its finish's seconds go into metrics.json first (`Timing.finish_s`, with `pictures_s` and
    `report_s` of it), so its loggers carry them too."""
    try:
        drawn = draw()
    except BaseException:
        with contextlib.suppress(Exception):  # the error on its way out is the one to see
            result.close()
        raise
    result.run.layer_stats = drawn.layer_stats
    timing = result.run.timing
    if timing is not None and result.trained_at is not None:
        timing.finish_s = time.perf_counter() - result.trained_at
        timing.pictures_s, timing.report_s = drawn.seconds.get("pictures_s"), drawn.seconds.get("report_s")
    result.run.save_metrics()
    return result.close(drawn.classes, drawn.pictures)


class Painters:
    """Processes that draw a run's pictures (`results.report.picture_jobs`) side by side while the run's own process
    writes its report: eight pictures take a few seconds of one core, matplotlib's import most of another second, so
    drawn one after another they were most of a short run's finish. Started as the run starts (`start`), so their
    imports are done while it trains; forked on Linux (they share what this process has loaded, and start in
    milliseconds), also where torch has started CUDA here, as a DataLoader's workers are (a painter is sent CPU copies
    and never touches CUDA, which torch refuses in a forked child), spawned elsewhere. A picture whose job cannot
    travel, or whose process failed, is drawn here (its own error, if any, then raised here as ever); Ctrl-C is this
    process's to handle, and a painter whose run's process is gone ends itself."""

    def __init__(self, workers: int, method: str) -> None:
        context = multiprocessing.get_context(method)
        self.pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_ready,
                                        initargs=(os.getpid(), context.Lock()))
        for _ in range(workers):  # started now: forked all at once, spawned one a job while none is idle
            self.pool.submit(_nothing)

    @classmethod
    def start(cls, workers: int | None = None, method: str | None = None) -> Painters | None:
        """Painters for a run starting now (`workers`: default every core, at most four; `method`: how they start,
        default forked on Linux, else spawned), or None where this process cannot have any (a daemonic process, as a
        Dask worker's is; a platform without processes)."""
        if multiprocessing.current_process().daemon:
            return None
        workers = workers or max(1, min(4, os.cpu_count() or 1))
        try:
            return cls(workers, method or ("fork" if sys.platform == "linux" else "spawn"))
        except (OSError, RuntimeError, ValueError):
            return None

    def draw(self, jobs: dict[str, Job]) -> dict[str, Callable[[], Any]]:
        """Every job sent off at once; each one's result when called, drawn here where its process could not."""
        return {name: self.run(fn, args).result for name, (fn, args) in jobs.items()}

    def run(self, fn: Callable[..., Any], args: tuple) -> Landing:
        """`fn(*args)` sent to a painter now, its modules and tensors as copies taken now, on the CPU (`_sent`; a
        painter has no CUDA). The pool pickles the arguments later, on a thread of its own: by then this process may
        have hooked a module (as `models.summary` does), and torch's pickler moves a CPU tensor's memory into shared
        memory in place, under whatever thread of this process is reading it (the layer statistics' forward pass
        over the test images, which would crash)."""
        try:
            return Landing(self.pool.submit(fn, *map(_sent, args)), fn, args)
        except Exception:  # the pool is gone (a painter died): done here when asked for
            return Landing(None, fn, args)

    def close(self) -> None:
        """The processes ended: jobs not started are dropped, one under way (after Ctrl-C) is waited for. Waited for
        here, not at the interpreter's exit, where a pool left running can fail to wake its own thread."""
        self.pool.shutdown(wait=True, cancel_futures=True)


def _sent(value: Any) -> Any:
    """What travels to a painter for `value`, made when it is sent: a module or a tensor as a copy of its own on the
    CPU, a dataclass holding tensors (a split, predictions) with copies of them, anything else as it is."""
    torch = sys.modules.get("torch")
    if torch is None:
        return value
    if isinstance(value, torch.nn.Module):
        return copy.deepcopy(value).cpu()
    if isinstance(value, torch.Tensor):
        return value.detach().to("cpu", copy=True)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        tensors = {f.name: _sent(getattr(value, f.name)) for f in dataclasses.fields(value)
                   if f.init and isinstance(getattr(value, f.name), torch.Tensor)}
        return dataclasses.replace(value, **tensors) if tensors else value
    return value


class Landing:
    """A job sent to a painter: `result()` waits for it, and does it here where it could not travel or its process
    failed (where its own error, if any, then shows); `done()` says whether waiting would be over at once."""

    def __init__(self, future: Future | None, fn: Callable[..., Any], args: tuple) -> None:
        self.future, self.fn, self.args = future, fn, args

    def done(self) -> bool:
        return self.future is None or self.future.done()

    def result(self) -> Any:
        if self.future is not None:
            try:
                return self.future.result()
            except Exception:  # could not travel, or its process failed
                pass
        return self.fn(*self.args)


def _nothing() -> None:
    return None


def _ready(parent: int, loading: Any) -> None:
    """A painter's start: Ctrl-C left to the run's process, an end when that process is gone, one torch thread, and
    what drawing loads (matplotlib, the drawing code, Captum) loaded now rather than when the pictures are asked for.
    One painter loads the drawing code at a time (`loading`, a lock): the first on a fresh machine builds
    matplotlib's font cache, which the others would wait for and give up on; torch they import side by side.
    Whatever fails here is left for the pictures to meet, each then drawn by the run's own process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_orphaned, args=(parent,), daemon=True, name="tinydigits-painter-watch").start()
    with contextlib.suppress(Exception):
        import torch

        torch.set_num_threads(1)
    with loading, contextlib.suppress(Exception):
        from tinydigits.results import explain, figures, report  # noqa: F401  (the drawing code)

        fig = figures.plt.figure(figsize=(1, 1))  # the fonts loaded too: the first text drawn loads them
        fig.text(0.5, 0.5, "0")
        fig.canvas.draw()
        figures.plt.close(fig)
        import captum.attr  # noqa: F401  (Captum may be left out of an install: top_losses.png says so then)


def _orphaned(parent: int) -> None:
    """Ends this painter once the process that started it is gone (killed: it never said goodbye)."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


def picture_workers(device: str, runs: int, cores: int | None = None) -> int:
    """Processes that draw a stack's pictures side by side: on a GPU machine its idle cores (a seed's pictures take a
    few CPU seconds, thirty seeds' would queue for minutes after a minute of training), started with the stack so
    their imports are done while it trains; on a CPU one, in this process (the cores that trained the seeds would
    draw them no sooner)."""
    cores = cores or os.cpu_count() or 1
    return min(runs, max(1, cores - 1)) if device.startswith("cuda") else 1


def finish_all(results: list[RunResult], painters: Painters | None = None) -> Iterator[str | None]:
    """`finish` of each run, in order: with `painters`, each run's pictures sent to them as soon as its layers are
    measured here (each from a CPU copy of the run's model and test images), each run's writers closed here as its
    pictures arrive; a run whose model cannot travel to another process (a class from a student's file) is drawn here.
    The first error raises, in order."""
    if painters is None or len(results) <= 1:
        yield from (finish(result) for result in results)
        return
    test = type(results[0].test)(results[0].test.images.cpu(), results[0].test.labels.cpu())
    landings = []
    for result in results:  # measured where the run trained (a painter has a CPU copy of the model only)
        result.run.layer_stats = layer_stats(result.model, result.test)
        landings.append(painters.run(write_artifacts, (result.run, result.model, test, result.test_logits,
                                                       result.digits)))
    for result, landing in zip(results, landings, strict=True):
        yield _closed(result, landing.result)
