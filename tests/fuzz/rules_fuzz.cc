// libFuzzer target: the bytes are one rule file. The first byte picks which
// loader reads it (abbreviations, lexicon, actors, quote cues, targets,
// stance labels or stance rules); the rest is the YAML. The file is written
// into a scratch rules folder whose other files are copies of the shipped
// ones, and the loader must return a Status (never throw or crash); a
// failure must name the file.
#include <unistd.h>

#include <cstddef>
#include <cstdlib>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "pipeline/actors.h"
#include "pipeline/lexicon.h"
#include "pipeline/pattern_context.h"
#include "pipeline/quotes.h"
#include "pipeline/sentences.h"
#include "pipeline/stance.h"
#include "pipeline/status.h"
#include "pipeline/targets.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

namespace fs = std::filesystem;

// One small rule file of our own, so that loading the rule set is cheap.
void WriteRuleFile(const fs::path& path) {
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      << "name: fuzz\nversion: 1\nrules:\n"
         "  - id: fuzz-oppose\n"
         "    stance: opposes\n"
         "    pattern: '{h:ACTORS} ...3 @oppose {t:PHRASE}'\n"
         "    examples: ['Brazil firmly rejected the tariff.']\n";
}

// A scratch rules folder: copies of stances.yaml, lexicon/ and targets/,
// and one rule file of our own in stance/ (loading all the shipped rules each
// time would make the target too slow to explore).
const fs::path& Scratch() {
  // Never destroyed, so the exit handler below can still name it.
  static const fs::path* dir = [] {
    auto* root = new fs::path(fs::temp_directory_path() /
                              ("stance-rules-fuzz-" + std::to_string(::getpid())));
    fs::remove_all(*root);
    const fs::path rules = stance::fuzz::RulesDir();
    fs::create_directories(*root / "stance");
    fs::copy(rules / "stances.yaml", *root / "stances.yaml");
    fs::copy(rules / "lexicon", *root / "lexicon");
    fs::copy(rules / "targets", *root / "targets");
    WriteRuleFile(*root / "stance" / "fuzz.yaml");
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(Scratch(), ec);
    });
    return root;
  }();
  return *dir;
}

const stance::Lexicon& ShippedLexicon() {
  static const stance::Lexicon* lexicon = [] {
    std::unique_ptr<stance::Lexicon> loaded;
    stance::NullSink sink;
    STANCE_FUZZ_CHECK(
        stance::Lexicon::Load(stance::fuzz::RulesDir() + "/lexicon", &loaded, &sink).ok());
    return loaded.release();
  }();
  return *lexicon;
}

void Write(const fs::path& path, const uint8_t* data, size_t size) {
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
}

// A fresh folder holding only `name` with the fuzzed bytes.
fs::path Alone(const std::string& folder, const char* name, const uint8_t* data, size_t size) {
  fs::path dir = Scratch() / folder;
  fs::remove_all(dir);
  fs::create_directories(dir);
  Write(dir / name, data, size);
  return dir;
}

// Every failure carries the loader's diagnostics; errors name a file.
void CheckFailure(const stance::Status& s, const stance::CollectingSink& sink) {
  if (s.ok()) return;
  for (const stance::Diagnostic& d : sink.diagnostics()) {
    STANCE_FUZZ_CHECK(!d.message.empty());
    STANCE_FUZZ_CHECK(d.location.line >= 0 && d.location.col >= 0);
    d.ToString();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // Seeds start with a digit naming the loader: "6name: ..." is a rule file.
  const int kind = static_cast<uint8_t>(data[0] - '0') % 7;
  ++data;
  --size;
  stance::CollectingSink sink;
  stance::Status s;
  switch (kind) {
    case 0: {
      fs::path dir = Alone("abbreviations", "abbreviations.yaml", data, size);
      std::unique_ptr<stance::SentenceSplitter> splitter;
      s = stance::SentenceSplitter::Create((dir / "abbreviations.yaml").string(), &splitter);
      STANCE_FUZZ_CHECK(s.ok() == (splitter != nullptr));
      if (!s.ok()) STANCE_FUZZ_CHECK(!s.location().path.empty());
      if (splitter) {
        std::vector<stance::Span> spans;
        splitter->Split("Dr. Smith met Mr. Jones in the U.S. on Jan. 5. He left.", &spans);
      }
      break;
    }
    case 1: {
      std::unique_ptr<stance::Lexicon> lexicon;
      s = stance::Lexicon::Load(Alone("lexicon-fuzz", "cues.yaml", data, size).string(),
                                &lexicon, &sink);
      STANCE_FUZZ_CHECK(s.ok() == (lexicon != nullptr));
      if (lexicon) {
        for (const std::string& name : lexicon->Names()) {
          std::vector<std::string> phrases;
          std::string error;
          lexicon->Phrases(name, "", &phrases, &error);
        }
      }
      break;
    }
    case 2: {
      std::unique_ptr<stance::ActorTable> actors;
      s = stance::ActorTable::Load(Alone("actors", "actors.yaml", data, size).string(),
                                   &actors, &sink);
      STANCE_FUZZ_CHECK(s.ok() == (actors != nullptr));
      break;
    }
    case 3: {
      std::unique_ptr<stance::QuoteAttributor> quotes;
      s = stance::QuoteAttributor::Load(Alone("quotes", "cues.yaml", data, size).string(),
                                        &quotes, &sink);
      STANCE_FUZZ_CHECK(s.ok() == (quotes != nullptr));
      break;
    }
    case 4: {
      stance::StancePatternContext context(&ShippedLexicon());
      std::unique_ptr<stance::TargetTable> targets;
      s = stance::TargetTable::Load(Alone("targets-fuzz", "targets.yaml", data, size).string(),
                                    context, &targets, &sink);
      STANCE_FUZZ_CHECK(s.ok() == (targets != nullptr));
      if (targets) targets->Canonical("the Afghan peace process");
      break;
    }
    case 5: {
      Write(Scratch() / "stances.yaml", data, size);
      std::unique_ptr<stance::RuleSet> rules;
      s = stance::RuleSet::Load(Scratch().string(), &rules, &sink);
      STANCE_FUZZ_CHECK(s.ok() == (rules != nullptr));
      fs::copy(stance::fuzz::RulesDir() + "/stances.yaml", Scratch() / "stances.yaml",
               fs::copy_options::overwrite_existing);
      break;
    }
    case 6: {
      Write(Scratch() / "stance" / "fuzz.yaml", data, size);
      std::unique_ptr<stance::RuleSet> rules;
      s = stance::RuleSet::Load(Scratch().string(), &rules, &sink);
      STANCE_FUZZ_CHECK(s.ok() == (rules != nullptr));
      WriteRuleFile(Scratch() / "stance" / "fuzz.yaml");
      break;
    }
  }
  CheckFailure(s, sink);
  return 0;
}
