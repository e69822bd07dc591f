"""The model registry (timm-style: find a plain nn.Module by name) and the resolution of `--model`
references: registered names, spec `.json` files, `path/to/file.py:Name`, `package.module:Name`.

Each registered model carries the training recipe it was designed with: `tinydigits train --model NAME`
uses it unless a flag overrides a setting. The models themselves live in `zoo.py`.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import importlib.metadata
import importlib.util
import inspect
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from torch import nn

from tinydigits.errors import TinyDigitsError, describe
from tinydigits.models import spec

_REGISTRY: dict[str, tuple[Callable[[], nn.Module], dict[str, Any]]] = {}


def register(name: str, **recipe: Any) -> Callable:
    """Class decorator: make a model findable by `name`, with its default training recipe."""

    def wrap(cls):
        _REGISTRY[name] = (cls, recipe)
        return cls

    return wrap


def names() -> list[str]:
    """Registered names in the order the zoo registers them: the steps of the exercise, then the tiers."""
    return list(_REGISTRY)


def lookup(name: str) -> tuple[Callable, dict[str, Any]]:
    """A registered model's (class or factory, recipe); one line naming the choices when there is none."""
    if name not in _REGISTRY:
        raise TinyDigitsError(f"unknown model {name!r}; choose one of: {', '.join(names())}")
    return _REGISTRY[name]


@dataclass
class Source:
    """What a `--model` reference resolved to: a factory, its recipe, and where it came from."""

    ref: str  # the reference as given
    name: str  # for run folders and tables
    factory: Callable[[], nn.Module]
    recipe: dict[str, Any]
    origin: dict[str, Any]  # recorded in config.json and model.pt

    def digest(self) -> str:
        """A hash of the model's own code and recipe: a spec's layers, a file's bytes, a class's source. Travels
        in plan.json and each seed's config.json, so `--resume` and the workers can tell two models apart that
        share a name."""
        if self.origin["kind"] == "spec":
            text = json.dumps(self.origin["spec"]["layers"], sort_keys=True)
        elif self.origin["kind"] == "file":  # the file's bytes and which of its classes: two classes differ
            text = f"{self.origin['sha256']}:{self.origin.get('attr')}"
        else:
            text = _without_docs(code_text(self.factory))
        return hashlib.sha256((text + json.dumps(self.recipe, sort_keys=True, default=str)).encode()).hexdigest()[:16]

    def code(self) -> str | None:
        """The model's code as a reader would want it beside its results: a file's text, a spec's JSON, a class's
        source or the notebook cell that defined it (None where Python has none, e.g. a class built at run time)."""
        if self.ref in _CODE:  # a notebook class that travelled here by value: its code came with it
            return _CODE[self.ref]
        try:
            if self.origin["kind"] == "spec":
                return json.dumps(self.origin["spec"], indent=1)
            if self.origin["kind"] == "file":
                return Path(self.origin["path"]).read_text()
        except (OSError, KeyError):
            return None
        return source_code(self.factory)

    def create(self) -> nn.Module:
        """A fresh model from this factory; a user's own model is checked on a [2, 1, 28, 28] input."""
        try:
            model = self.factory()
        except Exception as err:
            raise TinyDigitsError(f"model {self.ref!r}: creating it raised {describe(err)}") from None
        if not isinstance(model, nn.Module):
            raise TinyDigitsError(f"model {self.ref!r}: {self.name}() returned {type(model).__name__}, not an nn.Module")
        if self.origin["kind"] in ("file", "module"):
            check_io(model, self.ref)
        return model


_CODE: dict[str, str | None] = {}  # a notebook class's code, where the class arrived by value (a worker, a fresh process)


def remember_code(ref: str, code: str | None) -> None:
    _CODE[ref] = code


