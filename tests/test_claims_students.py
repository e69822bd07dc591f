"""Students' hand-ins of new classes, written over the corpus's records by helpers that never saw the checker: two over
the alpha and beta records (tests/data/claims/students/), two more over gamma and the example's (students2/: a terse
one with Result bullets, a long-prose one), each with 12 planted false claims (planted.json beside them), and each
again with every planted claim made true. The issue's acceptance in small: the planted claims marked ✗ (a credit to
one change among several may be not settled; a digit read as another no record holds), no true sentence ✗, the
corrected hand-in exiting 0."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from helpers import run_main
from tinydigits.results import claims as folder_claims

CORPUS = Path(__file__).parent / "data" / "claims"
STUDENTS = CORPUS / "students"
PLANTED = json.loads((STUDENTS / "planted.json").read_text())
STUDENTS2 = CORPUS / "students2"
PLANTED2 = json.loads((STUDENTS2 / "planted.json").read_text())


def _judged(tmp_path: Path, handin: str, version: str, students: Path = STUDENTS) -> list:
    """The hand-in's README (`version`: planted or fixed) beside its records, every sentence judged."""
    folder = tmp_path / f"{handin}-{version}"
    shutil.copytree(CORPUS / "handins" / handin, folder, ignore=shutil.ignore_patterns("README.md", "evidence.md", "*.png"))
    shutil.copy(students / f"{handin}-{version}.md", folder / "README.md")
    return folder_claims.check_folder(folder)


def _said(planted: str, words: str) -> bool:
    """A planted sentence found among the judged: by its opening, or a markdown table's row by its cells, or a row of a
    table pandas printed by its figures after the index (the checker reads a row with its header said before it)."""
    if re.fullmatch(r"[\d.\s+-]+", planted.strip()):  # "6      7      70.60     81.17 ...": a printed row
        return any(words.endswith(" | ".join(planted.split()[i:])) for i in (0, 1))
    cells = [c.strip() for c in planted.strip().strip("|").split("|")]
    # "**A:** It was lowest ...": an answer is judged without its mark, "it" followed by what the question asked ([...])
    planted = re.sub(r"^\W*A:\W*(?:(?:yes|no|not yet|nearly|almost|a little)\s*[-,]\s*)?", "", planted, flags=re.I)
    # "... % [final / min of the last 3]": the roles a list's head gives, added after an item
    words = re.sub(r"(?<=\b[Ii]t) \[[^\]]*\]|(?<=\bagainst) \[[^\]]*\]| \[[^\]]*\]$", "", words)
    return planted[:60] in words or words[:60] in planted or planted.strip().startswith("|") and (
        words.endswith(" | ".join(cells))
        or words == " | ".join(f"{h}: {c}" for h, c in zip(_heads(words), cells[1:], strict=False)))


def _heads(words: str) -> list[str]:
    """The heads a summary table's row is said with ("Params: 14,410 | Best Test: 95.99": Params, Best Test)."""
    return [f.split(":", 1)[0] for f in words.split(" | ")]


@pytest.mark.parametrize("handin", ["alpha", "beta"])
def test_the_planted_false_claims_are_marked(tmp_path, handin):
    judged = _judged(tmp_path, handin, "planted")
    verdicts = {p: [j.verdict for j in judged if p[:60] in j.words or j.words[:60] in p] for p in PLANTED[handin]}
    assert all(verdicts.values()), [p for p, v in verdicts.items() if not v]  # each planted sentence found
    marked = [p for p, v in verdicts.items() if False in v]
    assert len(marked) >= 11, [p for p in verdicts if p not in marked]
    assert not [p for p, v in verdicts.items() if v and all(x is True for x in v)]  # none ✓


def test_the_corrected_hand_in_has_no_false_mark(tmp_path):
    """Both corrected copies: no ✗ at all (beta's "val fell too (96.3 → 93.9)" is step 3's real validation split, its
    figures the split's own)."""
    assert [j.words for j in _judged(tmp_path, "alpha", "fixed") if j.verdict is False] == []
    assert [j.words for j in _judged(tmp_path, "beta", "fixed") if j.verdict is False] == []


