#!/usr/bin/env python3
"""tinydigits on the GPU you have, in one command (issue 56): install beside the torch that is there, then train,
time, check 30 seeds, repeat a seed digit for digit, predict and export; one table, non-zero exit if a step failed.

    python3 scripts/gpu_check.py --data-dir /path/to/mnist            # make gpu-check DATA=/path/to/mnist

The install reaches no registry (`pip install --no-deps --no-build-isolation --no-index`, into a venv that sees the
system's packages): what the runtime lacks is named from `pip check` and only the steps that need it fail. Needs no
torch itself, so it can install tinydigits before anything imports it. Figures from a real GPU: docs/speed.md,
"On a GPU".
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WAYS = ("grouped", "nchw", "nchw1", "nchw0", "bmm", "streams")  # a stack's ways of running its convs (training.convs.WAYS)
WAY_ROWS = tuple(f"step30-{way}" for way in WAYS)
# bmm and streams were slower than grouped in every call so far (docs/speed.md): the full run still times them
QUICK_WAYS = ("step30-grouped", "step30-nchw", "step30-nchw1", "step30-nchw0")
ALL = ("install", "context", "step", "step-eager", "step30", *WAY_ROWS, "step30-eager", "epoch", "whole", "again", "fast",
       "eager", "eager-again", "stack-again", "check", "check-eager", "predict", "export")
# What decides the defaults, within 5 minutes of an H100: the default's step, the 30-seed step in the ways still in
# question side by side, the default's whole run twice (the same curve; `cuda_s` among its parts), a short stacked
# check twice (the same curves), and the 30-seed check with its verdict (given what is left of `QUICK_S`). The
# `context` row (~25 s) is the full run's: its first kernels took 0.12-0.22 s in every way a run makes it.
QUICK = ("install", "step", *QUICK_WAYS, "whole", "again", "stack-again", "check")
QUICK_S = 300
TIMING = {"seconds", "train_images_per_s"}


def sh(cmd: list[str], log: Path, env: dict[str, str] | None = None, timeout: float | None = None) -> tuple[int, float]:
    """Run `cmd`, its output appended to `log`; (exit status, wall seconds: the whole process, its start included)."""
    start = time.perf_counter()
    with log.open("a") as out:
        out.write(f"\n$ {' '.join(cmd)}\n")
        out.flush()
        try:
            rc = subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, timeout=timeout).returncode
        except subprocess.TimeoutExpired:
            rc = 124
    return rc, time.perf_counter() - start


def python_result(code: str, log: Path, env: dict[str, str]) -> tuple[int, float, dict | None]:
    """`python -c code` run by `sh`: (exit status, seconds, the JSON it printed after "RESULT ", or None where it
    printed none). Only this process's lines of the log are read: an earlier row's result is not this one's."""
    began = log.stat().st_size if log.exists() else 0
    rc, seconds = sh([sys.executable, "-c", code], log, env)
    with log.open("rb") as f:
        f.seek(began)
        said = [line for line in f.read().decode(errors="replace").splitlines() if line.startswith("RESULT ")]
    return rc, seconds, json.loads(said[-1][len("RESULT "):]) if said else None


def install(site: Path, log: Path) -> tuple[bool, str]:
    """tinydigits into `site` for this interpreter (`pip --target`: its torch, numpy, matplotlib... stay as they are,
    also where the interpreter is itself a venv), and the requirements this interpreter lacks, named."""
    import re
    from importlib import metadata

    rc, _ = sh([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "--no-index",
                "--upgrade", "--target", str(site), str(REPO)], log)
    if rc:
        return False, f"pip install failed (see {log})"
    dist = next(site.glob("tinydigits-*.dist-info"))
    needs = [line.split(":", 1)[1].strip() for line in (dist / "METADATA").read_text().splitlines()
             if line.startswith("Requires-Dist:") and "extra ==" not in line]
    missing = []
    for need in needs:
        name = re.split(r"[<>=!~;\[ ]", need)[0]
        try:
            metadata.version(name)
        except metadata.PackageNotFoundError:
            missing.append(name)
    import torch

    gpu = torch.cuda.get_device_name(0) if torch.cuda.is_available() else "no GPU"
    return True, f"torch {torch.__version__} kept, {gpu}" + (f"; not here (pip install them where you can): "
                                                              f"{', '.join(missing)}" if missing else "")


