"""What a hand-in's training printed, read back as epochs: a pasted torchsummary / torchinfo table, per-epoch test
and train lines (tqdm bars included, \\r updates and all), epoch markers counted from 0 or 1, learning-rate prints
(StepLR's, ReduceLROnPlateau's, a bare `lr: 0.01`) and per-class accuracies. Text in, typed records out: nothing here
runs a student's code."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"

# torchsummary and torchinfo both print `Total params: 7,928`
TOTAL_PARAMS = re.compile(r"total\s+params\s*:\s*([\d,_]+)", re.I)
# PyTorch's verbose schedulers: StepLR and friends `Adjusting learning rate of group 0 to 1.0000e-02.` (newer ones
# prefix `Epoch 00003: adjusting`), ReduceLROnPlateau `Epoch 00005: reducing learning rate of group 0 to 5.0000e-03.`
SCHEDULER_LR = re.compile(rf"(?:adjusting|reducing)\s+learning\s+rate\s+of\s+group\s+(\d+)\s+to\s+({NUMBER})", re.I)
# a bare rate print: `lr: 0.01`, `LR = 0.01`, `learning rate: 0.01`, `lr : [0.01]` (get_last_lr's list)
BARE_LR = re.compile(rf"(?<![a-z])(?:lr|learning[ _]rate)\s*[:=]\s*\[?\s*({NUMBER})", re.I)
# an epoch marker at a line's start: `EPOCH: 0`, `Epoch 1`, `Epoch 1/15`, `EPOCH : 0 , lr : 0.01`, `Epoch=3 Loss=...`
# (a tqdm description), `Train Epoch: 2`; never `Epoch 13th` or a sentence's `from epoch 9`
EPOCH_MARK = re.compile(r"^\s*(?:train(?:ing)?\s+)?epoch\s*(?:no\.?|number|#)?\s*[:=#-]?\s*(\d+)\b(?!\s*(?:st|nd|rd|th)\b)",
                        re.I)
TEST_HEAD = re.compile(r"(?<![a-z])(?:test|validation|val)(?:\s+set)?\s*:", re.I)
# a summary line `Testing  - Loss: 0.21, Accuracy: 96.5%`: a test line where it has both figures (a README's
# `Test Accuracy: 99.1%` alone is a claim, not a log)
TEST_SUMMARY = re.compile(r"^\s*(?:test(?:ing)?|validation|val(?:id)?)(?:\s+set)?\s*[-\u2013|:]?\s*(?=.*loss)(?=.*acc)", re.I)
TRAIN_HEAD = re.compile(r"(?<![a-z])train(?:ing)?(?:\s+set)?\s*[:\-\u2013]", re.I)
LOSS = re.compile(rf"(?<![a-z])loss\s*[:=]\s*({NUMBER})", re.I)
AVERAGE_LOSS = re.compile(rf"av(?:era)?g(?:e)?\.?\s+loss\s*[:=]\s*({NUMBER})", re.I)
BATCH_LOSS = re.compile(rf"batch\s+loss\s*[:=]\s*({NUMBER})", re.I)
COUNTED = re.compile(rf"(\d+)\s*/\s*(\d+)\s*\(\s*({NUMBER})\s*%\s*\)")
ACCURACY = re.compile(rf"acc(?:uracy)?\s*[:=]\s*({NUMBER})\s*%?", re.I)
# tqdm's bar: `... 100%|██████████| 938/938 [...]`: how far the epoch went, to tell a fresh epoch from an update
PROGRESS = re.compile(r"(\d+)%\|[^|]*\|\s*(\d+)/(\d+)")
BATCH_ID = re.compile(r"batch[_ ]?id\s*[:=]\s*(\d+)", re.I)
# a torchsummary row: `Conv2d-1            [-1, 8, 26, 26]              80`
SUMMARY_ROW = re.compile(r"^\s*([A-Z][A-Za-z0-9]+)-\d+\s+\[")
PER_CLASS = re.compile(rf"^\s*accuracy\s+of\s+(?:class\s+)?(\d)\b[^:]*:\s*({NUMBER})\s*%", re.I)


@dataclass(frozen=True)
class HandEpoch:
    """One epoch as the hand-in printed it. `label` is the epoch's number as printed (None where nothing numbered it),
    `index` counts from 1 whatever the log's base. Train accuracy is tqdm's running figure at the epoch's last batch
    (the epoch's mean); `train_loss` is an epoch average where one was printed, `batch_loss` the last batch's loss a
    tqdm bar shows (not an average: kept apart so the two are never compared as one). `lr` is the rate the epoch
    trained at: the last one printed before it began. None wherever nothing was printed."""

    index: int
    label: int | None = None
    test_acc: float | None = None
    test_loss: float | None = None
    train_acc: float | None = None
    train_loss: float | None = None
    batch_loss: float | None = None
    lr: float | None = None


@dataclass(frozen=True)
class ClassAccuracy:
    digit: int
    accuracy: float


@dataclass(frozen=True)
class Log:
    """One training run as printed: `source` says where (a notebook, a README section), `epoch_base` is 0 or 1 as the
    log numbers its epochs (None where it does not), `params` a pasted summary's `Total params`."""

    source: str
    epochs: list[HandEpoch] = field(default_factory=list)
    epoch_base: int | None = None
    params: int | None = None
    per_class: list[ClassAccuracy] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)  # a printed summary's layer types, in order ("Conv2d", "ReLU")

    @property
    def best_test(self) -> float | None:
        accs = [e.test_acc for e in self.epochs if e.test_acc is not None]
        return max(accs) if accs else None

    @property
    def best_train(self) -> float | None:
        accs = [e.train_acc for e in self.epochs if e.train_acc is not None]
        return max(accs) if accs else None

    def describe(self) -> str:
        """One line: what the log holds."""
        parts = [f"{len(self.epochs)} epoch{'' if len(self.epochs) == 1 else 's'}"]
        if self.best_test is not None:
            parts.append(f"best test {self.best_test:.2f}%")
        if self.params is not None:
            parts.append(f"{self.params:,} params")
        return f"{self.source} ({', '.join(parts)})"


