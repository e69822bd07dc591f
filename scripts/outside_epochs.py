"""A short run's seconds outside its epochs, two versions of the code timed in turns on one machine.

    python scripts/outside_epochs.py --src before=/path/to/old/src --src after=src [--turns 5] [--json FILE]

Each turn runs, for every source tree in order (each a folder holding `tinydigits/`, put first on PYTHONPATH):
`tinydigits train --epochs 1 --train-limit 2560` in a fresh process (wall seconds, and metrics.json's `timing` as that
version writes it; the CPU seconds of the command and the processes it started; the load average as it ended), and a
fresh `python -c` that times `import torch` and then the modules `train` loads beyond it. A shared machine's speed
drifts over minutes, so the versions alternate and the medians are printed, with the CPU and the command.
$TINYDIGITS_DATA_DIR (or --data-dir) names MNIST; the data's own cache is warmed by a first, untimed run of each
version.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMMAND = ["train", "--epochs", "1", "--train-limit", "2560", "--quiet"]
IMPORTS = ("import time; t = time.perf_counter(); import torch; a = time.perf_counter(); "
           "import tinydigits.cli, tinydigits.lifecycle.run, tinydigits.results.budget; b = time.perf_counter(); "
           "print(a - t, b - a)")


def one_run(src: str, out: str, data_dir: str | None) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": src}
    args = [sys.executable, "-m", "tinydigits", *COMMAND, "--out", out] + (["--data-dir", data_dir] if data_dir else [])
    began, used = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(args, env=env, capture_output=True, text=True)
    wall, after = time.perf_counter() - began, resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (used.ru_utime + used.ru_stime)  # the command and its painters
    if proc.returncode != 0:
        sys.exit(f"{src}: train failed:\n" + "\n".join(proc.stderr.strip().splitlines()[-40:]))
    folder = Path(proc.stdout.strip().splitlines()[-1])
    timing = json.loads((folder / "metrics.json").read_text()).get("timing", {})
    imports = subprocess.run([sys.executable, "-c", IMPORTS], env=env, capture_output=True, text=True, check=True)
    torch_s, beyond_s = map(float, imports.stdout.split())
    timing = {k: v for k, v in timing.items() if isinstance(v, float)}
    return {"wall_s": wall, "cpu_s": cpu, "load_1min": os.getloadavg()[0], **timing, "import_torch_s": torch_s,
            "imports_beyond_torch_s": beyond_s}


def cpu_name() -> str:
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
    except OSError:
        return "?"
    fields = dict(line.split(":", 1) for line in out.splitlines() if ":" in line)
    return " ".join(fields.get(k, "").strip() for k in ("Model name", "CPU family", "Model")) + f", {os.cpu_count()} CPUs"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", action="append", required=True, metavar="NAME=PATH")
    parser.add_argument("--turns", type=int, default=5)
    parser.add_argument("--data-dir")
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args()
    sources = dict(s.split("=", 1) for s in args.src)
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in sources}
    with tempfile.TemporaryDirectory() as out:
        for src in sources.values():  # untimed: each version's data cache (if it has one) is warm for the turns
            one_run(str(Path(src).resolve()), out, args.data_dir)
        for turn in range(args.turns):
            for name, src in sources.items():
                runs[name].append(one_run(str(Path(src).resolve()), out, args.data_dir))
                print(f"turn {turn + 1} {name}: wall {runs[name][-1]['wall_s']:.2f}s", file=sys.stderr)
    medians = {name: {k: statistics.median(r[k] for r in rows if k in r) for k in rows[0]} for name, rows in runs.items()}
    report = {"command": "tinydigits " + " ".join(COMMAND), "cpu": cpu_name(), "turns": args.turns,
              "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "medians": medians, "runs": runs}
    keys = sorted({k for m in medians.values() for k in m})
    print(f"{report['command']}; {report['cpu']}; {args.turns} turns; medians, seconds")
    print("| " + " | ".join(["part", *medians]) + " |")
    for k in keys:
        print("| " + " | ".join([k, *(f"{m[k]:.2f}" if k in m else "-" for m in medians.values())]) + " |")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
