"""A citation to copy, for a chart's view or for the data set: as a sentence, as BibTeX and as
RIS (what reference managers import). Each names the publisher, the title, the editions shown,
the address of the view and the day it was retrieved; no year of publication is given, since
the editions' publication dates are not in the data."""

from dataclasses import dataclass
from datetime import date

from dashboard.data.models import About
from dashboard.figures.value_text import quoted
from dashboard.formatting import long_date
from dashboard.i18n import translator


@dataclass(frozen=True)
class Cited:
    """What is cited: `title` as the reader sees it; `editions` the survey periods it shows."""

    title: str
    editions: str
    address: str
    lang: str
    key: str  # a BibTeX key's stem: the chart's id, or »data«


@dataclass(frozen=True)
class Citation:
    text: str
    bibtex: str
    ris: str


def _bibtex_escape(text: str) -> str:
    for char in "\\{}%&$#_":
        text = text.replace(char, "\\" + char)
    return text


def cite(cited: Cited, about: About, retrieved: date) -> Citation:
    _ = translator(cited.lang)
    publisher = about.publisher.in_(cited.lang)
    source = _("{title} (udgivelse {release})").format(title=about.title.in_(cited.lang), release=about.release)
    editions = _("udgave {editions}").format(editions=cited.editions) if cited.editions else ""
    day = long_date(retrieved, cited.lang)
    text = (f"{publisher}: {quoted(cited.title, cited.lang)}. {source}" + (f", {editions}" if editions else "")
            + f". {cited.address} " + _("(hentet {day})").format(day=day) + ".")
    # `url` and `urldate` (biblatex; natbib styles read them too): an address with »#« inside
    # \url{} in another field breaks some styles.
    bibtex = "\n".join([
        f"@misc{{innovationsbarometeret_{cited.key.replace('-', '_')}_{retrieved:%Y%m%d},",
        f"  author = {{{{{_bibtex_escape(publisher)}}}}},",
        f"  title = {{{{{_bibtex_escape(cited.title)}}}}},",
        f"  note = {{{_bibtex_escape(', '.join(part for part in (source, editions) if part))}}},",
        f"  version = {{{_bibtex_escape(about.release)}}},",
        f"  url = {{{cited.address}}},",
        f"  urldate = {{{retrieved.isoformat()}}},",
        "}",
    ])
    ris = "\r\n".join([
        "TY  - DATA",
        f"AU  - {publisher}",
        f"TI  - {cited.title}",
        f"T2  - {about.title.in_(cited.lang)}",
        *([f"ET  - {cited.editions}"] if cited.editions else []),
        f"VL  - {about.release}",
        f"UR  - {cited.address}",
        f"Y2  - {retrieved:%Y/%m/%d}",
        f"LA  - {cited.lang}",
        "ER  - ",
        "",
    ])
    return Citation(text=text, bibtex=bibtex, ris=ris)
