"""ContactService over gRPC: validate -> use case -> map."""

from __future__ import annotations

from google.protobuf import empty_pb2

from crm.v2 import contact_service_pb2 as pb
from crm.v2 import contact_service_pb2_grpc
from server.contacts import requests
from server.contacts.proto import contact_to_proto
from server.contacts.usecases import ContactUseCases
from server.edge.context import Context
from server.edge.page_tokens import page_response
from server.edge.validation import requested_id


class ContactServicer(contact_service_pb2_grpc.ContactServiceServicer):
    def __init__(self, contacts: ContactUseCases) -> None:
        self._contacts = contacts

    async def CreateContact(self, request: pb.CreateContactRequest, context: Context) -> pb.Contact:
        draft = requests.create_command(request)
        return contact_to_proto(await self._contacts.create(tenant_id=request.tenant_id, draft=draft))

    async def GetContact(self, request: pb.GetContactRequest, context: Context) -> pb.Contact:
        contact_id = requested_id(request, request.contact_id, "contact_id")
        return contact_to_proto(await self._contacts.get(tenant_id=request.tenant_id, contact_id=contact_id))

    async def ListContacts(
        self, request: pb.ListContactsRequest, context: Context
    ) -> pb.ListContactsResponse:
        query = requests.list_query(request)
        page = await self._contacts.list(tenant_id=query.tenant_id, criteria=query.criteria, page=query.page)
        return page_response(pb.ListContactsResponse, "contacts", page, contact_to_proto, query)

    async def UpdateContact(self, request: pb.UpdateContactRequest, context: Context) -> pb.Contact:
        contact_id = requested_id(request, request.contact.id, "contact.id")
        changes = requests.update_command(request)
        contact = await self._contacts.update(
            tenant_id=request.tenant_id, contact_id=contact_id, changes=changes
        )
        return contact_to_proto(contact)

    async def DeleteContact(self, request: pb.DeleteContactRequest, context: Context) -> empty_pb2.Empty:
        contact_id = requested_id(request, request.contact_id, "contact_id")
        await self._contacts.delete(tenant_id=request.tenant_id, contact_id=contact_id)
        return empty_pb2.Empty()
