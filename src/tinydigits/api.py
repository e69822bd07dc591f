"""The Python API for notebooks: train, check and summarise a model given as a name, a reference,
an nn.Module class or a zero-argument factory - the same work the CLI does, the same run folders.

`import tinydigits` stays light (no torch): these are imported on first call.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from torch import nn

from tinydigits import models as registry
from tinydigits.constants import DEFAULT_MODEL, Budget
from tinydigits.errors import TinyDigitsError
from tinydigits.lifecycle.plan import FRESH_NOTE as FRESH_NOTE  # the line tests look for, whatever the CPU
from tinydigits.lifecycle.plan import say_fresh
from tinydigits.settings import settings_doc, unknown_settings
from tinydigits.training.config import TrainConfig
from tinydigits.training.runs import INLINE

if TYPE_CHECKING:
    from tinydigits.results.records import Verdict

ModelLike = str | type[nn.Module] | Callable[[], nn.Module]


def model_ref(model: ModelLike) -> str:
    """A `--model` reference for `model`. A class or factory from an importable module becomes
    `module:Name` (worker processes import it the same way); one defined in a notebook or script
    (`__main__`) is registered in this process as `Name-inline<hash of its source>` (`models.own_source`: the class's
    own text, so the same class is the same name in every kernel that runs it): a check's Dask workers get the
    class itself (pickled by value) under that name, so a long-lived worker never trains an earlier version of a class
    edited since; its runs load in this process only - a new one (`tinydigits predict RUN`) says in one line to put
    the class in a file."""
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
    digest = hashlib.sha256(registry.own_source(model).encode()).hexdigest()[:12]
    ref = f"{short if short.isidentifier() else 'model'}{INLINE}{digest}"
    registry.register(ref)(model)
    return ref


def train(model: ModelLike = DEFAULT_MODEL, quiet: bool = True, **settings: Any):
    """One run with its pictures and report.md, like `tinydigits train`: `model` is a registered name, a reference
    (`path/to/file.py:Name`), an nn.Module class or a zero-argument factory; `quiet` leaves out the progress bar.
    Returns the run's result (`.run_dir`, `.metrics`, `.model`...). A setting left unset trains as the model's recipe
    says (`tinydigits.recipe(model)`; a model of your own has none), else as its default below says."""
    from tinydigits.lifecycle import make
    from tinydigits.lifecycle.run import train_run

    if "seeds" in settings:
        raise TinyDigitsError("tinydigits.train() trains one seed (seed=N); seeds=[...] is tinydigits.check()'s")
    unknown_settings(settings, TrainConfig, "tinydigits.train", skip={"model"})
    plan = make(TrainConfig(model=model_ref(model), **settings), one_run=True)
    for line in plan.notes:  # the run's first lines: what its settings do unasked
        print(f"tinydigits: {line}")
    for line in plan.breaches():  # before the first epoch, not after the last
        print(f"tinydigits: over the budget: {line}; this run trains, and its verdict will be FAIL")
    if plan.unpinned:  # a notebook or script that ran torch before: the seed trains where the pin holds
        from tinydigits.cluster.fresh import train_fresh  # a seed sent to another process: cluster's

        say_fresh()
        return _result_from(train_fresh(plan.config, plan.budget), plan.config)
    return train_run(plan.config, plan.budget, plan.source, quiet=quiet, warn=print)


def _result_from(run_dir, cfg):
    """A run that trained in another process, as `train` returns one: its metrics, evaluated weights, test split."""
    from tinydigits.data import mnist
    from tinydigits.results.records import Run
    from tinydigits.training import runs
    from tinydigits.training.bookkeeping import RunResult

    model, _ = runs.load_model(run_dir)
    run = Run.load(run_dir)
    return RunResult(run_dir, run, model, cfg, mnist.load_split("test", cfg.data_dir))


def check(model: ModelLike, seeds: Iterable[int] | None = None, jobs: int = 1, budget=None, log=print,
          stack: bool | None = None, cluster: str | None = None, resume: str | None = None,
          **settings: Any) -> Verdict:
    """`tinydigits check` from Python: train every seed (default 0-4), print the table, return the verdict (a
    `results.records.Verdict`: `.passed`, `.word`, `.seeds`, `.odds`, `.folder`...; check.json's dict by `.to_json()`).
    `jobs` > 1: seeds on that many worker processes here (Dask); `cluster`: a Dask scheduler's address or
    scheduler file. `stack=True` trains the seeds as one stacked network in this process (default: on CUDA only).
    `resume`: an interrupted or INCOMPLETE check's folder to go on with (a notebook's class is known only here,
    so its check goes on from here, with the same class); seeds, budget or settings that contradict its plan are
    refused in one line, as `check --resume` refuses such flags. A setting left unset trains as the model's recipe
    says, else as its default below says; every seed trains with the same settings but its seed."""
    import dataclasses

    from tinydigits.lifecycle import make
    from tinydigits.verdict.seeds import check as check_seeds
    from tinydigits.verdict.seeds import refuse_contradictions
    from tinydigits.verdict.seeds import resume as resume_seeds

    if "seed" in settings:  # plan.json would keep it beside the seeds it never trains
        planned = list(seeds) if seeds is not None else list(range(5))
        raise TinyDigitsError(f"tinydigits.check() trains each of its seeds ({', '.join(map(str, planned))}), so "
                              f"seed={settings['seed']!r} contradicts them: leave seed out (seeds=[N] checks one seed)")
    limits = [f.name for f in dataclasses.fields(Budget) if f.name in settings]
    if limits:  # the budget is one argument, as its flags are one group
        raise TinyDigitsError(f"{limits[0]} is the budget's: budget=tinydigits.Budget({limits[0]}="
                              f"{settings[limits[0]]!r})")
    unknown_settings(settings, TrainConfig, "tinydigits.check", skip={"model"})
    ref = model_ref(model)
    if resume is not None:
        given = {"model": ref, **settings, **({"seeds": list(seeds)} if seeds is not None else {}),
                 **(dataclasses.asdict(budget) if budget is not None else {})}
        refuse_contradictions(resume, given, cli=False)
        return resume_seeds(resume, jobs, log, cluster, machine=settings)
    plan = make(TrainConfig(model=ref, **settings), budget or Budget(), jobs=jobs, stack=stack, cluster=cluster)
    return check_seeds(plan, list(seeds if seeds is not None else range(5)), log)


def summary(model: ModelLike | nn.Module, markdown: bool = False, log=print) -> str:
    """The layer table (shapes, params, MACs, receptive field) of any model and torchsummary's totals, printed and
    returned. A class or name is measured on PyTorch's meta device where it builds there: shapes without values, no
    kernel run, so a `train` after it still computes in the portable arithmetic in this process."""
    from tinydigits.models import summary as layer_table

    net, rows = _measured(model)
    from tinydigits.constants import BUDGET
    from tinydigits.results.budget import breaches

    totals = layer_table.size_totals(net, rows)
    table = layer_table.format_table(rows, markdown=markdown) + "\n\n" + layer_table.format_totals(totals)
    over = [f"over the budget: {line}" for line in breaches(totals["trainable_params"], 0, BUDGET)]
    log("\n".join([table, *over]))
    return table


def _measured(model: ModelLike | nn.Module):
    """`model` built and its layer table measured: on the meta device where it can be, since the instruction set
    torch's kernels run in is fixed at the first kernel, and a portable run needs it unfixed; else as it is."""
    import torch

    from tinydigits.models import summary as layer_table
    from tinydigits.models.registry import check_io

    if isinstance(model, nn.Module):
        return model, layer_table.summarize(model)
    source = registry.resolve(model_ref(model))
    try:
        with torch.device("meta"):
            net = source.factory()
            if isinstance(net, nn.Module):
                if source.origin["kind"] in ("file", "module"):  # as `create` checks a model of a user's file
                    check_io(net, source.ref)
                return net, layer_table.summarize(net)
    except Exception:  # built on the CPU below, where its error (if any) is said in one line
        pass
    net = source.create()
    return net, layer_table.summarize(net)


