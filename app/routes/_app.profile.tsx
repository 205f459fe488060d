import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readFormData } from "~/utils/http.server";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { roleLabel } from "~/components/app-shell";
import { ErrorSummary, FormState, TextField } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { changePasswordForm } from "~/forms/users.server";
import {
  calendarAddress,
  calendarTokenOf,
  createCalendarToken,
  regenerateCalendarToken,
  revokeCalendarToken,
} from "~/models/calendar.server";
import { hashToken } from "~/models/session.server";
import { findUserForLogin, setPassword } from "~/models/user.server";
import { useAppUser } from "~/utils/app-user";
import { requireUser } from "~/utils/auth.server";
import { failure, formValues, parseForm } from "~/utils/forms.server";
import { withNotice } from "~/utils/notice";
import { verifyPassword } from "~/utils/password.server";
import { PASSWORD_HINT } from "~/utils/password-policy";
import { passwordProblem } from "~/utils/password-policy.server";
import { readSessionToken } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Your profile · Partnership tracker" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const token = calendarTokenOf(user.id);
  return { calendarAddress: token ? calendarAddress(new URL(request.url).origin, token) : null };
}

const backToFeed = (notice: string) => `${withNotice("/profile", notice)}#calendar-feed`;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readFormData(request);
  // Everyone, viewers included, may have a feed of their own dates: it changes only their own account.
  switch (formData.get("intent")) {
    case "create-calendar":
      createCalendarToken(user.id);
      return redirect(backToFeed("calendar-created"));
    case "renew-calendar":
      regenerateCalendarToken(user.id);
      return redirect(backToFeed("calendar-renewed"));
    case "revoke-calendar":
      revokeCalendarToken(user.id);
      return redirect(backToFeed("calendar-off"));
    case null:
    case "change-password":
      return changePassword(request, user, formData);
    default:
      throw new Response("Unknown action", { status: 400 });
  }
}

async function changePassword(request: Request, user: { id: number; email: string }, formData: FormData) {
  const parsed = parseForm(formData, changePasswordForm);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const account = findUserForLogin(user.email);
  if (!account || !(await verifyPassword(account.passwordHash, parsed.data.currentPassword))) {
    return data(
      failure(formValues(formData), undefined, { currentPassword: ["Your current password is not right."] }),
      { status: 400 },
    );
  }
  const problem = passwordProblem(parsed.data.password, { email: user.email });
  if (problem) {
    return data(failure(formValues(formData), undefined, { password: [problem] }), { status: 400 });
  }
  const token = await readSessionToken(request);
  await setPassword(user.id, parsed.data.password, user.id, token ? hashToken(token) : undefined);
  return redirect(withNotice("/profile", "password"));
}

export default function Profile() {
  const user = useAppUser();
  const { calendarAddress } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title="Your profile">
        <p className="lede">
          {user.name} · {user.email} · {roleLabel[user.role]}
        </p>
      </PageHeader>
      <PageNotice
        messages={{
          password: "Your password has been changed. You have been signed out everywhere else.",
          "calendar-created": "Your calendar address is ready. Copy it into your calendar app.",
          "calendar-renewed":
            "You have a new calendar address. The old one no longer works: subscribe again with this one.",
          "calendar-off": "Your calendar feed is turned off. Its address no longer works.",
        }}
      />
      <section className="card" aria-labelledby="password-title">
        <h2 id="password-title">Change your password</h2>
        <FormState failure={actionData}>
          <ErrorSummary />
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="change-password" />
            <TextField
              name="currentPassword"
              label="Current password"
              type="password"
              autoComplete="current-password"
              required
            />
            <TextField
              name="password"
              label="New password"
              type="password"
              autoComplete="new-password"
              hint={PASSWORD_HINT}
              required
            />
            <TextField
              name="confirmPassword"
              label="Confirm new password"
              type="password"
              autoComplete="new-password"
              required
            />
            <button type="submit" className="button">
              Change password
            </button>
          </Form>
        </FormState>
      </section>
      <CalendarFeed address={calendarAddress} />
    </>
  );
}

function CalendarFeed({ address }: { address: string | null }) {
  return (
    <section className="card" id="calendar-feed" aria-labelledby="calendar-feed-title">
      <h2 id="calendar-feed-title">Calendar feed</h2>
      <p>
        See partnership review dates and your own open actions in Outlook, Google Calendar or Apple Calendar.
        You subscribe once, with a private address; your calendar then fetches the dates by itself, so a
        changed due date, a review moved or an action marked as done shows up after its next refresh (within a
        few hours; Google Calendar can take up to a day).
      </p>
      {address ? (
        <>
          <div className="field">
            <label htmlFor="calendar-address">Your calendar address</label>
            <p className="hint" id="calendar-address-hint">
              Keep it private, like a password: anyone who has it can see your open actions and the review
              dates, without signing in.
            </p>
            <input
              id="calendar-address"
              type="text"
              readOnly
              value={address}
              aria-describedby="calendar-address-hint"
              onFocus={(event) => event.currentTarget.select()}
            />
          </div>
          <h3>How to subscribe</h3>
          <ul>
            <li>
              <strong>Outlook</strong> (on the web, or new Outlook): open the calendar, choose{" "}
              <em>Add calendar</em>, then <em>Subscribe from web</em>. Paste the address, give the calendar a
              name and choose <em>Import</em>. In classic Outlook for Windows: <em>Add calendar</em>,{" "}
              <em>From Internet</em>.
            </li>
            <li>
              <strong>Google Calendar</strong> (on a computer): beside <em>Other calendars</em>, choose{" "}
              <em>+</em>, then <em>From URL</em>. Paste the address and choose <em>Add calendar</em>. It then
              appears on your phone too.
            </li>
            <li>
              <strong>Apple Calendar</strong>: <em>File</em>, <em>New Calendar Subscription</em>, then paste
              the address.
            </li>
          </ul>
          <p className="hint">
            Google and Outlook on the web fetch the address from the internet, so it only works for them if
            the tracker can be reached from outside your organisation&apos;s network.
          </p>
          <Form method="post" className="button-row">
            <button type="submit" name="intent" value="renew-calendar" className="button button--secondary">
              Make a new address
            </button>
            <button type="submit" name="intent" value="revoke-calendar" className="button button--danger">
              Turn off the feed
            </button>
          </Form>
          <p className="hint">
            If the address has been shared by mistake, make a new one: the old address stops working at once,
            and you subscribe again with the new one. Turning the feed off stops the address working too.
          </p>
        </>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="create-calendar" />
          <button type="submit" className="button">
            Create my calendar address
          </button>
        </Form>
      )}
    </section>
  );
}
