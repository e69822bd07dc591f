"""Readings a grader checks against the records: an averaged (EMA) step's fit, two scores of one test set compared
by a yardstick named as loose, a slow first epoch, a last-epoch rise with the dip before it, a Target's reason that
several changes together cannot show, the advice against regularisation said for an under-fit only, and a change
outside the step before's advice said as such."""

from __future__ import annotations

import dataclasses

import pytest

from test_handin import SHORT, STUDENT_RATES, _step
from test_handin_aims import _aims, _checked
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
    assert rules.facts(plain).fit.label == "" and "inside the sampling error of the two scores" in rules.fit_lines(plain)[0]
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
    assert "its only epoch-to-epoch fall of test accuracy, 0.10 points at epoch 15" in stability  # one fall: its only
    twice = _step([98.0] * 15, [98.0] * 11 + [98.55, 98.5, 98.6, 98.5])
    assert "its largest epoch-to-epoch fall of test accuracy, 0.10 points at epoch 15" in next(
        x for x in rules.analysis_lines(twice, None) if x.startswith("- stability"))
    assert "two scores of the same digits vary less" in stability
    rising = _step([98.0] * 15, [90.0 + 0.5 * i for i in range(15)])
    assert "never fell" in next(x for x in rules.analysis_lines(rising, None) if x.startswith("- stability"))


def test_a_slow_first_epoch_is_said_with_its_running_train_accuracy():
    slow = _step([20.1] + FLAT[1:], [58.89] + FLAT[1:])
    start = next(x for x in rules.analysis_lines(slow, None) if x.startswith("- start"))
    assert ("learning began within the first epoch, not at once - its train accuracy, a running average over the epoch, "
            "20.10 %") in start
    assert "58.89 % after it" in start and "went by" not in start  # the average alone says no more than that
    quick = _step([92.0] + FLAT[1:], [97.5] + FLAT[1:])
    start = next(x for x in rules.analysis_lines(quick, None) if x.startswith("- start"))
    assert "running average" not in start and "learning from the first epoch" in start


def test_a_rise_in_the_last_epoch_is_said_with_the_epochs_before_it():
    """98.64, 98.61, 98.61, 98.81: the last epoch rose, after a dip the rise alone would hide."""
    test = [97.0 + 0.1 * i for i in range(11)] + [98.64, 98.61, 98.61, 98.81]
    text = rules.facts(_step(test, test)).stall
    assert "rose 0.17 points in the last epoch" in text and "the last 4 epochs: 98.64, 98.61, 98.61, 98.81 %" in text
    assert "still rose" not in text  # inside the two-score noise: said first, not as a gain
    beyond = [97.0 + 0.1 * i for i in range(11)] + [98.04, 98.01, 98.01, 98.81]
    assert "still rose in the last epoch, 0.77 points" in rules.facts(_step(beyond, beyond)).stall


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


def _over(step: rules.Step, params: int) -> rules.Step:
    """`step` with `params` parameters (the made-to-order steps record 7,000)."""
    return rules.Step(dataclasses.replace(step.run, params=params))


def test_a_cut_that_brings_a_net_under_the_parameter_budget_follows_the_advice_and_capacity_is_said_with_its_room():
    curve = [90.0 + 0.2 * i for i in range(15)]
    conv = {"type": "Conv2d", "in_channels": 1, "kernel_size": [3, 3], "groups": 1}
    wide = _over(_step(curve, curve, modules={"c": {**conv, "out_channels": 14}, "h": {**conv, "in_channels": 14,
                                                                                        "out_channels": 10}}), 8216)
    narrow = _step(curve, curve, modules={"c": {**conv, "out_channels": 12}, "h": {**conv, "in_channels": 12,
                                                                                   "out_channels": 10}})
    read = next(x for x in rules.change_lines(wide, narrow) if x.startswith("- read against"))
    assert ("(less capacity: it brings the net under the parameter budget, the first change advised, though the fit "
            "called for more capacity)") in read
    assert "Against it" not in read
    assert "paid for by cuts elsewhere: it is 216 parameters over the budget's 8,000 already" in rules.next_line(
        wide, rules.facts(wide))
    assert "999 parameters of room under the budget" in rules.next_line(narrow, rules.facts(narrow))


def test_the_targets_higher_harder_seeds_and_parameters_aims_are_each_judged():
    before = _step([98.0] * 15, [98.0] * 12 + [98.5, 98.6, 98.5])
    after = _step([99.9] * 15, [99.0] * 12 + [99.5, 99.6, 99.5],
                  target="train it harder for a higher end under 8,000 parameters; held on 3 seeds")
    said = rules.target_line(before, after, rules.facts(after)) or ""
    assert ('"higher": higher at its lowest and at the end (beyond the two-score sampling error at every one of epochs '
            '13-15) - the min of the last 3 epochs 98.50 → 99.50 % (+1.00, against ±0.28), the last epoch 98.50 → 99.50 % '
            '(+1.00, against ±0.28') in said
    assert '"harder": the recipe - peak rate 0.1 → 0.1, the mean of the epochs\' starting rates 0.1 → 0.1' in said
    assert "best train accuracy 98.00 → 99.90 % (seed 0), an outcome of all the changes together" in said
    assert '"under 8,000 parameters": yes (7,000 parameters)' in said
    assert '"held on 3 seeds": not judged - no check of seeds in this step' in said
    lower = _step([99.9] * 15, [98.0] * 12 + [98.4, 98.6, 98.5], target="a higher end")
    assert '"higher": not shown higher' in (rules.target_line(before, lower, rules.facts(lower)) or "")
    climbing = _step([99.0] * 15, [80.0] * 12 + [90.09, 96.83, 97.95])
    early = _step([99.0] * 15, [80.0] * 12 + [96.97, 97.84, 98.23], target="a higher end")  # +6.88, +1.01, +0.28
    said = rules.target_line(climbing, early, rules.facts(early)) or ""
    assert '"higher": higher at its lowest epoch but not shown at the end' in said
    assert "epoch by epoch +6.88, +1.01, +0.28 at epochs 13-15 (seed 0): the lead shrinks toward the end" in said


def test_steadier_after_a_step_that_never_fell_says_so():
    climbing = [90.0 + 0.5 * i for i in range(15)]
    after = _step(FLAT, FLAT, target="a steadier end")
    said = rules.target_line(_step(climbing, climbing), after, rules.facts(after)) or ""
    assert "not shown (no falls to remove) - step m's test accuracy never fell over its last 3" in said
    assert "what changed over them is their level (96.00, 96.50, 97.00 → 99.50, 99.52, 99.51 %: a span of 1.00 → 0.02" in said


def test_an_averaged_steps_plain_epochs_say_how_much_of_the_average_the_augmented_epochs_still_hold():
    """At batch 64 on 60,000 images (938 updates an epoch) an EMA of 0.999 keeps 0.999^938 = 39 % of its weight from
    before the first plain epoch: that epoch's score is not wholly of plain training."""
    step = _step(FLAT, FLAT, ema=0.999, batch_size=64, augment_degrees=12.0, augment_off_last=3,
                 target="augmentation off for the scored epochs")
    said = rules.target_line(None, step, rules.facts(step)) or ""
    shares = ", ".join(f"{100 * 0.999 ** (938 * k):.0f} %" for k in (1, 2, 3))
    assert f"about {shares} of it at the ends of epochs 13-15 (938 updates an epoch)" in said
    plain = _step(FLAT, FLAT, batch_size=64, augment_degrees=12.0, augment_off_last=3,
                  target="augmentation off for the scored epochs")
    assert "running average" not in (rules.target_line(None, plain, rules.facts(plain)) or "")


def test_train_pulling_ahead_is_named_in_the_fit_and_carried_to_the_next_steps_reading():
    """Train beyond test by more than the noise (short of 0.5) with train loss still falling while test held: 'neither
    train pulls ahead of test', in the fit, in next's label and in the next step's reading - said as what it is: not
    'neither' beside a widening gap, nor 'over-fitting' while test still improves (short of the tool's 0.5)."""
    test = [98.0 + 0.1 * i for i in range(12)] + [99.3, 99.35, 99.34]
    ahead = _step([t + 0.4 for t in test], test, loss=[0.05] * 12 + [0.04, 0.039, 0.0395])
    falling = [dataclasses.replace(e, train_loss=0.1 / e.epoch) for e in ahead.run.epochs]  # still falling at the end
    ahead = rules.Step(dataclasses.replace(ahead.run, epochs=falling))
    f = rules.facts(ahead)
    assert f.fit.label == "train pulls ahead of test"
    assert rules.next_line(ahead, f).startswith("- next (train pulls ahead of test → margin)")
    # the fit's head, above its fold, carries both yardsticks the label rests on, the noise's making below them
    from tinydigits.results.handin import folded

    head = folded(rules.fit_lines(ahead)[0])[0]
    assert f"beyond the two scores' sampling error (±{f.gap_band:.3f} at the last epoch) and below the 0.5 this tool " \
           "counts as over-fitting" in head
    after = _step(FLAT, FLAT, ema=0.999)
    read = next(x for x in rules.change_lines(ahead, after) if x.startswith("- read against"))
    assert "train pulling ahead of test, short of the 0.5 this tool calls over-fitting: no fit the advice corrects" \
        in read
    assert read.startswith("- read against step m's next (train pulls ahead of test → margin): followed in "
                           "part "
                           "(an annealed rate, augmentation: not taken up):")  # averaging alone of the three it lacked
    assert "With it (the levers it named for the margin): ema none → 0.999 (averaging)" in read
    decayed = next(x for x in rules.change_lines(ahead, _step(FLAT, FLAT, weight_decay=5e-4))
                   if x.startswith("- read against"))  # no lever the margin named: not taken up
    assert "margin): not taken up:" in decayed and "Outside that advice" in decayed


def test_the_margin_asks_for_a_steadier_end_only_after_a_fall_beyond_the_noise():
    steady = _step(FLAT, FLAT)
    assert "- a higher end of the curve" in rules.next_line(steady, rules.facts(steady))
    wobbly = FLAT[:12] + [99.5, 98.9, 99.45]
    fell = _step(wobbly, wobbly)
    assert "a steadier, higher end of the curve" in rules.next_line(fell, rules.facts(fell))


def test_changes_against_the_advice_that_came_with_a_gain_say_so():
    under = [90.0 + 0.2 * i for i in range(15)]
    regularised = _step([92.0 + 0.2 * i for i in range(15)], [93.0 + 0.2 * i for i in range(15)], label_smoothing=0.1)
    read = next(x for x in rules.change_lines(_step(under, under), regularised) if x.startswith("- read against"))
    assert "Against it: label_smoothing" in read and "The step gained all the same, its changes together" in read


def test_a_learning_aim_says_the_epochs_at_chance_before_it_learned():
    late = _step([10.0, 11.0, 12.0, 20.0, 45.0], [11.0, 11.4, 14.2, 19.8, 43.6], target="to see whether it learns",
                 **SHORT)
    said = rules.target_line(None, late, rules.facts(late)) or ""
    assert '"learns": it did (best train 45.00 %, best test 43.60 %, after 4 epochs near chance)' in said


def test_test_leading_train_at_an_epoch_says_why_it_can():
    test = [97.0 + 0.1 * i for i in range(12)] + [98.6, 98.6, 98.81]
    step = _step([t + 0.1 for t in test[:-1]] + [98.78], test)
    assert "(the train figure is a running average over the epoch, test is scored after it)" in rules.facts(step).fit.why


def test_a_check_steps_next_leads_with_its_lowest_seeds_margin():
    shown = _step(FLAT, FLAT, ema=0.999)
    check = _checked(shown, {0: FLAT, 1: FLAT[:12] + [99.43, 99.49, 99.51], 2: FLAT})
    said = rules.next_line(check, rules.facts(check))
    assert "the check's lowest seed, 1, is 0.03 points above the line (99.43 %); seed 0, shown: the lowest" in said


def test_stability_says_the_span_of_the_scored_epochs_and_its_direction():
    rising = _step([98.0] * 15, [90.0 + 0.5 * i for i in range(15)])
    line = next(x for x in rules.analysis_lines(rising, None) if x.startswith("- stability"))
    assert "spanned 1.00 points (96.00-97.00 %), rising at every epoch" in line and "moved" not in line


def test_train_ahead_on_the_mean_is_said_epoch_by_epoch_and_a_lagging_train_figure_only_where_test_leads():
    """A gap that shrinks 6.46 → 1.00 → 0.58 is said as that, not as its mean alone; 'the train figure lags the
    weights' explains test ahead of train, so it is not said where train leads."""
    test = [60.0, 80.0, 90.09, 96.83, 97.95]
    ahead = _step([60.0, 85.0, 96.55, 97.83, 98.53], test, **SHORT)
    why = rules.facts(ahead).fit.why
    assert "(+6.46, +1.00, +0.58 at epochs 3-5)" in why and "lags the weights" not in why
    averaged = _step([60.0, 85.0, 95.0, 96.0, 98.0], [60.0, 80.0, 96.97, 97.84, 98.23], ema=0.99, **SHORT)
    why = rules.facts(averaged).fit.why
    assert "both lag the weights at the epoch's end, by different amounts" in why


