"""The archive: an SQLite file or a PostgreSQL database, the same tables in both.

Modules: ``archive`` (the one interface: open, list and find meetings, create
one, its journal, a follower's view), ``sqlite`` and ``files`` (the file),
``postgres``, ``pg_connection`` and ``pg_journal`` (the server), ``journal``
(one meeting's events), ``codec`` (events as JSON), ``minutes`` (the tables
written at close), ``queries`` and ``followup`` (across meetings), ``copy``
(one archive into another), ``sql`` (SQL both engines read), ``schema``,
``migrate`` and ``versions`` (migrations).
"""
