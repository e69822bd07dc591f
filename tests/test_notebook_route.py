"""The notebook route as a new user walks it, reading only README, docs and `help()`: every setting findable from
Python, and nothing a run does unasked left unsaid. One test (or a few) per stumble of a student notebook that ran to
the end without an error; each fails on the code before them."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import linecache
import textwrap
from pathlib import Path

import pytest

from helpers import assert_one_line_error, run_main
from tinydigits.errors import TinyDigitsError

ROOT = Path(__file__).resolve().parents[1]


# ---------------------------------------------------------------- 1: every setting findable from Python


def test_help_of_train_and_check_lists_every_setting_with_its_default():
    """Stumble 1: `help(tinydigits.train)` said only "settings are TrainConfig fields", and `TrainConfig` was not
    reachable from `tinydigits`. Now each call's help lists every flag's setting with its default and the words its
    `--help` gives, made from the same fields (so a field added is listed with no other edit)."""
    import tinydigits
    from tinydigits.constants import Budget
    from tinydigits.settings import cli_fields, with_default
    from tinydigits.training.config import TrainConfig

    assert tinydigits.TrainConfig is TrainConfig and "TrainConfig" in dir(tinydigits)
    from tinydigits import TrainConfig as imported  # noqa: F401  (the import a notebook writes)

    def listed(doc: str, cls: type, skip: set[str]) -> None:
        for f in cli_fields(cls):
            if f.name in skip:
                continue
            default = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
            line = f"{f.name}={default!r}: {with_default(f.metadata.get('help'), default, f.metadata)}"
            assert line in doc, line

    listed(tinydigits.train.__doc__, TrainConfig, {"model"})
    listed(tinydigits.check.__doc__, TrainConfig, {"model", "seed"})
    listed(tinydigits.check.__doc__, Budget, set())
    assert "plateau_patience=2: " in tinydigits.train.__doc__ and "seed=0: " not in tinydigits.check.__doc__


def test_a_keyword_that_is_no_setting_is_one_line_with_the_nearest_names():
    """Stumble 1's other half: a misspelt setting was a dataclass TypeError; now one line naming the nearest."""
    import tinydigits

    with pytest.raises(TinyDigitsError, match=r"no setting 'plateau_patiance' \(did you mean plateau_patience"):
        tinydigits.train("model1", plateau_patiance=3)
    with pytest.raises(TinyDigitsError, match=r"seeds=\[\.\.\.\] is tinydigits.check\(\)'s"):
        tinydigits.train("model1", seeds=[0, 1])
    with pytest.raises(TinyDigitsError, match=r"min_acc is the budget's: budget=tinydigits.Budget\(min_acc=99.0\)"):
        tinydigits.check("model1", seeds=[0], min_acc=99.0)


# ---------------------------------------------------------------- 2, 3: the plateau's validation split, said


def test_readme_and_docs_say_the_plateau_needs_a_validation_split_taken_from_the_training_images():
    """Stumble 2: that plateau needs a validation split was said only in `train --help`; stumble 3: that its images
    come out of the train limit was said nowhere."""
    readme = " ".join((ROOT / "README.md").read_text().split())
    guide = " ".join((ROOT / "docs" / "your-own-model.md").read_text().split())
    assert '`scheduler="plateau"` needs a validation split, `val_split=N`' in readme
    assert "come out of the training images (out of `train_limit`'s where one is set)" in readme
    assert "so it needs `val_split=N`" in guide and "`train_limit=6000, val_split=1000` trains on 5,000" in guide


@pytest.mark.parametrize(("limit", "said"), [
    (6000, "5,000 training images + 1,000 validation (taken from the train limit of 6,000)"),
    (None, "59,000 training images + 1,000 validation (taken from the 60,000 training images)")])
def test_a_runs_first_line_says_where_its_validation_images_come_from(limit, said):
    """Stumble 3: 1,000 validation images out of a 6,000-image limit left 5,000 to train on, said nowhere before the
    run. The plan's first note says it; a run without a split has no such line."""
    from tinydigits.lifecycle import make
    from tinydigits.training.config import TrainConfig

    plan = make(TrainConfig(model="model1", train_limit=limit, val_split=1000, scheduler="plateau"), one_run=True)
    assert plan.notes[0] == said
    assert not make(TrainConfig(model="model1", train_limit=limit), one_run=True).notes


