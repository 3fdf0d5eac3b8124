"""A meeting being run or followed: the live session, its outbox, selection, settings."""
