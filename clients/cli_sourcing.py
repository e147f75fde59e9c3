"""crmctl sourcing and risk list commands: `sourcing add|list|get|approve|reject|discover` and
`risk-lists add|list|remove`."""

from __future__ import annotations

import argparse
from collections.abc import Iterable

from clients import render
from clients.cli_catalog import product_detail
from clients.cli_intelligence import _wait, _workflow_show
from clients.money import format_amount, to_money
from clients.parsing import add_enum_argument, add_paging_arguments, enum_label, paging_options, parse_amount
from clients.sync_client import CrmClient
from clients.tables import format_pairs, format_table
from crm.v2 import order_service_pb2 as O
from crm.v2 import product_service_pb2 as P
from crm.v2 import sourcing_service_pb2 as S
from crm.v2 import supplier_service_pb2 as SU
from crm.v2 import workflow_service_pb2 as W

CANDIDATE_COLUMNS = (
    "ID",
    "MARKETPLACE ID",
    "TITLE",
    "CATEGORY",
    "STATUS",
    "CLASS",
    "SCORE",
    "MARGIN",
    "COST",
)
ENTRY_COLUMNS = ("ID", "LIST", "KIND", "VALUE", "REASON", "BY")
FACTOR_COLUMNS = ("FACTOR", "WEIGHT", "VALUE", "CONTRIBUTION", "EXPLANATION")


def candidate_detail(c: S.Candidate) -> str:
    """Every field of one candidate, then its score factors."""
    pairs: list[tuple[str, object]] = [
        ("id", c.id),
        ("title", c.title),
        ("marketplace", f"{enum_label(SU.Marketplace, c.marketplace)} {c.marketplace_id}".strip()),
        ("url", c.url or "-"),
        ("category", c.category),
        ("status", enum_label(S.CandidateStatus, c.status)),
        ("origin", enum_label(S.CandidateOrigin, c.origin)),
        ("source price", format_amount(c.source_price)),
        ("expected price", format_amount(c.expected_selling_price)),
        ("recommended price", format_amount(c.recommended_price)),
        ("dropship score", f"{c.analysis.dropship_score:.2f}"),
        ("classification", enum_label(P.ProductClassification, c.analysis.classification)),
        ("margin estimate", f"{c.analysis.profit_margin_estimate:.1%}"),
        ("product", c.product_id or "-"),
        ("rejected because", c.reject_reason or "-"),
        ("created", render.format_time(c.create_time)),
    ]
    factors = [[f.name, f.weight, f.value, f.contribution, f.explanation] for f in c.analysis.factors]
    return format_pairs(pairs) + "\n\n" + format_table(FACTOR_COLUMNS, factors, max_width=None)


def _candidates_table(page: S.ListCandidatesResponse) -> str:
    rows = [
        [
            c.id,
            c.marketplace_id or "-",
            c.title,
            c.category,
            enum_label(S.CandidateStatus, c.status),
            enum_label(P.ProductClassification, c.analysis.classification),
            round(c.analysis.dropship_score, 1),
            f"{c.analysis.profit_margin_estimate:.0%}",
            format_amount(c.source_price),
        ]
        for c in page.candidates
    ]
    return render.page_table(CANDIDATE_COLUMNS, rows, page, "candidates")


def _sourcing_add(client: CrmClient, args: argparse.Namespace) -> None:
    candidate = S.Candidate(
        title=args.title,
        category=args.category,
        source_price=to_money(args.source_price, args.currency),
        marketplace=args.marketplace or SU.MARKETPLACE_UNSPECIFIED,
        marketplace_id=args.marketplace_id or "",
        url=args.url or "",
        competitor_prices=[to_money(p, args.currency) for p in args.competitor_prices or []],
    )
    for name in ("supplier_rating", "review_rating"):
        if getattr(args, name) is not None:
            setattr(candidate, name, getattr(args, name))
    for name in ("supplier_lead_time_days", "review_count", "competitor_count"):
        if getattr(args, name) is not None:
            setattr(candidate, name, getattr(args, name))
    kept = client.create_candidate(candidate, request_id=args.request_id)
    print(render.to_json(kept) if args.json else f"kept candidate {kept.id}\n\n{candidate_detail(kept)}")


