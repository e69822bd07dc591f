"""The one exception type the CLI turns into a one-line message and a non-zero exit."""


class TinyDigitsError(Exception):
    """A user-facing problem (bad input, missing data, broken file): printed as one line, no traceback."""
