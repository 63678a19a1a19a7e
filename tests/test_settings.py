import pytest

from kgapi.errors import ConfigurationError
from kgapi.settings import SETTINGS, Settings, table


def test_defaults_without_environment():
    s = Settings.load(environ={})
    assert s.store == "./data"
    assert s.port == 5000 and s.host == "127.0.0.1"
    assert s.query_timeout == 10.0
    assert s.seed == "seeds"
    assert s.token == ""
    assert s.fetch_allow == ()


def test_environment_then_overrides_take_precedence():
    env = {"KGAPI_PORT": "8080", "KGAPI_QUERY_TIMEOUT": "2.5", "KGAPI_UNION_DEFAULT_GRAPH": "false",
           "KGAPI_FETCH_ALLOW": "example.org, news.test"}
    s = Settings.load(environ=env)
    assert s.port == 8080 and s.query_timeout == 2.5 and s.union_default_graph is False
    assert s.fetch_allow == ("example.org", "news.test")
    assert Settings.load({"port": 9000}, environ=env).port == 9000


@pytest.mark.parametrize("env", [{"KGAPI_PORT": "eighty"}, {"KGAPI_QUERY_TIMEOUT": "0"},
                                 {"KGAPI_BASE_IRI": "ftp://x/"}, {"KGAPI_MAX_ROWS": "0"},
                                 {"KGAPI_VALIDATE": "perhaps"}])
def test_bad_values_are_configuration_errors(env):
    with pytest.raises(ConfigurationError) as exc:
        Settings.load(environ=env)
    assert exc.value.message


def test_unknown_override_is_refused():
    with pytest.raises(ConfigurationError, match="unknown settings: stroe"):
        Settings.load({"stroe": "memory"}, environ={})


def test_remote_detection():
    assert Settings.load({"store": "http://localhost:7878/query"}, environ={}).is_remote
    assert not Settings.load({"store": "memory"}, environ={}).is_remote


def test_table_lists_every_setting_with_help():
    rows = table()
    assert len(rows) == len(SETTINGS)
    names = {r[0] for r in rows}
    for required in ("KGAPI_STORE", "KGAPI_HOST", "KGAPI_PORT", "KGAPI_TOKEN", "KGAPI_QUERY_TIMEOUT",
                     "KGAPI_MAX_ROWS", "KGAPI_SEED"):
        assert required in names
    assert all(r[3] for r in rows)


def test_readme_documents_every_setting():
    from tests.helpers import ROOT

    readme = (ROOT / "README.md").read_text()
    for env, *_ in table():
        assert f"`{env}`" in readme, f"{env} missing from README"
