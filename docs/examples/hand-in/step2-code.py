@register("model2", optimizer="sgd", lr=0.05, scheduler="step", augment_degrees=0.0)
class Model2(Chain):
    """Step 2 - efficient.

    Target / Result / Analysis, measured: models/write_ups/model2.md (`tinydigits models --model model2`).
    """

    def __init__(self) -> None:
        d = 0.05
        super().__init__(
            conv(1, 8, dropout=d), conv(8, 16, dropout=d), nn.MaxPool2d(2), conv(16, 8, k=1),
            conv(8, 16, dropout=d), conv(16, 16, dropout=d), conv(16, 16), head(16),
        )
