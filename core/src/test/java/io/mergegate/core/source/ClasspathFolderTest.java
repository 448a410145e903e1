package io.mergegate.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathFolderTest {

    @TempDir
    Path tmp;

    @Test
    void readsAFolderFromADirectoryAndFromAJar() throws Exception {
        Path dir = tmp.resolve("classes/demo/sub");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("a.txt"), "from dir");
        Path jar = tmp.resolve("x.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : new String[] {"demo/", "demo/sub/a.txt", "demo/b.txt", "demo-other/c.txt"}) {
                out.putNextEntry(new JarEntry(name));
                if (!name.endsWith("/")) {
                    ((OutputStream) out).write(("from jar " + name).getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.resolve("classes").toUri().toURL(),
            jar.toUri().toURL()}, null)) {
            Map<String, byte[]> files = ClasspathFolder.read(loader, "demo");
            assertThat(files.keySet()).containsExactly("b.txt", "sub/a.txt");
            assertThat(new String(files.get("sub/a.txt"), StandardCharsets.UTF_8)).as("first root wins").isEqualTo("from dir");
            assertThat(new String(files.get("b.txt"), StandardCharsets.UTF_8)).isEqualTo("from jar demo/b.txt");
        }
    }
}
