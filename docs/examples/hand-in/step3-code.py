# step3-code.py: `Model_3` as its run recorded it (config.json's `code`, sha256 3f8350ce74190f14), with the imports and
# helpers it uses written out above it.
#   python step3-code.py                              # builds it: its parameters, a digit through it
#   tinydigits summary --model step3-code.py:Model_3  # its layer table, where tinydigits is installed

"""A student's three steps towards the exercise (fewer than 8,000 parameters, 99.4 % in each of the last 3 of at most
15 epochs), written as a student writes them: one class per step, each a copy of the one before with its changes.
docs/examples/hand-in is the hand-in `tinydigits report --steps` wrote from their runs; docs/your-own-model.md has the
commands that trained them."""

from torch import nn


class Model_1(nn.Module):
    """The skeleton: five 3x3 convs, one max-pool after the second, GAP and a 1x1 head; no batch norm."""

    def __init__(self):
        super().__init__()
        self.convblock1 = nn.Sequential(nn.Conv2d(1, 8, 3), nn.ReLU())  # 28 -> 26, RF 3
        self.convblock2 = nn.Sequential(nn.Conv2d(8, 12, 3), nn.ReLU())  # 26 -> 24, RF 5
        self.pool1 = nn.MaxPool2d(2)  # 24 -> 12, RF 6
        self.convblock3 = nn.Sequential(nn.Conv2d(12, 16, 3), nn.ReLU())  # 12 -> 10, RF 10
        self.convblock4 = nn.Sequential(nn.Conv2d(16, 16, 3), nn.ReLU())  # 10 -> 8, RF 14
        self.convblock5 = nn.Sequential(nn.Conv2d(16, 16, 3), nn.ReLU())  # 8 -> 6, RF 18
        self.gap = nn.AdaptiveAvgPool2d(1)  # 6 -> 1, RF 28
        self.head = nn.Conv2d(16, 10, 1, bias=False)

    def forward(self, x):
        x = self.pool1(self.convblock2(self.convblock1(x)))
        x = self.convblock5(self.convblock4(self.convblock3(x)))
        return self.head(self.gap(x)).flatten(1)


class Model_2(nn.Module):
    """Model_1 with batch norm after every conv (the conv's bias dropped: batch norm's shift replaces it)."""

    def __init__(self):
        super().__init__()
        self.convblock1 = nn.Sequential(nn.Conv2d(1, 8, 3, bias=False), nn.BatchNorm2d(8), nn.ReLU())
        self.convblock2 = nn.Sequential(nn.Conv2d(8, 12, 3, bias=False), nn.BatchNorm2d(12), nn.ReLU())
        self.pool1 = nn.MaxPool2d(2)
        self.convblock3 = nn.Sequential(nn.Conv2d(12, 16, 3, bias=False), nn.BatchNorm2d(16), nn.ReLU())
        self.convblock4 = nn.Sequential(nn.Conv2d(16, 16, 3, bias=False), nn.BatchNorm2d(16), nn.ReLU())
        self.convblock5 = nn.Sequential(nn.Conv2d(16, 16, 3, bias=False), nn.BatchNorm2d(16), nn.ReLU())
        self.gap = nn.AdaptiveAvgPool2d(1)
        self.head = nn.Conv2d(16, 10, 1, bias=False)

    def forward(self, x):
        x = self.pool1(self.convblock2(self.convblock1(x)))
        x = self.convblock5(self.convblock4(self.convblock3(x)))
        return self.head(self.gap(x)).flatten(1)


class Model_3(Model_2):
    """Model_2's layers as they are; what changes is how they train (the command's augmentation and weight averaging)."""


if __name__ == "__main__":  # built once: its parameters counted, a blank 28x28 digit passed through it
    import torch

    model = Model_3().eval()
    with torch.no_grad():
        out = model(torch.zeros(1, 1, 28, 28))
    print(f"Model_3: {sum(p.numel() for p in model.parameters()):,} parameters; one digit in, {tuple(out.shape)} out")
