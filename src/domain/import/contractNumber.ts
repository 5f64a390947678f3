/**
 * เลขที่สัญญา in one comparable form. The same contract is written "ซ 1/2567" in an e-GP export
 * and "ซ.1/๒๕๖๗" or "ซ1/2567" in a สขร.1 sheet typed by hand: Thai digits, spacing and the case of
 * Latin letters say nothing about which contract it is.
 */
import { toArabicDigits } from '../values/thaiDigits';

/** The contract number with Arabic digits, no whitespace, lower case; '' when there is none. */
export function compactContractNumber(text: string | undefined): string {
  if (!text) return '';
  return toArabicDigits(text).replace(/\s+/g, '').toLowerCase();
}
