"""The one exception type the CLI turns into a one-line message and a non-zero exit."""


class TinyDigitsError(Exception):
    """A user-facing problem (bad input, missing data, broken file): printed as one line, no traceback."""


def describe(err: BaseException, limit: int | None = None) -> str:
    """`Type: first line of the message` (the message cut to `limit` characters) - one line, whatever the
    exception carries: how another library's error reaches a user."""
    text = str(err).strip()
    return f"{type(err).__name__}: {text.splitlines()[0][:limit]}" if text else type(err).__name__
