"""MNIST as tensors on the training device: IDX decoding, validation, download, batches.

Why hand-written: torchvision is not usable on the target machines, and the IDX format is four
header words plus raw bytes, so a decoder is shorter than a dependency.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import math
import os
import urllib.request
import uuid
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import torch

from tinydigits.constants import MEAN, STD
from tinydigits.data.augment import Augment, Draws
from tinydigits.errors import NotTheModels, TinyDigitsError

ENV_VAR = "TINYDIGITS_DATA_DIR"
SPLIT_CACHE_VAR = "TINYDIGITS_SPLIT_CACHE"  # a folder for the decoded splits, or "off"
MIRRORS_VAR = "TINYDIGITS_MIRRORS"  # comma-separated base URLs, for an in-house mirror
DEFAULT_MIRRORS = (
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "http://yann.lecun.com/exdb/mnist/",
)
IMAGE_MAGIC, LABEL_MAGIC = 0x00000803, 0x00000801


@dataclass(frozen=True)
class IdxFile:
    name: str  # without the .gz suffix
    count: int
    sha256: str  # of the decompressed content

    @property
    def is_images(self) -> bool:
        return "images" in self.name


FILES = {
    "train": (
        IdxFile("train-images-idx3-ubyte", 60_000, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
        IdxFile("train-labels-idx1-ubyte", 60_000, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
    ),
    "test": (
        IdxFile("t10k-images-idx3-ubyte", 10_000, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
        IdxFile("t10k-labels-idx1-ubyte", 10_000, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
    ),
}
ALL_FILES = [f for pair in FILES.values() for f in pair]


# ---------------------------------------------------------------- IDX decoding and validation


def decode_idx(raw: bytes, what: str = "IDX file") -> torch.Tensor:
    """Decode IDX bytes (unsigned-byte data only) into a uint8 tensor, checking header and length."""
    if len(raw) < 8:
        raise NotTheModels(f"{what}: {len(raw)} bytes is too short to be an IDX file")
    zero, dtype, ndim = int.from_bytes(raw[0:2], "big"), raw[2], raw[3]
    if zero != 0 or dtype != 0x08 or ndim not in (1, 3):
        raise NotTheModels(f"{what}: bad magic number 0x{int.from_bytes(raw[:4], 'big'):08x}, not an MNIST IDX file")
    header = 4 + 4 * ndim
    if len(raw) < header:
        raise NotTheModels(f"{what}: truncated header")
    shape = [int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim)]
    expected = header + math.prod(shape)
    if len(raw) != expected:
        raise TinyDigitsError(
            f"{what}: header promises {'x'.join(map(str, shape))} values ({expected} bytes) "
            f"but the file has {len(raw)} bytes (truncated or corrupt)"
        )
    return torch.frombuffer(bytearray(raw[header:]), dtype=torch.uint8).reshape(shape)


def read_idx(path: Path, spec: IdxFile | None = None, verify_checksum: bool = True) -> torch.Tensor:
    """Read one IDX file (.gz or plain) and, given its spec, check kind, shape, labels and SHA-256."""
    what = path.name
    try:
        raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    except (EOFError, gzip.BadGzipFile, OSError) as err:
        raise NotTheModels(f"{what}: cannot be decompressed ({err}); the file is truncated or corrupt") from None
    data = decode_idx(raw, what)
    if spec is None:
        return data
    magic = int.from_bytes(raw[:4], "big")
    want_magic = IMAGE_MAGIC if spec.is_images else LABEL_MAGIC
    if magic != want_magic:
        kind = "images" if magic == IMAGE_MAGIC else "labels"
        wanted = "images" if spec.is_images else "labels"
        raise NotTheModels(f"{what}: holds {kind} (magic 0x{magic:08x}), expected {wanted}; files swapped?")
    want_shape = (spec.count, 28, 28) if spec.is_images else (spec.count,)
    if tuple(data.shape) != want_shape:
        raise NotTheModels(f"{what}: shape {tuple(data.shape)}, expected {want_shape}; wrong or swapped file?")
    if not spec.is_images and int(data.max()) > 9:
        raise NotTheModels(f"{what}: label {int(data.max())} outside 0-9")
    if verify_checksum and hashlib.sha256(raw).hexdigest() != spec.sha256:
        raise NotTheModels(f"{what}: SHA-256 of its content does not match the published MNIST file (corrupt or altered)")
    return data


# ---------------------------------------------------------------- locating / downloading


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "tinydigits" / "mnist"


def resolve_data_dir(data_dir: str | os.PathLike | None = None) -> Path:
    """--data-dir, else $TINYDIGITS_DATA_DIR, else the per-user cache."""
    chosen = data_dir or os.environ.get(ENV_VAR)
    return Path(chosen).expanduser() if chosen else cache_dir()


def find_file(folder: Path, spec: IdxFile) -> Path | None:
    for candidate in (folder / f"{spec.name}.gz", folder / spec.name):
        if candidate.is_file():
            return candidate
    return None


def mirrors() -> list[str]:
    override = os.environ.get(MIRRORS_VAR)
    return [m.strip().rstrip("/") + "/" for m in override.split(",")] if override else list(DEFAULT_MIRRORS)


def _download(spec: IdxFile, dest_dir: Path, quiet: bool) -> Path:
    """Fetch one file from the first mirror that answers; validated before it takes its final name."""
    from tqdm import tqdm

    dest_dir.mkdir(parents=True, exist_ok=True)
    # A name of its own per download: worker processes starting together on a fresh machine each fetch into their own
    # file, and the atomic rename lets the last one win with identical, verified bytes.
    final, part = dest_dir / f"{spec.name}.gz", dest_dir / f".{spec.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.part.gz"
    errors = []
    for mirror in mirrors():
        url = f"{mirror}{spec.name}.gz"
        try:
            with urllib.request.urlopen(url, timeout=15) as resp, part.open("wb") as out:
                total = int(resp.headers.get("Content-Length") or 0) or None
                with tqdm(total=total, unit="B", unit_scale=True, desc=spec.name, disable=quiet) as bar:
                    while chunk := resp.read(1 << 16):
                        out.write(chunk)
                        bar.update(len(chunk))
            read_idx(part, spec)
            os.replace(part, final)
            return final
        except (OSError, TinyDigitsError) as err:
            errors.append(f"{url}: {err}")
        finally:
            part.unlink(missing_ok=True)
    raise OSError("; ".join(errors))


def locate(data_dir: str | os.PathLike | None = None, download: bool = True, quiet: bool = False) -> dict[str, Path]:
    """Find the four files in the data dir (or the cache), downloading missing ones into the cache."""
    folder = resolve_data_dir(data_dir)
    found: dict[str, Path] = {}
    for spec in ALL_FILES:
        path = find_file(folder, spec) or find_file(cache_dir(), spec)
        if path is None and download:
            try:
                path = _download(spec, cache_dir(), quiet)
            except OSError:
                path = None
        if path is None:
            names = ", ".join(f"{f.name}.gz" for f in ALL_FILES)
            raise NotTheModels(
                f"MNIST not found in {folder} and could not be downloaded: put {names} there, "
                f"or point --data-dir or ${ENV_VAR} at a folder holding them"
            )
        found[spec.name] = path
    return found


# ---------------------------------------------------------------- the dataset on the device


@dataclass
class Split:
    images: torch.Tensor  # uint8 [N, 28, 28] on the device
    labels: torch.Tensor  # int64 [N] on the device

    def __len__(self) -> int:
        return len(self.labels)

    def subset(self, index: torch.Tensor) -> Split:
        index = index.to(self.images.device)
        return Split(self.images[index], self.labels[index])


def load_split(name: str, data_dir=None, device: str | torch.device = "cpu", quiet: bool = False) -> Split:
    """Load 'train' or 'test' as one uint8 image tensor and one label tensor on `device` (read through the tensor
    cache: `cached_split`)."""
    paths = locate(data_dir, quiet=quiet)
    image_spec, label_spec = FILES[name]
    images, labels = cached_split(name, paths[image_spec.name], paths[label_spec.name])
    return Split(images.to(device), labels.long().to(device))


# ---------------------------------------------------------------- the decoded splits, cached

CACHE_MAGIC = b"tinydigits-split\x01"  # the cache file's first bytes; the last one is its format's version


def tensor_cache_dir() -> Path | None:
    """Where decoded splits are kept: $TINYDIGITS_SPLIT_CACHE ("off": nowhere), else beside the downloads in the
    per-user cache; never in the data folder, which may be read-only or shared with others."""
    chosen = os.environ.get(SPLIT_CACHE_VAR)
    if chosen and chosen.lower() in ("off", "0", "no"):
        return None
    return Path(chosen).expanduser() if chosen else cache_dir().parent / "splits"


def source_identity(*paths: Path) -> str:
    """What a cache file is keyed by: each IDX file's resolved path, size and modification time. A file replaced or
    moved is another key, so its split is decoded and checked again."""
    parts = []
    for path in paths:
        st = path.stat()
        parts.append([str(path.resolve()), st.st_size, st.st_mtime_ns])
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def cached_split(name: str, image_path: Path, label_path: Path) -> tuple[torch.Tensor, torch.Tensor]:
    """A split's images and labels (uint8) as `read_idx` decodes and checks them, from a file in `tensor_cache_dir`
    where one was written for these very IDX files: gzip and the SHA-256 of 55 MB cost a run a third of a second,
    the cache a tenth of that. The file is trusted only whole: its header names the key, the count and a CRC-32 of its
    bytes, and anything else (partial, corrupt, another key) is read as if absent and written again. A cache that
    cannot be written (a read-only home) leaves the split read from the IDX files, as it was."""
    image_spec, label_spec = FILES[name]
    try:
        key = source_identity(image_path, label_path)
    except OSError:
        key = None
    folder = tensor_cache_dir()
    path = folder / f"{name}-{key[:24]}.bin" if key and folder else None
    if path is not None and (got := read_split_cache(path, key, image_spec.count)) is not None:
        return got
    images, labels = read_idx(image_path, image_spec), read_idx(label_path, label_spec)
    if path is not None:
        write_split_cache(path, key, images, labels)
    return images, labels


def read_split_cache(path: Path, key: str, count: int) -> tuple[torch.Tensor, torch.Tensor] | None:
    """The cached split at `path` if it is whole and made for `key` with `count` images, else None. Read straight
    into the tensor whose views it returns (no second copy)."""
    try:
        with path.open("rb") as f:
            buffer = torch.empty(os.fstat(f.fileno()).st_size, dtype=torch.uint8)
            if f.readinto(memoryview(buffer.numpy())) != len(buffer):
                return None
    except OSError:
        return None
    raw, start = memoryview(buffer.numpy()), len(CACHE_MAGIC) + 4
    if len(raw) < start or raw[: len(CACHE_MAGIC)] != CACHE_MAGIC:
        return None
    end = start + int.from_bytes(raw[len(CACHE_MAGIC) : start], "little")
    try:
        header = json.loads(bytes(raw[start:end]))
    except ValueError:
        return None
    pixels = count * 28 * 28
    if (not isinstance(header, dict) or header.get("key") != key or header.get("count") != count
            or len(raw) - end != pixels + count or header.get("crc32") != zlib.crc32(raw[end:])):
        return None
    return buffer[end : end + pixels].view(count, 28, 28), buffer[end + pixels :]


def write_split_cache(path: Path, key: str, images: torch.Tensor, labels: torch.Tensor) -> None:
    """The split written at `path` for `read_split_cache`, atomically (a reader sees the old file or the whole new
    one); silently nothing where the cache cannot be written."""
    body = images.contiguous().numpy().tobytes() + labels.to(torch.uint8).numpy().tobytes()
    header = json.dumps({"key": key, "count": len(labels), "crc32": zlib.crc32(body)}).encode()
    part = path.with_name(f".{path.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with part.open("wb") as f:
            f.write(CACHE_MAGIC + len(header).to_bytes(4, "little") + header + body)
        os.replace(part, path)
    except OSError:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)


def train_val_split(train: Split, val_size: int, seed: int) -> tuple[Split, Split | None]:
    """Hold out `val_size` training images, chosen by a fixed seed so the split is reproducible."""
    if val_size <= 0:
        return train, None
    if val_size >= len(train):
        raise TinyDigitsError(f"--val-split {val_size} leaves no training images (train has {len(train)})")
    order = torch.randperm(len(train), generator=torch.Generator().manual_seed(seed))
    return train.subset(order[val_size:]), train.subset(order[:val_size])


def to_unit(images_uint8: torch.Tensor) -> torch.Tensor:
    """uint8 [B, 28, 28] -> float [B, 1, 28, 28] in [0, 1] (background 0, so warps pad with ink-free pixels)."""
    return images_uint8.unsqueeze(1).float() / 255.0


def normalize(x: torch.Tensor) -> torch.Tensor:
    """Standardise [0, 1] images with the MNIST mean/std, as every model here expects."""
    return (x - MEAN) / STD


def batches(
    split: Split, batch_size: int, generator: torch.Generator | None = None, augment: Augment | None = None
):
    """Yield normalised (x, y) batches; shuffled and augmented when a generator is given."""
    n = len(split)
    order = torch.randperm(n, generator=generator).to(split.images.device) if generator is not None else None
    for start in range(0, n, batch_size):
        idx = order[start : start + batch_size] if order is not None else slice(start, start + batch_size)
        x = to_unit(split.images[idx])
        if augment is not None and generator is not None:
            x = augment(x, generator)
        yield normalize(x), split.labels[idx]


HOST_DRAWS = "host draws"  # the label of the host's share of `device_batches` (profiles and the census test see it)
CHUNK_BATCHES = 32  # batches a chunk: its one augmentation pass (~20 kernels) is under one kernel a step
CHUNK_BYTES = 512 << 20  # at most this much of draws a chunk (a stack of many seeds takes fewer batches a chunk)


def chunk_size(augment: Augment | None, seeds: int, batch_size: int, size: tuple[int, int] = (28, 28)) -> int:
    """Batches a chunk: `CHUNK_BATCHES`, fewer where their draws would pass `CHUNK_BYTES` on the host (and as much
    again as images on the device). Small enough that the host's draws for the next chunk overlap the steps."""
    probe = augment.draw(1, torch.Generator(), size) if augment else Draws()
    return _batches_a_chunk(8 + sum(t.numel() * t.element_size() for t in probe.tensors().values()), seeds, batch_size)


