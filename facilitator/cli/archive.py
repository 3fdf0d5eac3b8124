"""``facilitator archive`` (``copy``, ``backup``, ``upgrade``): the archive itself.

``backup`` and ``upgrade`` are also commands of their own, as they always were.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

import click

from facilitator.app.settings import Location, Settings, shown
from facilitator.cli.common import ArchiveLocation, command, fail, open_archive
from facilitator.cli.i18n import I18nGroup
from facilitator.core.i18n import t

if TYPE_CHECKING:
    from store.archive import Archive


@command()
@click.argument("dest", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def backup(settings: Settings, dest: Path) -> None:
    """Copy the whole archive to DEST (safe while a room is writing; never overwrites)."""
    from store.errors import ArchiveError

    archive = open_archive(settings, read_only=True)
    try:
        archive.backup(dest)
        count = len(archive.meetings())
    except ArchiveError as exc:
        fail(str(exc))
    finally:
        archive.close()
    click.echo(
        t("archive.backed_up_one" if count == 1 else "archive.backed_up", meetings=count, path=dest)
    )


@command()
@click.pass_obj
def upgrade(settings: Settings) -> None:
    """Bring an archive written by an older version up to date (read commands never do)."""
    open_archive(settings).close()
    click.echo(t("archive.upgraded", path=shown(settings.db)))


def _open(location: Location, **how: bool) -> Archive:
    from store.archive import Archive
    from store.errors import ArchiveError

    try:
        return Archive.open(location, **how)
    except ArchiveError as exc:
        fail(str(exc))


def _remove_new_file(location: Location) -> None:
    """A destination file this copy created and could not fill goes again."""
    if isinstance(location, Path):
        for name in (location.name, f"{location.name}-wal", f"{location.name}-shm"):
            with contextlib.suppress(OSError):
                (location.parent / name).unlink()


@command(name="copy")
@click.argument("source", type=ArchiveLocation())
@click.argument("destination", type=ArchiveLocation())
def copy(source: Location, destination: Location) -> None:
    """Copy the whole archive SOURCE into DESTINATION (each a file or a postgresql:// URL).

    Moving up: ``facilitator archive copy archive.db postgresql://host/facilitator``.
    Every table, ids kept, in one transaction; safe to run again (only what
    changed is written); a destination holding another archive is refused.
    """
    from facilitator.meeting.journal import JournalUnavailable
    from store.copy import copy_archive
    from store.errors import ArchiveError

    src = _open(source, read_only=True, create=False)
    new_file = isinstance(destination, Path) and not destination.exists()
    try:
        dst = _open(destination, create=True)
    except SystemExit:
        src.close()
        raise
    try:
        report = copy_archive(src, dst)
    except (ArchiveError, JournalUnavailable) as exc:
        dst.close()
        if new_file:
            _remove_new_file(destination)
        fail(str(exc))
    finally:
        src.close()
    dst.close()
    for table in report.tables:
        click.echo(t("archive.copied_table", **vars(table)))
    click.echo(
        t(
            "archive.copied",
            source=src.shown,
            target=dst.shown,
            meetings=report.meetings,
            rows=report.rows,
            tables=len(report.tables),
            changed=report.changed,
        )
    )


@click.group(cls=I18nGroup, name="archive")
def archive() -> None:
    """The archive itself: copy it to another (SQLite and PostgreSQL, both ways),
    back it up, upgrade it."""


archive.add_command(copy)
archive.add_command(backup)
archive.add_command(upgrade)
