#!/usr/bin/env python3
"""A probe of the claims checker beside its validity study: each development row's accuracy figure is swapped for a
near one the records hold (another epoch's, another curve's, one unit of its last digit either way), in its sentence
and its atom together; the labeller (scripts/label_claims.py) labels the variant from the records, the checker judges
it, and this script counts. What it finds are readings that accept a figure in the wrong role (a ✓ on a variant that
is false) or reject one in its right role (a ✗ on one that is true). The variants are not a corpus: the counts say
where to look, the development and held-out parts say how well the checker does.

    python scripts/claims_perturb.py            # the counts, by (label, verdict)
    python scripts/claims_perturb.py --show 20  # and the first 20 variants judged against their label
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import label_claims  # noqa: E402 - the labeller, beside this script
from claims_validity import CORPUS, DEV_PARTS, steps_of, verdict_of  # noqa: E402


def variants(row: dict, step) -> list[dict]:
    """The row with one accuracy figure swapped, in its sentence and its atom, for each near figure."""
    curve = step.run.test() + step.run.train()
    out = []
    for i, atom in enumerate(row["atoms"]):
        value = atom.get("value")
        if not isinstance(value, str) or not re.fullmatch(r"\d{2}\.\d{1,2}", value):
            continue
        said = rf"(?<![\d.]){re.escape(value)}(?![\d])"
        if len(re.findall(said, row["sentence"])) != 1:
            continue
        d = len(value.split(".")[1])
        near = sorted({f"{x:.{d}f}" for x in curve if abs(x - float(value)) < 3} - {value},
                      key=lambda c: (abs(float(c) - float(value)), c))[:3]  # ties by value: the same variants every run
        near += [f"{float(value) + 10 ** -d:.{d}f}", f"{float(value) - 10 ** -d:.{d}f}"]
        for other in dict.fromkeys(near):
            variant = json.loads(json.dumps(row))
            variant["sentence"] = re.sub(said, other, variant["sentence"])
            variant["atoms"][i]["value"] = other
            out.append(variant)
    return out


def spellings(row: dict, step) -> list[dict]:
    """The row with one figure of two decimals said another way a student writes it: to one decimal (rounded and
    cut), to a whole number, with its % sign dropped or added; the labeller decides whether each is still true."""
    out = []
    for i, atom in enumerate(row["atoms"]):
        value = atom.get("value")
        if not isinstance(value, str) or not re.fullmatch(r"\d{2}\.\d{2}", value) or atom.get("op", "=") != "=":
            continue
        said = rf"(?<![\d.]){re.escape(value)}(?![\d])"
        if len(re.findall(said, row["sentence"])) != 1:
            continue
        exact = Decimal(value)
        others = {str(exact.quantize(Decimal("0.1"), ROUND_HALF_UP)), str(exact.quantize(Decimal("0.1"), ROUND_DOWN)),
                  str(exact.quantize(Decimal("1"), ROUND_HALF_UP))} - {value}
        forms = [(other, other) for other in sorted(others)]
        sign = re.search(said + r"\s*%", row["sentence"])
        forms.append((value, value if sign else value + " %"))  # the sign added, or (below) dropped
        for atom_value, text in forms:
            variant = json.loads(json.dumps(row))
            variant["sentence"] = re.sub(said + (r"\s*%" if sign and atom_value == value else ""), text, variant["sentence"])
            variant["atoms"][i]["value"] = atom_value
            out.append(variant)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="list this many variants judged against their label")
    parser.add_argument("--spellings", action="store_true",
                        help="true rows' figures said another way (rounded, cut, %% dropped) instead of near figures")
    args = parser.parse_args(argv)
    counts, wrong, steps = collections.Counter(), [], {}
    for part in DEV_PARTS:
        for line in (CORPUS / f"{part}.jsonl").read_text().splitlines():
            row = json.loads(line)
            if row["section"] == "target" or row["label"] not in ("true", "false"):
                continue
            steps.setdefault(row["handin"], steps_of(CORPUS / "handins" / row["handin"]))
            make = spellings if args.spellings else variants
            if args.spellings and row["label"] != "true":
                continue
            for variant in make(row, steps[row["handin"]][row["step"]]):
                label, why = label_claims.label_row(variant)
                if label not in ("true", "false"):
                    continue
                got = verdict_of(variant, steps[row["handin"]])
                counts[(label, str(got))] += 1
                if (label == "false") == (got is True) and got in (True, False):
                    wrong.append(f"{row['id']} ({label}, checker {got}): {variant['sentence']}  -- {why}")
    for (label, got), n in sorted(counts.items()):
        print(f"label {label:5}  checker {got:7}  {n}")
    print(f"false variants marked ✓: {counts[('false', 'True')]}; true variants marked ✗: {counts[('true', 'False')]}")
    for line in wrong[:args.show]:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
