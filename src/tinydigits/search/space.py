"""The search space: the spec family and its recipes as Optuna parameters, the registered nets as points of it
(`--start-from`), and the constraints checked before training. A study's settings are `search.config.SearchConfig`."""

from __future__ import annotations

import statistics
from typing import Any

from tinydigits.constants import BUDGET
from tinydigits.errors import TinyDigitsError
from tinydigits.models.spec import NetSpec
from tinydigits.search.config import GOLF_LEVERS, GOLF_POINTS, REGISTERED_POINTS, SearchConfig
from tinydigits.training.config import ROBUSTNESS_AUGMENTS

# risk: the budget's risk, not its cost: the normal model's lower figure of min(last N) over a trial's seeds,
# mean - RISK_Z * sd (RISK_Z = 2.33: the line sits there when P(new seed holds) = 99 %). The sd is never taken
# below PRIOR_SD, the seed-to-seed spread measured on this family (model3 0.040 on 20 seeds, robust 0.044 on
# 30): three lucky seeds must not look like a cut of the spread.
RISK_Z, PRIOR_SD = 2.33, 0.04


def epoch_choices(budget: int) -> list[int]:
    return sorted({max(1, budget - 5), max(1, budget - 3), budget})


def suggest(trial, cfg: SearchConfig) -> NetSpec:
    """One network + recipe from the family: optionally the central 24x24 crop, a stem that leaves
    the full resolution early (one or two convs and a max-pool, or a strided conv), `n_mid` 3x3
    convs, a last conv, GAP + 1x1 head. Every conv has its own width, so model3
    (`c8d5 c12d5 M c16d5 c16d5 c16`) and fast (`c6s2p1 c12p1 c16 c16 c16`) are points of the family; the
    training schedules (progressive resolution, large batches first, batch-norm recompute) are in it too."""
    if cfg.family == "golf":
        return suggest_golf(trial, cfg)
    stem = trial.suggest_categorical("stem", ["c3M", "c3c3M", "s2k3", "s2k4", "s2k5"])
    n_mid = trial.suggest_int("n_mid", 2, 4)
    pad_first = trial.suggest_categorical("pad_first", [0, 1])
    dropout = trial.suggest_categorical("dropout", [0.0, 0.05])
    d = f"d{round(dropout * 100)}" if dropout else ""
    crop = trial.suggest_categorical("crop", [28, 24])  # 24: drop the (nearly always empty) border
    width = lambda name: trial.suggest_int(name, 6, 20, step=2)
    tokens = ["C24"] if crop == 24 else []
    if stem == "c3M":
        tokens += [f"c{width('w_stem')}{d}", "M"]
    elif stem == "c3c3M":
        tokens += [f"c{width('w_stem')}{d}", f"c{width('w_stem2')}{d}", "M"]
    else:
        k = int(stem[-1])
        tokens += [f"c{width('w_stem')}k{k}s2p{(k - 1) // 2}{d}"]
    tokens += [f"c{width(f'w_mid{i}')}" + ("p1" if i == 0 and pad_first else "") + d for i in range(n_mid)]
    tokens.append(f"c{width('w_last')}")
    scale = trial.suggest_float("augment_scale", 0.0, 0.12)
    epochs = trial.suggest_categorical("epochs", epoch_choices(cfg.epochs))

    def schedule(name: str, choices: list[str]) -> str | None:
        """A schedule only where the run is long enough to keep the judged last epochs plain."""
        from tinydigits.training.schedules import parse_schedule

        text = trial.suggest_categorical(name, choices)
        return text if text and len(parse_schedule(text)) <= epochs - max(cfg.last, 3) else None

    recipe = {
        "epochs": epochs,
        "optimizer": "sgd",
        "scheduler": "onecycle",
        "batch_size": trial.suggest_categorical("batch_size", [32, 64, 128]),
        **_common_recipe(trial, scale),
        "bn_recompute": trial.suggest_categorical("bn_recompute", [0, 10000]),
        "size_schedule": schedule("size_schedule", ["", "20:3,24:3", "22:4"]),
        "batch_schedule": schedule("batch_schedule", ["", "256:3", "512:2,256:2"]),
        "precision": trial.suggest_categorical("precision", ["auto", "fp32"]),
    }
    _risk_augments(trial, cfg, recipe)
    return NetSpec.parse(" ".join(tokens), f"trial{trial.number}", recipe)


