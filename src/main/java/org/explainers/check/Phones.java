package org.explainers.check;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Telephone numbers in a link's text, found and compared as Google's libphonenumber reads them,
 * in the region of the number dialled: `0800 123 4567` and `+44 (0)800 123 4567` dial
 * +44 800 123 4567, `030 / 20457-0` dials +49 30 204570; opening hours beside a number
 * (`8.00-20.00`) are no number. Hand-written rules refused the first two and let a free number
 * shown dial a premium one after any prefix (an editor's and an attacker's trials).
 */
final class Phones {

    private Phones() {
    }

    private static final long MAX_TRIES = 50;

    /** Dashes and dots a number may be written with (`0800–123–4567`, `0800·123·4567`, `0800_123_4567`), read as hyphens. */
    private static final String DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00B7\u2027\u2219\u22C5\u30FB_";

    /**
     * The first number the text shows that is not the one {@code tel} dials, as written; null when
     * every number shown is that one, or none is. A text that is a number and nothing else is that
     * number, however short (`111`, `116 123`).
     */
    static String otherThan(String text, String tel) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        String dialled = tel.replaceFirst("^//", "");
        StringBuilder hyphens = new StringBuilder(text.length());
        text.chars().forEach(c -> hyphens.append(DASHES.indexOf(c) >= 0 ? '-' : (char) c));
        String written = hyphens.toString();
        PhoneNumber target;
        try {
            target = util.parse(dialled.startsWith("+") ? "tel:" + dialled : dialled, "ZZ");
        } catch (NumberParseException e) {
            target = null; // a short code (tel:999): compared by its digits
        }
        String region = target == null ? null : util.getRegionCodeForNumber(target);
        if (numberAlone(written)) {
            return same(util, written, target, region, dialled) ? null : text.strip();
        }
        if (target == null) {
            // A short code (tel:999) or a national number (tel:020 7946 0000), whose country is not known: a run of three digits or
            // more in the text is a number, and must be the one dialled (`24 hours` is none; an attacker's trial: `Free helpline
            // 0800 123 4567` dialled tel:09098790000).
            String code = dialled.replaceAll("[^0-9]", "");
            java.util.regex.Matcher run = DIGITS.matcher(written);
            while (run.find()) {
                String digits = run.group().replaceAll("[^0-9]", "");
                if (digits.length() >= 3 && !digits.equals(code)) {
                    return run.group().strip();
                }
            }
            return null;
        }
        // At most 50 candidates looked at: a link's text is a few words; a pasted table of digits is not worth more.
        for (PhoneNumberMatch m : util.findNumbers(written, region == null ? "ZZ" : region, PhoneNumberUtil.Leniency.VALID, MAX_TRIES)) {
            if (!same(util, m.rawString(), target, region, dialled)) {
                return m.rawString();
            }
        }
        return null;
    }

    /** Digits with the separators between them people write. */
    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("[0-9](?:[ ().\\-/\u00A0]?[0-9])*");

    /** Whether the text is a number and nothing else: digits, a leading +, separators (one pass: a pattern backtracked on 50 KB). */
    private static boolean numberAlone(String written) {
        boolean digit = false;
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (" ().-/\u00A0".indexOf(c) < 0 && !(c == '+' && i == 0)) {
                return false;
            }
        }
        return digit;
    }

    /**
     * Whether the number written is the one dialled: the same country code (or none written, in the
     * dialled number's region) and national number; an extension written (`, extension 2314`) is
     * asked for once the call is answered.
     */
    private static boolean same(PhoneNumberUtil util, String written, PhoneNumber target, String region, String dialled) {
        if (target == null) {
            return written.replaceAll("[^0-9]", "").equals(dialled.replaceAll("[^0-9]", ""));
        }
        try {
            PhoneNumber shown = util.parse(written, region == null ? "ZZ" : region);
            return shown.getCountryCode() == target.getCountryCode() && shown.getNationalNumber() == target.getNationalNumber()
                    && shown.isItalianLeadingZero() == target.isItalianLeadingZero()
                    && (!target.hasExtension() || target.getExtension().equals(shown.getExtension()));
        } catch (NumberParseException e) {
            return false;
        }
    }
}
