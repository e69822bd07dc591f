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
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tinydigits.constants import PORTABLE_ENV, Budget
from tinydigits.errors import TinyDigitsError, describe
from tinydigits.lifecycle import cluster_address
from tinydigits.training.config import TrainConfig
from tinydigits.training.cores import machine_cores
from tinydigits.training.device import pinned_env
from tinydigits.training.runs import INLINE

SEED_THREADS_ENV = "TINYDIGITS_SEED_THREADS"  # set by `tinydigits worker`: torch threads for each seed it trains
GPU = "GPU"  # the Dask resource a GPU worker carries (`tinydigits worker --gpus`)


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


class WorkerRefused(TinyDigitsError):
    """This worker cannot train the check's seeds (other code, no MNIST): the seed goes to another worker, and this
    one gets no more - a worker's fault is never the model's FAIL."""


def checked_workers(client) -> dict[str, str]:
    """Every connected worker runs this machine's code, or one line says which does not (`search` calls it before
    its first task); returns this machine's `code_version`. A check validates each worker as it joins instead
    (`cluster.dispatch`)."""
    here = code_version()
    try:
        there = client.run(code_version)
    except Exception as err:  # a worker without tinydigits, or a broken one
        raise TinyDigitsError(f"the cluster's workers cannot run tinydigits: {describe(err)}") from None
    refuse_other_versions(here, there)
    return here


def worker_facts() -> dict[str, Any]:
    """What a check asks of each worker before it gets a seed: its code (`code_version`) and its arithmetic (the ISA
    torch's kernels run in there, and whether bf16 is native)."""
    from tinydigits.training.device import aten_isa, native_bf16

    return {"code": code_version(), "aten_isa": aten_isa(), "bf16": native_bf16(), "mkl_cbwr": os.environ.get("MKL_CBWR")}


def arithmetic_refusal(cfg: TrainConfig, facts: dict[str, Any]) -> str | None:
    """Why a worker cannot train the plan's arithmetic natively (None: it can): a portable plan needs kernels in AVX2,
    a bf16 plan native bf16 (emulated, a seed costs ~4x)."""
    from tinydigits.training.device import PORTABLE_ISA

    if cfg.portable and (facts["aten_isa"], facts.get("mkl_cbwr")) != (PORTABLE_ISA, PORTABLE_ENV["MKL_CBWR"]):
        return (f"its kernels run in {facts['aten_isa']} with MKL_CBWR={facts.get('mkl_cbwr')}, and this check is "
                f"portable ({PORTABLE_ISA}, MKL_CBWR={PORTABLE_ENV['MKL_CBWR']}): start it with `tinydigits worker` "
                "(portable by default)")
    if not cfg.portable and cfg.precision == "bf16" and (cfg.device or "cpu") == "cpu" and not facts["bf16"]:
        return (f"no native bf16 there (kernels in {facts['aten_isa']}), and this check trains in bf16: a seed would "
                "cost ~4x; give --precision fp32, or start workers with native bf16 (`tinydigits worker --no-portable`)")
    return None


def version_difference(local: dict[str, str], theirs: dict[str, str]) -> str | None:
    """Why code reported by a worker (or recorded in a plan) is not this code, in a few words; None when it is."""
    differ = [f"{k} {theirs.get(k)} there, {v} here" for k, v in local.items() if theirs.get(k) != v]
    return "; ".join(differ) or None


def refuse_other_versions(local: dict[str, str], workers: dict[str, dict[str, str]]) -> None:
    """One line naming the first worker whose code differs: its seeds would not be this check's seeds."""
    for address, theirs in sorted(workers.items()):
        if differ := version_difference(local, theirs):
            raise WorkerRefused(f"worker {address} runs other code ({differ}): install the same tinydigits and torch "
                                "there, then start `tinydigits worker` again")


