"""Shared fixtures: the real MNIST folder (CI points $TINYDIGITS_DATA_DIR at it) and tiny trained runs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tinydigits.constants import PORTABLE_ENV

# Before any test runs a torch kernel: this process computes in the portable arithmetic, as `tinydigits` commands do
# (the ISA is fixed from the first kernel on), so in-process runs (the default is portable) train here.
os.environ.update(PORTABLE_ENV)

REPO = Path(__file__).resolve().parents[1]


def _mnist_dir() -> Path | None:
    for candidate in (os.environ.get("TINYDIGITS_DATA_DIR"), REPO.parent / "shared" / "data" / "mnist"):
        if candidate and (Path(candidate) / "t10k-labels-idx1-ubyte.gz").exists():
            return Path(candidate)
    return None


NO_MNIST = "real MNIST not available: set TINYDIGITS_DATA_DIR to a folder with the four IDX .gz files"


@pytest.fixture(scope="session")
def mnist_dir() -> Path:
    found = _mnist_dir()
    if found is None:
        if os.environ.get("CI"):  # CI must train for real: a green run with the training tests skipped proves little
            pytest.fail(f"{NO_MNIST} (CI is set: a missing MNIST is an error there, not a skip)")
        pytest.skip(NO_MNIST)
    return found


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """The last line says how many tests skipped for want of MNIST, and how to point at it."""
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if NO_MNIST in str(r.longrepr)]
    if skipped:
        terminalreporter.write_line(f"{len(skipped)} tests skipped without MNIST: export TINYDIGITS_DATA_DIR=/path/to/"
                                    "mnist (the four IDX .gz files) to run them", yellow=True, bold=True)


# Every file that keeps a worker 5 s or more, longest first (`make test ARGS=--durations=0`, summed by file), handed
# out first: `--dist loadfile --no-loadscope-reorder` sends whole files in collection order (xdist's own order, by
# number of tests, sent 3-test files of 90 s near the end), and a long file sent last leaves the other workers idle
# while it runs (the files left out, shorter, fill the end).
LONGEST_FIRST = ("test_search.py", "test_train.py", "test_cluster.py", "test_mlflow.py", "test_cross_vendor.py",
                 "test_cluster_faults.py", "test_notebook_route.py", "test_ledger.py", "test_stack.py", "test_handin.py",
                 "test_user_model.py", "test_handin_folder.py", "test_first_hour.py", "test_report.py",
                 "test_notebook.py", "test_gpu_path.py", "test_stack_ways.py", "test_student_path.py",
                 "test_robustness.py", "test_predict.py", "test_serve.py", "test_outside_epochs.py", "test_layout.py",
                 "test_claims.py", "test_records.py", "test_cli.py", "test_where_users_train.py", "test_events.py",
                 "test_byte_identical.py", "test_loggers.py", "test_bench.py", "test_explain.py", "test_figures.py",
                 "test_device_draws.py")


def pytest_collection_modifyitems(config, items):
    """`-m fast` (make test-fast): the tests that need no MNIST, no server, no browser and no cluster. The longest
    files first (`LONGEST_FIRST`), each file's own order kept."""
    slow_fixtures = {"mnist_dir", "tiny_run", "mnist_copy", "mlflow_server", "screenshot", "postgres"}
    for item in items:
        if not slow_fixtures & set(getattr(item, "fixturenames", ())) and "slow" not in item.keywords:
            item.add_marker(pytest.mark.fast)
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


