"""`re`'s functions over one cache of compiled patterns big enough for the claims checker.

The checker (`steps.claims`) matches some 1,200 distinct patterns on every sentence, and `re` keeps only the last
512 it compiled, dropping the oldest first: each sentence compiled most of them again, which was nearly all of its
time. Here every function compiles through one least-recently-used cache, so the checker's fixed patterns stay
compiled and the few built from a sentence's own figures come and go. Patterns, flags and matches are `re`'s own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from re import IGNORECASE, MULTILINE, I, M, Match, Pattern, S, escape

__all__ = ["I", "IGNORECASE", "M", "MULTILINE", "S", "Match", "Pattern", "compile", "escape", "findall", "finditer",
           "fullmatch", "match", "search", "split", "sub"]

# larger than the checker's fixed patterns, so a sentence's own patterns never push one of them out
_CACHED = 4096


@functools.lru_cache(maxsize=_CACHED)
def compile(pattern: str | Pattern, flags: int = 0) -> Pattern:  # noqa: A001 - re's name, so callers read as re's
    return re.compile(pattern, flags)


def search(pattern: str | Pattern, string: str, flags: int = 0) -> Match | None:
    return compile(pattern, flags).search(string)


def match(pattern: str | Pattern, string: str, flags: int = 0) -> Match | None:
    return compile(pattern, flags).match(string)


def fullmatch(pattern: str | Pattern, string: str, flags: int = 0) -> Match | None:
    return compile(pattern, flags).fullmatch(string)


def findall(pattern: str | Pattern, string: str, flags: int = 0) -> list:
    return compile(pattern, flags).findall(string)


def finditer(pattern: str | Pattern, string: str, flags: int = 0) -> Iterator[Match]:
    return compile(pattern, flags).finditer(string)


def split(pattern: str | Pattern, string: str, maxsplit: int = 0, flags: int = 0) -> list:
    return compile(pattern, flags).split(string, maxsplit)


def sub(pattern: str | Pattern, repl: str | Callable[[Match], str], string: str, count: int = 0, flags: int = 0) -> str:
    return compile(pattern, flags).sub(repl, string, count)
