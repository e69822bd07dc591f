"""`tinydigits search`: a real (tiny) Optuna study, constraints before training, crashes, and two
workers sharing one study in a real PostgreSQL server."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

optuna = pytest.importorskip("optuna")

from helpers import run_main  # noqa: E402
from tinydigits.errors import TinyDigitsError  # noqa: E402
from tinydigits.measure.loadtest import free_port, stop_process  # noqa: E402
from tinydigits.search import (  # noqa: E402
    outputs,  # noqa: E402
    space,
    storage,
)
from tinydigits.search import study as search_study  # noqa: E402
from tinydigits.search.config import REGISTERED_POINTS, SearchConfig  # noqa: E402

TINY = {"epochs": 1, "last": 1, "seeds_per_trial": 1, "train_limit": 500, "threads": 1, "sampler_seed": 0}


def tiny(tmp_path: Path, mnist_dir: Path | None = None, **overrides) -> SearchConfig:
    """A tiny study's settings; `mnist_dir` only for the tests that train (the others run without MNIST)."""
    settings = {**TINY, "study": "t", "storage": f"sqlite:///{tmp_path / 'search.db'}", "out": str(tmp_path / "out"),
                **({"data_dir": str(mnist_dir)} if mnist_dir else {}), **overrides}
    return SearchConfig(**settings)


def trained_runs(cfg: SearchConfig) -> list[str]:
    folder = cfg.out_dir() / "runs"
    return sorted(p.name.split("-")[0] for p in folder.iterdir()) if folder.exists() else []


def test_three_trials_write_study_table_and_picture(mnist_dir, tmp_path):
    cfg = tiny(tmp_path, mnist_dir, trials=3)
    study = search_study.run(cfg, log=lambda _: None)
    trained = [t for t in study.trials if "rejected" not in t.user_attrs]
    assert len(trained) == 3 and all(t.state.name == "COMPLETE" for t in trained)
    assert (tmp_path / "search.db").exists()
    table = (cfg.out_dir() / "pareto.md").read_text()
    assert "| trial | params |" in table and "finished trials" in table
    assert (cfg.out_dir() / "pareto.png").read_bytes()[:4] == b"\x89PNG"
    # A rerun with the same --trials continues the study instead of starting over: nothing new to do.
    again = search_study.run(cfg, log=lambda _: None)
    assert len([t for t in again.trials if "rejected" not in t.user_attrs]) == 3
    # The exported spec is something `check`/`train` accept.
    path = outputs.export(again, "best", "found", cfg.out_dir())
    from tinydigits import models

    assert models.count_params(models.create(str(path))) < 8000 and models.display_name(str(path)) == "found"


def test_table_gives_odds_for_trials_with_three_seeds_or_more(tmp_path, mnist_dir):
    cfg = tiny(tmp_path, mnist_dir)
    assert outputs._odds_cell({"seed_minima": [99.45, 99.50, 99.55]}, cfg).startswith("98.2% (")  # Phi(2.1)
    assert outputs._odds_cell({"seed_minima": [99.45, 99.50]}, cfg) == "-"


def test_specs_over_the_budget_are_never_trained(mnist_dir, tmp_path):
    cfg = tiny(tmp_path, mnist_dir, trials=2, max_params=4000)
    study = search_study.run(cfg, log=lambda _: None)
    rejected = [t for t in study.trials if "params, limit" in t.user_attrs.get("rejected", "")]
    trained = [t for t in study.trials if "rejected" not in t.user_attrs]
    assert rejected, "the family has specs above 4,000 params; some must have been drawn"
    assert all(t.user_attrs["params"] >= 4000 and t.state.name == "PRUNED" for t in rejected)
    assert all(t.user_attrs["params"] < 4000 for t in trained)
    assert trained_runs(cfg) == sorted(f"trial{t.number}" for t in trained)  # one run folder per trained trial only


def test_a_crashed_trial_is_failed_and_the_study_goes_on(mnist_dir, tmp_path, monkeypatch):
    import tinydigits.training.train as train_module

    real_train, calls = train_module.train, []

    def crash_first(cfg, **kwargs):
        calls.append(cfg.model)
        if len(calls) == 1:
            def nan_epoch(row):  # what a diverged run looks like to the trial
                kwargs["on_epoch"]({**row, "train_loss": float("nan")})
            return real_train(cfg, **{**kwargs, "on_epoch": nan_epoch})
        return real_train(cfg, **kwargs)

    monkeypatch.setattr(train_module, "train", crash_first)
    cfg = tiny(tmp_path, mnist_dir, trials=3)
    study = search_study.run(cfg, log=lambda _: None)
    states = [t.state.name for t in study.trials if "rejected" not in t.user_attrs]
    assert states.count("FAIL") == 1 and states.count("COMPLETE") == 3  # a crash measured nothing: not one of the 3
    failed = next(t for t in study.trials if t.state.name == "FAIL")
    assert "NaN" in failed.user_attrs["error"] and "failed" in search_study.describe(failed)