def terminal_lines(text: str) -> list[str]:
    """The lines as a terminal last showed them: a tqdm bar's \\r updates leave only their last state (its final
    frame); an update cut short by the next line keeps what it had."""
    out = []
    for line in text.replace("\r\n", "\n").split("\n"):
        frames = [f for f in line.split("\r") if f.strip()]
        out.append(frames[-1] if frames else "")
    return out


@dataclass
class _Open:
    """The epoch being read: its figures so far and how far its bar went (a lower bar is the next epoch)."""

    label: int | None = None
    lr: float | None = None
    test_acc: float | None = None
    test_loss: float | None = None
    train_acc: float | None = None
    train_loss: float | None = None
    batch_loss: float | None = None
    progress: int = -1
    cut_short: bool = False  # its bar stopped before 100 %: an epoch interrupted (a stopped cell) unless a test follows

    @property
    def has_figures(self) -> bool:
        return self.test_acc is not None or self.train_acc is not None or self.train_loss is not None \
            or self.batch_loss is not None or self.test_loss is not None

    def close(self, index: int) -> HandEpoch:
        return HandEpoch(index, self.label, self.test_acc, self.test_loss, self.train_acc, self.train_loss,
                         self.batch_loss, self.lr)


class _Reader:
    """The events of a printed log in order, gathered into runs: a fresh `Total params` after epochs, or an epoch
    label that goes back, starts another run (a notebook that trains Model_1 then Model_2)."""

    def __init__(self, source: str):
        self.source = source
        self.logs: list[Log] = []
        self._new_run()

    def _new_run(self) -> None:
        self.epochs: list[HandEpoch] = []
        self.open: _Open | None = None
        self.params: int | None = None
        self.per_class: dict[int, float] = {}
        self.kinds: list[str] = []
        self.first_label: int | None = None
        self.rate: float | None = None  # the rate now in force: the next epoch trains at it
        self.rate_since_figures = False  # a rate printed after the last figures (a new scheduler's, or a step's)

    def _finish_run(self) -> None:
        self._close()
        if self.epochs or self.params is not None or self.per_class:
            number = len(self.logs) + 1
            self.logs.append(Log(self.source if number == 1 else f"{self.source} (run {number})", self.epochs,
                                 self.first_label if self.first_label in (0, 1) else None, self.params,
                                 [ClassAccuracy(d, a) for d, a in sorted(self.per_class.items())], self.kinds))
        self._new_run()

    def _close(self) -> None:
        interrupted = self.open is not None and self.open.cut_short and self.open.test_acc is None \
            and self.open.test_loss is None
        if self.open is not None and self.open.has_figures and not interrupted:
            self.epochs.append(self.open.close(len(self.epochs) + 1))
        self.open = None

    def _start(self, label: int | None) -> _Open:
        self._close()
        self.open = _Open(label=label, lr=self.rate)
        return self.open

    def _current(self) -> _Open:
        return self.open if self.open is not None else self._start(None)

    # ---- the events
    def summary_row(self, kind: str) -> None:
        if self.epochs or (self.open is not None and self.open.has_figures):
            self._finish_run()  # a summary after epochs: the next run's
        self.kinds.append(kind)

    def params_line(self, total: int) -> None:
        if self.epochs or (self.open is not None and self.open.has_figures):
            self._finish_run()
        self.params = total

    def epoch_line(self, label: int) -> None:
        if self.open is not None and self.open.label == label:
            return  # a tqdm description repeats its epoch on every frame
        last = self.open.label if self.open is not None and self.open.label is not None else \
            next((e.label for e in reversed(self.epochs) if e.label is not None), None)
        if last is not None and label <= last:
            # the count went back: another run, at the rate its scheduler printed as it was made (if it did)
            rate = self.rate if self.rate_since_figures else None
            self._finish_run()
            self.rate = rate
        if self.first_label is None:
            self.first_label = label
        if self.open is not None and self.open.label is None and not self.open.has_figures:
            self.open.label = label
        else:
            self._start(label)

    def rate_line(self, rate: float) -> None:
        """A rate printed before an epoch's figures is that epoch's; one printed after them (a scheduler's step after
        the test) is the next epoch's."""
        self.rate, self.rate_since_figures = rate, True
        if self.open is not None and not self.open.has_figures:
            self.open.lr = rate

    def train_line(self, acc: float | None, loss: float | None, batch_loss: float | None, progress: int,
                   cut_short: bool = False) -> None:
        self.rate_since_figures = False
        current = self._current()
        tested = current.test_acc is not None or current.test_loss is not None
        if tested and not (current.label is not None and progress < 0) or (
                progress >= 0 and current.progress >= 0 and progress < current.progress and current.label is None):
            # after a test pass (but a numbered epoch's summary printed after its test is still that epoch's), or a
            # bar that started over: the next epoch
            current = self._start(None)
        current.train_acc = acc if acc is not None else current.train_acc
        current.train_loss = loss if loss is not None else current.train_loss
        current.batch_loss = batch_loss if batch_loss is not None else current.batch_loss
        current.progress = max(progress, current.progress) if progress >= 0 else current.progress
        current.cut_short = cut_short

    def test_line(self, acc: float | None, loss: float | None) -> None:
        self.rate_since_figures = False
        current = self._current()
        if (current.test_acc, current.test_loss) == (acc, loss) or current.test_acc == acc and loss is None:
            return  # the same pass said again (`Test set: ...` then a summary's `Testing - Loss: ...`)
        if current.test_acc is not None or current.test_loss is not None:
            current = self._start(None)  # a log of test lines alone: each is an epoch
        current.test_acc, current.test_loss = acc, loss

    def class_line(self, digit: int, acc: float) -> None:
        self.per_class[digit] = acc


