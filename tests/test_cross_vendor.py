"""The portable arithmetic gives the same bits on Intel and AMD CPUs, checked on every CI machine whatever its vendor.

QEMU's user-mode emulator (Debian's qemu-user, which `.ci/run` installs) runs this very Python and torch with another
CPU's identity: `-cpu Haswell` is an Intel, `-cpu EPYC-Milan` an AMD, both AVX2 (emulated). MKL picks its code by the
CPUID vendor, so the emulated CPUs see what users' machines see (issue #64; docs/checking-seeds.md shows the emulator
reproducing a real EPYC's 2-epoch numbers to the last digit). Emulated SIMD runs ~1,000x slower, so the check is a
few whole training steps of the default (`scripts/portable_probe.py --steps`); when it fails, the probe's pieces
(`python scripts/portable_probe.py --diff`) name the kernel that differs.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tinydigits.constants import PORTABLE_ENV

REPO = Path(__file__).resolve().parents[1]
PROBE = REPO / "scripts" / "portable_probe.py"
QEMU = shutil.which("qemu-x86_64")
# Two steps: MKL's choice by vendor shows from the first, and the second is the first to use every state a step carries
# (SGD's momentum buffer and the EMA's weights, both set by the first), so a third repeats the second's kernels. Under
# the emulator a process spends ~20 s importing torch and 1-23 s a step, by the machine it runs on (docs/checking-seeds.md).
STEPS = 2
CPUS = ("Haswell", "EPYC-Milan")  # an Intel and an AMD, whatever this machine is

pytestmark = pytest.mark.slow  # ~2 minutes per emulated CPU: not in `make test-fast`
needs_qemu = pytest.mark.skipif(QEMU is None, reason="qemu-x86_64 not installed (Debian's qemu-user; .ci/run installs "
                                                     "it): the cross-vendor check cannot run")


def _probes(cpus: tuple[str | None, ...], folder: Path, *flags: str) -> dict[str | None, dict[str, str]]:
    """`portable_probe.py --steps STEPS FLAGS` for each CPU side by side, natively (None) or under
    `qemu-x86_64 -cpu CPU`, each in a fresh process (the pins hold only before torch's first kernel)."""
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    out = {cpu: folder / f"{cpu or 'native'}.json" for cpu in cpus}
    procs = {cpu: subprocess.Popen([*([QEMU, "-cpu", cpu] if cpu else []), sys.executable, str(PROBE), "--steps",
                                    str(STEPS), *flags, "--json", str(out[cpu])], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True, env=env, cwd=REPO) for cpu in cpus}
    for cpu, proc in procs.items():
        _, err = proc.communicate(timeout=900)
        assert proc.returncode == 0, f"{cpu or 'native'}: {err[-2000:]}"
    return {cpu: json.loads(path.read_text()) for cpu, path in out.items()}


@pytest.fixture(scope="module")
def native(tmp_path_factory) -> dict[str, str]:
    """This CPU's own steps, once for both emulated CPUs."""
    return _probes((None,), tmp_path_factory.mktemp("native"))[None]


@pytest.fixture(scope="module")
def emulated(tmp_path_factory) -> dict[str | None, dict[str, str]]:
    """Each emulated CPU's steps and its control (`portable_probe.py --control`), the two emulators side by side,
    once for the file: one process each, since under the emulator a process spends ~21 s importing torch."""
    return _probes(CPUS, tmp_path_factory.mktemp("emulated"), "--control")


@needs_qemu
@pytest.mark.parametrize("cpu", CPUS)
def test_a_portable_step_gives_the_same_bits_on_an_intel_and_an_amd_cpu(cpu, native, emulated):
    emulated = emulated[cpu]
    assert emulated["aten_isa"] == native["aten_isa"] == "AVX2"
    assert emulated["mkl_cbwr"] == native["mkl_cbwr"] == PORTABLE_ENV["MKL_CBWR"]
    assert {k: v for k, v in emulated.items() if k.startswith("step")} == \
        {k: v for k, v in native.items() if k.startswith("step")}, f"{cpu} emulated differs from this CPU: " \
        "run scripts/portable_probe.py --json natively and under qemu, then --diff, to name the piece"


@needs_qemu
def test_the_emulated_cpus_reach_mkl_as_another_vendor(emulated):
    """The control that makes the check above mean something: under the pins before #64 (MKL_CBWR=AVX2, which MKL
    honours on Intel only) the augmentation's 2x2 inverses differ between the emulated Intel and AMD, so the emulator
    does show MKL another vendor (each emulated process computes them in a child forked before its pins). That they
    agree under the portable pins, COMPATIBLE, the check above shows: the default's augmentation inverts its 2x2
    matrices in every step it compares."""
    control = "control (MKL_CBWR=AVX2)"
    assert emulated["Haswell"][control] != emulated["EPYC-Milan"][control]
