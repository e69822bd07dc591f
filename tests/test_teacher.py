"""`tinydigits claims` on hand-ins made without the tool: a README and notebooks with their printed logs, read (never
run), every sentence judged against the hand-in's own logs by the same engine; a class of hand-ins at once. The
hand-ins are written here, in the log formats students print."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import run_main
from tinydigits.results import teacher
from tinydigits.results.claims import report as claims_report
from tinydigits.results.handwritten import read_handin

TQDM = "Loss={loss} Batch_id=468 Accuracy={train:.2f}: 100%|██████████| 469/469 [00:13<00:00, 34.37it/s]"
TEST = "Test set: Average loss: {loss:.4f}, Accuracy: {right}/10000 ({acc:.2f}%)"

# step 1's log (epochs counted from 0, as `EPOCH: 0` prints them): test accuracy by epoch
STEP1 = [97.10, 98.02, 98.40, 98.61, 98.77, 98.85, 98.90, 98.95, 98.99, 99.02, 99.05, 99.10, 99.08, 99.12, 99.11]
TRAIN1 = [90.0, 96.0, 97.0, 97.5, 97.9, 98.1, 98.3, 98.4, 98.5, 98.6, 98.7, 98.75, 98.8, 98.85, 98.9]
# step 2's log (`Epoch 1` ...), 20 epochs: one format more, and more epochs than the budget's
STEP2 = [97.5, 98.4, 98.8, 99.0, 99.1, 99.2, 99.25, 99.3, 99.32, 99.35,
         99.38, 99.40, 99.41, 99.42, 99.43, 99.44, 99.45, 99.46, 99.45, 99.47]

README = """# Session 7

## Model_1

**Target:**
- Get the skeleton right
- Stay under 8k parameters

**Result:**
- Parameters: 7,928
- Best Test Accuracy: 99.12 (13th epoch)
- Best Train Accuracy - 98.90

**Analysis:**
- Test accuracy reached 99% at epoch 7.
- The model is over-fitting.
- Next we add batch norm to speed up the start.

## Model_2

**Target:** 99.4% in the last 3 epochs.

**Result:**
- Parameters: 6.2k
- Best Test Accuracy: 99.47%
- Less than 15 Epochs

**Analysis:**
- Test accuracy stayed above 99.4% in the last 3 epochs.

## Model_3

