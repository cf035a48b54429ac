/**
 * The hand-over lock of patient self-report mode: while the device is with the patient, this record sits in
 * sessionStorage (key HANDOVER_KEY), and the app renders patient mode instead of the clinician's view — after a
 * reload too. It holds a salted SHA-256 of the clinician's code, never the code itself. Leaving needs the code;
 * wrong codes are counted here (so a reload does not reset them) and lock the exit for a growing delay.
 *
 * Small and dependency-free: the app's main chunk imports it (src/ui/App.tsx) to decide what to render.
 * docs/EQ5D-WORDING.md, "Patient self-report mode", describes the design.
 */
import { useSyncExternalStore } from "react";

export const HANDOVER_KEY = "spine-met-qol.patient-mode";
/** The code the clinician sets: 4 to 6 digits. */
export const CODE_PATTERN = /^\d{4,6}$/;
/** Wrong codes allowed before the exit is locked. */
const FREE_ATTEMPTS = 3;
/** The first lock-out; each further wrong code doubles it, up to MAX_LOCK_MS. */
export const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

/** The instruments a patient may be handed (their wording is the app's own, or the deployment's licensed file). */
export type PatientInstrument = "eq5d5l" | "pain-vas";

export interface Handover {
  v: 1;
  /** The launch the self-report belongs to: another patient in this tab sees no question. */
  serverUrl: string;
  patientId: string;
  /** In the order asked. */
  instruments: PatientInstrument[];
  /** The draft of each instrument (DraftStore, sessionStorage): the answers survive a reload. */
  drafts: Partial<Record<PatientInstrument, string>>;
  /** Hex, random per hand-over. */
  salt: string;
  /** sha256Hex(`${salt}:${code}`). */
  codeHash: string;
  /** The question on screen (index in the sequence). */
  position: number;
  finished: boolean;
  /** Wrong codes in a row, and until when (epoch ms) the exit is locked. */
  failures: number;
  lockedUntil: number;
}

interface KeyValueStorage {
  getItem: (key: string) => string | null;
  setItem: (key: string, value: string) => void;
  removeItem: (key: string) => void;
}

const memory = new Map<string, string>();
const memoryStorage: KeyValueStorage = {
  getItem: (k) => memory.get(k) ?? null,
  setItem: (k, v) => void memory.set(k, v),
  removeItem: (k) => void memory.delete(k),
};

/** sessionStorage (per tab, gone when the tab closes); memory when the browser refuses it. */
function storage(): KeyValueStorage {
  try {
    const s = globalThis.sessionStorage;
    if (s) return s;
  } catch {
    // blocked storage: memory only
  }
  return memoryStorage;
}

const listeners = new Set<() => void>();
let cachedText: string | null = null;
let cached: Handover | null = null;

function isHandover(v: unknown): v is Handover {
  if (typeof v !== "object" || v === null) return false;
  const h = v as Partial<Handover>;
  return (
    h.v === 1 &&
    typeof h.serverUrl === "string" &&
    typeof h.patientId === "string" &&
    Array.isArray(h.instruments) &&
    typeof h.salt === "string" &&
    typeof h.codeHash === "string" &&
    typeof h.position === "number" &&
    typeof h.failures === "number" &&
    typeof h.lockedUntil === "number"
  );
}

/**
 * The current hand-over, or null. A record that cannot be read is still a lock (a damaged entry must not open
 * the clinician's view): it comes back with no question and a code nobody knows, so only a new tab gets out.
 */
