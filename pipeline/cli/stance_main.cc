// Placeholder until the CLI lands: prints the sentences of one file ("-" is
// stdin), one per line. Input is read and processed in pieces of about
// 4 MiB cut at blank lines (which always end a sentence), so memory stays
// small and the document size limit does not apply to the whole file.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include "pipeline/pipeline.h"
#include "pipeline/sentences.h"

namespace {

constexpr size_t kPiece = 4u << 20;

// The end of the last paragraph in `text` (after its blank line), else of
// its last line, else all of it.
size_t LastParagraphEnd(const std::string& text) {
  size_t cut = text.rfind("\n\n");
  if (cut == std::string::npos) cut = text.rfind('\n');
  return cut == std::string::npos ? text.size() : cut + 1;
}

// Appends `sentence` as one line: line breaks inside it become spaces.
void AppendLine(std::string_view sentence, std::string* out) {
  size_t at = out->size();
  out->append(sentence);
  char* p = out->data() + at;
  char* end = out->data() + out->size();
  while ((p = static_cast<char*>(std::memchr(p, '\n', end - p))) != nullptr)
    *p++ = ' ';
  for (p = out->data() + at;
       (p = static_cast<char*>(std::memchr(p, '\r', end - p))) != nullptr;) {
    *p++ = ' ';
  }
  out->push_back('\n');
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || std::string(argv[1]) != "sentences") {
    std::cerr << "usage: stance sentences FILE|-\n";
    return 2;
  }
  stance::PipelineOptions options;
  options.last_stage = stance::PipelineOptions::Stage::kSentences;
  std::unique_ptr<stance::Pipeline> pipeline;
  stance::CollectingSink sink;
  stance::Status s = stance::Pipeline::Create(options, &pipeline, &sink);
  if (!s.ok()) {
    std::cerr << s.ToString() << "\n";
    return 1;
  }
  bool from_stdin = std::string(argv[2]) == "-";
  FILE* in = from_stdin ? stdin : std::fopen(argv[2], "rb");
  if (in == nullptr) {
    std::cerr << argv[2] << ": cannot open\n";
    return 1;
  }
  stance::Document doc;
  std::string buffer;  // input not processed yet
  std::string rest;
  std::string out;
  bool eof = false;
  while (true) {
    // Fill up to kPiece, in blocks that grow with the input, so that a small
    // input costs no 4 MiB buffer.
    while (!eof && buffer.size() < kPiece) {
      size_t old = buffer.size();
      size_t block = std::min(kPiece - old, std::max<size_t>(old, 64u << 10));
      buffer.resize(old + block);
      size_t got = std::fread(buffer.data() + old, 1, block, in);
      buffer.resize(old + got);
      eof = got < block;
    }
    if (buffer.empty()) break;
    size_t end = eof ? buffer.size() : LastParagraphEnd(buffer);
    rest.assign(buffer, end);
    buffer.resize(end);
    s = pipeline->Process(argv[2], std::move(buffer), &doc, nullptr);
    if (!s.ok()) {
      std::cerr << s.ToString() << "\n";
      return 1;
    }
    out.clear();
    for (const auto& sentence : doc.sentences)
      AppendLine(doc.Original(sentence.span), &out);
    std::fwrite(out.data(), 1, out.size(), stdout);
    buffer = std::move(doc.original);  // keeps its capacity for the next piece
    buffer.assign(rest);
  }
  bool read_error = std::ferror(in) != 0;
  if (!from_stdin) std::fclose(in);
  if (read_error) {
    std::cerr << argv[2] << ": read error\n";
    return 1;
  }
  return 0;
}
