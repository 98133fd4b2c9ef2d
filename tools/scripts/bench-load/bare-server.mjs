// The reference for the public endpoint's throughput: a bare node:http server that answers with the bytes and
// headers recorded from the API (plain, gzip, brotli, and 304 for a matching If-None-Match), chosen the way the API chooses
// them. Usage: node bare-server.mjs <recorded.json>; prints "listening <port>".
import fs from 'node:fs';
import http from 'node:http';

const recorded = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const SKIP = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);
function prepare(v) {
  if (!v) return null;
  const headers = [];
  for (let i = 0; i < v.rawHeaders.length; i += 2)
    if (!SKIP.has(v.rawHeaders[i].toLowerCase())) headers.push(v.rawHeaders[i], v.rawHeaders[i + 1]);
  return { status: v.status, headers, body: Buffer.from(v.body, 'base64') };
}
const plain = prepare(recorded.plain);
const gzip = prepare(recorded.gzip) ?? plain;
const br = prepare(recorded.br) ?? gzip;
const notModified = prepare(recorded.notModified);

const server = http.createServer((req, res) => {
  const v =
    notModified && recorded.etag && req.headers['if-none-match'] === recorded.etag
      ? notModified
      : /\bbr\b/.test(req.headers['accept-encoding'] ?? '')
        ? br
        : /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')
          ? gzip
          : plain;
  res.writeHead(v.status, v.headers);
  res.end(v.body);
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
