// RemoteCodec is a PayloadCodec (@temporalio/common) that has the handoff API encrypt and
// decrypt payloads, so a Node.js client keeps customer data encrypted without ever holding the
// key. It speaks Temporal's remote codec protocol: POST {endpoint}/encode or /decode with
// {"payloads": [{"metadata": {"k": "<base64>"}, "data": "<base64>"}]}, the body Go's
// converter.NewPayloadCodecHTTPHandler (which the API serves) reads and writes.
//
// Use: new Client({ connection, namespace, dataConverter: { payloadCodecs: [new RemoteCodec({
//   endpoint: 'http://127.0.0.1:8080/codec', token: codecToken, namespace })] } })
export class RemoteCodec {
  constructor({ endpoint, token, namespace, timeoutMs = 10_000 }) {
    this.endpoint = endpoint.replace(/\/+$/, '');
    this.token = token;
    this.namespace = namespace;
    this.timeoutMs = timeoutMs;
  }

  async encode(payloads) {
    return this.#call('encode', payloads);
  }

  async decode(payloads) {
    return this.#call('decode', payloads);
  }

  async #call(op, payloads) {
    if (payloads.length === 0) {
      return payloads; // the SDK asks for empty lists too; no round trip for nothing
    }
    const url = `${this.endpoint}/${op}`;
    let res;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${this.token}`,
          'Content-Type': 'application/json',
          'X-Namespace': this.namespace,
        },
        body: JSON.stringify({ payloads: payloads.map(payloadToJSON) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new Error(`codec ${op}: cannot reach ${url}: ${err.cause?.message ?? err.message} (is HANDOFF_API_URL the handoff API?)`);
    }
    const text = await res.text();
    if (!res.ok) {
      throw new Error(`codec ${op}: ${url} answered ${res.status}: ${errorMessage(text)}${hint(res.status, op)}`);
    }
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`codec ${op}: ${url} answered ${res.status} with a body that is not JSON (is HANDOFF_API_URL the handoff API?)`);
    }
    // A codec that returned fewer or more payloads than it was given would shift every
    // argument of a call: refuse rather than send the wrong data.
    if (!Array.isArray(body.payloads) || body.payloads.length !== payloads.length) {
      throw new Error(`codec ${op}: ${url} returned ${body.payloads?.length ?? 'no'} payloads for ${payloads.length}`);
    }
    return body.payloads.map(payloadFromJSON);
  }
}

// The API answers its own refusals as {"error": {"code", "message"}}, the codec handler's
// as plain text.
function errorMessage(text) {
  try {
    const msg = JSON.parse(text)?.error?.message;
    if (msg) return msg;
  } catch {
    // plain text
  }
  return text.trim() || '(empty body)';
}

function hint(status, op) {
  if (status === 401) return '. Set HANDOFF_CODEC_TOKEN to a token the API knows.';
  if (status === 403 && op === 'encode') {
    return '. Encoding needs a token with role codec (operators only decode): `starter token new --name my-bot --role codec`.';
  }
  if (status === 404) return '. Is payload encryption configured on the API (codec keys)?';
  return '';
}

// protojson's form of a temporal.api.common.v1.Payload: bytes as standard base64.
function payloadToJSON(p) {
  const metadata = {};
  for (const [k, v] of Object.entries(p.metadata ?? {})) {
    metadata[k] = Buffer.from(v).toString('base64');
  }
  return { metadata, data: Buffer.from(p.data ?? new Uint8Array()).toString('base64') };
}

// protojson leaves out empty fields, so metadata and data may be missing.
function payloadFromJSON(j) {
  const metadata = {};
  for (const [k, v] of Object.entries(j.metadata ?? {})) {
    metadata[k] = new Uint8Array(Buffer.from(v, 'base64'));
  }
  return { metadata, data: new Uint8Array(Buffer.from(j.data ?? '', 'base64')) };
}
