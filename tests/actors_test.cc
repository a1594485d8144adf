#include "pipeline/actors.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace stance {
namespace {

namespace fs = std::filesystem;

const char kRulesDir[] = STANCE_SOURCE_DIR "/rules/actors";

// The shipped rules, loaded once for all the tests that use them.
const ActorTable& Rules() {
  static const ActorTable* table = [] {
    CollectingSink sink;
    std::unique_ptr<ActorTable> t;
    Status s = ActorTable::Load(kRulesDir, &t, &sink);
    for (const Diagnostic& d : sink.diagnostics()) MESSAGE(d.ToString());
    REQUIRE_MESSAGE(s.ok(), s.ToString());
    return t.release();
  }();
  return *table;
}

// A document whose text is its original (no normalisation) and whose
// sentences are its lines.
Document MakeDocument(const std::string& text) {
  Document doc;
  doc.original = text;
  doc.text = text;
  uint32_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    if (end > begin) {
      Span span{begin, static_cast<uint32_t>(end)};
      doc.sentences.push_back({span, span});
    }
    begin = static_cast<uint32_t>(end) + 1;
  }
  return doc;
}

// "Russian Foreign Minister Sergei Lavrov => Sergei Lavrov (person, Russia,
// Foreign Minister)", then " modifier" for modifiers.
std::string Render(const Document& doc, const ActorMention& m) {
  std::string out =
      std::string(doc.Original(m.span)) + " => " + m.name + " (" + ActorTypeName(m.type);
  if (!m.affiliation.empty()) out += ", " + m.affiliation;
  if (!m.role.empty()) out += ", " + m.role;
  out += ")";
  if (m.modifier) out += " modifier";
  return out;
}

std::vector<std::string> Mentions(const ActorTable& table, const std::string& text) {
  Document doc = MakeDocument(text);
  table.Annotate(&doc);
  std::vector<std::string> out;
  for (const ActorMention& m : doc.actor_mentions) out.push_back(Render(doc, m));
  return out;
}

struct Case {
  const char* text;
  std::vector<std::string> mentions;
};

void CheckCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(Mentions(Rules(), c.text) == c.mentions);
  }
}

