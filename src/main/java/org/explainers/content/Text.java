package org.explainers.content;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;

/** Small text helpers shared by the checker and the engine. */
public final class Text {

    private Text() {
    }

    /** Lowercase ASCII slug: "Ukraine’s Stance" becomes "ukraines-stance". */
    public static String slugify(String s) {
        String ascii = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("['’]", "")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** " (did you mean `x`?)"-style hint, or "" when nothing is close. */
    public static String didYouMean(String word, Collection<String> known) {
        String best = closest(word, known);
        return best == null ? "" : "; did you mean `" + best + "`?";
    }

    /** The known word nearest to {@code word} (case-insensitive, edit distance), or null if none is near. */
    public static String closest(String word, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String w = word.toLowerCase(Locale.ROOT);
        for (String k : known) {
            int d = distance(w, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance || d == bestDistance && best != null && k.compareTo(best) < 0) {
                best = k;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, w.length() / 3);
        boolean prefix = best != null && (best.startsWith(w) || w.startsWith(best)) && Math.min(w.length(), best.length()) >= 3;
        return best != null && (bestDistance <= allowed || prefix) ? best : null;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
