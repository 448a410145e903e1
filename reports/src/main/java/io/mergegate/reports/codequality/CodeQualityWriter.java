package io.mergegate.reports.codequality;

import io.mergegate.core.Finding;
import io.mergegate.core.Fingerprints;
import io.mergegate.core.RunReport;
import io.mergegate.core.json.Json;
import io.mergegate.reports.ReportText;
import io.mergegate.reports.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GitLab Code Quality report ({@code artifacts:reports:codequality}): a JSON array of issues with
 * {@code description}, {@code check_name}, {@code fingerprint}, {@code severity},
 * {@code location.path} and {@code location.lines.begin}.
 *
 * <ul>
 *   <li>Severity: {@code secrets/*} rules at error or warning → {@code blocker}; otherwise error →
 *       {@code major}, warning → {@code minor}, note → {@code info}.</li>
 *   <li>Fingerprint: the finding's stable fingerprint, with an occurrence counter hashed in so that two
 *       findings that share one stay distinct (GitLab compares base and head by fingerprint).</li>
 *   <li>Suppressed findings are left out: Code Quality has no notion of an accepted issue.</li>
 *   <li>Findings without a path point at {@link #anchorPath()} line 1 (GitLab requires a path).</li>
 * </ul>
 */
public final class CodeQualityWriter implements ReportWriter {

    private final String anchorPath;

    public CodeQualityWriter() {
        this(".mergegate.yml");
    }

    /** @param anchorPath repository-relative file for findings without a path (usually the config file) */
    public CodeQualityWriter(String anchorPath) {
        this.anchorPath = anchorPath == null || anchorPath.isBlank() ? ".mergegate.yml"
                : anchorPath.replace('\\', '/').replaceFirst("^(\\./)+", "");
    }

    public String anchorPath() {
        return anchorPath;
    }

    @Override
    public void write(RunReport report, Writer out) throws IOException {
        out.write(Json.write(issues(report)));
        out.flush();
    }

    /** The issues as ordered maps. */
    public List<Map<String, Object>> issues(RunReport report) {
        List<Map<String, Object>> issues = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Finding f : report.findings()) {
            if (f.isSuppressed()) {
                continue;
            }
            int n = seen.merge(f.ruleId() + '\u0000' + f.fingerprint(), 1, Integer::sum);
            Map<String, Object> issue = new LinkedHashMap<>();
            String where = f.location().path() == null ? ReportText.where(f.location()) + ": " : "";
            issue.put("description", where + ReportText.oneLine(f.message()));
            issue.put("check_name", f.ruleId());
            issue.put("fingerprint", Fingerprints.of("codequality", f.ruleId(), f.fingerprint(), String.valueOf(n)));
            issue.put("severity", severity(f));
            Map<String, Object> location = new LinkedHashMap<>();
            location.put("path", f.location().path() != null ? f.location().path() : anchorPath);
            location.put("lines", Map.of("begin", Math.max(1, f.location().line())));
            issue.put("location", location);
            issues.add(issue);
        }
        return issues;
    }

    static String severity(Finding f) {
        boolean secret = f.family().equals("secrets");
        return switch (f.severity()) {
            case ERROR -> secret ? "blocker" : "major";
            case WARNING -> secret ? "blocker" : "minor";
            case NOTE -> "info";
        };
    }
}
