"""`tinydigits robustness` on a short real run: every shift kind, both columns, outputs, determinism."""

from __future__ import annotations

import json

import numpy as np
import pytest

from tinydigits.cli import main
from tinydigits.measure import robustness

KINDS = {"shot noise", "impulse noise", "glass blur", "motion blur", "shear", "scale", "rotate", "translate", "brightness",
         "stripe", "fog", "spatter", "dotted line", "zigzag", "canny edges", "thin strokes", "thick strokes", "slant",
         "low resolution", "JPEG q10", "off-centre, cropped", "photo, uneven light"}

FIXED = {"brightness", "thin strokes", "thick strokes", "slant", "canny edges", "JPEG q10"}  # no random part


def test_every_shift_kind_is_there_and_deterministic_for_a_seed(mnist_dir):
    from tinydigits.data import mnist

    assert set(robustness.SHIFTS) == KINDS
    images = mnist.load_split("test", mnist_dir).images[:20].numpy().astype(np.float32) / 255
    for name in robustness.SHIFTS:
        a, b = robustness.shifted(name, images, seed=3), robustness.shifted(name, images, seed=3)
        assert a.shape == images.shape and a.min() >= 0 and a.max() <= 1 and np.array_equal(a, b), name
        if name not in FIXED:  # the random ones draw other images for another seed
            assert not np.array_equal(a, robustness.shifted(name, images, seed=4)), name
        assert not np.array_equal(a, images), f"{name} changed nothing"


def test_report_on_a_short_run_writes_table_picture_and_json(tiny_run, mnist_dir, tmp_path, capsys):
    out = tmp_path / "rob"
    code = main(["robustness", str(tiny_run.run_dir), "--limit", "200", "--out", str(out), "--json", str(tmp_path / "r.json"),
                 "--data-dir", str(mnist_dir)])
    assert code == 0
    summary = json.loads((tmp_path / "r.json").read_text())
    assert {row["shift"] for row in summary["shifts"]} == KINDS and summary["images"] == 200
    for row in summary["shifts"]:
        assert 0 <= row["model_acc"] <= 100 and 0 <= row["user_acc"] <= 100
    assert summary["clean_acc"] > 80  # a 2-epoch model on clean digits
    page = (out / "robustness.md").read_text()
    assert "| photo, uneven light | user |" in page and "mean over shifts" in page
    assert (out / "robustness.png").read_bytes()[:4] == b"\x89PNG"
    assert json.loads((out / "robustness.json").read_text())["mean"] == summary["mean"]  # what serve ranks by
    assert "mean over 22 shifts" in capsys.readouterr().out


def test_onnx_backend_gives_the_same_table(tiny_run, mnist_dir, tmp_path):
    pytest.importorskip("onnxruntime")
    from tinydigits.use.export import export

    export(str(tiny_run.run_dir), str(tmp_path / "m.onnx"), data_dir=str(mnist_dir))
    args = ["--limit", "100", "--data-dir", str(mnist_dir)]
    assert main(["robustness", str(tiny_run.run_dir), *args, "--out", str(tmp_path / "t"),
                 "--json", str(tmp_path / "t.json")]) == 0
    assert main(["robustness", str(tmp_path / "m.onnx"), "--backend", "onnx", *args, "--out", str(tmp_path / "o"),
                 "--json", str(tmp_path / "o.json")]) == 0
    torch_rows, onnx_rows = (json.loads((tmp_path / f).read_text())["shifts"] for f in ("t.json", "o.json"))
    for t, o in zip(torch_rows, onnx_rows, strict=True):
        assert abs(t["model_acc"] - o["model_acc"]) <= 1.0 and abs(t["user_acc"] - o["user_acc"]) <= 1.0, t["shift"]


def _fake_run(parent, name, model, user_acc=None, age=0):
    import os

    run = parent / name
    run.mkdir(parents=True)
    (run / "model.pt").write_bytes(b"")
    (run / "config.json").write_text(json.dumps({"model": model}))
    if user_acc is not None:
        (run / "robustness.json").write_text(json.dumps({"mean": {"user_acc": user_acc}}))
    os.utime(run / "model.pt", (1e9 + age, 1e9 + age))
    return run


def test_serve_without_a_run_picks_the_most_robust_one(tmp_path):
    from tinydigits.errors import TinyDigitsError
    from tinydigits.use.serve import most_robust

    with pytest.raises(TinyDigitsError, match="tinydigits train --model robust"):
        most_robust(tmp_path / "runs")  # nothing trained: say how
    old = _fake_run(tmp_path / "runs", "model3-a", "model3", age=1)
    newest = _fake_run(tmp_path / "runs", "model3-b", "model3", age=2)
    run, why = most_robust(tmp_path / "runs")
    assert run == newest and "--model robust" in why  # no robust run: the newest, and how to train one
    robust = _fake_run(tmp_path / "runs", "robust-a", "robust", age=0)
    assert most_robust(tmp_path / "runs")[0] == robust  # the robust tier, though older
    _fake_run(tmp_path / "runs", "x", "model3", user_acc=80.0)
    best = old / "robustness.json"
    best.write_text(json.dumps({"mean": {"user_acc": 91.5}}))
    run, why = most_robust(tmp_path / "runs")
    assert run == old and "91.50 %" in why  # measured beats everything


def test_serve_with_nothing_to_serve_is_one_line(tmp_path, capsys):
    assert main(["serve", "--runs", str(tmp_path / "none")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("tinydigits: error: no trained run under") and err.count("\n") == 1
