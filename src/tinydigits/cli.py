"""`tinydigits` command line: one subcommand per job; errors become one line and a non-zero exit."""

from __future__ import annotations

import argparse
import atexit
import contextlib
import os
import shlex
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from tinydigits import files, settings
from tinydigits.constants import DEFAULT_MODEL, ROLES, Budget
from tinydigits.errors import TinyDigitsError
from tinydigits.search.config import SearchConfig
from tinydigits.settings import DATA_DIR_HELP, MODEL_HELP, positive_int, seed_list
from tinydigits.training.config import TrainConfig

COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]] = {}


def command(name: str, help: str, arguments: Callable[[argparse.ArgumentParser], None]):
    """Register a subcommand: its one-line help, the function that adds its flags, and (decorated) its handler."""

    def wrap(fn):
        COMMANDS[name] = (help, arguments, fn)
        return fn

    return wrap


def _data_dir(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data-dir", help=DATA_DIR_HELP)


def _command_line() -> str:
    """The command as typed, for the pages that say how they were made (check.md, robustness.md)."""
    return shlex.join(["tinydigits", *sys.argv[1:]])


def config_from_args(args: argparse.Namespace, **overrides):
    """The run's `TrainConfig` from `train`'s or `check`'s flags (which `settings.add_arguments` made from its fields)."""
    return settings.from_args(TrainConfig, args, **overrides)


RECIPE_NOTE = ("A setting left unset trains as the model's recipe says (`tinydigits models --model NAME` shows it; a "
               "model of your own has none), else as its default below says.")


def _train_arguments(p: argparse.ArgumentParser) -> None:
    p.description = RECIPE_NOTE
    settings.add_arguments(p, TrainConfig)
    p.add_argument("--quiet", action="store_true", help="only the per-epoch summary lines")


@command("train", "train one model; writes a run folder", _train_arguments)
def cmd_train(args: argparse.Namespace) -> int:
    from tinydigits.training import clock

    clock.load_torch()  # first, so its seconds are torch's own: `timing.torch_s` in metrics.json
    from tinydigits.lifecycle import make
    from tinydigits.lifecycle.run import train_run, verdict
    from tinydigits.results.budget import reason

    clock.imported()

    plan = make(config_from_args(args), one_run=True)
    if plan.unpinned:  # not in a fresh process; said in one line all the same
        raise TinyDigitsError(f"a portable seed cannot train here: {plan.unpinned}")
    for line in plan.notes:
        print(f"tinydigits: note: {line}", file=sys.stderr)
    for line in plan.breaches():  # said before the minutes it costs, not only after
        print(f"tinydigits: note: over the budget: {line}; this run trains, and its budget verdict will be FAIL",
              file=sys.stderr)
    result = train_run(plan.config, plan.budget, plan.source, quiet=args.quiet, beside=True,
                       warn=lambda line: print(f"tinydigits: {line}", file=sys.stderr))
    test, judged, b = result.run.test(), verdict(result), plan.budget
    print(f"final test accuracy {test[-1]:.2f}%  ({judged.params:,} parameters)")
    print(f"budget (this run): {'PASS' if judged.passed else 'FAIL'} - {reason(judged, b, test)} "
          f"(the budget: >= {b.min_acc} % in each of the last {b.last} epochs, < {b.max_params:,} parameters, "
          f"<= {b.max_epochs} epochs)")
    print(result.run_dir)
    return 0


CLUSTER_HELP = ("run the seeds on a Dask cluster: its scheduler's address (tcp://host:8786, tls://...) or scheduler "
                "file (default: $DASK_SCHEDULER_ADDRESS, else --jobs processes here); docs/many-machines.md")


LEDGER_HELP = ("the seed ledger (default: $TINYDIGITS_LEDGER, else the project's docs/seeds.csv, which an installed "
               "package carries)")
ROLE_HELP = "chose: the seeds helped pick the model (they flatter it); judged: they only judged it (default)"


def _writable(args: argparse.Namespace, *flags: str) -> None:
    """Output files named by flags: a missing or unwritable folder is one line before the work, not after it."""
    for flag in flags:
        if getattr(args, flag, None):
            files.ensure_writable(getattr(args, flag), f"--{flag} file")


def _check_arguments(p: argparse.ArgumentParser) -> None:
    p.description = RECIPE_NOTE
    settings.add_arguments(p, TrainConfig, skip={"seed"})
    p.add_argument("--seeds", type=seed_list, default=[0, 1, 2, 3, 4],
                   help="seeds to judge: a list and ranges, e.g. 0-29 or 0-9,20,25-29 (default 0-4)")
    settings.add_arguments(p, Budget)
    p.add_argument("--jobs", type=positive_int, default=1,
                   help="seeds trained in parallel on this machine, as Dask worker processes (cores are split; "
                        "default 1: one seed at a time)")
    p.add_argument("--cluster", help=CLUSTER_HELP)
    p.add_argument("--wait-workers", type=float, default=60.0, metavar="SECONDS",
                   help="on a cluster, how long to wait for a worker that can take the seeds (default 60)")
    p.add_argument("--resume", metavar="CHECK_FOLDER",
                   help="go on with an interrupted or INCOMPLETE check: train only its seeds without a complete run "
                        "folder (its plan.json gives the model, seeds and budget; a flag that contradicts it is refused)")
    p.add_argument("--stack", action=argparse.BooleanOptionalAction, default=None,
                   help="train all seeds as one stacked network in one process (default: on CUDA yes, on a CPU no)")
    p.add_argument("--json", help="write the verdict as JSON here")
    p.add_argument("--ledger", metavar="CSV", help="then add its seeds to this seed ledger (e.g. docs/seeds.csv); a "
                   "seed the ledger holds for the same model code and arithmetic is refused")
    p.add_argument("--role", choices=ROLES, default="judged", help=ROLE_HELP)
    p.add_argument("--quiet", action="store_true", help="no line per seed per epoch: only the seeds as they finish")


@command("check", "train on several seeds and judge the budget on every one", _check_arguments)
def cmd_check(args: argparse.Namespace) -> int:
    from tinydigits.lifecycle import cluster_address, make
    from tinydigits.verdict.seeds import check, resume

    budget = settings.from_args(Budget, args)
    _needs("scipy")  # the odds: before the first seed trains, not after the last
    if args.jobs > 1 or cluster_address(args.cluster):
        _needs("distributed")
    if args.json:
        from tinydigits.files import ensure_writable

        ensure_writable(args.json, "--json verdict")  # before the first seed trains, not after the last
    if args.ledger:
        from tinydigits.results import ledger

        ledger.read(args.ledger)  # a file that is not a ledger: one line now, not after the last seed
    if args.resume:
        _refuse_contradictions(args)
        result = resume(args.resume, args.jobs, cluster=args.cluster, wait=args.wait_workers, quiet=args.quiet,
                        machine=vars(args))
    else:
        plan = make(config_from_args(args), budget, jobs=args.jobs, stack=args.stack, cluster=args.cluster)
        result = check(plan, args.seeds, command=_command_line(), wait=args.wait_workers, quiet=args.quiet)
    print(f"wall time {result.wall_seconds or 0:.0f}s")
    if args.json:
        from tinydigits.files import write_json

        write_json(Path(args.json), {**result.to_json(), "folder": str(result.folder)})  # check.json, and where it is
    if args.ledger:
        _add_to_ledger(str(result.folder), args.role, Path(args.ledger))
    return 3 if result.passed is None else 0 if result.passed else 1  # 3: INCOMPLETE, seeds not run


def _refuse_contradictions(args: argparse.Namespace) -> None:
    """`--resume` with a flag that contradicts the plan (other seeds, another budget or setting): one line, not
    silently the plan's (`verdict.seeds.refuse_contradictions`, the API's rule too: it compares the plan's settings,
    budget and seeds, so the flags that say how and where the check goes on - jobs, cluster, json - never contradict,
    nor do the machine-role settings, which the resuming machine lends)."""
    from tinydigits.verdict.seeds import refuse_contradictions

    defaults = vars(build_parser().parse_args(["check"]))
    refuse_contradictions(args.resume, {key: value for key, value in vars(args).items() if value != defaults.get(key)})


def _summary_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", default=DEFAULT_MODEL, help=MODEL_HELP)
    p.add_argument("--json", action="store_true")
    p.add_argument("--markdown", action="store_true", help="the table as Markdown (for a write-up)")


@command("summary", "layer table: shapes, params, MACs, receptive field; torchsummary's totals", _summary_arguments)
def cmd_summary(args: argparse.Namespace) -> int:
    import json

    from tinydigits import models
    from tinydigits.constants import BUDGET
    from tinydigits.models import summary
    from tinydigits.results.budget import breaches

    net = models.create(args.model)
    rows = summary.summarize(net)
    totals = summary.size_totals(net, rows)
    for line in breaches(totals["trainable_params"], 0, BUDGET):
        print(f"tinydigits: note: over the budget: {line}", file=sys.stderr)
    if args.json:
        print(json.dumps({**summary.as_dict(args.model, rows), "sizes": totals}, indent=2))
    else:
        print(f"{args.model}")
        print(summary.format_table(rows, markdown=args.markdown))
        print("\n" + summary.format_totals(totals))
    return 0


def _eval_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("run_dir")
    settings.add_arguments(p, TrainConfig, only={"device", "data_dir"})


@command("eval", "re-evaluate a run's model; (re)write its pictures, tables and report.md", _eval_arguments)
def cmd_eval(args: argparse.Namespace) -> int:
    from tinydigits.data import mnist
    from tinydigits.results import report
    from tinydigits.results.records import Run
    from tinydigits.training import loggers, runs
    from tinydigits.training.bookkeeping import DIGITS_SHOWN
    from tinydigits.training.device import pick_device

    run_dir = Path(args.run_dir)
    run = Run.load(run_dir)  # one line for a path that is not a run folder, before any work
    device = pick_device(args.device)
    model, _ = runs.load_model(run_dir, device)
    test = mnist.load_split("test", args.data_dir, device)
    digits = mnist.load_split("train", args.data_dir or run.settings.data_dir, "cpu", quiet=True).images[:DIGITS_SHOWN]
    made = report.write_artifacts(run, model, test, digits=digits)  # the pictures' digits from --data-dir too
    p = made.predictions
    tracked = loggers.reopened(run)  # its TensorBoard file and MLflow run get the new results
    tracked.results(made.classes, made.pictures, len(run.epochs))
    if warning := tracked.close(None, loggers.reopened_files(run_dir)):
        print(f"tinydigits: warning: {warning}", file=sys.stderr)
    print(f"test accuracy {p.accuracy:.2f}% ({int((p.preds != p.labels).sum())} of {len(p.labels)} wrong)")
    print(run_dir / "report.md")
    return 0


def _report_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("run_dirs", nargs="+", metavar="RUN_DIR",
                   help="run folders; with --steps also check folders, or a model (model.py:Model_2, model2) for the "
                        "newest run or check of it under --runs")
    p.add_argument("--out", help="write the markdown here instead of printing it; with --steps a folder to commit "
                                 "(README.md and its pictures; created if missing) or a .md file (pictures beside it)")
    p.add_argument("--steps", action="store_true",
                   help="the runs as an exercise's steps, in order: a table of them, one picture of all, and per step "
                        "Target (`train --target`) / Result (a few figures and the verdict) / Analysis (yours, from "
                        "--analysis, each claim checked against the records; else what the records show), with "
                        "evidence.md beside it (layer tables, epoch logs, seeds, the machine)")
    p.add_argument("--analysis", nargs="+", metavar="FILE", default=None,
                   help="with --steps: each step's Analysis in your words, a text or Markdown file a step, in the "
                        "steps' order ('-' for a step without one); every claim in it is checked against the records")
    p.add_argument("--runs", default="runs", help="with --steps: where a step named by its model is looked for "
                                                  "(default: runs)")
    p.add_argument("--notebook", metavar="FILE.ipynb", help="with --steps: the notebook a notebook's class came from, "
                                                            "copied beside the README (a kernel that names it needs "
                                                            "none; from a shell nothing names it)")


@command("report", "compare several runs side by side, or write up an exercise's steps (--steps)", _report_arguments)
def cmd_report(args: argparse.Namespace) -> int:
    from tinydigits.results import report

    if args.steps:
        from tinydigits.results import handin

        if args.notebook:
            from tinydigits.results import standalone

            standalone.notebook_file(args.notebook)  # a name that is no notebook: one line before any picture
        analyses = [None if name == "-" else files.read_text_arg(name, "--analysis") for name in args.analysis or []]
        text, readme = handin.write_up(handin.resolve(args.run_dirs, args.runs), args.out, analyses,
                                       notebook=args.notebook)
        print(readme if readme else text, end="\n" if readme else "")
        return 0
    if args.analysis:
        raise TinyDigitsError("--analysis goes with --steps (a hand-in's Analyses): add --steps")
    text = report.compare([Path(r) for r in args.run_dirs])
    if args.out:
        files.write_text(files.ensure_parent(args.out, "--out"), text)
        print(args.out)
    else:
        print(text, end="")
    return 0


def _claims_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="HAND_IN",
                   help="a hand-in: a folder the tool wrote (README.md and the stepN-* records beside it), or one made "
                        "without it (a README - .md or .txt - and notebooks with their printed logs, read, never run), "
                        "or one README or notebook; several: one table, a row a hand-in")
    p.add_argument("--json", action="store_true",
                   help="JSON: one hand-in's {tally, sentences: [{step, section, sentence, verdict, mark, claims, "
                        "unchecked}]}; several: a list, one object a hand-in")


