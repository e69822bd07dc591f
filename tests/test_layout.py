"""The package's layout by role keeps its shape: imports point down the flow, no circles, no private names
taken from another module. Reads the sources with `ast`; runs nothing.

The flow (README "Layout"): data -> models -> training -> results -> lifecycle -> cluster -> verdict -> use -> measure
-> search,
with `constants`, `errors`, `settings` and `files` under everything and `cli`, `api`, `__init__`, `__main__`
(the two faces) on top.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "tinydigits"
FLOW = ["constants", "errors", "settings", "files", "data", "models", "training", "results", "lifecycle", "cluster",
        "verdict", "use",
        "measure", "search", "api", "cli", "__init__", "__main__"]
RANK = {role: i for i, role in enumerate(FLOW)}
RANK["errors"] = RANK["settings"] = RANK["files"] = RANK["constants"]  # the leaves share the bottom


def module_names(root: Path) -> dict[str, Path]:
    """'tinydigits.training.train' -> its file, for every module under `root` (packages by their __init__)."""
    found = {}
    for path in root.rglob("*.py"):
        parts = [root.name, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def role(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imports(path: Path, modules: dict[str, Path]) -> list[tuple[int, str, list[str]]]:
    """(line, imported module, names taken from it) for every import of the package, at any depth in the file."""
    top = next(iter(modules)).split(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name, []) for a in node.names if a.name.split(".")[0] == top]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == top:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.append((node.lineno, sub, []) if sub in modules else (node.lineno, node.module, [alias.name]))
    return found


def problems(root: Path) -> list[str]:
    """Every import against the flow, every private name taken from another module, every import circle."""
    modules = module_names(root)
    out, graph = [], {m: set() for m in modules}
    for module, path in sorted(modules.items()):
        where = path.relative_to(root.parent)
        for line, target, names in imports(path, modules):
            if target not in modules:
                out.append(f"{where}:{line}: imports {target}, which does not exist")
                continue
            graph[module].add(target)
            mine, theirs = role(module), role(target)
            if mine != theirs and RANK.get(mine, -1) < RANK.get(theirs, len(FLOW)):
                out.append(f"{where}:{line}: {mine} imports {target} ({theirs}), against the flow {' -> '.join(FLOW[4:13])}")
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            if private and target != module:
                out.append(f"{where}:{line}: takes private name(s) {', '.join(private)} from {target}")
    out += [f"import circle: {' -> '.join(c)}" for c in circles(graph)]
    return out


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One path per circle found by depth-first search (white/grey/black)."""
    state, stack, found = {}, [], []

    def visit(node: str) -> None:
        state[node] = "grey"
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "grey":
                found.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = "black"

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return found


def test_the_package_follows_the_flow():
    assert problems(PACKAGE) == []


def test_a_config_is_resolved_once_by_its_plan():
    """`lifecycle.make` resolves a config and reads its model; everything below takes them as they are (#59)."""
    calls = [f"{path.relative_to(PACKAGE)}:{number}" for path in sorted(PACKAGE.rglob("*.py"))
             for number, line in enumerate(path.read_text().splitlines(), 1)
             if ".resolved(" in line and "def resolved(" not in line]
    assert len(calls) == 1 and calls[0].startswith("lifecycle/plan.py:"), calls


def test_every_role_has_a_docstring_and_the_top_stays_small():
    roles = [p for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()]
    assert {p.name for p in roles} == {"data", "models", "training", "results", "lifecycle", "cluster", "verdict", "use",
                                       "measure", "search"}
    for package in roles:
        doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text()))
        assert doc and doc.startswith(f"{package.name}:") and "May import" in doc, package
    assert len(list(PACKAGE.glob("*.py"))) <= 8


