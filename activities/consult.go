package activities

import "context"

// AskExpert gives an expert the consultation brief: a bot or specialist at its webhook, a
// person through the notification service (their offer of the consultation). A refusal (4xx)
// or a missing endpoint is permanent: the expert is named as failed in the advisory brief.
func (a *Activities) AskExpert(ctx context.Context, in DeliveryInput) error {
	return a.deliver(ctx, in, a.isPerson(in.Agent))
}

// TellPrimary delivers to the primary agent of a consultation: the message that tells the
// customer who reviews their case, an expert's answer as it arrives, the advisory brief.
func (a *Activities) TellPrimary(ctx context.Context, in DeliveryInput) error {
	return a.deliver(ctx, in, a.isPerson(in.Agent))
}
