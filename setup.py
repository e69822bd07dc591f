"""The build copies docs/seeds.csv (the seed ledger) into the package, so a wheel carries the ledger without a
symbolic link in the checkout (links break where they do not exist, e.g. Windows checkouts). Everything else about the
package is pyproject.toml's."""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

LEDGER = Path(__file__).parent / "docs" / "seeds.csv"


class BuildWithLedger(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "tinydigits" / "results" / "seeds.csv"
        target.parent.mkdir(parents=True, exist_ok=True)
        self.copy_file(str(LEDGER), str(target))


setup(cmdclass={"build_py": BuildWithLedger})
