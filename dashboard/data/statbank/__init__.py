"""Danmarks Statistik's Statbank (api.statbank.dk/v1) as a source of figures:
`python -m dashboard.data refresh-statbank` fetches the configured tables, converts them to
rows of data/statbank.csv, checks them against the hand-verified figures and replaces the
file atomically."""
