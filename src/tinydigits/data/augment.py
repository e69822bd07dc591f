"""Augmentation per batch with tensor ops, in two halves: the random draws (`Augment.draw`: on the host from a seed's
own CPU generator, as a CPU run and a GPU run with host draws make them; or `Augment.draw_where`: a chunk at a time
from a seed's generator on the device, as a GPU run makes them by default, other numbers of the same laws) and the
image maths on the images' device (`Augment.apply`: one matmul and one grid_sample for the geometry, pooling and
grouped convolutions for the rest), never per sample in Python. Draws for many batches, or many seeds, concatenate
(`Draws.cat`) and travel to a GPU in one copy; their maths is then one pass over all of them."""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Callable
from dataclasses import dataclass

import torch
import torch.nn.functional as F


@dataclass(frozen=True)
class Draws:
    """Random numbers for a run of images (the first dimension), drawn by `Augment.draw` from a seed's CPU generator
    or by `Augment.draw_where` from generators where the images are: the warp's angle, shear (degrees), scale and
    shift, the elastic field's 4x4 knots (grid units), the stroke's blend (> 0 thickens, < 0 thins, 0 leaves the
    image), the blur's sigma, the noise's level and pixels. A field is None when its augmentation is off. Every field
    is a float32 tensor of its own, so draws concatenate, slice and travel as one buffer (`pack`)."""

    angle: torch.Tensor | None = None
    shear: torch.Tensor | None = None
    scale: torch.Tensor | None = None
    tx: torch.Tensor | None = None
    ty: torch.Tensor | None = None
    coarse: torch.Tensor | None = None
    stroke: torch.Tensor | None = None
    sigma: torch.Tensor | None = None
    noise_std: torch.Tensor | None = None
    noise: torch.Tensor | None = None

    def tensors(self) -> dict[str, torch.Tensor]:
        return {f.name: t for f in dataclasses.fields(self) if (t := getattr(self, f.name)) is not None}

    @staticmethod
    def cat(parts: list[Draws]) -> Draws:
        """Many batches' (or seeds') draws as one, in order."""
        names = parts[0].tensors().keys()
        return Draws(**{name: torch.cat([p.tensors()[name] for p in parts]) for name in names})

    def to(self, device: torch.device) -> Draws:
        return Draws(**{name: t.to(device) for name, t in self.tensors().items()})


