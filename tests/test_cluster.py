"""A check's seeds on one long-lived Dask cluster (a real `dask scheduler` and `tinydigits worker` as subprocesses on
127.0.0.1, shared by the module): a worker killed mid-check, a search on it, an edited notebook class, a worker of
other code joining. What needs a scheduler of its own, or none, is in test_cluster_faults.py."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import TINY_CHECK as TINY
from helpers import curves, run_cli, start_scheduler, stop_processes, tiny_spec
from tinydigits.cluster import engine
from tinydigits.training.config import TrainConfig


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """`dask scheduler` on loopback (port 0, no dashboard) and `tinydigits worker FILE --gpus 2`, shared by this
    module's cluster tests; both stopped (SIGTERM, then SIGKILL) by the tests' end, whatever happens."""
    from distributed import Client

    file = tmp_path_factory.mktemp("dask") / "scheduler.json"
    procs = [start_scheduler(file)]
    try:
        # `--gpus 2` on a CPU machine: two workers, each carrying the GPU resource (and CUDA_VISIBLE_DEVICES, which
        # no GPU here reads), so seeds are routed as on a GPU box - one per "GPU" - and still train on the CPU.
        procs.append(subprocess.Popen([sys.executable, "-m", "tinydigits", "worker", str(file), "--gpus", "2",
                                       "--threads-per-seed", "1", "--host", "127.0.0.1"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        with Client(scheduler_file=str(file), timeout="30s") as client:
            client.wait_for_workers(2, timeout=60)
            yield file, client
    finally:
        stop_processes(*reversed(procs))


@pytest.mark.slow
def test_a_cluster_check_brings_every_seed_home_even_when_a_worker_is_killed(cluster, tmp_path, mnist_dir):
    """Two seeds through a real scheduler and two worker processes (one seed per "GPU"), one SIGKILLed mid-seed:
    every seed lands under the check's folder here, with the curves the local `--jobs 2` path gives."""
    data = ["--data-dir", str(mnist_dir), "--model", tiny_spec(tmp_path)]
    file, client = cluster
    # every worker has a GPU resource, so each seed asks for one: the check below only completes if routing works
    assert engine.task_resources(TrainConfig(), engine.worker_resources(client)) == {"GPU": 1}
    proc = subprocess.Popen([sys.executable, "-m", "tinydigits", "check", "--cluster", str(file), "--seeds", "0,1",
                             *TINY, *data, "--out", str(tmp_path / "far"), "--json", str(tmp_path / "far.json")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not any(client.processing().values()):  # a seed is training on some worker
        assert time.monotonic() < deadline and proc.poll() is None, proc.stderr.read() if proc.poll() else ""
        time.sleep(0.1)
    busy = next(address for address, tasks in client.processing().items() if tasks)
    os.kill(client.run(os.getpid, workers=[busy])[busy], signal.SIGKILL)  # the worker process, not its nanny
    out, err = proc.communicate(timeout=240)
    assert proc.returncode == 0 and "Traceback" not in err, out + err
    far = json.loads((tmp_path / "far.json").read_text())
    folder = Path(far["folder"])
    assert sorted(far["seeds"]) == ["0", "1"] and far["odds"]["passed"] == 2
    for seed in range(2):
        (run_dir,) = folder.glob(f"*-s{seed}")
        assert (run_dir / "model.pt").exists() and (run_dir / "report.md").exists()
    assert (folder / "plan.json").exists() and (folder / "check.md").exists()

    here = run_cli("check", "--seeds", "0,1", "--jobs", "2", *TINY, *data, "--out", str(tmp_path / "near"),
                   "--json", str(tmp_path / "near.json"))
    assert here.returncode == 0, here.stderr
    assert curves(json.loads((tmp_path / "near.json").read_text())) == curves(far)


@pytest.mark.slow
def test_a_search_runs_its_study_workers_on_the_cluster(cluster, tmp_path, mnist_dir):
    """`search --cluster`: one study worker per Dask worker, two trials into a SQLite study on this machine."""
    import optuna

    file, client = cluster
    client.wait_for_workers(2, timeout=60)  # the worker killed above is back (its nanny restarted it)
    storage = f"sqlite:///{tmp_path / 'study.db'}"
    done = run_cli("search", "--cluster", str(file), "--study", "far", "--storage", storage, "--trials", "2", "--epochs",
                   "1", "--last", "1", "--seeds-per-trial", "1", "--train-limit", "1000", "--prune-after", "0",
                   "--data-dir", str(mnist_dir), "--out", str(tmp_path / "out"))
    assert done.returncode == 0 and "2 study worker(s)" in done.stdout, done.stdout + done.stderr
    trained = [t for t in optuna.load_study(study_name="far", storage=storage).trials if "rejected" not in t.user_attrs]
    assert 2 <= len(trained) <= 3 and all(t.state.name == "COMPLETE" for t in trained)  # a race may add one
    assert (tmp_path / "out" / "pareto.md").exists()


NOTEBOOK = """
import sys
import torch.nn as nn
import tinydigits
from tinydigits.constants import Budget

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(1, WIDTH, 3, stride=2), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
                                  nn.Linear(WIDTH, 10))

    def forward(self, x):
        return self.body(x)

verdict = tinydigits.check(Net, seeds=[0], cluster=sys.argv[1], epochs=1, train_limit=300, threads=1,
                           data_dir=sys.argv[2], out=sys.argv[3], budget=Budget(last=1, min_acc=1), log=lambda _: None)
print("PARAMS", verdict.params)
"""


@pytest.mark.slow
def test_an_edited_notebook_class_trains_as_edited_on_a_long_lived_worker(cluster, tmp_path, mnist_dir):
    """Two "kernels" (scripts run as __main__) check `Net`, edited in between, on the same two workers: the second
    check trains the edited class, not the one the workers saw first."""
    file, client = cluster
    client.wait_for_workers(2, timeout=60)
    params = []
    for width in (4, 12):
        script = tmp_path / f"notebook{width}.py"
        script.write_text(NOTEBOOK.replace("WIDTH", str(width)))
        done = subprocess.run([sys.executable, str(script), str(file), str(mnist_dir), str(tmp_path / "runs")],
                              capture_output=True, text=True, timeout=240)
        assert done.returncode == 0, done.stdout + done.stderr
        params.append(int(done.stdout.split("PARAMS")[1]))
    assert params == [4 * 9 + 4 + 4 * 10 + 10, 12 * 9 + 12 + 12 * 10 + 10]


@pytest.mark.slow
def test_a_worker_of_other_code_joining_mid_check_takes_no_seed(cluster, tmp_path, mnist_dir):
    """A worker whose tinydigits differs by one comment joins while the check runs: it is named and refused, every
    seed lands through the good workers, and the verdict is the model's (PASS, exit 0)."""
    import shutil

    file, client = cluster
    client.wait_for_workers(2, timeout=60)
    other = tmp_path / "other"
    shutil.copytree(Path(engine.__file__).resolve().parents[1], other / "tinydigits")
    with (other / "tinydigits" / "errors.py").open("a") as f:
        f.write("# another version\n")
    check = subprocess.Popen([sys.executable, "-m", "tinydigits", "check", "--cluster", str(file), "--seeds",
                              "0,1,2,3", *TINY, "--train-limit", "4000", "--data-dir", str(mnist_dir), "--model",
                              tiny_spec(tmp_path), "--out", str(tmp_path / "runs")],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stranger = subprocess.Popen([sys.executable, "-m", "tinydigits", "worker", str(file), "--nworkers", "1",
                                 "--host", "127.0.0.1"], env={**os.environ, "PYTHONPATH": str(other)},
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        out, err = check.communicate(timeout=240)
    finally:
        stranger.send_signal(signal.SIGTERM)
        stranger.wait(timeout=30)
    assert check.returncode == 0 and "VERDICT: PASS" in out, out + err
    assert out.count(": final ") == 4 and "FAILED" not in out and "NOT RUN" not in out, out
    if "takes no seeds" in out:  # it joined before the last seed was handed out
        assert "runs other code (tinydigits" in out
