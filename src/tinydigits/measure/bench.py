"""`tinydigits bench`: the project's pipeline against the course-notebook way and against pure compute.

Every figure is a median over many timed slices after a warm-up, never a single timing; the
three ways of training take turns, slice by slice, so they are compared on the same machine state.
"""

from __future__ import annotations

import dataclasses
import math
import os
import statistics
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

from tinydigits import models
from tinydigits.constants import DEFAULT_MODEL, MEAN, STD
from tinydigits.data import mnist
from tinydigits.lifecycle import make
from tinydigits.training.config import TrainConfig
from tinydigits.training.device import arithmetic
from tinydigits.training.factories import make_ema, make_optimizer, training_model
from tinydigits.training.train import Data, Setup, train_epoch, train_step


class PerSampleDataset(torch.utils.data.Dataset):
    """What course notebooks do (torchvision's RandomRotation + ToTensor + Normalize, written out
    with PIL because torchvision is not available here): one Python call and one PIL image per sample."""

    def __init__(self, images: torch.Tensor, labels: torch.Tensor, degrees: float = 7.0, seed: int = 0) -> None:
        self.images, self.labels, self.degrees = images.numpy(), labels.numpy(), degrees
        self.rng = np.random.default_rng(seed)

    def __len__(self) -> int:
        return len(self.labels)

    def __getitem__(self, i: int):
        img = Image.fromarray(self.images[i])
        img = img.rotate(float(self.rng.uniform(-self.degrees, self.degrees)), resample=Image.Resampling.NEAREST, fillcolor=0)
        x = torch.from_numpy(np.asarray(img, dtype=np.float32) / 255.0).unsqueeze(0)
        return (x - MEAN) / STD, int(self.labels[i])


def _median_rate(times: list[float], batch: int) -> float:
    return batch / statistics.median(times)


# A slice runner trains on the next few thousand images and returns (seconds, images timed).
Slice = Callable[[], tuple[float, int]]


def pipeline_slices(cfg: TrainConfig, train: mnist.Split, size: int) -> Slice:
    """The project's own training (shuffle, affine warp, normalise, train), data already on the device."""
    model = training_model(cfg.model)
    setup = Setup(model, make_optimizer(cfg, model.parameters()))  # a constant rate: the cost of a step, not a schedule
    g = torch.Generator().manual_seed(0)
    state = {"order": torch.randperm(len(train), generator=g), "at": 0}

    def run() -> tuple[float, int]:
        if state["at"] + size > len(train):
            state["order"], state["at"] = torch.randperm(len(train), generator=g), 0
        part = train.subset(state["order"][state["at"] : state["at"] + size])
        state["at"] += size
        stats = train_epoch(setup, Data([part], [g], [None], part), cfg)[0]
        return stats.seconds, stats.images

    return run


def _premade_step(cfg: TrainConfig) -> Callable[[int], Any]:
    """One training step of a fresh model on the i-th of 8 pre-made random batches: no data work at all."""
    model = training_model(cfg.model)
    opt = make_optimizer(cfg, model.parameters())
    g = torch.Generator().manual_seed(0)
    xs = [torch.randn(cfg.batch_size, 1, 28, 28, generator=g) for _ in range(8)]
    ys = [torch.randint(0, 10, (cfg.batch_size,), generator=g) for _ in range(8)]
    return lambda i: train_step(model, opt, xs[i % 8], ys[i % 8], cfg)