def test_digits_a_run_has_not_learned_are_said_and_the_learning_aim_names_them():
    from tinydigits.training.runfolder import ClassRow

    step = _step([20.0, 25.0, 30.0, 35.0, 45.0], [25.0, 30.0, 35.0, 40.0, 43.59], target="whether it learns", **SHORT)
    rows = [ClassRow(d, 0.0 if d in (0, 3) else 90.0, 980 if d in (0, 3) else 98, 980) for d in range(10)]
    step = rules.Step(dataclasses.replace(step.run, per_class=rows))
    text = "\n".join(rules.analysis_lines(step, None))
    assert "- digits not learned yet (fewer than 50 % of a digit's test images right at the last epoch; per_class.csv): " \
           "0 (0.00 % of 980), 3 (0.00 % of 980)." in text
    assert "not yet digits 0, 3" in (rules.target_line(None, step, rules.facts(step)) or "")


def test_a_net_that_sat_at_chance_is_advised_a_sooner_start_before_capacity():
    late = _step([10.0, 11.0, 12.0, 20.0, 45.0], [11.0, 11.4, 14.2, 19.8, 43.6], **SHORT)
    f = rules.facts(late)
    advice = rules.next_line(late, f)
    assert "it sat near chance in epochs 1-4, so a sooner start comes first: a higher" in advice
    assert advice.index("a higher") < advice.index("more capacity")


def test_an_under_fit_that_already_has_regularisation_is_not_told_it_as_if_it_had_none():
    curve = [90.0 + 0.2 * i for i in range(15)]
    smoothed = _step(curve, curve, label_smoothing=0.05, augment_degrees=8.0)
    advice = rules.next_line(smoothed, rules.facts(smoothed))
    assert ("not more regularisation or augmentation while it under-fits (it has label smoothing, augmentation "
            "already): they pay off once a net fits its training digits, a rule of thumb, not a reading of these runs"
            ) in advice
    # a rule, not a reading: no claim of what those it has did to its fit (the comparison with the step before reads
    # that from the runs, and may find no hold-back)
    assert "harder" not in advice


def test_batch_norm_after_every_conv_is_judged_from_the_layers():
    conv = {"type": "Conv2d", "in_channels": 1, "out_channels": 8, "kernel_size": [3, 3], "groups": 1}
    modules = {"c1": conv, "bn1": {"type": "BatchNorm2d"}, "head": {**conv, "in_channels": 8}}
    step = _step(FLAT, FLAT, modules=modules, target="batch norm after every conv")
    said = rules.target_line(None, step, rules.facts(step)) or ""
    assert ('"batch norm after every conv": all but the head: after 1 of its 2 convs (none after head, the last conv, '
            'whose outputs are the class scores') in said
    # a conv in the middle without it: in part, the bare ones named
    middle = {"c1": conv, "c2": {**conv, "in_channels": 8}, "bn2": {"type": "BatchNorm2d"}, "head": {**conv, "in_channels": 8}}
    step = _step(FLAT, FLAT, modules=middle, target="batch norm after every conv")
    said = rules.target_line(None, step, rules.facts(step)) or ""
    assert '"batch norm after every conv": in part: after 1 of its 3 convs (none after c1, head)' in said


def test_a_targets_layout_and_pipeline_are_judged_from_the_recorded_layers():
    conv = {"type": "Conv2d", "in_channels": 1, "out_channels": 8, "kernel_size": [3, 3], "groups": 1}
    one = {**conv, "kernel_size": [1, 1]}
    modules = {"c1": conv, "b1": {"type": "BatchNorm2d"}, "c2": conv, "b2": {"type": "BatchNorm2d"},
               "pool": {"type": "MaxPool2d"}, "c3": conv, "b3": {"type": "BatchNorm2d"},
               "gap": {"type": "AdaptiveAvgPool2d"}, "head": one}
    step = _step(FLAT, FLAT, modules=modules, target="a working pipeline: three 3x3 convs with one max-pool after the "
                                                     "second, GAP and a 1x1 head; batch norm after each of the 3x3 convs")
    said = rules.target_line(None, step, rules.facts(step)) or ""
    assert '"a working pipeline": it ran end to end (15 epochs trained, each tested after it' in said
    assert '"three 3x3 convs": yes (3 3x3 convs)' in said
    assert '"one max-pool after the second": yes (1 max-pool, after conv 2)' in said
    assert '"GAP": yes' in said and '"1x1 head": yes (the last conv, head, 1→8 1x1)' in said
    assert '"batch norm after each of the 3x3 convs": yes: after 3 of its 3 3x3 convs' in said
    wrong = _step(FLAT, FLAT, modules=modules, target="five 3x3 convs, one max-pool after the first, a 1x1 head")
    said = rules.target_line(None, wrong, rules.facts(wrong)) or ""
    assert '"five 3x3 convs": no (3 3x3 convs)' in said and '"one max-pool after the first": no' in said


def test_train_as_a_figures_name_in_a_target_is_no_aim_to_train():
    step = _step(FLAT, FLAT, target="a higher end of a curve with train pulling ahead of test")
    assert '"train"' not in (rules.target_line(None, step, rules.facts(step)) or "")
    step = _step(FLAT, FLAT, target="batch norm so that it trains")
    assert '"trains": it did' in (rules.target_line(None, step, rules.facts(step)) or "")
    # a qualified aim is judged as its qualifier says ("faster", "without blowing up"), not as a bare "trains" beside it
    for aim in ("so that a higher rate trains faster", "so that a one-cycle rate trains without blowing up"):
        step = _step(FLAT, FLAT, target=aim)
        assert '"trains"' not in (rules.target_line(None, step, rules.facts(step)) or ""), aim


def test_a_rise_is_said_with_its_size_and_its_loss_and_a_rising_span_with_each_epochs_gain():
    test = [90.0 + 0.5 * i for i in range(14)] + [99.0]
    loss = [0.1 - 0.002 * i for i in range(15)]
    f = rules.facts(_step(test, test, loss=loss))
    assert "test accuracy still rose in the last epoch, 2.50 points above its best before" in f.stall
    assert "test loss 0.0740 → 0.0720 in that epoch" in f.stall
    stability = next(x for x in rules.analysis_lines(_step(test, test), None) if x.startswith("- stability"))
    assert "rising at every epoch (+0.50, +2.50)" in stability


def test_a_rise_a_hair_inside_the_loose_yardstick_is_said_to_settle_nothing():
    """A rise of 0.39 against ±0.393 is 'just inside' a bound that is loose from above: the tighter noise of two scores
    of the same digits could put it beyond, so the sentence says the edge settles nothing either way."""
    test = [90.0 + 0.5 * i for i in range(14)]
    from tinydigits.results.steps.curves import fall_noise

    edge = test[-1] + fall_noise(test[-1], test[-1] + 0.5) - 0.004
    stall = rules.facts(_step(test + [edge], test + [edge])).stall
    assert "just inside the test set's sampling error of two independent scores" in stall
    assert "a rise at the edge of a yardstick loose from above: not settled either way" in stall
    clear = rules.facts(_step(test + [test[-1] + 0.1], test + [test[-1] + 0.1])).stall
    assert "inside" in clear and "not settled either way" not in clear


def test_a_smoothed_runs_epoch_log_says_its_train_loss_carries_the_smoothing():
    from tinydigits.results import handin

    assert round(handin.smoothing_floor(0.05), 3) == 0.282  # the smoothed target's entropy over 10 classes
    block = "\n".join(handin.step_block(0, _step(FLAT, FLAT, label_smoothing=0.05, peak=0.1), None, {}))
    assert "its loss with label smoothing 0.05 (it cannot fall below 0.28; test loss is plain cross-entropy)" in block
    assert "label smoothing" not in "\n".join(handin.step_block(0, _step(FLAT, FLAT, peak=0.1), None, {})).split("Epoch log")[1]


def test_a_change_of_the_code_that_trained_a_step_is_listed_and_makes_the_comparison_unlike():
    def trained_by(step: rules.Step, commit: str) -> rules.Step:
        env = {"tinydigits": "0.1.0", "torch": "2.13.0+cpu", "git_commit": commit}
        return rules.Step(dataclasses.replace(step.run, environment=env))

    before = trained_by(_step(FLAT, FLAT), "abb710e" + "0" * 33)
    after = trained_by(_step(FLAT, FLAT, peak=0.2), "792e255" + "0" * 33)
    text = "\n".join(rules.change_lines(before, after))
    assert "what trained it: tinydigits commit abb710e → 792e255 (not a setting" in text
    assert "**not like for like** (tinydigits commit abb710e → 792e255" in text
    same = trained_by(_step(FLAT, FLAT, peak=0.2), "abb710e" + "0" * 33)
    assert "tinydigits commit" not in "\n".join(rules.change_lines(before, same))


def test_a_net_over_the_budget_that_sat_at_chance_comes_under_the_budget_before_a_sooner_start():
    late = _over(_step([10.0, 11.0, 12.0, 20.0, 45.0], [11.0, 11.4, 14.2, 19.8, 43.6], **SHORT), 8216)
    assert "so a sooner start comes next, after coming under the budget: " in rules.next_line(late, rules.facts(late))


def test_a_smoothed_runs_loss_panel_says_its_train_loss_carries_the_smoothing():
    from tinydigits.results import report
    from tinydigits.results.figures import plt

    run = _step(FLAT, FLAT, label_smoothing=0.05, peak=0.1).run
    marks = report.CurveMarks.of(run, course=False)
    fig = report.curves_figure(run.epochs, marks)
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    plt.close(fig)
    assert "train (with label smoothing 0.05)" in labels
    averaged = _step(FLAT, FLAT, ema=0.999, peak=0.1).run  # beside an averaged test: which weights train is of
    fig = report.curves_figure(averaged.epochs, report.CurveMarks.of(averaged, course=False))
    labels = [t.get_text() for ax in fig.axes[:2] if ax.get_legend() for t in ax.get_legend().get_texts()]
    plt.close(fig)
    assert "train (live weights)" in labels and "test (EMA of the weights)" in labels


def test_regularisation_against_an_under_fits_advice_is_read_from_the_same_start_run():
    """Where the steps started from the same weights, the fit the regularisation cost is read from their train figures,
    not asserted by the rule alone; a gap of an under-fitting step is no effect to report."""
    under = [60.0, 80.0, 90.09, 96.83, 97.95]
    before = _step([60.0, 85.0, 96.55, 97.83, 98.53], under, **SHORT)
    after = _step([60.0, 85.0, 96.33, 97.60, 98.52], [55.0, 80.0, 96.97, 97.84, 98.23], label_smoothing=0.05, **SHORT)
    sha = {"architecture": {**before.run.architecture, "init_sha256": "ab" * 32}}
    before, after = (rules.Step(dataclasses.replace(s.run, **sha)) for s in (before, after))
    text = "\n".join(rules.change_lines(before, after))
    assert ("its train accuracy over the last 3 epochs 96.55, 97.83, 98.53 → 96.33, 97.60, 98.52 %, at most 0.23 "
            "points lower") in text
    assert "train minus test" not in text.split("its effect")[1]
    rotated = _step([60.0, 85.0, 96.33, 97.60, 98.52], [55.0, 80.0, 96.97, 97.84, 98.23], augment_degrees=8.0,
                    augment_off_last=1, **SHORT)  # epochs 3-4 of a harder task: only epoch 5 compares
    rotated = rules.Step(dataclasses.replace(rotated.run, **sha))
    text = "\n".join(rules.change_lines(before, rotated))
    assert "at epochs 3-4 a train figure is of augmented digits" in text
    assert "only the plain epoch compares like for like: 0.01 points lower, inside the sampling error of two scores" in text
    assert "no hold-back shown there" in text and "0.23" not in text


def test_the_scored_epoch_where_test_lagged_train_most_is_named():
    test, train = [60.0, 80.0, 89.28, 90.09, 96.83], [60.0, 85.0, 89.40, 96.55, 97.83]
    step = _step(train, test, lr=[0.01, 0.09, 0.0899, 0.054, 0.016], peak=0.1, scheduler="onecycle", **{
        k: v for k, v in SHORT.items() if k != "peak"})
    line = next(x for x in rules.analysis_lines(step, None) if x.startswith("- stability"))
    assert ("of the scored epochs, test lagged train most at epoch 4: train +7.15, test +0.81 points that epoch (a lag "
            "of 6.34)") in line and "rate" not in line.split("lagged")[1]


def test_an_epoch_below_the_chance_mark_whose_loss_had_fallen_is_not_counted_at_chance():
    late = _step([10.0, 11.0, 12.0, 20.0, 45.0], [11.0, 11.4, 14.2, 19.76, 43.6], target="to see whether it learns",
                 loss=[2.3018, 2.2995, 2.2915, 2.1715, 1.6], **SHORT)
    start = next(x for x in rules.analysis_lines(late, None) if x.startswith("- start"))
    assert "epochs 1-3 near chance" in start and rules.facts(late).start == [1, 2, 3]
    assert ("Epoch 4, still below 20 % (19.76 %), is not counted: its test loss, 2.1715, was already at or below 2.2, "
            "so learning had begun.") in start
    aims = rules.target_line(None, late, rules.facts(late)) or ""
    assert "after 3 epochs near chance" in aims and "by accuracy alone" not in aims


