import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/utils/nonce";

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
 * pass the same bytes through more streams. A page that is not ready after ABORT_DELAY is cut
 * short and its error boundary shown.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  return new Promise<Response>((resolve, reject) => {
    let rendered = false;
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
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
                responseHeaders.set("Content-Type", "text/html; charset=utf-8");
                resolve(
                  new Response(Buffer.concat(chunks), {
                    headers: responseHeaders,
                    status: responseStatusCode,
                  }),
                );
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
          responseStatusCode = 500;
          if (rendered) console.error(error);
        },
      },
    );
    timeout = setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(error);
}
