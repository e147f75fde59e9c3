"""Entity ids: UUIDv7, time ordered, so that keyset pages by id follow creation order."""

import uuid

import uuid6


def new_id() -> uuid.UUID:
    # uuid6.uuid7() returns a uuid6.UUID subclass; normalise so equality and hashing are plain UUIDs.
    return uuid.UUID(bytes=uuid6.uuid7().bytes)
