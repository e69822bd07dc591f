"""The front door and the guides: every relative link and image resolves, every command the README names exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tinydigits.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def broken_links(page: Path) -> list[str]:
    """Relative links and images of a Markdown page whose file is missing (web links and pure anchors are skipped)."""
    text, fence, missing = page.read_text(encoding="utf-8"), False, []
    for n, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith("```"):
            fence = not fence
        if fence:
            continue
        for target in LINK.findall(line):
            path = target.split("#")[0]
            if not path or re.match(r"[a-z][a-z0-9+.-]*:", path):
                continue
            if not (page.parent / path).exists():
                missing.append(f"{page.name}:{n}: {target}")
    return missing


def test_every_relative_link_and_image_resolves():
    assert len(PAGES) > 5  # the guides are there
    assert [b for page in PAGES for b in broken_links(page)] == []


def test_a_broken_link_is_found(tmp_path):
    (tmp_path / "there.md").write_text("x")
    page = tmp_path / "page.md"
    page.write_text("[ok](there.md) [web](https://example.org/x) [anchor](#top)\n![gone](pics/missing.png)\n"
                    "```\n[in a code block](nowhere.md)\n```\n[also gone](there.md/../nope.md#part)\n")
    assert broken_links(page) == ["page.md:2: pics/missing.png", "page.md:6: there.md/../nope.md#part"]


def test_every_guide_is_linked_from_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    linked = {Path(t.split("#")[0]).name for t in LINK.findall(readme) if t.startswith("docs/")}
    assert {p.name for p in PAGES[1:]} <= linked


def test_every_command_in_the_readme_table_exists():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"^\| `tinydigits ([a-z-]+)", readme, flags=re.M))
    subcommands = set(build_parser()._subparsers._group_actions[0].choices)
    assert len(named) >= 10 and named <= subcommands, named - subcommands
    assert subcommands <= named, f"commands missing from the README's table: {subcommands - named}"


# An odds figure in prose: `P(new seed holds) 98.1 %` (across a line break too), `30 of 30 seeds hold`, `P 97.9 %`,
# `98.08 % (≥ 93.62 %)`, `95.52 % (79.89 %)`, `P is 97.9 %`, a check's old `odds for a new seed: 95.78% (95% lower
# bound ...`; and any cell of a hand-written table under a `P(new seed holds)` or `95 % lower bound` header.
ODDS = re.compile(r"P\(new seed\s+holds\) *\**\d|\d+ of \d+ seeds hold|\bP (is )?\d+(\.\d+)? ?%|\d+(\.\d+)? % \(≥ ?\d"
                  r"|\d+(\.\d+)? % \(\d+(\.\d+)? %\)|odds for a new seed: *\d|\d ?% \(95 ?% lower bound")
ODDS_HEADER = re.compile(r"P\(new seed holds\)|95 % low")
NO_FIGURE = ("", "-", "not measured")  # a cell under an odds header that says there is none


def odds_figures(text: str) -> list[str]:
    """`LINE: figure` for each odds figure in a page's text (the ledger's spans already taken out)."""
    found = [f"{text.count(chr(10), 0, m.start()) + 1}: {m.group(0)}" for m in ODDS.finditer(text)]
    lines = text.splitlines()
    for n, line in enumerate(lines[:-1]):
        if line.startswith("|") and re.fullmatch(r"\|[-| :]+\|", lines[n + 1]) and ODDS_HEADER.search(line):
            columns = [k for k, cell in enumerate(line.split("|")) if ODDS_HEADER.search(cell)]
            k = n + 2
            while k < len(lines) and lines[k].startswith("|"):
                cells = lines[k].split("|")
                found += [f"{k + 1}: {cells[c].strip()}" for c in columns
                          if c < len(cells) and cells[c].strip() not in NO_FIGURE]
                k += 1
    return found


def test_every_odds_figure_in_the_readme_and_docs_comes_from_the_ledger():
    """Outside the spans scripts/ledger_docs.py writes from docs/seeds.csv (which test_ledger checks against the
    ledger), the first screen's figures it copies from them and the zoo's own write-ups, no page - the research record
    included - carries a hand-typed odds figure: none can drift from the ledger, and none stands without the seeds
    behind it."""
    from helpers import script

    docs = script("ledger_docs")
    ZOO, SPAN, TABLE = docs.ZOO, docs.SPAN, docs.TABLE

    found = [f"{page.name}:{figure}" for page in PAGES for figure in
             odds_figures(ZOO.sub("", TABLE.sub("", SPAN.sub("", docs.first_screen(page.read_text(), blank=True)))))]
    assert found == []
    for text in ("robust's 97.9 % (≥ 93.3 %)", "30 of 30 seeds hold", "P(new seed\nholds) 99.6 %",
                 "odds for a new seed: 95.78% (95% lower bound 80.42%)", "| a | P(new seed holds) |\n|---|---|\n| x | 90 % |"):
        assert odds_figures(text), text  # the rule can fail
    assert odds_figures("| a | P(new seed holds) |\n|---|---|\n| x | |\n\nP 9") == []


def test_no_page_dates_itself_by_who_ran_it_or_names_a_machines_folder():
    """A figure says which CPU, date, commit and command it came from, never 'this session' or 'here'; and no page
    carries the scratch folders of the machine that measured it."""
    said = re.compile(r"this session|last session|next session|previous session|ran here|today's", re.I)
    paths = re.compile(r"(?<![\w.])/(?:tmp|work|root|home)/")
    sources = [*PAGES, *sorted((ROOT / "src" / "tinydigits").rglob("*.py")), ROOT / "docs" / "seeds.csv",
               *sorted((ROOT / "docs" / "search").glob("*.json"))]
    found = [f"{p.relative_to(ROOT)}:{n}" for p in sources for n, line in enumerate(p.read_text().splitlines(), 1)
             if said.search(line) or (paths.search(line) and p.suffix != ".py")]
    assert found == []


FORBIDDEN_ON_THE_FIRST_SCREEN = ("portable2", "MKL", "AVX2", "judged", "chose")


def test_the_readmes_first_screen_is_a_students():
    """What `cat README.md` shows in 40 lines: a picture, a test accuracy, the chance a new seed holds said as that, a
    notebook route with Python; the words a student meets later (the arithmetic's pins, the ledger's roles) below."""
    first = "\n".join((ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:40])
    assert re.search(r"^!\[[^\]]+\]\([^)]+\.png\)", first, re.M)
    assert re.search(r"test accuracy", first) and re.search(r"\d\d\.\d\d %", first)
    assert "chance a new seed holds" in first
    assert re.search(r"```python\n(?:.*\n)*?.*tinydigits\.(train|check|handin)\(", first)
    assert [w for w in FORBIDDEN_ON_THE_FIRST_SCREEN if w.lower() in first.lower()] == []
    assert "<!--" not in first  # a marker is noise in a terminal: the ledger's figures stand there plain


def test_the_first_screens_plain_figures_are_the_ledgers(tmp_path):
    """The README's first screen carries the ledger's figures without markers, yet each is the ledger's: a copy with
    one typed over is found stale by scripts/ledger_docs.py, which writes back the figures docs/seeds.csv gives -
    the README's first screen as it stands. A row of the marked block that the first screen lacks is an error."""
    from helpers import script
    from tinydigits.errors import TinyDigitsError
    from tinydigits.lifecycle import tiers

    docs = script("ledger_docs")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first = readme.splitlines()[:docs.FIRST_LINES]
    shown = docs.block_figures(docs.FIRST_SCREEN.search(readme).group(1))
    assert {m for m, _ in shown} >= {"model3b", "steady"} and len(shown) >= 6
    assert all(figure and figure in "\n".join(first) for figure in shown.values())
    typed = re.sub(r"\d\d\.\d\d % \(≥ \d\d\.\d\d %\)", "0.00 % (≥ 0.00 %)", "\n".join(first), count=1)
    assert typed != "\n".join(first)
    copy = tmp_path / "README.md"
    copy.write_text(typed + "\n" + "\n".join(readme.splitlines()[docs.FIRST_LINES:]) + "\n", encoding="utf-8")
    assert docs.ledger_docs(ROOT / "docs" / "seeds.csv", tiers, docs=[copy]) == [str(copy)]
    assert copy.read_text(encoding="utf-8").splitlines()[:docs.FIRST_LINES] == first
    with pytest.raises(TinyDigitsError, match="no row"):
        docs.first_screen(readme.replace("| `steady`, the default |", "| the default |", 1))