def source_code(obj: Any) -> str | None:
    """A class's or function's source; for a class defined in a notebook cell (Python keeps no file for `__main__`
    there), the cell that defined it, found through one of its methods' code. None when neither is known."""
    import linecache

    try:
        return inspect.getsource(obj)
    except (OSError, TypeError):
        pass
    for member in vars(obj).values() if isinstance(obj, type) else [obj]:
        code = getattr(member, "__code__", None)
        if code is not None and (lines := linecache.getlines(code.co_filename)):
            return "".join(lines)
    if isinstance(obj, type) and obj.__module__ == "__main__":  # a class with no method of its own (a subclass that
        # changes only its docstring or attributes): the newest cell the kernel keeps that defines a class of its name
        defines = re.compile(rf"^class {re.escape(obj.__name__)}\b", re.M)
        cells = [entry[2] for name, entry in list(linecache.cache.items())
                 if ("ipykernel_" in str(name) or str(name).startswith("<ipython-input")) and len(entry) > 2]
        found = [text for text in ("".join(lines) for lines in cells) if defines.search(text)]
        return found[-1] if found else None
    return None


def own_source(obj: Any) -> str:
    """A class's or function's own source: where Python keeps no file for it (a notebook's cell), its definition alone,
    cut from the cell that holds it - not the cell's other lines, nor the file name a kernel gave the cell, nor a
    pickle of it (each differs from one kernel to the next). What names a notebook's class (`api.model_ref`): the same
    class, the same name. Its pickled form (`code_text`) where no source is found."""
    try:
        return inspect.getsource(obj)
    except (OSError, TypeError):
        pass
    cell = source_code(obj)
    found = _definition(cell, obj) if cell else None
    return found if found is not None else code_text(obj)


def _definition(text: str, obj: Any) -> str | None:
    """The lines of `text` that define `obj` (a class or function of its name, its decorators with it; where several
    do, the one that holds its methods' code, else the last); None where none does or the text does not parse."""
    import ast
    import textwrap

    try:
        tree = ast.parse(textwrap.dedent(text))
    except SyntaxError:
        return None
    kinds = ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef
    nodes = [n for n in ast.walk(tree) if isinstance(n, kinds) and n.name == getattr(obj, "__name__", None)]
    if not nodes:
        return None
    members = vars(obj).values() if isinstance(obj, type) else [obj]
    lines_of = {code.co_firstlineno for m in members if (code := getattr(m, "__code__", None)) is not None}
    holding = [n for n in nodes if any(n.lineno <= line <= (n.end_lineno or n.lineno) for line in lines_of)]
    node = (holding or nodes)[-1]
    start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
    return textwrap.dedent("\n".join(textwrap.dedent(text).splitlines()[start - 1:node.end_lineno])) + "\n"


def code_text(obj: Any) -> str:
    """A class's or function's source where Python can find it (files, notebooks' cells), else its pickled form
    (cloudpickle, by value): what a content hash of a model reads."""
    try:
        return inspect.getsource(obj)
    except (OSError, TypeError):
        import cloudpickle

        return cloudpickle.dumps(obj).hex()


def _without_docs(source: str) -> str:
    """A class's or function's code without its docstrings and comments (`ast.unparse`), so the hash names the code a
    seed ran, not its description: a docstring that points to docs/seeds.csv does not start a fresh count there.
    Text that does not parse (pickled code) is returned as is."""
    import ast
    import textwrap

    try:
        tree = ast.parse(textwrap.dedent(source))
    except SyntaxError:
        return source
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and body
                and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
                and isinstance(body[0].value.value, str)):
            node.body = body[1:] or [ast.Pass()]
    return ast.unparse(tree)


# A check's model as content (`content` on the checking machine, `provided` on a worker): a spec's JSON or a model
# file's bytes travel with each seed, so a worker needs neither the same path nor the same version of the file.
_PROVIDED: dict[str, dict[str, Any]] = {}


def content(ref: str) -> dict[str, Any] | None:
    """What a worker needs to build `ref` without reading this machine's files: a spec's JSON or a model file's
    text (None for registered names and importable modules, which the worker's own installation has)."""
    if spec.is_spec_path(ref):
        return {"kind": "spec", "spec": spec.load(ref).to_dict()}
    where, _, attr = ref.rpartition(":")
    if where and _is_file(where):
        path = Path(where).expanduser()
        if not path.is_file():
            raise TinyDigitsError(f"--model {ref!r}: file {where} not found")
        return {"kind": "file", "text": path.read_bytes(), "name": path.name, "path": str(path.resolve()), "attr": attr}
    return None


