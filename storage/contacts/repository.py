"""Contacts on SQLAlchemy: rows <-> domain Contact, text search, keyset pages."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    String,
    bindparam,
    delete,
    exists,
    func,
    literal_column,
    or_,
    select,
    update,
)

from domain.contacts import Contact, ContactFilter
from domain.paging import Page, PageRequest
from storage.base import table_of
from storage.contacts.tables import ContactRow
from storage.deals.tables import DealRow
from storage.documents import address_json, address_of
from storage.execution import Sql
from storage.paging import ListStatements, list_page
from storage.rows import changed_any, find, insert_row, overwrite
from storage.text_match import contains, like_pattern

CONTACTS = table_of(ContactRow)
_BY_EMAIL = select(CONTACTS).where(
    CONTACTS.c.tenant_id == bindparam("tenant_id"), CONTACTS.c.email == bindparam("email")
)


class SqlAlchemyContactRepository:
    def __init__(self, sql: Sql) -> None:
        self._sql = sql

    async def add(self, contact: Contact) -> None:
        await insert_row(self._sql, CONTACTS, _row_values(contact))

    async def get(self, tenant_id: int, contact_id: uuid.UUID, *, for_update: bool = False) -> Contact | None:
        row = await find(
            self._sql, CONTACTS, tenant_id=tenant_id, entity_id=contact_id, for_update=for_update
        )
        return _to_domain(row) if row else None

    async def get_by_email(self, tenant_id: int, email: str) -> Contact | None:
        params = {"tenant_id": tenant_id, "email": email.lower()}
        row = (await self._sql.execute(_BY_EMAIL, params)).one_or_none()
        return _to_domain(row) if row else None

    async def list(self, tenant_id: int, criteria: ContactFilter, page: PageRequest) -> Page[Contact]:
        statements = _LISTS[self._sql.dialect_name]
        where = statements.filter(
            tenant={"tenant_id": tenant_id},
            query={"query": like_pattern(criteria.query)} if criteria.query else None,
            owner={"owner": criteria.owner} if criteria.owner else None,
            company={"company": criteria.company.lower()} if criteria.company else None,
            tag={"tag": criteria.tag} if criteria.tag else None,
        )
        return await list_page(self._sql, statements, where, page, convert=_to_domain, mappings=False)

    async def save(self, contact: Contact) -> None:
        await overwrite(self._sql, CONTACTS, values=_row_values(contact), entity="contact")

    async def delete(self, tenant_id: int, contact_id: uuid.UUID) -> bool:
        result = await self._sql.execute(
            delete(ContactRow).where(ContactRow.tenant_id == tenant_id, ContactRow.id == contact_id)
        )
        return changed_any(result)

    async def detach_deals(self, tenant_id: int, contact_id: uuid.UUID) -> tuple[uuid.UUID, ...]:
        """Clear `contact_id` on the contact's deals (one UPDATE); the ids of the deals it touched."""
        of_contact = (DealRow.tenant_id == tenant_id, DealRow.contact_id == contact_id)
        ids = (await self._sql.execute(select(DealRow.id).where(*of_contact).order_by(DealRow.id))).scalars()
        detached = tuple(ids)
        if detached:
            await self._sql.execute(
                update(DealRow)
                .where(DealRow.tenant_id == tenant_id, DealRow.id.in_(detached))
                .values(contact_id=None)
            )
        return detached


def _list_statements(has_tag: ColumnElement[bool]) -> ListStatements:
    c = CONTACTS.c
    query: BindParameter[str] = bindparam("query")
    full_name = c.first_name + " " + c.last_name
    return ListStatements(
        CONTACTS,
        {
            "tenant": c.tenant_id == bindparam("tenant_id"),
            "query": or_(
                *(
                    contains(column, query)
                    for column in (c.first_name, c.last_name, full_name, c.email, c.company)
                )
            ),
            "owner": c.owner == bindparam("owner"),
            "company": func.lower(c.company) == bindparam("company"),
            "tag": has_tag,
        },
    )


def _sqlite_has_tag() -> ColumnElement[bool]:
    each = func.json_each(CONTACTS.c.tags).table_valued("value")
    return exists(select(literal_column("1")).select_from(each).where(each.c.value == bindparam("tag")))


# The tags array holds the tag: jsonb containment on PostgreSQL, a walk of the JSON array on SQLite.
_LISTS = {
    "postgresql": _list_statements(
        CONTACTS.c.tags.op("@>")(func.jsonb_build_array(bindparam("tag", type_=String)))
    ),
    "sqlite": _list_statements(_sqlite_has_tag()),
}


def _row_values(contact: Contact) -> dict[str, Any]:
    return {
        "id": contact.id,
        "tenant_id": contact.tenant_id,
        "first_name": contact.first_name,
        "last_name": contact.last_name,
        "email": contact.email.lower(),
        "phone": contact.phone,
        "company": contact.company,
        "job_title": contact.job_title,
        "address": None if contact.address is None else address_json(contact.address),
        "notes": contact.notes,
        "tags": list(contact.tags),
        "owner": contact.owner,
        "source_lead_id": contact.source_lead_id,
        "created_at": contact.created_at,
        "updated_at": contact.updated_at,
    }


def _to_domain(row: Any) -> Contact:
    return Contact(
        id=row.id,
        tenant_id=row.tenant_id,
        first_name=row.first_name,
        last_name=row.last_name,
        email=row.email,
        phone=row.phone,
        company=row.company,
        job_title=row.job_title,
        address=None if row.address is None else address_of(row.address),
        notes=row.notes,
        tags=tuple(row.tags),
        owner=row.owner,
        source_lead_id=row.source_lead_id,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )
