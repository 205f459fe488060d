/** The demo organisation's records. Filled in as each kind of record is built. */
export function seedDemoRecords(): string {
  return "4 users";
}
