"""A hand-in read as handed in (README, notebooks with their outputs, model code), never run: every log format the
reader knows, the 0 / 1 epoch base, HTML and Markdown READMEs, the ast reading of the model and the mapping of logs to
steps - on the tiny hand-ins in tests/data/handwritten/."""

from __future__ import annotations

import math
import os
import shutil
from pathlib import Path

import pytest

from tinydigits.errors import TinyDigitsError
from tinydigits.results.handwritten import (
    NO_LOG,
    read_handin,
    read_log,
    read_models,
    read_readme,
    run_files,
    summary_lines,
    to_run,
)
from tinydigits.results.handwritten.printed import terminal_lines

DATA = Path(__file__).resolve().parent / "data" / "handwritten"


def one_log(text: str):
    logs = read_log(text, "t")
    assert len(logs) == 1, logs
    return logs[0]


# ---- printed logs
def test_summary_and_test_lines():
    log = one_log("Total params: 7,928\nTrainable params: 7,928\n"
                  "Test set: Average loss: 0.0456, Accuracy: 9868/10000 (98.68%)\n"
                  "Test set: Accuracy: 99.01%\n")
    assert log.params == 7928
    assert [(e.index, e.label, e.test_acc, e.test_loss) for e in log.epochs] == [(1, None, 98.68, 0.0456),
                                                                                  (2, None, 99.01, None)]
    assert log.epoch_base is None  # nothing numbered the epochs


def test_tqdm_bar_takes_the_epochs_last_state():
    bar = "\r".join(f"Loss={loss} Batch_id={i} Accuracy={acc}: {pct}%|##| {i + 1}/938"
                    for loss, i, acc, pct in ((2.3, 0, 9.5, 0), (0.4, 500, 80.0, 53), (0.1356, 937, 92.10, 100)))
    log = one_log(f"EPOCH: 0\n{bar}\nTest set: Average loss: 0.0456, Accuracy: 9868/10000 (98.68%)\n")
    (epoch,) = log.epochs
    assert (epoch.label, epoch.train_acc, epoch.batch_loss, epoch.train_loss) == (0, 92.10, 0.1356, None)
    assert log.epoch_base == 0


def test_tqdm_frames_on_their_own_lines_are_one_epoch_each_until_the_bar_starts_over():
    frames = ["Loss=0.5 Batch_id=10 Accuracy=50.00:  10%|#| 11/100", "Loss=0.2 Batch_id=99 Accuracy=90.00: 100%|#| 100/100",
              "Loss=0.3 Batch_id=5 Accuracy=85.00:   6%|#| 6/100", "Loss=0.1 Batch_id=99 Accuracy=95.00: 100%|#| 100/100"]
    log = one_log("\n".join(frames))
    assert [e.train_acc for e in log.epochs] == [90.0, 95.0]


def test_train_line_variants():
    log = one_log("Epoch 1\nTrain: Loss=0.1356 Batch_id=937 Accuracy=92.10: 100%|#| 938/938\n"
                  "Test set: Average loss: 0.05, Accuracy: 9800/10000 (98.00%)\n"
                  "Epoch 2\nTrain: Batch Loss=0.0100 Average Loss=0.0500 Accuracy=97.50\n"
                  "Test set: Average loss: 0.04, Accuracy: 9850/10000 (98.50%)\n"
                  "Epoch 3\nTrain set: Average Loss: 0.0300, Accuracy : 98.40%\n"
                  "Test set: Average loss: 0.03, Accuracy: 9900/10000 (99.00%)\n")
    assert log.epoch_base == 1
    assert [(e.label, e.train_acc, e.train_loss, e.batch_loss) for e in log.epochs] == [
        (1, 92.10, None, 0.1356), (2, 97.50, 0.05, 0.01), (3, 98.40, 0.03, None)]


def test_step_lr_gives_each_epoch_the_rate_printed_before_it():
    text = "".join(f"Adjusting learning rate of group 0 to {lr:.4e}.\nEpoch {e}\n"
                   f"Test set: Average loss: 0.05, Accuracy: 98{e}0/10000 (98.{e}0%)\n\n"
                   for e, lr in ((1, 0.01), (2, 0.01), (3, 0.001)))
    log = one_log(text + "Adjusting learning rate of group 0 to 1.0000e-03.\n")  # one more line than epochs
    assert [e.lr for e in log.epochs] == [0.01, 0.01, 0.001]
    assert len(log.epochs) == 3


