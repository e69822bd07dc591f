"""`bench --record FILE`: the speed figures the docs quote, one row per `bench` run, written by `bench` itself (as the
seed ledger is written by `check`): the date, commit, CPU and command beside the figures, so no speed figure in the
docs stands without the machine and code that measured it. docs/speed.md's table is rendered from docs/speed.csv by
`scripts/ledger_docs.py`. Plain `csv`: a few rows, reviewed in diffs."""

from __future__ import annotations

import csv
import io
import shlex
import sys
import time
from pathlib import Path
from typing import Any

from tinydigits import files
from tinydigits.results.ledger import arithmetic_named  # the ledger's names for an arithmetic, one rule

COLUMNS = ("date", "commit", "cpu", "torch", "command", "model", "arithmetic", "threads", "pipeline_s_per_epoch",
           "per_sample_s_per_epoch", "compute_s_per_epoch", "speedup_vs_per_sample")


def row_of(result: dict[str, Any], commit: str | None, command: str | None = None) -> dict[str, str]:
    """One `bench.run` result as a row: when, on what, by which command."""
    a = result["arithmetic"]
    named = arithmetic_named(result.get("portable"), result.get("precision", "?"), result.get("device", "cpu"),
                             a.get("mkl_cbwr"))
    return {"date": time.strftime("%Y-%m-%d", time.gmtime()), "commit": (commit or "")[:7],
            "cpu": f"{a['cpu']} ({' '.join(a['cpu_flags'])})", "torch": result["torch"],
            "command": command or shlex.join(["tinydigits", *sys.argv[1:]]), "model": result["model"],
            "arithmetic": f"{named}, {a['aten_isa']} kernels",
            "threads": str(result["threads"]),
            **{f"{k}_s_per_epoch": f"{result[part]['seconds_per_epoch']:.2f}"
               for k, part in (("pipeline", "pipeline"), ("per_sample", "per_sample_baseline"), ("compute", "compute"))},
            "speedup_vs_per_sample": f"{result['speedup_vs_per_sample']:.2f}"}


def append(path: Path, row: dict[str, str]) -> None:
    text = path.read_text() if path.exists() else ""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    if not text:
        writer.writeheader()
    writer.writerow(row)
    files.write_text(path, text + out.getvalue())
