package org.explainers.bake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A fingerprint of template data: maps, lists, strings, numbers, booleans, dates, in their order
 * (the model's maps keep the order they were made in, the same on every run). A text's HTML
 * counts by its body's key ({@link Html#key}), not by its bytes: it is most of a page's data,
 * and hashing it for every page that shows it was a fifth of a large bake.
 */
final class Digest {

    private final MessageDigest md;
    private final Shared shared;
    /** What is to be hashed, gathered first: one update of many bytes costs much less than many small ones. */
    private byte[] buf = new byte[1024];
    private int len;

    /**
     * Data that many pages hold (the site's settings, an explainer's card), whose fingerprint is
     * worked out once per bake and then stands for it: hashing the same card for every page of
     * a large site was most of a warm build.
     */
    static final class Shared {
        private final Map<Object, Boolean> marked = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
        private final Map<Object, byte[]> done = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

        /** Marks data as shared; it must not change afterwards. */
        <T> T mark(T data) {
            marked.put(data, Boolean.TRUE);
            return data;
        }

        private byte[] digest(Object data) {
            byte[] d = done.get(data);
            if (d == null) {
                Digest inner = new Digest("", this);
                inner.content(data);
                d = inner.digest();
                done.put(data, d);
            }
            return d;
        }
    }

    Digest(String seed) {
        this(seed, new Shared());
    }

    Digest(String seed, Shared shared) {
        this.shared = shared;
        md = org.explainers.content.Code.sha256();
        text(seed);
    }

    Digest add(Object value) {
        if (value != null && shared.marked.containsKey(value)) {
            put((byte) '#');
            put(shared.digest(value));
            return this;
        }
        content(value);
        return this;
    }

    private void content(Object value) {
        if (value == null) {
            put((byte) 'n');
        } else if (value instanceof String s) {
            put((byte) 's');
            text(s);
        } else if (value instanceof Html h) {
            put((byte) 'h');
            text(h.key());
        } else if (value instanceof Map<?, ?> m) {
            put((byte) '{');
            for (Map.Entry<?, ?> e : m.entrySet()) {
                text(e.getKey().toString());
                add(e.getValue());
            }
            put((byte) '}');
        } else if (value instanceof List<?> l) {
            put((byte) '[');
            for (Object o : l) {
                add(o);
            }
            put((byte) ']');
        } else if (value instanceof Date d) {
            put((byte) 'd');
            text(Long.toString(d.getTime()));
        } else if (value instanceof Number || value instanceof Boolean) {
            put((byte) 'v');
            text(value.toString());
        } else {
            throw new IllegalArgumentException("not template data: " + value.getClass().getName());
        }
    }

    private void text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        room(4);
        buf[len++] = (byte) (b.length >>> 24);
        buf[len++] = (byte) (b.length >>> 16);
        buf[len++] = (byte) (b.length >>> 8);
        buf[len++] = (byte) b.length;
        put(b);
    }

    private void put(byte b) {
        room(1);
        buf[len++] = b;
    }

    private void put(byte[] b) {
        room(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
    }

    private void room(int n) {
        if (len + n > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    private byte[] digest() {
        md.update(buf, 0, len);
        return md.digest();
    }

    String hex() {
        return HexFormat.of().formatHex(digest());
    }
}