def digit_png(data_dir: Path, path: Path) -> int:
    """The first MNIST test image as a PNG (its label returned): what `predict` must read back."""
    from PIL import Image

    images = gzip.decompress((data_dir / "t10k-images-idx3-ubyte.gz").read_bytes())[16 : 16 + 784]
    label = gzip.decompress((data_dir / "t10k-labels-idx1-ubyte.gz").read_bytes())[8]
    Image.frombytes("L", (28, 28), images).save(path)
    return label


def curve(run: Path) -> list[dict]:
    metrics = json.loads((run / "metrics.json").read_text())
    return [{k: v for k, v in e.items() if k not in TIMING} for e in metrics["epochs"]]


def last_run(out: Path, before: set[Path]) -> Path | None:
    new = sorted(p for p in out.iterdir() if p not in before and (p / "metrics.json").exists())
    return new[-1] if new else None


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data-dir", required=True, type=Path, help="folder with the four MNIST IDX .gz files")
    p.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "tinydigits-gpu")
    p.add_argument("--steps", default=",".join(ALL),
                   help="which steps, comma-separated (each a few minutes at most on a recent GPU)")
    p.add_argument("--quick", action="store_true",
                   help=f"only {','.join(QUICK)}: the figures that decide the defaults, within {QUICK_S} s (the check "
                        "gets what is left)")
    p.add_argument("--way", choices=WAYS, default=None,
                   help="the way a stack's convs run in the check rows and step30 ($TINYDIGITS_STACK_WAY; default: "
                        "tinydigits' own)")
    p.add_argument("--budget", type=float, default=None,
                   help=f"seconds for the whole call: rows past it are skipped, the check stops at it ({QUICK_S} with "
                        "--quick)")
    p.add_argument("--seeds", default="0-29", help="the check's seeds")
    p.add_argument("--json", type=Path, help="also write the table as JSON, with the GPU, torch, commit and date")
    p.add_argument("--commit", default=None, help="the commit measured (default: git's HEAD here, where there is one)")
    p.add_argument("--profile", action="store_true", help="also profile a block of the default's steps (to the log)")
    p.add_argument("--device", default="cuda", help="cuda (default); cpu only to try the script itself")
    args = p.parse_args()
    steps = QUICK if args.quick else args.steps.split(",")
    began, budget = time.perf_counter(), args.budget or (QUICK_S if args.quick else None)

    def left() -> float | None:
        return None if budget is None else budget - (time.perf_counter() - began)

    args.work.mkdir(parents=True, exist_ok=True)
    log, site, out = args.work / "log.txt", args.work / "site", args.work / "runs"
    out.mkdir(exist_ok=True)
    td = [sys.executable, "-m", "tinydigits"]
    env = {**os.environ, "TINYDIGITS_DATA_DIR": str(args.data_dir.resolve()), "PYTHONUNBUFFERED": "1"}
    if args.way:
        env["TINYDIGITS_STACK_WAY"] = args.way
    if "install" in steps or site.exists():
        env["PYTHONPATH"] = os.pathsep.join([str(site), *filter(None, [os.environ.get("PYTHONPATH")])])
        sys.path.insert(0, str(site))  # this process reads a verdict's odds with tinydigits' own formatter
    rows: list[dict] = []

    def row(step: str, ok: bool, seconds: float | None, result: str) -> None:
        rows.append({"step": step, "ok": ok, "seconds": None if seconds is None else round(seconds, 1), "result": result})
        print(f"{step:>10}  {'ok  ' if ok else 'FAIL'}  {'' if seconds is None else f'{seconds:7.1f} s'}  {result}", flush=True)

    if "install" in steps:
        ok, what = install(site, log)
        row("install", ok, None, what)
        if not ok:
            return finish(rows, args.json)
    if "context" in steps:
        row("context", *context_row(args.device, log, env))
    # A CPU (`--device cpu`) only tries the script: a block of a few steps.
    blocks = "steps=3, blocks=1" if args.device == "cpu" else "steps=50, blocks=5"
    for step, seeds, graphed, way in (("step", 1, True, None), ("step-eager", 1, False, None), ("step30", 30, True, None),
                                      *((f"step30-{w}", 30, True, w) for w in WAYS), ("step30-eager", 30, False, None)):
        if step not in steps:
            continue
        if left() is not None and left() < 30:
            row(step, False, None, f"skipped: the call's {budget:.0f} s are spent")
            continue
        # The default's step on the device path, timed in blocks after a warm-up, under the sync debug mode; with
        # --profile one block more under torch.profiler, its top kernels in the log. A way's row: the 30 seeds' step
        # with the stack's convs run that way, and one block more under the profiler for the device's busy time.
        profiled = args.profile and graphed
        code = ("import json, sys; from tinydigits.measure.bench import device_steps; "
                f"r = device_steps(seeds={seeds}, device={args.device!r}, data_dir={str(args.data_dir.resolve())!r}, "
                f"profile={profiled}, graphed={graphed}, device_time={way is not None}, {blocks}); "
                "print(r.pop('profile', '')); print('RESULT ' + json.dumps(r))")
        rc, seconds, r = python_result(code, log, {**env, "TINYDIGITS_STACK_WAY": way} if way else env)
        if rc or r is None:
            row(step, False, seconds, f"exit {rc} (see {log})")
            continue
        ok = r["syncs"] is None
        how = (f"(median of {r['blocks']} x {r['steps']} steps, {r['precision']}, batch {r['batch_size']}"
               f"{', one CUDA graph' if r['graphed'] == 'captured' else ''}"
               f"{', the graph step eager (not captured)' if r['graphed'] == 'eager' else ''}), no sync caught")
        if not ok:
            row(step, False, seconds, f"a step waits for the device: {r['syncs']}")
        elif way is not None:
            device, warm = r.get("device_ms"), r.get("warmup_s")
            row(step, ok, seconds, f"device {'-' if device is None else f'{device:.2f}'} ms, wall {r['ms_per_step']:.2f} "
                                   f"ms a step of 30 seeds, way {r.get('way')} {how}"
                                   f"{'' if warm is None else f'; its warm-up steps {warm:.2f} s'}")
        else:
            row(step, ok, seconds, f"{r['ms_per_step']:.2f} ms a step of {seeds} seed(s) {how}")
    runs: dict[str, Path | None] = {}
    for step, flags, step_env, same_as in (("epoch", ["--epochs", "1"], env, None), ("whole", [], env, None),
                                           ("again", [], env, "whole"),
                                           ("fast", ["--no-deterministic"], env, None),
                                           ("eager", ["--no-cuda-graphs"], env, None),
                                           ("eager-again", ["--no-cuda-graphs"], env, "eager")):
        if step not in steps:
            continue
        if left() is not None and left() < 30:
            row(step, False, None, f"skipped: the call's {budget:.0f} s are spent")
            continue
        before = set(out.iterdir())
        rc, seconds = sh([*td, "train", "--device", args.device, "--seed", "0", "--out", str(out), "--quiet", *flags], log,
                         step_env, timeout=left())
        runs[step] = run = last_run(out, before)
        if rc or run is None:
            row(step, False, seconds, f"exit {rc} (see {log})")
            continue
        last = curve(run)
        ok = "AccumulateGrad node's stream" not in log.read_text()  # torch's warning of a graph kept past its step
        metrics = json.loads((run / "metrics.json").read_text())
        timing = metrics.get("timing", {})
        note = (f"final {last[-1]['test_acc']:.2f} %, min(last 3) {min(e['test_acc'] for e in last[-3:]):.2f} %; "
                f"{timing.get('step', '?')}, before train {timing.get('process_s', '?')} s, start-up "
                f"{timing.get('startup_s', '?')} s (to the first kernel, `cuda_s`, {timing.get('cuda_s', '?')} s), "
                f"finish {timing.get('finish_s', '?')} s, then {after_finish(metrics, seconds)} s to the process's end"
                f"; {epoch_parts(metrics)}{'' if ok else '; a stream-mismatch warning in the log'}")
        if same_as and runs.get(same_as):
            ok = ok and curve(runs[same_as]) == last
            note += f", the same curve as `{same_as}` to the digit" if ok else f", NOT the curve of `{same_as}`"
        if step == "fast" and runs.get("whole"):
            note += " (not deterministic: the cost of `whole`'s deterministic kernels is the time between them)"
        row(step, ok, seconds, note)
    if "stack-again" in steps:
        row("stack-again", *stack_again(td, args, out, log, env, left()))
    for step, flags in (("check", []), ("check-eager", ["--no-cuda-graphs"])):
        if step not in steps:
            continue
        if left() is not None and left() < 30:
            row(step, False, None, f"skipped: the call's {budget:.0f} s are spent")
            continue
        verdict = args.work / f"{step}.json"
        verdict.unlink(missing_ok=True)  # a verdict left by an earlier call is not this one's
        rc, seconds = sh([*td, "check", "--device", args.device, "--seeds", args.seeds, "--stack", "--out", str(out),
                          "--json", str(verdict), *flags], log, env, timeout=left())
        if rc == 124:
            row(step, False, seconds, f"not finished in {seconds:.0f} s (the call's {budget:.0f} s)")
        elif verdict.exists():
            # `site` was filled after this process began: an import before that cached "nothing there" for the path.
            importlib.invalidate_caches()
            said = json.loads(verdict.read_text())
            row(step, rc in (0, 1), seconds, verdict_text(said) + check_parts(said))
        else:
            row(step, False, seconds, f"exit {rc} (see {log})")
    run = runs.get("whole") or runs.get("epoch")
    if "predict" in steps and run:
        png = args.work / "digit.png"
        label = digit_png(args.data_dir, png)
        said = subprocess.run([*td, "predict", str(run), str(png), "--json"], capture_output=True, text=True, env=env)
        try:
            answer = json.loads(said.stdout)
            answer = answer[0] if isinstance(answer, list) else answer
            ok = said.returncode == 0 and answer.get("digit", answer.get("prediction")) == label
            row("predict", ok, None, f"test image 0 (a {label}): {answer.get('digit')} "
                                     f"({100 * answer.get('confidence', 0):.2f} %)")
        except (json.JSONDecodeError, AttributeError, IndexError):
            row("predict", False, None, f"exit {said.returncode}: {said.stderr.strip()[-200:]}")
    if "export" in steps and run:
        rc, seconds = sh([*td, "export", str(run), "--onnx", str(args.work / "model.onnx")], log, env)
        row("export", rc == 0, seconds, "ONNX verified on the test set" if rc == 0 else f"exit {rc} (see {log})")
    return finish(rows, args.json, {**machine(args.commit), "argv": sys.argv[1:]})


