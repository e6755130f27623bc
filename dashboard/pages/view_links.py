"""The links of a theme page that carry its view: presentation, slides, the other language."""

from dashboard.components.shell import language_href
from dashboard.data.models import Theme
from dashboard.state import ViewState


def presentation_href(theme: Theme, view: ViewState) -> str:
    return view.as_presentation().link(f"/{theme.slug}")


def slides_href(theme: Theme, view: ViewState) -> str:
    return view.link(f"/export/{theme.slug}.pptx")


def theme_language_href(theme: Theme, view: ViewState) -> str:
    return language_href(f"/{theme.slug}", view)
