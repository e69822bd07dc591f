"""`tinydigits bench --vs-notebook`: two whole training runs, ours and the course notebook's, in turns.

Ours is `tinydigits train` with its defaults, a real process from start to finished run folder
(pictures included). The notebook's is the best course network trained the way course notebooks
do it (`notebook_way`). Each runs in its own process group; the two groups are resumed and
stopped in turn (SIGCONT / SIGSTOP), a second or so each, so the machine's drift over minutes hits
both alike. A run's wall time is the sum of the intervals in which it was allowed to run, so it
counts its start-up, evaluation and writing, and nothing of the other.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import torch

from tinydigits.constants import BUDGET
from tinydigits.models.spec import NetSpec
from tinydigits.results.records import Run
from tinydigits.training.device import pinned_env

# The best course network (6,136 params): conv 1->8->16, max-pool, 1x1 16->8, convs 8->8->12->12->16,
# GAP, 1x1 -> 10, BN after every conv, 5 % dropout after the 3x3 blocks but the last.
COURSE_NET = NetSpec.parse("c8d5 c16d5 M c8k1 c8d5 c12d5 c12d5 c16", "course-net")


def notebook_way(data_dir: str | None, epochs: int, seed: int, out_json: str, workers: int = 2) -> None:
    """The course notebook, written out: per-sample PIL rotation +-7 deg in a DataLoader with 2
    workers, batch 128, fp32 in the default layout, SGD with a one-cycle rate, a test pass per epoch."""
    from tinydigits.data import mnist
    from tinydigits.measure import bench

    torch.manual_seed(seed)
    train, test = mnist.load_split("train", data_dir, "cpu", quiet=True), mnist.load_split("test", data_dir, "cpu", quiet=True)
    loader = bench.notebook_loader(train, 7.0, workers, seed)
    test_x, test_y = mnist.normalize(mnist.to_unit(test.images)), test.labels
    model = COURSE_NET.build()
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=0.1, epochs=epochs, steps_per_epoch=len(loader), pct_start=0.25)
    accs = []
    for _ in range(epochs):
        model.train()
        for x, y in loader:
            bench.notebook_step(model, opt, x, y)
            sched.step()
        model.eval()
        with torch.no_grad():
            pairs = zip(test_x.split(1000), test_y.split(1000), strict=True)
            correct = sum(int((model(x).argmax(1) == y).sum()) for x, y in pairs)
        accs.append(100.0 * correct / len(test_y))
        Path(out_json).write_text(json.dumps({"params": COURSE_NET.params(), "test_acc": accs}))


def _run_in_turns(procs: dict[str, subprocess.Popen], slice_s: float) -> tuple[dict[str, float], dict[str, float]]:
    """Resume one process group at a time for `slice_s`; returns each one's running seconds until it exited, and the
    CPU seconds it and the children it waited for (a DataLoader's workers) spent (the kernel's account at its exit:
    a busy host can stretch a way's wall seconds, not the work it did)."""
    running, cpu = {name: 0.0 for name in procs}, {}
    for p in procs.values():
        os.killpg(p.pid, signal.SIGSTOP)
    alive = dict(procs)
    while alive:
        for name, p in list(alive.items()):
            os.killpg(p.pid, signal.SIGCONT)
            start = time.perf_counter()
            while (usage := _exited(p)) is None and time.perf_counter() - start < slice_s:
                time.sleep(0.005)
            if usage is None:
                os.killpg(p.pid, signal.SIGSTOP)
            else:
                cpu[name] = usage.ru_utime + usage.ru_stime
                del alive[name]
            running[name] += time.perf_counter() - start
    return running, cpu


def _exited(p: subprocess.Popen):
    """The process's resource usage once it has exited (its exit code set on `p`), else None. `os.wait4`, not
    `Popen.wait`: only it returns what the process used."""
    pid, status, usage = os.wait4(p.pid, os.WNOHANG)
    if not pid:
        return None
    p.returncode = os.waitstatus_to_exitcode(status)
    return usage


def vs_notebook(data_dir: str | None = None, epochs: int = 15, seed: int = 0, slice_s: float = 1.0,
                train_args: list[str] | None = None, log=print) -> dict[str, Any]:
    """Both whole runs in turns; wall seconds, final accuracies and the ratio."""
    env = {**os.environ, **({"TINYDIGITS_DATA_DIR": data_dir} if data_dir else {})}
    # The notebook computes as a student's notebook does, in this machine's own kernels; ours as `train` is told.
    notebook_env = pinned_env(env, portable=False)
    with tempfile.TemporaryDirectory(prefix="tinydigits-vs-") as tmp:
        notebook_json = Path(tmp) / "notebook.json"
        ours_cmd = [sys.executable, "-m", "tinydigits", "train", "--quiet", "--seed", str(seed), "--out", str(Path(tmp) / "runs"),
                    *(train_args or [])]
        notebook_cmd = [sys.executable, "-c", "import sys; from tinydigits.measure.versus import notebook_way; "
                        "notebook_way(sys.argv[1] or None, int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])",
                        data_dir or "", str(epochs), str(seed), str(notebook_json)]
        log(f"training both in turns ({slice_s:g} s slices): tinydigits train {' '.join(train_args or [])} "
            f"vs the notebook way ({COURSE_NET.params():,} params, {epochs} epochs) ...")
        procs = {name: subprocess.Popen(cmd, env=e, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
                 for name, cmd, e in (("tinydigits", ours_cmd, env), ("notebook", notebook_cmd, notebook_env))}
        try:
            seconds, cpu = _run_in_turns(procs, slice_s)
        finally:
            for p in procs.values():
                if p.poll() is None:
                    os.killpg(p.pid, signal.SIGKILL)
        outputs = {name: p.stdout.read().decode(errors="replace") for name, p in procs.items()}
        for name, p in procs.items():
            if p.returncode != 0:
                raise RuntimeError(f"{name} run failed (exit {p.returncode}): {outputs[name].strip().splitlines()[-1:]}")
        run_dir = Path(outputs["tinydigits"].strip().splitlines()[-1])
        ours = Run.load(run_dir)
        notebook = json.loads(notebook_json.read_text())
    last = BUDGET.last  # the judged epochs
    return {
        "tinydigits": {"model": ours.name, "params": ours.params, "epochs": len(ours.epochs),
                       "batch_size": ours.settings.batch_size, "precision": ours.settings.precision,
                       "seconds": seconds["tinydigits"], "cpu_seconds": cpu["tinydigits"],
                       "portable": bool(ours.settings.portable), "threads": ours.settings.threads,
                       "arithmetic": ours.environment.get("arithmetic"),
                       "final_acc": ours.test()[-1], "min_last": min(ours.test()[-last:])},
        "notebook": {"model": COURSE_NET.name, "params": notebook["params"], "epochs": len(notebook["test_acc"]),
                     "batch_size": 128, "precision": "fp32", "seconds": seconds["notebook"],
                     "cpu_seconds": cpu["notebook"],
                     "final_acc": notebook["test_acc"][-1], "min_last": min(notebook["test_acc"][-last:])},
        "ratio": seconds["notebook"] / seconds["tinydigits"], "cpu_ratio": cpu["notebook"] / cpu["tinydigits"],
        "slice_seconds": slice_s, "torch": torch.__version__,
        "threads": torch.get_num_threads(),
    }


def format_vs(r: dict[str, Any]) -> str:
    judged = f"min last {BUDGET.last}"
    lines = [f"{'whole run, in turns':<44} {'params':>7} {'epochs':>6} {'seconds':>8} {'CPU s':>7} {'final %':>8} {judged:>10}"]
    ours = r["tinydigits"]
    how = f"{ours['precision']}{', portable' if ours.get('portable') else ''}"
    for key, label in (("tinydigits", f"tinydigits train ({ours['model']}, b{ours['batch_size']}, {how})"),
                       ("notebook", "notebook way (course net, DataLoader, fp32)")):
        p = r[key]
        lines.append(f"{label:<44} {p['params']:>7,} {p['epochs']:>6} {p['seconds']:>8.1f} {p['cpu_seconds']:>7.1f} "
                     f"{p['final_acc']:>8.2f} {p['min_last']:>10.2f}")
    lines.append(f"speed-up, whole run: {r['ratio']:.2f}x (CPU seconds: {r['cpu_ratio']:.2f}x)")
    return "\n".join(lines)
