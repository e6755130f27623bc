"""Component ids of a theme page. Pattern-matching ids carry the theme, so one set
of callbacks serves every theme page."""


def period_filter(theme: str) -> dict:
    return {"role": "filter-period", "theme": theme}


def type_filter(theme: str) -> dict:
    return {"role": "filter-type", "theme": theme}


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