def test_the_command_lines_first_line_says_the_split_too(mnist_dir, tmp_path):
    proc = run_main("train", "--model", "model1", "--epochs", "1", "--train-limit", "300", "--val-split", "100",
                    "--scheduler", "plateau", "--data-dir", str(mnist_dir), "--out", str(tmp_path), "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines()[0] == ("tinydigits: note: 200 training images + 100 validation (taken from the "
                                           "train limit of 300)")


# ---------------------------------------------------------------- 4: the plateau's patience and factor


def test_the_plateaus_patience_and_factor_are_settings_and_recorded():
    """Stumble 4: ReduceLROnPlateau was built with factor 0.1 and patience 2, whatever the user wanted, and the record
    said neither. Now both are settings (flags and keywords) the schedule is built with, in config.json twice: as
    settings and in `scheduler_args`."""
    import torch

    from tinydigits.cli import build_parser, config_from_args
    from tinydigits.training.factories import built_with, make_scheduler

    args = build_parser().parse_args(["train", "--scheduler", "plateau", "--val-split", "100", "--plateau-patience", "0",
                                      "--plateau-factor", "0.5"])
    cfg = config_from_args(args).resolved()
    assert (cfg.plateau_patience, cfg.plateau_factor) == (0, 0.5)
    scheduler, per_batch = make_scheduler(cfg, torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=0.1), 100)
    assert (scheduler.patience, scheduler.factor, per_batch) == (0, 0.5, False)
    assert built_with(cfg, 100)["scheduler_args"] == {"class": "torch.optim.lr_scheduler.ReduceLROnPlateau",
                                                      "factor": 0.5, "patience": 0}


def test_a_plateau_factor_out_of_range_is_one_line():
    proc = run_main("train", "--scheduler", "plateau", "--val-split", "100", "--plateau-factor", "1.5")
    assert_one_line_error(proc, "--plateau-factor in (0, 1)")


def test_the_plateaus_settings_leave_older_recipes_hash_as_it_was():
    """A recipe hash (the ledger's tier) of a config recorded before the two settings existed is the same with them
    at their defaults: nothing a seed trained with changed."""
    from tinydigits.results.ledger import recipe_sha256

    old = {"optimizer": "sgd", "lr": 0.1, "scheduler": "onecycle", "epochs": 15, "batch_size": 64}
    assert recipe_sha256(old) == recipe_sha256({**old, "plateau_patience": 2, "plateau_factor": 0.1})


# ---------------------------------------------------------------- 5, 6: what each optimiser and schedule used


def test_adam_records_its_betas_and_no_momentum_and_one_cycle_its_start_and_end(mnist_dir, tmp_path):
    """Stumble 5: an Adam run recorded `"momentum": 0.9` in config.json and in every epoch of metrics.json; stumble 6:
    nothing said where a one-cycle starts (at a tenth of the "(peak)" rate). Now config.json's momentum is null for
    Adam, its `optimizer_args` give the betas, each epoch gives the betas at its start (the first cycled by one-cycle,
    0.95 at epoch 1), and `scheduler_args` gives the div factors with the rates they make - epoch 1 starts at its
    `start_lr`. An SGD run's momentum is recorded as before."""
    from helpers import train
    from tinydigits.training.config import TrainConfig

    common = dict(model="model1", epochs=2, train_limit=256, scheduler="onecycle", data_dir=str(mnist_dir), out=str(tmp_path))
    run = train(TrainConfig(optimizer="adam", lr=0.01, **common), quiet=True, log=lambda _: None)
    config = json.loads((run.run_dir / "config.json").read_text())
    epochs = json.loads((run.run_dir / "metrics.json").read_text())["epochs"]
    assert config["momentum"] is None
    assert config["optimizer_args"] == {"class": "torch.optim.Adam", "betas": [0.9, 0.999], "eps": 1e-08,
                                        "weight_decay": 0.0}
    assert all("momentum" not in e for e in epochs) and epochs[0]["betas"] == [0.95, 0.999]
    cycle = config["scheduler_args"]
    assert cycle["class"] == "torch.optim.lr_scheduler.OneCycleLR"
    assert (cycle["div_factor"], cycle["final_div_factor"]) == (10.0, 100.0)
    assert cycle["start_lr"] == pytest.approx(0.001) and cycle["end_lr"] == pytest.approx(0.00001)
    assert epochs[0]["lr"] == pytest.approx(cycle["start_lr"])
    sgd = train(TrainConfig(**common), quiet=True, log=lambda _: None)
    config = json.loads((sgd.run_dir / "config.json").read_text())
    epochs = json.loads((sgd.run_dir / "metrics.json").read_text())["epochs"]
    assert config["momentum"] == 0.9 and config["optimizer_args"]["momentum"] == 0.9
    assert all("betas" not in e for e in epochs) and epochs[0]["momentum"] == 0.95


