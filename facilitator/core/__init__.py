"""Shared helpers that know nothing of meetings: words, text, clock, zones, pinyin."""
