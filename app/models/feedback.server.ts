import crypto from "node:crypto";
import { answersInWords } from "~/components/feedback/words";
import { TZDate } from "@date-fns/tz";
import { and, count, desc, eq, gt, gte, inArray, min, type SQL } from "drizzle-orm";
import {
  feedbackLinks,
  feedbackResponses,
  partners,
  projects,
  users,
  type FeedbackKind,
} from "~db/schema";
import { TIME_ZONE, todayIso } from "~/utils/dates";
import { db, write } from "~/utils/db.server";
import type { ParticipantFeedbackAnswers, PartnerFeedbackAnswers } from "~/utils/feedback-answers";
import { auditCreate, auditUpdate } from "./audit.server";
import { suggestEvidence } from "./evidence.server";
import { hashToken } from "./session.server";

// Feedback from partners and from the people who took part in a project, through links that need
// no sign-in. The token in a link is shown once, when the link is made; only its SHA-256 is kept.

/** Record types, for the audit trail and evidence links. */
export const FEEDBACK_LINK = "feedback_link";
export const FEEDBACK = "feedback";

/** Whose feedback a link asks for: a partner's, or that of the people in a project. */
export type FeedbackOwner = { partnerId: number } | { projectId: number };

export type NewFeedbackLink =
  | { kind: "partner"; partnerId: number; expiresOn: string }
  | { kind: "participant"; projectId: number; expiresOn: string };

export type FeedbackLinkStatus = "active" | "expired" | "revoked";

/** A link that still takes responses, as the public form and `saveResponse` use it. */
export type UsableLink = {
  id: number;
  kind: FeedbackKind;
  partnerId: number | null;
  projectId: number | null;
  expiresOn: string;
};

const ownedBy = (owner: FeedbackOwner) =>
  "partnerId" in owner
    ? and(eq(feedbackLinks.kind, "partner"), eq(feedbackLinks.partnerId, owner.partnerId))
    : and(eq(feedbackLinks.kind, "participant"), eq(feedbackLinks.projectId, owner.projectId));

/** A link works to the end of its last day (UK time), unless it has been revoked. */
export function linkStatus(
  link: { revokedAt: Date | null; expiresOn: string },
  today = todayIso(),
): FeedbackLinkStatus {
  if (link.revokedAt) return "revoked";
  return link.expiresOn < today ? "expired" : "active";
}

// ---------------------------------------------------------------------------------------------
// Making, listing and revoking links

/** The partner or project a feedback page is about, by name, or null when there is none. */
export function getFeedbackSubject(owner: FeedbackOwner) {
  if ("partnerId" in owner) {
    const row = db
      .select({ id: partners.id, name: partners.name })
      .from(partners)
      .where(eq(partners.id, owner.partnerId))
      .get();
    return row ? { kind: "partner" as const, ...row } : null;
  }
  const row = db
    .select({ id: projects.id, name: projects.title })
    .from(projects)
    .where(eq(projects.id, owner.projectId))
    .get();
  return row ? { kind: "participant" as const, ...row } : null;
}
export type FeedbackSubject = NonNullable<ReturnType<typeof getFeedbackSubject>>;

/**
 * A new link for a partner, or for the people in a project. Returns the token, which is never
 * stored and cannot be shown again, or null when the partner or project does not exist.
 */
export function createFeedbackLink(
  input: NewFeedbackLink,
  actorId: number,
  now = new Date(),
): { id: number; token: string; expiresOn: string } | null {
  const token = crypto.randomBytes(32).toString("base64url");
  return write((tx) => {
    const exists =
      input.kind === "partner"
        ? tx.select({ id: partners.id }).from(partners).where(eq(partners.id, input.partnerId)).get()
        : tx.select({ id: projects.id }).from(projects).where(eq(projects.id, input.projectId)).get();
    if (!exists) return null;
    const row = {
      kind: input.kind,
      partnerId: input.kind === "partner" ? input.partnerId : null,
      projectId: input.kind === "participant" ? input.projectId : null,
      expiresOn: input.expiresOn,
    };
    const { id } = tx
      .insert(feedbackLinks)
      .values({ ...row, tokenHash: hashToken(token), createdBy: actorId, createdAt: now })
      .returning({ id: feedbackLinks.id })
      .get();
    // Neither the token nor its hash goes in the audit trail.
    auditCreate(tx, actorId, { type: FEEDBACK_LINK, id }, row);
    return { id, token, expiresOn: input.expiresOn };
  });
}

