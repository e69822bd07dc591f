"""The zoo: the three steps of the exercise (model1-3) and the tiers built on them, each a plain
`nn.Module` with its Target / Result / Analysis from real runs and the recipe it was measured with."""

from __future__ import annotations

from torch import nn

from tinydigits.models.registry import register
from tinydigits.models.spec import Chain, conv, head


@register("model1", optimizer="sgd", lr=0.02, scheduler="none", augment_degrees=0.0)
class Model1(Chain):
    """Step 1 - the set-up and a light skeleton.

    Target: a working pipeline and a skeleton with a receptive-field plan: two 3x3 convs (RF 5,
    enough for edges and gradients on a 28 px digit) before one max-pool, a 1x1 squeeze, three 3x3
    convs to RF 18 (28 after GAP), then global average pooling and a 1x1 classifier - no dense layer.
    No batch-norm, no regularisation, plain SGD at a constant learning rate, no augmentation.
    Result (`tinydigits check --model model1 --seeds 0,1,2,3,4 --jobs 2`,
    a 2-core AMD EPYC with avx512_bf16, torch 2.13.0, by 2026-11-21; commit not recorded):
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
class Model2(Chain):
    """Step 2 - efficient.

    Target: the same receptive-field plan made trainable and regularised: batch-norm after every
    conv, 5 % dropout, GAP and 1x1 transitions, a step learning-rate schedule, still < 8k parameters.
    Result (`tinydigits check --model model2 --seeds 0,1,2,3,4 --jobs 2`,
    a 2-core AMD EPYC with avx512_bf16, torch 2.13.0, by 2026-11-21; commit not recorded, 633 s wall):

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
class Model3(Chain):
    """Step 3 - reliable.

    Target: >= 99.4 % in every one of the last 3 epochs on every seed. Capacity moves to where it is
    cheap: the 16->8 1x1 squeeze after the pool goes, the pre-pool conv narrows to 12 channels and
    the post-pool convs take 12->16->16->16 at 10x10 and below (fewer MACs than model2, more
    parameters after the pool). Training: random rotation +-7 deg per image, one-cycle learning rate
    (peak 0.1), batch 64 for twice the updates, 5 % dropout, bf16 autocast where the CPU has it.
    Result (`tinydigits check --model model3 --seeds 0,1,2,3,4 --jobs 2`,
    a 2-core AMD EPYC with avx512_bf16, torch 2.13.0, by 2026-11-21; commit not recorded, 737 s wall; the same
    figures to the last digit on a re-run on 2026-11-21):

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
        to ~0 there), and rotation keeps the small net from memorising strokes; 5 % dropout closes the gap
        between train and test that dropping the 1x1 squeeze opened, and batch 64 (twice the updates) is where the
        margin comes from. The margin is thin: seeds 5-9 pass too (min 99.41 %). How the recipe was found, and the
        variants that failed: docs/research-record.md.
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


@register("robust", **ROBUST_RECIPE)
class Robust(Model3):
    """Step 4 - the tier for other people's handwriting (the default until lean's 30 seeds): model3's network taught
    other people's handwriting. `predict`, `serve` and docs/robustness.md point here.

    Target: the budget on a new seed 99 times in 100 (the normal model of `check`), every seed >= 99.42 %, mean
    final >= 99.50 %, at most 1.2x model3's time; and on the 22 shifts of `tinydigits robustness` as a user's
    image at most 0.6x the mean error of model3 with the preprocessing `predict` had before. Same layers as
    model3; what changes is the data it learns from: rotation up to 12 deg, an elastic field of up to 1.5 px,
    strokes thickened or thinned on 30 % of the images, a blur of sigma up to 0.8 px and pixel noise up to
    0.08, all drawn per image on the batch (`data.augment.Augment`), and an EMA of the weights (0.999) so the
    last epochs agree.
    Result (`tinydigits check --model robust --seeds 0,1,2,3,4,5,6,7,8,9 --jobs 2`, 2-core AMD EPYC with
    avx512_bf16, 2,306 s wall, part of it shared with other work; seeds 0-4 repeat the first check to the digit):

           seed     ep13     ep14     ep15      min    final  verdict
              0    99.46    99.49    99.51    99.46    99.51     PASS
              1    99.50    99.51    99.54    99.50    99.54     PASS
              2    99.46    99.47    99.47    99.46    99.47     PASS
              3    99.46    99.46    99.44    99.44    99.44     PASS
              4    99.52    99.53    99.51    99.51    99.51     PASS
              5    99.50    99.50    99.51    99.50    99.51     PASS
              6    99.46    99.49    99.49    99.46    99.49     PASS
              7    99.49    99.45    99.48    99.45    99.48     PASS
              8    99.62    99.63    99.62    99.62    99.62     PASS
              9    99.46    99.56    99.50    99.46    99.50     PASS
        7,568 params; mean final 99.51 %; every seed's min >= 99.44; 10 of 10 hold; min(last 3) mean 99.486,
        sd 0.053: P(new seed holds) 95.8 % (95 % lower bound 80.4 %); VERDICT: PASS. With seeds 10-29 (measured
        with the same command, ../shared/notes/robust-seeds.md): 30 of 30 hold, mean 99.485, sd 0.044,
        P 97.9 % (>= 93.3 %). model3 on seeds 0-19: 20 of 20, mean 99.459, sd 0.040, P 94.6 % (>= 84.9 %).
        These figures predate the EMA's warm-up and the cheaper augmentation kernels (same images up to float
        rounding), which re-draw every seed's float path: with the code after them (`--seeds 0,1`, same CPU kind, 420 s)
        seeds 0 and 1 give min(last 3) 99.48 / 99.43 (final 99.48 / 99.43) against 99.46 / 99.50 - moves of the
        size of the seed-to-seed spread (sd 0.044), not a shift two seeds can measure.
        `tinydigits robustness RUN` on seed 0 (10,000 images, 22 shifts), mean error as a user's image:
        7.13 % against model3's 14.20 % with the old preprocessing (0.50x) and 7.90 % with the new (0.56x);
        seed 1: 7.04 % (model3 7.62 %). As tensors straight into the model: 18.8 % against model3's 25.1 %.
    Analysis: seed by seed (0-19) robust's min(last 3) is 0.027 above model3's (t = 2.1): its EMA lifts epoch 13,
        where model3 loses the budget, to the final level. Its final accuracy spreads wider than model3's (sd 0.04
        against 0.02), and one lucky seed (8, at 99.62) widens the 10-seed sd, so the odds land at 96-98 %, not
        99 %: the 99 % target is not reached, and 30 seeds say so with a bound of 93 %. It was the default because
        it holds at least as often as model3 at the same cost and reads other writers far better; lean took over
        the budget (same odds, cheaper step), and robust stays the tier for other writers' digits. Where its
        robustness comes from: most of the gain is `predict`'s (background, noise floor, specks); the training
        adds what preprocessing cannot undo - blur (motion blur 84.0 -> 89.5 %, low resolution 90.9 -> 93.4 %),
        rotation (88.3 -> 93.9 %), stroke width - and costs edge-only digits (74.9 -> 68.8 %), which it never
        sees. The dead ends on the way (model4 and others): docs/research-record.md.
    """


@register("lean", **ROBUST_RECIPE)
class Lean(Chain):
    """Step 5 - robust without dropout, the cheaper seed (the default from issue #41 until poolbn, issue #48).

    Target: robust's odds for a new seed (or better) at a cheaper step: its dropout masks (`bernoulli_`) were a
    fifth of robust's whole pipeline step, and its augmentations and EMA already regularise. Same layers and
    recipe as robust, no dropout.
    Result (`tinydigits check --model docs/search/candidates/lean.json --seeds 0,1,...,19 --jobs 2`, the same
    weights as `--model lean`; 2-core AMD EPYC with avx512_bf16, 4,352 s wall, part of it shared with other work):

           seed     ep13     ep14     ep15      min    final  verdict
              0    99.45    99.46    99.46    99.45    99.46     PASS
              1    99.45    99.49    99.48    99.45    99.48     PASS
              2    99.46    99.47    99.46    99.46    99.46     PASS
              3    99.51    99.50    99.49    99.49    99.49     PASS
              4    99.52    99.51    99.51    99.51    99.51     PASS
              5    99.50    99.49    99.50    99.49    99.50     PASS
              6    99.44    99.44    99.45    99.44    99.45     PASS
              7    99.57    99.52    99.51    99.51    99.51     PASS
              8    99.47    99.46    99.46    99.46    99.46     PASS
              9    99.56    99.59    99.55    99.55    99.55     PASS
             10    99.55    99.54    99.56    99.54    99.56     PASS
             11    99.47    99.51    99.53    99.47    99.53     PASS
             12    99.49    99.51    99.50    99.49    99.50     PASS
             13    99.50    99.47    99.47    99.47    99.47     PASS
             14    99.53    99.47    99.51    99.47    99.51     PASS
             15    99.54    99.53    99.53    99.53    99.53     PASS
             16    99.47    99.43    99.46    99.43    99.46     PASS
             17    99.52    99.51    99.51    99.51    99.51     PASS
             18    99.51    99.52    99.56    99.51    99.56     PASS
             19    99.58    99.59    99.60    99.58    99.60     PASS
        7,568 params; 20 of 20 hold, every seed's min >= 99.43; mean final 99.50 %; min(last 3) mean 99.490,
        sd 0.040: P(new seed holds) 99.21 % (95 % lower bound 95.15 %); VERDICT: PASS. Seed by seed against
        robust's min(last 3) (0-19): +0.005, sd of the difference 0.065, t = +0.34. A whole run against the
        course notebook's (`tinydigits bench --vs-notebook --model lean`, in turns): 259.3 s against 412.3 s, 1.59x.
        As a user's image (`tinydigits robustness RUN`, seed 0, 22 shifts): mean error 7.84 % (robust 7.13 %).
        Seeds 20-29 (`tinydigits check --model lean --seeds 20,21,22,23,24,25,26,27,28,29 --jobs 2`, 2-core AMD
        EPYC with AVX2 only, so `auto` = fp32; 2,971 s wall, part of it shared with other work):

           seed     ep13     ep14     ep15      min    final  verdict
             20    99.52    99.54    99.53    99.52    99.53     PASS
             21    99.52    99.51    99.48    99.48    99.48     PASS
             22    99.58    99.58    99.60    99.58    99.60     PASS
             23    99.46    99.51    99.51    99.46    99.51     PASS
             24    99.50    99.52    99.57    99.50    99.57     PASS
             25    99.62    99.62    99.62    99.62    99.62     PASS
             26    99.42    99.43    99.43    99.42    99.43     PASS
             27    99.55    99.55    99.51    99.51    99.51     PASS
             28    99.52    99.52    99.53    99.52    99.53     PASS
             29    99.43    99.42    99.44    99.42    99.44     PASS
        10 of 10 hold; mean final 99.52 %; min(last 3) mean 99.503, sd 0.064: P 95.5 % (>= 79.9 %). All 30
        seeds: **30 of 30 hold, min(last 3) mean 99.495, sd 0.048: P(new seed holds) 98.08 % (95 % lower bound
        93.62 %)** against robust's 97.9 % (>= 93.3 %) on its 30; counted pass rate >= 90.5 %.
    Analysis: for the budget, dropout bought nothing that the augmentations and the EMA did not already give: the
        same mean, the same spread, on the same seeds, at a 0.7x pipeline step (`tinydigits bench --profile`).
        On seeds 20-29 against robust's (an earlier code version on a bf16 Xeon, ../shared/notes/robust-seeds.md)
        +0.020, sd of the difference 0.072, t = +0.88: again no difference. Seeds 20-29 ran in fp32 (AVX2) and
        0-19 in bf16: the 30 mix the two arithmetics that `auto` picks, as users' machines do; their spread is
        wider in fp32 (0.064 against 0.040), two seeds at 99.42. It was the default from these 30 seeds (issue
        #41) until poolbn (#48): it holds as often as robust for less time. It reads other writers' digits a little
        worse (one seed each: 7.84 against 7.13 % error; blur and edge-only digits lose most), so `robust` stays the tier for
        other people's handwriting. The 2x goal against the notebook way is not reached (1.59x on bf16).
    """

    def __init__(self) -> None:
        super().__init__(
            conv(1, 8), conv(8, 12), nn.MaxPool2d(2), conv(12, 16), conv(16, 16), conv(16, 16), head(16),
        )


@register("poolbn", **ROBUST_RECIPE)
class PoolBN(Chain):
    """Step 6 - lean with batch norm after the max-pool: the cheaper step that holds more often.

    Target: a cheaper seed than lean's at lean's odds or better (issue #41's levers). In fp32 on an AVX2 CPU batch
    norm costs as much as the convolutions (`tinydigits bench --profile --model lean`: 32 % of the step), and
    its two priciest calls sit before the max-pool at 24x24. Here the second conv's block is conv -> max-pool ->
    BN -> ReLU (airbench's order; ReLU commutes with max-pool exactly, batch norm nearly), so that batch norm
    and ReLU run on a quarter of the elements. Same parameters (7,568) and recipe as lean.
    Result (2-core AMD EPYC with AVX2 only, so `auto` = fp32; the spec docs/search/candidates/poolbn.json builds
    the same weights, a test checks it): step 12.9 against lean's 15.6 s per 60,000 images, 1.21x
    (`tinydigits bench --model lean --vs poolbn`, pipeline slices in turns; 1.22x in a second run). Seeds 0-19
    and 26-29 with `tinydigits check --model docs/search/candidates/poolbn.json --seeds 0,...,19,26,27,28,29
    --jobs 2` (3,432 s wall), 20-25 with the same weights as a user model (863 s); min(last 3) per seed:
          0-9    99.53 99.44 99.46 99.45 99.55 99.56 99.49 99.48 99.56 99.58
        10-19    99.56 99.52 99.57 99.54 99.47 99.60 99.47 99.49 99.56 99.50
        20-29    99.52 99.52 99.53 99.48 99.57 99.56 99.48 99.47 99.56 99.47
        30 of 30 hold (lowest 99.44), mean final 99.54 %; its odds, with every seed since: docs/seeds.csv
        (`tinydigits models`). Seed by seed against lean's min(last 3): +0.023, sd 0.047, t = +2.7
        (on 20-29, both fp32 on this CPU kind: +0.013). A whole run against the course notebook's, in turns, the
        two commands one after the other on one host (`tinydigits bench --vs-notebook --model
        docs/search/candidates/poolbn.json`, then `--model lean`): 223.8 s against 399.0 s, **1.78x**; lean
        267.1 s against 394.1 s, 1.48x. As a user's image (`tinydigits robustness RUN` on seed 0 of `tinydigits
        train --model poolbn`, then of `--model lean`, one host): mean error over the 22 shifts 7.81 % against
        lean's 7.57 % (edge-only digits 62.3 against 65.8 % correct).
    Analysis: the lever costs no margin - if anything the 30 seeds sit higher than lean's (t = +2.7, most of it on
        seeds 0-19, where lean ran in bf16) - and a whole run is 1.19x cheaper than lean's (about the step's 1.21x:
        evaluation, start-up and pictures do not shrink). 2x the notebook way is not reached (1.78x), and two
        epochs fewer (13, ~2x) cost margin: seeds 20-25 -0.052 paired, t = -3.0 (docs/research-record.md). Every
        seed above ran in fp32; lean stayed the default until 8 seeds in bf16 held too, and since issue #48 poolbn is
        the default, every seed in the portable arithmetic (fp32). Without batch norm after the first conv
        as well (`brisk`, docs/search/candidates/brisk.json), the step is 1.46-1.52x cheaper than lean's but the
        margin went (seeds 20-25: -0.073, t = -1.8, one seed at 99.40).
    """

    def __init__(self) -> None:
        super().__init__(
            conv(1, 8), conv(8, 12, pool=True), conv(12, 16), conv(16, 16), conv(16, 16), head(16),
        )


@register("steady", **ROBUST_RECIPE, augment_off_last=3)
class Steady(Chain):
    """Step 7 - poolbn whose scored epochs train on the digits as they are: the default (issue #68).

    Target: more margin for the budget at no extra cost - a paired gain of min(last 3) over poolbn's of at least
    +0.02 points with t >= 2 on twenty seeds that did not choose it, no seed below the budget, a whole run at most
    1.10x poolbn's. poolbn's layers (7,568 parameters) and recipe; its last three epochs (the judged ones, 13-15)
    make no augmentation call: rotation, elastic field, stroke, blur and noise stop where the one-cycle's rate is
    already low, so the weights settle on the distribution the test set has (public lead: He et al. 2019, mmcls'
    StopAugmentsHook). A run of 3 epochs or fewer keeps its first epoch augmented.
    Result (issue #68's study, portable2, docs/research-record.md): as `tinydigits check --model poolbn
    --augment-off-last 3` (the same curve: seed 425 trained as steady on a 2-core AMD EPYC Zen 4 gives the row's
    99.43 / 99.50 / 99.52) on twelve choosing seeds 500-511 against poolbn's own: +0.032 points of min(last 3),
    sd 0.028, t +3.89. Judged on twenty never-used seeds 420-439 (`--seeds 420-423 --jobs 1` ... `436-439`, beside
    poolbn's own on the same seeds, one core each; a 2-core Intel Xeon with AMX, 7a0682a, 2026-11-25):
        min(last 3) 99.522 against poolbn's 99.498: +0.024 paired, sd 0.033, t +3.24; 16 seeds gain, 1 equal,
        3 lose (at most -0.03); 20 of 20 hold (lowest 99.43, seed 425); training 228.1 s a run against 233.0 s (0.98x).
        Thirty more never-used seeds, 440-469 (`python scripts/margin_study.py run plain-last-3 --seeds 440-469`,
        `check --jobs 2`, a 2-core AMD EPYC Zen 4, f98e3b2, 2026-11-25): 30 of 30 hold, min(last 3) mean 99.531,
        sd 0.049, lowest 99.43 (seed 461). Its odds on all fifty judged seeds: docs/seeds.csv (`tinydigits models`).
    Analysis: the scored epochs are where the rate is near its floor and the EMA averages; augmentation there
        pulls the weights toward distorted digits the test set does not show. Each of poolbn's four seeds nearest the line
        (99.42-99.43) rose (+0.01 to +0.09), and none of the three losses came near it. The gain is half a
        seed's sd, so it shows only paired: the lever chosen before it (no pixel noise, +0.022 on twelve seeds) lost
        on its judging seeds; this one kept +0.024 of its +0.032. Cheaper, not dearer: three epochs make no
        augmentation call. Other writers' digits, one seed (`tinydigits robustness RUN` on seed 425 of steady and of
        `tinydigits train --model poolbn --seed 425`, a 2-core AMD EPYC Zen 4, 6ad536c, 2026-11-25): as a user's
        image the same (mean error over the 22 shifts 6.82 % against poolbn's 6.96 %); as tensors straight into the
        model a little worse (21.1 % against 19.9 %; low resolution, glass blur and rotation lose most). One seed is
        a hint, not a measure; `robust` stays the tier for other writers' digits.
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

    Target: hold the budget on every seed and train several times faster than the course notebook on a 2-core
    CPU. On CPU a step's cost is set by the layers at full resolution, so there are none: a stride-2 3x3 conv
    (6 channels, 14x14) is the stem, then a padded 6->12 conv and 12->16->16->16 at 12, 10 and 8. The
    fast-tier study (`tinydigits search`, 100 trained trials, docs/research-record.md) found this point
    (trial 200) with its recipe: 12 epochs, the first 4 at 22x22 inputs (`--size-schedule 22:4`), batch 128,
    one-cycle peak 0.137, rotation 11 deg, translate 0.06, zoom 0.98-1.02, label smoothing 0.016, an EMA of
    the weights (0.99) with batch-norm statistics recomputed on 10,000 plain images before each evaluation.
    Result (`tinydigits check --model fast --seeds 0,1,2,3,4,5,6,7,8,9 --jobs 2`, 2-core AMD EPYC with
    avx512_bf16, 550 s wall; the spec docs/search/candidates/t200.json trains the same weights):
        7,330 params, 0.76 M MACs; 9 of 10 seeds hold (seed 8 at 99.36); mean of min(last 3) 99.439, sd 0.040:
        P(new seed holds) 86.5 % (95 % lower bound 66.0 %). VERDICT: FAIL. A whole run, timed in turns with the
        course notebook's (`tinydigits bench --vs-notebook --model docs/search/candidates/t200.json`): 90.1 s
        against 349.5 s, 3.9x faster.
    Analysis: better than the fast it replaces on both axes (that net, docs/search/candidates/fast1.json: 2.6x,
        4 of 10 seeds, P 68.4 %), but not reliable: every net measured that cheap sits at a mean of min(last 3)
        of 99.42-99.44, about 0.04 below model3's, and 15 epochs did not help (9 of 10 again, seed 4 at 99.39).
        What is left is capacity at the stem (model3's two full-resolution convs are where its mean comes from)
        or batch 64; `tinydigits search --study fast-tier` continues from its record.
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

    Target: the budget (>= 99.4 % in each of the last 3 of <= 15 epochs) at <= 4,000 parameters, seed after seed.
        The golf study (`tinydigits search --family golf --objective risk --max-params 4000`, docs/research-record.md)
        found its shape: trial 55, a depthwise-separable net of 1,850 params after the pool (`c6 c8P c8p1g8 c16k1 c16g16
        c16k1 c16g16 c16k1`, batch 32, one-cycle peak 0.204, momentum 0.9, EMA 0.999, light elastic/blur/noise), was at
        99.10 % in epoch 10 - level with the study's 3,900-param plain convs - when the median rule stopped it. Here
        its widths are raised to spend the budget: 8 and 12 channels at full resolution (the pool inside the second
        block, poolbn's order), then 3x3 depthwise + 1x1 pointwise pairs at 26 channels (each 3x3 costs 9 weights a
        channel instead of 9 x 26), GAP and a 1x1 classifier; its recipe is trial 55's as drawn.
    Result: (`tinydigits check --model golf --seeds 2,...,9 --jobs 2`; seeds 0-1 as its spec, the same weights;
        2-core AMD EPYC with AVX-512/bf16, portable: fp32, AVX2 kernels, one thread a seed, ~6.5 min a seed):
        3,760 params, 0.76 M MACs; min(last 3), seeds 0-9:
          99.54 99.40 99.42 99.41 99.34 99.29 99.32 99.31 99.33 99.39
        4 of 10 hold, mean 99.375, sd 0.074 (its odds with every seed since: docs/seeds.csv, `tinydigits models`);
        mean final 99.39 %; int8 (seed 0) 99.55 -> 99.52 %, 8.9 KB. A whole run against the notebook way
        (`tinydigits bench --vs-notebook --model golf`, in turns): 303.9 s against 332.6 s, 1.09x.
    Analysis: the separable convs buy width (26 channels after the pool where the plain golf nets had
        10), and the curve climbs to the last epoch where theirs flattened at 99.2-99.3 from epoch 6; the best
        seeds hold with room (seed 0 at 99.54). Not reliable: 4 of 10, a mean -0.025 from the line
        and sd 0.074 (poolbn's: 0.045). Next: the golf study explores around it (its separable widths
        now reach 32, `--start-from golf`), a lead judged on seeds paired with these (docs/research-record.md).
    """

    def __init__(self) -> None:
        super().__init__(
            conv(1, 8), conv(8, 12, pool=True), conv(12, 12, padding=1, groups=12), conv(12, 26, k=1),
            conv(26, 26, groups=26), conv(26, 26, k=1), conv(26, 26, groups=26), conv(26, 26, k=1), head(26),
        )
