"""`tinydigits report STEP... --steps --out DIR` (issue #74): the hand-in a grader reads, right and whole. Tiny real runs
of a student's three models (one file) and a tiny check, then the rules of the Analysis on steps made to order."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from helpers import run_main
from tinydigits.results import steps as rules

STUDENT = textwrap.dedent('''
    import torch.nn as nn
    import torch.nn.functional as F

    def block(cin, cout, bn, p=0.0, k=3):
        layers = [nn.Conv2d(cin, cout, k, bias=False)] + ([nn.BatchNorm2d(cout)] if bn else []) + [nn.ReLU()]
        return nn.Sequential(*layers, *([nn.Dropout(p)] if p else []))

    class Net(nn.Module):
        def __init__(self, widths, bn, p, squeeze):
            super().__init__()
            a, b, c = widths
            mid = [block(b, 8, bn, k=1), block(8, c, bn, p)] if squeeze else [block(b, c, bn, p)]
            self.features = nn.Sequential(block(1, a, bn, p), block(a, b, bn, p), nn.MaxPool2d(2), *mid,
                                          block(c, 16, bn))
            self.head = nn.Conv2d(16, 10, 1)

        def forward(self, x):
            return F.adaptive_avg_pool2d(self.head(self.features(x)), 1).flatten(1)

    class Model_1(Net):  # no batch norm
        def __init__(self):
            super().__init__((8, 16, 12), bn=False, p=0.0, squeeze=True)

    class Model_2(Net):  # batch norm and 5 % dropout, no augmentation
        def __init__(self):
            super().__init__((8, 16, 12), bn=True, p=0.05, squeeze=True)

    class Model_3(Net):  # the squeeze gone, the widths moved; trained with rotation
        def __init__(self):
            super().__init__((10, 12, 14), bn=True, p=0.05, squeeze=False)
''')


@pytest.fixture(scope="module")
def student(mnist_dir, tmp_path_factory):
    """Model_1 (2 epochs), Model_2 (3), Model_3 (2; 512 images each), and Model_3 as a check of seeds 0,1 (2 epochs)."""
    root = tmp_path_factory.mktemp("student")
    (root / "model.py").write_text(STUDENT)
    common = ["--data-dir", str(mnist_dir), "--out", str(root / "runs"), "--train-limit", "512"]
    for name, flags in (("Model_1", ["--recipe", "model1", "--epochs", "2"]),
                        ("Model_2", ["--recipe", "model2", "--epochs", "3"]),
                        ("Model_3", ["--recipe", "model3", "--epochs", "2"])):
        proc = run_main("train", "--model", f"{root / 'model.py'}:{name}", *flags, "--target", f"{name}'s aim", *common,
                        "--quiet")
        assert proc.returncode == 0, proc.stderr
    proc = run_main("check", "--model", f"{root / 'model.py'}:Model_3", "--recipe", "model3", "--epochs", "2",
                    "--last", "2", "--seeds", "0,1", "--target", "Model_3 over seeds", *common)
    assert proc.returncode in (0, 1), proc.stderr
    lr = run_main("lr-find", "--model", f"{root / 'model.py'}:Model_3", "--steps", "30", "--train-limit", "512",
                  "--data-dir", str(mnist_dir), "--out", str(root / "runs"))
    assert lr.returncode == 0, lr.stderr
    return root


def _blocks(text: str) -> list[str]:
    return re.split(r"\n## Step \d+: ", text)[1:]


def test_the_hand_in_is_a_folder_a_grader_reads(student):
    out = student / "missing" / "hand-in"  # a folder that does not exist yet: made
    refs = [f"{student / 'model.py'}:Model_{i}" for i in (1, 2)]
    check = next((student / "runs").glob("check-Model_3-*"))
    proc = run_main("report", *refs, str(check), "--steps", "--out", str(out), "--runs", str(student / "runs"))
    assert proc.returncode == 0, proc.stderr
    assert "step 1:" in proc.stderr and "Model_1-" in proc.stderr  # a model named: its newest run, said
    text = (out / "README.md").read_text()
    links = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert len(links) >= 1 + 3 * 3 + 1 and all((out / link).is_file() for link in links)  # every link resolves here
    one, two, three = _blocks(text)
    assert "augmentation" not in two.split("**Analysis:**")[1]  # step 2 had none: never blamed on it
    assert "not like for like" in two and "epochs 2 → 3" in two  # 2 epochs against 3: said
    assert "shortened run" in one and "512 of 60,000 training images" in one
    assert "conv1 8 → 10 channels" in three and "conv2 16 → 12 channels" in three, three  # the widths: the step
    assert "(16→8 1x1) removed" in three and "+5 BatchNorm2d" in two and "none after conv6" in two
    assert "Over seeds (`check`)" in three and "| 0 |" in three and "| 1 |" in three and "seeds held" in three
    assert "| step | model | params | RF |" in text and "Epoch log" in three and "| layer | type | output |" in three
    assert "learning-rate range test (`lr-find-Model_3-" in three and "this step's peak rate" in three
    assert "commonest confusions" in three and "dead units" in three


def test_out_in_the_way_is_one_line(student, tmp_path):
    from helpers import assert_one_line_error

    (tmp_path / "file").write_text("x")
    run = next((student / "runs").glob("Model_1-*"))
    assert_one_line_error(run_main("report", str(run), "--steps", "--out", str(tmp_path / "file" / "in")), "--out")
    assert_one_line_error(run_main("report", "model.py:Nope", "--steps", "--runs", str(student / "runs")), "Nope")


def _step(train: list[float], test: list[float], **config) -> rules.Step:
    """A step made to order: its curve, its config (recipe fields), no layers."""
    epochs = [{"epoch": i + 1, "train_acc": a, "test_acc": b, "train_loss": 0.1, "test_loss": 0.1, "lr": 0.1,
               "seconds": 10.0} for i, (a, b) in enumerate(zip(train, test, strict=True))]
    base = {"model": "m", "epochs": len(test), "seed": 0, "train_images": 60_000, "budget": {"last": 3}}
    return rules.Step(Path("."), {**base, **config}, {"model": "m", "params": 7000, "seed": 0, "epochs": epochs})


def test_a_gap_inside_the_noise_is_neither_over_nor_under_fitting():
    flat = [99.0] * 12 + [99.45, 99.46, 99.47]
    text = " ".join(rules.fit_lines(_step([a - 0.05 for a in flat], flat)))  # test above train by 0.05
    assert "no sign of over- or under-fitting" in text and "over-fitting**" not in text and "under-fitting**" not in text


def test_test_above_train_is_explained_by_what_the_run_had():
    test = [97.0 + 0.2 * i for i in range(15)]
    plain = " ".join(rules.fit_lines(_step([a - 2.0 for a in test], test)))
    assert "augmentation" not in plain and "dropout" not in plain and "running average" in plain
    rotated = " ".join(rules.fit_lines(_step([a - 2.0 for a in test], test, augment_degrees=7.0)))
    assert "augmentation was on" in rotated and "**under-fitting**" not in rotated


def test_over_fitting_needs_test_to_stall_while_train_leads():
    test = [99.0] * 15
    assert "**over-fitting**" in " ".join(rules.fit_lines(_step([99.9] * 15, test)))
    rising = [10.0 + 6 * i for i in range(15)]
    assert "over-fitting**" not in " ".join(rules.fit_lines(_step([a + 5 for a in rising], rising)))


def test_a_shortened_step_is_named_and_not_given_advice_the_budget_forbids():
    short = _step([60.0, 80.0], [50.0, 70.0], train_images=5000, epochs=2)
    text = " ".join(rules.fit_lines(short))
    assert "2 of the budget's 15 epochs" in text and "5,000 of 60,000 training images" in text
    assert "epochs could go up" not in text and "more epochs" not in text
    assert "too few epochs to judge" in rules.verdict_reason(short)


def test_the_stall_sentence_agrees_with_the_best_epoch():
    test = [99.0, 99.2, 99.3, 99.31, 99.32, 99.33, 99.34, 99.35, 99.36, 99.37, 99.38, 99.39, 99.40, 99.41, 99.44]
    text = rules.stall_text(test)
    assert "best 99.44 % at epoch 15" in text and "after epoch 3" not in text  # 15 beat 3's best by 0.14
