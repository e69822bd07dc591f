"""The hand-in: `tinydigits report STEP... --steps --out DIR` writes a folder to commit as it is - README.md with a
table of the steps, one picture of them all, and per step its Target / Result / Analysis with the layer table, the
epoch log, the budget's verdict and why, its curves, misclassified digits and per-class errors (a check step: its
seeds and odds too), each picture titled with its step and seed; beside it each step's records (metrics.json,
config.json, per_class.csv, a check's check.json and plan.json), linked where the README cites them. What is true of
each step is `results.steps`'; this module lays it out."""

from __future__ import annotations

import math
import re
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tinydigits import files
from tinydigits.errors import TinyDigitsError
from tinydigits.models import summary
from tinydigits.results import records
from tinydigits.results import steps as rules
from tinydigits.results.budget import mark, reason, seed_table
from tinydigits.results.check_picture import plot_check
from tinydigits.results.claims import code_comments, judge_sections, sections
from tinydigits.results.figures import DPI, matplotlib, plain_log_axis, plt, save_figure
from tinydigits.results.report import (
    MISSES_SHOWN,
    CurveMarks,
    accuracy_zoom,
    loss_limits,
    md_table,
    plot_curves,
    plot_per_class,
    smoothing_floor,
)
from tinydigits.results.steps.between import STAMP
from tinydigits.results.steps.claims import ANALYSIS, CODE, YARDSTICKS, Judged, Tally, judge
from tinydigits.results.steps.shown import records_show
from tinydigits.training.runs import INLINE

if TYPE_CHECKING:
    from matplotlib.figure import Figure

PICTURES = ("curves.png", "misclassified.png", "per_class.png")  # a run's own, copied beside README.md per step
# The records a step's figures are read from, copied beside README.md per step (the shown run's, and a check's verdict
# and plan): JSON and CSV of a few kB each. Never a checkpoint, and none over RECORD_BYTES_MAX: a folder to commit.
RUN_RECORDS = (records.METRICS, records.CONFIG, records.PER_CLASS)
CHECK_RECORDS = (records.CHECK, records.PLAN)
RECORD_BYTES_MAX = 200_000


def resolve(refs: list[str], runs_dir: str | Path, log=lambda line: print(line, file=sys.stderr)) -> list[Path]:
    """Each STEP as a folder: a run or check folder as given, or a model (`model.py:Model_2`, `model2`) as the newest
    run or check of it under `runs_dir`, said in one line."""
    out = []
    for i, ref in enumerate(refs, 1):
        if Path(ref).exists():
            records.kind_of(ref)  # a path that is neither a run nor a check folder: one line saying so
            out.append(Path(ref))
            continue
        folder, count = rules.newest_run(ref, runs_dir)
        log(f"step {i}: {ref} -> {folder}" + (f" (the newest of {count})" if count > 1 else ""))
        out.append(folder)
    return out


def out_paths(out: str) -> tuple[Path, Path]:
    """(README, folder) for `--out`: a folder (README.md inside), or a .md file (its pictures beside it); the folder
    is created, a file in its way is one line."""
    given = Path(out)
    readme = given if given.suffix == ".md" else given / "README.md"
    folder = readme.parent
    if folder.exists() and not folder.is_dir():
        raise TinyDigitsError(f"--out {out}: {folder} is a file, not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise TinyDigitsError(f"--out {out}: cannot create {folder} ({err.strerror})") from None
    if readme.is_dir():
        raise TinyDigitsError(f"--out {out}: {readme} is a folder")
    return readme, folder


def write_up(folders: list[Path], out: str | None = None, analyses: list[str | None] | None = None,
             notebook: str | None = None) -> tuple[str, Path | None]:
    """The Markdown of every step in order, and the README.md it was written to: with `out`, there, its pictures,
    records and evidence.md beside it (without, the text alone and None: no picture is written unasked).
    `analyses`: each step's Analysis as its student wrote it (None or "" where a step has none: the records' facts
    stand in its place); each is checked against the records. `notebook`: the notebook a notebook's class came from,
    where its kernel does not say (`standalone.notebook_file`)."""
    steps = rules.read_steps(folders)
    texts = list(analyses or [])
    if len(texts) > len(steps):
        raise TinyDigitsError(f"{len(texts)} analyses for {len(steps)} steps: one per step, in order")
    texts += [None] * (len(steps) - len(texts))
    readme, folder = out_paths(out) if out else (None, None)
    pictures: dict[int, dict[str, str]] = {}
    if folder is not None:
        plot_steps(steps, folder / "steps.png")
        small(folder / "steps.png", folder / "steps.png")
        codes = [step.run.code or "" for step in steps]
        most = shared_errors([[r.errors for r in step.run.per_class] for step in steps if step.run.per_class])
        pictures = {i: _copy_pictures(step, folder, i + 1, codes, most, notebook)
                    | _copy_records(step, folder, f"step{i + 1}-") for i, step in enumerate(steps)}
    text, judged = render(steps, pictures, with_overview=folder is not None, analyses=texts)
    if readme is not None:
        files.write_text(folder / EVIDENCE, evidence(steps, pictures, judged))
        files.write_text(readme, text)
    return text, readme


def rewrite(folder: str | Path, analyses: list[str | None] | None = None) -> Path:
    """A hand-in folder written again from the records it ships (no run folder needed): README.md and evidence.md
    from its stepN-* records, its pictures kept as they are, `analyses` its steps' Analyses."""
    from tinydigits.results.claims import read_handin_step, sections

    folder = Path(folder)
    steps: list[rules.Step] = []
    for section in sections((folder / "README.md").read_text(encoding="utf-8")):
        steps.append(read_handin_step(folder, section.number, steps[-1] if steps else None))
    pictures = {}
    for i in range(len(steps)):
        prefix = f"step{i + 1}-"
        kept = {name: f"{prefix}{name}" for name in (*PICTURES, "check.png", *RUN_RECORDS, *CHECK_RECORDS)
                if (folder / f"{prefix}{name}").is_file()}
        if (folder / f"{prefix}code.py").is_file():
            kept["code"] = f"[{prefix}code.py]({prefix}code.py)"
        pictures[i] = kept
    texts = list(analyses or []) + [None] * len(steps)
    text, judged = render(steps, pictures, with_overview=True, analyses=texts[:len(steps)])
    files.write_text(folder / EVIDENCE, evidence(steps, pictures, judged))
    files.write_text(folder / "README.md", text)
    return folder / "README.md"


def reading_words(markdown: str) -> int:
    """The words a grader reads in a page, outside code and tables: fenced code, table rows, HTML tags and link
    targets left out; a picture's alt text and a link's words counted."""
    text = re.sub(r"```.*?```", " ", markdown, flags=re.S)
    text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("|"))
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\]\([^)]*\)", "] ", text)
    return len(re.findall(r"[\w%][\w.,%'’/+-]*", text))


EVIDENCE = "evidence.md"  # the appendix: every table, log, seed and yardstick the README's figures rest on


