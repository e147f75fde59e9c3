"""Configuration: the prototype's variable names, sensible defaults, and start-up errors that name the
variable to fix."""

from __future__ import annotations

import pytest

from server.config import ConfigError, load_settings


def test_defaults_serve_the_embedded_database_on_loopback_without_kafka():
    settings = load_settings({})
    assert settings.address == "127.0.0.1:8004"
    assert settings.database_url.startswith("sqlite+aiosqlite:///")
    assert settings.KAFKA_BOOTSTRAP_SERVERS is None
    assert settings.KAFKA_TOPIC_PREFIX == "crm."
    assert (settings.AI_REQUEST_TIMEOUT, settings.AI_RETRY_COUNT) == (30.0, 3)
    assert settings.UPSELL_RANGE == (1.2, 3.0)
    assert settings.CROSS_SELL_RANGE == (0.5, 2.0)
    assert settings.COMPLEMENT_RANGE == (0.3, 1.5)
    assert (settings.DEFAULT_MARGIN, settings.CLASSIFICATION_PREMIUM) == (0.25, 0.25)


def test_postgres_variables_build_a_psycopg_url_with_an_escaped_password():
    settings = load_settings(
        {
            "POSTGRES_HOST": "db",
            "POSTGRES_PORT": "6432",
            "POSTGRES_DB": "crm",
            "POSTGRES_USER": "app",
            "POSTGRES_PASSWORD": "p@ss/word",
        }
    )
    assert settings.database_url == "postgresql+psycopg://app:p%40ss%2Fword@db:6432/crm"


def test_database_url_wins_over_postgres_variables():
    settings = load_settings({"DATABASE_URL": "sqlite:///x.db", "POSTGRES_HOST": "db"})
    assert settings.database_url == "sqlite:///x.db"


def test_the_direct_url_is_the_database_url_unless_a_pooler_stands_between():
    pooled = "postgresql://app@pgbouncer:6432/crm"
    assert load_settings({"DATABASE_URL": pooled}).direct_database_url == pooled
    settings = load_settings(
        {
            "DATABASE_URL": pooled,
            "DATABASE_DIRECT_URL": "postgresql://app@db:5432/crm",
            "DB_PREPARED_STATEMENTS": "false",
        }
    )
    assert settings.database_url == pooled
    assert settings.direct_database_url == "postgresql://app@db:5432/crm"
    assert settings.DB_PREPARED_STATEMENTS is False
    assert load_settings({}).DB_PREPARED_STATEMENTS is True


def test_a_direct_url_beside_the_embedded_database_is_refused():
    with pytest.raises(ConfigError, match="DATABASE_DIRECT_URL"):
        load_settings({"DATABASE_DIRECT_URL": "postgresql://app@db:5432/crm"})


def test_a_bad_direct_url_is_named_without_its_secret():
    with pytest.raises(ConfigError) as refused:
        load_settings({"DATABASE_DIRECT_URL": "mysql://app:hunter2@db/crm"})
    assert "DATABASE_DIRECT_URL" in str(refused.value) and "hunter2" not in str(refused.value)


def test_migrations_run_as_the_service_unless_an_owner_is_named():
    """The prototype's single role still works (start-up then warns that it owns the tables)."""
    settings = load_settings({"POSTGRES_HOST": "db", "POSTGRES_USER": "app"})
    assert settings.migration_database_url == settings.database_url


def test_the_owner_migrates_on_the_services_host_and_database():
    settings = load_settings(
        {
            "POSTGRES_HOST": "db",
            "POSTGRES_USER": "crm",
            "POSTGRES_MIGRATION_USER": "crm_owner",
            "POSTGRES_MIGRATION_PASSWORD": "s3cr:t",
        }
    )
    assert settings.database_url == "postgresql+psycopg://crm@db:5432/crm"
    assert settings.migration_database_url == "postgresql+psycopg://crm_owner:s3cr%3At@db:5432/crm"


