"""The default's margin study (issue #68): one lever at a time on the same seeds, paired against poolbn's own curves.

A wide search over few trials mostly rewards luck (a seed's sd is ~0.05 points, the gain sought ~0.04), so each lever
changes one setting of poolbn's recipe and trains the same choosing seeds; its effect is the paired difference of
min(last 3) against poolbn on each seed (mean, sd, t). Levers that help are combined, and the combination is judged on
seeds never used before, again paired. The runs go to a folder outside the checkout; each lever's per-seed figures are
saved in docs/margin/ (small JSON, reviewed in diffs), so the study goes on from there in another session:

    python scripts/margin_study.py run LEVER --seeds 500-505 [--runs /tmp/margin-runs]   # train what is missing
    python scripts/margin_study.py from-ledger --seeds 400-409     # poolbn's judged seeds already in the ledger
    python scripts/margin_study.py table [--seeds 500-505]                                # paired effects, Markdown
    python scripts/margin_study.py adopt LEVER --as NAME --witness CHECK   # its rows to the model that adopted it
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAVED = REPO / "docs" / "margin"
BASE = "poolbn"
# Each lever: the flags that change poolbn's recipe (docs/research-record.md says why each was tried).
LEVERS: dict[str, list[str]] = {
    BASE: [],
    "smooth-0.05": ["--label-smoothing", "0.05"],   # soft targets: public lead 4 (cifar10-fast: 0.2 on CIFAR)
    "bn-recompute": ["--bn-recompute", "10000"],    # the EMA's BN statistics matched to its weights (lead 1)
    "ema-0.9995": ["--ema", "0.9995"],              # a longer average over the last epochs (lead 1)
    "wd-5e-4": ["--weight-decay", "5e-4"],          # poolbn has none
    "lr-0.07": ["--lr", "0.07"],                    # peak rate 0.1 -> 0.07
    "lr-0.14": ["--lr", "0.14"],                    # and -> 0.14
    "noise-0": ["--augment-noise", "0"],            # less augmentation (lead 2), the cheapest first
    "plain-last-3": ["--augment-off-last", "3"],    # lead 2 as published: no augmentation in the last (scored) epochs
    "plain-last-5": ["--augment-off-last", "5"],    # and over the last third of the one-cycle's descent
    "lr-floor-2": ["--lr-floor-last", "2"],         # lead 1: the cycle over 13 epochs, its lowest rate held in 14-15
    "plain-3-floor-2": ["--augment-off-last", "3", "--lr-floor-last", "2"],  # steady (plain-last-3) with the floor
}


def seeds_of(text: str) -> list[int]:
    from tinydigits.settings import seed_list

    return seed_list(text)


def load(lever: str) -> dict[str, dict]:
    path = SAVED / f"{lever}.json"
    return json.loads(path.read_text()) if path.exists() else {}


def run(lever: str, seeds: list[int], runs: Path, jobs: int) -> None:
    """Train the seeds this lever lacks (`tinydigits check`, portable), then save each seed's figures."""
    saved = load(lever)
    todo = [s for s in seeds if str(s) not in saved]
    if not todo:
        print(f"{lever}: seeds {seeds} all saved")
        return
    out = runs / lever
    cmd = [sys.executable, "-m", "tinydigits.cli", "check", "--model", BASE, *LEVERS[lever], "--seeds",
           ",".join(map(str, todo)), "--jobs", str(jobs), "--out", str(out)]
    print(" ".join(cmd[2:]), flush=True)
    subprocess.run(cmd, check=False)  # a seed that fails the budget still has its figures
    for config_file in sorted(out.glob("check-*/*/config.json")):
        config = json.loads(config_file.read_text())
        metrics_file = config_file.parent / "metrics.json"
        if config["seed"] not in todo or not metrics_file.exists():
            continue
        epochs = json.loads(metrics_file.read_text())["epochs"]
        if len(epochs) < config["epochs"]:
            continue
        arithmetic = config["environment"]["arithmetic"]
        saved[str(config["seed"])] = {
            "last3": [e["test_acc"] for e in epochs[-3:]], "min_last3": min(e["test_acc"] for e in epochs[-3:]),
            "seconds": round(sum(e.get("seconds", 0) for e in epochs), 1), "flags": LEVERS[lever],
            "cpu": arithmetic["cpu"], "mkl_cbwr": arithmetic.get("mkl_cbwr"),
            "commit": (config["environment"].get("git_commit") or "")[:7]}
    save(lever, saved)


