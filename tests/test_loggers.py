"""A run's loggers (`training.loggers`): one close for every kind of run - trained, failed, evaluated again, a check's
seed logged once home from a Dask worker - and a close that outlives a logger that fails."""

from __future__ import annotations

import json
import shutil

import pytest

from helpers import tiny_spec, train
from tinydigits.cli import main
from tinydigits.lifecycle.finish import finish
from tinydigits.results.records import Run
from tinydigits.training import loggers, tracking
from tinydigits.training.config import TrainConfig


@pytest.fixture
def closes(monkeypatch):
    """Every `Loggers.close` as (status, the files' names, the kinds of logger), the close itself as it is."""
    seen: list[tuple[str | None, list[str], list[str]]] = []
    real = loggers.Loggers.close

    def close(self, status=loggers.FINISHED, files=()):
        files = list(files)
        if not self.closed:
            seen.append((status, [f.name for f in files], [type(lg).__name__ for lg in self.loggers]))
        return real(self, status, files)

    monkeypatch.setattr(loggers.Loggers, "close", close)
    return seen


@pytest.fixture
def fake_mlflow(monkeypatch):
    """MLflow's calls as a list, no store: what a run's MLflow logger sends, in order."""
    calls: list[tuple] = []
    monkeypatch.setattr(tracking, "start_run", lambda uri, name, params, parent=None: calls.append(("start", name)) or "r1")
    monkeypatch.setattr(tracking, "log_epoch", lambda uri, run_id, row: calls.append(("epoch", row["epoch"])))
    monkeypatch.setattr(tracking, "log_files", lambda uri, run_id, paths: calls.append(("files", [p.name for p in paths])))
    monkeypatch.setattr(tracking, "end_run", lambda uri, run_id, status="FINISHED": calls.append(("end", status)))
    monkeypatch.setattr(tracking, "end_quietly", lambda uri, run_id, status: calls.append(("end", status)))
    return calls


def _tiny(tmp_path, mnist_dir, **extra) -> TrainConfig:
    return TrainConfig(model=tiny_spec(tmp_path), epochs=1, seed=0, data_dir=str(mnist_dir), out=str(tmp_path / "runs"),
                       train_limit=600, **extra)


def test_a_trained_run_closes_its_loggers_once_with_its_files(closes, fake_mlflow, tmp_path, mnist_dir):
    result = train(_tiny(tmp_path, mnist_dir, mlflow="file:///nowhere"), quiet=True, log=lambda _: None)
    assert finish(result) is None and result.close() is None  # the second close does nothing
    [(status, names, kinds)] = closes
    assert status == "FINISHED" and kinds == ["TensorBoard", "MLflow"]
    assert {"model.pt", "metrics.json", "config.json", "curves.png", "report.md"} <= set(names)
    assert [c[0] for c in fake_mlflow] == ["start", "epoch", "files", "end"] and fake_mlflow[-1] == ("end", "FINISHED")
    assert json.loads((result.run_dir / "config.json").read_text())["mlflow_run_id"] == "r1"


def test_a_run_that_fails_closes_its_loggers_failed(closes, fake_mlflow, tmp_path, mnist_dir):
    def boom(row):
        raise RuntimeError("stop here")

    with pytest.raises(RuntimeError, match="stop here"):
        train(_tiny(tmp_path, mnist_dir, mlflow="file:///nowhere"), quiet=True, log=lambda _: None, on_epoch=boom)
    assert [(status, kinds) for status, _, kinds in closes] == [("FAILED", ["TensorBoard", "MLflow"])]
    assert fake_mlflow[-1] == ("end", "FAILED")


def test_eval_gives_a_tracked_runs_loggers_its_new_results(closes, fake_mlflow, tiny_run, tmp_path, mnist_dir):
    folder = shutil.copytree(tiny_run.run_dir, tmp_path / "run")
    config = json.loads((folder / "config.json").read_text())
    (folder / "config.json").write_text(json.dumps({**config, "mlflow": "file:///nowhere", "mlflow_run_id": "r0"}))
    events = len(list(folder.glob("events.out.tfevents.*")))
    assert main(["eval", str(folder), "--data-dir", str(mnist_dir)]) == 0
    [(status, names, kinds)] = closes
    assert status is None and kinds == ["TensorBoard", "MLflow"]  # a run that ended keeps its state
    assert {"curves.png", "per_class.png", "report.md", "per_class.csv"} <= set(names)
    assert [c[0] for c in fake_mlflow] == ["files"]  # no new run, no end
    assert len(list(folder.glob("events.out.tfevents.*"))) == events + 1


def test_a_seed_home_from_a_worker_is_logged_and_closed_through_the_same_face(closes, fake_mlflow, tiny_run, tmp_path):
    folder = shutil.copytree(tiny_run.run_dir, tmp_path / "seed")
    assert loggers.landed("file:///nowhere", "parent", Run.load(folder)) is None
    [(status, names, kinds)] = closes
    assert status == "FINISHED" and kinds == ["MLflow"] and {"model.pt", "curves.png", "report.md"} <= set(names)
    epochs = len(tiny_run.run.epochs)
    assert fake_mlflow == [("start", f"{tiny_run.run.name}-s0"), *(("epoch", e + 1) for e in range(epochs)),
                           ("files", names), ("end", "FINISHED")]
    assert Run.load(folder).mlflow_run_id == "r1"


def test_a_failing_logger_neither_keeps_the_others_open_nor_replaces_the_runs_error():
    said = []

    class Broken:
        def close(self, status, files):
            raise OSError("disk gone")

    class Kept:
        def close(self, status, files):
            said.append(status)
            return "kept: not uploaded"

    assert loggers.Loggers(Broken(), Kept()).close("KILLED") == "kept: not uploaded"  # the run's own error goes on
    assert said == ["KILLED"]
    with pytest.raises(OSError, match="disk gone"):  # a finished run hears of it, once every logger is closed
        loggers.Loggers(Broken(), Kept()).close(loggers.FINISHED)
    assert said == ["KILLED", "FINISHED"]
