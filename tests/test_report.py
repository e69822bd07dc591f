from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest
import torch
from PIL import Image, ImageStat

from helpers import run_main
from tinydigits.results import predictions, records, report
from tinydigits.results.report import PICTURES

RUN_FILES = ("config.json", "metrics.json", "model.pt", "per_class.csv", "report.md", *PICTURES)


def assert_real_picture(path):
    with Image.open(path) as img:
        assert img.format == "PNG" and img.width > 200 and img.height > 100
        stddev = ImageStat.Stat(img.convert("L")).stddev[0]
    assert stddev > 5, f"{path.name} looks blank"


def test_train_leaves_every_artifact(tiny_run):
    for name in RUN_FILES:
        assert (tiny_run.run_dir / name).exists(), name
    for name in PICTURES:
        assert_real_picture(tiny_run.run_dir / name)
    text = (tiny_run.run_dir / "report.md").read_text()
    for needle in ("receptive", "| epoch |", "Budget", "![curves](curves.png)", "![confusion](confusion.png)"):
        assert needle in text
    rows = (tiny_run.run_dir / "per_class.csv").read_text().splitlines()
    assert rows[0].startswith("digit,support,accuracy,precision,recall") and len(rows) == 11


def test_confusion_and_per_class_by_hand():
    import torch

    labels = torch.tensor([0, 0, 1, 1, 1, 2])
    preds = torch.tensor([0, 1, 1, 1, 2, 2])
    cm = predictions.confusion_matrix(labels, preds, classes=3)
    assert cm.tolist() == [[1, 1, 0], [0, 2, 1], [0, 0, 1]]
    rows = predictions.per_class(cm)
    assert rows[1]["recall"] == pytest.approx(200 / 3) and rows[1]["precision"] == pytest.approx(200 / 3)
    assert rows[2]["precision"] == 50.0 and rows[0]["accuracy"] == 50.0


def test_eval_rewrites_the_same_artifacts(tiny_run, mnist_dir, tmp_path):
    copy = tmp_path / tiny_run.run_dir.name
    shutil.copytree(tiny_run.run_dir, copy)
    for name in PICTURES:
        (copy / name).unlink()
    proc = run_main("eval", str(copy), "--data-dir", str(mnist_dir))
    assert proc.returncode == 0, proc.stderr
    final = tiny_run.metrics["epochs"][-1]["test_acc"]
    assert f"test accuracy {final:.2f}%" in proc.stdout
    for name in PICTURES:
        assert_real_picture(copy / name)


def test_the_last_test_pass_feeds_the_pictures_with_exactly_a_second_passs_numbers(tiny_run, tmp_path):
    """A finished run's pictures and report come from its last epoch's test logits (no second pass over the test
    set): the same probabilities to the bit as `predict_split` on the saved model, so the same report.md and
    per_class.csv as the second pass wrote."""
    assert tiny_run.test_logits is not None and tiny_run.test_logits.shape == (10_000, 10)
    kept = predictions.from_logits(tiny_run.test, tiny_run.test_logits)
    again = predictions.predict_split(tiny_run.model, tiny_run.test)
    assert torch.equal(kept.probs, again.probs) and torch.equal(kept.preds, again.preds)
    copies = {}
    for way, logits in (("kept", tiny_run.test_logits), ("second-pass", None)):
        copy = tmp_path / way / tiny_run.run_dir.name
        shutil.copytree(tiny_run.run_dir, copy)
        report.write_artifacts(dataclasses.replace(tiny_run.run, folder=copy), tiny_run.model, tiny_run.test, logits)
        copies[way] = [(copy / n).read_text() for n in ("report.md", "per_class.csv")]
    assert copies["kept"] == copies["second-pass"]


@pytest.mark.parametrize("damage", ["missing", "garbage"])
def test_eval_with_a_broken_model_is_one_line(tiny_run, mnist_dir, tmp_path, damage):
    copy = tmp_path / "run"
    shutil.copytree(tiny_run.run_dir, copy)
    if damage == "missing":
        (copy / "model.pt").unlink()
    else:
        (copy / "model.pt").write_bytes(b"not a checkpoint")
    proc = run_main("eval", str(copy), "--data-dir", str(mnist_dir))
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "model.pt" in proc.stderr


