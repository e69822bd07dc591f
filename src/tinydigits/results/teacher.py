"""A class's hand-ins checked at once: each hand-in - the tool's (`stepN-*` records beside its README) or one made
without the tool (a README and notebooks with their printed logs, read by `results.handwritten` without running any
of it) - has every sentence of its steps' Targets, Results and Analyses judged by the same engine
(`steps.claims.judge`), against the records it ships or the logs it printed, and the budget judged from its own logs.

    tinydigits claims HAND_IN...          # one hand-in: every sentence; several: one table, a row a hand-in
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from tinydigits.constants import BUDGET
from tinydigits.errors import TinyDigitsError
from tinydigits.results.budget import judge as judge_budget
from tinydigits.results.handwritten import NO_LOG, read_handin, to_run
from tinydigits.results.steps.claims import (
    ANALYSIS,
    CLOSING,
    GOALS,
    RESULT,
    TARGET,
    Claim,
    Judged,
    Tally,
    is_plan,
    judge,
    judge_without_log,
)
from tinydigits.results.steps.step import Step


@dataclass(frozen=True)
class Checked:
    """One hand-in checked: where it is, its sentences judged, how many steps it has and how many had a log, the
    budget as its own logs show it, the lines about what could not be mapped, or why it could not be read."""

    path: Path
    judged: list[Judged] = field(default_factory=list)
    steps: int = 0
    logged: int = 0
    budget: str = ""
    notes: list[str] = field(default_factory=list)
    error: str | None = None
    names: dict[int, str] = field(default_factory=dict)  # each step's name as its README heads it

    @property
    def tally(self) -> Tally:
        return Tally.of([j for j in self.judged if not _no_log(j)])

    @property
    def no_log(self) -> int:
        return sum(1 for j in self.judged if _no_log(j))

    @property
    def false(self) -> bool:
        return any(j.verdict is False for j in self.judged)

    def row(self) -> list[str]:
        if self.error:
            return [self.path.name, "-", "-", "-", "-", "-", "-", f"not read: {self.error}"]
        t = self.tally
        return [self.path.name, f"{self.logged} of {self.steps}", self.budget, str(t.true + t.partly), str(t.false),
                str(t.unsettled), str(self.no_log), "; ".join(self.notes)]

    def to_json(self) -> dict:
        if self.error:
            return {"hand_in": str(self.path), "error": self.error}
        return {"hand_in": str(self.path), "steps": self.steps, "steps_with_a_log": self.logged, "budget": self.budget,
                "tally": self.tally.to_json(), "no_log": self.no_log, "notes": self.notes,
                "sentences": [j.to_json() for j in self.judged if j.plan or j.atoms or j.unchecked]}


def _no_log(j: Judged) -> bool:
    return any(a.kind == "nolog" for a in j.atoms)


def check(path: str | Path) -> Checked:
    """One hand-in checked; one that cannot be read says why in `error`, never raises."""
    path = Path(path)
    try:
        if path.is_dir() and (path / "step1-config.json").is_file() or path.name.endswith(".md") and \
                (path.parent / "step1-config.json").is_file():
            from tinydigits.results import claims

            judged = claims.check_folder(path)
            steps = len({j.step for j in judged})
            return Checked(path, judged, steps, steps, "")
        return check_handwritten(path)
    except TinyDigitsError as err:
        return Checked(path, error=str(err).removeprefix(f"{path}: "))
    except (OSError, ValueError, KeyError, IndexError, TypeError, ZeroDivisionError, RecursionError) as err:
        # a student's hand-in can hold anything: one that breaks a reader is one line in the class's table
        return Checked(path, error=f"{type(err).__name__}: {err}")


def check_handwritten(path: Path) -> Checked:
    """A hand-in made without the tool: its README's steps, each judged against the log its notebook (or README)
    printed; a step with no log has its checkable sentences said to have none."""
    handin = read_handin(path)
    if not any(s.target or s.result or s.analysis or s.epochs for s in handin.steps):
        raise TinyDigitsError("nothing to check: no step with a Target, Result or Analysis, and no training log")
    folder = path if path.is_dir() else path.parent
    judged: list[Judged] = []
    read: dict[int, Step] = {}
    previous: Step | None = None
    verdicts = []
    for i, hand in enumerate(handin.steps, 1):
        number = hand.number or i
        parts = ((TARGET, hand.target), (RESULT, hand.result), (ANALYSIS, hand.analysis))
        step = _step_of(hand, folder)
        judged += _rf_listed(hand, number)
        if not hand.epochs:
            missing = Claim(number, "", None, NO_LOG, "nolog")
            judged += [_sourced(j, hand) for part, lines in parts for line in lines
                       for j in judge_without_log(line, step, number, part, missing)]
            continue
        for part, lines in parts:
            for line in lines:
                judged += [_sourced(_guarded(j, step), hand) for j in
                           _read_both_ways(line, step, previous, number, part, dict(read), hand.epoch_base)]
        read[number] = step
        previous = step
        verdicts.append((hand.name or f"step {number}", own_budget(step, hand.params is not None)))
    notes = [*handin.unmapped, *handin.notes]
    if (final := handin.final()) is not None:
        number = next((hand.number or i for i, hand in enumerate(handin.steps, 1) if hand is final),
                      len(handin.steps) + 1)
        step = read.get(number) or _step_of(final, folder)  # the last step with a log, read above, or the last log
        # the goal list at the README's head ("Less than 8k Parameters"), ticked off as met, and the closing section's
        # words about the end ("We achieved our target"): each judged against the hand-in's last log
        judged += _of_last_log([g for g in handin.goals if not is_plan(g)], GOALS, final, step, number)
        judged += _of_last_log([c for c in handin.closing if not is_plan(c, number)], CLOSING, final, step, number)
        if not verdicts:  # no step took a log: the budget from the one printed
            verdicts.append((final.name, own_budget(step, final.params is not None)))
    names = {hand.number or i: hand.name for i, hand in enumerate(handin.steps, 1)}
    return Checked(path, judged, len(handin.steps), len(read), _budget_said(verdicts), notes, names=names)


RF_LISTED = "receptive field"  # the part a step's receptive-field table is shown under


def _rf_listed(hand, number: int) -> list[Judged]:
    """A step's receptive-field table ("Output Block: Receptive Field: 32x32"), one sentence: every field it lists is
    one the code's layers reach, and the last, where it names the output, is the code's field at the output."""
    if len(hand.rf_said) < 2 or not hand.layers or hand.rf is None:
        return []
    fields = sorted({layer.rf for layer in hand.layers if layer.rf})
    label, last = hand.rf_said[-1]
    at_output = re.search(r"output|gap|final|last|head|prediction", label, re.I) is not None
    ok = all(rf in fields for _, rf in hand.rf_said) and (not at_output or last == hand.rf)
    words = "Receptive field " + ", ".join(f"{rf}x{rf}" for _, rf in hand.rf_said) + (f" ({label})" if label else "")
    evidence = f"receptive field by layer from its code ({hand.model}): {', '.join(map(str, fields))} px, at the " \
               f"output {hand.rf}"
    atom = Claim(number, words, ok, evidence, "figure", tuple(str(rf) for _, rf in hand.rf_said))
    return [Judged(number, RF_LISTED, words, (atom,))]


def _step_of(hand, folder: Path) -> Step:
    """A hand-in step as the engine reads a run: its record from what it printed, its layers from its code."""
    step = Step(to_run(hand, folder))
    step.run.architecture = architecture(hand)
    return step


def _of_last_log(lines: list[str], section: str, final, step: Step, number: int) -> list[Judged]:
    """Sentences said of the hand-in as a whole, each judged against its last log (`final`, read as `step`)."""
    return [_sourced(_guarded(j, step), final) for line in lines
            for j in _read_both_ways(line, step, None, number, section, {}, final.epoch_base)]


KINDS = {"conv": "Conv2d", "maxpool": "MaxPool2d", "avgpool": "AvgPool2d", "gap": "AdaptiveAvgPool2d",
         "batchnorm": "BatchNorm2d", "linear": "Linear", "dropout": "Dropout"}


def architecture(hand) -> dict:
    """A hand-in step's architecture as a run records it: the layer table from its code, and its layers' types
    (`kinds`) - those its printed summary lists (what ran), else its code's."""
    kinds = hand.summary_kinds or [KINDS.get(layer.kind, layer.kind) for layer in hand.layers
                                   if layer.kind not in ("shape", "output")]
    return {"layers": layer_rows(hand.layers), "kinds": kinds}  # no "modules": their settings are not all known


