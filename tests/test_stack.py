"""Seeds stacked as one network (`check --stack`): the same runs as `train --seed S`, and one line where a
model or a recipe cannot stack."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
import torch
from torch import nn

from helpers import USER_FILE, assert_one_line_error, event_graph, planned, run_cli, run_main, train
from tinydigits import models
from tinydigits.models.spec import NetSpec, load
from tinydigits.training import events, stack
from tinydigits.training.config import TrainConfig
from tinydigits.training.events import traced_graph as events_graph

REPO = Path(__file__).resolve().parents[1]


def _conv_weights(path: Path) -> dict[str, torch.Tensor]:
    state = torch.load(path / "model.pt", weights_only=True)["state_dict"]
    return {k: v for k, v in state.items() if k.endswith("0.weight")}


def _relative(a: dict[str, torch.Tensor], b: dict[str, torch.Tensor], start: dict[str, torch.Tensor]) -> float:
    """|a - b| over how far training moved b from its initial weights: float rounding stays a few percent,
    other random numbers (a mask, an augmentation draw) move it by tens of percent."""
    apart = sum(float(((a[k] - b[k]) ** 2).sum()) for k in b) ** 0.5
    moved = sum(float(((b[k] - start[k]) ** 2).sum()) for k in b) ** 0.5
    return apart / moved


def test_a_stacked_seed_trains_as_train_seed_s(mnist_dir, tmp_path, monkeypatch):
    """20 steps of robust's recipe (dropout, rotation, elastic, stroke, blur, noise, the EMA) with seeds 0 and 3 stacked:
    seed 3 ends where `train --seed 3` ends, up to the float rounding of grouped convolutions."""
    base = planned(TrainConfig(model="robust", epochs=1, train_limit=20 * 64, batch_size=64, data_dir=str(mnist_dir),
                               out=str(tmp_path), threads=1, precision="fp32"))  # with its EMA
    torch.manual_seed(3)
    start = {k: v for k, v in models.create("robust").state_dict().items() if k.endswith("0.weight")}
    single = train(dataclasses.replace(base, seed=3), quiet=True, log=lambda _: None)
    traced = []
    monkeypatch.setattr(events, "traced_graph", lambda *a: traced.append(a) or events_graph(*a))
    stacked = stack.train_stacked(base, [0, 3], log=lambda _: None)
    assert [r.config.seed for r in stacked] == [0, 3]
    # one trace for the stack, and every seed's TensorBoard file holds the graph the single run's holds
    assert len(traced) == 1
    assert {event_graph(r.run_dir) for r in stacked} == {event_graph(single.run_dir)} != {b""}
    ours = _conv_weights(stacked[1].run_dir)
    assert _relative(ours, _conv_weights(single.run_dir), start) < 0.08
    assert _relative(_conv_weights(stacked[0].run_dir), _conv_weights(single.run_dir), start) > 0.5  # seed 0 is another run
    assert abs(stacked[1].metrics["epochs"][0]["train_loss"] - single.metrics["epochs"][0]["train_loss"]) < 1e-3
    config = json.loads((stacked[1].run_dir / "config.json").read_text())
    assert config["seed"] == 3 and config["stack"] == {"seeds": [0, 3], "group": 1}

    alone = stack.train_stacked(base, [3], log=lambda _: None)[0]  # a stack of one: the very same ops
    assert _conv_weights(alone.run_dir).keys() == _conv_weights(single.run_dir).keys()
    assert all(torch.equal(a, b) for a, b in zip(_conv_weights(alone.run_dir).values(),
                                                  _conv_weights(single.run_dir).values(), strict=True))

    # The test can fail: the same stack with its dropout masks drawn one number later lands far away.
    real = torch.get_rng_state
    monkeypatch.setattr(stack.torch, "get_rng_state", lambda: (torch.rand(1), real())[1])
    shifted = stack.train_stacked(base, [3], log=lambda _: None)[0]
    assert _relative(_conv_weights(shifted.run_dir), _conv_weights(single.run_dir), start) > 0.2


def test_the_stack_holds_each_seed_and_gives_it_back():
    nets = []
    for seed in (0, 1, 2):
        torch.manual_seed(seed)
        nets.append(models.create("model3").eval())
    x = torch.randn(5, 1, 28, 28)
    net = stack.StackedNet(nets, [torch.Generator() for _ in nets]).eval()
    out = net(x.repeat(1, 3, 1, 1))
    assert out.shape == (5, 3, 10)
    for g, single in enumerate(nets):
        assert torch.allclose(out[:, g], single(x), atol=1e-5)
        back = net.copy_to(g, models.create("model3"))
        assert all(torch.equal(a, b) for a, b in zip(back.state_dict().values(), single.state_dict().values(), strict=True))


def test_specs_and_chains_stack_other_models_are_refused_in_one_line(tmp_path):
    for path in sorted((REPO / "docs" / "search" / "candidates").glob("*.json")):
        spec = load(path)
        reason = stack.why_not_stackable(spec.build())
        if any(layer.groups > 1 for layer in spec.layers):  # depthwise convs (golf's kind) have no stacked form
            assert reason and "grouped" in reason, path.name
        else:
            assert reason is None, path.name
    assert stack.why_not_stackable(NetSpec.parse("C24 c8 M c12p1 c16 c16n c16", "x").build()) is None
    assert stack.why_not_stackable(nn.Sequential(nn.Conv2d(1, 10, 28), nn.Flatten())) is None
    assert "own forward" in stack.why_not_stackable(type("Net", (nn.Module,), {"forward": lambda self, x: x})())
    assert "Linear" in stack.why_not_stackable(nn.Sequential(nn.Conv2d(1, 10, 28), nn.Linear(1, 1), nn.Flatten()))
    assert "Flatten" in stack.why_not_stackable(nn.Sequential(nn.Flatten(), nn.Linear(784, 10)))
    with pytest.raises(Exception, match="plateau scheduler"):
        stack.ensure_stackable(TrainConfig(model="model3", scheduler="plateau", val_split=100))

    user = tmp_path / "mynet.py"
    user.write_text(USER_FILE)  # a student's Net with its own forward()
    proc = run_main("check", "--model", f"{user}:Net", "--seeds", "0,1", "--stack", "--epochs", "1", "--last", "1",
                   "--out", str(tmp_path / "r"))
    assert_one_line_error(proc, "cannot stack")
    assert not (tmp_path / "r").exists()  # refused before any folder is made


def test_check_stack_writes_what_a_check_writes(mnist_dir, tmp_path):
    proc = run_cli("check", "--model", "model3", "--seeds", "0,1", "--stack", "--epochs", "1", "--last", "1",
                   "--min-acc", "50", "--train-limit", "3000", "--data-dir", str(mnist_dir), "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert "stacked as one network" in proc.stdout and "VERDICT: PASS" in proc.stdout
    check = next(tmp_path.glob("check-model3-*"))
    runs = sorted(check.glob("model3-*-s*"))  # each seed's run folder lands in the check's
    assert [r.name[-2:] for r in runs] == ["s0", "s1"]
    for run in runs:
        assert {"config.json", "metrics.json", "model.pt", "report.md", "curves.png"} <= {p.name for p in run.iterdir()}
    assert {"check.md", "check.png", "check.json"} <= {p.name for p in check.iterdir()}
    assert "--stack" in (check / "check.md").read_text()


def test_a_stacked_seed_whose_pictures_fail_leaves_no_seed_open(mnist_dir, tmp_path, monkeypatch):
    """The stack's seeds finish one by one; when one's pictures raise, that seed and the ones not yet written fail
    together, and every seed's writers (TensorBoard, MLflow) are closed all the same."""
    from tinydigits.lifecycle import finish, make
    from tinydigits.training.bookkeeping import RunRecord
    from tinydigits.verdict import seeds

    closed = []
    real_close = RunRecord.close
    monkeypatch.setattr(RunRecord, "close", lambda self, *a: (closed.append(self.cfg.seed), real_close(self, *a))[1])
    monkeypatch.setattr(finish, "write_artifacts", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("no pictures")))
    plan = make(TrainConfig(model="model1", epochs=1, train_limit=256, data_dir=str(mnist_dir), out=str(tmp_path)))
    outcomes = list(seeds._stacked(plan, [0, 1]))
    assert [o.seed for o in outcomes] == [0, 1] and all("no pictures" in (o.error or o.not_run or "") for o in outcomes)
    assert sorted(closed) == [0, 1]
