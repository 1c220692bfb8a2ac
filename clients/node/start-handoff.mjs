#!/usr/bin/env node
// Starts a handoff the way a bot written in another language does: straight through a
// Temporal SDK (here the TypeScript SDK's client), not through the HTTP API. The deployment
// keeps customer data encrypted, and its workers refuse clear payloads, so every payload this
// client sends or reads goes through the API's remote codec endpoint: the service's key never
// leaves the service, and this client needs only a token with the codec role.
//
// Usage: node start-handoff.mjs CONVERSATION_ID [INPUT_FILE]
//
// Environment:
//   HANDOFF_API_URL            the handoff API, e.g. http://127.0.0.1:8080 (required)
//   HANDOFF_CODEC_TOKEN        a token with role codec (or HANDOFF_CODEC_TOKEN_FILE, a file holding it)
//   TEMPORAL_ADDRESS           Temporal frontend (default 127.0.0.1:7233)
//   TEMPORAL_NAMESPACE         namespace (default "default")
//   HANDOFF_CONVERSATION_ID    the conversation, when not given as the first argument
//   HANDOFF_WAIT_SECONDS       how long to wait for the offer to a person (default 60)
//
// It prints the handoff's state (the `state` query) as JSON once the handoff awaits a
// person's acceptance, and exits 0; 1 when the handoff fails or ends before that, 2 for a
// usage or configuration mistake.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { RemoteCodec } from './remote-codec.mjs';

// The contract of the Go side (package handoff): names a foreign client must use verbatim.
const WORKFLOW_TYPE = 'Handoff';
const TASK_QUEUE = 'handoff';
const QUERY_STATE = 'state';
const workflowId = (conversationId) => `handoff-${conversationId}`;

const here = dirname(fileURLToPath(import.meta.url));
const defaultInput = join(here, '..', '..', 'samples', 'seller-distress.json');

class UsageError extends Error {}

function settings(argv, env) {
  const conversationId = argv[0] || env.HANDOFF_CONVERSATION_ID;
  if (!conversationId) {
    throw new UsageError('a conversation ID is required: node start-handoff.mjs CONVERSATION_ID [INPUT_FILE] (or set HANDOFF_CONVERSATION_ID)');
  }
  const apiURL = env.HANDOFF_API_URL;
  if (!apiURL) {
    throw new UsageError('HANDOFF_API_URL is not set: the handoff API that encrypts payloads, e.g. http://127.0.0.1:8080');
  }
  if (!/^https?:\/\//.test(apiURL)) {
    throw new UsageError(`HANDOFF_API_URL ${JSON.stringify(apiURL)} is not an http(s) URL`);
  }
  let token = env.HANDOFF_CODEC_TOKEN;
  if (!token && env.HANDOFF_CODEC_TOKEN_FILE) {
    try {
      token = readFileSync(env.HANDOFF_CODEC_TOKEN_FILE, 'utf8').trim();
    } catch (err) {
      throw new UsageError(`HANDOFF_CODEC_TOKEN_FILE: ${err.message}`);
    }
    if (!token) throw new UsageError(`HANDOFF_CODEC_TOKEN_FILE ${env.HANDOFF_CODEC_TOKEN_FILE} is empty`);
  }
  if (!token) {
    throw new UsageError('HANDOFF_CODEC_TOKEN (or HANDOFF_CODEC_TOKEN_FILE) is not set: a token with role codec, ' +
      'e.g. `starter token new --name my-bot --role codec`; under `make run`, the "codec" line of data/dev-tokens.txt');
  }
  const waitSeconds = Number(env.HANDOFF_WAIT_SECONDS || 60);
  if (!(waitSeconds > 0)) {
    throw new UsageError(`HANDOFF_WAIT_SECONDS ${JSON.stringify(env.HANDOFF_WAIT_SECONDS)} is not a positive number`);
  }
  const inputFile = argv[1] || defaultInput;
  let input;
  try {
    input = JSON.parse(readFileSync(inputFile, 'utf8'));
  } catch (err) {
    throw new UsageError(`input ${inputFile}: ${err.message}`);
  }
  input.conversation_id = conversationId;
  return {
    address: env.TEMPORAL_ADDRESS || '127.0.0.1:7233',
    namespace: env.TEMPORAL_NAMESPACE || 'default',
    codecEndpoint: `${apiURL.replace(/\/+$/, '')}/codec`,
    token,
    waitMs: waitSeconds * 1000,
    input,
  };
}

async function main() {
  const s = settings(process.argv.slice(2), process.env);
  let connection;
  try {
    connection = await Connection.connect({ address: s.address });
  } catch (err) {
    throw new Error(`cannot reach Temporal at ${s.address} (TEMPORAL_ADDRESS): ${err.message}`);
  }
  try {
    const client = new Client({
      connection,
      namespace: s.namespace,
      dataConverter: {
        payloadCodecs: [new RemoteCodec({ endpoint: s.codecEndpoint, token: s.token, namespace: s.namespace })],
      },
    });
    const handle = await client.workflow.start(WORKFLOW_TYPE, {
      taskQueue: TASK_QUEUE,
      workflowId: workflowId(s.input.conversation_id),
      args: [s.input],
      // As the Go service starts handoffs: a conversation has one running handoff, and a
      // second start returns it; after it closed, a new one may start.
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      workflowIdConflictPolicy: 'USE_EXISTING',
      // IDs only, never customer data: search attributes stay in clear to be searchable, and
      // the summary (encrypted like any payload) is what operators see in run lists.
      staticSummary: `${s.input.source_agent} handoff for conversation ${s.input.conversation_id}`,
      typedSearchAttributes: [
        { key: defineSearchAttributeKey('HandoffSource', SearchAttributeType.KEYWORD), value: s.input.source_agent },
        { key: defineSearchAttributeKey('HandoffPhase', SearchAttributeType.KEYWORD), value: 'analyzing' },
      ],
    });
    console.error(`handoff ${handle.workflowId} run ${handle.firstExecutionRunId}: waiting for the offer to a person`);
    const state = await waitForOffer(handle, s.waitMs);
    console.log(JSON.stringify(state, null, 2));
  } finally {
    await connection.close();
  }
}

// waitForOffer polls the state query until the handoff awaits a person's acceptance, and
// fails as soon as the run has closed (say, because the worker refused its input), with why.
async function waitForOffer(handle, waitMs) {
  const deadline = Date.now() + waitMs;
  let last = 'no answer yet';
  for (;;) {
    let state;
    try {
      state = await handle.query(QUERY_STATE);
    } catch (err) {
      // A query fails before the first workflow task and after the run failed: tell them apart.
      last = err.message;
      await failIfClosed(handle);
    }
    if (state) {
      if (state.phase === 'awaiting_acceptance' && state.current_offer) {
        return state;
      }
      if (state.outcome) {
        throw new Error(`the handoff ended ${state.outcome} before an offer to a person: ${state.outcome_reason || 'no reason given'}`);
      }
      last = `phase ${state.phase}`;
    }
    if (Date.now() > deadline) {
      throw new Error(`no offer to a person within ${waitMs / 1000}s (last: ${last})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function failIfClosed(handle) {
  const { status } = await handle.describe();
  if (status.name === 'RUNNING') {
    return;
  }
  const why = await handle.result().then(() => 'it completed', (err) => err.cause?.message ?? err.message);
  throw new Error(`the handoff's run is ${status.name}: ${why}`);
}

main().catch((err) => {
  console.error(`start-handoff: ${err.message}`);
  process.exit(err instanceof UsageError ? 2 : 1);
});
