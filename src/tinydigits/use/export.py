"""`tinydigits export`: write ONNX (fp32, or int8 with `--int8`), then prove it with ONNX Runtime on the whole
test set: accuracy, agreement with the model it came from, file size and batch-1 latency."""

from __future__ import annotations

import contextlib
import io
import logging
import statistics
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from tinydigits import files, models
from tinydigits.constants import MEAN, STD
from tinydigits.data import mnist
from tinydigits.errors import TinyDigitsError
from tinydigits.training import runs

OPSET = 18


def to_onnx(model: torch.nn.Module, path: Path, name: str, meta: dict[str, str] | None = None) -> None:
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
                       "normalisation": f"(x/255 - {MEAN}) / {STD}", **(meta or {})}.items():
        proto.metadata_props.add(key=key, value=value)
    strip(proto)
    onnx.checker.check_model(proto)
    files.atomic_write(path, lambda t: onnx.save(proto, t))


def strip(proto) -> None:
    """Drop what the exporter attaches to every node and to the graph (PyTorch stack traces, namespaces, the
    graph signature: ~14 KB beside a ~30 KB net) and shorten the inner tensor names (a quantizer's
    `layers.3.0.weight_bias_quantized_zero_point` is stored up to three times), so a file's size is the
    network's. The graph's input and output keep their names."""
    graph = proto.graph
    keep = {v.name for v in (*graph.input, *graph.output)} | {""}
    inner = [t.name for t in graph.initializer] + [o for n in graph.node for o in n.output]
    short = {name: f"t{i}" for i, name in enumerate(dict.fromkeys(inner)) if name not in keep}
    for node in graph.node:
        del node.metadata_props[:]
        node.doc_string, node.name = "", ""
        node.input[:] = [short.get(n, n) for n in node.input]
        node.output[:] = [short.get(n, n) for n in node.output]
    for tensor in graph.initializer:
        tensor.name = short.get(tensor.name, tensor.name)
    del graph.value_info[:]  # shapes ONNX Runtime infers again on load
    del graph.metadata_props[:]  # the exporter's graph signature (~2 KB)


@dataclass
class Agreement:
    images: int
    same_argmax: int
    max_abs_logit_diff: float
    onnx_accuracy: float  # the candidate: the ONNX file being verified
    torch_accuracy: float  # the reference it is verified against (PyTorch; for int8, the fp32 ONNX file)


def agreement(reference, candidate, test: mnist.Split, batch_size: int = 1000) -> Agreement:
    """Two classifiers (`predict.Classifier`: numpy in, logits out) side by side on every test image: how often
    they name the same digit, their largest logit difference and both accuracies."""
    from tinydigits.use.predict import accuracy, logits_of

    x = np.concatenate([x.cpu().numpy() for x, _ in mnist.batches(test, batch_size)])  # normalised, as training sees it
    y = test.labels.cpu().numpy()
    ref, got = logits_of(reference, x, batch_size), logits_of(candidate, x, batch_size)
    return Agreement(len(test), int((ref.argmax(1) == got.argmax(1)).sum()), float(np.abs(ref - got).max()),
                     accuracy(got, y), accuracy(ref, y))


def verify(model: torch.nn.Module, onnx_path: Path, test: mnist.Split, batch_size: int = 1000) -> Agreement:
    """Run PyTorch and ONNX Runtime side by side on every test image."""
    from tinydigits.use.predict import onnx_classifier, wrap_torch

    return agreement(wrap_torch(model.cpu().eval()), onnx_classifier(onnx_path), test, batch_size)


# Static int8 (ONNX Runtime's quantization tools): QDQ keeps the graph in standard ops with quantize/dequantize
# pairs around them, which ONNX Runtime fuses into int8 kernels; QOperator writes QLinearConv & co. directly.
# Measured on robust (seed 0): the same accuracy (99.49 %) and batch-1 latency in both, QOperator's file a quarter
# smaller (fewer nodes and tensors), so it is the default; QDQ stays available for runtimes that want it.
CALIBRATION_IMAGES = 2000  # training images (never the test set) that set the activations' ranges

# Weights are 7-bit (ONNX Runtime's reduce_range: -64..64). On x86 CPUs without VNNI, ONNX Runtime multiplies
# u8 activations by s8 weights with VPMADDUBSW, which adds two products in a 16-bit register and saturates:
# 2 x 255 x 127 overflows, 2 x 255 x 64 = 32,640 does not. With 8-bit weights a file verified on a VNNI machine
# named another digit on 3 % of the test set of an AVX2 laptop (docs/research-record.md has the measurements).
INT16 = 32767
MAX_ACTIVATION = 255  # u8 activations


def cpu_int8_path() -> str:
    """Which of ONNX Runtime's x86 int8 paths this CPU takes: exact on VNNI/AMX, pairwise 16-bit sums without."""
    from tinydigits.training.device import cpu_flags

    flags = cpu_flags()
    vnni = sorted(flags & {"avx512_vnni", "avx_vnni", "amx_int8"})
    if vnni:
        return f"VNNI ({', '.join(vnni)}): int32 sums"
    if "avx2" in flags:
        return "AVX2 without VNNI: u8 x s8 pairs summed in 16 bits"
    return "no VNNI or AVX2 flags reported" if flags else "CPU flags unknown (not Linux)"


def largest_int8_weight(path: Path) -> int:
    """The largest |int8 weight| of the convolutions and matmuls in an int8 ONNX file."""
    import onnx
    from onnx import numpy_helper

    graph = onnx.load(str(path)).graph
    weights = {t.name: numpy_helper.to_array(t) for t in graph.initializer if t.data_type == onnx.TensorProto.INT8}
    used = [name for node in graph.node for name in node.input if name in weights]
    return max((int(np.abs(weights[name].astype(np.int32)).max()) for name in used), default=0)


