"""The time a desk says it scanned a ticket (sent later when the network was down): parsed and checked."""

import datetime

import pytest

from occupy.registration.services.checkin import ScanTimeError, scan_time

NOW = datetime.datetime(2026, 6, 2, 7, 0, tzinfo=datetime.UTC)


def test_scan_time_reads_a_browsers_iso_time_with_its_offset():
    assert scan_time("2026-06-02T06:45:12.345Z", now=NOW) == datetime.datetime(
        2026, 6, 2, 6, 45, 12, 345000, tzinfo=datetime.UTC
    )
    assert scan_time(" 2026-06-02T09:45:00+03:00 ", now=NOW) == datetime.datetime(
        2026, 6, 2, 6, 45, tzinfo=datetime.UTC
    )


def test_scan_time_accepts_the_edges_of_the_window():
    assert scan_time("2026-06-02T07:10:00Z", now=NOW) == NOW + datetime.timedelta(minutes=10)
    assert scan_time("2026-06-01T19:00:00Z", now=NOW) == NOW - datetime.timedelta(hours=12)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "The time of the scan is not a date and time. Scan the ticket again."),
        ("yesterday", "The time of the scan is not a date and time. Scan the ticket again."),
        (
            "2026-06-02T06:45:00.000000+00:00" + "0" * 10,
            "The time of the scan is not a date and time. Scan the ticket again.",
        ),
        ("2026-06-02T06:45:00" + "0" * 30, "The time of the scan is not a date and time. Scan the ticket again."),
        ("2026-06-02T06:45:00", "The time of the scan has no time zone. Scan the ticket again."),
        (
            "2026-06-02T07:10:01Z",
            "The time of the scan is in the future: check the clock of this phone, then scan the ticket again.",
        ),
        (
            "2026-06-01T18:59:59Z",
            "This scan was made more than 12 hours ago and was not sent in time. Scan the ticket again.",
        ),
    ],
)
def test_scan_time_refuses_malformed_or_far_times(value, message):
    with pytest.raises(ScanTimeError) as refused:
        scan_time(value, now=NOW)
    assert str(refused.value) == message
