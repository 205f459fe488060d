import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { Details } from "~/components/details";
import { EvidencePanel } from "~/components/evidence-panel";
import {
  feedbackKindLabels,
  outcomesInWords,
  participantQuestions,
  partnerQuestions,
  satisfactionInWords,
} from "~/components/feedback/words";
import { PageHeader } from "~/components/page-header";
import { evidenceForRecord } from "~/models/evidence.server";
import { FEEDBACK, getResponsePage } from "~/models/feedback.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate, formatDateTime } from "~/utils/dates";
import { notFound, parseId } from "~/utils/http.server";
import { relevanceLabels } from "~/utils/labels";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${feedbackKindLabels[data.response.kind]} from ${formatDate(data.response.submittedAt)} · ${data.about.name} · Partnership tracker`
      : "Feedback · Partnership tracker",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const id = parseId(params.responseId);
  const page = getResponsePage(id) ?? notFound();
  return { ...page, evidence: evidenceForRecord({ type: FEEDBACK, id }) };
}

const notAnswered = <span className="muted">Not answered</span>;
const orNot = (value: ReactNode) =>
  value === undefined || value === null || value === "" ? notAnswered : value;

export default function FeedbackResponsePage() {
  const { response, about, link, evidence } = useLoaderData<typeof loader>();
  const aboutPath = about.type === "partner" ? `/partners/${about.id}` : `/projects/${about.id}`;
  const rows: [string, ReactNode][] =
    response.kind === "partner"
      ? [
          [partnerQuestions.satisfaction, orNot(satisfactionInWords(response.answers.satisfaction))],
          [
            partnerQuestions.relevance,
            orNot(response.answers.relevance ? relevanceLabels[response.answers.relevance] : null),
          ],
          [partnerQuestions.valueAdded, orNot(response.answers.valueAdded)],
          [partnerQuestions.gained, orNot(response.answers.gained)],
          [partnerQuestions.changes, orNot(response.answers.changes)],
        ]
      : [
          [participantQuestions.gotOutOfIt, orNot(response.answers.gotOutOfIt)],
          [participantQuestions.outcomes, orNot(outcomesInWords(response.answers.outcomes))],
          [
            participantQuestions.otherOpportunities,
            orNot(
              response.answers.otherOpportunities === "yes"
                ? "Yes"
                : response.answers.otherOpportunities === "no"
                  ? "No"
                  : null,
            ),
          ],
          [participantQuestions.otherOpportunitiesText, orNot(response.answers.otherOpportunitiesText)],
        ];

  return (
    <>
      <PageHeader
        title={`${feedbackKindLabels[response.kind]}, ${formatDate(response.submittedAt)}`}
        crumbs={[
          about.type === "partner"
            ? { to: "/partners", label: "Partners" }
            : { to: "/projects", label: "Projects" },
          { to: aboutPath, label: about.name },
          { to: `${aboutPath}/feedback`, label: "Feedback" },
        ]}
      >
        <p className="lede">
          {response.kind === "partner" ? (
            <>
              From <Link to={aboutPath}>{about.name}</Link>, through a feedback link, on{" "}
              {formatDateTime(response.submittedAt)}.
            </>
          ) : (
            <>
              From someone who took part in <Link to={aboutPath}>{about.name}</Link>, through a feedback link,
              on {formatDateTime(response.submittedAt)}.
            </>
          )}
        </p>
      </PageHeader>

      <section className="card" aria-labelledby="answers-title">
        <h2 id="answers-title">Their answers</h2>
        <Details rows={rows} />
        <p className="muted">
          Sent through the link made on {formatDateTime(link.createdAt)}
          {link.createdBy ? ` by ${link.createdBy}` : ""}.{" "}
          <Link to={`${aboutPath}/feedback`}>All feedback links and responses</Link>
        </p>
      </section>

      <EvidencePanel recordType="feedback" recordId={response.id} evidence={evidence} />
    </>
  );
}
