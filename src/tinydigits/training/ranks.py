"""A seed as R data-parallel ranks of a fixed count (issue 60): every batch is split into R fixed shares, each share
augmented from its own stream (seed, rank), each rank's gradient computed on its share, and the gradients averaged,
(g0 + g1) / 2. The same bits whether the ranks run in two processes on two cores (gloo on 127.0.0.1 sums the two
gradients; a sum of two numbers does not depend on its order) or one after the other in one process (autograd adds
the second gradient to the first): a seed's curve depends on R, not on the cores it had.

Batch norm normalises each share by its own statistics (ghost batch norm, as data-parallel training without
SyncBatchNorm does): no collective inside the forward, and the identity above holds by construction. The running
statistics, the EMA and every evaluation are rank 0's. Two ranks at most: with more, a collective sums in an order of
its own. On CUDA one rank (a GPU is not what a 2-core split is for).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import torch
from torch import nn

from tinydigits.data import mnist
from tinydigits.errors import TinyDigitsError

CORES_ENV = "TINYDIGITS_CORES_PER_SEED"  # set where a seed has fewer cores than the machine (check --jobs, search --jobs)
MAX_RANKS = 2
TIMEOUT_S = 600  # a collective waits this long for the other rank (rank 0 evaluates meanwhile); a dead rank is seconds


class RankLost(TinyDigitsError):
    """Another rank of this seed stopped (killed, out of memory: the machine's doing, not the model's): the seed ends
    at once, and a check counts it as not run, never as the model's FAIL."""


def _joined(collective, *args, **kwargs):
    """A gloo call; a peer gone (connection reset, closed) is RankLost in one line, within a second of its end."""
    try:
        return collective(*args, **kwargs)
    except RuntimeError as err:
        reason = str(err).split("] ", 1)[-1].split(". ")[0]
        raise RankLost(f"another rank of this seed stopped ({reason})") from None


def rank_generator(seed: int, rank: int) -> torch.Generator:
    """Rank `rank`'s augmentation stream for `seed` (the data order stays the seed's own generator's)."""
    return torch.Generator().manual_seed(seed * 1_000_003 + 7_919 * (rank + 1))


def machine_cores() -> int:
    """The CPUs this process may run on (its affinity where the OS tells it)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def cores_per_job(jobs: int) -> int:
    """The cores each of `jobs` seeds side by side gets on this machine (at least one)."""
    return max(1, machine_cores() // jobs)


def cores_for_a_seed() -> int:
    """The cores one seed may use: what a check's or study's worker was given, else this process's CPUs."""
    given = os.environ.get(CORES_ENV)
    return int(given) if given else machine_cores()


@dataclass
class Ranks:
    """The ranks of one seed that this process computes (`mine`: all of them in one process, or one), their
    augmentation streams, and the process group when they span processes."""

    count: int
    mine: list[int]
    generators: dict[int, torch.Generator]
    group: Any = None
    kept: list[torch.Tensor] = field(default_factory=list)

    @classmethod
    def in_one_process(cls, count: int, seed: int) -> Ranks:
        return cls(count, list(range(count)), {r: rank_generator(seed, r) for r in range(count)})

    @classmethod
    def one_of(cls, count: int, rank: int, seed: int, port: int) -> Ranks:
        """This process is rank `rank` of `count`, joined with the others over gloo on 127.0.0.1:`port`."""
        import torch.distributed as dist

        _joined(dist.init_process_group, "gloo", init_method=f"tcp://127.0.0.1:{port}", rank=rank, world_size=count,
                timeout=timedelta(seconds=TIMEOUT_S))
        return cls(count, [rank], {rank: rank_generator(seed, rank)}, group=dist.group.WORLD)

    def close(self) -> None:
        if self.group is not None:
            import torch.distributed as dist

            dist.destroy_process_group()
            self.group = None

    def batches(self, split: mnist.Split, batch_size: int, order: torch.Generator, augment) -> Any:
        """Per batch, the shares of this process's ranks: [(x, y), ...] in rank order; the batch order is drawn from
        the seed's generator `order` as one rank's would be."""
        n = len(split)
        perm = torch.randperm(n, generator=order).to(split.images.device)
        for start in range(0, n, batch_size):
            shares = perm[start : start + batch_size].tensor_split(self.count)
            out = []
            for r in self.mine:
                x = mnist.to_unit(split.images[shares[r]])
                if augment is not None:
                    x = augment(x, self.generators[r])
                out.append((mnist.normalize(x), split.labels[shares[r]]))
            yield out

    def keep_buffers(self, model: nn.Module) -> None:
        """Before a later rank's forward in this process: rank 0's batch-norm statistics, to put back after it."""
        self.kept = [b.detach().clone() for b in model.buffers()]

    @torch.no_grad()
    def restore_buffers(self, model: nn.Module) -> None:
        for b, k in zip(model.buffers(), self.kept, strict=True):
            b.copy_(k)
        self.kept = []

    def average(self, model: nn.Module) -> None:
        """The ranks' gradients summed (across processes: one all-reduce of the flat gradient) and divided by R."""
        grads = [p.grad for p in model.parameters() if p.grad is not None]
        if self.group is not None:
            import torch.distributed as dist

            flat = torch.cat([g.reshape(-1) for g in grads])
            _joined(dist.all_reduce, flat, group=self.group)
            offset = 0
            for g in grads:
                g.copy_(flat[offset : offset + g.numel()].view_as(g))
                offset += g.numel()
        for g in grads:
            g.div_(self.count)

    def total(self, sums: list[torch.Tensor]) -> torch.Tensor:
        """An epoch's per-rank sums (loss, correct, seen) as the sum over all ranks, in the same order both ways."""
        if self.group is not None:
            import torch.distributed as dist

            (mine,) = sums
            mine = mine.clone()
            _joined(dist.all_reduce, mine, group=self.group)
            return mine
        total = sums[0]
        for s in sums[1:]:
            total = total + s
        return total
