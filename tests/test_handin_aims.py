"""The hand-in's Target aims judged where the figures measure them (a steadier end; "faster" after a step that did not
learn), the learning-rate panel's labels apart, and a check step's figures and seconds said for what they are."""

from __future__ import annotations

import dataclasses
import math
import re

from test_handin import SHORT, STUDENT_RATES, _chance, _step
from tinydigits.constants import Budget
from tinydigits.results import handin, records
from tinydigits.results import steps as rules
from tinydigits.results.budget import judge
from tinydigits.results.figures import plt
from tinydigits.results.report import TICK_GAP, _plot_rate, rate_ticks
from tinydigits.training.config import TrainConfig

BEFORE = [81.27, 68.0, 91.11, 95.39, 93.20]  # a spread of 4.28 points over the last 3 epochs
STEADY = [81.27, 90.0, 94.12, 95.17, 95.79]  # 1.67


def _checked(step: rules.Step, curves: dict[int, list[float]], way: str = "here", command: str = "") -> rules.Step:
    """`step` as the seed shown of a check whose seeds trained `curves` (`way`, `command`: as its plan recorded)."""
    verdict = judge(curves, step.run.params, len(step.run.epochs), Budget())
    check = records.Check(step.folder, TrainConfig(), Budget(), {s: step.folder for s in curves}, verdict, way, command)
    return rules.Step(step.run, check, "the seed the step before trained")


def _aims(previous: rules.Step | None, step: rules.Step) -> str:
    return rules.target_line(previous, step, rules.facts(step)) or ""


def test_a_steadier_end_is_judged_by_its_largest_fall_against_the_noise_not_by_a_spread():
    """'steadier' reads the largest epoch-to-epoch fall over the judged epochs against the test set's error of two
    scores: a step before whose judged epochs did not fall beyond it had nothing to steady (a rise is not
    unsteadiness); one that fell beyond it is steadier where this step's largest fall is inside the noise."""
    before = _step(BEFORE, BEFORE, **SHORT)  # 91.11, 95.39, 93.20: a fall of 2.19, beyond the noise
    steadier = _step(STEADY, STEADY, target="a steadier end: dropout and a step schedule", **SHORT)
    said = _aims(before, steadier)
    assert '"steadier": yes (largest fall of test accuracy from one of the last 3 epochs to the next, seed 0: 2.19' in said
    assert "→ 0.00, inside the noise" in said
    wobbly = [90.0, 92.0, 90.0, 96.0, 91.0]  # a fall of 5.00: not steadier
    assert '"stable": no (' in _aims(before, _step(wobbly, wobbly, target="a stable end", **SHORT))
    climbing = [60.0, 80.0, 91.61, 91.11, 95.39]  # a dip of 0.50 inside the noise, then a rise: nothing to steady
    said = _aims(_step(climbing, climbing, **SHORT), steadier)
    assert '"steadier": not shown - step' in said and "was already inside the test set's error of two independent" in said
    assert '"steady": not judged' in _aims(None, _step(STEADY, STEADY, target="steady", **SHORT))


def test_a_check_steps_steadier_aim_says_each_seeds_largest_fall():
    before = _step(BEFORE, BEFORE, **SHORT)
    shown = _step(STEADY, STEADY, target="a steadier end", **SHORT)
    step = _checked(shown, {0: STEADY, 1: [45.9, 69.6, 93.69, 93.52, 95.24], 2: [42.7, 70.0, 91.75, 97.0, 92.0]})
    said = _aims(before, step)
    assert '"steadier": yes (' in said  # the seed shown, against the step before's same seed
    assert "the check's 3 seeds' largest falls: seed 0 0.00, seed 1 0.17, seed 2 5.00, beyond the noise for seed 2" in said


def test_faster_after_a_step_that_did_not_learn_is_judged_by_passing_its_best():
    dead = _chance(0.117, target="t")
    curve = [92.0, 95.5, 96.83, 95.45, 97.09]
    faster = _step(curve, curve, lr=STUDENT_RATES, scheduler="onecycle", target="to train faster", **SHORT)
    said = _aims(dead, faster)
    assert ('"faster": in effect - step m never got past 10.28 % in its 5 epochs; this step passed it at epoch 1; '
            "50 → 50 s of training in all") in said and "not judged" not in said
    late = [10.0, 10.1, 15.0, 60.0, 90.0]  # at chance until epoch 3's 15.0 got past 10.28
    assert "this step passed it at epoch 3" in _aims(dead, _step(late, late, target="faster", **SHORT))
    still = _chance(0.117, target="faster")  # did not learn either: not faster
    assert '"faster": not faster - step m never got past 10.28 %' in _aims(dead, still)
    assert "did not learn either (best test 10.28 %)" in _aims(dead, still)


