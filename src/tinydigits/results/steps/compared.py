"""The sentences that read a step against the step before: what changed and its effect against the noise
that applies (`change_lines`), the changes read against the step before's advice, and the Target's stated aims judged
(`target_line`).
"""

from __future__ import annotations

import math
import re

from tinydigits.results.steps.advice import (
    AGAINST,
    LEVER_KINDS,
    margin_lacks,
    needs,
    next_label,
    opposed_kinds,
    serves,
    wanted,
)
from tinydigits.results.steps.between import (
    Change,
    changes,
    draws_part,
    ema_ramp,
    ema_reach,
    ema_set_at,
    ended,
    software,
    start_text,
    started,
    unlike,
    updates_per_epoch,
)
from tinydigits.results.steps.curves import (
    PAIRED,
    band_text,
    beside_noise,
    epoch_span,
    fall_noise,
    noise_band,
    peak_rate,
    rate_events,
    run_step_size,
    signed,
)
from tinydigits.results.steps.fit import CHANCE_POINTS, PULLS_AHEAD
from tinydigits.results.steps.known import facts
from tinydigits.results.steps.layers import (
    ORDINALS,
    convs,
    first_pool,
    layout_aims,
    normed_convs,
    params_around_pool,
    params_by_kind,
)
from tinydigits.results.steps.readings import lagged_epoch, rank, stuck, unlearned
from tinydigits.results.steps.step import Facts, Step, value_text
from tinydigits.training.config import augmentations
from tinydigits.training.factories import ema_decay


def change_lines(previous: Step, step: Step) -> list[str]:
    """What changed from the step before (every change with its values; the inert named as inert), the change read
    against the step before's "next", and its effect - like for like or not, the same start or not, against the
    noise that applies."""
    a, b = facts(previous), facts(step)
    found = changes(previous, step)
    if previous.run.modules and step.run.modules:
        layers = "; ".join(c.said() for c in found if c.part == "layers") or "none"
    else:
        layers = ("not known: the layer table was not recorded with "
                  + " and ".join(s.folder.name for s in (previous, step) if not s.run.modules))
    recipe = [c.said() for c in found if c.part == "recipe"] or ["unchanged"]
    tools = software(previous, step)  # not a setting, but what trained it: said beside the changes
    lines = [f"- changed from step {previous.name}: layers {layers}; parameters {a.params:,} → {b.params:,} "
             f"({b.params - a.params:+,}); receptive field {a.rf} → {b.rf} px; recipe: {'; '.join(recipe)}"
             + (f"; what trained it: {'; '.join(tools)} (not a setting: what that changed in training is not in these "
                "records)" if tools else "") + "."]
    lines.append(_against_next(previous, step, a, found))
    seeds = f"seed {previous.seed} → seed {step.seed}" if previous.seed != step.seed else f"seed {step.seed}"
    noise = math.hypot(noise_band(a.min_last), noise_band(b.min_last))
    weights = _gap_weights(previous, step)  # said where the two steps' gaps are of different weights, else compared
    under = any(needs(x) in ("under-fitting", "did not learn") for x in (a, b))  # a gap there is no fit measure
    gap = "" if weights or under else f", train minus test {a.gap:+.2f} → {b.gap:+.2f} points"
    effect = (f"best test {a.best_test:.2f} → {b.best_test:.2f} % ({b.best_test - a.best_test:+.2f}"
              f"{_best_before_stop(previous, step)}), "
              f"min of the last {step.last} {a.min_last:.2f} → {b.min_last:.2f} % ({b.min_last - a.min_last:+.2f}"
              f"{_min_before_stop(previous, step)}){gap} ({seeds}){_first_epoch(previous, step)}"
              f"{_smoothed_losses(previous, step)}")
    judged = _against_noise(previous, step, a, b, noise) + weights
    inert = [c.text for c in found if c.inert]
    acted = [c for c in found if c.counted]
    left = (f"; the inert ({'; '.join(inert)}) left out: the effect is the other changes'{_start_moved(previous, step)}"
            if inert and acted else
            "; every change was inert, so the difference is not theirs" if inert else "")
    if len(acted) > 1:  # one run of each step: nothing here isolates one change
        named = f" ({'; '.join(_short(c) for c in acted)})" if len(acted) <= 4 else " above"
        folded = sum(", with " in c.text for c in acted)  # a setting said with the change it serves
        settings = f" ({len(acted) + folded} settings: where augmentation stops counted with it)" if folded else ""
        left += (f"; the {len(acted)} changes{named}{settings} acted together: the effect is theirs, and these runs "
                 "cannot split it between them")
    start = start_text(previous, step)
    if differ := unlike(previous, step):
        lines.append(f"- its effect, **not like for like** ({', '.join(differ)}: the difference mixes the change with "
                     f"these; {start}){left}: {effect}; {judged}.")
    else:
        lines.append(f"- its effect (the same epochs, training images and seed number; {start}){left}: {effect}; "
                     f"{judged}.")
    return lines + _not_capacity(previous, step, a, b, found)


def _start_moved(previous: Step, step: Step) -> str:
    """Where a dropped bias is where the two nets' starting draws part (`between.draws_part`): it computes nothing, but
    the layers drawn after it start from other numbers - the effect is the start's too."""
    part = draws_part(previous.run, step.run)
    return (" - and the different start's (above), which dropping a bias moved"
            if part is not None and part[2] == "dropped" and previous.run.init_sha256 != step.run.init_sha256 else "")


def _new_stop(previous: Step, step: Step) -> int | None:
    """The epoch this step's augmentation stops at, where that is a change from the step before's (`augment_off_last`)
    and it stops at all; None otherwise - a change that acts from that epoch only."""
    off = step.run.settings.augment_off_last or 0
    return len(step.run.epochs) - off + 1 if off and off != (previous.run.settings.augment_off_last or 0) else None


def _min_before_stop(previous: Step, step: Step) -> str:
    """Where this step's lowest judged epoch came before its augmentation stopped (a change of `augment_off_last`):
    that change, counted with augmentation, did not act on the minimum - said beside it."""
    test = step.run.test()
    n = min(step.last, len(test))
    low = len(test) - n + min(range(n), key=lambda i: test[len(test) - n + i]) + 1  # the min's epoch, the first lowest
    stop = _new_stop(previous, step)
    return (f"; its min at epoch {low}, before augmentation stops at epoch {stop}: that part of the change did not act "
            "on it" if stop is not None and low < stop else "")


def _best_before_stop(previous: Step, step: Step) -> str:
    """Where this step's best test epoch came before its augmentation stopped: said beside the best, as beside the
    minimum (`_min_before_stop`)."""
    best, stop = facts(step).best_epoch, _new_stop(previous, step)  # the first best, as the Result names it
    return (f"; its best at epoch {best}, before augmentation stops at epoch {stop}: that part of the change did not "
            "act on it" if stop is not None and best < stop else "")


def _short(c: Change) -> str:
    """A change without its trailing list of layers or its parenthesis: `+5 BatchNorm2d`, `scheduler none → step`."""

    return re.sub(r" \([^()]*(\([^()]*\)[^()]*)*\)$", "", c.text)


def _not_capacity(previous: Step, step: Step, a: Facts, b: Facts, found: list[Change]) -> list[str]:
    """What this step shows of the step before's under-fit: where it added no channel and its training accuracy now
    reaches the line, the under-fit was not for lack of capacity - the step before's advice to add some included."""
    line = step.budget.min_acc
    if needs(a) != "under-fitting" or any(c.kind == "capacity" for c in found) or b.best_train < line:
        return []
    return [f"- what it shows of step {previous.name}'s under-fit: not a lack of capacity - no conv gained channels "
            f"here ({b.params - a.params:+,} parameters{_norm_share(previous, step)}), and this step's training accuracy "
            f"reached {b.best_train:.2f} % (the step before's best {a.best_train:.2f} %; a running average in train "
            f"mode, batch norm on each batch's statistics: the deployed net's own train figure is not measured), above "
            f"the {line} % line, its test accuracy, of the net as deployed, {b.best_test:.2f} % (the step before's "
            f"{a.best_test:.2f} %)."]


def _norm_share(previous: Step, step: Step) -> str:
    """How much of a parameter change is batch norm's scales and shifts, which fold into the conv before them once
    trained (the net then computes with convs of the same shapes)."""
    def norms(s: Step) -> int | None:
        kinds = params_by_kind(s.run)
        return None if kinds is None else sum(n for kind, n in kinds.items() if kind.startswith("BatchNorm"))
    was, now = norms(previous), norms(step)
    if was is None or now is None or not (moved := now - was) or not (previous.run.modules and step.run.modules):
        return ""  # a width not recorded: no share to give
    rest = (step.run.params or 0) - (previous.run.params or 0) - moved
    return (f": batch norm {moved:+,}, the rest {rest:+,}; batch norm folds into the conv before it once trained, so "
            "it adds nothing the convs could not compute")


