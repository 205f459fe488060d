import { requireUser } from "~/utils/auth.server";
import { forbidden, notFound, parseId } from "~/utils/http.server";
import { roleAllows } from "~/utils/roles";
import { getAssessmentHeader } from "./assessment.server";

/**
 * Who may read an assessment: editors always; viewers only once it is finished (while in
 * progress it is the team's working draft). Returns the user, the id and the assessment.
 */
export async function requireAssessmentReader(request: Request, idParam: string | undefined) {
  const user = await requireUser(request);
  const id = parseId(idParam);
  const assessment = getAssessmentHeader(id) ?? notFound();
  const canEdit = roleAllows(user.role, "editor");
  if (assessment.status !== "finished" && !canEdit) {
    forbidden("This self-assessment is still in progress. Viewers can read it once it has been finished.");
  }
  return { user, id, assessment, canEdit };
}
