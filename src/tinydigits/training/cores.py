"""The CPU cores this process may use, and each side-by-side seed's share: the one place they are counted (a check's
local workers, a study's, `tinydigits worker`, robustness's processes). Torch-free, so the plan and search count
cores without importing torch."""

from __future__ import annotations

import os


def machine_cores() -> int:
    """The CPUs this process may run on (its affinity where the OS tells it, e.g. a container's share)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def cores_per_job(jobs: int) -> int:
    """The cores each of `jobs` seeds side by side gets on this machine (at least one)."""
    return max(1, machine_cores() // jobs)
