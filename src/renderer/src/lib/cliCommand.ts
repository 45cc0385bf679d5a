/** The command line that runs the same experiment headlessly (the CLI reads the saved file). */
function shellQuote(s: string): string {
  return /^[\w./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}

export function cliCommand(fileName: string | null): string {
  const file = fileName ?? 'experiment.relief.json';
  const out = file.replace(/(\.relief)?\.json$/, '') + '.result.json';
  return `npm run -s relief -- run ${shellQuote(file)} --out ${shellQuote(out)}`;
}
