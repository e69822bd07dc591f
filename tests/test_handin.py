"""`tinydigits report STEP... --steps --out DIR` (issue #74): the hand-in a grader reads, right and whole. Tiny real runs
of a student's three models (one file) and a tiny check, then the rules of the Analysis on steps made to order."""

from __future__ import annotations

import dataclasses
import re
import shlex
import textwrap
from pathlib import Path

import pytest

from helpers import handin_text, longest_tool_sentence, run_main, step_blocks
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
    return step_blocks(text)


def test_the_hand_in_is_a_folder_a_grader_reads(student):
    out = student / "missing" / "hand-in"  # a folder that does not exist yet: made
    refs = [f"{student / 'model.py'}:Model_{i}" for i in (1, 2)]
    check = next((student / "runs").glob("check-Model_3-*"))
    proc = run_main("report", *refs, str(check), "--steps", "--out", str(out), "--runs", str(student / "runs"))
    assert proc.returncode == 0, proc.stderr
    assert "step 1:" in proc.stderr and "Model_1-" in proc.stderr  # a model named: its newest run, said
    text = handin_text(out)
    links = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert len(links) >= 1 + 3 * 3 + 1 and all((out / link).is_file() for link in links)  # every image resolves here
    local = [t for t in re.findall(r"\]\(([^)\s#]+)\)", text) if "://" not in t]  # and every other local link
    assert [t for t in local if not (out / t).is_file()] == [] and {"step1-metrics.json", "step3-check.json"} <= set(local)
    one, two, three = _blocks(text)
    assert "epochs 2 → 3" in two  # 2 epochs against 3: a change, said
    assert "Shortened:" in one and "512 of 60,000 training images" in one
    assert "features.0.0 8 → 10 channels" in three and "features.1.0 16 → 12 channels" in three, three  # the widths
    assert "(16→8 1x1) removed" in three and "+5 BatchNorm2d" in two and "none after head" in two  # the author's names
    assert "Over seeds (`check`, " in three and "| 0 |" in three and "| 1 |" in three
    assert "| step | model | params | RF |" in text and "Epoch log" in three and "| layer | type | output |" in three
    assert "What the records show" in one and "evidence.md#step-3" in three
    readme = (out / "README.md").read_text()  # new classes, no Analysis: the tool's facts alone, short
    assert handin.reading_words(readme) <= 1500 and "this tool" not in readme.lower()
    assert longest_tool_sentence(readme) <= 40


def test_a_students_steps_train_again_from_the_hand_in_folder(student, tmp_path):
    """The commands of a hand-in made from a student's file take the model from the folder's own stepN-code.py, and a
    check's command keeps its settings but not the paths of the machine it ran on (--out, --data-dir) or its Target."""
    from tinydigits.cli import build_parser

    out = tmp_path / "hand-in"
    check = next((student / "runs").glob("check-Model_3-*"))
    refs = [f"{student / 'model.py'}:Model_{i}" for i in (1, 2)]
    assert run_main("report", *refs, str(check), "--steps", "--out", str(out), "--runs",
                    str(student / "runs")).returncode == 0
    commands = re.findall(r"- to train it again \(in this folder\): `([^`]+)`", handin_text(out))
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






def test_the_stall_sentence_agrees_with_the_best_epoch():
    test = [99.0, 99.2, 99.3, 99.31, 99.32, 99.33, 99.34, 99.35, 99.36, 99.37, 99.38, 99.39, 99.40, 99.41, 99.44]
    text = rules.stall_text(test)
    assert "best 99.44 % at epoch 15" in text and "after epoch 3" not in text  # 15 beat 3's best by 0.14










CONV = {"type": "Conv2d", "kernel_size": [3, 3], "groups": 1, "stride": [1, 1], "padding": [0, 0], "bias": False}


def _net(p: float, widths=(8, 16)) -> dict:
    return {"c1": {**CONV, "in_channels": 1, "out_channels": widths[0]}, "d1": {"type": "Dropout", "p": p},
            "c2": {**CONV, "in_channels": widths[0], "out_channels": widths[1]}, "d2": {"type": "Dropout", "p": p}}




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
    assert "Dropout p 0.05 → 0.02" in two  # what changed, said in the records' facts
    assert "scale 0.9-1.1" in three


