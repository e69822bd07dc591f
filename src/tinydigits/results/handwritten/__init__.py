"""A student's hand-in read as it was handed in - a README with Target / Result / Analysis per step, notebooks with
their printed outputs, model code - without ever running its code: `read_handin(path)` gives a `HandIn` of
`HandStep`s (texts, epochs as printed, parameters, layers and receptive field), `to_run(step)` the project's run
record of a step, for the claims engine.

    python -m tinydigits.results.handwritten HAND_IN   # each step in a few lines
"""

from tinydigits.results.handwritten.layers import Layer, Model, read_models
from tinydigits.results.handwritten.notebook import Notebook, read_notebook
from tinydigits.results.handwritten.printed import ClassAccuracy, HandEpoch, Log, read_log
from tinydigits.results.handwritten.reading import NO_LOG, HandIn, HandStep, read_handin, run_files, to_run
from tinydigits.results.handwritten.readme import Section, read_readme
from tinydigits.results.handwritten.summary import summary_lines

__all__ = ["NO_LOG", "ClassAccuracy", "HandEpoch", "HandIn", "HandStep", "Layer", "Log", "Model", "Notebook", "Section",
           "read_handin", "read_log", "read_models", "read_notebook", "read_readme", "run_files", "summary_lines",
           "to_run"]
