package dev.clipflow.local.runtime.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers over the plain maps and lists a template parses into. */
final class TemplateMaps {

    private TemplateMaps() {
    }

    static Map<?, ?> map(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }

    static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    static int integer(Object o, int fallback) {
        return o == null ? fallback : Integer.parseInt(String.valueOf(o));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> stringKeys(Object o) {
        Map<String, Object> out = new LinkedHashMap<>();
        map(o).forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /**
     * SAM's Globals merge: maps merge key by key (the resource wins), lists are appended to the global ones,
     * scalars of the resource replace the global ones.
     */
    static Object merge(Object global, Object local) {
        if (global instanceof Map<?, ?> g && local instanceof Map<?, ?> l) {
            Map<String, Object> out = stringKeys(g);
            l.forEach((k, v) -> out.merge(String.valueOf(k), v, TemplateMaps::merge));
            return out;
        }
        if (global instanceof List<?> g && local instanceof List<?> l) {
            List<Object> out = new ArrayList<>(g);
            out.addAll(l);
            return out;
        }
        return local == null ? global : local;
    }
}
