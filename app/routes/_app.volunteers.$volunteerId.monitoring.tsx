import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { MonitoringPage } from "~/components/monitoring";
import { parseId } from "~/utils/http.server";
import { loadMonitoringPage, monitoringPageAction } from "~/utils/monitoring-page.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Equality monitoring: ${data?.person.name ?? "volunteer"} · Volunteers · Partnership tracker` },
];

/** Special category data: no browser or proxy keeps a copy. */
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadMonitoringPage(request, { type: "volunteer", id: parseId(params.volunteerId) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return monitoringPageAction(request, { type: "volunteer", id: parseId(params.volunteerId) });
}

export default function VolunteerMonitoring() {
  const { person, monitoring, openLink } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <MonitoringPage person={person} monitoring={monitoring} openLink={openLink} actionData={actionData} />
  );
}
