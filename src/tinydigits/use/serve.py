"""`tinydigits serve`: a draw-a-digit page and a JSON API, using exactly `predict`'s preprocessing."""

# No `from __future__ import annotations` here: FastAPI resolves the handlers' annotations (Request) at runtime.


import base64
import binascii
import contextlib
import json
import os
import traceback
from importlib import resources
from pathlib import Path
from typing import Any

from tinydigits.data import preprocess
from tinydigits.errors import TinyDigitsError
from tinydigits.results.records import Run, user_accuracy
from tinydigits.use import predict

MAX_UPLOAD_BYTES = 2 * 1024 * 1024  # a 280x280 canvas PNG is ~10 KB; anything near this is not a drawing
SERVE_MAX_PIXELS = 4_000_000  # a drawing or a phone crop; checked from the header, before any decoding
MAX_IN_FLIGHT = 4  # requests doing CPU work at once: a few per core keep the cores busy (decoders and torch drop the GIL)
MAX_WAITING = 64  # requests waiting for a slot; beyond that, 503 + Retry-After
REQUEST_TIMEOUT_S = 10.0


def model_info(checkpoint: Path, model, name: str) -> dict[str, Any]:
    """Name, parameters and test accuracy of a run (from its metrics.json when there is one)."""
    from tinydigits import models

    info: dict[str, Any] = {"name": name, "params": models.count_params(model),
                            "test_acc": None, "run": str(checkpoint.parent)}
    with contextlib.suppress(TinyDigitsError):  # a checkpoint outside a run folder, or one with no finished epoch
        info["test_acc"] = Run.load(checkpoint.parent).epochs[-1].test_acc
    return info


def onnx_info(path: Path) -> dict[str, Any]:
    """Name, parameters and test accuracy of an exported file, from the metadata `export` writes into it."""
    import onnx

    meta = {p.key: p.value for p in onnx.load(str(path), load_external_data=False).metadata_props}
    acc = meta.get("test_acc")
    return {"name": meta.get("tinydigits_model", path.stem), "params": int(meta.get("params", 0)),
            "test_acc": float(acc) if acc else None, "run": str(path), "format": meta.get("format", "fp32")}


def decode_data_url(text: str) -> bytes:
    if not isinstance(text, str) or not text.startswith("data:image/") or "," not in text:
        raise TinyDigitsError("expected a data URL of an image (data:image/png;base64,...)")
    header, payload = text.split(",", 1)
    if ";base64" not in header:
        raise TinyDigitsError("the data URL must be base64-encoded")
    try:
        return base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise TinyDigitsError("the data URL is not valid base64") from None


def predict_bytes(classifier: predict.Classifier, raw: bytes, max_pixels: int = preprocess.MAX_PIXELS) -> dict[str, Any]:
    image = preprocess.load_digit(raw, name="upload", max_pixels=max_pixels)
    result = predict.classify(classifier, image[None], ["upload"])[0]
    preview = "data:image/png;base64," + base64.b64encode(preprocess.to_png(image)).decode()
    return {"digit": result.digit, "probabilities": result.probabilities, "preprocessed": preview}


class Busy(Exception):
    """Every CPU slot is taken (or the request ran out of time): answer 503 with Retry-After."""

    def __init__(self, message: str, retry_after: int = 1) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Gate:
    """At most `limit` requests doing CPU work at once and at most `queue` more waiting for a slot;
    beyond that a request is refused at once (503) instead of joining an unbounded queue. Each
    request gets `timeout_s` from arrival, waiting included. A slot is released when its thread
    really finishes (a thread cannot be cancelled), so the bound on CPU work always holds."""

    def __init__(self, limit: int, timeout_s: float, queue: int = MAX_WAITING) -> None:
        self.limit, self.queue, self.timeout_s = limit, queue, timeout_s
        self.busy = self.waiting = 0
        self._slots = None  # an asyncio.Semaphore, made inside the server's event loop

    async def run(self, fn, *args):
        import asyncio

        from starlette.concurrency import run_in_threadpool

        if self.busy + self.waiting >= self.limit + self.queue:
            raise Busy(f"server busy: {self.busy} requests in progress and {self.waiting} waiting, retry shortly")
        self._slots = self._slots or asyncio.Semaphore(self.limit)
        deadline = asyncio.get_running_loop().time() + self.timeout_s
        self.waiting += 1
        try:
            await asyncio.wait_for(self._slots.acquire(), self.timeout_s)
        except TimeoutError:
            raise Busy(f"no free slot within {self.timeout_s:g} s", retry_after=2) from None
        finally:
            self.waiting -= 1
        self.busy += 1
        task = asyncio.ensure_future(run_in_threadpool(fn, *args))
        task.add_done_callback(self._release)
        try:
            return await asyncio.wait_for(asyncio.shield(task), max(0.0, deadline - asyncio.get_running_loop().time()))
        except TimeoutError:
            raise Busy(f"request took longer than {self.timeout_s:g} s", retry_after=2) from None

    def _release(self, task) -> None:
        self.busy -= 1
        self._slots.release()
        if not task.cancelled():
            task.exception()  # retrieved, so an abandoned (timed-out) task's error is not logged as unhandled


