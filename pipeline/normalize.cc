// Normalize (see normalize.h). One pass over the input. Bytes that need no
// change are never copied one by one: the scan skips eight bytes at a time
// while they are printable ASCII, and each run of unchanged bytes is appended
// with a single copy when the next change is reached.
#include "pipeline/normalize.h"

#include <cstdint>
#include <cstring>
#include <string>

#include "pipeline/utf8.h"

namespace stance {
namespace {

// How many invalid UTF-8 sequences are reported one by one; the rest are
// counted in one closing warning, so binary input cannot flood the sink.
constexpr int kMaxUtf8Warnings = 20;

// True when one of the eight bytes of `w` is below 0x20 or above 0x7F, i.e.
// when the byte loop must look at them. Subtracting 0x20 from every byte sets
// the high bit of the lowest byte below 0x20 (a borrow only moves upward, so
// there are no false alarms below the first hit); OR-ing `w` catches the
// bytes that already have it.
inline bool MayNeedChange(uint64_t w) {
  constexpr uint64_t kSpaces = 0x2020202020202020ull;
  constexpr uint64_t kHighBits = 0x8080808080808080ull;
  return (((w - kSpaces) | w) & kHighBits) != 0;
}

inline bool IsAsciiSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Builds the output text and its offset map. Offsets in the output that fall
// inside or at the edges of a replacement map to the edges of the original
// character, never into it.
class Normalizer {
 public:
  Normalizer(std::string_view in, std::string* out, OffsetMap* offsets,
             DiagnosticSink* sink, std::string_view path)
      : in_(in), out_(out), offsets_(offsets), sink_(sink), path_(path) {}

  void Run();

 private:
  // Appends the unchanged bytes [run_, upto).
  void Flush(size_t upto) {
    out_->append(in_.data() + run_, upto - run_);
    run_ = upto;
  }

  // Records that output offset `norm` maps to original offset `orig`, unless
  // the last breakpoint already implies it.
  void Map(size_t norm, size_t orig) {
    int64_t delta = static_cast<int64_t>(orig) - static_cast<int64_t>(norm);
    if (delta == delta_) return;
    offsets_->Add(static_cast<uint32_t>(norm), static_cast<uint32_t>(orig));
    delta_ = delta;
  }

  // Replaces the `len` original bytes at `at` with `with`. Output offsets
  // 0..`split` (relative to the replacement) map to the start of the original
  // character, the ones after `split` to its end. -1 drops the character.
  void Replace(size_t at, size_t len, std::string_view with, int split) {
    Flush(at);
    size_t norm = out_->size();
    for (int j = 0; j <= static_cast<int>(with.size()); ++j) {
      Map(norm + j, j <= split ? at : at + len);
    }
    out_->append(with);
    run_ = at + len;
  }

  // A dash becomes " - ", without doubling a space already there, so that
  // "foreign—particularly" and "foreign — particularly" both read
  // "foreign - particularly".
  void ReplaceDash(size_t at, size_t len) {
    Flush(at);
    bool lead = !out_->empty() &&
                !IsAsciiSpace(static_cast<unsigned char>(out_->back()));
    bool trail = at + len < in_.size() &&
                 !IsAsciiSpace(static_cast<unsigned char>(in_[at + len]));
    const char* with = lead ? (trail ? " - " : " -") : (trail ? "- " : "-");
    Replace(at, len, with, lead ? 1 : 0);
  }

  // Handles the non-ASCII character at `i`; returns the offset after it.
  size_t NonAscii(size_t i);
  // Replaces the run of invalid bytes at `i` by one U+FFFD; returns its end.
  size_t Invalid(size_t i);
  void ReportInvalid(size_t at, size_t len);

