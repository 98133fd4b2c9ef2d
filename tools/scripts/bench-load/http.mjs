// A small keep-alive HTTP client on node:http for the load benchmark (no extra dependency). Returns the raw body
// bytes and headers; never throws for an HTTP status, only for a network error or the timeout.
import http from 'node:http';

export function makeClient(base, { maxSockets = 256, timeoutMs = 10_000 } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  const { hostname, port } = new URL(base);
  // A kept-alive socket that the server closed as idle (Node's default keepAliveTimeout is 5 s) may be picked at the
  // same moment: that request never reached the server, so it is sent once more on a fresh socket (what Node's
  // documentation advises for `reusedSocket`).
  async function request(method, path, opts = {}) {
    try {
      return await once(method, path, opts);
    } catch (e) {
      if (e.reusedSocket && e.code === 'ECONNRESET') return once(method, path, opts);
      throw e;
    }
  }
  function once(method, path, { headers = {}, body } = {}) {
    return new Promise((resolve, reject) => {
      const payload =
        body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
      const req = http.request(
        {
          agent,
          hostname,
          port,
          method,
          path,
          headers: {
            ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode,
              headers: res.headers,
              rawHeaders: res.rawHeaders,
              body: Buffer.concat(chunks),
            }),
          );
          res.on('error', reject);
        },
      );
      // A deadline for the whole exchange (waiting for a socket included), not only for an idle socket.
      const deadline = setTimeout(() => req.destroy(new Error(`timeout after ${timeoutMs} ms`)), timeoutMs);
      req.on('close', () => clearTimeout(deadline));
      req.on('error', (e) => reject(Object.assign(e, { reusedSocket: req.reusedSocket })));
      req.end(payload);
    });
  }
  async function json(method, path, opts) {
    const r = await request(method, path, opts);
    let parsed = null;
    try {
      parsed = r.body.length ? JSON.parse(r.body.toString('utf8')) : null;
    } catch {
      /* not JSON */
    }
    return { ...r, json: parsed };
  }
  return { request, json, close: () => agent.destroy() };
}
