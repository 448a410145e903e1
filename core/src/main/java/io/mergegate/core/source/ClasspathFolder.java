package io.mergegate.core.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The files below a class-path folder, whether it is a directory (tests, IDEs) or a folder inside a
 * jar (the shaded CLI), where listing resources is otherwise awkward.
 */
public final class ClasspathFolder {

    private ClasspathFolder() {
    }

    /** Every file below the folder in every class-path root, relative path → bytes; the first root wins. */
    public static Map<String, byte[]> read(ClassLoader loader, String folder) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        Enumeration<URL> roots = loader.getResources(folder);
        while (roots.hasMoreElements()) {
            read(roots.nextElement(), out);
        }
        return out;
    }

    /** Every file below a folder URL ({@code file:} or {@code jar:}), added to {@code out} unless already there. */
    public static void read(URL folder, Map<String, byte[]> out) throws IOException {
        if (folder.getProtocol().equals("file")) {
            Path dir;
            try {
                dir = Paths.get(folder.toURI());
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.putIfAbsent(dir.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                }
            }
        } else if (folder.getProtocol().equals("jar")) {
            JarURLConnection conn = (JarURLConnection) folder.openConnection();
            conn.setUseCaches(false);
            String entry = conn.getEntryName();
            String prefix = entry.endsWith("/") ? entry : entry + "/";
            try (JarFile jar = conn.getJarFile()) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry file = entries.nextElement();
                    if (!file.isDirectory() && file.getName().startsWith(prefix)) {
                        try (InputStream in = jar.getInputStream(file)) {
                            out.putIfAbsent(file.getName().substring(prefix.length()), in.readAllBytes());
                        }
                    }
                }
            }
        }
    }
}
