"""Where the repository's own files are, for tests that read its docs or run its commands from its root.
(The package itself never looks there: installed, it has no repository around it.)"""
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