def test_a_migration_url_wins_and_must_name_the_same_backend():
    url = "postgresql://owner@db/crm"
    settings = load_settings(
        {"DATABASE_URL": "postgresql://svc@db/crm", "MIGRATION_DATABASE_URL": url, "POSTGRES_HOST": "x"}
    )
    assert settings.migration_database_url == url
    with pytest.raises(ConfigError, match="MIGRATION_DATABASE_URL must name the same backend"):
        load_settings({"DATABASE_URL": "sqlite:///x.db", "MIGRATION_DATABASE_URL": url})


def test_a_bad_migration_url_is_named_without_its_value():
    with pytest.raises(ConfigError, match="MIGRATION_DATABASE_URL") as caught:
        load_settings({"MIGRATION_DATABASE_URL": "mysql://root:hunter2@db/crm"})
    assert "hunter2" not in str(caught.value)


@pytest.mark.parametrize("text", ["1.5,2.5", "(1.5, 2.5)", "[1.5, 2.5]", "1.5-2.5"])
def test_price_ranges_accept_the_usual_spellings(text):
    assert load_settings({"UPSELL_RANGE": text}).UPSELL_RANGE == (1.5, 2.5)


def test_an_empty_kafka_variable_means_not_configured():
    assert load_settings({"KAFKA_BOOTSTRAP_SERVERS": "  "}).KAFKA_BOOTSTRAP_SERVERS is None


@pytest.mark.parametrize(
    ("environ", "named"),
    [
        ({"PORT": "eighty"}, "PORT"),
        ({"PORT": "70000"}, "PORT"),
        ({"UPSELL_RANGE": "3,1"}, "UPSELL_RANGE"),
        ({"CROSS_SELL_RANGE": "cheap"}, "CROSS_SELL_RANGE"),
        ({"AI_RETRY_COUNT": "-1"}, "AI_RETRY_COUNT"),
        ({"AI_REQUEST_TIMEOUT": "0"}, "AI_REQUEST_TIMEOUT"),
        ({"DEFAULT_MARGIN": "lots"}, "DEFAULT_MARGIN"),
        ({"AUTH_MODE": "basic"}, "AUTH_MODE"),
        ({"AUTH_MODE": "jwt"}, "JWT_SECRET"),
        ({"HOST": "0.0.0.0"}, "AUTH_MODE"),
        ({"TLS_CERT_FILE": "/nonexistent.pem", "TLS_KEY_FILE": "/nonexistent.key"}, "TLS_CERT_FILE"),
        ({"TLS_CERT_FILE": "/etc/hostname"}, "TLS_KEY_FILE"),
    ],
)
def test_a_bad_value_fails_with_the_variable_named(environ, named):
    with pytest.raises(ConfigError) as caught:
        load_settings(environ)
    assert named in str(caught.value)


def test_every_bad_variable_is_named_at_once():
    with pytest.raises(ConfigError) as caught:
        load_settings({"PORT": "x", "OUTBOX_BATCH_SIZE": "0"})
    assert "PORT" in str(caught.value) and "OUTBOX_BATCH_SIZE" in str(caught.value)


def test_jwt_mode_may_listen_on_every_interface():
    settings = load_settings(
        {
            "HOST": "0.0.0.0",
            "AUTH_MODE": "jwt",
            "JWT_SECRET": "s" * 32,
            "JWT_AUDIENCE": "crm",
            "JWT_ISSUER": "auth",
        }
    )
    assert settings.address == "0.0.0.0:8004"


def test_lead_priority_thresholds_come_from_configuration_and_must_be_ordered():
    from server.policies import lead_scoring_policy

    policy = lead_scoring_policy(
        load_settings({"LEAD_PRIORITY_URGENT_AT": "90", "LEAD_LEARNING_MIN_CLOSED": "50"})
    )
    assert (policy.urgent_at, policy.high_at, policy.learning_min_closed) == (90.0, 60.0, 50)
    with pytest.raises(ConfigError, match="LEAD_PRIORITY_URGENT_AT"):
        load_settings({"LEAD_PRIORITY_URGENT_AT": "50", "LEAD_PRIORITY_HIGH_AT": "70"})


