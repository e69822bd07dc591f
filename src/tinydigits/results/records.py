"""What a run and a check leave in their folders, as typed records: `Run.load(folder)` / `Check.load(folder)` read
config.json, metrics.json, per_class.csv, plan.json and check.json once, and every reader takes the record instead of
the files. `Run` and its rows are the training layer's (`training.runfolder`: the run's writer builds and saves it),
named here too so a reader finds every record in one place. The files keep their fields' names and meaning (users'
scripts and `check --json` readers depend on them): a record adds, it never renames. A field an older run did not
write is named in `missing`, never a traceback.

`Verdict` (with its `SeedRow`s, `Constraint`s and `Odds`) is the budget's verdict as `results.budget.judge` makes it
and check.json holds it (`to_json`, `load`); it and the odds each have the one formatter every page uses (`Verdict.line`,
`Odds.chance` over `percent`).
"""

from __future__ import annotations

import dataclasses
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydigits import files
from tinydigits.constants import Budget
from tinydigits.errors import TinyDigitsError
from tinydigits.training.config import TrainConfig
from tinydigits.training.runfolder import (  # the run's record is its writer's (training): here for every reader
    CHECK,
    CONFIG,
    METRICS,
    MNIST_TRAIN,
    PER_CLASS,
    PLAN,
    ClassRow,
    Confusion,
    Epoch,
    Run,
    kind_of,
    known_fields,
)

__all__ = ["CHECK", "CONFIG", "METRICS", "MNIST_TRAIN", "PER_CLASS", "PLAN", "Check", "CheckPlan", "ClassRow",
           "Confusion", "Constraint", "Epoch", "LrTest", "Odds", "Run", "SeedRow", "Verdict", "finished_runs",
           "kind_of", "mark", "percent", "user_accuracy"]

# ----------------------------------------------------------------------------------------------- a check
def mark(ok: bool | None) -> str:
    """A verdict's word for a pass: PASS, FAIL, or NOT RUN where there is none to give."""
    return "NOT RUN" if ok is None else "PASS" if ok else "FAIL"


def percent(p: float, digits: int | None = 2) -> str:
    """A probability as every page writes it, in percent without the unit: `digits` decimals, or (None) two, and four
    above 99.99 % where two would round to a certainty the seeds do not show."""
    if digits is None:
        digits = 2 if p < 0.9999 else 4
    return f"{100 * p:.{digits}f}"


@dataclass(frozen=True)
class Odds:
    """The odds a new seed holds, from the seeds that ran (`results.odds.pass_odds`): counted (`rate_lower`, from
    `seeds` and `passed`), and from a normal model of each seed's min(last N) when there are enough seeds
    (`probability` and its bound). A figure the seeds cannot give is None, and `note` says why. The fields are in
    check.json's order, and every page writes the odds through `chance` and `percent`."""

    seeds: int
    passed: int
    line: float | None = None
    confidence: float | None = None
    rate_lower: float | None = None
    mean: float | None = None
    sd: float | None = None
    note: str | None = None
    margin_sd: float | None = None
    probability: float | None = None
    probability_lower: float | None = None

    @classmethod
    def of(cls, odds: dict[str, Any]) -> Odds:
        return cls(**known_fields(cls, odds))

    def to_json(self) -> dict[str, Any]:
        """check.json's `odds`: the figures there are, in the order they were always written."""
        return {k: v for k, v in dataclasses.asdict(self).items() if v is not None}

    def chance(self, digits: int | None = 2, bound_digits: int | None = None, unit: str = "%",
               bound: str = "95% lower bound ") -> str:
        """`99.62% (95% lower bound 98.47%)`: the odds a new seed holds and their lower bound, the one way every page
        writes them (each page keeps its precision, unit spacing and words for the bound); "-" without a normal model."""
        if self.probability is None or self.probability_lower is None:
            return "-"
        low = percent(self.probability_lower, digits if bound_digits is None else bound_digits)
        return f"{percent(self.probability, digits)}{unit} ({bound}{low}{unit})"

    def held(self, verb: str = "held") -> str:
        return f"{self.passed} of {self.seeds} seeds {verb}"

    def sentence(self) -> str:
        """The hand-in's sentence: held, then the odds with their bound and the spread they rest on."""
        if self.probability is None:
            return f"{self.held()}; {self.note or 'too few seeds for odds'}"
        counted = (f" (counted: the pass rate's 95 % lower bound is {100 * self.rate_lower:.1f} %)" if self.rate_lower
                   else "")
        return (f"{self.held()}{counted}; the odds a new seed holds, from a normal model of the seeds' min(last epochs) "
                f"(mean {self.mean:.3f}, sd {self.sd:.3f}): {self.chance(unit=' %', bound='95 % lower bound ')}")

    def lines(self) -> str:
        """The terminal's odds line(s) under a check's table: what a new seed can expect."""
        if self.probability is None:
            head = f"odds for a new seed: {self.note}"
            if self.rate_lower is None:
                return head
            return head + f"\n  {self.held()} (pass rate >= {100 * self.rate_lower:.1f}%, 95% lower bound)"
        return (f"odds for a new seed: {self.chance(digits=None)} that min(last epochs) >= {self.line:.3f}; "
                f"mean {self.mean:.3f} sd {self.sd:.3f}, margin {self.margin_sd:.1f} sd\n"
                f"  counted: {self.held()} (pass rate >= {100 * self.rate_lower:.1f}%, 95% Clopper-Pearson lower bound)")