**Result:**
- Best Test Accuracy: 99.50%
"""

# the planted false claims, and the true ones: (step, words)
FALSE = [(1, "Parameters: 7,928"), (1, "Test accuracy reached 99% at epoch 7"), (1, "The model is over-fitting"),
         (2, "Parameters: 6.2k"), (2, "Less than 15 Epochs")]
TRUE = [(1, "Best Test Accuracy: 99.12 (13th epoch)"), (1, "Best Train Accuracy - 98.90"),
        (2, "Best Test Accuracy: 99.47%"), (2, "Test accuracy stayed above 99.4% in the last 3 epochs")]

MODEL = '''import pathlib
import torch.nn as nn

pathlib.Path("RAN.txt").write_text("a student's code ran")  # reading a hand-in must never run this


class Model_1(nn.Module):
    def __init__(self):
        super().__init__()
        pathlib.Path("RAN-init.txt").write_text("built")
        self.conv1 = nn.Conv2d(1, 8, 3)
        self.pool = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(8, 16, 3)
        self.gap = nn.AdaptiveAvgPool2d(1)
        self.out = nn.Conv2d(16, 10, 1)


if __name__ == "__main__":
    pathlib.Path("RAN-main.txt").write_text("main")
'''


def _notebook(lines: list[str], summary: str | None = None) -> dict:
    cells = [{"cell_type": "code", "source": "from model import Model_1\n", "metadata": {}, "execution_count": 1,
              "outputs": []}]
    if summary:
        cells.append({"cell_type": "code", "source": "summary(model, (1, 28, 28))", "metadata": {},
                      "execution_count": 2, "outputs": [{"output_type": "stream", "name": "stdout", "text": summary}]})
    cells.append({"cell_type": "code", "source": "train()", "metadata": {}, "execution_count": 3,
                  "outputs": [{"output_type": "stream", "name": "stdout", "text": "\n".join(lines) + "\n"}]})
    return {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def write_handin(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "README.md").write_text(README)
    (folder / "model.py").write_text(MODEL)
    log1 = []
    for i, (acc, train) in enumerate(zip(STEP1, TRAIN1, strict=True)):
        log1 += [f"EPOCH: {i}", TQDM.format(loss=0.05, train=train),
                 TEST.format(loss=0.04, right=round(acc * 100), acc=acc), ""]
    summary = "Total params: 7,792\nTrainable params: 7,792\nNon-trainable params: 0\n"
    (folder / "S7_Model_1.ipynb").write_text(json.dumps(_notebook(log1, summary)))
    log2 = []
    for i, acc in enumerate(STEP2, 1):
        log2 += [f"Epoch {i}", f"Train: Loss=0.0400 Batch_id=937 Accuracy={acc - 0.3:.2f}",
                 f"Test set: Average loss: 0.0300, Accuracy: {round(acc * 100)}/10000 ({acc:.2f}%)"]
    (folder / "Model_2.ipynb").write_text(json.dumps(_notebook(log2, "Total params: 6,136\n")))
    return folder


def _verdicts(found: list[dict]) -> dict[tuple[int, str], list]:
    out: dict[tuple[int, str], list] = {}
    for s in found:
        out.setdefault((s["step"], s["sentence"]), []).append(s["verdict"])
    return out


@pytest.fixture(scope="module")
def handin(tmp_path_factory) -> Path:
    return write_handin(tmp_path_factory.mktemp("class") / "alice")


def test_a_hand_in_is_checked_against_its_own_logs_and_none_of_its_code_runs(handin):
    """Every planted false claim is ✗, no true one is ✗, a step with no notebook has no log, the exit is 1, and
    reading the hand-in ran none of its code (its model.py writes files when run)."""
    done = subprocess.run([sys.executable, "-m", "tinydigits", "claims", str(handin), "--json"], capture_output=True,
                          text=True, timeout=120, cwd=handin)
    assert done.returncode == 1, done.stdout + done.stderr
    found = _verdicts(json.loads(done.stdout)["sentences"])
    for step, words in FALSE:
        assert found.get((step, words)) == [False], (step, words, found.get((step, words)))
    for step, words in TRUE:
        assert False not in found.get((step, words), [None]), (step, words, found.get((step, words)))
    assert found[(3, "Best Test Accuracy: 99.50%")] == ["undecided"]
    assert not list(handin.glob("RAN*")), "reading the hand-in ran its code"


def test_epochs_a_log_counts_from_0_are_read_both_ways(handin):
    """"99.12 (13th epoch)": the log's `EPOCH: 12` is the 13th epoch; said either way, the verdict says which."""
    checked = teacher.check(handin)
    best = next(j for j in checked.judged if j.words.startswith("Best Test Accuracy: 99.12"))
    assert best.verdict is True, best.line(short=False)
    plain = teacher.check(handin)  # the same hand-in, read again: the same verdicts
    assert [j.verdict for j in plain.judged] == [j.verdict for j in checked.judged]


def test_a_class_is_one_table_and_an_unreadable_hand_in_is_one_line(handin, tmp_path):
    good = write_handin(tmp_path / "bob")
    (good / "README.md").write_text(README.replace("- Parameters: 7,928\n", "- Parameters: 7,792\n")
                                    .replace("- Parameters: 6.2k\n", "- Parameters: 6.1k\n")
                                    .replace("- Less than 15 Epochs\n", "- 20 epochs\n")
                                    .replace("Test accuracy reached 99% at epoch 7.", "Test accuracy reached 99% at "
                                             "epoch 10.").replace("- The model is over-fitting.\n", ""))
    empty = tmp_path / "carol"
    empty.mkdir()
    done = run_main("claims", str(handin), str(good), str(empty))
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    rows = {line.split(" | ")[0].strip("| "): line for line in done.stdout.splitlines() if line.startswith("| ")}
    assert set(rows) >= {"alice", "bob", "carol"}
    assert "| 5 |" in rows["alice"] and "not read" in rows["carol"]
    assert " | 0 | " in rows["bob"].split("met by")[-1] or "| 0 |" in rows["bob"]
    bob = teacher.check(good)
    assert not bob.false, [j.line() for j in bob.judged if j.verdict is False]
    data = json.loads(run_main("claims", str(handin), str(empty), "--json").stdout)
    assert data[0]["tally"]["false"] == 5 and data[1]["error"]


