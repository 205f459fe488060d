import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { BatchProgress } from "~/models/import.server";

const POLL_MS = 500;
const running = (status: BatchProgress["status"]) => status === "importing" || status === "undoing";

/**
 * A progress bar for an import or undo that is running: it asks the server how far it has got
 * twice a second, and calls `onFinished` once the work is over. Without JavaScript the page
 * refreshes itself every two seconds instead.
 */
export function BatchProgressBar({
  batchId,
  initial,
  describe,
  onFinished,
}: {
  batchId: number;
  initial: Pick<BatchProgress, "done" | "total">;
  describe: (done: number, total: number) => string;
  onFinished?: () => void;
}) {
  const fetcher = useFetcher<BatchProgress>();
  const { load } = fetcher;
  useEffect(() => {
    const timer = setInterval(() => load(`/imports/${batchId}/progress`), POLL_MS);
    return () => clearInterval(timer);
  }, [batchId, load]);
  const finished = useRef(false);
  useEffect(() => {
    if (fetcher.data && !running(fetcher.data.status) && !finished.current) {
      finished.current = true;
      onFinished?.();
    }
  }, [fetcher.data, onFinished]);
  const { done, total } = fetcher.data ?? initial;
  const words = describe(Math.min(done, total), total);
  const textId = `batch-${batchId}-progress`;
  return (
    <div className="batch-progress">
      <noscript>
        <meta httpEquiv="refresh" content="2" />
      </noscript>
      <progress max={Math.max(total, 1)} value={Math.min(done, total)} aria-labelledby={textId} />
      <p id={textId} className="muted">
        {words}
      </p>
    </div>
  );
}
