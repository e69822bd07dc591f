#!/usr/bin/env python3
"""Label the claims corpus from the hand-ins' records, independently of tinydigits' checker.

Each corpus row (tests/data/claims/dev.jsonl, held.jsonl) is one sentence of a hand-in's step with its *atoms*: the
machine-readable statements its figures and words make. This script evaluates every atom against the step's records
(stepN-config.json, stepN-metrics.json, stepN-check.json, stepN-per_class.csv in tests/data/claims/handins/NAME/),
read with json and csv only - it never imports tinydigits - and derives the row's label by docs/claims.md:

    result / analysis rows: "plan" (a plan atom), "none" (no atom), else "false" (an atom false),
                            "unsettled" (an atom not decidable, none false), "true" (every atom true)
    target rows:            "aim-not-met" (an atom false), "aim-undecidable" (an atom not decidable, or no
                            checkable atom), "aim-met" (every atom true)

    python scripts/label_claims.py --check          # exit 1 when a stored label differs from the computed one
    python scripts/label_claims.py --write          # rewrite each row's label and why from the records
    python scripts/label_claims.py --split FILE     # split authored rows into dev.jsonl / held.jsonl by id
    python scripts/label_claims.py --stats          # counts per file by label and section (no sentences shown)
    python scripts/label_claims.py --check --file dev2.jsonl   # the same for named files of the corpus folder
                                                    # only (repeatable; a file outside dev/held skips the split)

The atom schema (every atom is a dict with "q"; "step": K makes it about step K of the same hand-in instead of the
row's step; "neg": true negates a true/false result; "scope" picks seeds of a check):

  figures       {"q": "test_acc"|"train_acc"|"test_loss"|"train_loss", "at": "best"|"final"|"min_last"|EPOCH,
                 "k": 3, "op": "="|"~"|">="|">"|"<"|"<=", "value": "98.81", "epoch": N (the best's epoch)}
                "=" is the record at the digits given, rounded or cut; "~" allows one unit of the last digit.
                For losses "best" is the lowest.
  counts        {"q": "params"|"epochs"|"train_images"|"val_images"|"rf"|"n_seeds"|"batch_size", "op", "value"}
                "7.5k" / "8k" are thousands, rounded only; "60k" / "the full train set" = 60000.
  settings      {"q": "setting", "key": CONFIG_KEY, "value": V}; {"q": "layer", "type": "Dropout"|"BatchNorm2d"}
                (the layer is in the step); {"q": "dropout_p", "value": 0.1}
  thresholds    {"q": "reach", "of": "test_acc", "value": X, "epoch": N, "mode": "at"|"by"} (no mode: the best)
                {"q": "range", "of": ..., "op", "value", "from": A, "to": B} or "last": K (every epoch in it)
                {"q": "hold", "of": ..., "k": 3, "value": X} (every one of the last K at or above X)
  scope         "scope": "every_seed" | {"seed": S} | {"n_of": N, "m": M} (exactly N of the M seeds; M the
                check's count); none: the seed the step's metrics.json shows
  comparisons   {"q": "compare", "of": "test_acc"|"train_acc"|"gap"|"params"|"test_loss", "fig": "final"|"best"|
                 "min_last"|EPOCH, "vs": K, "dir": "up"|"down", "amount": "0.6", "tol": "exact"|"about"|"almost"|
                 "over"|"under"} (no amount: beyond the noise of two scores)
  fit           {"q": "gap", "op", "value"} (train - test, mean of the last 3; "=" at its digits, "~" within a
                quarter, at least 0.1); {"q": "overfit"}; {"q": "underfit"}; {"q": "test_above_train", "from",
                "to" | "last", "dir": "below" for train ahead}; {"q": "stable", "of": "test_acc"};
                {"q": "monotone", "of", "dir", "from", "to"}
  the rate      {"q": "lr_course", "value": "reduced"|"constant"}; {"q": "lr", "value": "0.005", "epoch": N};
                {"q": "lr_cut", "epoch": N} (the first epoch starting on a lower rate) or "after": N (= N + 1)
  credit        {"q": "credit", "change": "dropout"|"augmentation"|"batchnorm"|"scheduler"|"width"|..., "effect":
                 "gap"|"acc"|"speed"}
  the budget    {"q": "budget", "value": "pass"|"fail"}; {"q": "seeds_pass", "n": N, "m": M}
  per class     {"q": "class_acc"|"class_errors", "digit": D, "op", "value"}; {"q": "worst_class"|"best_class",
                 "value": D}
  others        {"q": "plan"}; {"q": "unread", "value": "3x3"} (a number or word no record decides: not
                decidable); {"q": "aim_free"} (a Target's aim no record decides)
  as written    "said": "0.9849" on any atom: the figure as the sentence writes it (a fraction, "151 wrong out of 10k",
                an error rate) where "value" says it as the records do; it only accounts for the sentence's numbers
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import re
import sys
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "claims"
HANDINS = CORPUS / "handins"
FILES = ("dev.jsonl", "held.jsonl")
TEST_IMAGES = 10000
LINE = 99.4
LABELS = {"true", "false", "unsettled", "plan", "none", "aim-met", "aim-not-met", "aim-undecidable"}


def held_out(row_id: str) -> bool:
    """The split, fixed before any rule of the checker: 40 % of ids go to held-out."""
    return int(hashlib.sha256(row_id.encode()).hexdigest(), 16) % 5 < 2


# ---------------------------------------------------------------- records

class Step:
    def __init__(self, folder: Path, n: int):
        self.n = n
        self.cfg = json.loads((folder / f"step{n}-config.json").read_text())
        self.met = json.loads((folder / f"step{n}-metrics.json").read_text())
        chk = folder / f"step{n}-check.json"
        self.chk = json.loads(chk.read_text()) if chk.exists() else None
        self.per_class = {}
        pc = folder / f"step{n}-per_class.csv"
        if pc.exists():
            with pc.open() as f:
                for r in csv.DictReader(f):
                    self.per_class[int(r["digit"])] = {k: float(v) for k, v in r.items() if k != "digit"}
        self.shown_seed = int(self.met.get("seed", self.cfg.get("seed", 0)))
        self.epochs = self.met["epochs"]
        self.n_epochs = len(self.epochs)

    @property
    def seeds(self):
        if self.chk:
            return sorted(int(s) for s in self.chk["seeds"])
        return [self.shown_seed]

    def series(self, q, seed=None):
        """Per-epoch values of q for a seed, or None where the records do not hold them."""
        if seed is None or seed == self.shown_seed:
            return [e[q] for e in self.epochs]
        if self.chk and str(seed) in self.chk["seeds"] and q == "test_acc":
            return list(self.chk["seeds"][str(seed)]["test_acc"])
        return None

    @property
    def layers(self):
        return self.cfg["architecture"]["layers"]

    @property
    def modules(self):
        return self.cfg["architecture"].get("modules", {})

    def has_layer(self, typ):
        return any(m.get("type", "").startswith(typ) for m in self.modules.values()) or \
            any(lay["type"].startswith(typ) for lay in self.layers)

    def dropout_ps(self):
        return sorted({m["p"] for m in self.modules.values() if m.get("type", "").startswith("Dropout")})

    def lrs(self):
        return [e["lr"] for e in self.epochs]

    def ema(self):
        return bool(self.cfg.get("ema"))


_cache = {}


def load_step(handin, n) -> Step:
    key = (handin, n)
    if key not in _cache:
        _cache[key] = Step(HANDINS / handin, n)
    return _cache[key]


# ---------------------------------------------------------------- numbers

def dec(x) -> Decimal:
    return Decimal(repr(float(x))) if not isinstance(x, str) else Decimal(x)


def digits_of(s: str) -> int:
    s = s.replace(",", "")
    return len(s.split(".")[1]) if "." in s else 0


def at_digits(record, s: str, approx=False) -> bool:
    """A figure said at its digits: the record rounded or cut to them; '~' one unit either way."""
    s = s.strip().rstrip("%").replace(",", "")
    d = digits_of(s)
    q = Decimal(1).scaleb(-d)
    r = dec(round(float(record), 10))
    said = Decimal(s)
    rounded = r.quantize(q, rounding=ROUND_HALF_UP)
    cut = r.quantize(q, rounding=ROUND_DOWN)
    if approx:
        return abs(rounded - said) <= q
    return said in (rounded, cut)


def count_value(s) -> tuple[Decimal, int, bool]:
    """(value, digits, in thousands) of a count as said: 7,578 / 7578 / 7.5k / 8K / 60k."""
    if isinstance(s, (int, float)):
        return Decimal(str(s)), 0, False
    t = s.strip().replace(",", "").lower()
    if t in ("full", "the full train set", "all"):
        return Decimal(60000), 0, False
    if t.endswith("k"):
        t = t[:-1]
        return Decimal(t), digits_of(t), True
    return Decimal(t), digits_of(t), False


def count_eq(record: int, s, approx=False) -> bool:
    v, d, k = count_value(s)
    q = Decimal(1).scaleb(-d)
    r = Decimal(record) / 1000 if k else Decimal(record)
    rounded = r.quantize(q, rounding=ROUND_HALF_UP)   # counts in thousands: rounded only
    if approx:
        return abs(rounded - v) <= q
    return rounded == v


def count_num(s) -> float:
    v, _, k = count_value(s)
    return float(v * 1000 if k else v)


def cmp(x: float, op: str, v: float) -> bool:
    return {">=": x >= v, ">": x > v, "<": x < v, "<=": x <= v}[op]


def noise1(p: float, n: int = TEST_IMAGES) -> float:
    """Two standard errors of an accuracy p (%) over n images, in points."""
    p = min(max(p, 0.0), 100.0) / 100.0
    return 200.0 * math.sqrt(p * (1 - p) / n)


def noise2(a: float, b: float, na: int = TEST_IMAGES, nb: int = TEST_IMAGES) -> float:
    return math.hypot(noise1(a, na), noise1(b, nb))


# ---------------------------------------------------------------- atoms

class Ctx:
    def __init__(self, handin, step):
        self.handin = handin
        self.step = step

    def st(self, atom) -> Step:
        return load_step(self.handin, int(atom.get("step", self.step)))


def figure_of(series, at, k=3, loss=False):
    if at == "best":
        return min(series) if loss else max(series)
    if at == "final":
        return series[-1]
    if at == "min_last":
        return min(series[-k:])
    if at == "max_last":
        return max(series[-k:])
    if isinstance(at, int):
        return series[at - 1] if 1 <= at <= len(series) else None
    raise ValueError(f"unknown at {at!r}")


def per_seed(st: Step, atom, fn):
    """Evaluate fn(seed) over the atom's scope: True / False / None."""
    scope = atom.get("scope")
    if scope is None:
        return fn(st.shown_seed)
    if scope == "every_seed":
        vals = [fn(s) for s in st.seeds]
        if any(v is False for v in vals):
            return False
        return None if any(v is None for v in vals) else True
    if isinstance(scope, dict) and "seed" in scope:
        if scope["seed"] not in st.seeds:
            return False
        return fn(scope["seed"])
    if isinstance(scope, dict) and "n_of" in scope:
        if scope.get("m") is not None and scope["m"] != len(st.seeds):
            return False
        vals = [fn(s) for s in st.seeds]
        if any(v is None for v in vals):
            return None
        return sum(1 for v in vals if v) == scope["n_of"]
    raise ValueError(f"unknown scope {scope!r}")


