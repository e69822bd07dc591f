from __future__ import annotations

import pytest
from torch import nn

from tinydigits import models
from tinydigits.constants import Budget
from tinydigits.models import summary
from tinydigits.results.budget import format_verdict, judge

# Pinned so a change in any of the three steps is deliberate (and the README table is re-measured).
PINNED_PARAMS = {"model1": 7352, "model2": 7432, "model3": 7568, "robust": 7568, "lean": 7568, "poolbn": 7568,
                 "steady": 7568, "fast": 7330, "golf": 3760}


@pytest.mark.parametrize("name", sorted(PINNED_PARAMS))
def test_param_counts_are_pinned_and_within_budget(name):
    model = models.create(name)
    assert models.count_params(model) == PINNED_PARAMS[name]
    assert models.count_params(model) < 8000
    assert summary.totals(summary.summarize(model))["params"] == PINNED_PARAMS[name]


def rf_jump(*modules: nn.Module, size: int = 28) -> list[tuple[int, int]]:
    rows = summary.summarize(nn.Sequential(*modules), (1, size, size))
    return [(r.rf, r.jump) for r in rows]


def test_rf_conv3_stride1_twice():
    assert rf_jump(nn.Conv2d(1, 2, 3), nn.Conv2d(2, 2, 3)) == [(3, 1), (5, 1)]


def test_rf_conv3_stride2_then_conv3():
    # 3; then 3 + (3-1)*2 = 7, jump 2
    assert rf_jump(nn.Conv2d(1, 2, 3, stride=2), nn.Conv2d(2, 2, 3)) == [(3, 2), (7, 2)]


def test_rf_maxpool_then_conv():
    # conv 3 -> pool: 3 + 1*1 = 4, jump 2 -> conv: 4 + 2*2 = 8
    assert rf_jump(nn.Conv2d(1, 2, 3), nn.MaxPool2d(2), nn.Conv2d(2, 2, 3)) == [(3, 1), (4, 2), (8, 2)]


def test_rf_dilation_and_1x1():
    # dilated k3 d2 behaves as k5: RF 5; 1x1 changes nothing
    assert rf_jump(nn.Conv2d(1, 2, 3, dilation=2), nn.Conv2d(2, 4, 1)) == [(5, 1), (5, 1)]


def test_rf_global_average_pool_covers_the_map():
    # conv 3 on 8x8 -> 6x6 map, RF 3; GAP adds (6-1)*1 -> 8, jump 6
    assert rf_jump(nn.Conv2d(1, 2, 3), nn.AdaptiveAvgPool2d(1), size=8) == [(3, 1), (8, 6)]


def test_macs_of_a_conv():
    rows = summary.summarize(nn.Sequential(nn.Conv2d(1, 8, 3, bias=False)))
    assert rows[0].macs == 26 * 26 * 8 * 9 and rows[0].output == [8, 26, 26]


def test_a_batch_norm_after_a_max_pool_says_its_fold_needs_a_positive_scale():
    """Batch norm folds exactly into the conv right before it; across a max-pool (or a ReLU) only where each channel's
    scale is positive: the table's note says so for those layers, and nothing where every one follows its conv."""
    apart = summary.format_table(summary.summarize(nn.Sequential(
        nn.Conv2d(1, 4, 3, bias=False), nn.MaxPool2d(2), nn.BatchNorm2d(4), nn.ReLU(),
        nn.Conv2d(4, 4, 3, bias=False), nn.BatchNorm2d(4), nn.ReLU())))
    assert "; 2 follows a MaxPool2d, not its conv: the fold holds where each channel's scale is positive" in apart
    assert "5 follows" not in apart
    direct = summary.format_table(summary.summarize(nn.Sequential(nn.Conv2d(1, 4, 3, bias=False), nn.BatchNorm2d(4))))
    assert "the fold holds" not in direct


