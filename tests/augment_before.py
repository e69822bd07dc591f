"""Augmentation per batch with tensor ops (one grid_sample for the geometry, pooling and grouped convolutions
for the rest), never per sample in Python: it costs the same on CPU and GPU."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import torch
import torch.nn.functional as F


@dataclass(frozen=True)
class Augment:
    """Random changes per image, made for a whole batch at once with tensor ops (one grid_sample for the
    geometry, pooling and grouped convolutions for the rest), so they cost the same on CPU and GPU.

    Geometry: an affine warp (rotation, shift, zoom, shear) plus an elastic field. Beyond it, for
    handwriting that is not MNIST's (`tinydigits robustness` measures it): stroke width, blur and pixel
    noise. Each option is off at 0 and draws no random numbers then, so older runs reproduce exactly.
    """

    degrees: float = 0.0
    translate: float = 0.0  # fraction of the image size, like torchvision's RandomAffine
    scale: tuple[float, float] = (1.0, 1.0)
    shear: float = 0.0  # degrees
    elastic: float = 0.0  # max displacement in pixels of a smooth random field (Simard et al. 2003, coarse 4x4)
    stroke: float = 0.0  # chance per image that its strokes thicken or thin (blend towards a 3x3 max/min filter)
    blur: float = 0.0  # max Gaussian sigma in pixels; each image draws its own in [0, blur]
    noise: float = 0.0  # max standard deviation of Gaussian pixel noise; each image draws its own

    @property
    def affine(self) -> bool:
        return bool(self.degrees or self.translate or self.shear or self.scale != (1.0, 1.0))

    @property
    def active(self) -> bool:
        return bool(self.affine or self.elastic or self.stroke or self.blur or self.noise)

    def __call__(self, x: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
        """Augment float images [B, 1, H, W] (background 0). Random numbers come from a CPU generator,
        so a seed gives the same images on any device."""
        with torch.profiler.record_function("augment"):  # a label for `bench --profile`
            return self._apply(x, generator)

    def _apply(self, x: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
        if self.affine or self.elastic:
            x = self._warp(x, generator)
        if self.stroke:
            x = self._stroke(x, generator)
        if self.blur:
            x = self._blur(x, generator)
        if self.noise:
            std = torch.rand(x.shape[0], 1, 1, 1, generator=generator) * self.noise
            x = (x + std.to(x.device, x.dtype) * torch.randn(x.shape, generator=generator).to(x.device, x.dtype)).clamp(0, 1)
        return x

    def _warp(self, x: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
        b, _, h, w = x.shape

        def uniform(lo: float, hi: float) -> torch.Tensor:
            return torch.rand(b, generator=generator) * (hi - lo) + lo

        theta = torch.eye(2, 3).repeat(b, 1, 1)
        if self.affine:
            angle = torch.deg2rad(uniform(-self.degrees, self.degrees))
            shear = torch.deg2rad(uniform(-self.shear, self.shear))
            scale = uniform(*self.scale)
            tx, ty = uniform(-self.translate, self.translate) * 2, uniform(-self.translate, self.translate) * 2
            # Forward map A = scale * rotation @ shear; affine_grid wants output->input, i.e. A^-1.
            cos, sin, tan = torch.cos(angle), torch.sin(angle), torch.tan(shear)
            rotation = torch.stack([torch.stack([cos, -sin], 1), torch.stack([sin, cos], 1)], 1)
            shear_m = torch.stack([torch.stack([torch.ones(b), tan], 1), torch.stack([torch.zeros(b), torch.ones(b)], 1)], 1)
            forward = scale[:, None, None] * rotation @ shear_m
            theta = torch.cat([torch.linalg.inv(forward), torch.stack([tx, ty], 1)[:, :, None]], dim=2)
        # The sampling grid is linear in the warp's numbers (the affine matrix, the elastic field's 4x4 knots), so it
        # is one small matmul against fixed bases, not `F.affine_grid` + bicubic `F.interpolate` (their CPU kernels
        # were 9 % of a whole training step: docs/research-record.md).
        coeffs, bases = [theta.reshape(b * 2, 3)], [_affine_basis(h, w)]
        if self.elastic:
            # A smooth field: 4x4 random displacements (pixels) upsampled bicubically, in grid units (2 / size).
            coarse = (torch.rand(b, 2, 4, 4, generator=generator) * 2 - 1) * self.elastic
            coarse = coarse * torch.tensor([2 / w, 2 / h])[None, :, None, None]
            coeffs.append(coarse.reshape(b * 2, 16))
            bases.append(_bicubic_basis(h, w))
        grid = torch.cat(coeffs, 1).to(x.device, x.dtype) @ torch.cat(bases, 0).to(x.device, x.dtype)
        grid = grid.reshape(b, 2, h, w).permute(0, 2, 3, 1)
        return F.grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=False)

    def _stroke(self, x: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
        b = x.shape[0]
        chosen = torch.rand(b, generator=generator) < self.stroke
        # t > 0 thickens (up to a full 3x3 dilation), t < 0 thins (up to half an erosion: a full one erases MNIST's
        # thinner strokes).
        t = (torch.rand(b, generator=generator) * 1.5 - 0.5) * chosen
        t = t.to(x.device, x.dtype)[:, None, None, None]
        # Filter only the images that change (a third of them at robust's 0.3): the rest stay exactly as they are.
        x = x.clone()
        for sign, pick in ((1, (t > 0).flatten()), (-1, (t < 0).flatten())):
            if pick.any():
                part, weight = x[pick], t[pick].abs()
                filtered = sign * F.max_pool2d(sign * part, 3, 1, 1)  # a 3x3 max filter thickens, a min filter thins
                x[pick] = part + weight * (filtered - part)
        return x

    def _blur(self, x: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
        b, c, h, w = x.shape
        sigma = (torch.rand(b, generator=generator) * self.blur).clamp(min=1e-3)
        radius = max(1, math.ceil(2 * self.blur))
        taps = torch.arange(-radius, radius + 1, dtype=torch.float32)
        kernel = torch.exp(-(taps[None, :] ** 2) / (2 * sigma[:, None] ** 2))
        kernel = (kernel / kernel.sum(1, keepdim=True)).to(x.device, x.dtype)  # [B, K], one per image
        y = x.reshape(1, b * c, h, w)  # each image its own group, so each gets its own sigma
        y = F.conv2d(y, kernel[:, None, None, :].repeat_interleave(c, 0), padding=(0, radius), groups=b * c)
        y = F.conv2d(y, kernel[:, None, :, None].repeat_interleave(c, 0), padding=(radius, 0), groups=b * c)
        return y.reshape(b, c, h, w)



@functools.lru_cache(maxsize=8)
def _affine_basis(h: int, w: int) -> torch.Tensor:
    """[3, h*w]: each output pixel's (x, y, 1) in grid units, where `F.affine_grid(align_corners=False)` puts it."""
    ys, xs = torch.meshgrid((torch.arange(h) * 2 + 1) / h - 1, (torch.arange(w) * 2 + 1) / w - 1, indexing="ij")
    return torch.stack([xs.flatten(), ys.flatten(), torch.ones(h * w)])


@functools.lru_cache(maxsize=8)
def _bicubic_basis(h: int, w: int) -> torch.Tensor:
    """[16, h*w]: what `F.interpolate(mode="bicubic", align_corners=True)` makes of each of 4x4 knots at h x w
    (measured on the unit knots, so it is torch's very kernel, not a re-derivation)."""
    knots = torch.eye(16, dtype=torch.float64).reshape(16, 1, 4, 4)
    return F.interpolate(knots, size=(h, w), mode="bicubic", align_corners=True).reshape(16, h * w).float()
