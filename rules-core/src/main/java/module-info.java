/**
 * The carrier-rules library: the facade {@link org.carrierrules.CarrierRules} and the records a host passes in
 * and gets back, stage by stage (read → assess → score and allocate → notice → supervise), plus the JSON
 * contract. Everything under {@code org.carrierrules.internal} is the library's own and not exported.
 */
module org.carrierrules {
    exports org.carrierrules;
    exports org.carrierrules.application;
    exports org.carrierrules.assessment;
    exports org.carrierrules.allocation;
    exports org.carrierrules.notice;
    exports org.carrierrules.supervision;
    exports org.carrierrules.policy;
    exports org.carrierrules.json;
    exports org.carrierrules.documents;

    // The rules Drools compiles from the generated DRL see these at run time: the facts, and the collector each
    // stage's consequences report to. Opened (reflection at run time), never exported (no host compiles against them).
    opens org.carrierrules.internal.facts;
    opens org.carrierrules.internal.assessment;
    opens org.carrierrules.internal.allocation;
    opens org.carrierrules.internal.supervision;

    requires org.kie.api;
    // The bundled policies' stages as the build compiled them (Drools' executable model), loaded without compiling.
    requires org.drools.modelcompiler;
    requires org.drools.canonicalmodel;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires com.fasterxml.jackson.datatype.jsr310;
    // The YAML parser's own marks and reader errors, for syntax errors told in Chinese at their line.
    requires org.yaml.snakeyaml;
    requires org.slf4j;
    // The documents' templates (templates/*.mustache).
    requires com.samskivert.jmustache;
    // Decision tables (rules/<stage>/*.csv, *.xlsx): CSV through Jackson; xlsx through fastexcel's streaming reader,
    // whose archive the table reader first inflates and measures itself through commons-compress (zip bombs).
    requires com.fasterxml.jackson.dataformat.csv;
    requires org.dhatim.fastexcel.reader;
    requires org.apache.commons.compress;

    // Jackson binds the policy files' records (round.yaml, rubric.yaml, codes.yaml …) by reflection, and the JSON
    // contract through the mix-ins and deserializers of json, which are the library's own (package-private).
    opens org.carrierrules.json to com.fasterxml.jackson.databind;
    opens org.carrierrules.internal.policy to com.fasterxml.jackson.databind;
    opens org.carrierrules.internal.language to com.fasterxml.jackson.databind;
}