# A quantity the pages quote in words of their own: each pattern's one group is the figure; every page that quotes
# it says the same, and the pages named must quote it (a pattern that finds nothing cannot pass).
QUANTITIES = {
    "a 30-seed check of the default on one 2-core machine, minutes":
        ([r"30(?:-seed check| seeds) takes? about (\d+) min"], {"README.md", "speed.md", "many-machines.md"}),
    "a 3-seed check of the default with --jobs 2, seconds":
        ([r"3-seed check of the default[^.]{0,80}? (\d[\d,]*) s\b"], {"README.md", "speed.md"}),
    "model3's example check in the default arithmetic":
        ([r"model3 (?:is not safe on every seed: the example hand-in's [^.]{0,60}|)held (\d of \d)"
          r"(?: seeds in the portable arithmetic)?"], {"models.md"}),
    "robust's mean error as a user's image, seed 0":
        ([r"mean error (\d+\.\d+) % \(model3", r"the `robust` tier \**(\d+\.\d+) %"], {"README.md", "robustness.md"}),
    "model3's mean error as a user's image, seed 0":
        ([r"model3 under the same preprocessing: (\d+\.\d+) %", r"user's image: model3 \**(\d+\.\d+) %"],
         {"README.md", "robustness.md"}),
}


def quoted(patterns: list[str]) -> dict[str, set[str]]:
    """page name -> the figures it quotes for one quantity (whitespace and line breaks as one space)."""
    found: dict[str, set[str]] = {}
    for page in PAGES:
        text = re.sub(r"\s+", " ", page.read_text(encoding="utf-8"))
        for pattern in patterns:
            for m in re.finditer(pattern, text):
                found.setdefault(page.name, set()).add(m.group(1))
    return found


