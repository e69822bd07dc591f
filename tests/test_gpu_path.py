"""The GPU's way of training, proven on a CPU: what a step asks of the device (a census of every aten call with the
model and data tagged as the device's: no sync, one copy per chunk of batches, kernels that do not grow with the
seeds), and the CPU's own numbers kept to the bit by the new augmentation and EMA."""

from __future__ import annotations

import contextlib
import dataclasses
import warnings

import pytest
import torch

from augment_before import Augment as AugmentBefore
from census import census
from helpers import event_graph, planned
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


def _census(g: int, steps: int, stacked: bool, mnist_dir, monkeypatch, model: str = "steady",
            precision: str = "bf16"):
    """A census of one epoch of `steps` batches of 64 on the GPU's path, `g` seeds (stacked, else a plain run), as a
    GPU run trains: bf16 autocast (an H100's arithmetic; "fp32" a T4's) and torch's deterministic mode set as a CUDA
    run sets it (`device.deterministic_cuda`)."""
    cfg = planned(TrainConfig(model=model, epochs=15, train_limit=steps * 64, data_dir=str(mnist_dir), portable=False,
                              threads=1, precision=precision))
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
    with deterministic_as_on_cuda(), census(device) as seen:
        train_epoch(setup, data, cfg, prefetch=False, probe=probe)
    return seen


@contextlib.contextmanager
def deterministic_as_on_cuda():
    """torch's global deterministic settings as `deterministic_cuda` leaves them for a CUDA run, put back after."""
    from torch.utils import deterministic

    from tinydigits.training.device import deterministic_cuda

    before = (torch.are_deterministic_algorithms_enabled(), torch.is_deterministic_algorithms_warn_only_enabled(),
              deterministic.fill_uninitialized_memory, torch.backends.cudnn.deterministic,
              torch.backends.cudnn.benchmark)
    deterministic_cuda()
    try:
        yield
    finally:
        torch.use_deterministic_algorithms(before[0], warn_only=before[1])
        deterministic.fill_uninitialized_memory = before[2]
        torch.backends.cudnn.deterministic, torch.backends.cudnn.benchmark = before[3:]


def _pooled(x: torch.Tensor) -> torch.Tensor:
    return torch.nn.functional.max_pool2d(x, 3, 1, 1)


def test_the_cpus_3x3_maximum_is_the_pooling_kernels():
    x = torch.randn(64, 1, 28, 28)
    assert torch.equal(augment.max3(x), _pooled(x)) and torch.equal(-augment.max3(-x), -_pooled(-x))


def cfg_budget():
    from tinydigits.constants import BUDGET

    return BUDGET


# The default's step, bf16 as on an H100, measured 85: 55 forward and backward, 15 autocast casts, 5 EMA, 4 SGD and
# 6 for the epoch's figures; augmentation 0 (once a chunk). fp32 (a T4's) measured 70.
KERNELS_PER_STEP = {"bf16": 88, "fp32": 72}


@pytest.mark.parametrize("precision", ["bf16", "fp32"])
def test_a_default_step_never_waits_for_the_device(mnist_dir, monkeypatch, precision):
    """The default's epoch on the device path: the only reads by the host are the epoch's two figures at its end
    (as many for 3 steps as for 6), one copy to the device per chunk, no host tensor handed to a kernel, the
    augmentation once a chunk (no kernel of it between the 3rd and 6th step), and a budget of kernels a step."""
    short = _census(1, 3, False, mnist_dir, monkeypatch, precision=precision)
    seen = _census(1, 6, False, mnist_dir, monkeypatch, precision=precision)
    assert seen.syncs == short.syncs == ["tolist", "tolist"], seen.syncs
    assert seen.copies == 1 and seen.mixed == []
    assert seen.kernels["augment"] == short.kernels["augment"] > 0  # the chunk's one pass, whatever its batches
    per_step = (sum(seen.kernels.values()) - sum(short.kernels.values())) / 3
    assert per_step <= KERNELS_PER_STEP[precision], dict(seen.kernels)
    assert seen.kernels["ema"] - short.kernels["ema"] <= 3 * 5  # foreach: a handful a step, not one per tensor


