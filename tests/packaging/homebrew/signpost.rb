# signpost.rb - a Homebrew formula for signpost, what a Homebrew packager
# starts from (README, Packaging).  It is kept beside the Debian and RPM
# packaging but not run by this project's CI (no macOS here); README,
# Portability, lists what is known about macOS.
class Signpost < Formula
  desc "Offline directory of anonymous prevention services"
  # PLACEHOLDER: signpost has no public home yet (HOMEPAGE_URL in
  # CMakeLists.txt); url is the tarball of `git archive
  # --prefix=signpost-VERSION/`, sha256 its checksum.
  homepage "https://example.invalid/signpost"
  url "https://example.invalid/signpost/releases/signpost-0.1.0.tar.gz"
  sha256 "0000000000000000000000000000000000000000000000000000000000000000"
  license "GPL-3.0-or-later"

  depends_on "cmake" => :build
  depends_on "pkgconf" => :build
  # The versioned formula that `icu4c` is an alias of.  names.cache is
  # built from this ICU's data and used only under it: a new ICU needs a
  # revision bump of this formula.
  depends_on "icu4c@78"
  depends_on "libyaml"
  # GNU readline: the session uses GNU interfaces macOS's libedit lacks.
  depends_on "readline"

  def install
    # The test suite needs Linux tools (strace, GNU find, glibc locales):
    # not built here.  zsh reads site-functions, the default.
    system "cmake", "-S", ".", "-B", "build", "-DBUILD_TESTING=OFF", *std_cmake_args
    system "cmake", "--build", "build"
    system "cmake", "--install", "build"
  end

  test do
    assert_match "signpost #{version}", shell_output("#{bin}/signpost --version")
    # The installed table, found relative to the binary in the keg.
    system bin/"signpost", "--check"
    assert_match "Parafilik", shell_output("#{bin}/signpost -c CZ -l cs --no-input")
    assert_match "usage: signpost-mkindex",
                 shell_output("#{libexec}/signpost/signpost-mkindex --help")
  end
end
