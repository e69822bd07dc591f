"""A hand-in as its student wrote it - a README with Target / Result / Analysis per step, notebooks with their
printed outputs, model code - read into one typed record per step, never running any of its code; and each step as
the project's run record (`to_run`), so the claims engine decides its claims as it does a run's.

Steps come from the README's step sections (or, without one, from the notebooks). Each step's log is, in order of
trust: the log pasted in its own section, the notebook it links, the notebook its name matches (Model_1.ipynb,
S7_Model1.ipynb, Step1...), else the log whose figures (best test accuracy, parameters) its Result quotes. What maps
to no step is said in one line each, and a step with no log says so."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tinydigits.errors import TinyDigitsError
from tinydigits.results.handwritten.layers import Layer, Model, file_text, instantiated, read_models
from tinydigits.results.handwritten.notebook import Notebook, read_notebook
from tinydigits.results.handwritten.printed import ClassAccuracy, HandEpoch, Log, read_log
from tinydigits.results.handwritten.readme import Section, closing, goals, outside, read_readme, rf_list, step_of
from tinydigits.training.runfolder import Run

README_NAMES = ("readme.md", "readme.txt", "readme.markdown", "readme")
SKIPPED_DIRS = {".git", ".ipynb_checkpoints", "__pycache__", ".venv", "venv", "env", "site-packages", "node_modules"}
CODE_BYTES_MAX = 2_000_000  # a .py file larger than this is data, not a student's model
NOTEBOOK_BYTES_MAX = 50_000_000  # a notebook's outputs (pictures inline) make it large; past this it is not read
NO_LOG = "no log for this step"


@dataclass(frozen=True)
class HandStep:
    """One step of a hand-in as read: its Target / Result / Analysis (bullets or sentences, HTML stripped), where its
    log came from (None: no log), its parameters and whether a printed summary or the code gave them, its epochs as
    printed (`HandEpoch`, None where a figure was not printed) and the base they count from, the model class its
    layers and receptive field were read from, the per-class accuracies printed, and notes on whatever is unsure."""

    name: str
    number: int | None = None
    target: list[str] = field(default_factory=list)
    result: list[str] = field(default_factory=list)
    analysis: list[str] = field(default_factory=list)
    log_source: str | None = None
    params: int | None = None
    params_from: str | None = None  # "summary" (a printed Total params), "code" (counted from the layers), None
    epochs: list[HandEpoch] = field(default_factory=list)
    epoch_base: int | None = None  # 0 or 1 as the log numbers its epochs; None where it does not number them
    model: str | None = None  # the class its layers came from, and where: "Model_2 (model.py)"
    layers: list[Layer] = field(default_factory=list)
    rf: int | None = None
    per_class: list[ClassAccuracy] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rf_said: list[tuple[str, int]] = field(default_factory=list)  # the receptive fields its section lists, by item
    summary_kinds: list[str] = field(default_factory=list)  # its printed summary's layer types ("BatchNorm2d")

    @property
    def best_test(self) -> float | None:
        accs = [e.test_acc for e in self.epochs if e.test_acc is not None]
        return max(accs) if accs else None


@dataclass(frozen=True)
class HandIn:
    """A hand-in read: its steps in the README's order, one line for each thing that mapped to no step, and notes on
    the hand-in as a whole (files that could not be read)."""

    path: Path
    steps: list[HandStep] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)  # the goal list at the README's head, ticked off as met
    left: list[Log] = field(default_factory=list)  # the logs no step took, in the order printed
    closing: list[str] = field(default_factory=list)  # a closing section's sentences ("## Conclusion"), of the last log

    def final(self) -> HandStep | None:
        """What the hand-in's goals are judged against: its last step with a log, else the longest log no step took
        (a README's one pasted log under a table of several steps)."""
        logged = [s for s in self.steps if s.epochs]
        if logged:
            return logged[-1]
        log = max(self.left, key=lambda lg: len(lg.epochs), default=None)
        if log is None or not log.epochs:
            return None
        return HandStep(log.source, None, log_source=log.source, params=log.params,
                        params_from="summary" if log.params is not None else None, epochs=log.epochs,
                        epoch_base=log.epoch_base, per_class=log.per_class)


# ---- gathering the files
def _files(folder: Path, suffix: str) -> list[Path]:
    found = []
    for path in sorted(folder.rglob(f"*{suffix}")):
        parts = set(path.relative_to(folder).parts[:-1])
        if not parts & SKIPPED_DIRS and not any(p.startswith(".") for p in parts) and path.is_file():
            found.append(path)
    return found


def _readme(folder: Path) -> Path | None:
    by_name = {p.name.lower(): p for p in folder.iterdir() if p.is_file()}
    return next((by_name[n] for n in README_NAMES if n in by_name), None)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        raise TinyDigitsError(f"{path}: cannot read ({err.strerror})") from None


# ---- figures a step's text quotes, to match a log to it
def quoted(texts: list[str]) -> tuple[set[str], set[int]]:
    """(accuracies as written with one or two decimals, whole numbers of 1,000 or more) a step's texts quote: "99.41",
    "99.5", 7,928, 7928."""
    text = " ".join(texts)
    accs = set(re.findall(r"(?<![\d.])(\d{2}\.\d{1,2})(?!\d)", text))
    ints = {int(m.replace(",", "")) for m in re.findall(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d{4,7})(?![\d.,]\d)", text)}
    return accs, {i for i in ints if i >= 1000}


def fit(section: Section, log: Log) -> int:
    """How many of a log's figures a step's Result and Analysis quote (its Target states an aim, not a figure): its
    best test accuracy, best train accuracy, last test accuracy, its parameters (0: none - the log is not that step's
    by its figures). "99.5" quotes 99.50 and nothing else."""
    accs, ints = quoted(section.result + section.analysis)
    score = 0
    last = next((e.test_acc for e in reversed(log.epochs) if e.test_acc is not None), None)
    for figure in {log.best_test, log.best_train, last} - {None}:
        score += f"{figure:.2f}" in accs or f"{figure:.2f}".rstrip("0") in accs
    return score + (log.params in ints if log.params is not None else 0)


def _texts(section: Section) -> list[str]:
    return section.target + section.result + section.analysis


# ---- which model class a step used
def _norm(name: str) -> str:
    return re.sub(r"[\s_\-]", "", name).lower()


@dataclass
class _Pool:
    """Every model class the hand-in defines: from its .py files, its notebooks' code, its README's blocks."""

    by_source: dict[str, list[Model]] = field(default_factory=dict)
    texts: dict[str, Section] = field(default_factory=dict)  # a .py file's Target / Result / Analysis, by source

    def add(self, source: str, models: list[Model]) -> None:
        if models:
            self.by_source[source] = models

    def named(self, name: str, prefer: list[str] = ()) -> Model | None:
        """The class of that name (Model_2 and Model2 alike), from the first of `prefer`'s sources that has it."""
        sources = [s for s in prefer if s in self.by_source] + [s for s in self.by_source if s not in prefer]
        # a notebook that defines a class again in a later cell trains the last definition
        return next((m for s in sources for m in reversed(self.by_source[s]) if _norm(m.name) == _norm(name)), None)

    @property
    def names(self) -> set[str]:
        return {m.name for models in self.by_source.values() for m in models}


def _named_in(texts: str, names: set[str]) -> str | None:
    """The model class a step's text names most (the last named on a tie): "named as Model_2 in models.py"."""
    norms = {_norm(n): n for n in names}
    said = [norms[_norm(m)] for m in re.findall(r"(?<![A-Za-z0-9])([A-Za-z]\w*?)(?![A-Za-z0-9_])", texts)
            if _norm(m) in norms]
    if not said:
        return None
    counts = Counter(said)
    top = max(counts.values())
    return next(name for name in reversed(said) if counts[name] == top)


def _model_for(section: Section, notebook: Notebook | None, pool: _Pool, note: list[str]) -> Model | None:
    """The class a step used: the one its notebook builds (or alone defines), else the one its section's code defines,
    else the one its text names, else the one numbered as the step is (Model_1 for step 1), else the hand-in's only
    class; said in a note where it is a guess."""
    names = pool.names
    if notebook is not None:
        built = instantiated(notebook.code, names)
        if built:
            if len(set(built)) > 1:
                note.append(f"{notebook.path.name} builds {', '.join(dict.fromkeys(built))}: the last one's layers taken")
            return pool.named(built[-1], [notebook.path.name])
        defined = pool.by_source.get(notebook.path.name, [])
        if len(defined) == 1:
            return defined[0]
    own = [m for code in section.code for m in read_models(code, "README")]
    if len(own) == 1:
        return own[0]
    said = _named_in(f"{section.name}\n{section.text}\n" + "\n".join(_texts(section)), names)
    if said:
        return pool.named(said, ["README"])
    numbered = [n for n in names if section.number is not None and (step_of(n) or ("", -1))[1] == section.number]
    if len(numbered) == 1:
        note.append(f"model: {numbered[0]} taken by its number (nothing in the step names it)")
        return pool.named(numbered[0])
    if len(names) == 1:
        note.append(f"model: {next(iter(names))} taken as the hand-in's only model class")
        return pool.named(next(iter(names)))
    return None


# ---- the reading
def read_handin(path: str | Path) -> HandIn:
    """A hand-in read without running any of it: a folder (a README - .md or .txt, Markdown or HTML - and notebooks
    with their outputs, .py files), or one file (a README, or a notebook: one step)."""
    path = Path(path)
    if not path.exists():
        raise TinyDigitsError(f"{path}: no such file or folder")
    notes: list[str] = []
    notebooks: list[Notebook] = []
    pool = _Pool()
    if path.is_dir():
        readme = _readme(path)
        for nb_path in _files(path, ".ipynb"):
            if nb_path.stat().st_size > NOTEBOOK_BYTES_MAX:
                notes.append(f"{nb_path.name}: over {NOTEBOOK_BYTES_MAX // 1_000_000} MB, not read")
                continue
            try:
                notebooks.append(read_notebook(nb_path))
            except TinyDigitsError as err:
                notes.append(str(err))
        for py in _files(path, ".py"):
            if py.stat().st_size <= CODE_BYTES_MAX:
                code, source = _read_text(py), str(py.relative_to(path))
                pool.add(source, read_models(code, source))
                pool.texts[source] = _parts(read_readme(file_text(code)), source)
    elif path.suffix.lower() == ".ipynb":
        readme, notebooks = None, [read_notebook(path)]
    elif path.suffix.lower() in (".md", ".txt", ".markdown", "") or path.name.lower().startswith("readme"):
        readme = path
    else:
        raise TinyDigitsError(f"{path}: neither a folder, a README (.md, .txt) nor a notebook (.ipynb)")
    for nb in notebooks:
        pool.add(nb.path.name, read_models(nb.code, nb.path.name))
    readme_text = _read_text(readme) if readme is not None else ""
    sections = read_readme(readme_text) if readme is not None else []
    for section in sections:
        for code in section.code:
            pool.add("README", pool.by_source.get("README", []) + read_models(code, "README"))
    if not sections or len(sections) == 1 and not sections[0].name and notebooks and (
            not _texts(sections[0]) or sum(1 for nb in notebooks if _texts(_notebook_parts(nb))) > 1):
        if sections and _texts(sections[0]):
            notes.append(f"{readme.name} has no step heads: its own Target / Result / Analysis left aside, each "
                         "notebook a step")
        sections = _notebook_sections(notebooks, sections[0] if sections else None)
    steps, unmapped, left = _map(sections, notebooks, readme_text, pool)
    return HandIn(path, steps, unmapped, notes, goals(readme_text) if readme_text else [], left,
                  closing(readme_text) if readme_text else [])


def _parts(found: list[Section], name: str) -> Section:
    """One Target / Result / Analysis from all a file's sections (a notebook, a .py file: one step)."""
    if len(found) == 1:
        return found[0]
    return Section(name, None, [t for s in found for t in s.target], [r for s in found for r in s.result],
                   [a for s in found for a in s.analysis])


def _notebook_parts(notebook: Notebook) -> Section:
    """A notebook's own Target / Result / Analysis, from its Markdown cells."""
    return _parts(read_readme(notebook.markdown), notebook.path.stem)


def _own_texts(section: Section, notebook: Notebook | None, model: Model | None, pool: _Pool,
               notes: list[str]) -> Section:
    """The step's Target / Result / Analysis: the README's, else its notebook's Markdown, else its model class's
    docstring, else its model file's own block (said in a note where they come from elsewhere than the README)."""
    if _texts(section):
        return section
    elsewhere = [(notebook.path.name, _notebook_parts(notebook)) if notebook is not None else None]
    if model is not None:
        elsewhere += [(f"{model.name}'s docstring", _parts(read_readme(model.doc), model.name)),
                      (model.source, pool.texts.get(model.source))]
    for where, parts in (e for e in elsewhere if e is not None):
        if parts is not None and _texts(parts):
            notes.append(f"Target / Result / Analysis from {where}")
            return parts
    return section


def _notebook_sections(notebooks: list[Notebook], readme: Section | None) -> list[Section]:
    """Without step heads in a README, each notebook is a step, its Target / Result / Analysis from its own Markdown
    cells (a README with none of its own adds its text to a lone notebook's)."""
    out = []
    for nb in sorted(notebooks, key=lambda n: ((step_of(n.path.stem) or ("", 10**6))[1], n.path.name)):
        parts = _notebook_parts(nb)
        found = step_of(nb.path.stem)
        links = [nb.path.name] + (readme.links if readme is not None and len(notebooks) == 1 else [])
        text = readme.text if readme is not None and len(notebooks) == 1 else ""
        out.append(Section(nb.path.stem, found[1] if found else None, parts.target, parts.result, parts.analysis,
                           links, [], text))
    return out or ([readme] if readme is not None else [])


def _map(sections: list[Section], notebooks: list[Notebook], readme_text: str,
         pool: _Pool) -> tuple[list[HandStep], list[str], list[Log]]:
    """Each step with its log, in order of trust; (the steps, a line for each log no step took, those logs)."""
    mapping = _Mapping(sections)
    by_text = mapping.pasted()
    mapping.from_notebooks(notebooks)
    rest = outside(readme_text) if readme_text else ""
    if rest and rest not in by_text:  # (a table of steps outside the sections has read it already)
        mapping.left += read_log(rest, "README (outside the steps)")
    unmapped = mapping.by_figures()
    steps = [_step(s, mapping.logs.get(i), mapping.sources.get(i), pool, mapping.notes[i])
             for i, s in enumerate(sections)]
    return steps, unmapped, mapping.unmapped


@dataclass
class _Mapping:
    """The steps' logs as they are found: `logs` and `sources` by step, `notes` by step, `left` the logs no step has
    taken yet."""

    sections: list[Section]
    logs: dict[int, Log] = field(default_factory=dict)
    sources: dict[int, Notebook] = field(default_factory=dict)
    notes: dict[int, list[str]] = field(default_factory=dict)
    left: list[Log] = field(default_factory=list)
    unmapped: list[Log] = field(default_factory=list)  # what `by_figures` found no step for

    def __post_init__(self) -> None:
        self.notes = {i: [] for i in range(len(self.sections))}

    def pasted(self) -> dict[str, list[int]]:
        """1. The log pasted in a step's own section (a table of several steps shares its section's: those go by
        their figures). Returns the steps by their section's text."""
        by_text: dict[str, list[int]] = {}
        for i, section in enumerate(self.sections):
            by_text.setdefault(section.text, []).append(i)
        for text, members in by_text.items():
            head = self.sections[members[0]].head
            pasted = [lg for lg in read_log(text, f"README ({head})" if head else "README") if lg.epochs or lg.params]
            if len(members) > 1:
                self.left += pasted
                continue
            pasted = _merge_summaries(pasted)
            if pasted:
                self.logs[members[0]] = pasted[-1]
            if len(pasted) > 1:
                self.notes[members[0]].append(f"its section shows {len(pasted)} runs: the last one taken")
                self.left += pasted[:-1]
        return by_text

    def from_notebooks(self, notebooks: list[Notebook]) -> None:
        """2. The notebooks a step links, 3. else the one its name matches (Model_1.ipynb for Model 1): of their
        runs, the one its figures match ("s7-3.ipynb and s7-4.ipynb"), on a tie the last."""
        by_name = {nb.path.name.lower(): nb for nb in notebooks}
        runs_of = {nb.path.name: [lg for lg in read_log(nb.outputs, nb.path.name) if lg.epochs or lg.params]
                   for nb in notebooks}
        for i, section in enumerate(self.sections):
            linked = [by_name[Path(link).name.lower()] for link in section.links if Path(link).name.lower() in by_name]
            numbered = [nb for nb in notebooks if section.number is not None
                        and (step_of(nb.path.stem) or ("", -1))[1] == section.number]
            candidates = list({nb.path: nb for nb in linked}.values()) or (numbered if len(numbered) == 1 else [])
            if not candidates:
                continue
            runs = [(nb, lg) for nb in candidates for lg in runs_of[nb.path.name] if lg not in self.logs.values()]
            if i in self.logs or not runs:
                self.sources[i] = candidates[-1]
                continue
            self.sources[i], self.logs[i] = max(runs, key=lambda pair: (fit(section, pair[1]), runs.index(pair)))
            if len(runs) > 1:
                self.notes[i].append(f"{len(runs)} runs in {', '.join(nb.path.name for nb in candidates)}: "
                                     f"{self.logs[i].source}'s taken (its figures match, else the last)")
        for nb in notebooks:
            self.left += [lg for lg in runs_of[nb.path.name] if lg not in self.logs.values()]

    def open_to(self, i: int, log: Log) -> bool:
        """Whether step i can take the log: it has none, or a summary alone (params, no epochs) and this is epochs,
        or epochs without params and this is a summary."""
        have = self.logs.get(i)
        return have is None or (not have.epochs and bool(log.epochs)) or (have.params is None and not log.epochs)

    def score(self, i: int, log: Log) -> int:
        have = self.logs.get(i)  # a summary pasted in the step's own section quotes the params its run printed
        return fit(self.sections[i], log) + bool(have and not have.epochs and have.params == log.params)

    def by_figures(self) -> list[str]:
        """4. What is left goes to the one step whose texts quote its figures; a line for each that none does."""
        unmapped = []
        for log in sorted(self.left, key=lambda lg: -len(lg.epochs)):
            scores = [(self.score(i, log), -i) for i in range(len(self.sections)) if self.open_to(i, log)]
            best = max(scores, default=(0, 0))
            if best[0] > 0 and sum(1 for s in scores if s[0] == best[0]) == 1:
                i, have = -best[1], self.logs.get(-best[1])
                self.logs[i] = _joined(have, log) if have is None or have.epochs else _joined(log, have)
            else:
                unmapped.append(f"{log.describe()}: matches no step's figures")
                self.unmapped.append(log)
        return unmapped


def _merge_summaries(logs: list[Log]) -> list[Log]:
    """A pasted summary then a pasted log read as two runs (its Total params, then epochs): one run."""
    out: list[Log] = []
    for log in logs:
        if out and not out[-1].epochs and out[-1].params is not None and log.epochs and log.params is None:
            out[-1] = _joined(log, out[-1])
        else:
            out.append(log)
    return out


def _joined(log: Log | None, summary: Log) -> Log:
    """A log given the parameters (and per-class figures) of a summary printed apart from it."""
    if log is None:
        return summary
    borrowed = log.params is None and summary.params is not None and summary.source != log.source
    return Log(f"{log.source}; params from {summary.source}" if borrowed else log.source,
               log.epochs, log.epoch_base, log.params if log.params is not None else summary.params,
               log.per_class or summary.per_class, log.kinds or summary.kinds)


def _step(section: Section, log: Log | None, notebook: Notebook | None, pool: _Pool, notes: list[str]) -> HandStep:
    model = _model_for(section, notebook, pool, notes)
    params, params_from = None, None
    if log is not None and log.params is not None:
        params, params_from = log.params, "summary"
        if model is not None and model.params is not None and model.params != log.params:
            notes.append(f"the summary prints {log.params:,} parameters, {model.name}'s code counts {model.params:,}")
    elif model is not None and model.params is not None:
        params, params_from = model.params, "code"
    if model is not None and model.unsure:
        notes += [f"{model.name}: {u}" for u in model.unsure]
    if log is None or not log.epochs:
        notes.append(NO_LOG)
    texts = _own_texts(section, notebook, model, pool, notes)
    return HandStep(
        name=section.name, number=section.number, target=texts.target, result=texts.result,
        analysis=texts.analysis, log_source=log.source if log is not None and log.epochs else None,
        params=params, params_from=params_from, epochs=log.epochs if log is not None else [],
        epoch_base=log.epoch_base if log is not None else None,
        model=f"{model.name} ({model.source})" if model is not None else None,
        layers=model.layers if model is not None else [], rf=model.rf if model is not None else None,
        per_class=log.per_class if log is not None else [], notes=notes, rf_said=rf_list(section.text),
        summary_kinds=log.kinds if log is not None else [])


# ---- the bridge to the project's run record
def _figure(value: float | None) -> float:
    return math.nan if value is None else value


def run_files(step: HandStep) -> tuple[dict, dict]:
    """(config.json, metrics.json) contents for a step: each epoch row has every field metrics.json's rows have, NaN
    where the hand-in did not print it (seconds always; train_loss where only tqdm's last-batch loss was printed - a
    batch's loss is not the epoch's mean the record means). params is 0 where neither a summary nor the code gave it,
    as a run folder without it reads."""
    rows = [{"epoch": e.index, "train_loss": _figure(e.train_loss), "train_acc": _figure(e.train_acc),
             "test_loss": _figure(e.test_loss), "test_acc": _figure(e.test_acc), "lr": _figure(e.lr),
             "seconds": math.nan} for e in step.epochs]
    config: dict = {"model": step.name or "hand-in", "epochs": len(step.epochs), "seed": 0, "params": step.params or 0,
                    "origin": {"kind": "handwritten", "log": step.log_source, "params_from": step.params_from,
                               "model": step.model, "epoch_base": step.epoch_base}}
    if all(e.train_loss is None for e in step.epochs) and any(e.batch_loss is not None for e in step.epochs):
        # what a student calls the training loss where the log printed only its bar's: each epoch's last batch
        config["origin"]["batch_loss"] = [_figure(e.batch_loss) for e in step.epochs]
    if step.target:
        config["target"] = " ".join(step.target)
    first_rate = next((e.lr for e in step.epochs if e.lr is not None), None)
    if first_rate is not None:
        config["lr"] = first_rate
    metrics = {"model": step.name or "hand-in", "params": step.params or 0, "seed": 0, "epochs": rows,
               "complete": bool(step.epochs)}
    return config, metrics


def to_run(step: HandStep, folder: str | Path = ".") -> Run:
    """The step as the project's run record (`Run.from_files`): what the claims engine reads. Its per-class figures
    stay on the step: a printed `Accuracy of 3 : 99 %` has no counts, and the record's rows need them."""
    config, metrics = run_files(step)
    return Run.from_files(Path(folder), config, metrics)
