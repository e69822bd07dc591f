"""TensorBoard event files of a real run, read back with TensorBoard's own EventAccumulator."""

from __future__ import annotations

import json

import pytest

from helpers import events_of

pytest.importorskip("tensorboard.backend.event_processing.event_accumulator")


def test_event_files_hold_the_runs_metrics_hparams_pictures_and_graph(tiny_run):
    from tensorboard.plugins.hparams import plugin_data_pb2

    metrics = json.loads((tiny_run.run_dir / "metrics.json").read_text())
    acc = events_of(tiny_run.run_dir)
    tags = acc.Tags()
    test_acc = {e.step: e.value for e in acc.Scalars("acc/test")}
    assert test_acc == pytest.approx({e["epoch"]: e["test_acc"] for e in metrics["epochs"]}, abs=1e-4)
    assert [e.value for e in acc.Scalars("lr")] == pytest.approx([e["lr"] for e in metrics["epochs"]], rel=1e-5)
    assert {f"class_acc/{d}" for d in range(10)} <= set(tags["scalars"])
    assert {"pictures/curves", "pictures/confusion", "pictures/misclassified"} <= set(tags["images"])
    assert tags["graph"]
    content = acc.PluginTagToContent("hparams")
    start = next(plugin_data_pb2.HParamsPluginData.FromString(v).session_start_info for v in content.values()
                 if plugin_data_pb2.HParamsPluginData.FromString(v).HasField("session_start_info"))
    assert start.hparams["model"].string_value == "model3" and start.hparams["seed"].number_value == 0
    assert start.hparams["batch_size"].number_value == tiny_run.config.batch_size
    assert [e.value for e in acc.Scalars("final_test_acc")] == pytest.approx([metrics["epochs"][-1]["test_acc"]], abs=1e-4)
    assert metrics["event_seconds"]["epochs"] < 0.01 * min(e["seconds"] for e in metrics["epochs"])  # < 1 % of an epoch


def test_tensorboard_shows_the_run(tiny_run, screenshot):
    """`tensorboard --logdir` on the runs folder: its HTTP API lists the run and the scalar tags, and
    Chromium renders the scalars page (the README's picture)."""
    import shutil
    import subprocess
    import sys
    import time
    import urllib.request
    from pathlib import Path

    from tinydigits.measure.loadtest import free_port, stop_process

    binary = shutil.which("tensorboard", path=str(Path(sys.executable).parent)) or shutil.which("tensorboard")
    if binary is None:
        pytest.skip("the tensorboard command is not installed")
    port = free_port()
    server = subprocess.Popen([binary, "--logdir", str(tiny_run.run_dir.parent), "--host", "127.0.0.1", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                runs = json.loads(urllib.request.urlopen(f"{base}/data/plugin/scalars/tags", timeout=5).read())
                if runs:
                    break
            except OSError:
                pass
            assert time.time() < deadline and server.poll() is None, "tensorboard did not come up"
            time.sleep(0.3)
        assert "acc/test" in runs[tiny_run.run_dir.name]
        screenshot(f"{base}/#hparams", "tensorboard.png", "text=final_test_acc")  # the runs' settings side by side
    finally:
        stop_process(server)
