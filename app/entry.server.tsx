import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/utils/nonce";
import {
  keepPage,
  keptPage,
  NONCE_PLACEHOLDER,
  pageKey,
  renderedPage,
  withNonce,
  type RenderedPage,
} from "~/utils/rendered-pages.server";

// server.js runs the app with these: the main process starts and shuts down the database and its
// schedules; every process that answers requests reads its settings and closes its connection.
export {
  closeConnection,
  serverSettings,
  settleInterruptedWork,
  shutdown,
  startup,
} from "~/utils/lifecycle.server";
// server.js puts the per-address write limit in front of every action with it.
export { withWriteLimits } from "~/utils/rate-limit.server";

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

/**
 * Pages are rendered whole and sent in one piece: no loader defers data, so streaming would only
 * pass the same bytes through more streams. A page with the same address, status, data and day as
 * one rendered twice before is sent again without rendering (rendered-pages.server.ts), unless no
 * one may keep a copy of it (`Cache-Control: no-store`, as pages of special category data send).
 * `Server-Timing` says which: `render;dur=…` or `render;desc="kept"`.
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const data = await readAll(remixContext.serverHandoffStream);
  const keepable =
    request.method === "GET" && data && !/no-store/.test(responseHeaders.get("Cache-Control") ?? "");
  const key = keepable ? pageKey(request.url, responseStatusCode, data) : undefined;
  let page = key ? keptPage(key) : undefined;
  if (page) {
    responseHeaders.append("Server-Timing", 'render;desc="kept"');
  } else {
    const started = performance.now();
    const context = data ? { ...remixContext, serverHandoffStream: replay(data) } : remixContext;
    page = await render(request, responseStatusCode, context);
    if (key && page.status === responseStatusCode) keepPage(key, page);
    responseHeaders.append("Server-Timing", `render;dur=${(performance.now() - started).toFixed(1)}`);
  }
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(withNonce(page, loadContext.cspNonce ?? ""), {
    headers: responseHeaders,
    status: page.status,
  });
}

/**
 * Renders the page with NONCE_PLACEHOLDER as its nonce. A page that is not ready after ABORT_DELAY
 * is cut short and its error boundary shown; one whose rendering fails in part has status 500.
 */
function render(request: Request, status: number, remixContext: EntryContext) {
  return new Promise<RenderedPage>((resolve, reject) => {
    let rendered = false;
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={NONCE_PLACEHOLDER}>
        <RemixServer
          context={remixContext}
          url={request.url}
          abortDelay={ABORT_DELAY}
          nonce={NONCE_PLACEHOLDER}
        />
      </NonceProvider>,
      {
        nonce: NONCE_PLACEHOLDER,
        onAllReady() {
          rendered = true;
          const chunks: Uint8Array[] = [];
          pipe(
            new Writable({
              write(chunk: Uint8Array, _encoding, done) {
                chunks.push(chunk);
                done();
              },
              final(done) {
                clearTimeout(timeout);
                resolve(renderedPage(status, Buffer.concat(chunks)));
                done();
              },
            }),
          );
        },
        onShellError(error: unknown) {
          clearTimeout(timeout);
          reject(error);
        },
        onError(error: unknown) {
          status = 500;
          if (rendered) console.error(error);
        },
      },
    );
    timeout = setTimeout(abort, ABORT_DELAY);
  });
}

/** The loader data Remix encoded for the browser (no loader defers, so it ends at once). */
async function readAll(stream: ReadableStream<Uint8Array> | undefined) {
  if (!stream) return undefined;
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
  return chunks;
}

function replay(chunks: Uint8Array[]) {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(error);
}
