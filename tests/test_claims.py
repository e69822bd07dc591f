"""`tinydigits claims` and the hand-in's checks: a student's Analysis, claim by claim, against the records. The steps
are the saved runs of tests/data/byte_identical (a run that under-fits at a constant rate, one that holds with a step
schedule and dropout, a check of five seeds with an EMA and a one-cycle rate)."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from helpers import longest_tool_sentence, run_main
from tinydigits.results import claims as folder_claims
from tinydigits.results import handin
from tinydigits.results import steps as rules
from tinydigits.results.steps.claims import check_claims, judge, rf_comments, said_as, sentences

DATA = Path(__file__).parent / "data" / "byte_identical"
STEPS = [DATA / "model1-20261126T033643Z-s0", DATA / "model2-20261126T040000Z-s0", DATA / "check-model3b-20261126T050000Z"]

# (words of the claim, its verdict): True, False, None (the runs cannot settle it), "plan"
STEP1 = [("The model has 7,352 parameters", True),
         ("It is under-fitting", True),
         ("The rate fell to 0.002 at epoch 11", True),
         ("Best test accuracy was 98.96 % at epoch 14", True),
         ("Over-fitting: train is far above test", False),
         ("The model reached 99.4 % by epoch 12", False),
         ("The learning rate stayed constant at 0.02", False),
         ("Test accuracy was 99.1 % after the last epoch", False),
         ("Next, I will add batch norm to speed up the start", "plan")]
STEP2 = [("Test accuracy is higher than train accuracy", True),
         ("The scheduler cut the rate at epoch 11", True),
         ("Test accuracy held 99.4 % or more in the last 3 epochs", True),
         ("Step 2 improved on step 1 by 0.50 points", True),
         ("No over-fitting", True),
         ("It improved on step 1 by 2 points", False),
         ("The model has 8,200 parameters", False),
         ("The receptive field is 32 at the head", False),
         ("Batch norm made training faster than step 1", None),
         ("Dropout reduced over-fitting", None)]
STEP3 = [("It passed on 5 of 5 seeds", True),
         ("The budget is met", True),
         ("Test accuracy reached 99.57 % at epoch 12", True),
         ("Compared with step 2 the min of the last 3 epochs is higher by 0.07 points", True),
         ("It passed on 4 of 5 seeds", False),
         ("The learning rate was constant", False),
         ("Test accuracy was 99.7 % at epoch 15", False),
         ("It trained for 20 epochs", False),
         ("It is worse than step 2", None)]


def _text(claims: list[tuple[str, object]]) -> str:
    return " ".join(f"{words}." for words, _ in claims)


def _write(folder: Path, steps: list[list[tuple[str, object]]]) -> Path:
    _, readme = handin.write_up(STEPS, str(folder), [_text(s) for s in steps])
    return readme.parent


@pytest.fixture(scope="module")
def marked(tmp_path_factory) -> Path:
    return _write(tmp_path_factory.mktemp("marked"), [STEP1, STEP2, STEP3])


def _verdicts(found: dict) -> dict[tuple[int, str], list]:
    """Each sentence's verdict, by its step and words."""
    out: dict[tuple[int, str], list] = {}
    for c in found["sentences"]:
        out.setdefault((c["step"], c["sentence"]), []).append(c["verdict"])
    return out


def test_every_false_claim_is_marked_false_and_no_true_one_and_the_command_exits_1(marked):
    """At least ten false claims and ten true ones of the kinds hand-ins make: each false one ✗, no true one ✗,
    one the runs cannot settle never ✓, a plan never judged; `tinydigits claims` exits 1."""
    done = run_main("claims", str(marked), "--json")
    assert done.returncode == 1, done.stderr
    found = _verdicts(json.loads(done.stdout))
    expected = [(n, words, verdict) for n, step in enumerate((STEP1, STEP2, STEP3), 1) for words, verdict in step]
    assert sum(v is False for *_, v in expected) >= 10 and sum(v is True for *_, v in expected) >= 10
    for n, words, verdict in expected:
        said = [v for (step, claim), vs in found.items() if step == n and words in claim for v in vs]
        assert said, f"step {n}: {words!r} was not recognised"
        if verdict is True:
            assert False not in said and "undecided" not in said, f"step {n}: {words!r} marked {said}"
        elif verdict is False:
            assert False in said, f"step {n}: {words!r} marked {said}"
        elif verdict is None:
            assert True not in said and False not in said, f"step {n}: {words!r} marked {said}"
        else:
            assert said == ["plan"], f"step {n}: {words!r} marked {said}"
    # nothing else in the text was marked false: only the false claims above
    falses = {(step, claim) for (step, claim), vs in found.items() if False in vs}
    wanted = {(n, words) for n, words, v in expected if v is False}
    assert all(any(w in claim for m, w in wanted if m == step) for step, claim in falses), falses


def test_a_correct_hand_in_exits_0(tmp_path):
    folder = _write(tmp_path, [[c for c in s if c[1] is not False] for s in (STEP1, STEP2, STEP3)])
    done = run_main("claims", str(folder))
    assert done.returncode == 0, done.stdout + done.stderr
    marks = [line.split()[0] for line in done.stdout.splitlines() if line.startswith("  ")]
    assert "✗" not in marks and "✓" in marks, done.stdout


def test_the_hand_in_shows_each_analysis_verbatim_with_its_checks_under_it(marked):
    readme = (marked / "README.md").read_text()
    for step in (STEP1, STEP2, STEP3):
        assert _text(step) in readme  # the student's words, as written
    assert readme.count("**Checked against the records:**") == 3
    assert "this tool" not in readme.lower()
    assert (marked / "evidence.md").is_file()


