"""What a wheel carries: a non-editable install must find its data files and the ontology."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel_files(tmp_path_factory) -> set[str]:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "-w", str(out), str(ROOT)], check=True, capture_output=True, timeout=300)
    (whl,) = out.glob("kgapi-*.whl")
    with zipfile.ZipFile(whl) as z:
        return set(z.namelist())


def test_wheel_carries_the_ontology_and_shapes(wheel_files):
    data = {n.split(".data/data/", 1)[1] for n in wheel_files if ".data/data/" in n}
    assert {"share/kgapi/ontology/kgapi.ttl", "share/kgapi/ontology/shapes.ttl"} <= data


@pytest.mark.parametrize("folder", ["kgapi/extract/data", "kgapi/templates", "kgapi/static/yasgui"])
def test_wheel_carries_every_package_data_file(wheel_files, folder):
    on_disk = {str(p.relative_to(ROOT)) for p in (ROOT / folder).rglob("*")
               if p.is_file() and "__pycache__" not in p.parts}
    assert on_disk and on_disk <= wheel_files


def test_installed_layout_finds_the_ontology(tmp_path, monkeypatch):
    """Outside a checkout the ontology is read from {prefix}/share/kgapi/ontology."""
    from kgapi.graph import terms

    share = tmp_path / "share" / "kgapi" / "ontology"
    share.mkdir(parents=True)
    (share / "kgapi.ttl").write_text("# installed copy\n")
    fake_pkg = tmp_path / "site" / "kgapi" / "graph" / "terms.py"
    monkeypatch.setattr(terms, "__file__", str(fake_pkg))
    monkeypatch.setattr(sys, "prefix", str(tmp_path))
    assert terms._ontology_dir() == share
