import path from "node:path";

/** Each test run gets its own folder, so runs side by side do not share databases. */
export const testRoot = path.resolve("tests/.tmp");
