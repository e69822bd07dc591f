"""use: a trained model at work.

- `predict`: classify a user's images with PyTorch or ONNX Runtime (the ONNX path needs no torch)
- `export`: ONNX export (fp32 and int8) verified on the whole test set
- `serve`: the draw-a-digit web page (`static/index.html`) and its JSON API

May import `results`, `training`, `models`, `data`, `constants`, `errors`. No names handed on, so
`predict` stays importable without torch.
"""
