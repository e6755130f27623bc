"""Dash components to HTML: the page the server sends is written from the same component tree
the live page renders, not from a second template.

html.* components become their element; the few dcc and dbc components we use are written as
the markup they render in the browser (the same Bootstrap classes, so nothing moves when the live
page takes over), with what needs a script replaced by what works without one:

- a dbc.Checklist's options become links to the view with that option toggled (rel=nofollow:
  crawlers read the pages, not every combination of filters),
- a button with a link equivalent (a filter preset) becomes that link; any other button only
  works with a script and is marked `ib-needs-js` (hidden when scripts are off),
- a dbc.DropdownMenu becomes <details>, which opens without a script,
- a form's submit button stays a button (a GET form works without a script),
- a dcc.Graph becomes what `ServerContext.graph` draws (an inline SVG, or a placeholder).

A component type not listed here is an error, so a new one cannot slip through unwritten.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from html import escape

from dash.development.base_component import Component

from dashboard.components.ids import component_key

VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Props of every html.* component that are Dash's own, not attributes.
NOT_ATTRIBUTES = {"children", "n_clicks", "n_clicks_timestamp", "disable_n_clicks", "loading_state", "key", "setProps"}
RENAMED = {"className": "class", "htmlFor": "for"}
NEEDS_SCRIPT = "ib-needs-js"


@dataclass(frozen=True)
class ServerContext:
    """`links`: the address each filter option and preset leads to (by `component_key`);
    `graph`: writes a graph (its component) as HTML."""

    graph: Callable[[Component], str]
    links: Mapping[str, str] = field(default_factory=dict)


def _classes(*names) -> str:
    return " ".join(name for name in names if name)


def _attributes(attributes: Mapping[str, object]) -> str:
    written = []
    for name, value in attributes.items():
        if isinstance(value, bool) and name.startswith(("aria-", "data-")):  # these say true or false
            value = "true" if value else "false"
        if value is None or value is False:
            continue
        if value is True:  # a boolean attribute (hidden, open)
            written.append(f" {name}")
            continue
        if name == "style" and isinstance(value, dict):
            value = ";".join(f"{_css_name(k)}:{v}px" if isinstance(v, (int, float)) else f"{_css_name(k)}:{v}"
                             for k, v in value.items())
        written.append(f' {name}="{escape(str(value), quote=True)}"')
    return "".join(written)


def _css_name(name: str) -> str:
    return "".join(f"-{c.lower()}" if c.isupper() else c for c in name)


def element(tag: str, attributes: Mapping[str, object], inner: str = "") -> str:
    if tag in VOID:
        return f"<{tag}{_attributes(attributes)}>"
    return f"<{tag}{_attributes(attributes)}>{inner}</{tag}>"


def _props(component: Component) -> dict:
    """The component's props, `aria-*` and `data-*` ones included."""
    return component.to_plotly_json()["props"]


def _string_id(props: dict) -> str | None:
    """Only string ids are written: pattern-matching ids (dicts) exist for the live page's callbacks."""
    value = props.get("id")
    return value if isinstance(value, str) else None


def write(node, context: ServerContext) -> str:
    """`node` (a component, a list of them, text or None) as HTML."""
    if node is None or isinstance(node, bool):  # React writes neither None nor booleans
        return ""
    if isinstance(node, (list, tuple)):
        return "".join(write(child, context) for child in node)
    if isinstance(node, (str, int, float)):
        return escape(str(node), quote=False)
    if not isinstance(node, Component):
        raise TypeError(f"cannot write {type(node).__name__} as HTML")
    writer = WRITERS.get((node._namespace, node._type))  # noqa: SLF001
    if writer is None and node._namespace == "dash_html_components":  # noqa: SLF001
        writer = _html_element
    if writer is None:
        raise TypeError(f"no HTML writer for {node._namespace}.{node._type}")  # noqa: SLF001
    return writer(node, _props(node), context)


def _html_element(component: Component, props: dict, context: ServerContext) -> str:
    tag = component._type.lower()  # noqa: SLF001
    attributes = {}
    for name, value in props.items():
        if name in NOT_ATTRIBUTES or name == "id":
            continue
        attributes[RENAMED.get(name, name if name.startswith(("aria-", "data-")) else name.lower())] = value
    attributes = {"id": _string_id(props), **attributes}
    if tag == "button" and props.get("type") != "submit":  # a form's submit button works without a script
        href = context.links.get(component_key(props.get("id"))) if "id" in props else None
        if href is not None:  # a preset: the link to the view it sets
            return element("a", {"href": href, "class": attributes.get("class"), "rel": "nofollow"},
                           write(props.get("children"), context))
        attributes["class"] = _classes(attributes.get("class"), NEEDS_SCRIPT)
    return element(tag, attributes, write(props.get("children"), context))


def _link(_component, props: dict, context: ServerContext) -> str:
    return element("a", {"id": _string_id(props), "href": props.get("href"), "class": props.get("className"),
                         "title": props.get("title")}, write(props.get("children"), context))


