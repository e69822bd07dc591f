"""Where a check's seeds train: on Dask distributed workers - this machine's cores (a `LocalCluster`) or a cluster's.

A seed is one task. It trains into a temporary folder on its worker and brings home its run folder, packed (its
curve inside); the machine that runs `check` unpacks it into the check's folder and logs it to MLflow. Workers need
no shared filesystem and no MLflow access. Dask runs a killed worker's task again on another worker; a seed that raises
comes back as that seed's error. One seed per worker process (`--nthreads 1`): seeds share torch's global RNG and
thread setting, so two in one process would not reproduce.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import logging
import os
import platform
import re
import signal
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tinydigits.constants import Budget
from tinydigits.errors import TinyDigitsError, describe
from tinydigits.results.report import write_artifacts
from tinydigits.training import tracking
from tinydigits.training.config import TrainConfig
from tinydigits.training.runs import INLINE

SEED_THREADS_ENV = "TINYDIGITS_SEED_THREADS"  # set by `tinydigits worker`: torch threads for each seed it trains
GPU = "GPU"  # the Dask resource a GPU worker carries (`tinydigits worker --gpus`)


def write_results(result) -> str | None:
    """A finished run's pictures and report.md written, then published to TensorBoard and MLflow: what `train`,
    `tinydigits.train` and every seed of a check leave. Returns what failed to publish (one line), or None."""
    write_artifacts(result.run_dir, result.model, result.test)
    return tracking.publish(result.run_dir)


# ------------------------------------------------------------------ versions
def code_version() -> dict[str, str]:
    """What must match between the machine that runs `check` and its workers: tinydigits' own code (a hash of its
    source, so two checkouts of one release version still differ when their code does), torch and Python."""
    import torch

    root = Path(__file__).resolve().parents[1]  # the tinydigits package
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return {"tinydigits": digest.hexdigest()[:12], "torch": torch.__version__,
            "python": ".".join(platform.python_version_tuple()[:2])}


def checked_workers(client) -> dict[str, str]:
    """Every connected worker runs this machine's code, or one line says which does not (`check` and `search`
    call it before their first task); returns this machine's `code_version` for the tasks to check again."""
    here = code_version()
    try:
        there = client.run(code_version)
    except Exception as err:  # a worker without tinydigits, or a broken one
        raise TinyDigitsError(f"the cluster's workers cannot run tinydigits: {describe(err)}") from None
    refuse_other_versions(here, there)
    return here


def refuse_other_versions(local: dict[str, str], workers: dict[str, dict[str, str]]) -> None:
    """One line naming the first worker whose code differs: its seeds would not be this check's seeds."""
    for address, theirs in sorted(workers.items()):
        differ = [f"{k} {theirs.get(k)} there, {v} here" for k, v in local.items() if theirs.get(k) != v]
        if differ:
            raise TinyDigitsError(f"worker {address} runs other code ({'; '.join(differ)}): install the same "
                                  "tinydigits and torch there, then start `tinydigits worker` again")


# ------------------------------------------------------------------ the task, on a worker
def pack(folder: Path) -> bytes:
    """A run folder as tar.gz bytes (a 1-epoch run is ~30 KB): what travels home through the scheduler."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        tar.add(folder, arcname=folder.name)
    return buffer.getvalue()


def unpack(archive: bytes, into: Path) -> Path:
    """Unpack one packed run folder under `into`; returns it. Members must stay inside it (a worker is another
    machine: its archive is not trusted to write elsewhere)."""
    with tarfile.open(fileobj=io.BytesIO(archive), mode="r:gz") as tar:
        names = {Path(m.name).parts[0] for m in tar.getmembers()}
        if len(names) != 1:
            raise TinyDigitsError("a seed's archive holds more than one folder")
        tar.extractall(into, filter="data")
    return into / names.pop()


def seed_threads(threads: int | None) -> int:
    """Torch threads for a task on this worker: the ones asked for (`--threads`), else `tinydigits worker`'s
    `--threads-per-seed`, else what torch has (Dask's nanny sets OMP_NUM_THREADS=1, so 1 on a plain worker)."""
    import torch

    return threads or int(os.environ.get(SEED_THREADS_ENV, "0") or 0) or torch.get_num_threads()


def remote_seed(cfg: TrainConfig, budget: Budget, inline: tuple | None = None,
                expect: dict[str, str] | None = None) -> bytes:
    """Train one seed on a worker into a temporary folder and return the folder packed: its curve and parameter
    count travel in its metrics.json, read once it is home. `inline` is a notebook's model class and recipe, pickled
    by value (cloudpickle), registered here under the check's name; `expect` the checking machine's `code_version`
    (a worker that joined after the check began is refused too)."""
    from tinydigits import models
    from tinydigits.training.train import train

    if expect is not None:
        refuse_other_versions(expect, {"this worker": code_version()})

    if inline is not None and cfg.model not in models.names():
        models.register(cfg.model, **inline[1])(inline[0])
    data_dir = cfg.data_dir if cfg.data_dir and Path(cfg.data_dir).is_dir() else None  # else the worker's own
    with tempfile.TemporaryDirectory(prefix="tinydigits-seed-") as tmp:
        cfg = dataclasses.replace(cfg, out=tmp, threads=seed_threads(cfg.threads), data_dir=data_dir, mlflow=None,
                                  mlflow_parent=None)
        result = train(cfg, quiet=True, log=lambda _: None, budget=budget)
        write_results(result)  # pictures, report.md, TensorBoard: files in the folder
        return pack(result.run_dir)


def inline_model(ref: str) -> tuple | None:
    """A notebook class's (class, recipe) for the workers, which cannot import it; None for any other model."""
    if INLINE not in ref:
        return None
    from tinydigits.models import registry

    return registry.lookup(ref)


# ------------------------------------------------------------------ the cluster
# Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, which also pins glibc's mmap threshold at 128 KiB:
# every activation tensor of a step is then mapped and unmapped afresh. Measured: a 1-epoch lean run on 10,000 images
# (1 thread) took 10.2 s with it and 6.3 s without, and a check's seed through Dask 2x the time of the same seed in a
# plain process. Unset (None) for the workers tinydigits starts; a value in the environment still wins. Dask's
# statistical profiler (a stack sample every 10 ms) is off too: nobody reads it here.
WORKER_CONFIG = {"distributed.worker.daemon": False, "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
                 "distributed.worker.profile.enabled": False}


def scheduler_target(text: str) -> dict[str, str]:
    """`tcp://host:8786`, `tls://...` or `host:8786` is an address; anything else a scheduler file's path."""
    if "://" in text or re.fullmatch(r"[\w.\-\[\]:]+:\d+", text):
        return {"address": text}
    return {"scheduler_file": text}


@contextlib.contextmanager
def client_for(cluster: str | None, jobs: int) -> Iterator[Any]:
    """A Dask client: to `cluster` (a scheduler address or scheduler file; else DASK_SCHEDULER_ADDRESS), or to a
    `LocalCluster` of `jobs` worker processes with one thread each, made here and closed with the block. Dask's
    own settings apply (`tls://` addresses take their certificates from `distributed.comm.tls.*`)."""
    import dask
    from distributed import Client, LocalCluster

    cluster = cluster or os.environ.get("DASK_SCHEDULER_ADDRESS")
    if cluster:
        target = scheduler_target(cluster)
        if "scheduler_file" in target and not Path(cluster).is_file():
            raise TinyDigitsError(f"--cluster {cluster}: no such scheduler file (or give tcp://host:port)")
        try:
            client = Client(timeout="20s", **target)
        except (OSError, TimeoutError, ValueError) as err:
            raise TinyDigitsError(f"cannot reach the Dask scheduler at {cluster}: {describe(err)}") from None
        with client:
            yield client
        return
    # Not daemonic, so a seed could still use a DataLoader with workers; no dashboard; a seed's error comes home as
    # its row in the table, so the workers' own log of it (a traceback on stderr) is silenced.
    with dask.config.set(WORKER_CONFIG), \
            LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                         silence_logs=logging.CRITICAL) as local, Client(local) as client:
        yield client


