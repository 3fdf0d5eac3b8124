"""Textual screens: they draw domain state and turn keys into domain commands."""
