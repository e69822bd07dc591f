"""The zoo: the three steps of the exercise (model1-3) and the tiers built on them, each a plain
`nn.Module` with its Target / Result / Analysis from real runs and the recipe it was measured with."""

from __future__ import annotations

from torch import nn

from tinydigits.models.registry import register
from tinydigits.models.spec import Stack, conv, head


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


@register("model4", optimizer="sgd", lr=0.1, scheduler="onecycle", batch_size=32, augment_degrees=7.0, ema=0.999,
          bn_recompute=10000, precision="auto")
class Model4(Stack):
    """Step 4 - reliable with margin (not reached: see Result; model3 stays the default).

    Target: the odds, not just the seeds that ran: a new seed should hold the budget with an estimated
    probability >= 99 % (min over 10 seeds of min(last 3) >= 99.45 %, mean final >= 99.52 %), in no
    more than 1.15x model3's time. Same layers and parameters as model3; what changes is the training:
    batch 32 for twice model3's updates, an EMA of the weights (decay 0.999; what is evaluated and
    saved) with its batch-norm statistics recomputed on 10,000 plain training images before every
    evaluation (`--bn-recompute`).
    Result (`tinydigits check --model model4 --seeds 0,1,2,3,4,5,6,7,8,9 --jobs 2`, 2-core AMD EPYC
    with avx512_bf16, 2967 s wall, slowed by other work for part of it):

           seed     ep13     ep14     ep15      min    final  verdict
              0    99.54    99.59    99.58    99.54    99.58     PASS
              1    99.46    99.50    99.48    99.46    99.48     PASS
              2    99.38    99.40    99.38    99.38    99.38     FAIL
              3    99.48    99.48    99.47    99.47    99.47     PASS
              4    99.46    99.45    99.47    99.45    99.47     PASS
              5    99.50    99.50    99.51    99.50    99.51     PASS
              6    99.44    99.43    99.42    99.42    99.42     PASS
              7    99.52    99.51    99.54    99.51    99.54     PASS
              8    99.49    99.52    99.50    99.49    99.50     PASS
              9    99.47    99.45    99.47    99.45    99.47     PASS
        7,568 params; mean final 99.48 %; 9 of 10 seeds hold; min(last 3) mean 99.467, sd 0.046:
        P(new seed holds) 94.0 % (95 % lower bound 77.0 %). VERDICT: FAIL. model3 on its 10 seeds:
        mean 99.472, sd 0.043, 96.5 % (81.9 %).
    Analysis: the EMA keeps the last three epochs within 0.01-0.05 points, as expected, but none of the
        levers moved the mean of min(last 3) - which is what the odds are made of. Measured one at a
        time before this run (min of last 3 per seed; model3 alone: seed 3 99.43, seed 9 99.41):
        model3 + EMA 0.999 99.49 / 99.42; + batch 32 and BN recompute (this recipe) 99.47 / 99.45;
        model3 with a 16->18 last conv (7,880 params) + EMA + BN recompute + label smoothing 0.1
        99.40 / 99.33; dropout only after the pool + batch 32 + EMA + BN recompute, seeds 2 / 9:
        99.37 / 99.50 (~15 % cheaper per epoch). On an H100 (10 seeds each, bf16): model3 mean of min
        99.449, + EMA 99.460, + EMA + BN recompute 99.449. Seed 2 is the hard one for this layout
        (model3: 99.45, the dropout variants 99.36-99.38). What is left is capacity or data, not the
        schedule of the same updates: 432 parameters of headroom, rotation-only augmentation.
    """

    def __init__(self) -> None:
        d = 0.05
        super().__init__(
            conv(1, 8, dropout=d), conv(8, 12, dropout=d), nn.MaxPool2d(2),
            conv(12, 16, dropout=d), conv(16, 16, dropout=d), conv(16, 16), head(16),
        )


@register("robust", optimizer="sgd", lr=0.1, scheduler="onecycle", batch_size=64, augment_degrees=12.0, ema=0.999,
          augment_elastic=1.5, augment_stroke=0.3, augment_blur=0.8, augment_noise=0.08, precision="auto")
class Robust(Model3):
    """Robustness tier - other people's handwriting.

    Target: under the budget on 5 seeds, and on the 22 shifts of `tinydigits robustness` as a user's image
    at most 0.6x the mean error of model3 with the preprocessing `predict` had before. Same layers as
    model3; what changes is the data it learns from: rotation up to 12 deg, an elastic field of up to
    1.5 px, strokes thickened or thinned on 30 % of the images, a blur of sigma up to 0.8 px and pixel
    noise up to 0.08, all drawn per image on the batch (`data.augment.Augment`), and an EMA of the weights
    (0.999) so the last epochs agree.
    Result (`tinydigits check --model robust --seeds 0,1,2,3,4 --jobs 2`, 2-core AMD EPYC with
    avx512_bf16, 1,134 s wall):

           seed     ep13     ep14     ep15      min    final  verdict
              0    99.46    99.49    99.51    99.46    99.51     PASS
              1    99.50    99.51    99.54    99.50    99.54     PASS
              2    99.46    99.47    99.47    99.46    99.47     PASS
              3    99.46    99.46    99.44    99.44    99.44     PASS
              4    99.52    99.53    99.51    99.51    99.51     PASS
        7,568 params; mean final 99.49 %; P(new seed holds) 99.6 % (95 % lower bound 82.4 %); VERDICT: PASS.
        `tinydigits robustness RUN` on seed 0 (10,000 images, 22 shifts), mean error as a user's image:
        7.13 % against model3's 14.20 % with the old preprocessing (0.50x) and 7.90 % with today's (0.56x);
        seed 1: 7.04 % (model3 7.62 %). As tensors straight into the model: 18.8 % against model3's 25.1 %.
    Analysis: most of the gain is `predict`'s (background, noise floor, specks); the training adds what
        preprocessing cannot undo - blur (motion blur 84.0 -> 89.5 %, low resolution 90.9 -> 93.4 %),
        rotation (88.3 -> 93.9 %), stroke width - and costs edge-only digits (74.9 -> 68.8 %), which it
        never sees. The budget holds with about model3's margin (mean of min(last 3) 99.474, sd 0.030).
    """


