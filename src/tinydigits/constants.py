"""MNIST facts and the challenge's budget, shared by the torch code and the torch-free deployment path (ONNX predict)."""

from dataclasses import dataclass

from tinydigits.settings import positive_int, setting

MEAN, STD = 0.1307, 0.3081  # of the training images in [0, 1]; every model here expects this normalisation
IMAGE_SIZE = 28
DIGIT_BOX = 20  # MNIST scaled each digit's longer side to 20 px, then centred its mass in 28x28
DEFAULT_MODEL = "steady"  # the default: what train, check, summary, bench and `make train` use without --model
# The portable arithmetic's pins (training.device): ATen's and oneDNN's kernels in AVX2, MKL in its vendor-neutral
# COMPATIBLE branch (MKL honours MKL_CBWR=AVX2 on Intel only and runs its AUTO branch on AMD, so that pin
# gave Intel and AMD other bits; COMPATIBLE is honoured on both). Here, without torch, so the command line sets them
# before torch runs its first kernel.
PORTABLE_ENV = {"ATEN_CPU_CAPABILITY": "avx2", "ONEDNN_MAX_CPU_ISA": "AVX2", "MKL_CBWR": "COMPATIBLE"}
# The ledger's and the verdict's name for that arithmetic. `portable` names the earlier pins (MKL_CBWR=AVX2: one
# curve on AMD EPYCs, another on Intel); their rows keep that name.
PORTABLE = "portable2"
# A ledger row's role: whether its seed helped pick the model (a winner's curse: it flatters it) or only judged it.
ROLES = ("chose", "judged")
ONECYCLE_WARMUP = 0.25  # the one-cycle schedule's share of its steps spent warming up to the peak (at least 2 steps)
# OneCycleLR's div factors: the cycle starts at the peak / ONECYCLE_DIV and ends at that start / ONECYCLE_FINAL_DIV
# (here, torch-free, so that `--help` says them without loading torch).
ONECYCLE_DIV, ONECYCLE_FINAL_DIV = 10.0, 100.0
VERSION = "0.1.0"  # tinydigits.__version__, recorded with every run (here so that the roles need not import the top)


@dataclass(frozen=True)
class Budget:
    """The challenge: fewer than 8,000 parameters, at most 15 epochs, >= 99.4 % test accuracy in each of the last 3
    epochs. The one place these limits live; every default elsewhere reads them from `BUDGET`, and `check`'s flags
    are these fields."""

    last: int = setting(3, "epochs at the end that must all reach --min-acc", type=positive_int)
    min_acc: float = setting(99.4, "the test accuracy, in percent, each of the last --last epochs must reach")
    max_params: int = setting(8000, "parameters must be fewer than this")  # strictly fewer than this
    max_epochs: int = setting(15, "epochs a run may train at most")


BUDGET = Budget()