def ev_figure(ctx, a):
    st = ctx.st(a)
    q = a["q"]
    loss = q.endswith("loss")

    def one(seed):
        s = st.series(q, seed)
        if s is None:
            return None
        at = a.get("at", "best")
        x = figure_of(s, at, a.get("k", 3), loss)
        if x is None:
            return False
        ok = True
        if "value" in a:
            op = a.get("op", "=")
            if op in ("=", "~"):
                ok = at_digits(x, str(a["value"]), approx=(op == "~"))
            else:
                ok = cmp(x, op, float(str(a["value"]).rstrip("%")))
        if ok and "epoch" in a and at == "best":
            ok = s[a["epoch"] - 1] == x if 1 <= a["epoch"] <= len(s) else False
        return ok
    return per_seed(st, a, one)


def ev_count(ctx, a):
    st = ctx.st(a)
    q = a["q"]
    rec = {
        "params": lambda: int(st.met.get("params", st.cfg.get("params"))),
        "epochs": lambda: st.n_epochs,
        "train_images": lambda: int(st.cfg["train_images"]),
        "val_images": lambda: int(st.cfg.get("val_split") or 0),
        "rf": lambda: int(st.layers[-1]["rf"]),
        "n_seeds": lambda: len(st.seeds),
        "batch_size": lambda: int(st.cfg["batch_size"]),
    }[q]()
    op = a.get("op", "=")
    if op in ("=", "~"):
        return count_eq(rec, a["value"], approx=(op == "~"))
    return cmp(rec, op, count_num(a["value"]))


