import { lazy, startTransition, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import type { ScoreReport } from "../../report/types";
import { useTranslator } from "../../i18n/react";
import { usePainted } from "../afterPaint";

const TumourBoardSheet = lazy(() => import("./TumourBoardSheet"));

/** Where the sheet's body goes: below the verdict strip (ClinicianView mounts the slot). */
export const SHEET_SLOT_ID = "tumour-board-sheet-slot";

/** The place of the sheet's body in the view, after the verdict strip (print-only). */
export function PrintSheetSlot() {
  return <div id={SHEET_SLOT_ID} className="print-only" />;
}

/**
 * "Print for tumour board": loads the print-only sheet (styles/print.css lays it out on one A4 page: the header,
 * the view's verdict strip, the sheet's items, QOL charts and decision box), then opens the browser's print
 * dialog. The sheet is also prepared once the view has painted (print-only, hidden on screen), so that a print
 * from the browser's menu (Ctrl+P) prints the sheet too, never the screen's layout; such a print refreshes the
 * date and time printed.
 */
export function PrintSection({
  userName,
  report,
  showBanner,
  now = () => new Date(),
  print = () => window.print(),
}: {
  userName: string | null;
  report: ScoreReport;
  /** Whether the view shows its patient banner (the sheet names the patient itself when it does not). */
  showBanner: boolean;
  now?: () => Date;
  print?: () => void;
}) {
  const { t } = useTranslator();
  const [printedAt, setPrintedAt] = useState<Date | null>(null);
  const pending = useRef(false);
  const onReady = useCallback(() => {
    if (!pending.current) return;
    pending.current = false;
    print();
  }, [print]);
  // After the view's first paint: the sheet in the print-only slot, without opening the dialog.
  const painted = usePainted();
  useEffect(() => {
    if (painted) startTransition(() => setPrintedAt((prev) => prev ?? now()));
  }, [painted, now]);
  const loaded = printedAt !== null;
  useEffect(() => {
    if (!loaded) return;
    // The sheet's chunk is loaded: a print from the browser's menu gets the time of that print.
    const refresh = () => flushSync(() => setPrintedAt(now()));
    window.addEventListener("beforeprint", refresh);
    return () => window.removeEventListener("beforeprint", refresh);
  }, [loaded, now]);
  return (
    <>
      <button
        type="button"
        className="no-print"
        data-testid="print-button"
        onClick={() => {
          pending.current = true;
          const at = now();
          // A new date re-renders the (already loaded) sheet, whose effect then opens the dialog.
          setPrintedAt((prev) => (prev !== null && prev.getTime() === at.getTime() ? new Date(at.getTime() + 1) : at));
        }}
      >
        {t("app.print.button")}
      </button>
      {printedAt ? (
        <Suspense fallback={null}>
          <TumourBoardSheet
            key={printedAt.getTime()}
            printedAt={printedAt}
            userName={userName}
            report={report}
            showBanner={showBanner}
            onReady={onReady}
          />
        </Suspense>
      ) : null}
    </>
  );
}