def layer_rows(layers: list) -> list[dict]:
    """The layers read from a student's code as the layer table a run records (its receptive field and jump after
    each), so the engine reads a hand-in's receptive-field claims as it reads a run's."""
    return [{"name": f"{i}.{layer.kind}", "type": KINDS.get(layer.kind, layer.kind), "params": layer.params or 0,
             "output": [layer.out_channels or 0, layer.size or 0, layer.size or 0], "macs": 0, "rf": layer.rf or 0,
             "jump": layer.jump or 0} for i, layer in enumerate(layers) if layer.rf]


def _read_both_ways(line: str, step: Step, previous: Step | None, number: int, part: str, earlier: dict[int, Step],
                    base: int | None) -> list[Judged]:
    """A sentence against a log that counts its epochs from 0: "the 12th epoch" read as the records count (from 1)
    and as the log labels it; the reading that holds is the one used, and its line says which."""
    first = judge(line, step, previous, number, part, earlier)
    if base != 0 or not re.search(r"\bepoch|\d(?:st|nd|rd|th)\b", line, re.I) or all(j.verdict is not False for j in first):
        return first
    shifted = re.sub(r"(?i)\b(epoch\s+)(\d+)|\b(\d+)(st|nd|rd|th)(\s+epoch)",
                     lambda m: f"{m[1]}{int(m[2]) + 1}" if m[1] else f"{int(m[3]) + 1}{m[4]}{m[5]}", line)
    second = judge(shifted, step, previous, number, part, earlier)
    # the log's count holds where every sentence false the first way is true this way (an epoch past the log's end
    # leaves a sentence unsettled, which is no reading that holds)
    if len(second) == len(first) and all(b.verdict is True if a.verdict is False else b.verdict is not False
                                         for a, b in zip(first, second, strict=True)):
        note = "epochs as the log labels them, counted from 0"
        return [replace(b, words=a.words, atoms=tuple(replace(c, evidence=f"{c.evidence} ({note})") for c in b.atoms))
                for a, b in zip(first, second, strict=True)]
    return first


