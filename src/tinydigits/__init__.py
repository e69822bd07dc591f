"""tinydigits: train, check and explain tiny MNIST convnets under hard budgets.

The notebook API (`tinydigits.train`, `tinydigits.check`, `tinydigits.summary`) is imported on first use, so
`import tinydigits` stays light (no torch) for ONNX-only prediction.
"""

from tinydigits.constants import VERSION as __version__  # noqa: F401  (the package version, as users read it)


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
