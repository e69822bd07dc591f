"""matplotlib for files only (the Agg backend, no display) and the one way a picture is saved (atomically): what every
picture of a run, a check, a hand-in, a study and a range test is drawn with."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no display needed
import matplotlib.pyplot as plt  # noqa: E402

from tinydigits import files  # noqa: E402

__all__ = ["matplotlib", "plt", "save_figure"]


def save_figure(fig, path: Path) -> None:
    files.atomic_write(path, lambda tmp: fig.savefig(tmp, format="png", dpi=110, bbox_inches="tight"))
    plt.close(fig)
