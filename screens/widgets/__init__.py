"""Widgets of the room, one family per module."""
