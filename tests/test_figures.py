from __future__ import annotations

import dataclasses

from tinydigits.results import figures, report
from tinydigits.results.report import PICTURES


def _tight_as_matplotlib_crops(fig, path, tight=True):
    """`save_figure` as it was: matplotlib's own "tight" (a draw with rendering switched off, then the measure)."""
    import io

    png = io.BytesIO()
    fig.savefig(png, format="png", dpi=figures.DPI, **({"bbox_inches": "tight"} if tight else {}))
    figures.plt.close(fig)
    path.write_bytes(png.getvalue())
    return png.getvalue()


def test_every_picture_of_a_run_is_the_file_matplotlibs_tight_crop_makes(tiny_run, tmp_path, monkeypatch):
    """The tight box measured without a draw is the one savefig's "tight" measures after it: each picture the run
    left (`save_figure`) is the file matplotlib's own crop makes, the curves' legends below their panels (outside the
    figure) among them."""
    from tinydigits.results import explain

    monkeypatch.setattr(report, "save_figure", _tight_as_matplotlib_crops)
    monkeypatch.setattr(explain, "save_figure", _tight_as_matplotlib_crops)
    run = dataclasses.replace(tiny_run.run, folder=tmp_path)
    made = report.write_artifacts(run, tiny_run.model, tiny_run.test, tiny_run.test_logits, tiny_run.digits).pictures
    assert sorted(f"{name}.png" for name in made) == sorted(PICTURES)
    for name, png in made.items():
        assert (tiny_run.run_dir / f"{name}.png").read_bytes() == png, name


def test_the_tight_box_reaches_past_the_figure_where_a_legend_does(tmp_path):
    """A legend below its panel lies outside the figure: the box grows to hold it (a crop of the drawn canvas would
    cut it off)."""
    fig = report.curves_figure(_epochs(3), title="a run")
    box = figures.tight_box(fig)
    width, height = fig.get_size_inches()
    assert box.y0 < 0 < box.y1 <= height + 0.5 and box.width > 0.5 * width
    figures.plt.close(fig)


def _epochs(count):
    from tinydigits.training.runfolder import Epoch

    return [Epoch(i + 1, 2.0 / (i + 1), 50.0 + i, 1.8 / (i + 1), 55.0 + i, 0.01, 1.0, 1000.0, 28, 64) for i in range(count)]
