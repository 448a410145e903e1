package io.mergegate.reports.junit;

import io.mergegate.core.Finding;
import io.mergegate.core.RunReport;
import io.mergegate.core.RunReport.CheckerRun;
import io.mergegate.reports.ReportText;
import io.mergegate.reports.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML in the portable subset that both Jenkins (xunit {@code junit-10.xsd}) and GitLab read.
 *
 * <ul>
 *   <li>One {@code testsuite} per checker (name = checker id, time = its wall time), one
 *       {@code testcase} per rule the checker owns (classname {@code mergegate.<checker>}, name = rule id).</li>
 *   <li>A testcase <b>fails</b> when the rule has blocking findings ({@link RunReport#isBlocking}: not
 *       suppressed and severity in {@code fail-on}); the single {@code failure} element lists each
 *       blocking finding as {@code path:line:col severity message}. Non-blocking findings (lower
 *       severities, suppressed ones) are listed in the testcase's {@code system-out}, so the test
 *       result agrees with the exit code.</li>
 *   <li>A checker that crashed gets an extra testcase {@code <checker> (run)} with an {@code error}
 *       element, and its rules without findings are {@code skipped} (they were not evaluated).</li>
 *   <li>Findings of rules no checker declares (the gate's own {@code mergegate/*} rules, for
 *       example) go to a suite named {@code mergegate}.</li>
 * </ul>
 *
 * Counters always equal the elements written. No timestamps or host names: output is deterministic.
 */
public final class JUnitWriter implements ReportWriter {

    /** Suite for findings of rules that no checker of the run declares. */
    public static final String GATE_SUITE = "mergegate";

    @Override
    public void write(RunReport report, Writer out) throws IOException {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            writeDocument(report, x);
            x.flush();
            out.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private record Case(String name, List<Finding> findings, boolean skipped, String error) {
    }

    private record Suite(String name, String classname, List<Case> cases, long millis) {
        long failures(RunReport r) {
            return cases.stream().filter(c -> c.error == null && c.findings.stream().anyMatch(r::isBlocking)).count();
        }

        long errors() {
            return cases.stream().filter(c -> c.error != null).count();
        }

        long skipped() {
            return cases.stream().filter(c -> c.skipped).count();
        }
    }

    private static List<Suite> suites(RunReport report) {
        Map<String, String> owner = new HashMap<>();
        for (CheckerRun c : report.checkers()) {
            for (String id : c.ruleIds()) {
                owner.putIfAbsent(id, c.id());
            }
        }
        Map<String, CheckerRun> checkerById = new LinkedHashMap<>();
        report.checkers().forEach(c -> checkerById.putIfAbsent(c.id(), c));
        // checker id -> rule id -> findings
        Map<String, Map<String, List<Finding>>> byChecker = new LinkedHashMap<>();
        for (CheckerRun c : checkerById.values()) {
            Map<String, List<Finding>> rules = new TreeMap<>();
            c.ruleIds().forEach(id -> rules.put(id, new ArrayList<>()));
            byChecker.put(c.id(), rules);
        }
        Map<String, List<Finding>> orphans = new TreeMap<>();
        for (Finding f : report.findings()) {
            String checker = owner.get(f.ruleId());
            if (checker == null && checkerById.containsKey(f.family())) {
                checker = f.family();
            }
            Map<String, List<Finding>> target = checker == null ? orphans : byChecker.get(checker);
            target.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
        }
        List<Suite> suites = new ArrayList<>();
        for (CheckerRun c : checkerById.values()) {
            List<Case> cases = new ArrayList<>();
            boolean failed = c.error() != null;
            if (failed) {
                cases.add(new Case(c.id() + " (run)", List.of(), false, c.error()));
            }
            byChecker.get(c.id()).forEach((rule, fs) -> cases.add(new Case(rule, fs, failed && fs.isEmpty(), null)));
            suites.add(new Suite(c.id(), "mergegate." + c.id(), cases, c.millis()));
        }
        if (!orphans.isEmpty()) {
            List<Case> cases = new ArrayList<>();
            orphans.forEach((rule, fs) -> cases.add(new Case(rule, fs, false, null)));
            String name = checkerById.containsKey(GATE_SUITE) ? GATE_SUITE + " (gate)" : GATE_SUITE;
            suites.add(new Suite(name, "mergegate." + name.replace(' ', '-').replaceAll("[()]", ""), cases, 0));
        }
        return suites;
    }

    private static void writeDocument(RunReport report, XMLStreamWriter x) throws XMLStreamException {
        List<Suite> suites = suites(report);
        x.writeStartDocument("UTF-8", "1.0");
        nl(x, 0);
        x.writeStartElement("testsuites");
        x.writeAttribute("name", "mergegate");
        x.writeAttribute("tests", String.valueOf(suites.stream().mapToLong(s -> s.cases.size()).sum()));
        x.writeAttribute("failures", String.valueOf(suites.stream().mapToLong(s -> s.failures(report)).sum()));
        x.writeAttribute("errors", String.valueOf(suites.stream().mapToLong(Suite::errors).sum()));
        x.writeAttribute("time", ReportText.seconds(suites.stream().mapToLong(Suite::millis).sum()));
        for (Suite s : suites) {
            nl(x, 1);
            x.writeStartElement("testsuite");
            x.writeAttribute("name", clean(s.name));
            x.writeAttribute("tests", String.valueOf(s.cases.size()));
            x.writeAttribute("failures", String.valueOf(s.failures(report)));
            x.writeAttribute("errors", String.valueOf(s.errors()));
            x.writeAttribute("skipped", String.valueOf(s.skipped()));
            x.writeAttribute("time", ReportText.seconds(s.millis));
            for (Case c : s.cases) {
                writeCase(report, x, s, c);
            }
            nl(x, 1);
            x.writeEndElement();
        }
        nl(x, 0);
        x.writeEndElement();
        nl(x, 0);
        x.writeEndDocument();
    }

    private static void writeCase(RunReport report, XMLStreamWriter x, Suite s, Case c) throws XMLStreamException {
        List<Finding> blocking = c.findings.stream().filter(report::isBlocking).toList();
        List<Finding> other = c.findings.stream().filter(f -> !report.isBlocking(f)).toList();
        nl(x, 2);
        boolean empty = blocking.isEmpty() && other.isEmpty() && c.error == null && !c.skipped;
        if (empty) {
            x.writeEmptyElement("testcase");
        } else {
            x.writeStartElement("testcase");
        }
        x.writeAttribute("name", clean(c.name));
        x.writeAttribute("classname", clean(s.classname));
        if (empty) {
            return;
        }
        if (c.error != null) {
            nl(x, 3);
            x.writeStartElement("error");
            x.writeAttribute("type", "mergegate/checker-failed");
            x.writeAttribute("message", clean(ReportText.cap(ReportText.oneLine(c.error), 500)));
            x.writeCharacters(clean("Checker " + s.name + " failed; the gate fails closed.\n" + c.error));
            x.writeEndElement();
        } else if (!blocking.isEmpty()) {
            nl(x, 3);
            x.writeStartElement("failure");
            x.writeAttribute("type", c.name);
            String first = ReportText.lead(blocking.get(0).location()) + ReportText.oneLine(blocking.get(0).message());
            x.writeAttribute("message", clean(ReportText.cap(blocking.size() == 1 ? first
                    : blocking.size() + " blocking findings; first: " + first, 500)));
            x.writeCharacters(clean(lines(blocking)));
            x.writeEndElement();
        } else if (c.skipped) {
            nl(x, 3);
            x.writeEmptyElement("skipped");
            x.writeAttribute("message", "not evaluated: the checker failed");
        }
        if (!other.isEmpty()) {
            nl(x, 3);
            x.writeStartElement("system-out");
            x.writeCharacters(clean(lines(other)));
            x.writeEndElement();
        }
        nl(x, 2);
        x.writeEndElement();
    }

    /** One line per finding: {@code path:line:col severity message [suppressed (kind): reason]}. */
    private static String lines(List<Finding> fs) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : fs) {
            sb.append(ReportText.lead(f.location())).append(f.severity().id()).append(' ')
                    .append(ReportText.oneLine(f.message()));
            f.optionalSuppression().ifPresent(sup -> sb.append(" [suppressed (")
                    .append(sup.kind() == io.mergegate.core.Suppression.Kind.INLINE ? "inline" : "baseline").append(')')
                    .append(sup.justification() == null || sup.justification().isBlank() ? ""
                            : ": " + ReportText.oneLine(sup.justification()))
                    .append(']'));
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Removes characters XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/U+FFFF). */
    static String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)) {
                sb.append(c);
            } else {
                sb.append('\uFFFD');
            }
        }
        return sb.toString();
    }

    private static void nl(XMLStreamWriter x, int depth) throws XMLStreamException {
        x.writeCharacters("\n" + "  ".repeat(depth));
    }
}