export function readHandover(): Handover | null {
  let text: string | null;
  try {
    text = storage().getItem(HANDOVER_KEY);
  } catch {
    text = null;
  }
  if (text === cachedText) return cached;
  cachedText = text;
  if (text === null) {
    cached = null;
    return null;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  cached = isHandover(parsed)
    ? parsed
    : {
        v: 1,
        serverUrl: "",
        patientId: "",
        instruments: [],
        drafts: {},
        salt: "",
        codeHash: "!",
        position: 0,
        finished: true,
        failures: 0,
        lockedUntil: 0,
      };
  return cached;
}

export function writeHandover(h: Handover): void {
  try {
    storage().setItem(HANDOVER_KEY, JSON.stringify(h));
  } catch {
    memoryStorage.setItem(HANDOVER_KEY, JSON.stringify(h));
  }
  for (const l of [...listeners]) l();
}

export function updateHandover(change: Partial<Handover>): void {
  const h = readHandover();
  if (h) writeHandover({ ...h, ...change });
}

export function clearHandover(): void {
  try {
    storage().removeItem(HANDOVER_KEY);
  } catch {
    // nothing stored
  }
  memoryStorage.removeItem(HANDOVER_KEY);
  for (const l of [...listeners]) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The hand-over (re-renders when it starts, changes or ends). */
export function useHandover(): Handover | null {
  return useSyncExternalStore(subscribe, readHandover, readHandover);
}

/** True while the device is with the patient: the clinician's view must not be rendered. */
export function useHandedOver(): boolean {
  return useHandover() !== null;
}

export function newSalt(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The salted hash kept for a code. */
export function codeHash(salt: string, code: string): string {
  return sha256Hex(`${salt}:${code}`);
}

/** The lock-out after `failures` wrong codes in a row (0 while free attempts remain). */
function lockMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - FREE_ATTEMPTS));
}

export type ExitCheck = { ok: true } | { ok: false; lockedForMs: number };

/**
 * Checks a code typed to leave patient mode at `now` (epoch ms). While locked nothing is checked; a wrong code
 * counts and may lock; the right one ends nothing by itself (the caller clears the hand-over).
 */
export function checkExitCode(code: string, now: number): ExitCheck {
  const h = readHandover();
  if (!h) return { ok: true };
  if (h.lockedUntil > now) return { ok: false, lockedForMs: h.lockedUntil - now };
  if (CODE_PATTERN.test(code) && codeHash(h.salt, code) === h.codeHash) {
    updateHandover({ failures: 0, lockedUntil: 0 });
    return { ok: true };
  }
  const failures = h.failures + 1;
  const wait = lockMs(failures);
  updateHandover({ failures, lockedUntil: wait > 0 ? now + wait : 0 });
  return { ok: false, lockedForMs: wait };
}

// SHA-256 (FIPS 180-4), synchronous: crypto.subtle is async and missing outside secure contexts.
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

export function sha256Hex(text: string): string {
  const data = new TextEncoder().encode(text);
  const length = Math.ceil((data.length + 9) / 64) * 64;
  const msg = new Uint8Array(length);
  msg.set(data);
  msg[data.length] = 0x80;
  const view = new DataView(msg.buffer);
  view.setUint32(length - 8, Math.floor((data.length * 8) / 2 ** 32));
  view.setUint32(length - 4, (data.length * 8) >>> 0);
  const h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < length; off += 64) {
    for (let i = 0; i < 16; i += 1) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i += 1) {
      const a = w[i - 15] ?? 0;
      const b = w[i - 2] ?? 0;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[i] = ((w[i - 16] ?? 0) + s0 + (w[i - 7] ?? 0) + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = [
      h[0] ?? 0,
      h[1] ?? 0,
      h[2] ?? 0,
      h[3] ?? 0,
      h[4] ?? 0,
      h[5] ?? 0,
      h[6] ?? 0,
      h[7] ?? 0,
    ];
    for (let i = 0; i < 64; i += 1) {
      const t1 =
        (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + (K[i] ?? 0) + (w[i] ?? 0)) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    const add = [a, b, c, d, e, f, g, hh];
    for (let i = 0; i < 8; i += 1) h[i] = ((h[i] ?? 0) + (add[i] ?? 0)) >>> 0;
  }
  return Array.from(h, (x) => x.toString(16).padStart(8, "0")).join("");
}
