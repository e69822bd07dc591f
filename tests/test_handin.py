"""`tinydigits report STEP... --steps --out DIR` (issue #74): the hand-in a grader reads, right and whole. Tiny real runs
of a student's three models (one file) and a tiny check, then the rules of the Analysis on steps made to order."""

from __future__ import annotations

import dataclasses
import math
import re
import shlex
import textwrap
from datetime import timedelta
from pathlib import Path

import pytest

from helpers import run_main
from tinydigits.results import handin
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
    assert len(links) >= 1 + 3 * 3 + 1 and all((out / link).is_file() for link in links)  # every image resolves here
    local = [t for t in re.findall(r"\]\(([^)\s#]+)\)", text) if "://" not in t]  # and every other local link
    assert [t for t in local if not (out / t).is_file()] == [] and {"step1-metrics.json", "step3-check.json"} <= set(local)
    one, two, three = _blocks(text)
    assert "augmentation" not in two.split("**Analysis:**")[1].split("**How it trained:**")[0]  # none: never blamed
    assert "not like for like" in two and "epochs 2 → 3" in two  # 2 epochs against 3: said
    assert "shortened run" in one and "512 of 60,000 training images" in one
    assert "features.0.0 8 → 10 channels" in three and "features.1.0 16 → 12 channels" in three, three  # the widths
    assert "(16→8 1x1) removed" in three and "+5 BatchNorm2d" in two and "none after head" in two  # the author's names
    assert "Over seeds (`check`, " in three and "| 0 |" in three and "| 1 |" in three and "seeds held" in three
    assert "| step | model | params | RF |" in text and "Epoch log" in three and "| layer | type | output |" in three
    assert "learning-rate range test (`lr-find-Model_3-" in three and "this step's peak rate" in three
    assert "commonest confusions" in three and "dead units" in three


def test_a_students_steps_train_again_from_the_hand_in_folder(student, tmp_path):
    """The commands of a hand-in made from a student's file take the model from the folder's own stepN-code.py, and a
    check's command keeps its settings but not the paths of the machine it ran on (--out, --data-dir) or its Target."""
    from tinydigits.cli import build_parser

    out = tmp_path / "hand-in"
    check = next((student / "runs").glob("check-Model_3-*"))
    refs = [f"{student / 'model.py'}:Model_{i}" for i in (1, 2)]
    assert run_main("report", *refs, str(check), "--steps", "--out", str(out), "--runs",
                    str(student / "runs")).returncode == 0
    commands = re.findall(r"- to train it again \(in this folder\): `([^`]+)`", (out / "README.md").read_text())
    assert len(commands) == 3
    for i, command in enumerate(commands, 1):
        args = shlex.split(command)
        assert args[args.index("--model") + 1] == f"step{i}-code.py:Model_{i}" and (out / f"step{i}-code.py").is_file()
        assert str(student) not in command and "--out" not in args and "--data-dir" not in args, command
        parsed = build_parser().parse_args(args[1:])  # a command the CLI takes as it is
        assert (parsed.seed == 0) if i < 3 else (list(parsed.seeds) == [0, 1])
    assert {"--lr", "--augment-degrees", "--train-limit"} <= set(shlex.split(commands[2]))  # every setting carried
    # A check typed at a prompt keeps its words, less where its files went, the machine's own paths and the Target.
    step = rules.read_steps([check])[0]
    typed = (f"tinydigits check --model {student}/model.py:Model_3 --seeds 0,1 --out {student}/runs --json=v.json "
             f"--data-dir /mnist --epochs 2 --target 'more seeds' --jobs 2")
    verdict = dataclasses.replace(step.check.verdict, command=typed)
    step = dataclasses.replace(step, check=dataclasses.replace(step.check, verdict=verdict))
    assert handin.reproduce(step, "step3-code.py") == ("tinydigits check --model step3-code.py:Model_3 --seeds 0,1 "
                                                       "--epochs 2 --jobs 2")  # the Target's words: the write-up's


def test_out_in_the_way_is_one_line(student, tmp_path):
    from helpers import assert_one_line_error

    (tmp_path / "file").write_text("x")
    run = next((student / "runs").glob("Model_1-*"))
    assert_one_line_error(run_main("report", str(run), "--steps", "--out", str(tmp_path / "file" / "in")), "--out")
    assert_one_line_error(run_main("report", "model.py:Nope", "--steps", "--runs", str(student / "runs")), "Nope")


def _step(train: list[float], test: list[float], modules: dict | None = None, lr: list[float] | None = None,
          loss: list[float] | None = None, peak: float | None = None, **config) -> rules.Step:
    """A step made to order: its curve (test loss flat unless given), its config (recipe fields; `peak`: its `lr`,
    where `lr` is the rate each epoch started with), the modules it records (none by default)."""
    from tinydigits.results.records import Run

    config |= {"lr": peak} if peak is not None else {}

    # without a given loss, an epoch at chance has a uniform guess's loss (ln 10), as a real one does
    epochs = [{"epoch": i + 1, "train_acc": a, "test_acc": b, "train_loss": 0.1,
               "test_loss": loss[i] if loss else 2.3026 if b < 20 else 0.1,
               "lr": lr[i] if lr else 0.1, "seconds": 10.0} for i, (a, b) in enumerate(zip(train, test, strict=True))]
    base = {"model": "m", "epochs": len(test), "seed": 0, "train_images": 60_000, "budget": {"last": 3}, "target": "t",
            "architecture": {"layers": [], "modules": modules or {}}}
    metrics = {"model": "m", "params": 7000, "seed": 0, "epochs": epochs}
    return rules.Step(Run.from_files(Path("."), {**base, **config}, metrics))


def test_a_gap_inside_the_noise_is_neither_over_nor_under_fitting():
    flat = [99.0] * 12 + [99.45, 99.46, 99.47]
    step = _step([a - 0.05 for a in flat], flat)  # test above train by 0.05
    assert rules.facts(step).fit.diagnosis == "neither"
    assert "inside the sampling error of the two scores (±0.158 at the last epoch: two standard errors, test over its " \
           "10,000 digits, train as if over its 60,000 - a running average" in rules.fit_lines(step)[0]


def test_a_gap_is_read_against_both_scores_sampling_error_not_the_test_figures_alone():
    # train over 6,000 digits: its own error is larger than test's, and a gap between test's band and both's is inside
    assert rules.gap_noise(99.0, 99.0, 60_000) == pytest.approx(math.hypot(rules.noise_band(99.0),
                                                                           rules.noise_band(99.0, 60_000)))
    flat = [99.0] * 12 + [99.4] * 3
    step = _step([a + 0.2 for a in flat], flat, train_images=6_000)
    f = rules.facts(step)
    assert f.band < 0.2 < f.gap_band and f.fit.diagnosis == "neither"  # beyond test's alone, inside both's
    assert "within 0.20 points" in rules.fit_lines(step)[0] and "train as if over its 6,000" in rules.fit_lines(step)[0]


def test_a_gap_that_opens_at_a_rate_cut_on_the_first_judged_epoch_is_said_with_the_epoch_before():
    test = [98.0 + 0.1 * i for i in range(11)] + [99.40, 99.36, 99.38, 99.41]
    train = test[:11] + [99.40 - 1e-12, 99.47, 99.47, 99.47]
    lr = [0.05] * 6 + [0.005] * 6 + [0.0005] * 3
    step = _step(train, test, lr=lr, scheduler="step", step_size=6)
    why = rules.facts(step).fit.why
    assert "train minus test +0.11, +0.09, +0.06 epoch by epoch; 0.00 at epoch 12, before the rate's cut 0.005 → " \
           "0.0005 at epoch 13" \
        in why
    assert "-0.00" not in why  # 99.40 - 99.40 in floats is a hair below zero: no lead said with a sign
    flat = _step(train, test, lr=[0.05] * 15, scheduler="none")  # no cut: no epoch before said
    assert "before the rate's cut" not in rules.facts(flat).fit.why


def test_each_step_gets_exactly_one_diagnosis_and_no_sentence_contradicts_it():
    """Both figures below the line with no gap: under-fitting, said once - never 'no sign of under-fitting' beside it."""
    test = [98.0 + 0.1 * i for i in range(12)] + [99.30, 99.33, 99.35]
    step = _step([a - 0.03 for a in test], test, modules={"c": {"type": "Conv2d", "in_channels": 1, "out_channels": 8,
                                                                "kernel_size": [3, 3], "groups": 1},
                                                          "d": {"type": "Dropout", "p": 0.05}})
    f = rules.facts(step)
    assert f.fit.diagnosis == "under-fitting" and "dropout (0.05)" in f.fit.why
    text = "\n".join(rules.analysis_lines(step, None))
    assert text.count("**under-fitting**") == 1 and "**neither**" not in text and "no sign" not in text


def test_test_above_train_is_explained_by_what_the_run_had():
    test = [97.0 + 0.2 * i for i in range(15)]
    plain = rules.facts(_step([a - 2.0 for a in test], test))
    assert plain.fit.diagnosis == "neither" and not plain.hinders and "running average" in plain.fit.why
    rotated = rules.facts(_step([a - 2.0 for a in test], test, augment_degrees=7.0))
    assert rotated.fit.diagnosis == "neither" and rotated.hinders == ["augmentation (degrees 7)"]
    zoomed = rules.facts(_step([a - 2.0 for a in test], test, augment_scale=[0.9, 1.1]))  # a zoom is augmentation too
    assert zoomed.hinders == ["augmentation (scale 0.9-1.1)"] and "none of them" not in zoomed.fit.why
    plain_tail = rules.facts(_step([a - 2.0 for a in test], test, augment_degrees=7.0, augment_off_last=3))
    assert plain_tail.hinders == []  # the judged epochs trained on digits as they are


def test_over_fitting_needs_test_to_stall_while_train_leads():
    assert rules.facts(_step([99.9] * 15, [99.0] * 15)).fit.diagnosis == "over-fitting"
    rising = [90.0 + 0.5 * i for i in range(15)]
    assert rules.facts(_step([min(a + 3, 99.9) for a in rising], rising)).fit.diagnosis == "neither"


def test_a_net_short_of_the_line_on_its_own_digits_is_under_fitting_whatever_its_gap():
    """Best train 98.75 % with test 1.75 points under it: under-fitting (it has not fitted its own digits), not
    over-fitting - and a dip and rebound where train does reach the line is not called a stall."""
    test = [90.0, 94.0, 96.0] + [97.0] * 9 + [96.83, 95.45, 97.09]
    short = _step([min(t + 1.75, 98.75) for t in test], test)
    f = rules.facts(short)
    assert f.gap > rules.GAP_POINTS and f.fit.diagnosis == "under-fitting"
    assert "under-fitting comes first" in f.fit.why and "over-fitting" not in rules.next_line(short, f).split(":")[0]
    over = rules.facts(_step([99.9] * 15, test))  # the same test curve, train at the line: over-fitting
    assert over.fit.diagnosis == "over-fitting" and "stalled" not in over.fit.why
    assert "made no gain beyond the test set's sampling error" in over.fit.why