def _against_next(previous: Step, step: Step, a: Facts, found: list[Change]) -> str:
    """This step's changes read against the step before's "next" (`next_line`): which follow it, which go against it
    (regularisation or augmentation for an under-fit or a net that did not learn, capacity for an over-fit, a rate
    the wrong way for a stuck net), which are neither - each change said once."""
    d, want = needs(a), wanted(previous, a)
    acted = [c for c in found if c.counted]
    said = f"- read against step {previous.name}'s next ({next_label(previous, a)}){_chosen_before(previous, step)}: "
    if not acted:
        return said + "no change acted, so nothing follows it."
    if d == "neither":
        return said + _margin_followed(previous, a, acted, step.check is not None)
    opposite = opposed_kinds(d, want)
    # A step over the parameter budget was advised to come under it first: a cut of capacity answers that.
    over = previous.run.params is not None and previous.run.params >= previous.budget.max_params
    cut = [c for c in acted if over and c.kind == "less capacity"]
    follows = [c for c in acted if serves(c.kind, want) or c in cut]
    against = [c for c in acted if c not in follows and c.kind in opposite]
    other = [c for c in acted if c not in follows and c not in against]

    def listed(cs: list[Change]) -> str:
        return "; ".join(f"{c.text} ({c.kind}" + (": it brings the net under the parameter budget, the first change "
                                                   "advised, though the fit called for more capacity)" if c in cut
                                                   else ")") for c in cs)

    parts = [f"With it: {listed(follows)}."] if follows else []
    if against:
        dead = d == "did not learn" and stuck(previous).how == "dead"  # a higher rate's harm there: more dead ReLUs
        why = "; ".join(dict.fromkeys(
            "a higher rate pushes more ReLUs where they never fire" if dead and c.kind == "higher rate" else AGAINST[c.kind]
            for c in against if c.kind in AGAINST))
        parts.append(f"Against it: {listed(against)} - the advice's reason against them, a rule, not a reading of "
                     f"these runs: {why}.")
    if other:
        parts.append(f"Outside that advice (neither for nor against it): {listed(other)}.")
    b = facts(step)
    if again := _lag_again(previous, step, a):
        parts.append(again)
    if fitting := _fit_held_back(previous, step, against):
        parts.append(fitting)
    if against and b.min_last - a.min_last > fall_noise(a.min_last, b.min_last):
        parts.append(f"The step gained all the same, its changes together (the min of the last {b.n} "
                     f"{a.min_last:.2f} → {b.min_last:.2f} %, its effect below): the advice reads what each change does "
                     "to the fit, and these runs cannot say which change made the gain.")
    verdict = ("followed" if follows and not against else "gone against" if against and not follows
               else "partly followed, partly gone against" if follows else "not taken up")
    untaken = [k for k in want if not any(serves(c.kind, (k,)) for c in acted)]  # a budget cut answers no lever
    if follows and untaken:  # the changes made are among the advice; the rest of it is said, not implied taken
        named = ", ".join(f"more {k}" if k in MORE else k for k in untaken)
        verdict += f"{' in part' * (verdict == 'followed')} ({named}: not taken up)"
    return said + f"{verdict}. " + " ".join(parts)


MORE = {"capacity", "epochs", "data"}  # levers said as "more ..." where not taken up


def _lag_again(previous: Step, step: Step, a: Facts) -> str:
    """Where the step before's rate lever rested on a scored epoch at which test lagged train (`lagged_epoch`) and
    this step trained with the same rates: whether that lag came again at the same epoch."""
    lag = lagged_epoch(previous, a)
    if lag is None or [e.lr for e in previous.run.epochs] != [e.lr for e in step.run.epochs]:
        return ""
    epoch, trained, gained = lag
    now = step.run.epochs
    if epoch > len(now):
        return ""
    t, g = now[epoch - 1].train_acc - now[epoch - 2].train_acc, now[epoch - 1].test_acc - now[epoch - 2].test_acc
    again = t - g > fall_noise(now[epoch - 2].test_acc, now[epoch - 1].test_acc)
    said = (f"The lag its rate lever rested on, at epoch {epoch} (test {gained:+.2f} while train {trained:+.2f}), "
            f"here at the same rates: test {g:+.2f} while train {t:+.2f} (seed {step.seed})")
    if step.run.settings.ema:  # an average lags its live weights by its own making: no like-for-like lag
        return said + (": test is of the weights' running average here, which lags the live weights by itself, so "
                       "whether the lag came again these runs cannot show.")
    return said + (": it came again." if again else ": it did not come again.")


def _margin_followed(previous: Step, a: Facts, acted: list[Change], step_checked: bool = False) -> str:
    """A step after one with no fit to correct, read against the margin's levers that step lacked (`margin_lacks`,
    which its next named): a change that supplies one follows the advice, any other is outside it."""
    found = ("train pulling ahead of test, short of the 0.5 this tool calls over-fitting: no fit the advice corrects"
             if a.fit.label == PULLS_AHEAD else "no fit diagnosed to correct")
    lacks = margin_lacks(previous)
    follows = [c for c in acted if any(c.kind in LEVER_KINDS[lever] for lever in lacks)]
    other = [c for c in acted if c not in follows]
    missing = [lever for lever in lacks if not any(c.kind in LEVER_KINDS[lever] for c in acted)]
    verdict = ("not taken up" if not follows else "followed" + (f" in part ({', '.join(missing)}: not taken up)"
                                                                 if missing else "")
               + (", with changes outside it" if other else ""))
    checked = ("; and `check` judged it over several seeds, as it asked" if previous.check is None and follows
               and step_checked else "")
    parts = ([f"With it (the levers it named for the margin): {'; '.join(f'{c.text} ({c.kind})' for c in follows)}"
              f"{checked}."] if follows else [])
    if other:
        parts.append("Outside that advice (neither for nor against it): "
                     + "; ".join(f"{c.text} ({c.kind})" for c in other) + ".")
    return (f"{verdict}: {found}, so the margin is what the changes answer, and their effect on it is below. "
            + " ".join(parts))


def _fit_held_back(previous: Step, step: Step, against: list[Change]) -> str:
    """Where regularisation or augmentation went against an under-fit's advice and the two steps started from the same
    weights with the same layers, how much they held the fit back on this seed: the train figures epoch by epoch."""
    kinds = {"regularisation", "augmentation"}
    same = previous.run.init_sha256 and previous.run.init_sha256 == step.run.init_sha256
    if not same or not any(c.kind in kinds for c in against) or len(previous.run.epochs) != len(step.run.epochs):
        return ""
    n, ran = facts(step).n, len(step.run.epochs)
    was, now = previous.run.train()[-n:], step.run.train()[-n:]
    judged = range(ran - n + 1, ran + 1)
    harder = sorted({e for s in (previous, step) for e in augmented_epochs(s) if e in judged})
    alike = [(a, b) for e, a, b in zip(judged, was, now, strict=True) if e not in harder]
    course = (f"its train accuracy over the last {n} epochs {', '.join(f'{v:.2f}' for v in was)} → "
              f"{', '.join(f'{v:.2f}' for v in now)} %")
    aside = (f"; at epoch{'s' * (len(harder) > 1)} {epoch_span(harder)} a train figure is of augmented digits, a harder "
             "task than the other step's, so " if harder else "")
    if not alike:
        return (f"Read from these runs, which started from the same weights: {course}{aside}none of them compares like "
                "for like: these runs do not show how much the changes held the fit back.")
    most, (a, b) = max((a - b, (a, b)) for a, b in alike)
    images = step.train_images  # a train figure is over the epoch's training digits: its sampling error is theirs
    noise = math.hypot(noise_band(a, images), noise_band(b, images))
    lower = (f"{'at most ' * (len(alike) > 1)}{most:.2f} points lower, {beside_noise(most, noise)} the sampling error of "
             f"two scores over its {images:,} training digits (±{noise:.2f}; a loose yardstick: both runs saw the same "
             "digits): "
             + ("a hold-back these figures show" if most > noise else "no hold-back shown") if most > 0 else
             "no lower at any of them" if len(alike) > 1 else "no lower")
    held = (f"only the plain epoch{'s' * (len(alike) > 1)} compare{'s' * (len(alike) == 1)} like for like: {lower} "
            f"there" if harder else lower)
    return (f"Read from these runs, which started from the same weights: {course}{aside or ', '}{held} (seed "
            f"{step.seed}, one pair of runs: a reading of this seed, not a bound; another seed moves train figures too).")


def augmented_epochs(step: Step) -> list[int]:
    """The epochs a step trained on augmented digits (its train figure of a harder task than the digits as they are):
    every epoch but the last `augment_off_last`, where it augments at all."""
    ran, off = len(step.run.epochs), step.run.settings.augment_off_last or 0
    return list(range(1, ran - off + 1)) if augmentations(step.config) else []


def _chosen_before(previous: Step, step: Step) -> str:
    """Said where a step began before the step before had its result (folders' stamps): its changes were chosen
    without that result, so reading them against its advice is after the fact."""
    begun, done = started(step), ended(previous)
    # the step before's recorded code already defining this step's class: its layers were written before that result
    written = (f" - step {previous.name}'s recorded code already defines `{step.name}`: its layers were written before "
               f"that step's result; what these runs record after it are the settings each trained with"
               if previous.run.code and re.search(rf"^class {re.escape(step.name)}\b", previous.run.code, re.M)
               and step.name != previous.name else "")
    if begun is None or done is None or begun >= done:
        return written
    return (f" - step {step.name} began at {begun:%H:%M:%S} UTC, before step {previous.name}'s result (it trained "
            f"until about {done:%H:%M:%S}): its changes were chosen without that result, so this reading is after the "
            "fact")