// A scratch rules folder, removed afterwards.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = fs::temp_directory_path() /
            ("stance_actors_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string Write(const std::string& name, const std::string& text) const {
    std::string file = (path_ / name).string();
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

// Loads `dir`, expecting failure; returns the diagnostics as strings.
std::vector<std::string> LoadErrors(const std::string& dir, Status* status = nullptr) {
  CollectingSink sink;
  std::unique_ptr<ActorTable> table;
  Status s = ActorTable::Load(dir, &table, &sink);
  CHECK_FALSE(s.ok());
  CHECK(table == nullptr);
  if (status != nullptr) *status = s;
  std::vector<std::string> out;
  for (const Diagnostic& d : sink.diagnostics()) {
    out.push_back(d.location.ToString() + ": " + d.message);
  }
  return out;
}

TEST_CASE("actors: the shipped rules load cleanly") {
  CollectingSink sink;
  std::unique_ptr<ActorTable> table;
  Status s = ActorTable::Load(kRulesDir, &table, &sink);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  CHECK(sink.diagnostics().empty());
  // 193 UN members, 2 observers, Taiwan, Kosovo; organisations, groups and
  // about two hundred people.
  CHECK(table->size() > 500);
  for (const char* state :
       {"Afghanistan", "Tuvalu", "Holy See", "Palestine", "Taiwan", "Kosovo",
        "Democratic Republic of the Congo", "Republic of the Congo", "São Tomé and Príncipe",
        "Côte d'Ivoire", "North Korea", "South Korea", "United Kingdom", "United States"}) {
    CAPTURE(state);
    const Actor* a = table->Find(state);
    REQUIRE(a != nullptr);
    CHECK(a->type == ActorType::kCountry);
    CHECK(a->affiliation == state);  // a state speaks for itself
  }
}

TEST_CASE("actors: Find by name, alias, demonym and capital") {
  const ActorTable& t = Rules();
  struct {
    const char* name;
    const char* expected;  // null: not found
  } cases[] = {
      // Aliases, exactly as written.
      {"U.S.", "United States"},
      {"USA", "United States"},
      {"United States of America", "United States"},
      {"Russian Federation", "Russia"},
      {"PRC", "China"},
      {"DPRK", "North Korea"},
      {"Britain", "United Kingdom"},
      {"Türkiye", "Turkey"},
      // Demonyms and capitals.
      {"Russian", "Russia"},
      {"Afghan", "Afghanistan"},
      {"Moscow", "Russia"},
      {"New Delhi", "India"},
      {"Kyiv", "Ukraine"},
      {"Kiev", "Ukraine"},
      {"Brussels", "European Union"},
      // Case-sensitive.
      {"us", nullptr},
      {"who", nullptr},
      {"WHO", "World Health Organization"},
      // People and bodies.
      {"Lavrov", "Sergei Lavrov"},
      {"Kremlin", "Kremlin"},
      // A generated institution, by its canonical name.
      {"Russian Foreign Ministry", "Russian Foreign Ministry"},
      {"Atlantis", nullptr},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const Actor* a = t.Find(c.name);
    if (c.expected == nullptr) {
      CHECK(a == nullptr);
    } else {
      REQUIRE(a != nullptr);
      CHECK(a->name == c.expected);
    }
  }
  const Actor* lavrov = t.Find("Sergei Lavrov");
  REQUIRE(lavrov != nullptr);
  CHECK(lavrov->type == ActorType::kPerson);
  CHECK(lavrov->role == "Foreign Minister");
  CHECK(lavrov->affiliation == "Russia");
  const Actor* ministry = t.Find("Russian Foreign Ministry");
  REQUIRE(ministry != nullptr);
  CHECK(ministry->type == ActorType::kOrganisation);
  CHECK(ministry->affiliation == "Russia");
  CHECK(t.Find("State Department")->affiliation == "United States");
}

TEST_CASE("actors: states by name, alias, demonym and capital") {
  CheckCases({
      // Names and aliases.
      {"Russia and the Russian Federation agreed.",
       {"Russia => Russia (country, Russia)", "Russian Federation => Russia (country, Russia)"}},
      {"The U.S., the US, the USA and America objected.",
       {"U.S. => United States (country, United States)",
        "US => United States (country, United States)",
        "USA => United States (country, United States)",
        "America => United States (country, United States)"}},
      {"Britain and the UK voted.",
       {"Britain => United Kingdom (country, United Kingdom)",
        "UK => United Kingdom (country, United Kingdom)"}},
      // Capitals as metonyms hold stances; as places they are modifiers.
      {"Beijing rejected the plan.", {"Beijing => China (country, China)"}},
      {"Talks were held in Moscow.", {"Moscow => Russia (country, Russia) modifier"}},
      {"Kiev and Kyiv replied.",
       {"Kiev => Ukraine (country, Ukraine)", "Kyiv => Ukraine (country, Ukraine)"}},
      // Longest match: the longer state wins over the one inside it.
      {"Papua New Guinea, Guinea-Bissau and South Sudan abstained.",
       {"Papua New Guinea => Papua New Guinea (country, Papua New Guinea)",
        "Guinea-Bissau => Guinea-Bissau (country, Guinea-Bissau)",
        "South Sudan => South Sudan (country, South Sudan)"}},
      {"The United States of America agreed.",
       {"United States of America => United States (country, United States)"}},
      // Curly and straight apostrophes, and letters outside ASCII.
      {"The People’s Republic of China, Côte d’Ivoire and Türkiye replied.",
       {"People’s Republic of China => China (country, China)",
        "Côte d’Ivoire => Côte d'Ivoire (country, Côte d'Ivoire)",
        "Türkiye => Turkey (country, Turkey)"}},
      {"Côte d'Ivoire agreed.", {"Côte d'Ivoire => Côte d'Ivoire (country, Côte d'Ivoire)"}},
  });
}

TEST_CASE("actors: aliases are case-sensitive, role and body words are not") {
  CheckCases({
      {"US officials said it would let us know.",
       {"US officials => United States (country, United States)"}},
      {"The WHO warned those who travel.",
       {"WHO => World Health Organization (organisation, World Health Organization)"}},
      {"Nothing from china or russia.", {}},
      // Role and body words match in any case.
      {"AMBASSADOR Jane Roe and the INDIAN Delegation met.",
       {"AMBASSADOR Jane Roe => Jane Roe (person, Ambassador)"}},
      {"The Indian DELEGATION met.", {"Indian DELEGATION => India (country, India)"}},
  });
}

TEST_CASE("actors: guarded names stand alone") {
  CheckCases({
      {"Michael Jordan visited Jordan.", {"Jordan => Jordan (country, Jordan)"}},
      {"The Washington Post said Washington warned.",
       {"Washington => United States (country, United States)"}},
      {"Northern Ireland and Ireland voted.", {"Ireland => Ireland (country, Ireland)"}},
      {"In Washington, officials met.",
       {"Washington => United States (country, United States) modifier"}},
      {"The West Bank and the West disagreed.", {"West => West (group, West)"}},
  });
}

TEST_CASE("actors: organisations and ministries with their affiliation") {
  CheckCases({
      {"The State Department and the Kremlin replied.",
       {"State Department => State Department (organisation, United States)",
        "Kremlin => Kremlin (organisation, Russia)"}},
      // A state before one of its own bodies is part of the mention.
      {"The U.S. State Department replied.",
       {"U.S. State Department => State Department (organisation, United States)"}},
      // Generic ministries, named after the state's stem.
      {"Russia's Foreign Ministry and the Russian Foreign Ministry agreed.",
       {"Russia's Foreign Ministry => Russian Foreign Ministry (organisation, Russia)",
        "Russian Foreign Ministry => Russian Foreign Ministry (organisation, Russia)"}},
      {"Beijing's foreign ministry objected.",
       {"Beijing's foreign ministry => Chinese Foreign Ministry (organisation, China)"}},
      {"The Ministry of Foreign Affairs of Pakistan objected.",
       {"Ministry of Foreign Affairs of Pakistan => Pakistani Foreign Ministry (organisation, "
        "Pakistan)"}},
      {"Pakistan's Foreign Office and the Foreign Office disagreed.",
       {"Pakistan's Foreign Office => Pakistani Foreign Ministry (organisation, Pakistan)",
        "Foreign Office => Foreign Office (organisation, United Kingdom)"}},
      {"The U.S. embassy closed.", {"U.S. embassy => US Embassy (organisation, United States)"}},
      // A declared body takes the generated name's place, with its aliases.
      {"India's Ministry of External Affairs and the MEA agreed.",
       {"India's Ministry of External Affairs => Indian Foreign Ministry (organisation, India)",
        "MEA => Indian Foreign Ministry (organisation, India)"}},
      // UN organs speak for the UN; agencies with their own members for themselves.
      {"The UN Security Council and the IAEA met.",
       {"UN Security Council => UN Security Council (organisation, United Nations)",
        "IAEA => International Atomic Energy Agency (organisation, International Atomic Energy "
        "Agency)"}},
      {"The EU, NATO and the SCO responded.",
       {"EU => European Union (organisation, European Union)", "NATO => NATO (organisation, NATO)",
        "SCO => Shanghai Cooperation Organisation (organisation, Shanghai Cooperation "
        "Organisation)"}},
  });
}

TEST_CASE("actors: groups") {
  CheckCases({
      {"Tehrik-i-Taliban Pakistan (TTP), the Baloch Liberation Army (BLA), ETIM, Jaish al-Adl, "
       "ISIS and al-Qaeda were named.",
       {"Tehrik-i-Taliban Pakistan => Tehrik-i-Taliban Pakistan (group, Tehrik-i-Taliban Pakistan)",
        "TTP => Tehrik-i-Taliban Pakistan (group, Tehrik-i-Taliban Pakistan)",
        "Baloch Liberation Army => Baloch Liberation Army (group, Baloch Liberation Army)",
        "BLA => Baloch Liberation Army (group, Baloch Liberation Army)",
        "ETIM => East Turkestan Islamic Movement (group, East Turkestan Islamic Movement)",
        "Jaish al-Adl => Jaish al-Adl (group, Jaish al-Adl)",
        "ISIS => Islamic State (group, Islamic State)", "al-Qaeda => al-Qaeda (group, al-Qaeda)"}},
      {"The Pakistani Taliban struck; the Taliban denied it.",
       {"Pakistani Taliban => Tehrik-i-Taliban Pakistan (group, Tehrik-i-Taliban Pakistan)",
        "Taliban => Taliban (group, Taliban)"}},
      {"The international community and Western powers agreed.",
       {"international community => international community (group, international community)",
        "Western powers => West (group, West)"}},
  });
}

TEST_CASE("actors: titles introduce people") {
  CheckCases({
      {"Russian Foreign Minister Sergei Lavrov spoke.",
       {"Russian Foreign Minister Sergei Lavrov => Sergei Lavrov (person, Russia, Foreign "
        "Minister)"}},
      {"U.S. President Donald Trump's call was rejected.",
       {"U.S. President Donald Trump => Donald Trump (person, United States, President)"}},
      {"Pakistani Special Envoy Mohammad Sadiq Khan spoke.",
       {"Pakistani Special Envoy Mohammad Sadiq Khan => Mohammad Sadiq Khan (person, Pakistan, "
        "Special Envoy)"}},
      {"China's Foreign Minister Wang Yi spoke.",
       {"China's Foreign Minister Wang Yi => Wang Yi (person, China, Foreign Minister)"}},
      // No state in the title: the affiliation comes from the list of people.
      {"It was led by ambassador Vinay Kumar.",
       {"ambassador Vinay Kumar => Vinay Kumar (person, India, Ambassador)"}},
      {"President Trump spoke.",
       {"President Trump => Donald Trump (person, United States, "
        "President)"}},
      // Unknown names: capitalised words after a title.
      {"Ambassador Jane Roe spoke.", {"Ambassador Jane Roe => Jane Roe (person, Ambassador)"}},
      {"The Canadian Trade Minister Pat Example agreed.",
       {"Canadian Trade Minister Pat Example => Pat Example (person, Canada, Trade Minister)"}},
      {"Acting President Omar Tarek Hassan Ali Farouk resigned.",
       {"Acting President Omar Tarek Hassan Ali => Omar Tarek Hassan Ali (person, Acting "
        "President)"}},
      // Prefixes, honorifics, bodies of a state, organisations.
      {"Deputy Foreign Minister Sergei Ryabkov and former U.S. President Joe Biden met.",
       {"Deputy Foreign Minister Sergei Ryabkov => Sergei Ryabkov (person, Russia, Deputy "
        "Foreign Minister)",
        "former U.S. President Joe Biden => Joe Biden (person, United States, Former "
        "President)"}},
      {"Iran's Supreme Leader Ayatollah Ali Khamenei spoke.",
       {"Iran's Supreme Leader Ayatollah Ali Khamenei => Ali Khamenei (person, Iran, Supreme "
        "Leader)"}},
      {"Kremlin spokesman Dmitry Peskov spoke.",
       {"Kremlin spokesman Dmitry Peskov => Dmitry Peskov (person, Russia, spokesperson)"}},
      {"Chinese Foreign Ministry spokesperson Mao Ning spoke.",
       {"Chinese Foreign Ministry spokesperson Mao Ning => Mao Ning (person, China, "
        "spokesperson)"}},
      {"UN Secretary-General António Guterres spoke.",
       {"UN Secretary-General António Guterres => António Guterres (person, United Nations, "
        "Secretary-General)"}},
      {"Taliban spokesman Zabihullah Mujahid spoke.",
       {"Taliban spokesman Zabihullah Mujahid => Zabihullah Mujahid (person, Taliban, "
        "spokesperson)"}},
      // A title that needs a name makes nothing without one.
      {"General Asim Munir said that in general it was fine.",
       {"General Asim Munir => Asim Munir (person, Pakistan, General)"}},
      // The name stops at words that cannot be part of it.
      {"President Trump On Monday spoke.",
       {"President Trump => Donald Trump (person, United States, President)"}},
  });
}

TEST_CASE("actors: known people by name or surname") {
  CheckCases({
      {"Putin and Xi met Lavrov.",
       {"Putin => Vladimir Putin (person, Russia, President)",
        "Xi => Xi Jinping (person, China, President)",
        "Lavrov => Sergei Lavrov (person, Russia, Foreign Minister)"}},
      // A name that starts with a state's name is the person.
      {"Israel Katz spoke for Israel.",
       {"Israel Katz => Israel Katz (person, Israel, Defence Minister)",
        "Israel => Israel (country, Israel)"}},
  });
}

TEST_CASE("actors: descriptions name the state") {
  CheckCases({
      {"The Indian delegation agreed.", {"Indian delegation => India (country, India)"}},
      {"The U.S. government objected.",
       {"U.S. government => United States (country, United States)"}},
      {"The Russian side, Chinese officials and Iranian authorities agreed.",
       {"Russian side => Russia (country, Russia)", "Chinese officials => China (country, China)",
        "Iranian authorities => Iran (country, Iran)"}},
      {"The government of India and the Trump administration disagreed.",
       {"government of India => India (country, India)",
        "Trump administration => United States (country, United States)"}},
      {"Hamas officials and Western officials met.",
       {"Hamas officials => Hamas (group, Hamas)", "Western officials => West (group, West)"}},
      // A role without a name, with an owner, describes a person.
      {"A State Department spokesperson declined.",
       {"State Department spokesperson => State Department spokesperson (person, United States, "
        "spokesperson)"}},
      {"The spokesperson for Russia's Foreign Ministry said so.",
       {"spokesperson for Russia's Foreign Ministry => Russian Foreign Ministry spokesperson "
        "(person, Russia, spokesperson)"}},
      {"The Russian foreign minister arrived.",
       {"Russian foreign minister => Russian Foreign Minister (person, Russia, Foreign "
        "Minister)"}},
      {"The president of Russia arrived.",
       {"president of Russia => Russian President (person, Russia, President)"}},
      // Without an owner, a role alone is nothing.
      {"The minister and the spokesperson left.", {}},
  });
}

TEST_CASE("actors: demonyms before common nouns are modifiers") {
  CheckCases({
      {"Lavrov criticised Western sanctions.",
       {"Lavrov => Sergei Lavrov (person, Russia, Foreign Minister)",
        "Western => West (group, West) modifier"}},
      {"Afghan state assets stay frozen.",
       {"Afghan => Afghanistan (country, Afghanistan) modifier"}},
      {"American troops left.", {"American => United States (country, United States) modifier"}},
      // Compounds.
      {"Iran-backed groups and the Russia-Ukraine war.",
       {"Iran => Iran (country, Iran) modifier", "Russia => Russia (country, Russia) modifier",
        "Ukraine => Ukraine (country, Ukraine) modifier"}},
      {"The U.S.-led coalition.", {"U.S. => United States (country, United States) modifier"}},
      // A capital before a place noun, or inside a longer name.
      {"The Moscow summit, the Moscow Times.", {"Moscow => Russia (country, Russia) modifier"}},
      // Before a body noun or a role, a demonym is no modifier.
      {"Afghan Foreign Minister Amir Khan Muttaqi and the Afghan delegation.",
       {"Afghan Foreign Minister Amir Khan Muttaqi => Amir Khan Muttaqi (person, Afghanistan, "
        "Foreign Minister)",
        "Afghan delegation => Afghanistan (country, Afghanistan)"}},
  });
}

TEST_CASE("actors: people are remembered through the document, in order") {
  CheckCases({
      {"Russian Foreign Minister Sergei Lavrov spoke.\nLavrov later added a warning.",
       {"Russian Foreign Minister Sergei Lavrov => Sergei Lavrov (person, Russia, Foreign "
        "Minister)",
        "Lavrov => Sergei Lavrov (person, Russia, Foreign Minister)"}},
      // Unknown people too, by surname.
      {"Ambassador Jane Roe spoke.\nRoe said more.\nMs Roe left.",
       {"Ambassador Jane Roe => Jane Roe (person, Ambassador)",
        "Roe => Jane Roe (person, Ambassador)", "Ms Roe => Jane Roe (person, Ambassador)"}},
      // A surname beats another person's middle name.
      {"Pakistani Special Envoy Mohammad Sadiq Khan spoke.\n"
       "Afghan Foreign Minister Amir Khan Muttaqi replied.\nKhan and Muttaqi agreed.",
       {"Pakistani Special Envoy Mohammad Sadiq Khan => Mohammad Sadiq Khan (person, Pakistan, "
        "Special Envoy)",
        "Afghan Foreign Minister Amir Khan Muttaqi => Amir Khan Muttaqi (person, Afghanistan, "
        "Foreign Minister)",
        "Khan => Mohammad Sadiq Khan (person, Pakistan, Special Envoy)",
        "Muttaqi => Amir Khan Muttaqi (person, Afghanistan, Foreign Minister)"}},
      // A later title with the surname.
      {"U.S. President Donald Trump spoke.\nPresident Trump then left.",
       {"U.S. President Donald Trump => Donald Trump (person, United States, President)",
        "President Trump => Donald Trump (person, United States, President)"}},
      // A later description names the person met with that title.
      {"Russian Foreign Minister Sergei Lavrov spoke.\nThe Russian foreign minister left.",
       {"Russian Foreign Minister Sergei Lavrov => Sergei Lavrov (person, Russia, Foreign "
        "Minister)",
        "Russian foreign minister => Sergei Lavrov (person, Russia, Foreign Minister)"}},
      // The body the text gave is kept.
      {"Taliban spokesman Zabihullah Mujahid spoke.\nMujahid left.",
       {"Taliban spokesman Zabihullah Mujahid => Zabihullah Mujahid (person, Taliban, "
        "spokesperson)",
        "Mujahid => Zabihullah Mujahid (person, Taliban, spokesperson)"}},
      // Only what came before counts.
      {"Roe spoke.\nAmbassador Jane Roe arrived.",
       {"Ambassador Jane Roe => Jane Roe (person, Ambassador)"}},
      // A person met without a state has no government to describe.
      {"Ambassador Jane Roe spoke.\nThe Roe delegation left.",
       {"Ambassador Jane Roe => Jane Roe (person, Ambassador)",
        "Roe => Jane Roe (person, Ambassador)"}},
  });
  // Nothing leaks from one document to the next.
  CHECK(Mentions(Rules(), "Ambassador Jane Roe spoke.").size() == 1);
  CHECK(Mentions(Rules(), "Roe spoke.").empty());
}

TEST_CASE("actors: hundreds of people in one document, then the next documents") {
  // Enough people that the indexes of the people met grow many times over;
  // their surnames then name them, latest first.
  auto name = [](int i) {
    std::string first = "Jan", last = "Kowal";
    for (int k = i; k > 0; k /= 26) last += static_cast<char>('a' + k % 26);
    return first + " " + last;
  };
  std::string text;
  for (int i = 0; i < 300; ++i) text += "Ambassador " + name(i) + " spoke.\n";
  for (int i = 299; i >= 0; --i) text += name(i).substr(4) + " replied.\n";
  const std::vector<std::string> mentions = Mentions(Rules(), text);
  REQUIRE(mentions.size() == 600);
  for (int i = 0; i < 300; ++i) {
    CAPTURE(i);
    CHECK(mentions[i] == "Ambassador " + name(i) + " => " + name(i) + " (person, Ambassador)");
    CHECK(mentions[599 - i] == name(i).substr(4) + " => " + name(i) + " (person, Ambassador)");
  }
  // The next document knows none of them, even with a sentence far longer
  // than any before it.
  std::string next = "Kowal replied.\nAmbassador Jane Roe spoke";
  for (int i = 0; i < 40000; ++i) next += " and spoke";
  next += ".\nRoe left.";
  CHECK(Mentions(Rules(), next) ==
        std::vector<std::string>{"Ambassador Jane Roe => Jane Roe (person, Ambassador)",
                                 "Roe => Jane Roe (person, Ambassador)"});
  CHECK(Mentions(Rules(), "Roe spoke. Kowal too.").empty());
}

TEST_CASE("actors: longest match wins and mentions never overlap") {
  CheckCases({
      {"The UN General Assembly and the General Assembly voted.",
       {"UN General Assembly => UN General Assembly (organisation, United Nations)",
        "General Assembly => UN General Assembly (organisation, United Nations)"}},
      {"The United Nations Human Rights Council met.",
       {"United Nations Human Rights Council => UN Human Rights Council (organisation, United "
        "Nations)"}},
  });
  const char text[] =
      "At a Moscow summit, Russia, India, China and Pakistan rejected U.S. President Donald "
      "Trump's call, while Russian Foreign Minister Sergei Lavrov urged the West and Western "
      "powers to return Afghan assets; the Indian delegation, led by ambassador Vinay Kumar, and "
      "a State Department spokesperson disagreed with the Taliban government in Kabul.";
  Document doc = MakeDocument(text);
  Rules().Annotate(&doc);
  REQUIRE(doc.actor_mentions.size() > 10);
  for (size_t i = 0; i < doc.actor_mentions.size(); ++i) {
    const ActorMention& m = doc.actor_mentions[i];
    CAPTURE(m.name);
    CHECK(m.sentence == 0);
    CHECK_FALSE(m.span.empty());
    if (i > 0) CHECK(doc.actor_mentions[i - 1].span.end <= m.span.begin);
  }
}

TEST_CASE("actors: spans cite the original text and sentences are counted") {
  // Normalised text with a straight apostrophe; the original has a curly one
  // (3 bytes), so offsets after it shift by 2.
  Document doc;
  doc.original = "Hello.\nRussia\xE2\x80\x99s Foreign Ministry replied to Kabul.";
  doc.text = "Hello.\nRussia's Foreign Ministry replied to Kabul.";
  doc.offsets.Add(14, 16);  // normalised "s" (after the apostrophe) is original 16
  doc.sentences.push_back({{0, 6}, {0, 6}});
  doc.sentences.push_back({{7, static_cast<uint32_t>(doc.original.size())},
                           {7, static_cast<uint32_t>(doc.text.size())}});
  Rules().Annotate(&doc);
  REQUIRE(doc.actor_mentions.size() == 2);
  const ActorMention& ministry = doc.actor_mentions[0];
  CHECK(ministry.sentence == 1);
  CHECK(doc.Text(ministry.norm) == "Russia's Foreign Ministry");
  CHECK(doc.Original(ministry.span) == "Russia\xE2\x80\x99s Foreign Ministry");
  const ActorMention& kabul = doc.actor_mentions[1];
  CHECK(doc.Text(kabul.norm) == "Kabul");
  CHECK(doc.Original(kabul.span) == "Kabul");
  CHECK(kabul.modifier);  // "to Kabul": a place
  // Annotate replaces earlier mentions rather than adding to them.
  Rules().Annotate(&doc);
  CHECK(doc.actor_mentions.size() == 2);
}

TEST_CASE("actors: malformed YAML is reported with path:line:col") {
  TempDir dir;
  std::string path =
      dir.Write("bad.yaml", "name: bad\nversion: 1\nactors:\n  - {name: X, type: [\n");
  std::vector<std::string> errors = LoadErrors(dir.path());
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].rfind(path + ":5:", 0) == 0);
}

