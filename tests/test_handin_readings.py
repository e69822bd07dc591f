"""Readings a grader checks against the records: an averaged (EMA) step's fit, two scores of one test set compared
by a yardstick named as loose, a slow first epoch, a last-epoch rise with the dip before it, a Target's reason that
several changes together cannot show, the advice against regularisation said for an under-fit only, and a change
outside the step before's advice said as such."""

from __future__ import annotations

from test_handin import SHORT, _step
from tinydigits.results import steps as rules

FLAT = [97.0 + 0.1 * i for i in range(12)] + [99.5, 99.52, 99.51]


def test_an_averaged_steps_fit_is_not_read_from_live_train_against_averaged_test():
    """Train of the live weights and test of their EMA are two sets of weights: the step is not under-fitting (train
    reached the line), and over-fitting is said not to be measured, not 'neither' from a gap of different weights."""
    ema = _step(FLAT, FLAT, ema=0.999)
    f = rules.facts(ema)
    line = rules.fit_lines(ema)[0]
    assert f.fit.label == "not under-fitting; over-fitting not measured" and line.startswith(f"**{f.fit.label}**")
    assert "compares two sets of weights" in line and "inside the test set's sampling error" not in line
    assert "no over-fit measured" in rules.next_line(ema, f)
    plain = _step(FLAT, FLAT)  # the same curve without an average: read from its gap as before
    assert rules.facts(plain).fit.label == "" and "inside the test set's sampling error" in rules.fit_lines(plain)[0]
    short = [90.0 + 0.1 * i for i in range(15)]  # an averaged step short of the line is under-fitting, as any
    assert rules.facts(_step(short, short, ema=0.999)).fit.diagnosis == "under-fitting"


def test_two_scores_of_one_test_set_are_compared_by_a_yardstick_said_to_be_loose():
    """A step's change against the step before's and a fall from one epoch to the next are two scores of the same
    digits: the independent two-score error bounds their noise from above, and the sentences say so; a change beyond
    it is beyond the paired noise too, one inside it is not settled."""
    before = _step([98.0] * 15, [98.0] * 12 + [98.5, 98.6, 98.5])
    near = _step([99.0] * 15, [98.0] * 12 + [98.55, 98.65, 98.6])  # +0.05: inside
    far = _step([99.9] * 15, [99.0] * 12 + [99.5, 99.6, 99.5])  # +1.00: beyond
    inside = "\n".join(rules.change_lines(before, near))
    assert "inside the test set's sampling error of two independent scores" in inside
    assert "two scores of the same digits vary less" in inside and "nor ruled out" in inside
    beyond = "\n".join(rules.change_lines(before, far))
    assert "beyond the test set's sampling error of two independent scores" in beyond
    assert "and so beyond the smaller noise of two scores of the same digits" in beyond
    stability = next(x for x in rules.analysis_lines(before, None) if x.startswith("- stability"))
    assert "its largest epoch-to-epoch fall of test accuracy, 0.10 points at epoch 15" in stability
    assert "two scores of the same digits vary less" in stability
    rising = _step([98.0] * 15, [90.0 + 0.5 * i for i in range(15)])
    assert "never fell" in next(x for x in rules.analysis_lines(rising, None) if x.startswith("- stability"))


def test_a_slow_first_epoch_is_said_with_its_running_train_accuracy():
    slow = _step([20.1] + FLAT[1:], [58.89] + FLAT[1:])
    start = next(x for x in rules.analysis_lines(slow, None) if x.startswith("- start"))
    assert "a slow first epoch" in start and "20.10 %" in start and "58.89 %" in start
    quick = _step([92.0] + FLAT[1:], [97.5] + FLAT[1:])
    start = next(x for x in rules.analysis_lines(quick, None) if x.startswith("- start"))
    assert "slow" not in start and "learning from the first epoch" in start


def test_a_rise_in_the_last_epoch_is_said_with_the_epochs_before_it():
    """98.64, 98.61, 98.61, 98.81: the last epoch rose, after a dip the rise alone would hide."""
    test = [97.0 + 0.1 * i for i in range(11)] + [98.64, 98.61, 98.61, 98.81]
    text = rules.facts(_step(test, test)).stall
    assert "still rose" in text and "the last 4 epochs: 98.64, 98.61, 98.61, 98.81 %" in text


def test_a_targets_reason_about_training_is_said_not_shown_where_several_changes_acted():
    before = _step([97.0] * 15, [97.0] * 15, **{**SHORT, "epochs": 15})
    reason = "batch norm after every conv, so that a one-cycle rate up to 0.1 trains without blowing up"
    several = _step([99.0] * 15, [99.0] * 15, target=reason, scheduler="onecycle", peak=0.1, batch_size=64,
                    **{k: v for k, v in SHORT.items() if k not in ("peak", "batch_size")} | {"epochs": 15})
    said = rules.target_line(before, several, rules.facts(several)) or ""
    assert '"so that a one-cycle rate up to 0.1 trains without blowing up"' in said
    assert "not that the change it names caused it" in said and "changes acted together" in said
    one = _step([99.0] * 15, [99.0] * 15, target=reason, **{**SHORT, "epochs": 15, "peak": 0.1})
    assert "reason" not in (rules.target_line(before, one, rules.facts(one)) or "")  # one change: its effect line
    mechanical = _step([99.0] * 15, [99.0] * 15, scheduler="onecycle", peak=0.1, batch_size=64,
                       target="augmentation that stops, so that the scored epochs see digits as they are",
                       **{k: v for k, v in SHORT.items() if k not in ("peak", "batch_size")} | {"epochs": 15})
    assert "reason" not in (rules.target_line(before, mechanical, rules.facts(mechanical)) or "")


def test_the_advice_against_regularisation_is_for_an_under_fit_only():
    under = _step([90.0 + 0.2 * i for i in range(15)], [90.0 + 0.2 * i for i in range(15)])
    f = rules.facts(under)
    assert f.fit.diagnosis == "under-fitting"
    assert "not regularisation or augmentation while it under-fits" in rules.next_line(under, f)


def test_a_change_outside_the_step_befores_advice_is_said_as_such():
    curve = [90.0 + 0.2 * i for i in range(15)]
    before = _step(curve, curve, batch_size=128)
    after = _step(curve, curve, batch_size=64, peak=0.2)
    text = "\n".join(rules.change_lines(before, after))
    assert "Outside that advice (neither for nor against it): batch_size 128 → 64" in text
    assert "Neither way" not in text
