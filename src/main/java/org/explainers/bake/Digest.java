package org.explainers.bake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A fingerprint of template data: maps, lists, strings, numbers, booleans, dates, in their order.
 * A text's HTML counts by the fingerprint it was made with (see {@link Model#fingerprints}), not
 * by its bytes: it is most of a page's data, and hashing it again for every page that shows it
 * was a fifth of a large bake.
 */
final class Digest {

    private final MessageDigest md;
    private final java.util.Map<String, String> known;

    Digest(String seed, java.util.Map<String, String> known) {
        this.known = known;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        text(seed);
    }

    Digest add(Object value) {
        if (value == null) {
            md.update((byte) 'n');
        } else if (value instanceof String s) {
            String key = known.get(s);
            md.update((byte) (key == null ? 's' : 'k'));
            text(key == null ? s : key);
        } else if (value instanceof Map<?, ?> m) {
            md.update((byte) '{');
            // By key: a map's own order may change from one run to the next (Map.of's does).
            java.util.TreeMap<String, Object> sorted = new java.util.TreeMap<>();
            m.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                text(e.getKey());
                add(e.getValue());
            }
            md.update((byte) '}');
        } else if (value instanceof List<?> l) {
            md.update((byte) '[');
            for (Object o : l) {
                add(o);
            }
            md.update((byte) ']');
        } else if (value instanceof Date d) {
            md.update((byte) 'd');
            text(Long.toString(d.getTime()));
        } else if (value instanceof Number || value instanceof Boolean) {
            md.update((byte) 'v');
            text(value.toString());
        } else {
            throw new IllegalArgumentException("not template data: " + value.getClass().getName());
        }
        return this;
    }

    private void text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update(new byte[]{(byte) (b.length >>> 24), (byte) (b.length >>> 16), (byte) (b.length >>> 8), (byte) b.length});
        md.update(b);
    }

    String hex() {
        return HexFormat.of().formatHex(md.digest());
    }
}