TEST_CASE("actors: every load problem is reported at its place") {
  TempDir dir;
  std::string a = dir.Write("a.yaml",
                            "name: a\n"
                            "version: 1\n"
                            "actors:\n"
                            "  - {type: country}\n"                               // 4: no name
                            "  - {name: Freedonia}\n"                             // 5: no type
                            "  - {name: Sylvania, type: planet}\n"                // 6: bad type
                            "  - {name: Grand Fenwick, type: country}\n"          // 7
                            "  - {name: Grand Fenwick, type: country}\n"          // 8: duplicate
                            "  - name: Moo Ministry\n"                            // 9
                            "    type: organisation\n"                            // 10
                            "    affiliation: Nowhere\n"                          // 11: unknown
                            "  - {name: Ruritania, type: country, alias: [R]}\n"  // 12: bad key
                            "  - {name: Ruritania B, type: country, aliases: [Grand Fenwick]}\n");
  std::string b = dir.Write("b.yaml", "version: 2\n");  // no name
  std::vector<std::string> errors = LoadErrors(dir.path());
  std::vector<std::string> expected = {
      a + ":4:5: missing key 'name'",
      a + ":5:5: missing key 'type' (and no file-level 'type')",
      a + ":6:28: unknown type 'planet' (expected country, organisation, group or person)",
      a + ":8:12: duplicate actor 'Grand Fenwick' (first defined at " + a + ":7:12)",
      a + ":12:38: unknown key 'alias' in an actor",
      a + ":13:50: 'Grand Fenwick' already names actor 'Grand Fenwick'",
      b + ":1:1: missing key 'name'",
      a + ":11:18: unknown affiliation 'Nowhere'",
  };
  CHECK(errors == expected);
}