def ev_setting(ctx, a):
    st = ctx.st(a)
    v = st.cfg.get(a["key"])
    want = a["value"]
    if isinstance(want, str) and not isinstance(v, str):
        try:
            return at_digits(v, want)
        except Exception:
            return False
    if isinstance(want, (int, float)) and isinstance(v, (int, float)):
        return abs(float(v) - float(want)) < 1e-9
    return str(v).lower() == str(want).lower()


def ev_reach(ctx, a):
    st = ctx.st(a)
    x = float(a["value"])

    def one(seed):
        s = st.series(a.get("of", "test_acc"), seed)
        if s is None:
            return None
        mode = a.get("mode")
        if mode == "at":
            first = next((i + 1 for i, v in enumerate(s) if v >= x), None)
            return first == a["epoch"]
        if mode == "by":
            return any(v >= x for v in s[: a["epoch"]])
        return max(s) >= x
    return per_seed(st, a, one)


def window(st: Step, a):
    n = st.n_epochs
    if "last" in a:
        return n - a["last"] + 1, n
    return a.get("from", 1), a.get("to", n)


def ev_range(ctx, a):
    st = ctx.st(a)
    op = a.get("op", ">=")
    x = float(a["value"])
    if a["q"] == "hold":
        a = dict(a, last=a.get("k", 3))

    def one(seed):
        s = st.series(a.get("of", "test_acc"), seed)
        if s is None:
            return None
        lo, hi = window(st, a)
        if lo < 1 or hi > len(s):
            return False
        return all(cmp(v, op, x) for v in s[lo - 1: hi])
    return per_seed(st, a, one)


def gap_of(st: Step, k=3):
    tr = [e["train_acc"] for e in st.epochs[-k:]]
    te = [e["test_acc"] for e in st.epochs[-k:]]
    mtr, mte = sum(tr) / k, sum(te) / k
    return mtr - mte, math.hypot(noise1(mtr, int(st.cfg["train_images"])), noise1(mte))


def tol_ok(d: float, amount: str, tol: str) -> bool:
    """A difference d (already in the said direction) against an amount said with its words."""
    amount = amount.replace(",", "")
    A = float(amount)
    if tol == "exact":
        q = Decimal(1).scaleb(-digits_of(amount))
        return d > 0 and Decimal(repr(round(d, 10))).quantize(q, ROUND_HALF_UP) == Decimal(amount)
    if tol == "about":
        return abs(d - A) <= max(A / 4, 0.1)
    if tol == "almost":
        return 0.75 * A <= d <= A
    if tol == "over":
        return d > A
    if tol == "under":
        return 0 < d < A
    raise ValueError(tol)


