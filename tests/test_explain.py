"""See why (issue #75): the learning-rate range test and the instruments that explain a run."""

from __future__ import annotations

import json

from helpers import run_main


def test_the_range_test_stops_where_the_loss_diverges_and_suggests_below(mnist_dir, tmp_path):
    from tinydigits.measure import lr_find

    result = lr_find.lr_find("model3", steps=120, start=1e-3, end=1e3, out=str(tmp_path), data_dir=str(mnist_dir),
                             train_limit=4000)
    assert result["stopped"].startswith("diverged at lr") and result["steps"] < 120
    diverged = result["lrs"][-1]
    assert result["learned"] and result["valley"] < diverged and result["steepest"] < diverged
    saved = json.loads((tmp_path / next(tmp_path.iterdir()).name / "lr_find.json").read_text())
    assert saved["valley"] == result["valley"] and (tmp_path / next(tmp_path.iterdir()).name / "lr_find.png").is_file()


def test_the_range_test_is_seeded_and_says_when_a_net_does_not_learn(mnist_dir, tmp_path):
    args = ["lr-find", "--model", "model1", "--steps", "40", "--data-dir", str(mnist_dir), "--out", str(tmp_path),
            "--train-limit", "2000"]
    first, second = run_main(*args), run_main(*args)
    assert first.returncode == 0, first.stderr
    assert "no suggestion: the loss never fell" in first.stdout  # model1 at these rates: flat at chance, said so
    runs = sorted(tmp_path.iterdir())
    losses = [json.loads((r / "lr_find.json").read_text())["losses"] for r in runs]
    assert len(runs) == 2 and losses[0] == losses[1]  # the same seed, the same curve
    assert second.returncode == 0


def test_steepest_and_valley_follow_their_rules():
    from tinydigits.measure.lr_find import RangeTest, steepest, valley

    lrs = [10 ** (-4 + i * 0.05) for i in range(100)]
    loss = [2.3 if i < 30 else 2.3 - 0.05 * (i - 30) if i < 60 else 0.8 + 0.1 * (i - 60) for i in range(100)]
    test = RangeTest(lrs, loss, loss)
    assert lrs[30] <= valley(test) <= lrs[60] and lrs[30] <= steepest(test) <= lrs[60]
