import "@testing-library/jest-dom/vitest";
import { afterAll, afterEach } from "vitest";
import { server } from "./msw-server";

server.listen({ onUnhandledRequest: "error" });
afterEach(() => server.resetHandlers());
// The language choice is kept in localStorage (src/ui/localePreference.ts): no test inherits another's choice.
afterEach(() => {
  if (typeof localStorage !== "undefined") localStorage.clear();
});
afterAll(() => server.close());