@dataclass(frozen=True)
class SeedRow:
    """One seed's row of a verdict: its test curve, the judged last epochs, their min, the final epoch, and whether it
    held (None: it did not run, `not_run` says why; `error`: why it stopped)."""

    seed: int
    test_acc: list[float]
    last: list[float]
    min_last: float
    final: float
    passed: bool | None
    error: str | None = None
    not_run: str | None = None

    @property
    def why(self) -> str | None:
        """An error, or why the seed did not run."""
        return self.error or self.not_run

    @classmethod
    def of(cls, seed: int, row: dict[str, Any]) -> SeedRow:
        return cls(seed, row.get("test_acc") or [], row.get("last") or [], row.get("min_last", 0.0),
                   row.get("final", 0.0), row.get("pass"), row.get("error"), row.get("not_run"))

    def to_json(self) -> dict[str, Any]:
        row = {"test_acc": self.test_acc, "last": self.last, "min_last": self.min_last, "final": self.final,
               "pass": self.passed}
        return row | {k: v for k, v in (("error", self.error), ("not_run", self.not_run)) if v is not None}

    def cell(self) -> str:
        """The row's verdict cell: PASS, FAIL or NOT RUN, and why where there is a why."""
        return mark(self.passed) + (f" ({self.why})" if self.error is not None or self.not_run is not None else "")


@dataclass(frozen=True)
class Constraint:
    """One limit of the budget as a verdict met it: the figure, the limit in words, and whether it held (None: no
    seed ran to say)."""

    value: int | float
    limit: str
    passed: bool | None

    def text(self) -> str:
        return f"{self.value:.2f}" if isinstance(self.value, float) else f"{self.value:,}"

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "limit": self.limit, "pass": self.passed}


