"""lifecycle: one run's way on this machine, in one place - planned, trained, finished, judged.

- `plan`: `make`, the one place a config is resolved and its model read, its arithmetic decided
  (`training.arithmetic.decide`) and the way its seeds train chosen (here, stacked, on this machine's worker processes
  or a cluster): the `Plan` train, check, search, bench and the API hand down (torch-free, handed on here);
  `tiers`, each model's ledger tier (its code and its recipe resolved as a check resolves it)
- `run`: `train_run`, a seed trained here then finished; `verdict`, the run judged (`results.budget.run_verdict`)
- `finish`: a finished run's pictures and report.md, then TensorBoard and MLflow, from what it holds in memory

May import `results`, `training`, `models`, `data`, `constants`, `errors`; `cluster` (seeds sent to other processes
or machines), `verdict`, `measure`, `search` and the API use it.
"""

from tinydigits.lifecycle.plan import CLUSTER, HERE, STACKED, WORKERS, Plan, cluster_address, make, pin_early, tiers

__all__ = ["CLUSTER", "HERE", "STACKED", "WORKERS", "Plan", "cluster_address", "make", "pin_early", "tiers"]
