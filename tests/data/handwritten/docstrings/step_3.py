import torch.nn as nn


class Model_3(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 10, 5, bias=False)

    def forward(self, x):
        return self.conv(x)


"""
TARGET: a wider kernel.
RESULT: 250 parameters.
ANALYSIS: It sees more.
"""