def _gap_weights(previous: Step, step: Step) -> str:
    """Where one step's test figures are of an EMA of its weights and the other's of the live weights, their train
    minus test figures are not like for like: said, so that the gap's change is not read as the changes' effect."""
    averaged = [s.name for s in (previous, step) if s.run.settings.ema]
    if len(averaged) != 1:
        return ""
    return (f"; their train minus test figures are not compared: {averaged[0]}'s test accuracy is of its weights' "
            "running average (EMA), its train accuracy of the live weights, while the other step's are both of the live "
            f"weights{_live_train(previous, step)}")


def _live_train(previous: Step, step: Step) -> str:
    """Train accuracy is of the live weights in both steps: over the scored epochs, where neither trained on augmented
    digits, the two steps' train figures compare like for like - how far the live weights fit their own digits."""
    n = min(facts(previous).n, facts(step).n)
    ran = len(step.run.epochs)
    if len(previous.run.epochs) != ran or n < 1:
        return ""
    judged = set(range(ran - n + 1, ran + 1))
    if any(e in judged for s in (previous, step) for e in augmented_epochs(s)) or any(s.dropout() > 0 for s in (
            previous, step)):  # a train figure with dropout on is of a thinned net: not like for like either
        return ""
    was, now = previous.run.train()[-n:], step.run.train()[-n:]
    return (f"; their train figures, both of the live weights on plain digits in the scored epochs, do compare: "
            f"{', '.join(f'{v:.2f}' for v in was)} → {', '.join(f'{v:.2f}' for v in now)} % at epochs "
            f"{ran - n + 1}-{ran} ({'lower' if max(now) < min(was) else 'higher' if min(now) > max(was) else 'mixed'}; "
            f"seed {step.seed}): the live weights fit their own digits "
            + ("less closely" if max(now) < min(was) else "more closely" if min(now) > max(was) else "about as closely")
            + " - the average (EMA) does not touch the live weights, so this part of the effect is the other changes'")


def _against_noise(previous: Step, step: Step, a: Facts, b: Facts, noise: float) -> str:
    """A step's effect on the min of the last N against the noise that applies: the seeds' own spread where a check
    measured it (three or more seeds), else the test set's sampling error of two scores (binomial), said to leave the
    noise another seed brings unmeasured."""
    change = b.min_last - a.min_last
    what = f"the change in the min of the last {step.last}, {change:+.2f}"
    checks = [s for s in (previous, step) if s.check and len(s.check.finished()) >= 3]
    if checks:
        seeds = checks[-1].check
        sd = seeds.spread()
        mins = [r.min_last for r in seeds.finished().values()]
        other = a.min_last if checks[-1] is step else b.min_last
        above = sum(m > other for m in mins) if checks[-1] is step else sum(m < other for m in mins)
        side = "above the step before's" if checks[-1] is step else "below this step's"
        unmeasured = [s.name for s in (previous, step) if s not in checks]
        if unmeasured:  # one step's spread is not another's: no yardstick is borrowed across them
            mean = sum(mins) / len(mins)  # the seed shown is one of them: their mean says whether it is typical
            moved = mean - other if checks[-1] is step else other - mean
            return (f"{what} (seed {step.seed}), is {beside_noise(abs(change), noise)} the test set's sampling error of "
                    f"two independent scores (±{band_text(abs(change), noise)}; {PAIRED}); on the mean of "
                    f"{checks[-1].name}'s {len(mins)} seeds' minima, {mean:.2f} %, the change is {moved:+.2f}, "
                    f"{beside_noise(abs(moved), noise)} it (a rough yardstick for a mean against one run); "
                    f"{above} of {checks[-1].name}'s {len(mins)} seeds are {side} {other:.2f} % (their sd "
                    f"{sd:.3f}); {unmeasured[0]}'s own seeds' spread is not measured, so how far its one seed sits from "
                    "what its seeds score is not known")
        return (f"{what}, is {abs(change) / sd:.1f} times the seed-to-seed sd ({sd:.3f}: the noise another seed "
                f"brings) of {checks[-1].name}'s "
                f"{len(mins)} seeds, and {above} of them are {side} {other:.2f} %")
    band = band_text(abs(change), noise)
    if abs(change) <= noise:
        return (f"{what}, is {beside_noise(abs(change), noise)} the test set's sampling error of two independent scores "
                f"(±{band}; {PAIRED}): not shown to be an effect, nor ruled out, and the noise another seed brings is "
                "not measured (one seed each)")
    return (f"{what}, is {beside_noise(abs(change), noise)} the test set's sampling error of two independent scores "
            f"(±{band}), and so beyond the smaller noise of two scores of the same digits; the noise another seed "
            "brings is not measured (one seed each)")


LIGHT_SHARE = 0.75  # "light": at most this share of the parameter budget, a quarter of it left for the steps after
TRAINING_OUTCOME = (r"\b(trains?|learns?|blow\w*|diverg\w*|converg\w*|fits?|accuracy|faster|steadier|stable|higher|"
                    r"lower)\b")  # words of a Target's "so that" that claim how training goes


def target_line(previous: Step | None, step: Step, f: Facts) -> str | None:
    """The purposes the step's Target states, judged where the figures measure them: that it learns or trains, a
    premise of over- or under-fitting (the step before's fit), the margin (the step before's against this one's) -
    None where the Target states none of them."""

    target, said = step.run.target or "", []
    # "train" as a verb (it trains, to see whether it learns), not a figure's name (train pulling ahead, train loss),
    # nor an aim its qualifier states ("trains faster", "trains without blowing up": judged as that)
    if found := re.search(r"\b(learns?|trains?)\b(?!\s+(?:pull\w*|lead\w*|loss\w*|accuracy|minus|figures?|ahead|"
                          r"and test|set|images|digits|faster|sooner|quicker|without)\b)", target, re.I):
        did = f.best_test >= CHANCE_POINTS
        late = ("" if not (f.start and did) else
                f", after {len(f.start)} epoch{'s' * (len(f.start) > 1)} near chance")
        late += f"; not yet digits {', '.join(str(r.digit) for r in rows)}" if did and (rows := unlearned(step)) else ""
        said.append(f"\"{found[0]}\": " + (f"it did (best train {f.best_train:.2f} %, best test {f.best_test:.2f} %{late})"
                                           if did else
                                           f"it did not (best test {f.best_test:.2f} %, below the {CHANCE_POINTS:.0f} % "
                                           "counted as learning)"))
    for word in ("over", "under"):
        if re.search(rf"\b{word}-?fit", target, re.I):
            said.append(_premise(previous, f, f"{word}-fitting"))
    if re.search(r"\bmargin\b", target, re.I):
        said.append(_margin_aim(previous, step, f))
    if found := re.search(r"\b(lighter|smaller|fewer param\w*|less param\w*)", target, re.I):
        said.append(_lighter_aim(previous, step, f, found[0]))
    if found := re.search(r"\b(faster|speed(?:s|ing)? up|quicker)\b", target, re.I):
        said.append(_faster_aim(previous, step, f, found[0]))
    said += _result_aims(previous, step, f, target)
    if found := re.search(r"\bheld on (?:every one of |all )?(\d+|every|all) seeds\b", target, re.I):
        said.append(_seeds_aim(step, found[0], previous if re.search(r"\bhigher\b", target, re.I) else None))
    if found := re.search(r"\b(steadier|steady|stable|stabler)\b", target, re.I):
        said.append(_steadier_aim(previous, step, f, found[0]))
    if re.search(r"\b(augment|rotat|elastic|shift|zoom|shear|stroke|blur|noise)\w*\b[^.;]*\b(off|stops?|none)\b",
                 target, re.I) or re.search(r"\bplain (?:scored|judged|last) epochs\b", target, re.I):
        said.append(_plain_tail_aim(step, f))
    said += _recipe_aims(previous, step, target)
    if (found := re.search(r"\bso that\b.*?(?=[.;](?:\s|$)|$)", target, re.I)) and previous is not None:
        acted = [c for c in changes(previous, step) if c.counted]
        # A reason that names how training goes is a cause: several changes in one run show the outcome, not the cause
        if len(acted) > 1 and re.search(TRAINING_OUTCOME, found[0], re.I):
            said.append(f"the Target's reason (\"{found[0].strip()}\"): these runs show the outcome, not that the "
                        f"change it names caused it - the {len(acted)} changes acted together and no run tried them apart")
    return "- the Target's stated aims, judged: " + "; ".join(said) + "." if said else None