def _copy_pictures(step: rules.Step, folder: Path, number: int, others: list[str] | None = None,
                   most: int | None = None, notebook: str | None = None) -> dict[str, str]:
    """The shown run's pictures (and a check's) beside README.md as stepN-NAME, each titled with its step and seed,
    and the model's code as a file that runs alone (`others`: the other steps' recorded code, where a notebook's
    helpers may be; `most`: every step's largest per-digit error count, their per-class pictures' one axis)."""
    prefix, heading = f"step{number}-", picture_title(number, step)
    shown: dict[str, str] = {}
    if step.run.code:
        shown["code"] = _code_file(step, folder, prefix, others or [], notebook)
    found = {name: step.folder / name for name in PICTURES if (step.folder / name).is_file()}
    if step.check_folder is not None and (step.check_folder / "check.png").is_file():
        found["check.png"] = step.check_folder / "check.png"
    averaged = " (test of the weights' running average, EMA)" if step.run.settings.ema else ""  # said in a title
    for name, source in found.items():
        target = folder / f"{prefix}{name}"
        if name == "per_class.png" and step.run.per_class:  # drawn again from the rows its table shows: they agree
            plot_per_class([vars(r) for r in step.run.per_class], target, heading + averaged, most)
        elif name == "curves.png" and step.run.epochs:  # drawn again from its epochs: as its alt says
            plot_curves(step.run.epochs, target, CurveMarks.of(step.run), heading)
        elif name == "check.png" and step.check is not None:  # drawn again from its verdict, as the check draws it
            plot_check(step.check.verdict, step.check.budget, step.name, target)  # (a check drawn before says less)
            seeds = ", ".join(map(str, sorted(step.check.seeds)))
            short = (f"\nshortened: {', '.join(step.shortened)} - its odds are of that recipe, not of the budget's"
                     if step.shortened else "")
            save_figure(titled_figure(target, f"step {number}: {step.name}, seeds {seeds} (seed {step.seed} shown "
                                              f"in detail){short}"), target, tight=False)
        else:  # drawn from what the run folder alone holds (the test images): its own, the step and seed put above it
            save_figure(titled_figure(source, heading + (averaged if name == "misclassified.png" else "")), target,
                        tight=False)
        small(target, target)
    return {**shown, **{name: f"{prefix}{name}" for name in found}}


def picture_title(number: int, step: rules.Step) -> str:
    """The title every picture of a step carries: which step, which model, which seed."""
    return f"step {number}: {step.name}, seed {step.seed}"


def titled_figure(source: Path, title: str) -> Figure:
    """A picture a run drew (`source`) pixel for pixel, with `title` in a band above it (saved untrimmed:
    `save_figure(..., tight=False)`)."""
    image = plt.imread(source)
    height, width = image.shape[:2]
    band = 28 * (title.count("\n") + 1)  # pixels, a line of the title each
    fig = plt.figure(figsize=(width / DPI, (height + band) / DPI), dpi=DPI)
    fig.figimage(image, xo=0, yo=0, origin="upper")
    fig.text(0.5, 1 - band / 2 / (height + band), title, ha="center", va="center", fontsize=10)
    return fig


def _copy_records(step: rules.Step, folder: Path, prefix: str) -> dict[str, str]:
    """The step's records beside README.md as stepN-NAME, each byte for byte as its run (or check) wrote it: the
    shown run's metrics.json, config.json and per_class.csv, and a check's check.json (every seed's test accuracy by
    epoch, the verdict) and plan.json (its seeds and settings). Returns each copied record's name by its own."""
    found = [step.folder / name for name in RUN_RECORDS]
    if step.check_folder is not None:
        found += [step.check_folder / name for name in CHECK_RECORDS]
    copied = {}
    for source in found:
        if source.is_file() and source.stat().st_size <= RECORD_BYTES_MAX:
            _copy_file(source, folder / f"{prefix}{source.name}")
            copied[source.name] = f"{prefix}{source.name}"
    return copied


def _copy_file(source: Path, target: Path) -> None:
    data = source.read_bytes()
    files.atomic_write(target, lambda tmp: Path(tmp).write_bytes(data))


def _code_file(step: rules.Step, folder: Path, prefix: str, others: list[str], notebook: str | None = None) -> str:
    """stepN-code.py: the class as its run recorded it, with the imports and helpers it uses written out above it, so
    that the folder alone builds it (a spec: stepN-spec.json, which tinydigits builds). From a notebook's kernel, the
    notebook is copied beside it. Returns the README's words for it: the link, what it needs and how to run it."""
    import hashlib
    import shutil

    from tinydigits.results import standalone

    code = step.run.code or ""
    digest = hashlib.sha256(code.encode()).hexdigest()[:16]
    if step.run.origin.get("kind") == "spec":
        name = f"{prefix}spec.json"
        files.write_text(folder / name, code)
        return (f"[{name}]({name}) (sha256 {digest}), a tinydigits spec: `tinydigits summary --model {name}` builds it "
                "and prints its layers")
    name = f"{prefix}code.py"
    exported = standalone.for_run(code, step.run.origin, step.run.ref, others)
    cls = exported.name
    run_it, summary_it = f"python {name}", f"tinydigits summary --model {name}:{cls}"
    width = max(len(run_it), len(summary_it))
    header = (f"# {name}: `{cls}` as its run recorded it (config.json's `code`, sha256 {digest}), with the imports and\n"
              "# helpers it uses written out above it.\n"
              f"#   {run_it:<{width}}  # builds it: its parameters, a digit through it\n"
              f"#   {summary_it:<{width}}  # its layer table, where tinydigits is installed\n")
    files.write_text(folder / name, header + "\n" + exported.text)
    helpers = f" and helpers ({', '.join(f'`{h}`' for h in exported.helpers)})" if exported.helpers else ""
    needs = "PyTorch and tinydigits" if exported.needs_tinydigits else "PyTorch alone"
    whose = ("of the recorded file, which holds every class it defined then" if step.run.origin.get("kind") == "file"
             else "of the recorded code")
    builds = (f"`{run_it}` builds it" if not exported.unresolved else
              f"`{run_it}` builds it once {', '.join(f'`{u}`' for u in exported.unresolved)} is defined above it")
    text = (f"[{name}]({name}), `{cls}` (sha256 {digest} {whose}, config.json's `code`; this file adds a header and "
            f"what it needs, so its own hash differs) with its imports{helpers} written out above it: it needs {needs}; "
            f"{builds}, `{summary_it}` prints its layers")
    if exported.unresolved:
        text += (f". Not defined by any record: {', '.join(f'`{u}`' for u in exported.unresolved)} (define it above "
                 "the class before running the file)")
    if INLINE in step.run.ref:
        found, why = standalone.notebook_file(notebook)
        if found is not None:
            if found.resolve() != (folder / found.name).resolve():
                shutil.copyfile(found, folder / found.name)
            text += f"; the notebook it came from, as last saved: [{found.name}]({found.name}) {AS_SAVED}"
        elif beside := sorted(folder.glob("*.ipynb")):  # put here by hand: named, not claimed to be that notebook
            text += (f"; the notebook it came from: {why}; this folder holds "
                     + ", ".join(f"[{n.name}]({n.name})" for n in beside) + ", put here by hand, not checked to be it")
        else:
            text += f"; the notebook it came from is not in this folder: {why} (copy it beside this README)"
    return text


# A kernel cannot save its notebook, so the copy is the file as saved before the hand-in's cell ran.
AS_SAVED = ("(saved before the hand-in's cell ran, so that cell has no output in it: save the notebook once the cell has "
            "run, then run the cell again to copy it with its output)")


def small(source: Path, target: Path) -> None:
    """A picture for a folder that is committed: 256 colours (a third of the bytes of matplotlib's PNG, the same
    picture to the eye), written atomically."""
    from PIL import Image

    with Image.open(source) as image:
        reduced = image.convert("RGB").quantize(256)
    files.atomic_write(target, lambda tmp: reduced.save(tmp, format="PNG", optimize=True))


