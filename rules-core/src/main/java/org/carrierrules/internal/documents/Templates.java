package org.carrierrules.internal.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;

import org.carrierrules.documents.DocumentKind;
import org.carrierrules.internal.policy.PolicyFiles;
import org.carrierrules.internal.tree.Nearest;
import org.carrierrules.policy.PolicyProblem;

/**
 * The documents' templates of a policy: its {@code templates/<name>.mustache}, else the library's default of that
 * name, each checked ({@link TemplateScanner}) and compiled when the policy loads. A broken template is a problem of
 * the policy like a broken rule, so a reload with one is refused and the policy serving now keeps serving.
 * <p>
 * Compiled with jmustache, its reflection switched off: the templates see maps, lists and texts only
 * ({@link BasicCollector}), so no tag can call a method; every value goes through {@link Markup#VALUE}, which marks it
 * as a value so that no name or message can become markup or HTML.
 */
public final class Templates {
    static final String FOLDER = "templates/";
    private static final String SUFFIX = ".mustache";
    private static final String DEFAULTS = "/org/carrierrules/internal/documents/defaults/";
    /** Far above a letter's wording (the largest default is 3 KB), far below what would slow a load. */
    static final int MAX_TEMPLATE_BYTES = 64 * 1024;

    private static final Mustache.Compiler BASE = Mustache.compiler()
            .withEscaper(Markup.VALUE)
            .withCollector(new BasicCollector() {
                @Override
                public <K, V> Map<K, V> createFetcherCache() {
                    return new ConcurrentHashMap<>();
                }
            })
            .strictSections(true);

    private final Map<DocumentKind, Template> compiled;
    /**
     * The SHA-256 of the wording every document was rendered from (each template's name and text, the library's
     * defaults included): templates are left out of the policy's fingerprint, like the scenarios, so that changing a
     * letter's wording changes no decision's; the audit line of a printed document names both.
     */
    private final String wording;

    private Templates(Map<DocumentKind, Template> compiled, String wording) {
        this.compiled = compiled;
        this.wording = wording;
    }

    /** The policy's templates over the library's defaults, checked; every problem added to {@code problems}. */
    public static Templates read(PolicyFiles files, List<PolicyProblem> problems) {
        Map<String, String> texts = new HashMap<>();
        List<String> names = new ArrayList<>(Arrays.stream(DocumentKind.values()).map(DocumentKind::templateName).toList());
        names.add(TemplateSchema.CONTACT);
        for (String name : names) {
            texts.put(name, defaultText(name));
        }
        Map<String, String> fromPolicy = new HashMap<>();
        for (Map.Entry<String, byte[]> file : files.templates().entrySet()) {
            String path = file.getKey();
            String name = path.substring(FOLDER.length(), path.length() - SUFFIX.length());
            if (!names.contains(name)) {
                String nearest = Nearest.of(name, names);
                problems.add(new PolicyProblem(path, 0, "没有名为“" + name + "”的文书模板" + (nearest == null ? "" : "：是不是 " + FOLDER + nearest + SUFFIX + "？")
                        + "可用的模板名有 " + String.join("、", names)));
                continue;
            }
            if (file.getValue().length > MAX_TEMPLATE_BYTES) {
                problems.add(new PolicyProblem(path, 0, "模板文件大小为 " + file.getValue().length + " 字节，超过模板的上限 " + MAX_TEMPLATE_BYTES
                        + " 字节，未读取：一份文书的措辞通常只有几 KB，请确认这是正确的文件"));
                continue;
            }
            String text = utf8(path, file.getValue(), problems);
            if (text != null) {
                fromPolicy.put(name, text);
            }
        }
        texts.putAll(fromPolicy);
        int before = problems.size();
        for (String name : names) {
            String where = fromPolicy.containsKey(name) ? FOLDER + name + SUFFIX : "（库的默认模板）" + name + SUFFIX;
            boolean contact = name.equals(TemplateSchema.CONTACT);
            TemplateScanner.check(where, texts.get(name), contact ? TemplateSchema.partial() : schemaOf(name), !contact, problems);
        }
        if (problems.size() > before) {
            return null;
        }
        Mustache.Compiler compiler = BASE.withLoader(partial -> {
            // The scanner allows {{> contact}} only; this is the second lock on the same door.
            if (!TemplateSchema.CONTACT.equals(partial)) {
                throw new MustacheException("partial " + partial + " refused");
            }
            return new StringReader(texts.get(TemplateSchema.CONTACT));
        });
        Map<DocumentKind, Template> compiled = new EnumMap<>(DocumentKind.class);
        for (DocumentKind kind : DocumentKind.values()) {
            String name = kind.templateName();
            try {
                compiled.put(kind, compiler.compile(texts.get(name)));
            } catch (MustacheException e) {
                problems.add(new PolicyProblem(fromPolicy.containsKey(name) ? FOLDER + name + SUFFIX : name, 0, "模板无法编译：" + e.getMessage()));
            }
        }
        return problems.size() > before ? null : new Templates(Map.copyOf(compiled), digest(texts));
    }

    /** {@code sha256:} and the hex digest of the templates, by name in order, each name and text with its length. */
    private static String digest(Map<String, String> texts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String name : new TreeSet<>(texts.keySet())) {
                for (String part : List.of(name, texts.get(name))) {
                    byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                    sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
                    sha.update(bytes);
                }
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** The digest of the wording documents are rendered from, for the audit line. */
    String wording() {
        return wording;
    }

    /** The document's wording with {@code context}'s values, in the markup of {@link Markup}. */
    String execute(DocumentKind kind, Map<String, Object> context) {
        return compiled.get(kind).execute(context);
    }

    private static Map<String, TemplateSchema.Field> schemaOf(String name) {
        return TemplateSchema.of(Arrays.stream(DocumentKind.values()).filter(k -> k.templateName().equals(name)).findFirst().orElseThrow());
    }

    private static String utf8(String path, byte[] bytes, List<PolicyProblem> problems) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(new PolicyProblem(path, 0, "不是 UTF-8 编码的文本：请用 UTF-8 保存此模板"));
            return null;
        }
    }

    private static String defaultText(String name) {
        try (InputStream in = Templates.class.getResourceAsStream(DEFAULTS + name + SUFFIX)) {
            if (in == null) {
                throw new IllegalStateException("the library's default template " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