def test_a_reading_past_the_logs_end_never_clears_a_false_figure_and_a_bars_loss_is_the_printed_train_loss(tmp_path):
    """"99.99 (15th epoch)" in a log counted from 0: read as the log labels it, the 15th is past its end, which leaves
    the sentence unsettled - no reading that holds, so the false best stays ✗. Where the log printed the train loss
    only on its tqdm bars, a "best training loss" is the lowest of the losses the bars end each epoch on: what the
    student saw."""
    folder = write_handin(tmp_path / "carol")
    bars = [e.batch_loss for step in read_handin(folder).steps for e in step.epochs
            if "Best Train Accuracy - 98.90" in step.result]
    lowest = min(b for b in bars if b is not None)
    readme = (folder / "README.md").read_text().replace(
        "- Best Train Accuracy - 98.90\n",
        "- Best Train Accuracy - 98.90\n- Best Test Accuracy: 99.99 (15th epoch)\n- Best Training loss : 0.0133\n"
        f"- Lowest train loss: {lowest:g}\n")
    (folder / "README.md").write_text(readme)
    checked = teacher.check(folder)
    assert checked.error is None, checked.error
    said = {j.words: j.verdict for j in checked.judged}
    assert said["Best Test Accuracy: 99.99 (15th epoch)"] is False
    assert 0.0133 not in bars and said["Best Training loss : 0.0133"] is False
    assert said[f"Lowest train loss: {lowest:g}"] is True


GOAL_README = """# Session 7

**Goal is to create a model with**
- 99.4% validation accuracy with consistency
- Less than 8k Parameters
- Less than 15 Epochs
- You must explain your analysis

## Model_1

**Result:**
- Best Test Accuracy: 99.60

Below is the model summary and its log:
```
Total params: 18,594
{log}
```
"""


def test_a_goal_list_is_ticked_off_against_the_last_log_and_the_assignments_words_are_not(tmp_path):
    """The goal list at a README's head ("Less than 8k Parameters", "Less than 15 Epochs") is what students tick off
    as met: each item judged against the hand-in's last log; an item that speaks to the reader is the assignment's."""
    accs = [99.0 + 0.03 * i for i in range(20)]
    log = "\n".join(f"Epoch {i}\n{TEST.format(loss=0.02, right=round(a * 100), acc=a)}" for i, a in enumerate(accs, 1))
    (tmp_path / "README.md").write_text(GOAL_README.format(log=log))
    checked = teacher.check(tmp_path)
    goals = {j.words: j.verdict for j in checked.judged if j.section == "goals"}
    assert goals == {"99.4% validation accuracy with consistency": True, "Less than 8k Parameters": False,
                     "Less than 15 Epochs": False}, goals
    assert checked.false and checked.budget == "not met"


RF_README = """# Session 7

## Iteration 1

```python
import torch.nn as nn


class Model1(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(1, 8, 3)
        self.c2 = nn.Conv2d(8, 8, 3)
        self.pool = nn.MaxPool2d(2)
        self.c3 = nn.Conv2d(8, 16, 3)
        self.gap = nn.AdaptiveAvgPool2d(1)
        self.out = nn.Conv2d(16, 10, 1)

    def forward(self, x):
        x = self.pool(self.c2(self.c1(x)))
        return self.out(self.gap(self.c3(x))).flatten(1)
```

The architecture with its receptive fields:

    1. Convolution Block 1:
        - Receptive Field: 3x3
    2. Convolution Block 2:
        - Receptive Field: 5x5
    3. Transition Block:
        - Receptive Field: 6x6
    4. Output Block:
        - Receptive Field: {last}x{last}

**Result:**
- Parameters: 2,466
"""


@pytest.mark.parametrize("last, verdict", [(32, False), (None, True)])
def test_a_receptive_field_table_outside_the_parts_is_checked_against_the_code(tmp_path, last, verdict):
    """A step's receptive-field list ("Output Block: Receptive Field: 32x32") beside its code: every field one the
    layers reach, the output's the field at the output - without a log, from the code alone."""
    (tmp_path / "README.md").write_text(RF_README.format(last=last or "{}"))
    step = teacher.read_handin(tmp_path).steps[0]
    text = RF_README.format(last=last if last is not None else step.rf)
    (tmp_path / "README.md").write_text(text)
    checked = teacher.check(tmp_path)
    (listed,) = [j for j in checked.judged if j.section == teacher.RF_LISTED]
    assert listed.verdict is verdict, listed.line(short=False)


