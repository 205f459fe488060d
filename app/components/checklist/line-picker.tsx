import { ELEMENTS } from "~/checklist/section3";
import { ChoiceGroup } from "~/components/form";

/** Every checklist line as a checkbox, grouped by element, with the toolkit's wording. */
export function LinePicker({ already = [] }: { already?: string[] }) {
  const linked = new Set(already);
  return (
    <>
      {ELEMENTS.map((element) => (
        <fieldset key={element.code} className="line-picker">
          <legend>
            {element.code} {element.question}
          </legend>
          {element.actions.map((action) => (
            <ChoiceGroup
              key={action.code}
              id={`field-lines-${action.code}`}
              name="lines"
              type="checkbox"
              label={`${action.code} ${action.question}`}
              options={action.lines.map((line) => ({
                value: line.code,
                label: `${line.part ?? "Answered as a whole"}${linked.has(line.code) ? " (already linked)" : ""}`,
              }))}
              required
            />
          ))}
          {element.promptGroups.map((group, index) => (
            <ChoiceGroup
              key={group.leadIn}
              id={`field-lines-${element.code}-evidence-${index}`}
              name="lines"
              type="checkbox"
              label={group.leadIn}
              options={group.lines.map((line) => ({
                value: line.code,
                label: `${line.text}${linked.has(line.code) ? " (already linked)" : ""}`,
              }))}
              required
            />
          ))}
        </fieldset>
      ))}
    </>
  );
}
