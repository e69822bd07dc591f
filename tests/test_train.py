from __future__ import annotations

import json
import os

import pytest
import torch

from helpers import exact_numbers_of, train
from tinydigits import files, models
from tinydigits.training import runs
from tinydigits.training.config import TrainConfig


def test_short_real_run_learns_and_leaves_a_complete_folder(tiny_run):
    epochs = tiny_run.metrics["epochs"]
    assert len(epochs) == 2
    assert epochs[1]["train_loss"] < epochs[0]["train_loss"]
    assert epochs[-1]["test_acc"] > 80.0  # 6,000 images, 2 epochs: far above chance (10 %)
    folder = tiny_run.run_dir
    assert folder.name.startswith("model3-") and folder.name.endswith("-s0")
    metrics = json.loads((folder / "metrics.json").read_text())
    assert metrics["model"] == "model3" and metrics["seed"] == 0 and metrics["complete"] is True
    assert metrics["params"] == models.count_params(models.create("model3"))
    assert set(metrics["epochs"][0]) >= {"epoch", "train_loss", "train_acc", "test_loss", "test_acc", "lr", "seconds"}
    config = json.loads((folder / "config.json").read_text())
    assert config["seed"] == 0 and config["environment"]["torch"] == torch.__version__
    ckpt = torch.load(folder / "model.pt", weights_only=True)
    assert ckpt["model"] == "model3" and ckpt["config"]["epochs"] == 2
    assert not list(folder.glob(".*")), "no temporary files left behind"


def test_checkpoint_reloads_to_the_same_predictions(tiny_run):
    model, _ = runs.load_model(tiny_run.run_dir)
    x = torch.randn(4, 1, 28, 28)
    tiny_run.model.eval()
    assert torch.allclose(model(x), tiny_run.model(x), atol=1e-5)


def test_run_folders_are_never_reused(tmp_path):
    first = files.new_run_dir(tmp_path, "model3", 0)
    second = files.new_run_dir(tmp_path, "model3", 0)
    assert first != second and first.exists() and second.exists()


def test_same_seed_same_numbers(mnist_dir, tmp_path):
    from helpers import train

    cfg = TrainConfig(model="model3", epochs=1, seed=5, data_dir=str(mnist_dir), out=str(tmp_path), train_limit=512,
                      val_split=128)
    a = train(cfg, quiet=True, log=lambda _: None).metrics["epochs"][0]
    b = train(cfg, quiet=True, log=lambda _: None).metrics["epochs"][0]
    assert a["train_loss"] == b["train_loss"] and a["test_acc"] == b["test_acc"] and a["val_acc"] == b["val_acc"]


def test_recipe_fills_only_unset_fields():
    recipe = models.recipe("robust")
    defaults = TrainConfig(model="model1").resolved()  # model1's recipe names only its rate: the global defaults
    own = lambda v: tuple(v) if isinstance(v, list) else v
    filled = [k for k, v in recipe.items() if k != "precision" and getattr(defaults, k) != own(v)]
    assert len(filled) >= 6  # batch, rate, EMA, augmentations: values no default has, so only the recipe can set them
    cfg = TrainConfig(model="robust", lr=0.01).resolved()
    assert cfg.lr == 0.01  # set: kept
    assert all(getattr(cfg, k) == recipe[k] for k in filled if k != "lr")  # unset: the recipe's
    adam = TrainConfig(model="robust", optimizer="adam").resolved()
    assert adam.lr == 0.003  # the recipe's SGD learning rate is not carried over to Adam


@pytest.mark.parametrize("field,value", [("epochs", 0), ("scheduler", "cosine"), ("lr", -1.0), ("model", "nope")])
def test_bad_config_is_a_clear_error(field, value):
    from tinydigits.errors import TinyDigitsError

    with pytest.raises(TinyDigitsError):
        TrainConfig(**{field: value}).resolved()


