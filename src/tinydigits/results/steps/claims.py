"""A student's Analysis checked against the records (`check_claims`): each sentence is cut into clauses, each clause
is matched against a small vocabulary of the claims hand-ins of this exercise make, and each claim found is decided
from the step's facts (`known.facts`) - true, false, or undecided where the runs cannot settle it (one run cannot
split several changes), or a plan for the next step, which is no claim about these runs at all.

The vocabulary: the fit (over-/under-fitting, the gap, test above or below train); a figure said of a step
(accuracy, loss, parameters, epochs, training images, receptive field, the rate), which must be one of its records;
99.4 % reached, or held in the last epochs; stability; the rate's course; a change's effect (dropout, batch norm,
augmentation, the schedule, GAP, EMA on the gap, the speed or the accuracy); a comparison with the step before
(better, worse, by N points); the budget; a check's seeds; and the receptive-field comments in the model's code
(`rf_comments`). Every yardstick is one of `YARDSTICKS`, stated once where a hand-in shows the checks.

Recognition is by regular expressions over plain words, written here for this vocabulary: a parser of English is
more than these few phrasings need, and a rule per phrase keeps each verdict traceable to the words it read.
"""

from __future__ import annotations

import ast
import io
import math
import re
import tokenize
from dataclasses import dataclass

from tinydigits.results import records
from tinydigits.results.steps.between import changes, schedule_inert
from tinydigits.results.steps.curves import (
    fall_noise,
    noise_band,
    rate_events,
    run_losses,
    slope_error,
    trend,
)
from tinydigits.results.steps.fit import CHANCE_POINTS, GAP_POINTS
from tinydigits.results.steps.known import facts
from tinydigits.results.steps.step import Step
from tinydigits.training.config import augmentations

UNDECIDED = "undecided"
PLAN = "plan"

YARDSTICKS = (
    f"the noise of one test score: two standard errors of a 10,000-image accuracy (±{noise_band(99.4):.2f} points "
    "near 99.4 %); of two scores compared (two steps, or one epoch and the next): the two combined as if "
    "independent - two scores of the same test digits vary less, so this yardstick is loose: a difference beyond it "
    "is shown, one inside it is not shown either way",
    "the gap: train minus test accuracy, the mean of the budget's last epochs, against its noise (both scores' "
    f"sampling error); a small gap: within {GAP_POINTS} points, a large one: over {GAP_POINTS}",
    f"over-fitting: train ahead of test by more than {GAP_POINTS} points while test no longer gains beyond its "
    "noise; its start: train ahead beyond the noise while test accuracy no longer rises; no over-fitting: no gap "
    "beyond the noise, or test accuracy still rising (in between, not settled)",
    "still rising at the end: test accuracy's trend over the run's second half beyond its own error and a new best in "
    "the last epochs beyond the noise; no longer rising: a trend inside its error (in between, not settled)",
    "a test loss still falling: more than 4 % lower over the last epochs than the epoch before them; flat: under 2 % "
    "(in between, not settled)",
    f"under-fitting: neither the best train nor the best test accuracy reaches the budget's line (or test below "
    f"{CHANCE_POINTS:.0f} %: not learned)",
    "stable: the budget's last epochs span no more than the noise of two scores",
    "better or worse than the step before: the min of the budget's last epochs (the figure the budget judges), "
    "beyond the noise of two scores; inside it, neither is shown",
    "faster: a higher test accuracy after epoch 1, beyond the noise of two scores (never wall seconds)",
    "a figure of a step: equal to a recorded figure at the digits given (rounded or cut)",
)


@dataclass(frozen=True)
class Claim:
    """One claim of a student's Analysis: the step, the words quoted, the verdict (True, False, None: the records do
    not settle it; for a plan, `kind` is "plan"), the figure that decides it with its record, and the claim's kind."""

    step: int
    claim: str
    verdict: bool | None
    evidence: str
    kind: str

    @property
    def mark(self) -> str:
        if self.kind == PLAN:
            return "→"
        return "✓" if self.verdict else "✗" if self.verdict is False else "?"

    def line(self) -> str:
        """The claim as a hand-in's checks list it: `✓ "the words": the figure (its record)`."""
        return f"{self.mark} \"{self.claim}\": {self.evidence}"

    def to_json(self) -> dict:
        verdict = self.verdict if self.verdict is not None else (PLAN if self.kind == PLAN else UNDECIDED)
        return {"step": self.step, "claim": self.claim, "verdict": verdict, "evidence": self.evidence, "kind": self.kind}


# ------------------------------------------------------------------------------------------------- the words
NUM = r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
NEG = re.compile(r"\b(no|not|never|nor|neither|without|didn't|did not|doesn't|does not|isn't|is not|wasn't|was not|"
                 r"hasn't|has not|cannot|can't|couldn't|could not|failed to|fails to|short of|fell short|"
                 r"rather than|instead of)\b|n't\b")
PLAN_WORDS = re.compile(r"\b(will|would|should|shall|going to|plan(?:s|ned)? to|next step|next,|next we|next i|"
                        r"in the next|try(?:ing)? to|we'll|i'll|let's|might|hope)\b", re.I)
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
         "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30}
CHANGE_NAMES = {
    "dropout": r"dropout",
    "batch norm": r"batch[ -]?norm(?:ali[sz]ation)?|\bbn\b|batchnorm",
    "augmentation": r"augment(?:ation|ations|ed|ing)?|rotation|elastic",
    "the schedule": r"schedul(?:e|er|ing)|one[- ]?cycle|step ?lr|plateau|(?:rate|lr) (?:cut|decay|drop)",
    "GAP": r"\bgap layer|global average pool(?:ing)?|\bgap\b(?! between)(?! of)(?! is)(?! was)(?! stayed)",
    "EMA": r"\bema\b|weight averag(?:e|ing)|averaged weights|exponential moving average",
    "weight decay": r"weight decay|l2",
}
EFFECTS = {
    "fit": r"over-?fit(?:ting)?|the gap|gap between|generali[sz]",
    "speed": r"faster|speed(?:s|ed)? up|sped up|quick(?:er|ly)|converge(?:d|s|nce)? faster|learn(?:s|ed|t)? faster|"
             r"train(?:s|ed)? faster|early epochs|first epoch",
    "accuracy": r"accuracy|better|improv(?:e|ed|es)|boost(?:ed)?|raised|increased|higher",
    "stability": r"stabili[sz](?:e|ed|es)|stable|steadier|smooth(?:er|ed)?|fluctuat",
}
HELP = r"reduc(?:e|ed|es)|fix(?:ed|es)?|remov(?:e|ed|es)|clos(?:e|ed|es)|cut|narrow(?:ed|s)?|help(?:ed|s)?|" \
       r"improv(?:e|ed|es)|stabili[sz](?:e|ed|es)|sped|speed(?:s|ed)?|made|make|let|allow(?:ed|s)?|prevent(?:ed|s)?|" \
       r"curb(?:ed)?|lower(?:ed|s)?|rais(?:e|ed|es)|increas(?:e|ed|es)|boost(?:ed|s)?|gave|brought|kept|controll(?:ed|s)"


