package config

import (
	"fmt"
	"slices"

	"github.com/handoffhq/orchestrator/handoff"
)

// Package size bounds accepted for handoff.max_package_bytes. Below the minimum a package
// could hold little more than its required fields; above the maximum it nears Temporal's
// 2 MB payload limit once it travels in a briefing's input as well.
const (
	MinPackageBytes = 16 << 10
	MaxPackageBytes = 1 << 20
)

func init() {
	defaults["handoff.max_package_bytes"] = handoff.DefaultMaxPackageBytes
}

// TemplateFor picks the context template for a target agent: by its ID, else a group, else
// its kind (see handoff.PickTemplate). Without a matching template the one named "default"
// applies, else the built-in handoff.DefaultTemplate.
func (c *Config) TemplateFor(agentID string) handoff.Template {
	ag, ok := c.Agent(agentID)
	if !ok {
		ag = handoff.Agent{ID: agentID}
	}
	return handoff.PickTemplate(c.Templates, ag)
}

// PackageLimits are the size limits of context packages.
func (c *Config) PackageLimits() handoff.Limits {
	l := handoff.DefaultLimits()
	if c.Handoff.MaxPackageBytes > 0 {
		l.MaxBytes = c.Handoff.MaxPackageBytes
	}
	return l
}

// validateTemplates checks every template on its own (paths, required within sections) and
// against the roster: applies_to must name an agent, a group or a kind, so a typo does not
// leave an agent on the default template unnoticed.
func (c *Config) validateTemplates() error {
	fail := func(key, format string, args ...any) error {
		return &Error{File: c.File, Key: key, Reason: fmt.Sprintf(format, args...)}
	}
	if n := c.Handoff.MaxPackageBytes; n != 0 && (n < MinPackageBytes || n > MaxPackageBytes) {
		return fail("handoff.max_package_bytes", "%d is outside %d to %d bytes", n, MinPackageBytes, MaxPackageBytes)
	}
	targets := map[string]bool{}
	for _, k := range []handoff.AgentKind{handoff.KindBot, handoff.KindSpecialist, handoff.KindHuman, handoff.KindSupervisor} {
		targets[string(k)] = true
	}
	for _, a := range c.Agents {
		targets[a.ID] = true
		for _, g := range a.Groups {
			targets[g] = true
		}
	}
	names := map[string]bool{}
	for i, t := range c.Templates {
		key := fmt.Sprintf("templates[%d]", i)
		if t.Name != "" {
			key = fmt.Sprintf("templates[%d] (%s)", i, t.Name)
		}
		if err := t.Validate(); err != nil {
			if fe, ok := handoff.AsFieldError(err); ok {
				return fail(key+"."+fe.Field, "%s", fe.Problem)
			}
			return fail(key, "%v", err)
		}
		if names[t.Name] {
			return fail(key+".name", "duplicate template name")
		}
		names[t.Name] = true
		if len(t.AppliesTo) == 0 && t.Name != handoff.DefaultTemplateName {
			return fail(key+".applies_to", "is empty: name agent IDs, groups or kinds (or call the template %q)", handoff.DefaultTemplateName)
		}
		for j, a := range t.AppliesTo {
			if !targets[a] {
				return fail(fmt.Sprintf("%s.applies_to[%d]", key, j), "%q is not an agent, a group or a kind (bot, specialist, human, supervisor)", a)
			}
			if slices.Index(t.AppliesTo, a) != j {
				return fail(fmt.Sprintf("%s.applies_to[%d]", key, j), "%q is listed twice", a)
			}
		}
	}
	return nil
}
