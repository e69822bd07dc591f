"""models: networks found by name (timm-style), each a plain `nn.Module`.

- `registry`: `register`, and `resolve` / `create` of any `--model` reference (a registered name, a spec
  `.json` file, `path/to/file.py:Name`, `package.module:Name`)
- `spec`: the model family as data (`NetSpec` <-> JSON / compact text -> `nn.Module`) and its building blocks
- `zoo`: model1-3 (the three steps) and the tiers built on them, code only (their Target / Result / Analysis:
  `write_ups/NAME.md`, data that `catalog.write_up` reads)
- `catalog`: `tinydigits models` (the registry as a table, or JSON)
- `summary`: the layer table (shapes, parameters, MACs, receptive field) from forward hooks

May import `data`, `constants`, `errors`. Hands on the registry's face and the zoo's classes (so
`tinydigits.models:Model3` stays a valid reference); importing it registers the zoo.
"""

from tinydigits.models import zoo as zoo
from tinydigits.models.registry import Source as Source
from tinydigits.models.registry import check_io as check_io
from tinydigits.models.registry import code_text as code_text
from tinydigits.models.registry import content as content
from tinydigits.models.registry import count_params as count_params
from tinydigits.models.registry import create as create
from tinydigits.models.registry import display_name as display_name
from tinydigits.models.registry import eval_mode as eval_mode
from tinydigits.models.registry import names as names
from tinydigits.models.registry import own_source as own_source
from tinydigits.models.registry import provided as provided
from tinydigits.models.registry import recipe as recipe
from tinydigits.models.registry import register as register
from tinydigits.models.registry import resolve as resolve
from tinydigits.models.zoo import Fast as Fast
from tinydigits.models.zoo import Golf as Golf
from tinydigits.models.zoo import Lean as Lean
from tinydigits.models.zoo import Model1 as Model1
from tinydigits.models.zoo import Model2 as Model2
from tinydigits.models.zoo import Model3 as Model3
from tinydigits.models.zoo import PoolBN as PoolBN
from tinydigits.models.zoo import Robust as Robust
