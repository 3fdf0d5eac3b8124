"""The archive: SQLite files (and the journal, minutes and follow-up tables in them).

Modules: ``archive`` (open, migrate, list meetings), ``journal`` (one meeting's
events), ``codec`` (events as JSON), ``minutes`` (the tables written at close),
``followup`` (tasks across meetings), ``schema``/``versions`` (migrations).
"""
