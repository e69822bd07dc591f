"""The GPU's way of training, proven on a CPU: what a step asks of the device (a census of every aten call with the
model and data tagged as the device's: no sync, one copy per chunk of batches, kernels that do not grow with the
seeds), and the CPU's own numbers kept to the bit by the new augmentation and EMA."""

from __future__ import annotations

import dataclasses
import warnings

import pytest
import torch

from augment_before import Augment as AugmentBefore
from census import census
from helpers import planned
from tinydigits import models
from tinydigits.data import augment, mnist
from tinydigits.training import stack
from tinydigits.training.config import TrainConfig
from tinydigits.training.probe import GradProbe
from tinydigits.training.train import Data, graph_step, seed_losses, seed_setup, train_epoch

pytestmark = pytest.mark.fast

EVERY_AUGMENTATION = [dict(degrees=15, translate=0.1, scale=(0.9, 1.1), shear=5), dict(elastic=2.0), dict(stroke=0.3),
                      dict(stroke=1.0), dict(blur=1.5), dict(noise=0.2),
                      dict(degrees=7, translate=0.1, scale=(0.95, 1.05), elastic=2, stroke=0.5, blur=1, noise=0.1)]


def _digits(n: int = 64) -> torch.Tensor:
    g = torch.Generator().manual_seed(0)
    return torch.rand(n, 1, 28, 28, generator=g) * (torch.rand(n, 1, 28, 28, generator=g) > 0.7)


@pytest.mark.parametrize("options", EVERY_AUGMENTATION, ids=lambda o: "+".join(o))
def test_the_augmentation_in_two_halves_gives_the_cpu_the_bits_it_had(options):
    """Draws on the host, maths where the images are: on a CPU the very images of the one-piece augmentation, for a
    full batch, a last short one and an odd one."""
    x = _digits()
    for b in (64, 32, 7):
        before = AugmentBefore(**options)(x[:b].clone(), torch.Generator().manual_seed(3))
        now = augment.Augment(**options)(x[:b].clone(), torch.Generator().manual_seed(3))
        assert torch.equal(before, now)
    # The test can fail: another seed's draws give other images.
    assert not torch.equal(AugmentBefore(**options)(x.clone(), torch.Generator().manual_seed(4)),
                           augment.Augment(**options)(x.clone(), torch.Generator().manual_seed(3)))


def test_a_chunks_numbers_are_the_same_on_any_thread_count():
    """The per-image numbers of a chunk (a batched 2x2 inverse among them) do not depend on torch's threads, which a
    GPU run sets to its host's need."""
    aug = augment.Augment(degrees=15, translate=0.1, scale=(0.9, 1.1), shear=10, elastic=2, blur=1)
    draws = augment.Draws.cat([aug.draw(64, torch.Generator().manual_seed(s)) for s in range(40)])
    before = torch.get_num_threads()
    try:
        torch.set_num_threads(1)
        one = aug.prepare(draws)
        torch.set_num_threads(2)
        two = aug.prepare(draws)
    finally:
        torch.set_num_threads(before)
    assert torch.equal(one.coeffs, two.coeffs) and torch.equal(one.blur, two.blur)


def test_the_ema_gives_the_bits_of_torchs_averaged_model():
    """The host-counted, foreach EMA against `AveragedModel` with the same rule: every parameter and buffer (batch
    norm's integer counters too) to the bit after 25 steps of a real network."""
    from torch.optim.swa_utils import AveragedModel

    from tinydigits.training.factories import Ema, ema_decay, training_model

    @torch.no_grad()
    def rule(averaged, current, updates):
        weight = 1.0 - ema_decay(0.999, int(updates))
        if torch.is_floating_point(averaged[0]):
            torch._foreach_lerp_(averaged, current, weight)
        else:
            for a, c in zip(averaged, current, strict=True):
                a.copy_(a * (1 - weight) + c * weight)

    torch.manual_seed(0)
    net = training_model("steady")
    theirs, ours = AveragedModel(net, multi_avg_fn=rule, use_buffers=True), Ema(net, 0.999)
    opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
    for _ in range(25):
        loss = net(torch.randn(16, 1, 28, 28).contiguous(memory_format=torch.channels_last)).logsumexp(1).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        theirs.update_parameters(net)
        ours.update_parameters(net)
    a, b = theirs.module.state_dict(), ours.module.state_dict()
    assert a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)
    assert any(not t.is_floating_point() and int(t) > 0 for t in b.values())  # the counters moved too
    assert not torch.equal(b["layers.0.0.weight"], net.state_dict()["layers.0.0.weight"])  # an average, not a copy


