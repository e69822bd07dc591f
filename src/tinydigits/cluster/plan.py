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
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tinydigits.constants import BUDGET, Budget
from tinydigits.errors import TinyDigitsError
from tinydigits.training.config import TrainConfig

if TYPE_CHECKING:  # the plan module loads without torch; its model is resolved on `make`
    from tinydigits.models import Source

HERE, STACKED, WORKERS, CLUSTER = "here", "stacked", "workers", "cluster"


@dataclass(frozen=True)
class Plan:
    """How the seeds of one config train. `way`: HERE (one after another in this process), STACKED (as one network
    in this process), WORKERS (Dask worker processes on this machine's cores, `jobs` of them) or CLUSTER (the Dask
    cluster at `cluster`). `config` is resolved; `source` is its model, read once; `unpinned` says why this process
    cannot compute in the portable arithmetic (torch already ran other kernels here): its seeds go to a worker."""

    config: TrainConfig
    source: Source
    budget: Budget = BUDGET
    way: str = HERE
    jobs: int = 1
    cluster: str | None = None
    unpinned: str = ""

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

    def describe(self) -> str:
        """How, in words, for a check's first line."""
        return {STACKED: "stacked as one network", CLUSTER: f"on the cluster {self.cluster}"}.get(
            self.way, f"{self.jobs} job(s)")


def cluster_address(cluster: str | None) -> str | None:
    """`--cluster`, else $DASK_SCHEDULER_ADDRESS: either one sends every seed to that scheduler's workers."""
    return cluster or os.environ.get("DASK_SCHEDULER_ADDRESS") or None


def make(cfg: TrainConfig, budget: Budget = BUDGET, *, jobs: int = 1, stack: bool | None = False,
         cluster: str | None = None, one_run: bool = False) -> Plan:
    """Resolve `cfg` and its model once and decide how its seeds train. `jobs` > 1: that many seeds side by side on
    this machine's cores (Dask workers), each with its share of the cores as threads where the arithmetic is not
    portable; `cluster` (or $DASK_SCHEDULER_ADDRESS) always wins; `stack` (None: where it is faster, on CUDA) trains them as
    one network here. A portable seed that cannot be pinned in this process (torch already ran other kernels here)
    goes to a fresh worker process, and `unpinned` says why. `one_run` (`train`): never a cluster's, whatever
    $DASK_SCHEDULER_ADDRESS says (the address is for checks and studies)."""
    from tinydigits import models
    from tinydigits.cluster.cores import cores_per_job
    from tinydigits.training.device import cpu_lacks_avx2, pick_device, pin_portable

    source = models.resolve(cfg.model)  # the model read once: its recipe, code and hash from the same read
    borrowed = models.recipe(cfg.recipe) if cfg.recipe else source.recipe  # `--recipe`: another model's settings
    cluster = None if one_run else cluster_address(cluster)
    if cluster and cfg.portable is None:  # the workers compute, not this CPU: the default is theirs to check
        cfg = dataclasses.replace(cfg, portable=True)
    config = cfg.resolved(borrowed)  # the one resolution of a config (tests/test_layout.py counts them)
    if cluster:
        return Plan(config, source, budget, CLUSTER, jobs, cluster)
    if stack is None:  # stacked where that is the faster way: on CUDA (launch-bound tiny runs), not on a CPU, where a
        stack = pick_device(config.device).type == "cuda"  # stack measured no faster per seed than --jobs 2 (docs/speed.md)
    if jobs > 1 and config.threads is None:
        config = dataclasses.replace(config, threads=cores_per_job(jobs))
    if stack:
        from tinydigits.training.stack import ensure_stackable

        ensure_stackable(config, source.create())
    if config.portable and (why := cpu_lacks_avx2()):
        raise TinyDigitsError(f"--portable: {why}, which the portable arithmetic needs (leave --portable out for this "
                              "machine's own fp32, or give --no-portable)")
    if config.portable and (jobs <= 1 or stack) and (why := pin_portable()):
        return Plan(dataclasses.replace(config, threads=1), source, budget, WORKERS, max(jobs, 1), unpinned=why)
    way = STACKED if stack else WORKERS if jobs > 1 else HERE
    return Plan(config, source, budget, way, jobs)