def test_one_cycles_start_and_end_are_in_the_help_and_the_docs():
    """Stumble 6: where the cycle starts and ends (its div factors), in `train --help` and the guide."""
    help_text = " ".join(run_main("train", "--help").stdout.split())
    assert "onecycle: from --lr / 10 up to --lr over the first 25 % of the batches, then down to --lr / 1,000" in help_text
    assert "div_factor 10, final_div_factor 100" in help_text
    guide = " ".join((ROOT / "docs" / "your-own-model.md").read_text().split())
    assert "The rate starts at `lr` / 10 (its `div_factor`)" in guide and "`lr` is the peak, not the rate epoch 1" in guide


# ---------------------------------------------------------------- 7: settings that contradict


def test_a_check_given_a_seed_beside_its_seeds_is_refused_in_one_line(monkeypatch, tmp_path):
    """Stumble 7: `check(..., seed=0, seeds=[0, 1, 2, 3, 4])` trained without a word (plan.json kept "seed": 0)."""
    import tinydigits
    from tinydigits.verdict import seeds

    monkeypatch.setattr(seeds, "check", lambda *a, **k: pytest.fail("a check with a contradiction trained"))
    with pytest.raises(TinyDigitsError) as err:
        tinydigits.check("model1", seeds=[0, 1, 2, 3, 4], seed=0, out=str(tmp_path))
    assert "\n" not in str(err.value)
    assert "trains each of its seeds (0, 1, 2, 3, 4), so seed=0 contradicts them" in str(err.value)
    assert not list(tmp_path.iterdir())


def test_a_setting_that_does_nothing_with_the_others_is_named_in_one_line():
    """Stumble 7's harmless kind: a step schedule's step size under one-cycle, a momentum for Adam - each trains as
    it would without, and the plan says so before the first epoch."""
    from tinydigits.lifecycle import make
    from tinydigits.training.config import TrainConfig

    notes = make(TrainConfig(model="model1", scheduler="onecycle", step_size=3, plateau_factor=0.5, optimizer="adam",
                             momentum=0.8), one_run=True).notes
    assert notes == ("--step-size 3 does nothing without --scheduler step (this run's is onecycle): not used",
                     "--plateau-factor 0.5 does nothing without --scheduler plateau (this run's is onecycle): not used",
                     "--momentum 0.8 does nothing with --optimizer adam, which has betas instead (recorded in "
                     "config.json's optimizer_args): not used")
    assert not make(TrainConfig(model="model1", scheduler="step", step_size=3), one_run=True).notes


# ---------------------------------------------------------------- 8: one fresh-process notice


def test_the_fresh_process_route_is_said_once_a_session_in_one_wording(monkeypatch):
    """Stumble 8: a notebook got two "portable ... fresh process" notices, in two wordings (one from `train`, one from
    `check`). Now both say `FRESH_NOTE`, once a session, and it says what the user can do."""
    from tinydigits import api
    from tinydigits.cluster import fresh
    from tinydigits.lifecycle import make
    from tinydigits.lifecycle import plan as planning
    from tinydigits.training import arithmetic
    from tinydigits.training.config import TrainConfig
    from tinydigits.verdict.seeds import run_seeds

    monkeypatch.setattr(planning, "_SAID", set())
    monkeypatch.setattr(arithmetic, "pin_portable", lambda: "torch already runs its AVX512 kernels here (injected)")
    monkeypatch.setattr(fresh, "train_fresh", lambda cfg, budget: "trained elsewhere")
    monkeypatch.setattr(api, "_result_from", lambda run_dir, cfg: run_dir)
    said: list[str] = []
    monkeypatch.setattr("builtins.print", lambda *a, **k: said.append(" ".join(map(str, a))))
    assert api.train("model1", epochs=1) == "trained elsewhere"
    api.train("model1", epochs=1)
    plan = make(TrainConfig(model="model1", epochs=1))
    assert plan.unpinned
    run_seeds(dataclasses.replace(plan, way=planning.HERE), [], log=said.append)  # a check's seeds: none to train
    assert said.count(api.FRESH_NOTE) == 1 and sum("fresh" in line for line in said) == 1, said
    assert "restart" in api.FRESH_NOTE and "portable=False" in api.FRESH_NOTE


# ---------------------------------------------------------------- 9: the hand-in names the notebook


