#!/usr/bin/env python3
"""What a GPU run's training step asks of its host, measured on a CPU: the GPU path under tests/census.py's device
stand-in (the model's and data's tensors tagged as the device's), its launches counted and its thread clocked.

    python scripts/host_census.py --data-dir /path/to/mnist                  # seeds 1 and 30, host and device draws
    python scripts/host_census.py --seeds 1,4,30 --draws device --turns 5

For each draw source (`host`: each seed's order and augmentation from its CPU generator, packed and copied a chunk
at a time, as every GPU run drew before; `device`: drawn where the images are, a CPU generator a seed standing in
for a GPU's) and each stack of seeds, an epoch of `--steps` steps of the default (`steady`, batch 64) runs as a GPU
run runs it - the draws in line, the step as its captured graph's functions, torch on one thread - and prints, per
step, the medians of `--turns` epochs (each turn's last figure too):
- host draws: the CPU time of the host's draws (`mnist.host_chunks`, outside the census: on a GPU they run in
  threads ahead of the step, and what they cost is CPU all the same);
- launches: the device calls and copies the launching thread makes (`census.HostClock`; a captured step is its
  replay and two input copies); the census also checks that nothing waits for the device;
- launching host: that thread's CPU time less the host's draws, the replayed steps, the time inside the census (the
  device's work) and the census's own cost of each call outside it (`census.calibrate`), with each launch charged at
  a GPU's ~5 us (`LAUNCH_S`): its Python, the glue between calls, torch's way to each call and the launches.
A process's first epoch pays once what later epochs do not (torch's first call of each op, the allocator's growth),
which a run's 938 steps an epoch spread thin and the census's `--steps` do not: one untimed epoch (`--warmup`) goes
before the turns, its figure printed apart (docs/speed.md has what it reads).
The calibrated cost is a loop's of small calls, not each call's own, and it moves with the machine's load; at ~25
calls a step an error of 4 us a call is 0.1 ms a step, so the last figure is good to about a tenth of a
millisecond. CPU time of one thread (`time.thread_time`): other work on the machine moves it less than wall time,
not nothing. The script runs itself with glibc's heap alone (`HEAP_ONLY`): a GPU's
caching allocator frees in microseconds, where glibc unmaps a big CPU tensor in the freeing thread's time.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))  # the census lives beside the tests that use it

import torch  # noqa: E402
from torch.utils._python_dispatch import _disable_current_modes  # noqa: E402

from census import REPLAY, HostClock, calibrate  # noqa: E402
from tinydigits import models  # noqa: E402
from tinydigits.data import augment, mnist  # noqa: E402
from tinydigits.lifecycle import make  # noqa: E402
from tinydigits.training import feed, stack  # noqa: E402
from tinydigits.training.config import TrainConfig  # noqa: E402
from tinydigits.training.train import graph_step, seed_setup, train_epoch  # noqa: E402

BATCH = 64
LAUNCH_S = 5e-6  # the host's cost of one launch on a GPU (~5 us a kernel), charged for each device call


def _setup(seeds: int, steps: int, draws: str, data_dir: str | None):
    """The default's setup for `seeds` seeds (stacked beyond one) on `steps` batches, on the device path, its draws
    from `draws`."""
    plan = make(TrainConfig(model="steady", epochs=15, train_limit=steps * BATCH, data_dir=data_dir, portable=False,
                            threads=1, precision="fp32"))
    cfg = plan.config
    if seeds > 1:
        full, test = mnist.load_split("train", data_dir), mnist.load_split("test", data_dir)
        setup, data, _ = stack.stacked_setup(cfg, list(range(seeds)), models.resolve(cfg.model),
                                             full.subset(torch.arange(steps * BATCH)), test)
    else:
        _, setup, data = seed_setup(cfg, torch.device("cpu"), plan.budget, source=plan.source)
    data = dataclasses.replace(data, on_device=True)
    if draws == "device":
        data.draws = feed.draw_source(data.generators, torch.device("cpu"))
    return cfg, setup, data


class Watch:
    """CPU seconds of this thread spent in the host's draws (`mnist.host_chunks`) and in replayed steps (each inside a
    `REPLAY` scope: a captured graph's replay on a GPU, its time the device's)."""

    def __init__(self) -> None:
        self.draws_s = self.replay_s = 0.0

    def host_chunks(self, real):
        def timed(*args, **kwargs):
            made = real(*args, **kwargs)
            while True:
                with _disable_current_modes():  # its own cost, not the census's
                    start = time.thread_time()
                    chunk = next(made, None)
                    self.draws_s += time.thread_time() - start
                if chunk is None:
                    return
                yield chunk

        return timed

    def replayed(self, step):
        def run(x, y):
            start = time.thread_time()
            try:
                with torch.profiler.record_function(REPLAY):
                    return step(x, y)
            finally:
                self.replay_s += time.thread_time() - start

        return run


def clock(seeds: int, steps: int, draws: str, data_dir: str | None, residual_s: float) -> dict:
    """One epoch of `steps` steps on the GPU path under the census's clock: per step, the host's draws (ms of CPU),
    the launches and the launching thread's host ms."""
    cfg, setup, data = _setup(seeds, steps, draws, data_dir)
    device = [*setup.model.parameters(), *setup.model.buffers(), *setup.evaluated.parameters(),
              *setup.evaluated.buffers()]
    for split in data.train:
        device += [split.images, split.labels]
    augment.bases.cache_clear()  # made on the device in the epoch, as a run's first step makes them
    watch = Watch()
    with contextlib.ExitStack() as patches:
        patches.enter_context(_patched(feed, "draw_threads", lambda seeds, cores=None: 1))  # every draw on this thread
        patches.enter_context(_patched(augment, "max3", lambda x: torch.nn.functional.max_pool2d(x, 3, 1, 1)))
        patches.enter_context(_patched(mnist, "host_chunks", watch.host_chunks(mnist.host_chunks)))
        seen = patches.enter_context(HostClock(device))
        setup.graphed = graph_step(setup, cfg, data, capture=False, log=lambda _: None)  # its tensors the device's
        setup.graphed.step = watch.replayed(setup.graphed.step)
        seen.reset()  # the schedules' copies, once a run, are not a step's
        start = time.thread_time()
        train_epoch(setup, data, cfg, prefetch=False)
        total = time.thread_time() - start
    assert not seen.syncs and not seen.mixed, (seen.syncs, seen.mixed)  # nothing waits for the device
    host = (total - watch.draws_s - watch.replay_s - seen.in_mode_s - seen.calls * residual_s
            + seen.launches * LAUNCH_S)
    return {"host_draws_ms": 1000 * watch.draws_s / steps, "launches": seen.launches / steps,
            "launching_host_ms": 1000 * host / steps}