/**
 * Stops a link working, from now on; responses already sent stay. False when the owner has no such
 * link; a link already revoked stays as it was.
 */
export function revokeFeedbackLink(
  id: number,
  owner: FeedbackOwner,
  actorId: number,
  now = new Date(),
): boolean {
  return write((tx) => {
    const before = tx
      .select({ revokedAt: feedbackLinks.revokedAt })
      .from(feedbackLinks)
      .where(and(eq(feedbackLinks.id, id), ownedBy(owner)))
      .get();
    if (!before) return false;
    if (before.revokedAt) return true;
    tx.update(feedbackLinks).set({ revokedAt: now }).where(eq(feedbackLinks.id, id)).run();
    auditUpdate(tx, actorId, { type: FEEDBACK_LINK, id }, before, { revokedAt: now });
    return true;
  });
}

/** A partner's or project's links, newest first, with status and responses: never a token. */
export function listFeedbackLinks(owner: FeedbackOwner, today = todayIso()) {
  const rows = db
    .select({
      id: feedbackLinks.id,
      kind: feedbackLinks.kind,
      expiresOn: feedbackLinks.expiresOn,
      revokedAt: feedbackLinks.revokedAt,
      createdAt: feedbackLinks.createdAt,
      createdBy: users.name,
    })
    .from(feedbackLinks)
    .leftJoin(users, eq(users.id, feedbackLinks.createdBy))
    .where(ownedBy(owner))
    .orderBy(desc(feedbackLinks.createdAt), desc(feedbackLinks.id))
    .all();
  const counts = new Map(
    rows.length === 0
      ? []
      : db
          .select({ linkId: feedbackResponses.linkId, n: count() })
          .from(feedbackResponses)
          .where(
            inArray(
              feedbackResponses.linkId,
              rows.map((r) => r.id),
            ),
          )
          .groupBy(feedbackResponses.linkId)
          .all()
          .map((r) => [r.linkId, r.n]),
  );
  return rows.map((row) => ({
    ...row,
    status: linkStatus(row, today),
    responses: counts.get(row.id) ?? 0,
  }));
}
export type FeedbackLinkRow = ReturnType<typeof listFeedbackLinks>[number];

/** What still refers to a partner or project through feedback, in words' pieces for a refused deletion. */
export function feedbackDependants(owner: FeedbackOwner): [number, string][] {
  const links = db.select({ n: count() }).from(feedbackLinks).where(ownedBy(owner)).get()!.n;
  const responses = db
    .select({ n: count() })
    .from(feedbackResponses)
    .where(
      "partnerId" in owner
        ? eq(feedbackResponses.partnerId, owner.partnerId)
        : eq(feedbackResponses.projectId, owner.projectId),
    )
    .get()!.n;
  return [
    [links, "feedback link"],
    [responses, "feedback response"],
  ];
}

// ---------------------------------------------------------------------------------------------
// The public side: what a token leads to, and saving what people say

export type LinkState = "open" | "expired" | "revoked" | "unknown";

/**
 * What a token leads to: an open link with the name of what it asks about, or why it does not
 * work. Only the partner's name or the project's title is read: the public page shows no more.
 */
