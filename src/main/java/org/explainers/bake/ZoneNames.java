package org.explainers.bake;

import freemarker.core.Environment;
import freemarker.core.TemplateDateFormat;
import freemarker.core.TemplateDateFormatFactory;
import freemarker.core.TemplateFormatUtil;
import freemarker.core.UnparsableValueException;
import freemarker.template.TemplateDateModel;
import freemarker.template.TemplateModelException;

import java.time.ZoneId;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The site's zone as readers know it (GMT, BST, CET, EST), for templates as
 * {@code ?string("@zone")}: its two short names, in US English's (British English's give New
 * York's as GMT-05:00), looked up once, on one thread, when the bake starts. The JDK's look-up of
 * a name, first made by two threads at once, sometimes gave "GMT+01:00" for "BST" (seen in CI;
 * four threads asking at once gave it in 2 of 25 runs), so a page could differ from build to build.
 */
final class ZoneNames extends TemplateDateFormatFactory {

    private final ZoneId zone;
    private final String standard;
    private final String daylight;

    ZoneNames(ZoneId zone) {
        this.zone = zone;
        TimeZone named = TimeZone.getTimeZone(zone);
        this.standard = named.getDisplayName(false, TimeZone.SHORT, Locale.US);
        this.daylight = named.getDisplayName(true, TimeZone.SHORT, Locale.US);
    }

    @Override
    public TemplateDateFormat get(String params, int dateType, Locale locale, TimeZone timeZone, boolean zonelessInput, Environment env) {
        return new TemplateDateFormat() {
            @Override
            public String formatToPlainText(TemplateDateModel date) throws TemplateModelException {
                return zone.getRules().isDaylightSavings(TemplateFormatUtil.getNonNullDate(date).toInstant()) ? daylight : standard;
            }

            @Override
            public Object parse(String s, int dateType) throws UnparsableValueException {
                throw new UnparsableValueException("a zone's name is not read back");
            }

            @Override
            public boolean isLocaleBound() {
                return false;
            }

            @Override
            public boolean isTimeZoneBound() {
                return true;
            }

            @Override
            public String getDescription() {
                return "the site's zone's short name";
            }
        };
    }
}
