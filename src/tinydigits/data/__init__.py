"""data: MNIST from its four IDX files to tensors on the training device, and images into MNIST's form.

- `mnist`: IDX decoding and validation, download, the splits as uint8 tensors on the device, batches
- `augment`: `Augment`, random changes per batch with tensor ops (affine, elastic, stroke, blur, noise)
- `preprocess`: any image (a photo, a drawing) -> MNIST-style 28x28 (numpy + Pillow, no torch)

May import `constants` and `errors` only. No names are handed on here, so that `preprocess` stays
importable without torch (ONNX-only prediction).
"""