def _num(text: str) -> float:
    return float(text.replace(",", ""))


def _decimals(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def said_as(value: float, text: str, scale: float = 1.0) -> bool:
    """Whether `text` (a number as a student wrote it, `scale` times smaller than `value`: 1000 for "7.5k") says
    `value` at its digits: rounded, or cut."""
    d, x, v = _decimals(text), _num(text), value / scale
    unit = 10 ** -d
    return abs(round(v, d) - x) < unit / 2 or abs(math.floor(v / unit + 1e-9) * unit - x) < unit / 2


def _negated(clause: str, at: int) -> bool:
    """A negation within the few words before position `at`, or just after the word there ("over-fitting is not
    seen")."""
    before = re.split(r"[,:;()]|\band\b|\bbut\b|\bwhile\b", clause[:at].lower())[-1]
    before = " ".join(before.split()[-4:])  # a negation belongs to the few words before the claim's word
    after = re.match(r"\S*\s+(?:is not|isn't|was not|wasn't|not (?:seen|shown|present|observed)|is absent|absent)\b",
                     clause[at:].lower())
    return bool(NEG.search(before)) or after is not None


def sentences(text: str) -> list[str]:
    """The Analysis cut into sentences (and list items): a full stop followed by a space ends one; a decimal point
    does not."""
    out = []
    for block in re.split(r"\n\s*(?:[-*•]|\d+[.)])\s+|\n\s*\n", "\n" + text.strip()):
        block = " ".join(block.split())
        out += [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z(\"'`])", block) if s.strip()]
    return out


def clauses(sentence: str) -> list[str]:
    """A sentence cut where one claim ends and another starts: semicolons, a dash between spaces, and ", but" /
    ", while" / ", so" / ", and" before a new subject."""
    parts = re.split(r";\s+|\s[-–—]\s|,\s+(?=(?:but|while|whereas|although|so|yet|and then|and the|and test|and train)\b)"
                     r"|\s+and\s+(?=(?:the |its )?(?:test|train|training|validation) (?:accuracy|loss)\b)|\s+but\s+", sentence)
    return [p.strip().rstrip(".") for p in parts if p and p.strip(" .")]


# ------------------------------------------------------------------------------------------------- the claims
def check_claims(text: str, step: Step, previous: Step | None, number: int) -> list[Claim]:
    """Every claim the vocabulary recognises in `text` (step `number`'s Analysis), each decided from the records."""
    out: list[Claim] = []
    for sentence in sentences(text):
        for clause in clauses(sentence):
            found = _plan(clause, number) or _claims_of(clause, sentence, step, previous, number)
            out += [c for c in found if c.claim not in {o.claim for o in out if o.kind == c.kind}]
    return out


def _plan(clause: str, number: int) -> list[Claim]:
    if PLAN_WORDS.search(clause) and not re.search(r"\b(would have|should have)\b", clause, re.I):
        return [Claim(number, clause, None, "a plan for the next step, not a claim about these runs", PLAN)]
    return []


def _claims_of(clause: str, sentence: str, step: Step, previous: Step | None, number: int) -> list[Claim]:
    low = clause.lower()
    found: list[Claim] = []
    for reader in (_effect, _compare, _seeds, _budget, _held, _reached, _fit, _gap, _above, _trend, _stability, _rate):
        claim = reader(low, clause, step, previous, number)
        if claim is not None:
            found.append(claim)
            if reader in (_effect, _compare):  # its figures are the comparison's, not a step's own
                return found
    return found + _figures(low, clause, step, number, skip={c.kind for c in found})


def _effect(low, clause, step, previous, number) -> Claim | None:
    """`X reduced over-fitting`, `batch norm made it train faster`: the change must be in the step and new in it, able
    to act, the effect must show against the step before beyond the noise, and it must be the only change to be
    credited."""
    name = next((n for n, pattern in CHANGE_NAMES.items() if re.search(pattern, low)), None)
    help_at = re.search(rf"\b(?:{HELP})\b", low)
    what = next((w for w, pattern in EFFECTS.items() if re.search(pattern, low)), None)
    if name is None or help_at is None or what is None:
        return None
    if name == "GAP" and what == "fit" and "gap between" in low:
        return None
    if not _has(step, name):
        return Claim(number, clause, False, f"this step has no {name} that acts ({records.CONFIG}, the layer table)",
                     "effect")
    if previous is None:
        return Claim(number, clause, None, "no step before to compare with: one run cannot show an effect", "effect")
    every = changes(previous, step)
    related = [c for c in every if re.search(CHANGE_NAMES[name], f"{c.text} {c.kind}".lower())
               or c.kind == CHANGE_KINDS.get(name)]
    if not related:
        return Claim(number, clause, False, f"{name} did not change from the step before: not what changed here",
                     "effect")
    if all(c.inert for c in related):
        return Claim(number, clause, False, f"{related[0].text}: {related[0].inert}", "effect")
    if name == "the schedule" and not _rate_moved(step):
        return Claim(number, clause, False, f"the rate never moved in this run ({_rates(step)}): the schedule "
                                            "could not act", "effect")
    if what == "fit" and (step.run.settings.ema or previous.run.settings.ema):
        return Claim(number, clause, None, "test is of the averaged (EMA) weights, train of the live ones: the gap "
                                           "between them is not measured", "effect")
    moved, figures = _effect_shown(what, step, previous)
    better = not re.search(r"increas\w* (?:the )?(?:over-?fit|gap)|widen|worse|hurt|slow(?:ed|er)", low)
    if _negated(low, help_at.start()):
        better = not better
    if moved == 0:
        return Claim(number, clause, None, f"{figures}: inside the noise, neither shown", "effect")
    if (moved > 0) != better:
        return Claim(number, clause, False, figures, "effect")
    counted = [c.text for c in every if c.counted]
    if len(counted) > 1 and re.search(r"\b(together|combined|jointly|between them|all of them)\b", low):
        return Claim(number, clause, True, f"{figures}; the {len(counted)} changes together", "effect")
    if len(counted) > 1:
        return Claim(number, clause, None, f"{figures}; but {len(counted)} changes came together: one run cannot "
                                           "split them", "effect")
    return Claim(number, clause, True, f"{figures}; the only change", "effect")


CHANGE_KINDS = {"dropout": "regularisation", "batch norm": "normalisation", "augmentation": "augmentation",
                "EMA": "averaging"}


def _has(step: Step, name: str) -> bool:
    s = step.run.settings
    return {"dropout": step.dropout() > 0, "batch norm": step.has("BatchNorm"),
            "augmentation": bool(augmentations(step.config)) and (s.augment_off_last or 0) < len(step.run.epochs),
            "the schedule": s.scheduler not in ("none", "", None), "GAP": step.has("AdaptiveAvgPool"),
            "EMA": bool(s.ema), "weight decay": bool(s.weight_decay)}[name]


def _effect_shown(what: str, step: Step, previous: Step) -> tuple[int, str]:
    """Whether the step moved `what` for the better against the step before, beyond the noise (+1), for the worse
    (-1), or inside it (0), and the figures: the gap (smaller is better), epoch 1's test accuracy (the speed), the last
    epochs' span (stability), the min of the last epochs (accuracy)."""
    a, b = facts(previous), facts(step)
    if what == "fit":
        noise = math.hypot(a.gap_band, b.gap_band)
        said = f"the gap (train - test, last {b.n}) {a.gap:+.2f} → {b.gap:+.2f} points (noise ±{noise:.2f})"
        gain = a.gap - b.gap
    elif what == "speed":
        x, y = previous.run.test()[0], step.run.test()[0]
        noise = fall_noise(x, y)
        said = f"test accuracy after epoch 1 {x:.2f} → {y:.2f} % (noise ±{noise:.2f})"
        gain = y - x
    elif what == "stability":
        noise = noise_band(b.min_last)
        said = f"the last {b.n} epochs' span {a.moved:.2f} → {b.moved:.2f} points (noise ±{noise:.2f})"
        gain = a.moved - b.moved
    else:
        noise = fall_noise(a.min_last, b.min_last)
        said = f"min of the last {b.n} {a.min_last:.2f} → {b.min_last:.2f} % (noise ±{noise:.2f})"
        gain = b.min_last - a.min_last
    return (0 if abs(gain) <= noise else 1 if gain > 0 else -1), f"{said} ({records.METRICS} of both)"


COMPARE = re.compile(r"\b(better|improv(?:e|ed|es|ement)|higher|up from|rose|gain(?:ed)?|worse|regress(?:ed|ion)?|"
                     r"lower|dropped|fell|declin(?:e|ed)|down from|decreas(?:e|ed)|increas(?:e|ed))\b")
BEFORE = re.compile(r"\b(?:step|model)[ _]?\d|previous|the step before|the last step|earlier step|than before|"
                    r"from before|compared|\bvs\b|versus")
BARE = re.compile(r"^(better|improv|worse|regress)")  # said of a step after another: against it, named or not


def _compare(low, clause, step, previous, number) -> Claim | None:
    """Better / worse / by N points than the step before, on the figure the budget judges (or the one named)."""
    verb = COMPARE.search(low)
    moved = re.search(rf"\bfrom\s+{NUM}\s*%?.*?\bto\s+{NUM}\s*%", low)
    if previous is not None and moved and BEFORE.search(low) is not None or previous is not None and moved and \
            re.search(r"\b(?:step|model)[ _]?\d", low):
        return _moved(low, clause, step, previous, number, _num(moved[1]), _num(moved[2]), moved[1], moved[2])
    by_points = re.search(rf"\bby\s+{NUM}\s*(?:percentage )?(?:points|pts|pp)", low)  # a move between steps, said
    if verb is None or previous is None or not (BEFORE.search(low) or BARE.match(verb[1]) or by_points):
        return None
    if re.search(r"\bparam(?:eter)?s?\b", low) and not re.search(r"accura", low):
        return _params_compared(low, clause, step, previous, number, verb[1])
    if re.search(r"\b(?:rate|lr)\b", low) or re.search(r"\bloss\b", low) or "gap" in low or "over-fit" in low \
            or "overfit" in low:
        return None  # the rate's course, a loss or the fit: their own readers
    up = not re.match(r"worse|regress|lower|dropped|fell|declin|down|decreas", verb[1])
    if _negated(low, verb.start()):
        up = not up if not re.search(r"\bno (?:better|worse)\b", low) else None
    a, b = facts(previous), facts(step)
    if "best" in low and "train" in low:
        x, y, what = a.best_train, b.best_train, "best train"
    elif "best" in low:
        x, y, what = a.best_test, b.best_test, "best test"
    else:
        x, y, what = a.min_last, b.min_last, f"min of the last {b.n}"
    noise = fall_noise(x, y)
    said = f"{what} {x:.2f} → {y:.2f} % ({y - x:+.2f} points; noise ±{noise:.2f}; {records.METRICS} of both)"
    by = re.search(rf"{NUM}\s*(?:percentage )?(?:points|pts|pp|%\s*points)", low)
    if by:
        hit = said_as(abs(y - x), by[1]) or any(said_as(abs(q - p), by[1]) for p, q in
                                                 ((a.best_test, b.best_test), (a.min_last, b.min_last),
                                                  (a.best_train, b.best_train)))
        return Claim(number, clause, hit and (up is None or (y >= x) == up or what != f"min of the last {b.n}"), said,
                     "compare")
    if up is None or HEDGED.search(low):
        return Claim(number, clause, abs(y - x) <= noise, said, "compare")
    if abs(y - x) <= noise:
        return Claim(number, clause, None, f"{said}: inside the noise, neither shown", "compare")
    return Claim(number, clause, (y > x) == up, said, "compare")


def _moved(low, clause, step, previous, number, x: float, y: float, xs: str, ys: str) -> Claim:
    """`went from X % in step 2 to Y %`: X and Y must be the two steps' figures, and the move beyond the noise to be
    shown (inside it: not settled)."""
    a, b = facts(previous), facts(step)
    pairs = [(a.min_last, b.min_last, f"min of the last {b.n}"), (a.best_test, b.best_test, "best test"),
             (a.best_train, b.best_train, "best train")]
    found = next(((p, q, what) for p, q, what in pairs if said_as(p, xs) and said_as(q, ys)), None)
    if found is None:
        return Claim(number, clause, False, f"the two steps' figures: min of the last {b.n} {a.min_last:.2f} → "
                                            f"{b.min_last:.2f} %, best test {a.best_test:.2f} → {b.best_test:.2f} % "
                                            f"({records.METRICS} of both)", "compare")
    p, q, what = found
    noise = fall_noise(p, q)
    said = f"{what} {p:.2f} → {q:.2f} % ({q - p:+.2f} points; noise ±{noise:.2f}; {records.METRICS} of both)"
    if HEDGED.search(low):  # the claim is that the move is inside the noise
        return Claim(number, clause, abs(q - p) <= noise, said, "compare")
    return Claim(number, clause, None if abs(q - p) <= noise else True,
                 said + (": inside the noise, neither shown" if abs(q - p) <= noise else ""), "compare")


HEDGED = re.compile(r"\b(?:inside|within) (?:the )?noise|not (?:shown|told) apart|does not tell|cannot tell|"
                    r"not (?:significant|beyond the noise)")


def _params_compared(low, clause, step, previous, number, verb) -> Claim:
    a, b = previous.run.params, step.run.params
    fewer = bool(re.search(r"reduc|fewer|less|lower|dropped|fell|decreas|cut", low))
    more = bool(re.search(r"more|increas|higher|rose|grew|added", low))
    said = f"parameters {a:,} → {b:,} ({records.METRICS} of both)"
    if fewer == more:
        return Claim(number, clause, None, said, "compare")
    return Claim(number, clause, (b < a) if fewer else (b > a), said, "compare")


SEEDS = re.compile(rf"\b(all|every|each|{NUM}|{'|'.join(WORDS)})\s*(?:of|out of|/)?\s*(?:the\s+)?(\d+|{'|'.join(WORDS)})?"
                   r"\s*(?:of (?:the|its|my) )?seeds?\b")


def _count(word: str | None) -> int | None:
    if word is None:
        return None
    return WORDS.get(word) if word in WORDS else int(_num(word)) if re.fullmatch(NUM, word) else None


def _seeds(low, clause, step, previous, number) -> Claim | None:
    """`passed on 3 of 5 seeds`, `held on every seed`: the check's count of seeds that held."""
    found = SEEDS.search(low)
    if found is None or not re.search(r"\b(pass|held|hold|reach|above|met|meet|fail|over 99|99\.4|success)", low):
        return None
    if step.check is None:
        return Claim(number, clause, False, f"this step trained one seed ({step.seed}): no check of seeds",
                     "seeds")
    held, ran = step.check.verdict.held()
    said = f"{held} of {ran} seeds held ({records.CHECK})"
    failed = bool(re.search(r"\bfail", low))
    first, second = found[1], found[2]
    if first in ("all", "every", "each"):
        claimed_held, claimed_ran = (0 if failed else ran), _count(second) or ran
    else:
        a, b = _count(first), _count(second)
        claimed_held, claimed_ran = (a, b if b is not None else ran)
        if failed and claimed_held is not None:
            claimed_held = claimed_ran - claimed_held
    negated = _negated(low, found.start())
    ok = claimed_held == held and claimed_ran == ran
    return Claim(number, clause, ok != negated, said, "seeds")


BUDGET = re.compile(r"\b(budget|target|goal|requirement|requirements|constraints|the exercise|the assignment|the task)\b")


def _budget(low, clause, step, previous, number) -> Claim | None:
    """Met / did not meet the budget (or the target, the goal): the budget's verdict on this step."""
    if not BUDGET.search(low) or not re.search(r"\b(met|meet|meets|achiev|reach|pass|hit|satisf|fulfil|within|did it)",
                                                low):
        return None
    if re.search(r"\b(?:parameters?|params)\b", low) and not re.search(r"accura|99\.4|epoch", low):
        return None  # the parameter limit alone: a figure's reader
    v = facts(step)
    passed = step.check.verdict.passed if step.check else v.min_last >= step.budget.min_acc and \
        v.params < step.budget.max_params and step.run.planned_epochs <= step.budget.max_epochs
    said = (f"{step.check.verdict.line()} ({records.CHECK})" if step.check else
            f"{'PASS' if passed else 'FAIL'}: {v.params:,} parameters, {step.run.planned_epochs} epochs, min of the last "
            f"{v.n} {v.min_last:.2f} % (seed {step.seed}; {records.METRICS})")
    negated = _negated(low, BUDGET.search(low).start())
    return Claim(number, clause, bool(passed) != negated, said, "budget")


def _line(step: Step) -> float:
    return step.budget.min_acc


def _last_k(low: str, step: Step) -> int | None:
    found = re.search(rf"\blast\s+(\d+|{'|'.join(WORDS)})\s+epochs?\b", low)
    if found:
        return _count(found[1])
    if re.search(r"\b(consistent(?:ly)?|held|holds|hold|stayed|stays|remained|steady|every|each|all|stable)\b", low):
        return step.budget.last
    return None


def _line_at(low: str, line: float) -> re.Match | None:
    """Where the clause names the budget's line (99.4, not 99.45)."""
    return re.search(rf"(?<![\d.]){re.escape(f'{line:g}')}(?![\d])\s*%?|\bthe line\b|\btarget accuracy\b", low)


def _held(low, clause, step, previous, number) -> Claim | None:
    """99.4 % held in the last K epochs (`consistently 99.4 %`, `above 99.4 in the last 2 epochs`)."""
    line = _line(step)
    at = _line_at(low, line)
    k = _last_k(low, step)
    if at is None or k is None or re.search(r"\bseeds?\b", low):
        return None
    test = step.run.test()
    k = min(k, len(test))
    low_k = min(test[-k:])
    said = f"test accuracy in the last {k} epochs: " + ", ".join(f"{a:.2f}" for a in test[-k:]) + f" % ({records.METRICS})"
    negated = _negated(low, min(at.start(), re.search(r"consistent|held|hold|stay|remain|steady|every|each|all|stable|last",
                                                          low).start()))
    return Claim(number, clause, (low_k >= line) != negated, said, "held")


def _reached(low, clause, step, previous, number) -> Claim | None:
    """99.4 % reached (once is enough: `reached`, `crossed`, `hit`), or never reached."""
    line = _line(step)
    verb = re.search(r"\b(reach(?:ed|es)?|cross(?:ed|es)?|hit|hits|achiev(?:ed|es|e)|touch(?:ed|es)?|got to|get to|"
                     r"exceed(?:ed|s)?|above|beyond|over|past)\b", low)
    at = _line_at(low, line)
    if verb is None or at is None or _last_k(low, step) is not None \
            or re.search(r"\bseeds?\b|\bnearly\b|\balmost\b|\bclose to\b", low):
        return None
    best, epoch = facts(step).best_test, facts(step).best_epoch
    by = re.search(r"\b(?:by|within|in)\s+(?:epoch\s+)?(\d+)(?:\s+epochs)?\b", low)
    test = step.run.test()
    if by and int(by[1]) <= len(test):
        upto = int(by[1])
        top = max(test[:upto])
        return Claim(number, clause, (top >= line) != _negated(low, verb.start()),
                     f"best test accuracy by epoch {upto}: {top:.2f} % ({records.METRICS})", "reached")
    return Claim(number, clause, (best >= line) != _negated(low, verb.start()),
                 f"best test accuracy {best:.2f} % at epoch {epoch} ({records.METRICS})", "reached")


OVER = re.compile(r"over-?fit(?:ting|s|ted)?|overfit")
UNDER = re.compile(r"under-?fit(?:ting|s|ted)?")


def _fit(low, clause, step, previous, number) -> Claim | None:
    """Over-fitting (train ahead of test beyond the noise), under-fitting (neither reaches the line), or their
    negations."""
    f = facts(step)
    over, under = OVER.search(low), UNDER.search(low)
    if over is None and under is None:
        return None
    if re.search(rf"\b(?:{HELP})\b", low) and any(re.search(p, low) for p in CHANGE_NAMES.values()):
        return None  # a change's effect on it: `_effect` reads that
    train, test = step.run.train()[-f.n:], step.run.test()[-f.n:]
    said = (f"train - test over the last {f.n} epochs: {', '.join(f'{a - b:+.2f}' for a, b in zip(train, test, strict=True))}"
            f" (mean {f.gap:+.2f}, noise ±{f.gap_band:.2f}); best train {f.best_train:.2f} %, best test "
            f"{f.best_test:.2f} % ({records.METRICS})")
    if under is not None and (over is None or under.start() < over.start()):
        is_under = f.best_test < CHANCE_POINTS or max(f.best_train, f.best_test) < _line(step)
        said = (f"best train {f.best_train:.2f} %, best test {f.best_test:.2f} %: "
                + ("neither reaches" if is_under else "one reaches") + f" {_line(step):g} % ({records.METRICS})")
        return Claim(number, clause, is_under != _negated(low, under.start()), said, "fit")
    if step.run.settings.ema:
        return Claim(number, clause, None, f"{said}; test is of the averaged (EMA) weights, train of the live ones: two "
                                           "sets of weights", "fit")
    negated = _negated(low, over.start())
    ahead = f.gap > f.gap_band  # train ahead of test beyond both scores' noise
    learning, _ = _learning(step)
    if not ahead:  # no gap to speak of: no over-fitting, of any size
        return Claim(number, clause, negated, f"{said}: no gap beyond the noise", "fit")
    if f.fit.diagnosis == "over-fitting":
        slight = re.search(r"\b(slight(?:ly)?|a little|mild(?:ly)?|minor)\b", low)
        return Claim(number, clause, not negated and not slight, said + (": more than slight" if slight else ""), "fit")
    if learning:  # train ahead, but test accuracy still rising: not over-fitting yet
        return Claim(number, clause, negated, f"{said}; test accuracy still rising at the end", "fit")
    begins = re.search(r"\b(start(?:s|ing|ed)?|begin(?:s|ning)?|began|slight(?:ly)?|a little|mild(?:ly)?|signs? of|"
                       r"some)\b", low)
    if begins and learning is False:  # train ahead beyond the noise, test accuracy no longer rising: its start
        return Claim(number, clause, not negated, f"{said}; test accuracy no longer rising", "fit")
    return Claim(number, clause, None, f"{said}: train ahead beyond the noise, short of over-fitting's yardstick", "fit")


def _gap(low, clause, step, previous, number) -> Claim | None:
    """A small or large gap, or the gap's figure."""
    if "gap" not in low or OVER.search(low) or re.search(r"\bgap layer|global average", low):
        return None
    f = facts(step)
    said = f"train - test, mean of the last {f.n} epochs: {f.gap:+.2f} points ({records.METRICS})"
    if step.run.settings.ema:
        said += "; test of the EMA weights, train of the live ones"
    figure = re.search(r"gap\s*(?:of|is|was|=|:|stays at|at)?\s*(\d*\.\d+)|(\d*\.\d+)\s*(?:points?|pts|pp|%)?\s*gap", low)
    if figure:
        figure = [figure[0], figure[1] or figure[2]]
        last = step.run.train()[-1] - step.run.test()[-1]
        return Claim(number, clause, said_as(abs(f.gap), figure[1]) or said_as(abs(last), figure[1]),
                     f"{said}; at the last epoch {last:+.2f}", "gap")
    if re.search(r"\b(small|tiny|very small|negligible|minimal|little|close|narrow|low)\b", low):
        return Claim(number, clause, abs(f.gap) <= GAP_POINTS, said, "gap")
    if re.search(r"\b(large|big|wide|huge|significant|much)\b", low):
        return Claim(number, clause, abs(f.gap) > GAP_POINTS, said, "gap")
    return None


def _above(low, clause, step, previous, number) -> Claim | None:
    """Test above (or below) train."""
    found = re.search(r"\b(test|validation)(?: accuracy)?(?: is| was| stays| stayed| remained)?(?: consistently)? "
                      r"(higher|above|greater|better|more|lower|below|less|worse)(?: than)? (?:the )?train", low) or \
        re.search(r"\btrain(?:ing)?(?: accuracy)?(?: is| was| stays| stayed| remained)?(?: consistently)? "
                  r"(higher|above|greater|better|more|lower|below|less|worse)(?: than)? (?:the )?(test|validation)", low)
    if found is None:
        return None
    f = facts(step)
    test_first = found[1] in ("test", "validation")
    word = found[2] if test_first else found[1]
    test_higher = (word in ("higher", "above", "greater", "better", "more")) == test_first
    said = f"train - test, mean of the last {f.n} epochs: {f.gap:+.2f} points ({records.METRICS})"
    return Claim(number, clause, (f.gap < 0) == test_higher != _negated(low, found.start()), said, "fit")


RISING = re.compile(r"\b(still (?:rising|rises|rose|improving|improves|increasing|learning|climbing|going up)|"
                    r"kept (?:rising|improving|learning)|not (?:yet )?(?:converged|saturated|plateaued))\b")
STALLED = re.compile(r"\b(no longer (?:rises|rising|improves|improving|increases|learning|learns)|"
                     r"stopped (?:rising|improving|increasing|learning)|plateau(?:ed|s)?|saturat(?:ed|es)|converged|"
                     r"stagnat(?:ed|es))\b")


def _learning(step: Step) -> tuple[bool | None, str]:
    """Whether test accuracy still rose at the run's end: its trend over the second half beyond the trend's own error
    (True), inside it (False); too few epochs to tell (None)."""
    test = step.run.test()
    if len(test) < 4:  # too few epochs for a trend and its error
        return None, f"{len(test)} epoch{'s' * (len(test) > 1)}: too few for a trend ({records.METRICS})"
    half, n = (len(test) + 1) // 2, min(step.last, len(test) - 1)
    slope, band = trend(test, half), slope_error(test[-half:])
    gain = max(test[-n:]) - max(test[:-n])  # the last epochs' best against every epoch's before them
    said = (f"test accuracy's trend over epochs {len(test) - half + 1}-{len(test)}: {slope:+.3f} points an epoch "
            f"(±{band:.3f}); the last {n} epochs' best {gain:+.2f} points on the best before them (noise "
            f"±{fall_noise(max(test[:-n]), max(test[-n:])):.2f}; {records.METRICS})")
    if slope <= band:
        return False, said
    return (True if gain > fall_noise(max(test[:-n]), max(test[-n:])) else None), said


LOSS_FALLS, LOSS_FLAT = 0.04, 0.02  # a test loss's fall over the last epochs: still falling beyond one, flat under the other


def _loss_falling(step: Step) -> tuple[bool | None, str]:
    """Whether the test loss still fell at the end: the last N epochs' lowest against the epoch before them."""
    loss, n = run_losses(step.run), step.last
    if len(loss) <= n:
        return None, f"{len(loss)} epochs: too few to read the end ({records.METRICS})"
    before, low = loss[-n - 1], min(loss[-n:])
    fall = (before - low) / before if before > 0 else 0.0
    said = (f"test loss at epochs {len(loss) - n}-{len(loss)}: " + ", ".join(f"{x:.4f}" for x in loss[-n - 1:])
            + f" (a {100 * fall:.1f} % fall; {records.METRICS})")
    return (True if fall > LOSS_FALLS else False if fall < LOSS_FLAT else None), said


def _trend(low, clause, step, previous, number) -> Claim | None:
    """Still rising (learning at the end), or no longer rising (a plateau): the last half of the run's test curve and
    its test loss."""
    rising, stalled = RISING.search(low), STALLED.search(low)
    reading = _learning
    if "loss" in low and (falling := re.search(r"\bstill (?:falling|falls|fell|decreasing|going down)\b|"
                                                r"\bno longer (?:falls|falling|decreases)\b|\bloss (?:was |is )?flat", low)):
        rising, stalled = (falling, None) if "still" in falling[0] else (None, falling)
        reading = _loss_falling
    if rising is None and stalled is None:
        return None
    learning, said = reading(step)
    if learning is None:
        return Claim(number, clause, None, f"{said}: neither shown", "trend")
    claimed = rising is not None
    return Claim(number, clause, (learning == claimed) != _negated(low, (rising or stalled).start()), said, "trend")


def _stability(low, clause, step, previous, number) -> Claim | None:
    """Stable (the last epochs within the noise of two scores) or fluctuating."""
    found = re.search(r"\b(stable|steady|consistent|plateau(?:ed)?|flat|fluctuat\w*|unstable|jump(?:s|ed|y)?|"
                      r"oscillat\w*|noisy|erratic|swing\w*)\b", low)
    if found is None or re.search(rf"{NUM}\s*%|\bseeds?\b|\brate\b|\blr\b", low):
        return None
    f = facts(step)
    test = step.run.test()[-f.n:]
    noise = fall_noise(min(test), max(test))
    steady = found[1] in ("stable", "steady", "consistent", "plateau", "plateaued", "flat")
    said = (f"the last {f.n} epochs' test accuracy {', '.join(f'{a:.2f}' for a in test)} %: a span of {f.moved:.2f} "
            f"points (noise ±{noise:.2f}; {records.METRICS})")
    return Claim(number, clause, ((f.moved <= noise) == steady) != _negated(low, found.start()), said, "stability")


def _rates(step: Step) -> str:
    rates = [e.lr for e in step.run.epochs]
    shown = sorted(set(rates), key=rates.index)
    course = _course(rates)
    return "rate at each epoch's start: " + (f"{rates[0]:g} at all {len(rates)}" if len(shown) == 1 else
                                            " → ".join(f"{r:.3g}" for r in course[:8]) + (" → …" if len(course) > 8 else "")
                                            + f" → {rates[-1]:.3g} at epoch {len(rates)}")


def _course(rates: list[float]) -> list[float]:
    return [r for i, r in enumerate(rates) if i == 0 or r != rates[i - 1]]


def _rate_moved(step: Step) -> bool:
    rates = [e.lr for e in step.run.epochs]
    return step.run.settings.scheduler == "onecycle" or min(rates) < max(rates)


def _rate(low, clause, step, previous, number) -> Claim | None:
    """The rate's course: cut (reduced, decayed), constant, or a rate's figure."""
    if not re.search(r"\b(learning rate|lr|rate|scheduler|schedule)\b", low) or "pass rate" in low:
        return None
    rates = [e.lr for e in step.run.epochs]
    said = f"{_rates(step)} ({records.METRICS}; {step.run.settings.scheduler} schedule in {records.CONFIG})"
    if inert := schedule_inert(step):
        said += f"; {inert}"
    cut = re.search(r"\b(reduc\w*|cut|cuts|drop\w*|lower\w*|decay\w*|decreas\w*|fell|falls|halv\w*|anneal\w*)\b", low)
    flat = re.search(r"\b(constant|fixed|same|stayed|kept|unchanged|flat|throughout)\b", low)
    figure = re.search(r"(?:learning rate|lr|rate)\s*(?:of|=|:|at|was|is|to)?\s*(0?\.\d+|\d+e-\d+)", low)
    if cut:
        moved = any(b < a for a, b in zip(rates, rates[1:], strict=False)) or step.run.settings.scheduler == "onecycle"
        return Claim(number, clause, moved != _negated(low, cut.start()), said, "rate")
    if flat:
        constant = len(set(rates)) == 1 and step.run.settings.scheduler != "onecycle"
        return Claim(number, clause, constant != _negated(low, flat.start()), said, "rate")
    if figure:
        value = float(figure[1])
        ok = any(math.isclose(value, r, rel_tol=1e-6) for r in (*rates, step.run.settings.lr))
        return Claim(number, clause, ok, f"{said}; peak {step.run.settings.lr:g}", "rate")
    if re.search(r"\b(help\w*|improv\w*|work\w*|acted|kick\w* in)\b", low) and not _rate_moved(step):
        return Claim(number, clause, False, said, "rate")
    if set(rate_events(step.run)) and re.search(r"\bnever\b", low):
        return Claim(number, clause, False, said, "rate")
    return None


def _figures(low: str, clause: str, step: Step, number: int, skip: set[str]) -> list[Claim]:
    """Every figure said of the step - accuracy, loss, parameters, epochs, training images, receptive field - must be
    one of its recorded figures."""
    out = []
    f, run = facts(step), step.run
    if "params" not in skip:
        found = re.search(rf"{NUM}\s*(k|K)?\s*(?:trainable\s+)?(?:parameters|params|weights)\b", clause) or \
            re.search(rf"(?:parameters|params)\s*(?:count)?\s*(?:of|:|=|is|was|are|to)?\s*{NUM}\s*(k|K)?\b", clause, re.I)
        if found:
            limit = re.search(r"\b(under|fewer than|less than|below|within|<)\s*$", low[:found.start()].rstrip() + " ") \
                or re.search(r"(under|fewer than|less than|below|within|<)\s*$", low[:found.start()])
            scale = 1000.0 if found[2] else 1.0
            value = _num(found[1]) * scale
            said = f"{f.params:,} parameters ({records.METRICS})"
            if limit:
                out.append(Claim(number, clause, f.params < value, said, "figure"))
            else:
                out.append(Claim(number, clause, said_as(f.params, found[1], scale), said, "figure"))
    if found := re.search(rf"(?:receptive field|\brf\b)\s*(?:at the (?:head|end|output))?\s*(?:of|is|was|:|=|reaches|"
                          rf"reached|grows to|of about)?\s*{NUM}", low):
        pooled = _last_conv_rf(step)
        value = _num(found[1])
        said = f"receptive field at the head {f.rf} px" + (f", the last conv's {pooled} px" if pooled else "") + \
            f" ({records.CONFIG}'s layer table)"
        out.append(Claim(number, clause, value in (f.rf, pooled), said, "figure"))
    if found := re.search(rf"{NUM}\s*(k|K)?\s*(?:training |train )?(?:images|samples|digits)\b", clause):
        value = _num(found[1]) * (1000 if found[2] else 1)
        said = f"{step.train_images:,} training images ({records.CONFIG})"
        if run.settings.val_split:
            said += f" + {run.settings.val_split:,} validation"
        out.append(Claim(number, clause, abs(value - step.train_images) < (500 if found[2] else 0.5), said, "figure"))
    if (found := re.search(r"\b(\d+)\s+epochs\b", low)) and not re.search(r"\blast\s+\d+\s+epochs", low) \
            and not re.search(rf"{NUM}\s*%", low) and re.search(r"\b(trained|ran|run|for|over|took|used|in)\b", low):
        value = int(found[1])
        limit = re.search(r"(under|fewer than|less than|within|at most|no more than|<=|≤)\s*$", low[:found.start()])
        said = f"{len(run.epochs)} epochs trained, {run.planned_epochs} planned ({records.METRICS})"
        out.append(Claim(number, clause, (run.planned_epochs <= value) if limit else value == len(run.epochs), said,
                         "figure"))
    out += _accuracies(low, clause, step, number, skip)
    out += _losses(low, clause, step, number)
    return out


def _last_conv_rf(step: Step) -> int | None:
    rows = step.run.layers
    convs = [r for r in rows if r.type == "Conv2d" and r.output and len(r.output) == 3 and r.output[1] > 1]
    return convs[-1].rf if convs else None


def _accuracies(low: str, clause: str, step: Step, number: int, skip: set[str]) -> list[Claim]:
    """A percentage said of the step: one of its recorded accuracies, of the role the words name (train, test, best,
    the lowest of the last epochs, at epoch N, a seed's, a digit's); `nearly 99 %`: within half a point below."""
    out = []
    figures = list(re.finditer(r"(\d{1,3}\.\d+|\d{2,3})\s*%", clause))
    for k, found in enumerate(figures):
        text = found[1]
        value = _num(text)
        start = figures[k - 1].end() if k else 0  # this figure's words start after the figure before it
        if value == _line(step) and skip & {"held", "reached", "seeds", "budget"}:
            continue
        if value == _line(step) and not re.search(r"\b(accuracy|acc|test|train)\b.{0,12}$", low[:found.start()]):
            continue  # the budget's line as a target, not a figure of the step
        around = low[max(start, found.start() - 60):found.end() + (30 if k == len(figures) - 1 else 0)]
        after = low[found.end():figures[k + 1].start() if k + 1 < len(figures) else len(low)]
        other = re.match(r"\s*(?:\S+\s+){0,2}?(?:in|of|for|from) (?:step|model)[ _]?(\d+)", after)
        if other and int(other[1]) != number:
            continue  # another step's figure: a comparison's, not this step's
        epoch = _EPOCH.match(after) or _EPOCH.search(low[max(start, found.start() - 60):found.start()])
        near = re.search(r"\b(almost|nearly|close to|about|around|approximately|~)\s*$", low[:found.start()])
        train = bool(re.search(r"\btrain(?:ing)?\b", around))
        either = train and bool(re.search(r"\btest|validation", around))  # both named: the figure may be either
        values, what, labels = *_others(step, around), []
        if values:
            labels = _others_labels(step, around)
        elif epoch:
            values, what, by = _at_epoch(step.run, int(epoch[1] or epoch[2]), train, around, text)
            if by is not None:
                out.append(Claim(number, clause, by[0], by[1], "figure"))
                continue
        else:
            values, what, labels = _series(step, around, train, either)
        if not values:
            continue
        if near:  # within half a point below the figure said
            out.append(Claim(number, clause, value - 0.5 <= max(values) <= value + 0.05, f"{what}: best {max(values):.2f} %",
                             "figure"))
            continue
        ok = any(said_as(v, text) for v in values)
        if re.search(r"\bbest|highest|max(?:imum)?|peak", around) and not epoch and not either:
            best = max(values)
            ok = said_as(best, text)
            what = what.split(",")[0] + f": best {best:.2f} %"
        elif ok and len(values) > 1:
            i = next(i for i, v in enumerate(values) if said_as(v, text))
            what = (f"{labels[i]}: {values[i]:.2f} %" if i < len(labels) else f"{values[i]:.2f} %") + \
                f" ({what.rpartition('(')[2]}"
        out.append(Claim(number, clause, ok, what, "figure"))
    return out


_EPOCH = re.compile(r"\s*(?:\S+\s+){0,2}?(?:at|in|after|on|by) epoch (\d+)|\s*epoch (\d+)\b")


def _series(step: Step, around: str, train: bool, either: bool) -> tuple[list[float] | None, str, list[str]]:
    """The recorded accuracies a percentage is read against, by the role its words name: the lowest of the last
    epochs, train or test (both where both are named), each with its epoch; None where the words name no accuracy."""
    run, f = step.run, facts(step)
    epochs = range(1, f.epochs + 1)
    if re.search(r"\b(lowest|min(?:imum)?|worst|last \d+|last (?:two|three)|last epochs)\b", around):
        return [f.min_last, run.test()[-1]], f"min of the last {f.n} epochs ({records.METRICS})", []
    if either:
        return (run.train() + run.test(), f"train and test accuracy by epoch ({records.METRICS})",
                [f"train at epoch {i}" for i in epochs] + [f"test at epoch {i}" for i in epochs])
    if train:
        return (run.train(), f"train accuracy by epoch, best {f.best_train:.2f} % ({records.METRICS})",
                [f"train at epoch {i}" for i in epochs])
    if re.search(r"\btest|validation|accuracy|acc\b|best|final|reached|achieved|got|hit", around) is None:
        return None, "", []
    return (run.test(), f"test accuracy by epoch, best {f.best_test:.2f} % ({records.METRICS})",
            [f"test at epoch {i}" for i in epochs])


def _others_labels(step: Step, around: str) -> list[str]:
    """What each of `_others`' figures is, in its order."""
    if re.search(r"\bdigit|\bclass\b", around) and step.run.per_class:
        return [f"digit {r.digit}" for r in step.run.per_class]
    rows = step.check.verdict.seeds.items()
    if re.search(r"\bmin(?:ima|imum|imums)?\b|\blowest\b", around):
        return [f"seed {s}'s min of the last {len(r.last)}" for s, r in rows]
    return ([f"seed {s}'s min of the last {len(r.last)}" for s, r in rows]
            + [f"seed {s} at epoch {i}" for s, r in rows for i in range(1, len(r.test_acc) + 1)]
            + ["the seeds' mean final accuracy", "the seeds' mean min"])


def _others(step: Step, around: str) -> tuple[list[float], str]:
    """A digit's accuracy (per_class.csv) or a seed's (check.json), where the words name one; else none."""
    if re.search(r"\bdigit|\bclass\b", around) and step.run.per_class:
        return [r.exact for r in step.run.per_class], f"each digit's accuracy ({records.PER_CLASS})"
    if re.search(r"\bseeds?\b", around) and re.search(r"\bmin(?:ima|imum|imums)?\b|\blowest\b", around) and step.check:
        return [r.min_last for r in step.check.verdict.seeds.values()], f"the seeds' min of the last epochs ({records.CHECK})"
    if re.search(r"\bseeds?\b|\bmean\b", around) and step.check:
        rows, v = step.check.verdict.seeds.values(), step.check.verdict
        return ([r.min_last for r in rows] + [x for r in rows for x in r.test_acc] + [v.mean_final_acc]
                + ([v.odds.mean] if v.odds.mean else [])), f"the check's seeds ({records.CHECK})"
    return [], ""


def _at_epoch(run, at: int, train: bool, around: str, text: str) -> tuple[list[float], str, tuple[bool, str] | None]:
    """A figure said at epoch `at` (its value and record), or by it (`by epoch N`, `within`: reached by then, decided
    here)."""
    series, kind = (run.train(), "train") if train else (run.test(), "test")
    if not 1 <= at <= len(series):
        return [], "", None
    if re.search(r"\bby epoch|\bwithin", around):
        top = max(series[:at])
        return [], "", (top >= _num(text) - 10 ** -_decimals(text) / 2 or said_as(top, text),
                        f"best {kind} accuracy by epoch {at}: {top:.2f} % ({records.METRICS})")
    return [series[at - 1]], f"{kind} accuracy at epoch {at}: {series[at - 1]:.2f} % ({records.METRICS})", None


def _losses(low: str, clause: str, step: Step, number: int) -> list[Claim]:
    out = []
    for found in re.finditer(r"\bloss\b[^0-9]{0,25}?(\d?\.\d{2,})", low):
        text = found[1]
        around = low[max(0, found.start() - 20):found.end()]
        train = "train" in around
        test = "test" in around or "validation" in around
        pool = [e.train_loss for e in step.run.epochs] if train and not test else \
            [e.test_loss for e in step.run.epochs] if test and not train else \
            [x for e in step.run.epochs for x in (e.train_loss, e.test_loss)]
        kind = "train" if train and not test else "test" if test and not train else "train or test"
        out.append(Claim(number, clause, any(said_as(v, text) for v in pool),
                         f"{kind} loss by epoch: {min(pool):.4f} at its lowest ({records.METRICS})", "figure"))
    return out


# ------------------------------------------------------------------------------------------- the code's comments
RF_COMMENT = re.compile(r"(?:\brf\b|receptive field|\br_?out\b|\brf_out\b)\s*(?:=|:|of|is)?\s*(\d+)", re.I)


def rf_comments(step: Step, number: int) -> list[Claim]:
    """Each receptive-field figure the model's code states in a comment (`# 26 -> 24, RF 5`), against the computed
    field of the module the comment sits on (the layer table's)."""
    code, cls = step.run.code, (step.run.origin or {}).get("attr") or step.name
    if not code or not step.run.layers:
        return []
    try:
        tree = ast.parse(code)
        comments = [(tok.start[0], tok.string) for tok in tokenize.generate_tokens(io.StringIO(code).readline)
                    if tok.type == tokenize.COMMENT]
    except (SyntaxError, tokenize.TokenError, IndentationError):
        return []
    spans = _module_spans(tree, cls)
    rows = step.run.layers
    out = []
    for line, text in comments:
        found = RF_COMMENT.search(text)
        if not found:
            continue
        names = [name for name, (a, b) in spans.items() if a <= line <= b]
        if not names:
            continue
        outer = min(names, key=lambda n: n.count("."))
        # a statement on one line: its comment is of the whole module; else of the innermost entry on that line
        name = outer if spans[outer] == (line, line) else max(
            names, key=lambda n: (spans[n][0], n.count("."), int(n.rpartition(".")[2]) if "." in n else -1))
        under = [r for r in rows if r.name == name or r.name.startswith(name + ".")]
        if not under:
            continue
        rf = under[-1].rf
        stated = int(found[1])
        out.append(Claim(number, f"{text.lstrip('# ').strip()}", stated == rf,
                         f"`{name}` ({under[-1].type}): receptive field {rf} px, jump {under[-1].jump} "
                         f"({records.CONFIG}'s layer table)", "code"))
    return out


def _module_spans(tree: ast.Module, cls: str) -> dict[str, tuple[int, int]]:
    """The source lines of each module the class's `__init__` assigns (`self.x = ...`), and of each entry of an
    `nn.Sequential(...)` so assigned (`x.0`, `x.1`, ...); a class without an `__init__` of its own: its first base
    in the same source that has one."""
    classes = {node.name: node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
    seen = set()
    while cls in classes and cls not in seen:
        seen.add(cls)
        node = classes[cls]
        init = next((f for f in node.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"), None)
        if init is not None:
            break
        cls = next((b.id for b in node.bases if isinstance(b, ast.Name) and b.id in classes), "")
    else:
        return {}
    spans: dict[str, tuple[int, int]] = {}
    for stmt in ast.walk(init):
        if not isinstance(stmt, ast.Assign) or len(stmt.targets) != 1:
            continue
        target = stmt.targets[0]
        if not (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self"):
            continue
        name = target.attr
        spans[name] = (stmt.lineno, stmt.end_lineno or stmt.lineno)
        value = stmt.value
        if isinstance(value, ast.Call) and getattr(value.func, "attr", getattr(value.func, "id", "")) == "Sequential":
            for i, arg in enumerate(value.args):
                spans[f"{name}.{i}"] = (arg.lineno, arg.end_lineno or arg.lineno)
    return spans