def _common_recipe(trial, scale: float) -> dict[str, Any]:
    """The recipe settings both families search after the batch size, in the order both have always drawn them (a
    seeded sampler then draws the same trials as before)."""
    return {"lr": trial.suggest_float("lr", 0.02, 0.3, log=True),
            "augment_degrees": trial.suggest_float("augment_degrees", 0.0, 12.0),
            "augment_translate": trial.suggest_float("augment_translate", 0.0, 0.12),
            "augment_scale": [round(1 - scale, 4), round(1 + scale, 4)],
            "label_smoothing": trial.suggest_float("label_smoothing", 0.0, 0.15),
            "ema": trial.suggest_categorical("ema", [0.0, 0.99, 0.999])}


def _risk_augments(trial, cfg: SearchConfig, recipe: dict[str, Any]) -> None:
    if cfg.objective in ("risk", "mean"):  # other people's handwriting (data.augment.Augment): robust's levers, around its values
        recipe.update({"augment_elastic": trial.suggest_float("augment_elastic", 0.0, 2.5),
                       "augment_stroke": trial.suggest_float("augment_stroke", 0.0, 0.5),
                       "augment_blur": trial.suggest_float("augment_blur", 0.0, 1.2),
                       "augment_noise": trial.suggest_float("augment_noise", 0.0, 0.12)})


def suggest_golf(trial, cfg: SearchConfig) -> NetSpec:
    """The golf family (<= 4,000 params): three stages of 3x3 convs, `n` convs of one width each (stage 1's last its
    own width), padding none / first / all (0 / 1 / 2), a max-pool after stage 1 - in poolbn's conv -> pool -> BN
    order or on its own - an optional 1x1 transition after it, an optional second pool, and depthwise-separable
    convs (a 3x3 per channel + a 1x1) in stages 2 and 3; batch 32 and SGD without momentum are in reach, as in the
    public few-thousand-param nets (GOLF_POINTS). Fixed to the budget's epochs and fp32 (the portable arithmetic)."""
    dropout = trial.suggest_categorical("dropout", [0.0, 0.01, 0.05])
    d = f"d{round(dropout * 100)}" if dropout else ""
    pool_bn, sep = trial.suggest_categorical("pool_bn", [0, 1]), trial.suggest_categorical("sep", [0, 1])
    widths = lambda name, low, high: trial.suggest_int(name, low, high, step=2)

    def stage(n: int, width: int, pad: int, channels: int, last: int | None = None, separable: bool = False):
        tokens = []
        for i in range(n):
            out = last if last and i == n - 1 else width
            p = "p1" if pad == 2 or (pad == 1 and i == 0) else ""
            if separable and channels > 1:
                tokens += [f"c{channels}{p}g{channels}", f"c{out}k1{d}"]
            else:
                tokens.append(f"c{out}{p}{d}")
            channels = out
        return tokens, channels

    n1, pad1 = trial.suggest_int("n1", 1, 3), trial.suggest_categorical("pad1", [0, 1, 2])
    tokens, ch = stage(n1, widths("w1", 4, 8), pad1, 1, last=widths("w1_last", 4, 12))
    if pool_bn:
        tokens[-1] = tokens[-1] + "P"
    else:
        tokens.append("M")
    if trial.suggest_categorical("t1", [0, 1]):
        w_t1 = widths("w_t1", 4, 12)
        tokens.append(f"c{w_t1}k1")
        ch = w_t1
    # Separable stages draw their widths from a wider range under their own names (a 3x3 per channel costs 9 weights,
    # not 9 x width: golf spends its budget on 26 channels there), so the stored plain-conv trials keep their draws.
    wide = lambda name: widths(f"{name}_sep", 8, 32) if sep else widths(name, 6, 16)
    more, ch = stage(trial.suggest_int("n2", 1, 3), wide("w2"), trial.suggest_categorical("pad2", [0, 1, 2]), ch,
                     separable=bool(sep))
    tokens += more
    if trial.suggest_categorical("pool2", [0, 1]):
        tokens.append("M")
    more, ch = stage(trial.suggest_int("n3", 0, 3), wide("w3"), trial.suggest_categorical("pad3", [0, 1, 2]), ch,
                     separable=bool(sep))
    tokens += more
    scale = trial.suggest_float("augment_scale", 0.0, 0.12)
    recipe = {"epochs": cfg.epochs, "optimizer": "sgd", "scheduler": "onecycle", "precision": "fp32",
              "batch_size": trial.suggest_categorical("batch_size", [32, 64, 128]),
              "momentum": trial.suggest_categorical("momentum", [0.0, 0.9]), **_common_recipe(trial, scale)}
    _risk_augments(trial, cfg, recipe)
    return NetSpec.parse(" ".join(tokens), f"trial{trial.number}", recipe)


