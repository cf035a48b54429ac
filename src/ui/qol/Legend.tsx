import { useTranslator } from "../../i18n/react";
import type { SegmentGroup } from "../../scores/types";
import { GROUP_N } from "../../study";
import { SEGMENT_GROUP_SHORT } from "../labels";
import { orderedGroups } from "./courseModel";
import { GROUP_DASH, GROUP_SHAPE, Swatch, seriesClass } from "./marks";

/**
 * The course legend's entries, on screen and on the tumour-board sheet: each study group with its N (the
 * patient's group named as such), then the patient's own values. `tagged`: the patient's group is marked with
 * the screen's tag; the sheet says it in the line.
 */
export function LegendEntries({ patientGroup, tagged }: { patientGroup: SegmentGroup | null; tagged: boolean }) {
  const { t } = useTranslator();
  return (
    <>
      {orderedGroups(patientGroup)
        .slice()
        .reverse()
        .map(({ group, emphasis }) => (
          <li key={group}>
            <Swatch shape={GROUP_SHAPE[group]} dash={GROUP_DASH[group]} className={seriesClass(emphasis)} />
            {t("app.qol.legendGroup", { group: t(SEGMENT_GROUP_SHORT[group]), n: GROUP_N[group] })}
            {emphasis !== "patient" ? null : tagged ? (
              <span className="tag"> {t("app.qol.patientsGroup")}</span>
            ) : (
              ` ${t("app.qol.patientsGroup")}`
            )}
          </li>
        ))}
      <li>
        <Swatch shape="diamond" className="series series-self" />
        {t("app.qol.patient")}
      </li>
    </>
  );
}
