"""The accuracy loop of training and the batch-norm statistics refreshed before it: one pass per split, in eval
mode, one model or a stack of seeds alike."""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from tinydigits.data import mnist
from tinydigits.models.registry import eval_mode
from tinydigits.training.device import infer, input_layout

TEST_BATCH = 1000  # images a test pass takes from its split at a time (then forwarded in `infer`'s pieces)


def evaluate(model: nn.Module, split: mnist.Split | list[mnist.Split], batch_size: int = TEST_BATCH,
             keep: list[torch.Tensor] | None = None):
    """(mean cross-entropy, accuracy %) over a split, in eval mode: the one accuracy loop of training. A stack of G
    seeds (`training.stack`: logits [B, G, 10]) takes a list of G splits and gives a list of G pairs, in one pass.
    `keep`: a list that gets each batch's logits ([B, 10], or [B, G, 10]) - the last epoch's feed the pictures and
    report (`results.predictions.from_logits`), so a finished run needs no second pass over the test set."""
    splits = split if isinstance(split, list) else [split]
    loss_sum = correct = 0
    with eval_mode(model):
        for group in zip(*(mnist.batches(s, batch_size) for s in splits), strict=True):
            logits = infer(model, input_layout(torch.cat([x for x, _ in group], 1), model))
            if keep is not None:
                keep.append(logits.detach().cpu())
            if logits.dim() == 2:
                logits = logits[:, None]  # one model: a stack of one
            y = torch.stack([y for _, y in group], 1)
            loss_sum = loss_sum + F.cross_entropy(logits.permute(0, 2, 1), y, reduction="none").sum(0)
            correct = correct + (logits.argmax(2) == y).sum(0)
    n = len(splits[0])
    pairs = [(float(loss) / n, 100.0 * int(c) / n) for loss, c in zip(loss_sum.tolist(), correct.tolist(), strict=True)]
    return pairs if isinstance(split, list) else pairs[0]


@torch.no_grad()
def recompute_bn(model: nn.Module, split: mnist.Split | list[mnist.Split], images: int, batch_size: int = 1000) -> None:
    """Batch-norm statistics measured for the weights as they are (`torch.optim.swa_utils.update_bn`) over the
    first `images` un-augmented training images. An EMA of the weights averages the running statistics too,
    and those belong to weights the EMA no longer holds; a few thousand images fix them for a fraction of an
    epoch's cost. A list of splits feeds a stack of seeds (`training.stack`), each seed its own images."""
    if images <= 0 or not any(isinstance(m, nn.modules.batchnorm._BatchNorm) for m in model.modules()):
        return
    splits = split if isinstance(split, list) else [split]
    subsets = [s.subset(torch.arange(min(images, len(s)))) for s in splits]
    loader = zip(*(mnist.batches(s, batch_size) for s in subsets), strict=True)
    torch.optim.swa_utils.update_bn((input_layout(torch.cat([x for x, _ in group], 1), model) for group in loader),
                                    model)



def confused_pairs(labels: torch.Tensor, preds: torch.Tensor, classes: int = 10) -> list[dict[str, int]]:
    """Every (true, predicted) pair of the mistakes, most frequent first (ties: by true, then predicted digit): what a
    model confuses, ranked, as fastai's `most_confused` lists it. Their counts add up to the errors."""
    cm = torch.bincount(labels.long() * classes + preds.long(), minlength=classes * classes).reshape(classes, classes)
    pairs = [{"true": t, "predicted": p, "count": int(cm[t, p])} for t in range(classes) for p in range(classes)
             if t != p and cm[t, p] > 0]
    return sorted(pairs, key=lambda d: (-d["count"], d["true"], d["predicted"]))
