"""`tinydigits claims FOLDER`: a hand-in's claims checked against the records beside it - for a teacher with thirty
folders. The README's `## Step N` sections give each step's Analysis (written by hand or by the tool); the records the
hand-in ships (`stepN-config.json`, `stepN-metrics.json`, `stepN-per_class.csv`, a check's `stepN-check.json` and
`stepN-plan.json`) give the facts; `steps.claims` decides each claim. Exit 1 when a claim is false.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from tinydigits import files
from tinydigits.errors import TinyDigitsError
from tinydigits.results import records
from tinydigits.results.steps.claims import ANALYSIS, CLOSING, CODE, GOALS, RESULT, TARGET, Judged, Tally, judge, rf_comments
from tinydigits.results.steps.step import Step

# a step's head, numbered as a section or led by an emoji as well: "## Model_1", "## 2. Model_1 - Skeleton", "## 🧪 Step 1"
STEP_HEAD = re.compile(r"^#{1,3}\s*(?:\d+[.)]\s*)?(?:[^\w\s#]+\s*)?(?:step|model|iteration)[ _-]?(\d+)\b.*$", re.I | re.M)
# where a part starts: `**Analysis:**`, `### Result`, `### 🎯 Target`, `Target:` at a line's start
PART_HEAD = re.compile(r"^\s*(?:[-*]\s+)?(?:\*\*|#{2,4}\s*(?:[^\w\s#*]+\s*)?|__)?\s*(target|results?|analysis)\s*"
                       r"(?:\([^)\n]{0,30}\)\s*)?[:.]?\s*(?:\*\*|__)?\s*:?[ \t]*",  # "**Analysis (FAQ)**": its kind beside it
                       re.I | re.M)
# where it ends: the next bold or heading line, a picture, or the tool's checks
# (an Analysis's own bold heads - "**Observations:**", "**Inference:**" - are inside it)
# (and "**Q:** ... **A:** ...", a question and its answer)
_OWN = (r"(?!(?:observations?|inferences?|conclusions?|insights?|key insights?|findings?|notes?|learnings?|q|a|questions?|"
        r"answers?)\s*:?\s*\*\*)")
PART_END = re.compile(r"^\s*(?:\*\*" + _OWN + r"[^*]+\*\*\s*:?\s*$|\*\*" + _OWN + r"[^*]+:\*\*|(?:\*\*|__)\s*(?:target|results?|"
                      r"analysis)\b|#{1,4}\s|!\[|"
                      r"<details|\[evidence\]|checked against the records|what the records show)", re.I | re.M)


@dataclass(frozen=True)
class Section:
    """One step of a hand-in's README: its number, and its Target, Result and Analysis as written ("" where it has
    none)."""

    number: int
    analysis: str
    target: str = ""
    result: str = ""

    def parts(self) -> list[tuple[str, str]]:
        return [(TARGET, self.target), (RESULT, self.result), (ANALYSIS, self.analysis)]


def summary_rows(head: str) -> dict[int, str]:
    """A summary table above the step sections ("| Model | Params | Best Test |", a row a model): each row's figures,
    said with their column's head ("Params: 14,410 | Best Test: 95.99"), as that step's Result line."""
    from tinydigits.results.handwritten.readme import markdown_tables  # the pipe tables as the hand-in reader splits them

    out: dict[int, str] = {}
    for table in markdown_tables(head):
        heads = [cell[1].strip(" *_") for cell in table[0]]
        for row in table[1:]:
            if len(row) != len(heads):
                break
            if named := re.match(r"(?i)\W*(?:step|model|iteration)[ _-]?(\d+)\b", row[0][1]):
                out[int(named[1])] = " | ".join(f"{h}: {c[1]}" for h, c in zip(heads[1:], row[1:], strict=True) if c[1])
    return out


def sections(readme: str) -> list[Section]:
    """Each `## Step N` section's Target, Result and Analysis: the text after each head up to the next head, picture
    or the tool's checks; a summary table above them gives each step a Result line more."""
    heads = list(STEP_HEAD.finditer(readme))
    summary = summary_rows(readme[:heads[0].start()]) if heads else {}
    out = []
    for i, head in enumerate(heads):
        body = readme[head.end():heads[i + 1].start() if i + 1 < len(heads) else len(readme)]
        parts = {}
        for start in PART_HEAD.finditer(body):
            rest = body[start.end():]
            end = PART_END.search(rest, 1 if rest[:1] not in ("\n",) else 0)
            name = {"target": TARGET, "result": RESULT, "results": RESULT, "analysis": ANALYSIS}[start[1].lower()]
            parts.setdefault(name, rest[:end.start() if end else len(rest)].strip())
        result = "\n\n".join(r for r in (summary.get(int(head[1]), ""), parts.get(RESULT, "")) if r)
        out.append(Section(int(head[1]), parts.get(ANALYSIS, ""), parts.get(TARGET, ""), result))
    return out


