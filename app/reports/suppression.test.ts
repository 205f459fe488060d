import { describe, expect, it } from "vitest";
import {
  FEWER_THAN_FIVE,
  HIDDEN,
  percentOf,
  suppressCount,
  suppressTable,
  type CountRow,
  type ShownRow,
  type ShownTable,
} from "./suppression";

const flat = (...counts: number[]): CountRow[] => counts.map((count, i) => ({ key: `c${i}`, count }));
const sum = (rows: CountRow[]) => rows.reduce((s, r) => s + r.count, 0);
const shown = (table: ShownTable) => table.rows.map((r) => r.count);

// ---------------------------------------------------------------------------------------------
// An attacker's view, worked out independently of the implementation: for every cell, every value
// it could take given what the table shows. Exact, by dynamic programming over the tree of sums
// (sets of possible values, not intervals), so it also checks the implementation's reasoning.

type Tree = { shown: ShownRow["count"]; truth: number; children: Tree[] };

function toTree(shownRows: ShownRow[], rows: CountRow[]): Tree[] {
  return shownRows.map((row, i) => ({
    shown: row.count,
    truth: rows[i].count,
    children: row.children ? toTree(row.children, rows[i].children ?? []) : [],
  }));
}

/** Values the words allow: "fewer than 5" is 1–4; "hidden" is 5 or more (0 or more when the whole table is hidden). */
function allowedByWords(value: ShownRow["count"], max: number, wholeTableHidden: boolean): Set<number> {
  const set = new Set<number>();
  if (typeof value === "number") set.add(value);
  else if (value === FEWER_THAN_FIVE)
    for (let v = wholeTableHidden ? 0 : 1; v <= Math.min(4, max); v += 1) set.add(v);
  else for (let v = wholeTableHidden ? 0 : 5; v <= max; v += 1) set.add(v);
  return set;
}

function sumsOf(sets: Set<number>[], max: number): Set<number> {
  let sums = new Set([0]);
  for (const set of sets) {
    const next = new Set<number>();
    for (const a of sums) for (const b of set) if (a + b <= max) next.add(a + b);
    sums = next;
  }
  return sums;
}

/** For each node, the values it can take in some complete table consistent with what is shown. */
function possibleValues(table: ShownTable, rows: CountRow[]) {
  const max = sum(rows);
  const whole = table.protection === "small-total" || table.protection === "too-thin";
  const roots = toTree(table.rows, rows);
  const subtree = new Map<Tree, Set<number>>();
  const feasible = (node: Tree): Set<number> => {
    const own = allowedByWords(node.shown, max, whole);
    if (node.children.length === 0) {
      subtree.set(node, own);
      return own;
    }
    const sums = sumsOf(node.children.map(feasible), max);
    const result = new Set([...own].filter((v) => sums.has(v)));
    subtree.set(node, result);
    return result;
  };
  const rootSums = sumsOf(roots.map(feasible), max);
  const totals = allowedByWords(table.total, max, whole);
  const rootAllowed = new Set([...totals].filter((t) => rootSums.has(t)));
  const result = new Map<Tree, Set<number>>();
  const descend = (children: Tree[], parentAllowed: Set<number>) => {
    children.forEach((child, i) => {
      const others = sumsOf(
        children.filter((_, j) => j !== i).map((c) => subtree.get(c)!),
        max,
      );
      const allowed = new Set(
        [...subtree.get(child)!].filter((v) => [...parentAllowed].some((p) => others.has(p - v))),
      );
      result.set(child, allowed);
      descend(child.children, allowed);
    });
  };
  descend(roots, rootAllowed);
  return { roots, result };
}

/** Checks everything a reader must never learn, and that nothing shown is untrue. */
function expectSafe(rows: CountRow[], table: ShownTable) {
  const { roots, result } = possibleValues(table, rows);
  const visit = (node: Tree) => {
    const values = result.get(node)!;
    expect(values.has(node.truth), "the words shown must be true").toBe(true);
    if (typeof node.shown === "number") {
      expect(node.shown).toBe(node.truth);
      expect(node.truth === 0 || node.truth >= 5).toBe(true);
    } else {
      expect(values.size, `a hidden cell (${node.truth}) could be worked out`).toBeGreaterThan(1);
    }
    node.children.forEach(visit);
  };
  roots.forEach(visit);
  const text = JSON.stringify(table);
  expect(text).not.toMatch(/"(count|total)":[1-4][,}]/);
}

// A small seeded generator, so a failure can be reproduced.
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomCount(next: () => number) {
  const r = next();
  if (r < 0.25) return 0;
  if (r < 0.65) return 1 + Math.floor(next() * 4);
  if (r < 0.9) return 5 + Math.floor(next() * 4);
  return 9 + Math.floor(next() * 12);
}

function randomFlat(next: () => number): CountRow[] {
  const n = 2 + Math.floor(next() * 6);
  return Array.from({ length: n }, (_, i) => ({ key: `c${i}`, count: randomCount(next) }));
}

