/**
 * A modal confirmation: role dialog with its title and text, focus on the safe choice, Tab kept inside,
 * Escape = the safe choice, focus returned to where it was on close.
 */
import { useEffect, useRef, type KeyboardEvent } from "react";

export interface ConfirmDialogProps {
  id: string;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog(p: ConfirmDialogProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    cancel.current?.focus();
    return () => before?.focus();
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === "Escape") {
      e.preventDefault();
      p.onCancel();
      return;
    }
    if (e.key !== "Tab") return;
    const buttons = Array.from(box.current?.querySelectorAll<HTMLButtonElement>("button") ?? []);
    const first = buttons[0];
    const last = buttons[buttons.length - 1];
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
        aria-labelledby={`${p.id}-title`}
        aria-describedby={`${p.id}-body`}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${p.id}-title`}>{p.title}</h2>
        <p id={`${p.id}-body`}>{p.body}</p>
        <div className="qf-actions">
          <button ref={cancel} type="button" className="qf-button qf-button-primary" onClick={p.onCancel}>
            {p.cancelLabel}
          </button>
          <button type="button" className="qf-button" onClick={p.onConfirm}>
            {p.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
