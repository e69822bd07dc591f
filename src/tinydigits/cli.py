"""`tinydigits` command line: one subcommand per job; errors become one line and a non-zero exit."""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Callable
from pathlib import Path

from tinydigits.constants import DEFAULT_MODEL
from tinydigits.errors import TinyDigitsError

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}
PRECISIONS = ("fp32", "bf16", "auto")
MODEL_HELP = ("a registered name (see `tinydigits models`), a spec .json file (`tinydigits search --export`), "
              "or your own model as path/to/file.py:Name or package.module:Name (an nn.Module subclass or a "
              "zero-argument factory; loading it runs that file's code, as `python file.py` would)")


def command(name: str):
    def wrap(fn):
        COMMANDS[name] = fn
        return fn

    return wrap


def _data_dir(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data-dir", help="folder with the four MNIST IDX files (default: $TINYDIGITS_DATA_DIR, else the user cache)")


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be >= 1")
    return value


def _scale_range(text: str) -> tuple[float, float]:
    try:
        low, high = (float(v) for v in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError("expected LOW,HIGH, e.g. 0.9,1.1") from None
    return low, high


def add_train_args(p: argparse.ArgumentParser, model_default: str | None = DEFAULT_MODEL) -> None:
    """Training flags shared by `train` and `check` (None = the model's recipe decides)."""
    p.add_argument("--model", default=model_default, help=MODEL_HELP)
    p.add_argument("--recipe", help="borrow a registered model's recipe (e.g. for your own model, which has none)")
    p.add_argument("--epochs", type=_positive_int, help="default from the model's recipe, else 15")
    p.add_argument("--batch-size", type=_positive_int, help="default from the model's recipe, else 128")
    p.add_argument("--optimizer", choices=["sgd", "adam", "adamw"])
    p.add_argument("--lr", type=float, help="(peak) learning rate; default from the model's recipe")
    p.add_argument("--scheduler", choices=["onecycle", "step", "plateau", "none"])
    p.add_argument("--weight-decay", type=float, default=0.0)
    p.add_argument("--label-smoothing", type=float)
    p.add_argument("--ema", type=float, help="EMA decay of evaluated weights (0 = off)")
    p.add_argument("--bn-recompute", type=int, metavar="N",
                   help="before each evaluation, recompute batch-norm statistics on N un-augmented train images (0 = off)")
    p.add_argument("--augment-degrees", type=float, help="max rotation of the random affine warp")
    p.add_argument("--augment-translate", type=float, help="max shift as a fraction of the image")
    p.add_argument("--augment-scale", type=_scale_range, help="random zoom range LOW,HIGH, e.g. 0.9,1.1")
    p.add_argument("--augment-elastic", type=float, metavar="PIXELS",
                   help="elastic distortion: max displacement of a smooth random field (e.g. 2)")
    p.add_argument("--augment-stroke", type=float, metavar="P", help="chance per image of thicker or thinner strokes")
    p.add_argument("--augment-blur", type=float, metavar="SIGMA", help="Gaussian blur, sigma drawn per image in [0, SIGMA]")
    p.add_argument("--augment-noise", type=float, metavar="STD", help="pixel noise, std drawn per image in [0, STD]")
    p.add_argument("--size-schedule", metavar="SIZE:EPOCHS,...",
                   help="progressive resolution: e.g. 20:4,24:4 trains 4 epochs at 20x20, 4 at 24x24, the rest at 28x28")
    p.add_argument("--batch-schedule", metavar="BATCH:EPOCHS,...",
                   help="large batches first: e.g. 256:3 (learning rate scaled with the batch), then the recipe's batch")
    p.add_argument("--precision", choices=PRECISIONS,
                   help="training arithmetic; auto = bf16 where the hardware has it (default from the recipe)")
    p.add_argument("--val-split", type=int, default=0, help="hold out N training images as a validation set")
    p.add_argument("--train-limit", type=_positive_int, help="train on the first N training images only (quick looks)")
    p.add_argument("--threads", type=_positive_int, help="CPU threads (default: all cores)")
    p.add_argument("--device", help="cpu, cuda, cuda:1 ... (default: CUDA when available)")
    p.add_argument("--out", default="runs", help="parent folder of run folders")
    _mlflow(p)
    _data_dir(p)


def _mlflow(p: argparse.ArgumentParser) -> None:
    p.add_argument("--mlflow", metavar="URI", help="also log to this MLflow tracking server or URI "
                   "(pip install 'tinydigits[mlflow]'); a check or search is the parent run")


def _command_line() -> str:
    """The command as typed, for the pages that say how they were made (check.md, robustness.md)."""
    return shlex.join(["tinydigits", *sys.argv[1:]])


def config_from_args(args: argparse.Namespace, **overrides):
    from tinydigits.training.train import TrainConfig

    cfg = TrainConfig(
        model=args.model, recipe=args.recipe, epochs=args.epochs, seed=getattr(args, "seed", 0), batch_size=args.batch_size,
        optimizer=args.optimizer, lr=args.lr, scheduler=args.scheduler, weight_decay=args.weight_decay,
        label_smoothing=args.label_smoothing, ema=args.ema, bn_recompute=args.bn_recompute, augment_degrees=args.augment_degrees,
        augment_translate=args.augment_translate, augment_scale=args.augment_scale, augment_elastic=args.augment_elastic,
        augment_stroke=args.augment_stroke, augment_blur=args.augment_blur, augment_noise=args.augment_noise,
        val_split=args.val_split,
        data_dir=args.data_dir, train_limit=args.train_limit, out=args.out, threads=args.threads, device=args.device,
        precision=args.precision, size_schedule=args.size_schedule, batch_schedule=args.batch_schedule, mlflow=args.mlflow,
    )
    for key, value in overrides.items():
        setattr(cfg, key, value)
    return cfg


@command("train")
def cmd_train(args: argparse.Namespace) -> int:
    from tinydigits.results.report import write_artifacts
    from tinydigits.training.train import train

    result = train(config_from_args(args), quiet=args.quiet)
    write_artifacts(result.run_dir, result.model, result.test)
    last = result.metrics["epochs"][-1]
    print(f"final test accuracy {last['test_acc']:.2f}%  ({result.metrics['params']} parameters)")
    print(result.run_dir)
    return 0


def _seed_list(text: str) -> list[int]:
    try:
        seeds = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError("expected comma-separated integers, e.g. 0,1,2") from None
    if not seeds or len(set(seeds)) != len(seeds):
        raise argparse.ArgumentTypeError("expected distinct seeds, e.g. 0,1,2")
    return seeds


@command("check")
def cmd_check(args: argparse.Namespace) -> int:
    from tinydigits.results.budget import Budget
    from tinydigits.verdict.seeds import check

    budget = Budget(args.max_params, args.max_epochs, args.last, args.min_acc)
    result = check(config_from_args(args).resolved(), args.seeds, args.jobs, budget, command=_command_line(), stack=args.stack)
    print(f"wall time {result['wall_seconds']:.0f}s")
    if args.json:
        from tinydigits.training.runs import write_json

        write_json(Path(args.json), result)
    return 0 if result["pass"] else 1


@command("summary")
def cmd_summary(args: argparse.Namespace) -> int:
    import json

    from tinydigits import models
    from tinydigits.models import summary

    rows = summary.summarize(models.create(args.model))
    if args.json:
        print(json.dumps(summary.as_dict(args.model, rows), indent=2))
    else:
        print(f"{args.model}")
        print(summary.format_table(rows))
    return 0


@command("eval")
def cmd_eval(args: argparse.Namespace) -> int:
    from tinydigits.data import mnist
    from tinydigits.results import report
    from tinydigits.training import runs
    from tinydigits.training.device import pick_device

    run_dir = Path(args.run_dir)
    if not run_dir.is_dir():
        raise TinyDigitsError(f"{run_dir}: not a run folder")
    device = pick_device(args.device)
    model, _ = runs.load_model(run_dir, device)
    test = mnist.load_split("test", args.data_dir, device)
    p = report.write_artifacts(run_dir, model, test)
    print(f"test accuracy {p.accuracy:.2f}% ({int((p.preds != p.labels).sum())} of {len(p.labels)} wrong)")
    print(run_dir / "report.md")
    return 0


@command("report")
def cmd_report(args: argparse.Namespace) -> int:
    from tinydigits.results import report
    from tinydigits.training import runs

    text = report.compare([Path(r) for r in args.run_dirs])
    if args.out:
        runs.write_text(Path(args.out), text)
        print(args.out)
    else:
        print(text, end="")
    return 0


@command("predict")
def cmd_predict(args: argparse.Namespace) -> int:
    from tinydigits.use import predict

    return predict.run(args.model, args.images, args.backend, args.invert, args.top, args.json, args.save_preprocessed)


@command("robustness")
def cmd_robustness(args: argparse.Namespace) -> int:
    from tinydigits.measure import robustness

    result = robustness.run(args.model, args.backend, args.out, args.seed, args.limit, args.json, args.data_dir,
                            _command_line())
    print(robustness.format_table(result))
    return 0


@command("export")
def cmd_export(args: argparse.Namespace) -> int:
    from tinydigits.use import export

    result = export.export(args.model, args.onnx, args.data_dir, args.int8, args.int8_format)
    fp32 = result.fp32 if args.int8 else result
    print(f"ONNX Runtime (fp32) vs PyTorch on {fp32.images:,} test images: same argmax on "
          f"{fp32.same_argmax:,}/{fp32.images:,}, max |logit difference| {fp32.max_abs_logit_diff:.2e}")
    print(f"fp32 ONNX test accuracy {fp32.onnx_accuracy:.2f}% (PyTorch {fp32.torch_accuracy:.2f}%)")
    if not args.int8:
        print(f"wrote {args.onnx} (opset {export.OPSET}, dynamic batch axis)")
        return 0 if fp32.same_argmax == fp32.images else 1
    moved = result.accuracy - fp32.onnx_accuracy
    print(f"int8 ({result.quant_format}, per-channel weights, {export.CALIBRATION_IMAGES:,} training images to calibrate): "
          f"test accuracy {result.accuracy:.2f}% ({moved:+.2f} points), same digit as fp32 on "
          f"{result.same_as_fp32:,}/{result.images:,}")
    print(f"file {result.int8_bytes / 1024:.1f} KB (fp32 {result.fp32_bytes / 1024:.1f} KB); batch-1 latency in ONNX "
          f"Runtime, median of 500: {result.int8_ms:.3f} ms (fp32 {result.fp32_ms:.3f} ms)")
    holds = result.accuracy >= args.min_acc
    print(f"budget after quantization: {result.accuracy:.2f}% {'>=' if holds else '<'} {args.min_acc} "
          f"{'PASS' if holds else 'FAIL'}")
    print(f"wrote {args.onnx} (int8, opset {export.OPSET}, dynamic batch axis)")
    return 0 if holds else 1


@command("bench")
def cmd_bench(args: argparse.Namespace) -> int:
    from tinydigits.measure import bench
    from tinydigits.training.runs import write_json

    if args.serve:
        from tinydigits.measure import loadtest

        result = loadtest.bench_serve(args.checkpoint, args.requests, args.workers)
        print(loadtest.format_serve(result))
        if args.json:
            write_json(Path(args.json), result)
        return 0
    if args.vs_notebook:
        from tinydigits.measure import versus

        train_args = ["--model", args.model] if args.model else []
        result = versus.vs_notebook(args.data_dir, train_args=train_args)
        print(versus.format_vs(result))
        if args.json:
            write_json(Path(args.json), result)
        return 0
    result = bench.run(args.model or DEFAULT_MODEL, args.epochs, args.data_dir, args.precision, args.threads, args.profile)
    print(bench.format_table(result))
    if args.json:
        write_json(Path(args.json), result)
    return 0


@command("search")
def cmd_search(args: argparse.Namespace) -> int:
    from tinydigits import search

    cfg = search.SearchConfig(
        study=args.study, storage=args.storage, trials=args.trials, timeout=args.timeout, epochs=args.epochs,
        seeds_per_trial=args.seeds_per_trial, jobs=args.jobs, max_params=args.max_params, max_macs=args.max_macs,
        objective=args.objective, max_seconds=args.max_seconds, min_acc=args.min_acc, last=args.last, promote=args.promote,
        prune_after=args.prune_after or None, sampler_seed=args.sampler_seed, train_limit=args.train_limit,
        data_dir=args.data_dir, out=args.out, threads=args.threads, mlflow=args.mlflow,
        start_from=[n for n in (args.start_from or "").split(",") if n],
    )
    if args.dashboard:
        search.dashboard(cfg, args.host, args.port)
        return 0
    if args.save_trials:
        count = search.save_trials(search.open_study(cfg, create=False), Path(args.save_trials))
        print(f"wrote {count} finished trials of {cfg.study!r} to {args.save_trials} (tinydigits search --load-trials)")
        return 0
    if args.load_trials:
        added = search.load_trials(search.open_study(cfg), args.load_trials)
        print(f"added {added} trials from {args.load_trials} to {cfg.study!r}")
    if args.export is not None or args.table:
        study = search.open_study(cfg, create=False)
        if args.export is not None:
            path = search.export(study, args.export, args.name or f"trial{args.export}", cfg.out_dir())
            print(f"wrote {path}  (tinydigits check --model {path})")
            return 0
        search.write_outputs(study, cfg)
        print(search.pareto_table(study, cfg))
        return 0
    study = search.run(cfg)
    print(search.pareto_table(study, cfg))
    return 0


@command("serve")
def cmd_serve(args: argparse.Namespace) -> int:
    from tinydigits.use import serve

    model = args.model
    if model is None:
        from tinydigits.training.runs import most_robust

        model, why = most_robust(args.runs)
        print(why, file=sys.stderr)
    serve.serve(str(model), args.host, args.port, args.workers)
    return 0


@command("models")
def cmd_models(args: argparse.Namespace) -> int:
    import json

    from tinydigits.models import catalog

    rows = catalog.rows([args.model] if args.model else None)
    print(json.dumps(rows, indent=2) if args.json else catalog.format_table(rows))
    return 0


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line (the full usage stays one --help away)."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="tinydigits", description="Train, check and explain tiny MNIST convnets.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("train", help="train one model; writes a run folder")
    add_train_args(p)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--quiet", action="store_true", help="only the per-epoch summary lines")

    p = sub.add_parser("check", help="train on several seeds and judge the budget on every one")
    add_train_args(p)
    p.add_argument("--seeds", type=_seed_list, default=[0, 1, 2, 3, 4])
    p.add_argument("--last", type=_positive_int, default=3, help="epochs at the end that must all reach --min-acc")
    p.add_argument("--min-acc", type=float, default=99.4)
    p.add_argument("--max-params", type=int, default=8000, help="parameters must be fewer than this")
    p.add_argument("--max-epochs", type=int, default=15)
    p.add_argument("--jobs", type=_positive_int, default=1, help="seeds trained in parallel (cores are split)")
    p.add_argument("--stack", action=argparse.BooleanOptionalAction, default=None,
                   help="train all seeds as one stacked network in one process (default: on CUDA yes, on a CPU no)")
    p.add_argument("--json", help="write the verdict as JSON here")

    p = sub.add_parser("summary", help="layer table: shapes, params, MACs, receptive field")
    p.add_argument("--model", default=DEFAULT_MODEL, help=MODEL_HELP)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("eval", help="re-evaluate a run's model; (re)write its pictures, tables and report.md")
    p.add_argument("run_dir")
    p.add_argument("--device")
    _data_dir(p)

    p = sub.add_parser("report", help="compare several runs side by side (markdown)")
    p.add_argument("run_dirs", nargs="+", metavar="RUN_DIR")
    p.add_argument("--out", help="write the markdown here instead of printing it")

    p = sub.add_parser("predict", help="classify image files (any size/format) with a trained model")
    p.add_argument("model", help="run folder, model.pt, or (with --backend onnx) an .onnx file")
    p.add_argument("images", nargs="+", metavar="IMAGE")
    p.add_argument("--backend", choices=["torch", "onnx"], default="torch")
    p.add_argument("--invert", action=argparse.BooleanOptionalAction, default=None,
                   help="force (or forbid) inverting dark-on-light images (default: decided per image)")
    p.add_argument("--top", type=_positive_int, default=1, help="also print the runners-up")
    p.add_argument("--json", action="store_true")
    p.add_argument("--save-preprocessed", metavar="DIR", help="write the 28x28 images the model saw")

    p = sub.add_parser("robustness", help="accuracy under shifts that keep the class: MNIST-C's and users' images")
    p.add_argument("model", help="run folder, model.pt, or (with --backend onnx) an .onnx file")
    p.add_argument("--backend", choices=["torch", "onnx"], default="torch")
    p.add_argument("--seed", type=int, default=0, help="seed of the shifts (the same seed, the same images)")
    p.add_argument("--limit", type=_positive_int, help="the first N test images only (default: all 10,000)")
    p.add_argument("--out", help="folder for robustness.md and robustness.png (default: the run folder)")
    p.add_argument("--json", help="write the table as JSON here")
    _data_dir(p)

    p = sub.add_parser("export", help="export to ONNX (fp32 or int8) and verify it with ONNX Runtime on the test set")
    p.add_argument("model", help="run folder or model.pt")
    p.add_argument("--onnx", required=True, metavar="FILE")
    p.add_argument("--int8", action="store_true", help="static int8 quantization (ONNX Runtime), calibrated on training images")
    p.add_argument("--int8-format", choices=["qdq", "qoperator"], default="qoperator",
                   help="ONNX Runtime's int8 graph: QLinearConv ops (smaller file) or quantize/dequantize pairs")
    p.add_argument("--min-acc", type=float, default=99.4, help="the budget the int8 model must still hold")
    _data_dir(p)

    p = sub.add_parser("bench", help="measure training and inference speed on this machine")
    p.add_argument("--model", help=f"{MODEL_HELP} (default {DEFAULT_MODEL})")
    p.add_argument("--vs-notebook", action="store_true",
                   help="whole `tinydigits train` run vs the course notebook's whole run, timed in turns")
    p.add_argument("--serve", action="store_true",
                   help="load-test `tinydigits serve` on loopback (request mix, 16 and 64 concurrent)")
    p.add_argument("--checkpoint", help="with --serve: run folder or model.pt to serve (default: fresh weights)")
    p.add_argument("--requests", type=_positive_int, default=1000, help="with --serve: requests per round")
    p.add_argument("--workers", type=_positive_int, default=1, help="with --serve: server worker processes")
    p.add_argument("--epochs", type=_positive_int, default=1, help="epochs to time for each way of training (in turns)")
    p.add_argument("--threads", type=_positive_int, help="CPU threads (default: all cores)")
    p.add_argument("--profile", action="store_true", help="also show where a training step's time goes (torch.profiler)")
    p.add_argument("--precision", choices=PRECISIONS, help="override the recipe's training arithmetic")
    p.add_argument("--json", help="write the figures as JSON here")
    _data_dir(p)

    p = sub.add_parser("search", help="architecture + recipe search (Optuna): margin vs cost, on one machine or many")
    p.add_argument("--study", default="tinydigits", help="study name; the same name and --storage on N machines share the work")
    p.add_argument("--storage", default="sqlite:///search.db", help="SQLAlchemy URL, e.g. postgresql://user@host/db")
    p.add_argument("--trials", type=_positive_int, default=20, help="trials the study should hold in all (a rerun continues)")
    p.add_argument("--timeout", type=float, help="stop starting trials after this many seconds")
    p.add_argument("--epochs", type=_positive_int, default=15, help="epoch budget: trials choose up to this many")
    p.add_argument("--seeds-per-trial", type=_positive_int, default=2)
    p.add_argument("--jobs", type=_positive_int, default=1, help="local worker processes (cores are split)")
    p.add_argument("--max-params", type=int, default=8000, help="specs must have fewer parameters (checked before training)")
    p.add_argument("--max-macs", type=int, help="specs may have at most this many MACs per image")
    p.add_argument("--objective", choices=["seconds", "macs", "risk"], default="seconds",
                   help="margin vs measured training seconds per run, or vs MACs (machine-independent); risk: the "
                        "seeds' lower figure mean - 2.33 sd of min(last N) vs seconds, with --max-seconds as a limit")
    p.add_argument("--max-seconds", type=float, help="a run's training seconds at most (e.g. 1.2x model3's); more is infeasible")
    p.add_argument("--min-acc", type=float, default=99.4)
    p.add_argument("--last", type=_positive_int, default=3)
    p.add_argument("--promote", type=float, help="first-seed margin that earns the other seeds (default --min-acc)")
    p.add_argument("--prune-after", type=int, default=5, help="epochs before the median rule may stop a trial (0: never)")
    p.add_argument("--sampler-seed", type=int, help="seed of the TPE sampler (default: random per worker)")
    p.add_argument("--train-limit", type=_positive_int, help="train on the first N images only (quick looks, tests)")
    p.add_argument("--threads", type=_positive_int, help="CPU threads per worker")
    p.add_argument("--out", help="table, pareto.png and exported specs (default search/<study>/)")
    p.add_argument("--export", metavar="TRIAL", help="write trial TRIAL's spec (a number or 'best') as JSON, then exit")
    p.add_argument("--name", help="name of the exported spec (with --export)")
    p.add_argument("--table", action="store_true", help="only (re)write and print the Pareto table and picture")
    p.add_argument("--save-trials", metavar="FILE", help="write the study's finished trials as JSON, then exit")
    p.add_argument("--load-trials", metavar="FILE",
                   help="first add the trials of a --save-trials file (a study carried from another machine or session)")
    p.add_argument("--start-from", metavar="NAME,...",
                   help="queue registered nets (robust, model3, fast) with their recipes as the first trials (TPE starts near)")
    p.add_argument("--dashboard", action="store_true", help="serve the study in optuna-dashboard instead of searching")
    p.add_argument("--host", default="127.0.0.1", help="with --dashboard: bind address (default: this machine only)")
    p.add_argument("--port", type=int, default=8080, help="with --dashboard: port")
    _mlflow(p)
    _data_dir(p)

    p = sub.add_parser("serve", help="draw-a-digit web page and JSON API")
    p.add_argument("model", nargs="?", help="run folder or model.pt (default: the most robust run under --runs: "
                   "best measured by `tinydigits robustness`, else the newest of the robust tier, else the newest)")
    p.add_argument("--runs", default="runs", help="where to look for that run (default: runs)")
    p.add_argument("--host", default="127.0.0.1", help="bind address (default: this machine only)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=_positive_int, default=1,
                   help="uvicorn worker processes (each decodes and predicts on its own core; see README)")

    p = sub.add_parser("models", help="list registered models (or describe one --model reference)")
    p.add_argument("--model", help=MODEL_HELP)
    p.add_argument("--json", action="store_true", help="every field at full precision, for machines")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except TinyDigitsError as err:
        print(f"tinydigits: error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt as err:
        print(f"tinydigits: {err or 'interrupted'}", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
