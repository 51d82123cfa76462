"""Settings from defaults, a TOML file, the environment and flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from passerby.config import Settings, load
from passerby.errors import ConfigError


def test_defaults() -> None:
    settings = load(env={})
    assert settings == Settings()
    assert (settings.host, settings.port) == ("127.0.0.1", 8080)
    assert settings.database().startswith("sqlite+aiosqlite:///")
    assert settings.database().endswith("passerby-data/passerby.db")
    assert settings.matchmaker_policy().interest_fallback == 10.0


def test_file_then_environment_then_overrides(tmp_path: Path) -> None:
    path = tmp_path / "passerby.toml"
    path.write_text('port = 9000\nhost = "0.0.0.0"\ninterest_fallback_seconds = 4\n')
    settings = load(path, env={"PASSERBY_PORT": "9100"}, overrides={"host": "::1", "port": None})
    assert settings.port == 9100  # the environment beats the file
    assert settings.host == "::1"  # a flag beats both
    assert settings.interest_fallback_seconds == 4.0


def test_file_may_use_a_passerby_table_and_the_config_variable(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text("[passerby]\nrecent_partners = 5\n")
    assert load(env={"PASSERBY_CONFIG": str(path)}).recent_partners == 5


def test_negative_language_fallback_disables_it() -> None:
    settings = load(env={"PASSERBY_LANGUAGE_FALLBACK_SECONDS": "-1"})
    assert settings.matchmaker_policy().language_fallback is None


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"PASSERBY_PORT": "eighty"}, "port: expected int"),
        ({"PASSERBY_PORT": "70000"}, "port must be between"),
        ({"PASSERBY_PROT": "1"}, "unknown environment variable PASSERBY_PROT"),
        ({"PASSERBY_LOG_LEVEL": "loud"}, "log_level must be one of"),
        ({"PASSERBY_RATE_MESSAGES_PER_SECOND": "0"}, "must be positive"),
        ({"PASSERBY_BROKER_URL": "amqp://x"}, "broker_url must start with"),
        ({"PASSERBY_WORKERS": "2"}, "workers > 1 needs a shared broker"),
        ({"PASSERBY_WORKERS": "0"}, "workers must be at least 1"),
        ({"PASSERBY_NODE_HEARTBEAT_SECONDS": "5"}, "node_heartbeat_seconds must be"),
        ({"PASSERBY_REDIS_PREFIX": "{x}"}, "redis_prefix must be"),
    ],
)
def test_bad_values_are_refused_with_the_setting_named(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load(env=env)


def test_a_redis_broker_with_several_workers_is_accepted() -> None:
    settings = load(
        env={"PASSERBY_BROKER_URL": "redis://127.0.0.1:6379/0", "PASSERBY_WORKERS": "2"}
    )
    assert settings.workers == 2


def test_bad_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load(tmp_path / "missing.toml", env={})
    broken = tmp_path / "broken.toml"
    broken.write_text("port = = 1")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load(broken, env={})
    unknown = tmp_path / "unknown.toml"
    unknown.write_text("colour = 'blue'")
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        load(unknown, env={})
    typed = tmp_path / "typed.toml"
    typed.write_text("port = true")
    with pytest.raises(ConfigError, match="expected int"):
        load(typed, env={})


def test_test_variables_are_not_settings() -> None:
    assert load(env={"PASSERBY_TEST_REDIS_URL": "redis://x"}) == Settings()
