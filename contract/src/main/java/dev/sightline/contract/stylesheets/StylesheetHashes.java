package dev.sightline.contract.stylesheets;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** How a stylesheet is named: the lower-case hex SHA-256 of its UTF-8 bytes, as the tracker computes it. */
public final class StylesheetHashes {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

    private StylesheetHashes() {
    }

    /** Whether the text is a hash as this class writes it (and so a safe file or object name). */
    public static boolean isHash(String text) {
        return text != null && HASH.matcher(text).matches();
    }

    public static String of(byte[] utf8) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(utf8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * A string's UTF-8 bytes as a browser's {@code TextEncoder} writes them: a lone surrogate becomes
     * U+FFFD (Java's own encoder would write '?', and the hashes would then differ).
     */
    public static byte[] utf8(String text) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(REPLACEMENT);
        try {
            ByteBuffer bytes = encoder.encode(CharBuffer.wrap(text));
            return Arrays.copyOfRange(bytes.array(), bytes.position(), bytes.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("replacing encoders do not fail", e);
        }
    }
}
