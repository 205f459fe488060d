/**
 * After a successful change the action redirects with `?notice=<key>`; the page shows the
 * message it has for that key. Only known keys are shown, so a link cannot put words in our mouth.
 */
export function withNotice(path: string, key: string): string {
  const url = new URL(path, "http://x");
  url.searchParams.set("notice", key);
  return url.pathname + url.search;
}
