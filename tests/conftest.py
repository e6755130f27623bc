import pytest

from dashboard.data import load_dataset


@pytest.fixture(scope="session")
def data():
    return load_dataset()
