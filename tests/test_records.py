"""`results.records`: what a run and a check leave, read back typed - round trips, a folder from before the records,
one line for a path that is neither, a short run judged as the command line judges it, and a hand-in that never runs
the model's code."""

from __future__ import annotations

import json
import shutil
import textwrap

import pytest

from helpers import assert_one_line_error, run_main
from tinydigits.errors import TinyDigitsError
from tinydigits.results import records


def test_a_run_round_trips_and_an_older_run_says_what_it_lacks(tiny_run, tmp_path):
    run = records.Run.load(tiny_run.run_dir)
    assert run.missing == [] and run.layers and run.modules and run.code and "class Model3" in run.code
    assert run.settings.model == "model3" and len(run.epochs) == 2 and run.epochs[0].epoch == 1
    assert run.params == sum(r.params for r in run.layers)
    again = records.Run.load(run.save(tmp_path / "copy"))
    assert again.epochs == run.epochs and again.per_class == run.per_class and again.layers == run.layers
    assert again.settings == run.settings and again.modules == run.modules and again.confusions == run.confusions

    old = tmp_path / "old"  # a run folder from before the records: no layer table, module settings or code
    shutil.copytree(tiny_run.run_dir, old)
    config = json.loads((old / "config.json").read_text())
    for key in ("architecture", "code"):
        config.pop(key)
    (old / "config.json").write_text(json.dumps(config))
    before = records.Run.load(old)
    assert before.missing == ["the layer table and module settings", "the model's code"] and before.layers == []


def test_a_check_round_trips_and_shows_a_named_seed(tmp_path, mnist_dir):
    from helpers import TINY_CHECK, tiny_spec

    proc = run_main("check", "--seeds", "0,1,2", *TINY_CHECK, "--data-dir", str(mnist_dir), "--model", tiny_spec(tmp_path),
                    "--out", str(tmp_path / "runs"), "--quiet")
    assert proc.returncode == 0, proc.stderr
    (folder,) = (tmp_path / "runs").iterdir()
    check = records.Check.load(folder)
    assert sorted(check.seeds) == [0, 1, 2] and sorted(check.runs) == [0, 1, 2] and check.verdict.held()[1] == 3
    assert check.odds.seeds == 3 and check.verdict.line().startswith(("PASS (", "FAIL ("))
    assert check.verdict == records.Verdict.of(json.loads((folder / "check.json").read_text()), folder)
    seed, why = check.shown()
    assert "median of its 3 seeds" in why and seed in (0, 1, 2)
    assert check.shown(prefer=1) == (1, "the seed the step before trained (1), so the two compare on the same seed")
    copy = records.Check.load(check.save(tmp_path / "copy") and _with_runs(folder, tmp_path / "copy"))
    assert copy.seeds == check.seeds and copy.odds == check.odds and copy.settings == check.settings
    assert (tmp_path / "copy" / "check.json").read_bytes() == (folder / "check.json").read_bytes()  # the same JSON


def _with_runs(source, target):
    for run in source.iterdir():
        if run.is_dir():
            shutil.copytree(run, target / run.name)
    return target


