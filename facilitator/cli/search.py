"""The archive from the command line: ``search`` (what was said) and ``meetings``.

A composition root wiring ``facilitator.followup.search`` (what a query
means, how a match shows) to ``store.search`` (the trigram index) and
``store.queries`` (the meetings).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import click

from facilitator.app.settings import Settings
from facilitator.cli.common import command, fail, open_archive, write_output
from facilitator.core.i18n import t
from facilitator.render.numbers import heading_number

if TYPE_CHECKING:
    from store.search import Hit

REVERSE, NORMAL = "\x1b[7m", "\x1b[27m"


def _colour() -> bool:
    """Mark matches on a terminal (as ``grep --color=auto``); ``NO_COLOR`` and
    ``FORCE_COLOR`` are obeyed, as most programs do."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _date(start: str, zone: str) -> str:
    import datetime as dt

    import pendulum

    from facilitator.core.zones import zone as resolve_zone
    from facilitator.render.times import format_date

    local = pendulum.instance(dt.datetime.fromisoformat(start)).in_timezone(resolve_zone(zone))
    return format_date(local.date())


def _hit_line(hit: Hit, terms: tuple[str, ...], colour: bool) -> str:
    from facilitator.core.text import clean
    from facilitator.followup.search import KIND_LABELS, highlighted, hit_words

    def marked(text: str) -> str:
        parts = highlighted(clean(text), terms)
        if not colour:
            return "".join(part for part, _ in parts)
        return "".join(f"{REVERSE}{part}{NORMAL}" if hit else part for part, hit in parts)

    words, people = hit_words(hit.kind, hit.text, hit.people)
    text = marked(words)
    if people:
        text = t("search.with_people", text=text, people=marked(people))
    topic = (
        t(
            "minutes.topic_heading",
            number=heading_number(hit.topic_position),
            title=clean(hit.topic),
        )
        if hit.topic_position is not None
        else t("search.general")
    )
    return "  " + t("search.hit", topic=topic, kind=t(KIND_LABELS[hit.kind]), text=text)


@command()
@click.argument("text", nargs=-1)
@click.option(
    "--meeting", "in_meeting", help="Only in this meeting (id, key or part of the title)."
)
@click.option("--kind", "kind", multiple=True, help="Only this kind of entry (repeat for more).")
@click.option("--limit", "hits", type=click.IntRange(min=1), help="At most this many results.")
@click.pass_obj
def search(
    settings: Settings,
    text: tuple[str, ...],
    in_meeting: str | None,
    kind: tuple[str, ...],
    hits: int | None,
) -> None:
    """Find what was said in any meeting: points, decisions, disputes, open items, tasks."""
    from facilitator.followup.search import KINDS, parse_kind, terms_of
    from store.errors import ArchiveError
    from store.search import search as find

    query = " ".join(text)
    terms = terms_of(query)
    if not terms:
        fail(t("search.no_query"))
    kinds = []
    for word in kind:
        parsed = parse_kind(word)
        if parsed is None:
            fail(t("search.bad_kind", value=word, choices=" | ".join(KINDS)))
        kinds.append(parsed)
    archive = open_archive(settings, read_only=True)
    try:
        meeting_id = None
        if in_meeting is not None:
            try:
                meeting_id = archive.find(in_meeting).id
            except ArchiveError as exc:
                fail(str(exc))
        found = find(archive, query, meeting_id, kinds, hits)
    finally:
        archive.close()
    if not found:
        write_output(None, t("search.nothing", query=" ".join(terms)) + "\n")
        return
    colour = _colour()
    lines: list[str] = []
    shown = None
    for hit in found:
        if hit.meeting_id != shown:
            from facilitator.core.text import clean

            if shown is not None:
                lines.append("")
            date = _date(hit.meeting_start, hit.timezone)
            lines.append(
                t("search.meeting_heading", date=date, title=clean(hit.meeting), id=hit.meeting_id)
            )
            shown = hit.meeting_id
        lines.append(_hit_line(hit, terms, colour))
    lines += ["", t("search.found", count=len(found))]
    write_output(None, "\n".join(lines) + "\n")


@command()
@click.argument("text", required=False)
@click.option("--status", "meeting_status", help="planned | open | closed.")
@click.option("--since", help="Only meetings starting on or after this day (2026-03-01).")
@click.option("--until", help="Only meetings starting on or before this day.")
@click.pass_obj
def meetings(
    settings: Settings,
    text: str | None,
    meeting_status: str | None,
    since: str | None,
    until: str | None,
) -> None:
    """List the meetings: id, start, status, title, decisions and tasks open."""
    import datetime as dt

    import pendulum

    from facilitator.core.text import clean
    from facilitator.core.zones import zone
    from facilitator.render.columns import aligned_columns
    from facilitator.render.times import format_datetime
    from store.queries import MEETING_STATES, meeting_overview

    state = None
    if meeting_status is not None:
        typed = meeting_status.strip().casefold()
        state = next(
            (s for s in MEETING_STATES if typed in {s, t(f"meetings.status_{s}").casefold()}),
            None,
        )
        if state is None:
            fail(t("meetings.bad_status", value=meeting_status))
    days = []
    for value in (since, until):
        try:
            days.append(dt.date.fromisoformat(value) if value else None)
        except ValueError:
            fail(t("meetings.bad_date", value=value))
    first, last = days
    archive = open_archive(settings, read_only=True)
    try:
        rows = meeting_overview(archive)
    finally:
        archive.close()
    needle = (text or "").casefold()
    chosen = []
    for meeting_id, title, start, label, status, decisions, open_tasks in rows:
        local = pendulum.instance(dt.datetime.fromisoformat(start)).in_timezone(zone(label))
        if needle and needle not in title.casefold():
            continue
        if state is not None and status != state:
            continue
        if (first and local.date() < first) or (last and local.date() > last):
            continue
        chosen.append((meeting_id, format_datetime(local), status, decisions, open_tasks, title))
    if not chosen:
        write_output(None, t("meetings.none") + "\n")
        return
    header = [
        "#",
        t("meetings.start"),
        t("meetings.status"),
        t("meetings.decisions"),
        t("meetings.open_tasks"),
        t("meetings.title"),
    ]
    columns = [
        [str(row[0]) for row in chosen],
        [row[1] for row in chosen],
        [t(f"meetings.status_{row[2]}") for row in chosen],
        [str(row[3]) for row in chosen],
        [str(row[4]) for row in chosen],
        [clean(row[5]) for row in chosen],
    ]
    lines = aligned_columns(header, columns, right=frozenset({0, 3, 4}))
    write_output(None, "\n".join(lines) + "\n")
