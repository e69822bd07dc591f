"""training: one run, from a config to a run folder.

- `train`: `TrainConfig` (every setting; saved as config.json) and the loop (data on the device, augmentation
  per batch, one-cycle, EMA, batch-norm recompute, schedules)
- `stack`: G seeds of one model trained as one grouped network (`check --stack`)
- `device`: device choice, bf16 where the hardware has it, the channels-last layout
- `runs`: run folders: atomic writes, checkpoints (`model.pt`), the environment record
- `events`: TensorBoard event files of a run; `tracking`: the same to an MLflow server

May import `data`, `models`, `constants`, `errors`. No names handed on: `device` and `runs` load
without the loop (evaluation and prediction use them).
"""
