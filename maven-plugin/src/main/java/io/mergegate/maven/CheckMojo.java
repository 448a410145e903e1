package io.mergegate.maven;

import io.mergegate.core.Finding;
import io.mergegate.core.RunReport;
import io.mergegate.core.Severity;
import io.mergegate.core.spi.Mode;
import io.mergegate.engine.Gate;
import io.mergegate.engine.GateOutcome;
import io.mergegate.engine.GateRequest;
import io.mergegate.engine.UsageException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import io.mergegate.engine.config.GateConfig;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Runs the mergegate gate on the git repository that holds the build, once per build (at the
 * execution root of a multi-module build), and fails the build when a finding blocks the merge.
 * Every parameter also reads the {@code mergegate.*} user property, and a {@code -D} on the command
 * line wins over the POM, so CI can set the base or the mode without editing the POM.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, aggregator = false)
public class CheckMojo extends AbstractMojo {

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    /** Skip the gate. */
    @Parameter(property = "mergegate.skip", defaultValue = "false")
    private boolean skip;

    /** Base revision; empty detects it from the CI environment or the upstream branch. */
    @Parameter(property = "mergegate.base")
    private String base;

    /** Head revision; empty means HEAD. */
    @Parameter(property = "mergegate.head")
    private String head;

    /** What to judge: {@code pull-request} (base..head), {@code staged} (the index) or {@code working-tree}. */
    @Parameter(property = "mergegate.mode", defaultValue = "pull-request")
    private String mode;

    /** Config file; empty means {@code .mergegate.yml} at the repository root, or the defaults. */
    @Parameter(property = "mergegate.config")
    private File config;

    /** Comma-separated checker ids to run; empty runs every enabled checker. */
    @Parameter(property = "mergegate.only")
    private String only;

    /** Source branch; empty detects it. */
    @Parameter(property = "mergegate.branch")
    private String branch;

    /** Target branch; empty detects it. */
    @Parameter(property = "mergegate.target")
    private String target;

    /** Baseline file; empty uses the configured one. */
    @Parameter(property = "mergegate.baseline")
    private File baseline;

    /** Lowest severity that blocks: error, warning, note or none; empty keeps the config's fail-on. */
    @Parameter(property = "mergegate.failOn")
    private String failOn;

    /** Where the reports go. */
    @Parameter(property = "mergegate.outputDirectory", defaultValue = "${project.build.directory}/mergegate")
    private File outputDirectory;

    /** Print findings that do not block (warnings, notes, suppressed). */
    @Parameter(property = "mergegate.verbose", defaultValue = "false")
    private boolean verbose;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (bool("mergegate.skip", skip)) {
            getLog().info("mergegate: skipped (mergegate.skip)");
            return;
        }
        if (!project.isExecutionRoot()) {
            getLog().debug("mergegate: runs once, at the execution root; nothing to do in " + project.getArtifactId());
            return;
        }
        GateRequest request = request();
        GateOutcome outcome;
        try {
            outcome = Gate.discover(plugin.getVersion()).run(request);
            Set<Severity> blocking = failOnSet();
            if (blocking != null) {
                outcome = outcome.withFailOn(blocking);
            }
        } catch (UsageException e) {
            throw new MojoExecutionException("mergegate: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("mergegate: internal error: " + e, e);
        }
        RunReport report = outcome.report();
        Path out = file("mergegate.outputDirectory", outputDirectory).toPath();
        try {
            MavenReports.write(outcome, out);
        } catch (IOException e) {
            throw new MojoExecutionException("mergegate: cannot write the reports to " + out + ": " + e.getMessage(), e);
        }
        log(report);
        if (report.exitCode() == 3) {
            throw new MojoExecutionException("mergegate: a checker failed, so the change was not fully checked: "
                    + report.checkers().stream().filter(c -> c.error() != null)
                            .map(c -> c.id() + ": " + c.error()).collect(Collectors.joining("; ")));
        }
        if (report.exitCode() != 0) {
            throw new MojoFailureException("mergegate: " + report.blockingCount() + " blocking finding(s); reports in " + out);
        }
        getLog().info("mergegate: nothing blocks (" + report.findings().size() + " finding(s)); reports in " + out);
    }

    private Set<Severity> failOnSet() throws MojoExecutionException {
        String level = text("mergegate.failOn", failOn);
        if (level == null) {
            return null;
        }
        return GateConfig.blockingSeverities(level).orElseThrow(() -> new MojoExecutionException(
                "mergegate: mergegate.failOn must be error, warning, note or none, not '" + level + "'"));
    }

    private GateRequest request() throws MojoExecutionException {
        Mode m;
        String modeName = text("mergegate.mode", mode);
        try {
            m = Mode.valueOf((modeName == null ? "pull-request" : modeName).trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("mergegate: mergegate.mode must be pull-request, staged or working-tree, not '"
                    + modeName + "'");
        }
        String onlyList = text("mergegate.only", only);
        Set<String> ids = onlyList == null ? Set.of()
                : Arrays.stream(onlyList.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        File cfg = file("mergegate.config", config);
        File bl = file("mergegate.baseline", baseline);
        Map<String, String> env = System.getenv();
        return new GateRequest(project.getBasedir().toPath(), text("mergegate.base", base), text("mergegate.head", head), m,
                cfg == null ? null : cfg.toPath(), ids, text("mergegate.branch", branch), text("mergegate.target", target),
                null, bl == null ? null : bl.toPath(), env, Clock.systemUTC());
    }

    private void log(RunReport report) {
        for (Finding f : report.findings()) {
            boolean blocking = report.isBlocking(f);
            if (!blocking && !bool("mergegate.verbose", verbose)) {
                continue;
            }
            String where = f.location().optionalPath().map(p -> p + (f.location().line() > 0 ? ":" + f.location().line()
                    + (f.location().column() > 0 ? ":" + f.location().column() : "") : "")).orElse(f.location().optionalLogical().orElse("(repository)"));
            String line = where + " " + f.severity().name().toLowerCase(Locale.ROOT) + " " + f.ruleId() + " " + f.message()
                    + (f.isSuppressed() ? " (suppressed)" : "");
            if (blocking) {
                getLog().error(line);
            } else {
                getLog().warn(line);
            }
        }
        for (RunReport.CheckerRun c : report.checkers()) {
            getLog().debug("mergegate: " + c.id() + " " + c.millis() + " ms");
        }
    }

    /** A command-line {@code -D} beats the POM; an empty value means unset. */
    private String text(String property, String configured) {
        String user = session.getUserProperties().getProperty(property);
        String v = user != null ? user : configured;
        return v == null || v.isBlank() ? null : v.trim();
    }

    private boolean bool(String property, boolean configured) {
        String user = session.getUserProperties().getProperty(property);
        return user != null ? user.isEmpty() || Boolean.parseBoolean(user) : configured;
    }

    private File file(String property, File configured) {
        String user = session.getUserProperties().getProperty(property);
        if (user == null || user.isBlank()) {
            return configured;
        }
        File f = new File(user);
        return f.isAbsolute() ? f : new File(session.getExecutionRootDirectory(), user);
    }
}
