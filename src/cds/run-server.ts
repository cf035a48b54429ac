/**
 * How a Node entry point runs its server: `npm run cds` (src/cds/start.ts) and `npm start` (sandbox/start.ts).
 */
import type { Server } from "node:http";

/** A started server: what `close()` stops. */
export interface Closable {
  close: () => Promise<void>;
}

/** Stops a listening HTTP server: no new connections, the open ones (keep-alive included) closed at once. */
export function closer(server: Server): () => Promise<void> {
  return () =>
    new Promise<void>((ok) => {
      server.close(() => ok());
      server.closeAllConnections();
    });
}

/**
 * Starts the server and keeps it running until SIGINT or SIGTERM closes it (exit 0). A start that fails exits 1
 * with one line on stderr: `portInUse` when the port is taken, else "<name> failed to start: <reason>".
 */
export function runServer(name: string, portInUse: string, start: () => Promise<Closable>): void {
  start()
    .then((server) => {
      const stop = (): void => {
        void server.close().then(() => process.exit(0));
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    })
    .catch((err: unknown) => {
      const e = err as NodeJS.ErrnoException;
      console.error(e.code === "EADDRINUSE" ? portInUse : `${name} failed to start: ${e.message}`);
      process.exit(1);
    });
}