def lr_find(model: ModelLike = DEFAULT_MODEL, steps: int = 200, start: float = 1e-4, end: float = 10.0,
            **settings: Any) -> dict[str, Any]:
    """`tinydigits lr-find` from Python: the learning-rate range test with the model's recipe; returns its figures
    (the suggestions `valley` and `steepest`, the recipe's `recipe_lr`, the curve, the folder of lr_find.png)."""
    from tinydigits.measure import lr_find as range_test

    result = range_test.lr_find(model_ref(model), steps, start, end, **settings)
    print(range_test.format_line(result))
    return result


def model_names() -> list[str]:
    """The registered model names (`tinydigits models`)."""
    return registry.names()


def recipe(model: ModelLike) -> dict[str, Any]:
    """The recipe a registered model was designed with (epochs, batch, optimizer, augmentation...)."""
    return registry.recipe(model_ref(model))


def compare(runs: Iterable[Any]) -> str:
    """Runs side by side (params, best and final accuracy, the budget), as Markdown; `runs` are results of
    `tinydigits.train` or run folders."""
    from pathlib import Path

    from tinydigits.results.report import compare as compare_runs

    return compare_runs([Path(getattr(r, "run_dir", r)) for r in runs])


def judge(run: Any, budget=None) -> str:
    """One run judged as `train`, `report` and `check` judge it (`results.budget.run_verdict`: its planned epochs, the
    budget it was trained under, or `budget`), as the text `check` prints for each seed. `run`: a result of
    `tinydigits.train` or a run folder."""
    from pathlib import Path

    from tinydigits.results.budget import format_verdict, run_verdict
    from tinydigits.results.records import Run

    record = run.run if isinstance(getattr(run, "run", None), Run) else Run.load(Path(run))
    # a run shorter than the judged epochs is said as the command line says it (`budget.format_verdict`)
    budget = budget or record.budget
    return format_verdict(run_verdict(record, budget), budget)


