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

  /** A diagnostic: its stable code and its message. */
  report(severity: Diagnostic["severity"], code: string, message: CoreMessage, resource?: string): void {
    this.diagnostics.push(diagnostic(severity, code, message, resource));
  }

  /** A resource that fails validation: skipped, with its id, the path and the reason. */
  invalid(type: string, id: unknown, reason: CoreParam): void {
    this.report(
      "warning",
      "invalid-resource",
      msg("diag.invalid-resource", { label: labelParam(type, id), reason }),
      resourceLabel(type, id),
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
    this.report(
      "warning",
      "other-subject",
      msg("diag.other-subject", { label: labelParam(type, id) }),
      resourceLabel(type, id),
    );
    return false;
  }
}
