"""crmctl's pure pieces: table formatting, enum names, durations, argument parsing and rendering."""

from __future__ import annotations

import argparse
from datetime import timedelta

import grpc
import pytest
from google.protobuf import any_pb2

from clients import cli, render
from clients.errors import ErrorDetails
from clients.parsing import enum_choices, enum_label, enum_prefix, parse_duration, parse_enum
from clients.tables import cell_text, format_pairs, format_table
from crm.v2 import common_pb2, event_service_pb2, events_pb2, lead_service_pb2, system_service_pb2

LeadSource = lead_service_pb2.LeadSource
LeadStatus = lead_service_pb2.LeadStatus

# ----- tables


def test_table_pads_every_column_to_its_widest_cell_under_a_dashed_rule() -> None:
    text = format_table(("ID", "NAME"), [["a1", "Ada Lovelace"], ["b22", "Bo"]])
    assert text.splitlines() == [
        "ID   NAME",
        "---  ------------",
        "a1   Ada Lovelace",
        "b22  Bo",
    ]


def test_table_right_aligns_numeric_columns_and_prints_floats_with_two_decimals() -> None:
    text = format_table(("NAME", "SCORE"), [["x", 7.5], ["y", 100.0]])
    assert text.splitlines() == [
        "NAME   SCORE",
        "----  ------",
        "x       7.50",
        "y     100.00",
    ]


def test_table_cuts_long_cells_with_an_ellipsis_and_blanks_none() -> None:
    text = format_table(("A", "B"), [["abcdefghij", None]], max_width=5)
    assert text.splitlines()[2] == "abcd…"
    assert "None" not in text


def test_table_collapses_newlines_so_a_row_stays_on_one_line() -> None:
    text = format_table(("NOTES",), [["line one\nline two"]])
    assert text.splitlines()[2] == "line one line two"


def test_table_with_no_rows_still_shows_the_header() -> None:
    assert format_table(("ID", "EMAIL"), []).splitlines() == ["ID  EMAIL", "--  -----"]


def test_table_rejects_a_row_of_the_wrong_length() -> None:
    with pytest.raises(ValueError, match="expected 2"):
        format_table(("A", "B"), [["only one"]])


def test_cell_text_does_not_treat_bool_as_a_number() -> None:
    assert cell_text(True) == "True"
    assert format_table(("FLAG",), [[True], [False]]).splitlines()[2] == "True"


def test_pairs_align_values_after_the_longest_key() -> None:
    assert format_pairs([("id", "1"), ("assigned to", "bo"), ("notes", None)]).splitlines() == [
        "id           1",
        "assigned to  bo",
        "notes",
    ]


# ----- enums


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("closed_won", LeadStatus.LEAD_STATUS_CLOSED_WON),
        ("closed-won", LeadStatus.LEAD_STATUS_CLOSED_WON),
        ("CLOSED_WON", LeadStatus.LEAD_STATUS_CLOSED_WON),
        ("LEAD_STATUS_CLOSED_WON", LeadStatus.LEAD_STATUS_CLOSED_WON),
        ("new", LeadStatus.LEAD_STATUS_NEW),
    ],
)
def test_status_accepts_friendly_and_full_names(text: str, expected: int) -> None:
    assert parse_enum(LeadStatus, text) == expected


def test_source_referral_maps_to_lead_source_referral() -> None:
    assert parse_enum(LeadSource, "referral") == LeadSource.LEAD_SOURCE_REFERRAL
    assert parse_enum(LeadSource, "social_media") == LeadSource.LEAD_SOURCE_SOCIAL_MEDIA


@pytest.mark.parametrize("text", ["unspecified", "LEAD_SOURCE_UNSPECIFIED", "carrier_pigeon", ""])
def test_unknown_or_unspecified_names_are_rejected_with_the_choices(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="referral"):
        parse_enum(LeadSource, text)


def test_enum_prefix_and_choices_come_from_the_unspecified_value() -> None:
    assert enum_prefix(LeadSource) == "LEAD_SOURCE_"
    assert enum_choices(LeadStatus) == [
        "new", "contacted", "qualified", "proposal", "negotiation", "closed_won", "closed_lost",
    ]  # fmt: skip


def test_every_label_parses_back_to_its_number() -> None:
    for number in LeadSource.values():
        if number:
            assert parse_enum(LeadSource, enum_label(LeadSource, number)) == number


def test_label_of_an_unknown_number_is_its_digits() -> None:
    assert enum_label(LeadSource, 99) == "99"


