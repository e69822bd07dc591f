"""What the seeds train on (`Data`) and each step's batches from it (`step_batches`): a CPU's a batch at a time
in a thread beside the step, a GPU's every seed at once from chunks of draws (`mnist.device_batches`)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import torch

from tinydigits.data import mnist
from tinydigits.data.augment import Augment
from tinydigits.training.config import TrainConfig
from tinydigits.training.prefetch import ahead


@dataclass
class Data:
    """What the seeds train on: per seed a training split, its generator (order and augmentation) and its
    validation split (None without `--val-split`); one test split. `stacked`: the seeds are one stacked network
    (inputs side by side in channels, logits [B, G, 10]); else there is one seed and a plain model."""

    train: list[mnist.Split]
    generators: list[torch.Generator]
    val: list[mnist.Split | None]
    test: mnist.Split
    stacked: bool = False
    digits: torch.Tensor | None = None  # the first training digits, before any validation draw (augment.png's)
    on_device: bool | None = None  # batches made the GPU's way (`mnist.device_batches`); None: where the data is
    # Where the device path's random numbers come from: None, each seed's CPU generator on the host (a CPU run's
    # images); else one generator a seed, where it lives (`draw_source`: a GPU's; a CPU's in tests, standing in).
    draws: list[torch.Generator] | None = None

    @property
    def device_path(self) -> bool:
        """The GPU's way: the draws a chunk at a time, every seed's batch in one pass, the seeds' losses in one call.
        A CPU keeps its own (a batch at a time in a thread beside the step, a loss call per seed): its bits stay."""
        return self.train[0].images.device.type != "cpu" if self.on_device is None else self.on_device


DRAWS_ENV = "TINYDIGITS_DRAWS"  # "host": a GPU run's draws from each seed's CPU generator, as a CPU run makes them


def draws_on_device(device: torch.device, env: Mapping[str, str] | None = None) -> bool:
    """Whether a run on `device` draws its order and augmentation where its images are: on a GPU, unless
    $TINYDIGITS_DRAWS is "host" (the host's draws, ahead of the step in threads). A CPU always draws on the host: its
    images and curves stay those of every CPU run before."""
    env = os.environ if env is None else env
    return device.type == "cuda" and env.get(DRAWS_ENV, "device") != "host"


def draw_seed(seed: int) -> int:
    """The seed of a seed's draws on a device: its own stream, apart from the device's other generators seeded with
    the seed itself (a stack's dropout, torch's default), whose numbers it would otherwise repeat."""
    return int.from_bytes(hashlib.sha256(f"tinydigits draws {seed}".encode()).digest()[:8], "little") >> 1


def draw_source(generators: list[torch.Generator], device: torch.device) -> list[torch.Generator]:
    """A generator on `device` for each seed (known by its host generator's seed): where `mnist.drawn_batches` draws."""
    return [torch.Generator(device=device).manual_seed(draw_seed(g.initial_seed())) for g in generators]


def draw_threads(seeds: int, cores: int | None = None) -> int:
    """Threads that draw a chunk's augmentation on a GPU's host, seeds side by side: a seed's draws for a batch take
    about half a millisecond of one core, so 30 seeds' would keep one thread behind the device's step. Every core
    but the one that launches the step, at most one a seed."""
    cores = cores or os.cpu_count() or 1
    return max(1, min(seeds, cores - 1))


def step_batches(data: Data, batch_size: int, augment: Augment | None, prefetch: bool
                 ) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
    """Each step's (x, y): seed g's images in channels g and its labels in column g for a stack, else [B, 1, H, W]
    and [B]. On a GPU every seed's batch is a slice of a chunk made in one pass (`mnist.device_batches`), the host's
    draws for the next chunk made in a thread ahead of the step; on a CPU each seed's stream is made in a thread
    beside the step (`ahead`). `prefetch` False: no thread (`bench --profile` and the census see everything)."""
    if data.device_path:
        device = data.train[0].images.device
        if data.draws is None and draws_on_device(device):
            data.draws = draw_source(data.generators, device)  # once a run: the generators go on from epoch to epoch
        # Draws on the device are launches only: made in line, no thread beside the step.
        for x, y in mnist.device_batches(data.train, batch_size, data.generators, augment,
                                         prefetch=ahead if prefetch and data.draws is None else None,
                                         draw_threads=draw_threads(len(data.train)), draws=data.draws):
            yield (x, y) if data.stacked else (x, y[:, 0])
        return
    streams = [mnist.batches(s, batch_size, g, augment) for s, g in zip(data.train, data.generators, strict=True)]
    groups = zip(*streams, strict=True)
    for group in (ahead(groups) if prefetch and data.train[0].images.device.type == "cpu" else groups):
        if data.stacked:  # seed g's images in its own channels, its labels in column g
            yield torch.cat([x for x, _ in group], 1), torch.stack([y for _, y in group], 1)
        else:
            yield group[0]


def load_splits(cfg: TrainConfig, device: torch.device, quiet: bool = True) -> tuple[mnist.Split, mnist.Split]:
    """(train, test) on the device; train cut to `--train-limit` (the validation split is the seed's to draw)."""
    train_split = mnist.load_split("train", cfg.data_dir, device, quiet)
    test_split = mnist.load_split("test", cfg.data_dir, device, quiet)
    if cfg.train_limit:
        train_split = train_split.subset(torch.arange(min(cfg.train_limit, len(train_split))))
    return train_split, test_split