def test_a_path_that_is_not_a_run_is_one_line(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(TinyDigitsError, match="neither a run folder"):
        records.kind_of(tmp_path / "empty")
    assert_one_line_error(run_main("report", str(tmp_path / "empty")), "neither a run folder")
    assert_one_line_error(run_main("report", str(tmp_path / "nothing")), "no such file or folder")
    assert_one_line_error(run_main("eval", str(tmp_path / "file.txt")), "a file, not a run or check folder")
    assert_one_line_error(run_main("report", str(tmp_path / "no" / "such"), "--steps"), "not a run or check folder")


def test_judge_of_a_short_run_says_too_few_epochs(tiny_run):
    import tinydigits

    text = tinydigits.judge(tiny_run.run_dir)  # 2 epochs, the budget judges 3
    assert "too few epochs to judge: 2 ran, the budget judges the last 3" in text
    assert "ep0" not in text and "in each of the last 3 epochs" not in text and "VERDICT: FAIL" in text


STUDENT = textwrap.dedent('''
    import torch.nn as nn

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.body = nn.Sequential(nn.Conv2d(1, 8, 3), nn.BatchNorm2d(8, momentum=0.05), nn.ReLU(), nn.Dropout(0.1),
                                      nn.MaxPool2d(2), nn.Conv2d(8, 10, 3), nn.AdaptiveAvgPool2d(1), nn.Flatten())

        def forward(self, x):
            return self.body(x)
''')


def test_the_hand_in_never_runs_the_models_code(tmp_path, mnist_dir):
    """Written twice, the second time after the model's file was deleted: the same write-up, layer tables included."""
    model = tmp_path / "model.py"
    model.write_text(STUDENT)
    proc = run_main("train", "--model", f"{model}:Net", "--epochs", "1", "--train-limit", "300", "--target", "t",
                    "--data-dir", str(mnist_dir), "--out", str(tmp_path / "runs"), "--quiet")
    assert proc.returncode == 0, proc.stderr
    (run,) = (tmp_path / "runs").iterdir()
    first = run_main("report", str(run), "--steps", "--out", str(tmp_path / "a"))
    model.unlink()
    second = run_main("report", str(run), "--steps", "--out", str(tmp_path / "b"))
    assert first.returncode == second.returncode == 0, second.stderr
    text = (tmp_path / "b" / "README.md").read_text() + (tmp_path / "b" / "evidence.md").read_text()
    assert (tmp_path / "a" / "README.md").read_text() + (tmp_path / "a" / "evidence.md").read_text() == text
    assert "| body.0 | Conv2d |" in text  # the layer table, from the record
    assert "class Net(nn.Module)" in (tmp_path / "b" / "step1-code.py").read_text()  # the code as it trained
    assert "[step1-code.py](step1-code.py), `Net` (sha256 " in text
    modules = records.Run.load(run).modules
    assert modules["body.1"]["momentum"] == 0.05 and modules["body.3"]["p"] == 0.1 and modules["body.0"]["bias"] is True


def test_a_check_shows_the_step_befores_seed_else_a_median_of_three_else_the_lowest(tmp_path):
    from tinydigits.constants import Budget
    from tinydigits.results.budget import judge
    from tinydigits.training.config import TrainConfig

    def check(minima: dict[int, float]) -> records.Check:
        verdict = judge({s: [m] * 3 for s, m in minima.items()}, 7568, 3, Budget())
        return records.Check(tmp_path, TrainConfig(), Budget(), {s: tmp_path for s in minima}, verdict)

    two = check({0: 99.50, 1: 99.44})
    assert two.shown() == (1, "the lowest of its 2 seeds' min of the last 3 epochs (a median needs three)")
    assert two.shown(prefer=0)[0] == 0  # the step before trained seed 0: compared on it
    three = check({3: 99.50, 4: 99.44, 5: 99.47})
    assert three.shown() == (5, "the median of its 3 seeds' min of the last 3 epochs")
    assert three.shown(prefer=0)[0] == 5  # seed 0 not among them: the median


def test_the_writer_builds_the_record_every_reader_loads(tiny_run):
    """`RunRecord` builds the typed record and saves it: the files are the record's JSON, a reader's load is the same
    record, and a loaded record writes its files back as they were read (keys in their order)."""
    folder = tiny_run.run_dir
    written = {name: json.loads((folder / name).read_text()) for name in ("config.json", "metrics.json")}
    def as_json(data: dict) -> str:  # as the file holds it (a tuple is a list there); TensorBoard's costs go on after
        return json.dumps({k: v for k, v in data.items() if k != "event_seconds"})

    assert as_json(tiny_run.run.config_json()) == as_json(written["config.json"])
    assert as_json(tiny_run.run.metrics_json()) == as_json(written["metrics.json"])
    loaded = records.Run.load(folder)
    assert as_json(loaded.config_json()) == as_json(written["config.json"])
    assert as_json(loaded.metrics_json()) == as_json(written["metrics.json"])
    assert loaded.epochs == tiny_run.run.epochs and loaded.settings == tiny_run.run.settings
    assert not hasattr(loaded, "config") and not hasattr(loaded, "metrics")  # no dicts beside the typed fields


def test_a_digits_accuracy_is_rounded_once_from_its_counts(tmp_path):
    """per_class.csv keeps 3 decimals; a page that shows 2 takes them from the counts: 995 of 1,010 is 98.51 %, not
    98.52 (98.515 rounded a second time)."""
    from tinydigits.training.runfolder import read_per_class

    (tmp_path / "per_class.csv").write_text("digit,support,accuracy,precision,recall,errors\n"
                                            "3,1010,98.515,98.0,98.515,15\n5,892,98.655,98.1,98.655,12\n")
    three, five = read_per_class(tmp_path / "per_class.csv")
    assert (three.support, f"{three.exact:.2f}", f"{five.exact:.2f}") == (1010, "98.51", "98.65")
    (tmp_path / "per_class.csv").write_text("digit,accuracy,errors\n3,98.515,15\n")  # an older file: its figure
    assert read_per_class(tmp_path / "per_class.csv")[0].exact == 98.515


def test_a_verdict_shows_a_short_summary_in_a_notebook():
    """A verdict evaluated in a notebook cell is a few lines - the verdict, the worst seed, the odds, its folder - not
    the dataclass's every curve (which ran to thousands of characters); the figures are the verdict's own."""
    from pathlib import Path

    folder = Path(__file__).parent / "data" / "byte_identical" / "check-model3b-20261126T050000Z"
    verdict = records.Verdict.load(folder)
    worst = min(verdict.seeds.values(), key=lambda s: s.min_last)
    for shown in (repr(verdict), verdict._repr_markdown_()):
        assert len(shown) < 600 and len(shown.splitlines()) <= 6, shown
        assert verdict.line() in shown and f"{verdict.params:,} parameters" in shown
        assert f"worst seed {worst.seed}: lowest of its last 3 epochs {worst.min_last:.2f} %" in shown
        assert verdict.odds.chance(None, unit=" %", bound="95 % lower bound ") in shown and str(folder) in shown
