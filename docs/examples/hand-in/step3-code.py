@register("model3b", **ROBUST_RECIPE, augment_off_last=3)
class Model3b(Chain):
    """Step 3, revised - model3 in three named changes, so that step 3 holds in the portable arithmetic.

    Target / Result / Analysis, measured: models/write_ups/model3b.md (`tinydigits models --model model3b`).
    """

    def __init__(self) -> None:
        # model3's convs, batch norm after the max-pool in place of dropout (change 1)
        super().__init__(
            conv(1, 8), conv(8, 12, pool=True), conv(12, 16), conv(16, 16), conv(16, 16), head(16),
        )
