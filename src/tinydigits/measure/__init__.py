"""measure: what a model and the tool cost and withstand, measured and printed.

- `bench`: training speed (pipeline vs per-sample loader vs pure compute), inference latency, the profile
- `versus`: `bench --vs-notebook`, two whole runs timed in turns
- `loadtest`: `bench --serve`, a request mix against a real server
- `robustness`: accuracy under 22 class-keeping shifts, as tensors and as a user's images
- `lr_find`: `lr-find`, the learning-rate range test through the project's own step
- `speed_log`: `bench --record`, docs/speed.csv (the speed figures the docs quote, each with its machine and commit)

May import `use`, `verdict`, `lifecycle`, `results`, `training`, `models`, `data`, `constants`, `errors`.
"""
