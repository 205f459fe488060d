import { ChoiceGroup, TextAreaField } from "~/components/form";
import { learningOutcomeOptions, relevanceOptions, satisfactionOptions, yesNoOptions } from "./words";

// The questions of the public feedback forms: short, in plain words, every one optional. Field
// names are those of PartnerFeedbackAnswers and ParticipantFeedbackAnswers.

export function PartnerQuestions() {
  return (
    <>
      <ChoiceGroup
        name="satisfaction"
        type="radio"
        label="How satisfied are you with the way we work together?"
        hint="For example, how we plan, keep in touch and share the work."
        options={satisfactionOptions}
      />
      <ChoiceGroup
        name="relevance"
        type="radio"
        label="Is working with us still relevant to what your organisation wants to do?"
        options={relevanceOptions}
        inline
      />
      <TextAreaField
        name="valueAdded"
        label="What does your work add to ours?"
        hint="For example, the people, skills, knowledge or places you bring."
        rows={3}
      />
      <TextAreaField
        name="gained"
        label="What have you gained from working with us?"
        hint="For example, new audiences, skills, resources or ideas."
        rows={3}
      />
      <TextAreaField
        name="changes"
        label="Is there anything you would change about how we work together?"
        rows={3}
      />
    </>
  );
}

export function ParticipantQuestions() {
  return (
    <>
      <TextAreaField
        name="gotOutOfIt"
        label="What did you get out of it?"
        hint="In your own words."
        rows={3}
      />
      <ChoiceGroup
        name="outcomes"
        type="checkbox"
        label="Which of these describe what you got out of it?"
        hint="Tick any that fit."
        options={learningOutcomeOptions}
      />
      <ChoiceGroup
        name="otherOpportunities"
        type="radio"
        label="Did it lead you to other chances to learn?"
        hint="For example, a course, a club, a library or another museum."
        options={yesNoOptions}
        inline
      />
      <TextAreaField name="otherOpportunitiesText" label="If yes, which ones?" rows={2} />
    </>
  );
}
