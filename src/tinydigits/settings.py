"""Settings declared once: a dataclass field carries its command-line help, and argparse is built from the fields.

`TrainConfig`, `SearchConfig` and `Budget` declare each setting in one place (name, type, default, help); the
commands take their flags from there (`add_arguments`) and build the dataclass back from the parsed flags
(`from_args`), so a new field is a new flag with no other edit. Hand-written rather than a library (typed-argparse,
simple-parsing): the whole mapping is these few lines, and the flags stay exactly argparse's.
"""

from __future__ import annotations

import argparse
import dataclasses
import types
import typing
from collections.abc import Callable, Iterable
from typing import Any

from tinydigits.errors import TinyDigitsError

# Help of flags many commands share.
MODEL_HELP = ("a registered name (see `tinydigits models`), a spec .json file (`tinydigits search --export`), "
              "or your own model as path/to/file.py:Name or package.module:Name (an nn.Module subclass or a "
              "zero-argument factory; loading it runs that file's code, as `python file.py` would)")
DATA_DIR_HELP = "folder with the four MNIST IDX files (default: $TINYDIGITS_DATA_DIR, else the user cache)"


def setting(default: Any = None, help: str | None = None, *, type: Callable[[str], Any] | None = None,
            metavar: str | None = None, choices: Iterable[str] | None = None, cli: bool = True,
            default_factory: Callable[[], Any] | None = None, role: str | None = None, off: Any = None,
            when: tuple[str, Any] | None = None) -> Any:
    """A dataclass field with its flag's help (`cli=False`: a setting no command line sets, e.g. one the program fills)
    and its `role` (what kind of setting it is: `training.config.ROLES`), from which every list of settings derives.
    `off`: what a setting left to the recipe becomes when the recipe says nothing: the value that leaves training as
    it is (0 for an augmentation, (1.0, 1.0) for a zoom), or the program's own (SGD's momentum); `when`: (another
    setting, its value) without which this one does nothing (a step schedule's step size)."""
    metadata = {"help": help, "type": type, "metavar": metavar, "choices": tuple(choices) if choices else None, "cli": cli,
                "role": role, "off": off, "when": when}
    if default_factory is not None:
        return dataclasses.field(default_factory=default_factory, metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


def same_as(cls: type, name: str, **changes: Any) -> Any:
    """Another dataclass's setting declared again (`SearchConfig`'s budget and run settings are `Budget`'s and
    `TrainConfig`'s): the same default, type and help, with `changes` (a help, a default) where it says more."""
    field = next(f for f in dataclasses.fields(cls) if f.name == name)
    metadata = {**field.metadata, **{k: v for k, v in changes.items() if k != "default"}}
    default = changes.get("default", field.default)
    if field.default_factory is not dataclasses.MISSING and "default" not in changes:
        return dataclasses.field(default_factory=field.default_factory, metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be >= 1")
    return value


def seed_list(text: str) -> list[int]:
    """`0-29`, `0-9,20,25-29` or `0,1,2`: distinct seeds in the order given (a range is inclusive, low to high)."""
    seeds: list[int] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        low, dash, high = part.partition("-")  # a leading "-" (negative seed) is not a range: seeds are >= 0
        try:
            first, last = (int(low), int(high)) if dash and low else (int(part), int(part))
        except ValueError:
            raise argparse.ArgumentTypeError(f"{part!r}: expected a seed or a range LOW-HIGH, e.g. 0-9,20,25-29") from None
        if first < 0 or last < first:
            raise argparse.ArgumentTypeError(f"{part!r}: a range goes from a low seed >= 0 up to a higher one, e.g. 1-3")
        seeds += range(first, last + 1)
    if not seeds or len(set(seeds)) != len(seeds):
        raise argparse.ArgumentTypeError("expected distinct seeds, e.g. 0-9 or 0,1,2")
    return seeds


def scale_range(text: str) -> tuple[float, float]:
    try:
        low, high = (float(v) for v in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError("expected LOW,HIGH, e.g. 0.9,1.1") from None
    return low, high


def _value_type(hint: Any) -> Callable[[str], Any]:
    """`int | None` -> int; what argparse converts a flag's text with when the field names no `type`."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        hint = next(a for a in typing.get_args(hint) if a is not type(None))
    return hint if hint in (int, float, str, bool) else str


def cli_fields(cls: type) -> list[dataclasses.Field]:
    return [f for f in dataclasses.fields(cls) if f.metadata.get("cli", True)]


def add_arguments(parser: argparse.ArgumentParser, cls: type, skip: Iterable[str] = (),
                  defaults: dict[str, Any] | None = None, only: Iterable[str] | None = None,
                  helps: dict[str, str] | None = None) -> None:
    """One `--flag-name` per field of `cls` (in field order; `only` some of them), typed by the field, with its
    default and help (`defaults`, `helps`: where a command means the setting a little differently, e.g. bench's
    epochs to time). A bool field is a `--flag/--no-flag` pair."""
    hints = typing.get_type_hints(cls)
    for f in cli_fields(cls):
        if f.name in skip or (only is not None and f.name not in only):
            continue
        meta = f.metadata
        own = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
        default = (defaults or {}).get(f.name, None if own is dataclasses.MISSING else own)
        text = with_default((helps or {}).get(f.name, meta.get("help")), default, meta)
        kwargs: dict[str, Any] = {"default": default, "help": text.replace("%", "%%")}  # argparse formats help with %
        if _value_type(hints[f.name]) is bool:
            kwargs["action"] = argparse.BooleanOptionalAction
        elif meta.get("choices"):
            kwargs["choices"] = list(meta["choices"])
        else:
            kwargs["type"] = meta.get("type") or _value_type(hints[f.name])
        if meta.get("metavar"):
            kwargs["metavar"] = meta["metavar"]
        parser.add_argument(f"--{f.name.replace('_', '-')}", **kwargs)


def shown(value: Any) -> str:
    """A setting's value as its flag takes it: 0.9 not 0.90, a range as LOW,HIGH, a switch as on or off."""
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, tuple | list):
        return ",".join(map(shown, value))
    return f"{value:g}" if isinstance(value, float) else str(value)


def as_flags(values: dict[str, Any]) -> list[str]:
    """Settings as the command line takes them (`add_arguments`' flags, the other way): `--name VALUE` in `shown`'s
    words, a switch as `--name` or `--no-name`."""
    out: list[str] = []
    for name, value in values.items():
        flag = name.replace("_", "-")
        out += [f"--{flag}" if value else f"--no-{flag}"] if isinstance(value, bool) else [f"--{flag}", shown(value)]
    return out


def with_default(text: str | None, default: Any, meta: Any) -> str:
    """A flag's help with its default at the end: as the help words it where it does (a default it computes: "a third
    of the epochs"), else the flag's value, else - a setting the model's recipe decides - the recipe's, then the value
    it trains with when the recipe says nothing (its `off`)."""
    text = text or ""
    if "default" in text:
        return text
    if default is not None:
        said = shown(default)
    elif meta.get("off") is not None:
        said = f"the model's recipe, else {shown(meta['off'])}"
    else:
        said = "none"
    return f"{text} (default: {said})" if text else f"default: {said}"


def settings_doc(cls: type, skip: Iterable[str] = (), indent: str = "    ") -> str:
    """Every command-line setting of `cls` as a docstring lists it, one line each: `name=default` and the words its
    flag's `--help` gives (`with_default`), from the same fields the flags come from, so the two cannot drift."""
    lines = []
    for f in cli_fields(cls):
        if f.name in skip:
            continue
        own = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
        lines.append(f"{indent}{f.name}={own!r}: {with_default(f.metadata.get('help'), own, f.metadata)}")
    return "\n".join(lines)


def unknown_settings(given: Iterable[str], cls: type, call: str, skip: Iterable[str] = ()) -> None:
    """A keyword that is no setting of `cls` (a typo, another call's setting), refused in one line with the nearest
    names and where the list is, rather than a dataclass's TypeError."""
    import difflib

    names = [f.name for f in dataclasses.fields(cls) if f.name not in set(skip)]
    for key in given:
        if key not in names:
            near = difflib.get_close_matches(key, names, n=2)
            raise TinyDigitsError(f"{call}() has no setting {key!r}" + (f" (did you mean {' or '.join(near)}?)" if near
                                                                        else "") + f"; help({call}) lists them all")


def from_args(cls: type, args: argparse.Namespace, **overrides: Any) -> Any:
    """The dataclass back from parsed flags: every field the command line set (the rest keep their defaults)."""
    values = {f.name: getattr(args, f.name) for f in dataclasses.fields(cls) if hasattr(args, f.name)}
    return cls(**{**values, **overrides})
