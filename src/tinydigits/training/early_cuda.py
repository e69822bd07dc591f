"""A GPU's CUDA context made beside torch's import, on a thread of its own, so that the driver's start and torch's
import (seconds each on a large GPU) overlap instead of following each other. Torch-free: it starts before torch is
loaded, so it speaks to the driver's own library through ctypes (torch offers no way to start the driver before it
is imported). The context it makes is the device's primary context, the one torch's CUDA runtime retains and uses:
torch then finds it made. It draws no random number and moves no setting; `TINYDIGITS_CUDA_EARLY=0` turns it off.

Only for a command whose run trains in this process on CUDA: a process that hands its seeds to workers must not hold
a context it never uses (a GPU's memory for nothing). The run's painters are still forked after it, as a DataLoader's
workers are: a child that never calls CUDA is not hurt by the driver its parent started."""

from __future__ import annotations

import ctypes
import os
import threading
from collections.abc import Callable
from typing import Any

OFF = "TINYDIGITS_CUDA_EARLY"
DRIVER = "libcuda.so.1"


def ordinal(device: str | None) -> int | None:
    """The CUDA device a run on `device` trains on (None: the default, a GPU when there is one), or None where it does
    not train on CUDA."""
    if device is None:
        return 0
    kind, _, index = device.partition(":")
    if kind != "cuda":
        return None
    return int(index) if index.isdigit() else 0


def start(device: str | None, load: Callable[[str], Any] = ctypes.CDLL) -> threading.Thread | None:
    """The primary context of `device`'s GPU made on a daemon thread started now, or None where there is nothing to
    make: not CUDA, turned off, no driver library (a machine without a GPU). Any failure of the driver is left for
    torch to meet and say in its own words, when the run asks for CUDA."""
    index = ordinal(device)
    if index is None or os.environ.get(OFF, "1") == "0":
        return None
    try:
        driver = load(DRIVER)
    except OSError:
        return None
    thread = threading.Thread(target=make_context, args=(driver, index), name="tinydigits-cuda-early", daemon=True)
    thread.start()
    return thread


def make_context(driver: Any, index: int) -> bool:
    """The driver started and device `index`'s primary context retained (kept for the process's life, as torch keeps
    it): True when it was made. Every call returns CUDA_SUCCESS (0) or the next is not made."""
    handle, context, count = ctypes.c_int(), ctypes.c_void_p(), ctypes.c_int()
    return (driver.cuInit(0) == 0
            and driver.cuDeviceGetCount(ctypes.byref(count)) == 0 and count.value > index
            and driver.cuDeviceGet(ctypes.byref(handle), index) == 0
            and driver.cuDevicePrimaryCtxRetain(ctypes.byref(context), handle) == 0)
