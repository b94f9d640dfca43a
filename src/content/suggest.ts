import { closest, distance } from "fastest-levenshtein";

/**
 * The candidate an editor most likely meant, but only when it is near enough to be a
 * typo ("event" for "events", "/servics/" for "/services/"): suggesting "events" for
 * "dementia" sends the editor the wrong way.
 */
export function nearMatch(word: string, candidates: readonly string[]): string | undefined {
  if (!candidates.length) return undefined;
  const guess = closest(word, [...candidates]);
  return distance(word.toLowerCase(), guess.toLowerCase()) <= Math.max(2, Math.floor(guess.length / 3)) ? guess : undefined;
}
