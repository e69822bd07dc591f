"""A step's model code as a file that runs alone: the class as its run recorded it, with the imports and the helper
definitions it uses written out above it, so that a grader handed only the hand-in folder (and PyTorch) can build the
model - `python stepN-code.py`, or `tinydigits summary --model stepN-code.py:Name` where tinydigits is installed.

A run records a registered model's class alone (`@register(...)`, `Chain`, `conv` undefined around it) and a notebook
class's whole cell (its helpers and imports maybe in other cells, its training call beside it). Each name the class
uses is looked up, in order: the recorded code itself, the other steps' recorded cells (what trained), the live module
or notebook it came from, the usual aliases (`nn`, `F`, `torch`). tinydigits' own helpers are written out from its
source, so that the file needs no tinydigits; its registry decorator becomes a stand-in that returns the class."""

from __future__ import annotations

import ast
import builtins
import importlib
import inspect
import os
import sys
import textwrap
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tinydigits.errors import TinyDigitsError
from tinydigits.models import registry

STAND_IN = '''def register(name, **recipe):
    """tinydigits' registry decorator without the registry: the class as it is (its recipe: the arguments)."""
    return lambda cls: cls'''

# The names a notebook uses for PyTorch's modules by habit: what a cell means by them when no live notebook says.
USUAL = {"nn": "from torch import nn", "F": "import torch.nn.functional as F", "torch": "import torch",
         "optim": "from torch import optim", "np": "import numpy as np", "math": "import math"}

OWN = "tinydigits"  # helpers from this package are written out: a grader's folder has no tinydigits


@dataclass
class Exported:
    """The file's text, the class it defines, the helpers written out (by name), the names left undefined, and
    whether it still imports tinydigits."""

    text: str
    name: str | None
    helpers: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)
    needs_tinydigits: bool = False


@dataclass
class Scope:
    """Where a name may be defined: the top-level statements of a source text, and the live globals it ran with."""

    source: str
    live: dict[str, Any] | None = None
    label: str = ""  # said above each definition taken from here ("" for the recorded code itself)
    defs: dict[str, ast.stmt] = field(default_factory=dict)
    future: bool = False  # the source has `from __future__ import annotations`: annotations are never evaluated

    def __post_init__(self) -> None:
        try:
            tree = ast.parse(textwrap.dedent(self.source))
        except SyntaxError:
            return
        self.source = textwrap.dedent(self.source)
        for node in tree.body:
            for name in _bound(node):
                self.defs.setdefault(name, node)
            if isinstance(node, ast.ImportFrom) and node.module == "__future__":
                self.future = True

    def segment(self, node: ast.stmt) -> str:
        """A definition's text as written, its decorators included."""
        lines = self.source.splitlines()
        start = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
        return "\n".join(lines[start - 1 : node.end_lineno])


def _bound(node: ast.stmt) -> list[str]:
    """The names a top-level statement binds."""
    if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
        return [node.name]
    if isinstance(node, ast.Import | ast.ImportFrom):
        return [(a.asname or a.name).split(".")[0] for a in node.names if a.name != "*"]
    if isinstance(node, ast.Assign):
        return [t.id for target in node.targets for t in ast.walk(target) if isinstance(t, ast.Name)]
    if isinstance(node, ast.AnnAssign) and node.value is not None and isinstance(node.target, ast.Name):
        return [node.target.id]
    return []


