"""The walkthrough notebook runs top to bottom (with a tiny epoch budget)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

from helpers import longest_tool_sentence  # noqa: E402
from tinydigits.results import handin  # noqa: E402

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "walkthrough.ipynb"


def test_walkthrough_runs_top_to_bottom(mnist_dir, tmp_path, monkeypatch):
    """A student's three classes in cells, step 3 checked over seeds, the hand-in written and shown: run by a real
    Jupyter kernel on a tiny budget; the hand-in folder has its README, pictures, three steps and the check's odds."""
    monkeypatch.setenv("TINYDIGITS_DATA_DIR", str(mnist_dir))
    monkeypatch.setenv("WALKTHROUGH_EPOCHS", "1")
    monkeypatch.setenv("WALKTHROUGH_TRAIN_LIMIT", "1000")
    monkeypatch.setenv("WALKTHROUGH_SEEDS", "0,1")
    monkeypatch.setenv("WALKTHROUGH_OUT", str(tmp_path / "runs"))
    monkeypatch.setenv("JPY_SESSION_NAME", str(NOTEBOOK))  # as Jupyter's server names a kernel's notebook
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = "".join(str(o) for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", []))
    assert "VERDICT" in outputs and "image/png" in outputs and "text/markdown" in outputs and "\r" not in outputs
    assert outputs.count("seed 1: epoch  1/1") == 1  # a check's per-epoch lines in the cell
    folders = sorted(p.name.split("-")[0] for p in (tmp_path / "runs").iterdir())
    assert folders == ["Model_1", "Model_2", "check"]
    readme = (tmp_path / "handin" / "README.md").read_text()
    assert readme.count("## Step") == 3 and readme.count("**Checked against the records:**") == 3
    plain = "".join(o.get("data", {}).get("text/plain", "") for cell in nb.cells if cell.cell_type == "code"
                    for o in cell.get("outputs", []))
    assert '✗ "The scheduler cut the rate at epoch 6, and step 1 over-fits"' in plain  # a false claim caught
    assert handin.reading_words(readme) <= 1500 and longest_tool_sentence(readme) <= 40
    readme += (tmp_path / "handin" / "evidence.md").read_text()
    assert "Over seeds (`check`, " in readme and "of 2 seeds held" in readme
    assert all((tmp_path / "handin" / name).is_file() for name in ("steps.png", "step1-curves.png", "step3-check.png"))
    assert "| schedule | step (the rate x0.1 every 6 epochs): " in readme  # the student's own StepLR, by its settings
    assert "[walkthrough.ipynb](walkthrough.ipynb)" in readme and (tmp_path / "handin" / "walkthrough.ipynb").is_file()
    shown = "".join(o["data"]["text/markdown"] for cell in nb.cells if cell.cell_type == "code"
                    for o in cell.get("outputs", []) if "text/markdown" in o.get("data", {}))
    local = [link for link in re.findall(r"\]\(([^)]+)\)", shown) if ":" not in link and not link.startswith("#")]
    # every link resolves from the notebook's folder
    assert len(local) > 10 and all((tmp_path / link.split("#")[0]).is_file() for link in local), local
    alone = tmp_path / "alone"  # step 2's cell uses step 1's `block` and `nn`: its file runs in an empty folder
    alone.mkdir()
    shutil.copy(tmp_path / "handin" / "step2-code.py", alone)
    proc = subprocess.run([sys.executable, "-I", "step2-code.py"], cwd=alone, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "Model_2: " in proc.stdout, proc.stderr


def test_walkthrough_uses_only_the_public_api():
    """A notebook user never needs a module path: `import tinydigits` / `from tinydigits import ...` only."""
    import re

    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "code")
    assert "import tinydigits" in code
    assert not re.findall(r"(?:from|import)\s+tinydigits\.\w+", code)
    used = set(re.findall(r"tinydigits\.(\w+)", code))
    import tinydigits

    assert used and all(hasattr(tinydigits, name) for name in used), used


def _committed_outputs(cell) -> str:
    return "".join(o.get("text", "") + "".join(str(v) for v in o.get("data", {}).values()) for o in cell.get("outputs", []))


def test_the_committed_walkthrough_shows_every_cells_output():
    """The walkthrough as committed (executed at full size by scripts/execute_walkthrough.py): every code cell has an
    output, the steps picture is embedded, the claims cell shows its ✗ line, and the hand-in shown is
    notebooks/handin/README.md but for its links (made relative to the notebook's folder)."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert all(cell.get("outputs") for cell in code), [cell.source[:40] for cell in code if not cell.get("outputs")]
    assert any("image/png" in o.get("data", {}) for cell in code for o in cell.outputs)
    claims = next(cell for cell in code if "step1.claims(" in cell.source)
    assert "\u2717 " in _committed_outputs(claims)
    shown = [o["data"]["text/markdown"] for cell in code for o in cell.outputs if "text/markdown" in o.get("data", {})]
    readme = (NOTEBOOK.parent / "handin" / "README.md").read_text()
    assert re.sub(r"\]\(handin/", "](", shown[-1]) == readme
    assert "<!-- executed -->executed top to bottom in " in nb.cells[0].source


def test_the_committed_walkthroughs_curves_are_its_hand_ins_records():
    """Each epoch line the walkthrough printed is its hand-in's record of that epoch (step 1 and 2's test accuracy,
    step 3's seeds), so the notebook and notebooks/handin come from the same runs."""
    import json

    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    handin_dir = NOTEBOOK.parent / "handin"
    for n, marker in ((1, "class Model_1"), (2, "class Model_2")):
        printed = re.findall(r"epoch\s+\d+/\d+ .*?test loss [\d.]+ acc ([\d.]+)%",
                             _committed_outputs(next(c for c in code if marker in c.source)))
        recorded = [f"{e['test_acc']:.2f}" for e in json.loads((handin_dir / f"step{n}-metrics.json").read_text())["epochs"]]
        assert printed == recorded, (n, printed, recorded)
    seeds = json.loads((handin_dir / "step3-check.json").read_text())["seeds"]
    printed3 = _committed_outputs(next(c for c in code if "class Model_3" in c.source))
    for seed, rec in seeds.items():
        got = re.findall(rf"seed {seed}: epoch\s+\d+/\d+\s+(?:train [\d.]+%\s+)?test ([\d.]+)%", printed3)
        assert got == [f"{a:.2f}" for a in rec["test_acc"]], (seed, got)
