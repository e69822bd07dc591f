"""cluster: where a check's or a study's seeds train when they do not train in this process - worker processes on
this machine's cores (a Dask LocalCluster) or a Dask cluster's machines.

- `engine`: Dask clients (the local workers `check --jobs` and `search --jobs` both use), the seed task
  (`remote_seed`), pack/unpack of run folders, worker checks (code and arithmetic), the `tinydigits worker`
  supervisor
- `fresh`: one seed in a fresh Python process that never runs the caller's script (a notebook's portable seed)
- `dispatch`: hands seeds to the workers that can train them, and re-queues a seed whose worker was lost
- `outcome`: what became of one seed (landed, failed, not run), the record every way of training seeds hands back

A seed trained here is `lifecycle`'s; these are for seeds sent elsewhere. May import `lifecycle`, `results`,
`training`, `models`, `data`, `constants`, `errors`; `verdict`, `measure`, `search` and the
API use it.
"""
