"""The seed ledger (issue 57): every published figure of a tier's odds comes from docs/seeds.csv, `check` adds its
seeds there, and the docs cannot drift from it."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest

from helpers import run_main, script
from tinydigits import models
from tinydigits.constants import DEFAULT_MODEL
from tinydigits.errors import TinyDigitsError
from tinydigits.lifecycle import tiers
from tinydigits.results import ledger
from tinydigits.results.odds import pass_odds

ledger_docs = script("ledger_docs").ledger_docs

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "docs" / "seeds.csv"


def test_the_ledger_has_its_columns_and_the_defaults_43_portable_seeds():
    rows = ledger.read(SEEDS)
    assert list(rows[0]) == list(ledger.COLUMNS)
    mine = [r for r in rows if r["model_sha256"] == models.resolve("poolbn").digest() and r["arithmetic"] == "portable"]
    assert len(mine) >= 43 and {r["role"] for r in rows} <= set(ledger.ROLES)


def test_models_json_takes_the_defaults_odds_from_the_ledger():
    proc = run_main("models", "--json", "--model", "poolbn", "--ledger", str(SEEDS))
    (row,) = json.loads(proc.stdout)
    portable = row["odds"]["portable"]
    minima = [float(r["min_last3"]) for r in ledger.read(SEEDS) if r["model_sha256"] == row["model_sha256"]
              and r["recipe_sha256"] == row["recipe_sha256"] and r["arithmetic"] == "portable"]
    odds = pass_odds(minima, 99.4)
    assert (portable["seeds"], portable["passed"]) == (len(minima), odds.passed)
    assert (portable["probability"], portable["probability_lower"]) == (odds.probability, odds.probability_lower)
    assert portable["judged"]["seeds"] < portable["seeds"]  # the screen's seeds 20-25 chose it


def test_the_docs_figures_are_the_ledgers(tmp_path):
    """README.md and every docs/*.md as scripts/ledger_docs.py writes them; one edited ledger row shows."""
    assert ledger_docs(SEEDS, tiers, write=False) == []
    copy = tmp_path / "docs" / "seeds.csv"
    copy.parent.mkdir()
    rows = ledger.read(SEEDS)
    first = next(i for i, r in enumerate(rows) if r["model"] == DEFAULT_MODEL and r["role"] == "judged")  # both pages
    rows[first]["min_last3"] = "99.30"
    with copy.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=ledger.COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    docs = [tmp_path / "README.md", tmp_path / "docs" / "models.md"]
    shutil.copy(ROOT / "README.md", docs[0])
    shutil.copy(ROOT / "docs" / "models.md", docs[1])
    assert ledger_docs(copy, tiers, write=False, docs=docs) == [str(d) for d in docs]


def _check_folder(folder: Path, seeds: list[int], epochs_done: dict[int, int] | None = None) -> Path:
    """A check's folder as `check` leaves it: plan.json and one run folder per seed (no training)."""
    folder.mkdir(parents=True)
    from dataclasses import asdict

    from tinydigits.training.config import TrainConfig

    (folder / "plan.json").write_text(json.dumps({"seeds": seeds, "budget": {"last": 3}, "command": "tinydigits check",
                                                  "config": asdict(TrainConfig(model="poolbn", epochs=4))}))
    for seed in seeds:
        run = folder / f"poolbn-s{seed}"
        run.mkdir()
        config = {"model": "poolbn", "model_sha256": "abc", "seed": seed, "epochs": 4, "portable": True,
                  "precision": "fp32", "threads": 1, "environment": {"torch": "2.13.0", "git_commit": "0123456789",
                                                                     "arithmetic": {"cpu": "CPU", "cpu_flags": ["avx2"]}}}
        (run / "config.json").write_text(json.dumps(config))
        done = (epochs_done or {}).get(seed, 4)
        rows = [{"epoch": e + 1, "train_loss": 0.1, "train_acc": 99.0, "test_loss": 0.02, "test_acc": 99.0 + e / 10,
                 "lr": 0.1, "seconds": 1.0} for e in range(done)]
        (run / "metrics.json").write_text(json.dumps({"epochs": rows,
                                                      "complete": done == 4, "seed": seed, "params": 7568}))
        (run / "model.pt").write_bytes(b"")
    return folder


def test_ledger_add_appends_a_checks_seeds_and_refuses_duplicates(tmp_path):
    path = tmp_path / "seeds.csv"
    folder = _check_folder(tmp_path / "check", [0, 1])
    proc = run_main("ledger", "add", str(folder), "--ledger", str(path))
    assert proc.returncode == 0, proc.stderr
    rows = ledger.read(path)
    assert [(r["seed"], r["last3"], r["min_last3"], r["arithmetic"], r["role"]) for r in rows] == [
        ("0", "99.10 99.20 99.30", "99.10", "portable", "judged"), ("1", "99.10 99.20 99.30", "99.10", "portable", "judged")]
    again = run_main("ledger", "add", str(folder), "--ledger", str(path))
    assert again.returncode == 1 and "already in the ledger" in again.stderr
    assert ledger.read(path) == rows  # nothing written


def test_an_unfinished_seed_enters_nowhere_and_a_resumed_check_adds(tmp_path):
    """One rule for a finished seed, the verdict's and the ledger's: an interrupted seed is NOT RUN (said, not added);
    after `check --resume` trained it again, its partial folder beside the finished one does not stop the add."""
    folder = _check_folder(tmp_path / "check", [3, 4], epochs_done={4: 2})
    rows, not_run = ledger.rows_of_check(folder)
    assert [r["seed"] for r in rows] == [3] and not_run == [4]
    proc = run_main("ledger", "add", str(folder), "--ledger", str(tmp_path / "seeds.csv"))
    assert proc.returncode == 0 and "seed(s) 4 did not finish (NOT RUN): not added" in proc.stdout
    resumed = folder / "poolbn-s4-resumed"  # what --resume leaves: the partial folder stays, a complete one beside it
    shutil.copytree(folder / "poolbn-s3", resumed)
    config = json.loads((resumed / "config.json").read_text())
    (resumed / "config.json").write_text(json.dumps({**config, "seed": 4}))
    rows, not_run = ledger.rows_of_check(folder)
    assert sorted(r["seed"] for r in rows) == [3, 4] and not_run == []
    from tinydigits.training.config import TrainConfig
    from tinydigits.verdict.seeds import landed_seeds

    assert sorted(landed_seeds(folder, TrainConfig(epochs=4))) == [3, 4]  # the verdict counts the same seeds


def test_a_row_is_keyed_by_its_recipe_and_budget_and_pools_only_in_its_tier(mnist_dir, tmp_path):
    """Issue #65's acceptance: a 1-epoch check with another budget, on seeds the ledger holds (0, 1) and on new ones
    (900, 901), adds FAIL rows under their own recipe and budget; the default's published odds do not move."""
    scratch = tmp_path / "seeds.csv"
    shutil.copy(SEEDS, scratch)
    before = json.loads(run_main("models", "--json", "--model", DEFAULT_MODEL, "--ledger", str(scratch)).stdout)[0]
    for seeds in ("900,901", "0,1"):
        proc = run_main("check", "--seeds", seeds, "--epochs", "1", "--last", "1", "--train-limit", "500", "--min-acc",
                        "99.9", "--data-dir", str(mnist_dir), "--out", str(tmp_path / "runs"), "--ledger", str(scratch))
        assert proc.returncode == 1 and "added 2 seed(s)" in proc.stdout, proc.stdout + proc.stderr
    added = ledger.read(scratch)[-4:]
    assert {r["budget"] for r in added} == {"99.9 in last 1; <8000 params; <=15 epochs"}
    assert len({r["recipe_sha256"] for r in added}) == 1 and added[0]["recipe_sha256"] != before["recipe_sha256"]
    after = json.loads(run_main("models", "--json", "--model", DEFAULT_MODEL, "--ledger", str(scratch)).stdout)[0]
    assert after["odds"] == before["odds"]
    (other,) = [o for o in after["other_recipes"] if o["budget"] == added[0]["budget"]]
    assert other["odds"]["portable2"]["seeds"] == 4 and other["odds"]["portable2"]["passed"] == 0  # four FAILs, apart
    assert len(after["other_recipes"]) == len(before["other_recipes"]) + 1


def test_an_installed_packages_ledger_is_read_only(tmp_path, monkeypatch):
    package = tmp_path / "site" / "tinydigits" / "results"
    package.mkdir(parents=True)
    monkeypatch.setattr(ledger, "__file__", str(package / "ledger.py"))
    with pytest.raises(TinyDigitsError, match="installed with the package"):
        ledger.add([], package / "seeds.csv")


def test_check_with_seed_ranges_adds_to_a_ledger(mnist_dir, tmp_path):
    """The acceptance command of issue 56 with `--ledger`: seeds 0, 1, 2 and 5 judged, then in the ledger."""
    path, verdict = tmp_path / "seeds.csv", tmp_path / "v.json"
    proc = run_main("check", "--seeds", "0-2,5", "--epochs", "1", "--train-limit", "2000", "--last", "1", "--min-acc",
                    "10", "--json", str(verdict), "--data-dir", str(mnist_dir), "--out", str(tmp_path / "runs"),
                    "--ledger", str(path))
    assert proc.returncode == 0, proc.stderr
    assert sorted(json.loads(verdict.read_text())["seeds"], key=int) == ["0", "1", "2", "5"]
    assert sorted(int(r["seed"]) for r in ledger.read(path)) == [0, 1, 2, 5]


def test_an_installed_package_carries_the_ledger_and_shows_what_held(tmp_path):
    """`pip install` (no checkout beside it, as on Colab): `tinydigits models` still reads the ledger (package data:
    `results/seeds.csv`, which the build copies from docs/seeds.csv: setup.py) and shows poolbn's seeds, not `-`."""
    import os
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[1]
    source = tmp_path / "source"  # a copy: building in the checkout would leave build/ and egg-info there
    shutil.copytree(repo / "src", source / "src", symlinks=True, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    (source / "docs").mkdir()
    shutil.copy(repo / "docs" / "seeds.csv", source / "docs" / "seeds.csv")
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(repo / name, source / name)
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "--no-index",
                    "--target", str(target), str(source)], check=True, capture_output=True, timeout=300)
    packaged = target / "tinydigits" / "results" / "seeds.csv"
    assert not packaged.is_symlink() and packaged.read_text() == (repo / "docs" / "seeds.csv").read_text()
    env = {k: v for k, v in os.environ.items() if k != "TINYDIGITS_LEDGER"}
    done = subprocess.run([sys.executable, "-m", "tinydigits", "models"], capture_output=True, text=True, timeout=120,
                          cwd=tmp_path, env={**env, "PYTHONPATH": str(target)})
    assert done.returncode == 0, done.stderr
    poolbn = next(line for line in done.stdout.splitlines() if line.startswith("poolbn"))
    assert re.search(r" \d+/\d+ P \d+\.\d%", poolbn), poolbn


def test_a_seed_whose_data_vanishes_is_not_run_and_a_model_that_raises_fails(mnist_dir, tmp_path, monkeypatch):
    """Outcomes by cause, decided by exception type: the machine's or the data's (a file gone, MNIST corrupt, an
    arithmetic this CPU cannot run) is NOT RUN (exit 3, INCOMPLETE); the model's own error is its FAIL."""
    from tinydigits.cluster.outcome import failed
    from tinydigits.errors import NotTheModels
    from tinydigits.training import train as loop

    assert failed(0, FileNotFoundError("train-images-idx3-ubyte.gz")).not_run
    assert failed(0, NotTheModels("MNIST not found")).not_run
    assert failed(0, RuntimeError("mat1 and mat2 shapes cannot be multiplied")).error
    real = loop.load_splits

    def vanishing(cfg, device, quiet=True):  # seed 1's data is gone by the time it starts
        if cfg.seed == 1:
            raise FileNotFoundError(2, "No such file or directory", str(mnist_dir / "train-images-idx3-ubyte.gz"))
        return real(cfg, device, quiet)

    monkeypatch.setattr(loop, "load_splits", vanishing)
    verdict = tmp_path / "v.json"
    proc = run_main("check", "--seeds", "0,1", "--epochs", "1", "--last", "1", "--train-limit", "500", "--min-acc", "1",
                    "--data-dir", str(mnist_dir), "--out", str(tmp_path / "runs"), "--json", str(verdict))
    assert proc.returncode == 3, proc.stdout + proc.stderr
    seeds = json.loads(verdict.read_text())["seeds"]
    assert seeds["0"]["pass"] is True and "FileNotFoundError" in seeds["1"]["not_run"] and "error" not in seeds["1"]


def test_a_rewrite_changes_only_the_rows_it_is_given_and_keeps_the_columns(tmp_path):
    """`ledger.rewrite` (how an adopted lever's rows move to the model that adopted it, scripts/margin_study.py): the
    rows it changes, the others as they were, the file still a ledger; a change that raises leaves the old file."""
    copy = tmp_path / "seeds.csv"
    shutil.copy(SEEDS, copy)
    before = ledger.read(copy)

    def rename(rows):
        for r in rows[:2]:
            r["model"] = "renamed"
        return rows

    ledger.rewrite(copy, rename)
    after = ledger.read(copy)
    assert [r["model"] for r in after[:2]] == ["renamed"] * 2 and after[2:] == before[2:] and len(after) == len(before)
    with pytest.raises(ZeroDivisionError):
        ledger.rewrite(copy, lambda rows: [1 / 0])
    assert ledger.read(copy) == after
