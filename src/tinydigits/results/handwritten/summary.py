"""A read hand-in in a few lines per step: what a teacher (or a test) looks at first."""

from __future__ import annotations

from tinydigits.results.handwritten.reading import HandIn, HandStep


def _figure(value: float | None, unit: str = "%") -> str:
    return "-" if value is None else f"{value:.2f}{unit}"


def step_lines(step: HandStep) -> list[str]:
    head = f"{step.name or '(the hand-in)'}: "
    params = f"{step.params:,} params ({step.params_from})" if step.params is not None else "params not given"
    if step.epochs:
        base = "" if step.epoch_base is None else f", counted from {step.epoch_base}"
        last = step.epochs[-1]
        log = (f"{len(step.epochs)} epochs from {step.log_source}{base}; best test {_figure(step.best_test)}, "
               f"last test {_figure(last.test_acc)}, last train {_figure(last.train_acc)}")
        rates = sorted({e.lr for e in step.epochs if e.lr is not None})
        if rates:
            log += f"; lr {', '.join(f'{r:g}' for r in rates)}"
    else:
        log = "no log"
    lines = [head + params + "; " + log]
    said = " | ".join(f"{part} {len(items)}" for part, items in
                      (("Target", step.target), ("Result", step.result), ("Analysis", step.analysis)))
    lines.append(f"  texts: {said}" + (f"; model {step.model}, rf {step.rf}" if step.model else ""))
    if step.per_class:
        lines.append("  per class: " + ", ".join(f"{c.digit}: {c.accuracy:g}%" for c in step.per_class))
    lines += [f"  note: {note}" for note in step.notes]
    return lines


def summary_lines(handin: HandIn) -> list[str]:
    lines = [f"{handin.path}: {len(handin.steps)} steps"]
    for step in handin.steps:
        lines += step_lines(step)
    lines += [f"not mapped: {line}" for line in handin.unmapped]
    lines += [f"note: {line}" for line in handin.notes]
    return lines
