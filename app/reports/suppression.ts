/**
 * Small-number suppression for the demographics report. Pure and client-safe: pages, charts,
 * the CSV and saved copies all show tables that went through `suppressTable`, never raw counts.
 *
 * The rules (see PRODUCT.md, "special category data"):
 * - a count of 1 to 4 is never shown: it reads "fewer than 5" and its percentage is hidden
 *   (primary suppression); 0 stays 0;
 * - more cells are hidden (secondary suppression, shown as "hidden") until no hidden cell can be
 *   worked out from the visible cells and totals: not by subtracting them from the total, not from
 *   a category's subtotal, and not by combining those with what the words themselves give away
 *   ("fewer than 5" means 1–4; "hidden" means 5 or more, because every count of 1–4 is already
 *   "fewer than 5" and zeros are always shown). The next smallest cell is hidden first;
 * - a table whose total is 1 to 4 is suppressed whole ("fewer than 5 people");
 * - when no choice of hidden cells would protect a table (for example 8 people split 4 and 4,
 *   with the total shown elsewhere), the whole table is hidden.
 *
 * The total of a table is always treated as known: in the report it is the number of people,
 * which the summary shows.
 *
 * Rows may be grouped (an ethnic category and its groups; a socio-economic background and its
 * answers): a group's count must equal the sum of its children, and suppression is consistent
 * across both levels, so a hidden group cannot be recovered from its category subtotal either.
 */

export const FEWER_THAN_FIVE = "fewer than 5";
export const HIDDEN = "hidden";

/** A count as it may be shown: the number, or words in place of it. */
export type ShownCount = number | typeof FEWER_THAN_FIVE | typeof HIDDEN;

export type CountRow = { key: string; count: number; children?: CountRow[] };

export type ShownRow = {
  key: string;
  count: ShownCount;
  /** Share of the table's total, to one decimal place; null when hidden or when the total is 0. */
  percent: number | null;
  children?: ShownRow[];
};

/**
 * - none: every figure is shown;
 * - cells: some cells are hidden;
 * - small-total: fewer than 5 people, nothing is shown;
 * - too-thin: the answers are spread so thinly that any figure would give someone away.
 */
export type Protection = "none" | "cells" | "small-total" | "too-thin";

export type ShownTable = { total: ShownCount; protection: Protection; rows: ShownRow[] };

/** True for any count that the rules hide. */
export function isSmall(count: number) {
  return count >= 1 && count <= 4;
}

/** A count shown on its own (people, training records…): 1 to 4 becomes "fewer than 5". */
export function suppressCount(count: number): ShownCount {
  return isSmall(count) ? FEWER_THAN_FIVE : count;
}

export function isShownNumber(value: ShownCount): value is number {
  return typeof value === "number";
}

/** Percentage to one decimal place, without floating-point noise (12.5 → 12.5, 1/3 → 33.3). */
export function percentOf(count: number, total: number): number | null {
  if (total <= 0) return null;
  return Math.round((count * 1000) / total) / 10;
}

// ---------------------------------------------------------------------------------------------
// The tree: node 0 is the table total; every other node is a row, with its parent's index.

type Node = { key: string; count: number; parent: number; children: number[] };
type State = "visible" | "primary" | "secondary";

function flatten(rows: CountRow[], total: number): Node[] {
  const nodes: Node[] = [{ key: "", count: total, parent: -1, children: [] }];
  const add = (row: CountRow, parent: number) => {
    if (!Number.isInteger(row.count) || row.count < 0) {
      throw new Error(`Count for "${row.key}" must be a whole number of 0 or more.`);
    }
    const index = nodes.length;
    nodes.push({ key: row.key, count: row.count, parent, children: [] });
    nodes[parent].children.push(index);
    for (const child of row.children ?? []) add(child, index);
  };
  for (const row of rows) add(row, 0);
  for (const node of nodes) {
    if (node.children.length === 0) continue;
    const sum = node.children.reduce((s, i) => s + nodes[i].count, 0);
    if (sum !== node.count) {
      throw new Error(`Rows under "${node.key || "the total"}" add up to ${sum}, not ${node.count}.`);
    }
  }
  return nodes;
}

/**
 * What someone reading the table can deduce about each cell: the smallest and largest value it
 * could have, given the visible figures, the sums, and the words shown. Interval propagation over
 * the sums; on a tree of sums it finds the exact range of every cell.
 */
