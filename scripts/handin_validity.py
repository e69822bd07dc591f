"""`tinydigits claims` on public hand-ins made without the tool, against labels decided from their own printed logs
(tests/data/handwritten-validity/labels.jsonl, by scripts/label_public_handins.py, which never calls the checker).
The hand-ins themselves are not in the project (their authors' licence): scripts/fetch_public_handins.py puts working
copies in a folder, named here.

    python scripts/handin_validity.py /work/public-handins          # figures, and every miss
    python scripts/handin_validity.py /work/public-handins --json docs/handin-validity.json

Sensitivity: false claims marked ✗. Specificity: true claims not marked ✗. Coverage: claims the logs decide (true or
false) that get a mark (✓, ✗ or ◐). A labelled sentence the checker did not read at all counts as unmarked.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from tinydigits.results import teacher

LABELS = Path(__file__).resolve().parents[1] / "tests" / "data" / "handwritten-validity" / "labels.jsonl"


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w%.]+", " ", text.lower()).split()).strip(" .")


def verdicts(folder: Path, rows: list[dict]) -> dict[str, object]:
    """Each row's verdict from the checker (None where it read no sentence of those words)."""
    checked = teacher.check(folder)
    said = [(_plain(j.words), j.verdict, _plain(checked.names.get(j.step, ""))) for j in checked.judged]
    out = {}
    for row in rows:
        want = _plain(row["sentence"])
        found = [(v, name) for words, v, name in said if words and (want in words or words in want)]
        # the same words in several steps (a Result copied from the step before): the row's own step decides
        step = _plain(row["step"])
        own = [v for v, name in found if name and step and (name in step or step in name)]
        found = own or [v for v, _ in found]
        out[row["id"]] = (False if False in found else found[0] if found else "unread") if not checked.error else "error"
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("copies", type=Path, help="the folder scripts/fetch_public_handins.py filled")
    parser.add_argument("--json", help="write the figures here")
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in LABELS.read_text().splitlines() if line.strip()]
    by_folder: dict[Path, list[dict]] = {}
    for row in rows:
        folder = args.copies / row["repo"].replace("/", "+") / Path(row["readme"]).parent
        by_folder.setdefault(folder, []).append(row)
    start = time.perf_counter()
    got: dict[str, object] = {}
    for folder, mine in by_folder.items():
        got |= verdicts(folder, mine)
    seconds = time.perf_counter() - start
    false = [r for r in rows if r["label"] == "false"]
    true = [r for r in rows if r["label"] == "true"]
    caught = sum(got[r["id"]] is False for r in false)
    wrong = [r for r in true if got[r["id"]] is False]
    marked = sum(got[r["id"]] in (True, False, "partly") for r in false + true)
    figures = {"hand_ins": len(by_folder), "sentences": len(rows), "false": len(false), "true": len(true),
               "sensitivity": round(100 * caught / len(false), 1) if false else None,
               "specificity": round(100 * (len(true) - len(wrong)) / len(true), 1) if true else None,
               "coverage": round(100 * marked / len(false + true), 1) if false + true else None,
               "seconds": round(seconds, 1)}
    print(", ".join(f"{k} {v}" for k, v in figures.items()))
    for r in false + true:
        v = got[r["id"]]
        if (r["label"] == "false") != (v is False):
            print(f"  [{r['id']}] label {r['label']}, checker {v}: {r['repo']} {r['step']}: {r['sentence'][:110]}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
