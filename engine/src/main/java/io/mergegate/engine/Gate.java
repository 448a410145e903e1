package io.mergegate.engine;

import io.mergegate.core.Finding;
import io.mergegate.core.RuleDescriptor;
import io.mergegate.core.RunReport;
import io.mergegate.core.source.ChangedPath;
import io.mergegate.core.source.SourceFile;
import io.mergegate.core.spi.Checker;
import io.mergegate.core.spi.FactKey;
import io.mergegate.core.spi.Facts;
import io.mergegate.core.spi.GateContext;
import io.mergegate.core.spi.RuleBook;
import io.mergegate.core.spi.SimpleGateContext;
import io.mergegate.core.suppress.Baseline;
import io.mergegate.engine.config.ConfigLoader;
import io.mergegate.engine.config.GateConfig;
import io.mergegate.engine.git.GitRepository;
import io.mergegate.rules.RuleCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Runs the checkers over a change and decides: discovery ({@link ServiceLoader}), ordering by the facts
 * they exchange, parallel execution, then exclusions, severity overrides, inline suppressions,
 * baseline, and the exit code. A checker that throws fails the gate closed.
 */
public final class Gate {

    /** Rule ids the engine itself emits. */
    public static final Set<String> ENGINE_RULES = Set.of("mergegate/checker-failed",
            "mergegate/suppression-without-reason", "mergegate/baseline-entry-unused", "mergegate/baseline-old-decision",
            "mergegate/symlink-outside-repo");

    private final List<Checker> available;
    private final RuleBook rules;
    private final String version;

    public Gate(List<Checker> checkers, RuleBook rules, String version) {
        this.available = List.copyOf(checkers);
        this.rules = rules;
        this.version = version;
    }

    /** The checkers on the class path with the built-in catalogue. */
    public static Gate discover(String version) {
        List<Checker> found = new ArrayList<>();
        ServiceLoader.load(Checker.class, Gate.class.getClassLoader()).forEach(found::add);
        found.sort(Comparator.comparing(Checker::id));
        return new Gate(found, RuleCatalog.builtIn(), version);
    }

    public List<Checker> checkers() {
        return available;
    }

    public RuleBook rules() {
        return rules;
    }

    /** Runs the gate. User errors throw {@link UsageException}; checker errors end in exit code 3. */
    public GateOutcome run(GateRequest req) {
        Optional<GitRepository> git = GitRepository.find(req.repo());
        try {
            ChangeView view = ChangeView.resolve(req, git);
            GateConfig config = ConfigLoader.loadFor(req.configFile(), view.root()).withOverrides(req.overrides());
            checkRuleOverrides(config);
            List<Checker> selected = select(req, config);
            BranchResolver.Branch branch = BranchResolver.branch(req.branch(), req.environment(), git);
            String target = BranchResolver.target(req.target(), req.environment());
            Facts facts = new Facts();
            SimpleGateContext base = new SimpleGateContext(req.mode(), view.base(), view.head(), view.changes(),
                    view.history(), BranchResolver.pullRequest(branch, target, req.prMetadata()), config.sections(),
                    null, facts, rules, req.clock(), req.environment());
            List<Finding> raw = new ArrayList<>();
            List<RunReport.CheckerRun> runs = execute(selected, base, raw);
            raw.addAll(symlinksOutside(view, base));
            FindingPolicy.BaselineFile baseline = FindingPolicy.BaselineFile.load(req.baseline(), config, view.root());
            List<Finding> findings = postProcess(raw, config, view, baseline, judged(req, selected, runs), base);
            List<RuleDescriptor> used = usedRules(selected, findings);
            RunReport report = new RunReport(version, used, findings, runs, config.failOn(),
                    config.checkerFailOn(selected.stream().map(Checker::id).toList()), view.base().label(),
                    view.head().label(), view.head().commitId().orElse(null), 0);
            return new GateOutcome(report.withExitCode(ExitCode.decide(report).code()), facts, view.head(), config,
                    view.root());
        } finally {
            git.ifPresent(GitRepository::close);
        }
    }

