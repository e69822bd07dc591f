"""When a check's machinery fails: Ctrl-C then `--resume`, no worker, a GPU asked of CPU workers, a scheduler killed
mid-check (as subprocesses on 127.0.0.1: a scheduler of its own where a test needs none or kills it, else the module's
`two_arithmetics`), tampered archives, `--resume` against changed code or flags, and the small rules (addresses,
versions, GPU routing, worker flags)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import TINY_CHECK as TINY
from helpers import curves, start_scheduler, stop_processes, tiny_spec
from tinydigits.cluster import engine
from tinydigits.constants import Budget
from tinydigits.errors import TinyDigitsError
from tinydigits.training.config import TrainConfig
from tinydigits.training.device import cpu_flags


def test_ctrl_c_then_resume_trains_only_the_rest_and_gives_the_same_verdict(tmp_path, mnist_dir):
    from tinydigits.lifecycle import make
    from tinydigits.verdict.seeds import check, resume

    cfg = TrainConfig(model=tiny_spec(tmp_path), epochs=1, train_limit=500, threads=1, precision="fp32", data_dir=str(mnist_dir),
                      out=str(tmp_path / "cut"))
    budget = Budget(last=1, min_acc=1)

    def interrupt_after_first_seed(line: str) -> None:
        if line.startswith("seed 0: final"):
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt, match="go on with: tinydigits check --resume") as stopped:
        check(make(cfg, budget), [0, 1], log=interrupt_after_first_seed)
    assert str(stopped.value).startswith("interrupted; the seeds that finished are kept")  # a bare Ctrl-C says so
    (folder,) = (tmp_path / "cut").iterdir()
    (first,) = folder.glob("*-s0")
    stamp = (first / "model.pt").stat().st_mtime_ns
    lines: list[str] = []
    resumed = resume(folder, log=lines.append)
    assert "seeds 0 already trained; training 1" in lines[0]
    assert (first / "model.pt").stat().st_mtime_ns == stamp and len(list(folder.glob("*-s0"))) == 1
    whole = check(make(cfg, budget).with_config(out=str(tmp_path / "whole")), [0, 1], log=lambda _: None)
    assert curves(resumed) == curves(whole) and resumed.passed == whole.passed and resumed.odds == whole.odds
    assert (folder / "check.md").exists() and list(resumed.seeds) == [0, 1]

    with pytest.raises(TinyDigitsError, match="not a check folder"):
        resume(tmp_path)


def test_the_workers_are_asked_of_the_scheduler_not_the_clients_cache():
    """Dask's client refreshes its cached identity every 2 s with one that lists no workers: read at that instant it
    said every worker had left, and a 15-epoch check re-queued the seeds it was training. The dispatcher asks now."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as local, \
            Client(local) as client:
        (address,) = engine.workers_now(client)
        client._scheduler_identity = client.sync(client.scheduler.identity, n_workers=0)  # what the refresh leaves
        assert client._scheduler_identity["workers"] == {}
        assert list(engine.workers_now(client)) == [address] and engine.worker_resources(client) == {address: {}}


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


def _archive(*members: tuple[str, bytes]) -> bytes:
    import io
    import tarfile

    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def test_a_run_folder_travels_packed_and_a_tampered_archive_writes_nothing(tmp_path):
    run = tmp_path / "model3-x-s0"
    run.mkdir()
    (run / "metrics.json").write_text("{}")
    home = tmp_path / "home"
    home.mkdir()
    landed = engine.unpack(engine.pack(run), home, 0)
    assert landed == home / "model3-x-s0" and (landed / "metrics.json").read_text() == "{}"
    tampered = {
        "a path out of the folder": _archive(("model3-y-s1/../../outside.txt", b"x")),
        "plan.json instead of a run folder": _archive(("plan.json", b"{}")),
        "another seed's folder": _archive(("model3-y-s2/metrics.json", b"{}")),
        "two folders": _archive(("model3-y-s1/a", b""), ("model3-z-s1/b", b"")),
        "a link": None,
    }
    import io
    import tarfile

    link = io.BytesIO()
    with tarfile.open(fileobj=link, mode="w:gz") as tar:
        info = tarfile.TarInfo("model3-y-s1/model.pt")
        info.type, info.linkname = tarfile.SYMTYPE, "/etc/passwd"
        tar.addfile(info)
    tampered["a link"] = link.getvalue()
    for what, archive in tampered.items():
        with pytest.raises(engine.WorkerRefused):
            engine.unpack(archive, home, 1)
        assert sorted(p.name for p in home.iterdir()) == ["model3-x-s0"], what  # no landing folder left either
    assert not (tmp_path / "outside.txt").exists()
    with pytest.raises(engine.WorkerRefused, match="MB"):
        engine.unpack(b"\0" * (engine.MAX_ARCHIVE + 1), home, 1)