def test_a_chunk_is_augmented_in_one_pass_per_chunk(mnist_dir, monkeypatch):
    """The augmentation's kernels are one pass a chunk, the same for every chunk (in chunks of 4 batches here: 8 and
    12 steps ask one pass more each than 4 and 8), and a chunk as a run makes it holds more batches than its pass
    has kernels: under one a step, for one seed and for thirty."""
    real = mnist.host_chunks
    monkeypatch.setattr(mnist, "host_chunks", lambda *a, **k: real(*a[:6], chunk_batches=4))
    c4, c8, c12 = (_census(1, steps, False, mnist_dir, monkeypatch).kernels["augment"] for steps in (4, 8, 12))
    per_chunk = c8 - c4
    assert c12 - c8 == per_chunk > 0
    default = augment.Augment(degrees=12, translate=0.1, elastic=1.5, stroke=0.3, blur=1, noise=0.1)
    for seeds in (1, 30):
        assert per_chunk / mnist.chunk_size(default, seeds, 64) < 1


def test_a_cuda_runs_deterministic_mode_fills_no_new_tensor():
    """torch's deterministic mode fills each new tensor unless told not to; a CUDA run's settings tell it not to (a
    fill kernel per allocation, ~140 a step on a GPU). Seen on the CPU, whose `empty` fills the same way."""
    def fills() -> int:
        with torch.profiler.profile() as prof:
            torch.empty(100) + torch.randn(100)
        return sum(e.name == "aten::fill_" for e in prof.events())

    torch.use_deterministic_algorithms(True)
    try:
        assert fills() > 0  # the test can fail: the mode's own default fills
    finally:
        torch.use_deterministic_algorithms(False)
    with deterministic_as_on_cuda():
        assert torch.are_deterministic_algorithms_enabled() and fills() == 0


def test_a_stack_of_thirty_asks_what_a_stack_of_four_asks(mnist_dir, monkeypatch):
    """Seeds stacked: one augmentation pass and one loss call for all of them, so what the host launches a step does
    not grow with the seeds - 4 and 30 seeds the very same kernels, op by op (a stack of two or more copies its input
    into the layout once more than a stack of one); no sync and one copy to the device either way."""
    one, four, thirty = (_census(g, 4, True, mnist_dir, monkeypatch, precision="fp32") for g in (1, 4, 30))
    for seen in (one, four, thirty):
        assert seen.syncs == ["tolist", "tolist"] and seen.copies == 1 and seen.mixed == []
    assert thirty.names == four.names and four.kernels["augment"] == one.kernels["augment"]
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
    from tinydigits.lifecycle.finish import Painters, finish_all, picture_workers
    from tinydigits.results.report import write_artifacts
    from tinydigits.training.stack import train_stacked

    assert picture_workers("cuda", 30, cores=16) == 15 and picture_workers("cpu", 30, cores=16) == 1
    assert picture_workers("cuda:0", 2, cores=16) == 2
    cfg = planned(TrainConfig(model="model1", epochs=1, train_limit=256, data_dir=str(mnist_dir), out=str(tmp_path),
                              portable=False, threads=1, precision="fp32"))
    painters = Painters.start(2)  # as a GPU machine's check starts them: before the stack trains
    try:
        results = train_stacked(cfg, [0, 1], log=lambda _: None, beside=painters.run)  # the graph traced there
        assert list(finish_all(results, painters)) == [None, None]
    finally:
        painters.close()
    assert all(r.writers is None for r in results)  # closed
    graphs = [event_graph(r.run_dir) for r in results]
    assert graphs[0] == graphs[1] and b"Conv2d" in graphs[0]
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


def test_a_graphed_steps_epoch_figures_are_summed_inside_it_to_the_bit(mnist_dir, monkeypatch):
    """A GPU's graphed step sums the epoch's train loss and accuracy itself (`graphs.Tally`, in its graph where it is
    captured): the epoch's figures are the bits of summing each step's loss and logits from 0 as a CPU's epoch does,
    a short last batch among them, and none of those sums is launched outside the step."""
    from census import REPLAY

    cfg = planned(TrainConfig(model="steady", epochs=15, train_limit=4 * 64 + 10, data_dir=str(mnist_dir),
                              portable=False, threads=1, precision="fp32"))
    augment.bases.cache_clear()
    monkeypatch.setattr(augment, "max3", _pooled)
    _, setup, data = seed_setup(cfg, torch.device("cpu"), cfg_budget())
    data = dataclasses.replace(data, on_device=True)
    device = [*setup.model.parameters(), *setup.model.buffers(), *setup.evaluated.parameters(),
              *setup.evaluated.buffers(), data.train[0].images, data.train[0].labels]
    taken, stats = [[], []], []
    with census(device) as seen:
        setup.graphed = graph_step(setup, cfg, data, capture=False, log=lambda _: None)
        step = setup.graphed.step

        def replayed(x, y):  # a replay's scope, as `HostClock` reads it: the step's own calls
            with torch.profiler.record_function(REPLAY):
                loss, logits = step(x, y)
                taken[len(stats)].append((loss.clone(), logits.clone(), y.clone()))
            return loss, logits

        setup.graphed.step = replayed
        for _ in range(2):  # the second epoch's sums start from zeros again
            stats += train_epoch(setup, data, cfg, prefetch=False)
    epochs = []
    for steps, epoch in zip(taken, stats, strict=True):
        loss_sum = correct = 0
        for loss, logits, y in steps:
            loss_sum = loss_sum + loss.float() * len(y)
            correct = correct + (logits.argmax(-1) == y).sum(0)
        epochs.append((epoch.loss, epoch.acc, float(loss_sum) / epoch.images, 100.0 * int(correct) / epoch.images))
    assert [len(y) for _, _, y in taken[1]][-1] == 10 and all(e[:2] == e[2:] for e in epochs), epochs
    assert epochs[0] != epochs[1]
    outside = {op: n for (scope, op), n in seen.names.items() if scope != REPLAY and op in ("argmax", "eq", "add_")}
    assert outside == {}, outside