@register("fast", optimizer="sgd", lr=0.1, scheduler="onecycle", batch_size=128, augment_degrees=7.0,
          label_smoothing=0.1, ema=0.999, precision="auto")
class Fast(Stack):
    """Speed tier - model3's parameters at a fraction of its step cost (not yet reliable: see Result).

    Target: hold the budget on every seed and train several times faster than the course notebook
    on a 2-core CPU. On CPU a step's cost is set by the layers at full resolution (batch-norm,
    ReLU, dropout masks over 26x26 and 24x24 maps), not by parameters or MACs, so only one conv runs
    at full resolution (8 channels), the max-pool comes right after it, and the parameters go to
    13x13 and below: a padded 8->12 conv keeps 13x13, then 12->16->16->16 at 11, 9 and 7. No
    dropout (its masks were ~30 % of model3's step); label smoothing 0.1 and an EMA of the weights
    (decay 0.999; the EMA is what is evaluated and saved) regularise instead, batch 128.
    Result (`tinydigits check --model fast --seeds 0,1,2,3,4,5,6,7,8,9 --jobs 2`, this 2-core CPU, 674 s wall):

           seed     ep13     ep14     ep15      min    final  verdict
              0    99.55    99.54    99.54    99.54    99.54     PASS
              1    99.45    99.46    99.46    99.45    99.46     PASS
              2    99.37    99.37    99.38    99.37    99.38     FAIL
              3    99.39    99.39    99.39    99.39    99.39     FAIL
              4    99.47    99.46    99.47    99.46    99.47     PASS
              5    99.49    99.49    99.49    99.49    99.49     PASS
              6    99.39    99.39    99.40    99.39    99.40     FAIL
              7    99.39    99.38    99.38    99.38    99.38     FAIL
              8    99.38    99.38    99.39    99.38    99.39     FAIL
              9    99.39    99.40    99.38    99.38    99.38     FAIL
        7,568 params, 0.70 M MACs; mean final test accuracy 99.43 %; VERDICT: FAIL (4 of 10 seeds hold).
        A whole run, timed in turns with the course notebook's (`tinydigits bench --vs-notebook`, run
        with this network and recipe as a spec file; `--model fast` trains the same): 109 s against
        282 s, 2.6x faster.
    Analysis: the speed is there, the accuracy is not: with the EMA the last three epochs agree to
        0.02 points, so the budget becomes a question of the mean, and the mean (99.43 %) sits on the
        line - about 0.08 below model3's (99.51 % over the same 10 seeds). What was tried on seeds 0
        and 1 (min of the last 3; this recipe gives 99.54 / 99.45): no label smoothing 99.49 / 99.42;
        no batch-norm on the first conv 99.39 / 99.46; batch 64 99.47 / 99.45 (20 % slower); batch 256
        at lr 0.2 99.36 / 99.23; peak lr 0.2 99.46 / 99.34; 12 epochs 99.43 / 99.35; a 5x5 first conv
        99.39 / 99.43 (10 channels: 99.37 / 99.49); translate 0.06 + scale 0.94-1.06 99.40 / 99.30;
        model3's recipe (5 % dropout after the pool, batch 64, no EMA) 99.43 / 99.37; model3's layout
        without dropout + this recipe 99.34 / 99.44; a stride-2 5x5 first conv (no full-resolution
        layer) 99.32 / 99.39. Training schedules, each alone: inputs at 20 then 24 px for the first 8
        epochs (`--size-schedule 20:4,24:4`) 99.38 / 99.42, batch 256 for 6 epochs 99.44 / 99.34, batch-norm
        statistics recomputed before each evaluation 99.54 / 99.42 (model3: 99.35 / 99.35, 99.37 / 99.39,
        99.49 / 99.45 against its 99.48 / 99.52). The second full-resolution conv and dropout are what
        model3's accuracy costs; the search (`tinydigits search`) is the tool for the rest of this frontier.
    Later (the fast-tier study: 100 trained trials, README "A measured front"): ten variants screened on an
        H100 (4-10 seeds each) moved the mean of min(last 3) by at most +0.03; the best points, 5 seeds each on
        this CPU (`tinydigits check --model docs/search/candidates/X.json --seeds 0,1,2,3,4 --jobs 2`), held 2,
        4, 4 and 5 of 5. The one that held, trial 200 (`c6s2p1 c12p1 c16 c16 c16`, 7,330 params: a stride-2
        3x3 stem instead of the full-resolution conv, 12 epochs, 4 of them at 22 px, rotation 11 deg,
        translate 0.06, EMA 0.99 + batch-norm recompute), trained in 102-113 s a run (study, 5-seed check)
        against this net's 174 s in the study, and held 9 of 10 seeds (seed 8 at 99.36; mean of min 99.439,
        sd 0.040, P(new seed) 86.5 %). It is not registered here because it fails the 10-seed budget too (at
        15 epochs as well: 9 of 10, seed 4 at 99.39); docs/search/candidates/t200.json is it.
    """

    def __init__(self) -> None:
        super().__init__(
            conv(1, 8), nn.MaxPool2d(2), conv(8, 12, padding=1), conv(12, 16), conv(16, 16), conv(16, 16), head(16),
        )
