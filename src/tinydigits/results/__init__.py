"""results: what a run's numbers mean and show.

- `budget`: the challenge's rule (`Budget`, `verdict`): pure logic over test-accuracy curves
- `odds`: the odds that a new seed holds the budget (counted and normal model; scipy only)
- `predictions`: predictions on a split, confusion matrix, per-class scores
- `report`: a run's pictures and report.md, runs compared; the shared markdown-table and figure helpers

May import `data`, `models`, `training`, `constants`, `errors`.
"""
