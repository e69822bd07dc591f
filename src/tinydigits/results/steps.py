"""The exercise's steps read back and judged: what is true of each step, and of each change, with its numbers and the
rule it applied (`tinydigits report STEP... --steps`; the write-up itself: `results.handin`).

Students hand in Model_1, Model_2, Model_3 with Target / Result / Analysis blocks, written by hand from tqdm logs, and
graders fail the analyses that are wrong: test above train called under-fitting when augmentation or dropout was on,
a shortened run read as the model's, two steps trained differently compared as if alike. Every statement here is a
rule over measured figures, and says its rule.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tinydigits import files
from tinydigits.constants import BUDGET, Budget
from tinydigits.errors import TinyDigitsError
from tinydigits.models import summary
from tinydigits.results.budget import reason, run_verdict
from tinydigits.training import runs
from tinydigits.training.metrics import curve

GAP_POINTS = 0.5  # train above test by more than this (mean of the last N epochs): over-fitting
CHANCE_POINTS = 20.0  # best test accuracy below this: the network did not learn (chance is 10 %)
STALL_POINTS = 0.05  # a later epoch must beat the best so far by more than this to count as still improving
TEST_IMAGES = 10_000  # MNIST's test set: what a test accuracy's noise is counted over
MNIST_TRAIN = 60_000
RECIPE_FIELDS = ("optimizer", "lr", "scheduler", "batch_size", "weight_decay", "label_smoothing", "ema",
                 "augment_degrees", "augment_translate", "augment_scale", "augment_elastic", "augment_stroke",
                 "augment_blur", "augment_noise", "augment_off_last", "lr_floor_last", "size_schedule", "batch_schedule")
AUGMENTS = ("augment_degrees", "augment_translate", "augment_elastic", "augment_stroke", "augment_blur", "augment_noise")


@dataclass
class Step:
    """One step read back: the run it shows (config.json, metrics.json, its model's layer rows and modules) and, for
    a check folder, the check's verdict and the seed shown in detail."""

    folder: Path
    config: dict[str, Any]
    metrics: dict[str, Any]
    rows: list[summary.LayerRow] = field(default_factory=list)
    convs: list[dict[str, Any]] = field(default_factory=list)  # in execution order: name, in, out, kernel, groups
    after: dict[str, list[str]] = field(default_factory=dict)  # layer type -> the conv each one follows
    dropout: float = 0.0  # the largest dropout probability in the model (0: none)
    check: dict[str, Any] | None = None  # check.json of a check folder
    check_folder: Path | None = None
    per_class: list[dict[str, str]] = field(default_factory=list)

    @property
    def budget(self) -> Budget:
        return Budget(**{**vars(BUDGET), **self.config.get("budget", {})})

    @property
    def last(self) -> int:
        return self.budget.last

    @property
    def name(self) -> str:
        return self.metrics.get("model") or self.config["model"]

    @property
    def train_images(self) -> int:
        return int(self.config.get("train_images") or self.config.get("train_limit") or MNIST_TRAIN)

    @property
    def shortened(self) -> list[str]:
        """How the run is shorter than the budget's: fewer epochs, fewer training images (empty: a whole run)."""
        out, ran = [], len(self.metrics["epochs"])
        if ran < self.budget.max_epochs:
            out.append(f"{ran} of the budget's {self.budget.max_epochs} epochs")
        if self.train_images < MNIST_TRAIN - self.config.get("val_split", 0):
            out.append(f"{self.train_images:,} of {MNIST_TRAIN:,} training images")
        return out

    @functools.cached_property
    def figures(self) -> dict[str, Any]:
        e = self.metrics["epochs"]
        test, train = curve(e), curve(e, "train_acc")
        n = min(self.last, len(e))
        best = max(range(len(test)), key=lambda i: (test[i], -i))
        return {"params": self.metrics["params"], "epochs": len(e), "best_train": max(train), "best_test": test[best],
                "best_epoch": best + 1, "min_last": min(test[-n:]), "moved": max(test[-n:]) - min(test[-n:]),
                "gap": sum(a - b for a, b in zip(train[-n:], test[-n:], strict=True)) / n, "n": n,
                "rise": sum(test[i] - (test[i - 1] if i else 10.0) for i in range(len(test) - n, len(test))) / n,
                "seconds": sum(x["seconds"] for x in e), "rf": self.rows[-1].rf if self.rows else 0}


def noise_band(acc: float, images: int = TEST_IMAGES) -> float:
    """Two standard errors of a test accuracy (binomial, in points) measured on `images` images: a train-test gap
    inside it is no sign of anything."""
    p = min(max(acc / 100, 1e-4), 1 - 1e-4)
    return 200 * math.sqrt(p * (1 - p) / images)


def stall_text(test: list[float]) -> str:
    """Where test accuracy stopped improving, consistent with its best epoch: from the first epoch after which no
    later one beat the best so far by more than STALL_POINTS."""
    best = max(range(len(test)), key=lambda i: (test[i], -i))
    for s in range(1, len(test)):
        gain = max(test[s:]) - max(test[:s])
        if gain <= STALL_POINTS:
            return (f"after epoch {s} test accuracy gained at most {max(gain, 0):.2f} points (best {test[best]:.2f} % at "
                    f"epoch {best + 1}; a gain of {STALL_POINTS} or less counts as stalled)")
    return f"test accuracy still rose by more than {STALL_POINTS} points in the last epoch (best {test[best]:.2f} % at " \
           f"epoch {best + 1})"


# ----------------------------------------------------------------------------------------------- reading steps
def read_step(folder: str | Path) -> Step:
    """A run folder of this version (its config.json records `target`), or a check folder (plan.json): then the
    check's verdict, and the seed whose min(last N) is the median of the check's seeds, shown in detail."""
    folder = Path(folder)
    if (folder / "plan.json").is_file():
        return _read_check(folder)
    if not (folder / "config.json").is_file():
        raise TinyDigitsError(f"{folder}: neither a run folder (config.json) nor a check folder (plan.json)")
    config = files.read_json(folder / "config.json")
    if "target" not in config:
        raise TinyDigitsError(f"{folder}: made by an earlier tinydigits (its config.json has no `target`): train it "
                              "again with this version to write it up")
    step = Step(folder, config, runs.read_metrics(folder))
    _read_layers(step)
    if (folder / "per_class.csv").is_file():
        import csv

        with (folder / "per_class.csv").open(newline="") as f:
            step.per_class = list(csv.DictReader(f))
    return step


def _read_check(folder: Path) -> Step:
    if not (folder / "check.json").is_file():
        raise TinyDigitsError(f"{folder}: the check has no verdict yet (no check.json): let it finish, or go on with "
                              f"`tinydigits check --resume {folder}`")
    check = files.read_json(folder / "check.json")
    done = {int(s): v for s, v in check["seeds"].items() if v.get("test_acc") and "not_run" not in v}
    if not done:
        raise TinyDigitsError(f"{folder}: no seed of the check finished")
    ranked = sorted(done, key=lambda s: (done[s]["min_last"], s))
    shown = ranked[(len(ranked) - 1) // 2]
    seed_dir = next((p.parent for p in sorted(folder.glob("*/config.json"))
                     if files.read_json(p).get("seed") == shown), None)
    if seed_dir is None:
        raise TinyDigitsError(f"{folder}: seed {shown}'s run folder is missing")
    step = read_step(seed_dir)
    step.check, step.check_folder = check, folder
    return step


def _read_layers(step: Step) -> None:
    """The layer rows (as `summary` prints them), the convs' widths and what each other layer follows."""
    from torch import nn

    model, _ = runs.load_model(runs.checkpoint_path(step.folder))
    step.rows = summary.summarize(model)
    modules = dict(model.named_modules())
    conv = None
    for row in step.rows:
        m = modules[row.name]
        if isinstance(m, nn.Conv2d):
            conv = f"conv{len(step.convs) + 1}"
            step.convs.append({"name": conv, "in": m.in_channels, "out": m.out_channels, "k": m.kernel_size[0],
                               "groups": m.groups})
        else:
            step.after.setdefault(row.type, []).append(conv or "the input")
        if isinstance(m, nn.Dropout | nn.Dropout2d):
            step.dropout = max(step.dropout, m.p)


def newest_run(ref: str, runs_dir: str | Path) -> tuple[Path, int]:
    """The newest run or check folder under `runs_dir` of the model `ref` (as given to --model, or its name), and how
    many there were."""
    found = []
    for meta in [*Path(runs_dir).glob("*/config.json"), *Path(runs_dir).glob("*/plan.json")]:
        try:
            data = files.read_json(meta)
        except TinyDigitsError:
            continue
        model = (data.get("config") or {}).get("model") if meta.name == "plan.json" else data.get("model")
        if model == ref or (model and model.rpartition(":")[2] == ref.rpartition(":")[2] and ":" in ref) \
                or meta.parent.name.startswith(f"{ref}-") or meta.parent.name.startswith(f"check-{ref}-"):
            found.append(meta.parent)
    if not found:
        raise TinyDigitsError(f"{ref}: no run or check of it under {runs_dir} (train it, or name its folder)")
    return max(found, key=lambda p: (p.stat().st_mtime, p.name)), len(found)


def verdict_of(step: Step) -> dict[str, Any]:
    """The run judged by its own plan and budget (`run_verdict`)."""
    return run_verdict(step.metrics, step.config)


# ----------------------------------------------------------------------------------------------- what is true of a step
def verdict_reason(step: Step) -> str:
    """The budget's verdict on the shown run with why (`budget.reason`); a single run said to be one seed."""
    v, seed = verdict_of(step), step.config.get("seed")
    head = f"**{'PASS' if v['pass'] else 'FAIL'}**"
    if step.check:
        odds = step.check.get("odds", {})
        return (f"{head} for seed {seed}, the one shown: {reason(v, step.budget, curve(step.metrics))}; the check over "
                f"all its seeds: **{step.check.get('verdict')}** ({odds.get('passed', '?')} of {odds.get('seeds', '?')} "
                "held)")
    return (f"{head}: {reason(v, step.budget, curve(step.metrics))}; this seed ({seed}) only - a new seed may differ "
            "(`check` judges several)")


def fit_lines(step: Step) -> list[str]:
    """Over- or under-fitting, or neither, by stated rules; test above train explained by what the run had."""
    f, n = step.figures, step.figures["n"]
    short = f" on a shortened run ({', '.join(step.shortened)}): not the model's figure at the budget" if step.shortened else ""
    if f["best_test"] < CHANCE_POINTS:
        return [f"**did not learn**: best test accuracy {f['best_test']:.2f} %, about chance for 10 classes (below "
                f"{CHANCE_POINTS:.0f} % counts as not learning){short}."]
    band = noise_band(curve(step.metrics)[-1])
    where = f"mean of the last {n} epochs"
    if f["gap"] > GAP_POINTS and f["rise"] > band:
        lines = [f"train above test by {f['gap']:.2f} points ({where}) while test accuracy still rose by {f['rise']:.2f} "
                 f"points an epoch: an early run, not (yet) over-fitting (that needs test to stall, within ±{band:.2f}, "
                 f"while train leads it){short}."]
    elif f["gap"] > GAP_POINTS:
        lines = [f"**over-fitting**: train accuracy above test by {f['gap']:.2f} points ({where}; more than "
                 f"{GAP_POINTS} counts) while test accuracy stalled ({f['rise']:+.2f} points an epoch){short}."]
    elif abs(f["gap"]) <= band:
        lines = [f"train and test within {abs(f['gap']):.2f} points ({where}): inside the noise of a test accuracy on "
                 f"{TEST_IMAGES:,} images (±{band:.2f}, two standard errors), no sign of over- or under-fitting."]
    elif f["gap"] > 0:
        lines = [f"train above test by {f['gap']:.2f} points ({where}): above the noise (±{band:.2f}), below the "
                 f"{GAP_POINTS} that counts as over-fitting."]
    else:
        lines = [f"test above train by {-f['gap']:.2f} points ({where}; noise ±{band:.2f}): " + _test_above(step) + "."]
    line = step.budget.min_acc
    low = f"the training accuracy itself is low (best {f['best_train']:.2f} %, and test's best {f['best_test']:.2f} %, " \
          f"both below the {line} % the test must hold)"
    if max(f["best_train"], f["best_test"]) >= line:
        pass  # the model reaches the line on one of them: whatever else, not too small to fit it
    elif step.shortened:
        lines.append(f"{low[0].upper()}{low[1:]}, measured on a shortened run ({', '.join(step.shortened)}): no "
                     "verdict on the model's capacity.")
    elif _hinders(step):
        lines.append(f"Both below the line (best train {f['best_train']:.2f} %, test {f['best_test']:.2f} %); the train "
                     f"figure is measured with {' and '.join(_hinders(step))}, so it understates the fit: not shown to "
                     "under-fit.")
    else:
        lines.append(f"**under-fitting**: {low}. Within the budget that means capacity (fewer than "
                     f"{step.budget.max_params:,} parameters) or the schedule, not more than {step.budget.max_epochs} "
                     "epochs.")
    if short and not any("shortened" in x for x in lines):
        lines.append(f"Measured{short}.")
    return lines


def _hinders(step: Step) -> list[str]:
    """What makes the train figure lower than the fit it measures, in this run: augmentation, dropout."""
    out = ["augmentation"] if any(step.config.get(k) for k in AUGMENTS) and (step.config.get("augment_off_last") or 0) \
        < step.figures["n"] else []
    return out + (["dropout"] if step.dropout else [])


def _test_above(step: Step) -> str:
    """Why the train figure sits below test, from what the run actually had (never a guess)."""
    f, cfg, n = step.figures, step.config, step.figures["n"]
    plain_tail = cfg.get("augment_off_last") or 0
    causes = []
    if any(cfg.get(k) for k in AUGMENTS) and plain_tail < n:
        causes.append("augmentation was on (the train figure is measured on distorted digits: "
                      + ", ".join(f"{k.removeprefix('augment_')} {cfg[k]}" for k in AUGMENTS if cfg.get(k)) + ")")
    if step.dropout:
        causes.append(f"dropout ({step.dropout:g}) is in the model (train accuracy is measured with units dropped)")
    if f["rise"] > noise_band(f["best_test"]):
        causes.append(f"the train figure is a running average over each epoch, and test accuracy rose by {f['rise']:.2f} "
                      f"points an epoch over the last {n} (the weights at the epoch's end are better than its average)")
    if not causes:
        return "not explained by augmentation, dropout or a rising curve (none of them in this run)"
    return "explained by what the run had, not under-fitting: " + "; ".join(causes)


def analysis_lines(step: Step, previous: Step | None) -> list[str]:
    f = step.figures
    lines = [f"- {line}" for line in fit_lines(step)]
    lines.append(f"- {stall_text(curve(step.metrics))}; over the last {f['n']} epochs it moved {f['moved']:.2f} points.")
    if step.check:
        odds = step.check.get("odds", {})
        held = f"{odds.get('passed', '?')} of {odds.get('seeds', '?')} seeds held"
        prob = (f"; the odds a new seed holds: {100 * odds['probability']:.1f} % (95 % lower bound "
                f"{100 * odds['probability_lower']:.1f} %)") if "probability" in odds else ""
        lines.append(f"- over seeds: {held}{prob} (`check`'s verdict: {step.check.get('verdict')}).")
    if step.metrics.get("confused"):
        lines.append(f"- commonest confusions (true → predicted: count): {_confusions(step)}"
                     + (f"; the step before: {_confusions(previous)}" if previous and previous.metrics.get("confused")
                        else "") + ".")
    if found := lr_test_of(step):
        folder, test = found
        suggested = (f"valley {test['valley']:.3g}, steepest descent {test['steepest']:.3g}" if test.get("valley")
                     else "no suggestion (its loss never fell)")
        lines.append(f"- learning-rate range test (`{folder.name}`, `tinydigits lr-find`): {suggested}; this step's "
                     f"peak rate {step.config.get('lr'):.3g}.")
    if step.metrics.get("layers"):
        dead = [f"{r['layer']} {len(r['dead_channels'])} of {r['channels']}" for r in step.metrics["layers"]
                if r["dead_channels"]]
        lines.append("- dead units (ReLU channels never active on 2,000 test images): "
                     + ("; ".join(dead) if dead else "none") + " (layers.png in the run folder).")
    if previous is not None:
        lines += change_lines(previous, step)
    return lines


def lr_test_of(step: Step) -> tuple[Path, dict[str, Any]] | None:
    """The newest `lr-find` of this step's model beside its run (in the runs folder), if there is one."""
    runs_dir = (step.check_folder or step.folder).parent
    found = sorted(runs_dir.glob(f"lr-find-{step.name}-*/lr_find.json"), key=lambda p: p.parent.name)
    if not found:
        return None
    test = files.read_json(found[-1])
    return (found[-1].parent, test) if test.get("model") in (step.config.get("model"), step.name) else None


def _confusions(step: Step, top: int = 3) -> str:
    pairs = step.metrics["confused"]
    return ", ".join(f"{c['true']} → {c['predicted']}: {c['count']}" for c in pairs[:top]) + \
        f" (of {sum(c['count'] for c in pairs)} mistakes)"


# ----------------------------------------------------------------------------------------------- what changed
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


def width_changes(previous: Step, step: Step) -> list[str]:
    """Channel widths per conv, matched by `align`: `conv1 8 → 10`, `conv4 (now conv3) 12 → 14`, `conv3 (16→8 1x1)
    removed`, `conv7 (16→10 1x1) added`."""
    pairs, removed, added = align(previous.convs, step.convs)
    old, new = {c["name"]: c for c in previous.convs}, {c["name"]: c for c in step.convs}
    with_ = lambda st, name: ", ".join(k for k, convs in st.after.items() for c in convs if c == name)
    out = [f"{a} ({_conv_text(old[a])}) removed" + (f" with its {w}" if (w := with_(previous, a)) else "") for a in removed]
    for a, b in pairs.items():
        x, y = old[a], new[b]
        name = a if a == b else f"{a} (now {b})"
        if (x["out"], x["k"], x["groups"]) != (y["out"], y["k"], y["groups"]):
            kernel = "" if (x["k"], x["groups"]) == (y["k"], y["groups"]) else f" ({_conv_text(x)} → {_conv_text(y)})"
            out.append(f"{name} {x['out']} → {y['out']} channels{kernel}")
    return out + [f"{b} ({_conv_text(new[b])}) added" + (f" with its {w}" if (w := with_(step, b)) else "") for b in added]


def layer_changes(previous: Step, step: Step) -> list[str]:
    """Layers other than convs added or removed, by type and by the conv each one follows (matched by `align`; the
    layers of a conv added or removed go with it): `+6 BatchNorm2d (after conv1, ..., conv6; none after conv7)`."""
    from collections import Counter

    pairs, removed, added = align(previous.convs, step.convs)
    out = []
    for kind in sorted(set(previous.after) | set(step.after)):
        was = Counter(pairs.get(c, c) for c in previous.after.get(kind, []) if c not in removed)
        now = Counter(c for c in step.after.get(kind, []) if c not in added)
        plus, minus = now - was, was - now
        if plus:
            bare = [c["name"] for c in step.convs if c["name"] not in step.after.get(kind, [])]
            none = f"; none after {', '.join(bare)}" if kind.startswith("BatchNorm") and bare else ""
            out.append(f"+{sum(plus.values())} {kind} (after {', '.join(sorted(plus.elements(), key=_order))}{none})")
        if minus:
            out.append(f"-{sum(minus.values())} {kind} (was after {', '.join(sorted(minus.elements(), key=_order))})")
    return out


def _order(name: str) -> tuple[int, str]:
    digits = "".join(ch for ch in name if ch.isdigit())
    return (int(digits) if digits else 0, name)


def recipe_changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    return [f"{k} {before.get(k)} → {after.get(k)}" for k in RECIPE_FIELDS if before.get(k) != after.get(k)]


def unlike(previous: Step, step: Step) -> list[str]:
    """What differs between two steps besides the change itself: epochs, training images, seed."""
    pairs = [("epochs", len(previous.metrics["epochs"]), len(step.metrics["epochs"])),
             ("training images", previous.train_images, step.train_images),
             ("seed", previous.config.get("seed"), step.config.get("seed"))]
    return [f"{name} {a:,} → {b:,}" if isinstance(a, int) and name != "seed" else f"{name} {a} → {b}"
            for name, a, b in pairs if a != b]


def change_lines(previous: Step, step: Step) -> list[str]:
    a, b = previous.figures, step.figures
    widths = width_changes(previous, step) or ["unchanged"]
    layers = layer_changes(previous, step) or ["none"]
    recipe = recipe_changes(previous.config, step.config) or ["unchanged"]
    lines = [f"- changed from step {previous.name}: channel widths {', '.join(widths)}; other layers {'; '.join(layers)}; "
             f"parameters {a['params']:,} → {b['params']:,} ({b['params'] - a['params']:+,}); receptive field "
             f"{a['rf']} → {b['rf']} px; recipe: {', '.join(recipe)}."]
    effect = (f"best test {a['best_test']:.2f} → {b['best_test']:.2f} % ({b['best_test'] - a['best_test']:+.2f}), "
              f"min of the last {step.last} {a['min_last']:.2f} → {b['min_last']:.2f} % ({b['min_last'] - a['min_last']:+.2f}), "
              f"train-test gap {a['gap']:+.2f} → {b['gap']:+.2f} points")
    if differ := unlike(previous, step):
        lines.append(f"- its effect, **not like for like** ({', '.join(differ)}: the difference mixes the change with "
                     f"these): {effect}.")
    else:
        lines.append(f"- its effect (same epochs, training images and seed): {effect}.")
    return lines
