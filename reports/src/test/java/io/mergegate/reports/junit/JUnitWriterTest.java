package io.mergegate.reports.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.RunReport;
import io.mergegate.reports.Goldens;
import io.mergegate.reports.SharedTools;
import io.mergegate.reports.TestReports;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class JUnitWriterTest {

    private final JUnitWriter writer = new JUnitWriter();

    @TempDir
    Path tmp;

    @Test
    void every_report_passes_both_validator_profiles_without_warnings() throws Exception {
        Path failing = write("failing.xml", TestReports.failing());
        Path passing = write("passing.xml", TestReports.passing());
        Path crashed = write("crashed.xml", TestReports.checkerFailed());
        for (String profile : List.of("both", "jenkins", "gitlab")) {
            String out = SharedTools.validate("validate-junit.sh", List.of("--profile", profile, "--strict"), failing, passing, crashed);
            assertThat(out).contains("3 file(s), 0 error(s), 0 warning(s)");
        }
    }

    @Test
    void output_matches_the_golden_file() throws Exception {
        String xml = writer.render(TestReports.failing());
        assertThat(xml).isEqualTo(writer.render(TestReports.failing()));
        Goldens.assertMatches("failing-junit.xml", xml);
    }

    @Test
    void one_suite_per_checker_and_one_case_per_rule_with_consistent_counters() throws Exception {
        Document doc = parse(TestReports.failing());
        Element root = doc.getDocumentElement();
        assertThat(root.getAttribute("tests")).isEqualTo("7");
        assertThat(root.getAttribute("failures")).isEqualTo("3");
        assertThat(root.getAttribute("errors")).isEqualTo("0");
        assertThat(root.getAttribute("time")).isEqualTo("1.589");
        List<Element> suites = children(root, "testsuite");
        assertThat(suites).extracting(s -> s.getAttribute("name")).containsExactly("branch", "openapi", "pr", "secrets");
        Element secrets = suites.get(3);
        assertThat(secrets.getAttribute("time")).isEqualTo("1.234");
        assertThat(secrets.getAttribute("tests")).isEqualTo("1");
        assertThat(secrets.getAttribute("failures")).isEqualTo("1");
        Element aws = children(secrets, "testcase").get(0);
        assertThat(aws.getAttribute("classname")).isEqualTo("mergegate.secrets");
        assertThat(aws.getAttribute("name")).isEqualTo("secrets/aws-access-key");
        Element failure = children(aws, "failure").get(0);
        assertThat(failure.getAttribute("message")).startsWith("src/weird dir/naïve,file:name%.txt:7 Key \"AKIA…\"");
        assertThat(failure.getTextContent()).contains("src/weird dir/naïve,file:name%.txt:7 error Key \"AKIA…\" in <b>x</b> & 100% sure")
                .contains("]]>").doesNotContain("\u001b");
        // suppressed findings do not fail; they are listed in system-out with their reason
        assertThat(children(aws, "system-out").get(0).getTextContent())
                .contains("src/Main.java:10:3 error AWS access key (fingerprint 3f2a…) added. [suppressed (inline): test fixture, not a real key]")
                .contains("[suppressed (baseline): in the baseline since 2026-01-05]");
        // a warning does not block with fail-on error: passing testcase with system-out
        Element openapi = suites.get(1);
        assertThat(openapi.getAttribute("failures")).isEqualTo("0");
        Element removed = children(openapi, "testcase").get(1);
        assertThat(removed.getAttribute("name")).isEqualTo("openapi/property-removed");
        assertThat(children(removed, "failure")).isEmpty();
        assertThat(children(removed, "system-out").get(0).getTextContent()).isEqualTo(
                "api/openapi.yaml:42:7 warning Response property `email` of GET /users was removed.\n");
        // rules without findings pass; path-less findings name their logical location
        Element branch = suites.get(0);
        assertThat(children(branch, "testcase")).extracting(e -> e.getAttribute("name"))
                .containsExactly("branch/invalid-name", "branch/invalid-target", "branch/old-name");
        assertThat(children(children(branch, "testcase").get(0), "failure").get(0).getTextContent()).startsWith("branch: error Branch");
        assertThat(children(branch, "testcase").get(1).getChildNodes().getLength()).isZero();
    }

    @Test
    void a_crashed_checker_is_an_error_and_its_unevaluated_rules_are_skipped() throws Exception {
        Element root = parse(TestReports.checkerFailed()).getDocumentElement();
        assertThat(root.getAttribute("errors")).isEqualTo("1");
        List<Element> suites = children(root, "testsuite");
        assertThat(suites).extracting(s -> s.getAttribute("name")).containsExactly("branch", "secrets", "mergegate");
        Element secrets = suites.get(1);
        assertThat(secrets.getAttribute("tests")).isEqualTo("2");
        assertThat(secrets.getAttribute("errors")).isEqualTo("1");
        assertThat(secrets.getAttribute("skipped")).isEqualTo("1");
        List<Element> cases = children(secrets, "testcase");
        Element error = children(cases.get(0), "error").get(0);
        assertThat(cases.get(0).getAttribute("name")).isEqualTo("secrets (run)");
        assertThat(error.getAttribute("message")).isEqualTo("java.lang.IllegalStateException: boom <&>");
        assertThat(children(cases.get(1), "skipped")).hasSize(1);
        // the engine's own finding lands in the gate suite and fails there
        Element gate = suites.get(2);
        assertThat(gate.getAttribute("failures")).isEqualTo("1");
        assertThat(children(gate, "testcase").get(0).getAttribute("name")).isEqualTo("mergegate/checker-failed");
    }

    @Test
    void characters_xml_cannot_carry_are_replaced() {
        assertThat(JUnitWriter.clean("a\u0000b\u001bc\uFFFEd\uD800e\tf")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\tf");
        assertThat(JUnitWriter.clean("😀")).isEqualTo("😀");
    }

    private Path write(String name, RunReport report) throws Exception {
        Path file = tmp.resolve(name);
        writer.write(report, file);
        return file;
    }

    private Document parse(RunReport report) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(writer.render(report))));
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }
}
