"""Before the meeting: the agenda file, its checks, templates, carry-over, the demo."""