def test_summary_table_has_totals():
    rows = summary.summarize(models.create("model3"))
    text = summary.format_table(rows)
    assert "total" in text and f"{PINNED_PARAMS['model3']:,}" in text
    assert summary.totals(rows)["receptive_field"] >= 28


BUDGET = Budget(max_params=8000, max_epochs=15, last=3, min_acc=99.4)


def test_verdict_passes_when_every_seed_holds():
    curves = {0: [98.0] * 12 + [99.41, 99.45, 99.5], 1: [98.0] * 12 + [99.4, 99.42, 99.44]}
    result = judge(curves, 7432, 15, BUDGET)
    assert result.passed and all(s.passed for s in result.seeds.values())
    assert "VERDICT: PASS" in format_verdict(result, BUDGET)


def test_a_dip_in_the_last_epochs_fails():
    curves = {0: [98.0] * 12 + [99.5, 99.39, 99.5], 1: [98.0] * 12 + [99.5, 99.5, 99.5]}
    result = judge(curves, 7432, 15, BUDGET)
    assert not result.passed and not result.seeds[0].passed and result.seeds[1].passed
    assert "VERDICT: FAIL" in format_verdict(result, BUDGET)


def test_a_peak_before_the_last_epochs_does_not_count():
    curves = {0: [99.6] * 12 + [99.3, 99.3, 99.3]}
    assert not judge(curves, 7432, 15, BUDGET).passed


def test_params_and_epochs_are_judged():
    good = {0: [99.5] * 15}
    assert not judge(good, 8000, 15, BUDGET).constraints["params"].passed  # fewer than 8,000
    assert not judge({0: [99.5] * 16}, 7000, 16, BUDGET).passed
    assert not judge({0: [99.5] * 10}, 7000, 15, BUDGET).passed  # an interrupted run


def test_deployment_figures_match_a_hand_count_for_model1():
    """model1: convs with biases, no batch norm. Weights: 7,352 params at 4 bytes; int8: 7,272 conv weights at a
    byte, a 4-byte scale per output channel (90) and a 4-byte bias per biased channel (80). Peak RAM: the second
    conv reads 8x26x26 = 5,408 values and writes 16x24x24 = 9,216 (the ReLUs run in place)."""
    t = summary.totals(summary.summarize(models.create("model1")))
    assert t["weight_bytes_fp32"] == 4 * 7352
    assert t["weight_bytes_int8"] == 7272 + 4 * 90 + 4 * 80
    assert (t["peak_ram_int8"], t["peak_ram_fp32"], t["peak_layer"]) == (5408 + 9216, 4 * (5408 + 9216), "layers.1.0")


