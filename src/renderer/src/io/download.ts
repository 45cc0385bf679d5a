/**
 * Hands a file to the user: the browser's download (web build; Electron routes it to a save dialog).
 * Data is created here and never read back, so this is the only place exports touch the outside.
 */
export function downloadFile(name: string, data: string | Blob, type = 'text/plain'): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}
