"""A dispatch-level census of what a training step asks of a GPU, taken on a CPU: every aten call is seen
(`TorchDispatchMode`), the model's and data's tensors are tagged as the device's and the tag follows every result,
so the census counts device kernels, host-to-device copies and the reads that would make a GPU's host wait
(`item`, `nonzero`-like boolean indexing, `tolist`), with nothing but a CPU.

What the host computes is what runs inside a `record_function(mnist.HOST_DRAWS)` scope, or on host tensors only
(e.g. a seed's generator); outside it a factory (an `eye`, an `arange`) makes a device tensor, as it would there."""

from __future__ import annotations

import contextlib
import time
from collections import Counter

import torch
from torch.utils._python_dispatch import TorchDispatchMode
from torch.utils._pytree import tree_leaves

from tinydigits.data.mnist import HOST_DRAWS

# Calls whose result a GPU hands to the host, or whose output size depends on the data (a wait for the device).
SYNCS = {"_local_scalar_dense", "nonzero", "nonzero_static", "masked_select", "is_nonzero", "equal", "unique",
         "_unique", "_unique2", "unique_consecutive", "unique_dim", "masked_scatter_", "_assert_async", "bincount",
         "repeat_interleave", "histc", "histogram"}
SCOPES = {"profiler._record_function_enter_new", "profiler._record_function_exit", "profiler._record_function_enter"}


def _key(t: torch.Tensor) -> int:
    return t.untyped_storage().data_ptr()


class Census(TorchDispatchMode):
    """Counts, by the innermost labelled scope ("augment", "ema", ...: `record_function` labels), device kernels,
    copies to the device, syncs (reads of a device tensor by the host) and mixed calls (a host tensor of more than
    one element handed to a device kernel: an implicit copy, or an error on a GPU)."""

    def __init__(self, device_tensors: list[torch.Tensor]) -> None:
        super().__init__()
        self.device: dict[int, bool] = {}
        for t in device_tensors:
            self.device[_key(t)] = True
        self.scopes: list[str] = []
        self.kernels: Counter[str] = Counter()
        self.names: Counter[tuple[str, str]] = Counter()  # (scope, op) -> kernels
        self.copies = 0
        self.syncs: list[str] = []
        self.mixed: list[str] = []
        self.host: Counter[str] = Counter()  # calls computed on the host, by scope (a generator's draws among them)

    def on_device(self, t: torch.Tensor) -> bool:
        return self.device.get(_key(t), False)

    def read(self, what: str, t: torch.Tensor) -> None:
        """A host read of `t` that bypasses dispatch (`tolist`, `cpu`, `numpy` of a CPU tensor)."""
        if self.on_device(t):
            self.syncs.append(what)

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        name = str(func.overloadpacket).removeprefix("aten.")
        if name in SCOPES:
            out = func(*args, **kwargs)
            if name == "profiler._record_function_exit":
                if self.scopes:
                    self.scopes.pop()
            else:
                self.scopes.append(args[0])
            return out
        out = func(*args, **kwargs)
        inputs = [t for t in tree_leaves((args, kwargs)) if isinstance(t, torch.Tensor)]
        if name.startswith("lift_fresh"):  # `torch.tensor(...)`: made from Python data, on the host, just now
            for t in inputs:  # (its memory may be a freed device tensor's: the tag is this tensor's, not that one's)
                self.device[_key(t)] = False
        outputs = [t for t in tree_leaves(out) if isinstance(t, torch.Tensor)]
        tagged = [self.on_device(t) for t in inputs]
        on_host = HOST_DRAWS in self.scopes
        if on_host or (inputs and not any(tagged)):
            if any(tagged):
                self.syncs.append(f"{name} on the host")
            if not func.is_view:
                self.host[self.scopes[-1] if self.scopes else ""] += 1
            result = False
            if name == "_to_copy" and not on_host and inputs and "device" in kwargs:
                self.copies += 1  # the one way data reaches the device: an explicit copy
                result = True
        else:
            if name in SYNCS or (name in ("index", "index_put", "index_put_") and any(
                    t.dtype == torch.bool for t in inputs[1:])):
                self.syncs.append(name)
            if any(not d and t.dim() > 0 for t, d in zip(inputs, tagged, strict=True)):
                self.mixed.append(name)
            result = True
            if not func.is_view and name not in ("detach", "alias", "lift_fresh"):
                scope = self.scopes[-1] if self.scopes else ""
                self.kernels[scope] += 1
                self.names[scope, name] += 1
        for t in outputs:
            self.device[_key(t)] = result
        return out


@contextlib.contextmanager
def census(device_tensors: list[torch.Tensor]):
    """A `Census` over the block, with the host reads that skip dispatch on a CPU (`tolist`, `cpu`, `numpy`) counted."""
    count = Census(device_tensors)
    patched = {}
    for method in ("tolist", "cpu", "numpy"):
        original = getattr(torch.Tensor, method)
        patched[method] = original

        def reading(self, *args, _original=original, _method=method, **kwargs):
            count.read(_method, self)
            return _original(self, *args, **kwargs)

        setattr(torch.Tensor, method, reading)
    try:
        with count:
            yield count
    finally:
        for method, original in patched.items():
            setattr(torch.Tensor, method, original)





REPLAY = "cuda graph replay"  # the label `HostClock` reads as one captured step replayed
REPLAY_LAUNCHES = 3  # a replayed step's launches: its two input copies and the replay


class HostClock(Census):
    """A `Census` that also clocks the thread it watches (CPU time, `time.thread_time`) and counts what a GPU's host
    would launch: the time inside its own dispatch (`in_mode_s`: the device's work and the census's bookkeeping,
    neither of them a GPU host's), its calls, and the device calls and copies among them (`launches`), outside any
    `REPLAY` scope; a `REPLAY` scope is a captured step, `REPLAY_LAUNCHES` launches (its calls are the graph's)."""

    def __init__(self, device_tensors: list[torch.Tensor]) -> None:
        super().__init__(device_tensors)
        self.reset()

    def reset(self) -> None:
        self.in_mode_s, self.calls, self.launches = 0.0, 0, 0

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        start = time.thread_time()
        replaying = REPLAY in self.scopes
        before = sum(self.kernels.values()) + self.copies
        out = super().__torch_dispatch__(func, types, args, kwargs)
        if replaying or REPLAY in self.scopes:
            if not replaying:
                self.launches += REPLAY_LAUNCHES
            return out
        self.calls += 1
        self.launches += sum(self.kernels.values()) + self.copies - before
        self.in_mode_s += time.thread_time() - start
        return out


def calibrate(rounds: int = 2000) -> float:
    """The CPU seconds a call costs a `HostClock`'s thread outside the clock's own timing (torch's way into the
    census's Python and back), from the calls a step makes besides its graph - slices and transposes, elementwise
    sums and products, a maximum's index, a comparison: the median of five loops of them."""
    import statistics

    x, y = torch.zeros(4, 8), torch.zeros(8, dtype=torch.long)
    runs = []
    for _ in range(5):
        with HostClock([x, y]) as clock:
            start = time.thread_time()
            for _ in range(rounds):
                x[:, 1:3].transpose(0, 1)
                (x.argmax(0) == y).sum(0)
                torch.add(x, x * 2)
            total = time.thread_time() - start
        runs.append((total - clock.in_mode_s) / clock.calls)
    return statistics.median(runs)
