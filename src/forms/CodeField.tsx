import type { Ref } from "react";

export interface CodeFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
  describedBy?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * The hand-over code as typed when handing the tablet over and when leaving patient mode: 4–6 digits, hidden,
 * a numeric keypad, never remembered by the browser.
 */
export function CodeField({ id, label, value, onChange, invalid = false, describedBy, inputRef }: CodeFieldProps) {
  return (
    <>
      <label className="qf-label" htmlFor={id}>
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        className="qf-input qf-input-code"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={6}
        value={value}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </>
  );
}
