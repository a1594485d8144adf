// Writers: consume finished Documents; produce claims (or sentences, quotes)
// in a file format.
//
//   std::unique_ptr<Writer> w;
//   Status s = NewWriter("csv", WriterOptions{}, &out_stream, &w);
//   for (...) w->Write(doc);
//   w->Finish();
//
// Claim columns are fixed, in this order, for every format:
//   doc, holder, holder_type, holder_affiliation, stance, target, negated,
//   hedged, speaker, quote, evidence, sentence, begin, end, rule
// `begin`/`end` are byte offsets of the matched text in the original
// document; `evidence` is the original text of the sentence; `sentence` its
// index. Rows come out in input order, then by begin offset, then rule id.
// A Writer is used by one thread.
#ifndef STANCE_PIPELINE_WRITERS_WRITER_H_
#define STANCE_PIPELINE_WRITERS_WRITER_H_

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace stance {

struct WriterOptions {
  // What rows are: "claims", "quotes" or "sentences". Default: "claims".
  std::string records = "claims";
  // Rule set names and versions, written in JSONL as a leading comment-free
  // "meta" line only when true. Default: false.
  bool with_header = true;
};

class Writer {
 public:
  virtual ~Writer() = default;
  virtual Status Write(const Document& doc) = 0;
  virtual Status Finish() = 0;
};

// The fixed claim columns, in order.
const std::vector<std::string>& ClaimColumns();

// Creates a writer by format name: "jsonl", "csv", "tsv". `out` must outlive
// the writer. Unknown name: InvalidArgument.
Status NewWriter(const std::string& format, const WriterOptions& options, std::ostream* out,
                 std::unique_ptr<Writer>* writer);

}  // namespace stance

#endif  // STANCE_PIPELINE_WRITERS_WRITER_H_
