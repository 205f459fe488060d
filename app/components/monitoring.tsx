import { Form, Link } from "@remix-run/react";
import type { MonitoredPersonType } from "~db/enums";
import { Details } from "~/components/details";
import { Notice } from "~/components/flash";
import { CheckboxField, ChoiceGroup, ErrorSummary, FormState, isFailure, TextField } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { useCanEdit } from "~/utils/app-user";
import { formatDate, formatDateTime, todayIso } from "~/utils/dates";
import {
  ageBandLabels,
  answerLabel,
  areaQuestion,
  consentMethodLabels,
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
import type { FormFailure } from "~/utils/forms.server";
import { optionsOf } from "~/utils/labels";

// The equality monitoring form and pages, shared by volunteers' and contributors' monitoring
// pages, the self-fill page and the detail pages' card.

export type MonitoringAnswersView = {
  ageBand: string | null;
  sex: string | null;
  genderIdentity: string | null;
  ethnicGroup: string | null;
  disability: string | null;
  socioEconomic: string | null;
  area: string | null;
};

export type MonitoringView = MonitoringAnswersView & {
  consentGivenOn: string;
  consentMethod: keyof typeof consentMethodLabels;
  consentRecordedBy: string | null;
  updatedAt: Date | string;
};

const personWords = {
  volunteer: { list: "Volunteers", path: "volunteers" },
  contributor: { list: "Contributors", path: "contributors" },
} as const;

/**
 * The questions as radio groups, each with "Prefer not to say" and none required, then the area.
 * `failure` is the failed submission, if any, so the grouped ethnic question keeps its choice too.
 */
export function MonitoringQuestions({
  defaults,
  failure,
}: {
  defaults?: Partial<MonitoringAnswersView> | null;
  failure?: FormFailure;
}) {
  const d = defaults ?? {};
  return (
    <>
      <ChoiceGroup
        type="radio"
        name="ageBand"
        label={questionLabels.age_band}
        options={optionsOf(ageBandLabels)}
        defaultValue={d.ageBand}
      />
      <ChoiceGroup
        type="radio"
        name="sex"
        label={questionLabels.sex}
        hint={questionHints.sex}
        options={optionsOf(sexLabels)}
        defaultValue={d.sex}
        inline
      />
      <ChoiceGroup
        type="radio"
        name="genderIdentity"
        label={questionLabels.gender_identity}
        options={optionsOf(genderIdentityLabels)}
        defaultValue={d.genderIdentity}
        inline
      />
      <EthnicGroupField
        chosen={failure ? String(failure.values.ethnicGroup ?? "") : (d.ethnicGroup ?? "")}
        error={failure?.errors.ethnicGroup?.[0]}
      />
      <ChoiceGroup
        type="radio"
        name="disability"
        label={questionLabels.disability}
        hint={questionHints.disability}
        options={optionsOf(disabilityLabels)}
        defaultValue={d.disability}
      />
      <ChoiceGroup
        type="radio"
        name="socioEconomic"
        label={questionLabels.socio_economic}
        hint={questionHints.socio_economic}
        options={optionsOf(socioEconomicLabels)}
        defaultValue={d.socioEconomic}
      />
      <TextField
        name="area"
        label={areaQuestion.label}
        hint={areaQuestion.hint}
        defaultValue={d.area}
        autoComplete="off"
        width="medium"
      />
    </>
  );
}

/** The 19 census groups under their five headings, as the census form lays them out: one choice. */
function EthnicGroupField({ chosen, error }: { chosen: string; error?: string }) {
  const id = "field-ethnicGroup";
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  const radio = (value: string, label: string) => (
    <div className="choice" key={value}>
      <input
        type="radio"
        id={`${id}-${value}`}
        name="ethnicGroup"
        value={value}
        defaultChecked={chosen === value}
      />
      <label htmlFor={`${id}-${value}`}>{label}</label>
    </div>
  );
  return (
    <fieldset
      className={`field choice-group${error ? " field--error" : ""}`}
      id={id}
      aria-describedby={describedBy}
    >
      <legend>
        {questionLabels.ethnic_group}
        <span className="optional"> (optional)</span>
      </legend>
      <p className="hint" id={`${id}-hint`}>
        {questionHints.ethnic_group}
      </p>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {ethnicCategories.map((category) => (
        <fieldset key={category} className="choice-group">
          <legend className="hint">{ethnicCategoryLabels[category]}</legend>
          {ethnicGroupsByCategory[category].map((group) => radio(group, ethnicGroupShortLabels[group]))}
        </fieldset>
      ))}
      {radio("prefer_not", PREFER_NOT_TO_SAY)}
    </fieldset>
  );
}

/** The answers as read by a permitted user who cannot change them. */
export function MonitoringAnswers({ monitoring }: { monitoring: MonitoringAnswersView }) {
  return (
    <Details
      rows={[
        [questionLabels.age_band, answerLabel("age_band", monitoring.ageBand)],
        [questionLabels.sex, answerLabel("sex", monitoring.sex)],
        [questionLabels.gender_identity, answerLabel("gender_identity", monitoring.genderIdentity)],
        [questionLabels.ethnic_group, answerLabel("ethnic_group", monitoring.ethnicGroup)],
        [questionLabels.disability, answerLabel("disability", monitoring.disability)],
        [questionLabels.socio_economic, answerLabel("socio_economic", monitoring.socioEconomic)],
        [areaQuestion.label, monitoring.area],
      ]}
    />
  );
}

/** Why we ask, who sees the answers and how to withdraw: said on the self-fill page and the sheet. */
export function WhyWeAsk({ organisation }: { organisation: string }) {
  return (
    <>
      <p>
        We want the people who volunteer and work with {organisation || "us"} to reflect the community we
        serve. These questions help us find out whether they do, and who we should reach out to.
      </p>
      <ul>
        <li>
          <strong>Every question is optional.</strong> Leave any question blank, or choose “
          {PREFER_NOT_TO_SAY}”.
        </li>
        <li>
          Only the few members of staff given permission can see your answers. We only ever publish totals,
          and never a number smaller than 5, so nobody can be identified from them.
        </li>
        <li>
          You can change your mind at any time: ask your coordinator and your answers will be erased. The rest
          of your record with us stays as it is.
        </li>
      </ul>
    </>
  );
}

type OpenLink = { createdAt: Date | string; expiresAt: Date | string; createdBy: string | null };

/** A volunteer's or contributor's monitoring page: status, answers, self-fill link, withdrawal. */
export function MonitoringPage({
  person,
  monitoring,
  openLink,
  actionData,
}: {
  person: { type: MonitoredPersonType; id: number; name: string };
  monitoring: MonitoringView | null;
  openLink: OpenLink | null;
  actionData: unknown;
}) {
  const canEdit = useCanEdit();
  const words = personWords[person.type];
  const recordPath = `/${words.path}/${person.id}`;
  const failed = (intent: string) =>
    isFailure(actionData) && (actionData as { intent?: unknown }).intent === intent ? actionData : undefined;
  const createdLink =
    typeof actionData === "object" && actionData !== null && "link" in actionData
      ? (actionData as { link: { url: string; expiresAt: Date | string } }).link
      : null;
  const saveFailure = failed("save");

  return (
    <>
      <PageHeader
        title={`Equality monitoring: ${person.name}`}
        crumbs={[
          { to: `/${words.path}`, label: words.list },
          { to: recordPath, label: person.name },
        ]}
      >
        <p className="lede">
          Special category data under UK GDPR. Only administrators and people given the equality data
          permission can see this page. Reports show totals only, never anyone’s answers.
        </p>
      </PageHeader>
      <PageNotice
        messages={{
          saved: "Their consent and answers have been saved.",
          withdrawn:
            "Consent withdrawn: their monitoring answers have been erased. The rest of their record is unchanged.",
        }}
      />
      {createdLink ? (
        <Notice tone="info">
          <h2>A link for {person.name} to fill in their own form</h2>
          <p>
            Copy the link now and send it to them: it is shown only this once. It works once, until{" "}
            {formatDateTime(createdLink.expiresAt)}.
          </p>
          <label htmlFor="new-form-link">Their link</label>
          <input id="new-form-link" type="text" readOnly value={createdLink.url} />
        </Notice>
      ) : null}

      <section className="card" aria-labelledby="status-title">
        <h2 id="status-title">{monitoring ? "Recorded" : "Not recorded"}</h2>
        {monitoring ? (
          <Details
            rows={[
              ["Consent given on", formatDate(monitoring.consentGivenOn)],
              ["How they agreed", consentMethodLabels[monitoring.consentMethod]],
              ["Consent recorded by", monitoring.consentRecordedBy ?? "A removed user"],
              ["Last changed", formatDateTime(monitoring.updatedAt)],
            ]}
          />
        ) : (
          <p>
            Nothing is kept about {person.name}’s equality monitoring.{" "}
            {canEdit
              ? "Once they agree, record their answers below, or send them a link to fill in the form themselves."
              : "An editor with the equality data permission can record their answers once they agree."}
          </p>
        )}
      </section>

      {canEdit ? (
        <section aria-labelledby="answers-title">
          <h2 id="answers-title">
            {monitoring ? "Change their answers" : "Record their consent and answers"}
          </h2>
          <FormState failure={saveFailure}>
            <ErrorSummary />
            <Form method="post" className="form" aria-labelledby="answers-title">
              <input type="hidden" name="intent" value="save" />
              <fieldset className="card">
                <legend>Consent</legend>
                <p className="hint">
                  Nothing is kept until they have agreed. Tell them why you ask, that every question is
                  optional and that they can withdraw at any time.
                </p>
                <CheckboxField
                  name="consentGiven"
                  label="They have agreed to this being recorded"
                  defaultChecked={Boolean(monitoring)}
                />
                <TextField
                  name="consentGivenOn"
                  label="Date they agreed"
                  type="date"
                  max={todayIso()}
                  defaultValue={monitoring?.consentGivenOn}
                  width="medium"
                  required
                />
                <ChoiceGroup
                  type="radio"
                  name="consentMethod"
                  label="How they agreed"
                  options={optionsOf(consentMethodLabels)}
                  defaultValue={monitoring?.consentMethod}
                  required
                />
              </fieldset>
              <MonitoringQuestions defaults={monitoring} failure={saveFailure} />
              <div className="button-row">
                <button type="submit" className="button">
                  Save consent and answers
                </button>
                <Link to={recordPath}>Cancel</Link>
              </div>
            </Form>
          </FormState>
        </section>
      ) : monitoring ? (
        <section className="card" aria-labelledby="answers-title">
          <h2 id="answers-title">Their answers</h2>
          <MonitoringAnswers monitoring={monitoring} />
        </section>
      ) : null}

      <section className="card" aria-labelledby="self-fill-title">
        <h2 id="self-fill-title">Let them fill it in themselves</h2>
        <p>
          Send them a private link to the form, which works on a phone, or give them a{" "}
          <Link to="/monitoring/printable">printable paper form</Link> and enter their answers here.
        </p>
        {openLink ? (
          <p>
            A link made on {formatDateTime(openLink.createdAt)}
            {openLink.createdBy ? ` by ${openLink.createdBy}` : ""} has not been used yet; it works until{" "}
            {formatDateTime(openLink.expiresAt)}.{canEdit ? " A new link replaces it." : ""}
          </p>
        ) : null}
        {canEdit ? (
          <Form method="post">
            <input type="hidden" name="intent" value="create-link" />
            <button type="submit" className="button button--secondary">
              Create a link for {person.name}
            </button>
          </Form>
        ) : null}
      </section>

      {canEdit && monitoring ? (
        <WithdrawConsent name={person.name} failure={failed("withdraw-consent")} />
      ) : null}
    </>
  );
}

function WithdrawConsent({ name, failure }: { name: string; failure?: FormFailure }) {
  return (
    <section className="card" aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">Withdraw consent</h2>
      <p>
        If {name} no longer wants their answers kept, erase them. This cannot be undone; the rest of their
        record stays, and the audit trail notes only that answers were erased.
      </p>
      <FormState failure={failure}>
        <ErrorSummary />
        <Form method="post" className="form" aria-labelledby="withdraw-title">
          <input type="hidden" name="intent" value="withdraw-consent" />
          <CheckboxField
            name="confirmWithdrawal"
            label={`Yes, erase ${name}’s equality monitoring answers`}
          />
          <button type="submit" className="button button--danger">
            Withdraw consent and erase answers
          </button>
        </Form>
      </FormState>
    </section>
  );
}
