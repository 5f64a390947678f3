/**
 * The bytes of a file the officer picked, read in the browser. Blob.arrayBuffer where the webview
 * has it, FileReader otherwise (older webviews, and jsdom in the tests). Nothing leaves the computer.
 */

/** Files above this are for the command line, which streams them: the pane holds a file whole. */
export const MAX_PANE_FILE_BYTES = 100 * 1024 * 1024;

export function fileBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsArrayBuffer(file);
  });
}