def test_bn_recompute_measures_the_statistics_of_the_weights_as_they_are():
    from tinydigits.data import mnist
    from tinydigits.training.device import input_layout
    from tinydigits.training.evaluate import recompute_bn

    torch.manual_seed(0)
    model = models.create("model3")
    first_bn = model.layers[0][1]
    first_bn.running_mean.fill_(5.0)  # stale statistics, as an EMA of the weights leaves them
    images = (torch.rand(300, 28, 28) * 255).to(torch.uint8)
    split = mnist.Split(images, torch.zeros(300, dtype=torch.long))
    recompute_bn(model, split, images=200, batch_size=50)  # equal batches: update_bn averages per batch
    with torch.no_grad():
        x = torch.cat([input_layout(x) for x, _ in mnist.batches(split.subset(torch.arange(200)), 50)])
        conv_out = model.layers[0][0](x)
    assert torch.allclose(first_bn.running_mean, conv_out.mean((0, 2, 3)), atol=1e-4)
    before = first_bn.running_mean.clone()
    recompute_bn(model, split, images=0)  # 0 = off
    assert torch.equal(first_bn.running_mean, before)


def test_schedules_change_size_and_batch_on_the_epochs_they_name_and_never_in_the_last(mnist_dir, tmp_path, no_test_pass):
    from helpers import train

    cfg = TrainConfig(model="model3", epochs=5, data_dir=str(mnist_dir), out=str(tmp_path), train_limit=640, batch_size=64,
                      size_schedule="20:1,24:1", batch_schedule="128:2", scheduler="onecycle", lr=0.05)
    seen = []
    original = torch.nn.functional.interpolate

    def spy(x, *args, **kwargs):
        seen.append(kwargs.get("size"))
        return original(x, *args, **kwargs)

    torch.nn.functional.interpolate = spy
    try:
        with no_test_pass():
            result = train(cfg, quiet=True, log=lambda _: None)
    finally:
        torch.nn.functional.interpolate = original
    rows = result.metrics["epochs"]
    assert [(r["input_size"], r["batch_size"]) for r in rows] == [(20, 128), (24, 128), (28, 64), (28, 64), (28, 64)]
    assert set(seen) == {(20, 20), (24, 24)} and len(seen) == 2 * 640 // 128  # every batch of the first two epochs, no other
    assert cfg.plan(keep_last=3)[-3:] == [(28, 64)] * 3


def test_augmentation_off_for_the_last_epochs_leaves_the_earlier_ones_as_they_were(mnist_dir, tmp_path, monkeypatch,
                                                                                   no_test_pass):
    """`--augment-off-last 2` of 3 epochs: the first epoch augments every batch and trains exactly as without the
    flag; the last two see the images as they are (no augmentation call), so their curve moves."""
    from helpers import train
    from tinydigits.data.augment import Augment

    calls = []
    original = Augment.__call__
    monkeypatch.setattr(Augment, "__call__", lambda self, x, g: calls.append(len(x)) or original(self, x, g))
    cfg = TrainConfig(model="model3", epochs=3, data_dir=str(mnist_dir), train_limit=256, batch_size=64, seed=1)
    with no_test_pass():  # the train losses are the steps'
        plain = train(TrainConfig(**{**cfg.__dict__, "out": str(tmp_path / "a"), "augment_off_last": 2}), log=lambda _: None)
        assert calls == [64] * 4  # the first epoch's four batches, none after
        calls.clear()
        full = train(TrainConfig(**{**cfg.__dict__, "out": str(tmp_path / "b")}), log=lambda _: None)
    assert calls == [64] * 12
    first, rest = plain.metrics["epochs"][0], plain.metrics["epochs"][1:]
    assert first["train_loss"] == full.metrics["epochs"][0]["train_loss"]
    assert [r["train_loss"] for r in rest] != [r["train_loss"] for r in full.metrics["epochs"][1:]]
    with pytest.raises(Exception, match="--augment-off-last must be between 0 and --epochs"):
        TrainConfig(model="model3", epochs=3, augment_off_last=4).resolved()


def test_a_recipes_plain_tail_is_its_last_epochs_and_leaves_a_short_run_its_first_epoch_augmented():
    """steady's recipe carries `augment_off_last` 3 (the default since #68): a whole run's scored epochs are plain, a
    shorter run keeps its first epoch augmented, a flag overrides the recipe, and poolbn's recipe has no tail."""
    tail = {epochs: TrainConfig(model="steady", epochs=epochs).resolved().augment_off_last for epochs in (15, 4, 2, 1)}
    assert tail == {15: 3, 4: 3, 2: 1, 1: 0}
    assert TrainConfig(model="steady", augment_off_last=0).resolved().augment_off_last == 0
    assert TrainConfig(model="steady", epochs=5, augment_off_last=5).resolved().augment_off_last == 5
    assert TrainConfig(model="poolbn").resolved().augment_off_last == 0
    assert TrainConfig().resolved().model == "steady"


