"""See why (issue #75): the learning-rate range test and the instruments that explain a run."""

from __future__ import annotations

import json

from helpers import run_main


def test_the_range_test_stops_where_the_loss_diverges_and_suggests_below(mnist_dir, tmp_path):
    from tinydigits.measure import lr_find

    result = lr_find.lr_find("model3", steps=120, start=1e-3, end=1e3, out=str(tmp_path), data_dir=str(mnist_dir),
                             train_limit=4000)
    assert result["stopped"].startswith("diverged at lr") and result["steps"] < 120
    diverged = result["lrs"][-1]
    assert result["learned"] and result["valley"] < diverged and result["steepest"] < diverged
    saved = json.loads((tmp_path / next(tmp_path.iterdir()).name / "lr_find.json").read_text())
    assert saved["valley"] == result["valley"] and (tmp_path / next(tmp_path.iterdir()).name / "lr_find.png").is_file()


def test_the_range_test_is_seeded_and_says_when_a_net_does_not_learn(mnist_dir, tmp_path):
    args = ["lr-find", "--model", "model1", "--steps", "40", "--data-dir", str(mnist_dir), "--out", str(tmp_path),
            "--train-limit", "2000"]
    first, second = run_main(*args), run_main(*args)
    assert first.returncode == 0, first.stderr
    assert "no suggestion: the loss never fell" in first.stdout  # model1 at these rates: flat at chance, said so
    runs = sorted(tmp_path.iterdir())
    losses = [json.loads((r / "lr_find.json").read_text())["losses"] for r in runs]
    assert len(runs) == 2 and losses[0] == losses[1]  # the same seed, the same curve
    assert second.returncode == 0


def test_steepest_and_valley_follow_their_rules():
    from tinydigits.measure.lr_find import RangeTest, steepest, valley

    lrs = [10 ** (-4 + i * 0.05) for i in range(100)]
    loss = [2.3 if i < 30 else 2.3 - 0.05 * (i - 30) if i < 60 else 0.8 + 0.1 * (i - 60) for i in range(100)]
    test = RangeTest(lrs, loss, loss)
    assert lrs[30] <= valley(test) <= lrs[60] and lrs[30] <= steepest(test) <= lrs[60]


class LeftHalf:
    """A net whose logits read only the left half of the image: the input's right half is zeroed before the convs."""

    def __new__(cls):
        import torch
        from torch import nn

        class Net(nn.Module):
            def __init__(self) -> None:
                super().__init__()
                torch.manual_seed(0)
                self.conv1 = nn.Conv2d(1, 8, 3, padding=1, bias=False)
                self.conv2 = nn.Conv2d(8, 8, 3, padding=1, bias=False)
                self.head = nn.Linear(8, 10)
                mask = torch.zeros(1, 1, 28, 28)
                mask[..., :14] = 1
                self.register_buffer("mask", mask)

            def forward(self, x):
                x = torch.relu(self.conv2(torch.relu(self.conv1(x * self.mask))))
                return self.head(x.mean((2, 3)))

        return Net()


def test_grad_cam_and_pixel_attribution_look_where_the_logits_read():
    import torch

    from tinydigits.results.explain import attributions

    model = LeftHalf()
    x = torch.randn(4, 1, 28, 28)
    cam, pixels = attributions(model, x, torch.tensor([0, 1, 2, 3]))
    for name, a in (("Grad-CAM", cam), ("integrated gradients", pixels)):
        left = float(a[..., :14].abs().sum()) / float(a.abs().sum())
        assert left >= 0.9, (name, left)


def test_a_channel_held_at_zero_is_reported_dead_and_the_others_alive():
    import torch
    from torch import nn

    from tinydigits.data import mnist
    from tinydigits.training.probe import layer_stats

    torch.manual_seed(0)
    net = nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(4, 5),
                        nn.ReLU(), nn.Linear(5, 10))
    with torch.no_grad():
        net[0].bias[2] = -1e4  # channel 2 never fires
        net[0].bias[[0, 1, 3]] = 10.0  # the others always do
        net[4].bias[[1, 4]] = -1e4  # and of the dense layer's units, 1 and 4
        net[4].bias[[0, 2, 3]] = 1e4
    g = torch.Generator().manual_seed(0)
    split = mnist.Split(torch.randint(0, 256, (64, 28, 28), dtype=torch.uint8, generator=g),
                        torch.randint(0, 10, (64,), generator=g))
    row, dense = layer_stats(net, split)
    assert row["dead_channels"] == [2] and row["channels"] == 4 and 0.2 < row["zero_share"] < 0.3
    assert dense["dead_channels"] == [1, 4] and dense["channels"] == 5 and dense["zero_share"] == 0.4


