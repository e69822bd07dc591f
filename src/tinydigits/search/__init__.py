"""search: `tinydigits search`, an Optuna study over the spec family and its recipes.

- `space`: `SearchConfig`, the search space, the registered nets as starting points, constraints
- `storage`: the study in SQLite or PostgreSQL, created once however many workers race to it
- `study`: one trial (its seeds, pruning on epochs), the workers and the run of a search
- `outputs`: the Pareto table and picture, saved trials, the dashboard, exporting a trial as a spec

May import every role above it; nothing imports it but the CLI. Hands on the
names the CLI uses; optuna itself loads inside the functions that need it.
"""

from tinydigits.search.outputs import dashboard as dashboard
from tinydigits.search.outputs import export as export
from tinydigits.search.outputs import load_trials as load_trials
from tinydigits.search.outputs import pareto_table as pareto_table
from tinydigits.search.outputs import save_trials as save_trials
from tinydigits.search.outputs import write_outputs as write_outputs
from tinydigits.search.space import KNOWN_LAYERS as KNOWN_LAYERS
from tinydigits.search.space import SearchConfig as SearchConfig
from tinydigits.search.space import rejection as rejection
from tinydigits.search.space import start_from as start_from
from tinydigits.search.space import suggest as suggest
from tinydigits.search.storage import open_study as open_study
from tinydigits.search.study import describe as describe
from tinydigits.search.study import run as run
