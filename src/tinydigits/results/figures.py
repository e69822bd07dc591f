"""matplotlib for files only (the Agg backend, no display) and the one way a picture is saved (atomically): what every
picture of a run, a check, a hand-in, a study and a range test is drawn with.

matplotlib loads on first use (`figures.plt`, `figures.matplotlib`, or a name imported from here): about 0.7 s that a
training run's own process never pays, its pictures being drawn beside it (`lifecycle.finish`)."""

from __future__ import annotations

import io
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydigits import files

if TYPE_CHECKING:  # loaded by `__getattr__` below
    import matplotlib
    import matplotlib.pyplot as plt

__all__ = ["DPI", "matplotlib", "plain_log_axis", "plt", "save_figure", "tight_box"]

DPI = 110  # every picture's pixels per inch


def __getattr__(name: str) -> Any:
    """`matplotlib` (Agg: files only, no display needed) and `plt`, loaded the first time either is asked for."""
    if name not in ("matplotlib", "plt"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    globals().update(matplotlib=matplotlib, plt=plt)
    return globals()[name]


def save_figure(fig, path: Path, tight: bool = True) -> bytes:
    """The figure as a PNG at `path` (atomically); returns the file's bytes, so a caller that shows the picture
    elsewhere too (TensorBoard) has it without reading the file back. `tight`: cropped to what is drawn (a figure of
    a picture's pixels, `fig.figimage`, is not cropped: the crop leaves the picture out)."""
    png = io.BytesIO()
    fig.savefig(png, format="png", dpi=DPI, bbox_inches=tight_box(fig) if tight else None)
    __getattr__("plt").close(fig)
    files.atomic_write(path, lambda tmp: Path(tmp).write_bytes(png.getvalue()))
    return png.getvalue()


def tight_box(fig) -> Any:
    """What `bbox_inches="tight"` crops to, measured without drawing: savefig's "tight" first draws the whole figure
    with its rendering switched off (for layout engines, which these figures have none of) and then measures; the box
    measured here is the same one (tests/test_figures.py), so the file is too."""
    matplotlib = __getattr__("matplotlib")
    fig.set_dpi(DPI)  # the text measured at the resolution it is saved at
    box = fig.get_tightbbox(fig.canvas.get_renderer())
    return box.padded(matplotlib.rcParams["savefig.pad_inches"])


def plain_log_axis(axis, decades: float = 2.5) -> None:
    """A log axis labelled in plain numbers (0.01, 0.1, 1; not 10^-2), and at 2 and 5 of each decade too where it
    spans `decades` or fewer, so that a panel narrower than a decade still has numbers on it; plain text, with no
    mathtext to parse."""

    def minor(value: float, _pos) -> str:
        low, high = sorted(axis.get_view_interval())
        mantissa = value / 10 ** math.floor(math.log10(value) + 1e-9) if value > 0 else 0
        few = low > 0 and math.log10(high / low) <= decades
        return f"{value:g}" if few and round(mantissa, 6) in (2.0, 5.0) else ""

    ticker = __getattr__("matplotlib").ticker
    axis.set_major_formatter(ticker.FuncFormatter(lambda value, _pos: f"{value:g}"))
    axis.set_minor_formatter(ticker.FuncFormatter(minor))
