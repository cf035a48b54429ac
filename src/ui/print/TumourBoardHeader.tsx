import { useEffect } from "react";
import { useTranslator } from "../../i18n/react";

export interface TumourBoardHeaderProps {
  printedAt: Date;
  userName: string | null;
  /** Called once the header is in the page: the caller opens the print dialog then. */
  onReady(): void;
}

/**
 * Print-only header of the tumour-board page (loaded on demand): title, date and time of printing, and who
 * printed it. Hidden on screen (print.css shows it).
 */
export default function TumourBoardHeader({ printedAt, userName, onReady }: TumourBoardHeaderProps) {
  const { t, locale } = useTranslator();
  useEffect(() => {
    onReady();
  }, [onReady]);
  const when = new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(printedAt);
  return (
    <header className="print-only tumour-board-header" data-testid="tumour-board-header">
      <p className="tumour-board-title">{t("app.print.title")}</p>
      <p>{t("app.print.printed", { when, user: userName ?? t("app.print.unknownUser") })}</p>
    </header>
  );
}
