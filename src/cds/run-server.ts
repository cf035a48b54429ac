/**
 * How a Node entry point runs its server: `npm run cds` (src/cds/start.ts) and `npm start` (sandbox/start.ts).
 */

/** A started server: what `close()` stops. */
export interface Closable {
  close: () => Promise<void>;
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
