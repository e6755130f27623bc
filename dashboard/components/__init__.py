"""Pure layout functions: from data and view state to Dash components."""