def _blow_up_aim(step: Step, target: str) -> list[str]:
    """"without blowing up": the train loss never above its first epoch's, and falling at every epoch where it did -
    the stronger sign, the peak rate's epochs among them."""
    if not (found := re.search(r"\bwithout (?:blowing up|diverg\w*)\b", target, re.I)):
        return []
    losses = [e.train_loss for e in step.run.epochs]
    ok = all(math.isfinite(x) for x in losses) and max(losses[1:], default=0) <= losses[0]
    every = all(b < a for a, b in zip(losses, losses[1:], strict=False))
    peak = max(range(len(step.run.epochs)), key=lambda i: step.run.epochs[i].lr) + 1
    return [f"\"{found[0]}\": {'yes' if ok else 'no'} (train loss {losses[0]:.4f} at epoch 1 → {losses[-1]:.4f}, "
            + (f"falling at every epoch, epoch {peak} among them (the highest rate at an epoch's start, "
               f"{step.run.epochs[peak - 1].lr:.4g})" if every and ok else
               "never above its first epoch's" if ok else "above its first epoch's later") + ")"]


def _result_aims(previous: Step | None, step: Step, f: Facts, target: str) -> list[str]:
    """The Target's aims about what the step is and what it reached: trained harder, batch norm after every conv, a
    higher end, under N parameters."""
    said: list[str] = []
    if found := re.search(r"\b(?:a )?(?:working )?pipeline\b", target, re.I):
        said.append(f"\"{found[0]}\": it ran end to end ({f.epochs} epoch{'s' * (f.epochs > 1)} trained, each tested "
                    "after it: the epoch log)")
    said += layout_aims(step.run, target) + _without_aims(step, target) + _bias_aim(previous, step, target)
    if (found := re.search(r"\bharder\b", target, re.I)) and previous is not None:
        a = facts(previous)
        rates = [[e.lr for e in s.run.epochs] for s in (previous, step)]
        said.append(f"\"{found[0]}\": the recipe - peak rate {peak_rate(previous.run):g} → {peak_rate(step.run):g}, "
                    f"the mean of the epochs' starting rates {sum(rates[0]) / len(rates[0]):.3g} → "
                    f"{sum(rates[1]) / len(rates[1]):.3g}; its "
                    f"best train accuracy {a.best_train:.2f} → {f.best_train:.2f} % (seed {step.seed}), an outcome of all "
                    "the changes together")
    if (found := re.search(r"\bbatch ?norm\w* after (?:every|each|all)(?: of)?(?: the)?(?: (?!\dx\d)\w+)?(?: (\d)x\1)? convs?\b",
                           target, re.I)) and step.run.modules:
        k = int(found[1]) if found[1] else None  # "the five 3x3 convs": those convs alone
        named = [m for m, s in step.run.modules.items() if s["type"] == "Conv2d" and k in (None, s["kernel_size"][0])]
        normed = [m for m in named if m in normed_convs(step.run)]
        bare = [m for m in named if m not in normed]
        head = bare == [m for m, s in step.run.modules.items() if s["type"] == "Conv2d"][-1:] and normed
        said.append(f"\"{found[0]}\": {'yes' if not bare else 'all but the head' if head else 'in part' if normed else 'no'}"
                    f": after {len(normed)} of its {len(named)} {f'{k}x{k} ' if k else ''}convs"
                    + (f" (none after {bare[0]}, the last conv, whose outputs are the class scores: a classifier head "
                       "commonly goes without one)" if head else f" (none after {', '.join(bare)})" if bare else ""))
    if (found := re.search(r"\bsame layers\b", target, re.I)) and previous is not None:
        moved = [c for c in changes(previous, step) if c.part == "layers"]
        said.append(f"\"{found[0]}\": " + ("yes (no layer changed)" if not moved else
                    "no - " + "; ".join(_short(c) + (" (inert)" if c.inert else "") for c in moved)))
    if (found := re.search(r"\bsame convs\b", target, re.I)) and previous is not None:
        shapes = [[(c["in"], c["out"], c["k"], c["groups"]) for c in convs(r)] for r in (previous.run, step.run)]
        said.append(f"\"{found[0]}\": " + (f"yes ({len(shapes[1])} convs of the same widths and kernels)"
                                           if shapes[0] == shapes[1] else
                                           "no (their widths or kernels differ: the changes above)"))
    said += _blow_up_aim(step, target)
    if found := re.search(r"\b(higher)\b", target, re.I):
        said.append(_higher_aim(previous, step, f, found[0]))
    if found := re.search(r"\b(?:under|below|fewer than|less than) ([\d,]+) param\w*", target, re.I):
        limit = int(found[1].replace(",", ""))
        said.append(f"\"{found[0]}\": {'yes' if f.params < limit else 'no'} ({f.params:,} parameters)")
    return said


def _higher_aim(previous: Step | None, step: Step, f: Facts, word: str) -> str:
    """"higher": the min of the judged epochs and the best test accuracy, this step's against the step before's (the
    seed shown; a check step's lowest seed too)."""
    if previous is None:
        return f"\"{word}\": not judged (no step before to compare it with)"
    a = facts(previous)
    n = min(f.n, a.n)
    before, now = previous.run.test()[-n:], step.run.test()[-n:]
    low_noise, end_noise = fall_noise(a.min_last, f.min_last), fall_noise(before[-1], now[-1])
    low_up, end_up = f.min_last - a.min_last > low_noise, now[-1] - before[-1] > end_noise
    done = step.check.finished() if step.check else {}
    every = len(done) > 1 and all(r.min_last > a.min_last and r.test_acc[-1] > before[-1] for r in done.values())
    noisy = [where for where, up in (("at its lowest", low_up), ("at the end", end_up)) if not up]
    alone = (f"; seed {step.seed}'s own rise {' and '.join(noisy)} is inside the test set's sampling error of two "
             f"independent scores ({PAIRED}): on its own, not shown beyond that noise, nor ruled out" if noisy else "")
    way = (f"higher on every one of the check's {len(done)} seeds, at its lowest epoch and at the end, than the step "
           f"before's one run (seed {previous.seed}; its own seeds' spread not measured), "
           f"{_seeds_beyond(done, a.min_last, before[-1])}{alone}" if every else
           "higher at its lowest and at the end" if low_up and end_up else
           "higher at its lowest epoch but not shown at the end" if low_up else
           "higher at the end but not at its lowest epoch" if end_up else
           "not shown higher by the test set's loose yardstick")
    first = f.epochs - n + 1
    if not every and n > 1 and (low_up or end_up):  # the lowest and the last are two of the scored epochs: each said
        way += _epochs_beyond(before, now, first)
    # an average smooths the dips the other shows: said after the figures, so the verdict and its figures lead
    averaged = ("; one step's test is of its weights' running average (EMA), the other's of its live weights: the "
                "change includes what averaging does to the score, the average being one of the changes - it smooths "
                "the noise of the weights a live score is taken on"
                if bool(step.run.settings.ema) != bool(previous.run.settings.ema) else "")
    lead = [y - x for x, y in zip(before, now, strict=True)]
    said = (f"\"{word}\": {way} - the min of the last {n} epochs {a.min_last:.2f} → {f.min_last:.2f} % "
            f"({f.min_last - a.min_last:+.2f}, against ±{low_noise:.2f}), the last epoch {before[-1]:.2f} → "
            f"{now[-1]:.2f} % ({now[-1] - before[-1]:+.2f}, against ±{end_noise:.2f}: the test set's sampling error of "
            f"two independent scores, {PAIRED}); epoch by epoch {', '.join(f'{d:+.2f}' for d in lead)} at epochs "
            f"{first}-{f.epochs} (seed {step.seed})")
    if n > 1 and all(x > y for x, y in zip(lead, lead[1:], strict=False)):
        said += ": the lead shrinks toward the end"
    said += averaged
    if len(done) > 1:
        ends = {s: r.test_acc[-1] for s, r in sorted(done.items())}
        under = [s for s, e in ends.items() if e < before[-1]]
        above = sum(r.min_last > a.min_last for r in done.values())
        said += (f"; {above} of the check's {len(done)} seeds' minima above the step before's {a.min_last:.2f} %"
                 f"; their last epochs: {', '.join(f'{e:.2f}' for e in ends.values())} %"
                 + (f", seed{'s' * (len(under) > 1)} {', '.join(map(str, under))} below the step before's "
                    f"{before[-1]:.2f} %" if under else ""))
    return said


def _epochs_beyond(before: list[float], now: list[float], first: int) -> str:
    """The scored epochs (from `first`) where this step's test accuracy rose beyond the two-score sampling error over
    the step before's at the same epoch."""
    last = first + len(now) - 1
    ahead = [first + i for i, (x, y) in enumerate(zip(before, now, strict=True)) if y - x > fall_noise(x, y)]
    if len(ahead) == len(now):
        return f" (beyond the two-score sampling error at every one of epochs {first}-{last})"
    return (f" (epoch by epoch, beyond the two-score sampling error at epoch{'s' * (len(ahead) > 1)} "
            f"{epoch_span(ahead)} of {first}-{last})" if ahead else "")


def _seeds_beyond(done: dict, low: float, end: float) -> str:
    """How many of a check's seeds rose beyond the test set's two-score sampling error over the step before's one run,
    at the lowest scored epoch (its min `low`) and at the end (its last epoch `end`): a rise on every seed can be
    noise on every seed."""
    at_low = _beyond([r.min_last - low for r in done.values()], low)
    at_end = _beyond([r.test_acc[-1] - end for r in done.values()], end)
    if not at_low and not at_end:
        return "none of them by more than the test set's sampling error of two independent scores"
    return (f"{at_low} of them by more than the test set's sampling error of two independent scores at the lowest, "
            f"{at_end} at the end")


