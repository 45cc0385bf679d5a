/**
 * The browser's "cannot open this file" message: a modal <dialog> listing each problem with its JSON
 * path, built with DOM text nodes (never innerHTML: the file's content is untrusted). Electron shows a
 * native dialog from the main process instead.
 */
import type { FileProblem } from './types';

export function problemSummary(name: string): string {
  return `Cannot open ${name}: it is not a valid Relief experiment.`;
}

export function showProblemDialog(name: string, problems: readonly FileProblem[]): void {
  const dialog = document.createElement('dialog');
  dialog.className = 'relief-problem-dialog';
  dialog.setAttribute('role', 'alertdialog');
  // Inline styles: this dialog must look right whatever stylesheet the UI has.
  Object.assign(dialog.style, {
    maxWidth: '36rem',
    padding: '1rem 1.25rem',
    border: '1px solid #c0392b',
    borderRadius: '8px',
    font: '14px/1.45 system-ui, sans-serif',
  });
  const title = document.createElement('p');
  title.textContent = problemSummary(name);
  const list = document.createElement('ul');
  for (const p of problems.slice(0, 20)) {
    const item = document.createElement('li');
    const field = document.createElement('code');
    field.textContent = p.path || '(whole file)';
    item.append(field, `: ${p.message}`);
    list.append(item);
  }
  const note = document.createElement('p');
  note.textContent = 'The file was not changed.';
  const ok = document.createElement('button');
  ok.textContent = 'OK';
  ok.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  dialog.append(title, list, note, ok);
  document.body.append(dialog);
  dialog.showModal();
}