def test_an_under_fit_still_learning_at_a_constant_rate_is_advised_a_faster_pace_before_capacity():
    test = [90.0 + 0.5 * i for i in range(15)]
    rising = _step([t - 0.1 for t in test], test, lr=[0.01] * 15, peak=0.01)
    rising = rules.Step(dataclasses.replace(rising.run, epochs=[dataclasses.replace(e, train_loss=1 / e.epoch)
                                                                 for e in rising.run.epochs]))
    advice = rules.next_line(rising, rules.facts(rising))
    assert "it still learned at the end at a constant rate (test still rose, train loss falling at every epoch), so a " \
           "faster pace comes first: a higher or scheduled learning rate" in advice
    assert advice.index("learning rate") < advice.index("more capacity")
    # a best 2 epochs before the end, too near it to read a stall, with the second half still rising beyond its
    # slope's error: still learning, so the pace still comes first (the progress line says the same rise)
    late = [90.0 + 0.6 * i for i in range(13)] + [97.1, 97.15]
    peaked = _step([t - 0.1 for t in late], late, lr=[0.01] * 15, peak=0.01)
    peaked = rules.Step(dataclasses.replace(peaked.run, epochs=[dataclasses.replace(e, train_loss=1 / e.epoch)
                                                                 for e in peaked.run.epochs]))
    f = rules.facts(peaked)
    assert f.stall.startswith("still rising over its second half (epochs 8-15")
    advice = rules.next_line(peaked, f)
    assert "it still learned at the end at a constant rate (test still rising over its second half (epochs 8-15: " \
           in advice and advice.index("learning rate") < advice.index("more capacity")


def test_an_averaged_steps_fit_draws_no_over_fit_reading_from_train_against_test():
    test = FLAT[:12] + [99.56, 99.54, 99.55]
    ema = _step([98.0] * 12 + [99.48, 99.56, 99.61], test, ema=0.999, loss=[0.015] * 15)
    ema = rules.Step(dataclasses.replace(ema.run, epochs=[dataclasses.replace(e, train_loss=1 / e.epoch)
                                                          for e in ema.run.epochs]))
    assert "without gaining on the test digits" not in rules.fit_lines(ema)[0]


def test_lighter_says_where_the_parameters_went_by_kind_of_layer():
    conv = {"type": "Conv2d", "in_channels": 1, "kernel_size": [3, 3], "groups": 1}
    wide = _step(FLAT, FLAT, modules={"c": {**conv, "out_channels": 14, "bias": True}})
    narrow = _step(FLAT, FLAT, target="lighter", modules={"c": {**conv, "out_channels": 12, "bias": False},
                                                          "bn": {"type": "BatchNorm2d", "num_features": 12}})
    narrow = rules.Step(dataclasses.replace(narrow.run, params=7000 - 140 + 24))
    said = rules.target_line(wide, narrow, rules.facts(narrow)) or ""
    assert ": BatchNorm2d +24, Conv2d bias -14, Conv2d weights -18)" in said  # 14x9+14 → 12x9, batch norm 2 x 12


def test_a_scored_minimum_at_the_peaks_height_asks_a_change_of_the_rates_course_with_no_direction():
    test, rates = [60.0, 80.0, 89.3, 96.8, 97.9], [0.01, 0.0925, 0.0899, 0.0544, 0.016]
    hot = _step([61.0, 85.0, 96.5, 97.8, 98.5], test, lr=rates, peak=0.1, scheduler="onecycle",
                **{k: v for k, v in SHORT.items() if k != "peak"})
    said = rules.next_line(hot, rules.facts(hot))
    assert "a change to the rate's course around the scored epochs, which way untested: its lowest scored epoch, 3, " \
           "started at 90 % of the peak rate 0.1, and test gained +9.30 points there while train gained +11.50 (one " \
           "run of one schedule: whether the rate made that epoch low is not tested, and neither a lower rate there" \
           in said and "a higher peak rate" not in said
    alike = _step([61.0, 85.0, 89.4, 96.9, 98.0], test, lr=rates, peak=0.1, scheduler="onecycle",
                  **{k: v for k, v in SHORT.items() if k != "peak"})  # train rose as test did into epoch 3
    assert "the rate down before" not in rules.next_line(alike, rules.facts(alike))
    averaged = _step([61.0, 85.0, 96.5, 97.8, 98.5], test, lr=rates, peak=0.1, scheduler="onecycle", ema=0.99,
                     **{k: v for k, v in SHORT.items() if k != "peak"})  # an averaged test lags live train by design
    assert "the rate down before" not in rules.next_line(averaged, rules.facts(averaged))


def test_a_check_steps_progress_says_its_lowest_seeds_course_over_the_scored_epochs():
    shown = _step(FLAT, FLAT, ema=0.999)
    check = _checked(shown, {0: FLAT, 1: FLAT[:12] + [99.43, 99.49, 99.51]})
    progress = next(x for x in rules.analysis_lines(check, None) if x.startswith("- progress"))
    assert "the check's lowest seed, 1, over the scored epochs: 99.43, 99.49, 99.51 %, rising at every epoch" in progress


def test_an_averaged_steps_unmeasured_gap_is_said_epoch_by_epoch_too():
    ema = _step([98.0] * 12 + [99.48, 99.56, 99.61], FLAT[:12] + [99.56, 99.54, 99.55], ema=0.999)
    assert "-0.08, +0.02, +0.06 epoch by epoch) compares two sets of weights" in rules.fit_lines(ema)[0]


def test_a_train_figure_under_augmentation_is_said_harder_without_a_measured_lowering():
    """A run that never scored its training digits plain cannot say how much augmentation lowered its train figure:
    the fit says the figure is of a harder task, the size not measured - under-fitting and test-ahead alike."""
    short = [90.0 + 0.2 * i for i in range(15)]
    under = "\n".join(rules.fit_lines(_step(short, short, augment_degrees=8.0)))
    assert "measured with augmentation (degrees 8) in force" in under and "not measured" in under
    assert "lowers it" not in under
    ahead = "\n".join(rules.fit_lines(_step([a - 0.3 for a in FLAT], FLAT, augment_degrees=8.0)))
    assert "test above train" in ahead and "lowered the train figure" not in ahead
    assert "can account for it" in ahead and "by how much is not measured" in ahead


def test_a_one_cycle_runs_momentum_is_said_as_the_schedule_cycles_it_not_as_set():
    """One-cycle cycles SGD's momentum against the rate, overriding the one set: the recipe says the range the
    optimiser actually used (read from the scheduler itself here), and a schedule change says the momentum moved."""
    import torch

    from tinydigits.training.config import TrainConfig
    from tinydigits.training.factories import make_optimizer, make_scheduler

    cfg = TrainConfig(optimizer="sgd", lr=0.1, momentum=0.9, scheduler="onecycle")
    opt = make_optimizer(cfg, [torch.nn.Parameter(torch.zeros(1))])
    sched, _ = make_scheduler(cfg, opt, 100)
    seen = []
    for _ in range(99):
        seen.append(opt.param_groups[0]["momentum"])
        opt.step()
        sched.step()
    assert max(seen) == pytest.approx(0.95) and min(seen) == pytest.approx(0.85) and 0.9 not in seen
    said = rules.momentum_text(cfg)
    assert "0.95 at the start, 0.85 at the rate's peak, 0.95 at the end, in place of the 0.9 set" in said
    assert rules.momentum_text(TrainConfig(optimizer="sgd", momentum=0.9, scheduler="none")) == "0.9"
    curve = [90.0 + 0.2 * i for i in range(15)]
    before = _step(curve, curve, optimizer="sgd", momentum=0.9, scheduler="none")
    after = _step(curve, curve, optimizer="sgd", momentum=0.9, scheduler="onecycle")
    assert "and the momentum with it: 0.9 → cycled by one-cycle" in "\n".join(rules.change_lines(before, after))


def test_a_margin_a_hair_beyond_its_noise_is_said_just_beyond():
    """0.14 points against a ±0.135 sampling error is beyond it by 0.005: said 'just beyond', not read as clear."""
    edge = _step(FLAT[:12] + [99.55, 99.54, 99.56], FLAT[:12] + [99.55, 99.54, 99.56])
    margin = next(x for x in rules.analysis_lines(edge, None) if x.startswith("- margin"))
    assert "0.14 points above the 99.4 % line, just beyond the test set's sampling error (±0.135" in margin
    clear = _step(FLAT[:12] + [99.75, 99.74, 99.76], FLAT[:12] + [99.75, 99.74, 99.76])
    margin = next(x for x in rules.analysis_lines(clear, None) if x.startswith("- margin"))
    assert "just" not in margin and "beyond the test set's sampling error" in margin


def test_a_last_epoch_rise_inside_the_noise_rests_on_the_loss_and_a_late_plateau_says_why_it_starts_late():
    rising = _step(FLAT[:12] + [98.64, 98.61, 98.81], FLAT[:12] + [98.64, 98.61, 98.81],
                   loss=[0.05] * 12 + [0.0452, 0.0445, 0.0422])
    line = "\n".join(x for x in rules.analysis_lines(rising, None) if "progress" in x or "its best before" in x)
    assert ("rose 0.17 points in the last epoch above its best before, inside the test set's sampling error of two "
            "independent scores") in line
    assert "the test loss's fall shows it still learned" in line
    flat_loss = _step(FLAT[:12] + [98.64, 98.61, 98.81], FLAT[:12] + [98.64, 98.61, 98.81], loss=[0.05] * 15)
    assert "a rise not shown beyond that noise" in rules.stall_text(flat_loss.run.test(), [0.05] * 15)
    # best at epoch 12, test loss still falling by more than 2 % after it, flat after epoch 13
    test, loss = [99.0] * 11 + [99.57, 99.5, 99.55, 99.54, 99.55], [0.02] * 11 + [0.0150, 0.0147, 0.0147, 0.0146, 0.0146]
    said = rules.stall_text(test, loss)
    assert said.startswith("after epoch 13") and "counted from epoch 13, not the best epoch 12" in said


def test_a_train_lead_that_narrowed_every_epoch_is_said_with_its_last_epoch():
    test = [60.0, 80.0, 90.09, 96.83, 97.95]
    narrowing = _step([60.0, 85.0, 96.55, 97.83, 98.53], test, **SHORT)  # +6.46, +1.00, +0.58
    fit = rules.fit_lines(narrowing)[0]
    assert "train leads test by 2.68 points" in fit
    assert "narrowing every epoch to +0.58 at the last: the mean leans on epoch 3" in fit
    steady = _step([t + 0.6 for t in test], test, **SHORT)
    assert "narrowing" not in rules.fit_lines(steady)[0]


def test_a_first_epoch_that_moved_beyond_the_noise_is_said_in_the_effect():
    before = _step([60.0, 85.0, 96.55, 97.83, 98.53], [64.95, 80.0, 90.09, 96.83, 97.95], **SHORT)
    averaged = _step([60.0, 85.0, 96.33, 97.60, 98.52], [38.62, 80.0, 96.97, 97.84, 98.23], ema=0.99, **SHORT)
    effect = next(x for x in rules.change_lines(before, averaged) if x.startswith("- its effect"))
    assert ("epoch 1's test accuracy 64.95 → 38.62 % (-26.33, seed 0) (m's figure is of its weights' running average "
            "(EMA") in effect
    assert "which after epoch 1 still owes" in effect
    # the ramp's first decay is 0: the average forgets the starting weights at its first update, and says so
    from tinydigits.training.factories import ema_decay

    assert ema_decay(0.99, 0) == 0.0 and "(the start itself none: its first decay is 0)" in effect
    alike = _step([60.0, 85.0, 96.33, 97.60, 98.52], [65.0, 80.0, 96.97, 97.84, 98.23], **SHORT)
    assert "epoch 1's" not in next(x for x in rules.change_lines(before, alike) if x.startswith("- its effect"))


def test_a_one_cycle_rate_says_where_its_last_batch_ended():
    """The epoch log's rates are each epoch's start; a one-cycle anneals on within the last epoch, and its last batch's
    rate (replayed from the settings, trusted where it meets the log) is said with them."""
    from tinydigits.training.factories import replay_rates

    recipe = {"optimizer": "sgd", "momentum": 0.9, "scheduler": "onecycle", "batch_size": 64, "peak": 0.1}
    first = _step(FLAT, FLAT, **recipe)
    replay = replay_rates(first.run.settings, first.run.train_images, first.run.budget.last)
    run = _step(FLAT, FLAT, lr=[r[0] for r in replay], **recipe).run  # the log as the run would record it
    assert rules.rate_text(run).endswith(f"at the last epoch's start, {replay[-1][-1]:.2g} by its last batch")
    assert replay[-1][-1] < run.epochs[-1].lr
    off = _step(FLAT, FLAT, lr=[0.1] * 15, **recipe).run  # a log the replay does not meet: nothing said of it
    assert "last batch" not in rules.rate_text(off)


