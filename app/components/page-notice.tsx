import { useSearchParams } from "@remix-run/react";
import { Notice } from "./flash";

/** Shows the confirmation named by `?notice=` if this page knows it. */
export function PageNotice({ messages }: { messages: Record<string, string> }) {
  const [params] = useSearchParams();
  const key = params.get("notice");
  const message = key ? messages[key] : undefined;
  return message ? <Notice>{message}</Notice> : null;
}
