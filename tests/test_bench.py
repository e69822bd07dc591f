"""The benchmark's machinery on a few batches (the real figures come from `tinydigits bench`)."""

from __future__ import annotations

import pytest
import torch

from tinydigits import models
from tinydigits.data import mnist
from tinydigits.measure import bench
from tinydigits.training.config import TrainConfig


def small_split(n: int = 256) -> mnist.Split:
    g = torch.Generator().manual_seed(0)
    images = torch.randint(0, 256, (n, 28, 28), dtype=torch.uint8, generator=g)
    return mnist.Split(images, torch.randint(0, 10, (n,), generator=g))


def test_per_sample_dataset_matches_the_tensor_normalisation():
    split = small_split(4)
    ds = bench.PerSampleDataset(split.images, split.labels, degrees=0.0)
    x, y = ds[2]
    expected = mnist.normalize(mnist.to_unit(split.images[2:3]))[0]
    assert x.shape == (1, 28, 28) and y == int(split.labels[2]) and torch.allclose(x, expected, atol=1e-6)


def test_bench_training_times_all_three_in_turns():
    cfg = TrainConfig(model="model3", precision="fp32").resolved()
    poolbn = TrainConfig(model="poolbn", precision="fp32").resolved()  # `--vs poolbn`: its step in the same turns
    result = bench.bench_training(cfg, small_split(), epochs=1, chunks=2, workers=0, vs=[poolbn])
    other = result["vs:poolbn"]
    assert other["speedup"] == pytest.approx(result["pipeline"]["seconds_per_epoch"] / other["seconds_per_epoch"])
    assert other["batch_size"] == 64 and other["precision"] == "fp32"
    for part in ("pipeline", "per_sample_baseline", "compute", "vs:poolbn"):
        r = result[part]
        assert r["slices_timed"] == 2 and r["images_per_s"] == pytest.approx(256 / r["seconds_per_epoch"])  # an epoch of 256
        assert r["spread_seconds_per_epoch"][0] <= r["seconds_per_epoch"] <= r["spread_seconds_per_epoch"][1]
    inference = bench.bench_inference("model3", batch=8)
    eager = inference["pytorch_eager"]
    assert eager["batch1_median_ms"] <= eager["batch1_p95_ms"] and eager["big_batch"] == 8
    report = {**result, "model": "model3", "batch_size": cfg.batch_size, "precision": "fp32", "threads": 1,
              "speedup_vs_per_sample": 1.5, "overhead_vs_compute_pct": 5.0, "inference": inference}
    robust = TrainConfig(model="robust", precision="fp32", batch_size=16).resolved()  # augmentation and an EMA
    report["profile"] = profile = bench.profile_step(robust, small_split(), steps=3, top=5)
    assert len(profile["ops"]) == 5 and 0 < sum(r["percent"] for r in profile["ops"]) <= 100.001
    stages = profile["stages"]
    assert set(stages) == {"augment", "step", "ema"} and all(v > 0 for v in stages.values()), stages
    assert stages["step"] > stages["ema"] and sum(stages.values()) <= 100.001
    table = bench.format_table(report)
    assert "tinydigits pipeline" in table and "per-sample DataLoader" in table and "pytorch_eager" in table
    assert "pipeline, poolbn" in table and f"{other['speedup']:.2f}x" in table
    assert "top operators" in table and "augment" in table and "the rest batching" in table


def test_notebook_step_trains_in_fp32_without_touching_the_layout():
    model = models.create("model3")
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    before = [p.detach().clone() for p in model.parameters()]
    loss = bench.notebook_step(model, opt, torch.randn(8, 1, 28, 28), torch.randint(0, 10, (8,)))
    assert loss.dtype == torch.float32 and torch.isfinite(loss)
    assert any(not torch.equal(a, p) for a, p in zip(before, model.parameters(), strict=True))


def test_run_in_turns_gives_each_process_only_its_own_running_time():
    import subprocess
    import sys
    import time

    from tinydigits.measure import versus

    # Each child needs ~0.6 s of CPU (b half of it in a child of its own, as a DataLoader's workers); run one slice at
    # a time they take turns, so each one's running time is about its own work, not the sum of both.
    busy = "import time\nt = time.process_time()\nwhile time.process_time() - t < {}: pass"
    spawning = f"import subprocess, sys\nsubprocess.run([sys.executable, '-c', {busy.format(0.3)!r}])\n{busy.format(0.3)}"
    procs = {name: subprocess.Popen([sys.executable, "-c", code], start_new_session=True)
             for name, code in (("a", busy.format(0.6)), ("b", spawning))}
    start = time.perf_counter()
    seconds, cpu = versus._run_in_turns(procs, slice_s=0.1)
    wall = time.perf_counter() - start
    assert all(p.returncode == 0 for p in procs.values())
    assert all(0.5 <= s <= 3.0 for s in seconds.values()), seconds
    assert all(0.6 <= c <= 2.0 for c in cpu.values()), cpu  # b's child counted in b's
    assert sum(seconds.values()) <= wall + 0.05


