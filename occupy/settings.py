"""Settings for the Occupy Library platform.

Everything comes from the environment, with defaults that work on a laptop: SQLite, local-memory cache,
e-mail to the console, Celery tasks run in-process. Set DATABASE_URL, REDIS_URL and the mail settings in
production (see README.md).
"""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from occupy.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY") or "django-insecure-development-key-set-SECRET_KEY-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_countries",
    "occupy.web",
    "occupy.editions",
    "occupy.people",
    "occupy.content",
    "occupy.programme",
    "occupy.registration",
    "occupy.cfp",
    "occupy.live",
    "occupy.demo",
    "occupy.outreach",
    "occupy.practices",
    "occupy.organise",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "occupy.web.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "occupy.web.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "occupy.web.admin_errors.AdminBadFilterMiddleware",
]

ROOT_URLCONF = "occupy.urls"
WSGI_APPLICATION = "occupy.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "occupy" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "occupy.web.context_processors.site",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",  # set but empty means the default too
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        # On by default: without it, after a database restart every kept connection fails the request it serves
        # next. The cost is one `SELECT 1` round trip before each request's first query (measured: see README).
        conn_health_checks=env_bool("DB_CONN_HEALTH_CHECKS", True),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "occupy"),
            # redis-py waits 5 s to connect and to read by default: with Redis unreachable (not refusing, just
            # silent) every cached page would hang that long. A healthy Redis answers in a millisecond and
            # sends the largest page (~0.4 MB) well within a second, so these bounds cost the happy path nothing.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1.0},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# After a cache failure this process goes on without the cache for this long before trying it again
# (occupy/web/cacheguard.py): one timeout and one log line per pause, not per request.
CACHE_RETRY_AFTER_SECONDS = env_int("CACHE_RETRY_AFTER_SECONDS", 5)

# The page cache (occupy/web/pagecache.py) is on unless PAGE_CACHE=false: bench/cache.py turns it off to measure
# what every request costs when it renders.
PAGE_CACHE = env_bool("PAGE_CACHE", True)

# How long a reverse proxy or CDN may keep a public page (Cache-Control: public, max-age). Pages change when
# organisers publish; this is how late a change may show there.
PUBLIC_MAX_AGE = env_int("PUBLIC_MAX_AGE", 60)
# …and may go on using a copy this much longer while fetching a fresh one in the background.
PUBLIC_STALE_WHILE_REVALIDATE = env_int("PUBLIC_STALE_WHILE_REVALIDATE", 30)

# Celery: Redis as broker in production; tasks run eagerly in-process when no broker is set.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_SERIALIZER = "json"
# With the broker down, handing a task over must fail fast (the request goes on; the outbox sweep sends the
# e-mail later): kombu connects without a timeout by default, and publishing retries three times.
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 1}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
# `celery -A occupy beat`: the e-mail outbox sweep sends whatever the per-e-mail task did not (broker or mail
# server down, a worker killed mid-send). Without a broker, run `manage.py send_pending_emails` from cron.
CELERY_BEAT_SCHEDULE = {
    "send-pending-emails": {
        "task": "registration.sweep_pending_emails",
        "schedule": 60.0,
        "options": {"expires": 50},  # a sweep that waited a minute for a worker is replaced by the next one
    },
    # Retention, as the privacy notice promises (registration/services/retention.py).
    "apply-retention": {"task": "occupy.registration.tasks.apply_retention", "schedule": 24 * 3600},
    # Accepted speakers who have not confirmed (cfp/services/confirmation.py), at most once per interval each.
    "remind-speakers": {"task": "cfp.remind_speakers", "schedule": 24 * 3600},
}

# Registration: how long a confirmation link stays valid, and the rate limits on register and resend
# (per e-mail address and per client IP; RATELIMIT_ENABLED=false for the benchmark). Behind a proxy, set
# RATELIMIT_IP_HEADER to the header it sets with the client's address (HTTP_X_REAL_IP with deploy/nginx), or
# HTTP_X_FORWARDED_FOR with RATELIMIT_TRUSTED_PROXIES proxies appending to it (see occupy/web/clientip.py).
REGISTRATION_CONFIRM_HOURS = env_int("REGISTRATION_CONFIRM_HOURS", 48)
RATELIMIT_ENABLED = env_bool("RATELIMIT_ENABLED", True)
RATELIMIT_PER_ADDRESS = env_int("RATELIMIT_PER_ADDRESS", 5)
RATELIMIT_ADDRESS_WINDOW = env_int("RATELIMIT_ADDRESS_WINDOW", 3600)
RATELIMIT_PER_IP = env_int("RATELIMIT_PER_IP", 30)
RATELIMIT_IP_WINDOW = env_int("RATELIMIT_IP_WINDOW", 600)
RATELIMIT_IP_HEADER = env_str("RATELIMIT_IP_HEADER", "REMOTE_ADDR")
RATELIMIT_TRUSTED_PROXIES = env_int("RATELIMIT_TRUSTED_PROXIES", 1)

# Retention (privacy notice): registrations never confirmed are deleted this many days after registering;
# the others are anonymised once the year after their edition is over (registration/services/retention.py).
RETENTION_UNCONFIRMED_DAYS = env_int("RETENTION_UNCONFIRMED_DAYS", 30)

# Organisers, reviewers, the check-in desk and submitters all sign in here (the admin's own page is for staff).
LOGIN_URL = "people:login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ro", _("Romanian")),
    ("uk", _("Ukrainian")),
]
LOCALE_PATHS = [BASE_DIR / "occupy" / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "occupy" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# The largest file an organiser may upload (photos, logos, slides, badges); deploy/nginx.conf lets a little
# more through so that Django's form, not nginx, answers with a clear message.
MAX_UPLOAD_MB = env_int("MAX_UPLOAD_MB", 10)
# Files above this size are streamed to a temporary file, not held in memory; other form data is capped at it
# (Django's defaults, stated here because the upload limit depends on them).
FILE_UPLOAD_MAX_MEMORY_SIZE = 2621440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2621440
DATA_UPLOAD_MAX_NUMBER_FILES = 20
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if env_str("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
# Where django.core.mail.backends.filebased.EmailBackend writes each message (a file per connection).
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(BASE_DIR / "sent-mail"))
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Seconds before a silent SMTP server counts as a failure (Django waits for ever by default, which would hold an
# e-mail's outbox claim and a worker): the e-mail stays pending and is sent again later.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Occupy Library <conference@occupylibrary.net>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security. With DEBUG off, plain HTTP is redirected to HTTPS, cookies are HTTPS-only and HSTS is sent unless
# told otherwise (SECURE_SSL_REDIRECT, SECURE_COOKIES, SECURE_HSTS_SECONDS). Behind the TLS proxy the redirect
# never fires: the proxy says X-Forwarded-Proto: https (deploy/nginx.conf), and redirects plain HTTP itself.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Every handler carries the redact_secrets filter (web/redaction.py): paths in log lines may hold a manage token
# or a confirmation key. Django's own handlers are replaced: "django" logs through the root's console, and
# runserver's request lines (django.server) keep their format but pass the filter too.
LOG_LEVEL = env_str("LOG_LEVEL", "WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_secrets": {"()": "occupy.web.redaction.RedactSecrets"}},
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "level": LOG_LEVEL, "filters": ["redact_secrets"]},
        "django.server": {
            "class": "logging.StreamHandler",
            "level": "INFO",
            "formatter": "django.server",
            "filters": ["redact_secrets"],
        },
    },
    "loggers": {
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
}
