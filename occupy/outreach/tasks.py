"""Announcements leave the request: one task sends an announcement's recipients batch after batch."""

from celery import shared_task

from occupy.outreach.models import Announcement, AnnouncementStatus
from occupy.outreach.services.announcements import send_remainder


@shared_task(name="outreach.send_announcement", acks_late=True, ignore_result=True)
def send_announcement(announcement_id: int) -> None:
    """Queue and deliver what is left of an announcement. Safe to run twice or after a worker died: a recipient
    is queued once and an outbox entry delivered once; what a dead run left pending, the next run (or the outbox
    sweep) sends."""
    announcement = Announcement.objects.filter(pk=announcement_id).exclude(status=AnnouncementStatus.DRAFT).first()
    if announcement is not None:
        send_remainder(announcement=announcement)
