"""The call's periodic work (settings.CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from occupy.cfp.services.confirmation import REMIND_AFTER_DAYS, remind_speakers


@shared_task(name="cfp.remind_speakers", ignore_result=True)
def remind_speakers_task(after_days: int = REMIND_AFTER_DAYS) -> int:
    """Remind accepted speakers who have not confirmed (see services/confirmation.py)."""
    return remind_speakers(after_days=after_days)
