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

    /** Dashes a number may be written with (`0800–123–4567`), read as hyphens. */
    private static final String DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212";

    /**
     * The first number the text shows that is not the one {@code tel} dials, as written; null when
     * every number shown is that one, or none is. A text that is a number and nothing else is that
     * number, however short (`111`, `116 123`).
     */
    static String otherThan(String text, String tel) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        String dialled = tel.replaceFirst("^//", "");
        String written = text;
        for (char d : DASHES.toCharArray()) {
            written = written.replace(d, '-');
        }
        PhoneNumber target;
        try {
            target = util.parse(dialled.startsWith("+") ? "tel:" + dialled : dialled, "ZZ");
        } catch (NumberParseException e) {
            target = null; // a short code (tel:999): compared by its digits
        }
        if (written.matches("\\+?[0-9 ().\\-/\u00A0]*[0-9][0-9 ().\\-/\u00A0]*")) {
            return same(util, written, target, dialled) ? null : text.strip();
        }
        if (target == null) {
            return null; // a short code: only a text that is a number is one
        }
        String region = util.getRegionCodeForNumber(target);
        // At most 50 candidates looked at: a link's text is a few words; a pasted table of digits is not worth more.
        for (PhoneNumberMatch m : util.findNumbers(written, region == null ? "ZZ" : region, PhoneNumberUtil.Leniency.VALID, MAX_TRIES)) {
            if (!same(util, m.rawString(), target, dialled)) {
                return m.rawString();
            }
        }
        return null;
    }

    /**
     * Whether the number written is the one dialled: the same country code (or none written, in the
     * dialled number's region) and national number; an extension written (`, extension 2314`) is
     * asked for once the call is answered.
     */
    private static boolean same(PhoneNumberUtil util, String written, PhoneNumber target, String dialled) {
        if (target == null) {
            return written.replaceAll("[^0-9]", "").equals(dialled.replaceAll("[^0-9]", ""));
        }
        String region = util.getRegionCodeForNumber(target);
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