def free_names(node: ast.AST, annotations: bool = True) -> list[str]:
    """The names a statement reads but does not bind itself, in the order they appear (builtins left out);
    `annotations=False`: those read only in annotations too (never evaluated under `from __future__ import
    annotations`)."""
    skip: set[int] = set()
    if not annotations:
        for n in ast.walk(node):
            for ann in (getattr(n, "annotation", None), getattr(n, "returns", None)):
                if ann is not None:
                    skip |= {id(a) for a in ast.walk(ann)}
    loads, stores = [], set()
    for n in ast.walk(node):
        if isinstance(n, ast.Name) and id(n) not in skip:
            (loads.append(n.id) if isinstance(n.ctx, ast.Load) else stores.add(n.id))
        elif isinstance(n, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            stores.add(n.name)
        elif isinstance(n, ast.arg):
            stores.add(n.arg)
        elif isinstance(n, ast.Import | ast.ImportFrom):
            stores |= {(a.asname or a.name).split(".")[0] for a in n.names}
        elif isinstance(n, ast.ExceptHandler) and n.name:
            stores.add(n.name)
    names = dict.fromkeys(n for n in loads if n not in stores and not hasattr(builtins, n))
    return list(names)


class _Writer:
    """The walk from the class to everything it uses: imports collected apart, definitions in the order they are
    needed (a helper before the code that calls it)."""

    def __init__(self, chain: list[Scope]) -> None:
        self.chain = chain
        self.imports: dict[str, None] = {}
        self.blocks: list[str] = []
        self.helpers: list[str] = []
        self.unresolved: list[str] = []
        self.done: set[str] = set()
        self.future = False
        self.needs_tinydigits = False

    def need(self, name: str, chain: list[Scope]) -> None:
        if name in self.done:
            return
        self.done.add(name)
        for scope in chain:
            node = scope.defs.get(name)
            if node is not None and not _imports_own(node):
                return self._take(name, node, scope, chain)
            if scope.live is not None and name in scope.live:
                return self._object(name, scope.live[name], scope, chain)
        if name in USUAL:
            self.imports[USUAL[name]] = None
        else:
            self.unresolved.append(name)

    def _take(self, name: str, node: ast.stmt, scope: Scope, chain: list[Scope]) -> None:
        """A statement of a source: an import (only the name wanted), or a definition with what it needs first."""
        if isinstance(node, ast.Import):
            alias = next(a for a in node.names if (a.asname or a.name).split(".")[0] == name)
            self.imports[ast.unparse(ast.Import([alias]))] = None
            return
        if isinstance(node, ast.ImportFrom):
            alias = next(a for a in node.names if (a.asname or a.name) == name)
            self.imports[ast.unparse(ast.ImportFrom(node.module, [alias], node.level))] = None
            return
        here = [scope, *(s for s in chain if s is not scope)]
        runtime = free_names(node, annotations=not scope.future)
        for used in free_names(node):  # an annotation's names too, where found: the file reads whole to a linter
            known = len(self.unresolved)
            self.need(used, here)
            if used not in runtime:
                del self.unresolved[known:]
        self.future |= scope.future and bool(scope.label)
        self._add(name, scope.segment(node), scope.label)

    def _object(self, name: str, obj: Any, scope: Scope, chain: list[Scope]) -> None:
        """A live object: a module or an outside class/function imported, tinydigits' or the notebook's written out."""
        if obj is registry.register:
            self._add(name, STAND_IN, "a stand-in for tinydigits' registry")
            return
        if isinstance(obj, types.ModuleType):
            module = obj.__name__
            self.needs_tinydigits |= module.split(".")[0] == OWN
            parent, _, last = module.rpartition(".")
            self.imports[f"import {module}" if name == module else f"from {parent} import {last}" if last == name and parent
                         else f"import {module} as {name}"] = None
            return
        module = getattr(obj, "__module__", None) or ""
        if (inspect.isclass(obj) or inspect.isfunction(obj)) and (module == "__main__" or module.split(".")[0] == OWN):
            return self._written_out(name, obj, module, chain)
        if inspect.isclass(obj) or inspect.isfunction(obj) or callable(obj) and hasattr(obj, "__name__"):
            self.imports[f"from {module} import {obj.__name__}" + (f" as {name}" if name != obj.__name__ else "")] = None
            return
        try:
            if ast.literal_eval(repr(obj)) == obj:
                self._add(name, f"{name} = {obj!r}", "its value where this folder was written")
                return
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            pass
        self.unresolved.append(name)

    def _written_out(self, name: str, obj: Any, module: str, chain: list[Scope]) -> None:
        """A class or function of tinydigits or of the notebook: its definition, from its own module's source."""
        live = vars(sys.modules[module]) if module in sys.modules else None
        if module == "__main__":
            source, label = registry.source_code(obj) or "", "from the notebook"
        else:
            try:
                source = inspect.getsource(sys.modules[module])
            except (OSError, TypeError, KeyError):
                source = ""
            label = _label(module)
        scope = Scope(source, live, label)
        node = scope.defs.get(obj.__name__)
        if node is None:
            self.unresolved.append(name)
            return
        self._take(obj.__name__, node, scope, [scope, *chain])
        if name != obj.__name__:
            self._add(name, f"{name} = {obj.__name__}", "")

    def _add(self, name: str, text: str, label: str) -> None:
        self.helpers.append(name)
        self.blocks.append((f"# {label}\n" if label else "") + text)


def _imports_own(node: ast.stmt) -> bool:
    """An import of tinydigits: not copied (the folder has none), the object it names is written out instead."""
    if isinstance(node, ast.ImportFrom):
        return (node.module or "").split(".")[0] == OWN
    return isinstance(node, ast.Import) and any(a.name.split(".")[0] == OWN for a in node.names)


def _label(module: str) -> str:
    """Said above a definition written out from tinydigits: which module, which version."""
    from tinydigits.constants import VERSION

    return f"{module}'s, as {OWN} {VERSION} has it"


def export(code: str, name: str | None, chain: list[Scope], whole: bool, header: str = "") -> Exported:
    """The file for `code` defining `name`: with `whole` (a model file), the code as it is, with what it lacks written
    above it; else (a class's source, a notebook cell) only what `name` needs of it - a cell's training calls left out.
    `chain`: where else names are defined, searched in order after the code itself."""
    own = Scope(code)
    if not own.defs and not whole:  # code that does not parse: as recorded, said so
        return Exported(f"{header}# the recorded code does not parse as Python; as it was recorded:\n{code}", name,
                        unresolved=[name or "?"])
    writer = _Writer([own, *chain])
    if whole:
        writer.done |= set(own.defs)
        for node in ast.parse(own.source).body:
            for used in free_names(node):
                writer.need(used, [own, *chain])
        body = own.source.rstrip("\n")
    else:
        writer.need(name or "", [own, *chain])
        body = ""
    imports = sorted(writer.imports, key=lambda line: (line.startswith("from"), line))
    if writer.future and "from __future__ import annotations" not in body:
        imports = ["from __future__ import annotations", "", *imports]
    extra = ["\n".join(imports).strip("\n"), *writer.blocks]
    parts = [header.rstrip("\n")] if header else []
    parts += [_inserted(body, [e for e in extra if e])] if body else extra
    if name and name not in writer.unresolved and "__main__" not in body:
        parts.append(main_block(name))
    text = "\n\n\n".join(p for p in parts if p) + "\n"
    return Exported(text, name, [h for h in writer.helpers if h != name], writer.unresolved, writer.needs_tinydigits)


def _inserted(body: str, extra: list[str]) -> str:
    """A whole file with what it lacks inserted after its docstring and `from __future__` lines (which must lead)."""
    if not extra:
        return body
    tree = ast.parse(body)
    lead = 0
    for node in tree.body:
        if (isinstance(node, ast.ImportFrom) and node.module == "__future__") or (
                node is tree.body[0] and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)):
            lead = node.end_lineno or 0
        else:
            break
    lines = body.splitlines()
    head, rest = "\n".join(lines[:lead]), "\n".join(lines[lead:]).strip("\n")
    return "\n\n\n".join(p for p in (head, *extra, rest) if p)


