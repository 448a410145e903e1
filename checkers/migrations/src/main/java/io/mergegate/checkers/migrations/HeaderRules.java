package io.mergegate.checkers.migrations;

import static io.mergegate.checkers.migrations.MigrationRun.args;

import io.mergegate.core.source.SourceTree;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The comment header: present, with every configured field, and naming a rollback file that exists. */
final class HeaderRules {

    private static final Set<String> NO_FILE = Set.of("none", "n/a", "na", "-", "not needed", "not applicable");

    private HeaderRules() {
    }

    static void check(MigrationRun run, Migration m, SourceTree head) {
        if (m.unreadable != null) {
            return;
        }
        MigrationHeader h = m.header();
        if (!h.present()) {
            run.reportAt(MigrationRuleIds.HEADER_MISSING, m.path, 1, 0, "header",
                    args("fields", String.join(", ", run.settings().headerFields())));
            return;
        }
        for (String field : run.settings().headerFields()) {
            if (h.value(field).isEmpty()) {
                run.reportAt(MigrationRuleIds.HEADER_MISSING_FIELD, m.path, 1, 0, "header/" + field,
                        args("field", field));
            }
        }
        if (m.phase().isEmpty()) {
            run.reportAt(MigrationRuleIds.HEADER_MISSING_FIELD, m.path, 1, 0, "header/Phase", args("field",
                    "Phase (expand, backfill or contract; or a description prefix such as contract_)"));
        }
        Optional<MigrationHeader.Field> rollback = h.field("Rollback script");
        if (rollback.isPresent() && !rollback.get().value().isBlank()
                && !NO_FILE.contains(rollback.get().value().strip().toLowerCase(Locale.ROOT))) {
            String ref = rollback.get().value().strip();
            String relative = MigrationRun.resolve(m.path, ref);
            String rooted = MigrationRun.normalize(ref.replace('`', ' ').strip());
            if (!head.contains(relative) && !head.contains(rooted)) {
                run.reportAt(MigrationRuleIds.ROLLBACK_SCRIPT_MISSING, m.path, rollback.get().line(), 0,
                        "header/Rollback script", args("rollback", ref, "expected", relative));
            }
        }
    }
}