@command("claims", "check every sentence of a hand-in's Targets, Results and Analyses against its records or its "
                   "own printed logs; several hand-ins: one table. Exit 1 when a claim is false, 2 when a hand-in "
                   "cannot be read",
         _claims_arguments)
def cmd_claims(args: argparse.Namespace) -> int:
    from tinydigits.results import claims, teacher

    checked = [teacher.check(path) for path in args.paths]
    if len(checked) == 1:
        one = checked[0]
        if one.error:  # 2, not 1: a script tells a hand-in it could not read from a false claim
            print(f"tinydigits: error: {one.path}: {one.error}", file=sys.stderr)
            return 2
        text = claims.report(one.judged, as_json=args.json)
        if not args.json and (one.budget or one.notes):
            text += "".join(f"\n{line}" for line in ([f"the budget from its own logs: {one.budget}"] * bool(one.budget)
                                                       + one.notes))
        print(text)
        return 1 if one.false else 0
    print(teacher.report(checked, as_json=args.json))
    return 1 if any(c.false for c in checked) else 2 if any(c.error for c in checked) else 0


def _predict_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("model", help="run folder, model.pt, or (with --backend onnx) an .onnx file")
    p.add_argument("images", nargs="+", metavar="IMAGE")
    p.add_argument("--backend", choices=["torch", "onnx"], default="torch")
    p.add_argument("--invert", action=argparse.BooleanOptionalAction, default=None,
                   help="force (or forbid) inverting dark-on-light images (default: decided per image)")
    p.add_argument("--top", type=positive_int, default=1, help="also print the runners-up")
    p.add_argument("--json", action="store_true")
    p.add_argument("--save-preprocessed", metavar="DIR", help="write the 28x28 images the model saw")