def _sourced(j: Judged, hand) -> Judged:
    """A hand-in's claims say where their figures came from: its printed log, or its code."""
    log = "its printed log" if hand.log_source else "its code"
    code = f"counted from its code ({hand.model})" if hand.params_from == "code" else "its printed summary"

    def said(text: str) -> str:
        text = re.sub(r"parameters \(metrics\.json\)", f"parameters ({code})", text)
        return text.replace("config.json's layer table", "its code's layers").replace("metrics.json", log)
    return replace(j, atoms=tuple(replace(a, evidence=said(a.evidence)) for a in j.atoms))


def _guarded(j: Judged, step: Step) -> Judged:
    """A claim against a log decides only what the log printed: a figure it did not print (NaN in the record), a
    parameter count neither a summary nor the code gave, or a setting a log does not record leaves it not settled."""
    atoms = []
    for a in j.atoms:
        if "nan" in a.evidence:
            a = replace(a, verdict=None, evidence=f"{a.evidence}: not printed in its log")
        elif a.kind in ("figure", "budget", "compare") and "parameters" in a.evidence and step.run.params == 0:
            a = replace(a, verdict=None, evidence="no parameter count printed in its log or read from its code")
        elif a.kind in ("setting", "effect") or "config.json" in a.evidence:
            a = replace(a, verdict=None, evidence="its settings are not in its log: not checked")
        atoms.append(a)
    return replace(j, atoms=tuple(atoms))


def own_budget(step: Step, params_known: bool) -> bool | None:
    """The budget from a step's own log: fewer than 8,000 parameters, at most 15 epochs, at or above 99.4 % in each
    of the last 3 (None where the parameters are not known)."""
    test = [a for a in step.run.test() if not math.isnan(a)]  # the epochs whose test line the log printed
    rule = judge_budget({step.seed: test}, step.run.params, len(test), BUDGET).constraints  # the budget's one rule
    fits = bool(rule["accuracy"].passed) and len(step.run.epochs) <= BUDGET.max_epochs
    if not params_known:
        return None if fits else False
    return fits and bool(rule["params"].passed)


def _budget_said(verdicts: list[tuple[str, bool | None]]) -> str:
    if not verdicts:
        return "no log"
    met = [name for name, ok in verdicts if ok]
    if met:
        return f"met by {met[-1]}"
    unknown = [name for name, ok in verdicts if ok is None]
    return f"not decided ({unknown[-1]}: no parameter count)" if unknown else "not met"


HEAD = ["hand-in", "steps with a log", "budget (its own logs)", "true", "false", "not settled", "no log", "notes"]


def table(checked: list[Checked]) -> str:
    """The class at once: a row a hand-in, and the totals."""
    rows = [HEAD, ["---"] * len(HEAD), *[c.row() for c in checked]]
    false = sum(1 for c in checked if c.false)
    unread = sum(1 for c in checked if c.error)
    return "\n".join("| " + " | ".join(r) + " |" for r in rows) + \
        f"\n\n{len(checked)} hand-ins: {false} with a false claim, {unread} not read"


def report(checked: list[Checked], as_json: bool = False) -> str:
    if as_json:
        return json.dumps([c.to_json() for c in checked], indent=1, ensure_ascii=False)
    return table(checked)
