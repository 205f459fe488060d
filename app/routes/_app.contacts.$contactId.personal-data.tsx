import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PersonalDataPage } from "~/components/personal-data";
import { parseId } from "~/utils/http.server";
import { loadPersonalDataPage } from "~/utils/personal-data-page.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Personal data: ${data?.held.about.name ?? "contact"} · Partners · Partnership tracker` },
];

/** Everything held about a person: no browser or proxy keeps a copy. */
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadPersonalDataPage(request, { kind: "contact", id: parseId(params.contactId) });
}

export default function ContactPersonalData() {
  const { held } = useLoaderData<typeof loader>();
  return <PersonalDataPage held={held} />;
}
