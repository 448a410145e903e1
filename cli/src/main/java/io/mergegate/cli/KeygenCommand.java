package io.mergegate.cli;

import io.mergegate.engine.UsageException;
import io.mergegate.reports.approval.Ed25519Keys;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mergegate keygen}: an Ed25519 key pair for signing approvals. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = "Write an Ed25519 key pair for signed approvals: PREFIX (private, PKCS#8 PEM, mode 600) and "
                + "PREFIX.pub (public, X.509 PEM). Keep the private key in the CI secret store; pin the public key "
                + "in the deploy stage.")
final class KeygenCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--out", paramLabel = "PREFIX", required = true, description = "Path of the private key; the public key gets .pub appended.")
    Path out;

    @Override
    public Integer call() throws IOException {
        Path prefix = out.toAbsolutePath();
        if (prefix.getParent() != null && !Files.isDirectory(prefix.getParent())) {
            throw new UsageException("--out: folder does not exist: " + prefix.getParent());
        }
        KeyPair pair = Ed25519Keys.generate();
        try {
            Ed25519Keys.write(pair, out);
        } catch (FileAlreadyExistsException e) {
            throw new UsageException("--out: " + e.getFile() + " exists; refusing to overwrite a key");
        }
        spec.commandLine().getOut().println("private key: " + out + " (keep secret)");
        spec.commandLine().getOut().println("public key:  " + out + ".pub");
        spec.commandLine().getOut().println("key id:      " + Ed25519Keys.keyId(pair.getPublic()));
        return 0;
    }
}
