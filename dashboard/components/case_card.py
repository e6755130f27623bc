"""Case and tool cards, as on the barometer's own theme pages."""

from dash import html

from dashboard.data.models import Case
from dashboard.vocabulary import CASE_TYPE_TO_FILTER, INNOVATION_TYPES, SECTORS

KIND_LABELS = {"case": "Case", "tool": "Værktøj"}


def case_card(case: Case) -> html.Article:
    meta = [case.organisation, SECTORS[case.sector]["da_one"]]
    if case.year is not None:
        meta.append(str(case.year))
    types = [INNOVATION_TYPES[CASE_TYPE_TO_FILTER[t]]["da"] for t in case.innovation_types]
    return html.Article(
        className=f"case-card case-{case.kind}",
        **{"data-case": case.id},
        children=[
            html.P(
                className="case-badges",
                children=[html.Span(KIND_LABELS[case.kind], className="badge case-kind")]
                + [html.Span(t, className="badge case-type") for t in types],
            ),
            html.H3(case.title_da, className="case-title"),
            html.P(" · ".join(meta), className="case-meta"),
            html.P(case.summary_da, className="case-summary"),
            html.Dl(
                className="case-figures",
                children=[part for kf in case.key_figures for part in (html.Dt(kf.label), html.Dd(kf.value))],
            ) if case.key_figures else None,
            html.A("Læs kilden", href=case.source_url, target="_blank", rel="noopener", className="case-link"),
        ],
    )


def case_list(cases: tuple[Case, ...], theme_has_cases: bool = True) -> list:
    if not theme_has_cases:
        return [html.P("Barometeret har ingen cases eller værktøjer til dette tema.", className="case-empty")]
    if not cases:
        return [html.P("Ingen cases eller værktøjer med de valgte innovationstyper.", className="case-empty")]
    return [case_card(case) for case in cases]


def case_count(cases: tuple[Case, ...]) -> str:
    if not cases:
        return "Ingen eksempler"
    return "1 eksempel" if len(cases) == 1 else f"{len(cases)} eksempler"
