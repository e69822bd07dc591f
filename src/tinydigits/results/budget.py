"""The challenge's rule, as pure logic: a budget and the verdict of test-accuracy curves against it."""

from __future__ import annotations

from tinydigits import constants
from tinydigits.results.odds import pass_odds
from tinydigits.results.records import Constraint, Run, SeedRow, Verdict, mark


def judge(test_acc: dict[int, list[float]], params: int, epochs: int, budget: constants.Budget,
          errors: dict[int, str] | None = None, missing: dict[int, str] | None = None) -> Verdict:
    """Judge per-seed test-accuracy curves against the budget: the rule, in the one place it is written. A seed
    with fewer than `epochs` recorded epochs (crashed, interrupted, or raised: `errors` says why) fails. A seed in
    `missing` did not run (a lost scheduler, no worker could take it: the value says why): it is no evidence either
    way, so the verdict is INCOMPLETE (`passed` None) and the rule and the odds read the other seeds only."""
    rows = {seed: SeedRow(seed, [], [], 0.0, 0.0, None, not_run=why) for seed, why in (missing or {}).items()}
    for seed, accs in test_acc.items():
        tail = accs[-budget.last :]
        ok = len(accs) == epochs and len(tail) == budget.last and min(tail) >= budget.min_acc
        rows[seed] = SeedRow(seed, accs, tail, min(tail, default=0.0), accs[-1] if accs else 0.0, ok,
                             error=(errors or {}).get(seed) or None)
    seeds = dict(sorted(rows.items()))
    ran = [s for s in seeds.values() if s.not_run is None]
    constraints = {
        "params": Constraint(params, f"< {budget.max_params}", params < budget.max_params),
        "epochs": Constraint(epochs, f"<= {budget.max_epochs}", epochs <= budget.max_epochs),
        "accuracy": Constraint(min((s.min_last for s in ran), default=0.0),
                               f">= {budget.min_acc} in each of the last {budget.last} epochs, every seed",
                               all(s.passed for s in ran) if ran else None if missing else False),
    }
    finals = [s.final for s in ran if s.test_acc]
    # The odds come from the seeds that ran to the end: a crashed seed fails the verdict but says nothing about v.
    complete = [s.min_last for s in ran if len(s.test_acc) == epochs]
    ok = all(c.passed is not False for c in constraints.values()) and bool(seeds)
    return Verdict(None if missing else ok, "INCOMPLETE" if missing else mark(ok), sorted(missing or {}), params,
                   epochs, sum(finals) / len(finals) if finals else 0.0, constraints, seeds,
                   pass_odds(complete, budget.min_acc))


def run_verdict(run: Run, budget: constants.Budget | None = None) -> Verdict:
    """The challenge's verdict for a single run, by `judge` (check applies it to every seed): against the epochs the
    run was planned for and the budget it was trained under (its record; `budget` to judge it by another), so a run
    stopped early never passes. The one single-run verdict: `train`, `report`, `tinydigits.judge`."""
    return judge({run.seed: run.test()}, run.params, run.planned_epochs, budget or run.budget)


def reason(verdict: Verdict, budget: constants.Budget, test: list[float]) -> str:
    """Why one run's verdict is what it is, in words: which judged epochs fell below the line (or that each held), too
    few epochs to judge, stopped early, more epochs or parameters than the budget allows."""
    planned, ran, c = verdict.epochs, len(test), verdict.constraints
    why = []
    if ran < planned:
        why.append(f"stopped early: {ran} of {planned} planned epochs")
    if ran < budget.last:
        why.append(too_few(ran, budget))
    else:
        first = ran - budget.last + 1
        below = [(first + i, a) for i, a in enumerate(test[-budget.last:]) if a < budget.min_acc]
        why.append("epochs " + ", ".join(f"{e} ({a:.2f})" for e, a in below) + f" below {budget.min_acc} %" if below else
                   f"each of the last {budget.last} epochs at or above {budget.min_acc} % (lowest "
                   f"{min(test[-budget.last:]):.2f} %)")
    if not c["epochs"].passed:
        why.append(f"{planned} epochs, more than the budget's {budget.max_epochs}")
    if not c["params"].passed:
        why.append(f"{c['params'].value:,} parameters, not fewer than {budget.max_params:,}")
    return "; ".join(why)


def breaches(params: int | None, epochs: int, budget: constants.Budget) -> list[str]:
    """The budget's limits a run breaks before it trains, one line each with by how much (a step larger than the
    budget on purpose still trains; its verdict will be FAIL)."""
    out = []
    if params is not None and params >= budget.max_params:
        out.append(f"{params:,} parameters, not fewer than the budget's {budget.max_params:,} ({params - budget.max_params:,} "
                   f"over it; {params - budget.max_params + 1:,} to cut to come under it)")
    if epochs > budget.max_epochs:
        out.append(f"{epochs} epochs, more than the budget's {budget.max_epochs} (over by {epochs - budget.max_epochs})")
    return out


def too_few(ran: int, budget: constants.Budget) -> str:
    """The words for a run shorter than the epochs the budget judges (the same in every verdict)."""
    return f"too few epochs to judge: {ran} ran, the budget judges the last {budget.last}"


def seed_table(verdict: Verdict, budget: constants.Budget) -> tuple[list[str], list[list[str]]]:
    """Header and per-seed cells of a verdict (last-N accuracies, min, final, verdict): the terminal table
    and check.md show the same cells."""
    shown = min(budget.last, verdict.epochs)  # a run shorter than the judged epochs shows the epochs it had
    first = verdict.epochs - shown + 1
    head = ["seed", *[f"ep{first + i}" for i in range(shown)], "min", "final", "verdict"]
    rows = [[str(seed), *[f"{a:.2f}" for a in s.last], *["-"] * (shown - len(s.last)),
             *([f"{s.min_last:.2f}", f"{s.final:.2f}"] if s.last else ["-", "-"]), s.cell()]
            for seed, s in verdict.seeds.items()]
    return head, rows


def format_verdict(verdict: Verdict, budget: constants.Budget) -> str:
    """The terminal's verdict: the seeds' table, the limits, the mean, the odds, the arithmetic, the verdict line."""
    head, rows = seed_table(verdict, budget)
    lines = ["  ".join(f"{c:>7}" for c in row) for row in (head, *rows)]
    lines.append("")
    for name, c in verdict.constraints.items():
        if name == "accuracy" and verdict.epochs < budget.last:
            lines.append(f"{name:<9} {'-':>8}  {too_few(verdict.epochs, budget):<52} {mark(c.passed)}")
            continue
        lines.append(f"{name:<9} {c.text():>8}  {c.limit:<52} {mark(c.passed)}")
    lines.append(f"mean final test accuracy {verdict.mean_final_acc:.2f}% over {verdict.trained} seeds")
    lines.append(verdict.odds.lines())
    kinds = verdict.arithmetic or {}
    if len(kinds) == 1:
        lines.append(f"arithmetic: {next(iter(kinds))}")
    elif kinds:
        lines.append(f"arithmetic: the seeds trained in {len(kinds)} different ones - "
                     + "; ".join(f"seeds {','.join(map(str, s))}: {k}" for k, s in kinds.items()))
    missing = verdict.missing
    lines.append(f"VERDICT: {verdict.word}"
                 + (f" (seed{'s' * (len(missing) > 1)} {','.join(map(str, missing))} not run: no verdict on "
                    "them, and none on the check until they have one)" if missing else ""))
    return "\n".join(lines)