def test_the_seeds_losses_in_one_call_are_each_seeds_own():
    logits, y = torch.randn(64, 5, 10), torch.randint(0, 10, (64, 5))
    apart, fused = seed_losses(logits, y, 0.1), seed_losses(logits, y, 0.1, fused=True)
    assert fused.shape == (5,) and torch.allclose(apart, fused, rtol=1e-6, atol=1e-6)


def _split(n: int, seed: int = 0) -> mnist.Split:
    g = torch.Generator().manual_seed(seed)
    return mnist.Split((torch.rand(n, 28, 28, generator=g) * 255).to(torch.uint8), torch.randint(0, 10, (n,), generator=g))


def test_the_device_batches_are_each_seeds_own_batches():
    """Every seed's batches from one pass (the GPU's way), chunk by chunk, against `batches` seed by seed: the same
    order and labels exactly, the same images up to the rounding of numbers made for a chunk at once."""
    split, aug = _split(300), augment.Augment(degrees=10, translate=0.1, elastic=1.5, stroke=0.3, blur=1, noise=0.1)
    seeds = [0, 5, 9]
    apart = [list(mnist.batches(split, 64, torch.Generator().manual_seed(s), aug)) for s in seeds]
    together = list(mnist.device_batches([split] * 3, 64, [torch.Generator().manual_seed(s) for s in seeds], aug,
                                         chunk_batches=2))
    assert len(together) == len(apart[0]) == 5
    for i, (x, y) in enumerate(together):
        assert x.shape == (len(apart[0][i][1]), 3, 28, 28) and y.shape == (len(apart[0][i][1]), 3)
        for g in range(3):
            assert torch.equal(y[:, g], apart[g][i][1])
            assert torch.allclose(x[:, g : g + 1], apart[g][i][0], atol=1e-4)
    # The test can fail: seed 5's column is not seed 0's.
    assert not torch.equal(together[0][1][:, 0], together[0][1][:, 1])


def _census(g: int, steps: int, stacked: bool, mnist_dir, monkeypatch, model: str = "steady"):
    """A census of one epoch of `steps` batches of 64 on the GPU's path, `g` seeds (stacked, else a plain run)."""
    cfg = planned(TrainConfig(model=model, epochs=15, train_limit=steps * 64, data_dir=str(mnist_dir), portable=False,
                              threads=1, precision="fp32"))
    # What torch picks for a GPU's tensors: the optimiser's foreach kernels (a CPU's default is a loop per tensor).
    import sys

    monkeypatch.setattr(sys.modules[torch.optim.SGD.__module__], "_default_to_fused_or_foreach",
                        lambda *a, **k: (False, True))
    augment.bases.cache_clear()  # made on the device inside the census, as a run's first step makes them
    monkeypatch.setattr(augment, "max3", _pooled)  # a GPU's 3x3 maximum: one pooling kernel
    if stacked:
        full, test = mnist.load_split("train", mnist_dir), mnist.load_split("test", mnist_dir)
        setup, data, _ = stack.stacked_setup(cfg, list(range(g)), models.resolve(cfg.model),
                                             full.subset(torch.arange(steps * 64)), test)
    else:
        _, setup, data = seed_setup(cfg, torch.device("cpu"), cfg_budget())
    data = dataclasses.replace(data, on_device=True)
    device = [*setup.model.parameters(), *setup.model.buffers(), *setup.evaluated.parameters(), *setup.evaluated.buffers()]
    for split in data.train:
        device += [split.images, split.labels]
    probe = None if stacked else GradProbe(setup.model)  # a plain run's instrument samples gradients as it trains
    with census(device) as seen:
        train_epoch(setup, data, cfg, prefetch=False, probe=probe)
    return seen


def _pooled(x: torch.Tensor) -> torch.Tensor:
    return torch.nn.functional.max_pool2d(x, 3, 1, 1)


def test_the_cpus_3x3_maximum_is_the_pooling_kernels():
    x = torch.randn(64, 1, 28, 28)
    assert torch.equal(augment.max3(x), _pooled(x)) and torch.equal(-augment.max3(-x), -_pooled(-x))