def _rates(cfg: TrainConfig, images: int = 640) -> list[float]:
    """The learning rate of every batch of a run (10 batches an epoch), as the loop steps its scheduler."""
    from tinydigits.training.factories import training_model
    from tinydigits.training.train import Setup

    setup = Setup.of(cfg, training_model(cfg.model), images=images)
    rates = []
    for _ in range(cfg.epochs * 10):
        rates.append(setup.opt.param_groups[0]["lr"])
        setup.opt.step()  # no gradients: nothing moves, but the scheduler sees the step it follows
        setup.step_schedule()
    return rates


@pytest.mark.fast
def test_a_rate_floor_anneals_the_cycle_before_the_last_epochs_and_holds_its_lowest_rate():
    """`--lr-floor-last 2` of 5 epochs: the one-cycle runs its whole course over the first 3 (the rates of a 3-epoch
    run), then its lowest rate is held for every batch of the last 2; without it the cycle spans all 5, as before."""
    from tinydigits.errors import TinyDigitsError

    cfg = TrainConfig(model="model3", epochs=5, batch_size=64, portable=False, precision="fp32", device="cpu")
    floored = _rates(TrainConfig(**{**cfg.__dict__, "lr_floor_last": 2}).resolved())
    three = _rates(TrainConfig(**{**cfg.__dict__, "epochs": 3}).resolved())
    assert floored[:30] == three and floored[30:] == [three[-1]] * 20
    assert three[-1] == pytest.approx(0.1 / 1000) and min(three) == three[-1]
    whole = _rates(cfg.resolved())
    assert len(set(whole[30:])) == 20 and whole[-1] == pytest.approx(0.1 / 1000)  # the cycle over all five
    for bad, message in ((5, "between 0 and --epochs - 1"), (1, "needs --scheduler onecycle")):
        with pytest.raises(TinyDigitsError, match=message):
            TrainConfig(**{**cfg.__dict__, "lr_floor_last": bad, "scheduler": "step" if bad == 1 else None}).resolved()


@pytest.mark.fast
@pytest.mark.parametrize("floor", [0, 2])
def test_the_curves_replay_of_a_one_cycle_is_the_rate_every_batch_of_the_loop_had(floor):
    """curves.png draws a one-cycle's course within each epoch from `factories.replay_rates`: batch for batch the
    rates the loop's Setup steps through, a rate floor's held tail too; a schedule stepped once an epoch has none."""
    from tinydigits.training.factories import replay_rates

    cfg = TrainConfig(model="model3", epochs=5, batch_size=64, portable=False, precision="fp32", device="cpu",
                      lr_floor_last=floor).resolved()
    replayed = replay_rates(cfg, 640, keep_last=3)
    assert [len(epoch) for epoch in replayed] == [10] * 5
    assert [rate for epoch in replayed for rate in epoch] == _rates(cfg)
    assert replay_rates(TrainConfig(**{**cfg.__dict__, "scheduler": "step", "lr_floor_last": 0}), 640, 3) is None


@pytest.mark.parametrize(("field", "value", "message"), [
    ("size_schedule", "20:13", "the last 3 of 15"), ("batch_schedule", "256:13", "the last 3 of 15"),
    ("size_schedule", "20", "VALUE:EPOCHS"), ("size_schedule", "4:2", "values must be 8-28"),
])
def test_schedules_that_reach_the_judged_epochs_or_do_not_parse_are_one_line(field, value, message):
    from tinydigits.errors import TinyDigitsError

    with pytest.raises(TinyDigitsError, match=message):
        TrainConfig(model="model3", **{field: value}).resolved()


def test_a_model_that_cannot_run_smaller_says_so(tmp_path, mnist_dir):
    from helpers import train
    from tinydigits.errors import TinyDigitsError

    model_file = tmp_path / "dense.py"
    model_file.write_text("from torch import nn\n"
                          "def make():\n    return nn.Sequential(nn.Flatten(), nn.Linear(784, 10))\n")
    cfg = TrainConfig(model=f"{model_file}:make", epochs=4, size_schedule="20:1", data_dir=str(mnist_dir), out=str(tmp_path),
                      train_limit=256)
    with pytest.raises(TinyDigitsError, match="cannot run on 20x20 inputs"):
        train(cfg, quiet=True, log=lambda _: None)


