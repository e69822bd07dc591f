"""What a run's recorded curves say, each a rule over measured figures: the test set's sampling error
(`noise_band`, `fall_noise`, `falls`), test accuracy's trend (`trend`) and a widening gap (`widening`), where it
stalled (`stall_epoch`, `stall_text`), and the learning rate's course read from the rates the run recorded
(`rate_events`, `rate_text`, `peak_rate`) - never from a rule of thumb about the settings.
"""

from __future__ import annotations

import math

from tinydigits.constants import ONECYCLE_WARMUP
from tinydigits.results.records import Run
from tinydigits.results.steps.step import Step

STALL_POINTS = 0.05  # a later epoch must beat the best so far by more than this to count as still improving
STALL_EPOCHS = 3  # a stall is read over this many epochs after it at least: fewer cannot tell it from a noisy peak
LOSS_STALL = 0.02  # test loss still learning: a later epoch below the lowest so far by more than this share of it
TEST_IMAGES = 10_000  # MNIST's test set: what a test accuracy's noise is counted over
MNIST_TEST_CLASSES = (980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009)  # images of each digit in the test set
ANNEALED = 0.25  # a rate below this share of the schedule's peak has annealed: a stall there is likely the rate's
PARTING = 0.10  # train loss parts from test loss: its fall since it went below test loss exceeds test's by this share
RATE_FALL = 0.5  # a step schedule's event: the rate at an epoch's start below this share of the epoch before's


# said wherever two scores of one test set meet
PAIRED = "two standard errors; a loose yardstick: two scores of the same digits vary less"
# said where a figure falls inside that loose yardstick: inside it is no proof of noise
INSIDE = "so inside it a change is not shown to be more than noise, nor shown to be noise"


def signed(x: float) -> str:
    """A difference of two figures to the hundredth, signed; one that rounds to zero unsigned (0.00), whichever side
    of it the unrounded figures lie."""
    return "0.00" if round(x, 2) == 0 else f"{x:+.2f}"


def noise_band(acc: float, images: int = TEST_IMAGES) -> float:
    """Two standard errors of a test accuracy (binomial, in points) measured on `images` images: the test set's
    sampling error - how far another draw of as many digits could move the score (the same test set scored again
    gives the same figure, so it is not the noise of a pass, nor the noise another seed brings)."""
    p = min(max(acc / 100, 1e-4), 1 - 1e-4)
    return 200 * math.sqrt(p * (1 - p) / images)


def beside_noise(value: float, band: float) -> str:
    """A figure against its noise: inside or beyond it, 'just' where the two differ by less than a hundredth of a
    point (the figures' last shown digit), so that 0.14 against ±0.135 is not read as clear of it."""
    return ("just " if abs(value - band) < 0.01 else "") + ("inside" if value < band else "beyond")


def band_text(value: float, band: float) -> str:
    """A noise band as a figure is read against it: to a third decimal where the two are a hair apart (`beside_noise`
    says "just"), so that the side it falls on shows; else to two."""
    return f"{band:.3f}" if abs(value - band) < 0.01 else f"{band:.2f}"


def fall_noise(before: float, after: float) -> float:
    """The test set's sampling error of a difference of two independent scores (two standard errors of each,
    combined): a bound above the noise of two scores of the same test digits (shared digits make them move together),
    which no record here measures - a run keeps no answers image by image."""
    return math.hypot(noise_band(before), noise_band(after))


def gap_noise(train: float, test: float, train_images: int) -> float:
    """The sampling error of train minus test accuracy (two standard errors, combined): the test figure's over its
    TEST_IMAGES digits and the train figure's over the `train_images` it ran through - the yardstick a gap between
    the two is read against, not the test figure's alone."""
    return math.hypot(noise_band(test), noise_band(train, train_images))


def gap_text(band: float, train_images: int) -> str:
    """`gap_noise` named where a gap is read against it."""
    return f"the sampling error of the two scores (±{band:.3f} at the last epoch: {gap_detail(train_images)})"


