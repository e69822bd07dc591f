"""The model registry (timm-style: find a plain nn.Module by name) and the three-step models.

Each model carries the training recipe it was designed with: `tinydigits train --model NAME`
uses it unless a flag overrides a setting.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from torch import nn

from tinydigits import spec
from tinydigits.errors import TinyDigitsError
from tinydigits.spec import Stack, conv, head

_REGISTRY: dict[str, tuple[Callable[[], nn.Module], dict[str, Any]]] = {}


def register(name: str, **recipe: Any) -> Callable:
    """Class decorator: make a model findable by `name`, with its default training recipe."""

    def wrap(cls):
        _REGISTRY[name] = (cls, recipe)
        return cls

    return wrap


def names() -> list[str]:
    return sorted(_REGISTRY)


def _lookup(name: str):
    if name not in _REGISTRY:
        raise TinyDigitsError(f"unknown model {name!r}; choose one of: {', '.join(names())}")
    return _REGISTRY[name]


def create(name: str) -> nn.Module:
    """A fresh model: a registered name or a spec `.json` file (see `tinydigits.spec`)."""
    if spec.is_spec_path(name):
        return spec.load(name).build()
    return _lookup(name)[0]()


def recipe(name: str) -> dict[str, Any]:
    """Training settings the model was designed and measured with."""
    if spec.is_spec_path(name):
        return dict(spec.load(name).recipe)
    return dict(_lookup(name)[1])


def display_name(name: str) -> str:
    """What run folders and tables call a model: its registered name, or a spec file's own name."""
    return spec.load(name).name if spec.is_spec_path(name) else name