# ----------------------------------------------------------------------------------------------- facts, computed
def _conv(cin: int, cout: int, k: int = 3) -> dict:
    return {**CONV, "in_channels": cin, "out_channels": cout, "kernel_size": [k, k]}




def test_a_rate_0_dropout_added_is_inert():
    curve = [99.0] * 15
    net = {"c": _conv(1, 8)}
    zero = _step(curve, curve, modules={**net, "d": {"type": "Dropout", "p": 0.0}})
    found = rules.changes(_step(curve, curve, modules=net), zero)
    assert [(c.text, bool(c.inert)) for c in found] == [("+1 Dropout p 0 (d)", True)]
    tenth = _step(curve, curve, modules={**net, "d": {"type": "Dropout", "p": 0.1}})
    some = rules.changes(_step(curve, curve, modules=net), tenth)
    assert [(c.text, bool(c.inert)) for c in some] == [("+1 Dropout p 0.1 (d)", False)]




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




def _blocks_net(bn: bool, p: float) -> dict:
    out = {}
    for i in (1, 2):
        out |= {f"convblock{i}.0": _conv(1 if i == 1 else 8, 8), f"convblock{i}.1": {"type": "ReLU"}}
        out |= {f"convblock{i}.2": {"type": "BatchNorm2d"}} if bn else {}
        out |= {f"convblock{i}.3": {"type": "Dropout", "p": p}} if p else {}
    return out








def test_a_schedule_change_says_how_the_rates_course_changed():
    curve = [41.89, 61.74, 84.87, 90.36, 90.27]
    cycle = _step(curve, curve, lr=STUDENT_RATES, scheduler="onecycle", **SHORT)
    stepped = _step(curve, curve, lr=[0.01] * 3 + [0.001] * 2, scheduler="step", step_size=3, step_gamma=0.1, **SHORT)
    change = next(c for c in rules.changes(cycle, stepped) if c.text.startswith("scheduler"))
    assert change.kind == "rate schedule" and "the peak rate the same, 0.01" in change.detail
    assert "0.001, 0.009252, 0.008993, 0.005438, 0.001597 → 0.01 in epochs 1-3, 0.001 in 4-5" in change.detail
    assert "no warm-up now" in change.detail




def test_the_same_start_names_where_its_digest_is_recorded():
    curve = [99.0] * 15
    same = {"architecture": {"layers": [], "modules": {"c": _conv(1, 8)}, "init_sha256": "8e1b278ec638c9cb" * 4}}
    text = rules.start_text(_step(curve, curve, **same), _step(curve, curve, **same))
    assert "config.json, `architecture.init_sha256`" in text and "8e1b278ec638… in both" in text


def test_tied_confidences_say_the_order_of_the_mistakes_means_nothing():
    from tinydigits.results.report import misclassified_order

    assert "means nothing" in misclassified_order([0.1003, 0.1001, 0.0999])
    assert misclassified_order([0.93, 0.61]).startswith("the most confident mistakes first")




def test_a_command_with_an_apostrophe_reads_as_typed_and_splits_back_to_its_words():
    for words in (["tinydigits", "check", "--target", "step 2's curve, steadier"], ["x", "it's $HOME"], ["y", "a b"]):
        line = handin.shell_line(words)
        assert shlex.split(line) == words and "'\"'\"'" not in line.replace("it'\"'\"'s $HOME", "")
    assert handin.shell_line(["--target", "step 2's curve"]) == "--target \"step 2's curve\""


def _conv_net(bn: bool) -> dict:
    conv = {"type": "Conv2d", "in_channels": 1, "out_channels": 8, "kernel_size": [3, 3], "groups": 1}
    return {"c1": conv, **({"c1bn": {"type": "BatchNorm2d"}} if bn else {}), "head": {**conv, "in_channels": 8}}










