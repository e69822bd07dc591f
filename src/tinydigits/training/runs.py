"""Run folders: created fresh (never overwritten), written atomically, read back with clear errors."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path
from typing import Any

import torch
from torch import nn

from tinydigits import files, models
from tinydigits.constants import VERSION
from tinydigits.errors import TinyDigitsError
from tinydigits.models.spec import NetSpec
from tinydigits.training.device import arithmetic, gpu_facts

INLINE = "-inline"  # `api.model_ref`'s names for a class defined in a notebook: `Net-inline0`


def environment(device: Any = None) -> dict[str, Any]:
    """Versions, commit and arithmetic (CPU, the instruction sets in use; the GPU when `device` is one) recorded with
    every run, so numbers can be traced to code and to how they were computed."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=Path(__file__).parent, capture_output=True, text=True, timeout=5
        ).stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        commit = None
    return {
        "tinydigits": VERSION,
        "torch": torch.__version__,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "git_commit": commit,
        "arithmetic": arithmetic(),
        **({"gpu": gpu} if (gpu := gpu_facts(device)) else {}),
    }


def snapshot(model: nn.Module) -> dict[str, torch.Tensor]:
    """A module's weights and buffers copied to the host as they are now (a copy on a CPU too: training may go on
    while the copy is written)."""
    return {k: v.detach().to("cpu", copy=True).contiguous() for k, v in model.state_dict().items()}


def save_checkpoint(path: Path, model: nn.Module | dict[str, torch.Tensor], name: str, config: dict[str, Any],
                    origin: dict[str, Any] | None = None) -> None:
    """Weights (a module's, or its `snapshot`) plus what rebuilds the module (`models.Source.origin`): a registered
    name, a whole spec, or the file/module reference of a user's model. Plain data only: loadable with
    weights_only=True, so a checkpoint never carries code."""
    state = model if isinstance(model, dict) else snapshot(model)
    payload = {"model": name, "state_dict": state, "config": config}
    if origin is not None:
        payload["origin"] = origin
    files.atomic_write(path, lambda tmp: torch.save(payload, tmp))


def checkpoint_path(target: str | os.PathLike) -> Path:
    """Accept a run folder or a model.pt path."""
    path = Path(target)
    return path / "model.pt" if path.is_dir() else path


def _rebuild(path: Path, ckpt: dict[str, Any]) -> nn.Module:
    """The module a checkpoint's weights belong to, from what `save_checkpoint` recorded."""
    origin = ckpt.get("origin") or {"kind": "registry", "name": ckpt["model"]}
    try:
        if origin["kind"] == "spec":
            return NetSpec.from_dict(origin["spec"], str(path)).build()
        if origin["kind"] == "file" and not Path(origin["path"]).is_file():
            raise TinyDigitsError(f"the model was trained from {origin['ref']}, and {origin['path']} is missing: "
                                  "the weights need the code that defines the model")
        name = origin.get("ref") or origin["name"]
        if INLINE in name and name not in models.names():
            cls = name.split(INLINE)[0]
            raise TinyDigitsError(f"model {cls} was defined in a notebook or script, and only that process knows it: "
                                  f"put the class in a file and train with --model file.py:{cls} "
                                  f"(tinydigits.train('file.py:{cls}')), or load this run in the same notebook")
        return models.create(name)
    except TinyDigitsError as err:
        raise TinyDigitsError(f"{path}: {err}") from None


def load_model(target: str | os.PathLike, device: str | torch.device = "cpu") -> tuple[nn.Module, dict[str, Any]]:
    """Rebuild the registered model from a checkpoint; any problem is one TinyDigitsError line."""
    path = checkpoint_path(target)
    if not path.exists():
        raise TinyDigitsError(f"{path}: no such checkpoint (expected a run folder or a model.pt)")
    try:
        ckpt = torch.load(path, map_location=device, weights_only=True)
    except Exception as err:  # torch raises many types for a broken file
        raise TinyDigitsError(f"{path}: not a readable tinydigits checkpoint ({type(err).__name__})") from None
    if not isinstance(ckpt, dict) or "model" not in ckpt or "state_dict" not in ckpt:
        raise TinyDigitsError(f"{path}: not a tinydigits checkpoint (no model name / state_dict)")
    model = _rebuild(path, ckpt)
    try:
        model.load_state_dict(ckpt["state_dict"])
    except RuntimeError:
        raise TinyDigitsError(f"{path}: weights do not fit model {ckpt['model']!r} as the code defines it now") from None
    return model.to(device).eval(), ckpt