def test_a_folder_it_cannot_read_is_one_line_and_a_step_without_a_log_says_so(tmp_path):
    """An empty folder, or a README with no step and no notebook: one line, exit 2. A README whose step has no log
    and no records beside it: read, its figures said to have no log, exit 0."""
    for text in (None, "# Notes\n\nNothing here.\n"):
        if text is not None:
            (tmp_path / "README.md").write_text(text)
        done = run_main("claims", str(tmp_path))
        assert done.returncode == 2 and "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    (tmp_path / "README.md").write_text("## Step 1\n\n**Result:** Best test accuracy 99.1 %.\n\n**Analysis:** over-fitting.\n")
    done = run_main("claims", str(tmp_path))
    assert done.returncode == 0 and "no log for this step" in done.stdout, done.stdout + done.stderr


def test_a_hand_written_readme_is_read_by_its_step_sections(marked, tmp_path):
    """A README a student wrote by hand: `## Model 2` sections, `### Analysis` heads; the records beside it."""
    for record in marked.glob("step*-*"):
        (tmp_path / record.name).write_bytes(record.read_bytes())
    (tmp_path / "README.md").write_text("# My hand-in\n\n## Model 1\n\n### Target\nA skeleton.\n\n### Analysis\n"
                                        "The model has 7,352 parameters. Over-fitting.\n\n## Model 2\n\n### Analysis\n"
                                        "- No over-fitting\n- It has 7,000 parameters\n")
    found = folder_claims.check_folder(tmp_path)
    said = {(c.step, c.words): c.verdict for c in found}
    assert said[(1, "The model has 7,352 parameters")] is True
    assert said[(1, "Over-fitting")] is False
    assert said[(2, "No over-fitting")] is True
    assert said[(2, "It has 7,000 parameters")] is False


def test_bold_part_heads_with_a_full_stop_split_a_step_and_a_printed_block_is_a_sentence_a_line():
    """"**Target.** ..." paragraphs: each part its own (not the step's whole text as its Target); the lines of a printed
    block each one sentence, not one."""
    readme = ("## Step 1: Model_1\n\n**Target.** A skeleton under 8,000 parameters.\n\n**Result.** It has 7,500 "
              "parameters.\n\n```\nseed 0 | min 99.54\nseed 1 | min 99.43\n```\n\n**Analysis.** It under-fits.\n")
    (part,) = folder_claims.sections(readme)
    assert part.target == "A skeleton under 8,000 parameters."
    assert part.result.startswith("It has 7,500 parameters.") and "under-fits" not in part.result
    assert part.analysis == "It under-fits."
    assert sentences(part.result) == ["It has 7,500 parameters.", "seed 0 | min 99.54", "seed 1 | min 99.43"]


def test_a_step_head_numbered_as_a_section_or_led_by_an_emoji_is_read_with_its_parts():
    """"## 2. Model_1 - Skeleton" (a lab report's numbered sections) and "## 🧪 Model_2" with "### 🎯 Target" heads: each
    a step with its parts; "## 1. Objective" is none."""
    readme = ("# A study\n\n## 1. Objective\n\nUnder 8k.\n\n## 2. Model_1 - Skeleton\n\n### Target\nA skeleton.\n\n"
              "### Result\nIt has 7,510 parameters.\n\n## 🧪 Model_2 - BN\n\n### 🎯 Target\nBatch norm.\n\n### 📊 Result\n"
              "- p = 7,578\n\n### 🔍 Analysis\nTrains from epoch 1.\n")
    first, second = folder_claims.sections(readme)
    assert (first.number, first.target, first.result) == (1, "A skeleton.", "It has 7,510 parameters.")
    assert (second.number, second.target, second.result, second.analysis) == (2, "Batch norm.", "- p = 7,578",
                                                                               "Trains from epoch 1.")


def test_figures_are_read_at_the_digits_given():
    assert said_as(99.426, "99.43") and said_as(99.426, "99.42") and said_as(99.426, "99.4")
    assert not said_as(99.426, "99.5") and not said_as(99.34, "99.4")
    # a tie rounds up, as docs/claims.md and the labeller round: 99.35 said as "99.4" is that figure at its digits
    assert said_as(99.35, "99.4") and said_as(99.35, "99.3")
    assert said_as(7568, "7.5", 1000) and said_as(7568, "8", 1000) and not said_as(7568, "7.4", 1000)


def test_decimals_do_not_end_sentences():
    assert sentences("Test reached 99.45 %. Train 99.1 %.\n- a list item\n- another") == [
        "Test reached 99.45 %.", "Train 99.1 %.", "a list item", "another"]


def test_the_tools_own_check_lines_are_left_out_and_a_students_arrow_is_read():
    """The tool's checked lines (a mark, then the words quoted or the code's comments) are its own; a student's nested
    "- → best 99.42 (ep 15)" under a checklist item is a sentence of theirs."""
    text = ("- [x] Params < 8k: 7,568\n  - → best 99.42 (ep 15)\n- ✓ \"Best 99.42\": 99.42 % (metrics.json)\n"
            "- ✓ the code's 7 receptive-field comments: each the computed field of its module\n"
            "- → \"Next I will add EMA\": a plan for the next step, not a claim about these runs")
    assert folder_claims.strip_checks(text).splitlines() == ["- [x] Params < 8k: 7,568", "  - → best 99.42 (ep 15)"]


