"""One seed in a fresh Python process that never runs the caller's script: `tinydigits.train` from a notebook or a
script whose process already computes in other kernels than the seed's arithmetic. The job (config, budget and the
model: a class defined in `__main__` by value, as `check` ships classes to its workers) goes in on stdin; the epoch
lines come back on stdout as they are printed, then the run folder.

Not a Dask worker or `multiprocessing`: both start their processes by importing the caller's `__main__`, so a script
without `if __name__ == "__main__":` ran itself, and trained, twice.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from tinydigits.constants import Budget
from tinydigits.errors import TinyDigitsError
from tinydigits.training.config import TrainConfig

DONE = "tinydigits-fresh-run: "  # the child's last line: its run folder


def train_fresh(cfg: TrainConfig, budget: Budget, log: Callable[[str], None] = print) -> Path:
    """Train `cfg` in a new process started as `python -m tinydigits.cluster.fresh` (pinned as `cfg` says), its epoch
    lines handed to `log` while it trains; returns its run folder (under `cfg.out`, as `train` leaves one)."""
    import cloudpickle

    from tinydigits.cluster.engine import model_content
    from tinydigits.training.device import pinned_env

    payload = cloudpickle.dumps({"cfg": cfg, "budget": budget, "model": model_content(cfg.model)})
    env = pinned_env(os.environ, bool(cfg.portable))
    # The child imports what this process can: a script's `sys.path.insert(0, ...)` or a notebook's folder counts.
    own = {sys.prefix, sys.base_prefix}
    extra = [p or os.getcwd() for p in sys.path if not any((p or "/").startswith(o) for o in own)]
    env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys([*extra, *filter(None, env.get("PYTHONPATH", "").split(os.pathsep))]))
    proc = subprocess.Popen([sys.executable, "-m", "tinydigits.cluster.fresh"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    proc.stdin.write(payload)
    proc.stdin.close()
    folder = None
    for raw in proc.stdout:
        line = raw.decode(errors="replace").rstrip("\n")
        if line.startswith(DONE):
            folder = Path(line[len(DONE):])
        else:
            log(line)
    errors = proc.stderr.read().decode(errors="replace").strip().splitlines()
    if proc.wait() != 0 or folder is None:
        raise TinyDigitsError(f"the fresh process failed: {errors[-1] if errors else f'exit {proc.returncode}'}")
    return folder


def main() -> int:
    """The child: read the job, register a class sent by value, train it here, print the epoch lines and the folder."""
    import cloudpickle

    from tinydigits import models
    from tinydigits.lifecycle.run import train_run
    from tinydigits.models import registry

    job = cloudpickle.loads(sys.stdin.buffer.read())
    cfg, model = job["cfg"], job["model"]
    if model is not None and model["kind"] == "inline":
        models.register(cfg.model, **model["recipe"])(model["cls"])
        registry.remember_code(cfg.model, model.get("code"))  # what the run records as its code
    provided = model if model is not None and model["kind"] != "inline" else None
    try:
        with models.provided(cfg.model, provided):
            result = train_run(cfg, job["budget"], quiet=True, log=lambda line: print(line, flush=True),
                               warn=lambda line: print(line, flush=True))
    except TinyDigitsError as err:
        print(f"tinydigits: error: {err}", file=sys.stderr)
        return 1
    print(f"{DONE}{result.run_dir}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
