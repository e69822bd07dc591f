"""training: one run, from a config to a run folder.

- `config`: `TrainConfig` (every setting, declared once with its role, from which every list of settings derives;
  saved as config.json), loads without torch; `schedules`: the size and batch schedules read into one value per epoch
- `train`: the loop (data on the device, augmentation per batch, one-cycle, EMA, batch-norm recompute, schedules)
- `factories`: the model in its training layout, the optimiser, the schedule and the EMA, made from a config;
  `evaluate`: the accuracy pass and the batch-norm refresh; `prefetch`: the next batches made in a thread (`ahead`)
- `runfolder`: a run folder as a typed record (`Run`, `Epoch`: config.json, metrics.json, per_class.csv), built and
  saved by `bookkeeping`, loaded by every reader; torch-free
- `bookkeeping`: what a run leaves as it trains (its record, the checkpoint, events, its MLflow run) and its result
  (`RunRecord`, `RunResult`, which carries the record)
- `stack`: G seeds of one model trained as one grouped network (`check --stack`)
- `device`: device choice, bf16 where the hardware has it natively, the portable pins, deterministic CUDA, the
  channels-last layout
- `runs`: run folders: atomic writes, checkpoints (`model.pt`), the environment record
- `events`: TensorBoard event files of a run; `tracking`: the same to an MLflow server
- `arithmetic`: the arithmetic decided once (`decide`) and held (`ensure_arithmetic`); `cores`: the cores counted
- `probe`: layer statistics and sampled gradient norms (read-only)

May import `data`, `models`, `constants`, `errors`. No names handed on: `device` and `runs` load
without the loop (evaluation and prediction use them).
"""
