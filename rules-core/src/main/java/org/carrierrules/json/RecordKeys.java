package org.carrierrules.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Ed25519 keys that sign decision records, as the host keeps them: a PKCS#8 PEM private key
 * ({@code -----BEGIN PRIVATE KEY-----}) to sign, an X.509 PEM public key ({@code -----BEGIN PUBLIC KEY-----})
 * to check. {@code openssl genpkey -algorithm ed25519 -out sign-key.pem} and
 * {@code openssl pkey -in sign-key.pem -pubout -out public-key.pem} make such a pair. Keys come from the
 * JDK's own provider; the library neither makes nor stores keys.
 */
public final class RecordKeys {
    /** A PEM key is about 120 bytes; anything much larger is not a key file. */
    private static final long MAX_BYTES = 64 * 1024;
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");
    private static final String ED25519 = "Ed25519";

    private RecordKeys() {
    }

    /**
     * The Ed25519 private key of a PKCS#8 PEM file.
     *
     * @throws KeyFileException when the file cannot be read or holds no unencrypted Ed25519 private key
     */
    public static PrivateKey readPrivateKey(Path file) {
        byte[] der = pem(file, "PRIVATE KEY", "私钥");
        try {
            PrivateKey key = KeyFactory.getInstance(ED25519).generatePrivate(new PKCS8EncodedKeySpec(der));
            return ed25519(key, file);
        } catch (GeneralSecurityException e) {
            throw new KeyFileException(file.toString(), "不是 Ed25519 私钥（PKCS#8）：" + e.getMessage()
                    + "；请用 openssl genpkey -algorithm ed25519 -out sign-key.pem 生成", e);
        }
    }

    /**
     * The Ed25519 public key of an X.509 ({@code SubjectPublicKeyInfo}) PEM file.
     *
     * @throws KeyFileException when the file cannot be read or holds no Ed25519 public key
     */
    public static PublicKey readPublicKey(Path file) {
        byte[] der = pem(file, "PUBLIC KEY", "公钥");
        try {
            PublicKey key = KeyFactory.getInstance(ED25519).generatePublic(new X509EncodedKeySpec(der));
            return ed25519(key, file);
        } catch (GeneralSecurityException e) {
            throw new KeyFileException(file.toString(), "不是 Ed25519 公钥（X.509）：" + e.getMessage()
                    + "；请用 openssl pkey -in sign-key.pem -pubout -out public-key.pem 从私钥导出", e);
        }
    }

    /**
     * {@code sha256:} and the SHA-256 of the key's X.509 encoding in hex, the name a signature gives its key;
     * the same as {@code openssl pkey -pubin -in public-key.pem -outform DER | sha256sum}.
     */
    public static String keyId(PublicKey key) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Whether a key is an Ed25519 key (not Ed448, RSA or EC). */
    static boolean isEd25519(java.security.Key key) {
        return key instanceof EdECKey ed && ED25519.equalsIgnoreCase(ed.getParams().getName());
    }

    /**
     * The public key that goes with an Ed25519 private key. The JCA has no call for it, but its key pair
     * generator makes the public key from 32 random bytes, which is the private key (RFC 8032, 5.1.5); given
     * those bytes as its randomness it gives the pair back. Checked against the key given, and empty on
     * any other provider.
     */
    static Optional<PublicKey> publicKeyOf(PrivateKey key) {
        if (!(key instanceof EdECPrivateKey ed) || ed.getBytes().isEmpty() || !isEd25519(key)) {
            return Optional.empty();
        }
        byte[] secret = ed.getBytes().get();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ED25519);
            generator.initialize(new NamedParameterSpec(ED25519), new SecureRandom() {
                private static final long serialVersionUID = 1L;

                @Override
                public void nextBytes(byte[] bytes) {
                    Arrays.fill(bytes, (byte) 0);
                    System.arraycopy(secret, 0, bytes, 0, Math.min(secret.length, bytes.length));
                }
            });
            KeyPair pair = generator.generateKeyPair();
            return pair.getPrivate() instanceof EdECPrivateKey derived && derived.getBytes().isPresent()
                    && Arrays.equals(derived.getBytes().get(), secret) ? Optional.of(pair.getPublic()) : Optional.empty();
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            return Optional.empty();
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static <K extends java.security.Key> K ed25519(K key, Path file) {
        if (!isEd25519(key)) {
            throw new KeyFileException(file.toString(), "密钥算法为 " + key.getAlgorithm() + "，决定记录只用 Ed25519 签名", null);
        }
        return key;
    }

    /** The DER bytes of the one PEM block of {@code type} in the file. */
    private static byte[] pem(Path file, String type, String what) {
        String text;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new KeyFileException(file.toString(), "文件超过 " + MAX_BYTES / 1024 + " KiB，不是 PEM 格式的密钥文件", null);
            }
            text = new String(bytes, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new KeyFileException(file.toString(), "无法读取" + what + "文件：" + e.getMessage(), e);
        }
        Matcher block = PEM.matcher(text);
        if (!block.find()) {
            throw new KeyFileException(file.toString(), "不是 PEM 格式的" + what + "（应以 -----BEGIN " + type + "----- 开头）", null);
        }
        String found = block.group(1);
        if (!found.equals(type)) {
            throw new KeyFileException(file.toString(), wrongBlock(found, type, what), null);
        }
        try {
            return Base64.getMimeDecoder().decode(block.group(2).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(file.toString(), "PEM 内容不是有效的 Base64：" + e.getMessage(), e);
        }
    }

    private static String wrongBlock(String found, String type, String what) {
        if (found.equals("ENCRYPTED PRIVATE KEY")) {
            return "私钥已加密；请先解密：openssl pkey -in 加密的私钥.pem -out sign-key.pem";
        }
        if (found.equals("OPENSSH PRIVATE KEY")) {
            return "这是 OpenSSH 格式的私钥；请转换为 PKCS#8：ssh-keygen -p -m PKCS8 -f 文件，或用 openssl genpkey -algorithm ed25519 另行生成";
        }
        if (found.equals("PRIVATE KEY") && type.equals("PUBLIC KEY")) {
            return "这是私钥，不是公钥；核验只需公钥：openssl pkey -in sign-key.pem -pubout -out public-key.pem，私钥请妥善保管，不要交给核验方";
        }
        if (found.equals("PUBLIC KEY") && type.equals("PRIVATE KEY")) {
            return "这是公钥；签名须用私钥（-----BEGIN PRIVATE KEY-----）";
        }
        return "PEM 内容为 " + found + "，应为 " + type + "（Ed25519 " + what + "）";
    }
}