def test_an_ema_runs_curves_say_whose_weights_test_is_and_where_augmentation_stopped():
    from tinydigits.results.report import CurveMarks, curves_figure

    flat = [99.0] * 15
    marks = CurveMarks.of(_step(flat, flat, ema=0.999, augment_degrees=12.0, augment_off_last=3).run)
    assert marks == CurveMarks(averaged=True, plain_from=13)
    assert CurveMarks.of(_step(flat, flat).run) == CurveMarks()
    fig = curves_figure(_step(flat, flat).run.epochs, marks)
    labels = {t.get_text() for ax in fig.axes if ax.get_legend() for t in ax.get_legend().get_texts()}
    assert {"test (EMA of the weights)", "augmentation off from epoch 13 (drawn between epochs 12 and 13)"} <= labels






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


# ----------------------------------------------------------------------------------------------- a dead net


# ----------------------------------------------------------------------------------------------- a check's worst seed
def test_a_check_step_leads_with_its_lowest_seed_and_shows_seed_0s_curves():
    saved = Path(__file__).parent / "data" / "byte_identical"
    step = rules.read_step(saved / "check-model3b-20261126T050000Z")  # seeds' mins 99.52, 99.52, 99.54, 99.51, 99.51
    assert step.seed == 0 and rules.lowest_seed(step) == (3, 99.51)  # the tie at 99.51 goes to the lower seed
    row = [line for line in handin.overview_table([step]).splitlines() if line.startswith("|")][-1]
    # every figure of the row is the seed shown's but the lowest seed's own column
    assert "| 99.41 | 99.57 | 99.52 (seed 0); lowest 99.51 (seed 3) | 5 of 5 | PASS |" in row
    block = "\n".join(handin.step_block(0, step, None, {}))
    assert "- min of the last 3: 99.52 %; lowest seed 3: 99.51 %" in block  # the seed shown's, then the lowest's
    tied = rules.read_step(saved / "check-model3b-20261126T060000Z")  # seed 1 shown, tied lowest with seed 0
    assert tied.seed == 1 and rules.lowest_seed(tied) == (1, 99.52)
    assert "lowest seed 1: 99.52 %" in "\n".join(handin.step_block(0, tied, None, {}))
    plain = rules.read_step(saved / "model1-20261126T033643Z-s0")  # a single run: its own seed, as before
    assert rules.lowest_seed(plain) is None
    assert "- min of the last 3: 98.85 %\n- verdict" in "\n".join(handin.step_block(0, plain, None, {}))


# ----------------------------------------------------------------------------------------------- trends said
def test_a_fall_after_the_best_is_not_a_gain_of_0():
    test = [97.0, 98.0, 98.5, 98.96, 98.95, 98.93, 98.94]
    text = rules.stall_text(test, [0.3, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1])
    assert "after epoch 4 test accuracy stayed below its best, 0.01 points under it at the closest" in text
    assert "gained at most 0.00" not in text
    assert "did not beat its best" in rules.stall_text([97.0, 98.0, 98.96, 98.96, 98.9, 98.9], [0.3, 0.2] + [0.1] * 4)
    assert "gained at most 0.04 points" in rules.stall_text([97.0, 98.0, 98.96, 99.0, 98.9, 98.9], [0.3, 0.2] + [0.1] * 4)






def test_a_gap_that_widens_every_epoch_is_said():
    test = [99.5] * 5
    step = _step([99.52, 99.6, 99.7, 99.8, 99.88], test, epochs=5)
    f = rules.facts(step)
    assert f.fit.diagnosis == "neither"
    assert [e for e, _ in rules.widening(step)] == [1, 2, 3, 4, 5]
    assert "the gap widened every epoch from epoch 1 (+0.02 → +0.10 → +0.20 → +0.30 → +0.38 points)" in f.fit.why
    steady = _step([99.52, 99.6, 99.7, 99.6, 99.88], test, epochs=5)  # it narrowed once: the last 2 epochs alone
    assert rules.widening(steady) == [] and "widened" not in rules.facts(steady).fit.why








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




# ----------------------------------------------------------------------------------------------- the noise named














