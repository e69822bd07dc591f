"""cluster: where a check's or a study's seeds train when they do not train in this process - worker processes on
this machine's cores (a Dask LocalCluster) or a Dask cluster's machines.

- `plan`: `make`, the one place a config is resolved and its model read, and how its seeds train (here, stacked,
  on this machine's worker processes or a cluster; pins, threads): the `Plan` train, check, search and bench hand down
- `engine`: Dask clients (the local workers `check --jobs` and `search --jobs` both use), the seed task
  (`remote_seed`), pack/unpack of run folders, worker checks (code and arithmetic), the `tinydigits worker`
  supervisor, and the fresh process a notebook's portable seed trains in
- `dispatch`: hands seeds to the workers that can train them, and re-queues a seed whose worker was lost
- `outcome`: what became of one seed (landed, failed, not run), the record every way of training seeds hands back
- `cores`: the cores this process may use and each side-by-side seed's share, counted in one place (torch-free)
- `finish`: `write_results`, a finished run's files then TensorBoard and MLflow (above both layers it joins)

May import `results`, `training`, `models`, `data`, `constants`, `errors`; `verdict`, `measure`, `search` and the
API use it.
"""