def test_the_checker_names_the_offending_line(tmp_path):
    """The rules can fail: a fake package with one of each problem is caught, line by line."""
    root = tmp_path / "tinydigits"
    files = {
        "__init__.py": "",
        "errors.py": "",
        "data/__init__.py": "",
        "data/mnist.py": "from tinydigits.training import train\n",  # against the flow
        "training/__init__.py": "",
        "training/train.py": "from tinydigits.results.report import _helper\n",  # against the flow and private
        "results/__init__.py": "",
        "results/report.py": "def f():\n    from tinydigits.verdict import seeds\n",
        "verdict/__init__.py": "",
        "verdict/seeds.py": "from tinydigits.results import report\nfrom tinydigits.results.report import _md\n",
        "use/__init__.py": "",
        "use/a.py": "from tinydigits.use import b\n",
        "use/b.py": "from tinydigits.use import a\n",  # a circle inside one role
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    found = problems(root)
    assert "tinydigits/data/mnist.py:1: data imports tinydigits.training.train (training)" in found[0]
    assert any(p.startswith("tinydigits/training/train.py:1: training imports tinydigits.results.report") for p in found)
    assert "tinydigits/training/train.py:1: takes private name(s) _helper from tinydigits.results.report" in found
    assert any(p.startswith("tinydigits/results/report.py:2: results imports tinydigits.verdict.seeds") for p in found)
    assert "tinydigits/verdict/seeds.py:2: takes private name(s) _md from tinydigits.results.report" in found
    assert any(p.startswith("import circle:") and "tinydigits.use.a" in p and "tinydigits.use.b" in p for p in found)
    assert any("tinydigits.results.report -> tinydigits.verdict.seeds -> tinydigits.results.report" in p for p in found)


# A run folder as main wrote it before the layout by role (commit 96decc3): model3's state_dict keys and
# shapes, the checkpoint's payload keys and the origin kinds. Rebuilt here (never commit a checkpoint).
OLD_MODEL3_STATE = {
    "layers.0.0.weight": [8, 1, 3, 3], "layers.1.0.weight": [12, 8, 3, 3], "layers.3.0.weight": [16, 12, 3, 3],
    "layers.4.0.weight": [16, 16, 3, 3], "layers.5.0.weight": [16, 16, 3, 3], "layers.6.1.weight": [10, 16, 1, 1],
    **{f"layers.{i}.1.{k}": [c] for i, c in ((0, 8), (1, 12), (3, 16), (4, 16), (5, 16))
       for k in ("weight", "bias", "running_mean", "running_var")},
    **{f"layers.{i}.1.num_batches_tracked": [] for i in (0, 1, 3, 4, 5)},
}


def _old_run_folder(folder: Path, origin: dict) -> Path:
    import json

    import torch

    g = torch.Generator().manual_seed(0)
    state = {k: (torch.tensor(7) if not shape else torch.rand(shape, generator=g) + (0.5 if "var" in k else 0.0))
             for k, shape in OLD_MODEL3_STATE.items()}
    config = {"model": "model3", "seed": 0, "epochs": 1, "batch_size": 64}
    folder.mkdir(parents=True)
    torch.save({"model": "model3", "state_dict": state, "config": config, "origin": origin}, folder / "model.pt")
    (folder / "config.json").write_text(json.dumps({**config, "origin": origin, "params": 7568}))
    (folder / "metrics.json").write_text(json.dumps({"model": "model3", "params": 7568, "seed": 0, "complete": True, "epochs": [
        {"epoch": 1, "train_loss": 0.5, "train_acc": 90.0, "test_loss": 0.3, "test_acc": 95.0, "lr": 0.1, "seconds": 30.0}]}))
    return folder


def test_checkpoints_written_before_the_layout_load_and_eval_works(tmp_path, mnist_dir, capsys):
    from tinydigits.cli import main
    from tinydigits.models.spec import NetSpec
    from tinydigits.training import runs

    spec = NetSpec.parse("c8d5 c12d5 M c16d5 c16d5 c16", "m3spec").to_dict()
    origins = {"registry": {"kind": "registry", "name": "model3"}, "spec": {"kind": "spec", "spec": spec},
               "module": {"kind": "module", "module": "tinydigits.models", "attr": "Model3",
                          "ref": "tinydigits.models:Model3", "version": "0.1.0"}}
    for kind, origin in origins.items():
        folder = _old_run_folder(tmp_path / kind, origin)
        model, ckpt = runs.load_model(folder)
        assert ckpt["model"] == "model3" and sum(p.numel() for p in model.parameters()) == 7568
    assert main(["eval", str(tmp_path / "registry"), "--data-dir", str(mnist_dir)]) == 0
    assert "test accuracy" in capsys.readouterr().out
    assert (tmp_path / "registry" / "report.md").exists() and (tmp_path / "registry" / "confusion.png").exists()


def test_results_write_files_only_and_serve_chooses_its_run():
    """Uploads and TensorBoard belong where runs are tracked (`training.tracking`), so a server that fails cannot
    abort a finished check from the results layer; which run `serve` picks is `use`'s policy, not storage's."""
    modules = module_names(PACKAGE)
    for module, path in modules.items():
        if role(module) == "results":
            taken = {target for _, target, _ in imports(path, modules)}
            assert not taken & {"tinydigits.training.tracking", "tinydigits.training.events",
                             "tinydigits.training.loggers"}, module
    from tinydigits.training import runs
    from tinydigits.use import serve

    assert serve.most_robust.__module__ == "tinydigits.use.serve" and not hasattr(runs, "most_robust")


MAX_FUNCTION_LINES = 50  # a function fits on a screen (decorators and docstring included)
MAX_TRAINING_MODULE_LINES = 300  # training/ by job: the loop a reader follows in one file, each other job in its own


def long_functions(root: Path, limit: int = MAX_FUNCTION_LINES) -> list[str]:
    """Every function (nested ones too) of more than `limit` lines, as file:line name (lines)."""
    found = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                if node.end_lineno - start + 1 > limit:
                    found.append(f"{path.relative_to(root.parent)}:{start} {node.name} ({node.end_lineno - start + 1})")
    return found


def test_no_function_is_longer_than_a_screen_and_training_stays_split_by_job(tmp_path):
    assert long_functions(PACKAGE) == []
    big = {p.name: n for p in (PACKAGE / "training").glob("*.py") if (n := len(p.read_text().splitlines())) > 300}
    assert big == {}, f"training/ modules over {MAX_TRAINING_MODULE_LINES} lines: {big}"
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "m.py").write_text("def f():\n" + "    x = 1\n" * 50)  # 51 lines: the rule can fail
    assert long_functions(tmp_path / "pkg") == ["pkg/m.py:1 f (51)"]


