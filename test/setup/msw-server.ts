import { setupServer } from "msw/node";

/**
 * One msw server for the whole test run. It starts listening in the setup file, before any test
 * module loads fhirclient (which captures `fetch` when it is first imported).
 * Tests add handlers with `server.use(...)`; they are reset after every test.
 */
export const server = setupServer();