TEST_CASE("actors: other load errors") {
  {
    Status s;
    TempDir dir;
    LoadErrors(dir.path(), &s);  // no rule files
    CHECK(s.code() == Status::kNotFound);
  }
  {
    Status s;
    LoadErrors("/nonexistent/stance/actors", &s);
    CHECK(s.code() == Status::kNotFound);
  }
  {
    TempDir dir;
    std::string path =
        dir.Write("r.yaml",
                  "name: r\nversion: 1\n"
                  "roles:\n  - {name: Envoy}\n  - {name: Emissary, aliases: [envoy]}\n"
                  "bodies:\n  - {name: office, kind: ministry}\n"
                  "stop_words: [two words]\n");
    Status s;
    std::vector<std::string> errors = LoadErrors(dir.path(), &s);
    CHECK(s.code() == Status::kRuleError);
    std::vector<std::string> expected = {
        path + ":5:32: 'envoy' already names role 'Envoy'",
        path + ":7:26: unknown body kind 'ministry' (expected state or organisation)",
        path + ":8:14: items of 'stop_words' must be single words",
    };
    CHECK(errors == expected);
  }
}

TEST_CASE("actors: a small table of its own") {
  TempDir dir;
  dir.Write("t.yaml",
            "name: t\nversion: 1\n"
            "actors:\n"
            "  - {name: Freedonia, type: country, demonyms: [Freedonian], capitals: [Fredville]}\n"
            "  - {name: Rufus Firefly, type: person, role: Leader, affiliation: Freedonia, "
            "aliases: [Firefly]}\n"
            "roles:\n  - {name: Ambassador}\n"
            "bodies:\n  - {name: government, kind: state}\n"
            "  - {name: Foreign Ministry, kind: organisation}\n");
  CollectingSink sink;
  std::unique_ptr<ActorTable> table;
  Status s = ActorTable::Load(dir.path(), &table, &sink);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  CHECK(table->size() == 2);
  CHECK(Mentions(*table,
                 "Fredville said the Freedonian government and Firefly agreed; "
                 "the Freedonian Foreign Ministry and Freedonian Ambassador Chico Marx "
                 "too.") ==
        std::vector<std::string>{
            "Fredville => Freedonia (country, Freedonia)",
            "Freedonian government => Freedonia (country, Freedonia)",
            "Firefly => Rufus Firefly (person, Freedonia, Leader)",
            "Freedonian Foreign Ministry => Freedonian Foreign Ministry (organisation, Freedonia)",
            "Freedonian Ambassador Chico Marx => Chico Marx (person, Freedonia, Ambassador)",
        });
}

