"""The arithmetic a seed trains in, decided once (`decide`, called by the plan) and held (`ensure_arithmetic`, called
before the seed's first kernel): portable or this machine's own, fp32 or bf16, the threads, the device - and why."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import torch

from tinydigits.errors import NotTheModels, TinyDigitsError
from tinydigits.training.config import TrainConfig
from tinydigits.training.cores import cores_per_job
from tinydigits.training.device import bf16_is_fast, cpu_lacks_avx2, deterministic_cuda, pick_device, pin_portable

# A GPU run's host work is drawing random numbers and launching kernels, sequential both: more torch threads only
# open parallel regions around tiny ops (a batched 2x2 inverse takes 6x longer on 2 threads than on 1).
CUDA_HOST_THREADS = 1


class PortableUnavailable(NotTheModels):
    """This process cannot train a portable seed (its kernels are fixed in another instruction set)."""


@dataclass(frozen=True)
class Arithmetic:
    """How a config's seeds compute: `device`, `portable`, `precision` (fp32 or bf16), `threads` per seed (None: all
    cores), `why` in words; `notes`, lines to say once; `unpinned`, why this process cannot compute a portable seed
    (torch already ran other kernels here: its seeds train in a fresh worker process)."""

    device: str
    portable: bool
    precision: str
    threads: int | None
    why: str
    notes: tuple[str, ...] = ()
    unpinned: str = ""

    def apply(self, cfg: TrainConfig) -> TrainConfig:
        """`cfg` with the decided fields (what config.json records)."""
        return dataclasses.replace(cfg, portable=self.portable, precision=self.precision, threads=self.threads)


def decide(cfg: TrainConfig, *, jobs: int = 1, stack: bool = False, on_cluster: bool = False) -> Arithmetic:
    """The one answer to "in which arithmetic do these seeds train": a GPU's own (never portable); on a cluster the
    workers' (portable unless --no-portable); portable where this CPU can (fp32, AVX2 kernels, one thread), else this
    machine's own fp32 on one thread, said in a note; --no-portable: the recipe's precision (auto: bf16 where the
    hardware has it natively), and `jobs` side-by-side seeds share the cores. A portable seed that this process can no
    longer pin is `unpinned` (checked here, before any kernel of the seed; a plan of several jobs pins in its workers)."""
    device = pick_device(cfg.device)
    portable, precision, threads, notes = cfg.portable, cfg.precision, cfg.threads, []
    if device.type == "cuda":
        portable = False  # a GPU's kernels are not covered: the pin is a CPU's (docs/checking-seeds.md)
        threads = threads or CUDA_HOST_THREADS
    if on_cluster and portable is None:
        portable = True  # the workers compute, not this CPU: the default is theirs to check
    if portable is None:  # the default: portable where this CPU can, else its own fp32 on one thread
        if why := cpu_lacks_avx2():
            portable = False
            precision, threads = ("fp32" if precision in (None, "auto") else precision), threads or 1
            notes.append(f"{why}: training in this machine's own {precision} on {threads} thread(s), not the portable "
                         "arithmetic (its curves are this CPU kind's; --no-portable says so and hides this line)")
        else:
            portable = True
    if portable:
        if precision == "bf16":
            raise TinyDigitsError("--precision bf16 is not portable: a portable seed trains in fp32 "
                                  "(give --no-portable for bf16)")
        if cfg.portable is not False and (cfg.threads or 1) > 1:
            notes.append(f"a portable seed trains on 1 thread, not {cfg.threads} (its curve depends on the thread "
                         "count); --no-portable for this machine's own arithmetic")
        precision, threads = "fp32", 1
    if precision in (None, "auto"):
        precision = "bf16" if bf16_is_fast(device) else "fp32"
    if on_cluster:
        return Arithmetic(str(device), portable, precision, threads, _why(portable, precision, device, threads),
                          tuple(notes))
    if jobs > 1 and threads is None:
        threads = cores_per_job(jobs)
    unpinned = ""
    if portable and (why := cpu_lacks_avx2()):
        raise TinyDigitsError(f"--portable: {why}, which the portable arithmetic needs (leave --portable out for this "
                              "machine's own fp32, or give --no-portable)")
    if portable and (jobs <= 1 or stack) and (why := pin_portable()):
        unpinned = why
    return Arithmetic(str(device), portable, precision, threads, _why(portable, precision, device, threads), tuple(notes),
                      unpinned)


def _why(portable: bool, precision: str, device: torch.device, threads: int | None) -> str:
    if device.type == "cuda":
        return (f"{precision} on {device}: a GPU's own kernels (the portable pins are a CPU's); the host's draws and "
                f"launches on {threads} thread(s)")
    if portable:
        return "portable: fp32, AVX2 kernels, one thread - the same curve on every x86 CPU, Intel or AMD"
    return f"this machine's own {precision}" + (" (native bf16)" if precision == "bf16" else "")


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
