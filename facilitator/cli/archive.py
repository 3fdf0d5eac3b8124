"""``facilitator backup`` and ``upgrade``: the archive file itself."""

from __future__ import annotations

from pathlib import Path

import click

from facilitator.app.settings import Settings
from facilitator.cli.common import command, fail, open_archive
from facilitator.core.i18n import t


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
    click.echo(t("archive.upgraded", path=settings.db))