class _Kernel:
    """An IPython kernel's shell as nbclient starts it: no `__session__`, no `__vsc_ipynb_file__` (and the events
    matplotlib registers a hook with)."""

    user_ns: dict = {}
    events = type("Events", (), {"register": staticmethod(lambda *args: None)})()


_Kernel.__name__ = "ZMQInteractiveShell"


def _inline_runs(tmp_path: Path) -> list[Path]:
    from tinydigits.results import records

    run = records.Run.load(ROOT / "tests" / "data" / "byte_identical" / "model2-20261126T040000Z-s0")
    ref = "Net-inline0123456789ab"
    code = "class Net(nn.Module):\n    def forward(self, x):\n        return x\n"
    run = dataclasses.replace(run, settings=dataclasses.replace(run.settings, model=ref), name=ref,
                              origin={"kind": "registry", "name": ref}, code=code)
    return [run.save(tmp_path / "runs" / f"{ref}-20261126T040000Z-s0")]


def test_a_kernel_that_does_not_say_its_notebook_gets_it_named_by_handin(tmp_path, monkeypatch, capsys):
    """Stumble 9: under nbclient (no `__session__`, no JPY_SESSION_NAME) the hand-in left the notebook out with no way
    to name it. Now `handin(..., notebook="student.ipynb")` copies and links it; without it, one line says the
    notebook is left out and names that argument; a name that is no notebook is one line."""
    import IPython
    from matplotlib import pyplot

    import tinydigits

    folders = _inline_runs(tmp_path)
    monkeypatch.setattr(pyplot, "_REPL_DISPLAYHOOK", pyplot._REPL_DISPLAYHOOK)  # put back: the fake shell is this test's
    monkeypatch.setattr(IPython, "get_ipython", lambda: _Kernel())
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    monkeypatch.chdir(tmp_path)
    readme = tinydigits.handin(folders, out="left-out", show=False)
    line = capsys.readouterr().out.strip()
    assert line.startswith("tinydigits: the hand-in leaves the notebook out: its kernel does not say which notebook")
    assert 'tinydigits.handin(..., notebook="YOUR_NOTEBOOK.ipynb")' in line and "\n" not in line
    assert 'notebook="YOUR_NOTEBOOK.ipynb"' in readme.read_text()
    (tmp_path / "student.ipynb").write_text("{}")
    readme = tinydigits.handin(folders, out="named", show=False, notebook="student.ipynb")
    assert "came from, as last saved: [student.ipynb](student.ipynb)" in readme.read_text()
    assert (tmp_path / "named" / "student.ipynb").is_file() and not capsys.readouterr().out
    with pytest.raises(TinyDigitsError, match=r"notebook='nope.ipynb': no such notebook file here"):
        tinydigits.handin(folders, out="wrong", show=False, notebook="nope.ipynb")
    assert not (tmp_path / "wrong").exists()


def test_the_command_line_names_the_notebook_too(tmp_path):
    """Stumble 9 from a shell: `report --steps --notebook FILE` copies and links it; a name that is no notebook is one
    line and a non-zero exit."""
    folders = _inline_runs(tmp_path)
    (tmp_path / "student.ipynb").write_text("{}")
    proc = run_main("report", str(folders[0]), "--steps", "--out", str(tmp_path / "handin"), "--notebook",
                    str(tmp_path / "student.ipynb"))
    assert proc.returncode == 0, proc.stderr
    assert "[student.ipynb](student.ipynb)" in (tmp_path / "handin" / "README.md").read_text()
    assert_one_line_error(run_main("report", str(folders[0]), "--steps", "--out", str(tmp_path / "other"),
                                   "--notebook", "nope.ipynb"), "no such notebook file")


# ---------------------------------------------------------------- 10: a notebook class's name from its source


CLASS = textwrap.dedent('''
    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.c = nn.Conv2d(1, 10, 28)

        def forward(self, x):
            return self.c(x).flatten(1)
''').lstrip()


def _cell_class(cell: str, filename: str):
    """A class as an IPython kernel defines it: the cell's code compiled under a file name the kernel makes up (its
    process id in it) and kept in linecache, the class's module `__main__`."""
    from torch import nn

    linecache.cache[filename] = (len(cell), None, cell.splitlines(keepends=True), filename)
    namespace = {"__name__": "__main__", "nn": nn}
    exec(compile(cell, filename, "exec"), namespace)
    return namespace["Net"]


