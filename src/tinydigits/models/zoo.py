"""The zoo: the three steps of the exercise (model1-3) and the tiers built on them, each a plain `nn.Module` with
the recipe it was measured with. Their Target / Result / Analysis, with the measured tables, are data beside this
file (`write_ups/NAME.md`): `tinydigits models --model NAME` prints one, docs/models.md quotes them."""

from __future__ import annotations

from torch import nn

from tinydigits.models.registry import register
from tinydigits.models.spec import Chain, conv, head


@register("model1", optimizer="sgd", lr=0.02, scheduler="none", augment_degrees=0.0)
class Model1(Chain):
    """Step 1 - the set-up and a light skeleton.

    Target / Result / Analysis, measured: models/write_ups/model1.md (`tinydigits models --model model1`).
    """

    def __init__(self) -> None:
        super().__init__(
            conv(1, 8, bn=False), conv(8, 16, bn=False), nn.MaxPool2d(2), conv(16, 8, k=1, bn=False),
            conv(8, 16, bn=False), conv(16, 16, bn=False), conv(16, 16, bn=False), head(16),
        )


@register("model2", optimizer="sgd", lr=0.05, scheduler="step", augment_degrees=0.0)
class Model2(Chain):
    """Step 2 - efficient.

    Target / Result / Analysis, measured: models/write_ups/model2.md (`tinydigits models --model model2`).
    """

    def __init__(self) -> None:
        d = 0.05
        super().__init__(
            conv(1, 8, dropout=d), conv(8, 16, dropout=d), nn.MaxPool2d(2), conv(16, 8, k=1),
            conv(8, 16, dropout=d), conv(16, 16, dropout=d), conv(16, 16), head(16),
        )


@register("model3", optimizer="sgd", lr=0.1, scheduler="onecycle", batch_size=64, augment_degrees=7.0,
          precision="auto")
class Model3(Chain):
    """Step 3 - reliable.

    Target / Result / Analysis, measured: models/write_ups/model3.md (`tinydigits models --model model3`).
    """

    def __init__(self) -> None:
        d = 0.05
        super().__init__(
            conv(1, 8, dropout=d), conv(8, 12, dropout=d), nn.MaxPool2d(2),
            conv(12, 16, dropout=d), conv(16, 16, dropout=d), conv(16, 16), head(16),
        )


# robust's recipe, which lean trains with too (lean is robust's network without dropout).
ROBUST_RECIPE = {"optimizer": "sgd", "lr": 0.1, "scheduler": "onecycle", "batch_size": 64, "augment_degrees": 12.0,
                 "ema": 0.999, "augment_elastic": 1.5, "augment_stroke": 0.3, "augment_blur": 0.8, "augment_noise": 0.08,
                 "precision": "auto"}


@register("model3b", **ROBUST_RECIPE, augment_off_last=3)
class Model3b(Chain):
    """Step 3, revised - model3 in three named changes, so that step 3 holds in the portable arithmetic.

    Target / Result / Analysis, measured: models/write_ups/model3b.md (`tinydigits models --model model3b`).
    """

    def __init__(self) -> None:
        # model3's convs, batch norm after the max-pool in place of dropout (change 1)
        super().__init__(
            conv(1, 8), conv(8, 12, pool=True), conv(12, 16), conv(16, 16), conv(16, 16), head(16),
        )


@register("robust", **ROBUST_RECIPE)
class Robust(Model3):
    """Step 4 - the tier for other people's handwriting (the default until lean's 30 seeds): model3's network taught
    other people's handwriting. `predict`, `serve` and docs/robustness.md point here.

    Target / Result / Analysis, measured: models/write_ups/robust.md (`tinydigits models --model robust`).
    """


@register("lean", **ROBUST_RECIPE)
class Lean(Chain):
    """Step 5 - robust without dropout, the cheaper seed (the default before poolbn).

    Target / Result / Analysis, measured: models/write_ups/lean.md (`tinydigits models --model lean`).
    """

    def __init__(self) -> None:
        super().__init__(
            conv(1, 8), conv(8, 12), nn.MaxPool2d(2), conv(12, 16), conv(16, 16), conv(16, 16), head(16),
        )


@register("poolbn", **ROBUST_RECIPE)
class PoolBN(Chain):
    """Step 6 - lean with batch norm after the max-pool: the cheaper step that holds more often.

    Target / Result / Analysis, measured: models/write_ups/poolbn.md (`tinydigits models --model poolbn`).
    """

    def __init__(self) -> None:
        super().__init__(
            conv(1, 8), conv(8, 12, pool=True), conv(12, 16), conv(16, 16), conv(16, 16), head(16),
        )


@register("steady", **ROBUST_RECIPE, augment_off_last=3)
class Steady(Chain):
    """Step 7 - poolbn whose scored epochs train on the digits as they are: the default.

    Target / Result / Analysis, measured: models/write_ups/steady.md (`tinydigits models --model steady`).
    """

    def __init__(self) -> None:
        # poolbn's layers written out, not inherited: a model's code hash reads its own class only (registry.Source).
        super().__init__(
            conv(1, 8), conv(8, 12, pool=True), conv(12, 16), conv(16, 16), conv(16, 16), head(16),
        )


@register("fast", optimizer="sgd", lr=0.13690395977057332, scheduler="onecycle", batch_size=128, epochs=12,
          augment_degrees=11.026170529612262, augment_translate=0.05784527755595322, augment_scale=(0.9845, 1.0155),
          label_smoothing=0.015660069819245837, ema=0.99, bn_recompute=10000, size_schedule="22:4", precision="auto")
class Fast(Chain):
    """Speed tier - a stride-2 stem, 12 epochs (not yet reliable: see Result).

    Target / Result / Analysis, measured: models/write_ups/fast.md (`tinydigits models --model fast`).
    """

    def __init__(self) -> None:
        super().__init__(
            conv(1, 6, stride=2, padding=1), conv(6, 12, padding=1), conv(12, 16), conv(16, 16), conv(16, 16), head(16),
        )


# Trial 55 of the golf study (`tinydigits search --family golf`), widened: its recipe as the study drew it.
GOLF_RECIPE = {"optimizer": "sgd", "lr": 0.2040929988783457, "scheduler": "onecycle", "batch_size": 32, "momentum": 0.9,
               "augment_degrees": 10.419650116420756, "augment_translate": 0.10335638578648963,
               "augment_scale": (0.9932, 1.0068), "label_smoothing": 0.023702695278696, "ema": 0.999,
               "augment_elastic": 0.40272977531513693, "augment_stroke": 0.017466679578754214,
               "augment_blur": 0.49007434480452716, "augment_noise": 0.08938590853857015, "precision": "fp32"}


@register("golf", **GOLF_RECIPE)
class Golf(Chain):
    """Golf tier - 3,760 parameters, depthwise-separable convs after the pool (not yet reliable: see Result).

    Target / Result / Analysis, measured: models/write_ups/golf.md (`tinydigits models --model golf`).
    """

    def __init__(self) -> None:
        super().__init__(
            conv(1, 8), conv(8, 12, pool=True), conv(12, 12, padding=1, groups=12), conv(12, 26, k=1),
            conv(26, 26, groups=26), conv(26, 26, k=1), conv(26, 26, groups=26), conv(26, 26, k=1), head(26),
        )
