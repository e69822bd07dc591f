"""tinydigits: train, check and explain tiny MNIST convnets under hard budgets."""

__version__ = "0.1.0"