def gap_detail(train_images: int) -> str:
    """What `gap_noise` is made of."""
    return (f"two standard errors, test over its {TEST_IMAGES:,} digits, train as if over its {train_images:,} - a "
            "running average over an epoch's changing weights, so a rough figure")


def falls(test: list[float]) -> list[tuple[int, float]]:
    """(epoch, points) of every fall of test accuracy from one epoch to the next beyond the sampling error of two
    scores (`fall_noise`)."""
    return [(i + 1, test[i - 1] - test[i]) for i in range(1, len(test))
            if test[i - 1] - test[i] > fall_noise(test[i - 1], test[i])]


def one_class(acc: float) -> int | None:
    """The digit whose share of the test set `acc` is (a net that answers that digit for every image), or None."""
    return next((d for d, n in enumerate(MNIST_TEST_CLASSES) if abs(acc - 100 * n / TEST_IMAGES) < 0.005), None)


def trend(test: list[float], n: int) -> float:
    """Test accuracy's change an epoch over the last `n` epochs, from the course of those epochs: their least-squares
    slope, so a jump into the first of them (a start at chance) is not averaged in; one epoch: its gain over the one
    before (or over chance)."""
    points = test[-n:]
    if len(points) < 2:
        return points[-1] - (test[-2] if len(test) > 1 else 10.0)
    return _least_squares(points)[0]


def _least_squares(points: list[float]) -> tuple[float, float, float, float]:
    """A straight line through `points` at x = 0, 1, ...: (slope, mean x, mean y, sum of squares of x about its mean)."""
    xs = range(len(points))
    mx, my = (len(points) - 1) / 2, sum(points) / len(points)
    sxx = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, points, strict=True)) / sxx, mx, my, sxx


def widening(step: Step) -> list[tuple[int, float]]:
    """(epoch, train minus test) over the run's last epochs where train led test at each and its lead grew every epoch -
    at least three epochs of it (empty: no such run of epochs, or an EMA run, whose two figures are of other weights)."""
    if step.run.settings.ema:
        return []
    gaps = [(e.epoch, e.train_acc - e.test_acc) for e in step.run.epochs]
    tail = gaps[-1:]
    for epoch, gap in reversed(gaps[:-1]):
        if round(tail[0][1] - gap, 2) <= 0 or gap <= 0:  # a lead that grew: train ahead at every epoch of it
            break
        tail.insert(0, (epoch, gap))
    return tail if len(tail) >= 3 and tail[-1][1] > 0 else []


def run_losses(run: Run) -> list[float]:
    return [e.test_loss for e in run.epochs]


def loss_still_falls(loss: list[float] | None, s: int) -> bool:
    """Test loss after epoch `s` below the lowest before it by more than LOSS_STALL of it: the net still learns."""
    return bool(loss) and min(loss[s:]) < min(loss[:s]) * (1 - LOSS_STALL)


def stall_epoch(test: list[float], loss: list[float] | None = None) -> int | None:
    """The epoch after which test accuracy stalled - and test loss with it - with STALL_EPOCHS epochs or more after it
    to show it (None: it did not stall, or too few epochs followed its best to tell)."""
    return next((s for s in range(1, len(test) - STALL_EPOCHS + 1) if max(test[s:]) - max(test[:s]) <= STALL_POINTS
                 and not loss_still_falls(loss, s)), None)