def _input(_component, props: dict, _context) -> str:
    """A dcc.Input as Dash 4 renders it: the field in a container that carries its class."""
    kind = props.get("type") or "text"
    container = _classes("dash-input-container", props.get("className"), "dash-input-hidden" if kind == "hidden" else "")
    field = element("input", {"id": _string_id(props), "class": "dash-input-element", "type": kind, "name": props.get("name"),
                              "value": props.get("value"), "placeholder": props.get("placeholder"),
                              "autocomplete": props.get("autoComplete"), "aria-label": props.get("aria-label")})
    return element("div", {"class": container}, field)


def _nothing(_component, _props, _context) -> str:
    return ""


def _graph(component, _props, context: ServerContext) -> str:
    return context.graph(component)


def _row(_component, props: dict, context: ServerContext) -> str:
    return element("div", {"id": _string_id(props), "class": _classes(props.get("class_name") or props.get("className"), "row")},
                   write(props.get("children"), context))


def _col(_component, props: dict, context: ServerContext) -> str:
    if any(isinstance(props.get(size), dict) for size in ("width", "xs", "sm", "md", "lg", "xl", "xxl")):
        raise TypeError("no HTML writer for a dbc.Col width given as a dict (size, offset, order)")
    sizes = [f"col-{size}-{props[size]}" for size in ("xs", "sm", "md", "lg", "xl", "xxl") if props.get(size)]
    if props.get("width"):
        sizes.insert(0, f"col-{props['width']}")
    return element("div", {"id": _string_id(props), "class": _classes(props.get("class_name") or props.get("className"),
                                                                      *(sizes or ["col"]))},
                   write(props.get("children"), context))


def _alert(_component, props: dict, context: ServerContext) -> str:
    dismissable = props.get("dismissable")
    close = element("button", {"type": "button", "class": f"btn-close {NEEDS_SCRIPT}", "aria-label": "Close"}) if dismissable else ""
    return element("div", {"class": _classes(props.get("className") or props.get("class_name"), "alert",
                                             f"alert-{props.get('color', 'success')}",
                                             "alert-dismissible fade show" if dismissable else ""), "role": "alert"},
                   write(props.get("children"), context) + close)


def _checklist(_component, props: dict, context: ServerContext) -> str:
    """Each option a link to the view with it toggled; a disabled one is its label, not a link."""
    key = component_key(props.get("id"))
    chosen = set(props.get("value") or [])
    options = []
    for option in props.get("options") or []:
        value = option["value"]
        label_class = _classes("form-check-label", props.get("label_class_name"),
                               props.get("label_checked_class_name") if value in chosen else "")
        label = write(option["label"], context)
        if option.get("disabled"):
            inner = element("span", {"class": _classes(label_class, "disabled"), "aria-disabled": "true"}, label)
        else:
            inner = element("a", {"class": label_class, "href": context.links[f"{key}|{value}"], "rel": "nofollow",
                                  "aria-current": "true" if value in chosen else None}, label)
        options.append(element("div", {"class": "form-check form-check-inline" if props.get("inline") else "form-check"}, inner))
    return element("div", {"class": props.get("class_name") or props.get("className")}, "".join(options))


def _dropdown_menu(_component, props: dict, context: ServerContext) -> str:
    size = props.get("size")
    toggle = element("summary", {"class": _classes(props.get("toggle_class_name"), "dropdown-toggle", "btn",
                                                   f"btn-{props.get('color') or 'primary'}", f"btn-{size}" if size else "")},
                     write(props.get("label"), context))
    menu = element("div", {"class": _classes("dropdown-menu", "dropdown-menu-end" if props.get("align_end") else "")},
                   write(props.get("children"), context))
    return element("details", {"class": _classes(props.get("class_name"), "dropdown", "ib-dropdown")}, toggle + menu)


def _dropdown_item(_component, props: dict, context: ServerContext) -> str:
    if props.get("divider"):
        return element("hr", {"class": "dropdown-divider"})
    href, rel = props.get("href"), None
    if href is None and "id" in props:  # a preset (»Kun …«): the link to the view it sets
        href, rel = context.links.get(component_key(props["id"])), "nofollow"
    classes = _classes(props.get("class_name"), "dropdown-item")
    if href is None:
        return element("span", {"class": _classes(classes, NEEDS_SCRIPT)}, write(props.get("children"), context))
    return element("a", {"href": href, "class": classes, "rel": rel}, write(props.get("children"), context))


WRITERS: dict[tuple[str, str], Callable[[Component, dict, ServerContext], str]] = {
    ("dash_core_components", "Link"): _link,
    ("dash_core_components", "Input"): _input,
    ("dash_core_components", "Store"): _nothing,
    ("dash_core_components", "Location"): _nothing,
    ("dash_core_components", "Graph"): _graph,
    ("dash_bootstrap_components", "Row"): _row,
    ("dash_bootstrap_components", "Col"): _col,
    ("dash_bootstrap_components", "Alert"): _alert,
    ("dash_bootstrap_components", "Checklist"): _checklist,
    ("dash_bootstrap_components", "DropdownMenu"): _dropdown_menu,
    ("dash_bootstrap_components", "DropdownMenuItem"): _dropdown_item,
}
