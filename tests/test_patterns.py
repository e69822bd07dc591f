"""`results.patterns`: re's functions over one cache, which must hold every fixed pattern of the claims checker (or
each sentence compiles them again, some thirty times its judging), and a gate before `re` that answers only where
`re` would answer the same."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

from tinydigits.results import patterns

SCRIPT = Path(__file__).parents[1] / "scripts" / "claims_validity.py"
CORPUS = Path(__file__).parent / "data" / "claims"


def test_each_function_is_res_own():
    text = "seeds 0, 1, 2: 99.41 %, 99.38 %, 99.52 %"
    for pattern, flags in ((r"(\d+\.\d+)\s*%", 0), (r"SEEDS?\s+(\d)", re.I)):
        assert patterns.search(pattern, text, flags).span() == re.search(pattern, text, flags).span()
        assert patterns.findall(pattern, text, flags) == re.findall(pattern, text, flags)
        assert [m.span() for m in patterns.finditer(pattern, text, flags)] == [
            m.span() for m in re.finditer(pattern, text, flags)]
        assert patterns.sub(pattern, "N", text, 1, flags) == re.sub(pattern, "N", text, count=1, flags=flags)
        assert patterns.split(pattern, text, 1, flags) == re.split(pattern, text, maxsplit=1, flags=flags)
    assert patterns.match(r"seeds", text) and not patterns.fullmatch(r"seeds", text)
    compiled = re.compile(r"\d+")
    assert patterns.compile(compiled) is compiled and patterns.search(compiled, text).group() == "0"


def test_the_checkers_patterns_fit_the_cache_with_room():
    spec = importlib.util.spec_from_file_location("claims_validity", SCRIPT)
    validity = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(validity)
    rows = [json.loads(line) for line in (CORPUS / "dev61.jsonl").read_text().splitlines() if line.strip()]
    caches = (patterns.compile, patterns._gate, patterns._gated)  # a pattern compiled, the words its matches hold, both
    for cache in caches:
        cache.cache_clear()
    validity.measure(rows)
    for cache in caches:
        info = cache.cache_info()
        assert info.misses == info.currsize, info  # nothing pushed out while a part was judged
        assert info.currsize <= info.maxsize // 2, info  # the fixed patterns leave room for a sentence's own
    info = patterns._gated.cache_info()  # asked of every search and substitution
    assert info.hits > 50 * info.misses, info


# Texts where `str.lower` alone would hide a match: characters `re` takes for an ASCII letter when it ignores case.
ODD_CASE = ("the final accuracy was 99.41 %", "The FINAL Accuracy", "the ſeeds all passed", "İt reached 99.4 % at epoch 9",
            "the \u212aernel grew", "train acc 98.9, val acc 99.1", "")


def test_the_gate_answers_only_where_re_finds_nothing():
    assert patterns._gate(r"(?i)\bfinal\s+(?:test\s+)?accuracy", 0) == ("accuracy",)  # the longest word it cannot skip
    assert patterns._gate(r"(?i)\b(?:seeds?|runs)\b", 0) == ("seed", "runs")  # one of a branch's words
    assert patterns._gate(r"\d+(?:\.\d+)?", 0) == ()  # no word: every text goes to `re`
    for pattern, flags in ((r"(?i)\bfinal\s+(?:test\s+)?accuracy", 0), (r"\b(?:seeds?|runs)\b", re.I),
                           (r"(?i)\bseeds all", 0), (r"(?i)it reached", 0), (r"kernel", re.I), (r"FINAL", 0),
                           (r"(?<=val )acc\b", 0), (r"(?i)(?=.*\bpassed)the", 0), (r"(?:ab)+cd", 0)):
        for text in ODD_CASE:
            assert bool(patterns.search(pattern, text, flags)) == bool(re.search(pattern, text, flags)), (pattern, text)
            assert patterns.sub(pattern, "X", text, 0, flags) == re.sub(pattern, "X", text, flags=flags), (pattern, text)


def test_the_gate_never_hides_a_match_of_the_checkers_own_patterns(monkeypatch):
    """Every pattern the checker asks while judging a part, against that part's sentences as written and with their
    letters swapped for the ones `re` folds to them: where the gate answers "nothing", `re` finds nothing."""
    spec = importlib.util.spec_from_file_location("claims_validity", SCRIPT)
    validity = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(validity)
    rows = [json.loads(line) for line in (CORPUS / "dev61.jsonl").read_text().splitlines() if line.strip()][:40]
    asked, gate, gated = set(), patterns._gate, patterns._gated
    monkeypatch.setattr(patterns, "_gated", lambda pattern, flags: asked.add((pattern, flags)) or gated(pattern, flags))
    validity.measure(rows)
    odd = str.maketrans({"i": "\u0131", "s": "\u017f", "k": "\u212a", "I": "\u0130"})
    texts = [row["sentence"] for row in rows] + [row["sentence"].translate(odd) for row in rows]
    gated = [(pattern, flags, words) for pattern, flags in asked if (words := gate(pattern, flags))]
    assert len(gated) > len(asked) // 2  # most of the checker's patterns carry words
    for pattern, flags, words in gated:
        for text in texts:
            if patterns._lacks(words, text):
                assert re.search(pattern, text, flags) is None, (pattern, text)
