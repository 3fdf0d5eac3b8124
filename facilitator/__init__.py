"""Facilitator: run cross-department meetings from the terminal and Jupyter.

The ``facilitator`` package is the pure domain (events, state, timers, the
input line, minutes). Only :mod:`facilitator.cli.main` wires in ``store`` and
``screens``.
"""

__version__ = "0.1.0"