function deducibleRanges(nodes: Node[], state: State[]): [number, number][] {
  const total = nodes[0].count;
  const ranges = nodes.map((node, i): [number, number] => {
    if (i === 0 || state[i] === "visible") return [node.count, node.count];
    return state[i] === "primary" ? [1, 4] : [5, total];
  });
  let changed = true;
  while (changed) {
    changed = false;
    for (let p = 0; p < nodes.length; p += 1) {
      const kids = nodes[p].children;
      if (kids.length === 0) continue;
      const sumLo = kids.reduce((s, k) => s + ranges[k][0], 0);
      const sumHi = kids.reduce((s, k) => s + ranges[k][1], 0);
      const parent = ranges[p];
      const lo = Math.max(parent[0], sumLo);
      const hi = Math.min(parent[1], sumHi);
      if (lo !== parent[0] || hi !== parent[1]) {
        ranges[p] = [lo, hi];
        changed = true;
      }
      for (const k of kids) {
        const [kLo, kHi] = ranges[k];
        const newLo = Math.max(kLo, ranges[p][0] - (sumHi - kHi));
        const newHi = Math.min(kHi, ranges[p][1] - (sumLo - kLo));
        if (newLo !== kLo || newHi !== kHi) {
          ranges[k] = [newLo, newHi];
          changed = true;
        }
      }
    }
  }
  return ranges;
}

/** Hidden cells whose value could be worked out exactly. */
function disclosed(nodes: Node[], state: State[]): number[] {
  const ranges = deducibleRanges(nodes, state);
  const found: number[] = [];
  for (let i = 1; i < nodes.length; i += 1) {
    if (state[i] !== "visible" && ranges[i][0] === ranges[i][1]) found.push(i);
  }
  return found;
}

/** The cells next to a disclosed one in some sum: its siblings, its children and its parent. */
function neighbours(nodes: Node[], index: number): number[] {
  const node = nodes[index];
  const around = [...nodes[node.parent].children, ...node.children];
  if (node.parent !== 0) around.push(node.parent);
  return around.filter((i) => i !== index);
}

/**
 * Hides cells until none can be worked out, each time choosing, among the visible non-zero cells
 * that share a sum with a disclosed one, the cell that leaves fewest disclosed, then the smallest.
 * Returns null when no choice protects the table.
 */
function chooseHidden(nodes: Node[]): State[] | null {
  const state: State[] = nodes.map((node, i) => (i > 0 && isSmall(node.count) ? "primary" : "visible"));
  for (;;) {
    const open = disclosed(nodes, state);
    if (open.length === 0) return state;
    const candidates = [...new Set(open.flatMap((i) => neighbours(nodes, i)))].filter(
      (i) => state[i] === "visible" && nodes[i].count > 0,
    );
    if (candidates.length === 0) return null;
    let best = -1;
    let bestScore: [number, number, number] | null = null;
    for (const candidate of candidates) {
      state[candidate] = "secondary";
      const score: [number, number, number] = [
        disclosed(nodes, state).length,
        nodes[candidate].count,
        candidate,
      ];
      state[candidate] = "visible";
      if (
        !bestScore ||
        score[0] < bestScore[0] ||
        (score[0] === bestScore[0] &&
          (score[1] < bestScore[1] || (score[1] === bestScore[1] && score[2] < bestScore[2])))
      ) {
        best = candidate;
        bestScore = score;
      }
    }
    state[best] = "secondary";
  }
}

function build(
  nodes: Node[],
  index: number,
  show: (i: number) => Pick<ShownRow, "count" | "percent">,
): ShownRow {
  const node = nodes[index];
  const row: ShownRow = { key: node.key, ...show(index) };
  if (node.children.length > 0) row.children = node.children.map((child) => build(nodes, child, show));
  return row;
}

/**
 * One question's table, made safe to show: rows in the same order and shape, each count either
 * the number or words in its place, with percentages only beside numbers.
 */
export function suppressTable(rows: CountRow[], total: number): ShownTable {
  const nodes = flatten(rows, total);
  const sum = nodes[0].children.reduce((s, i) => s + nodes[i].count, 0);
  if (sum !== total) throw new Error(`Rows add up to ${sum}, not to the total of ${total}.`);
  const top = nodes[0].children;

  if (isSmall(total)) {
    return {
      total: FEWER_THAN_FIVE,
      protection: "small-total",
      rows: top.map((i) => build(nodes, i, () => ({ count: FEWER_THAN_FIVE, percent: null }))),
    };
  }
  const state = chooseHidden(nodes);
  if (!state) {
    return {
      total,
      protection: "too-thin",
      rows: top.map((i) => build(nodes, i, () => ({ count: HIDDEN, percent: null }))),
    };
  }
  const anyHidden = state.some((s) => s !== "visible");
  return {
    total,
    protection: anyHidden ? "cells" : "none",
    rows: top.map((i) =>
      build(nodes, i, (n) =>
        state[n] === "visible"
          ? { count: nodes[n].count, percent: percentOf(nodes[n].count, total) }
          : { count: state[n] === "primary" ? FEWER_THAN_FIVE : HIDDEN, percent: null },
      ),
    ),
  };
}

/** What a table's protection means, in words for the page, the CSV and saved copies. */
export const protectionNotes: Record<Protection, string | null> = {
  none: null,
  cells:
    "Counts of 1 to 4 are shown as “fewer than 5”. Some other counts are hidden so that they cannot be worked out from the totals.",
  "small-total": "Fewer than 5 people: no figures are shown, so that nobody can be identified.",
  "too-thin": "The answers are spread so thinly that any figure could identify someone, so none are shown.",
};