def after_finish(metrics: dict, seconds: float) -> str:
    """The seconds a `train` process lived after its finish (`seconds`: the process's wall), as its metrics.json
    counts the rest: the process before `train`, the start-up, the epochs and the finish; '?' where one is missing."""
    timing = metrics.get("timing", {})
    parts = [timing.get(k) for k in ("process_s", "startup_s", "finish_s")]
    if None in parts:
        return "?"
    return f"{seconds - sum(parts) - sum(e.get('seconds', 0.0) for e in metrics.get('epochs', [])):.1f}"


def context_row(device: str, log: Path, env: dict[str, str]) -> tuple[bool, float, str]:
    """The first kernel's seconds (on a GPU: its CUDA context made) in fresh processes, each after one more of what a
    run does before it (`tinydigits.measure.bench.context_seconds`): where a run's `cuda_s` goes."""
    code = ("import json; from tinydigits.measure.bench import context_seconds; "
            f"print('RESULT ' + json.dumps(context_seconds({device!r})))")
    rc, seconds, ways = python_result(code, log, env)
    if rc or ways is None:
        return False, seconds, f"exit {rc} (see {log})"
    return True, seconds, "the first kernel " + ", ".join(f"{s:.2f} s {way}" for way, s in ways.items()) + (
        " (bare; after a run's settings; after its plan's bf16 question and its 4 painters forked; all three; the same "
        "with the painters spawned)")


