from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"
SAMPLES = ROOT / "samples"
RT_SEED = SEEDS / "003_f4b5563bde48a2d2.txt"
CNBC_SEED = SEEDS / "000_faa8e0f4ddf92ad0.txt"


def need_shared(path: Path = SHARED) -> Path:
    """Skip (with the reason) when ../shared is not beside the checkout, as in a user's clone."""
    if not path.exists():
        pytest.skip(
            f"{path} is absent: the development data sits beside the repo only in our workspace"
        )
    return path


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from communique import Pipeline

    return Pipeline()