@command("predict", "classify image files (any size/format) with a trained model", _predict_arguments)
def cmd_predict(args: argparse.Namespace) -> int:
    from tinydigits.use import predict

    return predict.run(args.model, args.images, backend=args.backend, invert=args.invert, top=args.top,
                       as_json=args.json, save_dir=args.save_preprocessed)


def _robustness_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("model", help="run folder, model.pt, or (with --backend onnx) an .onnx file")
    p.add_argument("--backend", choices=["torch", "onnx"], default="torch")
    p.add_argument("--seed", type=int, default=0, help="seed of the shifts (the same seed, the same images)")
    p.add_argument("--limit", type=positive_int, help="the first N test images only (default: all 10,000)")
    p.add_argument("--out", help="folder for robustness.md and robustness.png (default: the run folder)")
    p.add_argument("--json", help="write the table as JSON here")
    _data_dir(p)


@command("robustness", "accuracy under shifts that keep the class: MNIST-C's and users' images", _robustness_arguments)
def cmd_robustness(args: argparse.Namespace) -> int:
    from tinydigits.measure import robustness

    _writable(args, "json")
    result = robustness.run(args.model, backend=args.backend, out=args.out, seed=args.seed, limit=args.limit,
                            json_path=args.json, data_dir=args.data_dir, command=_command_line())
    print(robustness.format_table(result))
    return 0


