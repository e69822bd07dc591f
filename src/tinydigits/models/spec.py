"""A model family described by data: a `NetSpec` (JSON <-> dataclass) builds a plain `nn.Module`.

Every network in this project is a chain: conv blocks (conv [-> BN] -> ReLU [-> dropout]) at
some resolution, max-pools or strided convs between them, then global average pooling and a 1x1
conv to the 10 classes. A spec lists those layers, so `search` can generate networks, `train`
and `check` can take a `.json` file, and the three hand-written steps can be written as specs
too (tests prove they rebuild with the same parameters and output shape).

Compact form, one token per layer (what `search` prints and `NetSpec.parse` reads):
`c12k5s2p2` = conv to 12 channels, kernel 5, stride 2, padding 2 (defaults k3 s1 p0);
`g8` = 8 groups (`c8g8` after 8 channels is a depthwise conv, `c16k1` after it the pointwise one);
suffix `d5` = 5 % dropout after it, `n` = no batch-norm (conv gets a bias), `P` = a 2x2 max-pool
right after the conv, before its batch-norm and ReLU (airbench's order); `M` = 2x2 max-pool;
`C24` = keep the central 24x24 pixels.
The GAP + 1x1 head closes every spec and is not written.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from torch import nn

from tinydigits.errors import TinyDigitsError


def conv(c_in: int, c_out: int, k: int = 3, padding: int = 0, bn: bool = True, dropout: float = 0.0,
         stride: int = 1, pool: bool = False, groups: int = 1) -> nn.Sequential:
    """conv [-> max-pool] [-> BN] -> ReLU [-> dropout]: the block every model is built from (no bias when BN follows).

    `pool` is airbench's order for the block before a pool: batch norm and ReLU then run on a quarter of the
    elements (ReLU commutes with max-pool exactly, batch norm nearly), which on an AVX2 CPU made lean's step 1.2x
    cheaper (`tinydigits bench --model lean --vs poolbn`, docs/research-record.md)."""
    layers: list[nn.Module] = [nn.Conv2d(c_in, c_out, k, stride=stride, padding=padding, bias=not bn, groups=groups)]
    if pool:
        layers.append(nn.MaxPool2d(2))
    if bn:
        layers.append(nn.BatchNorm2d(c_out))
    layers.append(nn.ReLU())
    if dropout:
        layers.append(nn.Dropout(dropout))
    return nn.Sequential(*layers)


def head(c_in: int) -> nn.Sequential:
    """Global average pooling then a 1x1 conv to the 10 classes: no dense layer, so few parameters."""
    return nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Conv2d(c_in, 10, 1, bias=False), nn.Flatten())


class CenterCrop(nn.Module):
    """Keep the central size x size pixels. MNIST centres each digit's 20x20 box by its centre of
    mass in 28x28, so the border is nearly always empty - and full-resolution layers cost by area."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        top, left = (x.shape[-2] - self.size) // 2, (x.shape[-1] - self.size) // 2
        return x[..., top : top + self.size, left : left + self.size]

    def extra_repr(self) -> str:
        return f"size={self.size}"


class Chain(nn.Module):
    """A straight chain of stages (`self.layers`), the shape of every model here (a stack of seeds is `training.stack`)."""

    def __init__(self, *stages: nn.Module) -> None:
        super().__init__()
        self.layers = nn.Sequential(*stages)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.layers(x)


@dataclass(frozen=True)
class Layer:
    """One layer of a spec: a conv block (`op="conv"`), a 2x2 max-pool (`op="maxpool"`) or a
    centre crop to `out` x `out` pixels (`op="crop"`)."""

    op: str = "conv"
    out: int = 0
    k: int = 3
    stride: int = 1
    padding: int = 0
    bn: bool = True
    dropout: float = 0.0
    pool: bool = False  # conv -> max-pool -> BN -> ReLU
    groups: int = 1  # = input channels = out: a depthwise conv (golf's params go to the pointwise 1x1 after it)

    def output_size(self, size: int) -> int:
        """Side of this layer's square output map for a `size` x `size` input."""
        if self.op == "maxpool":
            return size // 2
        if self.op == "crop":
            return self.out
        size = (size + 2 * self.padding - self.k) // self.stride + 1
        return size // 2 if self.pool else size

    def token(self) -> str:
        if self.op == "maxpool":
            return "M"
        if self.op == "crop":
            return f"C{self.out}"
        t = f"c{self.out}" + (f"k{self.k}" if self.k != 3 else "") + (f"s{self.stride}" if self.stride != 1 else "")
        t += f"p{self.padding}" if self.padding else ""
        t += f"g{self.groups}" if self.groups != 1 else ""
        t += f"d{round(self.dropout * 100):g}" if self.dropout else ""
        return t + ("" if self.bn else "n") + ("P" if self.pool else "")


_TOKEN = re.compile(r"c(\d+)(?:k(\d+))?(?:s(\d+))?(?:p(\d+))?(?:g(\d+))?(?:d(\d+(?:\.\d+)?))?(n?)(P?)")


