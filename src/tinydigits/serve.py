"""`tinydigits serve`: a draw-a-digit page and a JSON API, using exactly `predict`'s preprocessing."""

# No `from __future__ import annotations` here: FastAPI resolves the handlers' annotations (Request) at runtime.


import base64
import binascii
from importlib import resources
from pathlib import Path
from typing import Any

from tinydigits import predict, preprocess
from tinydigits.errors import TinyDigitsError

MAX_UPLOAD_BYTES = 2 * 1024 * 1024  # a 280x280 canvas PNG is ~10 KB; anything near this is not a drawing


def model_info(checkpoint: Path, model, name: str) -> dict[str, Any]:
    """Name, parameters and test accuracy of a run (from its metrics.json when there is one)."""
    from tinydigits import models, runs

    info: dict[str, Any] = {"name": name, "params": models.count_params(model),
                            "test_acc": None, "run": str(checkpoint.parent)}
    metrics_file = checkpoint.parent / "metrics.json"
    if metrics_file.exists():
        epochs = runs.read_json(metrics_file).get("epochs") or []
        info["test_acc"] = epochs[-1]["test_acc"] if epochs else None
    return info


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


def predict_bytes(classifier: predict.Classifier, raw: bytes) -> dict[str, Any]:
    image = preprocess.load_digit(raw, name="upload")
    result = predict.classify(classifier, image[None], ["upload"])[0]
    preview = "data:image/png;base64," + base64.b64encode(preprocess.to_png(image)).decode()
    return {"digit": result.digit, "probabilities": result.probabilities, "preprocessed": preview}


def create_app(model_path: str | Path):
    from fastapi import FastAPI, Request
    from fastapi.responses import HTMLResponse, JSONResponse

    from tinydigits import runs

    checkpoint = runs.checkpoint_path(model_path)
    model, ckpt = runs.load_model(checkpoint)
    classifier = predict.wrap_torch(model)
    info = model_info(checkpoint, model, ckpt["model"])
    page = resources.files("tinydigits").joinpath("static/index.html").read_text()
    app = FastAPI(title="tinydigits", docs_url=None, redoc_url=None)

    def error(status: int, message: str) -> JSONResponse:
        return JSONResponse({"error": message}, status_code=status)

    @app.get("/", response_class=HTMLResponse)
    def index() -> str:
        return page

    @app.get("/api/model")
    def describe() -> dict[str, Any]:
        return info

    @app.post("/api/predict")
    async def classify(request: Request):
        declared = int(request.headers.get("content-length") or 0)
        if declared > MAX_UPLOAD_BYTES:
            return error(413, f"request larger than {MAX_UPLOAD_BYTES} bytes")
        content_type = request.headers.get("content-type", "")
        try:
            if content_type.startswith("multipart/form-data"):
                form = await request.form()
                upload = form.get("file") or form.get("image")
                if upload is None or isinstance(upload, str):
                    return error(400, "multipart upload needs a file field named 'file'")
                raw = await upload.read()
            else:
                body = await request.body()
                if len(body) > MAX_UPLOAD_BYTES:
                    return error(413, f"request larger than {MAX_UPLOAD_BYTES} bytes")
                try:
                    payload = await request.json()
                except ValueError:
                    return error(400, 'expected JSON {"image": "data:image/png;base64,..."} or a multipart upload')
                raw = decode_data_url(payload.get("image") if isinstance(payload, dict) else None)
            if len(raw) > MAX_UPLOAD_BYTES:
                return error(413, f"image larger than {MAX_UPLOAD_BYTES} bytes")
            return predict_bytes(classifier, raw)
        except TinyDigitsError as err:
            return error(422 if isinstance(err, preprocess.BlankImageError) else 400, str(err))

    return app


def serve(model_path: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    try:
        import uvicorn
    except ImportError:
        raise TinyDigitsError("serving needs fastapi and uvicorn: pip install 'tinydigits[serve]'") from None
    app = create_app(model_path)
    print(f"serving {model_path} on http://{host}:{port}/")
    uvicorn.run(app, host=host, port=port, log_level="warning")
