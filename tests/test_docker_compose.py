"""Structural contract of the deployment stack (docker-compose.yml and .env.example).

Docker does not run on the development machines, so these tests read the files as data:
services, images, health checks, volumes, the wiring between Odoo and Chatwoot, and the
variables that .env.example must provide. When the `docker compose` CLI plugin happens to be
installed, the last tests also let compose itself validate the file.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE_FILE = ROOT / "docker-compose.yml"
ENV_EXAMPLE = ROOT / ".env.example"

ADDONS = (
    "chatwoot_ai_base",
    "chatwoot_ai_analytics",
    "chatwoot_ai_content",
    "chatwoot_ai_social",
    "chatwoot_ai_campaign",
)
LONG_RUNNING = ("odoo", "db", "chatwoot_rails", "chatwoot_sidekiq", "chatwoot_db", "chatwoot_redis")
ONE_SHOT = ("chatwoot_migrate",)
CHATWOOT_APP_SERVICES = ("chatwoot_migrate", "chatwoot_rails", "chatwoot_sidekiq")
SECRETS = (
    "ODOO_DB_PASSWORD",
    "CHATWOOT_SECRET_KEY_BASE",
    "CHATWOOT_POSTGRES_PASSWORD",
    "CHATWOOT_REDIS_PASSWORD",
)

# Compose interpolation: "$$" is a literal dollar, "${NAME...}" and "$NAME" are variables.
_INTERPOLATION = re.compile(
    r"\$(?:(?P<escaped>\$)"
    r"|\{(?P<braced>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?+])(?P<arg>[^}]*))?\}"
    r"|(?P<named>[A-Za-z_][A-Za-z0-9_]*))"
)


# --- helpers -----------------------------------------------------------------------------------


def _load_compose():
    return yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))


def _parse_env_file(path):
    """KEY=VALUE lines as compose reads them (comments, blank lines and quotes handled)."""
    values = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition("=")
        assert sep, f"{path.name}: not a KEY=VALUE line: {raw!r}"
        key, value = key.strip(), value.strip()
        if value[:1] in "\"'" and value[-1:] == value[:1] and len(value) >= 2:
            value = value[1:-1]
        else:
            value = re.split(r"\s+#", value, maxsplit=1)[0].rstrip()
        values[key] = value
    return values


def _strings(value):
    """Every key and string value of a parsed YAML document (comments are already gone)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield value


def _referenced_variables(document):
    """{name: [operator, ...]} for every variable compose would interpolate in `document`."""
    found = {}
    for text in _strings(document):
        for match in _INTERPOLATION.finditer(text):
            if match.group("escaped"):
                continue
            name = match.group("braced") or match.group("named")
            found.setdefault(name, []).append(match.group("op") or "")
    return found


class MissingVariable(Exception):
    pass


def _interpolate(value, env):
    """Resolve compose variables in every string of a parsed compose document."""
    if isinstance(value, dict):
        return {key: _interpolate(item, env) for key, item in value.items()}
    if isinstance(value, list):
        return [_interpolate(item, env) for item in value]
    if not isinstance(value, str):
        return value

    def substitute(match):
        if match.group("escaped"):
            return "$"
        name = match.group("braced") or match.group("named")
        op, arg = match.group("op") or "", match.group("arg") or ""
        current = env.get(name)
        unset_or_empty = not current
        missing = unset_or_empty if op.startswith(":") else current is None
        if op.endswith("-"):
            return arg if missing else current
        if op.endswith("?"):
            if missing:
                raise MissingVariable(f"{name}: {arg}")
            return current
        if op.endswith("+"):
            return "" if missing else arg
        return current or ""

    return _INTERPOLATION.sub(substitute, value)


def _filled_env():
    """.env.example with a throwaway value for each secret left empty in it."""
    env = _parse_env_file(ENV_EXAMPLE)
    for name in SECRETS:
        env[name] = env[name] or f"test-only-{name.lower()}"
    return env


