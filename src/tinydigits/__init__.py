"""tinydigits: train, check and explain tiny MNIST convnets under hard budgets.

The notebook API - `train`, `check`, `summary`, `model_names`, `recipe`, `compare`, `judge`, and `Budget` - is what a
notebook needs without a module path (notebooks/walkthrough.ipynb uses nothing else). Its functions are imported
on first use, so `import tinydigits` stays light (no torch) for ONNX-only prediction.
"""

from tinydigits.constants import VERSION as __version__  # noqa: F401  (the package version, as users read it)
from tinydigits.constants import Budget as Budget


def train(*args, **kwargs):
    """See `tinydigits.api.train`."""
    from tinydigits.api import train as _train

    return _train(*args, **kwargs)


def check(*args, **kwargs):
    """See `tinydigits.api.check`."""
    from tinydigits.api import check as _check

    return _check(*args, **kwargs)


def summary(*args, **kwargs):
    """See `tinydigits.api.summary`."""
    from tinydigits.api import summary as _summary

    return _summary(*args, **kwargs)


def model_names(*args, **kwargs):
    """The registered model names: see `tinydigits.api.model_names`."""
    from tinydigits.api import model_names as _model_names

    return _model_names(*args, **kwargs)


def recipe(*args, **kwargs):
    """A registered model's recipe: see `tinydigits.api.recipe`."""
    from tinydigits.api import recipe as _recipe

    return _recipe(*args, **kwargs)


def compare(*args, **kwargs):
    """Runs side by side as Markdown: see `tinydigits.api.compare`."""
    from tinydigits.api import compare as _compare

    return _compare(*args, **kwargs)


def judge(*args, **kwargs):
    """One run judged by the budget: see `tinydigits.api.judge`."""
    from tinydigits.api import judge as _judge

    return _judge(*args, **kwargs)