def main_block(name: str) -> str:
    """`python stepN-code.py`: the model built once, its parameters counted and a digit passed through it."""
    return f'''if __name__ == "__main__":  # built once: its parameters counted, a blank 28x28 digit passed through it
    import torch

    model = {name}().eval()
    with torch.no_grad():
        out = model(torch.zeros(1, 1, 28, 28))
    print(f"{name}: {{sum(p.numel() for p in model.parameters()):,}} parameters; one digit in, {{tuple(out.shape)}} out")'''


def for_run(code: str, origin: dict[str, Any], ref: str, others: list[str], header: str = "") -> Exported:
    """A run's recorded `code` as a file that runs alone. `origin` and `ref` (config.json's) say what the code is: a
    registered class (its module's globals and source searched), a notebook's class (`-inline`: its cell, the other
    steps' cells in `others`, and the notebook's globals where this runs in its kernel), a model file (whole), or a
    module's class (that module searched)."""
    from tinydigits.training.runs import INLINE

    kind = origin.get("kind")
    cells = [Scope(other, label="from another step's recorded cell") for other in others if other and other != code]
    if kind == "file":
        return export(code, origin.get("attr"), cells, whole=True, header=header)
    if INLINE in ref:
        main = sys.modules.get("__main__")
        live = vars(main) if main is not None and ref.split(":")[-1] in registry.names() else None
        chain = [*cells, Scope("", live, "from the notebook")] if live is not None else cells
        return export(code, ref.split(INLINE)[0], chain, whole=False, header=header)
    cls = _class_of(origin)
    name = getattr(cls, "__name__", None) or _first_class(code)
    module = getattr(cls, "__module__", None)
    if module is None or module not in sys.modules:
        return export(code, name, [], whole=False, header=header)
    try:
        source = inspect.getsource(sys.modules[module])
    except (OSError, TypeError):
        source = ""
    label = _label(module) if module.split(".")[0] == OWN else ""
    return export(code, name, [Scope(source, vars(sys.modules[module]), label)], whole=False, header=header)


