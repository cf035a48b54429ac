/**
 * "Return to clinician": a modal that asks for the code the clinician set when handing over. A wrong code does
 * not leave and says nothing about the code; after FREE_ATTEMPTS wrong codes the exit is locked for a growing
 * delay (kept with the hand-over, so a reload does not reset it). Focus starts in the code field, Tab stays
 * inside, Escape = stay, the focus returns where it was.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type SubmitEvent } from "react";
import { useTranslator } from "../i18n/react";
import { CodeField } from "./CodeField";
import { checkExitCode, readHandover } from "./handover";

export interface ExitDialogProps {
  onStay: () => void;
  /** The right code was typed. */
  onLeave: () => void;
  /** Epoch ms (tests). */
  now?: () => number;
}

export function ExitDialog(dialog: ExitDialogProps) {
  const { t } = useTranslator();
  const now = dialog.now ?? Date.now;
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState("");
  const [message, setMessage] = useState<string | null>(() => {
    const until = readHandover()?.lockedUntil ?? 0;
    return until > now() ? t("forms.patient.exitLocked", { seconds: Math.ceil((until - now()) / 1000) }) : null;
  });

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    input.current?.focus();
    return () => before?.focus();
  }, []);

  const submit = (e: SubmitEvent<HTMLFormElement>): void => {
    e.preventDefault();
    const result = checkExitCode(code.trim(), now());
    if (result.ok) {
      dialog.onLeave();
      return;
    }
    setCode("");
    setMessage(
      result.lockedForMs > 0
        ? t("forms.patient.exitLocked", { seconds: Math.ceil(result.lockedForMs / 1000) })
        : t("forms.patient.exitWrong"),
    );
    input.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === "Escape") {
      e.preventDefault();
      dialog.onStay();
      return;
    }
    if (e.key !== "Tab") return;
    const focusable = Array.from(box.current?.querySelectorAll<HTMLElement>("input, button") ?? []);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="qf-backdrop">
      <div
        ref={box}
        className="qf-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="pm-leave-title"
        aria-describedby="pm-leave-body"
        onKeyDown={onKeyDown}
      >
        <h2 id="pm-leave-title">{t("forms.patient.confirmTitle")}</h2>
        <p id="pm-leave-body">{t("forms.patient.confirmBody")}</p>
        <form noValidate onSubmit={submit}>
          <CodeField
            inputRef={input}
            id="pm-leave-code"
            label={t("forms.patient.exitCode")}
            value={code}
            invalid={Boolean(message)}
            describedBy={message ? "pm-leave-message" : undefined}
            onChange={setCode}
          />
          <p id="pm-leave-message" className="qf-error" role="alert">
            {message ?? ""}
          </p>
          <div className="qf-actions">
            <button type="button" className="qf-button qf-button-primary" onClick={dialog.onStay}>
              {t("forms.patient.confirmStay")}
            </button>
            <button type="submit" className="qf-button">
              {t("forms.patient.confirmLeave")}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
