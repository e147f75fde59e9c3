"""crmctl commands of the CRM core: `contacts`, `deals`, `pipeline` and `dashboard`."""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from clients import render, render_crm
from clients.messages import calendar_date
from clients.money import to_money
from clients.parsing import add_enum_argument, add_paging_arguments, paging_options, parse_amount
from clients.sync_client import CrmClient
from crm.v2 import contact_service_pb2, deal_service_pb2

_STAGE = deal_service_pb2.DealStage


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2027-03-31, got {text!r}") from None


# ----- handlers


def _contacts_create(client: CrmClient, args: argparse.Namespace) -> None:
    contact = client.create_contact(
        contact_service_pb2.Contact(
            first_name=args.first_name,
            last_name=args.last_name,
            email=args.email,
            company=args.company or "",
            job_title=args.job_title or "",
            phone=args.phone or "",
            owner=args.owner or "",
            notes=args.notes or "",
            tags=args.tags or [],
        )
    )
    print(render.to_json(contact) if args.json else render_crm.contact_detail(contact))


def _contacts_list(client: CrmClient, args: argparse.Namespace) -> None:
    page = client.list_contacts(
        query=args.query or "",
        owner=args.owner or "",
        company=args.company or "",
        tag=args.tag or "",
        **paging_options(args),
    )
    footer = render.page_footer(page, len(page.contacts), "contacts")
    print(render.to_json(page) if args.json else render_crm.contacts_table(page.contacts) + footer)


def _contacts_get(client: CrmClient, args: argparse.Namespace) -> None:
    contact = client.get_contact(args.contact_id)
    print(render.to_json(contact) if args.json else render_crm.contact_detail(contact))


def _contacts_convert(client: CrmClient, args: argparse.Namespace) -> None:
    options: dict[str, object] = {"create_deal": args.create_deal, "deal_title": args.deal_title or ""}
    if args.deal_amount is not None:
        options["deal_amount"] = to_money(args.deal_amount, args.currency)
    result = client.convert_lead(args.lead_id, **options)
    if args.json:
        print(render.to_json(result))
        return
    reused = "reused existing contact" if result.contact_reused else "created contact"
    text = f"lead {result.lead.id}: {reused} {result.contact.id}"
    if result.HasField("deal"):
        text += f"\n\n{render_crm.deal_detail(result.deal)}"
    print(text)


def _deals_create(client: CrmClient, args: argparse.Namespace) -> None:
    deal = deal_service_pb2.Deal(
        title=args.title,
        amount=to_money(args.amount, args.currency),
        stage=args.stage or None,
        expected_close_date=calendar_date(args.close_date),
        contact_id=args.contact_id or "",
        owner=args.owner or "",
        notes=args.notes or "",
    )
    if args.probability is not None:
        deal.probability = args.probability
    created = client.create_deal(deal, actor=args.actor or "")
    print(render.to_json(created) if args.json else render_crm.deal_detail(created))


def _deals_list(client: CrmClient, args: argparse.Namespace) -> None:
    page = client.list_deals(
        stages=args.stages or (),
        owner=args.owner or "",
        contact_id=args.contact_id or "",
        close_from=args.close_from,
        close_to=args.close_to,
        open_only=args.open_only,
        **paging_options(args),
    )
    footer = render.page_footer(page, len(page.deals), "deals")
    print(render.to_json(page) if args.json else render_crm.deals_table(page.deals) + footer)


def _deals_get(client: CrmClient, args: argparse.Namespace) -> None:
    deal = client.get_deal(args.deal_id)
    print(render.to_json(deal) if args.json else render_crm.deal_detail(deal))


def _deals_move(client: CrmClient, args: argparse.Namespace) -> None:
    deal = client.update_deal(
        deal_service_pb2.Deal(id=args.deal_id, stage=args.stage),
        ["stage"],
        allow_reopen=args.allow_reopen,
        actor=args.actor or "",
    )
    print(render.to_json(deal) if args.json else render_crm.deal_detail(deal))


def _dashboard(client: CrmClient, args: argparse.Namespace) -> None:
    board = client.dashboard(days=args.days, currency=args.currency)
    print(render.to_json(board) if args.json else render_crm.dashboard(board))


