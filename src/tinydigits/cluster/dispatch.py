"""Which worker trains which seed of a check, so that the verdict is never a worker's fault.

Dask would hand a seed to any worker, including one that joined with other code and fails every seed it is given at
once (it goes idle first, so it gets the most). So the seeds are handed out here: each worker is validated as it joins
(`engine.worker_facts` through `Client.run`: its code, and whether it computes in the plan's arithmetic), a seed goes
to one validated, idle worker at a time (`workers=[it]`, `allow_other_workers=False`), and a worker that refuses a
seed (`engine.WorkerRefused`: other code, no MNIST) or sends back a bad archive gets no more; its seed goes to
another. A seed whose worker died is handed out again, up to MAX_LOSSES times. What cannot run - the scheduler lost,
no worker that can take it within `wait` seconds - comes back as not run, never as a FAIL.
"""

from __future__ import annotations

import time
import uuid
from collections import Counter, deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tinydigits.cluster import engine
from tinydigits.cluster.outcome import SeedOutcome, failed, not_run
from tinydigits.constants import Budget
from tinydigits.errors import TinyDigitsError, describe
from tinydigits.results import records
from tinydigits.training import loggers
from tinydigits.training.config import TrainConfig

MAX_LOSSES = 3  # a seed whose worker died this often is not run (Dask's own `allowed-failures` default)


def no_worker_line(address: str, wait: float, refused: dict[str, str]) -> str:
    """Why no seed could start: no worker at all (the ports to open), or every worker refused (why)."""
    if refused:
        address_, why = next(iter(refused.items()))
        return (f"no worker that can train this check's seeds within {wait:g} s: {len(refused)} refused "
                f"(e.g. {address_}: {why})")
    port = address.rsplit(":", 1)[-1] if ":" in address else "8786"
    return (f"no worker joined the Dask scheduler at {address} within {wait:g} s: start `tinydigits worker {address}` "
            f"on each machine, and open the scheduler's port ({port}) to them and their --worker-port and --nanny-port "
            "to this machine and the scheduler (docs/many-machines.md)")


class Dispatcher:
    """One check's seeds on one client: validated workers, one seed per idle worker, outcomes as they come."""

    def __init__(self, client, cfg: TrainConfig, budget: Budget, folder: Path, model: dict[str, Any] | None,
                 wait: float, log) -> None:
        self.client, self.cfg, self.budget, self.folder = client, cfg, budget, folder
        self.address = str(client.scheduler.address)  # kept: a closed client forgets it
        self.model, self.wait, self.log = model, wait, log
        self.here = engine.code_version()
        self.good: set[str] = set()
        self.refused: dict[str, str] = {}
        self.running: dict[Any, tuple[TrainConfig, str]] = {}  # future -> (seed's config, worker address)
        self.losses: Counter[int] = Counter()

    def validate(self, addresses: set[str]) -> None:
        """Ask the workers not seen yet for their code; each either joins `good` or is refused, in one line."""
        if not addresses:
            return
        answers = self.client.run(engine.worker_facts, workers=sorted(addresses), on_error="return")
        for address in sorted(addresses):
            answer = answers.get(address, TinyDigitsError("it did not answer"))
            if isinstance(answer, BaseException):
                why = f"cannot run tinydigits ({describe(answer)})"
            elif differ := engine.version_difference(self.here, answer["code"]):
                why = f"runs other code ({differ})"
            else:
                why = engine.arithmetic_refusal(self.cfg, answer)
            if why:
                self.refuse(address, why)
            else:
                self.good.add(address)

    def refuse(self, address: str, why: str) -> None:
        self.good.discard(address)
        if address not in self.refused:
            self.refused[address] = why
            self.log(f"worker {address} takes no seeds: {why}")

    def run(self, configs: list[TrainConfig], resources: dict[str, float] | None) -> Iterator[SeedOutcome]:
        queue = deque(configs)
        idle_since = time.monotonic()
        while queue or self.running:
            try:
                if self.client.status != "running":  # reconnecting: waiting for it would only delay the same verdict
                    raise ConnectionError(self.client.status)
                workers = engine.workers_now(self.client)
                self.validate(set(workers) - self.good - set(self.refused))
            except Exception:  # the scheduler is gone
                yield from not_run([c.seed for c in queue] + [c.seed for c, _ in self.running.values()],
                                   f"lost the scheduler at {self.address}")
                return
            yield from self.requeue_lost(workers, queue)
            able = [a for a in sorted(self.good) if a in workers
                    and all(workers[a].get("resources", {}).get(k, 0) >= v for k, v in (resources or {}).items())]
            if able or self.running:
                idle_since = time.monotonic()
            elif time.monotonic() - idle_since > self.wait:
                yield from not_run([c.seed for c in queue], no_worker_line(self.address, self.wait, self.refused))
                return
            busy = {a for _, a in self.running.values()}
            for address in able:
                if queue and address not in busy:
                    self.submit(queue.popleft(), address, resources)
            if not self.running:
                time.sleep(0.5)
                continue
            yield from self.collect(queue)

    def submit(self, cfg: TrainConfig, address: str, resources: dict[str, float] | None) -> None:
        future = self.client.submit(engine.remote_seed, cfg, self.budget, self.model, self.here, pure=False,
                                    workers=[address], allow_other_workers=False, resources=resources,
                                    key=f"tinydigits-seed-{cfg.seed}-{uuid.uuid4().hex[:8]}")
        self.running[future] = (cfg, address)

    def requeue_lost(self, workers: dict[str, Any], queue: deque) -> Iterator[SeedOutcome]:
        """Seeds whose worker left the cluster (killed, its machine gone) go back to the queue, MAX_LOSSES times."""
        for future, (cfg, address) in list(self.running.items()):
            if address in workers or future.done():
                continue
            future.cancel()
            del self.running[future]
            self.losses[cfg.seed] += 1
            if self.losses[cfg.seed] >= MAX_LOSSES:
                yield SeedOutcome(cfg.seed, not_run=f"its worker died {MAX_LOSSES} times")
            else:
                queue.appendleft(cfg)

    def collect(self, queue: deque) -> Iterator[SeedOutcome]:
        from distributed import wait

        try:
            done, _ = wait(list(self.running), timeout=1, return_when="FIRST_COMPLETED")
        except TimeoutError:  # none finished within the second: look at the workers again
            return
        except Exception:  # FuturesCancelledError: the scheduler went away; each cancelled seed is not run
            done = [f for f in self.running if f.status in ("cancelled", "finished", "error")]
        for future in done:
            cfg, address = self.running.pop(future)
            if future.status == "cancelled":
                yield SeedOutcome(cfg.seed, not_run="cancelled (the scheduler went away or cancelled it)")
                continue
            try:
                run_dir = engine.unpack(future.result(), self.folder, cfg.seed)
                run = records.Run.load(run_dir)
            except engine.WorkerRefused as err:
                self.refuse(address, str(err))
                queue.appendleft(cfg)
                continue
            except Exception as err:
                if type(err).__name__ == "KilledWorker":
                    yield SeedOutcome(cfg.seed, not_run=f"its worker died too often ({describe(err)[:80]})")
                else:
                    yield failed(cfg.seed, err)
                continue
            warning = loggers.landed(cfg.mlflow, cfg.mlflow_parent, run) if cfg.mlflow else None
            yield SeedOutcome(cfg.seed, str(run_dir), run.test(), run.params, warning)
