"""Why a run did what it did, in pictures and figures (`train` and `eval` write them): the digits it trained on
(augment.png), the test digits it got most wrong with where it looked (top_losses.png: Grad-CAM and integrated
gradients from Captum), and how its layers live (layers.png: ReLU outputs at zero, channels never active, activation
scale, gradient norm per epoch). Read-only: nothing here touches a weight or a random generator of the run.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import torch
from torch import nn

from tinydigits.data import mnist
from tinydigits.models.registry import eval_mode
from tinydigits.results import figures, predictions
from tinydigits.results.figures import plain_log_axis, save_figure
from tinydigits.training.device import input_layout

TOP = 8  # test digits shown in top_losses.png


# ----------------------------------------------------------------------------------------------- how the layers live
def plot_layers(stats: list[dict[str, Any]], grad_norms: list[dict[str, float]], path: Path) -> bytes:
    """Left: per ReLU the share of outputs at zero and the channels never active; right: each layer's gradient norm
    per epoch (sampled while training)."""
    fig, (ax, ax_grad) = figures.plt.subplots(1, 2, figsize=(12, 4.2))
    x = range(len(stats))
    ax.bar(x, [100 * s["zero_share"] for s in stats], color="C0")
    for i, s in enumerate(stats):
        ax.text(i, 100 * s["zero_share"] + 1, f"{len(s['dead_channels'])}/{s['channels']} dead", ha="center", fontsize=7,
                color="crimson" if s["dead_channels"] else "0.3")
    ax.set_xticks(list(x), [s["layer"] for s in stats], rotation=30, fontsize=7, ha="right")
    ax.set(ylim=(0, 105), ylabel="% of ReLU outputs at zero (test set)", title="ReLU layers: zeros, and dead channels")
    layers = sorted({k for epoch in grad_norms for k in epoch})
    colours = figures.plt.get_cmap("turbo")  # one colour a layer along a ramp, and a line style in turn: 16 lines told apart
    for n, layer in enumerate(layers):
        ax_grad.plot([i + 1 for i, e in enumerate(grad_norms) if layer in e], [e[layer] for e in grad_norms if layer in e],
                     marker="o", ms=3, ls=("-", "--", ":", "-.")[n % 4], color=colours(n / max(1, len(layers) - 1)),
                     label=layer)
    ax_grad.xaxis.set_major_locator(figures.matplotlib.ticker.MaxNLocator(integer=True))
    ax_grad.set(yscale="log", xlabel="epoch", ylabel="gradient norm (sampled steps' mean)",
                title="gradient norm per layer" if grad_norms else "gradient norm per layer: not recorded for this run")
    plain_log_axis(ax_grad.yaxis)  # after the scale, which sets its own formatters: plain numbers, as the loss panel's
    if grad_norms:
        ax_grad.legend(fontsize=6, ncol=2, loc="center left", bbox_to_anchor=(1.0, 0.5))
    for a in (ax, ax_grad):
        a.grid(alpha=0.3)
    return save_figure(fig, path)


# ----------------------------------------------------------------------------------------------- where it looked
def last_spatial_conv(model: nn.Module) -> tuple[str, nn.Module] | None:
    """The last convolution whose output still has a spatial map (more than 1x1): where Grad-CAM looks."""
    found, shapes = None, {}

    def hook(module, _inputs, out):
        shapes[module] = out.shape

    convs = [(n, m) for n, m in model.named_modules() if isinstance(m, nn.Conv2d)]
    handles = [m.register_forward_hook(hook) for _, m in convs]
    try:
        with eval_mode(model), torch.no_grad():
            model(input_layout(torch.zeros(1, 1, 28, 28, device=next(model.parameters()).device)))
    finally:
        for h in handles:
            h.remove()
    for name, m in convs:
        if m in shapes and shapes[m][-1] > 1 and shapes[m][-2] > 1:
            found = (name, m)
    return found


def attributions(model: nn.Module, x: torch.Tensor, target: torch.Tensor) -> tuple[torch.Tensor | None, torch.Tensor]:
    """(Grad-CAM at the last spatial convolution, upsampled to 28x28 and clipped at zero; integrated gradients on the
    pixels, absolute) for normalised inputs `x` [N, 1, 28, 28] and the classes `target` - Captum's own methods."""
    with warnings.catch_warnings():  # captum imports tqdm.auto, which warns in a Jupyter kernel without ipywidgets
        warnings.filterwarnings("ignore", message="IProgress not found")
        from captum.attr import IntegratedGradients, LayerAttribution, LayerGradCam

    forward = lambda inputs: model(input_layout(inputs))
    conv = last_spatial_conv(model)
    with eval_mode(model):
        cam = None
        if conv is not None:
            raw = LayerGradCam(forward, conv[1]).attribute(x, target=target, relu_attributions=True)
            cam = LayerAttribution.interpolate(raw, (28, 28), interpolate_mode="bilinear").detach()
        baseline = torch.full_like(x, float(mnist.normalize(torch.zeros(1))))  # a blank image
        pixels = IntegratedGradients(forward).attribute(x, baselines=baseline, target=target, n_steps=16).abs().detach()
    return cam, pixels