def names_bound_twice(root: Path) -> list[str]:
    """'pkg/m.py X' for each module-level name bound twice by an assignment, a def or a class - the later binding
    silently replaces the earlier for every use after it. An annotated declaration (`READERS: tuple = ()`) may be
    bound once more: it declares the name before what fills it is defined."""
    found = []
    for path in sorted(root.rglob("*.py")):
        seen: dict[str, int] = {}
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.Assign):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names = [node.name]
            else:
                names = []
            for name in names:
                seen[name] = seen.get(name, 0) + 1
        found += [f"{path.relative_to(root.parent).as_posix()} {name}" for name, n in seen.items() if n > 1]
    return found


def test_no_module_level_name_is_bound_twice(tmp_path):
    assert names_bound_twice(PACKAGE) == []
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "m.py").write_text("A: tuple = ()\nA = (1,)\nB = 1\ndef f():\n    B = 2\nB = 3\n")
    assert names_bound_twice(tmp_path / "pkg") == ["pkg/m.py B"]  # the rule can fail; a declaration and a local pass


# A plain `tinydigits train`, traced in a fresh process: which package modules load, and every read and write of the
# run folder's config.json and metrics.json (issue #77: one run's way, results passed in memory).
TRACE = r"""
import json, sys
from pathlib import Path
from tinydigits import files

import PIL.Image
import torch.utils.tensorboard
from tinydigits.data import mnist

seen = {"write": [], "read": [], "splits": [], "writers": 0}
write_json, read_json, load_split = files.write_json, files.read_json, mnist.load_split
files.write_json = lambda path, data, *a, **k: (seen["write"].append(Path(path).name), write_json(path, data, *a, **k))[1]
files.read_json = lambda path, *a, **k: (seen["read"].append(Path(path).name), read_json(path, *a, **k))[1]
mnist.load_split = lambda split, *a, **k: (seen["splits"].append(split), load_split(split, *a, **k))[1]
image_open, SummaryWriter = PIL.Image.open, torch.utils.tensorboard.SummaryWriter
def opened(fp, *a, **k):
    if isinstance(fp, (str, Path)):
        seen["read"].append(Path(fp).name)
    return image_open(fp, *a, **k)
PIL.Image.open = opened
class Counted(SummaryWriter):
    def __init__(self, *a, **k):
        seen["writers"] += 1
        super().__init__(*a, **k)
torch.utils.tensorboard.SummaryWriter = Counted
from tinydigits.cli import main
code = main(sys.argv[1:])
seen["modules"] = sorted(m for m in sys.modules if m.startswith("tinydigits"))
print("TRACE " + json.dumps(seen))
sys.exit(code)
"""


