"""matplotlib for files only (the Agg backend, no display) and the one way a picture is saved (atomically): what every
picture of a run, a check, a hand-in, a study and a range test is drawn with."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no display needed
import matplotlib.pyplot as plt  # noqa: E402

from tinydigits import files  # noqa: E402

__all__ = ["matplotlib", "plt", "save_figure"]


def save_figure(fig, path: Path) -> bytes:
    """The figure as a PNG at `path` (atomically); returns the file's bytes, so a caller that shows the picture
    elsewhere too (TensorBoard) has it without reading the file back."""
    png = io.BytesIO()
    fig.savefig(png, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    files.atomic_write(path, lambda tmp: Path(tmp).write_bytes(png.getvalue()))
    return png.getvalue()
