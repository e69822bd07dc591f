"""A study in its storage (SQLite on one machine, PostgreSQL for many): opened, created once by whichever
worker wins the race, and held to the budget settings it was created with."""

from __future__ import annotations

import random
import time
from pathlib import Path
from typing import Any

from tinydigits.errors import TinyDigitsError, describe
from tinydigits.search.config import LATER_SETTINGS, SETTINGS, SearchConfig

HEARTBEAT_S = 60


def open_study(cfg: SearchConfig, create: bool = True, worker: int = 0):
    """The study in its storage (SQLite waits for locks instead of failing when workers share it);
    a resumed study must have been created with the same budget settings."""
    import optuna

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    if cfg.storage.startswith("sqlite:///"):
        db = Path(cfg.storage.removeprefix("sqlite:///"))
        if db.parent != Path(""):
            try:
                db.parent.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise TinyDigitsError(f"storage {cfg.storage}: cannot create folder {db.parent}: {err.strerror}") from None
    try:
        study = _connect(cfg, create, worker)
    except KeyError:
        raise TinyDigitsError(f"no study {cfg.study!r} in {cfg.storage}") from None
    except ImportError as err:
        raise TinyDigitsError(f"storage {cfg.storage}: driver missing ({err}); pip install 'tinydigits[search]'") from None
    except Exception as err:  # SQLAlchemy's many connection errors
        raise TinyDigitsError(f"storage {cfg.storage}: {describe(err)}") from None
    if create:
        settings = {key: getattr(cfg, key) for key in SETTINGS}
        stored = study.user_attrs.get("settings")
        if stored is not None:
            stored = {**LATER_SETTINGS, **stored}
        if stored is None:
            study.set_user_attr("settings", settings)
        elif stored != settings:
            diff = ", ".join(f"{k} {stored.get(k)} (now {v})" for k, v in settings.items() if stored.get(k) != v)
            raise TinyDigitsError(f"study {cfg.study!r} was created with other settings: {diff}; use another --study")
    return study


def _connect(cfg: SearchConfig, create: bool, worker: int, attempts: int = 5):
    """Storage + study. Workers started together (on several machines, or in several terminals on one new
    SQLite file) race to create the schema and the study; the loser's error - IntegrityError, a duplicate
    table (ProgrammingError on PostgreSQL, OperationalError "already exists" on SQLite) or a duplicated
    study - goes away on a retry, which then finds both. Other storage errors are real and raise at once."""
    import warnings

    import optuna
    from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)  # heartbeats: stable enough here

    for attempt in range(attempts):
        try:
            # Heartbeats: a trial whose worker died (machine lost, process killed) is marked FAIL after
            # the grace period instead of staying RUNNING - and counting towards --trials - forever.
            storage = optuna.storages.RDBStorage(cfg.storage, engine_kwargs=_engine_kwargs(cfg.storage),
                                                 heartbeat_interval=HEARTBEAT_S, grace_period=3 * HEARTBEAT_S)
            if not create:
                return optuna.load_study(study_name=cfg.study, storage=storage)
            seed = None if cfg.sampler_seed is None else cfg.sampler_seed * 1000 + worker
            return optuna.create_study(study_name=cfg.study, storage=storage, directions=["maximize", "minimize"],
                                       sampler=optuna.samplers.TPESampler(seed=seed, n_startup_trials=8), load_if_exists=True)
        except (IntegrityError, ProgrammingError, OperationalError, optuna.exceptions.DuplicatedStudyError) as err:
            lost_race = not isinstance(err, OperationalError) or "already exists" in str(err)
            if not lost_race or attempt == attempts - 1:
                raise
            time.sleep(0.2 + 0.3 * attempt + random.random() * 0.5)  # jittered: the losers do not collide again


def _engine_kwargs(url: str) -> dict[str, Any]:
    return {"connect_args": {"timeout": 120}} if url.startswith("sqlite") else {"pool_pre_ping": True}