# ------------------------------------------------------------------ the task, on a worker
def pack(folder: Path) -> bytes:
    """A run folder as tar.gz bytes (a 1-epoch run is ~30 KB): what travels home through the scheduler."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        tar.add(folder, arcname=folder.name)
    return buffer.getvalue()


MAX_ARCHIVE = 64 << 20  # bytes: a 15-epoch run folder packs to well under 1 MB


def unpack(archive: bytes, into: Path, seed: int) -> Path:
    """Unpack one seed's packed run folder under `into`; returns it. A worker is another machine, so its archive is
    not trusted: at most MAX_ARCHIVE bytes, one folder named as a seed-`seed` run folder (never plan.json, never
    another seed's), members plain files and folders inside it. Extracted into a hidden sibling and renamed, so a
    Ctrl-C mid-way never leaves a half folder that `--resume` would count."""
    if len(archive) > MAX_ARCHIVE:
        raise WorkerRefused(f"seed {seed}'s archive is {len(archive) >> 20} MB, more than a run folder can be")
    with tarfile.open(fileobj=io.BytesIO(archive), mode="r:gz") as tar:
        members = tar.getmembers()
        names = {Path(m.name).parts[0] if Path(m.name).parts else "" for m in members}
        name = names.pop() if len(names) == 1 else ""
        if names or not re.fullmatch(rf"[\w.\-]+-s{seed}", name):
            raise WorkerRefused(f"seed {seed}'s archive is not one seed-{seed} run folder")
        if sum(m.size for m in members) > 8 * MAX_ARCHIVE:
            raise WorkerRefused(f"seed {seed}'s archive unpacks to more than a run folder can be")
        landing = Path(tempfile.mkdtemp(prefix=".landing-", dir=into))
        try:
            _extract(tar, members, landing)
            final = into / name
            if final.exists():
                raise WorkerRefused(f"seed {seed}: {final} is there already")
            os.replace(landing / name, final)
        finally:
            shutil.rmtree(landing, ignore_errors=True)
    return final


def _extract(tar: tarfile.TarFile, members: list[tarfile.TarInfo], into: Path) -> None:
    """Regular files and folders only, relative paths that stay inside; then tarfile's "data" filter too where this
    Python has it (3.11.4 and later)."""
    for m in members:
        if not (m.isfile() or m.isdir()) or Path(m.name).is_absolute() or ".." in Path(m.name).parts:
            raise WorkerRefused(f"a seed's archive holds {m.name!r}, which may not be unpacked")
    try:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(into, members=members, filter="data")
        else:
            tar.extractall(into, members=members)  # noqa: S202 - every member checked above
    except tarfile.TarError as err:
        raise WorkerRefused(f"a seed's archive could not be unpacked ({err})") from None


def seed_threads(threads: int | None) -> int:
    """Torch threads for a task on this worker: the ones asked for (`--threads`), else `tinydigits worker`'s
    `--threads-per-seed`, else what torch has (Dask's nanny sets OMP_NUM_THREADS=1, so 1 on a plain worker)."""
    import torch

    return threads or int(os.environ.get(SEED_THREADS_ENV, "0") or 0) or torch.get_num_threads()


def remote_seed(cfg: TrainConfig, budget: Budget, model: dict[str, Any] | None = None,
                expect: dict[str, str] | None = None) -> bytes:
    """Train one seed on a worker into a temporary folder and return the folder packed: its curve and parameter
    count travel in its metrics.json, read once it is home. `model` is what `model_content` made of the check's model
    (a notebook class pickled by value, a spec's JSON, a file's bytes); `expect` the checking machine's
    `code_version`. A worker that cannot train the seed raises WorkerRefused before training: other code, no MNIST."""
    from tinydigits import models
    from tinydigits.data import mnist
    from tinydigits.lifecycle.run import train_run
    from tinydigits.models import registry

    facts = worker_facts()  # once: the code hash reads every source file
    if expect is not None and (differ := version_difference(expect, facts["code"])):
        raise WorkerRefused(f"this worker runs other code ({differ})")
    if why := arithmetic_refusal(cfg, facts):
        raise WorkerRefused(why)
    data_dir = cfg.data_dir if cfg.data_dir and Path(cfg.data_dir).is_dir() else None  # else the worker's own
    try:
        mnist.locate(data_dir, quiet=True)
    except TinyDigitsError as err:
        raise WorkerRefused(f"no MNIST on this worker: {err}") from None
    if model is not None and model["kind"] == "inline":  # always the class sent: its globals may have changed too
        models.register(cfg.model, **model["recipe"])(model["cls"])  # the name holds a hash of the class's code
        registry.remember_code(cfg.model, model.get("code"))  # what the run records as its code
    home = cfg.out  # the check's folder, where the run lands once unpacked
    with tempfile.TemporaryDirectory(prefix="tinydigits-seed-") as tmp, \
            models.provided(cfg.model, model if model is not None and model["kind"] != "inline" else None):
        cfg = dataclasses.replace(cfg, out=tmp, threads=seed_threads(cfg.threads), data_dir=data_dir, mlflow=None,
                                  mlflow_parent=None)
        result = train_run(cfg, budget, log=lambda _: None, on_epoch=_report_epoch(cfg.seed))  # with its pictures
        # config.json says where the run is, as a seed trained in the check's own process says it: not this folder,
        # which is gone once the run is packed
        result.run.settings = dataclasses.replace(result.run.settings, out=home)
        result.run.save_config()
        return pack(result.run_dir)


EVENT = "tinydigits-epoch"  # the Dask topic a worker's seeds report their epochs on (`verdict.progress` reads it)


def _report_epoch(seed: int):
    """Each epoch of a seed told to the checking machine as a Dask event (`verdict.progress`): its own progress lines
    come from the workers, local or a cluster's, and the epoch's own time sets the estimate apart from the seed's
    start-up. Outside a worker (a test calling the task directly): nothing."""
    from distributed import get_worker

    try:
        worker = get_worker()
    except ValueError:
        return None
    keys = ("epoch", "train_acc", "test_acc", "seconds")
    return lambda row: worker.log_event(EVENT, {"seed": seed, "row": {k: row[k] for k in keys}})


def model_content(ref: str) -> dict[str, Any] | None:
    """What travels with each seed so that a worker builds exactly this machine's model: a notebook class (pickled by
    value) and its recipe, a spec's JSON or a model file's bytes; None for registered names and importable modules
    (the worker's own installation, whose code `code_version` compares)."""
    if INLINE in ref:
        from tinydigits.models import registry

        cls, recipe = registry.lookup(ref)
        return {"kind": "inline", "cls": cls, "recipe": recipe, "code": registry.source_code(cls)}
    from tinydigits import models

    return models.content(ref)


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
def worker_env(portable: bool) -> Iterator[None]:
    """os.environ as the worker processes started in the block should inherit it: with the portable pins, or without
    them (this machine's own kernels) for a --no-portable check; put back afterwards."""
    saved = {k: os.environ.get(k) for k in PORTABLE_ENV}
    for key, value in PORTABLE_ENV.items():
        if portable:
            os.environ[key] = value
        else:
            os.environ.pop(key, None)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@contextlib.contextmanager
def client_for(cluster: str | None, jobs: int, portable: bool = True) -> Iterator[Any]:
    """A Dask client: to `cluster` (a scheduler address or scheduler file; else DASK_SCHEDULER_ADDRESS), or to a
    `LocalCluster` of `jobs` worker processes with one thread each (pinned to the portable arithmetic or not), made
    here and closed with the block. Dask's
    own settings apply (`tls://` addresses take their certificates from `distributed.comm.tls.*`)."""
    from distributed import Client

    cluster = cluster_address(cluster)
    if cluster:
        target = scheduler_target(cluster)
        if "scheduler_file" in target and not Path(cluster).is_file():
            raise TinyDigitsError(f"--cluster {cluster}: no such scheduler file (or give tcp://host:port)")
        try:
            client = Client(timeout="20s", **target)
        except Exception as err:  # refused, timed out, or a tls:// address without certificates (Dask's own errors)
            hint = " (tls:// needs distributed.comm.tls.* certificates: docs/many-machines.md)" if "tls" in cluster else ""
            raise TinyDigitsError(f"cannot reach the Dask scheduler at {cluster}: {describe(err)}{hint}") from None
        with client:
            yield client
            # a lost scheduler is said in the verdict (seeds not run); the client's own reconnect log would follow it
            logging.getLogger("distributed.client").setLevel(logging.CRITICAL)
        return
    with local_client(jobs, portable) as client:
        yield client


@contextlib.contextmanager
def local_client(jobs: int, portable: bool = True) -> Iterator[Any]:
    """A client of a `LocalCluster` of `jobs` worker processes on this machine, one thread each, pinned to the portable
    arithmetic or not; closed with the block."""
    import dask
    from distributed import Client, LocalCluster

    # Not daemonic, so a seed could still use a DataLoader with workers; no dashboard, and the scheduler's own HTTP
    # endpoints on a free port (else 8787: a second check at once warned "Port 8787 is already in use"); a seed's
    # error comes home as its row in the table, so the workers' own log of it (a traceback on stderr) is silenced.
    with dask.config.set(WORKER_CONFIG), worker_env(portable), \
            LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                         scheduler_kwargs={"dashboard_address": ":0"}, silence_logs=logging.CRITICAL) as local, \
            Client(local) as client:
        yield client


def workers_now(client) -> dict[str, dict[str, Any]]:
    """Each connected worker's record, by address, asked of the scheduler now. Not `client.scheduler_info()`: that
    returns the client's cached identity, which Dask's periodic refresh replaces every 2 s with one listing no workers;
    read at that instant it said every worker had left (3 in 32,000 calls on a busy 2-core CPU), and a check re-queued
    every seed it was training. Raises where the scheduler is gone."""
    return client.sync(client.scheduler.identity, n_workers=-1)["workers"]


def worker_resources(client) -> dict[str, dict[str, float]]:
    """Each connected worker's Dask resources (`{"GPU": 1}` for a GPU worker), by address."""
    return {address: w.get("resources", {}) for address, w in workers_now(client).items()}


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
    launch = ("import dask; from tinydigits.cluster.engine import WORKER_CONFIG; dask.config.set(WORKER_CONFIG); "
              "from distributed.cli.dask_worker import main; main()")  # `dask worker`, with the settings above
    base = [sys.executable, "-c", launch,
            *(["--scheduler-file", where["scheduler_file"]] if "scheduler_file" in where else [where["address"]]),
            "--nthreads", "1", "--no-dashboard", *(["--host", host] if host else [])]
    if gpus:
        return [[*base, "--nworkers", "1", "--resources", f"{GPU}=1", *(extra or [])] for _ in range(gpus)]
    return [[*base, "--nworkers", str(nworkers), *(extra or [])]]


def _watch(procs: list[subprocess.Popen]) -> int:
    """Wait until a worker group ends. One that ends on its own is noticed at once (the others are then stopped by
    the caller): its status comes back, 128 + the signal for a killed one, as a shell would say."""
    while True:
        for p in procs:
            code = p.poll()
            if code is not None:
                status = 128 - code if code < 0 else code
                print(f"tinydigits worker: a worker group (pid {p.pid}) ended with status {status}", file=sys.stderr,
                      flush=True)
                return status or 1  # the workers were meant to run until stopped
        time.sleep(0.5)


def run_workers(target: str, nworkers: int | None = None, threads_per_seed: int | None = None, gpus: int = 0,
                host: str | None = None, extra: list[str] | None = None, portable: bool = True) -> int:
    """`tinydigits worker`: start Dask workers set up for training and wait for them (Ctrl-C or SIGTERM stops them).
    Each trains one seed at a time with `threads_per_seed` torch threads (Dask's nanny would leave it one)."""
    cores = machine_cores()
    if gpus:
        nworkers = gpus
    threads = threads_per_seed or max(1, cores // (nworkers or cores))
    nworkers = nworkers or max(1, cores // threads)
    # the rest of the set-up is WORKER_CONFIG, in the command; the pins or this machine's own kernels, whatever this
    # shell had set
    env = {**pinned_env(os.environ, portable), SEED_THREADS_ENV: str(threads)}
    print(f"tinydigits worker: {nworkers} worker process(es), {threads} thread(s) per seed, "
          + ("portable (kernels pinned to AVX2)" if portable else "this machine's own kernels")
          + (f", one per GPU ({gpus})" if gpus else "") + f", scheduler {target}", flush=True)
    procs = [subprocess.Popen(cmd, env={**env, **({"CUDA_VISIBLE_DEVICES": str(i)} if gpus else {})})
             for i, cmd in enumerate(worker_commands(target, nworkers, gpus, host, extra))]
    previous = signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    try:
        return _watch(procs)
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