def test_an_averaged_steps_live_train_figures_compare_with_the_step_befores_where_both_are_plain():
    """Test of an EMA beside test of live weights is no like-for-like gap, but train is of the live weights in both: over
    scored epochs neither augmented, the train figures compare, and the effect says how they moved."""
    before = _step(FLAT[:12] + [99.71, 99.78, 99.79], FLAT)
    after = _step(FLAT[:12] + [99.48, 99.56, 99.61], FLAT, ema=0.999, augment_degrees=12.0, augment_off_last=3)
    effect = next(x for x in rules.change_lines(before, after) if x.startswith("- its effect"))
    assert ("their train figures, both of the live weights on plain digits in the scored epochs, do compare: 99.71, "
            "99.78, 99.79 → 99.48, 99.56, 99.61 % at epochs 13-15 (lower; seed 0): the live weights fit their own digits "
            "less closely") in effect
    augmented = _step(FLAT[:12] + [99.48, 99.56, 99.61], FLAT, ema=0.999, augment_degrees=12.0, augment_off_last=1)
    effect = next(x for x in rules.change_lines(before, augmented) if x.startswith("- its effect"))
    assert "do compare" not in effect  # epochs 13-14 of a harder task: not like for like


def test_a_targets_no_batch_norm_no_regularisation_and_constant_rate_are_judged():
    conv = {"type": "Conv2d", "in_channels": 1, "out_channels": 8, "kernel_size": [3, 3], "groups": 1}
    target = "five 3x3 convs; no batch norm, no regularisation, a constant rate"
    plain = _step(FLAT, FLAT, modules={"c1": conv}, lr=[0.01] * 15, target=target)
    said = rules.target_line(None, plain, rules.facts(plain)) or ""
    assert '"no batch norm": yes (none in its layers)' in said and '"a constant rate": yes (0.01 at every' in said
    assert '"no regularisation": yes (no dropout, weight decay, label smoothing or augmentation)' in said
    busy = _step(FLAT, FLAT, modules={"c1": conv, "bn": {"type": "BatchNorm2d"}}, lr=[0.01] * 14 + [0.001],
                 weight_decay=5e-4, target=target)
    said = rules.target_line(None, busy, rules.facts(busy)) or ""
    assert '"no batch norm": no (1 in its layers)' in said and '"no regularisation": no (it has weight decay)' in said
    assert '"a constant rate": no (0.001-0.01' in said


def test_still_learning_at_a_constant_rate_rests_on_the_loss_where_the_rise_is_inside_the_noise():
    test = FLAT[:12] + [98.64, 98.61, 98.81]  # +0.17 at the end: inside the ±0.32 of two scores
    rising = _step([t - 0.1 for t in test], test, lr=[0.01] * 15, peak=0.01, loss=[0.05] * 12 + [0.0452, 0.0445, 0.0422])
    rising = rules.Step(dataclasses.replace(rising.run, epochs=[dataclasses.replace(e, train_loss=1 / e.epoch)
                                                                 for e in rising.run.epochs]))
    advice = rules.next_line(rising, rules.facts(rising))
    assert "still learned at the end at a constant rate (test loss still fell, train loss falling at every epoch)" in advice
    assert "test still rose" not in advice


def test_the_recipe_table_says_how_the_one_cycle_and_the_averages_ramp_are_built():
    """The config records a schedule's name and an EMA's decay; how tinydigits builds them (the cycle's start, warm-up,
    end; the decay's ramp) is said beside them, from the constants the training code uses, so a reader can check."""
    from tinydigits.results import handin
    from tinydigits.training.factories import EMA_WARMUP_POWER, ONECYCLE_DIV, ONECYCLE_FINAL_DIV, ema_decay

    run = _step(FLAT, FLAT, optimizer="sgd", momentum=0.9, scheduler="onecycle", ema=0.999, peak=0.1, batch_size=64).run
    table = handin.recipe_table(run)
    assert (f"from the peak / {ONECYCLE_DIV:g} up to the peak over the first 25 % of the batches, then a cosine anneal "
            f"to the peak / {ONECYCLE_DIV * ONECYCLE_FINAL_DIV:,g} at the last batch") in table
    ramp = f"min(0.999, 1 - (1 + n)^-{EMA_WARMUP_POWER:g})"
    assert f"0.999 (its decay at its n-th update: {ramp}, a ramp up to it; reached at epoch 11)" in table
    assert ema_decay(0.999, 0) == pytest.approx(1 - 1 ** -EMA_WARMUP_POWER) and ema_decay(0.999, 10**6) == 0.999
    from tinydigits.training.factories import replay_rates

    replay = replay_rates(run.settings, run.train_images, run.budget.last)  # what the words say, as it steps
    assert replay[0][0] == pytest.approx(0.1 / ONECYCLE_DIV) and max(max(r) for r in replay) == pytest.approx(0.1, rel=1e-3)
    assert replay[-1][-1] == pytest.approx(0.1 / (ONECYCLE_DIV * ONECYCLE_FINAL_DIV), rel=0.05)


def test_the_plain_tails_aim_says_what_the_plain_epochs_did_against_the_noise():
    """"augmentation off for the scored epochs" judged for its effect on the seed shown, not only as done: train and
    test from the last augmented epoch on, test's best change against the two-score noise, the anneal alongside."""
    train = FLAT[:11] + [98.68, 99.48, 99.56, 99.61]
    test = FLAT[:11] + [99.57, 99.56, 99.54, 99.55]
    step = _step(train, test, ema=0.999, batch_size=64, augment_degrees=12.0, augment_off_last=3,
                 target="augmentation off for the scored epochs")
    said = rules.target_line(None, step, rules.facts(step)) or ""
    assert ("what they did (seed 0): from epoch 12, the last augmented one, train 98.68 → 99.48 → 99.56 → 99.61 % (its "
            "digits plain from epoch 13), test 99.57 → 99.56 → 99.54 → 99.55 % (at best -0.01, inside the two-score "
            "sampling error ±0.19); the rate anneals over the same epochs") in said


def test_the_confusions_say_which_digit_cost_most_by_share_beside_the_step_befores():
    from tinydigits.training.runfolder import ClassRow

    def rows(errors: dict[int, int]) -> list[ClassRow]:
        return [ClassRow(d, 100 * (1000 - errors.get(d, 1)) / 1000, errors.get(d, 1), 1000) for d in range(10)]

    before, after = _step(FLAT, FLAT), _step(FLAT, FLAT)
    before.run.per_class, after.run.per_class = rows({8: 19, 7: 19}), rows({6: 15})
    from tinydigits.results.steps.analysis import _weakest

    said = _weakest(after, before)
    assert said == ("; the digit with the lowest accuracy: 6 (98.50 % right, 15 errors); the step before's: 7 "
                    "(98.10 % right, 19 errors), tied with 8")


def test_an_averaged_steps_test_pictures_say_they_are_of_the_averaged_weights():
    from tinydigits.results import handin
    from tinydigits.training.runfolder import ClassRow

    step = _step(FLAT, FLAT, ema=0.999)
    step.run.per_class = [ClassRow(d, 99.0, 10, 1000) for d in range(10)]
    for name in ("per_class.png", "misclassified.png"):
        assert "of the weights' running average (EMA), as its test figures are" in handin.picture_alt(name, step)
    assert "running average" not in handin.picture_alt("misclassified.png", _step(FLAT, FLAT))


def test_steadier_after_a_step_that_never_fell_but_nearly_stalled_says_the_stall_and_this_steps_gain_there():
    before = _step([60.0, 85.0, 89.40, 96.55, 97.83, 98.53], [60.0, 80.0, 89.28, 90.09, 96.83, 97.95], **SHORT)
    after = _step([60.0, 85.0, 89.0, 96.0, 97.5, 98.4], [60.0, 80.0, 93.52, 96.24, 97.84, 98.23],
                  target="a steadier end", **SHORT)
    said = rules.target_line(before, after, rules.facts(after)) or ""
    assert ("no fall, but step m's test nearly stalled at epoch 4 (test +0.81 while train +7.15 points); here test "
            "+2.72 points that epoch (seed 0)") in said


def test_a_change_of_label_smoothing_says_the_plain_test_loss_moved_apart_from_the_accuracy():
    before = _step(FLAT, FLAT, loss=[0.1] * 14 + [0.0741])
    smoothed = _step(FLAT, FLAT, loss=[0.2] * 14 + [0.1361], label_smoothing=0.05)
    effect = next(x for x in rules.change_lines(before, smoothed) if x.startswith("- its effect"))
    assert ("the last epoch's test loss 0.0741 → 0.1361: it is plain cross-entropy, and label smoothing 0 → 0.05 trains "
            "less sure answers, which it scores higher at the same accuracy") in effect
    assert "test loss 0.0741" not in next(x for x in rules.change_lines(before, _step(FLAT, FLAT))
                                          if x.startswith("- its effect"))


def test_an_averaged_tests_falling_loss_is_not_read_as_still_learning():
    test, loss = FLAT[:12] + [98.64, 98.61, 98.81], [0.05] * 12 + [0.0452, 0.0445, 0.0422]
    assert "the test loss's fall shows it still learned" in rules.stall_text(test, loss)
    said = rules.stall_text(test, loss, averaged=True)
    assert "which an average catching up with its live weights would also do: the loss alone does not show" in said


def test_a_checks_plain_epochs_are_said_seed_by_seed():
    flat = [99.0] * 11
    shown = _step(flat + [98.68, 99.48, 99.56, 99.61], flat + [99.57, 99.56, 99.54, 99.55], ema=0.999, batch_size=64,
                  augment_degrees=12.0, augment_off_last=3, target="augmentation off for the scored epochs")
    checked = _checked(shown, {0: flat + [99.57, 99.56, 99.54, 99.55], 1: flat + [99.38, 99.43, 99.49, 99.51]})
    said = rules.target_line(None, checked, rules.facts(checked)) or ""
    assert "the check's 2 seeds, epoch 12 → the last: seed 0 -0.02, seed 1 +0.13" in said
    assert "their mean 99.47 → 99.50 → 99.52 → 99.53 %" in said
    assert "below the line before" not in said and "these runs cannot split the two" in said  # no seed picked out


def test_a_train_loss_pulling_away_says_where_the_parting_began():
    test = [97.0 + 0.1 * i for i in range(12)] + [99.3, 99.35, 99.34]
    train_loss = [0.3, 0.06, 0.046, 0.037, 0.033, 0.028, 0.026, 0.022, 0.020, 0.0175, 0.014, 0.0121, 0.0093, 0.0077, 0.0069]
    test_loss = [0.083, 0.048, 0.043, 0.044, 0.031, 0.028, 0.025, 0.0237, 0.0222, 0.0192, 0.0202, 0.0197, 0.0189, 0.0185,
                 0.0185]
    ahead = _step([t + 0.4 for t in test], test, loss=test_loss)
    ahead = rules.Step(dataclasses.replace(ahead.run, epochs=[dataclasses.replace(e, train_loss=x)
                                                               for e, x in zip(ahead.run.epochs, train_loss, strict=True)]))
    said = rules.fit_lines(ahead)[0] + "\n".join(rules.fit_lines(ahead)[1:])
    assert ("train loss has fallen faster than test loss since epoch 8, where it went below test loss for good: train "
            "0.0220 → 0.0069 (-69 %, a running average in train mode), test 0.0237 → 0.0185 (-22 %)") in said
    assert "while test held" not in said  # its best at epoch 14 of 15: too near the end to read a stall after it


def test_a_folded_bullet_keeps_more_than_its_label_above_the_fold():
    from tinydigits.results import handin

    label = "- progress (seed 0, the one shown): "
    body = "after epoch 13 test accuracy stayed below its best, 0.02 points under it at the closest (" + " ".join(
        ["word"] * 70) + "); and more after it"
    head = handin.folded(label + body)[0]
    assert head.startswith(label + "after epoch 13 test accuracy stayed below its best") and head.endswith(" …")


def test_curves_png_draws_a_smoothed_runs_train_loss_floor_and_steadier_names_an_averaged_curve():
    from tinydigits.results import report
    from tinydigits.results.figures import plt

    run = _step(FLAT, FLAT, label_smoothing=0.05, peak=0.1).run
    fig = report.curves_figure(run.epochs, report.CurveMarks.of(run, course=False))
    floors = [line for line in fig.axes[0].get_lines() if line.get_linestyle() == ":"]
    plt.close(fig)
    assert len(floors) == 1 and floors[0].get_ydata()[0] == pytest.approx(report.smoothing_floor(0.05))
    before = _step([60.0, 85.0, 89.40, 96.55, 97.83, 98.53], [60.0, 80.0, 89.28, 90.09, 96.83, 97.95], **SHORT)
    after = _step([60.0, 85.0, 89.0, 96.0, 97.5, 98.4], [60.0, 80.0, 93.52, 96.24, 97.84, 98.23], ema=0.99,
                  target="a steadier end", **SHORT)
    said = rules.target_line(before, after, rules.facts(after)) or ""
    assert "smooths a test curve by itself: how much of that epoch's figure is the average's, these runs cannot tell" in said