def test_vs_notebook_table_prints_both_runs_and_the_ratio():
    from tinydigits.measure import versus

    run = lambda s, acc: {"model": "x", "params": 6136, "epochs": 15, "batch_size": 128, "precision": "fp32",
                          "seconds": s, "cpu_seconds": s * 1.5, "final_acc": acc, "min_last": acc - 0.02}
    table = versus.format_vs({"tinydigits": run(70.0, 99.55), "notebook": run(290.0, 99.41), "ratio": 290 / 70,
                              "cpu_ratio": 435 / 105})
    assert "70.0" in table and "290.0" in table and "99.55" in table and "99.41" in table and "4.14x" in table
    assert "105.0" in table and "435.0" in table and "CPU seconds: 4.14x" in table
    assert versus.COURSE_NET.params() == 6136  # the course network the issue describes


def test_bench_record_appends_a_row_with_its_machine_and_commit_and_the_docs_table_shows_it(tmp_path):
    """`bench --record`: the figures docs/speed.md quotes are written by bench itself, each with date, commit, CPU
    and command (no speed figure without its source)."""
    from helpers import script
    from tinydigits.measure import speed_log

    speed_table = script("ledger_docs").speed_table

    part = {"seconds_per_epoch": 7.72}
    result = {"model": "poolbn", "torch": "2.13.0", "portable": True, "precision": "fp32", "threads": 1,
              "arithmetic": {"cpu": "AMD EPYC", "cpu_flags": ["avx2", "fma"], "aten_isa": "AVX2"},
              "pipeline": part, "per_sample_baseline": {"seconds_per_epoch": 10.32},
              "compute": {"seconds_per_epoch": 7.3}, "speedup_vs_per_sample": 1.3368}
    path = tmp_path / "speed.csv"
    for _ in range(2):
        speed_log.append(path, speed_log.row_of(result, "0123456789abc", "tinydigits bench --record docs/speed.csv"))
    text = speed_table(path)
    assert text.count("| AMD EPYC (avx2 fma) | `tinydigits bench --record docs/speed.csv` | portable, AVX2 kernels, 1 |"
                      " 7.72 | 10.32 | 7.30 | 1.34× |") == 2 and "`0123456`" in text


def test_host_draws_times_the_hosts_share_in_line_and_ahead():
    """`bench --host-draws` on a few steps: a row per stack, each with the host's ms a step and the launching thread's
    waits in line and drawn ahead (the same draws: drawn ahead it never waits longer than the draws take in line and
    the device's step together), torch's threads put back after."""
    before = torch.get_num_threads()
    rows = bench.host_draws(seeds=(1, 2), steps=4, step_ms=0.5, cores=3)
    assert [(r["seeds"], r["draw_threads"], r["steps"]) for r in rows] == [(1, 1, 4), (2, 2, 4)]
    for r in rows:
        assert r["host_ms_per_step"] > 0 and 0 <= r["wait_ms_per_step_ahead"] <= r["wait_ms_per_step_in_line"] + 50
    assert torch.get_num_threads() == before
    assert "waits, drawn ahead" in bench.format_host_draws(rows)


def test_the_first_kernels_seconds_are_each_ways_own_forked_process(monkeypatch):
    """`context_seconds` on a CPU (a GPU's figures: gpu_check's `context` row): one fresh child a way, each after what
    its way names, the painters it forked closed; a child that fails says NaN, not another way's figure."""
    import math
    import multiprocessing

    seen = []

    def first(way, device):
        seen.append(way)  # in the child: this process's list stays empty
        return {"bare": 1.0, "settings": 2.0, "painters": 3.0, "run": 4.0, "spawned": 5.0}[way]

    monkeypatch.setattr(bench, "_first_kernel", first)
    assert bench.context_seconds("cpu") == {"bare": 1.0, "settings": 2.0, "painters": 3.0, "run": 4.0,
                                            "spawned": 5.0} and seen == []
    monkeypatch.undo()
    assert math.isnan(bench._forked(lambda: 1 / 0))
    # the real way, in a child of its own (it sets one torch thread): its painters closed before it answers
    assert 0 <= bench._forked(lambda: bench._first_kernel("run", "cpu")) < 5
    assert multiprocessing.active_children() == []
