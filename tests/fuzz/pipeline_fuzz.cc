// libFuzzer target: the bytes are one article. The shipped rules are loaded
// once; each input runs through every stage (with the stance trace that
// `explain` and the review page read) and every writer in every format, and
// is also read as --input jsonl. Spans must stay inside the text.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include "pipeline/document.h"
#include "pipeline/inputs.h"
#include "pipeline/line_reader.h"
#include "pipeline/pipeline.h"
#include "pipeline/stance_trace.h"
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

// Every writer that takes `records`, in every format; xlsx (which goes
// through temporary files and a zip) only for one input in eight, to keep
// the target fast.
void WriteAll(const stance::Document& doc, const stance::StanceTrace& trace, bool xlsx) {
  using Records = stance::WriterOptions::Records;
  for (Records records : {Records::kClaims, Records::kQuotes, Records::kSentences,
                          Records::kSentenceLists, Records::kAggregates}) {
    for (const char* format : {"jsonl", "csv", "tsv", "text", "html", "xlsx"}) {
      if (!xlsx && std::string_view(format) == "xlsx") continue;
      for (bool excel : {false, true}) {
        std::ostringstream out;
        std::unique_ptr<stance::Writer> writer;
        stance::CollectingSink warnings;
        stance::WriterOptions options;
        options.records = records;
        options.excel = excel;
        options.warnings = &warnings;
        // A combination a writer refuses is a usage error, not a crash.
        if (!stance::NewWriter(format, options, &out, &writer).ok()) continue;
        STANCE_FUZZ_CHECK(writer->Write(doc, writer->wants_trace() ? &trace : nullptr).ok());
        STANCE_FUZZ_CHECK(writer->Finish().ok());
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const stance::Pipeline& pipeline = LoadedPipeline();
  std::string text(reinterpret_cast<const char*>(data), size);
  stance::Document doc;
  stance::CollectingSink sink;
  stance::StanceTrace trace;
  STANCE_FUZZ_CHECK(pipeline.Process("fuzz", text, &doc, &sink, &trace).ok());
  STANCE_FUZZ_CHECK(doc.original == text);
  for (const stance::Sentence& s : doc.sentences) CheckSpan(doc, s.span);
  for (const stance::Quote& q : doc.quotes) CheckSpan(doc, q.span);
  for (const stance::ActorMention& m : doc.actor_mentions) CheckSpan(doc, m.span);
  for (const stance::Claim& c : doc.claims) CheckSpan(doc, c.span);
  WriteAll(doc, trace, size % 8 == 0);

  // The same bytes through the streaming line reader of --input jsonl, with a
  // line limit from the first byte, so that long lines are met too.
  int fd = ::memfd_create("fuzz.jsonl", 0);
  STANCE_FUZZ_CHECK(fd >= 0);
  STANCE_FUZZ_CHECK(::write(fd, data, size) == static_cast<ssize_t>(size));
  ::lseek(fd, 0, SEEK_SET);
  const size_t max_line = size > 0 ? data[0] % 64 : 8;
  stance::LineReader reader(fd, "fuzz.jsonl", max_line);
  stance::LineReader::Line line;
  size_t lines_bytes = 0;
  while (reader.Next(&line)) {
    lines_bytes += line.bytes + 1;
    STANCE_FUZZ_CHECK(line.too_long ? line.bytes > max_line : line.text.size() <= max_line);
    std::string line_id, line_text;
    if (!line.too_long) {
      stance::ParseJsonlDocument(line.text, {"fuzz.jsonl", line.number, 0}, &line_id,
                                 &line_text);
    }
  }
  STANCE_FUZZ_CHECK(reader.status().ok());
  STANCE_FUZZ_CHECK(lines_bytes >= size && lines_bytes <= size + 1);  // every byte seen
  ::close(fd);

  // The same bytes as a JSONL batch file.
  stance::JsonlDocuments lines("fuzz.jsonl", text);
  std::string id, line_text;
  stance::Status s;
  while (lines.Next(&id, &line_text, &s)) {
    if (s.ok()) pipeline.Process(id, line_text, &doc, &sink);
  }
  return 0;
}
