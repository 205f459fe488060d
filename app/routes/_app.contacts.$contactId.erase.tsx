import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErasurePage } from "~/components/personal-data";
import { parseId } from "~/utils/http.server";
import { erasureAction, loadErasurePage } from "~/utils/personal-data-page.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Erase personal data: ${data?.plan.person.name ?? "contact"} · Partners · Partnership tracker` },
];

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadErasurePage(request, { kind: "contact", id: parseId(params.contactId) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return erasureAction(request, { kind: "contact", id: parseId(params.contactId) });
}

export default function EraseContact() {
  const { plan } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <ErasurePage plan={plan} actionData={actionData} />;
}
