/**
 * Hostile folders and files for the score CLI (issue 11 item 15): a symlink loop, a `.json` link to /dev/zero, a
 * FIFO, a socket, a broken link, an oversize file, a file that reads longer than its size. Each is skipped with
 * one line on stderr naming it and why; the rest still scores. Run as a child process with a timeout, so that a
 * hang or a runaway read fails the test instead of blocking the run.
 */
import { spawnSync, execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScoreReport } from "../../../src/report/types";

const ROOT = join(__dirname, "../../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const PATIENTS = join(ROOT, "test/fixtures/patients");
const tmp = mkdtempSync(join(tmpdir(), "score-walk-"));
let socket: Server | null = null;

afterAll(() => {
  socket?.close();
  rmSync(tmp, { recursive: true, force: true });
});

function score(...args: string[]) {
  const r = spawnSync(TSX, [join(ROOT, "src/cli/score.ts"), ...args, "--now", "2025-01-01"], {
    encoding: "utf8",
    cwd: ROOT,
    timeout: 30_000,
    killSignal: "SIGKILL",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const ids = (stdout: string): string[] => (JSON.parse(stdout) as ScoreReport[]).map((r) => r.patient.id);

describe("score CLI on hostile folders", { timeout: 60_000 }, () => {
  const dir = join(tmp, "hostile");
  const outside = join(tmp, "outside");

  beforeAll(async () => {
    mkdirSync(join(dir, "sub", "deeper"), { recursive: true });
    mkdirSync(outside);
    copyFileSync(join(PATIENTS, "cervical-c7-t1.json"), join(dir, "patient.json"));
    copyFileSync(join(PATIENTS, "tl-t10-t11.json"), join(outside, "tl.json"));
    copyFileSync(join(PATIENTS, "coccyx.json"), join(dir, "sub", "deeper", "coccyx.json"));
    symlinkSync("..", join(dir, "sub", "loop")); // sub/loop → the folder itself
    symlinkSync("../../sub", join(dir, "sub", "deeper", "up")); // a second loop
    symlinkSync(outside, join(dir, "elsewhere")); // a linked folder: not followed either
    symlinkSync("/dev/zero", join(dir, "zero.json"));
    execFileSync("mkfifo", [join(dir, "fifo.json")]);
    symlinkSync(join(dir, "nowhere.json"), join(dir, "dangling.json"));
    symlinkSync(join(outside, "tl.json"), join(dir, "linked.json")); // a link to a regular file: read
    symlinkSync("patient.json", join(dir, "again.json")); // the same file twice: read once
    writeFileSync(
      join(dir, "big.json"),
      JSON.stringify({ resourceType: "Bundle", type: "collection", entry: [], pad: "x".repeat(20_000) }),
    );
    writeFileSync(join(dir, "notes.txt"), "not input");
    socket = createServer();
    await new Promise<void>((resolve) => socket?.listen(join(dir, "sock.json"), resolve));
  });

  it("skips each hostile entry with one stderr line and scores the rest, exit 0", () => {
    const r = score(dir, "--max-file-bytes", "10000");
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(ids(r.stdout)).toEqual(["tl-t10-t11", "cervical-c7-t1", "coccyx"]);
    expect(r.stderr.trimEnd().split("\n")).toEqual([
      `score: ${join(dir, "again.json")}: skipped: the same file as ${join(dir, "patient.json")}`,
      `score: ${join(dir, "big.json")}: skipped: 20065 bytes, over the limit of 10000 bytes (--max-file-bytes)`,
      `score: ${join(dir, "dangling.json")}: skipped: a broken symbolic link`,
      `score: ${join(dir, "elsewhere")}: skipped: a symbolic link to a folder (not followed)`,
      `score: ${join(dir, "fifo.json")}: skipped: not a regular file (a named pipe)`,
      `score: ${join(dir, "sock.json")}: skipped: not a regular file (a socket)`,
      `score: ${join(dir, "sub", "deeper", "up")}: skipped: a symbolic link to a folder (not followed)`,
      `score: ${join(dir, "sub", "loop")}: skipped: a symbolic link to a folder (not followed)`,
      `score: ${join(dir, "zero.json")}: skipped: not a regular file (a device)`,
    ]);
  });

  it("the default limit (512 MiB) reads the 20 kB file", () => {
    const r = score(dir);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain("big.json");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(8);
  });

  it("a FIFO, /dev/zero or an oversize file named as the input: exit 2 at once, one line, nothing on stdout", () => {
    for (const [file, problem] of [
      [join(dir, "fifo.json"), "not a regular file (a named pipe)"],
      [join(dir, "zero.json"), "not a regular file (a device)"],
      [join(dir, "big.json"), "20065 bytes, over the limit of 10000 bytes (--max-file-bytes)"],
    ] as const) {
      const r = score(file, "--max-file-bytes", "10000");
      expect(r).toMatchObject({ code: 2, signal: null, stdout: "" });
      expect(r.stderr).toBe(`score: ${file}: ${problem}\n`);
    }
  });

  it.runIf(existsSync("/proc/cpuinfo"))(
    "the limit holds while reading: a file longer than its stat size (/proc/cpuinfo says 0 bytes)",
    () => {
      const folder = join(tmp, "proc");
      mkdirSync(folder);
      symlinkSync("/proc/cpuinfo", join(folder, "cpu.json"));
      copyFileSync(join(PATIENTS, "no-data.json"), join(folder, "small.json"));
      const r = score(folder, "--max-file-bytes", "1000");
      expect(r.code).toBe(0);
      expect(ids(r.stdout)).toEqual(["no-data"]);
      expect(r.stderr).toBe(
        `score: ${join(folder, "cpu.json")}: skipped: more than the limit of 1000 bytes while reading (--max-file-bytes)\n`,
      );
    },
  );

  it("--max-file-bytes takes a positive whole number of bytes, or with K, M or G (binary)", () => {
    for (const bad of ["0", "ten", "1.5", "12X", "99999999999G"]) {
      const r = score(join(PATIENTS, "no-data.json"), "--max-file-bytes", bad);
      expect(r.code, bad).toBe(2);
      expect(r.stderr, bad).toContain(`--max-file-bytes ${bad}: expected a positive number of bytes`);
    }
    expect(score(join(PATIENTS, "no-data.json"), "--max-file-bytes", "1K").code).toBe(0);
    expect(score(join(PATIENTS, "no-data.json"), "--max-file-bytes", "299")).toMatchObject({ code: 2 });
    expect(score(join(PATIENTS, "no-data.json"), "--max-file-bytes", "300").code).toBe(0);
  });
});
