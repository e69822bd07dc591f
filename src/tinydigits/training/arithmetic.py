"""A seed trains in the arithmetic its config records, or not at all: the portable pins checked, the threads set,
CUDA's deterministic kernels chosen - before the seed's first kernel."""

from __future__ import annotations

import torch

from tinydigits.errors import NotTheModels
from tinydigits.training.config import TrainConfig
from tinydigits.training.device import deterministic_cuda, pick_device, pin_portable


class PortableUnavailable(NotTheModels):
    """This process cannot train a portable seed (its kernels are fixed in another instruction set)."""


def ensure_arithmetic(cfg: TrainConfig) -> None:
    """A seed never trains silently in another arithmetic than its config records: a portable one pins this process
    to AVX2 (or refuses in one line where torch already runs other kernels: `tinydigits.train` then trains it in a
    fresh process), and its threads are set."""
    if cfg.portable and (why := pin_portable()):
        raise PortableUnavailable(f"a portable seed cannot train here: {why}")
    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    if cfg.deterministic and pick_device(cfg.device).type == "cuda":
        deterministic_cuda()
