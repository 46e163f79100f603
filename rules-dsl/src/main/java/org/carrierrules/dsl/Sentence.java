package org.carrierrules.dsl;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One sentence of the vocabulary, as policy staff write it.
 *
 * @param kind       a condition (after {@code when}) or a consequence (after {@code then})
 * @param text       the sentence as staff read it, placeholders shown as {@code {code}}
 * @param pattern    what a line must match to be this sentence
 * @param parameters the names of its placeholders, in order
 * @param binds      the rule variables ({@code $x}) its expansion binds, which message slots may name
 * @param needs      the rule variables its expansion uses but does not bind: an earlier sentence of the
 *                   rule must bind them (申报单位未提交该材料 needs the material 本类载体须提交的材料 names)
 * @param globals    the header's globals its expansion uses ({@code round}, {@code grounds}, …): only a
 *                   {@link Stage} that sets them all can run it
 */
public record Sentence(Kind kind, String text, Pattern pattern, List<String> parameters, Set<String> binds,
                       Set<String> needs, Set<String> globals) {
    public enum Kind {
        CONDITION("条件"),
        CONSTRAINT("附加条件"),
        CONSEQUENCE("结论");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
