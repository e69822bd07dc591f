"""Where and how tensors run: device choice, bf16 on the hardware that has it, the input layout, and the portable
arithmetic's pins (`training.arithmetic` holds a seed to them).

Kept apart from training so evaluation, prediction and benchmarks use the same rules without
importing the training loop.
"""

from __future__ import annotations

import os
import platform
from collections.abc import Mapping
from pathlib import Path

import torch
from torch import nn

from tinydigits.constants import PORTABLE_ENV


def pick_device(requested: str | None = None) -> torch.device:
    """CUDA when present, else CPU (torch then uses all physical cores)."""
    if requested:
        return torch.device(requested)
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def cuda_context(device: torch.device) -> bool:
    """A GPU's CUDA context made now (a kernel run and waited for), so its seconds are its own (`Timing.cuda_s`)
    rather than the first copy's; False on any other device. It draws no random number and moves no setting."""
    if device.type != "cuda":
        return False
    torch.zeros(1, device=device)
    torch.cuda.synchronize(device)
    return True


def cpu_flags() -> set[str]:
    """The CPU's feature flags as Linux reports them (empty elsewhere): what decides which kernels run."""
    line = next((line for line in _cpuinfo().splitlines() if line.startswith("flags")), "")
    return set(line.partition(":")[2].split())


NATIVE_BF16_CUDA = (8, 0)  # Ampere and later; a T4 (7.5) or V100 (7.0) only emulates bf16


def bf16_is_fast(device: torch.device) -> bool:
    """bf16 autocast pays off on GPUs with native bf16 (compute capability >= 8.0) and on CPUs with native bf16
    instructions; elsewhere it is emulated and slower, so the recipe's "auto" falls back to fp32 there. Not
    `torch.cuda.is_bf16_supported()`: its default counts emulation and answers yes on a T4. Older GPUs get fp32,
    not fp16 autocast: fp16 needs a gradient scaler and has not been measured to hold the budget, and these
    nets are small enough that a T4's fp32 is not what a run waits on (the data pipeline is)."""
    if device.type == "cuda":  # no GPU here (a check handing its seeds to GPU workers): their answer, not ours
        return torch.cuda.is_available() and torch.cuda.get_device_capability(device) >= NATIVE_BF16_CUDA
    return bool(cpu_flags() & {"avx512_bf16", "amx_bf16"})


def deterministic_cuda() -> None:
    """The same seed on the same GPU model and torch gives the same curve: deterministic kernels where torch has
    them (warn-only where it has none: the run goes on and says so), cuDNN without autotuning, cuBLAS with a fixed
    workspace. Called before the run's first CUDA kernel (cuBLAS reads its variable once)."""
    os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")
    _deterministic_kernels()
    # Deterministic mode also fills every new tensor (NaN for floats) in case a kernel reads memory it never wrote: a
    # fill kernel per allocation, ~140 a step of the tiny net here, a captured graph replaying them all. Nothing in
    # the step reads memory it has not written (its only `empty` tensors, the stacked dropout's masks, are drawn in
    # full; every other tensor is a kernel's output), so the fills change no bit and only cost launches.
    torch.utils.deterministic.fill_uninitialized_memory = False
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False


def _deterministic_kernels() -> None:
    """`torch.use_deterministic_algorithms(True, warn_only=True)`'s switch, set without the import that function
    makes first: torch._inductor's config (to make compiled code deterministic too), which imports torch._dynamo,
    seconds of a GPU run's start-up (docs/speed.md) for code that no run compiles. Where a torch lacks the switch by
    that name, the public function sets it."""
    switch = getattr(torch._C, "_set_deterministic_algorithms", None)
    if switch is None:
        torch.use_deterministic_algorithms(True, warn_only=True)
    else:
        switch(True, warn_only=True)


def gpu_facts(device: torch.device | str | None = None) -> dict[str, object] | None:
    """The GPU a run trains on (name, compute capability, CUDA and driver versions), or None without one: recorded
    with the run where the CPU is, since a GPU's kernels decide its curve."""
    if device is None or torch.device(device).type != "cuda":
        return None
    device = torch.device(device)
    props = torch.cuda.get_device_properties(device)
    try:
        driver = torch._C._cuda_getDriverVersion()  # no public API; e.g. 13000 = 13.0
        driver = f"{driver // 1000}.{driver % 1000 // 10}"
    except (AttributeError, RuntimeError):
        driver = None
    return {"name": props.name, "capability": f"{props.major}.{props.minor}", "cuda": torch.version.cuda,
            "driver": driver, "memory_gib": round(props.total_memory / 2**30, 1),
            "deterministic": torch.are_deterministic_algorithms_enabled()}


# The portable arithmetic: fp32 with ATen's and oneDNN's kernels pinned to AVX2, MKL in its COMPATIBLE branch, one
# thread (constants.PORTABLE_ENV). The same curve to the last digit on the x86 CPUs this project has met, Intel and AMD
# (tests/test_cross_vendor.py checks it under emulated CPUs of both vendors on every CI run). Each library
# reads its variable once, when it first runs a kernel, so the pin works only before that (`pin_portable`).
PORTABLE_ISA = "AVX2"


def set_portable_env(env: dict[str, str] | None = None) -> dict[str, str]:
    """The pins in `env` (os.environ by default): for this process, if it has run no kernel yet, and for the worker
    processes it starts (they inherit it)."""
    env = os.environ if env is None else env
    env.update(PORTABLE_ENV)
    return env


def pinned_env(env: Mapping[str, str], portable: bool) -> dict[str, str]:
    """A copy of `env` for processes to start: with the portable pins, or without any of them (their own kernels)."""
    return {**{k: v for k, v in env.items() if k not in PORTABLE_ENV}, **(PORTABLE_ENV if portable else {})}


