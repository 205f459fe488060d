import { afterEach, describe, expect, it, vi } from "vitest";
import {
  forgetKeptPages,
  keepPage,
  keptPage,
  MAX_KEPT_BYTES,
  NONCE_PLACEHOLDER,
  pageKey,
  renderedPage,
  withNonce,
  type RenderedPage,
} from "./rendered-pages.server";

const data = (text: string) => [new TextEncoder().encode(text)];
const sized = (bytes: number) => ({ status: 200, pieces: [Buffer.from("<p>")], bytes });
/** A page rendered twice under `key`, which keeps it. */
function renderedTwice(key: string, page: RenderedPage) {
  keepPage(key, page);
  keepPage(key, page);
}

afterEach(() => {
  forgetKeptPages();
  vi.useRealTimers();
});

describe("a rendered page's key", () => {
  const url = "http://localhost/partners?q=Trust";

  it("is the same for the same address, status, data and day", () => {
    expect(pageKey(url, 200, data('[{"name":"Ada"}]'))).toBe(pageKey(url, 200, data('[{"name":"Ada"}]')));
    // The data as it came, in however many chunks.
    expect(pageKey(url, 200, [...data('[{"name":'), ...data('"Ada"}]')])).toBe(
      pageKey(url, 200, data('[{"name":"Ada"}]')),
    );
  });

  it("differs when the address, the status, the data or the day differs", () => {
    const key = pageKey(url, 200, data('[{"name":"Ada"}]'));
    expect(pageKey("http://localhost/partners?q=Trusts", 200, data('[{"name":"Ada"}]'))).not.toBe(key);
    expect(pageKey(url, 404, data('[{"name":"Ada"}]'))).not.toBe(key);
    expect(pageKey(url, 200, data('[{"name":"Grace"}]'))).not.toBe(key);
  });

  it("changes at midnight in the UK, when forms start offering the next day", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-06-30T22:59:00Z")); // 23:59 in London (BST)
    const lateEvening = pageKey(url, 200, data("[]"));
    vi.setSystemTime(new Date("2026-06-30T23:01:00Z")); // 00:01 on 1 July
    expect(pageKey(url, 200, data("[]"))).not.toBe(lateEvening);
  });
});

describe("a page's nonce", () => {
  it("is put in each place the page was rendered with the placeholder", () => {
    const html = `<script nonce="${NONCE_PLACEHOLDER}">a</script><p>é</p><script nonce="${NONCE_PLACEHOLDER}">b</script>`;
    const page = renderedPage(200, Buffer.from(html));
    expect(withNonce(page, "N0nce+/==").toString()).toBe(
      '<script nonce="N0nce+/==">a</script><p>é</p><script nonce="N0nce+/==">b</script>',
    );
    expect(withNonce(page, "other").toString()).not.toContain(NONCE_PLACEHOLDER);
  });

  it("leaves a page without scripts as it was", () => {
    const page = renderedPage(200, Buffer.from("<p>Sign in</p>"));
    expect(withNonce(page, "N").toString()).toBe("<p>Sign in</p>");
  });

  it("is found at the very start and end of the page", () => {
    const page = renderedPage(200, Buffer.from(`${NONCE_PLACEHOLDER}-${NONCE_PLACEHOLDER}`));
    expect(withNonce(page, "N").toString()).toBe("N-N");
  });
});

describe("the pages kept", () => {
  it("keeps a page the second time it is rendered, and gives it back under its key only", () => {
    const page = renderedPage(200, Buffer.from("<p>Partners</p>"));
    keepPage("a", page);
    expect(keptPage("a")).toBeUndefined();
    keepPage("a", page);
    expect(keptPage("a")).toBe(page);
    expect(keptPage("b")).toBeUndefined();
  });

  it("forgets the pages used longest ago when they would take more than the limit", () => {
    const third = Math.floor(MAX_KEPT_BYTES / 3);
    renderedTwice("a", sized(third));
    renderedTwice("b", sized(third));
    renderedTwice("c", sized(third));
    expect(keptPage("a")).toBeDefined(); // now used more recently than b
    renderedTwice("d", sized(third));
    expect(keptPage("b")).toBeUndefined();
    expect(keptPage("a")).toBeDefined();
    expect(keptPage("c")).toBeDefined();
    expect(keptPage("d")).toBeDefined();
  });

  it("counts a page kept twice under the same key once", () => {
    const half = Math.floor(MAX_KEPT_BYTES / 2);
    renderedTwice("a", sized(half));
    renderedTwice("a", sized(half));
    renderedTwice("b", sized(half));
    expect(keptPage("a")).toBeDefined();
    expect(keptPage("b")).toBeDefined();
  });
});
