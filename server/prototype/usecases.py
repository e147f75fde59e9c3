"""The one decision of the prototype area: which tenant a prototype call acts on.

The area has no use cases of its own. Each of its RPCs is one of the contract's, reshaped: it calls that
RPC's servicer, so the validation, the unit of work, the events and the errors are the contract's, and
only the shapes differ (`requests.py` in, `proto.py` out).
"""

from __future__ import annotations

# The prototype read `tenant_id` from the query or body and fell back to tenant 1 when it was absent.
PROTOTYPE_DEFAULT_TENANT = 1


def tenant_for(requested: int, *, granted: frozenset[int] | None, authenticated: bool) -> int | None:
    """The tenant a call acts on: the one it names; else, for a caller with a token, the only tenant the
    token grants; else, without authentication (AUTH_MODE=none, loopback only), the prototype's default.
    None when a token grants several tenants (or every tenant) and the call names none."""
    if requested != 0:
        return requested
    if not authenticated:
        return PROTOTYPE_DEFAULT_TENANT
    if granted is not None and len(granted) == 1:
        return next(iter(granted))
    return None