def _environment(service):
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, None) for item in env)
    return env


def _volume_targets(service):
    targets = []
    for volume in service.get("volumes") or []:
        if isinstance(volume, dict):
            targets.append((volume.get("source"), volume["target"], volume.get("read_only", False)))
        else:
            parts = volume.split(":")
            targets.append((parts[0], parts[1], len(parts) > 2 and "ro" in parts[2].split(",")))
    return targets


def _command_words(service):
    command = service.get("command") or []
    return command.split() if isinstance(command, str) else list(command)


def _depends_on(service):
    depends = service.get("depends_on") or {}
    if isinstance(depends, list):
        return dict.fromkeys(depends, "service_started")
    return {
        name: (spec or {}).get("condition", "service_started") for name, spec in depends.items()
    }


@pytest.fixture(scope="module")
def compose():
    return _load_compose()


@pytest.fixture(scope="module")
def services(compose):
    return compose["services"]


@pytest.fixture(scope="module")
def resolved_services():
    """The services once interpolated with .env.example plus throwaway secrets."""
    return _interpolate(_load_compose(), _filled_env())["services"]


# --- services, images, health, persistence -----------------------------------------------------


def test_all_stack_services_exist(services):
    assert set(LONG_RUNNING + ONE_SHOT) <= set(services)


def test_images_are_the_expected_ones(services):
    assert services["db"]["image"] == "postgres:16"
    assert services["chatwoot_db"]["image"] == "pgvector/pgvector:pg16"
    assert services["chatwoot_redis"]["image"] == "redis:7"
    for name in CHATWOOT_APP_SERVICES:
        assert services[name]["image"].startswith("chatwoot/chatwoot:"), name


def test_chatwoot_image_is_pinned_to_a_version_that_allows_private_webhooks():
    secrets_only = {name: value for name, value in _filled_env().items() if name in SECRETS}
    # Both the compose file's own default and the tag .env.example suggests.
    for env in (secrets_only, _filled_env()):
        resolved = _interpolate(_load_compose(), env)["services"]
        tags = {resolved[name]["image"] for name in CHATWOOT_APP_SERVICES}
        assert len(tags) == 1, "rails, sidekiq and the migration must run the same image"
        tag = tags.pop().split(":", 1)[1]
        match = re.fullmatch(r"v(\d+)\.(\d+)\.(\d+)(?:-ce)?", tag)
        assert match, f"pin a release tag, not {tag!r}"
        assert tuple(int(part) for part in match.groups()) >= (4, 14, 1)


def test_every_service_has_healthcheck_and_volume(services):
    for name in LONG_RUNNING:
        service = services[name]
        healthcheck = service.get("healthcheck") or {}
        assert healthcheck.get("test"), f"{name} has no healthcheck"
        assert not healthcheck.get("disable"), f"{name} disables its healthcheck"
        assert _volume_targets(service), f"{name} has no volume"


def test_persistent_data_lives_in_named_volumes(compose, services):
    named = set(compose.get("volumes") or {})
    expected = {
        "odoo": "/var/lib/odoo",
        "db": "/var/lib/postgresql/data",
        "chatwoot_db": "/var/lib/postgresql/data",
        "chatwoot_redis": "/data",
        "chatwoot_rails": "/app/storage",
        "chatwoot_sidekiq": "/app/storage",
    }
    for name, target in expected.items():
        sources = {source for source, tgt, _ro in _volume_targets(services[name]) if tgt == target}
        assert sources and sources <= named, f"{name}:{target} must be a named volume"


def test_long_running_services_restart_unless_stopped(services):
    for name in LONG_RUNNING:
        assert services[name].get("restart") == "unless-stopped", name


