"""Celery application. Without CELERY_BROKER_URL (or REDIS_URL) tasks run eagerly in-process."""

import logging
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "occupy.settings")

app = Celery("occupy")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

logger = logging.getLogger(__name__)


def hand_off(task, *args) -> bool:
    """Queue task(*args) for a worker (or run it now when there is no broker); True when that worked.

    Callers hand work off after their transaction commits, so their change is saved whatever happens here: with
    the broker unreachable this logs one line and returns False instead of failing the request, and the work
    is picked up later (the e-mail outbox sweep) or asked for again."""
    try:
        task.delay(*args)
    except Exception as exc:  # kombu's OperationalError, redis errors, timeouts: all mean "not queued"
        logger.warning(
            "Task %s%r not queued, the broker is unreachable: %s: %s", task.name, args, type(exc).__name__, exc
        )
        return False
    return True
