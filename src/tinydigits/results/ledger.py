"""The seed ledger (docs/seeds.csv): every counted seed run, one row each, and the odds every published figure comes
from. `check --ledger` and `tinydigits ledger add` append a check's seeds; `tinydigits models` and `tinydigits ledger
docs` read it. A row counts for its model while the model's code hash (`model_sha256`) is the model's current one: a
changed model starts a fresh count, and its old rows stay as history.

Plain `csv` rather than a database or pandas: a few hundred rows, reviewed in diffs like the rest of docs/.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import hashlib
import io
import json
import re
import statistics
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from tinydigits import files
from tinydigits.constants import BUDGET, PORTABLE, PORTABLE_ENV, ROLES
from tinydigits.errors import TinyDigitsError
from tinydigits.results.odds import pass_odds
from tinydigits.results.records import CheckPlan, Run, finished_runs, percent

COLUMNS = ("model", "model_sha256", "seed", "epochs", "last3", "min_last3", "arithmetic", "threads", "cpu", "torch",
           "commit", "role", "source", "recipe_sha256", "budget")
# A tier is what a published figure is about: the model's code, its recipe (the resolved training config less the seed,
# the paths and the arithmetic, which has its own column) and the budget its seeds are judged by. Rows of other
# recipes or budgets (a 1-epoch look, a stricter --min-acc) stay in the ledger, shown apart (`others`).
TIER = ("model_sha256", "recipe_sha256", "budget")
# Settings added after rows were written, with the value that leaves a curve as it was: left out of the hash when
# absent or at that value, so an older row keeps its tier (a setting that changes nothing changes no recipe).
ADDED_LATER = {"augment_off_last": 0, "lr_floor_last": 0, "step_size": None, "step_gamma": 0.1, "plateau_patience": 2,
               "plateau_factor": 0.1}
UNNAMED = "unnamed"  # a seed whose number was not recorded (its minimum was): never a duplicate
# The project's ledger: in a checkout docs/seeds.csv (`ledger add` writes there); an installed package carries a copy
# that the build puts beside this file (setup.py), so `tinydigits models` shows what held where pip put it.
_CHECKOUT = Path(__file__).resolve().parents[3]
LEDGER = (_CHECKOUT / "docs" / "seeds.csv" if (_CHECKOUT / "pyproject.toml").is_file()
          and (_CHECKOUT / "docs" / "seeds.csv").is_file() else Path(__file__).parent / "seeds.csv")


def read(path: str | Path = LEDGER) -> list[dict[str, str]]:
    """The ledger's rows ([] where there is none, e.g. an installed package without the repo's docs/)."""
    path = Path(path)
    if not path.exists():
        return []
    with path.open(newline="") as f:
        rows = list(csv.DictReader(f))
    if rows and set(COLUMNS) - set(rows[0]):
        raise TinyDigitsError(f"{path}: not a seed ledger (columns {', '.join(COLUMNS)})")
    return rows


def key(row: dict[str, Any]) -> tuple[str, ...] | None:
    """What makes a row a duplicate: the same tier (model code, recipe, budget), arithmetic and seed (None for an
    unnamed seed)."""
    if str(row["seed"]) == UNNAMED:
        return None
    return (*(str(row.get(k, "")) for k in TIER), row["arithmetic"], str(row["seed"]))


def recipe_sha256(config: dict[str, Any]) -> str:
    """The hash of what moves a seed's curve besides its seed and arithmetic: the resolved training config's fields
    (optimiser, rates, schedule, epochs, batch, augmentation, EMA, train limit...) as config.json records them."""
    from tinydigits.training.config import settings_of  # torch-free

    fields = settings_of("length", "recipe", "augment", "data")
    recipe = json.loads(json.dumps({k: config.get(k) for k in sorted(fields)
                                    if not (k in ADDED_LATER and config.get(k) in (None, ADDED_LATER[k]))}))
    return hashlib.sha256(json.dumps(recipe, sort_keys=True).encode()).hexdigest()[:16]


def _whole(budget: dict[str, Any] | None) -> dict[str, Any]:
    """A budget as plan.json records it, its missing fields the project's."""
    return {**dataclasses.asdict(BUDGET), **(budget or {})}


