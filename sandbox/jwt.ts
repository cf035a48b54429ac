/** A minimal HS256 JWT for the sandbox's id_token (the secret is random per run; clients cannot verify it). */
import { createHmac, timingSafeEqual } from "node:crypto";

const b64url = (buf: Buffer | string): string => Buffer.from(buf).toString("base64url");

export function signHs256(claims: Record<string, unknown>, secret: Buffer): string {
  const header = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = b64url(JSON.stringify(claims));
  const sig = createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${sig}`;
}

/** The claims of a token signed with `secret`, or null when the signature does not match. */
export function verifyHs256(token: string, secret: Buffer): Record<string, unknown> | null {
  const [header, payload, sig] = token.split(".");
  if (!header || !payload || !sig) return null;
  const expected = Buffer.from(createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url"));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
}

/** The claims of any JWT, without checking the signature (as a SMART client does with id_token). */
export function decodeJwt(token: string): Record<string, unknown> {
  const payload = token.split(".")[1];
  if (!payload) throw new Error("not a JWT");
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
}
