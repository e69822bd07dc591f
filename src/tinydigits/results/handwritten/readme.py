"""A hand-in's README read as steps: its step sections (`## Model_1`, `### Iteration 2`, `## Step-3`, `Experiment 4`,
`## Model_1.py`, `<h2>Code 1</h2>`), each one's Target / Result / Analysis as a list of bullets or sentences (from
Markdown heads and lists, Markdown tables, or HTML tables with Target / Result / Analysis cells, HTML stripped), the
notebooks and files it links, its Python blocks and the text a log may be read from."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

PARTS = ("target", "result", "analysis")
STEP_WORDS = r"model|step|iteration|experiment|code|attempt|version|exp|iter"
# a step's number as its head writes it: Model_1, Model1, Step-1, Step 1, Iteration 1, S7_Model1, Code 1
STEP_NAME = re.compile(rf"(?<![a-z])({STEP_WORDS})[\s_\-#:.]*(\d{{1,2}})(?!\d)", re.I)
MD_HEAD = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
HTML_HEAD = re.compile(r"^\s*<h([1-6])[^>]*>(.*?)</h\1>", re.I)
SETEXT_RULE = re.compile(r"^\s*(=+|-{3,})\s*$")  # the line under a `Step 1\n======` head
# a head numbered without a step's word: `#### 1) Setup and skeleton`, `#### 2a) Add batch norm`
NUMBERED_HEAD = re.compile(r"^\s*(\d{1,2})[a-z]?[.)]\s+\S")
BOLD_HEAD = re.compile(r"^\s*(?:\*\*|__)([^*_]{1,80})(?:\*\*|__)\s*:?\s*$")
# heads that stand for a part: an Objective is the step's Target; insights, observations, conclusions, learnings,
# findings, improvements and highlights are what its Analysis holds
PART_WORDS = {"objective": "target", "key insight": "analysis", "insight": "analysis", "observation": "analysis",
              "conclusion": "analysis", "learning": "analysis", "finding": "analysis", "inference": "analysis",
              "key improvement": "analysis", "highlight": "analysis", "evolution highlight": "analysis"}
# a Target / Result / Analysis head: `**Target**`, `1. Target:`, `### Results`, `- **Analysis**:`, `Target: text`
PART_HEAD = re.compile(r"^(\s*)((?:[-*+]|\d+[.)])\s+)?(?:#{1,6}\s*)?(?:\*\*|__|\*|_)?\s*(targets?|results?|analysis|analyses|"
                       + "|".join(f"{w}s?" for w in PART_WORDS) +
                       r")\s*(?:\*\*|__|\*|_)?\s*(?:[:\-\u2013]\s*|\.(?=\s|\*|_|$)|(?=$))(?:\*\*|__)?\s*(.*)$", re.I)
BULLET = re.compile(r"^(\s*)(?:[-*+\u2022]|\d+[.)])\s+(.*)$")
FENCE = re.compile(r"^\s*(```|~~~)\s*([\w+-]*)")
LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)[^)]*\)|(?:href|src)\s*=\s*[\"']([^\"']+)[\"']", re.I)
TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Section:
    """One step as the README writes it: its name (the head's words), its number, its Target / Result / Analysis,
    the files it links (notebooks, .py), its Python blocks, and its text with those blocks taken out (a pasted log is
    read from it). `row` numbers a table's rows where one section's table holds several steps, `head` names their
    section."""

    name: str
    number: int | None
    target: list[str] = field(default_factory=list)
    result: list[str] = field(default_factory=list)
    analysis: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    code: list[str] = field(default_factory=list)
    text: str = ""
    row: int | None = None
    rows: int = 1
    head: str = ""  # the section's head as written: a table's rows share it


def clean(text: str) -> str:
    """Markdown and HTML taken off a bullet or a cell: links to their words, emphasis, tags and entities."""
    text = LINK.sub(lambda m: m[1] or "", text)
    text = TAG.sub(" ", text)
    text = html.unescape(text).replace("\u00a0", " ")
    text = re.sub(r"(\*\*|__|`)", "", text)
    text = re.sub(r"(?<!\w)[*_](\S[^*_]*?)[*_](?!\w)", r"\1", text)
    return re.sub(r"\s+", " ", text).strip(" :-\u2013")


def sentences(text: str) -> list[str]:
    """Prose split into its sentences (a full stop, ! or ? and a capital after)."""
    text = clean(text)
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z(\[])", text) if s.strip()]


# a comma where a full stop belongs ("..., stepLr seems to work better, This is where we meet our goal"): the words
# after it begin a sentence of their own
SPLICE = re.compile(r",\s+(?=(?:The|This|That|These|Those|It|We|I|Our|Here|There)\s)")


def spliced(item: str) -> list[str]:
    """An item's sentences where a comma splice joins them; each side keeps at least four words."""
    pieces = SPLICE.split(item)
    if len(pieces) > 1 and all(len(piece.split()) >= 4 for piece in pieces):
        return [piece.strip() for piece in pieces]
    return [item]


def _split(part: str, items: list[str]) -> list[str]:
    return [piece for item in items for piece in spliced(item)] if part in PARTS else items


def step_of(text: str) -> tuple[str, int] | None:
    """(word, number) of a name that numbers a step: "Model_1.py" -> ("model", 1); None for "Model Parameters"."""
    match = STEP_NAME.search(clean(text))
    return (match[1].lower(), int(match[2])) if match else None


# ---- HTML and Markdown tables
Cell = tuple[list[str], str, list[str]]  # a table cell: its list items, its text, the links in it


class _Cells(HTMLParser):
    """An HTML table's rows of cells; a cell keeps its <li> items apart, its text, and its links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[Cell]] = []
        self._cell: list[str] | None = None
        self._items: list[str] = []
        self._item: list[str] | None = None
        self._links: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell, self._items, self._item, self._links = [], [], None, []
        elif tag == "li" and self._cell is not None:
            self._end_item()
            self._item = []
        elif tag == "br" and self._cell is not None:
            self.handle_data("\n")
        elif tag == "a" and self._cell is not None:
            href = dict(attrs).get("href") or dict(attrs).get("herf")  # "herf": a typo students' pages render anyway
            if href:
                self._links.append(href)

    def _end_item(self) -> None:
        if self._item is not None and clean("".join(self._item)):
            self._items.append(clean("".join(self._item)))
        self._item = None

    def handle_endtag(self, tag: str) -> None:
        if tag == "li":
            self._end_item()
        elif tag in ("td", "th") and self._cell is not None:
            self._end_item()
            if not self.rows:
                self.rows.append([])
            self.rows[-1].append((self._items, "".join(self._cell), self._links))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
            if self._item is not None:
                self._item.append(data)


def _cell_items(items: list[str], text: str, links: list[str] | None = None) -> list[str]:
    if items:
        return items
    lines = [BULLET.match(line) for line in text.splitlines()]
    if any(lines):
        return [clean(m[2]) for m in lines if m and clean(m[2])]
    return sentences(text)


def _part(label: str) -> str | None:
    word = clean(label).lower()
    if len(word) < 24 and (other := next((p for w, p in PART_WORDS.items() if word.startswith(w)), None)):
        return other
    return next((p for p in PARTS if word.startswith(p[:6])), None) if len(word) < 20 else None


def _column(label: str) -> str | None:
    """What a table's column holds: a part, or "name" (the step each row is); a comparison table heads its result
    column "Model Stats" or "Stats"."""
    word = clean(label).lower()
    if word in ("stats", "model stats", "statistics", "metrics", "numbers"):
        return "result"
    if re.fullmatch(r"(?:experiments?|models?|steps?|iterations?|names?|versions?|#|s\.? ?no\.?|files?|notebooks?)",
                    word):
        return "name"
    if re.fullmatch(r"(?:modules?|phases?|groups?)", word):
        return "group"  # rows grouped ("MODULE 1" over two experiments): no claim, no step
    if re.fullmatch(r"(?:d[ei]s?c?ription|remarks?|observations?|comments?|notes?|conclusions?|findings?)", word):
        return "analysis"  # what the student says of the row's run, in the words an Analysis column would hold
    return _part(label)


def table_steps(rows: list[list[Cell]]) -> list[dict[str, list[str]]]:
    """The steps a table holds: a header row naming two of Target / Result / Analysis, or a step column and one of
    them, gives a step per row below it, named by its step column where it has one; the columns that are neither
    (a comparison table's "Parameters", "Best Test Acc") are its Result, `header: value`. A first column naming
    Target / Result / Analysis gives one step down the table."""
    rows = [r for r in rows if r]
    for i, row in enumerate(rows):
        columns = {j: _column(cell[1]) for j, cell in enumerate(row)}
        parts = sum(1 for p in columns.values() if p in PARTS)
        figures = sum(1 for j, p in columns.items() if p is None and re.search(r"param|acc|epoch|loss", clean(row[j][1]).lower()))
        if parts >= 2 or parts and "name" in columns.values() or "name" in columns.values() and figures >= 2:
            steps = []
            for below in rows[i + 1:]:
                step: dict[str, list[str]] = {}
                for j, p in columns.items():
                    if j >= len(below):
                        continue
                    step.setdefault("links", []).extend(below[j][2])
                    if p == "name":
                        step["name"] = [clean(below[j][1])]
                    elif p == "group":
                        continue
                    elif p is not None:
                        step.setdefault(p, []).extend(_cell_items(*below[j]))
                    elif clean(below[j][1]) and clean(row[j][1]):
                        step.setdefault("result", []).append(f"{clean(row[j][1])}: {clean(below[j][1])}")
                if not parts and step.get("result"):  # a summary table's row: its figures one line, said with their heads
                    step["result"] = [" | ".join(step["result"])]
                if any(v for k, v in step.items() if k not in ("name", "links")):
                    steps.append(step)
            return steps
    down = {_part(row[0][1]): _cell_items(*row[1]) for row in rows if len(row) >= 2 and _part(row[0][1])}
    return [down] if down else []


def html_tables(text: str) -> list[list[list[Cell]]]:
    out = []
    for table in re.finditer(r"<table\b.*?</table>", text, re.I | re.S):
        parser = _Cells()
        parser.feed(table[0])
        out.append(parser.rows)
    return out


def markdown_tables(text: str) -> list[list[list[Cell]]]:
    """Pipe tables: their rows of cells (a cell's `<br>`s split its items)."""
    out, current = [], []
    for line in text.splitlines() + [""]:
        if line.strip().startswith("|") and line.strip().count("|") >= 2:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                current.append([([clean(i) for i in re.split(r"<br\s*/?>", c, flags=re.I) if clean(i)]
                                 if re.search(r"<br", c, re.I) else [], c,
                                 [m[2] or m[3] for m in LINK.finditer(c) if m[2] or m[3]]) for c in cells])
        elif current:
            out.append(current)
            current = []
    return out


# ---- Markdown heads and lists
def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" ")) + 3 * (len(text) - len(text.lstrip("\t")))


def head_parts(lines: list[str]) -> dict[str, list[str]]:
    """Target / Result / Analysis under Markdown heads: the text on the head's line, then the list under it (items
    indented under a head that is itself a list item), else the paragraph after it."""
    found: dict[str, list[str]] = {}
    i = 0
    while i < len(lines):
        match = PART_HEAD.match(lines[i])
        part = _part(match[3]) if match else None
        if part is None:
            i += 1
            continue
        head_indent, listed = _indent(match[1]), bool(match[2])
        items = sentences(match[4])
        paragraph: list[str] = []
        j = i + 1
        while j < len(lines):
            line = lines[j]
            if not line.strip():
                if paragraph:
                    break
                j += 1
                continue
            head = PART_HEAD.match(line)
            if head and _part(head[3]) or MD_HEAD.match(line) or FENCE.match(line):
                break
            bullet = BULLET.match(line)
            deeper = _indent(line) > head_indent if listed else _indent(line) >= head_indent
            if bullet and deeper:
                items.append(clean(bullet[2]))
            elif items and _indent(line) > head_indent:
                items[-1] = f"{items[-1]} {clean(line)}".strip()  # a bullet's text carried to the next line
            elif not items and not bullet:
                paragraph.append(line)
            else:
                break
            j += 1
        if len(paragraph) > 1 and all(re.match(r"\s*[A-Z0-9\u2022]", line) for line in paragraph):
            items += [clean(line) for line in paragraph]  # a list written without bullets, a line an item
        elif paragraph:
            items += sentences(" ".join(paragraph))
        found.setdefault(part, []).extend(item for item in items if item)
        i = j
    return found


# ---- sections
def _heads(lines: list[str]) -> list[tuple[int, int, str]]:
    """(line, level, words) of every head: Markdown `#`s, HTML <hN>, a bold line alone (level 7: below any #)."""
    heads = []
    fenced = False
    for i, line in enumerate(lines):
        if FENCE.match(line):
            fenced = not fenced
        if fenced:
            continue
        md = MD_HEAD.match(line)
        if md:
            heads.append((i, len(md[1]), md[2]))
            continue
        tag = HTML_HEAD.match(line)
        if tag:
            heads.append((i, int(tag[1]), TAG.sub("", tag[2])))
            continue
        bold = BOLD_HEAD.match(line)
        if bold and step_of(bold[1]) and not _part(bold[1]):
            heads.append((i, 7, bold[1]))
            continue
        under = SETEXT_RULE.match(lines[i + 1]) if i + 1 < len(lines) else None
        if under and line.strip() and not BULLET.match(line) and not line.lstrip().startswith(("|", "<")):
            heads.append((i, 1 if under[1].startswith("=") else 2, line.strip()))
    return heads


def _blocks(lines: list[str]) -> tuple[list[str], list[str]]:
    """(Python blocks, the lines with them blanked): a fenced block tagged python, or one that defines or imports,
    is code - its `lr=0.01` is not a printed rate."""
    code, rest, block, fence, lang = [], [], [], None, ""
    for line in lines:
        match = FENCE.match(line)
        if fence is None and match:
            fence, lang, block = match[1], match[2].lower(), []
            rest.append("")
            continue
        if fence is not None and line.strip().startswith(fence):
            body = "\n".join(block)
            is_code = lang in ("python", "py", "python3", "ipython") or \
                re.search(r"^\s*(?:def |class |import |from \S+ import )", body, re.M) is not None
            if is_code:
                code.append(body)
            rest += [""] * len(block) if is_code else block
            rest.append("")
            fence = None
            continue
        (block if fence is not None else rest).append(line)
    if fence is not None:  # an unclosed fence: its lines are text
        rest += block
    return code, rest


def _spans(lines: list[str]) -> list[tuple[str, int | None, int, int]]:
    """(name, number, first line, end) of each step section: it ends at the next head of its level or above (a
    Target / Result / Analysis head is part of it), or at the next step's head."""
    heads = _heads(lines)

    def has_parts(i: int, level: int) -> bool:
        """Whether the text under head i, up to the next head that is not a Target / Result / Analysis below it, has
        them ("# Results" after "# Training Logs" is a section of its own, not that one's Result)."""
        after = [j for j, lv, w in heads if j > i and (not _part(w) or lv <= level)]
        return any(PART_HEAD.match(line) and _part(PART_HEAD.match(line)[3]) or "<table" in line.lower()
                   for line in lines[i + 1:after[0] if after else len(lines)])

    def number(words: str) -> int | None:
        found, numbered = step_of(words), NUMBERED_HEAD.match(clean(words))
        return found[1] if found else int(numbered[1]) if numbered else None

    # a step's head: its word and number ("Model_1", "Step-2"), a number with the parts under it ("2a) Batch norm"),
    # or any head with the parts under it outside another step's section ("ModelName: Model Init")
    starts: dict[int, int | None] = {}
    inside: int | None = None  # the level of the step section the heads are in
    loose: list[int] = []  # heads that are steps only by the parts under them
    for i, level, words in heads:
        if _part(words):
            continue
        if inside is not None and level <= inside:
            inside = None
        if inside is not None and starts and number(words) == starts[max(starts)]:
            continue  # "#### Model1 Summary" under "### class Model1()": part of that step
        if step_of(words) or NUMBERED_HEAD.match(clean(words)) and has_parts(i, level):
            starts[i] = number(words)
            inside = level
        elif inside is None and has_parts(i, level):
            starts[i] = None
            loose.append(i)
            inside = level
    if len(loose) == 1:  # one such head is the README's title over its one Target / Result / Analysis
        del starts[loose[0]]
    spans = []
    for i, level, words in heads:
        if i not in starts:
            continue
        end = next((j for j, lv, w in heads if j > i and (lv < level or not _part(w) and (lv <= level or j in starts))),
                   len(lines))
        name = clean(re.sub(r"https?://\S+", "", LINK.sub("", words)))  # a head's link or bare URL is no part of its name
        spans.append((name or clean(words), starts[i], i, end))
    return spans


def read_readme(text: str) -> list[Section]:
    """The README's step sections in order; a table in one with several Target / Result / Analysis rows gives a step
    per row. A README with no step heads is one step (name ""): a single step's hand-in."""
    lines = text.replace("\r\n", "\n").split("\n")
    spans = _spans(lines) or [("", None, 0, len(lines))]
    sections = [section for name, number, start, end in spans for section in _section(name, number, lines[start:end])]
    if spans[0][1:] != (None, 0, len(lines)):
        # a table of steps outside every step section (a comparison table above them): its rows are steps too,
        # in the README's order
        inside = {i for _, _, start, end in spans for i in range(start, end)}
        rest = [line if i not in inside else "" for i, line in enumerate(lines)]
        rows = [s for s in _section("", None, rest) if s.row is not None]
        first_table = next((i for i, line in enumerate(rest) if "<table" in line.lower() or line.lstrip().startswith("|")),
                           len(lines))
        sections = _rows_joined(rows, rows + sections if first_table < spans[0][2] else sections + rows)
    # a head that only mentions a step ("Accuracy for Step-7 & Step-8") is no step of its own
    said = {s.number for s in sections if s.target or s.result or s.analysis}
    kept = [s for s in sections if s.target or s.result or s.analysis or s.number not in said or s.code
            or re.search(r"test set|total params|accuracy\s*=", s.text, re.I)]
    kept = _one_per_step(kept)
    numbers = [s.number for s in kept]
    if None not in numbers and len(set(numbers)) == len(numbers) > 1:
        # a comparison table that lists its newest model first: "the last model" is the one numbered before
        kept.sort(key=lambda s: s.number)
    return kept


def _rows_joined(rows: list[Section], sections: list[Section]) -> list[Section]:
    """A summary table's row ("| Model_2 | 8,000 | 98.45 | 98.12 |") of a step the README also gives a section of its
    own: the row's figures are that section's Result, read before the section's own lines."""
    own = {s.number for s in sections if s.row is None and s.number is not None and s not in rows}
    joined = {r.number: r for r in reversed(rows) if r.number in own and not r.target and not r.analysis}  # the first row
    out = []
    for s in sections:
        if s in rows and s.number in joined:
            continue
        if s.row is None and s.number in joined and s not in rows:
            s = replace(s, result=joined[s.number].result + s.result)
        out.append(s)
    return out


def _one_per_step(sections: list[Section]) -> list[Section]:
    """A step the README describes twice ("### Model 1: Foundation" under "Model Evolution", again under "Detailed
    Architecture Analysis") is one step: the second's Target / Result / Analysis join the first's, so its figures are
    read against that step's log, not left without one."""
    out: list[Section] = []
    for section in sections:
        said = step_of(section.name) if section.row is None else None
        first = next((i for i, s in enumerate(out) if said and s.row is None and step_of(s.name) == said), None)
        if first is None:
            out.append(section)
            continue
        s = out[first]
        out[first] = Section(s.name, s.number, s.target + section.target, s.result + section.result,
                             s.analysis + section.analysis, s.links + [k for k in section.links if k not in s.links],
                             s.code + section.code, f"{s.text}\n{section.text}", head=s.head)
    return out


def outside(text: str) -> str:
    """The README's text outside its step sections, Python blocks blanked: where a log pasted under its own head
    ("## Training logs", a closing summary) is read from. "" where the whole README is one step."""
    lines = text.replace("\r\n", "\n").split("\n")
    spans = _spans(lines)
    if not spans:
        return ""
    inside = {i for _, _, start, end in spans for i in range(start, end)}
    return "\n".join(_blocks([line if i not in inside else "" for i, line in enumerate(lines)])[1])


def _section(name: str, number: int | None, body: list[str]) -> list[Section]:
    code, rest = _blocks(body)
    text = "\n".join(rest)
    links = [m[2] or m[3] for m in LINK.finditer("\n".join(body)) if (m[2] or m[3])]
    links += [m for m in re.findall(r"[\w./-]+\.(?:ipynb|py)\b", text) if m not in links]  # "File = Step_1.ipynb"
    table_rows = [{k: _split(k, v) for k, v in step.items()}
                  for rows in html_tables(text) + markdown_tables(text) for step in table_steps(rows)]
    if len(table_rows) > 1:
        out = []
        for k, row in enumerate(table_rows, 1):
            called = row.get("name", [""])[0]
            found = step_of(called) if called else None
            out.append(Section(called or f"{name} #{k}".strip(), found[1] if found else number, row.get("target", []),
                               row.get("result", []), row.get("analysis", []), row.get("links") or links, code, text,
                               k, len(table_rows), name))
        return out
    parts = table_rows[0] if table_rows else {k: _split(k, v) for k, v in head_parts(
        re.sub(r"<table\b.*?</table>", "", text, flags=re.I | re.S).split("\n")).items()}
    return [Section(name, number, parts.get("target", []), parts.get("result", []), parts.get("analysis", []),
                    links, code, text, head=name)]


# a hand-in's goal list at its head: "**Goal is to create a model with**", "# Problem Statement", "Constraints:" - its
# items ("Less than 8k Parameters", "Less than 15 Epochs") are what students tick off as met; an item that speaks to
# the reader ("You can use anything", "your analysis MUST be correct") is the assignment's own text, quoted. A
# "Requirements" head lists what to install, not goals.
GOAL_HEAD = re.compile(r"^\s*(?:#{1,6}\s*|\*\*|__)?\s*(?:(?:our|the|my)\s+)?(?:goals?|problem statement|constraints?)\b"
                       r"[^|]{0,60}$", re.I)
TO_THE_READER = re.compile(r"\b(?:you|your|must|when ready)\b|^\s*(?:do|attempt|explain|keep|submit|make sure)\b", re.I)


def goals(text: str) -> list[str]:
    """The items of the goal lists before the first step section (anywhere where the README has no step heads): the
    list right under a goal's head or bold line (blank lines and one sub-head before it skipped), up to the first
    line that is no item."""
    lines = text.replace("\r\n", "\n").split("\n")
    spans = _spans(lines)
    end = min((start for _, _, start, _ in spans), default=len(lines))
    out: list[str] = []
    i = 0
    while i < end:
        if not GOAL_HEAD.match(lines[i]):
            i += 1
            continue
        j = i + 1
        while j < end and (not lines[j].strip() or MD_HEAD.match(lines[j]) and j == i + 1 + _blank(lines, i + 1)):
            j += 1
        while j < end and (item := BULLET.match(lines[j])):
            if not TO_THE_READER.search(item[2]):
                out.append(clean(item[2]))
            j += 1
        i = j
    return [g for g in out if g]


# a closing section outside every step ("## Conclusion", "## Result", "## Summary"): what the hand-in says of its
# final model
CLOSING_HEAD = re.compile(r"^(?:final |overall )?(?:results?|conclusions?|summary)\s*:?$", re.I)


def closing(text: str) -> list[str]:
    """The sentences and items about the work's end under a closing head after the last step section, up to the next
    head (tables left out: a comparison table's rows are steps of their own); a sentence naming a step is that step's.
    None where the README has no step heads (its own Target / Result / Analysis are its one step's)."""
    lines = text.replace("\r\n", "\n").split("\n")
    spans = _spans(lines)
    inside = {i for _, _, start, end in spans for i in range(start, end)}
    heads = _heads(lines)
    out: list[str] = []
    last = max((start for _, _, start, _ in spans), default=len(lines))
    for i, _, words in heads:
        if i in inside or i < last or not CLOSING_HEAD.match(clean(words)):
            continue  # a closing comes after the steps: a Result head before the last one belongs to a step
        end = next((j for j, _, _ in heads if j > i), len(lines))
        for line in _blocks(lines[i + 1:end])[1]:
            if line.strip() and not line.lstrip().startswith(("|", "<", "!", "#")):
                out += [clean(item[2])] if (item := BULLET.match(line)) else sentences(line)
    return [s for s in out if s and FINAL_WORDS.search(s) and not NAMES_A_STEP.search(s)]


# a closing sentence about the work's end ("We achieved our target", "Final accuracy of 99.5 %"); the others retell
# the steps ("Starting from a skeleton with ~10k parameters"), each its own step's business
NAMES_A_STEP = re.compile(r"\b(?:step|model|code|iteration|experiment)[ _-]?\d", re.I)  # that step's business
FINAL_WORDS = re.compile(r"\b(?:final(?:ly)?|achiev\w*|target|goal|overall|in the end|last notebook|best model|"
                         r"final model)\b", re.I)


def _blank(lines: list[str], at: int) -> int:
    """How many blank lines start at `at`."""
    n = 0
    while at + n < len(lines) and not lines[at + n].strip():
        n += 1
    return n


# a receptive-field table as students write it beside their architecture: "- Receptive Field: 5x5" under "2.
# Convolution Block 2:", or "RF: 5"; a square's side is the field
RF_LINE = re.compile(r"(?i)^\s*(?:[-*+\u2022]\s*)?(?:receptive\s+field|rf)\b\s*(?:\(rf\))?\s*[:=\-\u2013]\s*(\d+)"
                     r"(?:\s*[x\u00d7]\s*(\d+))?\s*$")
NUMBERED_ITEM = re.compile(r"^\s*\d{1,2}[.)]\s+(.*?)\s*:?\s*$")


def rf_list(text: str) -> list[tuple[str, int]]:
    """The receptive fields a section's text lists, one a line, in order, each with the numbered item it stands
    under ("8. Output Block:")."""
    out: list[tuple[str, int]] = []
    label = ""
    for line in text.split("\n"):
        found = RF_LINE.match(line)
        if found is None:
            item = NUMBERED_ITEM.match(line)
            label = clean(item[1]) if item else label
            continue
        if found[2] is None or found[2] == found[1]:
            out.append((label, int(found[1])))
    return out
