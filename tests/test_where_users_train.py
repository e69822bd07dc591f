"""Where users train (issue 56): the arithmetic `auto` picks on a GPU, decided from its compute capability with torch's
CUDA calls faked (no GPU here), and seeds given as ranges."""

from __future__ import annotations

import argparse

import pytest
import torch

from helpers import assert_one_line_error, run_main
from tinydigits.settings import seed_list
from tinydigits.training.config import TrainConfig


def _on_gpu(monkeypatch, capability: tuple[int, int]) -> None:
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "get_device_capability", lambda device=None: capability)
    monkeypatch.setattr(torch.cuda, "is_bf16_supported", lambda including_emulation=True: True)  # a T4's answer


@pytest.mark.parametrize(("capability", "precision"), [((7, 5), "fp32"), ((7, 0), "fp32"), ((8, 0), "bf16"),
                                                       ((9, 0), "bf16")])
def test_auto_precision_follows_native_bf16(monkeypatch, capability, precision):
    _on_gpu(monkeypatch, capability)
    from tinydigits.training.arithmetic import decide

    decided = decide(TrainConfig(model="poolbn", device="cuda").resolved())  # the one place the arithmetic is decided
    assert (decided.precision, decided.portable) == (precision, False)


def test_explicit_bf16_is_kept_on_an_old_gpu(monkeypatch):
    _on_gpu(monkeypatch, (7, 5))
    from tinydigits.training.arithmetic import decide

    assert decide(TrainConfig(model="poolbn", device="cuda", precision="bf16").resolved()).precision == "bf16"


@pytest.mark.parametrize(("text", "seeds"), [("0-29", list(range(30))), ("0-2,5", [0, 1, 2, 5]),
                                             ("0-9,20,25-29", [*range(10), 20, *range(25, 30)]), ("7", [7]),
                                             ("3-3", [3])])
def test_seed_ranges(text, seeds):
    assert seed_list(text) == seeds


@pytest.mark.parametrize("text", ["3-1", "a-b", "1-2-3", "0-2,1", "", "-1"])
def test_bad_seed_ranges(text):
    with pytest.raises(argparse.ArgumentTypeError):
        seed_list(text)


def test_bad_range_is_one_line_exit_2():
    proc = run_main("check", "--seeds", "3-1", "--epochs", "1")
    assert proc.returncode == 2
    assert_one_line_error(proc, "--seeds", "3-1")


BLOCKER = """
import sys
for name in ('scipy', 'tensorboard', 'distributed', 'dask', 'optuna', 'mlflow', 'onnx', 'onnxruntime', 'onnxscript'):
    sys.modules[name] = None  # as if not installed: `import` raises, importlib.util.find_spec answers None
from tinydigits.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_train_works_without_the_heavy_requirements(mnist_dir, tmp_path):
    """A notebook runtime without scipy, TensorBoard, Dask, Optuna, MLflow or ONNX still trains (`pip install
    --no-deps` beside its torch): those load only where a command needs them."""
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-c", BLOCKER, "train", "--epochs", "1", "--train-limit", "500",
                           "--data-dir", str(mnist_dir), "--out", str(tmp_path), "--quiet"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    (run,) = tmp_path.iterdir()
    assert (run / "metrics.json").exists() and (run / "report.md").exists()
    assert "pip install tensorboard" in proc.stderr  # what to install, in one line


def test_a_command_that_needs_a_missing_requirement_says_what_to_install_before_any_work(tmp_path):
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-c", BLOCKER, "check", "--seeds", "0-1", "--epochs", "1", "--out",
                           str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert_one_line_error(proc, "`tinydigits check` needs scipy", "pip install scipy")
    assert not any(tmp_path.iterdir())  # refused before a check folder was made
