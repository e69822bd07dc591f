"""Hand-ins and check pages stay byte-identical for the same run folders: a refactor of how a verdict is held or said
changes no byte a user committed. Saved inputs (tests/data/byte_identical: two run folders and two check folders of
fabricated 15-epoch curves, JSON and CSV only) and verdicts made to order are written again - check.json, check.md,
the terminal's verdict, check.png's title, the runs compared, a run's verdict, the hand-in's README.md - and compared
with the copies in tests/data/byte_identical/golden, written by the code before the change.

`TINYDIGITS_WRITE_GOLDEN=1` writes the copies instead (only where a page is meant to change, in a commit of its own).
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from tinydigits import files
from tinydigits.constants import Budget
from tinydigits.results import records
from tinydigits.results.budget import format_verdict, judge, reason
from tinydigits.results.check_picture import title
from tinydigits.results.ledger import describe_arithmetic
from tinydigits.verdict.check_report import write_check

DATA = Path(__file__).parent / "data" / "byte_identical"
GOLDEN = DATA / "golden"
WRITE = os.environ.get("TINYDIGITS_WRITE_GOLDEN") == "1"
RUN1, RUN2 = DATA / "model1-20261126T033643Z-s0", DATA / "model2-20261126T040000Z-s0"
CHECK, INCOMPLETE = DATA / "check-model3b-20261126T050000Z", DATA / "check-model3b-20261126T060000Z"


def same(name: str, text: str) -> None:
    """`text` is the golden copy `name`, byte for byte (or becomes it, with TINYDIGITS_WRITE_GOLDEN=1)."""
    path = GOLDEN / name
    if WRITE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode())
    assert text.encode() == path.read_bytes(), f"{name} differs from its golden copy"


def _curve(rng: random.Random, top: float, epochs: int = 15) -> list[float]:
    return [round(top - 3.0 * 0.55 ** e + rng.uniform(-0.05, 0.05), 2) for e in range(epochs)]


def _cases() -> dict[str, tuple]:
    """name -> (curves, params, epochs, budget, errors, missing, arithmetic): every shape a check's verdict takes."""
    rng, b = random.Random(1), Budget()
    five = {s: _curve(rng, 99.55) for s in range(5)}
    portable = {"fp32, AVX2 kernels (portable2), 1 thread": [0, 1, 2, 3, 4]}
    return {
        "pass": (five, 7568, 15, b, None, None, portable),
        "mixed": ({s: _curve(rng, 99.43) for s in range(6)}, 7568, 15, b, None, None,
                  {"fp32, AVX2 kernels (portable2), 1 thread": [0, 1, 2], "fp32, AVX512 kernels, 1 thread": [3, 4, 5]}),
        "two-seeds": ({0: five[0], 1: five[1]}, 7568, 15, b, None, None, {}),
        "raised-and-not-run": ({0: five[0], 1: five[1], 2: five[2], 3: five[3][:9], 4: []}, 7568, 15, b,
                               {3: "RuntimeError: out of memory", 4: "ValueError: bad batch"}, {5: "no worker could take it"},
                               portable),
        "same-minima": ({s: [98.0] * 12 + [99.5] * 3 for s in range(4)}, 7568, 15, b, None, None, portable),
        "short": ({0: [97.5, 98.25], 1: [97.75, 98.5]}, 7568, 2, b, None, None, portable),
        "over-budget": (five, 8120, 16, Budget(min_acc=99.5), None, None, portable),
    }


def verdict_of(curves, params, epochs, budget, errors, missing, arithmetic, wall: float) -> records.Verdict:
    """A check's verdict as `tinydigits check` completes it."""
    verdict = judge(curves, params, epochs, budget, errors, missing)
    verdict.arithmetic, verdict.wall_seconds = arithmetic, wall
    return verdict


def check_pages(verdict: records.Verdict, budget: Budget, name: str, folder: Path, command: str) -> dict[str, str]:
    """What a check writes and prints of its verdict: check.json, check.md, the terminal's table, check.png's title."""
    verdict.command = command
    write_check(verdict, budget, name, folder)
    return {"check.json": (folder / "check.json").read_text(), "check.md": (folder / "check.md").read_text(),
            "terminal.txt": format_verdict(verdict, budget) + "\n", "title.txt": title(verdict, name) + "\n"}


@pytest.mark.parametrize("case", list(_cases()))
def test_a_check_page_is_the_same_for_the_same_verdict(case, tmp_path):
    curves, params, epochs, budget, errors, missing, arithmetic = _cases()[case]
    verdict = verdict_of(curves, params, epochs, budget, errors, missing, arithmetic, 61.4)
    for page, text in check_pages(verdict, budget, "model3b", tmp_path, f"tinydigits check --model model3b ({case})").items():
        same(f"checks/{case}/{page}", text)


def _saved_check(folder: Path, errors=None, missing=None, extra=None):
    """A saved check folder's verdict judged again from its seeds' run folders, as `tinydigits check` judged it."""
    plan = records.CheckPlan.load(folder)
    runs = [records.Run.load(meta.parent) for meta in sorted(folder.glob("*/config.json"))]
    curves = {run.seed: run.test() for run in runs} | (extra or {})
    kinds: dict[str, list[int]] = {}
    for run in runs:
        kinds.setdefault(describe_arithmetic(run, cpu=not run.settings.portable), []).append(run.seed)
    return plan, verdict_of(curves, runs[0].params, plan.settings.epochs, plan.budget, errors, missing, kinds, 665.2)


INCOMPLETE_SEEDS = ({3: "RuntimeError: out of memory"}, {4: "no worker could take it"})


def test_a_saved_checks_json_and_page_are_written_again_the_same(tmp_path):
    for folder, (errors, missing) in ((CHECK, (None, None)), (INCOMPLETE, INCOMPLETE_SEEDS)):
        extra = {3: records.Run.load(next(CHECK.glob("*-s0"))).test()[:9]} if errors else None
        plan, verdict = _saved_check(folder, errors, missing, extra)
        (tmp_path / folder.name).mkdir()
        pages = check_pages(verdict, plan.budget, "model3b", tmp_path / folder.name, plan.command)
        if WRITE:
            files.write_text(folder / "check.json", pages["check.json"])
        assert pages["check.json"].encode() == (folder / "check.json").read_bytes()
        for page in ("check.md", "terminal.txt", "title.txt"):
            same(f"saved/{folder.name}/{page}", pages[page])


def test_runs_compared_and_judged_are_the_same():
    import tinydigits
    from tinydigits.results.budget import run_verdict
    from tinydigits.results.report import compare

    same("saved/compare.md", compare([RUN1, RUN2]))
    for run_dir in (RUN1, RUN2):
        run = records.Run.load(run_dir)
        text = tinydigits.judge(run_dir) + "\n" + reason(run_verdict(run), run.budget, run.test())
        same(f"saved/{run_dir.name}/judged.txt", text + "\n")


def test_a_hand_in_is_the_same_for_the_same_folders(tmp_path, monkeypatch, capsys):
    from tinydigits.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["report", str(RUN1), str(RUN2), str(CHECK), "--steps", "--out", "three"]) == 0
    assert main(["report", str(INCOMPLETE), "--steps", "--out", "incomplete"]) == 0
    same("handin/three/README.md", (tmp_path / "three" / "README.md").read_text())
    same("handin/incomplete/README.md", (tmp_path / "incomplete" / "README.md").read_text())