def test_a_shortened_step_cannot_be_told_and_is_named():
    short = _step([60.0, 80.0], [50.0, 70.0], train_images=5000, epochs=2)
    assert rules.facts(short).fit.diagnosis == "cannot tell"
    text = " ".join(rules.fit_lines(short))
    assert "2 of the budget's 15 epochs" in text and "5,000 of 60,000 training images" in text
    assert "epochs could go up" not in text and "more epochs" not in text
    assert "too few epochs to judge" in rules.verdict_reason(short)


def test_the_stall_sentence_agrees_with_the_best_epoch():
    test = [99.0, 99.2, 99.3, 99.31, 99.32, 99.33, 99.34, 99.35, 99.36, 99.37, 99.38, 99.39, 99.40, 99.41, 99.44]
    text = rules.stall_text(test)
    assert "best 99.44 % at epoch 15" in text and "after epoch 3" not in text  # 15 beat 3's best by 0.14


def test_the_start_at_chance_and_a_fall_beyond_the_noise_are_facts():
    test = [11.35, 11.35, 11.35, 80.0, 95.0, 97.0, 97.5, 98.0, 98.2, 98.4, 98.6, 98.8, 96.98, 98.9, 98.87]
    step = _step([a - 0.5 for a in test], test)
    f = rules.facts(step)
    assert f.start == [1, 2, 3] and f.drop == (13, pytest.approx(1.82))
    text = "\n".join(rules.analysis_lines(step, None))
    assert "epochs 1-3 near chance: test loss 2.30, a uniform guess's 2.30; test accuracy 11.35 %, a uniform guess's " \
           "10 % (" \
        in text and "fell 1.82 points at epoch 13" in text and "lean right" not in text
    # a long start folds under a head that says its figures, never under "start" alone
    from tinydigits.results.handin import folded

    leaning = _step([10.0] * 15, [11.36, 14.18, 17.36] + [98.0] * 12, loss=[2.30] * 3 + [0.1] * 12)
    start = next(x for x in rules.analysis_lines(leaning, None) if x.startswith("- start"))
    assert folded(start)[0].startswith("- start: epochs 1-3 near chance: test loss 2.30, a uniform guess's 2.30")


def test_a_start_near_chance_by_its_loss_but_above_a_guess_in_accuracy_says_its_answers_lean_right():
    test = [11.36, 14.18, 17.36, 80.0] + [95.0 + 0.3 * i for i in range(11)]
    step = _step([a - 0.5 for a in test], test)
    line = rules.analysis_lines(step, None)
    start = next(x for x in line if x.startswith("- start:"))
    assert "epochs 1-3 near chance" in start and "at or near" not in start
    # only the epochs beyond what answering one digit scores (11.35 %: the 1s' share) by more than its sampling error
    # lean right: 11.36 % is one image above it, and the line said is the line the rule draws
    assert "epochs 2-3 beyond what one digit for every image scores (at most 11.35 %, the commonest digit's share) by " \
           "more than the test set's sampling error (±0.63, two standard errors): its top answers already lean right" in start
    step = _step([a - 0.5 for a in test], [11.36, 11.98, 11.99, *test[3:]])
    start = next(x for x in rules.analysis_lines(step, None) if x.startswith("- start:"))
    assert "epoch 3 beyond what one digit" in start


def test_a_step_schedule_is_tied_to_the_stall():
    test = [98.0, 99.0, 99.2, 99.3, 99.32, 99.33, 99.33, 99.34, 99.34, 99.34]
    lr = [0.05] * 3 + [0.005] * 3 + [0.0005] * 4
    step = _step([a - 0.02 for a in test], test, lr=lr, scheduler="step")
    assert rules.rate_events(step.run) == [(4, 0.005), (7, 0.0005)]
    text = "\n".join(rules.analysis_lines(step, None))
    assert "fell to 0.005 at epoch 4, then 0.0005 at epoch 7" in text and "stalled right after the rate was cut to 0.005" in text


def test_a_margin_inside_the_noise_is_a_thin_pass():
    test = [99.0] * 12 + [99.47, 99.50, 99.52]
    step = _step([a - 0.02 for a in test], test)
    f = rules.facts(step)
    assert f.margin == pytest.approx(0.07) and f.thin and not f.on_line
    assert "a thin pass" in rules.verdict_reason(step)
    wide = rules.facts(_step([a - 0.02 for a in test], [99.0] * 12 + [99.7, 99.7, 99.7]))
    assert not wide.thin


CONV = {"type": "Conv2d", "kernel_size": [3, 3], "groups": 1, "stride": [1, 1], "padding": [0, 0], "bias": False}


def _net(p: float, widths=(8, 16)) -> dict:
    return {"c1": {**CONV, "in_channels": 1, "out_channels": widths[0]}, "d1": {"type": "Dropout", "p": p},
            "c2": {**CONV, "in_channels": widths[0], "out_channels": widths[1]}, "d2": {"type": "Dropout", "p": p}}


def test_every_module_setting_and_recipe_setting_that_changed_is_named():
    curve = [99.0] * 15
    before = _step(curve, curve, modules=_net(0.05))
    after = _step(curve, curve, modules=_net(0.02, (10, 16)), augment_scale=[0.9, 1.1], bn_recompute=10000,
                  momentum=0.8)
    assert rules.setting_changes(before.run, after.run) == ["Dropout p 0.05 → 0.02 (d1, d2)"]
    assert rules.width_changes(before.run, after.run) == ["c1 8 → 10 channels"]  # c2's input: c1's change, not again
    changed = rules.recipe_changes(before.config, after.config)
    assert {"augment_scale none → 0.9-1.1", "bn_recompute none → 10000", "momentum none → 0.8"} <= set(changed)
    text = "\n".join(rules.change_lines(before, after))
    assert "Dropout p 0.05 → 0.02" in text and "bn_recompute" in text and "momentum" in text


def test_a_new_setting_joins_its_role_without_another_edit():
    import dataclasses

    from tinydigits.settings import setting
    from tinydigits.training.config import TrainConfig, settings_of

    @dataclasses.dataclass
    class WithMore(TrainConfig):
        warmup: int = setting(0, "a new recipe setting", role="recipe")
        cutout: float = setting(0.0, "a new augmentation", role="augment")

    assert "warmup" in settings_of("recipe", cls=WithMore) and "cutout" in settings_of("augment", cls=WithMore)
    assert "warmup" not in settings_of("recipe") and set(settings_of("recipe")) < set(settings_of("recipe", cls=WithMore))
    with pytest.raises(ValueError, match="unknown role"):
        settings_of("recepie")


def test_batch_norm_moved_after_the_pool_is_named():
    curve = [99.0] * 15
    conv = {**CONV, "in_channels": 1, "out_channels": 8}
    before = {"c": conv, "b": {"type": "BatchNorm2d"}, "r": {"type": "ReLU"}, "p": {"type": "MaxPool2d"}}
    after = {"c": conv, "p": {"type": "MaxPool2d"}, "b": {"type": "BatchNorm2d"}, "r": {"type": "ReLU"}}
    a, b = _step(curve, curve, modules=before), _step(curve, curve, modules=after)
    assert rules.layer_changes(a.run, b.run) == []  # the same layers, counted
    assert rules.order_changes(a.run, b.run) == ["after c: BatchNorm2d, ReLU, MaxPool2d → MaxPool2d, BatchNorm2d, ReLU"]


def test_a_removed_layer_is_named_as_the_step_before_numbered_it():
    curve = [99.0] * 15
    squeeze = {**CONV, "in_channels": 16, "out_channels": 8, "kernel_size": [1, 1]}
    before = {"c1": {**CONV, "in_channels": 1, "out_channels": 16}, "s": squeeze,
              "c3": {**CONV, "in_channels": 8, "out_channels": 16}, "d": {"type": "Dropout", "p": 0.05}}
    after = {"c1": {**CONV, "in_channels": 1, "out_channels": 16}, "c3": {**CONV, "in_channels": 16, "out_channels": 16}}
    a, b = _step(curve, curve, modules=before), _step(curve, curve, modules=after)
    assert rules.layer_changes(a.run, b.run) == ["-1 Dropout p 0.05 (was d of step m)"]  # by its name then


def test_a_start_at_one_class_is_named():
    test = [11.35, 11.35, 60.0] + [98.0] * 12
    text = "\n".join(rules.analysis_lines(_step(test, test), None))
    assert "Epochs 1-2: 11.35 %, exactly the share of 1s among the test digits" in text


@pytest.mark.parametrize("epochs", [2, 15])
@pytest.mark.parametrize("gap", [-2.0, -0.05, 0.3, 0.8])
@pytest.mark.parametrize("rising", [False, True])
@pytest.mark.parametrize("level", [11.35, 98.0, 99.5])
@pytest.mark.parametrize("augment", [0.0, 7.0])
def test_every_combination_of_fit_inputs_gets_one_fit_sentence(epochs, gap, rising, level, augment):
    test = [min(level + (0.3 * i if rising else 0.0), 99.9) for i in range(epochs)]
    step = _step([min(t + gap, 100.0) for t in test], test, augment_degrees=augment, epochs=epochs)
    text = "\n".join(rules.analysis_lines(step, None))
    fits = re.findall(r"\*\*(over-fitting|under-fitting|neither|cannot tell)(?: shown \(train measured under [^*]+\))?\*\*",
                      text)  # a fit's label may say what its train figure was measured under
    assert fits == [rules.facts(step).fit.diagnosis], text


STEPS = textwrap.dedent('''
    import torch.nn as nn

    class Net(nn.Module):
        p = 0.05

        def __init__(self):
            super().__init__()
            self.body = nn.Sequential(nn.Conv2d(1, 8, 3, bias=False), nn.BatchNorm2d(8), nn.ReLU(), nn.Dropout(self.p),
                                      nn.MaxPool2d(2), nn.Conv2d(8, 10, 3), nn.AdaptiveAvgPool2d(1), nn.Flatten())

        def forward(self, x):
            return self.body(x)

    class Model_A(Net):
        p = 0.05

    class Model_B(Net):
        p = 0.02
''')