def test_batch_norm_added_with_no_channels_says_it_folds_into_the_convs():
    conv = {"type": "Conv2d", "in_channels": 1, "out_channels": 8, "kernel_size": [3, 3], "groups": 1, "bias": True}
    plain = conv | {"bias": False}
    before = _step([90.0 + 0.2 * i for i in range(15)], [90.0 + 0.2 * i for i in range(15)], modules={"c1": conv})
    before = rules.Step(dataclasses.replace(before.run, params=80))
    after = _step([99.0 + 0.05 * i for i in range(15)], [99.0 + 0.03 * i for i in range(15)],
                  modules={"c1": plain, "bn": {"type": "BatchNorm2d", "num_features": 8}})
    after = rules.Step(dataclasses.replace(after.run, params=88))
    said = "\n".join(rules.change_lines(before, after))
    assert ("no conv gained channels here (+8 parameters: batch norm +16, the rest -8; batch norm folds into the conv "
            "before it once trained") in said


def test_a_warm_up_from_the_same_first_rate_is_said_without_seeming_to_contradict_itself():
    curve = [90.0 + 0.2 * i for i in range(15)]
    before = _step(curve, curve, lr=[0.01] * 15, peak=0.01)
    after = _step(curve, curve, lr=[0.01, 0.05] + [0.1] * 13, peak=0.1, scheduler="onecycle")
    said = "\n".join(rules.change_lines(before, after))
    assert "a warm-up now - epoch 1 starts at 0.01, as before, and the rate now rises from there to its peak" in said


def test_a_targets_dropped_biases_are_judged_from_the_convs():
    conv = {"type": "Conv2d", "in_channels": 1, "out_channels": 8, "kernel_size": [3, 3], "groups": 1}
    modules = {"c1": conv | {"bias": False}, "bn": {"type": "BatchNorm2d"}, "head": conv | {"bias": True}}
    step = _step(FLAT, FLAT, modules=modules, target="batch norm, the convs' biases dropped")
    said = rules.target_line(None, step, rules.facts(step)) or ""
    assert '"biases dropped": 1 of its 2 convs carry no bias, 1 of them before batch norm (with one: head)' in said


def test_a_check_steps_progress_gives_each_seeds_last_epoch_and_a_rise_beyond_the_noise_says_so():
    flat = [90.0] * 12
    shown = _step(flat + [96.97, 97.84, 98.23], flat + [96.97, 97.84, 98.23])
    checked = _checked(shown, {0: flat + [96.97, 97.84, 98.23], 1: flat + [96.80, 98.10, 98.21]})
    progress = next(x for x in rules.analysis_lines(checked, None) if x.startswith("- progress"))
    assert "each seed's last epoch: seed 0 +0.39, seed 1 +0.11" in "\n".join(rules.analysis_lines(checked, None))
    beyond = [97.0 + 0.1 * i for i in range(11)] + [98.04, 98.01, 98.01, 98.81]
    assert ("still rose in the last epoch, 0.77 points above its best before, beyond the test set's sampling error of "
            "two independent scores (±0.35)") in rules.facts(_step(beyond, beyond)).stall
    assert progress


def test_biases_dropped_counts_the_convs_that_had_one_in_the_step_before():
    conv = {"type": "Conv2d", "in_channels": 1, "out_channels": 8, "kernel_size": [3, 3], "groups": 1}
    before = _step(FLAT, FLAT, modules={"c1": conv | {"bias": True}, "head": conv | {"bias": False}})
    after = _step(FLAT, FLAT, modules={"c1": conv | {"bias": False}, "bn": {"type": "BatchNorm2d"},
                                       "head": conv | {"bias": False}}, target="batch norm, biases dropped")
    said = rules.target_line(before, after, rules.facts(after)) or ""
    assert ('"biases dropped": 2 of its 2 convs carry no bias; 1 dropped here, 1 of them right before batch norm; head '
            "had none in the step before either") in said


def test_an_averaged_curve_that_never_fell_says_its_average_smooths_it():
    rising = [90.0 + 0.5 * i for i in range(15)]
    line = next(x for x in rules.analysis_lines(_step(rising, rising, ema=0.99), None) if x.startswith("- stability"))
    assert "never fell from one epoch to the next (of the weights' running average, EMA, which smooths" in line


def test_test_leading_train_signs_each_epoch_as_test_minus_train():
    test = FLAT[:12] + [98.51, 98.47, 98.41]  # under-fitting: the fit says which figure leads, epoch by epoch
    train = FLAT[:12] + [98.42, 98.48, 98.47]  # test ahead by 0.09, then behind by 0.01 and 0.06
    fit = "\n".join(rules.fit_lines(_step(train, test)))
    assert "test leads train by 0.01" in fit and "(+0.09, -0.01, -0.06 at epochs 13-15, test minus train)" in fit


def test_a_step_schedules_own_settings_are_said_with_the_schedule_where_it_ends():
    curve = [90.0 + 0.2 * i for i in range(15)]
    stepped = _step(curve, curve, scheduler="step", step_size=6, step_gamma=0.1)
    cycled = _step(curve, curve, scheduler="onecycle", step_size=None)
    names = [c.text.split(" ", 1)[0] for c in rules.changes(stepped, cycled)]
    assert "scheduler" in names and "step_size" not in names and "step_gamma" not in names


def test_a_targets_averaging_augmentation_and_dropout_are_judged_from_the_records():
    conv = {"type": "Conv2d", "in_channels": 1, "out_channels": 8, "kernel_size": [3, 3], "groups": 1}
    before = _step(FLAT, FLAT, modules={"c": conv, "d": {"type": "Dropout", "p": 0.05}})
    target = "weight averaging (EMA 0.99), stronger augmentation, batch norm in place of dropout"
    after = _step(FLAT, FLAT, modules={"c": conv, "bn": {"type": "BatchNorm2d"}}, ema=0.99, batch_size=128,
                  augment_degrees=8.0, target=target, train_images=6000, epochs=5)
    after = rules.Step(dataclasses.replace(after.run, epochs=after.run.epochs[:5]))
    said = rules.target_line(before, after, rules.facts(after)) or ""
    assert '"weight averaging (EMA 0.99)": in part (decay 0.99; its 235 updates ramp the decay up to it, reaching 0.983' in said
    assert ('"stronger augmentation": added, none before (degrees 0 → 8; \'stronger\' compares with nothing: the step '
            'before had none)') in said
    assert '"in place of dropout": dropout removed (Dropout layers 1 → 0; BatchNorm layers 0 → 1: 1 added)' in said
    moved = _step(FLAT, FLAT, modules={"c": conv, "bn": {"type": "BatchNorm2d"}}, target="in place of dropout")
    had = _step(FLAT, FLAT, modules={"c": conv, "bn": {"type": "BatchNorm2d"}, "d": {"type": "Dropout", "p": 0.05}})
    assert "BatchNorm layers 1 → 1: none added, the ones it had kept or moved" in (
        rules.target_line(had, moved, rules.facts(moved)) or "")
    dropped = _step(FLAT, FLAT, modules={"c": conv, "d": {"type": "Dropout", "p": 0.05}}, target="5 % dropout")
    assert '"5 % dropout": yes (1 Dropout layers, p 0.05)' in (rules.target_line(None, dropped, rules.facts(dropped)) or "")


def test_live_train_figures_with_dropout_on_are_not_compared():
    before = _step(FLAT[:12] + [99.47, 99.47, 99.47], FLAT, modules={"d": {"type": "Dropout", "p": 0.05}})
    after = _step(FLAT[:12] + [99.49, 99.56, 99.58], FLAT, ema=0.999)
    effect = next(x for x in rules.change_lines(before, after) if x.startswith("- its effect"))
    assert "do compare" not in effect


def _conv_of(c_in: int, c_out: int, k: int = 3) -> dict:
    return {"type": "Conv2d", "in_channels": c_in, "out_channels": c_out, "kernel_size": [k, k], "groups": 1}


def test_a_conv_fed_by_another_conv_now_says_its_input_and_a_reorder_leaves_a_removed_dropout_to_its_own_line():
    before = {"c1": _conv_of(1, 16), "bn1": {"type": "BatchNorm2d"}, "r1": {"type": "ReLU"}, "d1": {"type": "Dropout", "p": 0.05},
              "pool": {"type": "MaxPool2d"}, "sq": _conv_of(16, 8, 1), "c2": _conv_of(8, 16)}
    after = {"c1": _conv_of(1, 12), "pool": {"type": "MaxPool2d"}, "bn1": {"type": "BatchNorm2d"}, "r1": {"type": "ReLU"},
             "c2": _conv_of(12, 16)}
    said = "\n".join(rules.width_changes(_step(FLAT, FLAT, modules=before).run, _step(FLAT, FLAT, modules=after).run))
    assert "c2 input 8 → 12 channels, from another conv before it now (+576 weights)" in said
    order = rules.order_changes(_step(FLAT, FLAT, modules=before).run, _step(FLAT, FLAT, modules=after).run)
    assert order == ["after c1: BatchNorm2d, ReLU, MaxPool2d → MaxPool2d, BatchNorm2d, ReLU"]


def test_a_targets_named_settings_are_judged_against_the_recorded_ones():
    target = "label smoothing 0.05 and rotation up to 8 degrees; a one-cycle rate up to 0.1"
    step = _step(FLAT, FLAT, label_smoothing=0.05, augment_degrees=8.0, scheduler="onecycle", peak=0.1, target=target)
    said = rules.target_line(None, step, rules.facts(step)) or ""
    assert '"label smoothing 0.05": yes' in said and '"rotation up to 8 degrees": yes' in said
    assert '"one-cycle rate up to 0.1": yes' in said
    other = _step(FLAT, FLAT, label_smoothing=0.1, augment_degrees=12.0, scheduler="none", peak=0.1, target=target)
    said = rules.target_line(None, other, rules.facts(other)) or ""
    assert '"label smoothing 0.05": no (label smoothing 0.1 as recorded)' in said and '"one-cycle rate up to 0.1": no' in said


def test_a_targets_light_start_end_and_pool_order_aims_are_judged():
    modules = {"c1": _conv_of(1, 8), "pool": {"type": "MaxPool2d"}, "bn": {"type": "BatchNorm2d"}, "r": {"type": "ReLU"},
               "c2": _conv_of(8, 16)}
    before = _step(FLAT, [65.87] + FLAT[1:12] + [99.07, 98.95, 99.01])
    target = "a light net, batch norm after the pool, to fix the start and settle the end"
    after = _step(FLAT, [98.16] + FLAT[1:12] + [99.36, 99.38, 99.41], modules=modules, target=target)
    said = rules.target_line(before, after, rules.facts(after)) or ""
    assert ('"light": in part: under the budget, but not light beside it (more than 75 % of it, the line this tool '
            'draws for light) (7,000 parameters, 88 % '
            'of the budget\'s 8,000; 999 of room)') in said
    lighter = _step(FLAT, FLAT, target="a light net")
    lighter = rules.Step(dataclasses.replace(lighter.run, params=5000))
    assert '"light": yes (5,000 parameters, 62 %' in (rules.target_line(None, lighter, rules.facts(lighter)) or "")
    assert "\"fix the start\": epoch 1's test accuracy 65.87 → 98.16 % (+32.29, beyond" in said
    assert '"settle the end": not shown - the last 3 epochs spanned 0.12 → 0.05 points' in said
    assert "each span inside the two-score sampling error at its level (±0.28, ±0.22)" in said
    assert '"batch norm after the pool": yes (after each of its 1 max-pool: BatchNorm2d)' in said


def test_a_runs_recorded_momentum_and_ema_decay_are_what_the_recipe_and_its_aims_cite():
    """Where metrics.json records each epoch's momentum and the decay the EMA's last update took, the recipe and the
    aims read those (a grader can check them), not the schedule's or the ramp's arithmetic: here the record reaches
    0.999 at epoch 9, where the ramp over 938 updates an epoch would at epoch 11."""
    from tinydigits.results.handin import recipe_table

    step = _step(FLAT, FLAT, optimizer="sgd", peak=0.1, momentum=0.9, scheduler="onecycle", ema=0.999, batch_size=64,
                 target="an EMA (decay 0.999)")
    assert rules.ema_set_at(step) == (11, False)  # unrecorded: counted from the ramp
    momenta = [0.95, 0.9, 0.86, 0.851, 0.86, 0.87, 0.88, 0.89, 0.9, 0.91, 0.92, 0.93, 0.94, 0.945, 0.949]
    decays = [0.99, 0.995, 0.997, 0.998, 0.998, 0.9985, 0.9987, 0.9989, 0.999, 0.999, 0.999, 0.999, 0.999, 0.999, 0.999]
    run = dataclasses.replace(step.run, epochs=[dataclasses.replace(e, momentum=m, ema_decay=d) for e, m, d
                                                in zip(step.run.epochs, momenta, decays, strict=True)])
    recorded = rules.Step(run)
    assert rules.ema_set_at(recorded) == (9, True)
    table = recipe_table(run)
    assert "reached at epoch 9 (metrics.json's ema_decay)" in table
    assert "recorded at the epochs' starts (metrics.json's momentum): 0.95 at epoch 1, lowest 0.851 at epoch 4" in table
    aims = rules.target_line(None, recorded, rules.facts(recorded))
    assert "its ramp reached it at epoch 9 of 15 (metrics.json's ema_decay), lower before" in aims
    short = dataclasses.replace(run, epochs=[dataclasses.replace(e, ema_decay=0.98) for e in run.epochs])
    assert rules.ema_reach(rules.Step(short))[1] == 0.98 and rules.ema_set_at(rules.Step(short)) is None


