"""Imported only by the server that Dagster's multiprocess executor forks step processes from
(`preload_modules` in definitions.py): the code location, imported once for every step, and the
lifetimes that make a killed run take its steps with it.

The server ends when the run's process does, even on `kill -9`; each step forked from it ends when
the server does. Without this, a step of a killed run would write on, orphaned, to a build file that
the next build must be free to take over.
"""
import ctypes
import gc
import os
import signal
import sys

import dagster as dg

import ogi.orchestration.definitions  # noqa: F401
from ogi.transforms import gazetteer

_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """This process ends when its parent does, even on `kill -9` (Linux; elsewhere a no-op)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


die_with_parent()
os.register_at_fork(after_in_child=die_with_parent)

# Each step opens the run's instance, which imports its storage (SQLAlchemy, Alembic and the rest of
# Dagster's storage layer): 0.6 s per step when done there. Opening it here imports them once. The
# run's process has created the instance before the server starts (a run needs it).
if os.path.isdir(os.environ.get("DAGSTER_HOME", "")):
    with dg.DagsterInstance.get():
        pass

# The organ recogniser (the gazetteer and its automaton, ~0.4 s) built once here, for every parse step
# to share; frozen, so that no step's garbage collector visits its objects and copies their pages.
gazetteer.load().mentions("")
gc.freeze()
