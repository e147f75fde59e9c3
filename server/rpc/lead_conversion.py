"""LeadService.ConvertLead: request -> validated command, conversion -> response."""

from __future__ import annotations

import uuid

from crm.v2 import lead_service_pb2 as pb
from domain.conversion import Conversion, ConversionRequest
from server.rpc.contact_mapping import contact_to_proto
from server.rpc.deal_mapping import deal_to_proto
from server.rpc.deal_requests import amount, full_date
from server.rpc.lead_mapping import lead_to_proto
from server.rpc.validation import Violations

TEXT_MAX = 200


def convert_command(request: pb.ConvertLeadRequest) -> tuple[uuid.UUID, ConversionRequest]:
    v = Violations()
    v.tenant(request.tenant_id)
    lead_id = v.id("lead_id", request.lead_id)
    command = ConversionRequest(
        create_deal=request.create_deal,
        deal_title=v.text("deal_title", request.deal_title, max_length=TEXT_MAX),
        deal_amount=amount(v, "deal_amount", request, "deal_amount")
        if request.HasField("deal_amount")
        else None,
        deal_owner=v.text("deal_owner", request.deal_owner, max_length=TEXT_MAX),
        expected_close_date=full_date(v, "expected_close_date", request, "expected_close_date"),
    )
    v.raise_if_any()
    return lead_id, command


def conversion_to_proto(conversion: Conversion) -> pb.ConvertLeadResponse:
    return pb.ConvertLeadResponse(
        lead=lead_to_proto(conversion.lead),
        contact=contact_to_proto(conversion.contact) if conversion.contact else None,
        deal=deal_to_proto(conversion.deal) if conversion.deal else None,
        contact_reused=conversion.contact_reused,
    )
