"""A run's seconds outside its epochs: named in metrics.json's `timing`, and cut - no compiler loaded for the
optimiser's sake, the splits read from a cache of their decoded tensors, the pictures drawn by processes beside the
run - with every curve and every file as it was."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
import torch
from torch import nn

from tinydigits.data import mnist
from tinydigits.lifecycle.finish import Painters
from tinydigits.results.report import PICTURES
from tinydigits.training import optimizers

START_UP = ("data_s", "model_s", "records_s")  # measured in every run's start-up
FINISH = ("pictures_s", "report_s")


def test_a_training_command_loads_no_compiler_nor_matplotlib_and_names_its_seconds(mnist_dir, tmp_path):
    """In a fresh process: `tinydigits train` leaves torch._dynamo unloaded (the optimiser's wrappers would load it)
    and matplotlib too (the pictures are drawn beside it); so does the arithmetic a GPU run holds, set after it
    (`ensure_arithmetic` on "cuda": deterministic kernels, warn-only, no fills, cuDNN without autotuning; torch's
    `use_deterministic_algorithms` imports torch._inductor and torch._dynamo first, for compiled code); every picture
    is in the folder when it returns; `timing` keeps its names and adds the parts; no CUDA context on a CPU."""
    script = textwrap.dedent(f"""
        import json, sys
        from tinydigits.cli import main
        code = main(["train", "--model", "model1", "--epochs", "1", "--train-limit", "256", "--threads", "1",
                     "--data-dir", {str(mnist_dir)!r}, "--out", {str(tmp_path)!r}, "--quiet"])
        import torch  # after the command: it times torch's own import
        from tinydigits.training.arithmetic import ensure_arithmetic
        from tinydigits.training.config import TrainConfig
        ensure_arithmetic(TrainConfig(device="cuda", portable=False, deterministic=True))
        print(json.dumps({{"code": code, "dynamo": "torch._dynamo" in sys.modules,
                           "inductor": "torch._inductor" in sys.modules, "matplotlib": "matplotlib" in sys.modules,
                           "gpu": [torch.are_deterministic_algorithms_enabled(),
                                   torch.is_deterministic_algorithms_warn_only_enabled(),
                                   torch.utils.deterministic.fill_uninitialized_memory,
                                   torch.backends.cudnn.deterministic, torch.backends.cudnn.benchmark]}}))
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert proc.returncode == 0, proc.stderr
    said = json.loads(proc.stdout.strip().splitlines()[-1])
    assert said == {"code": 0, "dynamo": False, "inductor": False, "matplotlib": False,
                    "gpu": [True, True, False, True, False]}, proc.stderr
    (folder,) = tmp_path.iterdir()
    assert {p for p in PICTURES if (folder / p).is_file()} == set(PICTURES)
    assert "![layers](layers.png)" in (folder / "report.md").read_text()
    timing = json.loads((folder / "metrics.json").read_text())["timing"]
    assert timing["step"] == "cpu" and "cuda_s" not in timing and "warmup_s" not in timing
    for name in ("startup_s", "finish_s", "process_s", "imports_s", "torch_s", "first_step_s", "checkpoint_s",
                 *START_UP, *FINISH):
        assert timing[name] >= 0, name
    assert timing["torch_s"] < timing["imports_s"] <= timing["process_s"]
    assert sum(timing[name] for name in START_UP) <= timing["startup_s"]
    assert timing["pictures_s"] + timing["report_s"] <= timing["finish_s"]


@pytest.mark.parametrize("make", [
    lambda p: (torch.optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True, weight_decay=5e-4),
               optimizers.SGD(p, lr=0.05, momentum=0.9, nesterov=True, weight_decay=5e-4)),
    lambda p: (torch.optim.Adam(p, lr=3e-3), optimizers.Adam(p, lr=3e-3)),
    lambda p: (torch.optim.AdamW(p, lr=3e-3, weight_decay=0.01), optimizers.AdamW(p, lr=3e-3, weight_decay=0.01)),
], ids=["sgd", "adam", "adamw"])
def test_the_optimisers_without_the_compiler_move_every_weight_as_torchs_own_to_the_bit(make):
    """Twin nets from one seed, one stepped by torch's optimiser and one by ours, for a few steps with a schedule:
    the same weights to the bit, and the same state."""
    nets = []
    for _ in range(2):
        torch.manual_seed(0)
        nets.append(nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 26 * 26, 10)))
    theirs, ours = make(list(nets[0].parameters()))[0], make(list(nets[1].parameters()))[1]
    schedules = [torch.optim.lr_scheduler.OneCycleLR(o, max_lr=0.05, total_steps=10) for o in (theirs, ours)]
    g = torch.Generator().manual_seed(1)
    for _ in range(6):
        x, y = torch.randn(8, 1, 28, 28, generator=g), torch.randint(0, 10, (8,), generator=g)
        for net, opt, schedule in zip(nets, (theirs, ours), schedules, strict=True):
            opt.zero_grad(set_to_none=True)
            nn.functional.cross_entropy(net(x), y).backward()
            opt.step()
            schedule.step()
    for a, b in zip(nets[0].parameters(), nets[1].parameters(), strict=True):
        assert torch.equal(a, b)
    assert str(theirs.state_dict()) == str(ours.state_dict())
    assert isinstance(ours, type(theirs)) and torch.is_grad_enabled()  # grad mode as it was before a step


