package io.mergegate.checkers.openapi;

/**
 * A node together with the file it sits in and its JSON pointer in that file.
 *
 * @param file    repository-relative path of the document
 * @param pointer JSON pointer inside that document ("" for the root)
 * @param node    the node, or null when the pointer names something absent
 */
record Located(String file, String pointer, SpecNode node) {

    Located child(String key) {
        SpecNode n = node == null ? null : node.get(key);
        return new Located(file, pointer + "/" + escape(key), n);
    }

    Located item(int index) {
        SpecNode n = node != null && node.isList() && index < node.items().size() ? node.items().get(index) : null;
        return new Located(file, pointer + "/" + index, n);
    }

    int line() {
        return node == null ? 0 : node.line();
    }

    int column() {
        return node == null ? 0 : node.column();
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }
}