def _export_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("model", help="run folder or model.pt")
    p.add_argument("--onnx", required=True, metavar="FILE")
    p.add_argument("--int8", action="store_true", help="static int8 quantization (ONNX Runtime), calibrated on training images")
    p.add_argument("--int8-format", choices=["qdq", "qoperator"], default="qoperator",
                   help="ONNX Runtime's int8 graph: QLinearConv ops (smaller file) or quantize/dequantize pairs")
    settings.add_arguments(p, Budget, only={"min_acc"}, helps={"min_acc": "the accuracy the int8 model must still hold"})
    _data_dir(p)


@command("export", "export to ONNX (fp32 or int8) and verify it with ONNX Runtime on the test set", _export_arguments)
def cmd_export(args: argparse.Namespace) -> int:
    from tinydigits.use import export

    result = export.export(args.model, args.onnx, data_dir=args.data_dir, int8=args.int8, quant_format=args.int8_format)
    fp32 = result.fp32 if args.int8 else result
    print(f"ONNX Runtime (fp32) vs PyTorch on {fp32.images:,} test images: same argmax on "
          f"{fp32.same_argmax:,}/{fp32.images:,}, max |logit difference| {fp32.max_abs_logit_diff:.2e}")
    print(f"fp32 ONNX test accuracy {fp32.onnx_accuracy:.2f}% (PyTorch {fp32.torch_accuracy:.2f}%)")
    if not args.int8:
        print(f"wrote {args.onnx} (opset {export.OPSET}, dynamic batch axis)")
        return 0 if fp32.same_argmax == fp32.images else 1
    moved = result.accuracy - fp32.onnx_accuracy
    print(f"int8 ({result.quant_format}, per-channel 7-bit weights, {export.CALIBRATION_IMAGES:,} training images to "
          f"calibrate): test accuracy {result.accuracy:.2f}% ({moved:+.2f} points), same digit as fp32 on "
          f"{result.same_as_fp32:,}/{result.images:,}")
    exact = "exact" if result.exact_without_vnni else "SATURATES"
    print(f"verified on this CPU: {result.cpu}; largest |weight| {result.largest_weight}, so CPUs without VNNI "
          f"are {exact} (2 x 255 x {result.largest_weight} {'<=' if result.exact_without_vnni else '>'} 32767)")
    print(f"file {result.int8_bytes / 1024:.1f} KB (fp32 {result.fp32_bytes / 1024:.1f} KB); batch-1 latency in ONNX "
          f"Runtime, median of 500: {result.int8_ms:.3f} ms (fp32 {result.fp32_ms:.3f} ms)")
    holds = result.accuracy >= args.min_acc
    print(f"budget after quantization: {result.accuracy:.2f}% {'>=' if holds else '<'} {args.min_acc} "
          f"{'PASS' if holds else 'FAIL'}")
    print(f"wrote {args.onnx} (int8, opset {export.OPSET}, dynamic batch axis)")
    return 0 if holds else 1


