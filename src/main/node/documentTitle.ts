/** The window title: file name, an unsaved marker, the app. */
export function documentTitle(name: string, dirty: boolean): string {
  return `${name}${dirty ? ' •' : ''} — Relief`;
}