def test_a_step_adds_its_loss_and_accuracy_to_the_epochs_sums_graphed_or_not(mnist_dir):
    """`scheduled_step` is a step of the loop wherever it is called (`bench.device_steps`, gpu_check's step rows): the
    epoch's sums are in it, in the graphed step's own tally or the setup's, never in only one of the two ways."""
    from tinydigits.training.train import scheduled_step

    cfg = planned(TrainConfig(model="steady", epochs=15, train_limit=2 * 64, data_dir=str(mnist_dir), portable=False,
                              threads=1, precision="fp32"))
    for graphed in (False, True):
        _, setup, data = seed_setup(cfg, torch.device("cpu"), cfg_budget())
        if graphed:
            setup.graphed = graph_step(setup, cfg, data, capture=False, log=lambda _: None)
        tally, loss_sum, correct = setup.graphed.tally if graphed else setup.tally, 0, 0
        for x, y in mnist.batches(data.train[0], cfg.batch_size):
            loss, logits = scheduled_step(setup, x, y, cfg, 28, cfg.batch_size)
            loss_sum, correct = loss_sum + loss.float() * len(y), correct + (logits.argmax(-1) == y).sum(0)
        assert torch.equal(tally.loss_sum, loss_sum) and torch.equal(tally.correct, correct), graphed
        assert (setup.tally.loss_sum is None) == graphed  # the graphed step's sums are its own only


def test_the_graph_is_a_gpus_default_and_can_be_declined():
    from tinydigits.training import graphs

    assert not graphs.wanted(torch.device("cpu"), env={}) and not graphs.wanted(torch.device("cpu"), env={graphs.ENV: "1"})
    assert graphs.wanted(torch.device("cuda"), env={}) and graphs.wanted(torch.device("cuda:1"), env={graphs.ENV: "1"})
    assert not graphs.wanted(torch.device("cuda"), asked=False, env={})  # --no-cuda-graphs
    assert not graphs.wanted(torch.device("cuda"), env={graphs.ENV: "0"})
    assert TrainConfig().cuda_graphs is True
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
    from tinydigits.training.bookkeeping import histogram_epoch

    assert [e for e in range(1, 16) if histogram_epoch(e, 15, on_device=False)] == list(range(1, 16))
    assert [e for e in range(1, 16) if histogram_epoch(e, 15, on_device=True)] == [15]


def test_the_gradient_norms_are_the_gradients_on_both_paths(mnist_dir, monkeypatch):
    """The gradient probe reads the gradient the step used, on the eager path (torch's SGD, foreach as on a GPU: with
    Nesterov momentum and no weight decay it adds the momentum into `.grad` in place) and on the graphed step's
    functions alike: the same norms from the same start and batches, and the backward's own figure on the first."""
    sgd = __import__(torch.optim.SGD.__module__, fromlist=["_"])
    monkeypatch.setattr(sgd, "_default_to_fused_or_foreach", lambda *a, **k: (False, True))
    cfg = planned(TrainConfig(model="steady", epochs=15, train_limit=3 * 64, data_dir=str(mnist_dir), portable=False,
                              threads=1, precision="fp32", lr=0.01))
    norms = []
    for graphed in (False, True):
        _, setup, data = seed_setup(cfg, torch.device("cpu"), cfg_budget())
        data = dataclasses.replace(data, on_device=True)
        if graphed:
            setup.graphed = graph_step(setup, cfg, data, capture=False, log=lambda _: None)
        probe = GradProbe(setup.model)
        monkeypatch.setattr("tinydigits.training.probe.GRAD_EVERY", 1)  # every step sampled
        train_epoch(setup, data, cfg, prefetch=False, probe=probe)
        norms.append(probe.end_epoch())
    assert norms[0].keys() == norms[1].keys() and len(norms[0]) > 5
    assert all(abs(norms[0][k] - norms[1][k]) <= 1e-4 * norms[0][k] for k in norms[0]), norms