def test_a_figure_quoted_on_several_pages_agrees_everywhere():
    """The default's odds and accuracy, each model's verdict per arithmetic (the ledger's spans), the check times and
    model3's example check, the robustness figures: one value each, on every page that names it."""
    for what, (patterns, pages) in QUANTITIES.items():
        found = quoted(patterns)
        assert pages <= set(found), f"{what}: not quoted on {pages - set(found)}"
        values = set().union(*found.values())
        assert len(values) == 1, f"{what}: {found}"
    from helpers import script

    spans: dict[tuple, set[str]] = {}
    for page in PAGES:
        for m in script("ledger_docs").SPAN.finditer(page.read_text(encoding="utf-8")):
            model, arithmetic, role, part, text = m.groups()
            key = (model, "portable2" if arithmetic == "default" else arithmetic, bool(role), part or "")
            spans.setdefault(key, set()).add(text)
    assert ("steady", "portable2", True, ":mean") in spans and ("steady", "portable2", True, ":p") in spans
    assert {k: v for k, v in spans.items() if len(v) > 1} == {}


def test_a_disagreement_between_pages_is_found(tmp_path, monkeypatch):
    (tmp_path / "a.md").write_text("a 30-seed check takes about 70\nmin")
    (tmp_path / "b.md").write_text("So 30 seeds take about 75 min on one such machine.")
    monkeypatch.setattr(__import__(__name__), "PAGES", [tmp_path / "a.md", tmp_path / "b.md"])
    assert quoted(QUANTITIES["a 30-seed check of the default on one 2-core machine, minutes"][0]) == {
        "a.md": {"70"}, "b.md": {"75"}}


def readme_install_cell() -> str:
    """The README's notebook cell up to `import tinydigits`: what installs the package."""
    text = (ROOT / "README.md").read_text(encoding="utf-8").split("**In a notebook**", 1)[1]
    cell = text.split("```python\n", 1)[1].split("```", 1)[0]
    return cell.split("import tinydigits\n", 1)[0] + "import tinydigits\n"


@pytest.mark.parametrize("where", ["installed", "a wheel beside it", "the clone's notebooks/", "a fresh folder"])
def test_the_readmes_install_cell_works_where_it_can_and_says_what_to_do_where_it_cannot(where, tmp_path, monkeypatch):
    """Where tinydigits imports already, the cell installs nothing (`find_spec` first, as the walkthrough does); where
    it does not, it installs the wheel beside the notebook, else the clone above it, and in a fresh folder with
    neither it stops with one line saying what to do - not pip's `Directory '..' is not installable`."""
    import importlib.util
    import subprocess

    calls, find_spec = [], importlib.util.find_spec
    monkeypatch.setattr(subprocess, "check_call", lambda args: calls.append(args[-1]))
    if where != "installed":
        monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "tinydigits" else find_spec(name, *a))
    folder = tmp_path / "clone" / "notebooks"
    folder.mkdir(parents=True)
    if where == "a wheel beside it":
        (folder / "tinydigits-0.1.0-py3-none-any.whl").write_bytes(b"")
    if where == "the clone's notebooks/":
        (tmp_path / "clone" / "pyproject.toml").write_text("[project]\nname = 'tinydigits'\n")
    monkeypatch.chdir(folder)
    if where == "a fresh folder":
        with pytest.raises(SystemExit) as stopped:
            exec(readme_install_cell(), {})
        assert calls == [] and "tinydigits is not installed" in str(stopped.value) and "\n" not in str(stopped.value)
        assert "tinydigits-*.whl" in str(stopped.value)
        return
    exec(readme_install_cell(), {})
    assert calls == {"installed": [], "a wheel beside it": ["tinydigits-0.1.0-py3-none-any.whl"],
                     "the clone's notebooks/": [".."]}[where]
