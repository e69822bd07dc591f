"""`--mlflow URI`: a real `mlflow server` (SQLite backend, temp dir, free loopback port) receives runs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from helpers import run_cli, run_main, tiny_spec
from tinydigits.constants import DEFAULT_MODEL
from tinydigits.measure.loadtest import free_port, stop_process

pytest.importorskip("mlflow", reason="the mlflow extra is not installed (pip install 'tinydigits[mlflow]')")


@pytest.fixture(scope="module")
def mlflow_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mlflow")
    port = free_port()
    mlflow = shutil.which("mlflow", path=str(Path(sys.executable).parent)) or "mlflow"
    log = (folder / "server.log").open("w")
    # The server's job runner (seven huey consumers, each importing mlflow) serves server-side jobs, which tracking
    # never asks for: off, the server starts in two processes instead of nine.
    env = {**os.environ, "MLFLOW_SERVER_ENABLE_JOB_EXECUTION": "false"}
    server = subprocess.Popen([mlflow, "server", "--backend-store-uri", f"sqlite:///{folder / 'mlflow.db'}",
                               "--artifacts-destination", str(folder / "artifacts"), "--host", "127.0.0.1", "--port", str(port),
                               "--workers", "1"], stdout=subprocess.DEVNULL, stderr=log, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while True:
        try:
            urllib.request.urlopen(f"{url}/health", timeout=5)
            break
        except OSError:
            if server.poll() is not None or time.time() > deadline:
                server.kill()
                pytest.fail(f"mlflow server did not start: {(folder / 'server.log').read_text()[-2000:]}")
            time.sleep(0.5)
    try:
        yield url
    finally:
        stop_process(server, timeout=20)
        log.close()


def _runs(url: str):
    from mlflow.tracking import MlflowClient

    client = MlflowClient(tracking_uri=url)
    experiment = client.get_experiment_by_name("tinydigits")
    return client, client.search_runs([experiment.experiment_id])


def test_a_train_run_lands_in_mlflow_with_its_metrics_and_artifacts(mlflow_server, mnist_dir, tmp_path):
    done = subprocess.run([sys.executable, "-m", "tinydigits", "train", "--epochs", "1", "--train-limit", "2000", "--quiet",
                           "--data-dir", str(mnist_dir), "--out", str(tmp_path), "--mlflow", mlflow_server],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    run_dir = Path(done.stdout.strip().splitlines()[-1])
    metrics = json.loads((run_dir / "metrics.json").read_text())
    run_id = json.loads((run_dir / "config.json").read_text())["mlflow_run_id"]
    client, runs = _runs(mlflow_server)
    run = next(r for r in runs if r.info.run_id == run_id)
    assert run.info.status == "FINISHED" and run.data.params["model"] == DEFAULT_MODEL and run.data.params["seed"] == "0"
    history = {m.step: m.value for m in client.get_metric_history(run_id, "test_acc")}
    assert history == pytest.approx({e["epoch"]: e["test_acc"] for e in metrics["epochs"]})
    artifacts = {a.path for a in client.list_artifacts(run_id)}
    assert {"model.pt", "metrics.json", "config.json", "curves.png", "confusion.png", "report.md"} <= artifacts


def test_a_check_is_the_parent_of_its_seeds_runs(mlflow_server, mnist_dir, tmp_path, screenshot):
    # --jobs 2: the seeds train on Dask workers, which never see MLflow; the check logs each child run as it lands.
    # The two-conv spec named "tiny": cheap seeds on the path every model takes; two epochs draw a curve.
    done = subprocess.run([sys.executable, "-m", "tinydigits", "check", "--model", tiny_spec(tmp_path), "--seeds",
                           "0,1,2", "--epochs", "2", "--last", "1", "--jobs", "2", "--train-limit", "1000", "--data-dir",
                           str(mnist_dir), "--out", str(tmp_path), "--mlflow", mlflow_server],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1 and "VERDICT: FAIL" in done.stdout, done.stderr  # 2 epochs on 1,000 images cannot hold 99.4 %
    client, runs = _runs(mlflow_server)
    parent = next(r for r in runs if r.info.run_name.startswith("check-tiny"))
    children = [r for r in runs if r.data.tags.get("mlflow.parentRunId") == parent.info.run_id]
    assert sorted(r.data.params["seed"] for r in children) == ["0", "1", "2"]
    assert parent.data.metrics["pass"] == 0.0 and "probability" in parent.data.metrics
    assert {"check.md", "check.png", "check.json"} <= {a.path for a in client.list_artifacts(parent.info.run_id)}

    def seeds_test_curves(page):  # open the check's children and keep the test_* charts
        page.locator("button[data-component-id*=runnamecellrenderer]").first.click()
        page.locator("text=tiny-s2").first.wait_for(timeout=30000)
        page.get_by_placeholder("Search metric charts").fill("test_")
        page.locator("text=test_loss").first.wait_for(timeout=30000)

    screenshot(f"{mlflow_server}/#/experiments/{parent.info.experiment_id}/runs?compareRunsMode=CHART", "mlflow.png",
               "text=check-tiny", prepare=seeds_test_curves, width=1600, height=900, polls=True)


def test_an_unreachable_server_is_one_line_before_any_training(mnist_dir, tmp_path):
    done = run_main("train", "--epochs", "1", "--data-dir", str(mnist_dir), "--out", str(tmp_path), "--mlflow",
                    f"http://127.0.0.1:{free_port()}")
    assert done.returncode == 1 and done.stderr.startswith("tinydigits: error: --mlflow") and done.stderr.count("\n") == 1


def test_ctrl_c_in_a_check_leaves_no_run_running_and_a_consistent_folder(mnist_dir, tmp_path):
    """Ctrl-C after the first epoch: the check's parent run and the seed's run end KILLED (a real MLflow store,
    SQLite, no server), and the run folder holds the finished epochs, says it was interrupted, and its model loads."""
    import signal

    from mlflow.tracking import MlflowClient

    from tinydigits.training import runs

    store = f"sqlite:///{tmp_path / 'mlflow.db'}"
    proc = subprocess.Popen([sys.executable, "-m", "tinydigits", "check", "--seeds", "0", "--epochs", "40", "--last", "1",
                             "--train-limit", "1000", "--data-dir", str(mnist_dir), "--out", str(tmp_path / "out"),
                             "--mlflow", store], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            # Ctrl-C as a terminal delivers it: a child inherits an ignored SIGINT (as under `cmd &`),
                            # and some earlier test in the suite leaves it ignored in this process.
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.time() + 300
    metrics = None
    while time.time() < deadline and proc.poll() is None:
        metrics = next((tmp_path / "out").glob("check-*/*-s0/metrics.json"), None) if (tmp_path / "out").exists() else None
        if metrics is not None and json.loads(metrics.read_text())["epochs"]:
            break
        time.sleep(0.2)
    assert metrics is not None and proc.poll() is None, "the check did not reach its first epoch"
    os.kill(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130 and "interrupted after" in err and "Traceback" not in err, err

    client = MlflowClient(tracking_uri=store)
    found = client.search_runs([client.get_experiment_by_name("tinydigits").experiment_id])
    assert sorted(r.info.run_name.split("-")[0] for r in found) == ["check", DEFAULT_MODEL]
    assert {r.info.status for r in found} == {"KILLED"}

    run_dir = metrics.parent
    record = json.loads(metrics.read_text())
    assert record["interrupted"] is True and record["complete"] is False and 1 <= len(record["epochs"]) < 40
    assert [e["epoch"] for e in record["epochs"]] == list(range(1, len(record["epochs"]) + 1))
    model, _ = runs.load_model(run_dir, "cpu")
    assert sum(p.numel() for p in model.parameters()) == record["params"]


def test_a_database_store_keeps_artifacts_beside_it_not_in_the_current_folder(mnist_dir, tmp_path, monkeypatch):
    """`--mlflow sqlite:///...`: MLflow's default would write ./mlruns wherever the user stands."""
    pytest.importorskip("mlflow")
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    proc = run_cli("train", "--epochs", "1", "--train-limit", "500", "--data-dir", str(mnist_dir),
                   "--mlflow", f"sqlite:///{tmp_path}/ml.db", "--out", str(tmp_path / "runs"), "--quiet",
                   cwd=str(here))
    assert proc.returncode == 0, proc.stderr
    assert list(here.iterdir()) == []
    assert any((tmp_path / "mlartifacts").rglob("metrics.json"))
