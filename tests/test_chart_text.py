"""The chart in words: the summary sentence and the table say what the figure shows."""

from dashboard.components.chart_text import data_table, summary_sentence
from dashboard.figures.chart_view import chart_view
from dashboard.state import ALL_TYPES, ViewState

NBSP = "\u00a0"


def _view(data, theme, chart_id, view=ViewState()):
    theme = data.theme(theme)
    return chart_view(data, theme, next(c for c in theme.charts if c.id == chart_id), view)


def test_summary_names_every_published_value_with_its_period(data):
    sentence = summary_sentence(_view(data, "lav-nye-services", "arbejdspladser-type")).replace(NBSP, " ")
    assert sentence == (
        "Arbejdspladser, der har indført innovation, efter type: Serviceinnovation 43 % i 2015-2016; "
        "Kommunikationsinnovation »næsten halvdelen« (offentliggjort i ord, uden tal) i 2015-2016; "
        "Mindst én innovation (uanset type) 81 % i 2018-2019 og 83 % i 2021-2023. "
        "Ikke offentliggjort: 2013-2014; Proces og organisering; Produkt; Serviceinnovation og "
        "Kommunikationsinnovation 2018-2019 og 2021-2023; Mindst én innovation (uanset type) 2015-2016."
    )


def test_summary_marks_approximate_values(data):
    sentence = summary_sentence(_view(data, "styr-processen", "planlagt-proces")).replace(NBSP, " ")
    assert "ca. 50 % (offentliggjort i ord som »kun hver anden«) i 2013-2014" in sentence


def test_english_summary_uses_english_labels_numbers_and_marks_danish_words(data):
    view = ViewState(lang="en")
    sentence = summary_sentence(_view(data, "lav-nye-services", "arbejdspladser-type", view)).replace(NBSP, " ")
    assert sentence == (
        "Workplaces that introduced innovation, by type: Service innovation 43% in 2015-2016; "
        "Communication innovation “næsten halvdelen” (published in Danish words, no figure) in 2015-2016; "
        "At least one innovation (any type) 81% in 2018-2019 and 83% in 2021-2023. "
        "Not published: 2013-2014; Process and organisation; Product; Service innovation and "
        "Communication innovation 2018-2019 and 2021-2023; At least one innovation (any type) 2015-2016."
    )
    approx = summary_sentence(_view(data, "styr-processen", "planlagt-proces", view)).replace(NBSP, " ")
    assert "approx. 50% (published in Danish words as “kun hver anden”) in 2013-2014" in approx


def test_summary_of_an_empty_view_says_so(data):
    empty = _view(data, "styr-processen", "forloeb", ViewState.from_controls(["2021-2023"], ALL_TYPES))
    assert summary_sentence(empty) == (
        "Forløb og anvendelse af innovationen: ingen offentliggjorte tal for det valgte. Ikke offentliggjort: 2021-2023.")


def test_table_has_a_row_per_published_value_and_names_the_gaps_once(data):
    table = data_table(_view(data, "lav-nye-services", "seneste-innovation-type", ViewState.from_controls(["2018-2019"], ALL_TYPES)))
    body = table.children[2].children
    cells = [[cell.children for cell in row.children] for row in body]
    assert [c[0] for c in cells] == ["Proces- og organisatorisk innovation", "Serviceinnovation", "Kommunikationsinnovation"]
    assert [c[1][1] for c in cells] == ["2018-2019"] * 3
    assert [c[2].replace(NBSP, " ") for c in cells] == ["81 %", "31 %", "40 %"]
    (footer,) = table.children[3].children.children if isinstance(table.children[3].children.children, list) else [table.children[3].children.children]
    assert footer.children == "Ikke offentliggjort: Produktinnovation 2018-2019"


def test_where_the_wording_changed_each_row_names_the_question_of_its_edition(data):
    view = _view(data, "lav-nye-services", "arbejdspladser-type")
    assert len(view.caption.questions) > 1
    table = data_table(view)
    assert [cell.children for cell in table.children[1].children.children][-1] == "Spørgsmål"
    published = [slot.row for group in view.slice.groups for slot in group.slots if slot.row is not None]
    rows = table.children[2].children
    assert len(rows) == len(published)
    for row, value in zip(rows, published):
        assert row.children[1].children[1] == value.period
        assert row.children[3].children == f"»{value.question_da}«"
    # A chart asked in one wording has no such column.
    single = data_table(_view(data, "styr-processen", "planlagt-proces"))
    assert len(single.children[1].children.children) == 3
