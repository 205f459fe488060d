import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { WhyWeAsk } from "~/components/monitoring";
import { getSettings } from "~/models/settings.server";
import { requireUser } from "~/utils/auth.server";
import {
  ageBandLabels,
  areaQuestion,
  disabilityLabels,
  ethnicCategories,
  ethnicCategoryLabels,
  ethnicGroupsByCategory,
  ethnicGroupShortLabels,
  genderIdentityLabels,
  PREFER_NOT_TO_SAY,
  questionHints,
  questionLabels,
  sexLabels,
  socioEconomicLabels,
} from "~/utils/equality-labels";

export const meta: MetaFunction = () => [
  { title: "Printable equality monitoring form · Partnership tracker" },
];

/** A blank sheet: it holds nobody's answers, so anyone signed in may print it. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return { organisation: getSettings().organisationName };
}

/** A line to write on, short enough to wrap on a phone's screen. */
const LINE = "…………………… ……………………";

/** An empty box to tick on paper; the words beside it say what it means. */
function Box() {
  return <span aria-hidden="true">☐ </span>;
}

function Question({
  number,
  title,
  hint,
  answers,
}: {
  number: number;
  title: string;
  hint?: string;
  answers: readonly string[];
}) {
  return (
    <section className="card" aria-labelledby={`question-${number}`}>
      <h2 id={`question-${number}`}>
        {number}. {title}
      </h2>
      {hint ? <p className="hint">{hint}</p> : null}
      <p className="muted">Tick one box.</p>
      <ul className="plain-list">
        {answers.map((answer) => (
          <li key={answer}>
            <Box />
            {answer}
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function PrintableMonitoringForm() {
  const { organisation } = useLoaderData<typeof loader>();
  // Printing needs JavaScript for the button; without it the browser's own Print command works.
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(true), []);
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumbs no-print">
        <ol>
          <li>
            <Link to="/volunteers">Volunteers</Link>
          </li>
        </ol>
      </nav>
      <h1>Equality monitoring form{organisation ? `: ${organisation}` : ""}</h1>
      <div className="notice notice--info no-print">
        <p>
          A blank form to print for people who would rather fill it in on paper. Once it comes back, record
          their consent and answers on their monitoring page (open the volunteer or contributor, then
          “Equality monitoring”), choosing “On a paper form”, and keep or destroy the paper as your data
          protection policy says.
        </p>
        {canPrint ? (
          <button type="button" className="button" onClick={() => window.print()}>
            Print this form
          </button>
        ) : (
          <p>Use your browser’s Print command to print it.</p>
        )}
      </div>

      <WhyWeAsk organisation={organisation} />

      <section className="card" aria-labelledby="about-you">
        <h2 id="about-you">Your name</h2>
        <p>Name: {LINE}</p>
      </section>

      <Question number={1} title={questionLabels.age_band} answers={Object.values(ageBandLabels)} />
      <Question
        number={2}
        title={questionLabels.sex}
        hint={questionHints.sex}
        answers={Object.values(sexLabels)}
      />
      <Question
        number={3}
        title={questionLabels.gender_identity}
        answers={Object.values(genderIdentityLabels)}
      />
      <section className="card" aria-labelledby="question-4">
        <h2 id="question-4">4. {questionLabels.ethnic_group}</h2>
        <p className="hint">{questionHints.ethnic_group}</p>
        <p className="muted">Tick one box.</p>
        {ethnicCategories.map((category) => (
          <div key={category}>
            <h3>{ethnicCategoryLabels[category]}</h3>
            <ul className="plain-list">
              {ethnicGroupsByCategory[category].map((group) => (
                <li key={group}>
                  <Box />
                  {ethnicGroupShortLabels[group]}
                </li>
              ))}
            </ul>
          </div>
        ))}
        <ul className="plain-list">
          <li>
            <Box />
            {PREFER_NOT_TO_SAY}
          </li>
        </ul>
      </section>
      <Question
        number={5}
        title={questionLabels.disability}
        hint={questionHints.disability}
        answers={Object.values(disabilityLabels)}
      />
      <Question
        number={6}
        title={questionLabels.socio_economic}
        hint={questionHints.socio_economic}
        answers={Object.values(socioEconomicLabels)}
      />
      <section className="card" aria-labelledby="question-7">
        <h2 id="question-7">7. {areaQuestion.label}</h2>
        <p className="hint">{areaQuestion.hint} You may leave this blank.</p>
        <p>{LINE}</p>
      </section>

      <section className="card" aria-labelledby="consent">
        <h2 id="consent">Your agreement</h2>
        <p>
          <Box />I agree to {organisation || "the organisation"} keeping my answers to these questions for
          equality monitoring. I know I can ask for them to be erased at any time.
        </p>
        <p>Signed: {LINE}</p>
        <p>Date: ……………………</p>
        <p className="muted">Without this agreement we keep none of your answers.</p>
      </section>

      <section className="card" aria-labelledby="office-use">
        <h2 id="office-use">For office use</h2>
        <p>Entered in the tracker by: {LINE}</p>
        <p>On: ……………………</p>
      </section>
    </>
  );
}
