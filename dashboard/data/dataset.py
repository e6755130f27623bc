"""The loaded data set: immutable, validated, with typed accessors."""

from collections.abc import Iterable
from dataclasses import dataclass

from dashboard.data.models import About, Case, Edition, FigureRow, Theme


# eq=False: a data set is equal only to itself, and hashes by identity, cheaply, so that
# figures computed from it can be cached per data set.
@dataclass(frozen=True, eq=False)
class DataSet:
    figures: tuple[FigureRow, ...]
    editions: tuple[Edition, ...]
    cases: tuple[Case, ...]
    themes: tuple[Theme, ...]
    version: str  # a digest of the data files: changes with any edit
    about: About  # the data set as a whole: title, release, date, terms

    @property
    def page_themes(self) -> tuple[Theme, ...]:
        """The themes that have a page, in configuration order."""
        return tuple(t for t in self.themes if t.has_page)

    def theme(self, slug: str) -> Theme:
        for theme in self.themes:
            if theme.slug == slug:
                return theme
        raise KeyError(slug)

    def figure_rows(
        self,
        figure_id: str,
        periods: Iterable[str] | None = None,
        sectors: Iterable[str] | None = None,
        categories: Iterable[str] | None = None,
    ) -> tuple[FigureRow, ...]:
        """The published rows of one figure, optionally narrowed to periods, sectors and categories."""
        periods = None if periods is None else set(periods)
        sectors = None if sectors is None else set(sectors)
        categories = None if categories is None else set(categories)
        return tuple(
            row
            for row in self.figures
            if row.figure_id == figure_id
            and (periods is None or row.period in periods)
            and (sectors is None or row.sector in sectors)
            and (categories is None or row.category in categories)
        )

    def headline_row(self, theme: Theme) -> FigureRow:
        h = theme.headline
        (row,) = self.figure_rows(h.figure_id, [h.period], [h.sector], [h.category])
        return row

    def headline_rows(self, theme: Theme) -> tuple[FigureRow, ...]:
        """The theme's headline figure in every edition that published it with a value on the same
        base as the configured row (its words were written for that base), oldest first."""
        h = theme.headline
        base = self.headline_row(theme).base
        rows = self.figure_rows(h.figure_id, sectors=[h.sector], categories=[h.category])
        return tuple(sorted((r for r in rows if r.value_pct is not None and r.base == base), key=lambda r: r.period))

    def cases_for(self, theme_slug: str, types: Iterable[str] | None = None) -> tuple[Case, ...]:
        """The theme's cards; with `types`, only those involving at least one of them."""
        wanted = None if types is None else frozenset(types)
        return tuple(
            case
            for case in self.cases
            if case.theme == theme_slug and (wanted is None or case.filter_types & wanted)
        )
