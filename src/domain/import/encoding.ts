/**
 * Which encoding a Thai text file is in, and its bytes decoded as a stream. Files come as UTF-8
 * (with or without a BOM: e-GP downloads, Excel "CSV UTF-8") or as Windows-874 / TIS-620 (Excel
 * "CSV" on a Thai Windows). A byte sequence that is not valid UTF-8 but has bytes in TIS-620's
 * Thai range is Windows-874.
 *
 * Decoding uses the standard (WHATWG) TextDecoder global; a caller whose runtime lacks
 * 'windows-874' (one built without full ICU) passes its own decoder factory.
 */

export type TextEncodingName = 'utf-8' | 'windows-874' | 'utf-16le' | 'utf-16be';

export interface Detection {
  readonly encoding: TextEncodingName;
  /** The bytes start with a UTF-8 byte order mark. */
  readonly bom: boolean;
}

/** Decodes a byte stream piecewise: a multi-byte character cut between chunks comes out whole. */
export interface ChunkDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

export type DecoderFactory = (encoding: TextEncodingName) => ChunkDecoder;

/** TextDecoder as a ChunkDecoder. Throws RangeError when the runtime does not know the encoding. */
export function textDecoderFactory(encoding: TextEncodingName): ChunkDecoder {
  const d = new TextDecoder(encoding);
  return {
    write: (bytes) => d.decode(bytes, { stream: true }),
    end: () => d.decode(),
  };
}

/** TIS-620 puts Thai letters, vowels, tone marks and digits in 0xA1–0xFB. */
function isThaiByte(b: number): boolean {
  return b >= 0xa1 && b <= 0xfb;
}

/** utf8CharAt: the bytes up to the end given are a right start of a character the end cuts. */
const CUT = -1;

/**
 * The UTF-8 character at bytes[i] (i < end): its length in bytes when whole and valid, 0 when it
 * is not valid UTF-8 (no overlong forms, no surrogates), CUT when `end` cuts a right start.
 */
function utf8CharAt(bytes: Uint8Array, i: number, end: number): number {
  const b = bytes[i];
  if (b < 0x80) return 1;
  let need: number;
  let min = 0x80;
  let max = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) need = 1;
  else if (b >= 0xe0 && b <= 0xef) {
    need = 2;
    if (b === 0xe0) min = 0xa0;
    if (b === 0xed) max = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    need = 3;
    if (b === 0xf0) min = 0x90;
    if (b === 0xf4) max = 0x8f;
  } else return 0;
  for (let k = 1; k <= need; k++) {
    if (i + k >= end) return CUT;
    const c = bytes[i + k];
    if (k === 1 ? c < min || c > max : c < 0x80 || c > 0xbf) return 0;
  }
  return need + 1;
}

/**
 * True when bytes[from..] is valid UTF-8. A sequence cut off by the end of the sample is accepted
 * unless the sample is the whole input (`complete`): at a chunk boundary only the bytes present
 * can be judged.
 */
function isValidUtf8(bytes: Uint8Array, from: number, complete: boolean): boolean {
  for (let i = from; i < bytes.length; ) {
    const n = utf8CharAt(bytes, i, bytes.length);
    if (n === 0) return false;
    if (n === CUT) return !complete;
    i += n;
  }
  return true;
}

/**
 * The encoding of a sample of a file's bytes. `complete` says the sample is the whole file (so a
 * multi-byte character cut at its end is an error, not a chunk boundary).
 */
