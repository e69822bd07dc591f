"""What a step's records say beyond its facts: how a net that did not learn is stuck, a dead net read as
dead (`stuck`, `dead_signs`), a registered model's own multi-seed record (`own_record`), a check's lowest seed
(`lowest_seed`), a learning-rate range test beside the run (`lr_test_of`), and the scored epoch where test lagged
train most (`lagged_epoch`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from tinydigits.errors import TinyDigitsError
from tinydigits.results.records import LrTest
from tinydigits.results.steps.curves import epoch_span, fall_noise, one_class
from tinydigits.results.steps.fit import GAP_POINTS
from tinydigits.results.steps.step import Facts, Step

GRAD_TINY = 0.05  # a net at chance whose every layer's gradient norm (an epoch's sampled mean) stays below this: starved
GRAD_DEAD = 1e-6  # every layer's gradient norm at or below this: nothing flows back (a dead net, not a slow one)
LOSS_BLOWN = math.log(10) + 0.1  # a loss this far above a uniform guess's (ln 10 = 2.30): the rate threw the net off
LOSS_SWING = 0.05  # train loss up by more than this share of it from one epoch to the next: the rate overshoots


@dataclass(frozen=True)
class Stuck:
    """Why a net at chance did not start, from its losses and gradients: slow (a loss that fell at every epoch: batch
    norm or a higher rate), starved (a flat loss, tiny gradients: the same), thrown (a loss that blew up, went NaN or
    swung: a lower rate), flat (a flat loss with gradients that are not small), dead (no gradient flows back), or not
    known (no gradient recorded) - the evidence in words, and what it calls for."""

    how: str
    why: str
    wanted: tuple[str, ...]


def stuck(step: Step) -> Stuck:
    """How a net that did not learn is stuck (`Stuck`): the loss's course first, then the gradient norms the run
    sampled (metrics.json's `grad_norms`)."""
    run = step.run
    losses = [x for e in run.epochs for x in (e.train_loss, e.test_loss)]
    if not all(math.isfinite(x) for x in losses):
        return Stuck("thrown", "the loss became NaN or infinite", ("lower rate", "normalisation"))
    if dead := _dead(step):  # before the loss's course: a dead net's loss may have swung on its way there
        return dead
    if (worst := max(losses)) > LOSS_BLOWN:
        return Stuck("thrown", f"the loss reached {worst:.2f}, above the {math.log(10):.2f} of a uniform guess",
                     ("lower rate", "normalisation"))
    swings = [b.epoch for a, b in zip(run.epochs, run.epochs[1:], strict=False)
              if b.train_loss > a.train_loss * (1 + LOSS_SWING)]
    if swings:
        return Stuck("thrown", f"train loss rose by more than {LOSS_SWING:.0%} at epoch{'s' * (len(swings) > 1)} "
                               f"{epoch_span(swings)}", ("lower rate", "normalisation"))
    first, last = run.epochs[0].train_loss, run.epochs[-1].train_loss
    course = f"train loss {first:.4f} → {last:.4f}"
    if len(run.epochs) > 2 and all(b.train_loss < a.train_loss for a, b in zip(run.epochs, run.epochs[1:], strict=False)):
        # A loss that fell at every epoch is not overshooting: its steps are too small to leave chance in time.
        return Stuck("slow", f"{course}, falling at every epoch, and test accuracy {run.epochs[0].test_acc:.2f} → "
                             f"{run.epochs[-1].test_acc:.2f} %: it had begun to learn, too slowly to get far in "
                             f"{len(run.epochs)} epochs - its steps are too small, not too large",
                     ("normalisation", "higher rate"))
    norms = run.grad_norms or []
    top = max((v for epoch in norms for v in epoch.values()), default=None)
    if top is None:
        return Stuck("not known", f"{course}; no gradient norms were recorded to say whether its steps were too small "
                                  "or too large", ("normalisation", "rate"))
    at = next(i + 1 for i, epoch in enumerate(norms) if top in epoch.values())
    where = f"at epoch {at}" if len(norms) == 1 else f"at epoch {at} of the {len(norms)} recorded"
    if top < GRAD_TINY:
        return Stuck("starved", f"{course} with every layer's gradient norm at most {top:.3g} ({where}), below the "
                                f"{GRAD_TINY} that counts as starved (metrics.json `grad_norms`): its steps barely move "
                                "the weights", ("normalisation", "higher rate"))
    return Stuck("flat", f"{course} while a layer's gradient norm reached {top:.3g} ({where}), not starved (metrics.json"
                         " `grad_norms`): steps that large that do not lower the loss overshoot",
                 ("lower rate", "normalisation"))


def dead_signs(step: Step) -> tuple[int | None, list[str], int | None]:
    """The marks of a dead net, each from its record: the first epoch from which every layer's gradient norm stayed at
    GRAD_DEAD or below to the end (metrics.json `grad_norms`; None: not so, or not recorded), the layers every one of
    whose ReLU channels never fired on the test images (metrics.json `layers`), and the one digit the net answered
    for every image at the last epoch (its accuracy is that digit's share of the test set; None: not so)."""
    norms = step.run.grad_norms or []
    zero = [bool(epoch) and max(epoch.values()) <= GRAD_DEAD for epoch in norms]
    since = next((i + 1 for i in range(len(zero)) if all(zero[i:])), None) if zero and zero[-1] else None
    layers = [r["layer"] for r in step.run.layer_stats if r.get("channels") and len(r["dead_channels"]) == r["channels"]]
    one = one_class(step.run.epochs[-1].test_acc) if step.run.epochs else None
    return since, layers, one


def _dead(step: Step) -> Stuck | None:
    """A net whose gradients went to zero and stayed there, or whose ReLUs of a whole layer are all off: nothing flows
    back, so no rate can move it - dead, not stuck (None: no such mark)."""
    since, layers, one = dead_signs(step)
    if since is None and not layers:
        return None
    norms = step.run.grad_norms or []
    said = []
    if since is not None:
        before = [max(e.values()) for e in norms[:since - 1] if e]
        said.append(f"every layer's gradient norm was 0 (at most {GRAD_DEAD:g}) from epoch {since} to the last "
                    f"(metrics.json `grad_norms`" + (f"; the largest before it, {max(before):.3g}, at epoch "
                                                     f"{before.index(max(before)) + 1}" if before else "") + ")")
    if layers:
        said.append(f"every ReLU channel of {', '.join(layers)} never fired on the test images (metrics.json `layers`)")
    if one is not None:
        said.append(f"it answered {one} for every test image ({step.run.epochs[-1].test_acc:.2f} %, the share of {one}s)")
    normed = step.has("BatchNorm")  # batch norm advised only to a net that has none
    return Stuck("dead", "; ".join(said) + ": a dead ReLU passes no gradient, so the weights before it stopped moving",
                 ("lower rate", *(() if normed else ("normalisation",)), "init"))


@dataclass(frozen=True)
class Record:
    """A registered model's own multi-seed result, from its write-up: the seeds, how many held, the verdict."""

    model: str
    seeds: str
    held: int | None
    ran: int | None
    passed: bool


def own_record(step: Step) -> Record | None:
    """The multi-seed record a registered model's write-up gives in its Result (None: not registered, or none)."""
    from importlib import resources

    if step.run.origin.get("kind") != "registry":
        return None
    name = step.run.origin.get("name")
    found = resources.files("tinydigits.models") / "write_ups" / f"{name}.md"
    if not found.is_file():
        return None
    result = found.read_text().partition("Result")[2].partition("Analysis:")[0]
    verdict = re.search(r"VERDICT: (PASS|FAIL)", result)
    if not verdict:
        return None
    rows = re.findall(r"^\s*(\d+)(?:\s+[\d.]+)+\s+(PASS|FAIL)\s*$", result, re.M)
    counted = re.search(r"(\d+) of (\d+) seeds hold", result)
    if rows:
        seeds = sorted(int(r[0]) for r in rows)
        said = f"seeds {seeds[0]}-{seeds[-1]}" if seeds == list(range(seeds[0], seeds[-1] + 1)) else \
            "seeds " + ", ".join(map(str, seeds))
        held, ran = sum(r[1] == "PASS" for r in rows), len(rows)
    elif counted:
        held, ran, said = int(counted[1]), int(counted[2]), f"{counted[2]} seeds"
    else:
        held, ran, said = None, None, "its seeds"
    return Record(name, said, held, ran, verdict[1] == "PASS")


def rank(value: float, others: list[float]) -> tuple[int, int, bool]:
    """(how many of `others` lie above `value`, how many below, whether any ties it), to two decimals as the figures
    read: a tie at two decimals is said as one."""
    mine = round(value, 2)
    above, below = sum(round(v, 2) > mine for v in others), sum(round(v, 2) < mine for v in others)
    return above, below, above + below < len(others)


def lowest_seed(step: Step) -> tuple[int, float] | None:
    """A check step's seed with the lowest min of the judged epochs, and that min: the one a check's row and Result
    lead with, since the budget asks it of every seed; of seeds tied there, the one shown (None: not a check, or no seed
    finished)."""
    done = step.check.finished() if step.check else {}
    if not done:
        return None
    seed = min(done, key=lambda s: (done[s].min_last, s != step.seed, s))  # a tie: the seed shown, else the lower
    return seed, done[seed].min_last


def lr_test_of(step: Step) -> LrTest | None:
    """The newest `lr-find` of this step's model beside its run (in the runs folder), if there is one."""
    runs_dir = (step.check_folder or step.folder).parent
    found = sorted(runs_dir.glob(f"lr-find-{step.name}-*/lr_find.json"), key=lambda p: p.parent.name)
    if not found:
        return None
    try:
        test = LrTest.load(found[-1].parent)
    except TinyDigitsError:
        return None
    return test if test.model in (step.run.settings.model, step.name) else None


def lagged_epoch(step: Step, f: Facts) -> tuple[int, float, float] | None:
    """(epoch, train's gain, test's gain) at the scored epoch where test lagged train most, where the lag is beyond the
    noise of two scores and train then leads by more than GAP_POINTS; None where none, or where test is of an average of
    the weights (its own lag)."""
    run = step.run
    if run.settings.ema or len(run.epochs) < 2:
        return None
    first = max(2, f.epochs - f.n + 1)
    lags = [(e.train_acc - p.train_acc - (e.test_acc - p.test_acc), p, e)
            for p, e in zip(run.epochs[first - 2:], run.epochs[first - 1:], strict=False)]
    lag, p, e = max(lags, key=lambda x: x[0])
    if lag <= fall_noise(p.test_acc, e.test_acc) or e.train_acc - e.test_acc <= GAP_POINTS:
        return None
    return e.epoch, e.train_acc - p.train_acc, e.test_acc - p.test_acc