def _label_gaps(rates: list[float]) -> tuple[list[float], float]:
    """The rate panel as drawn: its ticks inside the axis, and the smallest gap between two of them as a share of the
    panel's height (on the panel's own scale)."""
    fig, ax = plt.subplots()
    try:
        _plot_rate(ax, _step([90.0] * len(rates), [90.0] * len(rates), lr=rates).run.epochs)
        low, high = ax.get_ylim()
        ticks = sorted(t for t in ax.get_yticks() if low <= t <= high)
        scale = math.log if ax.get_yscale() == "log" else float
        span = scale(high) - scale(low)
        gaps = [(scale(b) - scale(a)) / span for a, b in zip(ticks, ticks[1:], strict=False)]
        return ticks, min(gaps, default=1.0)
    finally:
        plt.close(fig)


def test_the_rate_panels_labels_never_print_on_top_of_each_other():
    one_cycle = [0.005, 0.0451, 0.046, 0.0275, 0.0081]  # 5 epochs of a one-cycle: 0.0451 and 0.046 nearly one rate
    ticks, gap = _label_gaps(one_cycle)
    assert gap >= TICK_GAP and len(ticks) >= 2
    assert ticks[0] == min(one_cycle) and ticks[-1] == max(one_cycle)  # the lowest and highest always labelled
    labels = [f"{t:.3g}" for t in ticks]
    assert len(set(labels)) == len(labels)
    assert rate_ticks(one_cycle) == [0.005, 0.0081, 0.0275, 0.046]
    assert rate_ticks([0.05, 0.05, 0.025, 0.025, 0.0125]) == [0.0125, 0.025, 0.05]  # apart already: each kept
    cycle = [0.01, 0.0249, 0.0597, 0.0914, 0.0999, 0.097, 0.0905, 0.0808, 0.0688, 0.0553, 0.0414, 0.0281, 0.0166,
             0.00768, 0.00203]  # a decade and more: round numbers between the ends, not 0.018 or 0.0032
    assert rate_ticks(cycle) == [0.002, 0.005, 0.01, 0.02, 0.05, 0.1]
    assert rate_ticks([*cycle, 0.1, 0.0001]) == [0.0001, 0.001, 0.01, 0.1]  # three decades: the powers of ten
    linear = [0.0, 0.001, 0.049, 0.05]  # a rate that reaches 0: a linear axis, thinned the same way
    assert rate_ticks(linear) == [0.0, 0.05]
    assert _label_gaps(linear)[1] >= TICK_GAP


def test_a_check_steps_best_figures_name_their_seed_and_its_seconds_how_the_seeds_shared_the_machine():
    shown = _step(STEADY, STEADY, **SHORT)
    curves = {0: STEADY, 1: [45.9, 69.6, 93.69, 93.52, 95.24], 2: [42.7, 70.0, 91.75, 97.0, 92.0]}
    command = "tinydigits.check(Model_3, seeds=[0, 1, 2], epochs=5, jobs=2)"
    step = _checked(shown, curves, "workers", command)
    block = "\n".join(handin.step_block(2, step, None, {}))
    best = re.search(r"- best train accuracy: [^\n]*", block)[0]
    assert "best test accuracy: 95.79 % (epoch 5) (seed 0, the one shown); min of the last 3 epochs: 91.75 %" in best
    assert "(seed 2, the lowest" in best  # the min beside it is another seed's: each figure says whose
    assert ("50 s of training (seed 0's, beside up to 1 other seed at a time, so not comparable with a step trained "
            "alone; its check: 3 seeds, 2 jobs)") in block
    row = [line for line in handin.overview_table([step]).splitlines() if line.startswith("|")][-1]
    assert row.endswith("| 50 (seed 0's, beside up to 1 other seed at a time, so not comparable with a step trained alone; "
                        "the check: 3 seeds, 2 jobs) |"), row
    # seeds a check trained here, one after another, ran alone: never said beside another seed and one after another
    step.check.way = "here"
    assert handin.beside(step) == "alone"
    step.check.way = "workers"
    step.check.verdict.wall_seconds = 62.0  # the check's wall time, where its verdict recorded it
    assert handin.side_by_side(step) == "62 s wall for 3 seeds, 2 jobs"
    cli = _checked(shown, curves, "workers", "tinydigits check --model m --seeds 0-2 --jobs 3")
    assert handin.side_by_side(cli) == "3 seeds, 3 jobs"
    assert handin.side_by_side(_checked(shown, curves, "stacked")) == "3 seeds stacked as one network"
    called = _checked(shown, curves, "workers", "tinydigits.check(Model_3, seeds=[0, 1, 2], epochs=5)")  # jobs=1
    assert handin.side_by_side(called) == ""  # the API's default of one job: one seed after another
    one_at_a_time = _checked(shown, curves, "here", "tinydigits check --model m --seeds 0-2 --jobs 1")
    rows = [line for line in handin.overview_table([one_at_a_time]).splitlines() if line.startswith("|")]
    assert handin.side_by_side(one_at_a_time) == "" and rows[-1].endswith("| 50 |")
    alone = "\n".join(handin.step_block(0, shown, None, {}))  # a run: its figures are its one seed's
    assert "the one shown" not in alone and handin.side_by_side(shown) == ""


