"""crmctl intelligence commands: `cross-sell`, `price`, `strategy` and `workflows start|get|list|cancel`."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from clients import render
from clients.money import format_amount, to_money
from clients.parsing import add_enum_argument, enum_label, paging_options, parse_amount
from clients.sync_client import CrmClient
from clients.tables import format_pairs, format_table
from crm.v2 import intelligence_service_pb2 as I
from crm.v2 import workflow_service_pb2 as W

CROSS_SELL_COLUMNS = ("ID", "SKU", "TITLE", "PRICE", "RATIO", "CONFIDENCE", "TOGETHER", "WHY")
WORKFLOW_COLUMNS = ("ID", "TYPE", "STATE", "PROGRESS", "ATTEMPTS", "PRODUCT", "STEP")


def _cross_sell(client: CrmClient, args: argparse.Namespace) -> None:
    answer = client.recommend_cross_sell(args.product_id, args.type, args.limit)
    if args.json:
        print(render.to_json(answer))
        return
    rows = [
        [
            r.product_id,
            r.sku,
            r.title,
            format_amount(r.price),
            f"{r.price_ratio:.2f}",
            f"{r.confidence:.2f}",
            r.co_purchase_count,
            r.reasons[0] if r.reasons else "",
        ]
        for r in answer.recommendations
    ]
    print(format_table(CROSS_SELL_COLUMNS, rows, max_width=None) + f"\n{answer.candidate_count} candidates")


def _price_cmd(client: CrmClient, args: argparse.Namespace) -> None:
    conditions = I.MarketConditions(
        demand_level=args.demand or None,
        competitor_prices=[to_money(p, args.currency) for p in args.competitor_prices or []],
    )
    if args.seasonality is not None:
        conditions.seasonality_factor = args.seasonality
    rec = client.optimize_pricing(
        args.product_id, market_conditions=conditions, charm_pricing=args.charm
    ).recommendation
    if args.json:
        print(render.to_json(rec))
        return
    pairs = [
        ("product", f"{rec.sku} {rec.title}"),
        ("current price", format_amount(rec.current_price)),
        ("recommended price", format_amount(rec.recommended_price)),
        ("change", f"{rec.change_percent:+.2f} %"),
        ("expected margin", f"{rec.expected_margin:.1%}"),
        (
            "demand",
            enum_label(I.DemandLevel, rec.demand_level) + (" (derived)" if rec.demand_derived else ""),
        ),
        ("constraints", ", ".join(enum_label(I.PricingConstraint, c) for c in rec.constraints) or "-"),
        ("confidence", f"{rec.confidence:.2f}"),
    ]
    steps = [
        [f.name, f"{f.multiplier:.4f}", format_amount(f.price_after), f.explanation] for f in rec.factors
    ]
    print(
        format_pairs(pairs)
        + "\n\n"
        + format_table(("FACTOR", "X", "PRICE AFTER", "WHY"), steps, max_width=None)
    )


def _strategy(client: CrmClient, args: argparse.Namespace) -> None:
    options: dict[str, Any] = {"skip_agent": args.skip_agent}
    if args.budget is not None:
        options["monthly_budget"] = to_money(args.budget, args.currency)
    strategy = client.generate_marketing_strategy(args.product_id, **options).strategy
    if args.json:
        print(render.to_json(strategy))
        return
    channels = [
        [
            c.channel,
            f"{c.budget_share:.0%}",
            format_amount(c.budget) if c.HasField("budget") else "-",
            c.rationale,
        ]
        for c in strategy.channels
    ]
    print(
        f"{strategy.positioning}\n\nprice strategy: {strategy.price_strategy.name}, CAC ceiling "
        f"{format_amount(strategy.cac_ceiling)}\n\n"
        + format_table(("CHANNEL", "SHARE", "BUDGET", "WHY"), channels, max_width=None)
    )


def _workflow_row(w: W.Workflow) -> list[object]:
    return [
        w.id,
        enum_label(W.WorkflowType, w.type),
        enum_label(W.WorkflowState, w.state),
        f"{w.progress:.0%}",
        f"{w.attempts}/{w.max_attempts}",
        w.product_id or "-",
        w.step,
    ]


def _workflow_show(workflow: W.Workflow, as_json: bool) -> None:
    if as_json:
        print(render.to_json(workflow))
        return
    print(format_table(WORKFLOW_COLUMNS, [_workflow_row(workflow)], max_width=None))
    if workflow.HasField("error"):
        print(f"error: {workflow.error.message}")


# A workflow in one of these states will not change again.
FINISHED = frozenset({W.WORKFLOW_STATE_SUCCEEDED, W.WORKFLOW_STATE_FAILED, W.WORKFLOW_STATE_CANCELLED})
WAIT_POLL_SECONDS = 0.5


def _workflows_start(client: CrmClient, args: argparse.Namespace) -> None:
    workflow = client.start_product_classification(args.product_id)
    if args.wait:
        workflow = _wait(client, workflow, timeout=args.wait_timeout)
    _workflow_show(workflow, args.json)
    if args.wait and workflow.state != W.WORKFLOW_STATE_SUCCEEDED:
        raise SystemExit(1)


def _wait(client: CrmClient, workflow: W.Workflow, *, timeout: float) -> W.Workflow:
    """Poll the workflow until it finishes, printing each change of state or progress to stderr (stdout
    keeps only the result, so --json stays parseable)."""
    deadline = time.monotonic() + timeout
    seen: tuple[int, float, str] | None = None
    while True:
        now = (workflow.state, round(workflow.progress, 2), workflow.step)
        if now != seen:
            seen = now
            state = enum_label(W.WorkflowState, workflow.state)
            print(f"{state} {workflow.progress:.0%} {workflow.step}".rstrip(), file=sys.stderr, flush=True)
        if workflow.state in FINISHED:
            return workflow
        if time.monotonic() >= deadline:
            raise SystemExit(f"crmctl: workflow {workflow.id} still {state} after {timeout:.0f}s")
        time.sleep(WAIT_POLL_SECONDS)
        workflow = client.get_workflow(workflow.id)


def _workflows_list(client: CrmClient, args: argparse.Namespace) -> None:
    page = client.list_workflows(
        type=args.type or 0,
        states=[args.state] if args.state else [],
        product_id=args.product_id or "",
        **paging_options(args),
    )
    rows = [_workflow_row(w) for w in page.workflows]
    print(render.to_json(page) if args.json else render.page_table(WORKFLOW_COLUMNS, rows, page, "workflows"))


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register `cross-sell`, `price`, `strategy` and `workflows` with crmctl."""
    cross = commands.add_parser("cross-sell", help="upsell, cross-sell or complement recommendations")
    cross.add_argument("product_id", metavar="PRODUCT_ID")
    add_enum_argument(
        cross, "--type", enum=I.CrossSellType, default=I.CROSS_SELL_TYPE_CROSS_SELL, help="default cross_sell"
    )
    cross.add_argument("--limit", type=int, default=0, help="1-20, default 5")
    cross.set_defaults(handler=_cross_sell)

    price = commands.add_parser("price", help="recommend a price for a product (changes nothing)")
    price.add_argument("product_id", metavar="PRODUCT_ID")
    add_enum_argument(price, "--demand", enum=I.DemandLevel)
    price.add_argument("--competitor-price", dest="competitor_prices", type=parse_amount, action="append")
    price.add_argument("--seasonality", type=float, help="0.5-2.0")
    price.add_argument("--currency", default="USD")
    price.add_argument("--charm", action="store_true", help="end the price in .99")
    price.set_defaults(handler=_price_cmd)

    strategy = commands.add_parser("strategy", help="generate a marketing strategy for a product")
    strategy.add_argument("product_id", metavar="PRODUCT_ID")
    strategy.add_argument("--budget", type=parse_amount, help="monthly budget to split over channels")
    strategy.add_argument("--currency", default="USD")
    strategy.add_argument("--skip-agent", action="store_true")
    strategy.set_defaults(handler=_strategy)

    workflows = commands.add_parser("workflows", help="AI workflows").add_subparsers(
        dest="workflows_command", required=True
    )
    start = workflows.add_parser("start", help="start a product classification workflow")
    start.add_argument("product_id", metavar="PRODUCT_ID")
    start.add_argument("--wait", action="store_true", help="follow its progress until it ends")
    start.add_argument("--wait-timeout", type=float, default=300.0, help="seconds --wait waits at most")
    start.set_defaults(handler=_workflows_start)
    get = workflows.add_parser("get", help="show a workflow with its progress")
    get.add_argument("workflow_id", metavar="ID")
    get.set_defaults(handler=lambda c, a: _workflow_show(c.get_workflow(a.workflow_id), a.json))
    cancel = workflows.add_parser("cancel", help="cancel a pending or running workflow")
    cancel.add_argument("workflow_id", metavar="ID")
    cancel.set_defaults(handler=lambda c, a: _workflow_show(c.cancel_workflow(a.workflow_id), a.json))
    listing = workflows.add_parser("list", help="list workflows, newest first")
    add_enum_argument(listing, "--type", enum=W.WorkflowType)
    add_enum_argument(listing, "--state", enum=W.WorkflowState)
    listing.add_argument("--product-id")
    listing.add_argument("--page-size", type=int, default=20)
    listing.add_argument("--page-token", default="")
    listing.set_defaults(handler=_workflows_list)
