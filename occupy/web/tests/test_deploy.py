import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "x7Rk2p9QwLm4Zt8VbN3cHs6YfJd1Ge5Ua0Io-Pq_Wr2Ty4Ui6Op8As0Df2Gh4Jk6",
    "ALLOWED_HOSTS": "occupylibrary.net",
    "SECURE_SSL_REDIRECT": "true",
}


# What the test runner's own environment may set that would change the production settings under test.
INHERITED_SETTINGS_TO_DROP = ("DEBUG", "SECURE_COOKIES", "SECURE_HSTS_SECONDS", "DJANGO_ALLOW_ASYNC_UNSAFE")


def run_manage(*args, env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in INHERITED_SETTINGS_TO_DROP}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=Path(settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deployment_check_passes_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=PRODUCTION_ENV)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deployment_check_flags_the_development_secret_key():
    env = dict(PRODUCTION_ENV)
    del env["SECRET_KEY"]

    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=env)

    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr
