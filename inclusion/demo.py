"""Demo data for this app (called by `manage.py load_demo`, in order; must be idempotent)."""


def load(stdout) -> None:
    """Nothing yet: this app's demo data lands with its issue."""
