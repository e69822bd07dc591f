"""check.md, check.json and check.png (`results.check_picture`) in a check's folder: a multi-seed verdict as a page and a
picture, odds for a new seed included."""

from __future__ import annotations

from pathlib import Path

from tinydigits import files
from tinydigits.constants import Budget
from tinydigits.results.budget import mark, seed_table
from tinydigits.results.check_picture import plot_check
from tinydigits.results.records import CHECK, Verdict, percent
from tinydigits.results.report import md_table


def arithmetic_text(verdict: Verdict) -> str:
    """Which arithmetic the seeds trained in (config.json's environment): one line, or one per kind when they differ."""
    kinds = verdict.arithmetic or {}
    if len(kinds) <= 1:
        return f"Arithmetic: {next(iter(kinds), 'unknown (no seed landed)')}."
    return ("**The seeds trained in different arithmetic** (their curves differ digit for digit):\n\n"
            + "\n".join(f"- seeds {', '.join(map(str, s))}: {k}" for k, s in kinds.items()))


def odds_text(verdict: Verdict, budget: Budget) -> str:
    """check.md's odds: the normal model's and the counted estimate with their bounds, and the spread they rest on."""
    odds = verdict.odds
    if odds.probability is None or odds.probability_lower is None or odds.rate_lower is None:
        return odds.note or ""
    rows = [["P(new seed holds), normal model of min", f"{percent(odds.probability)}%",
             f"{percent(odds.probability_lower)}%"],
            ["pass rate, counted", f"{odds.passed} of {odds.seeds}", f"{percent(odds.rate_lower, 1)}%"]]
    return (md_table(["estimate", "value", "95% lower bound"], rows)
            + f"\n\nmin per seed: mean {odds.mean:.3f} %, sd {odds.sd:.3f}; margin over the line "
            f"({odds.line:.3f} %, half an image below {budget.min_acc}) {odds.margin_sd:.2f} sd.")


def render_check(verdict: Verdict, budget: Budget, name: str) -> str:
    """check.md: the verdict, its command and wall time, the seeds' table, the limits, the arithmetic, the odds."""
    header, rows = seed_table(verdict, budget)
    constraints = [[n, c.text(), c.limit, mark(c.passed)] for n, c in verdict.constraints.items()]
    command = f"`{verdict.command or ''}`"
    if (verdict.command or "").startswith("tinydigits.check("):  # a notebook's class: `verdict.seeds.check_command`
        command = f"{command} in the notebook that defines the class (no command line knows it)"
    return f"""# check: {name} - {verdict.word}

{command}  ({verdict.wall_seconds or 0:.0f} s wall)

![check](check.png)

{md_table(header, rows)}

{md_table(["constraint", "value", "limit", "verdict"], constraints)}

Mean final test accuracy {verdict.mean_final_acc:.2f} % over {verdict.trained} seeds.

{arithmetic_text(verdict)}

## Odds for a new seed

{odds_text(verdict, budget)}

The normal model's bound is the noncentral-t tolerance bound; the counted one is Clopper-Pearson (`tinydigits/results/odds.py`).
"""


def write_check(verdict: Verdict, budget: Budget, name: str, folder: Path) -> Path:
    """check.json (the verdict's JSON), check.md and check.png into the check's folder (made when the check started);
    returns it."""
    files.write_json(folder / CHECK, verdict.to_json())
    files.write_text(folder / "check.md", render_check(verdict, budget, name))
    plot_check(verdict, budget, name, folder / "check.png")
    return folder