def count_params(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


@register("model1", optimizer="sgd", lr=0.02, scheduler="none", augment_degrees=0.0)
class Model1(Stack):
    """Step 1 - the set-up and a light skeleton.

    Target: a working pipeline and a skeleton with a receptive-field plan: two 3x3 convs (RF 5,
    enough for edges and gradients on a 28 px digit) before one max-pool, a 1x1 squeeze, three 3x3
    convs to RF 18 (28 after GAP), then global average pooling and a 1x1 classifier - no dense layer.
    No batch-norm, no regularisation, plain SGD at a constant learning rate, no augmentation.
    Result (`tinydigits check --model model1 --seeds 0,1,2,3,4 --jobs 2`, this 2-core CPU):
        7,352 params; final test accuracy 98.70 / 98.29 / 98.32 / 98.50 / 98.45 % (mean 98.45),
        best 98.66 % on average; 99.4 % never reached; after epoch 1 only 9.6-68.4 % (near chance
        on three seeds); min of the last 3 epochs 98.00 %; VERDICT: FAIL (327 s wall).
    Analysis: the skeleton learns, but without normalisation the start depends on the seed and a
        constant learning rate leaves the test curve jumping by up to 0.54 points within the last 3
        epochs (98.83 -> 98.29 on seed 1). Final train accuracy (98.3-99.0 %) is barely above test:
        not over-fitting but slow, noisy optimisation. Step 2 adds batch-norm (a stable start and
        room for larger learning rates) and a decaying schedule.
    """

    def __init__(self) -> None:
        super().__init__(
            conv(1, 8, bn=False), conv(8, 16, bn=False), nn.MaxPool2d(2), conv(16, 8, k=1, bn=False),
            conv(8, 16, bn=False), conv(16, 16, bn=False), conv(16, 16, bn=False), head(16),
        )


@register("model2", optimizer="sgd", lr=0.05, scheduler="step", augment_degrees=0.0)
class Model2(Stack):
    """Step 2 - efficient.

    Target: the same receptive-field plan made trainable and regularised: batch-norm after every
    conv, 5 % dropout, GAP and 1x1 transitions, a step learning-rate schedule, still < 8k parameters.
    Result (`tinydigits check --model model2 --seeds 0,1,2,3,4 --jobs 2`, this 2-core CPU, 633 s wall):

           seed     ep13     ep14     ep15      min    final  verdict
              0    99.41    99.38    99.45    99.38    99.45     FAIL
              1    99.40    99.43    99.42    99.40    99.42     PASS
              2    99.41    99.40    99.37    99.37    99.37     FAIL
              3    99.27    99.21    99.27    99.21    99.27     FAIL
              4    99.33    99.36    99.37    99.33    99.37     FAIL
        7,432 params; mean final test accuracy 99.38 %, best 99.39 % on average; 99.4 % reached at
        epoch 6-8 on 3 of 5 seeds but held on only one; VERDICT: FAIL.
    Analysis: batch-norm fixed the start (96.9-98.6 % after epoch 1, where model1 could sit at
        chance) and the step schedule flattened the late curve (0.03-0.07 points of spread in the
        last 3 epochs instead of 0.15-0.54). What
        is left is a ceiling, not noise: final train accuracy 99.34-99.39 % is no higher than test,
        so the model does not over-fit - it runs out of capacity and updates within 15 epochs. Step
        3 therefore spends parameters after the pool (the 16->8 1x1 squeeze is the narrowest point),
        doubles the number of updates (batch 64), trains at a high rate and anneals it to ~0 at the
        end (one-cycle), and adds rotation so the extra capacity learns shapes, not samples.
    """

    def __init__(self) -> None:
        d = 0.05
        super().__init__(
            conv(1, 8, dropout=d), conv(8, 16, dropout=d), nn.MaxPool2d(2), conv(16, 8, k=1),
            conv(8, 16, dropout=d), conv(16, 16, dropout=d), conv(16, 16), head(16),
        )


@register("model3", optimizer="sgd", lr=0.1, scheduler="onecycle", batch_size=64, augment_degrees=7.0,
          precision="auto")
class Model3(Stack):
    """Step 3 - reliable.

    Target: >= 99.4 % in every one of the last 3 epochs on every seed. Capacity moves to where it is
    cheap: the 16->8 1x1 squeeze after the pool goes, the pre-pool conv narrows to 12 channels and
    the post-pool convs take 12->16->16->16 at 10x10 and below (fewer MACs than model2, more
    parameters after the pool). Training: random rotation +-7 deg per image, one-cycle learning rate
    (peak 0.1), batch 64 for twice the updates, 5 % dropout, bf16 autocast where the CPU has it.
    Result (`tinydigits check --model model3 --seeds 0,1,2,3,4 --jobs 2`, this 2-core CPU, 737 s wall):

           seed     ep13     ep14     ep15      min    final  verdict
              0    99.48    99.50    99.54    99.48    99.54     PASS
              1    99.54    99.52    99.59    99.52    99.59     PASS
              2    99.45    99.48    99.47    99.45    99.47     PASS
              3    99.43    99.51    99.52    99.43    99.52     PASS
              4    99.46    99.45    99.53    99.45    99.53     PASS
        params 7,568 < 8000 PASS; epochs 15 <= 15 PASS; min of last 3 epochs 99.43 >= 99.4 PASS;
        mean final test accuracy 99.53 %; VERDICT: PASS. 99.4 % first reached at epoch 9-12.
    Analysis: every seed holds the line, with a margin of 0.03-0.19 points in the last 3 epochs. The
        one-cycle schedule is why the last epochs are the best and the steadiest (the rate anneals
        to ~0 there), and rotation keeps the small net from memorising strokes. How the recipe was
        found (exploratory single-seed runs, seed 1, of variants not kept in the registry): model2's
        layout with this recipe at batch 128 and no dropout ended at 99.31-99.35 %; dropping the 1x1
        squeeze without dropout over-fitted (train 99.68 %, test 99.40 %); 5 % dropout closed that gap
        (99.41-99.45 %) and batch 64 (twice the updates) lifted it to 99.52-99.59 %, which the 5-seed
        check above confirms. EMA of weights, extra translation, weight decay and spatial dropout did
        not help. Elementwise dropout is a visible share of CPU step time - the price of this margin.
        The margin is thin: seeds 5-9 pass too (`--seeds 5,6,7,8,9`, min 99.41 %), but two faster
        variants tried for speed failed the same 5-seed check at epoch 13 - a cheaper dropout mask
        with the same p and other random numbers (commit 12ad286: seeds 0 and 2 at 99.36 / 99.39 %)
        and dropout only after the pool (commit e35d9a5, ~20 % less time: seed 2 at 99.36 %).
    """

    def __init__(self) -> None:
        d = 0.05
        super().__init__(
            conv(1, 8, dropout=d), conv(8, 12, dropout=d), nn.MaxPool2d(2),
            conv(12, 16, dropout=d), conv(16, 16, dropout=d), conv(16, 16), head(16),
        )
