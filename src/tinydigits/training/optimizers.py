"""torch's SGD, Adam and AdamW as a run takes them, without torch's compiler loaded on the way.

`torch.optim.Optimizer` wraps `add_param_group`, `zero_grad` and `state_dict` in `torch._disable_dynamo`, and every
optimiser's `step` in a decorator that calls `torch._dynamo.graph_break()`: the first call of either imports
`torch._dynamo`, about 2 s of a run's start-up on a CPU, for a compiler a run never uses. The classes here are
torch's own with those methods called through to the functions inside the wrappers (`inspect.unwrap`): the same
update, op for op, in the same order, with grad mode set as torch's step decorator sets it, so a curve does not move
by a bit (tests/test_train.py's exact figures). Under `torch.compile` the wrappers matter; nothing here compiles.
"""

from __future__ import annotations

import inspect
from typing import Any

import torch


def _inner(fn: Any) -> Any:
    """The function inside torch's decorators (each keeps it as `__wrapped__`), or `fn` itself where there is none."""
    return inspect.unwrap(fn)


_ADD_PARAM_GROUP = _inner(torch.optim.Optimizer.add_param_group)
_ZERO_GRAD = _inner(torch.optim.Optimizer.zero_grad)
_STATE_DICT = _inner(torch.optim.Optimizer.state_dict)
_LOAD_STATE_DICT = _inner(torch.optim.Optimizer.load_state_dict)


class _Eager:
    """The methods of `torch.optim.Optimizer` that load the compiler, called past its wrappers. Mixed in before a
    torch optimiser class, whose own `step` (`_STEP`) it calls as torch's decorator would: grad mode off unless the
    optimiser is differentiable, restored after."""

    _STEP: Any = None
    defaults: dict[str, Any]

    def add_param_group(self, param_group: dict[str, Any]) -> None:
        _ADD_PARAM_GROUP(self, param_group)

    def zero_grad(self, set_to_none: bool = True) -> None:
        _ZERO_GRAD(self, set_to_none)

    def state_dict(self) -> dict[str, Any]:
        return _STATE_DICT(self)

    def load_state_dict(self, state_dict: dict[str, Any]) -> None:
        _LOAD_STATE_DICT(self, state_dict)

    def step(self, closure=None):
        previous = torch.is_grad_enabled()
        try:
            torch.set_grad_enabled(self.defaults["differentiable"])
            return type(self)._STEP(self, closure)
        finally:
            torch.set_grad_enabled(previous)


class SGD(_Eager, torch.optim.SGD):
    _STEP = _inner(torch.optim.SGD.step)


class Adam(_Eager, torch.optim.Adam):
    _STEP = _inner(torch.optim.Adam.step)


class AdamW(_Eager, torch.optim.AdamW):
    _STEP = _inner(torch.optim.AdamW.step)
