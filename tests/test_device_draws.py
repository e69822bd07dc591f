"""A GPU run's random numbers drawn where its images are (`Augment.draw_where`, `mnist.drawn_batches`), proven on a
CPU with a CPU generator a seed standing in for a GPU's: each seed's own numbers whatever the seeds beside it, the
laws of the host's draws, no host generator and no copy on the step's path; and a CPU run that never takes them."""

from __future__ import annotations

import dataclasses

import pytest
import torch

from census import census
from helpers import planned
from tinydigits.data import augment, mnist
from tinydigits.training import feed
from tinydigits.training.config import TrainConfig
from tinydigits.training.train import Data, graph_step, seed_setup, train_epoch

DEFAULT = augment.Augment(degrees=12, translate=0.1, elastic=1.5, stroke=0.3, blur=1, noise=0.1)
EVERY = augment.Augment(degrees=7, translate=0.1, scale=(0.95, 1.05), shear=5, elastic=2, stroke=0.5, blur=1, noise=0.1)


def _split(n: int, seed: int = 0) -> mnist.Split:
    g = torch.Generator().manual_seed(seed)
    return mnist.Split((torch.rand(n, 28, 28, generator=g) * 255).to(torch.uint8), torch.randint(0, 10, (n,), generator=g))


def _gens(seeds) -> list[torch.Generator]:
    return [torch.Generator().manual_seed(feed.draw_seed(s)) for s in seeds]


def _drawn(splits, seeds, aug, chunk_batches=2):
    return list(mnist.device_batches(splits, 64, [torch.Generator().manual_seed(s) for s in seeds], aug,
                                     chunk_batches=chunk_batches, draws=_gens(seeds)))


def test_a_seeds_device_draws_are_its_own_whatever_the_seeds_beside_it():
    """Seeds 0, 5 and 9 stacked get, column by column, the very batches each gets alone (order, labels and images to
    the bit), chunk after chunk and in the short last batch; the same seeds again, the same batches; another seed,
    others."""
    split = _split(300)
    together = _drawn([split] * 3, [0, 5, 9], DEFAULT)
    assert [tuple(x.shape) for x, _ in together] == [(64, 3, 28, 28)] * 4 + [(44, 3, 28, 28)]
    for g, seed in enumerate([0, 5, 9]):
        alone = _drawn([split], [seed], DEFAULT)
        for (x, y), (xa, ya) in zip(together, alone, strict=True):
            assert torch.equal(y[:, g], ya[:, 0]) and torch.equal(x[:, g], xa[:, 0])
    again = _drawn([split] * 3, [0, 5, 9], DEFAULT)
    assert all(torch.equal(a[0], b[0]) and torch.equal(a[1], b[1]) for a, b in zip(together, again, strict=True))
    assert not torch.equal(together[0][1][:, 0], together[0][1][:, 1])  # the test can fail: seeds differ


def test_each_seeds_own_split_is_gathered_from_its_own_rows():
    """With a validation split each seed trains on its own rows: seed g's labels are its split's labels."""
    splits = [_split(200, seed=s) for s in (1, 2)]
    for x, _ in _drawn(splits, [0, 1], DEFAULT):
        assert x.shape[1] == 2
    orders = [torch.randperm(200, generator=g) for g in _gens([0, 1])]  # the orders the stand-in draws first
    first = _drawn(splits, [0, 1], None)[0]
    for g in range(2):
        assert torch.equal(first[1][:, g], splits[g].labels[orders[g][:64]])


def test_the_device_draws_follow_the_host_draws_laws():
    """Every field the host's draws make, with its shape and dtype, and its range and mean within sampling error (20,000
    images): other numbers of the same laws."""
    n = 20_000
    for aug in (DEFAULT, EVERY):
        host = aug.draw(n, torch.Generator().manual_seed(1)).tensors()
        here = aug.draw_where(n, _gens([1])).tensors()
        assert host.keys() == here.keys()
        for name, a in host.items():
            b = here[name]
            assert (a.shape, a.dtype) == (b.shape, b.dtype), name
            assert abs(float(a.mean() - b.mean())) < 0.03 * max(float(a.std()), 1e-6) + 1e-6, name
            assert abs(float(a.std() - b.std())) < 0.03 * max(float(a.std()), 1e-6) + 1e-6, name
            assert float(b.min()) >= float(a.min()) - 0.01 * float(a.std()) - 1e-6 or name == "noise", name
            assert float(b.max()) <= float(a.max()) + 0.01 * float(a.std()) + 1e-6 or name == "noise", name
        # One uniform a number drawn, the stroke's two (whether, then how much) making one.
        assert aug.uniforms == sum(t[0].numel() for k, t in here.items() if k != "noise") + bool(aug.stroke)


def test_many_seeds_draw_with_two_calls_a_seed_a_chunk():
    """A chunk's draws are two calls a seed (its uniforms, its noise), whatever the augmentation asks."""
    calls = []
    real_u, real_n = torch.Tensor.uniform_, torch.Tensor.normal_
    try:
        torch.Tensor.uniform_ = lambda self, *a, **k: (calls.append("u"), real_u(self, *a, **k))[1]
        torch.Tensor.normal_ = lambda self, *a, **k: (calls.append("n"), real_n(self, *a, **k))[1]
        EVERY.draw_where(64 * 32, _gens(range(30)))
    finally:
        torch.Tensor.uniform_, torch.Tensor.normal_ = real_u, real_n
    assert calls == ["u", "n"] * 30


