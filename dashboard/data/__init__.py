"""The data layer: load data/, validate it once, hand out one immutable DataSet."""

from dashboard.data.dataset import DataSet
from dashboard.data.loader import DEFAULT_DIRECTORY, load_dataset
from dashboard.data.problems import DataError, Problem

__all__ = ["DEFAULT_DIRECTORY", "DataError", "DataSet", "Problem", "load_dataset"]
