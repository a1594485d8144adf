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
// document; `evidence` is the original text of the sentence (newlines turned
// into spaces); `sentence` its index. JSONL objects carry the same keys in the
// same order, then `rule_file`, `rule_version` and `cue`; empty `speaker` and
// `quote` are null there. Rows come out in input order, then by begin offset,
// then rule id (a stable sort, so equal keys keep the stage's order).
//
// Quote columns: doc, quote, begin, end, speaker, speaker_role,
// speaker_affiliation, cue, method, is_term, sentence, sentence_begin,
// sentence_end (`quote` is the original inner text, `begin`/`end` its span).
// Sentence columns: doc, index, begin, end, text (`text` is the original
// text, exactly the bytes [begin, end) in JSONL and CSV).
//
// Aggregate columns (--aggregate; one row per group of claims over the whole
// batch, written by Finish):
//   holder, stance, target, negated, count, hedged_count, documents, doc_ids,
//   first_doc, first_evidence, first_begin, first_end, first_rule
// A group is a (holder, stance, target, negated) tuple: "X does not support
// Y" says the opposite of "X supports Y", so the two are never added up;
// filter on `negated` to drop the denials. `count` is the number of claims,
// `hedged_count` how many of them were hedged, `documents` the number of
// documents holding them, `doc_ids` the first 10 of those ids joined with
// "; " (then "; (+N more)"), and first_* the first claim in output order.
// Rows are sorted by count (largest first), then holder, stance, target
// (byte order) and negated (false first), so equal batches give equal files.
//
// Formats:
//   jsonl  one JSON object per line (nlohmann-json; invalid UTF-8 in the
//          original becomes U+FFFD). Booleans as true/false, numbers as
//          numbers, empty optional text as null.
//   csv    RFC 4180: a header row, fields holding a comma, quote, CR or LF
//          are quoted with quotes doubled; UTF-8, LF line ends. Null is an
//          empty field.
//   tsv    a header row; tabs, CR and LF inside fields become spaces.
//   text   sentences only: one sentence per line, newlines inside it turned
//          into spaces.
//   html   claims only: one self-contained review page (no network, no
//          external files) with every article marked up (sentences,
//          quotations and their speakers, actors by type, each claim's
//          holder, cue and target in its stance's colour) and a claim table
//          that sorts, filters and shows the rule behind each claim. See
//          html_writer.cc, html_article.h and docs/review-page.md.
//   xlsx   an Excel workbook (libxlsxwriter), one sheet per kind of record:
//          claims give sheets "claims" and "quotes"; quotes give "quotes";
//          sentences "sentences"; aggregates "aggregate", then "claims" and
//          "quotes". Each sheet has the columns above, a bold header row
//          that stays frozen, an autofilter over all its rows, and column
//          widths fitted to the text (at most 60 characters wide). Numbers
//          are numbers, booleans are TRUE/FALSE cells, null is an empty
//          cell; text is never read as a formula. Invalid UTF-8 becomes
//          U+FFFD, and text longer than Excel's 32,767 characters a cell is
//          cut to fit (a warning). A sheet holds 1,048,575 rows below its
//          header; rows past that are left out (an error). Rows are kept in
//          temporary files, not in memory, and the workbook is assembled by
//          Finish, which copies it to the stream.
//
// Excel-friendly CSV and TSV (`excel`): a UTF-8 byte order mark first (so
// Excel reads the text as UTF-8, not in the local code page), CRLF line
// ends, and a text cell that starts with '=', '+', '-', '@', a tab or a CR
// gets a single quote in front ("=SUM(A1)" becomes "'=SUM(A1)"), so that a
// spreadsheet shows it as text instead of running it as a formula (OWASP's
// advice against CSV injection). Numbers and booleans are never changed.
// Plain CSV and TSV keep every byte as it is: use them for programs.
//
// Output is buffered and handed to the stream in large blocks. A Writer is
// used by one thread.
#ifndef STANCE_PIPELINE_WRITERS_WRITER_H_
#define STANCE_PIPELINE_WRITERS_WRITER_H_

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace stance {

struct StanceTrace;

struct WriterOptions {
  enum class Records {
    kClaims,     // one row per claim
    kQuotes,     // one row per quote
    kSentences,  // one row per sentence
    // One JSONL object per document, {"id", "sentences": [text, ...]} (the
    // output of `stance sentences --input jsonl`); "text" writes one sentence
    // per line, csv and tsv are refused.
    kSentenceLists,
    // Claims counted per (holder, stance, target, negated) over the whole
    // batch (the aggregate columns); written when the writer finishes.
    kAggregates,
  };
  // What the rows are. Default: kClaims.
  Records records = Records::kClaims;

  // CSV and TSV: start with a row naming the columns. Default: true.
  bool header = true;

  // Bytes collected before they are written to the stream. Default: 1 MiB.
  size_t buffer_bytes = size_t{1} << 20;

  // CSV and TSV for spreadsheets: byte order mark, CRLF, formulas defused
  // (see above). Other formats refuse it. Default: false.
  bool excel = false;

  // Where a writer reports what it had to change or leave out: text cut to
  // fit a spreadsheet cell (kWarning), rows past the end of a sheet
  // (kError). Must outlive the writer. Default: null (not reported).
  DiagnosticSink* warnings = nullptr;
};

class Writer {
 public:
  virtual ~Writer() = default;

  // Formats the records of `doc`. Returns IOError if the stream failed.
  virtual Status Write(const Document& doc) = 0;

  // Writers that explain each claim (the review page) want the stance
  // trace of the document; the batch then fills one and calls the Write
  // below. Default: false.
  virtual bool wants_trace() const { return false; }
  // `trace` is the stance stage's trace of `doc`, or null.
  virtual Status Write(const Document& doc, const StanceTrace* trace) {
    (void)trace;
    return Write(doc);
  }

  // Writes what is still buffered and flushes the stream. Returns IOError if
  // any write failed. Call once, after the last Write.
  virtual Status Finish() = 0;
};

// The fixed columns, in order, of each kind of record.
const std::vector<std::string>& ClaimColumns();
const std::vector<std::string>& QuoteColumns();
const std::vector<std::string>& SentenceColumns();
const std::vector<std::string>& AggregateColumns();

// Creates a writer by format name: "jsonl", "csv", "tsv", "xlsx", "text"
// (sentences only) or "html" (claims only). `out` must outlive the writer. An
// unknown name, a format that cannot hold `options.records`, or `excel` with
// a format other than csv and tsv: InvalidArgument naming it, *writer null.
// xlsx: IOError when its temporary file cannot be made.
Status NewWriter(const std::string& format, const WriterOptions& options,
                 std::ostream* out, std::unique_ptr<Writer>* writer);

}  // namespace stance

#endif  // STANCE_PIPELINE_WRITERS_WRITER_H_