def budget_text(budget: dict[str, Any] | None = None) -> str:
    """A budget in one ledger cell: `99.4 in last 3; <8000 params; <=15 epochs` (the project's by default)."""
    b = _whole(budget)
    return f"{b['min_acc']} in last {b['last']}; <{b['max_params']} params; <={b['max_epochs']} epochs"


def budget_of(text: str) -> dict[str, float]:
    """`budget_text` read back: min_acc and last (what a row is judged by)."""
    m = re.match(r"([\d.]+) in last (\d+);", text or "")
    return {"min_acc": float(m.group(1)), "last": int(m.group(2))} if m else {"min_acc": BUDGET.min_acc, "last": BUDGET.last}


def in_tier(row: dict[str, str], tier: dict[str, str]) -> bool:
    return all(row.get(k, "") == tier[k] for k in TIER)


def add(rows: list[dict[str, Any]], path: str | Path = LEDGER) -> int:
    """Append `rows`, refusing (in one line, before writing anything) a seed the ledger already holds for the same
    tier and arithmetic, or one twice in `rows`, and a ledger inside an installed package (read-only: it ships with
    the package). Under a lock (two adds at once cannot lose rows); written whole to a temporary file, then renamed:
    an interrupted add leaves the old ledger. Returns the number added."""
    path = Path(path)
    if path.resolve().is_relative_to(Path(__file__).resolve().parents[1]):
        raise TinyDigitsError(f"{path} is the ledger installed with the package (read-only): give --ledger FILE, or "
                              "add from a checkout (its docs/seeds.csv)")
    with _locked(path):
        held = {key(r) for r in read(path)} - {None}
        for row in rows:
            k = key(row)
            if k in held:
                raise TinyDigitsError(f"{path}: seed {row['seed']} of {row['model']} ({row['arithmetic']}, model "
                                      f"{row['model_sha256']}, recipe {row.get('recipe_sha256')}) is already in the ledger")
            if k is not None:
                held.add(k)
        text = path.read_text() if path.exists() else ""
        files.write_text(path, text + _csv(rows, header=not text))
    return len(rows)


def _csv(rows: list[dict[str, Any]], header: bool) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    if header:
        writer.writeheader()
    writer.writerows({c: row.get(c, "") for c in COLUMNS} for row in rows)
    return out.getvalue()


def rewrite(path: str | Path, change: Callable[[list[dict[str, str]]], list[dict[str, str]]]) -> None:
    """The ledger's rows replaced by `change(rows)`, under add's lock and written whole, then renamed (an interrupted
    rewrite leaves the old ledger): for moving a tier's rows to the model that adopted them (scripts/margin_study.py)."""
    path = Path(path)
    with _locked(path):
        files.write_text(path, _csv(change(read(path)), header=True))


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock beside the ledger (`FILE.lock`) for the block, where the OS has flock (not on Windows)."""
    try:
        import fcntl
    except ImportError:  # Windows: no lock; adds are rare and each is one rename
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def arithmetic_of(run: Run) -> str:
    """A run's arithmetic in the ledger's words (from its record): `portable2` (fp32, ATen and oneDNN in AVX2, MKL
    COMPATIBLE, one thread: the same curve on every x86 CPU, Intel or AMD); `portable` for the earlier pins (MKL
    AVX2: one curve on AMD, another on Intel); else its precision on this CPU kind (`bf16`, `fp32`), or on a GPU
    `cuda-bf16`. (Rows named `portable-2ranks` are seeds of two data-parallel ranks, an option measured and removed:
    docs/research-record.md.)"""
    s, mkl = run.settings, run.environment.get("arithmetic", {}).get("mkl_cbwr")
    return arithmetic_named(s.portable, "?" if "precision" in run.unrecorded else s.precision, s.device, mkl)


def arithmetic_named(portable: bool | None, precision: str | None, device: str | None, mkl_cbwr: str | None) -> str:
    """`arithmetic_of`'s rule over the figures that decide it (a benchmark names its arithmetic by it too)."""
    if portable:
        return PORTABLE if mkl_cbwr == PORTABLE_ENV["MKL_CBWR"] else "portable"
    gpu = "cuda-" if str(device or "cpu").startswith("cuda") else ""
    return f"{gpu}{precision}"