def ev_gap(ctx, a):
    st = ctx.st(a)
    g, _ = gap_of(st, a.get("k", 3))
    op = a.get("op", "=")
    if op == "=":
        said = str(a["value"])
        return at_digits(abs(g), said.lstrip("-")) and (g >= 0) == (not said.startswith("-"))
    if op == "~":
        A = float(a["value"])
        return abs(g - A) <= max(abs(A) / 4, 0.1)
    return cmp(g, op, float(a["value"]))


def test_gains(st: Step, k=3):
    s = [e["test_acc"] for e in st.epochs]
    if len(s) <= k:
        return True
    before, last = max(s[:-k]), max(s[-k:])
    return last - before > noise2(last, before)


def ev_overfit(ctx, a):
    st = ctx.st(a)
    if st.ema():
        return None
    g, nz = gap_of(st)
    if g > 0.5 and not test_gains(st):
        return True
    if g <= nz:
        return False
    return None


def ev_underfit(ctx, a):
    st = ctx.st(a)
    g, _ = gap_of(st)
    best_tr = max(e["train_acc"] for e in st.epochs)
    best_te = max(e["test_acc"] for e in st.epochs)
    return g < 0 or (best_tr < LINE and best_te < LINE)


def ev_test_above_train(ctx, a):
    st = ctx.st(a)
    lo, hi = window(st, a)
    if a.get("dir", "above") == "below":     # train ahead of test in each epoch of the scope
        return all(e["test_acc"] < e["train_acc"] for e in st.epochs[lo - 1: hi])
    return all(e["test_acc"] > e["train_acc"] for e in st.epochs[lo - 1: hi])


def ev_stable(ctx, a):
    st = ctx.st(a)
    k = a.get("k", 3)

    def one(seed):
        s = st.series(a.get("of", "test_acc"), seed)
        if s is None:
            return None
        last = s[-k:]
        return max(last) - min(last) <= noise2(max(last), min(last))
    return per_seed(st, a, one)


def ev_monotone(ctx, a):
    st = ctx.st(a)

    def one(seed):
        s = st.series(a.get("of", "test_acc"), seed)
        if s is None:
            return None
        lo, hi = window(st, a)
        seg = s[lo - 1: hi]
        pairs = list(zip(seg, seg[1:], strict=False))
        return all(b > x for x, b in pairs) if a.get("dir", "up") == "up" else all(b < x for x, b in pairs)
    return per_seed(st, a, one)


def step_figure(st: Step, of, fig, k=3):
    if of == "gap":
        return gap_of(st, k)[0]
    if of == "params":
        return float(st.met["params"])
    if of == "epoch_seconds":
        return sum(e["seconds"] for e in st.epochs)
    s = [e[of] for e in st.epochs]
    return figure_of(s, fig, k, loss=of.endswith("loss"))


def compare_noise(st, ot, of, fig, x, y):
    if of == "test_acc":
        return noise2(x, y)
    if of == "train_acc":
        return noise2(x, y, int(st.cfg["train_images"]), int(ot.cfg["train_images"]))
    if of == "gap":
        return math.hypot(gap_of(st)[1], gap_of(ot)[1])
    return 0.0


def ev_compare(ctx, a):
    st = ctx.st(a)
    vs = a.get("vs", st.n - 1)
    if vs < 1:
        return None
    ot = load_step(ctx.handin, vs)
    scope = a.get("scope")
    of = a.get("of", "test_acc")
    fig = a.get("fig", "final")
    x, y = step_figure(st, of, fig), step_figure(ot, of, fig)
    if isinstance(scope, dict) and scope.get("seed", st.shown_seed) != st.shown_seed:
        ser = st.series(of, scope["seed"]) if of == "test_acc" and scope["seed"] in st.seeds else None
        if ser is None:
            return None                 # a seed whose figure the records do not hold
        x = figure_of(ser, fig, a.get("k", 3))
    d = x - y if a.get("dir", "up") == "up" else y - x
    if a.get("amount") is not None:
        return tol_ok(d, str(a["amount"]), a.get("tol", "exact"))
    nz = compare_noise(st, ot, of, fig, x, y)
    if nz == 0.0:                       # exact counts (parameters): no noise, equal is not up nor down
        return d > 0
    if d > nz:
        return True
    if d < -nz:
        return False
    return None


def ev_lr_course(ctx, a):
    lrs = ctx.st(a).lrs()
    down = any(b < x * (1 - 1e-9) for x, b in zip(lrs, lrs[1:], strict=False))
    up = any(b > x * (1 + 1e-9) for x, b in zip(lrs, lrs[1:], strict=False))
    return {"reduced": down, "constant": not down and not up, "raised": up}[a["value"]]


def ev_lr(ctx, a):
    st = ctx.st(a)
    lrs = st.lrs()
    if "epoch" in a:
        e = a["epoch"]
        return 1 <= e <= len(lrs) and at_digits(lrs[e - 1], str(a["value"]))
    return any(at_digits(r, str(a["value"])) for r in lrs + [st.cfg["lr"]])


