/**
 * Output to a reader that went away (`ita-forms check x.xlsx | head -1`): the rest of the report
 * has nobody to read it, which is not a failure. The first EPIPE marks the stream closed; later
 * writes go nowhere, and the command ends with its own exit status, without a stack trace.
 */
export function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  let closed = false;
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || closed) {
      closed = true;
      return;
    }
    throw e;
  });
  stream.write = ((chunk: unknown, ...rest: unknown[]) => (closed ? true : write(chunk, ...rest))) as typeof stream.write;
}