def cpu_of(run: Run) -> str:
    """The CPU (or GPU) and the flags that decide its kernels, in one cell."""
    env = run.environment
    if gpu := env.get("gpu"):
        return f"{gpu.get('name')} (sm {gpu.get('capability')})"
    a = env.get("arithmetic", {})
    return f"{a.get('cpu', '?')} ({' '.join(a.get('cpu_flags', []))})"


def describe_arithmetic(run: Run, cpu: bool = True) -> str:
    """One run's arithmetic in a few words, from its record: precision, kernels (the ledger's name where portable),
    threads, CPU (on a GPU: the GPU, its capability and whether its kernels were deterministic)."""
    s, a = run.settings, run.environment.get("arithmetic", {})
    precision = "?" if "precision" in run.unrecorded else s.precision
    if gpu := run.environment.get("gpu"):  # as `cpu_of` names it, with its kernels' determinism
        mode = "deterministic" if gpu.get("deterministic") else "not deterministic"
        return f"{precision}, {gpu.get('name', '?')} (sm {gpu.get('capability', '?')}, {mode})"
    kernels = f"{a.get('aten_isa', '?')} kernels" + (f" ({arithmetic_of(run)})" if s.portable else "")
    threads = "?" if "threads" in run.unrecorded else s.threads
    where = f", {a.get('cpu', '?')}" if cpu else ""  # a portable curve is every x86 CPU's: `cpu=False` leaves it out
    return f"{precision}, {kernels}, {threads} thread{'s' * (threads != 1)}{where}"


def row_of(run: Run, role: str, source: str, budget: dict[str, Any] | None = None) -> dict:
    """One finished seed run as a ledger row, with the tier it belongs to (model code, recipe, the budget it was judged
    by); a run that did not finish its planned epochs is refused."""
    last = _whole(budget)["last"]
    epochs = run.test()
    if len(epochs) < run.planned_epochs or len(epochs) < last:
        raise TinyDigitsError(f"seed {run.seed} of {run.settings.model} did not finish ({len(epochs)} of "
                              f"{run.planned_epochs} epochs): only finished seeds count")
    tail = epochs[-last:]
    return {"model": run.settings.model, "model_sha256": run.model_sha256, "seed": run.seed,
            "epochs": len(epochs), "last3": " ".join(f"{a:.2f}" for a in tail), "min_last3": f"{min(tail):.2f}",
            "arithmetic": arithmetic_of(run), "threads": run.settings.threads or "", "cpu": cpu_of(run),
            "torch": run.environment.get("torch", ""), "commit": (run.environment.get("git_commit") or "")[:7],
            "role": role, "source": source, "recipe_sha256": recipe_sha256(run.recorded_settings()),
            "budget": budget_text(budget)}


def summarise(values: list[float], min_acc: float = BUDGET.min_acc) -> dict[str, Any]:
    """seeds, passed, mean, sd, P(new seed holds) and its 95 % lower bound (`results.odds.pass_odds`)."""
    odds = pass_odds(values, min_acc)
    out: dict[str, Any] = {"seeds": odds.seeds, "passed": odds.passed}
    if len(values) >= 2:
        out.update(mean=round(statistics.mean(values), 4), sd=round(statistics.stdev(values), 4))
    if odds.probability is not None:
        out.update(probability=odds.probability, probability_lower=odds.probability_lower)
    return out


