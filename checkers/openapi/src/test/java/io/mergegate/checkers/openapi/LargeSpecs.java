package io.mergegate.checkers.openapi;

/** Generates large, valid specs for the memory test and the benchmark. */
final class LargeSpecs {

    private LargeSpecs() {
    }

    /**
     * A spec with {@code operations} GET operations, each with its own response schema of ten
     * properties; {@code breaking} removes a required property from the last one.
     */
    static String spec(int operations, String version, boolean breaking) {
        StringBuilder sb = new StringBuilder(operations * 900);
        sb.append("openapi: 3.0.3\ninfo:\n  title: Large\n  version: ").append(version).append("\npaths:\n");
        for (int i = 0; i < operations; i++) {
            sb.append("  /v1/resources").append(i).append("/{id}:\n    get:\n      operationId: get").append(i)
                    .append("\n      summary: Read resource ").append(i).append("\n      parameters:\n")
                    .append("        - name: id\n          in: path\n          required: true\n")
                    .append("          schema:\n            type: string\n            maxLength: 64\n")
                    .append("      responses:\n        '200':\n          description: The resource\n")
                    .append("          content:\n            application/json:\n              schema:\n")
                    .append("                $ref: '#/components/schemas/Resource").append(i).append("'\n");
        }
        sb.append("components:\n  schemas:\n");
        for (int i = 0; i < operations; i++) {
            boolean last = breaking && i == operations - 1;
            sb.append("    Resource").append(i).append(":\n      type: object\n      required: [id, name")
                    .append(last ? "" : ", status").append("]\n      properties:\n");
            sb.append("        id: {type: string, format: uuid}\n        name: {type: string, maxLength: 200}\n");
            if (!last) {
                sb.append("        status: {type: string, enum: [active, blocked, deleted]}\n");
            }
            for (int p = 0; p < 7; p++) {
                sb.append("        field").append(p).append(": {type: integer, minimum: 0, maximum: 1000}\n");
            }
        }
        return sb.toString();
    }
}
