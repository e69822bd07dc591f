"""Layer table with parameters, MACs, receptive field and what the layer needs to run (weight and activation
bytes, fp32 and int8), measured from the model itself.

Why hand-written: torchinfo gives shapes/params/MACs but not receptive fields, which are the point
of this exercise. One forward pass with hooks on the leaf modules gives all columns at once, so the
table is always right for the code as it stands. Receptive fields assume a chain of layers (every
model here is one); for a leaf it is the input window one output pixel of that layer sees.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

import torch
from torch import nn

from tinydigits.models.registry import eval_mode


@dataclass
class LayerRow:
    name: str
    type: str
    output: list[int]  # C, H, W (or features) for one image
    params: int
    macs: int
    rf: int  # receptive field in input pixels (cumulative)
    jump: int  # distance in input pixels between neighbouring outputs (cumulative stride)
    weight_bytes_fp32: int = 0  # deployed with batch norm folded into the conv before it (see _weight_bytes)
    weight_bytes_int8: int = 0
    input_values: int = 0  # activations in and out of the layer for one image
    output_values: int = 0


def _weight_bytes(module: nn.Module) -> tuple[int, int]:
    """(fp32, int8) bytes of a layer as deployed: batch norm folds into the conv before it, leaving a bias per
    channel (4 bytes: fp32, or int32 in int8); a conv's int8 weights take a byte each plus an fp32 scale per
    output channel (per-channel quantization, as `export --int8` writes them)."""
    if isinstance(module, nn.Conv2d | nn.Linear):
        out = module.weight.shape[0]
        bias = 4 * out if module.bias is not None else 0
        return 4 * module.weight.numel() + bias, module.weight.numel() + 4 * out + bias
    if isinstance(module, nn.BatchNorm2d | nn.BatchNorm1d):
        return 4 * module.num_features, 4 * module.num_features
    return 0, 0


def _pair(v) -> int:
    return v[0] if isinstance(v, tuple) else v


def _kernel_stride_dilation(module: nn.Module, in_hw: int) -> tuple[int, int, int] | None:
    """(kernel, stride, dilation) for layers that change the receptive field, else None."""
    if isinstance(module, nn.Conv2d | nn.MaxPool2d | nn.AvgPool2d):
        k, s = _pair(module.kernel_size), _pair(module.stride)
        d = _pair(getattr(module, "dilation", 1))
        return k, s, d
    if isinstance(module, nn.AdaptiveAvgPool2d | nn.AdaptiveMaxPool2d) and _pair(module.output_size) == 1:
        return in_hw, in_hw, 1  # global pooling: one window over the whole map
    return None


def _macs(module: nn.Module, out: torch.Tensor) -> int:
    if isinstance(module, nn.Conv2d):
        k = module.kernel_size[0] * module.kernel_size[1]
        return out[0].numel() * (module.in_channels // module.groups) * k
    if isinstance(module, nn.Linear):
        return module.in_features * module.out_features
    return 0


def summarize(model: nn.Module, input_size: tuple[int, int, int] = (1, 28, 28)) -> list[LayerRow]:
    """One row per leaf module, in execution order."""
    rows: list[LayerRow] = []
    state = {"rf": 1, "jump": 1}
    names = {m: n for n, m in model.named_modules()}

    def hook(module, inputs, output):
        x = inputs[0]
        ksd = _kernel_stride_dilation(module, x.shape[-1]) if x.dim() == 4 else None
        if ksd is not None:
            k, s, d = ksd
            state["rf"] += (d * (k - 1)) * state["jump"]
            state["jump"] *= s
        params = sum(p.numel() for p in module.parameters(recurse=False) if p.requires_grad)
        rows.append(LayerRow(names[module], type(module).__name__, list(output.shape[1:]), params,
                             _macs(module, output), state["rf"], state["jump"], *_weight_bytes(module),
                             x[0].numel(), output[0].numel()))

    leaves = [m for m in model.modules() if not list(m.children())]
    handles = [m.register_forward_hook(hook) for m in leaves]
    try:
        with eval_mode(model):
            model(torch.zeros(1, *input_size, device=next(model.parameters()).device))
    finally:
        for h in handles:
            h.remove()
    return rows


IN_PLACE = ("ReLU", "BatchNorm2d", "Dropout", "Flatten", "Identity")  # elementwise: output overwrites the input


def live_values(row: LayerRow) -> int:
    """Activations held while a layer runs (one image): its input and its output, or one buffer for a layer that
    runs in place (ReLU, batch norm, dropout: deployed runtimes fuse or overwrite them)."""
    if row.type in IN_PLACE:
        return max(row.input_values, row.output_values)
    return row.input_values + row.output_values


def peak_values(rows: list[LayerRow]) -> tuple[int, str]:
    """The most activations alive at once along the chain (values for one image) and the layer where: what a
    runtime that frees each activation once the next layer has read it must hold."""
    top = max(rows, key=live_values, default=None)
    return (live_values(top), top.name) if top else (0, "")


def totals(rows: list[LayerRow]) -> dict[str, int | str]:
    peak, where = peak_values(rows)
    return {"params": sum(r.params for r in rows), "macs": sum(r.macs for r in rows),
            "receptive_field": rows[-1].rf if rows else 1,
            "weight_bytes_fp32": sum(r.weight_bytes_fp32 for r in rows),
            "weight_bytes_int8": sum(r.weight_bytes_int8 for r in rows),
            "peak_ram_fp32": 4 * peak, "peak_ram_int8": peak, "peak_layer": where}


def as_dict(model_name: str, rows: list[LayerRow]) -> dict:
    return {"model": model_name, "layers": [asdict(r) for r in rows], "total": totals(rows)}


def _apart(rows: list[LayerRow]) -> str:
    """Batch norms that do not follow their conv directly (a max-pool or a ReLU between): their fold, said with the
    condition it needs - both keep a positive scale's order, not a negative one's."""
    apart = [(r.name, p.type) for p, r in zip(rows, rows[1:], strict=False)
             if r.type.startswith("BatchNorm") and p.type not in ("Conv2d", "Linear")]
    if not apart:
        return ""
    between, one = " or ".join(sorted({t for _, t in apart})), len(apart) == 1
    return (f"; {', '.join(n for n, _ in apart)} follow{'s' * one} a {between}, not {'its' if one else 'their'} conv: "
            f"the fold holds where each channel's scale is positive (a {between} keeps a positive scale's order), its "
            "shift kept as the 4-byte bias a channel; a negative scale would be kept as a scale and a shift, 8 bytes a "
            "channel")


def format_table(rows: list[LayerRow], markdown: bool = False) -> str:
    header = ["layer", "type", "output", "params", "MACs", "RF", "jump", "W fp32", "W int8", "act fp32"]
    body = [[r.name, r.type, "x".join(map(str, r.output)), f"{r.params:,}", f"{r.macs:,}", str(r.rf), str(r.jump),
             f"{r.weight_bytes_fp32:,}", f"{r.weight_bytes_int8:,}", f"{4 * r.output_values:,}"] for r in rows]
    t = totals(rows)
    foot = ["total", "", "", f"{t['params']:,}", f"{t['macs']:,}", str(t["receptive_field"]), "",
            f"{t['weight_bytes_fp32']:,}", f"{t['weight_bytes_int8']:,}", ""]
    peak = (f"peak RAM of one inference (activations alive at once, at {t['peak_layer']}: input + output; ReLU, batch "
            f"norm and dropout counted in place, as deployed runtimes run them): {t['peak_ram_fp32']:,} bytes fp32, "
            f"{t['peak_ram_int8']:,} bytes int8; W: weights as deployed, batch norm folded into the conv before it (a "
            "4-byte bias a channel; int8: a byte a weight and a 4-byte scale a channel, quantized per channel); weights "
            f"and activations in bytes{_apart(rows)}")
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(row) + " |" for row in [*body, [f"**{c}**" if c else "" for c in foot]]]
        return "\n".join([*lines, "", peak])
    widths = [max(len(row[i]) for row in [header, *body, foot]) for i in range(len(header))]
    fmt = lambda row: "  ".join(c.ljust(w) if i < 3 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True)))
    rule = "-" * len(fmt(header))
    return "\n".join([fmt(header), rule, *map(fmt, body), rule, fmt(foot), peak])


MB = 1024 ** 2


def size_totals(model: nn.Module, rows: list[LayerRow], input_size: tuple[int, int, int] = (1, 28, 28)) -> dict[str, Any]:
    """torchsummary's totals for one image: parameters trainable and not, and sizes in MB - the input, the forward and
    backward pass (every layer's output, twice), the parameters, and their sum - counted as torchsummary counts them
    (fp32, 4 bytes a value), so a course's figures compare."""
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    frozen = sum(p.numel() for p in model.parameters() if not p.requires_grad)
    sizes = {"input_mb": 4 * math.prod(input_size) / MB, "forward_backward_mb": 2 * 4 * sum(r.output_values for r in rows) / MB,
             "params_mb": 4 * (trainable + frozen) / MB}
    return {"total_params": trainable + frozen, "trainable_params": trainable, "non_trainable_params": frozen, **sizes,
            "estimated_total_mb": sum(sizes.values())}


def format_totals(t: dict[str, Any]) -> str:
    return "\n".join([f"Total params: {t['total_params']:,}", f"Trainable params: {t['trainable_params']:,}",
                      f"Non-trainable params: {t['non_trainable_params']:,}",
                      f"Input size (MB): {t['input_mb']:.2f}", f"Forward/backward pass size (MB): {t['forward_backward_mb']:.2f}",
                      f"Params size (MB): {t['params_mb']:.2f}", f"Estimated Total Size (MB): {t['estimated_total_mb']:.2f}"])


# A module's settings that change what it computes, as PyTorch names them (read where the module has them).
SETTINGS = ("in_channels", "out_channels", "kernel_size", "stride", "padding", "dilation", "groups", "padding_mode",
            "in_features", "out_features", "num_features", "eps", "momentum", "affine", "track_running_stats", "p",
            "output_size", "ceil_mode", "negative_slope", "alpha", "beta", "threshold", "approximate", "size",
            "scale_factor", "mode", "start_dim", "end_dim", "normalized_shape", "elementwise_affine", "num_groups")


def module_settings(module: nn.Module) -> dict[str, Any]:
    """What a leaf module is set to (`type` included): a conv's kernel, stride, padding, dilation, groups and whether
    it has a bias; batch norm's momentum, eps, affine; dropout's p; a pool's window. Plain JSON values."""
    out: dict[str, Any] = {"type": type(module).__name__}
    for name in SETTINGS:
        if hasattr(module, name) and not callable(getattr(module, name)):
            value = getattr(module, name)
            if isinstance(value, int | float | str | bool | tuple | list) or value is None:
                out[name] = list(value) if isinstance(value, tuple) else value
    if isinstance(getattr(module, "bias", False), nn.Parameter | type(None)) and hasattr(module, "bias"):
        out["bias"] = module.bias is not None
    return out


def architecture(model: nn.Module) -> dict[str, Any]:
    """The layer table (`summarize`'s rows) and each leaf module's settings, as recorded with a run when it trains:
    what a write-up shows and compares without running the model's code again."""
    rows = summarize(model)
    return {"layers": [asdict(r) for r in rows], "modules": layer_settings(model, rows), "init_sha256": weights_digest(model)}


def layer_settings(model: nn.Module, rows: list[LayerRow]) -> dict[str, dict[str, Any]]:
    """Each leaf module's settings (`module_settings`) by name, in the order `rows` ran them."""
    modules = dict(model.named_modules())
    return {r.name: module_settings(modules[r.name]) for r in rows}


def weights_digest(model: nn.Module) -> str:
    """sha256 of a model's parameters (each one's shape and fp32 bytes, in registration order; not their names, which
    do not change a weight): recorded before the first step, it says whether two runs started from the same weights
    without keeping the weights."""
    import hashlib

    digest = hashlib.sha256()
    for p in model.parameters():
        digest.update(f"{tuple(p.shape)};".encode())
        digest.update(p.detach().to("cpu", torch.float32).contiguous().numpy().tobytes())
    return digest.hexdigest()
