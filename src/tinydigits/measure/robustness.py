"""`tinydigits robustness`: the test set under shifts that keep the class, as a model sees them and as
a user's image goes through `predict`.

Two families of shifts, each generated deterministically from `--seed` with numpy / scipy / Pillow:
MNIST-C's kinds (Mu & Gilmer 2019: noise, blur, affine, brightness, stripe, fog, spatter, lines,
edges; re-implemented here with the same ideas and milder or equal severities, not their exact code)
and what users' images do (stroke width, slant, low resolution, JPEG, off-centre, a photo of a dark
digit on light paper under uneven light). Two columns per shift:
- model: the shifted 28x28 image, normalised, straight into the model (what MNIST-C measures);
- as a user's image: the shifted image written as PNG (JPEG for the JPEG shift) and read back through
  `predict`'s own preprocessing (`preprocess.load_digit`): inversion, ink crop, 20 px box, centring.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image
from scipy import ndimage

from tinydigits import files
from tinydigits.data import preprocess
from tinydigits.errors import TinyDigitsError
from tinydigits.training.cores import machine_cores
from tinydigits.use import predict

Shift = Callable[[np.ndarray, np.random.Generator], np.ndarray]  # [H, W] in [0, 1] -> [H, W] in [0, 1]


def _affine(img: np.ndarray, matrix: np.ndarray, offset: np.ndarray | None = None) -> np.ndarray:
    """Warp about the image centre (output -> input matrix), bilinear, zero background."""
    centre = (np.array(img.shape) - 1) / 2
    shift = centre - matrix @ centre + (0 if offset is None else offset)
    return ndimage.affine_transform(img, matrix, offset=shift, order=1, mode="constant", cval=0.0)


def _rotate(img, rng):
    angle = np.deg2rad(rng.uniform(20, 40) * rng.choice([-1, 1]))
    c, s = np.cos(angle), np.sin(angle)
    return _affine(img, np.array([[c, -s], [s, c]]))


def _shear(img, rng):
    return _affine(img, np.array([[1, 0], [rng.uniform(0.25, 0.45) * rng.choice([-1, 1]), 1]]))


def _scale(img, rng):
    return _affine(img, np.eye(2) / rng.uniform(0.6, 0.75))


def _translate(img, rng):
    return ndimage.shift(img, rng.uniform(3, 5, 2) * rng.choice([-1, 1], 2), order=1, mode="constant")


def _motion_blur(img, rng):
    length, angle = 7, rng.uniform(0, np.pi)
    kernel = np.zeros((length, length))
    for t in np.linspace(-(length - 1) / 2, (length - 1) / 2, 4 * length):
        kernel[int(round(length // 2 + t * np.sin(angle))), int(round(length // 2 + t * np.cos(angle)))] = 1
    return ndimage.convolve(img, kernel / kernel.sum(), mode="constant")


def _glass_blur(img, rng):
    out = ndimage.gaussian_filter(img, 0.7)
    for _ in range(2):  # swap each pixel with a random neighbour, as MNIST-C's glass blur does
        dy, dx = rng.integers(-1, 2, img.shape), rng.integers(-1, 2, img.shape)
        ys, xs = np.indices(img.shape)
        out = out[np.clip(ys + dy, 0, img.shape[0] - 1), np.clip(xs + dx, 0, img.shape[1] - 1)]
    return ndimage.gaussian_filter(out, 0.7)


def _line(img, rng, dotted: bool, zigzag: bool):
    out = img.copy()
    h, w = img.shape
    y0, y1 = rng.uniform(0, h, 2)
    xs = np.linspace(0, w - 1, 4 * w)
    ys = y0 + (y1 - y0) * xs / (w - 1)
    if zigzag:
        ys = ys + 3 * np.sign(np.sin(xs / 2.5))
    keep = (np.floor(xs / 3) % 2 == 0) if dotted else np.ones_like(xs, dtype=bool)
    yi, xi = np.clip(np.round(ys[keep]).astype(int), 0, h - 1), np.round(xs[keep]).astype(int)
    out[yi, xi] = 1.0
    return out


def _spatter(img, rng):
    out = img.copy()
    ys, xs = np.indices(img.shape)
    for _ in range(rng.integers(3, 7)):
        cy, cx, r = rng.uniform(0, img.shape[0]), rng.uniform(0, img.shape[1]), rng.uniform(0.8, 1.8)
        out[(ys - cy) ** 2 + (xs - cx) ** 2 <= r * r] = rng.uniform(0.5, 1.0)
    return out


def _fog(img, rng):
    coarse = rng.uniform(0, 1, (4, 4))
    fog = np.asarray(Image.fromarray(coarse.astype(np.float32)).resize(img.shape[::-1], Image.Resampling.BICUBIC))
    return np.clip(img + 0.45 * np.clip(fog, 0, 1), 0, 1)


def _stripe(img, rng):
    out = img.copy()
    x = rng.integers(4, img.shape[1] - 8)
    out[:, x : x + 4] = 1.0 - out[:, x : x + 4]  # MNIST-C's stripe: a band of inverted columns
    return out


def _edges(img, rng):
    magnitude = np.hypot(ndimage.sobel(img, 0), ndimage.sobel(img, 1))
    return (magnitude > 0.5 * magnitude.max()).astype(np.float32) if magnitude.max() > 0 else img


def _low_resolution(img, rng):
    side = int(rng.integers(8, 13))
    small = Image.fromarray(img.astype(np.float32)).resize((side, side), Image.Resampling.BILINEAR)
    return np.clip(np.asarray(small.resize(img.shape[::-1], Image.Resampling.BILINEAR)), 0, 1)


def _jpeg(img, rng):
    return np.asarray(Image.open(io.BytesIO(_encode(img, "JPEG")))).astype(np.float32) / 255.0


def _off_centre(img, rng):
    return ndimage.shift(img, rng.uniform(6, 8, 2) * rng.choice([-1, 1], 2), order=1, mode="constant")


def _photo(img, rng):
    """Dark ink on light paper, lit from one side, with sensor noise."""
    light = np.linspace(rng.uniform(0.45, 0.6), 1.0, img.shape[1])[None, :]
    light = light if rng.random() < 0.5 else light[:, ::-1]
    paper = (1.0 - 0.85 * img) * light
    return np.clip(paper + rng.normal(0, 0.03, img.shape), 0, 1)


SHIFTS: dict[str, tuple[str, Shift]] = {
    "shot noise": ("MNIST-C", lambda x, r: np.clip(r.poisson(x * 20) / 20, 0, 1)),
    "impulse noise": ("MNIST-C", lambda x, r: np.where(r.random(x.shape) < 0.08, r.integers(0, 2, x.shape), x)),
    "glass blur": ("MNIST-C", _glass_blur),
    "motion blur": ("MNIST-C", _motion_blur),
    "shear": ("MNIST-C", _shear),
    "scale": ("MNIST-C", _scale),
    "rotate": ("MNIST-C", _rotate),
    "translate": ("MNIST-C", _translate),
    "brightness": ("MNIST-C", lambda x, r: np.clip(x + 0.35, 0, 1)),
    "stripe": ("MNIST-C", _stripe),
    "fog": ("MNIST-C", _fog),
    "spatter": ("MNIST-C", _spatter),
    "dotted line": ("MNIST-C", lambda x, r: _line(x, r, dotted=True, zigzag=False)),
    "zigzag": ("MNIST-C", lambda x, r: _line(x, r, dotted=False, zigzag=True)),
    "canny edges": ("MNIST-C", _edges),
    "thin strokes": ("user", lambda x, r: ndimage.grey_erosion(x, size=(2, 2))),
    "thick strokes": ("user", lambda x, r: ndimage.grey_dilation(x, size=(3, 3))),
    "slant": ("user", lambda x, r: _affine(x, np.array([[1, 0], [-0.35, 1]]))),
    "low resolution": ("user", _low_resolution),
    "JPEG q10": ("user", _jpeg),
    "off-centre, cropped": ("user", _off_centre),
    "photo, uneven light": ("user", _photo),
}


def _encode(img: np.ndarray, fmt: str = "PNG") -> bytes:
    buffer = io.BytesIO()
    kwargs = {"quality": 10} if fmt == "JPEG" else {}
    Image.fromarray((np.clip(img, 0, 1) * 255).round().astype(np.uint8)).save(buffer, format=fmt, **kwargs)
    return buffer.getvalue()


def shifted(name: str, images: np.ndarray, seed: int) -> np.ndarray:
    """Every image under one shift; the same seed gives the same images."""
    index = list(SHIFTS).index(name)
    rng = np.random.default_rng([seed, index])
    fn = SHIFTS[name][1]
    return np.stack([fn(img, rng) for img in images]).astype(np.float32)


def as_user_image(image: np.ndarray, name: str) -> np.ndarray | None:
    """The shifted digit as a file a user would upload, through predict's preprocessing (None: refused as blank)."""
    try:
        return preprocess.load_digit(_encode(image, "JPEG" if name.startswith("JPEG") else "PNG"))
    except preprocess.BlankImageError:
        return None


@dataclass
class ShiftResult:
    name: str
    family: str
    model_acc: float
    user_acc: float
    example: np.ndarray
    example_pred: int


def _accuracy(classify, images: np.ndarray, labels: np.ndarray) -> tuple[float, np.ndarray]:
    logits = predict.logits_of(classify, preprocess.normalize(images))
    return predict.accuracy(logits, labels), logits.argmax(1)


def prepare(name: str, images: np.ndarray, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One shift's images as the model sees them, as predict's preprocessing makes them (zeros where
    it refused the image as blank), and which were refused."""
    warped = shifted(name, images, seed) if name != "clean" else images
    users = [as_user_image(x, name) for x in warped]
    seen = np.stack([u if u is not None else np.zeros_like(warped[0]) for u in users])
    return warped, seen, np.array([u is None for u in users])


def evaluate(classify, images: np.ndarray, labels: np.ndarray, seed: int = 0, jobs: int = 1, log=print) -> dict[str, Any]:
    """Accuracy on clean images and under every shift, as the model sees them and as a user's image.
    The images are made in `jobs` processes (per-image Pillow/scipy work); the model runs here."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    start = time.perf_counter()
    names = ["clean", *SHIFTS]
    with ProcessPoolExecutor(max_workers=max(1, jobs), mp_context=get_context("spawn")) as pool:
        made = pool.map(prepare, names, [images] * len(names), [seed] * len(names))
        rows, clean, clean_user = [], 0.0, 0.0
        for name, (warped, seen, refused) in zip(names, made, strict=True):
            model_acc, _ = _accuracy(classify, warped, labels)
            user_acc, preds = _accuracy(classify, seen, labels)
            user_acc -= 100.0 * float((refused & (preds == labels)).mean())  # a refused image counts as an error
            if name == "clean":
                clean, clean_user = model_acc, user_acc
                continue
            rows.append(ShiftResult(name, SHIFTS[name][0], model_acc, user_acc, warped[0], int(preds[0])))
            log(f"{name:<22} model {model_acc:6.2f}%   as a user's image {user_acc:6.2f}%")
    return {"clean": clean, "clean_user": clean_user, "rows": rows, "images": len(images), "seed": seed,
            "seconds": time.perf_counter() - start}


def _err_ratio(acc: float, clean: float) -> float:
    return (100.0 - acc) / max(100.0 - clean, 1e-9)


def summary(result: dict[str, Any]) -> dict[str, Any]:
    rows = result["rows"]
    table = [{"shift": r.name, "family": r.family, "model_acc": r.model_acc,
              "model_error_x": _err_ratio(r.model_acc, result["clean"]), "user_acc": r.user_acc,
              "user_error_x": _err_ratio(r.user_acc, result["clean_user"])} for r in rows]
    mean = lambda key: sum(t[key] for t in table) / len(table)
    return {"images": result["images"], "seed": result["seed"], "seconds": result["seconds"], "clean_acc": result["clean"],
            "clean_user_acc": result["clean_user"], "shifts": table,
            "mean": {k: mean(k) for k in ("model_acc", "model_error_x", "user_acc", "user_error_x")}}


def render(s: dict[str, Any], model: str, command: str) -> str:
    lines = ["| shift | family | model % | error × clean | as a user's image % | error × clean |", "|---|---|---|---|---|---|"]
    lines.append(f"| clean | - | {s['clean_acc']:.2f} | 1.0 | {s['clean_user_acc']:.2f} | 1.0 |")
    for t in s["shifts"]:
        lines.append(f"| {t['shift']} | {t['family']} | {t['model_acc']:.2f} | {t['model_error_x']:.1f} | "
                     f"{t['user_acc']:.2f} | {t['user_error_x']:.1f} |")
    m = s["mean"]
    lines.append(f"| **mean over shifts** | | **{m['model_acc']:.2f}** | **{m['model_error_x']:.1f}** | "
                 f"**{m['user_acc']:.2f}** | **{m['user_error_x']:.1f}** |")
    return (f"# robustness: {model}\n\n`{command}` ({s['images']:,} test images, seed {s['seed']}, {s['seconds']:.0f} s)\n\n"
            + "\n".join(lines) + "\n\n![one example per shift](robustness.png)\n\n"
            "model: the shifted 28×28 image straight into the model (as MNIST-C measures); as a user's image: written "
            "as PNG (JPEG for the JPEG shift) and read back through `predict`'s preprocessing. error × clean: the "
            "error rate relative to the same column's clean error.\n")


def plot(result: dict[str, Any], path: Path) -> None:
    from tinydigits.results.figures import plt, save_figure

    rows = result["rows"]
    cols = 8
    fig, axes = plt.subplots((len(rows) + cols - 1) // cols, cols, figsize=(cols * 1.3, 1.6 * ((len(rows) + cols - 1) // cols)))
    for ax in axes.flat:
        ax.axis("off")
    for ax, r in zip(axes.flat, rows, strict=False):
        ax.imshow(r.example, cmap="gray", vmin=0, vmax=1)
        ax.set_title(f"{r.name}\n-> {r.example_pred}", fontsize=7)
    fig.tight_layout()
    save_figure(fig, path)


def run(model: str, *, backend: str, out: str | None, seed: int, limit: int | None, json_path: str | None,
        data_dir: str | None, command: str) -> dict[str, Any]:
    from tinydigits.data import mnist

    classify = predict.load_classifier(model, backend)
    test = mnist.load_split("test", data_dir)
    n = min(limit or len(test), len(test))
    images = test.images[:n].numpy().astype(np.float32) / 255.0
    labels = test.labels[:n].numpy()
    result = evaluate(classify, images, labels, seed, jobs=machine_cores())
    s = summary(result)
    target = Path(model)
    folder = Path(out) if out else (target if target.is_dir() else target.parent)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise TinyDigitsError(f"cannot create output folder {folder}: {err.strerror}") from None
    files.write_text(folder / "robustness.md", render(s, str(model), command))
    files.write_json(folder / "robustness.json", s)  # what `serve` (no run named) ranks runs by
    plot(result, folder / "robustness.png")
    if json_path:
        files.write_json(Path(json_path), s)
    s["folder"] = str(folder)
    return s


def format_table(s: dict[str, Any]) -> str:
    m = s["mean"]
    return (f"clean {s['clean_acc']:.2f}% (as a user's image {s['clean_user_acc']:.2f}%); mean over {len(s['shifts'])} shifts: "
            f"model {m['model_acc']:.2f}% ({m['model_error_x']:.1f}x the clean error), as a user's image "
            f"{m['user_acc']:.2f}% ({m['user_error_x']:.1f}x); {s['seconds']:.0f} s\n"
            f"{Path(s['folder']) / 'robustness.md'}")