def test_check_keeps_its_own_last_epochs_free_of_schedules():
    from tinydigits.constants import Budget
    from tinydigits.errors import TinyDigitsError
    from tinydigits.lifecycle import make
    from tinydigits.verdict.seeds import check

    plan = make(TrainConfig(model="model3", size_schedule="20:11"), Budget(last=5))  # 4 plain epochs: fine for --last 3
    with pytest.raises(TinyDigitsError, match="the last 5 of 15"):
        check(plan, [0], log=lambda _: None)


# One short fixed-seed run of each kind of recipe (dropout, robustness augmentations), portable:
# `train(TrainConfig(model=M, epochs=1, seed=0, train_limit=2000, threads=1, precision="fp32"))`. Measured in the
# portable arithmetic of #64 (MKL COMPATIBLE) on a 2-core AMD EPYC (Zen 5); the portable arithmetic gives these bits on
# every x86 CPU, so they are compared exactly.
PINNED_SHORT_RUNS = {
    "robust": {"train_loss": 1.9440035400390625, "train_acc": 36.2, "test_loss": 1.8545501953125, "test_acc": 38.95},
    "model3": {"train_loss": 1.8491298828125, "train_acc": 42.5, "test_loss": 1.4831580078125, "test_acc": 51.46},
}


@exact_numbers_of()
@pytest.mark.parametrize("model", sorted(PINNED_SHORT_RUNS))
def test_a_fixed_seed_short_run_gives_the_pinned_figures(model, mnist_dir, tmp_path):
    cfg = TrainConfig(model=model, epochs=1, seed=0, train_limit=2000, threads=1, precision="fp32", data_dir=str(mnist_dir),
                      out=str(tmp_path))
    row = train(cfg, quiet=True, log=lambda _: None).metrics["epochs"][0]
    assert {k: row[k] for k in PINNED_SHORT_RUNS[model]} == PINNED_SHORT_RUNS[model]


def test_the_ema_warms_up_then_keeps_its_decay():
    from tinydigits.training.factories import ema_decay, make_ema

    assert ema_decay(0.999, 0) == 0.0  # the first average is the weights themselves
    assert ema_decay(0.999, 462) < 0.99 < ema_decay(0.999, 464)  # 0.99 after ~463 updates (timm's ramp, power 3/4)
    assert ema_decay(0.999, 9_000) < 0.999 == ema_decay(0.999, 10_001) == ema_decay(0.999, 10**6)
    assert ema_decay(0.9, 50) == 0.9 and make_ema(torch.nn.Linear(2, 2), 0.0) is None

    net = torch.nn.Sequential(torch.nn.Linear(3, 3), torch.nn.BatchNorm1d(3))
    ema = make_ema(net, 0.999)
    start = [p.detach().clone() for p in net.parameters()]
    expected = None
    for step in range(40):  # the weights walk away from their start; the EMA follows with the ramp's decay
        with torch.no_grad():
            for p in net.parameters():
                p.add_(0.1)
        ema.update_parameters(net)
        current = [p.detach().clone() for p in net.parameters()]
        decay = ema_decay(0.999, step)
        expected = current if expected is None else [decay * e + (1 - decay) * c for e, c in zip(expected, current, strict=True)]
    for averaged, want, now, first in zip(ema.module.parameters(), expected, net.parameters(), start, strict=True):
        assert torch.allclose(averaged, want, atol=1e-6)
        assert (averaged - now).abs().max() < (averaged - first).abs().max()  # near the trained weights, not the start


