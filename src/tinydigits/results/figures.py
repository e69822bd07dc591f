"""matplotlib for files only (the Agg backend, no display) and the one way a picture is saved (atomically): what every
picture of a run, a check, a hand-in, a study and a range test is drawn with."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no display needed
import matplotlib.pyplot as plt  # noqa: E402

from tinydigits import files  # noqa: E402

__all__ = ["DPI", "matplotlib", "plt", "save_figure"]

DPI = 110  # every picture's pixels per inch


def save_figure(fig, path: Path, tight: bool = True) -> bytes:
    """The figure as a PNG at `path` (atomically); returns the file's bytes, so a caller that shows the picture
    elsewhere too (TensorBoard) has it without reading the file back. `tight`: cropped to what is drawn (a figure of
    a picture's pixels, `fig.figimage`, is not cropped: the crop leaves the picture out)."""
    png = io.BytesIO()
    fig.savefig(png, format="png", dpi=DPI, **({"bbox_inches": "tight"} if tight else {}))
    plt.close(fig)
    files.atomic_write(path, lambda tmp: Path(tmp).write_bytes(png.getvalue()))
    return png.getvalue()
