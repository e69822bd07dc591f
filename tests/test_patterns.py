"""`results.patterns`: re's functions over one cache, which must hold every fixed pattern of the claims checker (or
each sentence compiles them again, some thirty times its judging)."""

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
    patterns.compile.cache_clear()
    validity.measure(rows)
    info = patterns.compile.cache_info()
    assert info.misses == info.currsize, info  # nothing pushed out while a part was judged
    assert info.currsize <= info.maxsize // 2, info  # the fixed patterns leave room for a sentence's own
    assert info.hits > 50 * info.misses, info