def test_migration_runs_once_before_chatwoot_starts(services):
    migrate = services["chatwoot_migrate"]
    assert _command_words(migrate)[-1] == "db:chatwoot_prepare"
    # A one-shot with a restart policy would run again after each success.
    assert migrate.get("restart") == "no"
    for name in ("chatwoot_rails", "chatwoot_sidekiq"):
        assert (
            _depends_on(services[name]).get("chatwoot_migrate") == "service_completed_successfully"
        )


def test_services_wait_for_healthy_dependencies(services):
    assert _depends_on(services["odoo"]).get("db") == "service_healthy"
    for name in CHATWOOT_APP_SERVICES:
        depends = _depends_on(services[name])
        assert depends.get("chatwoot_db") == "service_healthy", name
        assert depends.get("chatwoot_redis") == "service_healthy", name


def test_chatwoot_processes_match_the_official_stack(services):
    rails, sidekiq = services["chatwoot_rails"], services["chatwoot_sidekiq"]
    assert rails["entrypoint"] == "docker/entrypoints/rails.sh"
    assert _command_words(rails) == ["bundle", "exec", "rails", "s", "-p", "3000", "-b", "0.0.0.0"]
    assert _command_words(sidekiq) == ["bundle", "exec", "sidekiq", "-C", "config/sidekiq.yml"]


def _redis_password(services):
    words = _command_words(services["chatwoot_redis"])
    assert "--requirepass" in words, "Chatwoot's Redis must require a password"
    return words[words.index("--requirepass") + 1]


def test_redis_requires_a_password(services):
    password = _redis_password(services)
    assert "CHATWOOT_REDIS_PASSWORD" in password
    # The healthcheck's redis-cli authenticates with the same secret.
    assert _environment(services["chatwoot_redis"])["REDISCLI_AUTH"] == password


# --- Odoo --------------------------------------------------------------------------------------


def test_odoo_image_is_built_from_odoo_19_with_the_requirements(services):
    build = services["odoo"]["build"]
    assert build.get("context") == "."
    lines = [line.strip() for line in build["dockerfile_inline"].strip().splitlines()]
    assert lines[0] == "FROM odoo:19"
    assert "USER root" in lines
    assert lines[-1] == "USER odoo", "the image must drop back to the odoo user"
    text = "\n".join(lines)
    assert re.search(r"^COPY requirements\.txt ", text, re.MULTILINE)
    assert re.search(r"pip3 install [^\n]*--break-system-packages[^\n]*-r ", text)


def test_requirements_install_on_the_images_python_312():
    """odoo:19 runs Python 3.12: the 3.11-only pins must be fenced off by markers."""
    lines = [
        line.split("#", 1)[0].strip()
        for line in (ROOT / "requirements.txt").read_text().splitlines()
        if line.split("#", 1)[0].strip()
    ]
    for package in ("gevent", "greenlet", "reportlab"):
        variants = [line for line in lines if re.match(rf"{package}==", line)]
        assert variants, package
        if len(variants) == 1:  # one release for both Pythons (Odoo's 3.12 pin)
            assert ";" not in variants[0], package
            continue
        assert any("python_version < '3.12'" in line for line in variants), package
        assert any("python_version >= '3.12'" in line for line in variants), package
    psycopg2 = [line for line in lines if line.startswith("psycopg2==")]
    assert psycopg2 and all("python_version < '3.12'" in line for line in psycopg2)


def test_all_five_addons_are_mounted_read_only(services):
    mounts = {target: (source, ro) for source, target, ro in _volume_targets(services["odoo"])}
    for addon in ADDONS:
        assert mounts.get(f"/mnt/extra-addons/{addon}") == (f"./{addon}", True), addon


