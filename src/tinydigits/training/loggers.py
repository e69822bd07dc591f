"""Where a run's figures go besides its folder, behind one face as Lightning's loggers have it: TensorBoard's event
file, always, and an MLflow run where `--mlflow URI` names a store. A logger takes each epoch's row, the results
after evaluation (per-class accuracy, the pictures), and one `close` with how the run ended and the files to keep.

Every kind of run ends through `Loggers.close`, once: a run as it trains and a search trial (`bookkeeping.RunRecord`),
a check's seed that trained on a Dask worker and is logged once its folder is home (`landed`), and a run evaluated
again (`reopened`, for `eval`). A close returns what failed to publish, in one line, and never raises for it: the
folder already holds everything, and a server that is away must not undo a finished run or check."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol

from tinydigits.errors import TinyDigitsError
from tinydigits.training import tracking
from tinydigits.training.events import RunEvents
from tinydigits.training.runfolder import Run

FINISHED = "FINISHED"
RUN_FILES = ("model.pt", "metrics.json", "config.json", "train.log")  # a finished run's own files
RESULT_FILES = ("report.md", "per_class.csv")  # beside its pictures: what its results wrote


class Logger(Protocol):
    def epoch(self, row: dict[str, Any]) -> None: ...

    def results(self, classes: list[dict[str, Any]], pictures: dict[str, bytes], step: int) -> None: ...

    def close(self, status: str | None, files: list[Path]) -> str | None: ...


class TensorBoard:
    """A run's event file (`events.RunEvents`); `final` gives the settings, the test accuracy of each epoch and the
    epochs the budget judges, closed into it as hparams (None: a file of results only, as `eval` adds)."""

    def __init__(self, events: RunEvents, final: Callable[[], tuple[dict[str, Any], list[float], int]] | None) -> None:
        self.events, self.final = events, final

    def epoch(self, row: dict[str, Any]) -> None:
        self.events.epoch(row)

    def results(self, classes: list[dict[str, Any]], pictures: dict[str, bytes], step: int) -> None:
        self.events.results(classes, pictures, step)

    def close(self, status: str | None, files: list[Path]) -> str | None:
        config, accs, last = self.final() if self.final else ({}, [], 0)
        self.events.close(config, accs, last)
        return None


class MLflow:
    """One MLflow run by its id. Closed FINISHED, it gets the files and ends; closed any other way it ends so
    (KILLED, FAILED) without replacing the error on its way out; closed with no status (a run that ended earlier,
    evaluated again), it gets the files and keeps its state."""

    def __init__(self, uri: str, run_id: str, folder: Path) -> None:
        self.uri, self.run_id, self.folder = uri, run_id, folder

    @classmethod
    def start(cls, uri: str, name: str, params: dict[str, Any], parent: str | None, folder: Path) -> MLflow:
        return cls(uri, tracking.start_run(uri, name, params, parent), folder)

    def epoch(self, row: dict[str, Any]) -> None:
        tracking.log_epoch(self.uri, self.run_id, row)

    def results(self, classes: list[dict[str, Any]], pictures: dict[str, bytes], step: int) -> None:
        return None  # the pictures go as files, at the close

    def close(self, status: str | None, files: list[Path]) -> str | None:
        if status not in (None, FINISHED):
            tracking.end_quietly(self.uri, self.run_id, status)
            return None
        try:
            tracking.log_files(self.uri, self.run_id, files)
            if status:
                tracking.end_run(self.uri, self.run_id, status)
        except TinyDigitsError as err:
            if status:
                tracking.end_quietly(self.uri, self.run_id, "FAILED")
            return f"{self.folder.name}: results not uploaded ({err})"
        return None


class Loggers:
    """A run's loggers as one: each call goes to every one of them; `close` closes each once (a second does nothing)
    and returns what failed, in one line."""

    def __init__(self, *loggers: Logger | None) -> None:
        self.loggers = [logger for logger in loggers if logger is not None]
        self.closed = False

    def epoch(self, row: dict[str, Any]) -> None:
        for logger in self.loggers:
            logger.epoch(row)

    def results(self, classes: list[dict[str, Any]], pictures: dict[str, bytes], step: int) -> None:
        for logger in self.loggers:
            logger.results(classes, pictures, step)

    def close(self, status: str | None = FINISHED, files: Iterable[Path] = ()) -> str | None:
        """Every logger closed, even when one before it raises: a run that ended in an error keeps that error (a
        logger's own is dropped); a finished one raises the first logger's error once all are closed."""
        if self.closed:
            return None
        self.closed = True
        listed, failed, raised = list(files), [], None
        for logger in self.loggers:
            try:
                if said := logger.close(status, listed):
                    failed.append(said)
            except Exception as err:
                raised = raised or err
        if raised is not None and status in (None, FINISHED):
            raise raised
        return "; ".join(failed) or None


def finished_files(folder: Path, pictures: Iterable[str]) -> list[Path]:
    """What a finished run keeps on its MLflow run: its own files, its pictures (by name), its results' files."""
    return [folder / name for name in (*RUN_FILES, *(f"{p}.png" for p in pictures), *RESULT_FILES)]


def drawn(folder: Path) -> list[str]:
    """The pictures a finished folder holds (one that came home from a Dask worker holds them as files)."""
    return [path.stem for path in sorted(folder.glob("*.png"))]


def landed(uri: str, parent: str | None, run: Run) -> str | None:
    """A seed that trained on a Dask worker (which needs no MLflow access), logged from the machine that runs the
    check once its folder is home: the child run `<model>-s<seed>` with its settings (config.json as written), every
    epoch's row, then its files. Its id goes into the folder's config.json, as for a run that logged while it
    trained. Returns what failed, in one line."""
    try:
        mlflow = MLflow.start(uri, f"{run.name}-s{run.seed}", run.config_json(), parent, run.folder)
    except TinyDigitsError as err:
        return f"{run.folder.name}: not logged to MLflow ({err})"
    loggers = Loggers(mlflow)
    try:
        for epoch in run.epochs:
            loggers.epoch(epoch.row())
        dataclasses.replace(run, settings=dataclasses.replace(run.settings, mlflow=uri), mlflow_run_id=mlflow.run_id,
                            unrecorded=run.unrecorded - {"mlflow"}).save_config()
    except TinyDigitsError as err:
        loggers.close("FAILED")
        return f"{run.folder.name}: not logged to MLflow ({err})"
    return loggers.close(FINISHED, finished_files(run.folder, drawn(run.folder)))


def reopened(run: Run) -> Loggers:
    """The loggers of a run trained earlier, for `eval`'s results: a new event file in its folder and, where the run
    was tracked, its MLflow run (named in its record), which keeps its state. Close with `reopened_files`."""
    tracked = run.settings.mlflow and run.mlflow_run_id
    return Loggers(TensorBoard(RunEvents(run.folder), None),
                   MLflow(run.settings.mlflow, run.mlflow_run_id, run.folder) if tracked else None)


def reopened_files(folder: Path) -> list[Path]:
    """What `eval` rewrites, for the run's MLflow run: its pictures and its results' files."""
    return [*(folder / f"{p}.png" for p in drawn(folder)), *(folder / n for n in RESULT_FILES)]
