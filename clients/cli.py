"""crmctl: a command-line client for every area of the CRM service."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import grpc

from clients import cli_catalog, cli_crm, cli_intelligence, cli_orders, cli_sourcing, cli_supply, render
from clients.errors import error_details
from clients.parsing import add_enum_argument, paging_options, parse_duration
from clients.sync_client import CrmClient
from crm.v2 import lead_service_pb2

Handler = Callable[[CrmClient, argparse.Namespace], None]

_STATUS = lead_service_pb2.LeadStatus
_SOURCE = lead_service_pb2.LeadSource
_PRIORITY = lead_service_pb2.LeadPriority


def _positive_int(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be > 0: {text}")
    return value


def _non_negative_int(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be >= 0: {text}")
    return value


# ----- handlers: each prints to stdout; gRPC errors are reported once, in main()


def _print(text: str) -> None:
    print(text, flush=True)


def _health(client: CrmClient, args: argparse.Namespace) -> None:
    health = client.health()
    _print(render.to_json(health) if args.json else render.health_summary(health))


def _lead_from_args(args: argparse.Namespace) -> lead_service_pb2.Lead:
    return lead_service_pb2.Lead(
        first_name=args.first_name,
        last_name=args.last_name,
        email=args.email,
        source=args.source,
        company=args.company or "",
        job_title=args.job_title or "",
        phone=args.phone or "",
        status=args.status or None,
        priority=args.priority or None,
        notes=args.notes or "",
        tags=args.tags or [],
        assigned_to=args.assigned_to or "",
    )


def _leads_create(client: CrmClient, args: argparse.Namespace) -> None:
    lead = client.create_lead(_lead_from_args(args), request_id=args.request_id)
    _print(render.to_json(lead) if args.json else f"created lead {lead.id}\n\n{render.lead_detail(lead)}")


def _leads_list(client: CrmClient, args: argparse.Namespace) -> None:
    filters: dict[str, Any] = {
        "status": args.status or 0,
        "source": args.source or 0,
        "assigned_to": args.assigned_to or "",
    }
    if args.converted is not None:
        filters["converted"] = args.converted == "yes"
    if args.all:
        leads = list(client.iter_leads(page_size=args.page_size, **filters))
        page = lead_service_pb2.ListLeadsResponse(leads=leads, total_size=len(leads))
    else:
        page = client.list_leads(page_size=args.page_size, page_token=args.page_token, **filters)
    footer = render.page_footer(page, len(page.leads), "leads")
    _print(render.to_json(page) if args.json else render.leads_table(page.leads) + footer)


def _leads_get(client: CrmClient, args: argparse.Namespace) -> None:
    lead = client.get_lead(args.lead_id)
    _print(render.to_json(lead) if args.json else render.lead_detail(lead))


def _since(args: argparse.Namespace) -> datetime | None:
    return datetime.now(UTC) - args.since if args.since else None


def _events_tail(client: CrmClient, args: argparse.Namespace) -> None:
    for event in client.watch_events(types=args.types or (), start_time=_since(args)):
        _print(render.to_json(event, compact=True) if args.json else render.event_line(event))


def _events_list(client: CrmClient, args: argparse.Namespace) -> None:
    page = client.list_events(
        types=args.types or (),
        aggregate_id=args.aggregate_id,
        start_time=_since(args),
        **paging_options(args),
    )
    footer = render.page_footer(page, len(page.events), "events")
    _print(render.to_json(page) if args.json else render.events_table(page.events) + footer)


# ----- parser


GLOBAL_HELP = """environment:
  CRM_TARGET   host:port of the server (default 127.0.0.1:8004), as --target
  CRM_TENANT   tenant id (default 1), as --tenant
  CRM_TOKEN    bearer token (JWT), as --token