def _beyond(rises: list[float], at: float) -> int:
    """How many of `rises` over a figure `at` (each seed's over the step before's one run) are beyond the test set's
    sampling error of the two scores."""
    return sum(x > fall_noise(at, at + x) for x in rises)


def _recipe_aims(previous: Step | None, step: Step, target: str) -> list[str]:
    """A Target's weight averaging (its decay, and what the run's updates reached of it), stronger augmentation
    (against the step before's), dropout at a rate, and dropout replaced - each from the recorded settings and layers."""
    said, s = [], step.run.settings
    if found := re.search(r"\b(?:weight averaging|an EMA|EMA)\b(?: \((?:EMA,? )?(?:decay )?(0\.\d+)\))?", target, re.I):
        if not s.ema:
            said.append(f"\"{found[0]}\": no (no weight averaging in this run)")
        else:
            top, way = "", "yes"
            if (reach := ema_reach(step)) is not None and reach[1] < s.ema:  # set, never reached: the aim held in part
                top, way = (f"; its {reach[0]:,} updates ramp the decay up to it, reaching {reach[1]:.3f} at most, "
                            f"never the {s.ema:g} set"), "in part"
            if not top and (at := ema_set_at(step)) is not None:  # reached: from which epoch the average took it
                top = (f"; its ramp reached it at epoch {at[0]} of {len(step.run.epochs)}"
                       + (" (metrics.json's ema_decay)" if at[1] else "") + ", lower before")
            said.append(f"\"{found[0]}\": {way} (decay {s.ema:g}{top})")
    said += _setting_aims(step, target) + _course_aims(previous, step, target) + _shape_aims(previous, step, target)
    if (found := re.search(r"\b(?:stronger|more|heavier) augment\w*\b", target, re.I)) and previous is not None:
        was, now = augmentations(previous.config), augmentations(step.config)
        up = [k for k in now if (now[k] or 0) > (was.get(k) or 0)]
        down = [k for k in was if (was[k] or 0) > (now.get(k) or 0)]
        verdict = ("added, none before" if not was and up else "yes" if up and not down else "no" if not up else "partly")
        said.append(f"\"{found[0]}\": " + verdict
                    + f" ({', '.join(f'{k} {value_text(was.get(k) or 0)} → {value_text(now.get(k) or 0)}' for k in up + down)}"
                    + ("" if was else "; 'stronger' compares with nothing: the step before had none") + ")")
    if found := re.search(r"\b(\d+(?:\.\d+)?) ?% dropout\b", target, re.I):
        ps = [m.get("p", 0.0) for m in step.run.modules.values() if m["type"].startswith("Dropout")]
        want = float(found[1]) / 100
        said.append(f"\"{found[0]}\": " + (f"yes ({len(ps)} Dropout layers, p {want:g})" if ps and all(
            abs(p - want) < 1e-9 for p in ps) else f"no ({len(ps)} Dropout layers, p {', '.join(f'{p:g}' for p in ps)})"
            if ps else "no (no Dropout layer)"))
    if (found := re.search(r"\bin place of dropout\b", target, re.I)) and previous is not None:
        had, has = (sum(m["type"].startswith("Dropout") for m in x.run.modules.values()) for x in (previous, step))
        bn = [sum(m["type"].startswith("BatchNorm") for m in x.run.modules.values()) for x in (previous, step)]
        # what took dropout's place: batch norm added, or only the batch norm it had (moved), said with the count
        kept = (f"; BatchNorm layers {bn[0]} → {bn[1]}: " + ("none added, the ones it had kept or moved" if bn[1] <= bn[0]
                else f"{bn[1] - bn[0]} added")) if had and not has else ""
        said.append(f"\"{found[0]}\": " + (f"dropout removed (Dropout layers {had} → {has}{kept})" if had and not has
                                           else f"no (Dropout layers {had} → {has})"))
    return said


def _course_aims(previous: Step | None, step: Step, target: str) -> list[str]:
    """A Target's "light" (the parameters against the budget), "fix the start" (epoch 1's test accuracy against the
    step before's), "settle the end" (the scored epochs' span against the step before's, and against the noise) and
    "batch norm after the pool" (the recorded layers' order)."""
    said, f = [], facts(step)
    if found := re.search(r"\blight\b(?! ?er)", target, re.I):
        limit, share = step.budget.max_params, f.params / step.budget.max_params
        way = ("no: over the budget" if f.params >= limit else "yes" if share <= LIGHT_SHARE else
               f"in part: under the budget, but not light beside it (more than {100 * LIGHT_SHARE:.0f} % of it, the line "
               "this tool draws for light)")
        said.append(f"\"{found[0]}\": {way} ({f.params:,} parameters, {100 * share:.0f} % of the budget's {limit:,}; "
                    f"{limit - 1 - f.params:,} of room)")
    if (found := re.search(r"\bfix(?:es)? the start\b|\ba sooner start\b", target, re.I)) and previous is not None:
        x, y = previous.run.test()[0], step.run.test()[0]
        noise = fall_noise(x, y)
        said.append(f"\"{found[0]}\": epoch 1's test accuracy {x:.2f} → {y:.2f} % ({y - x:+.2f}, "
                    f"{beside_noise(abs(y - x), noise)} the two-score sampling error ±{noise:.2f}"
                    f"; seed {step.seed}), an outcome of all the changes together"
                    + (f" ({late}: not among them)" if (late := _not_at_start(previous, step)) else ""))
    if (found := re.search(r"\bsettle (?:the|its) end\b|\ba settled end\b", target, re.I)) and previous is not None:
        n = min(f.n, facts(previous).n)
        was, now = previous.run.test()[-n:], step.run.test()[-n:]
        noises = fall_noise(min(was), max(was)), fall_noise(min(now), max(now))  # each span at its own level
        inside = max(was) - min(was) <= noises[0] and max(now) - min(now) <= noises[1]
        narrower = max(now) - min(now) < max(was) - min(was)
        verdict = "not shown" if inside else "yes, narrower" if narrower else "no, not narrower"
        said.append(f"\"{found[0]}\": {verdict} - the last {n} epochs spanned {max(was) - min(was):.2f} → "
                    f"{max(now) - min(now):.2f} points ({', '.join(f'{v:.2f}' for v in was)} → "
                    f"{', '.join(f'{v:.2f}' for v in now)} %; seed {step.seed})"
                    + (f", each span inside the two-score sampling error at its level (±{noises[0]:.2f}, "
                       f"±{noises[1]:.2f})" if inside else ", an outcome of all the changes together"))
    if (found := re.search(r"\bbatch ?norm\w* after the pool\b", target, re.I)) and step.run.modules:
        kinds = [m["type"] for m in step.run.modules.values()]
        pools = [i for i, k in enumerate(kinds) if "MaxPool" in k]
        after = [next((k for k in kinds[i + 1:] if k != "ReLU"), "") for i in pools]
        ok = bool(pools) and all(k.startswith("BatchNorm") for k in after)
        said.append(f"\"{found[0]}\": {'yes' if ok else 'no'} (after each of its {len(pools)} max-pool"
                    f"{'s' * (len(pools) != 1)}: {', '.join(a or 'nothing' for a in after)})")
    return said


def _setting_aims(step: Step, target: str) -> list[str]:
    """A Target's named settings with their values - label smoothing, rotation, a one-cycle's peak, a batch size - and
    the augmentations it lists in brackets, against the settings the run recorded."""
    s, said = step.run.settings, []
    for pattern, value, name in ((r"\blabel smoothing (\d*\.\d+)", s.label_smoothing or 0, "label smoothing"),
                                 (r"\brotation (?:up to )?(\d+(?:\.\d+)?) ?deg\w*", s.augment_degrees or 0, "degrees"),
                                 (r"\bone-?cycle (?:rate )?(?:up )?to (\d*\.\d+)",
                                  s.lr if s.scheduler == "onecycle" else 0, "one-cycle peak"),
                                 (r"\bbatch(?:es)? (?:size )?(?:of )?(\d+)\b", s.batch_size or 0, "batch")):
        if found := re.search(pattern, target, re.I):
            ok = abs(float(found[1]) - value) < 1e-9
            said.append(f"\"{found[0]}\": {'yes' if ok else 'no'} ({name} {value:g} as recorded)")
    return said + _listed_augments(step, target)


AUGMENT_WORDS = {"elastic": "augment_elastic", "stroke": "augment_stroke", "blur": "augment_blur",
                 "noise": "augment_noise", "shift": "augment_translate", "translat": "augment_translate",
                 "shear": "augment_shear", "zoom": "augment_scale", "scale": "augment_scale"}


FACTORS = {"tenfold": 0.1, "in half": 0.5, "by half": 0.5, "halved": 0.5}


