"""tinydigits: train, check and explain tiny MNIST convnets under hard budgets.

The notebook API - `train`, `check`, `summary`, `lr_find`, `model_names`, `recipe`, `compare`, `judge`, `handin`
(the write-up), `claims` (an Analysis checked against a step's records), `Budget` and `TrainConfig` (every setting
`train` and `check` take) - is what a notebook needs without a module path (notebooks/walkthrough.ipynb uses nothing
else). Its functions are imported on first use, so `import tinydigits` stays light (no torch) for ONNX-only
prediction.
"""

from tinydigits.constants import VERSION as __version__  # noqa: F401  (the package version, as users read it)
from tinydigits.constants import Budget as Budget

API = ("train", "check", "summary", "lr_find", "model_names", "recipe", "compare", "judge", "handin", "claims")
# `TrainConfig`: every setting of a run (`help(tinydigits.TrainConfig)`), the keywords `train` and `check` take.
SETTINGS = ("TrainConfig",)


def __getattr__(name: str):
    """`tinydigits.train` and the rest of the notebook API: `tinydigits.api`'s functions, loaded on first use; and
    `tinydigits.TrainConfig` (torch-free)."""
    if name in API:
        from tinydigits import api

        return getattr(api, name)
    if name in SETTINGS:
        from tinydigits.training import config

        return getattr(config, name)
    raise AttributeError(f"module 'tinydigits' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *API, *SETTINGS])
