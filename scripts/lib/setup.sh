# Shared by scripts/stance, scripts/test and scripts/bench: installs what is
# missing (Debian 12 packages) and keeps build/ (Release) up to date.
# Sourced, not run. Build chatter goes to stderr so stdout stays clean.

STANCE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STANCE_PACKAGES=(build-essential cmake pkg-config libboost-dev libre2-dev libyaml-cpp-dev
                 doctest-dev libcli11-dev nlohmann-json3-dev libsimdjson-dev libutf8proc-dev
                 libxlsxwriter-dev python3)
# Only scripts/test needs these (tests/cli/html_review.sh loads the review
# page in a browser); scripts/stance stays light.
STANCE_TEST_PACKAGES=(chromium)

stance_log() { printf 'stance: %s\n' "$*" >&2; }

stance_install_missing() {
  local missing=() pkg
  for pkg in "${STANCE_PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$pkg")
  done
  ((${#missing[@]})) || return 0
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  stance_log "installing ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || true
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
}

# stance_build DIR [cmake args...] [-- TARGET...]: configures DIR once, then
# builds it (every target, or only those named) when any source is newer
# than the stamp of that build.
stance_build() {
  local dir=$1
  shift
  local args=() targets=()
  while (($#)); do
    if [ "$1" = "--" ]; then
      shift
      targets=("$@")
      break
    fi
    args+=("$1")
    shift
  done
  local stamp="$dir/.stance-built"
  ((${#targets[@]})) && stamp="$stamp-$(printf '%s+' "${targets[@]}")"
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    stance_log "configuring $dir"
    cmake -S "$STANCE_ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=Release "${args[@]}" >&2
  fi
  if [ -f "$stamp" ] && [ -z "$(find "$STANCE_ROOT/CMakeLists.txt" "$STANCE_ROOT/pipeline" \
        "$STANCE_ROOT/grammars" "$STANCE_ROOT/tests" -newer "$stamp" \
        \( -name '*.cc' -o -name '*.h' -o -name 'CMakeLists.txt' -o -name '*.sh' \) \
        -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  stance_log "building $dir${targets[*]:+ (${targets[*]})}"
  local target_args=()
  ((${#targets[@]})) && target_args=(--target "${targets[@]}")
  # The stamp records the start: a source saved during the build is newer.
  touch "$stamp.new"
  cmake --build "$dir" -j "$(nproc)" "${target_args[@]}" >&2
  mv "$stamp.new" "$stamp"
}
