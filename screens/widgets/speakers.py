"""Who speaks now, who waits, and how the departments share the time."""

from __future__ import annotations

from pendulum import DateTime
from rich.cells import set_cell_size
from rich.text import Text
from textual.widgets import Static

from facilitator.core.i18n import t
from facilitator.meeting.balance import shares_of
from facilitator.meeting.phase import Phase
from facilitator.meeting.requests import Request
from facilitator.meeting.state import MeetingState
from facilitator.render.patterns import label_gap
from facilitator.render.shares import percent_labels
from facilitator.render.speakers import request_words, speaker_clock
from facilitator.render.times import clock

CLOCK_STYLES = {
    Phase.RUNNING: "bold",
    Phase.WARNING: "bold yellow",
    Phase.OVERRUN: "bold reverse red",
}
"""A speaker's own countdown: amber near its end, red once over (as the topic's)."""

BAR_WIDTH = 12


def imbalance_warning(state: MeetingState, now: DateTime) -> Text | None:
    """The visible warning when one department takes more than its allowed share."""
    imbalance = state.imbalance(now)
    if imbalance is None:
        return None
    return Text(
        t(
            # With no topic running (after the last), the shares are the whole meeting's.
            "room.imbalance" if state.current is not None else "room.imbalance_meeting",
            department=imbalance.department,
            share=f"{imbalance.share:.0%}",
            threshold=f"{imbalance.threshold:.0%}",
        ),
        style="bold reverse red",
        overflow="fold",
    )


def speaker_line(state: MeetingState, now: DateTime) -> Text:
    """``Speaking: Li R&D 01:12 · 00:48 left of 2 min  (owner reports)``."""
    text = Text(overflow="fold")
    text.append(label_gap(t("room.speaking")), style="bold")
    turn = state.speaker
    shown = speaker_clock(state, now)
    if turn is None or shown is None:
        text.append("—", style="dim")
        return text
    text.append(turn.person, style="bold reverse")
    text.append(f" {state.department_of(turn.person)} ", style="dim")
    text.append(shown.elapsed, style="bold")
    if shown.time is not None:
        text.append(" · ", style="dim")
        text.append(shown.countdown, style=CLOCK_STYLES[shown.time])
        text.append(" " + shown.limit, style="dim")
    asked = request_words(Request(turn.request, turn.reason))
    if asked:
        text.append("  " + t("room.request_tag", request=asked), style="italic")
    if turn.briefs_for:
        text.append("  " + t("balance.reports_for", owner=turn.briefs_for), style="italic")
    elif turn.reports:
        text.append("  " + t("balance.reports"), style="italic")
    return text


def queue_line(state: MeetingState, first: int = 0) -> Text:
    """``Waiting: 1.Ana [point of order]  2.李雷 [reply]  3.Marta``, from place ``first + 1``."""
    text = Text(overflow="fold")
    text.append(label_gap(t("room.waiting")), style="bold")
    waiting = state.queue[first:]
    if not waiting:
        text.append("—", style="dim")
    for index, person in enumerate(waiting, start=first + 1):
        if index > first + 1:
            text.append("  ")
        text.append(f"{index}.", style="dim")
        request = state.request_of(person)
        text.append(person, style="bold" if request.kind in ("order", "question") else "")
        asked = request_words(request)
        if asked:
            text.append(
                " " + t("room.request_tag", request=asked),
                style="italic yellow" if request.kind == "order" else "italic",
            )
    return text


class SpeakerPanel(Static):
    """The current speaker and their running time, the numbered queue, the shares."""

    def show(
        self,
        state: MeetingState,
        now: DateTime,
        shares: bool = True,
        speaker: bool = True,
        first: int = 0,
    ) -> None:
        """``shares=False`` when the balance panel is on screen and shows them in full;
        ``speaker=False`` and ``first`` when the projector stage shows the speaker
        and the next ones large (the panel lists the rest of the queue)."""
        text = Text(overflow="fold")
        if speaker:
            text.append_text(speaker_line(state, now))
            text.append("\n")
        text.append_text(queue_line(state, first))
        balance = state.balance(now, state.current)
        if shares and balance.spoken and state.current:
            text.append("\n")
            spoke = [d for d in balance.departments if d.seconds > 0]
            percents = percent_labels({d.name: d.seconds for d in spoke})
            for index, department in enumerate(spoke):
                if index:
                    text.append(" · ", style="dim")
                text.append(department.name, style="dim")
                text.append(f" {percents[department.name]}")
            if balance.departments:
                text.append(
                    "  " + t("balance.fair", share=f"{balance.fair:.0%}"), style="italic dim"
                )
        warning = imbalance_warning(state, now)
        if warning is not None:
            text.append("\n")
            text.append_text(warning)
        self.update(text)


class BalancePanel(Static):
    """Each department's share and time in the topic against an equal share;
    per-person totals; in ``full`` (the Shift+F10 view) the whole meeting's
    time per department too."""

    def show(self, state: MeetingState, now: DateTime, full: bool = False) -> None:
        text = Text(overflow="fold")
        title = "balance.title" if state.current is not None else "balance.title_meeting"
        text.append(t(title), style="bold")
        balance = state.balance(now, state.current)
        text.append("\n")
        text.append(
            t("balance.legend", fair=f"{balance.fair:.0%}", threshold=f"{balance.threshold:.0%}"),
            style="italic dim",
        )
        # Names are cut and padded by cells, not characters: 研发部 takes six.
        name_width = 14 if full else 10
        mark = min(BAR_WIDTH - 1, round(balance.fair * BAR_WIDTH))
        for department in balance.departments:
            text.append("\n")
            text.append(set_cell_size(department.name, name_width) + " ", style="bold")
            filled = round(department.share * BAR_WIDTH)
            # Red exactly when the warning names this department: never red without it.
            style = "red" if department.over else "green"
            for cell in range(BAR_WIDTH):
                if cell < filled:
                    text.append("█", style=style)
                elif cell == mark:
                    text.append("│", style="bold")
                else:
                    text.append("·", style="dim")
            text.append(f" {department.share:4.0%} ")
            text.append(clock(department.seconds), style="dim")
        if full:
            meeting = state.speaking_by_department(now)
            parts = shares_of(meeting)
            text.append("\n\n")
            text.append(t("balance.meeting_departments"), style="bold")
            for name, seconds in sorted(meeting.items(), key=lambda item: -item[1]):
                text.append("\n")
                text.append(set_cell_size(name, name_width) + " ", style="bold")
                text.append(clock(seconds))
                text.append(f" {parts[name]:4.0%}", style="dim")
        text.append("\n\n")
        text.append(t("balance.people"), style="bold")
        topic = state.speaking_by_person(now, state.current) if state.current else {}
        people = state.speaking_by_person(now)
        if not people:
            text.append("\n")
            text.append("—", style="dim")
        for person, seconds in sorted(people.items(), key=lambda item: -item[1]):
            text.append("\n")
            text.append(set_cell_size(person, 10) + " ", style="bold")
            text.append(clock(topic.get(person, 0.0)))
            text.append(" / " + clock(seconds), style="dim")
        return self.update(text)