def _shape_aims(previous: Step | None, step: Step, target: str) -> list[str]:
    """A Target's "the second conv 14 -> 12 channels" (the n-th recorded conv's widths, the step before's and this
    one's), "the rate cut tenfold every 6 epochs" (the step schedule's factor and size, and the cuts the recorded
    rates show), "parameters moved after the pool" (the parameters before and after the first pool, both steps) and
    "<model>'s recipe" (the registered recipe against the recorded settings)."""
    said = []
    if found := re.search(rf"\b({'|'.join(ORDINALS)}) conv\w* (\d+) ?(?:->|→|to) ?(\d+)", target, re.I):
        n, want = ORDINALS[found[1].lower()], (int(found[2]), int(found[3]))
        now, was = convs(step.run), convs(previous.run) if previous is not None else []
        got = (was[n - 1]["out"] if len(was) >= n else None, now[n - 1]["out"] if len(now) >= n else None)
        ok = got[1] == want[1] and (previous is None or got[0] == want[0])
        said.append(f"\"{found[0]}\": {'yes' if ok else 'no'} (conv {n}: {got[0] if got[0] is not None else '-'} → "
                    f"{got[1] if got[1] is not None else '-'} channels as recorded)")
    if found := re.search(r"\brate (?:cut|divided|lowered) (tenfold|in half|by half|halved) every (\d+) epochs?", target, re.I):
        st = step.run.settings
        ok = (st.scheduler == "step" and abs(st.step_gamma - FACTORS[found[1].lower()]) < 1e-9
              and run_step_size(step.run) == int(found[2]))
        cuts = ", ".join(f"{lr:.4g} at epoch {e}" for e, lr in rate_events(step.run))
        said.append(f"\"{found[0]}\": {'yes' if ok else 'no'} (the recorded rates: {step.run.epochs[0].lr:.4g} at "
                    f"epoch 1" + (f", cut to {cuts}" if cuts else ", never cut") + ")")
    if (found := re.search(r"(?:\b([\w-]+)'s )?\bparameters? (?:\w+ )?(?:moved|shifted) after the pool", target,
                           re.I)) and previous:
        (a0, a1), (b0, b1) = params_around_pool(previous.run), params_around_pool(step.run)
        ok = b0 < a0 and b1 > a1
        # "the squeeze's parameters": a conv this step removed that sat after the pool already did not move there
        gone = [m[1] for c in changes(previous, step) if (m := re.match(r"^(\S+) \([^)]*\) removed", c.text))]
        mods, pool = list(previous.run.modules), first_pool(previous.run)
        after = [g for g in gone if g in mods and pool is not None and mods.index(g) > pool]
        totals = f"parameters before the first pool {a0:,} → {b0:,}, after it {a1:,} → {b1:,}"
        if found[1] and after:  # the facts both ways: the totals moved, the removed conv itself did not
            said.append(f"\"{found[0]}\": the totals moved after the pool ({totals}: the restructure above); the conv "
                        f"this step removed, {after[0]}, sat after the first pool already and was dropped, not moved")
        else:
            whose = (f"; whether they are the {found[1]}'s these totals cannot show: which layers changed, the "
                     "changes above say" if found[1] else "")
            verdict = "no" if not ok else f"not shown as the {found[1]}'s; the totals moved" if found[1] else "yes"
            said.append(f"\"{found[0]}\": {verdict} ({totals}{whose})")
    return said + _recipe_name_aim(step, target)


def _recipe_name_aim(step: Step, target: str) -> list[str]:
    """"model3b's recipe": each setting of that registered model's recipe against the one this run recorded."""
    from tinydigits.models import registry

    found = re.search(r"\b(\w+)'s recipe\b", target)
    if not found or found[1] not in registry.names():
        return []
    recipe, s = registry.recipe(found[1]), step.run.settings
    auto = [f"{k} 'auto' resolved to {value_text(getattr(s, k, None))} here" for k, v in recipe.items() if v == "auto"]
    recipe = {k: v for k, v in recipe.items() if v != "auto"}  # resolved on the machine that trains: any value is it
    off = [f"{k} {value_text(getattr(s, k, None))} against {value_text(v)}" for k, v in recipe.items()
           if getattr(s, k, None) != (tuple(v) if isinstance(v, list) else v)]
    note = f"; {'; '.join(auto)}" if auto else ""
    listed = ", ".join(f"{k} {value_text(v)}" for k, v in recipe.items())  # the registry's, said so it can be checked
    note += f"; the recipe: {listed}"
    return [f"\"{found[0]}\": " + (f"yes (every one of its {len(recipe)} settings as recorded{note})" if not off
                                     else f"in part ({len(recipe) - len(off)} of its {len(recipe)} settings as recorded; "
                                          f"not: {'; '.join(off)}{note})")]


def _listed_augments(step: Step, target: str) -> list[str]:
    """The augmentations a Target lists in brackets after "augmentation" (a rotation with its degrees is judged on its
    own): each recorded as on, at the value named where one is."""
    found = re.search(r"\baugment\w*\s*\(([^)]*)\)", target, re.I)
    if not found:
        return []
    items = [x.strip() for x in re.split(r",|\band\b", found[1]) if x.strip()]
    judged, ok = [], True
    for item in items:
        field = next((f for word, f in AUGMENT_WORDS.items() if word in item.lower()), None)
        if field is None:
            continue
        value = getattr(step.run.settings, field, None)
        number = re.search(r"\d*\.?\d+", item)
        on = bool(value) and (number is None or isinstance(value, tuple) or abs(float(number[0]) - value) < 1e-9)
        ok &= on
        judged.append(f"{field.removeprefix('augment_')} {value_text(value or 0)}")
    if not judged:
        return []
    words = ", ".join(x for x in items if any(w in x.lower() for w in AUGMENT_WORDS))
    # a unit the Target names is no part of the records: the values are judged, the unit is not
    units = re.search(r"\d\s*(px|pixels?)\b", words)
    verdict = ("yes in value" if units else "yes") if ok else "no"
    said = f"; the records give the values without units, so the '{units[1]}' is not checked" if units else ""
    return [f"\"{words}\": {verdict} ({', '.join(judged)} as recorded{said})"]


def _bias_aim(previous: Step | None, step: Step, target: str) -> list[str]:
    """A Target's "biases dropped" (or "no bias"), judged from the recorded convs: which carry none, which of those
    had one in the step before (the ones dropped here), and which batch norm follows (where a bias is inert)."""
    found = re.search(r"\b(?:bias(?:es)? dropped|dropp?(?:ed|ing) (?:the |their |its )?bias(?:es)?|no bias(?:es)?)\b",
                      target, re.I)
    if not found or not step.run.modules:
        return []
    convs = [m for m, s in step.run.modules.items() if s["type"] == "Conv2d"]
    bare = [m for m in convs if not step.run.modules[m].get("bias")]
    normed = normed_convs(step.run)
    said = f"\"{found[0]}\": {len(bare)} of its {len(convs)} convs carry no bias"
    before = previous.run.modules if previous is not None else {}
    if before:  # the ones dropped here: a conv of the same name that had a bias in the step before
        dropped = [m for m in bare if (before.get(m) or {}).get("bias")]
        kept = [m for m in bare if m not in dropped]
        said += (f"; {len(dropped)} dropped here, {sum(m in normed for m in dropped)} of them right before batch norm"
                 + (f"; {', '.join(kept)} had none in the step before either" if kept else ""))
    else:
        said += f", {sum(m in normed for m in bare)} of them before batch norm"
    return [said + (f" (with one: {', '.join(m for m in convs if m not in bare)})" if len(bare) < len(convs) else "")]


def _without_aims(step: Step, target: str) -> list[str]:
    """A Target's "no batch norm", "no regularisation" and "a constant rate", judged from the recorded layers, settings
    and the rates each epoch started with."""
    said, s = [], step.run.settings
    if (found := re.search(r"\bno batch ?norm\w*", target, re.I)) and step.run.modules:
        norms = sum(m["type"].startswith("BatchNorm") for m in step.run.modules.values())
        said.append(f"\"{found[0]}\": " + ("yes (none in its layers)" if not norms else f"no ({norms} in its layers)"))
    if found := re.search(r"\bno regulari[sz]\w*", target, re.I):
        has = [name for name, on in (("dropout", step.dropout() > 0), ("weight decay", bool(s.weight_decay)),
                                     ("label smoothing", bool(s.label_smoothing)),
                                     ("augmentation", bool(augmentations(step.config)))) if on]
        said.append(f"\"{found[0]}\": " + (f"no (it has {', '.join(has)})" if has else
                                           "yes (no dropout, weight decay, label smoothing or augmentation)"))
    if found := re.search(r"\b(?:a )?constant (?:learning )?(?:rate|SGD)\b", target, re.I):
        rates = [e.lr for e in step.run.epochs]
        said.append(f"\"{found[0]}\": " + (f"yes ({rates[0]:g} at every epoch's start)" if len(set(rates)) == 1 else
                                           f"no ({min(rates):.4g}-{max(rates):.4g} at the epochs' starts)"))
    return said


