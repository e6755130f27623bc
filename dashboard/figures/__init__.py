"""Pure functions from a data slice and a view state to Plotly figures."""
