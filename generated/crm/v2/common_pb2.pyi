from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class ResultSource(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RESULT_SOURCE_UNSPECIFIED: _ClassVar[ResultSource]
    RESULT_SOURCE_ENGINE: _ClassVar[ResultSource]
    RESULT_SOURCE_AGENT: _ClassVar[ResultSource]
RESULT_SOURCE_UNSPECIFIED: ResultSource
RESULT_SOURCE_ENGINE: ResultSource
RESULT_SOURCE_AGENT: ResultSource

class ScoreFactor(_message.Message):
    __slots__ = ("name", "weight", "value", "contribution", "explanation")
    NAME_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    CONTRIBUTION_FIELD_NUMBER: _ClassVar[int]
    EXPLANATION_FIELD_NUMBER: _ClassVar[int]
    name: str
    weight: float
    value: float
    contribution: float
    explanation: str
    def __init__(self, name: _Optional[str] = ..., weight: _Optional[float] = ..., value: _Optional[float] = ..., contribution: _Optional[float] = ..., explanation: _Optional[str] = ...) -> None: ...

class Bucket(_message.Message):
    __slots__ = ("lower_bound", "upper_bound", "count")
    LOWER_BOUND_FIELD_NUMBER: _ClassVar[int]
    UPPER_BOUND_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    lower_bound: float
    upper_bound: float
    count: int
    def __init__(self, lower_bound: _Optional[float] = ..., upper_bound: _Optional[float] = ..., count: _Optional[int] = ...) -> None: ...
