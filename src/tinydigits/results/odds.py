"""The odds of the next seed: from the seeds a check ran, how likely a new seed holds the budget.

A check's PASS speaks for the seeds it ran. What a user wants to know is whether *their* seed will
pass, so every verdict also carries two estimates of that probability, each with a one-sided 95 %
lower confidence bound:

- counting: k of n seeds held; Clopper-Pearson bound on the pass rate (no model of the data, so
  weak: 10 of 10 only proves >= 74.1 %);
- a normal model of v = min(test accuracy over the last N epochs) per seed: the probability that a
  new seed's v is above the line, Phi((mean - line) / sd), with its lower bound from the noncentral-t
  tolerance relation (exact for normal data, no simulation): sqrt(n) * (mean - line) / sd follows a
  noncentral t with n - 1 degrees of freedom and noncentrality sqrt(n) * (mu - line) / sigma, so the
  95 % lower bound of that noncentrality, divided by sqrt(n), bounds (mu - line) / sigma and hence
  the probability.

Test accuracy counts whole images, so the line sits half an image below the budget's accuracy: a
seed at exactly 99.40 % passes, as the verdict says.

The odds are a `results.records.Odds`; it writes them for every page.
"""

from __future__ import annotations

import dataclasses
import math
import statistics

from tinydigits.results.records import Odds

CONFIDENCE = 0.95
MIN_SEEDS = 3  # fewer and a standard deviation says nothing


def line(min_acc: float, test_images: int = 10_000) -> float:
    """The accuracy a seed's v is compared with: half an image below `min_acc`."""
    return min_acc - 50.0 / test_images


def clopper_pearson_lower(passed: int, n: int, confidence: float = CONFIDENCE) -> float:
    """One-sided lower confidence bound on a pass rate after `passed` of `n` trials."""
    if not 0 <= passed <= n or n < 1:
        raise ValueError(f"expected 0 <= passed <= n and n >= 1, got {passed} of {n}")
    from scipy import stats  # here: scipy costs ~0.6 s to import, and a training run never needs the odds

    return 0.0 if passed == 0 else float(stats.beta.ppf(1 - confidence, passed, n - passed + 1))


def normal_lower(mean: float, sd: float, n: int, threshold: float, confidence: float = CONFIDENCE) -> float:
    """One-sided lower confidence bound on P(X >= threshold) for X ~ N(mu, sigma), from a sample of n
    with this mean and (n - 1) standard deviation: the noncentral-t tolerance relation."""
    from scipy import optimize, stats

    t = math.sqrt(n) * (mean - threshold) / sd
    alpha = 1 - confidence
    # P(T >= t | delta) grows with delta; the bound is the delta at which the observed t is just at the
    # upper alpha tail.
    tail = lambda delta: stats.nct.sf(t, n - 1, delta) - alpha
    low = t - 10.0 - 4.0 * abs(t)
    while tail(low) > 0:
        low -= 10.0 + abs(low)
    delta = optimize.brentq(tail, low, t + 10.0, xtol=1e-10)
    return float(stats.norm.cdf(delta / math.sqrt(n)))


def pass_odds(values: list[float], min_acc: float, test_images: int = 10_000) -> Odds:
    """Odds that a new seed holds the line, from each seed's v = min(last N epochs' test accuracy)."""
    threshold = line(min_acc, test_images)
    n, passed = len(values), sum(v >= threshold for v in values)
    counted = Odds(n, passed, threshold, CONFIDENCE)
    if n < MIN_SEEDS:
        return dataclasses.replace(counted, note=f"{n} seed(s): odds need at least {MIN_SEEDS}")
    mean, sd = statistics.mean(values), statistics.stdev(values)
    spread = dataclasses.replace(counted, rate_lower=clopper_pearson_lower(passed, n), mean=mean, sd=sd)
    if sd == 0:
        return dataclasses.replace(spread, note="every seed gave the same value: no spread to fit a normal model to")
    from scipy import stats

    return dataclasses.replace(spread, margin_sd=(mean - threshold) / sd,
                               probability=float(stats.norm.cdf((mean - threshold) / sd)),
                               probability_lower=normal_lower(mean, sd, n, threshold))
