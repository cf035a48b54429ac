import { afterEach } from "vitest";
import { cleanup, configure, render } from "@testing-library/react";
import { App, type Session } from "../../../src/ui/App";
import { rescore } from "./fixtures/reports";
// Load the lazily imported view up front, so that its first render in a test does not wait on the transform.
import "../../../src/ui/ClinicianView";

// vitest runs without globals: Testing Library cannot register its own cleanup.
afterEach(() => cleanup());
// Two cores shared by several test runs: give async queries (lazy chunks, effects) more than the default 1 s.
configure({ asyncUtilTimeout: 5000 });

export function session(overrides: Partial<Session> = {}): Session {
  return { score: rescore, needPatientBanner: true, locale: null, userName: "Dr Sato", ...overrides };
}

/** The whole app around a session that loads at once (English unless the session or browser says otherwise). */
export function renderApp(s: Session = session(), browserLocales: string[] = ["en-GB"]) {
  const load = () => Promise.resolve({ ok: true as const, session: s });
  return render(<App load={load} browserLocales={browserLocales} />);
}
