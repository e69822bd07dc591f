"""The plan of a run, a check or a study's trial: how every seed trains, decided once and handed down.

`make` is the one place a `TrainConfig` is resolved (its recipe filled in, validated) and the model reference read;
it then decides where the seeds train (this process, worker processes on this machine's cores, a cluster), how
(one by one, side by side, stacked as one network), in which arithmetic (the portable pins, threads per seed; the
rank count is the config's) - the flags `train`, `check`, `search`, `bench` and the API take, in one knot here rather
than one in each. Everything below takes the plan's resolved config and model as they are.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tinydigits.constants import BUDGET, Budget
from tinydigits.training.config import TrainConfig

if TYPE_CHECKING:  # the plan module loads without torch; its model is resolved on `make`
    from tinydigits.models import Source

HERE, STACKED, WORKERS, CLUSTER = "here", "stacked", "workers", "cluster"


@dataclass(frozen=True)
class Plan:
    """How the seeds of one config train. `way`: HERE (one after another in this process), STACKED (as one network
    in this process), WORKERS (Dask worker processes on this machine's cores, `jobs` of them) or CLUSTER (the Dask
    cluster at `cluster`). `config` is resolved; `source` is its model, read once; `unpinned` says why this process
    cannot compute in the portable arithmetic (torch already ran other kernels here): its seeds go to a worker;
    `why` names its arithmetic."""

    config: TrainConfig
    source: Source
    budget: Budget = BUDGET
    way: str = HERE
    jobs: int = 1
    cluster: str | None = None
    unpinned: str = ""
    why: str = ""  # the arithmetic in words (`training.arithmetic.decide`)
    notes: tuple[str, ...] = ()  # lines to say before the first epoch (`notes_of`): what the settings do unasked

    def seed(self, seed: int) -> TrainConfig:
        """The config one seed trains with."""
        return dataclasses.replace(self.config, seed=seed)

    def with_config(self, **changes) -> Plan:
        """The same plan with some config fields changed (where the runs go, their MLflow parent)."""
        return dataclasses.replace(self, config=dataclasses.replace(self.config, **changes))

    @property
    def stacked(self) -> bool:
        return self.way == STACKED

    @property
    def on_workers(self) -> bool:
        """The seeds train as Dask tasks (this machine's worker processes or a cluster's)."""
        return self.way in (WORKERS, CLUSTER)

    def breaches(self) -> list[str]:
        """The budget's limits this plan breaks, said before the first epoch (`results.budget.breaches`). The
        parameters are counted on PyTorch's meta device: no weights drawn, no kernel run, no generator moved."""
        import torch

        from tinydigits.results.budget import breaches

        try:
            with torch.device("meta"):
                net = self.source.factory()
            params = sum(p.numel() for p in net.parameters() if p.requires_grad)
        except Exception:  # a model that cannot be built without data: its count comes with the run
            params = None
        return breaches(params, self.config.epochs, self.budget)

    def describe(self) -> str:
        """How, in words, for a check's first line."""
        return {STACKED: "stacked as one network", CLUSTER: f"on the cluster {self.cluster}"}.get(
            self.way, f"{self.jobs} job(s)")


# The one line a session gets when a portable seed must leave its process (`say_fresh`), whichever call sends it:
# what happens, why, and what the user can do about it.
FRESH_NOTE = ("tinydigits: PyTorch already ran in this Python process with kernels chosen for this CPU, and a portable "
              "run needs the kernels every x86 CPU shares (the same curve on Intel and AMD), so its seeds train in a "
              "fresh Python process, which does not run your code again; their epoch lines follow here. To train in "
              "this process instead: restart it and call tinydigits before anything else runs PyTorch, or pass "
              "portable=False (--no-portable), which trains in this CPU's own arithmetic.")
_SAID: set[str] = set()


def say_fresh(log: Callable[[str], None] | None = None) -> None:
    """`FRESH_NOTE`, once a session (a notebook's kernel, a script), not before every run or check; `log`: print."""
    if FRESH_NOTE not in _SAID:
        _SAID.add(FRESH_NOTE)
        (log or print)(FRESH_NOTE)


X86 = ("x86_64", "AMD64")  # the pins name x86 instruction sets; elsewhere torch would only warn about them


def pin_early(portable: bool | None) -> None:
    """Before torch runs a kernel (the command line's first step): the portable pins in this process's environment
    unless --no-portable, since the instruction set is fixed from the first kernel on (`training.device`). A command
    without seeds to train gets them too - harmless, and its own torch work then matches the runs it reads.
    `training.arithmetic.decide` then finds the pin holding, or says why not."""
    import platform

    from tinydigits.constants import PORTABLE_ENV

    if portable is not False and platform.machine() in X86:
        os.environ.update(PORTABLE_ENV)


def cluster_address(cluster: str | None) -> str | None:
    """`--cluster`, else $DASK_SCHEDULER_ADDRESS: either one sends every seed to that scheduler's workers."""
    return cluster or os.environ.get("DASK_SCHEDULER_ADDRESS") or None


