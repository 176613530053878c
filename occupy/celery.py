"""Celery application. Without CELERY_BROKER_URL (or REDIS_URL) tasks run eagerly in-process."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "occupy.settings")

app = Celery("occupy")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