def test_engine_thresholds_come_from_configuration():
    from server.policies import classification_policy, fraud_policy, optimizer_policy

    settings = load_settings(
        {"CLASSIFICATION_HERO_AT": "85", "FRAUD_HIGH_AT": "0.7", "INVENTORY_SERVICE_LEVEL": "0.99"}
    )
    assert classification_policy(settings).hero_at == 85.0
    assert fraud_policy(settings).high_at == 0.7
    assert optimizer_policy(settings).service_level == 0.99


@pytest.mark.parametrize(
    "environ",
    [
        {"CLASSIFICATION_GOOD_AT": "90"},
        {"FRAUD_MEDIUM_AT": "0.7"},
    ],
)
def test_thresholds_out_of_order_are_refused(environ):
    with pytest.raises(ConfigError):
        load_settings(environ)


@pytest.mark.parametrize(
    ("environ", "enabled"),
    [
        ({}, False),
        ({"CREWAI_HOST": "crew.internal"}, True),
        ({"MARKETING_WORKFLOW_ON_CREATE": "always"}, True),
        ({"CREWAI_HOST": "crew.internal", "MARKETING_WORKFLOW_ON_CREATE": "never"}, False),
    ],
)
def test_new_products_queue_the_marketing_workflow_where_configured(environ, enabled):
    from server.policies import marketing_on_create

    assert marketing_on_create(load_settings(environ)).enabled is enabled


def test_page_token_keys_are_read_newest_first_and_a_bad_one_stops_start_up_without_echoing_it():
    from cryptography.fernet import Fernet

    new, old = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    assert load_settings({"PAGE_TOKEN_KEYS": f"{new}, {old}"}).page_token_keys == [new, old]
    with pytest.raises(ConfigError) as refused:
        load_settings({"PAGE_TOKEN_KEYS": f"{new},not-a-key-at-all"})
    assert "PAGE_TOKEN_KEYS" in str(refused.value) and "not-a-key-at-all" not in str(refused.value)


def test_category_demand_extends_the_table_and_strict_categories_closes_it():
    from server.policies import categories, classification_policy

    settings = load_settings({"CATEGORY_DEMAND": "gadgets=72, Fitness=90", "STRICT_CATEGORIES": "true"})
    demand = classification_policy(settings).category_demand
    assert demand["gadgets"] == 72 and demand["fitness"] == 90 and demand["books"] == 35
    closed = categories(settings)
    assert closed.problem("gadgets") is None
    assert "unknown category 'drones'" in (closed.problem("drones") or "")
    assert categories(load_settings({})).problem("drones") is None  # open by default: neutral demand


@pytest.mark.parametrize("value", ["gadgets", "gadgets=101", "Not A Key=5", "gadgets=x"])
def test_a_malformed_category_demand_names_the_variable(value):
    with pytest.raises(ConfigError) as caught:
        load_settings({"CATEGORY_DEMAND": value})
    assert "CATEGORY_DEMAND" in str(caught.value)


def test_offer_choice_weights_are_read_as_pairs_and_must_name_every_factor_and_add_up_to_one():
    settings = load_settings(
        {"OFFER_CHOICE_WEIGHTS": "landed_cost=0.7, lead_time=0.1, supplier_rating=0.1, moq_fit=0.1"}
    )
    assert settings.OFFER_CHOICE_WEIGHTS["landed_cost"] == 0.7
    for bad in ("landed_cost=1", "landed_cost=0.5,lead_time=0.5,supplier_rating=0.5,moq_fit=0.5", "x"):
        with pytest.raises(ConfigError, match="OFFER_CHOICE_WEIGHTS"):
            load_settings({"OFFER_CHOICE_WEIGHTS": bad})