def test_real_steps_name_a_dropout_change_and_a_zoom(tmp_path, mnist_dir):
    model = tmp_path / "steps.py"
    model.write_text(STEPS)
    common = ["--epochs", "1", "--train-limit", "300", "--data-dir", str(mnist_dir), "--quiet", "--target", "t"]
    folders = []
    for name, extra in (("Model_A", []), ("Model_B", []), ("Model_B", ["--augment-scale", "0.9,1.1"])):
        out = tmp_path / f"runs{len(folders)}"
        proc = run_main("train", "--model", f"{model}:{name}", *common, *extra, "--out", str(out))
        assert proc.returncode == 0, proc.stderr
        folders += [str(next(out.iterdir()))]
    proc = run_main("report", *folders, "--steps")
    assert proc.returncode == 0, proc.stderr
    two, three = _blocks(proc.stdout)[1:]
    assert "Dropout p 0.05 → 0.02 (body.3)" in two
    assert "the same starting weights (their initial parameters are identical" in two  # the same layers, one seed
    assert "augment_scale 1-1 → 0.9-1.1" in three and "none of them" not in three
    assert "| augmentation | scale 0.9-1.1 |" in three


# ----------------------------------------------------------------------------------------------- facts, computed
def _conv(cin: int, cout: int, k: int = 3) -> dict:
    return {**CONV, "in_channels": cin, "out_channels": cout, "kernel_size": [k, k]}


def test_a_step_schedule_whose_first_cut_comes_after_the_last_epoch_is_inert_and_left_out_of_the_effect():
    curve = [90.0, 95.0, 96.0, 97.0, 97.5]
    before = _step(curve, curve, lr=[0.01] * 5, epochs=5)
    inert = _step(curve, curve, lr=[0.01] * 5, epochs=5, scheduler="step", step_size=6, step_gamma=0.1)
    change = next(c for c in rules.changes(before, inert) if c.text.startswith("scheduler"))
    assert change.text == "scheduler none → step (the rate x0.1 every 6 epochs)" and "first cut" in change.inert
    assert "inert" in rules.rate_text(inert.run)
    effect = "\n".join(rules.change_lines(before, inert))
    assert "every change was inert" in effect and "no change acted" in effect  # nothing acted: nothing followed
    # the counter-case: a schedule that cut the rate within the run acted
    cut = _step(curve, curve, lr=[0.01] * 2 + [0.001] * 3, epochs=5, scheduler="step", step_size=2, step_gamma=0.1)
    assert not next(c for c in rules.changes(before, cut) if c.text.startswith("scheduler")).inert
    assert "inert" not in rules.rate_text(cut.run) and "every change was inert" not in "\n".join(rules.change_lines(before, cut))
    # and one after a one-cycle: the step schedule never cut, yet the rate's course is not the step before's
    cycle = _step(curve, curve, lr=[0.001, 0.009, 0.008, 0.005, 0.002], epochs=5, scheduler="onecycle")
    acted = next(c for c in rules.changes(cycle, inert) if c.text.startswith("scheduler"))
    assert not acted.inert and "in effect the step before's onecycle → a constant rate" in acted.text


def test_a_rate_0_dropout_added_is_inert():
    curve = [99.0] * 15
    net = {"c": _conv(1, 8)}
    zero = _step(curve, curve, modules={**net, "d": {"type": "Dropout", "p": 0.0}})
    found = rules.changes(_step(curve, curve, modules=net), zero)
    assert [(c.text, bool(c.inert)) for c in found] == [("+1 Dropout p 0 (d)", True)]
    tenth = _step(curve, curve, modules={**net, "d": {"type": "Dropout", "p": 0.1}})
    some = rules.changes(_step(curve, curve, modules=net), tenth)
    assert [(c.text, bool(c.inert)) for c in some] == [("+1 Dropout p 0.1 (d)", False)]


def test_layers_of_the_same_shapes_start_from_the_same_weights_and_others_do_not():
    import torch
    from torch import nn

    from tinydigits.models.summary import weights_digest

    def net(width: int, p: float) -> nn.Module:
        torch.manual_seed(0)
        return nn.Sequential(nn.Conv2d(1, width, 3), nn.ReLU(), nn.BatchNorm2d(width), nn.Dropout(p), nn.Conv2d(width, 10, 1))

    assert weights_digest(net(8, 0.1)) == weights_digest(net(8, 0.0))  # dropout draws nothing at construction
    assert weights_digest(net(8, 0.1)) != weights_digest(net(10, 0.1))
    curve = [99.0] * 15
    same = {"architecture": {"layers": [], "modules": {"c": _conv(1, 8)}, "init_sha256": "ab"}}
    a, b = _step(curve, curve, **same), _step(curve, curve, **same)
    text = "\n".join(rules.change_lines(a, b))
    assert "the same starting weights" in text and "different starting weights" not in text
    other = _step(curve, curve, architecture={"layers": [], "modules": {"c": _conv(1, 10)}, "init_sha256": "cd"})
    assert "not the same starting weights (different layers" in rules.start_text(a, other)
    unrecorded = _step(curve, curve, modules={"c": _conv(1, 8)}), _step(curve, curve, modules={"c": _conv(1, 10)})
    assert rules.start_text(*unrecorded) == "different layer shapes, so one seed draws different starting weights"


def test_a_trend_over_a_jump_is_the_curves_course_not_a_mean():
    test = [11.35, 11.35, 85.0, 86.2, 84.81]  # one jump into the judged epochs, then flat and falling
    step = _step([min(t + 14, 99.9) for t in test], test, epochs=5)  # train at the line: the over-fit reads the course
    f = rules.facts(step)
    assert f.rise == pytest.approx(-0.095)  # the old mean gain an epoch over the last 3 was +24.49
    assert rules.trend([80.0, 82.0, 84.0, 86.0], 3) == pytest.approx(2.0)  # a steady rise stays a rise
    assert "85.00, 86.20, 84.81 % at epochs 3-5" in f.fit.why  # the course said as it ran


def test_a_stalled_accuracy_with_a_falling_loss_is_not_stalled():
    test = [97.0, 98.0, 98.5, 98.52, 98.53, 98.53]
    falling = _step(test, test, loss=[0.3, 0.2, 0.1, 0.09, 0.08, 0.07])
    assert rules.stall_epoch(test, rules.run_losses(falling.run)) is None
    text = rules.stall_text(test, rules.run_losses(falling.run))
    assert "not stalled" in text and "test loss still fell" in text and "counts as stalled" not in text
    flat = rules.stall_text(test, [0.3, 0.2, 0.1, 0.1, 0.1, 0.1])  # the counter-case: loss flat too
    assert "after epoch 3" in flat and "counts as stalled, and test loss stopped falling too" in flat
    slight = rules.stall_text(test, [0.3, 0.2, 0.1, 0.0995, 0.0993, 0.0992])  # it fell, by less than counts
    assert "fell only 0.0008 after it" in slight and "stopped falling" not in slight


def test_signs_are_said_in_words_that_match_them():
    test = [97.0 + 0.1 * i for i in range(15)]
    under = rules.facts(_step([t - 2.44 for t in test], test, augment_degrees=7.0))
    assert under.fit.diagnosis == "under-fitting" and "test leads train by 2.44" in under.fit.why
    assert "train leads test" not in under.fit.why
    over = rules.facts(_step([t + 0.3 for t in test], test))
    assert "train leads test by 0.30" in over.fit.why


def test_a_margin_of_five_images_is_on_the_line():
    test = [99.0] * 12 + [99.45, 99.50, 99.52]
    step = _step(test, test)
    assert rules.facts(step).on_line and "on the line" in rules.verdict_reason(step)
    assert "99.45 %, is 0.05 points (5 test images) above the 99.4 % line, inside the test set's sampling error" in \
        "\n".join(rules.analysis_lines(step, None))
    missed = _step(test, [99.0] * 12 + [99.35, 99.50, 99.52])  # a miss inside the noise is a miss, not "on" anything
    said = "\n".join(rules.analysis_lines(missed, None))
    assert "0.05 points (5 test images) below the 99.4 % line, inside the test set's sampling" in said
    assert "on it" not in said
    assert "on the 99.4 % line" not in said
    assert not rules.facts(_step(test, [99.0] * 12 + [99.47, 99.5, 99.5])).on_line


def test_change_lines_name_the_authors_layers_with_their_rates():
    curve = [99.0] * 15
    one = {"convblock1.0": _conv(1, 8), "convblock1.1": {"type": "ReLU"}, "convblock2.0": _conv(8, 16),
           "convblock2.1": {"type": "ReLU"}}
    two = {"convblock1.0": _conv(1, 8), "convblock1.1": {"type": "ReLU"}, "convblock1.2": {"type": "BatchNorm2d"},
           "convblock1.3": {"type": "Dropout", "p": 0.1}, "convblock2.0": _conv(8, 16), "convblock2.1": {"type": "ReLU"},
           "convblock2.2": {"type": "BatchNorm2d"}, "convblock2.3": {"type": "Dropout", "p": 0.1}}
    a = _step(curve, curve, modules=one)
    b = _step(curve, curve, modules=two, scheduler="step", step_size=6, step_gamma=0.1, lr=[0.01] * 6 + [0.001] * 9)
    text = rules.change_lines(a, b)[0]
    assert "+2 BatchNorm2d (convblock1.2, convblock2.2)" in text and "+2 Dropout p 0.1 (convblock1.3, convblock2.3)" in text
    assert "scheduler none → step (the rate x0.1 every 6 epochs)" in text and "conv1" not in text


def test_the_next_step_is_read_against_the_diagnosis():
    test = [98.0 + 0.1 * i for i in range(12)] + [99.30, 99.31, 99.30]
    net = {"c": _conv(1, 8)}
    under = _step([t - 0.03 for t in test], test, modules=net)
    assert rules.facts(under).fit.diagnosis == "under-fitting"
    said = "\n".join(rules.analysis_lines(under, None))  # 15 of 15 epochs: no more epochs; no batch norm: it
    assert "- next (under-fitting → capacity, rate, normalisation)" in said
    dropped = _step(test, test, modules={**net, "d": {"type": "Dropout", "p": 0.1}})
    read = "\n".join(rules.change_lines(under, dropped))
    assert "gone against. Against it: +1 Dropout p 0.1 (d) (regularisation)" in read
    faster = "\n".join(rules.change_lines(under, _step(test, test, modules=net, momentum=0.95)))  # a rate change
    assert "followed in part (more capacity, normalisation: not taken up). With it: momentum none → 0.95 (rate)" in faster


def test_a_registered_models_own_seeds_are_cited_where_one_seed_disagrees():
    test = [99.0] * 12 + [99.45, 99.46, 99.47]
    passed = _step(test, test, origin={"kind": "registry", "name": "model2"})  # model2's write-up: 1 of 5, FAIL
    assert "held on 1 of 5: VERDICT: FAIL" in rules.verdict_reason(passed)
    failed = _step([98.0] * 15, [98.0] * 15, origin={"kind": "registry", "name": "model2"})
    assert "VERDICT" not in rules.verdict_reason(failed)  # it agrees: nothing to cite


def test_the_odds_never_claim_more_than_the_seeds_show():
    from tinydigits.results.odds import pass_odds

    odds = pass_odds([99.52, 99.51, 99.53, 99.52, 99.52], 99.4)
    step = rules.Step(_step([99.0] * 15, [99.0] * 15).run, check=type("C", (), {"odds": odds, "finished": dict})())
    text = rules.odds_sentence(step)
    assert "100.00" not in text and "above 99.99 %" in text and "at least 54.9 %" in text