export function feedbackLinkState(
  token: string,
  today = todayIso(),
): { state: LinkState; link: (UsableLink & { subject: string }) | null } {
  if (!token || token.length > 200) return { state: "unknown", link: null };
  const row = db
    .select({
      id: feedbackLinks.id,
      kind: feedbackLinks.kind,
      partnerId: feedbackLinks.partnerId,
      projectId: feedbackLinks.projectId,
      expiresOn: feedbackLinks.expiresOn,
      revokedAt: feedbackLinks.revokedAt,
      partnerName: partners.name,
      projectTitle: projects.title,
    })
    .from(feedbackLinks)
    .leftJoin(partners, eq(partners.id, feedbackLinks.partnerId))
    .leftJoin(projects, eq(projects.id, feedbackLinks.projectId))
    .where(eq(feedbackLinks.tokenHash, hashToken(token)))
    .get();
  if (!row) return { state: "unknown", link: null };
  const status = linkStatus(row, today);
  if (status !== "active") return { state: status, link: null };
  const { revokedAt: _revoked, partnerName, projectTitle, ...link } = row;
  return {
    state: "open",
    link: { ...link, subject: (row.kind === "partner" ? partnerName : projectTitle) ?? "" },
  };
}

/** The link behind a token, if it exists, is not revoked and has not expired. */
export function findUsableLink(token: string, today = todayIso()): UsableLink | null {
  const { link } = feedbackLinkState(token, today);
  if (!link) return null;
  const { subject: _subject, ...usable } = link;
  return usable;
}

export type FeedbackAnswers = PartnerFeedbackAnswers | ParticipantFeedbackAnswers;

/**
 * Keeps a response, audits it and suggests it as evidence, in one transaction. `sender` is a keyed
 * hash of the sender's address (see feedback-guard), kept with the response for the rate limit;
 * the address itself is never stored. Null when the link stopped working in the meantime.
 */
export function saveResponse(
  link: UsableLink,
  answers: FeedbackAnswers,
  sender: string | null = null,
  now = new Date(),
): number | null {
  return write((tx) => {
    const current = tx
      .select({ revokedAt: feedbackLinks.revokedAt, expiresOn: feedbackLinks.expiresOn })
      .from(feedbackLinks)
      .where(eq(feedbackLinks.id, link.id))
      .get();
    if (!current || linkStatus(current, todayIso(now)) !== "active") return null;
    const row = {
      linkId: link.id,
      kind: link.kind,
      partnerId: link.kind === "partner" ? link.partnerId : null,
      projectId: link.kind === "participant" ? link.projectId : null,
    };
    const { id } = tx
      .insert(feedbackResponses)
      .values({ ...row, submittedAt: now, answers, senderKey: sender })
      .returning({ id: feedbackResponses.id })
      .get();
    auditCreate(tx, null, { type: FEEDBACK, id }, row);
    suggestEvidence(tx, { type: FEEDBACK, id }, now);
    return id;
  });
}

/** Responses through one link since an instant: for the rate limit. */
export function responsesThroughLinkSince(linkId: number, since: Date) {
  return (
    db
      .select({ n: count(), oldest: min(feedbackResponses.submittedAt) })
      .from(feedbackResponses)
      .where(and(eq(feedbackResponses.linkId, linkId), gt(feedbackResponses.submittedAt, since)))
      .get() ?? { n: 0, oldest: null }
  );
}

/** Responses from one sender (by the keyed hash of their address) since an instant: for the rate limit. */
export function responsesFromSenderSince(sender: string, since: Date) {
  const row = db
    .select({ n: count(), oldest: min(feedbackResponses.submittedAt) })
    .from(feedbackResponses)
    .where(and(eq(feedbackResponses.senderKey, sender), gt(feedbackResponses.submittedAt, since)))
    .get();
  return row ?? { n: 0, oldest: null };
}

// ---------------------------------------------------------------------------------------------
// Reading responses: on the partner's and project's pages, in reviews, and one by one

export type FeedbackResponseItem =
  | { id: number; submittedAt: Date; kind: "partner"; answers: PartnerFeedbackAnswers }
  | { id: number; submittedAt: Date; kind: "participant"; answers: ParticipantFeedbackAnswers };

type StoredResponse = { id: number; submittedAt: Date; kind: FeedbackKind; answers: Record<string, unknown> };

