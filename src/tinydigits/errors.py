"""The one exception type the CLI turns into a one-line message and a non-zero exit."""


class TinyDigitsError(Exception):
    """A user-facing problem (bad input, missing data, broken file): printed as one line, no traceback."""


class NotTheModels(TinyDigitsError):
    """A problem of the machine or the data, not of the model: MNIST missing or corrupt, an arithmetic this CPU cannot
    compute, a worker or process lost. A seed that meets one is NOT RUN (it says nothing of the model), never FAIL."""


def describe(err: BaseException, limit: int | None = None) -> str:
    """`Type: first line of the message` (the message cut to `limit` characters) - one line, whatever the
    exception carries: how another library's error reaches a user."""
    text = str(err).strip()
    return f"{type(err).__name__}: {text.splitlines()[0][:limit]}" if text else type(err).__name__