@pytest.fixture(scope="session")
def _split_cache(tmp_path_factory) -> str:
    return str(tmp_path_factory.mktemp("splits"))


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch, _split_cache):
    """Never touch the user's cache or the network from tests. The decoded splits (`mnist.cached_split`) are kept
    once for the session: 55 MB a test would fill the disk."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("TINYDIGITS_SPLIT_CACHE", _split_cache)
    monkeypatch.setenv("TINYDIGITS_MIRRORS", "http://127.0.0.1:9/")  # a closed local port: 'offline'


@pytest.fixture(autouse=True)
def _registry_kept():
    """A model a test registers (a notebook's class through the API: `Net-inline...`) is gone after it, so that each
    test reads the registry as the zoo and what its own module registered, whatever ran before it on its worker."""
    from tinydigits.models import registry

    kept = dict(registry._REGISTRY)
    yield
    registry._REGISTRY.clear()
    registry._REGISTRY.update(kept)


@pytest.fixture(scope="session")
def tiny_run(mnist_dir, tmp_path_factory):
    """One short real training run (2 epochs on 6,000 images), shared by the tests that read runs."""
    from helpers import train
    from tinydigits.training.config import TrainConfig

    out = tmp_path_factory.mktemp("runs")
    cfg = TrainConfig(model="model3", epochs=2, seed=0, data_dir=str(mnist_dir), out=str(out), train_limit=6000,
                      scheduler="none", lr=0.05)
    from tinydigits.lifecycle.finish import finish

    result = train(cfg, quiet=True, log=lambda line: None)
    finish(result)  # pictures, report.md, TensorBoard: as `tinydigits train` leaves a run
    return result


@pytest.fixture
def mnist_copy(mnist_dir, tmp_path):
    """make(replace) -> a folder of links to the real MNIST files, with some replaced by given bytes
    or linked to another real file (to build truncated, corrupt or swapped data sets)."""

    def make(replace: dict[str, bytes | Path]) -> Path:
        folder = tmp_path / "mnist-copy"
        folder.mkdir()
        for f in mnist_dir.glob("*.gz"):
            new = replace.get(f.name, f)
            if isinstance(new, bytes):
                (folder / f.name).write_bytes(new)
            else:
                (folder / f.name).symlink_to(new)
        return folder

    return make


@pytest.fixture
def screenshot():
    """screenshot(url, name, shown, prepare=None, polls=False): Chromium (Debian's, headless) renders `url` until the
    playwright selector `shown` (e.g. "text=Pareto Front", which also looks inside shadow DOM) is visible, runs
    `prepare(page)` (clicks, a filter: it waits for what it needs itself), lets the page settle (until the network is
    idle; two seconds for a page that `polls` its server, as MLflow's do, whose network is never idle), and writes
    `name` into $TINYDIGITS_SCREENSHOT_DIR (default build/screenshots); skips with the reason when Chromium or
    playwright is missing."""
    import shutil

    def take(url: str, name: str, shown: str, prepare=None, width: int = 1280, height: int = 800,
             polls: bool = False) -> Path:
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if chromium is None:
            pytest.skip("Chromium is not installed (apt-get install chromium); the page was not rendered")
        playwright = pytest.importorskip("playwright.sync_api", reason="playwright (python) is not installed")
        shot_dir = Path(os.environ.get("TINYDIGITS_SCREENSHOT_DIR", REPO / "build" / "screenshots"))
        shot_dir.mkdir(parents=True, exist_ok=True)
        with playwright.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, headless=True, args=[
                "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"])
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(url)
            page.locator(shown).first.wait_for(timeout=30000)
            if prepare is not None:
                prepare(page)
            if polls:
                page.wait_for_timeout(2000)
            else:
                try:
                    page.wait_for_load_state("networkidle", timeout=10000)
                except playwright.TimeoutError:  # a page that polls its server and did not say so
                    page.wait_for_timeout(2000)
            page.screenshot(path=str(shot_dir / name))
            browser.close()
        assert (shot_dir / name).stat().st_size > 5000
        return shot_dir / name

    return take


@pytest.fixture
def no_test_pass(monkeypatch):
    """Inside it, a run's test pass is scripted (loss 1.0, 50 %): for what a test asserts of the training steps alone,
    not 10,000 test images an epoch to get there."""
    import contextlib

    from tinydigits.training import probe

    @contextlib.contextmanager
    def scripted():
        with monkeypatch.context() as patch:
            patch.setattr(probe, "evaluate", lambda model, splits, batch_size=1000, keep=None: [(1.0, 50.0)] * len(splits))
            yield

    return scripted
