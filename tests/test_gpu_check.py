"""scripts/gpu_check.py's own judgements, on folders made here (its timings need a GPU: docs/speed.md)."""

from __future__ import annotations

import json

from helpers import script


def _check_folder(root, started: dict[int, str], acc: dict[int, float]):
    """A check's folder as `check` leaves it: one run folder a seed, named by the second it started."""
    for seed, second in started.items():
        run = root / "check-steady-20261127T223237Z" / f"steady-20261127T{second}Z-s{seed}"
        run.mkdir(parents=True)
        epoch = {"epoch": 1, "test_acc": acc[seed], "seconds": 1.5 + seed, "train_images_per_s": 9000.0 - seed}
        (run / "metrics.json").write_text(json.dumps({"seed": seed, "epochs": [epoch]}))
    return root


def test_two_checks_of_the_same_seeds_are_compared_seed_by_seed(tmp_path):
    gpu_check = script("gpu_check")
    acc = {13: 97.61, 16: 97.70, 2: 97.55}
    # the second check started seed 16 a second later than seed 2: sorted by folder name, the seeds would pair wrongly
    a = _check_folder(tmp_path / "a", {2: "223246", 13: "223246", 16: "223246"}, acc)
    b = _check_folder(tmp_path / "b", {2: "223301", 13: "223300", 16: "223300"}, acc)
    curves = [gpu_check.seed_curves(a), gpu_check.seed_curves(b)]
    assert curves[0].keys() == {2, 13, 16}
    assert curves[0] == curves[1]  # the seconds a seed took are not its curve
    assert [c[13][0]["test_acc"] for c in curves] == [97.61, 97.61]
    c = _check_folder(tmp_path / "c", {2: "223301", 13: "223300", 16: "223300"}, {**acc, 13: 97.62})
    assert gpu_check.seed_curves(c)[13] != curves[0][13] and gpu_check.seed_curves(c)[2] == curves[0][2]


def test_a_runs_seconds_after_its_finish_are_the_process_wall_less_what_metrics_json_counts():
    gpu_check = script("gpu_check")
    metrics = {"timing": {"process_s": 3.7, "startup_s": 4.6, "finish_s": 0.7},
               "epochs": [{"seconds": 1.9}] + [{"seconds": 0.5}] * 14}
    assert gpu_check.after_finish(metrics, 20.2) == "2.3"
    assert gpu_check.after_finish({"timing": {"startup_s": 1.0}, "epochs": []}, 5.0) == "?"


def test_a_rows_result_is_read_from_its_own_process_not_an_earlier_row(tmp_path):
    import os

    gpu_check = script("gpu_check")
    log = tmp_path / "log.txt"
    log.write_text('RESULT {"ms_per_step": 0.5}\n')  # an earlier row's, or an earlier call's
    assert gpu_check.python_result("print('nothing')", log, dict(os.environ))[::2] == (0, None)
    assert gpu_check.python_result("print('RESULT {\"ms_per_step\": 3.3}')", log, dict(os.environ))[2] == {
        "ms_per_step": 3.3}


def test_a_checks_row_says_where_its_own_clock_went(tmp_path):
    """The check row reads the folder its verdict names (`check --json` writes it), not whichever check is newest."""
    gpu_check = script("gpu_check")
    assert gpu_check.check_parts({"wall_seconds": 61.9}) == ""  # no folder named
    runs = _check_folder(tmp_path, {0: "223246", 1: "223246"}, {0: 99.5, 1: 99.6})
    check = runs / "check-steady-20261127T223237Z"
    folder = check / "steady-20261127T223246Z-s0"
    metrics = json.loads((folder / "metrics.json").read_text())
    metrics["epochs"] = [{"seconds": 11.9}, {"seconds": 2.5}, {"seconds": 2.3}, {"seconds": 2.4}]
    metrics["timing"] = {"startup_s": 5.34, "warmup_s": 4.11, "eager_s": 3.2, "finish_s": 3.86}
    (folder / "metrics.json").write_text(json.dumps(metrics))
    (runs / "check-steady-20261127T235959Z").mkdir()  # a newer check's folder, not this verdict's
    verdict = {"wall_seconds": 61.87, "folder": str(check)}
    assert gpu_check.check_parts(verdict) == (
        "; its own clock 61.9 s: start-up 5.3 s, epoch 1 11.9 s (warm-up 4.1 s, steps on shapes not captured 3.2 s), "
        "later epochs 2.40 s each, a seed's finish 3.9 s")
    del metrics["timing"]["eager_s"]
    (folder / "metrics.json").write_text(json.dumps(metrics))
    assert "its own clock ? s" in gpu_check.check_parts({"folder": str(check)})
    assert "steps on shapes not captured ? s" in gpu_check.check_parts(verdict)
    # a train row's first epoch, as a single run's metrics.json has it (no later epoch: none said), by how it stepped
    one = {"epochs": [{"seconds": 1.87}], "timing": {"warmup_s": 0.31, "step": "cuda graph"}}
    assert gpu_check.epoch_parts(one) == "epoch 1 1.9 s (warm-up 0.3 s, steps on shapes not captured none)"
    one["timing"]["eager_s"] = 0.44
    assert gpu_check.epoch_parts(one) == "epoch 1 1.9 s (warm-up 0.3 s, steps on shapes not captured 0.4 s)"
    one["timing"] = {"step": "eager"}  # --no-cuda-graphs: no warm-up, no capture to say
    assert gpu_check.epoch_parts(one) == "epoch 1 1.9 s"


def test_the_script_times_every_way_a_stack_has():
    """gpu_check names the ways itself (it runs before tinydigits is installed): the package's, in its order."""
    from tinydigits.training import convs

    gpu_check = script("gpu_check")
    assert gpu_check.WAYS == convs.WAYS and set(gpu_check.QUICK_WAYS) <= set(gpu_check.WAY_ROWS)
