"""MLflow, where a user points it (`--mlflow URI`): one MLflow run per training run (seed, trial), a
`check` or a `search` as the parent run. Off by default; `pip install 'tinydigits[mlflow]'`.

The client API with explicit run ids (not mlflow's global "active run"), because a run's life spans
two places: `train` logs settings and per-epoch metrics, and the pictures come later from `publish`
(which finds the run id in config.json). Worker processes of `check` and `search` create their own child
runs under the parent's id.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import os
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tinydigits.errors import TinyDigitsError, describe
from tinydigits.training.events import add_results, hparam_values
from tinydigits.training.runfolder import Run

EXPERIMENT = "tinydigits"
RUN_FILES = ("model.pt", "metrics.json", "config.json", "train.log")  # a finished run's own files, uploaded when it ends
RESULT_FILES = ("report.md", "per_class.csv")  # beside its pictures: what its results wrote
EPOCH_METRICS = ("train_loss", "train_acc", "test_loss", "test_acc", "val_loss", "val_acc", "lr", "seconds")


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
    log_metrics(uri, run_id, {k: row[k] for k in EPOCH_METRICS if k in row}, step=row["epoch"])


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


def publish(run: Run, classes: list[dict[str, Any]], drawn: dict[str, bytes]) -> str | None:
    """`eval`'s results of a run trained earlier, where runs are tracked: per-class accuracy and the pictures (PNG
    bytes by name, as drawn) into a new event file of its folder, the files to its MLflow run when it has one.
    Returns what failed, in one line, instead of raising: the folder already holds everything."""
    add_results(run.folder, classes, drawn, step=len(run.epochs))
    return upload(run)


def pictures(run_dir: Path) -> list[Path]:
    return sorted(run_dir.glob("*.png"))  # a folder that came home from a Dask worker: its pictures are files


def upload(run: Run) -> str | None:
    """The finished folder's pictures and report to its MLflow run (named in its record), if it has one."""
    if run.settings.mlflow and run.mlflow_run_id:
        try:
            log_files(run.settings.mlflow, run.mlflow_run_id,
                      [*pictures(run.folder), *(run.folder / n for n in RESULT_FILES)])
        except TinyDigitsError as err:
            return f"{run.folder.name}: results not uploaded ({err})"
    return None


def log_landed(uri: str, parent: str | None, run: Run) -> str | None:
    """A seed that trained on a Dask worker (which needs no MLflow access), logged from the machine that runs the
    check once its folder is home: the child run `<model>-s<seed>` with its settings (config.json as written), every
    epoch's row, then its files. Its id goes into the folder's config.json, as for a run that logged while it
    trained. Returns what failed, in one line."""
    try:
        run_id = start_run(uri, f"{run.name}-s{run.seed}", run.config_json(), parent)
    except TinyDigitsError as err:
        return f"{run.folder.name}: not logged to MLflow ({err})"
    try:
        for epoch in run.epochs:
            log_epoch(uri, run_id, epoch.row())
        logged = dataclasses.replace(run, settings=dataclasses.replace(run.settings, mlflow=uri), mlflow_run_id=run_id,
                                     unrecorded=run.unrecorded - {"mlflow"})
        logged.save_config()
        log_files(uri, run_id, [run.folder / n for n in RUN_FILES])
        warning = upload(logged)
    except TinyDigitsError as err:
        end_quietly(uri, run_id, "FAILED")
        return f"{run.folder.name}: not logged to MLflow ({err})"
    end_quietly(uri, run_id, "FINISHED")
    return warning


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
