// Package api holds the OpenAPI document of the HTTP API, embedded so the server can serve it
// at /openapi.yaml and tests can check it against the routes.
package api

import _ "embed"

// OpenAPI is the OpenAPI 3.1 document (openapi.yaml).
//
//go:embed openapi.yaml
var OpenAPI []byte