def test_a_schedule_that_never_moved_the_rate_is_not_credited(tmp_path):
    """A step schedule whose first cut comes after the last epoch: "the scheduler helped" is false, and a change's
    effect credited to it is false."""
    steps = rules.read_steps(STEPS[:2])
    steps[1].run.epochs = [dataclasses.replace(e, lr=0.05) for e in steps[1].run.epochs]
    found = check_claims("The scheduler reduced the rate. The scheduler helped the accuracy.", steps[1], steps[0], 2)
    assert [c.verdict for c in found] == [False, False], [c.line() for c in found]


def test_receptive_field_comments_are_checked_against_the_layer_table():
    """A comment's RF beside the module it sits on: right where it matches the computed field, wrong where the jump
    after the pool was left out (a 3x3 conv after a max-pool adds 2 x 2 pixels, not 2)."""
    step = rules.read_steps(STEPS[:1])[0]
    rows = {r.name: r for r in step.run.layers}
    assert rows["layers.2"].type == "MaxPool2d" and rows["layers.4.0"].jump == 2
    rf = {name: r.rf for name, r in rows.items()}
    step.run.code = (
        "from torch import nn\n\n\nclass model1(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
        "        self.layers = nn.Sequential(\n"
        f"            nn.Sequential(nn.Conv2d(1, 8, 3), nn.ReLU()),  # RF {rf['layers.0.0']}\n"
        "            nn.Sequential(nn.Conv2d(8, 16, 3), nn.ReLU()),\n"
        f"            nn.MaxPool2d(2),  # RF {rf['layers.2']}\n"
        "            nn.Sequential(nn.Conv2d(16, 8, 1), nn.ReLU()),\n"
        f"            nn.Sequential(nn.Conv2d(8, 16, 3), nn.ReLU()),  # RF {rf['layers.2'] + 2}\n"
        "        )\n")
    step.run.origin = {"kind": "file", "attr": "model1"}
    found = rf_comments(step, 1)
    assert [c.verdict for c in found] == [True, True, False], [c.line() for c in found]
    assert f"receptive field {rf['layers.4.0']} px, jump 2" in found[-1].evidence


def test_the_example_hand_in_is_read_in_five_minutes_and_its_claims_hold():
    """docs/examples/hand-in: at most 1,500 words outside code and tables (`handin.reading_words`), no sentence of the
    tool's over 40 words, no "this tool", and every claim of its student's Analysis true or said to be unsettled."""

    folder = Path(__file__).parents[1] / "docs" / "examples" / "hand-in"
    readme = (folder / "README.md").read_text()
    assert handin.reading_words(readme) <= 1500
    assert "this tool" not in readme.lower()
    student = [(Path(__file__).parents[1] / "docs" / "examples" / "analyses" / f"step{n}.md").read_text().strip()
               for n in (1, 2, 3)]
    assert all(text in readme for text in student)
    assert longest_tool_sentence(readme, student) <= 40
    found = folder_claims.check_folder(folder)
    assert found and not [c.line() for c in found if c.verdict is False]
    assert all(c.verdict is True for c in found if c.section == "result")  # the tool's own Result: every figure read
    assert handin.reading_words("| a | b |\n```\ncode here\n```\nthree words here ![alt](x.png)") == 4


TEXTS = [_text(s) for s in (STEP1, STEP2, STEP3)] + [
    "Test accuracy is still rising; it plateaued. No over-fitting, slight over-fitting, the gap is 0.3. "
    "Batch norm made it faster and dropout reduced over-fitting. It went from 98 % in step 1 to 99 %. "
    "RF of 28. 60,000 training images. Loss 0.05. Consistently above 99.4 %. Stable. Worse than step 1."]


@pytest.mark.parametrize("epochs", [1, 2, 3, 15])
def test_every_reader_takes_a_short_run(epochs):
    """A run of one, two or three epochs (a notebook's tiny budget): every claim is decided or left unsettled, and
    nothing raises."""
    steps = rules.read_steps(STEPS)
    for step in steps:
        step.run.epochs = step.run.epochs[:epochs]
        if step.check:
            step.check.verdict.seeds = {s: dataclasses.replace(r, test_acc=r.test_acc[:epochs])
                                        for s, r in step.check.verdict.seeds.items()}
    for i, step in enumerate(steps):
        for text in TEXTS:
            for claim in check_claims(text, step, steps[i - 1] if i else None, i + 1):
                assert claim.verdict in (True, False, None) and claim.evidence


def test_a_step_that_got_worse_is_not_called_better():
    """Step 2 below step 1 beyond the noise: "improved" false, "worse" true, and an effect credited to its change
    false."""
    better, worse = rules.read_steps([STEPS[1], STEPS[0]])
    said = {c.claim: c.verdict for c in check_claims(
        "It improved on step 1. It is worse than step 1. The minimum of the last 3 epochs fell by 0.60 points.",
        worse, better, 2)}
    assert said == {"It improved on step 1": False, "It is worse than step 1": True,
                    "The minimum of the last 3 epochs fell by 0.60 points": True}, said


def test_what_the_records_show_says_the_verdict_the_summary_says():
    """A run that stopped short of its planned epochs fails its budget though its last epochs are above the line:
    the "What the records show" budget line says FAIL, as the summary line does."""
    from tinydigits.results.steps.shown import budget_fact

    step = rules.read_steps([STEPS[1]])[0]
    assert budget_fact(step).startswith("Budget: PASS")
    step.run.epochs = step.run.epochs[:5]
    assert not rules.verdict_of(step).passed and "; FAIL (seed" in handin.summary_lines([step])[0]
    assert budget_fact(step).startswith("Budget: FAIL")