def top_losses(test: mnist.Split, p: predictions.Predictions, top: int = TOP) -> torch.Tensor:
    """The test images with the highest loss (cross-entropy of the true class), highest first."""
    loss = -torch.log(p.probs[torch.arange(len(p.labels)), p.labels].clamp_min(1e-12))
    return loss.argsort(descending=True)[:top]


def plot_top_losses(model: nn.Module, test: mnist.Split, p: predictions.Predictions, path: Path,
                    top: int = TOP) -> tuple[list, bytes]:
    """The top losses, each titled true / predicted / loss / p(true), above its Grad-CAM and its pixel attribution:
    three rows of `top` tiles on one axes (a subplot per tile costs seconds a run; one image, a fraction)."""
    idx = top_losses(test, p, top)
    x = mnist.normalize(mnist.to_unit(test.images[idx.to(test.images.device)])).float()
    cam, pixels = attributions(model, x, p.preds[idx].to(x.device))
    digits = test.images[idx.to(test.images.device)].float().cpu() / 255.0
    shown, titles = [], []
    for i in idx.tolist():
        t, q, pt = int(p.labels[i]), int(p.preds[i]), float(p.probs[i, p.labels[i]])
        loss = -float(torch.log(torch.tensor(max(pt, 1e-12))))
        shown.append({"index": i, "true": t, "predicted": q, "loss": loss, "p_true": pt})
        titles.append(f"{t} → {q}\nloss {loss:.2f}\np({t}) {pt:.2f}")
    rows = [torch.cat(list(digits), 1)]
    heat = cam[:, 0].cpu() if cam is not None else torch.zeros_like(digits)
    scale = lambda a: a / a.flatten(1).amax(1).clamp_min(1e-12)[:, None, None]  # each tile to its own range
    rows += [torch.cat(list(scale(heat)), 1), torch.cat(list(scale(pixels[:, 0].cpu())), 1)]
    fig, axes = figures.plt.subplots(3, 1, figsize=(1.5 * len(idx), 5.6))
    for ax, image, cmap, label in zip(axes, rows, ("gray_r", "jet", "hot"), ("", "Grad-CAM", "integrated gradients"),
                                      strict=True):
        ax.imshow(image.numpy(), cmap=cmap, vmin=0, vmax=1, interpolation="nearest")
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_ylabel(label, fontsize=8)
    if cam is not None:  # the digit under its Grad-CAM, so the heat has a place
        axes[1].imshow(rows[0].numpy(), cmap="gray_r", alpha=0.35, vmin=0, vmax=1, interpolation="nearest")
    for col, title in enumerate(titles):
        axes[0].text(28 * col + 14, -2, title, ha="center", va="bottom", fontsize=7)
    fig.suptitle("the test digits with the highest loss: where the network looked (for the class it predicted)",
                 fontsize=9, y=1.02)
    return shown, save_figure(fig, path)


# ----------------------------------------------------------------------------------------------- what it trains on
def plot_augment(digits: torch.Tensor, cfg: dict[str, Any], path: Path, draws: int = 3) -> bytes:
    """The training digits `digits` (raw images, as the run holds them) as the recipe's augmentation makes them (a
    few draws each, seeded apart from the run's generators), and plain where the recipe has a plain tail: one image,
    a row per draw."""
    from tinydigits.training.config import TrainConfig, augmentations

    augment = TrainConfig.from_record(cfg).augment()
    x = mnist.to_unit(digits).float().cpu()
    g = torch.Generator().manual_seed(1234)  # the picture's own generator: the run's are untouched
    rows = [x] + [augment(x.clone(), g) for _ in range(draws)]
    canvas = torch.cat([torch.cat(list(r[:, 0].clamp(0, 1)), 1) for r in rows], 0)
    fig, ax = figures.plt.subplots(figsize=(1.1 * len(x), 1.15 * len(rows)))
    ax.imshow(canvas.numpy(), cmap="gray_r", vmin=0, vmax=1, interpolation="nearest")
    ax.set_xticks([])
    ax.set_yticks([28 * r + 14 for r in range(len(rows))], ["as they are", *(f"draw {d + 1}" for d in range(draws))],
                  fontsize=7)
    tail = int(cfg.get("augment_off_last") or 0)
    used = ", ".join(f"{k} {v}" for k, v in augmentations(cfg).items()) or "none"
    plain = f"; the last {tail} epochs train on the first row as it is" if tail else ""
    ax.set_title(f"what the model trains on - augmentation: {used}{plain}", fontsize=8)
    return save_figure(fig, path)