def _sourcing_list(client: CrmClient, args: argparse.Namespace) -> None:
    page = client.list_candidates(
        status=args.status or 0,
        category=args.category or "",
        min_score=args.min_score,
        origin=args.origin or 0,
        order_by=args.order_by or 0,
        **paging_options(args),
    )
    print(render.to_json(page) if args.json else _candidates_table(page))


def _sourcing_get(client: CrmClient, args: argparse.Namespace) -> None:
    candidate = client.get_candidate(args.candidate_id)
    print(render.to_json(candidate) if args.json else candidate_detail(candidate))


def _sourcing_approve(client: CrmClient, args: argparse.Namespace) -> None:
    options: dict[str, object] = {"sku": args.sku or "", "initial_stock": args.initial_stock}
    if args.selling_price is not None:
        options["selling_price"] = to_money(args.selling_price, args.currency)
    if args.draft:
        options["product_status"] = P.PRODUCT_STATUS_DRAFT
    imported = client.approve_candidate(args.candidate_id, **options)
    if args.json:
        print(render.to_json(imported))
        return
    print(f"imported as product {imported.product.id}\n\n{product_detail(imported.product)}")


def _sourcing_reject(client: CrmClient, args: argparse.Namespace) -> None:
    rejected = client.reject_candidate(args.candidate_id, args.reason)
    print(render.to_json(rejected) if args.json else f"rejected {rejected.id}: {rejected.reject_reason}")


def _sourcing_discover(client: CrmClient, args: argparse.Namespace) -> None:
    workflow = client.start_sourcing_discovery(
        category=args.category or "", query=args.query or "", max_results=args.max_results
    )
    if args.wait:
        workflow = _wait(client, workflow, timeout=args.wait_timeout)
    if args.json:
        print(render.to_json(workflow))
    else:
        _workflow_show(workflow, False)
        if workflow.HasField("sourcing_discovery"):
            found = workflow.sourcing_discovery
            print(
                f"kept {len(found.candidate_ids)} of {found.suggested_count} suggestions "
                f"({found.duplicate_count} already candidates, {found.discarded_count} unusable)"
            )
    if args.wait and workflow.state != W.WORKFLOW_STATE_SUCCEEDED:
        raise SystemExit(1)


def _risk_add(client: CrmClient, args: argparse.Namespace) -> None:
    entry = client.create_risk_list_entry(args.list, args.kind, args.value, reason=args.reason or "")
    print(render.to_json(entry) if args.json else _entries_text([entry]))


def _risk_list(client: CrmClient, args: argparse.Namespace) -> None:
    page = client.list_risk_list_entries(list=args.list or 0, kind=args.kind or 0, **paging_options(args))
    if args.json:
        print(render.to_json(page))
        return
    print(render.page_table(ENTRY_COLUMNS, _entry_rows(page.entries), page, "entries"))


def _risk_remove(client: CrmClient, args: argparse.Namespace) -> None:
    entry = client.delete_risk_list_entry(args.entry_id)
    print(
        render.to_json(entry)
        if args.json
        else f"removed {entry.value} from the {enum_label(O.RiskList, entry.list)} list"
    )


def _entry_rows(entries: Iterable[O.RiskListEntry]) -> list[list[object]]:
    return [
        [
            e.id,
            enum_label(O.RiskList, e.list),
            enum_label(O.RiskListKind, e.kind),
            e.value,
            e.reason,
            e.created_by,
        ]
        for e in entries
    ]


def _entries_text(entries: Iterable[O.RiskListEntry]) -> str:
    return format_table(ENTRY_COLUMNS, _entry_rows(entries), max_width=None)


