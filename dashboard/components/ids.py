"""Component ids of a theme page. Pattern-matching ids carry the theme, so one set
of callbacks serves every theme page."""


def period_filter(theme: str) -> dict:
    return {"role": "filter-period", "theme": theme}


def type_filter(theme: str) -> dict:
    return {"role": "filter-type", "theme": theme}


def sector_filter(theme: str) -> dict:
    return {"role": "filter-sector", "theme": theme}


def chart_graph(theme: str, chart: str) -> dict:
    return {"role": "chart-graph", "theme": theme, "chart": chart}


def chart_subtitle(theme: str, chart: str) -> dict:
    return {"role": "chart-subtitle", "theme": theme, "chart": chart}


def chart_footer(theme: str, chart: str) -> dict:
    return {"role": "chart-footer", "theme": theme, "chart": chart}


def case_list(theme: str) -> dict:
    return {"role": "case-list", "theme": theme}


def case_count(theme: str) -> dict:
    return {"role": "case-count", "theme": theme}


def chart_downloads(theme: str, chart: str) -> dict:
    return {"role": "chart-downloads", "theme": theme, "chart": chart}


def chart_link(theme: str, chart: str) -> dict:
    return {"role": "chart-link", "theme": theme, "chart": chart}


def chart_link_status(theme: str, chart: str) -> dict:
    return {"role": "chart-link-status", "theme": theme, "chart": chart}


def view_query(theme: str) -> dict:
    """The page's view state as a query string: the URL is kept equal to it."""
    return {"role": "view-query", "theme": theme}


def url_synced(theme: str) -> dict:
    return {"role": "url-synced", "theme": theme}


def copy_link(theme: str) -> dict:
    return {"role": "copy-link", "theme": theme}


def copy_link_status(theme: str) -> dict:
    return {"role": "copy-link-status", "theme": theme}


def presentation_link(theme: str) -> dict:
    return {"role": "presentation-link", "theme": theme}


def slides_link(theme: str) -> dict:
    return {"role": "slides-link", "theme": theme}
