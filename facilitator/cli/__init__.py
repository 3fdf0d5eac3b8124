"""The ``facilitator`` command (a composition root)."""