def read_handin_step(folder: Path, number: int, previous: Step | None = None) -> Step:
    """Step `number` of a hand-in folder from the records it ships (`stepN-config.json`, `stepN-metrics.json`,
    `stepN-per_class.csv`; a check's `stepN-check.json` and `stepN-plan.json`)."""
    prefix = folder / f"step{number}-"
    config_path, metrics_path = Path(f"{prefix}{records.CONFIG}"), Path(f"{prefix}{records.METRICS}")
    if not config_path.is_file() or not metrics_path.is_file():
        raise TinyDigitsError(f"{folder}: step {number} has no records beside the README ({config_path.name} and "
                              f"{metrics_path.name}): the checks need them")
    config, metrics = files.read_json(config_path), files.read_json(metrics_path)
    if not isinstance(config, dict) or not isinstance(metrics, dict) or not metrics.get("epochs"):
        raise TinyDigitsError(f"{folder}: step {number}'s records are not a run's ({metrics_path.name} has no epochs)")
    from tinydigits.training.runfolder import read_per_class

    run = records.Run.from_files(folder, config, metrics, read_per_class(Path(f"{prefix}{records.PER_CLASS}")))
    check_path, plan_path = Path(f"{prefix}{records.CHECK}"), Path(f"{prefix}{records.PLAN}")
    if not check_path.is_file():
        return Step(run)
    verdict = records.Verdict.of(files.read_json(check_path), folder)
    plan = _plan(plan_path, run)
    ran = {seed: folder for seed, row in verdict.seeds.items() if row.test_acc and row.why is None}
    check = records.Check(folder, plan.settings if plan else run.settings, plan.budget if plan else run.budget, ran,
                          verdict, plan.way if plan else "", plan.command if plan else "")
    return Step(run, check, f"the seed its records show ({run.seed})")


def _plan(path: Path, run: records.Run) -> records.CheckPlan | None:
    """The check's plan from the hand-in's copy of it, or None where it is missing or another version's."""
    if not path.is_file():
        return None
    try:
        return records.CheckPlan.of(files.read_json(path), path)
    except TinyDigitsError:
        return None


def check_folder(folder: str | Path) -> list[Judged]:
    """Every sentence of a hand-in folder judged, step by step: its README's Targets, Results and Analyses against the
    records beside it, and the receptive-field comments of each step's recorded code."""
    folder = Path(folder)
    readme = folder / "README.md" if folder.is_dir() else folder
    if not readme.is_file():
        raise TinyDigitsError(f"{folder}: no README.md to read (a hand-in folder holds one)")
    folder = readme.parent
    found = sections(readme.read_text(encoding="utf-8"))
    if not found:
        raise TinyDigitsError(f"{readme}: no `## Step N` section: not a hand-in's README")
    steps: dict[int, Step] = {}
    for section in found:
        steps[section.number] = read_handin_step(folder, section.number, steps.get(section.number - 1))
    return judge_sections(found, steps)


def judge_sections(found: list[Section], steps: dict[int, Step]) -> list[Judged]:
    """Every sentence of the sections' Targets, Results and Analyses judged against its step's records (the step
    before it for comparisons, every step before it where one is named), and each step's code comments: what
    `tinydigits claims` prints and a hand-in's README counts, the same way."""
    out: list[Judged] = []
    read: dict[int, Step] = {}
    previous: Step | None = None
    for section in found:
        step = steps.get(section.number)
        if step is None:
            continue
        for part, text in section.parts():
            out += judge(strip_checks(text), step, previous, section.number, part, dict(read))
        out += code_comments(step, section.number)
        read[section.number] = step
        previous = step
    return out


def code_comments(step: Step, number: int) -> list[Judged]:
    """The receptive-field comments of a step's code, each a sentence of its own."""
    return [Judged(number, CODE, c.claim, (c,)) for c in rf_comments(step, number)]


def strip_checks(text: str) -> str:
    """A part without the tool's own marks (a checked line the tool wrote: its mark, then the words quoted or the code's
    comments; a fold). A student's own arrow ("- → best 99.42 (ep 15)") is a sentence of theirs."""
    return "\n".join(line for line in text.splitlines() if not re.match(r"\s*[-*]?\s*[✓✗?→◐◎]\s+(?:\"|the code's\b)", line)
                     and not line.strip().startswith("<"))


def report(judged: list[Judged], as_json: bool = False) -> str:
    """The checks as a teacher reads them (per step and part, one line a sentence, then the tally), or as JSON
    ({"tally": ..., "sentences": [...]})."""
    tally = Tally.of(judged)
    if as_json:
        return json.dumps({"tally": tally.to_json(), "sentences": [j.to_json() for j in judged if _shown(j)]},
                          indent=1, ensure_ascii=False)
    out, at = [], None
    for j in judged:
        if not _shown(j):
            continue
        if (j.step, j.section) != at:
            at = (j.step, j.section)
            out.append("the hand-in's goals, as met (against its last log):" if j.section == GOALS else
                       "the hand-in's closing words (against its last log):" if j.section == CLOSING else
                       f"step {j.step}, {j.section}:")
        out.append(f"  {j.line(short=False)}")
    out.append(tally.line())
    return "\n".join(out)


def _shown(j: Judged) -> bool:
    """A sentence with something to say: a claim, a plan, an aim; not a sentence with nothing to check."""
    return j.plan or bool(j.atoms or j.unchecked)