def test_a_run_records_its_momentum_its_emas_decay_and_its_layer_statistics_images(mnist_dir, tmp_path, no_test_pass):
    """What a hand-in says of a one-cycle's momentum, an EMA's ramp and the dead units is read from these records."""
    from helpers import train
    from tinydigits.lifecycle.finish import finish
    from tinydigits.training.factories import ONECYCLE_MOMENTUM, ema_decay
    from tinydigits.training.probe import layer_stats

    cfg = TrainConfig(model="model3", epochs=4, data_dir=str(mnist_dir), out=str(tmp_path), train_limit=640, batch_size=64,
                      scheduler="onecycle", lr=0.05, momentum=0.9, ema=0.999)
    with no_test_pass():  # the momenta and decays are the steps'
        rows = train(cfg, quiet=True, log=lambda _: None).metrics["epochs"]
    momenta = [r["momentum"] for r in rows]
    assert momenta[0] == max(ONECYCLE_MOMENTUM) and min(momenta) < momenta[0]  # cycled down with the warm-up, not 0.9
    assert [r["ema_decay"] for r in rows] == [ema_decay(0.999, 10 * e - 1) for e in (1, 2, 3, 4)]  # 10 updates an epoch
    assert all(r["ema_decay"] < 0.999 for r in rows)  # 40 updates never reach the decay set
    plain = train(TrainConfig(model="model3", epochs=1, data_dir=str(mnist_dir), out=str(tmp_path / "plain"),
                              train_limit=640, batch_size=64, momentum=0.9, scheduler="none", ema=0.0),
                  quiet=True, log=lambda _: None)
    assert plain.metrics["epochs"][0]["momentum"] == 0.9 and "ema_decay" not in plain.metrics["epochs"][0]
    measured = plain.run.layer_stats  # in its last test pass (a CPU run): its finish needs no pass of its own
    assert measured == layer_stats(plain.model, plain.test)
    finish(plain)
    assert {s["images"] for s in plain.run.layer_stats} == {2000} and plain.run.layer_stats == measured
    assert json.loads((plain.run_dir / "metrics.json").read_text())["layers"] == plain.run.layer_stats


def _epoch_rates(monkeypatch, tmp_path, mnist_dir, scheduler: str, val: list[float], test: list[float]) -> list[float]:
    """Each epoch's learning rate from a real `train` (tiny data), with the evaluation scripted: the validation split's
    loss follows `val` and the test split's follows `test`, so the rates show which one the scheduler read."""
    from tinydigits.training import probe
    from tinydigits.training import train as loop

    calls = {"val": iter(val), "test": iter(test)}
    seen = []

    def scripted(model, splits, batch_size=1000, keep=None):  # `fit` hands `evaluate` one split per seed
        # No real pass over the 10,000 test images: the loss is the script's, and no accuracy is asserted here.
        kinds = ["val" if len(split) == 64 else "test" for split in splits]
        seen.extend(kinds)
        return [(next(calls[kind]), 50.0) for kind in kinds]

    monkeypatch.setattr(loop, "evaluate", scripted)  # the validation pass
    monkeypatch.setattr(probe, "evaluate", scripted)  # the test pass (`probe.evaluate_and_measure`)
    cfg = TrainConfig(model="model2", scheduler=scheduler, epochs=len(val), train_limit=320, val_split=64, lr=0.05,
                      data_dir=str(mnist_dir), out=str(tmp_path), threads=1)
    rows = train(cfg, quiet=True, log=lambda _: None).metrics["epochs"]
    assert seen.count("val") == seen.count("test") == len(val)  # every epoch's passes were the script's
    assert [row["test_loss"] for row in rows] == test and [row["val_loss"] for row in rows] == val
    return [row["lr"] for row in rows]


def test_the_step_scheduler_cuts_the_rate_tenfold_every_third_of_the_run(monkeypatch, tmp_path, mnist_dir):
    rates = _epoch_rates(monkeypatch, tmp_path, mnist_dir, "step", [1.0] * 6, [1.0] * 6)
    assert rates == pytest.approx([0.05] * 2 + [0.005] * 2 + [0.0005] * 2)


def test_the_plateau_scheduler_reads_the_validation_loss_never_the_test_loss(monkeypatch, tmp_path, mnist_dir):
    better_and_better = [1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3]
    rates = _epoch_rates(monkeypatch, tmp_path, mnist_dir, "plateau", [1.0, 0.9, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8],
                         better_and_better)
    assert rates == pytest.approx([0.05] * 6 + [0.005] * 2)  # cut after three epochs without a better validation loss


def test_plateau_without_a_validation_split_is_refused_in_one_line():
    from helpers import assert_one_line_error, run_main

    proc = run_main("train", "--scheduler", "plateau", "--epochs", "2")
    assert_one_line_error(proc, "--scheduler plateau needs --val-split")


def test_ctrl_c_during_the_bookkeeping_waits_until_it_is_done():
    import os
    import signal
    import time

    from tinydigits.training import tracking

    before, done = signal.getsignal(signal.SIGINT), []
    with pytest.raises(KeyboardInterrupt), tracking.shielded():
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C in the middle of writing a run's records
        time.sleep(0.05)
        done.append("written")
    assert done == ["written"] and signal.getsignal(signal.SIGINT) is before


