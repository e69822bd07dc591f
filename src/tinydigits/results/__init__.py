"""results: what a run's numbers mean and show.

- `budget`: the challenge's rule (`judge`, and the verdict's tables) over test-accuracy curves; the limits
  themselves are `constants.Budget`
- `odds`: the odds that a new seed holds the budget (counted and normal model; scipy only)
- `predictions`: predictions on a split, confusion matrix, per-class scores
- `report`: a run's pictures and report.md, runs compared; the shared markdown-table and figure helpers

May import `data`, `models`, `training`, `constants`, `errors`.
"""