def stall_text(test: list[float], loss: list[float] | None = None, averaged: bool = False, last: int = 3) -> str:
    """Where test accuracy stopped improving, consistent with its best epoch: from the first epoch after which no
    later one beat the best so far by more than STALL_POINTS - and stalled only where test loss stopped falling too
    (`stall_epoch`); an accuracy flat while its loss still fell is said as such. `last`: the epochs the budget judges,
    said where each is below a best that came before them."""
    best = max(range(len(test)), key=lambda i: (test[i], -i))
    at = (f"best {test[best]:.2f} % at epoch {best + 1}" + (f", {again}" if (again := reached_again(test, best)) else "")
          + _below_best(test, best, last))
    if (s := stall_epoch(test, loss)) is not None:
        gain = max(test[s:]) - max(test[:s])
        flat = stall_epoch(test)  # the accuracy alone, flat earlier while the loss still fell
        earlier = (f"; the accuracy alone was at its plateau after epoch {flat}, but test loss after it still fell by "
                   f"more than the 2 % that counts (its lowest up to epoch {flat}, {min(loss[:flat]):.4f} at epoch "
                   f"{loss.index(min(loss[:flat])) + 1}, → {min(loss[flat:]):.4f} after it)"
                   if loss and flat is not None and flat < s else "")
        later = (f"; counted from epoch {s}, not the best epoch {best + 1}, because test loss still fell by more than "
                 f"the {LOSS_STALL * 100:g} % that counts after epoch {best + 1} ({min(loss[:best + 1]):.4f} → "
                 f"{min(loss[best + 1:]):.4f})" if loss and s > best + 1 and loss_still_falls(loss, best + 1) else "")
        return (f"after epoch {s} test accuracy {_gained(gain)} ({at}; {_first_flat(s)}, which counts as stalled"
                + (f", {_loss_after(loss, s)}" if loss else "") + f"){later}{earlier}")
    if (s := stall_epoch(test)) is not None:  # the accuracy flat, its loss still falling
        gain = max(test[s:]) - max(test[:s])
        fell, (rise, at_rise) = min(loss[:s]) - min(loss[s:]), loss_wobble(loss)
        still = ("the averaged weights' test loss, which also falls while an average catches up with its live weights "
                 "(and is smoothed by it): not read as still learning, nor as stalled" if averaged else
                 "the net still learns, so not stalled" if fell > rise else
                 f"a fall no larger than the loss's own largest rise from one epoch to the next over its last epochs "
                 f"(+{rise:.4f} at epoch {at_rise}): whether it still learns the curve does not settle, so not called "
                 "stalled")
        return (f"after epoch {s} test accuracy {_gained(gain)} ({at}), but test loss still "
                f"fell ({min(loss[:s]):.4f} at best up to epoch {s}, {min(loss[s:]):.4f} after it): {still}; "
                f"{_first_flat(s)}")
    last = test[-4:]
    course = (f"; the last {len(last)} epochs: {', '.join(f'{a:.2f}' for a in last)} %" if len(last) > 2 else "")
    if best < len(test) - 1:  # a best too near the end to read a stall after it
        return _late_best(test, loss, best, at, course)
    if loss and len(loss) > 1:  # a last-epoch rise may sit inside the noise: its loss says whether it still learns
        course += f"; test loss {loss[-2]:.4f} → {loss[-1]:.4f} in that epoch"
    rise = test[-1] - max(test[:-1]) if len(test) > 1 else test[-1]
    if inside := _rise_noise(test, loss, averaged):  # inside the noise: said first, so no reader takes it as a gain
        return (f"test accuracy rose {rise:.2f} points in the last epoch above its best before, {inside} ({at}"
                f"{course})")
    beyond = (f", beyond the test set's sampling error of two independent scores (±{fall_noise(max(test[:-1]), test[-1]):.2f})"
              if len(test) > 1 else "")
    catch = (" - of the weights' running average, which also rises while the average catches up with its live "
             "weights: not by itself a sign of still learning" if averaged else "")
    return (f"test accuracy still rose in the last epoch, {rise:.2f} points above its best before{beyond} (more than "
            f"{STALL_POINTS} counts; {at}{course}){catch}")


def _first_flat(s: int) -> str:
    """Why a stall is read from epoch `s` (`stall_epoch`'s rule), so two steps' windows read alike."""
    return f"epoch {s}: the first after which no later epoch beat the best up to it by more than {STALL_POINTS} points"