def test_a_conv_input_that_follows_a_removal_is_not_counted_apart_and_a_reorder_says_what_it_can_change():
    """The walkthrough's step 3: a squeeze removed, so the conv after it is fed by the one before (+576 weights) - one
    restructure, not two changes; BatchNorm, ReLU, MaxPool reordered acts only through batch norm (ReLU and max-pool
    commute); ReLU and max-pool alone swapped is inert."""
    before = {"c1": _conv_of(1, 16), "bn1": {"type": "BatchNorm2d"}, "r1": {"type": "ReLU"}, "pool": {"type": "MaxPool2d"},
              "sq": _conv_of(16, 8, 1), "c2": _conv_of(8, 16)}
    after = {"c1": _conv_of(1, 12), "pool": {"type": "MaxPool2d"}, "bn1": {"type": "BatchNorm2d"}, "r1": {"type": "ReLU"},
             "c2": _conv_of(12, 16)}
    a, b = _step(FLAT, FLAT, modules=before), _step(FLAT, FLAT, modules=after)
    found = rules.changes(a, b)
    fed = next(c for c in found if "from another conv before it now" in c.text)
    assert not fed.counted and "counted with them, not apart" in fed.said()
    squeeze = next(c for c in found if c.text.startswith("sq "))  # its parameters moved to the conv after it
    assert squeeze.kind == "architecture" and "a restructure, not only a cut" in squeeze.said()
    reorder = next(c for c in found if c.text.startswith("after c1"))
    assert reorder.counted and "it acts only through batch norm: ReLU and max-pool commute" in reorder.said()
    narrowed = next(c for c in found if c.text.startswith("c1 16 → 12"))  # it feeds what the squeeze fed: its part
    assert not narrowed.counted and "part of that restructure" in narrowed.said() and "counted with it" in narrowed.said()
    effect = next(x for x in rules.change_lines(a, b) if x.startswith("- its effect"))
    assert f"the {sum(c.counted for c in found)} changes" in effect and sum(c.counted for c in found) == len(found) - 2
    swap_a = {"c1": _conv_of(1, 8), "r1": {"type": "ReLU"}, "pool": {"type": "MaxPool2d"}}
    swap_b = {"c1": _conv_of(1, 8), "pool": {"type": "MaxPool2d"}, "r1": {"type": "ReLU"}}
    swapped = rules.changes(_step(FLAT, FLAT, modules=swap_a), _step(FLAT, FLAT, modules=swap_b))
    assert [c.inert.startswith("inert: ReLU and max-pool commute") for c in swapped] == [True]


def test_a_checked_steps_effect_on_a_one_seed_step_is_said_on_its_seeds_mean_too():
    """Seed 0 may be the check's best: the change is also said on the mean of the seeds' minima, with its own side of
    the noise (the walkthrough's +0.21 just beyond ±0.206 on seed 0 is +0.17 on the mean, inside it)."""
    before = _step(FLAT[:12] + [99.40, 99.36, 99.41], FLAT[:12] + [99.40, 99.36, 99.41])
    shown = FLAT[:12] + [99.57, 99.59, 99.57]
    curves = {0: shown, 1: FLAT[:12] + [99.49, 99.52, 99.51], 2: FLAT[:12] + [99.5, 99.51, 99.52]}
    after = _checked(_step(shown, shown), curves)
    effect = next(x for x in rules.change_lines(before, after) if x.startswith("- its effect"))
    assert "the change in the min of the last 3, +0.21 (seed 0), is just beyond" in effect
    assert "on the mean of " in effect and "3 seeds' minima, 99.52 %, the change is +0.16, inside it" in effect


def test_a_targets_shape_schedule_batch_augmentations_and_recipe_name_are_judged_from_the_records():
    """The aims graders found unjudged: a batch size, augmentations listed in brackets, the n-th conv's widths, a step
    schedule's factor and size (with the cuts the rates show), parameters moved after the pool, a registered model's
    recipe by name."""
    before = {"c1": _conv_of(1, 10), "c2": _conv_of(10, 14), "sq": _conv_of(14, 8, 1), "pool": {"type": "MaxPool2d"},
              "c3": _conv_of(8, 16)}
    after = {"c1": _conv_of(1, 10), "c2": _conv_of(10, 12), "pool": {"type": "MaxPool2d"}, "c3": _conv_of(12, 16)}
    target = ("batches of 64, augmentation (rotation up to 12 degrees, elastic 1.5 px, stroke, blur), the second conv "
              "14 -> 12 channels, the rate cut tenfold every 6 epochs, the parameters moved after the pool, model3b's "
              "recipe")
    rates = [0.05] * 6 + [0.005] * 6 + [0.0005] * 3
    a = _step(FLAT, FLAT, modules=before)
    b = _step(FLAT, FLAT, modules=after, target=target, batch_size=64, augment_degrees=12.0, augment_elastic=1.5,
              augment_stroke=0.3, augment_blur=0.0, scheduler="step", step_size=6, step_gamma=0.1, lr=rates)
    said = rules.target_line(a, b, rules.facts(b)) or ""
    assert '"batches of 64": yes (batch 64 as recorded)' in said
    assert ('"elastic 1.5 px, stroke, blur": no (elastic 1.5, stroke 0.3, blur 0 as recorded; the records give the '
            "values without units, so the 'px' is not checked)") in said  # blur off
    assert '"second conv 14 -> 12": yes (conv 2: 14 → 12 channels as recorded)' in said
    assert ('"rate cut tenfold every 6 epochs": yes (the recorded rates: 0.05 at epoch 1, cut to 0.005 at epoch 7, '
            '0.0005 at epoch 13)') in said
    assert ('"parameters moved after the pool": yes (parameters before the first pool 1,462 → 1,170, after it 1,152 → '
            '1,728)') in said
    assert "\"model3b's recipe\": in part (" in said and "; not: optimizer None against sgd" in said
    assert "precision 'auto' resolved to" in said  # auto is whatever the machine resolved: never a mismatch
    halved = _step(FLAT, FLAT, target="the rate cut in half every 5 epochs", scheduler="step", step_size=6,
                   step_gamma=0.1, lr=rates)
    assert '"rate cut in half every 5 epochs": no (' in (rules.target_line(a, halved, rules.facts(halved)) or "")


def test_a_fall_inside_the_loose_yardstick_is_not_called_noise_and_a_lopsided_checks_odds_are_rough():
    step = _step(FLAT[:12] + [99.5, 99.47, 99.49], FLAT[:12] + [99.5, 99.47, 99.49])
    stability = next(x for x in rules.analysis_lines(step, None) if x.startswith("- stability"))
    assert "so inside it a change is not shown to be more than noise, nor shown to be noise" in stability
    curves = {s: FLAT[:12] + [m, m + 0.01, m + 0.02] for s, m in enumerate([99.53, 99.43, 99.52, 99.54, 99.51, 99.52])}
    odd = _checked(_step(curves[0], curves[0]), curves)
    said = rules.odds_sentence(odd)
    assert "the minima are lopsided - seed 1 lies 2.0 sd below the mean, the others within 0.8 sd of it" in said
    even = {s: FLAT[:12] + [m, m + 0.01, m + 0.02] for s, m in enumerate([99.53, 99.48, 99.52, 99.50, 99.46, 99.55])}
    assert "lopsided" not in rules.odds_sentence(_checked(_step(even[0], even[0]), even))


def test_a_mean_gap_that_rests_on_one_epoch_says_so():
    """The notebook's step 1: test leads train by 7.05 on the mean of +1.26, +1.23, +18.66 - the mean is epoch 5's."""
    train, test = [10.0, 11.0, 10.1, 12.95, 24.93], [11.36, 14.18, 11.36, 14.18, 43.59]
    fit = rules.fit_lines(_step(train, test, **SHORT))[0]
    assert "test leads train by" in fit and "the mean leans on epoch 5" in fit
    even = rules.fit_lines(_step([t - 1.0 for t in test], test, **SHORT))[0]
    assert "leans" not in even


def test_a_one_cycles_last_rise_is_said_with_its_anneal_and_a_lag_read_before_is_read_again():
    """The notebook's steps 2 and 3: a one-cycle's last-epoch rise came as its rate annealed, which one run cannot part
    from it; step 2's rate lever rested on a lag at epoch 3 that step 3, at the same rates, is read against - where
    test is of an average, said to be no like-for-like lag."""
    train, test = [30.0, 60.0, 80.0, 96.0, 97.9], [40.0, 75.0, 89.28, 90.09, 97.95]
    before = _step(train, test, lr=STUDENT_RATES, scheduler="onecycle", **SHORT)
    progress = next(x for x in rules.analysis_lines(before, None) if x.startswith("- progress"))
    assert "the last epoch's rise came as the rate annealed from 16 % of its peak towards none" in progress
    assert "one run cannot tell" in progress
    plain = _step(train, test, lr=[0.01] * 5, scheduler="none", **SHORT)
    assert "annealed" not in next(x for x in rules.analysis_lines(plain, None) if x.startswith("- progress"))
    again = _step([30.0, 60.0, 80.0, 95.0, 97.9], [40.0, 75.0, 82.0, 90.0, 97.0], lr=STUDENT_RATES,
                  scheduler="onecycle", label_smoothing=0.05, **SHORT)
    read = next(x for x in rules.change_lines(before, again) if x.startswith("- read against"))
    assert "The lag its rate lever rested on, at epoch 4 (test +0.81 while train +16.00), here at the same rates" in read
    assert ": it came again." in read
    averaged = _step([30.0, 60.0, 80.0, 95.0, 97.9], [40.0, 75.0, 82.0, 90.0, 97.0], lr=STUDENT_RATES,
                     scheduler="onecycle", label_smoothing=0.05, ema=0.99, **SHORT)
    read = next(x for x in rules.change_lines(before, averaged) if x.startswith("- read against"))
    assert "whether the lag came again these runs cannot show" in read


def test_a_step_schedules_cuts_are_read_on_the_curve_and_dropout_lowers_the_train_figure_the_fit_reads():
    """The walkthrough's step 2: the first cut came with the largest gain (beyond the noise), the second with a dip
    inside it; its fit reads a train figure taken with dropout on, which understates the fit: said."""
    test = [97.0 + 0.3 * i for i in range(6)] + [99.34, 99.3, 99.35, 99.38, 99.4, 99.4, 99.36, 99.38, 99.41]
    test[5] = 99.05
    rates = [0.05] * 6 + [0.005] * 6 + [0.0005] * 3
    step = _step([t - 0.05 for t in test], test, lr=rates, scheduler="step", step_size=6, step_gamma=0.1,
                 modules={"d": {"type": "Dropout", "p": 0.05}})
    progress = next(x for x in rules.analysis_lines(step, None) if x.startswith("- progress"))
    assert ("test accuracy at the cuts: epoch 7 99.05 → 99.34 % (+0.29, beyond ±0.25); epoch 13 99.40 → 99.36 % (-0.04, "
            "inside") in progress
    fit = rules.fit_lines(step)[0]
    assert "dropout (0.05) in force" in fit and "so the gap understates how far the net fits its own digits" in fit
    assert "test accuracy at the cuts" not in "\n".join(rules.analysis_lines(_step(test, test, lr=rates), None))


def test_a_loss_fall_inside_its_own_wobble_does_not_say_still_learning_and_an_averaged_higher_says_unlike():
    """The example's step 2: accuracy flat after epoch 12, test loss 0.0192 → 0.0185 - a fall smaller than the loss's
    own rise at epoch 11 (+0.0010): not read as still learning, nor as a stall; and a 'higher' across an EMA change
    says the two tests are of different weights."""
    test = [97.0 + 0.2 * i for i in range(11)] + [99.38, 99.36, 99.42, 99.41]
    loss = [0.05 - 0.003 * i for i in range(9)] + [0.0192, 0.0202, 0.0197, 0.0189, 0.0185, 0.0185]
    text = rules.stall_text(test, loss)
    assert "a fall no larger than the loss's own largest rise from one epoch to the next over its last epochs " \
           "(+0.0010 at epoch 11): whether it still learns the curve does not settle" in text
    assert "still learns, so not stalled" not in text
    steady = loss[:9] + [0.0192, 0.0190, 0.0188, 0.0180, 0.0175, 0.0170]
    assert "the net still learns, so not stalled" in rules.stall_text(test, steady)
    before = _step(FLAT, FLAT[:12] + [99.35, 99.38, 99.41])
    after = _step(FLAT, FLAT[:12] + [99.54, 99.56, 99.55], ema=0.999, target="a higher end")
    assert "the change includes what averaging does to the score" in _aims(before, after)
    assert "averaging does" not in _aims(before, _step(FLAT, FLAT[:12] + [99.54, 99.56, 99.55], target="higher"))


