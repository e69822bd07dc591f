"""The seed ledger (docs/seeds.csv): every counted seed run, one row each, and the odds every published figure comes
from. `check --ledger` and `tinydigits ledger add` append a check's seeds; `tinydigits models` and `tinydigits ledger
docs` read it. A row counts for its model while the model's code hash (`model_sha256`) is the model's current one: a
changed model starts a fresh count, and its old rows stay as history.

Plain `csv` rather than a database or pandas: a few hundred rows, reviewed in diffs like the rest of docs/.
"""

from __future__ import annotations

import csv
import io
import re
import statistics
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tinydigits import files
from tinydigits.constants import BUDGET, PORTABLE, PORTABLE_ENV, ROLES
from tinydigits.errors import TinyDigitsError
from tinydigits.results.odds import pass_odds

COLUMNS = ("model", "model_sha256", "seed", "epochs", "last3", "min_last3", "arithmetic", "threads", "cpu", "torch",
           "commit", "role", "source")
UNNAMED = "unnamed"  # a seed whose number was not recorded (its minimum was): never a duplicate
# The project's ledger: in a checkout `results/seeds.csv` is a link to docs/seeds.csv (resolved: `ledger add` writes
# there); an installed package carries a copy (package data), so `tinydigits models` shows what held where pip put it.
LEDGER = (Path(__file__).parent / "seeds.csv").resolve()


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


def key(row: dict[str, Any]) -> tuple[str, str, str] | None:
    """What makes a row a duplicate: the same model code, arithmetic and seed (None for an unnamed seed)."""
    return None if str(row["seed"]) == UNNAMED else (row["model_sha256"], row["arithmetic"], str(row["seed"]))


def add(rows: list[dict[str, Any]], path: str | Path = LEDGER) -> int:
    """Append `rows`, refusing (in one line, before writing anything) a seed the ledger already holds for the same
    model code and arithmetic, or one twice in `rows`. Written whole to a temporary file, then renamed: an
    interrupted add leaves the old ledger. Returns the number added."""
    path = Path(path)
    held = {key(r) for r in read(path)} - {None}
    for row in rows:
        k = key(row)
        if k in held:
            raise TinyDigitsError(f"{path}: seed {row['seed']} of {row['model']} ({row['arithmetic']}, model "
                                  f"{row['model_sha256']}) is already in the ledger")
        if k is not None:
            held.add(k)
    text = path.read_text() if path.exists() else ""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    if not text:
        writer.writeheader()
    writer.writerows({c: row.get(c, "") for c in COLUMNS} for row in rows)
    files.write_text(path, text + out.getvalue())
    return len(rows)


def arithmetic_of(config: dict[str, Any]) -> str:
    """A run's arithmetic in the ledger's words (from its config.json): `portable2` (fp32, ATen and oneDNN in AVX2, MKL
    COMPATIBLE, one thread: the same curve on every x86 CPU, Intel or AMD); `portable` for the pins before #64 (MKL
    AVX2: one curve on AMD, another on Intel); else its precision on this CPU kind (`bf16`, `fp32`), or on a GPU
    `cuda-bf16`. (Rows named `portable-2ranks` are seeds of two data-parallel ranks, an option measured and removed:
    docs/research-record.md.)"""
    if config.get("portable"):
        mkl = config.get("environment", {}).get("arithmetic", {}).get("mkl_cbwr")
        return PORTABLE if mkl == PORTABLE_ENV["MKL_CBWR"] else "portable"
    gpu = "cuda-" if str(config.get("device", "cpu")).startswith("cuda") else ""
    return f"{gpu}{config.get('precision', '?')}"


def cpu_of(config: dict[str, Any]) -> str:
    """The CPU (or GPU) and the flags that decide its kernels, in one cell."""
    env = config.get("environment", {})
    if gpu := env.get("gpu"):
        return f"{gpu.get('name')} (sm {gpu.get('capability')})"
    a = env.get("arithmetic", {})
    return f"{a.get('cpu', '?')} ({' '.join(a.get('cpu_flags', []))})"


