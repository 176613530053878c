import os
import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings

README = Path(settings.BASE_DIR) / "README.md"
SECRET_KEY = "x7Rk2p9QwLm4Zt8VbN3cHs6YfJd1Ge5Ua0Io-Pq_Wr2Ty4Ui6Op8As0Df2Gh4Jk6"


def documented_production_env() -> dict[str, str]:
    """The production environment as the README documents it, with a real secret key in its placeholder."""
    text = README.read_text()
    block = re.search(r"<!-- production-environment -->\n```sh\n(.*?)```", text, re.DOTALL)
    assert block, "README.md lost its production environment block"
    env = dict(line.split("=", 1) for line in block.group(1).splitlines() if line.strip())
    assert env["SECRET_KEY"].startswith("<")
    return env | {"SECRET_KEY": SECRET_KEY}


PRODUCTION_ENV = documented_production_env()


# What the test runner's own environment may set that would change the production settings under test.
INHERITED_SETTINGS_TO_DROP = (
    "DEBUG",
    "SECURE_COOKIES",
    "SECURE_HSTS_SECONDS",
    "SECURE_SSL_REDIRECT",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "CSRF_TRUSTED_ORIGINS",
)


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


def test_documented_production_settings_enforce_https():
    script = (
        "from django.conf import settings as s; print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.LANGUAGE_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0, s.SECURE_PROXY_SSL_HEADER)"
    )
    result = run_manage("shell", "-c", script, env_overrides=PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    assert (
        result.stdout.strip().splitlines()[-1] == "False True True True True True ('HTTP_X_FORWARDED_PROTO', 'https')"
    )


def test_deployment_check_flags_the_development_secret_key():
    env = dict(PRODUCTION_ENV)
    del env["SECRET_KEY"]

    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=env)

    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr
