"""`tinydigits predict`: classify image files with a trained run (PyTorch) or an exported ONNX file.

The ONNX path imports onnxruntime and numpy only, never torch, so it can ship on its own.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from tinydigits.data import preprocess
from tinydigits.errors import TinyDigitsError


class Classifier(Protocol):
    def __call__(self, batch: np.ndarray) -> np.ndarray:
        """normalised float32 [N, 1, 28, 28] -> logits [N, 10]"""


def torch_classifier(model_path: str | Path) -> Classifier:
    from tinydigits.training.runs import load_model

    return wrap_torch(load_model(model_path, "cpu")[0])


def wrap_torch(model) -> Classifier:
    """A loaded nn.Module as a numpy-in, numpy-out Classifier."""
    import torch

    def run(batch: np.ndarray) -> np.ndarray:
        with torch.no_grad():
            return model(torch.from_numpy(batch)).numpy()

    return run


def onnx_classifier(onnx_path: str | Path) -> Classifier:
    try:
        import onnxruntime as ort
    except ImportError:
        raise TinyDigitsError("onnxruntime is not installed: pip install 'tinydigits[export]'") from None
    path = Path(onnx_path)
    if not path.is_file():
        raise TinyDigitsError(f"{path}: no such ONNX file")
    try:
        session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    except Exception as err:  # onnxruntime raises its own exception types for a broken file
        raise TinyDigitsError(f"{path}: not a loadable ONNX model ({type(err).__name__})") from None
    name = session.get_inputs()[0].name
    return lambda batch: session.run(None, {name: batch})[0]


def load_classifier(model: str | Path, backend: str) -> Classifier:
    if backend == "onnx" or str(model).endswith(".onnx"):
        return onnx_classifier(model)
    return torch_classifier(model)


def logits_of(classifier: Classifier, inputs: np.ndarray, batch_size: int = 1000) -> np.ndarray:
    """A classifier's logits for many normalised inputs [N, 1, 28, 28], a batch at a time: the one loop behind every
    accuracy over an image set outside training (export's verification, robustness's shifts)."""
    return np.concatenate([classifier(inputs[i : i + batch_size]) for i in range(0, len(inputs), batch_size)])


def accuracy(logits: np.ndarray, labels: np.ndarray) -> float:
    """Per cent of rows whose largest logit is the label's."""
    return 100.0 * float((logits.argmax(1) == labels).mean())


def softmax(logits: np.ndarray) -> np.ndarray:
    z = np.exp(logits - logits.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


@dataclass
class Prediction:
    path: str
    digit: int
    confidence: float
    top: list[tuple[int, float]] = field(default_factory=list)
    probabilities: list[float] = field(default_factory=list)


def classify(classifier: Classifier, images: np.ndarray, names: list[str], top: int = 1) -> list[Prediction]:
    """Preprocessed [N, 28, 28] in [0, 1] -> one Prediction per image."""
    probs = softmax(classifier(preprocess.normalize(images)))
    out = []
    for name, p in zip(names, probs, strict=True):
        order = np.argsort(-p)[: max(top, 1)]
        out.append(Prediction(name, int(order[0]), float(p[order[0]]), [(int(d), float(p[d])) for d in order],
                              [float(x) for x in p]))
    return out


def _save_preprocessed(folder: Path, name: str, image: np.ndarray, used: set[str]) -> None:
    stem = Path(name).stem or "image"
    candidate, n = f"{stem}.png", 1
    while candidate in used:
        n += 1
        candidate = f"{stem}-{n}.png"
    used.add(candidate)
    (folder / candidate).write_bytes(preprocess.to_png(image))


def run(model: str, paths: list[str], *, backend: str = "torch", invert: bool | None = None, top: int = 1,
        as_json: bool = False, save_dir: str | None = None) -> int:
    """Predict every readable image; report each bad one on stderr; exit 1 when any failed."""
    classifier = load_classifier(model, backend)
    images, names, failed = [], [], 0
    save_folder, used = (Path(save_dir), set()) if save_dir else (None, set())
    if save_folder is not None:
        save_folder.mkdir(parents=True, exist_ok=True)
    for path in paths:
        try:
            image = preprocess.load_digit(path, invert)
        except TinyDigitsError as err:
            print(f"tinydigits: error: {err}", file=sys.stderr)
            failed += 1
            continue
        images.append(image)
        names.append(path)
        if save_folder is not None:
            _save_preprocessed(save_folder, path, image, used)
    results = classify(classifier, np.stack(images), names, top) if images else []
    if as_json:
        print(json.dumps([{"path": r.path, "digit": r.digit, "confidence": round(r.confidence, 6),
                           "top": [{"digit": d, "probability": round(p, 6)} for d, p in r.top]} for r in results], indent=2))
    for r in results if not as_json else []:
        runners = "  " + "  ".join(f"{d}:{p:.3f}" for d, p in r.top[1:]) if top > 1 else ""
        print(f"{r.path}\t{r.digit}\t{r.confidence:.3f}{runners}")
    return 1 if failed else 0
