import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { createSession } from "~/models/session.server";
import { sessionCookieHeader } from "~/utils/session.server";

const ORIGIN = "http://localhost";

/** A Cookie header for a new session of this user, as the browser would send it. */
export async function cookieFor(userId: number): Promise<string> {
  const { token, expiresAt } = createSession(userId);
  const setCookie = await sessionCookieHeader(new Request(ORIGIN), token, expiresAt);
  return setCookie.split(";")[0];
}

type Call = {
  path: string;
  params?: Record<string, string>;
  cookie?: string;
  form?: Record<string, string | string[]> | URLSearchParams;
  context?: AppLoadContext;
};

function makeRequest({ path, cookie, form }: Call, method: string) {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  let body: URLSearchParams | undefined;
  if (form) {
    body = form instanceof URLSearchParams ? form : new URLSearchParams();
    if (!(form instanceof URLSearchParams)) {
      for (const [key, value] of Object.entries(form)) {
        for (const v of [value].flat()) body.append(key, v);
      }
    }
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  return new Request(ORIGIN + path, { method, headers, body });
}

/** What a loader or action answered, thrown or returned, in one shape. */
export type Outcome = {
  status: number;
  data: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- route data of any shape
  headers: Headers;
  location: string | null;
};

async function settle(run: () => Promise<unknown>): Promise<Outcome> {
  let result: unknown;
  try {
    result = await run();
  } catch (thrown) {
    result = thrown;
    if (!(thrown instanceof Response) && !isDataWithInit(thrown)) throw thrown;
  }
  if (result instanceof Response) {
    const text = await result.text();
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {
      // plain text body
    }
    return { status: result.status, data, headers: result.headers, location: result.headers.get("Location") };
  }
  if (isDataWithInit(result)) {
    const headers = new Headers(result.init?.headers);
    return {
      status: result.init?.status ?? 200,
      data: result.data,
      headers,
      location: headers.get("Location"),
    };
  }
  return { status: 200, data: result, headers: new Headers(), location: null };
}

function isDataWithInit(value: unknown): value is { data: unknown; init: ResponseInit | null } {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { type?: string }).type === "DataWithResponseInit"
  );
}

export function load(loader: (args: LoaderFunctionArgs) => unknown, call: Call) {
  return settle(async () =>
    loader({ request: makeRequest(call, "GET"), params: call.params ?? {}, context: call.context ?? {} }),
  );
}

export function submit(action: (args: ActionFunctionArgs) => unknown, call: Call) {
  return settle(async () =>
    action({ request: makeRequest(call, "POST"), params: call.params ?? {}, context: call.context ?? {} }),
  );
}
