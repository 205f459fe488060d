// The production (and development) web server: Express in front of the Remix build.
// Settings, migrations and the database live in the build (app/entry.server.tsx exports
// `startup`, `shutdown` and the rest), so this file only builds when needed, serves files, sets
// security headers, runs one server process per core and shuts down gracefully.
//
// The main process owns the database: it takes the lock, applies migrations, settles interrupted
// work, and runs the backups and the retention schedule. With more than one server process
// (WEB_CONCURRENCY, by default one per core up to 4), it forks that many processes that answer
// requests (Node's cluster module shares the port between them) and answers none itself; with one,
// or in development, it answers them itself. Everything the processes share lives in the database.
import cluster from "node:cluster";
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
/** Requests in flight when told to stop get this long to finish. */
const STOP_GRACE_MS = 10_000;

if (cluster.isPrimary && !developing) buildIfStale();

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
const { startup, shutdown, serverSettings, settleInterruptedWork, closeConnection, withWriteLimits } =
  build.entry.module;

if (cluster.isWorker) {
  answerRequests(serverSettings(), () => {
    closeConnection();
    process.exit(0);
  });
} else {
  const answersRequests = developing || serverSettings().serverProcesses === 1;
  let settings;
  try {
    settings = await startup({ answersRequests });
  } catch (error) {
    // Another server (or a restore) holds the database: say so plainly, without a stack trace.
    if (error?.name === "LockHeldError") {
      console.error(`The app cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  if (answersRequests) {
    answerRequests(
      settings,
      () => exitAfterShutdown(0),
      () => {
        console.log(`Partnership tracker ready on http://localhost:${settings.port}`);
        if (developing) broadcastDevReady(build);
      },
    );
  } else {
    runServerProcesses(settings);
  }
}

/**
 * Answers requests in this process until SIGTERM or SIGINT: then it stops listening, lets the
 * requests in flight finish and calls `stopped` (or gives up on them after STOP_GRACE_MS).
 */
function answerRequests(settings, stopped, ready = () => {}) {
  let stopping = false;
  const app = express();
  app.disable("x-powered-by");
  if (settings.trustProxy) app.set("trust proxy", true);
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

  const server = app.listen(settings.port, settings.host, ready);
  server.on("error", (error) => {
    console.error(`The app cannot listen on ${settings.host}:${settings.port}: ${error.message}`);
    if (cluster.isWorker) process.exit(1);
    exitAfterShutdown(1);
  });

  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      if (cluster.isPrimary) {
        console.log(`${signal} received: finishing requests in flight, then closing the database.`);
      }
      // Stop accepting connections; requests in flight finish. A kept-alive connection is closed as
      // soon as it is idle (checked often, so shutting down takes as long as the slowest request,
      // not the keep-alive timeout).
      server.close(stopped);
      server.closeIdleConnections();
      setInterval(() => server.closeIdleConnections(), 50).unref();
      setTimeout(() => {
        console.error(`Requests still running after ${STOP_GRACE_MS / 1000} s: closing anyway.`);
        server.closeAllConnections();
        if (cluster.isWorker) process.exit(1);
        exitAfterShutdown(1);
      }, STOP_GRACE_MS).unref();
    });
  }
}

/**
 * The main process with `count` server processes: it forks them, and on SIGTERM or SIGINT stops
 * them (each finishes its requests in flight) before closing the database. If one stops
 * unexpectedly, the others are stopped too, the work they were all doing is settled
 * (`settleInterruptedWork` needs no process to be working), and a fresh set is started. If the
 * first set cannot start (the port is taken, say), or processes stop more than five times in a
 * minute, the app stops with exit code 1.
 */
function runServerProcesses(settings) {
  const count = settings.serverProcesses;
  cluster.setupPrimary({ exec: url.fileURLToPath(import.meta.url) });
  const live = new Set();
  const restarts = [];
  let started = false;
  let stopping = false;
  let restarting = false;
  let exitCode = 0;

  const stopAll = (signal) => live.forEach((worker) => worker.process.kill(signal));

  function forkAll() {
    let listening = 0;
    for (let i = 0; i < count; i++) {
      const worker = cluster.fork();
      live.add(worker);
      worker.once("listening", () => {
        listening += 1;
        if (listening === count && !started) {
          started = true;
          console.log(
            `Partnership tracker ready on http://localhost:${settings.port} (${count} server processes)`,
          );
        }
      });
    }
  }

  function giveUp(reason) {
    console.error(reason);
    stopping = true;
    exitCode = 1;
    stopAll("SIGTERM");
  }

  cluster.on("exit", (worker, code, signal) => {
    live.delete(worker);
    if (!stopping && !restarting) {
      const how = signal ?? `exit code ${code}`;
      if (!started) {
        giveUp(`The app cannot start: a server process stopped while starting (${how}).`);
      } else {
        const now = Date.now();
        restarts.push(now);
        while (restarts[0] < now - 60_000) restarts.shift();
        if (restarts.length > 5) {
          giveUp(`Server processes stopped more than five times in a minute (the last: ${how}); giving up.`);
        } else {
          console.error(
            `A server process stopped unexpectedly (${how}): stopping the others, settling their work and starting them again.`,
          );
          restarting = true;
          stopAll("SIGTERM");
        }
      }
    }
    if (live.size > 0) return;
    if (stopping) return exitAfterShutdown(exitCode);
    settleInterruptedWork().then(
      () => {
        restarting = false;
        if (stopping) return exitAfterShutdown(exitCode);
        forkAll();
      },
      (error) => {
        console.error(`Could not settle the interrupted work: ${error?.stack ?? error}`);
        exitAfterShutdown(1);
      },
    );
  });

  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.log(`${signal} received: finishing requests in flight, then closing the database.`);
      if (live.size === 0 && !restarting) return exitAfterShutdown(0);
      stopAll("SIGTERM");
      // Each process gives up on its requests after STOP_GRACE_MS; this is the backstop.
      setTimeout(() => {
        stopAll("SIGKILL");
        exitAfterShutdown(1);
      }, STOP_GRACE_MS + 2_000).unref();
    });
  }

  forkAll();
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
