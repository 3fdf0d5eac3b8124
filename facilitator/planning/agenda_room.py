"""The agenda's settings for the room itself: time per turn, when to warn, how to alert.

``speaker_minutes`` (a limit per turn), ``warn_minutes`` or ``warn_share``
(when a topic's countdown warns) and ``alerts`` (``bell``, ``flash`` or
``off``) in ``[meeting]``; all optional. Read here and checked, each problem
reported through the agenda file's validator like any other field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from facilitator.core.i18n import t
from facilitator.meeting.agenda import ALERT_MODES, MAX_SPEAKER_MINUTES
from facilitator.meeting.phase import DEFAULT_WARN_MINUTES

Fail = Callable[[str, str], None]
"""Report a problem: (key in ``[meeting]``, message)."""


@dataclass(frozen=True)
class RoomSettings:
    speaker_minutes: float = 0
    warn_minutes: float = DEFAULT_WARN_MINUTES
    warn_share: float = 0
    alerts: str = "bell"


def _number(value: Any) -> float | None:
    """A TOML number (not a boolean), else None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def room_settings(meeting: dict[str, Any], fail: Fail) -> RoomSettings:
    """The room's settings in ``meeting`` (the agenda's ``[meeting]`` table), checked."""
    speaker = _number(meeting.get("speaker_minutes", 0))
    if speaker is None or not 0 <= speaker <= MAX_SPEAKER_MINUTES:
        value = repr(meeting.get("speaker_minutes"))
        fail(
            "speaker_minutes", t("agenda.bad_speaker_minutes", max=MAX_SPEAKER_MINUTES, value=value)
        )
        speaker = 0
    minutes = _number(meeting.get("warn_minutes", DEFAULT_WARN_MINUTES))
    if minutes is None or minutes <= 0:
        fail("warn_minutes", t("agenda.bad_warn_minutes", value=repr(meeting.get("warn_minutes"))))
        minutes = DEFAULT_WARN_MINUTES
    share = _number(meeting.get("warn_share", 0))
    if share is None or not 0 <= share < 1:
        fail("warn_share", t("agenda.bad_warn_share", value=repr(meeting.get("warn_share"))))
        share = 0
    if "warn_minutes" in meeting and "warn_share" in meeting:
        fail("warn_share", t("agenda.warn_both"))
    alerts = meeting.get("alerts", "bell")
    if alerts not in ALERT_MODES:
        fail("alerts", t("agenda.bad_choice", value=repr(alerts), choices=" | ".join(ALERT_MODES)))
        alerts = "bell"
    return RoomSettings(speaker, minutes, share, alerts)