def test_a_resumed_study_keeps_its_budget(mnist_dir, tmp_path):
    from tinydigits.errors import TinyDigitsError

    storage.open_study(tiny(tmp_path, mnist_dir))
    with pytest.raises(TinyDigitsError, match="other settings"):
        storage.open_study(tiny(tmp_path, mnist_dir, max_params=5000))


# ---------------------------------------------------------------- many machines: a real PostgreSQL


def _pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1].parent if found else None


@pytest.fixture
def postgres():
    """A throw-away PostgreSQL server from Debian's package, on a free loopback port. initdb and
    pg_ctl refuse to run as root, so as root they run as the package's `postgres` user."""
    bindir = _pg_bin()
    if bindir is None:
        pytest.skip("PostgreSQL binaries not found under /usr/lib/postgresql (apt-get install postgresql)")
    as_user: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="tinydigits-pg-"))
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            pytest.skip("running as root without runuser: cannot start PostgreSQL as the postgres user")
        shutil.chown(folder, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", free_port()
    run = lambda *cmd: subprocess.run([*as_user, *cmd], check=True, capture_output=True, timeout=120)
    run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres")
    run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w", "-o",
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1", "start")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def _searches_at_barrier(barrier, argvs: list[list[str]], logs: list[str]) -> None:
    """A spawned process: `tinydigits search argv` for each round's argv, each started when every other worker is
    ready for that round too; each round's exit code lands in its log's `.code` file."""
    import contextlib

    from tinydigits.cli import main

    for argv, log in zip(argvs, logs, strict=True):
        with open(log, "w") as out, contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            barrier.wait(timeout=300)
            code = main(argv)
        Path(log + ".code").write_text(str(code))


def start_together(rounds: list[list[list[str]]], folder: Path) -> list[list[tuple[int, str]]]:
    """Run several `tinydigits search` commands from the same instant (a barrier, not sleeps), round after round:
    `rounds[r][w]` is worker w's command in round r. The workers are the same processes in every round (a race
    repeated without paying each process's start again); returns each round's exit codes and outputs."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    workers = len(rounds[0])
    barrier = ctx.Barrier(workers)
    logs = [[str(folder / f"round{r}-worker{w}.log") for w in range(workers)] for r in range(len(rounds))]
    procs = [ctx.Process(target=_searches_at_barrier, args=(barrier, [argvs[w] for argvs in rounds], [log[w] for log in logs]))
             for w in range(workers)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=600)
    assert [p.exitcode for p in procs] == [0] * workers, "a worker process crashed"
    read = lambda log: (int(Path(log + ".code").read_text()) if Path(log + ".code").exists() else -1, Path(log).read_text())
    return [[read(log) for log in round_logs] for round_logs in logs]


def search_argv(storage: str, trials: int, mnist_dir: Path, out: Path, train_limit: int = 500) -> list[str]:
    return ["search", "--study", "shared", "--storage", storage, "--trials", str(trials), "--epochs", "1", "--last", "1",
            "--seeds-per-trial", "1", "--train-limit", str(train_limit), "--threads", "1", "--prune-after", "0",
            "--data-dir", str(mnist_dir), "--out", str(out)]


def assert_shared(storage: str, results: list[tuple[int, str]], trials: int) -> None:
    """Every worker exited 0, the study holds `trials` trained trials (a race may add one per extra worker),
    each trial once, and every trial a worker reported is in the study."""
    assert [code for code, _ in results] == [0] * len(results), [out[-500:] for _, out in results]
    study = optuna.load_study(study_name="shared", storage=storage)
    trained = [t for t in study.trials if "rejected" not in t.user_attrs]
    numbers = [t.number for t in study.trials]
    assert len(numbers) == len(set(numbers)), "a trial number twice"
    assert trials <= len(trained) <= trials + len(results) - 1, "at most one trial of overshoot per extra worker"
    assert all(t.state.name == "COMPLETE" for t in trained), [t.state.name for t in trained]
    reported = set()
    for _, out in results:  # no trial is reported twice
        mine = {int(line.split()[2]) for line in out.splitlines() if line.startswith("[w")}
        assert not mine & reported
        reported |= mine
    assert reported == set(numbers)


@pytest.mark.parametrize("storage", ["sqlite:////proc/no-such-folder/s.db", "sqlite:////dev/null/s.db",
                                     "postgresql+psycopg://postgres@127.0.0.1:9/x", "nosuchdb://x/y"])
def test_a_real_storage_failure_is_one_line_and_a_non_zero_exit(storage, tmp_path):
    done = run_main("search", "--storage", storage, "--trials", "1", "--out", str(tmp_path / "out"))
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert done.stderr.startswith(f"tinydigits: error: storage {storage}") and done.stderr.count("\n") == 1, done.stderr


def test_workers_started_together_on_a_new_sqlite_file_all_join(mnist_dir, tmp_path):
    """Three workers at the same instant on a file that does not exist yet (who creates the schema is a race),
    twice over: two new files, the same three processes."""
    storages = [f"sqlite:///{tmp_path / f'new{r}.db'}" for r in range(2)]
    rounds = [[search_argv(url, 3, mnist_dir, tmp_path / f"r{r}w{i}", train_limit=500) for i in range(3)]
              for r, url in enumerate(storages)]
    for url, results in zip(storages, start_together(rounds, tmp_path), strict=True):
        assert_shared(url, results, 3)


def test_two_workers_share_one_study_in_postgresql(postgres, mnist_dir, tmp_path):
    """Two workers started at the same instant on a new PostgreSQL database (no schema yet)."""
    pytest.importorskip("psycopg")
    [results] = start_together([[search_argv(postgres, 4, mnist_dir, tmp_path / f"w{i}") for i in range(2)]], tmp_path)
    assert_shared(postgres, results, 4)
    study = optuna.load_study(study_name="shared", storage=postgres)
    assert len({t.user_attrs["worker"] for t in study.trials if "worker" in t.user_attrs}) == 2, "both workers trained"


# ---------------------------------------------------------------- the study in optuna-dashboard


def test_dashboard_serves_the_study_its_trials_and_a_page(mnist_dir, tmp_path, screenshot):
    import json
    import urllib.request

    pytest.importorskip("optuna_dashboard")
    cfg = tiny(tmp_path, mnist_dir, trials=2)
    study = search_study.run(cfg, log=lambda _: None)
    trained = {t.number for t in study.trials if "rejected" not in t.user_attrs}
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "tinydigits", "search", "--dashboard", "--study", "t", "--storage",
                               cfg.storage, "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    get = lambda path: json.loads(urllib.request.urlopen(base + path, timeout=10).read())
    try:
        deadline = time.time() + 60
        while True:
            try:
                studies = get("/api/studies")["study_summaries"]
                break
            except OSError:
                assert time.time() < deadline and server.poll() is None, "dashboard did not come up"
                time.sleep(0.2)
        assert [s["study_name"] for s in studies] == ["t"]
        detail = get(f"/api/studies/{studies[0]['study_id']}?after=0")
        listed = {t["number"]: {a["key"]: a["value"] for a in t["user_attrs"]} for t in detail["trials"]}
        assert trained <= set(listed) and len(trained) == 2
        for number in trained:  # the trial table is useful as it is: spec, seeds, margin, seconds, run folders
            assert {"compact", "seeds", "margin", "seconds", "runs"} <= set(listed[number])
        screenshot(f"{base}/dashboard/studies/{studies[0]['study_id']}", "search-dashboard.png",
                   "text=Pareto Front")
    finally:
        stop_process(server)


@pytest.mark.parametrize("name", ["model3", "fast"])
def test_the_family_has_per_layer_widths_so_model3_and_fast_are_points_of_it(name, tmp_path):
    from tinydigits import models

    params = REGISTERED_POINTS[name]

    recipe = {"crop": 28, "augment_scale": 0.0, "epochs": 15, "batch_size": 64, "lr": 0.1, "augment_degrees": 7.0,
              "augment_translate": 0.0, "label_smoothing": 0.0, "ema": 0.0, "bn_recompute": 0, "size_schedule": "20:3,24:3",
              "batch_schedule": "", "precision": "auto"}
    spec = space.suggest(optuna.trial.FixedTrial({**params, **recipe}), tiny(tmp_path, epochs=15))
    assert spec.params() == models.count_params(models.create(name))
    assert spec.build().state_dict().keys() == models.create(name).state_dict().keys()
    assert spec.recipe["size_schedule"] == "20:3,24:3" and spec.recipe["batch_schedule"] is None


def test_a_study_can_start_from_the_registered_nets(tmp_path):
    from tinydigits import models

    cfg = dataclasses.replace(tiny(tmp_path, epochs=15), start_from=["fast", "model3"])
    study = storage.open_study(cfg)
    space.start_from(study, cfg.start_from, cfg.epochs)
    space.start_from(study, cfg.start_from, cfg.epochs)  # a continued study does not queue them twice
    waiting = study.get_trials(states=(optuna.trial.TrialState.WAITING,))
    assert len(waiting) == 2
    for trial, name in zip(waiting, ["fast", "model3"], strict=True):
        spec = space.suggest(optuna.trial.FixedTrial(trial.system_attrs["fixed_params"]), cfg)
        assert spec.params() == models.count_params(models.create(name))
        recipe = models.recipe(name)
        expected = {"epochs": recipe.get("epochs", 15), "lr": recipe["lr"], "batch_size": recipe["batch_size"],
                    "ema": recipe.get("ema", 0.0), "bn_recompute": recipe.get("bn_recompute", 0),
                    "size_schedule": recipe.get("size_schedule"), "label_smoothing": recipe.get("label_smoothing", 0.0)}
        assert {key: spec.recipe[key] for key in expected} == expected  # the whole recipe, schedules too
        assert tuple(spec.recipe["augment_scale"]) == tuple(recipe.get("augment_scale", (1.0, 1.0)))
    with pytest.raises(TinyDigitsError, match="--start-from"):
        dataclasses.replace(cfg, start_from=["model9"]).validate()


def test_finished_trials_carry_to_another_storage_once(tmp_path):
    from optuna.distributions import FloatDistribution

    from tinydigits.cli import main

    home = tiny(tmp_path)
    study = storage.open_study(home)
    lr = {"lr": FloatDistribution(0.02, 0.3, log=True)}
    study.add_trials([
        optuna.trial.create_trial(values=[99.41, 80.0], params={"lr": 0.1}, distributions=lr,
                                  user_attrs={"seeds": 2, "seconds": 80.0, "spec": {"layers": "c8"}}),
        optuna.trial.create_trial(state=optuna.trial.TrialState.PRUNED, params={"lr": 0.2}, distributions=lr,
                                  user_attrs={"pruned": "below the median"}, intermediate_values={3: 97.5}),
    ])
    saved = tmp_path / "trials.json"
    assert main(["search", "--study", "t", "--storage", home.storage, "--save-trials", str(saved)]) == 0
    away = dataclasses.replace(home, storage=f"sqlite:///{tmp_path / 'elsewhere.db'}")
    there = storage.open_study(away)
    assert outputs.load_trials(there, saved) == 2 and outputs.load_trials(there, saved) == 0  # once
    got = {t.params["lr"]: t for t in there.trials}
    assert got[0.1].values == [99.41, 80.0] and got[0.1].user_attrs["spec"] == {"layers": "c8"}
    assert got[0.2].state.name == "PRUNED" and got[0.2].intermediate_values == {3: 97.5}
    other = storage.open_study(dataclasses.replace(away, study="u", epochs=12))
    with pytest.raises(TinyDigitsError, match="other settings"):
        outputs.load_trials(other, saved)


def test_a_spec_that_cannot_take_the_size_schedule_is_rejected_before_training(tmp_path):
    from tinydigits.models.spec import NetSpec

    cfg = tiny(tmp_path, epochs=15)
    cropped = NetSpec.parse("C24 c8 M c12p1 c16 c16 c16", "t", {"size_schedule": "20:3,24:3"})
    assert space.rejection(cropped, cfg) == "cannot run on the size schedule's 20x20 inputs"
    plain = NetSpec.parse("c8 M c12p1 c16 c16 c16", "t", {"size_schedule": "20:3,24:3"})
    assert space.rejection(plain, cfg) is None


@pytest.mark.filterwarnings("ignore:Heartbeat of storage")  # study.ask() outside optimize, as a worker never does
def test_the_median_rule_prunes_between_prune_after_and_the_judged_epochs(tmp_path):
    study = storage.open_study(tiny(tmp_path))
    study.add_trials([optuna.trial.create_trial(values=[99.5, 80.0], user_attrs={"curve": [99.5] * 15}) for _ in range(3)])
    watch = search_study._epoch_watch(study.ask(), epochs=15, prune_after=5, last=3)
    low = {"train_loss": 0.1, "test_acc": 99.0}
    for epoch in (4, 13, 14, 15):  # before --prune-after, and inside the judged last 3: never
        watch({**low, "epoch": epoch})
    with pytest.raises(optuna.TrialPruned, match="epoch 12: 99.00% below the median 99.50%"):
        watch({**low, "epoch": 12})
    watch({"train_loss": 0.1, "test_acc": 99.6, "epoch": 12})  # above the median: goes on
    with pytest.raises(FloatingPointError):
        watch({"train_loss": float("nan"), "test_acc": 99.6, "epoch": 2})


def test_the_risk_objective_scores_seeds_by_their_lower_figure_and_spends_seeds_where_they_decide(tmp_path, mnist_dir):
    """`--objective risk`: a trial's value is mean - 2.33 sd of its seeds' minima (sd at least the family's 0.04),
    robust's augmentations are in the space (and in `--start-from robust`), a trial clearly behind the best
    stops after two seeds, and `--max-seconds` makes a trial infeasible for `--export best`."""
    from tinydigits import models
    from tinydigits.search.space import PRIOR_SD, RISK_Z, lower_figure

    assert lower_figure([99.5, 99.5, 99.5]) == pytest.approx(99.5 - RISK_Z * PRIOR_SD)
    assert lower_figure([99.4, 99.5, 99.6]) == pytest.approx(99.5 - RISK_Z * 0.1)
    cfg = tiny(tmp_path, mnist_dir, trials=2, objective="risk", seeds_per_trial=3, promote=0.0, min_acc=50.0,
               start_from=["robust"], max_seconds=1e-3, train_limit=500)  # six seeds: what they learn is not the point
    study = search_study.run(cfg, log=lambda _: None)
    done = [t for t in study.trials if t.state.name == "COMPLETE"]
    assert len(done) == 2
    first = min(done, key=lambda t: t.number)  # robust, queued: its augmentations came along
    assert {k: first.params[k] for k in ("augment_elastic", "augment_stroke", "augment_blur", "augment_noise")} == {
        k: models.recipe("robust")[k] for k in ("augment_elastic", "augment_stroke", "augment_blur", "augment_noise")}
    for t in done:
        minima = t.user_attrs["seed_minima"]
        assert t.values[0] == pytest.approx(lower_figure(minima)) and t.user_attrs["lower"] == t.values[0]
        assert len(minima) == 3 or (len(minima) == 2 and "stopped" in t.user_attrs)
    assert "lower figure" in outputs.pareto_table(study, cfg)
    with pytest.raises(TinyDigitsError, match="within its constraints"):  # every run took longer than 1 ms
        outputs.export(study, "best", "x", tmp_path)


@pytest.mark.parametrize("name", ["public3762", "golfA", "golfA-poolbn", "golf"])
def test_the_golf_family_writes_its_start_points_and_rebuilds_them(name, tmp_path, mnist_dir):
    from tinydigits import models
    from tinydigits.search.config import GOLF_POINTS

    cfg = tiny(tmp_path, mnist_dir, family="golf", max_params=4000, objective="risk" if name == "golf" else "seconds")
    spec = space.suggest(optuna.trial.FixedTrial(space.golf_point(name, augments=cfg.objective == "risk")), cfg)
    expected = {"public3762": "c4p1d1 c4p1d1 c4p1d1 M c8p1d1 c8p1d1 c8p1d1 M c8p1d1 c8p1d1 c8p1d1",
                "golfA": "c6 c8 M c10p1 c10 c10 c8", "golfA-poolbn": "c6 c8P c10p1 c10 c10 c8",
                "golf": "c8 c12P c12p1g12 c26k1 c26g26 c26k1 c26g26 c26k1"}[name]
    assert spec.compact() == expected and spec.params() == models.count_params(spec.build()) < 4000
    assert spec.recipe["precision"] == "fp32" and spec.recipe["momentum"] == space.golf_point(name)["momentum"]
    if name == "golf":  # the registered net, recipe and all, as a risk study queues it: a study starts at it
        study = storage.open_study(cfg)
        space.start_from(study, [name], cfg.epochs, augments=True, family="golf")
        queued = study.get_trials(states=(optuna.trial.TrialState.WAITING,))[0].system_attrs["fixed_params"]
        spec = space.suggest(optuna.trial.FixedTrial(queued), cfg)
        golf = models.recipe("golf")
        assert spec.params() == models.count_params(models.create("golf"))
        assert {k: spec.recipe[k] for k in golf} == {**golf, "augment_scale": list(golf["augment_scale"])}
    separable = space.suggest(optuna.trial.FixedTrial({**GOLF_POINTS["golfA"], "sep": 1, "t1": 1, "w_t1": 6,
                                                       "w2_sep": 10, "w3_sep": 8}),
                              dataclasses.replace(cfg, objective="seconds"))
    assert separable.compact() == "c6 c8 M c6k1 c6p1g6 c10k1 c10g10 c10k1 c10g10 c10k1 c10g10 c8k1"
    assert separable.params() == models.count_params(separable.build())
    with pytest.raises(TinyDigitsError, match="--start-from"):
        dataclasses.replace(cfg, start_from=["model3"]).validate()  # a chain point is not a golf point


def test_plain_sgd_keeps_its_momentum_of_zero_through_the_one_cycle():
    import torch

    from tinydigits.training.config import TrainConfig
    from tinydigits.training.factories import make_optimizer, make_scheduler

    for momentum, seen in ((0.0, {0.0}), (0.9, None)):
        cfg = TrainConfig(model="lean", momentum=momentum, portable=False, precision="fp32").resolved()
        opt = make_optimizer(cfg, [torch.nn.Parameter(torch.zeros(1))])
        scheduler, _ = make_scheduler(cfg, opt, 100)
        values = set()
        for _ in range(100):
            opt.step()
            scheduler.step()
            values.add(opt.param_groups[0]["momentum"])
        assert values == seen if seen else len(values) > 10  # 0 stays 0; 0.9 cycles as it always did


def test_the_table_of_a_study_writes_into_an_out_folder_that_is_not_there_yet(tmp_path):
    from helpers import run_main

    cfg = tiny(tmp_path)
    storage.open_study(cfg)  # a study made elsewhere, its table read here
    done = run_main("search", "--study", cfg.study, "--storage", cfg.storage, "--epochs", str(cfg.epochs), "--last",
                    str(cfg.last), "--seeds-per-trial", str(cfg.seeds_per_trial), "--table", "--out",
                    str(tmp_path / "new" / "folder"))
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert (tmp_path / "new" / "folder" / "pareto.md").exists()


def test_search_jobs_and_check_jobs_run_on_the_same_local_engine(mnist_dir, tmp_path, monkeypatch):
    """`search --jobs 2` runs its study workers on the worker processes `check --jobs 2` trains its seeds on
    (`engine.local_client`): one way to use this machine's cores, pinned and split the same way."""
    from helpers import tiny_spec
    from tinydigits.cluster import engine
    from tinydigits.constants import Budget
    from tinydigits.lifecycle import WORKERS, make
    from tinydigits.training.config import TrainConfig
    from tinydigits.verdict.seeds import check

    started, real = [], engine.local_client

    def recording(jobs: int, portable: bool = True):
        started.append(jobs)
        return real(jobs, portable)

    monkeypatch.setattr(engine, "local_client", recording)
    monkeypatch.delenv("DASK_SCHEDULER_ADDRESS", raising=False)
    cfg = tiny(tmp_path, mnist_dir, trials=2, jobs=2, train_limit=500)
    study = search_study.run(cfg, log=lambda _: None)
    trained = [t for t in study.trials if "rejected" not in t.user_attrs and t.state.name == "COMPLETE"]
    assert len(trained) >= 2 and started == [2]
    plan = make(TrainConfig(model=tiny_spec(tmp_path), epochs=1, train_limit=500, data_dir=str(mnist_dir),
                            out=str(tmp_path / "checks")), Budget(last=1, min_acc=1), jobs=2)
    assert plan.way == WORKERS
    verdict = check(plan, [0, 1], log=lambda _: None)
    assert sorted(verdict.seeds) == [0, 1] and started == [2, 2]


def test_ctrl_c_in_a_search_says_in_one_line_where_its_trials_are(tmp_path, monkeypatch):
    from helpers import run_main

    def interrupted(cfg, index):
        raise KeyboardInterrupt

    monkeypatch.setattr(search_study, "_worker", interrupted)
    storage_url = f"sqlite:///{tmp_path / 's.db'}"
    done = run_main("search", "--study", "t", "--storage", storage_url, "--out", str(tmp_path / "out"))
    assert done.returncode == 130 and done.stderr.strip().splitlines() == [
        f"tinydigits: interrupted; the study's finished trials are in {storage_url}: the same command goes on with it"]