def _below_best(test: list[float], best: int, n: int = 3) -> str:
    """The last `n` epochs where each is below a best that came before them: the end of the curve said beside the
    best, so a plateau's 'gained at most' is not read as a late gain."""
    last = test[-n:]
    if best >= len(test) - n or not all(round(x, 2) < round(test[best], 2) for x in last):
        return ""
    return f"; the last {n} epochs {', '.join(f'{x:.2f}' for x in last)} %, each below it"


def _late_best(test: list[float], loss: list[float] | None, best: int, at: str, course: str) -> str:
    """A best epoch fewer than STALL_EPOCHS before the end: no stall read after it; the later epochs against the best
    by the test set's sampling error of two scores, and the course over the last epochs (its least-squares trend)."""
    after = len(test) - 1 - best
    below = max(test[best + 1:])
    noise = fall_noise(test[best], below)
    n = min(len(test), 5)
    losses = (f"; test loss {loss[best]:.4f} at epoch {best + 1}, {min(loss[best + 1:]):.4f} at best after it"
              if loss else "")
    half = (len(test) + 1) // 2
    slope, band = trend(test, half), _slope_band(test[-half:])
    rising = rising_half(test) is not None  # a rise beyond its own error: said first, the finding
    span = f"epochs {len(test) - half + 1}-{len(test)}"
    lead = (f"still rising over its second half ({span}: a trend of {slope:+.2f} points an epoch, {_said(slope, band)}); "
            if rising else "")
    later = f"; over its second half ({span}) a trend of {slope:+.2f} points an epoch ({_said(slope, band)})"
    return (f"{lead}its best came {after} epoch{'s' * (after > 1)} before the end ({at}): too few after it to read a stall "
            f"({STALL_EPOCHS} are needed); the later epochs' best is {test[best] - below:.2f} points under it, "
            f"{beside_noise(test[best] - below, noise)} the test set's sampling error of two independent scores "
            f"(±{band_text(test[best] - below, noise)}; {PAIRED}){losses}; over the last {n} epochs a trend of "
            f"{trend(test, n):+.2f} points an epoch ({_said(trend(test, n), _slope_band(test[-n:]))})"
            # the second half too where it is longer than the last n epochs: a short window's error can hide a rise
            f"{later if half > n and not rising else ''}{course}")


def rising_half(test: list[float]) -> tuple[int, float, float] | None:
    """(its first epoch, slope, two standard errors of it) where test accuracy's second half - longer than the last 5
    epochs - still rises beyond its slope's own error; None where it does not: a run still learning whose best came too
    near the end to read a stall after it."""
    half = (len(test) + 1) // 2
    slope, band = trend(test, half), _slope_band(test[-half:])
    if half > min(len(test), 5) and band is not None and slope > band:
        return len(test) - half + 1, slope, band
    return None


def _slope_band(points: list[float]) -> float | None:
    """Two standard errors of a least-squares slope through `points`, from the scatter about the line (n - 2 degrees
    of freedom); None for fewer than 3 points."""
    if len(points) < 3:
        return None
    slope, mx, my, sxx = _least_squares(points)
    scatter = sum((y - (my + slope * (x - mx))) ** 2 for x, y in enumerate(points)) / (len(points) - 2)
    return 2 * math.sqrt(scatter / sxx)


def slope_error(points: list[float]) -> float | None:
    """Two standard errors of the least-squares slope through `points` (None for fewer than 3)."""
    return _slope_band(points)


def _said(slope: float, band: float | None) -> str:
    """A trend against its own error (`_slope_band`), so that a slope inside it is not read as a rise."""
    if band is None:
        return "too few epochs for its error"
    return f"±{band:.2f}, two standard errors of the slope: {'beyond' if abs(slope) > band else 'inside'} it"