def render(steps: list[rules.Step], pictures: dict[int, dict[str, str]], with_overview: bool,
           analyses: list[str | None] | None = None) -> tuple[str, list[Judged]]:
    """README.md: a summary line a step, the tally of its checked sentences, the steps' table and picture, then each
    step's Target, Result, Analysis (the student's, checked against the records; else what the records show) and
    curves; and its sentences judged, for evidence.md. Written twice: the sentences of the first are judged as
    `tinydigits claims` judges the folder, so the README's tally and checks are the command's (the checks the second
    adds are not part of any section's text)."""
    texts = list(analyses or []) + [None] * len(steps)
    judged = checks_of(_compose(steps, pictures, with_overview, texts[:len(steps)], None), steps)
    return _compose(steps, pictures, with_overview, texts[:len(steps)], judged), judged


def checks_of(readme: str, steps: list[rules.Step]) -> list[Judged]:
    """Every sentence of a README's steps judged against `steps` (in order), as `tinydigits claims` judges them."""
    return judge_sections(sections(readme), {i + 1: step for i, step in enumerate(steps)})


def _compose(steps: list[rules.Step], pictures: dict[int, dict[str, str]], with_overview: bool,
             texts: list[str | None], judged: list[Judged] | None) -> str:
    out = ["# The steps", "", *summary_lines(steps), ""]
    if judged is not None:
        out += [f"Every sentence of the steps' Targets, Results and Analyses{' (the Analyses are the student’s)' * any(texts)}"
                f", checked against the records: {Tally.of(judged).line()}. Each Analysis' checks are under it; all of "
                f"them in full in [evidence.md]({EVIDENCE}).", ""]
    out += [overview_table(steps), ""]
    notebook = next((code.split("; the notebook it came from", 1)[1] for shown in pictures.values()
                     if "; the notebook it came from" in (code := shown.get("code", ""))), None)
    if notebook is not None:  # said once: every notebook step's code came from the same one
        out += [f"The notebook the steps' classes came from{notebook}.", ""]
    if with_overview:
        out += [f"![every step's test and train loss and error rate by epoch, against the {steps[0].budget.min_acc} % "
                "line](steps.png)", ""]
    for i, step in enumerate(steps):
        mine = [j for j in judged or [] if j.step == i + 1]
        out += step_block(i, step, steps[i - 1] if i else None, pictures.get(i, {}), {s.name for s in steps},
                          texts[i], mine if judged is not None else None)
    return "\n".join(out)


def step_claims(number: int, step: rules.Step, previous: rules.Step | None, text: str | None) -> list[Judged]:
    """The sentences of a step's Analysis (`text`), each judged whole, and its code's receptive-field comments."""
    return (judge(text, step, previous, number) if text else []) + code_comments(step, number)


def summary_lines(steps: list[rules.Step]) -> list[str]:
    """One line a step: its model, parameters and the budget's verdict with the figure that decides it."""
    out = []
    for i, s in enumerate(steps, 1):
        f = rules.facts(s)
        if s.check:
            held, ran = s.check.verdict.held()
            low = rules.lowest_seed(s)
            verdict = (f"{s.check.verdict.word} on {held} of {ran} seeds"
                       + (f" (lowest seed's min of the last {s.last}: {low[1]:.2f} %)" if low else ""))
        else:
            verdict = f"{'PASS' if rules.verdict_of(s).passed else 'FAIL'} (seed {s.seed}: min of the last {f.n} " \
                      f"{f.min_last:.2f} %)"
        out.append(f"{i}. `{s.name}`: {f.params:,} parameters, {f.epochs} epochs; {verdict}.")
    return out


def overview_table(steps: list[rules.Step]) -> str:
    n = steps[0].last
    head = ["step", "model", "params", "RF", "epochs", "training images", "best train %", "best test %",
            f"min of last {n} %", "seeds held", "verdict"]
    rows = []
    for i, s in enumerate(steps, 1):
        f, v = rules.facts(s), rules.verdict_of(s)
        held = "{} of {}".format(*s.check.verdict.held()) if s.check else f"{int(bool(v.passed))} of 1 (seed {s.seed})"
        low = rules.lowest_seed(s) if s.check else None
        lowest = f"{f.min_last:.2f} (seed {s.seed})" + (f"; lowest {low[1]:.2f} (seed {low[0]})" if low else "")
        rows.append([i, f"`{s.name}`", f"{f.params:,}", f.rf or "?", f.epochs, f"{s.train_images:,}",
                     f"{f.best_train:.2f}", f"{f.best_test:.2f}", lowest, held,
                     s.check.verdict.word if s.check else mark(v.passed)])
    return md_table(head, rows)


def _decay_said(step: rules.Step) -> str:
    """An EMA's decay as set, and as its ramp reached it where that fell short (too few updates to reach it)."""
    ema, reach = step.run.settings.ema, rules.ema_reach(step)
    return f"decay {ema:g}" + (f" set, {reach[1]:.3g} reached" if reach and reach[1] < ema - 1e-9 else "")


def shared_seconds(step: rules.Step, check: str) -> str:
    """What a check step's seconds are beside (`beside`, `side_by_side`: "(seed 0's, beside ...; the check: ...)"),
    its seeds' run folders read once for both; "" for a run, or a check whose seeds trained one after another."""
    if not step.check:
        return ""
    spans = _seed_spans(step)
    together = side_by_side(step, spans)
    return f" (seed {step.seed}'s, {beside(step, spans)}; {check}: {together})" if together else ""


def beside(step: rules.Step, spans: dict[int, tuple[float | None, float]] | None = None) -> str:
    """A seed's seconds where the check's seeds shared the machine (no lone run's): beside how many at a time
    (`spans`: `_seed_spans`, where the caller has read them)."""
    jobs, way, alone = _jobs(step), step.check.way, ", so not comparable with a step trained alone"
    if way in ("workers", "here"):  # as `side_by_side` reads them: jobs side by side only where workers ran them
        if not (jobs and jobs > 1 and way == "workers"):
            return "alone"
        if step.seed in trained_alone(_seed_spans(step) if spans is None else spans):  # its turn came after the others
            return ALONE
        return f"beside up to {jobs - 1} other seed{'s' * (jobs > 2)} at a time{alone}"
    return f"beside the check's other seeds{alone}"


def _jobs(step: rules.Step) -> int | None:
    """The jobs a check's command named (`--jobs N`, or a notebook's `jobs=N`); None where it named none (one)."""
    found = re.search(r"(?:--jobs[ =]|\bjobs=)(\d+)", step.check.plan_command or step.check.command or "") \
        if step.check else None
    return int(found[1]) if found else None


def side_by_side(step: rules.Step, spans: dict[int, tuple[float | None, float]] | None = None) -> str:
    """How a check step's seeds shared the machine where they did not train one at a time ("3 seeds, 2 jobs", and
    each seed's own seconds), so that its seconds are not read against a run's alone; "" for a run, or seeds trained
    one after another (`spans`: `_seed_spans`, where the caller has read them)."""
    if not step.check:
        return ""
    way, seeds = step.check.way, f"{len(step.check.finished())} seeds"
    wall = f"{step.check.wall_seconds:,.0f} s wall for " if step.check.wall_seconds else ""
    if way in ("workers", "here"):
        # A command without --jobs (or jobs=) took the default of one: its seeds trained one after another - the
        # check's wall time still said beside one seed's seconds, where the verdict recorded it.
        jobs = _jobs(step)
        return (f"{wall}{seeds}, {jobs} jobs{_seed_seconds(step, spans)}" if jobs and jobs > 1 and way == "workers" else
                f"{wall}{seeds}, one after another" if wall else "")
    return {"stacked": f"{wall}{seeds} stacked as one network", "cluster": f"{wall}{seeds} on a cluster"}.get(way, "")


