import { ELEMENTS, getElement, type Element } from "~/checklist/section3";
import { evidenceForLine } from "~/models/evidence.server";
import { recordKindLabels } from "~/models/records.server";
import type { PackItem } from "~/components/checklist/evidence-pack";

/** The elements a pack covers: one (`?element=3.2`) or the whole section. */
export function packElements(request: Request): Element[] {
  const code = new URL(request.url).searchParams.get("element");
  const element = code ? getElement(code) : undefined;
  return element ? [element] : ELEMENTS;
}

export function packItems(lineCode: string, limit: number, offset = 0): PackItem[] {
  return evidenceForLine(lineCode, limit, offset).map((item) => ({
    id: item.id,
    kind: recordKindLabels[item.recordType] ?? item.recordType,
    label: item.record?.label ?? "A record that no longer exists",
    href: item.record?.href ?? null,
    evidenceDate: item.evidenceDate,
    note: item.note,
    reason: item.reason,
    decidedByName: item.decidedByName,
  }));
}