export function detectEncoding(sample: Uint8Array, complete = false): Detection {
  if (sample.length >= 3 && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  const utf16 = detectUtf16(sample);
  if (utf16) return utf16;
  let first = 0;
  while (first < sample.length && sample[first] < 0x80) first++;
  if (first === sample.length || isValidUtf8(sample, first, complete)) return { encoding: 'utf-8', bom: false };
  for (let i = first; i < sample.length; i++) if (isThaiByte(sample[i])) return { encoding: 'windows-874', bom: false };
  // Not UTF-8 and nothing Thai: decode as UTF-8 so the damage shows as replacement characters.
  return { encoding: 'utf-8', bom: false };
}

/**
 * UTF-16 (Excel's "Unicode text"): by its byte order mark, else by the zero bytes every ASCII
 * character has in it (one in two, on the even or the odd bytes) and no text file otherwise has.
 */
export function detectUtf16(sample: Uint8Array): Detection | undefined {
  if (sample.length >= 2 && sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (sample.length >= 2 && sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const pairs = Math.min(sample.length >> 1, 4096);
  if (pairs < 2) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i++) {
    if (sample[2 * i] === 0) evenZero++;
    if (sample[2 * i + 1] === 0) oddZero++;
  }
  if (oddZero >= pairs * 0.3 && evenZero < pairs * 0.05) return { encoding: 'utf-16le', bom: false };
  if (evenZero >= pairs * 0.3 && oddZero < pairs * 0.05) return { encoding: 'utf-16be', bom: false };
  return undefined;
}

function hasHighByte(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

export interface DecodeOptions {
  /** Force an encoding instead of detecting it. */
  readonly encoding?: TextEncodingName;
  readonly decoderFor?: DecoderFactory;
  /** Told the encoding once it is known (at the first non-ASCII chunk, or at the end). */
  readonly onDetect?: (d: Detection) => void;
}

/**
 * Where a UTF-8 character cut by the end of `bytes` starts (bytes.length when none is cut): the
 * sample is judged on whole characters only.
 */
export function cutCharacterStart(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let i = n - 1; i >= 0 && i >= n - 3; i--) {
    const b = bytes[i];
    if (b < 0x80) return n;
    if (b >= 0xc0) {
      const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return i + len > n ? i : n;
    }
  }
  return n;
}

/**
 * The encoding of a streamed sample, decided on whole characters: undefined while its only
 * non-ASCII bytes are a character cut by the sample's end (a chunk edge), which could be the
 * start of a UTF-8 character or Windows-874 letters alike.
 */
function detectOnWholeCharacters(sample: Uint8Array): Detection | undefined {
  // UTF-16 is told by its zero bytes, whole characters or not.
  const utf16 = detectUtf16(sample);
  if (utf16) return utf16;
  const cut = cutCharacterStart(sample);
  let first = 0;
  while (first < cut && sample[first] < 0x80) first++;
  if (first === cut) return undefined;
  return detectEncoding(sample.subarray(0, cut), true);
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Decodes a byte stream to text chunks. The encoding is decided at the first chunk holding a whole
 * non-ASCII character: the ASCII before it reads the same in both encodings, so nothing is
 * buffered but a character cut by a chunk edge, held until the next chunk completes it.
 */
export async function* decodeByteChunks(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, opts: DecodeOptions = {}): AsyncGenerator<string> {
  const factory = opts.decoderFor ?? textDecoderFactory;
  let decoder: ChunkDecoder | undefined;
  // ASCII reads alike in every encoding: decoded before the encoding is decided.
  let ascii: ChunkDecoder | undefined;
  for await (const chunk of detectedChunks(chunks, opts)) {
    const s = chunk.encoding === undefined ? (ascii ??= factory('utf-8')).write(chunk.bytes) : (decoder ??= factory(chunk.encoding)).write(chunk.bytes);
    if (s) yield s;
  }
  const tail = decoder?.end();
  if (tail) yield tail;
}

/** A whole small file (JSON) decoded at once; a leading BOM is dropped. */
export function decodeBytes(bytes: Uint8Array, opts: Omit<DecodeOptions, 'onDetect'> = {}): { text: string; detection: Detection } {
  const detection = opts.encoding ? { encoding: opts.encoding, bom: false } : detectEncoding(bytes, true);
  const d = (opts.decoderFor ?? textDecoderFactory)(detection.encoding);
  let text = d.write(bytes) + d.end();
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, detection };
}

/** A chunk of a byte stream, with the encoding decided so far (undefined: only ASCII yet, which reads alike in all). */
export interface DetectedChunk {
  readonly bytes: Uint8Array;
  readonly encoding: TextEncodingName | undefined;
}

/**
 * The byte chunks again, each with the file's encoding, decided as `decodeByteChunks` decides it
 * (on whole characters, at the first chunk holding one that is not ASCII). For readers that decode
 * only some of the bytes (csvBytes.ts): a chunk whose only non-ASCII bytes are a character cut by
 * its end is held until the next one completes it.
 */
export async function* detectedChunks(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, opts: Omit<DecodeOptions, 'decoderFor'> = {}): AsyncGenerator<DetectedChunk> {
  let encoding = opts.encoding;
  let pending: Uint8Array | undefined;
  if (encoding) opts.onDetect?.({ encoding, bom: false });
  for await (const next of chunks) {
    let chunk = next;
    if (!encoding) {
      if (pending) {
        chunk = concatBytes(pending, chunk);
        pending = undefined;
      }
      if (!hasHighByte(chunk) && !detectUtf16(chunk)) {
        yield { bytes: chunk, encoding: undefined };
        continue;
      }
      const d = detectOnWholeCharacters(chunk);
      if (!d) {
        pending = chunk;
        continue;
      }
      opts.onDetect?.(d);
      encoding = d.encoding;
    }
    yield { bytes: chunk, encoding };
  }
  if (!encoding && pending) {
    const d = detectEncoding(pending, true);
    opts.onDetect?.(d);
    encoding = d.encoding;
    yield { bytes: pending, encoding };
  }
  if (!encoding) opts.onDetect?.({ encoding: 'utf-8', bom: false });
}

/**
 * Index of the first byte of bytes[from, to) that is not part of a valid UTF-8 character (or that
 * starts a U+FFFD, a character an earlier decoding already lost), -1 when none. A character cut
 * by `to` is invalid.
 */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0, to = bytes.length): number {
  for (let i = from; i < to; ) {
    const n = utf8CharAt(bytes, i, to);
    if (n <= 0) return i;
    if (n === 3 && bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) return i;
    i += n;
  }
  return -1;
}