def test_a_notebook_class_is_named_by_its_own_source_in_every_kernel(monkeypatch):
    """Stumble 10: the same cells executed three times gave three run names (`Net-inline<hash>`), the hash taken of a
    pickle that carries the kernel's file names. Now it is the hash of the class's own source: the same class in
    another kernel, or beside other lines in its cell, is the same name; a changed class another."""
    from tinydigits.api import model_ref
    from tinydigits.models import registry

    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))  # the classes register in this test only
    first = _cell_class(CLASS, "/tmp/ipykernel_1111/2741.py")
    again = _cell_class("import torch\n\n" + CLASS + "\nstep = 1\n", "/tmp/ipykernel_2222/9313.py")
    changed = _cell_class(CLASS.replace("28)", "28, bias=False)"), "/tmp/ipykernel_3333/5120.py")
    digest = hashlib.sha256(CLASS.encode()).hexdigest()[:12]
    assert model_ref(first) == model_ref(again) == f"Net-inline{digest}"
    assert model_ref(changed) != model_ref(first)


# ---------------------------------------------------------------- the route walked again, none of the ten on it


NOTEBOOK = ROOT / "tests" / "data" / "notebook_route.ipynb"


def _defined(cell: str, name: str) -> str:
    """The lines of a cell that define class `name`, as the class's own source."""
    import ast

    node = next(n for n in ast.parse(cell).body if isinstance(n, ast.ClassDef) and n.name == name)
    return "\n".join(cell.splitlines()[node.lineno - 1:node.end_lineno]) + "\n"