def test_plateau_cut_applies_from_the_next_epoch_and_is_no_epoch_marker():
    log = one_log("Epoch 1\nTest set: Accuracy: 97.00%\nEpoch 2\nTest set: Accuracy: 97.10%\n"
                  "Epoch 00002: reducing learning rate of group 0 to 5.0000e-03.\nEpoch 3\nTest set: Accuracy: 98.00%\n")
    assert [(e.label, e.lr) for e in log.epochs] == [(1, None), (2, None), (3, 0.005)]


def test_epoch_marker_with_its_rate_and_bare_lr_prints():
    log = one_log("EPOCH : 0 , lr : 0.01\nTest set: Accuracy: 97.00%\nEPOCH : 1 , lr : 0.001\nTest set: Accuracy: 98.00%\n")
    assert [(e.label, e.lr) for e in log.epochs] == [(0, 0.01), (1, 0.001)]
    log = one_log("lr: 0.05\nTest set: Accuracy: 97.00%\nlr: 0.02\nTest set: Accuracy: 98.00%\n")
    assert [e.lr for e in log.epochs] == [0.05, 0.02]


def test_epoch_in_a_tqdm_description():
    log = one_log("\r".join(["Epoch 1: Loss=0.5 Batch_id=3 Accuracy=40.0:  1%|#| 4/469",
                             "Epoch 1: Loss=0.2 Batch_id=468 Accuracy=91.0: 100%|#| 469/469"])
                  + "\nTest set: Accuracy: 96.00%\nEpoch 2: Loss=0.1 Batch_id=468 Accuracy=95.0: 100%|#| 469/469\n")
    assert [(e.label, e.train_acc, e.test_acc) for e in log.epochs] == [(1, 91.0, 96.0), (2, 95.0, None)]


def test_per_class_lines():
    log = one_log("Accuracy of 0 - zero : 100 %\nAccuracy of 1 - one : 99 %\nAccuracy of     7 : 98.5 %\n")
    assert [(c.digit, c.accuracy) for c in log.per_class] == [(0, 100.0), (1, 99.0), (7, 98.5)]


def test_a_count_that_goes_back_starts_another_run():
    logs = read_log("Total params: 1,000\nEPOCH: 0\nTest set: Accuracy: 90.00%\nEPOCH: 1\nTest set: Accuracy: 91.00%\n"
                    "Total params: 2,000\nEPOCH: 0\nTest set: Accuracy: 95.00%\n", "nb")
    assert [(lg.params, len(lg.epochs), lg.source) for lg in logs] == [(1000, 2, "nb"), (2000, 1, "nb (run 2)")]


def test_prose_is_not_a_log():
    assert read_log("We reached 99.4% from epoch 9 (12th epoch).\nBest Test Accuracy: 99.41%\n", "t") == []


def test_terminal_lines_keep_the_last_frame():
    assert terminal_lines("a\rb\rc\nd\r\n") == ["c", "d", ""]


# ---- the model, read with ast
def test_layers_params_and_rf_from_code():
    (model_1, model_2) = read_models((DATA / "html_table" / "model.py").read_text(), "model.py")
    assert model_1.name == "Model_1" and model_1.order == "forward"
    assert [layer.kind for layer in model_1.layers] == ["conv", "activation", "batchnorm", "conv", "activation",
                                                         "maxpool", "conv", "activation", "dropout", "conv", "gap",
                                                         "linear"]
    # 72 + 16 + 1,152 + 2,304 + 2,304 + 170 (a width default and nested Sequentials read)
    assert model_1.params == 6018
    # rf 3, 5, pool 6 (jump 2), 10, stride-2 conv 14 (jump 4), then the 5x5 map's global pool: 14 + 4 * 4
    assert [layer.rf for layer in model_1.layers if layer.kind in ("conv", "maxpool", "gap")] == [3, 5, 6, 10, 14, 30]
    assert model_1.rf == 30
    assert (model_2.params, model_2.rf) == (80 + 16 + 730, 6)


def test_functional_pools_in_forward_take_their_place():
    code = ("class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
            "        self.c1 = nn.Conv2d(1, 8, 3)\n        self.c2 = nn.Conv2d(8, 8, 3)\n"
            "    def forward(self, x):\n        return self.c2(F.max_pool2d(self.c1(x), 2))\n")
    (net,) = read_models(code)
    assert [layer.kind for layer in net.layers] == ["conv", "maxpool", "conv"]
    assert net.rf == 3 + 1 + 2 * 2