def make(cfg: TrainConfig, budget: Budget = BUDGET, *, jobs: int = 1, stack: bool | None = False,
         cluster: str | None = None, one_run: bool = False) -> Plan:
    """Resolve `cfg` and its model once and decide how its seeds train. `jobs` > 1: that many seeds side by side on
    this machine's cores (Dask workers); `cluster` (or $DASK_SCHEDULER_ADDRESS) always wins; `stack` (None: where it
    is faster, on CUDA) trains them as one network here. The arithmetic is `training.arithmetic.decide`'s, said once
    (its notes on stderr). A portable seed that cannot be pinned in this process (torch already ran other kernels
    here) goes to a fresh worker process, and `unpinned` says why. `one_run` (`train`): never a cluster's, whatever
    $DASK_SCHEDULER_ADDRESS says (the address is for checks and studies)."""
    from tinydigits import models
    from tinydigits.training.arithmetic import decide
    from tinydigits.training.device import pick_device

    source = models.resolve(cfg.model)  # the model read once: its recipe, code and hash from the same read
    borrowed = models.recipe(cfg.recipe) if cfg.recipe else source.recipe  # `--recipe`: another model's settings
    cluster = None if one_run else cluster_address(cluster)
    config = cfg.resolved(borrowed)  # the one resolution of a config (tests/test_layout.py counts them)
    if stack is None and not cluster:  # stacked where that is the faster way: on CUDA (launch-bound tiny runs), not on
        stack = pick_device(config.device).type == "cuda"  # a CPU, where stack measured no faster per seed than --jobs 2
    if stack and not cluster:
        from tinydigits.training.stack import ensure_stackable

        ensure_stackable(config, source.create())
    arithmetic = decide(config, jobs=jobs, stack=bool(stack), on_cluster=bool(cluster))
    for note in arithmetic.notes:
        print(f"tinydigits: {note}", file=sys.stderr)
    config = arithmetic.apply(config)
    config.validate()
    notes = notes_of(cfg, config, layers_of(source))
    if cluster:
        return Plan(config, source, budget, CLUSTER, jobs, cluster, why=arithmetic.why, notes=notes)
    if arithmetic.unpinned:
        return Plan(config, source, budget, WORKERS, max(jobs, 1), unpinned=arithmetic.unpinned, why=arithmetic.why,
                    notes=notes)
    way = STACKED if stack else WORKERS if jobs > 1 else HERE
    return Plan(config, source, budget, way, jobs, why=arithmetic.why, notes=notes)


def images_line(config: TrainConfig) -> str:
    """How many images a run trains on and where they come from, in one line: the train limit, or all of MNIST, and
    a validation split taken out of them."""
    from tinydigits.training.runfolder import MNIST_TRAIN

    total = min(config.train_limit or MNIST_TRAIN, MNIST_TRAIN)
    if config.val_split:
        whence = (f"taken from the train limit of {total:,}" if config.train_limit else
                  f"taken from the {total:,} training images")
        return f"{total - config.val_split:,} training images + {config.val_split:,} validation ({whence})"
    return f"{total:,} training images ({f'the train limit of {total:,}' if config.train_limit else 'all of MNIST'})"


def layers_of(source: Source) -> dict[str, dict]:
    """The model's layers as its run records them (`models.summary.module_settings`), built on PyTorch's meta device:
    no weights drawn, no kernel run, no generator moved. {} where the model cannot be built there."""
    import torch

    from tinydigits.models.summary import module_settings

    try:
        with torch.device("meta"):
            net = source.factory()
    except Exception:  # a model that cannot be built without data: its layers come with the run
        return {}
    # the leaves in the order they were registered, the order a Sequential runs them: a forward on the meta device
    # would route each op through torch's Python references, whose wrappers import torch._dynamo into every run
    return {name: module_settings(m) for name, m in net.named_modules() if not list(m.children())}


def notes_of(given: TrainConfig, config: TrainConfig, layers: dict[str, dict] | None = None) -> tuple[str, ...]:
    """What a run's settings do that they do not say, one line each, for the run's first lines: where the validation
    images come from (the training images: fewer of those train), a setting `given` that does nothing with the
    others as `config` resolved them (a step schedule's step size under one-cycle, a momentum for Adam), and a
    setting that cannot act in a run of these epochs and `layers` (`results.steps.between.inert_settings`) - harmless, so
    named rather than refused."""
    from tinydigits.results.steps.between import inert_settings
    from tinydigits.settings import shown

    notes = [images_line(config)] if config.val_split else []
    for field in dataclasses.fields(TrainConfig):
        when, value = field.metadata.get("when"), getattr(given, field.name)
        if when and value not in (None, field.default) and getattr(config, when[0]) != when[1]:
            notes.append(f"--{_flag(field.name)} {shown(value)} does nothing without --{_flag(when[0])} {when[1]} "
                         f"(this run's is {getattr(config, when[0])}): not used")
    if given.momentum is not None and config.optimizer != "sgd":
        notes.append(f"--momentum {shown(given.momentum)} does nothing with --optimizer {config.optimizer}, which has "
                     "betas instead (recorded in config.json's optimizer_args): not used")
    return tuple(notes + inert_settings(config, layers or {}))


def _flag(name: str) -> str:
    return name.replace("_", "-")


def tiers(names: list[str]) -> dict[str, dict[str, str]]:
    """Each model's tier (`results.ledger.TIER`): its code, its own recipe resolved as a check with no flags resolves
    it, and the project's budget; what its published figures pool (`models`, scripts/ledger_docs.py)."""
    from tinydigits.results import ledger

    out = {}
    for name in names:
        plan = make(TrainConfig(model=name, portable=False, precision="fp32", device="cpu"))
        out[name] = {"model_sha256": plan.source.digest(), "recipe_sha256": ledger.recipe_sha256(
            dataclasses.asdict(plan.config)), "budget": ledger.budget_text()}
    return out
