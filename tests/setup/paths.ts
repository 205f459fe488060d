import path from "node:path";

export const testTmp = path.resolve("tests/.tmp");
export const templateDatabase = path.join(testTmp, "template.db");
