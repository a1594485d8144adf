// --aggregate: claims counted per (holder, stance, target, negated).
#include "pipeline/writers/aggregate.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "pipeline/writers/writer.h"

namespace stance {
namespace {

using Records = WriterOptions::Records;

// A document whose sentence i is "Sentence i." and whose claims are
// `claims`, each in the sentence given by its `sentence`.
Document MakeDocument(const std::string& id, std::vector<Claim> claims) {
  Document doc;
  doc.id = id;
  for (int i = 0; i < 4; ++i) {
    uint32_t begin = static_cast<uint32_t>(doc.original.size());
    doc.original += "Sentence " + std::to_string(i) + ".\n";
    uint32_t end = static_cast<uint32_t>(doc.original.size() - 1);
    doc.sentences.push_back({{begin, end}, {begin, end}});
  }
  doc.text = doc.original;
  doc.claims = std::move(claims);
  return doc;
}

Claim MakeClaim(std::string holder, std::string stance, std::string target,
                int sentence, uint32_t begin, std::string rule = "r") {
  Claim c;
  c.holder = std::move(holder);
  c.stance = std::move(stance);
  c.target = std::move(target);
  c.sentence = sentence;
  c.span = c.norm = {begin, begin + 5};
  c.rule = std::move(rule);
  return c;
}

// The aggregate of `docs` as JSONL, one parsed object per row.
std::vector<nlohmann::json> Aggregate(const std::vector<Document>& docs) {
  WriterOptions options;
  options.records = Records::kAggregates;
  std::ostringstream out;
  std::unique_ptr<Writer> writer;
  REQUIRE(NewWriter("jsonl", options, &out, &writer).ok());
  for (const Document& doc : docs) REQUIRE(writer->Write(doc).ok());
  // Nothing is written before the batch is over: counts are not known yet.
  CHECK(out.str().empty());
  REQUIRE(writer->Finish().ok());
  std::vector<nlohmann::json> rows;
  std::istringstream lines(out.str());
  std::string line;
  while (std::getline(lines, line)) rows.push_back(nlohmann::json::parse(line));
  return rows;
}

TEST_CASE("Aggregate columns are fixed") {
  std::vector<std::string> expected = {
      "holder",    "stance",         "target",      "negated",  "count",
      "hedged_count", "documents",   "doc_ids",     "first_doc",
      "first_evidence", "first_begin", "first_end", "first_rule"};
  CHECK(AggregateColumns() == expected);
}

TEST_CASE("One row per group: counts, documents and the first evidence") {
  Claim hedged = MakeClaim("France", "supports", "the plan", 2, 22, "b");
  hedged.hedged = true;
  std::vector<nlohmann::json> rows = Aggregate({
      MakeDocument("a.txt", {MakeClaim("France", "supports", "the plan", 1, 11,
                                       "support.verb"),
                             MakeClaim("Chad", "opposes", "the plan", 0, 0)}),
      MakeDocument("b.txt", {hedged,
                             MakeClaim("France", "supports", "the plan", 3, 33)}),
  });
  REQUIRE(rows.size() == 2);
  const nlohmann::json& france = rows[0];
  CHECK(france["holder"] == "France");
  CHECK(france["stance"] == "supports");
  CHECK(france["target"] == "the plan");
  CHECK(france["negated"] == false);
  CHECK(france["count"] == 3);
  CHECK(france["hedged_count"] == 1);
  CHECK(france["documents"] == 2);
  CHECK(france["doc_ids"] == "a.txt; b.txt");
  CHECK(france["first_doc"] == "a.txt");
  CHECK(france["first_evidence"] == "Sentence 1.");
  CHECK(france["first_begin"] == 11);
  CHECK(france["first_end"] == 16);
  CHECK(france["first_rule"] == "support.verb");
  CHECK(rows[1]["holder"] == "Chad");
  CHECK(rows[1]["count"] == 1);
  CHECK(rows[1]["doc_ids"] == "a.txt");
}

TEST_CASE("The first claim is the first in output order, not stage order") {
  // Stored out of order: the claim at offset 0 comes first in the output.
  std::vector<nlohmann::json> rows = Aggregate({MakeDocument(
      "a.txt", {MakeClaim("Iran", "urges", "calm", 2, 22, "late"),
                MakeClaim("Iran", "urges", "calm", 0, 0, "early")})});
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["first_rule"] == "early");
  CHECK(rows[0]["first_evidence"] == "Sentence 0.");
  CHECK(rows[0]["documents"] == 1);
}

TEST_CASE("A negated claim is a group of its own") {
  Claim denial = MakeClaim("Peru", "supports", "sanctions", 1, 11);
  denial.negated = true;
  std::vector<nlohmann::json> rows = Aggregate({MakeDocument(
      "a.txt", {MakeClaim("Peru", "supports", "sanctions", 0, 0), denial})});
  REQUIRE(rows.size() == 2);
  // Same count: negated false sorts first.
  CHECK(rows[0]["negated"] == false);
  CHECK(rows[1]["negated"] == true);
  CHECK(rows[0]["count"] == 1);
  CHECK(rows[1]["count"] == 1);
}

TEST_CASE("Rows sort by count, then holder, stance, target") {
  std::vector<nlohmann::json> rows = Aggregate({MakeDocument(
      "a.txt", {MakeClaim("Mali", "urges", "talks", 0, 0),
                MakeClaim("Chad", "urges", "talks", 0, 1),
                MakeClaim("Chad", "backs", "talks", 0, 2),
                MakeClaim("Chad", "backs", "calm", 0, 3),
                MakeClaim("Oman", "urges", "talks", 0, 4),
                MakeClaim("Oman", "urges", "talks", 1, 5)})});
  std::vector<std::string> order;
  for (const nlohmann::json& row : rows) {
    order.push_back(row["holder"].get<std::string>() + " " +
                    row["stance"].get<std::string>() + " " +
                    row["target"].get<std::string>());
  }
  CHECK(order == std::vector<std::string>{"Oman urges talks", "Chad backs calm",
                                          "Chad backs talks", "Chad urges talks",
                                          "Mali urges talks"});
}

TEST_CASE("Document ids are bounded; the count of documents is exact") {
  std::vector<Document> docs;
  for (int i = 0; i < 13; ++i) {
    docs.push_back(MakeDocument("d" + std::to_string(i),
                                {MakeClaim("Fiji", "backs", "x", 0, 0),
                                 MakeClaim("Fiji", "backs", "x", 1, 11)}));
  }
  std::vector<nlohmann::json> rows = Aggregate(docs);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["count"] == 26);
  CHECK(rows[0]["documents"] == 13);
  CHECK(rows[0]["doc_ids"] ==
        "d0; d1; d2; d3; d4; d5; d6; d7; d8; d9; (+3 more)");
}

