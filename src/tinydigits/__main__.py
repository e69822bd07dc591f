from tinydigits.cli import run

run()
