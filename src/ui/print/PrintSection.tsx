import { lazy, Suspense, useCallback, useRef, useState } from "react";
import { useTranslator } from "../../i18n/react";

const TumourBoardHeader = lazy(() => import("./TumourBoardHeader"));

/**
 * "Print for tumour board": loads the print-only header, then opens the browser's print dialog; the print
 * stylesheet (styles/print.css) lays the patient out on one A4 page.
 */
export function PrintSection({ userName, now = () => new Date(), print = () => window.print() }: {
  userName: string | null;
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
  return (
    <>
      <button
        type="button"
        className="no-print"
        data-testid="print-button"
        onClick={() => {
          pending.current = true;
          const at = now();
          // A new date re-renders the (already loaded) header, whose effect then opens the dialog.
          setPrintedAt((prev) => (prev !== null && prev.getTime() === at.getTime() ? new Date(at.getTime() + 1) : at));
        }}
      >
        {t("app.print.button")}
      </button>
      {printedAt ? (
        <Suspense fallback={null}>
          <TumourBoardHeader key={printedAt.getTime()} printedAt={printedAt} userName={userName} onReady={onReady} />
        </Suspense>
      ) : null}
    </>
  );
}