function randomGrouped(next: () => number): CountRow[] {
  const groups = 1 + Math.floor(next() * 3);
  const rows: CountRow[] = [];
  for (let g = 0; g < groups; g += 1) {
    const children = Array.from({ length: 2 + Math.floor(next() * 3) }, (_, i) => ({
      key: `g${g}.${i}`,
      count: randomCount(next),
    }));
    rows.push({ key: `g${g}`, count: sum(children), children });
  }
  rows.push(
    { key: "prefer_not", count: randomCount(next) },
    { key: "not_recorded", count: randomCount(next) },
  );
  return rows;
}

// ---------------------------------------------------------------------------------------------

describe("small counts on their own", () => {
  it("shows 1 to 4 as fewer than 5, and 0 and 5 or more as they are", () => {
    expect([0, 1, 2, 3, 4, 5, 12].map(suppressCount)).toEqual([
      0,
      FEWER_THAN_FIVE,
      FEWER_THAN_FIVE,
      FEWER_THAN_FIVE,
      FEWER_THAN_FIVE,
      5,
      12,
    ]);
  });

  it("rounds percentages to one decimal place", () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(0, 0)).toBeNull();
  });
});

describe("suppressing one question's table", () => {
  it("shows every figure when nothing is small", () => {
    const rows = flat(12, 0, 30, 8);
    const table = suppressTable(rows, 50);
    expect(table.protection).toBe("none");
    expect(table.total).toBe(50);
    expect(table.rows.map((r) => [r.count, r.percent])).toEqual([
      [12, 24],
      [0, 0],
      [30, 60],
      [8, 16],
    ]);
  });

  it("one small cell: hides it and the next smallest cell, so it cannot be taken from the total", () => {
    const rows = flat(3, 12, 30, 20);
    const table = suppressTable(rows, 65);
    expect(table.protection).toBe("cells");
    expect(shown(table)).toEqual([FEWER_THAN_FIVE, HIDDEN, 30, 20]);
    expect(table.rows[0].percent).toBeNull();
    expect(table.rows[1].percent).toBeNull();
    expect(table.rows[2].percent).toBe(46.2);
    expectSafe(rows, table);
  });

  it("two small cells: hides both, and needs nothing more when they cannot be told apart", () => {
    const rows = flat(2, 3, 20, 25);
    const table = suppressTable(rows, 50);
    expect(shown(table)).toEqual([FEWER_THAN_FIVE, FEWER_THAN_FIVE, 20, 25]);
    expectSafe(rows, table);
  });

  it("two small cells that add up to 2 would each be 1: hides another cell too", () => {
    const rows = flat(1, 1, 20, 25);
    const table = suppressTable(rows, 47);
    expect(shown(table)).toEqual([FEWER_THAN_FIVE, FEWER_THAN_FIVE, HIDDEN, 25]);
    expectSafe(rows, table);
  });

  it("a small total: suppresses the whole table", () => {
    const rows = flat(2, 0, 1, 0);
    const table = suppressTable(rows, 3);
    expect(table.protection).toBe("small-total");
    expect(table.total).toBe(FEWER_THAN_FIVE);
    expect(shown(table)).toEqual([FEWER_THAN_FIVE, FEWER_THAN_FIVE, FEWER_THAN_FIVE, FEWER_THAN_FIVE]);
    expect(table.rows.every((r) => r.percent === null)).toBe(true);
    expectSafe(rows, table);
  });

  it("nobody at all: shows zeros, with no percentages", () => {
    const table = suppressTable(flat(0, 0, 0), 0);
    expect(table.protection).toBe("none");
    expect(shown(table)).toEqual([0, 0, 0]);
    expect(table.rows.every((r) => r.percent === null)).toBe(true);
  });

  it("a zero next to a small cell: the zero stays 0 and a non-zero cell is hidden instead", () => {
    const rows = flat(0, 3, 10, 15);
    const table = suppressTable(rows, 28);
    expect(shown(table)).toEqual([0, FEWER_THAN_FIVE, HIDDEN, 15]);
    expectSafe(rows, table);
  });

  it("a second cell of exactly 5 would give the small one away (5 or more, total 6): hides a larger one", () => {
    const rows = flat(1, 5, 50, 0);
    const table = suppressTable(rows, 56);
    expect(shown(table)).toEqual([FEWER_THAN_FIVE, 5, HIDDEN, 0]);
    expectSafe(rows, table);
  });

  it("all cells small: hides them all, with the total still shown when they cannot be worked out", () => {
    const rows = flat(4, 3, 2, 1, 0);
    const table = suppressTable(rows, 10);
    expect(table.total).toBe(10);
    expect(shown(table)).toEqual([FEWER_THAN_FIVE, FEWER_THAN_FIVE, FEWER_THAN_FIVE, FEWER_THAN_FIVE, 0]);
    expectSafe(rows, table);
  });

  it("all cells small and the total gives them away (4 and 4 of 8): hides the whole table", () => {
    const rows = flat(4, 4, 0);
    const table = suppressTable(rows, 8);
    expect(table.protection).toBe("too-thin");
    expect(table.total).toBe(8);
    expect(shown(table)).toEqual([HIDDEN, HIDDEN, HIDDEN]);
    expectSafe(rows, table);
    const ones = flat(1, 1, 1, 1, 1, 0);
    const spread = suppressTable(ones, 5);
    expect(spread.protection).toBe("too-thin");
    expectSafe(ones, spread);
  });

  it("refuses rows that do not add up", () => {
    expect(() => suppressTable(flat(1, 2), 4)).toThrow(/add up to 3/);
    expect(() => suppressTable([{ key: "a", count: 5, children: flat(1, 1) }], 5)).toThrow(/add up to 2/);
  });
});

