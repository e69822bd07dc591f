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
import functools
import io
import math
import tokenize
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace

# re's own functions over one cache that holds all of this module's patterns (`re` alone recompiles them)
from tinydigits.results import patterns as re
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
from tinydigits.results.steps.layers import module_shapes
from tinydigits.results.steps.step import Step
from tinydigits.training.config import augmentations

UNDECIDED = "undecided"
PLAN = "plan"
# the digits' plurals ("109 sevens were read as 3"), one alternation for every pattern that names them
_PLURALS = ("zeros", "ones", "twos", "threes", "fours", "fives", "sixes", "sevens", "eights", "nines")
_PLURAL = "|".join(_PLURALS)

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
    "the last epochs beyond the noise; no longer rising: a trend inside its error and no such new best (in between, "
    "not settled)",
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
    numbers: tuple[str, ...] = ()  # the numbers of the words this claim read, as written

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
NEG = re.compile(r"\b(no|not(?!\s+(?:only|just)\b)|never|nor|neither|nothing|none|nobody|no one|without|far from|"
                 r"nowhere near|anything but|"
                 r"didn't|did not|doesn't|does not|isn't|is not|wasn't|was not|"
                 r"hasn't|has not|cannot|can't|couldn't|could not|failed to|fails to|short of|fell short|"
                 r"rather than|instead of)\b|n't\b")
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
            "twelfth", "thirteenth", "fourteenth", "fifteenth"]
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
         "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "twenty": 20, "thirty": 30,
         "thirty-two": 32}
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
             r"train(?:s|ed)? faster|early epochs|first epoch|learning (?:straight|right) away",
    "accuracy": r"accuracy|better|improv(?:e|ed|es)|boost(?:ed)?|raised|increased|higher",
    "stability": r"stabili[sz](?:e|ed|es)|stable|steadier|smooth(?:er|ed)?|fluctuat",
}
CREDIT = re.compile(r"\bwhat made (?:the|this|that|a|all the) (?:big |real )?difference|\bmade (?:the|this|that|all the) "
                    r"difference|\bthanks to\b|\bdue to\b|\b(?:comes|came) from (?=(?:the\s+)?(?:batch|bn|dropout|augment|"
                    r"one-?cycle|schedul|gap|rotation|the (?:lr|rate)))|\bbecause of\b|\b(?:is|was|are|were) responsible\b|"
                    r"\bthe reason (?:for|why)\b|\b(?:is|was|are|were) the (?:main |real |only )?reason\b|"
                    r"\b(?:is|are|was|were) why\b|\bascribed\b[^.;]{0,40}\bto\b|\battributed\b[^.;]{0,40}\bto\b|"
                    r"\b(?:appears?|seems?) (?:to be )?responsible\b|"
                    r"\bexplains\b|\bowing to\b|\bkey to\b|\bled to\b|\bresulted in\b|"
                    r"\bgave (?:the|this)\b|\bcredit (?:goes )?to\b|\bcredit (?:the|all|this|that)\b[^.;]{0,40}\bto\b|"
                    r"\bis what\b(?!\s+(?:the|a|an|we|i|you|they|it|this|that|one|most|people|students|teachers?)\b)|"
                    r"\b(?:is|was|are|were) (?:the |all )?[\w ]{1,25} at work\b|"
                    r"(?<!epoch )\b(?:alone|on its own|by itself)\b(?=[^.;]*\b(?:lifted|raised|improved|reduced|closed|cut|gave|"
                    r"brought|boosted|lowered|pushed)\b)|"
                    r"\b(?:got|brought|pushed|took|lifted) (?:it|the model|(?:the )?(?:test )?accuracy|seed \d+) (?:up )?to\b")
HELP = r"reduc(?:e|ed|es)|fix(?:ed|es)?|remov(?:e|ed|es)|clos(?:e|ed|es)|cut|narrow(?:ed|s)?|help(?:ed|s)?|" \
       r"improv(?:e|ed|es)|stabili[sz](?:e|ed|es)|sped|speed(?:s|ed)?|made|make|let|allow(?:ed|s)?|prevent(?:ed|s)?|" \
       r"curb(?:ed)?|lower(?:ed|s)?|rais(?:e|ed|es)|increas(?:e|ed|es)|boost(?:ed|s)?|gave|brought|kept|controll(?:ed|s)|" \
       r"gets|got|lift(?:ed|s)?"


# The numbers a reader parses, as written: a sentence is ✓ only where every number in it was read by a true claim.
_READ: ContextVar[list[str] | None] = ContextVar("_READ", default=None)
_SENTENCE: ContextVar[str] = ContextVar("_SENTENCE", default="")  # the sentence a clause is read in, lower case


@contextmanager
def _unread():
    """A test of figures that reads none: `said_as` notes each number it reads, so a check of whose figure a number
    is (a pair beside a comparison, a count against two steps') runs outside the note."""
    token = _READ.set(None)
    try:
        yield
    finally:
        _READ.reset(token)


def _num(text: str) -> float:
    if (read := _READ.get()) is not None:
        read.append(text)
    return float(text.replace(",", ""))


def _said_count(value: float, text: str, scale: float) -> bool:
    """A count said as written: exact, or in thousands rounded at the digits given (7,781 is "7.8k" or "8k", not "7k")."""
    if scale == 1.0:
        return abs(value - _num(text)) < 0.5
    d = _decimals(text)
    return abs(round(value / scale, d) - _num(text)) < 10 ** -d / 2


def _decimals(text: str) -> int:
    """The decimal places a number is said to ("9.1829e-02": 6)."""
    mantissa, _, exponent = text.lower().partition("e")
    places = len(mantissa.split(".")[1]) if "." in mantissa else 0
    return max(0, places - int(exponent)) if exponent else places


def said_as(value: float, text: str, scale: float = 1.0) -> bool:
    """Whether `text` (a number as a student wrote it, `scale` times smaller than `value`: 1000 for "7.5k") says
    `value` at its digits: rounded, or cut."""
    if value is None or math.isnan(value):  # a figure the log did not print (a hand-in's missing loss, its rate)
        return False
    d, x, v = _decimals(text), _num(text), value / scale
    unit = 10 ** -d
    # rounded (a value half-way between two said figures is either), or cut
    return abs(v - x) <= unit / 2 + 1e-9 or abs(math.floor(v / unit + 1e-9) * unit - x) < unit / 2


def said_near(value: float, text: str) -> bool:
    """Whether "about `text`" says `value`: rounded to the digits said, within one unit of the last of them."""
    d = _decimals(text)
    return abs(round(value, d) - _num(text)) <= 10 ** -d + 1e-9


def _negated(clause: str, at: int) -> bool:
    """A negation within the few words before position `at`, or just after the word there ("over-fitting is not
    seen")."""
    before = re.split(r"[,:;()]|\band\b|(?<!anything )(?<!nothing )\bbut\b|\bwhile\b", clause[:at].lower())[-1]
    if re.match(r"\s*(?:not (?:all|every|each)|none of (?:the|its|these|those)\s+(?:(?:last|first|final) )?(?:\w+ )?"
                r"epochs|no (?:single )?epoch)\b", before):
        return True  # "Not all of the last 3 epochs reach 99.4 %", "none of them dipped under": the clause is denied
    # "the version without BN is under-fitting": a subject's "without", not a negation
    before = re.sub(r"\bwithout\s+\w+(?:\s+\w+)?\s+(?=(?:is|was|are|were|has|had)\b)", "", before)
    before = " ".join(before.split()[-4:])  # a negation belongs to the few words before the claim's word
    after = re.match(r"\S*\s+(?:is not|isn't|was not|wasn't|not (?:seen|shown|present|observed)|is absent|absent|"
                     r"(?:(?:is|was|has|have|been|now|finally|completely)\s+){0,3}(?:gone|disappeared|vanished|went away|"
                     r"resolved|fixed|solved|eliminated|removed)|(?:does not|doesn't|did not|didn't) (?:hold|stay|last)|"
                     r"never (?:kicked in|fired|happened|triggered|acted|took effect|came))\b",
                     clause[at:].lower())
    # "neither ... nor ... reaches 99.4 %, so the model is under-fitting": a neither with a subject of its own after it
    neither = re.search(r"\bneither\b(?!.*(?:,|\band\b)\s*(?:so\s+|hence\s+|therefore\s+|thus\s+)?(?:(?:means|shows|says|"
                        r"suggests|indicates|tells (?:me|us))\s+(?:that\s+)?)?(?:the (?:\w+\s+)?(?:model|net|network)|it|"
                        r"this|which)\b)",
                        clause[:at].lower())  # "neither ... reaching 99.4 %, means the plain net is under-fitting"
    return bool(NEG.search(before)) or after is not None or bool(neither)


def sentences(text: str) -> list[str]:
    """The Analysis cut into sentences (and list items): a full stop followed by a space ends one; a decimal point
    does not."""
    out = []
    text = re.sub(r"```[^\n]*\n(.*?)```", lambda m: "\n\n" + "\n\n".join(_printed_lines(m[1])) + "\n\n", text,
                  flags=re.S)  # a printed block: each of its lines is one
    text = _QA.sub(_answer, text)  # "**Q:** Is it overfitting?" / "**A:** Not yet - ...": the answer, a sentence of its own
    text = _MD_TABLE.sub(_table_rows, text)
    text = _HEAD_ROLES.sub(_roles_said, text)
    text = re.sub(r"(?m)^([^|\n]*\S \| \S[^\n]*)$", r"\n\1\n", text)  # "P=7,500 | E=15 | best 98.81@15": a line of its own
    for block in re.split(r"\n\s*(?:[-*•]|\d+[.)])\s+|\n\s*\n|\s+(?:→|->)\s+(?=(?:\*\*)?(?:Reason|Next|Why|Cause|Fix|Action|"
                          r"Plan|Because)\b)|\n(?=[ \t]*[A-Za-z][^\n=]{0,50}?[ \t]=[ \t])|"  # "Final test acc = 96.14 %": a field
                          r"\n(?=[ \t]*[A-Za-z][\w -]{0,25}:[ \t]+(?:[~≈]?\d|s\d\b))",  # "final: s0 99.55, s1 ...": a field
                          "\n" + text.strip()):  # "Observation: ... → Reason: ... → Next: ...": three
        block = " ".join(block.split())
        # a question and its answer ("Does it over-fit? No, the gap is 0.3") are one sentence
        for s in re.split(r"(?<!i\.e\.)(?<!e\.g\.)(?<!\bvs\.)(?<=[.!])\s+(?=[A-Z(\"'`])|"
                          r"(?<!i\.e\.)(?<!e\.g\.)(?<!\bvs\.)(?<!\bep\.)(?<!\bca\.)(?<!\bresp\.)(?<!\bappr\.)(?<!\bapprox\.)"
                          r"(?<=[.!])\s+(?=\d\s+[a-z]{3,}|\d{2,}\s+of\s+(?:those|them|these)\b)|"
                          r"(?<=\?)\s+(?!(?:No|Yes|Not|Nope|Yeah|Yep|Much|Very much|Definitely|"
                          r"Clearly|Absolutely)\b)(?=[A-Z(\"'`])", block):
            if out and out[-1].endswith("?") and (_ANSWERS.match(s) and _ASKED.match(out[-1]) or _WHY.match(out[-1])):
                out[-1] += " " + s.strip()  # "How many seeds ended above 95%? 2 of the 3.": one claim; a "why" and its answer
            elif s.strip():
                out.append(s.strip())
    return out


_EPOCH_LINE = re.compile(r"(?i)^\s*epoch\s*[:#]?\s*(\d+)\s*(?:/\s*\d+)?\s*:?\s*$")  # "Epoch 3", a line of its own


def _epoch_lines(lines: list[str]) -> list[str]:
    """A printed log's lines, each train or test line said at the epoch the "Epoch N" line above it names (a log whose
    first is "EPOCH: 0" counts from 0: its epoch 0 is the run's first), and the scheduler's "Adjusting learning rate ..."
    at the epoch printed right after it (the rate it sets is that epoch's)."""
    out, epoch = [], None
    first = next((int(said[1]) for line in lines if (said := _EPOCH_LINE.match(line))), 1)
    shift = 1 if first == 0 else 0  # "EPOCH: 0": counted from 0
    for i, line in enumerate(lines):
        if said := _EPOCH_LINE.match(line):
            epoch = str(int(said[1]) + shift)
        elif re.match(r"(?i)\s*adjusting learning rate\b", line) and (then := _EPOCH_LINE.match(lines[i + 1] if i + 1 <
                                                                                                 len(lines) else "")):
            line = f"Epoch {int(then[1]) + shift}: {line.strip()}"
        elif epoch and re.match(r"(?i)\s*(?:train|test\b|loss\s*=)", line):
            line = f"Epoch {epoch}: {line.strip()}"
        out.append(line)
    return out


# "Seeds (final / min of the last 3):" over "- seed 0: 97.51 / 92.36 %": each item's slashed figures in the head's roles
_HEAD_ROLES = re.compile(r"(?m)^(?P<head>[^\n(]*\((?P<roles>[^()\n/]+(?:/[^()\n/]+)+)\)\s*:)[ \t]*\n(?:[ \t]*\n)?"
                         r"(?P<items>(?:[ \t]*[-*•][ \t]+[^\n]*(?:\n|$))+)")
_SLASHED_ITEM = re.compile(r"^([ \t]*[-*•][ \t]+[^:\n]+:\s*(?:\d[\d.,]*\s*%?\s*/\s*)+\d[\d.,]*\s*%?)[ \t]*$")


def _roles_said(m: re.Match) -> str:
    """A list under a head that names its figures' roles: each item as written, the roles after it in square brackets
    (words the checker adds, as a quotation does), where its figures are as many as the roles."""
    roles = [r.strip() for r in m["roles"].split("/")]
    items = [f"{item[1]} [{' / '.join(roles)}]" if (item := _SLASHED_ITEM.match(line)) and
             item[1].split(":", 1)[1].count("/") == len(roles) - 1 else line for line in m["items"].split("\n")]
    return m[0][:m.start("items") - m.start()] + "\n".join(items)


def _printed_lines(block: str) -> list[str]:
    """A printed block's lines; a table as pandas prints it in a notebook (a header of names over rows of figures, each
    row after its index: "   epoch  train_acc  test_acc" / "0      1      13.43     11.35"), keyed by epoch or seed,
    each row said with its header as a markdown table's row is ("epoch | train_acc | test_acc: 1 | 13.43 | 11.35")."""
    lines = _epoch_lines([line for line in block.splitlines() if line.strip()])
    head, rows = (lines[0].split(), [line.split() for line in lines[1:]]) if lines else ([], [])
    figure = re.compile(r"[+\-−]?\d+(?:\.\d+)?(?:e-?\d+)?")
    if len(head) < 2 or not re.fullmatch(r"(?i)epochs?|ep|seeds?", head[0]) or not rows or \
            not all(re.fullmatch(r"[A-Za-z_][\w.%-]*", h) for h in head) or \
            not all(len(r) in (len(head), len(head) + 1) and all(figure.fullmatch(c) for c in r) for r in rows):
        return lines
    return [f"{' | '.join(h.lower() for h in head)}: {' | '.join(r[-len(head):])}" for r in rows]


# a markdown table: its header, the line under it, its rows
_MD_TABLE = re.compile(r"(?m)^[ \t]*(\|[^\n]*\|)[ \t]*\n[ \t]*\|?[ \t]*:?-{2,}[^\n]*\n((?:[ \t]*\|[^\n]*\|[ \t]*(?:\n|$))+)")


def _table_rows(m: re.Match) -> str:
    """A markdown table keyed by epoch or seed: each row a sentence of its own, said with the header ("epoch | train
    acc | test acc: 4 | 13.08 | 7.16"), as the inline table's reader reads it; any other table left whole."""
    head = [_head_cell(c) for c in m[1].strip().strip("|").split("|")]
    if len(head) == 2 and re.fullmatch(r"metric|quantity|measure|item|what", head[0]) and re.fullmatch(r"values?", head[1]):
        # "| Metric | Value |" over "| Mean final | 98.00 % |": each row a Result's field ("Mean final: 98.00 %")
        rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in m[2].splitlines() if line.strip()]
        return "\n\n" + "\n\n".join(f"{row[0]}: {row[1]}" if len(row) == 2 else " | ".join(row) for row in rows) + "\n\n"
    if not re.fullmatch(r"epochs?|ep|seeds?", head[0]):
        return m[0]
    rows = [[re.sub(r"^[—–-]$", "none", c.strip()) for c in line.strip().strip("|").split("|")]
            for line in m[2].splitlines() if line.strip()]  # "—": no figure
    if head[0].startswith("seed") and len(head) > 2 and all(re.fullmatch(r"\d+", h) for h in head[1:]) and \
            all(len(row) == len(head) and re.match(r"[A-Za-z]", row[0]) for row in rows):  # "Seed | 0 | 1 | 2" over
        # "Final | 99.55 | 99.51 | ...": the seeds in columns, each row a role; read as one row a seed
        head, rows = ["seed", *(" ".join(re.sub(r"[^a-z0-9 ._]", " ", row[0].lower()).split()) for row in rows)], \
            [[seed, *(row[i] for row in rows)] for i, seed in enumerate(head[1:], start=1)]
    if head[0].startswith("seed"):  # a seed's cell by its number: "s0", "seed 0", "#0"
        rows = [[re.sub(r"(?i)^(?:s|seed\s*|#)(\d+)$", r"\1", row[0]), *row[1:]] for row in rows]
    return "\n\n" + "\n\n".join(f"{' | '.join(head)}: {' | '.join(row)}" for row in rows) + "\n\n"


def _head_cell(cell: str) -> str:
    """A table's column name in plain words: "Δ test" the change of test from the epoch before, "Gap (te−tr)" the gap
    said as test - train."""
    cell = cell.lower().replace("≥", " at or above ").replace(">=", " at or above ")
    cell = re.sub(r"\bte(?:st)?\s*[-−]\s*tr(?:ain)?\b", " te tr ", cell)
    return " ".join(re.sub(r"[^a-z0-9 ._]", " ", re.sub(r"δ|\bdelta\b", " change ", cell)).split())


# a question and its answer marked as such: the question claims nothing, the answer is read alone
_QA = re.compile(r"(?m)^[ \t]*(?:[-*][ \t]+)?(?:\*\*|__)?Q(?:uestion)?[ \t]*[:.][ \t]*(?:\*\*|__)?(?P<q>[^\n]*?)\?[ \t]*"
                 r"(?:\*\*|__)?(?:\n[ \t]*(?:[-*][ \t]+)?)?(?:\*\*|__)?A(?:nswer)?[ \t]*[:.][ \t]*(?:\*\*|__)?[ \t]*"
                 r"(?:(?i:yes|no|nope|not yet|not really|nearly|almost|mostly|partly|a little|somewhat|barely|hardly)"
                 r"[ \t]*[-–—,:;.][ \t]*)?(?P<a>[^\n]*)")  # "No - 11 of the 32 units were dead": the yes or no, to the question
# what a question asks about, where its answer says "it": "What did the test loss do?", "Did digit 8 get better?"
_ASKED_OF = re.compile(r"(?i)^\W*(?:(?:what|how)\s+)?(?:did|does|do|is|was|has)\s+(?P<s>(?:the\s+)?(?:digit|class|seed)\s+\d|"
                       r"the\s+(?:test|train(?:ing)?)\s+(?:loss|accuracy)|the\s+(?:gap|rate|learning rate|lr))\s+\w+")


def _answer(qa: re.Match) -> str:
    """A question and its answer (`_QA`): the answer alone, its first "it" followed by what the question asked about, in
    brackets as a quotation adds a word ("It [the test loss] was lowest at epoch 3")."""
    answer = qa["a"]
    if asked := _ASKED_OF.match(qa["q"]):
        answer = re.sub(r"\b([Ii]t)\b(?!')", lambda m: f"{m[1]} [{asked['s']}]", answer, count=1)
    # "Does any seed beat Model_2's best epoch?" / "Seeds 1 and 2 do, with ... against 98.12 %": that step's figure
    if (role := re.search(r"(?i)\b((?:step|model)[ _-]?\d+)'s\s+(best|final|lowest)\b", qa["q"])) and \
            not re.search(r"(?i)\b(?:step|model)[ _-]?\d", answer):
        answer = re.sub(r"(?i)\b(against|vs\.?)\s+(?=\d{2}\.\d+\s*%)", lambda m: f"{m[1]} [{role[1]}'s {role[2]} of] ", answer,
                        count=1)
    return f"\n\n{answer}"
_WHY = re.compile(r"(?i)\W*why\b")
_ASKED = re.compile(r"(?i)\W*(?:how|which|what|did|does|do|is|was|are|were|has|have)\b")
_ANSWERS = re.compile(r"(?:None|All|Within|In|By|After|At|From|Since|Seed \d|\d|One|Two|Three|Four|Five|Six|Barely|Hardly|Only"
                      r")\b")


def _field(sentence: str) -> str:
    """"Worst digit - 6, 10 errors": a field's label and its value joined by a dash, said with a colon (one claim)."""
    return re.sub(r"^(\W*[A-Za-z][A-Za-z ._/()]{0,40}?)(?<!train)\s[-–—]\s(?!test)(?=\d|none\b|no\b|yes\b)", r"\1: ",
                  sentence)


# what a change is said to have done, as a verb: "dropout closed the gap and also raised the acc"
_EFFECT_VERBS = r"raised|lifted|improved|lowered|closed|shrank|narrowed|hurt|reduced|increased|boosted|cost"


# where a sentence is cut between one claim and the next (`clauses`)
_CUTS = re.compile(r";\s+|,\s+(?=(?:the\s+)?(?:mean|average|avg)\s+(?:final|best|min)\b)|"
                   r",\s+and\s+(?=their\s+(?:mean|average)\s+(?:final\s+)?of\s+\d)|"
                   r"(?<=\d),\s+(?=(?:first\s+)?(?:crossing|passing|reaching)\s+\d{2}(?:\.\d+)?\s*%)|"  # ", crossing 95 % at ..."
                   r",\s+(?=unlike\s+(?:in\s+)?(?:step|model)[ _-]?\d)|"
                   r"(?<=\d),\s+(?=(?:then\s+)?(?:stalled|plateaued|flattened)\s+(?:at|on|around)\s+\d)|(?<=%):\s+(?=with\s+\d)|"
                   r"(?<=[\d%]) and (?=ends? (?:just |slightly |well )?(?:above|below|under|over) (?:the )?(?:train|test)\b)|"
                   r"(?<=\)),\s+(?=an? (?:much |far |slightly |a bit )?(?:smaller|larger|bigger|narrower|wider) gap\b)|"
                   r":\s+(?=(?:test|train|training|val|the|it|accuracy|(?:in|at|by|after) epoch \d)\b)|"
                   r"\s+(?:while|whereas|although|even though)\s+|"
                   r"(?<=[\d)%])\s+(?:->|→|=>)\s+(?=[a-z])|"
                   r",\s+(?:and\s+)?(?=(?:the |its )?(?:test|train|training|val) (?:accuracy|loss)\b)|"
                   r"(?<=\)),\s+(?=(?:test|train) [<>] (?:train|test)\b)|"  # "(gap 0.84 → 1.53), test > train at ep3"
                   r",\s+and\s+(?=it took (?:until|till|up to) epoch \d+ to\b)|"
                   r",\s+(?=which (?:is|was)\s+(?:about |roughly |almost |nearly |just |only |around )?\d+(?:\.\d+)?\s*"
                   r"(?:points?|pp)\b)|"
                   r",\s+(?=then\s+(?:the\s+)?(?:train|test)\w*\b)|\s+and\s+(?=(?:then\s+)?(?:ends?|ended|finish(?:es|"
                   r"ed))\s+at\s+\d)|"
                   r",\s+(?=then\s+it\s+(?:jumped|jumps|went|goes)\s+(?:up\s+)?to\s+\d)|"
                   r"(?<=\)),\s+(?=then\s+it\s+(?:dropped|dipped|fell|slipped)\b)|"  # "(97.93% → 98.64%), then it dropped"
                   r",\s+(?=then\s+(?:reached|hit|climbed to|rose to|ended at|"
                   r"finished at|peaked at)\s+\d)|"
                   r",\s+(?=before\s+(?:the\s+)?(?:test\s+|train\s+)?accuracy\s+\w+\s+(?:to|past)\s+\d)|"
                   r",\s+and\s+(?=(?:only\s+)?from epoch \d+ on\b)|"
                   r",\s+and\s+(?=(?:for|in|over|during) the (?:first|last) \d+ epochs\b)|"
                   r",\s+(?=because\b)|,?\s+and\s+(?=none\s+(?:holds?|held|reach\w*|clear\w*|pass\w*|makes|made)\b)|"
                   r",\s+(?=(?:topping out|peaking|maxing out|bottoming out)\s+at\s+\d[\d.]*\s*%?\s+(?:in|at)\s+epoch\b)|"
                   r",\s+(?=(?:which|this|that) (?:means|meant|shows|showed|suggests|tells me|is why)\b|meaning\b)|"
                   r",\s+(?=(?:train|test)\s+(?:ahead|behind|above|below|leads?)\s+only\b)|"
                   r",\s+(?=seed \d+\s+(?:climbs|climbed|rises|rose|falls|fell|drops|dropped|ends|ended|stays|stayed)\b)|"
                   r"\s+and\s+(?=seed \d+\s+(?:never|always|did not|didn't|also|only)\b)|"
                   r"\s+and\s+(?=the (?:\d+ |\w+ )?seeds'? (?:finals?|mins?|minimums?|bests?)\b)|"
                   r",\s+and\s+(?=only\s+(?:at|in|by|from|after)\s+epoch\s+\d+\b)|"
                   r"(?:(?<=\d\d\.\d\d)|(?<=%)),\s+and\s+(?=(?:by|at|in|after)\s+epoch\s+\d+,?\s+(?:the\s+)?test\b)|"
                   r"(?<=\)),\s+(?=(?i:in\s+(?:step|model)[ _-]?\d+\s*,?\s+(?:it|the\s+test|test)\s+(?:was|had|reached|got))\b)|"
                   r",\s+and\s+(?=(?:at|in|after) epoch \d+,?\s+the (?:difference|gap|lead)\b)|\s+and\s+(?=end(?:s|"
                   r"ed)?\s+between\s)|"
                   r",\s+(?=in epochs? \d+(?:,\s*\d+)*(?:,?\s*and\s+\d+)?\s+(?:the\s+)?(?:train|test)\w*\s+(?:is|was)\b)|"
                   r",\s+(?:and\s+)?(?=(?:only\s+)?(?:from|after|since|at|in) epoch \d+(?: on(?:wards)?)?,?\s+"
                   r"(?:the\s+)?(?:train|test)\w*(?:\s+acc\w*)?\s+(?:is|was|gets|got|goes|went|stays|stayed|pulls|pulled)\b)|"
                   r",\s+and\s+(?=(?:at|in|after) epoch \d+,?\s+(?:the\s+)?(?:test|train)\b)|"
                   r",\s+and\s+(?=(?:even|also|only)\s+(?:the\s+)?(?:train|test)\w*\s+(?:accuracy|acc|loss)\b)|"
                   r"(?<=[\d%)]),\s+(?=seed \d+\s+(?:stayed|ended|finished|was|is|reached|got|had|only)\b)|"
                   r",\s+(?=(?:trained|training)\s+(?:for\s+)?\d+\s+epochs\b)|"
                   r"\s+(?=(?:as|since|because) the (?i:lr|rate|learning rate)\b)|"
                   r",\s+where\s+(?=(?:the\s+)?[^,;]{0,40}?\b(?i:step|model)[ _-]?\d)|"
                   r",\s+(?=with\s+(?:the\s+)?(?:test|train)\w*\s+(?:accuracy\s+)?(?:above|below|ahead|behind)\b)|"
                   r"\s+(?=with (?:train and test|test and train) (?:level|equal|even|close|tied)\b)|"
                   r"\s+and then\s+(?=(?:stayed|stays|sat|sits|remained|hovered|held)\b)|"
                   r",\s+(?=(?:images|epochs|batch(?: size)?|seeds|rf|receptive field)\s*[:=]\s*\d)|"
                   r",\s+(?=with\s+(?:the\s+|a\s+)?(?:(?:final|best|lowest|last)\s+)?"
                   r"(?:(?:test|train|training) (?:accuracy|loss)|"
                   r"digits?\s+\d|class(?:es)?\s+\d|(?:zero|one|two|three|four|five|six|seven|eight|nine)s)\b)|"
                   r",\s+(?=(?:the )?(?:best|final|min(?:imum)?)\s+(?:test |train )?acc)|(?<=%)\s+and\s+(?=the (?:run|model|"
                   r"network),)|,\s+and\s+(?=since\b)|,\s+(?=though\b|despite\b|with no (?:epoch|seed)\b|still (?:well )?(?:unde"
                   r"r|within|over|below) "
                   r"(?:the )?budget\b)|"
                   r",\s+(?=(?:at least|above|below|over|under)\s+\d(?![\d.]*\s*(?:x|×|times)\s))|"
                   r"\s+and\s+(?=(?i:model|step)[ _-]?\d+\s+by\b)|"
                   r"\s+and\s+(?=(?:the |its )?(?:best|final|min)\b)|(?<!train)\s[-–—]\s(?!test)(?!(?:just|finally|already|"
                   r"down|up|still|only|well|barely|slightly|a bit|nearly|almost|comfortably|clearly|easily|i\.e\.|that is|"
                   r"so|far|way)\b)(?!(?:about |roughly |around |~\s*|over |almost |nearly )?\d+(?:\.\d+)?\s*(?:x|×|times)\s)"
                   # "99.35 % - just under the line", "1371 to 151 - about 9x fewer": the same subject
                   r"|,\s+(?=(?:but|while|whereas|although|even though|though|so|yet|and then|and after that|after that|"
                   r"and the|and test|"
                   r"and train|the others|"
                   r"the other (?:\d+ |two |three |four |five )?seeds?)\b)"
                   r"|,\s+(?=and\s+(?:only\s+)?(?:seeds?\s+\d|no seed|every seed|all (?:\w+ )?seeds)\b)"
                   rf"|,?\s+and\s+(?=(?:also\s+)?(?:{_EFFECT_VERBS})\b)"
                   r"|,\s+and\s+(?=(?:\d|one|two|three|four|five|six) of (?:them|those|the (?:\d|two|three|four|five|six|seven|"
                   r"eight))\b)"
                   r"|,\s+and\s+(?=(?:then\s+)?(?:climbs?|climbed|rises|rose|improves|improved|recover(?:s|ed)?|falls|fell|"
                   r"drops|dropped)\b)"
                   r"|(?<![\d%])\s+(?:and|but)\s+(?=\d{2}(?:\.\d+)?\s*%?\s+(?:only\s+)?(?:over|in|for|through|during) the "
                   r"(?:last|final|first) )"
                   r"|\s+and\s+(?=(?i:passed|reached|crossed|hit|got to|passes|reaches|crosses|hits|topped|tops)\s+\d)"
                   r"|,\s+(?=(?i:batch size|batch|bs|lr|learning rate|sgd|adam|optimi[sz]er|momentum|dropout)\b)"
                   r"|(?:(?<=\d)|(?<=\dpx)|(?<=\d px)|(?<=%)|(?<=\dk)|(?<=\d\))),\s+(?=[A-Za-z][A-Za-z ]{0,24}:\s*[~≈]?\d)"
                   r"|\s+and\s+(?=(?:above|below|over|under|at least|at most)\s+\d|"
                   r"never (?:fell|falls|dropped|drops|dipped|dips|went|goes|slipped) "
                   r"below \d)|(?<=\))\s+and\s+(?=never\b|only\s+\w+(?:\s+off)?\s+(?:from|at|in|after)\s+epoch\s+\d)"
                   r"|(?<!train)(?<!training)(?<!test)(?<!Train)(?<!Training)(?<!Test)\s+and\s+"
                   r"(?=(?:the |its )?(?:final |best |last |lowest |highest )?"
                   r"(?:test|train|training|validation) (?:accuracy|loss)\b)"  # not "best train and test accuracy are ..."
                   r"|,\s+and\s+(?=(?:it|the model|the net|this model)\s+(?!is\s+\d|was\s+\d))"
                   r"|,\s+and\s+(?=(?:on|for)\s+seed\s+\d)|\s+and\s+(?=(?:is|was|stayed|stays|remained|remains|kept|keeps)\s+"
                   r"(?:consistent(?:ly)?|stable|steady|above|over|at or above)\b)"
                   r"|\s+and\s+(?=it\s+(?:(?:then|only|still|also)\s+)?(?:cross(?:es|ed)?|reach(?:es|ed)?|pass(?:es|ed)?|hits?|"
                   r"improv(?:es|ed)|climb(?:s|ed)|rose|rises|fell|falls|dropp?(?:s|ed)|end(?:s|ed)|finish(?:es|ed)|"
                   r"stay(?:s|ed)|held|holds|kept|keeps)\b)"  # "... gives 94.53 % and it crosses 98 % only at epoch 5"
                   r"|,\s+(?=before\s+it\s+(?:jumped|climbed|rose|got|went)\s+(?:up\s+)?to\s+\d)"  # a seed's course
                   r"|(?<!anything)(?<!nothing)(?<!\ball)\s+but\s+(?!the (?:last|first|final)\b|(?:epoch )?\d|one\b)"
                   r"|,\s+(?=which\s+(?:corresponds|amounts|translates|is equivalent)\s+to\b)"  # a figure said again
                   r"|,\s+(?=as is (?:commonly |often |usually |typically )?(?:observed|seen|expected|the case)\b)")  # a reason


def clauses(sentence: str) -> list[str]:
    """A sentence cut where one claim ends and another starts: semicolons, a dash between spaces, and ", but" /
    ", while" / ", so" / ", and" before a new subject. A table written inline is one clause, its rows its atoms."""
    if _TABLE.match(sentence.lower()) and sentence.count("|") >= 3:
        return [sentence.strip().rstrip(".")]
    if re.match(r"\s*\|", sentence) and sentence.count("|") >= 3:  # a table's row, its header elsewhere: a cell a claim
        return [c.strip() for c in sentence.split("|") if c.strip(" .")]
    if " · " in sentence and all(re.match(r"\W*[a-z]", part, re.I) for part in sentence.split(" · ")):
        sentence = sentence.replace(" · ", " | ")  # "RF 28 · bs 128": fields as a bar separates them
    if " | " in sentence and all(re.search(r"[a-z]", part, re.I) for part in sentence.split(" | ")):
        # "Total params: 6,720 | RF: 14 | batch 64": fields, a claim each; a log line's epoch heads each of its fields
        head = re.match(r"(?i)\W*epoch (\d+)\s*[:=-]", sentence)
        return [c for part in sentence.split(" | ") for c in clauses(
            f"at epoch {head[1]}, {part}" if head and not re.search(r"(?i)\bepochs?\b", part) else part)]
    parts = [q for p in _CUTS.split(_field(sentence)) if p for q in _by_epoch_it(p)]
    return _rejoined([p.strip().rstrip(".") for p in parts if p and p.strip(" .")])


def _by_epoch_it(part: str) -> list[str]:
    """"By epoch 2 the test score was 93.89, and by epoch 10 it was past 98.4": two claims, "it" the same curve; where
    train was named before ("train jumped to 99.48, and by the 15th it was 99.61") "it" is train's, left whole."""
    cut = re.search(r"(?i)(?<=\d\d\.\d\d)(\s*%)?,\s+and\s+(?=(?:by|at|in|after)\s+epoch\s+\d+,?\s+it\b)", part)
    if cut is None or re.search(r"(?i)\btrain", part[:cut.start()]):
        return [part]
    return [part[:cut.start()] + (cut[1] or ""), part[cut.end():]]


# the seed a piece opens on, after a label ("Observation: seed 1 ends best ...") or a conjunction
_SEED_OPENING = re.compile(r"(?i)\W*(?:[a-z]+:\s*)?(?:(?:while|whereas|but|and|though|although|yet)\s+)?(seed \d+)\b")


def _given_subject(out: list[str], part: str) -> str:
    """A piece of a cut sentence given the subject the pieces before it (`out`, never empty) named: seeds, a seed, a
    digit, a change, the min of the last epochs, a loss."""
    if (named := re.match(r"(?i)\W*(seeds \d+(?:,\s*\d+)*,? and \d+)\b", out[0])) and \
            re.search(r"(?i)\bthey\b|^(?:the )?test acc", part):
        part = f"{named[1]}: {part}"  # "Seeds 1 and 2 are monotone, test acc rises ... they end at ...": those seeds
    if (seed := _SEED_OPENING.match(out[-1])) and \
            re.match(r"(?i)(?:but\s+|yet\s+|(?:al)?though\s+)?(?:it\b|which\b|never\b|(?:also\s+)?ha[sd]\s+the\b|"
                     r"(?:over|above|under|below|at least)\s+\d|"
                     r"(?:is|was)\s+(?:still\s+|also\s+|only\s+)?(?:\d+(?:\.\d+)?\s+points?\s+)?(?:under|below|over|above)\b|"
                     r"(?:is|was)\s+(?:already\s+|still\s+)?at\s+\d|(?:only\s+)?from epoch \d+ on\b|"
                     r"(?:then\s+|still\s+)?(?:finish|end|climb|recover|rose|rise|fell|fall|drop|peak|stay|reach|"
                     r"dipp?)\w*\b)", part):
        part = f"{seed[1]}: {part}"  # "Seed 1 is the slowest - it first hits 99.4 at epoch 10": it is seed 1
    if (named := re.search(r"(?i)\b(seeds? \d+(?:,\s*\d+)*,? and \d+)\s*$", out[-1])) and \
            re.match(r"(?i)(?:above|over|below|under|at least)\s+\d", part) and \
            (verb := re.search(r"(?i)\b(ended|finished|stayed|held|reached|were|was|are|is)\s+(?:above|over|below|under|"
                               r"at least)\s+\d", " ".join(out))):
        part = f"{named[1]} {verb[1]} {part}"  # "all ended above 97.5 %, and two of them, seeds 1 and 2, above 98 %"
    if (scope := re.match(r"(?i)\W*((?:on|for|with) seed \d+)\b(?!\s*(?:and|,|&))", out[0])) and \
            not re.search(r"(?i)\bseeds?\b|\bsteps?\b|\bmodel[ _-]?\d", part):
        part = f"{scope[1]}, {part}"  # "On seed 1 the model learns unevenly: test accuracy stays under 92 %": on seed 1
    if (rank := re.search(r"(?i)\b(worst|weakest|best|strongest|hardest|easiest) (?:class|digit)\b", out[-1])) and \
            (it := re.match(r"(?i)((?:while|whereas|but)\s+(?:in\s+)?(?:step|model)[ _-]?\d+\s*,?\s*)it (was|is)\b", part)):
        part = f"{it[1]}the {rank[1]} class {it[2]}{part[it.end():]}"  # "..., while in step 2 it was digit 8": the worst
    if (digit := re.match(r"(?i)\W*((?:digit|class) \d)\b", out[-1])) and \
            (it := re.match(r"(?i)(?:so\s+|hence\s+|and\s+)?(?:it|this)(?=\s+(?:is|was|remains|stays)\b)", part)):
        part = f"{digit[1]}{part[it.end():]}"  # "Digit 8 has 279 errors, so it is the worst class": digit 8 is
    if digit and (moved := re.match(r"(?i)(?:but\s+|and\s+)?((?:up|down)\s+from\s+\d.*)$", part)):
        part = f"{digit[1]} is {moved[1]}"  # "Digit 8 is the weakest at 88.60, but up from 85.22 in step 2": digit 8 is
    if (doer := re.match(rf"(?i)\W*([a-z][\w -]{{0,30}}?)\s+(?:{_EFFECT_VERBS})\b", out[-1])) and \
            re.match(rf"(?i)(?:also\s+)?(?:{_EFFECT_VERBS})\b", part):
        part = f"{doer[1]} {part}"  # "dropout closed the gap and also raised the acc": dropout raised it
    part = _given_epoch_or_gap(out[-1], part)
    least = re.match(r"(?i)\W*((?:the )?(?:min(?:imum)?|lowest)(?: test accuracy)? of the last \d+(?: epochs)?)\b", out[0])
    level = re.match(r"(?i)(?:but\s+|yet\s+)?((?:still\s+|just\s+|only\s+)*(?:below|under|above|over|at least)\s+\d)", part)
    if least and level:  # "The min of the last 3 is 99.35 %, but still below 99.4 %": the min is
        part = f"{least[1]} is {level[1]}{part[level.end():]}"
    if re.search(r"(?i)\b(?:the )?(?:lr|learning rate)\b", out[-1]) and not re.search(r"(?i)\b(?:acc\w*|loss)\b", out[-1]) and \
            (it := re.match(r"(?i)it\s+(?=(?:then\s+)?(?:rose|rises|climbed|climbs|fell|falls|dropped|drops|went|peaked|"
                            r"decayed|stayed)\b)", part)) and not re.search(r"(?i)\b(?:acc\w*|loss)\b", part):
        part = f"the LR {part[it.end():]}"  # "never held the LR still: it rose at every epoch up to epoch 5": the LR rose
    if (loss := re.search(r"(?i)\b((?:test|train(?:ing)?|val(?:idation)?)\s+loss)\b", out[-1])) and \
            re.match(r"(?i)(?:and\s+)?(?:then\s+)?(?:fell|rose|dropp\w*|climb\w*|decreas\w*|increas\w*|went (?:up|down)|"
                     r"kept)\b", part) and not re.search(r"(?i)\b(?:accuracy|acc|loss)\b", part):
        part = f"the {loss[1]} {part}"  # "The test loss rose at epoch 2, ..., and fell every epoch after that"
    if (loss := re.search(r"(?i)\b((?:test|train(?:ing)?|val(?:idation)?)\s+loss)\b", out[-1])) and \
            (role := re.match(r"(?i)(?:and\s+)?(?:the\s+)?(final|last|lowest|best)\s+(?=(?:is\s+|was\s+|of\s+)?0?\.\d)", part)):
        part = f"{role[0]}{loss[1]} {part[role.end():]}"  # "Lowest test loss 0.065 (ep 3); final 0.101": the loss's final
    return part


def _given_epoch_or_gap(said: str, part: str) -> str:
    """The epoch a head clause names for a move said after it, and the gap a bare size is of."""
    if (head := re.match(r"(?i)\W*epoch (\d+) (?:was|is) (?:a |an |the )?(?:\w+ )?(?:one|epoch|drop|dip|fall|jump)\b", said)) \
            and re.search(r"(?i)\b(?:from|fell to|dropped to|dipped to|sank to|jumped to|rose to)\s+\d", part) and \
            not re.search(r"(?i)\bepochs?\b", part):
        part = f"in epoch {head[1]}, {part}"  # "Epoch 3 was a bad one: test fell from 82.89 % to 76.92 %": into epoch 3
    if re.search(r"(?i)\bgap\b", said) and re.fullmatch(r"(?i)(?:only\s+|just\s+)?(?:under|below|over|above|about|around|"
                                                       r"within|less than|more than)\s+\d*\.?\d+\s*(?:points?|pts?|pp)?", part):
        part = f"the gap is {part}"  # "The gap is small, under 0.5": the gap's size
    return part


# "while seeds 1 and 2 are above 96 %": the seeds' level, of the epoch the piece before names
_SEEDS_LEVEL = re.compile(r"(?i)seeds?\s+\d[\d ,and]*\s+(?:are|were|is|was|stay\w*)\s+(?:still\s+)?"
                          r"(?:above|over|below|under)\s+\d[\d.]*\s*%?")


def _carried(out: list[str], part: str) -> str:
    """A piece of a cut sentence given what the pieces before it (`out`, never empty) said and it leaves out: the
    curve "it" or "then" stands for, a seed's name, "of the 3" seeds, the span a "where" clause sits in."""
    if re.match(r"(?i)it\s+(?:ended|finished|reached|peaked|closed)\b", part) and \
            (said := re.match(r"(?i)\W*(?:the\s+)?(train(?:ing)?|test|validation)\s+(accuracy|acc)\b", out[0])):
        part = f"{said[1]} {said[2]}{part[2:]}"  # "Train accuracy jumped ..., and it ended at its best of 99.61 %"
    if (span := re.search(r"(?i)\b((?:for|in|during|over) (?:the )?first \d+ epochs?),?\s+where\b", out[0])) and \
            not re.search(r"(?i)\bepochs?\b", part) and re.search(r"(?i)\b(?:below|under|above|over)\s+\d", part):
        part = f"{span[1]}, {part}"  # "in the first 4 epochs, where test stayed under 12 % and the loss never fell below"
    if re.match(r"0?\.\d+\s+with\s+(?:adamw?|sgd)\b", part, re.I) and RATE_WORDS.search(out[-1].lower()):
        part = f"the rate was {part}"  # "a constant rate: 0.002 with Adam in step 1; 0.05 with SGD here"
    if re.search(r"(?i)\bseeds\b", out[-1]):  # "All three seeds ..., and 2 of the 3 had ...": of the seeds
        part = re.sub(r"(?i)^((?:\d|one|two|three|four|five) of the (?:\d|two|three|four|five))\b(?!\s+seeds)", r"\1 seeds", part)
    if re.match(r"(?:then\s+(?:reached|hit|climbed|rose|ended|finished|peaked)|(?:but\s+)?(?:then\s+)?(?:ended|finished|ends|"
                r"finishes)\s+at)\b",
                part) and (said := re.search(r"(?i)\b(?:seed \d+|(?:train|test|validation)(?:ing)?\s+(?:accuracy|acc|loss)|"
                                             r"(?:the\s+)?(?:lr|learning rate)(?=\s+(?:peaked|rose|climbed|went|was|started)))\b",
                                            out[-1])):
        part = f"{said[0]} {part}"  # "train accuracy barely moved, ..., then reached 98 %": train's; a seed's its own
    if (role := re.search(r"(?i)\b((?:the )?(?:min(?:imum)?|lowest) of the last \d+(?: epochs)?)\b", out[-1])) and \
            (which := re.match(r"(?i)(seed \d+:\s*)?which (?:is|was)\s+(?=(?:about |only |just )?\d*\.?\d+\s*(?:points?|pp)\b)",
                               part)):
        part = f"{which[1] or ''}{role[1]} is {part[which.end():]}"  # "min of the last 3 is 92.36 %, which is 4.56 points below"
    if re.match(r"(?i)(?:stayed|stays|sat|sits|remained|hovered|held)\b", part) and RATE_WORDS.search(out[-1].lower()) and \
            not re.search(r"(?i)\b(?:acc\w*|loss)\b", out[-1]):
        part = f"the rate {part}"  # "the one-cycle rate rose ... and then held at that peak": the rate held
    if (at := re.search(r"(?i)\b(?:at|in) epoch (\d+)\s*$", out[-1])) and not re.search(r"(?i)\bepochs?\b", part) and \
            (re.match(r"(?i)(?:train|test)\w*\b", part) or _SEEDS_LEVEL.fullmatch(part)):
        part = f"at epoch {at[1]}, {part}"  # "... is at epoch 3: train 4.78 ahead of test": of that epoch
    if (at := re.search(r"(?i)\b(?:after|at|in) epoch (\d+),?\s+(?:the\s+)?(?:train|test|val)\w*\s+loss\b", out[-1])) and \
            re.fullmatch(r"(?i)(?:and\s+)?(?:the\s+)?(?:train|test|val)\w*\s+loss\s+(?:was\s+|is\s+|of\s+)?0?\.\d+", part):
        part = f"at epoch {at[1]}, {part}"  # "in the first epoch the test loss was 0.71 and the train loss 0.97": of it
    if (at := re.search(r"(?i)^\W*(?:the\s+)?(?:train|test|val)\w*(?:\s+acc\w*)?\s+(?:after|at|in) epoch (\d+)\s+(?:is|was)\s+\d",
                        out[-1])) and re.match(r"(?i)(?:and\s+)?(?:the\s+)?(?:train|test|val)\w*(?:\s+acc\w*)?\s+(?:is|was)\s+"
                                               r"\d{2}(?:\.\d+)?\s*%?(?:$|,)", part):
        part = f"at epoch {at[1]}, {part}"  # "The test accuracy after epoch 3 is 91.98 % whereas the train is 94.73 %"
    if (then := re.match(r"(?i)(?:but\s+|and\s+)?then\s+(?:it\s+)?(?:fell|dropped|declined|rose|climbed|improved|"
                         r"went (?:up|down))"
                         r"\s+(?:in|with) every epoch\b(?!\s+(?:after|from|since|until|up to))", part)) and \
            (at := re.findall(r"(?i)\b(?:at|in|by|after) epoch (\d+)\b", out[-1])):
        part = f"{then[0]} after epoch {at[-1]}{part[then.end():]}"  # "reached 98 % at epoch 3, but then it fell in every epoch"
    # "All 3 seeds fell short; the best min-of-last-3 was 97.19": the seeds'
    if re.search(r"(?i)\bseeds\b", out[-1]) and not re.search(r"(?i)\bseeds?\b", part) and \
            (role := re.match(r"(?i)(?:even\s+|and\s+|but\s+)?(?:the\s+)?(best|worst|highest|lowest)\s+"
                              r"(?:min(?:imum)?[- ]of[- ](?:the[- ])?last[- ](\d+)|(final))\b", part)):
        part = f"the {role[1]} {role[3] or f'min of the last {role[2]}'} of the seeds{part[role.end():]}"
    if (first := re.search(r"(?i)\b(?:the )?first (\d+) epochs\b", out[-1])) and \
            (then := re.match(r"(?i)(?:and\s+)?(?:after that|after those|from then on|thereafter|afterwards)\b,?", part)):
        part = f"from epoch {int(first[1]) + 1} on{part[then.end():]}"  # "the first 4 epochs are wasted; after that ..."
    return _carried_back(out, _opening_carried(out, part))


def _opening_carried(out: list[str], part: str) -> str:
    """What a sentence's first piece says that a later piece leaves out: a level held over the last K epochs after an
    opening on their lowest ("By the lowest of the last 3 epochs seed 0 is the weakest ...; the other two stay above
    97.2"), over the span an opening names ("Between epochs 1 and 4 ... and the test loss never goes below 2.30"), the
    one digit an opening names for "it" ("Dropout hit digit 4 the most: the report prints 97.149% for it"); and the loss
    the piece before names, of epochs said flat ("test loss falls every epoch, but epochs 3 and 4 are nearly flat")."""
    opening = out[0]
    if len(seeds := set(re.findall(r"(?i)\bseed (\d+)\b", out[-1]))) == 1 and not re.search(r"(?i)\bseeds?\b", part) and \
            (rank := re.match(r"(?i)(?:but\s+|and\s+)?(?:also\s+)?(?=the (?:lowest|highest|best|worst|min\w*)\s+(?:of|final)\b)",
                              part)):
        part = f"seed {seeds.pop()} has {part[rank.end():]}"  # "seed 1 has the best final but also the lowest of ...": seed 1's
    if (at := re.search(r"(?i)\b(?:after|at|in) epoch (\d+)\b", out[-1])) and not re.search(r"(?i)\bepochs?\b", part) and \
            re.match(r"(?i)(?:where|while|when)?\s*(?:step|model)[ _-]?\d+\s+(?:was|is|sat|stood|had)\s+(?:at\s+|only\s+)*\d",
                     part):
        part = f"at epoch {at[1]}, {part}"  # "After the 1st epoch the test accuracy is 75.41%, where Model_1 was at 11.35%"
    if (loss := re.search(r"(?i)\b(?:train\w*|test|val\w*)\s+loss\b", out[-1])) and \
            (flat := re.match(r"(?i)(but\s+|and\s+|though\s+)?(?=epochs?\s+\d[^;]*\b(?:flat|plateau\w*|stall\w*|level)\b)",
                              part)) \
            and not re.search(r"(?i)\b(?:acc\w*|loss)\b", part):
        part = f"{flat[1] or ''}the {loss[0].lower()} in {part[flat.end():]}"
    if len(digits := set(re.findall(r"(?i)\bdigit (\d)\b", opening))) == 1 and not re.search(r"(?i)\b(?:digit|class)\b", part):
        part = re.sub(r"(?i)\b(for|of|on) it\b", rf"\1 digit {digits.pop()}", part, count=1)
    if (window := re.match(r"(?i)\W*(?:by|on|in|over|for) (?:the )?(?:lowest|min(?:imum)?|worst)(?: epoch)? of the last "
                           r"(\d+)(?: epochs)?\b", opening)) and not re.search(r"(?i)\bepochs?\b", part) and \
            re.search(r"(?i)\b(?:stay|stays|stayed|remain\w*|keep\w*|kept|held|hold\w*)\s+(?:above|over|below|under)\s+\d", part):
        part = f"{part}, in the last {window[1]} epochs"
    elif (span := re.match(r"(?i)\W*(from epoch \d+ to epoch \d+)\b", opening)) and not re.search(r"(?i)\bepochs?\b", part) and \
            re.search(r"(?i)\b(?:never|always|stay\w*|remain\w*)\b[^,;]*\b(?:above|over|below|under)\s+\d", part):
        part = f"{span[1]}, {part}"  # "Between epochs 1 and 4 the test accuracy ... and the test loss never goes below 2.30"
    return part


def _span_closed(part: str) -> str:
    """"from epoch 5 on it rises in every epoch up to epoch 8": from epoch 5 to epoch 8."""
    return re.sub(r"(?i)\bfrom epoch (\d+) on\b([^;]*?)\s*\b(?:up to|until|till|through) epoch (\d+)\b",
                  r"from epoch \1 to epoch \3\2", part)


# a curve said by name ("test accuracy", "val loss"); the words that give a piece of a sentence a subject of its own
_CURVE = r"(?:train(?:ing)?|test|val(?:idation)?)\s+(?:accuracy|acc|loss)"
_OWN_SUBJECT = re.compile(r"(?i)\b(?:train\w*|test|val\w*|acc\w*|loss|lr|rate|seeds?)\b")


def _carried_back(out: list[str], part: str) -> str:
    """A piece of a cut sentence whose subject is "it" or none, given the one the piece before named: a curve, a loss,
    the rate, a seed; and a pair's epoch and step said once before it."""
    if (said := re.match(r"(?i)\W*(?:the\s+)?(train(?:ing)?|test)\s+(?:accuracy|acc)\b", out[0])) and \
            (it := re.search(r"(?i)\b(?:does|did)\s+it\b", part)) and not re.search(r"(?i)\b(?:train|test)", part):
        part = f"{part[:it.start()]}{it[0].split()[0]} {said[1]} accuracy{part[it.end():]}"  # "only at epoch 8 does it get to"
    if (bare := re.match(r"(?i)(?:and\s+)?(?:then\s+)?(?:it\s+)?(?=(?:ended|ends|finished|finishes|fell|falls|dropped|drops|rose|"
                         r"rises|climbed|jumped|went|stayed|stays|stalled|plateaued|flattened)\b)", part)) and \
            not _OWN_SUBJECT.search(re.split(r"(?i)\b(?:above|below|than|ahead of|behind)\b", part)[0]) and \
            (subject := re.search(rf"(?i)\b(?:{_CURVE}|lr|learning rate|seed \d+)\b", out[-1])):
        part = f"{subject[0]} {part[bare.end():]}"  # "The LR began at 0.01 ... and ended at 0.016": the LR ended
    elif (it := re.search(r"(?i)\bit\s+(?=(?:went up|went down|rose|fell|dropped|climbed|jumped)\s+(?:from|to|by)\s+\d)",
                          part)) and \
            not _OWN_SUBJECT.search(part) and (subject := re.search(rf"(?i)\b{_CURVE}\b", out[-1])):
        part = f"{part[:it.start()]}{subject[0]} {part[it.end():]}"  # "..., since for example it went up from 0.0490 ..."
    if (pair := re.fullmatch(r"(?i)(?:and\s+)?((?:the\s+)?(?:train|test)\w*(?:\s+acc\w*)?\s+(?:was|is)\s+\d{2}(?:\.\d+)?\s*%?)\s+"
                             r"(against\s+\d{2}(?:\.\d+)?\s*%?)", part)) and \
            (at := re.search(r"(?i)\b(?:after|at|in) epoch (\d+)\b", out[-1])) and \
            (whose := re.search(r"(?i)\bagainst\s+\d{2}(?:\.\d+)?\s*%?\s+((?:for|in|of)\s+(?:step|model)[ _-]?\d+)", out[-1])):
        part = f"{pair[1]} at epoch {at[1]} {pair[2]} {whose[1]}"  # "test was 97.51 % after epoch 1 against 58.89 % for step 1,
        # and train was 92.02 % against 20.10 %": that epoch, and that step's
    if (at := re.match(r"(?i)\W*(?:at|in|after|by) epoch (\d+)\b", out[0])) and not re.search(r"(?i)\bepochs?\b", part) and \
            re.match(rf"(?i)(?:and\s+|while\s+|but\s+)?the other (?:\d+|{'|'.join(WORDS)}) seeds\b", part):
        part = f"at epoch {at[1]}, {part}"  # "At epoch 6 only seeds 1 and 5 are below 99.4, the other 4 seeds are ≥ 99.41"
    if (its := re.match(r"(?i)((?:although|though|while|but|and|yet)\s+)?its\s+(?=(?:final|best|last|min\w*|lowest)\b)",
                        part)) and \
            len(seeds := set(re.findall(r"(?i)\bseed (\d+)\b", out[-1]))) == 1 and not re.search(r"(?i)\bseeds\b", out[-1]):
        part = f"{its[1] or ''}seed {seeds.pop()}'s {part[its.end():]}"  # "Min of last 3 for seed 1 is 83.37 ..., although its
        # final 97.15 is the best": seed 1's
    if (was := re.search(r"(?i)\b((?:train\w*|test|val\w*)\s+(?:loss|accuracy|acc))\s+at epoch (\d+)\s*:\s*\d*\.?\d+\s*%?\W*$",
                         out[-1])) and \
            (now := re.match(r"(?i)\W*at epoch (\d+)\s*:\s*(\d*\.?\d+\s*%?)(?:,\s*((?:falling|dropping|decreasing|rising|"
                             r"climbing|"
                             r"improving|increasing) (?:in )?every epoch)\b(?!\s+(?:from|after|since|between|until)))?", part)):
        part = f"{was[1]} at epoch {now[1]}: {now[2]}" + (f", {was[1]} {now[3]} from epoch {was[2]} to {now[1]}" if now[3] else
                                                            "") + part[now.end():]  # "test_loss ep2=0.2470 -> ep5=0.0834,
        # falling every epoch": the loss at epoch 5, falling in every epoch between the two
    if (role := re.search(r"(?i)\b(min(?:imum)? of the last \d+|lowest of the last \d+|final)\b", out[-1])) and \
            (best := re.match(r"(?i)(?:and\s+|but\s+|even\s+)?the (best|worst) of them,\s*(seed \d+),", part)):
        part = f"the {best[1]} seed on the {role[1]}, {best[2]},{part[best.end():]}"  # "...: the best of them, seed 0, has"
    return part


def _rejoined(parts: list[str]) -> list[str]:
    """The pieces of a cut sentence, each given back what it needs of the one before it: its subject, its span, its
    verb."""
    out: list[str] = []
    for part in parts:
        part = _given_subject(out, part) if out else part  # the first piece keeps its own
        part = _carried(out, part) if out else part
        if out and (span := re.match(r"(?i)\W*((?:for|in|during|over) (?:the )?first \d+ epochs?)\b", out[-1])) and \
                not re.search(r"(?i)\bepochs?\b", part) and \
                re.search(r"(?i)\b(?:below|under|above|over|stuck|stay|trail|behind|ahead|lead|exceed|remain)", part):
            part = f"{span[1]}, {part}"  # "For first 4 epoch the model is not learning, test acc is staying below 12"
        if out and re.match(r"(?i)(?:at least|above|below|over|under)\s+\d", part) and \
                re.search(r"(?i)\bepoch \d+\b[^,;]*\d\s*%?$", out[-1]):
            out[-1] = f"{out[-1]}, {part}"  # "epoch 13 is at 99.35, under 99.4": the level said of that epoch's figure
            continue
        if out and re.fullmatch(r"(?i)(?:at least|above|below|over|under)\s+\d[\d.]*\s*%?", part) and re.search(
                r"(?i)\b(?:first|last|final) (?:\d+|two|three|four|five) epochs|\bepochs? \d+\s*[-–]\s*\d+|\bevery epoch|"
                r"\ball (?:the )?epochs", out[-1]) and not re.search(r"\d\.\d|\d\s*%", out[-1]):
            out[-1] = f"{out[-1]}, {part}"  # "For the first 4 epochs test acc is stuck, below 12%": the level of that span
            continue
        if out and re.match(r"\d{2}(?:\.\d+)?\s*%?\s+(?:only\s+)?(?:over|in|for|through|during) the ", part) and \
                (verb := re.search(rf"(?i)\b(?:{HOLD}|stay(?:s|ed)? above|(?:was|is|stayed|stays) at least)\b", out[-1])):
            part = f"{verb[0]} {part}"  # "holds 98 % over the last 2 and 96.5 % over the last 3": the verb is shared
        if out and re.match(r"(?i)(?:still\s+|just\s+|only\s+|a bit\s+)*(?:under|below|above|over)\s+(?:the\s+)?"
                            r"(?:required\s+|target\s+)?\d", part) and re.search(r"(?i)\bwhich (?:is|was)\b[^\d]*$", out[-1]):
            out[-1] = f"{out[-1]} but {part}"  # "99.35 %, which is really close but still under 99.4 %": the figure's
            continue
        if out and re.fullmatch(r"(?i)(?:(?:per[- ])?seed )?(?:final |best |last )?(?:losses|figures|numbers|accuracies|"
                                r"results|finals|bests)", out[-1]):
            out[-1] = f"{out[-1]}: {part}"  # "Final losses: test 0.41, train 0.49": the label is its fields' subject
            continue
        if out and (there := re.search(r"(?i)\bfrom (?:there|then|that point|that epoch)(?: on(?:wards)?)?\b|"
                                       r"\b(?:after that|since then)\b", part)) and \
                (named := re.findall(r"(?i)\bepochs? (\d+)(?:\s*(?:to|-|–)\s*(?:epoch )?(\d+))?", out[-1])):
            # "pulls ahead from epoch 8: ... from there on", "went down from epoch 1 to 2, and rose after that"
            bound = re.search(r"(?i)\b(?:up to|until|till|through) (?:and including )?epoch \d+\s*$|\b(?:in|at) epoch \d+ only$",
                              out[-1].rstrip(" ,."))  # "... in epoch 1 only, after that": from epoch 2
            part = _span_closed(part.replace(there[0], f"from epoch {int(named[-1][1] or named[-1][0]) + bool(bound)} on"))  # "up
            # to epoch 13, after that ...": from the epoch after the bound
        if out and re.fullmatch(r"(?i)(?:from|after|since|in|over|during|at|by|until|up to|on)\b[^,;]{0,40}", out[-1]) and \
                not re.search(r"\d\s*%|\d{2}\.\d", out[-1]) or \
                out and re.match(r"(?i)which\b(?!\s+(?:means|meant|shows|showed|suggests|tells me|is why|corresponds to|"
                                 r"amounts to|translates to|is equivalent to)\b)", part):
            # "From epoch 9 on, test accuracy ...": the span belongs to its claim; "99.35 %, which is 0.74 points
            # higher than ...": the figure the "which" stands for (a seed's is named by `_given_subject`)
            out[-1] = f"{out[-1]}, {part}"
        else:
            out.append(part)
    return out


# ------------------------------------------------------------------------------------------------- the sentences
TARGET, RESULT, ANALYSIS, CODE = "target", "result", "analysis", "code"
GOALS = "goals"  # a hand-in's goal list at its README's head, ticked off as met: judged as its Results are
CLOSING = "closing"  # a hand-in's closing section's words about its end ("We achieved our target"): judged as Results
PARTLY = "partly"
AIM_MET, AIM_NOT_MET, AIM_UNDECIDED = "aim met", "aim not met", "aim not decidable"


@dataclass(frozen=True)
class Judged:
    """One sentence of a hand-in judged whole: its step and section, its words, the atomic claims read in it (each
    decided), and the numbers no claim read. True only where every claim is true and every number was read; False
    where one claim is false; partly where some are true and the rest are not decided; None where none is decided;
    a plan is never judged; a Target's sentence is an aim (met, not met, not decidable), never a false claim."""

    step: int
    section: str
    words: str
    atoms: tuple[Claim, ...]
    unchecked: tuple[str, ...] = ()
    plan: bool = False

    @property
    def verdict(self) -> bool | str | None:
        if self.plan:
            return PLAN
        if self.section == TARGET:
            return self.aim
        decided = [a.verdict for a in self.atoms]
        if False in decided:
            return False
        if decided and all(v is True for v in decided) and not self.unchecked:
            return True
        return PARTLY if True in decided else None

    @property
    def aim(self) -> str:
        decided = [a.verdict for a in self.atoms]
        if False in decided:
            return AIM_NOT_MET
        if decided and all(v is True for v in decided) and not self.unchecked:
            return AIM_MET
        return AIM_UNDECIDED

    @property
    def judged(self) -> bool:
        """Whether it is a claim the tally counts: a plan, an aim or a sentence with nothing to check is not."""
        return not self.plan and self.section != TARGET and bool(self.atoms or self.unchecked)

    @property
    def mark(self) -> str:
        v = self.verdict
        return {PLAN: "→", True: "✓", False: "✗", PARTLY: "◐", None: "?", AIM_MET: "◎ met",
                AIM_NOT_MET: "◎ not met", AIM_UNDECIDED: "◎ not decidable"}[v]

    def deciding(self) -> list[Claim]:
        """The claims that decide the mark: the false ones for ✗, else every one."""
        false = [a for a in self.atoms if a.verdict is False]
        return false or list(self.atoms)

    def figure(self, short: bool = True) -> str:
        """The deciding figures: each deciding claim's evidence (short: without the record it is read from), and the
        numbers left unchecked."""
        if self.plan:
            return "a plan: not judged"
        parts = list(dict.fromkeys(_short(a.evidence) if short else a.evidence for a in self.deciding()))
        if short:  # README's line: each deciding figure's first part, two at most; the rest in evidence.md
            parts = [_clip(p) for p in parts[:2]] + (["…"] if len(parts) > 2 else [])
        said = "; ".join(parts)
        if self.unchecked and self.verdict is not False:
            said += ("; " if said else "") + "not checked: " + ", ".join(self.unchecked)
        return said or "no figure the records hold"

    def line(self, short: bool = True) -> str:
        return f"{self.mark} \"{self.words}\": {self.figure(short)}"

    def to_json(self) -> dict:
        v = self.verdict
        return {"step": self.step, "section": self.section, "sentence": self.words,
                "verdict": v if v is not None else UNDECIDED, "mark": self.mark,
                "claims": [a.to_json() for a in self.atoms], "unchecked": list(self.unchecked)}


def _clip(text: str, most: int = 60) -> str:
    """A figure's first part (up to its first semicolon), cut at a word near `most` characters."""
    depth, head = 0, text
    for i, ch in enumerate(text):  # the first semicolon outside parentheses ends it
        depth += (ch == "(") - (ch == ")")
        if ch == ";" and depth == 0:
            head = text[:i]
            break
    return head if len(head) <= most else head[:most].rsplit(" ", 1)[0] + " …"


def _short(evidence: str) -> str:
    """Evidence without the records it is read from (README names them once; evidence.md says each)."""
    text = re.sub(r";?\s*\w+ schedule in [a-z_]+\.json", "", evidence)
    text = re.sub(r"(?:;\s*)?\b[a-z_]+\.(?:json|csv)(?:'s layer table)?(?: of both)?", "", text)
    text = re.sub(r"\(\s*,\s*", "(", text)  # "(config.json, the layer table)" without its file
    return re.sub(r"\s*\(\s*\)", "", text).replace("( ", "(").replace(" )", ")")


@dataclass(frozen=True)
class Tally:
    """A hand-in's sentences counted once, as README, CLI and JSON all say them."""

    true: int = 0
    false: int = 0
    partly: int = 0
    unsettled: int = 0
    plans: int = 0
    aims_met: int = 0
    aims_not_met: int = 0
    aims_undecided: int = 0

    @classmethod
    def of(cls, judged: list[Judged]) -> Tally:
        v = [j.verdict for j in judged if j.judged or j.plan or j.section == TARGET]
        return cls(v.count(True), v.count(False), v.count(PARTLY), v.count(None), v.count(PLAN), v.count(AIM_MET),
                   v.count(AIM_NOT_MET), v.count(AIM_UNDECIDED))

    @property
    def claims(self) -> int:
        return self.true + self.false + self.partly + self.unsettled

    def line(self) -> str:
        aims = self.aims_met + self.aims_not_met + self.aims_undecided
        return (f"{self.claims} checkable sentences: {self.true} true (✓), {self.false} false (✗), {self.partly} partly "
                f"checked (◐), {self.unsettled} not settled by these runs (?); {self.plans} plans (→, not judged)"
                + (f"; {aims} aims of the Targets: {self.aims_met} met, {self.aims_not_met} not met, "
                   f"{self.aims_undecided} not decidable" if aims else ""))

    def to_json(self) -> dict:
        return dict(vars(self), claims=self.claims)


# Numbers that place a claim rather than state one: a step's, an epoch's or a seed's name, the last K, a kernel.
_PLACE = re.compile(r"(?:\b(?:step|steps|model|models|iteration|experiment|code|version|session|seed|seeds|epoch|"
                    r"epochs|group|layer|block|conv|last|first|final|part|figure|table|cell|notebook|s|digit|class)[\s_-]*"
                    r"(?:is\s+)?(?:still\s+)?(?:no\.?\s*)?$)",
                    re.I)
# "on all epochs greater than 10": the number ends a span of epochs, it states no figure
_SPAN_EDGE = re.compile(r"(?i)\bepochs?\s+(?:(?:greater|more|fewer|less)\s+than|from)\s*$")  # "every epoch from 5 to 15"
# a figure after "last / first / final": a decimal, a percentage, or more than two digits
_FIGURE_AFTER = re.compile(r"\d*\.\d+|\d+\s*%|\d{3,}")
_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d*\.\d+|\d+)(st|nd|rd|th|[kK]|[x×]\d+|e-?\d+|[x×](?=\s))?(?![\w])")


# "in the high 97s", "mid-90s", "the low 99s": a unit's band (97s) or a decade's (90s), cut in thirds, each third widened
# by a twentieth of the band either way so that a figure on an edge is not read against the student
_BAND = re.compile(r"(?i)\b(?:(?P<where>low|lower|mid|middle|high|upper)[- ]?(?P<n>\d{2})|the (?P<d>\d0))'?s\b")


def _band_of(found: re.Match) -> tuple[float, float]:
    """The band's ends, low inclusive, high exclusive."""
    base = int(found["n"] or found["d"])
    width = 10 if base % 10 == 0 else 1
    third, edge = width / 3, width / 20
    start, end = {"low": (0, third + edge), "lower": (0, third + edge), "mid": (third - edge, 2 * third + edge),
                  "middle": (third - edge, 2 * third + edge), "high": (2 * third - edge, width),
                  "upper": (2 * third - edge, width)}.get((found["where"] or "").lower(), (0, width))
    return base + start, base + end


def value_numbers(words: str) -> list[str]:
    """The numbers of a sentence that state a figure, as written: not an ordinal, a step's, epoch's or seed's name, the
    last K, a range's second end, or a number in code; a size ("3x3", "28x28") is one, whole."""
    plain = re.sub(r"`[^`]*`", " ", words)
    out = []
    for found in _NUMBER.finditer(plain):
        suffix = (found[2] or "").lower()
        if suffix in ("st", "nd", "rd", "th"):
            continue
        before = plain[:found.start()]
        place = _PLACE.search(before)
        if place and re.match(r"(?i)(?:last|first|final)\b", place[0]) and _FIGURE_AFTER.match(plain, found.start()):
            place = None  # "final 99.40", "last 98 %": a figure; "the last 3 (epochs)" names a span
        if place or _SPAN_EDGE.search(before) or \
                re.search(r"(?:\d[-–]|seeds? \d+(?:,\s*\d+)*,?\s*(?:and|or)?\s*|\bepochs?\s+(?:from\s+)?\d+\s+"
                          r"(?:to|through|until)\s+)$", before) and not _FIGURE_AFTER.match(plain, found.start()):
            continue
        if re.match(r"\s*(?:st|nd|rd|th)?\s*(?:steps?|changes?|seeds? (?:shown|of))\b", plain[found.end():]):
            continue
        if re.fullmatch(r"\d", found[0]) and re.search(r"(?i)\b(?:per digit|digits?)\b[^.;]*\bthe\s+$", before) and \
                re.match(r"\s*,|\s+(?:improved|fell|rose|dropped|became|went|got|stayed|remained)\b", plain[found.end():]):
            continue  # "per digit the 3 improved": a digit's name
        out.append(found[1] + (found[2] if found[2] and found[2] not in ("x", "×") else ""))  # "2.1x its 68": the multiple 2.1
    return out + [m[0] for m in _BAND.finditer(plain)]  # "the high 97s": a band is a figure said


# "Then add dropout" is a plan; "Then it takes off: 38.49 at epoch 5" tells the run
PLANNED = re.compile(r"^\s*(?:next|then(?=\s*[,:]?\s*(?:try|use|add|remove|increase|decrease|reduce|replace|switch|go|move|"
                     r"push|the next|in step|for step|step \d|model \d)\b)|future|to do|todo|to fix|plan|in step \d|"
                     r"to (?:reach|get to|hit|pass|beat|close)\b[^:;]{0,30}?(?=\s*:)|"  # "To reach 99.4: the full 60,000 images"
                     r"for (?:the )?next)\b|"
                     r"\b(?:will|won't|would|should|"
                     r"shall|going to|plan(?:s|ned)? to|next step|next,|next:|next we|next i|in the next|try(?:ing)? to|"
                     r"we'll|i'll|let's|might|hope|to get|need(?:s)? to|can be pushed|could be|want to|aim(?:s)? to|"
                     r"(?:is|are) (?:therefore |thus |hence )?(?:proposed|recommended|suggested)|"
                     r"would like|needs? more|needs? to|i'd|we'd|maybe|if i had|if we had|(?:i|we) (?:don't |do not )?expect|"
                     r"must(?=\s+(?!have\b|be\b|for\b)\w)|"
                     r"(?<!\ds )(?<!\d )comes? next|"
                     r"(?<!\ds come )(?<!\d come )(?<!\ds are )(?<!\d is )(?<!\ds comes )"
                     r"next(?!\s+(?:\d|epoch|three|two|few|one|at|with|worst|lowest|best|highest|weakest|most|fewest|"
                     r"strongest|largest|biggest|smallest)\b|-))\b", re.I)  # "8 has the next most errors": a rank


IMPERATIVE = re.compile(r"^\W*(?:try|use|add|remove|increase|decrease|reduce|replace|switch)\b", re.I)  # "Train" is a noun too


def is_plan(words: str, number: int | None = None) -> bool:
    """A plan, or a later step's business: "Next", "I will", "to get", "should", "try", "plan", an imperative, "in
    step 3" said in step 2."""
    low = words.lower()
    if re.search(r"\b(would have|should have|took \w+ to get|needed \w+ to get|(?:was|were) enough to (?:get|reach))\b", low):
        return False
    # "which I would still call within the noise", "smaller than I'd like": a judgement, not a plan
    low = re.sub(r"\b(?:i|we) (?:would|'d)(?: still)? (?:call|say|describe|consider|expect)\b|\bi'd (?:call|say)\b|"
                 r"\bthan (?:i|we)(?:'d| would) (?:like|want|hope|expect)\b|"
                 r"\b(?:which|that|this) is (?:exactly |just )?what [\w -]{1,30}? (?:should|would) (?:do|happen|give)\b|"
                 r"\bas (?:it|they|\w+) should\b(?!\s+\w)", " ", low)  # "which is what dropout should do": a judgement
    # "in step 3", or a bullet headed by a later step ("Step 2: BN after each conv" in step 1)
    named = [int(a or b) for a, b in re.findall(
        r"\b(?:in|for|by) (?:step|model)[ _-]?(\d+)|^\W*(?:step|model)[ _-]?(\d+)(?:\s+(?:plan|idea|ideas|next))?\s*[:\u2013-]",
        low)]
    later = number is not None and any(k > number for k in named)
    if number is not None:  # "In step 3 too the one-cycle raised the LR" said in step 3: this step's (or an earlier one's)
        low = re.sub(r"^\s*in step (\d+)\b", lambda m: " " if int(m[1]) <= number else m[0], low)
    return PLANNED.search(low) is not None or IMPERATIVE.search(low) is not None or later


# Jupyter Markdown's inline math, as students write figures in it: "$98.49\%$", "$151 \to 202$", "$\approx 2.30$"
_TEX = {r"\%": "%", r"\to": "→", r"\rightarrow": "→", r"\Rightarrow": "⇒", r"\approx": "≈", r"\sim": "~", r"\times": "×",
        r"\geq": "≥", r"\ge": "≥", r"\leq": "≤", r"\le": "≤", r"\pm": "±", r"\Delta": "Δ", r"\,": "", r"\ ": " "}
_TEX_SYMBOL = re.compile("|".join(re.escape(k) for k in sorted(_TEX, key=len, reverse=True)) + r"(?![A-Za-z])")


def _unmath(sentence: str) -> str:
    """Inline math said as plain text: its symbols as the characters they print, its dollar signs dropped, a
    \\text{...} or \\mathbf{...} its words; any other command its bare name ("\\ln 10": "ln 10", left unread)."""
    if "$" not in sentence:
        return sentence
    text = re.sub(r"\\(?:text|mathrm|mathbf|textbf|operatorname)\{([^}]*)\}", r"\1", sentence)
    text = _TEX_SYMBOL.sub(lambda m: _TEX[m[0]], text)
    return re.sub(r"\\([A-Za-z]+)", r"\1", text.replace("$", ""))


# Numbers as much of Europe writes them, brought into English: a decimal comma ("98,49 %", "0,0712", "ca. 0,7 points")
# and a space or a dot between thousands ("7 510 parameters", "7.578 Parameter"). A comma before exactly three digits
# stays the English thousands mark ("7,510") unless a zero leads ("0,005"); a list stays a list ("seeds 0,1,2",
# "epochs 4,5", "digit 7 146 ...").
_DECIMAL_COMMA = re.compile(r"(?<![\d.,])(\d{1,3}),(\d{1,2}|\d{4,})(?!\d|,\d)|(?<![\d.,])(0),(\d{3})(?!\d|,\d)")
_SPACED_THOUSANDS = re.compile(r"(?<![\d.,])([1-9]\d{0,2})[ \u00a0\u2009\u202f](\d{3})(?![\d%]|[.,]\d|\s+%)")
_DOTTED_THOUSANDS = re.compile(r"(?i)(?<![\d.,])([1-9]\d{0,2})\.(\d{3})(?=\s*(?:param|weights\b|(?:training |test )?images\b))")
_LIST_NAMED = re.compile(r"(?i)\b(?:seeds?|digits?|class(?:es)?|epochs?|eps?\.?|steps?|models?|layers?)\s*$")
# a list written without spaces ("seeds 0,1,2", "ep. 4,5") as English lists it ("seeds 0, 1 and 2")
_COMMA_LIST = re.compile(r"(?i)\b((?:seeds?|digits?|class(?:es)?|epochs?|eps?\.?|steps?|models?)\s*)"
                         r"(\d{1,2}(?:,\d{1,2})+)(?![\d.,]*\d)")
# the abbreviations that come with them: "ep. 5", "8 ep.", "ca." and "appr." (about), "resp." (respectively), and the
# comparative's "as" ("higher as in Model_2": than)
_EUROPEAN = ((r"\bep\.\s*(?=\d+\s*[–-]\s*\d)", "epochs "), (r"\bep\.\s*(?=\d)", "epoch "),
             (r"(?<=\d)\s+ep\.?(?=\s|$|[,;)])", " epochs"), (r"\b(?:ca|appr|approx)\.\s*", "about "),
             (r"(\d[\d.]*\s*%?)\s+resp\.\s+(\d[\d.]*\s*%?)", r"\1 and \2 respectively"),
             (r"\b(higher|lower|better|worse|bigger|smaller|more|less|fewer)\s+as\s+(?=(?:the\s+)?(?:train|test|val|in\s|on\s|"
              r"model|seed|step|\d|before|m\d))", r"\1 than "),
             (r"\bis in front\b", "is ahead"))


def _european(sentence: str) -> str:
    """A sentence's numbers with a decimal point and thousands as English writes them (see above)."""
    def point(m: re.Match) -> str:
        return m[0] if _LIST_NAMED.search(m.string[:m.start()]) else f"{m[1] or m[3]}.{m[2] or m[4]}"

    text = _COMMA_LIST.sub(lambda m: m[1] + " and ".join(m[2].rsplit(",", 1)).replace(",", ", "), sentence)
    text = _DECIMAL_COMMA.sub(point, text)
    text = _SPACED_THOUSANDS.sub(lambda m: m[0] if _LIST_NAMED.search(m.string[:m.start()]) else f"{m[1]},{m[2]}", text)
    text = _DOTTED_THOUSANDS.sub(r"\1,\2", text)
    for pattern, said in _EUROPEAN:
        text = re.sub(rf"(?i){pattern}", said, text)
    return text


# a rubric's checklist, as students tick it: "[x] Params < 8k: 7 578 ✔", "[ ] last-3 ≥ 99,4 %: no (95,90 / ...)",
# "[ ] Last 3 epochs ≥ 99.4 % → no", "last-3 ≥ 99.4 %: no (...)": the criterion met (ticked, "yes") or denied (an empty
# or crossed box, "no"), after its figures; a box with no criterion ("[x] Params → 7,500") a field
_CHECKBOX = re.compile(r"^(?P<lead>\W*?)\[\s*(?P<x>[xX✓✔✗✘]?)\s*\]\s*(?P<crit>(?:(?!->)[^:→]){2,80}?)\s*(?::|→|->)\s*"
                       r"(?P<rest>.*)$")
_CRITERION = re.compile(r"(?i)^(?P<lead>\W*)(?P<crit>[^:?]{2,60}?(?:[<>≤≥]|\b(?:at least|at most|under|over|above|below)\b)"
                        r"[^:?]{0,30}?\d[^:?]{0,20}?)\s*:\s*(?P<x>no|yes)\b[,;:]?\s*(?P<rest>.*)$")
_MARKS = r"\s*[✔✓✅✘✗❌]\s*"
_OPERATOR = re.compile(r"\s*(?P<op>[<>≤≥]|\b(?:at least|at most|under|over|above|below)\b)\s*")
_OPERATOR_WORDS = {"<": "under", ">": "over", "≤": "at most", "≥": "at least"}


def _ticked(sentence: str) -> str:
    """A checklist's item said as its figures, then its criterion met or denied (see above): "Params: 7 578; under 8k
    params", "last 3 epochs: (95,90 / ...); not all of the last-3 ≥ 99,4 %"; a mark after a figure dropped."""
    sentence = re.sub(r"(?<=[\w,;:(])\s*\[\s*[xX✓✔]\s*\]\s*", " ", sentence)  # "Target: [x] BN, [x] 5 epochs": its items
    if not ((m := _CHECKBOX.match(sentence)) or (m := _CRITERION.match(sentence))):
        return re.sub(rf"{_MARKS}$", "", sentence)
    crit, subject = m["crit"].strip(), _OPERATOR.split(m["crit"].strip())[0]
    rest = re.sub(rf"(?i)^(?:no|yes)\b[,;:]?\s*|{_MARKS}(?=[–—-]|$)", " ", m["rest"]).strip()
    if (op := _OPERATOR.search(crit)) is None:
        return f"{m['lead']}{crit}: {rest}"  # "[x] Params → 7,500, so 500 to spare": a field
    if re.fullmatch(r"(?i)(?:epochs|params|parameters)", subject):  # "Epochs ≤ 15": at most 15 epochs
        crit = f"{_OPERATOR_WORDS.get(op['op'], op['op'])} {crit[op.end():]} {subject.lower()}"
    if re.match(r"(?i)(?:the\s+)?(?:last|final)\b", subject):
        subject = re.sub(r"(?i)^(?:the\s+)?(?:last|final)\s*-?\s*(\d+|three)(?:\s+epochs)?", r"the last \1 epochs", subject)
    if m["x"].lower() not in ("x", "✓", "✔", "yes"):
        crit = f"not all of the {crit}" if re.match(r"(?i)(?:the\s+)?(?:last|final)\b", crit) else f"not {crit}"
    if re.match(r"\(?\s*~?\d", rest):  # "7 578", "(95,90 / 97,93 / 97,98)": the subject's figures
        rest = f"{subject}: {rest}"
    return f"{m['lead']}{rest}; {crit}" if rest else f"{m['lead']}{crit}"


# the names a student's code gives its figures, said in words: "`min_last3=95.90`", "best(test)=98.49@6",
# "min(test[-3:]) = 95.90", "errors(digit 8)=47", "train_final=0.9903", "worst_class = 8", "lr(epoch 5)=0.005"
_CODE_NAMES = ((r"\bmean\(\s*min_last_?(\d+)\s*\)(\s*=\s*)?",  # "mean(final)=99.545 mean(min_last3)=99.508": a field each
                lambda m: ("; " if m.start() else "") + f"the seeds' mean min of the last {m[1]}" + (": " if m[2] else "")),
               (r"\bmean\(\s*finals?\b[^)]{0,30}\)", "the seeds' mean final"),
               (r"\bmin\(\s*(test|train)\w*\s*\[\s*-\s*(\d+)\s*:\s*\]\s*\)", r"min of the last \2 \1"),
               (r"\b(?:min_last_?(\d+)|min\(\s*last_?(\d+)\s*\))(?:\((test|train)\))?", lambda m: f"min of the last "
                f"{m[1] or m[2]} {m[3] or ''}".rstrip()),
               (r"\b(best|max|min|final|mean)\(\s*(test|train)\w*\s*\)", lambda m: f"{'best' if m[1] == 'max' else m[1]} {m[2]}"),
               (r"\bargmax\(\s*test\w*\s*\)", "the best epoch"), (r"\berr\(\s*(test|train)\s*\)", r"\1 error"),
               (r"\berrors\(\s*digit\s*(\d)\s*\)\s*=\s*(\d+)\s*(?:->|→)\s*(\d+)", r"digit \1: \2 → \3 errors"),
               (r"\berrors\(\s*digit\s*(\d)\s*\)\s*=\s*(\d+)", r"digit \1 has \2 errors"),
               (r"\b(errors|acc|accuracy|recall)\(\s*digit\s*(\d)\s*\)", r"digit \2 \1"),
               (r"\blr\(\s*epoch\s*(\d+)\s*\)\s*=\s*(\d*\.?\d+)(?:\s+is the (peak|top|maximum|highest)\b)?",
                lambda m: f"the rate at epoch {m[1]} is {m[2]}" + (f", the {m[3]}" if m[3] else "")),
               (r"\blr\(\s*epoch\s*(\d+)\s*\)", r"rate at epoch \1"), (r"\b(worst|best)_class\b", r"\1 class"),
               (r"\b(train|test|val)_(?:e|ep|epoch)(\d+)\b", r"\1 at epoch \2"),  # "test_e1": test at epoch 1
               (r"\b(train|test|val)_(final|best)\b", r"\2 \1"), (r"\b(final|best)_(train|test|val)\b", r"\1 \2"),
               (r"\b(train|test|val)_(acc|accuracy|loss)\b", r"\1 \2"),
               (r"(?:(?<=[a-z][a-z0-9])|(?<=[\])])|(?<=epoch \d)|(?<=epoch \d\d))\s*=\s*(?=[~+\-−]?\s*\d)(?![^(]*\))", ": "),
               (r"(?<=\d)@(?:ep\.?\s*|epoch\s*)?(\d+)\b", r" at epoch \1"))
# a changelog's tags: "fixed:", "regressed:", "unchanged:" heading an item, "[fit]", "[budget]" beside it; "v2
# (Model_2):" the step's name
_CHANGELOG = re.compile(r"(?i)^(\W*)(?:(?:fixed|regressed|unchanged|changed|added|removed|kept|improved|new|note)\s*:\s*)+|"
                        r"\[\s*(?:fit|budget|perf|performance|speed|data|gap|seeds?|lr|rate|params|loss|misc|arch|errors?|"
                        r"accuracy|acc)\s*\]\s*|\bv\d\s*(?=\(\s*(?:model|step)[ _-]?\d\s*\))")


# a fast student's shorthand, said in words: "min₃" the min of the last 3, "@ e5" at epoch 5, "e4–e5" epochs 4-5,
# "err(7) = 36" digit 7's errors, "worst: 2" the worst digit, "p = 7,578" the parameters, "↑" up, "∀ e ≥ 2" from epoch 2
_SUB = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
_SHORTHAND = ((r"\b(min|gap)\s*([₀-₉]+)", lambda m: f"{m[1]} {'over' if m[1].lower() == 'gap' else 'of'} the last "
                                                   f"{m[2].translate(_SUB)}" + (" epochs" if m[1].lower() == "gap" else "")),
              (r"(\berrors\s*\{[^{}]*\})`?\s*(?:->|→)\s*(?=\d\b)", r"\1; digit "),  # "errors{...} -> 3 is worst": a judgement
              (r"\berrors\s*\{([^{}]*)\}", lambda m: ", ".join(f"digit {d}: {n} errors" for d, n in
                                                               re.findall(r"(\d)\s*:\s*(\d+)", m[1]))),  # "errors{6: 15, 0: 0}"
              (r"\bacc\s*\[\s*(\d)\s*\]\s*=\s*", r"digit \1 accuracy "),  # "acc[8]=95.18"
              (r"\bepoch\s*,\s*train\s*,\s*test\s*(?:->|→|:)\s*", ""),  # a CSV's header, its rows below
              (r"(?<![\d.,])(\d{1,2}),(\d{1,3}\.\d+),(\d{1,3}\.\d+)(?![\d,])",
               r"epoch \1 train \2, test \3"),  # a CSV row, "5,98.33,98.00": as a log line says it
              (r"\bseed\s*=\s*(\d+)", r"seed \1"), (r"\bep(?:och)?\s*=\s*(\d+)", r"epoch \1"),
              (r"\b(lr|rate)\s*@\s*ep\.?\s*(\d+)\s*=\s*",
               lambda m: ("; " if m.start() else "") + f"the rate at epoch {m[2]} is "),  # "lr@ep5=0.0999 lr@ep15=0.0020"
              (r"\bparams\s*=\s*", "params "), (r"\bdropout_p\s*=\s*", "dropout "), (r"\baug_deg\s*=\s*(\d+)", r"rotation \1°"),
              (r"\bep(\d+)\s*=\s*", r"at epoch \1: "),
              (r"⟶", "→"), (r"\btrain\s*[−-]\s*test\b", "the train-test gap"), (r"\bM(\d)\b", r"Model_\1"),
              (r"\b(?:mean|avg|average)\s+(?=min of the last\b)", "the seeds' mean "),  # "mean min₃ = 95.62"
              (r"\btotal err\b", "total errors"), (r"\s*@\s*(?=e\d|ep\b|ep\.|epoch)", " at "),
              (r"(?<![\w.])(?:e|ep\.?\s*)(\d{1,2})\s*[–-]\s*(?:e|ep\.?\s*)?(\d{1,2})(?![\w.])", r"epochs \1–\2"),
              (r"\s*∀\s*e\s*≥\s*(\d+)", r" in every epoch from epoch \1 on"), (r"\s*∀\s*(?:e|epochs?)\b", " in every epoch"),
              (r"(?<![\w.])e(\d{1,2})(?![\w.])", r"epoch \1"),
              (r"\berr(?:ors?)?\(\s*(\d)\s*\)\s*[=:]\s*(\d+)\s*(?:→|->)\s*(\d+)\b", r"digit \1: \2 → \3 errors"),
              (r"\berr(?:ors?)?\(\s*(\d)\s*\)\s*[=:]\s*(\d+)\s*(?:→|->)\s*(worst|best)(?: class| digit)?\b",
               r"digit \1: \2 errors, the \3 digit"),
              (r"\berr(?:ors?)?\(\s*(\d)\s*\)\s*[=:]\s*(\d+)\b", r"digit \1: \2 errors"),
              (r"\bacc(?:uracy)?\(\s*(\d)\s*\)\s*[=:]\s*(?=\d)", r"digit \1 accuracy "),
              (r"(?<!next )\b(worst|best)\s*:\s*(\d)(?=\s*(?:$|[(,;@]|\|\s*[a-z]))", r"the \1 digit is \2"),
              (r"\bp\s*=\s*(?=\d{1,3},\d{3}\b|\d{4,}\b)", "params "), (r"\bimgs\b", "images"),
              (r"(?<=\d)\s*ep\b\.?(?!\s*\d)", " epochs"), (r"\b(lr|rate)\s*↓", r"\1 cut"), (r"\bdrop\s+(?=p\s*=)", "dropout "),
              (r"\b(\d+) of (?:the )?10 digits\s*([↓↑])\s*errors\b",
               lambda m: f"{m[1]} of the 10 digits {'improved' if m[2] == '↓' else 'got worse'}"),  # "7 of 10 digits ↓ errors"
              # "p = 8,000 (<8k ✓)": the budget's rule (under the limit) met or not, as the mark says; "(>8k ✗)": over
              # it, the mark its failing
              (r"\s*\(\s*([<>])\s*(\d+(?:\.\d+)?k|\d{1,3}(?:,\d{3})+)\s*([✓✗])\s*([,)])",
               lambda m: f", {'not ' if m[1] == '<' and m[3] == '✗' else ''}{'under' if m[1] == '<' else 'over'} the {m[2]} "
                         f"limit{' (' if m[4] == ',' else ''}"),
              (r"\s*↑\s*", " up "), (r"\s*↓\s*", " down "),
              (r"\b(\d)\s*/\s*(\d)\s+seeds\s*✓", r"\1 of \2 seeds passed"),  # "1/3 seeds ✓"
              (r"\b(\d+)\s*/\s*(\d+)\s+seeds\b", r"\1 of \2 seeds"),
              (r"Δ\s*(best|final|min)\s*\(\s*(m\d|model[ _]?\d)\s+vs\.?\s+(m\d|model[ _]?\d)\s*\)\s*[=:]\s*",
               r"vs \3: \1 "),  # "Δbest (M2 vs M1) = +0.71 pp"
              (r"\s*(?:→|->)\s*(\d)\s*/\s*(\d)\s*[✓✗]", r"; \1 of \2 seeds passed"),  # "min₃ by seed: ... → 0/3 ✗"

              # "finals: 93.48 | 97.15 | 95.37 (s0 | s1 | s2)", "(s0–s2)": each figure its seed's, in turn
              (r"(?<![\d.])(\d+\.\d+(?:\s*\|\s*\d+\.\d+)+)\s*\(\s*(s\d(?:\s*\|\s*s\d)+|s\d\s*[–-]\s*s\d)\s*\)",
               lambda m: re.sub(r"\s*\|\s*", " / ", m[1]) + " (seeds " + "/".join(_seeds_said(m[2])) + ")"))


def _seeds_said(said: str) -> list[str]:
    """"s0 | s1 | s2", "s0–s2": the seeds, in turn."""
    if ends := re.fullmatch(r"s(\d)\s*[–-]\s*s(\d)", said):
        return [str(k) for k in range(int(ends[1]), int(ends[2]) + 1)]
    return re.findall(r"\d", said)


# a scorecard: "P=7,500 | E=15 | best 98.81@15 | final 98.81 | min3 98.61 | err 119", each field a clause
_SCORECARD = ((r"\s+\|\s+", "; "), (r"^(\W*)P\s*=\s*", r"\1params "), (r"\bE\s*=\s*(\d+)\b", r"\1 epochs"),
              (r"\bmin3\b", "min of the last 3"),
              (r"\b(best|final|min of the last 3)\s+(\d{2}\.\d+)\s*@\s*(\d+)\b", r"\1 \2 % at epoch \3"),
              (r"(?:^|(?<=; ))err\s+(\d[\d,]*)\b", r"errors: \1"))


def _shorthand(sentence: str) -> str:
    """A sentence with a fast student's shorthand said in words (above), where it has any; a scorecard's fields."""
    if re.match(r"\W*P\s*=\s*\d[\d,]*\s*\|", sentence):
        for pattern, said in _SCORECARD:
            sentence = re.sub(pattern, said, sentence)
    if not re.search(r"[₀-₉@↑↓∀⟶Δ{]|\bM\d\b|\bacc\[|\bep\d*\s*=|\bseed\s*=|\d,\d+\.\d+,\d|\b(?:dropout_p|aug_deg|params)\s*=|"
                     r"(?<![\w.])e\d|\(\s*s\d|\b(?:err|errors|acc)\(\d\)|\bp\s*=\s*\d|"
                     r"\b(?:worst|best)\s*:\s*\d\b|"
                     r"\bimgs\b|\d\s*ep\b|\d+\s*/\s*\d+\s+seeds|\bp\s*=\s*\d", sentence):
        return sentence
    for pattern, said in _SHORTHAND:
        sentence = re.sub(pattern, said, sentence, flags=re.I)
    return sentence


def _moved_tag(sentence: str) -> str:
    """"fixed: gap 0.60 -> 2.80", "regressed: min(last 3) 96.51 -> 95.90": the tag says which way the pair went (an
    accuracy up when fixed, a gap, a loss or errors down), where no verb of the item says it."""
    tag = re.match(r"(?i)^\W*(fixed|improved|regressed)\s*:\s*", sentence)
    pair = re.search(r"(?<![\d.(])(\d+\.\d+)\s*(?:->|→)\s*(\d+\.\d+)(?![^(]*\))", sentence)
    if tag is None or pair is None or _MOVE_VERB.search(sentence[tag.end():pair.start()].lower()):
        return sentence
    smaller = re.search(r"(?i)\b(?:gap|loss|errors?|mistakes)\b", sentence[tag.end():pair.start()]) is not None
    verb = "fell" if (tag[1].lower() == "regressed") != smaller else "rose"
    return f"{sentence[:pair.start()]}{verb} from {pair[1]} to {pair[2]}{sentence[pair.end():]}"


def _code_said(sentence: str) -> str:
    """A sentence with its code's names said in words and a changelog's tags dropped (see above); a printed log line
    ("Epoch 8: loss=0.4850 Accuracy=85.25", Keras's "val_loss: 0.0683") and a table's row are their own readers'."""
    if re.search(r"(?i)\b(?:loss|accuracy|acc)\s*=\s*\d|\b(?:val|test)_(?:loss|acc\w*)\s*:|\bbatch_id\b|test set:|\|", sentence):
        return sentence  # a log line, or a table's row with its header (the table reader's names)
    text = re.sub(r"(?i)\[\s*budget\s*\]\s*(pass|fail)(?:ed|s)?\b\s*:?", lambda m: f"budget: {m[1]};", _moved_tag(sentence))
    text = re.sub(r"`\s+`", "`; `", _CHANGELOG.sub(lambda m: m[1] or "", text))  # "`best_test=96.47@3` `final_test=93.48`"
    text = re.sub(r",\s*(?=lr\(\s*epoch)", "; ", text)  # "lr(epoch 5)=0.1, lr(epoch 15)=0.002": each rate a clause
    if not re.search(r"[_()=@\[]", text):
        return text
    for pattern, said in _CODE_NAMES:
        text = re.sub(rf"(?i){pattern}", said, text)
    return text


def _as_prose(sentence: str) -> str:
    """A sentence as English prose writes it: shorthand and code's names in words, a checklist's items as claims,
    Europe's numbers with a decimal point, inline math as plain text."""
    return _unmath(_european(_ticked(_code_said(_shorthand(sentence)))))


def _asked(words: str) -> bool:
    """"Did it hold the line, though?": asked, not said (an answer joins it); "Why did test fall ...?" says it fell."""
    return words.rstrip(" *_").endswith("?") and not _WHY.match(words)


def judge(text: str, step: Step, previous: Step | None, number: int, section: str = ANALYSIS,
          earlier: dict[int, Step] | None = None) -> list[Judged]:
    """Each sentence of `text` (step `number`'s Target, Result or Analysis) judged whole: its atomic claims decided from
    the records, every number accounted for."""
    out, before = [], ""
    for sentence in sentences(text):
        words = sentence.rstrip(".")
        sentence, before = _as_goal(sentence) if section == GOALS else _span_carried(sentence, before), sentence
        asked = _asked(words)
        if asked or section != TARGET and is_plan(words, number) and not _said_before_plan(words):  # a Target is an aim
            out.append(Judged(number, section, words, (), (), plan=not asked))
            continue
        numbers: list[str] = []
        named = _models_named(_as_prose(sentence), {**(earlier or {}), number: step}, number)
        named = _where_step(_as_accuracy(_log_fields(named)))
        plain, aside, atoms = _no_record(_plain(_said_of_the_run(named, step)), step, number, earlier)
        token = _SENTENCE.set(plain.lower())
        stopped = _STOPPED.search(plain)
        sole = _sole_seed(plain)
        try:
            for clause in clauses(plain):
                if sole is not None and not re.search(r"(?i)\bseeds?\b", clause):
                    clause = f"on seed {sole}, {clause}"  # "Seed 1 is the best one, ... but epoch 4 has only 97.13 %"
                if section != TARGET and is_plan(clause, number):
                    continue
                numbers += value_numbers(clause)
                now = _stopped_at(stopped, clause, step)
                if (other := _subject_step(clause, number, earlier or {})) is not None:
                    found = _judged_on(clause, sentence, other, earlier or {}, number)
                else:
                    found = _on_split(_claims_of(clause, sentence, now, previous, number, earlier or {}), clause,
                                      sentence, now, previous, number, earlier or {})
                if MOTIVE.search(clause):
                    found = _fit_before(found, clause, sentence, previous, number, earlier or {})
                atoms += [c for c in found
                          if (c.claim, c.kind, c.evidence) not in {(a.claim, a.kind, a.evidence) for a in atoms}]
        finally:
            _SENTENCE.reset(token)
        if not atoms and not numbers and section != TARGET and is_plan(words, number):  # "To fix: go back to X"
            out.append(Judged(number, section, words, (), (), plan=True))
            continue
        read = [n for a in atoms for n in a.numbers]
        unchecked = [f"\u201c{h[0]}\u201d" for h in HEDGED_WORDS.finditer(plain)] + aside  # opinions, facts no record holds
        for n in numbers:
            if n in read:
                read.remove(n)
            elif not any(_same_number(n, r) for r in read):
                unchecked.append(n)
        out.append(Judged(number, section, words, tuple(atoms), tuple(dict.fromkeys(unchecked))))
    return out


# "The first four epochs learned close to nothing. Test accuracy stayed between 7.16% and 11.35%": the band the
# second sentence gives is of the epochs the first opened on, where it names no epochs of its own
_SPAN_OPENING = re.compile(r"(?i)^\W*(?:in\s+|over\s+|during\s+)?the (first|last) (\d+|two|three|four|five|six) epochs\b")
_BAND_VERB = re.compile(r"(?i)\b(?:stayed|stays|remained|remains|hovered|hovers|sat|sits|was stuck|were stuck)\b")
_SPAN_NAMED = re.compile(r"(?i)\bepochs?\b|\bep\s?\d|\b(?:first|last|final|end|whole run|throughout|then|after|before)\b")


def _digits_named(sentence: str) -> str:
    """A sentence about digits, each piece's bare digit named as one ("...; 5 roughly halves its errors": digit 5; "...; 5
    and 9 are joint 2nd-worst": digits 5 and 9)."""
    sentence = re.sub(r"([;:]\s+)(\d)(\s+and\s+)(\d)\s+"
                      r"(?=(?:are|were|have|had|share|shared|both|tie|tied)\b)",
                      r"\1digits \2\3\4 ", sentence)
    return re.sub(r"([;:]\s+|,\s+(?:and\s+|while\s+)?)(\d)\s+(?=(?:roughly|goes|went|drops|dropped|rises|rose|recovers|"
                  r"recovered|falls|fell|is|was|has|had|halves|halved|improves|improved|gets|got|climbs|climbed|stays|stayed)\b)",
                  r"\1digit \2 ", sentence)


def _span_carried(sentence: str, before: str) -> str:
    """A sentence that says a band with no epochs of its own, after one that opened on a span: said of that span; one
    that opens "After that" after one that named a single epoch: after that epoch."""
    if re.match(r"(?i)\W*per[- ]digit\b", before) and re.match(r"\d\s+[a-z]", sentence):  # "Per digit: 8 drops ... ." then
        sentence = _digits_named(f"Digit {sentence}")  # "9 recovers from 88.11 to 94.75 %": digit 9
    elif re.match(r"(?i)\W*per[- ]digit\b", sentence):
        sentence = _digits_named(sentence)
    if (then := re.match(r"(?i)\W*(?:after that|after this|from then on|thereafter|afterwards),?\s+", sentence)) and \
            len(named := set(re.findall(r"(?i)\bepoch (\d+)\b", before))) == 1:
        return f"After epoch {named.pop()} {sentence[then.end():]}"  # "... in epoch 5. After that it rises in every epoch"
    if (span := _SPAN_OPENING.match(before)) is None or not _BAND_VERB.search(sentence) or _SPAN_NAMED.search(sentence):
        return sentence
    return f"In the {span[1].lower()} {span[2]} epochs, {sentence[0].lower()}{sentence[1:]}"


# the course notebook's prints: tqdm's training bar ("Epoch 8: loss=0.4850 batch_id=468 Accuracy=85.25: 100%|...|
# 469/469 [00:12<00:00]") and the test pass ("Test set: Average loss: 0.0683, Accuracy: 9798/10000 (97.98%)")
_BAR = re.compile(r"(?i)^(\W*(?:epoch\s*[:=#]?\s*(\d+)\s*[:=-]?\s*)?)(?:train(?:ing)?\s*[:=-]?\s*)?loss\s*=\s*(\d*\.\d+)\s*,?\s*"
                  r"(?:batch_id\s*=\s*\d+\s*,?\s*)?acc(?:uracy)?\s*=\s*(\d{1,3}(?:\.\d+)?)\s*%?"
                  r"(?:\s*:?\s*\d+%\s*\|[^|]*\|\s*\d+/\d+\s*\[[^\]]*\])?")
# the notebook's print of the training set's epoch, as its test line says the test set's
_TRAIN_SET = re.compile(r"(?i)^\W*(?:epoch\s*(?P<epoch>\d+)\s*:\s*)?train(?:ing)? set\s*:"
                        r"\s*average loss\s*:\s*(\d*\.\d+)\s*,\s*accuracy\s*:\s*(\d+)\s*/\s*(\d+)"
                        r"\s*\(\s*(\d{1,3}(?:\.\d+)?)\s*%\s*\)\s*$")
_TEST_SET = re.compile(r"(?i)\btest set\s*:\s*average loss\s*:\s*(\d*\.\d+)\s*,\s*accuracy\s*:\s*(\d+)\s*/\s*(\d+)\s*"
                       r"\(\s*(\d{1,3}(?:\.\d+)?)\s*%\s*\)|"
                       r"\btest loss\s*=\s*(\d*\.\d+)\s*,?\s*test acc(?:uracy)?\s*=\s*(\d{1,3}(?:\.\d+)?)\s*%?")


# Keras's epoch line, as Colab notebooks print it: "Epoch 3/5 - 12s - loss: 0.1357 - accuracy: 0.9624 - val_loss: 0.1525
# - val_accuracy: 0.9575 - lr: 0.0903" (an accuracy a fraction; "loss" the epoch's running mean, as the records keep it)
_KERAS = re.compile(r"(?i)^\W*epoch\s+(\d+)\s*/\s*\d+\b")
_KERAS_FIELD = re.compile(r"(?i)\b((?:val_|test_)?(?:loss|acc(?:uracy)?)|lr|learning_rate)\s*:\s*(\d*\.\d+(?:e-?\d+)?)\b")


def _keras_fields(sentence: str) -> str:
    """A Keras epoch line said as the fields of a log line: its accuracies as percentages at their digits, its "val"
    fields the test set's (the course's word; "(val)" kept, so that a run with a split of its own is read on it too)."""
    head = _KERAS.match(sentence)
    fields = {m[1].lower(): m[2] for m in _KERAS_FIELD.finditer(sentence, head.end())} if head else {}
    rest = _KERAS_FIELD.sub("", sentence[head.end():]) if head else ""
    if "loss" not in fields or re.search(r"[A-Za-z]{2}", re.sub(r"\b\d+(?:ms|s|m)(?:/step)?\b|\bstep\b", "", rest)):
        return sentence  # words beside the fields: a sentence about them, not the line

    def percent(text: str) -> str:
        value = float(text)
        return f"{value * 100:.{max(len(text.split('.')[1]) - 2, 0)}f}" if value <= 1 else text

    out = [f"Epoch {head[1]}: Train Loss={fields['loss']}" + (f" Accuracy={percent(a)}%" if (a := fields.get("accuracy")
                                                                                           or fields.get("acc")) else "")]
    for side in ("val_", "test_"):
        loss, acc = fields.get(f"{side}loss"), fields.get(f"{side}accuracy") or fields.get(f"{side}acc")
        if loss or acc:
            out.append("Test" + (f" Loss={loss}" if loss else "") + (f" Accuracy={percent(acc)}%" if acc else "") +
                       (" (val)" if side == "val_" else ""))
    if rate := fields.get("lr") or fields.get("learning_rate"):
        out.append(f"LR={rate}")
    return " | ".join(out)


def _counted(correct: str, total: str, percent: str, curve: str) -> str:
    """A log line's count of correct images beside its percentage: nothing more where they agree; where they do not,
    the count's own accuracy, a figure of its own ("Accuracy: 8117/10000 (81.71%)" also says 81.17 %)."""
    if int(total) == 0 or abs(int(correct) / int(total) * 100 - float(percent)) < 0.005:
        return ""
    return f" | {curve} Accuracy={int(correct) / int(total) * 100:.2f}%"


def _log_fields(sentence: str) -> str:
    """The notebook's prints said as the fields of a log line: the bar's loss and accuracy are train's (the bar runs
    over the training batches), the test pass's are test's, at the epoch the line names; a count of correct test
    images that agrees with its percentage is that percentage, said once."""
    sentence = _keras_fields(sentence)
    if train := _TRAIN_SET.match(sentence):  # "Train set: Average loss: 2.2870, Accuracy: 806/6000 (13.43%)": train's
        return (f"Epoch {train['epoch']}: " if train["epoch"] else "") + f"Train Loss={train[2]} Accuracy={train[5]}%" + \
            _counted(train[3], train[4], train[5], "Train")
    bar = _BAR.match(sentence)
    test = _TEST_SET.search(sentence)
    if bar is None and test is None:
        return sentence
    fields = []
    if bar is not None:
        fields.append(f"Train Batch Loss={bar[3]} Accuracy={bar[4]}")
    if test is not None and test[5]:  # "| test loss=0.4092 test acc=86.29": the same fields, said plainly
        fields.append(f"Test Loss={test[5]} Accuracy={test[6]}%")
    elif test is not None:
        fields.append(f"Test Loss={test[1]} Accuracy={test[4]}%{_counted(test[2], test[3], test[4], 'Test')}")
    head = f"Epoch {bar[2]}: " if bar is not None and bar[2] else \
        f"Epoch {said[1]}: " if bar is None and (said := re.match(r"(?i)\W*epoch\s*(\d+)\s*(?:[:=-]|->|→)?\s*$",
                                                                  sentence[:test.start()])) else ""
    rest = sentence[bar.end():test.start() if test is not None else len(sentence)] if bar is not None else \
        sentence[:test.start()]
    if re.search(r"[A-Za-z]{2}", re.sub(r"(?i)\b(?:test|epoch)\b", "", rest)) or (test and sentence[test.end():].strip(" ./")):
        return sentence  # words beside the prints: not a printed line
    return head + " | ".join(fields)


def _sole_seed(plain: str) -> str | None:
    """The one seed a sentence opens on and names alone ("Seed 1 is the best one, it finishes at 98.33 % but epoch 4 has
    only 97.13 %"): every clause of it is that seed's."""
    opened = re.match(r"(?i)\W*seed (\d+)\b", plain)
    if opened is None or set(re.findall(r"(?i)\bseed (\d+)\b", plain)) != {opened[1]} or \
            re.search(r"(?i)\b(?:seeds|mean|average|avg|every|each|all|both|other|rest)\b", plain):
        return None
    return opened[1]


# a sentence that speaks of error rates ("Final error rate 13.71 %", "2.02 % error", "4.8 % of them wrong"); the
# readers know accuracies, so each rate is said as the accuracy it leaves (100 - rate, at its digits), and the words
# of its direction turned ("the error went up" is the accuracy going down)
_ERROR_RATE = re.compile(r"(?i)\berror(?:\s+rate)?\b|\bwrong\b[^;%]{0,16}\d\s*%|"
                         r"%\s+(?:of\s+(?:them|those|the\s+\w+(?:\s+set)?)\s+)?(?:wrong|misclassified)\b")
_A_SETTING = re.compile(r"(?i)\b(?:dropout|drop|rotation|rotate|shift|scale|momentum|decay|p\s*=|warm-?up|split|"
                        r"validation)\b[^,;%]{0,15}$")
_TURNED = {"up": "down", "down": "up", "rose": "fell", "fell": "rose", "rises": "falls", "falls": "rises", "higher": "lower",
           "lower": "higher", "increased": "decreased", "decreased": "increased", "under": "above", "below": "above",
           "above": "below", "over": "under", "dropped": "rose", "climbed": "fell", "almost": "about", "nearly": "about"}


def _as_accuracy(sentence: str) -> str:
    """Error rates said as the accuracies the readers check, where a sentence speaks only of errors: every percentage
    under 50 its complement, "error (rate)" and "% wrong" said as accuracy, and a direction turned."""
    if not _ERROR_RATE.search(sentence) or not re.search(r"\d\s*%", sentence) or \
            re.search(r"(?i)\baccura|(?<![\d.,])(?:[5-9]\d|100)(?:\.\d+)?\s*%", sentence):
        return sentence
    text = re.sub(r"(?<![\d.,])(\d{1,2}(?:\.(\d+))?)\s*%", lambda m: m[0] if _A_SETTING.search(sentence[:m.start()]) else
                  f"{100 - float(m[1]):.{len(m[2] or '')}f} %", sentence)  # "dropout of 10 %": a setting, no rate
    text = re.sub(r"(?i)\b(train(?:ing)?|test)\s+error(?:\s+rate)?\b", r"\1 accuracy", text)
    text = re.sub(r"(?i)\berror(?:\s+rate)?\b", "test accuracy", text)
    text = re.sub(r"(?i)%\s+(?:of\s+(?:them|those|the\s+\w+(?:\s+set)?)\s+)?(?:wrong|misclassified)\b", "% right", text)
    return re.sub(r"(?i)\b(up|down|rose|fell|rises|falls|higher|lower|increased|decreased|under|below|above|over|dropped|"
                  r"climbed|almost|nearly)\b", lambda m: _TURNED[m[1].lower()], text)


def _where_step(sentence: str) -> str:
    """"the opposite of step 1 where train was ahead": what follows "where" is said of that step, a clause of its own."""
    sentence = re.sub(r"(?i)\b((?:step|model)[ _-]?(\d+)),?\s+where\s+(?=(?:the\s+)?(?:train\w*|test|val\w*|digit|loss|accuracy|"
                      r"gap|rate|lr|seed|its|it\s+(?:was|had|reached|ended|got|stayed|sat))\b)", r"\1; in step \2, ", sentence)
    # "one epoch later than Model_1, which already had 95.75 % at epoch 3": what follows "which" is Model_1's
    sentence = re.sub(r"(?i)\b((?:step|model)[ _-]?\d+),\s+which\s+(?=(?:already\s+|still\s+|only\s+)?(?:had|reached|got|hit|"
                      r"was at)\b)", r"\1; \1 ", sentence)
    # "Unlike step 1, where test was still above train at epoch 15, here train is ahead": that step's clause ends at "here"
    return re.sub(r"(?i)(; in step \d+, )([^;]*?),\s+(?=(?:here|now|in this step|this time)\b)",
                  lambda m: m[1] + re.sub(r"(?i)\bstill\s+", "", m[2]) + "; ", sentence)


# a clause whose subject is one earlier step, and which compares it with nothing: "in step 1 train was ahead"
_SUBJECT_STEP = re.compile(r"^\W*(?:and\s+|but\s+|while\s+|whereas\s+|so\s+|then\s+)?(?:(?:in|on|for|with)\s+)?"
                           r"(?:step|model)[ _-]?(\d+)(?:'s)?\b(?!\s*\()")
_COMPARED = re.compile(r"\b(?:than|vs\.?|versus|against|compared|comparison|better|worse|beat\w*|improv\w*|gains?|"
                       r"gained|lost|up from|down from|over (?:step|model)|since|previous|before|earlier|this (?:step|model)|"
                       r"other|both|each|all three|all 3|same|again|still|too|also|either|neither|this one|here|now|"
                       r"the new one)\b")


def _subject_step(clause: str, number: int, earlier: dict[int, Step]) -> int | None:
    """The earlier step a clause is said of, where it opens on that step alone and compares it with nothing ("in step 1
    train was ahead from epoch 2 on", "Model_1's best was 98.94 %"): that step's records decide it."""
    # "Model_1 had the same at the end - test above train": what follows is said of Model_1, no comparison
    low = re.sub(r"^(\W*(?:step|model)[ _-]?\d+)\s+(?:had|has|showed|shows|saw)\s+the\s+same\b", r"\1 had", clause.lower())
    found = _SUBJECT_STEP.match(low)
    if found is None or _STEP_BEHIND.search(low) or int(found[1]) == number or int(found[1]) not in earlier or \
            _COMPARED.search(low):
        return None
    if set(re.findall(r"\b(?:step|model)[ _-]?(\d+)\b", low)) != {found[1]}:
        return None
    return int(found[1])


def _judged_on(clause: str, sentence: str, other: int, earlier: dict[int, Step], number: int) -> list[Claim]:
    """A clause said of an earlier step, judged on that step's records, each claim naming the step."""
    before = {k: s for k, s in earlier.items() if k < other}
    return [replace(c, step=number, evidence=f"step {other}: {c.evidence}")
            for c in _claims_of(clause, sentence, earlier[other], before.get(other - 1), other, before)]


# "Had the run stopped after epoch 4", "if the run had been stopped at epoch 6": what it would have been then
_STOPPED = re.compile(r"(?i)\b(?:had (?:the )?(?:run|training|model|it) (?:been )?|"
                      r"if (?:the )?(?:run|training|it) had (?:been )?|had (?:we|i) )"
                      r"(?:stopped|ended|halted|cut off|finished)\s+(?:after|at|in)\s+(?:the\s+)?(?:epoch\s+(\d+)|"
                      r"(\d+)(?:st|nd|rd|th) epoch)\b")


def _stopped_at(cut: re.Match | None, clause: str, step: Step) -> Step:
    """The step a clause is judged on: the run cut at the epoch its sentence's condition names (`cut`, `_STOPPED`'s
    match), for the clause that says what "would have" been ("Had the run stopped after epoch 4, its best would have
    been 11.35 %"); else the step."""
    if cut is None or not re.search(r"(?i)\bwould(?:n't| not)? have\b|\bwould've\b", clause):
        return step
    at = int(cut[1] or cut[2])
    if not 1 <= at < len(step.run.epochs):
        return step
    return replace(step, run=replace(step.run, epochs=step.run.epochs[:at]))


_VAL_SAID = re.compile(r"(?i)\b(?:val(?:idation)?|hold-?out|held-out)\b(?!\s*(?:split|set|images|samples|data)\b)|"
                       r"\b(?:on|of|in) the dev(?:elopment)? (?:split|set)\b")


def _on_split(found: list[Claim], clause: str, sentence: str, step: Step, previous: Step | None, number: int,
              earlier: dict[int, Step]) -> list[Claim]:
    """A clause of a sentence that names "val", judged on the validation split where the test set's reading marks it
    false and the run kept a split: "val" is the test set in this course's words, and the split's own where a run
    recorded one, so the clause holds when either reading does."""
    if not any(c.verdict is False for c in found) or not _VAL_SAID.search(sentence) or \
            any(e.val_acc is None for e in step.run.epochs) or not step.run.epochs:
        return found
    split = replace(step, run=replace(step.run, epochs=[replace(e, test_acc=e.val_acc, test_loss=e.val_loss)
                                                        for e in step.run.epochs]), check=None)  # the split: the run's seed
    on_split = [replace(c, evidence=re.sub(r"\btest\b", "validation", c.evidence))
                for c in _claims_of(clause, sentence, split, previous, number, earlier)]
    if on_split and not any(c.verdict is False for c in on_split):
        return on_split
    # "Test peaked @ ep3 (96.47) and val @ ep4 (96.3)": each figure true on one of the two, the one it is said of
    held = {c.numbers: c for c in on_split if c.verdict is True and c.numbers}
    return [held[c.numbers] if c.verdict is False and c.numbers in held else c for c in found]


def _models_named(sentence: str, steps: dict[int, Step], now: int) -> str:
    """A step called by its model's name ("3.58 points below Beta_2"): said as "step K", as the readers know it, and
    this step's own as "this model". Only a name with a digit or an underscore is read: a model called "Net" leaves
    the word alone."""
    for k, other in steps.items():
        name = other.name if other is not None else ""
        if re.fullmatch(r"\w*(?:\d|_)\w*", name) and not re.fullmatch(r"(?i)(?:model|step)[ _-]?\d+", name):
            sentence = re.sub(rf"(?i)(?<![\w.]){re.escape(name)}(?![\w])", f"step {k}" if k != now else "this model",
                              sentence)
    if now > 1:  # "worst class 9 -> 8": the step before's rank, then this one's
        sentence = re.sub(r"(?i)\b(worst|best|weakest|strongest) (?:class|digit)\s*:?\s*(\d)\s*(?:->|→)\s*(\d)\b(?!\s*%|\.\d)",
                          lambda m: f"the {m[1]} class moved from {m[2]} in step {now - 1} to {m[3]}", sentence)
    # "Test rises in every epoch of Model_2" in Model_2's own Analysis: its own epochs, no step compared
    return re.sub(rf"(?i)\s+(?:of|in) (?:step|model)[ _-]?{now}\b(?!'s)(?=[\s,.;:]|$)", "", sentence)


# "The final accuracies were 93.48 %, 97.15 % and 95.37 %, about 95.33 % on average": a list said of the seeds' figures
_SEEDS_LISTED = re.compile(r"(?i)\b(?P<role>final(?:-epoch)?|lowest|minimum|best)\s+(?:test\s+)?accuracies\s+(?:are|were)?\s*"
                           r"(?:\w+\s*,\s*)?(?P<list>(?:\d{2}\.\d+\s*%?,\s*)+\d{2}\.\d+\s*%?,?\s+and\s+\d{2}\.\d+\s*%?)"
                           r"(?P<mean>,\s*(?:about\s+|~\s*|roughly\s+)?(?P<m>\d{2}\.\d+\s*%?)\s+on average)?")


def _each_seed(m: re.Match, seeds: list[int]) -> str:
    """Each figure of a list as long as the check's seeds, that seed's, in order; its mean, the seeds' mean."""
    if len(re.findall(r"\d{2}\.\d+", m["list"])) != len(seeds):
        return m[0]
    listed = _in_seed_order(m["list"], seeds)
    role = "final" if m["role"].lower().startswith("final") else "min" if m["role"].lower() in ("lowest", "minimum") else "best"
    mean = f", mean {role} {m['m']}" if m["mean"] else ""
    return m[0][:m.start("list") - m.start()] + listed + mean


def _in_seed_order(listed: str, seeds: list[int]) -> str:
    """A list of as many figures as the seeds, each said as its seed's, in order; any other list as it was."""
    figures = re.findall(r"\d{2}\.\d+", listed)
    if len(figures) != len(seeds):
        return listed
    for figure, seed in zip(figures, seeds, strict=True):
        listed = re.sub(rf"(?<![\d.]){re.escape(figure)}(?:\s*%)?(?![\d(])", f"{figure} % (seed {seed})", listed, count=1)
    return listed


def _placed_by_the_run(sentence: str, step: Step, n: int) -> str:
    """Figures placed by the run's own counts: a slashed list of as many figures as the check has seeds, each its
    seed; "then a and b" after the last epoch named, the epochs up to the run's last."""
    if step.check and (seeds := sorted(step.check.verdict.seeds)) and not re.search(r"(?i)\bseeds?\s+\d|\(s\d", sentence):
        sentence = _SLASHED.sub(lambda m: m[0] if len(re.findall(r"\d{2}\.\d+", m[0])) != len(seeds) or re.search(
            r"(?i)\b(?:train|val\w*)\b[^;:]*$", m.string[:m.start()]) or _said_of_epochs(m.string[:m.start()],
                                                                                        m.string[m.end():]) else
            f"{m[0]} (seeds {'/'.join(map(str, seeds))})",
            sentence)  # "Seed finals: 93.48 / 97.15 / 95.37" in a check of three seeds: each seed's, in order
        sentence = re.sub(r"(?i)(\bfinals?\b[^;]*?\(seeds [\d/]+\))\s*\(\s*mean\s+(\d{2}\.\d+\s*%?)\s*\)", r"\1, mean final \2",
                          sentence)  # "(mean 95.33)" after the seeds' finals: their mean
        sentence = _SEEDS_LISTED.sub(lambda m: _each_seed(m, seeds), sentence)
        if re.search(r"(?i)\b(?:the|all|their|three|two|\d) seeds\b", sentence):  # "(95.90, 97.13 and 97.19)": each seed's
            sentence = re.sub(r"\(((?:\d{2}\.\d+\s*%?\s*,\s*)+\d{2}\.\d+\s*%?,?\s+and\s+\d{2}\.\d+\s*%?)",
                              lambda m: "(" + _in_seed_order(m[1], seeds), sentence)
    # "Final test accuracy: seed 0 97.51 %, seed 1 98.34 %, seed 2 98.16 % (mean 98.00 %)": the seeds' mean
    sentence = re.sub(r"(?i)^(\W*(final|best|min\w*|lowest)\b[^;()]*?"
                      r"(?:\bseed \d+\s*[:=]?\s*\d{2}\.\d+\s*%?\s*,?\s*(?:and\s+)?){2,})"
                      r"\(\s*(?:mean|average|avg)\.?\s*:?\s*(\d{2}\.\d+\s*%?)\s*\)",
                      lambda m: f"{m[1].rstrip(' ,')}, mean {'min' if m[2].lower().startswith(('min', 'low')) else m[2].lower()}"
                      f" {m[3]}", sentence)
    # "seed 0/1/2 final: 97.51 / 98.34 / 98.16": the seeds named before their slashed figures, each its own
    sentence = re.sub(r"(?i)\bseeds?\s+(\d+(?:\s*/\s*\d+)+)\s+(?:(?:->|→)\s*)?([a-z][a-z0-9 ]{0,30}?)\s*:\s*"
                      r"((?:\d{2}\.\d+\s*%?\s*/\s*)+\d{2}\.\d+\s*%?)",
                      lambda m: m[0] if len(re.findall(r"\d+", m[1])) != len(re.findall(r"\d{2}\.\d+", m[3])) else
                      f"{m[2]}: " + ", ".join(f"{f} % (seed {k})" for k, f in zip(re.findall(r"\d+", m[1]),
                                                                                re.findall(r"\d{2}\.\d+", m[3]), strict=True)),
                      sentence)
    # "drops to 83.37 % at epoch 3 after 91.28 % at epoch 2, then 96.46 % and 97.15 %": the epochs after the last named
    if (then := re.search(r"(?i)\b(?:epoch|ep\.?)\s*(\d+)\b[^;]*?,\s*then\s+((?:\d{2}\.\d+\s*%?,\s*)*\d{2}\.\d+\s*%?)\s+and\s+"
                          r"(\d{2}\.\d+\s*%?)(?=\s*[.;]?\s*$)", sentence)) and \
            not re.search(r"(?i)\b(?:epoch|ep\.?)\s*\d", sentence[then.start(2):]):
        later = re.split(r",\s*", then[2]) + [then[3]]
        last = max(int(e) for e in re.findall(r"(?i)\b(?:epoch|ep\.?)\s*(\d+)\b", sentence[:then.start(2)]))
        if last + len(later) == n:
            sentence = sentence[:then.start(2)] + " and ".join(f"{f.strip()} at epoch {last + i + 1}" for i, f in
                                                              enumerate(later)) + sentence[then.end():]
    return sentence


def _said_of_epochs(before: str, after: str) -> bool:
    """A slashed list said of epochs ("in the last 3 epochs: 95.90 / 97.93 / 97.98", "... in epochs 4-6"), not of
    the seeds in a role ("min of last 3: 93.48 / 83.37 / 89.65")."""
    if re.match(r"(?i)[^;]{0,12}\b(?:in|at|over|for)\s+(?:the\s+)?(?:epochs?|ep|last)\b", after):
        return True
    said = re.search(r"(?i)\b(?:epochs?|ep|last[- ]\d)\b[^;]*$", before)
    return said is not None and not re.search(r"(?i)\b(?:min\w*|lowest|worst|best|highest|mean|average)\s+(?:of\s+)?(?:the\s+)?$",
                                              before[:said.start()])


def _seeds_in_brackets(sentence: str, step: Step) -> str:
    """"For all 3 seeds the lowest of the last 3 epochs is at epoch 4 (95.90 %, 97.13 %, 97.19 %)": a bracket of as many
    figures as the check has seeds, said of all of them, each figure its seed's in the check's order."""
    seeds = sorted(step.check.verdict.seeds) if step.check else []
    name = next((w for w, k in WORDS.items() if k == len(seeds)), str(len(seeds)))
    said = re.search(rf"(?i)\b(?:for|on|across|of) (?:all|each of|every one of)(?: the)? (?:{len(seeds)}|{name}) "
                     rf"seeds\b[^();]*?\(((?:\s*\d{{2}}\.\d+\s*%?\s*(?:,|and|, and)){{{len(seeds) - 1}}}"
                     r"\s*\d{2}\.\d+\s*%?\s*)\)",
                     sentence) if len(seeds) >= 2 else None
    if said is None:
        return sentence
    figures = re.findall(r"\d{2}\.\d+", said[1])
    return sentence[:said.start(1)] + ", ".join(f"{f} % on seed {k}" for f, k in zip(figures, seeds, strict=True)) + \
        sentence[said.end(1):]


def _said_of_the_run(sentence: str, step: Step) -> str:
    """Words read by the run's own numbers: "the second-to-last epoch" (the epoch before its last), "the last 20 % of
    training" (that many of its last epochs), "in the last epoch" of a move, "just after the cut" (the first epoch on
    the lower rate), and "on seed 0" beside per-class figures where the run is seed 0's."""
    n = len(step.run.epochs)
    # "over the last 20 % of training": that share of the run's epochs
    sentence = re.sub(r"(?i)\blast (\d{1,2})\s*%\s+of\s+(?:the\s+)?(?:training|the run|run|epochs)\b",
                      lambda m: f"last {max(1, round(n * int(m[1]) / 100))} epochs", sentence)
    if n < 2:
        return sentence
    sentence = _placed_by_the_run(sentence, step, n)
    sentence = _seeds_in_brackets(sentence, step)
    if (own := getattr(step.run.settings, "seed", None)) is not None:  # "the shown seed": the seed the run's logs are of
        sentence = re.sub(r"(?i)\b(?:the\s+)?(?:shown|plotted|logged|printed|displayed)\s+seed\b", f"seed {own}", sentence)
    # "After epoch 3 test slipped to 97.05 % and then 96.92 %", "After the peak at epoch 3 test slid down: 97.05 %, then
    # 96.92 %": the epochs after it, in turn
    sentence = re.sub(r"(?i)(\bafter (?:the peak (?:at|in) )?epoch (\d+),?\s+(?:the\s+)?(?:test|train|val)?\w*\s*(?:acc\w*\s+)?"
                      r"(?:slipped|slid|fell|dropped|dipped|rose|climbed|jumped|went (?:up|down))\s+(?:back\s+|down\s+)?"
                      r"(?:in the (?:back|second|latter) half\s*)?(?:to\s+|:\s*))(\d{2}\.\d+(?:\s*%)?)"
                      r"(?:(,?\s+(?:and\s+(?:then\s+)?|then\s+)(?:to\s+)?)(\d{2}\.\d+(?:\s*%)?))?"
                      r"(?!\s*(?:at|in|by|after)\s+(?:the\s+)?(?:epoch|end|last))",
                      lambda m: m[0] if int(m[2]) + (2 if m[5] else 1) > n else
                      f"{m[1]}{m[3]} at epoch {int(m[2]) + 1}" + (f"{m[4]}{m[5]} at epoch {int(m[2]) + 2}" if m[5] else ""),
                      sentence)
    # "The weakest digit on seed 0 is the 6": the per-class records are the step's own run's, seed 0's where it is that seed
    if re.search(r"(?i)\b(?:digits?|class(?:es)?|weakest|hardest)\b", sentence) and \
            re.search(r"(?i)\b(?:errors|mistakes|misclassified)\b|\b(?:digit|class)\b[^.;]{0,30}\d{2}\.\d+\s*%", sentence):
        sentence = re.sub(rf"(?i)\s+(?:on|for|of|with) seed {getattr(step.run.settings, 'seed', 0)}\b(?=[^;]*?(?:\berrors|"
                          r"\bmistakes|%))", "", sentence)
    if re.search(r"(?i)\btrain", sentence):  # "(97.83 vs 97.51 on seed 0)": a train/test pair, the run's own seed's
        sentence = re.sub(rf"(?i)(\d\s*%?)\s+(?:on|for|of)\s+seed {getattr(step.run.settings, 'seed', 0)}\b(?=\s*\))", r"\1",
                          sentence)
    sentence = _once_it_stops(_after_the_cut(sentence, _lower_from([e.lr for e in step.run.epochs])), n)
    # "from 94.27 % at epoch 2 to 95.99 % and 96.14 %" where those are the run's last epochs: each the next epoch's
    sentence = re.sub(r"(?i)\bfrom (\d{2}\.\d+\s*%?) (at|in|after) epoch (\d+) to ((?:\d{2}\.\d+\s*%?,\s*)*\d{2}\.\d+\s*%?) and "
                      r"(\d{2}\.\d+\s*%?)(?!\s*(?:at|in|after|by) (?:the )?(?:epoch|end|last))",
                      lambda m: m[0] if int(m[3]) + len(later := re.split(r",\s*", m[4]) + [m[5]]) != n else
                      f"from {m[1]} {m[2]} epoch {m[3]} to " + " and ".join(f"{f.strip()} at epoch {int(m[3]) + i + 1}"
                                                                         for i, f in enumerate(later)), sentence)
    # "fell in every epoch to 97.05 % and 96.92 % at the end": the last two epochs'
    if re.search(r"(?i)\b(?:every|each) epoch\b", sentence):
        sentence = re.sub(r"(?i)\bto (\d{2}\.\d+\s*%?) and (\d{2}\.\d+\s*%?) (?:at the end|in the end|in the last epoch)\b",
                          lambda m: f"to {m[1]} at epoch {n - 1} and {m[2]} at epoch {n}", sentence)
    # "fell from 96.23 % to 93.48 % in the last epoch": the move of the last epoch, from the one before it
    sentence = re.sub(r"(?i)\bfrom (\d{2}\.\d+\s*%?) to (\d{2}\.\d+\s*%?) (?:in|during|over) the (?:last|final) epoch\b(?!s)",
                      lambda m: f"from {m[1]} at epoch {n - 1} to {m[2]} at epoch {n}", sentence)
    return re.sub(r"(?i)\b(?:the\s+)?(?:second[- ]to[- ]last|penultimate|next[- ]to[- ]last|last[- ]but[- ]one)\s+epoch\b",
                  f"epoch {n - 1}", sentence)


def _after_the_cut(sentence: str, lower: list[int]) -> str:
    """"Just after the cut the test accuracy was 98.49 %", "test above train right after the cut": the first epoch on
    the lower rate, where the run has one; "After the cut, test stayed above 98 %": every epoch on the lower rate."""
    if not lower:
        return sentence
    sentence = re.sub(r"(?i)(?<=\w )(?:just|right|directly|immediately) after the (?:rate |lr |learning rate )?"
                      r"(?:cut|drop)\b(?!,)",
                      f"at epoch {lower[0]}", sentence)  # "-> test above train right after the cut": that epoch
    if re.search(r"(?i)\bepochs?\s+\d", sentence):
        return sentence
    sentence = re.sub(r"(?i)^(\W*)(?:just |right |directly )?after the (?:rate |lr |learning rate )?(?:cut|drop),?\s+"
                      r"(?=(?:the\s+)?(?:test|train\w*|val\w*)\s+(?:accuracy|acc)\s+(?:was|is|reached|jumped|rose|went)\b)",
                      lambda m: f"{m[1]}At epoch {lower[0]} ", sentence)
    return re.sub(r"(?i)^(\W*)(?:right )?after the (?:rate |lr |learning rate )?(?:cut|drop),?\s+"
                  r"(?=[^.;]*\b(?:stayed|stays|remained|remains|kept|keeps|held|holds|never|did not|didn't)\b)",
                  lambda m: f"{m[1]}From epoch {lower[0]} on, ", sentence)


def _once_it_stops(sentence: str, n: int) -> str:
    """"Train jumps from 98.68 % to 99.48 % once augmentation stops for the last 3 epochs" (of `n`): the move into the
    first of those epochs, where it stops."""
    return re.sub(r"(?i)\b(from\s+\d{2}(?:\.\d+)?\s*%?\s+to\s+\d{2}(?:\.\d+)?\s*%?)\s+(?:once|when|as soon as|after)\s+"
                  r"(?:the\s+)?(augment\w*|rotation|zoom|dropout)\s+(?:stops|is (?:turned |switched )?off|ends|is dropped)\s+"
                  r"(?:for|in) the (?:last|final) (\d+) epochs\b",
                  lambda m: f"{m[1]} at epoch {n - int(m[3]) + 1}, when the {m[2]} stops" if 0 < int(m[3]) < n else m[0],
                  sentence)


def _as_goal(item: str) -> str:
    """A goal list's item said as the claim its tick makes: "99.4% validation accuracy with consistency" is test
    accuracy at or above 99.4 % in the last epochs, "99.4% validation accuracy" is 99.4 % reached."""
    item = re.sub(r"(?i)^\W*(\d{2}(?:\.\d+)?)\s*%\s+(?:(train\w*)|val\w*|test\w*)\s+acc\w*\s+(?:with consistency|"
                  r"consistently)", lambda m: f"{'train' if m[2] else 'test'} accuracy consistently at or above {m[1]}%", item)
    return re.sub(r"(?i)^\W*(\d{2}(?:\.\d+)?)\s*%\s+(?:(train\w*)|val\w*|test\w*)\s+acc\w*",
                  lambda m: f"{'train' if m[2] else 'test'} accuracy reached {m[1]}%", item)


# "Since the model is over-fitting, it's time to introduce dropout": the fit that moved the student to this step's
# change is the step before's
MOTIVE = re.compile(r"(?i)^\W*(?:since|as|because)\b[^,;]{3,80}?(?:,\s*|\s+)(?:so\s+)?(?:it(?:'s| is) time to\s+|(?:we|i)\s+"
                    r"(?:had to |have to |need to |then |decided to )?)(?:add|introduc|us|appl|put|insert|brought)\w*")


def _fit_before(found: list[Claim], clause: str, sentence: str, previous: Step | None, number: int,
                earlier: dict[int, Step]) -> list[Claim]:
    """A motive's fit words judged on the step before (none where there is none), the rest of the clause on this one."""
    rest = [c for c in found if c.kind != "fit"]
    if previous is None or len(rest) == len(found):
        return rest
    before = max((k for k in earlier if earlier[k] is previous), default=number - 1)
    fit = [c for c in _claims_of(clause, sentence, previous, earlier.get(before - 1), before, earlier) if c.kind == "fit"]
    return rest + [replace(c, step=number, evidence=f"step {before}: {c.evidence}") for c in fit]


# facts no record holds: which digit a digit is read as ("43 of them read as 0", "7 read as 2, 12 times"), the loss or
# accuracy of guessing ("the 2.30 of pure guessing", "chance level (10 %)")
_NO_RECORD = re.compile(r"(?i),?\s*(?:and\s+|with\s+)?(?:the\s+)?"
                        r"(?:most\s+common\s+(?:mistake|confusion|error)s?\s*(?:was|is|:)?\s*)?"
                        r"(?:(?:mostly|most often|often|usually)\s+(?=read|mistaken|misread|taken|predicted|confused)|"
                        r"(?:\d+|all|most) of (?:them|those|these|which|its errors|their errors)"
                        rf"(?:\s+(?:{_PLURAL}|\ds))?\s+(?:were\s+|are\s+|got\s+)?|(?:an?\s+)?(?<![\d.])\d{{1,4}}\s+"
                        rf"(?:(?:{_PLURAL})\s+(?:were\s+|are\s+|got\s+))?)"
                        r"(?:read|mistaken|misread|taken|predicted|classified|confused)\s+(?:as|for|with)\s+(?:an?\s+)?\d\b"
                        # "read as 3 (330) or as 7 (121)"
                        r"(?:\s*\(\d+\))?(?:\s*(?:,|or|and)\s+(?:\d+\s+(?:(?:are|were)\s+(?:read|called|mistaken|predicted)\s+"
                        r")?as\s+"
                        r"(?:an?\s+)?\d\b|(?:as\s+|for\s+)?(?:an?\s+)?\d\b(?!\s+as\b))(?:\s*\(\d+\))?)*"
                        r"(?:,?\s*(?:up|down)\s+from\s+\d+\s+in\s+(?:step|model)[ _-]?\d+)?"
                        r"(?:,?\s+(?:most often\s+)?\(?\d+\s+times\)?)?|"
                        # "8 → 0 (36), 8 → 3 (30) and 8 → 2 (25)"
                        r"(?<![\w.])\d\s*(?:→|->)\s*\d\s*\(\d+\)(?:\s*(?:,|and|or)\s*\d\s*(?:→|->)\s*\d\s*\(\d+\))*|"
                        r"\s*,?\s*(?:not far (?:below|above|from)\s+)?(?:the\s+)?\d+(?:\.\d+)?\s*%?\s+(?:of|for)\s+"
                        r"(?:pure\s+|random\s+)?(?:guessing|chance)\b|\bchance(?:\s+level)?\s*(?:\(|of|is|=|"
                        r":)\s*\d+(?:\.\d+)?\s*%?\)?|"
                        # "half of the 28-pixel image": the input's size, no run's record
                        r",?\s*(?:(?:half|a third|a quarter|all)\s+of\s+)?the\s+(?:whole\s+|full\s+)?28[- ]?(?:pixels?|px)(?:["
                        r"- ]wide)?\s+"
                        r"(?:image|input|digit)s?\b|"
                        # "against 11.35 % for the skeleton at the same point": a figure of a model only described
                        r",?\s*against\s+\d{1,3}(?:\.\d+)?\s*%\s+for\s+the\s+(?!test\b|train|seed|digit|class|best|final|last|"
                        r"first|lowest|model\b|step\b|run\b|same\b)[a-z]+\s+at\s+the\s+same\s+(?:point|epoch|stage)\b")


def _no_record(plain: str, step: Step, number: int, earlier: dict[int, Step] | None = None
               ) -> tuple[str, list[str], list[Claim]]:
    """The sentence without the facts its readers leave (`_NO_RECORD`): the confusions a run recorded decided
    (metrics.json `confused`), the rest each to be shown unchecked."""
    plain, moved = _errors_by_epoch(plain, step, number)
    plain, sized = _tagged_move_sized(plain, number)
    plain, room = _params_room(plain, step, number)
    moved += sized + room
    plain, told = _total_errors(plain, step, number, earlier)
    plain, told = _support_said(plain, step, number, moved + told)
    aside = []
    for m in _NO_RECORD.finditer(plain):
        if (claim := _confusion(plain, m, step, number)) is not None:
            told.append(claim)
        else:
            aside.append(f"\u201c{m[0].strip(' ,')}\u201d")
    return (re.sub(r"\s*\(\s*\)", "", _NO_RECORD.sub("", plain)) if aside or told else plain), aside, told


# the test errors of a whole run, said as a count: "all 1371 errors", "111 of the 249 errors", "half of all 308",
# "267 of 10000 wrong", "386 errors in total" (a result field's "Errors: 249" is `_result_field`'s); and the count
# against a step named ("67 more than step 1")
_ERRORS = r"(?:test\s+)?(?:errors|mistakes|misclassifications|misclassified(?:\s+(?:images|digits))?|wrong(?:\s+(?:predictions|" \
    r"images|digits|answers))?)"
_COUNT = r"\d{1,3}(?:,\d{3})*|\d+"
_MNIST_TEST = 10_000  # MNIST's test set, where a run's per-class record lacks its supports
_TOTAL_ERRORS = re.compile(rf"(?i)(?:\b(?:half|third|quarter|most|much|some|\d+|\d+(?:\.\d+)?\s*%)\s+of\s+all\s+(?P<a>{_COUNT})"
                           rf"(?:\s+{_ERRORS})?\b(?!\s*(?:%|epochs?|seeds?|params|parameters|images|steps|digits|classes))|"
                           rf"\b(?:(?:a\s+)?total(?:\s+of)?|all)\s+(?P<f>{_COUNT})\s+{_ERRORS}\b|"
                           rf"\b(?:all|of)\s+the\s+(?P<b>{_COUNT})\s+{_ERRORS}\b(?!\s+(?:\d'?s|{_PLURAL})\b)|"
                           rf"(?<![\d.,])(?P<c>{_COUNT})\s+{_ERRORS}\s+(?:in total|overall|altogether|in all|on the (?:whole |"
                           rf"full )?test set)\b|"
                           rf"\b(?:all together|altogether|in total|overall|in all),?\s+there\s+(?:are|were)\s+(?P<g>{_COUNT})\s+"
                           rf"{_ERRORS}\b|"
                           rf"\b(?:means|meaning|leaves|leaving)\s+(?P<h>{_COUNT})\s+(?:wrong|misclassified)\s+(?:test\s+|validation\s+)?"
                           rf"(?:images|digits|predictions)\b|"
                           rf"(?<![\d.,])(?P<d>{_COUNT})\s*(?:of|/|out of)\s*(?:the\s+)?10,?000\s+"
                           rf"(?:test\s+|validation\s+|val\s+)?"
                           rf"(?:images\s+|"
                           rf"digits\s+)?"
                           rf"(?:(?:were|are)\s+)?(?:wrong|misclassified|incorrect|errors|mistakes)\b)")
_ERRORS_THAN = re.compile(r"(?i)\b(\d+)\s+(more|fewer|less)(?:\s+(?:errors|mistakes|wrong))?\s+than\s+(?:in\s+)?"
                          r"(?:step|model)[ _-]?(\d+)\b")


def _total_errors(plain: str, step: Step, number: int, earlier: dict[int, Step] | None = None) -> tuple[str, list[Claim]]:
    """Counts of the run's test errors ("all 1371 errors") decided against its per-class errors (every digit's, summed),
    each taken out of the words its digit's readers see; "67 more than step 1" against that step's count."""
    total = _errors_of(step)
    if total is None:
        return plain, []
    told, out = [], plain
    images = _test_images(step)
    for m in _TOTAL_ERRORS.finditer(plain):
        said = next(g for g in m.groups() if g)
        of = re.search(r"(?:of|/|out of)\s*(?:the\s+)?(10,?000)", m[0]) if m["d"] else None  # "267 of 10000 wrong": the set's too
        told.append(Claim(number, m[0].strip(" ,"), int(said.replace(",", "")) == total and
                          (of is None or int(of[1].replace(",", "")) == images),
                          f"test errors: {total} of {images:,} ({records.PER_CLASS})", "figure",
                          (said,) + ((of[1],) if of else ())))
        gone = re.sub(rf"\s*{re.escape(said)}\b", "", m[0], count=1) if not m["d"] else ""  # "267 of 10000 wrong": all of it
        if m["a"] and (share := _percent_of_errors(m, plain, total, number)):
            told.append(share)  # "(120 errors), 31 % of all 386 errors": that count's share
            gone = re.sub(r"^\W*\d+(?:\.\d+)?\s*%\s*", " ", gone)
        part = re.search(r"(\d[\d,]*)\s*$", plain[:m.start()]) if m["b"] else None  # "495 of the 1,371 test errors, ..."
        if part and (frac := _FRACTION_OF.match(plain, m.end())):
            told.append(_error_fraction(part[1], total, frac, number, step, plain[:part.start()]))
            out = out.replace(frac[0], "", 1)
        if m["b"] and (share := _share_of_errors(plain[:m.start()], step, number)):
            told.append(share[0])  # "so these two make 71 of the 200 test errors": the digits named, summed
            out = out.replace(share[1], "", 1)
        out = out.replace(m[0], gone, 1)
    if told and (than := _ERRORS_THAN.search(out)) and not re.search(r"(?i)\bdigit \d\b", out[:than.start()]) and \
            (other := (earlier or {}).get(int(than[3]))) and \
            (theirs := _errors_of(other)) is not None:
        more = total - theirs
        ok = int(than[1]) == abs(more) and (more > 0) == (than[2].lower() == "more")
        told.append(Claim(number, than[0], ok, f"test errors: {theirs} in step {than[3]}, {total} here ({records.PER_CLASS} "
                          f"of both)", "figure", (than[1],)))
        out = out.replace(than[0], "")
    return out, told


def _percent_of_errors(m: re.Match, plain: str, total: int, number: int) -> Claim | None:
    """"88.11 % (120 errors), 31 % of all 386 errors": the count said right before, as a share of the run's errors."""
    pct = re.match(r"\W*(\d+(?:\.\d+)?)\s*%\s+of\s+all\b", m[0])
    counts = re.findall(r"(\d[\d,]*)\s+(?:errors|mistakes|wrong)\b", plain[:m.start()])
    if pct is None or not counts:
        return None
    count = int(counts[-1].replace(",", ""))
    if re.search(r"\b(?:together|combined|between them|jointly)\b", plain[max(0, m.start() - 40):m.start() + 1]) and \
            (each := re.search(r"\b(\d)\s+and\s+(?:digit\s+)?(\d)\b[^;]*?\b(\d+)\s+(?:errors|mistakes)\s+each\b",
                               plain[:m.start()])):
        count = 2 * int(each[3])  # "7 and 8 are joint worst with 19 errors each; together they are 32 % of all 119 errors"
    share = 100 * count / total
    ok = said_as(share, pct[1]) if "." in pct[1] else abs(share - float(pct[1])) <= 1  # "16.5 %": at its digits
    return Claim(number, m[0].strip(" ,"), ok, f"{count} of the {total} test errors: "
                 f"{share:.1f} % ({records.PER_CLASS})", "figure", (pct[1],))


_FRACTION_OF = re.compile(r"(?i),?\s*(?:i\.e\.\s*|that is\s*|so\s+)?(?P<tol>more than|over|less than|under|about|almost|nearly|"
                          r"roughly)?\s*(?:(?:one|a)\s+(?P<f>half|third|quarter|fifth)|(?P<h>half))\b")


def _error_fraction(part: str, total: int, frac: re.Match, number: int, step: Step, before: str) -> Claim:
    """A count's share of the run's errors as said: "more than one third", "about a quarter" (within a tenth of it),
    "almost half" (up to it, not below 85 % of it); the count the errors of the digit named before it ("digit 2 alone
    accounts for 495 of the 1,371 test errors, more than one third")."""
    share, f = _num(part) / total, 1 / {"half": 2, "third": 3, "quarter": 4, "fifth": 5}[(frac["f"] or frac["h"]).lower()]
    tol = (frac["tol"] or "about").lower()
    ok = share > f if tol in ("more than", "over") else share < f if tol in ("less than", "under") else \
        f * 0.85 <= share < f if tol in ("almost", "nearly") else abs(share - f) <= 0.1 * f
    rows, named = {r.digit: r for r in step.run.per_class}, _digit_mentions(before.lower())
    if named and named[-1][2] in rows:
        ok = ok and rows[named[-1][2]].errors == _num(part)
    return Claim(number, frac[0].strip(" ,"), ok, f"{part} of {total} test errors: {share:.1%} ({records.PER_CLASS})", "figure",
                 (part,) if named else ())


def _share_of_errors(before: str, step: Step, number: int) -> tuple[Claim, str] | None:
    """"The 9 ... and the 8 ..., so these two make 71 of the 200 errors": the errors of the digits the words named
    before, summed, against the count said (with the words it sits in)."""
    said = re.search(r"\b(?:these|those|the)\s+(?:two|three|four)\s+(?:digits\s+)?(?:make|account for|have|are|hold|give)\s+"
                     r"(?:up\s+)?(\d+)\s*$", before, re.I)
    named = list(dict.fromkeys(d for _, _, d in _digit_mentions(before.lower()[:said.start()]))) if said else []
    rows = {r.digit: r for r in step.run.per_class}
    if not said or not named or any(d not in rows for d in named):
        return None
    total = sum(rows[d].errors for d in named)
    return Claim(number, said[0].strip(), int(said[1]) == total, " + ".join(f"digit {d}: {rows[d].errors}" for d in named)
                 + f" = {total} errors ({records.PER_CLASS})", "figure", (said[1],)), said[1]


# a digit's errors out of its test images: "495 of its 1,032 test images are wrong", "3 errors out of 980"
_SUPPORT = re.compile(r"(?i)\b(\d+)\s+(?:of\s+(?:its|their|the)\s+(\d{1,3}(?:,\d{3})?|\d+)\s+(?:test\s+)?"
                      r"(?:images|samples|examples)\s+(?:are|were)\s+(wrong|misclassified)|(errors|mistakes)\s+"
                      r"(?:out of|of|in|among)\s+(?:its|their|the)?\s*(\d{1,3}(?:,\d{3})?|\d+)"
                      r"(?:\s+(?:test\s+)?(?:images|samples|examples))?)\b")


def _support_said(plain: str, step: Step, number: int, told: list[Claim]) -> tuple[str, list[Claim]]:
    """A digit's test images said beside its errors ("3 errors out of 980"): the count against that digit's support in
    per_class.csv, taken out of the words, its errors left to the digit's readers."""
    rows = {r.digit: r for r in step.run.per_class}
    for m in list(_SUPPORT.finditer(plain)):
        named = _digit_mentions(plain.lower()[:m.start()])
        row = rows.get(named[-1][2]) if named else None
        if row is None or row.support is None:
            continue
        said = m[2] or m[5]
        told = told + [Claim(number, m[0], int(said.replace(",", "")) == row.support,
                             f"digit {row.digit}: {row.support:,} test images ({records.PER_CLASS})", "figure", (said,))]
        plain = plain.replace(m[0], f"{m[1]} errors", 1)
    for m in list(_PRECISION_RANK.finditer(plain)):  # "precision of 4 is the lowest of all digits (90.7 %)"
        told, plain = told + [_precision_ranked(m, step, number)], plain.replace(m[0], "", 1)
    for m in list(_SUPPORT_OF.finditer(plain)) + list(_PRECISION.finditer(plain)):
        named = _digit_mentions(plain.lower()[:m.start()])
        its = re.search(r"(?i)\b(?:while|and|but)?\s*its\s*$", plain[:m.start()])  # "..., while its precision": the subject's
        row = rows.get(named[0 if its else -1][2]) if named else None
        if row is None:
            continue
        told = told + [_support_or_precision(m, row, step, number)]
        plain = plain.replace(m[0], "", 1)
    return plain, told


# "14.78 % error on its 974 images", "(precision 100 %)": a digit's test images, the share of its predictions right
_SUPPORT_OF = re.compile(r"(?i)\s*\b(?:on|of|over|across|among)\s+(?:its|their)\s+(\d{1,3}(?:,\d{3})?|\d+)\s+(?:test\s+)?"
                         r"(?:images|samples|examples)\b")
_PRECISION = re.compile(r"(?i)\s*\(?\bprecision\s*(?:of\s+)?(?:is\s+|was\s+|:\s*|=\s*)?(\d{1,3}(?:\.\d+)?)\s*%\)?|"
                        r"\s*\b(?:only\s+|just\s+)?(\d{1,3}(?:\.\d+)?)\s*%?\s+precision\b")


_PRECISION_RANK = re.compile(r"(?i)\bprecision\s+(?:of|for)\s+(?:digit\s+)?(?P<d>\d)\s+(?:is|was)\s+(?:only\s+|just\s+)?(?:"
                             r"(?:the\s+)?(?P<r1>lowest|highest|worst|best)(?:\s+of\s+all(?:\s+digits)?)?\s*\(\s*(?P<x1>\d{1,3"
                             r"}(?:\.\d+)?)"
                             r"\s*%\s*\)|(?P<x2>\d{1,3}(?:\.\d+)?)\s*%,?\s*(?:the\s+)?(?P<r2>lowest|highest|worst|best)"
                             r"(?:\s+of\s+all(?:\s+digits)?)?)")


def _precision(step: Step, row) -> float | None:
    """A digit's precision: its right answers over every prediction of it, where the run's confusions list every
    mistake (None where they do not, or the digit's test images are not recorded)."""
    found = {(c.true, c.predicted): c.count for c in step.run.confusions or []}
    if row.support is None or sum(found.values()) != _errors_of(step):
        return None
    right = row.support - row.errors
    return 100 * right / (right + sum(c for (t, p), c in found.items() if p == row.digit and t != row.digit))


def _precision_ranked(m: re.Match, step: Step, number: int) -> Claim:
    """A digit's precision and its rank among the digits' (not settled where any digit's precision is not recorded
    whole)."""
    precision = {r.digit: _precision(step, r) for r in step.run.per_class}
    said, rank, digit = m["x1"] or m["x2"], (m["r1"] or m["r2"]).lower(), int(m["d"])
    if digit not in precision or None in precision.values():
        return Claim(number, m[0], None, f"digit {digit}: no whole record of its predictions", "figure", (said,))
    ranked = sorted(precision, key=precision.get)
    ok = said_as(precision[digit], said) and digit == (ranked[0] if rank in ("lowest", "worst") else ranked[-1])
    return Claim(number, m[0], ok, f"digit {digit}: precision {precision[digit]:.2f} %; lowest {ranked[0]} "
                 f"({precision[ranked[0]]:.2f} %), highest {ranked[-1]} ({records.PER_CLASS}, {records.METRICS} `confused`)",
                 "figure", (said, m["d"]))


def _support_or_precision(m: re.Match, row, step: Step, number: int) -> Claim:
    """A digit's support against per_class.csv, or its precision: its right answers over every prediction of it, where
    the run's confusions list every mistake (else not settled)."""
    said = m[1] or m[2]
    if "precision" not in m[0].lower():
        return Claim(number, m[0].strip(), None if row.support is None else _num(said) == row.support,
                     f"digit {row.digit}: {row.support or '?'} test images ({records.PER_CLASS})", "figure", (said,))
    if (precision := _precision(step, row)) is None:
        return Claim(number, m[0].strip(), None, f"digit {row.digit}: no whole record of its predictions", "figure", (said,))
    return Claim(number, m[0].strip(" ()"), said_as(precision, said), f"digit {row.digit}: precision {precision:.2f} % "
                 f"({records.PER_CLASS}, {records.METRICS} `confused`)", "figure", (said,))


# the test errors moving between two epochs: "From epoch 1 to epoch 2 the errors drop by 85%: 4111 to 611", "the errors
# fell from 4111 at epoch 1 to 611 at epoch 2"
_ERRORS_AT_EPOCHS = re.compile(
    rf"(?i)\bfrom epoch (?P<x>\d+) to (?:epoch )?(?P<y>\d+),?\s+(?:the\s+)?{_ERRORS}\s+(?P<verb>drop|fall|shrink|go down|"
    rf"decrease|decline|rise|grow|go up|increase)\w*(?:\s+by\s+(?P<p>\d+(?:\.\d+)?)\s*%)?\s*[:,(]?\s*(?:from\s+)?"
    rf"(?P<a>{_COUNT})\s+(?:to|→|->)\s+(?P<b>{_COUNT})(?![\d.,]*\s*%)|"
    rf"\b(?:the\s+)?{_ERRORS}\s+(?P<verb2>drop|fall|fell|shrank|went down|decrease|decline|rise|rose|grew|went up|increase)"
    rf"\w*(?:\s+by\s+(?P<p2>\d+(?:\.\d+)?)\s*%)?\s*,?\s*from\s+(?P<a2>{_COUNT})\s+(?:at|in|after)\s+epoch\s+(?P<x2>\d+)"
    rf"\s+to\s+(?P<b2>{_COUNT})\s+(?:at|in|after)\s+epoch\s+(?P<y2>\d+)")


def _errors_by_epoch(plain: str, step: Step, number: int) -> tuple[str, list[Claim]]:
    """The test errors said at two epochs, and the change between them where a share is said: each epoch's count is
    the test images its accuracy leaves wrong (the count of a whole test set, so an accuracy in hundredths gives it
    exactly); a share is of the first count, to its last digit said."""
    told, curve = [], step.run.test()
    images = _test_images(step)
    for m in _ERRORS_AT_EPOCHS.finditer(plain):
        g = {k: m[k] or m[f"{k}2"] for k in ("x", "y", "verb", "p", "a", "b")}
        x, y, a, b = int(g["x"]), int(g["y"]), int(g["a"].replace(",", "")), int(g["b"].replace(",", ""))
        if not (1 <= x <= len(curve) and 1 <= y <= len(curve)):
            continue
        wrong = {e: _errors_at(curve[e - 1], images) for e in (x, y)}
        down = g["verb"].lower().startswith(("drop", "fall", "fell", "shr", "went down", "go down", "decr", "decl"))
        ok = (a, b) == (wrong[x], wrong[y]) and (wrong[y] < wrong[x]) == down
        said = f"test errors of {images:,} at epoch {x}: {wrong[x]}, at epoch {y}: {wrong[y]}"
        if g["p"] and wrong[x]:
            share = 100 * abs(wrong[x] - wrong[y]) / wrong[x]
            ok = ok and abs(share - float(g["p"])) <= 0.5 * 10 ** -len(g["p"].partition(".")[2])
            said = f"{said}, {'fewer' if down else 'more'} by {share:.1f} %"
        told.append(Claim(number, m[0].strip(" ,"), ok, f"{said} ({records.METRICS})", "figure",
                          tuple(t for t in (g["p"], g["a"], g["b"]) if t)))
        plain = plain.replace(m[0], f"from epoch {x} to epoch {y} the errors {g['verb']}", 1)
    return plain, told


# "ep1 94.61 → ep2 92.09 (−2.52)": a move between two epochs' figures, its size said after it (the clauses are cut at
# the second epoch, so the size is read on the whole sentence, as `_arrow_size` reads an untagged one in a clause)
_TAGGED_MOVE = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*%?\s*(?:→|->)\s*epoch\s?\d+\s*:?\s*(\d{1,3}(?:\.\d+)?)\s*%?"
                          r"(\s*\(\s*([+\-−])\s?(\d+(?:\.\d+)?)\s*(?:points?|pts?|pp|%)?\s*\))")


# "~1.3k params of room under the 8k limit": the budget's limit less the step's count
_ROOM = re.compile(r"(?i)(?P<tol>~\s*|about |around |roughly )?(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<k>k)?\s+(?:params|parameters)\s+"
                   r"(?:of\s+)?(?:room|headroom|left|to spare|spare)\b")


def _params_room(plain: str, step: Step, number: int) -> tuple[str, list[Claim]]:
    """The parameters said to be left under the limit, against the budget's limit less the step's count (the words
    taken out of the sentence, so that no reader takes the figure for a count)."""
    if (m := _ROOM.search(plain)) is None or not step.run.params:
        return plain, []
    room, scale = step.budget.max_params - step.run.params, 1000.0 if m["k"] else 1.0
    ok = (_within(room / scale, m["n"].replace(",", ""), "about") if m["tol"] else said_as(room, m["n"], scale))
    return plain.replace(m[0], "room", 1), [Claim(number, m[0].strip(), ok, f"the parameter limit {step.budget.max_params:,} "
                                                  f"less this step's {step.run.params:,}: {room:,} (config.json, metrics.json)",
                                                  "figure", (m["n"],))]


def _tagged_move_sized(plain: str, number: int) -> tuple[str, list[Claim]]:
    """The size said after a move between two epochs' figures, against the two figures (arithmetic on the sentence's
    words; the figures are their roles' readers'), the size taken out of the sentence its clauses are cut from."""
    told = []
    for m in _TAGGED_MOVE.finditer(plain):
        a, b = float(m[1]), float(m[2])
        told.append(Claim(number, m[0].strip(), _size_said(abs(b - a), b < a, m[4], m[5]),
                          f"{m[1]} → {m[2]} is {b - a:+.2f}", "arithmetic", (m[5],)))
        plain = plain.replace(m[3], "", 1)
    return plain, told


def _test_images(step: Step) -> int:
    """The test images a run was scored on: its per-class supports summed, MNIST's test set where it kept none."""
    return sum(r.support or 0 for r in step.run.per_class) or _MNIST_TEST


def _errors_at(accuracy: float, images: int = _MNIST_TEST) -> int:
    """The test images an accuracy (in %) of `images` leaves wrong."""
    return round((100 - accuracy) * images / 100)


def _errors_of(step: Step) -> int | None:
    """The run's test errors, every digit's summed, where it kept its per-class record."""
    return sum(r.errors for r in step.run.per_class) if step.run.per_class else None


def _confusion(plain: str, m: re.Match, step: Step, number: int) -> Claim | None:
    """"76 of those nines were read as 4", "(43 read as 0)", "read as 3 (330) or as 7 (121)": each pair's count against
    the run's confusions; a pair the record lacks is a count of 0 where the record lists every mistake."""
    said, pairs = m[0].lower(), step.run.confusions
    if pairs is None or re.search(r"\b(?:all|most) of\b", said):
        return None
    if arrows := re.findall(r"(\d)\s*(?:→|->)\s*(\d)\s*\((\d+)\)", said):  # "8 → 0 (36), 8 → 3 (30)": each pair's count
        found = {(c.true, c.predicted): c.count for c in pairs}
        whole = sum(found.values()) == _errors_of(step)
        got = [found.get((int(t), int(p)), 0 if whole else None) for t, p, _ in arrows]
        verdicts = [None if g is None else g == int(n) for g, (_, _, n) in zip(got, arrows, strict=True)]
        return Claim(number, m[0].strip(" ,"), False if False in verdicts else None if None in verdicts else True,
                     ", ".join(f"{t} → {p}: {found.get((int(t), int(p)), 0)}" for t, p, _ in arrows)
                     + f" ({records.METRICS} `confused`)", "figure", tuple(x for a in arrows for x in a))
    own = re.search(rf"\b(?:(?:an?\s+)?(?<![\d.])(\d)\s+(?:read|mistaken|misread|taken|predicted|classified|confused)|"
                    rf"({'|'.join(w for w in DIGIT_WORDS if w.endswith('s'))}))\b", said)
    mentions = _digit_mentions(plain.lower()[:m.start()])
    true = int(own[1]) if own and own[1] else DIGIT_WORDS[own[2]] if own else mentions[-1][2] if mentions else None
    lead = re.match(rf"\W*(?:and\s+|with\s+)?(?:the\s+)?(\d+)\s+(?:(?:{_PLURAL})\s+(?:were\s+|are\s+|got\s+)"
                    r"(?=read|mistaken|misread|taken))?(of|read|mistaken|misread|taken)", said)
    count = re.search(rf"\b(\d+|{'|'.join(WORDS)})\s+times\b", said) or \
        (lead if lead and (lead[2] == "of" or len(lead[1]) > 1) else None)  # "43 read as 0": a count; "4 read as 9": a digit
    first = re.search(r"\bas\s+", said)  # "read as 0 (43) or 9 (28)", "11 ... as 5 and 7 as 2": each after the first "as"
    each = [(int(p or q), c or n) for n, q, p, c in re.findall(
        r"(?:,|\bor|\band)\s+(\d+)\s+(?:(?:are|were)\s+(?:read|called|mistaken|predicted)\s+)?as\s+(?:an?\s+)?(\d)\b(?!\s*%|\."
        r"\d)|(?:\bas|,|\bor|\band)\s+(?:as\s+)?(?:an?\s+)?(?<![\d.])(\d)\b"
        r"(?!\s*%|\.\d)(?:\s*\((\d+)\))?", said[first.start():] if first else "")]
    if true is None or not each or (count is None and not all(c for _, c in each)):
        return None
    found = {(c.true, c.predicted): c.count for c in pairs}
    whole = sum(found.values()) == _errors_of(step)
    verdicts = []
    for predicted, n in each:
        n = int(n) if n else _count(count[1].lower())
        got = found.get((true, predicted), 0 if whole else None)
        verdicts.append(None if got is None else got == n)
    near = plain.lower()[max(0, m.start() - 40):m.end()]
    if rank := re.search(r"\b(most often|most common|top|biggest|main|largest)\b", near):  # "the top mix-up is 9 read as 4"
        pool = [c for (t, _), c in found.items() if t == true] if rank[1] == "most often" else list(found.values())
        place = len(re.findall(r"\b(?:then|next|followed by|second)\b", near[rank.end():]))  # "top ..., then 7 read as 2"
        ranked = sorted(pool, reverse=True) + [0] * (place + 1)
        verdicts.append(found.get((true, each[0][0]), 0) == ranked[place])
    if re.search(r"\b(?:up|down)\s+from\s+\d+\s+in\s+(?:step|model)", said):
        verdicts.append(None)  # "43 of them called 0, up from 36 in Step 2": that step's count, not read here
    verdict = False if False in verdicts else None if None in verdicts else True
    return Claim(number, m[0].strip(" ,"), verdict, ", ".join(f"{true} → {p}: {found.get((true, p), 0)}" for p, _ in each)
                 + f" ({records.METRICS} `confused`)", "figure", tuple(re.findall(r"\d+", said)))


HEDGED_WORDS = re.compile(r"(?i)\b(?:probably|likely|seems?|seemed|maybe|perhaps|i think|i believe|too (?:high|low|big|"
                          r"small|large|slow|fast|much|many|few)|not enough|enough capacity)\b[^,;.]{0,30}")


def _said_before_plan(words: str) -> bool:
    """A sentence that states a result before its plan ("It ends at 98.6 %, so next I will add batch norm"): judged on
    what it states."""
    parts = clauses(words)
    return len(parts) > 1 and not is_plan(parts[0]) and \
        not re.match(r"(?i)\W*to (?:reach|get to|hit|pass|beat|close)\b[^:;]{0,30}:", words)  # "To reach 99.4: ...": a goal


def _same_number(said: str, read: str) -> bool:
    return said.replace(",", "").rstrip("kK") == read.replace(",", "").rstrip("kK")


def _all_right(m: re.Match) -> str:
    return f"digit {DIGIT_WORDS[m[2].lower()]} has 0 errors on its {m[1]} test images"  # DIGIT_WORDS: defined below


_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_NUMBER_NAMES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
ABBREVIATIONS = ((r"\bval(?:idation)?\.?\s+acc(?:uracy)?\b", "test accuracy"),
                 (r"\(\s*((?:step|model)[ _-]?\d)\s*:\s*(\d{1,3}(?:\.\d+)?\s*%?)\s*\)", r"(\2 in \1)"),  # "(Model 1: 11.35)"
                 (r"((?:^|[,;(])\s*[a-z][a-z _]{0,25}?)\s*(?:->|→)\s*(?=~?\s*\d)", r"\1: "),  # "Params -> 6720": a field
                 (r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten|few|all|last|first)\s*eps\b", r"\1 epochs"),
                 (r"(?<=\d)\s*(?:percent|per cent|pct)\b", " %"),
                 (r"\b(none of (?:them|the (?:runs|seeds))|no (?:seed|run))\s+(?:came\s+|is\s+|was\s+)?within reach of\b",
                  r"\1 reached"),
                 # "the model converged to 86.29 %" (a lab report's "ended at"): the figure, not a flat curve
                 (r"\bconverged to (?=(?:about |around |roughly )?\d)", "ended at "),
                 (r"\bconverged to a final\b", "ended with a final"),
                 (r"\b(?:no|never) (?:worse|lower) than (?=\d)", "at least "),  # "held no worse than 97.77 %"
                 (r"\b(loss|accuracy|acc|errors?) (?:was|were) (?:brought|pushed|driven) (down|up)\b",
                  lambda m: f"{m[1]} {'fell' if m[2].lower() == 'down' else 'rose'}"),  # "test loss was brought down"
                 # "seventy-seven more test errors": the count
                 (r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|five|six|seven|eight|nine)\b"
                  r"(?!\s*(?:percent|per cent|%|point\b))",
                  lambda m: str(_TENS.index(m[1].lower()) * 10 + 20 + WORDS[m[2].lower()])),
                 (r"\(seed (\d+), epoch (\d+)\)", r"(seed \1 at epoch \2)"),  # "99.43 % (seed 1, epoch 13)"
                 # "jumps by 0.80 points at epoch 13 (98.68 to 99.48)": the move's ends
                 (r"\b(at epoch \d+)\s*\(([1-9]\d{0,2}\.\d+)\s*%?\s*(?:to|→|->)\s*([1-9]\d{0,2}\.\d+)\s*%?\)", r"\1, from \2 %"
                                                                                                               r" to \3 %"),
                 # "test at least as high as training accuracy": above it (two curves of two decimals tie almost never)
                 (r"\b(?:at least as (?:high|good) as|at or above|no lower than)\s+(?=(?:the\s+)?(?:train|training|test)\b)",
                  "above "),
                 (r"\b(?:at most as (?:high|good) as|at or below|no higher than)\s+(?=(?:the\s+)?(?:train|training|test)\b)",
                  "below "),
                 # "ninety-seven percent": the figure
                 (r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](one|two|three|four|five|six|seven|eight|"
                  r"nine))?"
                  r"\s*(?:percent\b|per cent\b|%)",
                  lambda m: f"{_TENS.index(m[1].lower()) * 10 + 20 + (WORDS[m[2].lower()] if m[2] else 0)} %"),
                 # "not one epoch of any seed"
                 (r"\b(?:not (?:one|a single)|no) epoch of (?:any|a single|either) seed\b", "no seed"),
                 (r"\bnot (?:one|a single) of the (\w+ )?seeds\b", lambda m: f"none of the {m[1] or ''}seeds"),  # "Not one of"
                 # "dips to 95.90 in epoch 4, the lowest of ...": its low, not a move
                 (r"\b(?:dips|dipped|drops|dropped|falls|fell) to (?=\d{2}\.\d+\s*%?\s*(?:in|at) epoch \d+,\s*the lowest\b)",
                  "is at "),
                 # "digit seven", "followed by five (120 errors)": digits by their numbers
                 (r"\b(digit|class) (zero|one|two|three|four|five|six|seven|eight|nine)\b",
                  lambda m: f"{m[1]} {_NUMBER_NAMES.index(m[2].lower())}"),
                 (r"\b(followed by|then|and) (zero|one|two|three|four|five|six|seven|eight|nine)(?= \(\d+ (?:errors|wrong|"
                  r"mistakes)\b)", lambda m: f"{m[1]} digit {_NUMBER_NAMES.index(m[2].lower())}"),
                 # "seed one", "seeds zero and two": seeds by their numbers
                 (r"\b(seeds?) (zero|one|two|three|four|five|six|seven|eight|nine)(?:( and | or |, )(zero|one|two|three|four|"
                  r"five|"
                  r"six|seven|eight|nine))?\b", lambda m: f"{m[1]} {_NUMBER_NAMES.index(m[2].lower())}" + (
                      f"{m[3]}{_NUMBER_NAMES.index(m[4].lower())}" if m[4] else "")),
                 (rf"\bthe ({'|'.join(ORDINALS)}) and ({'|'.join(ORDINALS)}) epochs\b",  # "in the fourth and fifth epochs"
                  lambda m: f"epochs {ORDINALS.index(m[1].lower()) + 1} and {ORDINALS.index(m[2].lower()) + 1}"),
                 (r"\(n\s*=\s*(\d+)\)", r"(\1 seeds)"), (r"\bn\s*=\s*(\d+)\s+(seeds|runs)\b", r"\1 \2"),  # "(n = 3)"
                 # "Model_2's final acc is beaten by 0.69 pts": this step's beats it
                 (r"\b(model[ _-]?\d+|step \d+)'s\s+((?:final|best)\s+)?(?:test\s+)?acc(?:uracy)?\s+(?:is|was|gets|got)\s+"
                  r"beaten\s+by\b", r"the \2accuracy beats \1's by"), (r"\beps\s+(?=\d+\s*(?:to|-|–|and)\s*\d)", "epochs "),
                 (r"\b(last|first)(\d+)\b", r"\1 \2"),  # "min last3"
                 (r"\bnorth of\b", "above"), (r"\bsouth of\b", "below"),  # "north of 98": above it
                 (r"\b(?:the\s+)?(least|most) accurately (?:classified|recogni[sz]ed|predicted)\b",
                  lambda m: "the worst" if m[1].lower() == "least" else "the best"),
                 (r"\bdropout (?:at|with) a (?:rate|probability) of\b", "dropout of"),
                 (r"\bzero (?=(?:over|under)-?fit)", "no "),  # "zero overfitting"
                 (r"\b(?:all|every one) of the (\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                  r"fourteen|fifteen) epochs\b", r"every epoch (all \1 epochs)"),  # "in every one of the eight epochs"
                 # "training accuracy exceeded test accuracy in every epoch": above it
                 (r"\b(train\w*|test)((?: accuracy)?) (?:exceeded|exceeds|surpassed|surpasses) (?:the )?(test|train\w*)\b"
                  r"(?!(?: accuracy)? by\b)", r"\1\2 was above \3"),
                 # "Digit 0 recorded 93 misclassifications", "misclassified 12 times": its errors
                 (r"\b(\d+) misclassifications\b", r"\1 errors"), (r"\bof (all|the|all the) misses\b", r"of \1 errors"),
                 (r"\b(?:were |was )?(each )?misclassified (\d+) times\b",
                  lambda m: f"had {m[2]} errors{' each' if m[1] else ''}"),
                 (r"\b(?:recorded|accounted for)\s+(?=\d+ errors\b)", "had "),
                 # "the 98 % level was exceeded in each of ...": test accuracy above it
                 (r"\bthe (\d{2}(?:\.\d+)?)\s*% (?:level|mark|line|threshold) was (?:exceeded|surpassed|crossed|passed)\b",
                  r"test accuracy was above \1 %"),

                 # "the three last-three-epoch minima": the seeds' minima; "the lowest last-three-epoch minimum"
                 (r"\b(?:last|final)-\w+-epoch (minima|minimums)\b", r"\1"),
                 (r"\b(?:last|final)-(\w+)-epoch minimum\b", r"minimum of the last \1"),
                 # "the best test accuracy, 97.98 %, was reached at epoch 5", "the lowest ... (92.36 %) occurred at epoch 4"
                 (r"((?:,|\()\s*\d+(?:\.\d+)?\s*%\s*(?:,|\)))\s*(?:(?:was|is)\s+)?(?:reached|achieved|attained|recorded|obtained|"
                  r"seen|occurred)\s+(?=(?:at|in|after) epoch \d)", r"\1 "),  # a figure set apart: its role's epoch
                 (r"\b(\d+) out of (\d+)\b(?!,\d)", r"\1 of \2"),  # "7 out of 12 channels"
                 # "mostly confused with 9 (101 images)", "76 nines taken for 4s": a confusion, said as the readers read one
                 (r"\b(?:mostly |often |usually )?confused with (\d)\s*\((\d+)(?:\s+(?:images|times|samples))?\)",
                  r"mostly read as \1 (\2)"),
                 # "digits 7 and 9 are the worst with 36 each": the worst two, each with its errors
                 (r"\bdigits (\d) and (\d) are the (worst|best|weakest|strongest)(?: ones| two)?\s*,?\s+with (\d+) each\b",
                  r"the \3 digits are \1 and \2, with \4 errors each"),
                 (r"\bdigits (\d) and (\d) are the (worst|best|weakest|strongest)\b", r"the \3 digits are \1 and \2"),
                 # "2 -> 3 (330 images)", "4 -> 9 is the top confusion (18 images)": a confusion with its count
                 (r"(?<![\d.])(\d)\s*(?:->|→)\s*(\d)\b(\s+is the (?:top|biggest|most common|main) confusion)?\s*\((\d+)\s+"
                  r"(?:images|times|samples)\)", lambda m: f"{m[4]} {_PLURALS[int(m[1])]} were read as {m[2]}"),
                 # "a 7 is taken for a 2 (12 times), resp. a 4 for a 9 (11 times)": each confusion with its count
                 (r"\ban? (\d) (?:is|was|gets|got|is often|was often) (?:taken|mistaken|read|misread|predicted|classified) "
                  r"(?:for|as) an? (\d) \((\d+) times\)", lambda m: f"{m[3]} {_PLURALS[int(m[1])]} were read as {m[2]}"),
                 (r"(?<=were read as \d),?\s+(?:resp\.|respectively|and)\s+an? (\d) (?:for|as) an? (\d) \((\d+) times\)",
                  lambda m: f", and {m[3]} {_PLURALS[int(m[1])]} were read as {m[2]}"),
                 (rf"\b(\d+) ({_PLURAL}) (?:also )?"
                  r"(?:(?:taken|mistaken|read|misread|predicted|classified) (?:for|as)|(?:called|labell?ed)(?: as)?) "
                  r"(?:an? |the )?(\d)(?:'?s)?\b", r"\1 \2 were read as \3"),
                 # "in the 98.6–98.9 range", "coming around 7–12%": between the two (an en dash joins figures, not epochs)
                 (r"(?:\b(?:in|within)\s+(?:the\s+)?(?:range\s+)?|\b(?:around|about|roughly)\s+|~\s*)?(?<![\w.])"
                  r"(?<!ep )(?<!epoch )(?<!epochs )(?<!seeds )(?<!steps )(?<!models )"
                  r"(\d{1,3}(?:\.\d+)?)\s*(%?)\s*[–—]\s*(\d{1,3}(?:\.\d+)?)\s*(%?)(?:\s*range\b)?",
                  lambda m: f"between {m[1]}{m[2] or m[4]} and {m[3]}{m[4]}" if "." in m[1] + m[3] or m[4] else m[0]),
                 (r"\bepochs?\s*(\d+)\s*(?:≤|<=|<)\s*(\d+)\b", r"\1 epochs, within the limit of \2 epochs"),
                 (r"\ba hair (above|over|under|below)\b", r"just \1"),
                 # "in epoch 6 (98.40 to 98.49)": the move into that epoch (a bracket alone may be a range)
                 (r"(\b(?:in|at|by|after) epoch \d+\s*)\((\d{2}\.\d+)\s*(%?)\s+to\s+(\d{2}\.\d+\s*%?)\)", r"\1(\2\3 → \4)"),
                 # "seed 0: 97.51 / 92.36 % [final / min of the last 3]": each figure in its role (`_roles_said`)
                 (r"^(\W*[^:\[]+):\s*((?:\d[\d.,]*\s*%?\s*/\s*)+\d[\d.,]*\s*%?)\s*\[([^\]]+)\]\s*$",
                  lambda m: f"{m[1]}: " + ", ".join(f"{role.strip()} {fig.strip()}" for role, fig in
                                                    zip(m[3].split("/"), m[2].split("/"), strict=False))),
                 # "in the 1st, 3rd and 4th epochs", "and train in the 2nd and 5th": epochs by their numbers
                 (r"\bthe ((?:\d+(?:st|nd|rd|th)\s*,\s*)*\d+(?:st|nd|rd|th),?\s+and\s+\d+(?:st|nd|rd|th))(?:\s+epochs\b)?",
                  lambda m: "epochs " + re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", m[1])),
                 # "train only overtakes it in epoch 4": the other curve
                 (r"\b(train|test)(\s+(?:only\s+|finally\s+|then\s+)?(?:overtakes?|overtook|passes|passed|beats?|"
                  r"catch(?:es)? up with|caught up with|pulls? ahead of|pulled ahead of))\s+it\b",
                  lambda m: f"{m[1]}{m[2]} {'test' if m[1].lower() == 'train' else 'train'}"),
                 # "params 14,410 → 6,410 over the 8k budget": the arrow says what the count means, not a new count
                 (r"(\d[\d,]*)\s*(?:→|->)\s*(\d[\d,]*\s+(?:over|above|under|below)\s+the\s+\S+\s+(?:budget|limit|cap)\b)",
                  r"\1, \2"),
                 # "just shy of 98.5", "not quite 98.5": under it, by a little
                 (r"\b(?:(?:just|a (?:shade|hair|touch|bit)|a little|slightly)\s+)?shy of\b|"
                  r"\bnot quite(?=\s+(?:at\s+)?\d)", "just under"),
                 (r"\bas early as (?:the )?epoch (\d+)\b", r"at epoch \1"),
                 # "falls at the end from 96.47 % in epoch 3 to 93.48 % in epoch 5": the epochs said are the move's
                 (r"\b(?:at|towards?|near) the end,?\s+(?=from\s+\d[\d.]*\s*%?\s+(?:in|at)\s+epoch\s+\d+\s+to\b)", ""),
                 (r"\b(over-?fitting|overfitting|under-?fitting|underfitting)\s+is\s+(?:no|not an?|not really an?)\s+(?:problem|"
                  r"issue|concern)\b", r"there is no \1"),  # "Over-fitting is no problem here": none
                 (r"(?<!robust )(?<!resistant )(?<!immune )(?<!safe )(?<!protected )\b(?:against|to fight|to combat|to counter)"
                  r"\s+(?:the\s+)?(?:over-?fitting|overfitting)\b",
                  "as a regulariser"),  # "rotation and shifts against the over-fitting": a purpose, neither a state nor an effect
                 # "Averaged over the seeds, the lowest of the last three is 96.74": the seeds' mean
                 (r"\b(?:averaged|on average) (?:over|across) (?:the |all )?(?:\w+ )?seeds,?\s+the (lowest|min\w*|final)\b",
                  r"the seeds' mean \1"),
                 # "digit 8 = 144 of 308 errors (47 %)": its errors and their share of all
                 (r"\b(\d+) of (?:the |all )?(\d[\d,]*) (?:test )?errors\s*\(\s*(\d+(?:\.\d+)?)\s*%\s*\)",
                  r"\1 errors, \3 % of all \2 errors"),
                 # "gap to target at the final epoch: 99.4 - 96.14 = 3.26 pp": the figure's distance to the line
                 (r"\b(?:gap|distance) to (?:the )?(?:target|line)\b([^:;]{0,30}):\s*\d+(?:\.\d+)?\s*[-−]\s*(\d{2}\.\d+)\s*=\s*"
                  r"(\d+(?:\.\d+)?)\s*(?:pp|points?)?", r"test accuracy\1 is \2 %, \3 points short of the target"),
                 # a printed table's rows, as students point at them: "row 6 (epoch 7)", "in the last row", "the last
                 # three rows"; a row by its index alone is no epoch (pandas counts from 0), so the figures say which
                 (r"\b(?:row|line) \d+ \((epoch \d+)\)", r"\1"), (r"\bthe (last|final|first) (?:row|line)\b", r"the \1 epoch"),
                 (r"\bthe (last|final|first) (\d+|two|three|four|five) (?:rows|lines)\b", r"the \1 \2 epochs"),
                 (r"\b(?:rows?|lines?) \d+(?:\s*[-–]\s*\d+)?\b(?!\s*\()", "a row"),
                 # "gap 0.80 -> 0.33": the gap's move
                 (r"\bgap\s*:?\s*([+\-−]?\d*\.\d+)\s*(?:->|→)\s*([+\-−]?\d*\.\d+)", r"gap went from \1 to \2"),
                 # "vs Model_1: final +0.60 (98.81 → 99.41)": the signed difference against that step
                 (r"^(\W*)(?:vs\.?|versus|against|compared (?:to|with))\s+((?:model|step)[ _-]?\d+)\s*:\s*([^(;:]*?[+\-−]\s?\d+"
                  r"(?:\.\d+)?(?:\s*(?:points?|pts?|pp))?)", r"\1\3 vs \2"),
                 # "the accuracy falls in epoch 2 to 92.09 %": to that figure at that epoch
                 (r"\b(falls?|fell|drops?|dropped|rises?|rose|climbs?|climbed|jumps?|jumped)\s+(?:in|at)\s+epoch\s+(\d+)\s+to\s+"
                  r"(\d{2}(?:\.\d+)?\s*%?)", r"\1 to \3 at epoch \2"),
                 (r"\b(last|first|final)-(two|three|four|five)\b", r"\1 \2"),  # "the last-three gap"
                 (r"\bmore (high|low)\b", r"\1er"),  # "test acc more high than train": a non-native comparative
                 (r"\b(\d) itself (has|had|is|was)\b", r"digit \1 \2"),  # "although 4 itself has the best accuracy"
                 (r"((?:^|[:;(])\s*)(?:epoch|ep)\s*(\d+)\s*(?:->|→)\s*(?=\d)", r"\1at epoch \2: "),  # "Take-off: ep 5 → 38.49 %"
                 (r"\bbottom(?:ed|s)? out at\b", "was lowest at"),  # "`test_loss` bottomed out at 0.1279 in epoch 4"
                 # "Seeds → 0 of 3 PASS": the seeds' count said as a sentence
                 (r"^(\W*)seeds\s*:\s*(\d+) of (\d+)(?: seeds)? (pass(?:ed)?|held|fail(?:ed)?)\b", r"\1\2 of \3 seeds \4"),
                 # "0 is perfect: all 980 zeros right": no errors among its test images
                 (rf"\ball (\d[\d,]*) ({_PLURAL}) (?:are |were )?"
                  r"(?:right|correct)\b", _all_right),
                 (r"\b(seed\s+\d+)\s*(?:->|→)\s*(?=~?\s*\d{2}(?:\.\d|\s*%))", r"\1: "),  # "seed 1 -> 89.65 %": seed 1's
                 (r"\bte\b", "test"), (r"\btr\b", "train"), (r"\bevery ep\b", "every epoch"), (r"\babove of\b", "above"),
                 (r"\bcompare (to|with)\b", r"compared \1"),
                 (r"\bep(\d+)\b", r"epoch \1"), (r"\bep\.(\d+)\b", r"epoch \1"), (r"\bimgs\b", "images"),
                 (r"%-?points?\b", " points"),
                 (r"\bm(\d)\b(?!\s*(?:mac|chip|pro|max|ultra|gpu)\b)", r"model \1"),  # "vs M1", not an "M1 Mac"
                 (r"\b(under|over) fitt(ing|ed)\b", r"\1-fitt\2"),
                 (r"\b(is|was|are|were) getting\b(?!\s+(?:worse|better))", r"\1"),
                 (r"\b(params|parameters|rf|epochs|images|batch size|lr)\s*\|\s*(?=[~\d])", r"\1: "),
                 # "the hardest digit this time was 9", "hardest digit = 7": that digit named after its rank
                 (r"\b(worst|hardest|weakest|best|easiest|strongest) (digit|class)(?: this time| here| now)?\s*(?:was|is|:|=)\s*"
                  r"(\d)\b(?!\s*%|\.\d)", r"\1 \2 \3"),
                 (r"\bfor (?:the )?(?:whole|entire) (\d+) epochs?\b", r"for all \1 epochs"),
                 (r"\b(is|was|are|were)\s+coming\b(?!\s+(?:down|up|back|to|from|close|near|in)\b)", r"\1"),  # "is coming 97.73"
                 (r"(?<=\s)<(?=\s*\d)", "under"), (r"(?<=\s)>(?=\s*\d)", "over"),
                 (r"\bepoch,?\s+(?:number|no\.?|#)\s*(\d+)", r"epoch \1"),
                 (r"\bval\b(?!\s*(?:split|set|images|samples|loss|data))", "test"), (r"\bbs\b", "batch size"),
                 (r"\b(cut|drop|decay|reduc\w*|lowered|halved)\b([^.;,]{0,25}?)\bafter (\d+) epochs\b", r"\1\2after epoch \3"),
                 (r"\bafter (\d+) epochs\b", r"at epoch \1"),
                 (r"\bafter (?:1|one) epoch\b", "at epoch 1"), (r"\btest\s+acc\b", "test accuracy"),
                 (r"\btrain(?:ing)?\s+acc\b", "train accuracy"), (r"\bacc\b", "accuracy"), (r"\bpts\b", "points"),
                 (r"\btarget\s*[−-]\s*(\d+(?:\.\d+)?)\s*(?:points|pp)\b", r"\1 points short of the target"),  # "target − 1.42 pp"
                 (r"\btarget\s*\+\s*(\d+(?:\.\d+)?)\s*(?:points|pp)\b", r"\1 points above the target"),
                 (r"\b(?:beats|beat|clears|cleared|tops|topped) the (?:target|line|bar) by (\d+(?:\.\d+)?)\b",
                  r"ends \1 points above the target"),
                 (r"\b(?:go|goes|went|are|were) wrong (\d+) times\b", r"have \1 errors"),  # "Eights still go wrong 144 times"
                 # "seed 2 vs. seed 0: final 98.34 vs. 97.51": each seed its figure
                 (r"\bseed (\d+) vs\.? seed (\d+):\s*(final|best|min of the last \d+|lowest)\s+(\d{2}\.\d+)\s*%?\s*vs\.?\s*"
                  r"(\d{2}\.\d+)\s*%?", r"seed \1 \3 \4 % vs. seed \2 \3 \5 %"),
                 # "Look at epoch 5 on seed 0: test ...", "[M1] ep 4: train ahead by 0.70": of that epoch
                 (r"\b(?:look at|notice|see|check|consider|take)\s+(epoch \d+(?:\s+on seed \d+)?)\s*:\s*(?=[a-z])", r"at \1, "),
                 (r"^(\W*(?:\[[^\]]*\]\s*)?)(?:ep|epoch)\s*(\d+)\s*:\s*(?=(?:train|test)\w*\s+(?:accuracy\s+)?(?:ahead|behind|"
                  r"above|"
                  r"below|leads?|trails?)\b)", r"\1at epoch \2, "),
                 (r"≥|>=|=>", " at least "), (r"≤|<=|=<", " at most "), (r"≈", " about "),
                 (r"\bparam(?:eter)? (?:count|usage|budget used)\b", "parameters"),
                 (r"\brot\b\.?", "rotation"), (r"\berrs?\b", "errors"),
                 (r"\b(from|since|after) the (\d+)(?:st|nd|rd|th)\b(?=\s+(?:on|onwards?)\b)", r"\1 epoch \2"),  # the 6th on
                 (r"\b(?:first[- ]epoch|epoch-1)\b(?=\s+(?:test|train|val|acc))", "epoch 1"),  # "First-epoch test acc"
                 # "best test on the shown seed": the step's own run, as every figure with no seed named
                 (r"\s*\b(?:on|of|for|from) the (?:shown|displayed|plotted|main) (?:seed|run)\b|"
                  r"\s*\bthe (?:seed|run) shown\b", ""))
_NOT_ACC = r"(?!\d|\.\d|\s*(?:%|points?|pts?\b|pp\b|px|epochs?|[kK]\b|params|parameters|errors?|images|x\b|seeds?|" \
           r"mistakes|misclassified|wrong|of the))"
_BARE = re.compile(rf"(?<![\w.,/:+\-−])(?<!by )(?<!about )(?<!within )(?<!up )(?<!down )(?<!much as )(?<!little as )"
                   rf"(100|\d{{2}}\.\d{{1,2}}|[1-9]\.\d{{1,2}})"
                   rf"{_NOT_ACC}(?!\s*(?:above|below|ahead|behind|lower|higher|more|less|over|under|better|worse|short)\b)")

# "stayed above 96.5 over the last 3 epochs", "seed 2, at 89.65 over the last 3": a level (a bare figure before "over"
# is read as a lead, "0.6 over train", so the span's "over" is read here)
_LEVEL_OVER = re.compile(r"\b(above|below|under|over|at)\s+(\d{2}\.\d+)(?=\s+over\s+(?:the\s+)?(?:last|first|final|all|every)\b)")
_BARE_WHOLE = re.compile(rf"\b(above|below|under|over|least|most|reached|reaches|reaching|reach|crossed|crossing|hit|hits|"
                         rf"hitting|than|passed|topped|at or above|stays at)\s+(\d{{2}})"
                         rf"{_NOT_ACC}", re.I)


# "Does it over-fit? No, the gap is only 0.3": the answer said as a claim ("it is not over-fit; the gap ...")
_QUESTION = re.compile(r"(?i)\b(?:does|did|is|was|are|do|has|have)\s+(it|the model|this model|the network|this step|"
                       r"model[ _-]?\d|step \d)\s+([^?.!]{1,50})\?\s*(no|not really|nope|not at all|yes|yeah|yep)\b[,.:;!]?\s*")


_ANSWER_NO = r"(?:no|not at all|not really|nope|never)"
_ANSWER = rf"(?P<no>{_ANSWER_NO})|(?P<yes>yes|yeah|yep|much|very much|definitely|clearly|absolutely)"
_PREDICATE = r"stable|consistent|above|below|over|under|ahead|behind|higher|lower|better|worse|still rising|rising|" \
    r"over-?fitting|under-?fitting|reached|met|crossed|cleared|passed|hit"


def _answered(text: str) -> str:
    """A question and its answer said as the claim they make together: "How many seeds ended above 95%? 2 of the 3."
    (2 of the 3 seeds ended above 95 %), "Which seed ends lowest? Seed 0" (seed 0 ends lowest), "Did seed 0 ever drop
    below 99.5%? No." (it never did), "Is the accuracy stable in the last 3 epochs? Not at all." (it is not), "How fast
    did it get to 95%? Within 2 epochs." (it reached 95 % within 2 epochs)."""
    text = re.sub(r"(?i)\bhow many (?:of the (\d+) )?seeds?\s+([^?]{1,80})\?\s*(none|all|(?:\d+|one|two|three|four|five|six)"
                  r"(?:\s+of\s+(?:the\s+)?(?:\d+|three|six))?)\b\.?",
                  lambda m: f"{'none of the' if m[3].lower() == 'none' else 'all of the' if m[3].lower() == 'all' else m[3]}"
                  f"{'' if ' of ' in m[3] or m[3].lower() in ('none', 'all') else ' of the'}"
                  f"{' ' + m[1] if m[1] and ' of ' not in m[3] else ''} seeds {m[2]}", text)
    text = re.sub(r"(?i)\bwhich seed\s+([^?]{1,60})\?\s*(seed \d+)\b", r"\2 \1", text)
    text = re.sub(r"(?i)\bhow (?:fast|quickly|soon) did ([\w ]{1,30}?) (?:get to|reach|hit|cross|pass) ([^?]{1,20})\?\s*"
                  r"(within|in|by|after|at) ", r"\1 reached \2 \3 ", text)
    text = re.sub(rf"(?i)\b(?:did|does|has|have)\s+([^?]{{1,40}}?)\s+ever\s+([^?]{{1,80}})\?\s*{_ANSWER_NO}\b[.!,;]*",
                  r"\1 never \2", text)  # "Did seed 0 ever drop below 99.5% from epoch 9 on? No."
    # "Is the start better than Model_2's? Much: 99.07 after epoch 1 against 97.51": the second figure that step's
    text = re.sub(rf"(?i)\b(than\s+((?:model|step)[ _-]?\d+)(?:'s)?\?\s*(?:{_ANSWER})\b[.!,;:]*\s*\d{{2}}\.\d+\s*%?[^;?]*?\s+"
                  rf"against\s+\d{{2}}\.\d+\s*%?)(?!\s*(?:for|in|of)\b)", r"\1 for \2", text)
    # "Over-fitting now? No: test is above train": the fit said, as the answer says it
    text = re.sub(rf"(?i)^(\W*)(over-?fitting|under-?fitting|overfitting|underfitting)(\s+(?:now|here|at all|in this step|"
                  rf"anymore|yet))?\?\s*(?:{_ANSWER})\b[.!,;:]*", lambda m: f"{m[1]}{'no ' if m['no'] else ''}{m[2]}"
                  f"{m[3] or ''};", text)
    # "Why is 8 the worst digit now? It has 47 errors": the digit the question names, and "it" that digit
    text = re.sub(r"(?i)^(\W*)why\s+(?:is|was)\s+(?:digit\s+)?(\d)\s+(the\s+(?:worst|best|weakest|strongest)\s+(?:digit|class)"
                  r"(?:\s+now)?)\?\s*it\b", r"\1digit \2 is \3; digit \2", text)
    # "Why is seed 0 worse than Model_2? It ends 3.85 points lower": the question says what it asks the reason for
    text = re.sub(rf"(?i)^(\W*)why\s+(is|was|are|were)\s+([^?]{{1,40}}?)\s+({_PREDICATE})\b([^?]{{0,60}})\?\s*",
                  lambda m: f"{m[1]}{m[3]} {m[2].lower()} {m[4]}{m[5]}; ", text)
    # "Is train ahead of test? From epoch 2 on, yes": so from then on
    text = re.sub(rf"(?i)\b(is|was|are|were)\s+([^?]{{1,40}}?)\s+({_PREDICATE})\b([^?]{{0,60}})\?\s*((?:from|after|since) "
                  rf"epoch \d+"
                  r"(?: on(?:wards)?)?),?\s*(?:yes|yeah|yep)\b[.!,;:]*",
                  lambda m: f"{m[2]} {m[1].lower()} {m[3]}{m[4]} {m[5]},", text)
    return re.sub(rf"(?i)\b(is|was|are|were)\s+([^?]{{1,40}}?)\s+({_PREDICATE})\b([^?]{{0,60}})\?\s*(?:{_ANSWER})\b[.!,;:]*",
                  lambda m: f"{m[2]} {m[1].lower()} {'not ' if m['no'] else ''}{m[3]}{m[4]},", text)


# two figures set against each other: "99.53 vs 99.29", "98.03 / 97.98"
VERSUS = r"(?:vs\.?|versus|/)"


def _percent_pairs(text: str) -> str:
    """"99.53 % vs 99.29", "Train 98.03 % / Test 97.98", "96.92 % → 92.36", "from 96.51 to 98.40 %": a pair of which one
    is a percentage is two of them."""
    pair = rf"(\s*(?:{VERSUS}|→|->)\s*(?:test|train|val\w*)?\s*|\s+to\s+)"  # "96.92 % → 92.36", "from 96.51 to 98.40 %"
    text = re.sub(rf"(?i)\b(\d{{2}}\.\d+)\s*%{pair}(\d{{2}}\.\d+)\b(?!\s*%|\.\d)", r"\1 %\2\3 %", text)
    return re.sub(rf"(?i)\b(\d{{2}}\.\d+)(?!\s*%|\d){pair}(\d{{2}}\.\d+)\s*%", r"\1 %\2\3 %", text)


_COUNTED = rf"\d+|{'|'.join(WORDS)}|all|both|the|of the"


def _said_in_order(text: str) -> str:
    """A span after a named move, a pair of seeds' figures and a list of seeds said in the order the readers read: "after
    the dip ... in epoch 2, the test accuracy rose" (from epoch 2), "seed 1 ... than seed 0, 97.15 % against 93.48 %"
    (each its seed's), "(seeds 0-5)" (a slashed list)."""
    # "After the dip to 92.09 % in epoch 2 the test accuracy rose every epoch": the dip, then the span after it
    text = re.sub(r"(?i)\bafter (the|a|its) (dip|drop|fall|slump|jump|spike|peak|low|high)\b([^,;]*?)\b(?:in|at) epoch (\d+),?\s+"
                  r"(?=(?:the\s+)?(?:test|train|val|it)\b)", lambda m: f"{m[1]} {m[2]}{m[3].rstrip()} in epoch {m[4]}; after "
                  f"epoch {m[4]}, ", text)
    # "Seed 1 finished better than seed 0, 97.15 % against 93.48 %": the pair of figures in the seeds' order
    text = re.sub(r"(?i)\b(seed (\d+)\b[^,;]*?\bthan seed (\d+)),?\s+(\d{2}\.\d+\s*%?)\s+(against|vs\.?|versus|to)\s+"
                  r"(\d{2}\.\d+\s*%?)(?![\d(])", lambda m: f"{m[1]}, {m[4].strip()} (seed {m[2]}) {m[5]} {m[6].strip()} "
                  f"(seed {m[3]})", text)
    # "(seeds 0-5)", "(seeds 0, 1, 2 and 3)": every seed named, in order, as a slashed list says them
    text = re.sub(r"(?i)\(\s*seeds\s+(\d+)\s*(?:-|–|to)\s*(\d+)\s*\)", lambda m: "(seeds " + "/".join(
        map(str, range(int(m[1]), int(m[2]) + 1))) + ")" if int(m[1]) < int(m[2]) <= int(m[1]) + 20 else m[0], text)
    text = re.sub(r"(?i)(?<=/\s\d{2}\.\d\d\s)\(\s*seeds\s+(\d+(?:\s*,\s*\d+)+,?\s*(?:and|&)\s*\d+)\s*\)",
                  lambda m: "(seeds " + "/".join(re.findall(r"\d+", m[1])) + ")", text)
    return text


def _counts_named(text: str) -> str:
    """Counts said the way the readers read them: "half of the 6 seeds" (3 of them), "only 1 of 3" in a sentence about
    seeds (of the seeds), "109 sevens and 104 fives were read as 3" (each count read as that digit), "7 had 146 errors
    and 5 had 120" (each digit with its count)."""
    text = re.sub(r"(?i)\bhalf of (?:the |all |its )?(\d+) seeds\b",
                  lambda m: f"{int(m[1]) // 2} of the {m[1]} seeds" if int(m[1]) % 2 == 0 else m[0], text)
    if re.search(r"(?i)\bseeds\b", text):
        text = re.sub(r"(?i)(?<!\()\b(\d+|one|two|three|four|five|six) (?:out )?of (\d+|three|four|five|six)\b"
                      r"(?!\s*(?:seeds?|epochs?|runs|the|them|those|these|its|their|digits?|classes|images|errors|%|\.\d|,\d))",
                      r"\1 of \2 seeds", text)
    plural = _PLURAL
    # "109 sevens and 104 fives were read as 3": each count read as that digit
    text = re.sub(rf"(?i)\b(\d{{1,4}}) ({plural}) and (\d{{1,4}}) ({plural}) (were|are|got) (read|mistaken|taken|predicted|"
                  rf"classified) as (?:an?\s+)?(\d)\b", r"\1 \2 \5 \6 as \7 and \3 \4 \5 \6 as \7", text)
    if re.search(r"(?i)\b(?:errors|mistakes)\b", text):  # "7 had 146 errors and 5 had 120": digits, each with its count
        text = re.sub(r"(?i)(?<![\d.,])\b(\d) had (only |just )?(\d+)\b(?: (errors|mistakes))?",
                      lambda m: f"digit {m[1]} had {m[2] or ''}{m[3]} {m[4] or 'errors'}", text)
    return text


def _synonyms(text: str) -> str:
    """The words students use for an epoch, a seed and the end said as the readers know them: "the 6th pass (over the
    data)" an epoch, "two of the three random restarts" and "the seed-1 run" seeds, "wrapped up at", "closes out at",
    "landed on" ended at, "the end-of-training accuracy" the final one, "the opening 3" the first."""
    text = re.sub(r"(?i)\bpass(es)?\s+over\s+the\s+(?:data|dataset|training (?:set|data)|train set)\b",
                  lambda m: f"epoch{'s' if m[1] else ''}", text)
    text = re.sub(rf"(?i)\b((?:the\s+)?(?:\d+(?:st|nd|rd|th)|{'|'.join(ORDINALS)}|last|final|opening|each|every))\s+pass\b",
                  r"\1 epoch", text)  # "by the 6th pass"; "6 passes" may be seeds that pass
    text = re.sub(rf"(?i)\b((?:first|last|final|opening|all|for|over|in|after|within)\s+(?:\d+|{'|'.join(WORDS)}))\s+passes\b",
                  r"\1 epochs", text)
    text = re.sub(rf"(?i)\b({_COUNTED})\s+(?:random\s+)?(?:runs|restarts|repeats|repetitions)\b", r"\1 seeds", text)
    text = _said_in_order(re.sub(r"(?i)\b(?:the\s+)?seed[- ](\d+)\s+run\b", r"seed \1", text))
    text = _counts_named(text)
    text = re.sub(r"(?i)\b(?:called|labell?ed)\s+(?:as\s+)?(?:an?\s+)?(\d)\b", r"read as \1",
                  text)  # "330 of those are called a 3"
    # "both have 39 errors, second only to 8 with 47": that digit has the most, that many
    text = re.sub(r"(?i),?\s+second only to (\d) with (\d+)(?:\s+(errors|mistakes))?\b",
                  lambda m: f", and digit {m[1]} has the most {m[3] or 'errors'}, {m[2]} {m[3] or 'errors'}", text)
    # "the 92.42 % that Model_2 had in its first epoch", "the 96.92 % of Model_2": that step's figure, said as such
    text = re.sub(r"(?i)\bthe (\d{2}\.\d+\s*%?) (?:that|which) ((?:step|model)[ _-]?\d+) (?:had|got|reached|gave|showed)\b",
                  r"\2's \1", text)
    text = re.sub(r"(?i)\b((?:points? (?:below|above|under|over)|(?:better|worse|higher|lower) than) )the (\d{2}\.\d+\s*%?) of "
                  r"((?:step|model)[ _-]?\d+)\b", r"\1\3's \2", text)  # a comparison's, not a level's ("above the ... of")
    # "the final test averaged 98.02 %" over the seeds: their mean final
    text = re.sub(r"(?i)\bthe final (test )?(?:accuracy |acc )?averaged\b", r"the mean final \1accuracy was", text)
    # "8 and 5 have 68 and 63 errors": each digit its count
    text = re.sub(r"(?i)\b(\d) and (\d) (?:have|had|make|made|with) (\d+) and (\d+) (errors|mistakes)\b",
                  r"digit \1 has \3 \5 and digit \2 has \4 \5", text)
    # "and 0 the strongest with only 3 errors": that digit is; "holds even 94 %": holds 94 %
    text = re.sub(r"(?i)(?<!\bseeds \d )(?<!\bseeds \d, )\band (\d) the (strongest|weakest|best|worst|easiest|hardest)\b",
                  r"and digit \1 is the \2", text)  # not "seeds 1 and 3 the worst"
    text = re.sub(r"(?i)\b(holds?|held|stays?|stayed|reach(?:es|ed)?|gets?|got) even (?=\d)", r"\1 ", text)
    # "Eights are the second problem after the 2s": the second worst
    text = re.sub(r"(?i)\bthe (second|third|2nd|3rd) (?:biggest |largest |main )?(?:problem|trouble|headache)"
                  r"(?: digit| class)?\b", r"the \1 worst", text)
    # "compared to the first model": model 1, as the readers know it
    text = re.sub(r"(?i)\bthe (first|second|third) (model|step|network)\b(?!\s+(?:of|in)\b)",
                  lambda m: f"{'model' if m[2].lower() == 'network' else m[2]} {ORDINALS.index(m[1].lower()) + 1}", text)
    text = re.sub(r"(?i)\b(?:wrap(?:s|ped)? up|clos(?:es|ed) out|land(?:s|ed)|settl(?:es|ed))(?=\s+(?:at|on|above|below|under|"
                  r"over|with|near|almost|just|around|about)\b)", "ended", text)
    text = re.sub(r"(?i)\bclos(?:es|ed)(?=\s+(?:at|on|almost level|level)\b)", "ended", text)
    text = re.sub(r"(?i)\bend[- ]of[- ](?:training|run|the[- ]run)\s+(?=acc)", "final ", text)
    # "test accuracy beat training accuracy": test above train
    text = re.sub(r"(?i)\b(test|train(?:ing)?)((?: set)?(?: accuracy| acc)?) (?:beat|beats|outperformed|outperforms|outdid|"
                  r"topped) (?:the )?(train(?:ing)?|test)\b", r"\1\2 was above \3", text)
    # "..., unlike step 1 where digit 2 was far behind": a clause of that step; "in contrast to eights at 85 %": beside it
    text = re.sub(r"(?i),?\s*\bunlike (?:in )?((?:step|model)[ _-]?\d+),? where\b", r"; \1:", text)
    text = re.sub(r"(?i),?\s*\bin contrast to\b", ", while", text)
    text = re.sub(r"(?i)^(\W*)unlike (seed \d+),\s*", r"\1", text)  # "Unlike seed 0, seeds 1 and 2 improved ...": theirs
    return _levels_said(_ranks_said(_errors_plainly(text)))


def _ranks_said(text: str) -> str:
    """Digits and seeds ranked or compared together, each said on its own: "seeds 1 and 3 the worst", "9 and 3 share
    third-worst place", "(15 errors), worse than in Model_1 (11 errors)", "7 and 9 are the weak spots; only 3 is
    worse"."""
    text = re.sub(r"(?i)\bseeds (\d+) and (\d+) (?:were )?the (best|worst|lowest|highest)\b",
                  r"seed \1 was the \3 and seed \2 the \3", text)
    text = re.sub(r"(?i)(?<!digits )(?<!seeds )\b(\d) and (\d) (share|shared|tie for|tied for)\b", r"digits \1 and \2 \3", text)
    # a count moved from that step's: up where worse, down where better (not "3x worse", a ratio)
    for words, way in (("worse|weaker", "up"), ("better|stronger", "down")):
        text = re.sub(rf"(?i)(?<!\dx )(?<!times )\b(?:{words})(?: than)? in ((?:step|model)[ _-]?\d) \((\d+) (errors|mistakes|"
                      r"wrong)(?: there| then)?\)", rf"{way} from \2 \3 in \1", text)
    if re.search(r"(?i)\b(?:digit|class)\b", text):  # "The worst digit is 9 (96.43 %), a hair below 7 (96.50 %)": digit 7
        text = re.sub(r"(?i)\b(below|above|behind|ahead of|under|over)\s+(\d)\s*(?=\(\s*\d{1,3}(?:\.\d+)?\s*%\s*\))",
                      r"\1 digit \2 ", text)
    return re.sub(r"(?i)(\b(?:weak spots?|weakest|worst|lowest)\b[^.;]*;\s*)only (\d) (?:is|was) (?:worse|weaker|lower)\b",
                  r"\1digit \2 is the worst", text)


def _levels_said(text: str) -> str:
    """A level or a lead said by reference, given its figure and span: "None holds 99.4 %: the best minimum is seed
    2's" (of the last 3), "crossed 99.4 % ... and never dropped back below it" (after that), "..., ending 0.38 points
    ahead" (at the end), "Training accuracy pulled ahead of test ..., finishing at 99.79 %" (train's end), "with no
    epoch ... falling below 98 %", "97.51 %, a level Model_1 only got past at epoch 6"; "the opening 3" the first."""
    text = re.sub(r"(?i)\b(?:the )?opening\b(?=\s+(?:\d|two|three|four|five|epoch))", "the first", text)
    if re.search(r"(?i)\bhold|\bheld\b|\blast \d", text):
        text = re.sub(r"(?i)\bthe (best|highest|lowest|worst) minimum\b(?!\s+(?:of|over|in|across)\b)",
                      r"the \1 min of the last 3", text)
    text = re.sub(r"(?i)\b((?:cross|reach|pass|clear|hit)\w*\s+(\d{2}(?:\.\d+)?\s*%)[^;]*?\bnever\s+)(?:dropped|fell|went|"
                  r"slipped|dipped)(?:\s+back)?\s+below\s+(?:it|that(?: level| mark| line)?)\b"
                  r"(?!\s+(?:after|from|since|again)\b)",
                  r"\1fell below \2 after that", text)
    text = re.sub(r"(?i)^(\W*)(train(?:ing)?|test)((?: accuracy)?\s[^;,]*?),\s+(?:ending|finishing)\s+(\d+(?:\.\d+)?\s*"
                  r"(?:points?|pts?|pp)\s+(?:ahead|behind|above|below))\b", r"\1\2\3; at the end \2 was \4", text)
    text = re.sub(r"(?i)^(\W*)(train(?:ing)?(?: accuracy)?)(\s[^,;]*?\b(?:ahead of|above|over)\s+(?:the\s+)?test\b[^,;]*),\s+"
                  r"(?:finishing|ending|finished|ended)\s+at\b", lambda m: f"{m[1]}{m[2]}{m[3]}, {m[2].lower()} ended at", text)
    # "the last three epochs read ..., so the minimum fell just short of 99.4 %": the budget's minimum
    text = re.sub(r"(?i)\bthe (minimum|lowest)(?=\s+(?:fell|was|stayed|sat|came in|ended)\s+(?:just\s+|only\s+|slightly\s+)?"
                  r"(?:short of|below|under|above|over|at)\s+\d{2}\.\d)", r"the \1 of the last 3", text)
    text = re.sub(r"(?i)\bwith no (epoch|seed)\b([^,;]*?) falling below\b", r"no \1\2 fell below", text)
    return re.sub(r"(?i)(?<![\d.])(\d{2}\.\d+)\s*%?(\s*\([^)]*\))?,\s+a (?:level|mark|figure|score) (?:that |which )?"
                  r"((?:step|model)[ _-]?\d+)\s+(only\s+)?(got past|got to|reached|hit|crossed|passed|cleared)\s+(?=at\b)",
                  r"\1 %\2; \3 \4\5 \1 % ", text)


def _each_its_figure(text: str) -> str:
    """Two quantities said with two figures, each given its own, in order: "Final train / test loss = 0.485 / 0.409",
    "Best train and test accuracy are 98.78% and 98.81%"."""
    text = re.sub(r"(?i)\b((?:final |best |min(?:imum)? |lowest )?)(train\w*|test|val\w*)\s*/\s*(train\w*|test|val\w*)\s+"
                  r"(loss|acc\w*)\s*[:=]?\s*(\d[\d.]*)\s*(%?)\s*/\s*(\d[\d.]*)", r"\1\2 \4 \5\6, \1\3 \4 \7", text)
    # "Seed 1 final / min of last 3 = 98.34 / 96.72 %": each figure in its role
    role = r"(final|best|(?:min(?:imum)?|lowest) of (?:the )?last \d+(?: epochs)?)"
    text = re.sub(rf"(?i)\b((?:seed \d+ )?){role}\s*/\s*{role}\s*[:=]\s*(\d{{2}}(?:\.\d+)?)\s*%?\s*/\s*(\d{{2}}(?:\.\d+)?)\s*%?",
                  r"\1\2 \4 %, \1\3 \5 %", text)
    text = re.sub(r"(?i)\b((?:final |best |min(?:imum)? |lowest )?)(train\w*|test)\s+and\s+(train\w*|test)\s+(loss|acc\w*)(?:es)?"
                  r"\s+(?:are|were|:|=)\s*(\d[\d.]*)\s*(%?)\s+and\s+(\d[\d.]*)\s*(%?)",
                  lambda m: f"{m[1]}{m[2]} {m[4]} {m[5]}{m[6] or ('%' if m[8] else '')}, {m[1]}{m[3]} {m[4]} {m[7]}{m[8]}",
                  text)
    # "Seeds (final / min of last 3): seed 0 93.48 / 93.48 seed 1 97.15 / 83.37 ...": each seed's pair in the head's roles
    pair = r"seed (\d+)\s+(\d{2}(?:\.\d+)?)\s*%?\s*/\s*(\d{2}(?:\.\d+)?)\s*%?"
    return re.sub(rf"(?i)\bseeds?\s*\(\s*{role}\s*/\s*{role}\s*\)\s*:\s*((?:{pair}[,;]?\s*)+)", lambda m: "; ".join(
        f"seed {k} {m[1]} {a} %, seed {k} {m[2]} {b} %" for k, a, b in re.findall(pair, m[3], flags=re.I)) + "; ", text)


def _same_and_more(text: str) -> str:
    """"The parameters are the same as in step 2 (7,568), which is 68 more than Model_1's": two comparisons, one a
    step, each its own clause with the count as its subject."""
    if not re.search(r"(?i)\bparam(?:eter)?s?\b", text):
        return text
    return re.sub(r"(?i)\b(the same as (?:in )?(?:step|model)[ _-]?\d+(?:'s)?(?:\s*\(\s*[\d,]+\s*\))?)"
                  r"(?:,\s*which is|,?\s+and)\s+(?=[\d,]+\s+(?:more|fewer|less)\s+than\b)", r"\1; the parameters are ", text)


_EPOCH_ADDED = re.compile(r"(?i)\bepoch (\d+) (added|gained|brought|gave)\b(?P<mid>[^:;,\d]*?)[:,]\s*(?P<a>\d{2}\.\d+\s*%?)\s*"
                          r"(?:to|→|->)\s*(?P<b>\d{2}\.\d+\s*%?)")


def _epoch_added(text: str) -> str:
    """"Epoch 4 added little: 95.99 % to 96.14 %": the move from the epoch before to that one, of the curve the sentence
    names (test where it names no other)."""
    curve = "train accuracy" if _only_train(text.lower()) else "test accuracy"
    return _EPOCH_ADDED.sub(lambda m: f"from epoch {int(m[1]) - 1} to epoch {m[1]} {curve} {m[2]}{m['mid']}, {m['a']} to "
                                      f"{m['b']}" if int(m[1]) > 1 else m[0], text)


_SPAN_ENDS = re.compile(r"(?i)\b(?:from epoch (?P<a>\d+) to (?:epoch )?(?P<b>\d+)|"
                        r"between epoch (?P<a2>\d+) and (?:epoch )?(?P<b2>\d+))\b(?P<mid>[^.;:\d%]*?),?\s+"
                        r"(?P<x>\d{2}\.\d+)\s*%?\s*(?:to|→|->)\s*(?P<y>\d{2}\.\d+)(?:\s*%)?"
                        r"(?=\s*(?:[,;]|\.(?!\d)|$))")  # the pair ends its clause


def _span_ends(text: str) -> str:
    """"From epoch 3 to epoch 4 the test accuracy barely moved, 95.75 % to 95.94 %": each figure at its end of the span."""
    return _SPAN_ENDS.sub(lambda m: f"{m['mid'].strip().rstrip(',')}{',' if not m['mid'].rstrip().endswith('from') else ''} "
                                    f"{m['x']} % at epoch {m['a'] or m['a2']} to {m['y']} % at epoch {m['b'] or m['b2']}", text)


_LEAD_THEN_NOW = re.compile(r"(?i)\b(?P<who>train|test)(?P<acc>(?:ing)?(?: accuracy)?) (?P<was>was|stood|sat) "
                            r"(?P<then>(?:about |~)?\d*\.?\d+ (?:points?|pts?|pp) (?:ahead of|behind|above|below) (?:the )?"
                            r"(?:test|train)(?:ing)?(?: accuracy)?) in (?P<step>(?:step|model)[ _-]?\d+),? and (?:it )?"
                            r"(?:is|sits|stands)(?: at)? (?P<now>(?:about |~)?\d*\.?\d+ (?:points?|pts?|pp)) "
                            r"(?P<dir>ahead|behind|above|below)(?: of (?:the )?(?:test|train)(?:ing)?(?: accuracy)?)? "
                            r"(?P<when>now|here)\b")


def _lead_then_now(text: str) -> str:
    """"Train was 0.03 points ahead of test in step 1 and is 0.37 points ahead now": two clauses, that step's lead and
    this one's, each with its curves."""
    def cut(m: re.Match) -> str:
        other = "test" if m["who"].lower().startswith("train") else "train"
        of = " of" if m["dir"].lower() in ("ahead", "behind") else ""
        return (f"{m['who']}{m['acc']} {m['was']} {m['then']} in {m['step']}; {m['who']}{m['acc']} is {m['now']} "
                f"{m['dir']}{of} {other} {m['when']}")
    return _LEAD_THEN_NOW.sub(cut, text)


_RANKED = r"(?P<rank>worst|best|weakest|strongest|hardest|easiest)\s+(?:class|digit)"
# "the worst class is now 7, where step 2's was 8"
_RANK_NOW = re.compile(rf"(?i)\bthe\s+{_RANKED}(?P<verb>\s+is\s+now|\s+is|\s+now\s+is)\s+(?:digit\s+)?(?P<now>\d)\b,?\s+"
                       r"(?:where|while|whereas)\s+(?:in\s+)?(?P<step>(?:step|model)[ _-]?\d+)(?:'s)?(?:\s+(?:one|class|digit))?"
                       r"\s+(?:was|had been)\s+(?:digit\s+)?(?P<then>\d)\b(?!\s*%|\.\d)")
# "the worst class moved from digit 3 in step 2 to digit 9"
_RANK_FROM = re.compile(rf"(?i)\bthe\s+{_RANKED}\s+(?:moved|went|shifted|changed)\s+from\s+(?:digit\s+)?(?P<then>\d)\s+in\s+"
                        r"(?P<step>(?:step|model)[ _-]?\d+)\s+to\s+(?:digit\s+)?(?P<now>\d)\b(?!\s*%|\.\d)")


def _rank_moved(text: str) -> str:
    """"The worst class is now 7, where step 2's was 8", "the worst class moved from digit 3 in step 2 to digit 9": two
    clauses, this step's rank and the other step's, each for the per-class reader."""
    text = _RANK_NOW.sub(lambda m: f"the {m['rank']} class{m['verb']} {m['now']}; {m['step']}'s {m['rank']} class was digit "
                                   f"{m['then']}", text)
    return _RANK_FROM.sub(lambda m: f"{m['step']}'s {m['rank']} class was digit {m['then']}; the {m['rank']} class is now "
                                    f"digit {m['now']}", text)


def _spans_said(text: str) -> str:
    """The epochs a claim is said of, said as the readers read them: "fell to 76.92 % in epoch 2 before climbing every
    epoch" (every epoch from epoch 2 on), "rose in every epoch, from 90.37 % to 98.00 %" (the run's first and last),
    "For 4 epochs the test accuracy stays ..." (the first 4), "83.37 %, 96.46 % and 97.15 % over epochs 3-5" (one
    figure an epoch)."""
    # "fell to 76.92 % in epoch 2 before climbing every epoch": every epoch from that one on
    past = {"climbing": "climbed", "rising": "rose", "improving": "improved", "gaining": "gained", "falling": "fell",
            "dropping": "dropped", "going up": "went up", "going down": "went down", "increasing": "increased"}
    text = re.sub(rf"(?i)\b((?:in|at) epoch (\d+)),?\s+(?:and\s+)?(?:then\s+)?before ({'|'.join(past)}) (?:in |at )?"
                  r"(?:every|each) epoch\b(?! (?:up to|until|till|through|from|after)\b)",
                  lambda m: f"{m[1]}; from epoch {m[2]} on it {past[m[3].lower()]} every epoch", text)
    # "rose in every epoch, from 90.37 % to 98.00 %", "climbs every epoch (90.37 → 98.00)": the run's first and last
    text = re.sub(r"(?i)\b((?:rose|rises|climb(?:ed|s)?|improved|improves|increased|increases|went up|goes up|grew|grows|"
                  r"gain(?:ed|s)?|fell|falls|dropped|drops|decreased|decreases|went down|goes down)\s+(?:in\s+)?(?:every|each)\s+"
                  r"(?:single\s+)?epoch|epoch after epoch)(,?\s+from\s+|\s*\(\s*)(\d{2}\.\d+(?:\s*%)?)\s*(?:to|→|->)\s*"
                  r"(\d{2}\.\d+(?:\s*%)?)"
                  r"(?!\s*(?:at|in|by|after) (?:epoch|the)\b|\d|\s*(?:→|->|to)\s*\d)(\s*\))?",
                  lambda m: m[0] if re.search(r"(?i)\b(?:epochs?|ep)\s*\d|\bpeak",  # a span said before: its own ends
                                              re.split(r"[;.]\s", m.string[:m.start()])[-1])
                  else f"{m[1]}, from {m[3]} at the first epoch to {m[4]} at the last epoch", text)
    # "from epoch 5 on it rises every epoch up to 86.29 %": where the climb ends, the last epoch
    text = re.sub(r"(?i)\b(every|each) epoch,? (?:up )?to (\d{2}\.\d+\s*%?)(?=\s*(?:$|[.;]))", r"\1 epoch, ending at \2", text)
    # "Nothing happens for 4 epochs (test under 12 %)", "stuck near chance for 4 epochs": the run's first 4
    text = re.sub(rf"(?i)\b(happens?|happened|stays?|stayed|sat|sits|remain(?:s|ed)?|stuck|hover(?:s|ed)?|flat|"
                  rf"barely (?:moves?|moved|learns?|learned|learnt))\b([^.;]{{0,20}}?)\bfor (\d+|{'|'.join(WORDS)}) epochs\b"
                  r"(?=[^;]*?\b(?:under|below|above|over|between|within|at most|at least)\s+\d)",  # a level it is said of
                  r"\1\2for the first \3 epochs", text)
    # "58.89 % at the end of epoch 1", "the LR cut at the end of epoch 4": after that epoch (its figure; a cut from the next)
    text = re.sub(r"(?i)\b(at|by|after) the end of (?=(?:epoch \d+|the \w+ epoch)\b)",
                  lambda m: "by " if m[1].lower() == "by" else "after ", text)
    # "For 4 epochs the test accuracy stays around chance": the run's first 4 (a count of epochs trained says "trained")
    text = re.sub(rf"(?i)^(\W*)(for|over|during) (\d+|{'|'.join(WORDS)}) epochs\b(?=,?\s+(?:the\s+)?(?:test|train\w*|val\w*|"
                  r"accuracy|acc|it|loss|the net|the model|network)\b)(?![^.;]*\b(?:trained|ran)\b)",
                  r"\1\2 the first \3 epochs", text)
    # "83.37 %, 96.46 % and 97.15 % over epochs 3-5": the span said before its figures, one for each of its epochs
    text = re.sub(rf"(?i)(?<![\d.])({_FIGURE_LIST})\s+(?:over|in|across|during|for)\s+(?:the\s+)?epochs\s+(\d+)\s*[-–]\s*(\d+)\b",
                  lambda m: f"over epochs {m[2]}-{m[3]} {m[1]}" if len(re.findall(r"\d{2}\.\d+", m[1])) ==
                  int(m[3]) - int(m[2]) + 1 else m[0], text)
    return text


def _in_order(text: str) -> str:
    """Words said in another order than the readers read them: "fell to 91.98 % from step 1's 95.75 %" (from that step's
    figure to this one's), "none of the seeds held 97 % ... except seed 2" (that seed only)."""
    text = re.sub(r"(?i)\b(fell|dropped|rose|climbed|went up|went down|improved|slipped|grew) to (\d{2}\.\d+\s*%?) from "
                  r"((?:step|model)[ _-]?\d+'s) (\d{2}\.\d+\s*%?)", r"\1 from \3 \4 to \2", text)
    text = re.sub(r"(?i)\bnone of (?:the|its|my) (?:\w+ )?seeds ([^,;]*?),?\s+(?:except|but|apart from|other than|save)\s+"
                  r"(?:for\s+)?seed (\d+)\b", r"only seed \2 \1", text)
    # "Even seed 2, the lowest at the end, is less than 1 point below ...": the seed's rank a claim of its own
    text = re.sub(r"(?i)\b(seed \d+),\s+(the (?:lowest|highest|best|worst|weakest|strongest|slowest|fastest)\b[^,;]{0,30}),\s+"
                  r"(?=(?:is|was|ends?|ended|finished|stays?|stayed|sits?|still|only|also)\b)", r"\1 is \2; \1 ", text)
    # "The best is 0.86 points below step 2's, the final 3.85 below": the second figure against the same step
    return re.sub(r"(?i)(\b(?:points?|pp|%)\s+(?:(below|above|under|over)|(higher|lower|better|worse) than)\s+"
                  r"((?:step|model)[ _-]?\d+(?:'s)?))\s*,\s+(?:and\s+)?(the\s+)?(final|best|last|min(?:imum)? of the last \d+)\s+"
                  r"(?:(?:is|was)\s+)?((?:about |almost |nearly |over |under )?\d*\.?\d+)\s*(points?|pp|%)?\s+"
                  r"(below|above|under|over|higher|lower|better|worse)(?=\.?\s*$)",
                  lambda m: f"{m[1]}; {m[5] or 'the '}{m[6]} is {m[7]} {m[8] or 'points'} {m[9]}"
                            f"{' than' if m[9].lower() in ('higher', 'lower', 'better', 'worse') else ''} {m[4]}", text)


def _pair_role(text: str) -> str:
    """A role or an epoch said once for a pair of train and test figures: "Train/Test: 96.21/96.47 (final)", "(last
    epoch)", "(epoch 6)"; "Train acc 99.79 % at the end, test 99.41 %" (the end's too)."""
    def both(m: re.Match) -> str:
        if m[4]:
            return f"train accuracy {m[1]} % at epoch {m[4]}, test accuracy {m[2]} % at epoch {m[4]}"
        role = "final" if m[3].lower() in ("final", "last") else m[3].lower()
        return f"{role} train accuracy {m[1]} %, {role} test accuracy {m[2]} %"
    text = re.sub(r"(?i)\btrain\s*/\s*test\s*:\s*(\d[\d.]*)\s*%?\s*/\s*(\d[\d.]*)\s*%?\s*\(\s*(?:the\s+)?"
                  r"(?:(final|last|best)(?:\s+epoch)?|(?:epoch|ep)\s*(\d+))\s*\)", both, text)
    return re.sub(r"(?i)\b((train|test)\w*(?:\s+acc\w*)?\s+(\d{2}\.\d+\s*%?)\s+"
                  r"(at the end|at the last epoch|in the last epoch)),\s+"
                  r"((?!\2)(?:train|test)\w*(?:\s+acc\w*)?\s+\d{2}\.\d+\s*%?)(?=\s*$|\s*[.;])", r"\1, \5 \4", text)


# "Δ_{final} = 93.48 - 97.33 = -3.85 pp", "the finals span 97.15 - 93.48 = 3.67 pp": a difference worked out, said as
# the move or the span it is (its two figures each their role's, the difference theirs)
_WORKED = re.compile(r"(?i)(?P<head>Δ\s*_?\s*\{?\s*(?P<role>final|best|min(?:imum)?|lowest)?\s*\}?\s*[=:]|\bspans?)\s*"
                     r"(?P<a>\d{2}\.\d+)\s*%?\s*[-−]\s*(?P<b>\d{2}\.\d+)\s*%?\s*=\s*(?P<sign>[+−-]?)\s*(?P<c>\d*\.\d+)\s*"
                     r"(?:pp|points?|pts?|%)?")


def _worked(m: re.Match) -> str:
    if m["head"].lower().startswith("span"):
        return f"span from {m['b']} % to {m['a']} % ({m['c']} points)"
    sign = "-" if m["sign"] in ("-", "−") else "+"
    return f"{(m['role'] or '').lower() + ' ' if m['role'] else ''}went from {m['b']} % to {m['a']} % ({sign}{m['c']} points)"


def _named_pairs(text: str) -> str:
    """Two figures said with their quantities' names after them, each put after its name: "73.05 train / 75.41 test"
    (and a bare "epoch 2: 95.08 / 95.34" after it, in that order), "8,000 vs 14,410 params" (this step's count first),
    "losses of 0.13 on test, 0.11 on train", "test was above train ... and again in the last two (96.91 % and 97.33 %)"
    (test's); a difference worked out (`_WORKED`)."""
    text = _WORKED.sub(_worked, text)
    text = re.sub(r"(?i)\b(?:added|gained|lost)\s+(?:only\s+|just\s+)?(\d*\.\d+)\s*(?:points?|pts?|pp)\s*\(\s*"
                  r"(\d{2}\.\d+)\s*%?\s*(?:→|->)\s*(\d{2}\.\d+)\s*%?\s*\)", lambda m: f"went from {m[2]} % to {m[3]} % "
                  f"({'-' if float(m[3]) < float(m[2]) else '+'}{m[1]} points)",
                  text)  # "added only 0.67 points (98.14 → 98.81)": the move, and the difference said of it
    pair = r"(?i)\b(\d{1,3}(?:\.\d+)?)\s*%?\s+(train|test)\s*/\s*(\d{1,3}(?:\.\d+)?)\s*%?\s+(train|test)\b"
    if named := re.search(pair, text):
        rest = re.sub(pair, r"\2 accuracy \1 % and \4 accuracy \3 %", text[named.start():])
        text = text[:named.start()] + re.sub(r"(?i)(\b(?:epoch|ep\.?)\s*\d+\s*:\s*)(\d{1,3}(?:\.\d+)?)\s*%?\s*/\s*"
                                             r"(\d{1,3}(?:\.\d+)?)(?:\s*%)?(?!\s*[\d/]|\s*(?:train|test))",
                                             rf"\1{named[2]} accuracy \2 % and {named[4]} accuracy \3 %", rest)
    text = re.sub(r"(?i)\b(\d[\d,]*(?:\.\d+)?\s*k?)\s+(vs\.?|versus|against)\s+(\d[\d,]*(?:\.\d+)?\s*k?)\s+(param(?:eter)?s)\b",
                  r"\1 \4 \2 \3", text)  # "8,000 vs 14,410 params": this step's count first
    text = re.sub(r"(?i)\b(param(?:eter)?s|parameter count)\s*:?\s*(\d[\d,]*)\s*(?:→|->)\s*(\d[\d,]*)(?![\d,])(?!\s*(?:→|->|:))",
                  r"\3 \1, from \2", text)  # "params 14,410 → 8,000": this step's the last
    if subject := re.match(r"(?i)\W*(test|train)\w*(?:\s+acc\w*)?\s+(?:was|is|stayed|stays|were)\s+(?:above|below|ahead of|"
                           r"behind|over|under)\s+(?:the\s+)?(?:train|test)", text):  # "Test was above train in the first
        # epoch (82.89 % vs 52.84 %) and again in the last two (96.91 % and 97.33 %)": the subject's figures, again
        text = re.sub(r"(?i)(\bagain\b[^()]*\()\s*(?=\d{2}(?:\.\d+)?\s*%?\s*(?:and|,)\s*\d{2})", rf"\1{subject[1].lower()} ",
                      text)
    text = re.sub(r"(?i)(?<!\bfrom )\b(\d+) (errors|mistakes) to (\d+)\b(?!\s*%|\.\d)", r"from \1 \2 to \3",
                  text)  # "15 errors to 39": from the step before's
    text = re.sub(r"(?i)(\b(?:step|model)[ _-]?(\d+)'s\s+(?:min\w*|lowest|best|final|worst)\b[^()]{0,30}?)"
                  r"\(\s*(\d{2}(?:\.\d+)?\s*%?)\s*\)", r"\1(\3 in step \2)",
                  text)  # "holds step 1's min of the last 3 (95.75%)": step 1's figure
    text = re.sub(r"(?i)\b(rose|fell|dropped|climbed|went up|went down|increased|decreased)\s*\(\s*(\d*\.?\d+)\s*(%?)\s*(?:→|->)"
                  r"\s*(\d*\.?\d+)\s*%?\s*\)", r"\1 from \2\3 to \4\3", text)  # "the test loss rose (0.5683 → 0.7914)"
    if re.search(r"(?i)\berrors\b", text):  # "both have 19 errors (...), against 3 for digit 0": that digit's own count
        text = re.sub(r"(?i)(?:(?<=: )|(?<=, )|(?<=\band )|(?<=\bdigit ))(\d)\s+\(\s*(\d+)\s*(?:→|->)\s*(\d+)(?:\s*errors)?"
                      r"(?![\d.])",
                      r"digit \1 (from \2 to \3 errors", text)  # "5 (23 → 15 errors, ...) and 6 (25 → 24)": each digit's
        text = re.sub(r"(?i),\s*(?:against|vs\.?|compared with)\s+(\d+)(?:\s+errors|\s+mistakes)?\s+for\s+(?:digit\s+|the\s+)?"
                      r"(\d)s?\b(?![^,;.]*\b(?:step|model)\b)", r"; digit \2 has \1 errors", text)  # not another step's
    text = re.sub(r"(?i)\b(train|test)\s*[−-]\s*(test|train)\s*(?:=|is|was)\s*(\d*\.?\d+)(?!\s*%)",
                  lambda m: f"{m[1]} is {m[3]} points ahead of {m[2]}" if m[1].lower() != m[2].lower() else m[0],
                  text)  # "train - test = 2.52 at epoch 2": train that far ahead
    if re.search(r"(?i)\bepochs\b", text):  # "above train for the first 2 epochs, and train pulls ahead in the last one"
        text = re.sub(r"(?i)\b(?:in|at|for) the (last|final|first) one\b(?![^()]*\))", r"in the \1 epoch", text)
    if re.search(r"(?i)\blosses\b", text):  # "the losses at the end (0.13 on test, 0.11 on train)": each its curve's
        text = re.sub(r"(?i)\b(0?\.\d+)\s+(?:on|for) (?:the )?(test|train)(?:ing)?(?: set)?\b(?!\s+loss)", r"\2 loss \1", text)
    return text


# "test stayed below train ... (97.83 vs 97.51 %)": the relation, then a bare pair after it with no other curve or turn
# between them (not "test was above train in epochs 1-3; only the last has train ahead (96.84 vs 96.14)")
_BELOW_PAIR = re.compile(r"(?i)\b(test|train)\w*(?:\s+acc\w*)?\s+(?:(?:was|is|stayed|stays|were|remained|sat|lagged)\s+)?"
                         r"(below|under|behind|above|over|ahead of)\s+(?:the\s+)?(train|test)\w*\b"
                         r"((?:(?!\b(?:train|test|but|only)\b)[^();])*?)\(\s*(\d{2}\.\d+)\s*%?"
                         r"\s*(vs\.?|versus|against)\s*(\d{2}\.\d+)\s*%?\s*\)")


def _pair_by_relation(text: str) -> str:
    """A bare pair after "test stayed below train" given in the other order ("by 0.32 pt at the last epoch (97.83 vs
    97.51 %)"): the relation says which figure is whose, so the pair is put in the order the readers read, the curve
    named first first; a pair in that order already is left as said."""
    def ordered(m: re.Match) -> str:
        a, b = float(m[5]), float(m[7])
        first_lower = m[2].lower() in ("below", "under", "behind")
        head = m[0][:m.start(5) - m.start()]
        if m[1].lower() == m[3].lower() or a == b:
            return m[0]
        if (a < b) == first_lower:  # in the order the curves were named; a figure between them and it ("by 2.52 points in
            # epoch 2 (94.69 % against 92.17 %)") would leave the pair without its curves: each named again
            return f"{head}{m[1].lower()} {m[5]} % {m[6]} {m[3].lower()} {m[7]} %)" if re.search(
                r"\bby\s+\d+(?:\.\d+)?\s*(?:points?|pts?|pp)?\s+(?:in|at) epoch \d+\s*$", m[4]) else m[0]
        return f"{head}{m[7]} % {m[6]} {m[5]} %)"
    return _BELOW_PAIR.sub(ordered, text)


def _after_peaking(text: str) -> str:
    """"after peaking at 96.47 % at epoch 3": the peak a claim of its own, and what the sentence says next from it on."""
    text = re.sub(r"(?i),\s*after peaking at (\d+(?:\.\d+)?)\s*%? (?:at|in) epoch (\d+)\s*\.?\s*$",
                  r"; it peaked at \1 % at epoch \2", text)  # "..., its final, after peaking at 96.47% in epoch 3": a claim
    # of its own, said last
    text = re.sub(r"(?i)\bafter peaking(?: at (\d+(?:\.\d+)?)\s*%?)? (?:at|in) epoch (\d+),?", lambda m: (  # from the peak
        f"it peaked at {m[1]} % at epoch {m[2]}; " if m[1] else "") + f"from epoch {m[2]},", text)  # its figure a claim too
    return text


def _phrasings(text: str) -> str:
    """Phrasings said in the shape the readers read: "Epoch 6 → 46.40" (at epoch 6), slashed pairs ("train / test loss
    = 0.485 / 0.409", "73.05 train / 75.41 test"), "hasnt", "every epoch up to 13", "after peaking at epoch 3" (from
    it), "6 of the 2s are wrong" (digit 2's errors), "passed 50% at epoch 6 and 80% at epoch 7" (the verb again)."""
    text = re.sub(r"\s@\s*", " at ", _pair_role(text))  # "98.49 @ ep 5"
    text = re.sub(r"(?i)\b((?:at|in|by) epoch \d+)\s*(?:→|->|=>)\s*(?=\d)", r"\1, ", text)  # "98.68 at epoch 12 → 99.48 at ..."
    text = re.sub(r"(?i)\bepoch (\d+)\s*(?:→|->|=>)\s*(?=\d)", r"at epoch \1: ", text)  # "Epoch 6 → 46.40 val acc"
    text = _each_its_figure(text)
    text = _pair_by_relation(_named_pairs(text))
    text = _percent_pairs(re.sub(r"(?i)\b(has|have|did|was|is|does|do|were)nt\b", r"\1 not", text))  # "hasnt", "didnt"
    text = re.sub(r"(?i)\(\s*(?:the\s+)?(final|last)\s+epoch\s*\)", r"at the \1 epoch", text)
    text = re.sub(r"(?i)\b(every|each|all) epochs? (up to|until|till|through) (\d+)\b(?![.,]\d|\s*%)", r"\1 epoch \2 epoch \3",
                  text)
    text = _after_peaking(text)
    text = re.sub(r"(?i)\b(last|first) (two|three|four|five)\b", lambda m: f"{m[1]} {WORDS[m[2].lower()]}", text)
    text = re.sub(r"(?i)\bevery single (?:one of the (?:\d+ )?epochs|epoch)\b", "every epoch", text)
    text = re.sub(r"(?i)\b(epochs|final|best|min|max)\s+[-–—]\s+(?=[~\d])", r"\1: ", text)  # "Seed 2 final - 95.73%"
    text = _spans_said(_in_order(_rank_moved(_lead_then_now(_span_ends(_epoch_added(_by_each_epoch(_same_and_more(text))))))))
    # "28 errors on digit 4 and 62 on digit 8": each digit's errors
    text = re.sub(r"(?i)\b(\d+) (errors?|mistakes) on (?:digit|class) (\d)\b", r"digit \3 has \1 errors", text)
    text = re.sub(r"(?i)(errors\b.*?)\band (\d+) on (?:digit|class) (\d)\b", r"\1and digit \3 has \2 errors", text)
    # "got past 98 % at epoch 8 and never fell back under it": the level, every epoch from then on
    text = re.sub(r"(?i)\b(\d{2}(?:\.\d+)?\s*%)(\s+(?:at|in|by) epoch (\d+)),? and never (fell|dropped|dipped|went|slipped) "
                  r"(?:back )?(?:below|under) (?:it|that)\b", r"\1\2 and never \4 below \1 from epoch \3 on", text)
    # "97% was already passed in the 2nd epoch", "The 98% mark on the test set was first hit at epoch 7": the level reached
    text = re.sub(r"(?i)^\W*(?:the\s+)?(\d{2}(?:\.\d+)?\s*%)(?:\s+(?:mark|line|level|threshold|barrier))?(?:\s+on the test set)?"
                  r" was (already |first |only )?(passed|reached|crossed|hit|cleared)\b", r"test accuracy \2\3 \1", text)
    text = re.sub(r"(?i)\blost (over |about |almost |nearly )?(\d[\d.]*) (?:full )?points?\b", r"dropped by \1\2 points", text)
    # "able to reach till 99.19% accuracy": the highest it got
    text = re.sub(r"(?i)\breach(?:es|ed)? (?:till|until|upto|up to) (?=\d)", "reached a best of ", text)
    # "Seed 1 reaches 97 at epoch 4 and seed 2 at epoch 2": the verb and level carried to the second seed
    text = re.sub(r"(?i)\b(seed \d+) (reach\w*|hit\w*|pass\w*|cross\w*) (\d+(?:\.\d+)?\s*%?) (at|by) epoch (\d+),? and "
                  r"(seed \d+) (at|by) epoch (\d+)", r"\1 \2 \3 \4 epoch \5, and \6 \2 \3 \7 epoch \8", text)
    # "6 of the 2s are misclassified", "just 7 of the 1s are wrong": a digit's errors
    text = re.sub(r"(?i)\b(?:just |only )?(\d+) of the (\d)(?:'s|s) (?:are|were|is|was|get|got) (?:misclassified|wrong|"
                  r"mistaken|missed|errors)\b", r"digit \2 has \1 errors", text)
    # "passed 50% at epoch 6 and 80% at epoch 7": the verb carried to the second level
    text = re.sub(r"(?i)\b(passed|reached|crossed|hit|got to|passes|reaches|crosses|hits|topped)\s+(\d+(?:\.\d+)?\s*%?)\s+"
                  r"((?:for the first time\s+)?(?:at|by|in))\s+"
                  r"(?:epoch|ep\.?)\s+(\d+)(\s*\(\s*\d{2}\.\d+\s*%?\s*\))?,?\s+and\s+"
                  r"(?=\d+(?:\.\d+)?\s*%?\s+(?:at|by|in)\s+(?:epoch|ep\.?)\s*\d)",
                  lambda m: f"{m[1]} {m[2]} {m[3]} epoch {m[4]}{m[5] or ''} and {m[1]} ", text)  # "(53.76 %)": its figure
    # "held 98.5", "stayed at 97": a level; a digit's count where the sentence counts errors ("digit 1 stayed at 10")
    counted = re.search(r"(?i)\b(?:errors?|mistakes)\b", text)
    digits = r"(?i)\b(?:digit|class)\s+\d\s+$" if not re.search(r"(?i)\bdigits\b", text) else r"(?i)\b\d\s+$"  # "and 1 stayed"
    return re.sub(r"(?i)\b(held|holds?|kept|stayed at|stays at)\s+(\d{2}(?:\.\d+)?)\b(?!\s*%|\.\d|,\d)", lambda m: m[0] if counted
                  and re.search(digits, text[:m.start()]) else f"{m[1]} {m[2]} %", text)


def _words_said(text: str) -> str:
    """Numbers said in words as the readers read them: "in epoch three", "for five epochs", "half a point", and "the
    first epoch at or above 98 % was the 8th" (it reached 98 % at epoch 8)."""
    text = re.sub(rf"(?i)\bepoch ({'|'.join(WORDS)})\b", lambda m: f"epoch {WORDS[m[1].lower()]}", text)
    text = re.sub(rf"(?i)\bepochs ({'|'.join(WORDS)})( and | to | through |-)({'|'.join(WORDS)})\b",  # "epochs three and four"
                  lambda m: f"epochs {WORDS[m[1].lower()]}{m[2]}{WORDS[m[3].lower()]}", text)
    text = re.sub(r"(?i)\bhalf (?:a|of a) (point|percent(?:age point)?)\b", r"0.5 \1", text)
    # "only slightly higher than Model_1 - less than a point": the size of the difference just said
    text = re.sub(r"(?i)(\bthan\s+(?:step|model)[ _-]?\d+(?:'s)?)\s*[-–—:,]\s+((?:just )?(?:less than|more than|over|under|about|"
                  r"around|almost|nearly|roughly))\s+(a|one|\d*\.?\d+)\s+((?:percentage )?points?)\b",
                  lambda m: f"{m[1]} by {m[2]} {'1' if m[3].lower() in ('a', 'one') else m[3]} {m[4]}", text)
    text = re.sub(r"(?i)\ba (third|quarter|tenth) of a (point|percent(?:age point)?)\b",
                  lambda m: f"{ {'third': '0.33', 'quarter': '0.25', 'tenth': '0.1'}[m[1].lower()]} {m[2]}", text)
    text = re.sub(rf"(?i)\b(for|over|in|all|trained|ran|took|after|within|and|with) ({'|'.join(WORDS)}) epochs\b",
                  lambda m: f"{m[1]} {WORDS[m[2].lower()]} epochs", text)
    return re.sub(r"(?i)\bthe first epoch (?:at or above|above|over|to reach|to hit|to pass|to cross|with)\s+"
                  r"(\d{2}(?:\.\d+)?\s*%?)\s+(?:was|is|came at|came in|:)\s+(?:the\s+|epoch\s+)?(\d+)(?:st|nd|rd|th)?\b",
                  r"reached \1 at epoch \2", text)


# "Test was above train in the first epoch, fell behind it in epochs 2 and 3, and was above it again in epochs 4 and 5"
_CURVES_RELATED = re.compile(r"(?i)\b(test|train)(?:ing)?(?:\s+acc\w*)?\s+(?:was|is|stayed|stays|remained)\s+(?:above|below|"
                             r"ahead of|behind|over|under)\s+(?:the\s+)?(train|test)\w*\b")
_IT_RELATED = re.compile(r"(?i)(,\s+(?:and\s+)?|\band\s+)((?:then\s+)?(?:was|is|stayed|fell|dropped|slipped|went|got|moved|"
                         r"pulled|came)(?:\s+back)?\s+(?:above|below|ahead of|behind|over|under))\s+it\b")


def _the_other_curve(text: str) -> str:
    """After "test was above train ...", each later "fell behind it" / "was above it again" said with its subject and
    the curve "it" is, each a clause of its own: the test curve against the train curve again."""
    if (first := _CURVES_RELATED.search(text)) is None or first[1].lower() == first[2].lower():
        return text
    subject, other = first[1].lower(), first[2].lower()

    def said(m: re.Match) -> str:  # "fell behind it in epochs 2 and 3": behind it in those epochs
        rest = m.string[m.end():]
        verb = re.sub(r"^(?:then\s+)?\w+(?:\s+back)?", "was", m[2]) if re.match(r"\s+(?:in|at|for|during) epochs?\b", rest) \
            else m[2]
        return f"; {'and ' if 'and' in m[1] else ''}{subject} {verb} {other}"
    return text[:first.end()] + _IT_RELATED.sub(said, text[first.end():])


def _referents(text: str) -> str:
    """Words that point back said as what they point to: "reached 99.5% at epoch 7 and never fell below it afterwards"
    (that level, from that epoch on), "On the best figure, ... step 2's 98.12 %" (step 2's best), "step 2, whose min
    ..." (step 2's), "The test loss ..., though it is still below ..." (that loss), "96.72 and 97.77 for seeds 1 and 2"
    (each figure its seed's)."""
    text = re.sub(r"(?i)(\d{1,3}(?:\.\d+)?)\s*%([^.;]*?\bat epoch (\d+)[^.;]*?\bnever (?:fell|dropped|dipped|went|slipped) "
                  r"below) (?:it|that)(?: afterwards| after that| again| from then on)?\b", r"\1 %\2 \1 % from epoch \3 on", text)
    # "On the min of the last 3, seed 0 ... is 1.5 points above step 2's 91.98 %, but 2.27 below step 1's 95.75 %": the
    # role said at the head, of each step's bare figure
    if head := re.match(r"(?i)\W*(?:on|for|by|in) the ((?:min(?:imum)?|lowest) of the last \d+|best|final)"
                        r"(?: (?:figure|epoch)s?)?\s*,?\s+", text):
        text = text[:head.end()] + re.sub(r"(?i)\b((?:step|model)[ _-]?\d+)'s\s+(\d{2}(?:\.\d+)?\s*%)",
                                          rf"\1's {head[1]} (\2)", text[head.end():])
    text = _the_other_curve(text)
    # "as did step 2, whose min of the last 3 was 96.92 %": that step's figure, a clause of its own
    text = re.sub(r"(?i)\b((?:step|model)[ _-]?(\d+))\s*,\s*whose\s+", r"\1; step \2's ", text)
    if subject := re.match(r"(?i)\W*(?:the\s+)?(?:final\s+)?((?:test|train\w*|val\w*)\s+loss)\b", text):
        # "The test loss ... went up from 0.050 to 0.068, though it is still far below step 1's 0.41": that loss
        text = re.sub(r"(?i)(,\s*(?:though|although|but|yet|while)\s+)it(\s+(?:is|was|stays|stayed|remains|remained)\b)",
                      rf"\1the {subject[1].lower()}\2", text)
    return re.sub(r"(?i)(\d{2}(?:\.\d+)?)\s*(%?)\s*and\s+(\d{2}(?:\.\d+)?)\s*(%?)\s+(?:for|on)\s+seeds\s+(\d+)\s+and\s+(\d+)\b",
                  r"\1\2 on seed \5 and \3\4 on seed \6", text)


def _beside_rate(text: str, low: str) -> str:
    """Beside a rate (below 1), a figure of two digits before its point is an accuracy; beside a loss, a gap or
    another setting, no bare figure is read as one."""
    if "loss" in low or re.search(r"\b(dropout|decay|momentum|gap|difference|points)\b", low):
        return text
    return _whole_beside(re.sub(r"(?<![\d.])(\d{2}\.\d+)(?!\d|\.\d|\s*(?:%|k\b|points?|pts?|pp|degrees?|°|px))", r"\1 %", text))


# a notebook's per-class report line: "Accuracy of 8 - eight : 71.355 %" (digit 8's test accuracy)
_REPORT_LINE = re.compile(r"(?i)^\s*accuracy of (\d)\s*(?:-\s*\w+\s*)?:\s*(\d{1,3}(?:\.\d+)?)\s*%\s*$")


def _digits_counted(text: str) -> str:
    """A digit's figures as the per-class reader reads them: a report's printed line ("Accuracy of 8 - eight : 71.355
    %"), two digits' counts said in order ("digits 8 and 5 have 68 and 63") and its errors among its images ("144 of
    its 974 wrong")."""
    text = _REPORT_LINE.sub(r"Digit \1 accuracy: \2 %", text)
    text = re.sub(rf"(?i)\b(\d+) of the ([\d,]+) ({_PLURAL}) (?:are|were) (?:wrong|misclassified|missed)\b",  # "2 of the 1,010
                  lambda m: f"digit {_PLURALS.index(m[3].lower())} has {m[1]} errors of its {m[2]} images", text)  # threes"
    text = re.sub(rf"(?i)\b(\d+) of the ((?:[\d,]+ )?(?:test )?errors) (?:are|were) ({_PLURAL})\b",  # "33 of the 200 errors are
                  lambda m: f"digit {_PLURALS.index(m[3].lower())} has {m[1]} of the {m[2]}", text)  # nines": digit 9's
    text = re.sub(r"(?i)\bdigits (\d) and (\d),? (?:have|had|make|made|get|got) (\d+) and (\d+)\b(?![.,]\d|\s*%)",
                  r"digit \1 has \3 errors and digit \2 has \4 errors", text)  # "digits 8 and 5, have 68 and 63": each its own
    return re.sub(r"(?i)\b(\d+) of (its|their) ([\d,]+) (?:test )?(?:images )?(?:wrong|misclassified|missed)\b",
                  r"\1 errors of \2 \3 images", text)


def _digits_said_plainly(text: str) -> str:
    """Digits named the ways the per-class readers do not read: each digit's accuracy beside a comparison of two
    digits, a digit named only by its rank ("the next worst, 9, ...")."""
    # "8 has the next most errors (68), although 5 has the lower accuracy (92.9 % against 93.0 %)": each digit's own
    # accuracy, where the word says the way the figures go
    text = re.sub(r"(?i)\b(\d)(\s+(?:has|had)\b[^.;]*?,\s+(?:although|but|yet|while|whereas)\s+)(\d)\s+(?:has|had)\s+the\s+"
                  r"(lower|higher|worse|better)\s+accuracy\s*\(\s*(\d{2}(?:\.\d+)?)\s*%\s*(?:against|vs\.?)\s*(\d{2}(?:\.\d+)?)\s*%\s*\)",
                  lambda m: m[0] if (float(m[5]) < float(m[6])) != (m[4].lower() in ("lower", "worse")) else
                  f"{m[1]}{m[2]}digit {m[3]} is at {m[5]} % against {m[6]} % for digit {m[1]}", text)
    # "Eights have more errors than fives, 68 against 63, yet a higher accuracy: 93.02 % against 92.94 %": the two
    # digits' own accuracies, in the order they were named, where the word says the way the figures go
    text = re.sub(rf"(?i)\b({_PLURAL})(\s+(?:have|had)\b[^.;]*?\bthan\s+(?:the\s+)?)({_PLURAL})\b([^.;]*?,\s+(?:yet|but|while|"
                  r"though|although)\s+)(?:a|the)\s+(higher|lower|better|worse)\s+accuracy\s*[:,(]?\s*(\d{2}(?:\.\d+)?)\s*%?\s*"
                  r"(?:against|vs\.?)\s*(\d{2}(?:\.\d+)?)\s*%?\s*\)?",
                  lambda m: m[0] if (float(m[6]) < float(m[7])) != (m[5].lower() in ("lower", "worse")) else
                  f"{m[1]}{m[2]}{m[3]}{m[4]}digit {_PLURALS.index(m[1].lower())} is at {m[6]} % against {m[7]} % for digit "
                  f"{_PLURALS.index(m[3].lower())}", text)
    # "digit 9 worst: 120 errs (88.11 %), 76 of them → 4": a confusion, the count of them read as that digit
    text = re.sub(r"(?i)\b(\d+)\s+of\s+(them|those|these)\s*(?:→|->|=>)\s*(\d)\b(?![\d.%])", r"\1 of \2 read as \3", text)
    # "Digit 8's recall ... is far below every other class; the next worst, 9, is at 94.75 %": a digit, named by its rank
    if re.search(r"(?i)\b(?:digits?|class(?:es)?|recall|errors)\b", text):
        text = re.sub(r"(?i)\b(the\s+(?:next|second|third)\s+(?:worst|best|weakest|strongest|hardest|easiest)),\s+(\d),",
                      r"\1, digit \2,", text)
    return text


def _said_plainly(text: str) -> str:
    """Phrasings the readers read in another form: a log line's "Accuracy=97.54" (a percentage), "it took until epoch 8
    to pass 98 %" (first reached at epoch 8), a result field's seed beside its figure, "the final test averages X over
    the seeds" (their mean final), "Seeds that held 99.4 %: 0 of 3" (a count said as a sentence)."""
    # "Train Loss=0.0902 Accuracy=97.54": a log line's accuracy, a percentage
    text = re.sub(r"(?i)\b(acc(?:uracy)?\s*[:=]\s*)(\d{2}\.\d+)(?![\d.])(?!\s*%)", r"\1\2 %", text)
    # "came back at epoch 5 (+3.33 pt from 94.18 %)", "dips to 76.92 at epoch 2 (from 82.89)": the figure it moved from,
    # the epoch before's
    text = re.sub(r"(?i)((?:\b(?:at|in)|@) ep(?:och)? ?(\d+)\s*\(\s*(?:[+\-−]\s?\d*\.?\d+\s*(?:pts?|points?|pp)\s+)?"
                  r"from\s+\d{2}\.\d+\s*%?)\s*\)",
                  lambda m: f"{m[1]} at epoch {int(m[2]) - 1})" if int(m[2]) > 1 else m[0], text)
    text = _digits_said_plainly(text)
    # "At 96 %, two seeds of three held it": the level said before "it"
    text = re.sub(r"(?i)^(\W*)at (\d{2}(?:\.\d+)?\s*%),\s+([^.;]*?\b(?:held|kept|stayed above|stayed at))\s+it\b",
                  r"\1\3 \2", text)
    # "After the first epoch only seed 0 was already above 99 %": at the first epoch, no span after it
    text = re.sub(r"(?i)\bafter the first epoch\b(?=,?[^.;]*\balready\b)", "at epoch 1", text)
    # "Model starts learning only from epoch 5, test jumps 7.16 → 38.49": where the learning starts, the move there
    text = re.sub(r"(?i)\b(start(?:s|ed)?\s+(?:to\s+)?(?:learn(?:ing)?|improv(?:e|ing)|mov(?:e|ing))\s+(?:only\s+)?)from"
                  r"(?=\s+(?:the\s+)?(?:epoch \d+|\d+(?:st|nd|rd|th) epoch)\b)", r"\1at", text)
    # "a FAIL, since epoch 13 is below 99.4 %": a cause, no span from epoch 13
    text = re.sub(r"(?i)\bsince (epoch \d+ (?:is|was|has|had)\b)", r"because \1", text)
    # "epoch 5 is the first on the lower rate": the rate first lower there
    text = re.sub(r"(?i)\bepoch (\d+) (?:is|was) the first(?: epoch)? (?:on|at|with) the (?:lower|reduced|cut|smaller) "
                  r"(?:rate|lr|learning rate)\b", r"the rate was first lower at epoch \1", text)
    # "It took until epoch 8 to pass 98 %": the first epoch at or above it
    text = re.sub(r"(?i)\b(?:it\s+)?took (?:until|till|up to) (?:the\s+)?epoch (\d+) (?:to|before it could|before it would)\s+"
                  r"(?:pass|reach|hit|get (?:to|over|above)|cross|go (?:over|above))\s+(\d{2}(?:\.\d+)?\s*%?)",
                  r"it first reached \2 at epoch \1", text)
    # "Best Test Accuracy (seed 1) - 98.33 (6th epoch)": a result field's seed, said beside its figure
    text = re.sub(r"(?i)^(\W*(?:best|final|min\w*|lowest)\s+(?:test\s+|val\w*\s+)?acc\w*)\s*\(seed (\d+)\)\s*[-–:=]\s*"
                  r"(\d{2}\.\d+\s*%?)\s*\((\d+(?:st|nd|rd|th) epoch|epoch \d+)\)", r"\1: \3 (seed \2, \4)", text)
    # "The final test averages 95.33% over the seeds": the seeds' mean final
    text = re.sub(r"(?i)\b(?:the\s+)?(final|best)\s+(test\s+)?(?:acc\w*\s+)?averag(?:es|ed)\s+(?:out\s+)?(?:at\s+|to\s+)?"
                  r"(\d{2}(?:\.\d+)?\s*%?)\s+(?:over|across)\s+(?:the\s+|all\s+)?(?:\w+\s+)?seeds\b",
                  r"the mean \1 \2accuracy over the seeds is \3", text)
    text = re.sub(r"(?i)\b(?:the\s+)?(final|best)\s+(test\s+)?accuracies\s+averag(?:e|es|ed)\s+(?:out\s+)?(?:at\s+|to\s+)?"
                  r"(\d{2}(?:\.\d+)?\s*%?)", r"the mean \1 \2accuracy over the seeds is \3",
                  text)  # "the final accuracies average 99.545 %": the seeds' mean
    # "Seeds that held 99.4% in the last 3 epochs: 0 of 3": a result bullet's count, said as a sentence
    text = re.sub(r"(?i)^(\W*)seeds? (?:that |which )?((?:held|passed|reached|stayed|kept|met|hit|cleared|ended|finished)\b"
                  r"[^:]*?)\s*:\s*(\d+|no|none)\s*(?:of|/)\s*(\d+)(?:\s+seeds)?\s*$", r"\1\3 of \4 seeds \2", text)
    return text


def _params_against_step(text: str) -> str:
    """"Params → 7,578 (< 8k ✓; +68 vs Model_1)": the change of the count against that step's."""
    if not re.search(r"(?i)\b(?:params|parameters)\b", text):
        return text
    text = re.sub(r"(?i)\b(?:an? )?(?:increase|rise|growth) of (\d[\d,]*)\s+(?:over|on|from|against)\s+"
                  r"((?:step|model)[ _-]?\d+)\b", r"+\1 vs \2", text)  # "an increase of 68 over Model 1"
    text = re.sub(r"(?i)(?<![\d.,])(\d[\d,]*) more than ((?:step|model)[ _-]?\d+)\b(?!'s)", r"+\1 vs \2", text)  # "68 more than"
    return re.sub(r"(?i)[+]\s?(\d[\d,]*)\s+(?:vs\.?|versus|over|on|from)\s+((?:step|model)[ _-]?\d+)\b",
                  r"\1 more parameters than \2", text)


def _seed_taken(text: str) -> str:
    """"If seed 1 is taken instead, the final accuracy is only 0.18 points below step 2's": what follows is that seed's;
    "followed (at a distance) by 5 at 92.9%": a manner in brackets, no figure, left out."""
    text = re.sub(r"(?i)\s*\((?:at a distance|by far|far behind|well behind|a long way (?:back|behind)|distantly)\)", "", text)
    return re.sub(r"(?i)^(\W*)(?:if|when|where)\s+seed\s+(\d+)\s+is\s+(?:taken|used|chosen|picked|shown)(?:\s+instead)?\s*,\s*",
                  r"\1On seed \2, ", text)


def _the_digit(text: str) -> str:
    """"Worst digit is the 9 with 96.43 %", "the 3 has 99.80 % recall": a digit named by its number with its figure,
    where the sentence speaks of digits or classes; "the 0s got much worse: 96.02 %" (a digit's plural, its own word)."""
    text = re.sub(r"(?i)^(\W*)the (\d)s\b(?=[^.;]*?\b\d+(?:\.\d+)?\s*%|[^.;]*?\berrors\b)", r"\1digit \2", text)
    if not re.search(r"(?i)\b(?:digits?|class(?:es)?)\b", text):
        return text
    return re.sub(r"(?i)(?<!and )(?<!or )\bthe (\d) (?=(?:with|at|has|had|is|was)\s+(?:only\s+|just\s+)?\d{2,3}(?:[.,]\d+)?"
                  r"\s*%)", r"digit \1 ", text)


_ROLE = r"(?:the\s+)?(?:min(?:imum)?|lowest|worst|final|best)(?:\s+test)?(?:\s+accuracy)?(?:\s+of\s+the\s+last\s+\d+" \
        r"(?:\s+epochs)?)?"
_ON_SEED = r"(\d{2}\.\d+\s*%?)\s+(?:on|for|in)\s+seed\s+(\d+)"


def _role_by_seed(text: str) -> str:
    """A role's figure for each seed said as one list, as the seeds' reader reads it: "The min of the last 3 is 95.90 on
    seed 0, 97.13 on seed 1 and 97.19 on seed 2", "min of the last 3 by seed: seed 0 = 95.90, ..." (each its seed's)."""
    def listed(m: re.Match) -> str:
        pairs = re.findall(_ON_SEED, m[0])
        return f"{m['role']} by seed: " + ", ".join(f"seed {seed} {figure.strip()}" for figure, seed in pairs)
    text = re.sub(rf"(?i)(?P<role>{_ROLE})\s+(?:is|was|are|were)\s+{_ON_SEED}(?:\s*(?:,|,?\s+and)\s+{_ON_SEED})+",
                  listed, text)
    if re.search(r"(?i)\b(?:by|per|for each) seed\s*:", text):
        text = re.sub(r"(?i)\b(seed \d+)\s*=\s*(?=\d)", r"\1 ", text)  # "seed 0 = 95.90": seed 0's
        text = re.sub(r"(?i)\b(of the last \d+)\s+test\b(?=\s+(?:by|per|for each) seed)", r"\1", text)
    return text


def _plain(sentence: str) -> str:
    """A sentence as the readers read it: Markdown's emphasis dropped, the abbreviations students write spelled out
    ("val acc", "pts", "≥"), a bare accuracy given its percent sign where the sentence speaks of accuracy ("Best
    Test Accuracy: 99.41", "val acc above 98.5" is 99.41 %, 98.5 %), an ordinal epoch said as "epoch N" ("(12th
    epoch)", "after the third")."""
    text = _params_against_step(_restated(_errors_as_accuracy(_role_by_seed(re.sub(r"\*\*|__|`", "", sentence)))))
    for pattern, said in ABBREVIATIONS:
        text = re.sub(rf"(?i){pattern}", said, text)
    text = _the_digit(_said_plainly(re.sub(r"(?i)\b(?:every|each) one of\b", "all of", _seed_taken(text))))
    text = re.sub(r"(?i)\b(?:over|under)-?fitting (gap|lead)\b", r"\1", text)  # "the widest over-fitting gap": the gap
    text = re.sub(r"(?i)(\bin (?:step|model)[ _-]?\d+)\s*,\s*((?:but |and |while )?now)\b", r"\1; \2", text)  # "in step 1, now"
    if not re.search(r"(?i)\b(?:errors?|mistakes|digits?|class(?:es)?)\b", text):  # a digit's: its own reader's pairs
        text = re.sub(r"(?i)(\b(?:in|of) (?:step|model)[ _-]?\d+),\s+(?=(?:[^,;.]|\.(?=\d))*\b(?:here|now|in this step)\b)",
                      r"\1; ", text)  # "0.002 with Adam in step 1, 0.05 with SGD here": that step's, then this one's
    text = _digits_counted(_counts_plainly(text))
    text = re.sub(r"(?i)\b(test|train\w*)(\s+(?:accuracy|acc))?\s+(?:only|just|merely)\s+(?=by\s+~?\d)", r"\1\2 ",
                  text)  # "ahead of test only by 0.1 points": by 0.1 points
    text = re.sub(r"(?i)\b(last|first|final)-(\d+)\b", r"\1 \2", text)
    text = re.sub(r"(?i)\b(?<=epochs\b)(.*?\b(?:first|last) (?:\d+|two|three|four|five)) of them\b", r"\1 epochs",
                  text)  # "kept at 0.05 for all 8 epochs, and for the first 4 of them": of the epochs
    text = _referents(re.sub(r"\bs(\d)\b", r"seed \1", re.sub(r"(?i)\b(seed|step|model|digit|class)\s*#\s*(\d)", r"\1 \2",
                                                                 _synonyms(text))))  # "s0 97.51", "seed #1"
    text = _QUESTION.sub(lambda m: f"{m[1]} is {'' if m[3].lower().startswith('y') else 'not '}{m[2]}; ", text)
    text = _answered(text)
    text = _lead_finished(_phrasings(text))
    text = re.sub(r"(?i)^(\W*)(\d{2}(?:\.\d+)?)\s*%?\s+(?:was\s+)?(held|holds)\b", r"\1\3 \2 %", text)  # "97% held over ..."
    text = re.sub(r"(?i)\b(\d{2}(?:\.\d+)?)\s+or\s+(more|above|higher|better)\b", r"\1 % or \2", text)
    text = re.sub(r"(?i)\btrain\s*/\s*val(?:idation)?\s+split\s*[:=]?\s*(\d[\d,.]*\s*k?)\s*/\s*(\d[\d,.]*\s*k?)",
                  r"\1 training images, val split \2", text)  # "Train/val split: 7k/1k"
    text = re.sub(r"(?i)\btrain\s*/\s*test\b([^:\d]{0,20}):?\s*(\d{1,3}(?:\.\d+)?)\s*%?\s*/\s*(\d{1,3}(?:\.\d+)?)\s*%?",
                  r"train\1 \2 %, test\1 \3 %", text)  # "Train/Test (final): 98.78/98.81"
    text = re.sub(r"(?i)\b(accuracy|acc|parameters|params|loss|rf|receptive field)\s+[-–—]\s+(?=[~\d])", r"\1: ", text)
    text = _seeds_plainly(text)
    text = _that_epoch(_there_as_span(_epochs_plainly(text)))
    low = text.lower()
    if "loss" in low or re.search(r"\b(lr|rate|dropout|decay|momentum|gap|difference|points)\b", low):
        return _beside_rate(text, low)
    if re.search(r"\b(accuracy|acc|test|train|99\.4|seeds?|reach\w*|crossed|hit|peak\w*|best|final|digit|above|below|"
                 r"dips?|dipped|stays?|finals?|lowest|highest|under|dropped|stable|min(?:imum)?|passed)\b", low):
        text = _LEVEL_OVER.sub(r"\1 \2 %", _BARE.sub(lambda m: f"{m[1]} %", text))  # "val acc above 98.5": an accuracy
        text = _BARE_WHOLE.sub(lambda m: m[0] if _SPAN_EDGE.search(m.string[:m.start(2)]) else f"{m[1]} {m[2]} %", text)
        text = re.sub(r"(?i)\b((?:acc(?:uracy)?\s*[:=-]|(?:best|final) (?:test|train)(?: acc(?:uracy)?)?\s*[:=-]?)\s*)(\d{2})\b"
                      r"(?![.\d])(?!\s*(?:%|epochs?|images|params))", r"\1\2 %",
                      text)  # "Best test acc - 98 (5th epoch)": a field's whole percentage
        text = _whole_beside(re.sub(r"(?<=about )(\d{2}\.\d{1,2})(?!\d|\.\d)(?!\s*%|\s*(?:points?|pts?|pp|epochs?)\b)", r"\1 %",
                                    text))  # "peaked at about 86.3": an accuracy, about
    elif re.search(r"\bepochs\b|\d\s*(?:→|->)\s*\d|\bepoch \d+ (?:is|was) at \d|\d (?:at|in|by|after) epoch \d", low):
        # a chain "95.9 → 97.39", "ep 5 is at 98.40": accuracies where no rate or loss is said
        text = _whole_beside(_BARE.sub(lambda m: f"{m[1]} %", text))  # "the last two epochs are both over 98.45": a decimal
    return text


def _restated(text: str) -> str:
    """What a sentence restates rather than claims, left out ("Since the budget asks for 99.4 in each of the last three
    epochs, ...", ", which is what dropout should do"), and "98.04 on train against 99.43 on test" said curve first."""
    text = re.sub(r"(?i)^\W*(?:since|as|because)\s+the\s+(?:budget|target|rule|task|assignment|goal)\s+(?:asks?\s+for|"
                  r"requires?|needs?|wants?|demands?)\s+[^,;:]*[,;:]\s*", "", text)
    text = re.sub(r"(?i),?\s*\b(?:which|that|this) is (?:exactly |just )?what [\w -]{1,30}? (?:should|would) (?:do|happen)\b",
                  "", text)
    return re.sub(r"(?i)(?<![\d.])(\d{2}\.\d+)\s*%?\s+on\s+(?:the\s+)?(train|test)(?:ing)?\b(?!\s+(?:set|images|data|loss))",
                  r"\2 \1 %", text)


def _seeds_plainly(text: str) -> str:
    """A seed said as a field's head ("Seed 1 - best 99.51", "Best seed: 0 (98.33 %)", "Last three epochs (seed 0): 99.56,
    99.54, 99.55"): the seed's figures, as the seed readers read them."""
    text = re.sub(r"(?i)\b(seed \d+|model[ _-]?\d+|step \d+)\s+[-–—]\s+", r"\1: ", text)
    # "the lowest minimum among the seeds, 99.43 %, belonged to seed 3": that seed's figure
    text = re.sub(r"(?i)(\d{2}\.\d+\s*%),?\s+(?:belong(?:s|ed)\s+to|c(?:a|o)me\s+from|(?:is|was)\s+(?:that\s+)?of)\s+"
                  r"(seed \d+)\b", r"\1 (\2)", text)
    text = re.sub(r"(?i)\b(best|worst|lowest|highest|top|weakest|strongest)\s+seed\s*[:=–-]\s*(?:seed\s+)?(\d+)\b(?!\s*%|\.\d)",
                  r"the \1 seed is seed \2", text)
    # "The worst of the 3 seeds by the budget rule is seed 1": its rank
    text = re.sub(r"(?i)\bthe (best|worst|weakest|strongest) of (?:the |all )?(?:\w+ )?seeds(?: by the [\w ]{1,20}?)?\s+"
                  r"(?:is|was)\s+(seed \d+)\b", r"the \1 seed is \2", text)
    # "seeds 1/2 are > 96": each seed named (slashed seeds after slashed figures are read with them, in order)
    text = re.sub(r"(?i)(?<!\()\bseeds\s+(\d)\s*/\s*(\d)(?:\s*/\s*(\d))?\b(?=\s*,|\s+(?:are|were|both|have|had|stay\w*|"
                  r"finish\w*|end\w*|reach\w*|got|get|held|hold|fell|dropped|rose|all|each)\b)", lambda m: m[0] if re.search(
        r"\d\s*%?\s*/\s*\d", text[:m.start()]) else f"seeds {m[1]}, {m[2]} and {m[3]}" if m[3] else f"seeds {m[1]} and {m[2]}",
        text)
    text = re.sub(r"(?i)\(\s*seed (\d)\s*(?:…|\.\.\.|–)\s*seed (\d)\s*\)", lambda m: "(seeds " + "/".join(
        str(k) for k in range(int(m[1]), int(m[2]) + 1)) + ")", text)  # "(s0…s5)": each seed in turn
    return re.sub(r"(?i)^(\W*)(?:the\s+)?(?:last|final)\s+(\d|two|three|four|five)\s+epochs\s*\(\s*(seed\s+\d+)\s*\)\s*:\s*"
                  r"((?:\d{2}\.\d+\s*%?\s*,\s*)+(?:and\s+)?\d{2}\.\d+\s*%?)\W*$", r"\1\3: \4 in the last \2 epochs", text)


def _counts_plainly(text: str) -> str:
    """"495 on digit 2", "Only 2 errors on the 1s and 0 errors on the 0s": each digit's count; "76 of the 120 errors on 9
    are 9s predicted as 4": that digit's count and the share read so; "with clean digits": no digit's figure."""
    text = re.sub(r"(?i)\b(\d+) of the (\d+) errors on (?:digit )?(\d)(?:'?s)? (?:are|were) (?:\d'?s )?"
                  r"(?:predicted|read|classified|taken) as (?:an? )?(\d)\b", r"digit \3 has \2 errors, \1 of them read as \4",
                  text)
    text = re.sub(r"(?i)(?<![\d.])(\d{1,4})\s+(?:errors?\s+|mistakes\s+)?on\s+(digit|class)\s+(\d)\b(?!\s*%|\.\d)",
                  r"\2 \3: \1 errors", text) if re.search(r"(?i)\b(?:errors|mistakes)\b", text) else text
    text = re.sub(r"(?i)\s+(?:with|on) clean (?:digits|images|inputs)\b", " (augmentation off)", text)
    text = re.sub(r"(?i)\s*\(\s*see (?:the )?(errors)[^()]{0,30}\)", r" \1", text)  # "120 of the 386 (see errors above)"
    text = re.sub(r"(?i)(\b(?:errors|mistakes)\b[^;]*?\bof (?:the|all|all the) )(\d{2,4}|\d{1,2},\d{3})(?![.,]\d)"
                  r"(?=\s*(?:[.;)]|,\s|$))",
                  r"\1\2 errors", text)  # "111 errors, well over a third of the 249": of the 249 errors
    # "109 of them were read as 3, as were 104 of the 120 wrong 5s": that digit's errors, and its share read so
    text = re.sub(r"(?i)\b(read|mistaken|misread|predicted|classified|taken)\s+(as|for)\s+(\d)\b,?\s+"
                  r"as\s+were\s+(\d+)\s+of\s+the\s+"
                  r"(\d+)\s+(?:wrong|misclassified|mistaken)\s+(\d)(?:'s|s)\b",
                  r"\1 \2 \3, and digit \6 has \5 errors, \4 of them \1 \2 \3", text)
    return re.sub(r"(?i)(?<![\d.])(\d{1,4})\s+(?:errors?|mistakes?)\s+(?:on|for)\s+the\s+(\d)(?:'s|s)\b", r"digit \2: \1 errors",
                  text)


def _that_epoch(text: str) -> str:
    """"The first epoch was slow ..., and by the end of that epoch it scored 58.89": the epoch named before."""
    that = re.search(r"(?i)\b(?:by|at|after)\s+the\s+end\s+of\s+(?:that|this|the same)\s+epoch\b|"
                     r"\b(?:at|in)\s+(?:the\s+)?same\s+epoch\b", text)
    named = re.findall(r"(?i)\bepoch (\d+)\b", text[:that.start()]) if that else []
    text = text if not named else f"{text[:that.start()]}at epoch {named[-1]}{text[that.end():]}"
    # "leaves that band at epoch 6, when it jumps to 38.49%": the figure the "when" clause says is that epoch's
    return re.sub(rf"(?i)(\b(?:at|in) epoch (\d+),?\s+when\s+(?:it|the\s+\w+\s+acc\w*)\s+(?:{_WENT_UP}|{_WENT_DOWN}|"
                  r"reach\w*|gets|got|hits?|is|was)\s+(?:to\s+)?(?:about\s+)?\d{2}(?:\.\d+)?\s*%?)"
                  r"(?!\s*(?:at|in|by|after) epoch)",
                  r"\1 at epoch \2", text)


def _there_as_span(text: str) -> str:
    """"The last 3 epochs have their min of 96.51 % ..., and train is ahead by 0.68 points there": in those epochs."""
    if span := re.search(r"(?i)\b(?:the|its|their) (?:last|final) (\d+) epochs\b", text):
        text = text[:span.end()] + re.sub(r"(?i)\s+there(?=\s*(?:[,;.]|$))", f" in the last {span[1]} epochs",
                                          text[span.end():])
    return text


def _lead_finished(text: str) -> str:
    """"In step 1 test had finished 1.04 points ahead": the lead at the end, of the other curve."""
    text = re.sub(r"(?i)\bhad (finished|ended)\b", r"\1", text)
    return re.sub(r"(?i)\b(test|train)((?:ing)?(?:\s+acc(?:uracy)?)?\s+(?:finished|ended|finishes|ends)\s+(?:about\s+)?"
                  r"\d+(?:\.\d+)?\s+(?:points?|pts?|pp)\s+ahead)\b(?!\s+(?:of|by)\b)",
                  lambda m: f"{m[1]}{m[2]} of {'train' if m[1].lower() == 'test' else 'test'}", text)


# ".9651 -> .9840", "min of the last 3 was .9713", "passed .98", "0.8289 -> 0.7692", "above 0.97": an accuracy written
# as a fraction (0.5 and up, two to four decimals; a loss, a rate or a setting's value is not one). "0.68" is a gap or a
# difference as often as an accuracy, so a leading 0 with fewer than four decimals is read only after a level's word.
_FRACTION = re.compile(r"(?P<w>\b(?:above|below|under|over|near|beyond|past)\s+)?(?<![\w.])(?P<z>0)?\.(?P<d>[5-9]\d{1,3})\b"
                       r"(?!\s*(?:%|points?|pts?|pp|percentage)|\.\d)")
_FRACTION_KIND = re.compile(r"(?i)\b(?:(?P<acc>acc\w*|test|train\w*|val\w*|seeds?|min\w*|best|final)|"
                            r"(?P<other>loss\w*|lr|rate|dropout|momentum|decay|p|beta|eps\w*|weight\w*|gamma|factor|scale|gap|"
                            r"points?|difference|ahead|behind|margin))\b")


def _fraction_said(m: re.Match, text: str) -> str:
    """The fraction as the accuracy it is, at its digits (".994" is 99.4 %), where the nearest quantity named before it
    is an accuracy's (or none is named and the sentence speaks of no loss or rate)."""
    kinds = list(_FRACTION_KIND.finditer(text, 0, m.start()))
    if re.search(r"\|[^|:]*:", text):  # a table's row said with its header: each cell its column's, the table reader's
        return m[0]
    if kinds and kinds[-1]["other"] or not kinds and any(k["other"] for k in _FRACTION_KIND.finditer(text)) or \
            m["z"] and len(m["d"]) < 4 and not m["w"]:
        return m[0]
    digits = m["d"]
    return f"{m['w'] or ''}{digits[:2]}{'.' + digits[2:] if len(digits) > 2 else ''} %"


def _errors_as_accuracy(text: str) -> str:
    """"1.51 % test error" is 98.49 % test accuracy, at the digits said, and so are 151 errors out of 10,000 and an
    accuracy of 0.9849; "7,5k" is 7.5k (a decimal comma)."""
    text = re.sub(r"(?i)(?<![\d.,])(\d{1,3}),(\d{1,2})\s*k\b", r"\1.\2k", text)
    text = re.sub(r"(?i)\b(test|train|val)_(loss|acc(?:uracy)?)\b", r"\1 \2", text)  # "`test_loss` peaked at 0.7914": words
    # "Test errors (final): 308 / 10,000" (the whole field): the errors of the test set, not correct images
    text = re.sub(r"(?i)(\b(?:errors?|mistakes|wrong)\b[^:;,]{0,25}?:\s*)(\d{1,4})\s*/\s*(10,?000|10k)\s*$", r"\1\2 errors of \3",
                  text)
    # "test fell to 7692/10000": correct test images out of 10,000, an accuracy (a log's count beside its percentage stays)
    text = re.sub(r"(?<![\d/(.,])(\d{3,5})\s*/\s*10,?000\b(?!\s*\(|\s+correct)",
                  lambda m: f"{int(m[1]) / 100:.2f} %" if int(m[1]) <= 10000 else m[0], text)
    # "119 wrong out of 10,000 test images": an accuracy of the test set; "accuracy 0.9891": a fraction
    text = re.sub(r"(?i)\b(\d{1,4})\s+(?:errors|wrong|mistakes|misclassified)\s+(?:out of|of|in)\s+(?:the\s+)?(?:10,?000|10k)\b"
                  r"(?:\s+test)?(?:\s+(?:images|digits|samples))?", lambda m: f"test accuracy {100 - int(m[1]) / 100:.2f} %",
                  text)
    # "188 wrong out of 10k at the best epoch, 380 at the end", "..., vs 1371 for Model_1": the counts listed after it too
    for _ in range(3):
        text = re.sub(r"(?i)(test accuracy \d+\.\d\d %[^,;()]*?(?:,\s*|\s+vs\.?\s+|\s+against\s+))(\d{1,4})"
                      r"(?=\s+(?:at|in|for|by|on)\b)", lambda m: f"{m[1]}{100 - int(m[2]) / 100:.2f} %", text)
    text = re.sub(r"(?i)\b(acc(?:uracy)?\s*(?:[:=\-–]|\b(?:of|is|was|at|reached)\b)?\s*(?:(?:about|around|~)\s*)?)0\.([5-9]\d)"
                  r"(\d{1,2})\b(?!\s*(?:%|points?|pts?|pp|percentage))", lambda m: f"{m[1]}{m[2]}.{m[3]} %", text)
    text = _FRACTION.sub(lambda m: _fraction_said(m, text), text)
    # "3.08 % error instead of 3.86 %": the figure it is set against is an error rate too
    text = re.sub(r"(?i)(?<![\d.])(\d{1,2}\.\d{1,2}\s*%\s+(?:(?:test|train(?:ing)?|validation|val)\s+)?error(?:\s+rate)?\s+"
                  r"(?:instead of|against|vs\.?|versus|compared (?:with|to)|down from|up from)\s+)"
                  r"(\d{1,2})\.(\d{1,2})\s*%(?!\s*error)",
                  lambda m: f"{m[1]}{m[2]}.{m[3]} % error", text)
    # "the test error rate fell from 13.71 % to 1.51 %": test accuracy rose from 86.29 % to 98.49 %
    text = re.sub(rf"(?i)\b((?:test|train(?:ing)?|validation|val)\s+)?error rate\s+(?:(?P<up>{_WENT_UP})|{_WENT_DOWN})\s+from\s+"
                  r"(\d{1,2})\.(\d{1,2})\s*%\s+to\s+(\d{1,2})\.(\d{1,2})\s*%",
                  lambda m: f"{m[1] or ''}accuracy {'fell' if m['up'] else 'rose'} from {_correct(m[3], m[4])} % to "
                            f"{_correct(m[5], m[6])} %", text)
    return re.sub(r"(?i)(?<![\d.])(\d{1,2})\.(\d{1,2})\s*%\s+((?:test|train(?:ing)?|validation|val)\s+)?error(?:\s+rate)?\b",
                  lambda m: f"{_correct(m[1], m[2])} % {m[3] or ''}accuracy", text)


def _correct(whole: str, digits: str) -> str:
    """An error rate's accuracy at the digits it is said to ("1.51" % error: "98.49")."""
    return f"{100 - float(whole + '.' + digits):.{len(digits)}f}"


# "stable at the end: 99.35, 99.42, 99.41": the last epochs, one a figure each
_AT_THE_END = re.compile(r"(?i)\b(?:at|towards?|near) the end\s*[:\-–]\s*((?:\d{2,3}(?:\.\d+)?\s*%?\s*[,/]\s*)+(?:and\s+)?"
                         r"\d{2,3}(?:\.\d+)?\s*%?)")


def _end_listed(m: re.Match) -> str:
    return f"in the last {m[1].count(',') + m[1].count('/') + 1} epochs: {m[1]}"


# an epoch said "E5" anywhere, "e5" after a preposition ("from e2 to e4"; a table's "| e1 |" heads a column)
_EPOCH_E = re.compile(r"(?<![\w.+])E(\d{1,2})\b(?![.,]\d)|(?:(?<=\bin |\bto |\bby |\bat |\bof )|(?<=from )|"
                      r"(?<=since |after |until ))e(\d{1,2})\b(?![.,]\d)")


def _epochs_plainly(text: str) -> str:
    """Epochs as the readers read them: "5th ep", "after the third", "(12th epoch)", "epochs 13-15", "between epoch 4
    and 8", "in all but the first", "after the peak at epoch 3"; and figures listed with their seeds in order."""
    text = re.sub(r"(?i)\b(\d+(?:st|nd|rd|th))\s+ep\b\.?", r"\1 epoch", _AT_THE_END.sub(_end_listed, text))
    text = re.sub(r"(?i)\(\s*seed (\d)((?:\s*/\s*seed \d)+)\s*\)",  # "(s0 / s1 / s2)": the seeds in order
                  lambda m: "(seeds " + "/".join([m[1]] + re.findall(r"\d", m[2])) + ")", text)
    text = re.sub(r"(?i)\bep\.?\s+(\d+)\b", r"epoch \1", re.sub(r"(?i)\bthe very (first|last|final)\b", r"the \1", text))
    text = _EPOCH_E.sub(lambda m: f"epoch {m[1] or m[2]}", text)  # "ahead only in E1 and E5", "from e2 to e4"
    text = _words_said(text)
    text = re.sub(rf"(?i)\b(?:the|its|their) ({'|'.join(ORDINALS)})\s+epoch\b",
                  lambda m: f"epoch {ORDINALS.index(m[1].lower()) + 1}", text)
    if re.search(r"(?i)\bepoch", text):  # "after the third": the third epoch, where the sentence speaks of epochs
        text = re.sub(rf"(?i)\b(after|at|by|in|until) the ({'|'.join(ORDINALS)})(?:\s+one)?\b"
                      r"(?!\s+(?:step|model|seed|\d|two|three|few|half|part|quarter|third))",
                      lambda m: f"{m[1]} epoch {ORDINALS.index(m[2].lower()) + 1}", text)  # "in the first one"
        text = re.sub(r"(?i)\bonly (?:at|in) the (?:beginning|start)\b", "only in epoch 1", text)  # "only at the beginning"
        text = re.sub(r"(?i)\b(after|at|by|in|until|from|to|through) the (\d+)(?:st|nd|rd|th)\b(?!\s+(?:step|model|seed|epoch|"
                      r"digit|class|iteration|run|place))", r"\1 epoch \2", text)  # "got to 98 % in the 4th"
        text = re.sub(r"\(\s*(\d+)(?:st|nd|rd|th)\s*\)", r"at epoch \1", text)  # "in the last epoch (5th)"
    text = re.sub(r"(?i)\(\s*(?:at |in )?(?:the )?(\d+)(?:st|nd|rd|th)\s+epoch\s*\)", r"at epoch \1", text)
    text = re.sub(r"(?i)\b(?:in\s+)?(?:all|every)(?:\s+epochs?)?\s+but\s+(?:the\s+first\s+(\d+)\s+epochs|epoch\s+1\b|"
                  r"the\s+first(?:\s+one)?\b)", lambda m: f"from epoch {int(m[1] or 1) + 1} on", text)  # "in all but the first"
    text = re.sub(r"(?i)\b(?:(at|in|by|on|after|from|until|till|before)\s+)?(?:the\s+|its\s+|their\s+)?(\d+)(?:st|nd|rd|th)"
                  r"\s+epoch\b", lambda m: f"{(m[1] or 'at').lower()} epoch {m[2]}", text)
    text = re.sub(r"(?i)\(\s*epoch\s+(\d+)\s*\)", r"at epoch \1", text)
    text = re.sub(r"(?i)\bepochs?\s+(\d+)\s*[-–]\s*(?:epoch\s+)?(\d+)\b", r"from epoch \1 to epoch \2", text)
    text = re.sub(r"(?i)\bbetween epochs? (\d+) and (?:epoch )?(\d+)\b", r"from epoch \1 to epoch \2", text)
    text = re.sub(rf"(?i)\b(\d+|{'|'.join(WORDS)}) epochs? (?:was|were) enough to (?:get to|reach)\s+(\d{{2}}(?:\.\d+)?\s*%?)",
                  lambda m: f"reached {m[2]} within {_count(m[1].lower())} epochs", text)  # "Two epochs were enough to get to"
    text = re.sub(r"(?i)^(\W*)epoch (\d+)\s*(?:->|→|to)\s*epoch (\d+)\s*:", r"\1from epoch \2 to epoch \3,",
                  text)  # "ep3 -> ep5: test falls every epoch"
    text = re.sub(r"(?i)(?<!from )\bepoch (\d+)\s*(?:->|→)\s*epoch (\d+)\b", r"from epoch \1 to epoch \2", text)  # "ep3 → ep4"
    text = re.sub(r"(?i)(\d{2}\.\d+\s*%?(?:\s*/\s*\d{2}\.\d+\s*%?)+)\s*(?:\(\s*|(?:for|on|of|across)\s+(?:the\s+)?)seeds\s+"
                  r"(\d(?:\s*[,/]\s*\d)+)\s*\)?", _seeds_in_order, text)
    text = re.sub(r"(?i)(\bfinal\b[^;]*\(seed \d+\))\s*\(\s*mean\s+(\d{2}\.\d+\s*%?)\s*\)", r"\1, mean final \2",
                  _seeds_beside(_seeds_slashed(text)))  # "97.98 % (seed 0), ..., 97.75 % (seed 2) (mean 98.02)": their mean
    text = _FIT_PAIR.sub(_fit_pair, _IT_PAIR.sub(_it_pair, _LEAD_PAIR.sub(_lead_pair, text)))
    text = re.sub(r"(?i)\bafter (?:the |its )?peak (?:at|in) epoch (\d+)", r"from epoch \1 on", text)  # "after the peak at ep 3"
    if (cut := re.search(r"(?i)\b(?:cut|drop|decay)\w*\b[^.;]{0,30}?\b(after|at|in) epoch (\d+)\b", text)) and \
            (before := int(cut[2]) - (cut[1].lower() != "after")) >= 1:  # "the cut after epoch 4 ...: 95.90 % before it"
        rest = re.sub(r"(?i)(\d{2}\.\d+\s*%?)\s+(?:just\s+)?before (?:it|the cut|the drop)\b", rf"\1 at epoch {before}",
                      text[cut.end():])
        text = text[:cut.end()] + re.sub(r"(?i)(\d{2}\.\d+\s*%?)\s+(?:just\s+|right\s+)?after (?:it|the cut|the drop)\b",
                                         rf"\1 at epoch {before + 1}", rest)
    text = re.sub(r"(?i)\b(?:every|each) epoch (?:brought|gave|had) an? (higher|lower) (test |train )?acc\w* than the "
                  r"(?:one|epoch) before\b", lambda m: f"{m[2] or 'test '}accuracy "
                  f"{'rose' if m[1].lower() == 'higher' else 'fell'} in every epoch", text)  # "Every epoch brought a higher ..."
    text = re.sub(r"(?i)\b(\d{2}(?:\.\d+)?\s*%)\s+(?:came|arrived|was (?:first )?(?:reached|hit|crossed))\s+(at|in|by)\s+epoch\b",
                  r"reached \1 \2 epoch", text)  # "95% came at epoch 4": first reached there
    return text


# "train leads test by 0.32 points in the last epoch, with 97.83 % against 97.51 %": the leader's figure first
_LEAD_PAIR = re.compile(r"(?i)\b(?P<who>train|test)(?:ing)?(?: accuracy)?\b"
                        r"(?P<mid>(?:(?!,\s*(?:and|but|while|whereas)\b)[^.;%]|\.(?=\d)){0,60}?\b(?:ahead|leads?|led|caught up|"
                        r"leading|above|behind|below|trails?|trailed)\b"
                        r"(?:(?!,\s*(?:and|but|while|whereas)\b)[^.;%]|\.(?=\d)){0,80}?)(?P<a>\d{2}\.\d+)\s*%?\s*"
                        r"(?P<rel>against|vs\.?|versus|to)\s*(?P<b>\d{2}\.\d+)\s*%")


# "... and only fell below it at epoch 4 (96.14 % against 96.84 %)": a pair said of "it", after a lead's pair
_IT_PAIR = re.compile(r"(?i)\b(?:below|under|above|over|behind|ahead of)\s+it\b(?P<mid>[^.;%]{0,40}?)(?P<a>\d{2}\.\d+)\s*%?\s*"
                      r"(?P<rel>against|vs\.?|versus)\s*(?P<b>\d{2}\.\d+)\s*%")


# "epoch 1 was under-fitting (94.61 % against 75.44 %)": the pair a fit word is said with
_FIT_PAIR = re.compile(r"(?i)\b(?P<fit>over|under)[- ]?fit\w*\s*\(\s*(?P<a>\d{2}\.\d+)\s*%?\s*(?P<rel>against|vs\.?|versus)\s*"
                       r"(?P<b>\d{2}\.\d+)\s*%")


def _fit_pair(m: re.Match) -> str:
    """Each figure of the pair said with its curve: test's first where it is the higher and the fit is the course's
    under-fitting (test above train), train's first for over-fitting; any other pair as it was."""
    if float(m["a"]) <= float(m["b"]):
        return m[0]
    first, second = ("test", "train") if m["fit"].lower() == "under" else ("train", "test")
    return f"{m[0][:m.start('a') - m.start()]}{first} {m['a']} % {m['rel']} {second} {m['b']} %"


def _it_pair(m: re.Match) -> str:
    """The pair in the order of the lead's pair said before it (test's first where that one's was), each figure at the
    epoch its words name."""
    led = re.findall(r"(?i)\b(test|train) \d{2}\.\d+ %(?: at epoch \d+)? (?:against|vs\.?|versus|to) (train|test) \d",
                     m.string[:m.start()])
    if not led:
        return m[0]
    at = re.findall(r"(?i)\b(?:at|in|after) epoch (\d+)\b", m["mid"])
    at = f" at epoch {at[-1]}" if at and re.search(r"[,(]\s*$", m["mid"]) else ""
    (a, b), head = led[-1], m[0][:m.start("a") - m.start()]
    return f"{head}{a} {m['a']} %{at} {m['rel']} {b} {m['b']} %{at}"


def _lead_pair(m: re.Match) -> str:
    """A lead's pair of figures, each said with its curve: the subject's first. A lead over another step ("test is a bit
    above step 2, 99.55 % vs 99.41 %") is that step's pair, not train's."""
    if re.search(r"(?i)\b(?:ahead of|above|below|behind|over|under|than)\s+(?:that of\s+)?(?:step|model)[ _-]?\d", m["mid"]):
        return m[0]
    # "test stayed ahead of train ... (86.29 % against 85.25 %)": the curve before "ahead of" is the subject
    subject = m["who"].lower() != "train" if re.search(r"(?i)\b(?:ahead of|above|below|behind|over|under|than)\s+(?:the\s+)?$",
                                                         m.string[:m.start()]) else m["who"].lower() == "train"
    first, second = ("train", "test") if subject else ("test", "train")
    between = re.sub(r"\s*:\s*$", ", ", m[0][len(m["who"]):m.start("a") - m.start()])  # one clause: its epoch is the pair's
    clause = re.split(r";|,\s*(?:and|but|while)\b", m.string[:m.start()])[-1] + between
    at = re.findall(r"(?i)\b(?:at|in|after) epoch (\d+)\b", clause)  # "led at epoch 4, 96.84 % against 96.14 %": each figure's
    at = f" at epoch {at[-1]}" if at and re.search(r"[,(]\s*$", between) else ""
    if own := re.match(r"(?i)\s*(?:at|in|after) epoch (\d+)", m.string[m.end():]):
        # "(98.12 % vs 97.55 % at epoch 3)": the pair's own epoch, said after it, the first figure's too
        return f"{m['who']}{between}{first} {m['a']} % at epoch {own[1]} {m['rel']} {second} {m['b']} %"
    return f"{m['who']}{between}{first} {m['a']} %{at} {m['rel']} {second} {m['b']} %{at}"


_SEED_LIST = r"\bseeds?\s+(?P<a>\d)(?P<b>(?:\s*,\s*(?:seed\s+)?\d)*)\s*,?\s*(?:and|&)\s+(?:seed\s+)?(?P<c>\d)\b"
_FIGURE_LIST = r"\d{2}\.\d+\s*%?(?:\s*(?:,|and|&)\s*\d{2}\.\d+\s*%?)+"
# the seeds' figures after the list of seeds: in brackets, after "with", or before "respectively"
_SEEDS_FIGURES = re.compile(rf"(?i)(?:\(\s*|\bwith\s+)({_FIGURE_LIST})|({_FIGURE_LIST})(?=\s*\)|,?\s+respectively\b)")


def _seeds_beside(text: str) -> str:
    """Seeds named as a list and their figures listed in the same order: "only seed 1 and seed 2 did so (97.13 and
    97.19)", "seeds 3 and 5 ... with 99.54 % and 99.52 % respectively", "97.98, 98.33 and 97.75 for seeds 0, 1 and 2":
    each figure said with its seed."""
    def paired(figures: str, seeds: list[str]) -> str | None:
        said = re.findall(r"\d{2}\.\d+", figures)
        if len(said) != len(seeds):
            return None
        return " and ".join(f"{f} % (seed {k})" for f, k in zip(said, seeds, strict=True))

    def before(m: re.Match) -> str:  # the figures first, their seeds after them
        seeds = [m["a"], *re.findall(r"\d", m["b"]), m["c"]]
        return paired(m["figs"], seeds) or m[0]
    text = re.sub(rf"(?i)(?P<figs>{_FIGURE_LIST})\s+(?:(?:for|on|of)\s+(?:the\s+)?|\(\s*)"
                  + _SEED_LIST + r"\s*\)?", before, text)
    out, at = [], 0
    for m in re.finditer(rf"(?i){_SEED_LIST}", text):
        seeds = [m[1], *re.findall(r"\d", m[2]), m[3]]
        found = _SEEDS_FIGURES.search(text, m.end(), min(len(text), m.end() + 100))
        if found is None or re.search(r"[;.](?!\d)", text[m.end():found.start()]) or found.start() < at:
            continue
        figures = found[1] or found[2]
        if (said := paired(figures, seeds)) is None:
            continue
        start = found.start(1) if found[1] else found.start(2)
        out.append(text[at:start] + said)
        at = start + len(figures)
    return "".join(out) + text[at:]


# "Seeds 0, 2 and 3 - min of the last 3: ...", "Seeds 0-2: ...": the seeds a Result line names at its head
_SEED_HEAD = re.compile(r"(?i)^\W*seeds\s+(?:(?P<a>\d)\s*(?:-|–|to)\s*(?P<b>\d)|"
                        r"(?P<list>\d(?:\s*,\s*\d)*\s*,?\s*(?:and|&)\s*\d))\b")
_SLASHED = re.compile(r"(?<![\d.])\d{2}\.\d+\s*%?(?:\s*/\s*\d{2}\.\d+\s*%?)+")
# "over the last 3 epochs (99.43, 99.49 and 99.51 %)": those epochs' figures, in brackets right after them
_LAST_LISTED = re.compile(r"(?i)(?<=\blast )(?:\d+|two|three|four|five)(?: epochs)?\s*\(\s*\d{2}\.\d+\s*%?"
                          r"(?:\s*(?:,\s*(?:and\s+)?|and\s+)\d{2}\.\d+\s*%?)+\s*\)")


def _seeds_slashed(text: str) -> str:
    """"Seeds 0, 2 and 3 - min of the last 3: 99.54 / 99.54 / 99.51 %": the slashed figures after a head that names the
    seeds, each its seed in order (as many figures as seeds); a head that only names them ("Seeds 0, 2 and 3 -") is
    said by the figures' seeds."""
    head = _SEED_HEAD.match(text)
    found = _SLASHED.search(text, head.end()) if head else None
    if found is None:
        return text
    seeds = [str(k) for k in range(int(head["a"]), int(head["b"]) + 1)] if head["a"] else re.findall(r"\d", head["list"])
    figures = re.findall(r"\d{2}\.\d+", found[0])
    if len(figures) != len(seeds):
        return text
    said = ", ".join(f"{f} % (seed {k})" for f, k in zip(figures, seeds, strict=True))
    words = text[head.end():found.start()]
    if re.fullmatch(r"\s*[-–—:]\s*(?:the\s+)?(?:min|max|best|final|lowest|highest|last)\b[^;.]*?[:=]?\s*", words):
        return words.lstrip(" -–—:") + said + text[found.end():]
    return text[:found.start()] + said + text[found.end():]


def _seeds_in_order(m: re.Match) -> str:
    """"92.36 / 96.72 / 97.77 (seeds 0/1/2)": each figure its seed, in order (the words as said where the counts differ)."""
    figures, seeds = re.split(r"\s*/\s*", m[1].strip()), re.findall(r"\d", m[2])
    if len(figures) != len(seeds):
        return m[0]
    return ", ".join(f"{f} (seed {k})" for f, k in zip(figures, seeds, strict=True))


def _whole_beside(text: str) -> str:
    """A whole accuracy where its place says it is one: "86 by the end", "and 98 at the end", "from 97 (epoch 4) to
    98.40 %" (the other end of the move a percentage)."""
    if re.search(r"(?i)\b(?:rf|receptive field)\b", text):
        return text  # "RF is only 10 at the end": a receptive field, no accuracy
    text = re.sub(r"(?i)(?<![\d.,])(?<!epoch )(?<!epochs )(\d{2})(?=\s+(?:by|at|in) the end\b)", r"\1 %", text)
    return re.sub(r"(?i)\bfrom (\d{2})(?![\d.]|\s*%)((?:\s+at epoch \d+)?\s+to\s+\d{2}(?:\.\d+)?\s*%)", r"from \1 %\2", text)


def judge_without_log(text: str, step: Step, number: int, section: str, missing: Claim) -> list[Judged]:
    """Each sentence of a step that printed no log, judged on what its code still tells - its parameters and receptive
    field - with every other figure given `missing` (a claim the records cannot decide)."""
    out = []
    for sentence in sentences(text):
        words = sentence.rstrip(".")
        if section != TARGET and is_plan(words, number):
            out.append(Judged(number, section, words, (), plan=True))
            continue
        low = _plain(sentence).lower()
        atoms = [a for a in ((_params_said(low, words, step, number) if step.run.params else None),
                             _rf_said(low, words, step, number)) if a is not None]
        read = [n for a in atoms for n in a.numbers]
        rest = [n for n in value_numbers(_plain(sentence)) if not any(_same_number(n, r) for r in read)]
        if rest and section != TARGET:
            atoms.append(replace(missing, claim=words, numbers=tuple(rest)))
        out.append(Judged(number, section, words, tuple(atoms)))
    return out


# ------------------------------------------------------------------------------------------------- the claims
def check_claims(text: str, step: Step, previous: Step | None, number: int) -> list[Claim]:
    """Every claim the vocabulary recognises in `text` (step `number`'s Analysis), each decided from the records: the
    atoms of `judge`'s sentences, a plan as one claim."""
    out: list[Claim] = []
    for judged in judge(text, step, previous, number):
        if judged.plan:
            out.append(Claim(number, judged.words, None, "a plan for the next step, not a claim about these runs", PLAN))
        out += [c for c in judged.atoms if c.claim not in {o.claim for o in out if o.kind == c.kind}]
    return out


READERS: tuple = ()  # set below, once every reader is defined
# a lead said over a span of epochs ("train is ahead from epoch 6 onwards, gap 0.37"): its sign is read too
_SPAN_SAID = re.compile(r"\b(?:from|since|after)\s+epoch\s+\d+\s+(?:on|onwards?)\b")


def _claims_of(clause: str, sentence: str, step: Step, previous: Step | None, number: int,
               earlier: dict[int, Step] | None = None) -> list[Claim]:
    low = clause.lower()
    found: list[Claim] = _steps_chain(low, clause, step, number, earlier or {})  # before the readers of one run's epochs
    against = _named_step(low, previous, earlier or {}, number)
    for reader in READERS:
        if reader in (_seeds, _held, _reached, _budget) and any(c.kind == "threshold" for c in found) or \
                reader in (_threshold, _held) and any(c.kind == "counted" for c in found) or \
                reader is _budget and any(c.kind in ("reached", "seeds") for c in found) or \
                reader is _above and any(c.kind == "gap" for c in found) and not _SPAN_SAID.search(low) or \
                reader is _trend and any(c.kind == "trend" for c in found) or \
                reader is _compare and any(c.kind in ("compare", "params") for c in found):
            continue  # the threshold as said decided it: not the budget's line again; the gap's size: not its sign
        read: list[str] = []
        token = _READ.set(read)
        try:
            claim = reader(low, clause, step, against, number)
        finally:
            _READ.reset(token)
        if claim is not None and reader is _inline_table:
            return [claim]  # a table's row: every cell read against its record, and nothing else said
        if claim is not None:
            claim = claim if claim.numbers else replace(claim, numbers=tuple(read))
            if claim.kind in ("threshold", "figure", "seeds", "held", "reached") and claim.numbers and \
                    set(claim.numbers) <= {n for c in found for n in c.numbers} and not \
                    (reader is _per_class and (_WORST.search(low) or _BEST.search(low))):  # the rank is its own
                continue  # its figures were read by a reader before, which knew their role
            found.append(claim)
            if reader is _compare or reader is _effect and not CREDIT.search(low):
                break  # a change's effect or a comparison: the fit's and trend's words are its own, not claims
    read = {n for c in found for n in c.numbers}
    return _other_seeds(low, found + _figures(low, clause, step, number, skip={c.kind for c in found}, read=read,
                                              earlier=earlier or {}))


def _other_seeds(low: str, found: list[Claim]) -> list[Claim]:
    """"The other five seeds had minimums between ...": which seeds those are is said in another sentence, so what is
    false of all the seeds is not settled of them."""
    if not re.search(rf"\bthe other (?:\d+|{'|'.join(WORDS)}) seeds\b", low) or re.search(r"\bseed \d", _SENTENCE.get() or ""):
        return found  # the seeds named in the sentence: their readers' own
    return [replace(c, verdict=None, evidence=f"{c.evidence}: the other seeds are named in another sentence")
            if c.verdict is False else c for c in found]


def _before_named(text: str, number: int) -> re.Match | None:
    """The first words of `text` that name an earlier step ("than Model_1", "the step before"); not this step's name."""
    return next((m for m in BEFORE.finditer(text) if not re.fullmatch(rf"(?:step|model)[ _]?{number}", m[0])), None)


def _head_of(low: str) -> str:
    """The sentence up to a clause of it (the whole sentence where the clause was said again): a step named there is
    the clause's too; one named only in a later clause is that clause's ("the min fell from 96.51 % to 95.90 %, though
    against step 1's 53.76 % ...")."""
    sentence = _SENTENCE.get() or ""
    return sentence if (at := sentence.find(low[:40])) < 0 else sentence[:at]


def _named_step(low: str, previous: Step | None, earlier: dict[int, Step], number: int) -> Step | None:
    """The step a comparison names ("than Model_1", "step 1's"), else the step before."""
    pattern = r"\b(?:step|model|iteration|experiment)[ _-]?(\d+)\b"
    named = [int(k) for k in re.findall(r"\b(?:than|vs\.?|versus|against|compared (?:with|to))\s+(?:in\s+)?" + pattern[2:], low)
             or re.findall(pattern, low) or re.findall(pattern, _head_of(low))]  # "like Model_2, 68 more than Model_1"
    other = next((k for k in named if k != number), None)  # "Model_3 beats Model_1": the step it is compared with
    if other is not None and other in earlier:
        return earlier[other]
    return previous


def _change_named(low: str) -> str | None:
    """The change a clause credits, by its name; not one said absent ("... without batch norm")."""
    return next((n for n, pattern in CHANGE_NAMES.items()
                 if (m := re.search(pattern, low)) and not re.search(r"\b(?:without|no|w/o)\s+(?:any\s+)?$", low[:m.start()])),
                None)


def _schedule_still(said: str, clause: str, step: Step, number: int) -> Claim:
    """A credit to a schedule whose rate never moved: false, unless the words credit the still rate itself ("the StepLR
    never fires, which is the main reason ..."), which no run without it can settle."""
    if re.search(r"\bnever\s+(?:fires?|fired|acts?|acted|moves?|moved|kicks? in|cuts?)\b|"
                 r"\b(?:constant|flat|unchanged|throughout)\b|"
                 r"\bin all \d+ epochs\b", f"{said} {clause.lower()}"):  # "The StepLR never cut: ..., which explains"
        return Claim(number, clause, None, f"the rate never moved in this run ({_rates(step)}): no run shows what a moving "
                                           "one would have done", "effect")
    return Claim(number, clause, False, f"the rate never moved in this run ({_rates(step)}): the schedule could not act",
                 "effect")


def _credit_denied(low: str, at: int) -> bool:
    """A credit said not to hold: a negation before its verb, or "nothing (in the schedule)" as its subject."""
    return _negated(low, at) or re.search(r"\b(?:nothing|none)\b(?:\s+\w+){0,3}\s*$", low[:at]) is not None


def _effect(low, clause, step, previous, number) -> Claim | None:
    """`X reduced over-fitting`, `batch norm made it train faster`: the change must be in the step and new in it, able
    to act, the effect must show against the step before beyond the noise, and it must be the only change to be
    credited."""
    name = _change_named(low)
    credit = CREDIT.search(low)
    help_at = _help_word(low) or credit
    what = next((w for w, pattern in EFFECTS.items() if re.search(pattern, low)), "accuracy" if credit else None)
    if name == "the schedule" and not credit and re.search(r"\bbefore\s+the\s+(?:\w+\s+)?(?:cut|drop|decay)\b", low):
        return None  # "the gap was largest at epoch 4, just before the rate cut": a time, not a credit
    if credit and name is None and (unsettled := _credit_unsettled(step, previous)):
        return Claim(number, clause, None, f"a credit the runs cannot settle: {unsettled}", "effect")
    if name is None or help_at is None or what is None or re.match(r"\s+(?:the\s+)?(?:lr|learning rate|rate)\b",
                                                                    low[help_at.end():]):
        return None  # "the one-cycle schedule raised the LR to 0.1": the rate's course, the rate's reader
    if name == "GAP" and (what == "fit" and "gap between" in low or not (re.search(r"\bGAP\b", clause) or re.search(
            r"global average|gap layer", low))):
        return None  # "the gap closed": train - test, not the pooling layer
    if not _has(step, name):  # "so nothing in the schedule speeds up the start": denied, as the records say
        return Claim(number, clause, _credit_denied(low, help_at.start()),
                     f"this step has no {name.removeprefix('the ')} that acts ({records.CONFIG}, the layer table)", "effect")
    if previous is None:
        return Claim(number, clause, None, "no step before to compare with: one run cannot show an effect", "effect")
    every = changes(previous, step)
    related = _related(name, every, previous)
    if related and all(c.inert for c in related):
        return Claim(number, clause, False, f"{related[0].text}: {related[0].inert}", "effect")
    if name == "the schedule" and (not _rate_moved(step) or schedule_inert(step)):
        return _schedule_still(low[:help_at.start()], clause, step, number)
    counted = [c.text for c in every if c.counted]
    if credit and len(counted) > 1:  # not split, unless the effect credited did not happen at all
        return _credit_of_several(low, step, previous, clause, number, what, help_at, len(counted))
    if not related:  # "the StepLR cut after epoch 4 again gave the jump in epoch 5": the cut inside its own run
        return _cut_at_work(clause, step, number) if name == "the schedule" and re.search(r"\bepoch \d", low) else \
            Claim(number, clause, False, f"{name} did not change from the step before: not what changed here", "effect")
    if what == "fit" and (step.run.settings.ema or previous.run.settings.ema):
        return Claim(number, clause, None, "test is of the averaged (EMA) weights, train of the live ones: the gap "
                                           "between them is not measured", "effect")
    moved, figures = _effect_shown(what, step, previous, _named_figure(low), _only_train(low))
    better = _said_better(low, help_at)
    if moved == 0:
        return Claim(number, clause, None, f"{figures}: inside the noise, neither shown", "effect")
    if (moved > 0) != better:
        return Claim(number, clause, False, figures, "effect")
    if len(counted) > 1 and re.search(r"\b(together|combined|jointly|between them|all of them)\b", low):
        return Claim(number, clause, True, f"{figures}; the {len(counted)} changes together", "effect")
    if len(counted) > 1:
        return Claim(number, clause, None, f"{figures}; but {len(counted)} changes came together: one run cannot "
                                           "split them", "effect")
    return Claim(number, clause, True, f"{figures}; the only change", "effect")


def _related(name: str, every: list, previous: Step) -> list:
    """The changes from the step before that are the named one's, by its name or kind; a layer new in this step (a GAP
    where the step before had none) among the layers' changes, which name no layer by its role."""
    related = [c for c in every if re.search(CHANGE_NAMES[name], f"{c.text} {c.kind}".lower())
               or c.kind == CHANGE_KINDS.get(name)]
    return related or ([c for c in every if c.part == "layers"] if not _has(previous, name) else [])


def _cut_at_work(clause: str, step: Step, number: int) -> Claim:
    """A rate cut credited inside its own run: test accuracy at the first epoch on the lower rate against the epoch
    before it, beyond the noise of two scores."""
    lower, test = _lower_from([e.lr for e in step.run.epochs]), step.run.test()
    if not lower:
        return Claim(number, clause, False, f"the rate never fell in this run ({_rates(step)})", "effect")
    k = lower[0]
    noise = fall_noise(test[k - 2], test[k - 1])
    return Claim(number, clause, test[k - 1] - test[k - 2] > noise, f"the rate's cut at epoch {k}: test {test[k - 2]:.2f} → "
                 f"{test[k - 1]:.2f} % (noise ±{noise:.2f}; {records.METRICS})", "effect")


_HELP_WORD = re.compile(rf"\b(?:{HELP})\b")


def _help_word(low: str) -> re.Match | None:
    """The word crediting a change ("reduced", "helped", "cut"), not the noun of an event whose figures follow ("after
    the LR cut test accuracy went from 96.51 to 98.40")."""
    event = re.search(r"\bfrom\s+\d{2}(?:\.\d+)?\s*%?[^.;]{0,20}?\bto\s+\d{2}", low)
    reason = re.match(r"\W*(?:because|since|as|given that)\b[^,]*,", low)  # "Because ... lower ..., X has not helped"
    return next((h for h in _HELP_WORD.finditer(low, reason.end() if reason else 0) if not (
        event and h[0] == "cut" and re.search(r"\b(?:the|lr|rate|a|first|second)\s+$", low[:h.start()]) or
        h[0] == "kept" and _KEPT_GOING.match(low, h.end()) or
        re.match(r"\s+than\b", low[h.end():]))), None)  # "0.67 points lower than Model 1's": a comparison, not a credit


# "the model kept learning with the augmentation": went on learning, not a change's credit
_KEPT_GOING = re.compile(r"\s+(?:on\s+)?(?:learning|improving|rising|climbing|going|growing|increasing|getting|moving|"
                         r"training|falling|dropping)\b(?!\s+(?:stable|steady|small|low|high|under|in check))")


def _credit_of_several(low: str, step: Step, previous: Step, clause: str, number: int, what: str, help_at: re.Match,
                       n: int) -> Claim:
    """A credit given to one of several changes made together: not settled ("thanks to X the accuracy went up"),
    but false where the effect it credits went the other way beyond the noise."""
    split = f"{n} changes came together: one run cannot split them"
    if what == "fit" and (step.run.settings.ema or previous.run.settings.ema):
        return Claim(number, clause, None, split, "effect")
    if what == "accuracy" and _named_figure(low) == "min_last":
        return Claim(number, clause, None, split, "effect")  # which accuracy it means is not said
    moved, figures = _effect_shown(what, step, previous, _named_figure(low), _only_train(low))
    if moved and (moved > 0) != _said_better(low, help_at):
        return Claim(number, clause, False, f"{figures}: the other way", "effect")
    return Claim(number, clause, None, split, "effect")


UNSPLIT = re.compile(r"\b(?:cannot|can't|can not|could not|couldn't|not possible to|no way to)\s+(?:say|tell|split|"
                     r"separate|attribute|know|isolate|credit)\b")


def _unsplit(low, clause, step, previous, number) -> Claim | None:
    """"These runs cannot say which change made the difference": true where several changes came together; where the
    words say there was a gain to split, the gain must show beyond the noise too (inside it: not settled)."""
    if not UNSPLIT.search(low) or previous is None:
        return None
    counted = [c.text for c in changes(previous, step) if c.counted]
    said = f"{len(counted)} change{'s' * (len(counted) != 1)} from the step before" + \
        (": " + "; ".join(counted[:4]) + ("; …" if len(counted) > 4 else "") if counted else "")
    if len(counted) > 1 and re.search(r"\b(gain|improvement|rise)\b", low):
        moved, figures = _effect_shown("accuracy", step, previous)
        if moved <= 0:
            return Claim(number, clause, None if moved == 0 else False,
                         f"{said}; the gain: {figures}" + (": inside the noise, not shown" if moved == 0 else ""), "effect")
    return Claim(number, clause, len(counted) > 1, said, "effect")


def _credit_unsettled(step: Step, previous: Step | None) -> str | None:
    """Why a credit to a change the words do not name (a setting, a figure) cannot be settled: no step before, or
    several changes from it; None where one change alone came."""
    if previous is None:
        return "no step before to compare with"
    counted = [c for c in changes(previous, step) if c.counted]
    return None if len(counted) == 1 else f"{len(counted)} changes from the step before"


CHANGE_KINDS = {"dropout": "regularisation", "batch norm": "normalisation", "augmentation": "augmentation",
                "EMA": "averaging"}


def _has(step: Step, name: str) -> bool:
    s = step.run.settings
    return {"dropout": step.dropout() > 0, "batch norm": step.has("BatchNorm"),
            "augmentation": bool(augmentations(step.config)) and (s.augment_off_last or 0) < len(step.run.epochs),
            "the schedule": s.scheduler not in ("none", "", None),
            "GAP": step.has("AdaptiveAvgPool") or bool(_FUNCTIONAL_GAP.search(_model_code(step))),  # a functional GAP
            "EMA": bool(s.ema), "weight decay": bool(s.weight_decay)}[name]


def _said_better(low: str, help_at: re.Match) -> bool:
    """Whether a change is said to have made things better (unless its words say worse, or negate the help)."""
    worse = re.search(r"increas\w* (?:the )?(?:over-?fit|gap)|\bgap\s+(?:\w+\s+){0,2}?(?:bigger|larger|wider|grew)\b|"
                      r"(?:rais|increas)\w* (?:the )?(?:test |train )?(?:errors|mistakes|"
                      r"error (?:count|rate))|widen|worse|hurt|slow(?:ed|er)|(?:lower\w*|reduc\w*|"
                      r"dropp\w*) (?:the )?(?:final |best |min\w* )?(?:test |train )?acc|\bacc\w*\s+(?:\w+\s+)?"
                      r"(?:dropped|fell|decreased|went down|declined)", low) or re.search(
        r"\b(?:acc\w*|test|score)\s+(?:\w+\s+){0,2}?(?:is|was|ended|ends|finished)\s+(?:[\d.]+\s+(?:points?\s+)?)?lower than\b",
        re.sub(r"^\W*(?:because|since|as|given that)\b[^,]*,", "", low))  # "... ended 1.58 points lower than": worse (not a
    # reason's words: "Because the final accuracy is lower ..., X has not helped")
    return bool(worse) if _negated(low, help_at.start()) else not worse


def _named_figure(low: str) -> str:
    """The accuracy figure a sentence names: "final", "best", else the min of the last epochs (the budget's)."""
    return "final" if _FINAL.search(low) else "best" if re.search(r"\b(best|highest|peak)\b", low) else "min_last"


def _effect_shown(what: str, step: Step, previous: Step, figure: str = "min_last", train: bool = False) -> tuple[int, str]:
    """Whether the step moved `what` for the better against the step before, beyond the noise (+1), for the worse
    (-1), or inside it (0), and the figures: the gap (smaller is better), epoch 1's test accuracy (the speed), the last
    epochs' span (stability), the accuracy `figure` names (the min of the last epochs where none is named)."""
    a, b = facts(previous), facts(step)
    if what == "accuracy" and figure != "min_last":
        curve = (lambda s: s.run.train()) if train else (lambda s: s.run.test())  # "train accuracy ended lower": train's
        pick = (lambda s: curve(s)[-1]) if figure == "final" else (lambda s: max(curve(s)))
        x, y = pick(previous), pick(step)
        noise = fall_noise(x, y)
        return (0 if abs(y - x) <= noise else 1 if y > x else -1), \
            f"{figure} {'train' if train else 'test'} {x:.2f} → {y:.2f} % (noise ±{noise:.2f}) ({records.METRICS} of both)"
    if what == "fit":
        noise = math.hypot(a.gap_band, b.gap_band)
        said = f"the gap (train - test, last {b.n}) {a.gap:+.2f} → {b.gap:+.2f} points (noise ±{noise:.2f})"
        gain = a.gap - b.gap
        if _LAST_EPOCH_SAID.search(_SENTENCE.get() or ""):  # "in the last epoch ... 0.32 apart, against 1.53": its gap
            then, now = (s.run.train()[-1] - s.run.test()[-1] for s in (previous, step))
            said = f"the gap (train - test) at the last epoch {then:+.2f} → {now:+.2f} points (noise ±{noise:.2f})"
            gain = then - now
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


COMPARE = re.compile(r"\b(?<!or )(went up|went down|better|beat|beats|exceed(?:s|ed)?|surpass(?:es|ed)?|outperform(?:s|ed)?|"
                     r"improv(?:e|ed|es|ement)|higher|up from|rose|rises|"
                     r"gain(?:ed|s)?|raised|lifted|(?:above|below)(?= (?:that of |the one |those of )?(?:step|model)[ _-]?\d)|"
                     r"worse|regress(?:ed|ion)?|lower|dropped|fell|declin(?:e|ed)|down from|decreas(?:e|ed)|increas(?:e|ed))\b")
BEFORE = re.compile(r"\b(?:step|model)[ _]?\d|previous|the step before|the last step|earlier step|than before|"
                    r"from before|compared|\bvs\b|versus")
_DOWNWARD = r"worse|regress|lower|dropped|fell|fall|declin|down|decreas|drop|below|behind|went down|under|fewer|less|lost|sank|" \
    r"trail|lag"
BARE = re.compile(r"^(better|improv|worse|regress)")  # said of a step after another: against it, named or not


def _arrow_between(low: str, step: Step, previous: Step | None) -> re.Match | None:
    """"min of last 3 95.75 → 91.98 (-3.77)": two figures by an arrow, outside brackets and with no difference said
    in other words, that are a role's figures in the step before and in this one."""
    arrow = re.search(rf"(?<!→\s)(?<!->\s)(?<![\d.→>(]){NUM}\s*%?\s*(?:→|->)\s*{NUM}\s*%?(?!\s*(?:→|->))", low)
    if previous is None or arrow is None or low[:arrow.start()].rstrip()[-1:] == "(" or \
            _DIFF_BY.search(low) or _DIFF_SAID.search(low) or _DIFF_UP.search(low):
        return None
    return arrow if _steps_pair(previous, step, arrow[1], arrow[2]) else None


def _speed(low, clause, step, previous, number) -> Claim | None:
    """"Starts faster than step 2": test accuracy after epoch 1 against the step before's, beyond the noise of two
    scores (never wall seconds)."""
    said = re.search(r"\b(faster|quicker|slower)\b", low)
    if said is None or previous is None or not BEFORE.search(low) or re.search(
            r"\b(?:seconds?|s/epoch|minutes?|time)\b|\d\s*%?\s*(?:against|vs\.?|versus)\b|\bpoints?\b", low):
        return None  # a time, or the two figures and their difference said: the comparison's reader
    x, y = previous.run.test()[0], step.run.test()[0]
    noise = fall_noise(x, y)
    up = (said[1] != "slower") != _negated(low, said.start())
    verdict = None if abs(y - x) <= noise else (y > x) == up
    read: tuple[str, ...] = ()
    if figure := re.search(r"(\d{2}\.\d{1,2})\s*%?\s*(?:at|in|after) (?:epoch 1|the first epoch)\b", low):  # "73.17 at epoch 1"
        verdict, read = verdict if said_as(y, figure[1]) else False, (figure[1],)
    # "ep 1 test 97.51 where step 1 had 58.89": both steps' epoch 1, this one's first
    elif pair := re.search(r"\bepoch 1\b[^.;\d]{0,20}?(\d{2}\.\d{1,2})\s*%?[^.;\d]{0,30}?\b(?:step|model)[ _-]?\d+"
                           r"[^.;\d]{0,12}?(\d{2}\.\d{1,2})\s*%?", low):
        verdict, read = verdict if said_as(y, pair[1]) and said_as(x, pair[2]) else False, (pair[1], pair[2])
    return Claim(number, clause, verdict, f"test accuracy after epoch 1 {x:.2f} → {y:.2f} % (noise ±{noise:.2f}; "
                 f"{records.METRICS} of both)", "compare", read)


def _not_the_step_compared(low: str) -> bool:
    """A digit's figures against another step's (the per-class reader's), one seed against another ("seed 1 finished
    better than seed 0"), or "Not everything improved though" (something said next): not the step's accuracy against
    the step before; "still fell just short of 99.4" (a level)."""
    return bool(re.search(rf"\b(errors?|mistakes|misclassified|digit|class|{_PLURAL})\b", low) or
                re.match(r"\W*\d\s*\(\s*\d+\s*(?:→|->)\s*\d+\s*\)", low) or  # "4 (6→9) and 8 got worse": digits' counts
                re.search(r"\b(?:test|train\w*)(?: accuracy)? (?:exceed(?:s|ed)|surpass(?:es|ed))\s+(?:the\s+)?(?:test|train)",
                          low) or  # the two curves of one run
                re.match(r"\W*not (?:everything|all of (?:it|them)|every\w*)\b", low) or
                re.search(r"\b(?:than|vs\.?|versus|against|over|beats?|trails?|leads?)\s+(?:that of\s+)?seed\s+\d|"
                          r"\bacross (?:the |all |its )?"
                          r"(?:\w+ )?seeds\b|\b(?:fell|falls|fall|came|comes|stayed|stays|remained)\s+(?:\w+\s+)?short of\b|"
                          r"\b(?:\d+|two|three|four|five|ten|twenty)\s+times\s+(?:the|that of|as)\b",  # a ratio of a gap
                          low) or _COUNT_VS.search(low) or _DIGITS_MOVED.search(low))


# the figure a band is said of: in brackets right after it, or said just before it ("Final test 97.51 %, in the high
# 97s", "Best test 98.12 % at epoch 3, in the low 98s")
_BAND_AFTER = re.compile(r"\s*\(\s*(?P<x>\d{2}(?:\.\d+)?)\s*%?")
_BAND_BEFORE = re.compile(r"(?P<x>\d{2}(?:\.\d+)?)\s*%?\s*(?:\((?:[^()]*)\)\s*|(?:at|in|after) epoch \d+\s*)?,?\s*"
                          r"(?:(?:so|already|still|well|now|i\.e\.|that is|which is|is)\s+)*(?:in(?:to)? the\s+|at the\s+)?$")


def _band_said(low, clause, step, previous, number) -> Claim | None:
    """"Final test 97.51 %, in the high 97s": the figure the band is said of lies in it (the figure itself is its own
    reader's); a band with no figure beside it is left unchecked."""
    out = []
    for band in _BAND.finditer(low):
        said = _BAND_AFTER.match(low, band.end()) or _BAND_BEFORE.search(low[:band.start()])
        if said is None:
            continue
        lo, hi = _band_of(band)
        out.append((lo <= _num(said["x"]) < hi, f"{said['x']} in the {band[0]}: {lo:.2f} to {hi:.2f}", band[0]))
    if not out:
        return None
    return Claim(number, clause, all(ok for ok, _, _ in out), "; ".join(e for _, e, _ in out) + " (the band as said)",
                 "band", tuple(t for _, _, t in out))


# a ratio said in words of the pair beside it: "roughly halved (59 -> 45)", "nearly doubles (38.49 -> 53.76)", "an order of
# magnitude below (0.0422 vs 0.1326)"; the figures themselves are their own readers'
_FOLD_TOL = r"roughly|about|around|nearly|almost|more than|over|well over|just over|less than|under"  # a k-fold's tolerance
_RATIO_WORD = re.compile(rf"\b(?P<tol>{_FOLD_TOL})?\s*"
                         r"(?P<w>halv(?:ed|es|e|ing)|doubl(?:ed|es|e|ing)|tripl(?:ed|es|e|ing)|an order of magnitude)\b")
_RATIO_PAIR = re.compile(rf"(?<![\w.])(?<!epoch )(?<!step )(?<!seed ){NUM}\s*%?\s*(?:->|→|vs\.?|versus|against|to)\s*{NUM}"
                         r"(?![\d.,]*\d)")


def _ratio_band(k: float, tol: str) -> tuple[float, float]:
    """The ratios a word of k-fold covers: plain within a tenth of k, about a fifth either way (and a quarter above),
    almost from four fifths of k up to it, over / under one side of it; an order of magnitude 5 to 20."""
    if k == 10:
        return (5.0, 10.0) if tol in ("nearly", "almost") else (10.0, math.inf) if "over" in tol or tol == "more than" else \
            (0.0, 10.0) if tol in ("less than", "under") else (5.0, 20.0)
    return {"": (0.9 * k, 1.1 * k), "roughly": (0.8 * k, 1.25 * k), "about": (0.8 * k, 1.25 * k), "around": (0.8 * k, 1.25 * k),
            "nearly": (0.8 * k, k), "almost": (0.8 * k, k), "less than": (0.0, k), "under": (0.0, k)}.get(
        tol, (0.95 * k, math.inf))  # over, more than: "more than halved (0.138 -> 0.071)", as students round


def _ratio_said(low, clause, step, previous, number) -> Claim | None:
    """A k-fold word (halved, doubled, tripled, an order of magnitude) against the two figures said beside it: their
    ratio, larger over smaller, in the band its tolerance word gives."""
    word = _RATIO_WORD.search(low)
    pairs = [m for text in (low, _SENTENCE.get() or "") for m in (re.search(  # "Errors fall from 59 to 45 - roughly halved"
        rf"\bfrom\s+{NUM}\s*%?(?:\s+(?:at|in|after)\s+epoch\s+\d+)?\s+to\s+{NUM}", text), _RATIO_PAIR.search(text)) if m]
    if word is not None and (own := re.match(rf"\s+(?:the\s+)?[a-z ]{{0,20}}\(\s*(?={NUM}\s*(?:->|→))", low[word.end():])):
        pairs = [_RATIO_PAIR.search(low, word.end() + own.end())] + pairs  # "more than halved the errors (349 → 160)": those
    if word is None or not pairs or re.match(r"\s+(?:to|from)\s+\d", low[word.end():]) or re.search(
            r"\b(?:training set|images|data\w*|batch\w*|param\w*|channels|width|filters|epochs)\b[^,;]{0,20}$",
            low[:word.start()]):
        return None  # "the training set doubled to 10,000 images": another quantity's ratio, said with its own figure
    pair = pairs[0]
    with _unread():
        a, b = _num(pair[1]), _num(pair[2])
    if min(a, b) <= 0:
        return None
    k = {"h": 2.0, "d": 2.0, "t": 3.0}.get(word["w"][0], 10.0)
    lo, hi = _ratio_band(k, word["tol"] or "")
    ratio = max(a, b) / min(a, b)
    return Claim(number, clause, lo <= ratio <= hi, f"{pair[1]} and {pair[2]}: a ratio of {ratio:.2f} (\"{word[0].strip()}\": "
                 f"{lo:g} to {hi:g})", "ratio", ())


# "Digit 7 makes roughly twice as many mistakes as digit 3", "three times as many as any other digit", "well over half
# of all 1,371 errors": a digit's errors against another's, every other's, or the run's
_TIMES_AS_MANY = re.compile(rf"\b(?P<tol>{_FOLD_TOL})?\s*(?P<k>twice|"
                            r"two times|three times|thrice|four times|five times|\d+(?:\.\d+)?\s*(?:x|times))\s+as many\s+"
                            r"(?:errors|mistakes)?\s*(?:as|than)\s+(?P<other>(?:digit|class)\s+(?P<d>\d)|"
                            r"any other(?: digit| class)?|every other(?: digit| class)?|the others|all the others)")
_SHARE_OF_ALL = re.compile(rf"\b(?P<tol>{_FOLD_TOL})?"
                           r"\s*(?P<f>half|a third|a quarter|a fifth|two thirds|three quarters)\s+of\s+(?:all\s+)?"
                           r"(?:the\s+|its\s+)?(?:\d[\d,]*\s+)?(?:test\s+)?(?:errors|mistakes)\b")
_FRACTIONS = {"half": 1 / 2, "a third": 1 / 3, "a quarter": 1 / 4, "a fifth": 1 / 5, "two thirds": 2 / 3,
              "three quarters": 3 / 4}


# "9 is the worst digit with 33 of the 200 errors (~16 %)": a digit's errors as a share of the run's, in per cent
_SHARE_PCT = re.compile(r"\b(?P<n>\d+) of (?:the |all |its |all the )?(?:(?P<m>\d[\d,]*) )?(?:test )?errors"
                        r"(?:\s*(?P<b>\()\s*|\s*,\s*|\s+(?=about\b|roughly\b|around\b|≈|~))(?P<tol>~\s*|about\s+|roughly\s+|around\s+|almost\s+|nearly\s+|≈\s*)?"
                        r"(?P<p>\d+(?:\.\d+)?)\s*%(?(b)\s*\)|(?!\s*(?:error|of)\b))")  # "(14.78 % error on its 974)": a rate


# "Digit 8 is still the worst ..., with 111 of the 249 errors ...; but that is 33 fewer than in Model_2": that digit's
_DIGIT_FEWER = re.compile(r"\b(?:that is|that's|which is|this is)\s+(?P<n>\d+)\s+(?P<way>fewer|less|more)\s+than\s+(?:in\s+)?"
                          r"(?:step|model)[ _-]?\d+\b")


# "Digit 8 ...: 144 of the 308 errors, ..., 2.1x its 68 in Model_1": that digit's count against its count in the step named
_DIGIT_TIMES = re.compile(r"\b(?P<x>\d+(?:\.\d+)?)\s*(?:x|×|times)\s+its\s+(?P<n>\d+)\s+in\s+(?:step|model)[ _-]?\d+\b")


def _digit_fewer(low, clause, step, previous, number) -> Claim | None:
    """A count of errors said against the step named, where the sentence names one digit: that digit's errors here
    less its errors there, in the way said; or as a multiple of its count there ("2.1x its 68 in Model_1")."""
    named = set(re.findall(r"(?i)\bdigit (\d)\b", _SENTENCE.get() or ""))
    found, times = _DIGIT_FEWER.search(low), _DIGIT_TIMES.search(low)
    if (found or times) is None or previous is None or len(named) != 1:
        return None
    digit = int(named.pop())
    here = {r.digit: r.errors for r in step.run.per_class}.get(digit)
    there = {r.digit: r.errors for r in previous.run.per_class}.get(digit)
    if here is None or not there:
        return None
    said = f"digit {digit}: {there} errors in the step named, {here} here ({records.PER_CLASS} of both)"
    if times:
        return Claim(number, clause, int(times["n"]) == there and said_as(here / there, times["x"]),
                     f"{said}: {here / there:.2f}x", "figure", (times["x"], times["n"]))
    moved = here - there if found["way"] == "more" else there - here
    return Claim(number, clause, moved == int(found["n"]), said, "figure", (found["n"],))


def _digit_share(low, clause, step, previous, number) -> Claim | None:
    """A digit's errors said as a per cent share of the run's ("33 of the 200 errors (~16 %)"): the total the run's
    (per_class.csv summed) and the share of it the count said is, within its words' tolerance (the count itself is
    the digit's reader's)."""
    found = list(_SHARE_PCT.finditer(low))
    if not found or not step.run.per_class or not (_DIGIT.search(low) or re.search(r"\bdigit\b", low)):
        return None
    total = sum(r.errors for r in step.run.per_class)
    shares = [(m, 100 * int(m["n"]) / total if total else math.nan) for m in found]
    ok = all((m["m"] is None or int(m["m"].replace(",", "")) == total) and _share_within(share, m["p"], (m["tol"] or "").strip())
             for m, share in shares)  # the total said beside it, where a reader before has not taken it out
    return Claim(number, clause, ok, "; ".join(f"{m['n']} of {total} errors is {share:.1f} %" for m, share in shares) +
                 f" ({records.PER_CLASS})", "ratio", tuple(t for m, _ in shares for t in (m["m"], m["p"]) if t))


def _digit_ratio(low, clause, step, previous, number) -> Claim | None:
    """A digit's errors as a multiple of another digit's (or of every other's), or as a share of all the run's."""
    found = _TIMES_AS_MANY.search(low) or _SHARE_OF_ALL.search(low)
    named = list(re.finditer(r"\b(?:digit|class)\s+(\d)\b", low[:found.start()])) if found else []
    own = named[-1] if named else None  # the digit said nearest before the ratio
    rows = {r.digit: r.errors for r in step.run.per_class}
    if found is None or own is None or int(own[1]) not in rows:
        return None
    mine, tol = rows[int(own[1])], found["tol"] or ""
    if "f" in found.groupdict() and found["f"]:  # a share of all the errors
        k, total = _FRACTIONS[found["f"]], sum(rows.values())
        lo, hi = _ratio_band(k, tol) if tol not in ("well over",) else (1.1 * k, 1.0)
        return Claim(number, clause, total > 0 and lo <= mine / total <= hi, f"digit {own[1]}: {mine} of {total} errors, "
                     f"{100 * mine / max(total, 1):.1f} % ({records.PER_CLASS})", "ratio", ())
    k = {"twice": 2.0, "two times": 2.0, "three times": 3.0, "thrice": 3.0, "four times": 4.0, "five times": 5.0}.get(
        found["k"]) or _num(re.match(r"\d+(?:\.\d+)?", found["k"])[0])
    others = [rows[int(found["d"])]] if found["d"] else [e for d, e in rows.items() if d != int(own[1])]
    if not others or (found["d"] and int(found["d"]) not in rows) or min(others) <= 0 and max(others) <= 0:
        return None
    lo, hi = _ratio_band(k, tol)
    ratio = mine / max(max(others), 1)
    return Claim(number, clause, lo <= ratio <= hi, f"digit {own[1]}: {mine} errors, "
                 + (f"digit {found['d']}: {others[0]}" if found["d"] else f"the most of any other {max(others)}")
                 + f" - {ratio:.2f} times ({records.PER_CLASS})", "ratio", ())


# "Digit 1 is the best class, with single-digit errors": a digit's errors under ten (double-digit: 10 to 99)
_DIGITS_LONG = re.compile(r"\b(?P<n>single|double|triple)[- ]digit\s+(?:numbers? of\s+)?(?:errors|mistakes|misses)\b")


def _errors_digits_long(low, clause, step, previous, number) -> Claim | None:
    """The count of a named digit's errors said by how many digits it has."""
    found = _DIGITS_LONG.search(low)
    own = re.search(r"\b(?:digit|class)\s+(\d)\b", low) or re.search(rf"\b(?:the\s+)?({'|'.join(DIGIT_WORDS)})\b", low)
    if found is None or own is None or not step.run.per_class:
        return None
    digit = int(own[1]) if own[1].isdigit() else DIGIT_WORDS[own[1]]
    errors = next((r.errors for r in step.run.per_class if r.digit == digit), None)
    if errors is None:
        return None
    lo, hi = {"single": (0, 9), "double": (10, 99), "triple": (100, 999)}[found["n"]]
    return Claim(number, clause, lo <= errors <= hi, f"digit {digit}: {errors} errors ({records.PER_CLASS})", "figure", ())


# "7 of the 10 digits got worse", "only 3 digits improved": how many classes' errors rose (or fell) against the step before
_DIGITS_MOVED = re.compile(rf"\b(?P<n>\d+|no|none|all|{'|'.join(WORDS)})\s+(?:of the (?:10|ten)\s+|of (?:the|its|our) )?"
                           r"(?:digits|classes)\s+(?:have\s+|has\s+)?(?:got|get|gotten|are|were|became|become)?\s*(?P<way>worse|"
                           r"better|improved|improve|regressed|declined)\b")


def _digits_moved(low, clause, step, previous, number) -> Claim | None:
    """"Compared with Model_1, 7 of the 10 digits got worse": the classes whose errors rose (fell) from the step before."""
    if previous is None or (found := _DIGITS_MOVED.search(low)) is None or not previous.run.per_class or \
            not step.run.per_class:
        return None
    before = {r.digit: r.errors for r in previous.run.per_class}
    worse = found["way"] in ("worse", "regressed", "declined")
    moved = [r.digit for r in step.run.per_class if r.digit in before and
             (r.errors > before[r.digit] if worse else r.errors < before[r.digit])]
    said = {"no": 0, "none": 0, "all": 10}.get(found["n"]) if not found["n"].isdigit() and found["n"] not in WORDS else \
        int(found["n"]) if found["n"].isdigit() else WORDS[found["n"]]
    return Claim(number, clause, len(moved) == said, f"digits with {'more' if worse else 'fewer'} errors than the step "
                 f"before: {len(moved)} ({', '.join(map(str, moved)) or 'none'}) ({records.PER_CLASS} of both)", "figure",
                 (found["n"],) + (("10",) if re.search(r"of the 10\b", found[0]) else ()))


def _compare(low, clause, step, previous, number) -> Claim | None:
    """Better / worse / by N points than the step before, on the figure the budget judges (or the one named)."""
    if _not_the_step_compared(low) or _run_move(low):
        return None
    # "fell back to 96.92 % at the end, still better than in step 1": the word the comparison's "than" follows
    verb = next((m for m in COMPARE.finditer(low) if re.match(r"\s+than\b", low[m.end():])), None) or COMPARE.search(low)
    moved = re.search(rf"\bfrom\s+{NUM}\s*%?.*?\bto\s+{NUM}\s*%", low) or _arrow_between(low, step, previous)
    others = re.sub(rf"\b(?:step|model)[ _]?{number}\b", " ", low)  # "Model_2 goes from 75.41 % to 98.49 %" in step 2: its own
    if previous is not None and moved and (BEFORE.search(others) is not None or _steps_pair(previous, step, moved[1], moved[2])):
        return _moved(low, clause, step, previous, number, _num(moved[1]), _num(moved[2]), moved[1], moved[2])
    # "Against Model_1, ... while train is up 14.78"; not a reason's "because the last 2 epochs fell back"
    before = _before_named(low, number) or (_before_named(_head_of(low), number) if not re.match(r"\W*because\b", low) else None)
    by_points = _DIFF_BY.search(low) or ((_DIFF_SAID.search(low) or _DIFF_UP.search(low)) if before else None)
    if verb is None and by_points is not None and before:  # "0.84 points above Model_1", "is up by about 0.4"
        verb = _direction(low, by_points)
    if verb is None and before and (also := re.search(r"\b(?:is|was|are|were|went)\s+(up|down)\s+(?:too|as well|also)\b", low)):
        verb = also  # "Final is 0.59 above step 2, and the best is up too": the step the sentence names
    if verb is None or previous is None or not (before or BARE.match(verb[1]) or by_points):
        return None
    if not before and (span := re.search(r"\b(?:between|from) epoch (\d+) (?:and|to) (?:epoch )?(\d+)\b|\b(?:over|in|during|"
                                         r"across) the (?:last|final|first) \d+ epochs\b", low)):
        return _within_run(low, clause, step, number, span, by_points, verb) if span[1] else None  # "... over the last 2"
    if re.search(r"\bparam(?:eter)?s?\b", low) and not re.search(r"accura", low):
        return _params_compared(low, clause, step, previous, number, verb[1])
    if re.search(r"\b(?:rate|lr)\b", low) or re.search(r"\bloss\b", low) or "gap" in low or _AHEAD.search(low) or \
            re.search(r"\b(?:one-?cycle|onecycle\w*|scheduler?|steplr)\b", low) and \
            re.search(r"\b(?:to|at|of)\s+0?\.\d+\b(?!\s*(?:points?|pts?|pp|%))", low) or \
            re.search(r"\b(?:every|each) epoch\b", low) or "over-fit" in low or "overfit" in low:
        return None  # the rate's course, a loss or the fit: their own readers
    up = not re.match(_DOWNWARD, verb[1])
    if _negated(low, verb.start()):
        up = not up if not re.search(r"\bno (?:better|worse)\b", low) else None
    if up is not None and _earlier_subject(low[:verb.start()], low[verb.start():], number):
        up = not up  # "Model_1's best trails this one by 2 points": this step is the one ahead
    x, y, what = _compared(low, step, previous)
    if not _pair_read(low, x, y, step, previous):  # "(97.14 -> 97.51)" beside it: no role's two figures
        return Claim(number, clause, False, f"{what} {x:.2f} → {y:.2f} % ({records.METRICS} of both): not the pair said",
                     "compare")
    noise = fall_noise(x, y)
    said = f"{what} {x:.2f} → {y:.2f} % ({y - x:+.2f} points; noise ±{noise:.2f}; {records.METRICS} of both)"
    if by_points:
        tol = (by_points["tol"] or "").strip()
        return Claim(number, clause, _within(abs(y - x), by_points["n"], tol) and (up is None or (y > x) == up) and
                     _noise_kept(low, y - x, noise), said, "compare")  # "..., which I'd call within the noise"
    if up is None or HEDGED.search(low):
        return Claim(number, clause, abs(y - x) <= noise, said, "compare")
    if abs(y - x) <= noise:  # "better, beyond the noise" when it is not: false
        return Claim(number, clause, None if _noise_kept(low, y - x, noise) else False,
                     f"{said}: inside the noise, neither shown", "compare")
    return Claim(number, clause, (y > x) == up, said, "compare")


def _earlier_subject(subject: str, rest: str, number: int) -> bool:
    """A comparison whose subject is an earlier step ("Model_1's best test accuracy is behind this one"): said from
    the other side."""
    named = re.match(r"\W*(?:and |but |so |while |whereas )?(?:the )?(?:(?:step|model)[ _-]?(\d+)|(?:previous|prior|earlier) "
                     r"(?:step|model|one))\b", subject)
    others = {int(k) for k in re.findall(r"\b(?:step|model)[ _-]?(\d+)", rest)} - {number}
    return named is not None and (named[1] is None or int(named[1]) < number) and not re.search(
        r"\b(?:compared|against|than|vs\.?|versus|relative)\b", subject) and not others  # "step 2 beat step 1": no
    # side of it is this step


_PAIR = re.compile(rf"\(\s*{NUM}\s*%?\s*(?:→|->|vs\.?|versus|against|to)\s*{NUM}\s*%?\s*\)")
_PAIR_AFTER = re.compile(rf"[,:]\s*{NUM}\s*%?(?:\s+(?:at|after|in)\s+epoch\s+\d+)?\s*(?:vs\.?|versus|against)\s*{NUM}"
                         r"\s*%?(?:\s+for\s+(?:step|model)[ _-]?\d+)?\s*$")  # "..., 99.55 % vs 99.41 %"


def _seeds_ends(step: Step, a: str, b: str) -> bool:
    """Two figures that are the seeds' lowest and highest of a role (final, the lowest of the last epochs), either way."""
    curves = seed_curves(step) if step.check else {}
    with _unread():
        return len(curves) > 1 and any(
            said_as(min(ends), a) and said_as(max(ends), b) or said_as(max(ends), a) and said_as(min(ends), b)
            for ends in (_seed_values(curves, role, step.last).values() for role in ("min", "final")))


def _pair_read(low: str, x: float, y: float, step: Step, previous: Step) -> bool:
    """"(97.33 → 93.48)" beside a comparison: its two figures, in either order, are the ones compared - read; a pair
    of another role's two figures (final, best, min of the last epochs) is left to the figure reader; a pair that is
    no role's two figures is not the comparison's (False)."""
    for said in re.finditer(r"(?<![\d.])(\d{2}\.\d{1,2})(?![\d.]|\s*%)", low):  # bare: "final 99.45 ... Model_1's 98.95"
        with _unread():
            ours = said_as(x, said[1]) or said_as(y, said[1])
        if ours:
            _num(said[1])
    after = _PAIR_AFTER.search(low)
    pair = _PAIR.search(low) or after
    if pair is None or not all(re.fullmatch(r"\d{2}\.\d+", t) for t in (pair[1], pair[2])) or \
            re.search(r"\btrain", low) and re.search(r"\btest|\bval", low) or _seeds_ends(step, pair[1], pair[2]):
        return True  # "(6 vs 8)" epochs, "(94.61 vs 75.44)" test against train, "(99.43 to 99.54 %)" the seeds': another's
    roles = [(x, y)] + [(a, b) for a, b in ((previous.run.test()[-1], step.run.test()[-1]), (facts(previous).best_test,
             facts(step).best_test), (facts(previous).min_last, facts(step).min_last))]
    if re.search(r"\b(?:final|best|highest|peak|min(?:imum)?|lowest)\b", low[:pair.start()]):
        roles = roles[:1]  # "the final accuracy is 0.6 points higher (99.42 % against 98.81 %)": the role named, not the best
    with _unread():
        ours = said_as(x, pair[1]) and said_as(y, pair[2]) or said_as(y, pair[1]) and said_as(x, pair[2])
        known = any(said_as(a, pair[1]) and said_as(b, pair[2]) or said_as(b, pair[1]) and said_as(a, pair[2])
                    for a, b in roles)
    if pair is after and not (ours or known) and re.search(r"\b(?:too|also|as well)\b|,\s*and\b", low[:pair.start()]):
        return True  # a pair ending the clause may be another claim's of it ("..., and the first epoch too: a vs b")
    if ours or not known:
        _num(pair[1]), _num(pair[2])
    return ours or known


_DIRECTION = r"better|higher|up|gain(?:ed|s)?|improvement|increase|above|ahead|over|more|jump(?:ed|s)?|rose|rises|" \
             r"climb(?:ed|s)?|grew|worse|lower|down|drop(?:ped|ping|s)?|decrease|below|behind|under|less|fewer|fell|falls|" \
             r"falling|lost|sank|improving|trail(?:s|ed|ing)?|lag(?:s|ged|ging)?"


def _direction(low: str, by: re.Match) -> re.Match | None:
    """The way a difference said goes: the word just after its amount ("2 points over Model_1"), else the last one
    before it ("is up by about 0.4"); a tolerance's own word ("over 1 point") is not a direction."""
    after = re.match(rf"\s*(?:percentage points?|points?|pts?|pp|%)?\s*({_DIRECTION})\b", low[by.end("n"):])
    if after is not None:
        return after
    return next(iter(reversed(list(re.finditer(rf"\b({_DIRECTION})\b", low[max(0, by.start() - 25):by.start("tol")])))), None)


def _within_run(low, clause, step, number, span: re.Match, by: re.Match | None, verb: re.Match) -> Claim | None:
    """"Between epoch 1 and epoch 15 test accuracy rose by 1.90 points": a move inside the run, not against a step."""
    curve = step.run.train() if re.search(r"\btrain(?:ing)?\b", low) and "test" not in low else step.run.test()
    a, b = int(span[1]), int(span[2])
    if not 1 <= a < b <= len(curve):
        return None
    moved = curve[b - 1] - curve[a - 1]
    up = not re.match(_DOWNWARD, verb[1])
    ok = (moved > 0) == up and (by is None or _within(abs(moved), by["n"], (by["tol"] or "").strip()))
    return Claim(number, clause, ok, f"epoch {a} {curve[a - 1]:.2f} → epoch {b} {curve[b - 1]:.2f} % ({moved:+.2f} points; "
                 f"{records.METRICS})", "figure", (by["n"],) if by else ())


# "final 1.20 below best", "the final is about 1.2 points under its peak": the run's best less its final
_FINAL_OFF_BEST = re.compile(r"\bfinal(?:\s+(?:is|was|sits|ends|ended))?\s+(?P<tol>about |around |~\s*|roughly |almost |nearly )?"
                             r"(?P<n>\d*\.\d+)\s*(?:points?|pts?|pp|%)?\s+(?:below|under|short of|off)\s+(?:the\s+|its\s+)?"
                             r"(?:best|peak|max(?:imum)?)\b")


def _final_off_best(low, clause, step, previous, number) -> Claim | None:
    """How far a run's final is below its best test accuracy, in the tolerance its words give."""
    if (found := _FINAL_OFF_BEST.search(low)) is None or step.check is not None or re.search(r"\bseeds?\b|\btrain", low):
        return None  # a check's seeds each have their own; train's best is another curve
    curve = step.run.test()
    off = max(curve) - curve[-1]
    return Claim(number, clause, _within(off, found["n"], (found["tol"] or "").strip()),
                 f"best {max(curve):.2f} % at epoch {curve.index(max(curve)) + 1}, final {curve[-1]:.2f} %: {off:.2f} below "
                 f"({records.METRICS})", "arithmetic", (found["n"],))


# "the second epoch dips to 76.92 and is the only epoch below 85": that epoch on the level's side, every other not
_ONLY_EPOCH = re.compile(r"\b(?:is|was|it is|it was)\s+the\s+only\s+(?:one|epoch)\s+(?P<way>below|under|above|over)\s+"
                         r"(?P<x>\d{2}(?:\.\d+)?)\s*%?")


def _only_epoch(low, clause, step, previous, number) -> Claim | None:
    """The one epoch the sentence names alone on one side of a level."""
    found = _ONLY_EPOCH.search(low)
    named = re.findall(r"\bepoch (\d+)\b", (_SENTENCE.get() or low).lower())
    if found is None or len(set(named)) != 1:
        return None
    series = step.run.train() if re.search(r"\btrain", low) and "test" not in low else step.run.test()
    e, x, under = int(named[0]), _num(found["x"]), found["way"] in ("below", "under")
    if not 1 <= e <= len(series):
        return None
    sides = [(v < x) == under for v in series]
    ok = sides[e - 1] and sides.count(True) == 1
    return Claim(number, clause, ok, f"epochs {'below' if under else 'above'} {found['x']} %: "
                 f"{', '.join(str(i + 1) for i, s in enumerate(sides) if s) or 'none'} ({records.METRICS})", "threshold",
                 (found["x"],))


# "the mean final accuracy over the seeds came out just under 99.55 (99.545)", "the seeds' mean min is 99.49"
_SEEDS_MEAN = re.compile(r"\b(?:the\s+)?(?:seeds'?\s+)?(?P<agg>mean|average|median)"
                         r"(?:\s*±\s*(?:sd|std|s\.d\.)(?:\s+of\s+the)?)?(?:\s*:\s*|\s+)"
                         r"(?P<role>finals?|min\w*|lowest)?(?:\s+of\s+(?:the\s+)?last\s+(?:\d+|two|three|four|five)(?:\s+epochs)?)?"
                         r"(?:\s+test)?"
                         r"(?:\s+accuracy)?(?:\s+(?:over|across|of)\s+(?:the\s+|all\s+)?(?:\d+\s+|\w+\s+)?seeds)?\s*"
                         r"(?:is|was|came out(?: at)?|comes out(?: at)?|of|at|=|:)?\s*(?:(?P<tol>just under|just over|under|"
                         r"below|over|above|about|around|roughly|~)\s*)?(?P<x>\d{2}\.\d+)\s*%?(?:\s*\(\s*(?P<y>\d{2}\.\d+)"
                         r"\s*%?\s*\))?(?:\s*±\s*(?P<sd>\d+(?:\.\d+)?)\s*%?)?")


# "the mean of the three seeds' lowest-of-last-3 values is only 88.83", "the mean of the seeds' minima": the seeds' mean
_OF_SEEDS_MEAN = re.compile(r"\b(?:the\s+)?(mean|average)\s+of\s+(?:the\s+|all\s+)?(?:\w+\s+)?seeds'\s+(lowest|min\w*|worst|"
                            r"finals?)(?:[- ]of[- ](?:the[- ])?last[- ](\d+|two|three|four|five)(?:[- ]epochs)?)?(?:\s+(?:values|"
                            r"figures|accuracies|numbers|test accuracies))?\s+(?:is|was|are|were|comes? to|came to)\s+"
                            r"(?:only\s+|still\s+|just\s+(?=\d))?")


def _seeds_mean(low, clause, step, previous, number) -> Claim | None:
    """The seeds' mean figure (final, or the lowest of the last epochs), at its digits or against the level said."""
    curves = seed_curves(step)
    low = _OF_SEEDS_MEAN.sub(lambda m: f"the seeds' mean {'final' if m[2].startswith('final') else 'min'}"
                                       f"{' of the last ' + m[3] if m[3] else ''} is", low)
    low = re.sub(r"\b(?:mean|average) of (?:the |all )?(?:\w+ )?(minima|minimums|finals)\s*(?:is|was|:|=)", lambda m:
                 f"the seeds' mean {'min' if m[1].startswith('min') else 'final'} is", low)  # "Mean of the six minima: 99.51"
    found = _SEEDS_MEAN.search(low)
    if found is None or not step.check or len(curves) < 2 or not (re.search(r"\bseeds\b|\bseeds'", low) or found["sd"] or
                                                                   len(set(re.findall(r"\bseed (\d+)", low))) >= 2 or
                                                                   re.match(r"\W*(?:the\s+)?(?:mean|average|avg)\b", low)):
        return None  # "Mean min of last 3: 95.62 %" opening a check's line: the seeds' mean
    low_role = found["role"] is not None and not found["role"].startswith("final") or \
        found["sd"] is not None and re.search(r"\b(?:lowest|min\w*|worst)\b", low[:found.start()]) is not None or \
        found["role"] is None and re.match(r"\W*(?:the\s+)?(?:min\w*|lowest)\b[^:;]{0,30}:", _SENTENCE.get()) is not None
    # "min of last 3: s0 92.36 vs ...; mean 95.62": the role the sentence's head gives
    values = list(_seed_values(curves, "min" if low_role else "final", step.last).values())
    mean, tol = sum(values) / len(values), (found["tol"] or "").replace("just ", "")
    middle = sorted(values)[(len(values) - 1) // 2:len(values) // 2 + 1]  # the middle seed's, or the two around the middle
    agg, centre = ("median", sum(middle) / len(middle)) if found["agg"] == "median" else ("mean", mean)
    x = _num(found["x"])
    ok = (centre < x if tol in ("under", "below") else centre > x if tol in ("over", "above") else
          _within(centre, found["x"], tol) if tol else said_as(centre, found["x"]))
    ok = ok and (found["y"] is None or said_as(centre, found["y"]))
    what = f"min of the last {step.last}" if low_role else "final"
    said = f"the seeds' {agg} {what}: {centre:.3f} % ({', '.join(f'{v:.2f}' for v in values)}"
    if found["sd"]:  # "95.33 ± 1.84": the seeds' standard deviation, of a sample (n - 1) or of the seeds alone (n)
        spread = sum((v - mean) ** 2 for v in values)
        sample, whole = (spread / (len(values) - 1)) ** 0.5, (spread / len(values)) ** 0.5
        ok = ok and (said_as(sample, found["sd"]) or said_as(whole, found["sd"]))
        said += f"; sd {sample:.2f} of a sample, {whole:.2f} of the {len(values)} seeds"
    return Claim(number, clause, ok, f"{said}; {records.CHECK})", "figure",
                 tuple(n for n in (found["x"], found["y"], found["sd"]) if n))


# "Model_1 finished more than half a point behind, at 98.81", "so Model_1 was 38.62 points behind at epoch 1": the
# comparison said from the earlier step's side
_STEP_BEHIND = re.compile(r"^\W*(?:so\s+|and\s+|but\s+|while\s+|whereas\s+)?(?:step|model)[ _-]?(?P<k>\d+)\s+(?:was|finished|"
                          r"ended|is|sat|stayed|came in|trailed)\s+(?:(?P<tol>about|around|roughly|more than|over|less than|"
                          r"under|almost|nearly|~)\s*)?(?P<n>\d*\.?\d+)\s*(?:points?|pts?|pp|%)?\s+(?P<way>behind|ahead|"
                          r"below|above|lower|higher)\b(?:,?\s*(?:at|with)\s+(?P<x>\d{2}(?:\.\d+)?)\s*%?)?")


def _step_behind(low, clause, step, previous, number) -> Claim | None:
    """An earlier step said behind (or ahead of) this one by N points: at the epoch said, else at the end (its final);
    its own figure where the words give it."""
    found = _STEP_BEHIND.search(low)
    if found is None or previous is None or int(found["k"]) >= number or re.search(r"\b(?:loss|gap|param\w*|train\w*)\b",
                                                                                     low):
        return None
    at = re.search(r"\bat epoch (\d+)\b", low[found.end("way"):])
    e = int(at[1]) if at else None
    ours, theirs = step.run.test(), previous.run.test()
    if e is not None and not (1 <= e <= min(len(ours), len(theirs))):
        return None
    a, b = (theirs[e - 1], ours[e - 1]) if e else (theirs[-1], ours[-1])
    behind = found["way"] in ("behind", "below", "lower")
    ok = (a < b) == behind and _within(abs(b - a), found["n"], found["tol"] or "") and \
        (found["x"] is None or said_as(a, found["x"]))
    where = f"epoch {e}" if e else "final"
    return Claim(number, clause, ok, f"test, {where}: step {found['k']} {a:.2f} %, this step {b:.2f} % ({b - a:+.2f} points; "
                 f"{records.METRICS} of both)", "compare", tuple(n for n in (found["n"], found["x"]) if n))


# "+68 over Model_1" under "[x] Params < 8k": a bare count of 20 or more against a step, no points of accuracy
_COUNT_VS = re.compile(r"(?<![\d.,])\+?(?:[2-9]\d|[1-9]\d{2,})(?![\d.,%])\s+(?:over|above|more than|vs\.?|against)\s+"
                       r"(?:model|step)[ _-]?\d")
_SIGNED_VS = re.compile(r"(?<![\w.])(?P<d>[+\-−]\s*\d*\.?\d+)\s*(?:points?|pts?|pp|%)?\s+(?:vs\.?|versus|against|on|over|"
                        r"compared (?:to|with))\s+(?:step|model|iteration)[ _-]?\d+\b")


def _signed_vs(low, clause, step, previous, number) -> Claim | None:
    """"final test +0.6 vs model 1", "best test +1.98 vs step 1 (beyond noise)": the figure the words name (final where
    they name none) against that step's, the difference at the digits said and its sign the direction."""
    found = _SIGNED_VS.search(low)
    if found is None or previous is None or re.search(r"\b(?:param\w*|loss|gap|lr|rate|errors?)\b", low) or _COUNT_VS.search(low):
        return None
    x, y, what = _compared(low[:found.start()], step, previous)
    said = found["d"].replace("−", "-").replace(" ", "")
    noise = fall_noise(x, y)
    ok = said_as(abs(y - x), said[1:]) and (y > x) == (said[0] == "+") and _noise_kept(low, y - x, noise)
    return Claim(number, clause, ok, f"{what} {x:.2f} → {y:.2f} % ({y - x:+.2f} points; noise ±{noise:.2f}; "
                 f"{records.METRICS} of both)", "compare", (said[1:],))


def _compared(low: str, step: Step, previous: Step) -> tuple[float, float, str]:
    """The two steps' figures a comparison names: at an epoch, the best, the min of the last epochs, or the final
    (where it names none); of the seed it names, where it names one."""
    a, b = facts(previous), facts(step)
    if re.match(r"\W*(?:so\s+|and\s+|but\s+)?(?:it|this|that)\b", low) and not re.search(
            r"\b(?:final|best|highest|peak|min\w*|lowest|worst|epoch \d+|end\w*|finish\w*)\b", low) and \
            (head := re.match(r"\W*(?:the\s+)?((?:min\w*|lowest|worst|best|final)\b[^,;:(]*)", _SENTENCE.get() or "", re.I)):
        low = f"{head[1].lower()} {low}"  # "The minimum of the last 3 epochs is 96.51 %, so it is 42.75 points above ...": its
    train = bool(re.search(r"\btrain(?:ing)?\s+(?:(?:only|just|merely|still)\s+)?(?:accuracy|acc|score|figure|is|was|went|rose|"
                           r"gained|ends|ended|finish\w*|fell|dropped|~?\d[\d.]*)\b", low)) and "test" not in low
    # "Train only 96.75 at the end, ~1.6 below Model_1's": train's too
    low = re.sub(r"\b(?:best|worst|weakest|strongest|top|highest|lowest)\s+seed\b|\bthe (?:best|worst|highest|lowest) of "
                 r"(?:all|them|the (?:\w+ )?seeds|the (?:two|three|four|five|six))\b", "seed", low)  # the seed, not its figure
    at = 1 if re.search(r"\b(?:the )?first epoch\b", low) else int(m[1]) if (m := re.search(r"\bepoch (\d+)\b", low)) else None
    if at is None and (lead := re.match(r"\W*(?:already |even |only )?(?:after|at|in|by) (?:the (first) epoch|epoch (\d+)),",
                                        _SENTENCE.get() or "", re.I)):
        at = 1 if lead[1] else int(lead[2])  # "Already after the first epoch, the test accuracy ... exceeded": that epoch's
    if re.search(r"\b(final|best|highest|peak|min(?:imum)?|lowest|end|ending|ended|ends|finish\w*)\b", low):
        at = None  # the figure the words name, not an epoch said of another claim
    if at is not None and 1 <= at <= min(len(previous.run.epochs), len(step.run.epochs)):
        them, us = (previous.run.train(), step.run.train()) if train else (previous.run.test(), step.run.test())
        x, y, what = them[at - 1], us[at - 1], f"{'train' if train else 'test'} at epoch {at}"
    elif re.search(r"\b(best|highest|peak|max(?:imum)?)\b", low):
        x, y, what = (a.best_train, b.best_train, "best train") if train else (a.best_test, b.best_test, "best test")
    elif re.search(r"\b(min(?:imum|ima)?|lowest|worst|last \d+|last (?:two|three) epochs|consistency)\b|"
                   r"\b(?:assignment|budget|course|"
                   r"target)'?s? (?:own )?(?:measure|figure|yardstick)\b", low) or re.search(
            r"\bby (?:that|this|the same) measure\b", low) and re.search(r"\b(?:lowest|min\w*) of the last\b",
                                                                      _SENTENCE.get() or ""):
        # "by the assignment's measure", "taking the lowest of the last three ..., by that measure", "the consistency
        # got worse": the budget's
        x, y, what = a.min_last, b.min_last, f"min of the last {b.n}"
    else:  # the figure the words name, final where they name none
        them, us = (previous.run.train(), step.run.train()) if train else (previous.run.test(), step.run.test())
        x, y, what = them[-1], us[-1], f"final {'train' if train else 'test'}"
    curves = seed_curves(step) if step.check and not train and re.search(r"\b(?:mean|average|avg)\b", low) else {}
    if len(curves) >= 2:  # "the mean of the three final accuracies is about 2 points below Model_2's": the seeds' mean
        role = "best" if what.startswith("best") else "min" if what.startswith("min") else \
            f"epoch {at}" if " at epoch " in what else "final"
        return x, sum(_seed_values(curves, role, step.last).values()) / len(curves), f"{what} (the seeds' mean)"
    if step.check and (seed := re.search(r"\bseed (\d+)", low)) and int(seed[1]) in step.check.verdict.seeds and not train:
        curve = step.check.verdict.seeds[int(seed[1])].test_acc  # "seed 1's final accuracy": that seed's
        y = max(curve) if what.startswith("best") else min(curve[-step.last:]) if what.startswith("min") else \
            curve[at - 1] if " at epoch " in what else curve[-1]
        what = f"{what} (seed {seed[1]})"
    return x, y, what


_TOL = r"(?P<tol>(?:only |just )?(?:about|around|roughly|approximately|~|≈|almost|nearly|over|more than|under|less " \
       r"than|just over|just under)?)"
_DIFF_BY = re.compile(rf"\bby\s+(?:only |just )?{_TOL}\s*(?P<n>\d+(?:\.\d+)?)\s*(?:percentage points?|points?|pts?|pp|"
                      r"%\s*points|%|(?=\s+(?:over|than|on|vs\.?|versus|compared|from)\b|\s*\())")
# "2 points better than step 1", not "the last 3 above step 2's" (a span's count)
_DIFF_SAID = re.compile(r"(?<!\blast)(?<!\bfirst)(?<!\bfinal)(?<!\bepoch)(?<!\bepochs)"
                        rf"(?:^|[\s(,]){_TOL}\s*(?P<n>\d+(?:\.\d+)?)\s*(?:percentage points?|points?|pts?|pp|%\s*points|%)?"
                        r"\s+(?:better|higher|worse|lower|more|less|up|down|improvement|gain|drop|increase|decrease|"
                        r"above|below|ahead|behind|over|under)(?:\s+(?:than|on|over|from|compared|against|that of|"
                        r"(?:step|model)[ _-]?\d)\b|\s*[.,;:(]|\s*$)")
_DIFF_UP = re.compile(rf"\b(?:went |is |was |goes )?(?P<dir>up|down|higher|lower|dropped|drops|fell|falls|rose|rises|gained|"
                      rf"gains|lost|climbed|grew|"
                      rf"improved|declined|decreased|increased)\s+(?:by\s+)?{_TOL}\s*(?P<n>\d+(?:\.\d+)?)\s*"
                      r"(?:percentage points?|points?|pts?|pp|%)?(?=\s*(?:on|over|from|vs\.?|versus|against|compared|while|"
                      r"and|but|,|;|\(|$))")


def _within(delta: float, text: str, tol: str) -> bool:
    """A difference said with the tolerance its words give: plain (at its digits), about (within a quarter of it, at
    least 0.1 points), almost (three quarters of it up to it), over / under."""
    n = _num(text)
    tol = re.sub(r"^(?:only|just)\s+", "", tol)
    if tol in ("about", "around", "roughly", "approximately", "~", "≈"):
        return abs(delta - n) <= max(0.25 * n, 0.1)
    if tol in ("almost", "nearly"):
        return 0.75 * n - 1e-9 <= delta <= n + 1e-9  # almost: short of it, never past it
    if tol in ("over", "more than", "just over"):
        return delta > n
    if tol in ("under", "less than", "just under"):
        return delta < n
    return said_as(delta, text)


def _role_pairs(previous: Step, step: Step) -> list[tuple[float, float, str]]:
    """The figures of a role in the step before and in this one: the min of the last epochs, the best test and train,
    the final test."""
    a, b = facts(previous), facts(step)
    return [(a.min_last, b.min_last, f"min of the last {b.n}"), (a.best_test, b.best_test, "best test"),
            (a.best_train, b.best_train, "best train"), (previous.run.test()[-1], step.run.test()[-1], "final test")]


def _steps_pairs(previous: Step, step: Step, xs: str, ys: str) -> list[tuple[float, float, str]]:
    """The roles whose figures in the step before and in this one are the two said, `xs` then `ys`."""
    with _unread():
        return [(p, q, what) for p, q, what in _role_pairs(previous, step) if said_as(p, xs) and said_as(q, ys)]


def _steps_pair(previous: Step, step: Step, xs: str, ys: str) -> bool:
    """"lifted the min of the last three from 53.76 % to 96.51 %" with no step named: the two figures are a role's in
    the step before and in this one."""
    return bool(_steps_pairs(previous, step, xs, ys))


# a move said by its size: "a gain of 42.75 points", "a jump of about 1.9 pts"
_MOVE_OF = re.compile(r"\b(?:gain|loss|drop|rise|improvement|fall|increase|decrease|jump|climb) of\s+"
                      r"(?P<tol>about |around |~\s*)?(?P<n>\d+(?:\.\d+)?)\s*(?:percentage points?|points?|pts?|pp|%)")


# the verbs that say a figure went up or down, one vocabulary for every reader of a move's way
_WENT_UP = r"rose|ris(?:e|es|ing)|climb\w*|grew|grows|gain\w*|improv\w*|increas\w*|jump\w*|went up|goes up|lift\w*|rais\w*"
_WENT_DOWN = r"fell|fall(?:s|ing|en)?|dropp\w*|drops?|declin\w*|decreas\w*|sank|sinks?|slipp\w*|slips?|went down|goes down|" \
    r"lost|loses|regress\w*|worsen\w*|dipp\w*|dips?|slid\w*"
# the verb that says which way a figure went ("rose from 96.51 to 95.90" is a fall said as a rise)
_MOVE_VERB = re.compile(rf"\b(?P<up>{_WENT_UP})\b|\b(?P<down>{_WENT_DOWN})\b")


# "rises in every epoch, by 15.27 in epoch 6, 27.95 in epoch 7 and 4.58 in epoch 8": each size the move into its epoch
_BY_EPOCH_ITEM = r"(?:only\s+|just\s+)?[+\-−]?\d+(?:\.\d+)?\s*(?:points?|pts?|pp)?\s+(?:in|at|into) epoch \d+\b"
_BY_EPOCH = re.compile(rf"(?i)\b(?:{_WENT_UP}|{_WENT_DOWN})\b[^.;:\d]{{0,40}}?\bby\s+{_BY_EPOCH_ITEM}"
                       rf"(?:\s*(?:,\s*(?:and\s+)?|and\s+)(?:by\s+)?{_BY_EPOCH_ITEM})+")
# "a 2.39-point gain in epoch 2, 1.72 in epoch 3 and only 0.15 in epoch 4": the noun's size, said as "gained by"
_SIZED_NOUN = re.compile(r"(?i)\ba\s+(\d+(?:\.\d+)?)[- ](?:points?|pp)\s+(gain|rise|jump|increase|improvement|drop|fall|decrease)"
                         r"(?=\s+(?:in|at|into) epoch \d+\s*(?:,|and\b))")


def _by_each_epoch(text: str) -> str:
    """A list of moves sized by epoch after one "by" ("by 15.27 in epoch 6, 27.95 in epoch 7", "a 2.39-point gain in
    epoch 2, 1.72 in epoch 3"): "by" said before each size, so that no size is read as an accuracy at its epoch."""
    text = _SIZED_NOUN.sub(lambda m: f"a {m[2]} by {m[1]}", text)
    return _BY_EPOCH.sub(lambda m: re.sub(r"(?i)(,\s*(?:and\s+)?|\band\s+)(?!by\b)(?=(?:only\s+|just\s+)?[+\-−]?\d)", r"\1by ",
                                          m[0]), text)


_GAIN_AT = re.compile(rf"(?i)(?:\bby|\b(?:{_WENT_UP}|{_WENT_DOWN}))\s+(?:only\s+|just\s+)?(?P<n>[+\-−]?\d+(?:\.\d+)?)\s*"
                      r"(?:points?|pts?|pp)?\s+"
                      r"(?:in|at|into) epoch (?P<e>\d+)\b")


# "Every seed gains in epoch 5 ... by between 0.54 and 2.03 points", "in epoch 6 none of them gains more than 0.08"
_SEEDS_GAIN = re.compile(rf"\b(?P<q>every seed|each seed|all (?:\w+ )?seeds|none of them|no seed|neither seed)\s+"
                         rf"(?P<verb>{_WENT_UP}|{_WENT_DOWN})\b")
_GAIN_SIZE = re.compile(r"\bby between (?P<a>\d*\.\d+) and (?P<b>\d*\.\d+)|\b(?P<side>more than|less than|over|under) "
                        r"(?P<n>\d*\.\d+)")


def _seeds_gain(low, clause, step, previous, number) -> Claim | None:
    """Each seed's move into the epoch each piece names, said over the seeds: all of them the way the verb says, by
    between A and B (the least and the most of the moves), none of them more than X."""
    curves, verdicts, said, read, start = seed_curves(step), [], [], [], 0
    if not step.check or len(curves) < 2 or re.search(r"\bloss\b", low):
        return None
    for found in _SEEDS_GAIN.finditer(low):
        if (size := _GAIN_SIZE.search(low, found.end())) is None:
            break
        at = re.search(r"\b(?:in|at|into) epoch (\d+)\b", low[found.end():size.start()]) or \
            (re.findall(r"\b(?:in|at|into) epoch (\d+)\b", low[start:found.start()]) or [None])[-1]
        e = int(at if isinstance(at, str) else at[1]) if at else 0
        if not all(2 <= e <= len(c) for c in curves.values()):
            return None
        moves = {s: c[e - 1] - c[e - 2] for s, c in curves.items()}
        down = re.fullmatch(_WENT_DOWN, found["verb"]) is not None
        signed, n = [-m if down else m for m in moves.values()], _num(size["n"] or "0")
        if size["a"]:
            ok = all(m > 0 for m in signed) and said_as(min(signed), size["a"]) and said_as(max(signed), size["b"])
        else:
            past = [m > n if size["side"] in ("more than", "over") else m < n for m in signed]
            ok = not any(past) if found["q"] in ("none of them", "no seed", "neither seed") else all(past)
        verdicts.append(ok)
        said.append(f"into epoch {e}: " + ", ".join(f"seed {s} {m:+.2f}" for s, m in moves.items()))
        read += [t for t in (size["a"], size["b"], size["n"]) if t]
        start = size.end()
    if not verdicts:
        return None
    return Claim(number, clause, all(verdicts), "each seed's test accuracy " + "; ".join(said) + f" ({records.CHECK})",
                 "trend", tuple(read))


def _seed_or_run(step: Step, low: str, train: bool) -> tuple[list[float], int | None, str] | None:
    """The curve a clause speaks of: the one seed's it names (its test curve, from the check), else the run's (train's
    where `train`); None where it names several seeds. With the seed named (or None) and the record it comes from."""
    seeds = seed_series(step, low)
    if seeds is not None and (seeds[0] != "one" or not seeds[1]):
        return None
    if seeds:
        return seeds[1][0][1], seeds[1][0][0], records.CHECK if step.check else records.METRICS
    return (step.run.train() if train else step.run.test()), None, records.METRICS


def _gains_at_epochs(low, clause, step, previous, number) -> Claim | None:
    """"rises ..., by 15.27 in epoch 6, by 27.95 in epoch 7": each size the accuracy's move from the epoch before into
    the epoch named (train's where train alone is named), in the way the verb says."""
    items = list(_GAIN_AT.finditer(low))
    verb = _MOVE_VERB.search(low[:items[0].end()]) if items else None
    if verb is None or re.search(r"\bloss\b|\brate\b|\blr\b|\berrors?\b|\b(?:step|model)[ _-]?\d", low):
        return None
    if (said := _seed_or_run(step, low, _only_train(low))) is None:  # "Seed 0 course: test acc falls 2.52 pp in epoch 2"
        return None
    curve, seed, record = said
    if not all(2 <= int(m["e"]) <= len(curve) for m in items):
        return None
    moves = [(int(m["e"]), curve[int(m["e"]) - 1] - curve[int(m["e"]) - 2], m["n"]) for m in items]
    down = verb["down"] is not None
    ok = all(said_as(abs(move), n.lstrip("+-−")) and (move < 0) == (down or n.startswith(("-", "−"))) for _, move, n in moves)
    whose = f"seed {seed}'s test" if seed is not None else "train" if _only_train(low) else "test"
    return Claim(number, clause, ok, f"{whose} accuracy, the move into " + ", ".join(f"epoch {e}: {move:+.2f}" for e, move, _ in
                                                                                   moves) + f" ({record})", "trend",
                 tuple(n for _, _, n in moves))


# "epoch 5 falls 2.75 points below epoch 4": one epoch's figure against another's
_EPOCH_VS_EPOCH = re.compile(r"\bepoch (?P<b>\d+)\s+(?:falls|fell|drops|dropped|is|was|ends|ended|sits|sat|lands|landed|"
                             r"comes in)\s+"
                             r"(?P<tol>about |~\s*|roughly )?(?P<n>\d+(?:\.\d+)?)\s*(?:points?|pts?|pp)\s+"
                             r"(?P<way>below|under|above|over|lower than|higher than)\s+epoch (?P<a>\d+)\b")


def _epoch_vs_epoch(low, clause, step, previous, number) -> Claim | None:
    """"epoch 5 falls 2.75 points below epoch 4": the test accuracy of one epoch against another's (a seed's where one
    seed is named), the size and the side said."""
    if (found := _EPOCH_VS_EPOCH.search(low)) is None or re.search(r"\bloss\b", low):
        return None
    if (said := _seed_or_run(step, low, _only_train(low))) is None:
        return None
    curve, seed, record = said
    a, b = int(found["a"]), int(found["b"])
    if not (1 <= a <= len(curve) and 1 <= b <= len(curve)):
        return None
    moved, below = curve[b - 1] - curve[a - 1], found["way"] in ("below", "under", "lower than")
    ok = (moved < 0) == below and _within(abs(moved), found["n"], (found["tol"] or "").strip())
    return Claim(number, clause, ok, f"{f'seed {seed}' + chr(39) + 's ' if seed is not None else ''}accuracy at epoch {a} "
                 f"{curve[a - 1]:.2f} %, at epoch {b} {curve[b - 1]:.2f} % ({moved:+.2f}; {record})", "trend", (found["n"],))


# "does not get back above epoch 1's 94.61 until epoch 5": the first epoch after the figure's own above it again
_BACK_ABOVE = re.compile(r"\b(?:does not|doesn't|did not|didn't|never)\s+(?:get|gets|come|climb|go)\s+back\s+"
                         r"(?P<side>above|over|to)"
                         r"\s+(?:epoch (?P<from>\d+)'s\s+)?(?P<x>\d{2}\.\d+)\s*%?\s+(?:until|till|before)\s+epoch (?P<e>\d+)\b")


def _back_above(low, clause, step, previous, number) -> Claim | None:
    """"does not get back above epoch 1's 94.61 until epoch 5": the first epoch after the one named (or after the
    figure's own epoch) at or above the figure (above for "above") is the epoch said (a seed's curve where one is
    named)."""
    if (found := _BACK_ABOVE.search(low)) is None:
        return None
    if (said := _seed_or_run(step, low, False)) is None:
        return None
    curve, seed, record = said
    x = _num(found["x"])
    start = int(found["from"]) if found["from"] else next((i + 1 for i, v in enumerate(curve) if said_as(v, found["x"])), 0)
    again = next((i + 1 for i, v in enumerate(curve) if i + 1 > start and (v > x if found["side"] != "to" else v >= x)), None)
    ok = bool(start) and (not found["from"] or said_as(curve[start - 1], found["x"])) and again == int(found["e"])
    return Claim(number, clause, ok, f"{f'seed {seed}' + chr(39) + 's ' if seed is not None else ''}test accuracy by "
                 f"epoch: {', '.join(f'{v:.2f}' for v in curve)}; first above {found['x']} after epoch {start}: "
                 f"{again or 'none'} ({record})", "trend", tuple(n for n in (found["from"], found["x"], found["e"]) if n))


def _moved(low, clause, step, previous, number, x: float, y: float, xs: str, ys: str) -> Claim:
    """`went from X % in step 2 to Y %`: X and Y must be the two steps' figures, and the move beyond the noise to be
    shown (inside it: not settled)."""
    a, b = facts(previous), facts(step)
    pairs = _role_pairs(previous, step)
    before = low[:low.find(xs)] if xs in low else low  # the epoch said before the pair, not one a later clause names
    if (at := re.search(r"\bepoch (\d+)\b", before)) and 1 <= int(at[1]) <= min(len(previous.run.epochs), len(step.run.epochs)):
        k = int(at[1])  # "Ep 1 went from 58.89 % in step 1 to 97.51 %": that epoch's, in each step, of the curve named
        kind = "train" if _only_train(low) else "test"
        curve = (lambda s: s.run.train()) if kind == "train" else (lambda s: s.run.test())
        pairs = [(curve(previous)[k - 1], curve(step)[k - 1], f"{kind} at epoch {k}")]
    found = next(((p, q, what) for p, q, what in pairs if said_as(p, xs) and said_as(q, ys)), None)
    if found is None and at and len(pairs) == 1:  # the epoch's pair, said wrong
        (p, q, what), = pairs
        return Claim(number, clause, False, f"{what} {p:.2f} → {q:.2f} % ({records.METRICS} of both)", "compare")
    if found is None:
        return Claim(number, clause, False, f"the two steps' figures: min of the last {b.n} {a.min_last:.2f} → "
                                            f"{b.min_last:.2f} %, best test {a.best_test:.2f} → {b.best_test:.2f} % "
                                            f"({records.METRICS} of both)", "compare")
    p, q, what = found
    noise = fall_noise(p, q)
    said = f"{what} {p:.2f} → {q:.2f} % ({q - p:+.2f} points; noise ±{noise:.2f}; {records.METRICS} of both)"
    verbs = list(_MOVE_VERB.finditer(before))
    wrong_way = bool(verbs) and q != p and (q > p) == (verbs[-1]["down"] is not None)  # "rose from 96.92 to 92.36"
    if signed := re.search(rf"{re.escape(ys)}\s*%?\s*\(\s*([+\-−])\s*(\d+(?:\.\d+)?)\s*(?:points?|pts?|pp|%)?\s*\)", low):
        return Claim(number, clause, said_as(abs(q - p), signed[2]) and (q > p) == (signed[1] == "+") and not wrong_way, said,
                     "compare")  # "went down from 99.35 to 99.54 % (+0.19)": the figures' sign, and the verb's way
    if gain := _MOVE_OF.search(low):  # "a gain of 42.75 points"
        return Claim(number, clause, _within(abs(q - p), gain["n"], (gain["tol"] or "").strip()), said, "compare")
    if by := re.search(r"\bby\s+(?P<tol>about |around |~\s*|roughly )?(?P<n>\d+(?:\.\d+)?)\s*(?:percentage points?|points?|"
                       r"pts?|pp|%)", before):  # "improved by about 1.6 points ..., from 98.81 % to 99.42 %"
        way = _direction(low, by)
        ok = _within(abs(q - p), by["n"], (by["tol"] or "").strip()) and \
            (way is None or (q > p) != bool(re.match(_DOWNWARD, way[1])))  # and the way it went
        return Claim(number, clause, ok, said, "compare", (by["n"],))
    if HEDGED.search(low) or not _noise_kept(low, q - p, noise):  # the words say where the move is against the noise
        return Claim(number, clause, _noise_kept(low, q - p, noise), said, "compare")
    if not re.search(rf"\b(?:{_DIRECTION}|lift\w*|rais\w*|cost|gain\w*)\b", low):
        return Claim(number, clause, True, said, "compare")  # "went from 99.35 to 99.54": the two figures, no more
    if wrong_way:  # "rose from 96.92 to 92.36": the other way
        return Claim(number, clause, False, f"{said}: not the way said", "compare")
    return Claim(number, clause, None if abs(q - p) <= noise else True,
                 said + (": inside the noise, neither shown" if abs(q - p) <= noise else ""), "compare")


HEDGED = re.compile(r"\b(?:inside|within) (?:the )?noise|not (?:shown|told) apart|does not tell|cannot tell|"
                    r"not (?:significant|beyond the noise)")


def _noise_kept(low: str, moved: float, noise: float) -> bool:
    """What the words say of a difference against its noise holds: inside it ("within the noise", "cannot tell
    apart", "not beyond the noise") or beyond it, in the clause or the sentence's next ("+0.6, beyond the noise");
    True where they say neither."""
    sentence = (_SENTENCE.get() or "").lower()
    own = next((part for part in sentence.split(";") if low[:20] in part), sentence)  # not another clause's after a ";"
    low = low + " " + own
    if HEDGED.search(low):
        return abs(moved) <= noise
    if re.search(r"\bbeyond (?:the )?noise\b", low):
        return abs(moved) > noise
    return True


_FEWER = r"fewer|less|down|reduc\w*|cut|drop(?:ped|s)?|fell|decreas\w*|shr[au]nk|sav\w*|smaller|lower|lighter"
_MORE = r"more|up|increas\w*|higher|rose|grew|added|extra|bigger|larger|heavier"


def _params_change(low, clause, step, previous, number) -> Claim | None:
    """"6,140 fewer params than step 1", "params down by about 5,000", "from 14,410 to 8,000": the counts said must
    be the two steps' and the difference said (at its tolerance) theirs."""
    low = re.sub(r"\b\d+\s*(?:→|->|to)\s*\d+\s*(?:channels?|filters?|kernels?)\b", " ", low)  # widths: not counts of parameters
    low = re.sub(r"\b(?:no|not) more than (?=\d)|\bat most (?=\d)|\bup to (?=\d)", "under ", low)  # "at most 3,000 more"
    signed = re.search(r"\(\s*[+\-−]\s*\d|(?:^|\s)[+\-−]\s?\d[\d,]*\s*k?\s+(?:params|parameters)\b", low)  # "(+78 from BN)"
    low = re.sub(r"(?:\(|(?<=\s)|^)\s*([+\-−])\s?(\d+(?:\.\d+)?)\s*%",  # "14,410 → 8,000: −44 %": a share
                 lambda m: f" {m[2]} % {'more' if m[1] == '+' else 'fewer'}", low)
    low = re.sub(r"(?:\(|(?<=\s)|^)\s*\+\s?(\d[\d,]*)", r" \1 more",
                 re.sub(r"(?:\(|(?<=\s)|^)\s*[-−]\s?(\d[\d,]*)", r" \1 fewer", low))
    if previous is None or not re.search(r"\bparam(?:eter)?s?\b", low) or "accura" in low or not \
            (signed or re.search(r"\bfrom\s+\d|\d\s*k?\s*(?:->|→)\s*\d", low) or BEFORE.search(low) or
             BEFORE.search(_SENTENCE.get() or "") or  # "the parameter count went up by only 68": from the step before
             re.search(r"\b(?:went|goes|go|came|comes)\s+(?:up|down)\s+by\b|\b(?:rose|grew|fell|dropped)\s+by\b", low)):
        return None
    a, b = previous.run.params, step.run.params
    said = [(m[1], 1e3 if m[2] else 1.0, low[max(0, m.start() - 14):m.start()]) for m in
            re.finditer(rf"(?<![\w.]){NUM}\s*(k\b)?", low) if not re.search(r"(?:step|model|epoch)[ _-]?$", low[:m.start()])
            and not re.match(r"\s*(?:%|points?\b|pts?\b)", low[m.end():])  # an accuracy beside it: its own reader's
            and not re.match(r"\s*(?:[- ]?param\w*\s+)?(?:cap|limit|budget|ceiling)\b", low[m.end():])]  # "the 8k cap"
    with _unread():
        kinds = ["a" if _said_count(a, t, k) else "b" if _said_count(b, t, k) else "amount" for t, k, _ in said]
    ends = re.search(rf"\bfrom\s+{NUM}\s*k?\s+to\s+{NUM}|{NUM}\s*k?\s*(?:->|→)\s*{NUM}", low)
    if ends is not None and not any(kinds[i:i + 2] == ["a", "b"] for i in range(len(kinds) - 1)):
        return None  # "from 17k to 8k" of other counts than the two steps' (or said looser than they read): not read here
    amounts = [x for x, kind in zip(said, kinds, strict=True) if kind == "amount" and ("." not in x[0] or x[1] > 1)]
    share = [(m[1], 100 / a, low[max(0, m.start() - 14):m.start()]) for m in re.finditer(r"(?<![\w.])(\d+(?:\.\d+)?)\s*%", low)]
    fewer = re.search(rf"\b(?:{_FEWER})\b|\bparam\w* (?:below|under) (?:step|model)[ _-]?\d", low)
    more = re.search(rf"\b(?:{_MORE})\b(?! than \d)|\bparam\w* (?:above|over) (?:step|model)[ _-]?\d", low)
    if not amounts and (ends or re.search(r"\bthan\b", low)) and len(share) == 1 and a:
        amounts = share  # "from 14,410 to 8,000, a cut of over 40 %", "24 % more than step 2": a share of the count before
    if len(amounts) != 1 or bool(fewer) == bool(more) or \
            re.search(r"\b(?:no|not|same|still|unchanged|stay(?:s|ed)?|like)\b", low):
        return None
    text, scale, head = amounts[0]
    tol = re.search(r"(about|around|roughly|approximately|~|≈|almost|nearly|over|more than|under|less than)\s*$", head)
    delta = b - a if more else a - b
    ok = delta > 0 and _within(delta / scale if scale >= 1 else delta * scale, text, tol[1] if tol else "")
    for t, _, _ in said + share * (amounts == share):
        _num(t)
    return Claim(number, clause, ok, f"parameters {a:,} → {b:,} ({b - a:+,}{f', {100 * (b - a) / a:+.1f} %' if a else ''}; "
                 f"{records.METRICS} of both)", "params")


def _params_compared(low, clause, step, previous, number, verb) -> Claim:
    a, b = previous.run.params, step.run.params
    fewer = bool(re.search(rf"\b(?:{_FEWER})\b", low))
    more = bool(re.search(rf"\b(?:{_MORE})\b", low))
    said = f"parameters {a:,} → {b:,} ({records.METRICS} of both)"
    if fewer == more:
        return Claim(number, clause, None, said, "compare")
    return Claim(number, clause, (b < a) if fewer else (b > a), said, "compare")


SEEDS = re.compile(rf"\b(all|every|each|\d+|{'|'.join(WORDS)})\s*(?:of|out of|/)?\s*(?:the\s+)?(\d+|{'|'.join(WORDS)})?"
                   r"\s*(?:of (?:the|its|my) )?seeds?\b")  # (the count said, the seeds said)


SEEDS_OF = re.compile(rf"\b(\d+|{'|'.join(WORDS)})\s*(?:of|out of|/)\s*(?:the\s+)?(\d+|{'|'.join(WORDS)})\b"
                      r"(?=\s*(?:of (?:the|its|my) )?seeds?\b|\s+(?:pass|passed|held|hold|fail|failed|met)\b)")


def _count(word: str | None) -> int | None:
    if word is None:
        return None
    return WORDS.get(word) if word in WORDS else int(_num(word)) if re.fullmatch(NUM, word) else None


def _counts_said(low: str, found: re.Match) -> tuple[str, str | None, bool]:
    """(the count said, the seeds said, whether a denial said the count: "not ... any of the 3 seeds") of a seeds'
    count found in the clause."""
    first, second = found[1], found[2]
    if second is not None:
        return first, second, False
    if re.search(r"\bnone of (?:them|which|these|those|the seeds)\b|\bnot (?:a single )?one\b(?! of)|^\W*of\s+(?:the\s+)?\S+\s+"
                 r"seeds?\s*,?\s*none\b", low):
        return "0", first, False  # "3 seeds, none of them passed": none of the 3
    if re.search(r"\b(?:not|n't|never)\b[^,;]*\bany\s+of\s+(?:the\s+|its\s+|my\s+)?$", low[:found.start()]):
        return "0", first, True  # "not met on any of the 3 seeds": none of the 3
    if then := re.search(rf"\bseeds?\s*[,;:]\s*(?:and\s+)?(\d+|{'|'.join(WORDS)})\s+(?:of them\s+)?"
                         r"(?:passed|held|pass(?:es)?|holds?|met|failed)\b", low):
        return then[1], first, False  # "3 seeds, 0 passed": the count after the seeds'
    return first, second, False


def _seeds(low, clause, step, previous, number) -> Claim | None:
    """`passed on 3 of 5 seeds`, `held on every seed`: the check's count of seeds that held."""
    # "Check on 3 seeds: 0 of 3 pass", "passed 0 of 3": the count said of them
    found = SEEDS_OF.search(re.sub(r"\b(passed|held|failed|pass)\s*(?:[:=-]|is|was)?\s+(?:on\s+)?(\d+\s*(?:of|/)\s*\d+)\b",
                                   r"\2 \1",
                                   low)) or \
        SEEDS.search(low)
    if found is None or not re.search(r"\b(pass|held|hold|reach|above|met|meet|fail|over 99|99\.4|success|satisf|fulfil)", re.sub(
            r"\b(?:points?|pts?|pp)\s+above\b|\babove\s+(?:seed|step|model)\b", " ", low)):  # "10 points above seed 0's"
        return None
    levels = re.findall(r"(?:above|over|at least|held|holds?|reach\w*|≥|>=)\s*(\d{2}(?:\.\d+)?)\s*%|"
                        r"(\d{2}(?:\.\d+)?)\s*%\s*(?:was\s+)?(?:held|holds?)\b", low)
    if any(float(a or b) != _line(step) for a, b in levels) or \
            re.search(r"\b(?:held|holds?|hold|reach\w*|above|over)\s+(?:step|model)[ _-]?\d+'s\s+(?!\d)", low):
        return None  # "97 % held on only 1 of the 3 seeds", "not one seed holds step 1's min": a level of its own
    if step.check is None:
        return Claim(number, clause, False, f"this step trained one seed ({step.seed}): no check of seeds",
                     "seeds")
    held, ran = step.check.verdict.held()
    said = f"{held} of {ran} seeds held ({records.CHECK})"
    # "FAIL: 0/3 seeds pass", "Verdict: FAIL, 0 of 3 seeds": a verdict's label; "2 of 3 seeds failed": a count of fails
    failed = bool(re.search(r"\bfail", re.sub(r"^\W*(?:(?:verdict|budget)\s*:?\s*)?(?:pass|fail)\s*[:,]|"
                                              r"\(\s*verdict\s*:?\s*(?:pass|fail)\s*\)|"  # "0 of 3 (verdict FAIL)"
                                              r"\s*(?:→|->|=>|:|=)\s*(?:pass|fail)\W*$", "", low))) and \
        not re.search(r"\b\d+\s*(?:of|/)\s*(?:the\s+)?\d+\s+(?:seeds?\s+)?(?:held|hold|pass\w*|met)\b", low) and \
        not re.search(r"\b(?:held|hold|pass\w*|met)\s*[:=-]\s*\d+\s*(?:of|/)\s*\d+", low) and \
        not re.search(r"\b(?:PASS|FAIL)\s+on\s+\d+\s+of\s+\d+", clause)  # "FAIL (0 of 3 held)", the tool's "FAIL on 0 of 3 seeds"
    first, second, anyof = _counts_said(low, found)
    if first in ("all", "every", "each"):
        claimed_held, claimed_ran = (0 if failed else ran), _count(second) or ran
    else:
        a, b = _count(first), _count(second)
        claimed_held, claimed_ran = (a, b if b is not None else ran)
        if failed and claimed_held is not None:
            claimed_held = claimed_ran - claimed_held
    negated = _negated(low, found.start()) and not anyof and claimed_held != 0 or \
        bool(re.match(r"\s*:\s*(?:not|no|never|failed?)\b", low[found.end():]))  # "...on every seed: not reached (0 of 3)"
    ok = claimed_held == held and claimed_ran == ran or bool(re.search(r"\bFAIL\s+on\s+\d+\s+of\s+\d+", clause)) and \
        claimed_ran == ran and claimed_held is not None and ran - claimed_held == held  # "FAIL on 3 of 3 seeds": 3 failed
    numbers = tuple(n for n in (first, second) if n and re.fullmatch(r"\d+", n))
    total = re.search(rf"(?:^\W*|\b(?:on|across|over|with)\s+(?:all\s+)?)(\d+|{'|'.join(WORDS)})\s+seeds\b|"
                      r"^\W*seeds\s*[:=]\s*(\d+)\b",
                      low)
    if total and total.start() != found.start():  # "Check on 3 seeds: 0 of 3 pass", "Seeds: 3, passed on 0 of 3"
        ok, numbers = ok and _count(total[1] or total[2]) == ran, numbers + (total[1] or total[2],)
    if (tally := re.search(r"\(\s*(\d+)\s*(?:/|of|out of)\s*(\d+)\s*\)", low)) and tally.start() > found.end():
        # "passed on all six seeds (6/6)": the tally in brackets, of the seeds that held (that failed, where fails are said)
        n, m = int(tally[1]), int(tally[2])
        ok, numbers = ok and m == ran and n == (ran - held if failed else held), numbers + (tally[1], tally[2])
    return Claim(number, clause, ok != negated, said, "seeds", numbers)


BUDGET = re.compile(r"\b(budget|target|goal|requirement|requirements|constraints|the exercise|the assignment|the task|"
                    r"(?:param\w* |8,000 |8k )limit)\b")


def _budget(low, clause, step, previous, number) -> Claim | None:
    """Met / did not meet the budget (or the target, the goal): the budget's verdict on this step."""
    field = re.match(r"\W*budget\s*[:=-]?\s*(pass|fail)\w*\b", low) or \
        re.search(r"\(\s*verdict\s*:?\s*(pass|fail)\s*\)", low)  # "Budget: PASS with 8,000 parameters", "(verdict FAIL)"
    params = r"\b(?:parameters?|params)\b"
    if BUDGET.search(low) and (re.search(params, low) or _LIMIT.search(low) and re.search(params, _SENTENCE.get() or "")) \
            and not re.search(r"accura|99\.4|epoch", low) and not field:
        return _params_limit(low, clause, step, number)  # the parameter limit alone
    if not BUDGET.search(low) or not field and not re.search(r"\b(met|meet|meets|achiev|reach|pass|hit|satisf|fulfil|within|"
                                                            r"did it|fail)", low):
        return None
    v = facts(step)
    passed = step.check.verdict.passed if step.check else v.min_last >= step.budget.min_acc and \
        v.params < step.budget.max_params and step.run.planned_epochs <= step.budget.max_epochs
    said = (f"{step.check.verdict.line()} ({records.CHECK})" if step.check else
            f"{'PASS' if passed else 'FAIL'}: {v.params:,} parameters, {step.run.planned_epochs} epochs, min of the last "
            f"{v.n} {v.min_last:.2f} % (seed {step.seed}; {records.METRICS})")
    where = BUDGET.search(low).start()  # "the budget fails only on accuracy": a fail said of it
    negated = field[1] == "fail" if field else \
        _negated(low, where) or bool(re.match(r"\S+(?:\s+(?:criterion|criteria|requirement|rule|line))?\s+(?:is\s+|was\s+)?"
                                              r"(?:therefore\s+|thus\s+|hence\s+|so\s+|clearly\s+|still\s+)?not\s+"
                                              r"(?:met|reached|achieved|passed|satisfied|fulfilled)\b", low[where:])) or \
        bool(re.match(r"\S+(?:\s+\S+)?\s+(?:is\s+|was\s+|still\s+|obviously\s+|clearly\s+)?(?:an?\s+)?(?:fails?|"
                                              r"failed|missed)\b", low[where:]) or
                                     re.search(r"\b(?:fails?|failed|misses|missed)\s+(?:the\s+|its\s+)?$", low[:where]))
    return Claim(number, clause, bool(passed) != negated, said, "budget")


_LIMIT = re.compile(r"\b(?P<w>inside|within|under|in|fits?|fitting|meets?|met|below|over|above|outside|exceeds?|exceeding|"
                    r"breaks?|busts?)\s+(?:the\s+|our\s+|its\s+)?(?:(?P<n>\d[\d,.]*)\s*(?P<k>k\b)?\s*)?(?:param(?:eter)?s?\s+)?"
                    r"(?:budget|limit)\b")


def _params_limit(low: str, clause: str, step: Step, number: int) -> Claim | None:
    """"8,000 params is inside the budget", "way over the 8k budget": the count against the budget's limit (fewer than
    it), and the limit as said; the count itself is a figure's reader's."""
    found = _LIMIT.search(low)
    if found is None:
        return None
    params, limit = step.run.params, step.budget.max_params
    inside = found["w"] not in ("over", "above", "outside", "exceeds", "exceed", "exceeding", "breaks", "break", "busts",
                                "bust")
    ok = ((params < limit) == inside) != _negated(low, found.start())
    if found["n"]:
        ok = ok and _said_count(limit, found["n"], 1e3 if found["k"] else 1.0)
    return Claim(number, clause, ok, f"{params:,} parameters; the budget's limit: fewer than {limit:,}", "budget",
                 (found["n"],) if found["n"] else ())


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
    if at is None or k is None or re.search(r"\bseeds?\b", low) or re.search(r"\b(?:far|away) from\s*$", low[:at.start()]) or \
            _ROLE_SAID.search(low[:at.start()]) or re.search(r"\d{2}\.\d+\s*%?\s*(?:/|,|→|->)\s*\d{2}\.\d+", low):
        # "Last 3 epochs: 99.4 / 99.42 / 99.41": the line among the epochs' figures, a list's reader's
        return None  # "the min of the last 3 is 98.61, far from 99.4": a figure below the line, the threshold's
    test = step.run.test()
    k = min(k, len(test))
    low_k = min(test[-k:])
    said = f"test accuracy in the last {k} epochs: " + ", ".join(f"{a:.2f}" for a in test[-k:]) + f" % ({records.METRICS})"
    if re.search(r"\b(?:around|about|near|close to|roughly)\s*$|~\s*$", low[:at.start()]) and \
            not re.search(r"\bnever\b|\bnot\b|n't\b", low[:at.start()]):  # "stuck around 99.4": each near it
        return Claim(number, clause, all(abs(a - line) <= 0.1 for a in test[-k:]), said, "held",
                     tuple(re.findall(r"\d+(?:\.\d+)?", at[0])))
    negated = _negated(low, min(at.start(), re.search(r"consistent|held|hold|stay|remain|steady|every|each|all|stable|last",
                                                          low).start())) or \
        bool(re.search(r"\bnever\b[^.;]*\b(?:near|close to|reach\w*|got to|hit)\s*$", low[:at.start()]))  # "never got near 99.4"
    # "the lowest of the last 3 is 99.35 %, 0.05 points below the line": not held, by that much
    below = re.search(r"(?:\b(\d*\.\d+)\s*(?:points?|pts?|pp)?\s+)?\b(?:below|under|short of)\s+(?:the\s+)?$", low[:at.start()])
    ok = (low_k >= line) != (negated or below is not None)
    if below and below[1]:
        ok = ok and said_as(round(line - low_k, 6), below[1])
    numbers = tuple(re.findall(r"\d+(?:\.\d+)?", at[0])) + ((below[1],) if below and below[1] else ())
    return Claim(number, clause, ok, said, "held", numbers)


def _reached(low, clause, step, previous, number) -> Claim | None:
    """99.4 % reached (once is enough: `reached`, `crossed`, `hit`), or never reached."""
    line = _line(step)
    at = _line_at(low, line)
    verbs = [m for m in re.finditer(r"\b(reach(?:ed|es)?|cross(?:ed|es)?|hit|hits|achiev(?:ed|es|e)|touch(?:ed|es)?|got to|"
                                    r"get to|exceed(?:ed|s)?|above|beyond|over|past)\b", low) if at and m.start() < at.start()]
    verb = verbs[-1] if verbs else None  # the verb of the line, not an earlier one
    if verb is None or at is None or _last_k(low, step) is not None \
            or re.search(r"\bseeds?\b|\bnearly\b|\balmost\b|\bclose to\b|\bparam", low):
        return None
    if re.search(r"\bnever\s+(?:\w+\s+)?$", low[:at.start()]):  # "too many parameters and never 99.4 %"
        verb = at
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


# "it looks like over-fitting, or one bad epoch": another reading offered beside the fit word
_OTHER_READING = re.compile(r"[\w-]*,?\s+or\s+(?:just\s+|only\s+|simply\s+)?(?:an?|one|the)\s+(?:bad|noisy|unlucky|odd)\s+"
                            r"(?:epoch|run|seed)\b")


def _fit(low, clause, step, previous, number) -> Claim | None:
    """Over-fitting (train ahead of test beyond the noise), under-fitting (neither reaches the line, or test above train),
    or their negations; of the step before where the words say so; an aim to remove it, the claim that none is left."""
    over, under = OVER.search(low), UNDER.search(low)
    if over is None and under is None:
        return None
    if previous is not None and over is not None and (way := _FIT_WAY.match(low[over.end():])):  # "over-fitting got worse"
        return _fit_moved(low[:over.end()], clause, step, previous, number, way[1] in ("worse", "stronger", "larger", "bigger"))
    if previous is not None and re.search(r"\b(?:previous|prior|last|earlier) (?:iteration|step|model|experiment|run)\b|"
                                          r"\bthe step before\b", low):
        step = previous
    f = facts(step)
    if _HELP_WORD.search(low) and any(re.search(p, low) for p in CHANGE_NAMES.values()):
        return None  # a change's effect on it: `_effect` reads that
    if at := _fit_at_epoch(low, clause, step, number, f) or _fit_or_else(low[(over or under).end():], clause, step, number):
        return at
    train, test = step.run.train()[-f.n:], step.run.test()[-f.n:]
    said = (f"train - test over the last {f.n} epochs: {', '.join(f'{a - b:+.2f}' for a, b in zip(train, test, strict=True))}"
            f" (mean {f.gap:+.2f}, noise ±{f.gap_band:.2f}); best train {f.best_train:.2f} %, best test "
            f"{f.best_test:.2f} % ({records.METRICS})")
    if under is not None and (over is None or under.start() < over.start()):
        bias = f.best_test < CHANCE_POINTS or max(f.best_train, f.best_test) < _line(step)
        course = f.gap < 0  # the course's sense: test above train (augmentation and dropout hold train back)
        said = (f"best train {f.best_train:.2f} %, best test {f.best_test:.2f} %: "
                + ("neither reaches" if bias else "one reaches") + f" {_line(step):g} % (high bias: "
                f"{'yes' if bias else 'no'}); test above train by {-f.gap:+.2f} points, the mean of the last {f.n} (the "
                f"course's sense: {'yes' if course else 'no'}) ({records.METRICS})")
        return Claim(number, clause, (bias or course) != _negated(low, under.start()), said, "fit")
    if step.run.settings.ema:
        return Claim(number, clause, None, f"{said}; test is of the averaged (EMA) weights, train of the live ones: two "
                                           "sets of weights", "fit")
    negated = _negated(low, over.start()) or bool(re.search(
        r"\b(?:address\w*|reduc\w*|remov\w*|fix\w*|avoid\w*|prevent\w*|get rid of|got rid of|tackl\w*|resolv\w*|fight\w*|"
        r"counter\w*|battl\w*|"
        r"eliminat\w*|combat\w*|curb\w*|mitigat\w*|minimi[sz]\w*|robust (?:against|to)|resist\w*(?: to)?|"
        r"(?:guard\w*|protect\w*) against|free (?:of|from)|immune to)\s+(?:the\s+)?(?:any\s+)?$", low[:over.start()]))
    ahead = f.gap > f.gap_band  # train ahead of test beyond both scores' noise
    learning, _ = _learning(step)
    if not ahead:  # no gap to speak of: no over-fitting, of any size
        return Claim(number, clause, negated, f"{said}: no gap beyond the noise", "fit")
    if f.fit.diagnosis == "over-fitting":
        slight = re.search(r"\b(slight(?:ly)?|a little|mild(?:ly)?|minor)\b", low)
        return Claim(number, clause, not negated and not slight, said + (": more than slight" if slight else ""), "fit")
    if learning:  # train ahead beyond the noise, test accuracy still rising: in between, not settled
        return Claim(number, clause, None, f"{said}; test accuracy still rising at the end: in between", "fit")
    begins = re.search(r"\b(start(?:s|ing|ed)?|begin(?:s|ning)?|began|slight(?:ly)?|a little|mild(?:ly)?|signs? of|"
                       r"some)\b", low)
    if begins and learning is False:  # train ahead beyond the noise, test accuracy no longer rising: its start
        return Claim(number, clause, not negated, f"{said}; test accuracy no longer rising", "fit")
    return Claim(number, clause, None, f"{said}: train ahead beyond the noise, short of over-fitting's yardstick", "fit")


def _fit_or_else(after: str, clause: str, step: Step, number: int) -> Claim | None:
    """"it looks like over-fitting, or one bad epoch": a fit word with another reading offered beside it, not settled."""
    if not _OTHER_READING.match(after):
        return None
    return Claim(number, clause, None, f"train - test at the last epoch {step.run.train()[-1] - step.run.test()[-1]:+.2f}; the "
                                       f"words offer another reading beside it ({records.METRICS})", "fit")


def _fit_at_epoch(low: str, clause: str, step: Step, number: int, f) -> Claim | None:
    """"Epoch 1 was over-fitting": that epoch's train - test, beyond the noise (over), or test above train (under, the
    course's sense)."""
    one = re.search(r"\bepoch (\d+) (?:was|is) (?:still\s+|clearly\s+|already\s+)?(?:an?\s+)?(over|under)-?fit", low)
    if one is None or not 1 <= (e := int(one[1])) <= f.epochs or _negated(low, one.start()):
        return None
    gap = step.run.train()[e - 1] - step.run.test()[e - 1]
    return Claim(number, clause, gap > f.gap_band if one[2] == "over" else gap < 0,
                 f"train - test at epoch {e}: {gap:+.2f} (noise ±{f.gap_band:.2f}; {records.METRICS})", "fit")


_EARLY = re.compile(r"\b(?:early on|at first|initially|in the beginning|at the (?:very )?start|in the early epochs|early in "
                    r"training)\b")
_FIT_WAY = re.compile(r"\w*\s+(?:got|gets|became|becomes|grew|is|was)\s+(?:much\s+|a (?:bit|little)\s+|even\s+)?"
                      r"(worse|better|stronger|weaker|larger|smaller|bigger)\b")


def _fit_moved(low: str, clause: str, step: Step, previous: Step, number: int, grew: bool) -> Claim:
    """"Over-fitting got worse" (or better): the gap against the step before's beyond the noise; worse says it
    over-fits now, too."""
    moved, said = _effect_shown("fit", step, previous)  # +1: smaller beyond the noise
    now = _fit(low, clause, step, None, number) if grew else None
    verdicts = [None if moved == 0 else (moved < 0) == grew] + ([now.verdict] if now else [])
    return Claim(number, clause, False if False in verdicts else None if None in verdicts else True,
                 said + (f"; {now.evidence}" if now else ""), "fit")


_AHEAD = re.compile(r"\btrain(?:ing)?(?: accuracy)?(?: is| was| stays| stayed| runs| ran| sits| sat| ends?| ended)?"
                    r"(?: now| still| already| clearly)? "
                    r"(?:(?P<lead>ahead of|above|over|leads|leading|trails|exceed(?:s|ed)|surpass(?:es|ed)|"
                    r"higher than|behind|below|under|lower than) (?:the )?test(?: accuracy)?|"
                    r"(?P<lead0>ahead|behind|leads|leading)) by "
                    r"(?:only |just )?(?P<tol>about |~|around |roughly |more than |over |less than |under |almost |nearly )?"
                    r"(?P<n>\d*\.\d+|\d+)\s*(?:points?|pts?|pp|%)?(?:[^\d]*?\blast (?P<k>\d+|two|three|four|five) epochs)?|"
                    r"\btrain(?:ing)?(?: accuracy)?(?: is| was| stays| stayed| ends?| ended)? (?P<within>within) "
                    r"(?P<n2>\d*\.\d+|\d+)\s*(?:points?|pts?|pp|%)? of (?:the )?test|"
                    r"\b(?P<subj3>train(?:ing)?|test)(?: accuracy)?(?: is| was| stays| stayed| sits| sat| runs| ran| ends?|"
                    r" ended| finish(?:es|ed)?)?"
                    r"(?: on average)? (?:only |just )?"
                    r"(?P<tol3>about |~|around |roughly |over |more than |under |less than |almost |nearly )?"
                    r"(?P<n3>\d*\.\d+|\d+)\s*(?:points?|pts?|pp|%)? "
                    r"(?:(?P<lead3>ahead of|above|behind|below) (?:the )?(?:test|train(?:ing)?)|"
                    r"(?P<lead4>ahead|behind)\b(?! of))")


_GAP_MOVED = re.compile(r"\bgap\b(?:[^.;]{0,45}?\bfrom\s+(?P<t1>~\s*|about\s+)?(?P<a>\d*\.\d+)(?:\s*(?:points?|pts|pp|%))?"
                        r"(?:\s+(?:in|at|for|on|with) "
                        r"(?:step|model)[ _-]?\d+|\s+before)?,?\s+to\s+"
                        r"(?P<t2>~\s*|about\s+)?(?P<b>\d*\.\d+|0\b)|[^;(]{0,70}\(\s*(?P<a2>\d*\.\d+)\s*(?:→|"
                        r"->)\s*(?P<b2>\d*\.\d+)\s*\)|"  # "gap: 0.68 (Model_2) → 0.14 (Model_3)": each by its step
                        r"[^;(]{0,40}?(?<![\d.])(?P<a3>\d*\.\d+)\s*(?:points?|pts|pp|%)?\s*"
                        r"(?:\(\s*(?:step|model)[ _-]?\d+\s*\)\s*(?:→|->|to)|→|->)\s*(?P<b3>\d*\.\d+))")  # "gap up 0.60 → 2.80"


def _gap(low, clause, step, previous, number) -> Claim | None:
    """A small or large gap, or the gap's figure: "train is ahead of test by 0.37 points in the last 3 epochs, a gap
    beyond the noise" (the mean of those epochs, and against the noise where the words say so)."""
    low = re.sub(r"\b(?:the )?difference between (?:the )?train(?:ing)? and (?:the )?test(?: accuracy)?", "the gap", low)
    low = re.sub(r"\bgap between (?:the )?(?:train(?:ing)?|test)(?: accuracy)? and (?:the )?(?:train(?:ing)?|test)"
                 r"(?: accuracy)?\s+(?=(?:shrank|shrunk|narrowed|closed|grew|widened|increased|decreased|fell|rose|went)\b)",
                 "gap ", low)  # "the gap between train and test shrank by about 0.3 points"
    low = re.sub(r"\s*±\s*\d*\.\d+\s*(?:pts?|points?|pp|%)?", "", low)  # "+0.00 ± 0.15 pt": the noise, `_plus_minus`'s
    low = re.sub(r"\b(?:the\s+)?(?:\d|one|two)\s*(?:se|standard errors?)\b[^,;]*", "", low)  # "the 2 SE of ... is about 0.8 pt"
    low = _gap_of_step(_gap_noun(re.sub(r"\bgap\s*\((?:train\s*-\s*test|train minus test)[^)]*\)", "gap", low)))
    # "test is about 4 points ahead of train": train that far behind test
    low = re.sub(r"\btest(?: accuracy)?( is| was| stays| stayed| ends?| ended| finished)? (about |~|around |roughly )?"
                 r"(\d*\.?\d+)\s*(points?|pts?|pp|%)? (?:(ahead of|above)|behind|below) (?:the )?train(?:ing)?(?: accuracy)?\b",
                 lambda m: f"train{m[1] or ''} {m[2] or ''}{m[3]} {m[4] or ''} {'behind' if m[5] else 'ahead of'} test", low)
    low = re.sub(r"\b(?:train and test|test and train) (?:are |were |stay\w* |remain\w* )?within (\d*\.?\d+)\s*(points?|pts|%)? "
                 r"of each other", r"train is within \1 \2 of test", low)  # "train and test are within 2 points of each other"
    sized = re.search(r"\bgap\b[^;]{0,40}?\d(?:\s*(?:points?|pts?|pp|%)|\s*$|\s*(?:now|here|at the end)\b|"
                      r"\s+(?:shows?|means?|suggests?|says|tells)\b)", low)
    if re.search(r"\btrain", low) and re.search(r"\btest", low):  # "train is 97.83 and test 97.51, only 0.32 apart"
        low = re.sub(r"\b(only |just )?(\d*\.\d+)\s*(?:points?\s+)?apart\b", r"a gap of \1\2 points", low)
    if not ("gap" in low or _AHEAD.search(low)) or OVER.search(low) and not (_AHEAD.search(low) or sized) or \
            re.search(r"\bgap layer|global average", low) or re.search(r"\bGAP\b", clause) and not re.search(r"\bgap\b", clause):
        return None  # GAP in capitals: the pooling layer
    if previous is not None and (times := _GAP_TIMES.search(low)):
        return _gap_times(low, clause, step, previous, number, times)
    if previous is not None and (of := re.search(r"\b(?:in|of|for) (?:step|model)[ _-]?(\d+)\b|\b(?:step|model)[ _-]?(\d+)'s\b",
                                                 re.sub(r"\([^)]*\)", "", low))) and \
            not re.search(rf"\b(?:now|here|this (?:step|model|run)|than|vs\.?|versus|compared|against|from|to|as in|like|"
                          rf"instead of|same|unlike|while|whereas|again|still|after the|(?:step|model)[ _-]?{number})\b",
                          re.sub(r"^\W*(?:while|whereas)\s+(?=in (?:step|model)[ _-]?\d)", "", low)):  # "while in step 1"
        then = _gap(low, clause, previous, None, number)  # "test was 0.07 points ahead of train in step 1": that step's
        return then and replace(then, evidence=f"step {of[1] or of[2]}: {then.evidence}")
    low = re.sub(r"\b(to|now) (?:almost |nearly |practically |basically )(?:nothing|zero|none)\b", r"\1 about 0.0", low)
    two = (moved := _GAP_MOVED.search(low)) and _TWO_EPOCHS.search(low[:moved.start()])  # between two epochs named before
    if two or moved and previous is not None:  # it, else between the step before and this one
        return _gap_at_epochs(clause, step, number, moved, two) if two else _gap_moved(low, clause, step, previous, number, moved)
    if ahead := _AHEAD.search(low):
        claim = _train_ahead(low, clause, step, number, ahead)
        return claim if previous is None else _ahead_against(low, claim, step, previous, ahead)
    if previous is not None and (grew := _GAP_CHANGED.search(low) or _GAP_CHANGED_BY.search(low)):
        return _gap_change(low, clause, step, previous, number, grew)
    if previous is not None and (way := _GAP_WAY.search(low) or _GAP_WAY_BEFORE.search(low)):  # "the gap shrank compared ..."
        moved, said = _effect_shown("fit", step, previous)  # +1: smaller beyond the noise, 0: inside it
        grew = way[1] in (*_GREW, "got bigger", "got wider") or way[1].endswith(("larger", "bigger", "wider"))
        return _gap_then_said(low, Claim(number, clause, None if moved == 0 else (moved < 0) == grew, said, "gap"), previous)
    if previous is not None and (bare := _GAP_CHANGED_BARE.search(low)) and not re.search(r"\bepochs?\b|\b(?:step|model)[ _-]?\d",
                                                                                         low):
        claim = _gap_change(low, clause, step, previous, number, bare)  # "the gap narrowed by 0.54 pt": from the step before
        return claim if claim.verdict else replace(claim, verdict=None, evidence=f"{claim.evidence}: from when, not said")
    return _gap_size(low, clause, step, number)


# "Final train-test gap = 1.53 pp, 2.2x Model_1's 0.70": this step's gap, a multiple of the one the step named had
_GAP_TIMES = re.compile(r"\bgap\b[^;\d]{0,40}?(?P<a>\d*\.\d+)\s*(?:pp|points?|pts?)?\s*,?\s*(?:or\s+|about\s+|~\s*)?"
                        r"(?P<x>\d+(?:\.\d+)?)\s*(?:x|×|times)\s+(?:step|model)[ _-]?\d+'s\s+(?:gap\s+(?:of\s+)?)?"
                        r"(?P<b>\d*\.\d+)")


def _gap_times(low: str, clause: str, step: Step, previous: Step, number: int, times: re.Match) -> Claim:
    """A gap (train - test) said with the named step's and their ratio: each gap the final epoch's where the words
    say final (else the mean of the last epochs or the final's), the ratio of the two figures as said."""
    def gaps(s: Step) -> list[float]:
        last = s.run.train()[-1] - s.run.test()[-1]
        return [last] if re.search(r"\b(?:final|last|end)\b", low) else [facts(s).gap, last]
    here, then = gaps(step), gaps(previous)
    a, b = times["a"], times["b"]
    ok = any(said_as(abs(g), a) for g in here) and any(said_as(abs(g), b) for g in then) and float(b) > 0 and \
        said_as(float(a) / float(b), times["x"])
    return Claim(number, clause, ok, f"train - test here {', '.join(f'{g:+.2f}' for g in here)}, in the step named "
                 f"{', '.join(f'{g:+.2f}' for g in then)}; {a} / {b} = {float(a) / float(b):.2f} ({records.METRICS} of both)",
                 "gap", (a, times["x"], b))


def _gap_then_said(low: str, claim: Claim, previous: Step) -> Claim:
    """A gap against the step before's, that step's gap said beside it ("(gap 0.38)"): false where no figure of its gap
    (the mean of its last epochs, or its last epoch's) is the one said."""
    if (then := re.search(r"\(gap (\d*\.\d+)\)", low)) is None:
        return claim
    gaps = (facts(previous).gap, previous.run.train()[-1] - previous.run.test()[-1])
    if any(said_as(abs(g), then[1]) for g in gaps):
        return replace(claim, numbers=(then[1],))
    return replace(claim, verdict=False, numbers=(then[1],), evidence=f"{claim.evidence}; the step before's gap {gaps[0]:+.2f} "
                   f"(mean of its last {facts(previous).n}), {gaps[1]:+.2f} at its last epoch")


def _gap_of_step(low: str) -> str:
    """"a much smaller gap than the 0.38 points of Model_2": that step's gap, its figure said beside it; "..., over 3
    seeds": a count of seeds, no size."""
    if not re.search(r"\bgap\b", low):
        return low
    low = re.sub(r",?\s*\b(?:confirmed\s+)?(?:over|on|across|for)\s+\d+\s+(?:seeds|runs)\b", "", low)
    return re.sub(r"\bthan the (\d*\.\d+)\s*(?:points?|pts?|pp)?\s+(?:of|in)\s+((?:step|model)[ _-]?\d+)\b", r"than \2 (gap \1)",
                  low)


_GAP_WAY = re.compile(r"\bgap\b[^.;\d]{0,40}?\b(grew|widened|increased|rose|went up|got bigger|got wider|shrank|narrowed|"
                      r"decreased|fell|went down|came down|got smaller|closed|reduced|dropped|shrunk|"
                      r"(?<=is )(?:much |a bit |slightly |far )?(?:smaller|larger|bigger|wider|narrower)|"
                      r"(?<=was )(?:much |a bit |slightly |far )?(?:smaller|larger|bigger|wider|narrower))\b[^.;]*?"
                      r"\b(?:compared (?:with|to)|than|vs\.?|"
                      r"versus|from|since|against)\s+(?:in\s+)?(?:step|model)[ _-]?\d")


# "narrowed the train-test gap compared with step 1", "a smaller train-test gap than step 2": the word before the gap
_GAP_WAY_BEFORE = re.compile(r"\b(narrowed|shrank|closed|reduced|widened|grew|increased|smaller|larger|bigger|narrower|wider)\s+"
                             r"(?:the\s+)?(?:train[- ](?:vs\.?[- ])?test\s+|generali[sz]ation\s+)?gap\b(?!\s+layer)[^.;\d]*?"
                             r"\b(?:compared (?:with|to)|than|vs\.?|versus|from|since|against)\s+(?:in\s+|that of\s+)?"
                             r"(?:step|model)[ _-]?\d")
_GREW = ("grew", "widened", "increased", "rose", "went up")  # a gap's words for growing; the rest say it shrank
_GAP_PAST = {"narrow": "narrowed", "widen": "widened", "shrink": "shrank", "clos": "closed"}


def _gap_noun(low: str) -> str:
    """"The 0.54 pt narrowing of the gap": the gap narrowed by 0.54 points."""
    return re.sub(r"\b(\d*\.?\d+)\s*(?:points?|pts?|pp)?\s+(narrow|widen|shrink|clos)ing of the gap\b",
                  lambda m: f"the gap {_GAP_PAST[m[2]]} by {m[1]} points", low)


# "the gap narrowed by 0.54 points", no step or span said: the change from the step before, or one within the run
_GAP_CHANGED_BARE = re.compile(r"\bgap\b[^.;]{0,20}?\b(?P<dir>grew|widened|shrank|shrunk|narrowed|closed)\s+by\s+"
                               r"(?P<tol>about |around |~\s*|roughly )?(?P<n>\d*\.?\d+)\s*(?:points?|pts?|pp)?")
_GAP_CHANGED = re.compile(r"\bgap\b[^.;]{0,20}?\b(?P<dir>grew|widened|increased|rose|went up|shrank|narrowed|decreased|"
                          r"fell|went down|closed)\b[^.;]*?\b(?:compared (?:with|to)|than|vs\.?|versus|on|from) "
                          r"(?:step|model)[ _-]?\d[^.;]*?\bby\s+(?P<tol>about |around |~\s*|roughly )?(?P<n>\d*\.?\d+)")
# "the gap went down by about 0.5 points compared with step 1": its size said before the step
_GAP_CHANGED_BY = re.compile(r"\bgap\b[^.;]{0,20}?\b(?P<dir>grew|widened|increased|rose|went up|shrank|shrunk|narrowed|"
                             r"decreased|fell|went down|came down|dropped|closed)\s+by\s+(?P<tol>about |around |~\s*|roughly )?"
                             r"(?P<n>\d*\.?\d+)\s*(?:points?|pts?|pp|%)?\s+(?:compared (?:with|to)|than|vs\.?|versus|on|from|"
                             r"against|over)\s+(?:in\s+)?(?:step|model)[ _-]?\d")


# "train > test at epoch 4 and epoch 5 (gap went from 0.84 to 1.53)": the two epochs a gap's move is said between
_TWO_EPOCHS = re.compile(r"\b(?:at|in) epochs? (\d+)(?: and| to|,) (?:epoch )?(\d+)\s*\(?\s*$")


def _gap_at_epochs(clause: str, step: Step, number: int, moved: re.Match, two: re.Match) -> Claim:
    """A gap's move between the two epochs named right before it: train - test at each, at the digits said."""
    epochs = (int(two[1]), int(two[2]))
    gaps = {e: step.run.train()[e - 1] - step.run.test()[e - 1] for e in epochs if 1 <= e <= len(step.run.epochs)}
    said = (moved["a"] or moved["a2"] or moved["a3"], moved["b"] or moved["b2"] or moved["b3"])
    ok = len(gaps) == 2 and all(said_as(abs(gaps[e]), t) for e, t in zip(epochs, said, strict=True))
    return Claim(number, clause, ok, "train - test " + ", ".join(f"at epoch {e}: {g:+.2f}" for e, g in gaps.items()) +
                 f" ({records.METRICS})", "gap", said)


def _gap_moved(low: str, clause: str, step: Step, previous: Step, number: int, moved: re.Match) -> Claim:
    """"The gap went from 0.60 to 2.80": the gap (train - test) of the step before and of this one, the mean of the last
    epochs or the final epoch's where the words say so, the way said and the size by which."""
    final = re.search(r"\b(?:at|in) the (?:final|last) epoch\b|\bfinal(?:-epoch)? gap\b", low) or \
        re.search(r"(?i)\b(?:end|ends|ended|finish(?:es|ed)?)\b[^;]{0,40}?\bapart\b", _head_of(low))  # "... end 0.05 points
    # apart, so the gap shrank from 0.54 in Model_2 to 0.05": the gap the sentence opened on, at the end
    gap_of = (lambda s: s.run.train()[-1] - s.run.test()[-1]) if final else (lambda s: facts(s).gap)
    then, now = gap_of(previous), gap_of(step)
    a, b = moved["a"] or moved["a2"] or moved["a3"], moved["b"] or moved["b2"] or moved["b3"]
    near = bool(moved["t1"] or moved["t2"])  # "from ~0.7 to ~0.1": each within a quarter of it
    ok = all(_within(abs(v), t, "about") if near else said_as(abs(v), t) for v, t in ((then, a), (now, b)))
    ways = re.finditer(r"\b(reduc|shr[iau]nk|narrow|clos|decreas|fell|drop|grew|grow|widen|increas|rose|down(?= )|up(?= ))\w*",
                       low)  # "gap₃ ↓ 0.60 → 2.80": down, said of a gap that grew
    if way := next((w for w in ways if not _negated(low, w.start())), None):  # "grow, not shrink": the way not denied
        ok = ok and (now > then) == (way[1] in ("grew", "grow", "widen", "increas", "rose", "up"))
    said = (a, b)
    if by := re.search(r"\bby\s+(?P<tol>about |around |~\s*|roughly )?(?P<n>\d*\.?\d+)", low):
        ok, said = ok and _within(abs(now - then), by["n"], (by["tol"] or "").strip()), (by["n"], a, b)
    what = "at the final epoch" if final else f"mean of the last {facts(step).n}"
    return Claim(number, clause, ok, f"train - test, {what}: {then:+.2f} in the step before, {now:+.2f} here "
                 f"({records.METRICS} of both)", "gap", said)


def _gap_change(low: str, clause: str, step: Step, previous: Step, number: int, grew: re.Match) -> Claim:
    """"The gap grew compared with step 2, by about 2.2 points": the change of the gap (train - test, mean of the
    last epochs) from the step before, its direction and its size as said."""
    then, now = facts(previous).gap, facts(step).gap
    up = grew["dir"] in _GREW
    ok = (now > then) == up and _within(abs(now - then), grew["n"], (grew["tol"] or "").strip())
    said = (grew["n"],)
    if to := re.match(r"[^.;]*?,\s*to (?P<tol>about |around |~\s*)?(?P<n>\d*\.\d+)\s*(?:points?|pts?|pp)?\b", low[grew.end():]):
        near = (to["tol"] or "").strip()  # "shrank by about 0.5 points over step 2, to 0.14 points": where it ended
        ok, said = ok and (_within(abs(now), to["n"], "about") if near else said_as(abs(now), to["n"])), (*said, to["n"])
    return Claim(number, clause, ok, f"train - test, mean of the last {facts(step).n}: {then:+.2f} in the step before, "
                 f"{now:+.2f} here ({now - then:+.2f}; {records.METRICS} of both)", "gap", said)


def _ahead_against(low: str, claim: Claim, step: Step, previous: Step, ahead: re.Match) -> Claim:
    """Train's lead against the step before's: "..., far more than in step 2" (beyond the noise), "..., against 0.6 in
    step 2" (that step's gap over the same epochs, at the digits said; "about" where the lead was said so)."""
    then = facts(previous).gap
    if len(epochs := _lead_epochs(low, step, ahead)) == 1 and re.search(r"\b(?:in|at) the (?:last|final) epoch\b|\bat the end\b|"
                                                                       r"\b(?:ends|ended|finish(?:es|ed))\b", low) and \
            not re.search(r"\bepoch \d", low):
        then = previous.run.train()[-1] - previous.run.test()[-1]  # "in the last epoch ..., against 1.53 in step 2": its last
    elif len(epochs) == 1 and epochs[0] <= len(previous.run.epochs) and \
            re.search(r"\b(?:at|in|after|by) epoch \d", low):  # "in epoch 6 ..., against 0.54 in step 2": its epoch 6
        then = previous.run.train()[epochs[0] - 1] - previous.run.test()[epochs[0] - 1]
    if than := re.search(r"\b(more|larger|bigger|wider|less|smaller|narrower) than (?:in |for )?(?:step|model)[ _-]?\d", low):
        ok = claim.verdict and (facts(step).gap > then + facts(step).gap_band) == (than[1] in ("more", "larger", "bigger",
                                                                                               "wider"))
    elif said := re.search(r"\b(?:against|vs\.?|versus|compared (?:to|with)|up from|down from)\s+(?P<tol>about |around |~\s*)?"
                           r"(?P<n>\d*\.\d+|\d+)\s*(?:points?|pts?|pp)?\s+(?:in|for|on)\s+(?:step|model)[ _-]?\d", low):
        near = said["tol"] or re.search(r"\b(?:about|around|roughly)\s+\d|~\s*\d", low[:said.start()])
        ok = claim.verdict and (_within(abs(then), said["n"], "about") if near else said_as(abs(then), said["n"]))
    else:
        return claim
    return replace(claim, verdict=ok, evidence=f"{claim.evidence}; {then:+.2f} in the step before")


_NAMED_EPOCH = re.compile(r"\b(?:at|in|after|by) epoch (\d+)\b")  # "at epoch 4", "by epoch 4"


def _lead_epochs(low: str, step: Step, ahead: re.Match) -> list[int]:
    """The epochs a lead is said of: the last K, the end, an epoch named ("by 0.54 points in epoch 6"), else the
    budget's last epochs."""
    n = facts(step).epochs
    named = [m for m in _NAMED_EPOCH.finditer(low) if 1 <= int(m[1]) <= n]
    if named and not ahead["k"]:  # "test is above at epoch 5, and at epoch 6 train is ahead": the nearest
        return [int(min(named, key=lambda m: abs(m.start() - ahead.start()))[1])]
    end = r"\b(?:at|in|by) the end\b|\b(?:at|in|by) the (?:last|final) epoch\b"
    if ahead["k"] or (m := re.match(r"[^,;\d]{0,30}?\blast (\d+|two|three|four|five)\b", low[ahead.end():])):
        k = _count(ahead["k"] or m[1])  # "train ends 0.68 points ahead on average over the last 3 epochs"
    elif re.match(rf"\s*(?:{end})", low[ahead.end():]) or re.search(r"\b(?:ends?|ended|finish(?:es|ed)?)\b", ahead[0]):
        k = 1  # "by 1.53 points at the end and by 0.60 over the last 3", "test ends 1.04 points above train"
    elif m := re.search(r"\blast (\d+)", low):
        k = _count(m[1])
    else:
        k = 1 if re.search(rf"{end}|\btrain(?:ing)?(?: accuracy)? (?:ends?|ended|finish(?:es|ed)?)\b", low) or \
            re.match(rf"\W*(?:{end})", _SENTENCE.get() or "") or \
            re.match(r"\W*with\b", low) and re.search(r"\b(?:finish(?:es|ed)|ended|ends)\b[^;]*$",  # "..., while the train loss
                                                     (_SENTENCE.get() or "").partition(low)[0]) \
            else facts(step).n  # finished lower at 0.108, with train accuracy 0.7 points ahead": at the end too
    return list(range(n - min(k, n) + 1, n + 1))


def _train_ahead(low: str, clause: str, step: Step, number: int, ahead: re.Match) -> Claim:
    """"Train is ahead of test by 0.37 points", "about 2.8 points ahead", "within 0.1 points of test": the gaps of
    the span said (the budget's last epochs where none is), their mean against the figure."""
    f = facts(step)
    epochs = _lead_epochs(low, step, ahead)
    gaps = [step.run.train()[e - 1] - step.run.test()[e - 1] for e in epochs]
    mean = sum(gaps) / len(gaps)
    where = f"at epoch {epochs[0]}" if len(epochs) == 1 else f"in the last {len(epochs)} epochs"
    said = (f"train - test {where}: " + ", ".join(f"{g:+.2f}" for g in gaps) + f" (mean {mean:+.2f}, "
            f"noise ±{f.gap_band:.2f}; {records.METRICS})")
    if ahead["n3"]:  # "train is about 2.8 points ahead of test on average"
        signed = mean * (1 if (ahead["lead3"] or ahead["lead4"]) in ("ahead of", "above", "ahead") else -1) * \
            (-1 if ahead["subj3"] == "test" else 1)  # "test is about 6.5 points ahead of train": train behind
        tol = {"~": "about", "around": "about", "roughly": "about", "more than": "over", "less than": "under",
               "nearly": "almost"}.get((ahead["tol3"] or "").strip(), (ahead["tol3"] or "").strip())
        return Claim(number, clause, signed > 0 and _within(signed, ahead["n3"], tol), said, "gap")
    if ahead["within"]:  # "within 0.1 points of test": every epoch of the span ("on average": their mean)
        ok = abs(mean) <= _num(ahead["n2"]) if re.search(r"\bon average\b|\bmean\b", low) else \
            all(abs(g) <= _num(ahead["n2"]) for g in gaps)
        if not ok and abs(mean) <= _num(ahead["n2"]):  # their mean is within it, an epoch is not: either reading holds
            return Claim(number, clause, None, f"{said}: the mean within it, not every epoch", "gap")
    else:
        lead = ahead["lead"] in ("ahead of", "above", "over", "higher than", "leads", "leading", "exceeds", "exceeded",
                                 "surpasses", "surpassed") or \
            ahead["lead0"] in ("ahead", "leads", "leading")
        ok = said_as(mean if lead else -mean, ahead["n"])
        if tol := (ahead["tol"] or "").strip():  # "by more than 1 point", "by about 0.4"
            ok = (mean if lead else -mean) > 0 and _within(abs(mean), ahead["n"], "about" if tol in ("~", "around",
                                                                                                    "roughly") else tol)
    return Claim(number, clause, ok and _noise_kept(low, mean, f.gap_band), said, "gap")


# a gap's size as said ("about 0.4 points"); under 50, so "98.03 %" is no gap
_GAP_FIGURE = re.compile(r"\b(?P<tol>within|under|below|less than|about|around|roughly|~|over|above|more than)?\s*"
                         r"(?P<tol2>~\s*|about\s+)?(?<![\d.])(?P<n>[0-4]?\d(?:\.\d+)?|\.\d+)"
                         r"\s*(?:points?|pts?|pp|%|apart\b)(?!\s*(?:better|worse|higher|lower))")
# "the final test accuracy fell by 0.51 points ..., for the smaller gap": a move's size, said before the gap is named
_MOVED_BY = re.compile(r"\b(?:fell|fall|falls|rose|rise|rises|dropped|drops|climbed|gained|lost|improved|increased|decreased|"
                       r"went up|went down)\s+by(?:\s+(?:about|around|roughly|only|just)|\s*~)?\s*$")


_LAST_EPOCH_SAID = re.compile(r"\b(?:(?:in|at) the (?:last|final) epoch|the (?:last|final) epoch (?:has|had|is|was|shows))\b")


def _gap_figure(low: str, step: Step, f, figure: re.Match) -> tuple[bool, float, str]:
    """A gap's figure as said, and one epoch's gap with its name (the last's, or the one the clause names): the mean
    of the last epochs (or the last epoch's) at its digits, within its tolerance; the epoch's own where the clause
    names one epoch or the last ("at epoch 6 ... about 0.05 apart")."""
    last = step.run.train()[-1] - step.run.test()[-1]
    one, where = re.findall(r"\b(?:at|in|after) epoch (\d+)\b", low), "at the last epoch"
    if len(set(one)) == 1 and 1 <= int(one[0]) <= f.epochs:
        last, where = step.run.train()[int(one[0]) - 1] - step.run.test()[int(one[0]) - 1], f"at epoch {one[0]}"
    tol, n = figure["tol"] or (figure.groupdict().get("tol2") or "").strip(), figure["n"]
    if tol in ("within", "under", "below", "less than"):
        slack = max(0.25 * _num(n), 0.1) if re.search(r"(?:~|about|around|roughly)\s*" + re.escape(n), low) else 0
        ok = abs(f.gap) <= _num(n) + slack if tol == "within" else abs(f.gap) < _num(n) + slack
    elif tol:
        ok = _within(abs(f.gap), n, "about" if tol in ("about", "around", "roughly", "~") else "over")
    elif span := re.search(r"\b(?:last|final) (\d+|two|three|four|five) epochs\b|\b(?:last|final) (\d+)\b(?! ?%)", low):
        k = min(_count(span[1] or span[2]), f.epochs)  # "the gap in the last 3 epochs is 0.5": their mean, no one epoch's
        gaps = [a - b for a, b in zip(step.run.train()[-k:], step.run.test()[-k:], strict=True)]
        ok = said_as(abs(sum(gaps) / k), n)
    else:
        ok = said_as(abs(f.gap), n) or said_as(abs(last), n)
    if (_LAST_EPOCH_SAID.search(low) or len(set(one)) == 1) and tol:  # "at the last epoch a gap of only about 0.3"
        ok = _within(abs(last), n, "about" if tol in ("about", "around", "roughly", "~") else "over") if tol not in (
            "within", "under", "below", "less than") else abs(last) <= _num(n)
    return ok, last, where


def _gap_way_kept(low: str, figure: re.Match, gap: float) -> bool:
    """The way a gap's figure is said to go, where it is said, against the gap (train - test): "positive", "+6.5",
    "6.5 points for train" or "in favour of train" put train ahead; "negative", "-6.5", "for test" put test ahead (a
    gap said as test - train turns the sign)."""
    sign = re.search(r"\b(positive|negative)\b", low) or re.search(rf"(?<![\w.])([+\-−])\s?{re.escape(figure['n'])}\b", low)
    whose = re.match(r"[^;,]{0,25}?\b(?:for|in favou?r of|towards?)\s+(?:the\s+)?(train|test)", low[figure.end():])
    if whose:
        return (gap > 0) == (whose[1] == "train")
    leads = list(re.finditer(r"\b(train\w*|test)\b[^;,(]{0,30}?\b(ahead of|behind|above|below)\s+(?:the\s+)?(train\w*|test)\b",
                             low[:figure.start()]))
    if sign is None and leads and leads[-1][1][:4] != leads[-1][3][:4]:  # "Train is now behind test at the end (...), a gap
        # of about 0.54": train behind, the gap negative
        return (gap > 0) == ((leads[-1][1].startswith("train")) == (leads[-1][2] in ("ahead of", "above")))
    if sign is None:
        return True
    ahead = sign[1] in ("positive", "+")
    return (gap > 0) == (ahead != bool(re.search(r"\btest\s*[-–−]\s*train\b", low)))


def _gap_size(low: str, clause: str, step: Step, number: int) -> Claim | None:
    """The gap's size as said: within / under / about / over N points, N at its digits, small or large."""
    f = facts(step)
    said = f"train - test, mean of the last {f.n} epochs: {f.gap:+.2f} points ({records.METRICS})"
    if step.run.settings.ema:
        said += "; test of the EMA weights, train of the live ones"
    if "gap" in low and (at := re.findall(r"(?<![\w.])(?<!vs )(?<!vs\. )(?<!against )(?<!versus )(\d*\.\d+)\s*"
                                          r"(?:points?|pts?|pp)?\s+(?:at|in) epoch (\d+)\b", low)):  # not "(86.29 vs 85.25 ...)"
        gaps = [step.run.train()[int(e) - 1] - step.run.test()[int(e) - 1] if 1 <= int(e) <= f.epochs else math.nan
                for _, e in at]
        return Claim(number, clause, all(said_as(abs(g), n) for g, (n, _) in zip(gaps, at, strict=True)),  # "gap 1.60 @ ep4"
                     "train - test " + ", ".join(f"at epoch {e}: {g:+.2f}" for g, (_, e) in zip(gaps, at, strict=True))
                     + f" ({records.METRICS})", "fit", tuple(n for n, _ in at))  # "fit": the lead's scope is read too
    low = re.sub(r"\b(?:smaller|lower|narrower) than(?=\s+(?:~\s*|about\s+)?\d)", "under", low)  # "smaller than 2 points"
    low = re.sub(r"\b(?:bigger|larger|greater|wider) than(?=\s+(?:~\s*|about\s+)?\d)", "over", low)
    figure = (next((m for m in _GAP_FIGURE.finditer(low) if "gap" in low[:m.start()] or not _MOVED_BY.search(low[:m.start()])),
                   None) or
              re.search(r"\bgap\b(?:[^;\d]{0,25}?(?:last|first) \d+)?[^;\d]{0,40}?"
                        r"(?P<tol>within|under|below|less than|about|around|"
                        r"roughly|~|over|above|more than)?\s*(?<!last )(?<!first )(?<!epoch )(?<!step )(?<!model )(?<!seed )"
                        r"(?<![x×])(?P<n>\d*\.\d+|\d+)\b(?!\s*(?:epochs?|times|x)\b)(?<![5-9]\d\.\d\d)", low)) \
        if "gap" in low else None
    if figure is None and re.search(r"\b(?:about|around|roughly|basically|essentially|practically|virtually|effectively|"
                                    r"nearly|almost|close to|near|pretty much)\s+(?:zero|nil|nothing|0)\b", low):
        return Claim(number, clause, abs(f.gap) <= 0.1, said, "gap")  # "basically zero": the slack "~" gives a small gap
    if figure:
        ok, last, where = _gap_figure(low, step, f, figure)
        ok = ok and _gap_way_kept(low, figure, last if where != "at the last epoch" or _LAST_EPOCH_SAID.search(low) else f.gap)
        return Claim(number, clause, ok, f"{said}; {where} {last:+.2f}", "gap")
    if re.search(r"\b(?:reduc|clos|narrow|shr[iau]nk|decreas|drop|fell|grew|widen|increas)\w*", low):
        return None  # "the gap is reduced very much": words of its change, not of its size
    # a size in words is vague: between the fit's line and twice it, "small" and "large" are both a fair word
    vague = GAP_POINTS < abs(f.gap) <= 2 * GAP_POINTS
    if re.search(r"\b(small|tiny|very small|negligible|minimal|little|close|narrow|low)\b", low):
        return Claim(number, clause, None if vague else abs(f.gap) <= GAP_POINTS, said + ": a size words leave open" * vague,
                     "gap")
    if re.search(r"\b(large|big|wide|huge|significant|much)\b", low):
        return Claim(number, clause, None if vague else abs(f.gap) > GAP_POINTS, said + ": a size words leave open" * vague,
                     "gap")
    return None


_ABOVE_VERBS = r"higher|above|greater|better|more|lower|below|less|worse|beats?|ahead of|behind|over|under|>|<|leads?|led|" \
    r"overt(?:ook|akes?)|trail(?:s|ed|ing)?"
_BEING = r"(?: is| was| being| stays| stayed| remained| sits| sat| has been| had been| gets| got| pulls| pulled| goes| went)?" \
    r"(?: now| still| consistently| always| never| even| slightly| just| clearly| a bit| well| far| actually| really| also)?"


def _above_count(low: str, clause: str, step: Step, number: int, test_higher: bool) -> Claim | None:
    """"Train was below test in 12 of the 15 epochs": how many epochs the relation held in, as said."""
    counted = re.search(rf"\bin (\d+|{'|'.join(WORDS)}) (?:out )?of (?:the |all |its )?(?:(\d+|{'|'.join(WORDS)}) )?epochs\b",
                        low)
    if counted is None:
        return None
    gaps = [a - b for a, b in zip(step.run.train(), step.run.test(), strict=True)]
    held = sum(1 for g in gaps if (g < 0) == test_higher and g != 0)
    total = _count(counted[2]) if counted[2] else len(gaps)
    return Claim(number, clause, held == _count(counted[1]) and total == len(gaps),
                 f"{'test' if test_higher else 'train'} ahead in {held} of the {len(gaps)} epochs: train - test "
                 + ", ".join(f"{g:+.2f}" for g in gaps) + f" ({records.METRICS})", "fit", tuple(g for g in counted.groups() if g))


# "train pulled ahead of test after the first epoch and stayed there": from the second on
_PULLED_AFTER = re.compile(r"\b((?:pulled|got|went|moved|pulls|gets|goes|moves) (?:ahead|behind)"
                           r"(?: of (?:the )?(?:train|test)\w*)?) after epoch (\d+)(?:,? and stayed (?:there|ahead|behind))?")


def _above_plainly(low: str) -> str:
    """A lead as `_above` reads it: "for 13 epochs" the first 13, "pulled ahead after epoch 1" from the second on, and
    "test is ahead" ahead of train."""
    low = re.sub(r"\b(train(?:ing)?|test)((?:\s+accuracy)?\s+for)\s+(\d+)\s+epochs\b", r"\1\2 the first \3 epochs", low)
    low = _PULLED_AFTER.sub(lambda m: f"{m[1]} from epoch {int(m[2]) + 1} on", low)
    # "the test accuracy (97.93%) is below the train accuracy (97.70%)": the lead said between the figures
    low = re.sub(r"\b(train(?:ing)?|test)((?:\s+accuracy)?)\s*\(\s*\d{1,3}(?:\.\d+)?\s*%?\s*\)", r"\1\2", low)
    return re.sub(rf"\b(train(?:ing)?|test)((?: accuracy)?{_BEING}\s*(?:ahead|behind))\b(?!\s+(?:of|by|the|test|train)\b)",
                  lambda m: f"{m[1]}{m[2]} of {'train' if m[1] == 'test' else 'test'}", low)


# "only" of a span ("in the first epoch only"), not of a size ("below train only by a little")
_ONLY_SCOPE = re.compile(r"(?<!\bif )\bonly\b(?!\s+(?:by|a little|a bit|slightly|barely|just|marginally|because|since|as|"
                         r"when|if)\b)")


def _train_of_seeds(low: str, clause: str, step: Step, number: int) -> Claim | None:
    """"On seeds 1 and 2 train leads test": the check records each seed's test curve, not its train curve (only the
    shown seed's run has one), so not settled."""
    seeds = re.search(r"\bseeds?\s+((?:\d+\s*(?:,|and|&)?\s*)+)", low)
    if not step.check or seeds is None or \
            {int(d) for d in re.findall(r"\d+", seeds[1])} == {getattr(step.run.settings, "seed", None)}:
        return None
    return Claim(number, clause, None, f"the check records each seed's test curve, not its train curve ({records.CHECK})",
                 "fit")


def _above(low, clause, step, previous, number) -> Claim | None:
    """Test above (or below) train; "for 13 epochs": the first 13."""
    low = _above_plainly(low)
    found = re.search(rf"\b(test|validation)(?: accuracy)?{_BEING}\s*({_ABOVE_VERBS})(?: than)? (?:the )?train(?! loss)",
                      low) or \
        re.search(rf"\btrain(?:ing)?(?: accuracy)?{_BEING}\s*({_ABOVE_VERBS})(?: than)? (?:the )?(test|validation)(?! loss)", low)
    if found is None:
        return None
    if (unread := _train_of_seeds(low, clause, step, number)) is not None:
        return unread
    if (turn := _TURN.search(low, found.end())) is not None and (both := _above_turned(low, found, turn, clause, step,
                                                                                       previous, number)):
        return both
    f, test_first = facts(step), found[1] in ("test", "validation")
    word = found[2] if test_first else found[1]
    test_higher = (word in ("higher", "above", "greater", "better", "more", "beat", "beats", "ahead of", "over", ">", "lead",
                            "leads", "led", "overtook", "overtakes", "overtake")) == test_first
    negated = _negated(low, found.start())
    if (counted := _above_count(low, clause, step, number, test_higher)) is not None:
        return counted
    scope, label = _above_scope(low, step, f.epochs)
    if " never" in found[0]:  # "train never overtakes test": in no epoch of the span
        scope = scope or list(range(1, f.epochs + 1))
        gaps = [step.run.train()[i - 1] - step.run.test()[i - 1] for i in scope]
        return Claim(number, clause, not any((g < 0) == test_higher for g in gaps), f"train - test in epochs {scope[0]}-"
                     f"{scope[-1]}: " + ", ".join(f"{g:+.2f}" for g in gaps) + f" ({records.METRICS})", "fit")
    named = _epochs_named(low, f.epochs)
    if _ONLY_SCOPE.search(low) and len(named) > 1 and all(1 <= e <= f.epochs for e in named):
        scope, label = named, "at epochs " + ", ".join(map(str, named))  # "only in the first epoch and at epoch 5"
    if scope is None and (at := _EPOCH.search(low)) and 1 <= int(at[1] or at[2]) <= f.epochs:
        scope, label = [int(at[1] or at[2])], f"at epoch {int(at[1] or at[2])}"
    if scope is None and re.search(r"\b(?:at|in) the end\b|\b(?:(?:at|in|on|only) )?the (?:last|final) epoch\b|"
                                   r"\bfinal\b(?!\s+(?:\d|two|three|four|five)\b)", low):
        scope, label = [f.epochs], f"at the last epoch ({f.epochs})"
    if scope is not None and not re.fullmatch(r"in the last \d+ epochs", label) or re.search(r"\blast \d", low):
        gaps = [step.run.train()[i - 1] - step.run.test()[i - 1] for i in scope]
        ok = all((g < 0) == test_higher for g in gaps)
        if re.search(r"\bon average\b|\bthe mean\b|\baveraged (?:over|across) the (?:last|first)\b", low):  # their mean
            ok = (sum(gaps) < 0) == test_higher
        if _ONLY_SCOPE.search(low):  # "in the first epoch only": and not in the others
            rest = [step.run.train()[i] - step.run.test()[i] for i in range(f.epochs) if i + 1 not in scope]
            ok = ok and all((g < 0) != test_higher for g in rest)
        if by := _BY_LEAD.search(low):  # "by ~9 on avg over the last 3"; "up to epoch 13, by 1.39 points at epoch 6": its own
            own = re.match(r"[^,;]{0,12}?\b(?:at|in) (?:epoch )?(\d+)\b(?![.,]\d|\s*%)", low[by.end():]) or \
                re.search(r"\b(?:at|in) epoch (\d+),?\s*$", low[:by.start()])  # "..., in epoch 4 by 1.17 points": that one's
            ok = ok and _lead_by(low, by, [gaps[scope.index(int(own[1]))]] if own and int(own[1]) in scope else gaps, step,
                                 test_higher)
        said = (f"train - test {label}: " + ", ".join(f"{g:+.2f}" for g in gaps) + f" ({records.METRICS})")
        return Claim(number, clause, ok != negated, said, "fit")
    return _above_mean(low, clause, step, number, test_higher, negated)


def _above_mean(low: str, clause: str, step: Step, number: int, test_higher: bool, negated: bool) -> Claim:
    """A lead said over no span: the mean of the budget's last epochs, and its size ("test trails train by 2.8 pts");
    where the words say "now", the last epoch's too ("so now test is above train by 0.58"); "early on" names no epochs."""
    if early := _EARLY.search(low):  # "Early on test was even below train": epochs the words leave open
        gaps = ", ".join(f"{a - b:+.2f}" for a, b in zip(step.run.train(), step.run.test(), strict=True))
        return Claim(number, clause, None, f"train - test by epoch: {gaps} ({records.METRICS}); \"{early[0]}\" names no "
                                           "epochs", "fit")
    f = facts(step)
    said = f"train - test, mean of the last {f.n} epochs: {f.gap:+.2f} points ({records.METRICS})"
    by = _BY_LEAD.search(low)
    ok = ((f.gap < 0) == test_higher) != negated and (by is None or _lead_by(low, by, [f.gap], step, test_higher))
    if not ok and by and re.search(r"\bnow\b", low):
        last = step.run.train()[-1] - step.run.test()[-1]
        ok = ((last < 0) == test_higher) != negated and _lead_by(low, by, [last], step, test_higher)
        said += f"; at the last epoch {last:+.2f}"
    return Claim(number, clause, ok, said, "fit")


def _above_scope(low: str, step: Step, epochs: int) -> tuple[list[int] | None, str]:
    """The epochs a lead is said over: the span named, those trained augmented ("while augmentation was on"), and a
    second span ("..., and again in the last two epochs")."""
    scope, label = _epoch_scope(low, epochs, step.last, implicit=False)
    if (off := step.run.settings.augment_off_last) and epochs > off and re.search(
            r"\b(?:while|when|as long as|with) (?:the )?augmentation (?:was |is )?(?:on|active|running)\b", low):
        scope, label = list(range(1, epochs - off + 1)), f"epochs 1-{epochs - off} (augmentation on)"
    if scope is not None and (again := re.search(r",?\s*and\s+(?:again|also)\s+((?:in|at|for|over|from)\s+.+)$", low)) and \
            (more := _epoch_scope(again[1], epochs, step.last, implicit=False))[0]:
        scope, label = sorted(set(scope) | set(more[0])), f"{label} and {more[1]}"
    return scope, label


def _epochs_named(low: str, epochs: int = 0) -> list[int]:
    """The epochs a clause names one by one: "only in the first epoch and at epochs 3 and 4" (not "up to epoch 6"), and
    "the first 3 epochs and at epochs 5 and 7" (those 3 among them; `epochs`: the run's count)."""
    first = re.search(r"\bfirst (\d+) epochs,? and (?:also )?(?:at|in) epochs?\s+\d", low)
    return sorted(({1} if re.search(r"\bthe first epoch\b", low) else set()) |
                  (set(range(1, min(int(first[1]), epochs) + 1)) if first else set()) |
                  {int(e) for e in re.findall(r"(?<!until )(?<!up to )(?<!till )(?<!before )\bepoch (\d+)", low)} |
                  {int(e) for listed in re.findall(r"\bepochs (\d+(?:\s*(?:,|and|&)\s*\d+)+)\b", low)
                   for e in re.findall(r"\d+", listed)})


def _above_turned(low: str, found: re.Match, turn: re.Match, clause: str, step: Step, previous: Step | None,
                  number: int) -> Claim | None:
    """"Test is above train in the first 13 epochs and falls just below it in the last 2": each side of the turn in
    its own scope, the second the other way round."""
    ours, theirs = ("test", "train") if found[0].startswith(("test", "validation")) else ("train", "test")
    before = _above(low[:turn.start()], clause, step, previous, number)
    after = _above(f"{ours} accuracy is {turn[1]} {theirs}{low[turn.end():]}", clause, step, previous, number)
    if before is None or after is None:
        return None
    return Claim(number, clause, bool(before.verdict and after.verdict), f"{before.evidence}; {after.evidence}", "fit")


# "..., and below it from epoch 2 on", "and falls just below it in the last 2": the other way round, after a scope
_TURN = re.compile(r"\s*(?:,\s*)?\b(?:and|but|then|before)\s+(?:then\s+)?(?:only\s+)?"
                   r"(?:(?:falls?|fell|drops?|dropped|goes|went|slips?|"
                   r"slipped|stays?|stayed|is|was|comes?|came|ends?|ended|moves?|moved)\s+)?"
                   r"(?:just\s+|slightly\s+|a bit\s+|far\s+|well\s+|much\s+|clearly\s+)?"
                   r"(below|under|behind|above|over|ahead of)\s+it\b")


_BY_LEAD = re.compile(r"\bby\s+(?P<tol>about |around |~|roughly |at least |more than |over )?(?P<n>\d*\.?\d+)(?:\s*(?:points?|"
                      r"pts?|pp|%)|"
                      r"(?=\s+(?:on (?:avg|average)|over|across|in|at) )|(?=\s*$))")


def _lead_by(low: str, by: re.Match, gaps: list[float], step: Step, test_higher: bool) -> bool:
    """The lead's size as said: the span's mean ("by 3.5 points on average"), the last epoch's ("from epoch 3 on, by
    0.54 pts at the end"), or the mean of the last K ("in the last 4, by ~6.5 on avg over the last 3")."""
    sign = -1 if test_higher else 1
    mean = sum(gaps) / len(gaps) * sign
    if (by["tol"] or "").strip() in ("at least", "more than", "over") and re.search(r"\b(?:each|every|all)\b", low):
        return all(g * sign >= _num(by["n"]) for g in gaps)  # "by at least 0.3 points in each of the first three epochs"
    if re.match(r"\s*(?:at|in) the (?:end|last one|last epoch|final epoch)\b", low[by.end():]):
        mean = gaps[-1] * sign
    elif k := re.match(r"\s*(?:on (?:avg|average)|as a mean|in the mean)?\s*(?:over|across|in) the last (\d+)\b",
                       low[by.end():]):
        n = len(step.run.epochs)
        last = [step.run.train()[i] - step.run.test()[i] for i in range(max(0, n - int(k[1])), n)]
        mean = sum(last) / len(last) * sign
    return _within(mean, by["n"], (by["tol"] or "").strip())


RISING = re.compile(r"\b(still (?:rising|rises|rose|improving|improves|increasing|learning|climbing|going up)|"
                    r"kept (?:rising|improving|learning)|not (?:yet )?(?:converged|saturated|plateaued))\b")
STALLED = re.compile(r"\b(no longer (?:rises|rising|improves|improving|increases|learning|learns)|"
                     r"stopped (?:rising|improving|increasing|learning)|plateau(?:ed|s)?|saturat(?:ed|es)|converged|"
                     r"stagnat(?:ed|es)|(?:has |had |have )?settled(?: down)?(?= by the end| at the end| in the end|$)|"
                     r"levell?ed off|flattened out)\b")


def _learning(step: Step) -> tuple[bool | None, str]:
    """Whether test accuracy still rose at the run's end: its trend over the second half beyond the trend's own error
    (True), inside it (False); too few epochs to tell (None)."""
    test = step.run.test()
    if len(test) < 5:  # too few epochs for a trend and its error (a second half of 3 epochs at least)
        return None, f"{len(test)} epoch{'s' * (len(test) > 1)}: too few for a trend ({records.METRICS})"
    half, n = (len(test) + 1) // 2, min(step.last, len(test) - 1)
    slope, band = trend(test, half), slope_error(test[-half:])
    gain = max(test[-n:]) - max(test[:-n])  # the last epochs' best against every epoch's before them
    said = (f"test accuracy's trend over epochs {len(test) - half + 1}-{len(test)}: {slope:+.3f} points an epoch "
            f"(±{band:.3f}); the last {n} epochs' best {gain:+.2f} points on the best before them (noise "
            f"±{fall_noise(max(test[:-n]), max(test[-n:])):.2f}; {records.METRICS})")
    new_best = gain > fall_noise(max(test[:-n]), max(test[-n:]))
    if slope <= band:  # a flat trend, unless the last epochs beat every epoch before them beyond the noise
        return (None if new_best else False), said
    return (True if new_best else None), said


LOSS_FALLS, LOSS_FLAT = 0.04, 0.02  # a test loss's fall over the last epochs: still falling beyond one, flat under the other


def _loss_falling(step: Step, words: str = "") -> tuple[bool | None, str]:
    """Whether the test loss still fell at the end: the last N epochs' lowest against the epoch before them; the last
    epoch against the one before where the words give that move ("flat at the end: 0.1286 → 0.1279")."""
    loss, n = run_losses(step.run), step.last
    pair = re.search(r"(?<![\d.])(\d?\.\d+)\s*(?:→|->|to)\s*(\d?\.\d+)", words)
    if pair and len(loss) >= 2 and said_as(loss[-2], pair[1]) and said_as(loss[-1], pair[2]):
        n = 1
    if len(loss) <= n:
        return None, f"{len(loss)} epochs: too few to read the end ({records.METRICS})"
    before, low = loss[-n - 1], min(loss[-n:])
    fall = (before - low) / before if before > 0 else 0.0
    said = (f"test loss at epochs {len(loss) - n}-{len(loss)}: " + ", ".join(f"{x:.4f}" for x in loss[-n - 1:])
            + f" (a {100 * fall:.1f} % fall; {records.METRICS})")
    return (True if fall > LOSS_FALLS else False if fall < LOSS_FLAT else None), said


def _loss_pair_epochs(low: str, step: Step) -> tuple[bool | None, str] | None:
    """Whether the test loss still fell between the two epochs a clause names beside it: more than 4 % lower, or flat
    (under 2 %), as the run's end is read; None where it names no two epochs of the run."""
    named = [int(k) for k in re.findall(r"\b(?:epoch|ep)\s?(\d+)\b", low)]
    rows = step.run.epochs
    if len(named) != 2 or not 1 <= named[0] < named[1] <= len(rows) or not rows[named[0] - 1].test_loss:
        return None
    a, b = rows[named[0] - 1].test_loss, rows[named[1] - 1].test_loss
    fall = (a - b) / a
    return (True if fall > LOSS_FALLS else False if fall < LOSS_FLAT else None), \
        f"test loss at epochs {named[0]} and {named[1]}: {a:.4f}, {b:.4f} ({abs(fall):.1%} " \
        f"{'lower' if fall >= 0 else 'higher'}; {records.METRICS})"


def _trend(low, clause, step, previous, number) -> Claim | None:
    """Still rising (learning at the end), or no longer rising (a plateau): the last half of the run's test curve and
    its test loss."""
    if re.match(r"\W*(?:the\s+)?(?:lr|learning rate|rate)\b", low) and not re.search(r"\b(?:acc\w*|loss)\b", low):
        return None  # "LR 0.01 at epoch 1, kept rising up to epoch 3": the rate's course, its reader's
    rising, stalled = RISING.search(low), STALLED.search(low)
    if stalled is not None and re.match(r"\s*(?:schedul|lr\b|rate|reduce|(?:never |did not |didn't |was never |wasn't )?"
                                        r"(?:fir|trigger|kick|act|cut|patience))", low[stalled.end():]):
        stalled = None  # a plateau schedule, not a plateau of the curve
    reading = _learning
    if "loss" in low and (falling := re.search(r"\bstill (?:falling|falls|fell|decreasing|going down)\b|"
                                                r"\bno longer (?:falls|falling|decreases)\b|\bloss (?:was |is )?flat", low)):
        rising, stalled = (falling, None) if "still" in falling[0] else (None, falling)
        reading = _loss_falling
    if rising is None and stalled is None:
        return None
    if reading is _loss_falling and (pair := _loss_pair_epochs(low, step)) is not None:
        learning, said = pair  # "test loss flat at the end: 0.1286 (ep3) → 0.1279 (ep4)": between the epochs it names
    else:
        learning, said = reading(step, low) if reading is _loss_falling else reading(step)
    if learning is None:
        return Claim(number, clause, None, f"{said}: neither shown", "trend")
    claimed = rising is not None
    return Claim(number, clause, (learning == claimed) != _negated(low, (rising or stalled).start()), said, "trend")


def _stability(low, clause, step, previous, number) -> Claim | None:
    """Stable (the last epochs within the noise of two scores) or fluctuating."""
    found = re.search(r"\b(stable|steady|consistent|plateau(?:ed)?|flat|fluctuat\w*|unstable|jumps|jumped|jumpy|"
                      r"oscillat\w*|noisy|erratic|swing\w*)\b", low)
    if found and (_rate_beside(low) or re.match(r"\s*(?:at\s+)?0?\.\d+(?!\s*%)", low[found.end():]) or
                  found[1] == "consistent" and re.match(r"\s+with\b", low[found.end():]) or
                  re.match(r"\s*\(\s*\d+\s*(?:→|->)\s*\d+\s*\)", low[found.end():])):  # "6 flat (21→21)": a count's
        return None  # "it sat flat at 0.05", "this flat 0.05 with no annealing": the rate; "consistent with": agrees
    if found and re.search(r"\bloss\b", low[:found.start()]) and not re.search(r"\bacc", low):
        return None  # "the test loss is almost flat from epoch 3 to 4 (0.129 to 0.128)": the loss's, read as its figures
    # a level said beside it ("stable above 99.4 %") is a threshold's; figures in brackets, or the span's "from a to b",
    # are its evidence
    pair = _SPAN_PAIR.search(low)
    bare = re.sub(r"\([^)]*\)", "", low if pair is None else low[:pair.start()] + " " + low[pair.end():])
    if found is None or re.search(rf"{NUM}\s*%|\brate\b|\blr\b|receptive field|\brf\b", bare) \
            or re.match(r"\s+(?:at|in|to|from|by|when|after|up|once)\b", low[found.end():]) and found[1].startswith("jump") \
            or re.match(r"\s*(?:schedul|lr\b|patience|learning rate|rate\b|(?:never |did not |didn't )?(?:fired|fires|kicked|"
                        r"triggered|acted|cut))", low[found.end():]):
        return None
    steady = found[1] in ("stable", "steady", "consistent", "plateau", "plateaued", "flat")
    if (seeds := seed_series(step, low)) is not None:  # "no seed is stable": the count (none) says the no
        denied = _negated(low, found.start()) and not (seeds[0] == "count" and seeds[2] == 0)
        claim = _stable_seeds(low, clause, step, number, seeds, steady != denied)
        k = _count(m[1]) if (m := re.search(rf"\blast (\d+|{'|'.join(WORDS)})(?![.\d])", low)) else step.last
        if pair is None or len(seeds[1]) != 1 or not re.search(r"\blast \w+", low):
            return claim
        return _with_span_ends(claim, pair, seeds[1][0][1][-k:])  # "seed 0 goes from 92.36 % to 97.51 % in the last 3"
    if re.search(r"\bseeds?\b", low):
        return None
    k = _count(m[1]) if (m := re.search(rf"\blast (\d+|{'|'.join(WORDS)})(?![.\d])", low)) else facts(step).n  # "the last two"
    train = _only_train(low) and bool(re.search(r"\btrain(?:ing)?\s+acc", low))  # "the train accuracy ...": its own curve
    test = (step.run.train() if train else step.run.test())[-k:]
    span = f"the last {k} epochs'"
    if (two := re.search(r"\b(?:at|in|from|between) epochs? (\d+) (?:and|to|-) (?:epoch )?(\d+)\b", low[:found.start()])) and \
            1 <= int(two[1]) < int(two[2]) <= len(step.run.epochs):  # "test acc at epochs 3 and 4 is almost flat": those
        test = (step.run.train() if train else step.run.test())[int(two[1]) - 1:int(two[2])]
        span = f"epochs {two[1]}-{two[2]}:"
    noise, moved = fall_noise(min(test), max(test)), max(test) - min(test)
    said = (f"{span} {'train' if train else 'test'} accuracy {', '.join(f'{a:.2f}' for a in test)} %: "
            f"a span of {moved:.2f} "
            f"points (noise ±{noise:.2f}; {records.METRICS})")
    claim = Claim(number, clause, ((moved <= noise) == steady) != _negated(low, found.start()), said, "stability")
    return claim if pair is None or not re.search(r"\blast \w+", low) else _with_span_ends(claim, pair, test)


def _with_span_ends(claim: Claim, pair: re.Match, values: list[float]) -> Claim:
    """A stability claim with its "(94.18 to 97.51)" read as the last epochs' ends: their first to their last, or their
    lowest to their highest."""
    with _unread():
        ends = any(said_as(a, pair[1]) and said_as(b, pair[2]) for a, b in
                   ((values[0], values[-1]), (min(values), max(values)), (max(values), min(values))))
    return replace(claim, verdict=claim.verdict and ends, numbers=(pair[1], pair[2]), evidence=claim.evidence + (
        "" if ends else f"; {pair[1]} to {pair[2]} is not its first to its last nor its lowest to its highest"))


# "not stable (94.18 to 97.51)", "range from 90.99 to 97.33": two figures said as a span's ends
_SPAN_PAIR = re.compile(r"(?:\bfrom\s+|\(\s*)(\d{2}\.\d+)\s*%?\s*(?:(?:up |down )?to|→|->|–)\s*(\d{2}\.\d+)\s*%?\s*\)?")


def _stable_seeds(low: str, clause: str, step: Step, number: int, seeds: tuple, steady: bool) -> Claim:
    """Stable said of seeds: each seed's last epochs within the noise of two scores."""
    mode, rows, n = seeds
    k = _count(m[1]) if (m := re.search(rf"\blast (\d+|{'|'.join(WORDS)})(?![.\d])", low)) else step.last
    held = {s: (max(c[-k:]) - min(c[-k:]) <= fall_noise(min(c[-k:]), max(c[-k:])), c[-k:]) for s, c in rows}
    said = "; ".join(f"seed {s}: " + ", ".join(f"{v:.2f}" for v in last) + f" (span {max(last) - min(last):.2f})"
                     for s, (_, last) in held.items())
    ok_seeds = [s for s, (ok, _) in held.items() if ok == steady]
    ok = bool(rows) and (len(ok_seeds) == len(held) if mode in ("all", "one") else n == len(ok_seeds))
    return Claim(number, clause, ok, f"the last {k} epochs by seed: {said} ({records.CHECK if step.check else records.METRICS})",
                 "stability")


def _rate_said(text: str, before: str, after: str, rates: list[float], peak: float) -> bool:
    """A rate as said, in the role its words give: where it started, ended or peaked (at the epoch said), else any
    epoch's or the peak set."""
    # "at epoch 3", "epoch 3 at about 0.092": the epoch the rate is said of
    at = re.match(r"\s*(?:at|in|by|on)\s+(?:(?:the\s+)?(?:start|beginning)\s+of\s+)?epoch\s+(\d+)", after) or \
        re.search(r"\b(?:at|in|on|for|by)\s+(?:(?:the\s+)?(?:start|beginning)\s+of\s+)?epoch\s+(\d+)\s*"
                  r"(?:the\s+(?:lr|rate|learning rate)\s+)?"
                  r"(?:was|is|were|=|:|of|reached|sat at|stood at)?\s*$", before) or \
        re.search(r"\bepoch\s+(\d+)\s+(?:ran\s+)?(?:at|was|had|used|with)\s+(?:an?\s+)?"
                  r"(?:(?:lr|rate|learning rate)\s+(?:of\s+)?)?(?:about\s+|around\s+|~\s*|roughly\s+)?$", before)
    if re.search(r"\bfirst[- ]epoch\b[^.;]{0,12}$", before):  # "First-epoch LR: 0.01"
        return said_as(rates[0], text)
    if re.match(r"\s*(?:for|in|over|across)\s+(?:all|every|each)(?:\s+(?:the|of the))?(?:\s+\d+)?\s+epochs?|\s*throughout",
                after):
        return all(said_as(r, text) for r in rates)  # "0.05 for all 6 epochs": the rate never moved
    if re.search(r"\b(start\w*|began|begins|initial\w*)\s+(?:at|from|with|of)?\s*$", before):
        return said_as(rates[0], text) and (at is None or int(at[1]) == 1)
    if re.search(r"\b(end\w*|finish\w*|final\w*)\s+(?:at|with|of)?\s*$", before) or \
            re.match(r"\s*(?:by|at|in|on|for)\s+(?:the\s+)?(?:final|last)\s+(?:epoch|one)\b|\s*(?:at|in|by) the end\b", after):
        return said_as(rates[-1], text) and (at is None or int(at[1]) == len(rates))
    if re.search(r"\b(peak\w*|max\w*|highest|top\w*)\s+(?:(?:lr|rate|learning rate)\s+)?(?:at|of)?\s*$", before):
        top = max(rates)
        when = int(at[1]) if at else None
        return (said_as(top, text) or said_as(peak, text)) and (when is None or 1 <= when <= len(rates)
                                                                and rates[when - 1] == top)
    if at is not None and 1 <= int(at[1]) <= len(rates):
        return said_as(rates[int(at[1]) - 1], text)
    return any(said_as(r, text) for r in (*rates, peak))


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


def _lower_from(rates: list[float]) -> list[int]:
    """The epochs that start on a lower rate than the epoch before them: where a schedule cut."""
    return [i + 2 for i, (a, b) in enumerate(zip(rates, rates[1:], strict=False)) if b < a]


_AT_EPOCH = re.compile(r"\b(at|in|after|from)\s+(?:the\s+(?:start|end)\s+of\s+)?epoch\s+(\d+)")


def _rate_when(low: str, cut: re.Match | None, rates: list[float], negated: bool = False) -> tuple[list[bool], str]:
    """The epochs a rate's words name: where it is cut ("cut after epoch 4" - it starts lower at 5; "only starts
    coming down at epoch 4": the first lower one; "not reduced after epoch 3": no cut there) and where it peaks (the
    epoch whose start has the highest rate)."""
    verdicts, said = [], ""
    at = _AT_EPOCH.search(low, cut.start()) if cut else None
    if at is None and cut:  # "After epoch 3 the step size was decayed": the epoch said first
        at = re.match(rf"\W*{_AT_EPOCH.pattern}\b(?!\s*[,:]?\s*\d)", low)
    between = low[cut.start():max(at.start(), cut.start())] if at else ""  # not an accuracy's epoch, nor a loss's said
    if at and not re.search(r"\d{2}\.\d+|\d{2}\s*%", between) and not ("loss" in low[:cut.start()] and  # after the cut
                                                                       re.search(r"\d?\.\d+", between)):
        lower = _lower_from(rates)
        when = int(at[2]) + (at[1] == "after" or "end of" in at[0])
        first = re.search(r"\b(?:start\w*|begin\w*|began|first)\s+(?:to\s+)?$", low[:cut.start()])
        verdicts.append((when == lower[0] if first and lower else when in lower) != negated)
        said += ("; lower from epoch " + ", ".join(str(e) for e in lower[:4])) if lower else "; never lower"
    if peak := re.search(r"\b(?:peak\w*|max\w*|highest|top(?:s|ped)? out)\b[^.;]{0,25}?\b(?:at|in|on|by|during)\s+epoch\s+"
                         r"(\d+)", low):
        verdicts.append(1 <= int(peak[1]) <= len(rates) and rates[int(peak[1]) - 1] == max(rates))
        said += f"; highest at epoch {rates.index(max(rates)) + 1}"
    return verdicts, said


RATE_WORDS = re.compile(r"\b(learning rate|lr|rate|scheduler|schedule|steplr|onecycle\w*|one-cycle)\b|"
                        r"\b(?:adam|adamw|sgd)\s+(?:at|with)\b|"
                        r"\b(?:cut|drop|decay)\s+(?:to|of)\s+0?\.\d|"
                        r"^\W*the (?:cut|decay)\b(?!\s+(?:in|of|to)\s+(?:the\s+)?param)")  # "The cut came after epoch 5"


# "LR: 0.05 for 4 epochs": a rate's first stretch ("up to 0.1 for 5 epochs" is a peak over the run)
_RATE_SPAN = re.compile(r"(?<!up to )(?<!peak )(?<!peak of )(?<!max )(?<![\w.])(\d*\.\d+)\s+for\s+(?:the\s+first\s+)?(\d+)\s+"
                        r"epochs?\b")


def _rate_spans(low: str, rates: list[float]) -> list[bool]:
    """How long a rate is said to last: "0.05 for 4 epochs, then 0.005" (its first stretch, that long), "0.01 for all
    15 epochs" (the run's length), "then held at that peak" (to the end)."""
    verdicts = []
    if re.search(r"\b(?:held|stayed|kept|remained|sat)\s+(?:at\s+)?(?:that|the|this|its)\s+(?:peak|top|maximum|max)\b", low):
        verdicts.append(all(r == max(rates) for r in rates[rates.index(max(rates)):]))
    for span in _RATE_SPAN.finditer(low):
        k = int(_num(span[2]))  # read: the number is accounted for
        verdicts.append(1 <= k <= len(rates) and all(said_as(r, span[1]) for r in rates[:k])
                        and (k == len(rates) or rates[k] != rates[k - 1]))
    if every := re.search(r"\b(?:for|in|over|across|through)\s+(?:all|every|each)(?:\s+(?:the|of the))?\s+(\d+)\s+epochs?\b",
                          low):
        verdicts.append(int(_num(every[1])) == len(rates))
    return verdicts


def _loss_said(before: str) -> bool:
    """Whether the last of the loss's and the rate's words before a figure is the loss's: the figure is a loss."""
    said_of = re.findall(r"\b(loss|lr|rate|learning rate)\b", before)
    return bool(said_of) and said_of[-1] == "loss"


def _rate_from_to(low: str, rates: list[float]) -> list[bool]:
    """"From 0.05 to 0.005": a cut; "warmed up from 0.01 to 0.091": a climb over several epochs, one way."""
    found = re.search(r"\bfrom\s+(\d*\.\d+(?:e-?\d+)?)\s+to\s+(\d*\.\d+(?:e-?\d+)?)", low)
    if not (found and float(found[1]) < 1 > float(found[2])) or _loss_said(low[:found.start()]):
        return []  # "across the rate cut the test loss more than halved, from 0.111 to 0.052": the loss's figures
    if not (_num(found[1]) and _num(found[2])):
        return []
    course = _course(rates)
    return [any(_rate_as(course[i], found[1]) and _rate_as(course[j], found[2]) and _one_way(course[i:j + 1])
                for i in range(len(course)) for j in range(i + 1, len(course)))]


def _rate_as(rate: float, text: str) -> bool:
    """A rate as said: at its digits and within a tenth of itself (0.005 is not "0.01", though it rounds to it)."""
    return said_as(rate, text) and abs(rate - _num(text)) <= 0.1 * max(rate, _num(text))


def _one_way(values: list[float]) -> bool:
    return all(a <= b for a, b in zip(values, values[1:], strict=False)) or \
        all(a >= b for a, b in zip(values, values[1:], strict=False))


# "lowered from step 2's 0.1 to 0.05", "from 0.1 in step 2 to 0.05": a step's rate against the one before it
_RATE_ACROSS = re.compile(r"\bfrom\s+(?:(?:step|model)[ _-]?\d+'s\s+(?:(?:lr|rate|learning rate)\s+(?:of\s+)?)?(?P<x>\d*\.\d+)|"
                          r"(?P<x2>\d*\.\d+)\s+(?:in|for)\s+(?:step|model)[ _-]?\d+)\s+to\s+(?P<y>\d*\.\d+)(?![\d.]|\s*%)|"
                          # "the step switched from Adam at 0.002 to SGD at 0.05": the step before's optimiser, then this one's
                          r"\bswitch\w*\s+from\s+(?:adam\w*|sgd|rmsprop)\s+(?:at|with)\s+(?:lr\s+)?(?P<x3>\d*\.\d+)\s+to\s+"
                          r"(?:adam\w*|sgd|rmsprop)\s+(?:at|with)\s+(?:lr\s+)?(?P<y2>\d*\.\d+)(?![\d.]|\s*%)")
# "Step 1 used Adam at 0.002", "In step 1 the LR was 0.01": a clause about another step
_OTHER_SUBJECT = re.compile(r"\W*(?:in |for |on )?(?:the )?(?:step|model)[ _-]?(\d+)(?:'s)?\b")


def _rate_across(low: str, clause: str, step: Step, them: Step, number: int) -> Claim | None:
    """A rate said against another step's: that step's figure (a rate it had or the peak set), this step's, and the
    way between them the words give."""
    found = _RATE_ACROSS.search(low)
    if found is None:
        return None
    x, y = found["x"] or found["x2"] or found["x3"], found["y"] or found["y2"]
    ours = [*(e.lr for e in step.run.epochs), step.run.settings.lr]
    theirs = [*(e.lr for e in them.run.epochs), them.run.settings.lr]
    ok = any(r is not None and said_as(r, x) for r in theirs) and any(r is not None and said_as(r, y) for r in ours)
    if way := re.search(r"\b(lower\w*|reduc\w*|cut|decreas\w*|dropp\w*|rais\w*|increas\w*|up)\b", low):
        ok = ok and (_num(x) > _num(y)) == (way[1][:4] not in ("rais", "incr", "up"))
    return Claim(number, clause, ok, f"{_rates(them)} in the step named; {_rates(step)} here ({records.METRICS} of both)",
                 "rate", (x, y))


def _rate_beside(low: str) -> bool:
    """A clause led by "it" whose sentence speaks of the rate, with a figure a rate has and no accuracy's ("The LR was
    never lowered: it sat flat at 0.05")."""
    return bool(re.match(r"\W*(?:it|which)\b", low) and RATE_WORDS.search(_SENTENCE.get() or "") and
                re.search(r"(?<![\d.])0?\.\d+(?![\d.]|\s*%)", low) and
                not re.search(r"\bacc|\btest\b|\btrain|%|\bgap\b|\bloss\b|\bpoints?\b|\bpp\b", low))


# "the wider layers and the lower rate": this step's rate against the step before's, not a cut inside the run (nor "the
# first on the lower rate": the first epoch after a cut in the run)
_RATE_THAN = re.compile(r"(?<!\bfirst on )(?<!\bfirst epoch on )\b(?:a|the)\s+(lower|smaller|higher|bigger|larger)\s+"
                        r"(?:lr|rate|learning rate)\b(?!\s+(?:than|of|from|after|in|at|for)\b)")


def _rate(low, clause, step, previous, number) -> Claim | None:
    """The rate's course: cut (reduced, decayed), constant, or a rate's figure."""
    if not (RATE_WORDS.search(low) or _rate_beside(low)) or "pass rate" in low:
        return None
    if previous is not None and (across := _rate_across(low, clause, step, previous, number)) is not None:
        return across
    if previous is not None and (than := _RATE_THAN.search(low)) and not re.search(r"\d?\.\d+", low) and \
            step.run.settings.lr is not None and previous.run.settings.lr is not None:
        ours, theirs = step.run.settings.lr, previous.run.settings.lr  # "the lower rate" of a step against the one before
        if ours == theirs and than[1] in ("lower", "smaller") and _lower_from([e.lr for e in step.run.epochs]):
            return None  # "so the smaller rate has more or less settled": the run's own rate after its cut
        return Claim(number, clause, ours != theirs and (ours < theirs) == (than[1] in ("lower", "smaller")),
                     f"rate set {ours:g} here, {theirs:g} in the step before ({records.CONFIG} of both)", "rate")
    # "step 1 used Adam at 0.002", "the one-cycle of step 2 went up to 0.092": that step's rate
    other = _OTHER_SUBJECT.match(low) or re.search(r"\b(?:in|of|for) (?:step|model)[ _-]?(\d+)\b", low)
    if previous is not None and other and int(other[1]) < number and not re.search(
            rf"\bthis (?:step|model|one|run)\b|\b(?:step|model)[ _-]?{number}\b|\b(?:than|vs\.?|versus|compared|against|"
            rf"here|now|below|above|half|twice|while|whereas|as in|same|like|the one of)\b|\b(?:step|model)[ _-]?\d+'s\b", low):
        claim = _rate_course(low, clause, previous, number)  # the step the clause is about, named in its evidence
        return claim and replace(claim, evidence=f"step {other[1]}: {claim.evidence}")
    return _rate_course(low, clause, step, number)


def _rate_rise_and_low(low: str, rates: list[float]) -> list[bool]:
    """"Kept rising up to epoch 3": each epoch's start higher than the one before, up to that epoch, and no higher after
    it; "all of the last three epochs ran at the low rate": each of them below the first epoch's rate."""
    verdicts = []
    if (rise := re.search(r"\b(?:kept\s+)?(?:rising|rose|climbing|climbed|increasing|increased|going up|went up)\s+(?:up\s+)?"
                          r"(?:to|until|till|through)\s+epoch (\d+)\b", low)) and 2 <= (n := int(rise[1])) <= len(rates):
        verdicts.append(all(b > a for a, b in zip(rates[:n - 1], rates[1:n], strict=True)) and
                        (n == len(rates) or rates[n] <= rates[n - 1]))
    if (tail := re.search(rf"\b(?:all\s+(?:of\s+)?)?the\s+last\s+(\d+|{'|'.join(WORDS)})\s+epochs\s+(?:all\s+)?"
                          r"(?:ran|were|trained|"
                          r"stayed)\s+(?:at|on)\s+the\s+(?:low|lower|reduced|cut|small|smaller)\s+(?:rate|lr)\b", low)) and \
            (k := _count(tail[1].lower())) and k <= len(rates):
        verdicts.append(all(r < rates[0] for r in rates[-k:]))
    if (top := re.search(r"\b(?:is|was|are|were)\s+(?:at\s+)?(?:its\s+)?(?:highest|largest|biggest|peak|maximum)\s+"
                         r"(?:at|in|on)\s+(?:the\s+start\s+of\s+)?epoch\s+(\d+)\b", low)) and 1 <= int(top[1]) <= len(rates):
        verdicts.append(rates[int(top[1]) - 1] == max(rates))  # "is highest at the start of epoch 4": that epoch's, the top
    return verdicts


_CUT = re.compile(r"\b(reduc(?!elronplateau)\w*|cut|cuts|drop(?!out)\w*|lower\w*|decay\w*|decreas\w*|fell|falls?|halv\w*|"
                  r"anneal\w*|down to|"
                  r"com(?:e|es|ing) down|go(?:es|ing)? down|went down|declin\w*|"
                  r"(?:brought|brings|bring|took|takes) (?:\w+ ){0,2}down)\b")


def _rate_cut(low: str) -> re.Match | None:
    """The word of the rate's cut: not a loss's or an accuracy's fall said before the rate ("Test loss fell ..., the first
    epoch after the LR cut", "test fell ..., as it never got a lower rate")."""
    cut = _CUT.search(low)
    if cut and "loss" in low[:cut.start()] and (rate := RATE_WORDS.search(low)) and rate.start() > cut.start():
        cut = _CUT.search(low, rate.start())
    curve = r"\b(?:test|train\w*|acc\w*)\s+(?:\w+\s+)?$"  # "why did test fall after epoch 3 when the lr ...": test's fall
    if cut and (re.search(curve, low[:cut.start()]) and (rate := RATE_WORDS.search(low)) and rate.start() > cut.start() or
                re.search(r"\bloss\s+$", low[:cut.start()])):  # "with Adam at 0.002 the train loss fell": the loss's fall
        cut = next((c for c in _CUT.finditer(low) if not re.search(curve, low[:c.start()])), None)
    near = [m.start() for m in RATE_WORDS.finditer(low)]
    if cut and near and re.search(r"\b(?:test|train\w*|accuracy|acc)\b[^,;]{0,20}$", low[:cut.start()]) and \
            min(abs(cut.start() - r) for r in near) > 40:
        cut = next((c for c in _CUT.finditer(low) if min(abs(c.start() - r) for r in near) <= 40), None)
    return cut


def _not_a_rate(low: str, found: re.Match) -> bool:
    """A figure in a sentence about the rate that is not one: another setting's, a signed difference ("added only
    +0.09"), an accuracy's move ("by between 0.54 and 2.03 points", "none gains more than 0.08"), a loss's (the clause's
    subject is the loss: "the loss halved with the rate cut, from 0.111")."""
    before = low[:found.start()]
    if re.search(r"\b(momentum|decay|dropout|beta\w*|ema|gamma|factor)\s*(?:of|=|:)?\s*$", before) or \
            re.search(r"(?:^|[\s(])[+\-−±]$", before):
        return True
    if re.match(r"\s*(?:and|to|-|–)\s*\d*\.?\d+\s*(?:points?|pts?|pp)\b", low[found.end():]) or re.search(
            rf"\b(?:{_WENT_UP}|{_WENT_DOWN}|adds?|added)\s+(?:by\s+)?(?:more than|less than|over|under|about|only|just)?\s*$",
            before):
        return True
    return bool(_loss_said(before) or "loss" in before and (not re.search(r"\b(?:lr|rate)\b[^.;]{0,15}$", before) or re.search(
        r"\b(?:with|after|since|at) the (?:lr|rate) (?:cut|drop|decay)\b,?\s*(?:from\s*)?$", before)))


def _rate_course(low: str, clause: str, step: Step, number: int) -> Claim | None:
    """The rate's course in one step: cut or constant, its figures, the factor, spans and the epochs its words name."""
    rates = [e.lr for e in step.run.epochs]
    said = f"{_rates(step)} ({records.METRICS}; {step.run.settings.scheduler} schedule in {records.CONFIG})"
    if inert := schedule_inert(step):
        said += f"; {inert}"
    cut = _rate_cut(low)
    # "LR schedule unchanged: 0.05 up to epoch 4, then 0.005": the same as the step before's, not a flat rate
    flat = None if re.search(r"\b(?:schedule|scheduler|setup|settings)\s+(?:is |was |stays |stayed )?unchanged\b", low) else \
        re.search(r"\b(constant|fixed|stayed|kept|unchanged|flat|throughout)\b(?!\s*(?:->|→))|\bthe same (?:rate|lr)\b|"
                  r"\b(held) (?:the )?(?:lr|rate|learning rate) (?:still|steady)\b|"
                  r"\b(?:never|did not|didn't)\s+(?:changed?|moved?)\b", low)  # "never held the LR still"
    verdicts, negated = [], bool(cut) and _negated(low, cut.start())
    if cut:
        moved = any(b < a for a, b in zip(rates, rates[1:], strict=False)) or step.run.settings.scheduler == "onecycle"
        verdicts.append(moved != negated)
    elif flat and (constant := _flat_rate(low, flat, rates, step)) is not None:
        verdicts.append(constant != _negated(low, flat.start()))
    for found in re.finditer(r"(?<![\w.])(\d*\.\d+(?:e-?\d+)?|\d+(?:\.\d+)?e-?\d+)(?![\d.]|\s*%|\s*(?:points?|px)\b)",
                             low):
        if _not_a_rate(low, found):
            continue
        if float(found[1]) < 1:  # a rate the run had at an epoch's start, or the peak set (1 or more: an accuracy)
            denied = negated and found.start() > cut.start() and re.search(r"\bto\s*$", low[:found.start()])  # "never cut to"
            verdicts.append(_rate_said(found[1], low[:found.start()], low[found.end():], rates, step.run.settings.lr) !=
                            bool(denied))
            if step.run.settings.lr is not None:  # a hand-in's log may print no rate
                said += f"; peak {step.run.settings.lr:g}" * ("; peak" not in said)
    if factor := re.search(r"\b(?:by\s+(?:a\s+factor\s+of\s+)?|factor of\s+)(\d+)\s*(?:x|×|times)?(?!\d|\.\d)|"
                           r"\b(\d+)\s*(?:x|×)(?![\d\w])", low):
        drops = [a / b for a, b in zip(rates, rates[1:], strict=False) if b < a]  # each cut's factor
        verdicts.append(any(math.isclose(d, _num(factor[1] or factor[2]), rel_tol=0.05) for d in drops))
    verdicts += _rate_from_to(low, rates) + _rate_spans(low, rates) + _rate_rise_and_low(low, rates)
    when, said_when = _rate_when(low, cut, rates, negated)
    if negated and said_when.startswith(("; lower from", "; never lower")):
        verdicts = verdicts[1:]  # "not reduced after epoch 3": no cut at that moment, whatever came later
    verdicts, said = verdicts + when, said + said_when
    if verdicts:
        return Claim(number, clause, all(verdicts), said, "rate")
    if (acted := re.search(r"\b(help\w*|improv\w*|work\w*|acted|kick\w* in)\b", low)) and not _rate_moved(step):
        return Claim(number, clause, _negated(low, acted.start()), said, "rate")  # "never kicked in": true of a flat rate
    if set(rate_events(step.run)) and re.search(r"\bnever\b", low):
        return Claim(number, clause, False, said, "rate")
    return None


# ------------------------------------------------------------------------------------- thresholds, as said
UP = r"above|over|at least|>=|≥|>|more than|higher than|greater than|beyond|exceed(?:s|ed|ing)?|no (?:lower|less) than|" \
     r"not below|past|north of"
REACH = r"reach(?:ed|es|ing)?|cross(?:ed|es|ing)?|pass(?:ed|es)|pass(?=\s+\d)|topped|" \
        r"(?:went|got|moved|climbed) (?:over|above|past)|" \
        r"hit(?:s|ting)?|touch(?:ed|es)?|achiev(?:ed|es|e|ing)|got to|gets to|" \
        r"get to|attain(?:ed|s)?|surpass(?:ed|es)?|broke|breaks|clear(?:ed|s)?|aim(?:ing|s|ed)? (?:at|for)"
DOWN = r"below|under|less than|lower than|fewer than|<|short of|beneath|far from|(?:well |far )?away from"
AT_MOST = r"at most|no more than|not above|<=|≤"
HOLD = r"holds?|held|holding|stay(?:s|ed)? at|kept|keeps|maintain(?:s|ed)?|sustain(?:s|ed)?|consistent(?:ly)? at"
_THRESHOLD = re.compile(rf"(?<![\w<>=-])(?P<rel>{UP}|{REACH}|{DOWN}|{AT_MOST}|{HOLD})\s*(?:(?:a|an|the|of|level of|mark of)\s+)?"
                        r"(?:(?:required|target|desired|needed|wanted|budget's|goal of)\s+)?"
                        r"(?P<x>\d{1,3}(?:\.\d+)?)\s*%|(?P<x2>\d{1,3}(?:\.\d+)?)\s*%\s*(?:or (?P<rel2>more|above|higher|"
                        r"better|over|less|below|lower)|\+)")
_PASSIVE = re.compile(r"(?P<x>\d{1,3}(?:\.\d+)?)\s*%?\s*(?:mark|line|level|threshold|target)?\s*(?:was|were|is|got)?\s+"
                      r"(?P<neg>not\s+|never\s+)?(?:first\s+|only\s+)?(?:crossed|reached|hit|passed|surpassed|broken|touched)"
                      )  # "99.4 % was crossed", "the 99.4 % line is not reached"
_HELD_THAT = re.compile(r"\b(?:holds?|held|holding|keeps?|kept|maintain\w*|stay\w*|remain\w*|sustain\w*)\s+"
                        r"(?:that|it|this|there|at that level|the same)\b")
# the lowest seed holds a level where every seed does
_SEED_SCOPE = re.compile(rf"\b(?P<none>no|none of (?:the|its|my|our)|not a single)(?:\s+(?:\d+|{'|'.join(WORDS)}))?\s+seeds?\b|"
                         rf"\b(?P<all>all|every|each|both|any|lowest|worst|weakest)(?:\s+of)?(?:\s+(?:the|my|its|our))?"
                         rf"(?:\s+(?P<n>\d+|{'|'.join(WORDS)}))?\s+seeds?\b|"
                         rf"\b(?=\w+\s*(?:of|out of|/)\s*(?:the\s+)?\w+\s+seeds\b|\w+\s+seeds?\s+(?:of|out of)\s)"
                         rf"(?P<a>\d+|{'|'.join(WORDS)})\s*(?:seeds?\s+)?(?:of|out of|/)\s*(?:the\s+)?"
                         rf"(?P<b>\d+|{'|'.join(WORDS)})(?:\s+seeds)?\b|"
                         r"\bseeds? (?P<list>\d+(?:,\s*(?:seed\s+)?\d+)*,? and (?:seed\s+)?\d+)\b|"
                         r"\bon seed (?P<one>\d+)\b|\bseed (?P<one2>\d+)\b|"
                         rf"\b(?P<them>\d+|{'|'.join(WORDS)}) of (?:them|those)\b|"
                         rf"\b(?P<some>\d+|{'|'.join(WORDS)})\s+seeds\b|"
                         r"\b(?P<across>across|over) (?:all )?(?:the |its |my )?seeds\b"
                         r"(?=[^.;]*\b(?:all|every|each) (?:one )?of them\b)|"
                         r"\b(?P<across2>across|over) (?:all )?(?:the |its |my )?seeds\b"  # "across seeds the final is between"
                         r"(?=[^.;]*\bfinal\w*\b[^.;]*\b(?:between|above|over|below|under|at least)\s+\d)|"
                         r"\b(?:the|its|my|our)\s+seeds\s+(?:were|are|had|have|ended|finished)\s+(?P<all2>all)\b")


@dataclass(frozen=True)
class _Level:
    """A threshold as a clause says it: the figure as written, its relation (up: at or above; reach; down: below;
    at most), where it stands in the clause, and whether the words deny it."""

    text: str
    kind: str
    at: int
    negated: bool
    every: bool = False  # "never fell below X": every epoch of the run

    @property
    def x(self) -> float:
        return float(self.text)


def _flat_rate(low: str, flat: re.Match, rates: list[float], step: Step) -> bool | None:
    """Whether the rate was flat where a flat word says so: over the epochs named ("stayed at 0.005 in epochs 5 and 6"),
    else the whole run; None where the word is an accuracy's ("test accuracy stayed below 96 %")."""
    if re.search(r"\b(?:acc\w*|test|train(?:ing)?\s+(?:acc\w*|loss)|loss|gap)\b[^,;]{0,25}$", low[:flat.start()]):
        return None
    scope, _ = _epoch_scope(low, len(rates), 3, implicit=False)
    if scope and len(scope) < len(rates):
        return len({rates[e - 1] for e in scope}) == 1
    return len(set(rates)) == 1 and step.run.settings.scheduler != "onecycle"


def _level(low: str) -> _Level | None:
    """The threshold a clause says ("above 98.8 %", "98 % or more", "holds that": the figure said before), or None
    where it says none, or says a difference ("by over 0.5 %") or two figures ("train and test reached 99.61 % and
    99.57 %")."""
    found = _THRESHOLD.search(low) or _PASSIVE.search(low)
    text, rel = ((found["x"] or found["x2"], found["rel"] or found["rel2"] or "above") if found and found.re is _THRESHOLD
                 else (found["x"], "reached") if found else (None, None))
    if found is None and (held := _HELD_THAT.search(low)):
        before = list(re.finditer(r"(\d{1,3}\.\d+|\d{2,3})\s*%", low[:held.start()]))
        if not before or re.match(r"\s*%?\s*(?:at|in|after)\s+(?:ep\.?|epoch)\s*\d+", low[before[-1].end():]):
            return None  # "dropped to 98.61 % at ep 13 and stayed there": that epoch's figure, its own reader's
        text, rel, found = before[-1][1], "above", held
    if found is None or "loss" in low[max(0, found.start() - 30):found.start()]:
        return None
    before = low[:found.start()]
    if re.search(r"\bby\s*(?:only\s+)?(?:about|around|almost|nearly|over|more than|~)?\s*$", before) or \
            not 10 <= float(text) <= 100:
        return None  # a difference, not a level; or no accuracy
    if re.search(r"\btrain", before) and re.search(r"\btest|validation", before) and \
            re.match(r"\s*(?:and|,)\s*\d", low[found.end():]):
        return None  # two figures, each its own
    _num(text)
    rel = rel.lower()
    kind = ("reach" if re.fullmatch(REACH, rel) else "down" if re.fullmatch(DOWN, rel) or rel in ("less", "below", "lower")
            else "at most" if re.fullmatch(AT_MOST, rel) else "up")  # held X: at or above it
    if kind == "up" and re.search(r"\b(?:only|first|not until)\b[^.;]{0,30}\b(?:climbed|got|came|went|rose|crept|moved)\s+"
                                  r"(?:back\s+)?(?:above|over|past)?\s*$", before):  # "climbed back": after a fall
        kind = "reach"  # "only climbed back above 90 % in epoch 4": first there
    if kind == "up" and re.search(r"\bfirst\s+(?:exceed\w*|surpass\w*|topped|≥|>=|>)?\s*$", before):
        kind = "reach"  # "first exceeded 98 % at epoch 9", "first ≥ 99 % at epoch 6": the first epoch there
    if re.search(r"\b(?:does not|doesn't|did not|didn't|do not|don't)\s+(?:hold|stay|last)|\bnot (?:yet|quite)\b",
                 low[found.end():]):
        return _Level(text, kind, found.start(), True)  # "≥ 99.4 does not hold yet"
    if re.search(r"\bnever\s+(?:fell|falls|dropped|drops|dipped|dips|went|goes|got|gets|was|is|sank|sinks|slipped|slips)"
                 r"(?:\s+(?:back|again))?\s*$|\bnot once\b[^.;]*?\b(?:fall|drop|dip|go|get|sink|slip)\s*$",
                 before):  # "never dropped back below X", "not once ... did test fall below X"
        return _Level(text, "up" if kind == "down" else "at most", found.start(), False, every=True)  # never below X
    if kind == "up" and re.match(r"(?:exceed|surpass)", low[found.start():]) and \
            re.search(r"\b(?:did not|didn't|does not|doesn't|never|not once)\s*$", before):
        return _Level(text, "at most", found.start(), False, every=True)  # "did not exceed 11.35 %": no epoch above it
    kept_from = re.search(r"\b(?:keeps?|kept|stops?|stopped|prevents?|prevented)\b[^.;]{0,40}\bfrom\s+(?:all\s+)?"
                          r"(?:being|staying|going|getting|reaching)?\s*$", before)  # "keeps the last 3 from all being above"
    return _Level(text, kind, found.start(), _negated(low, found.start()) or bool(re.search(r"\bnever\b", before)) or
                  bool(kept_from) or found.re is _PASSIVE and bool(found["neg"]))


def _threshold(low, clause, step, previous, number) -> Claim | None:
    """A threshold as said, in the scope said: "above 98.8 % on every seed", "consistent above 98.4 % in the last 3
    epochs", "reached 98 % at epoch 5" (the first epoch at or above it), "by epoch 9", "holds that over the last 3",
    "below 99 % up to epoch 6", "that is below 99.4 %" (the figure said before it)."""
    level = _level(low)
    if level is None:
        return None
    if (that := _said_before(low, level.at)) is not None:
        ok = _holds(that, level.x, level.kind)
        return Claim(number, clause, ok != level.negated,
                     f"{that:g} % {'at or above' if _holds(that, level.x, 'up') else 'below'} {level.x:g} %", "threshold")
    if previous is not None and re.match(r"^\W*(?:while|whereas|but|and)?\s*(?:model|step)[ _-]?\d+\b", low) and \
            not re.match(rf"^\W*(?:while|whereas|but|and)?\s*(?:model|step)[ _-]?{number}\b", low):
        step = previous  # "while Model_1 never got above 98.9": that step's curve
    # "reached 96.84 % train": the curve named after the figure too
    train = _names_train(low, level.at) or re.match(r"\s*%?\s*(?:train(?:ing)?\b(?!\s+(?:set|images|data))|on (?:the )?train)",
                                                   low[low.find(level.text, level.at) + len(level.text):]) is not None
    seeds = seed_series(step, low)
    if seeds is not None and not (train and _own_seed(low, step)):
        return _threshold_seeds(low, clause, step, number, level, seeds, train)
    # "neither curve reaches 99 %": both curves (at the budget's line the fit's reading judges both already)
    if level.x != _line(step) and re.search(r"\b(?:neither|both)\b(?: of)?(?: the)? (?:curves?|train (?:and|nor) test|"
                                            r"test (?:and|nor) train|accurac(?:y|ies)|scores)\b", low):
        curves = ((step.run.train(), "train"), (step.run.test(), "test"))
        strict = re.search(rf"\b(?:past|beyond|exceed\w*)\s+{re.escape(level.text)}", low)  # "gets past 86.29 %": above it
        both = [(max(s) > level.x, f"best {w} accuracy {max(s):.2f} %") if strict else
                _level_on(low, s, w, level, step.last) for s, w in curves]
        ok = not any(o for o, _ in both) if level.negated else all(o for o, _ in both)
        return Claim(number, clause, ok, "; ".join(s for _, s in both) + f" ({records.METRICS})", "threshold")
    series, what = (step.run.train(), "train") if train else (step.run.test(), "test")
    ok, said = _level_on(low, series, what, level, step.last)
    if level.kind in ("up", "reach") and re.search(rf"(?<!or )(?<!or\s)\b(?:above|over|more than|higher than|greater than|"
                                                   rf"beyond|exceed\w*|past)\s+{re.escape(level.text)}", low) and \
            _level_on(low, series, what, replace(level, text=f"{level.x + 1e-6:.7f}"), step.last)[0] != ok:
        return Claim(number, clause, None, said + f": a tie at {level.text} %, which 'above' says either way "
                     f"({records.METRICS})", "threshold")  # "never over 98" of a best of 98.00
    return Claim(number, clause, ok != level.negated and _bracketed(low, level, series), said + f" ({records.METRICS})",
                 "threshold")


def _own_seed(low: str, step: Step) -> bool:
    """The words name one seed, the run's own (whose train curve metrics.json holds)."""
    named = set(re.findall(r"\bseed (\d+)\b", low))
    return len(named) == 1 and int(named.pop()) == getattr(step.run.settings, "seed", None)


def _bracketed(low: str, level: _Level, series: list[float]) -> bool:
    """"By epoch 7 it was above 80 % (81.17)": the figure in brackets after a level is the curve's, at the epoch said
    (any up to it for "by"), and on the level's side."""
    inside = re.compile(r"\d{1,3}(?:\.\d+)?\s*%\s*\(\s*(\d{2}\.\d{1,2})\s*%?\s*\)").match(low, level.at + len(
        re.match(r"\D*", low[level.at:])[0]))
    if inside is None:
        return True
    at = re.search(r"\b(by|at|in) epoch (\d+)\b", low)
    pool = series if at is None or int(at[2]) > len(series) else \
        series[:int(at[2])] if at[1] == "by" else series[int(at[2]) - 1:int(at[2])]
    return any(said_as(v, inside[1]) and _holds(v, level.x, "up" if level.kind == "reach" else level.kind) for v in pool)


def _level_on(low: str, series: list[float], what: str, level: _Level, last: int) -> tuple[bool, str]:
    """A level against one curve, in the span the words say: reached (at, by, at all), or held in every epoch of a
    span (up to / from epoch N, the last K, every epoch), at an epoch, at the best epoch, or at the last."""
    scope, label = _epoch_scope(low, len(series), last, implicit=level.kind != "reach")
    if level.kind == "reach" and label == "in every epoch":
        scope = None  # "rose in every epoch, reaching 98.16 %": the reaching is the run's, not each epoch's
    # "hit 98.81 % in ep 15 after 98.61 % in ep 13 and 14": the epoch said right after the level is its own
    direct = re.match(r"\S+(?:\s+\S+)?\s+\d[\d.]*\s*%?\s*(?:in|at) epoch (\d+)()\b(?!\s*(?:and|,|to|-)\s*(?:epoch\s*)?\d)",
                      low[level.at:])
    if direct and 1 <= int(direct[1]) <= len(series):
        scope = None
    # "epochs 13 and 14 ended at 98.61 % before the last epoch reached 98.81 %": the epoch the level's verb is said of
    if direct is None and (own := re.search(r"\b(?:the (?:last|final) epoch|epoch (\d+))\s+(?:then\s+|finally\s+)?$",
                                            low[:level.at])) and 1 <= int(own[1] or len(series)) <= len(series) and \
            re.match(r"(?:reach\w*|hit|got|gets|climb\w*|rose|rises|ended|ends|finish\w*|passed|crossed|was|is|stood)\b",
                     low[level.at:]):
        scope, direct = None, re.match(r"(\d+)()", str(own[1] or len(series)))
    by_end = level.kind == "reach" and re.search(r"\bby the (?:last|end|final)(?: epoch| one)?\b", low[level.at:])
    if by_end:
        scope = None  # "improves every epoch, reaching 97 % by the last": reached by the end
    if scope is None and level.every:
        scope, label = list(range(1, len(series) + 1)), "in every epoch"
    at = (direct if direct and scope is None else _EPOCH.search(_cut_masked(low))) if scope is None and not by_end else None
    if at is None and scope is None and level.kind == "reach" and re.search(r"\b(?:in|at) the (?:final|last) epoch\b", low) \
            and re.search(r"\b(?:only|first)\b", low + " " + (_SENTENCE.get() or "")):
        at = re.match(r"(\d+)()", str(len(series)))  # "80 % was only passed in the final epoch": first there
    if scope is None and (level.kind == "reach" or re.search(r"\bby epoch|\bwithin", low)):
        return _reached_level(low, series, what, level, at)
    if scope is None:
        if at is not None and 1 <= int(at[1] or at[2]) <= len(series):
            scope, label = [int(at[1] or at[2])], f"epoch {int(at[1] or at[2])}"
        elif re.search(r"\b(best|highest|peak|max(?:imum)?)\b", low[:level.at][-40:]) or \
                re.match(r"[^%\d]*\d[\d.]*\s*%?\s*(?:best|highest|peak|max(?:imum)?)\b", low[level.at:]):  # "98 % best test acc"
            best = series.index(max(series)) + 1
            scope, label = [best], f"its best epoch ({best})"
        else:
            scope, label = [len(series)], f"the last epoch ({len(series)})"
    values = [series[i - 1] for i in scope]
    if level.kind == "down" and re.fullmatch(r"in the last \d+ epochs", label):
        ok = min(values) < level.x  # "still below 99.4 % in the last 3 epochs": the span did not hold it
    elif level.kind == "reach" and len(values) > 1 and not re.search(r"\b(?:all|every|each)\b", low):
        ok = any(_holds(v, level.x, "up") for v in values)  # "reached 96 % within the first two epochs": one of them
    elif level.kind == "down" and re.search(r"\b(?:dropp\w*|drops?|fell|falls?|dipp\w*|dips?|went|goes|sank|sinks|slipp\w*|"
                                            r"slips?)\s*$", low[:level.at]):
        ok = any(v < level.x for v in values)  # "dropped below 92 % from epoch 2 on": one epoch of the span did
    else:
        ok = all(_holds(v, level.x, "up" if level.kind == "reach" else level.kind) for v in values)
    return ok, (f"{what} accuracy {label}: " + ", ".join(f"{v:.2f}" for v in values) + " %"
                + (f" (lowest {min(values):.2f})" if len(values) > 3 and level.kind == "up" else ""))


def _cut_masked(low: str) -> str:
    """The clause with a rate cut's epoch blanked ("reach 97 % with the StepLR cut after epoch 4": the cut's epoch, not
    the level's), its length kept so that positions still hold."""
    return re.sub(r"\b(?:cut|drop|decay|step ?lr|lr step)\w*\s+(?:\w+\s+){0,2}?(?:after|at|from|in)\s+epoch\s+\d+",
                  lambda m: " " * len(m[0]), low)


def _said_before(low: str, at: int) -> float | None:
    """"(99.35 %), but that is below 99.4 %": the figure said before "that", in the clause or the sentence."""
    before = low[:at]
    if not re.search(r"\b(?:that|which|this|it)(?:'s|\s+(?:is|was|are|were|stays|stayed|remains|remained|sits|sat|lies|"
                     r"lay))?\s+(?:still\s+|just\s+|well\s+|only\s+)?\S*\s*$", before) or re.search(
            r"\bit\s+(?:still\s+|then\s+|also\s+|first\s+|only\s+)?(?:holds?|held|keeps?|kept|stays?|stayed|reach\w*|hits?|got|"
            r"gets|ends?|ended|"
            r"finish\w*|climb\w*|rose|rises|drops?|dropped|fell|falls|crossed|passed)?\s*$", before) and re.match(
            r"\s*(?:holds?|held|keeps?|kept|stays?|stayed|reach\w*|hits?|got|gets|ends?|ended|finish\w*|climb\w*|rose|rises|"
            r"crossed|passed|above|over|below|under|at least)\b", low[at:]):
        return None  # "..., and it holds 95.7 over the last 3": the model's curve, not the figure before
    if re.search(r"\b(?:from|after|since|in|for|over|up to|until)\s+(?:the\s+)?(?:epoch\s+\d+|(?:last|first|final)\s+\d+|"
                 r"every epoch|all (?:the\s+)?epochs)\b|^\W*(?:by|at)\s+epoch\s+\d+,?\s+it\b", before):
        return None  # "from epoch 2 on it is above 93 %", "by epoch 10 it was past 98.4": the curve, not a figure said
    figures = list(re.finditer(r"(\d{1,3}\.\d+|\d{2,3})\s*%", before))
    if not figures and (whole := _SENTENCE.get()) and (start := whole.find(low)) > 0:
        figures = list(re.finditer(r"(\d{1,3}\.\d+|\d{2,3})\s*%", whole[:start]))
    return float(figures[-1][1]) if figures else None


def _reached_level(low: str, series: list[float], what: str, level: _Level, at: re.Match | None) -> tuple[bool, str]:
    """Reached X: at epoch N (the first epoch at or above X is N), by / within epoch N (some epoch up to N), or at
    all (the best epoch)."""
    x = level.x
    with _unread():  # "train got to 98.78 %" for 98.7783: a level said at the logs' two decimals is also their figure
        logged = [_decimals(level.text) == 2 and said_as(v, level.text) for v in series]
    first = next((i + 1 for i, v in enumerate(series) if v >= x or logged[i]), None)
    if level.negated and re.search(r"\b(?:pass(?:ed|es)?|exceed(?:ed|s)?|went past|got past|beyond)\s+~?"
                                   + re.escape(level.text), low):
        # "train never passed 98.78 %" where its best is 98.78 at the logs' digits: beyond it, not at it
        first = next((i + 1 for i, v in enumerate(series) if round(v, _decimals(level.text)) > x), None)
    if re.search(r"\bback\s+(?:above|over|past)\b", low):  # "climbed back above 90 %": the first epoch there after one below
        first = next((i + 1 for i in range(1, len(series)) if series[i] >= x and series[i - 1] < x), None)
    by = re.search(r"\b(?:(?:by|within)\s+(?:the first\s+)?(?:epoch\s+)?|after\s+(?:just\s+|only\s+)?(?=\d+\s+epochs\b))(\d+)"
                   r"(?:\s+epochs)?\b", low)  # "gets to 96 % after 2 epochs": by then
    if at is not None and by is None:
        n = int(at[1] or at[2])
        said = (f"first {what} epoch at or above {level.text} %: " + (f"epoch {first} ({series[first - 1]:.2f} %)" if first
                else f"none (best {max(series):.2f} %)") + (f"; epoch {n}: {series[n - 1]:.2f} %" if 1 <= n <= len(series)
                                                             else ""))
        return first == n, said
    if by is not None and 1 <= int(_num(by[1])) <= len(series):  # the epoch said is read
        top = max(series[:int(by[1])])
        return first is not None and first <= int(by[1]), f"best {what} accuracy by epoch {by[1]}: {top:.2f} %"
    return first is not None, (f"best {what} accuracy {max(series):.2f} % at epoch {series.index(max(series)) + 1}"
                              + (f", first at or above {level.text} % at epoch {first}" if first else ""))


def _holds(value: float, x: float, kind: str) -> bool:
    return value >= x if kind in ("up", "reach") else value < x if kind == "down" else value <= x


def _only_train(words: str) -> bool:
    """Whether (lower-case) words name the train curve and no other: "train" said, "test" and "val" not."""
    return bool(re.search(r"\btrain", words)) and not re.search(r"\btest|\bval", words)


def _names_train(low: str, at: int) -> bool:
    """Whether the figure at `at` is train accuracy: "train" named nearer before it than "test"."""
    before = low[:at]
    train = max((m.end() for m in re.finditer(r"\btrain(?:ing)?\b", before)), default=-1)
    test = max((m.end() for m in re.finditer(r"\b(?:test|validation|val)\b", before)), default=-1)
    return train > test


def _epoch_part(low: str, epochs: int) -> tuple[list[int], str] | None:
    """A part of the run said by its share: the second half (from the midpoint on), the first half, the final third,
    and every epoch before the last K ("until the last two epochs"); "the other two of the last three": those the
    sentence does not name."""
    if (other := re.search(rf"\bthe other (\d+|{'|'.join(WORDS)}) of the (?:last|final) (\d+|{'|'.join(WORDS)})\b", low)) and \
            (k := min(_count(other[2]) or 0, epochs)):
        named = {int(e) for e in re.findall(r"\bepoch (\d+)\b", (_SENTENCE.get() or "").lower())}
        rest = [e for e in range(epochs - k + 1, epochs + 1) if e not in named]
        if len(rest) == _count(other[1]):
            return rest, "at epochs " + ", ".join(map(str, rest))
    if found := re.search(rf"\b(?:until|up to|till|before) the (?:last|final) (\d+|{'|'.join(WORDS)}) epochs\b", low):
        n = epochs - min(_count(found[1]) or 0, epochs - 1)
        return list(range(1, n)), f"epochs 1-{n - 1}"
    if re.search(r"\b(?:second|last|latter) half\b|\b(?:from|after) the mid-?point\b", low):
        return list(range(epochs // 2 + 1, epochs + 1)), f"epochs {epochs // 2 + 1}-{epochs} (the second half)"
    if re.search(r"\bfirst half\b", low):
        return list(range(1, epochs // 2 + 1)), f"epochs 1-{epochs // 2} (the first half)"
    if re.search(r"\b(?:final|last) third\b", low):
        n = epochs - math.ceil(epochs / 3) + 1
        return list(range(n, epochs + 1)), f"epochs {n}-{epochs} (the final third)"
    return None


# "epochs 3 and 4", "epochs 2, 3 and 5": epochs listed one by one
_EPOCHS_AND = re.compile(r"\bepochs?\s+\d+(?:,\s*(?:epoch\s+)?\d+(?![.\d]|\s*%))*,?\s+and\s+(?:epoch\s+)?\d+\b(?![.\d]|\s*%)")


def _every_epoch(low: str, epochs: int) -> bool:
    """The words span the whole run: "every epoch", "throughout", "in all 8 epochs", "over the five epochs" of five."""
    if (whole := re.search(rf"\b(?:over|across|during) (?:all )?the (\d+|{'|'.join(WORDS)}) epochs\b", low)) and \
            _count(whole[1]) == epochs:
        return True
    return re.search(r"\b(?:every|each|all(?: the)?)\s+epochs?\b|\bthroughout\b|\ball through\b|"
                     r"\b(?:in|over|across|during) all (?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"thirteen|fourteen|fifteen) epochs\b|\b(?:each|every one|all) of the (?:\d+ )?epochs\b|\bat every epoch\b|"
                     r"\b(?:the|its) (?:whole|entire|full) (?:run|training)\b|\ball along\b|\bfrom start to finish\b",
                     low) is not None


def _epoch_scope(low: str, epochs: int, last: int, implicit: bool = True) -> tuple[list[int] | None, str]:
    """The epochs a clause's words span: every epoch, up to epoch N, from epoch N, the last K, the first K; consistent /
    held / stayed without K: the budget's last epochs. None where no span is said."""
    if found := _EXCEPT.search(low) or _BUT_EPOCHS.search(low):  # "under 0.05 from epoch 11 on, except epoch 12"
        return _all_but(found[1], epochs) if found.re is _EXCEPT else _scope_but(low, found, epochs, last, implicit)
    if found := re.search(r"\b(?:every|each|all) (?:the )?epochs? (?:after|since|from) (?:epoch )?(\d+)"
                          r"(?!\s+(?:to|until|through)\s+(?:epoch\s+)?\d)", low):
        n = int(found[1]) + ("after" in found[0])
        return (list(range(n, epochs + 1)) or None), f"epochs {n}-{epochs}"
    if found := _EPOCHS_AND.search(low):
        return _epochs_listed(found, low, epochs)
    if found := re.search(r"\b(?:from\s+)?epochs?\s+(?:from\s+)?(\d+)\s+(?:to|through|until)\s+(?:epoch\s+)?(\d+)\b", low):
        a, b = int(found[1]), min(int(found[2]), epochs)  # "epochs 5 to 8", "every epoch from 5 to 15", "from epoch 4 to 8"
        return (list(range(a, b + 1)) or None), f"epochs {a}-{b}"
    if found := re.search(r"\bepochs? (?:greater than|beyond|past|above|over) (\d+)(?![\d.]|\s*%)", low):
        n = int(found[1]) + 1
        return (list(range(n, epochs + 1)) or None), f"epochs {n}-{epochs}"
    if found := re.search(r"\b(?:up to|until|till|through|before|to)\s+(?:and including\s+)?(?:at\s+)?epoch\s+(\d+)", low):
        n = min(int(found[1]) - ("before" in found[0]), epochs)
        return list(range(1, n + 1)), f"epochs 1-{n}"
    if from_epoch := _from_epoch(low, epochs):
        return from_epoch
    if (part := _epoch_part(low, epochs)) and "(" not in part[1]:
        return part  # "until the last two epochs": before the last K is read as the last K
    if found := re.search(rf"\b(?:the first(?: epoch)?|epoch 1) and the (?:last|final) (\d+|{'|'.join(WORDS)}) epochs\b",
                          low):
        k = min(_count(found[1]) or last, epochs - 1)  # "only in the first and the last 2 epochs"
        return [1] + list(range(epochs - k + 1, epochs + 1)), f"in epoch 1 and the last {k}"
    if found := re.search(rf"\b(?:last|final)\s+(\d+|{'|'.join(WORDS)})(?:\s+epochs?)?\b", low):
        k = min(_count(found[1]) or last, epochs)
        return list(range(epochs - k + 1, epochs + 1)), f"in the last {k} epochs"
    if re.search(r"\b(?:in |at |after )?(?:the|that|this) first epoch\b|\b(?:right )?from the (?:very )?(?:start|outset)\b", low):
        return [1], "in epoch 1"
    if found := re.search(rf"\b(?:first\s+|(?:stay\w*|remain\w*|stuck|sat|hover\w*)\b[^.;]*?\bfor (?:the first )?)"
                          rf"(\d+|{'|'.join(WORDS)})\s+epochs?\b", low):
        k = min(_count(found[1]) or 1, epochs)
        return list(range(1, k + 1)), f"in the first {k} epochs"
    if part:
        return part
    if _every_epoch(low, epochs):
        return list(range(1, epochs + 1)), "in every epoch"
    if implicit and re.search(r"\b(consistent(?:ly)?|held|holds?|holding|stayed|stays|remained|remains|kept|keeps|"
                              r"maintained|steady|steadily|sustained)\b", low):
        k = min(last, epochs)
        return list(range(epochs - k + 1, epochs + 1)), f"in the last {k} epochs"
    return None, ""


def _from_epoch(low: str, epochs: int) -> tuple[list[int] | None, str] | None:
    """The span from an epoch: "from epoch N (on)", "after epoch N on", "after epoch N it never ...", "did not drop below
    98 % after epoch 7", "no seed dropped below 94 % after epoch 1" (where no other span is said); "after epoch N" alone
    is that epoch's figure."""
    spans = re.search(r"\b(?:first|last|final)\s+(?:\d+|two|three|four|five)\s+epochs?\b|"
                      r"\bepochs\s+\d+\s*(?:to|-|–|and)\s*\d+", low)
    found = re.search(r"\b(?:from|since)\s+epoch\s+(\d+)(?:\s+on(?:wards?)?)?|\bafter\s+epoch\s+(\d+)\s+on(?:wards?)?",
                      low) or not spans and re.search(
        r"\b(?:from|since)\s+epoch\s+(\d+)|\bafter\s+epoch\s+(\d+)\b(?=[^.;]*?\b(?:never|not once|no longer|stayed|"
        r"remained|kept)\b)|\b(?:never|did not|didn't|not once|no seed|none of the seeds)\b[^.;]*?\bafter\s+epoch\s+(\d+)\b",
        low)
    if not found:
        return None
    n = int(found[1]) if found[1] else int(next(g for g in found.groups()[1:] if g)) + 1
    return (list(range(n, epochs + 1)) or None), f"epochs {n}-{epochs}"


def _epochs_listed(found: re.Match, low: str, epochs: int) -> tuple[list[int] | None, str]:
    """"At epoch 12 and epoch 15": those epochs; "in epochs 1 and 3 and at the end": and the last."""
    named = [int(_num(n)) for n in re.findall(r"\d+", found[0])]
    if re.match(r"\s+and\s+(?:at|in)\s+the\s+(?:end|last epoch|final epoch)\b", low[found.end():]):
        named.append(epochs)
    return ([n for n in named if 1 <= n <= epochs] or None), "at epochs " + ", ".join(map(str, named))


_BUT_EPOCHS = re.compile(r",?\s*\b(?:except|but not|apart from|other than)\s+(?:for\s+)?(?:at\s+|in\s+)?epochs?\s+"
                         r"(\d+(?:(?:,\s*|,?\s+and\s+)\d+)*)\b")


def _scope_but(low: str, but: re.Match, epochs: int, last: int, implicit: bool) -> tuple[list[int] | None, str]:
    """A span said with the epochs it leaves out: the span's others."""
    scope, label = _epoch_scope(low[:but.start()] + low[but.end():], epochs, last, implicit)
    out = {int(_num(n)) for n in re.findall(r"\d+", but[1])}
    if not scope:
        return scope, label
    return [e for e in scope if e not in out] or None, f"{label} but epoch " + ", ".join(map(str, sorted(out)))


_EXCEPT = re.compile(r"\b(?:every|each|all)(?: the)? epochs? (?:except|but|apart from|other than)(?: for)?(?: in)?(?: at)?"
                     r"(?: epochs?)? (\d+(?:(?:,\s*|,?\s+and\s+)\d+)*|the (?:last|final|first)(?: (?:one|epoch))?)\b")


def _all_but(said: str, epochs: int) -> tuple[list[int] | None, str]:
    """"every epoch but the last", "every epoch except epochs 5, 13 and 14": the others."""
    out = {1 if "first" in said else epochs} if said.startswith("the") else \
        {int(_num(n)) for n in re.findall(r"\d+", said)}
    return [e for e in range(1, epochs + 1) if e not in out] or None, "every epoch but " + ", ".join(map(str, sorted(out)))


def seed_curves(step: Step) -> dict[int, list[float]]:
    """Each seed's test curve: the check's seeds, or the one seed a plain run trained."""
    if step.check:
        return {s: r.test_acc for s, r in step.check.verdict.seeds.items() if r.test_acc}
    return {step.seed: step.run.test()}


def _curve_figure(curve: list[float], role: str, last: int) -> float:
    """A seed's figure of the role said: "best" its highest, "min..." the lowest of its last `last` epochs, "first"
    epoch 1's, "epoch N" that epoch's (the callers keep N in range), else its final."""
    if role == "best":
        return max(curve)
    if role.startswith("min"):
        return min(curve[-last:])
    if role == "first":
        return curve[0]
    return curve[int(role[6:]) - 1] if role.startswith("epoch ") else curve[-1]


def _seed_values(curves: dict[int, list[float]], role: str, last: int) -> dict[int, float]:
    """Each seed's figure of the role said (`_curve_figure`)."""
    return {s: _curve_figure(c, role, last) for s, c in curves.items()}


_SEEDS_VS = re.compile(r"\b(none|not one|neither|all|every one|each|both)(?: of)?(?: the| its| my)?(?: \w+)? seeds?\s+"
                       r"(?:(?:has|have|had|did|could)\s+)?(beat|beats|exceeded|exceeds|topped|tops|surpassed|matched|"
                       r"(?:got|went|was|were|came out|ended|finished|are|is|stayed) (?:above|over|past|below|under))\s+"
                       r"(?:the\s+)?(?:step|model)[ _-]?(\d+)(?:'s)?\s*(final|best|min\w* of the last \d+)?")


def _seeds_vs_step(low, clause, step, previous, number) -> Claim | None:
    """"None of the three seeds beat step 2's final accuracy of 98.49 %", "all seeds ended above step 2's best": each
    seed's figure of the role said (final where none is) against that step's."""
    found = _SEEDS_VS.search(low)
    curves = seed_curves(step)
    if found is None or previous is None or int(found[3]) == number or len(curves) < 2 or not previous.run.test():
        return None
    role = (found[4] or "final").split()[0]
    theirs = {"final": previous.run.test()[-1], "best": facts(previous).best_test}.get(role, facts(previous).min_last)
    ours = _seed_values(curves, role, step.last)
    up, matched = not re.search(r"\b(?:below|under)$", found[2]), found[2] == "matched"
    holds = [v >= theirs if matched else (v > theirs) == up and v != theirs for v in ours.values()]
    ok = not any(holds) if found[1] in ("none", "not one", "neither") else all(holds)
    said = f"{role} by seed: " + ", ".join(f"seed {s} {v:.2f} %" for s, v in ours.items())
    return Claim(number, clause, ok, f"{said}; step {found[3]}'s {role} {theirs:.2f} % ({records.CHECK}, {records.METRICS})",
                 "compare")


_SEED_VS_SEED = re.compile(rf"\bseed (?P<a>\d+)\b(?:[^.;]|\.(?=\d))*?{_TOL}\s*(?P<n>\d+(?:\.\d+)?)\s*"
                           r"(?:points?|pts?|pp)\s+(?P<way>above|over|higher than|better than|ahead of|below|under|lower than|"
                           r"worse than|behind)\s+seed (?P<b>\d+)\b|"
                           r"\bseed (?P<a2>\d+)\s+(?P<way2>beats?|leads?|trails?)\s+seed (?P<b2>\d+)\s+by\s+"
                           r"(?P<tol2>about |around |~\s*|almost |nearly |over |more than |under |less than )?\s*"
                           r"(?P<n2>\d+(?:\.\d+)?)")  # "Seed 1 beats seed 0 by 3.7 pp at the end"


def _seed_vs_seed(low, clause, step, previous, number) -> Claim | None:
    """"Seed 1 finished 0.35 points above seed 0 (98.33 % against 97.98 %)": two seeds' figures of one role (final
    where none is said), the difference and its way, and the figures said beside them, each its seed's."""
    found, curves = _SEED_VS_SEED.search(low), seed_curves(step)
    a, b = (int(found["a"] or found["a2"]), int(found["b"] or found["b2"])) if found else (None, None)
    if found is None or a == b or a not in curves or b not in curves:
        return None
    at = re.search(r"\b(?:at|in|after) epoch (\d+)\b", low)  # "dropped to 92.09 % at epoch 2, 4 points under seed 1's"
    role = f"epoch {at[1]}" if at else "best" if re.search(r"\b(?:best|peak\w*)\b", low) else "min" if re.search(
        r"\bmin\w*\b|\blowest of the last", low) else "final"
    if at and not 1 <= int(at[1]) <= min(len(curves[a]), len(curves[b])):
        return None
    x, y = (_curve_figure(c, role, step.last) for c in (curves[a], curves[b]))
    up = (found["way"] or found["way2"]) in ("above", "over", "higher than", "better than", "ahead of", "beat", "beats", "lead",
                                            "leads")
    tol = (found["tol"] or found["tol2"] or "").strip()
    ok = x != y and (x > y) == up and _within(abs(x - y), found["n"] or found["n2"], tol)
    read = [found["n"] or found["n2"]]
    if pair := re.search(r"(\d{2}\.\d+)\s*%?\s*(?:against|vs\.?|versus)\s*(\d{2}\.\d+)", low):
        ok, read = ok and said_as(x, pair[1]) and said_as(y, pair[2]), read + [pair[1], pair[2]]
    else:
        read += [t for t in re.findall(r"(\d{2}\.\d+)\s*%", low) if said_as(x, t) or said_as(y, t)]
    return Claim(number, clause, ok, f"{role} of seed {a} {x:.2f} %, of seed {b} {y:.2f} % ({x - y:+.2f} points; "
                 f"{records.CHECK})", "compare", tuple(read))


def seed_series(step: Step, low: str) -> tuple[str, list[tuple[int, list[float]]], int | None] | None:
    """The seeds a clause names, each with its test curve: ("all", every seed's, the count said or None), ("count",
    every seed's, N of "N of M seeds"), ("one", that seed's); None where it names no seed. A step of one run has one
    seed, its own; a seed it did not train has no curve (an empty list). "Apart from seed 0, every seed": the others."""
    if but := re.search(r"\b(?:apart from|except(?: for)?|other than|besides|save for)\s+seed\s+(\d+)\b,?", low):
        named = seed_series(step, low.replace(but[0], " "))
        if named is None or named[0] != "all":
            return named
        return "all", [(k, curve) for k, curve in named[1] if k != int(but[1])], named[2]
    words = "|".join(WORDS)  # "all three seeds finished above 93 %, but only 2 of the 3 ended above 95 %": of the seeds
    sentence = _SENTENCE.get() or ""
    if step.check and (other := re.search(rf"\bthe other ({words}|\d+)(?: seeds)?\b", low)) and \
            (named := _named_seeds(sentence.partition(other[0])[0])):  # "only seed 0 ...; the other five ...": the rest
        rest = [(k, curve) for k, curve in seed_curves(step).items() if k not in named]
        if len(rest) == _count(other[1]):
            return "all", rest, None
    found = _SEED_SCOPE.search(low)
    if found is None and step.check and re.search(r"\bseeds\b", _SENTENCE.get() or "") and (of := re.search(
            rf"\b(\d+|{words}) of the (\d+|{words})\s+(?=(?:ended|finished|held|stayed|reached|were|passed|kept|got)\b)", low)):
        rows = seed_curves(step)
        return "count", list(rows.items()), _count(of[1]) if _count(of[2]) == len(rows) else -1
    if found is None or found["one2"] and not step.check and not re.search(r"\bseed", low[:found.start() + 1]):
        return None
    rows = seed_curves(step)
    if found["list"]:  # "seeds 1 and 2": each of those
        named = [int(_num(k)) for k in re.findall(r"\d+", found["list"])]
        return "all", [(k, rows[k]) for k in named if k in rows], None
    if found["one"] or found["one2"]:
        seed = int(found["one"] or found["one2"])
        return "one", [(seed, rows[seed])] if seed in rows else [], None
    if found["none"]:
        return "count", list(rows.items()), 0
    if found["all"] or found["across"] or found["across2"] or found["all2"]:  # "across the seeds, every one of them"
        return "all", list(rows.items()), _count(found["n"]) if found["n"] else None
    if found["a"]:
        return "count", list(rows.items()), _count(found["a"]) if _count(found["b"]) == len(rows) else -1
    if found["them"]:  # "every seed ended above 93 %, and two of them above 96 %"
        return "count", list(rows.items()), _count(found["them"])
    return "count", list(rows.items()), _count(found["some"])


def _own_epoch(low: str, seed: int) -> str:
    """A clause as one seed's: where it pairs several seeds with their epochs ("reached 96 %, seed 0 at epoch 3 and
    seed 1 at epoch 4"), the other seeds' epochs left out."""
    if len(set(re.findall(r"\bseed (\d+),? (?:at|in|by) epoch \d+\b", low))) < 2:
        return low
    return re.sub(rf"\bseed (?!{seed}\b)\d+,? (?:at|in|by) epoch \d+\b", "", low)


def _threshold_seeds(low, clause, step, number, level: _Level, seeds: tuple, train: bool) -> Claim:
    """A level said of seeds: each seed's curve read as one run's (final where no span is said), and how many seeds
    the words say (all, N of M, seed S)."""
    mode, rows, n = seeds
    if train:
        return Claim(number, clause, None, f"the check records each seed's test curve, not its train curve "
                                           f"({records.CHECK})", "threshold")
    if not rows:
        return Claim(number, clause, False, f"no such seed in this step ({records.CHECK if step.check else records.CONFIG})",
                     "threshold")
    if mode == "count" and n == 0:
        level = replace(level, negated=False)  # "no seed kept 97 %": the count (none) says the no
    judged = {s: _level_on(_own_epoch(low, s), curve, "test", level, step.last) for s, curve in rows}
    met = [s for s, (ok, _) in judged.items() if ok]
    what = next(iter(judged.values()))[1].split(": ")[0]  # the span's words, said once
    said = f"{what} by seed: " + "; ".join(f"seed {s} {text.split(': ', 1)[-1]}" for s, (_, text) in judged.items())
    said = f"{said}: {len(met)} of {len(judged)}"
    if mode in ("one", "all") and re.search(r"\bonly seeds? \d|\bthe only seeds?\b", low) and step.check:  # "seed 2 is
        # the only seed whose last 3 stay above 97": no other seed does
        every = {s: _level_on(low, r.test_acc, "test", level, step.last)[0] for s, r in step.check.verdict.seeds.items()
                 if r.test_acc}
        ok = sorted(s for s, held in every.items() if held) == sorted(s for s, _ in rows)  # those seeds, no other
        named = {s for s, _ in rows}
        if others := [s for s, held in every.items() if held and s not in named]:
            said = f"{said}; also held by seed{'s' * (len(others) > 1)} {', '.join(map(str, others))}"
    elif mode == "one":
        ok = bool(met)
    elif mode == "all":
        ok = len(met) == len(judged) and (n is None or n == len(judged))
    else:
        ok = n == len(met)
        if named := re.search(r"\bseeds\s*\(\s*seeds?\s+(\d+(?:\s*(?:,|and|&)\s*\d+)*)\s*\)", low):  # "one of the three seeds
            # (seed 2)": which
            ok = ok and sorted(int(k) for k in re.findall(r"\d+", named[1])) == sorted(met)
    return Claim(number, clause, ok != level.negated, f"{said} ({records.CHECK if step.check else records.METRICS})", "threshold")


def _epoch_list(low, clause, step, previous, number) -> Claim | None:
    """Epochs listed with their figures, "epochs 13 (98.61), 14 (98.61), 15 (98.81) below 99.4 %": each the test
    accuracy at that epoch, and the threshold after them where one is said."""
    head = re.search(r"\bepochs?\s+(\d+)\s*\((\d{2,3}\.\d+)\s*%?\)", low)
    if head is None or re.search(r"\b(?:lr|rate|loss|seed)\b", low):
        return None
    pairs = [(head[1], head[2])]
    at = head.end()
    while found := re.compile(r"\s*(?:,|and)\s*(\d+)\s*\((\d{1,3}\.\d+)\s*%?\)").match(low, at):
        pairs.append((found[1], found[2]))
        at = found.end()
    train = _names_train(low, head.start())  # "Train accuracy first went above 99 % at epoch 6 (99.12 %)": train's
    curve = step.run.train() if train else step.run.test()
    ok = all(1 <= int(e) <= len(curve) and said_as(curve[int(e) - 1], v) for e, v in pairs)
    for e, v in pairs:
        _num(e), _num(v)
    # the level said of the listed epochs ("... 15 (98.81) all below 99.4 %"), not one said of others after them
    if found := re.match(rf"[^.;,]{{0,25}}?\b({DOWN}|{UP})\s+(\d{{1,3}}(?:\.\d+)?)\s*%", low[at:]):
        x = _num(found[2])
        kind = "down" if re.fullmatch(DOWN, found[1]) else "up"
        ok = ok and all(1 <= int(e) <= len(curve) and _holds(curve[int(e) - 1], x, kind) for e, _ in pairs)
    said = f"{'train' if train else 'test'} accuracy " + ", ".join(f"at epoch {e}: {curve[int(e) - 1]:.2f} %" for e, _ in pairs
                                                                   if 1 <= int(e) <= len(curve)) + f" ({records.METRICS})"
    return Claim(number, clause, ok, said, "figure")


def _seed_count(low, clause, step, previous, number) -> Claim | None:
    """How many seeds a step trained, said without a verdict: "(seed 0 shown of 6)", "6 seeds", "over 3 seeds"."""
    found = re.search(r"\bshown of (\d+)\b", low) or re.match(r"\W*(?:no\.? of |number of )?seeds\s*[:=–-]\s*(\d+)\s*$", low) or (
        (re.search(rf"\b(?:over|across|on|with|trained|ran|of)\s+(?:the\s+)?(\d+|{'|'.join(WORDS)})\s+seeds\b", low) or
         re.search(rf"\b(\d+|{'|'.join(WORDS)})\s+seeds\s+(?:are|were|is|was|make|give)\b", low))
        if not re.search(r"\b(pass\w*|held|hold\w*|fail\w*|met|reach\w*|above|below)\b", low) else None)
    if found is None:
        return None
    ran = len(step.check.finished()) if step.check else 1
    others = len(_named_seeds(_head_of(low))) or 1 if re.search(r"\bthe other\s+$", low[:found.start(1)]) else 0
    # "the other 5 seeds": all but the one named; "seeds 1 and 5 ..., the other 4 seeds": all but the two
    if step.check and (part := re.search(rf"\b(?:incomplete|pass|fail)\w*\s*(?:on\s+|\(\s*)?(\d+|{'|'.join(WORDS)})\s+of\s+"
                                         r"(?:the\s+)?$", low[:found.start(1)])):
        held, tried = step.check.verdict.held()  # "INCOMPLETE on 3 of 4 seeds": those that held of those that ran (the
        planned = len(step.check.verdict.seeds)  # verdict's own count), or those that finished of those planned
        said = (_count(part[1]), _count(found[1]))
        return Claim(number, clause, said in ((held, tried), (ran, planned)), f"{held} of {tried} seeds held; {ran} of "
                     f"{planned} finished ({records.CHECK})", "seeds", (part[1], found[1]))
    return Claim(number, clause, _count(found[1]) + others == ran, f"{ran} seed{'s' * (ran > 1)} trained"
                 + (f" ({records.CHECK})" if step.check else ""), "seeds")


def _named_seeds(text: str) -> set[int]:
    """The seeds a text names by number: "seed 1", "seeds 1 and 5", "seeds 0, 2 and 4"."""
    return {int(d) for m in re.finditer(r"\bseeds?\s+(\d+(?:\s*(?:,|and|&)\s*\d+)*)\b(?!\s*%|\.\d)", text)
            for d in re.findall(r"\d+", m[1])}


def _margin_images(low, clause, step, previous, number) -> Claim | None:
    """"3 test images above the line": the figure said before it, against the budget's line, in test images."""
    found = re.search(rf"\b(\d+|{'|'.join(WORDS)})\s+(?:test\s+)?(?:images|digits)\s+(above|over|below|under|short of)\s+"
                      r"(?:the\s+)?(?:line|99\.4)", low)
    before = list(re.finditer(r"(\d{1,3}\.\d+)\s*%", low[:found.start()])) if found else []
    if not before:
        return None
    value = float(before[-1][1])
    images = round((value - _line(step)) * 100)
    said = abs(images) == _count(found[1]) and (images > 0) == (found[2] in ("above", "over"))
    return Claim(number, clause, said, f"{value:g} % is {abs(images)} of 10,000 test images "
                 f"{'above' if images > 0 else 'below'} {_line(step):g} %", "figure")


DIGIT_WORDS = {w: d for d, w in enumerate(_PLURALS)} | {"zero": 0}
_DIGIT = re.compile(r"\b(?:digits?|class(?:es)?|number)(?:\s+is|\s*:)?(?:\s+(?:still|now))?\s+(?P<d>\d)\b(?!\s*%|\.\d)|\b(?P<w>"
                    + "|".join(DIGIT_WORDS) + r")\b|\b(?:the\s+)?(?P<s>\d)s\b|(?:,\s*|\band\s+|followed by\s+|\bwhile\s+|"
                    r"(?<=\)):\s*|(?<=[a-z]):\s+(?=\d\s+(?:came|comes|is|was)\b)|\b(?:are|were)\s+(?:now\s+|still\s+)?|"
                    r"\band the\s+(?=\d\s+(?:came|comes)\b)|"
                    r"\bwhereas\s+|\bbut\s+|(?:,\s*|;\s*|\b(?:but|while|whereas|and|so|why)\s+|^\W*(?:per digit,?\s+)?)the\s+"
                    r"(?=\d\s+(?:fell|rose|improved|dropped|went|got|climbed|became|is|was|has|had|follows|followed|stayed|"
                    r"stays|remained|that was|only|just|from)\b)|"
                    r"\bthen\s+|\bcom(?:es?|ing)\s+|\bcame\s+|\bit\s+is\s+|\bmakes?\s+|\bmade\s+|;\s*|^\W*)(?P<b>\d)\s*"
                    r"(?:(?:the\s+)?(?:at|with|has|is|from|remains|was|stays|still|went|got|dropped|came|comes|became|only|just|"
                    r"that (?:was|had|is)|which (?:was|had|is)|stayed|remained|follows|followed|tie|tied|share|shared|"
                    r"fell|rose|improved|worst|best|weakest|perfect|(?:slightly |a bit |marginally |much )?(?:worse|better))\b|"
                    r"\((?=\s*\d)|:(?=\s*\d{1,3}(?:\.\d+)?\s*%))|"
                    r"\b(?:best|worst|weakest|strongest|easiest|hardest)(?:\s+(?:digit|class))?(?:\s+(?:is|was|remains)"
                    r"(?:\s+(?:still|again|now|also))?(?:\s+the)?|\s*:)?\s+(?P<f>\d)\b(?!\s*%|\.\d|\s+(?:errors?|mistakes?)\b)|"
                    r"\b(?:digit|class)\b[^.;:\d]{0,24}:\s*(?P<c>\d)\b(?!\s*%|\.\d)|"
                    r"\b(?:with|then|behind|below|under|above|ahead of|before)\s+(?:the\s+)?(?P<e>\d)\b"
                    r"(?=\s+(?:right\s+|close\s+|just\s+)?(?:behind|next|after|at|with|and|"
                    r"(?:as\s+)?the\s+(?:weakest|worst|best|strongest|hardest|easiest)\b)|(?<=then\s\d)\s*(?:\(|$))|"
                    r"\bthe\s+(?P<t>\d)\s+(?=itself\b)|"  # "the 4 itself dropped from ..."
                    r"\bthe\s+(?P<h>\d)\s+(?=(?:was|is|were|are|remains|stays)\s+(?:still\s+|again\s+|now\s+|also\s+|by far\s+|"
                    r"clearly\s+|easily\s+)?the\s+"
                    r"(?:weakest|worst|best|strongest|hardest|easiest)\b)|"  # "the 3 was the weakest at 98.05 %"
                    r"(?:\bon\s+|:\s*)(?P<g>\d)\b(?=\s*,\s*(?:then|followed by)\s+\d\b)")  # "most mistakes on 9, then 5"
_WORST = re.compile(r"\b(worst|weakest|hardest|lowest|least accurate|most errors|most mistakes|wrong most|most wrong|"
                    r"highest error(?: count)?|most misclassified|struggles? (?:the )?most|struggled (?:the )?most|"
                    r"(?:the )?most trouble|"
                    r"the most of (?:any|all)(?: the)? (?:digits?|class(?:es)?))\b")
_BEST = re.compile(r"\b(best|easiest|strongest|most accurate|fewest errors|fewest mistakes|highest|best-recogni[sz]ed|"
                   r"(?<!almost )(?<!nearly )(?<!near )(?<!close to )(?<!practically )(?<!virtually )perfect)\b")


# a table written inline: "Epoch | Train | Test → 1 | 20.10 | 58.89, 8 | 98.00 | 98.14", "Seed | final | best: 0 | 93.48"
_TABLE = re.compile(r"^\W*((?:[a-z][a-z0-9 ._%]*?\s*\|\s*)+[a-z][a-z0-9 ._%]*?)\s*(?::|→|->|=>)\s*(.+?)\W*$")


def _inline_table(low, clause, step, previous, number) -> Claim | None:
    """A table written inline, keyed by epoch or seed: each cell against the record of its row and column (train or
    test accuracy or loss at an epoch; a seed's final, best, or lowest of the last epochs)."""
    found = _TABLE.match(low)
    if found is None:
        return None
    columns = [c.strip() for c in found[1].split("|")]
    rows = [[c.strip(" %").replace("−", "-") for c in row.split("|")] for row in re.split(r"\s*[,;]\s*(?=\d)", found[2])]
    if len(columns) < 2 or not re.fullmatch(r"epochs?|ep|seeds?", columns[0]) or \
            any(len(r) != len(columns) or not all(re.fullmatch(r"[+-]?\d+(?:\.\d+)?|none", c) for c in r) for r in rows):
        return None
    by_seed = columns[0].startswith("seed")
    seeds = seed_curves(step)
    wrong, read = [], []
    for row in rows:
        key = int(_num(row[0]))
        for column, cell in zip(columns[1:], row[1:], strict=True):
            if cell == "none":  # "Δ test" at epoch 1: no figure said
                continue
            record, what = _table_cell(step, seeds, by_seed, key, column)
            read.append(_num(cell))
            derived = what in ("train - test", "change of test", "change of train")  # of two figures, each rounded
            if record is None or not (said_as(record, cell) or derived and abs(record - _num(cell)) <= 0.01 + 1e-9):
                figure = "none recorded" if record is None else f"{record:.4f}" if "loss" in what else \
                    f"{record:g}" if what in ("rate", "test errors") else f"{record:.2f} %"
                wrong.append(f"seed {key}'s {what}: {figure}" if by_seed else f"{what} at epoch {key}: {figure}")
    of_seeds = by_seed or any(re.fullmatch(r"(?:seed|s)\s*#?\d+\b.*", c) for c in columns[1:])
    said = (wrong[0] if wrong else f"{len(read)} figures of {len(rows)} {'seeds' if by_seed else 'epochs'} as said") \
        + f" ({records.CHECK if of_seeds and step.check else records.METRICS})"
    sizes = tuple(n for c in columns if _WRONG_COLUMN.search(c) for n in re.findall(r"\d+(?:,\d{3})*k?", c))  # "of 10k"
    return Claim(number, clause, not wrong, said, "figure", tuple(c.lstrip("+-") for row in rows for c in row if c != "none")
                 + sizes)


# figures listed after their label: "Seed finals (0/1/2): 97.98/98.25/97.75", "Last-3 accuracies: 99.35 / 99.42 / 99.40"
_LISTED = re.compile(r"^\W*([a-z][a-z0-9 _-]*?)\s*(?:\(([\d\s/,-]+)\))?\s*:\s*"
                     r"((?:\d{1,3}(?:\.\d+)?\s*%?\s*[/|,]\s*)+\d{1,3}(?:\.\d+)?)\s*%?\W*$")


def _unlike(values: list[str], records_: list[float | None], where: list[str]) -> list[str]:
    """The listed figures that are not their records, each as "where: record" (every figure read)."""
    for v in values:
        _num(v)
    return [f"{w}: {r:.2f} %" if r is not None else f"{w}: none" for w, r, v in zip(where, records_, values, strict=True)
            if r is None or not said_as(r, v)]


def _value_list(low, clause, step, previous, number) -> Claim | None:
    """Figures listed after their label, one a seed ("Seed finals (0/1/2): ...", "Finals per seed (0-5): ...",
    best, lowest of the last epochs) or one an epoch ("Last-3 accuracies: ...", "Epochs 13-15 test: ..."), each
    against its record in the list's order."""
    # "Final test acc, seed 0/1/2: 97.51 / 98.34 / 98.16", "Finals: 97.98 / 98.33 / 97.75 for seeds 0/1/2": the same
    low = re.sub(r"^(\W*[a-z][a-z ,_-]*?),?\s*seeds?\s+(\d+(?:\s*/\s*\d+)+)\s*:", r"\1 seed (\2):", low)
    low = re.sub(r"^(\W*)seeds?\s+(\d+\s*[-–]\s*\d+)\s*,\s*([a-z][a-z0-9 _-]*?)\s*:", r"\1\3 seed (\2):", low)
    low = re.sub(r"^(\W*[a-z][a-z ,_-]*?)\s*:\s*((?:\d{1,3}(?:\.\d+)?\s*%?\s*/\s*)+\d{1,3}(?:\.\d+)?)\s*%?\s*(?:for|on|of)\s+"
                 r"seeds\s+(\d+(?:\s*/\s*\d+)+)\W*$", r"\1 seed (\3): \2", low)
    found = _LISTED.match(low)
    if found is None:
        return None
    label, values = found[1], re.findall(r"\d{1,3}(?:\.\d+)?", found[3])
    if (one := re.fullmatch(r"\s*seed\s+(\d+)\s*", label)) and not found[2]:  # "Seed 0: 95.90, 97.93, 97.98": its last epochs
        curve = seed_curves(step).get(int(one[1])) or []
        if not 1 < len(values) <= len(curve):
            return None
        span = range(len(curve) - len(values) + 1, len(curve) + 1)
        records_, where, role = [curve[e - 1] for e in span], [f"epoch {e}" for e in span], f"seed {one[1]}'s test"
    elif "seed" in label:
        seeds = seed_curves(step)
        keys = _listed_keys(found[2], sorted(seeds))
        if len(keys) != len(values):
            return None
        role = "best" if re.search(r"best|max|peak", label) else f"lowest of the last {step.last}" if re.search(
            r"min|low|worst", label) else "final"
        records_ = [(max(seeds[k]) if role == "best" else min(seeds[k][-step.last:]) if role.startswith("lowest")
                     else seeds[k][-1]) if seeds.get(k) else None for k in keys]
        where = [f"seed {k}" for k in keys]
    elif (last := re.search(r"\blast[- ]?(\d+)", label)) or \
            (epochs := re.search(r"\bepochs?\s+(\d+)\s*[-–]\s*(\d+)", label)):
        curve = step.run.train() if "train" in label else step.run.test()
        span = list(range(len(curve) - int(last[1]) + 1, len(curve) + 1)) if last \
            else list(range(int(epochs[1]), int(epochs[2]) + 1))
        if len(span) != len(values) or not all(1 <= e <= len(curve) for e in span):
            return None
        records_, where, role = [curve[e - 1] for e in span], [f"epoch {e}" for e in span], \
            "train" if "train" in label else "test"
    else:
        return None
    wrong = _unlike(values, records_, where)
    said = (f"{role}, " + "; ".join(wrong) if wrong else f"{role} of {', '.join(where)} as listed") + \
        f" ({records.CHECK if 'seed' in label and step.check else records.METRICS})"
    return Claim(number, clause, not wrong, said, "figure")


# "99.56, 99.54, 99.55 in the last 3 epochs": figures listed before their span of epochs
_LISTED_LAST = re.compile(r"((?:\d{1,3}\.\d+\s*%?\s*(?:,|/|and then|and|then)\s*)+\d{1,3}\.\d+)\s*%?\s*"
                          r"(?:in|over|for|across|during)"
                          r"\s+(?:the\s+|its\s+)?(?:last|final)\s+(\d|two|three|four|five)\s+epochs\b")


def _last_listed(low, clause, step, previous, number) -> Claim | None:
    """Figures listed before "in the last K epochs", K of them: each that epoch's accuracy, in order (train's where
    the words before name train)."""
    found = _LISTED_LAST.search(low)
    if found is None:
        return None
    values, k = re.findall(r"\d{1,3}\.\d+", found[1]), _count(found[2])
    train = _only_train(low[:found.start()])
    curve, kind, where = (step.run.train(), "train", records.METRICS) if train else (step.run.test(), "test", records.METRICS)
    if not train and (seeds := seed_series(step, low[:found.start()])) is not None:  # "seed 1 recovered to ...": its own
        if seeds[0] != "one" or not seeds[1]:
            return None
        curve, kind, where = seeds[1][0][1], f"seed {seeds[1][0][0]}'s test", records.CHECK if step.check else records.METRICS
    if k != len(values) or k > len(curve):
        return None
    span = range(len(curve) - k + 1, len(curve) + 1)
    wrong = _unlike(values, [curve[e - 1] for e in span], [f"epoch {e}" for e in span])
    said = (f"{kind}, " + "; ".join(wrong) if wrong else f"{kind} accuracy of epochs {span[0]}-{span[-1]} as listed") + \
        f" ({where})"
    return Claim(number, clause, not wrong, said, "figure")


# a span of epochs named in a clause, and a list of its figures in brackets or as a chain after it ("over the final 3
# epochs ... (98.61, 98.61, 98.81)", "from ep 6 to ep 12 ... (97.93 → 98.64)" is not one: two figures for seven epochs)
_SPAN = re.compile(r"\b(?:(?:last|final) (\d|two|three|four|five) epochs|(first) (\d|two|three|four|five) epochs|"
                   r"epochs? (\d+)\s*(?:[-–]|to|through)\s*(?:epoch\s+)?(\d+)|(?:from|since) epoch (\d+)(?!\s*(?:[-–]|to)\b))\b")


def _span_of(m: re.Match, n: int) -> tuple[int, int]:
    """The first and last epoch of a span `_SPAN` found, in a run of `n` epochs."""
    if m[1]:
        return n - _count(m[1]) + 1, n
    return (1, _count(m[3])) if m[2] else (int(m[4]), int(m[5])) if m[4] else (int(m[6]), n)


_SPAN_LIST = re.compile(r"\(\s*((?:(?<![\d.])[1-9]\d{0,2}\.\d+\s*%?\s*(?:,|/|→|->)\s*)+[1-9]\d{0,2}\.\d+)\s*%?\s*\)|"
                        r"((?:(?<![\d.])[1-9]\d{0,2}\.\d+\s*%?\s*(?:→|->)\s*)+[1-9]\d{0,2}\.\d+)")  # accuracies, not rates


def _clause_curve(low: str, step: Step, train: bool) -> tuple[list[float], str, str] | None:
    """The curve a clause's figures are read on, its name and its record: the one seed the clause names (its test
    curve), else train's or test's; None where it names several seeds, a seed the step lacks, or a seed with train."""
    seeds = set(re.findall(r"\bseed (\d+)\b", low))
    if len(seeds) > 1 or seeds and (int(min(seeds)) not in seed_curves(step) or re.search(r"\btrain", low)):
        return None
    if seeds:
        return seed_curves(step)[int(min(seeds))], f"seed {min(seeds)}'s test", records.CHECK if step.check else \
            records.METRICS
    return (step.run.train(), "train", records.METRICS) if train else (step.run.test(), "test", records.METRICS)


def _ends_hold(curve: list[float], x: str, y: str, starts: list[int], last: int) -> bool:
    """Whether a move said "from x to y" starts at one of the epochs `starts` and ends at epoch `last` of `curve`."""
    return any(said_as(curve[e - 1], x) for e in starts) and said_as(curve[last - 1], y)


def _span_listed(low, clause, step, previous, number) -> Claim | None:
    """A list of figures, as many as the epochs of a span the clause names just before or after it ("the last 3 epochs
    are stable (99.56, 99.54, 99.55)", "95.08 → 96.04 → 97.70 in epochs 2-4"): each that epoch's, in order, of the
    curve its words name (train's where they name train only)."""
    if re.search(r"\bseeds\b|\bdigit|\bclass\b|\bloss|\bvs\b|\bversus\b|\bagainst\b|\bgap\b|lr\b|\brate\b", low) or \
            _clause_curve(low, step, False) is None:
        return None
    for listed in _SPAN_LIST.finditer(low):
        values = re.findall(r"\d{1,3}\.\d+", listed[0])
        before = [m for m in _SPAN.finditer(low) if m.end() <= listed.start() and
                  not re.search(r"(?<!seed )\d", low[m.end():listed.start()])]  # the span just before, nothing between
        tail = low[listed.end():listed.end() + 30]
        spans = before or list(_SPAN.finditer(tail))  # else just after: "95.08 → 96.04 → 97.70 in epochs 2-4"
        if len(spans) != 1 or not before and re.search(r"\d", tail[:spans[0].start()]):
            continue
        first, last = _span_of(spans[0], len(step.run.epochs))
        if last - first + 1 != len(values) or not 1 <= first <= last <= len(step.run.epochs):
            continue
        curve, kind, record = _clause_curve(low, step, _only_train(low[:listed.start()]))
        if last > len(curve):
            continue
        span = range(first, last + 1)
        wrong = _unlike(values, [curve[e - 1] for e in span], [f"epoch {e}" for e in span])
        return Claim(number, clause, not wrong, (f"{kind}, " + "; ".join(wrong) if wrong else
                                                 f"{kind} accuracy of epochs {first}-{last} as listed") + f" ({record})",
                     "figure", tuple(values))
    return None


# a move's two ends said over a span ("the last 3 epochs go from 95.75 % to 98 %", "rose every epoch, from 90.37 % to
# 98 %"): the span's first epoch (or the one before it, where the move starts) and its last
_ENDS = re.compile(r"\bfrom\s+(\d{1,3}\.\d+|\d{2})\s*%?\s+to\s+(\d{1,3}\.\d+|\d{2})(?![\d.])|"
                   r"\(?(\d{1,3}\.\d+|\d{2})\s*%?\s*(?:→|->)\s*(\d{1,3}\.\d+|\d{2})(?![\d.])\s*%?\)?(?!\s*(?:→|->))|"
                   r"\((\d{1,3}\.\d+)\s*%?\s+to\s+(\d{1,3}\.\d+)\s*%?\)")  # "(98.12 % to 96.92 %)" beside a move


def _move_ends(low, clause, step, previous, number) -> Claim | None:
    """A move's two ends said over a span the clause names (the last K epochs, epochs A-B, the first K), or over the
    whole run where it moved "every epoch": the span's ends, of the curve named nearest before the move (one seed's
    where one is named). Over the whole run, a figure recorded elsewhere but not at its end settles nothing (the
    words may start the move later); one recorded nowhere is false."""
    size = re.search(r"\bby\s+(?:about\s+|~\s*)?(\d+(?:\.\d+)?)\s*(?:points?|pts?|pp)\b", low)  # "fell by 1.20 points over ..."
    bare = low.replace(size[0], "") if size else low
    if len(_ENDS.findall(low)) != 1 or len(re.findall(r"(?<![\w.])\d{1,3}\.\d+|\d{2}\s*%", bare)) != 2 or \
            re.search(r"\b(?:lr|rate)\b", low) and re.search(r"(?<![\d.])0?\.\d+(?!\s*%)", bare) or \
            re.search(r"\bseeds\b|\bdigit|\bclass\b|\bloss|\bgap\b|\bvs\b|\bstep\b|\bmodel[ _-]?\d|\bmin\w*|\blowest|\bbest|"
                      r"\bafter epoch|\bwarm|\b(?:in|within) (?:one|a single|1) epoch\b|"
                      r"\d\s*%?\s*\(?(?:at|in|@) epoch", low) or _clause_curve(low, step, False) is None:
        return None
    move, n = _ENDS.search(low), len(step.run.epochs)
    if move[5] and not (re.search(r"\b(?:fell|falls?|dropped|drops?|rose|rises?|climbed|went|gained|lost|improved|slipped)\b",
                                  low[:move.start()]) and re.search(r"\b(?:over|in|during|across) the (?:last|final|first) \d+ "
                                                                    r"epochs\b", low)):
        return None  # "stable over the last 3 epochs (99.54 to 99.56)": a range, not a move
    x, y = (move[1], move[2]) if move[1] else (move[3], move[4]) if move[3] else (move[5], move[6])
    if len(re.findall(r"\d+(?:\.\d+)?", re.sub(r"\b(?:epochs?|seed) \d+(?:\s*(?:[-–]|to|through)\s*(?:epoch\s+)?\d+)?|"
                                               r"\b(?:last|final|first) \d+", "", bare))) != 2:
        return None  # a number besides the move's ends and its epochs ("(96.3 → 93.9, epoch 4 → 5)"): not this reading
    spans = list(_SPAN.finditer(low))
    points = set(re.findall(r"\b(?:at|in) epoch (\d+)\b", low)) | ({str(n)} if re.search(
        r"\b(?:in|at) the (?:last|final) epoch\b(?!s)", low) else set())
    if len(points) == 1 and not spans:  # "dipped at epoch 3, from 92.84 % to 92.80 %": the epoch before it, and it
        first, last = int(min(points)) - 1, int(min(points))
    elif points:
        return None
    elif len(spans) == 1:
        first, last = _span_of(spans[0], n)
    elif not spans and re.search(r"\b(?:every|each) (?:single )?epoch\b|\ball the way\b", low):
        first, last = 1, n
    else:
        return None
    curve, kind, record = _clause_curve(low, step, _names_train(low, move.start()))
    if not 1 <= first < last <= len(curve):
        return None
    starts = [e for e in (first, first - 1) if e >= 1 and (e == first or not points)]  # "went down in each of the last
    # 2 epochs, from ...": the moves' first start, the epoch before the span
    ok = _ends_hold(curve, x, y, starts, last)
    said = f"{kind} accuracy at epoch {first}: {curve[first - 1]:.2f} %" + (
        f" (epoch {first - 1}: {curve[first - 2]:.2f} %)" if len(starts) > 1 else "") + \
        f", at epoch {last}: {curve[last - 1]:.2f} % ({record})"
    if not ok and not spans and not points and all(any(said_as(v, f) for v in curve) for f in (x, y)):
        return Claim(number, clause, None, f"{said}; the figures are recorded at other epochs", "figure", (x, y))
    ok = ok and _move_words(low[:move.start()], x, y, size)
    return Claim(number, clause, ok, said, "figure", (x, y) + ((size[1],) if size else ()))


def _move_words(before: str, x: str, y: str, size: re.Match | None) -> bool:
    """What the words say of a move between two ends said (each end decided by its reader): its size ("by 1.20
    points") and its way ("rose ... (98.12 % to 96.92 %)" is false of its own figures)."""
    ok = size is None or _within(abs(_num(y) - _num(x)), size[1], "about" if re.search(r"about|~", size[0]) else "")
    if ways := list(_MOVE_VERB.finditer(before)):  # the verb nearest the figures ("after the LR drop the acc jumped")
        ok = ok and (_num(y) > _num(x)) == (ways[-1]["up"] is not None)
    return ok


def _seeds_moves(low, clause, step, previous, number) -> Claim | None:
    """One move each for the seeds named, in their order, over a span of epochs the clause names ("seeds 1 and 2 both
    dipped from epoch 2 to epoch 3 (96.03 % → 95.42 % and 93.15 % → 92.80 %)"): each seed's curve at the span's ends
    (the move may start the epoch before the span's first)."""
    named = re.search(r"\bseeds (\d+(?:\s*,\s*\d+)*\s*,?\s*(?:and|&)\s*\d+)\b", low)
    moves, spans, curves = list(_ENDS.finditer(low)), list(_SPAN.finditer(low)), seed_curves(step)
    keys = [int(k) for k in re.findall(r"\d+", named[1])] if named else []
    if not keys or len(moves) != len(keys) or len(spans) != 1 or not all(k in curves for k in keys) or \
            re.search(r"\btrain|\bloss|\brespectively\b", low):
        return None
    first, last = _span_of(spans[0], len(curves[keys[0]]))
    if not 1 <= first < last <= min(len(curves[k]) for k in keys):
        return None
    wrong, read = [], [str(k) for k in keys]
    for k, move in zip(keys, moves, strict=True):
        x, y = (move[1], move[2]) if move[1] else (move[3], move[4])
        curve, read = curves[k], read + [x, y]
        if not _ends_hold(curve, x, y, [e for e in (first, first - 1) if e >= 1], last):
            wrong.append(f"seed {k}: epoch {first}: {curve[first - 1]:.2f} %, epoch {last}: {curve[last - 1]:.2f} %")
    said = "; ".join(wrong) if wrong else f"seeds {', '.join(map(str, keys))} at epochs {first} and {last} as said"
    return Claim(number, clause, not wrong, f"{said} ({records.CHECK if step.check else records.METRICS})", "figure",
                 tuple(read))


def _respectively(low, clause, step, previous, number) -> Claim | None:
    """"Seeds 1 and 2 ... end at 98.34 and 98.16 respectively": each seed's final (best where the words say so), in
    the order named."""
    named = re.search(r"\bseeds (\d+(?:,\s*\d+)*,? and \d+)\b", low)
    if named is None or "respectively" not in low:
        return None
    keys = [int(_num(k)) for k in re.findall(r"\d+", named[1])]
    values = re.findall(r"(?<![\d.])(\d{1,3}\.\d+|\d{2}(?![\d.]))\s*%?", low[named.end():])  # "98 and 98.16"
    curves = seed_curves(step)
    if len(values) != len(keys) or not all(k in curves for k in keys):
        return None
    best = re.search(r"\b(?:best|peak\w*|highest|top)\b", low[named.end():]) is not None
    at = _epoch_meant(low, (_SENTENCE.get() or low).partition(low[:20])[0])  # the sentence before this clause
    if at is not None and all(at <= len(curves[k]) for k in keys) and not best:
        records_, role = [curves[k][at - 1] for k in keys], f"at epoch {at}"  # "... respectively at that epoch"
    else:
        records_, role = [max(curves[k]) if best else curves[k][-1] for k in keys], "best" if best else "final"
    ok = not _unlike(values, records_, [f"seed {k}" for k in keys])
    return Claim(number, clause, ok, f"{role} by seed: " + ", ".join(
        f"seed {k} {r:.2f} %" for k, r in zip(keys, records_, strict=True)) + f" ({records.CHECK})", "figure")


def _epoch_meant(low: str, before: str) -> int | None:
    """The epoch a clause names ("at epoch 4"), or the one "that epoch" stands for (the last named before it)."""
    if at := _NAMED_EPOCH.search(low):
        return int(at[1])
    if re.search(r"\b(?:at|in|by) that epoch\b", low) and (named := re.findall(r"\bepoch (\d+)\b", before)):
        return int(named[-1])
    return None


def _listed_keys(said: str | None, seeds: list[int]) -> list[int]:
    """The seeds a list names in brackets ("0/1/2", "0-5"), else every seed in order."""
    if not said:
        return seeds
    if span := re.fullmatch(r"\s*(\d+)\s*-\s*(\d+)\s*", said):
        return list(range(int(_num(span[1])), int(_num(span[2])) + 1))
    return [int(_num(k)) for k in re.findall(r"\d+", said)]


# a layer kind as students name it, and the module types that are it
LAYER_WORDS = {"BatchNorm": (r"batch[ -]?norm\w*|\bbn\b", ("BatchNorm",)), "Dropout": (r"\bdropout", ("Dropout",)),
               "GAP": (r"\bgap\b(?! between)|global average pool\w*|global avg pool\w*", ("AdaptiveAvgPool", "AvgPool")),
               "MaxPool": (r"\bmax[ -]?pool\w*", ("MaxPool",)),
               "Linear": (r"\bfully[ -]connected\b|\bfc layers?\b|\blinear layers?\b", ("Linear",))}


_KERNEL = re.compile(rf"(?:\b(?P<count>\d+|{'|'.join(WORDS)})\s+(?:plain\s+|more\s+)?)?(?<![\w.])(?P<size>(?P<k>\d)\s*[x×]\s*"
                     r"(?P=k))(?![\w.])[\s-]+(?:conv\w*|kernels?|filters?|head|transition|layers?)\b")
_MAP = re.compile(r"(?<![\w.])(?P<size>(?P<h>\d{1,2})\s*[x×]\s*(?P<w>\d{1,2})(?:\s*[x×]\s*(?P<c>\d{1,3}))?)(?![\w.])"
                  r"(?=[\s-]+(?:\w+\s+)?(?:input|image|map|feature map|output|activation|grid)s?\b|\s*(?:→|->))|"
                  r"(?:\bto|\binto|→|->)\s*(?:an?\s+|the\s+)?(?P<size2>(?P<h2>\d{1,2})\s*[x×]\s*(?P<w2>\d{1,2}))(?![\w.])")


def _beside_the_pool(step: Step, low: str, found: re.Match, convs: list[dict]) -> tuple[list[dict], str]:
    """The convs a kernel's count is said of, and where: those after (or before) the one max-pool where the words say
    so ("after the single max-pool there are only two more 3x3 convs", "the three 3x3 convs after the pool"), else
    every one."""
    scope = re.search(r"\b(after|before)\s+(?:the\s+)?(?:single\s+|only\s+|one\s+)?(?:max[ -]?)?pool\w*\b[^,;]{0,30}$",
                      low[:found.start()]) or re.match(r"\s*(after|before)\s+(?:the\s+)?(?:single\s+|only\s+|one\s+)?"
                                                       r"(?:max[ -]?)?pool", low[found.end():])
    modules = list(step.run.modules.values())
    pools = [i for i, m in enumerate(modules) if m["type"].startswith("MaxPool")]
    if scope is None or len(pools) != 1:
        return convs, ""
    return [m for i, m in enumerate(modules) if m in convs and (i > pools[0]) == (scope[1] == "after")], \
        f" {scope[1]} the max-pool"


def _sizes_said(low, clause, step, previous, number) -> Claim | None:
    """Sizes said as "H x W": a kernel ("five 3x3 convs", "a 1x1 head": the convs of that kernel, as many as said) and a
    map ("the 28x28 input", "a 6x6 map before GAP", "24x24 to 12x12": the input, or a layer's output) - from the
    recorded modules and layer table; sizes of a hand-in whose records hold neither are left unread."""
    convs = [m for m in step.run.modules.values() if m["type"].startswith("Conv")]
    rows = step.run.layers
    verdicts, said, read = [], [], []
    for found in _KERNEL.finditer(low) if convs else ():
        k, count = int(found["k"]), _count(found["count"]) if found["count"] else None
        scoped, where = _beside_the_pool(step, low, found, convs)
        of = [m for m in scoped if (m.get("kernel_size") or [0])[0] == k]
        verdicts.append(len(of) == count if count else bool(of))
        said.append(f"{len(of)} conv{'s' if len(of) != 1 else ''} of kernel {k}x{k}{where}")
        read += value_numbers(found["size"]) + ([found["count"]] if count else [])
    for found in _MAP.finditer(low) if rows else ():
        h, w, c = int(found["h"] or found["h2"]), int(found["w"] or found["w2"]), found["c"]
        if re.match(r"\s*(?:\w+\s+)?(?:input|image)", low[found.end():]):
            verdicts.append(h * w == (rows[0].input_values or 28 * 28))  # one channel: MNIST's image
        else:
            verdicts.append(any(r.output[-2:] == [h, w] and (c is None or int(c) in (r.output[0],)) for r in rows
                                if len(r.output) == 3))
        read += value_numbers(found["size"] or found["size2"])
    if not verdicts:
        return None
    maps = list(dict.fromkeys(f"{r.output[1]}x{r.output[2]}" for r in rows if len(r.output) == 3))
    said.append("layer outputs " + ", ".join(maps)) if maps else None
    return Claim(number, clause, all(verdicts), f"{'; '.join(said)} ({records.CONFIG})", "figure", tuple(read))


def _layers_said(low, clause, step, previous, number) -> Claim | None:
    """A layer said to be in the step ("Batch normalization after each convolution layer", "Dropout layers", "no
    dropout"): false where the step has no module of that kind (or has one said absent); true where it has and nothing
    more is said of it, or "after each conv" holds; not settled where more is said (its place, its size)."""
    types = step.run.architecture.get("kinds") or [m["type"] for m in step.run.modules.values()]  # a hand-in's: kinds
    # "Dropout layers to prevent overfitting": its purpose said, not an effect shown
    low = re.sub(r"\b(?:to|for) (?:prevent|avoid|reduce|fight|combat|control|help|improve|speed|stabili[sz]e|"
                 r"regulari[sz]e)\b.*$", "", low)
    named = [(kind, m) for kind, (pattern, _) in LAYER_WORDS.items() if (m := re.search(pattern, low))]
    found = min(named, key=lambda n: n[1].start(), default=None)  # the layer the clause starts with
    if not types or found is None or _HELP_WORD.search(low) or re.search(r"\b(?:gap|difference) between\b", low) or \
            CREDIT.search(low) or not re.match(r"\W*(?:(?:added|adding|used|using|with|introduced|introducing|applied|"
                                                r"includ\w*|contain\w*|has|have|no|without|removed)\s+)?(?:\w+\s+){0,2}$",
                                                low[:found[1].start()]):
        return None
    kind, at = found
    if kind == "GAP" and not (re.search(r"\bGAP\b", clause) or re.search(r"global|gap layer", low)):
        return None  # "the gap over the last 3": train's lead over test, not the pooling layer
    rest = low[at.end():]
    if re.search(r"accura|loss|over-?fit|under-?fit|\bgap\b|speed|faster|slower|\btrain|\btest|%|improv|increas|decreas|"
                 r"help|better|worse|stabl|boost|regulari[sz]|\d\.\d|\bwent\b|\b(?:considered|option|choice|candidate|would|"
                 r"could|might|may|should)\b", rest):
        return None  # what the layer did, not that it is there: the effect's readers; an opinion of it, or a plan
    has = any(t.startswith(prefix) for t in types for prefix in LAYER_WORDS[kind][1])
    if kind == "GAP" and not has and _FUNCTIONAL_GAP.search(_model_code(step)):
        has = True  # a functional GAP in forward
    if kind == "GAP" and not has and not step.run.code:
        return None  # a summary does not list a functional pool
    absent = bool(re.search(r"\b(?:no|without|removed)\s+(?:\w+\s+){0,2}$", low[:at.start()]) or
                  re.match(r"\s*(?:layers?\s*)?[:=-]\s*(?:none|no|off|not used|unused|0(?:\.0+)?|false|—|-)\s*$",
                           rest))  # "Dropout: none"
    said = f"layer types: {', '.join(dict.fromkeys(types))} (the model's modules)"
    if has == absent:
        return Claim(number, clause, False, said, "layers")
    if re.search(r"\bafter (?:each|every|all) (?:conv\w*|convolution\w*)", rest):
        convs = [i for i, t in enumerate(types) if t.startswith("Conv")]
        after = [types[i + 1:j] for i, j in zip(convs, convs[1:], strict=False)]
        ok = all(any(t.startswith(LAYER_WORDS[kind][1][0]) for t in between) for between in after)
        return Claim(number, clause, ok, said, "layers")
    if followed := _FOLLOWED.match(rest):
        return _followed_by(step, types, LAYER_WORDS[kind][1], followed, clause, number, said)
    rest = re.sub(r"[\d,.]+\s*k?\s*(?:params|parameters|weights)\b", "", rest)  # "a GAP network of at most 8,000 parameters"
    if re.search(r"\d|\b(?:after|before|followed|between|each|every|per|then)\b", rest):
        return Claim(number, clause, None, f"{said}: where it sits is not read", "layers")
    return Claim(number, clause, True, said, "layers")


_FOLLOWED = re.compile(r"\W*(?:layers?\s+)?(?:is\s+|are\s+)?followed by (?:an? )?(?:(?P<size>(?P<k>\d)\s*[x×]\s*\d)\s+)?"
                       r"(?P<next>conv\w*|linear|fc|fully[ -]connected|dropout|batch[ -]?norm\w*|bn|relu|max[ -]?pool\w*)\W*$")
_NEXT_TYPES = {"conv": "Conv", "linear": "Linear", "fc": "Linear", "fully": "Linear", "dropout": "Dropout", "batch": "BatchNorm",
               "bn": "BatchNorm", "relu": "ReLU", "max": "MaxPool"}


def _followed_by(step: Step, types: list[str], kinds: tuple, followed: re.Match, clause: str, number: int,
                 said: str) -> Claim:
    """"GAP layer followed by 1x1 convolution": a layer of the kind said with the next one right after it (of the
    kernel said, where the modules record kernels; not settled where they do not)."""
    want = next(t for w, t in _NEXT_TYPES.items() if followed["next"].replace("-", " ").startswith(w))
    at = [i + 1 for i, t in enumerate(types[:-1]) if t.startswith(kinds) and types[i + 1].startswith(want)]
    if not at:
        return Claim(number, clause, False, f"{said}: none followed by {want}", "layers")
    if followed["k"] is None:
        return Claim(number, clause, True, said, "layers")
    modules = list(step.run.modules.values())
    if len(modules) != len(types):  # a hand-in's kinds alone: no kernel sizes
        return Claim(number, clause, None, f"{said}: its kernel size is not read", "layers")
    ok = any((modules[i].get("kernel_size") or [0])[0] == int(followed["k"]) for i in at)
    return Claim(number, clause, ok, f"{said}; the {want} after it: kernel {modules[at[0]].get('kernel_size')}", "layers",
                 (re.sub(r"\s", "", followed["size"]),))


def _table_cell(step: Step, seeds: dict, by_seed: bool, key: int, column: str) -> tuple[float | None, str]:
    """The record an inline table's cell stands for: its column's quantity at its row's epoch or seed."""
    if by_seed:
        curve = seeds.get(key) or []
        if not curve:
            return None, column
        if level := re.fullmatch(r"epochs? at or above (\d{2}(?:\.\d+)?)\s*%?", column):  # "Epochs ≥ 99.4": how many
            return sum(1 for v in curve if v >= float(level[1])), f"epochs at or above {level[1]}"
        if re.search(r"best|max|peak|top", column):
            return max(curve), "best test"
        if re.search(r"min|low|worst", column):
            k = int(last[1]) if (last := re.search(r"\blast (\d+)", column)) else step.last
            return min(curve[-k:]), f"lowest of the last {k}"
        if (at := re.search(r"\bepoch (\d+)", column)) and 1 <= int(at[1]) <= len(curve):
            return curve[int(at[1]) - 1], f"test at epoch {at[1]}"  # "test % epoch 4"
        return curve[-1], "final test"
    if (seed := re.fullmatch(r"(?:seed|s)\s*#?(\d+)(?:\s+test(?: acc\w*)?)?", column)) and seeds:  # a column a seed's: its
        curve = seeds.get(int(seed[1])) or []  # test curve at the row's epoch
        return (curve[key - 1] if 1 <= key <= len(curve) else None), f"seed {seed[1]}'s test"
    rows = step.run.epochs
    if not 1 <= key <= len(rows):
        return None, column
    epoch = rows[key - 1]
    if re.fullmatch(r"lr|rate|learning rate", column):
        return epoch.lr, "rate"
    if "loss" in column:
        return (epoch.train_loss, "train loss") if "train" in column else (epoch.test_loss, "test loss")
    if _WRONG_COLUMN.search(column):  # "Wrong / 10k": the test images missed at that epoch
        return _errors_at(epoch.test_acc), "test errors"
    if column.startswith("gap"):  # "Gap (tr−te)": train - test at that epoch, as the header orders them
        return (epoch.test_acc - epoch.train_acc if " te tr" in column else epoch.train_acc - epoch.test_acc), "train - test"
    if column.startswith("change"):  # "Δ test": the move from the epoch before
        kind = "train" if "train" in column else "test"
        return (None if key < 2 else getattr(epoch, f"{kind}_acc") - getattr(rows[key - 2], f"{kind}_acc")), f"change of {kind}"
    return (epoch.train_acc, "train") if "train" in column else (epoch.test_acc, "test")


_WRONG_COLUMN = re.compile(r"\b(?:wrong|errors?|mistakes|misclassified|missed)\b")


_EVERY_DIGIT = re.compile(r"\b(?P<no>no|not a single)?(?:every|each|all(?: the)?|all ten|the)?\s*(?P<other>other\s+)?"
                          r"(?:digits?|class(?:es)?)\b(?!\s+\d)")
_APART = re.compile(r"\b(?:apart from|except(?: for)?|other than|besides|but for|save for)\s+(?P<said>(?:(?:the|digits?|classes?|"
                    rf"and|&|,|{'|'.join(DIGIT_WORDS)}|\d(?:'?s)?(?!\s*%|\.\d|\d))\s*)+)")


def _every_digit(low, clause, step, previous, number) -> Claim | None:
    """"Every digit is above 98 %", "all digits except 6 are above 99 %", "apart from the 6s (98.4 %), every digit
    is above 99 %", "every other digit" (the ones the sentence names set apart), "no digit is below 95 %": each
    digit's accuracy (per_class.csv) against the level said, the digits set apart left out and their figure read."""
    every = next((m for m in _EVERY_DIGIT.finditer(low) if m[0].split()[0] in ("no", "not", "every", "each", "all", "the")
                  and (m["no"] or not m[0].startswith("the") or m["other"])), None)
    if every is None or not step.run.per_class or re.search(r"\b(?:errors?|mistakes|wrong|misclassified)\b", low) or \
            (level := _level(low[every.end():])) is None:
        return None  # a count of errors against a level: the per-class reader's
    rows = {r.digit: r for r in step.run.per_class}
    apart = _APART.search(low)
    named = [DIGIT_WORDS[w] if w in DIGIT_WORDS else int(w[0]) for w in re.findall(
        rf"\b(?:{'|'.join(DIGIT_WORDS)}|\d(?:'?s)?)\b", apart["said"])] if apart else []
    if every["other"] and not named:  # "Digit 6 is the weak spot; every other digit ...", "..., so 8 is the one to fix"
        named = [int(m[1] or m[2]) for m in re.finditer(r"\b(?:digit|class)\s+(\d)\b|\b(?:so|but|only|except)\s+(?:the\s+)?"
                                                        r"(\d)s?\s+(?:is|are|was|were)\b", _SENTENCE.get() or low)]
    own = [(d, m[1]) for d in named if (m := re.search(rf"\b{d}(?:'?s)?\s*\(\s*(\d{{2,3}}(?:\.\d+)?)\s*%?\s*\)", low))]
    others = [r for d, r in sorted(rows.items()) if d not in named]
    held = [_holds(r.exact, level.x, level.kind) for r in others]
    ok = (not any(held) if every["no"] or level.negated else all(held)) and all(said_as(rows[d].exact, t) for d, t in own)
    said = ", ".join(f"{r.digit}: {r.exact:.2f}" for r in others)
    return Claim(number, clause, ok, f"per-class accuracy{' (set apart: ' + ', '.join(map(str, named)) + ')' if named else ''}"
                 f": {said} % ({records.PER_CLASS})", "threshold", (level.text, *map(str, named), *(t for _, t in own)))


def _about_digits(low: str) -> bool:
    """A clause that speaks of digits' figures: their errors, accuracy or rank, or a digit's count where the sentence
    counts errors ("..., while the nines improved to 39", "8 is weak at about 71 %", "...; 9 from 53 to 34")."""
    sentence = _SENTENCE.get() or ""
    plural = "|".join(w for w in DIGIT_WORDS if w.endswith("s"))  # "Ones are best at 99.74 %" (not "counting from zero")
    if re.search(r"\b(errors?|mistakes?|wrong|misclassified|accuracy|right|correct|class|digits?|recogni[sz]ed|%)", low) or \
            "%" in low and re.match(rf"\W*(?:(?:while|whereas|but|and)\s+)?(?:the\s+)?(?:{plural})\b", low):
        return True
    named = re.fullmatch(rf"\W*(?:the\s+)?(?:{'|'.join(DIGIT_WORDS)})\s*:?\s*\d+\W*", low)  # "the nines: 39"
    if (_WORST.search(low) or _BEST.search(low) or named) and re.search(r"\b(?:digits?|class(?:es)?|errors)\b", sentence):
        return True
    if re.match(r"\W*\d\s+from\s+\d+\s+to\s+\d+", low) and re.search(r"\berrors?\b", sentence):
        return True
    if (re.search(r"\b(?:improved|dropped|fell|rose|grew|went (?:up|down)|came down|is down|is up) to \d+\s*$", low) or
            re.match(r"\W*(?:while\s+|whereas\s+)?(?:the\s+)?\d\s+(?:has|had|is|was)\b[^%\d]*\b(?:just|only)\s+\d+\s*$",
                     low)) and \
            re.search(r"\b(?:errors?|mistakes)\b", sentence):
        return True
    return bool(re.search(r"(?:^\W*|\bwhile\s+|\bwhereas\s+)\d\s+(?:is|was)\b[^%]*\d\s*%", low) or
                re.search(r"(?:^\W*|\bthe\s+)\d\s+(?:itself\s+)?(?:fell|dropped|rose|went|improved|climbed|came|comes)\b[^%]*"
                          r"\d\s*%", low) and re.search(r"\b(?:digits?|class(?:es)?)\b|\bitself\b", sentence + low))


# "Step 1 had 15 errors on the 0s", "while step 2's worst was digit 3": a clause about that step's classes
_STEP_HEAD = re.compile(r"\W*(?:(?:while|whereas|but|though)\s+)?(?:in\s+)?(?:step|model)[ _-]?(\d+)\b")


_TIMES = re.compile(r"\b(?P<tol>over|more than|about|roughly|nearly|almost|around|~|under|less than)?\s*(?P<n>\d+(?:\.\d+)?|"
                    r"two|three|four|five|six|seven|eight|nine|ten)\s*(?:x|×|times)\s+(?:as many (?:errors |mistakes )?as\s+)?"
                    r"(?:the (?:errors|mistakes) of\s+)?(?:(?:digit|class)\s+(?P<d>\d|" + "|".join(_NUMBER_NAMES) + r")\b|"
                    r"the\s+(?P<s>\d)s'?(?=\s|$))")  # "5x the 1s' 28": the 1s' errors


def _error_ratio(low, clause, step, previous, number) -> Claim | None:
    """"Digit 9's 33 errors were more than four times digit 1's ten", "19 wrong each, which is over 6x digit 0's 3": the
    errors of the digit named first against the other's, as a ratio, within the words' tolerance (a bare ratio
    rounded, "about" within 15 %)."""
    rows = {r.digit: r for r in step.run.per_class}
    found = _TIMES.search(low)
    first = re.search(r"\b(?:digits?|class(?:es)?)\s+(\d|" + "|".join(_NUMBER_NAMES) + r")\b|\bthe (\d)s\b",
                      low[:found.start()]) if found else None
    if not rows or first is None:
        return None
    mine, theirs = (rows.get(int(d) if d.isdigit() else _NUMBER_NAMES.index(d))
                    for d in (first[1] or first[2], found["d"] or found["s"]))
    if mine is None or theirs is None or not theirs.errors:
        return None
    ratio, n, tol = mine.errors / theirs.errors, float(_count(found["n"]) or 0), found["tol"] or ""
    ok = ratio > n if tol in ("over", "more than") else ratio < n if tol in ("under", "less than") else \
        abs(ratio - n) <= 0.15 * n if tol else round(ratio) == round(n) or abs(ratio - n) <= 0.05 * n
    if counts := re.search(r"\b(\d+)\s+(?:errors|mistakes|wrong)\b", low[:found.start()]):  # "have 114 errors, 5x the 1s' 28"
        ok = ok and int(counts[1]) == mine.errors
    if (theirs_said := re.match(r"(?:'s)?\s*(\d+)\b(?![.,]\d|\s*%)", low[found.end():])) and found["s"]:
        ok = ok and int(theirs_said[1]) == theirs.errors
    return Claim(number, clause, ok, f"digit {mine.digit}'s {mine.errors} errors against digit {theirs.digit}'s "
                 f"{theirs.errors}: {ratio:.2f} times ({records.PER_CLASS})", "figure",
                 tuple(t for t in (found["n"], counts and counts[1], theirs_said and found["s"] and theirs_said[1]) if t))


_RANK_BEFORE = re.compile(r"\b(?:digit|class)\s+(\d),?\s+(?:the|previously the|formerly the|once the)\s+(worst|best|weakest|"
                          r"strongest)(?:\s+(?:digit|class))?\s+(?:before|previously|last time|in the step before),?")


def _answer_only(low: str) -> str:
    """The words a digit's figures are read from: a share in per cent taken out (`_digit_share` reads it), and a "why"
    question's figures left out where its answer names the digits ("Why look at digits when the total is 98%? Because 33
    of the 200 errors are nines, more than any other digit")."""
    low = _SHARE_PCT.sub(lambda m: f"{m['n']} of the {m['m'] + ' ' if m['m'] else ''}errors", low)
    if re.search(r"\b(?:digits?|class(?:es)?)\b", low.partition("?")[2]) and not _DIGIT.search(low.partition("?")[0]):
        low = re.sub(r"^\W*why\b[^?]*\?\s*", "", low)
    return low


def _rank_before(low: str, them: dict, verdicts: list) -> str:
    """"Digit 9, the worst before, went from 120 down to 53": the digit's rank in the step before (its errors the most
    or the fewest there), decided here and taken out of the words this step's ranks are read from."""
    if (said := _RANK_BEFORE.search(low)) is None or int(said[1]) not in them:
        return low
    ranked = sorted(them.values(), key=lambda r: r.exact)
    verdicts.append(them[int(said[1])].exact == (ranked[0] if said[2] in ("worst", "weakest") else ranked[-1]).exact)
    return low.replace(said[0], f"digit {said[1]}", 1)


def _counts_moved(low: str) -> str:
    """"Digit 9 went from 120 down to 53": whole numbers a digit moved between, with no per cent sign, are its errors."""
    return re.sub(r"\b(digit \d\s+(?:went|fell|dropped|came|rose|grew|climbed)\s+(?:down\s+|up\s+)?from\s+\d+\s+"
                  r"(?:down\s+|up\s+)?to\s+\d+)\b(?![.,]?\d|\s*%|\s*(?:errors|mistakes|wrong))", r"\1 errors", low)


def _per_class(low, clause, step, previous, number) -> Claim | None:
    """A digit's figures (per_class.csv): its errors, its accuracy, whether it is the worst or best class, its errors
    against another step's ("39 errors compared with 15 in step 1", "from 144 errors in step 2 to 101")."""
    rows = {r.digit: r for r in step.run.per_class}
    low = re.sub(rf"\s+(?:of|in) (?:step|model)[ _-]?{number}\b", "", _both_said(_lower_in_accuracy(low)))  # "of step 3"
    low = _answer_only(low)
    # "28 errors for the eights in step 1", "the 68 errors it had in step 1": that step's count of the digit said before
    low = re.sub(r"(\d+\s+(?:errors?|mistakes))\s+(?:(?:for|on)\s+(?:the\s+)?(?:digit\s+)?\w+|(?:it|they)\s+(?:had|made|got))"
                 r"(?=\s+in\s+(?:step|model)[ _-]?\d)", r"\1", low)
    if aside := _SET_ASIDE.match(low):  # "After 6, the most mistakes are on 5 and 9": the rank among the others
        rows, low = {d: r for d, r in rows.items() if d != int(aside[1])}, low[aside.end():]
    low, ranked_at = _ordinal_rank(low, rows)
    denied = _denied(low, rows)
    low = _digit_by_digit(re.sub(r",?\s*\bnot (?:digit |class |the )?\d\b(?!\s*%|\.\d)", "", low) if denied else low)
    mentions = _digit_mentions(low)
    if not rows or not mentions or not _about_digits(low):
        return None
    them = {r.digit: r for r in previous.run.per_class} if previous is not None else {}
    if previous is not None and (head := _STEP_HEAD.match(low)) and \
            int(head[1]) == number - 1:  # "Step 1 had 15 errors on the 0s": the clause is that step's
        rows, them = them, {}
    said, verdicts, used = [], [v for v, _ in ranked_at], [d for _, d in ranked_at]
    low = _counts_moved(_rank_before(low, them, verdicts))
    low = _digits_pair(low, mentions, rows, verdicts, used)
    for digit in denied:  # "the worst class is 8, not 9": 9 is not the worst
        ranked = sorted(r.exact for r in rows.values())
        verdicts.append(rows[digit].exact > ranked[0] if _WORST.search(low) else rows[digit].exact < ranked[-1])
        used.append(str(digit))
    lead = ""
    for i, (start, end, digit) in enumerate(mentions):
        part = low[end:mentions[i + 1][0] if i + 1 < len(mentions) else len(low)].split("followed by")[0]
        part = (" at" if re.search(r"\d\s*at$", low[start:end]) else "") + part  # "then 8 at 71": its word kept
        before, lead = low[:start] if i == 0 else lead, ""
        if _WORST.search(low[start:end]) or _BEST.search(low[start:end]):
            before += " " + low[start:end]  # "Worst 5 (92.9%)": the rank said in the digit's own words
        if i + 1 < len(mentions) and (tail := re.search(r"[,;]\s*(?:and\s+)?[^,;\d]*$", part)):
            part, lead = part[:tail.start()], tail[0]  # "worst 3 (23 errors), best digit 0": "best" is 0's word
        if digit in rows:
            verdicts += _digit_said(low, part, before, rows, them, digit, used, len(mentions))
            said.append(f"digit {digit}: {rows[digit].exact:.2f} %, {rows[digit].errors} errors")
    than, subjects = _than_digit(low, mentions, rows)
    verdicts += _rank_order(low, mentions, rows) + than
    if not verdicts:
        return None
    said[:0] = [f"digit {d}: {rows[d].exact:.2f} %, {rows[d].errors} errors" for d in subjects]  # "it": the digit it stands for
    used += [str(digit) for _, _, digit in mentions if digit in rows] + ([aside[1]] if aside else [])  # the digits named
    ranked = sorted(rows.values(), key=lambda r: r.exact)
    said.append(f"worst digit {ranked[0].digit} ({ranked[0].exact:.2f} %), best {ranked[-1].digit} "
                f"({ranked[-1].exact:.2f} %)")
    return Claim(number, clause, all(verdicts), "; ".join(said) + f" ({records.PER_CLASS})", "figure", tuple(used))


_THAN = re.compile(r"\b(better|worse|higher|lower|stronger|weaker|more|fewer|less)\b(?:\s+(?:errors?|mistakes))?\s+than\s+")


def _than_digit(low: str, mentions: list[tuple[int, int, int]], rows: dict) -> tuple[list[bool], list[int]]:
    """"Digit 8 is weak at 71.4 % but still it is better than digit 6", "7 and 9 have 21 errors each, more than digit 3":
    the digits named before the words (or the sentence's first digit, where "it" stands for it) against the digit right
    after "than"; by errors where the words count ("more", "fewer", "a higher error count"), else by accuracy. Also the
    digits "it" stood for (the clause does not name them)."""
    verdicts, subjects = [], []
    for m in _THAN.finditer(low):
        after = [d for s, _, d in mentions if s == m.end()]
        before = [d for _, e, d in mentions if e <= m.start()]
        if not before and re.search(r"\b(?:it|they)\b", low[:m.start()]):
            sentence = _SENTENCE.get() or ""
            at = sentence.find(low[m.start():m.end() + 8])
            before = [d for _, e, d in _digit_mentions(sentence[:at])][:1] if at > 0 else []
            subjects += [d for d in before if d in rows]
        if not after or not before or any(d not in rows for d in (*before, after[0])):
            continue
        them = rows[after[0]]
        counted = m[1] in ("more", "fewer", "less") or re.search(r"errors?|mistakes", m[0])
        up = m[1] in ("better", "higher", "stronger", "more")
        verdicts += [(rows[d].errors > them.errors if up else rows[d].errors < them.errors) if counted else
                     (rows[d].exact > them.exact if up else rows[d].exact < them.exact) for d in before]
    return verdicts, subjects


def _lower_in_accuracy(low: str) -> str:
    """"..., while the 8 has 68 errors but the 5 is lower in accuracy (92.94 % against 93.02 %)": the second figure is the
    digit named before it, where the order said holds (else the pair is left as said, both read as the first digit's)."""
    m = re.search(r"\bthe (\d) is (lower|higher|better|worse) in accuracy \(\s*(\d{2,3}(?:\.\d+)?)\s*%?\s*(?:against|vs\.?)\s*"
                  r"(\d{2,3}(?:\.\d+)?)\s*%?\s*\)", low)
    sentence = _SENTENCE.get() or low
    if m is None or (at := sentence.find(m[0])) < 0 or not (named := _digit_mentions(sentence[:at])) or \
            (float(m[3]) < float(m[4])) != (m[2] in ("lower", "worse")):
        return low
    return low[:m.start()] + f"digit {m[1]} at {m[3]} %, and digit {named[-1][2]} at {m[4]} %" + low[m.end():]


_ORDINAL_RANK = re.compile(r"\b(second|third|fourth|fifth|2nd|3rd|4th|5th)[- ](?:most\s+)?(worst|weakest|lowest|hardest|"
                           r"best|strongest|highest|easiest)\b")


def _ordinal_rank(low: str, rows: dict) -> tuple[str, list[tuple[bool, str]]]:
    """"Digit 8 is the second-worst class", "threes are the third weakest": the digit nearest the words holds that
    place in the ranking by accuracy (a tie holds either place); the words then left out for the readers of the
    worst and best."""
    found, out = _ORDINAL_RANK.search(low), []
    mentions = [m for m in (_digit_mentions(low) if found else [])  # "second worst after the 2s": the 2s rank first
                if not re.search(r"\b(?:after|behind|than|besides|apart from)\s+(?:the\s+)?(?:digit\s+|class\s+)?$", low[:m[0]])]
    if not found or not mentions or not rows:
        return low, out
    digit = min(mentions, key=lambda m: min(abs(m[0] - found.end()), abs(m[1] - found.start())))[2]
    # "9 and 3 share third-worst place": the digits named together hold that place and the next between them
    group = {m[2] for m in mentions if m[1] <= found.start()} if re.search(r"\b(?:share|shared|tie|tied|joint)\b", low) else set()
    group = group if len(group) > 1 and group <= rows.keys() else {digit}
    if digit not in rows:
        return low, out
    place = {"second": 2, "third": 3, "fourth": 4, "fifth": 5}.get(found[1], int(found[1][0]) if found[1][0].isdigit() else 0)
    by_errors = re.match(r"\s*(?:errors?|mistakes?)", low[found.end():]) is not None  # "the second-highest error count"
    worst = (_WORST.fullmatch(found[2]) is not None) != by_errors
    score = (lambda r: -r.errors) if by_errors else (lambda r: r.exact if worst else -r.exact)
    low_end, high_end = min(score(rows[d]) for d in group), max(score(rows[d]) for d in group)
    ahead = sum(1 for r in rows.values() if score(r) < low_end)
    level = sum(1 for r in rows.values() if low_end <= score(r) <= high_end)
    out.extend((ahead < place <= ahead + level - len(group) + 1, str(d)) for d in sorted(group))
    return low[:found.start()] + "ranked" + low[found.end():], out


_SET_ASIDE = re.compile(r"\W*(?:after|apart from|besides|other than|except(?: for)?|leaving aside)\s+"
                        r"(?:digit\s+|class\s+|the\s+)?(\d)(?:'?s)?\s*,\s*")
_NEXT_IN_RANK = re.compile(r"\b(?:then|next|follows?|followed by|after (?:it|that)|second)\b")


def _rank_order(low: str, mentions: list[tuple[int, int, int]], rows: dict) -> list[bool]:
    """"Worst class 9, then 5", "the most mistakes on 9, 5 next": the digits named in the order of the rank their
    words give (by errors where errors are said, else by accuracy; a tie holds either way)."""
    # "..., then 7 and 9 with 21 each, and digit 2 went from 495 errors to 12": the rank ends where a new subject opens
    ends = [i for i, (start, end, _) in enumerate(mentions) if i and re.search(r"[,;]\s*(?:and|but|while|whereas)\s+"
            r"(?:digit\s+|the\s+)?$", low[:start]) and re.match(r"\s*(?:went|fell|dropped|rose|improved|got|moved)\b", low[end:])]
    digits = list(dict.fromkeys(d for _, _, d in mentions[:ends[0] if ends else None]))
    worst, best = _WORST.search(low), _BEST.search(low)
    rank = worst or best
    if len(digits) < 2 or bool(worst) == bool(best) or rank.start() > mentions[0][1] or \
            not _NEXT_IN_RANK.search(low, mentions[0][1]) or any(d not in rows for d in digits):
        return []
    by_errors = bool(re.search(r"\b(?:errors?|mistakes?|wrong|misclassified)\b", rank[0])) or \
        "%" not in low and re.search(r"\d+\s+(?:errors?|mistakes?)\b", low) is not None  # "3 with 23 errors, then 7"
    score = (lambda r: r.errors if worst else -r.errors) if by_errors else (lambda r: -r.exact if worst else r.exact)
    ordered = sorted((score(r) for r in rows.values()), reverse=True)  # the rank's first, then the next
    return [score(rows[d]) == ordered[i] for i, d in enumerate(digits)]


def _digit_mentions(low: str) -> list[tuple[int, int, int]]:
    """Where each digit is named (start, end, digit); "after the 2s" ranks the digit before it, and names none."""
    return [(m.start(), m.end(),
             DIGIT_WORDS[m["w"]] if m["w"] else int(next(g for g in m.group("d", "s", "b", "c", "e", "f", "t", "g", "h") if g)))
            for m in _DIGIT.finditer(low)
            if not (re.search(r"\bafter\s+$", low[:m.start()]) and re.match(r"(?:the\s+)?\d", m[0]) and
                    (re.search(r"\d", low[:m.start()]) or _DIGIT.search(low[:m.start()]))) and
            not (m["b"] and _LAST_OF_LIST.search(low[:m.start("b")])) and
            not (m["w"] == "zero" and re.search(r"\b(?:almost|nearly|close to|near|about|roughly|practically|essentially|"
                                                r"basically|is|was|are|were|to|at)\s+$", low[:m.start()]))]  # "almost zero"


# "seeds 1 and 3 with 99.51 %", "epochs 3 and 4 (96.47 %": the last of a list of seeds or epochs, no digit
_LAST_OF_LIST = re.compile(r"\b(?:seeds?|epochs?|steps?|models?|layers?|convs?)\s+\d+(?:\s*,\s*\d+)*\s*,?\s*(?:and|or)\s+$")


def _digit_by_digit(low: str) -> str:
    """A clause about digits said again so that each figure sits after its own digit."""
    # "the 3 and the 9 come next after the 7 and the 8 with 15 errors each": the count is theirs, the rank left unread
    low = re.sub(r"\s+(?:come|comes|came|are|is)\s+next\s+after\s+(?:the\s+)?\d(?:\s+and\s+(?:the\s+)?\d)?\b", " come next", low)
    # "the 6s and 9s both have more than 110 errors (114 and 112)": each its own count, the bound of both
    low = re.sub(r"\b(?:the )?(\d)s? and (?:the )?(\d)s? (?:both )?(?:have|had) ([^();]*?)\s*\((\d+) and (\d+)\)",
                 r"digit \1 has \4 errors and digit \2 has \5 errors, both \3", low)
    # "9 is the worst with 36 errors, the same count as 7": 7 has those errors too
    low = re.sub(r"\b(\d+) (errors?|mistakes?)\b([^.;]*?),? (?:(?:the )?same (?:count|number)(?: of (?:errors|mistakes))?|"
                 r"(?<!twice )(?<!times )(?<!half )as many)"
                 r" as (?:digit |class )?(\d)\b", r"\1 \2\3, and digit \4 has \1 \2", low)
    # "9 is the worst, 8 next with 28", "5 and 8 follow with 63 and 68 errors": the digits after the first, named
    low = re.sub(r"\b(\d)s? and (\d)s? (?:follow|come next|are next),?(?: with| at)? (\d+) and (\d+) (errors?|mistakes?)\b",
                 r"digit \1 has \3 \5 and digit \2 has \4 \5", low)
    low = re.sub(r",\s*(?:and\s+)?(\d)\s+(?=(?:is\s+|comes\s+|came\s+)?(?:next|follows?|after that)\b)", r", digit \1 ", low)
    if re.search(r"\b(?:errors?|mistakes?|error count)\b", low):  # "the fewest errors, 7 each": 7 errors each
        low = re.sub(r"\b(\d+) each\b", r"\1 errors each", low)
    if re.search(r"\b(?:each|both|tie[sd]?)\b", low):  # "sixes and nines are both at 88.9 %": each its digit's
        low = re.sub(rf"\b({'|'.join(DIGIT_WORDS)}) and ({'|'.join(DIGIT_WORDS)})\b[^;.\d]*?\b(\d+(?:\.\d+)?)\s*%",
                     lambda m: m[0] if re.search(r"\b(?:below|above|under|over|less|more|least|most)\b", m[0]) else
                     f"digit {DIGIT_WORDS[m[1]]} at {m[3]}% and digit {DIGIT_WORDS[m[2]]} at {m[3]}%", low)
    low = re.sub(r"\bdigits?\s+(\d(?:\s*,\s*\d)*\s*,?\s*and\s+\d)\b(?P<mid>[^;.(:]*?)(?:\(|:\s*)(?P<vals>\d+(?:\.\d+)?\s*%?"
                 r"(?:\s*,\s*\d+(?:\.\d+)?\s*%?)*\s*,?\s*and\s+\d+(?:\.\d+)?\s*%?)\)?", _digits_in_order, low)
    low = re.sub(r"\bboth (\d) and (\d)\b(?!\s*(?:%|epochs?|seeds?|steps?))", r"digits \1 and \2 both", low)  # "Both 5 and 6 sit"
    # "Digits 6 and 9 are both around 88% (114 and 112 errors)": the level each one's, the counts in order
    low = re.sub(r"\bdigits?\s+(\d)\s+and\s+(\d)\b(?P<mid>[^;.\d(]*?\b(?:both|each|all)\b[^;.\d(]*?)"
                 r"(?P<bound>(?:under|below|over|above|(?:less|more|lower|higher) than)\s+)?"
                 r"(?P<tol>(?:about|around|roughly|approximately|~)\s*)?(?P<x>\d+(?:\.\d+)?)\s*%"
                 r"(?:\s*\((?P<e>\d+) and (?P<f>\d+) (?:errors?|mistakes?)\))?",
                 lambda m: f"digit {m[1]} {m['bound'] or 'at '}{m['tol'] or ''}{m['x']} %" +
                 (f" with {m['e']} errors" if m["e"] else "") +
                 f" and digit {m[2]} {m['bound'] or 'at '}{m['tol'] or ''}{m['x']} %" +
                 (f" with {m['f']} errors" if m["f"] else ""), low)
    if re.search(r"\b(?:each|both|tie[sd]?)\b", low):  # "7 and 8 both have 19 errors", "0 and 9 tie at 39 errors each"
        low = _each_digit(low)
    # "far better than the 52 % of the 2s in step 1": the figure after its digit, with its step
    low = re.sub(rf"\b(\d{{1,3}}(?:\.\d+)?)\s*%\s+(?:of|for)\s+(?:the\s+(?P<a>\d)'?s|(?:the\s+)?digit\s+(?P<b>\d)|(?:the\s+)?"
                 rf"(?P<c>{'|'.join(DIGIT_WORDS)}))\b(?P<step>\s+in\s+(?:step|model)[ _-]?\d)?",
                 lambda m: f"digit {m['a'] or m['b'] or DIGIT_WORDS[m['c']]} at {m[1]} %{m['step'] or ''}", low)
    # "digit 8, which was the worst class of Model_1 with 19 errors, ...": the count is that step's
    low = re.sub(r"\b((?:of|in)\s+(?:step|model)[ _-]?(\d+)\s+with\s+(\d+)\s+(?:errors?|mistakes))\b(?!\s+in\b)",
                 r"\1 in step \2", low)
    # "improved to 111 errors from 144": from the step before's count to this one's
    return re.sub(r"\bto (\d+) (errors?|mistakes?) from (\d+)\b(?! (?:errors?|mistakes?)? ?(?:in|at) )",
                  r"from \3 \2 to \1 \2", low)


_TWO_DIGITS = rf"\b(?:digits?\s+|the\s+)?(?P<a>\d|{'|'.join(DIGIT_WORDS)})s? and (?:the\s+)?(?P<b>\d|{'|'.join(DIGIT_WORDS)})s?\b"


def _digit_of(word: str) -> str:
    """A digit as said, "7" or "sevens", as its numeral."""
    return word if word.isdigit() else str(DIGIT_WORDS[word])


def _both_said(low: str) -> str:
    """"Sevens and eights had 19 errors in step 1; both are down to 7": "both" stands for the two digits the sentence
    named before it, each said with the clause's words."""
    both = re.match(r"\W*(?:and\s+)?(?:both(?: of them)?|they both|the two(?: of them)?)\b(?P<rest>[^;]*)$", low)
    whole = _SENTENCE.get() or ""
    if both is None or (start := whole.find(low.strip())) <= 0 or not (named := list(re.finditer(_TWO_DIGITS, whole[:start]))):
        return low
    return ", ".join(f"digit {_digit_of(named[-1][d])}{both['rest']}" for d in "ab")


def _each_digit(low: str) -> str:
    """Two digits given one count each ("7 and 8 both have 19 errors", "sevens and eights had 19 errors each in step 1",
    "the 7s and 9s went from 21 errors each to 36 each"): the count said of each digit, with the step said after it."""
    low = re.sub(_TWO_DIGITS + r"(?P<mid>[^;.\d]*?)\bfrom (?P<x>\d+) (?:errors?|mistakes?) each to (?P<y>\d+)"
                 r"(?: errors?| mistakes?)? each\b",
                 lambda m: " and ".join(f"digit {_digit_of(m[d])}{m['mid']}from {m['x']} errors to {m['y']} errors"
                                        for d in "ab"), low)
    return re.sub(_TWO_DIGITS + r"[^;.\d]*?\b(?P<n>\d+) (?P<unit>errors?|mistakes?)(?: each)?"
                  r"(?P<step>\s+in\s+(?:step|model)[ _-]?\d\b)?",
                  lambda m: " and ".join(f"digit {_digit_of(m[d])} has {m['n']} {m['unit']}{m['step'] or ''}" for d in "ab"), low)


def _digits_in_order(m: re.Match) -> str:
    """"Digits 5, 6 and 8 all have more than 20 errors (23, 25 and 28)", "Digits 5 and 8 are also weak: 92.9% and
    93.0%": each digit its figure, in order, where the
    figures meet the level the words give them all (else the words are left as said)."""
    digits, values = re.findall(r"\d", m[1]), re.findall(r"\d+(?:\.\d+)?", m["vals"])
    if re.search(r"\d\s*%", m["mid"]):  # "are both around 88% (114 and 112 errors)": a level of them all, read apart
        return m[0]
    level = re.search(r"\b(more|over|above|fewer|less|under|below)(?: than)?\s+(\d+(?:\.\d+)?)", m["mid"])
    up = level is not None and level[1] in ("more", "over", "above")
    if len(digits) != len(values) or level and not all((float(v) > float(level[2])) == up for v in values):
        return m[0]
    unit = " %" if "%" in m["vals"] or "%" in m["mid"] else " errors"
    return ", ".join(f"digit {d} {'at' if unit == ' %' else 'has'} {v}{unit}" for d, v in zip(digits, values, strict=True))


def _digits_pair(low: str, mentions: list, rows: dict, verdicts: list, used: list) -> str:
    """Two digits named, then two accuracies ("the 2s are below the 8s: 52.0% vs 71.4%"): each its digit's, decided
    (into `verdicts`) and taken out of the words the digits' own readings see."""
    pair = re.search(r"(\d{1,3}(?:\.\d+)?)\s*%\s*(?:vs\.?|versus|against|and|/)\s*(\d{1,3}(?:\.\d+)?)\s*%",
                     low[mentions[-1][1]:]) if len(mentions) in (1, 2) else None
    if pair is None or not all(d in rows for *_, d in mentions):
        return low
    if len(mentions) == 1:  # "8 is the worst by acc (98.05 vs 98.15)": its figure against the next digit's
        rest = low[mentions[-1][1] + pair.end():]
        if not (_WORST.search(low) or _BEST.search(low)) or " vs" not in pair[0] and "against" not in pair[0] or \
                re.match(r"\s*(?:in|for|at)\s+(?:step|model)", rest):  # "88.6% against 85.2% in step 2": its own then
            return low
        digit = mentions[0][2]
        named = {int(m[1]) for m in re.finditer(r"(?<![\d.])(\d)(?![\d.])", _SENTENCE.get() or "")} & set(rows) - {digit}
        verdicts.append(said_as(rows[digit].exact, pair[1]) and  # the other digit the sentence names, else any
                        any(said_as(r.exact, pair[2]) for d, r in rows.items() if d in (named or set(rows) - {digit})))
        used += [pair[1], pair[2]]
        return low[:mentions[-1][1]] + low[mentions[-1][1]:].replace(pair[0], " " * len(pair[0]), 1)
    for (*_, digit), text in zip(mentions, (pair[1], pair[2]), strict=True):
        verdicts.append(said_as(rows[digit].exact, text) or said_as(rows[digit].accuracy, text))
        used.append(text)
    return low[:mentions[-1][1]] + low[mentions[-1][1]:].replace(pair[0], " " * len(pair[0]), 1)


def _denied(low: str, rows: dict) -> list[int]:
    """The digits a worst / best claim denies ("the worst class is 8, not 9")."""
    if not (_WORST.search(low) or _BEST.search(low)):
        return []
    return [int(d) for d in re.findall(r",?\s*\bnot (?:digit |class |the )?(\d)\b(?!\s*%|\.\d)", low) if int(d) in rows]


_THEN = re.compile(r"(?:instead of|down from|up from|vs\.?|versus|compared (?:with|to)|against)\s*$")  # the step before's


_ERROR_WORDS = r"\berrors?|\bmistakes?|\bwrong\b|misclassified"


def _count_said(count: int, text: str, before: str) -> bool:
    """A count as said: exactly, "nearly 500" (within a tenth below it, up to it), "about 500" (within a tenth)."""
    n = _num(text)
    if re.search(r"\b(?:nearly|almost|close to|just under)\s*$", before):
        return 0.9 * n <= count <= n
    if re.search(r"(?:\b(?:about|around|roughly|approximately)|~|≈)\s*$", before):
        return abs(count - n) <= 0.1 * n
    if more := re.search(r"\b(more than|over|above|at least|fewer than|less than|under|below|at most)\s*$", before):
        return count >= n if more[1] == "at least" else count <= n if more[1] == "at most" else \
            count > n if more[1] in ("more than", "over", "above") else count < n  # "both have more than 110 errors"
    return count == n


def _digit_said(low: str, part: str, before: str, rows: dict, them: dict, digit: int, used: list[str],
                named: int = 1) -> list[bool]:
    """What the words about one digit say of it (`part`: its words; `before`: the clause's words before the first
    digit), each decided; the numbers read are added to `used`."""
    row = rows[digit]
    part, verdicts = _share_moved(part, row, them.get(digit), used)
    moved = re.search(r"\bfrom\s+(\d+)\s+(?:(?:errors?|mistakes)\s+)?(?:down\s+|up\s+)?to\s+(?:only\s+|just\s+)?(\d+)\b"
                      r"(?!\s*%|\.\d)", part)
    down = re.search(r"(?<![\d.])(\d+)(?:\s+(?:errors?|mistakes))?,?\s+(?:down|up)\s+from\s+(\d+)\b(?!\s*%|\.\d)", part)
    if down:
        if digit in them:  # "the most errors, 111, down from 144": this step's, then the step before's
            verdicts.append(_num(down[1]) == row.errors and _num(down[2]) == them[digit].errors)
            used.extend([down[1], down[2]])
        part = part.replace(down[0], " ")
    for found in re.finditer(r"(?:\bfrom\s+|\bhas\s+|\bonly\s+|\bjust\s+)?(?<![\w.])(?<!step )(?<!model )(?<!\bas a )(?<!\bas )"
                             r"(?<!\bfor a )(\d+)(?:\s+(?:errors?|mistakes?|misclassified|"
                             r"wrong|misses|of the errors|of them(?=\s*$))|\s*(?=(?:\s*(?:now|here|in this step))?\s*\.?$))"
                             r"(?P<other>\s+in\s+(?:step|model)[ _-]?\d)?|\b(\d+)\s+of\s+(?:the\s+\S+|them|those)\s+"
                             r"(?:are|were)\s+(?:wrong|misclassified|misread|mistaken)|"
                             r"(?:compared (?:with|to)|against|from|vs\.?|versus)\s+(\d+)"
                             r"(?:\s+errors?)?\s+in\s+"
                             r"(?:step|model)[ _-]?\d", part):
        text = found[1] or found[3] or found[4]
        if found[1] and re.match(r"\s*(?:now|here|in this step)", part[found.end():]) and _THEN.search(part[:found.start()]):
            continue  # "63 errors in step 1 against 33 now": this step's count beside that one's, read with its pair
        if found[0].startswith("from") and not found["other"] and moved:
            continue  # "from 120 errors to 53": the step before's, read with its pair
        if found[1] and re.fullmatch(r"\s*\d+\s*", found[0]) and _num(text) <= 100 and \
                re.search(r"\b(?:at|to)\s*$", part[:found.start(1)]) and not re.search(_ERROR_WORDS, part):
            # "then 8 at 71", "digit 0 fell to 96": its accuracy, whole; where the sentence counts errors elsewhere
            # ("2 at 52.03 (495 wrong), then 8 at 71"), its count is the other reading
            counted = re.search(_ERROR_WORDS, _SENTENCE.get() or "") is not None
            verdicts.append(said_as(row.exact, text) or counted and _num(text) == row.errors)
            used.append(text)
            continue
        other = found["other"] or found[4] or _THEN.search(part[:found.start(1) if found[1] else 0])
        errors = (them[digit].errors if digit in them else None) if other else row.errors
        if errors is not None:
            verdicts.append(_count_said(errors, text, part[:found.start()]))
            used.append(text)
    if before and (ahead := re.search(r"(?:\bonly\s+|\bjust\s+)?(\d+)\s+(?:of\s+the|misclassified|wrong|mistaken|(?:errors?|"
                                      r"mistakes?)\s+(?:on|for|among|with|makes?|made)(?:\s+the)?)\s*$", before)):
        verdicts.append(_num(ahead[1]) == row.errors)  # "6 of the 2s are misclassified", "495 misclassified 8s"
        used.append(ahead[1])
    if moved and digit in them:
        verdicts.append(_num(moved[1]) == them[digit].errors and _num(moved[2]) == row.errors)
        used += [moved[1], moved[2]]
    verdicts += _counts_beside(part, row, them.get(digit), used) + _digit_words(part, before, row)
    verdicts += _digit_percents(("" if used else _last_joint(before)) + part, row, them.get(digit), used)
    return verdicts + _digit_against(low, part, before, rows, them, digit, named)


def _last_joint(before: str) -> str:
    """The words after the clause's last joint ("..., to 99.41 %, and 0 was never misclassified": none of them the 0's)."""
    return re.split(r",\s*(?:and|but|while|whereas)\s+|;|,\s*$", before)[-1]


def _digit_words(part: str, before: str, row) -> list[bool]:
    """What a digit's words say with its counts: the way it went against the two counts said ("improved from 11 errors
    to 15": fewer errors is better), and no errors at all ("0 was never misclassified", "the 1s had no errors")."""
    verdicts = []
    pair = re.search(r"\bfrom\s+(\d+)\s+(?:(?:errors?|mistakes)\s+)?(?:in\s+(?:step|model)[ _-]?\d+\s+)?(?:down\s+|up\s+)?to\s+"
                     r"(?:only\s+|just\s+)?(\d+)\b(?!\s*%|\.\d)", part)
    if pair and (way := re.search(r"\b(improv\w*|better|fell|dropped|down|fewer|worse\w*|rose|grew|up|more)\b", before + part)):
        verdicts.append((_num(pair[2]) < _num(pair[1])) == (way[1][:4] in ("impr", "bett", "fell", "drop", "down", "fewe")))
    if re.match(r"\s*(?:(?:(?:was|were|is|are)\s+)?never\s+(?:misclassified|wrong|mistaken|misread|missed)|"
                r"(?:had|has|got|made)\s+"
                r"no\s+(?:errors?|mistakes))\b", part):
        verdicts.append(row.errors == 0)
    return verdicts


def _counts_beside(part: str, row, then, used: list[str]) -> list[bool]:
    """A digit's error counts said against another step's ("63 errors in step 1 against 23 now", "from 144 errors in
    step 2 to 101": this step's), and said bare where the sentence speaks of errors ("twice as many as digit 2 (18)":
    its count; "111 errs, 88.6% (was 144 in step 2)": that step's)."""
    verdicts = []
    if (here := re.search(r"\b(?:against|vs\.?|versus|compared (?:with|to))\s+(\d+)(?:\s+(?:errors?|mistakes))?\s+(?:now|here|"
                          r"this time|in this step)\b", part)) is not None:
        verdicts.append(_num(here[1]) == row.errors)
        used.append(here[1])
    counted = re.search(_ERROR_WORDS, _SENTENCE.get() or "") is not None
    if counted and (count := re.match(r"\s*\(\s*(\d+)\s*\)", part)) and count[1] not in used and "%" not in part:
        verdicts.append(_num(count[1]) == row.errors or _num(count[1]) <= 100 and said_as(row.exact, count[1]))  # or "(98)"
        used.append(count[1])
    if counted and then is not None and (was := re.search(r"\b(?:was|were|had|from)\s+(\d+)\s+in\s+(?:step|model)[ _-]?\d\b"
                                                          r"(?!\s*to\b)", part)) and was[1] not in used:
        verdicts.append(_num(was[1]) == then.errors)
        used.append(was[1])
    if (now := re.search(r"\bin\s+(?:step|model)[ _-]?\d\s+to\s+(?:only\s+|just\s+)?(\d+)\b(?!\s*%|\.\d)", part)) is not None:
        verdicts.append(_num(now[1]) == row.errors)
        used.append(now[1])
    return verdicts + _way_from(part, row, then)


def _digit_against(low: str, part: str, before: str, rows: dict, them: dict, digit: int, named: int) -> list[bool]:
    """A digit's rank, in this step or in the one its words name ("Digit 3, the weakest in step 2"), and whether it got
    better or worse than in the step before (beyond the noise; inside it the word is left, not decided)."""
    verdicts, row = [], rows[digit]
    said = part + " " + before
    if digit in them and (way := re.search(r"\b(?:got|gets|became|is|was|did)\s+(?:much\s+|a bit\s+|slightly\s+)?(worse|"
                                           r"better)\b(?!\s+than\s+(?:digit\s+|class\s+|the\s+)\d\b)|"
                                           r"\b(improved|worsened|declined)\b", said)) and \
            (moved := _digit_moved(row, them[digit], (way[1] or way[2]) in ("better", "improved"))) is not None:
        verdicts.append(moved)
    if digit in them and (longer := re.search(r"\bno longer (?:the\s+)?(worst|weakest|best|strongest)\b(?:\s+(?:class|digit))?\s+"
                                              r"(?:like|as)\s+(?:it was\s+)?in\s+(?:step|model)[ _-]?\d", said)):
        ranked = sorted(them.values(), key=lambda r: r.exact)  # "no longer the worst class like in step 1": it was then
        verdicts.append(them[digit].digit == (ranked[0] if longer[1] in ("worst", "weakest") else ranked[-1]).digit)
    if digit in them and re.search(r"\b(?:worst|weakest|best|strongest|hardest|easiest)\s+(?:digit\s+|class\s+|one\s+)?"
                                   r"(?:in|of)\s+(?:step|model)[ _-]?\d|\b(?:worst|weakest|best|strongest)\s+(?:before|"
                                   r"previously)\b", said):
        return verdicts + _digit_rank(low, part, before, them, them[digit], named)
    return verdicts + _digit_rank(low, part, before, rows, row, named)


def _digit_moved(row, then, better: bool) -> bool | None:
    """A digit that got better or worse than in the step before: its accuracy against that step's, beyond the noise
    of the two scores on its own test images (inside it: not settled)."""
    images = row.support or 1000
    noise = math.hypot(noise_band(row.exact, images), noise_band(then.exact, then.support or images))
    return None if abs(row.exact - then.exact) <= noise else (row.exact > then.exact) == better


def _digit_rank(low: str, part: str, before: str, rows: dict, row, named: int) -> list[bool]:
    """A digit's rank as said: worst / best (by accuracy, or by the count where the words name errors), the second
    worst, one of the worst K where K digits are named."""
    verdicts = []
    ranked = sorted(rows.values(), key=lambda r: r.exact)
    if re.search(r"\bafter (?:the )?\d(?:'?s)?\b|\b(?:second|next)[- ](?:worst|weakest|lowest)", low):  # "after 2, the 8s"
        ranked = ranked[1:]
    # "the worst digits, 9 and 7": as many of the lowest as the digits it names
    k = named if re.search(r"\b(?:worst|weakest|best|strongest|hardest|easiest) (?:digits|classes)\b", low) else 1
    by_errors = re.search(r"\b(?:most|fewest|least|highest|lowest)\b[- \w]{0,12}\b(?:errors?|mistakes?|error count)|"
                          r"\b(?:worst|weakest|best)\s+(?:at|with)\s+\d+\s+(?:wrong|errors?|mistakes?)\b", part + before)
    if by_errors:  # "the fewest errors", "the second-highest error count": ranked by the count, ties alike
        ranked = sorted(rows.values(), key=lambda r: r.errors)
        ranked = ranked[:-1] if re.search(r"\b(?:second|next)\b", low) and _WORST.search(part + before) else ranked
    if worst := _WORST.search(part) or _WORST.search(before) or k > 1 and _WORST.search(low):  # "the weakest digits are 9 and 7"
        verdicts.append(_rank_denied(worst) != (row.errors >= ranked[-min(k, len(ranked))].errors if by_errors else
                                                row.exact <= ranked[min(k, len(ranked)) - 1].exact + 1e-9))
    elif best := _BEST.search(part) or _BEST.search(before) or k > 1 and _BEST.search(low):
        verdicts.append(_rank_denied(best) != (row.errors <= ranked[min(k, len(ranked)) - 1].errors if by_errors else
                                               row.exact >= ranked[-min(k, len(ranked))].exact - 1e-9))
    return verdicts


def _share_moved(part: str, row, then, used: list[str]) -> tuple[str, list[bool]]:
    """"63 → 33 errors, a 48 % cut", "120 → 43 errors, 36 % of M1's count": the digit's count from the step before's
    said as a move, and the change (or what is left) as a share of the count before; the share taken out of the words."""
    part = re.sub(r"\b(errors|mistakes)\s*\((\d+)\)", r"\1, \2 \1", part)  # "nearly 500 errors (495)": the count exact too
    part = re.sub(r"(?<![\d.])(\d+)\s*(?:→|->)\s*(\d+)\s+(errors?|mistakes|wrong)\b", r"from \1 \3 to \2", part)
    share = re.search(r",?\s*(?:a\s+)?(?P<tol>about |roughly |~\s*)?(?P<pct>\d+(?:\.\d+)?)\s*%\s*(?:(?P<way>cut|drop|fall|"
                      r"reduction|"
                      r"rise|increase)\b|of\s+(?:(?:step|model)[ _-]?\d+'s|its|the)\s+(?:count|errors)\b)", part)
    than = re.search(r"(?<![\d.])(\d+)\s+(fewer|more|less)\s+than\s+(?:step|model)[ _-]?\d+'s\s+(\d+)\b(?!\s*%|\.\d)", part)
    if then is not None and than:  # "111 errors, 33 fewer than Model_2's 144": that step's count and the difference
        used.extend([than[1], than[3]])
        return part.replace(than[0], " ", 1), [int(than[3]) == then.errors and int(than[1]) == abs(row.errors - then.errors)
                                               and (row.errors > then.errors) == (than[2] == "more")]
    if then is None or share is None or not then.errors or not re.search(r"\bfrom \d+ \w+ to \d+", part):
        return part, []
    change = 100 * (row.errors - then.errors) / then.errors
    said = (-change if share["way"] in ("cut", "drop", "fall", "reduction") else change) if share["way"] else 100 + change
    used.append(share["pct"])
    return part.replace(share[0], " ", 1), [_within(said, share["pct"], "about" if share["tol"] else "") and said > 0]


def _way_from(part: str, row, then) -> list[bool]:
    """"(15 errors), up from 11 errors in step 1": the way the digit's count moved from that step's; "68 → 144 errors,
    more than double": by that many times."""
    if then is None:
        return []
    way = re.search(r"\b(up|down) from \d+ (?:errors|mistakes|wrong) in (?:step|model)[ _-]?\d", part)
    times = re.search(r"\b(more than |over |almost |nearly |about |roughly )?(double|doubled|twice|triple|tripled|three times|"
                      r"quadruple|quadrupled|four times)\b", part) if re.search(r"\bfrom \d+ \w+ to \d+", part) else None
    ratio = row.errors / then.errors if then.errors else 0.0
    n = 2 if times and times[2].startswith(("doub", "twice")) else 3 if times and times[2].startswith(("trip", "three")) else 4
    return ([(row.errors > then.errors) == (way[1] == "up")] if way else []) + \
        ([ratio > n if times[1] in ("more than ", "over ") else _within(ratio, str(n), "about")] if times else [])


def _rank_denied(rank: re.Match) -> bool:
    """"Digit 9 is not the worst class", "is no longer the weakest": the rank said denied."""
    return re.search(r"\b(?:not|no longer|isn't|wasn't|never)\s+(?:the\s+|a\s+)?(?:\w+\s+)?$",
                     rank.string[max(0, rank.start() - 30):rank.start()]) is not None


def _digit_percents(said: str, row, then, used: list[str]) -> list[bool]:
    """A digit's accuracies as said: this step's, or the step before's where "in step K" follows ("from 85.2 % in step 2
    to 88.6 %"); "about" within one unit of the last digit said. The numbers read are added to `used`."""
    verdicts = []
    if then is not None and (moved := re.search(r"(?<![\d.])(\d{2,3}(?:\.\d+)?)\s*%?\s*(?:→|->|to)\s*(\d{2,3}(?:\.\d+)?)\s*%",
                                                said)) and not re.match(r"\s*(?:in|for|at)\s+(?:step|model)", said[moved.end():]):
        verdicts.append(said_as(then.exact, moved[1]) and said_as(row.exact, moved[2]))  # "0 fell 98.47 → 96.02": then, now
        used += [moved[1], moved[2]]
        said = said[:moved.start()] + said[moved.end():]
    for found in re.finditer(r"(\d{1,3}(?:\.\d+)?)\s*%", said):
        of = then if re.match(r"\s*(?:in|for|at)\s+(?:step|model)[ _-]?\d", said[found.end():]) else row
        if of is not None:
            near = re.search(r"\b(?:about|around|roughly|approximately|~)\s*$", said[:found.start()])
            bound = re.search(r"\b(under|below|less than|lower than|over|above|more than|higher than)\s*$",
                              said[:found.start()])
            if bound:  # "5 and 8 are both under 93 %": a line, not a figure (92.94 is under it, 93.02 is not)
                verdicts.append((of.exact < _num(found[1])) == (bound[1] in ("under", "below", "less than", "lower than")))
            else:
                verdicts.append(any((said_near if near else said_as)(v, found[1]) for v in (of.exact, of.accuracy)))
            used.append(found[1])
    return verdicts


# a run of accuracies, a whole one among them ("7.16 → 38 → 53.76", "96, 95.94, 98.00") where one has decimals
_RUN_OF = re.compile(r"(?<![\d.])(\d{2}(?:\.\d{1,2})?)(?![\d.])\s*%?"
                     r"((?:\s*(?:,|and|→|->|then|/)\s*\d{2}(?:\.\d{1,2})?(?![\d.])\s*%?)+)")
_AFTER = re.compile(r"\b(?:then|after(?:wards)?|followed by|falls? back|fell back|kept|keeps|dropp\w*|ris\w*|rose|"
                    r"climb\w*|went)\b")


def _sequence(low, clause, step, previous, number) -> Claim | None:
    """A run of accuracies read epoch by epoch: "per epoch - 75.41, 95.34, ..." or "Train: 77.17 / 96.51 / ..." (one
    for each epoch), "over the first three epochs", "peaked at epoch 3 (98.12) and then kept dropping: 97.05, 96.29"
    (the epochs after the one named), "from epoch 4 to epoch 8 (7.16 → 86.29)" (the span's ends), "after the LR cut
    test accuracy went from 96.51 to 98.04" (the epochs either side of the cut)."""
    train = bool(re.search(r"\btrain(?:ing)?\b", low)) and "test" not in low
    curve = step.run.train() if train else step.run.test()
    if (seed := re.search(r"\bseed (\d+)\b", low)) and not train:
        curve = seed_curves(step).get(int(seed[1]))  # "Seed 1 dips to 83.37 at epoch 3 and then climbs to ...": its own
        if curve is None:
            return None
    rates = [e.lr for e in step.run.epochs]
    if (cut := re.search(r"\bafter the (?:lr |rate |learning rate )?(?:cut|drop)\b[^.;]*?\bfrom\s+(\d{2}\.\d{1,2})\s*%?\s+"
                         r"to\s+(\d{2}\.\d{1,2})", low)) and (lower := _lower_from(rates)):
        epochs, said = [lower[0] - 1, lower[0]], [cut[1], cut[2]]
    elif (run := _RUN_OF.search(low)) and "." in run[0] and not re.search(r"\bepochs?\s*$", low[:run.start()]):
        said = [run[1]] + re.findall(r"\d{2}(?:\.\d{1,2})?", run[2])
        spans = _run_epochs(low, run, len(said), len(curve))  # where the words allow two, the one the figures fit
        with _unread():
            epochs = next((e for e in spans if all(1 <= i <= len(curve) and said_as(curve[i - 1], t)
                                                   for i, t in zip(e, said, strict=True))), spans[0] if spans else None)
    else:
        return None
    if not epochs or not all(1 <= e <= len(curve) for e in epochs):
        return None
    ok = all(said_as(curve[e - 1], t) for e, t in zip(epochs, said, strict=True))
    shown = ", ".join(f"{curve[e - 1]:.2f}" for e in epochs)
    whose = f"seed {seed[1]}'s " if seed and not train else ""
    return Claim(number, clause, ok, f"{whose}{'train' if train else 'test'} accuracy at epochs "
                 f"{', '.join(map(str, epochs))}: {shown} % ({records.CHECK if whose else records.METRICS})", "figure")


_VERSUS = rf"(\d{{2}}\.\d{{1,2}})\s*%?\s*{VERSUS}\s*(\d{{2}}\.\d{{1,2}})\s*%?"


def _pairs_by_epoch(low: str, clause: str, step: Step, number: int) -> Claim | None:
    """"Test is above train in epochs 4 and 5 (96.91 vs 95.74, then 97.33 vs 96.75)", "in the last 2 epochs (...)":
    one pair an epoch, in the order the epochs are named."""
    pairs = list(re.finditer(_VERSUS, low))
    names = list(dict.fromkeys(m[1] for m in re.finditer(r"\b(test|train)", low[:pairs[0].start()])))
    n, last = len(pairs), len(step.run.epochs)
    if n < 2 or sorted(names) != ["test", "train"] or re.search(r"\b(?:step|model|seeds?)[ _-]?\d", low):
        return None
    if both := re.search(r"\bepochs? (\d+)\s*(?:and|&|,)\s*(?:epoch )?(\d+)\b", low):
        epochs = [int(both[1]), int(both[2])]
    elif span := re.search(r"\bepochs? (\d+)\s*(?:-|–|to)\s*(?:epoch )?(\d+)\b", low):
        epochs = list(range(int(span[1]), int(span[2]) + 1))
    elif tail := re.search(r"\b(?:last|final) (\d+) epochs\b", low):
        epochs = list(range(last - int(tail[1]) + 1, last + 1))
    elif head := re.search(r"\bfirst (\d+) epochs\b", low):
        epochs = list(range(1, int(head[1]) + 1))
    else:
        return None
    if len(epochs) != n or not all(1 <= e <= last for e in epochs):
        return None
    curves = {"test": step.run.test(), "train": step.run.train()}
    ok = all(said_as(curves[names[0]][e - 1], p[1]) and said_as(curves[names[1]][e - 1], p[2]) for e, p in zip(epochs, pairs,
                                                                                                         strict=True))
    shown = "; ".join(f"epoch {e}: test {curves['test'][e - 1]:.2f} %, train {curves['train'][e - 1]:.2f} %" for e in epochs)
    return Claim(number, clause, ok, f"{shown} ({records.METRICS})", "figure", tuple(t for p in pairs for t in (p[1], p[2])))


def _epoch_row(low, clause, step, previous, number) -> Claim | None:
    """A table's row without its header, "Epoch 14 | 99.78 | 99.42": that epoch's train and test accuracy, in
    either order (the header that named the columns is not in the sentence)."""
    row = re.match(r"\W*epoch\s+(\d+)\s*\|\s*(\d{2}\.\d+)\s*%?\s*\|\s*(\d{2}\.\d+)\s*%?\s*$", low)
    if row is None or not 1 <= int(row[1]) <= len(step.run.epochs):
        return None
    at = int(row[1])
    train, test = step.run.train()[at - 1], step.run.test()[at - 1]
    ok = said_as(train, row[2]) and said_as(test, row[3]) or said_as(test, row[2]) and said_as(train, row[3])
    return Claim(number, clause, ok, f"epoch {at}: train {train:.2f} %, test {test:.2f} % ({records.METRICS})", "figure",
                 (row[1], row[2], row[3]))


def _test_and_train(low, clause, step, previous, number) -> Claim | None:
    """Test's and train's figures of one epoch said as a pair: "test above train at epoch 1 (74.37 vs 66.47)",
    "Train/Test: 99.78/99.41 (last epoch)", "in the final epoch train (98.69) is just behind test (98.81)": each
    curve's figure at that epoch, in the order the words name them."""
    pair = re.search(_VERSUS, low)
    if pair is not None and re.match(r"\s*/\s*\d", low[pair.end():]):
        return None  # "(95.75 / 95.94 / 98.00 %)": a list of three, not a pair
    if pair is not None and (claim := _pairs_by_epoch(low, clause, step, number)):
        return claim
    if pair is not None:
        names = [m[1] for m in re.finditer(r"\b(test|train)", low[:pair.start()])]
        said = list(zip(dict.fromkeys(names), (pair[1], pair[2]), strict=False))
        near = re.split(r"[,;]", low[:pair.start()])[-1]  # "test above train for epochs 1 to 3, train only ahead in the
        near_names = set(re.findall(r"\b(test|train)", near))  # last one (96.84 vs 96.14)": the words nearest the pair
        if (len(set(names)) == 1 or len(near_names) == 1) and re.search(r"\(\s*$", low[:pair.start()]) and \
                re.search(r"\b(?:ahead|behind|caught up|above|below|gap)\b", near if len(set(names)) > 1 else low):
            said = [("either", pair[1]), ("either", pair[2])]  # "train ahead by 1.60 at epoch 4 (97.54 vs 95.94)"
    else:
        said = [(m[1], m[2]) for m in re.finditer(r"\b(test|train)\w*(?:\s+(?:accuracy|acc))?\s*\(\s*(\d{2}\.\d{1,2})\s*%?"
                                                  r"\s*\)", low)]
    if sorted(name for name, _ in said) not in (["test", "train"], ["either", "either"]) or \
            re.search(r"\b(?:step|model|seeds?)[ _-]?\d", low[:pair.end() + 3] if pair is not None else low):
        return None  # another step's or a seed's pair; "(97.83 vs 97.51) against 1.53 in step 2": the pair is this one's
    where = pair.span() if pair is not None else (low.find(said[0][1]),) * 2  # the scope said nearest the figures
    scopes = [(where[0] - m.end() if m.end() <= where[0] else m.start() - where[1], int(m[1]) if m[1] else
               len(step.run.epochs)) for m in re.finditer(r"\bepoch (\d+)\b|\b(?:at|in) the (?:end|final epoch|last epoch)\b|"
                                                          r"\blast (?:epoch|one)\b|\bfinal\b(?!\s+(?:two|three|four|\d))|"
                                                          r"\b(?:ends?|ended)\b(?! of)", low)]
    at = min(scopes)[1] if scopes else None
    if pair is not None and (own := re.match(r"\s*%?\s*(?:at|in|@)\s+epoch\s+(\d+)", low[pair.end():])):
        at = int(own[1])  # "(91.88 vs 76.08 at epoch 1)": the pair's own epoch
    if at is None or not 1 <= at <= len(step.run.epochs):
        return None
    curves = {"test": step.run.test(), "train": step.run.train()}
    named = [int(k) for found in re.findall(r"\bepochs? (\d+)(?:,? (?:and|or) (\d+))?", low[:pair.start()])
             for k in found if k] if pair is not None and not own else []
    def holds(k: int) -> bool:
        if said[0][0] == "either":  # one curve named: the pair is train's and test's at that epoch, in either order
            a, b = curves["train"][k - 1], curves["test"][k - 1]
            return said_as(a, said[0][1]) and said_as(b, said[1][1]) or said_as(b, said[0][1]) and said_as(a, said[1][1])
        return all(said_as(curves[name][k - 1], text) for name, text in said)
    if len(set(named)) > 1:  # "test ahead only in epochs 1 and 5 (97.93 vs 97.70)": one of the epochs named
        at = next((e for e in named if 1 <= e <= len(step.run.epochs) and holds(e)), at)
    ok = holds(at)
    return Claim(number, clause, ok, f"epoch {at}: test {curves['test'][at - 1]:.2f} %, train {curves['train'][at - 1]:.2f} % "
                 f"({records.METRICS})", "figure", tuple(text for _, text in said))


def _result_field(low, clause, step, previous, number) -> Claim | None:
    """A Result's field no other reader names: "Best epoch: 6" (the epoch of the best test accuracy), "Average test
    accuracy of the last 3 epochs: 97.80" (their mean), "Misclassified images: 151" (the per-class errors summed)."""
    test = step.run.test()
    if best := re.match(r"\W*(?:best(?: test)?(?: accuracy)? epoch|epoch (?:with|of) (?:the )?(?:best|highest|peak) (?:test )?"
                        r"(?:accuracy|acc)?)\s*[:=–-]\s*(\d+)\s*$", low):
        top = [i + 1 for i, v in enumerate(test) if v == max(test)]
        return Claim(number, clause, int(best[1]) in top, f"best test accuracy {max(test):.2f} % at epoch "
                     f"{', '.join(map(str, top))} ({records.METRICS})", "figure", (best[1],))
    if mean := re.search(rf"(?<!seeds' )\b(?:average|mean)\b(?! min)[^:\d]*?\blast (\d+|{'|'.join(WORDS)})\b[^:\d]*?"
                         r"(?:[:=–-]|\bis\b|\bwas\b)\s*(\d{2}\.\d{1,2})", low):  # not the seeds' mean of their minima
        curve = step.run.train() if re.search(r"\btrain", low[:mean.start(2)]) else test
        k = min(_count(mean[1]) or 1, len(curve))
        value = sum(curve[-k:]) / k
        return Claim(number, clause, said_as(value, mean[2]), f"mean of the last {k} epochs {value:.2f} % ({records.METRICS})",
                     "figure", (mean[2],))
    if first := re.match(r"\W*(?:(?:the )?first epoch (?:above|over|at or above|reaching|to reach|at least)|epochs? to "
                         r"(?:reach )?)\s*(\d{2}(?:\.\d+)?)\s*%?\s*[:=–-]\s*(\d+)\s*$", low):  # "First epoch above 97%: 5"
        at = next((i + 1 for i, v in enumerate(test) if v >= float(first[1])), None)
        return Claim(number, clause, at == int(first[2]), f"first test epoch at or above {first[1]} %: "
                     f"{at if at else 'none'} ({records.METRICS})", "figure", (first[1], first[2]))
    if (wrong := re.match(r"\W*(?:total\s+)?(?:misclassified(?: images| digits)?|wrong predictions|(?:test )?errors(?: on the "
                          r"test set)?|mistakes)\s*[:=–-]\s*(\d{1,4})\b(?!\s*(?:on|for|in)\s+(?:digit|class|the)\b)", low)) and \
            step.run.per_class:  # not "Errors: 495 on digit 2, 279 on digit 8", the digits' own
        total = _errors_of(step)
        return Claim(number, clause, int(wrong[1]) == total, f"{total} test images wrong ({records.PER_CLASS})", "figure",
                     (wrong[1],))
    return None


def _course_epochs(low: str, run: re.Match, n: int, epochs: int) -> list[list[int]]:
    """The epochs a chain of figures ("97.05 → 96.92") after a course's words may be said of: "in the last 3 epochs:
    a → b → c" (those), "falls after epoch 2 (a → b → c)", "after peaking at epoch 3 it goes down (a → b → c)" (from
    that epoch, or from the one after it: students show where the course starts, or only its steps)."""
    if not re.match(r"\s*%?\s*(?:→|->)", low[run.end(1):]):
        return []  # a list by commas or slashes: not a course
    before = low[:run.start()]
    if (last := re.search(r"\b(?:last|final) (\d+) epochs?\b", before)) and int(last[1]) == n <= epochs:
        return [list(range(epochs - n + 1, epochs + 1))]
    if (start := list(re.finditer(r"\b(?:after|from|since)\s+(?:peaking\s+(?:at|in)\s+)?epoch (\d+)\b", before))) and \
            re.search(r"\b(?:fall|fell|drop|decreas|declin|ris|rose|climb|improv|(?:goes|went|going) (?:up|down))\w*", before):
        e = int(start[-1][1])
        return [list(range(a, a + n)) for a in (e, e + 1) if a >= 1 and a + n - 1 <= epochs]
    if n == 2 and (at := re.search(r"\b(?:at|in) epoch (\d+)\s*\(\s*$", before)) and 2 <= int(at[1]) <= epochs:
        return [[int(at[1]) - 1, int(at[1])]]  # "jumps at epoch 13 (98.68 -> 99.48)": from the epoch before to that one
    if n == epochs:
        return [list(range(1, n + 1))]  # "went 90.37 -> 92.17 -> 95.75 -> 95.94 -> 98.00": the whole run
    return []


def _run_epochs(low: str, run: re.Match, n: int, epochs: int) -> list[list[int]]:
    """The epochs a run of `n` figures may be said of, by the words around it: one span where they name it, the
    candidates a course's words allow (`_course_epochs`), else none."""
    return [found] if (found := _named_epochs(low, run, n, epochs)) else _course_epochs(low, run, n, epochs)


def _named_epochs(low: str, run: re.Match, n: int, epochs: int) -> list[int] | None:
    """The epochs a run of `n` figures is said of where the words name them (None where they name none)."""
    if re.search(r"\b(?:between|from|range|ranged|ranges)\s*$", low[:run.start()]):
        return None  # "between 98.5 and 98.9": a range of levels, not figures of epochs
    whole = _SENTENCE.get() or low  # "test acc per epoch - 75.41, 95.34, ...": the dash cut the clause
    before = whole[:max(whole.find(run[0]), run.start())]
    if n == epochs and (re.search(r"\b(?:per|each|every|by) epoch\b|\bepoch by epoch\b|\bepoch-wise\b", before) or
                        re.search(r"^\W*(?:the\s+)?(?:test|train|val\w*|seed \d+)(?:\s+acc\w*)?\s*:?\s*$", low[:run.start()])):
        return list(range(1, n + 1))  # "Train: 77.17 / 96.51 / 97.55 / ...": one figure an epoch
    if (first := re.search(rf"\b(?:over|in|for|during) the first (\d+|{'|'.join(WORDS)}) epochs\b", low[run.end():][:40])) \
            and _count(first[1]) == n:
        return list(range(1, n + 1))  # "(72.86 → 79.02 → 89.65 over the first three epochs)"
    span = re.search(r"\b(?:from|between) epoch (\d+) (?:to|and) (?:epoch )?(\d+)\b", low[:run.start()])
    if span and n == int(span[2]) - int(span[1]) + 1 > 2:
        return list(range(int(span[1]), int(span[2]) + 1))  # "for epochs 5-8: 38.49, 53.76, 81.71, 86.29": each of them
    if n == 2 and span:
        return [int(span[1]), int(span[2])]  # "from epoch 4 to epoch 8 (7.16 → 86.29)": the span's ends
    anchor = list(re.finditer(r"\bepoch (\d+)\b", low[:run.start()]))
    if anchor and _AFTER.search(low[anchor[-1].end():run.start()]) and not re.search(
            r"\bepochs?\s+\d", low[anchor[-1].end():run.start()]) and not re.search(r"\b(?:and|to)\s*$|[-–]\s*$",
                                                                                  low[:anchor[-1].start()]):
        return list(range(int(anchor[-1][1]) + 1, int(anchor[-1][1]) + 1 + n))  # the epochs after the one named
    return None


def _monotone(low, clause, step, previous, number) -> Claim | None:
    """"Test accuracy went up in every epoch", "the loss never rose": every step of the curve that way."""
    found = re.search(r"\b(?P<up>went up|goes up|rose|rises|increased|increases|improved|improves|climbed|climbs|grew|grows|"
                      r"went down|goes down|fell|falls|dropped|drops|decreased|decreases)\s+(?:in |at |"
                      r"with |after )?(?:(?:every|each)\s+epoch|all of the (?:\d+ )?epochs|"
                      r"(?:each|every one|all) of the (?:last|final) \d+ epochs)|"
                      r"\bnever\s+(?P<never>dropped|dipped|fell|decreased|went down|rose|went up|"
                      r"increased)\b(?!\s+(?:below|under|above|over|beneath|past))|\b(?:every|each)\s+(?:single\s+)?epoch\s+"
                      r"(?P<each>improved|improves|raised|raises|beat|beats|(?:was|is) (?:better|higher) than)\b", low) or \
        re.search(r"\b(?:kept|keeps|is|was|were|are)?\s*(?P<up>increas|improv|ris|climb|going up|decreas|fall|dropp)(?:ing|ed)"
                  r"(?: consistently| steadily)? (?:(?:(?:in|across|over|through|for) )?(?:all|every)(?: the)? epochs?|"
                  r"(?:till|until|to|up to) the end)\b", low) or \
        (re.search(r"\b(?:kept|keeps)\s+(?P<up>climb|ris|improv|increas|fall|dropp|decreas)ing\b", low)
         if re.search(r"\b(?:after|from|since) epoch \d+\b", low) else None)  # "from epoch 3, it kept climbing"
    if found is None or re.search(r"\b(?:lr|rate|learning rate|scheduler|step size)\s+$", low[:found.start()]) or \
            re.search(r"\bit\s+$", low[:found.start()]) and RATE_WORDS.search(low[:found.start()]) and \
            not re.search(r"\b(?:acc\w*|test|train\w*|loss)\b", low[:found.start()]):  # "the rate was held ..., it never dropped"
        return None  # "the rate never dropped": the rate's reader
    # the curve the verb is said of: "the loss never rose"; not "accuracy kept improving as the loss fell"
    loss = named[-1] == "loss" if (named := re.findall(r"\b(loss|acc\w*|score)\b", low[:found.start()])) else "loss" in low
    train = _names_train(low, found.start())
    seeds = seed_series(step, low) if not loss and not train else None
    curves = [c for _, c in seeds[1]] if seeds else [([e.train_loss for e in step.run.epochs] if train else
                                                      run_losses(step.run)) if loss else
                                                     (step.run.train() if train else step.run.test())]
    never = found.groupdict().get("never")
    word = found["up"] or never or "improved"  # "each epoch improved the test score": went up in every epoch
    up = word in ("went up", "goes up", "rose", "rises", "increased", "increases", "improved", "improves", "climbed", "climbs",
                  "grew", "grows", "increas", "improv", "ris", "climb", "going up")
    oks = []
    for curve in curves:
        if (span := re.match(r"\s*(?:from|between) epochs? (\d+) (?:to|and|-|–) (?:epoch )?(\d+)\b", low[found.end():])) \
                and 1 <= int(span[1]) < int(span[2]) <= len(curve):
            scope = list(range(int(span[1]), int(span[2]) + 1))  # "climbs every epoch from epoch 7 to 12, dips ...": its own
        elif after := re.search(r"\bafter (?:the (?:dip|drop|fall|low|cut)s? (?:in|at) )?epoch (\d+)", low):
            scope = list(range(int(after[1]), len(curve) + 1))  # "after epoch 3, it fell at each epoch"
        elif (re.search(r"\b(?:after that|after this|afterwards|from then on)\b", low[found.start():]) or
              re.search(r"\bthen\s+(?:\w+\s+)?$", low[:found.start()])) and \
                (then := re.findall(r"\bepochs?\s+(?:\d+\s+(?:to|and|-)\s+)?(\d+)\b", low[:found.start()])) and \
                1 <= int(then[-1]) <= len(curve):
            scope = list(range(int(then[-1]), len(curve) + 1))  # "down from epoch 1 to 2, and rose every epoch after that"
        else:
            scope, _ = _epoch_scope(low, len(curve), step.last, implicit=False)
        steps = [curve[e - 1] - curve[e - 2] for e in _moved_in(low, scope, len(curve))]  # each against the one before it
        oks.append(all(d > 0 if up else d < 0 for d in steps) if not never else
                   all(d <= 0 if up else d >= 0 for d in steps))
    what = f"{'train' if train else 'test'} {'loss' if loss else 'accuracy'}"
    ok = bool(curves) and (all(oks) if not seeds or seeds[0] != "count" else sum(oks) == seeds[2])
    return Claim(number, clause, ok, f"{what} by epoch: " + " | ".join(", ".join(f"{v:.4g}" for v in c) for c in curves)
                 + f" ({records.CHECK if seeds else records.METRICS})", "trend")


def _moved_in(low: str, scope: list[int] | None, n: int) -> list[int]:
    """The epochs whose move from the epoch before a "went up in every epoch" says (of `n`): the scope's after its
    first; "fell in each of the last 4 epochs" the first of them too, unless the words chain the K figures themselves
    ("each of the last 3: 96.47 → 96.23 → 93.48": the moves between them)."""
    span = scope or list(range(1, n + 1))
    if (each := re.search(r"\b(?:each|every one|every single one) of the (?:last|final) (\d+) epochs\b", low)) and \
            1 <= (k := int(each[1])) <= n:
        span = list(range(n - k + 1, n + 1))
        return [e for e in (span[1:] if low.count("→") + low.count("->") >= k - 1 > 0 else span) if e >= 2]
    return [e for e in span[1:] if e >= 2]


_SEED_RANK = re.compile(r"\bseed (\d+)\s+((?:had|has|got|gave|reached|ended with|ends with|ended|ends|finished|is|was|shows|"
                        r"showed)\s+)?(the\s+)?(lowest|highest|worst|best|weakest|strongest|top)\b\s*(final|best|peak|min\w*|"
                        r"last)?")


_SEED_RANK_AFTER = re.compile(r"\b(best|highest|top|lowest|worst|weakest)\s+(final|min\w*)?[^.;()]*?\b(?:over|across|of|among) "
                              r"(?:the |all |its )?(?:\w+ )?seeds\b[^;()]*?\(\s*seed (\d+)\s*\)")


def _rank_epoch(after: str) -> str | None:
    """The epoch a seed's rank is said at, "seed 2 was the highest at epoch 1": "epoch 1"."""
    at = re.match(r"\s*(?:test\s+)?(?:acc\w*\s+)?(?:at|after|in)\s+epoch (\d+)\b", after)
    return f"epoch {at[1]}" if at else None


# "Seed 0 ends with the best final of the three models so far": a rank among the steps, not among the seeds
_RANK_OF_STEPS = re.compile(r"\b(?:the\s+)?(?:best|worst|highest|lowest)(?:\s+(?:final|min\w*|test\s+\w+))?\s+of\s+(?:all\s+)?"
                            r"the\s+(?:\w+\s+)?(?:models|steps|iterations)\b")


def _seed_rank(low, clause, step, previous, number) -> Claim | None:
    """"Seed 0 had the lowest final": that seed's figure (final where none is named, best, the min of the last epochs)
    the lowest or highest of the check's seeds (a tie counts)."""
    # "seed 4 ended highest ..., seed 0 lowest ...": each ("seed 0 best 97.51" is that seed's best figure, no rank)
    low = _EPOCH_RANKED.sub(" ", low)  # "Seed 1 worst epoch = 1": an epoch's rank in that seed's run, not the seed's
    low = _RANK_OF_STEPS.sub(" ", low)
    ranks = [(f[1], f[4], f[5] or _rank_epoch(low[f.end():]) or ("final" if re.search(r"\b(?:end|finish|final)", low)
                                                              else None))
             for f in _SEED_RANK.finditer(low) if (f[2] or f[4] not in ("best", "top")) and
             not re.match(r"\s*(?:to\s+)?start", low[f.end():])]  # "the best start": epoch 1's rank, read below
    ranks += [(f[3], f[1], f[2]) for f in _SEED_RANK_AFTER.finditer(low)]  # "Best final over the seeds: 98.16 % (seed 2)"
    # "seeds 0 and 2 have the highest minimum": a tie, each of the two ranked
    tied = list(re.finditer(r"\bseeds? (\d+) and (?:seed )?(\d+)\s+(?:both\s+)?(?:have|had|share|shared)\s+the\s+"
                            r"(lowest|highest|worst|best|top)\b\s*(final|best|peak|min\w*|last)?", low))
    ranks += [(tie[k], tie[3], tie[4]) for tie in tied for k in (1, 2)]
    if seed := re.search(r"\bseed (\d+)\b", low):  # "seed 2 starts best (...) and also finishes best": epoch 1's, the last's
        ranks += [(seed[1], f[2], "first" if f[1].startswith("start") else "final") for f in re.finditer(
            r"\b(start(?:s|ed)?|finish(?:es|ed)?|ends up|ended up)\s+(?:the\s+)?(best|highest|top|worst|lowest|weakest)\b", low)]
        ranks += [(seed[1], "worst" if f[1] in ("worst", "weakest", "lowest", "slowest") else "best", "first") for f in
                  re.finditer(r"\b(best|strongest|highest|fastest|worst|weakest|lowest|slowest)\s+(?:to\s+)?start\b", low)]
    curves = seed_curves(step)
    if not ranks or len(curves) < 2:
        return None
    if missing := [f[0] for f in ranks if int(f[0]) not in curves]:
        return Claim(number, clause, False, f"no seed {missing[0]} in this step's check ({records.CHECK})", "figure")
    ok, said, read = True, [], []
    for seed_said, rank, named in ranks:
        roles = [named] if (named or "").startswith("epoch ") else ["best"] if named in ("best", "peak") else \
            ["min"] if (named or "").startswith("min") else \
            ["first"] if named == "first" else ["final"] if named else ["min", "final"]  # none named: the budget's or the end's
        held = False
        for role in roles:
            if role.startswith("epoch ") and not 1 <= int(role[6:]) <= min(map(len, curves.values())):
                held, said = False, said + [f"no {role} in this step's runs"]
                continue
            figure = _seed_values(curves, role, step.last)
            held = held or figure[int(seed_said)] == (min if rank in ("lowest", "worst", "weakest") else max)(figure.values())
            said.append(f"{role} by seed: " + ", ".join(f"seed {s} {v:.2f} %" for s, v in figure.items()))
            if named:  # "seed 2 starts best, 81.71 % after one epoch": the ranked figure said beside its named rank
                with _unread():
                    read += [t for t in re.findall(r"(\d{2}\.\d+)\s*%", low) if said_as(figure[int(seed_said)], t)]
                curve = curves[int(seed_said)]  # "the highest best, 97.15 % at epoch 4": and at the epoch said
                for t in read:
                    if at := re.search(rf"{re.escape(t)}\s*%?\s*\(?(?:at|in|after) epoch (\d+)", low):
                        held = held and 1 <= int(at[1]) <= len(curve) and said_as(curve[int(at[1]) - 1], t)
        ok = ok and held
    return Claim(number, clause, ok, "; ".join(dict.fromkeys(said)) + f" ({records.CHECK if step.check else records.METRICS})",
                 "figure", tuple(dict.fromkeys(read + [tie[2] for tie in tied])))


_DROPS = re.compile(r"\b(?:went down|dropped|fell|dipped|decreased|declined)\s+(?P<n>once|twice|one time|two times|"
                    r"(?:\d|two|three|four) times)(?:,?\s+(?:from|between)\s+epochs?\s+(?P<a>\d+)\s+(?:to|and)\s+(?:epoch\s+)?"
                    r"(?P<b>\d+))?")


def _drops(low, clause, step, previous, number) -> Claim | None:
    """"Test acc only went down once, from epoch 1 to 2": how many epochs fell below the one before (and which)."""
    found = _DROPS.search(low)
    if found is None or "loss" in low or seed_series(step, low) is not None:
        return None
    train = _names_train(low, found.start())
    curve = step.run.train() if train else step.run.test()
    fell = [e for e in range(2, len(curve) + 1) if curve[e - 1] < curve[e - 2]]
    n = {"once": 1, "one time": 1, "twice": 2, "two times": 2}.get(found["n"]) or _count(found["n"].split()[0])
    ok = len(fell) == n and (found["a"] is None or _num(found["b"]) in fell and _num(found["a"]) == _num(found["b"]) - 1)
    return Claim(number, clause, ok, f"{'train' if train else 'test'} accuracy by epoch: "
                 + ", ".join(f"{v:.2f}" for v in curve) + "; lower than the epoch before at "
                 + (", ".join(f"epoch {e}" for e in fell) or "no epoch") + f" ({records.METRICS})", "trend")


_DIP = re.compile(r"\b(?:dip(?:s|ped)?|drop(?:s|ped)?|fell|falls|went down|goes down|slip(?:s|ped)?|wobbl(?:es|ed))\s+"
                  r"(?:(?:a (?:bit|little)|slightly|again|once|briefly)\s+)?(?:to\s+(?P<to>\d{1,3}(?:\.\d+)?)\s*%\s+)?"
                  r"(?:at|in|on)\s+epoch\s+(?P<at>\d+)\b")  # "dipped to 76.92 % at epoch 2": below the epoch before


# "2 of the last 3 epochs are at or above 99.4": a count of the epochs on one side of a level
_EPOCHS_COUNTED = re.compile(r"\b(?P<n>\d+|none|one|two|three|four|five)\s+of\s+the\s+(?P<end>last|first)\s+(?P<k>\d+)\s+"
                             r"epochs\s+(?:are|were|stay(?:ed)?|sit|sat)\s+"
                             r"(?P<way>at or above|at least|above|over|below|under)\s+(?P<x>\d{2}(?:\.\d+)?)\s*%?")


# "≥ 98.0 in 8/15 epochs (8-15)", "≥ 99.4 in 2/3 last epochs", "≥ 99.4 in 0/15": a count of epochs at a level, as a fraction
_EPOCHS_FRACTION = re.compile(r"\b(?P<way>at or above|at least|above|over|below|under)\s+(?P<x>\d{2}(?:\.\d+)?)\s*%?\s+in\s+"
                              r"(?P<n>\d+)\s*/\s*(?P<k>\d+)\b(?:\s+(?P<last>last\s+)?epochs)?(?:\s*\(\s*(?P<a>\d+)\s*[-–]\s*(?P<b>\d+)\s*\))?")


def _epochs_fraction(clause: str, step: Step, number: int, found: re.Match) -> Claim:
    """"≥ 98.0 in 8/15 epochs (8-15)": N of the run's K epochs (the last K where the words say last) with the test accuracy
    on the side of the level said, and the span of them where one is given."""
    curve, k, x = step.run.test(), int(found["k"]), _num(found["x"])
    first = len(curve) - k + 1 if found["last"] else 1
    side = {"at or above": lambda v: v >= x, "at least": lambda v: v >= x, "above": lambda v: v > x,
            "over": lambda v: v > x, "below": lambda v: v < x, "under": lambda v: v < x}[found["way"]]
    met = [e for e in range(first, first + k) if 1 <= e <= len(curve) and side(curve[e - 1])]
    ok = (k == len(curve) or found["last"] is not None) and k <= len(curve) and len(met) == int(found["n"])
    if found["a"]:
        ok = ok and met == list(range(int(found["a"]), int(found["b"]) + 1))
    return Claim(number, clause, ok, f"test accuracy {found['way']} {found['x']} in epochs "
                 f"{', '.join(map(str, met)) or 'none'} of {first}-{first + k - 1} ({records.METRICS})", "counted",
                 tuple(t for t in (found["x"], found["n"], found["k"], found["a"], found["b"]) if t))


# "0 and 9 share 2nd place with 39 each", "7 and 9 are joint third": a tie's place among the digits, by errors
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_SHARED_PLACE = re.compile(r"\b(?:digits?\s+)?(?P<a>\d)\s*(?:,\s*(?P<b>\d)\s*,?\s*)?(?:and|&)\s*(?P<c>\d)\s+"
                           r"(?:share|shared|are joint|were joint|tie for|tied for)\s+(?:the\s+)?"
                           r"(?P<n>[1-5](?:st|nd|rd|th)|first|second|third|fourth|fifth)\b(?:\s*(?:place|-?(?P<way>worst|best)))?")


def _shared_place(low, clause, step, previous, number) -> Claim | None:
    """Digits said to tie for a place: the same errors, and that place among the digits counted from the worst (from
    the best where the words say best): one more than the digits with more errors (fewer)."""
    if (found := _SHARED_PLACE.search(low)) is None or not step.run.per_class:
        return None
    errors = {r.digit: r.errors for r in step.run.per_class}
    tied = [int(d) for d in (found["a"], found["b"], found["c"]) if d]
    best = found["way"] == "best" or found["way"] is None and re.search(r"\bbest\b", low) and not re.search(r"\bworst\b", low)
    place = _ORDINALS.get(found["n"], 0) or int(found["n"][0])
    ahead = sum(1 for e in errors.values() if (e < errors.get(tied[0], -1) if best else e > errors.get(tied[0], -1)))
    ok = all(d in errors for d in tied) and len({errors[d] for d in tied}) == 1 and ahead + 1 == place
    ranked = sorted(errors.items(), key=lambda x: x[1], reverse=not best)
    return Claim(number, clause, ok, "errors by digit: " + ", ".join(f"{d}: {e}" for d, e in ranked) + f" ({records.PER_CLASS})",
                 "figure", (found["n"],) if found["n"][0].isdigit() else ())


# "Params 7,568, same as Model_1", "the same parameter count as step 2": the count against the step named
_PARAMS_SAME = re.compile(r"\b(?:params|parameters|parameter count)\b[^;]*?\b(?:(?:the )?same as|unchanged from|identical to|"
                          r"as many as|equal to)\s+(?:in\s+)?(?:step|model)[ _-]?\d+|\bsame (?:number of )?(?:params|parameters|"
                          r"parameter count)\s+as\s+(?:in\s+)?(?:step|model)[ _-]?\d+")


def _params_same(low, clause, step, previous, number) -> Claim | None:
    """A step's parameter count said to be another's."""
    if _PARAMS_SAME.search(low) is None or previous is None or not (step.run.params and previous.run.params):
        return None
    return Claim(number, clause, step.run.params == previous.run.params, f"parameters: {step.run.params:,} here, "
                 f"{previous.run.params:,} in the step named (metrics.json of both)", "figure")


def _epochs_counted(low, clause, step, previous, number) -> Claim | None:
    """How many of the run's first or last K epochs are on the side of the level said (test accuracy); "from epoch 5
    on, 11 epochs in a row": the epochs from that one to the end."""
    if (row := re.search(r"\bfrom epoch (\d+) on\b[^;]*?\b(\d+) epochs in a row\b", low)) and step.check is None:
        n = len(step.run.epochs) - int(row[1]) + 1
        return Claim(number, clause, int(row[2]) == n, f"epochs {row[1]} to {len(step.run.epochs)}: {n} ({records.METRICS})",
                     "figure", (row[2],))
    if (frac := _EPOCHS_FRACTION.search(low)) and step.check is None and not re.search(r"\btrain|\bseeds?\b", low):
        return _epochs_fraction(clause, step, number, frac)
    if (found := _EPOCHS_COUNTED.search(low)) is None or step.check is not None or re.search(r"\btrain|\bseeds?\b", low):
        return None
    curve, k, x = step.run.test(), int(found["k"]), _num(found["x"])
    span = curve[-k:] if found["end"] == "last" else curve[:k]
    side = {"at or above": lambda v: v >= x, "at least": lambda v: v >= x, "above": lambda v: v > x,
            "over": lambda v: v > x, "below": lambda v: v < x, "under": lambda v: v < x}[found["way"]]
    n = sum(1 for v in span if side(v))
    said = int(found["n"]) if found["n"].isdigit() else ("none", "one", "two", "three", "four", "five").index(found["n"])
    return Claim(number, clause, k <= len(curve) and n == said, f"test accuracy in the {found['end']} {k} epochs: "
                 f"{', '.join(f'{v:.2f}' for v in span)} %, {n} {found['way']} {found['x']} ({records.METRICS})", "counted",
                 (found["n"], found["k"], found["x"]))


def _dip_at(low, clause, step, previous, number) -> Claim | None:
    """"Test dips at epoch 2", "every seed dips at epoch 3": the accuracy at that epoch below the epoch before's (on
    each seed named, or the count said)."""
    found = _DIP.search(low)
    if found is None or re.search(r"\b(?:loss|lr|rate)\b", low) or \
            re.search(r"\bfrom \d+(?:\.\d+)?\s*%? (?:in|for|of) (?:step|model)[ _-]?\d", low):
        return None  # "fell to 91.98 (3rd epoch), from 95.75 in Model_1": against that step, not the epoch before
    own = re.split(r"[,;]", low[:found.start()])[-1] + low[found.start():]  # "s1 and s2 up every ep, s0 dipped": s0's
    at, seeds, train = int(found["at"]), seed_series(step, own) or seed_series(step, low), _names_train(low, found.start())
    if train and seeds:
        return None  # a check records each seed's test curve only
    curves = [c for _, c in seeds[1]] if seeds else [step.run.train() if train else step.run.test()]
    if seeds and seeds[0] != "count" and len(named := set(re.findall(r"\bseed (\d+)\b", low))) == 1:
        curves = [c for k, c in seeds[1] if str(k) == next(iter(named))] or curves  # "seed 1, which dipped ...": its own
    # "seed 0 fell to 92.36 % at epoch 3": that figure there, below the epoch before or, having fallen, below an earlier one;
    # "... kept their last three above 97 %; seed 0 dipped to 95.90 % at epoch 4": below the level the sentence says
    level = re.search(r"\b(?:above|over|at least)\s+(\d{2}(?:\.\d+)?)\s*%", _SENTENCE.get() or "")
    under = bool(found["to"] and level and _num(found["to"]) < float(level[1]))
    oks = [2 <= at <= len(c) and (c[at - 1] < c[at - 2] or bool(found["to"]) and said_as(c[at - 1], found["to"]) and
                                  (c[at - 1] < max(c[:at - 1]) or under)) for c in curves]
    ok = bool(curves) and (sum(oks) == seeds[2] if seeds and seeds[0] == "count" else all(oks))
    figures = " | ".join(f"{c[at - 2]:.2f}, {c[at - 1]:.2f}" for c in curves if 2 <= at <= len(c))
    if not figures:  # "fell in epoch 1", "dipped at epoch 9" of 5: no epoch before it, or no such epoch
        said = "the first, with no epoch before it" if at <= 1 else f"the run has {max(map(len, curves), default=0)} epochs"
        return Claim(number, clause, False, f"epoch {at}: {said} ({records.CHECK if seeds else records.METRICS})", "trend",
                     (found["at"],))
    return Claim(number, clause, ok, f"{'train' if train else 'test'} accuracy at epochs {at - 1} and {at}: {figures} "
                 f"({records.CHECK if seeds else records.METRICS})", "trend", (found["at"],))


_DELTA = re.compile(r"\bfrom\s+(\d+\.\d+)\s*%?\s+to\s+(\d+\.\d+)\s*%?\s*(?:,\s*(?:so|i\.e\.?|ie|that's|that is|or|which is)"
                    r"\s*(?:a (?:gain|rise|drop|fall|change) of\s*)?|\(\s*|:\s*)"
                    r"(?P<d>[+\-−]\s*\d*\.\d+|\d*\.\d+(?=\s*(?:points?|pts?|pp)\b))")


# "98.49 vs 86.29 -> +12.2", "98.49 % vs 86.29 % (+12.20)": the first against the second
_VS_DELTA = re.compile(r"(\d+\.\d+)\s*%?\s*(?:vs\.?|versus|against)\s*(\d+\.\d+)\s*%?\s*"
                       r"(?:(?:in|of|for) (?:step|model)[ _-]?\d+\s*)?"
                       r"(?:->|→|=|:|,|\()\s*"
                       r"(?P<d>[+\-−]\s*\d*\.?\d+)")


def _delta(low, clause, step, previous, number) -> Claim | None:
    """"went from 99.35 to 99.54, so +0.19", "98.81 to 99.42 (+0.61)", "98.49 vs 86.29 -> +12.2": the difference said
    beside a from-to or a pair is the two figures' (their own readers decide the figures)."""
    found = _DELTA.search(low)
    if found is None and (pair := _VS_DELTA.search(low)):
        found = pair  # the first figure is the one the difference runs to
    elif found is None:  # "went from 99.35 to 99.54, so +0.19": cut at ", so", the from-to in the clause before
        found = _DELTA.search((_SENTENCE.get() or "").lower())
        if found is None or not re.match(r"\W*(?:so|i\.e\.?|ie|that's|that is|or|which is)\b[^\d]*" + re.escape(found["d"]), low):
            return None
    first, second = (2, 1) if found.re is _VS_DELTA else (1, 2)
    a, b, said = _num(found[first]), _num(found[second]), found["d"].replace("−", "-").replace(" ", "")
    sign = said[0] if said[0] in "+-" else ""
    slack = sum(10 ** -_decimals(t) for t in (found[1], found[2], said.lstrip("+-"))) / 2 + 1e-9  # each said rounded
    ok = abs(abs(b - a) - _num(said.lstrip("+-"))) <= slack and (not sign or (b > a) == (sign == "+"))
    return Claim(number, clause, ok, f"{found[first]} → {found[second]}: {b - a:+.2f} points", "figure",
                 (re.search(r"\d*\.?\d+", found["d"])[0],))


def _neither(low, clause, step, previous, number) -> Claim | None:
    """"Neither curve got to 96.5 %": the best of train and of test both below it."""
    found = re.search(r"\bneither\b[^.;]*?\b(?:gets? to|got to|(?:gets?|got|comes?|came) (?:near|close to)|reached|reach|hit|"
                      r"crossed|passed|went over|above|over)\s+(\d{2}(?:\.\d+)?)(?:\s*%|(?![\d.]))", low)
    if found is None or seed_series(step, low) is not None:
        return None
    f = facts(step)
    return Claim(number, clause, max(f.best_train, f.best_test) < _num(found[1]), f"best train {f.best_train:.2f} %, best "
                 f"test {f.best_test:.2f} % ({records.METRICS})", "threshold", (found[1],))


# "Best epoch = 4 (96.14 %)", "the worst epoch is epoch 1", "Seed 0 worst epoch = 2": the epoch of a curve's best or worst
_EPOCH_RANKED = re.compile(r"\b(?P<r>best|worst|highest|lowest|weakest|strongest|top)\s+epoch\s*(?:is|was|=|:|-)?\s*"
                           r"(?:epoch\s+)?(?P<e>\d+)\b(?![.,]\d|\s*%)(?:\s*\(\s*(?P<x>\d{2}(?:\.\d+)?)\s*%?\s*"
                           r"(?:,\s*(?P<w>\d[\d,]*)\s+(?:errors|wrong|mistakes))?\s*\))?")


def _epoch_ranked(low: str, clause: str, step: Step, number: int, found: re.Match) -> Claim:
    """The epoch said to be a curve's best or worst: one of those where the curve (a seed's where one seed is named,
    train's where train alone is) is at its top or bottom."""
    train = _names_train(low, found.start())
    series, seed, record = _seed_or_run(step, low, train) or ((step.run.train() if train else step.run.test()), None,
                                                               records.METRICS)  # several seeds named: the run's own curve
    train = train and seed is None
    top = found["r"] in ("best", "highest", "strongest", "top")
    edge = max(series) if top else min(series)
    where = [i + 1 for i, v in enumerate(series) if v == edge]
    whose = f"seed {seed}'s test" if seed is not None else "train" if train else "test"
    ok = int(found["e"]) in where and (found["x"] is None or said_as(edge, found["x"]))  # "(96.14 %)": that epoch's figure
    wrong = _errors_at(edge, _test_images(step)) if not train else None
    if found["w"]:  # "(98.12 %, 188 errors)": the test errors that epoch's accuracy leaves
        ok = ok and wrong == int(found["w"].replace(",", ""))
    return Claim(number, clause, ok, f"{whose} accuracy, {'best' if top else 'worst'} {edge:.2f} % at epoch "
                 f"{', '.join(map(str, where))}" + (f", {wrong} errors" if found["w"] else "") +
                 f" ({record})", "figure", tuple(n for n in (found["e"], found["x"], found["w"]) if n))


def _best_at(low, clause, step, previous, number) -> Claim | None:
    """"The best at epoch 14", "peaked at epoch 12": the epoch of the best figure (any of them where it ties); "best
    epoch = 4", "the worst epoch is epoch 1": the epoch of the best or worst."""
    if (ranked := _EPOCH_RANKED.search(low)) and not re.search(r"\b(?:lr|rate|loss)\b", low):
        return _epoch_ranked(low, clause, step, number, ranked)
    found = re.search(r"\b(?:best|highest|peak(?:ed)?|top)\b(?:[^.;%]{0,25}?\b(?:at|in|on|came at|came in|was at) epoch (\d+)|"
                      r"[^;,]{0,40}?(?:,\s*)?\b(?:(?:came|was|occurred|happened) )?(?:at|in|on) the (?:last|final) epoch)", low)
    if found is None or re.search(r"\b(?:lr|rate|loss)\b|cycle", low) or seed_series(step, low) is not None or \
            re.search(r"\d*\.\d+(?!\d)(?!\s*%)", found[0]):
        return None  # a rate's or a loss's peak; a figure that is no percentage
    train = _names_train(low, found.start()) or bool(re.search(r"\btrain", found[0]) and not re.search(r"\btest", found[0]))
    series = step.run.train() if train else step.run.test()
    best = [i + 1 for i, v in enumerate(series) if v == max(series)]
    said = int(found[1]) if found[1] else len(series)
    if not found[1] and (also := re.match(r"\s*at epoch (\d+)", low[found.end():])):
        said = said if int(also[1]) == said else -1  # "in the last epoch (5th)" of a 6-epoch run: no such epoch
    return Claim(number, clause, said in best, f"best {max(series):.2f} % at epoch "
                 f"{', '.join(map(str, best))} ({records.METRICS})", "figure")


def _reach_target(low, clause, step, previous, number) -> Claim | None:
    """"Epochs to reach target: 13": the first epoch at or above the budget's line (either count, where the log
    counts its epochs from 0)."""
    found = re.search(r"\bepochs?\s+(?:to|needed to|taken to|required to)\s+reach\s+(?:the\s+)?(?:target|goal|99\.4\s*%?)"
                      r"\s*[:=-]?\s*(\d+)\b", low)
    if found is None:
        return None
    test = step.run.test()
    aims = re.findall(r"(\d{2}(?:\.\d+)?)\s*%", str(step.config.get("target") or ""))
    # "the target": the step's own aim where its Target names one level ("Target accuracy: 98.5%"), else the budget's
    line = float(aims[0]) if len(set(aims)) == 1 and "99.4" not in found[0] else _line(step)
    first = next((i + 1 for i, v in enumerate(test) if v >= line), None)
    said = int(_num(found[1]))
    ok = first is not None and (said == first or (step.run.origin or {}).get("epoch_base") == 0 and said == first - 1)
    if not ok and "99.4" not in found[0] and len(set(aims)) != 1:
        ok = None  # "the target" may be the step's own aim, not the budget's line
    return Claim(number, clause, ok, f"first epoch at or above {line:g} %: "
                 + (f"epoch {first}" if first else "none") + f" ({records.METRICS})", "reached")


def _between(low, clause, step, previous, number) -> Claim | None:
    """"Between 98.61 % and 98.81 % over the last 3 epochs", "all three seeds end between 97.51 % and 98.34 %", "train
    stayed between 10.52 % and 14.42 % and test between 7.16 % and 11.35 %": the figures of the span said (each seed's
    where seeds are named; the span the sentence names where the clause names none) run from the first to the second."""
    bands = list(re.finditer(r"\bbetween\s+(\d{1,3}(?:\.\d+)?)\s*%?\s+and\s+(\d{1,3}(?:\.\d+)?)\s*%", low))
    if not bands:
        return None
    seeds = seed_series(step, low)
    if seeds is None and step.check and re.search(r"\b(?:the|all(?: the)?) seeds\b", low):  # "The seeds end between ...": each
        seeds = ("all", list(seed_curves(step).items()), None)
    if seeds is None and not re.search(r"\b(?:test|train\w*|accuracy|model|step)\b", low):
        seeds = seed_series(step, _SENTENCE.get() or "")  # "... but end between 97.51 and 98.34": the seeds said before
    claims = [c for c in (_band(low, clause, step, number, found, seeds) for found in bands) if c is not None]
    if not claims:
        return None
    return Claim(number, clause, all(c.verdict for c in claims), "; ".join(c.evidence for c in claims), "threshold",
                 tuple(n for c in claims for n in c.numbers))


def _band(low: str, clause: str, step: Step, number: int, found: re.Match, seeds) -> Claim | None:
    """One band "between A and B": the curve named nearest before it (train or test), over the span said."""
    train = seeds is None and _names_train(low, found.start())
    curves = [c for _, c in seeds[1]] if seeds else [step.run.train() if train else step.run.test()]
    if not curves or not all(curves):
        return None
    scope, label = _epoch_scope(low, len(curves[0]), step.last, implicit=False)
    if scope is None and (at := _EPOCH.search(low[:found.start()][-45:] + low[found.end():][:30])):
        scope, label = [int(at[1] or at[2])], f"at epoch {int(at[1] or at[2])}"
    if scope is None and re.search(r"\b(?:start(?:ed|s)?|began|begins?)\s*$", low[:found.start()]):
        scope, label = [1], "at epoch 1"  # "the other five started between 98.73 % and 98.95 %": their first epoch
    if scope is None and not seeds:  # "The first four epochs were basically chance - train stayed between ...": the sentence's
        scope, label = _epoch_scope(re.sub(r"\bfor (\d+) epochs\b", r"for the first \1 epochs", (_SENTENCE.get() or "").lower()),
                                    len(curves[0]), step.last, implicit=False)
    if scope is None:  # a seed's figure where none is named: its last; a run's span: the budget's last epochs
        scope = [len(curves[0])] if seeds else list(range(len(curves[0]) - step.last + 1, len(curves[0]) + 1))
        label = "at the last epoch" if seeds else f"in the last {step.last} epochs"
    values = [c[i - 1] for c in curves for i in scope if 1 <= i <= len(c)]
    if "." not in found[1] + found[2]:  # "between 7% and 12%": a range every figure sits in, not its two ends
        ok = bool(values) and _num(found[1]) - 0.5 <= min(values) and max(values) < _num(found[2]) + 0.5
    elif min(_decimals(found[1]), _decimals(found[2])) >= 2:  # the span's two ends, quoted
        ok = bool(values) and said_as(min(values), found[1]) and said_as(max(values), found[2])
    else:  # "between 98.6 and 98.8": bounds every figure sits within
        ok = bool(values) and _num(found[1]) <= min(values) and max(values) <= _num(found[2])
    kind = "" if seeds else "train " if train else "test "
    return Claim(number, clause, ok, f"{kind}{label}: " + ", ".join(f"{v:.2f}" for v in values) + " %"
                 f" ({records.CHECK if seeds else records.METRICS})", "threshold", (found[1], found[2]))


def _settings(low, clause, step, previous, number) -> Claim | None:
    """A setting's figures: the batch, dropout's rate, the EMA's decay, the rotation's degrees, the elastic's pixels."""
    s = step.run.settings
    said, verdicts = [], []
    for pattern, value, name in (
            (r"\bbatch(?:es)?(?:\s+size)?\s*(?:of|=|:|is|was)?\s*(\d+)\b", s.batch_size, "batch size"),
            (r"\bdropout(?:\s+(?:rate|p|probability))?\s*(?:of|=|:|is|was|at)?\s*(\d*\.\d+)", step.dropout(), "dropout"),
            (r"\b(?:ema|decay)\s*(?:of|=|:|is|was|at)?\s*(0\.\d+)", s.ema, "the EMA's decay"),
            (r"\brotations?\s*(?:(?:of|up to|by|=|:|±)\s*){0,2}(?:±\s*|\+-\s*|\+/-\s*)?(\d+(?:\.\d+)?)\s*(?:°|degrees?\b|deg\b)",
             s.augment_degrees,
             "rotation"),
            (r"\belastic\w*\s*(?:of|up to|=|:)?\s*(\d+(?:\.\d+)?)\s*(?:px|pixels?)\b", s.augment_elastic, "elastic"),
            (r"\b(?:translat\w*|shifts?)\s*(?:(?:of|up to|by|=|:)\s*){0,2}(0?\.\d+)\b", s.augment_translate, "shift"),
            (r"\bmomentum\s*(?:of|=|:|is|was)?\s*(0?\.\d+)\b", s.momentum, "momentum"),
            (r"\bpatience\s*(?:of|=|:|is|was)?\s*(\d+)\b", s.plateau_patience if s.scheduler == "plateau" else None,
             "the plateau's patience")):
        if (found := re.search(pattern, low)) and value is not None:
            now = re.match(r"\s*(?:->|→)\s*(\d*\.?\d+)", low[found.end():])  # "batch 32 -> 64": this step's is 64
            said.append(f"{name} {value:g}")
            verdicts.append(math.isclose(_num(now[1] if now else found[1]), float(value), rel_tol=1e-6))
    if not verdicts:
        return None
    return Claim(number, clause, all(verdicts), f"{', '.join(said)} ({records.CONFIG})", "setting")


def _figures(low: str, clause: str, step: Step, number: int, skip: set[str], read: set[str] | None = None,
             earlier: dict[int, Step] | None = None) -> list[Claim]:
    """Every figure said of the step - parameters, receptive field, training images, epochs, accuracy, loss - must be
    one of its recorded figures (or meet the limit said)."""
    layer = _layer_params(low, clause, step, number)
    params = _params_said(low, clause, step, number, (earlier or {}).get(number - 1)) if "params" not in skip else None
    if layer and params and set(params.numbers) <= set(layer.numbers):
        params = None  # "those 12,832 weights": the layer's count, not the model's
    images = _images_said(low, clause, step, number)  # "training images 5,000 → 10,000": read with the step before's
    out = [c for c in (layer, params, _rf_said(low, clause, step, number),
                       None if images and read and set(images.numbers) <= read else images,
                       _epochs_said(low, clause, step, number) if "epochs" not in skip else None) if c is not None]
    taken = (read or set()) | {n for c in out if c.kind == "ratio" for n in c.numbers}  # "56 percent of Model_1's
    # parameters": a share the parameters' reader took, no accuracy
    return out + _digits_of_named(low, _accuracies(low, clause, step, number, skip, taken, earlier or {}),
                                  earlier or {}) + _losses(low, clause, step, number, earlier)


def _digits_of_named(low: str, found: list[Claim], earlier: dict[int, Step]) -> list[Claim]:
    """A digit's figure that none of this step's digits has, in a clause naming an earlier step whose digit has it
    ("even Model_1's best class (1, at 97.53) is below Model_2's worst"): whose figure it is is not settled."""
    named = [earlier[k] for k in {int(k) for k in re.findall(r"\b(?:step|model)[ _-]?(\d+)\b", low)} if k in earlier]
    out = []
    for c in found:
        theirs = [r for s in named for r in s.run.per_class
                  if c.verdict is False and c.numbers and c.evidence.startswith(("each digit", "digit"))
                  and any(said_as(v, c.numbers[0]) for v in (r.exact, r.accuracy))]
        out.append(replace(c, verdict=None, evidence=f"{c.evidence}; {c.numbers[0]} % is digit {theirs[0].digit}'s in a "
                                                     "step the clause names: whose figure it is is not settled")
                   if theirs else c)
    return out


_LAYER_COUNT = re.compile(rf"\b(?:layers?|linear|fc|head|conv\w*)\b"
                          rf"(?:(?!\b(?:it|model|network|net|why|so|this)\b)[^,;.()]){{0,20}}?"
                          rf"\b(?:holds?|has|have|had|takes?|owns?|"
                          rf"contains?)\s+{NUM}\s+(?:of them|parameters|params|weights)\b|"
                          rf"\b(?:those|these)\s+{NUM}\s+(?:parameters|params|weights)\b")


def _layer_params(low: str, clause: str, step: Step, number: int) -> Claim | None:
    """A layer's parameters ("the first Linear layer alone holds 12,832 of them", "those 12,832 weights" in a sentence
    about the fully connected layer): one recorded layer's count, its weights and bias or its weights alone."""
    found = _LAYER_COUNT.search(low)
    if found is None or not re.search(r"\b(?:linear|fully[- ]connected|fc|dense|conv\w*|layers?|kernels?)\b",
                                      (_SENTENCE.get() or "").lower() + " " + low):
        return None
    counts = {name: (s["type"], [math.prod(shape) for _, shape in module_shapes(s)]) for name, s in step.run.modules.items()}
    counts = {name: (kind, sizes) for name, (kind, sizes) in counts.items() if sizes}
    if not counts:
        return None
    text = found[1] or found[2]
    if _num(text) == step.run.params:
        return None  # the whole model's count: the parameters' reader
    ok = any(_num(text) in (sizes[0], sum(sizes)) for _, sizes in counts.values())
    shown = ", ".join(f"{name} ({kind}) {sum(sizes):,}" for name, (kind, sizes) in counts.items() if kind in ("Linear", "Conv2d"))
    return Claim(number, clause, ok, f"parameters by layer: {shown} ({records.CONFIG})", "figure", (text,))


# "finals from 97.75 to 98.33 %", "the worst of the last three runs from 92.36 % on seed 0 to 97.77 % on seed 2"
_SEED_AT = r"\s*%?\s*(?:\(\s*|\b)?(?:(?:on|for)\s+)?(?:seed\s+(?P<{}>\d+)\s*\)?\s*)?"
_SEED_SPAN = re.compile(r"\b(?P<role>finals?|final (?:values|accuracies|test\w*)|(?<=seeds )(?:end|ended|finish|finished)|"
                        r"(?:worst|lowest|min\w*)(?: of the last "
                        r"(?P<k>\d+|two|three|four|five)(?: epochs)?)?)\b[^.;%\d]{0,40}?"
                        r"(?:\b(?:spread|range)\w*\s+(?:(?:over|of|across)\s+)?(?P<size>\d*\.\d+)\s*(?:points?|pts?|pp)\s*,?\s*)?"
                        r"(?:\bfrom\s+|\bbetween\s+|\(\s*)"
                        r"(?P<a>\d{2}\.\d+)" + _SEED_AT.format("sa") + r"(?:(?:up |down )?to|and|–)\s*(?P<b>\d{2}\.\d+)"
                        + _SEED_AT.format("sb"))


def _seed_span(low: str, clause: str, step: Step, number: int) -> Claim | None:
    """The seeds' spread said as its ends, in a sentence about the seeds: their lowest and highest figure of the role
    said (final, the lowest of the last K), either way round, each the seed's its words name."""
    curves = seed_curves(step)
    if not step.check or len(curves) < 2 or not re.search(r"\bseeds\b|\b(?:every|each) seed'?s?\b|\bfinals\b|"
                                                          r"\bfinal (?:accuracies|values)\b|\btheir\b",
                                                          (_SENTENCE.get() or "").lower() + low) or \
            (span := _SEED_SPAN.search(low)) is None:
        return None
    k = _count(span["k"]) if span["k"] else step.last
    values = _seed_values(curves, "min" if span["role"][0] in "wlm" else "final", k)
    ends = sorted(values.values())
    ok = any(
        said_as(x, span["a"]) and said_as(y, span["b"]) for x, y in ((ends[0], ends[-1]), (ends[-1], ends[0])))
    if min(_decimals(span["a"]), _decimals(span["b"])) < 2:  # "between 97.7 and 98.4": bounds every seed's sits within
        ok = _num(span["a"]) <= ends[0] and ends[-1] <= _num(span["b"])
    for end, seed in (("a", "sa"), ("b", "sb")):
        if span[seed] is not None:  # "95.90 (seed 0)": that seed's
            ok = ok and int(span[seed]) in values and said_as(values[int(span[seed])], span[end])
    what = "final" if span["role"][0] not in "wlm" else f"min of the last {k}"
    said, read = ", ".join(f"seed {s} {v:.2f}" for s, v in values.items()), [span["a"], span["b"], span["sa"], span["sb"]]
    rest = low[span.end():]
    if span["size"]:  # "the three finals spread over 0.58 pt (97.75 to 98.33 %)": how far apart, said before the ends
        ok, read = ok and said_as(ends[-1] - ends[0], span["size"]), [*read, span["size"]]
    if spread := re.match(r"[^.;\d]{0,20}?\b(?:a\s+)?(?:spread|range|span|gap|difference) of\s+(?:about\s+|only\s+|just\s+)?"
                          r"(\d*\.\d+)", rest):
        ok = ok and said_as(ends[-1] - ends[0], spread[1])  # "a spread of 0.09"
        read.append(spread[1])
    if mean := re.search(r"\b(?:their|the)\s+(?:mean|average)\s+(?:is|was|of|at)?\s*(\d{2}\.\d+)", rest):
        ok = ok and said_as(sum(values.values()) / len(values), mean[1])  # "and their mean is 99.545"
        read.append(mean[1])
        said += f"; mean {sum(values.values()) / len(values):.3f}"
    return Claim(number, clause, ok, f"the seeds' {what}: {said} % ({records.CHECK})", "figure", tuple(x for x in read if x))


# "the finals lie within 0.58 points of each other", "spread over 0.83 points between the best and worst seed"
_SEEDS_APART = re.compile(r"\b(?:(?P<within>within)\s+(?P<a>\d*\.\d+)\s*(?:points?|pp)?\s+of\s+each\s+other|"
                          r"spread\s+(?:over|of|across)\s+(?P<b>\d*\.\d+)\s*(?:points?|pp)\b[^.;\d]{0,20}?"
                          r"\b(?:between|across|over)\b[^.;\d]{0,30}?\bseeds?\b|"
                          r"(?:finals|accuracies|values)\s+(?:all\s+)?(?:lie|lay|are|were|sit|sat|fall|fell)\s+("
                          r"?P<within2>within)\s+"
                          r"(?P<c>\d*\.\d+)\s*(?:points?|pts?|pp)?)")  # "the three finals lie within 0.18 points"


def _seeds_apart(low: str, clause: str, step: Step, number: int) -> Claim | None:
    """How far apart the seeds' figures lie (their highest less their lowest) in the role said (final, or the lowest of
    the last K): "within X of each other" no further than X, "spread over X points between the seeds" X itself."""
    curves = seed_curves(step)
    if not step.check or len(curves) < 2 or not re.search(r"\bseeds?\b|\bfinals\b", (_SENTENCE.get() or "").lower()) or \
            (apart := _SEEDS_APART.search(low)) is None:
        return None
    worst = re.search(r"\b(?:worst|lowest|min\w*|weakest)\b[^.;\d]{0,15}\b(?:last|final) (\d+|two|three|four|five)\b",
                      low[:apart.start()])
    k = _count(worst[1]) if worst else 1
    values = list(_seed_values(curves, "min" if worst else "final", k).values())
    size, said = max(values) - min(values), apart["a"] or apart["b"] or apart["c"]
    ok = size <= _num(said) + 0.5 * 10 ** -_decimals(said) if apart["within"] or apart["within2"] else said_as(size, said)
    what = "final" if k == 1 else f"min of the last {k}"
    return Claim(number, clause, ok, f"the seeds' {what}: {', '.join(f'{v:.2f}' for v in values)} %, {size:.2f} points "
                 f"apart ({records.CHECK})", "figure", (said,))


# "From Model_1 to Model_3 the final went 98.81 -> 99.41 -> 99.55", "across the three models: 98.00 -> 97.33 -> 93.48"
_EVERY_STEP = re.compile(r"\bfrom (?:step|model)[ _-]?1 to (?:step|model)[ _-]?(?P<n>\d)\b|"
                         r"\b(?:across|over|for|in) (?:the|all|all the) (?P<w>three|3|two|2|four|4) (?:models|steps)\b")
_CHAIN = re.compile(r"(?<![\d.])\d{1,3}\.\d+\s*%?(?:\s*(?:->|→)\s*\d{1,3}\.\d+\s*%?)+")


def _steps_chain(low: str, clause: str, step: Step, number: int, earlier: dict[int, Step]) -> list[Claim]:
    """A chain of as many figures as the steps a sentence spans ("from Model_1 to Model_3", "across the three
    models"): the k-th figure step k's, in the role said before the chain (final where none is)."""
    span = _EVERY_STEP.search((_SENTENCE.get() or "").lower())
    count = (int(span["n"]) if span["n"] else _count(span["w"])) if span else None
    steps = [earlier.get(k) if k != number else step for k in range(1, (count or 0) + 1)]
    if count is None or count != number or None in steps:
        return []
    out = []
    for chain in _CHAIN.finditer(low):
        figures = re.findall(r"\d{1,3}\.\d+", chain[0])
        if len(figures) != count:
            continue
        role = _chain_role(low, figures[0]) or ("final", 0, "final")
        values = [_curve_figure(s.run.test(), role[0], role[1] or s.last) for s in steps]
        ok = all(said_as(v, f) for v, f in zip(values, figures, strict=True))
        out.append(Claim(number, clause, ok, f"{role[2]} by step: " + " → ".join(f"{v:.2f}" for v in values) +
                         f" % ({records.METRICS} of each)", "figure", tuple(figures)))
    return out


# "loses 0.67 on the final test (98.00 → 97.33 %) and 3.77 on the lowest of the last 3 (95.75 → 91.98 %)": a move's
# size said before its pair, by a verb or by "and" after one
_MOVE_SAID = re.compile(rf"\b(?P<verb>{_WENT_UP}|{_WENT_DOWN}|adds?|added|costs?|and)\s+(?:only |just |by )*"
                        r"(?P<tol>about |around |roughly |~\s*)?"
                        r"(?P<n>\d+\.\d+|\d+(?=\s*(?:points?|pts?|pp)\b))\s*(?:percentage points?|points?|pts?|pp|%)?"
                        r"(?=\s+(?:on|in|at|for)\b|\s*\()")
_ARROWED = re.compile(r"(?:→|->)\s*\d+(?:\.\d+)?")  # a pair's second figure: where the words of the next pair start


def _move_before(low: str, start: int, end: int) -> tuple[str, str, bool | None] | None:
    """The size said for the pair at `end` between `start` and it, its tolerance word, and whether its verb says a fall
    (None where the words do not say which way)."""
    found = list(_MOVE_SAID.finditer(low, start, end))
    if not found:
        return None
    move = found[-1]
    verb = move["verb"] if move["verb"] != "and" else \
        next((m["verb"] for m in reversed(list(_MOVE_SAID.finditer(low, 0, move.start()))) if m["verb"] != "and"), None)
    if verb is None:
        return None
    return move["n"], (move["tol"] or "").strip(), verb in ("cost", "costs") or re.fullmatch(_WENT_DOWN, verb) is not None


def _steps_arrow(low: str, clause: str, figures: list[re.Match], k: int, step: Step, previous: Step | None,
                 number: int) -> Claim | None:
    """"Dropout and rotation together cut the min of the last 3 by 4.56 points (96.92 % → 92.36 %)": two figures by an
    arrow that are a role's in the step before and in this one, and the move's size where the clause says it."""
    if previous is None or k + 1 >= len(figures) or \
            not re.fullmatch(r"\s*(?:→|->|to)\s*", low[figures[k].end():figures[k + 1].start()]):
        return None
    xs, ys = figures[k][1], figures[k + 1][1]
    if not (pairs := _steps_pairs(previous, step, xs, ys)):
        return None
    named = {"min": r"\bmin|\blowest", "best test": r"\bbest|\bpeak|\bhighest", "best train": r"\btrain",
             "final": r"\bfinal|\bend"}  # the role the words name first, where two roles share the figures
    p, q, what = min(pairs, key=lambda x: not any(w in x[2] and re.search(r, low) for w, r in named.items()))
    ok, numbers = True, (xs, ys)
    if by := re.search(r"\bby\s+(?P<tol>about |around |~\s*)?(?P<n>\d+\.\d+(?!\s*x)|\d+(?=\s*(?:points?|pts?|pp)\b))"
                       r"\s*(?:percentage points?|points?|pts?|pp|%)?", low):
        ok, numbers = _within(abs(q - p), by["n"], (by["tol"] or "").strip()), numbers + (by["n"],)
    return Claim(number, clause, ok, f"{what} {p:.2f} → {q:.2f} % ({q - p:+.2f} points; {records.METRICS} of both)",
                 "figure", numbers)


# "6,410 over the 8,000 limit", "472 parameters under the 8k budget"
_EXCESS = re.compile(rf"(?<![\w.,]){NUM}\s*(?:(?:parameters|params)\s+)?(over|above|more than|beyond|under|below|fewer than|"
                     rf"less than|short of)\s+the\s+(?:{NUM}\s*(k)?(?:[- ]param(?:eter)?s?)?\s+)?(?:limit|budget|cap|line|target|"
                     r"mark)\b", re.I)  # "we are 6,410 parameters over the line": the budget's where none is said


# "only about 56 percent of Model_1's parameters": this step's count as a share of the step before's
_PARAMS_SHARE = re.compile(r"(?i)(?P<tol>about |roughly |around |~\s*|almost |nearly )?(?P<p>\d+(?:\.\d+)?)\s*"
                           r"(?:%|percent|per cent)\s+"
                           r"of\s+(?:the\s+)?(?:(?:step|model)[ _-]?\d+'s|the step before's|the previous (?:step|model)'s)\s+"
                           r"(?:parameters|params|parameter count|weights)\b")


# "6,410 params over 8,000": a count over a bare figure of the limit, said without "the limit"
_EXCESS_BARE = re.compile(rf"(?i)(?<![\w.,]){NUM}\s*(params|parameters)\s+over\s+{NUM}(\s*k)?(?![\d.,%])"
                          r"(?!\s*(?:limit|budget|cap|line|target|mark|params|parameters)\b)")


def _params_dropped(clause: str, step: Step, before: Step, number: int) -> Claim | None:
    """"after dropping 6,410 parameters from Model_1": the step before's count less this one's."""
    found = re.search(rf"(?i)\b(?:dropp\w*|cut\w*|sav\w*|remov\w*|shed\w*|trimm\w*)\s+{NUM}\s+(?:parameters|params)\s+"
                      r"(?:from|compared (?:to|with)|against|vs\.?)\s+(?:step|model)[ _-]?(\d+)\b", clause)
    if found is None or int(found[2]) != number - 1 or not before.run.params:
        return None
    return Claim(number, clause, _said_count(before.run.params - step.run.params, found[1], 1.0),
                 f"parameters {before.run.params:,} → {step.run.params:,} ({records.METRICS} of both)", "params", (found[1],))


# "with 500 parameters left", "exactly 500 to spare under the limit": the budget's limit less the count
_HEADROOM = re.compile(rf"(?<![\w.,]){NUM}\s*(?:(?:parameters|params)\s+)?(?:left|to spare|spare|of headroom|remaining)\b"
                       r"(?:\s+(?:under|below)\s+the\s+(?:limit|budget|cap|line))?", re.I)


def _params_said(low: str, clause: str, step: Step, number: int, before: Step | None = None) -> Claim | None:
    """"7,928 parameters", "Parameters: 7.5k", "~7.6k params", "under 6k parameters"; "up from 6,720": the step
    before's."""
    if before is not None and (dropped := _params_dropped(clause, step, before, number)) is not None:
        return dropped
    if before is not None and before.run.params and (part := _PARAMS_SHARE.search(clause)):  # "about 56 percent of Model_1's"
        share = 100 * step.run.params / before.run.params
        return Claim(number, clause, _share_within(share, part["p"], (part["tol"] or "").strip()), f"{step.run.params:,} "
                     f"parameters, {share:.1f} % of the step before's {before.run.params:,} ({records.METRICS} of both)", "ratio",
                     (part["p"],))
    if frozen := re.search(rf"(?i)\bnon[- ]?trainable\s+(?:params|parameters)\s*[:=]?\s*{NUM}", clause):  # a summary's line
        return Claim(number, clause, None, f"the records count the trainable parameters only ({step.run.params:,}; "
                     f"{records.METRICS})", "figure", (frozen[1],))
    clause = _EXCESS_BARE.sub(lambda m: f"{m[1]} {m[2]} over the {m[3]}{m[4] or ''} limit" if _num(m[1].replace(",", "")) < _num(
        m[3].replace(",", "")) * (1e3 if m[4] else 1) else m[0], clause)  # "6,410 params over 8,000": the excess, not the count
    if (room := _HEADROOM.search(clause)) and re.search(r"(?i)\bparam|\blimit\b|\bbudget\b", _SENTENCE.get() or clause):
        left = step.budget.max_params - step.run.params
        return Claim(number, clause, _said_count(left, room[1], 1.0), f"{step.run.params:,} parameters, "
                     f"{left:,} under the limit of {step.budget.max_params:,} ({records.METRICS})", "figure", (room[1],))
    if re.search(r"(?i)\b(?:layer|conv\w*|fc|linear|head|block)\b(?:\s+\w+)?\s*(?:alone|only)?\s*[:=]?\s*$",
                 clause[:m.start()] if (m := re.search(r"\d[\d,]*\s*(?:parameters|params)\b", clause)) else ""):
        return None  # "First FC layer alone: 12,832 parameters": a layer's share, not the model's count
    claim = _params_of(low, clause, step, number)
    if claim is not None and (excess := _EXCESS.search(clause)) and excess[1] in claim.numbers and \
            not re.search(rf"{re.escape(excess[1])}\s*(?:parameters|params)?\s*[,;(]", clause):
        claim = Claim(number, clause, True, f"{step.run.params:,} parameters ({records.METRICS})", "figure", ())  # its excess
    if claim is not None and (limit := re.search(rf"\((?:under|below|less than|<)\s*{NUM}\s*(k|K)?\)", clause, re.I)):
        ok = step.run.params < _num(limit[1]) * (1e3 if limit[2] else 1)  # "Params 8,000 (under 8k)"
        claim = replace(claim, verdict=claim.verdict and ok, numbers=claim.numbers + (limit[1],))
    if claim is not None and (again := re.search(rf"\(\s*(?:~|about|≈|approx\.?)\s*{NUM}\s*(k|K)\s*\)", clause, re.I)):
        ok = _said_count(step.run.params, again[1], 1e3)  # "7,568 params (~7.6k)": the count said again, rounded
        claim = replace(claim, verdict=claim.verdict and ok, numbers=claim.numbers + (again[1] + again[2],))
    if claim is not None and (excess := _EXCESS.search(clause)):  # "6,410 over the 8,000 limit": the count minus it
        over = step.run.params - (_num(excess[3]) * (1e3 if excess[4] else 1) if excess[3] else step.budget.max_params)
        ok = _said_count(over if excess[2].lower() in ("over", "above", "more than", "beyond") else -over, excess[1], 1.0)
        claim = replace(claim, verdict=claim.verdict and ok, numbers=claim.numbers + tuple(n for n in excess.group(1, 3) if n),
                        evidence=f"{claim.evidence}: {abs(over):,.0f} {'over' if over > 0 else 'under'} "
                                 f"{excess[3] or f'{step.budget.max_params:,}'}")
    came = re.search(rf"\b(?:up|down) from\s*{NUM}\s*(k|K)?\b", clause, re.I)
    if claim is None or came is None or before is None or not before.run.params:
        return claim
    ok = _said_count(before.run.params, came[1], 1e3 if came[2] else 1.0)
    return replace(claim, verdict=claim.verdict and ok, numbers=claim.numbers + (came[1],),
                   evidence=f"{claim.evidence}; the step before: {before.run.params:,}")


def _params_of(low: str, clause: str, step: Step, number: int) -> Claim | None:
    found = next((m for m in (
        re.search(rf"(?<![\w.,]){NUM}\s*(k|K|M|m)?\+?(?:\s*|-)(?:trainable\s+|total\s+)?(?:parameters|params|weights|"
                  r"(?<=-)parameter)\b", clause, re.I),  # "the same 6,720-parameter network"
        re.search(rf"(?:parameters|params)\s*(?:count|come to|comes to|came to|amount to|total|in total|are now|is now|"
                  rf"stay(?:s|ed)?|remain(?:s|ed)?)?\s*"
                  rf"(?:of|:|=|is|was|are|to|at|-|–|\()?\s*(?:~|about|around|only|exactly|"
                  rf"just|under|below|less than|fewer than|<|over|above|more than|>)?\s*{NUM}\s*(k|K|M|m)?\b", clause, re.I),
        # "the parameters are the same as in step 2 (7,568)": the count in brackets is this step's too
        re.search(rf"(?:parameters|params)\s+(?:are|is|stay\w*|remain\w*)\s+(?:the same|unchanged)(?:\s+as\s+(?:in\s+)?"
                  rf"(?:step|model)[ _-]?\d+(?:'s)?)?\s*\(\s*{NUM}\s*(k|K)?\s*\)", clause, re.I))
        if m), None)
    if found is None or re.search(r"\b(?:adds?|added|adding|costs?|saves?|saved|removes?|removed|takes? away|an extra|"
                                  r"extra|another)\s+(?:a\s+net\s+|net\s+)?(?:only\s+|just\s+)?$|\b(?:adds?|added|adding)\b[^,;.]{0,30}\bfor\s+$|"
                                  r"[+\-−]\s?$",  # "+2,854 params vs step 2": the change, the reader of changes
                                  clause[:found.start()], re.I) or \
            re.match(r"\s*(?:fewer|more|less|lighter|heavier|smaller|bigger|larger|(?:above|below|over|under)\s+"
                     r"(?:(?:model|step)[ _-]?\d|the (?:previous|last|first|step|model)))\b", clause[found.end():], re.I):
        return None  # "batch norm adds 136 parameters": a layer's share, not the count
    whole = re.match(rf"\s*(?:of|out of)\s+(?:the\s+|all\s+|its\s+)?{NUM}(?![\d.,]*\d)", clause[found.end():], re.I)
    if whole and _said_count(step.run.params, whole[1], 1.0) and not _said_count(step.run.params, found[1], 1.0):
        return _params_share(clause, step, number, found[1], whole[1])  # "(5,480 of 6,720)": a part of the count
    part = re.search(rf"(?<![\w.,]){NUM}\s+(?:of|out of)\s+(?:the\s+|all\s+|its\s+)?$", clause[:found.start()], re.I)
    if part and (share := _params_share(clause, step, number, part[1], found[1])):
        return share  # "block1 holds only 1,030 of the 6,720 parameters"
    params, text = step.run.params, found[1]
    scale = {"k": 1e3, "m": 1e6}.get((found[2] or "").lower(), 1.0)
    head = low[:found.start()] + " " + low[found.start():found.end()]
    said = f"{params:,} parameters ({records.METRICS})"
    if re.search(r"\b(?:higher|more|bigger|larger|greater) than (?:what )?(?:was |i |we )?(?:expected|targeted|wanted|allowed|"
                 r"required)\b", head):  # "the params count is a little higher than expected (< 8k)": above the limit
        return Claim(number, clause, params >= _num(text) * scale, said, "figure", (text,))
    denied = _negated(low, found.start())  # "the model is not under 8k params"
    if re.search(r"\b(under|fewer than|less than|below|within|<)\s*(?:~\s*)?" + re.escape(text), head):
        return Claim(number, clause, (params < _num(text) * scale) != denied, said, "figure", (text,))
    if re.search(r"\b(over|above|more than)\s*" + re.escape(text) + r"|>\s*" + re.escape(text), head):
        return Claim(number, clause, (params > _num(text) * scale) != denied, said, "figure", (text,))
    if scale > 1 and re.search(r"(~|\babout|\baround|\broughly|\bapprox\w*)\s*" + re.escape(text), head):
        return Claim(number, clause, abs(params - _num(text) * scale) <= 10 ** -_decimals(text) * scale, said, "figure",
                     (text,))  # "~7.6k": one unit of the last digit either way
    return Claim(number, clause, _said_count(params, text, scale), said, "figure", (text,))


def _params_share(clause: str, step: Step, number: int, part: str, whole: str) -> Claim | None:
    """"block2 eats the lion's share of the parameters (5,480 of 6,720)": the named block's or layer's count (its rows
    of the layer table summed) out of the model's; a part whose block is not named is left unchecked."""
    names = [r.name for r in step.run.layers]
    said = next((w for w in (w.rstrip(".") for w in re.findall(r"[a-z_][\w.]*", clause, re.I))
                 if any(n == w or n.startswith(w + ".") for n in names)), None)
    if said is None:
        return None
    share = sum(r.params for r in step.run.layers if r.name == said or r.name.startswith(said + "."))
    ok = _said_count(share, part, 1.0) and _said_count(step.run.params, whole, 1.0)
    return Claim(number, clause, ok, f"{said} holds {share:,} of the {step.run.params:,} "
                 f"parameters ({records.CONFIG}'s layer table)", "figure", (part, whole))


# a conv named by its place and the receptive field said of it: "conv5 sees 18×18", "the rf at the last conv is 18"
_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
_CONV_NAMED = re.compile(r"\b(?:conv(?:block)?\s*(\d)|(?:the\s+)?(\d)(?:st|nd|rd|th)\s+conv\w*|"
                         r"(?:the\s+)?(first|second|third|fourth|"
                         r"fifth|sixth|seventh|eighth|last)\s+conv\w*)\b(?:\s+layer)?\s*(?:is|=|:|sees|has|of|at)?\s*(?P<token>(\d+)"
                         r"(?:\s*[x×]\s*\d+)?)(?:\s*px)?\b(?![.,]\d|\s*%)")


def _rf_said(low: str, clause: str, step: Step, number: int) -> Claim | None:
    """The receptive field's figures: at the head, after a layer, or its growth a conv ("by 2 pixels with each 3x3
    conv before the pool, by 4 after it"); each must be one of the layer table's (a field, a jump, a growth)."""
    if not re.search(r"receptive field|\brf\b", low):
        return None
    rows = [r for r in step.run.layers if r.rf]
    if not rows:
        return None
    fields = sorted({r.rf for r in rows})
    growths = sorted({b.rf - a.rf for a, b in zip(rows, rows[1:], strict=False) if b.rf > a.rf})
    jumps = sorted({r.jump for r in rows if r.jump})
    words = re.sub(r"(\d),(\d{3})\b", r"\1\2", low[re.search(r"receptive field|\brf\b", low).start():])
    words = re.sub(r"\b(?:of|like|whether) (?:a|an|the) \d\b(?![\d.])", " of a digit", words)  # "the top of a 9": a digit
    said = re.findall(r"(?<![\w.x×])(\d+)(?![\w.x×]|\s*%|-pixel digit|\s+of the (?:image|input|digit)|"
                      r"\s*(?:px\s+)?(?:image|input)\b|\s*(?:epochs?|params|parameters|(?:train(?:ing)?\s+)?images|seeds?)\b)",
                      re.sub(r"\d+\s*[x×]\s*\d+", " ", words))  # "Receptive field 18 px, 8 epochs": 8 is the epochs'"
    said = [n for n in said if _num(n) < 200]  # "the receptive field is 18 and the parameter count of 8,000": not a field
    convs, named = [r for r in step.run.layers if r.type == "Conv2d"], _CONV_NAMED.search(low)
    if not said and named is None:
        return None
    ok, own = all(int(_num(n)) in (*fields, *growths, *jumps) for n in said), ""
    if named and (k := int(named[1] or named[2]) if (named[1] or named[2]) else
                  _ORDINAL_WORDS.index(named[3]) + 1 if named[3] != "last" else len(convs)) and \
            1 <= k <= len(convs):  # "conv5 sees 18×18", "the receptive field at the 4th conv is 14": that conv's own
        ok = ok and int(_num(named[5])) == convs[k - 1].rf
        said.append(named["token"])
        own = f"; conv {k} ({convs[k - 1].name}): {convs[k - 1].rf}"
    return Claim(number, clause, ok, f"receptive field by layer: {', '.join(map(str, fields))} px (at the head "
                 f"{step.run.layers[-1].rf}); growth a layer: {', '.join(map(str, growths))}; jumps "
                 f"{', '.join(map(str, jumps))}{own} "
                 f"({records.CONFIG}'s layer table)", "figure", tuple(said))


def _split_plainly(low: str) -> str:
    """A validation split's counts as `_images_said` reads them: "Of the 8,000 images, 1,000 go to the validation
    split" (its share, said first), "One eighth of the 8,000 images (1,000) went to validation" (the total, then the
    split's count), "1,000 of the images held out for validation" (of images not counted)."""
    low = re.sub(rf"\bof (?:the )?{NUM}\s*(k|K)?\s*(?:images|samples)?,\s*{NUM}\s*(k|K)?\s+(go(?:es)? to|went to|"
                 r"are (?:used )?for|are held out for)\b", lambda m: f"{m[3]}{m[4] or ''} of the {m[1]}{m[2] or ''} {m[5]}", low)
    low = re.sub(rf"\bof (?:the )?{NUM}\s*(k|K)?\s*(images|samples)\s*\(\s*{NUM}\s*(k|K)?\s*\)",
                 lambda m: f"{m[4]}{m[5] or ''} of the {m[1]}{m[2] or ''} {m[3]}", low)
    return re.sub(rf"{NUM}\s*(k|K)?\s+of\s+(?:the|its|our|my)\s+(?:training\s+)?(?:images|samples)\s+(?:were\s+|was\s+)?"
                  r"(?:held out|set aside|kept|reserved|put aside)\s+for\s+(?:the\s+)?validation\b",
                  lambda m: f"{m[1]}{m[2] or ''} images for validation", low)


_IMAGES_MOVED = re.compile(rf"\b(?:training |train )?images:?\s+(?:from\s+)?{NUM}\s*(k)?\s*(?:→|->|to)\s*{NUM}\s*(k)?(?![\d.]|"
                           rf",\d)")


def _images_moved(low, clause, step, previous, number) -> Claim | None:
    """"training images 5,000 → 10,000": the step before's count, then this step's."""
    if previous is None or (found := _IMAGES_MOVED.search(low)) is None:
        return None
    a, b = (_num(found[i]) * (1000 if found[i + 1] else 1) for i in (1, 3))
    return Claim(number, clause, (a, b) == (previous.train_images, step.train_images),
                 f"training images {previous.train_images:,} → {step.train_images:,} ({records.CONFIG} of both)", "figure",
                 (found[1], found[3]))


def _images_said(low: str, clause: str, step: Step, number: int) -> Claim | None:
    """"10,000 images", "the full 60k train set", "all the training images"; not the test set a noise is said on ("two
    standard errors on 10,000 images")."""
    if re.search(r"\b(?:standard errors?|se|noise)\b[^.;]{0,20}?\bon\s+(?:the\s+)?10,?000\s+(?:test\s+)?images\b", low):
        return None
    split = step.run.settings.val_split
    said = f"{step.train_images:,} training images ({records.CONFIG})" + (f" + {split:,} validation" if split else "")
    if split and re.search(r"\btrain", low) and re.search(r"\bvalid|\bval\b", low) and re.search(r"\bimages?\b", low):
        counts = [(m[1], _num(m[1]) * (1000 if m[2] else 1), bool(m[2])) for m in re.finditer(rf"{NUM}\s*(k|K)?\b", clause)
                  if not re.match(r"\s*(?:params|parameters|weights|budget)\b", low[m.end():]) and
                  not re.search(r"\bparam\w*\s*[:=\-–]?\s*$", low[:m.start()])]  # "Parameters: 9,574 (over the 8k budget)"
        counts = [c for c in counts if c[1] >= 100]  # "Of the 8,000 images, 7,000 train and 1,000 validation": each
        if len(counts) >= 2:
            ok = all(any(abs(v - t) < (500 if k else 0.5) for t in (step.train_images, split, step.train_images + split))
                     for _, v, k in counts)
            return Claim(number, clause, ok, said, "figure", tuple(t for t, _, _ in counts))
    low = _split_plainly(low)
    if share := _split_share(low, clause, step, number, said):  # "1,000 of the 8,000 go to validation"
        return share
    # "the validation split left 7,000 images for training": those are the training images
    if val := re.search(rf"\bvalidation\b[^.;]*?{NUM}\s*(k|K)?\s*(?:images|samples|digits)(?!\s+(?:for|to)\s+train)|"
                        r"\bval(?:idation)? split\s*[:=]?\s*"
                        rf"{NUM}\s*(k|K)?\b|{NUM}\s*(k|K)?\s*(?:images|"
                        r"samples|digits)?\s*(?:of |for |as )?(?:a |the )?validation", low):
        text, k = next((val[i], val[i + 1]) for i in (1, 3, 5) if val[i])
        ok = abs(_num(text) * (1000 if k else 1) - split) < (500 if k else 0.5)
        if total := re.search(rf"\bout of (?:the )?{NUM}\s*(k|K)?", low):
            ok = ok and abs(_num(total[1]) * (1000 if total[2] else 1) - step.train_images - split) < (500 if total[2] else 0.5)
        return Claim(number, clause, ok, said, "figure", (text,) + ((total[1],) if total else ()))
    if found := re.search(rf"(?:training |train )(?:images|samples|set size)\s*[:=\-–]?\s*{NUM}\s*(k|K)?", clause, re.I) or \
            re.match(rf"\W*(?:images|samples)\s*[:=]\s*{NUM}\s*(k|K)?", clause, re.I) or \
            re.search(rf"{NUM}\s*(k|K)?\s+(?:of|out of) (?:the|all)\s+(?:{NUM}\s*(?:k|K)?\s+)?(?:mnist\s+)?(?:train(?:ing)?\s+)?"
                      r"(?:images|samples|digits)", clause, re.I) or \
            re.search(rf"{NUM}\s*(k|K)?\s*(?:mnist\s+)?(?:training |train )?(?:images|samples|digits|examples|"
                      r"(?:train(?:ing)?\s+)?(?:set|dataset|data)\b)", clause, re.I) or \
            re.search(rf"{NUM}\s*(k|K)?\s+(?:images\s+)?(?:are|were)\s+(?:left|kept)\s+(?:for|to)\s+train", clause, re.I):
        value = _num(found[1]) * (1000 if found[2] else 1)
        if value < 100:  # "3 digits", not a count of images
            return None
        return Claim(number, clause, abs(value - step.train_images) < (500 if found[2] else 0.5), said, "figure",
                     (found[1],))
    if re.search(r"\b(?:full|whole|entire|complete)\s+(?:mnist\s+)?(?:train(?:ing)?\s+)?(?:set|dataset|data)\b|"
                 r"\ball (?:of )?(?:the )?(?:mnist )?(?:train(?:ing)? )?images\b", low):
        return Claim(number, clause, step.train_images >= records.MNIST_TRAIN - split, said, "figure")
    return None


def _split_share(low: str, clause: str, step: Step, number: int, said: str) -> Claim | None:
    """"1,000 of the 8,000 go to validation", "the validation split takes 1,000 of the 8,000 images, so the model trained
    on only 7,000": the split, the whole (and the rest), each against the records."""
    split = step.run.settings.val_split
    share = re.search(rf"{NUM}\s*(k|K)?\s+(?:of|out of) (?:the )?{NUM}\s*(k|K)?\s*(?:images|samples)?\s*(?:go(?:es)? to|"
                      r"went to|(?:are|were) (?:(?:used|set aside|held out|kept|reserved|put aside) )?(?:for|as)|for|as) "
                      r"(?:the |a )?validation", low) or \
        re.search(rf"\bvalidation\b[^.;\d]*?{NUM}\s*(k|K)?\s+(?:of|out of)\s+(?:the\s+|all\s+)?{NUM}\s*(k|K)?\s*"
                  r"(?:images|samples|digits)", low)
    if share is None:
        return None
    ok = _count_near(share[1], share[2], split) and _count_near(share[3], share[4], step.train_images + split)
    if rest := re.search(rf"\btrain(?:ed|s|ing)?\s+on\s+(?:only\s+|just\s+)?{NUM}\s*(k|K)?", low[share.end():]):
        ok = ok and _count_near(rest[1], rest[2], step.train_images)
    return Claim(number, clause, ok, said, "figure", (share[1], share[3]) + ((rest[1],) if rest else ()))


def _count_near(text: str, thousands: str | None, count: int) -> bool:
    """A count of images as said ("7,000", "7k": within 500 where said in thousands) against the record's."""
    return abs(_num(text) * (1000 if thousands else 1) - count) < (500 if thousands else 0.5)


def _epochs_said(low: str, clause: str, step: Step, number: int) -> Claim | None:
    """"15 epochs", "trained for 8 epochs", "in under 15 epochs": the epochs trained (planned, against a limit)."""
    found = re.match(r"\W*(?:no\.? of |number of |total |trained )?epochs(?: trained)?\s*[:=–-]\s*(\d+)\s*$", low) or \
        re.search(r"(?:\b(?:for|over|trained|train|ran|run|in|on|with|after|within|total of|only|just|all|took|and)\s+"
                      r"|^\W*|[;(]\s*|(?<=[a-z0-9]),\s+|\b(?:every one|each|all) of the\s+|\bthe same\s+)"
                      r"(?:(?:under|fewer than|less than|at most|no more than|only|just|all)\s+)?"
                      r"(\d+)\s+"
                      r"epochs\b(?!\s+(?:later|before|after|ago|in a row))", low) or \
        re.search(r"\b(?:under|fewer than|less than|within|at most|no more than)\s+(\d+)\s+epochs\b", low) or \
        re.search(r"(?<![\w.-])(?<!last )(?<!first )(\d+)-epochs?\b(?!\s+(?:later|before|after|ago))", low)  # "a 6-epoch run"
    if found is None:
        return None
    if (re.search(r"\b(reach\w*|hit|got to|cross\w*|achiev\w*|went|rose|climbed)\b.*%", low[:found.start()]) or
            re.search(r"\b(stuck|stay\w*|remain\w*|hardly|barely|flat|plateau\w*|moves?|moved|only|happen\w*|nothing|hover\w*|"
                      r"first(?!\s+(?:working\s+)?(?:model|step|version|attempt|try|run|network|baseline|iteration))|"
                      r"stall\w*|sits?|sat|idle|chance)\b",
                      low[:found.start()][-40:])) and int(found[1]) != len(step.run.epochs):
        return None  # "reached 95 % within 2 epochs": how soon, not how long it trained (unless the whole run)
    if int(found[1]) != len(step.run.epochs) and (
            re.search(r"\b(?:doubl|tripl|halv|rose|fell|climb|jump|gain|drop|improv|grew|went (?:up|down))\w*\b[^,;%]{0,20}$",
                      low[:found.start()]) or
            any(int(k) < number for k in re.findall(r"\b(?:step|model)[ _-]?(\d+)\b[^,;]{0,25}$", low[:found.start()]))):
        return None  # "more than doubled in two epochs": a span's length; "anything Model_1 reached in 8 epochs": that step's
    if re.search(r"\b(?:above|below|ahead of|behind|over|under)\s+(?:the\s+)?(?:train\w*|test)(?:\s+acc\w*)?\s+(?:for|in)\s+"
                 r"(?:the first\s+)?$", low[:found.start(1)]):
        return None  # "test above train for 13 epochs": how long a state lasted, the fit's reader
    if any(span.start(2) == found.start(1) for span in _RATE_SPAN.finditer(low)):
        return None  # "LR: 0.05 for 4 epochs": how long a rate lasted, the rate's reader
    if re.match(r"\s*for\b", found[0]) and (re.search(r"\d\s*%\s*$", low[:found.start()]) or re.search(
            r"\b(?:wobbl\w*|stay\w*|sits?|sat|stall\w*|hover\w*|plateau\w*|flatten\w*|stuck|remain\w*)\b[^,;\d]{0,25}$",
            low[:found.start()])):
        return None  # "wobbles at 98.61 % for 2 epochs": how long a figure or a state lasted
    if re.search(r"\d\s*%\s*$", low[:found.start()]) and re.match(r"\s*(?:after|within)\b", found[0]) and \
            int(found[1]) != len(step.run.epochs):
        return None  # "95 % after just 2 epochs": how soon a level came
    if re.match(r"\s*(?:it|the model|test\w*|accuracy)?\s*(?:had\s+)?(?:reach\w*|pass\w*|hit|got to|cross\w*|climb\w*)\b",
                low[found.end():]) and re.search(r"\bwithin\b", found[0]):
        return None  # "within 2 epochs it passed 95 %": the same, said the other way round
    run, value = step.run, int(found[1])
    if re.search(r"\bwithin\b", found[0]) and value < min(len(run.epochs), step.budget.max_epochs) and \
            re.search(r"\b(?:catch\w*|caught|recover\w*|clos\w*|pull\w*|overt\w*|settl\w*|converg\w*|up|ahead|back)\b",
                      low[:found.start()][-40:]):
        return None  # "train catches up within two epochs": how soon, not how long it trained
    said = f"{len(run.epochs)} epochs trained, {run.planned_epochs} planned ({records.METRICS})"
    if re.search(r"(under|fewer than|less than)\s+\d", found[0]):  # "under 15 epochs": students mean the budget's 15
        return Claim(number, clause, run.planned_epochs <= value, said, "figure", (found[1],))
    if re.search(r"(within|at most|no more than|<=|≤)\s+\d", found[0]):
        return Claim(number, clause, run.planned_epochs <= value, said, "figure", (found[1],))
    return Claim(number, clause, value == len(run.epochs), said, "figure", (found[1],))


def _accuracies(low: str, clause: str, step: Step, number: int, skip: set[str], read: set[str],
                earlier: dict[int, Step]) -> list[Claim]:
    """A percentage said of the step: one of its recorded accuracies, of the role the words name (train, test, best,
    final, the lowest of the last epochs, at epoch N, a seed's, a digit's), or of another step where the words name
    it; `nearly 99 %`: within half a point below."""
    listed, figures = "", list(re.finditer(r"(\d{1,3}\.\d+|\d{2,3})\s*%", clause))
    out = _figures_paired(low, clause, figures, step, number, earlier, read)
    for k, found in enumerate(figures):
        text, start = found[1], figures[k - 1].end() if k else 0  # its words start after the figure before it
        if text in read or _the_line(step, text, skip, low[:found.start()]):
            continue  # a reader before decided it (a threshold, a comparison); the budget's line as a target
        if k and (level := _second_level(low, clause, step, number, found)) is not None:
            out.append(level)
            continue
        tail = 30 if k == len(figures) - 1 else 0
        # "98.78 % and 98.81 %", "99.43 % to 99.54 %", "99.48 % at epoch 13 and 99.61 % at epoch 15": whose said before
        named = re.search(r"\b(?:train\w*|test|validation|seeds?|digit|class)\b", low[start:found.start()])
        around = low[_words_start(low, found.start(), start if named else 0):found.end() + tail]
        after = low[found.end():figures[k + 1].start() if k + 1 < len(figures) else len(low)]
        if (them := _whose_step(low, low[start:found.start()], after, number, text, earlier)) != number:
            out += [_other_step_figure(clause, earlier[them], them, number, text, low[start:found.start()], low)] \
                if them in earlier else []  # another step's figure: read against that step's records
            continue
        own = re.split(r",|;|\bthen\b|\band\b", low[max(start, found.start() - 60):found.start()])[-1]
        if _in_chain(low, start, found):
            out.append(_chain_figure(low, clause, step, number, text, earlier))
            continue
        epoch, words = _epoch_of(own, after, low[:found.start()]), low[start:found.start()]
        if (began := _began(low, clause, step, number, text, own, found.end(), epoch, words, earlier)) is not None:
            out.append(began)
            read.update(began.numbers[1:])
            continue
        # "93.48 % (seed 0), 97.15 % (seed 1)": a list, read in its first figure's role
        listed = words = listed if _LIST_GLUE.fullmatch(words) and k else words
        words, epoch = _role_beside(low, after, found.start(), words, epoch)
        seed, before = _seed_said(low, after, start, found.start()), low[start:found.start()]
        if several := _seeds_after(after, bool(k) and re.fullmatch(r"[\s,;:/|%]*", low[start:found.start()]) is not None):
            out += [_seed_figure(clause, step, number, text, s, words, around, epoch) for s in several]
            continue
        every = re.match(r"\s*(?:on|for|across|in|of)\s+(?:every|each|all)\s+(?:the\s+)?(?:\w+\s+)?seeds?\b", after)
        if every and step.check:  # "the min of the last 3 was 99.54 on every seed": each seed's own figure
            out.append(_every_seed_figure(clause, step, number, text, words, around, epoch))
        elif seed is not None and _of_one_seed(before, after) and not _run_train(before, seed, step):
            out.append(_seed_figure(clause, step, number, text, int(seed[1]), words, around, epoch))
        elif (claim := _epochs_figure(clause, step, number, text, words, after)) is not None:
            out += [claim] if claim not in out else []  # "epochs 3 and 4 gave 95.75 and 95.94": one claim for both
        elif (claim := _accuracy(low, clause, step, number, text, words, _curve_after(words, low[found.start():found.end()],
                                                                                    after) or around, epoch)) is not None:
            out.append(claim)
    return out


def _figures_paired(low: str, clause: str, figures: list[re.Match], step: Step, number: int, earlier: dict[int, Step],
                    read: set[str]) -> list[Claim]:
    """Figures read together before each is read alone: two steps' figures of a role by an arrow, the seeds' spread by
    its ends; the numbers they read added to `read`."""
    out = [c for k, f in enumerate(figures) if f[1] not in read and
           (c := _steps_arrow(low, clause, figures, k, step, earlier.get(number - 1), number)) is not None]
    out += [c for c in [_seed_span(low, clause, step, number), _seeds_apart(low, clause, step, number)] if c is not None]
    read.update(n for c in out for n in c.numbers)
    return out


def _second_level(low: str, clause: str, step: Step, number: int, found: re.Match) -> Claim | None:
    """A second level in a clause, after another ("below 99.4 % and only the final epoch got above 97 %"): read as a
    threshold in its own words, from the joint before it."""
    part = re.split(r"\band\b|\bbut\b|,", low[:found.start()])[-1]
    if not re.search(r"\b(?:above|over|below|under|at least|at most|more than|less than)\s*$", low[:found.start()]) or \
            _num(found[1]) < 50 or re.search(r"\b(?:epochs?|param\w*|seeds?)\s+(?:at most|at least|above|over|below|under|"
                                             r"less than|more than)\s*$", part) or \
            (level := _threshold(part + low[found.start():found.end()], clause, step, None, number)) is None:
        return None
    return level if level.numbers else replace(level, numbers=(found[1],))


def _described_step(words: str, after: str, text: str, earlier: dict[int, Step]) -> int | None:
    """An earlier step a figure is said of by a description, not a number ("against 58.89 for the plain skeleton",
    "than the 96.14 of the fully-connected model"): the latest earlier step that recorded the figure, else None."""
    if not re.search(r"\b(?:against|vs\.?|versus|than|instead of|compared (?:with|to))\s*(?:the\s+)?$", words) or \
            not re.match(r"\s*%?\s*(?:for|in|of|from|with)\s+(?:the|our|my)\s+(?!new\b|current\b|this\b|same\b)[\w -]{2,30}?"
                         r"\b(?:model|skeleton|network|net|baseline|one|version|run|cnn|head)\b", after):
        return None
    return next((k for k in sorted(earlier, reverse=True)
                 if any(said_as(v, text) for v in earlier[k].run.test() + earlier[k].run.train())), None)


def _whose_step(low: str, words: str, after: str, number: int, text: str = "", earlier: dict[int, Step] | None = None) -> int:
    """The step a figure is said of: the one its words name, the step before where they say "before it was", an earlier
    one named by what it is ("against 58.89 for the plain skeleton"), else this."""
    other = _whose(low, words, after)
    if other is None and earlier and (described := _described_step(words, after, text, earlier)):
        return described
    if other is None and re.search(r"\b(?:against|vs\.?|versus|instead of)\s*$", words) and not _NOW.match(after) and \
            re.match(r"\W*compared (?:with|to) (?:the|our|my) [\w -]{2,30}?\b(?:model|network|net|one|version|baseline)\b",
                     _SENTENCE.get() or "", re.I):
        return number - 1  # "Compared with the fully-connected model, ... (96.92 % against 96.14 %)": the step before's
    return int(other[1]) if other else number - 1 if _BEFORE_IT.search(words) else number


def _curve_after(words: str, figure: str, after: str) -> str | None:
    """The words around a figure whose curve is named right after it ("its best epochs were 98.45 % train (epoch 5) and
    98.12 % test (epoch 3)"): that curve's, with no other curve named; None where none follows it, or where the word
    labels the next figure ("test accuracy -> 99.21 % train accuracy -> 99.46 %")."""
    curve = re.match(r"\s*%?\s*(train(?:ing)?|test|val\w*)(?:\s+acc\w*)?\s*(?=[(),;]|\b(?:and|vs|versus|against)\b|"
                     r"\b(?:at|in|after) epoch\b|@|$)", after)
    return re.sub(r"(?:train|test|val)\w*", "", words) + f" {figure}{after}" if curve else None


# "Epochs 13 and 14 both ended at 98.61", "Epochs 3 and 4 gave 95.75 and 95.94": the epochs named before the figure
# said of both, or before one figure each
_EPOCHS_BEFORE = r"\bepochs\s+(\d+)\s*(?:,|and|&)\s*(\d+)\s+(?:both\s+)?(?:ended|finished|were|stood|sat|gave|closed)\s+" \
    r"(?:at\s+|on\s+)?(?:both\s+)?"


def _epochs_figure(clause: str, step: Step, number: int, text: str, words: str, after: str) -> Claim | None:
    """One figure said of several epochs ("98.61 in epochs 13 and 14"), or one figure each in the epochs' order
    ("epochs 3 and 4 gave 95.75 and 95.94"): each of them, of the curve the words name."""
    both = re.match(r"\s*%?\s*(?:at|in|on|for|during|after)\s+(?:both\s+)?epochs\s+(\d+)\s*(?:,|and|&)\s*(\d+)\b", after)
    figures = [text, text]
    if both is None and (both := re.search(_EPOCHS_BEFORE + r"(\d{1,3}(?:\.\d+)?)\s*%?(?:\s*(?:and|,|/)\s*(\d{1,3}\.\d+)\b)?",
                                           clause.lower())):
        figures = [both[3], both[4] or both[3]]
    train = bool(re.search(r"\btrain(?:ing)?\b", words)) and not re.search(r"\btest|\bval", words)
    curve = step.run.train() if train else step.run.test()
    if both is None or text not in figures or re.search(r"\bseeds?\b|\bdigit|\bclass|\bloss", words) or \
            not all(1 <= int(e) <= len(curve) for e in both.groups()[:2]):
        return None
    epochs = [int(e) for e in both.groups()[:2]]
    which = "train" if train else "test"
    ok = all(said_as(curve[e - 1], f) for e, f in zip(epochs, figures, strict=True))
    return Claim(number, clause, ok, f"{which} accuracy at epochs {epochs[0]} and {epochs[1]}: {curve[epochs[0] - 1]:.2f}, "
                 f"{curve[epochs[1] - 1]:.2f} % ({records.METRICS})", "figure", (*dict.fromkeys(figures), *both.groups()[:2]))


def _run_train(words: str, seed: re.Match, step: Step) -> bool:
    """"Best Train Accuracy: 97.83 (5th epoch, seed 0)": a train figure of the run's own seed, which metrics.json holds
    (`words` as said before the figure, not as a role beside it rewrote them)."""
    return bool(re.search(r"\btrain", words)) and int(seed[1]) == getattr(step.run.settings, "seed", None)


def _of_one_seed(words: str, after: str) -> bool:
    """A figure said of the one seed named beside it, not of the seeds a list names: no "seeds" before it, or "(seed
    1)" after it, or a seed named after the plural ("Seeds unstable: seed 1 dipped to 83.37")."""
    return not re.search(r"\bseeds\b", words) or bool(re.match(r"\s*%?\s*\(?(?:on |for |of |in |with )?seed \d", after)) or \
        bool(re.search(r"\bseeds\b[^;]*?\bseed \d+\b[^,;\d]*$", words))


_LIST_GLUE = re.compile(r"[\s,;:()/|]*(?:(?:and\s+)?seeds? \d+(?:\s*(?:,|and|&)\s*\d+)*(?:'s(?:\s+(?:is|was|at))?)?\)?)?"
                        r"[\s,;:()/|]*(?:(?:and|to)\s*)?")  # ", seed 2's is": the role of the figure before


# "Min of last 3: 99.4", "the lowest of the last 3 epochs was 99.4": a figure of that role, at its digits
_ROLE_SAID = re.compile(r"\b(?:min(?:imum)?|lowest|final|best)\b[^:;=%]{0,30}?(?:[:=]|\bis\b|\bwas\b)\s*$")


def _the_line(step: Step, text: str, skip: set[str], before: str) -> bool:
    return float(text) == _line(step) and bool(skip & {"held", "reached", "seeds", "budget"} or not re.search(
        r"\b(accuracy|acc|test|train)\b.{0,12}$", before) and not _ROLE_SAID.search(before))


def _in_chain(low: str, start: int, found: re.Match) -> bool:
    """A figure in a chain: "98.12 → 97.05", "82.89 vs 90.37"."""
    return bool(re.match(r"\s*(?:%\s*)?(?:→|->|vs\.?\s|versus)\s*\(?\d", low[found.end():]) or
                re.search(r"\d\s*%?\)?\s*(?:→|->|\bvs\.?|\bversus)\s*$", low[max(0, start - 12):found.start()]))


def _words_start(low: str, at: int, start: int) -> int:
    """Where the words around a figure start: 60 characters back (not before `start`), or further back to the curve
    last named ("train acc at epoch 2 was 87.36, 94.74 at epoch 3 and 96.24 at epoch 4": all three are train's)."""
    begin = max(start, at - 60)
    curve = list(re.finditer(r"\b(?:train\w*|test|validation)\b", low[:at]))
    return curve[-1].start() if not start and curve and curve[-1].start() < begin else begin


def _seeds_after(after: str, listed: bool) -> list[int]:
    """The seeds named in brackets after a figure, "99.51 (seeds 1 and 3)": the figure is each one's (not where the
    figure ends a list, whose bracket names the list's seeds)."""
    several = re.match(r"\s*%?\s*\((?:on |for |of )?seeds (\d+(?:\s*,\s*\d+)*\s*,?\s*(?:and|&)\s*\d+)\)", after)
    return [int(s) for s in re.findall(r"\d+", several[1])] if several and not listed else []


def _epoch_of(own: str, after: str, before: str) -> re.Match | None:
    """The epoch a figure is said of: just before it ("at epoch 4: 96.51 %, at epoch 5: 98.40 %"), just after it, in
    its own words, or heading the list it is in ("Test acc at ep 2: 76.92 %, train 94.73 %")."""
    inside = _EPOCH.search(own)  # "... in epoch 3 it slipped back to 96.92": a later figure, not that epoch's
    if inside and re.search(r"\d", before[:len(before) - len(own)]) and \
            re.search(r"\b(?:slipped|slid|fell|dropped|dipped|came|climbed|rose|back|then|later|ended|finished|"
                      r"recover\w*|before)\b",
                      own[inside.end():]) and not re.match(r"\s+(?:ended|finished|closed)\b", own[inside.end():]):
        inside = None  # but "epoch 1 ended at 58.89 %": that epoch's own end
    if inside and re.search(r"\b(?:at|in|after) epoch \d+\s+to\s*$", own):
        inside = None  # "from 94.27 % at epoch 2 to 95.99 %", "fell after epoch 3 to 97.05 %": the epoch the move starts at
    later = _EPOCH.match(after)
    if later and re.search(r",\s*(?:and|but|while|whereas)\b|;", after[:later.start(1) if later[1] else later.start(2)]):
        later = None  # "jumped to 99.48 %, and by epoch 15 it was 99.61 %": the next clause's epoch
    return re.search(r"(?<!\bto )\bepoch (\d+)\s*[:=]\s*()$", own) or later or inside or \
        re.match(r"\W*(?:\w+\s+){0,3}(?:at|in) epoch (\d+)()\s*:", before) or _log_line_epoch(before)


def _log_line_epoch(before: str) -> re.Match | None:
    """A log line's epoch, heading every figure of its clause: "Epoch 13 train 99.48, test 99.55" (no other epoch
    named before the figure)."""
    head = re.match(r"\W*(?:(?:at|in|after)\s+)?epoch (\d+)()\s*[:,-]?\s*(?=(?:train|test|val)\w*\b)", before)
    return head if head and not re.search(r"\bepochs?\b", before[head.end():]) and not re.search(
        r"\b(?:from|than|before|previously|vs\.?|versus|against|instead of)\s*$", before) else None  # "(down from 82.9 %)"


def _began(low: str, clause: str, step: Step, number: int, text: str, own: str, end: int, epoch: re.Match | None,
           words: str, earlier: dict[int, Step]) -> Claim | None:
    """A figure said as where a change began ("went from 95.9 % to 97.9 %"): across the epoch named, or in one epoch
    (both figures read), else one of the step's figures (where it began; the figure after "to" is read in its role)."""
    if pair := _from_to(low, own, end, epoch):
        moved = _across_epoch(clause, step, number, (text, pair[0]), pair[1], "train" in words)
        if moved.verdict is False and pair[1] and (previous := earlier.get(number - 1)):
            return _across_steps(moved, previous, step, number - 1, pair[1], "train" in words) or moved
        return moved
    if re.search(r"\bfrom\s*$", own) and re.match(r"\s*%?\s*to\s+\d", low[end:]):
        return _chain_figure(low, clause, step, number, text, earlier)
    return None


def _from_to(low: str, own: str, end: int, epoch: re.Match | None) -> tuple[str, int | None] | None:
    """"went from 96.51 % to 98.49 %" across a named epoch or "in one epoch": (the second figure, the epoch), None
    elsewhere."""
    at = next((int(g) for g in epoch.groups() if g and g.isdigit()), None) if epoch is not None else None
    one = re.search(r"\b(?:in|within) (?:one|a single|1) epoch\b", low[end:])
    found = re.match(r"\s*%?\s*to\s+(\d{1,3}\.\d+)\s*%(?:\s*(?:in|at) epoch (\d+)\b)?", low[end:])
    if at is None and found is not None and found[2] is not None and not re.search(r"\bseeds? \d", low):
        at = int(found[2])  # "from 95.90 % to 97.93 % in epoch 5" (a seed's: the seed's reader)
    if (at is None and not one) or not re.search(r"\bfrom\s*$", own) or re.search(r"\bfrom\s+epoch", own):
        return None
    return (found[1], at) if found else None


def _across_epoch(clause: str, step: Step, number: int, said: tuple[str, str], epoch: int | None, train: bool) -> Claim:
    """"After the LR drop at epoch 5 it went from 95.9 % to 97.9 %": two epochs in a row across epoch N, the one
    before it and N, or N and the one after; any two in a row where no epoch is named ("in one epoch")."""
    curve = step.run.train() if train else step.run.test()
    candidates = [(e, e + 1) for e in ((epoch - 1, epoch) if epoch else range(1, len(curve))) if 1 <= e < len(curve)]
    pairs = [p for p in candidates if said_as(curve[p[0] - 1], said[0]) and said_as(curve[p[1] - 1], said[1])]
    ok, extra = bool(pairs), ()
    if ok and (by := _MOVE_OF.search(clause.lower())):
        a, b = pairs[0]  # "..., a jump of 1.89 points": the move, at the digits said
        ok, extra = _within(abs(curve[b - 1] - curve[a - 1]), by["n"], (by["tol"] or "").strip()), (by["n"],)
    shown = ", ".join(f"epoch {e}: {curve[e - 1]:.2f} %" for e in sorted({e for p in candidates for e in p}))
    return Claim(number, clause, ok, f"{'train' if train else 'test'} accuracy {shown} ({records.METRICS})", "figure",
                 said + extra)


def _across_steps(moved: Claim, previous: Step, step: Step, k: int, epoch: int, train: bool) -> Claim | None:
    """"epoch 1 test went from 11.35 % to 75.41 %" beside the step before: the same epoch in the two steps, where
    both figures are theirs (a move inside the run is read first)."""
    curves = [s.run.train() if train else s.run.test() for s in (previous, step)]
    if any(len(c) < epoch for c in curves) or \
            not all(said_as(c[epoch - 1], v) for c, v in zip(curves, moved.numbers[:2], strict=False)):
        return None
    a, b = (c[epoch - 1] for c in curves)
    return Claim(moved.step, moved.claim, True, f"{'train' if train else 'test'} accuracy at epoch {epoch}: step {k} "
                 f"{a:.2f} % → step {moved.step} {b:.2f} % ({records.METRICS} of both)", "figure", moved.numbers)


_ROLE_AFTER = re.compile(r"\s*(?:(?:is|was|as)\s+(?:the\s+|our\s+|my\s+|its\s+)?|[-–—:=]\s*)?((?:best|highest|peak|top|final|"
                         r"last|lowest|min(?:imum)?)\b(?:\s+(?:test|train(?:ing)?|val(?:idation)?))?(?:\s+acc(?:uracy)?)?)")


def _role_beside(low: str, after: str, at: int, words: str, epoch: re.Match | None) -> tuple[str, re.Match | None]:
    """A figure's role from what stands beside it: "at the end" after it (final), a role's words right after a figure
    that opens its clause ("99.41 % best test accuracy"); inside brackets with no words ("(97.05 %, 96.92 %)": figures
    said beside a claim, of any epoch); an epoch said after it over the run's end said before it ("the cut kept working
    to the end: 95.90 % at epoch 4")."""
    if _EPOCH.match(after):
        words = re.sub(r"\b(?:(?:to|at|in|by|until) )?the end\b[^:,;]{0,30}:\s*$", ": ", words)
    # "~96.2 % at the end": final; but "best 97.75 % in the last epoch" is the best, which came there
    if re.match(r"\s*%?\s*(?:at the end|in the end|by the end|(?:at|in) the (?:last|final) epoch(?!s)|finally)\b", after) and \
            not re.search(r"\b(?:best|highest|peak|max(?:imum)?)\s*[:=]?\s*$", words):
        tol = re.search(r"(?:\b(?:almost|nearly|close to|about|around|approximately|approx\.?|roughly)|~|≈)\s*$", words)
        return (words[:tol.start()] + " final " + tol[0] if tol else words + " final "), None
    if re.fullmatch(r"\W*", words) and (role := _ROLE_AFTER.match(after)):  # "99.41 % best test accuracy": its role after it
        return f"{words} {role[1]} ", epoch
    if not re.search(r"[a-z]", low[low.rfind("(", 0, at) + 1:at]) and low.rfind("(", 0, at) > low.rfind(")", 0, at) and \
            not (epoch is not None and re.match(r"\s*%?\s*,?\s*(?:at|in|after)?\s*epoch\s+\d+\s*\)|\s*%?\s*\)\s*(?:at|in)\s+"
                                                r"epoch\s+\d+\s*$", after)) and \
            not (epoch is not None and re.search(r"\bepoch \d+\s*$", low[:low.rfind("(", 0, at)])):
        return " by epoch ", None  # but "(98.12 % at epoch 4)", "at epoch 4 (96.3)", "(92.36 %) at epoch 4": its epoch
    return words, epoch


def _seed_said(low: str, after: str, start: int, at: int) -> re.Match | None:
    """The seed a figure is said of: named beside it, in its words, or said before it in the clause with no other
    subject between ("seed 1 dipped ... before recovering to 97.13 % at epoch 4")."""
    own = list(re.finditer(r"\bseed (\d+)\b", low[start:at]))  # the nearest before it: "..., with seed 0 at 97.98"
    seed = re.match(r"\s*\(?(?:(?:at|in) epoch \d+\s*,?\s+)?(?:on |for |of |in )?seed (\d+)|\s*\(\s*epoch \d+\s*,\s*seed (\d+)|"
                    r"\s*,\s*(?:on|for|of|in)\s+seed (\d+)", after)  # "83.37, on seed 1", "99.57 % (epoch 12, seed 0)"
    seed = re.match(r"(\d+)", next(g for g in seed.groups() if g)) if seed else own[-1] if own else None
    if seed is None and re.fullmatch(r"\W*(?:at|with|on)?\s*", low[start:at]):
        seed = re.match(r"\s*%?\s*,\s*seed (\d+)", after)  # "At 97.75 %, seed 2 has the lowest final"
    if seed is None and (said := list(re.finditer(r"\bseed (\d+)\b", low[:start]))) and not re.search(
            r"\b(?:seeds|models?[ _-]?\d|step|train\w*)\b", low[said[-1].end():at]):  # "the model": the seed's run
        seed = said[-1]
    return seed


def _every_seed_figure(clause: str, step: Step, number: int, text: str, words: str, around: str,
                       epoch: re.Match | None) -> Claim:
    """A figure said of every seed: each seed's own, in the role the words name; the first that differs decides."""
    each = [_seed_figure(clause, step, number, text, s, words, around, epoch) for s in sorted(step.check.verdict.seeds)]
    wrong = [c for c in each if c.verdict is not True]
    verdict = None if wrong and not any(c.verdict is False for c in wrong) else not wrong
    return replace(wrong[0] if wrong else each[0], verdict=verdict)


# "before it was 11.35", "96.75 % instead of 98.33 %": the step before's figure
_BEFORE_IT = re.compile(r"\b(?:before|previously|earlier)\s+(?:it\s+|this\s+)?(?:was|were|had)\s*$|\binstead of\s*$")


_NOW = re.compile(r"\s*%?\s*(?:now|here|in this step|this time|in this one)\b")


def _whose(low: str, words: str, after: str) -> re.Match | None:
    """The step a figure is said of, where its words name one: "98.81 % in step 1", "step 2's 99.35 %", "against
    90.37 %" in a clause naming a step."""
    return re.match(r"\s*(?:\S+\s+){0,2}?(?:(?<!\bas )(?<!\blike )in|(?<!\bthat )(?<!\bthose )of|for|from|by) "
                    r"(?:step|model|iteration)[ _-]?(\d+)",  # "99.07 % exceeded that of Model_2": this step's
                    after) or \
        (re.search(r"\b(?:step|model|iteration)[ _-]?(\d+)'s\s*(?:\S+\s+){0,3}?\(?\s*$", words)
         if not re.match(r"\s*%?\s*(?:vs\.?|versus|against)\b", after) else None) or \
        (re.search(r"\b(?:step|model|iteration)[ _-]?(\d+)(?:'s)?\s*\(\s*(?:at\s+|was\s+|=\s*)?$", words)
         if not re.match(rf"\s*%?\s*(?:{VERSUS}|against\b)", after) else None) or \
        re.search(rf"\b(?:step|model|iteration)[ _-]?(\d+)\s*\(\s*\d[\d.]*\s*%?\s*{VERSUS}\s*$", words) or \
        re.search(r"\b(?:step|model|iteration)[ _-]?(\d+)\s+(?:was|is|were|stood|stayed|sat|got|reached|ended|peaked|"
                  r"finished|started|topped out)\s+"
                  r"(?:\S+\s+){0,2}?(?:at|on|to)?\s*$", words) or \
        (re.search(r"(?s).*\b(?:step|model|iteration)[ _-]?(\d+)", low) or re.search(r"^\W*compared (?:with|to) (?:step|model|"
                                                                             r"iteration)[ _-]?(\d+)", _SENTENCE.get() or "")
         or (_sole_step(_SENTENCE.get() or "") if not re.search(r"\b(?:train\w*|under-?fit\w*|over-?fit\w*|gap|epoch \d+)\b",
                                                                 low) else None)  # "... 98.49 in step 2 (-0.51), and ...
         # 95.90 against 96.51": that step's; not a pair of this run ("epoch 1 was under-fitting (94.61 % against 75.44 %)")
         if re.search(r"\b(?:against|vs\.?|versus|compared (?:with|to))\s*$", words) and not re.fullmatch(
            r"[\s%]*(?:vs\.?|versus)\s*", words) and not _NOW.match(after) else None)  # "(98.03 % vs 97.98 %)": a pair
    # of one step; "90.37 % against 82.89 % now": the second is this step's


def _sole_step(sentence: str) -> re.Match | None:
    """The one step a sentence names, where it names one ("against 98.49 in step 2"), else None."""
    named = list(re.finditer(r"\b(?:step|model|iteration)[ _-]?(\d+)\b", sentence.lower()))
    return named[0] if named and len({m[1] for m in named}) == 1 else None


def _rank_of(words: str, after: str) -> tuple[re.Match | None, re.Match | None]:
    """The rank a seed's figure is said with, in its words or right after it ("97.75 %, the highest final of the
    three"), and the words that make it the seed's own lowest instead ("seed 1's lowest in its last 3"); "lowest
    min-of-last-3 89.65 (seed 2)" ranks it against every seed's."""
    rank = re.search(r"\b(lowest|worst|weakest|highest|top|best(?=\s+(?:min\w*|final\w*|last|lowest|seed)\b))\b", words) or \
        re.match(r"\s*%?\s*[,(]\s*(?:the\s+|its\s+)?(lowest|worst|weakest|highest|top|best)\b", after)
    own = re.search(r"\b(?:lowest|worst)\s+(?:\w+\s+){0,2}(?:in|of|over|across)\s+(?:(?:its|their|the)\s+)?last\b|"
                    r"(?:(?<=\bits )|(?<=\btheir ))(?:lowest|worst|weakest)\b|"  # "at their weakest late epoch"
                    r"\b(?:last|final) (?:\d+|two|three|four|five) epochs,?\s+(?:the\s+)?(lowest|worst)\b", words)
    # "In the final three epochs the lowest test accuracy is 96.72 % on seed 1": the span's lowest, that seed's own
    return rank, own


# "best seed", "seed 1 is the best of the three: 96.03 % at epoch 2": a seed's rank, not the best epoch's figure
_SEED_RANK_WORDS = re.compile(r"\b(?:best|highest|top|strongest)\s+seed\b|"
                              r"\bthe (?:best|strongest) of the \w+(?:\s+seeds)?(?=\s*:)|"
                              # "the worst seed (...) and the best (seed 2, ...)", "seeds 0 and 2 share the highest"
                              r"\bthe (?:best|strongest|highest|top)(?=\s*\(\s*seed \d)|"
                              r"\b(?:share|shared|tie|tied)\s+(?:for\s+)?the\s+(?:best|highest|top)\b")


_HEAD_ROLE = re.compile(r"\b(min\w*|lowest|worst|final\w*|best|highest|peak\w*)\b")  # a list's role, said at its head


def _seed_figure(clause: str, step: Step, number: int, text: str, seed: int, words: str, around: str,
                 epoch: re.Match | None) -> Claim:
    """A figure said of one seed ("96.72 % (seed 1)"): its test curve's, in the role its words name (else any epoch)."""
    curves, record = seed_curves(step), records.CHECK if step.check else records.METRICS
    if seed not in curves or re.search(r"\btrain", words) and step.check:  # no such seed; a train figure no check keeps
        return Claim(number, clause, None if seed in curves else False, f"no seed {seed} in this step ({record})" if seed
                     not in curves else f"the check records each seed's test curve, not its train curve ({record})", "figure",
                     (text,))
    curve, k = curves[seed], int(last[1]) if (last := re.search(r"\blast (\d+)", words + " " + around)) else step.last
    words = re.split(r":\s+(?=(?:\S+\s+){2,})|\?\s+", words)[-1]  # "...: on seed 0 epoch 1 was", "...? It drops from 91.28"
    ranked, words = _RANK_OF_STEPS.sub(" ", words), _SEED_RANK_WORDS.sub("", words)  # a rank, not the best epoch
    own_role = re.search(r"\b(min\w*|lowest|worst|final\w*|finish\w*|ended|best|highest|peak\w*)\b", words)
    if not own_role and epoch is None and (head := re.match(r"\W*([^:\d]{0,30}(?:last \d+)?[^:\d]{0,10}):", clause.lower())):
        words, own_role = f"{head[1]} {words}", _HEAD_ROLE.search(f"{head[1]} {words}")  # "min last 3: s0 = 92.36": at the head
    said = words if own_role else words + around  # "min of last 3 83.37 %, final 97.15 %": each figure's own words
    if re.search(r"\b(min\w*|lowest|worst|weakest|holds?|held)\b", said) and _LATE_SPAN.search(said):
        values, role = _lowest_of_last(curve, k, epoch), f"min of the last {k}"  # "seed 2 holds 97.77 % over the last 3"
    elif own_role and _min_said(own_role, words, ranked):  # of the last K, or of the whole run
        values, role = [min(curve[-k:]), min(curve)], f"min of the last {k} ({min(curve[-k:]):.2f} %) or of the run"
    elif _FINAL.search(words) or not own_role and epoch is None and re.search(r"\b(?:in|at|by) the (?:final|last epoch|end)\b",
                                                                           around):
        values, role = [curve[-1]], "final"  # "seed 2 is 97.73 in the final": the role said after the figure
    elif re.search(r"\b(best|highest|peak\w*|max\w*)\b", words):
        values, role = [max(curve)], "best"
        if epoch is not None:
            values, role = ([max(curve)] if said_as(max(curve), text) and curve.index(max(curve)) + 1 ==
                            int(epoch[1] or epoch[2]) else [-1.0]), f"best (epoch {curve.index(max(curve)) + 1})"
    elif epoch is not None and 1 <= int(epoch[1] or epoch[2]) <= len(curve):
        values, role = [curve[int(epoch[1] or epoch[2]) - 1]], f"at epoch {int(epoch[1] or epoch[2])}"
    else:
        values, role = curve, "by epoch"
    values, role = _listed_last(clause, text, curve, k) or (values, role)
    said = f"seed {seed}'s test accuracy, {role}: " + (f"{values[0]:.2f} %" if len(values) == 1 and values[0] >= 0 else
                                                       f"best {max(curve):.2f} % at epoch {curve.index(max(curve)) + 1}")
    if role == "by epoch" and re.search(r"\b(?:lowest|worst|weakest|highest|top) seed\b", words):
        values, role = [min(curve[-k:])], f"min of the last {k}"  # "lowest seed: seed 2 at 89.65": the verdict's figure
        said = f"seed {seed}'s test accuracy, {role}: {values[0]:.2f} %"
    ok = any(said_as(v, text) for v in values if v >= 0)
    rank, own = _rank_of(ranked, around.partition(text)[2])
    if rank and not (own and own.start(own.lastindex or 0) == rank.start()) and role in ("final", f"min of the last {k}") and \
            all(int(m) == seed for m in re.findall(r"\bseed (\d+)", ranked)) and \
            not _BY_SEED_LIST.search(clause.lower()):  # the rank said of this seed, no other; not one role listed by seed
        done = step.check.finished() if step.check else curves  # the seeds that finished, as the check ranks them
        of = {s: (c[-1] if role == "final" else min(c[-k:])) for s, c in curves.items() if s in done or s == seed}
        low_end = rank[1] in ("lowest", "worst", "weakest")
        ok = ok and of[seed] == (min(of.values()) if low_end else max(of.values()))
        said += f"; {rank[1]} of the seeds: seed {(min if low_end else max)(of, key=of.get)}"
    if role.startswith("min") and epoch is not None:  # "99.43 % (seed 1 at epoch 13)": the lowest at the epoch said
        ok, said = _at_epoch_said(curve, int(epoch[1] or epoch[2]), text, said, ok)
    return Claim(number, clause, ok, f"{said} ({record})", "figure", (text,))


_LATE_SPAN = re.compile(r"\blast\b|\bfinal (?:\d+|two|three|four|five) epochs\b|\blate epochs?\b")  # a seed's last epochs


def _lowest_of_last(curve: list[float], k: int, epoch: re.Match | None) -> list[float]:
    """A seed's lowest of its last `k` epochs, at the epoch said where one is ("(92.36 %) occurred at epoch 4"; -1 where
    that epoch's is not the lowest)."""
    lowest = min(curve[-k:])
    if epoch is None or not len(curve) - k < int(epoch[1] or epoch[2]) <= len(curve):
        return [lowest]
    return [lowest] if curve[int(epoch[1] or epoch[2]) - 1] == lowest else [-1.0]


# "the lowest test accuracy is about 96.7 % on seed 1 and about 97.8 % on seed 2": each seed's own figure of the role
_BY_SEED_LIST = re.compile(r"\d\s*%?\s+(?:on|for|in)\s+seed\s+\d+\s*(?:,|and)\s+(?:about\s+|~\s*)?\d+(?:\.\d+)?\s*%?\s+"
                           r"(?:on|for|in)\s+seed\s+\d")


def _min_said(role: re.Match, words: str, ranked: str) -> bool:
    """A seed's figure said as its lowest ("held 97.7 % with a minimum of 97.77 %", "(lowest 99.43 in seed 1)"); not
    "the lowest final" (its final) nor "lowest seed: seed 2" (a rank of the seeds)."""
    return role[1].startswith("min") or role[1] in ("lowest", "worst") and not _FINAL.search(words) and \
        not re.search(r"\b(?:lowest|worst) seed\b", ranked)


def _listed_last(clause: str, text: str, curve: list[float], k: int) -> tuple[list[float], str] | None:
    """A figure in a slashed list of a seed's last K epochs ("seed 1 has 99.43 / 99.49 / 99.51 in its last three
    epochs"), or in brackets right after them ("failed to hold 99.5 % over the last 3 epochs (99.43, 99.49 and
    99.51)"): the epoch at its place (the lowest of them said as the min of the last K)."""
    if len(set(re.findall(r"(?i)\bseed (\d+)", clause))) > 1 or re.search(r"(?i)\bseeds\b", clause):
        return None  # "min of last 3: 93.48 / 83.37 / 89.65" beside seeds' finals: a figure a seed
    for m in (*_SLASHED.finditer(clause), *_LAST_LISTED.finditer(clause)):
        figures = re.findall(r"\d{2}\.\d+", m[0])
        if text in figures and len(figures) == k <= len(curve) and re.search(r"(?i)\blast\b", clause):
            at = len(curve) - k + figures.index(text)
            low = curve[-k:].index(min(curve[-k:])) == figures.index(text)
            return [curve[at]], f"min of the last {k}" if low else f"at epoch {at + 1}"
    return None


def _at_epoch_said(curve: list[float], at: int, text: str, said: str, ok: bool) -> tuple[bool, str]:
    """Whether the figure `text` is also the curve's at epoch `at` (and `ok`), and the evidence with it."""
    here = 1 <= at <= len(curve)
    return ok and here and said_as(curve[at - 1], text), \
        said + f"; at epoch {at}: " + (f"{curve[at - 1]:.2f} %" if here else "none")


def _chain_figure(low: str, clause: str, step: Step, number: int, text: str, earlier: dict[int, Step]) -> Claim:
    """A figure in a chain ("98.12 → 97.05 → 96.92", "(99.42 → 99.57)", "82.89 vs 90.37"): one of this step's
    recorded figures, or of a step its sentence names ("up ~0.8 on Model_1 (...), best up almost 2 (98.12 vs 96.14)"),
    at any epoch or seed."""
    named = [int(n) for n in re.findall(r"\b(?:step|model)[ _-]?(\d+)", _SENTENCE.get() or low)]
    if re.search(r"\b(?:previous|prior|last|earlier) (?:step|model|iteration|run)\b|\bthe step before\b|\bthan before\b",
                 _SENTENCE.get() or low):
        named.append(number - 1)  # "compared to the previous step": the step before
    steps = [step] + [earlier[k] for k in dict.fromkeys(named) if k in earlier]
    pool = [v for s in steps for v in s.run.test() + s.run.train()]
    if step.check:
        pool += [v for r in step.check.verdict.seeds.values() for v in r.test_acc]
    def numbers(these: list[Step]) -> list[str]:  # each step's number, as the hand-in counts them
        return [str(number if s is step else next(k for k, e in earlier.items() if e is s)) for s in these]

    which, ok = " and ".join(numbers(steps)), any(said_as(v, text) for v in pool)
    if (role := _chain_role(low, text)) is not None:
        at = int(role[0][6:]) if role[0].startswith("epoch ") else 0
        if (previous := earlier.get(number - 1)) and not at:  # a role against the step before ("final 98.00 → 97.33")
            steps = steps + [previous] * (previous not in steps)
        curves = [c for s in steps for c in (s.run.test(), s.run.train())] + list(seed_curves(step).values())
        if any(said_as(v, text) for v in (_curve_figure(c, role[0], role[1]) for c in curves if len(c) >= max(at, 1))):
            return Claim(number, clause, True, f"{text} %: the {role[2]} of step {' or '.join(numbers(steps))} "
                         f"({records.METRICS})", "figure", (text,))
        if ok:  # a recorded figure, but not of the role said: the words may say it of another epoch, so nothing settles
            return Claim(number, clause, None, f"{text} % is recorded in step {which}, but not as its {role[2]} "
                         f"({records.METRICS})", "figure", (text,))
    return Claim(number, clause, ok, f"{text} % among the recorded figures of step {which} ({records.METRICS})", "figure",
                 (text,))


# the role a chain's figures share, said just before it: "final 98.00 → 97.33", "min of the last 3 went from ... to"
_CHAIN_ROLE = re.compile(r"\b(?:(final\w*|at the end|ends?|ended)|(best|highest|peak(?:ed|s)?)|"
                         r"(?:min(?:imum)?|lowest)\s+(?:of\s+)?(?:the\s+)?(?:last|final)\s+(\d+)|(first epoch|epoch 1\b))")


_CHAIN_LINK = re.compile(r"\s*%?\s*\)?\s*(?:→|->|vs\.?|versus|to|against)\s*\(?\s*")  # between two figures of a chain


def _chain_role(low: str, text: str) -> tuple[str, int, str] | None:
    """The role said before the chain `text` is in, with no figure between it and the chain's first figure: (the role
    as `_curve_figure` names it, the last epochs it spans, its words); None where none is said."""
    figures = [f for f in re.finditer(r"(?<![\w.])\d{1,3}(?:\.\d+)?(?![\d.])", low)
               if "." in f[0] or f[0] == text or re.match(r"\s*%", low[f.end():])]  # not "the last 3"
    at = next((i for i, f in enumerate(figures) if f[0] == text), None)
    if at is None:
        return None
    while at and _CHAIN_LINK.fullmatch(low, figures[at - 1].end(), figures[at].start()):
        at -= 1  # back to the chain's first figure
    if re.match(r"\s*%?\s*\(?\s*(?:at|in|after|@)?\s*epoch \d", low[figures[at].end():]):
        return None  # the chain's figure has its own epoch
    end = at
    while end + 1 < len(figures) and _CHAIN_LINK.fullmatch(low, figures[end].end(), figures[end + 1].start()):
        end += 1  # on to its last
    if end > at and (pair := re.match(r"\s*%?\s*(?:at|in|@)\s*epoch (\d+)\s*\)", low[figures[end].end():])):
        return f"epoch {pair[1]}", 0, f"figure at epoch {pair[1]}"  # "(94.69 vs 92.17 @ ep 2)": both that epoch's
    words = re.sub(r"^\s*%?\s*\(?\s*(?:at|in|after|@)?\s*epoch \d+\s*\)?", "", low[figures[at - 1].end() if at else 0:
                                                                                  figures[at].start()])
    if not (found := list(_CHAIN_ROLE.finditer(words))) or \
            re.search(r"\b(?:epoch|ep|seed|digit|class|loss|gap|points?|lr|rate)\b", words[found[-1].end():]):
        return None  # an epoch, a seed, a digit, a loss said closer than the role
    m = found[-1]
    if m[1]:
        return "final", 0, "final"
    if m[2]:
        return "best", 0, "best"
    if m[3]:
        return "min", int(m[3]), f"min of the last {m[3]}"
    return "first", 0, "first epoch"


def _other_step_figure(clause: str, them: Step, which: int, number: int, text: str, words: str = "", low: str = "") -> Claim:
    """Another step's figure: the one its role names ("step 1's best (98.96 %)", "beats step 2's final: ... 97.51 %
    against 96.92 %"), else any of its recorded ones."""
    f = facts(them)
    role = re.search(r"\b(best|highest|peak\w*|max\w*|final|last|end)\b[^\d]{0,12}$", words) or \
        re.search(rf"\b(?:step|model)[ _-]?{which}'s\s+(best|highest|peak|final)\b", low)
    best = role is not None and role[1].startswith(("best", "highest", "peak", "max"))
    pool = [f.best_test, f.best_train] if best else [them.run.test()[-1], them.run.train()[-1]] if role else \
        them.run.test() + them.run.train() + [f.min_last]
    curves = (them.run.test(), them.run.train())
    at = re.match(r"\s*%?\s*(?:at|in) epoch (\d+)\b", low[low.find(text) + len(text):] if text in low else "")
    if at is None and role is None and len(set(named := re.findall(r"^\W*(?:at|in|after) epoch (\d+)\b,", low))) == 1:
        at = re.match(r"(\d+)", named[0])  # "at epoch 1, Model_1 was at 11.35%": that step's at the epoch the clause opens on
    if at and (best or not role):  # "since Model_2 peaked at 98.12 % at epoch 3": that epoch's, the best there too
        k = int(at[1])
        pool = [c[k - 1] for c in curves if 1 <= k <= len(c) and (not best or c.index(max(c)) == k - 1)]
    at_epoch = f", at epoch {at[1]}: {', '.join(f'{v:.2f}' for v in pool)} %" if at and (best or not role) else ""
    return Claim(number, clause, any(said_as(v, text) for v in pool),
                 f"step {which}: best test {f.best_test:.2f} %, final {them.run.test()[-1]:.2f} %, min of the last {f.n} "
                 f"{f.min_last:.2f} %{at_epoch} ({records.METRICS})", "figure", (text,))


def _accuracy(low: str, clause: str, step: Step, number: int, text: str, words: str, around: str,
              epoch: re.Match | None) -> Claim | None:
    """One percentage of the step, read by the role its own `words` and those `around` it name."""
    if (least := _min_last_said(clause, step, number, text, words, around)) is not None:
        return least
    near = re.search(r"(?:\b(almost|nearly|close to|about|around|approximately|approx\.?|roughly)|~|≈)\s*$", words)
    # not a count's or the whole set's ("on the full train set (60k images)"), nor the process ("the training is not stable")
    train = bool(re.search(r"(?<!full )(?<!whole )(?<!entire )\btrain(?:ing)?\b(?!\s+(?:images|samples|set size|examples))"
                           r"(?<!training(?= is| was| process| run))", around))
    either = train and bool(re.search(r"\b(?:test|validation)(?! loss)", around))  # both named: it may be either
    best_named = bool(re.search(r"\bbest|highest|max(?:imum)?|peak(?!\s+of\s+the\s+(?:rate|lr|learning rate))|\btop\b", words))
    values, what, labels = *_others(step, around, words), []
    if values:
        labels = _others_labels(step, around, words)
    elif epoch and not _final_not_epoch(re.split(r"[,;]", words)[-1][-25:]):  # "at epoch 9 and the final ... 98.95 %": the final
        values, what, by = _at_epoch(step.run, int(epoch[1] or epoch[2]), train and not either, around, text)
        labels = [f"{kind} accuracy at epoch {int(epoch[1] or epoch[2])}" for kind in ("train", "test")][:len(values) // 2 * 2]
        if by is not None:
            return Claim(number, clause, by[0], by[1], "figure", (text,))
        if values and best_named and not either:  # "best 99.41 % (epoch 12)": the best, and at that epoch
            series = step.run.train() if train else step.run.test()
            return Claim(number, clause, (said_near if near else said_as)(values[0], text) and values[0] == max(series),
                         f"{what.rpartition(' (')[0]}; best {max(series):.2f} % ({records.METRICS})", "figure", (text,))
    elif _FINAL.search(re.split(r"[,;]", words)[-1]) and not re.search(r"\blast \d", around):
        return _final_said(clause, step, number, text, train and not either, either, near)
    else:
        values, what, labels = _series(step, around, train, either)
    if not values:
        return None
    if near:
        return _near_figure(clause, number, text, near, values, what, best_named and not epoch and not either)
    ok = any(said_as(v, text) for v in values)
    if best_named and not epoch and not either:
        ok = said_as(max(values), text)
        what = what.split(",")[0] + f": best {max(values):.2f} %"
        if re.search(r"\b(?:at|in|on) the (?:final|last) epoch\b", around.partition(text)[2]):
            # "Best test acc 98.12 at the final epoch": the best, and at the last epoch
            ok = ok and said_as(values[-1], text)
            what += f", at the last epoch {values[-1]:.2f} %"
    elif ok and len(values) > 1:
        i = next(i for i, v in enumerate(values) if said_as(v, text))
        what = (f"{labels[i]}: {values[i]:.2f} %" if i < len(labels) else f"{values[i]:.2f} %") + \
            f" ({what.rpartition('(')[2]}"
    return Claim(number, clause, ok, what, "figure", (text,))


def _final_not_epoch(words: str) -> bool:
    """Whether a figure's own words say the run's end, not the epoch named just before ("epoch 1 ended at 82.89 %")."""
    end = _FINAL.search(words)
    return end is not None and not re.search(r"\bepoch \d+\s+(?:\w+\s+)?$", words[:end.start()])


def _near_figure(clause: str, number: int, text: str, near: re.Match, values: list[float], what: str, best: bool) -> Claim:
    """"about 85 %": one unit of its last digit either way (of the best where "best" is said); "almost 96 %": the best
    within half a point below it."""
    value = _num(text)
    if near[1] in ("almost", "nearly", "close to"):
        return Claim(number, clause, value - 0.5 <= max(values) <= value + 0.05, f"{what}: best {max(values):.2f} %",
                     "figure", (text,))
    pool = [max(values)] if best else values
    return Claim(number, clause, any(said_near(v, text) for v in pool),
                 f"{what}: {min(pool, key=lambda v: abs(v - value)):.2f} % the nearest", "figure", (text,))


def _final_said(clause: str, step: Step, number: int, text: str, train: bool, either: bool,
                near: re.Match | None = None) -> Claim:
    """A figure said of the last epoch: train's or test's as named, either where both are ("train and test finish
    level: 98.03 % against 97.98 %"); "~ 96.0" within one unit of its last digit, "almost 96" just under it."""
    name = "train" if train or either and said_as(step.run.train()[-1], text) else "test"
    series = step.run.train() if name == "train" else step.run.test()
    ok = (said_near(series[-1], text) if near[1] not in ("almost", "nearly", "close to") else
          _num(text) - 0.5 <= series[-1] <= _num(text) + 0.05) if near else said_as(series[-1], text)
    return Claim(number, clause, ok, f"{name} accuracy at the last epoch ({len(series)}): "
                 f"{series[-1]:.2f} % ({records.METRICS})", "figure", (text,))


def _min_last_said(clause: str, step: Step, number: int, text: str, words: str, around: str) -> Claim | None:
    """"Min of the last 3 epochs: 98.85 %", "the lowest of the last 3 was 99.30": the lowest of those epochs' test
    (or train) accuracy."""
    span = re.search(r"\b(?:last|final) (\d+|two|three|four|five)\b(?!\s*%)", around.partition(text)[0])
    if span and re.search(r"\b(?:max\w*|highest)\s*(?:was|is|:|=)?\s*$", words) and not re.search(
            r"\bseeds?\b|\bdigit|\bclass\b", around):
        series = step.run.test()  # "min of the last 3 epochs: 99.35 %, max 99.42 %": the highest of those epochs
        top = max(series[-min(_count(span[1]), len(series)):])
        return Claim(number, clause, said_as(top, text), f"test accuracy, the highest of the last {span[1]} epochs: {top:.2f} % "
                     f"({records.METRICS})", "figure", (text,))
    said = re.search(r"\b(?:min\w*|lowest|worst)\b[^%\d]*?\b(?:last|final) (\d+|two|three|four|five)\b(?!\s*%)[^%\d]*$",
                     words)
    if said is None or re.search(r"\bseeds?\b|\bdigit|\bclass\b", words):
        return None
    train = bool(re.search(r"\btrain", words)) and not re.search(r"\btest|validation", words)
    series = step.run.train() if train else step.run.test()
    k = min(_count(said[1]), len(series))
    least = min(series[-k:])
    where = [len(series) - k + i + 1 for i, v in enumerate(series[-k:]) if v == least]
    at = re.match(r"\s*%?\s*(?:at|in) epoch (\d+)", around.partition(text)[2])  # "96.51 (epoch 3)": where it fell
    near = re.search(r"(?:\b(?:about|around|approximately|approx\.?|roughly)|~|≈)\s*$", around.partition(text)[0])
    ok = (said_near if near else said_as)(least, text) and (at is None or int(at[1]) in where)
    return Claim(number, clause, ok, f"{'train' if train else 'test'} accuracy, the lowest of the last {k} epochs: "
                 f"{least:.2f} %{' at epoch ' + ', '.join(map(str, where)) if at else ''} ({records.METRICS})", "figure",
                 (text, said[1]) + ((at[1],) if at else ()))


_FINAL = re.compile(r"\b(final(?:ly|s)?(?!\s+(?:\d|two|three|four|five)\b)|ends?|ended|ending|at the end|last epoch|"
                    r"finish(?:ed|es)?)\b")
_EPOCH = re.compile(r"\s*(?:\S+\s+){0,2}?\(?(?:at|in|after|on|by) epoch (\d+)|\s*epoch (\d+)\b")


def _series(step: Step, around: str, train: bool, either: bool) -> tuple[list[float] | None, str, list[str]]:
    """The recorded accuracies a percentage is read against, by the role its words name: the lowest of the last
    epochs, train or test (both where both are named), each with its epoch; None where the words name no accuracy."""
    run, f = step.run, facts(step)
    epochs = range(1, f.epochs + 1)
    if re.search(r"\b(lowest|min(?:imum)?|worst)\b", around):
        return [f.min_last, run.test()[-1]], f"min of the last {f.n} epochs ({records.METRICS})", []
    if k := re.search(r"\b(?:last|final) (\d+|two|three|four|five)\b|\blast epochs\b", around):
        n = min(_count(k[1]) or f.n, f.epochs) if k[1] else f.n  # "in the last 3 epochs: 99.35, 99.42, 99.41"
        series = run.train() if train and not either else run.test()
        return series[-n:], f"the last {n} epochs: " + ", ".join(f"{v:.2f}" for v in series[-n:]) + \
            f" % ({records.METRICS})", []
    if either:
        return (run.train() + run.test(), f"train and test accuracy by epoch ({records.METRICS})",
                [f"train at epoch {i}" for i in epochs] + [f"test at epoch {i}" for i in epochs])
    if train:
        return (run.train(), f"train accuracy by epoch, best {f.best_train:.2f} % ({records.METRICS})",
                [f"train at epoch {i}" for i in epochs])
    if re.search(r"\btest|validation|accuracy|acc\b|best|final|reached|achieved|got|hit|(?:slipped|slid|fell|dropped) back\b|"
                 r"\b(?:at|in|by) the end\b", around) is None:  # "it slipped back to 96.92": where the curve went
        return None, "", []
    return (run.test(), f"test accuracy by epoch, best {f.best_test:.2f} % ({records.METRICS})",
            [f"test at epoch {i}" for i in epochs])


def _digit_named(step: Step, words: str) -> list:
    """The per-class rows a figure's own words name ("digit 3 at 98.32 %": digit 3's), else every row."""
    named = re.search(rf"\b(?:digit|class)\s+(\d|{'|'.join(DIGIT_WORDS)})\b[^\d%]*$", words)
    digit = None if named is None else int(named[1]) if named[1].isdigit() else DIGIT_WORDS[named[1]]
    return [r for r in step.run.per_class if digit is None or r.digit == digit]


def _others_labels(step: Step, around: str, words: str = "") -> list[str]:
    """What each of `_others`' figures is, in its order."""
    if re.search(r"\bdigit|\bclass\b", around) and step.run.per_class:  # from the counts, then as the file prints it
        return [f"digit {r.digit}" for r in _digit_named(step, words)] * 2
    if _mean_final_named(step, around, words):
        return ["the seeds' mean final accuracy"]
    rows = _seeds_named(step, around).items()
    if re.search(r"\bmin(?:ima|imum|imums)?\b|\blowest\b", around):
        return [f"seed {s}'s min of the last {len(r.last)}" for s, r in rows]
    return ([f"seed {s}'s min of the last {len(r.last)}" for s, r in rows]
            + [f"seed {s} at epoch {i}" for s, r in rows for i in range(1, len(r.test_acc) + 1)]
            + ["the seeds' mean final accuracy", "the seeds' mean min"])


def _mean_final_named(step: Step, around: str, words: str) -> bool:
    """"Mean final: 98.00 %": the seeds' mean final accuracy, named as such (no other seed figure)."""
    return step.check is not None and not re.search(r"\btrain", words) and not re.search(r"\bmin\w*|\blowest\b", around) and \
        bool(re.search(r"\b(?:mean|averag\w*)\s+(?:of\s+the\s+)?finals?\b|\bfinals?\s+(?:mean|averag\w*)\b", around))


def _seeds_named(step: Step, around: str) -> dict:
    """The check's seeds a figure's words may be of: the one seed they name ("98.33 % @ ep 6 (seed 0)"), else all."""
    seeds, named = step.check.verdict.seeds, set(re.findall(r"\bseed (\d+)\b", around))
    return {s: r for s, r in seeds.items() if str(s) in named} if len(named) == 1 and any(str(s) in named for s in seeds) \
        else seeds


def _others(step: Step, around: str, words: str = "") -> tuple[list[float], str]:
    """A digit's accuracy (per_class.csv) - the one its words name, else any - or a seed's (check.json), where the
    words name one; else none."""
    if re.search(r"\bdigit|\bclass\b", around) and step.run.per_class:
        rows = _digit_named(step, words)
        said = f"digit {rows[0].digit}: {rows[0].exact:.2f} %" if len(rows) == 1 else "each digit's accuracy"
        return [r.exact for r in rows] + [r.accuracy for r in rows], f"{said} ({records.PER_CLASS})"
    if re.search(r"\bseeds?\b", around) and re.search(r"\bfinals?\b", around) and not re.search(r"\b(?:mean|averag\w*)\b",
                                                                                             around) and step.check and \
            not re.search(r"\btrain", words):  # a seed's train figure is not the check's: the run's own reader's
        finals = [r.test_acc[-1] for r in step.check.verdict.seeds.values() if r.test_acc]  # "lowest seed final: 97.51"
        rank = min if re.search(r"\b(?:lowest|min\w*|worst)\b", around) else max if re.search(r"\b(?:highest|best|top)\b",
                                                                                               around) else None
        return ([rank(finals)] if rank and finals else finals), f"the seeds' final accuracy ({records.CHECK})"
    if re.search(r"\bseeds?\b", around) and re.search(r"\bmin(?:ima|imum|imums)?\b|\blowest\b", around) and step.check:
        mins = [r.min_last for r in step.check.verdict.seeds.values()]
        rank = re.search(r"\b(lowest|worst|weakest|highest|best|top) seed", around)  # "lowest seed's min of the last 3"
        done = [r.min_last for r in step.check.finished().values()]  # the seeds that finished, as the check ranks them
        mins = [(min if rank[1] in ("lowest", "worst", "weakest") else max)(done)] if rank and done else mins
        return mins, f"the seeds' min of the last epochs ({records.CHECK})"
    if _mean_final_named(step, around, words):
        return [step.check.verdict.mean_final_acc], f"the seeds' mean final accuracy ({records.CHECK})"
    if re.search(r"\bseeds?\b|\bmean\b", around) and step.check and not re.search(r"\btrain", words):
        named, v = _seeds_named(step, around), step.check.verdict
        rows = named.values()
        said = "the check's seeds" if len(named) > 1 else "".join(
            f"seed {s}'s test accuracy by epoch: {', '.join(f'{x:.2f}' for x in r.test_acc)} %" for s, r in named.items())
        return ([r.min_last for r in rows] + [x for r in rows for x in r.test_acc] + [v.mean_final_acc]
                + ([v.odds.mean] if v.odds.mean else [])), f"{said} ({records.CHECK})"
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
    if re.search(r"\btrain", around) and re.search(r"\btest|validation", around):  # both named: either at that epoch
        a, b = run.train()[at - 1], run.test()[at - 1]
        return [a, b], f"train and test accuracy at epoch {at}: {a:.2f}, {b:.2f} % ({records.METRICS})", None
    return [series[at - 1]], f"{kind} accuracy at epoch {at}: {series[at - 1]:.2f} % ({records.METRICS})", None


def _loss_level(low: str, clause: str, number: int, text: str, rel: str, own: str, pool: list[float], kind: str,
                rows: list, train: bool, test: bool) -> Claim:
    """A loss against a level: "fell below 0.06" (some epoch), "never went below 0.5" (every epoch), "under 0.1 from
    epoch 4 on", "below 0.1 at epoch 4", "ended under 0.05"."""
    x, down = _num(text), rel in ("below", "under", "less than", "lower than")
    series = [e.train_loss if train else e.test_loss for e in rows] if (train or test) else [e.test_loss for e in rows]
    scope, label = _epoch_scope(low, len(series), 3, implicit=False)
    if scope is None and (at := re.search(r"\b(?:at|in|by|after) epoch (\d+)", low)) and 1 <= int(at[1]) <= len(series):
        scope, label = [int(at[1])], f"at epoch {at[1]}"
    if scope is None and (_FINAL.search(own) or re.search(r"\b(end|ended|ending|final)\b", low)):
        scope, label = [len(series)], "at the last epoch"
    holds = [(v < x) if down else (v > x) for v in ([series[i - 1] for i in scope] if scope else series)]
    never = re.search(r"\bnever\b", own)
    ok = (not any(holds)) if never else (all(holds) if scope else any(holds))
    return Claim(number, clause, ok, f"{kind} loss {label or 'by epoch'}: "
                 + ", ".join(f"{series[i - 1]:.4f}" for i in (scope or range(1, len(series) + 1))) + f" ({records.METRICS})",
                 "figure", (text,))


def _lowest_loss(after: str, since: str, clause: str, number: int, text: str, pool: list, kind: str, rows: list,
                 train: bool) -> list[Claim]:
    """A loss said to be the lowest (at the epoch said - "lowest at epoch 3 (0.0649) and rose to 0.1011 at epoch 5": the
    one before it - else after it): the lowest of its curve (none where no loss was printed)."""
    after = f"{since} {after}" if re.search(r"\b(?:at|in) epoch \d+\s*\(?\s*$", since) else f"{after} {since}"
    if not (pool := [x for x in pool if x is not None and not math.isnan(x)]):
        return []  # no loss printed: the log cannot say which was lowest
    best = min(pool)
    at = re.search(r"\b(?:at|in)\s+(?:the\s+)?(final|last) epoch|\b(?:at|in) epoch (\d+)", after)
    series = pool if kind.startswith("train (") else [e.train_loss if train else e.test_loss for e in rows]
    where = [i + 1 for i, v in enumerate(series) if v == best]
    ok = said_as(best, text) and (at is None or (len(rows) if at[1] else int(at[2])) in where)
    return [Claim(number, clause, ok, f"lowest {kind} loss {best:.4f} at epoch {', '.join(map(str, where))} "
                  f"({records.METRICS})", "figure", (text,))]


# two losses named, then "they" / "both" and a bare pair: "... and by epoch 2 they are much closer (0.23 vs 0.26)"
_THEY_PAIR = re.compile(r"\b(test|train)(?:ing)?\s+loss\b[^;]*?\b(test|train)(?:ing)?\s+loss\b[^;()]*?\b(?:they|both|the two)\b"
                        r"(?:(?!\bloss\b)[^;()\d])*\(\s*(\d?\.\d+)\s*(vs\.?|versus|/|against|and|,)\s*(\d?\.\d+)\s*\)")


def _losses_in_order(low: str) -> str:
    """"Test loss ends below train loss: 0.0683 vs 0.0753": each figure beside the loss it was named in order."""
    both = re.search(r"\b(test|train)(?:ing)?\s+loss\b[^.;\d]*?\b(test|train)(?:ing)?\s+loss\b(?:[^;()\d]|(?<=epoch )\d)*?"
                     r"\s*[:(,]?\s*(\d?\.\d+)\s*"
                     r"(vs\.?|versus|/|against)\s*(\d?\.\d+)", low)
    if (pair := re.search(r"\b(test|train)(?:ing)?\s+and\s+(test|train)(?:ing)?\s+loss(?:es)?\b[^;()]*?\(\s*(\d?\.\d+)\s*"
                          r"(?:and|,|"
                          r"/)\s*(\d?\.\d+)\s*\)", low)) and pair[1] != pair[2]:  # "train and test loss ... (0.040 and 0.042)"
        return low[:pair.start(3)] + f"{pair[1]} loss {pair[3]} and {pair[2]} loss {pair[4]})" + low[pair.end():]
    if (they := _THEY_PAIR.search(low)) and they[1] != they[2]:  # "train loss 1.37 against a test loss of 0.37, and by
        # epoch 2 they are much closer (0.23 vs 0.26)": the two losses in the order the clause named them
        return low[:they.start(3)] + f"{they[1]} loss {they[3]} {they[4]} {they[2]} loss {they[5]}" + low[they.end(5):]
    if both is None or both[1] == both[2]:
        return low
    return low[:both.start(3)] + f"{both[1]} loss {both[3]} {both[4]} {both[2]} loss {both[5]}" + low[both.end():]


# "higher than in step 1 (0.087 vs 0.071)", "lower than Model_1's: 0.101 against 0.128": this step's figure, then that step's
_PAIRED = re.compile(r"\b(?:than|(?:less than |more than |under |over |about )?(?:half|a third|a quarter) of)\s+"
                     r"(?:in\s+|at\s+|for\s+)?(?:step|model)[ _-]?(\d+)(?:'s)?\s*(?:\(|:|,)\s*(\d?\.\d+)\s*"
                     r"(?:vs\.?|versus|against|/)\s*(\d?\.\d+)")


def _loss_role(before: str, after: str) -> str:
    """The words naming a loss figure's curve: right after it ("0.083 test, 0.075 train"), else just before it, else
    the clause's subject said earlier ("Test loss went from 0.71 after epoch 1 to 0.11")."""
    # "0.11 (train)", "0.087 for the test loss"
    if role := re.match(r"\s*(?:for\s+(?:the\s+)?|of\s+the\s+)?(train\w*|test|val\w*)\b|\s*\(\s*(train\w*|test|val\w*)\s*\)",
                        after):
        return role[1] or role[2]
    return before[-40:] if re.search(r"train|test|\bval(?:id\w*)?\b", before[-40:]) else before  # not "value"


def _loss_pool(step: Step, near: str, role: str) -> tuple[bool, bool, list, str]:
    """(train, test, the losses a figure is read against, their name) by the words just before it: train or test as
    named, either where neither is; a hand-in's bar-printed batch losses for its lowest train loss."""
    train = "train" in near and not re.search(r"test|validation|\bval\b", near.rpartition("train")[2])
    test = re.search(r"test|validation|\bval\b", near) is not None and not train  # "val loss": the held-out set's
    rows = step.run.epochs
    pool = [e.train_loss for e in rows] if train else [e.test_loss for e in rows] if test else \
        [x for e in rows for x in (e.train_loss, e.test_loss)]
    bars = (step.run.origin or {}).get("batch_loss")
    if train and bars and re.search(r"\b(lowest|minimum|min|best)\b", role):
        return train, test, list(bars), "train (each epoch's last batch, as its bar printed)"
    return train, test, pool, "train" if train else "test" if test else "train or test"


# a loss figure: a decimal that is no percentage, no points and no count ("7.5k parameters")
_LOSS_FIGURE = re.compile(r"(?<![\w.])(\d?\.\d+)(?!\d|\.\d|\s*%|\s*(?:points?|pts?|pp|k|m)\b|\s*(?:params?|parameters)\b)")


def _losses(low: str, clause: str, step: Step, number: int, earlier: dict[int, Step] | None = None) -> list[Claim]:
    """Each loss figure of a clause about the loss: train or test as named (either where neither is), this step's or
    the step the words name ("Model_1's final 0.14"), final where the words say so, else any epoch's."""
    if not re.search(r"\bloss", low):
        return []
    out, low = [], _losses_in_order(low)
    if band := re.search(r"\bbetween\s+(\d?\.\d+)\s+and\s+(\d?\.\d+)(?![\d.%])", low):  # "stays between 2.30 and 2.35"
        return [_loss_band(low, clause, step, number, band)]
    pair = _PAIRED.search(low)
    for found in _LOSS_FIGURE.finditer(low):
        text, before = found[1], low[:found.start()]
        named = _step_named(before, low[found.end():])
        if pair and found.start() in (pair.start(2), pair.start(3)):
            named, before = (pair if found.start() == pair.start(3) else None), low[:pair.start()]
        whose = (earlier or {}).get(int(named[1])) if named and int(named[1]) != number else step
        own = re.split(r"\d", before)[-1]  # the words since the figure before
        if whose is None or _NOT_A_LOSS.search(own):
            continue  # a step not in the hand-in; "a constant LR of 0.01", "momentum 0.9": the rate's, the optimiser's
        if out and (gap := _loss_gap(low, found, clause, number)):
            out.append(gap)
            continue
        (train, test, pool, kind), rows = _loss_pool(whose, _loss_role(before, low[found.end():]),
                                                     own + low[found.end():found.end() + 25]), whose.run.epochs
        if rel := re.search(r"\b(below|under|less than|lower than|above|over|more than)\s*$", own):
            out.append(_loss_level(low, clause, number, text, rel[1], own, pool, kind, rows, train, test))
            continue
        if re.search(r"\bfrom\s*$", own) and (others := [e for k, e in (earlier or {}).items() if re.search(
                rf"\b(?:step|model)[ _-]?{k}\b", _SENTENCE.get() or low)] or [e for k, e in (earlier or {}).items()
                                                                              if k == number - 1]):
            pool = pool + [e.test_loss if not train else e.train_loss for o in others for e in o.run.epochs]
        # "(0.247) and lowest ...": the next one's; "lowest in epoch 3 with 0.1263": that epoch's, said lowest
        ahead, since = re.split(r"\band\b|[,;]", low[found.end():found.end() + 25])[0], re.split(r"\d?\.\d+|[,;]", before)[-1]
        if re.search(r"\b(lowest|minimum|min|best)\b", own + ahead) or re.search(r"\b(?:is|was) (?:at its )?lowest\b", since):
            out += _lowest_loss(low[found.end():], since, clause, number, text, pool, kind, rows, train)
            continue
        if (first := _loss_epoch(before, low[found.end():], len(rows))) is not None:
            at = int(first[1] or 1)
            pool = [x for e in rows[at - 1:at] for x in ((e.train_loss,) if train else (e.test_loss,) if test else
                                                         (e.train_loss, e.test_loss))]
            kind = f"{kind} at epoch {at}"
        elif _loss_at_end(own, low, low[found.end():], low[:found.start()]) and not re.search(r"\bfrom\s*$", own) or \
                _start_to_end(before, low[found.end():], low, pool if train or test else []):  # "test loss 0.5683 → 0.0873"
            pool = pool[-1:] if (train or test) else pool[-2:]
            kind = f"final {kind}"
        ok, said = _loss_found(pool, text, own, rows)
        if not ok and re.search(r"\bbatch loss\s*=\s*$", own):  # the bar prints its last batch's loss
            ok, said = None, f"{said}, the epoch's mean; the bar's loss is its last batch's, which no record keeps"
        out.append(Claim(number, clause, ok, f"{'step ' + named[1] + ' ' if whose is not step else ''}{kind} loss: {said} "
                         f"({records.METRICS})", "figure", (text,)))
    return out + _loss_than(low, clause, number)


def _start_to_end(before: str, after: str, low: str, pool: list[float]) -> bool:
    """The second figure of a loss's lone pair "A → B" in a clause that names no epoch, where A is the curve's first
    epoch's: the run's start to its end, so B is the last epoch's."""
    start = re.search(r"(?<![\d.])(\d?\.\d+)\s*(?:→|->)\s*$", before)
    return bool(start and pool and not re.search(r"(?:→|->)\s*\d?\.\d+\s*(?:→|->)\s*$", before) and
                not re.match(r"\s*(?:→|->)", after) and not re.search(r"\bep(?:och)?s?\s*\d|\bepochs?\b", low) and
                _loss_as_said(pool[0], start[1], ""))


def _loss_found(pool: list[float], text: str, own: str, rows) -> tuple[bool | None, str]:
    """Whether a loss figure is one of `pool`, and what the evidence shows: the loss it is, with its epoch where it is
    one of the run's; else the span of the losses it was read against."""
    if not pool:  # an epoch the run does not have ("epoch 0")
        return None, f"no epoch of the run is the one said ({len(rows)} recorded)"
    if len(pool) == 1:
        return _loss_as_said(pool[0], text, own), f"{pool[0]:.4f}"
    hit = next((v for v in pool if _loss_as_said(v, text, own)), None)
    if hit is None:
        return False, f"{min(pool):.4f} to {max(pool):.4f}, none of them {text}"
    at = next((f" at epoch {i}" for i, e in enumerate(rows, 1) if hit in (e.train_loss, e.test_loss)), "")
    return True, f"{hit:.4f}{at}"


def _loss_as_said(value: float, text: str, own: str) -> bool:
    """A loss as said: at its digits, or within one unit of the last of them where the words say "about" ("≈ 0.019")."""
    near = re.search(r"\b(?:about|around|roughly|approximately)\s*$|[~≈]\s*$", own)
    return (said_near if near else said_as)(value, text)


def _loss_epoch(before: str, after: str, epochs: int) -> re.Match | tuple[str, str] | None:
    """The epoch a loss figure is said at, as a match's group 1 gives it: a move's ("in epoch 3 from 0.41 to 0.38"),
    right after it ("0.71 after the first epoch"), right before its loss ("in epoch 1 the test loss was 0.71"), or
    heading its log line ("Epoch 4: Train Loss=0.0902")."""
    if (span := re.match(r"\s*(?:from|between) (?:the )?epochs? (\d+) (?:to|and) (?:epoch )?(\d+)\b", after)) and \
            re.search(r"\d\s+to\s*$", before):
        return "", span[2]  # "rose from 2.302 to 2.329 between epochs 3 and 4": the second figure at the span's end
    return _loss_move(before, after, epochs) or \
        re.match(r"\s*(?:after|at|in|of|from) (?:the )?(?:first epoch|epoch (\d+))", after) or \
        re.search(r"\b(?:after|at|in) epoch (\d+),?\s+(?:the\s+)?(?:train|test|val)\w*\s+loss\s+(?:was\s+|is\s+|of\s+)?$",
                  before) or _log_line_epoch(before)


# the words a setting's figure follows, in a sentence about the loss
_NOT_A_LOSS = re.compile(r"\b(?:momentum|lr|rate|learning rate|adam|sgd|dropout|decay|gamma|step size|constant|eps(?:ilon)?)\b"
                         r"[^\d]{0,12}$|\b(?:lr|rate)\b(?:(?!\bloss)[^\d]){0,30}\(\s*$")  # "the rate was near its top (0.092"


# a loss said against another ("lower than", "more than"); the first five words say the first is the smaller
_THAN_WORDS = r"(lower|smaller|less|below|under|higher|bigger|larger|greater|more|above|over)\s+than\b"
_LOSS_THAN, _LOSS_THAN_NEXT = re.compile(rf"\b{_THAN_WORDS}"), re.compile(rf"\s+{_THAN_WORDS}")
_LOWER = ("lower", "smaller", "less", "below", "under")


def _loss_gap(low: str, found: re.Match, clause: str, number: int) -> Claim | None:
    """"The final test loss of 0.0185 is 0.024 lower than step 1's 0.0422": the middle figure is the difference of the
    two beside it (each checked as a loss on its own), in the direction said."""
    if (rel := _LOSS_THAN_NEXT.match(low, found.end())) is None:
        return None
    figs = list(_LOSS_FIGURE.finditer(low))
    i = next(k for k, f in enumerate(figs) if f.start() == found.start())
    if i == 0 or i + 1 >= len(figs):
        return None
    a, b = _num(figs[i - 1][1]), _num(figs[i + 1][1])
    ok = (a < b if rel[1] in _LOWER else a > b) and said_as(abs(a - b), found[1])
    return Claim(number, clause, ok, f"{figs[i - 1][1]} - {figs[i + 1][1]} = {a - b:+.4f} (the figures as said, each checked "
                                     f"against {records.METRICS})", "figure", (found[1],))


def _loss_than(low: str, clause: str, number: int) -> list[Claim]:
    """"0.0873, lower than step 1's 0.0714": the order two loss figures are said in, each figure checked on its own."""
    figs = list(_LOSS_FIGURE.finditer(low))
    rel = _LOSS_THAN.search(low[figs[0].end():figs[1].start()]) if len(figs) == 2 else None
    if rel is None:
        return []
    a, b = _num(figs[0][1]), _num(figs[1][1])
    ok = a < b if rel[1] in _LOWER else a > b
    return [Claim(number, clause, ok, f"{figs[0][1]} is {'below' if a < b else 'above'} {figs[1][1]} (each figure as said, "
                                      f"checked above; {records.METRICS})", "figure")]


_LOSS_ORDER = re.compile(r"\b(?P<a>train\w*|test|val\w*) loss\b(?P<mid>[^.;]{0,30}?)\b(?P<rel>lower|below|less|under|smaller|"
                         r"higher|above|greater|over|bigger)(?: than)?\s+(?:(?:the|its|in|at)\s+)*(?:(?P<b>train\w*|test|"
                         r"val\w*) loss\b|(?:step|model)[ _-]?(?P<k>\d+)\b|epoch (?P<e>\d+)\b)")


def _loss_order(low, clause, step, previous, number) -> Claim | None:
    """"Test loss is below the train loss at epoch 12", "test loss lower than step 1 at the end", "the final test loss
    is higher than at epoch 3: 0.101 against 0.096": the two losses named, at the epoch the words give (the last where
    they give none), in the order said; a pair of figures after it is those two losses."""
    order = _LOSS_ORDER.search(low)
    if order is None or not step.run.epochs or math.isnan(step.run.epochs[-1].test_loss or math.nan):
        return None
    ours = "train_loss" if order["a"].startswith("train") else "test_loss"
    at = re.search(r"\b(?:at|in|after) epoch (\d+)\b", low[:order.start("rel")] + low[order.end():])
    rows, here = step.run.epochs, len(step.run.epochs)
    here = int(at[1]) if at and not order["e"] and 1 <= int(at[1]) <= here else here
    if order["k"]:
        if previous is None or int(order["k"]) == number or not previous.run.epochs:  # the step named, read before
            return None
        x, y, what = getattr(rows[-1], ours), getattr(previous.run.epochs[-1], ours), f"step {order['k']}'s final"
    elif order["e"]:
        if not 1 <= int(order["e"]) <= len(rows):
            return None
        x, y, what = getattr(rows[-1], ours), getattr(rows[int(order["e"]) - 1], ours), f"at epoch {order['e']}"
    else:
        theirs = "train_loss" if order["b"].startswith("train") else "test_loss"
        if theirs == ours:
            return None
        x, y, what = getattr(rows[here - 1], ours), getattr(rows[here - 1], theirs), f"{theirs[:-5]} loss at epoch {here}"
    low_rel = order["rel"] in ("lower", "below", "less", "under", "smaller")
    ok = (x < y) == low_rel and x != y
    if pair := re.search(rf"\b{NUM}\s*(?:against|vs\.?|versus|and|/)\s*{NUM}\b", low[order.end():]):
        ok = ok and said_as(x, pair[1]) and said_as(y, pair[2])
    said = f"{ours[:-5]} loss {x:.4f}; {what} {y:.4f} ({records.METRICS})"
    return Claim(number, clause, ok, said, "loss")


def _step_named(before: str, after: str) -> re.Match | None:
    """The step a loss figure is said of: named just before it ("Model_1's final 0.14"), or just after ("0.101 in step
    2")."""
    named = re.search(r"(?s).*\b(?:step|model)[ _-]?(\d+)(?:'s)?(?:[^.;,]|(?<=\d)\.(?=\d)){0,20}$", before)
    if named and re.search(r"\bto\b", before[named.end(1):]) and re.search(r"\bfrom\b", before):
        named = None  # "from 0.409 in step 1 to 0.050": the figure after "to" is this step's
    # "0.41 at the end of step 1", "the 0.071 that step 1 finished on": that step's
    return named or re.match(r"\s*(?:(?:at the end of|at the start of|after)\s+|that\s+(?=(?:step|model)[ _-]?\d+\s+(?:finished|"
                             r"ended|ends|finishes|started|had|reached|got)\b)|(?:in|for|of|from)\s+)(?:step|model)[ _-]?(\d+)\b",
                             after)


def _loss_band(low: str, clause: str, step: Step, number: int, band: re.Match) -> Claim:
    """"For the first 4 epochs the test loss stays between 2.30 and 2.35": every loss of the span (every epoch where
    none is said) inside the band, each edge as rounded."""
    train, test, _, kind = _loss_pool(step, low[:band.start()], "")
    series = [e.train_loss if train else e.test_loss for e in step.run.epochs]
    scope, label = _epoch_scope(low, len(series), 3, implicit=False)
    if scope is None:  # "The first four epochs were chance - ..., with the train loss between 2.28 and 2.31": the sentence's
        scope, label = _epoch_scope((_SENTENCE.get() or "").lower(), len(series), 3, implicit=False)
    values = [series[i - 1] for i in scope] if scope else series
    if scope is None and (those := re.search(r"\b(?:those|these|the same)\s+(?:\w+\s+)?epochs\b", low)):
        return Claim(number, clause, None, f"{kind} loss by epoch: " + ", ".join(f"{v:.4f}" for v in values) +
                     f" ({records.METRICS}); \"{those[0]}\": epochs another sentence names", "figure", (band[1], band[2]))
    lo, hi = (_num(band[k]) - 10 ** -_decimals(band[k]) / 2 for k in (1, 2))
    hi += 10 ** -_decimals(band[2])
    ok = all(lo <= v <= hi for v in values)
    return Claim(number, clause, ok, f"{kind} loss {label or 'by epoch'}: " + ", ".join(f"{v:.4f}" for v in values)
                 + f" ({records.METRICS})", "figure", (band[1], band[2]))


def _loss_move(before: str, after: str, epochs: int) -> tuple[str, str] | None:
    """A loss's move in one epoch said as a pair, "in the last epoch (0.1286 to 0.1279)", "in epoch 3 from 0.41 to
    0.38": the epoch this figure is of second, as a match's group 1 gives it; the first figure is the epoch before's."""
    move = re.search(r"\b(?:in|during|over)\s+(?:the\s+)?(?:(?:last|final) epoch|epoch (\d+))\b(?:[^.;]|\.(?=\d))*$", before)
    start = re.match(r"\s*(?:to|->|→)\s*\d?\.\d+", after)
    if move is None or not (start or re.search(r"\d?\.\d+\s*(?:to|->|→)\s*$", before)):
        return None
    at = (int(move[1]) if move[1] else epochs) - (1 if start else 0)
    return ("", str(at)) if 1 <= at <= epochs else None


def _loss_at_end(own: str, low: str, after: str, before: str) -> bool:
    """A loss said of the last epoch: by its own words, or by its sentence's ("Train loss at the end ≈ 0.04, test
    loss ≈ 0.06": the "at the end" holds for each loss in it) where its clause names no epoch nor a low it went down
    to; never one of a chain ("(0.1286 -> 0.1279)": any epochs')."""
    if re.match(r"\s*(?:->|→)|\s*,?\s*(?:and\s+)?then\s+\d?\.\d", after) or re.search(r"(?:->|→)\s*$", before):
        return False  # "at the end (0.1286, then 0.1279)": the first of the two is the epoch's before
    return bool(_FINAL.search(own) or re.match(r"\s*(?:at the end|in the end|finally)", after) or
                not re.search(r"\bepochs?\b|\bbest\b|\blowest\b|\b(?:went|came|got) down to\b", low) and
                re.search(r"\b(?:at the end|in the end|final|finish\w*|ended|ends)\b", _SENTENCE.get() or ""))


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


_FUNCTIONAL_GAP = re.compile(r"adaptive_avg_pool2d|avg_pool2d|\.mean\(")


def _model_code(step: Step) -> str:
    """The source of the step's model class and of the classes it derives from in the same file: a file that holds
    every step's model ("Net1", "Net2", ...) says nothing of one step by another's lines. The whole code where the
    class is not found in it (or does not parse)."""
    return _class_source(step.run.code or "", (step.run.origin or {}).get("attr") or step.name)


@functools.lru_cache(maxsize=64)  # each sentence about GAP asks again: the file is parsed once
def _class_source(code: str, cls: str) -> str:
    try:
        classes = {node.name: node for node in ast.walk(ast.parse(code)) if isinstance(node, ast.ClassDef)}
    except (SyntaxError, ValueError):
        return code
    if cls not in classes:
        return code
    out, seen = [], set()
    while cls in classes and cls not in seen:
        seen.add(cls)
        out.append(ast.get_source_segment(code, classes[cls]) or "")
        cls = next((b.id for b in classes[cls].bases if isinstance(b, ast.Name) and b.id in classes), "")
    return "\n".join(out)


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


_GAINS = re.compile(r"(?<![\w.])([+\-−]\s?\d+(?:\.\d+)?)(?:\s*(?:points?|pts?|pp))?(?:\s*(?:,|and|then|/)\s*"
                    r"([+\-−]\s?\d+(?:\.\d+)?)(?:\s*(?:points?|pts?|pp))?)+")


def _epoch_gains(low, clause, step, previous, number) -> Claim | None:
    """"Test went up each epoch but the steps got smaller: +2.39, +1.72, +0.15": one signed figure for each epoch's
    change, in order, from the second epoch to the last (train's where train alone is named)."""
    found = _GAINS.search(low)
    words = (_SENTENCE.get() or "") + " " + low  # "test went up each epoch but the steps got smaller: ...": the sentence's
    if found is None or not re.search(r"\b(?:each|every|per) epoch\b|\bsteps\b|\bgains?\b|\bincrements?\b|\bjumps\b", words) \
            or re.search(r"\b(?:step|model)[ _-]?\d|\bloss\b|\brate\b|\blr\b", low):
        return None
    said = [t.lstrip("+-−").strip() for t in re.findall(r"[+\-−]\s?\d+(?:\.\d+)?", found[0])]
    signs = [t.startswith(("-", "−")) for t in re.findall(r"[+\-−]", found[0])]
    train = _only_train(words)
    curve = step.run.train() if train else step.run.test()
    moves = [b - a for a, b in zip(curve, curve[1:], strict=False)]
    if len(said) != len(moves):
        return None  # not one for each epoch: which epochs they are is not said
    with _unread():
        ok = all(said_as(abs(m), t) and (m < 0) == neg for m, t, neg in zip(moves, said, signs, strict=True))
    return Claim(number, clause, ok, f"{'train' if train else 'test'} accuracy, each epoch's change: "
                 + ", ".join(f"{m:+.2f}" for m in moves) + f" ({records.METRICS})", "trend", tuple(said))


# "ep3 → ep4 added only +0.19", "from epoch 4 to epoch 5 it gained 2.03 points": one epoch's change
_ONE_GAIN = re.compile(r"\bfrom epoch (\d+) to epoch (\d+),?\s+(?:(?:it|test|train\w*|the \w+)\s+)?(?:only\s+)?"
                       r"(added|gained|brought|gave|adds|gains|lost|dropped|fell|rose|climbed)\s+(?:only\s+|just\s+|another\s+|"
                       r"by\s+)?"
                       r"([+\-−]?\s?\d+(?:\.\d+)?)\s*(?:points?|pts?|pp|%)?(?![\d.])")


# "the last epoch at the low rate still added 2.06 points on test", "epoch 5 added 2.06": against the epoch before it
_EPOCH_GAIN = re.compile(r"\b(?:the (?:last|final) epoch|epoch (\d+))\b[^.;,\d]{0,30}?\b(?:still\s+|only\s+)?"
                         r"(added|gained|brought|gave|lost|adds|gains|brings|gives|loses)\s+(?:only\s+|just\s+|another\s+)?"
                         r"(\d+(?:\.\d+)?)\s*"
                         r"(?:points?|pts?|pp)\b")


def _one_gain(low, clause, step, previous, number) -> Claim | None:
    """One epoch's change said with its size: the curve's (train's where train alone is named) move between the two
    epochs, in the direction its verb or sign says."""
    train = _only_train(low)
    curve = step.run.train() if train else step.run.test()
    if (one := _EPOCH_GAIN.search(low)) and not re.search(r"\bloss\b", low):
        b = int(one[1] or len(curve))  # "the last epoch": the run's last; a rate said beside it says when, not what
        found = (one[0], str(b - 1), str(b), one[2], one[3])
    elif (found := _ONE_GAIN.search(low)) is None or re.search(r"\bloss\b|\brate\b|\blr\b", low):
        return None
    a, b = int(found[1]), int(found[2])
    if not 1 <= a < b <= len(curve):
        return None
    move = curve[b - 1] - curve[a - 1]
    down = found[3] in ("lost", "loses", "dropped", "fell") or found[4].startswith(("-", "−"))
    text = found[4].lstrip("+-−").strip()
    ends = re.match(r"[^(]{0,20}\(\s*(\d{2}\.\d+)\s*%?\s*(?:to|→|->)\s*(\d{2}\.\d+)\s*%?\s*\)", low[low.find(text) + len(text):])
    ok = said_as(abs(move), text) and (move < 0) == down and \
        (ends is None or said_as(curve[a - 1], ends[1]) and said_as(curve[b - 1], ends[2]))  # "(95.99 % to 96.14 %)"
    return Claim(number, clause, ok, f"{'train' if train else 'test'} accuracy epoch {a} → {b}: {curve[a - 1]:.2f} → "
                 f"{curve[b - 1]:.2f} % ({move:+.2f} points; {records.METRICS})", "trend",
                 (text, *(ends.groups() if ends else ())))


# "the cut gave a clear jump (+2.03), more than step 2's +1.89": the jump at this step's cut against that step's
_JUMP_VS = re.compile(r"\(?\s*\+\s?(\d+(?:\.\d+)?)\s*(?:points?|pts?|pp)?\s*\)?,?\s+(?:which is\s+)?"
                      r"(more|bigger|larger|greater|less|smaller) than (?:in\s+)?(?:step|model)[ _-]?\d+(?:'s)?"
                      r"(?:\s+(?:jump|gain|one))?\s*\(?\s*(?:\+\s?(\d+(?:\.\d+)?))?")


def _cut_jump(step: Step) -> tuple[int, float] | None:
    """The test accuracy's move into the one epoch where the step's rate was cut (its first epoch on the lower rate)."""
    cuts, curve = _lower_from([e.lr for e in step.run.epochs]), step.run.test()
    return (cuts[0], curve[cuts[0] - 1] - curve[cuts[0] - 2]) if len(cuts) == 1 and cuts[0] >= 2 else None


def _jump_against(low, clause, step, previous, number) -> Claim | None:
    """A jump at the rate's cut said against another step's jump at its own cut: both jumps and their order."""
    if (found := _JUMP_VS.search(low)) is None or previous is None or not re.search(r"\b(?:cut|drop\w*|decay\w*|jump\w*)\b", low):
        return None
    ours, theirs = _cut_jump(step), _cut_jump(previous)
    if ours is None or theirs is None:
        return None
    more = found[2] in ("more", "bigger", "larger", "greater")
    ok = said_as(ours[1], found[1]) and (found[3] is None or said_as(theirs[1], found[3])) and (ours[1] > theirs[1]) == more
    said = tuple(t for t in (found[1], found[3]) if t)
    curve = step.run.test()
    if ends := re.search(r"\bfrom (\d{2}\.\d+)\s*%?\s*to (\d{2}\.\d+)\s*%", low[:found.start()]):  # "from 95.90 % to 97.93 %"
        ok, said = ok and said_as(curve[ours[0] - 2], ends[1]) and said_as(curve[ours[0] - 1], ends[2]), (ends[1], ends[2], *said)
    return Claim(number, clause, ok, f"the jump at the cut: {curve[ours[0] - 2]:.2f} → {curve[ours[0] - 1]:.2f} % "
                 f"({ours[1]:+.2f} points) into epoch {ours[0]} here, {theirs[1]:+.2f} into epoch {theirs[0]} in the step "
                 f"compared ({records.METRICS} of both)", "compare", said)


# "Seven of the twelve channels after the second conv were dead, and two of the sixteen after the third"; "3 of the 16
# channels after the second conv and 11 of the 32 units in the fully connected layer were dead"
_COUNTS = rf"(\d+|{'|'.join(WORDS)}|no|none)"
_DEAD_PART = re.compile(rf"\b{_COUNTS}\s+(?:of\s+(?:the\s+|its\s+)?(\d+|{'|'.join(WORDS)})\s+)?(?:relu\s+)?"
                        r"(?:(?:channels?|units?|filters?|neurons?)\s+)?(?:after|of|in)\s+(?:the\s+)?"
                        rf"(?:({'|'.join(ORDINALS)})(?:\s+conv\w*|\s+(fully connected|fc|linear|dense)\s+layer)?\b|"
                        r"(fully connected|fc|linear|dense)\s+layer\b)")


def _dead_said(low, clause, step, previous, number) -> Claim | None:
    """Dead ReLU channels said of a layer by its place ("the second conv", "the fully connected layer"): that layer's
    count of channels that never fired on the test images, and its width (metrics.json `layers`, in order)."""
    if not re.search(r"\b(?:were|was|are|is)\s+dead\b", low) or not step.run.layer_stats or \
            not re.search(r"(?:channels?|units?|filters?|neurons?)\b", low) or not (parts := list(_DEAD_PART.finditer(low))):
        return None
    rows, verdicts, said, read = step.run.layer_stats, [], [], []
    for found in parts:
        if found[4] or found[5]:  # the (first, second) fully connected layer: of the rows not a conv's, the last where none
            dense = [r for r in rows if re.match(r"(?i)fc|lin|dense|head", r["layer"])]  # is counted
            k = ORDINALS.index(found[3]) if found[4] else len(dense) - 1
            row = dense[k] if 0 <= k < len(dense) else None
        else:
            k = ORDINALS.index(found[3])
            row = rows[k] if k < len(rows) else None
        if row is None:
            return Claim(number, clause, None, f"no such layer among the {len(rows)} recorded ({records.METRICS}'s layers)",
                         "figure")
        dead = 0 if found[1] in ("no", "none") else _count(found[1])
        verdicts.append(len(row["dead_channels"]) == dead and (found[2] is None or _count(found[2]) == row["channels"]))
        said.append(f"{row['layer']}: {len(row['dead_channels'])} of {row['channels']} channels dead")
        read += [t for t in (found[1], found[2]) if t and t[0].isdigit()]
    return Claim(number, clause, all(verdicts), "; ".join(said) + f" ({records.METRICS}'s layers)", "figure", tuple(read))


# "best val 98.00 → 97.33 (-0.67)": a move with its size said beside it
_ARROW_SIZE = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s*%?\s*(?:→|->)\s*(\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s*%?\s*"
                         r"\(\s*([+\-−])\s?"
                         r"(\d+(?:\.\d+)?)"
                         r"\s*(?:points?|pts?|pp|%)?\s*\)")


# "Δ vs M1 (best): +1.88 pp (96.14 → 98.12)": the signed size said before the move
_SIZE_ARROW = re.compile(r"(?<![\w.])(?P<s>[+\-−])\s?(?P<n>\d+(?:\.\d+)?)\s*(?:points?|pts?|pp|%)?\s*\(\s*"
                         r"(?P<a>\d{1,3}(?:\.\d+)?)\s*%?\s*(?:→|->)\s*(?P<b>\d{1,3}(?:\.\d+)?)\s*%?\s*\)")


def _arrow_size(low, clause, step, previous, number) -> Claim | None:
    """The size said beside a move ("98.00 → 97.33 (-0.67)", "+1.88 pp (96.14 → 98.12)") against the move's own two
    figures: arithmetic on the sentence's words, so the atom reads the size only (the two figures are decided by the
    readers of their roles)."""
    moves = list(_ARROW_SIZE.finditer(low))
    if not moves and (before := _SIZE_ARROW.search(low)):
        a, b = float(before["a"]), float(before["b"])
        return Claim(number, clause, _size_said(abs(b - a), b < a, before["s"], before["n"]),
                     f"{before['a']} → {before['b']} is {b - a:+.2f}", "arithmetic", (before["n"],))
    if not moves:
        return None
    checks = [(_size_said(_moved_by(m), _num(m[2]) < _num(m[1]), m[3], m[4]), m) for m in moves]
    return Claim(number, clause, all(ok for ok, _ in checks), "; ".join(
        f"{m[1]} → {m[2]} is {'-' if _num(m[2]) < _num(m[1]) else '+'}{_moved_by(m):.2f}" for _, m in checks), "arithmetic",
        tuple(m[4] for _, m in checks))


# "The 2s went from 495 errors to 12, over 40x fewer": a change said as a multiple beside its two counts
_TIMES_BETWEEN = re.compile(rf"\bfrom (?P<a>{_COUNT})(?: errors| mistakes)? to (?P<b>{_COUNT})(?: errors| mistakes)?,?\s*"
                            r"(?:[-–—]\s*)?"
                            r"(?P<tol>about |roughly |around |~\s*|over |almost |nearly |more than )?(?P<x>\d+(?:\.\d+)?)\s*"
                            r"(?:x|×|times)\s+(?P<way>fewer|less|more)\b")


def _times_between(low, clause, step, previous, number) -> Claim | None:
    """The multiple said beside a move between two counts, against the two counts as said (arithmetic on the words:
    the counts are decided by the readers of their roles)."""
    if (found := _TIMES_BETWEEN.search(low)) is None:
        return None
    a, b = _num(found["a"].replace(",", "")), _num(found["b"].replace(",", ""))
    if not a or not b:
        return None
    ratio, tol = max(a, b) / min(a, b), (found["tol"] or "").strip()
    ok = (found["way"] == "more") == (b > a) and _within(ratio, found["x"], tol or ("about" if "." not in found["x"] else ""))
    return Claim(number, clause, ok, f"{found['a']} → {found['b']}: {ratio:.2f} times", "arithmetic", (found["x"],))


def _size_said(magnitude: float, falls: bool, sign: str, size: str) -> bool:
    """A move's size as said beside it ("(−2.52)", "+1.88 pp"): its magnitude at the digits said, its sign the way."""
    return said_as(magnitude, size) and falls == (sign != "+")


def _moved_by(m: re.Match) -> float:
    """A move's size as its words give it: a count's ("386 → 308 (-20 %)") as a share of where it started, else points."""
    a, b = _num(m[1]), _num(m[2])
    counted = "." not in m[1] + m[2] and m[0].rstrip(" )").endswith("%") and a >= 10
    return 100 * abs(b - a) / a if counted else abs(b - a)


# "over the 9,000 cap", "under the 8k limit": the budget's parameter limit, named by its figure
_CAP = re.compile(rf"\bthe\s+{NUM}\s*(k\b)?(?:[- ]param(?:eter)?s?)?\s+(?:parameter\s+|param\s+)?(?:cap|limit|budget|ceiling)\b")


def _cap_said(low, clause, step, previous, number) -> Claim | None:
    """The parameter limit a sentence names, against the budget's."""
    found = [m for m in _CAP.finditer(low) if m[2] or _num(m[1]) >= 1000]
    if not found:
        return None
    limit, params = step.budget.max_params, step.run.params
    ok = all(_said_count(limit, m[1], 1e3 if m[2] else 1.0) for m in found)
    for m in found:  # "lands just under the 8k cap": the count on the side said (the rule is params < limit)
        side = re.search(r"\b(under|below|within|inside|over|above|beyond|exceeds?|exceeding|breaks?|breaking)\s+$",
                         low[:m.start()])
        if side:
            holds = params < limit if side[1] in ("under", "below", "within", "inside") else \
                params >= limit if side[1].startswith("break") else params > limit  # 8,000 breaks the 8k cap, not over
            ok = ok and holds != _negated(low, side.start(1))
    return Claim(number, clause, ok, f"the parameter limit: {limit:,}, this step's count {params:,} ({records.CONFIG}'s "
                 "budget)", "figure", tuple(m[1] for m in found))


# "The last epoch alone adds 2.16 points on test (95.94 → 98.00 %)", "jumps by 31.33 points (7.16% to 38.49%)": a move's
# size said before its pair
_PAIR_MOVED = re.compile(r"\(\s*(\d{1,3}\.\d+)\s*%?\s*(?:→|->|to(?=\s*[1-9]))\s*(\d{1,3}\.\d+)\s*%?\s*\)|"
                         r"\bfrom\s+(\d{1,3}\.\d+)\s*%?\s+to\s+(\d{1,3}\.\d+)")


def _size_before(low, clause, step, previous, number) -> Claim | None:
    """The size a verb says before a pair ("adds 2.16 points (95.94 → 98.00 %)", "loses 0.67 on the final (98.00 →
    97.33)") against the pair's own two figures: arithmetic on the sentence's words, as `_arrow_size` reads a size
    after one; the figures are their roles' readers'."""
    checks, start = [], 0
    for pair in _PAIR_MOVED.finditer(low):
        a, b = (pair[1], pair[2]) if pair[1] else (pair[3], pair[4])
        if move := _move_before(low, start, pair.start() + 1):  # with its bracket, which ends the size's words
            size, tol, down = move
            moved = float(b) - float(a)
            checks.append((_within(abs(moved), size, tol) and (down is None or down == (moved < 0)), f"{a} → {b} is "
                           f"{moved:+.2f}, said {size}", size))
        start = pair.end()
    if not checks:
        return None
    return Claim(number, clause, all(ok for ok, _, _ in checks), "; ".join(e for _, e, _ in checks), "arithmetic",
                 tuple(n for _, _, n in checks))


# "roughly a 50 % relative reduction in test errors (119 down to 59)", "a relative reduction of approximately 89 %": a
# change said as a share of where it started
_RELATIVE = re.compile(r"(?:(?P<tol>about|around|roughly|approximately|nearly|almost|~|≈)\s*)?(?:an?\s+)?(?P<p>\d+(?:\.\d+)?)\s*%"
                       r"\s+relative\s+(?P<way>reduction|decrease|drop|cut|fall|improvement|increase|gain|rise)|\brelative\s+"
                       r"(?P<way2>reduction|decrease|drop|cut|fall|improvement|increase|gain|rise)\s+of\s+(?:(?P<tol2>about|around|"
                       r"roughly|approximately|nearly|almost|~|≈)\s*)?(?P<p2>\d+(?:\.\d+)?)\s*%")
_FROM_TO = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*%?\s*(?:→|->|(?:down |up )?to\b)\s*(\d{1,3}(?:,\d{3})+|"
                      r"\d+(?:\.\d+)?)")


def _relative_change(low, clause, step, previous, number) -> Claim | None:
    """A relative change against its base: the pair the sentence gives ("119 down to 59"; an accuracy pair's errors where
    the words say a reduction and the pair rose), else the two steps' test errors (100 - the final accuracy)."""
    if (said := _RELATIVE.search(low)) is None:
        return None
    p, tol, way = said["p"] or said["p2"], (said["tol"] or said["tol2"] or "").strip(), said["way"] or said["way2"]
    down = way in ("reduction", "decrease", "drop", "cut", "fall")
    if pair := _FROM_TO.search(low):
        a, b = _num(pair[1].replace(",", "")), _num(pair[2].replace(",", ""))
        if down and b > a and b <= 100:
            a, b = 100 - a, 100 - b  # "error rate ... 86.29 % to 98.49 % accuracy": the errors' pair
    elif previous is not None:
        a, b = 100 - previous.run.test()[-1], 100 - step.run.test()[-1]
    else:
        return None
    if a <= 0:
        return None
    share = 100 * abs(b - a) / a
    ok = (b < a) == down and (abs(share - _num(p)) <= max(0.1 * _num(p), 1) if tol else said_as(share, p))
    return Claim(number, clause, ok, f"{a:.2f} → {b:.2f}: a relative {'fall' if b < a else 'rise'} of {share:.1f} %",
                 "arithmetic", (p,))


# "98.81 % ± 0.22 (two standard errors on 10,000 images)", "the mean gap ... is +0.00 ± 0.15 pt": the noise said beside
# a figure, against the yardstick's (`YARDSTICKS`): two standard errors of a test score, or of the gap
_PLUS_MINUS = re.compile(r"(?<![\d.])(?P<x>[+\-−]?\d{1,3}\.\d+)\s*%?\s*±\s*(?P<n>\d*\.\d+)\s*(?:%|pts?|points?|pp)?"
                         r"(?P<what>[^.;]{0,40})")


def _plus_minus(low, clause, step, previous, number) -> Claim | None:
    """The noise said beside a figure: a test accuracy's two standard errors on the test set (one where the words say
    one), the gap's where the figure is a gap; either where the words say neither."""
    out = []
    for said in _PLUS_MINUS.finditer(low):
        if re.search(r"\b(?:sd|std|s\.d\.|standard deviation|σ)\b", low):
            return None  # "mean ± sd over the seeds": the seeds' spread, not a test score's noise
        if step.check and re.search(r"\b(?:mean|average|avg)\b[^.;]{0,30}$", low[:said.start()]):
            continue  # "The mean final is 99.545 % ± 0.03": the seeds' spread, which their mean's reader checks
        x = abs(_num(said["x"].replace("−", "-")))
        if x >= 50:
            band, what = noise_band(x), f"two standard errors of {x:.2f} % on the test set"
        elif re.search(r"\bgap\b", low[:said.start()]):
            band, what = facts(step).gap_band, "the gap's noise (both scores' sampling error)"
        else:
            continue
        one = re.search(r"\b(?:one|1)\s*(?:standard error|se)\b", said["what"])
        two = re.search(r"\b(?:two|2)\s*(?:standard errors|se)\b|\b95\s*%", said["what"])
        ok = any(_within(b, said["n"], "about") if x < 50 else said_as(b, said["n"])  # a gap's noise: an estimate, rougher
                 for b in ((band / 2,) if one else (band,) if two or x < 50 else (band, band / 2)))
        out.append((ok, f"{what}: ±{band:.2f}", said["n"]))
    if not out:
        return None
    return Claim(number, clause, all(ok for ok, _, _ in out), "; ".join(e for _, e, _ in out) + f" ({records.METRICS})",
                 "arithmetic", tuple(n for _, _, n in out))


# "peaked at 98.12 % in epoch 3 and subsequently declined by 1.20 pp to 96.92 %": a move within the run, from a figure
# said before it, by the size said, to the figure after "to"
_MOVE_WITHIN = re.compile(rf"(?<![\d.])(?P<x>\d{{2}}\.\d+)\s*%?[^;]*?\b(?P<verb>{_WENT_UP}|{_WENT_DOWN})\s+by\s+"
                          r"(?P<tol>about |around |roughly |~\s*)?(?P<d>\d+(?:\.\d+)?)\s*(?:percentage points?|points?|pts?|pp)?"
                          r"\s+to\s+(?P<y>\d{2}\.\d+)")


def _run_move(low: str) -> re.Match | None:
    """The move within one run a clause says, where it names no other step (`_MOVE_WITHIN`)."""
    if BEFORE.search(low) or re.search(r"\b(?:step|model)[ _-]?\d|\bseeds?\b", low):
        return None
    return _MOVE_WITHIN.search(low)


def _move_within(low, clause, step, previous, number) -> Claim | None:
    """A move within the run against the sentence's own two figures: its size and its way (each figure is its role's
    reader's)."""
    if (move := _run_move(low)) is None:
        return None
    x, y = _num(move["x"]), _num(move["y"])
    up = re.fullmatch(_WENT_UP, move["verb"]) is not None
    ok = _within(abs(y - x), move["d"], (move["tol"] or "").strip()) and (y > x) == up
    return Claim(number, clause, ok, f"{move['x']} → {move['y']} is {y - x:+.2f}, said {move['verb']} by {move['d']}",
                 "arithmetic", (move["d"],))


# "Seed 1's min of the last 3 (97.13) is a tad above seed 2's (97.19)": two figures in brackets and the relation said
# between them
_PAIR_WAY = re.compile(r"\(\s*(?P<a>\d+(?:\.\d+)?)\s*%?\s*\)\s*(?:is|was|are|were|sits?|sat|ends?|ended|stays?|stayed|"
                       r"finishe[sd]|lands?|landed)?\s*(?:(?:a tad|a hair|a shade|slightly|just|a little|a bit|well|far|much|"
                       r"clearly|only|still)\s+)?(?P<way>above|below|higher than|lower than|over|under|ahead of|behind|"
                       r"better than|worse than)\s+[^()]{0,40}?\(\s*(?P<b>\d+(?:\.\d+)?)\s*%?\s*\)")


def _pair_way(low, clause, step, previous, number) -> Claim | None:
    """The relation said between two bracketed figures, against the figures as said (each is its role's reader's): a
    higher one is above, over, ahead of or better than the other (for a loss or errors, better is lower)."""
    found = _PAIR_WAY.search(low)
    if found is None:
        return None
    a, b, way = float(found["a"]), float(found["b"]), found["way"]  # as said: the figures are their readers'
    up = way in ("above", "higher than", "over", "ahead of", "better than")
    if way in ("better than", "worse than") and re.search(r"\b(?:loss|errors?|mistakes|gap)\b", low):
        up = not up  # a lower loss is the better one
    side = "above" if a > b else "below" if a < b else "level with"
    return Claim(number, clause, a != b and (a > b) == up, f"{found['a']} is {side} {found['b']} (the figures as said)",
                 "arithmetic", ())


def _chain_way(low, clause, step, previous, number) -> Claim | None:
    """A chain of three or more figures said to climb (or fall) at each step ("Seed 3 climbs a little in each of its
    last 3 epochs (99.54 → 99.52 → 99.51 %)"): every move the way said."""
    chain = re.search(r"(?<![\d.])\d{1,3}\.\d+\s*%?(?:\s*(?:->|→)\s*\d{1,3}\.\d+\s*%?){2,}", low)
    ways = (list(_MOVE_VERB.finditer(low[:chain.start()])) or list(_BARE_WAY.finditer(low[:chain.start()]))) if chain else []
    at = ways[-1].start("up" if ways and ways[-1]["up"] else "down") if ways else 0
    if not ways or re.search(r"\b(?:loss|rate|lr|gap)\b", low[at:chain.start()]) or \
            re.match(r"\s+(?:at|in)\s+(?:ep|epoch)\b", low[ways[-1].end():]):  # "dips at ep 2": one move, not the chain's
        return None
    figures = [float(x) for x in re.findall(r"\d{1,3}\.\d+", chain[0])]
    up = ways[-1]["up"] is not None
    ok = all((y > x) == up and y != x for x, y in zip(figures, figures[1:], strict=False))
    return Claim(number, clause, ok, f"{' → '.join(f'{x:g}' for x in figures)}: {'up' if up else 'down'} at each move said",
                 "arithmetic", ())


# "test loss down after ep3: 0.0649 → 0.0956 → 0.1011": the way as a terse note says it, after what moved
_BARE_WAY = re.compile(r"\b(?:loss|accuracy|acc|test|train)\s+(?:(?P<up>up)|(?P<down>down))\b(?!\s+(?:to|from|by)\b)")


# "never falls below 99.35 % in the last 3, which is really close but still under the required 99.4 %"
_WHICH_LEVEL = re.compile(r"(\d{2}\.\d+)\s*%?(?:(?!\d\.\d)[^;%]){0,40}?,\s*which (?:is|was)\b[^\d;]{0,40}?\b"
                          r"(under|below|short of|above|over)\s+"
                          r"(?:the\s+)?(?:required\s+|target\s+|needed\s+|budget'?s?\s+)?(\d{2}(?:\.\d+)?)\s*%")


def _which_level(low, clause, step, previous, number) -> Claim | None:
    """A figure's level against a line, said in a "which" after it: the sentence's own two figures compared (the first
    figure is decided by the reader of its role, so this atom reads the line only)."""
    if (said := _WHICH_LEVEL.search(low)) is None:
        return None
    first, line = float(said[1]), float(said[3])
    under = said[2] in ("under", "below", "short of")
    return Claim(number, clause, first < line if under else first > line,
                 f"{said[1]} % is {'under' if first < line else 'not under'} {said[3]} %", "level", (said[3],))


# "it went down from 0.0649 at epoch 3 to 0.1011 at epoch 5": a way said beside the two figures it went between
_WAY_BETWEEN = re.compile(r"\b(?P<way>went down|went up|goes down|goes up|fell|falls|dropped|drops|decreased|declined|rose|rises|"
                          r"climbed|increased|grew)\s+(?:again\s+|steadily\s+|slightly\s+)?from\s+(?:about\s+|~\s*)?"
                          r"(?P<a>\d*\.?\d+)\s*%?(?:\s+(?:at|in|after) epoch \d+)?\s+to\s+(?:about\s+|~\s*)?(?P<b>\d*\.?\d+)")


# "bottoms at 0.0649 in epoch 3, then rises to 0.1011": the way from the figure said to the one it then went to
_WAY_THEN = re.compile(rf"\b(?:at|of)\s+(?:about\s+|~\s*)?(?P<a>\d*\.?\d+)\s*%?(?:\s+(?:at|in|after|by)\s+(?:the\s+)?"
                       rf"(?:epoch \d+|\w+ epoch))?,?\s+(?:and\s+)?then\s+(?:it\s+)?(?P<way>{_WENT_UP}|{_WENT_DOWN})\s+"
                       r"(?:again\s+|back\s+)?to\s+(?:about\s+|~\s*)?(?P<b>\d*\.?\d+)")


def _said_down(word: str) -> bool:
    """A way word that says down (or worse), in the comparisons' own vocabulary (`_DOWNWARD`)."""
    return re.search(rf"\b(?:{_DOWNWARD})", word) is not None


def _way_between(low, clause, step, previous, number) -> Claim | None:
    """The way a figure went, said beside its two ends: the words against the ends' own order (each end is decided by
    the reader of its role, so this atom reads the way only)."""
    if (said := _WAY_BETWEEN.search(low) or _WAY_THEN.search(low)) is None or _negated(low, said.start()) or \
            float(said["a"]) == float(said["b"]):
        return None
    down = re.fullmatch(_WENT_DOWN, said["way"]) is not None or _said_down(said["way"])
    return Claim(number, clause, (float(said["b"]) < float(said["a"])) == down,
                 f"{said['a']} → {said['b']} is {'down' if float(said['b']) < float(said['a']) else 'up'}", "arithmetic")


# "But accuracy went down: the final test ... (-0.51), and the worst of the last three ... (-0.61)"
_HEAD_WAY = re.compile(r"^\W*(?:but|and|so|yet|overall|still)?\s*(?:the\s+)?(?:test\s+|train\s+|final\s+)?"
                       r"(?:accuracy|acc|results?|"
                       r"performance|it|the model|everything)\s+(?:went|got|is|was|has gone|has got)?\s*(?P<way>up|down|better|"
                       r"worse|higher|lower|rose|fell|dropped|improved|decreased|increased|declined)\W*$")


def _head_way(low, clause, step, previous, number) -> Claim | None:
    """The way a head clause says things went, against the signed differences its sentence gives after the colon
    (each decided by its own reader); differences both ways settle nothing."""
    rest = (_SENTENCE.get() or "").lower().partition(":")[2]
    if (said := _HEAD_WAY.match(low)) is None or not (signs := re.findall(r"\(\s*([+\-−]\s*\d+(?:\.\d+)?)", rest)):
        return None
    down = _said_down(said["way"])
    if len({sign.startswith("+") for sign in signs}) > 1:
        return None
    return Claim(number, clause, (not signs[0].startswith("+")) == down, f"the differences said after it: {', '.join(signs)}",
                 "arithmetic")


# "the minimum is 3.65 points below 99.4 %", "still 2.89 under 99.4 %": a figure's distance to a line
_TO_LINE = re.compile(r"(?:\b(?:is|was|sits|sat|stays|stayed|ended|ends|finish(?:es|ed)|remains|remained|still|just|only)\s+|"
                      r"[,:]\s*)"
                      r"(?:still\s+|just\s+|only\s+)?"
                      r"(?P<tol>about |around |~\s*)?(?P<n>\d*\.\d+|\d+)\s*(?:%|percentage points?|points?|pts?|pp)?\s+"
                      r"(?:(?P<way>below|under|short of|above|over)\s+(?:the\s+)?(?:(?P<x>\d{2}(?:\.\d+)?)\s*%|target\b|line\b)|"
                      r"short(?:\s+of\s+(?:the\s+)?(?:line|target|mark))?\b(?!\s+of\b))")  # "1.06 short": of the budget's line
_ROLE_OF = re.compile(r"\b(min\w*|lowest|worst|final|last epoch|best|peak|(?<!epoch \d )(?<!epoch \d\d )(?:finish(?:es|ed)?|ends|"
                      r"ended))\b")


def _to_line(low, clause, step, previous, number) -> Claim | None:
    """A figure's distance to a line, the figure the clause (or its sentence's head) names: the lowest of the last
    epochs, the final, the best; the distance at its digits and its way."""
    if (said := _TO_LINE.search(low)) is None or _num(said["n"]) >= 20 and not re.search(r"points?\s", said[0]):
        return None  # "min of last 3 is 96.5 < 99.4": the figure itself, its reader's
    # the role named nearest before the distance, or right after it ("0.03 above the line at its worst")
    after = re.match(r"\s*(?:at|in)\s+(?:its|their|the)\s+(worst|lowest|best|highest|min\w*)\b", low[said.end():])
    role = ([*_ROLE_OF.finditer(low[:said.start()])] or [None])[-1] or \
        _ROLE_OF.search((_SENTENCE.get() or "").lower().split(":")[0]) or (_ROLE_OF.search(after[1]) if after else None)
    figures = [x for x in re.findall(r"(\d{2}\.\d+)\s*%", low[:said.start()]) if _num(x) != _line(step)]
    if role is None and len(figures) != 1:
        return None  # no figure named, and not one said: whose distance it is, not read
    f = facts(step)
    value, what = ((step.run.test()[-1], "final test") if role is None else (f.min_last, f"min of the last {f.n}")
                   if role[1].startswith(("min", "low", "wor")) else
                   (f.best_test, "best test") if role[1] in ("best", "peak") else (step.run.test()[-1], "final test"))
    own = role.end() if role is not None and role.string == low[:said.start()] else 0
    if (seed := re.search(r"\bseed (\d+)\b", low)) and (curve := seed_curves(step).get(int(seed[1]))):
        value = curve[-1] if what == "final test" else min(curve[-f.n:]) if what.startswith("min") else max(curve)
        what = f"seed {seed[1]}'s {what}"  # "Seed 1 is still 1.07 below 99.4 at its final epoch": that seed's
    # "(98.33 % on seed 1) is still 1.07 below 99.4": that figure's distance (the line said before is no figure of the run)
    if shown := [x for x in re.findall(r"(\d{2}\.\d+)\s*%", low[own:said.start()]) if _num(x) != _line(step)]:
        x = shown[-1] if after is None else (max if after[1] in ("best", "highest") else min)(shown, key=_num)
        value, what = _num(x), f"{x} % as said"
    line, below = _num(said["x"]) if said["x"] else _line(step), said["way"] in ("below", "under", "short of", None)
    ok = (value < line) == below and _within(abs(line - value), said["n"], "about" if said["tol"] else "")
    return Claim(number, clause, ok, f"{what} {value:.2f} %: {line - value:+.2f} points to {line:g} % ({records.METRICS})",
                 "figure", (said["n"],))


# "ends at 98.49 %, which is 12.2 points above Model_1's 86.29 %": the size between the sentence's own two figures
_WHICH_POINTS = re.compile(r"(?<![\d.])(\d{2}\.\d+)\s*%?[^;%]{0,30}?\b(?:which is|that is|i\.e\.|so)\s+"
                           r"(?P<tol>about |around |roughly |~\s*|almost |nearly )?(?P<n>\d+(?:\.\d+)?)\s*(?:points?|pts?|pp)\s+"
                           r"(?P<way>above|over|higher than|more than|better than|ahead of|below|under|lower than|less than|"
                           r"worse than|behind)\s+(?:[^;%\d]|(?:step|model)[ _-]?\d+){0,30}?(?<![\d.])(\d{2}\.\d+)\s*%")


# "train accuracy (96.21 %) was observed 2.73 points below test accuracy (93.48 %)": the figure right before the verb
_WAS_POINTS = re.compile(r"(?<![\d.])(\d{2}\.\d+)\s*%?\s*\)\s*(?:was|is|stayed|ended|sat)\s+(?:observed\s+|seen\s+|found\s+|"
                         r"still\s+|"
                         r"only\s+|just\s+)?(?P<tol>about |around |roughly |~\s*|almost |nearly )?(?P<n>\d+(?:\.\d+)?)\s*"
                         r"(?:points?|pts?|pp)\s+(?P<way>above|over|higher than|ahead of|below|under|lower than|behind)\s+"
                         r"[^;%\d]{0,30}?(?<![\d.])(\d{2}\.\d+)\s*%")


def _which_points(low, clause, step, previous, number) -> Claim | None:
    """The size said between two figures of the sentence ("98.49 %, which is 12.2 points above ... 86.29 %"): arithmetic
    on its words, so the atom reads the size only (each figure is decided by the reader of its role)."""
    if (said := _WHICH_POINTS.search(low) or _WAS_POINTS.search(low)) is None:
        return None
    first, second = float(said[1]), float(said[5])
    above = said["way"] in ("above", "over", "higher than", "more than", "better than", "ahead of")
    ok = (first > second) == above and _within(abs(first - second), said["n"], (said["tol"] or "").strip())
    return Claim(number, clause, ok, f"{said[1]} - {said[5]} = {first - second:+.2f} points", "arithmetic", (said["n"],))


_MORE_ERRORS = re.compile(r"(?P<tol>\b(?:about|roughly|around|some|almost|nearly)\s+|~\s*)?(?<![\d.,])(?P<n>\d[\d,]*)\s+"
                          r"(?P<way>more|fewer|less)\s+(?:test\s+)?(?:errors|mistakes|"
                          r"wrong predictions|misclassifications)\b[^();]{0,40}?\(\s*(?P<a>\d[\d,]*)\s+(?:against|vs\.?|versus|"
                          r"compared (?:with|to)|to)\s+(?P<b>\d[\d,]*)\s*\)")


def _more_errors(low, clause, step, previous, number) -> Claim | None:
    """"77 more test errors were made (267 against 200)": the difference of the two counts said, and each count the
    run's test errors and the step before's (where both kept their per-class records)."""
    found = _MORE_ERRORS.search(low)
    if found is None or _DIGIT.search(low[:found.start()]):
        return None  # a digit's errors: its own reader's
    n, a, b = (int(_num(found[k])) for k in ("n", "a", "b"))
    moved = a - b if found["way"] == "more" else b - a
    ok = _within(moved, found["n"], found["tol"].strip()) if found["tol"] else moved == n  # "about 60 fewer": 59
    said = f"{a} - {b} = {a - b:+d}"
    mine, theirs = _errors_of(step), _errors_of(previous) if previous is not None else None
    if mine is not None and theirs is not None:
        ok = ok and (a, b) == (mine, theirs)
        said += f"; test errors {theirs} in the step before, {mine} here ({records.PER_CLASS} of both)"
    return Claim(number, clause, ok, said, "figure", (found["n"], found["a"], found["b"]))


_ERRORS_BY = re.compile(r"\b(?:test\s+)?(?:errors|mistakes)\b[^%;]{0,50}?\b(?P<way>dropped|fell|went down|decreased|shrank|"
                        r"were cut|"
                        r"rose|grew|went up|increased)\s+by\s+(?P<tol>about |roughly |around |some |~\s*|almost |nearly |over "
                        r"|more than |"
                        r"under |less than )?(?P<n>\d+(?:\.\d+)?)\s*%")


def _errors_relative(low, clause, step, previous, number) -> Claim | None:
    """"Compared with Model_1, test errors at the final epoch dropped by roughly 60 %": the final test errors (the
    test images the final accuracy misses) against the step named's, as a share of its count."""
    found = _ERRORS_BY.search(low)
    if found is None or previous is None:
        return None
    mine, theirs = (_errors_at(s.run.test()[-1]) for s in (step, previous))
    if not theirs:
        return None
    change, n, tol = 100 * (mine - theirs) / theirs, float(found["n"]), (found["tol"] or "").strip()
    down = found["way"] in ("dropped", "fell", "went down", "decreased", "shrank", "were cut")
    size = abs(change)
    ok = (change < 0) == down and (size > n if tol in ("over", "more than") else size < n if tol in ("under", "less than")
                                   else abs(size - n) <= max(5.0, 0.1 * n) if tol else abs(size - n) <= 1)
    return Claim(number, clause, ok, f"final test errors {theirs} → {mine} ({change:+.1f} %; {records.METRICS} of both)",
                 "compare", (found["n"],))


_ERRORS_FIELD = re.compile(r"\b(?:test\s+)?(?:errors|mistakes|wrong)(?:\s*\((?:final|at the end|last epoch)\))?\s*[:=]\s*"
                           r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?![\d.%]|,\d)"
                           r"(?:\s*\(\s*(?:vs\.?|against|versus)\s+(?P<m>\d{1,3}(?:,\d{3})+|\d+)\s+(?:for|in)\s+(?:step|model)"
                           r"[ _-]?\d+"
                           r"\s*\))?")
_COUNTED_AS = r"(?:\d{1,3}(?:,\d{3})+|\d+)"
_ERRORS_MOVED = re.compile(rf"\b(?:test\s+)?(?:errors|mistakes)\s*:?\s*(?P<a>{_COUNTED_AS})\s*(?:→|->)\s*(?P<b>{_COUNTED_AS})"
                           r"(?![\d.]|,\d|\s*(?:→|->))(?:\s*[:,]?\s*(?:a\s+)?(?P<tol>about |roughly |~\s*|almost |nearly |over |"
                           r"more than )?(?P<pct>\d+(?:\.\d+)?)\s*%\s*(?P<way>cut|drop|fall|reduction|fewer|less|rise|increase"
                           r"|more))?")


# "or about a ninth of Model_1's errors": the count after a move, as a part of the step before's
_PARTS = {"half": 2, "a half": 2, "a third": 3, "a quarter": 4, "a fifth": 5, "a sixth": 6, "a seventh": 7, "an eighth": 8,
          "a ninth": 9, "a tenth": 10}
_PART_OF_STEP = re.compile(r"[^;]*?\b(?P<tol>about|roughly|around|~|almost|nearly)?\s*(?P<f>" + "|".join(_PARTS) +
                           r")\s+of\s+(?:step|model)[ _-]?\d+'s\s+(?:test\s+)?errors\b")
_ERROR_SHARES = {"half": "50", "a half": "50", "a third": "33.3", "one third": "33.3", "a quarter": "25", "a fifth": "20"}


def _errors_moved_said(m: re.Match) -> str:
    """"errors fell from 349 to 160": the pair, and the way said where the pair goes the other ("errors 349 → 160
    (said to rise)", which `_errors_said` decides false)."""
    up = m[1].lower() in ("rise", "rose") or (m[2] or "").strip().lower() == "up"
    down = m[1].lower() in ("drop", "dropped", "fall", "fell") or (m[2] or "").strip().lower() == "down"
    a, b = _num(m[3]), _num(m[4])
    return f"errors {m[3]} → {m[4]}" + (" (said to rise)" if up and b < a else " (said to fall)" if down and b > a else "")


def _errors_plainly(low: str) -> str:
    """Two steps' error counts and their change said the ways students write them, as `_ERRORS_MOVED` reads them:
    "errors drop from 1,371 to 151, a 79 % cut", "386 → 308 errors: a 30 % cut", "59 → 45: a 40 % cut in errors",
    "267 errors against 200: the errors go up by half", "errors go up by half from Model_2 (151) to Model_3 (202)"."""
    n, step = _COUNTED_AS, r"(?:step|model)[ _-]?\d+"
    if _DIGIT.search(low.lower()):
        return low  # a digit's counts: its own reader's ("digit 5 vs. M1: 63 → 33 errors")
    low = re.sub(rf"(?i)(?<!their )(?<!its )(?<!-epoch )(?<!'s )\berrors (drop|dropped|fall|fell|go|went|come|came|rise|rose)"
                 rf"( down| up)? from ({n}) to ({n})\b", _errors_moved_said, low)
    low = re.sub(r"(?i)\b(?:the\s+)?(?:total\s+)?(?:number of misclassified (?:test\s+)?(?:images|digits|samples)|"
                 r"(?:test\s+)?error count)\b", "test errors",
                 low)  # "the total number of misclassified test images fell from 1,371 to 151", "the error count fell"
    # "a 50 % relative reduction in test errors (119 down to 59)": the pair
    low = re.sub(rf"(?i)\b(?:test )?errors\s*\(\s*({n})\s+(?:down|up)\s+to\s+({n})\s*\)", r"errors \1 → \2", low)
    low = re.sub(rf"(?i)(?<![\d.,])({n})\s*(?:→|->)\s*({n})\s+errors\b", r"errors \1 → \2", low)
    low = re.sub(rf"(?i)^(\W*)({n})\s*(?:→|->)\s*({n})\s*:\s*(a\s+\d+(?:\.\d+)?\s*%\s*(?:cut|drop|rise|increase))\s+in\s+"
                 r"errors\b", r"\1errors \2 → \3: \4", low)
    low = re.sub(rf"(?i)(?<![\d.,])({n})\s+errors\s+against\s+({n})\b", r"errors \2 → \1", low)
    low = re.sub(rf"(?i)\berrors go (up|down) by (half|a third|a quarter)\s+from\s+{step}\s*\(({n})\)\s+to\s+{step}\s*\(({n})\)",
                 lambda m: f"errors {m[3]} → {m[4]}: about {_ERROR_SHARES[m[2].lower()]} % {'rise' if m[1] == 'up' else 'cut'}",
                 low)
    return re.sub(rf"(?i)(errors {n} → {n})\s*[:,-]\s*(?:the errors go (up|down) by (half|a third|a quarter)|(a third|a quarter|"
                  r"half) (fewer|more))\b", lambda m: f"{m[1]}: about {_ERROR_SHARES[(m[3] or m[4]).lower()]} % "
                  f"{'rise' if (m[2] or m[5] or '').lower() in ('up', 'more') else 'cut'}", low)


def _share_within(share: float, text: str, tol: str) -> bool:
    """A share of a count said with its words' tolerance: "about 89 %" within a tenth of it (two points at least), "over",
    "almost" as `_within` reads them, a plain one at its digits. A share is coarser than a points' difference but
    narrower than a quarter of itself: "roughly 79 % fewer" is not 89 % fewer."""
    if tol in ("about", "roughly", "around", "approximately", "~", "≈"):
        return abs(share - _num(text)) <= max(2.0, 0.1 * _num(text))
    return _within(share, text, tol)


def _errors_said(low, clause, step, previous, number) -> Claim | None:
    """"test errors: 308 (vs. 386 for M1)", "errors 386 → 308: a 20 % cut": the run's test errors (every digit's,
    summed), the step named's beside them, and the change as a share of the count before."""
    here, then = _errors_of(step), _errors_of(previous) if previous is not None else None
    if here is None or _DIGIT.search(low) or _DIGIT.search(_SENTENCE.get() or "") or \
            re.search(r"\b(?:their|its|best[- ]epoch|(?!(?:step|model)[ _-]?\d)\w+'s)\s+(?:test\s+)?errors\b", low):
        return None  # a digit's errors, "their errors": its own reader's; the best epoch's: not the run's (a step's are)
    if found := _ERRORS_MOVED.search(_errors_plainly(low)):
        a, b = int(found["a"].replace(",", "")), int(found["b"].replace(",", ""))
        against = bool(_WAY_AGAINST.search(found.string))  # "errors rose from 1,371 to 151": the way said is not the pair's
        if within := _errors_in_epoch(step, number, clause, found, [a, b], against):  # "epoch 5 ..., the errors fall
            return within  # from 349 to 160": that epoch's
        ok = then is not None and (a, b) == (then, here) and not against
        if found["pct"] and a:
            share, down = 100 * (a - b) / a, found["way"] in ("cut", "drop", "fall", "reduction", "fewer", "less")
            ok = ok and (share > 0) == down and _share_within(abs(share), found["pct"], (found["tol"] or "").strip())
        moved = f", {abs(100 * (then - here) / then):.1f} % {'fewer' if here < then else 'more'}" if found["pct"] and then else ""
        if (part := _PART_OF_STEP.match(low, found.end())) and a:  # "..., or about a ninth of Model_1's errors"
            ok = ok and abs(b / a * _PARTS[part["f"]] - 1) <= (0.15 if part["tol"] else 0.1)  # a part is coarse, said
            moved += f", {b / a:.3f} of the step before's"
        times = None
        if (ratio := _RATIO_SAID.match(found.string, found.end())) and a and b:  # "(ratio ≈ 2.0)", "- about 9x fewer"
            times, tol, way = ratio["x"] or ratio["x2"], (ratio["tol"] or ratio["tol2"] or "").strip(), ratio["way2"]
            near = said_near if "." in times else lambda v, t: _within(v, t, "about")  # "≈ 2.0": at its digit; "about 9x": coarse
            ok = ok and (way is None or (way == "more") == (b > a)) and \
                (near(max(a, b) / min(a, b), times) if tol in ("≈", "~", "about", "roughly", "around") else
                 _within(max(a, b) / min(a, b), times, tol))
            moved += f", a ratio of {max(a, b) / min(a, b):.2f}"
        return Claim(number, clause, ok, f"test errors {then} in the step before, {here} here{moved} ({records.PER_CLASS} of "
                     "both)", "figure", tuple(n for n in (found["a"], found["b"], found["pct"], times) if n))
    pairs = re.findall(r"(\d[\d,]*)\s+(?:for|in)\s+(?:step|model)[ _-]?(\d+)", low) if re.search(r"\berrors\s*[:=]", low) else []
    if len(pairs) > 1:  # "Errors: 59 for Model_2, 45 for Model_3": each step's
        ok = all(int(n.replace(",", "")) == (here if int(k) == number else then) for n, k in pairs)
        return Claim(number, clause, ok, f"test errors: {here} here, {then} in the step named ({records.PER_CLASS})", "figure",
                     tuple(n for n, _ in pairs))
    if (found := _ERRORS_FIELD.search(low)) is None:
        return None
    ok = int(found["n"].replace(",", "")) == here and (found["m"] is None or then is not None and
                                                      int(found["m"].replace(",", "")) == then)
    return Claim(number, clause, ok, f"test errors: {here}" + (f", {then} in the step named" if found["m"] else "") +
                 f" ({records.PER_CLASS})", "figure", tuple(n for n in (found["n"], found["m"]) if n))


# "errors 119 → 59 (ratio ≈ 2.0)", "errors 1371 → 151 - about 9x fewer": the change as a multiple
_RATIO_SAID = re.compile(r"\s*\(\s*ratio\s*(?:=|of)?\s*(?P<tol>≈\s*|~\s*|about\s+)?(?P<x>\d+(?:\.\d+)?)\s*%?\s*\)|"
                         r"\s*[-–—,:]?\s*(?:or\s+|i\.e\.\s+)?(?P<tol2>about |roughly |around |~\s*|over |almost |nearly |"
                         r"more than )?"
                         r"(?P<x2>\d+(?:\.\d+)?)\s*(?:x|×|times)\s+(?P<way2>fewer|less|more)\b")
_WAY_AGAINST = re.compile(r"\(said to (?:rise|fall)\)")  # a move of the errors said the other way (`_errors_moved_said`)


def _errors_in_epoch(step: Step, number: int, clause: str, found: re.Match, said: list[int], against: bool) -> Claim | None:
    """Errors said to move inside the one epoch the sentence names: that epoch's test errors and the one's before it,
    where they are the two said (else the move is read between steps)."""
    named = set(re.findall(r"\bepoch (\d+)\b", _SENTENCE.get()))
    curve, images = step.run.test(), _test_images(step)
    if len(named) != 1 or not 2 <= (e := int(next(iter(named)))) <= len(curve) or found["pct"]:
        return None
    wrong = [_errors_at(curve[i], images) for i in (e - 2, e - 1)]
    return Claim(number, clause, not against, f"test errors of {images:,} at epoch {e - 1}: {wrong[0]}, at epoch {e}: "
                 f"{wrong[1]} ({records.METRICS})", "figure", (found["a"], found["b"])) if said == wrong else None


_WRONG_OF = re.compile(r"(?<![\d.])(\d{2}\.\d+)\s*%?\s*\((\d{1,4}) (?:wrong|errors?|mistakes|misclassified)\)")


def _wrong_of_figure(low, clause, step, previous, number) -> Claim | None:
    """"97.51 % (249 wrong)": the test images an accuracy misses, arithmetic on its words (the accuracy is decided by
    the reader of its role)."""
    said = [(m[1], m[2], _errors_at(float(m[1]))) for m in _WRONG_OF.finditer(low)
            if not re.search(r"\b(?:digits?|class(?:es)?|precision|recall)\b", low[:m.start()]) and
            not _DIGIT.search(low[:m.start()])]  # a digit's: of its own images
    if not said:
        return None
    return Claim(number, clause, all(int(n) == images for _, n, images in said),
                 "; ".join(f"{x} % of 10,000 test images is {images} wrong" for x, _, images in said), "arithmetic",
                 tuple(n for _, n, _ in said))


READERS = (_inline_table, _epochs_counted, _params_same, _shared_place, _errors_relative, _errors_said, _seeds_mean, _epoch_row,
           _result_field, _sequence, _epoch_gains, _one_gain, _gains_at_epochs, _seeds_gain, _back_above, _epoch_vs_epoch,
           _test_and_train,
           _value_list, _last_listed, _span_listed, _move_ends, _seeds_moves, _respectively,
           _images_moved, _settings, _sizes_said, _layers_said, _reach_target, _between,
           _every_digit, _error_ratio, _digit_share, _digit_fewer, _per_class, _drops, _dip_at, _seed_rank, _neither, _monotone,
           _best_at, _epoch_list, _seed_count, _margin_images, _unsplit, _effect, _speed, _params_change, _delta, _signed_vs,
           _loss_order, _seeds_vs_step, _seed_vs_seed, _jump_against, _arrow_size, _dead_said,
           _step_behind, _digits_moved, _band_said, _ratio_said, _digit_ratio, _errors_digits_long, _size_before, _move_within,
           _relative_change, _plus_minus, _times_between, _cap_said,
           _chain_way, _pair_way, _final_off_best, _compare,
           _only_epoch, _threshold, _seeds, _budget, _held, _reached, _fit, _gap, _above, _trend,
           _stability, _rate, _which_level, _which_points, _way_between, _head_way, _to_line, _wrong_of_figure, _more_errors)
