"""The exercise's steps read back and judged: the facts of each step computed once from its records (`facts`), then
said (`analysis_lines`) - so no two sentences about a step can disagree (`tinydigits report STEP... --steps`; the
write-up itself: `results.handin`).

Students hand in Model_1, Model_2, Model_3 with Target / Result / Analysis blocks, written by hand from tqdm logs, and
graders fail the analyses that are wrong: test above train called under-fitting when augmentation or dropout was on,
a shortened run read as the model's, two steps trained differently compared as if alike, a margin inside the noise
called a plain pass. Every statement here is a rule over measured figures, and says its rule.

The reasoning by job, each module importing only the ones above it:
- `step`: a step and its records, read once (`Step`, `read_step`, `read_steps`, `newest_run`; the `Facts` it holds)
- `curves`: what the recorded curves say (the test set's sampling error, trends, the stall, the rate's course)
- `fit`: the one fit diagnosis, from the facts as they are counted
- `known`: a step's facts, counted once (`facts`), and the noise its margin is judged by
- `readings`: a net that did not learn read as stuck or dead, the model's own record, a check's lowest seed
- `layers`: what changed in the layers (convs aligned; widths, layers, order, settings)
- `between`: every change from the step before, counted once, with its kind and why it cannot act where it cannot
- `advice`: what a diagnosis calls for next, and which changes serve it
- `compared`: the sentences reading a step against the step before (its changes, their effect, the Target's aims)
- `analysis`: the sentences of a step's Analysis and its verdict

This package's face is the names below: what `results.handin` and the tests use.
"""

from tinydigits.results.steps.advice import next_line, wanted
from tinydigits.results.steps.analysis import (
    analysis_lines,
    fit_lines,
    lowest_text,
    odds_sentence,
    verdict_reason,
)
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
from tinydigits.results.steps.compared import change_lines, target_line
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
from tinydigits.results.steps.step import Step, newest_run, read_step, read_steps, value_text, verdict_of

__all__ = [
    "GAP_POINTS", "Step", "analysis_lines", "change_lines", "changes", "dead_signs", "ema_ramp", "ema_reach",
    "ema_set_at", "ended", "epoch_span", "facts", "fit_lines", "gap_noise", "layer_changes", "lowest_seed",
    "lowest_text", "margin_noise", "momentum_text", "newest_run", "next_line", "noise_band", "normed_convs",
    "odds_sentence", "onecycle_peak_epoch", "order_changes", "peak_rate", "rank", "rate_events", "rate_text",
    "reached_again", "read_step", "read_steps", "recipe_changes", "recorded_momenta", "run_losses", "schedule_inert",
    "setting_changes", "stall_epoch", "stall_text", "start_text", "started", "stuck", "target_line", "trend",
    "value_text", "verdict_of", "verdict_reason", "wanted", "widening", "width_changes",
]