SHARED_SPAN = 4  # per-class pictures share one error axis where the steps' largest counts are within this factor


def shared_errors(counts: list[list[int]]) -> int | None:
    """The one error axis every step's per-class picture is drawn on (the largest count of them all), so that their
    bars compare by eye; None (an axis each) where a step's largest count is under 1/SHARED_SPAN of another's - its
    bars would be slivers beside a step that missed hundreds."""
    tops = [max(c) for c in counts if c]
    if not tops or min(tops) * SHARED_SPAN < max(tops):
        return None
    return max(tops)


def _seed_spans(step: rules.Step) -> dict[int, tuple[float | None, float]]:
    """Each of a check's seeds' (start of its first epoch, its epochs' seconds), from its run folder: the stamp in its
    name plus its start-up, and its epochs' seconds (start None where the name has no stamp)."""
    spans = {}
    for seed, folder in sorted(step.check.runs.items()):
        if (path := folder / "metrics.json").is_file():
            metrics, began = files.read_json(path), STAMP.search(folder.name)
            start = (datetime.strptime(began[1], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC).timestamp()
                     + (metrics.get("timing") or {}).get("startup_s", 0.0)) if began else None
            spans[seed] = (start, sum(e.get("seconds", 0.0) for e in metrics.get("epochs", [])))
    return spans


ALONE = "alone (its epochs overlapped no other seed's, by the run folders' start stamps and seconds)"


def _seed_seconds(step: rules.Step, spans: dict[int, tuple[float | None, float]] | None = None) -> str:
    """Each of a check's seeds' seconds of training, from its run folder's epochs: one that had the machine more to
    itself shows what the recipe costs beside the others' shared seconds - and one whose epochs overlapped no other
    seed's (`trained_alone`) is said to have trained alone."""
    spans = _seed_spans(step) if spans is None else spans
    alone = trained_alone(spans)
    said = [f"seed {seed} {seconds:.0f}" + (f" - {ALONE}" if seed in alone else "") for seed, (_, seconds) in spans.items()]
    return f"; each seed's own seconds: {', '.join(said)}" if len(said) > 1 else ""


def trained_alone(spans: dict[int, tuple[float | None, float]], slack: float = 1.0) -> set[int]:
    """The seeds whose epochs overlapped no other seed's: each span (start of its first epoch, its epochs' seconds),
    overlaps shorter than `slack` (the stamps' second) not counted; none where a start is unknown."""
    if any(start is None for start, _ in spans.values()):
        return set()
    ends = {s: (a, a + d) for s, (a, d) in spans.items()}
    return {s for s, (a, b) in ends.items()
            if all(min(b, d) - max(a, c) < slack for t, (c, d) in ends.items() if t != s)}


def step_block(i: int, step: rules.Step, previous: rules.Step | None, pictures: dict[str, str],
               names: set[str] | None = None, analysis: str | None = None,
               checked: list[Judged] | None = None) -> list[str]:
    """One step of README.md: Target, a Result of a few lines, the Analysis (the student's, or what the records show)
    with its checks, the curves, and one line linking the evidence."""
    f = rules.facts(step)
    shown = (names or set()) | {step.name} | ({previous.name} if previous else set())
    seeds = (f"seed {step.seed} shown of {len(step.check.finished())}" if step.check else f"seed {step.seed}")
    again = rules.reached_again(step.run.test(), f.best_epoch - 1)
    low = rules.lowest_seed(step) if step.check else None
    split = f" + {step.run.settings.val_split:,} validation" if step.run.settings.val_split else ""
    v = rules.verdict_of(step)
    verdict = (f"**{step.check.verdict.line()}** over its seeds; seed {step.seed}: {mark(v.passed)}" if step.check
               else f"**{mark(v.passed)}**: {reason(v, step.budget, step.run.test())}")
    out = [f"## Step {i + 1}: {step.name}", "",
           f"**Target:** {step.run.target or _registered_target(step, shown)}", "",
           "**Result:**", "",
           f"- {f.params:,} parameters; receptive field {f.rf or '?'} px; {f.epochs} epochs on "
           f"{step.train_images:,} training images{split} ({seeds})",
           f"- best train {f.best_train:.2f} % (epoch {_best_train_epoch(step)}), best test {f.best_test:.2f} % "
           f"(epoch {f.best_epoch}{'; ' * bool(again)}{again})",
           f"- min of the last {f.n}: {f.min_last:.2f} %" + (f"; lowest seed {low[0]}: {low[1]:.2f} %" if low else ""),
           f"- verdict: {verdict}", ""]
    if analysis:
        out += ["**Analysis:**", "", analysis.strip(), ""]
    else:
        out += ["**What the records show** (no Analysis was given for this step):", "",
                *(f"- {line}" for line in records_show(step, previous)), ""]
    if checked:
        lines = [f"- {check_line(j)}" for j in checked if j.section == ANALYSIS and (j.plan or j.atoms or j.unchecked)]
        code = [j for j in checked if j.section == CODE]
        if code and all(j.verdict is True for j in code):  # said in one line: each one matched
            lines.append(f"- ✓ the code's {len(code)} receptive-field comment{'s' * (len(code) > 1)}: each the "
                         f"computed field of its module ({records.CONFIG}'s layer table)")
        else:
            lines += [f"- {j.line()}" for j in code]
        if lines:
            out += ["**Checked against the records:**", "", *lines, ""]
    if "curves.png" in pictures:
        zoom = accuracy_zoom(step.run.epochs) if step.run.epochs else None
        shown = f"; accuracy from epoch {zoom} on a zoomed axis" if zoom else ""
        out += [f"![{step.name}, seed {step.seed}: loss, accuracy and rate by epoch{shown}]({pictures['curves.png']})",
                ""]
    links = [f"[evidence]({EVIDENCE}#step-{i + 1}) (layers, epoch log, recipe" + (", seeds" if step.check else "") + ")"]
    if "code" in pictures:
        code = re.match(r"\[([^]]+)\]", pictures["code"])
        links.append(f"code: [{code[1]}]({code[1]})" if code else pictures["code"])
    links += [f"[{pictures[name]}]({pictures[name]})" for name in (records.METRICS, records.CONFIG) if name in pictures]
    out += [" · ".join(links), ""]
    return out


def check_line(j: Judged, words: int = 6) -> str:
    """A sentence's check as README lists it: the mark, the sentence's first words, the deciding figures."""
    said = j.words.split()
    quoted = " ".join(said[:words]) + ("…" if len(said) > words else "")
    return f"{j.mark} \"{quoted}\": {j.figure()}"


def _best_train_epoch(step: rules.Step) -> int:
    train = step.run.train()
    return max(range(len(train)), key=lambda i: (train[i], -i)) + 1