@contextlib.contextmanager
def _patched(owner, name: str, value):
    before = getattr(owner, name)
    setattr(owner, name, value)
    try:
        yield
    finally:
        setattr(owner, name, before)


# A GPU's caching allocator hands a freed block back in microseconds; glibc gives a big CPU tensor back to the kernel
# (munmap) and maps it afresh on the next chunk, seconds of the freeing thread's time a 30-seed chunk, outside any
# device call. Its heap alone, never trimmed, stands in for the caching allocator (glibc reads these at start-up).
HEAP_ONLY = {"MALLOC_MMAP_MAX_": "0", "MALLOC_TRIM_THRESHOLD_": str(1 << 40)}


def main() -> int:
    if any(os.environ.get(k) != v for k, v in HEAP_ONLY.items()):
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, **HEAP_ONLY})
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data-dir", default=os.environ.get(mnist.ENV_VAR), help="folder with the MNIST files")
    p.add_argument("--seeds", default="1,30", help="stacks to measure, comma-separated")
    p.add_argument("--draws", default="host,device", help="draw sources: host, device or both")
    p.add_argument("--steps", type=int, default=64, help="steps an epoch (64: two chunks of 32 batches)")
    p.add_argument("--turns", type=int, default=3, help="epochs timed each; medians printed")
    p.add_argument("--warmup", type=int, default=1, help="untimed epochs before the first turn (the process's "
                                                           "one-time costs)")
    args = p.parse_args()
    torch.set_num_threads(1)  # a GPU run's host threads, and every CPU kernel on the thread that is timed
    sources, stacks = args.draws.split(","), [int(s) for s in args.seeds.split(",")]
    for _ in range(args.warmup):
        warm = clock(stacks[0], args.steps, sources[0], args.data_dir, calibrate())
        print(f"warm-up epoch ({sources[0]} draws, {stacks[0]} seed(s); not counted): launching host "
              f"{warm['launching_host_ms']:.3f} ms a step", flush=True)
    print(f"{'draws':>6} {'seeds':>5} {'host draws ms a step':>21} {'launches a step':>16} "
          f"{'launching host ms a step':>25}   (medians of {args.turns} epochs of {args.steps} steps; CPU time of one "
          f"thread; the census's own cost a call calibrated before each epoch; torch {torch.__version__})", flush=True)
    for draws in sources:
        for seeds in stacks:
            # Calibrated before each epoch: the census's own cost a call moves with the machine's load (19-30 us seen).
            turns = [clock(seeds, args.steps, draws, args.data_dir, calibrate()) for _ in range(args.turns)]
            draws_ms, counted, host_ms = (statistics.median(t[k] for t in turns) for k in
                                          ("host_draws_ms", "launches", "launching_host_ms"))
            print(f"{draws:>6} {seeds:>5} {draws_ms:>21.3f} {counted:>16.1f} {host_ms:>25.3f}   "
                  f"(turns: {', '.join(format(t['launching_host_ms'], '.3f') for t in turns)})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