def ev_lr_cut(ctx, a):
    lrs = ctx.st(a).lrs()
    first = next((i + 2 for i, (x, b) in enumerate(zip(lrs, lrs[1:], strict=False)) if b < x * (1 - 1e-9)), None)
    return first == (a["epoch"] if "epoch" in a else a["after"] + 1)    # "cut after epoch N": N + 1 starts lower


AUG_KEYS = ("augment_degrees", "augment_translate", "augment_scale", "augment_shear", "augment_elastic",
            "augment_stroke", "augment_blur", "augment_noise")
SCHED_KEYS = ("scheduler", "step_size", "step_gamma", "plateau_patience", "plateau_factor")


def aug_on(st):
    c = st.cfg
    return any((c.get(k) not in (0, 0.0, None, [1.0, 1.0])) for k in AUG_KEYS)


def conv_widths(st):
    return [m.get("out_channels") for m in st.modules.values() if m.get("type") == "Conv2d"]


def changes(prev: Step, cur: Step):
    """The changes from one step to the next, named as students name them."""
    out = set()
    if cur.has_layer("BatchNorm") != prev.has_layer("BatchNorm"):
        out.add("batchnorm")
    if cur.dropout_ps() != prev.dropout_ps():
        out.add("dropout")
    if [prev.cfg.get(k) for k in AUG_KEYS] != [cur.cfg.get(k) for k in AUG_KEYS]:
        out.add("augmentation")
    if [prev.cfg.get(k) for k in SCHED_KEYS] != [cur.cfg.get(k) for k in SCHED_KEYS]:
        out.add("scheduler")
    for k, name in (("lr", "lr"), ("optimizer", "optimizer"), ("batch_size", "batch_size"), ("epochs", "epochs"),
                    ("train_limit", "data"), ("val_split", "data"), ("ema", "ema"), ("weight_decay", "weight_decay"),
                    ("label_smoothing", "label_smoothing")):
        if prev.cfg.get(k) != cur.cfg.get(k):
            out.add(name)
    types_p = [lay["type"] for lay in prev.layers if not lay["type"].startswith(("BatchNorm", "Dropout"))]
    types_c = [lay["type"] for lay in cur.layers if not lay["type"].startswith(("BatchNorm", "Dropout"))]
    if types_p != types_c:
        out.add("architecture")
    elif conv_widths(prev) != conv_widths(cur):
        out.add("width")
    return out


