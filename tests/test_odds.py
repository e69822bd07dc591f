"""The odds of a new seed: answers worked out by hand or read from published tables."""

import json
import math

import numpy as np
import pytest

from tinydigits import files
from tinydigits.constants import Budget
from tinydigits.results.budget import format_verdict, judge
from tinydigits.results.odds import clopper_pearson_lower, line, normal_lower, pass_odds
from tinydigits.verdict.check_report import write_check


def test_ten_of_ten_proves_a_pass_rate_of_at_least_74_percent():
    # P(10 of 10 | p) = p^10 = 0.05  =>  p = 0.05 ** (1 / 10)
    assert clopper_pearson_lower(10, 10) == pytest.approx(0.05 ** 0.1, abs=1e-9)
    assert round(clopper_pearson_lower(10, 10), 3) == 0.741


def test_nine_of_ten_bound_solves_the_binomial_tail():
    # P(X >= 9 | p) = 10 p^9 (1 - p) + p^10 = 0.05, solved by bisection here: p = 0.6058...
    tail = lambda p: 10 * p**9 * (1 - p) + p**10 - 0.05
    lo, hi = 0.0, 1.0
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if tail(mid) < 0 else (lo, mid)
    assert clopper_pearson_lower(9, 10) == pytest.approx(lo, abs=1e-9)
    assert round(lo, 4) == 0.6058
    assert clopper_pearson_lower(0, 5) == 0.0


def test_the_line_is_half_an_image_below_the_budget():
    assert line(99.4) == pytest.approx(99.395)
    odds = pass_odds([99.40, 99.45, 99.50], 99.4)  # a seed at exactly 99.40 passes, as the verdict says
    assert odds.passed == 3


def test_a_sample_with_known_mean_and_deviation():
    odds = pass_odds([99.45, 99.50, 99.55], 99.4)
    assert odds.mean == pytest.approx(99.50) and odds.sd == pytest.approx(0.05)
    assert odds.margin_sd == pytest.approx((99.50 - 99.395) / 0.05)  # 2.1 sd
    assert odds.probability == pytest.approx(0.98214, abs=1e-5)  # Phi(2.1) from a normal table
    assert odds.probability_lower < odds.probability
    assert odds.rate_lower == pytest.approx(0.05 ** (1 / 3))


@pytest.mark.parametrize(("n", "p", "k"),
                         [(10, 0.99, 3.981), (10, 0.95, 2.911), (20, 0.99, 3.295), (5, 0.95, 4.203), (10, 0.90, 2.355)])
def test_normal_bound_matches_published_one_sided_tolerance_factors(n, p, k):
    # One-sided normal tolerance factors (95 % confidence; NIST/SEMATECH e-Handbook 7.2.6.3, Natrella 1963):
    # mean - k * sd is a 95 % lower bound of the p-quantile, i.e. the bound on P(X >= line) is p exactly
    # when mean - line = k * sd.
    assert normal_lower(100 + k * 0.05, 0.05, n, 100.0) == pytest.approx(p, abs=2e-4)


def test_normal_bound_covers_the_true_probability_95_percent_of_the_time():
    rng = np.random.default_rng(0)
    mu, sigma, n, threshold = 99.48, 0.04, 10, 99.395
    truth = 0.5 * (1 + math.erf((mu - threshold) / sigma / math.sqrt(2)))
    samples = rng.normal(mu, sigma, size=(400, n))
    covered = [normal_lower(s.mean(), s.std(ddof=1), n, threshold) <= truth for s in samples]
    assert abs(np.mean(covered) - 0.95) < 0.035  # binomial sd of the fraction is 0.011


def test_fewer_than_three_seeds_say_so_instead_of_a_number():
    odds = pass_odds([99.5, 99.6], 99.4)
    assert odds.probability is None and "at least 3" in odds.note
    assert odds.lines().startswith("odds for a new seed: 2 seed(s)") and odds.chance() == "-"


def test_verdict_carries_the_odds_and_the_table_prints_them():
    curves = {s: [99.0] * 12 + [v, v + 0.02, v + 0.01] for s, v in enumerate([99.45, 99.48, 99.50, 99.52])}
    result = judge(curves, 7568, 15, Budget())
    assert result.odds.passed == 4 and result.odds.mean == pytest.approx(99.4875)
    text = format_verdict(result, Budget())
    assert "odds for a new seed" in text and "4 of 4 seeds held" in text


def test_a_crashed_seed_fails_the_verdict_but_not_the_fit():
    curves = {0: [99.5] * 15, 1: [99.45] * 15, 2: [99.55] * 15, 3: [99.5] * 4}
    result = judge(curves, 7568, 15, Budget())
    assert not result.passed and result.odds.seeds == 3


def test_check_writes_page_and_picture_into_a_fresh_folder(tmp_path):
    curves = {s: [99.0] * 12 + [v, v + 0.02, v + 0.01] for s, v in enumerate([99.38, 99.48, 99.50])}
    result = judge(curves, 7568, 15, Budget())

    first, second = files.new_dir(tmp_path, "check-model3"), files.new_dir(tmp_path, "check-model3")  # as `check` does
    assert first != second  # never over an earlier check
    result.command = "tinydigits check --model model3"
    assert write_check(result, Budget(), "model3", first) == first
    page = (first / "check.md").read_text()
    assert "FAIL" in page and "| 0 | 99.38 | 99.40 | 99.39 | 99.38 |" in page and "Clopper-Pearson" in page
    assert (first / "check.png").read_bytes()[:4] == b"\x89PNG"
    assert json.loads((first / "check.json").read_text())["odds"]["passed"] == 2