def test_queue_job_is_server_wide_with_its_channels(services):
    odoo = services["odoo"]
    words = _command_words(odoo)
    assert words[0] == "odoo"
    loads = [
        w.split("=", 1)[1] for w in words if w.startswith(("--load=", "--server-wide-modules="))
    ]
    assert len(loads) == 1
    modules = loads[0].split(",")
    # Odoo 19's default is base,rpc,web: keep it and add queue_job.
    assert {"base", "rpc", "web", "queue_job"} <= set(modules)
    workers = [int(w.split("=", 1)[1]) for w in words if w.startswith("--workers=")]
    assert workers and workers[0] > 0, "queue_job's runner and prefork need --workers"
    channels = _environment(odoo)["ODOO_QUEUE_JOB_CHANNELS"].split(",")
    assert "root:2" in channels and "root.chatwoot:2" in channels


def test_odoo_serves_only_the_chatwoot_ai_database(resolved_services):
    words = _command_words(resolved_services["odoo"])
    assert "--database=chatwoot_ai" in words
    assert "--db-filter=^chatwoot_ai$" in words
    assert "--proxy-mode" in words


def test_odoo_reaches_its_database_by_service_name(services):
    env = _environment(services["odoo"])
    assert env["HOST"] == "db"
    assert env["USER"] == services["db"]["environment"]["POSTGRES_USER"] == "odoo"
    assert env["PASSWORD"] == services["db"]["environment"]["POSTGRES_PASSWORD"]


def test_odoo_healthcheck_probes_web_health(services):
    test = " ".join(services["odoo"]["healthcheck"]["test"])
    assert "http://localhost:8069/web/health" in test


def test_odoo_port_is_published(resolved_services):
    ports = [str(port) for port in resolved_services["odoo"]["ports"]]
    assert any(port.endswith("8069:8069") for port in ports)


# --- Odoo <-> Chatwoot wiring ------------------------------------------------------------------


def test_chatwoot_env_points_at_its_own_db_and_redis(services):
    for name in CHATWOOT_APP_SERVICES:
        env = _environment(services[name])
        assert env["POSTGRES_HOST"] == "chatwoot_db", name
        assert re.fullmatch(r"redis://chatwoot_redis:6379(/\d+)?", env["REDIS_URL"]), name
        assert env["RAILS_ENV"] == "production", name
        assert env["ENABLE_ACCOUNT_SIGNUP"] == "false", name
        assert env["INSTALLATION_ENV"] == "docker", name
        assert env["RAILS_LOG_TO_STDOUT"] == "true", name


def test_chatwoot_services_share_one_environment(services):
    first, *others = (_environment(services[name]) for name in CHATWOOT_APP_SERVICES)
    for env in others:
        assert env == first


def test_chatwoot_credentials_match_its_database(services):
    chatwoot_env = _environment(services["chatwoot_rails"])
    db_env = _environment(services["chatwoot_db"])
    assert chatwoot_env["POSTGRES_USERNAME"] == db_env["POSTGRES_USER"]
    assert chatwoot_env["POSTGRES_PASSWORD"] == db_env["POSTGRES_PASSWORD"]
    assert chatwoot_env["POSTGRES_DATABASE"] == db_env["POSTGRES_DB"]
    assert chatwoot_env["REDIS_PASSWORD"] == _redis_password(services)


def test_chatwoot_may_deliver_webhooks_to_odoo_on_the_private_network(services):
    # Sidekiq delivers the webhooks, so the SafeFetch opt-out must reach it too.
    for name in ("chatwoot_rails", "chatwoot_sidekiq"):
        assert _environment(services[name])["SAFE_FETCH_ALLOW_PRIVATE_NETWORK"] == "true", name


def test_odoo_points_at_chatwoot_rails_and_advertises_its_webhook_host(services):
    odoo = services["odoo"]
    env = _environment(odoo)
    assert env["CHATWOOT_BASE_URL"] == "http://chatwoot_rails:3000"
    webhook = re.fullmatch(r"http://([^:/]+):8069", env["ODOO_WEBHOOK_BASE_URL"])
    assert webhook, env["ODOO_WEBHOOK_BASE_URL"]
    networks = odoo["networks"]
    aliases = {
        alias
        for spec in (networks.values() if isinstance(networks, dict) else [])
        for alias in (spec or {}).get("aliases", [])
    }
    assert webhook.group(1) in {"odoo"} | aliases
    # Chatwoot's webhook form only accepts host names with a dot.
    assert any("." in alias for alias in aliases)