def test_check_png_has_a_legend_for_every_mark(monkeypatch, tmp_path):
    """The normal curve, its red shading, the black ticks, the dotted mean, hollow and filled dots, the crosses and the
    budget's line each have a legend entry drawn as they are drawn, and saying what it is."""
    from matplotlib.colors import to_rgba

    from tinydigits.results import check_picture
    from tinydigits.results.figures import plt

    curves = {s: [98.0] * 12 + [99.38 + 0.02 * s, 99.45, 99.5] for s in range(6)} | {6: []}  # 6 raised, 7 not run
    verdict = judge(curves, 7432, 15, BUDGET, {6: "RuntimeError: out of memory"}, {7: "no worker could take it"})
    assert verdict.odds.probability is not None  # the normal was fitted: its curve, shading and mean are drawn
    figures = []
    monkeypatch.setattr(check_picture, "save_figure", lambda fig, path: figures.append(fig) or b"")
    check_picture.plot_check(verdict, BUDGET, "model2", tmp_path / "check.png")
    (fig,) = figures
    entries = {}
    for legend in [*fig.legends, *(ax.get_legend() for ax in fig.axes if ax.get_legend())]:
        entries |= {text.get_text(): handle for text, handle in zip(legend.get_texts(), legend.legend_handles,
                                                                      strict=True)}

    def entry(**style) -> str:
        """The one label whose handle is drawn with `style` (Line2D getters by name)."""
        found = [label for label, h in entries.items() if hasattr(h, "get_marker")
                 and all(getattr(h, f"get_{k}")() == v for k, v in style.items())]
        assert len(found) == 1, (style, list(entries))
        return found[0]

    assert "normal" in entry(linestyle="-", marker="None", color="C0")
    assert "mean" in entry(linestyle=":", color="C0")
    assert "minimum" in entry(marker="_", color="k")
    assert f"{BUDGET.min_acc} %" in entry(linestyle="--", color="C2")
    assert "last 3 epochs" in entry(marker="o", markerfacecolor="none")
    assert "minimum" in entry(marker="o", color="0.35", markerfacecolor="0.35")
    # a seed's colour is shown as the dot it is drawn with, not a shape the plot never draws
    assert entry(marker="o", markerfacecolor="C3").startswith("red") and "not hold" in entry(marker="o", color="C3")
    assert entry(marker="o", markerfacecolor="C0").startswith("blue") and "holds" in entry(marker="o", color="C0")
    assert "raised" in entry(marker="x", color="C3") and "not run" in entry(marker="x", color="0.6")
    shading = [label for label, h in entries.items() if not hasattr(h, "get_marker")]
    assert len(shading) == 1 and f"{verdict.odds.line:.3f} %" in shading[0]
    assert to_rgba(entries[shading[0]].get_facecolor()) == to_rgba("C3", 0.4)
    plt.close(fig)


# A step 3 as a second student checked it: their batch, schedule, augmentation, rate, epochs and image limit, and
# a budget judged over fewer epochs - each a setting the check's command must carry to train the same seeds again.
CHECKED = dict(epochs=5, train_limit=6000, batch_size=64, scheduler="step", step_size=2, step_gamma=0.5, lr=0.03,
               augment_degrees=5.0, augment_scale=(0.9, 1.1), augment_off_last=1, momentum=0.8, ema=0.99,
               portable=False, precision="fp32")


def _plan(model: str, jobs: int = 1):
    from tinydigits.lifecycle import make
    from tinydigits.training.config import TrainConfig

    return make(TrainConfig(model=model, **CHECKED), Budget(last=2), jobs=jobs)


class Net(nn.Module):
    """A notebook's class: defined in a cell, its module `__main__`."""

    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(1, 10, 28), nn.Flatten())

    def forward(self, x):
        return self.body(x)


def test_a_checks_command_from_python_trains_the_same_seeds_again():
    """A check started from Python writes a command that parses and plans the very same check: the same seeds,
    every setting (the batch, the schedule, the augmentation, the epochs, the image limit...), the arithmetic and the
    budget (it used to write `--model M --seeds S --jobs 1` alone, which trains the recipe's 15 epochs on all images)."""
    import shlex

    from tinydigits import settings
    from tinydigits.cli import build_parser, config_from_args
    from tinydigits.lifecycle import make
    from tinydigits.verdict.seeds import check_command

    plan = _plan("model1")
    command = check_command(plan, [0, 1, 2])
    assert command.startswith("tinydigits check --model model1 --seeds 0,1,2 ")
    args = build_parser().parse_args(shlex.split(command)[1:])
    again = make(config_from_args(args), settings.from_args(Budget, args), jobs=args.jobs)
    assert again.config == plan.config and again.budget == plan.budget and args.seeds == [0, 1, 2]