def test_a_plain_train_stays_out_of_cluster_and_reads_nothing_back(mnist_dir, tmp_path):
    """`tinydigits train` on this machine takes the lifecycle's way: no `tinydigits.cluster` module loads; config.json
    is written once and metrics.json only by the run's record (once an epoch as it trains, then once finished), and
    neither is read back: the pictures, report.md, TensorBoard and MLflow get them in memory. One finish: one
    TensorBoard writer, no picture read back from the folder, the training set loaded once (augment.png's digits
    come from the run)."""
    import json
    import subprocess
    import sys

    args = ["train", "--epochs", "2", "--train-limit", "256", "--data-dir", str(mnist_dir), "--out", str(tmp_path),
            "--quiet"]
    done = subprocess.run([sys.executable, "-c", TRACE, *args], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    seen = json.loads(next(line for line in done.stdout.splitlines() if line.startswith("TRACE "))[6:])
    assert not [m for m in seen["modules"] if m.startswith("tinydigits.cluster")], seen["modules"]
    assert "tinydigits.lifecycle.run" in seen["modules"]
    assert seen["write"].count("config.json") == 1
    assert seen["write"].count("metrics.json") == 2 + 1 + 1  # each epoch's row as it lands, `complete`, its finish's s
    assert not {"config.json", "metrics.json"} & set(seen["read"]), seen["read"]
    assert not [name for name in seen["read"] if name.endswith(".png")], seen["read"]
    assert sorted(seen["splits"]) == ["test", "train"], seen["splits"]
    assert seen["writers"] == (1 if _has_tensorboard() else 0)
    run = next(tmp_path.iterdir())
    assert {"report.md", "curves.png", "per_class.csv"} <= {p.name for p in run.iterdir()}


def _has_tensorboard() -> bool:
    import importlib.util

    return importlib.util.find_spec("tensorboard") is not None


def test_every_models_hash_is_what_the_ledger_keys_it_by():
    """The zoo's write-ups left its code for data (#77): a model's hash reads its code and recipe, so every tier's
    `model_sha256` is what it was, and the ledger's rows still find their model."""
    from tinydigits import models

    assert {name: models.resolve(name).digest() for name in models.names()} == {
        "model1": "022fbd995e5961b0", "model2": "dd8f78d9df1e6d1f", "model3": "9c09423c47205f01",
        "model3b": "5254744db49fe7ee",
        "robust": "e0f591e6ad836fd7", "lean": "126fcf13ca0d4b63", "poolbn": "361be55c14a5cee9",
        "steady": "5104315b5ef59394", "fast": "05b895d504451253", "golf": "057f9729881f8ecd"}


def test_the_zoo_is_code_and_its_write_ups_are_data():
    """No measured table or Result block in zoo.py; every registered model's Target / Result / Analysis is its
    write-up file, which `models --model` and docs/models.md read."""
    from tinydigits import models
    from tinydigits.models import catalog

    zoo = (PACKAGE / "models" / "zoo.py").read_text()
    assert "Result:" not in zoo and "Result (" not in zoo and "VERDICT" not in zoo and "ep13" not in zoo
    for name in models.names():
        text = catalog.write_up(name)
        assert text and text.startswith("Target:") and "Analysis:" in text, name


def test_the_code_says_why_not_when():
    """Comments and docstrings say why in the present tense; which issue asked for what is history, kept in
    docs/research-record.md and the commit log, not in the package."""
    import re

    issue = re.compile(r"#\d{2,3}\b|\bissues? \d{2,3}\b")
    found = [f"{p.relative_to(PACKAGE)}:{n}" for p in sorted(PACKAGE.rglob("*.py"))
             for n, line in enumerate(p.read_text().splitlines(), 1) if issue.search(line)]
    assert found == []
    assert issue.search("# the default since issue 68") and issue.search("(#75's instruments)")  # the rule can fail


# The hand-in's reasoning by job (results/steps/): a step read once -> what its curves say -> the fit -> its facts
# counted once -> further readings -> the changes from the step before -> a student's claims decided -> the facts said.
STEPS_ORDER = ["step", "curves", "fit", "known", "readings", "layers", "between", "claims", "shown"]


def steps_out_of_order(root: Path, order: list[str] = STEPS_ORDER) -> list[str]:
    """Every module of results/steps missing from `order` or without a docstring, and every import of one that takes
    from a module at or after its own place in `order`."""
    modules = module_names(root)
    package = f"{root.name}.results.steps"
    found = []
    for module, path in sorted(modules.items()):
        if not module.startswith(package + "."):
            continue
        job = module.rpartition(".")[2]
        if job not in order or not ast.get_docstring(ast.parse(path.read_text())):
            found.append(f"{module}: not in the order, or without a docstring saying its job")
            continue
        for line, target, _ in imports(path, modules):
            theirs = target.removeprefix(package + ".")
            if target.startswith(package + ".") and theirs in order and order.index(theirs) >= order.index(job):
                found.append(f"{path.relative_to(root.parent)}:{line}: {job} imports {theirs}, against the order")
    return found


def test_the_steps_reasoning_runs_one_way(tmp_path):
    assert steps_out_of_order(PACKAGE) == []
    assert {p.stem for p in (PACKAGE / "results" / "steps").glob("*.py")} == {"__init__", *STEPS_ORDER}
    root = tmp_path / "tinydigits"  # the rule can fail: a reading that takes from the sentences
    for name, text in {"results/steps/__init__.py": "", "results/steps/shown.py": '"""Sentences."""\n',
                       "results/steps/curves.py": '"""Curves."""\nfrom tinydigits.results.steps import shown\n'}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    assert steps_out_of_order(root) == ["tinydigits/results/steps/curves.py:2: curves imports shown, against the order"]