def test_the_layer_statistics_are_the_same_bits_measured_in_a_test_pass_or_a_pass_of_their_own(mnist_dir):
    """A CPU run measures its ReLUs in its last test pass (`evaluate`) rather than in a pass of their own: every
    registered model's figures are the same. The pieces do not move a bit either, in whatever sizes they come (a model
    of per-pixel arithmetic, whose outputs are each image's own at any batch size), with a ReLU called twice and its
    output written into after it (what is held between pieces is a copy)."""
    import torch
    from torch import nn

    from tinydigits import models
    from tinydigits.data import mnist
    from tinydigits.models.registry import eval_mode
    from tinydigits.training.device import input_layout
    from tinydigits.training.evaluate import evaluate
    from tinydigits.training.factories import training_model
    from tinydigits.training.probe import ReluWatch, layer_stats

    test = mnist.load_split("test", str(mnist_dir), torch.device("cpu")).subset(torch.arange(1300))  # pieces of 250, 50
    for name in models.names():
        torch.manual_seed(0)
        net = training_model(name)
        with ReluWatch(net) as watch:
            evaluate(net, test)
        assert watch.rows() == layer_stats(net, test), name

    class Twice(nn.Module):  # every output one image's own, at any batch size
        def __init__(self) -> None:
            super().__init__()
            self.w, self.v, self.relu = nn.Parameter(torch.randn(28, 28)), nn.Parameter(torch.randn(28, 28)), nn.ReLU(True)

        def forward(self, x):
            x = self.relu(x * self.w - 0.3)
            x.mul_(2.0)  # written into after the ReLU
            return self.relu(x * self.v - 0.1).flatten(1)[:, :10]

    torch.manual_seed(0)
    net = Twice()
    whole = layer_stats(net, test, images=1200)
    assert [(row["layer"], row["images"]) for row in whole] == [("relu", 1200)]
    x, _ = next(mnist.batches(test, len(test)))
    for piece in (250, 300, 7, 1300):
        with eval_mode(net), ReluWatch(net, images=1200) as watch:
            for part in input_layout(x).split(piece):
                net(part)
        assert watch.rows() == whole, piece


def test_top_losses_are_sorted_by_loss():
    import torch

    from tinydigits.results.explain import top_losses
    from tinydigits.results.predictions import Predictions

    probs = torch.softmax(torch.randn(50, 10, generator=torch.Generator().manual_seed(1)), 1)
    labels = torch.randint(0, 10, (50,), generator=torch.Generator().manual_seed(2))
    p = Predictions(labels, probs.argmax(1), probs)
    idx = top_losses(None, p, top=10)
    losses = -torch.log(probs[idx, labels[idx]])
    assert torch.all(losses[:-1] >= losses[1:]) and float(losses[0]) == float((-torch.log(probs[range(50), labels])).max())


def test_the_gradient_norms_axis_of_layers_png_reads_in_plain_numbers(monkeypatch, tmp_path):
    """The log axis of layers.png labels its decades and, narrower than a few decades, their 2 and 5 in plain
    numbers (0.02, 0.05, 0.1), as the curves' loss panel does: no 10^-2 in mathtext."""
    from tinydigits.results import explain

    figures = []
    monkeypatch.setattr(explain, "save_figure", lambda fig, path: figures.append(fig) or b"")
    stats = [{"layer": "c1", "zero_share": 0.4, "channels": 8, "dead_channels": []}]
    norms = [{"c1": 0.03, "c2": 0.25}, {"c1": 0.02, "c2": 0.3}]
    explain.plot_layers(stats, norms, tmp_path / "layers.png")
    (fig,) = figures
    fig.canvas.draw()
    grad = fig.axes[1]
    shown = [t.get_text() for t in grad.yaxis.get_ticklabels(which="both") if t.get_text()
             and grad.get_ylim()[0] <= t.get_position()[1] <= grad.get_ylim()[1]]
    assert "0.1" in shown and "0.02" in shown and not any("$" in text for text in shown), shown
    explain.figures.plt.close(fig)