def start_worker(scheduler_file: Path, *flags: str) -> subprocess.Popen:
    """`tinydigits worker` with one worker process on loopback, its output dropped (a test reads the check's)."""
    return subprocess.Popen([sys.executable, "-m", "tinydigits", "worker", str(scheduler_file), "--nworkers", "1",
                             "--host", "127.0.0.1", *flags], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def two_arithmetics(tmp_path_factory):
    """A scheduler with two CPU workers, one pinned to AVX2 (portable, the default), one on this CPU's own kernels
    (`--no-portable`): shared by the tests whose cluster stays whole (starting one is seconds of imports).
    Yields the scheduler file; everything is stopped by the module's end."""
    from distributed import Client

    scheduler = tmp_path_factory.mktemp("dask") / "scheduler.json"
    procs = [start_scheduler(scheduler)]
    try:
        procs += [start_worker(scheduler, "--portable"), start_worker(scheduler, "--no-portable")]
        with Client(scheduler_file=str(scheduler), timeout="30s") as client:
            client.wait_for_workers(2, timeout=60)
        yield scheduler
    finally:
        stop_processes(*reversed(procs))


@pytest.mark.slow
def test_with_no_worker_a_check_says_in_one_line_which_ports_to_open(tmp_path, mnist_dir):
    """Within --wait-workers, one line naming the worker port, and no empty check folder left behind."""
    from helpers import run_main

    scheduler = tmp_path / "scheduler.json"
    procs = [start_scheduler(scheduler)]
    try:
        none = run_main("check", "--cluster", str(scheduler), "--seeds", "0", *TINY, "--data-dir", str(mnist_dir),
                        "--model", tiny_spec(tmp_path), "--wait-workers", "2", "--out", str(tmp_path / "runs"))
    finally:
        stop_processes(*procs)
    assert none.returncode == 1 and "no worker joined the Dask scheduler" in none.stderr
    assert "--worker-port" in none.stderr and len(none.stderr.strip().splitlines()) == 1, none.stderr
    assert not (tmp_path / "runs").exists() or not any((tmp_path / "runs").iterdir())


@pytest.mark.slow
def test_a_gpu_asked_of_cpu_workers_is_one_line_before_any_seed(two_arithmetics, tmp_path, mnist_dir):
    from helpers import run_main

    cuda = run_main("check", "--cluster", str(two_arithmetics), "--seeds", "0", *TINY, "--data-dir", str(mnist_dir),
                    "--model", tiny_spec(tmp_path), "--device", "cuda", "--out", str(tmp_path / "runs"))
    assert cuda.returncode == 1 and "no worker has a GPU" in cuda.stderr and "VERDICT" not in cuda.stdout


@pytest.mark.slow
def test_a_scheduler_lost_mid_check_leaves_an_incomplete_verdict_that_names_its_resume(tmp_path, mnist_dir):
    """The scheduler SIGKILLed while seed 0 trains (seeds 1 and 2 queued behind it): exit 3, the seeds NOT RUN (never
    FAIL), and the verdict's last lines say how to go on."""
    from distributed import Client

    scheduler = tmp_path / "scheduler.json"
    procs = [start_scheduler(scheduler)]
    try:
        procs.append(start_worker(scheduler))
        check = subprocess.Popen([sys.executable, "-m", "tinydigits", "check", "--cluster", str(scheduler), "--seeds",
                                  "0,1,2", *TINY, "--data-dir", str(mnist_dir), "--model", tiny_spec(tmp_path),
                                  "--out", str(tmp_path / "cut")], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        with Client(scheduler_file=str(scheduler), timeout="30s") as watch:  # one worker: seeds 1 and 2 wait
            deadline = time.monotonic() + 120
            while not any(watch.processing().values()):  # seed 0 is on the worker
                assert time.monotonic() < deadline and check.poll() is None, check.communicate()
                time.sleep(0.05)
        procs[0].kill()
        out, err = check.communicate(timeout=120)
    finally:
        stop_processes(*reversed(procs))
    assert check.returncode == 3 and "VERDICT: INCOMPLETE" in out and "FAIL" not in out.replace("FAILED", ""), out
    assert "NOT RUN (lost the scheduler" in out and "Traceback" not in err, out + err
    (folder,) = (tmp_path / "cut").iterdir()
    assert out.strip().splitlines()[-2] == f"go on with: tinydigits check --resume {folder}", out
    assert json.loads((folder / "check.json").read_text())["pass"] is None


@pytest.mark.slow
def test_a_resumed_check_trains_each_seed_on_a_worker_of_its_arithmetic(two_arithmetics, tmp_path, mnist_dir):
    """One worker pinned to AVX2 (portable, the default), one on this CPU's own kernels (`--no-portable`): `--resume`
    of a check that has seed 0 gives the verdict a whole check here gives, seeds 1 and 2 through the pinned worker; a
    bf16 check (where this CPU has native bf16) goes only to the native one. Each refused worker is named once."""
    import shutil

    from helpers import run_main

    data = ["--data-dir", str(mnist_dir), "--model", tiny_spec(tmp_path)]
    here = run_main("check", "--seeds", "0,1,2", *TINY, *data, "--out", str(tmp_path / "here"),
                    "--json", str(tmp_path / "h.json"))
    assert here.returncode == 0, here.stderr
    (whole,) = (tmp_path / "here").iterdir()
    folder = shutil.copytree(whole, tmp_path / "cut" / whole.name)
    for run in [*folder.glob("*-s1"), *folder.glob("*-s2"), folder / "check.json"]:  # seeds 1 and 2 never landed
        shutil.rmtree(run) if run.is_dir() else run.unlink()
    scheduler = two_arithmetics
    native_bf16 = bool({"avx512_bf16", "amx_bf16"} & cpu_flags())
    again = run_main("check", "--resume", str(folder), "--cluster", str(scheduler), "--json", str(tmp_path / "r.json"))
    assert again.returncode == 0 and "VERDICT: PASS" in again.stdout, again.stdout + again.stderr
    assert "seeds 0 already trained; training 1,2" in again.stdout
    assert "arithmetic: fp32, AVX2 kernels (portable2), 1 thread" in again.stdout
    # which worker refuses depends on the CPU kind (an AVX-512 native worker takes no portable seed): each branch
    # of that decision is proved on every CPU by test_a_worker_is_refused_once_for_the_arithmetic_it_lacks
    assert again.stdout.count("takes no seeds:") <= 1, again.stdout
    if native_bf16:
        bf16 = run_main("check", "--cluster", str(scheduler), "--seeds", "0,1", *TINY, *data, "--no-portable",
                        "--precision", "bf16", "--out", str(tmp_path / "bf16"))
        assert bf16.returncode == 0 and bf16.stdout.count(": final ") == 2, bf16.stdout + bf16.stderr
        assert bf16.stdout.count("takes no seeds:") == 1
    assert curves(json.loads((tmp_path / "r.json").read_text())) == curves(json.loads((tmp_path / "h.json").read_text()))


def test_resume_refuses_other_code_another_model_and_contradicting_flags(tmp_path, mnist_dir):
    from helpers import run_main

    spec = tiny_spec(tmp_path)
    made = run_main("check", "--seeds", "0", *TINY, "--train-limit", "300", "--data-dir", str(mnist_dir), "--model", spec,
                    "--out", str(tmp_path / "runs"))
    assert made.returncode == 0, made.stderr
    (folder,) = (tmp_path / "runs").iterdir()
    seeds = run_main("check", "--resume", str(folder), "--seeds", "0,1")
    assert seeds.returncode == 1 and "goes on with its plan's --seeds [0]" in seeds.stderr
    budget = run_main("check", "--resume", str(folder), "--min-acc", "50")
    assert budget.returncode == 1 and "--min-acc 1" in budget.stderr
    assert run_main("check", "--resume", str(folder), "--min-acc", "1").returncode == 0  # agrees with the plan
    import tinydigits  # the API refuses what the CLI refuses, through the same rule

    for given, words in (({"seeds": [7]}, "seeds= [0], not [7]"), ({"epochs": 3}, "epochs= 1, not 3"),
                         ({"budget": tinydigits.Budget(last=1, min_acc=50)}, "min_acc= 1")):
        with pytest.raises(TinyDigitsError, match=re.escape(words)) as err:
            tinydigits.check(spec, resume=str(folder), **given)
        assert len(str(err.value).splitlines()) == 1

    plan = json.loads((folder / "plan.json").read_text())
    Path(spec).write_text(Path(spec).read_text().replace('"out": 8', '"out": 6'))
    changed = run_main("check", "--resume", str(folder))
    assert changed.returncode == 1 and "has changed since the check began" in changed.stderr
    (folder / "plan.json").write_text(json.dumps({**plan, "code": {**plan["code"], "tinydigits": "0123456789ab"}}))
    other = run_main("check", "--resume", str(folder))
    assert other.returncode == 1 and "was started with other code (tinydigits" in other.stderr
    (folder / "plan.json").write_text(json.dumps({**plan, "config": {**plan["config"], "renamed_field": 1}}))
    renamed = run_main("check", "--resume", str(folder))
    assert renamed.returncode == 1 and "another version of tinydigits" in renamed.stderr
    assert len(renamed.stderr.strip().splitlines()) == 1


def test_the_worker_command_refuses_threads_that_would_break_reproduction():
    from helpers import run_main

    for args in (["--gpus", "2", "--nworkers", "2"], ["--dask-flags", "--nthreads 4"]):
        done = run_main("worker", "tcp://127.0.0.1:1", *args)
        assert done.returncode == 1 and "one seed per" in done.stderr, done.stderr


class _FakeClient:
    """Two workers as `Client.run(worker_facts)` would describe them: the decision a CPU kind makes, injected."""

    status = "running"

    def __init__(self, facts: dict[str, dict]) -> None:
        self.facts = facts
        self.scheduler = type("Scheduler", (), {"address": "tcp://127.0.0.1:9"})()

    def run(self, fn, workers, on_error):
        return {w: self.facts[w] for w in workers}


@pytest.mark.parametrize(("portable", "precision", "refused"), [
    (True, "fp32", "tcp://native:1"),  # an AVX-512 native worker takes no portable seed
    (False, "bf16", "tcp://pinned:1"),  # an AVX2 worker has no native bf16
    (False, "fp32", None),  # both can
])
def test_a_worker_is_refused_once_for_the_arithmetic_it_lacks(tmp_path, portable, precision, refused):
    from tinydigits.cluster.dispatch import Dispatcher
    from tinydigits.constants import PORTABLE_ENV

    here = engine.code_version()
    facts = {"tcp://pinned:1": {"code": here, "aten_isa": "AVX2", "bf16": False, "mkl_cbwr": PORTABLE_ENV["MKL_CBWR"]},
             "tcp://native:1": {"code": here, "aten_isa": "AVX512", "bf16": True, "mkl_cbwr": None}}
    lines = []
    cfg = TrainConfig(portable=portable, precision=precision)
    dispatcher = Dispatcher(_FakeClient(facts), cfg, Budget(), tmp_path, None, 1.0, lines.append)
    dispatcher.validate(set(facts))
    dispatcher.validate(set(facts))  # asked again: said once
    assert dispatcher.good == set(facts) - {refused}
    assert [line.split(": ")[0] for line in lines] == ([f"worker {refused} takes no seeds"] if refused else [])
    if refused:
        assert lines[0] == f"worker {refused} takes no seeds: {engine.arithmetic_refusal(cfg, facts[refused])}"