@dataclass(frozen=True)
class Augment:
    """Random changes per image, made for a whole batch at once with tensor ops, so they cost the same on CPU and GPU.

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
        """Augment float images [B, 1, H, W] (background 0): the draws on the host, their maths on `x`'s device."""
        return self.apply(x, self.prepare(self.draw(len(x), generator, tuple(x.shape[-2:])).to(x.device)))

    def draw(self, b: int, generator: torch.Generator, size: tuple[int, int] = (28, 28)) -> Draws:
        """`b` images' random numbers from the CPU `generator`, in the order the changes apply: tens of floats an
        image, none for an augmentation that is off (so older runs reproduce exactly)."""
        h, w = size

        def uniform(lo: float, hi: float) -> torch.Tensor:
            return torch.rand(b, generator=generator) * (hi - lo) + lo

        d = self._affine_draws(uniform)
        if self.elastic:
            # A smooth field: 4x4 random displacements (pixels) upsampled bicubically, in grid units (2 / size).
            coarse = (torch.rand(b, 2, 4, 4, generator=generator) * 2 - 1) * self.elastic
            d["coarse"] = coarse * torch.tensor([2 / w, 2 / h])[None, :, None, None]
        if self.stroke:
            chosen = torch.rand(b, generator=generator) < self.stroke
            # t > 0 thickens (up to a full 3x3 dilation), t < 0 thins (up to half an erosion: a full one erases MNIST's
            # thinner strokes).
            d["stroke"] = (torch.rand(b, generator=generator) * 1.5 - 0.5) * chosen
        if self.blur:
            d["sigma"] = (torch.rand(b, generator=generator) * self.blur).clamp(min=1e-3)
        if self.noise:
            d["noise_std"] = torch.rand(b, 1, 1, 1, generator=generator) * self.noise
            d["noise"] = torch.randn((b, 1, h, w), generator=generator)
        return Draws(**d)

    def _affine_draws(self, uniform: Callable[[float, float], torch.Tensor]) -> dict[str, torch.Tensor]:
        """The affine warp's numbers (angle, shear, scale, shift), `uniform(lo, hi)` called in the order that fixes a
        CPU run's draws: the first fields of both `draw` and `draw_where`; none where the warp is off."""
        if not self.affine:
            return {}
        angle, shear, scale = (uniform(-self.degrees, self.degrees), uniform(-self.shear, self.shear),
                               uniform(*self.scale))
        tx, ty = uniform(-self.translate, self.translate) * 2, uniform(-self.translate, self.translate) * 2
        return {"angle": angle, "shear": shear, "scale": scale, "tx": tx, "ty": ty}

    @property
    def uniforms(self) -> int:
        """Uniform numbers an image takes in `draw_where`: one a warp's angle, shear, scale and shift, 32 for the
        elastic knots, two for the stroke, one each for the blur's sigma and the noise's level."""
        return 5 * self.affine + 32 * bool(self.elastic) + 2 * bool(self.stroke) + bool(self.blur) + bool(self.noise)

    def draw_where(self, b: int, generators: list[torch.Generator], size: tuple[int, int] = (28, 28)) -> Draws:
        """`b` images' random numbers for each of G seeds, seed-major ([G * b] first), each seed's from its own
        generator where that generator lives (a GPU's: no host on the step's path): two draws a seed whatever the
        augmentation (its uniform numbers, then its noise's pixels), the rest made for every seed at once. The laws of
        `draw`, other numbers: the same generator gives the same draws, but not `draw`'s."""
        h, w, seeds = *size, len(generators)
        device = generators[0].device
        u = torch.empty(seeds, b, self.uniforms, device=device)
        pixels = torch.empty(seeds, b, 1, h, w, device=device) if self.noise else None
        for g, gen in enumerate(generators):
            u[g].uniform_(generator=gen)
            if pixels is not None:
                pixels[g].normal_(generator=gen)
        u = u.reshape(seeds * b, -1)
        at = 0

        def take(k: int) -> torch.Tensor:
            nonlocal at
            at += k
            return u[:, at - k : at]

        def uniform(lo: float, hi: float) -> torch.Tensor:
            return take(1)[:, 0] * (hi - lo) + lo

        d = self._affine_draws(uniform)
        if self.elastic:
            # The knots in grid units (2 / size): x displacements scaled by 2 / w, y by 2 / h.
            coarse = (take(32).reshape(-1, 2, 4, 4) * 2 - 1) * self.elastic
            d["coarse"] = torch.cat([coarse[:, :1] * (2 / w), coarse[:, 1:] * (2 / h)], 1)
        if self.stroke:
            chosen, t = take(1)[:, 0] < self.stroke, take(1)[:, 0]
            d["stroke"] = (t * 1.5 - 0.5) * chosen
        if self.blur:
            d["sigma"] = (take(1)[:, 0] * self.blur).clamp(min=1e-3)
        if self.noise:
            d["noise_std"] = take(1).reshape(-1, 1, 1, 1) * self.noise
            d["noise"] = pixels.reshape(seeds * b, 1, h, w)
        return Draws(**d)

    def prepare(self, draws: Draws) -> Params:
        """The per-image numbers the image maths needs (a 2x3 matrix and knots, a blur kernel), made from the draws
        where they are: a batch's on a CPU, a whole chunk's at once on a GPU."""
        coeffs = blur = None
        if draws.angle is not None or draws.coarse is not None:
            coeffs = self._geometry(draws)
        if draws.sigma is not None:
            sigma = draws.sigma
            taps = torch.arange(-self.blur_radius, self.blur_radius + 1, dtype=sigma.dtype, device=sigma.device)
            kernel = torch.exp(-(taps[None, :] ** 2) / (2 * sigma[:, None] ** 2))
            blur = kernel / kernel.sum(1, keepdim=True)  # [B, K], one per image
        return Params(coeffs, draws.stroke, blur, draws.noise_std, draws.noise)

    @property
    def blur_radius(self) -> int:
        return max(1, math.ceil(2 * self.blur))

    @staticmethod
    def _geometry(d: Draws) -> torch.Tensor:
        """[B, 2, K]: each image's sampling grid as coefficients of fixed bases (`bases`): the affine matrix output
        -> input, then the elastic knots."""
        ref = d.angle if d.angle is not None else d.coarse
        b = len(ref)
        eye = torch.eye(2, 3, dtype=ref.dtype, device=ref.device)
        theta = eye.repeat(b, 1, 1)
        if d.angle is not None:
            angle, shear = torch.deg2rad(d.angle), torch.deg2rad(d.shear)
            # Forward map A = scale * rotation @ shear; affine_grid wants output->input, i.e. A^-1 (inv_ex: no check
            # of singularity, which would wait for a GPU; a scale in (0, inf) and |shear| < 90 degrees keep A regular).
            cos, sin, tan = torch.cos(angle), torch.sin(angle), torch.tan(shear)
            ones, zeros = eye[0, 0].expand(b), eye[0, 1].expand(b)
            rotation = torch.stack([torch.stack([cos, -sin], 1), torch.stack([sin, cos], 1)], 1)
            shear_m = torch.stack([torch.stack([ones, tan], 1), torch.stack([zeros, ones], 1)], 1)
            forward = d.scale[:, None, None] * rotation @ shear_m
            theta = torch.cat([torch.linalg.inv_ex(forward).inverse, torch.stack([d.tx, d.ty], 1)[:, :, None]], dim=2)
        coeffs = [theta]
        if d.coarse is not None:
            coeffs.append(d.coarse.reshape(b, 2, 16))
        return torch.cat(coeffs, 2)

    def apply(self, x: torch.Tensor, p: Params) -> torch.Tensor:
        """The changes made to images [B, 1, H, W] on their device (`p` there too), in one pass however many batches
        or seeds they hold. Nothing waits for the host: masks are blends (`torch.where`), never boolean indexing."""
        with torch.profiler.record_function("augment"):  # a label for `bench --profile`
            if p.coeffs is not None:
                x = self._warp(x, p.coeffs.to(x.dtype))
            if p.stroke is not None:
                x = self._stroke(x, p.stroke.to(x.dtype))
            if p.blur is not None:
                x = self._blur(x, p.blur.to(x.dtype))
            if p.noise is not None:
                x = (x + p.noise_std.to(x.dtype) * p.noise.to(x.dtype)).clamp(0, 1)
            return x

    @staticmethod
    def _warp(x: torch.Tensor, coeffs: torch.Tensor) -> torch.Tensor:
        # The sampling grid is linear in the warp's numbers (the affine matrix, the elastic field's 4x4 knots), so it
        # is one small matmul against fixed bases, not `F.affine_grid` + bicubic `F.interpolate` (their CPU kernels
        # cost a tenth of a training step).
        b, _, h, w = x.shape
        grid = coeffs.reshape(b * 2, -1) @ bases(h, w, coeffs.shape[-1] > 3, x.device, x.dtype)
        grid = grid.reshape(b, 2, h, w).permute(0, 2, 3, 1)
        return F.grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=False)

    @staticmethod
    def _stroke(x: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
        # Every image is filtered and blended by its own |t|, 0 for an image that stays (x + 0 * (f - x) is x to the
        # bit): the same bits as filtering only the images that change, and no boolean indexing, whose `nonzero`
        # would make a GPU's host wait.
        t = t[:, None, None, None]
        thick, thin = max3(x), -max3(-x)  # 3x3 max and min filters
        return x + t.abs() * (torch.where(t > 0, thick, thin) - x)

    def _blur(self, x: torch.Tensor, kernel: torch.Tensor) -> torch.Tensor:
        b, c, h, w = x.shape
        radius = self.blur_radius
        y = x.reshape(1, b * c, h, w)  # each image its own group, so each gets its own sigma
        y = F.conv2d(y, kernel[:, None, None, :].repeat_interleave(c, 0), padding=(0, radius), groups=b * c)
        y = F.conv2d(y, kernel[:, None, :, None].repeat_interleave(c, 0), padding=(radius, 0), groups=b * c)
        return y.reshape(b, c, h, w)


@dataclass(frozen=True)
class Params:
    """What the image maths reads, per image, on the images' device: the grid's coefficients [B, 2, K], the stroke's
    blend [B], the blur kernels [B, taps], the noise's level [B, 1, 1, 1] and pixels [B, 1, H, W]."""

    coeffs: torch.Tensor | None = None
    stroke: torch.Tensor | None = None
    blur: torch.Tensor | None = None
    noise_std: torch.Tensor | None = None
    noise: torch.Tensor | None = None

    def __getitem__(self, index: slice) -> Params:
        return Params(*(None if (t := getattr(self, f.name)) is None else t[index] for f in dataclasses.fields(self)))


def max3(x: torch.Tensor) -> torch.Tensor:
    """`F.max_pool2d(x, 3, 1, 1)`, the same values (a maximum rounds nothing): on a CPU as the maximum of shifted
    rows, then columns, over a border of -inf - its pooling kernel takes 25 us an image there, 15x this."""
    if x.device.type != "cpu":
        return F.max_pool2d(x, 3, 1, 1)
    p = F.pad(x, (1, 1, 1, 1), value=float("-inf"))
    rows = torch.maximum(torch.maximum(p[..., :-2], p[..., 1:-1]), p[..., 2:])
    return torch.maximum(torch.maximum(rows[..., :-2, :], rows[..., 1:-1, :]), rows[..., 2:, :])


@functools.lru_cache(maxsize=16)
def bases(h: int, w: int, elastic: bool, device: torch.device, dtype: torch.dtype) -> torch.Tensor:
    """[3 (+16), h*w] on `device`, made once: the affine basis, then the elastic one when `elastic`."""
    parts = [_affine_basis(h, w)] + ([_bicubic_basis(h, w)] if elastic else [])
    return torch.cat(parts, 0).to(device, dtype)


def _affine_basis(h: int, w: int) -> torch.Tensor:
    """[3, h*w]: each output pixel's (x, y, 1) in grid units, where `F.affine_grid(align_corners=False)` puts it."""
    ys, xs = torch.meshgrid((torch.arange(h) * 2 + 1) / h - 1, (torch.arange(w) * 2 + 1) / w - 1, indexing="ij")
    return torch.stack([xs.flatten(), ys.flatten(), torch.ones(h * w)])


def _bicubic_basis(h: int, w: int) -> torch.Tensor:
    """[16, h*w]: what `F.interpolate(mode="bicubic", align_corners=True)` makes of each of 4x4 knots at h x w
    (measured on the unit knots, so it is torch's very kernel, not a re-derivation)."""
    knots = torch.eye(16, dtype=torch.float64).reshape(16, 1, 4, 4)
    return F.interpolate(knots, size=(h, w), mode="bicubic", align_corners=True).reshape(16, h * w).float()