def test_an_augmented_train_figure_is_unmeasured_only_for_the_same_weights_and_units_are_said_missing():
    """A run whose last epoch trained plain did score its digits plain: what it never did is score the same weights
    both ways. A Target's 'px' has no unit in the records."""
    step = _step([90.0 + 0.5 * i for i in range(15)], [91.0 + 0.5 * i for i in range(15)], augment_degrees=8.0,
                 augment_off_last=1)
    said = "\n".join(rules.analysis_lines(step, None))
    assert "never scored its training digits without" not in said
    assert "the run never scored the same weights on its training digits with and without it" in said
    target = _step(FLAT, FLAT, augment_elastic=1.5, target="augmentation (elastic 1.5 px)")
    said = _aims(None, target)
    assert '"elastic 1.5 px": yes in value (elastic 1.5 as recorded; the records give the values without units, so ' \
           "the 'px' is not checked)" in said


def test_read_18s_findings_an_averaged_plateau_a_direction_in_the_noise_train_mode_and_two_aims():
    """An averaged (EMA) test's falling loss under a flat accuracy is no proof of learning; a seed 'rising at every
    epoch' by steps inside the noise is a direction, not a change; a batch-norm net's train lead is partly train mode;
    "the same convs" and "without blowing up" judged from the records."""
    test = [97.0 + 0.2 * i for i in range(10)] + [99.55, 99.56, 99.57, 99.56, 99.55]
    loss = [0.05 - 0.003 * i for i in range(10)] + [0.0155, 0.0152, 0.0150, 0.0147, 0.0146]
    text = rules.stall_text(test, loss, averaged=True)
    assert "not read as still learning, nor as stalled" in text and "the net still learns" not in text
    curves = {0: FLAT[:12] + [99.55, 99.56, 99.57], 1: FLAT[:12] + [99.43, 99.49, 99.51]}
    step = _checked(_step(curves[0], curves[0]), curves)
    progress = next(x for x in rules.analysis_lines(step, None) if x.startswith("- progress"))
    assert "99.43, 99.49, 99.51 %, rising at every epoch (each step inside the two-score sampling error" in progress
    assert "every seed rose in its last epoch" in progress
    norm = {"c": _conv_of(1, 8), "b": {"type": "BatchNorm2d"}}
    ahead = _step(FLAT[:12] + [99.75, 99.78, 99.8], FLAT[:12] + [99.38, 99.36, 99.42], modules=norm)
    assert "part of a gap can be that difference" in rules.fit_lines(ahead)[0]
    bare = _step(FLAT[:12] + [99.75, 99.78, 99.8], FLAT[:12] + [99.38, 99.36, 99.42], modules={"c": _conv_of(1, 8)})
    assert "part of a gap" not in rules.fit_lines(bare)[0]
    target = "the same convs, trained without blowing up"
    same = _step(FLAT, FLAT, modules={**norm, "c2": _conv_of(8, 16)}, target=target)
    said = _aims(_step(FLAT, FLAT, modules={"c": _conv_of(1, 8), "c2": _conv_of(8, 16)}), same)
    assert '"same convs": yes (2 convs of the same widths and kernels)' in said
    assert '"without blowing up": yes (train loss 0.1000 at epoch 1 → 0.1000, never above its first epoch\'s)' in said


def test_the_seed_shown_says_where_it_ranks_among_the_checks_seeds():
    """Seed 0, shown because the step before trained it, may be the check's best: the header says so (a tie said as
    one)."""
    from tinydigits.results.handin import step_block

    best = FLAT[:12] + [99.57, 99.59, 99.57]
    curves = {0: best, 1: FLAT[:12] + [99.49, 99.52, 99.51], 2: FLAT[:12] + [99.5, 99.51, 99.52]}
    shown = _step(best, best, peak=0.1)
    head = step_block(2, _checked(shown, curves), _step(FLAT, FLAT, peak=0.1), {})[0]
    assert "by its min of the last 3, the best of the 3 seeds" in head
    curves[2] = best
    assert "the tied best of the 3 seeds" in step_block(2, _checked(shown, curves), _step(FLAT, FLAT, peak=0.1), {})[0]


def test_read_21s_findings_a_trend_with_its_error_a_recurring_wobble_a_restructure_and_two_aims():
    """The walkthrough's step 1: +0.06 an epoch over its last 5 is inside its own ±0.07; its four small falls are a
    recurring wobble; the conv narrowed to feed the conv a removed squeeze fed is part of that restructure; "stronger"
    than none compares with nothing; a recipe by name lists its settings."""
    test = [65.87, 93.92, 96.29, 98.3, 97.97, 98.43, 98.7, 98.39, 98.65, 98.67, 98.79, 98.77, 99.07, 98.95, 99.01]
    loss = [0.95, 0.2, 0.11, 0.057, 0.066, 0.053, 0.042, 0.05, 0.042, 0.043, 0.038, 0.0395, 0.0288, 0.0353, 0.0325]
    assert "a trend of +0.06 points an epoch (±0.07, two standard errors of the slope: inside it)" in \
        rules.stall_text(test, loss)
    step = _step([t - 0.02 for t in test], test, loss=loss, lr=[0.02] * 15, scheduler="none")
    stability = next(x for x in rules.analysis_lines(step, None) if x.startswith("- stability"))
    assert "it fell 4 times in all (0.33 at epoch 5, 0.31 at epoch 8, 0.02 at epoch 12, 0.12 at epoch 14)" in stability
    before = {"c1": _conv_of(1, 16), "pool": {"type": "MaxPool2d"}, "sq": _conv_of(16, 8, 1), "c2": _conv_of(8, 16)}
    after = {"c1": _conv_of(1, 12), "pool": {"type": "MaxPool2d"}, "c2": _conv_of(12, 16)}
    found = rules.changes(_step(FLAT, FLAT, modules=before), _step(FLAT, FLAT, modules=after))
    narrowed = next(c for c in found if c.text.startswith("c1 16 → 12"))
    assert narrowed.kind == "architecture" and "part of that restructure" in narrowed.said()
    target = "stronger augmentation, model3b's recipe"
    b = _step(FLAT, FLAT, augment_degrees=12.0, target=target)
    said = _aims(_step(FLAT, FLAT), b)
    assert '"stronger augmentation": added, none before' in said and "'stronger' compares with nothing" in said
    assert "; the recipe: optimizer sgd, lr 0.1," in said


def test_a_train_loss_fall_that_came_at_a_rate_cut_is_not_read_as_a_closer_fit():
    """Test held while train loss fell - but most of the fall at the rate's tenfold cut, where a running average over
    an epoch falls by itself, and its last epochs rising again: said as that, from the last epoch's loss (not the
    lowest), with no 'fits its own digits better'; a fall spread over epochs at one rate still reads as that."""
    test = [98.16, 98.76, 98.92, 99.04, 99.08, 99.05, 99.34, 99.40, 99.41, 99.38, 99.39, 99.40, 99.36, 99.38, 99.41]
    train_loss = [0.30, 0.061, 0.047, 0.040, 0.036, 0.032, 0.0236, 0.0206, 0.0208, 0.0208, 0.0199, 0.0195, 0.0181,
                  0.0183, 0.0185]
    lr = [0.05] * 6 + [0.005] * 6 + [0.0005] * 3
    loss = [0.066, 0.044, 0.035, 0.029, 0.024, 0.031, 0.0203, 0.0195, 0.0195, 0.0194, 0.0194, 0.0195, 0.0197, 0.0193,
            0.0192]
    step = _step([t + 0.06 for t in test], test, loss=loss, lr=lr, scheduler="step", step_size=6)
    step.run.epochs = [dataclasses.replace(e, train_loss=x) for e, x in zip(step.run.epochs, train_loss, strict=True)]
    why = rules.facts(step).fit.why
    assert "train loss fell after epoch 8 (0.0206 → 0.0185 at the last epoch) while test held, most of it at the " \
           "rate's cut (epoch 13: 0.0195 → 0.0181)" in why
    # the facts; no cause one run cannot show
    assert (", and rose after it (0.0181 at epoch 13 → 0.0185, +2.2 %: a running average whose noise no record "
            "measures, so said, not read as a change)") in why  # no test loss's 2 % rule lent to a train figure
    assert "fits its own digits better" not in why and "does not show" not in why
    spread = _step([t + 0.06 for t in test], test, loss=loss, lr=[0.005] * 15)  # one rate: no cut to carry it
    spread.run.epochs = [dataclasses.replace(e, train_loss=x) for e, x in zip(spread.run.epochs, train_loss, strict=True)]
    assert "it fits its own digits better without gaining on the test digits" in rules.facts(spread).fit.why


def test_more_capacity_with_little_room_under_the_budget_is_said_as_moved_not_added():
    """With under a tenth of the budget left, 'more capacity' is channels paid for by cuts elsewhere, said with the
    room's share; with more room, the room alone."""
    curve = [90.0 + 0.2 * i for i in range(15)]
    tight = _step(curve, curve)
    tight.run.params = 7_816
    advice = rules.next_line(tight, rules.facts(tight))
    assert "more capacity (channels where the net is narrowest, paid for mostly by cuts elsewhere: only 183 parameters " \
           "of room under the budget, 2 % of it)" in advice
    roomy = _step(curve, curve)
    roomy.run.params = 6_000
    assert "1,999 parameters of room under the budget)" in rules.next_line(roomy, rules.facts(roomy))


def test_a_digit_that_got_worse_than_the_step_before_is_said_with_its_counts_noise():
    """Per-class errors against the step before: a digit that alone got worse is named with both counts and two
    standard errors of their difference; nothing where none got worse."""
    from tinydigits.training.runfolder import ClassRow, Confusion

    def with_errors(errors: list[int]) -> rules.Step:
        step = _step(FLAT, FLAT)
        step.run.per_class = [ClassRow(digit=d, accuracy=100 - e / 10, errors=e, support=1000) for d, e in enumerate(errors)]
        step.run.confusions = [Confusion(true=6, predicted=5, count=3)]
        return step

    before, after = with_errors([3, 7, 9, 15, 9, 12, 11, 19, 19, 15]), with_errors([0, 2, 6, 2, 4, 8, 15, 7, 7, 8])
    line = next(x for x in rules.analysis_lines(after, before) if x.startswith("- commonest confusions"))
    assert "test errors by digit against the step before: fewer on 9 of the 10 digits (3 of them beyond the noise), " \
           "more on digit 6 (11 → 15: +4, inside ±10)" in line
    assert "; its commonest, 6 → 5: 3 there, 3 here" in line  # the step before's leading mistake, as this step made it
    line = next(x for x in rules.analysis_lines(before, before) if x.startswith("- commonest confusions"))
    assert "against the step before" not in line


def test_without_blowing_up_says_a_loss_that_fell_at_every_epoch_and_a_named_layers_parameters_as_totals():
    """'without blowing up' with its stronger sign where the train loss fell at every epoch (the epoch starting at the
    highest rate named); "the squeeze's parameters moved after the pool" judged by the totals either side, said so."""
    falling = _step(FLAT, FLAT, lr=[0.01, 0.05, 0.1] + [0.05] * 12, target="trained without blowing up")
    falling.run.epochs = [dataclasses.replace(e, train_loss=0.3 / e.epoch) for e in falling.run.epochs]
    said = rules.target_line(None, falling, rules.facts(falling)) or ""
    assert "falling at every epoch, epoch 3 among them (the highest rate at an epoch's start, 0.1)" in said
    before = {"c1": _conv_of(1, 16), "pool": {"type": "MaxPool2d"}, "sq": _conv_of(16, 8, 1), "c2": _conv_of(8, 16)}
    after = {"c1": _conv_of(1, 12), "pool": {"type": "MaxPool2d"}, "c2": _conv_of(12, 16)}
    a = _step(FLAT, FLAT, modules=before)
    b = _step(FLAT, FLAT, modules=after, target="the squeeze's parameters moved after the pool")
    said = rules.target_line(a, b, rules.facts(b)) or ""
    # the squeeze sat after the pool already and was removed: both facts said, the totals and the conv itself
    assert "\"squeeze's parameters moved after the pool\": the totals moved after the pool (parameters before the " \
           "first pool 144 → 108, after it 1,280 → 1,728: the restructure above); the conv this step removed, sq, sat " \
           "after the first pool already and was dropped, not moved" in said
    ahead = {"c1": _conv_of(1, 16), "sq": _conv_of(16, 8, 1), "pool": {"type": "MaxPool2d"}, "c2": _conv_of(8, 16)}
    said = rules.target_line(_step(FLAT, FLAT, modules=ahead), b, rules.facts(b)) or ""
    assert "not shown as the squeeze's; the totals moved" in said  # one before the pool: the totals alone, said so