def handin(steps: Iterable[Any], out: str = "handin", runs: str = "runs", show: bool = True,
           analyses: Iterable[str | None] | None = None, notebook: str | None = None):
    """The hand-in from Python, the same as `tinydigits report STEP... --steps --out OUT`: README.md with its pictures
    and evidence.md in `out`, one step per entry of `steps` - a result of `tinydigits.train`, a verdict of
    `tinydigits.check`, a run or check folder, or a model (a name, a class: its newest run or check under `runs`).
    `analyses`: each step's Analysis in your words (None where a step has none), each claim in it checked against the
    records under it. Returns the README's path; in a notebook it is also shown (`show=False`: not). `notebook`: the
    notebook's file (e.g. "student.ipynb"), copied beside the README, where the kernel does not say which notebook it
    runs (nbclient, papermill, some editors)."""
    from tinydigits.results import handin as write
    from tinydigits.results import standalone

    if notebook is not None:
        standalone.notebook_file(notebook)  # a name that is no notebook file: one line before any picture is drawn

    folders = write.resolve(_step_refs(steps), runs)
    text, readme = write.write_up(folders, out, list(analyses) if analyses is not None else None, notebook=notebook)
    found, why = standalone.notebook_file(notebook)
    if found is None and why and _from_a_notebook(folders):  # the README says it too; here, where it can be acted on
        print(f"tinydigits: the hand-in leaves the notebook out: {why}")
    if show:
        _show_markdown(text, readme.parent)
    return readme


