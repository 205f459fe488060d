import { eq } from "drizzle-orm";
import { trainingRecords, volunteerHours, volunteers } from "~db/schema";
import type { HoursInput, TrainingInput } from "~/forms/volunteers.server";
import { db, write } from "~/utils/db.server";
import { auditCreate, auditDelete } from "./audit.server";
import { removeEvidenceFor, suggestEvidence } from "./evidence.server";
import { HOURS, TRAINING } from "./volunteer.server";

// A volunteer's training and development records and the hours they gave. Both belong to the
// volunteer: they are added and deleted from the volunteer's page, and go when the volunteer does.

export function getTraining(id: number) {
  return db
    .select({
      id: trainingRecords.id,
      volunteerId: trainingRecords.volunteerId,
      volunteerName: volunteers.name,
      date: trainingRecords.date,
      title: trainingRecords.title,
      provider: trainingRecords.provider,
    })
    .from(trainingRecords)
    .innerJoin(volunteers, eq(volunteers.id, trainingRecords.volunteerId))
    .where(eq(trainingRecords.id, id))
    .get();
}

export function addTraining(volunteerId: number, input: TrainingInput, actorId: number) {
  return write((tx) => {
    const row = {
      volunteerId,
      date: input.trainingDate,
      title: input.title,
      provider: input.provider ?? null,
    };
    const { id } = tx.insert(trainingRecords).values(row).returning({ id: trainingRecords.id }).get();
    auditCreate(tx, actorId, { type: TRAINING, id }, row);
    suggestEvidence(tx, { type: TRAINING, id });
    return id;
  });
}

export function deleteTraining(id: number, actorId: number) {
  return write((tx) => {
    const before = tx.select().from(trainingRecords).where(eq(trainingRecords.id, id)).get();
    if (!before) return false;
    tx.delete(trainingRecords).where(eq(trainingRecords.id, id)).run();
    removeEvidenceFor(tx, { type: TRAINING, id });
    auditDelete(tx, actorId, { type: TRAINING, id }, before);
    return true;
  });
}

export function getHours(id: number) {
  return db
    .select({
      id: volunteerHours.id,
      volunteerId: volunteerHours.volunteerId,
      volunteerName: volunteers.name,
      date: volunteerHours.date,
      minutes: volunteerHours.minutes,
      activity: volunteerHours.activity,
    })
    .from(volunteerHours)
    .innerJoin(volunteers, eq(volunteers.id, volunteerHours.volunteerId))
    .where(eq(volunteerHours.id, id))
    .get();
}

export function addHours(volunteerId: number, input: HoursInput, actorId: number) {
  return write((tx) => {
    const row = {
      volunteerId,
      date: input.hoursDate,
      minutes: input.hours,
      activity: input.activity ?? null,
    };
    const { id } = tx.insert(volunteerHours).values(row).returning({ id: volunteerHours.id }).get();
    auditCreate(tx, actorId, { type: HOURS, id }, row);
    suggestEvidence(tx, { type: HOURS, id });
    return id;
  });
}

export function deleteHours(id: number, actorId: number) {
  return write((tx) => {
    const before = tx.select().from(volunteerHours).where(eq(volunteerHours.id, id)).get();
    if (!before) return false;
    tx.delete(volunteerHours).where(eq(volunteerHours.id, id)).run();
    removeEvidenceFor(tx, { type: HOURS, id });
    auditDelete(tx, actorId, { type: HOURS, id }, before);
    return true;
  });
}
