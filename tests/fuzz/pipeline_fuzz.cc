// libFuzzer target: the bytes are one article. The shipped rules are loaded
// once; each input runs through every stage and every writer, and is also
// read as --input jsonl. Spans must stay inside the text.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <sstream>
#include <string>

#include "pipeline/document.h"
#include "pipeline/inputs.h"
#include "pipeline/pipeline.h"
#include "pipeline/status.h"
#include "pipeline/writers/writer.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

const stance::Pipeline& LoadedPipeline() {
  static const stance::Pipeline* pipeline = [] {
    stance::PipelineOptions options;
    options.rules_dir = stance::fuzz::RulesDir();
    std::unique_ptr<stance::Pipeline> loaded;
    stance::NullSink sink;
    STANCE_FUZZ_CHECK(stance::Pipeline::Create(options, &loaded, &sink).ok());
    return loaded.release();
  }();
  return *pipeline;
}

void CheckSpan(const stance::Document& doc, stance::Span span) {
  STANCE_FUZZ_CHECK(span.begin <= span.end && span.end <= doc.original.size());
}

void WriteAll(const stance::Document& doc) {
  using Records = stance::WriterOptions::Records;
  for (Records records : {Records::kClaims, Records::kQuotes, Records::kSentences}) {
    for (const char* format : {"jsonl", "csv", "tsv"}) {
      std::ostringstream out;
      std::unique_ptr<stance::Writer> writer;
      stance::WriterOptions options;
      options.records = records;
      STANCE_FUZZ_CHECK(stance::NewWriter(format, options, &out, &writer).ok());
      STANCE_FUZZ_CHECK(writer->Write(doc).ok());
      STANCE_FUZZ_CHECK(writer->Finish().ok());
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const stance::Pipeline& pipeline = LoadedPipeline();
  std::string text(reinterpret_cast<const char*>(data), size);
  stance::Document doc;
  stance::CollectingSink sink;
  STANCE_FUZZ_CHECK(pipeline.Process("fuzz", text, &doc, &sink).ok());
  STANCE_FUZZ_CHECK(doc.original == text);
  for (const stance::Sentence& s : doc.sentences) CheckSpan(doc, s.span);
  for (const stance::Quote& q : doc.quotes) CheckSpan(doc, q.span);
  for (const stance::ActorMention& m : doc.actor_mentions) CheckSpan(doc, m.span);
  for (const stance::Claim& c : doc.claims) CheckSpan(doc, c.span);
  WriteAll(doc);

  // The same bytes as a JSONL batch file.
  stance::JsonlDocuments lines("fuzz.jsonl", text);
  std::string id, line_text;
  stance::Status s;
  while (lines.Next(&id, &line_text, &s)) {
    if (s.ok()) pipeline.Process(id, line_text, &doc, &sink);
  }
  return 0;
}