def known_point(name: str, epochs: int = BUDGET.max_epochs, augments: bool = False) -> dict[str, Any]:
    """A registered net and its recipe as the search's parameters (no crop: the registered nets take 28 px);
    with `augments`, robust's augmentations too (the risk study's space has them)."""
    from tinydigits import models

    recipe = models.recipe(name)  # a name outside REGISTERED_POINTS is refused by SearchConfig.validate
    zoom_low = (recipe.get("augment_scale") or (1.0, 1.0))[0]
    return {**REGISTERED_POINTS[name], "crop": 28, "augment_scale": round(1.0 - zoom_low, 6),
            "epochs": min(recipe.get("epochs", BUDGET.max_epochs), epochs), "batch_size": recipe.get("batch_size", 128),
            "lr": recipe.get("lr", 0.1), "augment_degrees": recipe.get("augment_degrees", 0.0),
            "augment_translate": recipe.get("augment_translate", 0.0), "label_smoothing": recipe.get("label_smoothing", 0.0),
            "ema": recipe.get("ema", 0.0), "bn_recompute": recipe.get("bn_recompute", 0),
            "size_schedule": recipe.get("size_schedule") or "", "batch_schedule": recipe.get("batch_schedule") or "",
            "precision": "auto", **({k: recipe.get(k, 0.0) for k in ROBUSTNESS_AUGMENTS} if augments else {})}


GOLF_RECIPE_KEYS = ("batch_size", "momentum", "lr", "augment_degrees", "augment_translate", "label_smoothing", "ema")


def golf_point(name: str, augments: bool = False) -> dict[str, Any]:
    """A point of the golf family (GOLF_POINTS) as the search's parameters; a registered net's recipe comes from the
    registry, as `known_point`'s do; with `augments`, robust's augmentations too (0 where the point has none)."""
    from tinydigits import models

    if name in GOLF_LEVERS:  # golf with one lever moved
        lever = dict(GOLF_LEVERS[name])
        if source := lever.pop("augments_of", None):
            recipe = models.recipe(source)
            lever.update({k: recipe.get(k, 0.0) for k in ("augment_degrees", *ROBUSTNESS_AUGMENTS)})
        return {**golf_point("golf", augments), **lever}
    point = {**({k: 0.0 for k in ROBUSTNESS_AUGMENTS} if augments else {}), **GOLF_POINTS[name]}
    if name in models.names():
        recipe = models.recipe(name)
        point.update({k: recipe[k] for k in (*GOLF_RECIPE_KEYS, *ROBUSTNESS_AUGMENTS) if k in recipe},
                     augment_scale=round(1.0 - (recipe.get("augment_scale") or (1.0, 1.0))[0], 6))
    return point


def start_from(study, names: list[str], epochs: int, augments: bool = False, family: str = "chain") -> None:
    """Queue the named points as the study's next trials (once: a continued study skips them): registered nets in
    the chain family, GOLF_POINTS in the golf family."""
    for name in names:
        point = golf_point(name, augments) if family == "golf" else known_point(name, epochs, augments)
        study.enqueue_trial(point, skip_if_exists=True)


def lower_figure(minima: list[float]) -> float:
    """The risk objective: mean - RISK_Z * sd of the seeds' min(last N), the sd at least PRIOR_SD."""
    sd = statistics.stdev(minima) if len(minima) > 1 else PRIOR_SD
    return statistics.mean(minima) - RISK_Z * max(sd, PRIOR_SD)


def rejection(spec: NetSpec, cfg: SearchConfig) -> str | None:
    """Why a spec may not be trained under the constraints (None: it may)."""
    if spec.params() >= cfg.max_params:
        return f"{spec.params():,} params, limit < {cfg.max_params:,}"
    if cfg.max_macs is not None and spec.macs() > cfg.max_macs:
        return f"{spec.macs():,} MACs, limit {cfg.max_macs:,}"
    if spec.recipe.get("size_schedule"):
        # A crop to 24 px or a deep unpadded stack cannot take 20 px inputs: reject the pair before training
        # (a first study spent 87 of its 100 trials failing on this at the start of training).
        from tinydigits.training.factories import check_size
        from tinydigits.training.schedules import parse_schedule

        model = spec.build()
        for size in sorted(set(parse_schedule(spec.recipe["size_schedule"], "--size-schedule"))):
            try:
                check_size(model, size, spec.name)
            except TinyDigitsError:
                return f"cannot run on the size schedule's {size}x{size} inputs"
    return None