def _pipeline(client: CrmClient, args: argparse.Namespace) -> None:
    end = datetime.now(UTC)
    summary = client.pipeline_summary(
        start=end - timedelta(days=args.days),
        end=end,
        owner=args.owner or "",
        currency_code=args.currency or "",
    )
    print(render.to_json(summary) if args.json else render_crm.pipeline_summary(summary))


# ----- parser


def _add_contact_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    contacts = commands.add_parser("contacts", help="create, list and show contacts").add_subparsers(
        dest="contacts_command", required=True
    )
    create = contacts.add_parser("create", help="create a contact (email unique per tenant)")
    for flag in ("--first-name", "--last-name", "--email"):
        create.add_argument(flag, required=True)
    for flag in ("--company", "--job-title", "--phone", "--owner", "--notes"):
        create.add_argument(flag)
    create.add_argument("--tag", dest="tags", action="append", help="repeat for several tags")
    create.set_defaults(handler=_contacts_create)

    listing = contacts.add_parser("list", help="list or search contacts, newest first")
    for flag in ("--query", "--owner", "--company", "--tag"):
        listing.add_argument(flag)
    add_paging_arguments(listing)
    listing.set_defaults(handler=_contacts_list)

    get = contacts.add_parser("get", help="show one contact")
    get.add_argument("contact_id", metavar="ID")
    get.set_defaults(handler=_contacts_get)

    convert = contacts.add_parser("convert-lead", help="turn a lead into a contact (and a deal)")
    convert.add_argument("lead_id", metavar="LEAD_ID")
    convert.add_argument("--create-deal", action="store_true")
    convert.add_argument("--deal-title")
    convert.add_argument("--deal-amount", type=parse_amount)
    convert.add_argument("--currency", default="USD")
    convert.set_defaults(handler=_contacts_convert)


def _add_deal_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    deals = commands.add_parser("deals", help="create, list, show and move deals").add_subparsers(
        dest="deals_command", required=True
    )
    create = deals.add_parser("create", help="create a deal")
    create.add_argument("--title", required=True)
    create.add_argument("--amount", type=parse_amount, default=Decimal(0))
    create.add_argument("--currency", default="USD")
    add_enum_argument(create, "--stage", enum=_STAGE)
    create.add_argument("--probability", type=float, help="0-1; default: the stage's")
    create.add_argument("--close-date", type=_date)
    for flag in ("--contact-id", "--owner", "--notes", "--actor"):
        create.add_argument(flag)
    create.set_defaults(handler=_deals_create)

    listing = deals.add_parser("list", help="list deals, newest first")
    add_enum_argument(listing, "--stage", enum=_STAGE, dest="stages", action="append", help="repeatable")
    listing.add_argument("--owner")
    listing.add_argument("--contact-id")
    listing.add_argument("--close-from", type=_date)
    listing.add_argument("--close-to", type=_date)
    listing.add_argument("--open-only", action="store_true")
    add_paging_arguments(listing)
    listing.set_defaults(handler=_deals_list)

    get = deals.add_parser("get", help="show one deal with its stage history")
    get.add_argument("deal_id", metavar="ID")
    get.set_defaults(handler=_deals_get)

    move = deals.add_parser("move", help="move a deal to another stage")
    move.add_argument("deal_id", metavar="ID")
    add_enum_argument(move, "stage", enum=_STAGE)
    move.add_argument("--allow-reopen", action="store_true", help="needed to leave closed_won/closed_lost")
    move.add_argument("--actor")
    move.set_defaults(handler=_deals_move)


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register `contacts`, `deals` and `pipeline` with crmctl."""
    _add_contact_commands(commands)
    _add_deal_commands(commands)
    pipeline = commands.add_parser("pipeline", help="pipeline per stage, plus won and lost in a period")
    pipeline.add_argument("--days", type=int, default=30, help="period: the last N days (default 30)")
    pipeline.add_argument("--owner")
    pipeline.add_argument("--currency")
    pipeline.set_defaults(handler=_pipeline)
    dashboard = commands.add_parser(
        "dashboard", help="products, orders, inventory, workflows, leads, pipeline"
    )
    dashboard.add_argument("--days", type=int, default=30, help="period: the last N days, 1-365 (default 30)")
    dashboard.add_argument(
        "--currency", default="", help="ISO 4217 code (default: the tenant's main currency)"
    )
    dashboard.set_defaults(handler=_dashboard)
