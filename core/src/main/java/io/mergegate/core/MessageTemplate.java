package io.mergegate.core;

import java.util.Map;

/** Renders {@code {name}} placeholders; unknown names are left as they are. */
public final class MessageTemplate {

    private MessageTemplate() {
    }

    public static String render(String template, Map<String, ?> args) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{') {
                int close = template.indexOf('}', i + 1);
                if (close > i + 1) {
                    String name = template.substring(i + 1, close);
                    if (args.containsKey(name)) {
                        out.append(args.get(name));
                        i = close + 1;
                        continue;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