def test_an_ema_run_says_train_is_the_live_weights_and_test_the_average():
    test = [97.0 + 0.1 * i for i in range(15)]
    assert "live weights" in rules.fit_lines(_step(test, test, ema=0.999))[0]
    assert "live weights" not in rules.fit_lines(_step(test, test))[0]


def test_a_registered_target_is_used_only_where_it_speaks_of_the_steps_shown():
    from tinydigits.results.handin import _registered_target
    from tinydigits.results.records import Run

    def registered(name: str) -> rules.Step:
        return rules.Step(Run.from_files(Path("."), {"model": name, "target": None, "budget": {},
                                                     "origin": {"kind": "registry", "name": name}}, {"epochs": []}))

    alone = _registered_target(registered("model3b"), {"model2", "model3b"})  # its Target argues from model3
    assert alone.startswith("— ") and "does not show: model3" in alone
    assert "own Target, from its write-up" in _registered_target(registered("model3b"), {"model3", "model3b"})
    assert "own Target, from its write-up" in _registered_target(registered("model2"), {"model1", "model2"})


# ----------------------------------------------------------------------------------------------- a grader's reading
STUDENT_RATES = [0.001, 0.009252, 0.008993, 0.005438, 0.001597]  # a one-cycle over 5 epochs of 6,000 images, batch 128
SHORT = {"epochs": 5, "train_images": 6000, "batch_size": 128, "peak": 0.01}


def _chance(grads: float | None, loss: list[float] | None = None, **config) -> rules.Step:
    """A net that answers one digit for every image, its gradient norms `grads` (None: not recorded)."""
    step = _step([10.85] * 5, [10.28] * 5, loss=loss or [2.3026, 2.3025, 2.3025, 2.3025, 2.3025], lr=STUDENT_RATES,
                 scheduler="onecycle", **{**SHORT, **config})
    if grads is not None:
        step.run.grad_norms = [{"c": grads, "head": grads / 2}] * 5
    return step


def test_a_net_starved_of_gradient_is_advised_batch_norm_or_a_higher_rate_and_a_thrown_one_a_lower_rate():
    starved = _chance(0.012)
    assert rules.stuck(starved).how == "starved"
    assert rules.wanted(starved, rules.facts(starved)) == ("normalisation", "higher rate")
    said = rules.next_line(starved, rules.facts(starved))
    assert "a higher peak rate than 0.01" in said and "a lower peak rate" not in said
    thrown = _chance(0.012, loss=[2.3, 3.1, 2.9, 3.4, 3.0])  # a loss above a uniform guess's: the rate threw it
    assert rules.wanted(thrown, rules.facts(thrown))[0] == "lower rate"
    assert "a lower peak rate than 0.01" in rules.next_line(thrown, rules.facts(thrown))
    assert rules.stuck(_chance(0.4)).how == "flat" and rules.stuck(_chance(None)).how == "not known"
    slower = _chance(0.012, peak=0.001)  # a lower rate after a starved net: against it
    read = rules.change_lines(starved, slower)[1]
    assert "gone against. Against it: lr 0.01 → 0.001 (lower rate)" in read


def test_a_net_at_chance_whose_loss_fell_every_epoch_is_slow_not_overshooting():
    """A net still near chance whose train loss fell at every epoch (2.3040 → 2.2776) while a layer's gradient norm
    was not small learns too slowly, not with steps too large: advised batch norm or a higher rate, never a lower
    one, and the step after it that raises the rate follows that advice."""
    def trained(losses: list[float]) -> rules.Step:
        step = _chance(0.0608, loss=[2.3018, 2.2995, 2.2962, 2.2873, 2.2633])
        step.run.epochs = [dataclasses.replace(e, train_loss=x) for e, x in zip(step.run.epochs, losses, strict=True)]
        return step

    slow = trained([2.3040, 2.3003, 2.2973, 2.2923, 2.2776])
    assert rules.stuck(slow).how == "slow" and rules.wanted(slow, rules.facts(slow)) == ("normalisation", "higher rate")
    said = rules.next_line(slow, rules.facts(slow))
    assert "a higher peak rate than 0.01" in said and "lower peak rate" not in said and "overshoot" not in said
    faster = _chance(0.5, peak=0.05)
    read = rules.change_lines(slow, faster)[1]
    assert "With it: lr 0.01 → 0.05 (higher rate)" in read and "overshoot" not in read
    swinging = trained([2.3040, 2.2900, 2.2950, 2.2923, 2.2776])  # rose once: not every epoch
    assert rules.stuck(swinging).how == "flat"


def test_the_one_cycle_peak_is_the_schedules_not_an_epochs_start():
    run = _step([50.0] * 5, [50.0] * 5, lr=STUDENT_RATES, scheduler="onecycle", **SHORT).run
    assert rules.onecycle_peak_epoch(run) == 2 and rules.peak_rate(run) == 0.01
    text = rules.rate_text(run)
    assert "to its peak 0.01 within epoch 2" in text and "0.009252" not in text
    started = _step([50.0] * 5, [50.0] * 5, lr=[0.01, 0.008, 0.005, 0.002, 0.001], scheduler="onecycle", **SHORT).run
    assert rules.onecycle_peak_epoch(started) is None  # rates a warm-up cannot make: said from the log
    assert "highest at the start of epoch 1 (0.01)" in rules.rate_text(started)


def test_a_lead_on_the_mean_names_the_epochs_where_the_other_leads():
    step = _step([30.22, 57.28, 76.42, 87.22, 90.37], [41.89, 61.74, 84.87, 90.36, 90.27], epochs=5)
    why = rules.facts(step).fit.why
    assert "test leads train by 3.83 points on the mean of the last 3 epochs" in why
    assert "train leads instead at epoch 5 (90.37 against 90.27 %)" in why and "at all" not in why
    steady = rules.facts(_step([80.0, 85.0, 88.0, 89.0, 90.0], [82.0, 87.0, 90.0, 91.0, 92.0], epochs=5)).fit.why
    assert "ahead at every one of them" in steady and "instead" not in steady


def test_the_fit_and_the_progress_read_one_curve_and_a_loss_that_fell_is_not_said_to_stop():
    step = _step([30.22, 57.28, 76.42, 87.22, 90.37], [41.89, 61.74, 84.87, 90.36, 90.27],
                 loss=[1.8379, 1.2981, 0.8578, 0.6238, 0.6208], lr=STUDENT_RATES, scheduler="onecycle", **SHORT)
    f = rules.facts(step)
    # its best one epoch before the end: too few epochs after it to read a stall, so neither line reads one
    assert "test rose over the judged epochs" in f.fit.why and "held after it" not in f.fit.why
    assert f.stall.startswith("its best came 1 epoch before the end (best 90.36 % at epoch 4): too few after it")
    assert "stalled" not in f.stall and "0.09 points under it, inside the test set's sampling error" in f.stall
    progress = next(line for line in rules.analysis_lines(step, None) if line.startswith("- progress"))
    assert "stalled where the rate had annealed" not in progress
    longer = _step([30.22, 57.28, 76.42, 87.22, 90.0, 90.1, 90.0, 90.1], [41.89, 61.74, 84.87, 90.36, 90.27, 90.3, 90.2,
                                                                           90.31],
                   loss=[1.8379, 1.2981, 0.8578, 0.6238, 0.6208, 0.63, 0.625, 0.624], scheduler="none", **SHORT)
    f = rules.facts(longer)  # four epochs after the best: a stall
    assert f.stall.startswith("after epoch 4 test accuracy stayed below its best")
    assert "fell only 0.0030 after it, 0.6238 → 0.6208" in f.stall and "stopped falling" not in f.stall
    rising = rules.facts(_step([80.0, 85.0, 88.0, 89.0, 90.0], [82.0, 87.0, 90.0, 91.0, 92.0], epochs=5))
    assert "test rose over the judged epochs" in rising.fit.why and "held" not in rising.fit.why


def _blocks_net(bn: bool, p: float) -> dict:
    out = {}
    for i in (1, 2):
        out |= {f"convblock{i}.0": _conv(1 if i == 1 else 8, 8), f"convblock{i}.1": {"type": "ReLU"}}
        out |= {f"convblock{i}.2": {"type": "BatchNorm2d"}} if bn else {}
        out |= {f"convblock{i}.3": {"type": "Dropout", "p": p}} if p else {}
    return out


def test_each_change_is_read_once_and_regularisation_goes_against_a_net_that_did_not_learn():
    before = _chance(0.012, modules=_blocks_net(False, 0.0))
    after = _step([30.0, 57.0, 76.0, 87.0, 90.37], [41.0, 61.0, 84.87, 90.36, 90.27], modules=_blocks_net(True, 0.05),
                  lr=STUDENT_RATES, scheduler="onecycle", **SHORT)
    read = rules.change_lines(before, after)[1]
    assert "partly followed, partly gone against (higher rate: not taken up). With it: +2 BatchNorm2d" in read
    assert "Against it: +2 Dropout p 0.05 (convblock1.3, convblock2.3) (regularisation)" in read
    assert read.count("+2 Dropout") == 1 and read.count("follow") == 1 and "Neither" not in read
    rotated = _step([30.0] * 5, [40.0] * 5, modules=_blocks_net(True, 0.05), augment_degrees=7.0, lr=STUDENT_RATES,
                    scheduler="onecycle", **SHORT)  # augmentation after an under-fit: against it too
    assert "Against it: augment_degrees none → 7 (augmentation)" in rules.change_lines(after, rotated)[1]


def test_a_targets_premise_is_judged_against_the_step_before():
    before = _chance(0.012, modules=_blocks_net(False, 0.0))
    after = _step([30.0, 57.0, 76.0, 87.0, 90.37], [41.0, 61.0, 84.87, 90.36, 90.27], modules=_blocks_net(True, 0.05),
                  lr=STUDENT_RATES, scheduler="onecycle", target="batch norm so it trains; dropout against over-fitting",
                  **SHORT)
    aims = rules.target_line(before, after, rules.facts(after))
    assert "against over-fitting: its premise did not hold - step m was not over-fitting" in aims
    assert '"trains": it did (best train 90.37 %, best test 90.36 %)' in aims
    test = [90.0 + 0.5 * i for i in range(12)] + [95.0, 95.0, 95.0]
    over = _step([t + 4.5 for t in test], test, modules=_blocks_net(True, 0.0))  # train at the line leads, test stalls
    assert rules.facts(over).fit.diagnosis == "over-fitting"
    assert "its premise held" in rules.target_line(over, after, rules.facts(after))
    assert rules.target_line(None, over, rules.facts(over)) is None  # a Target with no aim these figures measure


