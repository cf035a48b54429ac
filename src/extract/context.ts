/** The per-patient state shared by the resource readers: who the patient is, and where diagnostics go. */
import type { Diagnostic } from "../report/types";
import { diagnostic, patientIdOf, resourceLabel, type Json } from "./fhir";

export class ReadContext {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly patientId: string) {}

  report(severity: Diagnostic["severity"], code: string, message: string, resource?: string): void {
    this.diagnostics.push(diagnostic(severity, code, message, resource));
  }

  /** A resource that fails validation: skipped, with its id, the path and the reason. */
  invalid(type: string, id: unknown, reason: string): void {
    const label = resourceLabel(type, id);
    this.report("warning", "invalid-resource", `${label} skipped: ${reason}`, label);
  }

  /**
   * True when the resource is about this patient: its subject names the patient, or it names none (a
   * patient-scoped search). A subject naming anyone else is reported and the resource skipped.
   */
  belongs(type: string, id: unknown, subject: Json | undefined): boolean {
    const ref = subject?.reference;
    if (typeof ref !== "string") return true;
    if (patientIdOf(ref) === this.patientId) return true;
    const label = resourceLabel(type, id);
    this.report("warning", "other-subject", `${label} skipped: its subject is not this patient`, label);
    return false;
  }
}
