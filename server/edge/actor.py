"""Who makes a change, for records such as a deal's stage history: the authenticated principal when auth
is on, else the actor the request names, else `anonymous`."""

from __future__ import annotations

from server.config import Settings
from server.edge.auth import ANONYMOUS, current_principal
from server.edge.context import Context

ACTOR_MAX = 200


class ActorResolver:
    def __init__(self, *, auth_enabled: bool) -> None:
        self._auth_enabled = auth_enabled

    def __call__(self, context: Context, requested: str = "") -> str:
        if self._auth_enabled:
            # The interceptor authenticated this call; a caller cannot claim to be someone else.
            principal = current_principal.get()
            return (principal or ANONYMOUS).subject
        return requested.strip()[:ACTOR_MAX] or ANONYMOUS.subject


def actor_resolver(settings: Settings) -> ActorResolver:
    return ActorResolver(auth_enabled=settings.AUTH_MODE != "none")


ANONYMOUS_ACTORS = ActorResolver(auth_enabled=False)