def cfg_budget():
    from tinydigits.constants import BUDGET

    return BUDGET


KERNELS_PER_STEP = 100  # the default's step measured 95: 55 forward and backward, 19 augmentation, 5 EMA, 4 SGD


def test_a_default_step_never_waits_for_the_device(mnist_dir, monkeypatch):
    """The default's epoch on the device path: the only reads by the host are the epoch's two figures at its end
    (as many for 3 steps as for 6), one copy to the device per chunk, no host tensor handed to a kernel, and a
    budget of kernels a step."""
    short, seen = _census(1, 3, False, mnist_dir, monkeypatch), _census(1, 6, False, mnist_dir, monkeypatch)
    assert seen.syncs == short.syncs == ["tolist", "tolist"], seen.syncs
    assert seen.copies == 1 and seen.mixed == []
    per_step = (sum(seen.kernels.values()) - sum(short.kernels.values())) / 3
    assert per_step <= KERNELS_PER_STEP, dict(seen.kernels)
    assert seen.kernels["ema"] - short.kernels["ema"] <= 3 * 5  # foreach: a handful a step, not one per tensor


def test_a_stack_of_four_asks_what_a_stack_of_one_asks(mnist_dir, monkeypatch):
    """Seeds stacked: one augmentation pass and one loss call for all of them, so the kernels a step do not grow with
    the seeds (a stack of two or more copies its input into the layout once more than a stack of one); no sync and one
    copy to the device either way."""
    one, two, four = (_census(g, 4, True, mnist_dir, monkeypatch) for g in (1, 2, 4))
    for seen in (one, two, four):
        assert seen.syncs == ["tolist", "tolist"] and seen.copies == 1 and seen.mixed == []
    assert four.kernels["augment"] == one.kernels["augment"] and four.kernels == two.kernels
    assert sum(four.kernels.values()) - sum(one.kernels.values()) <= 4 * 4


def test_the_cpus_path_is_seen_by_the_census_as_a_gpu_would_see_it(mnist_dir, monkeypatch):
    """The census can fail: the CPU's own path (a batch at a time from the host) hands host tensors to the device's
    kernels, which a GPU would copy or refuse."""
    import tinydigits.training.train as loop

    real = Data.device_path
    monkeypatch.setattr(loop.Data, "device_path", property(lambda self: False))
    seen = _census(1, 3, False, mnist_dir, monkeypatch)
    monkeypatch.setattr(loop.Data, "device_path", real)
    assert seen.mixed and seen.copies == 0


def test_the_old_stroke_would_have_been_caught():
    """Boolean indexing (the stroke's old way) is a sync to the census."""
    x = torch.rand(8, 1, 28, 28)
    with census([x]) as seen:
        AugmentBefore(stroke=1.0)._stroke(x, torch.Generator().manual_seed(0))
    assert "index" in seen.syncs or "index_put_" in seen.syncs
    with census([x]) as seen:
        aug = augment.Augment(stroke=1.0)
        aug.apply(x, aug.prepare(aug.draw(8, torch.Generator().manual_seed(0)).to(x.device)))
    assert seen.syncs == []


@pytest.mark.parametrize(("capability", "threads"), [((7, 5), None), ((9, 0), None), ((9, 0), 4)])
def test_a_cuda_run_sets_its_host_threads_and_says_so(monkeypatch, capability, threads):
    """On a GPU (faked: a T4, an H100) torch's host threads are the host work's need, 1, unless given, and the run's
    record says it: config.json's threads and the arithmetic's words."""
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "get_device_capability", lambda device=None: capability)
    from tinydigits.training.arithmetic import CUDA_HOST_THREADS, decide

    decided = decide(TrainConfig(model="steady", device="cuda", threads=threads).resolved())
    want = threads or CUDA_HOST_THREADS
    assert decided.threads == want and decided.apply(TrainConfig(model="steady")).threads == want
    assert f"on {want} thread(s)" in decided.why and not decided.portable
    assert decide(TrainConfig(model="steady", device="cpu", portable=False).resolved()).threads is None  # a CPU's own


