"""After the meeting: tasks across meetings, the weekly report, retrospectives."""
