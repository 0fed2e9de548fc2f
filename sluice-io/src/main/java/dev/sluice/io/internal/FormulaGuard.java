package dev.sluice.io.internal;

/**
 * Defuses spreadsheet formula injection (CWE-1236): a cell starting with =, +, -, @, tab or CR gets
 * a leading {@code '}, except a plain number such as {@code -2} or {@code +1.5e3}.
 */
public final class FormulaGuard {
  private FormulaGuard() {}

  /** {@code cell}, guarded if it could run as a formula. */
  public static String guard(String cell) {
    if (cell.isEmpty()) {
      return cell;
    }
    char c = cell.charAt(0);
    boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    if (!risky || ((c == '+' || c == '-') && isPlainNumber(cell))) {
      return cell;
    }
    return "'" + cell;
  }

  /** Whether {@code s} is a decimal number: sign, digits, optional fraction and exponent. */
  static boolean isPlainNumber(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exp = 0;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
        exp++;
      }
      if (exp == 0) {
        return false;
      }
    }
    return i == n;
  }
}
