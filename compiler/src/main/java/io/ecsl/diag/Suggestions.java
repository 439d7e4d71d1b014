package io.ecsl.diag;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean …?" for unknown names: the closest candidate by edit distance, if it is close enough. */
public final class Suggestions {
  private Suggestions() {}

  /** The best candidate, or null when none is plausibly what was meant. */
  public static String closest(String wrong, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String w = normalize(wrong);
    for (String candidate : candidates) {
      int d = distance(w, normalize(candidate));
      if (d < bestDistance || (d == bestDistance && best != null && candidate.compareTo(best) < 0)) {
        bestDistance = d;
        best = candidate;
      }
    }
    if (best == null) {
      return null;
    }
    int limit = Math.max(1, Math.min(3, (wrong.length() + 2) / 3));
    return bestDistance <= limit ? best : null;
  }

  /** A hint sentence, or null. */
  public static String didYouMean(String wrong, Collection<String> candidates) {
    String best = closest(wrong, candidates);
    return best == null ? null : "did you mean `" + best + "`?";
  }

  // Case and '_'/'-' differences cost nothing: `memoryReservation`, `memory_reservation`
  // and `memory-reservation` are the same word to a person.
  private static String normalize(String s) {
    return s.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
  }

  /** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
