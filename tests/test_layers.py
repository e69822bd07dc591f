"""The two hand-written layers in models.py: cheaper than PyTorch's, same behaviour."""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F

from tinydigits.models import Dropout, MaxPool2d


@pytest.mark.parametrize("dtype", [torch.float32, torch.bfloat16])
@pytest.mark.parametrize("channels_last", [True, False])
def test_dropout_drops_p_and_rescales_the_rest(dtype, channels_last):
    torch.manual_seed(0)
    x = torch.ones(32, 12, 24, 24, dtype=dtype)
    if channels_last:
        x = x.contiguous(memory_format=torch.channels_last)
    y = Dropout(0.05)(x)
    dropped = (y == 0).float().mean().item()
    assert abs(dropped - 0.05) < 0.003  # 221k elements: 5 standard deviations is 0.0023
    kept = y[y != 0].float()
    assert torch.allclose(kept, torch.full_like(kept, 1 / 0.95), rtol=4e-3)  # bf16 rounds 1/0.95
    assert y.dtype == dtype and y.is_contiguous(memory_format=torch.channels_last) == channels_last


def test_dropout_uses_every_random_bit():
    """All four 16-bit lanes of each 64-bit draw must drop (a plain random_() leaves the sign bit 0)."""
    torch.manual_seed(1)
    y = Dropout(0.05)(torch.ones(400_000))
    lanes = (y == 0).view(-1, 4).float().mean(0)
    assert torch.all((lanes - 0.05).abs() < 0.004), lanes


def test_dropout_is_seeded_identity_in_eval_and_differentiable():
    layer = Dropout(0.1)
    x = torch.randn(4, 3, 5, 5, requires_grad=True)
    torch.manual_seed(7)
    a = layer(x)
    torch.manual_seed(7)
    b = layer(x)
    assert torch.equal(a, b)
    a.sum().backward()
    assert torch.allclose(x.grad, (a != 0).float() / 0.9 * (x != 0))  # gradient is the scaled mask
    layer.eval()
    assert layer(x) is x


def test_maxpool_in_fp32_gives_the_same_values_and_gradients_under_bf16():
    """bf16 activations after ReLU tie often; the fp32 pool must pick the same element."""
    torch.manual_seed(0)
    x = torch.randint(0, 4, (8, 12, 24, 24)).to(torch.bfloat16).contiguous(memory_format=torch.channels_last)
    a, b = x.clone().requires_grad_(), x.clone().requires_grad_()
    ya, yb = F.max_pool2d(a, 2), MaxPool2d(2)(b)
    assert yb.dtype == torch.bfloat16 and torch.equal(ya, yb)
    g = torch.randn(ya.shape).to(torch.bfloat16)
    ya.backward(g)
    yb.backward(g)
    assert torch.equal(a.grad, b.grad)
