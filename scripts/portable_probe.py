"""Which piece of the portable arithmetic gives other bits on this CPU kind: a fingerprint per piece.

The portable arithmetic (fp32, ATen/oneDNN/MKL pinned to AVX2, one thread) gives the same curve on the AMD EPYCs this
project ran, and other bits on a 2-core Intel Xeon with AMX (docs/checking-seeds.md). A whole run mixes every kernel;
this script runs each piece of one training step on fixed inputs and prints a short hash of its result, so that two
machines' outputs, set side by side, name the pieces that differ:

    python scripts/portable_probe.py [--json FILE] [--native]

Pieces: the augmentation's 2x2 inverses (MKL LAPACK), its grid sample, the whole augmentation, each layer of the
default network on fixed inputs of its own (forward, input gradient, parameter gradients: oneDNN convolutions, batch
norm, pooling), the loss and its gradient, and SGD with momentum. Inputs come from torch's CPU generator (the same
numbers on every x86 CPU). Run in a fresh process: the pins only hold when set before torch's first kernel.
docs/portable-probe/ keeps each CPU kind's output; `--diff FILE` names the pieces that differ from one.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys


def fingerprint(t) -> str:
    return hashlib.sha256(t.detach().contiguous().cpu().numpy().tobytes()).hexdigest()[:12]


def probe(native: bool = False) -> dict[str, str]:
    from tinydigits.training.device import arithmetic, pin_portable

    if not native and (why := pin_portable()):
        sys.exit(f"portable_probe: cannot pin this process: {why}")
    import torch
    import torch.nn.functional as F

    from tinydigits import models
    from tinydigits.constants import DEFAULT_MODEL
    from tinydigits.lifecycle import make
    from tinydigits.training.config import TrainConfig
    from tinydigits.training.device import input_layout, model_layout

    torch.set_num_threads(1)
    out: dict[str, str] = {"cpu": str(arithmetic()), "torch": torch.__version__}
    g = torch.Generator().manual_seed(0)
    images = torch.rand(64, 1, 28, 28, generator=g)
    labels = torch.randint(0, 10, (64,), generator=g)
    mats = torch.rand(200, 2, 2, generator=g) + torch.eye(2)
    out["linalg.inv 200 x 2x2"] = fingerprint(torch.linalg.inv(mats))
    theta = torch.cat([torch.linalg.inv(mats[:64]), torch.rand(64, 2, 1, generator=g) * 0.1], dim=2)
    grid = F.affine_grid(theta, list(images.shape), align_corners=False)
    out["grid_sample"] = fingerprint(F.grid_sample(images, grid, mode="bilinear", padding_mode="zeros",
                                                   align_corners=False))
    cfg = make(TrainConfig(model=DEFAULT_MODEL, portable=not native, precision="fp32", threads=1)).config
    augmented = cfg.augment()(images, torch.Generator().manual_seed(1))
    out["augment (the recipe's)"] = fingerprint(augmented)
    torch.manual_seed(0)
    net = model_layout(models.create(cfg.model))
    shapes: dict[str, tuple] = {}
    leaves = [(name, m) for name, m in net.named_modules() if name and not list(m.children())]
    hooks = [m.register_forward_hook(lambda m, i, o, name=name: shapes.__setitem__(name, tuple(i[0].shape)))
             for name, m in leaves]
    net(input_layout(images))
    for h in hooks:
        h.remove()
    # Each layer on inputs of its own (fixed, not the layer before's output): a piece that differs is named alone.
    for name, m in leaves:
        x = torch.randn(shapes[name], generator=g)
        x = (input_layout(x) if x.dim() == 4 else x).requires_grad_()
        y = m.train()(x)
        out[f"{name} {type(m).__name__} forward"] = fingerprint(y)
        y.backward(torch.randn(y.shape, generator=g).to(memory_format=torch.channels_last) if y.dim() == 4
                   else torch.randn(y.shape, generator=g))
        out[f"{name} {type(m).__name__} input grad"] = fingerprint(x.grad)
        for pname, p in m.named_parameters():
            out[f"{name} {type(m).__name__} {pname} grad"] = fingerprint(p.grad)
    net.zero_grad()
    logits = torch.randn(64, 10, generator=g, requires_grad=True)
    loss = F.cross_entropy(logits, labels, label_smoothing=0.0)
    loss.backward()
    out["cross entropy and its grad"] = fingerprint(torch.cat([loss.reshape(1), logits.grad.reshape(-1)]))
    params = [torch.randn(p.shape, generator=g).requires_grad_() for p in net.parameters()]
    for p in params:
        p.grad = torch.randn(p.shape, generator=g)
    opt = torch.optim.SGD(params, lr=0.1, momentum=0.9)
    opt.step()
    opt.step()
    out["SGD with momentum, two steps"] = fingerprint(torch.cat([p.detach().reshape(-1) for p in params]))
    return out


def steps(n: int, batch: int = 64, control: bool = False) -> dict[str, str]:
    """`n` training steps of the default, portable, on fixed inputs: its augmentation, model, loss, optimiser,
    one-cycle rate and EMA, through the training loop's own step (`scheduled_step`). One hash per step of the loss,
    the trained weights and the EMA's weights and buffers: what tests/test_cross_vendor.py compares across CPU kinds.
    `control`: also `control_inverse`'s hash, taken before this process pins itself."""
    found = {"control (MKL_CBWR=AVX2)": control_inverse()} if control else {}
    if why := _pin():
        sys.exit(f"portable_probe: cannot pin this process: {why}")
    import torch

    from tinydigits.constants import DEFAULT_MODEL
    from tinydigits.lifecycle import make
    from tinydigits.training.config import TrainConfig
    from tinydigits.training.device import aten_isa
    from tinydigits.training.factories import training_model
    from tinydigits.training.train import Setup, scheduled_step

    plan = make(TrainConfig(model=DEFAULT_MODEL, portable=True))
    cfg = plan.config
    torch.set_num_threads(cfg.threads)  # the plan's one thread: a portable seed's curve is its one thread's
    torch.manual_seed(0)
    setup = Setup.of(cfg, training_model(plan.source), images=n * batch)
    g = torch.Generator().manual_seed(0)
    images, labels = torch.rand(n * batch, 1, 28, 28, generator=g), torch.randint(0, 10, (n * batch,), generator=g)
    augment = cfg.augment()
    out = {**found, "aten_isa": aten_isa(), "mkl_cbwr": os.environ.get("MKL_CBWR", "")}
    for i in range(n):
        x = augment(images[i * batch:(i + 1) * batch], g)
        loss, _ = scheduled_step(setup, x, labels[i * batch:(i + 1) * batch], cfg, 28, cfg.batch_size)
        state = [t.detach().reshape(-1).float() for t in (*setup.model.parameters(), *setup.ema.module.state_dict().values())]
        out[f"step {i + 1}"] = fingerprint(torch.cat([loss.detach().reshape(1), *state]))
    return out


