#!/usr/bin/env python3
"""The maintainer's script that writes the figures this repository's README.md and docs/*.md quote, from their
sources: the seed ledger's odds (between `<!-- seeds... -->` markers), each registered model's Target / Result /
Analysis (`<!-- zoo:NAME -->`, from its write-up in `models/write_ups/`) and the speed table (`<!-- speed-table -->`,
from docs/speed.csv); a page's first screen carries the ledger's figures without markers, copied from its
`<!-- first-screen -->` block. It is the lab's tooling, not the package's: an installed tinydigits reads the ledger
(`tinydigits models`) and never rewrites a page.

    python scripts/ledger_docs.py            # rewrite the pages whose figures differ from their sources
    python scripts/ledger_docs.py --check    # write nothing; exit 1 if a figure differs
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydigits.constants import PORTABLE
from tinydigits.errors import TinyDigitsError
from tinydigits.results import ledger
from tinydigits.results.ledger import in_tier, odds
from tinydigits.results.records import Odds

REPO = Path(__file__).resolve().parents[1]

# The ledger's figures, between markers:
# `<!-- seeds:MODEL:ARITHMETIC -->...<!-- /seeds -->` (every seed), `<!-- seeds:MODEL:ARITHMETIC:judged -->...`
# (the seeds that did not choose it) and a table per tier `<!-- seeds-table:MODEL -->...<!-- /seeds-table -->`.
# A span's last part says what it shows: the odds (nothing), the odds a new seed holds alone (`:p`), the mean of the
# seeds' min(last 3) (`:mean`), how many held (`:held`) - of every seed, or of the judged ones (`:judged` before it).
# The figures of the README's first screen speak a newcomer's words, so their markers may say `default` for the
# default arithmetic and `held-out` for the judged seeds (held out from choosing the model): the same figures.
SPAN = re.compile(r"<!-- seeds:([\w-]+):([\w-]+)(:judged|:held-out)?(:p|:mean|:held)? -->(.*?)<!-- /seeds -->", re.S)
ALIASES = {"default": PORTABLE}
TABLE = re.compile(r"<!-- seeds-table:([\w-]+) -->\n(.*?)<!-- /seeds-table -->", re.S)


def chance(s: dict[str, Any], bound: str = "≥ ") -> str:
    """A tier's odds as every page writes them (`records.Odds.chance`): `99.62 % (≥ 98.47 %)`, "-" without them."""
    return Odds.of(s).chance(unit=" %", bound=bound)


def figure(s: dict[str, Any], judged: bool = False) -> str:
    """`43 of 43 seeds hold, P(new seed holds) 98.76 % (≥ 96.11 %)`; judged: `on the 37 that did not choose it ...`."""
    if not s.get("seeds"):
        return "no seeds in the ledger"
    p = chance(s)
    if judged:
        return f"on the {s['seeds']} that did not choose it ({s['passed']} hold) {p}"
    return f"{s['passed']} of {s['seeds']} seeds hold, P(new seed holds) {p}"


def piece(s: dict[str, Any], part: str, judged: bool) -> str:
    """One part of a tier's figures: the odds sentence (`figure`), or `:p` `99.62 % (≥ 98.47 %)`, `:mean` `99.53 %`,
    `:held` `50 of 50`."""
    if not part:
        return figure(s, judged)
    if not s.get("seeds"):
        return "no seeds"
    if part == ":held":
        return f"{s['passed']} of {s['seeds']}"
    if part == ":mean":
        return f"{s['mean']:.2f} %" if "mean" in s else "-"
    return chance(s)


def table(by_arithmetic: dict[str, dict], rows: list[dict[str, str]], tier: dict[str, str]) -> str:
    """A tier's seeds per arithmetic, as Markdown: what docs/models.md quotes."""
    lines = ["| arithmetic | seeds | hold | min(last 3) mean / sd | P(new seed holds) (95 % low) | judged seeds only "
             "| CPU kinds |", "|---|---|---|---|---|---|---|"]
    for arithmetic, s in by_arithmetic.items():
        kinds = len({r["cpu"] for r in rows if in_tier(r, tier) and r["arithmetic"] == arithmetic})
        spread = f"{s['mean']:.3f} / {s['sd']:.3f}" if "sd" in s else "-"
        p, j = chance(s, bound=""), s["judged"]
        jp = f"{j['passed']} of {j['seeds']}" + (f", {chance(j, bound='')}" if "probability" in j else "")
        lines.append(f"| {arithmetic} | {s['seeds']} | {s['passed']} | {spread} | {p} | {jp} | {kinds} |")
    return "\n".join(lines) + "\n"


