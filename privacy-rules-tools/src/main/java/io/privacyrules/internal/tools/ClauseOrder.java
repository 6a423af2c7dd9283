package io.privacyrules.internal.tools;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Orders clause references as a policy prints them: I before II before X; I.2 before I.10; I.1 before I.1(1). */
final class ClauseOrder implements Comparator<String> {
    static final ClauseOrder INSTANCE = new ClauseOrder();
    private static final Pattern TOKEN = Pattern.compile("Art\\. ([0-9]+)|([IVXLC]+)|([0-9]+)|([a-z]+)");

    private ClauseOrder() {
    }

    @Override
    public int compare(String a, String b) {
        List<Object> x = tokens(a);
        List<Object> y = tokens(b);
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            Object p = x.get(i);
            Object q = y.get(i);
            int c = p instanceof Integer pi && q instanceof Integer qi ? Integer.compare(pi, qi)
                    : p instanceof Integer ? -1 : q instanceof Integer ? 1 : ((String) p).compareTo((String) q);
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(x.size(), y.size());
        return c != 0 ? c : a.compareTo(b);
    }

    private static List<Object> tokens(String clause) {
        List<Object> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(clause);
        boolean first = true;
        while (m.find()) {
            if (m.group(1) != null) {
                out.add(10_000 + Integer.parseInt(m.group(1)));
            } else if (m.group(2) != null && first) {
                out.add(roman(m.group(2)));
            } else if (m.group(3) != null) {
                out.add(Integer.parseInt(m.group(3)));
            } else {
                String t = m.group(2) != null ? m.group(2) : m.group(4);
                out.add(t);
            }
            first = false;
        }
        return out;
    }

    private static int roman(String s) {
        int total = 0;
        int prev = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            int v = switch (s.charAt(i)) {
                case 'I' -> 1;
                case 'V' -> 5;
                case 'X' -> 10;
                case 'L' -> 50;
                default -> 100;
            };
            total += v < prev ? -v : v;
            prev = Math.max(prev, v);
        }
        return total;
    }
}
