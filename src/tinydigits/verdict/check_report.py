"""check.png and check.md: a multi-seed verdict as a picture and a page, odds for a new seed included."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from tinydigits import files
from tinydigits.constants import Budget
from tinydigits.results.budget import constraint_value, mark, seed_table, trained
from tinydigits.results.figures import plt, save_figure
from tinydigits.results.report import md_table


def title(result: dict[str, Any], name: str) -> str:
    odds = result["odds"]
    verdict = result.get("verdict") or mark(result["pass"])
    held = f"{odds['passed']} of {odds['seeds']} seeds hold"
    if "probability" not in odds:
        return f"{name}: {verdict}, {held}; {odds.get('note', '')}"
    return (f"{name}: {verdict}, {held}; P(new seed holds) = {100 * odds['probability']:.2f}% "
            f"(95% lower bound {100 * odds['probability_lower']:.1f}%)")


def plot_check(result: dict[str, Any], budget: Budget, name: str, path: Path) -> None:
    """Every seed's last-N test accuracies as dots (its minimum v filled), the line, and the normal fitted
    to v drawn sideways beside them on the same accuracy axis."""
    seeds = result["seeds"]
    odds = result["odds"]
    fig, (ax, side) = plt.subplots(1, 2, figsize=(9, 4.2), sharey=True, gridspec_kw={"width_ratios": [4, 1]})
    for i, s in enumerate(seeds.values()):
        if not s["last"]:  # raised before its first epoch: a red cross on the line; not run: a grey one
            ax.scatter([i], [odds["line"]], marker="x", s=40, color="0.6" if "not_run" in s else "C3", zorder=3)
            continue
        colour = "C0" if s["pass"] else "C3"
        ax.scatter([i] * len(s["last"]), s["last"], s=22, facecolors="none", edgecolors=colour, linewidths=1)
        ax.scatter([i], [s["min_last"]], s=26, color=colour, zorder=3)
    ax.set_xticks(range(len(seeds)), list(seeds))
    ax.set(xlabel="seed", ylabel=f"test accuracy %, last {budget.last} epochs (filled: min)")
    for a in (ax, side):  # the budget's line as the rule says it; the odds count from half an image below (99.395)
        a.axhline(budget.min_acc, color="C2", ls="--", lw=1)
    ax.annotate(f"{budget.min_acc} % (the budget's line)", (0, budget.min_acc), xytext=(2, -11), textcoords="offset points",
                fontsize=8, color="C2")
    values = [s["min_last"] for s in seeds.values() if s["last"]]
    if "probability" in odds:
        mean, sd = odds["mean"], odds["sd"]
        lo, hi = min(min(values), odds["line"]) - 2 * sd, max(max(values), odds["line"]) + 2 * sd
        ys = [lo + (hi - lo) * k / 200 for k in range(201)]
        density = [math.exp(-0.5 * ((y - mean) / sd) ** 2) / (sd * math.sqrt(2 * math.pi)) for y in ys]
        side.plot(density, ys, color="C0")
        side.fill_betweenx([y for y in ys if y < odds["line"]], 0, [d for y, d in zip(ys, density, strict=True)
                                                                    if y < odds["line"]], color="C3", alpha=0.4)
        side.axhline(mean, color="C0", lw=0.8, ls=":")
        side.set_xlabel(f"normal fit of min\nmean {mean:.3f}, sd {sd:.3f}")
    else:
        side.set_xlabel(odds.get("note", ""), fontsize=7)
    side.scatter([0] * len(values), values, marker="_", s=80, color="k")
    side.set_xticks([])
    fig.suptitle(title(result, name), fontsize=10)
    fig.tight_layout()
    save_figure(fig, path)


def arithmetic_text(result: dict[str, Any]) -> str:
    """Which arithmetic the seeds trained in (config.json's environment): one line, or one per kind when they differ."""
    kinds = result.get("arithmetic") or {}
    if len(kinds) <= 1:
        return f"Arithmetic: {next(iter(kinds), 'unknown (no seed landed)')}."
    return ("**The seeds trained in different arithmetic** (their curves differ digit for digit):\n\n"
            + "\n".join(f"- seeds {', '.join(map(str, s))}: {k}" for k, s in kinds.items()))


def render_check(result: dict[str, Any], budget: Budget, name: str, command: str) -> str:
    header, rows = seed_table(result, budget)
    constraints = [[n, constraint_value(c), c["limit"], mark(c["pass"])] for n, c in result["constraints"].items()]
    odds = result["odds"]
    if "probability" in odds:
        odds_rows = [["P(new seed holds), normal model of min", f"{100 * odds['probability']:.2f}%",
                      f"{100 * odds['probability_lower']:.2f}%"],
                     ["pass rate, counted", f"{odds['passed']} of {odds['seeds']}", f"{100 * odds['rate_lower']:.1f}%"]]
        odds_text = (md_table(["estimate", "value", "95% lower bound"], odds_rows)
                     + f"\n\nmin per seed: mean {odds['mean']:.3f} %, sd {odds['sd']:.3f}; margin over the line "
                     f"({odds['line']:.3f} %, half an image below {budget.min_acc}) {odds['margin_sd']:.2f} sd.")
    else:
        odds_text = odds["note"]
    return f"""# check: {name} - {result.get('verdict') or mark(result['pass'])}

`{command}`  ({result.get('wall_seconds', 0):.0f} s wall)

![check](check.png)

{md_table(header, rows)}

{md_table(["constraint", "value", "limit", "verdict"], constraints)}

Mean final test accuracy {result['mean_final_acc']:.2f} % over {trained(result)} seeds.

{arithmetic_text(result)}

## Odds for a new seed

{odds_text}

The normal model's bound is the noncentral-t tolerance bound; the counted one is Clopper-Pearson (`tinydigits/results/odds.py`).
"""


def write_check(result: dict[str, Any], budget: Budget, name: str, folder: Path, command: str) -> Path:
    """check.json, check.md and check.png into the check's folder (made when the check started); returns it."""
    files.write_json(folder / "check.json", {**result, "command": command})
    files.write_text(folder / "check.md", render_check(result, budget, name, command))
    plot_check(result, budget, name, folder / "check.png")
    return folder
