"""A stack's convs run in any of its ways (`training.convs.WAYS`: grouped channels_last, grouped NCHW, unfold +
batched matmul, one conv a seed): the same weights, each seed the maths of its single run within float tolerance, chosen by
$TINYDIGITS_STACK_WAY and said in config.json where it is not the default."""

from __future__ import annotations

import copy
import dataclasses
import json

import pytest
import torch

from helpers import planned, train
from tinydigits import models
from tinydigits.errors import TinyDigitsError
from tinydigits.models.spec import NetSpec
from tinydigits.training import convs, stack
from tinydigits.training.config import TrainConfig
from tinydigits.training.device import input_layout, model_layout


def _nets(make, seeds=(0, 1, 2)):
    out = []
    for seed in seeds:
        torch.manual_seed(seed)
        out.append(make())
    return out


@pytest.mark.parametrize("way", convs.WAYS)
@pytest.mark.parametrize("kind", ["steady", "spec"])
def test_every_way_gives_each_seed_its_single_nets_outputs_and_gradients(way, kind):
    """Forward and backward of three seeds stacked in `way`, seed by seed against each seed's own network: the same
    logits and weight gradients within float tolerance, for the default and for a spec with padding, pooling and
    batch norm; the weights and statistics handed back are each seed's own."""
    make = (lambda: models.create("steady")) if kind == "steady" else (
        lambda: NetSpec.parse("C24 c8 M c12p1 c16 c16n c16", "x").build())
    nets = _nets(make)
    x = torch.randn(6, 1, 28, 28)
    net = model_layout(stack.StackedNet(nets, [torch.Generator() for _ in nets], way))
    assert net.memory_format == (torch.channels_last if way == "grouped" else torch.contiguous_format)
    out = net(input_layout(x.repeat(1, 3, 1, 1), net))
    out.sum().backward()
    convs = [m for m in net.layers if isinstance(m, torch.nn.Conv2d)]
    for g, single in enumerate(nets):
        single.zero_grad()
        ref = single(input_layout(x))
        ref.sum().backward()
        assert torch.allclose(out[:, g], ref, rtol=1e-4, atol=1e-5), (way, g)
        theirs = [m for m in stack.leaves(single) if isinstance(m, torch.nn.Conv2d)]
        for mine, their in zip(convs, theirs, strict=True):
            width = their.out_channels
            assert torch.allclose(mine.weight.grad[g * width : (g + 1) * width], their.weight.grad, rtol=1e-3,
                                  atol=1e-5), (way, g)
        back = net.copy_to(g, make())  # weights as they started, batch norm's statistics after one batch
        assert all(torch.allclose(a.float(), b.float(), rtol=1e-4, atol=1e-6) for a, b in
                   zip(back.state_dict().values(), single.state_dict().values(), strict=True))


def test_the_way_is_chosen_by_its_setting_and_a_wrong_one_said_in_one_line():
    assert convs.stack_way(env={}) == "grouped" == convs.WAYS[0] == convs.stack_way(env={}, device_type="cpu")
    assert convs.stack_way(env={}, device_type="cuda") == "nchw1"
    for device_type in ("cpu", "cuda"):
        assert [convs.stack_way({convs.WAY_ENV: w}, device_type) for w in convs.WAYS] == list(convs.WAYS)
    with pytest.raises(TinyDigitsError, match="one of grouped, nchw, nchw1, nchw0, bmm, streams"):
        convs.stack_way(env={convs.WAY_ENV: "fastest"})
    with pytest.raises(TinyDigitsError, match="not 'x'"):
        stack.StackedNet(_nets(lambda: models.create("steady"), (0,)), [torch.Generator()], "x")


def test_a_streams_stacks_copies_share_its_streams():
    """The EMA deep-copies the network: its copy runs its convs on the same streams, and its weights are its own."""
    net = stack.StackedNet(_nets(lambda: models.create("steady"), (0, 1)), [torch.Generator()] * 2, "streams")
    twin = copy.deepcopy(net)
    assert twin.layers[0].lanes is net.layers[0].lanes
    assert twin.layers[0].weight is not net.layers[0].weight


@pytest.fixture(scope="module")
def single_seed_3(mnist_dir, tmp_path_factory):
    base = _base(mnist_dir, tmp_path_factory.mktemp("single"))
    torch.manual_seed(3)
    start = {k: v for k, v in models.create("robust").state_dict().items() if k.endswith("0.weight")}
    return base, start, train(dataclasses.replace(base, seed=3), quiet=True, log=lambda _: None)


