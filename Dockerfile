# syntax=docker/dockerfile:1
# The handoff worker and API in one image:
#   docker run IMAGE worker            the Temporal worker
#   docker run IMAGE starter serve     the HTTP API (and the other starter commands)
# docker-compose.yml runs both against PostgreSQL-backed Temporal.

FROM golang:1.26-trixie AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/worker ./worker && \
    CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/starter ./starter

FROM debian:trixie-slim
# ca-certificates for TLS to Temporal Cloud and to agents' webhooks; curl for healthchecks.
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --user-group --home-dir /app --no-create-home handoff
WORKDIR /app
COPY --from=build /out/worker /out/starter /usr/local/bin/
# The default config is config/examples/real-estate.yaml, relative to /app; HANDOFF_CONFIG
# picks another one (mount your own file and point it there).
COPY config/examples/ /app/config/examples/
USER 10001:10001
ENV HANDOFF_API_LISTEN=0.0.0.0:8080
EXPOSE 8080
CMD ["worker"]