def loss_wobble(loss: list[float], epochs: int = 2 * STALL_EPOCHS) -> tuple[float, int]:
    """(the largest rise of test loss from one epoch to the next over the last `epochs` epochs, the epoch it came at):
    the curve's own wobble, beside which a smaller fall shows nothing."""
    rises = [(loss[i] - loss[i - 1], i + 1) for i in range(max(1, len(loss) - epochs), len(loss))]
    return max(rises, default=(0.0, len(loss)))


def _rise_noise(test: list[float], loss: list[float] | None, averaged: bool = False) -> str:
    """A last-epoch rise against the test set's sampling error of two scores: '' beyond it; inside it, the accuracy
    alone does not show the learning - the loss, where it fell by more than LOSS_STALL of it, does; not an averaged
    (EMA) test's loss, which falls too while the average catches up with weights already trained."""
    if len(test) < 2 or (rise := test[-1] - max(test[:-1])) > (noise := fall_noise(max(test[:-1]), test[-1])):
        return ""
    fell = bool(loss) and len(loss) > 1 and loss[-1] < min(loss[:-1]) * (1 - LOSS_STALL)
    shown = ("the averaged weights' test loss fell too, which an average catching up with its live weights would also "
             "do: the loss alone does not show still learning" if fell and averaged else
             "the test loss's fall shows it still learned, not the accuracy alone" if fell else
             "a rise not shown beyond that noise")
    # a hair inside a bound that is loose from above: the tighter noise of two scores of the same digits could put it
    # beyond, so the edge settles nothing
    edge = ("; a rise at the edge of a yardstick loose from above: not settled either way"
            if beside_noise(rise, noise).startswith("just") else "")
    return (f"{beside_noise(rise, noise)} the test set's sampling error of two independent scores "
            f"(±{band_text(rise, noise)}; {PAIRED}): {shown}{edge}")


def _gained(gain: float) -> str:
    """The best later epoch against the best before, as the two-decimal figures read: a gain, none, or a shortfall."""
    if round(gain, 2) > 0:
        return f"gained at most {gain:.2f} points"
    if round(gain, 2) == 0:
        return "did not beat its best"
    return f"stayed below its best, {-gain:.2f} points under it at the closest"


def _loss_after(loss: list[float], s: int) -> str:
    """Test loss after epoch `s` against its lowest before: stopped falling only where it did; a fall too small to
    count as learning said with its size."""
    before, after = min(loss[:s]), min(loss[s:])
    if after >= before:
        return f"and test loss stopped falling too: lowest {before:.4f} up to epoch {s}, {after:.4f} at best after it"
    return (f"and test loss fell only {before - after:.4f} after it, {before:.4f} → {after:.4f}: less than the "
            f"{LOSS_STALL * 100:g} % of it that counts as still learning")


def rate_events(run: Run) -> list[tuple[int, float]]:
    """(epoch, rate at its start) where the rate was cut, read from the rates the run recorded: under a step schedule
    every fall is a cut (x0.5 as much as x0.1); under any other, a fall below RATE_FALL of the epoch before's, so a
    smooth annealing's small falls are not read as cuts."""
    step = run.settings.scheduler == "step"
    return [(b.epoch, b.lr) for a, b in zip(run.epochs, run.epochs[1:], strict=False)
            if (b.lr < a.lr * (1 - 1e-6) if step else b.lr < RATE_FALL * a.lr)]


def run_step_size(run: Run) -> int:
    """A step schedule's step size as it ran: from the first cut in the recorded rates where there was one, else the
    setting (or the default `factories` resolves it to)."""
    if events := rate_events(run):
        return events[0][0] - 1
    return run.settings.step_every()


