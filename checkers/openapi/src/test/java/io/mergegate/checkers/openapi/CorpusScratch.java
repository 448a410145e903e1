package io.mergegate.checkers.openapi;

import io.mergegate.core.source.DirectorySourceTree;
import io.mergegate.testkit.FixturePaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

public class CorpusScratch {
    public static void main(String[] a) throws Exception {
        Path dir = FixturePaths.shared().resolve("corpus/openapi/" + (a.length > 0 ? "openapitools-backcompat" : "oasdiff-data"));
        DirectorySourceTree t = new DirectorySourceTree(dir, "c");
        Policy policy = new Policy(LocalDate.of(2026, 6, 1), Policy.DEFAULT_DAYS);
        List<String> lines = Files.readAllLines(dir.resolveSibling(a.length > 0 ? "openapitools-manifest.tsv" : "oasdiff-manifest.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            Workspace ws = new Workspace(t::file);
            Workspace ws2 = new Workspace(t::file);
            SpecComparison c = SpecComparison.run(ws, f[0], ws2, f[1], policy, false);
            StringBuilder sb = new StringBuilder();
            for (Change ch : c.changes) {
                sb.append(ch.rule()).append(':').append(Rules.get(ch.rule()).level()).append(' ');
            }
            System.out.println(f[0] + "\t" + f[1] + "\t" + f[2] + "\t" + f[3] + "\t" + (f.length > 5 ? f[5] : "") + "\t" + sb);
        }
    }
}
