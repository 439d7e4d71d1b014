package io.ecsl.testing;

import java.util.ArrayList;
import java.util.List;

/** A small line diff for test failure messages (longest common subsequence, context of 2 lines). */
final class Diff {
  private Diff() {}

  static String unified(String expected, String actual) {
    String[] a = expected.split("\n", -1);
    String[] b = actual.split("\n", -1);
    int[][] lcs = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> lines = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        lines.add("  " + a[i]);
        i++;
        j++;
      } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
        lines.add("+ " + b[j++]);
      } else {
        lines.add("- " + a[i++]);
      }
    }
    StringBuilder out = new StringBuilder();
    int shown = 0;
    for (int k = 0; k < lines.size() && shown < 80; k++) {
      boolean near = false;
      for (int d = -2; d <= 2; d++) {
        int n = k + d;
        near |= n >= 0 && n < lines.size() && !lines.get(n).startsWith("  ");
      }
      if (near) {
        out.append(lines.get(k)).append('\n');
        shown++;
      }
    }
    return out.toString();
  }
}
