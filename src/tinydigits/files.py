"""Files the commands write and read: fresh folders (never overwritten), atomic writes, JSON with one-line errors.
Torch-free, so a search, a table or a deployment reads and writes runs without loading torch."""

from __future__ import annotations

import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydigits.errors import TinyDigitsError


def new_run_dir(out: str | os.PathLike, model: str, seed: int) -> Path:
    """`out/<model>-<UTC timestamp>-s<seed>/`; a suffix is added rather than reusing a folder."""
    return new_dir(out, model, f"-s{seed}")


def new_dir(out: str | os.PathLike, name: str, suffix: str = "") -> Path:
    """`out/<name>-<UTC timestamp><suffix>/`, created fresh: `-2`, `-3`... are added rather than reusing a folder."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    base = Path(out) / f"{name}-{stamp}{suffix}"
    try:
        Path(out).mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise TinyDigitsError(f"cannot create output folder {out}: {err.strerror}") from None
    for n in range(1, 1000):
        candidate = base if n == 1 else base.with_name(f"{base.name}-{n}")
        try:
            candidate.mkdir()
            return candidate
        except FileExistsError:
            continue
    raise TinyDigitsError(f"cannot find a free folder name under {out}")


def atomic_write(path: Path, write) -> None:
    """Call write(tmp_path), then rename over `path`: readers never see a half-written file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, 0o666 & ~UMASK)  # mkstemp's 0600 would leave a shared or served run folder unreadable
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _umask() -> int:
    """This process's umask (read by setting it, then put back: the OS offers no other way). Read once, at import:
    setting it while other threads create files (TensorBoard's writer) would hand them the wrong mode."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


UMASK = _umask()


def ensure_writable(path: str | os.PathLike, what: str) -> Path:
    """A missing or unwritable folder for an output file is one line before anything is trained or written."""
    out = Path(path)
    if not out.parent.is_dir():
        raise TinyDigitsError(f"{out.parent}: no such folder for the {what}")
    try:
        with tempfile.NamedTemporaryFile(dir=out.parent, prefix=f".{out.name}.", suffix=".probe"):
            pass
    except OSError as err:
        raise TinyDigitsError(f"{out}: cannot write there ({err.strerror})") from None
    return out


def ensure_parent(path: str | os.PathLike, what: str) -> Path:
    """An output file's folder created when missing (a command that writes makes its folder), then `ensure_writable`;
    a file in the folder's way, or a folder that cannot be made, is one line."""
    out = Path(path)
    if out.is_dir():
        raise TinyDigitsError(f"{what} {out}: a folder, not a file")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise TinyDigitsError(f"{what} {out}: cannot create {out.parent} ({err.strerror or err})") from None
    return ensure_writable(out, what)


def write_text(path: Path, text: str) -> None:
    atomic_write(path, lambda tmp: Path(tmp).write_text(text))


def write_json(path: Path, data: Any) -> None:
    write_text(path, json.dumps(data, indent=2) + "\n")


def read_json(path: Path) -> Any:
    try:
        return json.loads(Path(path).read_text())
    except FileNotFoundError:
        raise TinyDigitsError(f"{path}: missing") from None
    except (OSError, ValueError) as err:
        raise TinyDigitsError(f"{path}: unreadable ({err})") from None


def read_text_arg(path: str | os.PathLike, what: str) -> str:
    """A text file a flag names (`what`), or one line saying why it cannot be read."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TinyDigitsError(f"{what} {path}: no such file") from None
    except IsADirectoryError:
        raise TinyDigitsError(f"{what} {path}: a folder, not a text file") from None
    except UnicodeDecodeError:
        raise TinyDigitsError(f"{what} {path}: not a UTF-8 text file") from None
    except OSError as err:
        raise TinyDigitsError(f"{what} {path}: cannot read it ({err.strerror})") from None
