"""Innovationsbarometeret dashboard: the published figures of the Danish public-sector innovation survey."""