def odds(rows: Iterable[dict[str, str]], tier: dict[str, str]) -> dict[str, dict]:
    """Per arithmetic, the odds over the rows of this tier (model code, recipe, budget: `in_tier`), judged by its
    budget: pooled across CPU kinds (the arithmetic fixes the curve), every seed (`seeds`...) and the judged ones alone
    (`judged`: the figure a tier is quoted by; the seeds that chose it flatter it)."""
    min_acc = budget_of(tier["budget"])["min_acc"]
    by: dict[str, dict[str, list[float]]] = {}
    for r in rows:
        if not in_tier(r, tier):
            continue
        group = by.setdefault(r["arithmetic"], {"all": [], "judged": []})
        group["all"].append(float(r["min_last3"]))
        if r["role"] == "judged":
            group["judged"].append(float(r["min_last3"]))
    return {a: {**summarise(g["all"], min_acc), "judged": summarise(g["judged"], min_acc)} for a, g in sorted(by.items())}


def others(rows: list[dict[str, str]], tier: dict[str, str]) -> list[dict[str, Any]]:
    """The same model code's rows under other recipes or budgets, grouped, each with its own odds: shown apart."""
    groups: dict[tuple[str, str], list[dict[str, str]]] = {}
    for r in rows:
        if r["model_sha256"] == tier["model_sha256"] and not in_tier(r, tier):
            groups.setdefault((r.get("recipe_sha256", ""), r.get("budget", "")), []).append(r)
    return [{"recipe_sha256": recipe, "budget": budget, "odds": odds(group, {**tier, "recipe_sha256": recipe,
                                                                          "budget": budget})}
            for (recipe, budget), group in sorted(groups.items())]


def held_text(by_arithmetic: dict[str, dict], prefer: str = PORTABLE) -> str:
    """`tinydigits models`' held column: the judged seeds of the portable arithmetic (else of the earlier portable
    pins, else of the first one recorded)."""
    if not by_arithmetic:
        return "-"
    arithmetic = next((a for a in (prefer, "portable") if a in by_arithmetic), next(iter(by_arithmetic)))
    j = by_arithmetic[arithmetic]["judged"]
    if not j["seeds"]:
        return "-"
    p = f" P {percent(j['probability'], 1)}%" if "probability" in j else ""
    return f"{j['passed']}/{j['seeds']}{p}" + ("" if arithmetic == prefer else f" ({arithmetic})")


def rows_of_check(folder: str | Path, role: str = "judged", source: str | None = None) -> tuple[list[dict], list[int]]:
    """The ledger rows of a check's folder, one per finished seed (`records.finished_runs`: every planned epoch, model
    saved - the rule the verdict counts by), each in the check's tier (its budget from plan.json); and the planned
    seeds that did not finish (NOT RUN: they enter nowhere). `source`: the command that made them (default: the
    check's own)."""
    folder = Path(folder)
    if role not in ROLES:
        raise TinyDigitsError(f"--role must be one of {', '.join(ROLES)}")
    plan = CheckPlan.load(folder)
    source = source or command_without_paths(plan.command)
    budget = dataclasses.asdict(plan.budget)
    rows = [row_of(run, role, source, budget) for run in finished_runs(folder).values()]
    done = {int(r["seed"]) for r in rows}
    return rows, [s for s in plan.seeds if s not in done]


# The check's own files (its verdict's JSON, the ledger it adds to), beside the settings of its output and machine roles.
CHECK_FILE_FLAGS = ("--json", "--ledger")


def machine_flags() -> tuple[str, ...]:
    """The flags of a check that say where it wrote and what its machine lent (the output- and machine-role settings:
    folders, MLflow, threads, device, MNIST's folder, and the check's own files), not what it did."""
    from tinydigits.settings import cli_fields
    from tinydigits.training.config import TrainConfig, settings_of  # torch-free

    named = set(settings_of("output", "machine"))
    return (*(f"--{f.name.replace('_', '-')}" for f in cli_fields(TrainConfig) if f.name in named), *CHECK_FILE_FLAGS)


def command_without_paths(command: str) -> str:
    """A check's command as a row's source: what it did, without the folders and the threads or device of the
    machine it ran on (`machine_flags`: a reader repeats it with their own)."""
    import shlex

    skip = machine_flags()
    words, out = shlex.split(command), []
    for word in words:
        if out and out[-1] in skip:
            out.pop()
        elif not word.startswith(tuple(f"{f}=" for f in skip)):
            out.append(word)
    return shlex.join(out[:-1] if out and out[-1] in skip else out)