@dataclass
class Int8Result:
    fp32: Agreement  # the fp32 ONNX model against PyTorch
    images: int
    accuracy: float  # int8, on the whole test set
    same_as_fp32: int  # images where int8 and fp32 agree on the digit
    fp32_bytes: int
    int8_bytes: int
    fp32_ms: float  # batch-1 latency in ONNX Runtime, median
    int8_ms: float
    quant_format: str
    largest_weight: int  # |int8 weight|: 2 x 255 x it must fit 16 bits for CPUs without VNNI
    cpu: str  # the int8 path of the CPU it was verified on (`cpu_int8_path`)

    @property
    def exact_without_vnni(self) -> bool:
        return 2 * MAX_ACTIVATION * self.largest_weight <= INT16


def _needs_onnx(int8: bool) -> None:
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
        if int8:
            import onnxruntime.quantization  # noqa: F401
    except ImportError:
        raise TinyDigitsError("ONNX export needs onnx and onnxruntime: pip install 'tinydigits[export]'") from None


def calibration_split(data_dir: str | None, images: int = CALIBRATION_IMAGES) -> mnist.Split:
    """A fixed random draw of training images: what int8 sees to set its ranges (the test set stays unseen)."""
    train = mnist.load_split("train", data_dir)
    return train.subset(torch.randperm(len(train), generator=torch.Generator().manual_seed(0))[:images])


def quantize(fp32_path: Path, int8_path: Path, calibration: mnist.Split, quant_format: str = "qoperator") -> None:
    """Static int8 with ONNX Runtime: pre-processing (shape inference and graph optimisation, which folds batch
    norm into the convs), ranges from the calibration images (min/max), 7-bit int8 weights per output channel
    (`reduce_range`: the same digits on CPUs with and without VNNI)."""
    from onnxruntime.quantization import CalibrationDataReader, CalibrationMethod, QuantFormat, QuantType, quantize_static
    from onnxruntime.quantization.shape_inference import quant_pre_process

    class Images(CalibrationDataReader):
        def __init__(self) -> None:
            self.batches = ({"image": x.cpu().numpy()} for x, _ in mnist.batches(calibration, 100))

        def get_next(self):
            return next(self.batches, None)

    with tempfile.TemporaryDirectory() as tmp, contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pre = Path(tmp) / "pre.onnx"
        quant_pre_process(str(fp32_path), str(pre))
        quantize_static(str(pre), str(int8_path), Images(), quant_format=QuantFormat.QDQ if quant_format == "qdq"
                        else QuantFormat.QOperator, per_channel=True, reduce_range=True, weight_type=QuantType.QInt8,
                        activation_type=QuantType.QUInt8, calibrate_method=CalibrationMethod.MinMax)


def _save_stripped(source: Path, path: Path, meta: dict[str, str]) -> None:
    """`source` at `path` (atomically), stripped like every export, with `meta` set in its metadata."""
    import onnx

    proto = onnx.load(str(source))
    strip(proto)
    held = {p.key: p for p in proto.metadata_props}
    for key, value in meta.items():
        if key in held:
            held[key].value = value
        else:
            proto.metadata_props.add(key=key, value=value)
    files.atomic_write(path, lambda t: onnx.save(proto, t))


def batch1_ms(onnx_path: Path, image: np.ndarray, repeats: int = 500) -> float:
    """Median of `repeats` single-image calls in ONNX Runtime (after a warm-up), in milliseconds."""
    from tinydigits.use.predict import onnx_classifier

    run = onnx_classifier(onnx_path)
    for _ in range(20):
        run(image)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run(image)
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def export(model_path: str, onnx_path: str, *, data_dir: str | None = None, int8: bool = False,
           quant_format: str = "qoperator") -> Agreement | Int8Result:
    """fp32 ONNX verified against PyTorch; with `int8`, the int8 file (at `onnx_path`) verified against it."""
    from tinydigits.use.predict import onnx_classifier

    _needs_onnx(int8)
    out = files.ensure_writable(onnx_path, "ONNX file")
    model, ckpt = runs.load_model(model_path, "cpu")
    test = mnist.load_split("test", data_dir)  # before writing anything: a missing dataset fails early
    if not int8:
        to_onnx(model, out, ckpt["model"], {"format": "fp32"})
        return verify(model, out, test)
    calibration = calibration_split(data_dir)
    with tempfile.TemporaryDirectory() as tmp:  # the int8 file lands at `out` only once it is verified
        fp32_path, int8_path = Path(tmp) / "fp32.onnx", Path(tmp) / "int8.onnx"
        to_onnx(model, fp32_path, ckpt["model"], {"format": "fp32"})
        fp32 = verify(model, fp32_path, test)
        quantize(fp32_path, int8_path, calibration, quant_format)
        int8 = agreement(onnx_classifier(fp32_path), onnx_classifier(int8_path), test)
        meta = {"format": f"int8 ({quant_format}, per-channel 7-bit weights)", "test_acc": f"{int8.onnx_accuracy:.2f}"}
        _save_stripped(int8_path, out, meta)
        one = next(iter(mnist.batches(test, 1)))[0].cpu().numpy()
        ms = {name: batch1_ms(path, one) for name, path in (("fp32", fp32_path), ("int8", out))}
        fp32_bytes = fp32_path.stat().st_size
    return Int8Result(fp32, int8.images, int8.onnx_accuracy, int8.same_argmax, fp32_bytes, out.stat().st_size,
                      ms["fp32"], ms["int8"], quant_format, largest_int8_weight(out), cpu_int8_path())
