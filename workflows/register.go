package workflows

import (
	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

// Register registers every workflow of the service under its public name.
func Register(r worker.WorkflowRegistry) {
	r.RegisterWorkflowWithOptions(Handoff, workflow.RegisterOptions{Name: handoff.WorkflowName})
	r.RegisterWorkflowWithOptions(Agent, workflow.RegisterOptions{Name: handoff.AgentWorkflowName})
	r.RegisterWorkflowWithOptions(Queue, workflow.RegisterOptions{Name: handoff.QueueWorkflowName})
	r.RegisterWorkflowWithOptions(Callback, workflow.RegisterOptions{Name: handoff.CallbackWorkflowName})
	r.RegisterWorkflowWithOptions(TellSource, workflow.RegisterOptions{Name: handoff.TellSourceWorkflowName})
	r.RegisterWorkflowWithOptions(FollowUp, workflow.RegisterOptions{Name: handoff.FollowUpWorkflowName})
	r.RegisterWorkflowWithOptions(Consultation, workflow.RegisterOptions{Name: handoff.ConsultationWorkflowName})
	r.RegisterWorkflowWithOptions(ExperimentAllocation, workflow.RegisterOptions{Name: handoff.AllocationWorkflowName})
}