def test_a_best_reached_again_later_and_a_shortened_checks_odds_are_said_as_such():
    """A best test accuracy reached again at a later epoch is said with it (the first alone hides a curve that came
    back); a shortened check's odds are of its shortened recipe, said beside them."""
    from tinydigits.results import handin

    test = FLAT[:-1] + [FLAT[-2]]  # the last epoch back at the best, 99.52 (epoch 14)
    recipe = {"peak": 0.1, "optimizer": "sgd", "batch_size": 64, "scheduler": "none"}
    block = "\n".join(handin.step_block(0, _step(FLAT, test, **recipe), None, {}))
    assert "best test accuracy: 99.52 % (epoch 14; again at epoch 15)" in block
    assert "best test accuracy: 99.52 % (epoch 14)" in "\n".join(handin.step_block(0, _step(FLAT, FLAT, **recipe), None, {}))
    curve = [90.0, 92.0, 94.0, 95.0, 95.5]
    short = _checked(_step(curve, curve, **SHORT), {0: curve, 1: [c - 0.3 for c in curve], 2: [c - 0.5 for c in curve]})
    assert "- of this shortened recipe (5 of the budget's 15 epochs, 6,000 of 60,000 training images), not of the " \
           "model at the budget's" in rules.odds_sentence(short)
    whole = _checked(_step(FLAT, FLAT), {0: FLAT, 1: [c - 0.02 for c in FLAT], 2: [c + 0.02 for c in FLAT]})
    assert "shortened recipe" not in rules.odds_sentence(whole) and "a normal model" in rules.odds_sentence(whole)


def test_where_augmentation_stops_is_said_not_to_act_in_epoch_1_and_one_plain_epoch_is_said_in_the_singular():
    """Epoch 1's change beside the changes that acted together: where augmentation stops acts only from that epoch,
    said there; the recipe table says 'none in the last epoch' for one."""
    from tinydigits.results import handin

    curve = [60.0, 80.0, 91.0, 93.0, 95.0]
    before = _step(curve, curve, **SHORT)
    after = _step([64.0, *curve[1:]], [64.0, *curve[1:]], augment_degrees=8.0, augment_off_last=1, **SHORT)
    effect = next(x for x in rules.change_lines(before, after) if x.startswith("- its effect"))
    assert "epoch 1's test accuracy 60.00 → 64.00 % (+4.00, seed 0) (where augmentation stops acts from epoch 5 only: " \
           "not in this figure)" in effect
    assert "degrees 8, none in the last epoch" in handin.recipe_table(after.run)


def test_read_24s_findings_a_warm_up_past_the_old_rate_a_none_held_bound_and_a_schedule_that_cannot_act_at_once():
    """A warm-up that passes the old rate within epoch 1 says so (it starts lower, not slower); a check none of whose
    seeds held bounds the pass rate from above; a step schedule's change is said not to act in epoch 1."""
    curve = [60.0, 80.0, 91.0, 93.0, 95.0]
    flat = _step(curve, curve, lr=[0.02] * 5, scheduler="none", **SHORT)
    cycled = _step(curve, curve, lr=STUDENT_RATES, scheduler="onecycle", **SHORT)
    cycled.run.epochs = [dataclasses.replace(e, lr=10 * lr) for e, lr in zip(cycled.run.epochs, STUDENT_RATES,
                                                                              strict=True)]
    said = "\n".join(rules.change_lines(flat, cycled))
    assert "a warm-up now - epoch 1 starts at 0.01, where it started at 0.02, and rises from there past it, to " \
           "0.09252 at epoch 2's start; the mean of the epochs' starting rates 0.02 → " in said
    failing = _checked(_step(curve, curve, **SHORT), {0: curve, 1: [c - 0.3 for c in curve], 2: [c - 0.5 for c in curve]})
    assert "counted, none held: the pass rate is at most 63.2 % (one-sided 95 % Clopper-Pearson bound: what 3 seeds " \
           "show)" in rules.odds_sentence(failing)
    stepped = _step([64.0, *curve[1:]], [64.0, *curve[1:]], lr=[0.05, 0.05, 0.05, 0.005, 0.005], scheduler="step",
                    step_size=3, target="fix the start", **SHORT)
    effect = next(x for x in rules.change_lines(flat, stepped) if x.startswith("- its effect"))
    assert "(the step schedule acts from its first cut, at epoch 4: not in this figure)" in effect
    assert "an outcome of all the changes together (the step schedule acts from its first cut, at epoch 4: not among " \
           "them)" in (rules.target_line(flat, stepped, rules.facts(stepped)) or "")


def test_an_average_beside_a_live_curve_without_dips_and_a_short_trend_window_beside_the_runs_second_half():
    """An average's part in a 'higher' said without claiming dips a live curve may not have; a late best's trend over the last
    5 epochs said with the run's second half's, which a short window's error can hide; a gap that rounds to zero
    unsigned; a fit inside the noise with its train figure under dropout named 'neither shown', not 'neither'."""
    rising = [98.0 + 0.1 * i for i in range(15)]
    live, averaged = _step(rising, rising), _step(rising, [r + 0.05 for r in rising], ema=0.999, target="higher")
    said = rules.target_line(live, averaged, rules.facts(averaged)) or ""
    assert "it smooths the noise of the weights a live score is taken on" in said and "dips" not in said
    late = [97.5, 97.9, 98.2, 98.3, 98.4, 98.5, 98.6, 98.65, 98.7, 98.8, 98.85, 98.77, 99.07, 98.95, 99.01]
    progress = next(x for x in rules.analysis_lines(_step(late, late), None) if x.startswith("- progress"))
    assert progress.startswith("- progress: still rising over its second half (epochs 8-15: a trend of +0.05 points an "
                               "epoch") and "over the last 5 epochs a trend of" in progress
    flat_end = late[:7] + [99.0, 98.7, 98.95, 98.6, 98.9, 99.07, 98.8, 99.01]  # no rise beyond its error: said after
    later = next(x for x in rules.analysis_lines(_step(flat_end, flat_end), None) if x.startswith("- progress"))
    assert "still rising" not in later and "over its second half (epochs 8-15) a trend of" in later
    hair = rules.fit_lines(_step([t - 1e-9 for t in FLAT], FLAT))[0]  # a hair below zero: no sign either way
    assert "(mean of the last 3 epochs; train minus test 0.00, 0.00, 0.00 epoch by epoch)" in hair and "-0.00" not in hair
    dropout = _step([t - 0.05 for t in FLAT], FLAT, modules={"d": {"type": "Dropout", "p": 0.05}})
    assert rules.facts(dropout).fit.label == "neither shown (train measured under dropout)"
    assert rules.facts(_step([t - 0.05 for t in FLAT], FLAT)).fit.label == ""  # nothing hindering: plain neither


def test_a_minimum_before_augmentation_stops_and_a_pooled_receptive_field_are_said():
    """A step's lowest judged epoch before its augmentation stops: where augmentation stops (counted with it) did not
    act on that minimum, said beside the change in it; a head that sees the whole image through a global pool says
    what its last conv sees."""
    from tinydigits.models.summary import LayerRow
    from tinydigits.results import handin

    curve = [60.0, 80.0, 90.09, 96.83, 97.95]
    before = _step(curve, curve, **SHORT)
    after = _step([c + 1 for c in curve], [70.0, 90.0, 96.97, 97.84, 98.23], augment_degrees=8.0, augment_off_last=1,
                  **SHORT)
    effect = next(x for x in rules.change_lines(before, after) if x.startswith("- its effect"))
    assert "(+6.88; its min at epoch 3, before augmentation stops at epoch 5: that part of the change did not act on " \
           "it)" in effect
    assert "best test" in effect and "its best at epoch" not in effect  # its best at epoch 5, after the stop: it acts
    peaked = _step([c + 1 for c in curve], [70.0, 90.0, 98.4, 97.84, 98.23], augment_degrees=8.0, augment_off_last=1,
                   **SHORT)
    effect = next(x for x in rules.change_lines(before, peaked) if x.startswith("- its effect"))
    assert "(+0.45; its best at epoch 3, before augmentation stops at epoch 5: that part of the change did not act on " \
           "it)" in effect
    after = _step(curve, curve, **SHORT)  # a fresh step: its facts are counted once, from the layers it records
    after.run.architecture = {"layers": [
        {"name": "c", "type": "Conv2d", "output": [8, 6, 6], "params": 80, "macs": 1, "rf": 18, "jump": 2},
        {"name": "gap", "type": "AdaptiveAvgPool2d", "output": [8, 1, 1], "params": 0, "macs": 0, "rf": 28, "jump": 12},
        {"name": "head", "type": "Conv2d", "output": [10, 1, 1], "params": 90, "macs": 1, "rf": 28, "jump": 12}]}
    assert isinstance(after.run.layers[0], LayerRow)
    block = "\n".join(handin.step_block(0, after, None, {}))
    assert "receptive field at the head: 28 px (through the global average pool; the last conv before it, c, sees " \
           "18 px)" in block


def test_an_epoch_logs_ema_decay_says_the_decay_its_ramp_reached_where_it_fell_short():
    """The epoch log's 'of the EMA weights' says the decay set and, where too few updates never reached it, the one
    reached - not the set decay alone beside an aim judged 'in part' for that very shortfall."""
    from tinydigits.results import handin

    curve = [60.0, 80.0, 91.0, 93.0, 95.0]
    short = _step(curve, curve, ema=0.99, optimizer="sgd", scheduler="none", **SHORT)
    block = "\n".join(handin.step_block(0, short, None, {}))
    assert "test: after it, of the EMA weights (decay 0.99 set, 0.983 reached)" in block
    whole = _step(FLAT, FLAT, ema=0.99, optimizer="sgd", scheduler="none", peak=0.1, batch_size=64)
    assert "of the EMA weights (decay 0.99)" in "\n".join(handin.step_block(0, whole, None, {}))


def test_a_step_whose_class_the_step_before_had_written_already_and_a_lowest_seed_below_the_line_just_before():
    """Reading a step against the advice of the step before, whose recorded code already defined this step's class:
    its layers were written before that result, said; a check's lowest seed below the line the epoch before the
    scored ones, said beside its scored epochs; the budget's every-seed part said as the seeds checked."""
    before, after = _step(FLAT, FLAT), _step(FLAT, FLAT, ema=0.999)
    before.run.code = "class Net:\n    pass\n\nclass m:\n    pass\n"
    read = next(x for x in rules.change_lines(before, after) if x.startswith("- read against"))
    assert "step m's recorded code already defines `m`" not in read  # the same name: no later class to speak of
    later = _step(FLAT, FLAT, ema=0.999)
    before.run.code = "class m:\n    pass\n\nclass m2:\n    pass\n"
    named = rules.Step(dataclasses.replace(later.run, name="m2"))
    read = next(x for x in rules.change_lines(before, named) if x.startswith("- read against"))
    assert "step m's recorded code already defines `m2`: its layers were written before that step's result" in read
    low = [98.0] * 11 + [99.38, 99.43, 99.49, 99.51]
    checked = _checked(_step(FLAT, FLAT), {0: FLAT, 1: low, 2: [c + 0.02 for c in FLAT]})
    progress = next(x for x in rules.analysis_lines(checked, None) if x.startswith("- progress"))
    assert "the check's lowest seed, 1, over the scored epochs: 99.43, 99.49, 99.51 %" in progress
    assert "(at epoch 12, just before them, 99.38 %, below the line)" in progress
    assert ("every seed checked holds", True, "3 of 3 (a new seed's odds: \"over seeds\")") in rules.facts(checked).target
    failed = [98.0] * 11 + [99.30, 99.35, 99.49, 99.51]  # a scored epoch below the line: the epoch before adds nothing
    checked = _checked(_step(FLAT, FLAT), {0: FLAT, 1: failed, 2: [c + 0.02 for c in FLAT]})
    progress = next(x for x in rules.analysis_lines(checked, None) if x.startswith("- progress"))
    assert "the check's lowest seed, 1, over the scored epochs: 99.35, 99.49, 99.51 %" in progress
    assert "just before them" not in progress


def test_augmentation_that_no_longer_stops_is_not_said_to_act_late_and_the_epochs_below_a_best_are_the_budgets():
    """A step that drops the step before's plain tail (augment_off_last 3 → 0) has no epoch where augmentation stops:
    nothing is said to act from an epoch past the run's end; the last epochs said below a best before them are the
    budget's judged ones, however many it judges."""
    curve = [60.0, 80.0, 91.0, 93.0, 95.0]
    before = _step(curve, curve, augment_degrees=8.0, augment_off_last=3, **SHORT)
    after = _step([64.0, *curve[1:]], [64.0, *curve[1:]], augment_degrees=8.0, **SHORT)
    effect = next(x for x in rules.change_lines(before, after) if x.startswith("- its effect"))
    assert "epoch 1's test accuracy 60.00 → 64.00 %" in effect and "augmentation stops" not in effect
    plateau = [97.0, 98.0, 99.0, 99.5, 99.2, 99.3, 99.1, 99.2]
    assert "the last 2 epochs 99.10, 99.20 %, each below it" in rules.stall_text(plateau, last=2)
    assert "the last 3 epochs 99.30, 99.10, 99.20 %, each below it" in rules.stall_text(plateau)
