"""A finished run's results: its pictures and report.md (`results.report`), then its writers closed once with them
(`training.bookkeeping`: TensorBoard and MLflow), all from what the run holds in memory. Here, above both: the results
layer writes files only, so a tracking server that fails cannot abort a finished check from there
(tests/test_layout.py)."""

from __future__ import annotations

import contextlib
import copy
import os
import time
from collections.abc import Callable, Iterator

from tinydigits.results.report import Artifacts, write_artifacts
from tinydigits.training.bookkeeping import RunResult


def finish(result: RunResult) -> str | None:
    """A finished run's pictures and report.md written, then its TensorBoard file and MLflow run given them and
    closed: what `train`, `tinydigits.train` and every seed of a check leave. Nothing is read back from the folder.
    Returns what failed to publish (one line), or None. A picture that cannot be drawn still closes the writers."""
    return _closed(result, lambda: write_artifacts(result.run, result.model, result.test, result.test_logits,
                                                   result.digits))


def _closed(result: RunResult, draw: Callable[[], Artifacts]) -> str | None:
    """The run's writers closed with what `draw` made, or closed all the same when it raises (then re-raised). Its
    finish's seconds go into metrics.json first (`Timing.finish_s`), so its loggers carry them too."""
    try:
        drawn = draw()
    except BaseException:
        with contextlib.suppress(Exception):  # the error on its way out is the one to see
            result.close()
        raise
    if result.run.timing is not None and result.trained_at is not None:
        result.run.timing.finish_s = time.perf_counter() - result.trained_at
        result.run.save_metrics()
    return result.close(drawn.classes, drawn.pictures)


def picture_workers(device: str, runs: int, cores: int | None = None) -> int:
    """Processes that draw a stack's pictures side by side: on a GPU machine its idle cores (a seed's pictures take a
    few CPU seconds, thirty seeds' would queue for minutes after a minute of training); on a CPU one, in this process
    (the cores that trained the seeds would draw them no sooner)."""
    cores = cores or os.cpu_count() or 1
    return min(runs, max(1, cores - 1)) if device.startswith("cuda") else 1


def finish_all(results: list[RunResult], workers: int = 1) -> Iterator[str | None]:
    """`finish` of each run, in order: their pictures drawn by `workers` processes at once (each from a CPU copy of
    the run's model and test images), each run's writers closed here as its pictures arrive. A run whose model cannot
    travel to another process (a class from a student's file) is drawn here. The first error raises, in order."""
    if workers <= 1 or len(results) <= 1:
        yield from (finish(result) for result in results)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # spawn, not fork: a GPU's process must not be forked; a worker's torch starts on one thread.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=_one_thread) as pool:
        test = None
        futures = []
        for result in results:
            test = test or type(result.test)(result.test.images.cpu(), result.test.labels.cpu())
            try:
                futures.append(pool.submit(_draw, result.run, copy.deepcopy(result.model).cpu(), test,
                                           result.test_logits, result.digits))
            except Exception:  # cannot be pickled: drawn here when its turn comes
                futures.append(None)
        for result, future in zip(results, futures, strict=True):
            yield finish(result) if future is None else _closed(result, future.result)


def _one_thread() -> None:
    import torch

    torch.set_num_threads(1)


def _draw(*args) -> Artifacts:
    return write_artifacts(*args)