describe("grouped rows (a category and its groups)", () => {
  const white = (british: number, irish: number, other: number): CountRow => ({
    key: "white",
    count: british + irish + other,
    children: [
      { key: "white_british", count: british },
      { key: "white_irish", count: irish },
      { key: "white_other", count: other },
    ],
  });
  const asian = (indian: number, pakistani: number): CountRow => ({
    key: "asian",
    count: indian + pakistani,
    children: [
      { key: "asian_indian", count: indian },
      { key: "asian_pakistani", count: pakistani },
    ],
  });

  it("a small group under a visible category: a sibling is hidden, not the category", () => {
    const rows = [white(30, 2, 0), asian(10, 12), { key: "prefer_not", count: 6 }];
    const table = suppressTable(rows, 60);
    const [w, a] = table.rows;
    expect(w.count).toBe(32);
    expect(w.children!.map((c) => c.count)).toEqual([HIDDEN, FEWER_THAN_FIVE, 0]);
    expect(a.count).toBe(22);
    expect(a.children!.map((c) => c.count)).toEqual([10, 12]);
    expectSafe(rows, table);
  });

  it("a small category: its groups are hidden too, and another category is hidden so the total cannot give it away", () => {
    const rows = [
      white(40, 0, 0),
      asian(2, 1),
      { key: "prefer_not", count: 7 },
      { key: "not_recorded", count: 0 },
    ];
    const table = suppressTable(rows, 50);
    const [w, a, preferNot, notRecorded] = table.rows;
    expect(a.count).toBe(FEWER_THAN_FIVE);
    expect(a.children!.map((c) => c.count)).toEqual([FEWER_THAN_FIVE, FEWER_THAN_FIVE]);
    expect(preferNot.count).toBe(HIDDEN);
    expect(w.count).toBe(40);
    expect(notRecorded.count).toBe(0);
    expectSafe(rows, table);
  });

  it("subtotal consistency: a category hidden to protect another keeps a hidden group, so it cannot be added up", () => {
    // Asian (7) is the next smallest, so it is hidden to protect Mixed (3); if both its groups
    // were shown, adding them up would give Asian back, and then Mixed from the total.
    const mixed: CountRow = {
      key: "mixed",
      count: 3,
      children: [
        { key: "mixed_white_asian", count: 3 },
        { key: "mixed_other", count: 0 },
      ],
    };
    const rows = [white(50, 0, 6), asian(7, 0), mixed];
    const table = suppressTable(rows, 66);
    const [, a, m] = table.rows;
    expect(m.count).toBe(FEWER_THAN_FIVE);
    expect(a.count).toBe(HIDDEN);
    expect(a.children!.some((c) => c.count === HIDDEN)).toBe(true);
    expectSafe(rows, table);
  });

  it("never lets a hidden group be worked out from its category, over many random tables", () => {
    const next = random(20260611);
    for (let i = 0; i < 1500; i += 1) {
      const rows = randomGrouped(next);
      expectSafe(rows, suppressTable(rows, sum(rows)));
    }
  });
});

describe("no suppressed value can ever be worked out (random tables)", () => {
  it("holds for 3,000 flat tables", () => {
    const next = random(42);
    const protections = new Set<string>();
    for (let i = 0; i < 3000; i += 1) {
      const rows = randomFlat(next);
      const table = suppressTable(rows, sum(rows));
      protections.add(table.protection);
      expectSafe(rows, table);
    }
    // The generator reaches every kind of protection, so the check means something.
    expect([...protections].sort()).toEqual(["cells", "none", "small-total", "too-thin"]);
  });

  it("also against simple subtraction: a visible total minus the visible cells never equals one hidden cell alone", () => {
    const next = random(7);
    for (let i = 0; i < 3000; i += 1) {
      const rows = randomFlat(next);
      const table = suppressTable(rows, sum(rows));
      if (typeof table.total !== "number") continue;
      const hidden = table.rows.filter((r) => typeof r.count !== "number");
      const visibleSum = table.rows.reduce((s, r) => s + (typeof r.count === "number" ? r.count : 0), 0);
      expect(hidden.length === 0 ? table.total - visibleSum : 0).toBe(0);
      expect(hidden.length).not.toBe(1);
    }
  });
});
