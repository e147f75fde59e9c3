import datetime

from buf.validate import validate_pb2 as _validate_pb2
from crm.v2 import access_pb2 as _access_pb2
from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class HealthState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    HEALTH_STATE_UNSPECIFIED: _ClassVar[HealthState]
    HEALTH_STATE_SERVING: _ClassVar[HealthState]
    HEALTH_STATE_DEGRADED: _ClassVar[HealthState]
    HEALTH_STATE_NOT_SERVING: _ClassVar[HealthState]
    HEALTH_STATE_DISABLED: _ClassVar[HealthState]
HEALTH_STATE_UNSPECIFIED: HealthState
HEALTH_STATE_SERVING: HealthState
HEALTH_STATE_DEGRADED: HealthState
HEALTH_STATE_NOT_SERVING: HealthState
HEALTH_STATE_DISABLED: HealthState

class GetHealthRequest(_message.Message):
    __slots__ = ("tenant_id",)
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    def __init__(self, tenant_id: _Optional[int] = ...) -> None: ...

class DatabaseHealth(_message.Message):
    __slots__ = ("state", "backend", "latency", "schema_revision", "error")
    STATE_FIELD_NUMBER: _ClassVar[int]
    BACKEND_FIELD_NUMBER: _ClassVar[int]
    LATENCY_FIELD_NUMBER: _ClassVar[int]
    SCHEMA_REVISION_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    state: HealthState
    backend: str
    latency: _duration_pb2.Duration
    schema_revision: str
    error: str
    def __init__(self, state: _Optional[_Union[HealthState, str]] = ..., backend: _Optional[str] = ..., latency: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., schema_revision: _Optional[str] = ..., error: _Optional[str] = ...) -> None: ...

class KafkaHealth(_message.Message):
    __slots__ = ("state", "bootstrap_servers", "outbox_backlog", "last_publish_time", "last_error", "relay_leader")
    STATE_FIELD_NUMBER: _ClassVar[int]
    BOOTSTRAP_SERVERS_FIELD_NUMBER: _ClassVar[int]
    OUTBOX_BACKLOG_FIELD_NUMBER: _ClassVar[int]
    LAST_PUBLISH_TIME_FIELD_NUMBER: _ClassVar[int]
    LAST_ERROR_FIELD_NUMBER: _ClassVar[int]
    RELAY_LEADER_FIELD_NUMBER: _ClassVar[int]
    state: HealthState
    bootstrap_servers: str
    outbox_backlog: int
    last_publish_time: _timestamp_pb2.Timestamp
    last_error: str
    relay_leader: bool
    def __init__(self, state: _Optional[_Union[HealthState, str]] = ..., bootstrap_servers: _Optional[str] = ..., outbox_backlog: _Optional[int] = ..., last_publish_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., last_error: _Optional[str] = ..., relay_leader: _Optional[bool] = ...) -> None: ...

class AgentHealth(_message.Message):
    __slots__ = ("name", "state", "endpoint", "latency", "error")
    NAME_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    ENDPOINT_FIELD_NUMBER: _ClassVar[int]
    LATENCY_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    name: str
    state: HealthState
    endpoint: str
    latency: _duration_pb2.Duration
    error: str
    def __init__(self, name: _Optional[str] = ..., state: _Optional[_Union[HealthState, str]] = ..., endpoint: _Optional[str] = ..., latency: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., error: _Optional[str] = ...) -> None: ...

class Feature(_message.Message):
    __slots__ = ("name", "enabled", "detail")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    name: str
    enabled: bool
    detail: str
    def __init__(self, name: _Optional[str] = ..., enabled: _Optional[bool] = ..., detail: _Optional[str] = ...) -> None: ...

class TenantCounts(_message.Message):
    __slots__ = ("tenant_id", "leads", "contacts", "deals", "products", "suppliers", "orders", "workflows", "pending_events")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    LEADS_FIELD_NUMBER: _ClassVar[int]
    CONTACTS_FIELD_NUMBER: _ClassVar[int]
    DEALS_FIELD_NUMBER: _ClassVar[int]
    PRODUCTS_FIELD_NUMBER: _ClassVar[int]
    SUPPLIERS_FIELD_NUMBER: _ClassVar[int]
    ORDERS_FIELD_NUMBER: _ClassVar[int]
    WORKFLOWS_FIELD_NUMBER: _ClassVar[int]
    PENDING_EVENTS_FIELD_NUMBER: _ClassVar[int]
    tenant_id: int
    leads: int
    contacts: int
    deals: int
    products: int
    suppliers: int
    orders: int
    workflows: int
    pending_events: int
    def __init__(self, tenant_id: _Optional[int] = ..., leads: _Optional[int] = ..., contacts: _Optional[int] = ..., deals: _Optional[int] = ..., products: _Optional[int] = ..., suppliers: _Optional[int] = ..., orders: _Optional[int] = ..., workflows: _Optional[int] = ..., pending_events: _Optional[int] = ...) -> None: ...

class GetHealthResponse(_message.Message):
    __slots__ = ("state", "version", "start_time", "uptime", "database", "kafka", "agents", "features", "tenant_counts")
    STATE_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    UPTIME_FIELD_NUMBER: _ClassVar[int]
    DATABASE_FIELD_NUMBER: _ClassVar[int]
    KAFKA_FIELD_NUMBER: _ClassVar[int]
    AGENTS_FIELD_NUMBER: _ClassVar[int]
    FEATURES_FIELD_NUMBER: _ClassVar[int]
    TENANT_COUNTS_FIELD_NUMBER: _ClassVar[int]
    state: HealthState
    version: str
    start_time: _timestamp_pb2.Timestamp
    uptime: _duration_pb2.Duration
    database: DatabaseHealth
    kafka: KafkaHealth
    agents: _containers.RepeatedCompositeFieldContainer[AgentHealth]
    features: _containers.RepeatedCompositeFieldContainer[Feature]
    tenant_counts: TenantCounts
    def __init__(self, state: _Optional[_Union[HealthState, str]] = ..., version: _Optional[str] = ..., start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., uptime: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., database: _Optional[_Union[DatabaseHealth, _Mapping]] = ..., kafka: _Optional[_Union[KafkaHealth, _Mapping]] = ..., agents: _Optional[_Iterable[_Union[AgentHealth, _Mapping]]] = ..., features: _Optional[_Iterable[_Union[Feature, _Mapping]]] = ..., tenant_counts: _Optional[_Union[TenantCounts, _Mapping]] = ...) -> None: ...