The global options (--target, --tenant, --json, ...) may stand before or after the command."""


def _add_global_options(parser: argparse.ArgumentParser, *, with_defaults: bool = True) -> None:
    """The options every command takes. Below the top level they default to SUPPRESS, so that one given
    before the command is not reset by a subcommand that did not get it."""
    env = os.environ

    def default(value: object) -> object:
        return value if with_defaults else argparse.SUPPRESS

    parser.add_argument(
        "--target", default=default(env.get("CRM_TARGET", "127.0.0.1:8004")), help="host:port"
    )
    parser.add_argument(
        "--tenant", type=_positive_int, default=default(env.get("CRM_TENANT", "1")), help="tenant id"
    )
    parser.add_argument("--timeout", type=float, default=default(10.0), help="per-call deadline in seconds")
    parser.add_argument("--token", default=default(env.get("CRM_TOKEN")), help="bearer token (env CRM_TOKEN)")
    parser.add_argument(
        "--tls", action="store_true", default=default(False), help="TLS with the system roots"
    )
    parser.add_argument(
        "--ca-cert", type=Path, default=default(None), help="TLS with this CA certificate (PEM)"
    )
    parser.add_argument(
        "--client-cert", type=Path, default=default(None), help="client certificate (PEM) for mutual TLS"
    )
    parser.add_argument(
        "--client-key", type=Path, default=default(None), help="private key (PEM) of --client-cert"
    )
    parser.add_argument(
        "--json", action="store_true", default=default(False), help="print proto3 JSON instead of tables"
    )


def _subparsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                found += [child, *_subparsers(child)]
    return found


def _add_lead_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    leads = commands.add_parser("leads", help="create, list and show leads").add_subparsers(
        dest="leads_command", required=True
    )
    create = leads.add_parser("create", help="create and score a lead")
    create.add_argument("--first-name", required=True)
    create.add_argument("--last-name", required=True)
    create.add_argument("--email", required=True)
    add_enum_argument(create, "--source", enum=_SOURCE, required=True)
    for flag in ("--company", "--job-title", "--phone", "--notes", "--assigned-to", "--request-id"):
        create.add_argument(flag)
    add_enum_argument(create, "--status", enum=_STATUS)
    add_enum_argument(create, "--priority", enum=_PRIORITY)
    create.add_argument("--tag", dest="tags", action="append", help="repeat for several tags")
    create.set_defaults(handler=_leads_create)

    listing = leads.add_parser("list", help="list leads, newest first")
    add_enum_argument(listing, "--status", enum=_STATUS)
    add_enum_argument(listing, "--source", enum=_SOURCE)
    listing.add_argument("--assigned-to")
    listing.add_argument("--converted", choices=("yes", "no"), help="only converted leads, or the others")
    listing.add_argument("--page-size", type=_non_negative_int, default=0, help="0 = server default")
    listing.add_argument("--page-token", default="")
    listing.add_argument("--all", action="store_true", help="follow next_page_token to the end")
    listing.set_defaults(handler=_leads_list)

    get = leads.add_parser("get", help="show one lead with its score factors")
    get.add_argument("lead_id", metavar="ID")
    get.set_defaults(handler=_leads_get)


def _add_event_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    events = commands.add_parser("events", help="list or tail domain events").add_subparsers(
        dest="events_command", required=True
    )
    tail = events.add_parser("tail", help="stream events as they are recorded (Ctrl-C stops)")
    listing = events.add_parser("list", help="list events, newest first")
    for parser in (tail, listing):
        parser.add_argument("--type", dest="types", action="append", help="e.g. lead.created; repeatable")
        parser.add_argument("--since", type=parse_duration, help="start this long ago, e.g. 10m, 1h30m")
    listing.add_argument("--aggregate-id")
    listing.add_argument("--page-size", type=_non_negative_int, default=0, help="0 = server default")
    listing.add_argument("--page-token", default="")
    tail.set_defaults(handler=_events_tail)
    listing.set_defaults(handler=_events_list)


def build_parser() -> argparse.ArgumentParser:
    """The crmctl argument parser; global options go before the command."""
    parser = argparse.ArgumentParser(
        prog="crmctl",
        description=__doc__,
        epilog=GLOBAL_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_global_options(parser)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("health", help="service, database, Kafka and agent state").set_defaults(
        handler=_health
    )
    _add_lead_commands(commands)
    _add_event_commands(commands)
    cli_crm.add_commands(commands)
    cli_catalog.add_commands(commands)
    cli_orders.add_commands(commands)
    cli_intelligence.add_commands(commands)
    cli_sourcing.add_commands(commands)
    cli_supply.add_commands(commands)
    for child in _subparsers(parser):
        _add_global_options(child, with_defaults=False)
    return parser


def _credentials(args: argparse.Namespace) -> grpc.ChannelCredentials | None:
    if (args.client_cert is None) != (args.client_key is None):
        raise SystemExit("crmctl: --client-cert and --client-key go together")
    if args.ca_cert is None and args.client_cert is None and not args.tls:
        return None
    return grpc.ssl_channel_credentials(
        root_certificates=args.ca_cert.read_bytes() if args.ca_cert else None,
        private_key=args.client_key.read_bytes() if args.client_key else None,
        certificate_chain=args.client_cert.read_bytes() if args.client_cert else None,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run crmctl; returns the process exit code (0 ok, 1 RPC error, 2 usage, 130 interrupted, 141 when
    the reader of its output went away, as `crmctl ... | head` does)."""
    args = build_parser().parse_args(argv)
    handler: Handler = args.handler
    try:
        with CrmClient(
            args.target,
            tenant_id=args.tenant,
            timeout=args.timeout,
            token=args.token,
            credentials=_credentials(args),
            request_id_prefix="crmctl-",
        ) as client:
            handler(client, args)
    except grpc.RpcError as err:
        print(render.error_text(error_details(err)), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Point stdout at /dev/null so the interpreter's final flush does not fail a second time.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    return 0


if __name__ == "__main__":
    sys.exit(main())