    /**
     * A severity override for a rule that does not exist would do nothing, silently: a typo there can keep
     * a rule the user meant to make blocking from blocking. It is a configuration error, with the closest id.
     */
    private void checkRuleOverrides(GateConfig config) {
        if (config.ruleOverrides().isEmpty()) {
            return;
        }
        Set<String> known = new TreeSet<>(ENGINE_RULES);
        available.forEach(c -> known.addAll(c.ruleIds()));
        for (String key : config.ruleOverrides().keySet()) {
            boolean ok = key.endsWith("/*") ? known.stream().anyMatch(id -> id.startsWith(key.substring(0, key.length() - 1)))
                    : known.contains(key);
            if (!ok) {
                String hint = io.mergegate.engine.config.ConfigLoader.closest(key, known)
                        .map(s -> "; did you mean '" + s + "'?").orElse("");
                throw new UsageException(config.source() + ": rules: '" + key + "' is not a rule of this mergegate "
                        + "(`mergegate rules` lists them)" + hint);
            }
        }
    }

    private List<Checker> select(GateRequest req, GateConfig config) {
        Set<String> known = available.stream().map(Checker::id).collect(Collectors.toCollection(TreeSet::new));
        for (String id : req.only()) {
            if (!known.contains(id)) {
                throw new UsageException("unknown checker '" + id + "' in --only; known checkers: "
                        + String.join(", ", known));
            }
        }
        return available.stream()
                .filter(c -> req.only().isEmpty() ? config.isEnabled(c.id()) : req.only().contains(c.id()))
                .filter(c -> c.supports(req.mode()))
                .toList();
    }

    /** Runs checkers in waves: a checker starts once every producer of the facts it consumes has finished. */
    private List<RunReport.CheckerRun> execute(List<Checker> checkers, SimpleGateContext ctx, List<Finding> out) {
        Map<String, RunReport.CheckerRun> runs = new LinkedHashMap<>();
        List<Checker> pending = new ArrayList<>(checkers);
        Set<String> done = new HashSet<>();
        int threads = Math.max(1, Math.min(checkers.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mergegate-checker");
            t.setDaemon(true);
            return t;
        });
        try {
            while (!pending.isEmpty()) {
                List<Checker> wave = pending.stream().filter(c -> ready(c, pending, done)).toList();
                if (wave.isEmpty()) {
                    wave = List.copyOf(pending); // a cycle of facts: run the rest together rather than hang
                }
                Map<Checker, Future<Result>> futures = new LinkedHashMap<>();
                for (Checker c : wave) {
                    GateContext cctx = ctx.forChecker(c.id());
                    futures.put(c, pool.submit(() -> runOne(c, cctx)));
                }
                for (Map.Entry<Checker, Future<Result>> e : futures.entrySet()) {
                    Checker c = e.getKey();
                    Result r;
                    try {
                        r = e.getValue().get();
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        r = new Result(List.of(), 0, ex);
                    } catch (ExecutionException ex) {
                        r = new Result(List.of(), 0, ex.getCause());
                    }
                    String error = null;
                    if (r.error() != null) {
                        if (r.error() instanceof UsageException u) {
                            throw u;
                        }
                        error = describe(r.error());
                        out.add(ctx.report("mergegate/checker-failed").arg("checker", c.id()).arg("error", error)
                                .logical("checker " + c.id()).property("stackTrace", stackTrace(r.error())).build());
                    }
                    out.addAll(r.findings());
                    runs.put(c.id(), new RunReport.CheckerRun(c.id(), c.description(),
                            new TreeSet<>(c.ruleIds()).stream().toList(), r.millis(), error));
                    done.add(c.id());
                }
                pending.removeAll(wave);
            }
        } finally {
            pool.shutdownNow();
        }
        return new ArrayList<>(runs.values());
    }

    private record Result(List<Finding> findings, long millis, Throwable error) {
    }

    private static Result runOne(Checker c, GateContext ctx) {
        long start = System.nanoTime();
        try {
            List<Finding> f = c.check(ctx);
            long ms = (System.nanoTime() - start) / 1_000_000;
            List<String> undeclared = f.stream().map(Finding::ruleId).filter(id -> !c.ruleIds().contains(id))
                    .distinct().toList();
            if (!undeclared.isEmpty()) {
                return new Result(List.of(), ms, new IllegalStateException("emitted undeclared rule ids " + undeclared));
            }
            return new Result(f == null ? List.of() : f, ms, null);
        } catch (Throwable t) {
            return new Result(List.of(), (System.nanoTime() - start) / 1_000_000, t);
        }
    }

