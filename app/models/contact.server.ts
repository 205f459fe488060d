import { eq } from "drizzle-orm";
import { removeEvidenceFor } from "./evidence.server";
import {
  dependantsInWords,
  meetingsAboutProject,
  meetingsAttended,
  meetingsWithPartner,
  reviewsOfPartner,
} from "./dependants.server";
import { contacts, partners } from "~db/schema";
import type { ContactInput } from "~/forms/partners.server";
import { db, write } from "~/utils/db.server";
import { auditCreate, auditDelete, auditUpdate } from "./audit.server";

export const CONTACT = "contact";

export function getContact(id: number) {
  return db
    .select({
      id: contacts.id,
      partnerId: contacts.partnerId,
      partnerName: partners.name,
      name: contacts.name,
      role: contacts.role,
      email: contacts.email,
      phone: contacts.phone,
      notes: contacts.notes,
    })
    .from(contacts)
    .innerJoin(partners, eq(partners.id, contacts.partnerId))
    .where(eq(contacts.id, id))
    .get();
}

function values(input: ContactInput) {
  return {
    name: input.name,
    role: input.role ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    notes: input.notes ?? null,
  };
}

export function createContact(partnerId: number, input: ContactInput, actorId: number) {
  return write((tx) => {
    const row = { partnerId, ...values(input) };
    const { id } = tx.insert(contacts).values(row).returning({ id: contacts.id }).get();
    auditCreate(tx, actorId, { type: CONTACT, id }, row);
    return id;
  });
}

export function updateContact(id: number, input: ContactInput, actorId: number) {
  return write((tx) => {
    const before = tx.select().from(contacts).where(eq(contacts.id, id)).get();
    if (!before) return false;
    const row = values(input);
    tx.update(contacts)
      .set({ ...row, updatedAt: new Date() })
      .where(eq(contacts.id, id))
      .run();
    auditUpdate(tx, actorId, { type: CONTACT, id }, before, row);
    return true;
  });
}

/** What still refers to a contact: the meetings they attended. */
export function contactDependants(id: number): string[] {
  return dependantsInWords([[meetingsAttended("contact", id), "meeting"]]);
}

export function deleteContact(id: number, actorId: number) {
  return write((tx) => {
    const before = tx.select().from(contacts).where(eq(contacts.id, id)).get();
    if (!before) return false;
    tx.delete(contacts).where(eq(contacts.id, id)).run();
    removeEvidenceFor(tx, { type: CONTACT, id });
    auditDelete(tx, actorId, { type: CONTACT, id }, before);
    return true;
  });
}
