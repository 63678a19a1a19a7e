"""How `kgapi serve` configures gunicorn from the settings."""

import pytest

from kgapi.server import _Gunicorn
from kgapi.settings import Settings


@pytest.mark.parametrize("level, logged", [("debug", True), ("info", True), ("INFO", True), ("warning", False),
                                           ("error", False)])
def test_the_access_log_is_info_and_left_out_above_it(level, logged):
    cfg = _Gunicorn(Settings.load({"log_level": level, "seed": ""}, environ={})).cfg
    assert (cfg.accesslog == "-") is logged
    assert cfg.errorlog == "-"
