/**
 * A similarity fingerprint of a body: 64-bit simhash over 4-character shingles of its letters and
 * digits, as two 32-bit halves written as 16 hex digits. Near-identical texts (the same article from
 * two portals) differ in a few bits; unrelated texts in about 32.
 */

/** Characters per shingle. */
const SHINGLE = 4;

/** murmur3's fmix32: spreads a shingle's key over all 32 bits. */
function mix(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * The characters simhash reads, as UTF-16 codes: CJK ideographs, letters and digits (full-width ones
 * as half-width, Latin letters in lower case); spaces, punctuation and markup leftovers are skipped,
 * so re-spacing and re-punctuating a copy changes nothing.
 */
export function fingerprintCodes(text: string): Uint16Array {
  const codes = new Uint16Array(text.length);
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xff10 && code <= 0xff5a) code -= 0xfee0;
    if (code >= 0x41 && code <= 0x5a) code += 32;
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x3400 && code <= 0x4dbf)) codes[length++] = code;
  }
  return codes.subarray(0, length);
}

export function simhash(codes: Uint16Array): string {
  // Per byte of the two hashes, how often each value came: 8 increments a shingle instead of 64 (summed per bit at the end).
  const counts = new Uint32Array(8 * 256);
  const length = codes.length;
  const count = Math.max(1, length - SHINGLE + 1);
  // A shingle reaching past the end reads 0 (only when there are fewer than SHINGLE codes).
  let second = length > 0 ? codes[0] : 0;
  let third = length > 1 ? codes[1] : 0;
  let fourth = length > 2 ? codes[2] : 0;
  for (let i = 0; i < count; i++) {
    const first = second;
    second = third;
    third = fourth;
    fourth = i + 3 < length ? codes[i + 3] : 0;
    const key = Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca77) ^ Math.imul(third, 0xc2b2ae3d) ^ Math.imul(fourth, 0x27d4eb2f);
    const low = mix(key);
    const high = mix(key ^ 0x5bd1e995);
    counts[low & 255]++;
    counts[256 | ((low >>> 8) & 255)]++;
    counts[512 | ((low >>> 16) & 255)]++;
    counts[768 | (low >>> 24)]++;
    counts[1024 | (high & 255)]++;
    counts[1280 | ((high >>> 8) & 255)]++;
    counts[1536 | ((high >>> 16) & 255)]++;
    counts[1792 | (high >>> 24)]++;
  }
  const weights = new Float64Array(64);
  for (let byte = 0; byte < 8; byte++) {
    for (let value = 0; value < 256; value++) {
      const seen = counts[byte * 256 + value];
      if (seen === 0) continue;
      for (let bit = 0; bit < 8; bit++) weights[byte * 8 + bit] += (value >>> bit) & 1 ? seen : -seen;
    }
  }
  let low = 0;
  let high = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (weights[bit] > 0) low |= 1 << bit;
    if (weights[32 + bit] > 0) high |= 1 << bit;
  }
  return hex(high) + hex(low);
}

function hex(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

function popcount(value: number): number {
  value -= (value >>> 1) & 0x55555555;
  value = (value & 0x33333333) + ((value >>> 2) & 0x33333333);
  return (Math.imul((value + (value >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Bits in which two fingerprints differ (0–64). */
export function hammingDistance(a: string, b: string): number {
  return popcount(parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) + popcount(parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16));
}
