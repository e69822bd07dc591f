"""A student's first hour (issue #76): the API from a script, clean logs, budget lines that say why, one-line errors."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap

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


def test_more_epochs_than_the_budget_is_said_before_and_after(mnist_dir, tmp_path):
    proc = run_main("train", "--model", "model1", "--epochs", "16", "--train-limit", "64", "--data-dir", str(mnist_dir),
                    "--out", str(tmp_path), "--quiet")
    assert "16 epochs, more than the budget's 15" in proc.stderr and "16 epochs, more than the budget's 15" in proc.stdout


def test_a_model_file_without_its_class_name_says_how(tmp_path):
    (tmp_path / "model.py").write_text("import torch.nn as nn\nclass Helper:\n    pass\nclass Net(nn.Module):\n    pass\n"
                                       "class Sub(Net):\n    pass\n")
    path = str(tmp_path / "model.py")
    assert_one_line_error(run_main("summary", "--model", path), f"{path}:Net", f"{path}:Sub")
    assert "Helper" not in run_main("summary", "--model", path).stderr


def test_a_check_says_how_long_and_prints_a_line_per_seed_per_epoch(mnist_dir, tmp_path):
    common = ["--model", "model1", "--seeds", "0,1", "--epochs", "2", "--last", "2", "--train-limit", "128",
              "--data-dir", str(mnist_dir), "--out", str(tmp_path)]
    proc = run_main("check", *common)
    assert "2 seed(s), 2 epochs each" in proc.stdout and "about " in proc.stdout
    for seed in (0, 1):
        for epoch in (1, 2):
            assert len(re.findall(rf"seed {seed}: epoch +{epoch}/2 .* so far, ~\S+ to go", proc.stdout)) == 1
    quiet = run_main("check", *common, "--quiet")
    assert "epoch  1/2" not in quiet.stdout and "seed 0: final" in quiet.stdout