def _class_of(origin: dict[str, Any]) -> Any:
    """The live class a registered name or a module's class names, where this process has it (else None)."""
    try:
        if origin.get("kind") == "registry":
            return registry.lookup(origin.get("name", ""))[0]
        if origin.get("kind") == "module":
            return getattr(importlib.import_module(origin["module"]), origin["attr"])
    except Exception:  # a model renamed or a module gone since it trained: the recorded code alone
        return None
    return None


def _first_class(code: str) -> str | None:
    try:
        return next((n.name for n in ast.parse(textwrap.dedent(code)).body if isinstance(n, ast.ClassDef)), None)
    except SyntaxError:
        return None


NAME_IT = 'name it: tinydigits.handin(..., notebook="YOUR_NOTEBOOK.ipynb")'


def notebook_file(given: str | os.PathLike | None = None) -> tuple[Path | None, str]:
    """The notebook this process runs as a kernel of: `given` where the caller names it (`handin(notebook=...)`: a
    kernel started by nbclient or papermill says nothing), else where the kernel says (JupyterLab's `__session__`,
    VS Code's `__vsc_ipynb_file__`, the server's JPY_SESSION_NAME); or None and why not, with how to name it."""
    if given is not None:
        path = Path(given).expanduser()
        if path.suffix != ".ipynb" or not path.is_file():
            raise TinyDigitsError(f"notebook={str(given)!r}: no such notebook file here ({Path.cwd()}); give the "
                                  ".ipynb file's path, e.g. notebook=\"student.ipynb\"")
        return path, ""
    try:
        from IPython import get_ipython
    except ImportError:
        get_ipython = None  # noqa: N806 - IPython absent: no kernel
    shell = get_ipython() if get_ipython is not None else None
    if shell is None or type(shell).__name__ == "TerminalInteractiveShell":
        return None, ("it was written outside the notebook's kernel, which alone knows the notebook's file; name it: "
                      "`report --steps --notebook FILE.ipynb`, or tinydigits.handin(..., notebook=\"FILE.ipynb\")")
    for said in (shell.user_ns.get("__vsc_ipynb_file__"), shell.user_ns.get("__session__"),
                 os.environ.get("JPY_SESSION_NAME")):
        if isinstance(said, str) and said.endswith(".ipynb"):
            for path in (Path(said), Path.cwd() / Path(said).name):
                if path.is_file():
                    return path, ""
    return None, f"its kernel does not say which notebook it runs (no `__session__` or JPY_SESSION_NAME); {NAME_IT}"
