"""TensorBoard event files in every run folder: `tensorboard --logdir runs` compares runs, seeds and trials.

torch's own `SummaryWriter` writes them (no server, no extra process). Tags:
`loss/train`, `loss/test`, `acc/train`, `acc/test`, `lr`, `seconds` per epoch; `class_acc/<digit>`
after the run; the run's pictures as images; the model graph; the run's settings and final metrics as
hparams, so TensorBoard's HParams tab lines up every run of a `check` or a `search`.
"""

from __future__ import annotations

import copy
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from torch import nn

from tinydigits.constants import BUDGET
from tinydigits.models.registry import eval_mode

EPOCH_TAGS = {"train_loss": "loss/train", "test_loss": "loss/test", "train_acc": "acc/train", "test_acc": "acc/test",
              "val_loss": "loss/val", "val_acc": "acc/val", "lr": "lr", "seconds": "seconds"}


def available() -> bool:
    """TensorBoard's writer can be loaded (`pip install tensorboard`; a notebook runtime may lack it)."""
    import importlib.util

    return importlib.util.find_spec("tensorboard") is not None


_SAID: list[str] = []


def _writer(run_dir: Path):
    """torch's SummaryWriter for the run folder; without TensorBoard installed, a writer that writes nothing (the run
    goes on; one line on stderr says what to install)."""
    if not available():
        if not _SAID:
            import sys

            _SAID.append("said")
            print("tinydigits: no TensorBoard event files (TensorBoard is not installed: pip install tensorboard)",
                  file=sys.stderr)
        return _NoWriter()
    from torch.utils.tensorboard import SummaryWriter

    return SummaryWriter(log_dir=str(run_dir), flush_secs=30)


class _NoWriter:
    """SummaryWriter's face, writing nothing."""

    file_writer = None

    def __getattr__(self, name: str):
        return lambda *args, **kwargs: None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None


def hparam_values(config: dict[str, Any]) -> dict[str, Any]:
    """The settings TensorBoard can show as hparams: numbers, strings and booleans (tuples as text, None as 'none')."""
    out: dict[str, Any] = {}
    for key, value in config.items():
        if isinstance(value, bool | int | float | str):
            out[key] = value
        elif value is None:
            out[key] = "none"
        elif isinstance(value, list | tuple) and all(isinstance(v, int | float) for v in value):
            out[key] = ",".join(f"{v:g}" for v in value)
    return out


class RunEvents:
    """The event log of one training run. Every call is timed, so the run can say what logging cost
    (`metrics.json`: `event_seconds`, per epoch and once per run, next to the epochs' own seconds)."""

    def __init__(self, run_dir: Path) -> None:
        # per-epoch scalars; opening, graph and hparams; the per-epoch histograms (apart: what the instruments cost)
        self.seconds = {"epochs": 0.0, "once": 0.0, "histograms": 0.0}
        self.traced: Any = None  # the graph being traced beside the run (`graph`), until it is written here
        self._timed("once", lambda: setattr(self, "writer", _writer(run_dir)))

    def _timed(self, kind: str, fn) -> None:
        start = time.perf_counter()
        fn()
        self.seconds[kind] += time.perf_counter() - start

    def graph(self, model: nn.Module, example: torch.Tensor, beside: Callable[..., Any] | None = None) -> None:
        """The model graph (traced once). A model that cannot be traced keeps its run: it just has no graph.
        `beside(fn, args)`: traced by another process (half a second of torch's tracer and the imports its check
        needs), from copies taken now; written into this file once it is back (`land_graph`)."""
        if isinstance(self.writer, _NoWriter):
            return
        if beside is None:
            self._timed("once", lambda: self._add_graph(traced_graph(model, example)))
        elif isinstance(beside, OneTrace) and beside.traced is not None:
            self.traced = beside.traced  # a stack's one graph, asked for by its first seed: no copy to trace
        else:
            self.traced = beside(traced_graph, (copy.deepcopy(model).cpu(), example.cpu()))

    def land_graph(self, wait: bool) -> None:
        """The graph traced beside the run written here, once it is back (`wait`: until it is)."""
        if self.traced is not None and (wait or self.traced.done()):
            traced, self.traced = self.traced, None
            self._timed("once", lambda: self._add_graph(traced.result()))

    def _add_graph(self, traced: tuple[bytes, bytes] | None) -> None:
        if traced is None:
            return
        from tensorboard.compat.proto.config_pb2 import RunMetadata
        from tensorboard.compat.proto.graph_pb2 import GraphDef

        self.writer.file_writer.add_graph((GraphDef.FromString(traced[0]), RunMetadata.FromString(traced[1])))

    def epoch(self, row: dict[str, Any]) -> None:
        self.land_graph(wait=False)

        def add() -> None:
            for key, tag in EPOCH_TAGS.items():
                if key in row:
                    self.writer.add_scalar(tag, row[key], row["epoch"])

        self._timed("epochs", add)

    def histograms(self, model: nn.Module, sample: torch.Tensor | None, step: int) -> None:
        """Each weight's histogram and each ReLU's outputs on `sample` (normalised test images, in eval mode: no
        statistic moves) at `step`: how the layers change, epoch by epoch, in TensorBoard's histograms tab."""
        def add() -> None:
            if isinstance(self.writer, _NoWriter):
                return
            for name, param in model.named_parameters():
                self.writer.add_histogram(f"weights/{name}", param.detach().float().cpu(), step)
            if sample is None:
                return
            names = {m: n for n, m in model.named_modules()}
            seen: dict[str, torch.Tensor] = {}
            hooks = [m.register_forward_hook(lambda m, i, o: seen.__setitem__(names[m], o.detach().float().cpu()))
                     for m in model.modules() if isinstance(m, nn.ReLU)]
            try:
                with eval_mode(model), torch.no_grad():
                    model(sample)
            finally:
                for h in hooks:
                    h.remove()
            for name, values in seen.items():
                self.writer.add_histogram(f"activations/{name}", values, step)

        self._timed("histograms", add)

    def results(self, classes: list[dict[str, Any]], pictures: dict[str, bytes], step: int) -> None:
        """After evaluation: per-class test accuracy and the run's pictures (PNG bytes by name, as drawn)."""
        self._timed("once", lambda: _add_results(self.writer, classes, pictures, step))

    def close(self, config: dict[str, Any], accs: list[float], last: int = BUDGET.last) -> None:
        """The run's settings and final figures as hparams (`accs`: its test accuracy an epoch; `last`: the epochs its
        budget judges); flush and close the file."""
        self.land_graph(wait=True)

        def add() -> None:
            if isinstance(self.writer, _NoWriter):
                return
            from torch.utils.tensorboard.summary import hparams

            if accs:
                final = {"final_test_acc": accs[-1], f"min_last{last}_test_acc": min(accs[-last:]), "best_test_acc": max(accs)}
                for summary in hparams(hparam_values(config), final):  # into this run's own file, not a sub-folder
                    self.writer.file_writer.add_summary(summary)
                for key, value in final.items():
                    self.writer.add_scalar(key, value, len(accs))
            self.writer.close()

        self._timed("once", add)


