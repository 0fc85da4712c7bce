import type { PiiDetector, PiiFindings } from './pii.types';

/** Cut point for oversize input: back off to whitespace (<= 256 chars) and never split a surrogate pair. */
export function cutPoint(text: string, max: number): number {
  for (let i = max; i > max - 256 && i > 0; i--) if (/\s/.test(text[i - 1])) return i;
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

/**
 * Runs `detectors` in order over `text`. Every detector sees the original text; a match that
 * overlaps a span claimed by an earlier detector is dropped, so nothing is masked twice. When a
 * detector's `validate` rejects a match the scan resumes one character later, so a shorter candidate
 * starting inside it is still found (built-in patterns anchor their start with a lookbehind, which
 * keeps this linear). Counts masked values per detector name into `findings`.
 */
export function scan(text: string, detectors: readonly PiiDetector[], findings: PiiFindings): string {
  let claimed: Uint8Array | null = null;
  const spans: { start: number; end: number; replacement: string }[] = [];
  for (const detector of detectors) {
    const re = detector.pattern;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const match = m[0];
      if (match.length === 0) {
        re.lastIndex++; // defensive: custom patterns that can match empty are refused at compile time
        continue;
      }
      const start = m.index;
      const end = start + match.length;
      if (claimed && claimed.subarray(start, end).includes(1)) continue;
      if (detector.validate && !detector.validate(match)) {
        re.lastIndex = start + 1; // a shorter candidate may start inside a rejected one
        continue;
      }
      claimed ??= new Uint8Array(text.length);
      claimed.fill(1, start, end);
      spans.push({ start, end, replacement: detector.mask(match) });
      findings[detector.name] = (findings[detector.name] ?? 0) + 1;
    }
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let pos = 0;
  for (const span of spans) {
    parts.push(text.slice(pos, span.start), span.replacement);
    pos = span.end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}
