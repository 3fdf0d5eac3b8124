"""The live room in a notebook cell: topic, countdown, banner, speaker, entries.

What the shared screen shows, in HTML for Jupyter and in plain lines for a
console. The countdown's phase and the banner's words come from
:mod:`facilitator.meeting.phase` and :mod:`facilitator.render.banners`, as the
room's and the follow view's do.
"""

from __future__ import annotations

from pendulum import DateTime

from facilitator.core.i18n import t
from facilitator.meeting.events import Entry
from facilitator.meeting.phase import Phase, topic_phase
from facilitator.meeting.state import MeetingState
from facilitator.notebook.display import BOX, MUTED, esc
from facilitator.render.banners import meeting_banner
from facilitator.render.entries import entry_line
from facilitator.render.times import clock

_TIME_COLOURS = {Phase.WARNING: "#9a6700", Phase.OVERRUN: "#cf222e"}
"""The countdown's colour by how the time stands (green otherwise), as in the room."""
_KIND_COLOURS = {
    "point": "#555",
    "decision": "#1a7f37",
    "action": "#0969da",
    "unresolved": "#9a6700",
    "dispute": "#8250df",
    "progress": "#0550ae",
    "risk": "#cf222e",
    "proposal": "#1b7c83",
}


def entry_text(entry: Entry) -> str:
    """One captured entry as plain text (escape it before putting it in HTML).

    The words of the room's entry list (:func:`entry_line`), without the kind.
    """
    return entry_line(entry).plain


def live_html(state: MeetingState, now: DateTime, entries: int = 8) -> str:
    """The room as the shared screen shows it: topic, time left, speaker, entries."""
    agenda = state.agenda
    current = state.current_topic
    parts = [f'<div style="{BOX}"><h3>{esc(agenda.title)}</h3>']
    # What the room is doing, in the audience's words (never the host's keys).
    status = meeting_banner(state, now, audience=True)
    if current is None:
        parts.append(f"<div><b>{esc(t('room.no_topic'))}</b></div>")
    else:
        phase = topic_phase(current, now, state.agenda.warning)
        colour = _TIME_COLOURS.get(phase.time, "#1a7f37")
        parts.append(
            f"<div><b>{state.position(current.topic.id)}. {esc(current.topic.title)}</b>"
            f' <span style="{MUTED}">{esc(t("room.owned_by", name=current.topic.owner))}</span>'
            f"</div>"
            f'<div style="font-size:2.5em;font-family:monospace;color:{colour}">'
            f"{esc(clock(phase.left))}</div>"
        )
    if status:
        parts.append(f'<div style="{MUTED}">{esc(status)}</div>')
    speaker = "—"
    if state.speaker is not None:
        person = state.speaker.person
        speaker = (
            f"{person} ({state.department_of(person)}) {clock(state.speaker.watch.elapsed(now))}"
        )
    parts.append(
        f"<div><b>{esc(t('room.speaking'))}</b> {esc(speaker)}</div>"
        f"<div><b>{esc(t('room.waiting'))}</b> {esc(', '.join(state.queue) or '—')}</div>"
    )
    shown = state.entries[-entries:]
    if shown:
        parts.append('<ol style="margin:0.4em 0;padding-left:2em">')
        for captured in shown:
            number = captured.number
            kind = captured.entry.kind
            parts.append(
                f'<li value="{number}"><span style="color:{_KIND_COLOURS[kind]};font-weight:bold">'
                f"{esc(t(f'kind.{kind}'))}</span> {esc(entry_text(captured.entry))}</li>"
            )
        parts.append("</ol>")
    else:
        parts.append(f'<div style="{MUTED}">{esc(t("follow.no_entries"))}</div>')
    parts.append("</div>")
    return "".join(parts)


def live_text(state: MeetingState, now: DateTime) -> str:
    """The live room in a few plain lines: the same topic, time and banner as the HTML."""
    current = state.current_topic
    lines = [state.agenda.title]
    if current is not None:
        left = topic_phase(current, now, state.agenda.warning).left
        lines.append(f"{state.position(current.topic.id)}. {current.topic.title}  {clock(left)}")
    elif not state.is_closed:
        lines.append(t("room.no_topic"))
    # The banner says "paused" or "over time" here too, not only in the HTML view.
    lines.append(meeting_banner(state, now, audience=True))
    speaker = state.speaker.person if state.speaker else "—"
    lines.append(f"{t('room.speaking')} {speaker}")
    lines += [entry_line(c.entry).full for c in state.entries[-5:]]
    return "\n".join(lines)
