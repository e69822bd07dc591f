"""The Python API for notebooks: train, check and summarise a model given as a name, a reference,
an nn.Module class or a zero-argument factory - the same work the CLI does, the same run folders.

`import tinydigits` stays light (no torch): these are imported on first call.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from typing import Any

from torch import nn

from tinydigits import models
from tinydigits.constants import DEFAULT_MODEL
from tinydigits.errors import TinyDigitsError
from tinydigits.training.runs import INLINE

ModelLike = str | type[nn.Module] | Callable[[], nn.Module]
_counter = itertools.count()


def model_ref(model: ModelLike) -> str:
    """A `--model` reference for `model`. A class or factory from an importable module becomes
    `module:Name` (worker processes import it the same way); one defined in a notebook or script
    (`__main__`) is registered in this process as `Name-inlineN`: a check's Dask workers get the class itself
    (pickled by value), and its runs load in this process only - a new one (`tinydigits predict RUN`) says in one
    line to put the class in a file."""
    if isinstance(model, str):
        return model
    if isinstance(model, nn.Module):
        raise TinyDigitsError("pass the model's class or a factory, not an instance: "
                              "every seed needs freshly initialised weights")
    if not callable(model):
        raise TinyDigitsError(f"expected a model name, an nn.Module subclass or a factory, not {type(model).__name__}")
    module, name = getattr(model, "__module__", None), getattr(model, "__qualname__", "")
    if module and module != "__main__" and name.isidentifier():
        return f"{module}:{name}"
    short = getattr(model, "__name__", "")  # a class made inside a function has a dotted qualname
    ref = f"{short if short.isidentifier() else 'model'}{INLINE}{next(_counter)}"
    models.register(ref)(model)
    return ref


def train(model: ModelLike = DEFAULT_MODEL, quiet: bool = True, **settings: Any):
    """One run with its pictures and report.md, like `tinydigits train`; settings are TrainConfig fields."""
    from tinydigits.training.config import TrainConfig
    from tinydigits.training.train import train as train_run
    from tinydigits.verdict.engine import write_results

    result = train_run(TrainConfig(model=model_ref(model), **settings), quiet=quiet)
    if warning := write_results(result):
        print(f"warning: {warning}")
    return result


def check(model: ModelLike, seeds: Iterable[int] = (0, 1, 2, 3, 4), jobs: int = 1, budget=None, log=print,
          stack: bool | None = None, cluster: str | None = None, **settings: Any) -> dict[str, Any]:
    """`tinydigits check` from Python: train every seed, print the table, return the verdict dict.
    `jobs` > 1: seeds on that many worker processes here (Dask); `cluster`: a Dask scheduler's address or
    scheduler file. `stack=True` trains the seeds as one stacked network in this process (default: on CUDA only)."""
    from tinydigits.constants import Budget
    from tinydigits.training.config import TrainConfig
    from tinydigits.verdict.seeds import check as check_seeds

    cfg = TrainConfig(model=model_ref(model), **settings).resolved()
    return check_seeds(cfg, list(seeds), jobs, budget or Budget(), log, stack=stack, cluster=cluster)


def summary(model: ModelLike | nn.Module, markdown: bool = False, log=print) -> str:
    """The layer table (shapes, params, MACs, receptive field) of any model, printed and returned."""
    from tinydigits.models import summary as layer_table

    net = model if isinstance(model, nn.Module) else models.create(model_ref(model))
    table = layer_table.format_table(layer_table.summarize(net), markdown=markdown)
    log(table)
    return table
