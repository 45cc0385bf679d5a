/**
 * Quoting user input in a message: at most `max` characters of it. A file may hold a 10 MB run name or
 * preset name; an error message echoes the start of it and says how long it was.
 */
export function clip(text: string, max = 100): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}