def _bench_arguments(p: argparse.ArgumentParser) -> None:
    settings.add_arguments(p, TrainConfig, only={"model", "epochs", "precision", "threads", "data_dir", "portable"},
                           defaults={"epochs": 1, "precision": None},
                           helps={"epochs": "epochs to time for each way of training (in turns)",
                                  "precision": "override the recipe's training arithmetic"})
    p.add_argument("--vs-notebook", action="store_true",
                   help="whole `tinydigits train` run vs the course notebook's whole run, timed in turns")
    p.add_argument("--serve", action="store_true",
                   help="load-test `tinydigits serve` on loopback (request mix, 16 and 64 concurrent)")
    p.add_argument("--checkpoint", help="with --serve: run folder or model.pt to serve (default: fresh weights)")
    p.add_argument("--requests", type=positive_int, default=1000, help="with --serve: requests per round")
    p.add_argument("--workers", type=positive_int, default=1, help="with --serve: server worker processes")
    p.add_argument("--profile", action="store_true",
                   help="also show where a pipeline step's time goes: augmentation, step, EMA and the top operators "
                        "(torch.profiler)")
    p.add_argument("--vs", action="append", metavar="MODEL",
                   help="also time MODEL's pipeline step (its own recipe) in the same turns, and how many times "
                        "cheaper it is than --model's (repeatable; any --model reference)")
    p.add_argument("--host-draws", action="store_true",
                   help="a GPU run's host work a step (each seed's order and augmentation draws) for 1 and 30 seeds, "
                        "and how long the launching thread waits for it, in line and drawn ahead")
    p.add_argument("--json", help="write the figures as JSON here")
    p.add_argument("--record", metavar="CSV", help="also append the figures, with the date, commit, CPU and command, "
                                                   "to this table (docs/speed.csv: what docs/speed.md quotes)")


@command("bench", "measure training and inference speed on this machine", _bench_arguments)
def cmd_bench(args: argparse.Namespace) -> int:
    from tinydigits.files import write_json
    from tinydigits.measure import bench

    _writable(args, "json", "record")
    if args.serve:
        from tinydigits.measure import loadtest

        result = loadtest.bench_serve(args.checkpoint, args.requests, args.workers)
        print(loadtest.format_serve(result))
        if args.json:
            write_json(Path(args.json), result)
        return 0
    if args.host_draws:
        rows = bench.host_draws(model=args.model)
        print(bench.format_host_draws(rows))
        if args.json:
            write_json(Path(args.json), rows)
        return 0
    if args.vs_notebook:
        from tinydigits.measure import versus

        portable = [] if args.portable is not False else ["--no-portable"]
        train_args = ["--model", args.model, *portable]
        result = versus.vs_notebook(args.data_dir, train_args=train_args)
        print(versus.format_vs(result))
        if args.json:
            write_json(Path(args.json), result)
        return 0
    result = bench.run(args.model, epochs=args.epochs, data_dir=args.data_dir, precision=args.precision,
                       threads=args.threads, profile=args.profile, vs=args.vs, portable=args.portable)
    print(bench.format_table(result))
    if args.json:
        write_json(Path(args.json), result)
    if args.record:
        from tinydigits.measure import speed_log
        from tinydigits.training.runs import environment

        speed_log.append(Path(args.record), speed_log.row_of(result, environment()["git_commit"]))
        print(f"recorded in {args.record}")
    return 0


