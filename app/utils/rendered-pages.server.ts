import { createHash, randomBytes } from "node:crypto";
import { todayIso } from "./dates";

/**
 * Pages rendered before, kept by what they were rendered from, so that a page whose data has not
 * changed since it was last opened is sent again without being rendered again. A page's HTML depends
 * only on its address, its status, its loader data (which Remix encodes for the browser before
 * rendering) and the day (forms offer today's date); its key is a SHA-256 digest of exactly those.
 * A change to the data, to who is signed in or to a message to show makes a new key, so nothing is
 * sent from here that rendering again would not produce. The CSP nonce differs on every response:
 * pages are rendered with a placeholder in its place, and each response gets its own nonce.
 */
export const NONCE_PLACEHOLDER = randomBytes(18).toString("hex");
/** Per server process. An assessment's page, the largest, is about 80 KB. */
export const MAX_KEPT_BYTES = 48 * 1024 * 1024;

/** A page's HTML in the pieces between its nonces. */
export type RenderedPage = { status: number; pieces: Buffer[]; bytes: number };

const pages = new Map<string, RenderedPage>();
let keptBytes = 0;
/**
 * The keys of pages rendered once and not kept. A page is kept the second time it is rendered, so
 * that pages opened once (a new address, or a page just after each change) do not push out the
 * ones people open again and again, nor make the server hold memory it then has to free.
 */
const renderedOnce = new Set<string>();
const MAX_RENDERED_ONCE = 20_000;

export function pageKey(url: string, status: number, data: Uint8Array[]): string {
  const hash = createHash("sha256").update(`${status} ${todayIso()} ${url}\n`);
  for (const chunk of data) hash.update(chunk);
  return hash.digest("base64");
}

/** The page kept under `key`, if there is one. */
export function keptPage(key: string): RenderedPage | undefined {
  const page = pages.get(key);
  if (page) {
    pages.delete(key);
    pages.set(key, page);
  }
  return page;
}

/**
 * Keeps `page` under `key` if a page was rendered under that key before, forgetting the pages used
 * longest ago to stay under MAX_KEPT_BYTES.
 */
export function keepPage(key: string, page: RenderedPage) {
  if (pages.has(key)) return;
  if (!renderedOnce.delete(key)) {
    if (renderedOnce.size >= MAX_RENDERED_ONCE) renderedOnce.clear();
    renderedOnce.add(key);
    return;
  }
  pages.set(key, page);
  keptBytes += page.bytes;
  for (const [oldKey, old] of pages) {
    if (keptBytes <= MAX_KEPT_BYTES) break;
    pages.delete(oldKey);
    keptBytes -= old.bytes;
  }
}

/** Splits HTML rendered with NONCE_PLACEHOLDER as its nonce. */
export function renderedPage(status: number, html: Buffer): RenderedPage {
  const pieces: Buffer[] = [];
  let from = 0;
  for (let at = html.indexOf(NONCE_PLACEHOLDER); at >= 0; at = html.indexOf(NONCE_PLACEHOLDER, from)) {
    pieces.push(html.subarray(from, at));
    from = at + NONCE_PLACEHOLDER.length;
  }
  pieces.push(html.subarray(from));
  return { status, pieces, bytes: html.length };
}

/** The page's HTML with `nonce` as its nonce. */
export function withNonce({ pieces }: RenderedPage, nonce: string) {
  const between = Buffer.from(nonce);
  const all = [pieces[0]];
  for (let i = 1; i < pieces.length; i++) all.push(between, pieces[i]);
  return Buffer.concat(all);
}

/** Forgets every kept page (for tests). */
export function forgetKeptPages() {
  pages.clear();
  renderedOnce.clear();
  keptBytes = 0;
}
