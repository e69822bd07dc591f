"""A check's seeds on Dask: a real `dask scheduler` and `tinydigits worker` as subprocesses on 127.0.0.1, a worker
killed mid-check, Ctrl-C then `--resume`, and the small rules (addresses, versions, GPU routing)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import run_cli, tiny_spec
from tinydigits.constants import Budget
from tinydigits.errors import TinyDigitsError
from tinydigits.training.config import TrainConfig
from tinydigits.verdict import engine

TINY = ["--epochs", "1", "--last", "1", "--min-acc", "1", "--train-limit", "2000", "--threads", "1"]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """`dask scheduler` on loopback (port 0, no dashboard) and `tinydigits worker FILE --gpus 2`, shared by this
    module's cluster tests; both stopped (SIGTERM, then SIGKILL) by the tests' end, whatever happens."""
    file = tmp_path_factory.mktemp("dask") / "scheduler.json"
    procs = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port",
                               "0", "--no-dashboard", "--scheduler-file", str(file)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        # `--gpus 2` on a CPU machine: two workers, each carrying the GPU resource (and CUDA_VISIBLE_DEVICES, which
        # no GPU here reads), so seeds are routed as on a GPU box - one per "GPU" - and still train on the CPU.
        procs.append(subprocess.Popen([sys.executable, "-m", "tinydigits", "worker", str(file), "--gpus", "2",
                                       "--threads-per-seed", "1", "--host", "127.0.0.1"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        from distributed import Client

        deadline = time.monotonic() + 60
        while not file.exists():
            assert time.monotonic() < deadline, "the scheduler did not start"
            time.sleep(0.2)
        with Client(scheduler_file=str(file), timeout="30s") as client:
            client.wait_for_workers(2, timeout=60)
            yield file, client
    finally:
        for proc in reversed(procs):
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def curves(verdict: dict) -> dict[str, list[float]]:
    return {seed: row["last"] for seed, row in verdict["seeds"].items()}


@pytest.mark.slow
def test_a_cluster_check_brings_every_seed_home_even_when_a_worker_is_killed(cluster, tmp_path, mnist_dir):
    """Three seeds through a real scheduler and two worker processes (one seed per "GPU"), one SIGKILLed mid-seed:
    every seed lands under the check's folder here, with the curves the local `--jobs 2` path gives."""
    data = ["--data-dir", str(mnist_dir), "--model", tiny_spec(tmp_path)]
    file, client = cluster
    # every worker has a GPU resource, so each seed asks for one: the check below only completes if routing works
    assert engine.task_resources(TrainConfig(), engine.worker_resources(client)) == {"GPU": 1}
    proc = subprocess.Popen([sys.executable, "-m", "tinydigits", "check", "--cluster", str(file), "--seeds", "0,1,2",
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
    assert sorted(far["seeds"]) == ["0", "1", "2"] and far["odds"]["passed"] == 3
    for seed in range(3):
        (run_dir,) = folder.glob(f"*-s{seed}")
        assert (run_dir / "model.pt").exists() and (run_dir / "report.md").exists()
    assert (folder / "plan.json").exists() and (folder / "check.md").exists()

    here = run_cli("check", "--seeds", "0,1,2", "--jobs", "2", *TINY, *data, "--out", str(tmp_path / "near"),
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


def test_ctrl_c_then_resume_trains_only_the_rest_and_gives_the_same_verdict(tmp_path, mnist_dir):
    from tinydigits.verdict.seeds import check, resume

    cfg = TrainConfig(model=tiny_spec(tmp_path), epochs=1, train_limit=500, threads=1, precision="fp32", data_dir=str(mnist_dir),
                      out=str(tmp_path / "cut")).resolved()
    budget = Budget(last=1, min_acc=1)

    def interrupt_after_first_seed(line: str) -> None:
        if line.startswith("seed 0: final"):
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt, match="go on with: tinydigits check --resume"):
        check(cfg, [0, 1], 1, budget, log=interrupt_after_first_seed)
    (folder,) = (tmp_path / "cut").iterdir()
    (first,) = folder.glob("*-s0")
    stamp = (first / "model.pt").stat().st_mtime_ns
    lines: list[str] = []
    resumed = resume(folder, log=lines.append)
    assert "seeds 0 already trained; training 1" in lines[0]
    assert (first / "model.pt").stat().st_mtime_ns == stamp and len(list(folder.glob("*-s0"))) == 1
    whole = check(cfg.__class__(**{**cfg.__dict__, "out": str(tmp_path / "whole")}), [0, 1], 1, budget, log=lambda _: None)
    assert curves(resumed) == curves(whole) and resumed["pass"] == whole["pass"] and resumed["odds"] == whole["odds"]
    assert (folder / "check.md").exists() and list(resumed["seeds"]) == ["0", "1"]

    with pytest.raises(TinyDigitsError, match="not a check folder"):
        resume(tmp_path)


def test_addresses_versions_and_gpu_routing():
    assert engine.scheduler_target("tcp://10.0.0.5:8786") == {"address": "tcp://10.0.0.5:8786"}
    assert engine.scheduler_target("tls://head:8786") == {"address": "tls://head:8786"}
    assert engine.scheduler_target("127.0.0.1:8786") == {"address": "127.0.0.1:8786"}
    assert engine.scheduler_target("/shared/scheduler.json") == {"scheduler_file": "/shared/scheduler.json"}
    with pytest.raises(TinyDigitsError, match="no such scheduler file"), engine.client_for("/no/such/scheduler.json", 1):
        pass

    here = {"tinydigits": "abc", "torch": "2.13.0", "python": "3.11"}
    engine.refuse_other_versions(here, {"tcp://a:1": dict(here)})
    with pytest.raises(TinyDigitsError, match=r"worker tcp://b:1 runs other code \(torch 2.12.0 there, 2.13.0 here\)"):
        engine.refuse_other_versions(here, {"tcp://a:1": dict(here), "tcp://b:1": {**here, "torch": "2.12.0"}})

    cpu, gpu = {"tcp://a:1": {}}, {"tcp://a:1": {"GPU": 1.0}, "tcp://b:1": {"GPU": 1.0}}
    assert engine.task_resources(TrainConfig(), cpu) is None
    assert engine.task_resources(TrainConfig(), gpu) == {"GPU": 1}  # every worker has one: one seed per GPU
    assert engine.task_resources(TrainConfig(), {**gpu, "tcp://c:1": {}}) is None  # a mixed cluster: anywhere
    assert engine.task_resources(TrainConfig(device="cpu"), gpu) is None
    assert engine.task_resources(TrainConfig(device="cuda:0"), gpu) == {"GPU": 1}
    with pytest.raises(TinyDigitsError, match="no worker has a GPU"):
        engine.task_resources(TrainConfig(device="cuda"), cpu)
    (one, two) = engine.worker_commands("tcp://h:8786", 4, 2, None)
    assert one[-2:] == ["--resources", "GPU=1"] and two[two.index("--nworkers") + 1] == "1"
    (only,) = engine.worker_commands("tcp://h:8786", 3, 0, "127.0.0.1", ["--tls-ca-file", "ca.pem"])
    assert only[-2:] == ["--tls-ca-file", "ca.pem"]
    assert only[only.index("--nworkers") + 1] == "3" and only[only.index("--nthreads") + 1] == "1"


def test_a_run_folder_travels_packed_and_stays_inside_the_check(tmp_path):
    run = tmp_path / "model3-x-s0"
    run.mkdir()
    (run / "metrics.json").write_text("{}")
    landed = engine.unpack(engine.pack(run), tmp_path / "home")
    assert landed == tmp_path / "home" / "model3-x-s0" and (landed / "metrics.json").read_text() == "{}"
    import io
    import tarfile

    evil = io.BytesIO()
    with tarfile.open(fileobj=evil, mode="w:gz") as tar:
        info = tarfile.TarInfo("../outside.txt")
        tar.addfile(info, io.BytesIO(b""))
    with pytest.raises(Exception):  # noqa: B017 - tarfile's data filter refuses a path out of the folder
        engine.unpack(evil.getvalue(), tmp_path / "home2")
    assert not (tmp_path / "outside.txt").exists()