def _lr_find_arguments(p: argparse.ArgumentParser) -> None:
    settings.add_arguments(p, TrainConfig, only={"model", "recipe", "batch_size", "optimizer", "weight_decay", "precision",
                                                 "portable", "device", "seed", "data_dir", "train_limit", "out"})
    p.add_argument("--steps", type=positive_int, default=200, help="steps of the test at most (default 200)")
    p.add_argument("--start-lr", type=float, default=1e-4, help="the first step's rate (default 1e-4)")
    p.add_argument("--end-lr", type=float, default=10.0, help="the last step's rate, if the loss has not diverged "
                                                              "(default 10)")


@command("lr-find", "learning-rate range test with the model's recipe: a suggested peak --lr, a picture", _lr_find_arguments)
def cmd_lr_find(args: argparse.Namespace) -> int:
    from tinydigits.measure import lr_find

    if not 0 < args.start_lr < args.end_lr:
        raise TinyDigitsError("--start-lr must be above 0 and below --end-lr")
    overrides = {k: getattr(args, k) for k in ("recipe", "batch_size", "optimizer", "weight_decay", "precision", "portable",
                                               "device", "seed", "data_dir", "train_limit")
                 if getattr(args, k) is not None}
    result = lr_find.lr_find(args.model, args.steps, args.start_lr, args.end_lr, args.out, **overrides)
    print(lr_find.format_line(result))
    print(Path(result["folder"]) / "lr_find.png")
    return 0


def _worker_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("scheduler", help="the Dask scheduler's address (tcp://host:8786, tls://...) or scheduler file "
                                     "(start one with `dask scheduler --scheduler-file FILE`)")
    p.add_argument("--nworkers", type=positive_int, help="seeds trained at once here (default: one per GPU with --gpus, "
                                                         "else cores / --threads-per-seed)")
    p.add_argument("--threads-per-seed", type=positive_int, help="torch threads per seed (default: cores / --nworkers)")
    p.add_argument("--gpus", type=int, default=0, help="GPUs here: one worker per GPU, each with a Dask GPU resource")
    p.add_argument("--host", help="address the workers listen on, for the scheduler to reach (default: Dask's choice)")
    p.add_argument("--portable", action=argparse.BooleanOptionalAction, default=True,
                   help="pin the workers' kernels to AVX2, the portable arithmetic every check plans by default "
                        "(--no-portable: this machine's own, for --no-portable checks, e.g. in bf16)")
    p.add_argument("--worker-port", metavar="PORT[:LAST]", help="ports the workers listen on (default: random), to open "
                                                                "in a firewall")
    p.add_argument("--nanny-port", metavar="PORT[:LAST]", help="ports of the workers' nannies (default: random)")
    p.add_argument("--dask-flags", default="", metavar="'FLAGS'",
                   help="passed on to `dask worker`, e.g. '--tls-ca-file ca.pem --tls-cert w.pem --tls-key w.key'")


@command("worker", "start Dask workers here that train a check's seeds (docs/many-machines.md)", _worker_arguments)
def cmd_worker(args: argparse.Namespace) -> int:
    from tinydigits.cluster.engine import run_workers

    extra = shlex.split(args.dask_flags)
    extra += [*(["--worker-port", args.worker_port] if args.worker_port else []),
              *(["--nanny-port", args.nanny_port] if args.nanny_port else [])]
    if args.gpus and (args.nworkers or "--nthreads" in extra or any(f.startswith("--nthreads=") for f in extra)):
        raise TinyDigitsError("--gpus starts one worker process per GPU with one thread: leave out --nworkers and "
                              "--nthreads (one seed per process is what makes a seed reproduce)")
    if any(f == "--nthreads" or f.startswith("--nthreads=") for f in extra):
        raise TinyDigitsError("--dask-flags --nthreads: one seed per worker process is what makes a seed reproduce; "
                              "use --nworkers and --threads-per-seed")
    return run_workers(args.scheduler, args.nworkers, args.threads_per_seed, args.gpus, args.host, extra, args.portable)