def _batches_a_chunk(per_image: int, seeds: int, batch_size: int) -> int:
    return max(1, min(CHUNK_BATCHES, CHUNK_BYTES // (per_image * seeds * batch_size)))


@dataclass(frozen=True)
class HostChunk:
    """A chunk of batches as the host makes it: every seed's image indices and augmentation draws packed into one
    buffer (pinned for a GPU), the layout to unpack it by (`like`: meta tensors, shapes and dtypes only), and the
    batches' (start, end) in the epoch."""

    buffer: torch.Tensor
    like: dict[str, torch.Tensor]
    spans: list[tuple[int, int]]


def host_chunks(n: int, batch_size: int, generators: list[torch.Generator], augment: Augment | None,
                size: tuple[int, int], device: torch.device, chunk_batches: int | None = None,
                draw_threads: int = 1) -> Iterator[HostChunk]:
    """The host's half of an epoch for `device_batches`: each seed's order, then chunk by chunk its augmentation
    draws, from its own generator in the order `batches` draws them (so the images of a CPU run). Seeds draw in
    `draw_threads` threads side by side (torch's ops leave Python's lock while they draw): each generator is used by
    one thread at a time and in its own order, so the bits do not depend on the threads."""
    seeds = len(generators)
    with torch.profiler.record_function(HOST_DRAWS):
        orders = [torch.randperm(n, generator=g) for g in generators]
        chunk_batches = chunk_batches or chunk_size(augment, seeds, batch_size, size)
    starts = list(range(0, n, batch_size))
    pool = ThreadPoolExecutor(draw_threads, thread_name_prefix="tinydigits-draws") if draw_threads > 1 else None
    try:
        for c in range(0, len(starts), chunk_batches):
            spans = [(s, min(s + batch_size, n)) for s in starts[c : c + chunk_batches]]

            def seed_draws(g: int, spans: list[tuple[int, int]] = spans) -> list[Draws]:
                with torch.profiler.record_function(HOST_DRAWS):
                    return [augment.draw(b - a, generators[g], size) for a, b in spans]

            with torch.profiler.record_function(HOST_DRAWS):
                parts = {"index": [orders[g][a:b] for a, b in spans for g in range(seeds)]}  # batch-major
                if augment:
                    per_seed = list(pool.map(seed_draws, range(seeds)) if pool else map(seed_draws, range(seeds)))
                    draws = [per_seed[g][k].tensors() for k in range(len(spans)) for g in range(seeds)]
                    parts |= {name: [d[name] for d in draws] for name in draws[0]}
                chunk = HostChunk(*pack(parts, device), spans)
            yield chunk  # outside the scope: what the consumer does with it is not the host's draws
    finally:
        if pool is not None:
            pool.shutdown(wait=True)


def device_batches(splits: list[Split], batch_size: int, generators: list[torch.Generator], augment: Augment | None,
                   chunk_batches: int | None = None, prefetch: Callable[[Iterator], Iterator] | None = None,
                   draw_threads: int = 1, draws: list[torch.Generator] | None = None):
    """Every seed's epoch, for a GPU: yields normalised x [B, G, H, W] and y [B, G], seed g's images in channel g.

    With `draws` None the host makes a chunk of batches at a time (`host_chunks`: the seeds' orders and draws from
    `generators`, the images of a CPU run, in one buffer), in a thread ahead of the step where `prefetch` is given
    (`training.prefetch.ahead`); the buffer reaches the device in one non-blocking copy. With `draws` (a generator a
    seed, where the images are) the orders and draws are made there (`drawn_batches`): the host only launches. Either
    way the whole chunk is gathered, augmented and normalised on the device in one pass, and each step's batch is a
    slice of it: a view, no kernel and no wait for the device."""
    if draws is not None:
        yield from drawn_batches(splits, batch_size, draws, augment, chunk_batches)
        return
    seeds, n, device = len(splits), len(splits[0]), splits[0].images.device
    shared = all(s.images is splits[0].images for s in splits)  # no validation draws: one gather serves every seed
    augment = augment if augment is not None and augment.active else None
    chunks = host_chunks(n, batch_size, generators, augment, tuple(splits[0].images.shape[-2:]), device, chunk_batches,
                         draw_threads)
    for chunk in (prefetch(chunks) if prefetch is not None else chunks):
        moved = unpack(to_device(chunk.buffer, device), chunk.like)
        index, params = moved.pop("index"), augment.prepare(Draws(**moved)) if augment else None
        if shared:
            images, labels = splits[0].images[index], splits[0].labels[index]
        else:  # seed g's rows from its own split, batch by batch
            at, parts = 0, []
            for a, b in chunk.spans:
                rows = index[at : at + (b - a) * seeds].reshape(seeds, b - a)
                parts += [(s.images[i], s.labels[i]) for s, i in zip(splits, rows, strict=True)]
                at += (b - a) * seeds
            images, labels = torch.cat([p[0] for p in parts]), torch.cat([p[1] for p in parts])
        x = to_unit(images)
        if params is not None:
            x = augment.apply(x, params)
        x = normalize(x)
        h, w = x.shape[-2:]
        at = 0
        for a, b in chunk.spans:
            count = (b - a) * seeds
            yield x[at : at + count].reshape(seeds, b - a, h, w).transpose(0, 1), labels[at : at + count].reshape(
                seeds, b - a).t()
            at += count


def drawn_batches(splits: list[Split], batch_size: int, draws: list[torch.Generator], augment: Augment | None,
                  chunk_batches: int | None = None) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
    """`device_batches` with every random number drawn where the generators `draws` live (one a seed; a GPU's): each
    seed's order once an epoch, then a chunk at a time its augmentation (`Augment.draw_where`: two draws a seed a
    chunk), the chunk held seed-major [G, images]. A seed's numbers depend on its generator and the chunk's size
    only, not on the seeds beside it. Nothing is drawn or read on the host: no copy to the device, no wait."""
    seeds, n, device = len(splits), len(splits[0]), splits[0].images.device
    size = tuple(splits[0].images.shape[-2:])
    shared = all(s.images is splits[0].images for s in splits)
    augment = augment if augment is not None and augment.active else None
    orders = torch.empty(seeds, n, dtype=torch.long, device=device)
    for g, gen in enumerate(draws):
        torch.randperm(n, generator=gen, out=orders[g])
    # A chunk's draws on the device: its uniforms and noise pixels, float32 (counted, not drawn: no host generator).
    per_image = 8 + 4 * (augment.uniforms + (size[0] * size[1] if augment.noise else 0)) if augment else 8
    chunk_batches = chunk_batches or _batches_a_chunk(per_image, seeds, batch_size)
    starts = list(range(0, n, batch_size))
    for c in range(0, len(starts), chunk_batches):
        first, last = starts[c], min(starts[min(c + chunk_batches, len(starts)) - 1] + batch_size, n)
        m, index = last - first, orders[:, first:last]
        if shared:
            images, labels = splits[0].images[index], splits[0].labels[index]
        else:  # seed g's rows from its own split
            images = torch.stack([s.images[i] for s, i in zip(splits, index, strict=True)])
            labels = torch.stack([s.labels[i] for s, i in zip(splits, index, strict=True)])
        x = to_unit(images.reshape(seeds * m, *size))
        if augment is not None:
            x = augment.apply(x, augment.prepare(augment.draw_where(m, draws, size)))
        x = normalize(x).reshape(seeds, m, *size)
        for a in starts[c : c + chunk_batches]:
            b = min(a + batch_size, n)
            yield x[:, a - first : b - first].transpose(0, 1), labels[:, a - first : b - first].t()


def pack(parts: dict[str, list[torch.Tensor]], device: torch.device) -> tuple[torch.Tensor, dict[str, torch.Tensor]]:
    """Each name's tensors concatenated, all names in one byte buffer (each at an 8-byte boundary), pinned when it goes
    to a GPU, so one copy moves them all; with the layout to read them back by (`unpack`: meta tensors of their shapes
    and dtypes). Written in place (`torch.cat(out=)`): the draws are copied once, into the buffer."""
    like, at = {}, 0
    for name, tensors in parts.items():
        first = tensors[0]
        like[name] = torch.empty((sum(len(t) for t in tensors), *first.shape[1:]), dtype=first.dtype, device="meta")
        at += _padded(like[name].numel() * first.element_size())
    buffer = torch.empty(at, dtype=torch.uint8, pin_memory=device.type == "cuda")
    at = 0
    for name, tensors in parts.items():
        size = like[name].numel() * like[name].element_size()
        torch.cat(tensors, out=buffer[at : at + size].view(like[name].dtype).view(like[name].shape))
        at += _padded(size)
    return buffer, like


def _padded(size: int) -> int:
    return size + (-size % 8)


def to_device(buffer: torch.Tensor, device: torch.device) -> torch.Tensor:
    """The one host-to-device copy of a chunk: non-blocking from pinned memory (a copy even on a CPU, so a count of
    copies sees it there too)."""
    return buffer.to(device, non_blocking=True, copy=True)


def unpack(buffer: torch.Tensor, like: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """`pack`'s tensors back, as views of `buffer` (on its device) with the shapes and dtypes of `like` (the packed
    tensors themselves, or their meta twins)."""
    out, at = {}, 0
    for name, t in like.items():
        size = t.numel() * t.element_size()
        out[name] = buffer[at : at + size].view(t.dtype).reshape(t.shape)
        at += _padded(size)
    return out