def from_ledger(seeds: list[int]) -> None:
    """poolbn's judged seeds already in the ledger (portable2: the arithmetic of the study), saved beside the study's
    own so that a lever pairs with them; their seconds are not in the ledger (None)."""
    from tinydigits.results import ledger

    saved = load(BASE)
    for row in ledger.read(REPO / "docs" / "seeds.csv"):
        seed = int(row["seed"]) if row["seed"].isdigit() else None  # issue #68's Intel seeds are unnamed
        if (row["model"] == BASE and row["arithmetic"] == "portable2" and row["role"] == "judged" and seed in seeds
                and str(seed) not in saved):
            last3 = [float(v) for v in row["last3"].split()]
            saved[str(seed)] = {"last3": last3, "min_last3": float(row["min_last3"]), "seconds": None, "flags": [],
                                "cpu": row["cpu"], "mkl_cbwr": "COMPATIBLE", "commit": row["commit"],
                                "source": f"docs/seeds.csv ({row['source']})"}
    save(BASE, saved)


def adopt(lever: str, name: str, witness: Path) -> None:
    """The lever's ledger rows (poolbn's code under the lever's recipe) moved to `name`, the registered model that is
    poolbn with the lever in its recipe, once a seed trained as `name` (`witness`: its check's folder) gives the lever
    row's last three accuracies in the same arithmetic: the same curve under another name, so its seeds count for it."""
    from tinydigits import models
    from tinydigits.errors import TinyDigitsError
    from tinydigits.results import ledger

    base, target = models.resolve(BASE).digest(), models.resolve(name).digest()
    seen, _ = ledger.rows_of_check(witness)
    if not seen or any(w["model_sha256"] != target for w in seen):
        raise TinyDigitsError(f"{witness}: no finished seed of {name} (model {target})")
    w = seen[0]

    def lever_row(r: dict[str, str], code: str) -> bool:  # the witness's recipe, budget and arithmetic under `code`
        return ledger.in_tier(r, {**w, "model_sha256": code}) and r["arithmetic"] == w["arithmetic"]

    same = [r for r in ledger.read(REPO / "docs" / "seeds.csv") if r["seed"] == str(w["seed"])
            and (lever_row(r, base) or lever_row(r, target))]  # target: a row moved before
    if not same or same[0]["last3"] != w["last3"]:
        raise TinyDigitsError(f"seed {w['seed']}: {name} gives {w['last3']}, {lever}'s row "
                              f"{same[0]['last3'] if same else 'is not in the ledger'}: not the same curve")

    def move(rows: list[dict[str, str]]) -> list[dict[str, str]]:
        for r in rows:
            if lever_row(r, base):
                r.update(model=name, model_sha256=target,
                         source=f"{r['source']} (= {name}: seed {w['seed']} trained as {name} gives this curve)")
        return rows

    ledger.rewrite(REPO / "docs" / "seeds.csv", move)
    print(f"{lever}'s rows of recipe {w['recipe_sha256']} ({w['arithmetic']}) now count for {name}")


def save(lever: str, saved: dict[str, dict]) -> None:
    SAVED.mkdir(exist_ok=True)
    ordered = dict(sorted(saved.items(), key=lambda kv: int(kv[0])))
    (SAVED / f"{lever}.json").write_text(json.dumps(ordered, indent=1) + "\n")


def mean_seconds(figures: list[dict]) -> float | None:
    seconds = [f["seconds"] for f in figures if f.get("seconds") is not None]
    return statistics.mean(seconds) if seconds else None