def test_what_the_reader_cannot_count_is_said():
    code = ("class Model_3(nn.Module):\n    def __init__(self, n):\n        super().__init__()\n"
            "        self.c1 = nn.Conv2d(1, n, 3)\n        self.block = make_block(8)\n"
            "    def forward(self, x):\n        return self.block(self.c1(x))\n")
    (model,) = read_models(code)
    assert model.params is None
    assert any("make_block" in u for u in model.unsure) and any("not constants" in u for u in model.unsure)


def test_not_python_reads_as_no_model():
    assert read_models("class Model_1(:\n") == []


def test_a_hand_in_whose_code_would_write_files_leaves_none(tmp_path, monkeypatch):
    folder = tmp_path / "handin"
    shutil.copytree(DATA / "html_table", folder)
    monkeypatch.chdir(folder)
    handin = read_handin(folder)
    assert handin.steps[0].model == "Model_1 (model.py)"
    written = {p.name for p in tmp_path.rglob("*")} - {p.name for p in (DATA / "html_table").iterdir()} - {"handin"}
    assert written == set()
    assert not any(Path(name).exists() for name in ("RAN_AT_IMPORT", "RAN_AT_INIT", "RAN_AS_MAIN"))
    assert not any(name.startswith("RAN_") for name in os.listdir(DATA.parents[1].parent))


# ---- READMEs
def test_html_table_readme():
    sections = read_readme((DATA / "html_table" / "README.md").read_text())
    assert [(s.name, s.number, s.row) for s in sections] == [("Model_1.py", 1, None), ("Model_2.py #1", 2, 1),
                                                              ("Model_2.py #2", 2, 2)]
    first = sections[0]
    assert first.target == ["Get the skeleton right", "Stay under 8k parameters"]
    assert first.result == ["Parameters: 7,928", "Best test accuracy: 98.68%"]
    assert first.analysis == ["The model learns.", "It overfits after epoch 2 & needs regularisation."]
    assert sections[1].target == ["Add batch norm"]


def test_markdown_heads_and_lists():
    sections = read_readme((DATA / "markdown" / "README.md").read_text())
    assert [s.name for s in sections] == ["Iteration 1", "Iteration 2", "Iteration 3"]
    one, two, three = sections
    assert one.target == ["Basic skeleton", "A working training loop"]
    assert one.analysis == ["The model works.", "It is too big for the budget."]
    assert (two.target, two.result) == (["Fewer parameters"], ["Not trained yet, see next iteration."])
    assert three.target == ["Reach 99% with batch norm.", "Keep it small."]
    assert three.result == ["Best test accuracy: 99.12%"]


@pytest.mark.parametrize("head,number", [("## Model_1", 1), ("### Model1", 1), ("## Step 2", 2), ("## Step-3", 3),
                                         ("### Iteration 4", 4), ("## Experiment 5", 5), ("# Code 6", 6),
                                         ("## Model_7.py", 7), ("<h2>Step 8</h2>", 8)])
def test_step_heads(head, number):
    (section,) = read_readme(f"# Title\n\n{head}\n\n**Target**: something\n")
    assert section.number == number and section.target == ["something"]


def test_pipe_table_down_the_rows():
    handin = read_handin(DATA / "pipe_table" / "README.txt")
    (step,) = handin.steps
    assert step.target == ["Build the skeleton.", "Keep it under 10k parameters."]
    assert step.analysis == ["It overfits.", "Regularise next."]
    assert [e.test_acc for e in step.epochs] == [98.9, 98.8]


