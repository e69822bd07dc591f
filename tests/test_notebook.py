"""The walkthrough notebook runs top to bottom (with a tiny epoch budget)."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "walkthrough.ipynb"


def test_walkthrough_runs_top_to_bottom(mnist_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("TINYDIGITS_DATA_DIR", str(mnist_dir))
    monkeypatch.setenv("WALKTHROUGH_EPOCHS", "1")
    monkeypatch.setenv("WALKTHROUGH_TRAIN_LIMIT", "2000")
    monkeypatch.setenv("WALKTHROUGH_OUT", str(tmp_path / "runs"))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = "".join(str(o) for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", []))
    assert "model3" in outputs and "VERDICT" in outputs and "image/png" in outputs
    assert outputs.count("VERDICT") == 2  # the three steps' check, and the inline model's
    folders = list((tmp_path / "runs").iterdir())
    names = sorted(p.name.split("-")[0] for p in folders if not p.name.startswith("check-"))
    assert names == ["model1", "model2", "model3"]
    (check,) = [p for p in folders if p.name.startswith("check-")]  # tinydigits.check wrote its page and picture
    assert (check / "check.md").exists() and [p.name.split("-")[0] for p in check.glob("*-s0")] == ["MyNet"]


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