# The default (steady: poolbn's layers and whole recipe - augmentation, EMA, batch norm - with a plain last epoch here,
# its recipe's tail of 3 left one augmented epoch by a 2-epoch run), portable, 2 epochs on 2,000 images, seed 0:
# (test acc %, test loss, train loss) per epoch, to the last digit. Epoch 1 is poolbn's, the same on a 2-core Intel Xeon
# with AMX, a 2-core AMD EPYC (Zen 5, AVX-512) and both under qemu-x86_64 -cpu EPYC-Milan / -cpu Haswell (issue #64;
# docs/checking-seeds.md); epoch 2 (no augmentation) measured at issue #68's adoption on a 2-core AMD EPYC (Zen 4,
# AVX-512), equal to `--model poolbn --augment-off-last 1`'s, and the same under qemu-x86_64 -cpu Haswell (an Intel) on
# that EPYC. The pins before #64 (MKL_CBWR=AVX2) gave (45.38, ...) on AMD and (46.34, ...) on Intel.
PORTABLE_NUMBERS = [(46.33, 1.6961390625, 1.8914415283203125), (87.12, 0.769356787109375, 0.7132310791015625)]


@exact_numbers_of()
def test_a_portable_run_gives_the_same_numbers_on_every_cpu_kind(tmp_path, mnist_dir):
    result = train(TrainConfig(epochs=2, train_limit=2000, data_dir=str(mnist_dir), out=str(tmp_path)), quiet=True,
                   log=lambda _: None)
    assert [(e["test_acc"], e["test_loss"], e["train_loss"]) for e in result.metrics["epochs"]] == PORTABLE_NUMBERS
    config = json.loads((result.run_dir / "config.json").read_text())
    assert config["model"] == "steady" and config["portable"] and config["precision"] == "fp32" and config["threads"] == 1
    assert config["environment"]["arithmetic"]["aten_isa"] == "AVX2"


def test_a_test_pass_in_cache_sized_pieces_gives_every_models_logits_to_the_bit(mnist_dir):
    """`device.infer` forwards a test batch in pieces (cheaper on a CPU): every registered model's logits for 1,000 test
    images are the same bits as one whole forward, so no curve, picture or report moves."""
    from tinydigits.data import mnist
    from tinydigits.models.registry import eval_mode
    from tinydigits.training.device import EVAL_CHUNK, infer, input_layout
    from tinydigits.training.factories import training_model

    x, _ = next(iter(mnist.batches(mnist.load_split("test", str(mnist_dir), torch.device("cpu")), 1000)))
    assert len(x) > EVAL_CHUNK
    for name in models.names():
        torch.manual_seed(0)
        with eval_mode(training_model(name)) as model:
            assert torch.equal(infer(model, input_layout(x)), model(input_layout(x))), name


def test_a_runs_metrics_are_the_same_with_the_test_pass_in_pieces_or_whole(tmp_path, mnist_dir, monkeypatch):
    from tinydigits.training import device

    cfg = TrainConfig(epochs=2, train_limit=1000, data_dir=str(mnist_dir), out=str(tmp_path))
    timing = {"seconds", "train_images_per_s"}
    rows = []
    for chunk in (device.EVAL_CHUNK, 10**9):  # in pieces, then the whole batch of 1,000 as before
        monkeypatch.setattr(device, "EVAL_CHUNK", chunk)
        result = train(cfg, quiet=True, log=lambda _: None)
        rows.append([{k: v for k, v in e.items() if k not in timing} for e in result.metrics["epochs"]])
    assert rows[0] == rows[1]


NOTEBOOK = """
import json
import os
import sys

if __name__ == "__main__":
    mode = sys.argv[3]
    if mode != "tinydigits-first":  # a notebook that ran torch natively before it called tinydigits
        for key in ("ATEN_CPU_CAPABILITY", "ONEDNN_MAX_CPU_ISA", "MKL_CBWR"):
            os.environ.pop(key, None)
        import torch

        torch.ones(3).sum()
        if mode == "mkl-first":  # a matrix product: MKL reads its code path now, unpinned
            torch.ones(4, 4) @ torch.ones(4, 4)
    import tinydigits
    from tinydigits.training import arithmetic

    if mode == "unpinnable":  # the AVX-512 decision, injected: this process "cannot pin" whatever the CPU
        arithmetic.pin_portable = lambda: "torch already runs its AVX512 kernels in this process (injected)"
    run = tinydigits.train(epochs=1, train_limit=500, data_dir=sys.argv[1], out=sys.argv[2])
    config = json.loads((run.run_dir / "config.json").read_text())
    print(json.dumps({"isa": config["environment"]["arithmetic"]["aten_isa"], "epochs": run.metrics["epochs"],
                      "report": (run.run_dir / "report.md").exists(), "test": len(run.test)}))
"""


