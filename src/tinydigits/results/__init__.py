"""results: what a run's numbers mean and show.

- `budget`: the challenge's rule (`judge`; `run_verdict`, the one single-run verdict; the verdict's tables) over
  test-accuracy curves; the limits themselves are `constants.Budget`
- `odds`: the odds that a new seed holds the budget (counted and normal model; scipy only)
- `predictions`: predictions on a split, confusion matrix, per-class scores
- `report`: a run's pictures and report.md (from the metrics and config the caller holds), runs compared; the shared
  markdown-table and figure helpers
- `ledger`: docs/seeds.csv, the seed ledger by tier, and the arithmetic named (`arithmetic_of`, `describe_arithmetic`)
- `docs`: the figures README.md and docs/*.md quote, written from the ledger, the write-ups and docs/speed.csv
- `steps`: what is true of an exercise's steps and their changes; `handin`: `report --steps --out DIR`
- `explain`: augment.png, top_losses.png (Captum), layers.png; `figures`: matplotlib, headless, and save_figure

May import `data`, `models`, `training`, `constants`, `errors`.
"""