@contextlib.contextmanager
def provided(ref: str, payload: dict[str, Any] | None) -> Iterator[None]:
    """Within the block, `ref` resolves to `payload` (from `content`) instead of this machine's files."""
    if payload is None:
        yield
        return
    _PROVIDED[ref] = payload
    try:
        yield
    finally:
        _PROVIDED.pop(ref, None)


def resolve(ref: str) -> Source:
    """A registered name, a spec `.json` file, `path/to/file.py:Name` or `package.module:Name`
    (Name: an nn.Module subclass or a zero-argument factory). Loading a file or module runs its
    code, as `python file.py` would."""
    given = _PROVIDED.get(ref)
    if given is not None and given["kind"] == "spec":
        net = spec.NetSpec.from_dict(given["spec"], ref)
        return Source(ref, net.name, net.build, dict(net.recipe), {"kind": "spec", "spec": net.to_dict()})
    if given is not None:
        return _provided_file(ref, given)
    if spec.is_spec_path(ref):
        net = spec.load(ref)
        return Source(ref, net.name, net.build, dict(net.recipe), {"kind": "spec", "spec": net.to_dict()})
    if ":" in ref:
        return _user_source(ref)
    if ref.endswith(".py"):
        raise TinyDigitsError(_which_class(ref))
    factory, recipe = lookup(ref)
    return Source(ref, ref, factory, dict(recipe), {"kind": "registry", "name": ref})


def _which_class(ref: str) -> str:
    """`--model model.py` without `:Name`: the line that says how, with the file's classes (read, not run)."""
    import ast

    path = Path(ref).expanduser()
    if not path.is_file():
        return f"--model {ref!r}: no such file (and your own model is given as path/to/file.py:Name)"
    try:
        defs = [n for n in ast.parse(path.read_text()).body if isinstance(n, ast.ClassDef)]
        modules: set[str] = set()
        for _ in defs:  # an nn.Module subclass, directly or through a class of the same file
            modules |= {d.name for d in defs if any(ast.unparse(b).split(".")[-1] in ("Module", *modules) for b in d.bases)}
        classes = [d.name for d in defs if d.name in modules] or [d.name for d in defs]
    except (SyntaxError, UnicodeDecodeError, ValueError) as err:
        return f"--model {ref!r}: name the class as {ref}:Name ({path.name} does not parse: {err})"
    hint = f"; its classes: {', '.join(f'{ref}:{c}' for c in classes)}" if classes else f" ({path.name} defines no class)"
    return f"--model {ref!r}: name the model in the file as {ref}:Name{hint}"


def _user_source(ref: str) -> Source:
    where, _, attr = ref.rpartition(":")
    if not where or not attr.isidentifier():
        raise TinyDigitsError(f"--model {ref!r}: expected path/to/file.py:Name or package.module:Name")
    if _is_file(where):
        path = Path(where).expanduser().resolve()
        if not path.is_file():
            raise TinyDigitsError(f"--model {ref!r}: file {where} not found")
        module_name, origin = _file_identity(str(path), hashlib.sha256(path.read_bytes()).hexdigest(), attr)
        try:
            module = sys.modules.get(module_name) or _exec_file(path, module_name)
        except Exception as err:
            raise TinyDigitsError(f"--model {ref!r}: importing {where} raised {describe(err)}") from None
    else:
        try:
            module = importlib.import_module(where)
        except Exception as err:
            raise TinyDigitsError(f"--model {ref!r}: importing module {where} raised {describe(err)}") from None
        top = where.split(".")[0]
        origin = {"kind": "module", "module": where, "attr": attr, "ref": ref,
                  "version": getattr(sys.modules[top], "__version__", None) or _dist_version(top)}
    if not hasattr(module, attr):
        found = sorted(n for n, v in vars(module).items()
                       if isinstance(v, type) and issubclass(v, nn.Module) and v.__module__ == module.__name__)
        hint = f" (its nn.Modules: {', '.join(found)})" if found else ""
        raise TinyDigitsError(f"--model {ref!r}: {where} has no attribute {attr!r}{hint}")
    factory = getattr(module, attr)
    if not callable(factory) or (isinstance(factory, type) and not issubclass(factory, nn.Module)):
        raise TinyDigitsError(f"--model {ref!r}: {attr} is neither an nn.Module subclass nor a zero-argument factory")
    return Source(ref, attr, factory, {}, origin)


