import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    exclude: ["test/e2e/**", "node_modules/**"],
    environment: "node",
    setupFiles: ["test/setup/vitest-setup.ts"],
    testTimeout: 20_000,
    pool: "forks",
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts", "src/**/*.tsx"],
      reporter: ["text-summary", "json-summary"],
      thresholds: {
        "src/scores/**": { lines: 95 },
      },
    },
  },
});
