"""`tinydigits bench`: the project's pipeline against the course-notebook way and against pure compute.

Every figure is a median over many timed steps after a warm-up, never a single timing.
"""

from __future__ import annotations

import math
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import torch
from PIL import Image

from tinydigits import data, models
from tinydigits.constants import MEAN, STD
from tinydigits.train import TrainConfig, make_optimizer, train_epoch, train_step


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


def bench_pipeline(cfg: TrainConfig, train: data.Split, epochs: int, chunks: int = 10) -> dict[str, float]:
    """The project's own epoch (shuffle, affine warp, normalise, train), data already on the device.
    Each epoch is timed in `chunks` slices so even one epoch gives a median, not a single timing."""
    model = models.create(cfg.model).to(memory_format=torch.channels_last)
    opt = make_optimizer(cfg, model.parameters())
    g = torch.Generator().manual_seed(0)
    train_epoch(model, opt, None, False, train.subset(torch.arange(min(2048, len(train)))), cfg, g)  # warm-up
    size = len(train) // chunks
    times = []
    for _ in range(max(epochs, 1)):
        order = torch.randperm(len(train), generator=g)
        for c in range(chunks):
            times.append(train_epoch(model, opt, None, False, train.subset(order[c * size : (c + 1) * size]), cfg, g).seconds)
    per_epoch = statistics.median(times) * len(train) / size
    return {"seconds_per_epoch": per_epoch, "images_per_s": len(train) / per_epoch, "slices_timed": len(times)}


BASELINE_BATCH = 128  # what the course notebooks use


def bench_per_sample(cfg: TrainConfig, train: data.Split, workers: int = 2, max_batches: int | None = None) -> dict:
    """The course pipeline: DataLoader, 2 workers, batch 128, PIL rotation per sample, same model
    and training step. (With model3's batch of 64 the project's pipeline does twice the optimiser
    steps per epoch, so the speed-up it shows against this baseline is a conservative one.)"""
    model = models.create(cfg.model).to(memory_format=torch.channels_last)
    opt = make_optimizer(cfg, model.parameters())
    loader = torch.utils.data.DataLoader(PerSampleDataset(train.images.cpu(), train.labels.cpu(), cfg.augment_degrees or 7.0),
                                         batch_size=BASELINE_BATCH, shuffle=True, num_workers=workers)
    times, start, last = [], time.perf_counter(), time.perf_counter()
    for i, (x, y) in enumerate(loader):
        train_step(model, opt, x, y, cfg)
        now = time.perf_counter()
        times.append(now - last)
        last = now
        if max_batches and i + 1 >= max_batches:
            break
    times = times[min(5, len(times) // 2) :]  # worker start-up and first batches are warm-up
    batches = math.ceil(len(train) / BASELINE_BATCH)
    return {"seconds_per_epoch": statistics.median(times) * batches, "wall_seconds_measured": last - start,
            "images_per_s": _median_rate(times, BASELINE_BATCH), "workers": workers, "batch_size": BASELINE_BATCH}


def bench_compute(cfg: TrainConfig, train_size: int, steps: int = 400) -> dict[str, float]:
    """Forward + backward + step on pre-made batches: the floor any data pipeline sits on."""
    model = models.create(cfg.model).to(memory_format=torch.channels_last)
    opt = make_optimizer(cfg, model.parameters())
    g = torch.Generator().manual_seed(0)
    xs = [torch.randn(cfg.batch_size, 1, 28, 28, generator=g) for _ in range(8)]
    ys = [torch.randint(0, 10, (cfg.batch_size,), generator=g) for _ in range(8)]
    times = []
    for i in range(steps + 10):
        t = time.perf_counter()
        train_step(model, opt, xs[i % 8], ys[i % 8], cfg)
        if i >= 10:
            times.append(time.perf_counter() - t)
    batches = math.ceil(train_size / cfg.batch_size)
    return {"seconds_per_epoch": statistics.median(times) * batches, "images_per_s": _median_rate(times, cfg.batch_size)}


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
            f"batch{batch}_images_per_s": _median_rate(big, batch)}


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
    from tinydigits.export import to_onnx
    from tinydigits.predict import onnx_classifier

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "m.onnx"
        to_onnx(model, path, model_name)
        run_onnx = onnx_classifier(path)  # the same session set-up `predict --backend onnx` uses
        a1, ab = x1.numpy(), xb.numpy()
        results["onnxruntime"] = _inference_stats(lambda: run_onnx(a1), lambda: run_onnx(ab), batch)
    return results


def run(model: str = "model3", epochs: int = 1, data_dir: str | None = None, baseline_batches: int | None = None,
        precision: str | None = None, log=print) -> dict[str, Any]:
    cfg = TrainConfig(model=model, data_dir=data_dir, precision=precision).resolved()
    train = data.load_split("train", data_dir, "cpu", quiet=True)
    log(f"benchmarking {model} ({models.count_params(models.create(model))} params) on {torch.get_num_threads()} threads ...")
    result: dict[str, Any] = {"model": model, "threads": torch.get_num_threads(), "torch": torch.__version__,
                              "batch_size": cfg.batch_size, "precision": cfg.precision}
    result["compute"] = bench_compute(cfg, len(train))  # first: nothing else (DataLoader workers) is running yet
    result["pipeline"] = bench_pipeline(cfg, train, epochs)
    log(f"  pipeline done: {result['pipeline']['seconds_per_epoch']:.1f} s/epoch")
    result["per_sample_baseline"] = bench_per_sample(cfg, train, max_batches=baseline_batches)
    log(f"  per-sample baseline done: {result['per_sample_baseline']['seconds_per_epoch']:.1f} s/epoch")
    result["inference"] = bench_inference(model)
    p, b, c = result["pipeline"], result["per_sample_baseline"], result["compute"]
    result["speedup_vs_per_sample"] = b["seconds_per_epoch"] / p["seconds_per_epoch"]
    result["overhead_vs_compute_pct"] = 100.0 * (p["seconds_per_epoch"] / c["seconds_per_epoch"] - 1)
    return result


def format_table(r: dict[str, Any]) -> str:
    p, b, c = r["pipeline"], r["per_sample_baseline"], r["compute"]
    lines = [
        f"{r['model']}, batch {r['batch_size']}, {r['precision']}, {r['threads']} threads",
        f"{'training (one epoch of 60,000)':<34} {'s/epoch':>9} {'images/s':>10}",
        f"{'tinydigits pipeline':<34} {p['seconds_per_epoch']:>9.2f} {p['images_per_s']:>10,.0f}",
        f"{'per-sample DataLoader (batch 128)':<34} {b['seconds_per_epoch']:>9.2f} {b['images_per_s']:>10,.0f}",
        f"{'pure compute (fwd+bwd+step)':<34} {c['seconds_per_epoch']:>9.2f} {c['images_per_s']:>10,.0f}",
        f"speed-up vs per-sample baseline: {r['speedup_vs_per_sample']:.2f}x",
        f"pipeline overhead above pure compute: {r['overhead_vs_compute_pct']:+.1f}%",
        "",
        f"{'inference':<20} {'batch-1 median ms':>18} {'batch-1 p95 ms':>15} {'batch-1000 images/s':>20}",
    ]
    for name, s in r["inference"].items():
        big = s["batch1000_images_per_s"]
        lines.append(f"{name:<20} {s['batch1_median_ms']:>18.3f} {s['batch1_p95_ms']:>15.3f} {big:>20,.0f}")
    return "\n".join(lines)