def row_of(config: dict[str, Any], metrics: dict[str, Any], role: str, source: str, last: int = BUDGET.last) -> dict:
    """One finished seed run as a ledger row; a run that did not finish its planned epochs is refused."""
    epochs = [e["test_acc"] for e in metrics.get("epochs", [])]
    if len(epochs) < config["epochs"] or len(epochs) < last:
        raise TinyDigitsError(f"seed {config['seed']} of {config['model']} did not finish ({len(epochs)} of "
                              f"{config['epochs']} epochs): only finished seeds count")
    tail = epochs[-last:]
    env = config.get("environment", {})
    return {"model": config["model"], "model_sha256": config["model_sha256"], "seed": config["seed"],
            "epochs": len(epochs), "last3": " ".join(f"{a:.2f}" for a in tail), "min_last3": f"{min(tail):.2f}",
            "arithmetic": arithmetic_of(config), "threads": config.get("threads", ""), "cpu": cpu_of(config),
            "torch": env.get("torch", ""), "commit": (env.get("git_commit") or "")[:7], "role": role, "source": source}


def summarise(values: list[float], min_acc: float = BUDGET.min_acc) -> dict[str, Any]:
    """seeds, passed, mean, sd, P(new seed holds) and its 95 % lower bound (`results.odds.pass_odds`)."""
    odds = pass_odds(values, min_acc)
    out = {"seeds": odds["seeds"], "passed": odds["passed"]}
    if len(values) >= 2:
        out.update(mean=round(statistics.mean(values), 4), sd=round(statistics.stdev(values), 4))
    if "probability" in odds:
        out.update(probability=odds["probability"], probability_lower=odds["probability_lower"])
    return out


def odds(rows: Iterable[dict[str, str]], model_sha256: str, min_acc: float = BUDGET.min_acc) -> dict[str, dict]:
    """Per arithmetic, the odds over the rows of this model code: pooled across CPU kinds (the arithmetic fixes the
    curve), every seed (`seeds`...) and the judged ones alone (`judged`: the figure a tier is quoted by; the seeds
    that chose it flatter it)."""
    by: dict[str, dict[str, list[float]]] = {}
    for r in rows:
        if r["model_sha256"] != model_sha256:
            continue
        group = by.setdefault(r["arithmetic"], {"all": [], "judged": []})
        group["all"].append(float(r["min_last3"]))
        if r["role"] == "judged":
            group["judged"].append(float(r["min_last3"]))
    return {a: {**summarise(g["all"], min_acc), "judged": summarise(g["judged"], min_acc)} for a, g in sorted(by.items())}


def held_text(by_arithmetic: dict[str, dict], prefer: str = PORTABLE) -> str:
    """`tinydigits models`' held column: the judged seeds of the portable arithmetic (else of the portable pins before
    #64, else of the first one recorded)."""
    if not by_arithmetic:
        return "-"
    arithmetic = next((a for a in (prefer, "portable") if a in by_arithmetic), next(iter(by_arithmetic)))
    j = by_arithmetic[arithmetic]["judged"]
    if not j["seeds"]:
        return "-"
    p = f" P {100 * j['probability']:.1f}%" if "probability" in j else ""
    return f"{j['passed']}/{j['seeds']}{p}" + ("" if arithmetic == prefer else f" ({arithmetic})")


# Figures in README.md and docs/models.md are written from the ledger (`tinydigits ledger docs`), between markers:
# `<!-- seeds:MODEL:ARITHMETIC -->...<!-- /seeds -->` (every seed), `<!-- seeds:MODEL:ARITHMETIC:judged -->...`
# (the seeds that did not choose it) and a table per tier `<!-- seeds-table:MODEL -->...<!-- /seeds-table -->`.
SPAN = re.compile(r"<!-- seeds:([\w-]+):([\w-]+)(:judged)? -->(.*?)<!-- /seeds -->", re.S)
TABLE = re.compile(r"<!-- seeds-table:([\w-]+) -->\n(.*?)<!-- /seeds-table -->", re.S)