def test_a_steps_outputs_hold_no_autograd_graph(mnist_dir):
    """The graphed step hands back its loss and logits detached: a graph kept alive past its step keeps its gradient
    accumulators on the step's stream, and the next step's backward on another stream (the warm-up's, the capture's)
    would find them there - torch's stream-mismatch warning on every graphed run."""
    cfg = planned(TrainConfig(model="steady", epochs=15, train_limit=2 * 64, data_dir=str(mnist_dir), portable=False,
                              threads=1, precision="fp32"))
    _, setup, data = seed_setup(cfg, torch.device("cpu"), cfg_budget())
    step = graph_step(setup, cfg, dataclasses.replace(data, on_device=True), capture=False, log=lambda _: None)
    loss, logits = step.step(torch.randn(64, 1, 28, 28), torch.randint(0, 10, (64,)))
    assert loss.grad_fn is None and logits.grad_fn is None and not loss.requires_grad


def test_a_runs_record_says_its_step_and_its_seconds_outside_the_epochs(mnist_dir, tmp_path):
    """metrics.json's timing: the step's way (a CPU's own here), the start-up before the first step, the finish after
    the last epoch, the process's age when the run began; read back as written."""
    import json

    from tinydigits.lifecycle.run import train_run
    from tinydigits.training.runfolder import Run, Timing

    cfg = planned(TrainConfig(model="model1", epochs=1, train_limit=128, data_dir=str(mnist_dir), out=str(tmp_path),
                              threads=1))
    result = train_run(cfg, log=lambda _: None)
    timing = json.loads((result.run_dir / "metrics.json").read_text())["timing"]
    assert timing["step"] == "cpu" and 0 < timing["startup_s"] < 60 and 0 < timing["finish_s"] < 60
    assert timing["process_s"] >= 0
    assert Run.load(result.run_dir).timing == Timing.of(timing)


def test_a_stacks_dropout_is_captured_where_torch_registers_its_generators(monkeypatch):
    """A stack's dropout draws from each seed's own generator: the graph takes it where this torch can register
    generators with a graph (each replay then draws the next numbers), and says why not where it cannot."""
    from torch import nn

    from tinydigits.training import graphs
    from tinydigits.training.stack import StackedNet

    def net():
        return nn.Sequential(nn.Conv2d(1, 4, 3), nn.Dropout(0.1), nn.AdaptiveAvgPool2d(1), nn.Conv2d(4, 10, 1),
                             nn.Flatten())

    gens = [torch.Generator().manual_seed(s) for s in range(3)]
    stacked = StackedNet([net() for _ in gens], gens)
    assert [id(g) for g in graphs.own_generators(stacked)] == [id(g) for g in gens]
    assert graphs.own_generators(net()) == []
    cfg = planned(TrainConfig(model="steady", epochs=3))
    monkeypatch.delattr(torch.cuda.CUDAGraph, "register_generator_state", raising=False)
    assert "generator" in graphs.refusal(cfg, stacked, [(28, 64)] * 3, True)
    monkeypatch.setattr(torch.cuda.CUDAGraph, "register_generator_state", lambda self, gen: None, raising=False)
    assert graphs.refusal(cfg, stacked, [(28, 64)] * 3, True) is None