def worker_resources(client) -> dict[str, dict[str, float]]:
    """Each connected worker's Dask resources (`{"GPU": 1}` for a GPU worker), by address."""
    return {address: w.get("resources", {}) for address, w in client.scheduler_info(n_workers=-1)["workers"].items()}


def task_resources(cfg: TrainConfig, resources: dict[str, dict[str, float]]) -> dict[str, float] | None:
    """A seed asks for a GPU when it is to train on CUDA, or when every worker has one (`--device` unset): one seed
    per GPU then. None: any worker."""
    gpus = [r.get(GPU, 0) for r in resources.values()]
    wants_gpu = (cfg.device or "").startswith("cuda") or (cfg.device is None and gpus and all(gpus))
    if wants_gpu and not any(gpus):
        raise TinyDigitsError("--device cuda, but no worker has a GPU: start them with `tinydigits worker ... --gpus N`")
    return {GPU: 1} if wants_gpu else None


def worker_commands(target: str, nworkers: int, gpus: int, host: str | None,
                    extra: list[str] | None = None) -> list[list[str]]:
    """The `dask worker` commands behind `tinydigits worker`: `nworkers` processes with one thread each, or with
    GPUs one worker per GPU carrying the GPU resource (the caller gives each its own CUDA_VISIBLE_DEVICES)."""
    where = scheduler_target(target)
    launch = ("import dask; from tinydigits.verdict.engine import WORKER_CONFIG; dask.config.set(WORKER_CONFIG); "
              "from distributed.cli.dask_worker import main; main()")  # `dask worker`, with the settings above
    base = [sys.executable, "-c", launch,
            *(["--scheduler-file", where["scheduler_file"]] if "scheduler_file" in where else [where["address"]]),
            "--nthreads", "1", "--no-dashboard", *(["--host", host] if host else [])]
    if gpus:
        return [[*base, "--nworkers", "1", "--resources", f"{GPU}=1", *(extra or [])] for _ in range(gpus)]
    return [[*base, "--nworkers", str(nworkers), *(extra or [])]]


def run_workers(target: str, nworkers: int | None = None, threads_per_seed: int | None = None, gpus: int = 0,
                host: str | None = None, extra: list[str] | None = None) -> int:
    """`tinydigits worker`: start Dask workers set up for training and wait for them (Ctrl-C or SIGTERM stops them).
    Each trains one seed at a time with `threads_per_seed` torch threads (Dask's nanny would leave it one)."""
    cores = os.cpu_count() or 1
    if gpus:
        nworkers = gpus
    threads = threads_per_seed or max(1, cores // (nworkers or cores))
    nworkers = nworkers or max(1, cores // threads)
    env = {**os.environ, SEED_THREADS_ENV: str(threads)}  # the rest of the set-up: WORKER_CONFIG, in the command
    print(f"tinydigits worker: {nworkers} worker process(es), {threads} thread(s) per seed"
          + (f", one per GPU ({gpus})" if gpus else "") + f", scheduler {target}", flush=True)
    procs = [subprocess.Popen(cmd, env={**env, **({"CUDA_VISIBLE_DEVICES": str(i)} if gpus else {})})
             for i, cmd in enumerate(worker_commands(target, nworkers, gpus, host, extra))]
    previous = signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    try:
        return max(p.wait() for p in procs)
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        for p in procs:
            if p.poll() is None:
                p.terminate()
        for p in procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