def test_a_notebook_classs_check_writes_the_notebooks_call_with_every_setting(monkeypatch):
    """A notebook's class is known to its notebook only (`check --model Net-inline<hash>` is `unknown model` in a new
    process): its check writes the `tinydigits.check(Net, ...)` call, which - run where `Net` is defined - plans the
    same check."""
    import tinydigits
    from tinydigits.api import model_ref
    from tinydigits.lifecycle import make
    from tinydigits.models import registry
    from tinydigits.training.config import TrainConfig
    from tinydigits.verdict.seeds import check_command

    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))  # the class registers in this test only
    Net.__module__ = "__main__"  # as a class defined in a notebook cell is
    try:
        plan = _plan(model_ref(Net), jobs=2)
        command = check_command(plan, [0, 1, 2])
        called = {}

        def check(model, seeds, jobs=1, budget=None, **given):
            called.update(model=model, seeds=seeds, jobs=jobs, budget=budget, given=given)

        eval(command, {"tinydigits": type("api", (), {"check": staticmethod(check), "Budget": tinydigits.Budget}),
                       "Net": Net})
    finally:
        Net.__module__ = __name__
    assert command.startswith("tinydigits.check(Net, seeds=[0, 1, 2], epochs=5, ") and "inline" not in command
    assert called["model"] is Net and called["seeds"] == [0, 1, 2] and called["jobs"] == 2
    again = make(TrainConfig(model=plan.config.model, **called["given"]), called["budget"], jobs=2)
    assert again.config == plan.config and again.budget == plan.budget


def test_a_check_from_python_records_that_command(tmp_path, monkeypatch):
    """`tinydigits.check`'s plan.json (and so check.md and check.json) carries `check_command`'s command."""
    import json

    from tinydigits.verdict import seeds

    monkeypatch.setattr(seeds, "_judge_seeds", lambda c, log: c.command)  # the plan written, no seed trained
    plan = _plan("model1").with_config(out=str(tmp_path))
    assert seeds.check(plan, [0, 1, 2], log=lambda _: None) == seeds.check_command(plan, [0, 1, 2])
    written = json.loads(next(tmp_path.glob("check-*/plan.json")).read_text())
    assert written["command"] == seeds.check_command(plan, [0, 1, 2])


def test_check_md_says_a_notebooks_call_is_run_in_its_notebook():
    from tinydigits.verdict.check_report import render_check

    verdict = judge({0: [99.5, 99.5, 99.5]}, 7000, 3, Budget())
    verdict.command = "tinydigits.check(Net, seeds=[0], epochs=3)"
    assert "`tinydigits.check(Net, seeds=[0], epochs=3)` in the notebook that defines the class" in render_check(
        verdict, Budget(), "Net")
    verdict.command = "tinydigits check --model model1 --seeds 0"
    assert "`tinydigits check --model model1 --seeds 0`  (0 s wall)" in render_check(verdict, Budget(), "model1")


def _drawn_check(monkeypatch, verdict):
    from tinydigits.results import check_picture

    figures = []
    monkeypatch.setattr(check_picture, "save_figure", lambda fig, path: figures.append(fig) or b"")
    check_picture.plot_check(verdict, BUDGET, "m", None)
    return figures[0]


def _legend_labels(fig) -> list[str]:
    return [t.get_text() for legend in fig.legends for t in legend.get_texts()]


def test_check_png_leads_with_the_count_and_gives_the_normal_models_odds_as_that_models(monkeypatch):
    """The title gave the normal model's P(new seed holds) as if it were the result: it leads with the seeds that
    held and the counted pass rate's bound, and gives the normal fit's odds on a line of its own, as the fit's."""
    from tinydigits.results.figures import plt
    from tinydigits.results.records import percent

    curves = {s: [98.0] * 12 + [99.45 + 0.02 * s, 99.5, 99.55] for s in range(6)}
    verdict = judge(curves, 7432, 15, BUDGET)
    odds = verdict.odds
    fig = _drawn_check(monkeypatch, verdict)
    head, fit = fig.get_suptitle().split("\n")
    assert head == f"m: PASS, 6 of 6 seeds hold; counted pass rate ≥ {100 * odds.rate_lower:.1f} % (95 % lower bound)"
    assert head.startswith("m: PASS, 6 of 6 seeds hold") and "P(" not in head
    assert fit.startswith("a normal fit to the seeds' minima: P(new seed holds) = ")
    assert f"= {percent(odds.probability, None)} %" in fit and "100.00" not in fit  # never a certainty
    # how far out on the model's tail the line lies, said beside its figure: a model's reading, not a count
    z = (odds.mean - odds.line) / odds.sd
    assert fit.endswith(f"; the line {z:.1f} sd below their mean - the model's figure, not a count of seeds")
    labels = _legend_labels(fig)
    assert "the seed's minimum of them, the one judged (blue: the seed holds)" in labels
    assert not any("red" in label for label in labels)
    # every seed's dots drawn blue: the dots' keys are blue too, not a grey no mark takes, and no second blue key
    keys = {t.get_text(): h for legend in fig.legends for t, h in zip(legend.get_texts(), legend.legend_handles,
                                                                      strict=True)}
    minimum = next(h for label, h in keys.items() if label.startswith("the seed's minimum"))
    assert minimum.get_color() == "C0" and "drawn in the seed's colour" not in " ".join(labels)
    plt.close(fig)


