"""The search space: the spec family and its recipes as Optuna parameters, the registered nets as points of it
(`--start-from`), and the constraints checked before training. A study's settings are `search.config.SearchConfig`."""

from __future__ import annotations

import statistics
from typing import Any

from tinydigits.constants import BUDGET
from tinydigits.errors import TinyDigitsError
from tinydigits.models.spec import NetSpec
from tinydigits.search.config import REGISTERED_POINTS, SearchConfig
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
        from tinydigits.training.config import parse_schedule

        text = trial.suggest_categorical(name, choices)
        return text if text and len(parse_schedule(text)) <= epochs - max(cfg.last, 3) else None

    recipe = {
        "epochs": epochs,
        "batch_size": trial.suggest_categorical("batch_size", [32, 64, 128]),
        "optimizer": "sgd",
        "scheduler": "onecycle",
        "lr": trial.suggest_float("lr", 0.02, 0.3, log=True),
        "augment_degrees": trial.suggest_float("augment_degrees", 0.0, 12.0),
        "augment_translate": trial.suggest_float("augment_translate", 0.0, 0.12),
        "augment_scale": [round(1 - scale, 4), round(1 + scale, 4)],
        "label_smoothing": trial.suggest_float("label_smoothing", 0.0, 0.15),
        "ema": trial.suggest_categorical("ema", [0.0, 0.99, 0.999]),
        "bn_recompute": trial.suggest_categorical("bn_recompute", [0, 10000]),
        "size_schedule": schedule("size_schedule", ["", "20:3,24:3", "22:4"]),
        "batch_schedule": schedule("batch_schedule", ["", "256:3", "512:2,256:2"]),
        "precision": trial.suggest_categorical("precision", ["auto", "fp32"]),
    }
    if cfg.objective == "risk":  # other people's handwriting (data.augment.Augment): robust's levers, around its values
        recipe.update({"augment_elastic": trial.suggest_float("augment_elastic", 0.0, 2.5),
                       "augment_stroke": trial.suggest_float("augment_stroke", 0.0, 0.5),
                       "augment_blur": trial.suggest_float("augment_blur", 0.0, 1.2),
                       "augment_noise": trial.suggest_float("augment_noise", 0.0, 0.12)})
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


def start_from(study, names: list[str], epochs: int, augments: bool = False) -> None:
    """Queue the named registered nets as the study's next trials (once: a continued study skips them)."""
    for name in names:
        study.enqueue_trial(known_point(name, epochs, augments), skip_if_exists=True)


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
        from tinydigits.training.config import parse_schedule
        from tinydigits.training.train import check_size

        model = spec.build()
        for size in sorted(set(parse_schedule(spec.recipe["size_schedule"], "--size-schedule"))):
            try:
                check_size(model, size, spec.name)
            except TinyDigitsError:
                return f"cannot run on the size schedule's {size}x{size} inputs"
    return None
