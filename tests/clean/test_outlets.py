"""The shipped outlet table and user extensions."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.clean import OutletTable
from communique.errors import RegistryError


def test_shipped_table_covers_major_and_state_affiliated_outlets() -> None:
    table = OutletTable.load()
    assert len(table) >= 300
    for domain, name in [
        ("rt.com", "RT"),
        ("sputniknews.com", "Sputnik"),
        ("cgtn.com", "CGTN"),
        ("english.news.cn", "Xinhua"),
        ("globaltimes.cn", "Global Times"),
        ("presstv.ir", "Press TV"),
        ("tass.com", "TASS"),
    ]:
        outlet = table.by_domain(domain)
        assert (
            outlet is not None and outlet.name == name and outlet.ownership == "state-affiliated"
        ), domain
    aj = table.by_domain("aljazeera.com")
    assert aj is not None and aj.country == "QAT"
    assert {o.ownership for o in table} <= {
        "private",
        "public-service",
        "state-affiliated",
        "nonprofit",
        "cooperative",
    }


def test_lookup_by_url_host_and_parent_domains() -> None:
    table = OutletTable.load()
    rt = table.by_domain("https://www.rt.com/russia/495799-kremlin-alliance/")
    assert rt is not None and rt.name == "RT"
    assert table.by_domain("https://edition.cnn.com/2020/05/05/x.html") == table.by_domain(
        "cnn.com"
    )
    assert table.by_domain("unknown-outlet.example") is None


def test_user_rows_extend_and_override(tmp_path: Path) -> None:
    mine = tmp_path / "outlets.csv"
    mine.write_text(
        "domain,name,country,ownership,language,aliases\n"
        "northbridge.example,Northbridge Herald,GBR,private,en,\n"
        "rt.com,RT (overridden),RUS,state-affiliated,en,\n"
    )
    table = OutletTable.load([mine])
    assert table.by_domain("northbridge.example").name == "Northbridge Herald"  # type: ignore[union-attr]
    assert table.by_domain("rt.com").name == "RT (overridden)"  # type: ignore[union-attr]
    bad = tmp_path / "bad.csv"
    bad.write_text("domain,name,country,ownership\nx.example,X,GBR,owned-by-aliens\n")
    with pytest.raises(RegistryError, match="ownership"):
        OutletTable.load([bad])


def test_subdomains_walk_down_to_the_registrable_domain_only(tmp_path: Path) -> None:
    extra = tmp_path / "o.csv"
    extra.write_text("domain,name\nco.uk,Not An Outlet\nbbc.co.uk,BBC\n", encoding="utf-8")
    table = OutletTable.load((extra,))
    found = table.by_domain("https://news.bbc.co.uk/world")
    assert found is not None and found.name == "BBC"
    assert table.by_domain("https://www.example.co.uk/x") is None  # never the public suffix
    assert table.by_domain("http://localhost:8000/x") is None