def rate_text(run: Run) -> str:
    """The learning rate's course over the run, from the rates the epochs started with."""
    rates = [e.lr for e in run.epochs]
    schedule = run.settings.scheduler
    if len(set(rates)) == 1:
        if schedule == "step":
            size = run_step_size(run)
            return (f"the rate was constant ({rates[0]:.4g}): the step schedule's first cut (every {size} epochs) comes "
                    f"after the last epoch ({len(rates)}), so the schedule was inert" if size >= len(rates) else
                    f"the rate was constant ({rates[0]:.4g})")
        return f"the rate was constant ({rates[0]:.4g})"
    if schedule == "onecycle":
        end = f", {last:.2g} by its last batch" if (last := _last_batch_rate(run)) is not None else ""
        if (at := onecycle_peak_epoch(run)) is not None:
            return (f"the one-cycle rate rose from {rates[0]:.4g} to its peak {run.settings.lr:g} within epoch {at} (the "
                    f"epoch log's rates are each epoch's start) and annealed to {rates[-1]:.2g} at the last epoch's "
                    f"start{end}")
        top = max(range(len(rates)), key=lambda i: rates[i])
        if top == len(rates) - 1:
            return f"the one-cycle rate was still rising at the last epoch's start ({rates[-1]:.4g})"
        return (f"the one-cycle rate was highest at the start of epoch {run.epochs[top].epoch} ({rates[top]:.4g}) and "
                f"annealed to {rates[-1]:.2g} at the last epoch's start{end}")
    if events := rate_events(run):
        return f"the rate started at {rates[0]:.4g} and fell to " + ", then ".join(
            f"{lr:.4g} at epoch {e}" for e, lr in events)
    return f"the rate went from {rates[0]:.4g} to {rates[-1]:.4g}"


def _last_batch_rate(run: Run) -> float | None:
    """The rate of a one-cycle run's last batch, from its course as the curves picture draws it (`report.rate_course`:
    replayed from the settings, trusted only where it meets the log); None where that course is not known."""
    from tinydigits.results.report import rate_course

    course, within = rate_course(run)
    return within[-1][-1] if course == "replayed" and within else None


def onecycle_peak_epoch(run: Run) -> int | None:
    """The epoch within which a one-cycle schedule reached its peak (the run's peak rate), from the schedule itself:
    it warms up over ONECYCLE_WARMUP of the planned steps (at least 2), so the peak falls inside an epoch and the rates
    the log records at the epochs' starts all lie below it. None: not reached within the epochs the run had, or rates
    the schedule cannot have made (a start at the peak, a rate above it, a fall before it)."""
    planned, rates, peak = run.planned_epochs, [e.lr for e in run.epochs], run.settings.lr
    if not peak or not rates:
        return None
    per_epoch = max(1, math.ceil(run.train_images / max(run.settings.batch_size or 1, 1)))
    warm = max(ONECYCLE_WARMUP, 2 / (per_epoch * planned)) * planned  # the peak, in epochs from the start
    at = max(1, math.ceil(warm - 1e-9))
    rising = all(a < b for a, b in zip(rates[:at], rates[1:at], strict=False))
    if at > len(rates) or not rising or rates[0] >= RATE_FALL * peak or max(rates) > peak * (1 + 1e-6):
        return None
    return at


def peak_rate(run: Run) -> float:
    """The highest rate the run's schedule reached: a one-cycle's peak where it reached it within the run (between
    two epochs' starts), else the highest rate an epoch started with."""
    rates = [e.lr for e in run.epochs]
    if run.settings.scheduler == "onecycle" and onecycle_peak_epoch(run) is not None:
        return run.settings.lr
    return max(rates)


def reached_again(test: list[float], best: int) -> str:
    """The later epochs that reached the best test accuracy (index `best`) again, to its shown hundredth ("again at
    epochs 14-15"; '' where none did): the first best alone would hide a curve that came back to it."""
    again = [i + 1 for i in range(best + 1, len(test)) if round(test[i], 2) == round(test[best], 2)]
    return f"again at epoch{'s' * (len(again) > 1)} {epoch_span(again)}" if again else ""


def epoch_span(epochs: list[int]) -> str:
    if len(epochs) == 1:
        return str(epochs[0])
    return f"{epochs[0]}-{epochs[-1]}" if epochs == list(range(epochs[0], epochs[-1] + 1)) else ", ".join(map(str, epochs))


