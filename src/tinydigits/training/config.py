"""`TrainConfig`: every setting of a run, declared once (the dataclass field is also the `train`/`check` flag).

Loads without torch, so the command line builds its parser (and `--help`, and ONNX-only prediction) without it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from tinydigits.constants import BUDGET, DEFAULT_MODEL, ONECYCLE_DIV, ONECYCLE_FINAL_DIV, ONECYCLE_WARMUP
from tinydigits.errors import TinyDigitsError
from tinydigits.settings import DATA_DIR_HELP, MODEL_HELP, positive_int, scale_range, setting
from tinydigits.training.schedules import per_epoch

DEFAULT_LR = {"sgd": 0.05, "adam": 0.003, "adamw": 0.003}
OPTIMIZERS = tuple(DEFAULT_LR)
SCHEDULERS = ("onecycle", "step", "plateau", "none")
PRECISIONS = ("fp32", "bf16", "auto")
# What a run trains with where neither a flag nor the model's recipe sets it (a user's own model has no recipe).
DEFAULT_BATCH, DEFAULT_OPTIMIZER, DEFAULT_SCHEDULER, DEFAULT_MOMENTUM = 128, "sgd", "onecycle", 0.9

# Augmentations for other people's handwriting (augment.Augment), with the largest value each accepts.
ROBUSTNESS_AUGMENTS = {"augment_elastic": 8.0, "augment_stroke": 1.0, "augment_blur": 3.0, "augment_noise": 1.0}

# What kind of setting each TrainConfig field is (its `role=`): every list of settings derives from these.
ROLES = {
    "model": "which network (a name or reference, a borrowed recipe)",
    "length": "how long it trains (epochs)",
    "recipe": "how it trains: optimiser, rates, schedule, batch, averaging",
    "augment": "what the training digits go through",
    "data": "which training digits (a limit, a validation split)",
    "seed": "the seed",
    "arithmetic": "which arithmetic it computes in (precision, the portable pins, deterministic kernels)",
    "machine": "what the machine it trains on lends it (threads, a device, its copy of MNIST); never what it learns in "
               "the portable arithmetic, so a resumed check takes the resuming machine's",
    "output": "where its results go (run folders, MLflow)",
    "note": "words a person gave it",
}


def settings_of(*roles: str, cls: type | None = None) -> tuple[str, ...]:
    """The names of the settings with any of `roles`, in declaration order (`cls`: TrainConfig or a subclass)."""
    unknown = set(roles) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown role(s) {sorted(unknown)}; roles: {', '.join(ROLES)}")
    return tuple(f.name for f in dataclasses.fields(cls or TrainConfig) if f.metadata.get("role") in roles)


def declared(name: str, cls: type | None = None) -> dataclasses.Field:
    """A setting's field, with its role, `off` value and `when` (`settings.setting`)."""
    return next(f for f in dataclasses.fields(cls or TrainConfig) if f.name == name)


def unset(name: str, cls: type | None = None) -> object:
    """What a run trains with when neither a flag nor a recipe sets `name`: its default, else its `off` value (None
    where the program decides, e.g. the optimiser)."""
    field = declared(name, cls)
    return field.metadata.get("off") if field.default in (None, dataclasses.MISSING) else field.default


def in_effect(cfg: TrainConfig) -> dict[str, object]:
    """What a resolved run trains with beyond its model, seed and epochs: every recipe, augment and data setting
    that is not what an unset one would be (`unset`), as it trained (the step schedule's step size as counted, not
    None); a setting that does nothing without another (`when`: the step size without the step schedule) only with
    it. The one rule of the commands that train a step again, and of the recipe a page shows."""
    cls, out = type(cfg), {}
    for name in settings_of("recipe", "augment", "data", cls=cls):
        when = declared(name, cls).metadata.get("when")
        if when and getattr(cfg, when[0]) != when[1]:
            continue
        value = cfg.step_every() if name == "step_size" else getattr(cfg, name)
        value = tuple(value) if isinstance(value, list) else value
        if value is not None and value != unset(name, cls):
            out[name] = value
    return out


