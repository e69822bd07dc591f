"""tinydigits: train, check and explain tiny MNIST convnets under hard budgets.

The notebook API (`tinydigits.check`, `tinydigits.summary`; `tinydigits.api.train`) is imported on first
use, so `import tinydigits` stays light (no torch) for ONNX-only prediction.
"""

__version__ = "0.1.0"


def check(*args, **kwargs):
    """See `tinydigits.api.check`."""
    from tinydigits.api import check as _check

    return _check(*args, **kwargs)


def summary(*args, **kwargs):
    """See `tinydigits.api.summary`."""
    from tinydigits.api import summary as _summary

    return _summary(*args, **kwargs)
