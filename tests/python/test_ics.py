"""The calendar export, read by an independent parser (the `icalendar` package): every
event's date equals the date `shikaku rules` computes for the same facts, every event has
its alarms, and no name appears unless asked for."""
import datetime as dt
import json
import os
import subprocess
from pathlib import Path

import icalendar
import pytest

ROOT = Path(__file__).resolve().parents[2]
SHIKAKU = os.environ.get("SHIKAKU_BIN", str(ROOT / "target" / "debug" / "shikaku"))
NOW = "2026-11-21T12:00:00+09:00"
TODAY = "2026-11-21"

# Which result of `shikaku rules` each kind of event carries.
KIND_TO_RESULT = {
    "cert_renewal_opens": "cert_renewal_opens_on",
    "cert_expires": "cert_expires_on",
    "grace_ends": "insurance_use_until",
    "card_expires": "card_expires_on",
    "move_in_due": "move_in_due_on",
    "continued_use_due": "continued_use_due_on",
    "overseas_apply_by": "overseas_apply_by",
    "insurance_usable_from": "insurance_usable_from",
}

MEMBERS = [
    ("山田 太郎", "myself", {"birth_date": "1980-12-20", "card_issued_on": "2021-12-25",
                          "moved_on": "2026-11-15"}),
    ("山田 花子", "spouse", {"birth_date": "1983-03-03", "card_issued_on": "2020-01-10",
                          "cert_expires_on": "2026-10-31", "insurer_registered_on": "2026-11-20"}),
    ("山田 さくら", "child", {"birth_date": "2015-05-05", "card_issued_on": "2023-01-10",
                           "overseas_departure_on": "2027-01-05"}),
    ("山田 一郎", "parent", {"birth_date": "1948-08-08", "card_issued_on": "2019-09-09",
                          "moved_out_planned_on": "2026-11-10", "moved_on": "2026-11-12",
                          "move_in_filed_on": "2026-11-18"}),
]


# Kinds with no reminder by default: their events carry no alarm. Every kind has one now
# (the openings of a renewal on the day itself: core/src/reminders/settings.rs).
WITHOUT_ALARMS: set[str] = set()


def renewal_opens(expiry: str) -> str:
    """R1/R2: the day after expiry − 3 months, clamped to the month's end."""
    day = dt.date.fromisoformat(expiry)
    month = day.month - 3
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return (dt.date(year, month, min(day.day, last)) + dt.timedelta(days=1)).isoformat()


def expected_date(results: dict, kind: str) -> str:
    if kind == "card_renewal_opens":
        return renewal_opens(results["card_expires_on"])
    return results[KIND_TO_RESULT[kind]]


def run(*args: str, stdin: str = "") -> str:
    result = subprocess.run([SHIKAKU, *args], input=stdin.encode(), capture_output=True,
                            check=False)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode()


@pytest.fixture(scope="module")
def household(tmp_path_factory):
    data_dir = str(tmp_path_factory.mktemp("data"))
    base = ["--data-dir", data_dir, "--key-store", "file", "--lang", "ja"]
    ids = []
    for name, relationship, facts in MEMBERS:
        draft = {"display_name": name, "relationship": relationship, "facts": facts}
        ids.append(run(*base, "member", "add", stdin=json.dumps(draft)).strip())
    return base, ids


def export(base, *extra):
    text = run(*base, "ics", "--out", "-", "--now", NOW, *extra)
    return icalendar.Calendar.from_ical(text)


def test_every_event_date_equals_the_rules_date(household):
    base, ids = household
    checked = 0
    for member_id, (_, _, facts) in zip(ids, MEMBERS):
        expected = json.loads(run("rules", "--today", TODAY, stdin=json.dumps(facts)))
        calendar = export(base, "--member", member_id)
        events = list(calendar.walk("VEVENT"))
        assert events, member_id
        for event in events:
            kind = str(event["X-SHIKAKU-KIND"])
            start = event.decoded("DTSTART")
            end = event.decoded("DTEND")
            assert isinstance(start, dt.date) and not isinstance(start, dt.datetime)
            assert end == start + dt.timedelta(days=1)
            assert start.isoformat() == expected_date(expected, kind), (member_id, kind)
            assert start.isoformat() >= TODAY
            has_alarms = bool(list(event.walk("VALARM")))
            assert has_alarms == (kind not in WITHOUT_ALARMS), (member_id, kind)
            checked += 1
    assert checked >= 10


def test_uids_are_stable_and_unique(household):
    base, _ = household
    first = [str(e["UID"]) for e in export(base).walk("VEVENT")]
    second = [str(e["UID"]) for e in export(base).walk("VEVENT")]
    assert first == second
    assert len(set(first)) == len(first)


def test_names_only_when_asked(household):
    base, _ = household
    anonymous = export(base).to_ical().decode()
    assert "山田" not in anonymous
    named = export(base, "--include-names").to_ical().decode()
    assert "山田 さくら" in named


def test_alarm_times_fall_at_nine_in_tokyo(household):
    base, ids = household
    calendar = export(base, "--member", ids[0])
    event = next(e for e in calendar.walk("VEVENT") if str(e["X-SHIKAKU-KIND"]) == "move_in_due")
    triggers = sorted(a.decoded("TRIGGER") for a in event.walk("VALARM"))
    # 7, 3 and 1 days before the day, at 09:00.
    assert triggers == [dt.timedelta(days=-d, hours=9) for d in (7, 3, 1)]