    private static boolean ready(Checker c, List<Checker> pending, Set<String> done) {
        for (FactKey<?> key : c.consumes()) {
            for (Checker other : pending) {
                if (other != c && other.produces().contains(key) && !done.contains(other.id())) {
                    return false;
                }
            }
        }
        return true;
    }

    static String describe(Throwable t) {
        String msg = t.getMessage();
        return t.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : ": " + firstLine(msg));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter sw = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(sw));
        return sw.toString();
    }

    /** Symbolic links added or changed by the change that point out of the repository. */
    private static List<Finding> symlinksOutside(ChangeView view, GateContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (ChangedPath c : view.changes().all()) {
            if (!c.existsAtHead()) {
                continue;
            }
            Optional<SourceFile> f = view.head().file(c.path());
            if (f.isEmpty() || !f.get().isSymlink()) {
                continue;
            }
            String target = new String(f.get().bytes(), java.nio.charset.StandardCharsets.UTF_8);
            Path parent = Path.of(c.path()).getParent();
            Path resolved = (parent == null ? Path.of(target) : parent.resolve(target)).normalize();
            if (Path.of(target).isAbsolute() || resolved.startsWith("..")) {
                out.add(ctx.report("mergegate/symlink-outside-repo").arg("path", c.path()).arg("target", target)
                        .at(c.path()).build());
            }
        }
        return out;
    }

    /**
     * Which baseline entries this run could have matched, so that one matching nothing is known to be unused:
     * those of a rule of a checker that ran to the end and sees the whole head in this mode (a pull request's
     * secret scan reads only added lines, so an untouched baselined secret is simply not seen), and in a run of
     * every checker, those of a rule no checker knows any more.
     */
    private Predicate<Baseline.Entry> judged(GateRequest req, List<Checker> selected, List<RunReport.CheckerRun> runs) {
        Set<String> finished = new HashSet<>();
        runs.stream().filter(r -> r.error() == null).forEach(r -> finished.add(r.id()));
        Set<String> complete = new HashSet<>();
        selected.stream().filter(c -> finished.contains(c.id()) && c.seesWholeHead(req.mode()))
                .forEach(c -> complete.addAll(c.ruleIds()));
        Set<String> known = new HashSet<>(ENGINE_RULES);
        available.forEach(c -> known.addAll(c.ruleIds()));
        boolean everyChecker = req.only().isEmpty();
        return e -> complete.contains(e.rule()) || everyChecker && !known.contains(e.rule());
    }

    private List<Finding> postProcess(List<Finding> raw, GateConfig config, ChangeView view,
            FindingPolicy.BaselineFile baseline, Predicate<Baseline.Entry> judged, GateContext ctx) {
        FindingPolicy policy = new FindingPolicy(config, baseline);
        Suppressions suppressions = new Suppressions(view.head());
        List<Finding> out = new ArrayList<>();
        List<Finding> all = new ArrayList<>(raw);
        all.addAll(suppressions.unjustified(view.changes(), ctx));
        for (Finding f : all) {
            policy.apply(f, suppressions::find).ifPresent(out::add);
        }
        out.addAll(policy.baselineNotes(judged, ctx::report));
        out.sort(ORDER);
        return out;
    }

    /** Report order: pull-request findings first, then by path, line, column, rule and message. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.location().path() != null)
            .thenComparing(f -> Objects.toString(f.location().path(), ""))
            .thenComparingInt(f -> f.location().line())
            .thenComparingInt(f -> f.location().column())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message)
            .thenComparing(Finding::fingerprint);

    private List<RuleDescriptor> usedRules(List<Checker> selected, List<Finding> findings) {
        TreeSet<String> ids = new TreeSet<>();
        selected.forEach(c -> ids.addAll(c.ruleIds()));
        findings.forEach(f -> ids.add(f.ruleId()));
        List<RuleDescriptor> out = new ArrayList<>();
        for (String id : ids) {
            rules.find(id).ifPresent(out::add);
        }
        return out;
    }
}