@pytest.fixture(scope="module")
def portable_here(mnist_dir, tmp_path_factory) -> list[tuple[float, float]]:
    """A portable seed's test figures, 1 epoch of 500 images trained in this process: what every notebook's run gives."""
    here = train(TrainConfig(epochs=1, train_limit=500, data_dir=str(mnist_dir), out=str(tmp_path_factory.mktemp("here"))),
                 quiet=True, log=lambda _: None)
    return [(e["test_acc"], e["test_loss"]) for e in here.metrics["epochs"]]


@pytest.mark.parametrize("mode", ["unpinnable", "tinydigits-first", "torch-first", "mkl-first"])
def test_a_notebook_trains_a_portable_seed_in_place_or_in_a_fresh_process(mode, tmp_path, mnist_dir, portable_here):
    """`tinydigits.train` from a notebook: where the process cannot pin (torch already ran AVX-512 kernels; injected
    here, so the branch runs on every CPU kind; or MKL already ran, whatever the CPU) it says so in one line and trains
    in a fresh process pinned to AVX2; where it can (tinydigits first, or torch first on an AVX2-only CPU) it trains in
    place, without that line. Either way the numbers are a pinned process's."""
    import subprocess
    import sys

    from tinydigits.api import FRESH_NOTE

    script = tmp_path / "notebook.py"
    script.write_text(NOTEBOOK)
    # a scheduler address in the environment (here a closed port) is for checks: the fresh process is this machine's
    done = subprocess.run([sys.executable, str(script), str(mnist_dir), str(tmp_path / "far"), mode], capture_output=True,
                          text=True, timeout=240, env={**os.environ, "DASK_SCHEDULER_ADDRESS": "tcp://127.0.0.1:9"})
    assert done.returncode == 0, done.stderr
    far = json.loads(done.stdout.strip().splitlines()[-1])
    assert far["isa"] == "AVX2" and far["report"] and far["test"] == 10_000
    if mode in ("unpinnable", "mkl-first"):
        assert done.stdout.count(FRESH_NOTE) == 1
    elif mode == "tinydigits-first":
        assert FRESH_NOTE not in done.stdout
    # torch-first: in place on AVX2-only, fresh on AVX-512 - both branches are proved by the two modes above
    assert [(e["test_acc"], e["test_loss"]) for e in far["epochs"]] == portable_here