def test_a_split_is_read_once_then_from_its_cache_and_a_damaged_cache_is_rebuilt(mnist_dir, tmp_path, monkeypatch):
    monkeypatch.setenv(mnist.SPLIT_CACHE_VAR, str(tmp_path / "splits"))
    decoded = mnist.load_split("test", mnist_dir, quiet=True)
    (cached,) = (tmp_path / "splits").glob("test-*.bin")

    def no_idx(*_args, **_kwargs):
        raise AssertionError("read the IDX file again")

    with monkeypatch.context() as m:  # whole: the IDX files are not read at all
        m.setattr(mnist, "read_idx", no_idx)
        again = mnist.load_split("test", mnist_dir, quiet=True)
    assert torch.equal(again.images, decoded.images) and torch.equal(again.labels, decoded.labels)
    assert again.labels.dtype == decoded.labels.dtype == torch.int64
    whole = cached.read_bytes()
    for damaged in (whole[: len(whole) // 2], whole[:-1] + bytes([whole[-1] ^ 1]), b"", whole[:10]):
        cached.write_bytes(damaged)
        with monkeypatch.context() as m:  # never trusted: read as if absent
            m.setattr(mnist, "read_idx", no_idx)
            with pytest.raises(AssertionError, match="IDX file again"):
                mnist.load_split("test", mnist_dir, quiet=True)
        rebuilt = mnist.load_split("test", mnist_dir, quiet=True)
        assert torch.equal(rebuilt.images, decoded.images) and torch.equal(rebuilt.labels, decoded.labels)
        assert cached.read_bytes() == whole


def test_a_split_cache_is_keyed_by_its_files_and_needs_no_writable_folder(mnist_dir, tmp_path, monkeypatch):
    """A file touched is another key (decoded and checked again, a second cache file); a cache folder that cannot be
    made leaves the split read from the IDX files, as without a cache."""
    import shutil

    source = tmp_path / "data"
    source.mkdir()
    for f in mnist_dir.glob("*.gz"):
        if f.name.startswith("t10k"):
            shutil.copy(f, source / f.name)
        else:
            (source / f.name).symlink_to(f)
    monkeypatch.setenv(mnist.SPLIT_CACHE_VAR, str(tmp_path / "splits"))
    first = mnist.load_split("test", source, quiet=True)
    images = source / "t10k-images-idx3-ubyte.gz"
    os.utime(images, ns=(images.stat().st_atime_ns, images.stat().st_mtime_ns + 10**9))
    second = mnist.load_split("test", source, quiet=True)
    assert len(list((tmp_path / "splits").glob("test-*.bin"))) == 2
    assert torch.equal(first.images, second.images)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv(mnist.SPLIT_CACHE_VAR, str(blocked / "splits"))
    third = mnist.load_split("test", source, quiet=True)
    assert torch.equal(third.images, first.images) and blocked.is_file()
    monkeypatch.setenv(mnist.SPLIT_CACHE_VAR, "off")
    assert mnist.tensor_cache_dir() is None
    assert torch.equal(mnist.load_split("test", source, quiet=True).labels, first.labels)


def _answer() -> int:
    return 42


def test_painters_draw_beside_and_a_job_that_cannot_travel_is_drawn_here():
    """A job goes to a painter and comes back; one that cannot be pickled (a lambda) is drawn in this process; after
    `close` a job is drawn here too."""
    painters = Painters.start(workers=1)
    assert painters is not None
    try:
        here = os.getpid()
        got = painters.draw({"pid": (os.getpid, ()), "answer": (_answer, ()), "lambda": (lambda: here, ())})
        assert got["pid"]() != here and got["answer"]() == 42 and got["lambda"]() == here
    finally:
        painters.close()
    assert painters.draw({"pid": (os.getpid, ())})["pid"]() == os.getpid()


def test_painters_are_forked_on_linux_though_torch_has_started_cuda(monkeypatch):
    """A GPU run's plan starts torch's CUDA (its bf16 question) before the painters start: they are forked all the
    same (spawned, each imported torch anew beside the run's first kernel); spawned only when asked. The start method
    is what is decided here (the processes themselves: the tests around)."""
    import torch

    monkeypatch.setattr(torch.cuda, "is_initialized", lambda: True)
    made = []
    monkeypatch.setattr(Painters, "__init__", lambda self, workers, method: made.append((workers, method)))
    assert Painters.start(workers=1) is not None and Painters.start(workers=2, method="spawn") is not None
    assert made == [(1, "fork" if sys.platform == "linux" else "spawn"), (2, "spawn")]


def test_a_module_travels_as_it_was_sent_though_this_process_hooks_it_at_once():
    """The pool pickles a job's arguments later, on a thread of its own; a module hooked here meanwhile (as the
    report's layer table does, with a local function that cannot be pickled) still reaches the painter, as it was
    when sent: no picture falls back to this process under load. In a process of its own: where a job fails to
    travel, the pool's shutdown can hang."""
    script = textwrap.dedent("""
        import torch
        from torch import nn
        from tinydigits.lifecycle.finish import Painters
        from tinydigits.models.registry import count_params as weights
        painters = Painters.start(workers=1)
        model = nn.Linear(3, 2)
        landings = [painters.run(weights, (model,)) for _ in range(20)]
        model.register_forward_hook(lambda *_: None)
        print([landing.future.result(timeout=60) for landing in landings])  # raises where one failed to travel
        painters.close()
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert proc.returncode == 0 and proc.stdout.strip() == str([8] * 20), proc.stderr[-2000:]


def test_ctrl_c_in_train_is_one_line_and_leaves_no_painter_behind(mnist_dir, tmp_path):
    """Ctrl-C to the command's own process after its first epoch: the one line it always said, exit 130, nothing at the
    interpreter's exit, and its painters ended with it."""
    import signal
    import time

    proc = subprocess.Popen([sys.executable, "-m", "tinydigits", "train", "--model", "model1", "--epochs", "40",
                             "--train-limit", "500", "--threads", "1", "--data-dir", str(mnist_dir), "--out",
                             str(tmp_path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.time() + 240
    while time.time() < deadline and proc.poll() is None:
        found = next(tmp_path.glob("*/metrics.json"), None)
        if found is not None and json.loads(found.read_text())["epochs"]:
            break
        time.sleep(0.2)
    assert proc.poll() is None, "the run ended before its first epoch was seen"
    os.kill(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130 and "interrupted after" in err, err
    assert "Traceback" not in err and "Exception ignored" not in err, err
    for _ in range(50):  # the painters, in the command's own process group
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail("a painter outlived its run")


def _shapes(split, p) -> list:
    return [list(split.images.shape), list(p.probs.shape)]


def test_a_tensor_sent_to_a_painter_leaves_this_process_its_own_memory():
    """torch's pickler moves a CPU tensor's memory into shared memory in place, on the pool's own thread, while this
    process may be reading the tensor (the layer statistics over the test images): what travels is a copy taken when
    sent, a tensor inside a split or the predictions too, and the tensors here never move."""
    import torch

    from tinydigits.data import mnist
    from tinydigits.results import predictions

    painters = Painters.start(workers=1)
    assert painters is not None
    split = mnist.Split(torch.zeros(64, 28, 28, dtype=torch.uint8), torch.zeros(64, dtype=torch.int64))
    p = predictions.Predictions(torch.zeros(64, dtype=torch.int64), torch.zeros(64, dtype=torch.int64), torch.rand(64, 10))
    try:
        landing = painters.run(_shapes, (split, p))
        assert landing.future.result(timeout=60) == [[64, 28, 28], [64, 10]]
    finally:
        painters.close()
    assert not any(t.is_shared() for t in (split.images, split.labels, *vars(p).values()))
