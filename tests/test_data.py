from __future__ import annotations

import gzip
import struct
from pathlib import Path

import pytest
import torch

from tinydigits.data import augment, mnist
from tinydigits.errors import TinyDigitsError


def idx_bytes(array: torch.Tensor) -> bytes:
    magic = 0x0800 | array.dim()
    return struct.pack(">I", magic) + b"".join(struct.pack(">I", s) for s in array.shape) + array.numpy().tobytes()


def write(path: Path, payload: bytes) -> Path:
    path.write_bytes(gzip.compress(payload) if path.suffix == ".gz" else payload)
    return path


@pytest.mark.parametrize("suffix", [".gz", ""])
def test_decode_roundtrip(tmp_path, suffix):
    images = torch.randint(0, 256, (5, 28, 28), dtype=torch.uint8)
    path = write(tmp_path / f"x-idx3-ubyte{suffix}", idx_bytes(images))
    assert torch.equal(mnist.read_idx(path), images)


def test_truncated_raw_file_is_refused(tmp_path):
    raw = idx_bytes(torch.zeros(5, 28, 28, dtype=torch.uint8))
    path = write(tmp_path / "x-idx3-ubyte", raw[:-10])
    with pytest.raises(TinyDigitsError, match="truncated or corrupt"):
        mnist.read_idx(path)


def test_truncated_gzip_is_refused(tmp_path):
    path = tmp_path / "x-idx3-ubyte.gz"
    path.write_bytes(gzip.compress(idx_bytes(torch.randint(0, 256, (50, 28, 28), dtype=torch.uint8)))[:2000])
    with pytest.raises(TinyDigitsError, match="x-idx3-ubyte.gz.*truncated or corrupt"):
        mnist.read_idx(path)


def test_bad_magic_is_refused(tmp_path):
    path = write(tmp_path / "x", b"\x12\x34\x08\x03" + bytes(100))
    with pytest.raises(TinyDigitsError, match="bad magic"):
        mnist.read_idx(path)


def test_spec_checks_count_kind_labels_and_checksum(tmp_path):
    spec = mnist.IdxFile("t10k-labels-idx1-ubyte", 4, "0" * 64)
    wrong_count = write(tmp_path / "a", idx_bytes(torch.tensor([1, 2, 3], dtype=torch.uint8)))
    with pytest.raises(TinyDigitsError, match="shape"):
        mnist.read_idx(wrong_count, spec)
    images_instead = write(tmp_path / "b", idx_bytes(torch.zeros(4, 28, 28, dtype=torch.uint8)))
    with pytest.raises(TinyDigitsError, match="holds images.*swapped"):
        mnist.read_idx(images_instead, spec)
    bad_label = write(tmp_path / "c", idx_bytes(torch.tensor([1, 2, 3, 12], dtype=torch.uint8)))
    with pytest.raises(TinyDigitsError, match="label 12 outside 0-9"):
        mnist.read_idx(bad_label, spec)
    good_shape = write(tmp_path / "d", idx_bytes(torch.tensor([1, 2, 3, 4], dtype=torch.uint8)))
    with pytest.raises(TinyDigitsError, match="SHA-256"):
        mnist.read_idx(good_shape, spec)
    assert mnist.read_idx(good_shape, spec, verify_checksum=False).tolist() == [1, 2, 3, 4]


def test_real_mnist_loads_and_validates(mnist_dir):
    test = mnist.load_split("test", mnist_dir, quiet=True)
    assert test.images.shape == (10_000, 28, 28) and test.images.dtype == torch.uint8
    assert test.labels.bincount().tolist()[:3] == [980, 1135, 1032]


def test_swapped_test_and_train_labels_are_refused(mnist_dir, mnist_copy):
    folder = mnist_copy({"train-labels-idx1-ubyte.gz": mnist_dir / "t10k-labels-idx1-ubyte.gz"})
    with pytest.raises(TinyDigitsError, match="train-labels-idx1-ubyte.gz: shape"):
        mnist.load_split("train", folder, quiet=True)


def test_resolve_data_dir_order(monkeypatch, tmp_path):
    monkeypatch.setenv(mnist.ENV_VAR, str(tmp_path / "env"))
    assert mnist.resolve_data_dir(tmp_path / "flag") == tmp_path / "flag"
    assert mnist.resolve_data_dir() == tmp_path / "env"
    monkeypatch.delenv(mnist.ENV_VAR)
    assert mnist.resolve_data_dir() == mnist.cache_dir()


def test_download_fills_the_cache(mnist_dir, tmp_path, monkeypatch):
    """The download path end to end against a local 'mirror' (a file:// URL), no network needed."""
    monkeypatch.setenv(mnist.MIRRORS_VAR, mnist_dir.as_uri())
    paths = mnist.locate(tmp_path / "empty", quiet=True)
    assert all(p.parent == mnist.cache_dir() for p in paths.values())
    assert len(list(mnist.cache_dir().glob("*.gz"))) == 4