def _is_file(where: str) -> bool:
    """The part of `where:Name` before the colon names a file (else a module to import)."""
    return where.endswith(".py") or os.sep in where or "/" in where


def _file_identity(path: str, digest: str, attr: str) -> tuple[str, dict[str, Any]]:
    """A model file's module name (one per content: an edited file is a new module) and the origin runs record."""
    return (f"tinydigits_user_{Path(path).stem}_{digest[:12]}",
            {"kind": "file", "path": path, "sha256": digest, "attr": attr, "ref": f"{path}:{attr}"})


def _provided_file(ref: str, given: dict[str, Any]) -> Source:
    """A model file that came as content: run from a private copy, recorded under its path on the checking machine."""
    import tempfile

    module_name, origin = _file_identity(given["path"], hashlib.sha256(given["text"]).hexdigest(), given["attr"])
    module = sys.modules.get(module_name)
    if module is None:
        with tempfile.TemporaryDirectory(prefix="tinydigits-model-") as tmp:
            copy = Path(tmp) / given["name"]
            copy.write_bytes(given["text"])
            try:
                module = _exec_file(copy, module_name)
            except Exception as err:
                raise TinyDigitsError(f"--model {ref!r}: importing it raised {describe(err)}") from None
    factory = getattr(module, given["attr"], None)
    if factory is None:
        raise TinyDigitsError(f"--model {ref!r}: {given['name']} has no attribute {given['attr']!r}")
    return Source(ref, given["attr"], factory, {}, origin)


def _exec_file(path: Path, module_name: str):
    loader_spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(loader_spec)
    sys.modules[module_name] = module  # dataclasses and pickling look the module up by name
    try:
        loader_spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[module_name]
        raise
    return module


def _dist_version(package: str) -> str | None:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return None


def create(ref: str) -> nn.Module:
    """A fresh model from any `--model` reference (see `resolve` and `Source.create`)."""
    return resolve(ref).create()


@contextlib.contextmanager
def eval_mode(model: nn.Module) -> Iterator[nn.Module]:
    """The model in eval mode without gradients for the block, then back in the mode it was in (even on an error):
    batch norm uses its running statistics and dropout is off while a caller measures."""
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            yield model
    finally:
        model.train(was_training)


def check_io(model: nn.Module, ref: str) -> None:
    """A user's model must map [N, 1, 28, 28] to [N, 10] logits; say so in one line when it does not."""
    try:
        with eval_mode(model):
            out = model(torch.zeros(2, 1, 28, 28))
    except Exception as err:
        raise TinyDigitsError(f"model {ref!r} fails on a [2, 1, 28, 28] input: {describe(err)}") from None
    if not isinstance(out, torch.Tensor) or tuple(out.shape) != (2, 10):
        shape = list(out.shape) if isinstance(out, torch.Tensor) else type(out).__name__
        raise TinyDigitsError(f"model {ref!r} returns {shape} for a [2, 1, 28, 28] input, expected [N, 10] logits")


def recipe(ref: str) -> dict[str, Any]:
    """Training settings the model was designed and measured with ({} for a user's own model)."""
    return resolve(ref).recipe


def display_name(ref: str) -> str:
    """What run folders and tables call a model: its registered name, a spec's own name, or the class/factory name."""
    return resolve(ref).name


def count_params(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters() if p.requires_grad)