def paired(lever: str, seeds: list[int] | None, against: str = BASE) -> dict | None:
    """The lever's paired effect on min(last 3) against `against` (poolbn), over the seeds both have (of `seeds`)."""
    base, mine = load(against), load(lever)
    common = [s for s in mine if s in base and (seeds is None or int(s) in seeds)]
    if not common:
        return None
    diffs = [mine[s]["min_last3"] - base[s]["min_last3"] for s in common]
    sd = statistics.stdev(diffs) if len(diffs) > 1 else float("nan")
    mean = statistics.mean(diffs)
    return {"seeds": len(common), "mean": mean, "sd": sd, "t": mean / (sd / math.sqrt(len(diffs))) if sd else float("nan"),
            "lever_mean": statistics.mean(mine[s]["min_last3"] for s in common),
            "held": sum(mine[s]["min_last3"] >= 99.4 for s in common),
            "cost": cost(base, mine, common)}


def cost(base: dict, mine: dict, common: list[str]) -> float | None:
    """Mean seconds per run against poolbn's on the seeds where both are timed (a hint: not timed in turns)."""
    timed = [s for s in common if mine[s].get("seconds") is not None and base[s].get("seconds") is not None]
    if not timed:
        return None
    return mean_seconds([mine[s] for s in timed]) / mean_seconds([base[s] for s in timed])


def table(seeds: list[int] | None, against: str = BASE) -> str:
    lines = ["| lever | flags | seeds | held | mean min(last 3) | paired gain (mean / sd) | t "
             f"| train time vs {against} (not in turns: a hint only) |",
             "|---|---|---|---|---|---|---|---|"]
    for lever, flags in LEVERS.items():
        p = paired(lever, seeds, against)
        if p is None:
            continue
        gain = "—" if lever == against else f"{p['mean']:+.3f} / {p['sd']:.3f}"
        t = "—" if lever == against or math.isnan(p["t"]) else f"{p['t']:+.2f}"
        spent = "—" if p["cost"] is None else f"{p['cost']:.2f}x"
        lines.append(f"| {lever} | `{' '.join(flags) or '(recipe as is)'}` | {p['seeds']} | {p['held']} | "
                     f"{p['lever_mean']:.3f} | {gain} | {t} | {spent} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="train a lever's missing seeds")
    r.add_argument("lever", choices=list(LEVERS))
    r.add_argument("--seeds", required=True, type=seeds_of)
    r.add_argument("--runs", type=Path, default=Path("/tmp/margin-runs"), help="run folders (outside the checkout)")
    r.add_argument("--jobs", type=int, default=2)
    f = sub.add_parser("from-ledger", help="poolbn's judged portable2 seeds from docs/seeds.csv, to pair with")
    f.add_argument("--seeds", required=True, type=seeds_of)
    a = sub.add_parser("adopt", help="move a lever's ledger rows to the registered model that adopted it")
    a.add_argument("lever", choices=list(LEVERS))
    a.add_argument("--as", dest="name", required=True, help="the registered model (poolbn with the lever in its recipe)")
    a.add_argument("--witness", required=True, type=Path, help="a check's folder: one seed trained as that model")
    t = sub.add_parser("table", help="each lever's paired effect, as Markdown")
    t.add_argument("--seeds", type=seeds_of)
    t.add_argument("--against", choices=list(LEVERS), default=BASE, help="pair with this lever's seeds (default poolbn)")
    args = parser.parse_args()
    if args.command == "run":
        run(args.lever, args.seeds, args.runs, args.jobs)
    elif args.command == "adopt":
        from tinydigits.errors import TinyDigitsError

        try:
            adopt(args.lever, args.name, args.witness)
        except TinyDigitsError as e:
            print(f"margin_study: {e}", file=sys.stderr)
            return 1
    elif args.command == "from-ledger":
        from_ledger(args.seeds)
    else:
        print(table(args.seeds, args.against))
    return 0


if __name__ == "__main__":
    sys.exit(main())
