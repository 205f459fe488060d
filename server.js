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
const { startup, shutdown } = build.entry.module;
const config = await startup();

const app = express();
app.disable("x-powered-by");
if (config.trustProxy) app.set("trust proxy", true);
app.use(compression());
app.use(securityHeaders);
app.use(
  "/build",
  express.static(path.join(root, "public", "build"), { immutable: true, maxAge: "1y", index: false }),
);
app.use(express.static(path.join(root, "public"), { maxAge: "1h", index: false }));
app.all(
  "*",
  createRequestHandler({
    build,
    mode: developing ? "development" : "production",
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientAddress: req.ip }),
  }),
);

const server = app.listen(config.port, config.host, () => {
  console.log(`Partnership tracker ready on http://localhost:${config.port}`);
  if (developing) broadcastDevReady(build);
});

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing requests in flight, then closing the database.`);
    // Stop accepting connections, let requests in flight finish, then close the database.
    server.close(() => {
      shutdown();
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => {
      console.error("Requests still running after 10 s: closing anyway.");
      shutdown();
      process.exit(1);
    }, 10_000).unref();
  });
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