def evidence(steps: list[rules.Step], pictures: dict[int, dict[str, str]], judged: list[Judged] | None = None) -> str:
    """evidence.md: the yardsticks once, then per step where it ran, how to train it again, its recipe, the check's
    seeds, the layer table, the epoch log, the pictures and the per-digit table."""
    out = ["# The evidence", "", "Every figure of README.md is read from the records beside it, or worked out of them "
           "by the yardsticks below (the noise bands, the differences); here are the tables. The yardsticks the checks "
           "use, stated once:", "", *(f"- {y}" for y in YARDSTICKS), ""]
    for i, step in enumerate(steps):
        out += evidence_block(i, step, steps[i - 1] if i else None, pictures.get(i, {}))
        mine = [j for j in judged or [] if j.step == i + 1 and (j.plan or j.atoms or j.unchecked)]
        if mine:
            out += [f"**Step {i + 1}'s sentences, checked** (the Target's aims, the Result, the Analysis, the code's "
                    "comments; each with every figure that decides it):", "",
                    *(f"- {j.section}: {j.line(short=False)}" for j in mine), ""]
    return "\n".join(out)


def evidence_block(i: int, step: rules.Step, previous: rules.Step | None, pictures: dict[str, str]) -> list[str]:
    f = rules.facts(step)
    where = (f"check `{step.check_folder.name}`, seed {step.seed} shown: {step.why_shown}" if step.check
             else f"run `{step.folder.name}`, seed {step.seed}")
    out = [f'<a id="step-{i + 1}"></a>', "", f"## Step {i + 1}: {step.name}", "", f"- from {where}",
           f"- {f.seconds:.0f} s of training" + shared_seconds(step, "its check"),
           f"- trained with: {environment_text(step.run)}",
           _again_line(step, f"step{i + 1}-code.py" if "code" in pictures else None)]
    if "code" in pictures:
        out.append(f"- the model's code: {pictures['code']}")
    if not step.run.settings.val_split:
        out.append("- no validation split: the test set also compared the steps")
    if step.run.settings.ema:
        out.append(f"- test figures are of the weights' running average (EMA, {_decay_said(step)}); train figures of "
                   "the live weights")
    if previous is not None:
        out.append("- changed from the step before: " + "; ".join(c.said() for c in rules.changes(previous, step)))
    out += [*records_lines(step, pictures), "", recipe_table(step.run), ""]
    return out + _check_block(step, pictures) + _result_tables(step, pictures)


def link(pictures: dict[str, str], name: str) -> str:
    """A relative link to the copy of `name` beside README.md."""
    return f"[{pictures[name]}]({pictures[name]})"


def records_lines(step: rules.Step, pictures: dict[str, str]) -> list[str]:
    """The Result's last line: the records copied beside README.md (`_copy_records`) that its figures, the
    Analysis' and the tables' are read from, each with what it holds for this step."""
    run = step.run
    holds = {records.METRICS: ["each epoch's figures", *(["the confusions"] if run.confusions is not None else []),
                               *(["the ReLUs' dead units"] if run.layer_stats else []),
                               *(["the gradient norms by layer"] if run.grad_norms else [])],
             records.CONFIG: ["every setting", "the budget", *(["the model's code"] if run.code else []),
                              "the versions and machine"],
             records.PER_CLASS: ["each digit's test images, accuracy and errors"],
             records.CHECK: [f"each seed's test accuracy by epoch and its minimum of the last {step.last}",
                             "the verdict and odds"],
             records.PLAN: ["the check's seeds, settings and budget"]}
    shown = [f"{link(pictures, name)} ({', '.join(holds[name])})" for name in (*RUN_RECORDS, *CHECK_RECORDS)
             if name in pictures]
    if not shown:  # the write-up without a folder (`--out` not given): nothing copied
        return []
    sources = [step.folder / name for name in RUN_RECORDS]
    sources += [step.check_folder / name for name in CHECK_RECORDS] if step.check_folder is not None else []
    large = [f"{p.name} ({p.stat().st_size // 1000:,} kB)" for p in sources if p.name not in pictures and p.is_file()]
    left = (f"; not copied, over the {RECORD_BYTES_MAX // 1000} kB a committed folder takes: {', '.join(large)} (in "
            f"`{step.folder.name}`)" if large else "")
    return ["- the records these figures are read from, as " + ("the run and the check" if step.check else "the run")
            + " wrote them: " + "; ".join(shown) + left]


def _registered_target(step: rules.Step, shown: set[str] | None = None) -> str:
    """A registered model's own Target, from its write-up (data beside the zoo, no model code run), when the run
    recorded none and the Target speaks only of the steps shown (`shown`: their names); else a dash, and why."""
    import re
    from importlib import resources

    if step.run.origin.get("kind") != "registry":
        return "—"
    ups = resources.files("tinydigits.models") / "write_ups"
    found = ups / f"{step.run.origin.get('name')}.md"
    text = found.read_text() if found.is_file() else ""
    target = " ".join(text.split("Result")[0].removeprefix("Target:").split())
    if not target:
        return "—"
    registered = {f.name.removesuffix(".md") for f in ups.iterdir() if f.name.endswith(".md")}
    others = sorted(name for name in registered - (shown or {step.name})
                    if re.search(rf"\b{re.escape(name)}\b", target))
    if others:
        return (f"— *(the run recorded none, and `{step.name}`'s write-up's Target argues from models this hand-in "
                f"does not show: {', '.join(others)})*")
    return f"{target} *(`{step.name}`'s own Target, from its write-up: the run recorded none)*"


def environment_text(run) -> str:
    """tinydigits and torch versions, the commit, the arithmetic and the CPU or GPU a run trained with."""
    env, s = run.environment, run.settings
    arith = env.get("arithmetic") or {}
    commit = (env.get("git_commit") or "")[:7]
    kind = "portable fp32" if s.portable else f"{s.precision}, this machine's own kernels"
    where = (env.get("gpu") or {}).get("name") or arith.get("cpu") or "?"
    return (f"tinydigits {env.get('tinydigits', '?')}" + (f" (commit {commit})" if commit else "")
            + f", torch {env.get('torch', '?')}, {kind} on {s.threads or 'all'} thread(s), {where}")


def recipe_table(run) -> str:
    """The recipe as a small table: optimiser, peak rate, momentum, batch, schedule and its events, weight decay,
    label smoothing, averaging, every other setting in effect (`in_effect`), augmentation - every setting that decides
    how the step trained."""
    from tinydigits.training.config import in_effect, settings_of

    s = run.settings
    events = rules.rate_text(run)
    shown = _TABLED | set(settings_of("augment", cls=type(s)))  # the augment-role ones: the augmentation row
    rows = [["optimizer", s.optimizer], ["peak rate", f"{s.lr:g}"],
            ["momentum", (rules.momentum_text(s) or "-") + rules.recorded_momenta(run)], ["batch", s.batch_size],
            ["schedule", f"{_schedule(s)}: {events}"], ["weight decay", f"{s.weight_decay:g}"],
            ["label smoothing", f"{s.label_smoothing or 0:g}"], ["weight averaging (EMA)", _ema_text(run)]]
    rows += [[name.replace("_", " "), _value(value)] for name, value in in_effect(s).items() if name not in shown]
    rows.append(["augmentation", recipe_text(run).rpartition("augmentation: ")[2]])
    return md_table(["setting", "value"], rows)


# The settings the recipe's first words (and the table's fixed rows) show in their own way; every other recipe and
# data setting in effect follows by name, and the augment-role ones as the augmentation.
_NAMED = {"optimizer", "lr", "batch_size", "scheduler", "momentum", "augment_off_last", "step_size", "step_gamma"}
_TABLED = _NAMED | {"weight_decay", "label_smoothing", "ema"}


