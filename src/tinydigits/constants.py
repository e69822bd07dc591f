"""MNIST facts shared by the torch code and the torch-free deployment path (ONNX predict)."""

MEAN, STD = 0.1307, 0.3081  # of the training images in [0, 1]; every model here expects this normalisation
IMAGE_SIZE = 28
DIGIT_BOX = 20  # MNIST scaled each digit's longer side to 20 px, then centred its mass in 28x28
DEFAULT_MODEL = "robust"  # step 4, the default: what train, check, summary, bench and `make train` use without --model
VERSION = "0.1.0"  # tinydigits.__version__, recorded with every run (here so that the roles need not import the top)
