import { and, count, eq } from "drizzle-orm";
import { meetingAttendees, meetingPartners, meetingProjects, reviews, type AttendeeType } from "~db/schema";
import { db } from "~/utils/db.server";

/** "2 projects and 1 meeting" pieces: only the kinds there are, each counted, for a refused deletion. */
export function dependantsInWords(counts: [number, string][]): string[] {
  return counts.filter(([n]) => n > 0).map(([n, noun]) => `${n} ${noun}${n === 1 ? "" : "s"}`);
}

/** Meetings a person attended (a contact, contributor, volunteer or user). */
export function meetingsAttended(type: AttendeeType, id: number) {
  return db
    .select({ n: count() })
    .from(meetingAttendees)
    .where(and(eq(meetingAttendees.attendeeType, type), eq(meetingAttendees.attendeeId, id)))
    .get()!.n;
}

export function meetingsWithPartner(partnerId: number) {
  return db
    .select({ n: count() })
    .from(meetingPartners)
    .where(eq(meetingPartners.partnerId, partnerId))
    .get()!.n;
}

export function meetingsAboutProject(projectId: number) {
  return db
    .select({ n: count() })
    .from(meetingProjects)
    .where(eq(meetingProjects.projectId, projectId))
    .get()!.n;
}

export function reviewsOfPartner(partnerId: number) {
  return db.select({ n: count() }).from(reviews).where(eq(reviews.partnerId, partnerId)).get()!.n;
}
