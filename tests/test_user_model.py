"""Bring your own model: every command takes `file.py:Name` (and `package.module:Name`), errors are one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import USER_FILE, assert_one_line_error, run_cli, run_main


@pytest.fixture
def user_file(tmp_path) -> Path:
    path = tmp_path / "mynet.py"
    path.write_text(USER_FILE)
    return path


def test_every_command_on_a_run_takes_a_users_model(user_file, tmp_path, mnist_dir):
    """summary, train, then eval, report, predict, robustness, export and serve on its run (`check --jobs 2` on a
    user's file: the next test but one; bench times registered recipes only, `bench --model` goes through the same
    `models.resolve`)."""
    ref, runs = f"{user_file}:Net", tmp_path / "runs"
    data = ["--data-dir", str(mnist_dir)]
    summary = run_main("summary", "--model", ref)
    assert summary.returncode == 0 and "1,434" in summary.stdout and "RF" in summary.stdout, summary.stderr

    train = run_main("train", "--model", ref, "--epochs", "1", "--train-limit", "2000", "--recipe", "model3", "--out", str(runs),
                    "--quiet", *data)
    assert train.returncode == 0, train.stderr
    run_dir = Path(train.stdout.strip().splitlines()[-1])
    config = json.loads((run_dir / "config.json").read_text())
    assert run_dir.name.startswith("Net-") and config["origin"]["kind"] == "file"
    assert config["origin"]["path"] == str(user_file.resolve()) and len(config["origin"]["sha256"]) == 64
    assert config["augment_degrees"] == 7.0 and config["batch_size"] == 64  # model3's recipe, borrowed

    evaluated = run_main("eval", str(run_dir), *data)
    assert evaluated.returncode == 0 and "test accuracy" in evaluated.stdout, evaluated.stderr
    from PIL import Image

    digit = tmp_path / "one.png"
    image = Image.new("L", (28, 28), 0)
    image.paste(255, (12, 4, 15, 24))
    image.save(digit)
    predicted = run_main("predict", str(run_dir), str(digit))
    assert predicted.returncode == 0 and "one.png" in predicted.stdout, predicted.stderr
    exported = run_main("export", str(run_dir), "--onnx", str(tmp_path / "net.onnx"), *data)
    assert exported.returncode == 0 and (tmp_path / "net.onnx").exists(), exported.stderr
    compared = run_main("report", str(run_dir))
    assert compared.returncode == 0 and "| Net |" in compared.stdout, compared.stderr
    shifted = run_main("robustness", str(run_dir), "--limit", "200", "--out", str(tmp_path / "rob"), *data)
    assert shifted.returncode == 0 and (tmp_path / "rob" / "robustness.md").exists(), shifted.stderr
    from fastapi.testclient import TestClient

    from tinydigits.use.serve import create_app

    served = TestClient(create_app(run_dir)).post("/api/predict", files={"file": ("one.png", digit.read_bytes(), "image/png")})
    assert served.status_code == 200 and served.json()["digit"] in range(10)

    user_file.unlink()  # the weights need the code: a clear line says what is missing (in a new process)
    assert_one_line_error(run_cli("predict", str(run_dir), str(digit)), "mynet.py", "missing")


def test_module_references_work_too():
    proc = run_main("summary", "--model", "tinydigits.models:Model3")
    assert proc.returncode == 0 and "7,568" in proc.stdout


@pytest.mark.parametrize("attr,needles", [
    ("Nope", ["no attribute 'Nope'", "Net"]),
    ("NOT_A_MODEL", ["neither an nn.Module subclass nor a zero-argument factory"]),
    ("ThreeChannels", ["fails on a [2, 1, 28, 28] input", "channels"]),
    ("Flat", ["returns [2, 784]", "expected [N, 10]"]),
])
def test_user_model_errors_are_one_line(user_file, attr, needles):
    assert_one_line_error(run_main("summary", "--model", f"{user_file}:{attr}"), *needles)


def test_missing_file_and_raising_import_are_one_line(tmp_path):
    assert_one_line_error(run_main("summary", "--model", f"{tmp_path / 'absent.py'}:Net"), "absent.py", "not found")
    broken = tmp_path / "broken.py"
    broken.write_text("import torch\nraise RuntimeError('my import failed')\n")
    assert_one_line_error(run_main("train", "--model", f"{broken}:Net", "--epochs", "1"), "RuntimeError: my import failed")
    assert_one_line_error(run_main("summary", "--model", "no_such_package_xyz:Net"), "no_such_package_xyz")


def test_python_api_checks_an_inline_model(mnist_dir, tmp_path):
    from torch import nn

    import tinydigits
    from tinydigits.constants import Budget

    class Inline(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = nn.Sequential(nn.Conv2d(1, 8, 3, stride=2), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
                                     nn.Linear(8, 10))

        def forward(self, x):
            return self.net(x)

    lines = []
    assert "total" in tinydigits.summary(Inline, log=lines.append)
    # jobs=2: Dask workers cannot import a notebook's class, so it travels to them by value (cloudpickle)
    result = tinydigits.check(Inline, seeds=[0, 1], jobs=2, epochs=1, train_limit=1000, data_dir=str(mnist_dir),
                              out=str(tmp_path), budget=Budget(last=1), log=lines.append)
    assert set(result.seeds) == {0, 1} and "VERDICT" in lines[-1] and not any(
        row.error for row in result.seeds.values())

    run = tinydigits.train(Inline, epochs=1, train_limit=500, data_dir=str(mnist_dir), out=str(tmp_path), threads=1)
    assert (run.run_dir / "report.md").exists() and run.metrics["complete"]
    from tinydigits.training import runs

    assert runs.load_model(run.run_dir)[0] is not None  # this process knows the class
    from PIL import Image

    Image.new("L", (28, 28), 0).save(tmp_path / "blank.png")
    elsewhere = run_cli("predict", str(run.run_dir), str(tmp_path / "blank.png"))  # a new process does not
    assert_one_line_error(elsewhere, "defined in a notebook or script", "--model file.py:Inline")


def test_a_seed_that_raises_fails_alone_and_the_others_are_kept(tmp_path, mnist_dir):
    """`check --jobs 2` (Dask workers here) with a user's file whose seed 1 raises: seed 1 FAILs with its error in
    the table and in check.json, seed 0 is judged, check.md is written, the exit code is 1. And `--json` into a
    missing folder is one line before any seed trains."""
    flaky = tmp_path / "flaky.py"
    flaky.write_text("import torch\nfrom torch import nn\n\n\ndef make():\n"
                     "    if torch.initial_seed() == 1:\n        raise RuntimeError('seed 1 is cursed')\n"
                     "    return nn.Sequential(nn.Conv2d(1, 8, 3, stride=2), nn.ReLU(), nn.AdaptiveAvgPool2d(1),"
                     " nn.Flatten(), nn.Linear(8, 10))\n")
    common = ["--model", f"{flaky}:make", "--epochs", "1", "--last", "1", "--min-acc", "1", "--train-limit", "500",
              "--data-dir", str(mnist_dir), "--out", str(tmp_path / "runs")]
    early = run_main("check", *common, "--seeds", "0", "--json", str(tmp_path / "absent" / "v.json"))
    assert_one_line_error(early, "no such folder for the --json verdict")
    assert not (tmp_path / "runs").exists()  # nothing trained, nothing written

    proc = run_main("check", *common, "--seeds", "0,1", "--jobs", "2", "--json", str(tmp_path / "v.json"))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    verdict = json.loads((tmp_path / "v.json").read_text())
    assert "seed 1 is cursed" in verdict["seeds"]["1"]["error"] and not verdict["seeds"]["1"]["pass"]
    assert verdict["seeds"]["0"]["pass"] and verdict["odds"]["seeds"] == 1
    row = next(line for line in proc.stdout.splitlines() if line.split()[:1] == ["1"])
    assert "FAIL" in row and "seed 1 is cursed" in row
    assert (Path(verdict["folder"]) / "check.md").exists() and (Path(verdict["folder"]) / "check.png").exists()


def test_a_notebook_subclass_without_methods_of_its_own_has_its_cell_as_its_code():
    """`class Model_3(Model_2): "docstring"` in a cell has no method to find its cell by: the newest cell the kernel
    keeps (ipykernel's linecache entries) that defines a class of its name is its code."""
    import linecache

    from torch import nn

    from tinydigits.models.registry import source_code

    cells = {"/tmp/ipykernel_1/1.py": "class Model_2(nn.Module):\n    def forward(self, x):\n        return x\n",
             "/tmp/ipykernel_1/2.py": "class Model_3(Model_2):\n    'Model_2 unchanged; the recipe changes.'\n"}
    try:
        space = {"nn": nn, "__name__": "__main__"}
        for name, text in cells.items():
            linecache.cache[name] = (len(text), None, text.splitlines(keepends=True), name)
            exec(compile(text, name, "exec"), space)
        assert source_code(space["Model_3"]) == cells["/tmp/ipykernel_1/2.py"]
        assert source_code(space["Model_2"]) == cells["/tmp/ipykernel_1/1.py"]  # found through its method, as before
    finally:
        for name in cells:
            linecache.cache.pop(name, None)
