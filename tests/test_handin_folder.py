"""The hand-in folder runs alone and its pictures say what they show: each stepN-code.py, copied into an empty folder,
builds the model that trained (in a fresh interpreter with tinydigits blocked) and loads with `--model FILE:Class`; a
notebook's class loses its cell's training calls and gains the helpers and imports of the other cells; steps.png's
zoom panel exists only where a curve enters it; check.png's normal curve stays inside 0-100 %; every picture's alt
text describes it. Saved run folders (tests/data/byte_identical) and steps made to order: no training."""

from __future__ import annotations

import ast
import dataclasses
import json
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PIL import Image

from helpers import handin_text, run_main, step_blocks
from tinydigits.results import records, standalone
from tinydigits.results import steps as rules
from tinydigits.training.runfolder import read_per_class

DATA = Path(__file__).parent / "data" / "byte_identical"
RUN1, RUN2 = DATA / "model1-20261126T033643Z-s0", DATA / "model2-20261126T040000Z-s0"
CHECK = DATA / "check-model3b-20261126T050000Z"

# Two notebook cells as a run records them: the first defines the helper and imports, the second uses them; both train.
CELL1 = textwrap.dedent('''
    from torch import nn
    import tinydigits

    DROP = 0.1

    def block(c_in, c_out, k=3, p=0.0):
        return [nn.Conv2d(c_in, c_out, k), nn.ReLU()] + ([nn.Dropout(p)] if p else [])

    class Model_1(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = nn.Sequential(*block(1, 8), nn.MaxPool2d(2), *block(8, 16), nn.AdaptiveAvgPool2d(1),
                                     nn.Conv2d(16, 10, 1), nn.Flatten())

        def forward(self, x):
            return self.net(x)

    tinydigits.summary(Model_1)
    step1 = tinydigits.train(Model_1, epochs=15)
''')
CELL2 = textwrap.dedent('''
    class Model_2(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = nn.Sequential(*block(1, 8, p=DROP), nn.MaxPool2d(2), *block(8, 16), nn.AdaptiveAvgPool2d(1),
                                     nn.Conv2d(16, 10, 1), nn.Flatten())

        def forward(self, x):
            return F.log_softmax(self.net(x), dim=1)

    step2 = tinydigits.train(Model_2, epochs=15)
''')


