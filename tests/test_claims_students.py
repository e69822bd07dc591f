"""Two students' hand-ins of a new class, written over the corpus's alpha and beta records by a helper that never saw
the checker: each with 12 planted false claims (tests/data/claims/students/planted.json), and each again with every
planted claim made true. The issue's acceptance in small: the planted claims marked ✗ (a credit to one change among
several may be not settled), no true sentence ✗, the corrected hand-in exiting 0."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tinydigits.results import claims as folder_claims

CORPUS = Path(__file__).parent / "data" / "claims"
STUDENTS = CORPUS / "students"
PLANTED = json.loads((STUDENTS / "planted.json").read_text())


def _judged(tmp_path: Path, handin: str, version: str) -> list:
    """The hand-in's README (`version`: planted or fixed) beside its records, every sentence judged."""
    folder = tmp_path / f"{handin}-{version}"
    shutil.copytree(CORPUS / "handins" / handin, folder, ignore=shutil.ignore_patterns("README.md", "evidence.md", "*.png"))
    shutil.copy(STUDENTS / f"{handin}-{version}.md", folder / "README.md")
    return folder_claims.check_folder(folder)


@pytest.mark.parametrize("handin", ["alpha", "beta"])
def test_the_planted_false_claims_are_marked(tmp_path, handin):
    judged = _judged(tmp_path, handin, "planted")
    verdicts = {p: [j.verdict for j in judged if p[:60] in j.words or j.words[:60] in p] for p in PLANTED[handin]}
    assert all(verdicts.values()), [p for p, v in verdicts.items() if not v]  # each planted sentence found
    marked = [p for p, v in verdicts.items() if False in v]
    assert len(marked) >= 11, [p for p in verdicts if p not in marked]
    assert not [p for p, v in verdicts.items() if v and all(x is True for x in v)]  # none ✓


def test_the_corrected_hand_in_has_no_false_mark(tmp_path):
    """alpha's corrected copy: no ✗ at all; beta's: one, "val" read as test accuracy where step 3 kept a real
    validation split (the checker does not read a validation curve yet)."""
    assert [j.words for j in _judged(tmp_path, "alpha", "fixed") if j.verdict is False] == []
    beta = [j.words for j in _judged(tmp_path, "beta", "fixed") if j.verdict is False]
    assert len(beta) <= 1 and all("val fell" in w for w in beta), beta
