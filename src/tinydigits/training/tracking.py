"""MLflow, where a user points it (`--mlflow URI`): one MLflow run per training run (seed, trial), a
`check` or a `search` as the parent run. Off by default; `pip install 'tinydigits[mlflow]'`.

The client API with explicit run ids (not mlflow's global "active run"), because a run's life spans
two places: `train` logs settings and per-epoch metrics, and `eval`'s pictures come later (the run id is in
config.json). A run's MLflow run is one of its loggers (`training.loggers`); a check's or search's parent run is
`parent_run` here.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tinydigits.errors import TinyDigitsError, describe
from tinydigits.training.events import EPOCH_TAGS, hparam_values

EXPERIMENT = "tinydigits"


@functools.cache
def client(uri: str):
    """One client per URI for the process (a run logs every epoch), failing in seconds, not after minutes
    of retries, when the server is away."""
    os.environ.setdefault("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "1")
    os.environ.setdefault("MLFLOW_HTTP_REQUEST_TIMEOUT", "30")
    try:
        from mlflow.tracking import MlflowClient
    except ImportError:
        raise TinyDigitsError("--mlflow needs MLflow: pip install 'tinydigits[mlflow]'") from None
    return _call(uri, "opening the tracking store", MlflowClient, tracking_uri=uri)


def _call(uri: str, what: str, fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except Exception as err:  # requests' and MLflow's many errors: one line
        raise TinyDigitsError(f"--mlflow {uri}: {what} failed: {describe(err, 200)}") from None


def artifact_location(uri: str) -> str | None:
    """Where a new experiment keeps its runs' files. For a database store MLflow's default is `./mlruns` under
    whatever folder the command ran in; here it is beside an SQLite file (`mlartifacts/`), or the user cache for a
    database server. None (the store's or server's own choice) for a server or a file store, which keep them."""
    from urllib.parse import urlparse

    scheme = urlparse(uri).scheme.split("+")[0]
    if scheme == "sqlite":
        db = Path(uri.split(":///", 1)[1]) if ":///" in uri else Path("mlflow.db")
        return (db.resolve().parent / "mlartifacts").as_uri()
    if scheme in ("postgresql", "mysql", "mssql"):
        return (Path.home() / ".cache" / "tinydigits" / "mlartifacts").as_uri()
    return None


def start_run(uri: str, name: str, params: dict[str, Any], parent: str | None = None) -> str:
    """Create a run (under `parent` when given) in the `tinydigits` experiment; returns its id."""
    mlflow = client(uri)
    experiment = _call(uri, "reaching the server", mlflow.get_experiment_by_name, EXPERIMENT)
    if experiment is None:
        try:
            experiment_id = mlflow.create_experiment(EXPERIMENT, artifact_location=artifact_location(uri))
        except Exception:  # another worker created it first
            experiment_id = _call(uri, "creating the experiment", mlflow.get_experiment_by_name, EXPERIMENT).experiment_id
    else:
        experiment_id = experiment.experiment_id
    tags = {"mlflow.runName": name, **({"mlflow.parentRunId": parent} if parent else {})}
    run = _call(uri, "creating a run", mlflow.create_run, experiment_id, tags=tags)
    log_params(uri, run.info.run_id, params)
    return run.info.run_id


def log_params(uri: str, run_id: str, params: dict[str, Any]) -> None:
    from mlflow.entities import Param

    values = [Param(k, str(v)[:500]) for k, v in hparam_values(params).items()]
    for i in range(0, len(values), 100):  # MLflow takes at most 100 params per batch
        _call(uri, "logging params", client(uri).log_batch, run_id, params=values[i : i + 100])


def log_metrics(uri: str, run_id: str, values: dict[str, float], step: int = 0) -> None:
    import time

    from mlflow.entities import Metric

    now = int(time.time() * 1000)
    metrics = [Metric(k, float(v), now, step) for k, v in values.items()]
    _call(uri, "logging metrics", client(uri).log_batch, run_id, metrics=metrics)


def log_epoch(uri: str, run_id: str, row: dict[str, Any]) -> None:
    log_metrics(uri, run_id, {k: row[k] for k in EPOCH_TAGS if k in row}, step=row["epoch"])  # TensorBoard's figures


def log_files(uri: str, run_id: str, paths: list[Path]) -> None:
    for path in paths:
        if path.exists():
            _call(uri, f"uploading {path.name}", client(uri).log_artifact, run_id, str(path))


def end_run(uri: str, run_id: str, status: str = "FINISHED") -> None:
    _call(uri, "closing the run", client(uri).set_terminated, run_id, status)


def end_quietly(uri: str, run_id: str, status: str) -> None:
    """Close a run while another error is on its way out: a failure to close must never replace that error (the
    run then stays RUNNING on the server, which is the lesser harm)."""
    with contextlib.suppress(Exception):
        end_run(uri, run_id, status)


@contextlib.contextmanager
def shielded() -> Iterator[None]:
    """Ctrl-C inside the block (a run's bookkeeping: files, MLflow) is held until the block ends, then raised. An
    MLflow store interrupted mid-write can keep its lock (SQLite), and closing the run afterwards would then wait on
    it for ever. Signals live in the main thread; elsewhere the block runs as it is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.default_int_handler)
    if caught:
        raise KeyboardInterrupt


def status_for(err: BaseException | None) -> str:
    """How a run ended, in MLflow's words: FINISHED, KILLED for Ctrl-C, FAILED for an error."""
    if err is None:
        return "FINISHED"
    return "KILLED" if isinstance(err, KeyboardInterrupt) else "FAILED"


@contextlib.contextmanager
def parent_run(uri: str | None, name: str, params: dict[str, Any]) -> Iterator[str | None]:
    """The parent run of a check or a search (its id; None without `--mlflow`), always closed: FINISHED when the
    block ends, KILLED on Ctrl-C, FAILED on an error - never left RUNNING on the server."""
    if not uri:
        yield None
        return
    with shielded():
        run_id = start_run(uri, name, params)
    try:
        yield run_id
    except BaseException as err:
        with shielded():
            end_quietly(uri, run_id, status_for(err))
        raise
    with shielded():
        end_run(uri, run_id)