# (step, sentence, verdict): the claims students write, read as said - thresholds, scopes, epochs, comparisons with
# their tolerance, image counts, credit, Result bullets; True, False, None (not settled), "partly"
AS_SAID = [
    (1, "Test accuracy reached 98% at epoch 9 and the final test accuracy is 98.95%.", True),
    (1, "Test accuracy reached 98% at epoch 8.", False),  # 97.32 at epoch 8: 98 % first at epoch 9
    (1, "Test accuracy reached 98% by epoch 9.", True),
    (2, "The final test accuracy is 99.45%, only about 0.5% better than Model_1.", True),
    (2, "The final test accuracy is 99.45%, only about 1.5% better than Model_1.", False),  # +0.50 points
    (1, "It ends at 98.95% and holds that over the last 3 epochs.", False),  # 98.85 at epoch 13
    (1, "It ends at 98.95% and holds 98.8% over the last 3 epochs.", True),
    (3, "All five seeds finished above 99.5%.", True),  # finals 99.52-99.55: not the budget's 99.4 read instead
    (3, "Consistent above 99.5% in the last 3 epochs on every seed.", True),
    (3, "Consistent above 99.52% in the last 3 epochs on every seed.", False),  # seeds 3 and 4: 99.51
    (2, "Test accuracy was above the train accuracy in every epoch up to epoch 6.", True),
    (1, "Test accuracy is above 98.5% from epoch 11 onwards.", True),
    (1, "Test accuracy is above 98.9% from epoch 11 onwards.", False),
    (2, "Test accuracy was above 99% on all epochs greater than 10.", True),  # an epoch's number, not a 10 % figure
    (2, "Trained on the full 60k train set.", True),
    (2, "Trained on 10k images.", False),
    (3, "The rotation augmentation is what made this difference.", None),  # several changes came together
    (3, "These runs cannot split the gain between the changes.", None),  # a gain inside the noise: none to split
    (1, "Model_1 has 7,928 parameters.", False),
    (1, "The model is under 7.5k parameters.", True),
    (3, "It passed on 3 of 5 seeds.", False),
    (2, "Best Test Accuracy: 99.46 (11th epoch)", True),
    (2, "Best Test Accuracy: 99.46 (12th epoch)", False),  # 99.42 at epoch 12
    (2, "Best Train Accuracy - 99.40", True),
    (2, "Best Train Accuracy - 99.45", False),
    (2, "The LR was cut by 10x at epoch 11 from 0.05 to 0.005.", True),
    (2, "The LR was cut by 5x at epoch 11.", False),
    (2, "The scheduler cut the rate at epoch 10.", False),  # the first epoch at the lower rate is 11
    (2, "The model is slightly under-fitting as test accuracy is higher than train accuracy.", True),  # the course's sense
    (1, "The skeleton reaches 98.95 % with 12 kernels of width 5.", "partly"),  # 12 and 5: not read
    (1, "Test accuracy is 98.95 % at the end and 98.80 % at epoch 14.", False),  # the right figure beside a wrong one
    (3, "Since the model is over-fitting, it is time to add dropout.", False),  # the motive is step 2's: no gap there
    (2, "Since the model is under-fitting, we add capacity.", True),  # step 1: neither reaches 99.4 %
    (1, "Parameters: > 5 k", True),
    (1, "Total params: more than 8k", False),  # 7,352
    (1, "Epoch | Train | Test → 1 | 17.29 | 17.29, 15 | 98.94 | 98.95", True),  # a table written inline: each cell
    (1, "Epoch | Train | Test: 1 | 17.29 | 17.29; 15 | 98.94 | 98.59", False),  # epoch 15's test is 98.95
    (3, "Seed | final | best: 0 | 99.52 | 99.57, 1 | 99.52 | 99.58", True),
    (3, "Seed | final | best: 0 | 99.52 | 99.57, 1 | 99.52 | 99.57", False),  # seed 1's best is 99.58
    (3, "Model_3 beats Model_1 by 0.57 points on final accuracy.", True),  # the step named, not the one before
    (2, "Final accuracy is up 0.5 on Model_1 (98.95 → 99.45), best accuracy up about 0.5 (99.46 vs 98.96).", True),
    (3, "Seed finals (0/1/2): 99.52/99.52/99.54", True),  # figures listed after their label, a seed each
    (3, "Seed finals (0/1/2): 99.52/99.54/99.54", False),  # seed 1 ended at 99.52
    (3, "The min of the last 3 was 99.52 on every seed.", False),  # each seed's own: they differ
    (1, "Best test acc 98.96 @ ep 14", True),
    (1, "Best test acc 98.96 @ ep 15", False),  # the best came at epoch 14
    (1, "Best Test Accuracy - 98.96 (final epoch)", False),  # 98.95 at the last epoch
    (1, "Final train / test acc = 98.94 / 98.95", True),  # a slashed pair, each with its own figure
    (1, "Final train / test acc = 98.95 / 98.94", False),
    (2, "Since the model was not over-fitting, it is time to add augmentation.", True),  # step 1's fit, the motive
    (1, "Batch normalization after each convolution layer", False),  # step 1 has no batch norm at all
    (2, "Batch normalization after each convolution layer", True),
    (1, "Dropout layers to prevent overfitting.", False),  # its purpose said; no dropout in step 1
    (1, "No dropout.", True),
    (2, "GAP layer followed by 1x1 convolution", True),  # the next module: a conv of kernel 1
    (2, "GAP followed by 3x3 convolution", False),
    (2, "GAP followed by dropout", False),
    (2, "Test accuracy was above 99.45% at epoch 11 and epoch 12.", False),  # epochs named, not a span: 99.42 at 12
    (2, "Test accuracy was above 99.4% at epochs 11 and 15.", True),
    (2, "The model is able to reach till 99.46% accuracy.", True),  # the highest it got
    (2, "The model is able to reach till 99.45% accuracy.", False),
    (1, "Min of the last three epochs - 98.85%", True),
    (1, "Min of the last three epochs - 98.95%", False),  # 98.85 at epoch 13
    (1, "Test acc improved in every single one of the 15 epochs.", False),
    (1, "Train loss finished at 0.04 and test loss at 0.05.", False),  # the test loss ended at 0.03
    (1, "Between 98% and 99% in the last 3 epochs.", True),  # whole numbers: a range every figure sits in
    (1, "Test leads train in the first 2 epochs.", False),
    (1, "Not all of the last 3 epochs reach 98.9%.", True),  # 98.85 at epoch 13: the clause denied whole
    (1, "Not all of the last 3 epochs reach 98.8%.", False),
    (1, "Test acc barely moves at the end: 98.85, 98.96, 98.95 in the last 3 epochs.", True),  # each epoch's, in order
    (1, "Test acc barely moves at the end: 98.85, 98.95, 98.96 in the last 3 epochs.", False),
    (1, "For the first 3 epochs test acc stays low, below 75%.", True),  # the level belongs to the span before it
    (1, "For the first 3 epochs test acc stays low, below 70%.", False),  # 74.22 at epoch 3
    (3, "Only seed 3 and seed 4 ended at or above 99.55%.", True),  # those seeds, and no other
    (3, "Only seed 2 and seed 3 ended at or above 99.55%.", False),  # seed 2 ended at 99.54
    (2, "Final acc is about half a point higher than Model_1 (98.95).", True),  # Model_1's figure, in brackets
    (2, "Final acc is about half a point higher than Model_1 (98.75).", False),
    (1, "After the LR cut at epoch 11 it went from 98.59% to 98.81%.", True),  # two epochs in a row across the cut
    (1, "After the LR cut at epoch 11 it went from 98.59% to 98.84%.", False),
    (1, "Test acc only went down once, from epoch 14 to 15.", True),
    (1, "Test acc went down twice.", False),
    (1, "Worst of the final three epochs is 98.85%", True),
    (1, "Worst of the final three epochs is 98.95%", False),
    (3, "Seed 1 had the lowest final, 99.52%.", True),  # tied with seed 0
    (3, "Seed 3 had the lowest final, 99.55%.", False),  # its figure right, its rank wrong
    (1, "It crossed 90% in the 5th epoch but only got to 98% in the 9th.", True),  # "the 9th": an epoch
    (1, "It crossed 90% in the 5th epoch but only got to 98% in the 8th.", False),
    (1, "Over epochs 12-15 it never drops below 98.8%.", True),
    (1, "Over epochs 12-15 it never drops below 98.9%.", False),
    (1, "Top test accuracy of 98.96% came in the last epoch", False),  # at epoch 14
    (1, "The LR was down to 0.002 by the final epoch.", True),
    (1, "The LR was down to 0.02 by the final epoch.", False),
    (1, "Train stays below test the whole run.", False),  # every epoch, not the last 3
    (1, "In epochs 13-15 the test accuracy stayed between 98.8 and 99.0 %.", True),  # bounds, not the ends quoted
    (1, "In epochs 13-15 the test accuracy stayed between 98.8 and 98.9 %.", False),  # 98.96 at epoch 14
    (1, "The model is robust against overfitting.", True),  # no gap: no over-fitting
    (1, "Does it over-fit? No, train is ahead by only 0.02.", True),  # a question, its answer the claim
    (1, "Is it over-fitting? Yes.", False),
    (1, "Train was behind test until epoch 2 and only pulled ahead later.", False),  # epoch 2: train 54.12 > 54.05
    (3, "At 99.52%, seed 0 has the lowest final, with seed 2 in between at 99.54.", True),  # the seed nearest a figure
    (3, "At 99.52%, seed 0 has the lowest final, with seed 2 in between at 99.55.", False),
    (1, "Test acc went from 98.26 to 98.59 in one epoch.", True),  # two epochs in a row
    (1, "Test acc went from 98.26 to 98.81 in one epoch.", False),
    (1, "It passed 90% within the first 5 epochs.", True),  # reached: one epoch of the span is enough
    (1, "It passed 95% within the first 5 epochs.", False),
    (1, "Trained for fifteen epochs.", True),  # a count in words
    (1, "Trained for twelve epochs.", False),
    (1, "Test accuracy was above train in all fifteen epochs.", False),
    (3, "Every seed ended above 99.5%, and two of them at or above 99.55%.", True),  # "two of them": a count of seeds
    (3, "Every seed ended above 99.5%, and three of them at or above 99.55%.", False),
    (1, "Final acc is a bit higher than nothing, by under half a point.", None),
    (2, "The LR in epoch 11 was at about 0.005.", True),
    (2, "Epoch 11 ran at an LR of 0.05.", False),  # cut to 0.005 at epoch 11
    (1, "Min of the last three: 98.85 (epoch 13)", True),  # the lowest, and where it fell
    (1, "Min of the last three: 98.85 (epoch 14)", False),
    (1, "The cut helped: 98.59 → 98.81 at epoch 11.", True),
    (1, "The cut helped: 98.59 → 98.18 at epoch 11.", False),
    (3, "Seeds 3 and 4 are steady and they end at 99.55 and 99.55 respectively.", True),  # each in the order named
    (3, "Seeds 1 and 2 are steady and they end at 99.52 and 99.55 respectively.", False),  # seed 2 ended at 99.54
    (2, "LR schedule unchanged: 0.05 up to epoch 10, then 0.005.", True),  # the step before's schedule, not a flat rate
    (1, "Test acc hit 98.96% in ep 14 after 98.85% in ep 13.", True),  # the epoch right after a level is its own
    (1, "Test acc rose every epoch from ep 2 to ep 12.", True),  # a span with its end, not "from epoch 2" on
    (1, "Test acc rose every epoch from ep 2 to ep 15.", False),  # 98.95 at epoch 15
    (3, "Check on 5 seeds: 5 of 5 pass.", True),  # the count said of them, not "5 seeds"
    (3, "Check on 5 seeds: 4 of 5 pass.", False),
    (2, "Test acc was above train at the end: 99.45 vs 99.39.", True),  # the last epoch, not the last 3's mean
    (1, "Test loss 0.0151 at the end, down from 1.815.", True),  # where it came down from: an earlier epoch's
    (1, "Losses at the end: 0.0151 test.", True),  # the role named after the figure
    (2, "Ep 1 went from 17.29% in step 1 to 95.02%.", True),  # that epoch's, in each step
    (2, "Ep 1 went from 17.29% in step 1 to 96.02%.", False),
    (1, "Test is above train in every epoch but the last.", False),  # train ahead at epochs 2-4 too
    (3, "Seed 3 ended lowest at 99.55%.", False),  # its figure right, its rank wrong (seeds 0 and 1: 99.52)
    (3, "Seed 0 best 99.57 (epoch 12)", True),  # a seed's best figure, no rank
    (1, "Test acc at ep 14: 98.96%, train 98.98%", True),  # the epoch heading the list is each figure's
    (1, "Test acc at ep 14: 98.96%, train 98.89%", False),  # 98.89 is epoch 13's train
    (1, "Under-fitting: neither curve got to 99%.", True),
    (1, "Under-fitting: neither curve got to 98.9%.", False),  # best train 98.98
    (1, "Params 7,352 (under 7k)", False),
    (2, "Credit to the StepLR for the 99.46% at ep 11.", "partly"),  # credit: four changes came together
    (1, "No over-fitting, though train is still ahead of test in the last 3.", False),  # test ahead at epoch 15
    (3, "5 seeds, passed 5 of 5, best final 99.55% on seed 3", True),  # the seed named right after the figure
    (3, "5 seeds, passed 5 of 5, best final 99.55% on seed 0", False),
    (3, "5 seeds, none of them failed", True),
    (3, "Verdict: PASS, 5 of 5 seeds", True),  # a verdict's label, then the count
    (3, "On seed 3 the best was 99.58%.", False),  # seed 3's best figure (99.55), not a rank
    (1, "Train is above test only in the last epoch.", False),  # train ahead at epochs 2-4 too
    (1, "Test accuracy stayed under 80% for 3 epochs.", True),  # from the start: 17.29, 54.05, 74.22
    (1, "Test accuracy stayed under 70% for 3 epochs.", False),
    (2, "The LR was 0.005 at the start of epoch 11.", True),
    (2, "The LR was 0.05 at the start of epoch 11.", False),
    (1, "Train and test are within 0.1 points of each other in the last 3 epochs.", True),
    (1, "Train and test are within 0.01 points of each other in the last 3 epochs.", False),
    (3, "Best final accuracy over the seeds: 99.55% (seed 3)", True),  # tied with seed 4
    (3, "Best final accuracy over the seeds: 99.54% (seed 2)", False),
    (1, "Test accuracy first topped 90% in epoch 5 and 98% in epoch 9.", True),  # the verb carried to the second level
    (1, "Test accuracy first topped 90% in epoch 5 and 98% in epoch 8.", False),
    (1, "The first epoch at or above 98% was the 9th.", True),  # it reached 98 % at epoch 9
    (1, "The first epoch at or above 98% was the 8th.", False),
    (1, "Train and test are within 0.05 points of each other at the end.", True),  # the last epoch: -0.01
    (3, "The plateau never fired, so the rate stayed at 0.1.", False),  # a schedule's words, not the curve's plateau
    (2, "Step_2 params: 7.4k", True),  # "Step_2" is no count of parameters
    (2, "Step_2 params: 7.3k", False),
    (2, "Params are 80 more than step 1's.", True),  # 7,352 -> 7,432: the difference said, not only its direction
    (2, "Params are 90 more than step 1's.", False),
    (2, "Params went from 7,352 to 7,432, that is 80 more.", True),
    (2, "Params went from 7,352 to 7,432, that is 90 more.", False),
    (2, "Compared to Model_1, the final accuracy is up by about 0.5 (98.95 → 99.45).", True),  # the way from the words
    (2, "Compared to Model_1, the final accuracy is up by about 0.9 (98.95 → 99.45).", False),
    (2, "Final test acc rose ~0.5 pts vs step 1 (98.95 → 99.45).", True),
    (2, "Final test acc rose ~2 pts vs step 1 (98.95 → 99.45).", False),
    (2, "End-of-run acc ≈ 0.5 pts over Model_1's.", True),
    (2, "End-of-run acc ≈ 2 pts over Model_1's.", False),
    (2, "Final acc 99.45 is more than 0.4 points over Model_1's 98.95.", True),
    (2, "Final acc 99.45 is more than 0.6 points over Model_1's 98.95.", False),
    (2, "Final is 0.50 points above step 1, and the best is up too.", True),  # the step the sentence names
    (2, "Final is 0.50 points above step 1, and the best is down too.", False),  # best 98.96 -> 99.46
    (2, "The LR only starts coming down at epoch 11.", True),  # the first epoch on a lower rate
    (2, "The LR only starts coming down at epoch 12.", False),
    (2, "The cut to 0.005 came after epoch 10.", True),
    (2, "The cut to 0.005 came after epoch 11.", False),
    (2, "The LR peaks at epoch 1 (0.05) and reads 0.005 at epoch 13.", True),  # a tie for the peak counts
    (2, "The LR peaks at epoch 12 (0.05) and reads 0.005 at epoch 13.", False),
    (1, "Test loss was lower than train loss at epoch 12.", True),  # the two losses of the epoch said
    (1, "Test loss was higher than train loss at epoch 12.", False),
    (1, "The final test loss is lower than at epoch 3: 0.0151 against 0.465.", True),
    (1, "The final test loss is lower than at epoch 3: 0.0151 against 0.24.", False),  # 0.24 is epoch 4's
    (1, "Worst digit: 8 (99.0)", True),
    (1, "Worst digit: 7 (99.1)", False),  # 8 is worst: the rank read, not only the digit's figure
    (1, "Worst digit 8 (10 errors), best digit 1 at 99.7%", True),
    (1, "Worst digit 8 (10 errors), best digit 0 at 99.6%", False),  # "best" is 0's word, not 8's
    (1, "5 and 9 both have 8 errors.", True),
    (1, "5 and 9 both have 9 errors.", False),
    (1, "The 8s are the hardest digit here.", True),
    (1, "The 7s are the hardest digit here.", False),
    (1, "Test rises to 98.59 by epoch 10, then to 98.81 and 98.84.", True),  # the epochs after the one named
    (1, "Test rises to 98.59 by epoch 10, then to 98.81 and 98.85.", False),
    (2, "After the LR cut test accuracy went from 99.43 to 99.46.", True),  # the epochs either side of the cut
    (2, "After the LR cut test accuracy went from 99.43 to 99.45.", False),
    (1, "Train ahead of test by less than 1 point on average over the last 3.", True),
    (1, "Train ahead of test by more than 1 point on average over the last 3.", False),
    (1, "Gap (train - test, mean of last 3) is under 0.1 pts.", True),  # the dash inside the brackets cuts nothing
    (1, "Gap (train - test, mean of last 3) is about 1.5 pts.", False),
    (3, "From epoch 2 onwards none of the seeds dropped below 97%.", True),  # "dropped below": one epoch is enough
    (3, "From epoch 2 onwards none of the seeds dropped below 98%.", False),
    (1, "By epoch 9 it was above 98% (98.26).", True),  # the figure in brackets is epoch 9's
    (1, "By epoch 9 it was above 98% (98.62).", False),
    (3, "Train never overtakes test.", True),
    (1, "Train never overtakes test.", False),  # train ahead at epoch 2 and others
    (1, "Each epoch improved the test score over the one before.", False),  # 98.96 -> 98.95 at the end
    (3, "Seed 3 finishes best of the five.", True),  # tied with seed 4 at 99.55
    (3, "Seed 0 starts best (96.04 at epoch 1) and also finishes best of the five.", False),  # seed 0 ends at 99.52
    (1, "Epochs: 15", True),
    (1, "Epochs: 14", False),
    (1, "Best epoch: 14", True),  # the epoch of the best test accuracy
    (1, "Best epoch: 15", False),
    (1, "Average test accuracy of the last 3 epochs: 98.92", True),  # the mean, not the min
    (1, "Average test accuracy of the last 3 epochs: 98.85", False),
    (1, "Misclassified images: 65", True),  # the per-class errors summed
    (1, "Misclassified images: 66", False),
    (1, "Dropout: none", True),
    (1, "Train/Test: 98.94/98.95 (last epoch)", True),  # each curve's figure at the epoch said
    (1, "Train/Test: 98.95/98.94 (last epoch)", False),
    (1, "Test: 17.29 → 54.05 → 74.22 → 85.32 → 91.47 → 94.82 → 96.73 → 97.32 → 98.26 → 98.59 → 98.81 → 98.84 → 98.85 → "
        "98.96 → 98.95", True),  # one figure an epoch
    (1, "Test: 17.29 → 54.05 → 74.22 → 85.32 → 91.47 → 94.82 → 96.73 → 97.32 → 98.26 → 98.59 → 98.81 → 98.84 → 98.85 → "
        "98.95 → 98.95", False),
    (3, "All five seeds cleared 99.5% by epoch 9.", True),
    (3, "All five seeds cleared 99.5% by epoch 8.", False),
    (1, "At epoch 10 the LR was 0.02.", True),
    (1, "At epoch 11 the LR was 0.02.", False),
    (2, "The StepLR cut came after epoch 10.", True),
    (2, "The StepLR cut came after epoch 11.", False),
    (1, "From epoch 4 onwards test was always above train.", False),  # train ahead at epoch 4
    (1, "5 and 9 come next, with 8 and 8 errors.", True),  # a rank, not a plan
    (1, "5 and 9 come next, with 8 and 9 errors.", False),
    (3, "Test accuracy reached 99.5% at epoch 9 and never fell below it afterwards.", True),
    (3, "Test accuracy reached 99.5% at epoch 7 and never fell below it afterwards.", False),  # 99.48 at epoch 7
    (1, "By the last epoch train was behind test by 0.01 points.", True),  # the last epoch's, not the last 3's mean
    (1, "By the last epoch train was ahead of test by 0.01 points.", False),
    (2, "Between epoch 1 and epoch 15 test accuracy rose by 4.43 points.", True),  # inside the run, not against step 1
    (2, "Between epoch 1 and epoch 15 test accuracy rose by 5.43 points.", False),
    (2, "Step 2's best (99.46%) is above step 1's best (98.96%).", True),  # each figure its step's
    (2, "Step 2's best (99.46%) is above step 1's best (98.95%).", False),
    (1, "Min of the last 3 epochs: 98.85%, max 98.96%", True),  # the highest of those epochs
    (1, "Min of the last 3 epochs: 98.85%, max 98.95%", False),
    (1, "Test accuracy after 1 epoch: 17.29%", True),  # epoch 1's figure
    (1, "Test accuracy after 1 epoch: 54.05%", False),
]