def test_a_notebook_of_new_classes_walks_the_route_with_none_of_the_ten(mnist_dir, tmp_path, monkeypatch):
    """Two classes of a notebook's own on Adam with a plateau and its validation split, SGD on one-cycle and a 3-seed
    check of AdamW, then the hand-in, run by a real Jupyter kernel as nbclient starts one (no notebook name given to
    it) on a tiny budget: its output and records carry none of the ten stumbles."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    for key, value in {"TINYDIGITS_DATA_DIR": str(mnist_dir), "ROUTE_EPOCHS": "2", "ROUTE_TRAIN_LIMIT": "600",
                       "ROUTE_VAL_SPLIT": "100", "ROUTE_OUT": str(tmp_path / "runs")}.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)  # nbclient's kernel: it does not say which notebook it runs
    (tmp_path / NOTEBOOK.name).write_bytes(NOTEBOOK.read_bytes())
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    said = "".join(o.get("text", "") for cell in code for o in cell.get("outputs", []) if o.get("name") == "stdout")
    errors = [o for cell in code for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors and "Traceback" not in said
    # 1: help lists every setting with its default
    assert "plateau_patience=2: " in said and "val_split=0: " in said and "settings are TrainConfig fields" not in said
    # 2, 3: the split said before the first epoch, where its images come from
    lines = said.splitlines()
    split = lines.index("tinydigits: 500 training images + 100 validation (taken from the train limit of 600)")
    # 2 epochs are too few for a plateau's patience of 1 to cut the rate: said before the first (at full size it acts)
    assert lines[split + 1].startswith("tinydigits: --scheduler plateau cannot act in this run: with --plateau-patience 1")
    assert lines[split + 2].startswith("epoch  1/2")
    # 4, 5: the plateau's settings and Adam's betas recorded, no momentum
    runs = {p.name.split("-")[0]: p for p in (tmp_path / "runs").iterdir() if not p.name.startswith("check")}
    first = json.loads((runs["Lantern"] / "config.json").read_text())
    epochs = json.loads((runs["Lantern"] / "metrics.json").read_text())["epochs"]
    assert (first["plateau_patience"], first["plateau_factor"], first["momentum"]) == (1, 0.5, None)
    assert first["scheduler_args"] == {"class": "torch.optim.lr_scheduler.ReduceLROnPlateau", "factor": 0.5,
                                       "patience": 1}
    assert first["optimizer_args"]["betas"] == [0.9, 0.999] and all("momentum" not in e for e in epochs)
    # 6: one-cycle's start recorded, and where epoch 1 starts
    second = json.loads((runs["Kite"] / "config.json").read_text())
    assert second["scheduler_args"]["start_lr"] == pytest.approx(0.005)
    assert json.loads((runs["Kite"] / "metrics.json").read_text())["epochs"][0]["lr"] == pytest.approx(0.005)
    # 7: nothing given that contradicts, so nothing refused or named; the check's seeds as given
    assert "does nothing" not in said
    check = next((tmp_path / "runs").glob("check-*"))
    assert json.loads((check / "plan.json").read_text())["seeds"] == [0, 1, 2]
    # 8: at most one fresh-process notice (none where this kernel computes in the portable arithmetic)
    assert sum("fresh" in line for line in lines) <= 1 and "fresh worker process" not in said
    # 9: the hand-in has the notebook, named to it
    readme = (tmp_path / "handin" / "README.md").read_text()
    assert f"[{NOTEBOOK.name}]({NOTEBOOK.name})" in readme and (tmp_path / "handin" / NOTEBOOK.name).is_file()
    assert "does not say which notebook" not in readme + said
    # 10: each class named by a digest of its own source
    classes = next(cell.source for cell in code if "class Lantern" in cell.source)
    for name, config in (("Lantern", first), ("Kite", second)):
        assert config["model"] == f"{name}-inline{hashlib.sha256(_defined(classes, name).encode()).hexdigest()[:12]}"


# ---------------------------------------------------------------- before the first epoch: what a student learns


def test_a_setting_that_cannot_act_in_this_run_is_one_line_before_the_first_epoch(tmp_path):
    """A step schedule whose first cut comes after the last epoch, a plateau schedule whose patience outlasts the
    run, augmentation off for every epoch, a weight decay of conv biases that batch norm cancels, a dropout of rate
    0: each trains as it would without, and the plan says so in one line before epoch 1 (the wording of the hand-in's
    "inert" changes, in the present tense). A plateau schedule without a validation split is refused in one line;
    the zoo's own recipes, and the same settings where they act, say nothing."""
    from helpers import USER_FILE
    from tinydigits import models
    from tinydigits.lifecycle import make
    from tinydigits.training.config import TrainConfig

    def notes(**settings) -> tuple[str, ...]:
        return make(TrainConfig(**{"model": "model1", **settings}), one_run=True).notes

    assert notes(epochs=8, scheduler="step", step_size=10) == (
        "--scheduler step cannot act in this run: its first cut comes at the start of epoch 11, after the last epoch "
        "(8), so the rate stays 0.02 (--step-size 10 in 8 epochs)",)
    assert notes(epochs=4, scheduler="plateau", val_split=100)[1] == (
        "--scheduler plateau cannot act in this run: with --plateau-patience 2 its first cut comes at the end of "
        "epoch 4 at the earliest, and no epoch trains after it (4 epochs), so the rate stays 0.02")
    assert notes(epochs=2, augment_degrees=5, augment_off_last=2) == (
        "augmentation (--augment-degrees 5) cannot act in this run: --augment-off-last 2 trains every one of its 2 "
        "epochs on the digits as they are",)
    path = tmp_path / "student.py"
    path.write_text(USER_FILE)  # Net: a conv with a bias, batch norm right after it
    assert notes(model=f"{path}:Net", weight_decay=1e-4) == (
        "--weight-decay 0.0001 cannot act on the bias of body.0: batch norm right after each of these convs subtracts "
        "each channel's mean, so their bias cannot change what the net computes (it acts on the other weights)",)
    dropless = tmp_path / "dropless.py"
    dropless.write_text("import torch.nn as nn\n\ndef make():\n    return nn.Sequential(nn.Conv2d(1, 10, 28), "
                        "nn.Dropout(0.0), nn.Flatten())\n")
    assert notes(model=f"{dropless}:make") == ("Dropout p 0 (1) cannot act in this run: a dropout of rate 0 drops "
                                                "nothing",)
    with pytest.raises(TinyDigitsError, match="--scheduler plateau needs --val-split N"):
        notes(scheduler="plateau")
    assert not notes(epochs=8, scheduler="step", step_size=7) + notes(epochs=5, scheduler="plateau", val_split=100)[1:]
    assert not notes(epochs=3, augment_degrees=5, augment_off_last=2) + notes(weight_decay=1e-4)
    assert not [n for name in models.names() for n in make(TrainConfig(model=name)).notes]
    assert notes(model="model2", epochs=1)[0].endswith("(no --step-size: the default, a third of the epochs and at "
                                                       "least 1, is 1)")


def test_the_same_setting_is_said_before_a_checks_first_epoch_and_its_epoch_lines_show_train_beside_test(mnist_dir, tmp_path):
    """A check says the settings that cannot act before its first seed trains, and each seed's epoch line gives the
    train accuracy beside the test accuracy, as a run's own epoch line does."""
    import re

    proc = run_main("check", "--model", "model1", "--seeds", "0", "--epochs", "1", "--last", "1", "--train-limit",
                    "200", "--scheduler", "step", "--step-size", "3", "--data-dir", str(mnist_dir), "--out", str(tmp_path))
    lines = proc.stdout.splitlines()
    said = lines.index("--scheduler step cannot act in this run: its first cut comes at the start of epoch 4, after "
                       "the last epoch (1), so the rate stays 0.02 (--step-size 3 in 1 epoch)")
    first = next(i for i, line in enumerate(lines) if line.startswith("seed 0: epoch"))
    assert said < first and re.match(r"seed 0: epoch  1/1  train \d+\.\d\d%  test \d+\.\d\d%  ", lines[first]), lines


