"""A step's facts are counted once: every sentence of a hand-in about a step reads the same ones."""

from __future__ import annotations

from pathlib import Path

SAVED = Path(__file__).parent / "data" / "byte_identical"


def test_a_steps_facts_are_counted_once(monkeypatch, tmp_path, capsys):
    """A hand-in asks for a step's facts from every sentence; they are counted on the first ask and held on the step."""
    from tinydigits.cli import main
    from tinydigits.results.steps import known

    counted = []
    count = known._count_facts
    monkeypatch.setattr(known, "_count_facts", lambda step: counted.append(step.name) or count(step))
    monkeypatch.chdir(tmp_path)
    folders = [SAVED / "model1-20261126T033643Z-s0", SAVED / "model2-20261126T040000Z-s0",
               SAVED / "check-model3b-20261126T050000Z"]
    assert main(["report", *map(str, folders), "--steps", "--out", "three"]) == 0
    assert sorted(counted) == ["model1", "model2", "model3b"]