# ---- hand-ins: notebooks, mapping, records
def test_html_table_hand_in_maps_notebooks_by_name():
    handin = read_handin(DATA / "html_table")
    one, two_a, two_b = handin.steps
    assert one.log_source == "Model_1.ipynb" and one.epoch_base == 0
    assert [(e.label, e.index, e.train_acc, e.test_acc, e.lr) for e in one.epochs] == [
        (0, 1, 91.5, 97.5, 0.01), (1, 2, 97.2, 98.42, 0.01), (2, 3, 98.1, 98.68, 0.001)]
    assert (one.params, one.params_from) == (7928, "summary")
    assert "the summary prints 7,928 parameters, Model_1's code counts 6,018" in one.notes
    assert (one.rf, len(one.layers)) == (30, 12)
    assert two_a.log_source == "S7_Model2.ipynb" and two_a.epoch_base == 1
    assert [(e.train_loss, e.lr) for e in two_a.epochs] == [(0.41, None), (0.12, None), (0.08, 0.005)]
    assert (two_a.params, two_a.params_from, two_a.model) == (826, "code", "Model_2 (model.py)")
    assert two_b.epochs == [] and NO_LOG in two_b.notes
    assert handin.unmapped == []


def test_markdown_hand_in_maps_by_figures_and_says_what_is_left():
    handin = read_handin(DATA / "markdown")
    one, two, three = handin.steps
    assert one.log_source == "README (Iteration 1)" and [e.lr for e in one.epochs] == [0.01, 0.01]  # not the code's 0.5
    assert [(e.train_loss, e.train_acc) for e in one.epochs] == [(0.31, 91.0), (0.12, 97.2)]
    assert two.log_source is None and NO_LOG in two.notes
    assert three.log_source == "results.ipynb" and three.best_test == 99.12  # its Result quotes 99.12
    assert handin.unmapped == ["scratch.ipynb (1 epoch, best test 94.00%): matches no step's figures"]


def test_a_notebook_alone_is_one_step():
    handin = read_handin(DATA / "notebook_only" / "Step1.ipynb")
    (step,) = handin.steps
    assert (step.name, step.number) == ("Step1", 1)
    assert step.target == ["Get the skeleton right", "Stay under 8k parameters"]
    assert step.analysis == ["The model is far too small.", "It underfits, so the next step adds capacity."]
    assert [(e.label, e.train_acc, e.test_acc, e.lr) for e in step.epochs] == [(1, 91.25, 96.4, 0.05),
                                                                               (2, 95.5, 97.1, 0.02)]
    assert step.epoch_base == 1
    assert (step.model, step.params, step.params_from) == ("Net (Step1.ipynb)", 72 + 1152 + 32 + 170, "code")
    assert step.rf == 28  # conv 3, conv 5, F.max_pool2d 6 (jump 2), 1x1 conv, the 12x12 map's global pool
    assert [c.accuracy for c in step.per_class][:3] == [99.0, 99.0, 96.0]


def test_to_run_is_the_projects_run_record():
    step = read_handin(DATA / "html_table").steps[0]
    config, metrics = run_files(step)
    assert set(metrics["epochs"][0]) == {"epoch", "train_loss", "train_acc", "test_loss", "test_acc", "lr", "seconds"}
    run = to_run(step)
    assert (run.name, run.params, run.planned_epochs, run.settings.lr) == ("Model_1.py", 7928, 3, 0.01)
    assert run.test() == [97.5, 98.42, 98.68] and run.train() == [91.5, 97.2, 98.1]
    assert math.isnan(run.epochs[0].train_loss) and math.isnan(run.epochs[0].seconds)  # only a batch's loss printed
    assert run.target == "Get the skeleton right Stay under 8k parameters"
    assert run.origin["epoch_base"] == 0 and run.origin["params_from"] == "summary"


def test_summary_lines_say_each_step():
    lines = summary_lines(read_handin(DATA / "markdown"))
    assert lines[1].startswith("Iteration 1: params not given; 2 epochs from README (Iteration 1), counted from 0")
    assert lines[-1].startswith("not mapped: scratch.ipynb")


def test_bad_input_is_one_line(tmp_path):
    with pytest.raises(TinyDigitsError, match="no such file or folder"):
        read_handin(tmp_path / "missing")
    (tmp_path / "x.png").write_bytes(b"\x89PNG")
    with pytest.raises(TinyDigitsError, match="neither a folder"):
        read_handin(tmp_path / "x.png")
    (tmp_path / "broken.ipynb").write_text("{not json")
    with pytest.raises(TinyDigitsError, match="not a readable notebook"):
        read_handin(tmp_path / "broken.ipynb")
    folder = tmp_path / "f"
    folder.mkdir()
    shutil.copy(tmp_path / "broken.ipynb", folder)
    assert read_handin(folder).notes == [f"{folder / 'broken.ipynb'}: not a readable notebook (JSONDecodeError)"]