def control_inverse() -> str:
    """The hash of 64 2x2 inverses (the augmentation's kind) under the pins before the portable arithmetic:
    MKL_CBWR=AVX2, which MKL honours on Intel only, so an Intel and an AMD give other bits. Computed in a child forked
    before this process ran a kernel (MKL and ATen read their pins at their first call), which shares torch as this
    process imported it: a second interpreter would import torch again, the slowest part of a process under an
    emulator."""
    import torch  # noqa: F401  (imported here, before the fork: the child starts with it)

    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # the child: its own pins, one product, its hash down the pipe
        os.close(read)
        code = 1
        try:
            os.environ.update(MKL_CBWR="AVX2", ATEN_CPU_CAPABILITY="avx2")
            g = torch.Generator().manual_seed(0)
            os.write(write, fingerprint(torch.linalg.inv(torch.rand(64, 2, 2, generator=g) + torch.eye(2))).encode())
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    with os.fdopen(read) as pipe:
        found = pipe.read()
    _, status = os.waitpid(child, 0)
    if status != 0 or not found:
        sys.exit(f"portable_probe: the control's child failed (status {status})")
    return found


def _pin() -> str | None:
    from tinydigits.training.device import pin_portable

    return pin_portable()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="also write the fingerprints here")
    parser.add_argument("--native", action="store_true", help="this CPU's own kernels (fp32, one thread), not pinned: "
                                                              "the pieces whose bits follow the kernels chosen")
    parser.add_argument("--diff", help="another machine's --json output: list the pieces whose bits differ")
    parser.add_argument("--steps", type=int, metavar="N", help="instead of the pieces: N whole training steps of the "
                                                               "default, one hash each (tests/test_cross_vendor.py)")
    parser.add_argument("--control", action="store_true", help="with --steps: also the hash of 2x2 inverses under "
                                                               "MKL_CBWR=AVX2, which differs between an Intel and an AMD")
    args = parser.parse_args()
    if args.control and not args.steps:
        parser.error("--control goes with --steps")
    found = steps(args.steps, control=args.control) if args.steps else probe(args.native)
    width = max(map(len, found))
    for key, value in found.items():
        print(f"{key:<{width}}  {value}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(found, f, indent=1)
    if args.diff:
        with open(args.diff) as f:
            other = json.load(f)
        differ = [k for k in found if k not in ("cpu", "torch") and other.get(k) != found[k]]
        print(f"\n{len(differ)} of {len(found) - 2} pieces differ from {args.diff} ({other.get('cpu')})")
        print("\n".join(f"  {k}" for k in differ))
    return 0


if __name__ == "__main__":
    sys.exit(main())
