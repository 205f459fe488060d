/** A valid partner form, as a browser would post it. */
export function partnerFormData(overrides: Record<string, string | string[]> = {}) {
  return {
    name: "Riverside College",
    type: "college",
    status: "active",
    startDate: "2025-09-01",
    endDate: "",
    endReason: "",
    addsValue: "Their ESOL tutors bring adult learners to our collections.",
    isAdvocate: "on",
    extendsOffsite: "on",
    website: "riverside.ac.uk",
    area: "Northtown",
    notes: "",
    ...overrides,
  };
}
