// The API benchmark's ceiling: a bare Express in its own process answering every GET with one
// constant JSON text of the size given (BARE_BYTES), sent as it is, as the product sends a stored
// risk explanation; no middleware, no ETag, nothing else. Prints {"listening": url} when ready.
import http from "node:http";
import express from "express";

const bytes = Number(process.env.BARE_BYTES ?? "200");
const port = Number(process.env.PORT ?? "0");
const host = process.env.HOST ?? "127.0.0.1";
const head = JSON.stringify({ id: "P0000001", type: "person", name: "bare", score: 0, padding: "" });
const body = head.replace('"padding":""', `"padding":"${"x".repeat(Math.max(0, bytes - head.length))}"`);

const app = express();
app.disable("x-powered-by");
app.set("etag", false);
app.get(/.*/, (_req, res) => void res.type("application/json").send(body));
const server = http.createServer(app);
server.listen(port, host, () => {
  const address = server.address() as { port: number };
  console.log(JSON.stringify({ listening: `http://${host}:${address.port}` }));
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