def test_under_fitting_advice_leaves_out_what_the_run_has_and_names_the_images_it_did_not_train_on():
    curve = [41.89, 61.74, 84.87, 90.36, 90.27]
    short = _step(curve, curve, lr=STUDENT_RATES, scheduler="onecycle", **SHORT)
    said = rules.next_line(short, rules.facts(short))
    # its lowest scored epoch (3) started near the peak rate, but only as the first of a rising run whose train rose
    # alike: no sign of the rate there, so no turn to annealing sooner
    assert "scheduled" not in said and "the rate down before the scored epochs" not in said
    assert ("a change to the rate's course, which way these runs do not show: its lowest scored epoch, 3, started at "
            "90 % of the peak rate") in said and "only as the first of a test curve that rose" in said
    assert "more epochs (5 of the budget's 15)" in said and "more training images (it trained on 6,000 of 60,000)" in said
    whole = [98.0 + 0.1 * i for i in range(12)] + [99.30, 99.31, 99.30]
    full = _step([t - 0.03 for t in whole], whole)
    said = rules.next_line(full, rules.facts(full))
    assert "a higher or scheduled learning rate" in said and "training images" not in said and "more epochs" not in said


def test_a_schedule_change_says_how_the_rates_course_changed():
    curve = [41.89, 61.74, 84.87, 90.36, 90.27]
    cycle = _step(curve, curve, lr=STUDENT_RATES, scheduler="onecycle", **SHORT)
    stepped = _step(curve, curve, lr=[0.01] * 3 + [0.001] * 2, scheduler="step", step_size=3, step_gamma=0.1, **SHORT)
    change = next(c for c in rules.changes(cycle, stepped) if c.text.startswith("scheduler"))
    assert change.kind == "rate schedule" and "the peak rate the same, 0.01" in change.detail
    assert "0.001, 0.009252, 0.008993, 0.005438, 0.001597 → 0.01 in epochs 1-3, 0.001 in 4-5" in change.detail
    assert "no warm-up now" in change.detail


def test_an_effect_of_several_changes_is_theirs_together_and_the_margin_aim_says_so():
    curve = [41.89, 61.74, 84.87, 90.36, 90.27]
    cycle = _step(curve, curve, lr=STUDENT_RATES, scheduler="onecycle", **SHORT)
    both = _step(curve, [52.9, 82.5, 91.93, 94.32, 94.65], lr=[0.01] * 3 + [0.001] * 2, scheduler="step", step_size=3,
                 step_gamma=0.1, augment_degrees=7.0, target="a step schedule and rotation for the margin", **SHORT)
    effect = rules.change_lines(cycle, both)[2]
    assert "the 2 changes (scheduler onecycle → step; augment_degrees none → 7) acted together" in effect
    aims = rules.target_line(cycle, both, rules.facts(both))
    assert "84.87 → 91.93 %" in aims and "a move of the 2 changes together" in aims
    one = _step(curve, curve, lr=STUDENT_RATES, scheduler="onecycle", augment_degrees=7.0, **SHORT)
    assert "acted together" not in rules.change_lines(cycle, one)[2]


def test_the_same_start_names_where_its_digest_is_recorded():
    curve = [99.0] * 15
    same = {"architecture": {"layers": [], "modules": {"c": _conv(1, 8)}, "init_sha256": "8e1b278ec638c9cb" * 4}}
    text = rules.start_text(_step(curve, curve, **same), _step(curve, curve, **same))
    assert "config.json, `architecture.init_sha256`" in text and "8e1b278ec638… in both" in text


def test_tied_confidences_say_the_order_of_the_mistakes_means_nothing():
    from tinydigits.results.report import misclassified_order

    assert "means nothing" in misclassified_order([0.1003, 0.1001, 0.0999])
    assert misclassified_order([0.93, 0.61]).startswith("the most confident mistakes first")


def test_the_margins_next_step_names_only_the_levers_the_run_lacks():
    """'Neither' calls for a steadier, higher end of the curve: an annealed rate, weight averaging, augmentation - each
    named only where the run lacks it, and a check only where the step is not one."""
    flat = [99.0] * 12 + [99.45, 99.46, 99.47]
    annealed = [0.1] * 12 + [0.02, 0.01, 0.005]

    def advice(**config) -> str:
        return rules.next_line(step := _step(flat, flat, lr=annealed, **config), rules.facts(step))

    plain = advice(peak=0.1)
    assert "an annealed rate" not in plain and "weight averaging, augmentation" in plain and "(`check`)" in plain
    constant = rules.next_line(step := _step(flat, flat, lr=[0.1] * 15, peak=0.1), rules.facts(step))
    assert "(an annealed rate, weight averaging, augmentation)" in constant
    full = advice(peak=0.1, ema=0.999, augment_degrees=12.0)
    assert "already has an annealed rate, weight averaging and augmentation" in full and "judge it over several" in full
    assert "a steadier, higher end" not in full
    share = advice(peak=0.1, ema=0.999, augment_degrees=12.0, train_images=6000)
    assert "it trained on 6,000 of 60,000 training images: train on all of them" in share


def test_a_command_with_an_apostrophe_reads_as_typed_and_splits_back_to_its_words():
    for words in (["tinydigits", "check", "--target", "step 2's curve, steadier"], ["x", "it's $HOME"], ["y", "a b"]):
        line = handin.shell_line(words)
        assert shlex.split(line) == words and "'\"'\"'" not in line.replace("it'\"'\"'s $HOME", "")
    assert handin.shell_line(["--target", "step 2's curve"]) == "--target \"step 2's curve\""


def _conv_net(bn: bool) -> dict:
    conv = {"type": "Conv2d", "in_channels": 1, "out_channels": 8, "kernel_size": [3, 3], "groups": 1}
    return {"c1": conv, **({"c1bn": {"type": "BatchNorm2d"}} if bn else {}), "head": {**conv, "in_channels": 8}}


def test_an_under_fit_without_batch_norm_calls_for_it_and_one_with_it_does_not():
    low = [97.0 + 0.1 * i for i in range(15)]
    plain, normed = _step(low, low, modules=_conv_net(False)), _step(low, low, modules=_conv_net(True))
    assert "normalisation" in rules.wanted(plain, rules.facts(plain))
    assert "batch norm after the convs (it has none)" in rules.next_line(plain, rules.facts(plain))
    assert "normalisation" not in rules.wanted(normed, rules.facts(normed))
    assert "batch norm" not in rules.next_line(normed, rules.facts(normed))


def test_a_step_begun_before_the_step_before_ended_is_said_to_be_read_after_the_fact():
    low = [97.0 + 0.1 * i for i in range(15)]  # 15 epochs of 10 s: the step ran 150 s

    def at(step: rules.Step, name: str) -> rules.Step:
        return dataclasses.replace(step, run=dataclasses.replace(step.run, folder=Path("runs") / name))

    first = at(_step(low, low), "Model_1-20261126T150445Z-s0")
    assert rules.ended(first) == rules.started(first) + timedelta(seconds=150)
    side_by_side = at(_step(low, [x + 0.5 for x in low]), "Model_2-20261126T150445Z-s0")
    line = next(x for x in rules.change_lines(first, side_by_side) if x.startswith("- read against"))
    assert "began at 15:04:45 UTC, before step m's result (it trained until about 15:07:15)" in line
    after = at(_step(low, [x + 0.5 for x in low]), "Model_2-20261126T150716Z-s0")
    assert "began at" not in next(x for x in rules.change_lines(first, after) if x.startswith("- read against"))
    renamed = at(_step(low, low), "my-second-try")  # no stamp in the name: nothing said
    assert "began at" not in next(x for x in rules.change_lines(first, renamed) if x.startswith("- read against"))


def test_confusions_tied_at_the_cut_are_counted():
    from tinydigits.results.steps import analysis
    from tinydigits.training.runfolder import Confusion

    step = _step([99.0] * 15, [99.0] * 15)
    pairs = [Confusion(9, 4, 5), Confusion(3, 5, 3), Confusion(4, 9, 3), Confusion(7, 2, 3), Confusion(1, 7, 3),
             Confusion(2, 7, 1)]
    run = dataclasses.replace(step.run, confusions=pairs)
    assert analysis._confusions(run) == "9 → 4: 5, 3 → 5: 3, 4 → 9: 3, and 2 more pairs at 3 (of 18 mistakes)"
    assert "more" not in analysis._confusions(dataclasses.replace(run, confusions=pairs[:3] + pairs[-1:]))
    alt = handin.picture_alt("misclassified.png", dataclasses.replace(step, run=run))
    assert alt.startswith("m, seed 0: its 18 wrong test digits")  # all of them: fewer than the picture's 32
    many = dataclasses.replace(run, confusions=[Confusion(9, 4, 40)])
    assert "the 32 of its 40 wrong test digits it was surest of" in handin.picture_alt(
        "misclassified.png", dataclasses.replace(step, run=many))


def test_a_step_that_fits_without_new_channels_says_its_predecessors_under_fit_was_not_capacity():
    low = [97.0 + 0.1 * i for i in range(15)]
    under = _step(low, low, modules=_conv_net(False))
    fits = _step([99.0 + 0.05 * i for i in range(15)], [99.0 + 0.03 * i for i in range(15)], modules=_conv_net(True))
    said = "\n".join(rules.change_lines(under, fits))
    assert "what it shows of step m's under-fit: not a lack of capacity - no conv gained channels" in said
    wider = _conv_net(True) | {"head": {**_conv_net(True)["head"], "in_channels": 16}}
    wider["c1"] = {**wider["c1"], "out_channels": 16}
    grown = _step([99.0 + 0.05 * i for i in range(15)], [99.0 + 0.03 * i for i in range(15)], modules=wider)
    grown = dataclasses.replace(grown, run=dataclasses.replace(grown.run, params=7900))  # channels added: capacity
    assert "not a lack of capacity" not in "\n".join(rules.change_lines(under, grown))
    still_under = _step([98.0] * 15, [98.0] * 15, modules=_conv_net(True))  # train short of the line: shows nothing
    assert "not a lack of capacity" not in "\n".join(rules.change_lines(under, still_under))


def test_an_ema_runs_curves_say_whose_weights_test_is_and_where_augmentation_stopped():
    from tinydigits.results.report import CurveMarks, curves_figure

    flat = [99.0] * 15
    marks = CurveMarks.of(_step(flat, flat, ema=0.999, augment_degrees=12.0, augment_off_last=3).run)
    assert marks == CurveMarks(averaged=True, plain_from=13)
    assert CurveMarks.of(_step(flat, flat).run) == CurveMarks()
    fig = curves_figure(_step(flat, flat).run.epochs, marks)
    labels = {t.get_text() for ax in fig.axes if ax.get_legend() for t in ax.get_legend().get_texts()}
    assert {"test (EMA of the weights)", "augmentation off from epoch 13 (drawn between epochs 12 and 13)"} <= labels