def _seeds_aim(step: Step, words: str, higher: Step | None = None) -> str:
    """"held on N seeds": the check's count of seeds that held the budget, or that no check judged seeds; where the
    Target asks a higher end too, how many seeds' minima rose above the step before's (`higher`)."""
    if not step.check:
        return f"\"{words}\": not judged - no check of seeds in this step (seed {step.seed} alone)"
    held, ran = step.check.verdict.held()
    if higher is None:
        return f"\"{words}\": {'yes' if held == ran else 'no'} ({held} of {ran} seeds held the budget)"
    # "a higher end ... held on N seeds": the budget's count, and the rise seed by seed at its lowest and at its end
    low, end = facts(higher).min_last, higher.run.test()[-1]
    done = step.check.finished().values()
    lows = [r.min_last - low for r in done]
    ends = [r.test_acc[-1] - end for r in done if r.test_acc]

    def counted(rises: list[float], at: float) -> str:  # above it, and of those, beyond the two-score noise
        return f"{sum(x > 0 for x in rises)} of {ran}, {_beyond(rises, at)} of them beyond the two-score sampling error"

    return (f"\"{words}\": the budget held on {held} of {ran} seeds; the seeds above the step before's one run at the "
            f"lowest scored epoch: {counted(lows, low)} (minima against its {low:.2f} %); at the end: "
            f"{counted(ends, end)} (last epochs against its {end:.2f} %)")


def _lighter_aim(previous: Step | None, step: Step, f: Facts, word: str) -> str:
    """"lighter": the parameters, this step's against the step before's, and by kind of layer where both recorded
    their layers (a net figure hides a cut that batch norm partly paid back)."""
    if previous is None:
        return f"\"{word}\": not judged (no step before to compare it with; {f.params:,} parameters)"
    a = facts(previous).params
    way = "lighter" if f.params < a else "not lighter: heavier" if f.params > a else "not lighter: the same"
    kinds = ""
    was, now = params_by_kind(previous.run), params_by_kind(step.run)
    if previous.run.modules and step.run.modules and was is not None and now is not None:
        moved = {k: now.get(k, 0) - was.get(k, 0) for k in sorted({*was, *now})}
        if sum(1 for d in moved.values() if d) > 1:
            kinds = ": " + ", ".join(f"{k} {d:+,}" for k, d in moved.items() if d)
    return f"\"{word}\": {way} ({a:,} → {f.params:,} parameters, {f.params - a:+,}{kinds})"


def _faster_aim(previous: Step | None, step: Step, f: Facts, word: str) -> str:
    """"faster": how soon test accuracy reached the lower of the two steps' bests (the epochs it took), and the
    seconds of training - the two things "faster" may mean, each said."""
    if previous is None:
        return f"\"{word}\": not judged (no step before to compare it with)"
    a = facts(previous)
    seconds = f"; {a.seconds:.0f} → {f.seconds:.0f} s of training in all"
    if a.best_test < CHANCE_POINTS:  # no pace set before: faster in effect where this step got past its best at all
        ceiling = f"step {previous.name} never got past {a.best_test:.2f} % in its {a.epochs} epochs"
        if f.best_test < CHANCE_POINTS:
            return f"\"{word}\": not faster - {ceiling}, and this step did not learn either (best test " \
                   f"{f.best_test:.2f} %){seconds}"
        past = next(e.epoch for e in step.run.epochs if e.test_acc > a.best_test)
        return f"\"{word}\": in effect - {ceiling}; this step passed it at epoch {past}{seconds}"
    level = min(a.best_test, f.best_test)
    if level < CHANCE_POINTS:  # a step that did not learn sets no pace to compare
        slow = previous.name if a.best_test < CHANCE_POINTS else step.name
        return (f"\"{word}\": not judged - step {slow} did not learn (best test {level:.2f} %), so there is no pace to "
                f"compare; {a.seconds:.0f} → {f.seconds:.0f} s of training in all")

    def first(s: Step) -> int:
        return next(e.epoch for e in s.run.epochs if e.test_acc >= level)

    x, y = first(previous), first(step)
    way = "faster" if y < x else "not faster: slower" if y > x else "no faster"
    clock = ("faster" if f.seconds < a.seconds * 0.95 else "slower" if f.seconds > a.seconds * 1.05 else "about as fast")
    return (f"\"{word}\": {way} to learn, {clock} by the clock ({a.seconds:.0f} → {f.seconds:.0f} s of training in all) - "
            f"test accuracy first reached {level:.2f} % (the lower of the two steps' bests) at epoch {x} → {y}")


def _lag_then(previous: Step, step: Step) -> str:
    """The step before's near-stall in its scored epochs (test gaining far less than train: `lagged_epoch`), not a fall
    but what a reader may call unsteady: this step's test gain at that epoch beside it."""
    if (found := lagged_epoch(previous, facts(previous))) is None:
        return ""
    epoch, train, test = found
    now = step.run.test()
    if not 1 < epoch <= len(now):
        return ""
    averaged = (" - of the weights' running average, one of this step's changes, which smooths a test curve by "
                "itself: how much of that epoch's figure is the average's, these runs cannot tell" if step.run.settings.ema
                and not previous.run.settings.ema else "")
    return (f"; no fall, but step {previous.name}'s test nearly stalled at epoch {epoch} (test {test:+.2f} while train "
            f"{train:+.2f} points); here test {now[epoch - 1] - now[epoch - 2]:+.2f} points that epoch (seed {step.seed})"
            f"{averaged}")


def _steadier_aim(previous: Step | None, step: Step, f: Facts, word: str) -> str:
    """"steadier": the largest epoch-to-epoch fall of test accuracy over the judged epochs, the seed shown against the
    step before's, each read against the test set's error of two scores (the stability line's yardstick): a rise is
    not unsteadiness, so no range is used; for a check step each seed's largest fall too."""
    if previous is None:
        return f"\"{word}\": not judged (no step before to compare it with)"
    n = min(f.n, facts(previous).n)
    (before, fb), (now, fn) = (_largest_fall(s.run.test()[-n:]) for s in (previous, step))
    seeds = f"seed {step.seed}" if previous.seed == step.seed else f"seed {previous.seed} → seed {step.seed}"
    what = f"largest fall of test accuracy from one of the last {n} epochs to the next, {seeds}"
    if round(before, 2) <= 0:  # nothing to steady: the step before's test accuracy never fell over those epochs
        was, is_ = previous.run.test()[-n:], step.run.test()[-n:]
        said = (f"\"{word}\": not shown (no falls to remove) - step {previous.name}'s test accuracy "
                f"never fell over its last {n} epochs (seed {previous.seed}); what changed over them is their level "
                f"({', '.join(f'{v:.2f}' for v in was)} → {', '.join(f'{v:.2f}' for v in is_)} %: a span of "
                f"{max(was) - min(was):.2f} → {max(is_) - min(is_):.2f} points, from a rise, not from falls); its "
                f"largest fall here {now:.2f}{_lag_then(previous, step)}")
    elif before <= fb:  # nothing to steady: the step before did not fall beyond the noise either
        said = (f"\"{word}\": not shown - step {previous.name}'s {what}, {before:.2f} points, was already inside the "
                f"test set's error of two independent scores (±{fb:.2f}), so these runs show no unsteadiness to remove; "
                f"here {now:.2f}")
    else:
        way = "yes" if now <= fn else "no"
        said = (f"\"{word}\": {way} ({what}: {before:.2f} points, beyond ±{fb:.2f}, → {now:.2f}"
                f"{', inside the noise' if now <= fn else ''})")
    if step.check and len(done := step.check.finished()) > 1:
        falls_of = {s: _largest_fall(r.test_acc[-n:]) for s, r in sorted(done.items())}
        beyond = [s for s, (x, band) in falls_of.items() if x > band]
        said += (f"; the check's {len(falls_of)} seeds' largest falls: "
                 + ", ".join(f"seed {s} {x:.2f}" for s, (x, _) in falls_of.items())
                 + (f", beyond the noise for seed{'s' * (len(beyond) > 1)} {', '.join(map(str, beyond))}" if beyond
                    else ", none beyond the noise"))
    return said


def _largest_fall(values: list[float]) -> tuple[float, float]:
    """The largest fall from one value to the next (0 where none fell) and the test set's error of two scores there."""
    pairs = list(zip(values, values[1:], strict=False))
    a, b = max(pairs, key=lambda p: p[0] - p[1], default=(0.0, 0.0))
    return max(0.0, a - b), fall_noise(a, b) if pairs else 0.0


def _plain_tail_aim(step: Step, f: Facts) -> str:
    """"augmentation off" for the epochs the Target names ("the last epoch", "the last 3 epochs"), else for the scored
    epochs: whether they trained on digits as they are."""
    off, used = step.run.settings.augment_off_last or 0, augmentations(step.config)
    if not used:
        return "augmentation off: no augmentation in this run at all"
    named = re.search(r"\blast (\d+ )?epochs?\b", step.run.target or "", re.I)
    if named and (wanted := int(named[1]) if named[1] else 1) != f.n:
        return (f"augmentation off for the last {wanted} epoch{'s' * (wanted > 1)}, as the Target asks: "
                f"{'done' if off >= wanted else 'not done'} - the last {off} of {f.epochs} epochs trained without it; "
                f"of the {f.n} epochs the budget scores, {min(off, f.n)} trained on plain digits")
    held = off >= f.n
    return (f"augmentation off for the scored epochs: {'done' if held else 'not done'} - the last {off} of "
            f"{f.epochs} epochs trained without it, {'covering' if held else 'short of'} the {f.n} the budget scores"
            + _averaged_carry(step, off) + _plain_effect(step, off))


