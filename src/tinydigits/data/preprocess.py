"""Turn any image of a digit into the 28x28 input MNIST itself would have made of it.

MNIST's recipe: light ink on a dark background, the digit's bounding box scaled (anti-aliased) so
its longer side is 20 px, then pasted into 28x28 with its centre of mass at the centre. Numpy, scipy and
Pillow only (no torch), so the ONNX deployment path stays torch-free.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import numpy as np
from PIL import Image, UnidentifiedImageError
from scipy import ndimage

from tinydigits.constants import DIGIT_BOX, IMAGE_SIZE, MEAN, STD
from tinydigits.errors import TinyDigitsError

MAX_PIXELS = 25_000_000  # larger images are refused before decoding (decompression-bomb guard)
Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # Pillow's own guard (warns above, raises above twice) at the same limit
MAX_BYTES = 20 * 1024 * 1024
INK_THRESHOLD = 0.02  # fraction of the peak ink that still counts for the bounding box (MNIST: any ink)
BACKGROUND_FRACTION = 2  # the background's window is half the image's shorter side: wider than strokes
DARKEST_PAPER = 0.25  # below this the "paper" is not paper: dark ink is not divided by it
STRONG = 0.2  # ink at this fraction of the peak or more makes the blobs that `_strokes` judges
NEAR, NEAR_SPECK = 3, 0.1  # ...unless within NEAR MNIST pixels of the largest blob and at least NEAR_SPECK of it
SPECK = 0.2  # blobs with less than this share of the largest blob's ink are specks, not strokes


class BlankImageError(TinyDigitsError):
    """The image decoded fine but holds no digit (the API answers this with 422, not 400)."""


def _label(source: str | Path | bytes, name: str | None) -> str:
    """What an error message calls the image: its given name, else its path."""
    return name or (str(source) if not isinstance(source, bytes) else "image")


def open_image(source: str | Path | bytes, name: str | None = None, max_pixels: int = MAX_PIXELS) -> Image.Image:
    """Open and fully decode an image file (or bytes) with one-line errors for every bad case. The
    pixel count is read from the header and checked before anything is decompressed."""
    label = _label(source, name)
    if isinstance(source, str | Path):
        path = Path(source)
        if not path.is_file():
            raise TinyDigitsError(f"{label}: no such file")
        if path.stat().st_size > MAX_BYTES:
            raise TinyDigitsError(f"{label}: file larger than {MAX_BYTES // (1024 * 1024)} MiB")
        source = path.read_bytes()
    if len(source) > MAX_BYTES:
        raise TinyDigitsError(f"{label}: larger than {MAX_BYTES // (1024 * 1024)} MiB")
    try:
        with warnings.catch_warnings():  # Pillow's bomb warning becomes our one-line error, not stderr noise
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(source))
    except UnidentifiedImageError:
        raise TinyDigitsError(f"{label}: not an image file") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise TinyDigitsError(f"{label}: above the {max_pixels:,}-pixel limit") from None
    except Exception as err:  # Pillow's plugins raise OSError, SyntaxError, ValueError... on a damaged header
        raise TinyDigitsError(f"{label}: corrupt or truncated image ({type(err).__name__}: {err})") from None
    if img.width * img.height > max_pixels:
        raise TinyDigitsError(f"{label}: {img.width}x{img.height} is above the {max_pixels:,}-pixel limit")
    try:
        img.load()
    except Exception as err:  # as above: the decoder's error types vary by format
        raise TinyDigitsError(f"{label}: corrupt or truncated image ({type(err).__name__}: {err})") from None
    return img


def to_gray(img: Image.Image) -> np.ndarray:
    """Any mode (L, RGB, RGBA, P, 16-bit I;16, I, F) -> float32 luminance in [0, 1].

    Transparency is flattened onto whichever background contrasts with the visible ink, so a
    stroke drawn on a transparent canvas survives whatever its colour.
    """
    if img.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        arr = np.asarray(img, dtype=np.float32)
        top = 65535.0 if img.mode.startswith("I;16") or arr.max() > 255 else 255.0
        return np.clip(arr / top, 0, 1)
    if img.mode in ("P", "LA", "PA") or "transparency" in img.info:
        img = img.convert("RGBA")
    if img.mode == "RGBA":
        rgba = np.asarray(img, dtype=np.float32) / 255.0
        alpha = rgba[..., 3]
        lum = rgba[..., :3] @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
        if alpha.min() < 0.99:
            visible = alpha > 0.5
            ink_is_light = visible.any() and float(lum[visible].mean()) > 0.5
            background = 0.0 if ink_is_light else 1.0
            return lum * alpha + background * (1 - alpha)
        return lum
    return np.asarray(img.convert("L"), dtype=np.float32) / 255.0


def _border_level(image: np.ndarray) -> float:
    """Median of the outermost pixels: the background of a digit picture."""
    return float(np.median(np.concatenate([image[0], image[-1], image[:, 0], image[:, -1]])))


def needs_inversion(gray: np.ndarray) -> bool:
    """Dark ink on a light background? Judged by the border, which is background in a digit photo."""
    return _border_level(gray) > 0.5


def _ink(gray: np.ndarray, invert: bool) -> np.ndarray:
    """Ink above its background, >= 0. The background is what varies slowly - paper lit from one side,
    fog, a grey scan: a grey closing (dark ink on paper) or opening (light ink) wider than any stroke
    keeps it and drops the strokes. Dark ink is divided by the paper's light, so a stroke in the shade
    stays as strong as one in the light. Then the noise floor (3 robust standard deviations of the
    background) is taken off, so sensor noise does not widen the digit's box."""
    size = (max(3, min(gray.shape) // BACKGROUND_FRACTION),) * 2
    if invert:
        paper = ndimage.grey_closing(gray, size=size)
        ink = np.clip(paper - gray, 0, None) / np.maximum(paper, DARKEST_PAPER)
    else:
        ink = np.clip(gray - ndimage.grey_opening(gray, size=size), 0, None)
    floor = 3 * 1.4826 * float(np.median(np.abs(ink - np.median(ink))))
    return np.clip(ink - floor, 0, None)


def _strokes(ink: np.ndarray) -> np.ndarray:
    """Keep the digit, drop specks: connected blobs of strong ink (>= STRONG of the peak) whose ink is at
    least SPECK of the largest blob's, or at least NEAR_SPECK of it within NEAR MNIST pixels (a 3's separate
    top bar), plus one MNIST pixel around them for the anti-aliased edge. Salt noise, spatter, dotted lines
    and stray marks away from the digit otherwise widened its box and shrank the digit (docs/robustness.md)."""
    blobs, count = ndimage.label(ink >= STRONG * ink.max(), structure=np.ones((3, 3)))
    if count <= 1:
        return ink
    pixel = max(1, round(max(ink.shape) / IMAGE_SIZE))  # one MNIST pixel, in this image's pixels
    index = np.arange(1, count + 1)
    mass = ndimage.sum_labels(ink, blobs, index)
    gap = ndimage.minimum(ndimage.distance_transform_edt(blobs != index[mass.argmax()]), blobs, index) / pixel
    kept = (mass >= SPECK * mass.max()) | ((gap <= NEAR) & (mass >= NEAR_SPECK * mass.max()))
    return np.where(ndimage.maximum_filter(np.concatenate([[False], kept])[blobs], size=2 * pixel + 1), ink, 0.0)


def mnist_like(gray: np.ndarray, invert: bool | None = None, label: str = "image") -> np.ndarray:
    """float [H, W] in [0, 1] -> float32 [28, 28] in [0, 1], light digit centred on black."""
    if invert is None:
        invert = needs_inversion(gray)
    ink = _ink(gray, invert)
    peak = float(ink.max())
    if peak < 0.1:
        raise BlankImageError(f"{label}: blank image (no ink found)")
    ink = _strokes(ink / peak)
    # Strokes at full strength, as MNIST's are: scale by the typical strong pixel, not by the single brightest
    # (a noise spike or a crossing would leave the rest of a photographed digit grey).
    ink = np.clip(ink / float(np.percentile(ink[ink >= 0.5], 90)), 0, 1)
    ys, xs = np.nonzero(ink > INK_THRESHOLD)
    crop = ink[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]
    h, w = crop.shape
    scale = DIGIT_BOX / max(h, w)
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    small = crop.astype(np.float32)
    if size != (w, h):
        small = np.clip(np.asarray(Image.fromarray(small).resize(size, Image.Resampling.LANCZOS)), 0, 1)
    total = small.sum()
    cy = (small.sum(axis=1) * np.arange(small.shape[0])).sum() / total
    cx = (small.sum(axis=0) * np.arange(small.shape[1])).sum() / total
    # MNIST put the centre of mass (in pixel indices) at (14, 14): measured mean 13.99 / 14.00 on its test set.
    top, left = int(round(IMAGE_SIZE / 2 - cy)), int(round(IMAGE_SIZE / 2 - cx))
    out = np.zeros((IMAGE_SIZE, IMAGE_SIZE), dtype=np.float32)
    # Paste with clipping at the edges (a very lopsided digit may lose a sliver, as in MNIST).
    y0, x0 = max(top, 0), max(left, 0)
    y1, x1 = min(top + small.shape[0], IMAGE_SIZE), min(left + small.shape[1], IMAGE_SIZE)
    out[y0:y1, x0:x1] = small[y0 - top : y1 - top, x0 - left : x1 - left]
    return out


def load_digit(source: str | Path | bytes, invert: bool | None = None, name: str | None = None,
               max_pixels: int = MAX_PIXELS) -> np.ndarray:
    """File or bytes -> the 28x28 [0, 1] image the model sees (before normalisation)."""
    return mnist_like(to_gray(open_image(source, name, max_pixels)), invert, _label(source, name))


def normalize(images: np.ndarray) -> np.ndarray:
    """[N, 28, 28] in [0, 1] -> float32 [N, 1, 28, 28] standardised like the training data."""
    return ((images.astype(np.float32) - MEAN) / STD)[:, None]


def to_png(image: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray((np.clip(image, 0, 1) * 255).round().astype(np.uint8)).save(buffer, format="PNG")
    return buffer.getvalue()
