package org.explainers.jbake;

import org.jbake.app.configuration.JBakeConfiguration;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Map;

/**
 * A bake's configuration as templates see it, read once. JBake rebuilds the {@code config}
 * map for every page it renders, walking every key of four layered configurations (system
 * properties included); the settings cannot change during a bake, so one copy serves all pages.
 */
public final class FrozenConfiguration {

    private FrozenConfiguration() {
    }

    public static JBakeConfiguration of(JBakeConfiguration config) {
        Map<String, Object> map = Collections.unmodifiableMap(config.asHashMap());
        return (JBakeConfiguration) Proxy.newProxyInstance(JBakeConfiguration.class.getClassLoader(),
                new Class<?>[]{JBakeConfiguration.class}, (proxy, method, args) -> {
                    if (method.getName().equals("asHashMap") && method.getParameterCount() == 0) {
                        return map;
                    }
                    try {
                        return method.invoke(config, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
