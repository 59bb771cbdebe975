package org.explainers.pipeline;

/**
 * JBake logs every file it crawls, and warns when an engine is registered over its own: the
 * build reports what matters itself, so JBake's loggers only speak of errors. Maven's logger
 * (and slf4j-simple's) reads these properties when a logger is made, so they are set before
 * any JBake class is loaded.
 */
final class Logs {

    private Logs() {
    }

    static void quiet() {
        System.setProperty("org.slf4j.simpleLogger.log.org.jbake", "error");
        System.setProperty("org.freemarker.loggerLibrary", "SLF4J");
        // JBake's configuration library logs through commons-logging: nothing of it is news to an editor.
        System.setProperty("org.apache.commons.logging.Log", "org.apache.commons.logging.impl.NoOpLog");
    }
}
