"""WorkflowService over gRPC: validate -> use case -> map."""

from __future__ import annotations

from crm.v2 import workflow_service_pb2 as pb
from crm.v2 import workflow_service_pb2_grpc
from server.edge.context import Context
from server.edge.page_tokens import page_response
from server.edge.validation import requested_id
from server.intelligence import requests
from server.workflows.proto import workflow_to_proto
from server.workflows.usecases import WorkflowUseCases


class WorkflowServicer(workflow_service_pb2_grpc.WorkflowServiceServicer):
    def __init__(self, workflows: WorkflowUseCases) -> None:
        self._workflows = workflows

    async def StartProductClassification(
        self, request: pb.StartProductClassificationRequest, context: Context
    ) -> pb.Workflow:
        product_id = requested_id(request, request.product_id, "product_id")
        workflow = await self._workflows.start_classification(
            tenant_id=request.tenant_id, product_id=product_id
        )
        return workflow_to_proto(workflow)

    async def GetWorkflow(self, request: pb.GetWorkflowRequest, context: Context) -> pb.Workflow:
        workflow_id = requested_id(request, request.workflow_id, "workflow_id")
        return workflow_to_proto(
            await self._workflows.get(tenant_id=request.tenant_id, workflow_id=workflow_id)
        )

    async def ListWorkflows(
        self, request: pb.ListWorkflowsRequest, context: Context
    ) -> pb.ListWorkflowsResponse:
        query = requests.list_workflows_query(request)
        page = await self._workflows.list(tenant_id=query.tenant_id, criteria=query.criteria, page=query.page)
        return page_response(pb.ListWorkflowsResponse, "workflows", page, workflow_to_proto, query)

    async def CancelWorkflow(self, request: pb.CancelWorkflowRequest, context: Context) -> pb.Workflow:
        workflow_id = requested_id(request, request.workflow_id, "workflow_id")
        return workflow_to_proto(
            await self._workflows.cancel(tenant_id=request.tenant_id, workflow_id=workflow_id)
        )
