"""Every list of settings derives from the settings' declared roles: the augmentation a run applies, the values an
unset setting trains with, what a resumed check may take from its machine, the flags a ledger row's command leaves
out, the report's config and the command that trains a step again."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tinydigits.settings import setting
from tinydigits.training.config import TrainConfig, augment_field, declared, in_effect, settings_of

CHECK = Path(__file__).parent / "data" / "byte_identical" / "check-model3b-20261126T050000Z"


def test_a_new_augment_setting_reaches_the_augmentation(monkeypatch):
    """A setting declared with the augment role is applied, not only recorded: `TrainConfig.augment()` hands it to
    the Augment field of its name, its `off` value when unset."""
    from tinydigits.data import augment

    @dataclasses.dataclass(frozen=True)
    class WithCutout(augment.Augment):
        cutout: float = 0.0

    @dataclasses.dataclass
    class WithMore(TrainConfig):
        augment_cutout: float | None = setting(help="a new augmentation", role="augment", off=0.0)

    monkeypatch.setattr(augment, "Augment", WithCutout)
    made = WithMore(augment_cutout=0.25, augment_degrees=10.0).augment()
    assert isinstance(made, WithCutout) and made.cutout == 0.25 and made.degrees == 10.0
    assert WithMore().augment().cutout == 0.0


def test_every_augment_setting_is_an_augment_field_by_name():
    from tinydigits.data.augment import Augment

    assert {augment_field(n) for n in settings_of("augment")} == {f.name for f in dataclasses.fields(Augment)}


def test_the_augmentation_is_the_one_the_settings_name():
    from tinydigits.data.augment import Augment

    cfg = TrainConfig(augment_degrees=12.0, augment_scale=[0.9, 1.1], augment_elastic=1.5, augment_noise=0.08)
    assert cfg.augment() == Augment(degrees=12.0, scale=(0.9, 1.1), elastic=1.5, noise=0.08)
    assert TrainConfig().augment() == Augment() and not TrainConfig().augment().active


def test_an_unset_setting_trains_as_it_is():
    cfg = TrainConfig(model="model1").resolved()
    for name in settings_of("augment", "recipe"):
        off = declared(name).metadata["off"]
        if off is not None:
            assert getattr(cfg, name) == off and type(getattr(cfg, name)) is type(off), name
    assert cfg.augment_scale == (1.0, 1.0) and cfg.bn_recompute == 0 and cfg.step_every() == 5


def test_the_command_carries_every_setting_in_effect():
    """One rule for `reproduce` and `python_call`: the recipe-decided settings as they trained (the step schedule's
    step size as counted), a fixed one only where it differs from its default, none that does nothing."""
    step2 = TrainConfig(model="model2").resolved()
    carried = in_effect(step2)
    assert carried["scheduler"] == "step" and carried["step_size"] == 5
    assert "step_gamma" not in carried and "momentum" not in carried and "augment_degrees" not in carried
    assert in_effect(dataclasses.replace(step2, step_gamma=0.5))["step_gamma"] == 0.5
    onecycle = in_effect(dataclasses.replace(step2, scheduler="onecycle", step_size=4))
    assert "step_size" not in onecycle and "step_gamma" not in onecycle
    assert "seed" not in carried and "threads" not in carried and "out" not in carried


def test_a_resumed_check_takes_its_machine_and_refuses_the_rest():
    from tinydigits.errors import TinyDigitsError
    from tinydigits.verdict.seeds import refuse_contradictions

    assert set(settings_of("machine")) == {"threads", "device", "data_dir"}
    refuse_contradictions(CHECK, {"threads": 4, "device": "cuda", "data_dir": "/elsewhere", "jobs": 3})
    for given in ({"precision": "bf16"}, {"portable": False}, {"out": "elsewhere"}, {"mlflow": "http://h:5000"}):
        with pytest.raises(TinyDigitsError, match="goes on with its plan"):
            refuse_contradictions(CHECK, given)


def test_a_ledger_row_leaves_out_its_machine_and_files():
    from tinydigits.results.ledger import command_without_paths, machine_flags

    assert {"--out", "--mlflow", "--data-dir", "--threads", "--device", "--json", "--ledger"} == set(machine_flags())
    typed = ("tinydigits check --model m --seeds 0-4 --out /x --data-dir=/d --threads 2 --json v.json --no-portable "
             "--ledger docs/seeds.csv")
    assert command_without_paths(typed) == "tinydigits check --model m --seeds 0-4 --no-portable"

