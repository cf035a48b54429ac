/** The per-patient state shared by the resource readers: who the patient is, and where diagnostics go. */
import type { Diagnostic } from "../report/types";
import type { CoreMessage, CoreParam } from "../scores";
import { diagnostic, labelParam, patientIdOf, resourceLabel, type Json } from "./fhir";
import { msg } from "./messages";

export class ReadContext {
  readonly diagnostics: Diagnostic[] = [];

  /**
   * "Patient/<id>" when the id is a valid FHIR id, else null: a subject written exactly so names this patient
   * without parsing the reference (patientIdOf would return the same id), the case of nearly every resource.
   */
  private readonly ownReference: string | null;

  constructor(readonly patientId: string) {
    this.ownReference = /^[A-Za-z0-9\-.]{1,64}$/.test(patientId) ? `Patient/${patientId}` : null;
  }

  /** A diagnostic: its English message and the same in machine-readable form (`text`). */
  report(severity: Diagnostic["severity"], code: string, message: string, text: CoreMessage, resource?: string): void {
    this.diagnostics.push(diagnostic(severity, code, message, text, resource));
  }

  /** A resource that fails validation: skipped, with its id, the path and the reason. */
  invalid(type: string, id: unknown, reason: { text: string; param: CoreParam }): void {
    const label = resourceLabel(type, id);
    this.report(
      "warning",
      "invalid-resource",
      `${label} skipped: ${reason.text}`,
      msg("diag.invalid-resource", { label: labelParam(type, id), reason: reason.param }),
      label,
    );
  }

  /**
   * True when the resource is about this patient: its subject names the patient, or it names none (a
   * patient-scoped search). A subject naming anyone else is reported and the resource skipped.
   */
  belongs(type: string, id: unknown, subject: Json | undefined): boolean {
    const ref = subject?.reference;
    if (typeof ref !== "string") return true;
    if (ref === this.ownReference || patientIdOf(ref) === this.patientId) return true;
    const label = resourceLabel(type, id);
    this.report(
      "warning",
      "other-subject",
      `${label} skipped: its subject is not this patient`,
      msg("diag.other-subject", { label: labelParam(type, id) }),
      label,
    );
    return false;
  }
}
