"""results: what a run's numbers mean and show.

- `budget`: the challenge's rule (`judge`; `run_verdict`, the one single-run verdict; the verdict's tables) over
  test-accuracy curves; the limits themselves are `constants.Budget`
- `odds`: the odds that a new seed holds the budget (counted and normal model; scipy only)
- `predictions`: predictions on a split, confusion matrix, per-class scores
- `report`: a run's pictures and report.md (from the metrics and config the caller holds), runs compared; the shared
  markdown-table and figure helpers
- `records`: what a run and a check leave in their folders as typed records (`Run`, `Check`, `CheckPlan`: a check
  folder's plan.json; `Verdict` and `Odds` with their one formatter each), read once for every reader
- `ledger`: docs/seeds.csv, the seed ledger by tier, and the arithmetic named (`arithmetic_of`, `describe_arithmetic`)
  (the figures README.md and docs/*.md quote are written from it by `scripts/ledger_docs.py`, the maintainer's script)
- `steps/`: what is true of an exercise's steps and their changes, by job (a step read once, its curves, the fit,
  its facts counted once, readings, the changes, advice, sentences); `handin`: `report --steps --out DIR`
- `patterns`: `re`'s functions over one cache that holds the claims checker's patterns (`re` keeps 512; the checker
  has some 1,200)
- `explain`: augment.png, top_losses.png (Captum), layers.png; `figures`: matplotlib, headless, and save_figure

May import `data`, `models`, `training`, `constants`, `errors`.
"""