  std::string_view in_;
  std::string* out_;
  OffsetMap* offsets_;
  DiagnosticSink* sink_;
  std::string_view path_;
  size_t run_ = 0;
  int64_t delta_ = 0;
  int invalid_count_ = 0;
  // For line and column numbers in warnings: counted up to `line_pos_`.
  size_t line_pos_ = 0;
  size_t line_start_ = 0;
  int line_ = 1;
};

void Normalizer::Run() {
  const char* data = in_.data();
  const size_t n = in_.size();
  out_->clear();
  out_->reserve(n);
  offsets_->clear();
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, data + i, 8);
      if (!MayNeedChange(w)) {
        i += 8;
        continue;
      }
    }
    // Look at the next (up to) eight bytes one by one.
    size_t stop = i + 8 < n ? i + 8 : n;
    while (i < stop) {
      auto c = static_cast<unsigned char>(data[i]);
      if (c >= 0x20 && c < 0x7F) {
        ++i;
      } else if (c == '\n' || c == '\t') {
        ++i;
      } else if (c == '\r') {
        // CRLF and a lone CR both become LF.
        size_t len = i + 1 < n && data[i + 1] == '\n' ? 2 : 1;
        Replace(i, len, "\n", 0);
        i += len;
      } else if (c < 0x80) {
        Replace(i, 1, " ", 0);  // other C0 controls and DEL
        ++i;
      } else {
        i = NonAscii(i);
      }
    }
  }
  Flush(n);
  if (invalid_count_ > kMaxUtf8Warnings && sink_ != nullptr) {
    Diagnostic d;
    d.severity = Diagnostic::kWarning;
    if (!path_.empty()) d.location.path = std::string(path_);
    d.message = std::to_string(invalid_count_ - kMaxUtf8Warnings) +
                " more invalid UTF-8 sequences replaced by U+FFFD (not listed)";
    sink_->Report(d);
  }
}

size_t Normalizer::NonAscii(size_t i) {
  char32_t cp = 0;
  int len = DecodeUtf8(in_, i, &cp);
  if (len == 0) return Invalid(i);
  switch (cp) {
    // Zero-width characters and the BOM: dropped.
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
      Replace(i, len, "", -1);
      break;
    // No-break and other Unicode spaces.
    case 0x00A0:
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      Replace(i, len, " ", 0);
      break;
    // Unicode line and paragraph separators are breaks, not spaces.
    case 0x2028:
      Replace(i, len, "\n", 0);
      break;
    case 0x2029:
      Replace(i, len, "\n\n", 1);
      break;
    // Single quotes and single guillemets.
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2039:
    case 0x203A:
      Replace(i, len, "'", 0);
      break;
    // Double quotes and guillemets.
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
      Replace(i, len, "\"", 0);
      break;
    // Figure dash, en dash, em dash, horizontal bar.
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
      ReplaceDash(i, len);
      break;
    default:
      // C1 controls become a space, as do the spaces U+2000-U+200A (en
      // quad to hair space). Everything else is kept as is: it stays in the
      // pending run and costs no copy of its own.
      if ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0x2000 && cp <= 0x200A)) {
        Replace(i, len, " ", 0);
      }
      break;
  }
  return i + len;
}

size_t Normalizer::Invalid(size_t i) {
  size_t end = i + 1;
  while (end < in_.size() && static_cast<unsigned char>(in_[end]) >= 0x80 &&
         DecodeUtf8(in_, end, nullptr) == 0) {
    ++end;
  }
  ReportInvalid(i, end - i);
  Replace(i, end - i, "\xEF\xBF\xBD", 2);
  return end;
}

void Normalizer::ReportInvalid(size_t at, size_t len) {
  if (++invalid_count_ > kMaxUtf8Warnings || sink_ == nullptr) return;
  // Line and column of `at`, counting on from the last report.
  for (size_t p = line_pos_; p < at; ++p) {
    if (in_[p] == '\n') {
      ++line_;
      line_start_ = p + 1;
    }
  }
  line_pos_ = at;
  static const char kHex[] = "0123456789ABCDEF";
  std::string bytes;
  for (size_t k = 0; k < len && k < 4; ++k) {
    auto b = static_cast<unsigned char>(in_[at + k]);
    if (k > 0) bytes += ' ';
    bytes += "0x";
    bytes += kHex[b >> 4];
    bytes += kHex[b & 15];
  }
  if (len > 4) bytes += " ...";
  Diagnostic d;
  d.severity = Diagnostic::kWarning;
  if (!path_.empty()) {
    d.location = {std::string(path_), line_,
                  static_cast<int>(at - line_start_) + 1};
  }
  d.message = "invalid UTF-8 at byte " + std::to_string(at) + " (" + bytes +
              "), replaced by U+FFFD";
  sink_->Report(d);
}

}  // namespace

void NormalizeText(std::string_view original, std::string* text,
                   OffsetMap* offsets, DiagnosticSink* sink) {
  Normalizer(original, text, offsets, sink, {}).Run();
}

void Normalize(Document* doc, DiagnosticSink* sink) {
  Normalizer(doc->original, &doc->text, &doc->offsets, sink, doc->id).Run();
}

}  // namespace stance