# ----- durations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10m", timedelta(minutes=10)),
        ("90s", timedelta(seconds=90)),
        ("1h30m", timedelta(hours=1, minutes=30)),
        ("2d", timedelta(days=2)),
        ("1w", timedelta(weeks=1)),
        ("500ms", timedelta(milliseconds=500)),
        ("1m5s", timedelta(seconds=65)),
        ("45", timedelta(seconds=45)),
        (" 1.5h ", timedelta(minutes=90)),
    ],
)
def test_durations_parse(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["", "m", "10x", "10mm", "-5m", "0s", "5 m", "m10", "1h 30m"])
def test_bad_durations_are_rejected(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        parse_duration(text)


# ----- argument parsing


def test_leads_create_maps_friendly_flags_to_enum_values() -> None:
    argv = (
        "--tenant 7 leads create --first-name Ada --last-name L --email a@x.io --source referral"
        " --status contacted --priority urgent --tag vip --tag b2b"
    )
    args = cli.build_parser().parse_args(argv.split())
    assert args.tenant == 7
    assert args.source == LeadSource.LEAD_SOURCE_REFERRAL
    assert args.status == LeadStatus.LEAD_STATUS_CONTACTED
    assert args.priority == lead_service_pb2.LeadPriority.LEAD_PRIORITY_URGENT
    assert args.tags == ["vip", "b2b"]


def test_bad_source_flag_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.build_parser().parse_args(["leads", "list", "--source", "fax"])
    assert exit_info.value.code == 2
    assert "invalid choice 'fax'" in capsys.readouterr().err


def test_global_defaults_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRM_TARGET", "crm.internal:9000")
    monkeypatch.setenv("CRM_TENANT", "42")
    monkeypatch.setenv("CRM_TOKEN", "s3cret")
    args = cli.build_parser().parse_args(["health"])
    assert (args.target, args.tenant, args.token) == ("crm.internal:9000", 42, "s3cret")


def test_events_tail_takes_types_and_since() -> None:
    args = cli.build_parser().parse_args(["events", "tail", "--type", "lead.created", "--since", "10m"])
    assert args.types == ["lead.created"]
    assert args.since == timedelta(minutes=10)


# ----- rendering


def _lead() -> lead_service_pb2.Lead:
    return lead_service_pb2.Lead(
        id="0192-lead",
        first_name="Ada",
        last_name="Lovelace",
        email="ada@example.com",
        company="Analytical Engines",
        status=LeadStatus.LEAD_STATUS_NEW,
        source=LeadSource.LEAD_SOURCE_REFERRAL,
        priority=lead_service_pb2.LeadPriority.LEAD_PRIORITY_HIGH,
        score=72.456,
        score_factors=[
            common_pb2.ScoreFactor(
                name="source_quality",
                weight=0.25,
                value=90,
                contribution=22.5,
                explanation="referrals convert",
            )
        ],
    )


def test_leads_table_shows_the_header_and_friendly_values() -> None:
    lines = render.leads_table([_lead()]).splitlines()
    assert lines[0].split() == ["ID", "NAME", "EMAIL", "COMPANY", "STATUS", "SOURCE", "PRIORITY", "SCORE"]
    assert lines[2].split("  ")[0] == "0192-lead"
    for expected in ("Ada Lovelace", "ada@example.com", "new", "referral", "high", "72.50"):
        assert expected in lines[2]


def test_lead_detail_lists_each_score_factor() -> None:
    text = render.lead_detail(_lead())
    assert "score        72.46" in text
    factor_line = next(line for line in text.splitlines() if line.startswith("source_quality"))
    assert factor_line.split()[:4] == ["source_quality", "0.25", "90.00", "22.50"]


def test_event_line_unpacks_the_any_payload_to_compact_json() -> None:
    data = any_pb2.Any()
    data.Pack(events_pb2.LeadDeleted(tenant_id=3, lead_id="L1"))
    event = event_service_pb2.Event(type="lead.deleted", aggregate_id="L1", data=data)
    event.occur_time.FromSeconds(1_700_000_000)
    expected = '2023-11-14 22:13:20Z  lead.deleted  L1  {"tenantId":"3","leadId":"L1"}'
    assert render.event_line(event) == expected


def test_event_line_survives_a_payload_type_it_does_not_know() -> None:
    event = event_service_pb2.Event(type="x.y", aggregate_id="A", data=any_pb2.Any(type_url="t/other.Thing"))
    assert '"@type": "t/other.Thing"' in render.event_line(event)


def test_health_summary_names_state_database_and_kafka() -> None:
    health = system_service_pb2.GetHealthResponse(
        state=system_service_pb2.HEALTH_STATE_DEGRADED,
        version="2.0.0",
        database=system_service_pb2.DatabaseHealth(
            state=system_service_pb2.HEALTH_STATE_SERVING, backend="sqlite", schema_revision="0001"
        ),
        kafka=system_service_pb2.KafkaHealth(
            state=system_service_pb2.HEALTH_STATE_DEGRADED, outbox_backlog=12, last_error="broker down"
        ),
        tenant_counts=system_service_pb2.TenantCounts(tenant_id=5, leads=3),
    )
    health.uptime.FromSeconds(3725)
    lines = render.health_summary(health).splitlines()
    assert "state     DEGRADED" in lines
    assert "uptime    1h 2m 5s" in lines
    assert any(line.startswith("database  SERVING  sqlite") and "revision 0001" in line for line in lines)
    assert any("backlog 12" in line and "last error: broker down" in line for line in lines)
    assert any(line.startswith("tenant 5") and "leads 3" in line for line in lines)


def test_error_text_lists_code_violations_and_reason() -> None:
    details = ErrorDetails(
        code=grpc.StatusCode.INVALID_ARGUMENT,
        message="lead is invalid",
        reason="VALIDATION_FAILED",
        metadata={"fields": "1"},
        field_violations=[("lead.email", "not a valid email")],
    )
    assert render.error_text(details).splitlines() == [
        "error: INVALID_ARGUMENT: lead is invalid",
        "  lead.email: not a valid email",
        "  reason: VALIDATION_FAILED (fields=1)",
    ]
