"""`tinydigits export`: write ONNX, then prove it with ONNX Runtime on the whole test set."""

from __future__ import annotations

import contextlib
import io
import logging
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from tinydigits import models
from tinydigits.constants import MEAN, STD
from tinydigits.data import mnist
from tinydigits.errors import TinyDigitsError
from tinydigits.training import runs

OPSET = 18


def to_onnx(model: torch.nn.Module, path: Path, name: str) -> None:
    """Export with a dynamic batch axis (input 'image' [N, 1, 28, 28] normalised, output 'logits')."""
    import onnx

    model = model.cpu().eval().to(memory_format=torch.contiguous_format)
    example = torch.zeros(2, 1, 28, 28)
    tmp = path.with_name(f".{path.name}.part")
    # The exporter narrates its passes on stdout and warns about internals; keep the CLI's output ours.
    quiet_logger = logging.getLogger("torch.onnx")
    level = quiet_logger.level
    try:
        with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            quiet_logger.setLevel(logging.ERROR)
            torch.onnx.export(model, (example,), str(tmp), input_names=["image"], output_names=["logits"],
                              dynamic_shapes={"x": {0: torch.export.Dim("batch")}}, opset_version=OPSET, dynamo=True,
                              external_data=False)
        proto = onnx.load(str(tmp))
    finally:
        quiet_logger.setLevel(level)
        tmp.unlink(missing_ok=True)
    for key, value in {"tinydigits_model": name, "params": str(models.count_params(model)),
                       "normalisation": f"(x/255 - {MEAN}) / {STD}"}.items():
        proto.metadata_props.add(key=key, value=value)
    onnx.checker.check_model(proto)
    runs.atomic_write(path, lambda t: onnx.save(proto, t))


@dataclass
class Agreement:
    images: int
    same_argmax: int
    max_abs_logit_diff: float
    onnx_accuracy: float
    torch_accuracy: float


def verify(model: torch.nn.Module, onnx_path: Path, test: mnist.Split, batch_size: int = 1000) -> Agreement:
    """Run PyTorch and ONNX Runtime side by side on every test image."""
    from tinydigits.use.predict import onnx_classifier, wrap_torch

    run_onnx, run_torch = onnx_classifier(onnx_path), wrap_torch(model.cpu().eval())
    same = correct_onnx = correct_torch = 0
    max_diff = 0.0
    for x, y in mnist.batches(test, batch_size):
        x, y = x.cpu().numpy(), y.cpu().numpy()
        ref, got = run_torch(x), run_onnx(x)
        max_diff = max(max_diff, float(np.abs(ref - got).max()))
        same += int((ref.argmax(1) == got.argmax(1)).sum())
        correct_onnx += int((got.argmax(1) == y).sum())
        correct_torch += int((ref.argmax(1) == y).sum())
    n = len(test)
    return Agreement(n, same, max_diff, 100.0 * correct_onnx / n, 100.0 * correct_torch / n)


def export(model_path: str, onnx_path: str, data_dir: str | None = None) -> Agreement:
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
    except ImportError:
        raise TinyDigitsError("ONNX export needs onnx and onnxruntime: pip install 'tinydigits[export]'") from None
    model, ckpt = runs.load_model(model_path, "cpu")
    out = Path(onnx_path)
    if not out.parent.is_dir():
        raise TinyDigitsError(f"{out.parent}: no such folder for the ONNX file")
    test = mnist.load_split("test", data_dir)  # before writing anything: a missing dataset fails early
    to_onnx(model, out, ckpt["model"])
    return verify(model, out, test)
