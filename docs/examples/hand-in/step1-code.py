@register("model1", optimizer="sgd", lr=0.02, scheduler="none", augment_degrees=0.0)
class Model1(Chain):
    """Step 1 - the set-up and a light skeleton.

    Target / Result / Analysis, measured: models/write_ups/model1.md (`tinydigits models --model model1`).
    """

    def __init__(self) -> None:
        super().__init__(
            conv(1, 8, bn=False), conv(8, 16, bn=False), nn.MaxPool2d(2), conv(16, 8, k=1, bn=False),
            conv(8, 16, bn=False), conv(16, 16, bn=False), conv(16, 16, bn=False), head(16),
        )
