"""The public hand-ins' validity labels: well-formed rows, and (where the working copies are there) the labels the
notebooks give. The hand-ins' own files are not in the project; scripts/fetch_public_handins.py makes the copies."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "data" / "handwritten-validity" / "labels.jsonl"
SCRIPT = ROOT / "scripts" / "label_public_handins.py"
KINDS = {"true", "false", "unsettled", "no-log", "plan", "aim"}
FIELDS = {"id", "repo", "commit", "readme", "notebooks", "step", "section", "sentence", "atoms", "label", "why"}


def rows() -> list[dict]:
    with LABELS.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def test_every_row_cites_its_hand_in_and_has_a_known_label():
    got = rows()
    assert len(got) >= 300 and len({r["repo"] for r in got}) >= 10
    assert len({r["id"] for r in got}) == len(got)
    for r in got:
        assert set(r) == FIELDS, r["id"]
        assert r["label"] in KINDS, r["id"]
        assert re.fullmatch(r"[\w.-]+/[\w.-]+", r["repo"]) and re.fullmatch(r"[0-9a-f]{40}", r["commit"]), r["id"]
        assert r["notebooks"] and all(nb.endswith(".ipynb") for nb in r["notebooks"]), r["id"]
        assert r["why"], r["id"]
        if r["label"] in {"true", "false"}:
            assert r["atoms"] and not any(a["q"] == "unread" for a in r["atoms"] if r["label"] == "true"), r["id"]


def test_the_labeller_reads_notebooks_only():
    text = SCRIPT.read_text(encoding="utf-8")
    assert not re.search(r"^\s*(from|import)\s+tinydigits", text, flags=re.M)


@pytest.mark.skipif(not (Path(os.environ.get("PUBLIC_HANDINS", ROOT.parent / "public-handins"))).is_dir(),
                    reason="no working copies of the public hand-ins (scripts/fetch_public_handins.py DEST)")
def test_the_stored_labels_are_what_the_notebooks_give():
    src = os.environ.get("PUBLIC_HANDINS", str(ROOT.parent / "public-handins"))
    done = subprocess.run([sys.executable, str(SCRIPT), "--src", src, "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