def test_offline_error_names_files_flag_and_variable(tmp_path):
    with pytest.raises(TinyDigitsError) as err:
        mnist.locate(tmp_path / "nowhere", quiet=True)
    message = str(err.value)
    assert "\n" not in message
    for needle in ("train-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", "--data-dir", mnist.ENV_VAR):
        assert needle in message


# ---------------------------------------------------------------- augmentation


def test_augment_keeps_shape_and_is_seed_deterministic():
    x = torch.rand(16, 1, 28, 28)
    aug = augment.Augment(degrees=15, translate=0.1, scale=(0.9, 1.1), shear=5)
    a = aug(x, torch.Generator().manual_seed(3))
    b = aug(x, torch.Generator().manual_seed(3))
    c = aug(x, torch.Generator().manual_seed(4))
    assert a.shape == x.shape and torch.equal(a, b) and not torch.equal(a, c)


def test_augment_identity_when_inactive_and_rotation_moves_ink():
    x = torch.zeros(32, 1, 28, 28)
    x[..., 4:24, 13:15] = 1.0  # a vertical bar, 32 times
    assert torch.equal(augment.Augment()(x, torch.Generator()), x)
    turned = augment.Augment(degrees=90)(x, torch.Generator().manual_seed(0))
    moved = (turned - x).abs().sum(dim=(1, 2, 3))
    assert (moved > 5).float().mean() > 0.8  # nearly every image really rotated
    assert ((turned.sum() - x.sum()) / x.sum()).abs() < 0.15  # ink is moved, not destroyed


def _bar(n: int = 32) -> torch.Tensor:
    x = torch.zeros(n, 1, 28, 28)
    x[..., 4:24, 12:15] = 1.0  # a vertical bar, 3 px wide
    return x


def test_handwriting_augments_do_what_they_say_and_are_seed_deterministic():
    x = _bar()
    elastic = augment.Augment(elastic=2.0)(x, torch.Generator().manual_seed(0))
    assert ((elastic - x).abs().sum(dim=(1, 2, 3)) > 1).all()  # every image bent
    assert ((elastic.sum() - x.sum()) / x.sum()).abs() < 0.1  # ink moved, not made or lost
    thick = augment.Augment(stroke=1.0)(x, torch.Generator().manual_seed(0)).sum(dim=(1, 2, 3))
    base = x.sum(dim=(1, 2, 3))
    assert (thick > base + 1).any() and (thick < base - 1).any()  # some strokes thicker, some thinner
    assert torch.equal(augment.Augment(stroke=1e-9)(x, torch.Generator().manual_seed(0)), x)  # chance ~0: untouched
    blurred = augment.Augment(blur=1.5)(x, torch.Generator().manual_seed(0))
    assert (blurred.amax(dim=(1, 2, 3)) < 1).float().mean() > 0.8 and torch.allclose(blurred.sum(), x.sum(), rtol=1e-3)
    noisy = augment.Augment(noise=0.2)(x, torch.Generator().manual_seed(0))
    assert noisy.min() >= 0 and noisy.max() <= 1 and (noisy[..., :3, :] > 0).any()  # noise on the background
    every = augment.Augment(degrees=7, elastic=2, stroke=0.5, blur=1, noise=0.1)
    a, b = every(x, torch.Generator().manual_seed(5)), every(x, torch.Generator().manual_seed(5))
    assert torch.equal(a, b) and not torch.equal(a, every(x, torch.Generator().manual_seed(6)))


def test_an_unused_augment_draws_no_random_numbers():
    """Adding options must not change the images of recipes that do not use them (older runs reproduce)."""
    x = torch.rand(8, 1, 28, 28)
    g1, g2 = torch.Generator().manual_seed(1), torch.Generator().manual_seed(1)
    augment.Augment(degrees=7)(x, g1)
    augment.Augment(degrees=7, elastic=0.0, stroke=0.0, blur=0.0, noise=0.0)(x, g2)
    assert torch.equal(torch.rand(3, generator=g1), torch.rand(3, generator=g2))


def test_batches_keep_labels_aligned():
    split = mnist.Split(torch.arange(10, dtype=torch.uint8).repeat_interleave(784).reshape(10, 28, 28),
                       torch.arange(10))
    seen = []
    for x, y in mnist.batches(split, 4, torch.Generator().manual_seed(0), augment.Augment(degrees=0)):
        raw = (x * mnist.STD + mnist.MEAN) * 255
        assert torch.allclose(raw[:, 0, 0, 0], y.float(), atol=1e-3)
        seen += y.tolist()
    assert sorted(seen) == list(range(10))
