/**
 * Drag-and-drop of experiment files anywhere on the page. Every drop is intercepted: left alone, a
 * dropped file would make the window navigate to it (in Electron, loading local content as a page).
 */
export function installDropTarget(onFile: (file: File) => void): () => void {
  const over = (e: DragEvent) => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    const file = e.dataTransfer?.files[0];
    if (file) onFile(file);
  };
  window.addEventListener('dragover', over);
  window.addEventListener('drop', drop);
  return () => {
    window.removeEventListener('dragover', over);
    window.removeEventListener('drop', drop);
  };
}