TEST_CASE("A claim without a sentence has null first evidence") {
  std::vector<nlohmann::json> rows = Aggregate(
      {MakeDocument("a.txt", {MakeClaim("Togo", "backs", "x", 9, 0)})});
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["first_evidence"].is_null());
}

TEST_CASE("Aggregate CSV and TSV: the same columns, header and rows") {
  std::vector<Document> docs = {MakeDocument(
      "a,b.txt", {MakeClaim("France", "supports", "the \"plan\"", 0, 0)})};
  WriterOptions options;
  options.records = Records::kAggregates;
  for (const char* format : {"csv", "tsv"}) {
    std::ostringstream out;
    std::unique_ptr<Writer> writer;
    REQUIRE(NewWriter(format, options, &out, &writer).ok());
    for (const Document& doc : docs) REQUIRE(writer->Write(doc).ok());
    REQUIRE(writer->Finish().ok());
    if (std::string(format) == "csv") {
      CHECK(out.str() ==
            "holder,stance,target,negated,count,hedged_count,documents,"
            "doc_ids,first_doc,first_evidence,first_begin,first_end,"
            "first_rule\n"
            "France,supports,\"the \"\"plan\"\"\",false,1,0,1,\"a,b.txt\","
            "\"a,b.txt\",Sentence 0.,0,5,r\n");
    } else {
      CHECK(out.str() ==
            "holder\tstance\ttarget\tnegated\tcount\thedged_count\tdocuments\t"
            "doc_ids\tfirst_doc\tfirst_evidence\tfirst_begin\tfirst_end\t"
            "first_rule\n"
            "France\tsupports\tthe \"plan\"\tfalse\t1\t0\t1\ta,b.txt\t"
            "a,b.txt\tSentence 0.\t0\t5\tr\n");
    }
  }
}

TEST_CASE("Aggregate as text is refused") {
  WriterOptions options;
  options.records = Records::kAggregates;
  std::ostringstream out;
  std::unique_ptr<Writer> writer;
  CHECK(NewWriter("text", options, &out, &writer).code() ==
        Status::kInvalidArgument);
}

TEST_CASE("ClaimAggregator counts groups as documents come") {
  writers::ClaimAggregator aggregator;
  CHECK(aggregator.size() == 0);
  aggregator.Add(MakeDocument("a", {MakeClaim("A", "b", "c", 0, 0),
                                    MakeClaim("A", "b", "c", 0, 1)}));
  CHECK(aggregator.size() == 1);
  // The NUL-joined key keeps ("A b", "c") apart from ("A", "b c").
  aggregator.Add(MakeDocument("b", {MakeClaim("A b", "c", "d", 0, 0),
                                    MakeClaim("A", "b c", "d", 0, 1)}));
  CHECK(aggregator.size() == 3);
  int rows = 0;
  aggregator.ForEachRow([&rows](const writers::Record& r) {
    CHECK(r.fields.size() == AggregateColumns().size());
    ++rows;
  });
  CHECK(rows == 3);
}

}  // namespace
}  // namespace stance