def test_a_plateau_reached_at_a_high_rate_is_not_put_on_the_annealing():
    """Accuracy flat from epoch 9 while the rate was at 69 % of its peak, test loss falling until epoch 12: the
    annealed rate at epoch 13 does not explain the plateau, and the progress line says so."""
    test = [98.0, 98.6, 99.0, 99.2, 99.3, 99.4, 99.45, 99.5, 99.54, 99.55, 99.56, 99.57, 99.56, 99.54, 99.55]
    rates = [0.01, 0.025, 0.06, 0.09, 0.1, 0.097, 0.09, 0.081, 0.069, 0.055, 0.041, 0.028, 0.017, 0.0077, 0.002]
    loss = [0.05, 0.04, 0.03, 0.025, 0.022, 0.02, 0.019, 0.018, 0.017, 0.0165, 0.016, 0.0155, 0.0154, 0.0153, 0.0153]
    step = _step(test, test, lr=rates, loss=loss, peak=0.1, scheduler="onecycle")
    progress = next(line for line in rules.analysis_lines(step, None) if line.startswith("- progress"))
    assert ("the accuracy reached its plateau after epoch 9, which started at 69 % of it, rising to it while the rate "
            "fell") in progress
    assert "one run cannot tell how much of the rise the fall before gave" in progress
    assert "stalled where the rate had annealed" not in progress


def test_each_change_is_read_by_its_direction():
    """A removed dropout is less regularisation (against an over-fit's advice), a narrower conv less capacity (against
    an under-fit's); the over-fit's advice names only the regularisers the run lacks."""
    curve = [99.0] * 15
    wide = {"c1": {**CONV, "in_channels": 1, "out_channels": 16}, "d": {"type": "Dropout", "p": 0.1},
            "c2": {**CONV, "in_channels": 16, "out_channels": 10}}
    over = _step([99.9] * 15, curve, modules=wide)  # train leads by 0.9: over-fitting
    assert rules.facts(over).fit.diagnosis == "over-fitting"
    advice = rules.next_line(over, rules.facts(over))
    assert "(weight decay, augmentation)" in advice and "dropout" not in advice.split("yet")[1]
    fewer = _step(curve, curve, modules={k: v for k, v in wide.items() if k != "d"})
    read = "\n".join(rules.change_lines(over, fewer))
    assert "Against it: -1 Dropout p 0.1 (was d of step m) (less regularisation)" in read
    narrow = {**wide, "c1": {**wide["c1"], "out_channels": 8}, "c2": {**wide["c2"], "in_channels": 8}}
    low = [97.0 + 0.1 * i for i in range(15)]
    under = _step(low, low, modules=wide)
    read = "\n".join(rules.change_lines(under, _step(low, low, modules=narrow)))
    assert "c1 16 → 8 channels (less capacity)" in read and "Against it" in read
    # and each the other way round: less capacity regularises an over-fit, less regularisation frees an under-fit
    assert "With it: c1 16 → 8 channels (less capacity)" in "\n".join(rules.change_lines(over, _step(curve, curve,
                                                                                                     modules=narrow)))
    under_dropped = "\n".join(rules.change_lines(under, _step(low, low, modules={k: v for k, v in wide.items() if k != "d"})))
    assert "With it: -1 Dropout p 0.1 (was d of step m) (less regularisation)" in under_dropped


def test_two_classes_of_one_file_are_two_models(tmp_path):
    from tinydigits.models import registry

    (tmp_path / "steps.py").write_text("from torch import nn\n\n\nclass A(nn.Module):\n    pass\n\n\n"
                                       "class B(nn.Module):\n    pass\n")
    a, b = (registry.resolve(f"{tmp_path / 'steps.py'}:{name}") for name in "AB")
    assert a.origin["sha256"] == b.origin["sha256"] and a.digest() != b.digest()
    assert registry.resolve(f"{tmp_path / 'steps.py'}:A").digest() == a.digest()


# ----------------------------------------------------------------------------------------------- changes that cannot act
def _biased(bias: bool, normed: tuple[str, ...] = ("c1",)) -> dict:
    """Two convs, each followed by batch norm where named in `normed`, then a ReLU; their bias as given."""
    out = {}
    for name, cin, cout in (("c1", 1, 8), ("c2", 8, 16)):
        out[name] = {**_conv(cin, cout), "bias": bias}
        out |= {f"{name}bn": {"type": "BatchNorm2d", "num_features": cout}} if name in normed else {}
        out[f"{name}r"] = {"type": "ReLU"}
    return out


def test_a_bias_right_before_batch_norm_is_inert_and_left_out_of_the_effect():
    curve = [99.0] * 15
    before = _step(curve, curve, modules=_biased(True), peak=0.01)
    after = _step(curve, curve, modules=_biased(False), peak=0.02)
    assert rules.normed_convs(after.run) == {"c1"}
    found = {c.text: c for c in rules.changes(before, after)}
    assert found["Conv2d bias yes → no (c1)"].inert.startswith("inert: batch norm right after")
    assert not found["Conv2d bias yes → no (c2)"].inert  # a ReLU follows c2: its bias acts
    effect = rules.change_lines(before, after)[2]
    assert "the inert (Conv2d bias yes → no (c1)) left out" in effect
    assert "the 2 changes (Conv2d bias yes → no; lr 0.01 → 0.02) acted together" in effect
    # every conv normed: the bias change acts nowhere, so it is no change at all
    both = rules.changes(_step(curve, curve, modules=_biased(True, ("c1", "c2"))),
                         _step(curve, curve, modules=_biased(False, ("c1", "c2"))))
    assert [(c.text, bool(c.inert)) for c in both] == [("Conv2d bias yes → no (c1, c2)", True)]
    # batch norm added with the bias removed: the batch norm acts, the bias cannot
    added = rules.changes(_step(curve, curve, modules=_biased(True, ())), _step(curve, curve, modules=_biased(False)))
    assert {c.text: bool(c.inert) for c in added} == {"+1 BatchNorm2d (c1bn; none after c2)": False,
                                                      "Conv2d bias yes → no (c1)": True,
                                                      "Conv2d bias yes → no (c2)": False}


def test_a_dropped_bias_moves_the_starting_draws_of_the_layers_after_it_and_the_effect_says_so():
    """Dropping a bias before batch norm cannot change what the net computes, but it draws fewer starting numbers: the
    layers made after it start from other numbers (PyTorch draws each in turn from the seed's one stream). The start
    says where the two nets' draws part, and the effect counts that start with the other changes."""
    import torch
    from torch import nn

    def made(bias: bool) -> list[torch.Tensor]:
        torch.manual_seed(0)
        return [m.weight for m in (nn.Conv2d(1, 8, 3, bias=bias), nn.BatchNorm2d(8), nn.Conv2d(8, 16, 3))]

    with_bias, without = made(True), made(False)
    assert torch.equal(with_bias[0], without[0]) and not torch.equal(with_bias[2], without[2])  # the claim, in torch
    curve = [99.0] * 15

    def step(bias: bool, sha: str) -> rules.Step:
        return _step(curve, curve, architecture={"layers": [], "modules": _biased(bias), "init_sha256": sha})

    before, after = step(True, "ab" * 32), step(False, "cd" * 32)
    start = rules.start_text(before, after)
    assert ("the two nets' draws part at c1's bias (dropped): the layers drawn after it start from other numbers, a "
            "change of start like another seed's that one run each does not measure") in start
    assert "cannot say" not in start
    effect = rules.change_lines(before, after)[2]
    assert "left out: the effect is the other changes' - and the different start's (above), which dropping a bias moved" \
        in effect
    widened = _step(curve, curve, architecture={"layers": [], "modules": {"c1": _conv(1, 10), "c1bn": {
        "type": "BatchNorm2d", "num_features": 10}}, "init_sha256": "ef" * 32})
    assert "part at the first layer drawn" in rules.start_text(step(False, "cd" * 32), widened)


def test_each_change_is_counted_once():
    curve = [99.0] * 15
    # a 7x7 head made 1x1: one change (its kernel), not a width "10 → 10" and a kernel setting besides
    head = {"c1": _conv(1, 16), "head": _conv(16, 10, 7)}
    found = rules.changes(_step(curve, curve, modules=head), _step(curve, curve, modules={**head, "head": _conv(16, 10, 1)}))
    assert [(c.text, c.kind) for c in found] == [("head kernel 16→10 7x7 → 16→10 1x1", "less capacity")]
    # a narrower conv: its own change, not again as the next conv's input
    chain = {"a": _conv(1, 12), "b": _conv(12, 16)}
    narrow = {"a": _conv(1, 8), "b": _conv(8, 16)}
    found = rules.changes(_step(curve, curve, modules=chain), _step(curve, curve, modules=narrow))
    assert [c.text for c in found] == ["a 12 → 8 channels"]
    # a rate change: `lr`, and the schedule's peak said to be that change, not a second one
    flat = _step(curve, curve, lr=[0.01] * 15, peak=0.01)
    cycle = _step(curve, curve, lr=[0.004] + [0.1 - 0.006 * i for i in range(14)], peak=0.1, scheduler="onecycle")
    found = {c.text.split(" ")[0]: c for c in rules.changes(flat, cycle)}
    assert "lr" in found and found["scheduler"].detail.startswith("the peak rate 0.01 → 0.1 is `lr`'s change, counted there")
    without = {c.text.split(" ")[0]: c for c in rules.changes(_step(curve, curve, lr=[0.1] * 15, peak=0.1), cycle)}
    assert "lr" not in without and "the peak rate the same, 0.1" in without["scheduler"].detail


def test_a_batch_change_says_what_it_does_to_the_updates_an_epoch():
    curve = [99.0] * 15
    found = rules.changes(_step(curve, curve, batch_size=64), _step(curve, curve, batch_size=128))
    assert [(c.text, c.detail) for c in found] == [("batch_size 64 → 128", "938 → 469 weight updates an epoch: half "
                                                    "the updates, each over more images")]


# ----------------------------------------------------------------------------------------------- the schedule as it ran
def test_a_step_schedule_that_halves_is_read_from_the_rates_it_recorded():
    curve = [90.0, 95.0, 96.0, 97.0, 97.5]
    constant = _step(curve, curve, lr=[0.05] * 5, epochs=5, peak=0.05)
    halving = _step(curve, curve, lr=[0.05, 0.05, 0.025, 0.025, 0.0125], epochs=5, peak=0.05, scheduler="step",
                    step_size=2, step_gamma=0.5)
    assert rules.rate_events(halving.run) == [(3, 0.025), (5, 0.0125)]
    assert rules.schedule_inert(halving) == ""
    assert "fell to 0.025 at epoch 3, then 0.0125 at epoch 5" in rules.rate_text(halving.run)
    change = next(c for c in rules.changes(constant, halving) if c.text.startswith("scheduler"))
    assert change.text == "scheduler none → step (the rate x0.5 every 2 epochs)" and not change.inert
    assert "never" not in "\n".join(rules.change_lines(constant, halving))
    # a smooth annealing's small falls are still not cuts
    cosine = _step(curve, curve, lr=[0.05, 0.045, 0.035, 0.02, 0.008], epochs=5, peak=0.05, scheduler="cosine")
    assert rules.rate_events(cosine.run) == [(5, 0.008)]


