// The proof-of-work solver ("Checking your browser…"): protocol.md, "Safety
// messages on the WebSocket", message `challenge`.
//
// The server picks a secret number n ≤ maxnumber and sends SHA-256(salt + n)
// as hex; the browser finds n by trying 0, 1, 2, … and sends it back with the
// server's signature. It costs a person a second or two once, and a bot farm
// the same for every device it fakes. This module never talks to the network
// and never touches the page: callers show progress through onProgress.

// Hashes started at once. crypto.subtle.digest is asynchronous, so a batch
// runs in parallel; between batches we yield to the event loop so the page
// keeps answering clicks and key presses while the search runs.
const BATCH = 2000;

// What a challenge without a usable maxnumber is searched up to.
const DEFAULT_MAX = 1_000_000;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function toHex(buffer) {
  const bytes = new Uint8Array(buffer);
  let out = "";
  for (const byte of bytes) out += HEX[byte];
  return out;
}

// ---- SHA-256 in plain JavaScript ------------------------------------------
// crypto.subtle only exists in a secure context (HTTPS, or localhost). A
// server reached over plain HTTP on a LAN address still needs its visitors
// to pass the check, so this fallback computes the same digest by hand.

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const H0 = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

const ror = (x, n) => (x >>> n) | (x << (32 - n));

/** SHA-256 of the UTF-8 bytes of text, as lower-case hex (synchronous). */
export function sha256Hex(text) {
  const bytes = new TextEncoder().encode(text);
  const total = Math.ceil((bytes.length + 9) / 64) * 64;
  const buf = new Uint8Array(total);
  buf.set(bytes);
  buf[bytes.length] = 0x80;
  const view = new DataView(buf.buffer);
  const bits = bytes.length * 8;
  view.setUint32(total - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(total - 4, bits >>> 0);
  const h = new Uint32Array(H0);
  const w = new Uint32Array(64);
  for (let off = 0; off < total; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15];
      const b = w[i - 2];
      const s0 = ror(a, 7) ^ ror(a, 18) ^ (a >>> 3);
      const s1 = ror(b, 17) ^ ror(b, 19) ^ (b >>> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    let [a, b, c, d, e, f, g, k] = h;
    for (let i = 0; i < 64; i++) {
      const t1 = (k + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
      const t2 = ((ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      k = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += k;
  }
  return Array.from(h, (x) => x.toString(16).padStart(8, "0")).join("");
}

// ---- the search -------------------------------------------------------------

function digester() {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return async (text) => sha256Hex(text);
  const encoder = new TextEncoder();
  return async (text) => toHex(await subtle.digest("SHA-256", encoder.encode(text)));
}

/** Let the browser paint and handle input before the next batch. */
function yieldToEventLoop() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** base64 of UTF-8 text (btoa alone throws on anything past Latin-1). */
function base64(text) {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The `solve` payload for a challenge and the number that solves it. */
export function payloadFor(challenge, number) {
  const { algorithm, salt, signature } = challenge;
  const fields = {
    algorithm: algorithm ?? "SHA-256",
    challenge: challenge.challenge,
    number,
    salt,
    signature,
  };
  return base64(JSON.stringify(fields));
}

/**
 * Find the number behind a challenge.
 *
 * @param {{algorithm?: string, challenge: string, salt: string, maxnumber?: number,
 *          signature?: string}} challenge  as the server sent it
 * @param {{onProgress?: (fraction: number) => void, signal?: AbortSignal}} options
 * @returns {Promise<{number: number, payload: string} | null>}  null if no
 *   number up to maxnumber matches (the challenge was bad)
 */
export async function solveChallenge(challenge, { onProgress, signal } = {}) {
  const algorithm = String(challenge?.algorithm ?? "SHA-256").toUpperCase();
  if (algorithm !== "SHA-256") throw new Error(`unsupported algorithm ${algorithm}`);
  const target = String(challenge.challenge ?? "").toLowerCase();
  const salt = String(challenge.salt ?? "");
  const max =
    Number.isInteger(challenge.maxnumber) && challenge.maxnumber >= 0
      ? challenge.maxnumber
      : DEFAULT_MAX;
  const digest = digester();
  onProgress?.(0);
  for (let first = 0; first <= max; first += BATCH) {
    signal?.throwIfAborted();
    const last = Math.min(max, first + BATCH - 1);
    const pending = [];
    for (let n = first; n <= last; n++) pending.push(digest(salt + n));
    const found = (await Promise.all(pending)).indexOf(target);
    if (found >= 0) {
      onProgress?.(1);
      const number = first + found;
      return { number, payload: payloadFor(challenge, number) };
    }
    onProgress?.(max === 0 ? 1 : last / max);
    await yieldToEventLoop();
  }
  return null;
}
