// Placeholder until the pattern grammar lands.
namespace stance::pattern {
int GrammarPlaceholder() { return 0; }
}  // namespace stance::pattern
