"""Renderers of minutes and notices: pure functions from domain objects to text."""