def stack_again(td: list[str], args: argparse.Namespace, out: Path, log: Path, env: dict[str, str],
                left: float | None) -> tuple[bool, float | None, str]:
    """The check's seeds stacked, one short epoch (12,800 images), twice: (every seed's curve the same to the digit,
    seconds of both, what was seen). A stack's curves are the check's numbers: the same seeds must give them again."""
    if left is not None and left < 60:
        return False, None, "skipped: the call's seconds are spent"
    curves, spent = [], 0.0
    for turn in ("a", "b"):
        folder = out / f"stack-again-{turn}"
        rc, seconds = sh([*td, "check", "--device", args.device, "--seeds", args.seeds, "--stack", "--epochs", "1",
                          "--last", "1", "--train-limit", "12800", "--out", str(folder), "--quiet"], log, env,
                         timeout=None if left is None else (left - spent) / 2)
        spent += seconds
        seeds = seed_curves(folder)
        if rc not in (0, 1) or not seeds:
            return False, spent, f"exit {rc} (see {log})"
        curves.append(seeds)
    same = sum(curves[0][seed] == curves[1].get(seed) for seed in curves[0])
    ok = curves[0].keys() == curves[1].keys() and same == len(curves[0])
    return ok, spent, (f"{len(curves[0])} stacked seeds, one epoch of 12,800 images twice: "
                       f"{'every seed the same curve to the digit' if ok else f'{same} of {len(curves[0])} the same'}")