def test_setext_and_numbered_heads_and_unbulleted_lists():
    handin = read_handin(DATA / "setext" / "README.md")
    one, two = handin.steps  # "Accuracy for Step-1 & Step-2" only mentions steps: no step of its own
    assert (one.name, one.number) == ("Step1 of the changes", 1)
    assert one.analysis == ["It overfits.", "The next step cuts parameters."]
    assert (two.name, two.number) == ("2a) Batch norm", 2)
    assert two.target == ["Add batch norm", "Cut parameters below 8000"]
    assert two.analysis == ["Model is over-fitting", "Test accuracy is below target"]
    assert read_readme((DATA / "setext" / "README.md").read_text())[1].links == ["Step_2a.ipynb"]  # "File = ..."


COMPARISON = """Comparison
----------
<table>
 <thead><tr><th>Experiments</th><th>Model Stats</th><th>Analysis</th></tr></thead>
 <tr><td><a href="m1.ipynb">Model 1: Skeleton</a></td><td><ul><li>Test Acc : 98.66%</li></ul></td><td>Works</td></tr>
 <tr><td>Model 2: BN</td><td><ul><li>Test Acc : 99.28%</li></ul></td><td>Better. Still short.</td></tr>
</table>

Logs
----
```
  0%|          | 0/469 [00:00<?, ?it/s]
  EPOCH: 1
  Batch_id=468 Loss=0.27802 Accuracy=70.19: 100%|##########| 469/469 [00:36<00:00, 12.89it/s]
    0%|          | 0/469 [00:00<?, ?it/s]
  Test set: Average loss: 0.2105, Accuracy: 9654/10000 (96.54%)
  EPOCH: 2
  Batch_id=468 Loss=0.09033 Accuracy=96.38: 100%|##########| 469/469 [00:37<00:00, 12.68it/s]
  Test set: Average loss: 0.0912, Accuracy: 9928/10000 (99.28%)
```
"""


def test_a_comparison_table_names_its_steps_and_its_log_goes_where_the_figures_say(tmp_path):
    (tmp_path / "README.md").write_text(COMPARISON)
    one, two = read_handin(tmp_path).steps
    assert [(s.name, s.number, s.result, s.analysis) for s in (one, two)] == [
        ("Model 1: Skeleton", 1, ["Test Acc : 98.66%"], ["Works"]),
        ("Model 2: BN", 2, ["Test Acc : 99.28%"], ["Better.", "Still short."])]
    assert one.log_source is None and two.log_source == "README"
    assert [(e.label, e.train_acc, e.test_acc) for e in two.epochs] == [(1, 70.19, 96.54), (2, 96.38, 99.28)]


# ---- the five real hand-ins of /work/shared/seeds (README text with pasted logs), where this checkout has them
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
SEEN = {  # seed: [(step, params, epochs, best test)]
    "000": [("Model_1.py #1", None, 0, None)] + [(None, None, 0, None)] * 8,
    "001": [("Iteration 1", 173_866, 0, None), ("Iteration 2", 7_781, 0, None)] + [(None, 7_979, 0, None)] * 4,
    "002": [("Model1", None, 15, 98.80), ("Model2", None, 15, 99.32), ("Model3", 6_136, 15, 99.43)],
    "003": [("", 9_404, 20, 99.52)],
    "004": [("Step-1", None, 0, None), ("Step-2", None, 0, None), ("Step-3", None, 0, None)],
}


@pytest.mark.parametrize("seed", sorted(SEEN))
def test_seed_hand_ins(seed):
    found = sorted(SEEDS.glob(f"{seed}_*.txt"))
    if not found:
        pytest.skip(f"{SEEDS} has no seed {seed}")
    handin = read_handin(found[0])
    assert [(s.name if want[0] is not None else None, s.params, len(s.epochs), s.best_test)
            for s, want in zip(handin.steps, SEEN[seed], strict=True)] == SEEN[seed]
    assert all(s.target or s.result or s.analysis for s in handin.steps) or seed == "003"
    if seed == "000":  # its pasted log (18,594 params, 99.60% best) is no step's: said, not forced onto one
        assert handin.unmapped == ["README (Model_3.py) (20 epochs, best test 99.60%, 18,594 params): "
                                   "matches no step's figures"]
    if seed == "003":
        (step,) = handin.steps
        assert step.epoch_base == 1 and [e.lr for e in step.epochs][5:7] == [0.01, 0.003]
        assert len(step.per_class) == 10


