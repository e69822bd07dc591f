"""The nine small networks behind the claims corpus's three hand-ins (alpha, beta, gamma).

Each hand-in is three steps, Model_1 -> Model_2 -> Model_3, trained tiny (5,000-10,000 training images, 4-6
epochs) so that the records exist; the corpus's sentences are judged against those records, not against these
classes. Names are prefixed by the hand-in (Alpha_1 is alpha's Model_1).
"""
import torch.nn as nn
import torch.nn.functional as F


def _conv(cin, cout, bn=False, drop=0.0, pad=0):
    layers = [nn.Conv2d(cin, cout, 3, padding=pad, bias=not bn)]
    if bn:
        layers.append(nn.BatchNorm2d(cout))
    layers.append(nn.ReLU())
    if drop:
        layers.append(nn.Dropout(drop))
    return nn.Sequential(*layers)


# alpha: a plain skeleton, then batch norm with a StepLR cut inside the run, then dropout (a 3-seed check)
class Alpha_1(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = _conv(1, 8)            # 26
        self.c2 = _conv(8, 12)           # 24
        self.pool = nn.MaxPool2d(2)      # 12
        self.c3 = _conv(12, 16)          # 10
        self.c4 = _conv(16, 16)          # 8
        self.c5 = _conv(16, 16)          # 6
        self.head = nn.Conv2d(16, 10, 1)

    def forward(self, x):
        x = self.c5(self.c4(self.c3(self.pool(self.c2(self.c1(x))))))
        x = self.head(F.adaptive_avg_pool2d(x, 1))
        return x.flatten(1)


class Alpha_2(nn.Module):
    def __init__(self, drop=0.0):
        super().__init__()
        self.c1 = _conv(1, 8, bn=True, drop=drop)
        self.c2 = _conv(8, 12, bn=True, drop=drop)
        self.pool = nn.MaxPool2d(2)
        self.c3 = _conv(12, 16, bn=True, drop=drop)
        self.c4 = _conv(16, 16, bn=True, drop=drop)
        self.c5 = _conv(16, 16, bn=True)
        self.head = nn.Conv2d(16, 10, 1)

    def forward(self, x):
        x = self.c5(self.c4(self.c3(self.pool(self.c2(self.c1(x))))))
        x = self.head(F.adaptive_avg_pool2d(x, 1))
        return x.flatten(1)


class Alpha_3(Alpha_2):
    def __init__(self):
        super().__init__(drop=0.1)


# beta: batch norm from the start with a one-cycle rate, then augmentation, then more width with a plateau
# schedule on a validation split (a 3-seed check)
class Beta_1(nn.Module):
    def __init__(self, width=10):
        super().__init__()
        w = width
        self.block1 = nn.Sequential(_conv(1, w, bn=True, pad=1), _conv(w, w, bn=True), nn.MaxPool2d(2))  # 28,26,13
        self.block2 = nn.Sequential(_conv(w, 2 * w, bn=True), _conv(2 * w, 2 * w, bn=True))  # 11, 9
        self.out = nn.Conv2d(2 * w, 10, 1)

    def forward(self, x):
        x = self.block2(self.block1(x))
        return self.out(F.adaptive_avg_pool2d(x, 1)).flatten(1)


class Beta_2(Beta_1):
    pass


class Beta_3(Beta_1):
    def __init__(self):
        super().__init__(width=12)


# gamma: a fully connected head over budget with Adam, then a lean conv net whose StepLR never cuts,
# then dropout and augmentation together (a 3-seed check)
class Gamma_1(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Sequential(_conv(1, 8), nn.MaxPool2d(2), _conv(8, 16), nn.MaxPool2d(2))  # 26,13,11,5
        self.fc = nn.Sequential(nn.Flatten(), nn.Linear(16 * 5 * 5, 32), nn.ReLU(), nn.Linear(32, 10))

    def forward(self, x):
        return self.fc(self.conv(x))


class Gamma_2(nn.Module):
    def __init__(self, drop=0.0):
        super().__init__()
        self.f = nn.Sequential(
            _conv(1, 10, bn=True, drop=drop), _conv(10, 14, bn=True, drop=drop), nn.MaxPool2d(2),
            nn.Conv2d(14, 8, 1), _conv(8, 14, bn=True, drop=drop), _conv(14, 18, bn=True), _conv(18, 18, bn=True),
        )
        self.head = nn.Conv2d(18, 10, 1)

    def forward(self, x):
        return self.head(F.adaptive_avg_pool2d(self.f(x), 1)).flatten(1)


class Gamma_3(Gamma_2):
    def __init__(self):
        super().__init__(drop=0.05)