def _base(mnist_dir, out) -> TrainConfig:
    # robust's recipe (dropout, every augmentation, the EMA), 12 steps: the seeds' first steps.
    return planned(TrainConfig(model="robust", epochs=1, train_limit=12 * 64, batch_size=64, data_dir=str(mnist_dir),
                               out=str(out), threads=1, precision="fp32"))


def _conv_weights(path) -> dict[str, torch.Tensor]:
    state = torch.load(path / "model.pt", weights_only=True)["state_dict"]
    return {k: v for k, v in state.items() if k.endswith("0.weight")}


def _relative(a, b, start) -> float:
    apart = sum(float(((a[k] - b[k]) ** 2).sum()) for k in b) ** 0.5
    moved = sum(float(((b[k] - start[k]) ** 2).sum()) for k in b) ** 0.5
    return apart / moved


# The NCHW ways differ only in cuDNN's settings (`convs.cudnn_timing`): on a CPU they are one arithmetic, trained once.
CPU_ARITHMETICS = ("grouped", "nchw", "bmm", "streams")


def test_the_ways_trained_below_are_every_cpu_arithmetic_of_a_stack():
    """The ways left out below build nchw's very network (its layers, their kinds, its layout: the same CPU kernels)
    and differ from it in cuDNN's settings only; each way's record is the one its run writes."""
    nchw = [w for w in convs.WAYS if w.startswith("nchw")]
    assert set(convs.WAYS) - set(CPU_ARITHMETICS) == set(nchw) - {"nchw"}

    def kinds(net):
        return [(type(m), getattr(m, "groups", None)) for m in net.layers]

    nets = {way: stack.StackedNet(_nets(lambda: models.create("steady"), (0, 3)), [torch.Generator()] * 2, way)
            for way in convs.WAYS}
    for way, net in nets.items():
        if way in nchw:
            assert kinds(net) == kinds(nets["nchw"]) and net.memory_format == torch.contiguous_format
        assert stack.stack_record([0, 3], 1, net) == {"seeds": [0, 3], "group": 1} | (
            {} if way == "grouped" else {"way": way})


@pytest.mark.parametrize("way", CPU_ARITHMETICS)
def test_a_stacked_seed_trains_as_train_seed_s_in_every_way(way, single_seed_3, monkeypatch, tmp_path):
    """Seeds 0 and 3 stacked in `way` (every CPU arithmetic of a stack: the NCHW ways share one) for robust's first 12
    steps: seed 3 ends where `train --seed 3` ends, up to float rounding (a few percent of how far it moved), seed 0
    far from it; its config.json names the way unless it is grouped (a CPU's default)."""
    base, start, single = single_seed_3
    monkeypatch.setenv(convs.WAY_ENV, way)
    stacked = stack.train_stacked(dataclasses.replace(base, out=str(tmp_path)), [0, 3], log=lambda _: None)
    ours, theirs = _conv_weights(stacked[1].run_dir), _conv_weights(single.run_dir)
    assert _relative(ours, theirs, start) < 0.08
    assert _relative(_conv_weights(stacked[0].run_dir), theirs, start) > 0.5
    assert abs(stacked[1].metrics["epochs"][0]["train_loss"] - single.metrics["epochs"][0]["train_loss"]) < 1e-3
    record = json.loads((stacked[1].run_dir / "config.json").read_text())["stack"]
    assert record == {"seeds": [0, 3], "group": 1} | ({} if way == "grouped" else {"way": way})


def test_only_the_nchw_ways_let_cudnn_time_its_algorithms_and_nchw1_times_one_plan():
    """What a CUDA stack sets in torch.backends.cudnn for its way (a CPU sets nothing): settings torch has."""
    assert convs.cudnn_timing("nchw") == {"benchmark": True, "benchmark_limit": 10}  # torch's own default on CUDA
    assert convs.cudnn_timing("nchw1") == {"benchmark": True, "benchmark_limit": 1}
    assert convs.cudnn_timing("nchw0") == {"benchmark": False}  # said, so that it holds after a timed stack
    assert [w for w in convs.WAYS if convs.cudnn_timing(w).get("benchmark")] == ["nchw", "nchw1"]
    assert [w for w in convs.WAYS if convs.cudnn_timing(w)] == ["nchw", "nchw1", "nchw0"]  # the NCHW ways alone
    assert all(hasattr(torch.backends.cudnn, name) for w in convs.WAYS for name in convs.cudnn_timing(w))
