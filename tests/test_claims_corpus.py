"""The claims corpus: every stored label is the one the records give, the split is the one fixed by id.

Cheap: reads JSON Lines and the hand-ins' small records with json and csv; imports no part of tinydigits' checker.
"""
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "claims"


def _labeller():
    spec = importlib.util.spec_from_file_location("label_claims", ROOT / "scripts" / "label_claims.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _rows(name):
    with (CORPUS / name).open() as f:
        return [json.loads(line) for line in f if line.strip()]


def test_labeller_agrees_with_every_stored_label(capsys):
    assert _labeller().main(["--check"]) == 0, capsys.readouterr().err


def test_labeller_agrees_with_dev2(capsys):
    """dev2.jsonl: a second set of dev rows (ids d2-...), outside the id split, written in other words than dev's."""
    assert _labeller().main(["--check", "--file", "dev2.jsonl"]) == 0, capsys.readouterr().err
    rows = _rows("dev2.jsonl")
    assert len(rows) >= 300 and all(r["id"].startswith("d2-") for r in rows)
    assert len({r["id"] for r in rows}) == len(rows)



def test_labeller_agrees_with_dev3(capsys):
    """dev3.jsonl: a third set of dev rows (ids d3-...), outside the id split: long sentences of several claims,
    tables as "Epoch | Train | Test" lines and "Train/Test: a/b", courses (x → y, from x to y), per-seed and per-digit
    figures, thresholds, comparisons across named steps, gaps, the rate's course, credit, plans and hedges."""
    assert _labeller().main(["--check", "--file", "dev3.jsonl"]) == 0, capsys.readouterr().err
    rows = _rows("dev3.jsonl")
    assert len(rows) >= 200 and all(r["id"].startswith("d3-") for r in rows)
    assert len({r["id"] for r in rows}) == len(rows)


def test_labeller_agrees_with_dev4(capsys):
    """dev4.jsonl: a fourth set of dev rows (ids d4-...), outside the id split, written by a helper that never saw the
    checker, in phrasings unlike dev-dev3's: slashed pairs, inline fields, seeds listed by number, the rate by span."""
    assert _labeller().main(["--check", "--file", "dev4.jsonl"]) == 0, capsys.readouterr().err
    rows = _rows("dev4.jsonl")
    assert len(rows) >= 250 and all(r["id"].startswith("d4-") for r in rows)
    assert len({r["id"] for r in rows}) == len(rows)


def test_labeller_agrees_with_dev5(capsys):
    """dev5.jsonl: a fifth set of dev rows (ids d5-...), outside the id split, in dev.jsonl's register but other words,
    written by a helper that never saw the checker (the nearest to the held-out part's style the project can read)."""
    assert _labeller().main(["--check", "--file", "dev5.jsonl"]) == 0, capsys.readouterr().err
    rows = _rows("dev5.jsonl")
    assert len(rows) >= 250 and all(r["id"].startswith("d5-") for r in rows)
    assert len({r["id"] for r in rows}) == len(rows)


def test_labeller_agrees_with_dev6(capsys):
    """dev6.jsonl: a sixth set of dev rows (ids d6-...), outside the id split: dev.jsonl's sentences said again by
    another student of the same class (other words, figures and scopes; a planted error in about 40 %), written by a
    helper that never saw the checker."""
    assert _labeller().main(["--check", "--file", "dev6.jsonl"]) == 0, capsys.readouterr().err
    rows = _rows("dev6.jsonl")
    assert len(rows) >= 250 and all(r["id"].startswith("d6-") for r in rows)
    assert len({r["id"] for r in rows}) == len(rows)


def test_labeller_agrees_with_dev7(capsys):
    """dev7.jsonl: a seventh set of dev rows (ids d7-...), outside the id split: dev.jsonl's sentences said again in
    other shapes (questions answered, evidence in brackets, passive voice, numbers in words), by a helper that never saw
    the checker."""
    assert _labeller().main(["--check", "--file", "dev7.jsonl"]) == 0, capsys.readouterr().err
    rows = _rows("dev7.jsonl")
    assert len(rows) >= 250 and all(r["id"].startswith("d7-") for r in rows)
    assert len({r["id"] for r in rows}) == len(rows)


def test_labeller_agrees_with_dev8(capsys):
    """dev8.jsonl: an eighth set of dev rows (ids d8-...), outside the id split: dev.jsonl's sentences with the errors a
    careless student makes planted in over half of them, by a helper that never saw the checker."""
    assert _labeller().main(["--check", "--file", "dev8.jsonl"]) == 0, capsys.readouterr().err
    rows = _rows("dev8.jsonl")
    assert len(rows) >= 250 and all(r["id"].startswith("d8-") for r in rows)
    assert len({r["id"] for r in rows}) == len(rows)


def test_labeller_agrees_with_dev9(capsys):
    """dev9.jsonl: a ninth set of dev rows (ids d9-...), outside the id split: siblings of dev.jsonl's rows in its own
    register and error mix, by a helper that never saw the checker."""
    assert _labeller().main(["--check", "--file", "dev9.jsonl"]) == 0, capsys.readouterr().err
    rows = _rows("dev9.jsonl")
    assert len(rows) >= 250 and all(r["id"].startswith("d9-") for r in rows)
    assert len({r["id"] for r in rows}) == len(rows)


def test_labeller_agrees_with_dev10(capsys):
    """dev10.jsonl: a tenth set of dev rows (ids d10-...), outside the id split: written fresh from the records in
    dev.jsonl's register (not from its sentences), by a helper that never saw the checker."""
    assert _labeller().main(["--check", "--file", "dev10.jsonl"]) == 0, capsys.readouterr().err
    rows = _rows("dev10.jsonl")
    assert len(rows) >= 200 and all(r["id"].startswith("d10-") for r in rows)
    assert len({r["id"] for r in rows}) == len(rows)


def test_labeller_agrees_with_dev11(capsys):
    """dev11.jsonl: an eleventh set of dev rows (ids d11-...), outside the id split: new sentences in dev.jsonl's
    register with the errors easiest to miss (a neighbouring epoch's or seed's figure in the right role, a difference
    miscomputed, a scope too wide, word-only claims), by a helper that never saw the checker."""
    assert _labeller().main(["--check", "--file", "dev11.jsonl"]) == 0, capsys.readouterr().err
    rows = _rows("dev11.jsonl")
    assert len(rows) >= 150 and all(r["id"].startswith("d11-") for r in rows)
    assert len({r["id"] for r in rows}) == len(rows)


# later dev parts (ids dN-...), outside the id split, each by a helper that never saw the checker: its least size
LATER_PARTS = {
    "dev12": 200,  # true sentences hard to read right (rounded, approximate, other thresholds and scopes), 60 % true
    "dev13": 200,  # in the register of the real hand-ins in shared/seeds (Result bullets, informal Analyses)
    "dev14": 200,  # dev.jsonl's mix of claim kinds in new words, 65 % true
    "dev15": 240,  # every kind of fact the records hold said truly two to four ways, 85 % true
    "dev16": 220,  # Result lines in every format of the tool's READMEs and the seeds' bullets, 80 % true
    "dev17": 200,  # a new class's hand-ins, each student in a voice of their own, half the checkable rows false
    "dev18": 210,  # true sentences in forms a strict reader misreads (ties, spans, fields, from-to), 80 % true
    "dev19": 200,  # a new class in four voices (terse, narrative, key = value, non-native), 55 % true
    "dev20": 200,  # a careful student's Results and Analyses: reasoning beside true figures, 80 % true
    "dev21": 220,  # dev's sentence forms carried to other facts (form transfer), 85 % true
    "dev22": 240,  # dev.jsonl's author's second batch: new facts and combinations in its register, 85 % true
    "dev23": 220,  # true sentences with traps for a machine reader, in the seeds' informal voices, 90 % true
    "dev24": 190,  # dev.jsonl's true rows each said again in another sentence structure (paraphrase), 89 % true
    "dev25": 190,  # dev.jsonl's true rows said again in four voices (notebook, reasoning, non-native, questions)
    "dev26": 165,  # dev.jsonl's false rows made true with the smallest change (the forms it only holds false), all true
    "dev27": 175,  # a sibling of each true dev.jsonl row: the same form about another fact of its hand-in, 85 % true
    "dev28": 195,  # dev.jsonl's true rows with their figures and scopes said other ways (fractions, error rates, E14)
    "dev29": 175,  # two true rows of dev.jsonl joined in one sentence ("and", "while", "which", "not only"), 85 % true
    "dev30": 175,  # dev.jsonl's true rows in other words: synonyms, voice, subjects ("passes", "restarts"), 90 % true
    "dev31": 200,  # an Analysis as students reason in it ("since", "so", "unlike step 1", conditions), 75 % true
    "dev32": 175,  # dev.jsonl's true rows with the small words around a claim ("just", "already", "finally", "(!)")
    "dev33": 160,  # dev.jsonl's author writing longer sentences: two or three of its facts joined, with reasons
    "dev34": 175,  # an Analysis in paragraphs of long sentences (25-45 words): reasons, conditions, counterfactuals
    "dev35": 175,  # seeds and comparisons in dev's register: seed lists with their figures, "respectively", spreads
    "dev36": 180,  # the quantities written less often: losses, the gap, per-class ranks, parameters, the rate, Targets
    "dev37": 195,  # a third batch as dev.jsonl's author would write it: the facts dev.jsonl says least, 85 % true
    "dev38": 150,  # dev.jsonl's longer true rows moved to other facts (steps, seeds, epochs, scopes), 87 % true
    "dev39": 205,  # a fourth batch in dev.jsonl's register, mostly Result lines and bullets, 86 % true
    "dev40": 215,  # how things change and compare (steps, seeds, epochs, a cut), in dev.jsonl's register, 86 % true
}


@pytest.mark.parametrize("part", sorted(LATER_PARTS))
def test_labeller_agrees_with_the_later_dev_parts(part, capsys):
    assert _labeller().main(["--check", "--file", f"{part}.jsonl"]) == 0, capsys.readouterr().err
    rows = _rows(f"{part}.jsonl")
    assert len(rows) >= LATER_PARTS[part] and all(r["id"].startswith(f"d{part[3:]}-") for r in rows)
    assert len({r["id"] for r in rows}) == len(rows)


def test_split_sizes_and_ids():
    lab = _labeller()
    dev, held = _rows("dev.jsonl"), _rows("held.jsonl")
    assert len(dev) + len(held) >= 300
    ids = [r["id"] for r in dev + held]
    assert len(ids) == len(set(ids))
    assert all(not lab.held_out(r["id"]) for r in dev)
    assert all(lab.held_out(r["id"]) for r in held)
    # the hash gives 40 % held-out: allow the binomial's spread
    share = len(held) / len(ids)
    assert 0.33 <= share <= 0.47, share


def test_rows_name_existing_records():
    for r in _rows("dev.jsonl") + _rows("held.jsonl"):
        folder = CORPUS / "handins" / r["handin"]
        assert (folder / f"step{r['step']}-metrics.json").exists(), (r["id"], r["handin"], r["step"])
        assert (folder / f"step{r['step']}-config.json").exists()


def test_handins_stay_small():
    total = sum(p.stat().st_size for p in (CORPUS / "handins").rglob("*") if p.is_file())
    assert total < 3_500_000, total
    assert not list((CORPUS / "handins").rglob("*.png")) and not list((CORPUS / "handins").rglob("*.pt"))