def _search_arguments(p: argparse.ArgumentParser) -> None:
    settings.add_arguments(p, SearchConfig)
    p.add_argument("--export", metavar="TRIAL", help="write trial TRIAL's spec (a number or 'best') as JSON, then exit")
    p.add_argument("--name", help="name of the exported spec (with --export)")
    p.add_argument("--table", action="store_true", help="only (re)write and print the Pareto table and picture")
    p.add_argument("--save-trials", metavar="FILE", help="write the study's finished trials as JSON, then exit")
    p.add_argument("--load-trials", metavar="FILE",
                   help="first add the trials of a --save-trials file (a study carried from another machine or session)")
    p.add_argument("--dashboard", action="store_true", help="serve the study in optuna-dashboard instead of searching")
    p.add_argument("--host", default="127.0.0.1", help="with --dashboard: bind address (default: this machine only)")
    p.add_argument("--port", type=int, default=8080, help="with --dashboard: port")


@command("search", "architecture + recipe search (Optuna): margin vs cost, on one machine or many", _search_arguments)
def cmd_search(args: argparse.Namespace) -> int:
    from tinydigits.search import outputs, storage, study

    cfg = settings.from_args(SearchConfig, args)
    if args.dashboard:
        outputs.dashboard(cfg, args.host, args.port)
        return 0
    if args.save_trials:
        count = outputs.save_trials(storage.open_study(cfg, create=False), Path(args.save_trials))
        print(f"wrote {count} finished trials of {cfg.study!r} to {args.save_trials} (tinydigits search --load-trials)")
        return 0
    if args.load_trials:
        added = outputs.load_trials(storage.open_study(cfg), args.load_trials)
        print(f"added {added} trials from {args.load_trials} to {cfg.study!r}")
    if args.export is not None or args.table:
        found = storage.open_study(cfg, create=False)
        if args.export is not None:
            path = outputs.export(found, args.export, args.name or f"trial{args.export}", cfg.out_dir())
            print(f"wrote {path}  (tinydigits check --model {path})")
            return 0
        outputs.write_outputs(found, cfg)
        print(outputs.pareto_table(found, cfg))
        return 0
    if cfg.jobs > 1 or cfg.cluster:
        _needs("distributed")  # a study's workers are Dask's, as a check's seeds are
    print(outputs.pareto_table(study.run(cfg), cfg))
    return 0


def _serve_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("model", nargs="?", help="run folder or model.pt (default: the most robust run under --runs: "
                   "best measured by `tinydigits robustness`, else the newest of the robust tier, else the newest)")
    p.add_argument("--runs", default="runs", help="where to look for that run (default: runs)")
    p.add_argument("--host", default="127.0.0.1", help="bind address (default: this machine only)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=positive_int, default=1,
                   help="uvicorn worker processes (each decodes and predicts on its own core; see README)")


@command("serve", "draw-a-digit web page and JSON API", _serve_arguments)
def cmd_serve(args: argparse.Namespace) -> int:
    from tinydigits.use import serve

    model = args.model
    if model is None:
        model, why = serve.most_robust(args.runs)
        print(why, file=sys.stderr)
    serve.serve(str(model), args.host, args.port, args.workers)
    return 0


def _models_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", help=MODEL_HELP)
    p.add_argument("--json", action="store_true", help="every field at full precision, for machines")
    p.add_argument("--ledger", default=None, metavar="CSV", help=LEDGER_HELP)




def _ledger_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", choices=["add"], help="add: a check folder's finished seeds")
    p.add_argument("folder", nargs="?", metavar="CHECK_FOLDER", help="the check's folder")
    p.add_argument("--ledger", default=None, metavar="CSV", help=LEDGER_HELP)
    p.add_argument("--role", choices=ROLES, default="judged", help=ROLE_HELP)


@command("ledger", "the seed ledger (docs/seeds.csv): add a check's seeds", _ledger_arguments)
def cmd_ledger(args: argparse.Namespace) -> int:
    if not args.folder:
        raise TinyDigitsError("ledger add needs the check's folder: tinydigits ledger add CHECK_FOLDER")
    _add_to_ledger(args.folder, args.role, _ledger_path(args.ledger))
    return 0


def _add_to_ledger(folder: str, role: str, path: Path) -> None:
    """A check's finished seeds into the ledger (FAIL or PASS alike; NOT RUN ones enter nowhere, said in one line)."""
    from tinydigits.results import ledger

    rows, not_run = ledger.rows_of_check(folder, role)
    added = ledger.add(rows, path)
    print(f"added {added} seed(s) to {path} as {role}"
          + (f"; seed(s) {', '.join(map(str, not_run))} did not finish (NOT RUN): not added" if not_run else ""))


