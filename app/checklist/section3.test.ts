import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ACTION_LINES, ELEMENTS, FOOTNOTES, LINES, PROMPT_LINES, SECTION } from "./section3";

/** The toolkit's own text: the paper the assessors hold. */
const paper = fs.readFileSync("docs/sources/ilfa-section-3-partnerships-checklist.txt", "utf8");

const clean = (html: string) =>
  html
    .replace(/\s*<sup>\d<\/sup>\s*/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/\s+/g, " ")
    .trim();

/** Reads the elements, actions with their parts, evidence lead-ins and prompts, and footnotes from the paper. */
function readPaper() {
  const elements: {
    code: string;
    question: string;
    actions: { code: string; question: string; footnote?: number; parts: string[] }[];
    groups: { leadIn: string; prompts: string[] }[];
  }[] = [];
  const footnotes: Record<number, string> = {};
  const lines = paper.split("\n");
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    const element = /^#### (3\.\d) (.+)$/.exec(line);
    if (element) {
      elements.push({ code: element[1], question: clean(element[2]), actions: [], groups: [] });
      continue;
    }
    const action = /^(3\.\d\.\d) ([^\t]+)((?:\t[^\t]*)*)$/.exec(line);
    if (action) {
      const footnote = /<sup>(\d)<\/sup>/.exec(action[2]);
      const part = action[3]
        .split("\t")
        .map((c) => c.trim())
        .filter(Boolean)[0];
      elements.at(-1)!.actions.push({
        code: action[1],
        question: clean(action[2]),
        footnote: footnote ? Number(footnote[1]) : undefined,
        parts: part ? [part] : [],
      });
      continue;
    }
    const continuation = /^\t([^\t]+)\t*$/.exec(line);
    if (continuation && elements.at(-1)?.actions.length) {
      elements.at(-1)!.actions.at(-1)!.parts.push(continuation[1].trim());
      continue;
    }
    const note = /^<sup>(\d)<\/sup> (.+)$/.exec(line);
    if (note) footnotes[Number(note[1])] = note[2].trim();
    if (line.startsWith("Evidence of good practice")) {
      const cell =
        line.split("\t")[0] === "Evidence of good practice processes and outcomes" ? lines[i + 1] : line;
      for (const match of cell.matchAll(/<p><i>(.*?)<\/i><\/p>\s*<ul[^>]*>(.*?)<\/ul>/g)) {
        const prompts = [...match[2].matchAll(/<li>➤ (.*?)<\/li>/g)].map((m) => clean(m[1]));
        elements.at(-1)!.groups.push({ leadIn: clean(match[1]), prompts });
      }
    }
  }
  return { elements, footnotes };
}

describe("the Section 3 checklist", () => {
  const fromPaper = readPaper();

  it("has 3 elements, 8 actions, 13 answerable action lines and 29 evidence prompts", () => {
    expect(ELEMENTS).toHaveLength(3);
    expect(ELEMENTS.flatMap((e) => e.actions)).toHaveLength(8);
    expect(ACTION_LINES).toHaveLength(13);
    expect(PROMPT_LINES).toHaveLength(29);
    expect(LINES).toHaveLength(42);
    // The reading of the paper itself finds the same shape, so the comparison below is meaningful.
    expect(fromPaper.elements.flatMap((e) => e.groups.flatMap((g) => g.prompts))).toHaveLength(29);
    expect(fromPaper.elements.flatMap((e) => e.actions.map((a) => a.parts.length))).toEqual([
      2, 3, 0, 0, 2, 0, 0, 2,
    ]);
    expect(Object.keys(fromPaper.footnotes)).toEqual(["1", "2", "3"]);
  });

  it("words every element, action, part, lead-in and prompt exactly as the toolkit does", () => {
    const ours = ELEMENTS.map((e) => ({
      code: e.code,
      question: e.question,
      actions: e.actions.map((a) => ({
        code: a.code,
        question: a.question,
        footnote: a.footnote,
        parts: a.lines.map((l) => l.part).filter((p): p is string => p !== null),
      })),
      groups: e.promptGroups.map((g) => ({ leadIn: g.leadIn, prompts: g.lines.map((l) => l.text) })),
    }));
    expect(ours).toEqual(fromPaper.elements);
  });

  it("has the footnotes word for word", () => {
    expect(FOOTNOTES).toEqual(fromPaper.footnotes);
  });

  it("keeps the toolkit's headings and notes", () => {
    for (const text of [
      SECTION.note,
      SECTION.advice,
      ...SECTION.intro,
      ...SECTION.sections,
      SECTION.evidenceHeading,
    ]) {
      expect(clean(paper)).toContain(text);
    }
  });

  it("gives every line a unique, stable code", () => {
    const codes = LINES.map((l) => l.code);
    expect(new Set(codes).size).toBe(42);
    expect(codes).toEqual([
      "3.1.1a",
      "3.1.1b",
      "3.1.2a",
      "3.1.2b",
      "3.1.2c",
      "3.1.3",
      "3.1.E1",
      "3.1.E2",
      "3.1.E3",
      "3.1.E4",
      "3.1.E5",
      "3.1.E6",
      "3.1.E7",
      "3.1.E8",
      "3.1.E9",
      "3.1.E10",
      "3.1.E11",
      "3.1.E12",
      "3.2.1",
      "3.2.2a",
      "3.2.2b",
      "3.2.3",
      "3.2.E1",
      "3.2.E2",
      "3.2.E3",
      "3.2.E4",
      "3.2.E5",
      "3.2.E6",
      "3.3.1",
      "3.3.2a",
      "3.3.2b",
      "3.3.E1",
      "3.3.E2",
      "3.3.E3",
      "3.3.E4",
      "3.3.E5",
      "3.3.E6",
      "3.3.E7",
      "3.3.E8",
      "3.3.E9",
      "3.3.E10",
      "3.3.E11",
    ]);
  });
});