def test_heads_without_a_step_word_that_hold_the_parts_are_steps():
    text = ("# S7\n\n#### Name: Init\n**Target:**\nSet it all up.<br>\n**Results:**\n1. Parameters: 593,200<br>\n"
            "**Analysis:**\n1. Too many parameters.<br>\n\nThe notebook: [Init](./S7_Init.ipynb)\n\n"
            "#### Name: Light\n**Target:**\nFewer parameters.\n\n## Model0 : Structure\n### Target:\n - A structure\n"
            "### Results:\n - Params: 6,379,786\n### Analysis:\n - Fine\n\n# Results\n\nEverything is in the notebooks.\n")
    sections = read_readme(text)
    assert [(s.name, s.number) for s in sections] == [("Name: Init", None), ("Name: Light", None),
                                                      ("Model0 : Structure", 0)]
    init, _, zero = sections
    assert (init.target, init.result, init.analysis) == (["Set it all up."], ["Parameters: 593,200"],
                                                         ["Too many parameters."])
    assert init.links == ["./S7_Init.ipynb"]
    assert (zero.target, zero.result, zero.analysis) == (["A structure"], ["Params: 6,379,786"], ["Fine"])


def test_a_readme_without_step_heads_beside_notebooks_with_their_own_parts():
    handin = read_handin(DATA / "per_notebook")
    one, two = handin.steps
    assert [(s.name, s.target, s.result, s.log_source) for s in (one, two)] == [
        ("train_1", ["step 1's aim"], ["test accuracy: 98.25"], "train_1.ipynb"),
        ("train_2", ["step 2's aim"], ["test accuracy: 99.05"], "train_2.ipynb")]
    # `from model import Model_2 as Model; Model()` builds Model_2
    assert [(s.model, s.params, s.rf) for s in (one, two)] == [("Model_1 (model.py)", 100, 3),
                                                               ("Model_2 (model.py)", 250, 5)]
    assert handin.notes == ["README.md has no step heads: its own Target / Result / Analysis left aside, each notebook "
                            "a step"]


def test_epoch_summaries_after_the_test_line_stay_in_their_epoch():
    log = one_log("Epoch 1\n=====\nTraining:   0%|          | 0/469 [00:00<?, ?it/s]\n"
                  "Test set: Average loss: 0.2833, Accuracy: 9471/10000 (94.71%)\n\n"
                  "Training - Loss: 1.1663, Accuracy: 63.98%\nTesting  - Loss: 0.2833, Accuracy: 94.71%\n\n"
                  "Epoch 2\n=====\nTest set: Average loss: 0.1771, Accuracy: 9543/10000 (95.43%)\n\n"
                  "Training - Loss: 0.1853, Accuracy: 95.95%\nTesting  - Loss: 0.1771, Accuracy: 95.43%\n")
    assert [(e.label, e.train_loss, e.train_acc, e.test_loss, e.test_acc) for e in log.epochs] == [
        (1, 1.1663, 63.98, 0.2833, 94.71), (2, 0.1853, 95.95, 0.1771, 95.43)]
    assert all(e.batch_loss is None for e in log.epochs)  # a loss on a line of its own is the epoch's


def test_a_wide_comparison_table_and_a_step_linking_several_notebooks():
    handin = read_handin(DATA / "comparison")
    bigger, skeleton, three = handin.steps
    assert (bigger.name, bigger.result, bigger.analysis) == ("Bigger model", ["Parameters: 7.9k", "Best Test Acc: 99.05"],
                                                             ["Better."])
    assert (bigger.log_source, skeleton.log_source) == ("c2.ipynb", "c1.ipynb")  # each row's own link
    # "c3.ipynb and c4.ipynb": the one whose best (99.50) its Result quotes ("99.5%"), the other said as left over
    assert three.log_source == "c4.ipynb" and three.epoch_base == 0
    assert handin.unmapped == ["c3.ipynb (2 epochs, best test 99.31%): matches no step's figures"]