def augment_field(name: str) -> str:
    """The `data.augment.Augment` field an augment-role setting fills: its name without `augment_`."""
    return name.removeprefix("augment_")


def augmentations(config: dict) -> dict[str, object]:
    """The augment-role settings of a recorded config that change a digit (a rotation, a zoom other than 1-1...):
    Augment field -> value; empty when the digits train as they are."""
    out = {}
    for name in settings_of("augment"):
        value = config.get(name)
        value = tuple(value) if isinstance(value, list) else value
        if value not in (None, declared(name).metadata.get("off")):
            out[augment_field(name)] = value
    return out


@dataclass
class TrainConfig:
    """Every setting of a run; saved as config.json. None means 'the model's recipe decides'. Each field is also
    its `train`/`check` flag (`settings.add_arguments`): a field added here is a flag with no other edit."""

    model: str = setting(DEFAULT_MODEL, MODEL_HELP, role="model")
    recipe: str | None = setting(help="borrow a registered model's recipe (default: the model's own; a model of your "
                                      "own has none)", role="model")
    epochs: int | None = setting(help=f"default from the model's recipe, else {BUDGET.max_epochs}", type=positive_int,
                                 role="length")
    batch_size: int | None = setting(help=f"default from the model's recipe, else {DEFAULT_BATCH}", type=positive_int,
                                     role="recipe")
    optimizer: str | None = setting(help=f"default from the model's recipe, else {DEFAULT_OPTIMIZER}", choices=OPTIMIZERS,
                                    role="recipe")
    lr: float | None = setting(help=f"learning rate, a one-cycle's peak (it starts at lr / {ONECYCLE_DIV:g}); default from "
                                    "the model's recipe, else the optimizer's: "
                                    + ", ".join(f"{k} {v:g}" for k, v in DEFAULT_LR.items()), role="recipe")
    momentum: float | None = setting(help="SGD's (Nesterov's when above 0; Adam's and AdamW's part is their betas, recorded "
                                          "as such); under --scheduler onecycle any value above 0 is the cycle's own, 0.95 -> "
                                          "0.85 -> 0.95", role="recipe", off=DEFAULT_MOMENTUM)
    scheduler: str | None = setting(help="learning-rate schedule (default from the model's recipe, else "
                                         f"{DEFAULT_SCHEDULER}); onecycle: from --lr / {ONECYCLE_DIV:g} up to --lr over the "
                                         f"first {100 * ONECYCLE_WARMUP:g} % of the batches, then down to --lr / "
                                         f"{ONECYCLE_DIV * ONECYCLE_FINAL_DIV:,g} at the last (OneCycleLR's div_factor "
                                         f"{ONECYCLE_DIV:g}, final_div_factor {ONECYCLE_FINAL_DIV:g}); plateau: the rate cut "
                                         "when the validation loss stops improving, so it needs --val-split",
                                    choices=SCHEDULERS, role="recipe")
    step_size: int | None = setting(help="--scheduler step: epochs between cuts of the rate, as StepLR's step_size "
                                         "(default: a third of the epochs)", type=positive_int, metavar="EPOCHS",
                                    role="recipe", when=("scheduler", "step"))
    step_gamma: float = setting(0.1, "--scheduler step: what each cut multiplies the rate by, as StepLR's gamma",
                                metavar="FACTOR", role="recipe", when=("scheduler", "step"))
    plateau_patience: int = setting(2, "--scheduler plateau: epochs without a lower validation loss before the rate is cut, "
                                       "as ReduceLROnPlateau's patience", type=int, metavar="EPOCHS", role="recipe",
                                    when=("scheduler", "plateau"))
    plateau_factor: float = setting(0.1, "--scheduler plateau: what each cut multiplies the rate by, as ReduceLROnPlateau's "
                                         "factor", metavar="FACTOR", role="recipe", when=("scheduler", "plateau"))
    weight_decay: float = setting(0.0, "the optimizer's weight decay", role="recipe")
    label_smoothing: float | None = setting(help="label smoothing of the cross-entropy", role="recipe", off=0.0)
    ema: float | None = setting(help="EMA decay of evaluated weights (0 = off)", role="recipe", off=0.0)
    bn_recompute: int | None = setting(help="before each evaluation, recompute batch-norm statistics on N un-augmented "
                                            "train images (0 = off)", metavar="N", role="recipe", off=0)
    augment_degrees: float | None = setting(help="max rotation of the random affine warp", role="augment", off=0.0)
    augment_translate: float | None = setting(help="max shift as a fraction of the image", role="augment", off=0.0)
    augment_scale: tuple[float, float] | None = setting(help="random zoom range LOW,HIGH, e.g. 0.9,1.1", type=scale_range,
                                                        role="augment", off=(1.0, 1.0))
    augment_shear: float | None = setting(help="max shear of the affine warp", metavar="DEGREES", role="augment", off=0.0)
    augment_elastic: float | None = setting(help="elastic distortion: max displacement of a smooth random field (e.g. 2)",
                                            metavar="PIXELS", role="augment", off=0.0)
    augment_stroke: float | None = setting(help="chance per image of thicker or thinner strokes", metavar="P", role="augment",
                                           off=0.0)
    augment_blur: float | None = setting(help="Gaussian blur, sigma drawn per image in [0, SIGMA]", metavar="SIGMA",
                                         role="augment", off=0.0)
    augment_noise: float | None = setting(help="pixel noise, std drawn per image in [0, STD]", metavar="STD", role="augment",
                                          off=0.0)
    augment_off_last: int | None = setting(help="train the last N epochs on un-augmented images: the scored epochs see "
                                                "digits as the test set shows them (default from the model's recipe, "
                                                "else 0; a recipe's N leaves a shorter run its first epoch augmented)",
                                           metavar="N", role="recipe", off=0)
    lr_floor_last: int = setting(0, "hold the one-cycle's last (lowest) rate over the last N epochs, the cycle annealed "
                                    "over the epochs before them: the scored epochs train as nearly one model",
                                 metavar="N", role="recipe")
    size_schedule: str | None = setting(help="progressive resolution: e.g. 20:4,24:4 trains 4 epochs at 20x20, 4 at 24x24, "
                                             "the rest at 28x28", metavar="SIZE:EPOCHS,...", role="recipe")
    batch_schedule: str | None = setting(help="large batches first: e.g. 256:3 (learning rate scaled with the batch), then "
                                              "the recipe's batch", metavar="BATCH:EPOCHS,...", role="recipe")
    precision: str | None = setting(help="training arithmetic; auto = bf16 where the hardware has it (default from the "
                                         "recipe)", choices=PRECISIONS, role="arithmetic")
    val_split: int = setting(0, "hold out N training images as a validation set (--scheduler plateau steps on its loss), taken "
                                "from the training images (--train-limit's where one is set): N fewer train", role="data")
    train_limit: int | None = setting(help="train on the first N training images only (quick looks; default: all of "
                                           "them)", type=positive_int, role="data")
    threads: int | None = setting(help="CPU threads (default: all cores; a portable seed trains on one)", type=positive_int,
                                  role="machine")
    portable: bool | None = setting(help="the same curve on every x86 CPU, Intel or AMD: fp32, kernels pinned to AVX2, "
                                         "one thread per seed (default: portable where the CPU has AVX2, else this "
                                         "machine's own fp32 on one thread; --no-portable: its fastest, e.g. bf16)",
                                    role="arithmetic")
    device: str | None = setting(help="cpu, cuda, cuda:1 ... (default: CUDA when available)", role="machine")
    deterministic: bool = setting(True, "on CUDA, deterministic kernels: the same seed on the same GPU model and torch "
                                        "gives the same curve (--no-deterministic: cuDNN's fastest, not repeatable)",
                                  role="arithmetic")
    cuda_graphs: bool = setting(True, "on CUDA, the step captured once as one CUDA graph and replayed (--no-cuda-graphs "
                                      "or TINYDIGITS_CUDA_GRAPHS=0: kernel by kernel)", role="arithmetic")
    out: str = setting("runs", "parent folder of run folders", role="output")
    mlflow: str | None = setting(help="also log to this MLflow tracking server or URI (pip install 'tinydigits[mlflow]'); "
                                      "a check or search is the parent run", metavar="URI", role="output")
    data_dir: str | None = setting(help=DATA_DIR_HELP, role="machine")
    seed: int = setting(0, "the seed of the weights, the images' order and the augmentation (a check's each seed)", role="seed")
    target: str | None = setting(help="this step's aim in words, e.g. 'add batch norm to fix the start' (recorded in "
                                      "config.json; `report RUN... --steps` writes it as the step's Target)",
                                 metavar="TEXT", role="note")
    mlflow_parent: str | None = setting(cli=False, role="output")  # the MLflow run of the check or search this run belongs to

    def resolved(self, recipe: dict | None = None) -> TrainConfig:
        """Fill unset fields from the model's recipe (`recipe`, where the caller has read the model already), then
        from global defaults. The arithmetic (portable, precision, threads) is left as given: the plan decides it
        (`training.arithmetic.decide`), then validates the whole."""
        cfg = dataclasses.replace(self)
        from tinydigits import models

        recipe = models.recipe(cfg.recipe or cfg.model) if recipe is None else recipe
        for key, value in recipe.items():
            if not hasattr(cfg, key):
                raise TinyDigitsError(f"model {cfg.model!r}: unknown recipe setting {key!r}")
            if getattr(cfg, key) is None:
                # A recipe's lr belongs to its optimizer; another optimizer gets its own default.
                if key == "lr" and cfg.optimizer not in (None, recipe.get("optimizer")):
                    continue
                setattr(cfg, key, value)
        cfg.epochs = BUDGET.max_epochs if cfg.epochs is None else cfg.epochs
        if self.augment_off_last is None:  # the recipe's plain tail (filled above), else none
            # A finish, not the whole run: `train --epochs 1` of a model whose recipe has one still augments.
            cfg.augment_off_last = min(cfg.augment_off_last or 0, cfg.epochs - 1)
        cfg.optimizer = cfg.optimizer or DEFAULT_OPTIMIZER
        cfg.batch_size = cfg.batch_size or DEFAULT_BATCH
        cfg.scheduler = cfg.scheduler or DEFAULT_SCHEDULER
        cfg.lr = cfg.lr if cfg.lr is not None else DEFAULT_LR.get(cfg.optimizer)
        for f in dataclasses.fields(cfg):  # what the recipe left unset trains as it is: off
            if getattr(cfg, f.name) is None and f.metadata.get("off") is not None:
                setattr(cfg, f.name, f.metadata["off"])
        cfg.momentum = cfg.momentum if cfg.optimizer == "sgd" else None  # Adam's part is its betas (`optimizer_args`)
        cfg.augment_scale = tuple(cfg.augment_scale)
        cfg.validate(arithmetic=False)  # the plan validates again once it has decided the arithmetic
        return cfg

    def validate(self, arithmetic: bool = True) -> None:
        """Every setting in range, one line for the first that is not; `arithmetic` False: the precision not yet
        decided (`training.arithmetic.decide` decides it)."""
        checks = [
            (self.optimizer in OPTIMIZERS, f"--optimizer must be one of {', '.join(OPTIMIZERS)}"),
            (self.scheduler in SCHEDULERS, f"--scheduler must be one of {', '.join(SCHEDULERS)}"),
            (1 <= self.epochs <= 1000, "--epochs must be between 1 and 1000"),
            (1 <= self.batch_size <= 65536, "--batch-size must be between 1 and 65536"),
            (self.lr is not None and 0 < self.lr < 10, "--lr must be between 0 and 10"),
            (self.val_split >= 0, "--val-split must be >= 0"),
            (0 <= self.augment_off_last <= self.epochs, "--augment-off-last must be between 0 and --epochs"),
            (0 <= self.lr_floor_last < self.epochs, "--lr-floor-last must be between 0 and --epochs - 1"),
            (self.lr_floor_last == 0 or self.scheduler == "onecycle", "--lr-floor-last needs --scheduler onecycle"),
            (self.scheduler != "plateau" or self.val_split > 0,
             "--scheduler plateau needs --val-split N: it steps on the validation loss, and the test set is never "
             "used to tune"),
            (0 <= (self.ema or 0) < 1, "--ema must be in [0, 1)"),
            (0 <= (self.momentum or 0) < 1, "--momentum must be in [0, 1)"),
            (0 <= (self.augment_shear or 0) < 90, "--augment-shear must be in [0, 90) degrees"),
            (0 < self.step_gamma <= 1, "--step-gamma must be in (0, 1]"),
            (self.plateau_patience >= 0 and 0 < self.plateau_factor < 1,
             "--plateau-patience must be >= 0 and --plateau-factor in (0, 1)"),
            ((self.bn_recompute or 0) >= 0, "--bn-recompute must be >= 0"),
            (not arithmetic or self.precision in ("fp32", "bf16"), "--precision must be fp32, bf16 or auto"),
            *((0 <= (getattr(self, key) or 0) <= high, f"--{key.replace('_', '-')} must be between 0 and {high}")
              for key, high in ROBUSTNESS_AUGMENTS.items()),
            (len(self.augment_scale) == 2 and 0 < self.augment_scale[0] <= self.augment_scale[1],
             "--augment-scale must be LOW,HIGH with 0 < LOW <= HIGH"),
        ]
        for ok, message in checks:
            if not ok:
                raise TinyDigitsError(message)
        self.plan()  # a malformed schedule, or one that reaches into the last epochs, is one line now

    def plan(self, keep_last: int = BUDGET.last) -> list[tuple[int, int]]:
        """(input size, batch size) of every epoch. Schedules only touch the first epochs: the last
        `keep_last` (the budget's judged epochs) always train at 28x28 with the recipe's batch."""
        sizes = per_epoch(self.size_schedule, "--size-schedule", 28, self.epochs, keep_last, (8, 28))
        batches = per_epoch(self.batch_schedule, "--batch-schedule", self.batch_size, self.epochs, keep_last, (1, 65536))
        return list(zip(sizes, batches, strict=True))

    @classmethod
    def from_record(cls, record: dict) -> TrainConfig:
        """The settings of a config.json (its other entries - environment, budget, origin - left out; a setting an
        older run did not record keeps its default)."""
        names = {f.name for f in dataclasses.fields(cls)}
        given = {k: v for k, v in record.items() if k in names}
        if isinstance(given.get("augment_scale"), list):
            given["augment_scale"] = tuple(given["augment_scale"])
        return cls(**given)

    def step_every(self) -> int:
        """`--scheduler step`'s epochs between cuts of the rate: the setting, else a third of the epochs."""
        return self.step_size or max(1, self.epochs // 3)

    def augment(self):
        """The run's `data.augment.Augment`: every augment-role setting fills the Augment field of its name
        (`augment_field`), an unset one its `off` value, so a setting declared with that role is applied, never only
        recorded (imported here: Augment needs torch, this module does not)."""
        from tinydigits.data import augment

        values = {}
        for name in settings_of("augment", cls=type(self)):
            value = getattr(self, name) or declared(name, type(self)).metadata.get("off")
            values[augment_field(name)] = tuple(value) if isinstance(value, list | tuple) else value
        return augment.Augment(**values)


def require_resolved(cfg: TrainConfig) -> None:
    """Training takes a config whose recipe is filled in: one resolved by its plan, never re-resolved below it."""
    if cfg.epochs is None or cfg.lr is None or cfg.precision not in ("fp32", "bf16") or cfg.batch_size is None:
        raise TypeError("training takes a resolved TrainConfig: tinydigits.lifecycle.plan(cfg).config")