TEST_CASE("actors: a generated table of 100,000 aliases loads and matches") {
  // 20,000 organisations with a name and four aliases each.
  TempDir dir;
  std::string yaml = "name: generated\nversion: 1\ntype: organisation\nactors:\n";
  for (int i = 0; i < 20000; ++i) {
    std::string n = std::to_string(i);
    yaml += "  - {name: Entity" + n + " Alpha, aliases: [Entity" + n + " Beta, E" + n +
            "B, Entity" + n + " Gamma Delta, Org " + n + "]}\n";
  }
  dir.Write("generated.yaml", yaml);
  CollectingSink sink;
  std::unique_ptr<ActorTable> table;
  Status s = ActorTable::Load(dir.path(), &table, &sink);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  CHECK(table->size() == 20000);
  REQUIRE(table->Find("Entity19999 Gamma Delta") != nullptr);
  CHECK(table->Find("Entity19999 Gamma Delta")->name == "Entity19999 Alpha");
  CHECK(table->Find("Entity20000 Alpha") == nullptr);
  CHECK(Mentions(*table, "Entity12345 Beta met E777B and Org 19999 but not Entity5 Gamma.") ==
        std::vector<std::string>{
            "Entity12345 Beta => Entity12345 Alpha (organisation, Entity12345 Alpha)",
            "E777B => Entity777 Alpha (organisation, Entity777 Alpha)",
            "Org 19999 => Entity19999 Alpha (organisation, Entity19999 Alpha)",
        });
}

}  // namespace
}  // namespace stance
