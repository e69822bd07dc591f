"""A seed as two data-parallel ranks (issue 60): the same curve and weights with the ranks in one process on one core
and in two processes on two cores."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from pathlib import Path

import pytest
import torch

from helpers import run_cli
from tinydigits.errors import TinyDigitsError
from tinydigits.training.config import TrainConfig

TIMING = {"seconds", "train_images_per_s"}


def _run(tmp_path: Path, name: str, mnist_dir: Path, env: dict[str, str], prefix: list[str] | None = None) -> Path:
    out = tmp_path / name
    args = ["train", "--ranks", "2", "--epochs", "2", "--train-limit", "600", "--data-dir", str(mnist_dir),
            "--out", str(out), "--quiet"]
    if prefix:  # e.g. taskset -c 0: the command on one core
        import subprocess
        import sys

        proc = subprocess.run([*prefix, sys.executable, "-m", "tinydigits", *args], capture_output=True, text=True,
                              env={**os.environ, **env}, timeout=300)
    else:
        proc = run_cli(*args, env_extra=env)
    assert proc.returncode == 0, proc.stderr
    (run,) = out.iterdir()
    return run


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="two processes on two cores need two cores")
def test_two_ranks_give_the_same_run_on_one_core_and_on_two(mnist_dir, tmp_path):
    two = _run(tmp_path, "two", mnist_dir, {})
    one_env = {"TINYDIGITS_CORES_PER_SEED": "1"}  # as a slot of `check --jobs 2`: both ranks in this process
    one = _run(tmp_path, "one", mnist_dir, one_env,
               prefix=["taskset", "-c", "0"] if shutil.which("taskset") else None)
    rows = [[{k: v for k, v in e.items() if k not in TIMING} for e in json.loads((r / "metrics.json").read_text())["epochs"]]
            for r in (one, two)]
    assert rows[0] == rows[1]
    weights = [torch.load(r / "model.pt", weights_only=True)["state_dict"] for r in (one, two)]
    assert all(torch.equal(weights[0][k], weights[1][k]) for k in weights[0])
    config = json.loads((two / "config.json").read_text())
    assert config["ranks"] == 2 and config["portable"] and config["threads"] == 1


def test_ranks_are_refused_where_they_do_not_apply(monkeypatch):
    with pytest.raises(TinyDigitsError, match="--ranks must be 1 or 2"):
        TrainConfig(ranks=3).resolved()
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "get_device_capability", lambda device=None: (9, 0))
    with pytest.raises(TinyDigitsError, match="on CUDA a seed trains as one rank"):
        TrainConfig(ranks=2, device="cuda").resolved()


def test_a_stack_refuses_ranks():
    from tinydigits.training.stack import refusal

    assert "several ranks" in refusal(TrainConfig(ranks=2).resolved())


def test_two_ranks_are_another_arithmetic_in_the_verdict_and_the_ledger():
    """A 2-rank seed's curve is not a 1-rank seed's: the arithmetic a check and the ledger group seeds by says so."""
    from tinydigits.results.report import describe_arithmetic

    one = {"precision": "fp32", "portable": True, "threads": 1, "environment": {"arithmetic": {"aten_isa": "AVX2", "cpu": "X"}}}
    assert describe_arithmetic(one) == "fp32, AVX2 kernels (portable), 1 thread, X"
    assert describe_arithmetic({**one, "ranks": 2}) == "fp32, AVX2 kernels (portable), 1 thread, 2 ranks, X"
    from tinydigits.results.ledger import arithmetic_of

    assert arithmetic_of(one) == "portable" and arithmetic_of({**one, "ranks": 2}) == "portable-2ranks"


def _follower_of(pid: int, deadline: float) -> int:
    """The spawned process of a seed's second rank, a child of `pid`."""
    import subprocess
    import time

    while time.monotonic() < deadline:
        for child in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split():
            with contextlib.suppress(OSError):
                if "spawn_main" in Path(f"/proc/{child}/cmdline").read_text():
                    return int(child)
        time.sleep(0.1)
    raise AssertionError("no second rank appeared")


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2 or not shutil.which("pgrep"), reason="two cores, and pgrep")
@pytest.mark.parametrize("when", ["before it joins", "while it trains"])
def test_a_rank_that_dies_ends_the_seed_within_seconds(mnist_dir, tmp_path, when):
    """The second rank SIGKILLed before it joins (rank 0 would otherwise wait gloo's timeout) or mid-epoch: the seed
    ends within seconds, in one line (RankLost: a check counts it as not run, never as the model's FAIL)."""
    import signal
    import subprocess
    import sys
    import threading
    import time

    proc = subprocess.Popen([sys.executable, "-m", "tinydigits", "train", "--ranks", "2", "--epochs", "2", "--train-limit",
                             "30000", "--data-dir", str(mnist_dir), "--out", str(tmp_path / "runs")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    err: list[str] = []
    reader = threading.Thread(target=lambda: err.extend(iter(lambda: proc.stderr.read(64), "")), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 120
        follower = _follower_of(proc.pid, deadline)
        while when == "while it trains" and "img" not in "".join(err):  # tqdm's bar: the ranks have joined
            assert time.monotonic() < deadline and proc.poll() is None, "".join(err)
            time.sleep(0.1)
        os.kill(follower, signal.SIGKILL)
        killed = time.monotonic()
        proc.wait(timeout=60)
        took = time.monotonic() - killed
    finally:
        if proc.poll() is None:
            proc.kill()
    reader.join(timeout=5)
    last = "".join(err).replace("\r", "\n").strip().splitlines()[-1]
    assert proc.returncode == 1 and took < 15, (took, "".join(err))
    assert last.startswith("tinydigits: error: ") and "of this seed stopped" in last and "Traceback" not in "".join(err)


def test_a_lost_rank_is_a_seed_not_run_never_the_models_fail():
    from tinydigits.cluster.outcome import failed
    from tinydigits.training.ranks import RankLost

    lost = failed(3, RankLost("another rank of this seed stopped (Connection reset by peer)"))
    assert lost.not_run == "another rank of this seed stopped (Connection reset by peer)" and lost.error is None
    assert failed(3, ValueError("nan loss")).error == "ValueError: nan loss"
