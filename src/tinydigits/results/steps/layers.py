"""What changed in the layers between two runs, from their recorded modules: convs matched by a global
alignment (`align`), then their widths and kernels, the layers added or removed, their order and their settings,
each by the author's names; which convs batch norm follows (`normed_convs`).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from tinydigits.results.records import Run
from tinydigits.results.steps.step import value_text
from tinydigits.training.runs import INLINE


def convs(run: Run) -> list[dict[str, Any]]:
    """The convs in execution order, from the recorded module settings: name (the attribute path in the author's
    class, `convblock1.0`), widths, kernel."""
    out = []
    for module, s in run.modules.items():
        if s["type"] == "Conv2d":
            out.append({"name": module or "the model", "module": module, "in": s["in_channels"],
                        "out": s["out_channels"], "k": s["kernel_size"][0], "groups": s["groups"]})
    return out


def placed(run: Run) -> list[tuple[str, str, dict[str, Any], str]]:
    """Every other leaf module as (type, the conv it follows, its settings, its own name), in execution order."""
    out, conv = [], "the input"
    for module, s in run.modules.items():
        if s["type"] == "Conv2d":
            conv = module or "the model"
        else:
            out.append((s["type"], conv, s, module))
    return out


def _conv_text(c: dict[str, Any]) -> str:
    kind = "1x1" if c["k"] == 1 else f"{c['k']}x{c['k']}" + (" depthwise" if c["groups"] > 1 else "")
    return f"{c['in']}→{c['out']} {kind}"


def _likeness(x: dict[str, Any], y: dict[str, Any]) -> int:
    """How alike two convs are: the same kernel and grouping first, then the same input and output widths."""
    return (3 if (x["k"], x["groups"] > 1) == (y["k"], y["groups"] > 1) else -1) + (x["in"] == y["in"]) + (x["out"] == y["out"])


def align(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> tuple[dict[str, str], list[str], list[str]]:
    """The convs of two steps matched in order by a global alignment (Needleman-Wunsch over `_likeness`, a gap costing
    2), so that a removed 1x1 squeeze does not shift every later pairing: old name -> new name for the matched, and
    the removed and the added. Hand-written: difflib's longest-block matching pairs the wrong convs here."""
    n, m, gap = len(before), len(after), -2
    score = [[gap * (i + j) if not i or not j else 0 for j in range(m + 1)] for i in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            score[i][j] = max(score[i - 1][j - 1] + _likeness(before[i - 1], after[j - 1]),
                              score[i - 1][j] + gap, score[i][j - 1] + gap)
    pairs, removed, added, i, j = {}, [], [], n, m
    while i or j:
        if i and j and score[i][j] == score[i - 1][j - 1] + _likeness(before[i - 1], after[j - 1]):
            pairs[before[i - 1]["name"]] = after[j - 1]["name"]
            i, j = i - 1, j - 1
        elif i and score[i][j] == score[i - 1][j] + gap:
            removed.append(before[i - 1]["name"])
            i -= 1
        else:
            added.append(after[j - 1]["name"])
            j -= 1
    return dict(reversed(pairs.items())), removed[::-1], added[::-1]


def _in_order(names: list[str] | set[str], run: Run) -> list[str]:
    """Module names in the order the run's layers run (the author's code order), unknown names last."""
    where = {name or "the model": i for i, name in enumerate(run.modules)}
    return sorted(set(names), key=lambda name: (where.get(name, len(where)), name))


def _renamed(a: str, b: str) -> str:
    return a if a == b else f"{a} (now {b})"


FED_ANEW = "from another conv before it now"  # a conv's input changed because the conv feeding it did


def width_changes(previous: Run, run: Run) -> list[str]:
    """Channel widths and kernels per conv, matched by `align`, by the author's names: `convblock1.0 8 → 10 channels`,
    `head kernel 16→10 7x7 → 16→10 1x1`, `trans1.0 (16→8 1x1) removed`, `head (16→10 1x1) added`; an input width
    only where it is not the conv before's output (a concatenation): `cat.0 input 16 → 24 channels`."""
    a_convs, b_convs = convs(previous), convs(run)
    pairs, removed, added = align(a_convs, b_convs)
    old, new = {c["name"]: c for c in a_convs}, {c["name"]: c for c in b_convs}

    def with_(r: Run, name: str) -> str:
        return ", ".join(f"{t} {own}" for t, c, _, own in placed(r) if c == name)

    out = [f"{a} ({_conv_text(old[a])}) removed" + (f" with {w}" if (w := with_(previous, a)) else "") for a in removed]
    fed_old, fed_new = _fed(a_convs), _fed(b_convs)
    before_old = {c["name"]: a_convs[i - 1]["name"] for i, c in enumerate(a_convs) if i}
    before_new = {c["name"]: b_convs[i - 1]["name"] for i, c in enumerate(b_convs) if i}
    for a, b in pairs.items():
        x, y = old[a], new[b]
        if x["out"] != y["out"]:
            kernel = "" if (x["k"], x["groups"]) == (y["k"], y["groups"]) else f" ({_conv_text(x)} → {_conv_text(y)})"
            out.append(f"{_renamed(a, b)} {x['out']} → {y['out']} channels{kernel}")
        elif (x["k"], x["groups"]) != (y["k"], y["groups"]):  # the same width: the kernel alone changed
            out.append(f"{_renamed(a, b)} kernel {_conv_text(x)} → {_conv_text(y)}")
        # an input that is the conv before's output in both steps follows from that conv's change, said there;
        # one that is not (a concatenation, a skip) is a change of its own
        if x["in"] != y["in"] and not (fed_old.get(a) and fed_new.get(b)):
            out.append(f"{_renamed(a, b)} input {x['in']} → {y['in']} channels")
        elif x["in"] != y["in"] and pairs.get(before_old.get(a, "")) != before_new.get(b):
            # fed by another conv now (the one before was removed or added): its input's change is no other line's
            weights = (y["in"] - x["in"]) * y["out"] * y["k"] * y["k"] // y["groups"]
            out.append(f"{_renamed(a, b)} input {x['in']} → {y['in']} channels, {FED_ANEW} ({weights:+,} weights)")
    return out + [f"{b} ({_conv_text(new[b])}) added" + (f" with {w}" if (w := with_(run, b)) else "") for b in added]


def _fed(cs: list[dict[str, Any]]) -> dict[str, bool]:
    """Each conv: whether its input width is the output width of the conv before it (a plain chain)."""
    return {c["name"]: i > 0 and cs[i - 1]["out"] == c["in"] for i, c in enumerate(cs)}


def _values(kind: str, s: dict[str, Any]) -> str:
    """What a layer is set to, where that is what it does: a dropout's rate, a pool's window."""
    if kind.startswith("Dropout"):
        return f" p {_setting(s.get('p'))}"
    if "Pool" in kind and "Adaptive" not in kind and s.get("kernel_size") is not None:
        return f" {_setting(s.get('kernel_size'))}x{_setting(s.get('kernel_size'))}"
    return ""


def layer_changes(previous: Run, run: Run) -> list[str]:
    """Layers other than convs added or removed, by type with their values and their own names (matched by the conv
    each follows, `align`; the layers of a conv added or removed go with it): `+6 BatchNorm2d (convblock1.2, ...;
    none after convblock7.0)`, `+4 Dropout p 0.1 (convblock1.3, ...)`, `-4 Dropout p 0.05 (was convblock1.3, ... of
    step Model_1)`."""
    pairs, removed, added = align(convs(previous), convs(run))
    out = []
    for kind in sorted({t for t, *_ in placed(previous)} | {t for t, *_ in placed(run)}):
        was = Counter(pairs.get(c, c) for t, c, _, _ in placed(previous) if t == kind and c not in removed)
        now = Counter(c for t, c, _, _ in placed(run) if t == kind and c not in added)
        plus, minus = now - was, was - now
        if plus:  # the last of their kind after each conv that gained them
            mods = _last_of(run, kind, plus)
            bare = [c["name"] for c in convs(run) if c["name"] not in {c for t, c, _, _ in placed(run) if t == kind}]
            none = f"; none after {', '.join(bare)}" if kind.startswith("BatchNorm") and bare else ""
            for value, names in _by_value(kind, mods).items():
                out.append(f"+{len(names)} {kind}{value} ({', '.join(_in_order(names, run))}{none})")
        if minus:  # named as the step before named them
            back = {b: a for a, b in pairs.items()}
            mods = _last_of(previous, kind, Counter({back.get(c, c): k for c, k in minus.items()}))
            for value, names in _by_value(kind, mods).items():
                out.append(f"-{len(names)} {kind}{value} (was {', '.join(_in_order(names, previous))} of step "
                           f"{previous.name.split(INLINE)[0]})")
    return out


def _last_of(run: Run, kind: str, counts: Counter) -> list[tuple[str, dict[str, Any]]]:
    """(name, settings) of the last `counts[conv]` layers of `kind` after each conv."""
    out = []
    for conv, k in counts.items():
        found = [(own, s) for t, c, s, own in placed(run) if t == kind and c == conv]
        out += found[-k:]
    return out


def _by_value(kind: str, mods: list[tuple[str, dict[str, Any]]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for own, s in mods:
        out.setdefault(_values(kind, s), []).append(own)
    return out


def order_changes(previous: Run, run: Run) -> list[str]:
    """Matched convs whose following layers changed order (batch norm moved after the pool, dropout before it):
    `after convblock2.0: BatchNorm2d, ReLU, MaxPool2d → MaxPool2d, BatchNorm2d, ReLU` - a move the counts do not show
    (a dropout dropped there is said once, as removed)."""
    pairs, _, _ = align(convs(previous), convs(run))

    def after(r: Run) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for kind, conv, _, _ in placed(r):
            out.setdefault(conv, []).append(kind)
        return out

    was, now = after(previous), after(run)
    out = []
    for a, b in pairs.items():
        x, y = was.get(a, []), now.get(b, [])
        # the layers both have, in another order - said alone: a layer added or removed is layer_changes' to say
        kept, moved = [k for k in x if k in y], [k for k in y if k in x]
        if kept != moved:
            out.append(f"after {_renamed(a, b)}: {', '.join(kept)} → {', '.join(moved)}")
    return out


IGNORED_SETTINGS = {"type", "in_channels", "out_channels", "num_features", "groups"}  # widths: said by width_changes


def setting_changes(previous: Run, run: Run) -> list[str]:
    """Every module setting that changed in a module both steps have (convs matched by `align`; other modules by type
    and the conv they follow, in order), by the author's names: `Dropout p 0.05 → 0.02 (convblock1.3, convblock2.3)`,
    a conv's stride, padding, dilation or bias, batch norm's momentum, eps or affine. Grouped where it repeats."""
    a_convs, b_convs = convs(previous), convs(run)
    pairs, _, _ = align(a_convs, b_convs)
    found: dict[tuple[str, str, str, str], list[str]] = {}

    def compare(kind: str, where: str, x: dict[str, Any], y: dict[str, Any]) -> None:
        said = IGNORED_SETTINGS | ({"kernel_size"} if kind == "Conv2d" else set())  # a conv's kernel: width_changes'
        for key in sorted((set(x) | set(y)) - said):
            if x.get(key) != y.get(key):
                found.setdefault((kind, key, _setting(x.get(key)), _setting(y.get(key))), []).append(where)

    old_mod, new_mod = previous.modules, run.modules
    new_by_name = {c["name"]: c for c in b_convs}
    for c in a_convs:
        if c["name"] in pairs:
            compare("Conv2d", pairs[c["name"]], old_mod[c["module"]], new_mod[new_by_name[pairs[c["name"]]]["module"]])
    before: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for kind, conv, s, _ in placed(previous):
        before.setdefault((kind, pairs.get(conv, conv)), []).append(s)
    for kind, conv, s, own in placed(run):
        if before.get((kind, conv)):
            compare(kind, own, before[(kind, conv)].pop(0), s)
    return [f"{kind} {key} {a} → {b} ({', '.join(_in_order(where, run))})" for (kind, key, a, b), where in found.items()]


def _setting(v: Any) -> str:
    if isinstance(v, list) and len(set(map(str, v))) == 1:
        v = v[0]  # a square kernel, an even stride: one number
    return "none" if v is None else value_text(v) if not isinstance(v, bool) else ("yes" if v else "no")


def normed_convs(run: Run) -> set[str]:
    """The convs (by `convs`' names) whose very next layer is a batch norm: a bias of theirs is cancelled by it."""
    return normed_in(run.modules)


def normed_in(modules: dict[str, dict[str, Any]]) -> set[str]:
    """`normed_convs` of layers as a run records them (`models.summary.layer_settings`, in the order they run)."""
    mods = list(modules.items())
    return {module or "the model" for (module, s), (_, t) in zip(mods, mods[1:], strict=False)
            if s["type"] == "Conv2d" and t["type"].startswith("BatchNorm")}


def param_shapes(run: Run) -> list[tuple[str, tuple[int, ...]]]:
    """The shapes of the parameters each recorded layer holds, in the order the layers run."""
    return [shape for s in run.modules.values() for shape in module_shapes(s)]


def module_shapes(s: dict[str, Any]) -> list[tuple[str, tuple[int, ...]]]:
    """The shapes of the parameters one recorded layer holds (its settings `s`): a conv's or linear layer's weights
    and bias, batch norm's scale and shift."""
    t, out = s["type"], []
    if t == "Conv2d":
        out.append((t, (s["out_channels"], s["in_channels"] // s["groups"], *s["kernel_size"])))
        if s.get("bias"):
            out.append((t, (s["out_channels"],)))
    elif t.startswith("BatchNorm") and s.get("affine", True):
        out += [(t, (s.get("num_features"),))] * 2
    elif t == "Linear":
        out.append((t, (s["out_features"], s["in_features"])))
        if s.get("bias"):
            out.append((t, (s["out_features"],)))
    return out


def drawn(run: Run) -> list[tuple[str, str, tuple[int, ...]]]:
    """(layer, "weights" or "bias", shape) of each parameter drawn at random as a net is made, in the order its layers
    run: a conv's and a linear layer's (batch norm starts at ones and zeros and draws nothing)."""
    out = []
    for name, s in run.modules.items():
        if s["type"] in ("Conv2d", "Linear"):
            out += [(name, "weights" if i == 0 else "bias", shape) for i, (_, shape) in enumerate(module_shapes(s))]
    return out
