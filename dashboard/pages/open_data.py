"""»Åbne data« (`/data`): the whole data set as files, the API, embeds and how to cite, for
analysts and web editors: every address on it answers (tests/test_all_figures.py)."""

from dash import dcc, html

from dashboard.addresses import public_address
from dashboard.components.shell import language_href, page_frame
from dashboard.data import DataSet
from dashboard.formatting import long_date, number
from dashboard.i18n import translator
from dashboard.open_data.files import DATA_FILES
from dashboard.state import ViewState, language_of


def open_data_layout(data: DataSet, query: dict) -> html.Div:
    view = ViewState(lang=language_of(query))
    lang = view.lang
    _ = translator(lang)
    about = data.about
    api = public_address("/api/v1/figures?theme=lav-nye-services&period=2021-2023")
    content = html.Div(className="open-data", children=[
        html.H1(_("Åbne data")),
        html.P(_("Alle {count} offentliggjorte tal i Innovationsbarometeret, med spørgsmål, grundlag, antal observationer "
                 "og kilde, som filer, gennem et API og som figurer til andre sider. Udgivelse {release} af de "
                 "verificerede tal, {updated} (datasættets version {version}, som filerne og API'et også angiver).").format(
            count=number(len(data.figures), lang), release=about.release, version=data.version,
            updated=long_date(about.updated, lang)),
               className="theme-intro"),
        html.P(about.terms.in_(lang)),
        html.H2(_("Filer")),
        html.Ul(className="data-files", children=[
            html.Li([html.A(data_file.name, href=f"/data/{data_file.name}"), " – ", data_file.label.in_(lang)])
            for data_file in DATA_FILES
        ]),
        html.P([_("Tallene kan også søges, filtreres og hentes på siden "),
                dcc.Link(_("Alle tal"), href=view.link("/tal")), "."]),
        html.H2(_("API")),
        html.P([_("Et åbent API kun til læsning, med JSON i faste engelske feltnavne, ETag og CORS. Beskrivelsen (OpenAPI 3.1) er "),
                html.A("/api/v1/openapi.json", href="/api/v1/openapi.json"), _(". Eksempel:")]),
        html.Pre(html.Code(f'curl "{api}"'), className="api-example"),
        html.H2(_("Indlejr en figur")),
        html.P(_("Hver figur har under »Download« punktet »Indlejr eller citér …« med en kode (iframe), der kan sættes ind på "
                 "en hjemmeside eller et intranet. Systemer, der forstår oEmbed, indlejrer en indsat adresse til en figur "
                 "af sig selv.")),
        html.H2(_("Citér")),
        html.P(_("Hver figur og siden »Alle tal« har en henvisning at kopiere: som tekst, BibTeX og RIS.")),
    ])
    return page_frame(data, view, content, language_href("/data", view))
