import type { PatientSummary } from "../report/types";
import type { MessageKey } from "../i18n";
import { useTranslator } from "../i18n/react";

const SEX: Record<string, MessageKey> = {
  male: "app.banner.sex.male",
  female: "app.banner.sex.female",
  other: "app.banner.sex.other",
  unknown: "app.unknown",
};

/** Who this is about: name, birth date and age, sex, MRN. Shown unless the EHR says it shows its own banner. */
export function PatientBanner({ patient }: { patient: PatientSummary }) {
  const { t, date } = useTranslator();
  const sexKey = patient.sex ? SEX[patient.sex] : undefined;
  return (
    <section className="patient-banner" aria-label={t("app.banner.label")} data-testid="patient-banner">
      <p className="patient-name">{patient.name ?? t("app.banner.noName")}</p>
      <dl>
        <div>
          <dt>{t("app.banner.birthDate")}</dt>
          <dd>
            {patient.birthDate ? date(patient.birthDate) : t("app.notOnFile")}
            {patient.age !== null ? ` (${t("app.banner.age", { age: patient.age })})` : ""}
          </dd>
        </div>
        <div>
          <dt>{t("app.banner.sex")}</dt>
          <dd>{sexKey ? t(sexKey) : (patient.sex ?? t("app.notOnFile"))}</dd>
        </div>
        {patient.mrn ? (
          <div>
            <dt>{t("app.banner.mrn")}</dt>
            <dd>{patient.mrn}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