def test_higher_on_every_seed_says_where_the_shown_seeds_own_rise_is_inside_the_noise():
    """Every checked seed above the one run before, but the shown seed's own rise inside the two-score sampling error:
    said, so that 'higher' is not read as shown beyond the noise by that seed alone."""
    flat = [99.0] * 12
    before = _step([99.8] * 15, flat + [99.41, 99.35, 99.41])
    after = _step([99.8] * 15, flat + [99.55, 99.54, 99.55], target="a higher end")
    checked = _checked(after, {0: flat + [99.55, 99.54, 99.55], 1: flat + [99.50, 99.52, 99.51]})
    said = _aims(before, checked)
    assert "higher on every one of the check's 2 seeds" in said
    assert ("seed 0's own rise at its lowest and at the end is inside the test set's sampling error of two independent "
            "scores (two standard errors; a loose yardstick: two scores of the same digits vary less): on its own, not "
            "shown beyond that noise, nor ruled out") in said


def test_held_on_seeds_beside_a_higher_aim_says_both_readings():
    """"a higher end ... held on N seeds": the budget's count, and how many seeds' minima rose above the step before's."""
    flat = [99.0] * 12
    before = _step([99.8] * 15, flat + [99.41, 99.35, 99.41])
    after = _step([99.8] * 15, flat + [99.55, 99.54, 99.55], target="a higher end, held on 2 seeds")
    checked = _checked(after, {0: flat + [99.55, 99.54, 99.55], 1: flat + [99.30, 99.32, 99.31]})
    said = _aims(before, checked)
    assert ('"held on 2 seeds": the budget held on 1 of 2 seeds; the seeds above the step before\'s one run at the '
            "lowest scored epoch: 1 of 2, 0 of them beyond the two-score sampling error (minima against its 99.35 %); "
            "at the end: 1 of 2, 0 of them beyond the two-score sampling error (last epochs against its 99.41 %)") \
        in said and '"held on 2 seeds": no' not in said


def test_a_checks_seconds_say_each_seeds_own(tmp_path):
    """Seeds that shared the machine: each seed's own seconds said beside the shared figure, from its run folder's
    epochs, so a seed that ran more alone shows what the recipe costs."""
    import json

    shown = _step(STEADY, STEADY, **SHORT)
    curves = {0: STEADY, 1: STEADY, 2: STEADY}
    step = _checked(shown, curves, "workers", "tinydigits.check(Model_3, seeds=[0, 1, 2], epochs=5, jobs=2)")
    for seed, seconds in ((0, 5.0), (1, 5.0), (2, 2.5)):
        folder = tmp_path / f"s{seed}"
        folder.mkdir()
        (folder / "metrics.json").write_text(json.dumps({"epochs": [{"seconds": seconds}] * 5}))
        step.check.runs[seed] = folder
    assert handin.side_by_side(step) == "3 seeds, 2 jobs; each seed's own seconds: seed 0 25, seed 1 25, seed 2 12"