@dataclass
class NetSpec:
    """A whole network: its layers, a name for run folders, and the recipe it is meant to train with."""

    layers: list[Layer]
    name: str = "spec"
    recipe: dict[str, Any] = field(default_factory=dict)

    # -------------------------------------------------------------- building and checking
    def build(self) -> nn.Module:
        """The plain nn.Module (same module tree as the hand-written steps: `layers.N`)."""
        self.validate()
        stages: list[nn.Module] = []
        channels = 1
        for layer in self.layers:
            if layer.op == "maxpool":
                stages.append(nn.MaxPool2d(2))
                continue
            if layer.op == "crop":
                stages.append(CenterCrop(layer.out))
                continue
            stages.append(conv(channels, layer.out, layer.k, layer.padding, layer.bn, layer.dropout, layer.stride, layer.pool,
                               layer.groups))
            channels = layer.out
        return Chain(*stages, head(channels))

    def validate(self) -> None:
        """Structure and geometry, without building: every map stays >= 1 pixel on a 28x28 input."""
        if not self.layers or not any(layer.op == "conv" for layer in self.layers):
            raise TinyDigitsError(f"spec {self.name!r}: needs at least one conv layer")
        size, channels = 28, 1
        for i, layer in enumerate(self.layers):
            where = f"spec {self.name!r}, layer {i} ({layer.token() if layer.op in ('conv', 'maxpool', 'crop') else layer.op})"
            if layer.op == "crop" and not 1 <= layer.out <= size:
                raise TinyDigitsError(f"{where}: a crop must keep between 1 and {size} pixels")
            if layer.op == "conv" and (layer.out < 1 or layer.k < 1 or layer.stride < 1 or layer.padding < 0
                                       or not 0 <= layer.dropout < 1):
                raise TinyDigitsError(f"{where}: channels, kernel and stride must be >= 1, padding >= 0, dropout in [0, 1)")
            if layer.op == "conv":
                if layer.groups < 1 or channels % layer.groups or layer.out % layer.groups:
                    raise TinyDigitsError(f"{where}: {layer.groups} groups must divide its {channels} input and "
                                          f"{layer.out} output channels")
                channels = layer.out
            if layer.op not in ("conv", "maxpool", "crop"):
                raise TinyDigitsError(f"{where}: op must be 'conv', 'maxpool' or 'crop'")
            size = layer.output_size(size)
            if size < 1:
                raise TinyDigitsError(f"{where}: the feature map shrinks below 1x1 on a 28x28 input")

    def params(self) -> int:
        """Parameter count, computed from the spec alone (no module is built): search uses it to
        reject a spec before any training."""
        total, channels = 0, 1
        for layer in self.layers:
            if layer.op == "conv":
                total += channels // layer.groups * layer.out * layer.k * layer.k + (2 * layer.out if layer.bn else layer.out)
                channels = layer.out
        return total + channels * 10

    def macs(self) -> int:
        """Multiply-accumulates of the convolutions for one 28x28 image (as `summary` counts them)."""
        total, channels, size = 0, 1, 28
        for layer in self.layers:
            if layer.op == "conv":
                at = dataclasses.replace(layer, pool=False).output_size(size)  # the conv's own output, before a pool
                total += at * at * layer.out * channels // layer.groups * layer.k * layer.k
                channels = layer.out
            size = layer.output_size(size)
        return total + channels * 10

    # -------------------------------------------------------------- text forms
    def compact(self) -> str:
        return " ".join(layer.token() for layer in self.layers)

    @classmethod
    def parse(cls, text: str, name: str = "spec", recipe: dict[str, Any] | None = None) -> NetSpec:
        """Read the compact form, e.g. `"c8 c12 M c16 c16 c16"`."""
        layers = []
        for token in text.split():
            if token == "M":
                layers.append(Layer("maxpool"))
                continue
            if re.fullmatch(r"C\d+", token):
                layers.append(Layer("crop", int(token[1:])))
                continue
            m = _TOKEN.fullmatch(token)
            if not m:
                raise TinyDigitsError(f"spec token {token!r}: expected M, C<size> or "
                                      "c<out>[k<k>][s<stride>][p<pad>][g<groups>][d<percent>][n][P]")
            out, k, s, p, g, d, no_bn, pool = m.groups()
            layers.append(Layer("conv", int(out), int(k or 3), int(s or 1), int(p or 0), not no_bn, float(d or 0) / 100,
                                bool(pool), int(g or 1)))
        spec = cls(layers, name, dict(recipe or {}))
        spec.validate()
        return spec

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "layers": [dataclasses.asdict(layer) for layer in self.layers], "recipe": self.recipe,
                "compact": self.compact(), "params": self.params(), "macs": self.macs()}

    @classmethod
    def from_dict(cls, d: Any, where: str = "spec") -> NetSpec:
        if not isinstance(d, dict) or not isinstance(d.get("layers"), list):
            raise TinyDigitsError(f"{where}: not a model spec (expected an object with a 'layers' list)")
        known = {f.name for f in dataclasses.fields(Layer)}
        try:
            layers = [Layer(**{k: v for k, v in layer.items() if k in known}) for layer in d["layers"]]
        except (TypeError, AttributeError):
            raise TinyDigitsError(f"{where}: every layer must be an object like {{\"op\": \"conv\", \"out\": 16}}") from None
        recipe = d.get("recipe") or {}
        if not isinstance(recipe, dict):
            raise TinyDigitsError(f"{where}: 'recipe' must be an object")
        spec = cls(layers, str(d.get("name") or "spec"), recipe)
        spec.validate()
        return spec


def is_spec_path(name: str) -> bool:
    return name.endswith(".json")


def load(path: str | os.PathLike) -> NetSpec:
    """A spec from a `.json` file, with one-line errors for a missing or malformed file."""
    path = Path(path)
    try:
        d = json.loads(path.read_text())
    except FileNotFoundError:
        raise TinyDigitsError(f"{path}: no such spec file") from None
    except (OSError, ValueError) as err:
        raise TinyDigitsError(f"{path}: not a readable JSON spec ({err})") from None
    return NetSpec.from_dict(d, str(path))