def claims(step: Any, text: str, previous: Any = None, runs: str = "runs"):
    """Each claim of `text` (a step's Analysis) checked against `step`'s records - a result of `train`, a verdict of
    `check`, a run or check folder - with `previous` (the step before, the same kinds) for claims that compare with
    it. Returns the claims (`.verdict` True, False or None where the runs cannot settle it); a notebook shows them."""
    from tinydigits.results import handin as write
    from tinydigits.results import steps as rules

    folders = write.resolve(_step_refs([s for s in (previous, step) if s is not None]), runs)
    read = rules.read_steps(folders)
    return Claims(write.step_claims(len(read), read[-1], read[0] if len(read) > 1 else None, text))


def _claims_of(self, text: str, previous: Any = None):
    """Each claim of `text` (this step's Analysis, in your words) checked against its records (`tinydigits.claims`);
    `previous`: the step before, for claims that compare with it."""
    return claims(self, text, previous)


def _bind_claims() -> None:
    """`.claims(text)` on what `train` and `check` return: their classes sit below this API in the package's flow
    (training, results), so the method is bound here, where the checks are reachable."""
    from tinydigits.results.records import Verdict
    from tinydigits.training.bookkeeping import RunResult

    RunResult.claims = _claims_of
    Verdict.claims = _claims_of


class Claims(list):
    """Checked claims: a list of `Claim`s that a notebook shows one line each."""

    def __repr__(self) -> str:
        return "\n".join(c.line() for c in self) or "no claim recognised"

    def _repr_markdown_(self) -> str:
        return "\n".join(f"- {c.line()}" for c in self) or "no claim recognised"


def _step_refs(steps: Iterable[Any]) -> list[str]:
    """Each step as `resolve` takes it: a run's or check's folder, a path, or a model's reference."""
    from pathlib import Path

    refs = []
    for step in steps:
        if getattr(step, "run_dir", None) is not None:
            refs.append(str(step.run_dir))
        elif getattr(step, "folder", None) is not None:  # a verdict of `check`: its folder
            refs.append(str(step.folder))
        elif isinstance(step, str | Path):
            refs.append(str(step))
        else:
            refs.append(model_ref(step).split(INLINE)[0])
    return refs


def _from_a_notebook(folders) -> bool:
    """Whether a step's model is a notebook's class (`-inline`), whose hand-in links the notebook it came from."""
    from tinydigits.results import records

    def model(folder) -> str:
        if records.kind_of(folder) == "check":
            return records.CheckPlan.load(folder).settings.model
        return records.Run.load(folder).settings.model

    return any(INLINE in model(folder) for folder in folders)


def _show_markdown(text: str, folder) -> None:
    """The write-up inline when a notebook runs this, every link to a file of the hand-in (its pictures, its code
    files, the notebook's copy) made relative to the notebook's folder, so that it resolves where the notebook is
    read."""
    import os
    import re

    try:
        from IPython import get_ipython
        from IPython.display import Markdown, display
    except ImportError:
        return
    shell = get_ipython()
    if shell is None or type(shell).__name__ == "TerminalInteractiveShell":
        return
    where = os.path.relpath(folder)
    display(Markdown(re.sub(r"\]\(([^):/#]+(?:#[^)]*)?)\)", lambda m: f"]({where}/{m.group(1)})", text)))


# The settings each call takes, listed from the fields the command line's flags come from (`settings.settings_doc`);
# under `python -OO` there are no docstrings to add to.
if train.__doc__ and check.__doc__:
    train.__doc__ += ("\n\n    Settings (keyword arguments; each is `tinydigits train`'s flag of the same name):\n"
                      + settings_doc(TrainConfig, skip={"model"}, indent=" " * 8))
    check.__doc__ += ("\n\n    Settings (keyword arguments; each is `tinydigits check`'s flag of the same name):\n"
                      + settings_doc(TrainConfig, skip={"model", "seed"}, indent=" " * 8)
                      + "\n\n    budget=tinydigits.Budget(...), its limits (each `tinydigits check`'s flag of the same "
                        "name):\n" + settings_doc(Budget, indent=" " * 8))

_bind_claims()
