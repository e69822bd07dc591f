"""A notebook read as what it holds: its code cells' text, what its cells printed (stream text with its \\r updates,
results' plain text), its Markdown. JSON in; no kernel, no cell ever run."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from tinydigits.errors import TinyDigitsError


@dataclass(frozen=True)
class Notebook:
    path: Path
    cells: list[str] = field(default_factory=list)  # code cells' sources, in order
    outputs: str = ""  # everything the cells printed, in order, as one text
    markdown: str = ""  # the Markdown cells, joined

    @property
    def code(self) -> str:
        return "\n\n".join(self.cells)


def _text(value: object) -> str:
    """nbformat keeps a multi-line string as a list of lines (each with its newline) or as one string."""
    if isinstance(value, list):
        return "".join(str(v) for v in value)
    return value if isinstance(value, str) else ""


def read_notebook(path: str | Path) -> Notebook:
    """The notebook's cells and printed outputs; one line saying why where the file is not a notebook."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8", errors="replace"))
    except (OSError, ValueError) as err:
        raise TinyDigitsError(f"{path}: not a readable notebook ({type(err).__name__})") from None
    cells = data.get("cells") if isinstance(data, dict) else None
    if cells is None and isinstance(data, dict) and data.get("worksheets"):  # nbformat 3 keeps cells in worksheets
        cells = [c for sheet in data["worksheets"] for c in sheet.get("cells", [])]
    if not isinstance(cells, list):
        raise TinyDigitsError(f"{path}: not a notebook (no cells)")
    code, printed, markdown = [], [], []
    for cell in cells:
        if not isinstance(cell, dict):
            continue
        kind = cell.get("cell_type")
        if kind == "markdown":
            markdown.append(_text(cell.get("source")))
        elif kind == "code":
            code.append(_text(cell.get("source", cell.get("input"))))
            stream = None
            for out in cell.get("outputs") or []:
                if not isinstance(out, dict):
                    continue
                if out.get("output_type") == "stream":
                    if stream not in (None, out.get("name")) and printed and not printed[-1].endswith("\n"):
                        printed.append("\n")  # tqdm's stderr and print's stdout interleave: one never ends the other's line
                    stream = out.get("name")
                    printed.append(_text(out.get("text")))
                elif out.get("output_type") in ("execute_result", "display_data", "pyout"):
                    printed.append(_text((out.get("data") or {}).get("text/plain", out.get("text"))))
            printed.append("\n")  # a cell's outputs end its line
    return Notebook(path, code, "".join(printed), "\n\n".join(markdown))
