"""``nb.search()``: what was said in any meeting, as a table with the words marked."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from facilitator.core.i18n import t
from facilitator.followup.search import KIND_LABELS, KINDS, hit_words, parse_kind, terms_of
from facilitator.notebook.cells import SearchResults
from store.archive import Archive
from store.search import Hit


def local_instant(instant: str | None, label: str) -> str | None:
    """A stored (UTC) instant in the zone ``label``, as ISO 8601 with its offset."""
    if instant is None:
        return None
    import pendulum

    from facilitator.core.zones import zone

    return pendulum.instance(datetime.fromisoformat(instant)).in_timezone(zone(label)).isoformat()


def _record(hit: Hit) -> dict[str, object]:
    words, people = hit_words(hit.kind, hit.text, hit.people)
    return {
        "kind": hit.kind,
        "kind_label": t(KIND_LABELS[hit.kind]),
        "id": hit.source_id,
        "meeting_id": hit.meeting_id,
        "meeting": hit.meeting,
        "date": (local_instant(hit.meeting_start, hit.timezone) or "")[:10],
        "topic": hit.topic,
        "text": words,
        "people": people,
    }


def search_results(
    archive: Archive, text: str, meeting_id: int | None, kinds: Sequence[str]
) -> SearchResults:
    """The entries holding every word of ``text`` (see :meth:`Notebook.search`)."""
    from store.search import search

    chosen = []
    for word in kinds:
        parsed = parse_kind(str(word))
        if parsed is None:
            raise ValueError(t("search.bad_kind", value=word, choices=" | ".join(KINDS)))
        chosen.append(parsed)
    records = tuple(_record(hit) for hit in search(archive, text, meeting_id, chosen))
    columns = (
        ("date", t("search.date")),
        ("meeting", t("notebook.meeting")),
        ("topic", t("notebook.topic")),
        ("kind_label", t("search.kind")),
        ("text", t("search.text")),
        ("people", t("minutes.owner")),
    )
    terms = terms_of(text)
    return SearchResults(columns, records, t("search.results", query=" ".join(terms)), terms=terms)