def seed_curves(folder: Path) -> dict[int, list[dict]]:
    """Each seed's curve in a check's folder, by its seed: a run folder's name begins with the second it started,
    which two checks of the same seeds need not share."""
    runs = folder.glob("check-*/*/metrics.json")
    return {json.loads(run.read_text())["seed"]: curve(run.parent) for run in runs}


def _s(value: float | None) -> str:
    return "?" if value is None else f"{value:.1f}"


def epoch_parts(metrics: dict) -> str:
    """A run's epoch 1 and a later epoch (the median), from its metrics.json: where a GPU run's first epoch goes beyond
    the others'. For a captured step, epoch 1's warm-up and its steps on shapes not captured ("none": every batch had
    the captured shape); none for a step not captured; "?" where the record does not say how its step ran."""
    import statistics

    t, epochs = metrics.get("timing") or {}, [e["seconds"] for e in metrics.get("epochs", [])]
    later = f", later epochs {statistics.median(epochs[1:]):.2f} s each" if len(epochs) > 1 else ""
    first = f"epoch 1 {_s(epochs[0] if epochs else None)} s"
    if t.get("step") in ("eager", "cpu"):
        return first + later
    eager = "none" if t.get("step") == "cuda graph" and t.get("eager_s") is None else f"{_s(t.get('eager_s'))} s"
    return f"{first} (warm-up {_s(t.get('warmup_s'))} s, steps on shapes not captured {eager}){later}"


def check_parts(verdict: dict) -> str:
    """Where a check spent its own clock (its `check --json` verdict: `wall_seconds`, and `folder`, the check's), from
    one seed's metrics.json (a stack's seeds share their start-up and epochs): the start-up, epoch 1 and a later
    epoch (`epoch_parts`), that seed's finish. Empty where the check left no seed's figures."""
    runs = sorted(Path(verdict["folder"]).glob("*/metrics.json")) if verdict.get("folder") else []
    if not runs:
        return ""
    metrics = json.loads(runs[0].read_text())
    t = metrics.get("timing") or {}
    return (f"; its own clock {_s(verdict.get('wall_seconds'))} s: start-up {_s(t.get('startup_s'))} s, "
            f"{epoch_parts(metrics)}, a seed's finish {_s(t.get('finish_s'))} s")


def verdict_text(v: dict) -> str:
    """A check row's result: its verdict, the seeds that held and the odds of a new seed, as every page writes them."""
    from tinydigits.results.records import Odds

    odds, seeds = v.get("odds") or {}, v.get("seeds", {})
    held = sum(1 for s in seeds.values() if s.get("pass"))
    odds_text = (f", P(new seed holds) {Odds.of(odds).chance(digits=1, unit=' %', bound='>= ')}"
                 if "probability" in odds else "")
    return f"{v.get('verdict')}: {held} of {len(seeds)} seeds hold (stacked){odds_text}"


def machine(commit: str | None) -> dict:
    """What the table was measured on: the GPU, torch, the commit and the date (the JSON's head)."""
    import datetime

    try:
        import torch

        gpu = torch.cuda.get_device_name(0) if torch.cuda.is_available() else None
        version = torch.__version__
    except ImportError:
        gpu = version = None
    if commit is None:
        got = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
        commit = got.stdout.strip() if got.returncode == 0 else None
    return {"gpu": gpu, "torch": version, "commit": commit, "cpu_cores": os.cpu_count(),
            "date": datetime.date.today().isoformat()}


def finish(rows: list[dict], path: Path | None, head: dict | None = None) -> int:
    print("\n| step | ok | seconds | result |\n|---|---|---|---|")
    for r in rows:
        seconds = "" if r["seconds"] is None else r["seconds"]
        print(f"| {r['step']} | {'yes' if r['ok'] else 'NO'} | {seconds} | {r['result']} |")
    if path:
        path.write_text(json.dumps({**(head or {}), "rows": rows}, indent=1))
    return 0 if rows and all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
