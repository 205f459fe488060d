import { Link } from "@remix-run/react";
import type { ChosenRecord } from "~/utils/list-page.server";
import { TextField } from "./form";
import { useQueryWith } from "./list";

const nouns = {
  partner: { label: "Partner", all: "Show all partners", missing: "a partner that no longer exists" },
  project: { label: "Project", all: "Show all projects", missing: "a project that no longer exists" },
};

/**
 * A list's partner or project filter. Words typed in the name (`?partner=riverside`), never a
 * select list of every partner; or, when one was chosen from its own page (`?partnerId=12`), its
 * name and a link that shows them all again. The id is kept when other filters are applied.
 */
export function RecordFilter({
  kind,
  text,
  chosen,
}: {
  kind: keyof typeof nouns;
  /** The words typed (`?partner=`). */
  text?: string;
  /** The one chosen by id (`?partnerId=`). */
  chosen: ChosenRecord | null;
}) {
  const queryWith = useQueryWith();
  const noun = nouns[kind];
  if (!chosen) return <TextField name={kind} label={noun.label} type="search" defaultValue={text} />;
  return (
    <div className="field">
      <input type="hidden" name={`${kind}Id`} value={chosen.id} />
      <p>
        {noun.label}: <strong>{chosen.name ?? noun.missing}</strong>{" "}
        <Link to={queryWith({ [`${kind}Id`]: undefined })}>{noun.all}</Link>
      </p>
    </div>
  );
}
