package io.mergegate.reports.approval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 keys as PEM: the private key as PKCS#8 ({@code BEGIN PRIVATE KEY}), the public key as
 * X.509 SubjectPublicKeyInfo ({@code BEGIN PUBLIC KEY}), the forms {@code openssl genpkey -algorithm
 * ed25519} and {@code openssl pkey -pubout} use, so either tool can make or check the keys.
 */
public final class Ed25519Keys {

    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";

    private Ed25519Keys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    public static String privatePem(PrivateKey key) {
        return pem(PRIVATE, key.getEncoded());
    }

    public static String publicPem(PublicKey key) {
        return pem(PUBLIC, key.getEncoded());
    }

    /**
     * Writes {@code prefix} (private key, owner read/write only) and {@code prefix.pub}. Refuses to
     * overwrite either file.
     */
    public static void write(KeyPair pair, Path prefix) throws IOException {
        Path pub = prefix.resolveSibling(prefix.getFileName() + ".pub");
        for (Path p : new Path[] {prefix, pub}) {
            if (Files.exists(p)) {
                throw new FileAlreadyExistsException(p.toString(), null, "refusing to overwrite an existing key file");
            }
        }
        byte[] priv = privatePem(pair.getPrivate()).getBytes(StandardCharsets.US_ASCII);
        try {
            Files.createFile(prefix, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the file gets the directory's default ACL.
            Files.createFile(prefix);
        }
        Files.write(prefix, priv, StandardOpenOption.TRUNCATE_EXISTING);
        Files.writeString(pub, publicPem(pair.getPublic()), StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
    }

    public static PrivateKey readPrivate(String pem, String source) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der(pem, PRIVATE, source)));
        } catch (GeneralSecurityException e) {
            throw new ApprovalException(source + " is not an Ed25519 private key in PKCS#8 PEM: " + e.getMessage(), e);
        }
    }

    public static PublicKey readPublic(String pem, String source) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der(pem, PUBLIC, source)));
        } catch (GeneralSecurityException e) {
            throw new ApprovalException(source + " is not an Ed25519 public key in X.509 PEM: " + e.getMessage(), e);
        }
    }

    /**
     * The public half of an Ed25519 private key. The JDK has no direct call for it, but its key pair
     * generator takes the 32-byte private seed from the {@link SecureRandom} it is given, so feeding it
     * the seed reproduces the key pair.
     */
    public static PublicKey publicKeyOf(PrivateKey key) {
        if (!(key instanceof EdECPrivateKey ed) || ed.getBytes().isEmpty()) {
            throw new ApprovalException("not an Ed25519 private key");
        }
        byte[] seed = ed.getBytes().get();
        SecureRandom replay = new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
            }
        };
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(NamedParameterSpec.ED25519, replay);
            return g.generateKeyPair().getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    /** {@code sha256:<hex>} of the public key's DER encoding; the DSSE {@code keyid}. */
    public static String keyId(PublicKey key) {
        return "sha256:" + Digests.sha256Hex(key.getEncoded());
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] der(String pem, String label, String source) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int b = pem.indexOf(begin);
        int e = pem.indexOf(end);
        if (b < 0 || e < b) {
            throw new ApprovalException(source + " has no '" + begin + "' block");
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(b + begin.length(), e));
        } catch (IllegalArgumentException ex) {
            throw new ApprovalException(source + " has a '" + begin + "' block that is not base64");
        }
    }
}
