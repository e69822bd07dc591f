# A student's model file that does things when run: the reader must never import or run it.
import pathlib

import torch.nn as nn

pathlib.Path("RAN_AT_IMPORT").write_text("model.py was executed")


class Model_1(nn.Module):
    def __init__(self, width=8):
        super().__init__()
        pathlib.Path("RAN_AT_INIT").write_text("Model_1 was built")
        self.block1 = nn.Sequential(
            nn.Conv2d(1, width, kernel_size=3, padding=1, bias=False),
            nn.ReLU(),
            nn.BatchNorm2d(width),
            nn.Conv2d(width, 16, 3, bias=False),
            nn.ReLU(),
        )
        self.pool = nn.MaxPool2d(2, 2)
        self.block2 = nn.Sequential(
            nn.Sequential(nn.Conv2d(16, 16, 3, bias=False), nn.ReLU()),
            nn.Dropout(0.05),
            nn.Conv2d(16, 16, 3, stride=2, bias=False),
        )
        self.gap = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(16, 10)

    def forward(self, x):
        x = self.pool(self.block1(x))
        x = self.block2(x)
        x = self.gap(x).view(-1, 16)
        return self.fc(x)


class Model_2(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 8, 3)
        self.bn1 = nn.BatchNorm2d(8)
        self.conv2 = nn.Conv2d(8, 10, 3)
        self.pool1 = nn.AvgPool2d(2)

    def forward(self, x):
        return self.pool1(self.conv2(self.bn1(self.conv1(x))))


if __name__ == "__main__":
    pathlib.Path("RAN_AS_MAIN").write_text("model.py ran as a script")
