"""A student's path from a script or notebook (issue #82): a class imported from the script's own folder trains in the
fresh process too, budget breaches are said before the work, a student's StepLR, and the hand-in from Python."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from helpers import run_main

MODELS = textwrap.dedent('''
    import torch.nn as nn

    class Model_1(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = nn.Sequential(nn.Conv2d(1, 8, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(8, 10, 3),
                                     nn.AdaptiveAvgPool2d(1), nn.Flatten())

        def forward(self, x):
            return self.net(x)

    class Big(nn.Module):  # 8,702 parameters: over the budget on purpose
        def __init__(self):
            super().__init__()
            self.net = nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.Conv2d(32, 28, 3), nn.ReLU(),
                                     nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(28, 10))

        def forward(self, x):
            return self.net(x)
''')

SCRIPT = textwrap.dedent('''
    import json
    import sys

    sys.path.insert(0, sys.argv[1])  # the student's folder, as a script or notebook adds it
    from model import Big, Model_1

    import tinydigits
    from tinydigits.training import arithmetic

    tinydigits.summary(Big, log=lambda _: None)  # torch ran in this process before the run
    arithmetic.pin_portable = lambda: "torch already runs its AVX512 kernels in this process (injected)"
    run = tinydigits.train(Model_1, epochs=1, train_limit=300, data_dir=sys.argv[2], out=sys.argv[3])
    print(json.dumps({"folder": str(run.run_dir), "epochs": len(run.metrics["epochs"])}))
''')


def test_a_class_imported_from_the_scripts_folder_trains_in_the_fresh_process(tmp_path, mnist_dir):
    (tmp_path / "work").mkdir()
    (tmp_path / "work" / "model.py").write_text(MODELS)
    (tmp_path / "script.py").write_text(SCRIPT)
    done = subprocess.run([sys.executable, str(tmp_path / "script.py"), str(tmp_path / "work"), str(mnist_dir),
                           str(tmp_path / "runs")], capture_output=True, text=True, timeout=240, cwd=tmp_path,
                          env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"})
    assert done.returncode == 0, done.stderr
    assert "fresh Python process" in done.stdout  # it did leave this process (the decision injected)
    assert json.loads(done.stdout.strip().splitlines()[-1])["epochs"] == 1


def test_budget_breaches_are_said_before_the_work(tmp_path, mnist_dir):
    from tinydigits.lifecycle import make
    from tinydigits.training.config import TrainConfig

    (tmp_path / "model.py").write_text(MODELS)
    big = f"{tmp_path / 'model.py'}:Big"
    assert make(TrainConfig(model="model1", epochs=20)).breaches() == \
        ["20 epochs, more than the budget's 15 (over by 5)"]
    assert make(TrainConfig(model=big, epochs=1)).breaches() == \
        ["8,702 parameters, not fewer than the budget's 8,000 (702 over it; 703 to cut to come under it)"]
    summary = run_main("summary", "--model", big)
    assert summary.returncode == 0 and "over the budget: 8,702 parameters" in summary.stderr
    check = run_main("check", "--model", big, "--seeds", "0", "--epochs", "1", "--last", "1", "--min-acc", "1",
                     "--train-limit", "200", "--data-dir", str(mnist_dir), "--out", str(tmp_path / "runs"))
    lines = check.stdout.splitlines()
    over = next(i for i, line in enumerate(lines) if "over the budget: 8,702 parameters" in line)
    first_seed = next(i for i, line in enumerate(lines) if line.startswith("seed 0"))
    assert check.returncode == 1 and over < first_seed and "VERDICT: FAIL" in check.stdout


def test_a_students_step_schedule(tmp_path, mnist_dir, no_test_pass):
    from helpers import train
    from tinydigits.training.config import TrainConfig

    cfg = TrainConfig(model="model2", epochs=4, scheduler="step", step_size=2, step_gamma=0.5, lr=0.04,
                      train_limit=200, data_dir=str(mnist_dir), out=str(tmp_path))
    with no_test_pass():  # the rates are the scheduler's
        rates = [e["lr"] for e in train(cfg, quiet=True, log=lambda _: None).metrics["epochs"]]
    assert rates == [0.04, 0.04, 0.02, 0.02]


def test_the_hand_in_from_python(tmp_path, mnist_dir):
    import tinydigits

    (tmp_path / "model.py").write_text(MODELS)
    run = tinydigits.train(f"{tmp_path / 'model.py'}:Model_1", epochs=1, train_limit=300, data_dir=str(mnist_dir),
                           out=str(tmp_path / "runs"), target="a first skeleton")
    readme = tinydigits.handin([run, run.run_dir], out=str(tmp_path / "handin"), show=False)
    text = readme.read_text()
    assert readme == tmp_path / "handin" / "README.md" and text.count("## Step") == 2
    assert "**Target:** a first skeleton" in text and (tmp_path / "handin" / "steps.png").is_file()


def _run_a_check(monkeypatch, seeds, epochs, parallel, seconds, measured=None, startup=None, changeover=0.0):
    """A check's progress driven by a made-up clock: the seeds train in rounds of `parallel`, each epoch `seconds`;
    returns the first line and each later line's time to go, in seconds. `startup`: the check's start before its
    first epochs, `changeover` each later round's before its own, and the rows carry their epoch's own `seconds` as
    a worker's do (None: rows without them, a start-up inside the first epochs' lines)."""
    from tinydigits.verdict import progress

    now = [0.0]
    monkeypatch.setattr(progress.time, "perf_counter", lambda: now[0])
    lines = []
    p = progress.Progress(seeds, epochs, parallel, lines.append, measured)
    first = p.first_line(f"{parallel} job(s)")
    now[0] += startup or 0.0
    own = {} if startup is None else {"seconds": seconds}
    for r in range(0, len(seeds), parallel):
        now[0] += changeover if r else 0.0
        for epoch in range(1, epochs + 1):
            now[0] += seconds
            for seed in seeds[r:r + parallel]:
                p.epoch(seed, {"epoch": epoch, "test_acc": 90.0, **own})
    to_go = []
    for line in lines:
        m, s = line.rsplit("~", 1)[1].removesuffix(" to go").split("m")
        to_go.append(int(m) * 60 + int(s.removesuffix("s")))
    return first, to_go, now[0]


def test_a_checks_estimate_is_one_figure_whichever_seed_speaks(monkeypatch):
    """Two seeds side by side, 10 s an epoch: both say the same time to go at the same moment, and it shrinks by one
    epoch's worth as the round moves on; a seed's first epoch (its start-up in it) does not set the rate."""
    first, to_go, _ = _run_a_check(monkeypatch, [0, 1], epochs=3, parallel=2, seconds=10.0, measured=12.0)
    assert "about 0m36s at ~12.0 s an epoch (an epoch as this model's earlier seeds here took" in first
    assert to_go == [24, 24, 10, 10, 0, 0]  # the earlier seeds' 12 s until epochs after a first one land


def test_a_check_of_three_seeds_on_two_jobs_is_two_whole_rounds(monkeypatch):
    """3 seeds on 2 jobs: the third trains alone after the first two, so the check lasts two rounds. The estimate at
    the first epoch is the check's wall time to the second (it used to share the epochs over both jobs: 1.5 rounds,
    a third short); with no earlier seeds measured, the first line gives no figure rather than a guess."""
    first, to_go, wall = _run_a_check(monkeypatch, [0, 1, 2], epochs=15, parallel=2, seconds=40.0)
    assert "2 rounds of up to 2 seeds side by side" in first and "about" not in first
    assert "estimated when the first epoch lands" in first
    assert 40 + to_go[0] == wall == 30 * 40
    assert to_go[0] == to_go[1] and to_go == sorted(to_go, reverse=True) and to_go[-1] == 0


@pytest.mark.parametrize(("seeds", "parallel", "said"), [
    ([0, 1, 2], 1, "(one seed at a time, 3 in turn)"), ([4], 1, "(one seed at a time)"),
    ([0, 1], 2, "(2 seeds side by side)"), ([0, 1, 2, 3], 2, "(2 rounds of 2 seeds side by side)"),
    ([0, 1, 2], 2, "(2 rounds of up to 2 seeds side by side)"), ([0, 1, 2], 5, "(3 seeds side by side)")])
def test_a_checks_first_line_says_how_its_seeds_follow_each_other(seeds, parallel, said):
    """Seeds on one job train one at a time (they used to be "3 round(s) of seeds side by side"); on more, in rounds
    side by side, a last round that is not full said as "up to"."""
    from tinydigits.verdict import progress

    first = progress.Progress(seeds, 15, parallel, print).first_line(f"{parallel} job(s)")
    assert said in first and ("side by side" in first) == (min(parallel, len(seeds)) > 1)


def test_a_checks_first_estimate_pays_the_start_up_once_not_once_an_epoch(monkeypatch):
    """A slow start-up (12 s: the workers, the data) and fast epochs (4 s, each row's own `seconds`): at the first
    epoch the time to go is the epochs left at 4 s plus one start-up for the round not begun - not the first line's
    16 s times every epoch left (80 s, the estimate that doubled a short check's time); a later round's changeover
    (3 s) replaces the start-up once one is measured."""
    _, to_go, wall = _run_a_check(monkeypatch, [0, 1, 2], epochs=3, parallel=2, seconds=4.0, startup=12.0,
                                  changeover=4.0)
    assert to_go == [32, 32, 28, 28, 24, 24, 8, 4, 0] and wall == 40
    assert to_go[0] == 5 * 4 + 12 != 5 * 16
    _, to_go, wall = _run_a_check(monkeypatch, [0, 1, 2], epochs=2, parallel=1, seconds=4.0, startup=12.0,
                                  changeover=3.0)
    assert to_go == [4 + 2 * (8 + 12), 2 * (8 + 12), 4 + 8 + 3, 8 + 3, 4, 0] and wall == 42
    assert 16 + to_go[0] <= 1.5 * wall


def test_a_checks_first_estimate_comes_from_this_machines_earlier_seeds_with_as_many_threads(tmp_path):
    """The first line's figure is the median epoch of this model's finished seeds in earlier checks under the same
    out folder, on as many images with as many threads each; a plain run (the machine to itself) or a seed with other
    threads is not one."""
    from tinydigits.verdict.progress import measured_epoch

    def seed_run(folder, threads, seconds, model="steady", epochs=2):
        folder.mkdir(parents=True)
        (folder / "config.json").write_text(json.dumps({"model": model, "epochs": epochs, "threads": threads,
                                                        "train_images": 60_000, "seed": 0}))
        rows = [{"epoch": e + 1, "train_loss": 0.1, "train_acc": 99.0, "test_loss": 0.02, "test_acc": 99.0, "lr": 0.1,
                 "seconds": s} for e, s in enumerate(seconds)]
        (folder / "metrics.json").write_text(json.dumps({"epochs": rows, "complete": True, "seed": 0}))

    seed_run(tmp_path / "check-steady-1" / "steady-s0", threads=1, seconds=[30.0, 26.0])
    seed_run(tmp_path / "check-steady-1" / "steady-s1", threads=1, seconds=[28.0, 27.0])
    seed_run(tmp_path / "check-steady-2" / "steady-s0", threads=2, seconds=[9.0, 9.0])
    seed_run(tmp_path / "steady-alone-s0", threads=1, seconds=[5.0, 5.0])
    assert measured_epoch(str(tmp_path), "steady", 60_000, threads=1) == 27.5
    assert measured_epoch(str(tmp_path), "steady", 60_000, threads=2) == 9.0
    assert measured_epoch(str(tmp_path), "steady", 6_000, threads=1) is None
    assert measured_epoch(str(tmp_path), "model3b", 60_000, threads=1) is None
