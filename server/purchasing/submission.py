"""The default supplier submission (SupplierSubmission): nothing is called; the `purchase_order.submitted`
event is the message, for whatever consumes the purchasing topic to place the order."""

from __future__ import annotations

from domain.purchasing import PurchaseOrder, SubmissionReceipt


class EventOnlySubmission:
    async def submit(self, po: PurchaseOrder) -> SubmissionReceipt:
        return SubmissionReceipt()
