"""Components as the plain data Dash sends to the browser.

A cached filter response kept as Dash component objects is walked and converted by Dash
on every request (most of the server's time per request); kept as plain dicts and lists
it is a plain JSON dump.
"""

from dash.development.base_component import Component


def plain_data(value):
    """`value` with every Dash component in it replaced by the dict Dash would send for it."""
    if isinstance(value, Component):
        as_json = value.to_plotly_json()
        return {**as_json, "props": {name: plain_data(prop) for name, prop in as_json["props"].items()}}
    if isinstance(value, (list, tuple)):
        return [plain_data(item) for item in value]
    if isinstance(value, dict):
        return {key: plain_data(item) for key, item in value.items()}
    return value