def run_alone(folder: Path, name: str) -> subprocess.CompletedProcess:
    """`python NAME` in `folder` by a fresh interpreter in isolated mode, with tinydigits made unimportable."""
    code = f"import runpy, sys; sys.modules['tinydigits'] = None; runpy.run_path({name!r}, run_name='__main__')"
    return subprocess.run([sys.executable, "-I", "-c", code], cwd=folder, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def three(tmp_path_factory) -> Path:
    """The saved three steps' hand-in (two runs and a check of registered models)."""
    out = tmp_path_factory.mktemp("handin") / "three"
    proc = run_main("report", str(RUN1), str(RUN2), str(CHECK), "--steps", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    return out


def test_each_registered_steps_code_file_builds_its_model_in_an_empty_folder(three, tmp_path, monkeypatch):
    readme = handin_text(three)
    for i, run in enumerate((RUN1, RUN2, next(CHECK.glob("*-s0"))), 1):
        empty = tmp_path / f"empty{i}"
        empty.mkdir()
        shutil.copy(three / f"step{i}-code.py", empty)
        assert [p.name for p in empty.iterdir()] == [f"step{i}-code.py"]
        proc = run_alone(empty, f"step{i}-code.py")
        assert proc.returncode == 0, proc.stderr
        params = records.Run.load(run).params
        assert f"{params:,} parameters" in proc.stdout, proc.stdout  # the very model that trained, built by PyTorch
        tree = ast.parse((empty / f"step{i}-code.py").read_text())
        assert not [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and "tinydigits" in (n.module or "")]
        cls = re.search(rf"`tinydigits summary --model step{i}-code.py:(\w+)`", readme).group(1)
        monkeypatch.chdir(empty)
        shown = run_main("summary", "--model", f"step{i}-code.py:{cls}")
        assert shown.returncode == 0 and f"{params:,}" in shown.stdout, shown.stderr


def test_a_notebook_cell_keeps_its_class_and_takes_its_helpers_from_the_other_cells(tmp_path):
    ref = "Model_2-inline0123456789ab"
    exported = standalone.for_run(CELL2, {"kind": "registry", "name": ref}, ref, [CELL1, CELL2])
    assert exported.name == "Model_2" and exported.helpers == ["block", "DROP"]
    assert exported.unresolved == [] and not exported.needs_tinydigits
    text = exported.text
    assert "tinydigits" not in text and "train(" not in text and "class Model_1" not in text  # no training, no step 1
    assert "import torch.nn.functional as F" in text and "from torch import nn" in text  # F: the usual alias
    (tmp_path / "step2-code.py").write_text(text)
    proc = run_alone(tmp_path, "step2-code.py")
    assert proc.returncode == 0, proc.stderr
    assert "Model_2: 1,418 parameters" in proc.stdout, proc.stdout


def test_a_name_no_record_defines_is_said(tmp_path):
    cell = "class Model_3(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.b = mystery(8)\n"
    ref = "Model_3-inline0123456789ab"
    exported = standalone.for_run(cell, {"kind": "registry", "name": ref}, ref, [])
    assert exported.unresolved == ["mystery"] and "from torch import nn" in exported.text


def _inline_run(tmp_path: Path, code: str, name: str) -> Path:
    """RUN2's record as a notebook's class `name` would leave it: its ref, origin and code the cell's."""
    run = records.Run.load(RUN2)
    ref = f"{name}-inline0123456789ab"
    run = dataclasses.replace(run, settings=dataclasses.replace(run.settings, model=ref), name=ref,
                              origin={"kind": "registry", "name": ref}, code=code)
    return run.save(tmp_path / f"{ref}-20261126T040000Z-s0")


def test_a_notebook_is_copied_where_its_kernel_names_it_else_said_missing(tmp_path, monkeypatch):
    from tinydigits.results import handin

    folders = [_inline_run(tmp_path, CELL1, "Model_1"), _inline_run(tmp_path, CELL2, "Model_2")]
    handin.write_up(folders, str(tmp_path / "outside"))
    text = handin_text(tmp_path / "outside")
    assert "the notebook it came from is not in this folder: it was written outside the notebook's kernel" in text
    (tmp_path / "by-hand").mkdir()  # a notebook put beside the README by hand: named, never said to be missing
    (tmp_path / "by-hand" / "mysteps.ipynb").write_text("{}")
    handin.write_up(folders, str(tmp_path / "by-hand"))
    text = handin_text(tmp_path / "by-hand")
    assert "not in this folder" not in text and "this folder holds [mysteps.ipynb](mysteps.ipynb), put here by hand" in text

    notebook = tmp_path / "mine.ipynb"
    notebook.write_text('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}')

    class ZMQInteractiveShell:  # what a Jupyter kernel's shell is called
        user_ns = {"__session__": str(notebook)}

    import IPython

    monkeypatch.setattr(IPython, "get_ipython", lambda: ZMQInteractiveShell())
    _, readme = handin.write_up(folders, str(tmp_path / "kernel"))
    assert "[mine.ipynb](mine.ipynb)" in handin_text(readme.parent)
    assert (readme.parent / "mine.ipynb").read_text() == notebook.read_text()
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(readme.parent / "step2-code.py", alone)  # step 2's cell uses step 1's `block`: written out in it
    proc = run_alone(alone, "step2-code.py")
    assert proc.returncode == 0 and "Model_2: 1,418 parameters" in proc.stdout, proc.stderr


def _step(test: list[float], name: str = "m", **settings) -> rules.Step:
    epochs = [{"epoch": i + 1, "train_acc": a - 0.1, "test_acc": a, "train_loss": 0.1, "test_loss": 0.1, "lr": 0.1,
               "seconds": 1.0} for i, a in enumerate(test)]
    config = {"model": name, "epochs": len(test), "seed": 0, "train_images": 60_000, "budget": {"last": 3}, **settings}
    return rules.Step(records.Run.from_files(Path("."), config, {"model": name, "params": 7000, "epochs": epochs}))


def test_the_zoom_panel_is_drawn_only_when_a_step_comes_near_the_line():
    from tinydigits.results.figures import plt
    from tinydigits.results.handin import near_the_line, steps_alt, steps_figure

    far = [_step([80.0, 90.0, 95.0, 97.0]), _step([85.0, 92.0, 96.0, 97.8])]  # the zoom starts at 97.9
    near = [*far, _step([97.0, 98.5, 99.2, 99.45])]
    assert not near_the_line(far) and near_the_line(near)
    # a best epoch near the line with its scored epochs below it: no zoom that would hold them off its axis
    assert not near_the_line([_step([90.0, 96.0, 97.0, 98.3])])
    fig = steps_figure(far)  # far from the line: the error panel still shows the line, as an error of 0.6 %
    assert fig.axes[1].get_ylim()[0] < 100 - 99.4 and any(
        list(line.get_ydata()) == [100 - 99.4] * 2 for line in fig.axes[1].get_lines())
    plt.close(fig)
    for steps, panels in ((far, 2), (near, 3)):
        fig = steps_figure(steps)
        titles = [ax.get_title() for ax in fig.axes]
        assert len(fig.axes) == 2 * panels and ("accuracy near the line" in " ".join(titles)) == (panels == 3)
        # test figures in the top row, train in the bottom one: a panel of each kind, never the two in one
        assert [t.split()[0] for t in titles] == ["test"] * panels + ["train"] * panels
        labels = [t.get_text() for legend in fig.legends for t in legend.get_texts()]
        assert [label for label in labels if label.startswith("step ")] == [f"step {i}: m (seed 0)"
                                                                            for i in range(1, len(steps) + 1)]
        assert any(label.startswith("test") for label in labels) and any(label.startswith("train") for label in labels)
        plt.close(fig)
        assert ("near the" in steps_alt(steps)) == (panels == 3)


def test_the_steps_middle_panel_is_each_steps_error_rate_on_a_log_axis_and_marks_where_augmentation_stops():
    """On a 0-100 % accuracy axis every epoch past the first sat squashed at the top: the middle panel is the error
    rate (100 - accuracy) on a log axis, the budget's line as an error; a step whose augmentation stops before its
    end has a line in its colour there, named in the legend, and a step without one has none."""
    from tinydigits.results.figures import plt
    from tinydigits.results.handin import steps_alt, steps_figure

    plain = _step([80.0, 97.0, 99.0, 99.3, 99.45])
    rotated = _step([90.0, 98.0, 99.2, 99.5, 99.6], "r", augment_degrees=10.0, augment_off_last=2)
    fig = steps_figure([plain, rotated])
    middle, below = fig.axes[1], fig.axes[4]  # the error rate: test above, train below it on the same axis
    assert middle.get_yscale() == "log" and "error rate" in middle.get_title() and below.get_ylim() == middle.get_ylim()

    def drawn(ax) -> list[list[float]]:
        return [[round(y, 6) for y in line.get_ydata()] for line in ax.get_lines() if len(line.get_xdata()) == 5]

    assert [20.0, 3.0, 1.0, 0.7, 0.55] in drawn(middle) and [10.1, 2.1, 0.9, 0.6, 0.5] in drawn(below)  # train: - 0.1
    assert [10.1, 2.1, 0.9, 0.6, 0.5] not in drawn(middle)
    for ax in (middle, below):
        assert [round(y, 6) for line in ax.get_lines() for y in line.get_ydata() if list(line.get_xdata()) == [0, 1]
                ] == [0.6, 0.6]  # the budget's line, as an error
    low, high = middle.get_ylim()
    assert low <= 0.5 and high >= 20.1
    for ax in fig.axes:
        stops = [line for line in ax.get_lines() if list(line.get_ydata()) == [0, 1]]  # vertical lines
        assert [(list(line.get_xdata()), line.get_color()) for line in stops] == [([3.5, 3.5], "C1")], ax.get_title()
    labels = [t.get_text() for legend in fig.legends for t in legend.get_texts()]
    assert ("step 2: augmentation off from epoch 4 (drawn between epochs 3 and 4; its train line up to epoch 3: on "
            "augmented digits)") in labels
    assert not any("step 1: augmentation" in t for t in labels)
    assert "error rate (100 - accuracy)" in steps_alt([plain, rotated]) and "step 2 from epoch 4" in steps_alt(
        [plain, rotated])
    plt.close(fig)
    fig = steps_figure([plain])
    assert not any(list(line.get_ydata()) == [0, 1] for ax in fig.axes for line in ax.get_lines())
    assert "augmentation" not in steps_alt([plain])
    plt.close(fig)


def test_the_checks_normal_curve_stays_inside_0_to_100():
    from tinydigits.results.check_picture import normal_curve

    ys, density = normal_curve(99.8, 0.3, [99.5, 100.0, 99.395])
    assert max(ys) <= 100.0 and min(ys) >= 0.0 and len(ys) == len(density)
    assert max(ys) == 100.0 and min(ys) == pytest.approx(99.395 - 0.6)  # 2 sd below the lowest, cut at 100 above
    ys, _ = normal_curve(1.0, 2.0, [0.5, 3.0])
    assert min(ys) == 0.0


def test_every_picture_of_a_hand_in_has_an_alt_text_that_describes_it(three, tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    from tinydigits.results.report import plot_per_class

    for run in (RUN1, RUN2):  # the saved runs carry no pictures: give them a per-class one and a curve picture
        copy = tmp_path / run.name
        shutil.copytree(run, copy)
        plot_per_class([vars(r) for r in records.Run.load(copy).per_class], copy / "per_class.png")
        shutil.copy(copy / "per_class.png", copy / "curves.png")
    proc = run_main("report", str(tmp_path / RUN1.name), str(tmp_path / RUN2.name), "--steps", "--out",
                    str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    for text in (handin_text(three), handin_text(tmp_path / "out")):
        pictures = re.findall(r"!\[([^\]]*)\]\(([^)]+)\)", text)
        assert pictures
        for alt, path in pictures:
            bare = {path, Path(path).stem, Path(path).stem.replace("_", " "), Path(path).stem.split("-")[-1]}
            assert alt not in bare and not alt.endswith(".png") and len(alt.split()) >= 6, (alt, path)
    assert "test errors per digit (its images called another digit)" in handin_text(tmp_path / "out")
    # curves.png is drawn again from the epochs each run records (not the stand-in copied above), and its alt text
    # names the zoom panel that this version draws
    from PIL import Image

    from tinydigits.results.report import accuracy_zoom

    text = handin_text(tmp_path / "out")
    for i, run in enumerate((RUN1, RUN2), 1):
        with Image.open(tmp_path / "out" / f"step{i}-curves.png") as drawn, Image.open(copy / "per_class.png") as old:
            assert drawn.width > 1.5 * old.width
        zoom = accuracy_zoom(records.Run.load(run).epochs)
        (alt,) = re.findall(rf"!\[([^\]]*)\]\(step{i}-curves.png\)", text)
        assert zoom is not None and alt.endswith(f"accuracy from epoch {zoom} on a zoomed axis"), alt


def local_links(text: str) -> list[str]:
    """Every relative link and image of a Markdown page (web links and pure anchors left out), without its anchor."""
    targets = re.findall(r"!?\[[^\]]*\]\(([^)\s]+)\)", text)
    return [t.split("#")[0] for t in targets if not re.match(r"[a-z]+:", t) and not t.startswith("#")]


def test_each_steps_records_lie_beside_the_readme_small_parsed_back_and_linked(three):
    """The figures of a hand-in can be checked from its folder alone: each step's metrics.json, config.json and
    per_class.csv (a check's check.json and plan.json too), byte for byte as the run wrote them, each linked from the
    README; every local link resolves; nothing large, no checkpoint."""
    from tinydigits.results import handin

    text = handin_text(three)
    links = local_links(text)
    assert links and [link for link in links if not (three / link).is_file()] == []  # every local link resolves
    blocks = step_blocks(text)
    for i, (run, block) in enumerate(zip((RUN1, RUN2, next(CHECK.glob("*-s0"))), blocks, strict=True), 1):
        names = [records.METRICS, records.CONFIG, records.PER_CLASS] + ([records.CHECK, records.PLAN] if i == 3 else [])
        for name in names:
            copy = three / f"step{i}-{name}"
            source = (CHECK if name in (records.CHECK, records.PLAN) else run) / name
            assert copy.read_bytes() == source.read_bytes(), copy.name
            assert f"[{copy.name}]({copy.name})" in block, copy.name  # linked from its own step
        loaded = records.Run.from_files(three, json.loads((three / f"step{i}-config.json").read_text()),
                                        json.loads((three / f"step{i}-metrics.json").read_text()),
                                        read_per_class(three / f"step{i}-per_class.csv"))
        assert loaded.test() == records.Run.load(run).test() and len(loaded.per_class) == 10
        assert re.search(rf"Epoch log \(seed 0, \[step{i}-metrics.json\]", block)
        assert f"Per class (test set, seed 0; [step{i}-per_class.csv](step{i}-per_class.csv))" in block
    verdict = records.Verdict.of(json.loads((three / "step3-check.json").read_text()))
    assert sorted(verdict.seeds) == [0, 1, 2, 3, 4] and "as the check recorded it: [step3-check.json]" in blocks[2]
    assert not [p.name for p in three.iterdir() if p.suffix in (".pt", ".ckpt", ".pth", ".bin")]
    assert max(p.stat().st_size for p in three.iterdir() if p.suffix in (".json", ".csv")) < 200_000
    assert handin.RECORD_BYTES_MAX <= 200_000


def test_a_record_too_large_for_a_committed_folder_is_not_copied(tmp_path):
    from tinydigits.results import handin

    run = tmp_path / RUN1.name
    shutil.copytree(RUN1, run)
    metrics = json.loads((run / "metrics.json").read_text())
    (run / "metrics.json").write_text(json.dumps({**metrics, "padding": "x" * handin.RECORD_BYTES_MAX}))
    text, readme = handin.write_up([run], str(tmp_path / "out"))
    assert not (readme.parent / "step1-metrics.json").exists() and (readme.parent / "step1-config.json").is_file()
    assert "[step1-metrics.json]" not in text and [p for p in local_links(text) if not (readme.parent / p).is_file()] == []
    assert "not copied, over the 200 kB a committed folder takes: metrics.json (" in handin_text(readme.parent)


def _figure_titles(fig) -> str:
    return " | ".join([fig.get_suptitle(), *(ax.get_title() for ax in fig.axes), *(t.get_text() for t in fig.texts)])


def test_every_picture_of_a_hand_in_is_titled_with_its_step_and_seed_and_has_no_empty_panel(tmp_path, monkeypatch):
    """Each picture a hand-in writes says its step and seed in its title (those drawn again from the records, and those
    it takes from the run folder, which get a band above them), and no panel of any is empty."""
    from tinydigits.results import handin, report
    from tinydigits.results.figures import plt

    stand_in = tmp_path / "stand-in.png"
    report.plot_per_class([vars(r) for r in records.Run.load(RUN1).per_class], stand_in)
    folders = []
    for folder in (RUN1, RUN2, CHECK):  # the saved folders carry no pictures: each gets stand-ins to copy
        copy = tmp_path / folder.name
        shutil.copytree(folder, copy)
        shown = next(copy.glob("*-s0")) if folder == CHECK else copy
        for name in handin.PICTURES:
            shutil.copy(stand_in, shown / name)
        if folder == CHECK:
            shutil.copy(stand_in, copy / "check.png")
        folders.append(copy)
    drawn: dict[str, object] = {}
    for module in (handin, report):
        real = module.save_figure
        monkeypatch.setattr(module, "save_figure", lambda fig, path, tight=True, real=real:
                            drawn.__setitem__(Path(path).name, fig) or real(fig, path, tight))
    handin.write_up(folders, str(tmp_path / "out"))
    expected = {f"step{i}-{name}" for i in (1, 2, 3) for name in handin.PICTURES} | {"step3-check.png", "steps.png"}
    assert set(drawn) == expected
    for name, fig in drawn.items():
        titles = _figure_titles(fig)
        if name == "steps.png":
            assert "steps 1-3, seed 0 each" in titles, titles
        else:
            assert f"step {name[4]}: " in titles and ("seed 0" in titles), (name, titles)
        assert all(ax.has_data() for ax in fig.axes) and (fig.axes or fig.images), name  # no empty panel
        plt.close(fig)
    assert "seeds 0, 1, 2, 3, 4 (seed 0 shown in detail)" in _figure_titles(drawn["step3-check.png"])
    curves = drawn["step1-curves.png"]
    assert curves.axes[0].get_yscale() == "log" and curves.get_suptitle() == "step 1: model1, seed 0"
    with Image.open(tmp_path / "out" / "step1-misclassified.png") as titled, Image.open(stand_in) as own:
        assert titled.width == own.width and titled.height > own.height  # its pixels as drawn, a band above them


def test_steps_png_draws_the_loss_on_a_log_axis_with_numbers():
    from tinydigits.results.figures import plt
    from tinydigits.results.handin import steps_figure

    fig = steps_figure([_step([80.0, 90.0, 95.0, 97.0]), _step([85.0, 92.0, 96.0, 97.8])])
    fig.canvas.draw()
    loss = fig.axes[0]
    assert loss.get_yscale() == "log" and "log scale" in loss.get_title()
    low, high = loss.get_ylim()
    assert [t.get_text() for t in loss.get_yticklabels() if t.get_text() and low <= t.get_position()[1] <= high]
    assert fig.get_suptitle() == "steps 1-2, seed 0 each"
    plt.close(fig)


def test_steps_png_marks_each_steps_train_line_with_its_own_hollow_shape():
    """Two steps' train lines can coincide: each carries a hollow mark of its own shape, so both stay findable."""
    from tinydigits.results.figures import plt
    from tinydigits.results.handin import steps_figure

    fig = steps_figure([_step([80.0, 90.0, 95.0, 97.0]), _step([80.0, 90.0, 95.0, 97.0])])
    train = [line for line in fig.axes[3].get_lines() if line.get_linestyle() == "--"]  # the train row's error rate
    assert not any(line.get_linestyle() == "--" for line in fig.axes[1].get_lines())  # none in the test row
    assert len(train) == 2 and len({line.get_marker() for line in train}) == 2
    assert all(line.get_markerfacecolor() == "none" for line in train)
    plt.close(fig)


def test_steps_png_draws_a_smoothed_steps_train_loss_floor():
    """A label-smoothed train loss cannot fall below the smoothed target's entropy: its floor is drawn and named, so a
    plateau there is not read as a poor fit beside a plain step's loss."""
    from tinydigits.results.figures import plt
    from tinydigits.results.handin import smoothing_floor, steps_alt, steps_figure

    steps = [_step([80.0, 90.0, 95.0, 97.0]), _step([80.0, 90.0, 95.0, 97.0], label_smoothing=0.05)]
    fig = steps_figure(steps)
    floors = [line for line in fig.axes[2].get_lines() if line.get_linestyle() == ":"]  # the train row's loss
    assert "train loss" in fig.axes[2].get_title()
    assert len(floors) == 1 and floors[0].get_ydata()[0] == pytest.approx(smoothing_floor(0.05))
    plt.close(fig)
    assert "a dotted line at a smoothed train loss's floor (step 2's, 0.28 at label smoothing 0.05)" in steps_alt(steps)


def test_a_hand_ins_per_class_pictures_share_one_error_axis(tmp_path, monkeypatch):
    """Each step's per-class bars on an axis of its own drew 21 and 12 errors the same height: a hand-in draws every
    step's on one axis, set by the largest count of them all."""
    from tinydigits.results import handin

    seen, draw = [], handin.plot_per_class
    monkeypatch.setattr(handin, "plot_per_class", lambda rows, path, title="", most=None: seen.append(
        (max(int(r["errors"]) for r in rows), most)) or draw(rows, path, title, most))
    for run in (RUN1, RUN2):
        shutil.copytree(run, tmp_path / run.name)
        (tmp_path / run.name / "per_class.png").write_bytes(b"")  # a picture to draw again
    handin.write_up([tmp_path / RUN1.name, tmp_path / RUN2.name], str(tmp_path / "out"))
    assert len(seen) == 2
    assert {most for _, most in seen} == {handin.shared_errors([[own] for own, _ in seen])}
    # one axis where the steps' largest counts are within SHARED_SPAN of one another; else an axis each, so that a
    # step that missed a few dozen is not drawn as slivers beside one that missed a thousand
    assert handin.shared_errors([[19, 3], [15], [10]]) == 19
    assert handin.shared_errors([[1135, 980], [29], [25]]) is None
    assert handin.shared_errors([[0], [5]]) is None and handin.shared_errors([]) is None