def test_a_stacks_pictures_drawn_side_by_side_are_the_pictures_drawn_one_by_one(mnist_dir, tmp_path):
    """A GPU machine's check draws its seeds' pictures in processes side by side (a CPU's in turn: injectable): the
    same files, byte for byte, as drawn here one by one, and each seed's writers closed with them."""
    from tinydigits.lifecycle.finish import finish_all, picture_workers
    from tinydigits.results.report import write_artifacts
    from tinydigits.training.stack import train_stacked

    assert picture_workers("cuda", 30, cores=16) == 15 and picture_workers("cpu", 30, cores=16) == 1
    assert picture_workers("cuda:0", 2, cores=16) == 2
    cfg = planned(TrainConfig(model="model1", epochs=1, train_limit=256, data_dir=str(mnist_dir), out=str(tmp_path),
                              portable=False, threads=1, precision="fp32"))
    results = train_stacked(cfg, [0, 1], log=lambda _: None)
    assert list(finish_all(results, 2)) == [None, None]
    assert all(r.writers is None for r in results)  # closed
    for r in results:
        here = tmp_path / f"here-{r.config.seed}"
        here.mkdir()
        write_artifacts(dataclasses.replace(r.run, folder=here), r.model, r.test, r.test_logits, r.digits)
        drawn = sorted(p.name for p in r.run_dir.glob("*.png"))
        assert len(drawn) >= 5 and drawn == sorted(p.name for p in here.glob("*.png"))
        assert [n for n in drawn if (r.run_dir / n).read_bytes() != (here / n).read_bytes()] == []



def _run_steps(cfg, mnist_dir, graphed: bool, epochs: int = 2):
    """`epochs` epochs of the default on the device path from seed 0's start: the torch optimiser and `Ema`, or the
    graphed step's functions (eager: no GPU to capture on)."""

    _, setup, data = seed_setup(cfg, torch.device("cpu"), cfg_budget())
    data = dataclasses.replace(data, on_device=True)
    if graphed:
        setup.graphed = graph_step(setup, cfg, data, capture=False, log=lambda _: None)
    rates = []
    for epoch in range(epochs):
        rates.append(setup.opt.param_groups[0]["lr"])
        train_epoch(setup, data, cfg, prefetch=False, augmented=epoch == 0)
    return setup, rates


def test_the_graphed_steps_maths_is_sgds_and_the_emas(mnist_dir):
    """The step a GPU captures (SGD with Nesterov momentum, the one-cycle rate and momentum, the EMA, all from device
    tensors indexed by a device counter), run eagerly on a CPU, against torch's SGD, the host's one-cycle scheduler and
    `Ema`: the same weights and averages up to float rounding after 20 steps, the same rates every epoch. (At a
    gentle peak rate: at the recipe's 0.1 a rounding apart flips a ReLU within steps and the two runs drift apart as
    any two orders of float additions do.)"""
    cfg = planned(TrainConfig(model="steady", epochs=15, train_limit=640, data_dir=str(mnist_dir), portable=False,
                              threads=1, precision="fp32", lr=0.01))
    (plain, plain_rates), (ours, our_rates) = _run_steps(cfg, mnist_dir, False), _run_steps(cfg, mnist_dir, True)
    assert plain_rates == our_rates
    assert int(ours.graphed.counter) == 20 and ours.graphed.taken == 20
    for a, b in [(plain.model, ours.model), (plain.evaluated, ours.evaluated)]:
        for (name, x), y in zip(a.state_dict().items(), b.state_dict().values(), strict=True):
            if x.is_floating_point():
                assert torch.allclose(x, y, rtol=1e-4, atol=1e-5), name
    start = seed_setup(cfg, torch.device("cpu"), cfg_budget())[1].model.state_dict()
    moved = [name for name, x in ours.model.state_dict().items() if x.is_floating_point() and not torch.equal(x, start[name])]
    assert len(moved) > 10  # it trained: the comparison is not of two untouched networks


def test_the_graphed_steps_rates_are_the_schedulers_step_by_step():
    from tinydigits.training import graphs
    from tinydigits.training.factories import make_optimizer

    cfg = planned(TrainConfig(model="steady", epochs=3, train_limit=640))
    rates, momenta = graphs.schedule(cfg, 30, 30, 30)
    opt = make_optimizer(cfg, [torch.zeros(1, requires_grad=True)])
    scheduler = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=cfg.lr, total_steps=30, pct_start=0.25, div_factor=10.0,
                                                    final_div_factor=100.0)
    for k in range(30):
        assert (rates[k], momenta[k]) == (opt.param_groups[0]["lr"], opt.param_groups[0]["momentum"])
        with warnings.catch_warnings():  # this optimiser never steps: only its rates are read
            warnings.simplefilter("ignore", UserWarning)
            scheduler.step()
    assert cfg.lr * 0.99 < max(rates) <= cfg.lr and rates[0] == pytest.approx(cfg.lr / 10) and len(set(momenta)) > 2