def test_all_services_share_one_user_defined_network(compose, services):
    declared = set(compose.get("networks") or {})
    assert declared, "declare a user-defined network"
    shared = None
    for name in LONG_RUNNING + ONE_SHOT:
        networks = services[name].get("networks")
        assert networks, f"{name} is not attached to the user-defined network"
        names = set(networks if isinstance(networks, list) else networks.keys())
        shared = names if shared is None else shared & names
    assert shared & declared


# --- variables and .env.example ----------------------------------------------------------------


def test_every_compose_variable_is_listed_in_env_example():
    referenced = _referenced_variables(_load_compose())
    listed = _parse_env_file(ENV_EXAMPLE)
    assert referenced, "docker-compose.yml should read its settings from .env"
    missing = sorted(set(referenced) - set(listed))
    assert not missing, f"add to .env.example: {missing}"


def test_env_example_lists_no_unused_variable():
    referenced = _referenced_variables(_load_compose())
    unused = sorted(set(_parse_env_file(ENV_EXAMPLE)) - set(referenced))
    assert not unused, f"not used by docker-compose.yml: {unused}"


def test_secrets_are_required_and_have_no_default():
    referenced = _referenced_variables(_load_compose())
    listed = _parse_env_file(ENV_EXAMPLE)
    for name in SECRETS:
        assert name in referenced, name
        assert set(referenced[name]) == {":?"}, f"{name} must be ${{{name}:?...}} everywhere"
        assert listed[name] == "", f".env.example must not ship a value for {name}"


def test_compose_refuses_to_start_with_an_unfilled_env_example():
    with pytest.raises(MissingVariable):
        _interpolate(_load_compose(), _parse_env_file(ENV_EXAMPLE))


def test_compose_interpolates_once_secrets_are_filled(resolved_services):
    leftover = re.compile(r"\$\{|\$[A-Za-z_]")
    for name, service in resolved_services.items():
        for key in ("image", "environment", "ports"):
            text = yaml.safe_dump(service.get(key))
            assert not leftover.search(text), (name, key)


def test_compose_file_names_no_machine_local_path():
    text = COMPOSE_FILE.read_text(encoding="utf-8") + ENV_EXAMPLE.read_text(encoding="utf-8")
    assert not re.search(r"(?<![\w.])/(work|tmp|home|Users)/", text)


# --- compose itself, where the CLI plugin exists -----------------------------------------------


def _docker_compose_available():
    docker = shutil.which("docker")
    if not docker:
        return False
    try:
        probe = subprocess.run(
            [docker, "compose", "version"], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return probe.returncode == 0


needs_compose = pytest.mark.skipif(
    not _docker_compose_available(),
    reason="the docker compose CLI plugin is not installed (Docker does not run on dev machines)",
)


def _compose_config(env_file):
    return subprocess.run(
        ["docker", "compose", "-f", str(COMPOSE_FILE), "--env-file", str(env_file), "config", "-q"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
        # Variables of the calling shell would override the env file: keep only the basics.
        env={key: os.environ[key] for key in ("PATH", "HOME") if key in os.environ},
    )


@needs_compose
def test_docker_compose_config_accepts_the_file(tmp_path):
    env_file = tmp_path / "filled.env"
    lines = [f'{key}="{value}"' for key, value in _filled_env().items()]
    env_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _compose_config(env_file)
    assert result.returncode == 0, result.stderr


@needs_compose
def test_docker_compose_config_rejects_env_example_without_secrets():
    result = _compose_config(ENV_EXAMPLE)
    assert result.returncode != 0
    assert "in .env" in result.stderr