@dataclass
class Verdict:
    """The budget's verdict over a check's seeds (or one run's: `results.budget.run_verdict`), made by
    `results.budget.judge`: PASS, FAIL or INCOMPLETE (`word`; `passed` None while seeds are missing), the limits
    met, each seed's row and the odds. A check adds how its seeds computed, its wall time and command, and where it
    wrote. `to_json()` is check.json, `load` reads it back."""

    passed: bool | None
    word: str
    missing: list[int]
    params: int
    epochs: int
    mean_final_acc: float
    constraints: dict[str, Constraint]
    seeds: dict[int, SeedRow]
    odds: Odds
    arithmetic: dict[str, list[int]] | None = None  # each arithmetic the seeds trained in, and its seeds
    wall_seconds: float | None = None
    command: str | None = None
    folder: Path | None = None  # the check's folder (where check.json is, so not in it)

    @classmethod
    def of(cls, data: dict[str, Any], folder: Path | None = None) -> Verdict:
        """A verdict from check.json's contents."""
        return cls(data.get("pass"), data.get("verdict") or ("PASS" if data.get("pass") else "FAIL"),
                   list(data.get("missing") or []), data.get("params", 0), data.get("epochs", 0),
                   data.get("mean_final_acc", 0.0),
                   {name: Constraint(c["value"], c["limit"], c["pass"]) for name, c in data["constraints"].items()},
                   {int(s): SeedRow.of(int(s), row) for s, row in data["seeds"].items()},
                   Odds.of(data.get("odds") or {"seeds": 0, "passed": 0}), data.get("arithmetic"),
                   data.get("wall_seconds"), data.get("command"), folder)

    @classmethod
    def load(cls, folder: str | Path) -> Verdict:
        """A check folder's check.json, or one line: no verdict yet."""
        folder = Path(folder)
        if not (folder / CHECK).is_file():
            raise TinyDigitsError(f"{folder}: the check has no verdict yet (no {CHECK}): let it finish, or go on with "
                                  f"`tinydigits check --resume {folder}`")
        return cls.of(files.read_json(folder / CHECK), folder)

    def to_json(self) -> dict[str, Any]:
        """check.json: its keys in the order they were always written (what a check adds last, where it has it)."""
        data = {"pass": self.passed, "verdict": self.word, "missing": self.missing, "params": self.params,
                "epochs": self.epochs, "mean_final_acc": self.mean_final_acc,
                "constraints": {name: c.to_json() for name, c in self.constraints.items()},
                "seeds": {str(s): row.to_json() for s, row in self.seeds.items()}, "odds": self.odds.to_json()}
        added = (("arithmetic", self.arithmetic), ("wall_seconds", self.wall_seconds), ("command", self.command))
        return data | {k: v for k, v in added if v is not None}

    @property
    def trained(self) -> int:
        """Seeds with at least one epoch (a seed that raised before its first has none)."""
        return sum(1 for s in self.seeds.values() if s.test_acc)

    def held(self) -> tuple[int, int]:
        """(seeds that held, seeds that ran): a seed not run, or one that raised before its first epoch, is neither."""
        ran = [s for s in self.seeds.values() if s.why is None or s.test_acc]
        return sum(1 for s in ran if s.passed), len(ran)

    def line(self) -> str:
        """The verdict in a line every page uses: `PASS (10/10 seeds)`."""
        held, ran = self.held()
        return f"{self.word} ({held}/{ran} seeds)"

    def summary(self) -> list[str]:
        """The verdict in a few lines, what a notebook cell shows for it (`__repr__`, `_repr_markdown_`; the whole
        dataclass would print every seed's curve): the verdict, the seed that did worst, the odds, where it wrote."""
        head = f"{self.line()}: {self.params:,} parameters, {self.epochs} epochs" + (
            f"; seed(s) {', '.join(map(str, self.missing))} not run" if self.missing else "")
        out = [head]
        judged = [s for s in self.seeds.values() if s.last]
        if judged:
            worst = min(judged, key=lambda s: s.min_last)
            out.append(f"worst seed {worst.seed}: lowest of its last {len(worst.last)} epochs {worst.min_last:.2f} %; "
                       f"mean final test accuracy {self.mean_final_acc:.2f} % over {self.trained} seed(s)")
        chance = self.odds.chance(None, unit=" %", bound="95 % lower bound ")
        out.append(f"odds a new seed holds: {chance}" if chance != "-" else
                   f"odds a new seed holds: {self.odds.note or 'too few seeds for odds'}")
        if self.folder is not None:
            out.append(f"{self.folder}: check.md, check.png and check.json; `.seeds` each seed's row")
        return out

    def __repr__(self) -> str:
        return "Verdict: " + "\n  ".join(self.summary())

    def _repr_markdown_(self) -> str:
        head, *rest = self.summary()
        return "\n".join([f"**{head}**", "", *(f"- {line}" for line in rest)])


@dataclass(frozen=True)
class CheckPlan:
    """A check folder's plan.json, written before its first seed: the seeds it trains, their settings and the budget
    they are judged by, stacked or not, the command that started it, and the code and model it started with (a
    resume must go on with the same)."""

    seeds: list[int]
    settings: TrainConfig
    budget: Budget
    stack: bool = False
    command: str = ""
    code: dict[str, Any] | None = None
    model_sha256: str | None = None
    way: str = ""  # how its seeds trained (`lifecycle.plan`: here, stacked, workers, cluster); "" where not recorded

    @classmethod
    def load(cls, folder: str | Path) -> CheckPlan:
        """The plan, or one line: not a check folder, or written by another version (fields renamed)."""
        folder = Path(folder)
        if not (folder / PLAN).is_file():
            raise TinyDigitsError(f"{folder} is not a check folder (no {PLAN}): pass the check-<model>-<time> folder")
        return cls.of(files.read_json(folder / PLAN), folder / PLAN)

    @classmethod
    def of(cls, plan: dict[str, Any], path: Path) -> CheckPlan:
        """The plan from plan.json's contents (read from `path`: said where they are another version's)."""
        try:
            return cls([int(s) for s in plan["seeds"]], TrainConfig(**plan["config"]), Budget(**plan["budget"]),
                       bool(plan.get("stack")), plan.get("command") or "", plan.get("code"), plan.get("model_sha256"),
                       plan.get("way") or "")
        except (TypeError, KeyError, ValueError) as err:
            raise TinyDigitsError(f"{path} was written by another version of tinydigits ({err}): "
                                  "start a new check") from None