def _ledger_path(given: str | None) -> Path:
    from tinydigits.results import ledger

    return Path(given or os.environ.get("TINYDIGITS_LEDGER") or ledger.LEDGER)


@command("models", "list registered models (or describe one --model reference)", _models_arguments)
def cmd_models(args: argparse.Namespace) -> int:
    import json

    from tinydigits.lifecycle import tiers
    from tinydigits.models import catalog
    from tinydigits.results import ledger

    rows = catalog.rows([args.model] if args.model else None)
    seeds = ledger.read(_ledger_path(args.ledger))
    refs = [args.model] if args.model else [row["name"] for row in rows]
    for row, tier in zip(rows, tiers(refs).values(), strict=True):  # each tier's odds: its code, recipe and budget
        row["odds"], row["recipe_sha256"] = ledger.odds(seeds, tier), tier["recipe_sha256"]
        row["other_recipes"] = ledger.others(seeds, tier)  # the same code under other recipes or budgets, apart
        row["held"] = ledger.held_text(row["odds"])
    if args.model:
        rows[0]["write_up"] = catalog.write_up(args.model)
    print(json.dumps(rows, indent=2) if args.json else catalog.format_table(rows))
    if args.model and not args.json:
        print("\n" + (rows[0]["write_up"] or f"{args.model}: no Target / Result / Analysis written (its class docstring "
                                                 "has none)"))
    return 0


def _needs(module: str) -> None:
    """Refuse in one line, before any work, a command that will need `module` where it is not installed."""
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise ModuleNotFoundError(f"No module named {module!r}", name=module)


# What to install for a module a command needs (imported where it is used, so `train` runs without them).
INSTALL = {"scipy": "scipy", "tensorboard": "tensorboard", "distributed": "distributed", "dask": "distributed",
           "optuna": "'tinydigits[search]'", "psycopg": "'tinydigits[search]'", "optuna_dashboard": "'tinydigits[search]'",
           "mlflow": "'tinydigits[mlflow]'", "onnx": "'tinydigits[export]'", "onnxruntime": "'tinydigits[export]'",
           "onnxscript": "'tinydigits[export]'", "fastapi": "'tinydigits[serve]'", "uvicorn": "'tinydigits[serve]'",
           "multipart": "'tinydigits[serve]'", "matplotlib": "matplotlib", "PIL": "pillow", "tqdm": "tqdm", "captum": "captum"}


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line (the full usage stays one --help away)."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="tinydigits", description="Train, check and explain tiny MNIST convnets.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (help, arguments, _) in COMMANDS.items():
        arguments(sub.add_parser(name, help=help))
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command != "worker":  # a worker pins its own processes (`tinydigits worker --portable`)
        from tinydigits.lifecycle import pin_early

        pin_early(getattr(args, "portable", True))
    try:
        code = COMMANDS[args.command][2](args)
        sys.stdout.flush()  # here, where a closed pipe is caught, not at exit
        return code
    except TinyDigitsError as err:
        print(f"tinydigits: error: {err}", file=sys.stderr)
        return 1
    except ModuleNotFoundError as err:  # a requirement this command needs and this runtime lacks (pip --no-deps)
        top = (err.name or "").split(".")[0]
        if top not in INSTALL:
            raise
        print(f"tinydigits: error: `tinydigits {args.command}` needs {top}, which is not installed here: "
              f"pip install {INSTALL[top]}", file=sys.stderr)
        return 1
    except KeyboardInterrupt as err:
        print(f"tinydigits: {str(err) or 'interrupted'}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`tinydigits models | head -1`): stop quietly, as the Python docs advise, with
        # stdout pointed at /dev/null so the interpreter's last flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def run() -> None:
    """The command line (`tinydigits`, `python -m tinydigits`): `main`, then the process ends without Python's
    teardown of its modules. Every file a command writes is closed when `main` returns; the interpreter would still
    take most of a second to tear down torch's and matplotlib's thousand modules (0.7-0.9 s on a 2-core CPU: memory the
    operating system frees at once). What any exit runs still runs first: threading's exit hooks and its wait for
    non-daemon threads, then the `atexit` handlers (where libraries flush and stop their helpers), then the flush of
    stdout and stderr. Both hooks are the interpreter's private entries, as `os._exit` leaves them out: where a
    Python lacks them, the usual exit."""
    code = main()
    shutdown, exitfuncs = getattr(threading, "_shutdown", None), getattr(atexit, "_run_exitfuncs", None)
    if shutdown is None or exitfuncs is None or not isinstance(code, int):
        sys.exit(code)
    shutdown()
    exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a reader gone: nothing left to say to it
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