# ----------------------------------------------------------------------------------------------- a dead net
def test_a_net_whose_gradients_died_is_diagnosed_dead_and_its_gradient_cited_with_its_epoch():
    dead = _chance(0.117)
    dead.run.grad_norms = [{"c": 0.117, "head": 0.05}] + [{"c": 0.0, "head": 0.0}] * 4
    dead.run.layer_stats = [{"layer": "c1r", "channels": 8, "dead_channels": list(range(8))},
                            {"layer": "c2r", "channels": 16, "dead_channels": [3]}]
    assert rules.dead_signs(dead) == (2, ["c1r"], 7)  # 10.28 %: the share of 7s, a constant answer
    why = rules.stuck(dead)
    assert why.how == "dead" and why.wanted == ("lower rate", "normalisation", "init")
    assert "from epoch 2 to the last" in why.why and "0.117, at epoch 1" in why.why and "c1r" in why.why
    assert "it answered 7 for every test image" in why.why
    said = rules.next_line(dead, rules.facts(dead))
    assert "a lower peak rate than 0.01" in said and "initialisation" in said and "reached 0.117" not in said
    assert "overshoot" not in said and "a higher peak rate" not in said
    # a net with batch norm already: not advised it again
    normed = _chance(0.117, modules={"c": _conv(1, 8), "b": {"type": "BatchNorm2d"}})
    normed.run.grad_norms = dead.run.grad_norms
    assert rules.stuck(normed).wanted == ("lower rate", "init")
    # the counter-cases: gradients that never died; a flat net's figure said with its epoch
    alive = _chance(0.4)
    alive.run.grad_norms = [{"c": 0.4, "head": 0.2}] + [{"c": 0.3, "head": 0.1}] * 4
    assert rules.dead_signs(alive) == (None, [], 7) and rules.stuck(alive).how == "flat"
    assert "reached 0.4 (at epoch 1 of the 5 recorded)" in rules.stuck(alive).why


# ----------------------------------------------------------------------------------------------- a check's worst seed
def test_a_check_step_leads_with_its_lowest_seed_and_shows_seed_0s_curves():
    saved = Path(__file__).parent / "data" / "byte_identical"
    step = rules.read_step(saved / "check-model3b-20261126T050000Z")  # seeds' mins 99.52, 99.52, 99.54, 99.51, 99.51
    assert step.seed == 0 and rules.lowest_seed(step) == (3, 99.51)  # the tie at 99.51 goes to the lower seed
    row = [line for line in handin.overview_table([step]).splitlines() if line.startswith("|")][-1]
    # every figure of the row is the seed shown's but the lowest seed's own column
    assert "| 0 (shown; 5 trained) | 99.41 | 99.57 | 99.52 | 99.51 (seed 3 of 5) |" in row
    assert "| min of last 3 %, seed shown | min of last 3 %, lowest seed |" in handin.overview_table([step])
    block = "\n".join(handin.step_block(0, step, None, {}))
    assert "min of the last 3 epochs: 99.51 % (seed 3, the lowest of the check's 5 seeds; seed 0, shown: 99.52 %)" \
        in block
    assert "Epoch log (seed 0;" in block  # the curves: the seed shown
    tied = rules.read_step(saved / "check-model3b-20261126T060000Z")  # seed 1 shown, tied lowest with seed 0
    assert tied.seed == 1 and rules.lowest_seed(tied) == (1, 99.52)
    assert "99.52 % (seed 1, the lowest of the check's 3 seeds; it is the seed shown)" in \
        "\n".join(handin.step_block(0, tied, None, {}))
    plain = rules.read_step(saved / "model1-20261126T033643Z-s0")  # a single run: its own seed, as before
    assert rules.lowest_seed(plain) is None
    assert "min of the last 3 epochs: 98.85 % (seed 0)\n- budget" in "\n".join(handin.step_block(0, plain, None, {}))


# ----------------------------------------------------------------------------------------------- trends said
def test_a_fall_after_the_best_is_not_a_gain_of_0():
    test = [97.0, 98.0, 98.5, 98.96, 98.95, 98.93, 98.94]
    text = rules.stall_text(test, [0.3, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1])
    assert "after epoch 4 test accuracy stayed below its best, 0.01 points under it at the closest" in text
    assert "gained at most 0.00" not in text
    assert "did not beat its best" in rules.stall_text([97.0, 98.0, 98.96, 98.96, 98.9, 98.9], [0.3, 0.2] + [0.1] * 4)
    assert "gained at most 0.04 points" in rules.stall_text([97.0, 98.0, 98.96, 99.0, 98.9, 98.9], [0.3, 0.2] + [0.1] * 4)


def test_a_stall_needs_three_epochs_after_it_and_a_late_noisy_best_is_not_one():
    """The walkthrough's step 1: a best at epoch 13 of 15, 0.30 above the epoch before and 0.06 above the two after
    it, is inside the two-score noise: no stall is read from two epochs, nor a 'still learning' from the last rise."""
    test = [65.87, 93.92, 96.29, 98.3, 97.97, 98.43, 98.7, 98.39, 98.65, 98.67, 98.79, 98.77, 99.07, 98.95, 99.01]
    loss = [0.95, 0.2, 0.11, 0.057, 0.066, 0.053, 0.042, 0.05, 0.042, 0.043, 0.038, 0.0395, 0.0288, 0.0353, 0.0325]
    assert rules.stall_epoch(test, loss) is None and rules.stall_epoch(test) is None
    text = rules.stall_text(test, loss)
    # the run's second half still rose beyond its slope's error: said first, the late best after it
    assert text.startswith("still rising over its second half (epochs 8-15: a trend of +0.08 points an epoch, ±0.03, "
                           "two standard errors of the slope: beyond it); its best came 2 epochs before the end (best "
                           "99.07 % at epoch 13): too few after it to read "
                           "a stall (3 are needed)")
    assert "0.06 points under it, inside the test set's sampling error of two independent scores (±0.28" in text
    assert "over the last 5 epochs a trend of +0.06 points an epoch" in text
    step = _step([t - 0.02 for t in test], test, loss=loss, lr=[0.02] * 15, scheduler="none")
    assert "it still learned at the end" not in rules.next_line(step, rules.facts(step))
    later = test + [98.98]  # a third epoch after the best: now a stall
    assert rules.stall_epoch(later, loss + [0.033]) == 13


def test_a_parameter_overrun_leads_the_analysis():
    curve = [99.0] * 15
    step = _step(curve, curve)
    big = dataclasses.replace(step, run=dataclasses.replace(step.run, params=10_536))
    first = rules.analysis_lines(big, None)[0]
    assert first.startswith("- over the budget: 10,536 parameters, not fewer than the budget's 8,000")
    assert rules.analysis_lines(step, None)[0].startswith("- fit:")  # under the budget: nothing to lead with


def test_a_gap_that_widens_every_epoch_is_said():
    test = [99.5] * 5
    step = _step([99.52, 99.6, 99.7, 99.8, 99.88], test, epochs=5)
    f = rules.facts(step)
    assert f.fit.diagnosis == "neither"
    assert [e for e, _ in rules.widening(step)] == [1, 2, 3, 4, 5]
    assert "the gap widened every epoch from epoch 1 (+0.02 → +0.10 → +0.20 → +0.30 → +0.38 points)" in f.fit.why
    steady = _step([99.52, 99.6, 99.7, 99.6, 99.88], test, epochs=5)  # it narrowed once: the last 2 epochs alone
    assert rules.widening(steady) == [] and "widened" not in rules.facts(steady).fit.why


def test_a_shortened_runs_under_fit_is_advised_its_missing_epochs_and_images_before_capacity():
    test = [80.0, 85.0, 88.0, 90.0, 91.0]
    step = _step([t - 1 for t in test], test, epochs=5, lr=STUDENT_RATES, scheduler="onecycle")
    said = rules.next_line(step, rules.facts(step))
    assert said.index("more epochs (5 of the budget's 15)") < said.index("more capacity")


def test_a_fall_while_the_test_loss_fell_is_not_put_on_the_rate_and_a_constant_rate_has_no_peak():
    test = [10.09, 11.35, 16.08, 14.92, 19.28]
    step = _chance(0.06, loss=[2.3018, 2.2995, 2.2962, 2.2873, 2.2633])
    step.run.epochs = [dataclasses.replace(e, test_acc=a, lr=0.01) for e, a in zip(step.run.epochs, test, strict=True)]
    line = next(x for x in rules.analysis_lines(step, None) if x.startswith("- stability"))
    # at chance: its top guess moved, which says next to nothing of what it knows (not "its fit did not worsen")
    assert "it was near chance then (test loss 2.2962 → 2.2873" in line and "for context" not in line
    assert "its fit did not worsen" not in line
    assert "the rate at that epoch" not in line and "a rough yardstick" in line
    said = rules.next_line(step, rules.facts(step))
    assert "peak rate" not in said and "rate than 0.01" in said


def test_a_rotation_off_for_the_last_epoch_is_an_aim_judged():
    test = [90.0, 91.0, 92.0, 93.0, 94.0]
    before = _step([t - 1 for t in test], test, epochs=5)
    step = _step([t - 1 for t in test], test, epochs=5, augment_degrees=10.0, augment_off_last=1,
                 target="rotation up to 10 degrees off for the last epoch")
    aims = rules.target_line(before, step, rules.facts(step))
    assert "augmentation off for the last 1 epoch, as the Target asks: done" in aims
    assert "of the 3 epochs the budget scores, 1 trained on plain digits" in aims
    three = _step([t - 1 for t in test], test, epochs=5, augment_degrees=10.0, augment_off_last=1,
                  target="rotation up to 10 degrees, off for the last 3 epochs")
    assert "augmentation off for the scored epochs: not done" in rules.target_line(before, three, rules.facts(three))


def test_a_gap_that_flips_sign_did_not_widen():
    """Train minus test of -0.84, -0.65, +0.24: the lead shrank and flipped, it never grew - no widening is said."""
    test = [91.0, 91.61, 92.61, 93.17, 95.79]
    step = _step([90.0, 91.57, 91.77, 92.52, 96.03], test, epochs=5)
    assert rules.widening(step) == [] and "widened" not in rules.facts(step).fit.why


def test_the_train_figure_of_a_plain_tail_is_not_said_to_be_augmented():
    """With augmentation off for the last epoch of three judged, the train figure is said to be augmented in the
    epochs that were, and the plain one named."""
    test = [90.0, 91.0, 92.0, 93.0, 94.0]
    f = rules.facts(_step([t - 1.0 for t in test], test, augment_degrees=10.0, augment_off_last=1, epochs=5))
    assert "augmentation (degrees 10) in epochs 3-4 (epoch 5 plain)" in f.fit.why


