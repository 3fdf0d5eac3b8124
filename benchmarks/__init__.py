"""Speed and memory of the program, each against a baseline measured in the same run.

``make bench`` (``python -m benchmarks``) runs them all; ``python -m benchmarks
NAME ...`` runs some (first_paint, input, reopen, tasks, timer). Not part of
``make test``: figures depend on the machine, the tests never time anything.
"""
