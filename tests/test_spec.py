"""Model specs: the three hand-written steps are expressible as data, and bad specs are one-line errors."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
import torch

from tinydigits import files, models
from tinydigits.errors import TinyDigitsError
from tinydigits.models import summary
from tinydigits.models.spec import NetSpec, load
from tinydigits.training import runs
from tinydigits.training.config import TrainConfig

# The registered models written as specs (the README's tables describe the same networks).
STEP_SPECS = {
    "model1": "c8n c16n M c8k1n c16n c16n c16n",
    "model2": "c8d5 c16d5 M c8k1 c16d5 c16d5 c16",
    "model3": "c8d5 c12d5 M c16d5 c16d5 c16",
    "robust": "c8d5 c12d5 M c16d5 c16d5 c16",
    "lean": "c8 c12 M c16 c16 c16",
    "poolbn": "c8 c12P c16 c16 c16",
    "steady": "c8 c12P c16 c16 c16",
    "fast": "c6s2p1 c12p1 c16 c16 c16",
    "golf": "c8 c12P c12p1g12 c26k1 c26g26 c26k1 c26g26 c26k1",
}


@pytest.mark.parametrize("name", sorted(STEP_SPECS))
def test_a_spec_rebuilds_each_step(name):
    spec = NetSpec.parse(STEP_SPECS[name], name)
    built, original = spec.build(), models.create(name)
    assert spec.params() == models.count_params(built) == models.count_params(original)
    assert spec.macs() == summary.totals(summary.summarize(original))["macs"]
    # Same module tree, so even the checkpoints are interchangeable.
    assert {k: v.shape for k, v in built.state_dict().items()} == {k: v.shape for k, v in original.state_dict().items()}
    x = torch.randn(2, 1, 28, 28)
    assert built.eval()(x).shape == original.eval()(x).shape == (2, 10)


def test_compact_and_json_round_trip(tmp_path):
    spec = NetSpec.parse("c12k5s2p2d5 M c16p1 c16n", "demo", {"lr": 0.2, "augment_scale": [0.9, 1.1]})
    assert spec.compact() == "c12k5s2p2d5 M c16p1 c16n"
    path = tmp_path / "demo.json"
    files.write_json(path, spec.to_dict())
    again = load(path)
    assert again.layers == spec.layers and again.recipe == spec.recipe and again.name == "demo"
    assert models.create(str(path)).eval()(torch.zeros(1, 1, 28, 28)).shape == (1, 10)
    assert models.recipe(str(path))["lr"] == 0.2 and models.display_name(str(path)) == "demo"


def test_centre_crop_is_part_of_the_model():
    spec = NetSpec.parse("C24 c8 M c12 c12")
    model = spec.build().eval()
    assert spec.compact() == "C24 c8 M c12 c12" and model(torch.zeros(2, 1, 28, 28)).shape == (2, 10)
    totals = summary.totals(summary.summarize(model))
    assert totals["params"] == spec.params() and totals["macs"] == spec.macs()
    x = torch.zeros(1, 1, 28, 28)
    x[..., 0, 0] = 100.0  # a corner pixel outside the crop changes nothing
    assert torch.equal(model(x), model(torch.zeros(1, 1, 28, 28)))


def test_a_pool_inside_a_conv_block_runs_bn_and_relu_on_the_pooled_map():
    """`c12P`: conv -> max-pool -> BN -> ReLU (the #41 lever); the MACs are the conv's at full size, the next layer
    sees the pooled map, and the spec's counts agree with `summary`'s."""
    spec = NetSpec.parse("c8n c12P c16 c16 c16")
    assert spec.compact() == "c8n c12P c16 c16 c16" and spec.params() == 7560
    block = spec.build().layers[1]
    assert [type(m).__name__ for m in block] == ["Conv2d", "MaxPool2d", "BatchNorm2d", "ReLU"]
    totals = summary.totals(summary.summarize(spec.build()))
    assert totals["params"] == spec.params() and totals["macs"] == spec.macs() == NetSpec.parse("c8 c12 M c16 c16 c16").macs()


@pytest.mark.parametrize("text", ["c8 M M M M M", "x8", "c8k40", "", "C40 c8", "C0 c8"])
def test_bad_compact_specs_are_one_line_errors(text):
    with pytest.raises(TinyDigitsError):
        NetSpec.parse(text)


@pytest.mark.parametrize("content", ["{", "[]", '{"layers": [{"op": "dense", "out": 3}]}', '{"layers": [1, 2]}'])
def test_bad_spec_files_are_one_line_errors(tmp_path, content):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(TinyDigitsError):
        load(path)
    with pytest.raises(TinyDigitsError):
        load(tmp_path / "missing.json")


def test_spec_model_trains_and_its_checkpoint_needs_no_spec_file(mnist_dir, tmp_path):
    from helpers import train

    path = tmp_path / "tiny.json"
    files.write_json(path, NetSpec.parse("c8 M c12 c12", "tiny", {"batch_size": 256, "epochs": 1}).to_dict())
    result = train(TrainConfig(model=str(path), data_dir=str(mnist_dir), out=str(tmp_path / "runs"), train_limit=1024),
                   quiet=True, log=lambda _: None)
    assert result.run_dir.name.startswith("tiny-") and result.config.epochs == 1 and result.config.batch_size == 256
    config = json.loads((result.run_dir / "config.json").read_text())
    assert config["origin"]["spec"]["compact"] == "c8 M c12 c12"
    path.unlink()  # the checkpoint carries the spec itself
    model, ckpt = runs.load_model(result.run_dir)
    assert ckpt["model"] == "tiny" and model(torch.zeros(1, 1, 28, 28)).shape == (1, 10)


def test_summary_cli_takes_a_spec_file(tmp_path, capsys):
    from tinydigits.cli import main

    path = tmp_path / "s.json"
    files.write_json(path, NetSpec.parse(STEP_SPECS["model3"], "m3spec").to_dict())
    assert main(["summary", "--model", str(path)]) == 0
    assert "7,568" in capsys.readouterr().out
    assert main(["summary", "--model", str(tmp_path / "nope.json")]) == 1
    assert "no such spec file" in capsys.readouterr().err


CANDIDATES = sorted((Path(__file__).parent.parent / "docs" / "search" / "candidates").glob("*.json"))


@pytest.mark.parametrize("path", CANDIDATES, ids=lambda p: p.stem)
def test_the_measured_fast_tier_candidates_load_as_the_readme_describes_them(path):
    """The README's fast-tier tables name these files (`check --model docs/search/candidates/X.json`): each must
    load, build, keep the parameter count and recipe it was measured with, and train under the budget's limits."""
    spec = load(path)
    d = json.loads(path.read_text())
    assert spec.params() == d["params"] == models.count_params(spec.build()) < 8000
    assert spec.compact() == d["compact"]
    assert spec.recipe.get("epochs", 15) <= 15 and spec.recipe["optimizer"] == "sgd"
    train_keys = {f.name for f in dataclasses.fields(TrainConfig)}
    assert set(spec.recipe) <= train_keys


@pytest.mark.parametrize("name", ["lean", "poolbn"])
def test_the_spec_that_was_checked_trains_the_registered_model(name):
    """`lean`'s and `poolbn`'s seed tables were made with docs/search/candidates/NAME.json: the same initial weights
    and recipe as the registered model."""
    spec = load(Path(__file__).parent.parent / "docs" / "search" / "candidates" / f"{name}.json")
    torch.manual_seed(3)
    from_spec = spec.build().state_dict()
    torch.manual_seed(3)
    registered = models.create(name).state_dict()
    assert from_spec.keys() == registered.keys() and all(torch.equal(from_spec[k], registered[k]) for k in from_spec)
    assert spec.recipe == models.recipe(name)


def test_every_candidate_the_docs_name_exists():
    """A spec the docs tell a reader to check (`--model docs/search/candidates/X.json`) is there."""
    root = Path(__file__).parent.parent
    text = "\n".join(p.read_text() for p in [root / "README.md", *(root / "docs").glob("*.md")])
    named = {n for n in re.findall(r"docs/search/candidates/([\w.-]+)\.json", text) if not n.isupper()}  # X: a placeholder
    assert named and named <= {p.stem for p in CANDIDATES}, named - {p.stem for p in CANDIDATES}


def test_lean_is_robust_without_dropout():
    """Tied in code, not copied: the same recipe, and robust's layers with every dropout taken out."""
    from torch import nn

    assert models.recipe("lean") == models.recipe("robust")
    kinds = lambda net: [type(m).__name__ for m in net.modules() if not isinstance(m, nn.Sequential | type(net))]
    robust = [k for k in kinds(models.create("robust")) if k != "Dropout"]
    assert "Dropout" in kinds(models.create("robust")) and kinds(models.create("lean")) == robust


def test_a_grouped_conv_token_rebuilds_with_its_parameter_count_and_round_trips():
    spec = NetSpec.parse("c8 c8g8 c16k1 M c16p1g16 c12k1", "sep")
    model = spec.build()
    convs = [m for m in model.modules() if isinstance(m, torch.nn.Conv2d)]
    assert [c.groups for c in convs] == [1, 8, 1, 16, 1, 1]  # the last is the head's 1x1
    assert spec.params() == models.count_params(model) == 8 * 9 + 16 + 8 * 9 + 16 + 8 * 16 + 32 + 16 * 9 + 32 + 16 * 12 + 24 + 120
    assert NetSpec.parse(spec.compact()).compact() == spec.compact() == "c8 c8g8 c16k1 M c16p1g16 c12k1"
    assert NetSpec.from_dict(json.loads(json.dumps(spec.to_dict()))).params() == spec.params()
    totals = summary.totals(summary.summarize(model))  # the layer table counts a grouped conv's MACs as the spec does
    assert totals["params"] == spec.params() and totals["macs"] == spec.macs()
    with pytest.raises(TinyDigitsError, match="groups must divide"):
        NetSpec.parse("c8 c12g8")
