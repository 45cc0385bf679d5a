/** The command line that runs the same experiment headlessly (the CLI reads the saved file). */
import { exportBase, exportFileName } from './exportNames';

function shellQuote(s: string): string {
  return /^[\w./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}

/** The command for the experiment file Save writes; its --out is the name Export gives the results. */
export function cliCommand(fileName: string | null): string {
  const file = fileName ?? exportFileName('experiment', 'experiment');
  const out = exportFileName(exportBase(file, undefined), 'results');
  return `npm run -s relief -- run ${shellQuote(file)} --out ${shellQuote(out)}`;
}