def test_the_fits_tail_below_the_line_is_written_as_a_number_one_minus_its_odds(monkeypatch):
    """The shaded tail below 99.395 % is a sliver too thin to see where the odds are high: its share is written on
    the panel, and it is 1 - P(new seed holds), in the odds' precision."""
    from tinydigits.results.check_picture import tail_share
    from tinydigits.results.figures import plt

    for low in (99.44, 99.50):  # a tail of a few per cent, and one of hundredths
        curves = {s: [98.0] * 12 + [low + 0.03 * s, 99.6, 99.6] for s in range(5)}
        verdict = judge(curves, 7432, 15, BUDGET)
        p = verdict.odds.probability
        share = tail_share(verdict)
        assert float(share) == pytest.approx(100 * (1 - p), abs=0.006 if p < 0.9999 else 0.00006)
        fig = _drawn_check(monkeypatch, verdict)
        side = fig.axes[1]
        texts = [t.get_text() for t in side.texts]
        assert texts == [f"below {verdict.odds.line:.3f} %:\n{share} %"]
        assert any(f", {share} %: a new seed failing" in label for label in _legend_labels(fig))
        # a tail under 1 % keys no swatch a reader cannot find in the picture: its key points at the number instead
        keys = {t.get_text(): h for legend in fig.legends for t, h in zip(legend.get_texts(), legend.legend_handles,
                                                                          strict=True)}
        tail = next(h for label, h in keys.items() if f", {share} %: a new seed failing" in label)
        thin = float(share) < 1
        assert (type(tail).__name__ == "Rectangle") is not thin, (share, type(tail))
        assert any(label.startswith("the number at the bottom right: ") for label in keys) is thin
        plt.close(fig)


def test_a_failing_check_and_one_without_odds_say_so_in_their_title_and_legend(monkeypatch):
    from tinydigits.results.figures import plt

    failing = judge({0: [98.0] * 12 + [99.2, 99.3, 99.3], 1: [98.0] * 12 + [99.5] * 3, 2: [98.0] * 12 + [99.6] * 3},
                    7432, 15, BUDGET)
    fig = _drawn_check(monkeypatch, failing)
    assert fig.get_suptitle().startswith("m: FAIL, 2 of 3 seeds hold; counted pass rate ≥ ")
    labels = _legend_labels(fig)
    assert {"blue: the seed holds", "red: the seed does not hold"} <= set(labels)
    plt.close(fig)
    few = judge({0: [98.0] * 12 + [99.5] * 3, 1: [98.0] * 12 + [99.6] * 3}, 7432, 15, BUDGET)
    assert few.odds.probability is None
    fig = _drawn_check(monkeypatch, few)
    head, note = fig.get_suptitle().split("\n")
    assert head.startswith("m: PASS, 2 of 2 seeds hold") and note == few.odds.note and "P(" not in head
    assert len(fig.axes[1].texts) == 0 and not any("a new seed failing" in label for label in _legend_labels(fig))
    plt.close(fig)
