"""Predictions on a split and the statistics people look at: confusion matrix, per-class scores."""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn

from tinydigits.data import mnist
from tinydigits.models.registry import eval_mode
from tinydigits.training.device import infer, input_layout


@dataclass
class Predictions:
    labels: torch.Tensor  # int64 [N]
    preds: torch.Tensor  # int64 [N]
    probs: torch.Tensor  # float [N, 10]

    @property
    def confidence(self) -> torch.Tensor:
        return self.probs.max(dim=1).values

    @property
    def accuracy(self) -> float:
        return 100.0 * float((self.preds == self.labels).float().mean())


def predict_split(model: nn.Module, split: mnist.Split, batch_size: int = 1000) -> Predictions:
    """Every image's class probabilities, in eval mode (the model's own mode comes back afterwards)."""
    with eval_mode(model):
        probs = [torch.softmax(infer(model, input_layout(x)), dim=1).cpu() for x, _ in mnist.batches(split, batch_size)]
    p = torch.cat(probs)
    return Predictions(split.labels.cpu(), p.argmax(1), p)


def from_logits(split: mnist.Split, logits: torch.Tensor, batch_size: int = 1000) -> Predictions:
    """What `predict_split` gives, from logits a test pass already computed (softmax batch by batch, as it does)."""
    p = torch.cat([torch.softmax(chunk, dim=1) for chunk in logits.split(batch_size)])
    return Predictions(split.labels.cpu(), p.argmax(1), p)


def confusion_matrix(labels: torch.Tensor, preds: torch.Tensor, classes: int = 10) -> torch.Tensor:
    """Rows: true digit, columns: predicted digit."""
    return torch.bincount(labels * classes + preds, minlength=classes * classes).reshape(classes, classes)


def per_class(cm: torch.Tensor) -> list[dict[str, float]]:
    """Accuracy (= recall: share of each true digit recognised), precision and recall, in percent."""
    rows = []
    for digit in range(cm.shape[0]):
        tp = float(cm[digit, digit])
        support, predicted = float(cm[digit].sum()), float(cm[:, digit].sum())
        recall = 100.0 * tp / support if support else 0.0
        precision = 100.0 * tp / predicted if predicted else 0.0
        rows.append({"digit": digit, "support": int(support), "accuracy": recall, "precision": precision,
                     "recall": recall, "errors": int(support - tp)})
    return rows
