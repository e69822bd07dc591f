"""Execute notebooks/walkthrough.ipynb at full size in a real Jupyter kernel and save it with every output.

    python scripts/execute_walkthrough.py --data-dir ../shared/data/mnist

The notebook runs top to bottom from its folder (the runs under notebooks/runs, the hand-in in notebooks/handin), with
no WALKTHROUGH_* variable set, so every figure is the full exercise. The notebook is saved after each cell, as a
student saves it before the hand-in cell copies it beside the README. At the end its first cell says which CPU,
torch and commit the outputs come from and the seconds the execution took (between the two `executed` comments).

Run it from a worktree frozen at the commit it names (`git worktree add ../frozen HEAD`), so that no edit of the
package reaches a kernel mid-run; copy the notebook and notebooks/handin back afterwards.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

import nbclient
import nbformat

ROOT = Path(__file__).resolve().parents[1]
MARK = re.compile(r"(<!-- executed -->).*?(<!-- /executed -->)", re.S)


def cpu_words() -> str:
    """The CPU as the research record names it: cores, vendor's model name, the widest vector unit it has."""
    info = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    name = re.search(r"model name\s*:\s*(.*)", info)
    found = re.search(r"flags\s*:\s*(.*)", info)
    flags = set(found.group(1).split()) if found else set()
    unit = next((u for f, u in (("amx_tile", "AMX"), ("avx512f", "AVX-512"), ("avx2", "AVX2 only")) if f in flags), "")
    model = re.sub(r"\((R|TM)\)|\bProcessor\b|\bCPU\b|@.*", "", name.group(1) if name else platform.processor())
    return f"{os.cpu_count()}-core {' '.join(model.split())}" + (f" ({unit})" if unit else "")


def say_where(nb, commit: str, seconds: float | None = None, torch_version: str = "") -> None:
    """The first cell's `executed` span: while the run goes on (so that a copy saved mid-run says so), then its
    seconds, CPU, torch and commit."""
    first = nb.cells[0]
    words = (f"executed top to bottom in {seconds:,.0f} s on a {cpu_words()}, torch {torch_version}, commit "
             f"{commit}, by `python scripts/execute_walkthrough.py`" if seconds is not None else
             f"being executed top to bottom on a {cpu_words()}, commit {commit}, by `python "
             f"scripts/execute_walkthrough.py` (its seconds are written here when it ends)")
    if not MARK.search(first.source):
        raise SystemExit("the notebook's first cell has no <!-- executed --> ... <!-- /executed --> span")
    first.source = MARK.sub(lambda m: f"{m.group(1)}{words}{m.group(2)}", first.source)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--notebook", type=Path, default=ROOT / "notebooks" / "walkthrough.ipynb")
    ap.add_argument("--data-dir", required=True, help="the four MNIST IDX files (the README's TINYDIGITS_DATA_DIR)")
    ap.add_argument("--timeout", type=int, default=3600, help="seconds a cell may run")
    args = ap.parse_args()
    path = args.notebook.resolve()
    for name in ("WALKTHROUGH_EPOCHS", "WALKTHROUGH_TRAIN_LIMIT", "WALKTHROUGH_SEEDS", "WALKTHROUGH_OUT"):
        os.environ.pop(name, None)  # full size: the notebook's own defaults
    os.environ["TINYDIGITS_DATA_DIR"] = str(Path(args.data_dir).resolve())
    os.environ["JPY_SESSION_NAME"] = str(path)  # as Jupyter's server names a kernel's notebook
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=path.parent, capture_output=True,
                            text=True, check=True).stdout.strip()
    nb = nbformat.read(path, as_version=4)
    say_where(nb, commit)
    client = nbclient.NotebookClient(nb, timeout=args.timeout, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    client.on_cell_execute = lambda cell, cell_index: nbformat.write(nb, path)  # saved before each cell runs
    start = time.perf_counter()
    client.execute()
    seconds = time.perf_counter() - start
    torch_version = subprocess.run([sys.executable, "-c", "import torch; print(torch.__version__)"],
                                   capture_output=True, text=True, check=True).stdout.strip()
    say_where(nb, commit, seconds, torch_version)
    nbformat.write(nb, path)
    print(f"{path}: {seconds:.0f} s, commit {commit}, {cpu_words()}")


if __name__ == "__main__":
    main()
