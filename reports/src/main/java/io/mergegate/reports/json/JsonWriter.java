package io.mergegate.reports.json;

import io.mergegate.core.Finding;
import io.mergegate.core.Location;
import io.mergegate.core.Region;
import io.mergegate.core.RunReport;
import io.mergegate.core.RunReport.CheckerRun;
import io.mergegate.core.Severity;
import io.mergegate.core.json.Json;
import io.mergegate.reports.ReportText;
import io.mergegate.reports.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --format json}: the run as stable, machine-readable JSON. Keys are always present (null
 * when unknown) and in a fixed order; {@code schemaVersion} changes only on incompatible changes.
 *
 * <pre>
 * { "schemaVersion": 1, "tool": {name, version}, "verdict": {passed, exitCode, blocking, failOn[],
 *   checkerFailOn{checker: [severities]}},
 *   "base", "head", "headCommit", "counts": {error, warning, note, suppressed},
 *   "checkers": [{id, description, rules[], millis, error}],
 *   "findings": [{ruleId, severity, blocking, message, path, region{startLine, startColumn, endLine,
 *                 endColumn}, logical, fingerprint, suppression{kind, justification}, properties{}}] }
 * </pre>
 */
public final class JsonWriter implements ReportWriter {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public void write(RunReport report, Writer out) throws IOException {
        out.write(Json.write(toJson(report)));
        out.flush();
    }

    public Map<String, Object> toJson(RunReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schemaVersion", SCHEMA_VERSION);
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("name", "mergegate");
        tool.put("version", report.toolVersion());
        m.put("tool", tool);
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("passed", report.passed());
        verdict.put("exitCode", report.exitCode());
        verdict.put("blocking", report.blockingCount());
        verdict.put("failOn", report.failOn().stream().sorted().map(Severity::id).toList());
        Map<String, Object> byChecker = new java.util.TreeMap<>();
        report.checkerFailOn().forEach((id, set) -> byChecker.put(id, set.stream().sorted().map(Severity::id).toList()));
        verdict.put("checkerFailOn", byChecker);
        m.put("verdict", verdict);
        m.put("base", report.baseLabel());
        m.put("head", report.headLabel());
        m.put("headCommit", report.headCommit());
        Map<String, Object> counts = new LinkedHashMap<>();
        ReportText.activeCounts(report.findings()).forEach((s, n) -> counts.put(s.id(), n));
        counts.put("suppressed", report.findings().stream().filter(Finding::isSuppressed).count());
        m.put("counts", counts);
        List<Object> checkers = new ArrayList<>();
        for (CheckerRun c : report.checkers()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("id", c.id());
            cm.put("description", c.description());
            cm.put("rules", c.ruleIds());
            cm.put("millis", c.millis());
            cm.put("error", c.error());
            checkers.add(cm);
        }
        m.put("checkers", checkers);
        List<Object> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            findings.add(finding(report, f));
        }
        m.put("findings", findings);
        return m;
    }

    private static Map<String, Object> finding(RunReport report, Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        Location l = f.location();
        m.put("ruleId", f.ruleId());
        m.put("severity", f.severity().id());
        m.put("blocking", report.isBlocking(f));
        m.put("message", f.message());
        m.put("path", l.path());
        m.put("region", region(l.region()));
        m.put("logical", l.logical());
        m.put("fingerprint", f.fingerprint());
        Map<String, Object> sup = null;
        if (f.isSuppressed()) {
            sup = new LinkedHashMap<>();
            sup.put("kind", f.suppression().kind() == io.mergegate.core.Suppression.Kind.INLINE ? "inline" : "baseline");
            sup.put("justification", f.suppression().justification());
        }
        m.put("suppression", sup);
        m.put("properties", f.properties());
        return m;
    }

    private static Map<String, Object> region(Region r) {
        if (r == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("startLine", r.startLine());
        m.put("startColumn", r.startColumn());
        m.put("endLine", r.endLine());
        m.put("endColumn", r.endColumn());
        return m;
    }
}
