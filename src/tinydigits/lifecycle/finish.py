"""A finished run's results: its pictures and report.md (`results.report`), then its writers closed once with them
(`training.record`: TensorBoard and MLflow), all from what the run holds in memory. Here, above both: the results
layer writes files only, so a tracking server that fails cannot abort a finished check from there
(tests/test_layout.py)."""

from __future__ import annotations

import contextlib

from tinydigits.results.report import write_artifacts
from tinydigits.training.record import RunResult


def finish(result: RunResult) -> str | None:
    """A finished run's pictures and report.md written, then its TensorBoard file and MLflow run given them and
    closed: what `train`, `tinydigits.train` and every seed of a check leave. Nothing is read back from the folder.
    Returns what failed to publish (one line), or None. A picture that cannot be drawn still closes the writers."""
    try:
        drawn = write_artifacts(result.run_dir, result.model, result.test, result.metrics, result.record,
                                result.test_logits, result.digits)
    except BaseException:
        with contextlib.suppress(Exception):  # the error on its way out is the one to see
            result.close()
        raise
    return result.close(drawn.classes, drawn.pictures)