@pytest.mark.parametrize("n, sentence, verdict", AS_SAID)
def test_a_sentence_is_judged_whole_as_said(n, sentence, verdict):
    steps = rules.read_steps(STEPS)
    earlier = {i + 1: s for i, s in enumerate(steps[:n - 1])}
    judged = judge(sentence, steps[n - 1], steps[n - 2] if n > 1 else None, n, "analysis", earlier)
    assert len(judged) == 1
    assert judged[0].verdict == verdict, judged[0].line(short=False)


def test_no_check_mark_on_a_sentence_holding_an_unchecked_number():
    """Every number of a sentence is read by a claim or listed as not checked: a sentence holding one it did not read
    is never ✓, however true its other figures."""
    step = rules.read_steps(STEPS[:1])[0]
    for sentence in ("Test accuracy is 98.95 % at the end, after 3 changes of 17 layers.",
                     "The model has 7,352 parameters and 42 channels.",
                     "Best test accuracy 98.96 % with a batch of 999."):
        judged = judge(sentence, step, None, 1)[0]
        assert judged.verdict in ("partly", False) and judged.mark != "✓", judged.line()
        assert judged.unchecked or judged.verdict is False


PLANS = ["Next: all 60k images and 15 epochs on Colab to get over 99.4%.", "I will add dropout of 0.1 next.",
         "To get over 99.4 % I should use a one-cycle rate.", "Try a StepLR with step_size 6 in step 3.",
         "Plan: 8 epochs at 0.05, then 7 at 0.005.", "Need to add capacity to reach 99.4 goal."]