def _ema_text(run) -> str:
    """The EMA's decay as set, the ramp up to it that the average's updates follow (`steps.ema_ramp`), and the
    highest decay the run's updates reached where they were too few to reach the one set (`steps.ema_reach`)."""
    s = run.settings
    if not s.ema:
        return "0"
    step = rules.Step(run)
    said = f"{s.ema:g} (its decay at its n-th update: {rules.ema_ramp(s.ema)}, a ramp up to it"
    if (reach := rules.ema_reach(step)) is not None and reach[1] < s.ema:
        said += f"; this run's {reach[0]:,} updates reached {reach[1]:.3f} at most, never the {s.ema:g} set"
    elif (at := rules.ema_set_at(step)) is not None:
        said += f"; reached at epoch {at[0]}" + (" (metrics.json's ema_decay)" if at[1] else "")
    return said + ")"


def _value(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _schedule(s) -> str:
    """The schedule as set: a step schedule with its step size and factor; a one-cycle as tinydigits builds PyTorch's
    OneCycleLR (the config records the schedule's name; its build is the code's, said here so that it can be read)."""
    from tinydigits.constants import ONECYCLE_WARMUP
    from tinydigits.training.factories import ONECYCLE_DIV, ONECYCLE_FINAL_DIV

    if s.scheduler == "step":
        return f"step (the rate x{s.step_gamma:g} every {s.step_every()} epochs)"
    if s.scheduler == "onecycle":
        return (f"onecycle (PyTorch's OneCycleLR as tinydigits builds it: from the peak / {ONECYCLE_DIV:g} up to the peak "
                f"over the first {100 * ONECYCLE_WARMUP:g} % of the batches, then a cosine anneal to the peak / "
                f"{ONECYCLE_DIV * ONECYCLE_FINAL_DIV:,g} at the last batch, stepped every batch)")
    return s.scheduler


def recipe_text(run) -> str:
    """Every setting that decides how the step trained, by role: the optimiser and its rate, momentum, batch, the
    schedule, averaging, augmentation and its plain tail, the data it saw - so the write-up stands alone."""
    from tinydigits.training.config import augmentations, in_effect, settings_of

    s = run.settings
    parts = [f"{s.optimizer}" + (f" (momentum {m})" if (m := rules.momentum_text(s)) else ""),
             f"peak rate {s.lr:g}", f"batch {s.batch_size}", f"schedule {_schedule(s)}"]
    augment = set(settings_of("augment", cls=type(s)))
    parts += [f"{name.replace('_', ' ')} {_value(value)}" for name, value in in_effect(s).items()
              if name not in _NAMED and name not in augment]
    used = augmentations(run.recorded_settings())
    parts.append("augmentation: " + (", ".join(f"{k} {rules.value_text(v)}" for k, v in used.items()) if used else "none")
                 + ((", none in the last epoch" if s.augment_off_last == 1 else
                     f", none in the last {s.augment_off_last} epochs") if used and s.augment_off_last else ""))
    return "; ".join(parts)


def _again_line(step: rules.Step, code_file: str | None) -> str:
    """How to train the step again; a model from a student's file by the copy beside the write-up (`code_file`), so
    that the command runs in the hand-in's folder, not only where the file once lay."""
    local = code_file if step.run.origin.get("kind") == "file" and step.run.origin.get("attr") else None
    return (f"- to train it again (in this folder): `{reproduce(step, local)}`" if local else
            f"- to train it again: `{reproduce(step)}`")


def reproduce(step: rules.Step, code_file: str | None = None) -> str:
    """The command that trains this step again: a check's own, else `train` with every setting in effect
    (`training.config.in_effect`, the rule `python_call` follows too) given as a flag: flags override a model's
    recipe, so no recipe needs to be read. A setting no command line sets (`cli=False`) has no flag to carry.
    `code_file`: a copy of a student's file the model is taken from instead of the path it trained from."""

    from tinydigits.settings import as_flags, cli_fields
    from tinydigits.training.config import in_effect

    if INLINE in step.run.ref:  # a notebook's class: trained again from that notebook, by the API
        if step.check and (step.check.command or "").startswith("tinydigits.check("):
            return step.check.command  # the check's own call, as it recorded it: its seeds, settings and jobs
        return python_call(step)
    ref = f"{code_file}:{step.run.origin['attr']}" if code_file else step.run.ref
    if step.check and (step.check.command or "").startswith("tinydigits check "):
        return _check_again(step.check.command, ref if code_file else None)
    s = step.run.settings
    args = ["tinydigits", "train", "--model", ref, "--seed", str(step.seed), "--epochs", str(len(step.run.epochs))]
    if step.check:  # a check run from Python: the same settings, its seeds
        args[1] = "check"
        args[4:6] = ["--seeds", ",".join(map(str, sorted(step.check.seeds))), "--last", str(step.budget.last)]
    flags = {f.name for f in cli_fields(type(s))}
    args += as_flags({name: value for name, value in in_effect(s).items() if name in flags})
    return shell_line(args)


CHECK_OUTPUTS = ("--json", "--ledger")  # a check's own files, beside the settings' output and machine ones


def _check_again(command: str, ref: str | None) -> str:
    """A check's command as typed, less the flags that name where its files went, which machine ran it and the
    Target's words (they change no figure, and a path of the machine it ran on means nothing in a grader's folder;
    `train`'s commands leave them out too); `ref`: the model."""
    import shlex

    from tinydigits.training.config import settings_of

    drop = {*CHECK_OUTPUTS, *(f"--{name.replace('_', '-')}" for name in settings_of("output", "machine", "note"))}
    args, out = shlex.split(command), []
    i = 0
    while i < len(args):
        flag = args[i].split("=", 1)[0]
        if flag in drop:
            i += 1 if "=" in args[i] or i + 1 >= len(args) or args[i + 1].startswith("--") else 2
            continue
        out.append(ref if ref and out and out[-1] == "--model" else args[i])
        i += 1
    return shell_line(out)


def shell_line(args: list[str]) -> str:
    """A command as a shell takes it: `shlex.join`, except that a word with an apostrophe and nothing a shell expands
    inside double quotes is double-quoted (`"step 2's curve"`), where shlex would write `'step 2'"'"'s curve'`."""
    import shlex

    def word(arg: str) -> str:
        plain = shlex.quote(arg)
        return f'"{arg}"' if plain != arg and "'" in arg and not set('"$`\\!') & set(arg) else plain

    return " ".join(map(word, args))


def python_call(step: rules.Step) -> str:
    """`tinydigits.train(Model_1, seed=0, epochs=15, ...)` (or `check(..., seeds=[...])`) for a notebook's class, with
    every setting in effect (`training.config.in_effect`, as `reproduce`)."""
    from tinydigits.training.config import in_effect

    args = [step.name]
    args += [f"seeds={sorted(step.check.seeds)}"] if step.check else [f"seed={step.seed}"]
    args.append(f"epochs={len(step.run.epochs)}")
    args += [f"{name}={value!r}" for name, value in in_effect(step.run.settings).items()]
    return f"tinydigits.{'check' if step.check else 'train'}({', '.join(args)})"


def _check_block(step: rules.Step, pictures: dict[str, str]) -> list[str]:
    if not step.check:
        return []
    head, rows = seed_table(step.check.verdict, step.budget)
    # the odds are read once, in the Analysis's "over seeds": here the seeds' figures they rest on
    out = [f"Over seeds (`check`, {step.check.verdict.line()}): each seed's scored epochs, its minimum of them and its "
           f"verdict. {step.check.odds.sentence()}.", "", md_table(head, rows), ""]
    if records.CHECK in pictures:  # the table's figures, where they can be checked
        plan = f"; its seeds, settings and budget: {link(pictures, records.PLAN)}" if records.PLAN in pictures else ""
        out += [f"Each seed's test accuracy by epoch, as the check recorded it: {link(pictures, records.CHECK)}{plan}.",
                ""]
    if "check.png" in pictures:
        out += [f"![{picture_alt('check.png', step)}]({pictures['check.png']})", ""]
    return out


def _result_tables(step: rules.Step, pictures: dict[str, str]) -> list[str]:
    """The evidence of the shown run: the layer table (folded), the epoch log, the pictures, per-class accuracy."""
    log = [[e.epoch, f"{e.train_loss:.4f}", f"{e.train_acc:.2f}", f"{e.test_loss:.4f}", f"{e.test_acc:.2f}",
            f"{e.lr:.4g}", f"{e.seconds:.1f}"] for e in step.run.epochs]
    layers = (summary.format_table(step.run.layers, markdown=True) if step.run.layers else
              "not recorded with this run (it trained before tinydigits recorded layer tables)")
    out = ["<details><summary>Layers (`tinydigits summary` as it trained: output shape, parameters, receptive field "
           "and jump in input pixels)</summary>", "", layers, "", "</details>", "",
           f"Epoch log (seed {step.seed}" + (f", {link(pictures, records.METRICS)}" if records.METRICS in pictures
                                             else "") + "; train figures: a running average over the epoch"
           + (" of the live weights" if step.run.settings.ema else "")
           + (f", its loss with label smoothing {ls:g} (it cannot fall below {smoothing_floor(ls):.2f}; test loss is "
              "plain cross-entropy)" if (ls := step.run.settings.label_smoothing) else "") + "; test: after it"
           + (f", of the EMA weights ({_decay_said(step)})" if step.run.settings.ema else "")
           + "; lr: at its start):", "",
           md_table(["epoch", "train loss", "train acc %", "test loss", "test acc %", "lr", "seconds"], log), ""]
    out += [f"![{picture_alt(name, step)}]({path})" for name, path in pictures.items()
            if name.endswith(".png") and name not in ("check.png", "curves.png")]  # the curves: in README.md
    if step.run.per_class:
        digits = [r.digit for r in step.run.per_class]
        csv = f"; {link(pictures, records.PER_CLASS)}" if records.PER_CLASS in pictures else ""
        out += ["", f"Per class (test set, seed {step.seed}{csv}):", "",
                md_table(["digit", *digits], [["accuracy %", *(f"{r.exact:.2f}" for r in step.run.per_class)],
                                              ["errors", *(r.errors for r in step.run.per_class)]])]
    return [*out, ""]


def near_the_line(steps: list[rules.Step]) -> bool:
    """Whether any step's scored epochs (the budget's last N) all lie within the zoom panel's range (1.5 points below
    the budget's line up to 100 %): the panel is drawn only then, never empty or holding a step's judged epochs off it."""
    low = steps[0].budget.min_acc - 1.5
    return any(min(step.run.test()[-step.budget.last:], default=0.0) >= low for step in steps)


def error_limits(errors: list[float]) -> tuple[float, float] | None:
    """steps.png's error panel's log-axis limits: every error above 0 in view (an error of 0 has no place on a log
    axis), with some room; None where none is above 0."""
    shown = [v for v in errors if math.isfinite(v) and v > 0]
    return (min(shown) / 1.3, max(shown) * 1.3) if shown else None


STEP_MARKS = "s^Dv"  # each step's mark, its own shape: filled on its test line, hollow on its train line


def steps_figure(steps: list[rules.Step]) -> Figure:
    """steps.png's figure: every step's loss and error rate (100 - accuracy, both on log axes, so that every epoch's
    gain shows) by epoch, test in the top row and train in the bottom one on the same axes (a colour and a mark a
    step; test solid, train dashed), the budget's line as an error, a step's epoch where augmentation stops as a
    dash-dot line in its colour, and accuracy zoomed near the line where a step comes into it; one legend below that
    names each step and says which line is which. Train and test in one panel drew lines that hid one another."""
    zoom = near_the_line(steps)
    cols = 3 if zoom else 2
    fig, grid = plt.subplots(2, cols, figsize=(5 * cols, 7.4), sharex=True, sharey="col", squeeze=False)
    line, low = steps[0].budget.min_acc, steps[0].budget.min_acc - 1.5
    stops = _draw_steps(grid, steps)
    for row, kind in enumerate(("test", "train")):
        ax_loss, ax_err = grid[row][0], grid[row][1]
        ax_err.axhline(100 - line, color="crimson", ls=":")
        if zoom:
            grid[row][2].axhline(line, color="crimson", ls=":")
            grid[row][2].set(title=f"{kind} accuracy near the line ({low:g}-100 %)", ylabel="%", ylim=(low, 100))
        ax_loss.set(title=f"{kind} loss (log scale)", ylabel="cross-entropy (log scale)")
        ax_err.set(title=f"{kind} error rate, 100 - accuracy (log scale)", ylabel="% of digits wrong (log scale)")
    for ax, values, kind in ((grid[0][0], [v for step in steps for e in step.run.epochs for v in (e.train_loss,
                                                                                              e.test_loss)], "loss"),
                             (grid[0][1], [100 - v for step in steps for v in (*step.run.test(), *step.run.train())]
                              + [100 - line], "error")):  # the line in view; the row below shares the axis
        limits = (loss_limits if kind == "loss" else error_limits)(values)
        ax.set_yscale("log")
        if limits is not None:
            ax.set_ylim(*limits)
        for shared in (ax, grid[1][0 if kind == "loss" else 1]):
            plain_log_axis(shared.yaxis, decades=2.5 if kind == "loss" else 4)  # errors near the line read off it
    one = max(len(step.run.epochs) for step in steps) == 1
    for ax in grid.flat:
        ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))  # whole epochs
        ax.yaxis.set_tick_params(labelleft=True)  # each panel its own numbers, though the row below shares them
        if one:  # a single epoch: its tick alone, not a scale of fractions around it
            ax.set(xlim=(0.5, 1.5), xticks=[1])
        ax.grid(alpha=0.3)
    for ax in grid[1]:
        ax.set_xlabel("epoch")
    fig.suptitle(steps_title(steps), fontsize=10)
    fig.tight_layout()
    _steps_legend(fig, steps, stops)
    return fig


