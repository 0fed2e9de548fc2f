// The masking rule of `sluice convert --mask`: alice@example.com -> a***@example.com, else ***.
export function mask(value) {
  if (value === undefined || value === null || value === '') return value;
  const at = value.lastIndexOf('@');
  if (at < 0) return '***';
  const first = at === 0 ? '' : String.fromCodePoint(value.codePointAt(0));
  return first + '***' + value.slice(at);
}
