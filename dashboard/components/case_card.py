"""Case and tool cards, as on the barometer's own theme pages.

Titles and key figures of cases exist in Danish only; on an English page they keep
`lang="da"`, so screen readers pronounce them as Danish.
"""

from dash import html

from dashboard.data.models import Case
from dashboard.i18n import N_, danish_marker, plural_translator, translator
from dashboard.vocabulary import CASE_TYPE_TO_FILTER, INNOVATION_TYPES, SECTOR_OF_ONE

KIND_LABELS = {"case": N_("Case"), "tool": N_("Værktøj")}


def case_card(case: Case, lang: str) -> html.Article:
    _ = translator(lang)
    meta = [case.organisation, _(SECTOR_OF_ONE[case.sector])]
    if case.year is not None:
        meta.append(str(case.year))
    types = [_(INNOVATION_TYPES[CASE_TYPE_TO_FILTER[t]]) for t in case.innovation_types]
    return html.Article(
        className=f"case-card case-{case.kind}",
        **{"data-case": case.id},
        children=[
            html.P(
                className="case-badges",
                children=[html.Span(_(KIND_LABELS[case.kind]), className="badge case-kind")]
                + [html.Span(t, className="badge case-type") for t in types],
            ),
            html.H3(case.title_da, className="case-title", **danish_marker(lang)),
            html.P(" · ".join(meta), className="case-meta"),
            html.P(case.summary.in_(lang), className="case-summary"),
            html.Dl(
                className="case-figures",
                children=[part for kf in case.key_figures for part in (html.Dt(kf.label), html.Dd(kf.value))],
                **danish_marker(lang),
            ) if case.key_figures else None,
            html.A(_("Læs kilden"), href=case.source_url, target="_blank", rel="noopener", className="case-link"),
        ],
    )


def case_list(cases: tuple[Case, ...], theme_has_cases: bool, lang: str) -> list:
    _ = translator(lang)
    if not theme_has_cases:
        return [html.P(_("Barometeret har ingen cases eller værktøjer til dette tema."), className="case-empty")]
    if not cases:
        return [html.P(_("Ingen cases eller værktøjer med de valgte innovationstyper."), className="case-empty")]
    return [case_card(case, lang) for case in cases]


def case_count(cases: tuple[Case, ...], lang: str) -> str:
    _, n_ = translator(lang), plural_translator(lang)
    if not cases:
        return _("Ingen eksempler")
    return n_("{count} eksempel", "{count} eksempler", len(cases)).format(count=len(cases))
