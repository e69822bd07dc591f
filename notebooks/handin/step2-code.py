# step2-code.py: `Model_2` as its run recorded it (config.json's `code`, sha256 848d27ae1fc1c821), with the imports and
# helpers it uses written out above it.
#   python step2-code.py                              # builds it: its parameters, a digit through it
#   tinydigits summary --model step2-code.py:Model_2  # its layer table, where tinydigits is installed

from torch import nn


# from another step's recorded cell
def block(c_in, c_out, k=3, bn=False, p=0.0):
    layers = [nn.Conv2d(c_in, c_out, k, bias=not bn)] + ([nn.BatchNorm2d(c_out)] if bn else []) + [nn.ReLU()]
    return layers + ([nn.Dropout(p)] if p else [])


class Model_2(nn.Module):
    def __init__(self):
        super().__init__()
        d = 0.05
        self.net = nn.Sequential(*block(1, 8, bn=True, p=d), *block(8, 16, bn=True, p=d), nn.MaxPool2d(2),
                                 *block(16, 8, k=1, bn=True), *block(8, 16, bn=True, p=d), *block(16, 16, bn=True, p=d),
                                 *block(16, 16, bn=True), nn.AdaptiveAvgPool2d(1), nn.Conv2d(16, 10, 1), nn.Flatten())

    def forward(self, x):
        return self.net(x)


if __name__ == "__main__":  # built once: its parameters counted, a blank 28x28 digit passed through it
    import torch

    model = Model_2().eval()
    with torch.no_grad():
        out = model(torch.zeros(1, 1, 28, 28))
    print(f"Model_2: {sum(p.numel() for p in model.parameters()):,} parameters; one digit in, {tuple(out.shape)} out")
