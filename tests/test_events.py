"""TensorBoard event files of a real run, read back with TensorBoard's own EventAccumulator."""

from __future__ import annotations

import json

import pytest

event_accumulator = pytest.importorskip("tensorboard.backend.event_processing.event_accumulator")


def _load(run_dir):
    acc = event_accumulator.EventAccumulator(str(run_dir), size_guidance={"images": 0, "scalars": 0, "tensors": 0})
    acc.Reload()
    return acc


def test_event_files_hold_the_runs_metrics_hparams_pictures_and_graph(tiny_run):
    from tensorboard.plugins.hparams import plugin_data_pb2

    metrics = json.loads((tiny_run.run_dir / "metrics.json").read_text())
    acc = _load(tiny_run.run_dir)
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