def _draw_steps(grid, steps: list[rules.Step]) -> list:
    """Each step's test loss, error rate (and, with a third column, accuracy) in its colour in the top row, its train
    figures in the bottom one, and a dash-dot line where its augmentation stops; returns the legend's handles for
    those lines."""
    from matplotlib.lines import Line2D

    stops = []
    for i, step in enumerate(steps):
        x = [r.epoch for r in step.run.epochs]
        # Lines of two steps can coincide: a mark of the step's own shape (filled on test, hollow on train) keeps
        # each one findable, in grey as in colour.
        train = {"ls": "--", "color": f"C{i}", "alpha": 0.6, "marker": STEP_MARKS[i % len(STEP_MARKS)], "ms": 5,
                 "mfc": "none"}
        test = {"ls": "-", "color": f"C{i}", "marker": STEP_MARKS[i % len(STEP_MARKS)], "ms": 4}  # filled: test
        for row, style, loss, acc in ((0, test, [r.test_loss for r in step.run.epochs], step.run.test()),
                                      (1, train, [r.train_loss for r in step.run.epochs], step.run.train())):
            grid[row][0].plot(x, loss, **style)
            grid[row][1].plot(x, [100 - a for a in acc], **style)
            if len(grid[row]) > 2:
                grid[row][2].plot(x, acc, **style)
        if eps := step.run.settings.label_smoothing:  # its train loss cannot go below this: a plateau there is no stall
            floor = smoothing_floor(eps)
            grid[1][0].axhline(floor, color=f"C{i}", ls=":", lw=1)
            stops.append(Line2D([], [], color=f"C{i}", ls=":", lw=1,
                                label=f"step {i + 1}: its train loss's floor with label smoothing {eps:g} ({floor:.2f})"))
        plain = CurveMarks.of(step.run, course=False).plain_from
        if plain is not None:  # the train curve's jump there is the plain digits, not learning
            stops.append(Line2D([], [], color=f"C{i}", ls="-.", lw=1,
                                label=f"step {i + 1}: augmentation off from epoch {plain} (drawn between epochs "
                                      f"{plain - 1} and {plain}; its train line up to epoch {plain - 1}: on augmented "
                                      "digits)"))
            for ax in grid.flat:
                ax.axvline(plain - 0.5, color=f"C{i}", ls="-.", lw=1)
    return stops


