"""One meeting, pure: its agenda, events, state, the rules that decide, its minutes."""
