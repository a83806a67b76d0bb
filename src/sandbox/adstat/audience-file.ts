/**
 * Incremental check of a phone-number audience file, fed chunk by chunk as it streams in.
 * Entries are separated by commas or line breaks; whitespace (and CR) around an entry is ignored,
 * and so are empty entries. An entry is either an Uzbek number in international format (digits
 * only: 998 and 9 more digits) or a SHA-256 hash (64 hex characters). Entries are counted as sent,
 * duplicates included. The first bad entry is remembered with its line number and ends the check.
 */
const SHA256 = /^[0-9a-f]{64}$/i;
/** Longer than any valid entry: stop carrying text that can no longer become one. */
const MAX_ENTRY = 128;

export class AudienceFileScanner {
  count = 0;
  error: string | undefined;
  private line = 1;
  private carry = '';

  push(text: string): void {
    if (this.error !== undefined || text === '') return;
    const s = this.carry + text;
    let start = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 44 /* , */ || c === 10 /* \n */) {
        this.entry(s.slice(start, i));
        if (this.error !== undefined) return;
        if (c === 10) this.line += 1;
        start = i + 1;
      }
    }
    this.carry = s.slice(start).trimStart();
    if (this.carry.length > MAX_ENTRY) this.entry(this.carry);
  }

  end(): void {
    if (this.error === undefined) this.entry(this.carry);
    this.carry = '';
  }

  private entry(raw: string): void {
    const value = raw.trim(); // also drops CR and a leading BOM
    if (value === '') return;
    const problem = check(value);
    if (problem) {
      const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
      this.error = `Line ${this.line}: "${shown}" ${problem}`;
      return;
    }
    this.count += 1;
  }
}

function check(value: string): string | undefined {
  if (SHA256.test(value)) return undefined;
  if (!/^\d+$/.test(value)) {
    return 'is not a phone number or a SHA-256 hash: phone numbers must contain digits only, without plus signs or other symbols';
  }
  if (!value.startsWith('998')) return 'is not in international format: numbers must start with 998 (Uzbekistan)';
  if (value.length !== 12) return 'has the wrong length: a number must be 998 followed by 9 digits';
  return undefined;
}