def _add_sourcing_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sourcing = commands.add_parser(
        "sourcing", help="candidate products: add, rank, approve, reject, discover"
    )
    verbs = sourcing.add_subparsers(dest="sourcing_command", required=True)

    add = verbs.add_parser("add", help="score and keep a candidate product")
    add.add_argument("--title", required=True)
    add.add_argument("--category", required=True)
    add.add_argument("--source-price", type=parse_amount, required=True)
    add.add_argument("--currency", default="USD")
    add_enum_argument(add, "--marketplace", enum=SU.Marketplace)
    add.add_argument("--marketplace-id", help="e.g. an ASIN or an AliExpress item number")
    add.add_argument("--url", help="the listing's URL")
    add.add_argument("--supplier-rating", type=float)
    add.add_argument("--lead-time", dest="supplier_lead_time_days", type=int, help="supplier lead time, days")
    add.add_argument("--review-rating", type=float)
    add.add_argument("--review-count", type=int)
    add.add_argument("--competitor-count", type=int)
    add.add_argument(
        "--competitor-price", dest="competitor_prices", type=parse_amount, action="append", help="repeatable"
    )
    add.add_argument("--request-id")
    add.set_defaults(handler=_sourcing_add)

    listing = verbs.add_parser("list", help="list and rank candidates")
    add_enum_argument(listing, "--status", enum=S.CandidateStatus)
    listing.add_argument("--category")
    listing.add_argument("--min-score", type=float, default=0.0)
    add_enum_argument(listing, "--origin", enum=S.CandidateOrigin)
    add_enum_argument(listing, "--order-by", enum=S.CandidateOrderBy)
    add_paging_arguments(listing)
    listing.set_defaults(handler=_sourcing_list)

    get = verbs.add_parser("get", help="show one candidate with its score factors")
    get.add_argument("candidate_id", metavar="ID")
    get.set_defaults(handler=_sourcing_get)

    approve = verbs.add_parser("approve", help="import a candidate as a catalog product (once)")
    approve.add_argument("candidate_id", metavar="ID")
    approve.add_argument("--sku", help="default: the marketplace id")
    approve.add_argument("--selling-price", type=parse_amount, help="default: the recommended price")
    approve.add_argument("--currency", default="USD")
    approve.add_argument("--initial-stock", type=int, default=0)
    approve.add_argument("--draft", action="store_true", help="import as DRAFT instead of ACTIVE")
    approve.set_defaults(handler=_sourcing_approve)

    reject = verbs.add_parser("reject", help="reject a candidate with a reason")
    reject.add_argument("candidate_id", metavar="ID")
    reject.add_argument("--reason", required=True)
    reject.set_defaults(handler=_sourcing_reject)

    discover = verbs.add_parser("discover", help="ask the sourcing crew for candidates (a workflow)")
    discover.add_argument("--category")
    discover.add_argument("--query", help="what to look for, in words")
    discover.add_argument("--max-results", type=int, default=0, help="1-50, 0 = 10")
    discover.add_argument("--wait", action="store_true", help="follow its progress until it ends")
    discover.add_argument("--wait-timeout", type=float, default=300.0)
    discover.set_defaults(handler=_sourcing_discover)


def _add_risk_list_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    risk = commands.add_parser("risk-lists", help="the tenant's fraud allow and block lists")
    verbs = risk.add_subparsers(dest="risk_lists_command", required=True)

    add = verbs.add_parser("add", help="put an email, email domain or country on a list")
    add_enum_argument(add, "--list", enum=O.RiskList, required=True)
    add_enum_argument(add, "--kind", enum=O.RiskListKind, required=True)
    add.add_argument("value", metavar="VALUE")
    add.add_argument("--reason")
    add.set_defaults(handler=_risk_add)

    listing = verbs.add_parser("list", help="list the entries, newest first")
    add_enum_argument(listing, "--list", enum=O.RiskList)
    add_enum_argument(listing, "--kind", enum=O.RiskListKind)
    add_paging_arguments(listing)
    listing.set_defaults(handler=_risk_list)

    remove = verbs.add_parser("remove", help="take an entry off its list")
    remove.add_argument("entry_id", metavar="ID")
    remove.set_defaults(handler=_risk_remove)


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register `sourcing` and `risk-lists` with crmctl."""
    _add_sourcing_commands(commands)
    _add_risk_list_commands(commands)
