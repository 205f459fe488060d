import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DeletePage } from "~/components/delete-page";
import { benefitDependants, benefitTitle, deleteBenefit, getBenefit } from "~/models/benefit.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
import { notFound, parseId } from "~/utils/http.server";
import { beneficiaryLabels } from "~/utils/labels";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [{ title: "Delete benefit · Partnership tracker" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const id = parseId(params.benefitId);
  const benefit = getBenefit(id) ?? notFound();
  return {
    benefit: {
      id,
      title: benefitTitle(benefit.description),
      name: `the benefit for ${beneficiaryLabels[benefit.beneficiary].toLowerCase()} on ${formatDate(benefit.date)}`,
    },
    dependants: benefitDependants(id),
  };
}

/** Nothing depends on a benefit: once confirmed on this page, it is deleted. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.benefitId);
  if (!deleteBenefit(id, user.id)) notFound();
  return redirect(withNotice("/benefits", "deleted"));
}

export default function DeleteBenefit() {
  const { benefit, dependants } = useLoaderData<typeof loader>();
  return (
    <DeletePage
      title="Delete a benefit"
      name={benefit.name}
      crumbs={[
        { to: "/benefits", label: "Benefits" },
        { to: `/benefits/${benefit.id}`, label: benefit.title },
      ]}
      backTo={`/benefits/${benefit.id}`}
      dependants={dependants}
      instead="To correct it, edit the benefit instead."
    />
  );
}