/** The stored JSON in its fixed shape, by kind. */
function typed(row: StoredResponse): FeedbackResponseItem {
  return row.kind === "partner"
    ? {
        id: row.id,
        submittedAt: row.submittedAt,
        kind: "partner",
        answers: row.answers as PartnerFeedbackAnswers,
      }
    : {
        id: row.id,
        submittedAt: row.submittedAt,
        kind: "participant",
        answers: row.answers as ParticipantFeedbackAnswers,
      };
}

/** The start of a UK calendar day, as an instant. */
function startOfUkDay(isoDay: string) {
  const [y, m, d] = isoDay.split("-").map(Number);
  return new TZDate(y, m - 1, d, TIME_ZONE);
}

type ResponseQuery = {
  /** Only responses sent on or after this day (a review's date) or instant. */
  since?: string | Date;
};

function responsesWhere(condition: SQL, { since }: ResponseQuery, limit: number) {
  const from = typeof since === "string" ? startOfUkDay(since) : since;
  return db
    .select({
      id: feedbackResponses.id,
      submittedAt: feedbackResponses.submittedAt,
      kind: feedbackResponses.kind,
      answers: feedbackResponses.answers,
    })
    .from(feedbackResponses)
    .where(and(condition, from ? gte(feedbackResponses.submittedAt, from) : undefined))
    .orderBy(desc(feedbackResponses.submittedAt), desc(feedbackResponses.id))
    .limit(limit)
    .all()
    .map(typed)
    .map((response) => ({
      ...response,
      // In words here, so the pages that list responses need not carry the questions' wording.
      inWords: answersInWords(response),
    }));
}

/**
 * A partner's feedback, newest first: for the partner's page, its feedback page, and the next
 * review of the partnership (with `since` the last review's date).
 */
export function responsesForPartner(partnerId: number, limit = 20, query: ResponseQuery = {}) {
  return responsesWhere(eq(feedbackResponses.partnerId, partnerId), query, limit);
}

/** What the people in a project said, newest first: for the project's page and its feedback page. */
export function responsesForProject(projectId: number, limit = 20, query: ResponseQuery = {}) {
  return responsesWhere(eq(feedbackResponses.projectId, projectId), query, limit);
}

/** How many responses a partner or project has had, for "See all N" links. */
export function responseCount(owner: FeedbackOwner) {
  return db
    .select({ n: count() })
    .from(feedbackResponses)
    .where(
      "partnerId" in owner
        ? eq(feedbackResponses.partnerId, owner.partnerId)
        : eq(feedbackResponses.projectId, owner.projectId),
    )
    .get()!.n;
}

/** One response in full, with what it is about and the link it came through. */
export function getResponsePage(id: number) {
  const row = db
    .select({
      id: feedbackResponses.id,
      kind: feedbackResponses.kind,
      submittedAt: feedbackResponses.submittedAt,
      answers: feedbackResponses.answers,
      partnerId: feedbackResponses.partnerId,
      partnerName: partners.name,
      projectId: feedbackResponses.projectId,
      projectTitle: projects.title,
      linkCreatedAt: feedbackLinks.createdAt,
      linkCreatedBy: users.name,
    })
    .from(feedbackResponses)
    .innerJoin(feedbackLinks, eq(feedbackLinks.id, feedbackResponses.linkId))
    .leftJoin(users, eq(users.id, feedbackLinks.createdBy))
    .leftJoin(partners, eq(partners.id, feedbackResponses.partnerId))
    .leftJoin(projects, eq(projects.id, feedbackResponses.projectId))
    .where(eq(feedbackResponses.id, id))
    .get();
  if (!row) return null;
  const about =
    row.kind === "partner"
      ? { type: "partner" as const, id: row.partnerId!, name: row.partnerName ?? "" }
      : { type: "project" as const, id: row.projectId!, name: row.projectTitle ?? "" };
  return {
    response: typed(row),
    about,
    link: { createdAt: row.linkCreatedAt, createdBy: row.linkCreatedBy },
  };
}