def test_report_compares_runs(tiny_run, tmp_path):
    second = tmp_path / "second-run"
    shutil.copytree(tiny_run.run_dir, second)
    out = tmp_path / "compare.md"
    proc = run_main("report", str(tiny_run.run_dir), str(second), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    text = out.read_text()
    assert tiny_run.run_dir.name in text and "second-run" in text and "first epoch ≥ 99.4" in text
    assert text.count("| model3 |") == 2


def test_report_of_a_missing_run_is_one_line(tmp_path):
    proc = run_main("report", str(tmp_path / "nope"))
    assert proc.returncode != 0 and "Traceback" not in proc.stderr and "no such file or folder" in proc.stderr


def test_summary_table_in_report_matches_model(tiny_run):
    from tinydigits.models import summary

    table = summary.format_table(summary.summarize(tiny_run.model), markdown=True)
    assert table in (tiny_run.run_dir / "report.md").read_text()
    config = json.loads((tiny_run.run_dir / "config.json").read_text())
    assert report.run_verdict(records.Run.from_files(tiny_run.run_dir, config, tiny_run.metrics)).epochs == 2


def test_a_run_stopped_before_its_planned_epochs_never_passes(tiny_run, mnist_dir, tmp_path):
    """The run's own budget (config.json) is lenient enough that both epochs pass it; cut metrics.json to the first
    epoch, as Ctrl-C after epoch 1 leaves it, and `eval` writes a report that says the budget is not met."""
    verdicts = {}
    for kept in (2, 1):
        run = tmp_path / f"kept{kept}"
        shutil.copytree(tiny_run.run_dir, run)
        config = json.loads((run / "config.json").read_text())
        assert config["epochs"] == 2 and config["budget"]["last"] == 3  # recorded by the run: the plan and the budget
        config["budget"] = {**config["budget"], "last": 1, "min_acc": 50.0}
        (run / "config.json").write_text(json.dumps(config))
        metrics = json.loads((run / "metrics.json").read_text())
        metrics["epochs"] = metrics["epochs"][:kept]
        (run / "metrics.json").write_text(json.dumps(metrics))
        assert run_main("eval", str(run), "--data-dir", str(mnist_dir)).returncode == 0
        verdicts[kept] = (run / "report.md").read_text()
    assert "budget verdict (this run): **PASS**" in verdicts[2] and "stopped early" not in verdicts[2]
    assert "budget verdict (this run): **FAIL**" in verdicts[1] and "- epochs: 1 of 2 planned: **stopped early**" in verdicts[1]


def test_report_steps_refuses_a_run_of_an_earlier_version_in_one_line(tiny_run, tmp_path):
    from helpers import assert_one_line_error

    old = shutil.copytree(tiny_run.run_dir, tmp_path / "old")
    config = json.loads((old / "config.json").read_text())
    config.pop("target", None)
    (old / "config.json").write_text(json.dumps(config))
    assert_one_line_error(run_main("report", str(old), "--steps", "--out", str(tmp_path / "s")), "no `target`")


def test_models_shows_a_registered_models_own_write_up():
    proc = run_main("models", "--model", "model2")
    assert proc.returncode == 0 and "Target:" in proc.stdout and "Analysis:" in proc.stdout


def test_a_run_folders_files_are_readable_as_the_umask_says(tiny_run):
    """Written through a temporary file and renamed, yet not left at mkstemp's 0600: a shared or served run folder
    is readable by others where the umask allows (022: 0644)."""
    import os

    mask = os.umask(0o022)
    os.umask(mask)
    modes = {p.name: p.stat().st_mode & 0o777 for p in tiny_run.run_dir.iterdir() if p.is_file()}
    assert {"config.json", "metrics.json", "model.pt", "report.md", "curves.png"} <= set(modes)
    assert {name: mode for name, mode in modes.items() if mode != 0o666 & ~mask} == {}


def test_the_confusions_are_ranked_and_add_up_to_the_errors(tiny_run):
    """metrics.json ranks what the model confuses (from the last test pass); report.md shows the commonest."""
    confused = tiny_run.metrics["confused"]
    counts = [c["count"] for c in confused]
    assert counts == sorted(counts, reverse=True) and all(c["true"] != c["predicted"] for c in confused)
    errors = round(10_000 * (1 - tiny_run.metrics["epochs"][-1]["test_acc"] / 100))
    assert sum(counts) == errors
    top = confused[0]
    assert f"{top['true']} → {top['predicted']}: {top['count']}" in (tiny_run.run_dir / "report.md").read_text()


def _epochs(rows):
    """metrics.json's epochs from (train loss, train acc, test loss, test acc, lr) rows."""
    from tinydigits.results.records import Epoch

    keys = ("train_loss", "train_acc", "test_loss", "test_acc", "lr")
    return [Epoch.of({"epoch": i + 1, **dict(zip(keys, row, strict=True)), "seconds": 1.0}) for i, row in enumerate(rows)]


# A hand-in's step 2 (it learnt from 30 % to 90 % in 5 epochs) and step 1 (it learnt nothing: 2.3027 -> 2.3025)
LEARNT = _epochs([(2.1213, 30.22, 1.8379, 41.89, 0.001), (1.5507, 57.28, 1.2981, 61.74, 0.00925),
                  (1.0728, 76.42, 0.8578, 84.87, 0.00899), (0.7538, 87.22, 0.6238, 90.36, 0.00544),
                  (0.6212, 90.37, 0.6208, 90.27, 0.0016)])
FLAT = _epochs([(2.302691, 10.85, 2.30261, 10.28, 0.001), (2.30262, 10.85, 2.30255, 10.28, 0.00925),
                (2.302554, 10.85, 2.302503, 10.28, 0.00899), (2.302509, 10.85, 2.302474, 10.28, 0.00544),
                (2.302487, 10.85, 2.302468, 10.28, 0.0016)])
NEAR = _epochs([(0.3 * 0.7 ** e, round(99.3 - 9 * 0.5 ** e, 2), 0.1 * 0.8 ** e, round(99.5 - 2.5 * 0.6 ** e, 2), 0.01)
                for e in range(15)])  # 90 % -> 99.3 % train, 97 % -> 99.5 % test: where the zoom tells points apart


def drawn(monkeypatch, module, draw):
    """The matplotlib Figure `draw()` saves through `module.save_figure`, drawn as it would be saved (ticks, offset
    texts and legends laid out), instead of its PNG."""
    figures = []
    monkeypatch.setattr(module, "save_figure", lambda fig, path: figures.append(fig) or b"")
    draw()
    (fig,) = figures
    fig.canvas.draw()
    return fig


def _points_out_of_view(ax) -> list[tuple[float, float]]:
    """The drawn data points (a line's markers) outside the panel's limits."""
    (x0, x1), (y0, y1) = sorted(ax.get_xlim()), sorted(ax.get_ylim())
    return [(x, y) for line in ax.get_lines() if line.get_marker() not in (None, "None", "")
            for x, y in zip(line.get_xdata(), line.get_ydata(), strict=True) if not (x0 <= x <= x1 and y0 <= y <= y1)]


@pytest.mark.parametrize("epochs", [LEARNT, FLAT, NEAR, [dataclasses.replace(e, val_acc=e.test_acc - 20) for e in LEARNT]],
                         ids=["learnt", "flat", "near", "validation"])
def test_every_recorded_point_of_the_curves_is_inside_its_panel(epochs, monkeypatch, tmp_path):
    from tinydigits.results.figures import plt

    fig = drawn(monkeypatch, report, lambda: report.plot_curves(epochs, tmp_path / "curves.png"))
    for ax in fig.axes:
        assert _points_out_of_view(ax) == [], ax.get_title()
    whole = [ax for ax in fig.axes if ax.get_title().startswith("accuracy") and "zoom" not in ax.get_title()]
    assert len(whole) == 1 and all(list(line.get_xdata()) == [e.epoch for e in epochs]
                                   for line in whole[0].get_lines() if line.get_marker() == "o")
    assert whole[0].get_ylim()[0] <= report.TARGET <= whole[0].get_ylim()[1]
    zoomed = [ax for ax in fig.axes if "zoom" in ax.get_title()]
    assert len(zoomed) == (report.accuracy_zoom(epochs) is not None) == (epochs is not FLAT)
    plt.close(fig)


def test_the_loss_is_drawn_on_a_log_axis_and_a_loss_that_barely_moves_is_drawn_flat(monkeypatch, tmp_path):
    """On an axis from 0 the first epoch's loss (2.1) squashed the later ones onto the bottom line: the loss panel is a
    log axis, said in its title and label, in plain numbers, and a run that learnt nothing (2.3027 -> 2.3025) keeps
    a decade of axis, so it is drawn flat, not as a fall across the panel (no '+2.302' offset either)."""
    from tinydigits.results.figures import plt

    for epochs in (LEARNT, FLAT):
        fig = drawn(monkeypatch, report, lambda epochs=epochs: report.plot_curves(epochs, tmp_path / "curves.png"))
        loss = next(ax for ax in fig.axes if ax.get_title().startswith("loss"))
        assert loss.get_yscale() == "log" and "log scale" in loss.get_title() and "log scale" in loss.get_ylabel()
        low, high = loss.get_ylim()
        assert high / low >= 10 and low <= min(e.test_loss for e in epochs) and high >= max(e.train_loss for e in epochs)
        assert loss.yaxis.get_offset_text().get_text() == ""
        shown = [t.get_text() for t in loss.get_yticklabels() if t.get_text() and low <= t.get_position()[1] <= high]
        assert shown and all("10^" not in t and "e-" not in t for t in shown), shown  # plain numbers: 0.5, 1, 2
        plt.close(fig)


# The rates of a step schedule that halves every 2 epochs, a constant one and a one-cycle's
STEP_RATES, ONE_RATE = [0.05, 0.05, 0.025, 0.025, 0.0125], [0.02] * 5
CYCLE_RATES = [0.004, 0.02, 0.06, 0.1, 0.09, 0.07, 0.05, 0.03, 0.012, 0.002]


@pytest.mark.parametrize("rates", [STEP_RATES, ONE_RATE, CYCLE_RATES], ids=["step", "constant", "onecycle"])
def test_the_rate_panel_has_numbers_on_its_axis(rates, monkeypatch, tmp_path):
    """A log axis between 0.0125 and 0.05 holds no power of ten: the rate panel had no number on it. Its ticks are
    now the rates the run used (a few) or five spread over them, each labelled, inside the panel."""
    from tinydigits.results.figures import plt

    rows = (LEARNT * 2)[: len(rates)]
    epochs = [dataclasses.replace(e, epoch=i + 1, lr=lr) for i, (e, lr) in enumerate(zip(rows, rates, strict=True))]
    fig = drawn(monkeypatch, report, lambda: report.plot_curves(epochs, tmp_path / "curves.png"))
    rate = next(ax for ax in fig.axes if ax.get_title().startswith("learning rate"))
    low, high = rate.get_ylim()
    labels = {float(t.get_text()) for t in rate.get_yticklabels() if t.get_text() and low <= t.get_position()[1] <= high}
    assert len(labels) >= min(len(set(rates)), 3), labels
    if len(set(rates)) <= 6:  # each rate the run used, written on the axis
        assert labels == set(rates)
    assert rate.get_yscale() == ("linear" if len(set(rates)) == 1 else "log")
    plt.close(fig)


def test_a_pictures_title_names_whose_curves_and_digits_they_are(monkeypatch, tmp_path):
    from tinydigits.results.figures import plt

    fig = drawn(monkeypatch, report, lambda: report.plot_curves(LEARNT, tmp_path / "c.png", title="step 2: m, seed 0"))
    assert fig.get_suptitle() == "step 2: m, seed 0"
    assert all(ax.has_data() for ax in fig.axes)  # no empty panel
    plt.close(fig)
    rows = [{"digit": d, "accuracy": 99.0, "errors": 10, "support": 1000} for d in range(10)]
    fig = drawn(monkeypatch, report, lambda: report.plot_per_class(rows, tmp_path / "p.png", "step 2: m, seed 0"))
    assert fig.axes[0].get_title().startswith("step 2: m, seed 0: test errors per digit (100 in all)")
    plt.close(fig)


def test_every_panel_of_the_curves_has_a_legend_that_names_its_lines(monkeypatch, tmp_path):
    from tinydigits.results.figures import plt

    fig = drawn(monkeypatch, report, lambda: report.plot_curves(LEARNT, tmp_path / "curves.png"))
    for ax in fig.axes:
        legend = ax.get_legend()
        assert legend is not None, ax.get_title()
        labels = [t.get_text() for t in legend.get_texts()]
        assert labels == [line.get_label() for line in ax.get_lines()], ax.get_title()
    rate = next(ax for ax in fig.axes if ax.get_title().startswith("learning rate"))
    assert [t.get_text() for t in rate.get_legend().get_texts()] == ["recorded at each epoch's start"]
    assert [line.get_linestyle() for line in rate.get_lines()] == ["None"]  # no course known: dots, no slopes
    plt.close(fig)


def _rate_panel(monkeypatch, tmp_path, epochs, marks):
    fig = drawn(monkeypatch, report, lambda: report.plot_curves(epochs, tmp_path / "curves.png", marks))
    return fig, next(ax for ax in fig.axes if ax.get_title().startswith("learning rate"))


def _run(epochs, **config) -> records.Run:
    base = {"model": "m", "epochs": len(epochs), "seed": 0, "train_images": 640, "batch_size": 64}
    return records.Run.from_files(Path("."), {**base, **config}, {"model": "m", "params": 7000,
                                                                  "epochs": [e.row() for e in epochs]})


@pytest.mark.parametrize("scheduler", ["step", "plateau", "none"])
def test_a_rate_held_within_each_epoch_is_drawn_as_a_staircase_to_the_last_epochs_end(scheduler, monkeypatch,
                                                                                        tmp_path):
    """A schedule that steps once an epoch holds the rate to the next epoch's start: a line joining the dots drew
    slopes the rate never had. Each epoch's rate is drawn flat to the next, the last one to its end."""
    from tinydigits.results.figures import plt

    epochs = [dataclasses.replace(e, lr=lr) for e, lr in zip(LEARNT, STEP_RATES, strict=True)]
    marks = report.CurveMarks.of(_run(epochs, scheduler=scheduler))
    assert marks.rate_course == "steps"
    fig, rate = _rate_panel(monkeypatch, tmp_path, epochs, marks)
    stairs = [line for line in rate.get_lines() if line.get_drawstyle() == "steps-post"]
    assert len(stairs) == 1
    # epoch n's rate spans n - 0.5 to n + 0.5: drawn above its own number, as the other panels put its figures
    assert list(stairs[0].get_xdata()) == [0.5, 1.5, 2.5, 3.5, 4.5, 5.5]
    assert list(stairs[0].get_ydata()) == [*STEP_RATES, 0.0125]
    dots = [line for line in rate.get_lines() if line.get_linestyle() == "None"]
    assert len(dots) == 1 and list(dots[0].get_ydata()) == STEP_RATES
    assert list(dots[0].get_xdata()) == [0.5, 1.5, 2.5, 3.5, 4.5]  # each epoch's start, the left edge of its span
    assert {t.get_text() for t in rate.get_legend().get_texts()} == {"rate within each epoch,\nheld until the next",
                                                                     "recorded at each epoch's start"}
    plt.close(fig)


def test_a_one_cycle_is_replayed_batch_by_batch_through_its_peak_and_agrees_with_the_rates_a_run_recorded(
        mnist_dir, tmp_path, monkeypatch, no_test_pass):
    """A one-cycle steps every batch: its peak falls inside an epoch, and every epoch-start dot lies below it. Its
    course is replayed from the run's settings; the replay starts each epoch at the rate a real run recorded, and
    reaches the run's lr."""
    from helpers import train
    from tinydigits.results.figures import plt
    from tinydigits.training.config import TrainConfig

    cfg = TrainConfig(model="model3", epochs=4, seed=0, data_dir=str(mnist_dir), out=str(tmp_path / "runs"),
                      train_limit=640, batch_size=64, scheduler="onecycle", lr=0.1, val_split=0)
    with no_test_pass():  # the rates are the schedule's
        run = records.Run.load(train(cfg, quiet=True, log=lambda line: None).run_dir)
    marks = report.CurveMarks.of(run)
    assert marks.rate_course == "replayed" and [len(r) for r in marks.within] == [10] * 4
    assert [r[0] for r in marks.within] == pytest.approx([e.lr for e in run.epochs], rel=1e-6)
    assert max(e.lr for e in run.epochs) < 0.0999  # the log's rates miss the peak ...
    assert max(max(r) for r in marks.within) == pytest.approx(0.1, rel=1e-6)  # ... the replay reaches it
    fig, rate = _rate_panel(monkeypatch, tmp_path, run.epochs, marks)
    course = next(line for line in rate.get_lines() if line.get_label().startswith("rate within"))
    assert max(course.get_ydata()) == pytest.approx(0.1, rel=1e-6) and course.get_xdata()[-1] == 4.5  # the last epoch's end
    assert any(line.get_label().startswith("its peak, 0.1, within epoch") for line in rate.get_lines())
    low, high = rate.get_ylim()
    assert low <= min(course.get_ydata()) and max(course.get_ydata()) <= high
    plt.close(fig)
    other = _run(run.epochs, scheduler="onecycle", lr=0.2, train_images=run.train_images)  # not what made them
    assert report.CurveMarks.of(other).rate_course == "dots"


def test_the_per_class_bars_are_each_digits_errors_from_0(monkeypatch, tmp_path):
    """Bars of accuracy on 0-100 % drew 99.2 and 99.7 % alike: each bar is the digit's errors (its test images called
    another digit), from 0, with its accuracy from the counts written above it; a net that missed none says so."""
    from tinydigits.results.figures import plt

    errors = [29, 14, 167, 68, 50, 140, 31, 54, 235, 185]
    rows = [{"digit": d, "accuracy": a, "errors": e, "support": 1000} for d, a, e in
            zip(range(10), [97.0, 98.8, 83.8, 93.3, 94.9, 84.3, 96.8, 94.7, 75.9, 81.7], errors, strict=True)]
    rows[0] = {**rows[0], "support": 980, "accuracy": 97.041}  # 951 of 980: 97.04 %, from the counts
    fig = drawn(monkeypatch, report, lambda: report.plot_per_class(rows, tmp_path / "per_class.png"))
    (ax,) = fig.axes
    assert [bar.get_height() for bar in ax.patches] == errors and [bar.get_y() for bar in ax.patches] == [0] * 10
    assert ax.get_ylim()[0] == 0 and ax.get_ylim()[1] > max(errors) and "errors" in ax.get_ylabel()
    assert [t.get_text() for t in ax.texts][:2] == ["97.04 %", "98.60 %"]
    assert "test errors per digit (973 in all)" in ax.get_title()
    plt.close(fig)
    none = [{**r, "errors": 0} for r in rows]
    fig = drawn(monkeypatch, report, lambda: report.plot_per_class(none, tmp_path / "per_class.png"))
    assert fig.axes[0].get_title() == "no test digit missed" and fig.axes[0].get_ylim() == (0, 1.0)
    plt.close(fig)
    # a hand-in's steps on one error axis: the largest count of them all sets it, and the axis says it is shared
    fig = drawn(monkeypatch, report, lambda: report.plot_per_class(rows, tmp_path / "per_class.png", most=400))
    assert fig.axes[0].get_ylim() == (0, 480.0) and "one axis for every step" in fig.axes[0].get_ylabel()
    plt.close(fig)