def test_a_check_whose_seeds_ran_one_after_another_says_its_wall_time_beside_one_seeds_seconds():
    """A check without jobs trained its seeds one after another: one seed's seconds said as that, with the check's
    wall time where its verdict recorded it - not read as the step's whole cost."""
    shown = _step(STEADY, STEADY, **SHORT)
    curves = {0: STEADY, 1: STEADY, 2: STEADY}
    step = _checked(shown, curves, "workers", "tinydigits.check(Model_3, seeds=[0, 1, 2], epochs=5)")
    step.check.verdict.wall_seconds = 151.0
    assert handin.side_by_side(step) == "151 s wall for 3 seeds, one after another"
    row = [line for line in handin.overview_table([step]).splitlines() if line.startswith("|")][-1]
    assert row.endswith("| 50 (seed 0's, alone; the check: 151 s wall for 3 seeds, "
                        "one after another) |"), row


def test_a_check_steps_epoch_1_change_says_where_the_seed_shown_ranks_and_what_every_seed_spans():
    """The effect's epoch-1 figure is the seed shown's: where it is the check's best case, that is said, with the
    change every seed's epoch 1 spans against the step before's one run."""
    before = _step([60.0, 80.0, 90.0, 92.0, 93.0], [60.0, 80.0, 90.0, 92.0, 93.0], **SHORT)
    shown = _step([70.0, 85.0, 94.0, 95.0, 96.0], [70.0, 85.0, 94.0, 95.0, 96.0], **SHORT)
    curves = {0: shown.run.test(), 1: [66.0, 84.0, 93.5, 95.0, 95.5], 2: [68.0, 85.0, 93.8, 95.2, 95.9]}
    effect = "\n".join(rules.change_lines(before, _checked(shown, curves)))
    assert ("the check's other seeds at epoch 1: seed 1 66.00 %, seed 2 68.00 % (seed 0, shown, the highest of the 3 at "
            "epoch 1; against the step before's one run the 3 seeds span +6.00 to +10.00)") in effect
    low = {**curves, 0: shown.run.test(), 1: [72.0, *curves[1][1:]]}
    assert "(seed 0, shown, number 2 from the top of the 3 at epoch 1;" in "\n".join(
        rules.change_lines(before, _checked(shown, low)))


def test_higher_on_every_seed_says_in_its_head_how_many_rose_beyond_the_noise():
    """"higher on every one of the check's seeds" said alone reads stronger than the figures: how many of them rose
    beyond the test set's sampling error is in the same clause."""
    flat = [90.0, 95.0, 98.9, 99.0, 99.0]
    before = _step(flat, flat, **SHORT)
    near = {s: [90.0, 95.0, 99.02 + 0.01 * s, 99.05, 99.05] for s in range(3)}  # a few hundredths: noise
    shown = _step(near[0], near[0], target="higher", **SHORT)
    said = _aims(before, _checked(shown, near))
    assert ('"higher": higher on every one of the check\'s 3 seeds, at its lowest epoch and at the end, than the step '
            "before's one run (seed 0; its own seeds' spread not measured), none of them by more than the test set's "
            "sampling error of two independent scores") in said
    dip = [90.0, 95.0, 98.0, 99.0, 99.0]  # its lowest 98.00, its end 99.00
    far = {s: [90.0, 95.0, 99.3, 99.3, 99.1 + 0.01 * s] for s in range(3)}  # beyond at the lowest, not at the end
    shown = _step(far[0], far[0], target="higher", **SHORT)
    assert ("3 of them by more than the test set's sampling error of two independent scores at the lowest, 0 at the "
            "end") in _aims(_step(dip, dip, **SHORT), _checked(shown, far))


def test_a_stall_says_why_it_is_read_from_its_epoch():
    """Two steps' plateaus read from different epochs (after epoch 12 in one, after 9 in another): each says the rule
    that picks its epoch, so the windows read alike."""
    test = [97.0, 98.0, 98.5, 98.8, 99.0, 99.1, 99.2, 99.3, 99.4, 99.41, 99.42, 99.43, 99.42, 99.41, 99.42]
    text = rules.stall_text(test, [0.1] * 15)
    assert text.startswith("after epoch 9 test accuracy gained at most 0.03 points")
    assert "epoch 9: the first after which no later epoch beat the best up to it by more than 0.05 points" in text


