"""placeholder"""

from communique.clean._types import Cleaned


def extract_html(html: str, *, url: str | None = None) -> Cleaned:
    return Cleaned(text="")
