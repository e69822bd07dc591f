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
from tinydigits.results.steps.claims import Claim, check_claims, rf_comments
from tinydigits.results.steps.step import Step

STEP_HEAD = re.compile(r"^#{1,3}\s*(?:step|model)[ _]?(\d+)\b.*$", re.I | re.M)
# where an Analysis starts: `**Analysis:**`, `### Analysis`, `Analysis:` at a line's start
ANALYSIS_HEAD = re.compile(r"^\s*(?:\*\*|#{2,4}\s*|__)?\s*analysis\s*:?\s*(?:\*\*|__)?\s*:?\s*", re.I | re.M)
# where it ends: the next bold or heading line, a picture, or the tool's checks
ANALYSIS_END = re.compile(r"^\s*(?:\*\*[^*]+\*\*\s*:?\s*$|\*\*[^*]+:\*\*|#{1,4}\s|!\[|<details|checked against the "
                          r"records)", re.I | re.M)


@dataclass(frozen=True)
class Section:
    """One step of a hand-in's README: its number, and its Analysis as written ("" where it has none)."""

    number: int
    analysis: str


def sections(readme: str) -> list[Section]:
    """Each `## Step N` section's Analysis: the text after its Analysis head up to the next head, picture or the
    tool's checks."""
    heads = list(STEP_HEAD.finditer(readme))
    out = []
    for i, head in enumerate(heads):
        body = readme[head.end():heads[i + 1].start() if i + 1 < len(heads) else len(readme)]
        start = ANALYSIS_HEAD.search(body)
        text = ""
        if start is not None:
            rest = body[start.end():]
            end = ANALYSIS_END.search(rest)
            text = rest[:end.start() if end else len(rest)].strip()
        out.append(Section(int(head[1]), text))
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


def check_folder(folder: str | Path) -> list[Claim]:
    """Every checked claim of a hand-in folder, step by step: its README's Analyses against the records beside it,
    and the receptive-field comments of each step's recorded code."""
    folder = Path(folder)
    readme = folder / "README.md" if folder.is_dir() else folder
    if not readme.is_file():
        raise TinyDigitsError(f"{folder}: no README.md to read (a hand-in folder holds one)")
    folder = readme.parent
    found = sections(readme.read_text(encoding="utf-8"))
    if not found:
        raise TinyDigitsError(f"{readme}: no `## Step N` section: not a hand-in's README")
    out: list[Claim] = []
    previous: Step | None = None
    for section in found:
        step = read_handin_step(folder, section.number, previous)
        out += check_claims(strip_checks(section.analysis), step, previous, section.number)
        out += rf_comments(step, section.number)
        previous = step
    return out


def strip_checks(text: str) -> str:
    """An Analysis without the tool's own marks (a checked line the tool wrote, a fold)."""
    return "\n".join(line for line in text.splitlines() if not re.match(r"\s*[-*]?\s*[✓✗?→]\s", line)
                     and not line.strip().startswith("<"))


def report(claims: list[Claim], as_json: bool = False) -> str:
    """The checks as a teacher reads them (per step, one line a claim), or as JSON (a list of {step, claim, verdict,
    evidence, kind})."""
    if as_json:
        return json.dumps([c.to_json() for c in claims], indent=1, ensure_ascii=False)
    out, step = [], None
    for c in claims:
        if c.step != step:
            step = c.step
            out.append(f"step {step}:")
        out.append(f"  {c.line()}")
    false = sum(c.verdict is False and c.kind != "plan" for c in claims)
    decided = sum(c.verdict is not None for c in claims)
    out.append(f"{len(claims)} claims: {decided - false} true, {false} false, {len(claims) - decided} undecided or plans")
    return "\n".join(out)