def compute_slices(cfg: TrainConfig, size: int) -> Slice:
    """Forward + backward + step on pre-made batches: the floor any data pipeline sits on."""
    step = _premade_step(cfg)
    steps = max(1, size // cfg.batch_size)

    def run() -> tuple[float, int]:
        start = time.perf_counter()
        for i in range(steps):
            step(i)
        return time.perf_counter() - start, steps * cfg.batch_size

    return run


STAGES = ("augment", "step", "ema")  # the parts of one pipeline step, as `train_epoch` labels them for the profiler


def profile_step(cfg: TrainConfig, train: mnist.Split, steps: int = 50, top: int = 10) -> dict[str, Any]:
    """Where a whole pipeline step's CPU time goes (torch.profiler over `train_epoch`): the stages' shares
    (augmentation, forward+backward+optimiser, EMA) and the top operators by self time."""
    from torch.profiler import ProfilerActivity, profile

    model = training_model(cfg.model)
    setup = Setup(model, make_optimizer(cfg, model.parameters()), ema=make_ema(model, cfg.ema))
    g = torch.Generator().manual_seed(0)
    part = train.subset(torch.arange(min(len(train), (steps + 10) * cfg.batch_size)))
    warm, timed = part.subset(torch.arange(10 * cfg.batch_size)), part.subset(torch.arange(10 * cfg.batch_size, len(part)))
    train_epoch(setup, Data([warm], [g], [None], warm), cfg)
    plain = train_epoch(setup, Data([timed], [g], [None], timed), cfg)[0]  # the step's time without the profiler
    with profile(activities=[ProfilerActivity.CPU]) as prof:  # augmentation in this thread, where the profiler looks
        train_epoch(setup, Data([timed], [g], [None], timed), cfg, prefetch=False)
    batches = math.ceil(plain.images / cfg.batch_size)
    events = prof.key_averages()
    labelled = {e.key: e.cpu_time_total for e in events if e.key in STAGES}
    ops = sorted((e for e in events if e.key not in STAGES), key=lambda e: e.self_cpu_time_total, reverse=True)
    total = sum(e.self_cpu_time_total for e in events) or 1.0  # everything, the Python between the ops included
    return {"ms_per_step": 1000 * plain.seconds / batches, "batch_size": cfg.batch_size,
            "stages": {k: 100.0 * labelled.get(k, 0.0) / total for k in STAGES},
            "ops": [{"op": e.key, "percent": 100.0 * e.self_cpu_time_total / total,
                     "ms_per_step": e.self_cpu_time_total / 1000 / batches} for e in ops[:top]]}


def format_profile(r: dict[str, Any]) -> str:
    stages = ", ".join(f"{k} {v:.0f} %" for k, v in r["stages"].items())
    lines = [f"pipeline step (batch {r['batch_size']}): {r['ms_per_step']:.1f} ms; CPU time: {stages}, the rest batching",
             f"{'top operators (self CPU time)':<48} {'share':>7} {'ms/step':>8}"]
    lines += [f"{o['op'][:48]:<48} {o['percent']:>6.1f}% {o['ms_per_step']:>8.2f}" for o in r["ops"]]
    return "\n".join(lines)


BASELINE_BATCH = 128  # what the course notebooks use


def notebook_step(model: torch.nn.Module, opt: torch.optim.Optimizer, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """A course notebook's training step: fp32, default (NCHW) layout, no autocast."""
    opt.zero_grad()
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    opt.step()
    return loss


def notebook_loader(split: mnist.Split, degrees: float = 7.0, workers: int = 2, seed: int = 0) -> torch.utils.data.DataLoader:
    """The course notebooks' data path: a shuffled DataLoader of `PerSampleDataset`, batch 128."""
    dataset = PerSampleDataset(split.images.cpu(), split.labels.cpu(), degrees, seed)
    return torch.utils.data.DataLoader(dataset, batch_size=BASELINE_BATCH, shuffle=True, num_workers=workers)


def per_sample_slices(cfg: TrainConfig, train: mnist.Split, size: int, workers: int = 2) -> Slice:
    """The course pipeline end to end: DataLoader, `workers` workers, batch 128, PIL rotation per
    sample, the same model trained the notebook way (`notebook_step`). (With model3's batch of 64
    the project's pipeline does twice the optimiser steps per epoch: its speed-up is a conservative one.)"""
    model = models.create(cfg.model)
    opt = make_optimizer(cfg, model.parameters())
    loader = notebook_loader(train, cfg.augment_degrees or 7.0, workers)
    state = {"it": iter(loader)}
    batches = max(2, size // BASELINE_BATCH)
    ahead = 2 * workers  # batches the workers prefetched while other slices ran: not timed

    def run() -> tuple[float, int]:
        timed, images = 0.0, 0
        for i in range(batches + ahead):
            start = time.perf_counter()
            batch = next(state["it"], None)
            if batch is None:  # epoch over: a new iterator (its worker start-up falls in the untimed batches)
                state["it"] = iter(loader)
                batch = next(state["it"])
            notebook_step(model, opt, *batch)
            if i >= ahead:
                timed, images = timed + time.perf_counter() - start, images + len(batch[1])
        return timed, images

    return run


def bench_training(cfg: TrainConfig, train: mnist.Split, epochs: int = 1, chunks: int = 10, workers: int = 2,
                   vs: list[TrainConfig] | None = None) -> dict:
    """Time the three ways of training in turns, slice by slice (a tenth of an epoch each), and
    report medians: turns, because this shared CPU's speed drifts by tens of percent over minutes,
    and side-by-side figures only mean something if they saw the same machine. `vs`: other models
    (each with its own recipe) whose pipeline step takes the same turns, under `vs:NAME`."""
    size = max(BASELINE_BATCH * 2, len(train) // chunks)
    runners = {"pipeline": pipeline_slices(cfg, train, size)}  # the pipelines next to each other in every turn
    runners.update({f"vs:{other.model}": pipeline_slices(other, train, size) for other in vs or []})
    runners.update(compute=compute_slices(cfg, size), per_sample_baseline=per_sample_slices(cfg, train, size, workers))
    for run in runners.values():  # warm-up
        run()
    per_image: dict[str, list[float]] = {name: [] for name in runners}
    for _ in range(max(1, epochs) * chunks):
        for name, run in runners.items():
            seconds, images = run()
            per_image[name].append(seconds / images)
    result = {}
    for name, values in per_image.items():
        per_epoch = statistics.median(values) * len(train)
        result[name] = {"seconds_per_epoch": per_epoch, "images_per_s": len(train) / per_epoch, "slices_timed": len(values),
                        "spread_seconds_per_epoch": [min(values) * len(train), max(values) * len(train)]}
    result["per_sample_baseline"].update(workers=workers, batch_size=BASELINE_BATCH, precision="fp32")
    for other in vs or []:  # how many times cheaper its step is than this model's, seen in the same turns
        part = result[f"vs:{other.model}"]
        part.update(name=models.display_name(other.model), precision=other.precision, batch_size=other.batch_size,
                    speedup=result["pipeline"]["seconds_per_epoch"] / part["seconds_per_epoch"])
    return result


def _latency(fn: Callable[[], Any], repeats: int) -> list[float]:
    for _ in range(max(3, repeats // 10)):
        fn()
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return times


def _inference_stats(run_one: Callable[[], Any], run_batch: Callable[[], Any], batch: int) -> dict[str, float]:
    one = sorted(_latency(run_one, 300))
    big = _latency(run_batch, 15)
    return {"batch1_median_ms": 1000 * statistics.median(one), "batch1_p95_ms": 1000 * one[int(0.95 * (len(one) - 1))],
            "big_batch": batch, "big_batch_images_per_s": _median_rate(big, batch)}


def bench_inference(model_name: str, batch: int = 1000) -> dict[str, dict[str, float]]:
    model = models.create(model_name).eval()
    x1, xb = torch.randn(1, 1, 28, 28), torch.randn(batch, 1, 28, 28)
    results = {}
    with torch.no_grad():
        results["pytorch_eager"] = _inference_stats(lambda: model(x1), lambda: model(xb), batch)
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
    except ImportError:
        return results
    from tinydigits.use.export import to_onnx
    from tinydigits.use.predict import onnx_classifier

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "m.onnx"
        to_onnx(model, path, model_name)
        run_onnx = onnx_classifier(path)  # the same session set-up `predict --backend onnx` uses
        a1, ab = x1.numpy(), xb.numpy()
        results["onnxruntime"] = _inference_stats(lambda: run_onnx(a1), lambda: run_onnx(ab), batch)
    return results


def run(model: str = DEFAULT_MODEL, *, epochs: int = 1, data_dir: str | None = None, precision: str | None = None,
        threads: int | None = None, profile: bool = False, vs: list[str] | None = None, log=print,
        portable: bool = True) -> dict[str, Any]:
    """`vs`: other models whose pipeline step is timed in the same turns (docs/speed.md's table of levers). `portable`:
    in the arithmetic seeds train in by default (fp32, AVX2 kernels, one thread: the command line pins the process);
    else this machine's own, on `threads`."""
    cfg = make(TrainConfig(model=model, data_dir=data_dir, precision=precision, portable=portable, threads=threads)).config
    others = [make(TrainConfig(model=other, data_dir=data_dir, precision=precision, portable=portable)).config
              for other in vs or []]
    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    train = mnist.load_split("train", data_dir, "cpu", quiet=True)
    log(f"benchmarking {model} ({models.count_params(models.create(model))} params) on {torch.get_num_threads()} threads ...")
    result: dict[str, Any] = {"model": model, "threads": torch.get_num_threads(), "torch": torch.__version__,
                              "batch_size": cfg.batch_size, "precision": cfg.precision, "portable": cfg.portable,
                              "arithmetic": arithmetic()}
    result.update(bench_training(cfg, train, epochs, vs=others))
    log(f"  training done: pipeline {result['pipeline']['seconds_per_epoch']:.1f} s/epoch")
    result["inference"] = bench_inference(model)
    if profile:
        result["profile"] = profile_step(cfg, train)
    p, b, c = result["pipeline"], result["per_sample_baseline"], result["compute"]
    result["speedup_vs_per_sample"] = b["seconds_per_epoch"] / p["seconds_per_epoch"]
    result["overhead_vs_compute_pct"] = 100.0 * (p["seconds_per_epoch"] / c["seconds_per_epoch"] - 1)
    return result


def format_table(r: dict[str, Any]) -> str:
    def row(label: str, part: dict[str, Any]) -> str:
        low, high = part["spread_seconds_per_epoch"]
        return f"{label:<34} {part['seconds_per_epoch']:>9.2f} {f'{low:.1f}-{high:.1f}':>11} {part['images_per_s']:>10,.0f}"

    lines = [
        f"{r['model']}, batch {r['batch_size']}, {r['precision']}, {r['threads']} threads; "
        f"medians of {r['pipeline']['slices_timed']} interleaved slices each",
        f"{'training (one epoch of 60,000)':<34} {'s/epoch':>9} {'range':>11} {'images/s':>10}",
        row("tinydigits pipeline", r["pipeline"]),
        row("per-sample DataLoader, fp32, b128", r["per_sample_baseline"]),
        row("pure compute (fwd+bwd+step)", r["compute"]),
        *[row(f"pipeline, {part['name']}", part) + f"  {part['speedup']:.2f}x faster" for name, part in r.items()
          if name.startswith("vs:")],
        f"speed-up vs per-sample baseline: {r['speedup_vs_per_sample']:.2f}x",
        f"pipeline overhead above pure compute: {r['overhead_vs_compute_pct']:+.1f}%",
        "",
        f"{'inference':<20} {'batch-1 median ms':>18} {'batch-1 p95 ms':>15} {'batch-1000 images/s':>20}",
    ]
    for name, s in r["inference"].items():
        big = f"{s['big_batch_images_per_s']:,.0f}" + ("" if s["big_batch"] == 1000 else f" (batch {s['big_batch']})")
        lines.append(f"{name:<20} {s['batch1_median_ms']:>18.3f} {s['batch1_p95_ms']:>15.3f} {big:>20}")
    if "profile" in r:
        lines += ["", format_profile(r["profile"])]
    return "\n".join(lines)


def _device_run(model: str, seeds: int, images: int, device: str | None, data_dir: str | None, graphed: bool):
    """(config, setup, data, probe, device) of `seeds` seeds of `model` on `images` images, on the device path."""
    from tinydigits.training.probe import GradProbe
    from tinydigits.training.stack import stacked_setup
    from tinydigits.training.train import graph_step, load_splits, seed_setup

    plan = make(TrainConfig(model=model, device=device, data_dir=data_dir, portable=False, train_limit=images))
    cfg = plan.config
    dev = torch.device(cfg.device or ("cuda" if torch.cuda.is_available() else "cpu"))
    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    if seeds > 1:
        setup, data, _ = stacked_setup(cfg, list(range(seeds)), plan.source, *load_splits(cfg, dev))
    else:
        _, setup, data = seed_setup(cfg, dev, plan.budget, source=plan.source)
    data = dataclasses.replace(data, on_device=True)
    if graphed:
        setup.graphed = graph_step(setup, cfg, data, capture=dev.type == "cuda")
    return cfg, setup, data, None if data.stacked else GradProbe(setup.model), dev


def device_steps(model: str = DEFAULT_MODEL, *, seeds: int = 1, steps: int = 50, blocks: int = 5,
                 device: str | None = None, data_dir: str | None = None, profile: bool = False,
                 graphed: bool = False, device_time: bool = False) -> dict[str, Any]:
    """A training step of `model` on the device path (`mnist.device_batches`), as a run makes it: `seeds` stacked
    seeds (1: a plain run, its gradient probe included), timed in `blocks` of `steps` steps after a block of warm-up,
    their median per step. On a GPU the timed steps run under `torch.cuda.set_sync_debug_mode("error")`: a step that
    makes the host wait for the device raises (`syncs` says so) instead of being timed. `profile`: one more block under
    torch.profiler, its top operators by device time (by CPU time on a CPU) as a table. `graphed`: the step as
    `training.graphs` makes it (one CUDA graph on a GPU, captured in the warm-up block; its functions eager on a CPU).
    `device_time`: on a GPU, one more block under torch.profiler, the device's busy ms a step in it (`device_ms`,
    `_device_busy_ms`). A stack's convs run the way $TINYDIGITS_STACK_WAY names (`way`: `training.stack.WAYS`)."""
    from tinydigits.training.feed import step_batches
    from tinydigits.training.train import scheduled_step

    images = (blocks + 1 + profile + device_time) * steps * 64
    cfg, setup, data, probe, dev = _device_run(model, seeds, images, device, data_dir, graphed)
    batches, cuda = step_batches(data, cfg.batch_size, cfg.augment(), prefetch=not profile), dev.type == "cuda"

    def block(watched: bool = True) -> float:
        if cuda:
            torch.cuda.synchronize(dev)
            if watched:
                torch.cuda.set_sync_debug_mode("error")
        start = time.perf_counter()
        try:
            for _ in range(steps):
                x, y = next(batches)
                scheduled_step(setup, x, y, cfg, 28, cfg.batch_size, fused=True, probe=probe)
        finally:
            if cuda:
                torch.cuda.set_sync_debug_mode(0)
        if cuda:
            torch.cuda.synchronize(dev)
        return time.perf_counter() - start

    setup.model.train()
    block(watched=False)  # the warm-up, its one-time work (the bases' and schedules' copies, the capture) unwatched
    graph = None if setup.graphed is None else "captured" if setup.graphed.graph is not None else "eager"
    result: dict[str, Any] = {"model": model, "seeds": seeds, "graphed": graph, "device": str(dev), "steps": steps,
                              "blocks": blocks, "batch_size": cfg.batch_size, "precision": cfg.precision,
                              "threads": torch.get_num_threads(), "way": getattr(setup.model, "way", None),
                              "warmup_s": getattr(setup.graphed, "warmup_s", None)}  # the graph's eager steps first
    try:
        times = [block() for _ in range(blocks)]
    except RuntimeError as err:  # the sync debug mode's error: which call waited
        return {**result, "syncs": str(err).splitlines()[0][:200], "ms_per_step": None}
    result.update(syncs=None, ms_per_step=1000 * statistics.median(times) / steps)
    if device_time and cuda:
        result["device_ms"] = _device_busy_ms(block) / steps
    return result | ({"profile": _profiled(block, cuda)} if profile else {})


def _device_busy_ms(block: Callable[[], float]) -> float:
    """Milliseconds the GPU was busy over one more block under torch.profiler: the union of its kernels' and copies'
    spans (kernels side by side on streams counted once)."""
    from torch.autograd import DeviceType
    from torch.profiler import ProfilerActivity, profile

    with profile(activities=[ProfilerActivity.CPU, ProfilerActivity.CUDA]) as prof:
        block()
    spans = sorted((e.time_range.start, e.time_range.end) for e in prof.events() if e.device_type == DeviceType.CUDA)
    busy, end = 0.0, float("-inf")
    for a, b in spans:
        if b > end:
            busy += b - max(a, end)
            end = b
    return busy / 1000


def _profiled(block: Callable[[], float], cuda: bool) -> str:
    """One more block under torch.profiler: its top operators by device time (CPU time on a CPU), as a table."""
    from torch.profiler import ProfilerActivity, profile

    with profile(activities=[ProfilerActivity.CPU] + ([ProfilerActivity.CUDA] if cuda else [])) as prof:
        block()
    return prof.key_averages().table(sort_by="cuda_time_total" if cuda else "cpu_time_total", row_limit=15)


def host_draws(seeds: tuple[int, ...] = (1, 30), steps: int = 96, step_ms: float = 1.0, model: str = DEFAULT_MODEL,
               cores: int | None = None) -> list[dict[str, Any]]:
    """The host's share of a GPU run's steps (`mnist.host_chunks`: each seed's order and augmentation draws), for each
    stack of `seeds`: its milliseconds a step drawn in line, and how long the thread that launches the steps waits a
    step for its batch - in line, and with the draws made ahead in their own threads (`training.prefetch.ahead`,
    `feed.draw_threads`) while each step stands for `step_ms` of device work (a sleep: a launching thread is idle
    while a GPU computes). Only indices and draws are made, so no device and no MNIST is needed. Torch's host
    threads are a GPU run's (`arithmetic.CUDA_HOST_THREADS`) while it measures."""
    from tinydigits.training.arithmetic import CUDA_HOST_THREADS
    from tinydigits.training.feed import draw_threads
    from tinydigits.training.prefetch import ahead

    cfg = make(TrainConfig(model=model)).config
    augment, batch, images = cfg.augment(), cfg.batch_size, steps * cfg.batch_size

    def chunks(g: int, threads: int):
        gens = [torch.Generator().manual_seed(s) for s in range(g)]
        return mnist.host_chunks(images, batch, gens, augment, (28, 28), torch.device("cpu"), draw_threads=threads)

    rows, before = [], torch.get_num_threads()
    torch.set_num_threads(CUDA_HOST_THREADS)
    try:
        for g in seeds:
            threads, start = draw_threads(g, cores), time.perf_counter()
            for _ in chunks(g, 1):
                pass
            drawn = time.perf_counter() - start
            rows.append({"seeds": g, "draw_threads": threads, "step_ms": step_ms, "steps": steps,
                         "host_ms_per_step": 1000 * drawn / steps,
                         "wait_ms_per_step_in_line": 1000 * _waited(chunks(g, 1), step_ms) / steps,
                         "wait_ms_per_step_ahead": 1000 * _waited(ahead(chunks(g, threads)), step_ms) / steps})
    finally:
        torch.set_num_threads(before)
    return rows


def _waited(made: Iterator, device_ms: float) -> float:
    """Seconds the launching thread spends getting each chunk from `made` while each of its steps sleeps `device_ms`."""
    wait, it = 0.0, iter(made)
    while True:
        start = time.perf_counter()
        chunk = next(it, None)
        wait += time.perf_counter() - start
        if chunk is None:
            return wait
        time.sleep(device_ms * len(chunk.spans) / 1000)


def format_host_draws(rows: list[dict[str, Any]]) -> str:
    lines = [f"{'seeds':>5} {'draw threads':>12} {'host ms a step':>15} {'waits in line':>14} {'waits, drawn ahead':>19}"
             f"   (each step {rows[0]['step_ms']:g} ms of device work, {rows[0]['steps']} steps, {os.cpu_count()} cores)"]
    lines += [f"{r['seeds']:>5} {r['draw_threads']:>12} {r['host_ms_per_step']:>15.2f} {r['wait_ms_per_step_in_line']:>14.2f}"
              f" {r['wait_ms_per_step_ahead']:>19.2f}" for r in rows]
    return "\n".join(lines)


CONTEXT_WAYS = ("bare", "settings", "painters", "run", "spawned")


def context_seconds(device: str = "cuda") -> dict[str, float]:
    """Where a run's seconds before its first kernel go: the first kernel's seconds (on a GPU: its CUDA context made)
    in a process forked from this one before any CUDA call, one way a process (`CONTEXT_WAYS`): `bare`; after a run's
    `settings` (deterministic kernels on CUDA, one host thread); after its plan's question whether the device has
    native bf16 (on a GPU torch starts CUDA for it, not the context) and its four `painters` started as a run starts
    them (forked; they load the drawing code meanwhile); after all three, as a `run` makes them; and the same with the
    painters `spawned` (as a GPU run made them while CUDA started meant spawned: each imports torch anew). Each process
    asks first whether CUDA is there, as a command does before its run. This process must not have touched CUDA (a
    forked child could not)."""
    return {way: _forked(lambda way=way: _first_kernel(way, device)) for way in CONTEXT_WAYS}


def _first_kernel(way: str, device: str) -> float:
    from tinydigits.lifecycle.finish import Painters
    from tinydigits.training.device import bf16_is_fast, deterministic_cuda

    torch.cuda.is_available()
    painters = None
    if way in ("painters", "run", "spawned"):
        bf16_is_fast(torch.device(device))
        painters = Painters.start(4, "spawn" if way == "spawned" else None)
    if way in ("settings", "run", "spawned"):
        torch.set_num_threads(1)
        if device.startswith("cuda"):
            deterministic_cuda()
    start = time.perf_counter()
    torch.zeros(1, device=device)
    if device.startswith("cuda"):
        torch.cuda.synchronize(device)
    seconds = time.perf_counter() - start
    if painters is not None:
        painters.close()
    return seconds


def _forked(fn: Callable[[], float]) -> float:
    """`fn()` in a child forked now, its float sent back through a pipe (NaN where the child failed, its traceback on
    stderr)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            os.write(write, repr(fn()).encode())
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        said = pipe.read()
    os.waitpid(pid, 0)
    try:
        return float(said)
    except ValueError:
        return math.nan
