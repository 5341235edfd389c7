def test_healthz_answers_without_login(client, db):
    assert client.get("/healthz").json() == {"status": "ok"}


def test_readiness_checks_database_and_migrations(client, db):
    assert client.get("/readiness").json() == {"status": "ready"}


def test_settings_refuse_to_start_without_a_secret_outside_the_demo():
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in {"SAUMATON_SECRET_KEY", "SAUMATON_DEMO"}}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SAUMATON_SECRET_KEY is not set" in result.stderr
