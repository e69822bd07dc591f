"""`tinydigits check`: train once per seed and judge the budget on every seed, not on a lucky one."""

from __future__ import annotations

import dataclasses
import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from multiprocessing import get_context
from typing import Any

from tinydigits.train import TrainConfig


@dataclass(frozen=True)
class Budget:
    max_params: int = 8000  # strictly fewer than this
    max_epochs: int = 15
    last: int = 3  # epochs at the end that must all hold min_acc
    min_acc: float = 99.4


def verdict(test_acc: dict[int, list[float]], params: int, epochs: int, budget: Budget) -> dict[str, Any]:
    """Judge per-seed test-accuracy curves against the budget. A seed with fewer than `epochs`
    recorded epochs (crashed or interrupted) fails."""
    seeds = {}
    for seed, accs in sorted(test_acc.items()):
        tail = accs[-budget.last :]
        ok = len(accs) == epochs and len(tail) == budget.last and min(tail) >= budget.min_acc
        seeds[str(seed)] = {"test_acc": accs, "last": tail, "min_last": min(tail, default=0.0),
                            "final": accs[-1] if accs else 0.0, "pass": ok}
    constraints = {
        "params": {"value": params, "limit": f"< {budget.max_params}", "pass": params < budget.max_params},
        "epochs": {"value": epochs, "limit": f"<= {budget.max_epochs}", "pass": epochs <= budget.max_epochs},
        "accuracy": {"value": min((s["min_last"] for s in seeds.values()), default=0.0),
                     "limit": f">= {budget.min_acc} in each of the last {budget.last} epochs, every seed",
                     "pass": bool(seeds) and all(s["pass"] for s in seeds.values())},
    }
    finals = [s["final"] for s in seeds.values()]
    return {"pass": all(c["pass"] for c in constraints.values()), "params": params, "epochs": epochs,
            "mean_final_acc": sum(finals) / len(finals) if finals else 0.0, "constraints": constraints, "seeds": seeds}


def format_verdict(result: dict[str, Any], budget: Budget) -> str:
    mark = lambda ok: "PASS" if ok else "FAIL"
    n = budget.last
    first = result["epochs"] - n + 1
    head = ["seed", *[f"ep{first + i}" for i in range(n)], "min", "final", "verdict"]
    lines = ["  ".join(f"{h:>7}" for h in head)]
    for seed, s in result["seeds"].items():
        cells = [seed, *[f"{a:.2f}" for a in s["last"]], f"{s['min_last']:.2f}", f"{s['final']:.2f}", mark(s["pass"])]
        lines.append("  ".join(f"{c:>7}" for c in cells))
    lines.append("")
    for name, c in result["constraints"].items():
        value = f"{c['value']:.2f}" if isinstance(c["value"], float) else f"{c['value']:,}"
        lines.append(f"{name:<9} {value:>8}  {c['limit']:<52} {mark(c['pass'])}")
    lines.append(f"mean final test accuracy {result['mean_final_acc']:.2f}% over {len(result['seeds'])} seeds")
    lines.append(f"VERDICT: {mark(result['pass'])}")
    return "\n".join(lines)


def _train_quietly(cfg: TrainConfig) -> tuple[int, str, list[float], int]:
    from tinydigits.train import train

    result = train(cfg, quiet=True, log=lambda _: None)
    return cfg.seed, str(result.run_dir), [e["test_acc"] for e in result.metrics["epochs"]], result.metrics["params"]


def run_seeds(base: TrainConfig, seeds: list[int], jobs: int, log=print) -> tuple[dict[int, list[float]], int]:
    """Train one run per seed; with jobs > 1, in spawned processes that split the cores between them."""
    configs = [dataclasses.replace(base, seed=s) for s in seeds]
    if jobs > 1 and base.threads is None:
        configs = [dataclasses.replace(c, threads=max(1, (os.cpu_count() or 1) // jobs)) for c in configs]
    curves: dict[int, list[float]] = {}
    params = 0
    start = time.perf_counter()

    def done(seed, run_dir, accs, p):
        nonlocal params
        curves[seed], params = accs, p
        log(f"seed {seed}: final {accs[-1]:.2f}%  ({time.perf_counter() - start:.0f}s)  {run_dir}")

    if jobs <= 1:
        for cfg in configs:
            done(*_train_quietly(cfg))
    else:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
            for future in as_completed([pool.submit(_train_quietly, cfg) for cfg in configs]):
                done(*future.result())
    return curves, params