@pytest.mark.parametrize(("handin", "version", "code"), [("beta", "planted", 1), ("beta", "fixed", 0)])
def test_the_command_exits_1_on_the_planted_copy_and_0_on_the_corrected_one(tmp_path, handin, version, code):
    folder = tmp_path / "handin"
    _judged(tmp_path, handin, version)  # the folder, made as the other tests make it
    (tmp_path / f"{handin}-{version}").rename(folder)
    done = run_main("claims", str(folder))
    assert done.returncode == code, done.stdout[-2000:] + done.stderr


@pytest.mark.parametrize("handin", ["gamma", "example"])
def test_a_second_class_s_planted_claims_are_marked(tmp_path, handin):
    """gamma's terse bullets and the example's long prose: 11 and 12 of 12 marked ✗ (gamma's "8 read as 0, 30 times"
    is a confusion no record holds: shown unchecked)."""
    judged = _judged(tmp_path, handin, "planted", STUDENTS2)
    verdicts = {p: [j.verdict for j in judged if p[:60] in j.words or j.words[:60] in p] for p in PLANTED2[handin]}
    assert all(verdicts.values()), [p for p, v in verdicts.items() if not v]
    marked = [p for p, v in verdicts.items() if False in v]
    assert len(marked) >= 11, [p for p in verdicts if p not in marked]
    assert not [p for p, v in verdicts.items() if v and all(x is True for x in v)]
    planted = PLANTED2[handin]
    assert [j.words for j in judged if j.verdict is False and not any(p[:60] in j.words or j.words[:60] in p
                                                                        for p in planted)] == []


@pytest.mark.parametrize("handin", ["gamma", "example"])
def test_a_second_class_s_corrected_copies_have_no_false_mark(tmp_path, handin):
    assert [j.words for j in _judged(tmp_path, handin, "fixed", STUDENTS2) if j.verdict is False] == []


