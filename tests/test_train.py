from __future__ import annotations

import json

import pytest
import torch

from tinydigits import models, runs
from tinydigits.train import TrainConfig


def test_short_real_run_learns_and_leaves_a_complete_folder(tiny_run):
    epochs = tiny_run.metrics["epochs"]
    assert len(epochs) == 2
    assert epochs[1]["train_loss"] < epochs[0]["train_loss"]
    assert epochs[-1]["test_acc"] > 80.0  # 6,000 images, 2 epochs: far above chance (10 %)
    folder = tiny_run.run_dir
    assert folder.name.startswith("model3-") and folder.name.endswith("-s0")
    metrics = json.loads((folder / "metrics.json").read_text())
    assert metrics["model"] == "model3" and metrics["seed"] == 0 and metrics["complete"] is True
    assert metrics["params"] == models.count_params(models.create("model3"))
    assert set(metrics["epochs"][0]) >= {"epoch", "train_loss", "train_acc", "test_loss", "test_acc", "lr", "seconds"}
    config = json.loads((folder / "config.json").read_text())
    assert config["seed"] == 0 and config["environment"]["torch"] == torch.__version__
    ckpt = torch.load(folder / "model.pt", weights_only=True)
    assert ckpt["model"] == "model3" and ckpt["config"]["epochs"] == 2
    assert not list(folder.glob(".*")), "no temporary files left behind"


def test_checkpoint_reloads_to_the_same_predictions(tiny_run):
    model, _ = runs.load_model(tiny_run.run_dir)
    x = torch.randn(4, 1, 28, 28)
    tiny_run.model.eval()
    assert torch.allclose(model(x), tiny_run.model(x), atol=1e-5)


def test_run_folders_are_never_reused(tmp_path):
    first = runs.new_run_dir(tmp_path, "model3", 0)
    second = runs.new_run_dir(tmp_path, "model3", 0)
    assert first != second and first.exists() and second.exists()


def test_same_seed_same_numbers(mnist_dir, tmp_path):
    from tinydigits.train import train

    cfg = TrainConfig(model="model3", epochs=1, seed=5, data_dir=str(mnist_dir), out=str(tmp_path), train_limit=512,
                      val_split=128)
    a = train(cfg, quiet=True, log=lambda _: None).metrics["epochs"][0]
    b = train(cfg, quiet=True, log=lambda _: None).metrics["epochs"][0]
    assert a["train_loss"] == b["train_loss"] and a["test_acc"] == b["test_acc"] and a["val_acc"] == b["val_acc"]


def test_recipe_fills_only_unset_fields():
    cfg = TrainConfig(model="model3", lr=0.01).resolved()
    assert cfg.lr == 0.01 and cfg.scheduler == models.recipe("model3")["scheduler"]
    adam = TrainConfig(model="model3", optimizer="adam").resolved()
    assert adam.lr == 0.003  # the recipe's SGD learning rate is not carried over to Adam


@pytest.mark.parametrize("field,value", [("epochs", 0), ("scheduler", "cosine"), ("lr", -1.0), ("model", "nope")])
def test_bad_config_is_a_clear_error(field, value):
    from tinydigits.errors import TinyDigitsError

    with pytest.raises(TinyDigitsError):
        TrainConfig(**{field: value}).resolved()


def test_bn_recompute_measures_the_statistics_of_the_weights_as_they_are():
    from tinydigits import data
    from tinydigits.device import input_layout
    from tinydigits.train import recompute_bn

    torch.manual_seed(0)
    model = models.create("model4")
    first_bn = model.layers[0][1]
    first_bn.running_mean.fill_(5.0)  # stale statistics, as an EMA of the weights leaves them
    images = (torch.rand(300, 28, 28) * 255).to(torch.uint8)
    split = data.Split(images, torch.zeros(300, dtype=torch.long))
    recompute_bn(model, split, images=200, batch_size=50)  # equal batches: update_bn averages per batch
    with torch.no_grad():
        x = torch.cat([input_layout(x) for x, _ in data.batches(split.subset(torch.arange(200)), 50)])
        conv_out = model.layers[0][0](x)
    assert torch.allclose(first_bn.running_mean, conv_out.mean((0, 2, 3)), atol=1e-4)
    before = first_bn.running_mean.clone()
    recompute_bn(model, split, images=0)  # 0 = off
    assert torch.equal(first_bn.running_mean, before)
