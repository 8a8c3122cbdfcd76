import { editDistance } from './rules/frontMatterHelpers';

const MAX_DISTANCE = 2;
/** Short keys are only near misses at distance 1: `tag` → `tags`, but not `icon` → `toc`. */
const SHORT_KEY = 4;

/**
 * The known key a key is probably a misspelling of, if any: the closest within two edits, case
 * ignored (one edit when either key is short). Profile detection and the unknown-key rule share it,
 * so a key that decides the profile is the key that rule reports.
 */
export function nearestKey(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = MAX_DISTANCE + 1;
  for (const candidate of known) {
    const limit = Math.min(key.length, candidate.length) <= SHORT_KEY ? 1 : MAX_DISTANCE;
    const distance = editDistance(lower, candidate.toLowerCase(), limit);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