def _plain_effect(step: Step, off: int) -> str:
    """What the plain epochs did on the seed shown: train (on digits as they are now) and test from the last augmented
    epoch on, test's best change against the two-score sampling error - with the anneal in the same epochs, which one
    run cannot split from it."""
    test, train, ran = step.run.test(), step.run.train(), len(step.run.epochs)
    if not 0 < off < ran:
        return ""
    k = ran - off - 1  # the last augmented epoch's index
    best = max(test[k + 1:])
    moved, noise = best - test[k], fall_noise(test[k], best)
    return (f"; what they did (seed {step.seed}): from epoch {k + 1}, the last augmented one, train "
            f"{' → '.join(f'{v:.2f}' for v in train[k:])} % (its digits plain from epoch {k + 2}), test "
            f"{' → '.join(f'{v:.2f}' for v in test[k:])} % (at best {moved:+.2f}, {beside_noise(abs(moved), noise)} "
            f"the two-score sampling error ±{noise:.2f}){_plain_seeds(step, k)}; the rate anneals over the same "
            "epochs, so these runs cannot split the two; its payoff on the scores: "
            + ("beyond that noise on the seed shown" if abs(moved) > noise else "not shown beyond the noise"))


def _plain_seeds(step: Step, k: int) -> str:
    """A check's every seed over the plain epochs: its change from the last augmented epoch (index `k`) to the end, and
    the seeds' mean at each epoch from there - the seed shown is one of them."""
    done = {s: r.test_acc for s, r in sorted(step.check.finished().items())} if step.check else {}
    done = {s: t for s, t in done.items() if len(t) > k + 1}
    if len(done) < 2:
        return ""
    ends = ", ".join(f"seed {s} {t[-1] - t[k]:+.2f}" for s, t in done.items())
    mean = [sum(t[i] for t in done.values()) / len(done) for i in range(k, len(next(iter(done.values()))))]
    return (f"; the check's {len(done)} seeds, epoch {k + 1} → the last: {ends}; their mean "
            f"{' → '.join(f'{v:.2f}' for v in mean)} %")


def _smoothed_losses(previous: Step, step: Step) -> str:
    """Where label smoothing changed, the last epoch's test loss beside it: the test loss is plain cross-entropy, and
    a net trained on smoothed targets answers less surely, so its loss moves apart from its accuracy."""
    a, b = previous.run.settings.label_smoothing or 0, step.run.settings.label_smoothing or 0
    if a == b or not previous.run.epochs or not step.run.epochs:
        return ""
    x, y = previous.run.epochs[-1].test_loss, step.run.epochs[-1].test_loss
    return (f"; the last epoch's test loss {x:.4f} → {y:.4f}: it is plain cross-entropy, and label smoothing {a:g} → "
            f"{b:g} trains {'less' if b > a else 'more'} sure answers, which it scores "
            f"{'higher' if b > a else 'lower'} at the same accuracy - the two losses do not compare as fit")


def _first_epoch(previous: Step, step: Step) -> str:
    """The first epoch's test accuracy, this step's against the step before's, where they differ beyond the test set's
    sampling error: a start the end figures hide; where only this step scores an average of its weights (EMA), said."""
    x, y = previous.run.test()[0], step.run.test()[0]
    if abs(y - x) <= fall_noise(x, y):
        return ""
    s, held = step.run.settings, ""
    if s.ema and not previous.run.settings.ema and s.batch_size:
        n = updates_per_epoch(step, s.batch_size)
        early = math.prod(ema_decay(s.ema, u) for u in range(n // 2, n))  # what the average owes its first half
        held = (f" ({step.name}'s figure is of its weights' running average (EMA; its decay at its n-th update "
                f"{ema_ramp(s.ema)}, a ramp up to {s.ema:g}), which after epoch 1 still owes "
                f"{100 * early:.0f} % of itself to the first half of that epoch's weights (the start itself none: "
                "its first decay is 0): an average can lower a score by that lag or raise it by smoothing the "
                "weights' noise, and these runs do not single out either beside the other changes)")
    others = ({k: r.test_acc[0] for k, r in sorted(step.check.finished().items()) if k != step.seed and r.test_acc}
              if step.check else {})
    seeds = ("; the check's other seeds at epoch 1: " + ", ".join(f"seed {k} {v:.2f} %" for k, v in others.items())
             + _epoch1_place(x, y, step.seed, list(others.values())) if others else "")
    late = f" ({late}: not in this figure)" if (late := _not_at_start(previous, step)) else ""
    return f"; epoch 1's test accuracy {x:.2f} → {y:.2f} % ({y - x:+.2f}, seed {step.seed}){late}{held}{seeds}"


def _epoch1_place(x: float, y: float, seed: int, others: list[float]) -> str:
    """Where the seed shown ranks among a check's seeds at epoch 1, and the change over the step before's one run that
    every seed's epoch 1 spans: the seed shown may be the best case."""
    above, below, tie = rank(y, others)
    place = ("the highest" if above == 0 else "the lowest" if below == 0 else f"number {above + 1} from the top")
    tied = " (tied)" if tie else ""
    changes = [v - x for v in [*others, y]]
    return (f" (seed {seed}, shown, {place}{tied} of the {len(others) + 1} at epoch 1; against the step before's one run "
            f"the {len(others) + 1} seeds span {signed(min(changes))} to {signed(max(changes))})")


def _not_at_start(previous: Step, step: Step) -> str:
    """The changes that cannot act in epoch 1, with the epoch each starts acting: where augmentation stops (counted
    with it), a step or plateau schedule that first cuts later (epoch 1 runs at the rate set either way); '' if none."""
    s, said = step.run.settings, []
    if (stop := _new_stop(previous, step)) is not None and stop > 1:
        said.append(f"where augmentation stops acts from epoch {stop} only")
    if s.scheduler != previous.run.settings.scheduler and s.scheduler in ("step", "plateau"):
        cuts = rate_events(step.run)
        said.append(f"the {s.scheduler} schedule acts from its first cut, at epoch {cuts[0][0]}" if cuts else
                    f"the {s.scheduler} schedule never cut the rate here")
    return "; ".join(said)


def _averaged_carry(step: Step, off: int) -> str:
    """Where test is of an EMA of the weights, the share of it each plain epoch's score still owes to the augmented
    updates before the first plain epoch: the product of the EMA's decays over the updates since."""
    s = step.run.settings
    ran = len(step.run.epochs)
    if not s.ema or not s.batch_size or off < 1 or off >= ran:
        return ""
    per = updates_per_epoch(step, s.batch_size)
    first = ran - off + 1  # the first plain epoch
    kept, shares = 1.0, []
    for epoch in range(first, ran + 1):
        kept *= math.prod(ema_decay(s.ema, u) for u in range((epoch - 1) * per, epoch * per))  # as `Ema` counts them
        shares.append(f"{100 * kept:.0f} %")
    return (f"; but test is scored on the weights' running average (EMA, decay {s.ema:g}), which still holds some of "
            f"the augmented epochs' updates: about {', '.join(shares)} of it at the ends of epochs "
            f"{first}-{ran} ({per:,} updates an epoch), so those scores are not wholly of plain training")


def _premise(previous: Step | None, f: Facts, diagnosis: str) -> str:
    """A change made against `diagnosis`: its premise is the step before's fit."""
    now = f"this step's train minus test is {f.gap:+.2f} points ({f.fit.diagnosis})"
    if previous is None:
        return f"against {diagnosis}: no step before to show it; {now}"
    a = facts(previous)
    held = a.fit.diagnosis == diagnosis
    before = (f"step {previous.name} {'was' if held else 'was not'} {diagnosis} ({a.fit.diagnosis}"
              + (", it did not learn" if needs(a) == "did not learn" else "")
              + f": train minus test {a.gap:+.2f} points{' at chance' if a.best_test < CHANCE_POINTS else ''})")
    return f"against {diagnosis}: its premise {'held' if held else 'did not hold'} - {before}; {now}"


def _margin_aim(previous: Step | None, step: Step, f: Facts) -> str:
    """The margin as an aim: the lowest judged epoch against the line, before and after, and whose the move is."""
    if previous is None:
        return "the margin: not judged (no step before to compare it with)"
    a = facts(previous)
    acted = [c for c in changes(previous, step) if c.counted]
    way = "closer to" if abs(f.margin) < abs(a.margin) else "no closer to"
    moved = (f"the margin: the lowest of the last {f.n} epochs {a.min_last:.2f} → {f.min_last:.2f} % ({a.margin:+.2f} → "
             f"{f.margin:+.2f} points against the {step.budget.min_acc} % line: {way} it"
             + (", still below it" if f.margin < 0 else "") + f"; seed {step.seed})")
    if len(acted) > 1:
        return moved + (f", a move of the {len(acted)} changes together: these runs cannot say how much of it is any "
                        "one change's")
    return moved
