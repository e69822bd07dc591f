"""The claims checker's validity on a labelled corpus, as statcheck's validity study measures its tool: each row of
tests/data/claims/<part>.jsonl is a sentence of a hand-in's step with its label (decided from the records by
scripts/label_claims.py, which never calls the checker); the checker judges the sentence, and this script counts.

    python scripts/claims_validity.py                 # the development part: figures and every miss, to read
    python scripts/claims_validity.py --part held     # the held-out part: figures only (its sentences stay unread)
    python scripts/claims_validity.py --part held --json docs/claims-validity.json

Sensitivity: false sentences marked ✗. Specificity: true sentences not marked ✗. Coverage: checkable sentences
(labelled true or false) that get a mark of their own (✓, ✗ or ◐ partly checked). Plans must be →, never judged;
sentences the records cannot settle must not be ✓ or ✗; a Target's aim is met / not met / not decidable.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tinydigits.results.claims import read_handin_step
from tinydigits.results.steps.claims import AIM_MET, AIM_NOT_MET, AIM_UNDECIDED, PARTLY, PLAN, judge

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "claims"
# the development parts, dev.jsonl then dev2.jsonl, dev3.jsonl, ... in their order
DEV_PARTS = sorted((p.stem for p in CORPUS.glob("dev*.jsonl")), key=lambda name: int(name[3:] or 1))
AIMS = {"aim-met": AIM_MET, "aim-not-met": AIM_NOT_MET, "aim-undecidable": AIM_UNDECIDED}


def steps_of(folder: Path) -> dict:
    """Every step a hand-in folder holds records for, read in order (each with the one before it)."""
    out: dict = {}
    n = 1
    while (folder / f"step{n}-config.json").is_file():
        out[n] = read_handin_step(folder, n, out.get(n - 1))
        n += 1
    return out


def verdict_of(row: dict, steps: dict) -> object:
    """The checker's verdict on a row's sentence: the sentence judged whole (the splitter's pieces combined: false if
    one is, a plan only if all are)."""
    n = row["step"]
    earlier = {k: s for k, s in steps.items() if k < n}
    judged = judge(row["sentence"], steps[n], steps.get(n - 1), n, row["section"], earlier)
    verdicts = [j.verdict for j in judged]
    if not verdicts:
        return None
    if row["section"] == "target":
        return next((v for v in (AIM_NOT_MET, AIM_UNDECIDED) if v in verdicts), AIM_MET)
    if all(v == PLAN for v in verdicts):
        return PLAN
    verdicts = [v for v in verdicts if v != PLAN]
    if False in verdicts:
        return False
    if all(v is True for v in verdicts):
        return True
    return PARTLY if True in verdicts or PARTLY in verdicts else None


def measure(rows: list[dict], cache: dict[str, dict] | None = None) -> tuple[dict, list[tuple[dict, object]]]:
    """The figures, and every row the checker got wrong (with its verdict); `cache` keeps each hand-in's steps, read once
    for every part measured with it."""
    cache = {} if cache is None else cache
    got = []
    for row in rows:
        if row["handin"] not in cache:
            cache[row["handin"]] = steps_of(CORPUS / "handins" / row["handin"])
        got.append((row, verdict_of(row, cache[row["handin"]])))
    false = [(r, v) for r, v in got if r["label"] == "false"]
    true = [(r, v) for r, v in got if r["label"] == "true"]
    checkable = false + true
    plans = [(r, v) for r, v in got if r["label"] == "plan"]
    unsettled = [(r, v) for r, v in got if r["label"] in ("unsettled", "none")]
    aims = [(r, v) for r, v in got if r["label"] in AIMS]
    wrong = ([(r, v) for r, v in false if v is not False] + [(r, v) for r, v in true if v is False]
             + [(r, v) for r, v in plans if v != PLAN]
             + [(r, v) for r, v in unsettled if v is False or (r["label"] == "unsettled" and v is True)]
             + [(r, v) for r, v in aims if v != AIMS[r["label"]]])

    def share(part: list, ok) -> float | None:
        return round(100 * sum(1 for r, v in part if ok(v)) / len(part), 1) if part else None

    figures = {
        "n": len(rows), "false": len(false), "true": len(true), "plans": len(plans), "unsettled": len(unsettled),
        "aims": len(aims),
        "sensitivity": share(false, lambda v: v is False),
        "specificity": share(true, lambda v: v is not False),
        "coverage": share(checkable, lambda v: v in (True, False, PARTLY)),
        "partly": share(checkable, lambda v: v == PARTLY),
        "true_marked_true": share(true, lambda v: v is True),
        "plans_judged": sum(1 for r, v in plans if v != PLAN),
        "unsettled_decided": sum(1 for r, v in unsettled if v is False or (r["label"] == "unsettled" and v is True)),
        "aims_right": share([(r, v == AIMS[r["label"]]) for r, v in aims], lambda ok: ok),
    }
    return figures, wrong


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=[*DEV_PARTS, "held"], default="dev")
    parser.add_argument("--json", help="write the figures here as JSON")
    parser.add_argument("--show", action="store_true", help="list the held-out part's misses too (not while rules are "
                                                            "being written)")
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in (CORPUS / f"{args.part}.jsonl").read_text().splitlines() if line.strip()]
    figures, wrong = measure(rows)
    print(f"{args.part}: " + ", ".join(f"{k} {v}" for k, v in figures.items()))
    if args.part != "held" or args.show:
        for row, got in wrong:
            print(f"  [{row['id']}] label {row['label']}, checker {got}: step {row['step']} {row['section']}: "
                  f"{row['sentence']}  -- {row.get('why', '')}")
    if args.json:
        Path(args.json).write_text(json.dumps({args.part: figures}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
