"""The GPU's context made beside torch's import (`training.early_cuda`): which runs ask for it, and what it asks of the
driver, with a stand-in driver (no GPU here)."""

from __future__ import annotations

import pytest

from tinydigits import cli
from tinydigits.training import early_cuda


class Driver:
    """The four calls of the CUDA driver that `make_context` makes, recorded; `fails` names one that answers an error
    (CUDA_ERROR_NO_DEVICE, 100)."""

    def __init__(self, devices: int = 2, fails: str = "") -> None:
        self.devices, self.fails, self.calls = devices, fails, []

    def _answer(self, name: str, *args) -> int:
        self.calls.append((name, *args))
        return 100 if name == self.fails else 0

    def cuInit(self, flags):  # noqa: N802 (the driver's own names)
        return self._answer("cuInit", flags)

    def cuDeviceGetCount(self, count):  # noqa: N802
        count._obj.value = self.devices
        return self._answer("cuDeviceGetCount")

    def cuDeviceGet(self, handle, index):  # noqa: N802
        handle._obj.value = 40 + index
        return self._answer("cuDeviceGet", index)

    def cuDevicePrimaryCtxRetain(self, context, handle):  # noqa: N802
        return self._answer("cuDevicePrimaryCtxRetain", handle.value)


@pytest.mark.parametrize("device, index", [(None, 0), ("cuda", 0), ("cuda:1", 1), ("cpu", None), ("mps", None)])
def test_a_runs_device_names_the_gpu_whose_context_is_made(device, index):
    assert early_cuda.ordinal(device) == index


def test_the_context_is_the_devices_primary_one_made_after_the_driver_started():
    driver = Driver()
    assert early_cuda.make_context(driver, 1)
    assert [c[0] for c in driver.calls] == ["cuInit", "cuDeviceGetCount", "cuDeviceGet", "cuDevicePrimaryCtxRetain"]
    assert driver.calls[2] == ("cuDeviceGet", 1) and driver.calls[3] == ("cuDevicePrimaryCtxRetain", 41)


@pytest.mark.parametrize("fails, made", [("cuInit", ["cuInit"]), ("cuDeviceGet", ["cuInit", "cuDeviceGetCount",
                                                                                   "cuDeviceGet"])])
def test_a_driver_that_answers_an_error_is_asked_nothing_more(fails, made):
    driver = Driver(fails=fails)
    assert not early_cuda.make_context(driver, 0)
    assert [c[0] for c in driver.calls] == made


def test_a_gpu_the_machine_does_not_have_gets_no_context():
    driver = Driver(devices=1)
    assert not early_cuda.make_context(driver, 1)
    assert "cuDevicePrimaryCtxRetain" not in [c[0] for c in driver.calls]


def test_a_cpu_run_a_machine_without_the_driver_and_the_switch_start_nothing(monkeypatch):
    loaded = []

    def load(name):
        loaded.append(name)
        raise OSError(f"{name}: cannot open shared object file")

    assert early_cuda.start("cpu", load=load) is None and loaded == []
    assert early_cuda.start(None, load=load) is None and loaded == ["libcuda.so.1"]
    monkeypatch.setenv(early_cuda.OFF, "0")
    assert early_cuda.start("cuda", load=lambda _: Driver()) is None


def test_the_thread_makes_the_context_it_was_started_for():
    driver = Driver()
    thread = early_cuda.start("cuda:1", load=lambda _: driver)
    thread.join(10)
    assert ("cuDevicePrimaryCtxRetain", 41) in driver.calls


class Stop(Exception):
    pass


@pytest.mark.parametrize("flags, started", [([], True), (["--jobs", "2"], False), (["--cluster", "tcp://127.0.0.1:1"],
                                                                                     False)])
def test_a_check_makes_the_context_only_where_its_seeds_train_in_its_own_process(monkeypatch, flags, started):
    seen = []
    monkeypatch.delenv("DASK_SCHEDULER_ADDRESS", raising=False)
    monkeypatch.setattr(early_cuda, "start", lambda device: seen.append(device))
    monkeypatch.setattr(cli, "_needs", lambda *_: None)

    def stop(*_, **__):
        raise Stop

    monkeypatch.setattr("tinydigits.lifecycle.make", stop)
    with pytest.raises(Stop):
        cli.main(["check", "--seeds", "0", "--device", "cuda", *flags])
    assert seen == (["cuda"] if started else [])