@pytest.mark.parametrize("first", ["", "torch.ones(4, 4) @ torch.ones(4, 4); "])
def test_mkls_code_path_is_the_pinned_one_only_where_mkl_had_not_run_before_the_pin(first):
    """MKL reads MKL_CBWR at its first call, whatever the CPU's vendor: pinned before any matrix product, its code path
    is COMPATIBLE and the pin holds; after one, it is not, and `pin_portable` says why (the seed trains elsewhere).
    ATen's instruction set is injected as the portable one, so the MKL branch is taken on an AVX-512 CPU too."""
    import subprocess
    import sys

    script = ("import os, torch; [os.environ.pop(k, None) for k in ('MKL_CBWR', 'ATEN_CPU_CAPABILITY', "
              f"'ONEDNN_MAX_CPU_ISA')]; {first}from tinydigits.training import device; "
              "device.aten_isa = lambda: device.PORTABLE_ISA; why = device.pin_portable(); "
              "print(device.mkl_branch(), device.MKL_COMPATIBLE, 'MKL' in (why or ''))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    branch, compatible, said = done.stdout.split()
    if branch == "None":
        pytest.skip("this torch has no MKL to ask")
    assert (branch == compatible) == (not first)
    assert said == str(bool(first))


def test_the_portable_probe_fingerprints_each_piece_of_a_step_the_same_twice(tmp_path):
    """`scripts/portable_probe.py` (docs/checking-seeds.md): a hash per piece of a step, the same in two fresh processes;
    on the CPU kind whose fingerprints docs/portable-probe/ keeps, the same as those."""
    import subprocess
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parents[1]
    stored = repo / "docs" / "portable-probe" / "intel-xeon-amx.json"
    runs = []
    for name in ("a.json", "b.json"):
        done = subprocess.run([sys.executable, str(repo / "scripts" / "portable_probe.py"), "--json", str(tmp_path / name),
                               "--diff", str(stored)], capture_output=True, text=True, timeout=240)
        assert done.returncode == 0, done.stderr
        runs.append(json.loads((tmp_path / name).read_text()))
    assert runs[0] == runs[1] and {"grid_sample", "layers.0.0 Conv2d forward", "SGD with momentum, two steps"} <= set(runs[0])
    if runs[0]["cpu"] == json.loads(stored.read_text())["cpu"] and runs[0]["torch"].startswith("2.13.0"):
        assert "0 of" in done.stdout, done.stdout


def _no_avx2(monkeypatch) -> None:
    """This process as an ARM Mac or Graviton sees itself: no AVX2 in the CPU's flags, ATen's kernels the generic ones."""
    from tinydigits.training import device

    monkeypatch.setattr(device, "cpu_flags", lambda: {"neon", "asimd"})
    monkeypatch.setattr(device, "aten_isa", lambda: "DEFAULT")


def test_a_cpu_without_avx2_trains_in_its_own_fp32_by_default_and_says_so(monkeypatch, tmp_path, mnist_dir):
    from helpers import run_main

    _no_avx2(monkeypatch)
    proc = run_main("train", "--epochs", "1", "--train-limit", "200", "--data-dir", str(mnist_dir), "--out", str(tmp_path),
                    "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.count("\n") == 1 and "no AVX2" in proc.stderr and "own fp32 on 1 thread" in proc.stderr
    config = json.loads(next(tmp_path.glob("*/config.json")).read_text())
    assert (config["portable"], config["precision"], config["threads"]) == (False, "fp32", 1)
    from tinydigits.results.ledger import arithmetic_of
    from tinydigits.results.records import Run

    run = Run.load(next(tmp_path.glob("*/config.json")).parent)
    assert arithmetic_of(run) == "fp32"  # its own arithmetic in the ledger, never counted as portable


def test_an_explicit_portable_on_a_cpu_without_avx2_is_refused_in_one_line(monkeypatch, tmp_path):
    from helpers import assert_one_line_error, run_main

    _no_avx2(monkeypatch)
    assert_one_line_error(run_main("train", "--portable", "--epochs", "1", "--out", str(tmp_path)), "this CPU has no AVX2")
    assert not list(tmp_path.iterdir())


def test_a_fresh_process_without_the_pins_set_still_trains_a_portable_seed_in_place():
    """The API's path (no CLI to set the pins first): deciding the default arithmetic must not fix ATen's kernels
    before the pin, or an AVX-512 notebook would send every seed to a fresh process for nothing."""
    import subprocess
    import sys

    code = ("from tinydigits.lifecycle import make; from tinydigits.training.config import TrainConfig; "
            "from tinydigits.training.device import aten_isa; p = make(TrainConfig(epochs=1)); "
            "print(repr(p.unpinned), p.config.portable, aten_isa())")
    env = {k: v for k, v in os.environ.items() if k not in ("ATEN_CPU_CAPABILITY", "ONEDNN_MAX_CPU_ISA", "MKL_CBWR")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["''", "True", "AVX2"], done.stdout


def test_a_run_result_shows_a_short_summary_in_a_notebook(tiny_run):
    """`tinydigits.train`'s result evaluated in a notebook cell is three lines (the model and its run, the test
    accuracy, the folder), not the dataclass with the model and 10,000 test images in it."""
    test = tiny_run.run.test()
    for shown in (repr(tiny_run), tiny_run._repr_markdown_()):
        assert len(shown) < 600 and len(shown.splitlines()) <= 5, shown
        assert "model3, seed 0: 2 epochs on 6,000 training images" in shown and f"{tiny_run.run.params:,} param" in shown
        assert f"test accuracy {test[-1]:.2f} % after the last epoch" in shown and str(tiny_run.run_dir) in shown
        assert f"best {max(test):.2f} % (epoch {test.index(max(test)) + 1})" in shown