def aten_isa() -> str:
    """The instruction set ATen's kernels run in this process (fixed from the first kernel on): AVX2, AVX512, ..."""
    return torch.backends.cpu.get_cpu_capability()


def cpu_lacks_avx2() -> str | None:
    """Why this CPU cannot compute in the portable arithmetic at all (an ARM Mac, Graviton, an x86 without AVX2), or
    None. The CPU's flags decide where Linux lists them. Elsewhere (macOS) an x86 CPU is asked through ATen's
    capability, read only after the pins are set: ATen fixes its capability at the first query, so asking unpinned
    would leave an AVX-512 process unable to pin (and its seed sent to a fresh process for nothing)."""
    flags = cpu_flags()
    if "avx2" in flags:
        return None
    if not flags and platform.machine() in ("x86_64", "AMD64"):
        set_portable_env()
        if aten_isa() == PORTABLE_ISA or aten_isa().startswith("AVX512"):
            return None
    return f"this CPU has no AVX2 ({platform.machine()})"


def pin_portable() -> str | None:
    """Pin this process to the portable arithmetic; None when it is, else why it cannot be (torch already ran its
    kernels in another instruction set, or the CPU has no AVX2)."""
    set_portable_env()
    if aten_isa() == PORTABLE_ISA:
        branch = mkl_branch()
        if branch is None or branch == MKL_COMPATIBLE:
            return None
        return ("MKL already ran in this process before the pin (a matrix product, an inverse), so it keeps this CPU "
                "vendor's code path, not the portable one")
    if why := cpu_lacks_avx2():
        return f"{why}: a portable seed needs it (use --no-portable)"
    return f"torch already runs its {aten_isa()} kernels in this process (it ran a kernel before the pin)"


MKL_COMPATIBLE = 3  # MKL's code-path number for MKL_CBWR=COMPATIBLE (mkl_cbwr.h)


def mkl_branch() -> int | None:
    """The code path the MKL inside torch runs in this process (`MKL_COMPATIBLE` where the pin holds), or None where
    there is none to ask (torch without MKL, another platform). MKL reads MKL_CBWR once, at its first call: a process
    that multiplied a matrix before the pin keeps its vendor's path, which ATen's instruction set does not show on an
    AVX2-only CPU. Asked through ctypes, since torch has no call for it."""
    import ctypes

    if not torch.backends.mkl.is_available():
        return None
    try:
        query = ctypes.CDLL(str(Path(torch.__file__).parent / "lib" / "libtorch_cpu.so")).mkl_serv_cbwr_get
    except (OSError, AttributeError):
        return None
    query.argtypes, query.restype = [ctypes.c_int], ctypes.c_int
    return query(1)  # MKL_CBWR_BRANCH


def arithmetic() -> dict[str, object]:
    """How this process computes: the CPU, the flags that choose kernels, the instruction sets ATen, oneDNN and MKL
    use. Recorded with every run (config.json's environment), plan and verdict."""
    flags = cpu_flags()
    model = next((line.partition(":")[2].strip() for line in _cpuinfo().splitlines() if line.startswith("model name")),
                 platform.processor() or platform.machine())
    return {"cpu": model, "machine": platform.machine(),
            "cpu_flags": sorted(flags & {"avx2", "fma", "avx512f", "avx512_bf16", "avx512_vnni", "amx_bf16", "amx_tile"}),
            "aten_isa": aten_isa(), "onednn_max_isa": os.environ.get("ONEDNN_MAX_CPU_ISA", "native"),
            "mkl_cbwr": os.environ.get("MKL_CBWR", "native")}


def native_bf16() -> bool:
    """bf16 runs natively in this process: the CPU has the instructions and ATen is not pinned below AVX-512."""
    return bf16_is_fast(torch.device("cpu")) and aten_isa() not in ("DEFAULT", "AVX2")


def _cpuinfo() -> str:
    try:
        return Path("/proc/cpuinfo").read_text()
    except OSError:
        return ""


def input_layout(x: torch.Tensor, model: nn.Module | None = None) -> torch.Tensor:
    """`x` in the layout `model` takes: its `memory_format` where it names one (a stack's way of running its convs,
    `training.stack`), else channels_last, which makes the small convolutions measurably faster on CPU (see
    `tinydigits bench`)."""
    return x.contiguous(memory_format=layout_of(model))


def layout_of(model: nn.Module | None) -> torch.memory_format:
    """The memory layout `model`'s weights and inputs are kept in (channels_last unless it names its own)."""
    return getattr(model, "memory_format", torch.channels_last)


EVAL_CHUNK = 250  # images per forward in a CPU test pass: its activations stay in cache (docs/research-record.md)


def infer(model: nn.Module, x: torch.Tensor) -> torch.Tensor:
    """The model's logits for a batch of inputs already in `input_layout`, forwarded in pieces of `EVAL_CHUNK`
    images on a CPU: a test batch of 1,000 whole spills the caches (1.6x slower on a 2-core EPYC), and each image's
    logits are the same bits either way (tests/test_train.py checks every registered model). Whole on a GPU."""
    if x.device.type != "cpu" or len(x) <= EVAL_CHUNK:
        return model(x)
    return torch.cat([model(piece) for piece in x.split(EVAL_CHUNK)])


def model_layout(model: nn.Module, device: str | torch.device = "cpu") -> nn.Module:
    """A model on `device` with its weights in the layout `input_layout` feeds it (`layout_of`)."""
    return model.to(device).to(memory_format=layout_of(model))
