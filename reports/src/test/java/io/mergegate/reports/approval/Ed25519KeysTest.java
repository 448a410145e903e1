package io.mergegate.reports.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ed25519KeysTest {

    @TempDir
    Path dir;

    @Test
    void keys_round_trip_through_pem_files_and_the_private_one_is_owner_only() throws Exception {
        KeyPair pair = Ed25519Keys.generate();
        Path prefix = dir.resolve("mergegate");
        Ed25519Keys.write(pair, prefix);

        assertThat(Files.readString(prefix)).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(Files.readString(dir.resolve("mergegate.pub"))).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(prefix))).isEqualTo("rw-------");
        assertThat(Ed25519Keys.readPrivate(Files.readString(prefix), "k").getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        assertThat(Ed25519Keys.readPublic(Files.readString(dir.resolve("mergegate.pub")), "k").getEncoded())
                .isEqualTo(pair.getPublic().getEncoded());
        assertThatThrownBy(() -> Ed25519Keys.write(Ed25519Keys.generate(), prefix)).isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void a_public_key_passed_as_private_is_refused_with_the_file_name() {
        String pub = Ed25519Keys.publicPem(Ed25519Keys.generate().getPublic());
        assertThatThrownBy(() -> Ed25519Keys.readPrivate(pub, "deploy.pub"))
                .isInstanceOf(ApprovalException.class).hasMessage("deploy.pub has no '-----BEGIN PRIVATE KEY-----' block");
    }

    @Test
    void the_public_key_is_derived_from_the_private_key() {
        for (int i = 0; i < 5; i++) {
            KeyPair pair = Ed25519Keys.generate();
            assertThat(Ed25519Keys.publicKeyOf(pair.getPrivate()).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        }
    }

    @Test
    void a_key_made_by_openssl_is_read_and_its_public_half_matches() throws Exception {
        // openssl genpkey -algorithm ed25519; openssl pkey -pubout (RFC 8032 test vector 1 seed)
        String priv = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n-----END PRIVATE KEY-----\n";
        String pub = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n-----END PUBLIC KEY-----\n";
        assertThat(Ed25519Keys.publicKeyOf(Ed25519Keys.readPrivate(priv, "k")).getEncoded())
                .isEqualTo(Ed25519Keys.readPublic(pub, "k").getEncoded());
    }

    @Test
    void the_key_id_is_the_sha256_of_the_public_key_der() {
        KeyPair pair = Ed25519Keys.generate();
        assertThat(Ed25519Keys.keyId(pair.getPublic())).isEqualTo("sha256:" + Digests.sha256Hex(pair.getPublic().getEncoded()));
    }
}
