"""The size and batch schedules (`--size-schedule 20:4,24:4`, `--batch-schedule 256:3`): their text read into one value
per epoch, refused in one line where malformed or where they reach into the judged epochs. Loads without torch."""

from __future__ import annotations

from tinydigits.errors import TinyDigitsError


def parse_schedule(text: str | None, flag: str = "schedule", bounds: tuple[int, int] = (1, 65536)) -> list[int]:
    """"V:E,V:E" -> the scheduled epochs' values: each V for E epochs ([] for none)."""
    values: list[int] = []
    for part in filter(None, (text or "").replace(" ", "").split(",")):
        try:
            value, count = (int(v) for v in part.split(":"))
        except ValueError:
            raise TinyDigitsError(f"{flag} {text!r}: expected VALUE:EPOCHS[,VALUE:EPOCHS...], e.g. 20:4,24:4") from None
        if not bounds[0] <= value <= bounds[1] or count < 1:
            raise TinyDigitsError(f"{flag} {text!r}: values must be {bounds[0]}-{bounds[1]} and epochs >= 1")
        values += [value] * count
    return values


def per_epoch(text: str | None, flag: str, final: int, epochs: int, keep_last: int, bounds: tuple[int, int]) -> list[int]:
    """One value per epoch: the schedule's, then `final` to the end; refused if it reaches the last `keep_last`."""
    values = parse_schedule(text, flag, bounds)
    if values and len(values) > epochs - keep_last:
        raise TinyDigitsError(f"{flag} {text!r} covers {len(values)} epochs: the last {keep_last} of {epochs} "
                              f"must train as judged (at most {max(0, epochs - keep_last)} scheduled epochs)")
    return values + [final] * (epochs - len(values))
