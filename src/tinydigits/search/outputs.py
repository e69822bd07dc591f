"""What a study shows: its Pareto table and picture, the dashboard, its trials saved or loaded as JSON, and
a trial exported as a spec that `train --model` and `check --model` accept."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tinydigits import files
from tinydigits.errors import TinyDigitsError
from tinydigits.models.spec import NetSpec
from tinydigits.results.odds import pass_odds
from tinydigits.search.config import OBJECTIVES, SearchConfig
from tinydigits.search.storage import open_study


def completed(study) -> list:
    import optuna

    return [t for t in study.get_trials(deepcopy=False, states=(optuna.trial.TrialState.COMPLETE,))]


def front(study) -> list:
    """Pareto-optimal trials (Optuna's own dominance), best margin first."""
    return sorted(study.best_trials if completed(study) else [], key=lambda t: (-t.values[0], t.values[1]))


def pareto_table(study, cfg: SearchConfig) -> str:
    trials = front(study)
    objective = OBJECTIVES[cfg.objective]
    unit = "MACs (obj.)" if objective.cost == "macs" else "s/run"
    value = objective.labels(cfg.last)[0]
    lines = [f"| trial | params | MACs | s/run | seeds | {value} | margin | P(new seed) (95% low) | spec |",
             "|---" * 9 + "|"]
    for t in trials:
        a = t.user_attrs
        lines.append(f"| {t.number} | {a['params']:,} | {a['macs']:,} | {a['seconds']:.0f} | {a['seeds']} | "
                     f"{t.values[0]:.2f} | {a['margin']:+.2f} | {_odds_cell(a, cfg)} | `{a['compact']}` |")
    counts = {s: sum(1 for t in study.trials if t.state.name == s) for s in ("COMPLETE", "PRUNED", "FAIL", "RUNNING")}
    rejected = sum(1 for t in study.trials if "rejected" in t.user_attrs)
    lines += ["", f"Pareto front of {len(completed(study))} finished trials ({cfg.objective} objective: {unit}); "
              f"{counts['PRUNED'] - rejected} pruned, {rejected} rejected before training, {counts['FAIL']} failed, "
              f"{counts['RUNNING']} running."]
    return "\n".join(lines)


def _odds_cell(attrs: dict[str, Any], cfg: SearchConfig) -> str:
    """A trial's pass probability for a new seed, from its seeds' minima (3 or more seeds, else a dash)."""
    return pass_odds(attrs.get("seed_minima", []), cfg.min_acc).chance(digits=1, bound="")


def plot_front(study, cfg: SearchConfig, path: Path) -> None:
    from tinydigits.results.figures import plt, save_figure  # matplotlib with the project's headless backend

    fig, ax = plt.subplots(figsize=(7, 4.5))
    all_done, best = completed(study), {t.number for t in front(study)}
    objective = OBJECTIVES[cfg.objective]
    cost = objective.cost  # the trial attribute plotted: macs or seconds
    for group, colour, label in (([t for t in all_done if t.number not in best]), "0.7", "trial"), \
                                (([t for t in all_done if t.number in best]), "C3", "Pareto front"):
        if group:
            ax.scatter([t.user_attrs[cost] for t in group],
                       [t.values[0] for t in group], s=[t.user_attrs["params"] / 40 for t in group], c=colour, label=label,
                       alpha=0.8, edgecolors="k", linewidths=0.4)
            for t in group:
                ax.annotate(str(t.number), (t.user_attrs[cost], t.values[0]), fontsize=7, xytext=(3, 3),
                            textcoords="offset points")
    ax.axhline(cfg.min_acc, color="C2", ls="--", lw=1, label=f"budget {cfg.min_acc}%")
    ax.set_xlabel("MACs per image" if cost == "macs" else "training seconds per run")
    ax.set_ylabel(objective.labels(cfg.last)[0])
    ax.set_title(f"study {cfg.study}: margin vs cost (marker size = parameters)")
    ax.legend(fontsize=8)
    fig.tight_layout()
    save_figure(fig, path)


def write_outputs(study, cfg: SearchConfig) -> None:
    out = cfg.out_dir()
    out.mkdir(parents=True, exist_ok=True)  # `--table` on a study made elsewhere: its --out may not exist here yet
    files.write_text(out / "pareto.md", pareto_table(study, cfg) + "\n")
    plot_front(study, cfg, out / "pareto.png")


def dashboard(cfg: SearchConfig, host: str, port: int, log=print) -> None:
    """Serve the study in optuna-dashboard (its own WSGI server) until Ctrl-C."""
    import socket

    try:
        import optuna_dashboard
    except ImportError:
        raise TinyDigitsError("--dashboard needs optuna-dashboard: pip install 'tinydigits[search]'") from None
    study = open_study(cfg, create=False)
    with socket.socket() as probe:  # a taken port is one line, not the server's traceback
        try:
            probe.bind((host, port))
        except OSError as err:
            raise TinyDigitsError(f"--port {port}: cannot listen on {host}:{port} ({err.strerror})") from None
    if study.metric_names is None:
        study.set_metric_names(OBJECTIVES[cfg.objective].labels(cfg.last))
    log(f"study {cfg.study!r} ({len(study.trials)} trials) at http://{host}:{port}/dashboard/ - Ctrl-C stops")
    optuna_dashboard.run_server(study._storage, host=host, port=port)


def save_trials(study, path: Path) -> int:
    """Every finished trial (complete, pruned, failed, rejected) with its parameters, objective values and
    attributes, plus the study's settings, as JSON: a study carried to a machine or session that does not
    share its database (`--load-trials` there). Returns the number of trials written."""
    from optuna.distributions import distribution_to_json

    done = [t for t in study.get_trials(deepcopy=False) if t.state.is_finished()]
    files.write_json(path, {"study": study.study_name, "settings": study.user_attrs.get("settings"), "trials": [
        {"state": t.state.name, "values": t.values, "params": t.params, "user_attrs": _without_folders(t.user_attrs),
         "distributions": {k: distribution_to_json(d) for k, d in t.distributions.items()},
         "intermediate_values": {str(k): v for k, v in t.intermediate_values.items()}} for t in done]})
    return len(done)


def _without_folders(attrs: dict[str, Any]) -> dict[str, Any]:
    """A trial's attributes as saved for others: its run folders by name only (the machine's own paths say nothing
    to a reader, and the file travels)."""
    runs = attrs.get("runs")
    return {**attrs, "runs": [Path(r).name for r in runs]} if isinstance(runs, list) else attrs


def load_trials(study, path: str | Path) -> int:
    """Add the trials of a `save_trials` file that the study does not hold yet (same parameters, values and
    state: the same trial), so loading twice adds nothing. Refused in one line when the file's study had
    other settings (budget, objective...). Returns the number added."""
    import optuna
    from optuna.distributions import json_to_distribution

    saved = files.read_json(Path(path))
    try:
        if saved["settings"] != study.user_attrs.get("settings"):
            raise TinyDigitsError(f"--load-trials {path}: its study had other settings ({saved['settings']}) than "
                                  f"{study.study_name!r} ({study.user_attrs.get('settings')})")
        key = lambda state, params, values: json.dumps([state, params, values], sort_keys=True)
        held = {key(t.state.name, t.params, t.values) for t in study.get_trials(deepcopy=False)}
        new = [optuna.trial.create_trial(
            state=optuna.trial.TrialState[r["state"]], values=r["values"], params=r["params"], user_attrs=r["user_attrs"],
            distributions={k: json_to_distribution(d) for k, d in r["distributions"].items()},
            intermediate_values={int(k): v for k, v in r["intermediate_values"].items()})
            for r in saved["trials"] if key(r["state"], r["params"], r["values"]) not in held]
    except (KeyError, TypeError, ValueError) as err:
        raise TinyDigitsError(f"--load-trials {path}: not a file of `tinydigits search --save-trials` ({err})") from None
    study.add_trials(new)
    return len(new)


def feasible(t) -> bool:
    """Within every constraint the trial recorded (a risk study's --max-seconds among them)."""
    return all(v <= 0 for k, v in t.system_attrs.items() if k.startswith("constraints:"))


def pick(study, which: str):
    """A finished trial by number, or `best`: highest margin among the trials with the most seeds, then fastest."""
    done = [t for t in completed(study) if feasible(t)]
    if not done:
        raise TinyDigitsError(f"study {study.study_name!r} has no finished trial within its constraints yet")
    if which == "best":
        most = max(t.user_attrs.get("seeds", 1) for t in done)
        return min((t for t in done if t.user_attrs.get("seeds", 1) == most), key=lambda t: (-t.values[0], t.values[1]))
    try:
        number = int(which)
    except ValueError:
        raise TinyDigitsError(f"--export takes a trial number or 'best', not {which!r}") from None
    for t in done:
        if t.number == number:
            return t
    raise TinyDigitsError(f"trial {number} is not a finished trial of study {study.study_name!r}")


def export(study, which: str, name: str, out_dir: Path) -> Path:
    """Write a trial's spec (with its recipe) as JSON that `train --model` and `check --model` accept."""
    t = pick(study, which)
    spec = NetSpec.from_dict(t.user_attrs["spec"])
    spec.name = name
    path = out_dir / f"{name}.json"
    out_dir.mkdir(parents=True, exist_ok=True)
    files.write_json(path, spec.to_dict())
    return path