def test_an_epochs_records_are_written_beside_the_next_epoch_and_land_in_order():
    """A GPU run's epoch records go to a thread of their own: each epoch's writes land before the next one's begin,
    a write's error is raised to the loop, and closing waits for the last."""
    import threading
    import time

    from tinydigits.training.bookkeeping import EpochWrites

    landed, threads = [], set()

    def write(k):
        def go():
            time.sleep(0.02 * (3 - k))  # the first is the slowest: order is kept by waiting, not by luck
            threads.add(threading.current_thread().name)
            landed.append(k)
        return go

    writes = EpochWrites(background=True)
    for k in range(3):
        writes.submit(write(k))
    writes.close()
    assert landed == [0, 1, 2] and threads == {"tinydigits-records_0"}
    threads.clear()
    inline = EpochWrites(background=False)  # a CPU's: written here, as handed over
    inline.submit(write(0))
    assert landed[-1] == 0 and threads == {threading.current_thread().name}
    failing = EpochWrites(background=True)
    failing.submit(lambda: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        failing.close()


def test_a_device_paths_run_records_every_epoch_and_its_last_weights(mnist_dir, tmp_path):
    """On the device path (records written beside the next epoch) a run's folder holds every epoch's row and the
    checkpoint of the weights it ended with, as a CPU run's does."""
    from tinydigits.training.bookkeeping import RunRecord
    from tinydigits.training.runs import load_model
    from tinydigits.training.train import fit

    cfg = planned(TrainConfig(model="model1", epochs=2, train_limit=128, data_dir=str(mnist_dir), out=str(tmp_path),
                              portable=False, threads=1, precision="fp32"))
    source, setup, data = seed_setup(cfg, torch.device("cpu"), cfg_budget())
    data = dataclasses.replace(data, on_device=True)
    record = RunRecord(cfg, source, 1, torch.device("cpu"), len(data.train[0]), setup.model)
    fit(cfg, setup, data, [record], lambda g: setup.evaluated, log=lambda _: None)
    import json

    metrics = json.loads((record.run_dir / "metrics.json").read_text())
    assert [e["epoch"] for e in metrics["epochs"]] == [1, 2] and record.run.timing.step == "eager"
    saved, _ = load_model(record.run_dir)
    assert all(torch.equal(a, b) for a, b in zip(saved.state_dict().values(), setup.evaluated.state_dict().values(),
                                                 strict=True))


def test_a_captured_runs_steps_on_a_shape_not_captured_are_timed_apart(mnist_dir):
    """A captured step replays its graph for batches of the captured shape; a batch of another shape (an epoch's short
    last batch) steps eagerly, and its host seconds go to `eager_s` (metrics.json's `timing`), as they do nowhere
    while no graph is captured. On a CPU the graph is a stand-in whose replay is counted."""
    from tinydigits.training import clock

    cfg = planned(TrainConfig(model="steady", epochs=1, train_limit=128, data_dir=str(mnist_dir), portable=False,
                              threads=1, precision="fp32"))
    _, setup, data = seed_setup(cfg, torch.device("cpu"), cfg_budget())
    data = dataclasses.replace(data, on_device=True)
    graphed = setup.graphed = graph_step(setup, cfg, data, capture=False, log=lambda _: None)
    x, y = next(mnist.batches(data.train[0], 64))
    graphed.step(x, y)
    assert graphed.eager_s is None  # no graph: every step is eager, none of them on a shape left out

    class Replays:
        count = 0

        def replay(self):
            Replays.count += 1

    graphed.graph, graphed.static, graphed.out = Replays(), (x.clone(), y.clone()), (torch.zeros(()), torch.zeros(()))
    graphed.step(x, y)
    assert Replays.count == 1 and graphed.eager_s is None
    graphed.step(x[:32], y[:32])
    assert Replays.count == 1 and graphed.eager_s > 0
    timing = clock.run_timing(setup, data, 0.0, None, None, None)
    assert timing.eager_s == graphed.eager_s and timing.row()["eager_s"] >= 0


def test_a_capture_turns_cudnns_timing_off_for_the_shapes_run_eagerly_after_it(mnist_dir, monkeypatch):
    """A stack's way may have cuDNN time its plans (`convs.cudnn_timing`: "nchw1" on a GPU): for the captured shape
    only. Once the graph holds them, the shapes run eagerly (the short last batch, the evaluations) take the plan
    cuDNN's heuristics put first, untimed. On a CPU the graph and its capture are stand-ins; the step runs for real."""
    cfg = planned(TrainConfig(model="steady", epochs=1, train_limit=128, data_dir=str(mnist_dir), portable=False,
                              threads=1, precision="fp32"))
    _, setup, data = seed_setup(cfg, torch.device("cpu"), cfg_budget())
    graphed = graph_step(setup, cfg, data, capture=True, log=lambda _: None)
    replays = []

    class StandIn:
        def replay(self):
            replays.append(1)

    monkeypatch.setattr(torch.cuda, "CUDAGraph", StandIn)
    monkeypatch.setattr(torch.cuda, "graph", lambda graph: contextlib.nullcontext())
    monkeypatch.setattr(torch.backends.cudnn, "benchmark", True)  # as stack.stacked_setup sets it for "nchw1"
    x, y = next(mnist.batches(data.train[0], 64))
    graphed._capture(x, y)
    assert graphed.graph is not None and replays == [1] and torch.backends.cudnn.benchmark is False
