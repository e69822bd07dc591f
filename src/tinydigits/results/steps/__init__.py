"""The exercise's steps read back and judged: the facts of each step computed once from its records (`facts`), a
student's claims about them recognised and decided (`check_claims`), and, where a step has no Analysis, the facts said
in a few short bullets (`records_show`) - so no two sentences about a step can disagree (`tinydigits report STEP...
--steps`, `tinydigits claims FOLDER`; the write-up itself: `results.handin`).

Students hand in Model_1, Model_2, Model_3 with Target / Result / Analysis blocks, and graders fail the analyses that
are wrong: test above train called under-fitting when augmentation or dropout was on, a scheduler credited that never
moved the rate, a best epoch quoted as held. The Analysis is the student's; each claim in it is checked here.

The reasoning by job, each module importing only the ones above it:
- `step`: a step and its records, read once (`Step`, `read_step`, `read_steps`, `newest_run`; the `Facts` it holds)
- `curves`: what the recorded curves say (the test set's sampling error, trends, the stall, the rate's course)
- `fit`: the one fit diagnosis, from the facts as they are counted
- `known`: a step's facts, counted once (`facts`), and the noise its margin is judged by
- `readings`: a net that did not learn read as stuck or dead, the model's own record, a check's lowest seed
- `layers`: what changed in the layers (convs aligned; widths, layers, order, settings)
- `between`: every change from the step before, counted once, with its kind and why it cannot act where it cannot
- `claims`: a student's Analysis cut into claims, each decided from the facts (true, false, or not settled)
- `shown`: what the records show of a step without an Analysis, in a few short bullets

This package's face is the names below: what `results.handin` and the tests use.
"""

from tinydigits.results.steps.between import (
    changes,
    ema_ramp,
    ema_reach,
    ema_set_at,
    ended,
    momentum_text,
    recipe_changes,
    recorded_momenta,
    schedule_inert,
    start_text,
    started,
)
from tinydigits.results.steps.claims import YARDSTICKS, Claim, check_claims, rf_comments
from tinydigits.results.steps.curves import (
    epoch_span,
    gap_noise,
    noise_band,
    onecycle_peak_epoch,
    peak_rate,
    rate_events,
    rate_text,
    reached_again,
    run_losses,
    stall_epoch,
    stall_text,
    trend,
    widening,
)
from tinydigits.results.steps.fit import GAP_POINTS
from tinydigits.results.steps.known import facts, margin_noise
from tinydigits.results.steps.layers import layer_changes, normed_convs, order_changes, setting_changes, width_changes
from tinydigits.results.steps.readings import dead_signs, lowest_seed, rank, stuck
from tinydigits.results.steps.shown import records_show
from tinydigits.results.steps.step import Step, newest_run, read_step, read_steps, value_text, verdict_of

__all__ = [
    "Claim", "GAP_POINTS", "Step", "YARDSTICKS", "changes", "check_claims", "dead_signs", "ema_ramp", "ema_reach",
    "ema_set_at", "ended", "epoch_span", "facts", "gap_noise", "layer_changes", "lowest_seed", "margin_noise",
    "momentum_text", "newest_run", "noise_band", "normed_convs", "onecycle_peak_epoch", "order_changes", "peak_rate",
    "rank", "rate_events", "rate_text", "reached_again", "read_step", "read_steps", "recipe_changes",
    "recorded_momenta", "records_show", "rf_comments", "run_losses", "schedule_inert", "setting_changes",
    "stall_epoch", "stall_text", "start_text", "started", "stuck", "trend", "value_text", "verdict_of", "widening",
    "width_changes",
]
