/** What each kind of record is called on pages. Plain data, safe in the browser. */
export const recordKindLabels: Record<string, string> = {
  partner: "Partner",
  contact: "Contact",
  contributor: "Contributor",
  volunteer: "Volunteer",
  training: "Training record",
  hours: "Hours given",
  project: "Project",
  funding: "Funding line",
  user_group: "User group reached",
  benefit: "Benefit",
  meeting: "Meeting",
  review: "Partnership review",
  report: "Saved report",
  action: "Action",
  assessment: "Self-assessment",
  user: "User",
};
