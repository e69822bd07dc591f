"""The ways a stack of seeds runs its convs (`training.stack`): one grouped conv, or the same maths as unfold and one
batched matmul, or one conv a seed on CUDA streams of their own. Each keeps the grouped conv's weights (seed g's
filters in rows g * O to (g + 1) * O), so the optimiser, the EMA and `StackedNet.copy_to` see one network whatever
the way; only the float rounding differs."""

from __future__ import annotations

import os
from collections.abc import Mapping

import torch
import torch.nn.functional as F
from torch import nn

from tinydigits.errors import TinyDigitsError

WAYS = ("grouped", "nchw", "nchw1", "nchw0", "bmm", "streams")  # how a stack's convs run; the first is a CPU's default
WAY_ENV = "TINYDIGITS_STACK_WAY"
# On a GPU the grouped conv in NCHW with cuDNN's heuristics' first plan: the fastest of the ways that repeat a stack's
# curves seed by seed (docs/speed.md, "On a GPU"); a CPU keeps the grouped conv in channels_last, its curves unmoved.
CUDA_WAY = "nchw1"


def default_way(device_type: str) -> str:
    """The way a stack's convs run on `device_type` ("cuda", "cpu"...) when no setting names one."""
    return CUDA_WAY if device_type == "cuda" else WAYS[0]


def stack_way(env: Mapping[str, str] | None = None, device_type: str = "cpu") -> str:
    """The way a stack's convs run: $TINYDIGITS_STACK_WAY where it names one of `WAYS`, else `device_type`'s
    default."""
    env = os.environ if env is None else env
    way = env.get(WAY_ENV) or default_way(device_type)
    if way not in WAYS:
        raise TinyDigitsError(f"${WAY_ENV} is {way!r}: one of {', '.join(WAYS)}")
    return way


class UnfoldConv(nn.Conv2d):
    """A grouped conv computed as unfold and one batched matmul, every seed's weights against its own columns: the
    grouped conv's weights, its maths, other float rounding."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        n, _, h, w = x.shape
        (kh, kw), (sh, sw), (ph, pw), (dh, dw) = self.kernel_size, self.stride, self.padding, self.dilation
        oh, ow = (h + 2 * ph - dh * (kh - 1) - 1) // sh + 1, (w + 2 * pw - dw * (kw - 1) - 1) // sw + 1
        cols = F.unfold(x, self.kernel_size, self.dilation, self.padding, self.stride)  # [N, G * C * kh * kw, L]
        cols = cols.reshape(n, self.groups, -1, oh * ow)
        weight = self.weight.reshape(self.groups, self.out_channels // self.groups, -1)
        out = torch.matmul(weight, cols).reshape(n, self.out_channels, oh, ow)  # [N, G, O, L]: weight broadcast over N
        return out if self.bias is None else out + self.bias.reshape(1, -1, 1, 1)


class Lanes:
    """A CUDA stream a seed, made once per device and shared by the network and its copies (an EMA deep-copies it)."""

    def __init__(self) -> None:
        self.streams: dict[torch.device, list[torch.cuda.Stream]] = {}

    def of(self, device: torch.device, count: int) -> list[torch.cuda.Stream]:
        if device not in self.streams:
            self.streams[device] = [torch.cuda.Stream(device) for _ in range(count)]
        return self.streams[device]

    def __deepcopy__(self, memo: dict) -> Lanes:
        return self


class StreamConv(nn.Conv2d):
    """A grouped conv as one plain conv a seed: on a GPU each seed's on a CUDA stream of its own (the seeds' kernels
    side by side, their backward on the same streams), joined before the next layer; on a CPU one after another."""

    def __init__(self, *args, lanes: Lanes, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lanes = lanes

    def _one(self, x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None) -> torch.Tensor:
        return F.conv2d(x, weight, bias, self.stride, self.padding, self.dilation)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        xs = x.split(self.in_channels // self.groups, 1)
        weights = self.weight.split(self.out_channels // self.groups, 0)
        biases = [None] * self.groups if self.bias is None else self.bias.split(self.out_channels // self.groups)
        if x.device.type != "cuda":
            return torch.cat([self._one(*seed) for seed in zip(xs, weights, biases, strict=True)], 1)
        main, outs = torch.cuda.current_stream(x.device), []
        lanes = self.lanes.of(x.device, self.groups)
        for lane, seed in zip(lanes, zip(xs, weights, biases, strict=True), strict=True):
            lane.wait_stream(main)
            with torch.cuda.stream(lane):
                out = self._one(*seed)
            x.record_stream(lane)  # read there: its memory is not handed out again until the lane is done with it
            out.record_stream(main)
            outs.append(out)
        for lane in lanes:
            main.wait_stream(lane)
        return torch.cat(outs, 1)


CUDNN_PLANS = 10  # torch's own default `benchmark_limit` on CUDA (its docs): the plans cuDNN times when it times them


def cudnn_timing(way: str) -> dict[str, object]:
    """The cuDNN settings a CUDA stack running its convs `way` takes (torch.backends.cudnn's names): "nchw" lets cuDNN
    time its deterministic algorithms in the eager warm-up steps and keep the fastest, so the capture after them
    records that pick and every replay runs it (two runs may pick differently); "nchw1" times only the first plan of
    its heuristics (`benchmark_limit` 1), so that the pick cannot depend on a timing; "nchw0" times none, so torch
    builds the heuristics' first plan alone (timing builds every candidate plan first); the other ways none (a
    deterministic run has switched the timing off before: `device.deterministic_cuda`). Each NCHW way names its
    settings, so a stack after another in one process runs its own way. Where the step is captured, the timing is
    for the captured shape: the capture switches it off (`graphs.GraphedStep`); a stack not captured times every
    shape it meets."""
    return {"nchw": {"benchmark": True, "benchmark_limit": CUDNN_PLANS},
            "nchw1": {"benchmark": True, "benchmark_limit": 1},
            "nchw0": {"benchmark": False}}.get(way, {})