def test_a_graphed_step_asks_no_sync(mnist_dir, monkeypatch):
    """The graphed step's functions, eager on a CPU, under the census: no sync and no host tensor in a kernel."""

    cfg = planned(TrainConfig(model="steady", epochs=15, train_limit=4 * 64, data_dir=str(mnist_dir), portable=False,
                              threads=1, precision="fp32"))
    augment.bases.cache_clear()
    monkeypatch.setattr(augment, "max3", _pooled)
    _, setup, data = seed_setup(cfg, torch.device("cpu"), cfg_budget())
    data = dataclasses.replace(data, on_device=True)
    device = [*setup.model.parameters(), *setup.model.buffers(), *setup.evaluated.parameters(),
              *setup.evaluated.buffers(), data.train[0].images, data.train[0].labels]
    with census(device) as seen:
        setup.graphed = graph_step(setup, cfg, data, capture=False, log=lambda _: None)
        train_epoch(setup, data, cfg, prefetch=False)
    assert seen.syncs == ["tolist", "tolist"] and seen.mixed == [] and seen.copies == 1 + 3  # + the schedules, once


def test_the_graph_is_a_gpus_and_asked_for():
    from tinydigits.training import graphs

    assert not graphs.wanted(torch.device("cpu"), {graphs.ENV: "1"})
    assert graphs.wanted(torch.device("cuda"), {graphs.ENV: "1"}) and not graphs.wanted(torch.device("cuda"), {})
    cfg = planned(TrainConfig(model="steady", epochs=3))
    assert graphs.refusal(cfg, torch.nn.Linear(1, 1), [(28, 64)] * 3, False) is None
    assert "schedule" in graphs.refusal(cfg, torch.nn.Linear(1, 1), [(20, 64), (28, 64), (28, 64)], False)
    assert "adam" in graphs.refusal(dataclasses.replace(cfg, optimizer="adam"), torch.nn.Linear(1, 1), [(28, 64)], False)


def test_a_faked_t4_trains_fp32_through_the_graphed_step(monkeypatch):
    """A T4 (sm_75, no native bf16): its run decides fp32, its step can be graphed, and the graphed step's forward
    runs without autocast; on an H100 (sm_90) the same step runs bf16."""
    from tinydigits.training import graphs
    from tinydigits.training.arithmetic import decide
    from tinydigits.training.factories import training_model

    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    for capability, precision in (((7, 5), "fp32"), ((9, 0), "bf16")):
        monkeypatch.setattr(torch.cuda, "get_device_capability", lambda device=None, c=capability: c)
        cfg = decide(planned(TrainConfig(model="steady", device="cuda", epochs=2, train_limit=128))).apply(
            planned(TrainConfig(model="steady", device="cuda", epochs=2, train_limit=128)))
        assert cfg.precision == precision
        net = training_model("steady")
        step = graphs.graphed(cfg, net, None, [(28, 64)] * 2, 128, 4, False, capture=False, fused=True,
                              log=lambda _: None)
        seen: list[bool] = []
        real = torch.autocast.__init__

        def watched(self, *a, _seen=seen, _real=real, **k):
            _seen.append(k.get("enabled"))
            _real(self, "cpu", *a[1:], **k)

        monkeypatch.setattr(torch.autocast, "__init__", watched)
        step.step(torch.randn(64, 1, 28, 28), torch.randint(0, 10, (64,)))
        monkeypatch.setattr(torch.autocast, "__init__", real)
        assert seen == [precision == "bf16"]


def test_a_gpu_runs_histograms_only_after_its_last_epoch():
    from tinydigits.training.train import histogram_epoch

    assert [e for e in range(1, 16) if histogram_epoch(e, 15, on_device=False)] == list(range(1, 16))
    assert [e for e in range(1, 16) if histogram_epoch(e, 15, on_device=True)] == [15]
