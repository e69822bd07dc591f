"""`re`'s functions over one cache of compiled patterns big enough for the claims checker.

The checker (`steps.claims`) matches some 1,200 distinct patterns on every sentence, and `re` keeps only the last
512 it compiled, dropping the oldest first: each sentence compiled most of them again, which was nearly all of its
time. Here every function compiles through one least-recently-used cache, so the checker's fixed patterns stay
compiled and the few built from a sentence's own figures come and go. Patterns, flags and matches are `re`'s own.

Most of the checker's patterns find nothing in most sentences, and a scan that finds nothing still costs a pass over the
sentence at every position. So each pattern carries the words any match of it must hold (read once from `re`'s own
parse of it: the literal runs its match cannot skip, one of a few where it branches); a text holding none of them is
answered at once, as `re` would answer it, and every other text goes to `re`.
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


# A character matching an ASCII letter case-insensitively that `str.lower` does not turn into it (`re`'s own
# equivalences: the dotted and dotless i, the long s, the Kelvin sign).
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_LAST = ("", "")  # the last text folded and its fold, swapped whole: the checker asks many patterns of one text in a row


def _needs(items) -> list[tuple[str, ...]]:
    """What any text matched by `items` (`re`'s parse of a pattern) holds, lower-cased: clauses, each a tuple of
    strings one of which it holds. A literal run counts only where it is ASCII and two characters or more."""
    from re import _constants as op  # `re`'s parser: private, so any surprise in it leaves the pattern ungated

    clauses, run = [], ""
    for code, av in [*items, (None, None)]:
        if code is op.LITERAL and av < 128:
            run += chr(av).lower()
            continue
        if len(run) >= 2:
            clauses.append((run,))
        run = ""
        if code is op.SUBPATTERN:
            clauses += _needs(av[-1])
        elif code in (op.MAX_REPEAT, op.MIN_REPEAT, op.POSSESSIVE_REPEAT) and av[0] >= 1:
            clauses += _needs(av[2])
        elif code in (op.ASSERT, op.ATOMIC_GROUP):  # a lookaround's text is the same text's
            clauses += _needs(av[1] if code is op.ASSERT else av)
        elif code is op.BRANCH:
            each = [max(_needs(branch), key=lambda clause: min(map(len, clause)), default=None) for branch in av[1]]
            if all(each):
                clauses.append(tuple(word for clause in each for word in clause))
    return clauses


@functools.lru_cache(maxsize=_CACHED)
def _gate(pattern: str | Pattern, flags: int) -> tuple[str, ...]:
    """The words one of which any text `pattern` matches holds (its longest clause's), or () for none known."""
    try:
        from re import _parser

        source, flags = (pattern.pattern, flags | pattern.flags) if isinstance(pattern, Pattern) else (pattern, flags)
        return max(_needs(_parser.parse(source, flags)), key=lambda clause: min(map(len, clause)), default=())
    except Exception:  # noqa: BLE001 - no gate is always right: the pattern then goes to `re` as it is
        return ()


@functools.lru_cache(maxsize=_CACHED)
def _gated(pattern: str | Pattern, flags: int) -> tuple[tuple[str, ...], Pattern]:
    """A pattern's gate and its compiled form, one cache lookup for both: `search` and `sub` run some 400 times a
    sentence, so their own cost is a fair share of the checker's."""
    return _gate(pattern, flags), compile(pattern, flags)


def _folded(string: str) -> str:
    """`string` case-folded as `re` reads it, kept for the next pattern asked of the same text."""
    global _LAST
    text = string.lower() if string.isascii() else string.translate(_FOLD).lower()
    _LAST = (string, text)
    return text


def _lacks(words: tuple[str, ...], string: str) -> bool:
    """True where `string` holds none of `words`, read case-insensitively as `re` reads them."""
    text = last[1] if (last := _LAST)[0] is string else _folded(string)
    return not any(map(text.__contains__, words))  # in C: no Python frame a word


def search(pattern: str | Pattern, string: str, flags: int = 0) -> Match | None:
    words, compiled = _gated(pattern, flags)
    if words and _lacks(words, string):
        return None
    return compiled.search(string)


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
    words, compiled = _gated(pattern, flags)
    if words and _lacks(words, string):
        return string
    return compiled.sub(repl, string, count)
