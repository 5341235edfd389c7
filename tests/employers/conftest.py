import pytest

from .factories import setup_jobs


@pytest.fixture
def jobs(world):
    return setup_jobs(world)
