"""The opening: the goal, the ground rules and the roll call, before the first topic."""

from __future__ import annotations

from pendulum import DateTime
from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

from facilitator.core.i18n import listed, t
from facilitator.meeting.state import MeetingState
from facilitator.render.columns import break_between
from facilitator.render.patterns import label_gap
from facilitator.render.times import format_datetime

_STATUS_STYLES = {"present": "bold green", "late": "bold yellow", "absent": "bold red"}


class OpeningPanel(Static):
    """What the room reads while it settles: why we meet, how we talk, who is here."""

    def show(self, state: MeetingState, now: DateTime | None = None) -> None:
        agenda = state.agenda
        text = Text(overflow="fold")
        if now is not None and state.opened_early(now):
            date = format_datetime(agenda.start, zone=agenda.timezone)
            text.append(t("opening.early", date=date), style="bold yellow")
            text.append("\n")
        text.append(label_gap(t("opening.goal")), style="bold")
        text.append(agenda.goal or "—")
        if agenda.rules:
            text.append("\n")
            label = label_gap(t("opening.rules"))
            text.append(label, style="bold")
            # A rule is never split between two lines while another still fits on one.
            width = self.content_region.width
            text.append(break_between(agenda.rules, width, used=cell_len(label)))
        text.append("\n")
        text.append(t("opening.roll_call"), style="bold underline")
        name_width = max(cell_len(p.name) for p in agenda.people)
        department_width = max(cell_len(p.department) for p in agenda.people)
        for person in agenda.people:
            marked = state.attendance.get(person.name)
            text.append("\n")
            if marked is None:
                text.append("  ? ", style="dim")
                status = Text(t("opening.unmarked"), style="dim")
            else:
                text.append(
                    {"present": "  ✓ ", "late": "  ◷ ", "absent": "  ✗ "}[marked.status],
                    style=_STATUS_STYLES[marked.status],
                )
                status = Text(t(f"opening.{marked.status}"), style=_STATUS_STYLES[marked.status])
            text.append(person.name + " " * (name_width - cell_len(person.name)), style="bold")
            department = person.department
            text.append(
                f" {department}{' ' * (department_width - cell_len(department))}  ", style="dim"
            )
            text.append_text(status)
            if marked is not None and marked.status == "absent":
                if marked.briefer:
                    text.append("  " + t("opening.briefed_by", name=marked.briefer))
                else:
                    text.append("  " + t("opening.needs_briefer"), style="bold red")
        text.append("\n")
        missing = state.unbriefed()
        if missing:
            text.append(t("opening.blocked", names=listed(missing)), style="bold red")
        else:
            hint = t("opening.hint").split(" · ")
            text.append(break_between(hint, self.content_region.width), style="dim")
        self.update(text)
