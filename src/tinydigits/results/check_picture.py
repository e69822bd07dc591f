"""check.png: a multi-seed verdict as a picture - each seed's scored epochs against the line, the normal fitted to
their minima beside them, the count and the fit's odds in its title. Drawn by a check (`verdict.check_report`) and
again by a hand-in from the check's record (`results.handin`)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

from tinydigits.constants import Budget
from tinydigits.results.figures import plt, save_figure
from tinydigits.results.records import Verdict, percent

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def title(verdict: Verdict, name: str) -> str:
    """check.png's title: the verdict and how many seeds held with the counted pass rate's bound, then on a line of its
    own the normal model's odds for a new seed, said as that model's (or why there are none)."""
    odds = verdict.odds
    head = f"{name}: {verdict.word}, {odds.held('hold')}"
    if odds.rate_lower is not None and odds.passed:  # none held: a bound of 0 says nothing
        head += f"; counted pass rate ≥ {100 * odds.rate_lower:.1f} % (95 % lower bound)"
    if odds.probability is None:
        return f"{head}\n{odds.note or ''}".rstrip()
    z = odds.margin_sd  # how far out the model reads its figure
    where = (f"; the line {abs(z):.1f} sd {'below' if z >= 0 else 'above'} their mean - the model's figure, not a count "
             "of seeds" if z is not None else "")
    return (f"{head}\na normal fit to the seeds' minima: P(new seed holds) = "
            f"{odds.chance(digits=None, unit=' %', bound='95 % lower bound ')}{where}")


def tail_share(verdict: Verdict) -> str | None:
    """The normal fit's share below the odds' line (1 - its P(new seed holds)), in percent as the odds are written
    (four decimals where they are, so a share never reads 0.00); None without a fit."""
    p = verdict.odds.probability
    return None if p is None else percent(1 - p, 2 if p < 0.9999 else 4)


def normal_curve(mean: float, sd: float, values: list[float], points: int = 201) -> tuple[list[float], list[float]]:
    """The normal fitted to the seeds' minima as (accuracy, density) points: from 2 sd beyond the lowest and highest of
    `values`, clipped to 0-100 % (an accuracy has no other values; the tail past 100 is not drawn)."""
    lo, hi = max(min(values) - 2 * sd, 0.0), min(max(values) + 2 * sd, 100.0)
    ys = [lo + (hi - lo) * k / (points - 1) for k in range(points)]
    return ys, [math.exp(-0.5 * ((y - mean) / sd) ** 2) / (sd * math.sqrt(2 * math.pi)) for y in ys]


SPREAD = 0.12  # the horizontal step between one seed's scored epochs


def _draw_seeds(ax, verdict: Verdict, budget: Budget) -> list:
    """Each seed's last-N test accuracies as hollow dots and its minimum filled (blue: it holds, red: it does not), a
    cross on the line for a seed with none, and the budget's line; returns the legend's handles for what it drew."""
    from matplotlib.lines import Line2D

    seeds, odds, crosses, held = verdict.seeds, verdict.odds, set(), set()
    for i, s in enumerate(seeds.values()):
        if not s.last:  # raised before its first epoch: a red cross on the line; not run: a grey one
            crosses.add(s.not_run is not None)
            ax.scatter([i], [odds.line], marker="x", s=40, color="0.6" if s.not_run is not None else "C3", zorder=3)
            continue
        colour = "C0" if s.passed else "C3"
        held.add(s.passed)
        # the epochs side by side, left to right, so equal accuracies do not hide one another
        xs = [i + SPREAD * (k - (len(s.last) - 1) / 2) for k in range(len(s.last))]
        ax.scatter(xs, s.last, s=22, facecolors="none", edgecolors=colour, linewidths=1)
        ax.scatter([xs[s.last.index(s.min_last)]], [s.min_last], s=26, color=colour, zorder=3)
    ax.set_xticks(range(len(seeds)), [str(s) for s in seeds])
    epochs = f"the last {budget.last} epochs" if budget.last > 1 else "the last epoch"
    ax.set(xlabel="seed", ylabel=f"test accuracy %, {epochs}")
    dot = {"ls": "", "marker": "o", "ms": 5}
    meaning = {True: "blue: the seed holds", False: "red: the seed does not hold"}
    if len(held) == 1:  # one colour: the keys drawn in it, its meaning said in them - no second key of the same dot
        (h,) = held
        key, either = ("C0" if h else "C3"), f" ({meaning[h]})"
        handles = [Line2D([], [], color=key, mfc="none", **dot, label=f"test accuracy in one of {epochs} (in epoch "
                                                                      "order, left to right)"),
                   Line2D([], [], color=key, **dot, label=f"the seed's minimum of them, the one judged{either}")]
    else:  # both: the keys grey, said to stand for either, and each colour as a dot of it
        either = " (drawn in the seed's colour)"
        handles = [Line2D([], [], color="0.35", mfc="none", **dot, label=f"test accuracy in one of {epochs} (in "
                                                                         f"epoch order, left to right){either}"),
                   Line2D([], [], color="0.35", **dot, label=f"the seed's minimum of them, the one judged{either}")]
        swatch = {"ls": "", "marker": "o", "ms": 6}
        handles += [Line2D([], [], color="C0" if h else "C3", **swatch, label=meaning[h])
                    for h in sorted(held, reverse=True)]
    handles += [Line2D([], [], ls="", marker="x", color="0.6" if grey else "C3",
                       label="not run" if grey else "raised before its first epoch") for grey in sorted(crosses)]
    return handles + [Line2D([], [], color="C2", ls="--", lw=1, label=f"{budget.min_acc} %: the budget's line")]


def _draw_fit(side, verdict: Verdict) -> list:
    """The normal fitted to the seeds' minima drawn sideways, its share below the odds' line shaded, its mean dotted,
    and each seed's minimum as a tick; returns the legend's handles for what it drew."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    odds, handles = verdict.odds, []
    values = [s.min_last for s in verdict.seeds.values() if s.last]
    if odds.probability is not None and odds.mean is not None and odds.sd and odds.line is not None:
        mean, sd, line = odds.mean, odds.sd, odds.line
        ys, density = normal_curve(mean, sd, [*values, line])
        side.plot(density, ys, color="C0")
        side.fill_betweenx([y for y in ys if y < line], 0, [d for y, d in zip(ys, density, strict=True) if y < line],
                           color="C3", alpha=0.4)
        side.axhline(mean, color="C0", lw=0.8, ls=":")
        side.set_xlabel(f"normal fit of min\nmean {mean:.3f}, sd {sd:.3f}")
        share = tail_share(verdict)  # written out: a tail this thin is no shading the eye can see
        side.text(0.95, 0.03, f"below {line:.3f} %:\n{share} %", transform=side.transAxes, ha="right", va="bottom",
                  fontsize=8, color="C3")
        said = f"its share below {line:.3f} % (half an image under the line), {share} %: a new seed failing"
        # a tail too thin to see keys no swatch the picture cannot show: its number, in red at the bottom right, is it
        tail = (Line2D([], [], ls="none", label=f"the number at the bottom right: {said} (a tail too thin to shade visibly)")
                if float(share.lstrip("<")) < 1 else Patch(color="C3", alpha=0.4, label=said))
        handles = [Line2D([], [], color="C0", label="right: the normal fitted to the minima (density)"), tail,
                   Line2D([], [], color="C0", lw=0.8, ls=":", label=f"the minima's mean, {mean:.3f} %")]
    else:
        side.set_xlabel(odds.note or "", fontsize=7)
    side.scatter([0] * len(values), values, marker="_", s=80, color="k")
    for value in sorted(set(values)):  # minima that coincide draw as one tick: their count beside it
        if (times := values.count(value)) > 1:
            side.annotate(f"×{times}", (0, value), xytext=(6, 0), textcoords="offset points", va="center", fontsize=7,
                          bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none"})  # legible over the mean
    side.set_xticks([])
    return handles + [Line2D([], [], ls="", marker="_", ms=9, mew=1.5, color="k", label="right: each seed's minimum")]


def check_figure(verdict: Verdict, budget: Budget, name: str) -> Figure:
    """check.png's figure: every seed's last-N test accuracies as dots (its minimum filled), the line, and the normal
    fitted to the minima drawn sideways beside them on the same accuracy axis; a legend below says what each mark is."""
    fig, (ax, side) = plt.subplots(1, 2, figsize=(9, 4.2), sharey=True, gridspec_kw={"width_ratios": [4, 1]})
    handles = _draw_seeds(ax, verdict, budget)
    for a in (ax, side):  # the budget's line as the rule says it; the odds count from half an image below (99.395)
        a.axhline(budget.min_acc, color="C2", ls="--", lw=1)
    handles += _draw_fit(side, verdict)
    bottom, top = ax.get_ylim()
    ax.set_ylim(max(bottom, 0.0), min(top, 100.0 + 0.02 * (top - bottom)))  # the axis, too, ends at 100 %
    fig.suptitle(title(verdict, name), fontsize=10)
    fig.tight_layout()
    fig.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=2, fontsize=8, frameon=False)
    return fig


def plot_check(verdict: Verdict, budget: Budget, name: str, path: Path) -> None:
    """check.png (`check_figure`)."""
    save_figure(check_figure(verdict, budget, name), path)