def test_a_summary_before_the_first_train_leaves_the_process_free_to_pin():
    """The README's first call, `tinydigits.summary(Model_1)`, ran the model on the CPU: torch's kernels fixed in this
    CPU's instruction set, so the next `train` went to a fresh process with a long paragraph that read as an error.
    Now the table is measured on PyTorch's meta device (the same table: every registered model's is compared with the
    CPU's), and a process that ran only the summary still pins the portable arithmetic."""
    import subprocess
    import sys

    from tinydigits.api import summary
    from tinydigits.models import registry
    from tinydigits.training.device import cpu_lacks_avx2

    for name in registry.names():
        assert summary(name, log=lambda _: None) == summary(registry.create(name), log=lambda _: None), name
    if cpu_lacks_avx2():
        pytest.skip("no portable arithmetic on this CPU: nothing to keep free")
    script = textwrap.dedent(f'''
        import tinydigits
        from torch import nn
        {textwrap.indent(CLASS, " " * 8).strip()}
        tinydigits.summary(Net, log=lambda _: None)
        tinydigits.summary("model1", log=lambda _: None)
        from tinydigits.training.device import pin_portable
        print("pin:", pin_portable())
    ''')
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "pin: None", done.stdout


@pytest.mark.parametrize(("limit", "said"), [(300, "tinydigits: 300 training images (the train limit of 300)"),
                                             (None, "tinydigits: 60,000 training images (all of MNIST)")])
def test_a_run_says_how_many_images_it_trains_on_before_its_first_epoch(limit, said):
    """The images a run trains on in one line before epoch 1, with or without a validation split (a split's note
    says them, out of the train limit or all of MNIST)."""
    from tinydigits.lifecycle.plan import images_line
    from tinydigits.training.config import TrainConfig

    assert images_line(TrainConfig(train_limit=limit)) == said.removeprefix("tinydigits: ")
    assert images_line(TrainConfig(train_limit=limit, val_split=100)).endswith(" + 100 validation (taken from the "
                                                                               + ("train limit of 300)" if limit else
                                                                                  "60,000 training images)"))


def test_the_command_lines_first_line_says_the_images(mnist_dir, tmp_path):
    proc = run_main("train", "--model", "model1", "--epochs", "1", "--train-limit", "300", "--data-dir", str(mnist_dir),
                    "--out", str(tmp_path), "--quiet")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "tinydigits: 300 training images (the train limit of 300)"
    assert lines[1].startswith("epoch  1/1  train loss"), lines


def test_a_seed_trained_on_a_worker_records_the_check_folder_it_lands_in(mnist_dir, tmp_path):
    """A worker trains its seed in a temporary folder and packs it home; config.json says where the run is (the
    check's folder, as a seed trained in the check's process says), not the folder that is gone."""
    from tinydigits.cluster import engine
    from tinydigits.lifecycle import make
    from tinydigits.training.config import TrainConfig

    home = tmp_path / "check-model1"
    home.mkdir()
    plan = make(TrainConfig(model="model1", epochs=1, train_limit=200, data_dir=str(mnist_dir), out=str(home)))
    folder = engine.unpack(engine.remote_seed(plan.seed(0), plan.budget), home, 0)
    assert json.loads((folder / "config.json").read_text())["out"] == str(home)


def test_the_handin_says_the_notebook_copy_lacks_its_own_cells_output(tmp_path, monkeypatch):
    """`handin(..., notebook=...)` copies the notebook as last saved, before the hand-in's cell ran (a kernel cannot
    save its notebook): the line about it says that cell has no output in the copy, and how to carry it."""
    import tinydigits

    folders = _inline_runs(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "student.ipynb").write_text("{}")
    text = " ".join(tinydigits.handin(folders, out="named", show=False, notebook="student.ipynb").read_text().split())
    assert ("as last saved: [student.ipynb](student.ipynb) (saved before the hand-in's cell ran, so that cell has no "
            "output in it: save the notebook once the cell has run, then run the cell again to copy it with its "
            "output)") in text


BEFORE = ROOT / "tests" / "data" / "before_training.ipynb"


