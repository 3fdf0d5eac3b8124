"""Words for people, built once for the room, the follow view, the notebook and exports."""