def test_a_summary_sub_head_belongs_to_its_step_and_its_params_find_the_run():
    handin = read_handin(DATA / "summary_heads")
    one, two = handin.steps  # "#### Model1 Summary" is part of "### class Model1()", not a step
    assert [(s.name, s.params, s.params_from, s.log_source, s.best_test) for s in (one, two)] == [
        ("class Model1()", 1234, "summary", "S7.ipynb", 98.5),
        ("class Model2()", 2345, "summary", "S7.ipynb (run 2)", 99.2)]
    assert handin.unmapped == []


def test_a_second_run_keeps_the_rate_its_scheduler_printed_first():
    run = "".join(f"Adjusting learning rate of group 0 to {lr:.4e}.\nEpoch {e}\nTest set: Accuracy: 9{e}.00%\n"
                  for e, lr in ((1, 0.1), (2, 0.1)))
    first, second = read_log(run + "Adjusting learning rate of group 0 to 1.0000e-02.\n" + run, "nb")
    assert [e.lr for e in first.epochs] == [e.lr for e in second.epochs] == [0.1, 0.1]


def test_texts_from_a_model_files_blocks_where_the_readme_has_none():
    one, two, three = read_handin(DATA / "docstrings").steps
    assert (one.target, one.result, one.analysis) == (["A skeleton that trains"], ["Parameters: 90"], ["Far too small"])
    assert "Target / Result / Analysis from Model_1's docstring" in one.notes
    assert (two.target, two.result, two.analysis) == ([], [], [])  # none anywhere: said as empty, never made up
    assert (three.target, three.result, three.analysis) == (["a wider kernel."], ["250 parameters."], ["It sees more."])
    assert "Target / Result / Analysis from step_3.py" in three.notes
    assert [(s.model, s.params, s.params_from) for s in (one, two, three)] == [
        ("Model_1 (models.py)", 90, "code"), ("Model_2 (models.py)", 100, "code"), ("Model_3 (step_3.py)", 250, "code")]


def test_layer_order_is_said_where_forward_does_not_give_it():
    code = ("class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
            "        self.c1 = nn.Conv2d(1, 8, 3)\n        self.spare = nn.Conv2d(8, 8, 3)\n"
            "    def forward(self, x):\n{}\n")
    (chain,) = read_models(code.format("        return self.c1(x)"))
    assert chain.order == "forward" and chain.rf == 3 and chain.params == 80 + 584
    assert chain.unsure[-1].startswith("forward never calls spare")
    (loop,) = read_models(code.format("        for b in [self.c1, self.spare]:\n            x = b(x)\n        return x"))
    assert loop.order == "__init__" and loop.rf == 5
    assert "forward is no plain chain of self.x(...) calls: layers and rf in __init__'s order" in loop.unsure


