"""A student's first hour (issue #76): the API from a script, clean logs, budget lines that say why, one-line errors."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from helpers import assert_one_line_error, run_main

SCRIPT = textwrap.dedent('''
    import torch
    import torch.nn as nn
    import tinydigits

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.c = nn.Sequential(nn.Conv2d(1, 8, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(8, 16, 3), nn.ReLU(),
                                   nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(16, 10))

        def forward(self, x):
            return self.c(x)

    print("script top", torch.ones(3).sum().item())  # a kernel before tinydigits: as a notebook's earlier cells
    result = tinydigits.train(Net, epochs=2, train_limit=256, recipe="model1", data_dir=DATA)
    print("done", result.run_dir)
''')


@pytest.mark.parametrize("kernels", ["as they are", "already other than portable"])
def test_a_script_without_the_guard_trains_its_class_once_and_shows_its_epochs(mnist_dir, tmp_path, kernels):
    """No `if __name__ == "__main__":`: the class trains once (in this process, or where torch already runs other
    kernels in a fresh one that does not run the script again), its epoch lines on the script's output."""
    (tmp_path / "s.py").write_text(SCRIPT.replace("DATA", repr(str(mnist_dir))))
    env = {**os.environ, **({"ATEN_CPU_CAPABILITY": "default"} if kernels != "as they are" else {})}
    done = subprocess.run([sys.executable, "s.py"], cwd=tmp_path, capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("script top") == 1 and done.stdout.count("epoch  1/2") == 1 and "epoch  2/2" in done.stdout
    assert len(list((tmp_path / "runs").iterdir())) == 1
    if kernels != "as they are":
        assert done.stdout.count("fresh Python process") == 1


def test_a_run_folder_has_a_clean_log_and_the_budget_line_says_why(mnist_dir, tmp_path):
    proc = run_main("train", "--model", "model1", "--epochs", "2", "--train-limit", "256", "--data-dir", str(mnist_dir),
                    "--out", str(tmp_path), "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert "too few epochs to judge: 2 ran, the budget judges the last 3" in proc.stdout
    log = next(tmp_path.iterdir()) / "train.log"
    lines = log.read_text().splitlines()
    assert len(lines) == 3 and lines[1].startswith("epoch  1/2") and "\r" not in log.read_text()


def test_more_epochs_than_the_budget_is_said_before_and_after(tmp_path):
    """Before: `train` says it before the minutes it costs (here the data is missing, so it stops right after);
    after: the verdict's reason names the epoch limit."""
    from tinydigits.constants import Budget
    from tinydigits.results.budget import judge, reason

    proc = run_main("train", "--model", "model1", "--epochs", "16", "--data-dir", str(tmp_path / "none"),
                    "--out", str(tmp_path), "--quiet")
    assert "16 epochs, more than the budget's 15" in proc.stderr and proc.returncode != 0
    curve = [99.5] * 16
    verdict = judge({0: curve}, 7000, 16, Budget())
    assert "16 epochs, more than the budget's 15" in reason(verdict, Budget(), curve) and not verdict.passed


def test_a_model_file_without_its_class_name_says_how(tmp_path):
    (tmp_path / "model.py").write_text("import torch.nn as nn\nclass Helper:\n    pass\nclass Net(nn.Module):\n    pass\n"
                                       "class Sub(Net):\n    pass\n")
    path = str(tmp_path / "model.py")
    assert_one_line_error(run_main("summary", "--model", path), f"{path}:Net", f"{path}:Sub")
    assert "Helper" not in run_main("summary", "--model", path).stderr


@pytest.mark.parametrize("jobs", ["1", "2"])  # this process's runs, and Dask workers' own events
def test_a_check_says_how_long_and_prints_a_line_per_seed_per_epoch(mnist_dir, tmp_path, jobs):
    from helpers import tiny_spec

    # the lines are the check's, whatever the model: the tiny spec's seeds cost next to nothing (model1's ~5 s each)
    common = ["--model", tiny_spec(tmp_path), "--epochs", "2", "--last", "2", "--train-limit", "128",
              "--data-dir", str(mnist_dir), "--out", str(tmp_path / "runs"), "--jobs", jobs]
    proc = run_main("check", "--seeds", "0,1", *common)
    assert "2 seed(s), 2 epochs each" in proc.stdout
    assert "estimated when the first epoch lands" in proc.stdout  # nothing measured in a new folder: no guessed figure
    for seed in (0, 1):
        for epoch in (1, 2):
            assert len(re.findall(rf"seed {seed}: epoch +{epoch}/2 .* so far, ~\S+ to go", proc.stdout)) == 1
    if jobs == "1":  # --quiet: today's output, once is enough
        quiet = run_main("check", "--seeds", "0", *common, "--quiet")  # one seed shows what --quiet leaves out
        assert "epoch  1/2" not in quiet.stdout and "seed 0: final" in quiet.stdout


def _quiet_walk(proc) -> None:
    """A command either did its work or refused in one line; never a traceback."""
    assert "Traceback" not in proc.stderr, proc.stderr
    if proc.returncode != 0:
        assert len([line for line in proc.stderr.splitlines() if line.strip()]) == 1, proc.stderr


def test_every_command_that_writes_makes_its_folder_or_refuses_in_one_line(tiny_run, mnist_dir, tmp_path):
    from PIL import Image

    run, gone = str(tiny_run.run_dir), tmp_path / "missing"
    Image.new("L", (28, 28)).save(tmp_path / "digit.png")
    data = ["--data-dir", str(mnist_dir)]
    walks = {
        "train": ["train", "--epochs", "1", "--train-limit", "64", "--out", str(gone / "a"), *data, "--quiet"],
        "check": ["check", "--seeds", "0", "--epochs", "1", "--last", "1", "--train-limit", "64", "--out", str(gone / "b"),
                  "--json", str(gone / "c" / "v.json"), *data],
        "report": ["report", run, "--out", str(gone / "d" / "r.md")],
        "report --steps": ["report", run, "--steps", "--out", str(gone / "e")],
        "predict": ["predict", run, str(tmp_path / "digit.png"), "--save-preprocessed", str(gone / "f")],
        "robustness": ["robustness", run, "--limit", "20", "--out", str(gone / "g"), "--json", str(gone / "h" / "r.json"),
                       *data],
        "bench": ["bench", "--json", str(gone / "i" / "b.json"), "--record", str(gone / "j" / "s.csv"), *data],
        "ledger": ["ledger", "add", str(tmp_path), "--ledger", str(gone / "k" / "seeds.csv")],
    }
    for args in walks.values():
        proc = run_main(*args)
        _quiet_walk(proc)
    for args in (["report", run, "--out", str(gone / "d" / "r.md")], ["report", run, "--steps", "--out", str(gone / "e")]):
        assert (Path(args[-1]).parent if args[-1].endswith(".md") else Path(args[-1])).is_dir()


@pytest.mark.parametrize("ref", ["nope.py:Net", "model.py", "model.py:Nope", "no_such_module:Net", "nope"])
def test_every_command_that_takes_a_model_says_a_bad_reference_in_one_line(ref, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "model.py").write_text("import torch.nn as nn\nclass Net(nn.Module):\n    pass\n")
    for command in (["train"], ["check", "--seeds", "0"], ["summary"], ["bench"], ["models"]):
        assert_one_line_error(run_main(*command, "--model", ref))


def test_summary_has_torchsummarys_totals_and_markdown():
    proc = run_main("summary", "--model", "model3", "--markdown")
    assert proc.returncode == 0 and "| layer | type | output |" in proc.stdout
    assert "Total params: 7,568" in proc.stdout and "Trainable params: 7,568" in proc.stdout
    assert "Non-trainable params: 0" in proc.stdout and "Estimated Total Size (MB):" in proc.stdout
