"""Where and how tensors run: device choice, bf16 on the hardware that has it, the input layout.

Kept apart from training so evaluation, prediction and benchmarks use the same rules without
importing the training loop.
"""

from __future__ import annotations

from pathlib import Path

import torch
from torch import nn


def pick_device(requested: str | None = None) -> torch.device:
    """CUDA when present, else CPU (torch then uses all physical cores)."""
    if requested:
        return torch.device(requested)
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def cpu_flags() -> set[str]:
    """The CPU's feature flags as Linux reports them (empty elsewhere): what decides which kernels run."""
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return set()
    line = next((line for line in text.splitlines() if line.startswith("flags")), "")
    return set(line.partition(":")[2].split())


def bf16_is_fast(device: torch.device) -> bool:
    """bf16 autocast pays off on GPUs with bf16 and on CPUs with native bf16 instructions; elsewhere it
    is emulated and slower, so the recipe's "auto" falls back to fp32 there."""
    if device.type == "cuda":
        return torch.cuda.is_bf16_supported()
    return bool(cpu_flags() & {"avx512_bf16", "amx_bf16"})


def input_layout(x: torch.Tensor) -> torch.Tensor:
    # channels_last makes the small convolutions measurably faster on CPU (see `tinydigits bench`).
    return x.contiguous(memory_format=torch.channels_last)


def model_layout(model: nn.Module, device: str | torch.device = "cpu") -> nn.Module:
    """A model on `device` with its weights in the channels_last layout `input_layout` feeds it."""
    return model.to(device).to(memory_format=torch.channels_last)