def finished_runs(folder: str | Path) -> dict[int, Run]:
    """The seeds of a check folder that finished: seed -> its run, complete (every planned epoch, model.pt saved). An
    interrupted seed's folder, or one mid-unpack (a hidden landing folder), does not count. The one rule for the
    verdict (`verdict.seeds.landed_seeds`) and the ledger alike."""
    found: dict[int, Run] = {}
    for config in sorted(Path(folder).glob(f"*/{CONFIG}")):
        if config.parent.name.startswith(".") or not (config.parent / "model.pt").exists():
            continue
        try:
            run = Run.load(config.parent)
        except TinyDigitsError:
            continue
        if run.complete and len(run.epochs) == run.planned_epochs:
            found[run.seed] = run
    return found


@dataclass(frozen=True)
class LrTest:
    """An `lr-find` folder's lr_find.json: the model it tested and the rates it suggests (None where its loss never
    fell)."""

    folder: Path
    model: str
    valley: float | None
    steepest: float | None

    @classmethod
    def load(cls, folder: str | Path) -> LrTest:
        folder = Path(folder)
        test = files.read_json(folder / "lr_find.json")
        if not isinstance(test, dict) or "model" not in test:
            raise TinyDigitsError(f"{folder}: not an lr-find folder (no model in its lr_find.json)")
        return cls(folder, test["model"], test.get("valley"), test.get("steepest"))


def user_accuracy(folder: str | Path) -> float | None:
    """A run's mean accuracy on other people's handwriting as `tinydigits robustness` measured it (its
    robustness.json: the shifts applied to a user's image), or None where it was not measured."""
    try:
        return float(files.read_json(Path(folder) / "robustness.json")["mean"]["user_acc"])
    except (TinyDigitsError, KeyError, TypeError, ValueError):
        return None


@dataclass
class Check:
    """One check folder: its plan (settings, budget), each seed's run folder, the verdict (each seed's row and the
    odds), and the seed shown in detail with why."""

    folder: Path
    settings: TrainConfig
    budget: Budget
    runs: dict[int, Path]
    verdict: Verdict
    way: str = ""  # how its seeds trained, as its plan records it (`CheckPlan.way`)
    plan_command: str = ""  # the command its plan records (the jobs it ran on are in it)

    @classmethod
    def load(cls, folder: str | Path) -> Check:
        folder = Path(folder)
        if kind_of(folder) != "check":
            raise TinyDigitsError(f"{folder}: a run folder, not a check folder")
        plan = CheckPlan.load(folder)
        verdict = Verdict.load(folder)
        runs = {}
        for meta in sorted(folder.glob(f"*/{CONFIG}")):
            seed = files.read_json(meta).get("seed")
            if seed is not None:
                runs[int(seed)] = meta.parent
        return cls(folder, plan.settings, plan.budget, runs, verdict, plan.way, plan.command)

    @property
    def seeds(self) -> dict[int, SeedRow]:
        return self.verdict.seeds

    @property
    def odds(self) -> Odds:
        return self.verdict.odds

    @property
    def command(self) -> str | None:
        return self.verdict.command

    @property
    def wall_seconds(self) -> float | None:
        """The check's wall time, as its verdict records it (every seed, side by side where they were)."""
        return self.verdict.wall_seconds

    def save(self, folder: str | Path) -> Path:
        """plan.json and check.json into `folder` (the seeds' run folders are theirs to save)."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        files.write_json(folder / PLAN, {"config": dataclasses.asdict(self.settings), "seeds": sorted(self.seeds),
                                         "budget": dataclasses.asdict(self.budget)})
        files.write_json(folder / CHECK, self.verdict.to_json())
        return folder

    def finished(self) -> dict[int, SeedRow]:
        """The seeds with a whole curve and a run folder here."""
        return {s: r for s, r in self.seeds.items() if r.test_acc and r.why is None and s in self.runs}

    def shown(self, prefer: int | None = None) -> tuple[int, str]:
        """The seed a write-up shows in detail, and why: `prefer` (the seed the step before trained) when this check
        trained it, else the median of three or more seeds' min(last N), else the lowest (the one nearest failing)."""
        done = self.finished()
        if not done:
            raise TinyDigitsError(f"{self.folder}: no seed of the check finished")
        if prefer is not None and prefer in done:
            return prefer, f"the seed the step before trained ({prefer}), so the two compare on the same seed"
        ranked = sorted(done, key=lambda s: (done[s].min_last, s))
        what = f"of its {len(ranked)} seeds' min of the last {self.budget.last} epochs"
        if len(ranked) >= 3:
            return ranked[(len(ranked) - 1) // 2], f"the median {what}"
        return ranked[0], f"the lowest {what} (a median needs three)"

    def spread(self) -> float | None:
        """The standard deviation of the seeds' min(last N) (None under two seeds): a seed's noise."""
        values = [r.min_last for r in self.finished().values()]
        return statistics.stdev(values) if len(values) >= 2 else None
