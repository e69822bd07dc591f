"""search: `tinydigits search`, an Optuna study over the spec family and its recipes.

- `config`: `SearchConfig` (loads without torch: the command line builds its flags from it)
- `space`: the search space, the registered nets as starting points, constraints
- `storage`: the study in SQLite or PostgreSQL, created once however many workers race to it
- `study`: one trial (its seeds, pruning on epochs), the workers and the run of a search
- `outputs`: the Pareto table and picture, saved trials, the dashboard, exporting a trial as a spec

May import every role above it; nothing imports it but the CLI, module by module (nothing is handed on
here, so `config` loads without torch); optuna itself loads inside the functions that need it.
"""
