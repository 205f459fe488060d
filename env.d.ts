/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />
import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The Content-Security-Policy nonce for this response (set by server.js). */
    cspNonce?: string;
    /** The client's IP address, for rate limits. */
    clientAddress?: string;
  }
  interface Future {
    v3_singleFetch: true;
  }
}
