"""Helpers several test files share (imported as `helpers`; test files never import each other)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

MEASURED_TORCH = "2.13.0"  # the torch the exact numbers in the tests were measured with (constraints.txt)


def exact_numbers_of(version: str = MEASURED_TORCH):
    """Skip a test whose expected numbers are one torch's to the last digit, on any other torch (another torch may
    choose other kernels: the same arithmetic in name, other bits)."""
    import pytest
    import torch

    here = torch.__version__.split("+")[0]
    return pytest.mark.skipif(here != version, reason=f"exact numbers measured with torch {version}; this is torch {here}")


def run_main(*args: str) -> subprocess.CompletedProcess:
    """`tinydigits ARGS` through `cli.main` in this process, stdout and stderr captured: the same entry point without
    a new interpreter's ~2 s of importing torch. For what needs a fresh process (signals, a class this process knows,
    a module imported once), `run_cli`. Torch's thread count is put back (`--threads` sets it process-wide).

    Warnings land on stderr as a new interpreter would print them (pytest would otherwise collect them
    aside), so a stray warning still breaks a "one line on stderr" assertion; deprecations stay hidden,
    as Python hides them outside `__main__`."""
    import contextlib
    import io
    import warnings

    import torch

    from tinydigits.cli import main

    out, err, threads = io.StringIO(), io.StringIO(), torch.get_num_threads()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), warnings.catch_warnings(record=True) as shown:
            warnings.simplefilter("always")
            for hidden in (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning):
                warnings.simplefilter("ignore", hidden)
            try:
                code = main(list(args))
            except SystemExit as exit_:  # argparse's usage errors and --help
                code = exit_.code if isinstance(exit_.code, int) else 1
    finally:
        torch.set_num_threads(threads)
    printed = "".join(warnings.formatwarning(w.message, w.category, w.filename, w.lineno) for w in shown)
    return subprocess.CompletedProcess(["tinydigits", *args], code, out.getvalue(), err.getvalue() + printed)


def tiny_spec(folder) -> str:
    """A spec file of two strided convs named "tiny" in `folder` (its path): seeds that cost next to nothing on the
    path every model takes, for tests about where seeds run and land rather than what they learn."""
    from pathlib import Path

    from tinydigits.files import write_json
    from tinydigits.models.spec import NetSpec

    path = Path(folder) / "tiny.json"
    write_json(path, NetSpec.parse("c4s2 c8s2", "tiny").to_dict())
    return str(path)


def run_cli(*args: str, env_extra: dict | None = None, cwd: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "tinydigits", *args], capture_output=True, text=True, env=env, timeout=300,
                          cwd=cwd)


def assert_one_line_error(proc: subprocess.CompletedProcess, *needles: str) -> None:
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    for needle in needles:
        assert needle in lines[0]


USER_FILE = textwrap.dedent('''
    import torch.nn as nn

    class Net(nn.Module):
        """A student's own step: two convs, a pool, GAP, a linear head."""

        def __init__(self):
            super().__init__()
            self.body = nn.Sequential(nn.Conv2d(1, 8, 3), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(8, 16, 3), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
                                      nn.Linear(16, 10))

        def forward(self, x):
            return self.body(x)

    def make_net():
        return Net()

    class ThreeChannels(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv = nn.Conv2d(3, 10, 28)

        def forward(self, x):
            return self.conv(x).flatten(1)

    class Flat(nn.Module):
        def forward(self, x):
            return x.flatten(1)

    NOT_A_MODEL = 42
''')


TINY_CHECK = ["--epochs", "1", "--last", "1", "--min-acc", "1", "--train-limit", "2000", "--threads", "1"]  # cheap seeds


def start_scheduler(file) -> subprocess.Popen:
    """`dask scheduler` on loopback (port 0, no dashboard) writing `file`; returns once the file is there."""
    import time

    proc = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port",
                             "0", "--no-dashboard", "--scheduler-file", str(file)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not file.exists():
        assert time.monotonic() < deadline, "the scheduler did not start"
        time.sleep(0.2)
    return proc


def stop_processes(*procs: subprocess.Popen) -> None:
    """SIGTERM each process still running, SIGKILL it after 20 s: the end of every scheduler and worker a test starts."""
    import signal

    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def curves(verdict) -> dict[str, list[float]]:
    """A check's test curves (the judged epochs), seed by seed: of a `Verdict`, or of its JSON (check.json, --json)."""
    data = verdict.to_json() if hasattr(verdict, "to_json") else verdict
    return {seed: row["last"] for seed, row in data["seeds"].items()}


def planned(cfg):
    """`cfg` resolved as the commands resolve it: by its plan (`lifecycle.make`, the one place)."""
    from tinydigits.lifecycle import make

    return make(cfg).config


def train(cfg, **kwargs):
    """One run of `cfg` as `tinydigits train` makes it: planned, then trained (`training.train.train`)."""
    from tinydigits.lifecycle import make
    from tinydigits.training.train import train as train_run

    plan = make(cfg)
    return train_run(plan.config, source=plan.source, **kwargs)


def script(name: str):
    """A maintainer's script under scripts/ as a module (scripts/ is the lab's tooling, not the package)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"scripts_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def handin_text(folder) -> str:
    """A hand-in folder as a grader reads it: README.md, then the evidence.md it links."""
    from pathlib import Path

    folder = Path(folder)
    evidence = folder / "evidence.md"
    return (folder / "README.md").read_text() + ("\n" + evidence.read_text() if evidence.is_file() else "")


def step_blocks(text: str) -> list[str]:
    """Each step's part of a hand-in's text (`handin_text`): its README section, with its evidence.md section after
    it where the text holds both."""
    import re

    parts = re.split(r"\n## Step \d+: ", text)[1:]
    if len(parts) % 2 == 0 and "# The evidence" in text:
        half = len(parts) // 2
        return [f"{a}\n{b}" for a, b in zip(parts[:half], parts[half:], strict=True)]
    return parts


def longest_tool_sentence(readme: str, student: list[str] | None = None) -> int:
    """The words of the longest sentence the tool wrote in a hand-in's README: the student's Analyses, Targets, quoted
    claims and table rows left out."""
    import re

    for text in student or []:
        readme = readme.replace(text.strip(), "")
    kept = "\n".join(line for line in readme.splitlines() if not line.startswith(("|", "**Target")))
    kept = re.sub(r'"[^"]*"', '""', kept)
    return max((len(s.split()) for s in re.split(r"(?<=[.;:])\s+|\n", kept) if s.strip()), default=0)


def events_of(run_dir):
    """A run's TensorBoard file read back by TensorBoard's own EventAccumulator, every image, scalar and tensor kept."""
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

    acc = EventAccumulator(str(run_dir), size_guidance={"images": 0, "scalars": 0, "tensors": 0})
    acc.Reload()
    return acc


def event_graph(run_dir) -> bytes:
    """The model graph a run's TensorBoard file holds, serialized (empty where it holds none)."""
    acc = events_of(run_dir)
    return acc.Graph().SerializeToString() if acc.Tags()["graph"] else b""
