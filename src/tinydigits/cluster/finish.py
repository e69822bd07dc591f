"""A finished run's results: its pictures and report.md (`results.report`), then published to TensorBoard and MLflow
(`training.tracking`). Here, above both: the results layer writes files only, so a tracking server that fails
cannot abort a finished check from there (tests/test_layout.py)."""

from __future__ import annotations

from tinydigits.results.report import write_artifacts
from tinydigits.training import tracking


def write_results(result) -> str | None:
    """A finished run's pictures and report.md written, then published to TensorBoard and MLflow: what `train`,
    `tinydigits.train` and every seed of a check leave. Returns what failed to publish (one line), or None."""
    write_artifacts(result.run_dir, result.model, result.test, result.test_logits)
    return tracking.publish(result.run_dir)