def test_a_net_short_of_learning_is_not_called_chance_and_its_falling_loss_is_said():
    step = _chance(0.06, loss=[2.3018, 2.2995, 2.2962, 2.2873, 2.2633])
    step.run.epochs = [dataclasses.replace(e, train_loss=x, test_acc=a) for e, x, a in zip(
        step.run.epochs, [2.3040, 2.3003, 2.2973, 2.2923, 2.2776], [10.09, 11.35, 16.08, 14.92, 19.28], strict=True)]
    why = rules.facts(step).fit.why
    assert "about chance" not in why and "best test accuracy 19.28 %, below the 20 % counted as learning" in why
    assert "its train loss fell at every epoch (2.3040 → 2.2776)" in why


def test_where_new_augmentation_stops_is_said_with_it_and_more_plain_epochs_are_less_augmentation():
    """augment_off_last beside augmentation new in the step is where that augmentation stops: said with it, one change;
    between two augmented steps, more plain epochs at the end is less augmentation (never against an under-fit)."""
    test = [90.0, 91.0, 92.0, 93.0, 94.0]
    plain = _step([t - 1 for t in test], test, epochs=5)
    rotated = _step([t - 1 for t in test], test, epochs=5, augment_degrees=10.0, augment_off_last=1)
    found = rules.changes(plain, rotated)
    said = [c.text for c in found if "augment" in c.text]
    # (the made-to-order config's unset 0 reads "none")
    assert len(said) == 1 and said[0].startswith("augment_degrees ") and said[0].endswith(
        ", with augment_off_last none → 1 (no augmentation of any kind in the last epoch)")
    later = _step([t - 1 for t in test], test, epochs=5, augment_degrees=10.0, augment_off_last=2)
    tail = next(c for c in rules.changes(rotated, later) if c.text.startswith("augment_off_last"))
    from tinydigits.results.steps.advice import opposed_kinds, serves

    assert tail.kind == "less augmentation" and serves(tail.kind, ("capacity", "rate", "epochs"))
    assert "less augmentation" not in opposed_kinds("under-fitting", ("capacity",))


# ----------------------------------------------------------------------------------------------- the noise named
def test_the_noise_is_named_for_what_it_is():
    """A trained seed's margin is judged by the test set's sampling error at its score (how far other digits could move
    it), a check's or a run's alike; the seeds' spread is named as a new seed's question - never "the noise of one
    test pass" (the same test set scores the same)."""
    from tinydigits.results.steps.curves import noise_band

    saved = Path(__file__).parent / "data" / "byte_identical"
    check = rules.read_step(saved / "check-model3b-20261126T050000Z")  # mins 99.52, 99.52, 99.54, 99.51, 99.51
    sd = check.check.spread()
    assert rules.margin_noise(check, 99.51)[0] == pytest.approx(noise_band(99.51)) and sd < 0.02
    f = rules.facts(check)
    assert f.margin == pytest.approx(0.12) and f.thin  # 0.12 points: inside the ±0.14 other digits could move it
    said = "\n".join(rules.analysis_lines(check, None))
    assert f"how far a new seed lands is the seeds' spread, sd {sd:.3f} of the check's 5, in the odds" in said
    assert "the lowest seed, 3, held by 0.11 points (99.51 %), inside the test set's sampling error (±0.140" in said
    one = rules.read_step(saved / "model2-20261126T040000Z-s0")  # one seed, 0.05 points above the line
    said = "\n".join(rules.analysis_lines(one, None)) + rules.verdict_reason(one)
    assert "inside the test set's sampling error (±0.148 at 99.45 %: another 10,000 digits could move the score that far; the " \
           "noise another seed brings is not measured, one seed)" in said
    for text in (said, "\n".join(rules.analysis_lines(check, None))):
        assert "test pass" not in text


def test_a_checks_spread_is_not_lent_to_a_step_whose_seeds_were_not_measured():
    """A one-seed step against a checked one: the change is judged by the test set's sampling error and the checked
    seeds' count; the checked step's spread is no yardstick for the other (weight averaging alone narrows a spread)."""
    saved = Path(__file__).parent / "data" / "byte_identical"
    one, check = rules.read_step(saved / "model2-20261126T040000Z-s0"), rules.read_step(saved / "check-model3b-20261126T050000Z")
    text = "\n".join(rules.change_lines(one, check))
    assert "sd of a difference of two seeds" not in text and "seeds spread as" not in text
    assert "own seeds' spread is not measured, so how far its one seed sits from what its seeds score is not known" in text


def test_analysis_bullets_show_at_most_60_words_and_fold_the_rest_whole():
    saved = Path(__file__).parent / "data" / "byte_identical"
    steps = rules.read_steps([saved / "model1-20261126T033643Z-s0", saved / "model2-20261126T040000Z-s0",
                              saved / "check-model3b-20261126T050000Z"])

    def words(text: str) -> list[str]:
        return [w for w in (w.rstrip(";:,-") for w in text.split()) if w and w != "…"]

    folds = 0
    for i, step in enumerate(steps):
        previous = steps[i - 1] if i else None
        block = handin.step_block(i, step, previous, {})
        analysis = block[block.index("**Analysis:**") + 1:block.index("**How it trained:**")]
        shown = [line for line in analysis if line.startswith("- ")]
        assert len(shown) == len(rules.analysis_lines(step, previous))
        assert all(len(line.split()) <= handin.ANALYSIS_WORDS for line in shown), shown
        for line in rules.analysis_lines(step, previous):  # every word of every bullet still there, in order
            parts = handin.folded(line)
            folds += len(parts) > 1
            assert words(" ".join(p for p in parts if "details>" not in p)) == words(line)
    assert folds >= 5  # the saved steps' long bullets fold (their change lines run past 100 words)
    assert handin.folded("- short: one clause.") == ["- short: one clause."]


def test_a_targets_aims_of_lighter_faster_and_a_plain_tail_are_judged():
    slow = [90.0 + 0.6 * i for i in range(15)]  # reaches 98.4 at epoch 15
    fast = [95.0 + 0.3 * i for i in range(15)]  # past 98.4 at epoch 13
    before = _step(slow, slow)
    before = dataclasses.replace(before, run=dataclasses.replace(before.run, params=7432))
    after = _step(fast, fast, augment_degrees=7.0, augment_off_last=2,
                  target="lighter, to speed up training; augmentation off for the scored epochs")
    after = dataclasses.replace(after, run=dataclasses.replace(after.run, params=7568))
    aims = rules.target_line(before, after, rules.facts(after))
    assert '"lighter": not lighter: heavier (7,432 → 7,568 parameters, +136)' in aims
    assert '"speed up": faster to learn, about as fast by the clock (150 → 150 s of training in all) - test accuracy ' \
           'first reached 98.40 % (the lower of the two steps\' bests) at epoch 15 → 13' in aims
    assert "augmentation off for the scored epochs: not done - the last 2 of 15 epochs" in aims
    plain = dataclasses.replace(after, run=dataclasses.replace(
        after.run, settings=dataclasses.replace(after.run.settings, augment_off_last=3)))
    assert "off for the scored epochs: done" in rules.target_line(before, plain, rules.facts(plain))


def test_a_train_loss_still_falling_beside_a_flat_test_loss_is_said():
    test = [97.0, 98.0, 98.5, 98.52, 98.53, 98.53]
    step = _step([t + 0.5 for t in test], test, loss=[0.3, 0.2, 0.1, 0.1, 0.1, 0.1], epochs=6)
    for i, x in enumerate([0.4, 0.25, 0.12, 0.09, 0.07, 0.05]):
        step.run.epochs[i] = dataclasses.replace(step.run.epochs[i], train_loss=x)
    progress = next(line for line in rules.analysis_lines(step, None) if line.startswith("- progress"))
    assert "train loss fell after epoch 3 (0.1200 → 0.0500 at the last epoch) while test held: it fits its own" \
        in progress
    flat = _step(test, test, loss=[0.3, 0.2, 0.1, 0.1, 0.1, 0.1], epochs=6)  # train loss 0.1 throughout: nothing said
    assert "train loss still fell" not in "\n".join(rules.analysis_lines(flat, None))


def test_a_fit_of_neither_says_a_train_loss_that_fell_beside_a_held_test():
    """On the line (fit 'neither'), a train loss still falling while test held is said in the fit itself, where the
    mean of the judged epochs would hide it, and not again in the progress line."""
    test = [99.0, 99.3, 99.42, 99.43, 99.43, 99.44]
    step = _step([t + 0.3 for t in test], test, loss=[0.03, 0.02, 0.019, 0.019, 0.019, 0.0192], epochs=6)
    for i, x in enumerate([0.04, 0.02, 0.012, 0.009, 0.007, 0.005]):
        step.run.epochs[i] = dataclasses.replace(step.run.epochs[i], train_loss=x)
    f = rules.facts(step)
    assert f.fit.diagnosis == "neither" and "while test held: it fits its own digits better" in f.fit.why
    progress = next(line for line in rules.analysis_lines(step, None) if line.startswith("- progress"))
    assert "train loss still fell" not in progress


def test_a_check_steps_margin_leads_with_its_lowest_seed():
    """The budget asks every seed: a check step's margin line leads with its lowest seed's, then the seed shown's."""
    saved = Path(__file__).parent / "data" / "byte_identical"
    check = rules.read_step(saved / "check-model3b-20261126T050000Z")  # seed 0 shown, seed 3 the lowest
    margin = next(x for x in rules.analysis_lines(check, None) if x.startswith("- margin"))
    assert margin.startswith("- margin: the lowest seed, 3, held by 0.11 points (99.51 %)")
    assert "seed 0, the one shown: the lowest of the last 3 epochs, 99.52 %" in margin


def test_what_follows_a_dead_net_is_read_against_its_own_reading():
    dead = _chance(0.117, target="t")
    dead.run.grad_norms = [{"c": 0.117, "head": 0.05}] + [{"c": 0.0, "head": 0.0}] * 4
    curve = [92.0, 95.5, 96.83, 95.45, 97.09]
    faster = _step(curve, curve, lr=STUDENT_RATES, scheduler="onecycle", target="to speed up training",
                   **{**SHORT, "peak": 0.05})
    read = rules.change_lines(dead, faster)[1]
    assert ("Against it: lr 0.01 → 0.05 (higher rate) - the advice's reason against them, a rule, not a reading of these "
            "runs: a higher rate pushes more ReLUs where they never fire") in read
    assert "overshoot" not in read
    aims = rules.target_line(dead, faster, rules.facts(faster))
    assert '"speed up": in effect - step m never got past 10.28 %' in aims and "epoch 1 → 1" not in aims