def _steps_legend(fig, steps: list[rules.Step], stops: list) -> None:
    """steps.png's legend below its panels: a row of the steps, a row of the kinds of line, a row of where
    augmentation stops."""
    from matplotlib.lines import Line2D

    line = steps[0].budget.min_acc
    averaged = [str(i) for i, step in enumerate(steps, 1) if step.run.settings.ema]
    smoothed = [str(i) for i, step in enumerate(steps, 1) if step.run.settings.label_smoothing]
    # each step's colour and mark shape, drawn as its test line is (solid, filled); its train line: the row below
    handles = [Line2D([], [], color=f"C{i}", lw=2, marker=STEP_MARKS[i % len(STEP_MARKS)], ms=5,
                      label=f"step {i + 1}: {step.name} (seed {step.seed})") for i, step in enumerate(steps)]
    # the kinds of line without a mark of their own: no step draws a circle, each its own shape (the row above)
    kinds = [Line2D([], [], color="0.35", label="test (top row: solid, filled marks, a shape a step), after each epoch" + (
                 f" (step {', '.join(averaged)}: its averaged (EMA) weights)" if averaged else "")),
             Line2D([], [], color="0.35", ls="--", alpha=0.6, label="train (bottom row: dashed, hollow marks, a shape a step), "
                                                                    "averaged over the epoch" + (
                 " (live weights)" if averaged else "") + (f"; step {', '.join(smoothed)}: its loss with label "
                                                            "smoothing" if smoothed else "")),
             Line2D([], [], color="crimson", ls=":", label=f"the budget's line: {line} % accuracy, "
                                                           f"{100 - line:.2g} % error")]
    rows = [(handles, 0.0), (kinds, -0.035)] + ([(stops, -0.07)] if stops else [])
    for shown, y in rows:
        fig.legend(handles=shown, loc="upper center", bbox_to_anchor=(0.5, y), ncol=len(shown), fontsize=8,
                   frameon=False)


def steps_title(steps: list[rules.Step]) -> str:
    """steps.png's title: the steps it draws and the seed each shows."""
    seeds = {step.seed for step in steps}
    which = f"steps 1-{len(steps)}" if len(steps) > 1 else "step 1"
    if len(seeds) == 1:
        return f"{which}, seed {steps[0].seed}" + (" each" if len(steps) > 1 else "")
    return f"{which}, seeds {', '.join(str(step.seed) for step in steps)} in step order"


def picture_alt(name: str, step: rules.Step) -> str:
    """A step's picture said in words (its alt text): what it plots, of which model and seed."""
    who, line = f"{step.name}, seed {step.seed}", step.budget.min_acc
    wrong = sum(c.count for c in step.run.confusions or [])
    fitted = step.check is not None and step.check.odds.probability is not None and bool(step.check.odds.sd)
    zoom = accuracy_zoom(step.run.epochs) if step.run.epochs else None
    marks = CurveMarks.of(step.run, course=False)
    of = " (of the weights' running average (EMA), as its test figures are)" if marks.averaged else ""
    return {"curves.png": f"{who}: train and test loss (log scale), accuracy against the {line} % line, and the "
                          "learning rate, by epoch"
                          + (f"; the accuracy from epoch {zoom} on again, on a zoomed axis" if zoom else "")
                          + ("; test figures of the weights' running average (EMA)" if marks.averaged else "")
                          + (f"; a dashed line where augmentation stops (epoch {marks.plain_from})"
                             if marks.plain_from else ""),
            "misclassified.png": f"{who}: " + (f"the {MISSES_SHOWN} of its {wrong:,} wrong test digits it was surest "
                                               "of" if wrong > MISSES_SHOWN else f"its {wrong} wrong test digits"
                                               if wrong else "test digits it got wrong")
                                 + f"{of} (true → predicted, confidence), by falling confidence; "
                                 "where every confidence ties, its heading says the order means nothing",
            "per_class.png": f"{who}: test errors per digit{of} (its images called another digit), its accuracy "
                             "(recall) above each bar" if step.run.per_class
                             else f"{who}: test precision and recall per digit",  # a run's own, drawn before
            "check.png": f"the check of {step.name}: each seed's test accuracy in the last "
                         + (f"{step.budget.last} epochs" if step.budget.last > 1 else "epoch")
                         + f" (filled: its minimum) against the {line} % line"
                         + (", and a normal curve fitted to the minima" if fitted else ""),
            }.get(name, f"{who}: {name.removesuffix('.png').replace('_', ' ')}")


def plot_steps(steps: list[rules.Step], path: Path) -> None:
    """steps.png (`steps_figure`)."""
    save_figure(steps_figure(steps), path)


def steps_alt(steps: list[rules.Step]) -> str:
    """steps.png's alt text: what it shows, in words."""
    line = steps[0].budget.min_acc
    zoom = f", and accuracy zoomed near the {line} % line" if near_the_line(steps) else ""
    stops = [f"step {i} from epoch {p}" for i, step in enumerate(steps, 1)
             if (p := CurveMarks.of(step.run, course=False).plain_from) is not None]
    off = f"; a dash-dot line where augmentation stops ({', '.join(stops)})" if stops else ""
    floors = [f"step {i}'s, {smoothing_floor(eps):.2f} at label smoothing {eps:g}" for i, step in enumerate(steps, 1)
              if (eps := step.run.settings.label_smoothing)]
    off += f"; a dotted line at a smoothed train loss's floor ({', '.join(floors)})" if floors else ""
    drawn = (f"loss and error rate (100 - accuracy), each on a log scale, by epoch, test in the top row and train in "
             f"the bottom one on the same axes, the error rate against the budget's line as an error of "
             f"{100 - line:.2g} %")
    if len(steps) > 1:
        return (f"{drawn}, of steps 1 to {len(steps)} (one colour a step; test solid, train dashed with hollow marks, "
                f"a shape a step){zoom}{off}")
    return f"{drawn}, of the step (test solid, train dashed with hollow marks){zoom}{off}"