def _progress(line: str) -> int:
    """How far into its epoch a train line is (a batch id, a bar's count), -1 where it does not say."""
    bar = PROGRESS.search(line)
    if bar:
        return int(bar[2])
    batch = BATCH_ID.search(line)
    return int(batch[1]) if batch else -1


def _accuracy(text: str) -> float | None:
    counted = COUNTED.search(text)
    if counted:
        return float(counted[3])
    acc = ACCURACY.search(text)
    return float(acc[1]) if acc else None


# a README's summary ("Best Training loss : 0.0133", "Lowest test loss: 0.02"): a claim about a log, not a log's line
SUMMARY_WORDS = re.compile(r"\b(?:best|lowest|highest|minimum|maximum|max|min)\b", re.I)


def _read_line(reader: _Reader, line: str) -> None:
    if SUMMARY_WORDS.search(line) and not TOTAL_PARAMS.search(line):
        return
    if row := SUMMARY_ROW.match(line):
        reader.summary_row(row[1])
        return
    total = TOTAL_PARAMS.search(line)
    if total:
        reader.params_line(int(total[1].replace(",", "").replace("_", "")))
        return
    per_class = PER_CLASS.match(line)
    if per_class:
        reader.class_line(int(per_class[1]), float(per_class[2]))
        return
    scheduler = SCHEDULER_LR.search(line)
    if scheduler:
        if scheduler[1] == "0":  # the first parameter group's rate is the run's
            reader.rate_line(float(scheduler[2]))
        return  # its `Epoch 00005:` is the scheduler's count, not an epoch marker
    mark = EPOCH_MARK.match(line)
    if mark:
        reader.epoch_line(int(mark[1]))
    bare = BARE_LR.search(line)
    if bare:
        reader.rate_line(float(bare[1]))
    test = TEST_HEAD.search(line) or TEST_SUMMARY.match(line)
    if test:
        rest = line[test.start():]
        loss = AVERAGE_LOSS.search(rest) or LOSS.search(rest)
        acc = _accuracy(rest)
        if acc is not None or loss is not None:
            reader.test_line(acc, float(loss[1]) if loss else None)
        return
    if LOSS.search(line) or TRAIN_HEAD.search(line) and ACCURACY.search(line):
        average, batch, plain = AVERAGE_LOSS.search(line), BATCH_LOSS.search(line), LOSS.search(line)
        progress = _progress(line)
        if average is None and batch is None and plain is not None:
            # beside a bar or a batch id the loss is that batch's; on a line of its own (`Train set: Loss: 0.05`,
            # `Training - Loss: 0.27`) it is the epoch's
            batch, average = (plain, None) if progress >= 0 else (None, plain)
        bar = PROGRESS.search(line)
        reader.train_line(_accuracy(line), float(average[1]) if average else None,
                          float(batch[1]) if batch else None, progress, bool(bar) and int(bar[2]) < int(bar[3]))


def read_log(text: str, source: str = "log") -> list[Log]:
    """Every training run a printed text shows, in order (most show one; a notebook that trains several models, or a
    README that pastes several logs, shows more). HTML entities are decoded (a log pasted inside `<pre>`)."""
    reader = _Reader(source)
    for line in terminal_lines(html.unescape(text)):
        _read_line(reader, line)
    reader._finish_run()
    return reader.logs
