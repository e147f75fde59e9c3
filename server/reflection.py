"""Server reflection that every tool can use: grpcurl, ghz, Postman, evans.

grpcio-reflection serves only `grpc.reflection.v1alpha`, asks the descriptor pool for the file of a symbol
(which upb answers only for messages, enums and services — not for `Service.Method` or a message's nested
field, so `grpcurl describe crm.v2.LeadService.CreateLead` and ghz `--call` failed), and serves descriptors
as the generated modules carry them, without the comments of the .proto files. This servicer:
- answers on `grpc.reflection.v1` too (the same messages field for field, so one implementation serves both);
- resolves a method, field, enum value or nested symbol through its enclosing service, message or enum;
- serves the crm.v2 files from `generated/crm/v2/descriptors.binpb`, the set `make protos` writes with
  source info, so `grpcurl describe` shows the contract's documentation.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from importlib import resources
from typing import Any

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool
from google.protobuf.descriptor import FileDescriptor
from grpc_reflection.v1alpha import reflection_pb2 as pb

V1ALPHA = "grpc.reflection.v1alpha.ServerReflection"
V1 = "grpc.reflection.v1.ServerReflection"
DESCRIPTOR_SET = "descriptors.binpb"


def documented_files() -> dict[str, bytes]:
    """The serialized FileDescriptorProto of each crm.v2 file, with its source comments, by file name."""
    data = resources.files("crm.v2").joinpath(DESCRIPTOR_SET).read_bytes()
    files = descriptor_pb2.FileDescriptorSet.FromString(data).file
    for file in files:
        _without_json_names(file.message_type)
    return {f.name: f.SerializeToString() for f in files}


def _without_json_names(messages: Iterable[descriptor_pb2.DescriptorProto]) -> None:
    """protoc records each field's camelCase JSON name in a descriptor set, the generated modules do not;
    without it tools print the fields as the .proto names them (`tenant_id`), as they always have here."""
    for message in messages:
        for field in message.field:
            field.ClearField("json_name")
        _without_json_names(message.nested_type)


def _register_v1_descriptor(pool: descriptor_pool.DescriptorPool) -> None:
    """Put `grpc.reflection.v1` in the pool (the v1alpha schema under its v1 name), so that it describes
    itself like every other service it lists."""
    try:
        pool.FindFileByName("grpc/reflection/v1/reflection.proto")
        return
    except KeyError:
        pass
    proto = descriptor_pb2.FileDescriptorProto()
    pb.DESCRIPTOR.CopyToProto(proto)
    old, new = f".{proto.package}.", ".grpc.reflection.v1."
    proto.name = "grpc/reflection/v1/reflection.proto"
    proto.package = "grpc.reflection.v1"
    proto.ClearField("options")
    for message in proto.message_type:
        for field in message.field:
            if field.type_name.startswith(old):
                field.type_name = new + field.type_name.removeprefix(old)
    for service in proto.service:
        for method in service.method:
            method.input_type = new + method.input_type.removeprefix(old)
            method.output_type = new + method.output_type.removeprefix(old)
    pool.AddSerializedFile(proto.SerializeToString())


class ContractReflection:
    """One implementation of ServerReflectionInfo for both versions, over the default descriptor pool."""

    def __init__(
        self,
        service_names: Iterable[str],
        *,
        documented: dict[str, bytes] | None = None,
        pool: descriptor_pool.DescriptorPool | None = None,
    ) -> None:
        self._pool = pool or descriptor_pool.Default()
        _register_v1_descriptor(self._pool)
        self._services = sorted({*service_names, V1ALPHA, V1})
        self._documented = documented if documented is not None else documented_files()

    async def ServerReflectionInfo(
        self, requests: AsyncIterator[pb.ServerReflectionRequest], context: Any
    ) -> AsyncIterator[pb.ServerReflectionResponse]:
        async for request in requests:
            yield self._answer(request)

    def _answer(self, request: pb.ServerReflectionRequest) -> pb.ServerReflectionResponse:
        asked = request.WhichOneof("message_request")
        try:
            if asked == "list_services":
                return pb.ServerReflectionResponse(
                    original_request=request,
                    list_services_response=pb.ListServiceResponse(
                        service=[pb.ServiceResponse(name=name) for name in self._services]
                    ),
                )
            if asked == "file_by_filename":
                return self._files(request, self._pool.FindFileByName(request.file_by_filename))
            if asked == "file_containing_symbol":
                return self._files(request, self._file_of(request.file_containing_symbol))
            if asked == "file_containing_extension":
                extended = request.file_containing_extension
                message = self._pool.FindMessageTypeByName(extended.containing_type)
                extension = self._pool.FindExtensionByNumber(message, extended.extension_number)
                return self._files(request, self._pool.FindFileContainingSymbol(extension.full_name))
            if asked == "all_extension_numbers_of_type":
                message = self._pool.FindMessageTypeByName(request.all_extension_numbers_of_type)
                numbers = sorted(e.number for e in self._pool.FindAllExtensions(message))
                return pb.ServerReflectionResponse(
                    original_request=request,
                    all_extension_numbers_response=pb.ExtensionNumberResponse(
                        base_type_name=message.full_name, extension_number=numbers
                    ),
                )
        except KeyError:
            return _error(request, grpc.StatusCode.NOT_FOUND)
        return _error(request, grpc.StatusCode.INVALID_ARGUMENT)

    def _file_of(self, name: str) -> FileDescriptor:
        """The file defining `name`, or the file of its nearest enclosing symbol (a method's service, a
        field's message); KeyError when there is none."""
        symbol = name
        while symbol:
            try:
                return self._pool.FindFileContainingSymbol(symbol)
            except KeyError:
                symbol = symbol.rpartition(".")[0]
        raise KeyError(name)

    def _files(
        self, request: pb.ServerReflectionRequest, descriptor: FileDescriptor
    ) -> pb.ServerReflectionResponse:
        """The file and everything it imports, the crm.v2 files with their comments."""
        files: dict[str, FileDescriptor] = {}
        pending = [descriptor]
        while pending:
            current = pending.pop()
            if current.name not in files:
                files[current.name] = current
                pending.extend(current.dependencies)
        return pb.ServerReflectionResponse(
            original_request=request,
            file_descriptor_response=pb.FileDescriptorResponse(
                file_descriptor_proto=[self._serialized(file) for file in files.values()]
            ),
        )

    def _serialized(self, file: FileDescriptor) -> bytes:
        documented = self._documented.get(file.name)
        if documented is not None:
            return documented
        proto = descriptor_pb2.FileDescriptorProto()
        file.CopyToProto(proto)
        return proto.SerializeToString()


def _error(request: pb.ServerReflectionRequest, code: grpc.StatusCode) -> pb.ServerReflectionResponse:
    number, message = code.value
    return pb.ServerReflectionResponse(
        original_request=request,
        error_response=pb.ErrorResponse(error_code=number, error_message=message),
    )


def add_reflection(servicer: ContractReflection, server: grpc.aio.Server) -> None:
    """Serve `servicer` as both reflection versions."""
    handler = grpc.stream_stream_rpc_method_handler(
        servicer.ServerReflectionInfo,
        request_deserializer=pb.ServerReflectionRequest.FromString,
        response_serializer=pb.ServerReflectionResponse.SerializeToString,
    )
    for service in (V1ALPHA, V1):
        server.add_generic_rpc_handlers(
            (grpc.method_handlers_generic_handler(service, {"ServerReflectionInfo": handler}),)
        )
