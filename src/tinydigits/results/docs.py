"""The figures README.md and docs/*.md quote, written from their sources: the seed ledger's odds (between
`<!-- seeds... -->` markers), each registered model's Target / Result / Analysis (`<!-- zoo:NAME -->`, from its
write-up in `models/write_ups/`) and the speed table (`<!-- speed-table -->`, from docs/speed.csv). `ledger docs`
and `check --ledger` call it; `--check` compares without writing."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path

from tinydigits.results import ledger

Tiers = Callable[[list[str]], dict[str, dict[str, str]]]  # `lifecycle.tiers`: model references -> their tiers

ZOO = re.compile(r"<!-- zoo:([\w-]+) -->\n(.*?)<!-- /zoo -->", re.S)
SPEED = re.compile(r"<!-- speed-table -->\n(.*?)<!-- /speed-table -->", re.S)  # from docs/speed.csv (`bench --record`)


def published_docs(repo: Path) -> list[Path]:
    """The pages whose marked figures `ledger docs` writes (from the ledger, the zoo and docs/speed.csv): every page."""
    return [repo / "README.md", *sorted((repo / "docs").glob("*.md"))]


def _zoo_block(m: re.Match) -> str:
    from tinydigits.models import catalog

    return f"<!-- zoo:{m.group(1)} -->\n```text\n{catalog.write_up(m.group(1)) or 'no write-up'}\n```\n<!-- /zoo -->"


def ledger_docs(path: Path, tiers: Tiers, write: bool = True, docs: list[Path] | None = None) -> list[str]:
    """Rewrite the ledger's figures in README.md and docs/*.md (beside the ledger's docs/); the files that changed
    (or, with write=False, would). `tiers` names each model's tier (`lifecycle.tiers`: it resolves recipes, which
    this files-only layer leaves to the layer that plans runs)."""
    from tinydigits import models

    rows = ledger.read(path)
    repo = path.resolve().parent.parent
    # registered names, and the candidate specs by their file's name (`docs/search/candidates/golf-wide.json`: golf-wide)
    specs = {p.stem: p for folder in (ledger.LEDGER.parent, repo / "docs")
             for p in (folder / "search" / "candidates").glob("*.json")}
    spec_tiers = tiers([str(p) for p in specs.values()])
    by_name = {**{name: spec_tiers[str(p)] for name, p in specs.items()}, **tiers(models.names())}  # registered win
    stale = []
    speed = repo / "docs" / "speed.csv"  # `bench --record`'s table, beside the ledger
    for doc in docs or published_docs(repo):
        text = doc.read_text()
        new = ZOO.sub(_zoo_block, ledger.render(text, rows, by_name))
        new = SPEED.sub(lambda m: f"<!-- speed-table -->\n{speed_table(speed)}<!-- /speed-table -->", new)
        if new != text:
            stale.append(str(doc))
            if write:
                doc.write_text(new)
    return stale


def speed_table(path: Path) -> str:
    """The recorded runs as Markdown (newest last): what docs/speed.md shows between its markers."""
    rows = list(csv.DictReader(path.open(newline=""))) if path.exists() else []
    lines = ["| date, commit | CPU | command | arithmetic, threads | pipeline s/epoch | per-sample DataLoader s/epoch | "
             "pure compute s/epoch | pipeline vs per-sample |", "|---|---|---|---|---|---|---|---|"]
    lines += [f"| {r['date']}, `{r['commit']}` | {r['cpu']} | `{r['command']}` | {r['arithmetic']}, {r['threads']} | "
              f"{r['pipeline_s_per_epoch']} | {r['per_sample_s_per_epoch']} | {r['compute_s_per_epoch']} | "
              f"{r['speedup_vs_per_sample']}× |" for r in rows]
    return "\n".join(lines) + "\n"
