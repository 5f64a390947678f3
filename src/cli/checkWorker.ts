/**
 * The worker of `check` over many files (bundled as dist/checkWorker.js; piscina runs it on
 * every core). One task = one file; the options cross as plain data.
 */
import { checkFile, type CheckFileOptions, type FileResult } from './checkFile';

export interface CheckTask {
  readonly file: string;
  readonly options: CheckFileOptions;
}

export default function checkTask(task: CheckTask): Promise<FileResult> {
  return checkFile(task.file, task.options);
}
