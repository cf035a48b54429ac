/**
 * The sandbox's id_token, signed as a real EHR signs it: RS256 with a key pair made when the sandbox starts,
 * its public half served as a JWKS at /auth/jwks (listed as `jwks_uri` in the SMART configuration), so that a
 * client can check the signature. The private key never leaves the process.
 */
import {
  createPublicKey,
  createSign,
  createVerify,
  generateKeyPairSync,
  createHash,
  type KeyObject,
} from "node:crypto";

const b64url = (buf: Buffer | string): string => Buffer.from(buf).toString("base64url");

export interface PublicJwk {
  kty: "RSA";
  n: string;
  e: string;
  kid: string;
  alg: "RS256";
  use: "sig";
}

export interface SigningKey {
  privateKey: KeyObject;
  /** The public key as served in the JWKS. */
  jwk: PublicJwk;
}

/** A fresh RSA key pair (2048 bits); its kid is the RFC 7638 thumbprint of the public key. */
export function newSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const exported = publicKey.export({ format: "jwk" });
  const n = String(exported.n);
  const e = String(exported.e);
  // RFC 7638: the required members in lexicographic order, no white space.
  const kid = createHash("sha256")
    .update(JSON.stringify({ e, kty: "RSA", n }))
    .digest("base64url");
  return { privateKey, jwk: { kty: "RSA", n, e, kid, alg: "RS256", use: "sig" } };
}

/** A JWT signed with RS256, its header naming the key (kid). */
export function signRs256(claims: Record<string, unknown>, key: SigningKey): string {
  const header = b64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid: key.jwk.kid }));
  const payload = b64url(JSON.stringify(claims));
  const sig = createSign("RSA-SHA256").update(`${header}.${payload}`).sign(key.privateKey).toString("base64url");
  return `${header}.${payload}.${sig}`;
}

/**
 * The claims of an RS256 token whose signature a key of `jwks` (matched by kid) verifies; null otherwise
 * (another algorithm, an unknown kid, a bad signature). Expiry and audience are the caller's to check.
 */
export function verifyRs256(token: string, jwks: { keys: readonly PublicJwk[] }): Record<string, unknown> | null {
  const [header, payload, sig] = token.split(".");
  if (!header || !payload || !sig) return null;
  let head: { alg?: unknown; kid?: unknown };
  try {
    head = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as { alg?: unknown; kid?: unknown };
  } catch {
    return null;
  }
  if (head.alg !== "RS256") return null;
  const jwk = jwks.keys.find((k) => k.kid === head.kid);
  if (!jwk) return null;
  const publicKey = createPublicKey({ key: { kty: jwk.kty, n: jwk.n, e: jwk.e }, format: "jwk" });
  const ok = createVerify("RSA-SHA256").update(`${header}.${payload}`).verify(publicKey, Buffer.from(sig, "base64url"));
  return ok ? (JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>) : null;
}

/** The claims of any JWT, without checking the signature. */
export function decodeJwt(token: string): Record<string, unknown> {
  const payload = token.split(".")[1];
  if (!payload) throw new Error("not a JWT");
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
}