def render(text: str, rows: list[dict[str, str]], tiers: dict[str, dict[str, str]]) -> str:
    """`text` with every marked figure and table written from `rows` for the models' current tiers (`tiers`: name ->
    its code, recipe and budget)."""
    def unknown(model: str) -> str:
        raise TinyDigitsError(f"a ledger marker names {model!r}, which is not a registered model")

    def span(m: re.Match) -> str:
        model, arithmetic, judged, part = m.group(1), m.group(2), bool(m.group(3)), m.group(4) or ""
        s = odds(rows, tiers.get(model) or unknown(model)).get(ALIASES.get(arithmetic, arithmetic),
                                                               {"seeds": 0, "judged": {"seeds": 0}})
        marker = m.group(0)[:m.group(0).index("-->") + 3]  # the marker as written (an alias stays an alias)
        return f"{marker}{piece(s['judged'] if judged else s, part, judged)}<!-- /seeds -->"

    def block(m: re.Match) -> str:
        model = m.group(1)
        tier = tiers.get(model) or unknown(model)
        return f"<!-- seeds-table:{model} -->\n{table(odds(rows, tier), rows, tier)}<!-- /seeds-table -->"

    return TABLE.sub(block, SPAN.sub(span, text))


# A page's first screen is read raw (`cat README.md`, an editor), so it carries no marker: its results table takes its
# figures from a marked table further down, `<!-- first-screen -->...<!-- /first-screen -->`, whose spans the ledger
# writes - each figure onto the row of the same model (its first cell's `name`), under the same column heading.
FIRST_SCREEN = re.compile(r"<!-- first-screen -->\n(.*?)<!-- /first-screen -->", re.S)
FIRST_LINES = 40  # what a terminal shows of a page before it scrolls
MARKER = re.compile(r"<!--.*?-->", re.S)


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _table(lines: list[str]) -> tuple[int, list[str], list[int]] | None:
    """The first Markdown table in `lines`: its header's index, its headings, and the indices of its rows."""
    for n, line in enumerate(lines[:-1]):
        if line.startswith("|") and re.fullmatch(r"\|[-| :]+\|", lines[n + 1].strip()):
            rows = []
            for k in range(n + 2, len(lines)):
                if not lines[k].startswith("|"):
                    break
                rows.append(k)
            return n, _cells(line), rows
    return None


def _model(cell: str) -> str | None:
    m = re.match(r"`([\w.-]+)`", cell)
    return m.group(1) if m else None


def block_figures(body: str) -> dict[tuple[str, str], str]:
    """(model, column heading) -> figure of a first-screen block, its markers taken out."""
    table = _table(body.splitlines())
    if table is None:
        raise TinyDigitsError("the first-screen block holds no table")
    _, headings, rows = table
    lines = body.splitlines()
    return {(_model(_cells(lines[k])[0]), h): MARKER.sub("", cell).strip() for k in rows
            for h, cell in zip(headings[1:], _cells(lines[k])[1:], strict=True)}


def first_screen(text: str, blank: bool = False) -> str:
    """`text` with the figures of its first-screen block written, without markers, into the table of its first
    `FIRST_LINES` lines (`blank`: written as empty cells, for a reader of the page that looks past those figures).
    A model or heading of the block that the first screen lacks is an error, not a figure silently left behind."""
    block = FIRST_SCREEN.search(text)
    if block is None:
        return text
    lines = text.split("\n")
    top = _table(lines[:FIRST_LINES])
    if top is None:
        raise TinyDigitsError(f"a first-screen block, but no table in the page's first {FIRST_LINES} lines")
    _, headings, rows = top
    models = {_model(_cells(lines[k])[0]): k for k in rows}
    for (model, heading), figure in block_figures(block.group(1)).items():
        if model not in models or heading not in headings:
            raise TinyDigitsError(f"the first screen's table has no {'row' if model not in models else 'column'} "
                                  f"for the first-screen block's {model} / {heading!r}")
        k = models[model]
        cells = _cells(lines[k])
        cells[headings.index(heading)] = "" if blank else figure
        lines[k] = "| " + " | ".join(cells) + " |"
    return "\n".join(lines)


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
        new = first_screen(ZOO.sub(_zoo_block, render(text, rows, by_name)))
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


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--ledger", default=str(REPO / "docs" / "seeds.csv"), help="the ledger (default: docs/seeds.csv)")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 if a figure differs from its source")
    args = p.parse_args(argv)
    from tinydigits.lifecycle import tiers

    try:
        stale = ledger_docs(Path(args.ledger), tiers, write=not args.check)
    except TinyDigitsError as err:
        print(f"ledger_docs: error: {err}", file=sys.stderr)
        return 1
    for name in stale:
        print(f"{name}: {'differs from its sources' if args.check else 'written from its sources'}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
