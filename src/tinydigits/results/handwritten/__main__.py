"""`python -m tinydigits.results.handwritten HAND_IN...`: each hand-in's steps in a few lines."""

import sys

from tinydigits.errors import TinyDigitsError
from tinydigits.results.handwritten import read_handin, summary_lines


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m tinydigits.results.handwritten HAND_IN...  (a folder, a README or a notebook)",
              file=sys.stderr)
        return 2
    for path in argv:
        try:
            print("\n".join(summary_lines(read_handin(path))))
        except TinyDigitsError as err:
            print(f"error: {err}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
