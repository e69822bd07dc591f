"""`tinydigits models`: the registry as a table a person reads (rounded recipe) or JSON a machine reads (exact)."""

from __future__ import annotations

from typing import Any

from tinydigits.constants import BUDGET, DEFAULT_MODEL
from tinydigits.models import registry, summary

# Short names for the recipe's settings in the table, in the order a reader thinks of a run.
SHORT = {"epochs": "ep", "batch_size": "b", "optimizer": "", "lr": "lr", "scheduler": "",
         "label_smoothing": "ls", "ema": "ema", "bn_recompute": "bn-recompute", "augment_degrees": "rot",
         "augment_translate": "shift", "augment_scale": "zoom", "augment_elastic": "elastic", "augment_stroke": "stroke",
         "augment_blur": "blur", "augment_noise": "noise", "augment_off_last": "plain-last",
         "lr_floor_last": "lr-floor-last", "size_schedule": "sizes", "batch_schedule": "batches"}


def rows(refs: list[str] | None = None) -> list[dict[str, Any]]:
    """One dict per model: name, params, MACs, epochs, its exact recipe, its code's hash (the seed ledger counts seeds
    by it: `tinydigits models` adds each tier's odds from docs/seeds.csv), and whether it is the default."""
    out = []
    for source in map(registry.resolve, refs or registry.names()):
        totals = summary.totals(summary.summarize(source.create()))
        out.append({"name": source.name, "params": totals["params"], "macs": totals["macs"],
                    "epochs": source.recipe.get("epochs", BUDGET.max_epochs), "held": "-",
                    "model_sha256": source.digest(),
                    "recipe": source.recipe,
                    "default": source.ref == DEFAULT_MODEL})
    return out


def _value(value: Any) -> str:
    if isinstance(value, float):  # two significant digits; a decay near 1 (EMA 0.999) keeps its nines
        return f"{value:.3g}" if 0.9 < value < 1 else f"{value:.2g}"
    if isinstance(value, tuple | list):
        return "-".join(_value(v) for v in value)
    return str(value)


def short_recipe(recipe: dict[str, Any]) -> str:
    """`sgd onecycle lr 0.1 b64 rot 12 ema 0.999`: the recipe in a line, numbers to 2 significant digits (the exact
    values: `models --json`). The precision is left out: it is the arithmetic's (portable runs train fp32), not the
    recipe's."""
    parts = []
    for key, label in SHORT.items():
        value = recipe.get(key)
        if key == "epochs" or value in (None, 0, 0.0, "none", (1.0, 1.0)):
            continue
        text = _value(value)
        parts.append(text if not label else f"{label}{text}" if label in ("b",) else f"{label} {text}")
    return " ".join(parts)


def write_up(ref: str) -> str | None:
    """A model's own Target / Result / Analysis: a registered model's from its write-up beside the zoo
    (`models/write_ups/NAME.md`, data: the measured tables are not code), a user's class from its docstring (the
    blocks from "Target:" on); None for a model without one (a spec, a class with no such blocks)."""
    import inspect
    from importlib import resources

    source = registry.resolve(ref)
    if source.origin.get("kind") == "registry":
        found = resources.files("tinydigits.models") / "write_ups" / f"{source.name}.md"
        return found.read_text().rstrip("\n") if found.is_file() else None
    doc = inspect.getdoc(type(source.create())) or ""
    start = doc.find("Target:")
    return doc[start:] if start >= 0 and "Analysis" in doc[start:] else None


RECIPE_WIDTH = 52  # the recipe column wraps here: a line of the table stays under ~110 characters


def format_table(table: list[dict[str, Any]]) -> str:
    import textwrap

    head = ("model", "params", "MACs", "epochs", "held", "recipe")
    body = [(r["name"] + (" *" if r["default"] else ""), f"{r['params']:,}", f"{r['macs'] / 1e6:.2f} M", str(r["epochs"]),
             r["held"], textwrap.wrap(short_recipe(r["recipe"]), RECIPE_WIDTH, break_on_hyphens=False) or [""]) for r in table]
    widths = [max(len(row[i]) for row in [head, *body]) for i in range(5)]
    lines = []
    for row in [(*head[:5], [head[5]]), *body]:
        cells = [c.ljust(w) if i in (0, 4) else c.rjust(w) for i, (c, w) in enumerate(zip(row[:5], widths, strict=True))]
        lines.append("  ".join([*cells, row[5][0]]))
        lines += [" " * (sum(widths) + 10) + more for more in row[5][1:]]
    lines += ["held: judged seeds that held the budget / seeds judged, P: the odds a new seed holds (docs/seeds.csv);",
              "      (in brackets) the arithmetic, where not portable2 (portable: the earlier pins, one curve per CPU vendor)"]
    if any(r["default"] for r in table):
        lines.append(f"* the default (train, check, summary and bench without --model use {DEFAULT_MODEL})")
    return "\n".join(line.rstrip() for line in lines)
