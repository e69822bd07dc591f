"""verdict: the multi-seed check behind `tinydigits check` and `tinydigits.check`.

- `seeds`: one run per seed (in parallel processes that split the cores, or stacked as one network by
  `training.stack`), then the verdict and the odds
- `check_report`: check.md, check.png and check.json in a fresh check folder
- `progress`: a check's progress as it trains (a line per seed per epoch, the time so far, an estimate of the end)

Seeds that train in other processes go through `cluster` (Dask clients, the seed task, dispatch).

May import `cluster`, `results`, `training`, `models`, `data`, `constants`, `errors`. The rule itself and the odds
are `results.budget` and `results.odds`: a single run's report applies the same rule.
"""
