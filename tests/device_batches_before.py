"""`mnist.device_batches` as it was before a chunk was augmented in one pass (each batch augmented on its own):
frozen here so a test can show the one pass gives a CPU the very images this gave."""

from __future__ import annotations

import torch

from tinydigits.data.augment import Augment, Draws
from tinydigits.data.mnist import HOST_DRAWS, Split, normalize, to_device, to_unit, unpack

CHUNK_BYTES = 32 << 20


def device_batches(splits: list[Split], batch_size: int, generators: list[torch.Generator], augment: Augment | None,
                   chunk_batches: int | None = None):
    """Every seed's epoch, for a GPU: yields normalised x [B, G, H, W] and y [B, G], seed g's images in channel g.

    The host draws each seed's order and random numbers from its own generator in the order `batches` draws them (the
    same images on any device), a chunk of batches at a time, into one buffer that reaches the device in one
    non-blocking copy from pinned memory; the per-image numbers of a chunk are made there in one pass
    (`Augment.prepare`), and each batch of every seed is one gather and one augmentation pass. Nothing in the loop
    waits for the device."""
    seeds, n, device = len(splits), len(splits[0]), splits[0].images.device
    size = tuple(splits[0].images.shape[-2:])
    shared = all(s.images is splits[0].images for s in splits)  # no validation draws: one gather serves every seed
    augment = augment if augment is not None and augment.active else None
    with torch.profiler.record_function(HOST_DRAWS):
        orders = [torch.randperm(n, generator=g) for g in generators]
        if chunk_batches is None:
            probe = augment.draw(1, torch.Generator(), size) if augment else Draws()
            per_image = 8 + sum(t.numel() * t.element_size() for t in probe.tensors().values())
            chunk_batches = max(1, CHUNK_BYTES // (per_image * seeds * batch_size))
    starts = list(range(0, n, batch_size))
    for c in range(0, len(starts), chunk_batches):
        spans = [(s, min(s + batch_size, n)) for s in starts[c : c + chunk_batches]]
        with torch.profiler.record_function(HOST_DRAWS):
            index = [orders[g][a:b] for a, b in spans for g in range(seeds)]  # batch-major: a batch's seeds side by side
            draws = [augment.draw(b - a, generators[g], size) for a, b in spans for g in range(seeds)] if augment else []
            host = {"index": torch.cat(index), **(Draws.cat(draws).tensors() if draws else {})}
            buffer = pack(host, device)
        moved = unpack(to_device(buffer, device), host)
        index, params = moved.pop("index"), augment.prepare(Draws(**moved)) if augment else None
        at = 0
        for a, b in spans:
            count = (b - a) * seeds
            idx = index[at : at + count]
            if shared:
                images, labels = splits[0].images[idx], splits[0].labels[idx]
            else:
                parts = idx.reshape(seeds, b - a)
                images = torch.cat([s.images[i] for s, i in zip(splits, parts, strict=True)])
                labels = torch.cat([s.labels[i] for s, i in zip(splits, parts, strict=True)])
            x = to_unit(images)
            if params is not None:
                x = augment.apply(x, params[at : at + count])
            at += count
            h, w = x.shape[-2:]
            yield normalize(x).reshape(seeds, b - a, h, w).transpose(0, 1), labels.reshape(seeds, b - a).t()


def pack(tensors: dict[str, torch.Tensor], device: torch.device) -> torch.Tensor:
    parts = []
    for t in tensors.values():
        raw = t.contiguous().reshape(-1).view(torch.uint8)
        pad = -len(raw) % 8
        parts += [raw, raw.new_zeros(pad)] if pad else [raw]
    buffer = torch.cat(parts)
    return buffer.pin_memory() if device.type == "cuda" else buffer