def test_epochs_to_reach_the_steps_own_target(tmp_path):
    """"Epochs to reach target: 6" where the step's Target names its own level ("Target accuracy: 98.5%"): the first
    epoch at or above that level, not the budget's."""
    accs = [97.0, 97.8, 98.2, 98.4, 98.6, 98.7]
    log = "\n".join(f"Epoch {i}\n{TEST.format(loss=0.03, right=round(a * 100), acc=a)}" for i, a in enumerate(accs, 1))
    readme = ("# S7\n\n## Model 1\n\n**Target:**\n- Target accuracy: 98.5%\n\n**Results:**\n- Epochs to reach target: {n}\n\n"
              "```\nTotal params: 5,208\n" + log + "\n```\n")
    for n, verdict in ((5, True), (4, False)):
        (tmp_path / "README.md").write_text(readme.replace("{n}", str(n)))
        said = {j.words: j.verdict for j in teacher.check(tmp_path).judged}
        assert said[f"Epochs to reach target: {n}"] is verdict, said


def test_a_rate_said_where_the_log_printed_none_is_not_settled_and_breaks_nothing(tmp_path):
    """"LR 0.01 with StepLR" beside a log that prints no rate: the rate is not settled; the hand-in is read."""
    log = "\n".join(f"Epoch {i}\n{TEST.format(loss=0.03, right=9800 + i, acc=98 + i / 100)}" for i in range(1, 4))
    (tmp_path / "README.md").write_text("# S7\n\n## Model 1\n\n**Analysis:**\n- The LR was 0.01, reduced by StepLR.\n\n"
                                        "```\nTotal params: 5,208\n" + log + "\n```\n")
    checked = teacher.check(tmp_path)
    assert checked.error is None, checked.error
    assert [j.verdict for j in checked.judged] == [None]


def test_a_steps_second_section_is_read_against_its_log(tmp_path):
    """A model described a second time further down ("Detailed Architecture Analysis") is judged against the log of
    the step it names: its parameter count in words ("parameter count", "parameter usage (N)") against the summary
    printed there; "robust against overfitting" is the claim that there is none."""
    log = "\n".join(f"Epoch {i}\n{TEST.format(loss=0.03, right=9800 + i, acc=98 + i / 100)}" for i in range(1, 4))
    (tmp_path / "README.md").write_text(
        "# S7\n\n## Models\n\n### Model 1: Base\n**Results:**\n- Parameters: 6,188\n\n```\nTotal params: 6,188\n" + log +
        "\n```\n\n## Details\n\n### Model 1: Base (again)\n**Key Insights:**\n- Limited parameter count: 7,432\n"
        "- Efficient parameter usage (6,188)\n- Robust against overfitting\n")
    said = {j.words: j.verdict for j in teacher.check(tmp_path).judged}
    assert said["Limited parameter count: 7,432"] is False
    assert said["Efficient parameter usage (6,188)"] is True
    assert said["Robust against overfitting"] is not False


def test_a_closing_section_is_read_of_the_last_log(tmp_path):
    """"## Conclusion" after the steps: its words about the end ("We achieved our target", "Final accuracy of ...")
    are judged against the last log, under their own head; a sentence retelling an earlier step is not."""
    accs = [98.9, 99.2, 99.3, 99.45, 99.38, 99.41]
    log = "\n".join(f"Epoch {i}\n{TEST.format(loss=0.03, right=round(a * 100), acc=a)}" for i, a in enumerate(accs, 1))
    (tmp_path / "README.md").write_text(
        "# S7\n\n## Steps\n\n### Model 1\n\n**Results:**\n- Parameters: 7,208\n\n```\nTotal params: 7,208\n" + log +
        "\n```\n\n## Conclusion\nWe successfully achieved our target.\n- Final accuracy of 99.41% with 7.2k parameters\n"
        "- Starting from a skeleton with ~10k parameters\n")
    checked = teacher.check(tmp_path)
    said = {j.words: (j.section, j.verdict) for j in checked.judged}
    assert said["We successfully achieved our target"] == ("closing", False)  # 99.38 among the last 3
    assert said["Final accuracy of 99.41% with 7.2k parameters"] == ("closing", True)
    assert "Starting from a skeleton with ~10k parameters" not in said
    assert "the hand-in's closing words (against its last log):" in claims_report(checked.judged)