def present(st: Step, change: str):
    """(in the step, could act)"""
    if change == "batchnorm":
        return st.has_layer("BatchNorm"), True
    if change == "dropout":
        ps = st.dropout_ps()
        return bool(ps), any(p > 0 for p in ps)
    if change == "augmentation":
        return aug_on(st), True
    if change == "scheduler":
        sch = st.cfg.get("scheduler")
        if sch in (None, "none"):
            return False, False
        if sch == "step":
            step = st.cfg.get("step_size") or max(1, st.n_epochs // 3)
            return True, step < st.n_epochs      # the first cut lands after the last epoch: inert
        if sch == "plateau":
            return True, any(b < x for x, b in zip(st.lrs(), st.lrs()[1:], strict=False))   # a plateau that never cut: inert
        return True, True
    if change == "ema":
        return st.ema(), True
    return True, True


def ev_credit(ctx, a):
    st = ctx.st(a)
    ch = a["change"]
    inside, acts = present(st, ch)
    if not inside or not acts:
        return False
    if st.n == 1:
        return None
    prev = load_step(ctx.handin, st.n - 1)
    chs = changes(prev, st)
    if ch not in chs:
        return False
    if len(chs) > 1:
        return None
    eff = a.get("effect", "acc")
    if eff == "gap":
        return ev_compare(ctx, {"q": "compare", "of": "gap", "dir": "down", "vs": st.n - 1, "step": st.n})
    if eff == "speed":
        return ev_compare(ctx, {"q": "compare", "of": "test_acc", "fig": 1, "dir": "up", "vs": st.n - 1, "step": st.n})
    # "acc": the named figure, final where none is named (docs/claims.md, comparisons)
    return ev_compare(ctx, {"q": "compare", "of": "test_acc", "fig": a.get("fig", "final"), "dir": "up",
                            "vs": st.n - 1, "step": st.n})


def budget_pass(st: Step):
    if st.chk:
        return bool(st.chk["pass"])
    s = [e["test_acc"] for e in st.epochs]
    b = st.cfg.get("budget", {})
    return st.met["params"] < b.get("max_params", 8000) and st.n_epochs <= b.get("max_epochs", 15) and \
        min(s[-b.get("last", 3):]) >= b.get("min_acc", LINE)


def ev_budget(ctx, a):
    return budget_pass(ctx.st(a)) == (a["value"] == "pass")


def ev_seeds_pass(ctx, a):
    st = ctx.st(a)
    if not st.chk:
        return a["m"] == 1 and a["n"] == int(budget_pass(st))
    n = sum(1 for s in st.chk["seeds"].values() if s["pass"])
    return n == a["n"] and len(st.chk["seeds"]) == a["m"]


def ev_class(ctx, a):
    st = ctx.st(a)
    pc = st.per_class
    if not pc:
        return None
    q = a["q"]
    if q in ("worst_class", "best_class"):
        accs = {d: r["accuracy"] for d, r in pc.items()}
        target = min(accs.values()) if q == "worst_class" else max(accs.values())
        return accs.get(int(a["value"])) == target
    rec = pc[int(a["digit"])]["accuracy" if q == "class_acc" else "errors"]
    op = a.get("op", "=")
    if op in ("=", "~"):
        if q == "class_errors":
            return int(rec) == int(a["value"])
        return at_digits(rec, str(a["value"]), approx=(op == "~"))
    return cmp(rec, op, float(a["value"]))


def ev_layer(ctx, a):
    return ctx.st(a).has_layer(a["type"])


def ev_dropout_p(ctx, a):
    return float(a["value"]) in ctx.st(a).dropout_ps()


EVAL = {
    "test_acc": ev_figure, "train_acc": ev_figure, "test_loss": ev_figure, "train_loss": ev_figure,
    "params": ev_count, "epochs": ev_count, "train_images": ev_count, "val_images": ev_count, "rf": ev_count,
    "n_seeds": ev_count, "batch_size": ev_count,
    "setting": ev_setting, "layer": ev_layer, "dropout_p": ev_dropout_p,
    "reach": ev_reach, "range": ev_range, "hold": ev_range,
    "compare": ev_compare, "gap": ev_gap, "overfit": ev_overfit, "underfit": ev_underfit,
    "test_above_train": ev_test_above_train, "stable": ev_stable, "monotone": ev_monotone,
    "lr_course": ev_lr_course, "lr": ev_lr, "lr_cut": ev_lr_cut, "credit": ev_credit,
    "budget": ev_budget, "seeds_pass": ev_seeds_pass,
    "class_acc": ev_class, "class_errors": ev_class, "worst_class": ev_class, "best_class": ev_class,
    "unread": lambda ctx, a: None, "aim_free": lambda ctx, a: None,
}


# atoms read from the shown seed's metrics.json only (train figures, losses, the rate, per class): another seed's
# are not in the records, so a scope naming one is not decidable
SHOWN_ONLY = {"test_above_train", "gap", "overfit", "underfit", "class_acc", "class_errors", "worst_class",
              "best_class", "lr", "lr_course", "lr_cut"}


def evaluate_atom(ctx, a):
    scope = a.get("scope")
    if a["q"] in SHOWN_ONLY and scope is not None:
        st = ctx.st(a)
        seeds = [scope["seed"]] if isinstance(scope, dict) and "seed" in scope else st.seeds
        if any(s not in st.seeds for s in seeds):
            return False                # a seed the step never trained
        if any(s != st.shown_seed for s in seeds):
            return None
    v = EVAL[a["q"]](ctx, a)
    if v is not None and a.get("neg"):
        v = not v
    return v


def label_row(row):
    """(label, why) of a row from its atoms and the records."""
    atoms = row["atoms"]
    if row["section"] != "target":
        if any(a["q"] == "plan" for a in atoms):
            return "plan", "a plan: never judged"
        if not atoms:
            return "none", "nothing checkable"
    ctx = Ctx(row["handin"], row["step"])
    results = [(a, evaluate_atom(ctx, a)) for a in atoms]
    false = [a for a, v in results if v is False]
    undecided = [a for a, v in results if v is None]
    if row["section"] == "target":
        if false:
            return "aim-not-met", "not met: " + describe(ctx, false[0])
        if undecided or not atoms:
            return "aim-undecidable", "not decidable: " + (describe(ctx, undecided[0]) if undecided else "no record")
        return "aim-met", "met: " + "; ".join(describe(ctx, a) for a in atoms[:3])
    if false:
        return "false", "false: " + describe(ctx, false[0])
    if undecided:
        return "unsettled", "not decided: " + describe(ctx, undecided[0])
    return "true", "; ".join(describe(ctx, a) for a in atoms[:3])


# ---------------------------------------------------------------- the deciding figures, in words

def fmt(x, d=2):
    return f"{x:.{d}f}".rstrip("0").rstrip(".") if isinstance(x, float) else str(x)


def describe(ctx, a):
    st = ctx.st(a)
    q = a["q"]
    where = f"step {st.n}"
    try:
        if q in ("test_acc", "train_acc", "test_loss", "train_loss"):
            seeds = st.seeds if a.get("scope") else [st.shown_seed]
            if isinstance(a.get("scope"), dict) and "seed" in a["scope"]:
                seeds = [a["scope"]["seed"]]
            parts = []
            for s in seeds:
                ser = st.series(q, s)
                if ser is None:
                    parts.append(f"seed {s}: {q} not recorded")
                    continue
                at = a.get("at", "best")
                x = figure_of(ser, at, a.get("k", 3), q.endswith("loss"))
                be = f" (epoch {ser.index(x) + 1})" if at == "best" and x is not None else ""
                parts.append(f"seed {s}: {q} {at}{'' if at != 'min_last' else ' ' + str(a.get('k', 3))} "
                             f"{fmt(x, 4) if x is not None else 'none'}{be}")
            return f"{where} " + ", ".join(parts)
        if q in ("params", "epochs", "train_images", "val_images", "rf", "n_seeds", "batch_size"):
            rec = {"params": st.met.get("params"), "epochs": st.n_epochs, "train_images": st.cfg["train_images"],
                   "val_images": st.cfg.get("val_split"), "rf": st.layers[-1]["rf"], "n_seeds": len(st.seeds),
                   "batch_size": st.cfg["batch_size"]}[q]
            return f"{where} {q} {rec}"
        if q in ("reach", "range", "hold", "stable", "monotone"):
            s = st.series(a.get("of", "test_acc"), None)
            if a.get("scope"):
                mins = {sd: (st.series(a.get("of", "test_acc"), sd) or [None]) for sd in st.seeds}
                return f"{where} {a.get('of', 'test_acc')} by seed: " + "; ".join(
                    f"seed {sd}: " + ", ".join(fmt(v) for v in ser) if ser[0] is not None else f"seed {sd}: n/a"
                    for sd, ser in mins.items())
            return f"{where} {a.get('of', 'test_acc')} by epoch: " + ", ".join(fmt(v) for v in s)
        if q == "compare":
            vs = a.get("vs", st.n - 1)
            if vs < 1:
                return "no step before"
            ot = load_step(ctx.handin, vs)
            of, fig = a.get("of", "test_acc"), a.get("fig", "final")
            x, y = step_figure(st, of, fig), step_figure(ot, of, fig)
            return f"{of} {fig}: step {vs} {fmt(y, 3)} -> step {st.n} {fmt(x, 3)} " \
                   f"(diff {x - y:+.3f}, noise {compare_noise(st, ot, of, fig, x, y):.2f})"
        if q in ("gap", "overfit", "underfit"):
            g, nz = gap_of(st)
            extra = ""
            if q == "overfit":
                extra = f", test still gaining: {test_gains(st)}" + (", test of EMA weights" if st.ema() else "")
            if q == "underfit":
                extra = f", best train {fmt(max(e['train_acc'] for e in st.epochs))}, " \
                        f"best test {fmt(max(e['test_acc'] for e in st.epochs))}"
            return f"{where} gap (mean of last 3) {g:+.2f} (noise {nz:.2f}){extra}"
        if q == "test_above_train":
            lo, hi = window(st, a)
            return f"{where} test-train by epoch {lo}-{hi}: " + ", ".join(
                f"{e['test_acc'] - e['train_acc']:+.2f}" for e in st.epochs[lo - 1: hi])
        if q in ("lr_course", "lr", "lr_cut"):
            return f"{where} rate at each epoch's start: " + ", ".join(fmt(r, 5) for r in st.lrs()) + \
                f" (peak set {st.cfg['lr']})"
        if q == "credit":
            inside, acts = present(st, a["change"])
            if not inside:
                return f"{where}: no {a['change']} in the step"
            if not acts:
                return f"{where}: {a['change']} could not act"
            if st.n == 1:
                return "no step before to compare"
            chs = sorted(changes(load_step(ctx.handin, st.n - 1), st))
            if a["change"] not in chs:
                return f"{where}: {a['change']} unchanged from step {st.n - 1} (changes: {', '.join(chs)})"
            if len(chs) > 1:
                return f"{where}: {len(chs)} changes together ({', '.join(chs)})"
            eff = a.get("effect", "acc")
            sub = {"gap": {"q": "compare", "of": "gap", "dir": "down"},
                   "speed": {"q": "compare", "of": "test_acc", "fig": 1, "dir": "up"}}.get(
                eff, {"q": "compare", "of": "test_acc", "fig": a.get("fig", "final"), "dir": "up"})
            return f"{a['change']} the only change; " + describe(ctx, dict(sub, step=st.n, vs=st.n - 1))
        if q in ("budget", "seeds_pass"):
            if st.chk:
                n = sum(1 for s in st.chk["seeds"].values() if s["pass"])
                return f"{where} budget {st.chk['verdict']}: {n} of {len(st.chk['seeds'])} seeds hold"
            return f"{where} budget {'PASS' if budget_pass(st) else 'FAIL'}"
        if q in ("class_acc", "class_errors", "worst_class", "best_class"):
            pc = st.per_class
            if q in ("worst_class", "best_class"):
                return f"{where} per-class accuracy: " + ", ".join(f"{d}: {fmt(r['accuracy'])}" for d, r in pc.items())
            d = int(a["digit"])
            return f"{where} digit {d}: accuracy {fmt(pc[d]['accuracy'], 3)}, errors {int(pc[d]['errors'])}"
        if q == "setting":
            return f"{where} {a['key']} = {st.cfg.get(a['key'])}"
        if q == "layer":
            return f"{where} {'has' if st.has_layer(a['type']) else 'has no'} {a['type']}"
        if q == "dropout_p":
            return f"{where} dropout p {st.dropout_ps()}"
        if q == "unread":
            return f"'{a.get('value')}' is decided by no record"
        if q == "aim_free":
            return "an aim no record decides"
    except (KeyError, IndexError, TypeError) as e:  # a record missing: say so
        return f"{q}: {type(e).__name__} {e}"
    return q


# ---------------------------------------------------------------- every number accounted for

NUM = re.compile(r"(?<![A-Za-z_])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![A-Za-z_])\d+(?:\.\d+)?")


def atom_numbers(atoms):
    out = set()

    def add(v):
        if isinstance(v, bool) or v is None:
            return
        if isinstance(v, (int, float)):
            out.add(Decimal(str(v)).normalize())
        elif isinstance(v, str):
            for m in NUM.finditer(v):
                out.add(Decimal(m.group().replace(",", "")).normalize())
        elif isinstance(v, dict):
            for x in v.values():
                add(x)
        elif isinstance(v, list):
            for x in v:
                add(x)
    for a in atoms:
        add({k: v for k, v in a.items() if k not in ("q", "of", "at", "op", "tol", "dir", "key", "type",
                                                     "change", "effect")})
        for k in ("at", "fig"):
            if isinstance(a.get(k), int):
                add(a[k])
        if a.get("key") and isinstance(a.get("value"), (int, float, str)):
            add(a["value"])
    return out


def unaccounted(row):
    """Digits in the sentence that no atom holds (step names like Model_2 aside)."""
    text = re.sub(r"(Model[_ ]?|[Ss]tep[- ]?|[Ii]teration )\d", "", row["sentence"])
    have = atom_numbers(row["atoms"])
    missing = []
    for m in NUM.finditer(text):
        v = Decimal(m.group().replace(",", "")).normalize()
        if v not in have:
            missing.append(m.group())
    return missing


# ---------------------------------------------------------------- files

def read_rows(path: Path):
    with path.open() as f:
        return [json.loads(line) for line in f if line.strip()]


def write_rows(path: Path, rows):
    with path.open("w") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def validate(rows, where):
    errs = []
    seen = set()
    for r in rows:
        for k in ("id", "handin", "step", "section", "sentence", "atoms", "label", "why"):
            if k not in r:
                errs.append(f"{where}:{r.get('id')}: no {k}")
        if r["id"] in seen:
            errs.append(f"{where}:{r['id']}: duplicate id")
        seen.add(r["id"])
        if r.get("label") not in LABELS:
            errs.append(f"{where}:{r['id']}: unknown label {r.get('label')!r}")
        if r["section"] not in ("target", "result", "analysis"):
            errs.append(f"{where}:{r['id']}: unknown section {r['section']!r}")
        for a in r["atoms"]:
            if a["q"] not in EVAL and a["q"] != "plan":
                errs.append(f"{where}:{r['id']}: unknown atom {a['q']!r}")
        if r.get("label") not in ("plan", "none"):
            miss = unaccounted(r)
            if miss:
                errs.append(f"{where}:{r['id']}: numbers no atom accounts for: {miss}")
        if where in FILES:              # extra files (dev2.jsonl, ...) are not part of the id split
            want_held = held_out(r["id"])
            if want_held != (where == "held.jsonl"):
                errs.append(f"{where}:{r['id']}: in the wrong split")
    return errs


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--check", action="store_true", help="exit 1 if a stored label differs from the computed one")
    g.add_argument("--write", action="store_true", help="rewrite labels and whys from the records")
    g.add_argument("--split", metavar="FILE", help="authored rows (JSON Lines) -> dev.jsonl / held.jsonl")
    g.add_argument("--stats", action="store_true", help="counts per file, label and section")
    ap.add_argument("--dir", default=str(CORPUS), help="the corpus folder (default tests/data/claims)")
    ap.add_argument("--file", action="append", metavar="NAME",
                    help="a file of the corpus folder to read instead of dev.jsonl and held.jsonl (repeatable)")
    args = ap.parse_args(argv)
    d = Path(args.dir)

    if args.split:
        rows = read_rows(Path(args.split))
        for r in rows:
            r["label"], r["why"] = label_row(r)
        keys = ("id", "handin", "step", "section", "sentence", "atoms", "label", "why")
        rows = [{k: r[k] for k in keys} for r in rows]
        held = [r for r in rows if held_out(r["id"])]
        dev = [r for r in rows if not held_out(r["id"])]
        write_rows(d / "dev.jsonl", dev)
        write_rows(d / "held.jsonl", held)
        print(f"dev {len(dev)}, held-out {len(held)}")
        return 0

    bad = 0
    for name in (args.file or FILES):
        rows = read_rows(d / name)
        if args.stats:
            from collections import Counter
            print(f"{name}: {len(rows)} rows")
            print("  by label:", dict(sorted(Counter(r["label"] for r in rows).items())))
            print("  by section:", dict(sorted(Counter(r["section"] for r in rows).items())))
            print("  by label and section:", dict(sorted(Counter((r["section"], r["label"]) for r in rows).items())))
            continue
        errs = validate(rows, name)
        for r in rows:
            lab, why = label_row(r)
            if args.write:
                r["label"], r["why"] = lab, why
            elif lab != r["label"]:
                errs.append(f"{name}:{r['id']}: stored {r['label']}, computed {lab} ({why})")
        if args.write:
            write_rows(d / name, rows)
            errs = [e for e in errs if "stored" not in e]
        for e in errs:
            print(e, file=sys.stderr)
        bad += len(errs)
        if not args.write:
            print(f"{name}: {len(rows)} rows, {len(errs)} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
