"""The benchmark's machinery on a few batches (the real figures come from `tinydigits bench`)."""

from __future__ import annotations

import torch

from tinydigits import bench, data
from tinydigits.train import TrainConfig


def small_split(n: int = 256) -> data.Split:
    g = torch.Generator().manual_seed(0)
    return data.Split(torch.randint(0, 256, (n, 28, 28), dtype=torch.uint8, generator=g), torch.randint(0, 10, (n,), generator=g))


def test_per_sample_dataset_matches_the_tensor_normalisation():
    split = small_split(4)
    ds = bench.PerSampleDataset(split.images, split.labels, degrees=0.0)
    x, y = ds[2]
    expected = data.normalize(data.to_unit(split.images[2:3]))[0]
    assert x.shape == (1, 28, 28) and y == int(split.labels[2]) and torch.allclose(x, expected, atol=1e-6)


def test_bench_parts_run_and_report_rates():
    cfg = TrainConfig(model="model3", precision="fp32").resolved()
    split = small_split()
    pipeline = bench.bench_pipeline(cfg, split, epochs=1, chunks=2)
    baseline = bench.bench_per_sample(cfg, split, workers=0, max_batches=4)
    compute = bench.bench_compute(cfg, len(split), steps=3)
    for part in (pipeline, baseline, compute):
        assert part["seconds_per_epoch"] > 0 and part["images_per_s"] > 0
    inference = bench.bench_inference("model3", batch=8)
    assert inference["pytorch_eager"]["batch1_median_ms"] > 0