class OneTrace:
    """One graph for many runs of the same network, as `RunEvents.graph`'s `beside`: traced for the first run that
    asks (by `beside(fn, args)` where given, else here), the same job handed to every other. A stack's seeds are one
    class with the same shapes, their weights apart, and a graph holds no weights (torch's tracer takes a quarter of a
    second a seed, and its check's imports seconds once)."""

    def __init__(self, beside: Callable[..., Any] | None = None) -> None:
        self.beside, self.traced = beside, None

    def __call__(self, fn: Callable[..., tuple[bytes, bytes] | None], args: tuple) -> Any:
        if self.traced is None:
            self.traced = self.beside(fn, args) if self.beside else Traced(fn(*args))
        return self.traced


@dataclass(frozen=True)
class Traced:
    """A graph traced already: what `RunEvents.land_graph` asks of a job traced elsewhere."""

    graph: tuple[bytes, bytes] | None

    def done(self) -> bool:
        return True

    def result(self) -> tuple[bytes, bytes] | None:
        return self.graph


def traced_graph(model: nn.Module, example: torch.Tensor) -> tuple[bytes, bytes] | None:
    """The model's graph as TensorBoard keeps it (torch's `add_graph` trace: the GraphDef and its run metadata,
    serialized, so they travel between processes), or None for a model that cannot be traced (data-dependent control
    flow, custom ops...)."""
    from torch.utils.tensorboard._pytorch_graph import graph

    try:
        with eval_mode(model), warnings.catch_warnings():  # torch.jit.trace, which the graph is traced with, is deprecated
            warnings.simplefilter("ignore", DeprecationWarning)
            graph_def, metadata = graph(model, example)
    except Exception:
        return None
    return graph_def.SerializeToString(), metadata.SerializeToString()


def _add_results(writer, classes: list[dict[str, Any]], pictures: dict[str, bytes], step: int) -> None:
    if isinstance(writer, _NoWriter):
        return
    from tensorboard.compat.proto.summary_pb2 import Summary

    for row in classes:  # as per_class.csv rounds them
        writer.add_scalar(f"class_acc/{int(row['digit'])}", round(float(row["accuracy"]), 3), step)
    for name, png in pictures.items():  # the PNG as drawn (RGBA), not decoded and encoded again (a third of a second)
        width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")  # the IHDR chunk
        image = Summary.Image(height=height, width=width, colorspace=4, encoded_image_string=png)
        writer.file_writer.add_summary(Summary(value=[Summary.Value(tag=f"pictures/{name}", image=image)]), step)

