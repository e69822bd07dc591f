"""A finished run's results: its pictures and report.md (`results.report`), then published to TensorBoard and MLflow
(`training.tracking`), all from what the run holds in memory. Here, above both: the results layer writes files only,
so a tracking server that fails cannot abort a finished check from there (tests/test_layout.py)."""

from __future__ import annotations

from tinydigits.results.report import write_artifacts
from tinydigits.training import tracking
from tinydigits.training.record import RunResult


def finish(result: RunResult) -> str | None:
    """A finished run's pictures and report.md written, then published to TensorBoard and MLflow: what `train`,
    `tinydigits.train` and every seed of a check leave. Nothing is read back from the folder. Returns what failed to
    publish (one line), or None."""
    _, classes = write_artifacts(result.run_dir, result.model, result.test, result.metrics, result.record,
                                 result.test_logits)
    return tracking.publish(result.run_dir, result.metrics, result.record, classes)
