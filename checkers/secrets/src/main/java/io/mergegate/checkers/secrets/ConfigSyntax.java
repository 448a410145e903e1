package io.mergegate.checkers.secrets;

import java.util.Locale;

/** How a file writes an unquoted value: to the end of the line in config formats, up to a delimiter in code. */
enum ConfigSyntax {
    /** Source code and everything else: an unquoted value ends at whitespace, {@code ;} or {@code ,}. */
    CODE,
    /** {@code .properties}, INI: the value is the rest of the line, symbols included. */
    LINE,
    /** {@code .env}: the rest of the line less a {@code #} comment after whitespace. */
    DOTENV,
    /** YAML: a plain scalar runs to the end of the line (or a {@code #} comment) outside flow collections. */
    YAML;

    static ConfigSyntax of(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        String name = p.substring(p.lastIndexOf('/') + 1);
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            return YAML;
        }
        if (name.equals(".env") || name.startsWith(".env.") || name.endsWith(".env")) {
            return DOTENV;
        }
        if (name.endsWith(".properties") || name.endsWith(".ini") || name.endsWith(".cfg")
                || name.equals(".pypirc") || name.equals(".npmrc") || name.equals(".yarnrc")) {
            return LINE;
        }
        return CODE;
    }
}