def test_a_notebook_of_new_classes_learns_it_all_before_training(mnist_dir, tmp_path, monkeypatch):
    """Two classes of a notebook's own, the layer table first (the README's first call), a run on StepLR whose first
    cut comes after its last epoch with a weight decay of biases batch norm cancels, a 2-seed check on two worker
    processes, then the hand-in: run by a real Jupyter kernel as nbclient starts one, on a tiny budget. No
    fresh-process paragraph (where this CPU computes the portable arithmetic), the settings that cannot act and the
    images said before epoch 1, train beside test in the check's lines, each seed's record where it is, and the
    hand-in's line on the notebook copy."""
    import re

    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    import torch

    from tinydigits.training.device import cpu_lacks_avx2

    for key, value in {"TINYDIGITS_DATA_DIR": str(mnist_dir), "ROUTE_EPOCHS": "2", "ROUTE_TRAIN_LIMIT": "300",
                       "ROUTE_OUT": str(tmp_path / "runs")}.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    (tmp_path / BEFORE.name).write_bytes(BEFORE.read_bytes())
    nb = nbformat.read(BEFORE, as_version=4)
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    said = "".join(o.get("text", "") for cell in code for o in cell.get("outputs", []) if o.get("name") == "stdout")
    errors = [o for cell in code for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors and "Traceback" not in said, said
    lines = said.splitlines()
    assert "Total params: " in said
    if not cpu_lacks_avx2():  # the summary left the kernel free to pin: the run trains here, no paragraph
        assert not [line for line in lines if "fresh" in line], said
    first = next(i for i, line in enumerate(lines) if line.startswith("epoch  1/2"))
    assert lines[first - 3:first] == [
        "tinydigits: --scheduler step cannot act in this run: its first cut comes at the start of epoch 11, after the "
        "last epoch (2), so the rate stays 0.05 (--step-size 10 in 2 epochs)",
        "tinydigits: --weight-decay 0.0001 cannot act on the bias of body.0, body.3: batch norm right after each of "
        "these convs subtracts each channel's mean, so their bias cannot change what the net computes (it acts on the "
        "other weights)",
        "tinydigits: 300 training images (the train limit of 300)"], lines[:first + 1]
    for seed in (0, 1) if not torch.cuda.is_available() else ():  # on CUDA a check's seeds train stacked, unsaid
        assert any(re.match(rf"seed {seed}: epoch  2/2  train \d+\.\d\d%  test \d+\.\d\d%  ", line) for line in lines)
    check = next((tmp_path / "runs").glob("check-*"))
    seeds = sorted(check.glob("Heron-*-s*"))
    assert len(seeds) == 2 and all(json.loads((s / "config.json").read_text())["out"] == str(check) for s in seeds)
    readme = " ".join((tmp_path / "handin" / "README.md").read_text().split())
    assert f"[{BEFORE.name}]({BEFORE.name}) (saved before the hand-in's cell ran, so that cell has no output in it" in readme


def test_a_stacked_checks_epoch_line_shows_each_seeds_train_accuracy_beside_its_test_accuracy(mnist_dir, tmp_path):
    """Seeds stacked as one network (a check's way on CUDA) say each epoch in one line, in the check's output as a
    check's seeds one by one say theirs: every seed's train accuracy, then its test accuracy, in the seeds' order
    (named first); `--quiet` leaves it out, as it leaves out the seeds' lines."""
    import re

    from tinydigits.results.records import Run

    args = ["check", "--model", "model1", "--seeds", "0,1", "--stack", "--epochs", "1", "--last", "1", "--train-limit",
            "200", "--data-dir", str(mnist_dir)]
    proc = run_main(*args, "--out", str(tmp_path / "said"))
    assert proc.returncode in (0, 1), proc.stderr
    runs = [Run.load(p) for p in sorted((tmp_path / "said").glob("check-*/model1-*-s*"))]
    accs = [f"{getattr(r.epochs[0], k):.2f}" for k in ("train_acc", "test_acc") for r in runs]
    assert "; each epoch's line gives their accuracies in the order of the seeds, 0, 1\n" in proc.stdout
    assert re.search(rf"^epoch  1/1  train acc {accs[0]} {accs[1]}  test acc {accs[2]} {accs[3]}  \d+\.\ds$",
                     proc.stdout, re.M), proc.stdout
    quiet = run_main(*args, "--out", str(tmp_path / "quiet"), "--quiet")
    assert quiet.returncode in (0, 1) and "train acc" not in quiet.stdout, quiet.stdout