def _held_while_train_fell(step: Step) -> int | None:
    """The epoch test stalled at (`stall_epoch`) where train loss at the last epoch is below its lowest before it by
    more than LOSS_STALL of it (the last, not the lowest after it: a fall it did not keep is no fall), else None."""
    s = stall_epoch(step.run.test(), run_losses(step.run))
    train = [e.train_loss for e in step.run.epochs]
    return s if s is not None and train[-1] < min(train[:s]) * (1 - LOSS_STALL) else None


def _train_fell_text(step: Step, s: int) -> str:
    """Train loss's fall after the stall at `s` while test held, to its last epoch; where most of it came at a rate's
    cut, said so: a running average over an epoch falls with a lower rate by itself (the weights move less within
    it), so that fall does not show a closer fit."""
    train, cuts = [e.train_loss for e in step.run.epochs], {e for e, _ in rate_events(step.run)}
    base = min(train[:s])
    at_cut = [(e, train[e - 2], train[e - 1]) for e in sorted(cuts) if e > s and train[e - 1] < train[e - 2]]
    fell = f"; train loss fell after epoch {s} ({base:.4f} → {train[-1]:.4f} at the last epoch) while test held"
    if sum(a - b for _, a, b in at_cut) > (base - train[-1]) / 2:  # the facts, not a cause one run cannot show
        low = min(range(s, len(train)), key=train.__getitem__)
        # a running average over an epoch whose noise no record measures: its size said, no verdict drawn from it
        rose = (f", and rose after it ({train[low]:.4f} at epoch {low + 1} → {train[-1]:.4f}, "
                f"+{100 * (train[-1] / train[low] - 1):.1f} %: a running average whose noise no record measures, so "
                "said, not read as a change)" if train[-1] > train[low] * (1 + LOSS_STALL) else "")
        return (fell + ", most of it at the rate's cut ("
                + ", ".join(f"epoch {e}: {a:.4f} → {b:.4f}" for e, a, b in at_cut) + f"){rose}")
    return fell + ": it fits its own digits better without gaining on the test digits"


def train_falls(step: Step) -> str:
    """Train loss pulling away from test loss: where test stalled (`stall_epoch`) while train loss at the last epoch
    was below its lowest before by more than LOSS_STALL of it (`_train_fell_text` reads whether a rate's cut made
    most of that fall) - and, stall or
    not, where train loss has fallen by a larger share than test loss since it went below test loss for good ('' where
    neither): by more than PARTING of its value, so that two losses falling alike are not read as parting."""
    s = _held_while_train_fell(step)
    train, test = [e.train_loss for e in step.run.epochs], run_losses(step.run) or []
    said = _train_fell_text(step, s) if s is not None else ""
    # the parting began where train loss went below test loss for good: each loss's fall since then, as shares
    below = next((k for k in range(len(test)) if all(a < b for a, b in zip(train[k:], test[k:], strict=False))), None)
    if below is None or below + 2 >= len(test) or test[below] <= 0 or train[below] <= 0:
        return said
    fell_train, fell_test = train[-1] / train[below] - 1, test[-1] / test[below] - 1
    if fell_test - fell_train <= PARTING:  # falls are negative: train's must be the larger by more than PARTING
        return said
    gaps = [a - b for a, b in zip(step.run.train(), step.run.test(), strict=True)]
    return said + (f"; train loss has fallen faster than test loss since epoch {below + 1}, where it went below test "
                   f"loss for good: train {train[below]:.4f} → {train[-1]:.4f} ({100 * fell_train:+.0f} %, a running "
                   f"average in train mode), test {test[below]:.4f} → {test[-1]:.4f} ({100 * fell_test:+.0f} %); the "
                   f"accuracies' gap over the same epochs, train minus test: {signed(gaps[below])} → {signed(gaps[-1])} points")
