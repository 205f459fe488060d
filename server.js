// The production (and development) web server: Express in front of the Remix build.
// Settings, migrations and the database live in the build (app/entry.server.tsx exports
// `startup` and `shutdown`), so this file only builds when needed, serves files, sets security
// headers and shuts down gracefully.
import crypto from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import url from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";

process.env.NODE_ENV ??= "production";
installGlobals({ nativeFetch: true });

const root = path.dirname(url.fileURLToPath(import.meta.url));
const buildPath = path.join(root, "build", "index.js");
const developing = process.env.NODE_ENV === "development";

if (!developing) buildIfStale();

let build;
try {
  build = await import(url.pathToFileURL(buildPath).href);
} catch (error) {
  if (error?.name === "ConfigError") {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const { startup, shutdown, withWriteLimits } = build.entry.module;
let config;
try {
  config = await startup();
} catch (error) {
  // Another server (or a restore) holds the database: say so plainly, without a stack trace.
  if (error?.name === "LockHeldError") {
    console.error(`The app cannot start: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
let stopping = false;

const app = express();
app.disable("x-powered-by");
if (config.trustProxy) app.set("trust proxy", true);
app.use(compression());
// While shutting down, answers tell clients not to send more requests on the same connection.
app.use((req, res, next) => {
  if (stopping) res.setHeader("Connection", "close");
  next();
});
app.use(securityHeaders);
app.use(
  "/build",
  express.static(path.join(root, "public", "build"), { immutable: true, maxAge: "1y", index: false }),
);
// Other public files (the icon, robots.txt) have an extension; pages never look for one on disk.
const publicFiles = express.static(path.join(root, "public"), { maxAge: "1h", index: false });
app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()));
app.all(
  "*",
  createRequestHandler({
    // Every action (every write) counts towards its client address's limit, WRITE_LIMIT_PER_ADDRESS.
    build: withWriteLimits(build),
    mode: developing ? "development" : "production",
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientAddress: req.ip }),
  }),
);

const server = app.listen(config.port, config.host, () => {
  console.log(`Partnership tracker ready on http://localhost:${config.port}`);
  if (developing) broadcastDevReady(build);
});

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing requests in flight, then closing the database.`);
    // Stop accepting connections; requests in flight finish. A kept-alive connection is closed as
    // soon as it is idle (checked often, so shutting down takes as long as the slowest request,
    // not the keep-alive timeout). Then the database is checkpointed and closed.
    server.close(() => exitAfterShutdown(0));
    server.closeIdleConnections();
    setInterval(() => server.closeIdleConnections(), 50).unref();
    setTimeout(() => {
      console.error("Requests still running after 10 s: closing anyway.");
      server.closeAllConnections();
      exitAfterShutdown(1);
    }, 10_000).unref();
  });
}

function exitAfterShutdown(code) {
  try {
    shutdown();
    console.log("The database is closed. Goodbye.");
  } catch (error) {
    console.error(`Could not close the database cleanly: ${error?.message ?? error}`);
    code = 1;
  }
  process.exit(code);
}

function securityHeaders(req, res, next) {
  const nonce = crypto.randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  const connect = developing ? "'self' ws://localhost:*" : "'self'";
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src ${connect}`,
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  next();
}

/** `npm start` must work from a clean clone and after a pull: build when the build is missing or older than the source. */
function buildIfStale() {
  const builtAt = fs.existsSync(buildPath) ? fs.statSync(buildPath).mtimeMs : 0;
  const sources = ["app", "db", "remix.config.js", "package.json"].map((p) => path.join(root, p));
  if (builtAt > 0 && newestChange(sources) <= builtAt) return;
  console.log(builtAt ? "The source has changed since the last build: building…" : "Building the app…");
  execFileSync(path.join(root, "node_modules", ".bin", "remix"), ["build"], { cwd: root, stdio: "inherit" });
}

function newestChange(paths) {
  let newest = 0;
  for (const p of paths) {
    if (!fs.existsSync(p)) continue;
    const stat = fs.statSync(p);
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) {
      newest = Math.max(newest, newestChange(fs.readdirSync(p).map((name) => path.join(p, name))));
    }
  }
  return newest;
}
