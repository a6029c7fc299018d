"""The errors that are the user's to fix: `ogi` prints their one line and exits with status 1.

Each message says what is wrong and what to do. Anything else that goes wrong is a bug (status 2).
"""


class UserError(Exception):
    """Bad input, or an operation refused to protect data."""