def figure(s: dict[str, Any], judged: bool = False) -> str:
    """`43 of 43 seeds hold, P(new seed holds) 98.76 % (≥ 96.11 %)`; judged: `on the 37 that did not choose it ...`."""
    if not s.get("seeds"):
        return "no seeds in the ledger"
    p = f"{100 * s['probability']:.2f} % (≥ {100 * s['probability_lower']:.2f} %)" if "probability" in s else "-"
    if judged:
        return f"on the {s['seeds']} that did not choose it ({s['passed']} hold) {p}"
    return f"{s['passed']} of {s['seeds']} seeds hold, P(new seed holds) {p}"


def table(by_arithmetic: dict[str, dict], rows: list[dict[str, str]], digest: str) -> str:
    """A tier's seeds per arithmetic, as Markdown: what docs/models.md quotes."""
    lines = ["| arithmetic | seeds | hold | min(last 3) mean / sd | P(new seed holds) (95 % low) | judged seeds only "
             "| CPU kinds |", "|---|---|---|---|---|---|---|"]
    for arithmetic, s in by_arithmetic.items():
        kinds = len({r["cpu"] for r in rows if r["model_sha256"] == digest and r["arithmetic"] == arithmetic})
        spread = f"{s['mean']:.3f} / {s['sd']:.3f}" if "sd" in s else "-"
        p = f"{100 * s['probability']:.2f} % ({100 * s['probability_lower']:.2f} %)" if "probability" in s else "-"
        j = s["judged"]
        jp = (f"{j['passed']} of {j['seeds']}, {100 * j['probability']:.2f} % ({100 * j['probability_lower']:.2f} %)"
              if "probability" in j else f"{j['passed']} of {j['seeds']}")
        lines.append(f"| {arithmetic} | {s['seeds']} | {s['passed']} | {spread} | {p} | {jp} | {kinds} |")
    return "\n".join(lines) + "\n"


def render(text: str, rows: list[dict[str, str]], digests: dict[str, str]) -> str:
    """`text` with every marked figure and table written from `rows` for the models' current code (`digests`)."""
    def unknown(model: str) -> str:
        raise TinyDigitsError(f"a ledger marker names {model!r}, which is not a registered model")

    def span(m: re.Match) -> str:
        model, arithmetic, judged = m.group(1), m.group(2), bool(m.group(3))
        s = odds(rows, digests.get(model) or unknown(model)).get(arithmetic, {"seeds": 0, "judged": {"seeds": 0}})
        marker = f"<!-- seeds:{model}:{arithmetic}{':judged' * judged} -->"
        return f"{marker}{figure(s['judged'] if judged else s, judged)}<!-- /seeds -->"

    def block(m: re.Match) -> str:
        model = m.group(1)
        digest = digests.get(model) or unknown(model)
        return f"<!-- seeds-table:{model} -->\n{table(odds(rows, digest), rows, digest)}<!-- /seeds-table -->"

    return TABLE.sub(block, SPAN.sub(span, text))


def rows_of_check(folder: str | Path, role: str = "judged", source: str | None = None) -> list[dict[str, Any]]:
    """The ledger rows of a check's folder: one per seed run in it (its config.json and metrics.json), each finished.
    `source`: the command that made them (default: the check's own, from plan.json)."""
    folder = Path(folder)
    if role not in ROLES:
        raise TinyDigitsError(f"--role must be one of {', '.join(ROLES)}")
    plan = folder / "plan.json"
    if not plan.exists():
        raise TinyDigitsError(f"{folder}: not a check's folder (no plan.json)")
    planned = files.read_json(plan)
    budget = planned.get("budget", {})
    rows, found = [], set()
    for config_file in sorted(folder.glob("*/config.json")):
        config = files.read_json(config_file)
        metrics_file = config_file.with_name("metrics.json")
        metrics = files.read_json(metrics_file) if metrics_file.exists() else {}
        rows.append(row_of(config, metrics, role, source or planned.get("command", ""), budget.get("last", BUDGET.last)))
        found.add(int(config["seed"]))
    if missing := [s for s in planned["seeds"] if int(s) not in found]:
        raise TinyDigitsError(f"{folder}: seed(s) {', '.join(map(str, missing))} did not run: only finished seeds count "
                              "(`tinydigits check --resume` first)")
    return rows
