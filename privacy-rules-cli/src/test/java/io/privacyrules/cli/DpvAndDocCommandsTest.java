package io.privacyrules.cli;

import static io.privacyrules.cli.MainTest.PACK;
import static io.privacyrules.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** decide --dpv and doc. */
class DpvAndDocCommandsTest {
    private static final String SHARE = """
            action: share
            purpose: service-analytics
            data: [identity.gender, enterprise.name]
            recipient: authorized-dealer
            subject: {consents: [{recipient: authorized-dealer}]}
            """;

    private static List<String> keys(JsonNode json) {
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void decideWithDpvAddsTheTermsAfterTheUsualKeys() throws Exception {
        MainTest.Run r = run(SHARE, "decide", "--policy", PACK, "--dpv");
        assertEquals(0, r.exit(), r.toString());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(List.of("decision", "reasons", "obligations", "policy", "policyVersion", "dpv"), keys(json));
        assertEquals("permit", json.get("decision").asText());
        JsonNode dpv = json.get("dpv");
        assertEquals(List.of("action", "purpose", "basis", "recipient", "data"), keys(dpv));
        assertEquals("dpv:Share", dpv.get("action").asText());
        assertEquals("dpv:ServiceUsageAnalytics", dpv.get("purpose").asText());
        assertEquals("dpv:Contract", dpv.get("basis").asText());
        assertEquals("dpv:DataController", dpv.get("recipient").asText());
        assertEquals("{\"identity.gender\":\"pd:Gender\"}", dpv.get("data").toString(), "enterprise.name has no term");
    }

    @Test
    void decideWithoutDpvKeepsItsKeys() throws Exception {
        MainTest.Run r = run(SHARE, "decide", "--policy", PACK);
        assertEquals(0, r.exit(), r.toString());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(List.of("decision", "reasons", "obligations", "policy", "policyVersion"), keys(json));
        MainTest.Run withDpv = run(SHARE, "decide", "--policy", PACK, "--dpv");
        JsonNode other = new ObjectMapper().readTree(withDpv.out());
        ((com.fasterxml.jackson.databind.node.ObjectNode) other).remove("dpv");
        assertEquals(json, other, "--dpv changes nothing but adding dpv");
    }

    @Test
    void aRightsRequestGetsTheTermOfItsRightWhenThePackHasOne() throws Exception {
        MainTest.Run r = run("right: access\nreceivedOn: 2026-03-02\nidentityVerified: true\n",
                "decide", "--policy", PACK, "--dpv");
        assertEquals(0, r.exit(), r.toString());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("outcome", keys(json).get(0));
        assertEquals("dpv", keys(json).get(keys(json).size() - 1));
        assertEquals("{}", json.get("dpv").toString(), "the seed pack gives its rights no DPV term");
    }

    @Test
    void dpvIsNotForRetentionQueriesNorWithExplain() {
        MainTest.Run retention = run("data: contract.record\npurposes: [contract-conclusion]\n", "decide", "--policy", PACK, "--dpv");
        assertEquals(2, retention.exit(), retention.toString());
        assertTrue(retention.err().contains("--dpv"), retention.err());
        MainTest.Run explain = run(SHARE, "decide", "--policy", PACK, "--dpv", "--explain");
        assertEquals(2, explain.exit(), explain.toString());
        assertTrue(explain.err().contains("--dpv goes with a plain decide"), explain.err());
    }

    @Test
    void docPrintsTheCommittedMarkdownOfTheSeedPack() throws Exception {
        MainTest.Run r = run("", "doc", "--policy", PACK);
        assertEquals(0, r.exit(), r.err());
        String committed = Files.readString(Path.of("..", "docs", "seed-pack-rules.md"), StandardCharsets.UTF_8)
                .replace("\r\n", "\n");
        assertEquals(committed, r.out(), "docs/seed-pack-rules.md differs from what doc prints");
        assertEquals(r.out(), run("", "doc", "--policy", "classpath:bmw-connected-drive-cn", "--format", "markdown").out());
    }

    @Test
    void docWritesHtmlToAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pack.html");
        MainTest.Run r = run("", "doc", "--policy", PACK, "--format", "html", "--out", file.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("doc: " + file, r.out().strip());
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 40));
        assertTrue(html.contains("<h2 id=\"dpv\">W3C DPV mapping</h2>"));
    }

    @Test
    void docRejectsBadUsage(@TempDir Path dir) {
        MainTest.Run format = run("", "doc", "--policy", PACK, "--format", "pdf");
        assertEquals(2, format.exit());
        assertTrue(format.err().contains("--format is markdown or html, not 'pdf'"), format.err());
        assertEquals(2, run("", "doc").exit());
        assertEquals(2, run("", "doc", "--policy", PACK, "extra").exit());
        MainTest.Run nowhere = run("", "doc", "--policy", PACK, "--out", dir.resolve("no/such/dir/x.md").toString());
        assertEquals(2, nowhere.exit(), nowhere.toString());
        assertTrue(nowhere.err().contains("cannot write the document"), nowhere.err());
        assertFalse(nowhere.err().contains("\tat "), nowhere.err());
    }

    @Test
    void usageNamesBothNewOptions() {
        MainTest.Run r = run("", "--help");
        assertTrue(r.out().contains("privacy-rules doc    --policy POLICY [--format markdown|html] [--out FILE]"), r.out());
        assertTrue(r.out().contains("--dpv"), r.out());
    }
}