def create_app(model_path: str | Path, max_in_flight: int = MAX_IN_FLIGHT, timeout_s: float = REQUEST_TIMEOUT_S,
               max_pixels: int = SERVE_MAX_PIXELS):
    from fastapi import FastAPI, Request
    from fastapi.responses import HTMLResponse, JSONResponse

    classifier, info = _classifier(model_path)
    page = resources.files("tinydigits.use").joinpath("static/index.html").read_text()
    app = FastAPI(title="tinydigits", docs_url=None, redoc_url=None)
    gate = Gate(max_in_flight, timeout_s)

    @app.get("/", response_class=HTMLResponse)
    def index() -> str:
        return page

    @app.get("/api/model")
    def describe() -> dict[str, Any]:
        return info

    @app.post("/api/predict")
    async def classify(request: Request):
        try:
            raw = await _upload(request)
            # Decoding, preprocessing and the model are CPU work: in the threadpool, a bounded number at a
            # time, so one big PNG never holds up the event loop (and every other request) behind it.
            return await gate.run(predict_bytes, classifier, raw, max_pixels)
        except _Refused as err:
            return JSONResponse({"error": err.message}, status_code=err.status)
        except Busy as err:
            return JSONResponse({"error": str(err)}, status_code=503, headers={"Retry-After": str(err.retry_after)})
        except TinyDigitsError as err:
            # A refused image's traceback holds its frames, and their locals are the decoded arrays (~10 MB for a
            # big upload). The exception, its frames and the asyncio task form a cycle that only a full garbage
            # collection frees, so without this the server's RSS wandered 80-180 MB above its floor.
            traceback.clear_frames(err.__traceback__)
            status = 422 if isinstance(err, preprocess.BlankImageError) else 400
            return JSONResponse({"error": str(err)}, status_code=status)

    return app


def _classifier(model_path: str | Path) -> tuple[Any, dict[str, Any]]:
    """The classifier `serve` answers with and what /api/model says of it: ONNX Runtime for an exported file (fp32 or
    int8), else the run's checkpoint in torch."""
    from tinydigits.training import runs

    if str(model_path).endswith(".onnx"):
        return predict.onnx_classifier(model_path), onnx_info(Path(model_path))
    checkpoint = runs.checkpoint_path(model_path)
    model, ckpt = runs.load_model(checkpoint)
    return predict.wrap_torch(model), model_info(checkpoint, model, ckpt["model"])


class _Refused(Exception):
    """A request refused before any decoding: its HTTP status and one line."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


async def _upload(request) -> bytes:
    """The image bytes of a predict request: a multipart upload (field `file` or `image`) or JSON with a data URL,
    never more than MAX_UPLOAD_BYTES (the declared length is checked before the body is read)."""
    if int(request.headers.get("content-length") or 0) > MAX_UPLOAD_BYTES:
        raise _Refused(413, f"request larger than {MAX_UPLOAD_BYTES} bytes")
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        form = await request.form()
        upload = form.get("file") or form.get("image")
        if upload is None or isinstance(upload, str):
            raise _Refused(400, "multipart upload needs a file field named 'file'")
        raw = await upload.read()
    else:
        body = await request.body()
        if len(body) > MAX_UPLOAD_BYTES:
            raise _Refused(413, f"request larger than {MAX_UPLOAD_BYTES} bytes")
        try:
            payload = json.loads(body)
        except ValueError:
            raise _Refused(400, 'expected JSON {"image": "data:image/png;base64,..."} or a multipart upload') from None
        raw = decode_data_url(payload.get("image") if isinstance(payload, dict) else None)
    if len(raw) > MAX_UPLOAD_BYTES:
        raise _Refused(413, f"image larger than {MAX_UPLOAD_BYTES} bytes")
    return raw


def most_robust(parent: str | os.PathLike = "runs") -> tuple[Path, str]:
    """The run to serve when none is named, and why: the best mean accuracy "as a user's image" that
    `tinydigits robustness` measured (its robustness.json in the run folder), else the newest run of the
    `robust` tier, else the newest run with a line on how to train a robust one."""
    folder = Path(parent)
    found = sorted((p.parent for p in folder.glob("*/model.pt")), key=lambda p: p.stat().st_mtime) if folder.is_dir() else []
    if not found:
        raise TinyDigitsError(f"no trained run under {folder}/ to serve: train one (`tinydigits train --model robust`, "
                              "the tier made for other people's handwriting) or name a run folder")
    measured = [(acc, run) for run in found if (acc := user_accuracy(run)) is not None]
    if measured:
        acc, run = max(measured, key=lambda m: m[0])
        return run, f"serving {run}: the best measured on other people's handwriting ({acc:.2f} % as a user's image)"
    robust = [run for run in found if _model_of(run) == "robust"]
    if robust:
        return robust[-1], f"serving {robust[-1]}: the newest run of the robust tier"
    return found[-1], (f"serving {found[-1]}: the newest run (for other people's handwriting train "
                       "`tinydigits train --model robust`, and compare with `tinydigits robustness RUN`)")


def _model_of(run: Path) -> str | None:
    try:
        return Run.load(run).settings.model
    except TinyDigitsError:
        return None


MODEL_ENV = "TINYDIGITS_SERVE_MODEL"


def app_from_env():
    """The app factory uvicorn's worker processes call (`--workers N` needs an import string)."""
    return create_app(os.environ[MODEL_ENV])


def serve(model_path: str, host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> None:
    try:
        import uvicorn
    except ImportError:
        raise TinyDigitsError("serving needs fastapi and uvicorn: pip install 'tinydigits[serve]'") from None
    if workers == 1:
        app = create_app(model_path)
        print(f"serving {model_path} on http://{host}:{port}/")
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    create_app(model_path)  # fail here, once, on a bad checkpoint - not in every worker
    os.environ[MODEL_ENV] = str(Path(model_path).resolve())
    print(f"serving {model_path} on http://{host}:{port}/ with {workers} worker processes")
    uvicorn.run("tinydigits.use.serve:app_from_env", factory=True, host=host, port=port, workers=workers, log_level="warning")