def test_plans_are_never_judged():
    step = rules.read_steps(STEPS[:1])[0]
    for sentence in PLANS:
        judged = judge(sentence, step, None, 1)
        assert [j.verdict for j in judged] == ["plan"], [j.line() for j in judged]


def test_one_tally_in_the_readme_the_command_and_its_json(marked):
    """README, `tinydigits claims` and its --json count the same sentences the same way."""
    readme = (marked / "README.md").read_text()
    said = re.search(r"checked against the records: (\d+ checkable sentences: .*?)\. Each", readme)[1]
    text = run_main("claims", str(marked)).stdout
    data = json.loads(run_main("claims", str(marked), "--json").stdout)
    assert text.strip().splitlines()[-1] == said
    tally = data["tally"]
    assert said.startswith(f"{tally['claims']} checkable sentences: {tally['true']} true (✓), {tally['false']} false")
    assert tally["false"] == sum(s["verdict"] is False for s in data["sentences"]) > 0


def test_an_unmet_aim_never_exits_1_and_a_true_result_section_is_read(marked, tmp_path):
    """A Target's aim not met is said (◎ not met), never a false claim; Result bullets in the style real hand-ins
    write ("Parameters: 7,432", "Best Train Accuracy - 99.40", "(11th epoch)") are each read and ✓."""
    for record in marked.glob("step*-*"):
        (tmp_path / record.name).write_bytes(record.read_bytes())
    (tmp_path / "README.md").write_text(
        "# Hand-in\n\n## Model_1\n\n**Target:**\n- reach 99.9 % in the last 3 epochs\n\n**Result:**\n"
        "- Parameters: 7,352\n- Best Test Accuracy: 98.96 (14th epoch)\n\n## Model_2\n\n**Target:**\n"
        "- under 8,000 parameters\n\n**Results:**\n- Parameters: 7,432\n- Best Train Accuracy - 99.40\n"
        "- Best Test Accuracy: 99.46 (11th epoch)\n\n**Analysis:**\n- No over-fitting\n")
    done = run_main("claims", str(tmp_path), "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    found = json.loads(done.stdout)["sentences"]
    aims = {s["sentence"]: s["verdict"] for s in found if s["section"] == "target"}
    assert aims == {"reach 99.9 % in the last 3 epochs": "aim not met", "under 8,000 parameters": "aim met"}
    results = [s for s in found if s["section"] == "result"]
    assert len(results) == 5 and all(s["verdict"] is True for s in results), results
