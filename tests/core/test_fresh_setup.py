"""A newcomer's first ``make setup`` step on a fresh clone: ``migrate`` on a new database, with
none of the environment CI sets, succeeds before any cache table exists (nothing may write to
the cache, or any table but the migrations', while migrating). ``.ci/run`` walks the whole
set-up (scripts/ci/setup-proof.sh); this catches the same break in seconds."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_migrate_on_a_fresh_database_needs_no_cache_table(tmp_path):
    # Only where the database and the var folder are, so the developer's own stay untouched.
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}",
        "DJANGO_VAR_DIR": str(tmp_path / "var"),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Applying core.0001_initial... OK" in result.stdout
    checked = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--check", "--no-input"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