# Later classes, each measured on arrival and read since as development text, so floors, not the acceptance: (planted
# marked ✗ at least, true sentences ✗ in the corrected copy at most)
# - students3/: beta's compact bullets, alpha's long joined sentences: 20 of 24 planted ✗ and 15 true ✗ on arrival;
# - students4/: gamma's bullets in the seeds' style, the example's long paragraphs: 20 of 24 and 11 true ✗ on arrival;
# - students5/: alpha's log lines and numbered points, beta's paragraphs of references back: 15 of 24 and 22 true ✗ on
#   arrival - the class whose voice the checker reads least well (docs/claims.md); 13 and 1 after the thirteenth session;
# - students6/: beta's seeds'-style bullets and log lines with numbered points, gamma's comparing paragraphs: 20 of 24
#   and 22 true ✗ on arrival, the same after the round's general readings; 21 and 13 after the twelfth, 21 and none after
#   the thirteenth;
# - students7/: alpha's seeds'-style bullets and log lines, the example's "**Target.**" paragraphs with printed tables:
#   13 of 24 planted ✗ and 16 true ✗ on arrival; 14 and 6 after the twelfth, 16 and 3 after the thirteenth;
# - students8/: beta's comparing paragraphs, gamma's seeds'-style bullets with the notebook's printed log: 20 of 24 and
#   11 true ✗ on arrival (the same at the start of the round that read students7); 21 and none since;
# - students9/: alpha's Result tables and numbered points, gamma's long sentences with error rates and steps named by
#   what changed: 16 of 24 and 16 true ✗ on arrival (18 and 20 at the round's start); 22 and none since;
# - students10/: beta's seeds'-style bullets with the notebook's printed logs, the example's long paragraphs naming steps
#   by what they are ("the plain skeleton"): 18 of 24 and 9 true ✗ on arrival; 19 and none since;
# - students11/: alpha's "### Results" bullets with a pasted log and numbered points, gamma's compact "we" paragraphs
#   naming models by what they are, each step closed by "Next:": 15 of 24 and 8 true ✗ on arrival; 16 and none since;
# - students12/: beta's seeds'-style bullets with tqdm logs and "7692/10000" counts, the example's "because / since"
#   paragraphs with comparisons from the other side ("Model_1 was 38.62 points behind"), odd number forms ("just shy of
#   99.4", "0.9957") and spans ("the second half"): 18 of 24 and 12 true ✗ on arrival; 23 and none since;
# - students13/: alpha's Indian-English "Observations:" / "Inference:" bullets with torchsummary blocks, arrows, "Δ" and
#   en-dash ranges, gamma's summary table over the step sections and figures beside opinions: 18 of 24 and 12 true ✗
#   on arrival (three planted lines unread: the summary table and an "Inference:" bullet); 20 and none since.
# - students14/: beta's Keras epoch lines ("loss: 0.1357 - accuracy: 0.9624 - val_accuracy: 0.9575") and fractions in prose
#   ("dipped in epoch 2: 0.8289 -> 0.7692"), the example's per-step epoch tables and hedged comparisons across steps ("a
#   much smaller gap than the 0.38 points of Model_2"): 23 of 24 and 18 true ✗ on arrival; 24 and none since.
# - students15/: alpha in Jupyter Markdown with inline math ("$98.49\%$", "$151 \to 202$") and key-value Results ("Params
#   → 7,578 (< 8k ✓; +68 vs Model_1)"), gamma's "Observation → Reason → Next" bullets with confusions, precision and seeds:
#   12 of 24 and 12 true ✗ on arrival (at the fourteenth class's commit); 18 and two since (alpha's "(Model_1: 11.35 %)"
#   beside this step's figure, and "97.98 against 98.49" with no step named, both read as this step's).
# - students16/: beta as a lab report crossed with a slide deck (passive voice, numbers in words - "the fifth epoch", "seed
#   one" - ✅ / ❌ / 📉 bullets, "mean ± sd" over seeds), the example as a chatty blog post with a pasted 15-row table in
#   each Result ("Wrong / 10k" beside the accuracies), ratios ("over 6x digit 0's 3") and error counts: 14 of 24 and 58
#   true ✗ on arrival (45 of them the tables' rows); 23 and none since.
# - students17/: alpha in a tutorial voice ("Notice how ...", "Look at epoch 5 on seed 0:") with figures against the
#   target ("target − 1.42 pp") and a summary table with the models as columns, gamma as a terse "[M1]" / "[M2]" log with
#   Δ, arrow chains and error counts ("386 → 308: a 20 % cut", "68 → 144 errors, more than double"): 19 of 24 and 19 true
#   ✗ on arrival (at the sixteenth class's commit); 24 and none since.
# - students18/: beta in a European student's English - decimal commas, spaced thousands ("98,49 %", "6 720
#   parameters"), "ep.", "resp.", "appr." - with the notebook's printed log in each Result, the example as a rubric
#   checklist ("[x] Params < 8k: 7,500 ✔", "[ ] Last 3 epochs ≥ 99.4 % → two of three") with nested "→ best 99.42 (ep
#   15)" sub-bullets: 15 of 24 and 19 true ✗ on arrival (at `0044448`); 24 and none since.
# - students19/: alpha in Colab with a printed pandas DataFrame of its epochs in each Result and Analyses pointing at its
#   rows ("in the last row", "row 4"), gamma as a changelog ("fixed:", "regressed:", "[budget]", "M2 vs M1: ...") with
#   code's names for its figures ("`min_last3=94.27@3`", "errors(digit 9)=120 -> 53", "mean(min_last3)"): 13 of 24 and 14
#   true ✗ on arrival (at `8def377`); 16 and one since (alpha's "Row 4 even has test acc above train acc (97.93 vs
#   97.70)": a row by its index alone is no epoch, and the pair is not yet placed by its figures). One planted line
#   is true by the corpus's rule ("95.61" for a mean of 95.617, cut, not rounded).
# - students20/: beta in a colloquial voice - magnitudes and hedges beside each figure ("just north of 90 % (90.37 %)", "a
#   tad above", "the lion's share (5,480 of 6,720)") under a comparison table - the example's Analyses as "What changed /
#   What happened / Why" with receptive-field reasoning and each seed's last three epochs: 14 of 24 and 9 true ✗ on arrival
#   (at the nineteenth class's rules, before any of the twentieth's); 20 and none since. Two planted lines are true by the
#   corpus's rule (a figure cut, not rounded: "94.68" for 94.6875, "98.77" for 98.778).
# - students21/: alpha as a formal lab report (passive voice, nominalisations, relative reductions, "cf. Table 2", a
#   numbered "## 2. Model_1 - Skeleton" head), gamma as a fast student's Notion page ("## 🧪 Model_1", "### 🎯 Target",
#   "test@e5", "min₃", "err(9): 120→53", "p = 8,000 (<8k ✓)", a seeds' table keyed "s0"): on arrival neither README was
#   read at all (no step head found); with the heads read, 8 and 9 true ✗ and 7 of 12 and 6 true ✗ (at `d14f8c3`); 9 and
#   12 of 12 and none since.
# - students22/: beta as a statistics-minded student ("97.33 % ± 0.32 (2 SE)", "not significant", "between 93.48 and
#   97.15 %"), the example pasting CSV and key=value fragments of its logs with a judgement after each ("`errors{7: 19,
#   8: 19}` -> 8 is the worst digit", "`lr@ep5=0.0999`", "`epoch,train,test -> 15,98.78,98.81`"): 12 and 8 of 12 and 6
#   and 9 true ✗ on arrival (at `bd55efd`); 12 and 11 with two true ✗ each since (beta's "i.e. between 93.48 and 97.15 %"
#   of the seeds' finals, and a confusion count only metrics.json's confusions hold; the example's "the next weakest after
#   7 and 8" and "6 got worse while every other digit got better", ranks over the digits not yet read).
# - students23/: alpha's Result bullets exactly as the seeds print them ("Best Test Accuracy: 86.29 (8th epoch)") with the
#   course notebook's printed log, a receptive-field table and numbered points, gamma as an FAQ ("**Analysis (FAQ)**", "**Q:**
#   Is Model_2 overfitting? **A:** Yes, from epoch 4 on - ..."): 10 of 12 and 8 true ✗ (a seeds' table keyed by epoch,
#   "(Model 1: 11.35)", "the three finals spread over 0.58 pt (97.75 to 98.33 %)") and 5 of 12 with no Analysis read at all
#   (its head "**Analysis (FAQ)**", each "**Q:**" taken for the next head) on arrival (at `5cbe3f8`); 10 and 10 of 12 with
#   none since. One planted line is true by the corpus's rule (a mean of 95.617 cut to "95.61").
# - students24/: beta writing its figures as inline math ("$\Delta_{final} = 93.48 - 97.33 = -3.85$ pp", "$\text{train} -
#   \text{test} = 2.52$"), the example each Analysis point a "**Claim:** ... **Evidence:** ..." pair and its seeds in a table
#   with the seeds as columns ("| Seed | 0 | 1 | ... |", "| Final | 99.55 | ..."): 10 of 12 with 4 true ✗ and 9 of 12 with 4
#   true ✗ on arrival (at `07efdcb`); 12 and 11 of 12 with none since (the one left: "Epochs at ≥ 99.4 %: 3 of 15", a count
#   of epochs at a level, partly checked).
# - students25/: alpha pasting the course notebook's per-epoch prints in a code block ("Train set: Average loss: 2.2870,
#   Accuracy: 806/6000 (13.43%)", the test line's twin) with relative words ("roughly 89 % fewer", "about a ninth"), gamma a
#   "| Metric | Value |" table a step and terse "Observations:" ("76 of them → 4", "s1 and s2 up every ep, s0 dipped at
#   ep2"): 8 of 12 with 24 true ✗ (16 of them the train prints read as test's) and 7 of 12 with 8 true ✗ on arrival (at
#   `2065674`); 9 and 7 of 12 with 2 and 3 true ✗ since (a band whose span the sentence before gives, errors moved between
#   steps beside "a ninth of Model_1's", "params 14,410 → 6,410 over the 8k budget", a pair after "test > train at ep3"
#   beside a gap's move, a seed's chain "ep1 94.61 → ep2 92.09 (−2.52), still only 94.18 at ep4, then 97.51 at ep5"); 9
#   and 11 of 12 with none since (gamma's "| Metric | Value |" rows read each as a Result's field).
# - students26/: beta pasting the seeds' own log in each Result ("Adjusting learning rate of group 0 to 9.1829e-02.",
#   "Epoch 2", tqdm's "Train: Loss=0.1873 Batch_id=124 Accuracy=94.69: 100%|...|", the "Test set:" line) with Analyses
#   pointing at its lines by ordinal, the example a per-epoch table with derived columns ("| Ep | Train % | Test % | Gap
#   (tr−te) | Δ test |") and a data-science register ("monotonic", "joint 2nd-worst", "in 12 of the 15 epochs"): 8 of 12
#   with 13 true ✗ (every lr line: "9.1829e-02" read to eight places) and 11 of 12 with 51 true ✗ (each table row: "Δ
#   test" read as test) on arrival (after students25's readings, before any of its own); 9 and 11 of 12 with 2
#   and 5 true ✗ since (each log line at the epoch printed above it; the derived columns each its epoch's).
# - students27/: alpha pasting the other course log, its epochs counted from 0 ("EPOCH: 0", a bare tqdm "Loss=...
#   Batch_id=93 Accuracy=85.25: 100%|...|", the test line) while its prose counts from 1, hedged first-person points;
#   gamma "key: value" Result bullets ("- errors (final): 308") and an essay with multiples ("1.6x as many errors"),
#   "percent", a figure in words and a list under "Seeds (final / min of the last 3):": on arrival (at `cc8ff7a`) the
#   checker raised on alpha (a loss at "epoch 0"); with that guarded, 9 of 12 with 25 true ✗ and 6 of 12 with 9; 10 and
#   7 of 12 with 2 and 9 since (a log counted from 0 at its run's epochs; a move's brackets after "in epoch 6"; errors
#   moved inside the epoch the sentence names; a seed's listed last epochs; a list head's roles).
# - students28/: beta's Result fields run together on a line as several seeds print them ("Parameters: 6,720 Best Train
#   Accuracy: 96.21 Best Test Accuracy: 98.00 (5th epoch)") and "Observation:" / "Inference:" pairs saying "val" for the
#   test set, the example a running table of the three models ("| Model | Params | Best test | Final | ...") and a
#   seeds table with "Epochs ≥ 99.4": 8 of 12 with 6 true ✗ and 5 of 12 with 6 true ✗ on arrival (at `df603b0`); 8 and
#   7 of 12 with 6 and none since (the seeds table's count column, "Errors (final):", "11 epochs in a row", "same as
#   Model_1" of a parameter count), then 8 with 4 (a seed opening a labelled piece - "Observation: seed 1 ends best ...
#   but has the lowest min" - is the subject of what follows; "~1.3k params of room under the 8k limit"; epochs by
#   their ordinals, "in the 1st, 3rd and 4th epochs"), then 9 with 4 ("0 and 9 share 3rd place", a tie's place, was
#   ✓; students27's alpha 11 of 12 by it). Left: beta's run-together fields and ranks; the models table's
#   rows (each row another step's figures, not read yet).
# - students27/ again: alpha 12 of 12 with none (a level after an opening on the last 3 epochs' lowest, "the other two
#   stay above 97.2", had ✓; gains listed by epoch, "by 15.27 in epoch 6, 27.95 in epoch 7"; a pair "(86.29 vs 85.25 in
#   epoch 8)" not a gap), gamma 8 of 12 ("the only seed whose last 3 epochs all stay above 96.5" had ✓).
# - students29/: alpha pasting a model summary's "Non-trainable params: 0" and a per-class report ("Accuracy of 8 -
#   eight : 71.355 %") beside a numbered Results list, prose comparing steps and seeds ("by between 0.54 and 2.03 points",
#   "none of them gains more than 0.08"); gamma "Key = value" Results lines ("Best epoch = 3 (98.12 %, 188 errors)"),
#   per-digit accuracy, "2.2x Model_1's 0.70", "does not get back above epoch 1's 94.61 until epoch 5": 9 of 12 with 8
#   true ✗ and 9 of 12 with 10 true ✗ on arrival (after students27's readings above, before any of its own), one planted
#   line with ✓ ("test loss bottoms at 0.0649 in epoch 3, then falls to 0.1011"); 12 and 12 of 12 with none since.
# - students30/: beta Results as a paragraph with fractions ("0.9800") and "e2".."e5", an Analysis of "Why ...?" items,
#   "validation" for the test set and a "dev split"; the example a scorecard line a step ("P=7,500 | E=15 | best
#   98.81@15 | final 98.81 | min3 98.61 | err 119"), "≥ 98.0 in 8/15 epochs (8-15)", "err 119 → 59 (ratio ≈ 2.0)", the
#   receptive field by conv ("conv5 sees 18×18"): 10 of 12 with 9 true ✗ and 7 of 12 with 6 true ✗ on arrival (with
#   students29's readings in); 12 of 12 with none and 10 of 12 with 1 since. students26, 27 and 28 again: the
#   example's digits' shares and "joint 2nd-worst" after "Per digit", beta's "holdout loss" on the run's validation
#   split, an opinion offered with another reading ("looks like over-fitting, or one bad epoch") not settled.
# - students31/: alpha "we" in the past tense with figures in brackets after each claim, "percentage points" spelled
#   out, seeds called "run 0".."run 2"; gamma a "**Summary.**" paragraph and "What went well / What went wrong" bullets
#   with error rates ("3.86 % error"), per-digit recall and precision, "plateau", "overshoot": measured at `bb71ec1`
#   with no reading written for it (hidden, the acceptance's shape): 7 of 12 with 9 true ✗ and 4 of 12 with 5 true
#   ✗, and two planted lines with ✓ ("By epoch 2 the test error (1.88 %) is less than half of Model_1's final",
#   "Seed 2 is the steadiest: its lowest of the last 3 is 97.77 %, the lowest of the three seeds"). gamma is not
#   kept below: three of its planted lines sit under "**What went wrong**", a bold head that ends the Analysis, so no
#   sentence there is judged; read as the Analysis's own heads, they gave 7 of 12 with 11 true ✗ (error rates - "3.86 %
#   error" - and precision read as accuracies), so they stay unread until those readers exist.
LATER = {("students3", "beta"): (12, 0), ("students3", "alpha"): (12, 0), ("students4", "gamma"): (12, 0),
         ("students4", "example"): (12, 0), ("students5", "alpha"): (8, 0), ("students5", "beta"): (5, 1),
         ("students6", "beta"): (11, 0), ("students6", "gamma"): (11, 0), ("students7", "alpha"): (8, 1),
         ("students7", "example"): (8, 2), ("students8", "beta"): (10, 0), ("students8", "gamma"): (11, 0),
         ("students9", "alpha"): (11, 0), ("students9", "gamma"): (11, 0), ("students10", "beta"): (9, 0),
         ("students10", "example"): (10, 0), ("students11", "alpha"): (10, 0), ("students11", "gamma"): (9, 0),
         ("students12", "beta"): (12, 0), ("students12", "example"): (11, 0), ("students13", "alpha"): (8, 0),
         ("students13", "gamma"): (12, 0), ("students14", "beta"): (12, 0), ("students14", "example"): (12, 0),
         ("students15", "alpha"): (11, 2), ("students15", "gamma"): (7, 0), ("students16", "beta"): (12, 0),
         ("students16", "example"): (11, 0), ("students17", "alpha"): (12, 0), ("students17", "gamma"): (12, 0),
         ("students18", "beta"): (12, 0), ("students18", "example"): (12, 0),
         ("students19", "alpha"): (10, 1), ("students19", "gamma"): (6, 0),
         ("students20", "beta"): (10, 0), ("students20", "example"): (10, 0),
         ("students21", "alpha"): (9, 0), ("students21", "gamma"): (12, 0),
         ("students22", "beta"): (12, 2), ("students22", "example"): (11, 2),
         ("students23", "alpha"): (10, 0), ("students23", "gamma"): (10, 0),
         ("students24", "beta"): (12, 0), ("students24", "example"): (11, 0),
         ("students25", "alpha"): (9, 0), ("students25", "gamma"): (11, 0),
         ("students26", "beta"): (9, 0), ("students26", "example"): (11, 3),
         ("students27", "alpha"): (12, 0), ("students27", "gamma"): (8, 1),
         ("students28", "beta"): (9, 0), ("students28", "example"): (7, 0),
         ("students29", "alpha"): (12, 0), ("students29", "gamma"): (12, 0),
         ("students30", "beta"): (12, 0), ("students30", "example"): (10, 1),
         ("students31", "alpha"): (7, 9)}


@pytest.mark.parametrize(("folder", "handin"), sorted(LATER))
def test_a_later_class_keeps_its_measured_figures(tmp_path, folder, handin):
    least_marked, most_wrong = LATER[(folder, handin)]
    planted = _judged(tmp_path / "planted", handin, "planted", CORPUS / folder)
    said = json.loads((CORPUS / folder / "planted.json").read_text())[handin]
    verdicts = {p: [j.verdict for j in planted if _said(p, j.words)] for p in said}
    assert all(verdicts.values()), [p for p, v in verdicts.items() if not v]
    assert sum(1 for v in verdicts.values() if False in v) >= least_marked
    fixed = _judged(tmp_path / "fixed", handin, "fixed", CORPUS / folder)
    assert len([j for j in fixed if j.verdict is False]) <= most_wrong, [j.words for j in fixed if j.verdict is False]
