import sys

from tinydigits.cli import main

sys.exit(main())
