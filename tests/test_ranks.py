"""A seed as two data-parallel ranks (issue 60): the same curve and weights with the ranks in one process on one core
and in two processes on two cores."""

from __future__ import annotations

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