def test_a_cpu_run_draws_on_the_host_and_a_gpu_run_on_the_device():
    cpu, cuda = torch.device("cpu"), torch.device("cuda")
    assert not feed.draws_on_device(cpu, env={}) and not feed.draws_on_device(cpu, env={feed.DRAWS_ENV: "device"})
    assert feed.draws_on_device(cuda, env={}) and not feed.draws_on_device(cuda, env={feed.DRAWS_ENV: "host"})
    # A seed's device stream is apart from the seed's other generators (dropout, torch's default): other numbers.
    assert len({feed.draw_seed(s) for s in range(100)} | set(range(100))) == 200
    gens = feed.draw_source([torch.Generator().manual_seed(7)], cpu)
    assert gens[0].initial_seed() == feed.draw_seed(7) and gens[0].device == cpu


def test_a_cpu_runs_batches_never_take_the_device_draws(monkeypatch):
    """A CPU run (its own path, or the device path on a CPU as `bench` takes it) never draws on the device: its
    batches are the host's, bit for bit, and its `Data` keeps no device generators."""
    monkeypatch.setattr(mnist, "drawn_batches", lambda *a, **k: pytest.fail("a CPU run drew on the device"))
    split = _split(200)
    for on_device in (None, True):
        data = Data([split], [torch.Generator().manual_seed(3)], [None], split, on_device=on_device)
        got = list(feed.step_batches(data, 64, DEFAULT, prefetch=False))
        assert data.draws is None
        want = list(mnist.batches(split, 64, torch.Generator().manual_seed(3), DEFAULT))
        assert all(torch.equal(y, yw) and torch.allclose(x, xw, atol=1e-4) for (x, y), (xw, yw) in zip(got, want,
                                                                                                       strict=True))


def _epoch(mnist_dir, draws: bool, steps: int = 6, seeds: int = 1):
    cfg = planned(TrainConfig(model="steady", epochs=15, train_limit=steps * 64, data_dir=str(mnist_dir), portable=False,
                              threads=1, precision="fp32"))
    if seeds > 1:
        from tinydigits import models
        from tinydigits.training.stack import stacked_setup

        full, test = mnist.load_split("train", mnist_dir), mnist.load_split("test", mnist_dir)
        setup, data, _ = stacked_setup(cfg, list(range(seeds)), models.resolve(cfg.model),
                                       full.subset(torch.arange(steps * 64)), test)
    else:
        _, setup, data = seed_setup(cfg, torch.device("cpu"), planned_budget())
    data = dataclasses.replace(data, on_device=True)
    if draws:
        data.draws = feed.draw_source(data.generators, torch.device("cpu"))
    return cfg, setup, data


def planned_budget():
    from tinydigits.constants import BUDGET

    return BUDGET


@pytest.mark.parametrize("seeds", [1, 3])
def test_a_step_with_device_draws_asks_nothing_of_the_host(mnist_dir, monkeypatch, seeds):
    """The census of an epoch with the draws on the (stand-in) device, for a run and a stack: no call computed on
    the host, no host generator drawn from, no copy to the device, no sync but the epoch's two figures, no host
    tensor in a kernel."""
    monkeypatch.setattr(augment.Augment, "draw", lambda *a, **k: pytest.fail("a host draw on the device path"))
    monkeypatch.setattr(mnist, "host_chunks", lambda *a, **k: pytest.fail("the host's chunks on the device path"))
    monkeypatch.setattr(augment, "max3", lambda x: torch.nn.functional.max_pool2d(x, 3, 1, 1))
    augment.bases.cache_clear()
    cfg, setup, data = _epoch(mnist_dir, draws=True, seeds=seeds)
    device = [*setup.model.parameters(), *setup.model.buffers(), *setup.evaluated.parameters(),
              *setup.evaluated.buffers(), data.train[0].images, data.train[0].labels]
    with census(device) as seen:
        setup.graphed = graph_step(setup, cfg, data, capture=False, log=lambda _: None)
        copies, host = seen.copies, sum(seen.host.values())  # the schedules', made once before the first step
        train_epoch(setup, data, cfg, prefetch=False)
    assert seen.syncs == ["tolist", "tolist"] and seen.mixed == []
    assert seen.copies == copies and sum(seen.host.values()) == host, dict(seen.host)


def test_device_draws_train_the_same_seed_to_the_same_weights(mnist_dir):
    """The same seed twice on the (stand-in) device's draws: the same weights to the bit; the host's draws from the
    same seed: other weights (the test can fail)."""
    weights = []
    for draws in (True, True, False):
        cfg, setup, data = _epoch(mnist_dir, draws)
        train_epoch(setup, data, cfg, prefetch=False)
        weights.append([p.detach().clone() for p in setup.model.parameters()])
    assert all(torch.equal(a, b) for a, b in zip(weights[0], weights[1], strict=True))
    assert not all(torch.equal(a, b) for a, b in zip(weights[0], weights[2], strict=True))
