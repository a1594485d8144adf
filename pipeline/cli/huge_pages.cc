// Large allocations of the stance binary on transparent huge pages.
//
// On a big input, most of the time of `stance sentences` goes into the first
// touch of fresh memory (the text as read, its normalised copy), one page
// fault per 4 KiB page; on virtual machines each fault is dear. Asking for
// transparent huge pages (madvise MADV_HUGEPAGE, honoured when
// /sys/kernel/mm/transparent_hugepage/enabled is "madvise" or "always") turns
// that into one fault per 2 MiB. This replaces the global operator new of the
// binary (not of the library or the tests): blocks of kHugeBlockBytes and more
// are advised, everything is still allocated and freed by malloc/free, so the
// default operator delete stays correct.
//
// Left out under AddressSanitizer and ThreadSanitizer, which bring their own
// operator new and would see malloc'd blocks freed by their operator delete.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define STANCE_HUGE_PAGES 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define STANCE_HUGE_PAGES 0
#endif
#endif
#ifndef STANCE_HUGE_PAGES
#define STANCE_HUGE_PAGES 1
#endif

#if STANCE_HUGE_PAGES
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <new>

namespace {

constexpr size_t kHugePageBytes = size_t{2} << 20;
constexpr size_t kHugeBlockBytes = size_t{4} << 20;

// Advises the whole huge pages inside [p, p + n). A hint only: errors
// (no THP support, an old kernel) are ignored.
void AdviseHugePages(void* p, size_t n) {
  uintptr_t begin = reinterpret_cast<uintptr_t>(p);
  uintptr_t first = (begin + kHugePageBytes - 1) & ~(kHugePageBytes - 1);
  uintptr_t last = (begin + n) & ~(kHugePageBytes - 1);
  if (first < last) {
    ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
  }
}

// malloc with the new-handler loop the standard asks of operator new.
void* Allocate(size_t n) {
  if (n == 0) n = 1;
  for (;;) {
    void* p = std::malloc(n);
    if (p != nullptr) {
      if (n >= kHugeBlockBytes) AdviseHugePages(p, n);
      return p;
    }
    std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) throw std::bad_alloc();
    handler();
  }
}

}  // namespace

void* operator new(size_t n) { return Allocate(n); }
void* operator new[](size_t n) { return Allocate(n); }

#endif  // STANCE_HUGE_PAGES