def test_a_targets_threshold_is_no_figure_to_match_a_log_by(tmp_path):
    (tmp_path / "README.md").write_text("## Step 1\n**Target:** reach 99.4%\n**Result:** close\n\n"
                                        "## Step 2\n**Target:** reach 99.4%\n**Result:** best 99.5%\n")
    nb = {"cells": [{"cell_type": "code", "source": "fit()", "metadata": {}, "execution_count": 1, "outputs": [
        {"output_type": "stream", "name": "stdout", "text": "Test set: Accuracy: 99.41%\nTest set: Accuracy: 99.50%\n"}]}],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (tmp_path / "run.ipynb").write_text(__import__("json").dumps(nb))
    one, two = read_handin(tmp_path).steps
    assert one.log_source is None and two.log_source == "run.ipynb"  # "99.5" is 99.50's; "99.4" an aim


def test_an_epoch_cut_short_is_no_epoch():
    """A bar stopped before 100 % with no test line after it (a cell interrupted) adds no epoch: its running train
    accuracy is no epoch's figure."""
    done = "Loss=2.30 Batch_id=468 Accuracy={acc}: 100%|##| 469/469 [00:16<00:00]"
    log = one_log("\n".join([
        "EPOCH: 0", done.format(acc="10.80"), "Test set: Average loss: 2.3010, Accuracy: 1135/10000 (11.35%)",
        "EPOCH: 1", done.format(acc="11.24"), "Test set: Average loss: 2.3012, Accuracy: 1135/10000 (11.35%)",
        "EPOCH: 2", "Loss=2.30 Batch_id=339 Accuracy=11.27:  72%|#  | 340/469 [00:13<00:05]"]))
    assert [e.train_acc for e in log.epochs] == [10.80, 11.24] and log.best_train == 11.24


def test_a_table_with_a_description_column_newest_first(tmp_path):
    """A comparison table with a group column ("MODULE 1" over its experiments), an experiment column and a
    description column, its newest model first: one step a row, the description its Analysis, in the models' order
    (so that "the last model" is the one numbered before)."""
    (tmp_path / "README.md").write_text(
        "# Session 7\n\n| Module | Experiments | Parameters | Best Test Acc | Description |\n|:-:|:-:|:-:|:-:|:-:|\n"
        "| MODULE 2 | [Model_2](Model_2.ipynb) | 7,964 | 99.29% | Dropout made it stable. |\n"
        "|  | [Model_1](Model_1.ipynb) | 7,964 | 99.25% | The base architecture. |\n")
    one, two = read_handin(tmp_path).steps
    assert [(s.number, s.result, s.analysis) for s in (one, two)] == [
        (1, ["Parameters: 7,964", "Best Test Acc: 99.25%"], ["The base architecture."]),
        (2, ["Parameters: 7,964", "Best Test Acc: 99.29%"], ["Dropout made it stable."])]


def test_heads_that_stand_for_a_part(tmp_path):
    """"Objective" is a step's Target; "Key Insights", "Observations", "Conclusion" hold what its Analysis would."""
    (tmp_path / "README.md").write_text("# S7\n\n## Model 1\n\n**Objective:**\n- Get the skeleton right\n\n"
                                        "**Results:**\n- Parameters: 1,674\n\n**Key Insights:**\n- GAP removed the dense "
                                        "layers\n\n### Observations\n- Test is above train\n")
    (step,) = read_handin(tmp_path).steps
    assert (step.target, step.result, step.analysis) == (["Get the skeleton right"], ["Parameters: 1,674"],
                                                         ["GAP removed the dense layers", "Test is above train"])


def test_a_step_described_twice_is_one_step_and_a_comma_splice_is_two_sentences(tmp_path):
    """"### Model 1" under "Model Evolution" and again under "Detailed Architecture Analysis": one step, the second
    section's "Key Insights" / "Evolution Highlights" its Analysis too (read against that step's log, not left
    without one). A bullet whose sentences a comma joins ("..., This is where we meet our goal") is read as two."""
    (tmp_path / "README.md").write_text(
        "# S7\n\n## Model Evolution\n\n### Model 1: Foundation\n**Results:**\n- Parameters: 1,674\n\n"
        "### Model 2: Enhanced\n**Results:**\n- Parameters: 5,208\n\n## Detailed Architecture Analysis\n\n"
        "### Model 1: Foundation (Basic CNN)\n**Key Insights:**\n- Limited parameter count: 7,432\n\n"
        "### Model 2: Enhanced (Structured CNN)\n**Evolution Highlights:**\n"
        "- StepLR seems to work better for accuracy here, This is where we meet our goal of 99.4% consistently\n")
    one, two = read_handin(tmp_path).steps
    assert (one.number, one.result, one.analysis) == (1, ["Parameters: 1,674"], ["Limited parameter count: 7,432"])
    assert (two.number, two.analysis) == (2, ["StepLR seems to work better for accuracy here",
                                              "This is where we meet our goal of 99.4% consistently"])


def test_a_summary_table_above_the_steps_and_bold_heads_with_a_period_are_read():
    """"**Target.** text" heads a part as "**Target:**" does, and a summary table above the step sections ("| Model |
    Params | Best Test |", a row a model) gives each step's Result its row, said with the column heads."""
    text = ("# Three steps\n\n| Model | Params | Best Test | Epochs |\n|---|---|---|---|\n"
            "| Model_1 (plain) | 6,720 | 98.00 | 5 |\n| Model_2 (BN) | 7,578 | 99.41 | 15 |\n\n"
            "## Model_1\n\n**Target.** A working skeleton.\n\n**Results.**\n- Parameters: 6,720\n\n"
            "**Analysis.** It learns.\n\n## Model_2\n\n**Target.** Batch norm.\n\n**Analysis.** Faster.\n")
    first, second = read_readme(text)
    assert (first.number, first.target, first.analysis) == (1, ["A working skeleton."], ["It learns."])
    assert first.result == ["Params: 6,720 | Best Test: 98.00 | Epochs: 5", "Parameters: 6,720"]
    assert (second.number, second.result) == (2, ["Params: 7,578 | Best Test: 99.41 | Epochs: 15"])
