import pytest

from dashboard.data import load_dataset


@pytest.fixture(scope="session")
def data():
    return load_dataset()


@pytest.fixture(scope="session")
def dash_app():
    """The whole app, built once per test session (Dash Pages keeps one page registry per process)."""
    from dashboard.application import create_app

    return create_app()
