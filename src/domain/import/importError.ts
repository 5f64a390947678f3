/** A source the importer cannot use at all (not e-GP, no header, bad JSON): one message, Thai and English. */
export class ImportError extends Error {
  constructor(
    readonly code: string,
    readonly th: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'ImportError';
  }
}