def test_a_seed_whose_epochs_overlapped_no_others_is_said_to_have_trained_alone(tmp_path):
    """Three seeds on two jobs: the third starts when the first two are done, and its seconds are a seed's alone - said
    so from the run folders' start stamps and seconds, where the others' ran side by side."""
    import json

    assert handin.trained_alone({0: (0.0, 26.0), 1: (0.0, 27.0), 2: (30.0, 12.0)}) == {2}
    assert handin.trained_alone({0: (0.0, 26.0), 1: (0.0, 27.0), 2: (26.5, 12.0)}) == {2}  # within the stamps' second
    assert handin.trained_alone({0: (0.0, 26.0), 1: (0.0, 27.0), 2: (20.0, 12.0)}) == set()
    assert handin.trained_alone({0: (None, 26.0), 1: (30.0, 27.0)}) == set()  # an unknown start: nothing said
    runs = {}
    for seed, stamp, seconds in ((0, "20261127T085447Z", 26.0), (1, "20261127T085447Z", 27.0),
                                 (2, "20261127T085520Z", 12.0)):
        runs[seed] = tmp_path / f"m-{stamp}-s{seed}"
        runs[seed].mkdir()
        (runs[seed] / "metrics.json").write_text(json.dumps({"epochs": [{"seconds": seconds}],
                                                             "timing": {"startup_s": 3.0}}))
    shown = _step(STEADY, STEADY, **SHORT)
    step = _checked(shown, {0: STEADY, 1: STEADY, 2: STEADY}, "workers", "tinydigits.check(m, seeds=[0, 1, 2], jobs=2)")
    step.check.runs = runs
    assert handin.side_by_side(step).endswith(
        "each seed's own seconds: seed 0 26, seed 1 27, seed 2 12 - alone (its epochs overlapped no other seed's, by the "
        "run folders' start stamps and seconds)")
    assert handin.beside(step).startswith("beside up to 1 other seed at a time")
    shown_alone = rules.Step(dataclasses.replace(step.run, seed=2), step.check, step.why_shown)
    assert handin.beside(shown_alone).startswith("alone (its epochs overlapped no other seed's")


def test_higher_at_its_lowest_says_each_scored_epoch_beyond_the_noise():
    """"higher at its lowest epoch but not shown at the end" read as one epoch's gain where two of the three scored
    epochs gained beyond the noise: the epochs beyond it are said in the verdict."""
    before = _step([60.0, 80.0, 90.09, 96.83, 97.95], [60.0, 80.0, 90.09, 96.83, 97.95], **SHORT)
    after = _step([60.0, 80.0, 96.97, 97.84, 98.23], [60.0, 80.0, 96.97, 97.84, 98.23], target="higher", **SHORT)
    said = _aims(before, after)
    assert ('"higher": higher at its lowest epoch but not shown at the end (epoch by epoch, beyond the two-score '
            "sampling error at epochs 3-4 of 3-5)") in said


def test_a_check_steps_progress_and_span_lead_with_its_seeds_not_the_seed_shown_alone():
    """A check step's plateau read from the seed shown alone hid that the seeds as a whole still rose: its progress
    leads with the seeds' mean over the same epochs and how many reached their best in the scored epochs, and its span
    says the widest seed's beside the seed shown's."""
    ran = 15
    shown = [97.0 + 0.2 * i for i in range(11)] + [99.57, 99.56, 99.54, 99.55]  # best at epoch 12, then below it
    rising = {s: [97.0 + 0.2 * i for i in range(11)] + [99.40, 99.45 + 0.01 * s, 99.50, 99.58] for s in (1, 2)}
    wide = [97.0 + 0.2 * i for i in range(11)] + [99.40, 99.44, 99.53, 99.60]
    curves = {0: shown, **rising, 3: wide}
    step = _checked(_step(shown, shown, epochs=ran), curves)
    lines = rules.analysis_lines(step, None)
    progress = next(x for x in lines if x.startswith("- progress"))
    assert progress.startswith("- progress: the check's 4 seeds' mean test accuracy ")
    assert "higher at every epoch" in progress and "3 of the 4 seeds reaching their best in the scored epochs 13-15" \
        in progress and "; seed 0, the one shown: " in progress
    stability = next(x for x in lines if x.startswith("- stability"))
    assert "(99.54-99.56 %; seed 0's, the check's 4 seeds' up to 0.16, seed 3)" in stability
    alone = _step(shown, shown, epochs=ran)
    assert next(x for x in rules.analysis_lines(alone, None) if x.startswith("- progress")).startswith(
        "- progress: ")  # a run of one seed: its own reading, unlabelled
