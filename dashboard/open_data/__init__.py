"""The data set for others: every figure as records (`records.py`), as files (/data/), through a
read-only API (/api/v1/), on the »Alle tal« page (/tal), as embeds and citations."""
