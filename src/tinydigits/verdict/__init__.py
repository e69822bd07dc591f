"""verdict: the multi-seed check behind `tinydigits check` and `tinydigits.check`.

- `seeds`: one run per seed, in parallel processes that split the cores, then the verdict and the odds
- `stack`: the same seeds trained as one stacked network in one process (`--stack`)
- `check_report`: check.md, check.png and check.json in a fresh check folder

May import `results`, `training`, `models`, `data`, `constants`, `errors`. The rule itself and the odds
are `results.budget` and `results.odds`: a single run's report applies the same rule.
"""
