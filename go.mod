module github.com/handoffhq/orchestrator

go 1.26
